//! What a visitor sees: touch targets of 20 mm, no clipped text in any language, fades, the result
//! badge, the staff page for a broken config, glyph atlases.

use crate::harness::*;

#[test]
fn every_touch_target_is_at_least_20_mm_in_every_language() {
    use midori_kiosk::kiosk::Content;
    use midori_kiosk::kiosk::idle::IdleTimer;
    use midori_kiosk::kiosk::screens::quiz::QuizSession;
    for lang in Lang::ALL {
        let mut k = Kiosk::start(InitialView {
            screen: Screen::Map,
            lang: Some(lang),
            municipality: Some("13421".into()),
            ..InitialView::default()
        });
        for (screen, idle) in [
            (Screen::Map, false),
            (Screen::Municipality, false),
            (Screen::TakeHome, false),
            (Screen::About, false),
            (Screen::QuizIntro, false),
            (Screen::QuizQuestion, false),
            (Screen::QuizResult, false),
            (Screen::StaffPin, false),
            (Screen::StaffPanel, false),
            (Screen::Map, true),
        ] {
            let w = k.app.world_mut();
            if screen == Screen::QuizQuestion {
                let content = w.resource::<Content>().clone();
                w.resource_mut::<QuizSession>().start(&content);
            }
            if screen == Screen::QuizResult {
                let mut session = w.resource_mut::<QuizSession>();
                let round = session.round.as_mut().unwrap();
                while !round.is_complete() {
                    round.answer(0, 1000);
                }
            }
            w.resource_mut::<IdleTimer>().quiet = if idle { Duration::from_secs(65) } else { Duration::ZERO };
            w.resource_mut::<NextState<Screen>>().set(screen);
            k.frames(4);
            assert_eq!(k.screen(), screen);
            let (side, which) = k.smallest_button_mm();
            assert!(side >= TARGET_MIN_MM, "{screen:?} idle={idle} {lang}: a button is only {side:.1} mm ({which})");
        }
    }
}

/// Every visible text on screen now: (its text, laid-out size, node size, node rectangle, clip).
fn texts_on_screen(k: &mut Kiosk) -> Vec<(String, Vec2, Vec2, Rect, Option<Rect>)> {
    use bevy::text::TextLayoutInfo;
    use bevy::ui::CalculatedClip;
    let mut q = k.app.world_mut().query::<(
        &Text,
        &TextLayoutInfo,
        &ComputedNode,
        &UiGlobalTransform,
        &InheritedVisibility,
        Option<&CalculatedClip>,
    )>();
    q.iter(k.app.world())
        .filter(|(_, _, node, _, vis, _)| vis.get() && !node.is_empty())
        .map(|(t, info, node, tf, _, clip)| {
            (
                t.0.clone(),
                info.size,
                node.size(),
                Rect::from_center_size(tf.affine().translation, node.size()),
                clip.map(|c| c.clip),
            )
        })
        .collect()
}

#[test]
fn no_text_is_clipped_on_any_screen_in_any_language() {
    use bevy::text::FontHinting;
    use midori_kiosk::kiosk::Content;
    use midori_kiosk::kiosk::aids::{Aids, ScrollingBody};
    use midori_kiosk::kiosk::screens::about::AboutTab;
    use midori_kiosk::kiosk::screens::quiz::QuizSession;
    use midori_kiosk::kiosk::screens::quiz::question::ProgressFill;
    let screen_rect = Rect::new(0.0, 0.0, W as f32, H as f32);
    let mut walked = 0;
    let mut clipped: Vec<String> = vec![];
    // Every language as it ships, then every language with large text (× 1.4) and high contrast on.
    let both = Aids { large_text: true, high_contrast: true };
    let runs: Vec<(Lang, Aids)> =
        Lang::ALL.into_iter().map(|l| (l, Aids::default())).chain(Lang::ALL.into_iter().map(|l| (l, both))).collect();
    for (lang, aids) in runs.iter().copied() {
        let mut k = Kiosk::start(InitialView {
            lang: Some(lang),
            municipality: Some("13201".into()),
            aids,
            ..InitialView::default()
        });
        let mut steps: Vec<(Screen, Option<AboutTab>, Option<&str>)> = vec![
            (Screen::Attract, None, None),
            (Screen::Map, None, None),
            (Screen::Municipality, None, None),
            (Screen::Program, None, Some("13104-green-curtain")),
            (Screen::TakeHome, None, None),
        ];
        steps.extend(AboutTab::ALL.into_iter().map(|t| (Screen::About, Some(t), None)));
        steps.extend([
            (Screen::QuizIntro, None, None),
            (Screen::QuizQuestion, None, None),
            (Screen::QuizFeedback, None, None),
            (Screen::QuizResult, None, None),
            (Screen::StaffPin, None, None),
            (Screen::StaffPanel, None, None),
        ]);
        for (screen, tab, program) in steps {
            let w = k.app.world_mut();
            if let Some(t) = tab {
                *w.resource_mut::<AboutTab>() = t;
            }
            if let Some(id) = program {
                let mut sel = w.resource_mut::<Selection>();
                sel.municipality = Some("13104".into());
                sel.program = Some(id.into());
            } else if screen == Screen::Municipality {
                w.resource_mut::<Selection>().municipality = Some("13201".into());
            }
            match screen {
                Screen::QuizQuestion => {
                    let content = w.resource::<Content>().clone();
                    w.resource_mut::<QuizSession>().start(&content);
                }
                Screen::QuizFeedback => {
                    w.resource_mut::<QuizSession>().round.as_mut().unwrap().answer(0, 1000);
                }
                Screen::QuizResult => {
                    let mut session = w.resource_mut::<QuizSession>();
                    let round = session.round.as_mut().unwrap();
                    while !round.is_complete() {
                        round.answer(1, 1000);
                    }
                }
                _ => {}
            }
            w.resource_mut::<NextState<Screen>>().set(screen);
            k.frames(4);
            assert_eq!(k.screen(), screen);
            // In large-text mode a screen that no longer fits scrolls: then its texts must fit across,
            // and scrolled to the end, the last one must be on screen.
            let scrolling = {
                let w = k.app.world_mut();
                let mut q = w.query_filtered::<(Entity, &ComputedNode), With<ScrollingBody>>();
                q.iter(w).find(|(_, n)| n.content_size().y > n.size().y + 1.0).map(|(e, n)| (e, n.size().y))
            };
            if let Some((body, _)) = scrolling {
                let (top_texts, bottom_before) = {
                    let t = texts_on_screen(&mut k);
                    (t.len(), t.iter().map(|x| x.3.max.y).fold(0.0f32, f32::max))
                };
                k.app.world_mut().get_mut::<ScrollPosition>(body).unwrap().y = 10_000.0;
                k.frames(2);
                let after = texts_on_screen(&mut k);
                let bottom = after.iter().map(|x| x.3.max.y).fold(0.0f32, f32::max);
                if !(bottom <= H as f32 + 1.0 && bottom < bottom_before && after.len() + 1 >= top_texts) {
                    clipped.push(format!(
                        "{screen:?} {tab:?} {lang}: scrolled to the end, the last text ends at {bottom} (was {bottom_before})"
                    ));
                }
                k.app.world_mut().get_mut::<ScrollPosition>(body).unwrap().y = 0.0;
                k.frames(2);
            }
            let texts = texts_on_screen(&mut k);
            assert!(texts.len() >= 3, "{screen:?} {lang}: only {} texts", texts.len());
            for (text, laid_out, node, rect, clip) in texts {
                // Texts of a scrolling screen may lie below the fold (checked scrolled, above); across, they fit.
                let (rect, clip) = match scrolling {
                    Some(_) => (
                        Rect::new(
                            rect.min.x,
                            rect.min.y.clamp(0.0, H as f32),
                            rect.max.x,
                            rect.max.y.clamp(0.0, H as f32),
                        ),
                        clip.map(|c| Rect::new(c.min.x, 0.0, c.max.x, H as f32)),
                    ),
                    None => (rect, clip),
                };
                let what =
                    format!("{screen:?} {tab:?} {lang} {aids:?}: {:?}", text.chars().take(40).collect::<String>());
                if !(laid_out.x <= node.x + 1.0 && laid_out.y <= node.y + 1.0) {
                    clipped.push(format!("{what} needs {laid_out} but has {node}"));
                }
                if !(screen_rect.inflate(1.0).contains(rect.min) && screen_rect.inflate(1.0).contains(rect.max)) {
                    clipped.push(format!("{what} is off screen at {rect:?}"));
                }
                if let Some(c) = clip
                    && !(c.inflate(1.0).contains(rect.min) && c.inflate(1.0).contains(rect.max))
                {
                    clipped.push(format!("{what} at {rect:?} is cut by its container {c:?}"));
                }
            }
            // Unhinted, so the hinter cannot pull descenders (g, j, p, q, y) up into the line above.
            let mut hinting = k.app.world_mut().query_filtered::<&FontHinting, With<Text>>();
            assert!(hinting.iter(k.app.world()).all(|h| *h == FontHinting::Disabled), "{screen:?}: hinted text");
            if screen == Screen::QuizFeedback {
                // One of five answered: the bar is a fifth full.
                let mut q = k.app.world_mut().query_filtered::<(&ComputedNode, &ChildOf), With<ProgressFill>>();
                let (fill, parent) = q.single(k.app.world()).map(|(n, p)| (n.size().x, p.parent())).unwrap();
                let track = k.app.world().get::<ComputedNode>(parent).unwrap().size().x;
                assert!((fill / track - 0.2).abs() < 0.02, "progress {fill}/{track}");
            }
            walked += 1;
        }
    }
    assert!(clipped.is_empty(), "{} clipped texts:\n{}", clipped.len(), clipped.join("\n"));
    assert_eq!(walked, runs.len() * 16);
}

#[test]
fn a_new_screen_fades_in_within_250_ms_unless_the_booth_asks_for_less_motion() {
    use midori_kiosk::kiosk::motion::ScreenFade;
    let fades = |k: &mut Kiosk| k.app.world_mut().query::<&ScreenFade>().iter(k.app.world()).count();
    let mut k = Kiosk::start(InitialView::default());
    k.tap_at(TITLE_BAND);
    assert_eq!(k.screen(), Screen::Map);
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::About);
    k.frames(1);
    assert_eq!(fades(&mut k), 1, "a veil over the new screen");
    // FRAME is 100 ms: three frames later it is gone.
    k.frames(3);
    assert_eq!(fades(&mut k), 0);

    let (mut booth, strings) =
        midori_kiosk::booth::load_all(&Path::new(ROOT).join("booth_config"), &Path::new(ROOT).join("locales")).unwrap();
    booth.settings.reduce_motion = true;
    let mut k =
        Kiosk::with(LoadedBooth::Ready { booth: Arc::new(booth), strings: Arc::new(strings) }, InitialView::default());
    k.tap_at(TITLE_BAND);
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::About);
    k.frames(1);
    assert_eq!(fades(&mut k), 0, "reduce_motion: no fade");
}

#[test]
fn the_result_badge_shows_the_ranks_stars_and_each_course_bar_its_attendance() {
    use midori_kiosk::kiosk::Content;
    use midori_kiosk::kiosk::screens::about::{AboutTab, AttendanceBar};
    use midori_kiosk::kiosk::screens::quiz::QuizSession;
    use midori_kiosk::kiosk::screens::quiz::result::BadgeStar;
    let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
    let w = k.app.world_mut();
    let content = w.resource::<Content>().clone();
    let mut session = w.resource_mut::<QuizSession>();
    session.start(&content);
    let round = session.round.as_mut().unwrap();
    // Every answer right: full marks, three stars.
    while !round.is_complete() {
        let right = {
            let d = round.current().unwrap();
            let q = content.0.quiz.get(&d.id).unwrap();
            d.order.iter().position(|&c| c == q.correct).unwrap()
        };
        round.answer(right, 1000);
    }
    let (score, total) = (round.score(), round.questions.len());
    assert_eq!(score, total);
    w.resource_mut::<NextState<Screen>>().set(Screen::QuizResult);
    k.frames(4);
    let stars = k.app.world_mut().query::<&BadgeStar>().iter(k.app.world()).count();
    assert_eq!(stars, midori_kiosk::quiz::rank_stars(score, total));
    assert_eq!(stars, 3);

    *k.app.world_mut().resource_mut::<AboutTab>() = AboutTab::Lectures;
    k.app.world_mut().resource_mut::<NextState<Screen>>().set(Screen::About);
    k.frames(4);
    let lectures: Vec<u32> = content.0.project.results.lecture.iter().map(|l| *l.participants.get_ref()).collect();
    let most = *lectures.iter().max().unwrap() as f32;
    let mut q = k.app.world_mut().query::<(&AttendanceBar, &ComputedNode, &ChildOf)>();
    let mut bars: Vec<(f32, f32, Entity)> =
        q.iter(k.app.world()).map(|(b, n, p)| (b.0, n.size().x, p.parent())).collect();
    bars.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut shares: Vec<f32> = lectures.iter().map(|&n| n as f32 / most).collect();
    shares.sort_by(f32::total_cmp);
    assert_eq!(bars.len(), shares.len());
    assert_eq!(bars.last().unwrap().0, 1.0, "the largest course fills the width");
    for ((share, width, track), expected) in bars.into_iter().zip(shares) {
        assert!((share - expected).abs() < 1e-6);
        let track = k.app.world().get::<ComputedNode>(track).unwrap().size().x;
        assert!((width / track - share).abs() < 0.01, "bar {width} of {track} for a share of {share}");
    }
}

#[test]
fn a_broken_config_shows_the_staff_page_with_every_problem() {
    let problems = vec![
        "booth.toml:12:1: idle browse_seconds = 1 is out of range 15..=600".to_owned(),
        "x.toml: file not found".to_owned(),
    ];
    let mut k = Kiosk::with(LoadedBooth::Broken { problems: problems.clone(), strings: None }, InitialView::default());
    assert_eq!(k.screen(), Screen::ConfigError);
    let mut q = k.app.world_mut().query_filtered::<&Text, With<ProblemLine>>();
    let shown: Vec<String> = q.iter(k.app.world()).map(|t| t.0.clone()).collect();
    assert_eq!(shown, problems);
    let text = k.all_text();
    assert!(text.contains("設定ファイルにエラーがあります") && text.contains("The booth configuration has errors"));
    // Touches do not start the visitor experience.
    k.tap_at(Vec2::new(500.0, 500.0));
    assert_eq!(k.screen(), Screen::ConfigError);
}

/// Every laid-out glyph points into an atlas image that exists.
fn glyph_atlases_present(k: &mut Kiosk) -> (usize, usize) {
    use bevy::text::TextLayoutInfo;
    let w = k.app.world_mut();
    let ids: Vec<AssetId<Image>> =
        w.query::<&TextLayoutInfo>().iter(w).flat_map(|l| l.glyphs.iter().map(|g| g.atlas_info.texture)).collect();
    let images = w.resource::<Assets<Image>>();
    (ids.len(), ids.iter().filter(|id| images.get(**id).is_none()).count())
}

#[test]
fn glyph_atlases_over_budget_are_dropped_in_the_attract_loop_and_text_still_draws() {
    use bevy::text::FontAtlasSet;
    use midori_kiosk::kiosk::glyph_cache::{GlyphAtlasBudget, GlyphAtlasTrims};
    let atlas_bytes =
        |k: &Kiosk| k.app.world().resource::<FontAtlasSet>().total_bytes(k.app.world().resource::<Assets<Image>>());
    let trims = |k: &Kiosk| k.app.world().resource::<GlyphAtlasTrims>().0;
    let go = |k: &mut Kiosk, s: Screen| {
        k.app.world_mut().resource_mut::<NextState<Screen>>().set(s);
        k.frames(4);
        assert_eq!(k.screen(), s);
    };
    let mut k = Kiosk::start(InitialView {
        screen: Screen::Municipality,
        lang: Some(Lang::Ko),
        municipality: Some("13421".into()),
        ..InitialView::default()
    });
    // Within the default budget, a return to the attract loop keeps the atlases.
    go(&mut k, Screen::Attract);
    assert_eq!(trims(&k), 0);
    // The attract loop's ghost finger chooses municipalities of its own; a visitor's touch chooses this one.
    k.app.world_mut().resource_mut::<Selection>().municipality = Some("13421".into());
    go(&mut k, Screen::Municipality);
    let visited = atlas_bytes(&k);
    assert!(visited > 0);
    // Text that stays on screen across the change (not respawned by the attract loop) must be laid out again.
    k.app.world_mut().spawn(Text::new("Eco-Products 2013"));
    k.frames(2);
    // Over budget: dropped on the way back, and the attract loop's own glyphs rasterised again.
    k.app.insert_resource(GlyphAtlasBudget { bytes: visited - 1 });
    go(&mut k, Screen::Attract);
    assert_eq!(trims(&k), 1);
    let after = atlas_bytes(&k);
    assert!(after > 0 && after < visited, "atlas bytes {visited} before, {after} after");
    let (glyphs, missing) = glyph_atlases_present(&mut k);
    assert!(glyphs > 50 && missing == 0, "{missing} of {glyphs} glyphs point to a dropped atlas");
    // The next visitor's screens draw too.
    k.app.insert_resource(GlyphAtlasBudget::default());
    go(&mut k, Screen::Map);
    let (glyphs, missing) = glyph_atlases_present(&mut k);
    assert!(glyphs > 50 && missing == 0, "{missing} of {glyphs} glyphs point to a dropped atlas");
}

/// Visible texts that run past a box with a background around them (a card, a chip, a button): (text,
/// its rectangle, the box's rectangle).
fn texts_outside_their_boxes(k: &mut Kiosk) -> Vec<(String, Rect, Rect)> {
    let world = k.app.world_mut();
    let mut boxes = world.query::<(&ComputedNode, &UiGlobalTransform, &BackgroundColor)>();
    let mut parents = world.query::<&ChildOf>();
    let mut texts =
        world.query_filtered::<(Entity, &Text, &ComputedNode, &UiGlobalTransform, &InheritedVisibility), With<Text>>();
    let world = k.app.world();
    let rect =
        |node: &ComputedNode, tf: &UiGlobalTransform| Rect::from_center_size(tf.affine().translation, node.size());
    let mut out = Vec::new();
    for (e, text, node, tf, vis) in texts.iter(world) {
        if !vis.get() || node.is_empty() {
            continue;
        }
        let r = rect(node, tf);
        let mut at = e;
        while let Ok(parent) = parents.get(world, at) {
            at = parent.parent();
            if let Ok((n, t, bg)) = boxes.get(world, at)
                && bg.0.alpha() > 0.0
                && !n.is_empty()
            {
                let b = rect(n, t);
                if !(b.inflate(1.0).contains(r.min) && b.inflate(1.0).contains(r.max)) {
                    out.push((text.0.clone(), r, b));
                }
            }
        }
    }
    out
}

#[test]
fn the_map_card_holds_its_text_for_every_kind_of_municipality_in_every_language() {
    // A ward, a city, a Tama town and village, an island town and village.
    let codes = ["13104", "13201", "13303", "13308", "13361", "13402"];
    for lang in Lang::ALL {
        let mut k = Kiosk::start(InitialView { screen: Screen::Map, lang: Some(lang), ..InitialView::default() });
        for code in codes {
            k.app.world_mut().resource_mut::<Selection>().municipality = Some(code.into());
            k.frames(3);
            let outside = texts_outside_their_boxes(&mut k);
            assert!(outside.is_empty(), "{code} {lang}: texts past their boxes: {outside:?}");
        }
    }
}
