//! The map: zoom buttons, taps on every municipality, drags and pinches, the official layout.

use crate::harness::*;
use midori_kiosk::kiosk::map_view::QuickZoom;
use midori_kiosk::kiosk::map_view::{AreaColours, Choropleth, MapCamera, MapLayers, MapLayout, Morph};
use midori_kiosk::kiosk::screens::map::{ColourButton, LayoutToggle, ListCloseButton, ZoomButton};
use midori_kiosk::telemetry::Event;

fn camera_scale(k: &mut Kiosk) -> f32 {
    let mut q = k.app.world_mut().query_filtered::<&Projection, With<Camera2d>>();
    match q.single(k.app.world()).unwrap() {
        Projection::Orthographic(o) => o.scale,
        _ => panic!("2D camera"),
    }
}

#[test]
fn zoom_buttons_magnify_and_shrink_the_map_within_its_limits_and_icons_are_drawn_once() {
    use midori_kiosk::kiosk::icons::IconTextures;
    use midori_kiosk::kiosk::map_view::MapCamera;
    use midori_kiosk::kiosk::screens::map::ZoomStepButton;
    let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
    k.frames(20);
    let button = |k: &mut Kiosk, closer: bool| -> Vec2 {
        let mut q = k.app.world_mut().query::<(&ZoomStepButton, &UiGlobalTransform)>();
        q.iter(k.app.world()).find(|(b, _)| (b.0 > 1.0) == closer).map(|(_, t)| t.affine().translation).unwrap()
    };
    let whole = camera_scale(&mut k);
    let fit = k.app.world().resource::<MapCamera>().fit_scale;
    let plus = button(&mut k, true);
    k.tap_at(plus);
    k.frames(30);
    let closer = camera_scale(&mut k);
    assert!((whole / closer - midori_kiosk::kiosk::map_view::ZOOM_STEP).abs() < 0.05, "{whole} → {closer}");
    for _ in 0..10 {
        k.tap_at(plus);
    }
    k.frames(40);
    assert!(camera_scale(&mut k) >= fit / 12.0 - 1e-3, "no closer than 1/12 of Tokyo");
    let minus = button(&mut k, false);
    for _ in 0..12 {
        k.tap_at(minus);
    }
    k.frames(40);
    assert!((camera_scale(&mut k) - fit).abs() / fit < 0.01, "no further out than all of Tokyo");
    assert_eq!(k.screen(), Screen::Map, "zooming selects nothing and opens nothing");
    // Icons are rasterised once per icon, size and colour: the same screen again adds none.
    let drawn = k.app.world().resource::<IconTextures>().len();
    assert!(drawn >= 5, "{drawn} icons on the map screen");
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::About);
    k.frames(3);
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Map);
    k.frames(3);
    let about_and_map = k.app.world().resource::<IconTextures>().len();
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::About);
    k.frames(3);
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::Map);
    k.frames(3);
    assert_eq!(k.app.world().resource::<IconTextures>().len(), about_and_map);
}

/// booth_config with the official map imported from the shared N03 test file (in a temp folder; the
/// geometry never enters the repository).
fn with_official_map() -> (tempfile::TempDir, LoadedBooth) {
    use midori_kiosk::geo::import::{self};
    let dir = tempfile::tempdir().unwrap();
    let cfg = copy_of_booth_config(dir.path(), "booth_config");
    let list = midori_kiosk::content::municipalities::load(&cfg).unwrap();
    let munis = list.import_inputs();
    let input = Path::new(ROOT).join("../shared/geo/tokyo-municipalities-N03-2021-s1pct.geojson");
    let (file, _) = import::import(&input, None, &munis, &mut |_, _| {}).unwrap();
    import::write(&cfg, &file).unwrap();
    let (booth, strings) = midori_kiosk::booth::load_all(&cfg, &Path::new(ROOT).join("locales")).unwrap();
    assert!(booth.official_map.is_some());
    (dir, LoadedBooth::Ready { booth: Arc::new(booth), strings: Arc::new(strings) })
}

fn map_touches(k: &mut Kiosk) -> Vec<Option<String>> {
    k.events().into_iter().filter_map(|e| if let Event::MapTouch { code } = e { Some(code) } else { None }).collect()
}

fn every_label_selects_its_municipality(k: &mut Kiosk) {
    let codes = k.codes();
    let mut wrong = Vec::new();
    for code in &codes {
        let p = k.map_point(code);
        k.tap_at(p);
        if k.card().as_deref() != Some(code.as_str()) {
            wrong.push(format!("{code} → {:?} at {p}", k.card()));
        }
        // Tapping the sea closes the card again, so the next tap is a first tap.
        *k.app.world_mut().resource_mut::<Selection>() = Selection::default();
    }
    assert!(wrong.is_empty(), "labels that did not select their municipality: {wrong:?}");
    assert_eq!(k.screen(), Screen::Map);
}

#[test]
fn every_tile_label_selects_its_municipality_and_the_sea_nothing() {
    let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
    every_label_selects_its_municipality(&mut k);
    let touched = map_touches(&mut k);
    assert_eq!(touched.len(), 62);
    assert!(touched.iter().all(Option::is_some));
    // Far outside the tiles (north-west of Okutama, in the sea).
    let b = k.app.world().resource::<MapLayers>().tiles.bounds();
    let sea = k.map_to_screen([b.min[0] - 0.5, b.max[1] + 0.3]);
    k.tap_at(sea);
    assert_eq!(k.card(), None);
    assert_eq!(map_touches(&mut k).last(), Some(&None));
}

#[test]
fn every_label_selects_its_municipality_on_the_official_map_too() {
    let (_dir, startup) = with_official_map();
    // With an imported map the kiosk shows it by default.
    let mut k = Kiosk::with(startup, InitialView { screen: Screen::Map, ..InitialView::default() });
    k.frames(5);
    assert_eq!(*k.app.world().resource::<MapLayout>(), MapLayout::Official);
    assert_eq!(k.app.world().resource::<Morph>().t, 1.0);
    assert!(
        k.all_text().contains("出典：国土交通省 国土数値情報（行政区域データ）を加工して作成"),
        "the attribution is on screen"
    );
    every_label_selects_its_municipality(&mut k);
    // Tokyo Bay, east of the wards, is sea.
    let bay = midori_kiosk::geo::project([139.95, 35.45]);
    let p = k.map_to_screen(bay);
    k.tap_at(p);
    assert_eq!(k.card(), None);
    // The layout toggle morphs back to the tiles.
    k.click::<With<LayoutToggle>>();
    k.frames(30);
    assert_eq!(*k.app.world().resource::<MapLayout>(), MapLayout::Tiles);
    assert_eq!(k.app.world().resource::<Morph>().t, 0.0);
}

fn camera(k: &mut Kiosk) -> (Vec2, f32) {
    k.frames(20);
    let w = k.app.world_mut();
    let mut q = w.query_filtered::<(&Transform, &Projection), With<Camera2d>>();
    let (tf, proj) = q.single(w).unwrap();
    let Projection::Orthographic(o) = proj else { panic!() };
    (tf.translation.truncate(), o.scale)
}

fn touch(k: &mut Kiosk, id: u64, phase: TouchPhase, position: Vec2) {
    midori_kiosk::kiosk::drive::touch(&mut k.app, id, phase, position);
}

#[test]
fn a_drag_pans_without_selecting_and_a_pinch_zooms_within_bounds() {
    let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
    let (c0, s0) = camera(&mut k);
    let start = k.map_point("13104");
    touch(&mut k, 1, TouchPhase::Started, start);
    for i in 1..=6 {
        touch(&mut k, 1, TouchPhase::Moved, start + Vec2::new(20.0 * i as f32, 0.0));
    }
    touch(&mut k, 1, TouchPhase::Ended, start + Vec2::new(120.0, 0.0));
    let (c1, s1) = camera(&mut k);
    assert_eq!(k.card(), None, "a drag is not a tap");
    assert!(c1.x < c0.x - 1e-3, "dragging right moves the view left: {c0} → {c1}");
    assert!((s1 - s0).abs() < 1e-6);
    // Two fingers moving apart zoom in.
    let mid = Vec2::new(600.0, 500.0);
    touch(&mut k, 1, TouchPhase::Started, mid - Vec2::new(50.0, 0.0));
    touch(&mut k, 2, TouchPhase::Started, mid + Vec2::new(50.0, 0.0));
    for i in 1..=5 {
        let d = 50.0 + 30.0 * i as f32;
        touch(&mut k, 1, TouchPhase::Moved, mid - Vec2::new(d, 0.0));
        touch(&mut k, 2, TouchPhase::Moved, mid + Vec2::new(d, 0.0));
    }
    touch(&mut k, 1, TouchPhase::Ended, mid - Vec2::new(200.0, 0.0));
    touch(&mut k, 2, TouchPhase::Ended, mid + Vec2::new(200.0, 0.0));
    let (_, s2) = camera(&mut k);
    assert!(s2 < s1 * 0.6, "pinching out zooms in: scale {s1} → {s2}");
    assert_eq!(k.card(), None);
    // Never further out than all of Tokyo.
    let fit = k.app.world().resource::<MapCamera>().fit_scale;
    let tokyo = {
        let mut q = k.app.world_mut().query::<(&ZoomButton, &UiGlobalTransform)>();
        q.iter(k.app.world()).find(|(b, _)| b.0 == QuickZoom::Tokyo).map(|(_, t)| t.affine().translation).unwrap()
    };
    k.click_at(tokyo);
    let (_, s3) = camera(&mut k);
    assert!((s3 - fit).abs() / fit < 0.01);
}

#[test]
fn quick_zooms_colours_and_the_list() {
    let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
    let mut q = k.app.world_mut().query::<(Entity, &ZoomButton)>();
    let buttons: Vec<(Entity, QuickZoom)> = q.iter(k.app.world()).map(|(e, z)| (e, z.0)).collect();
    assert_eq!(buttons.len(), 4);
    let (_, whole) = camera(&mut k);
    for (e, z) in &buttons {
        let centre = k.app.world().get::<UiGlobalTransform>(*e).unwrap().affine().translation;
        k.click_at(centre);
        let (_, s) = camera(&mut k);
        match z {
            QuickZoom::Tokyo => assert!((s - whole).abs() / whole < 0.01),
            _ => assert!(s < whole * 0.8, "{z:?} zooms in: {s} vs {whole}"),
        }
    }
    // Population density: every municipality with both facts is coloured, the others are "no data".
    let density = {
        let mut q = k.app.world_mut().query::<(&ColourButton, &UiGlobalTransform)>();
        q.iter(k.app.world())
            .find(|(b, _)| b.0 == Choropleth::PopulationDensity)
            .map(|(_, t)| t.affine().translation)
            .unwrap()
    };
    k.click_at(density);
    let colours = k.app.world().resource::<AreaColours>().clone();
    assert_eq!(colours.mode, Some(Choropleth::PopulationDensity));
    let list = k.app.world().resource::<midori_kiosk::kiosk::Content>().0.municipalities.list.clone();
    for (m, fill) in list.iter().zip(&colours.fills) {
        assert_eq!(fill.is_some(), m.population.is_some() && m.area_km2.is_some(), "{}", m.code);
    }
    assert!(colours.fills.iter().any(Option::is_none));
    assert!(k.all_text().contains("データなし"));
    // Program themes: the municipalities with a program of their own on the theme light up.
    {
        use midori_kiosk::content::Theme;
        use midori_kiosk::kiosk::map_view::{THEME_DIM, THEME_LIT};
        use midori_kiosk::kiosk::screens::map::ThemeButton;
        let themes = {
            let mut q = k.app.world_mut().query::<(&ColourButton, &UiGlobalTransform)>();
            q.iter(k.app.world())
                .find(|(b, _)| matches!(b.0, Choropleth::Theme(_)))
                .map(|(_, t)| t.affine().translation)
                .unwrap()
        };
        k.click_at(themes);
        k.frames(2);
        let booth = k.app.world().resource::<midori_kiosk::kiosk::Content>().0.clone();
        for theme in [Theme::Energy, Theme::Waste] {
            let button = {
                let mut q = k.app.world_mut().query::<(&ThemeButton, &UiGlobalTransform)>();
                q.iter(k.app.world()).find(|(b, _)| b.0 == theme).map(|(_, t)| t.affine().translation).unwrap()
            };
            k.click_at(button);
            k.frames(2);
            let colours = k.app.world().resource::<AreaColours>().clone();
            assert_eq!(colours.mode, Some(Choropleth::Theme(theme)));
            let lit: Vec<&str> = list
                .iter()
                .zip(&colours.fills)
                .filter(|(_, f)| **f == Some(THEME_LIT))
                .map(|(m, _)| m.code.as_str())
                .collect();
            let expected: Vec<&str> = list
                .iter()
                .filter(|m| booth.own_programs_of(&m.code).iter().any(|p| p.theme == Some(theme)))
                .map(|m| m.code.as_str())
                .collect();
            assert!(!expected.is_empty() && expected.len() < 62, "{theme:?} tells municipalities apart");
            assert_eq!(lit, expected, "{theme:?}");
            assert!(colours.fills.iter().all(|f| *f == Some(THEME_LIT) || *f == Some(THEME_DIM)));
        }
        // A theme no municipality has gets no button.
        let shown: Vec<Theme> = k.app.world_mut().query::<&ThemeButton>().iter(k.app.world()).map(|b| b.0).collect();
        for t in Theme::ALL {
            assert_eq!(shown.contains(&t), booth.programs.iter().any(|p| p.theme == Some(t)), "{t:?}");
        }
    }
    // The list: all 62, and choosing one opens its page (recorded as chosen from the list).
    k.click::<With<ListOpenButton>>();
    assert_eq!(k.app.world_mut().query::<&MunicipalityButton>().iter(k.app.world()).count(), 62);
    k.click::<With<ListCloseButton>>();
    assert_eq!(k.app.world_mut().query::<&MunicipalityButton>().iter(k.app.world()).count(), 0);
    k.click::<With<ListOpenButton>>();
    let p = k.list_button_centre("13421");
    k.tap_at(p);
    assert_eq!(k.screen(), Screen::Municipality);
    assert!(
        k.events().contains(&Event::MunicipalitySelect {
            code: "13421".into(),
            how: midori_kiosk::telemetry::SelectHow::List
        })
    );
}
