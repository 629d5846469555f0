//! Take-home: a QR code of the municipality's website (tagged for this booth), what it leads to, and the
//! link in text under it.

use bevy::asset::RenderAssetUsages;
use bevy::image::ImageSampler;
use bevy::picking::Pickable;
use bevy::prelude::*;
use bevy::render::render_resource::{Extent3d, TextureDimension, TextureFormat};
use bevy::window::PrimaryWindow;

use crate::kiosk::theme::{GAP_MM, MARGIN_MM, RADIUS_MM, palette, px_per_mm, text_size};
use crate::kiosk::top_bar::spawn_top_bar;
use crate::kiosk::widgets::{UiContext, label, screen_root};
use crate::kiosk::{EventSender, Screen, Selection};
use crate::lang::Lang;
use crate::qr;
use crate::telemetry::{Event, QrTarget};

/// Printed size of the QR code on screen, quiet zone included.
pub const QR_SIDE_MM: f32 = 160.0;

/// The QR code's image node; holds the URL it encodes.
#[derive(Component, Debug, Clone)]
pub struct TakeHomeQr(pub String);

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::TakeHome), spawn);
}

fn qr_bevy_image(code: &qrcode::QrCode, module_px: u32) -> Image {
    let rgba = qr::render(code, module_px);
    let (w, h) = rgba.dimensions();
    let mut img = Image::new(
        Extent3d { width: w, height: h, depth_or_array_layers: 1 },
        TextureDimension::D2,
        rgba.into_raw(),
        TextureFormat::Rgba8UnormSrgb,
        RenderAssetUsages::RENDER_WORLD | RenderAssetUsages::MAIN_WORLD,
    );
    img.sampler = ImageSampler::nearest();
    img
}

/// Spawns a QR code of `url` about `side_mm` wide (whole pixels per module, so it stays crisp) on a
/// white frame. Returns false, logging why, when the URL cannot be encoded.
pub fn spawn_qr(
    parent: &mut ChildSpawnerCommands,
    images: &mut Assets<Image>,
    url: &str,
    side_mm: f32,
    px_per_mm: f32,
) -> bool {
    let code = match qr::encode(url) {
        Ok(code) => code,
        Err(e) => {
            error!("take-home QR not shown: {e}");
            return false;
        }
    };
    let modules = qr::modules_across(&code);
    let module_px = ((side_mm * px_per_mm) / modules as f32).floor().max(1.0) as u32;
    let shown_mm = (modules * module_px) as f32 / px_per_mm;
    let handle = images.add(qr_bevy_image(&code, module_px));
    parent
        .spawn((
            Node { padding: UiRect::all(px(3.0)), border_radius: BorderRadius::all(px(RADIUS_MM)), ..default() },
            BackgroundColor(palette::SURFACE),
            Pickable::IGNORE,
        ))
        .with_children(|frame| {
            frame.spawn((
                ImageNode::new(handle),
                Node { width: px(shown_mm), height: px(shown_mm), ..default() },
                TakeHomeQr(url.to_owned()),
                Pickable::IGNORE,
            ));
        });
    true
}

/// How to scan, in three steps, with a phone drawn beside them.
fn spawn_steps(parent: &mut ChildSpawnerCommands, ui: &UiContext) {
    use crate::kiosk::icons::{Icon, icon};
    parent
        .spawn((
            Node {
                column_gap: px(GAP_MM * 2.0),
                align_items: AlignItems::Center,
                padding: UiRect::all(px(GAP_MM * 1.5)),
                border_radius: BorderRadius::all(px(RADIUS_MM)),
                margin: UiRect::top(px(GAP_MM)),
                ..default()
            },
            BackgroundColor(palette::SECONDARY),
            Pickable::IGNORE,
        ))
        .with_children(|row| {
            row.spawn(icon(Icon::Phone, 48.0, palette::PRIMARY));
            row.spawn(icon(Icon::QrCode, 36.0, palette::PRIMARY));
            row.spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    row_gap: px(GAP_MM * 0.6),
                    flex_shrink: 1.0,
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|col| {
                for key in ["take-home-step-camera", "take-home-step-point", "take-home-step-open"] {
                    col.spawn(label(ui.t(key), ui.font(true), text_size::BODY, palette::TEXT));
                }
            });
        });
}

fn spawn(
    mut commands: Commands,
    ui: UiContext,
    selection: Res<Selection>,
    reentry: Res<crate::kiosk::LanguageReentry>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut images: ResMut<Assets<Image>>,
    mut events: EventSender,
) {
    let Some(content) = ui.content.as_ref() else { return };
    let booth = content.0.clone();
    let Some(m) = selection.municipality.as_deref().and_then(|c| booth.municipalities.get(c)).cloned() else {
        commands.queue(|w: &mut World| w.resource_mut::<NextState<Screen>>().set(Screen::Map));
        return;
    };
    let lang = ui.lang();
    // A program's page when one was chosen, else the municipality's website.
    let program = selection.program.as_deref().and_then(|id| booth.program(id)).filter(|p| p.url.is_some());
    let (url, shown_link, what, target) = match program.and_then(|p| Some((p, booth.program_link(p)?))) {
        Some((p, url)) => {
            (url, p.url.clone().unwrap_or_default(), p.title.get(lang).to_owned(), QrTarget::Program(p.id.clone()))
        }
        None => {
            let (name, _) = m.display_name(lang);
            (
                booth.website_link(&m),
                m.website.clone(),
                ui.t_args("take-home-website", &[("name", name.into())]),
                QrTarget::Municipality(m.code.clone()),
            )
        }
    };
    // Whole pixels per module, as close to QR_SIDE_MM as they allow, so every module is crisp.
    let scale = px_per_mm(window.width(), booth.settings.screen.width_mm) * window.scale_factor();
    commands.spawn(screen_root(Screen::TakeHome)).with_children(|root| {
        spawn_top_bar(root, &ui, &ui.t("muni-take-home"), lang, Some(Screen::Municipality));
        root.spawn((
            Node {
                flex_grow: 1.0,
                padding: UiRect::all(px(MARGIN_MM)),
                column_gap: px(GAP_MM * 3.0),
                justify_content: JustifyContent::Center,
                align_items: AlignItems::Center,
                ..default()
            },
            Pickable::IGNORE,
        ))
        .with_children(|body| {
            if spawn_qr(body, &mut images, &url, QR_SIDE_MM, scale) && !reentry.0 {
                events.send(Event::QrShown { target: target.clone() });
            }
            body.spawn((
                Node { flex_direction: FlexDirection::Column, row_gap: px(GAP_MM), max_width: px(420.0), ..default() },
                Pickable::IGNORE,
            ))
            .with_children(|text| {
                text.spawn(label(ui.t("take-home-title"), ui.font(true), text_size::TITLE, palette::PRIMARY));
                text.spawn(label(what.clone(), ui.font(true), text_size::HEADING, palette::TEXT));
                text.spawn(label(shown_link.clone(), ui.font_in(Lang::En, false), text_size::BODY, palette::TEXT));
                text.spawn(label(ui.t("take-home-hint"), ui.font(false), text_size::BODY, palette::TEXT_MUTED));
                spawn_steps(text, &ui);
            });
        });
    });
}
