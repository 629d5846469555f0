//! One program in detail: its theme, year, who runs it, the summary and its source, with the QR code of
//! its page beside it. Opening it logs `program_view`; showing its QR code logs `qr_shown`.

use bevy::picking::Pickable;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use crate::booth::Booth;
use crate::content::Program;
use crate::i18n::Localizer;
use crate::kiosk::screens::take_home::spawn_qr;
use crate::kiosk::theme::{GAP_MM, MARGIN_MM, RADIUS_MM, palette, px_per_mm, text_size};
use crate::kiosk::top_bar::spawn_top_bar;
use crate::kiosk::widgets::{UiContext, card, label, screen_root};
use crate::kiosk::{EventSender, LanguageReentry, Screen, Selection};
use crate::lang::Lang;
use crate::telemetry::{Event, QrTarget};

/// Side of the program's QR code on screen, quiet zone included.
pub const PROGRAM_QR_MM: f32 = 170.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::Program), spawn);
}

/// The small line of facts over a program: theme, year, and whose program it is.
pub fn program_chips(booth: &Booth, p: &Program, strings: &Localizer, lang: Lang) -> Vec<String> {
    let mut chips = Vec::new();
    if let Some(t) = p.theme {
        chips.push(strings.t(lang, t.key()));
    }
    if let Some(y) = p.year {
        chips.push(strings.program_date(lang, y));
    }
    match p.municipality.as_deref().and_then(|c| booth.municipalities.get(c)) {
        Some(m) => chips.push(m.display_name(lang).0.to_owned()),
        None => chips.push(strings.t(lang, "program-of-all")),
    }
    chips
}

/// A row of rounded chips.
pub fn spawn_chips(parent: &mut ChildSpawnerCommands, ui: &UiContext, chips: Vec<String>, size: f32) {
    spawn_chips_in(parent, ui, chips, size, Node::default());
}

/// [`spawn_chips`] in a row of its own that fills what its parent row leaves (a definite width, so the
/// chips wrap onto lines that the row makes room for, instead of one line laid over what follows).
pub fn spawn_chips_filling(parent: &mut ChildSpawnerCommands, ui: &UiContext, chips: Vec<String>, size: f32) {
    spawn_chips_in(
        parent,
        ui,
        chips,
        size,
        Node { flex_grow: 1.0, flex_basis: px(0.0), min_width: px(0.0), ..default() },
    );
}

fn spawn_chips_in(parent: &mut ChildSpawnerCommands, ui: &UiContext, chips: Vec<String>, size: f32, base: Node) {
    parent
        .spawn((Node { column_gap: px(2.5), row_gap: px(2.0), flex_wrap: FlexWrap::Wrap, ..base }, Pickable::IGNORE))
        .with_children(|row| {
            for (i, chip) in chips.into_iter().enumerate() {
                let (bg, fg) =
                    if i == 0 { (palette::PRIMARY, palette::ON_PRIMARY) } else { (palette::SECONDARY, palette::TEXT) };
                row.spawn((
                    Node {
                        padding: UiRect::axes(px(3.0), px(1.2)),
                        border_radius: BorderRadius::all(px(RADIUS_MM)),
                        ..default()
                    },
                    BackgroundColor(bg),
                    Pickable::IGNORE,
                    children![label(chip, ui.font(true), size, fg)],
                ));
            }
        });
}

/// The host name of a URL ("www.city.shinjuku.lg.jp"): a long path does not fit beside the QR code.
pub fn host_of(url: &str) -> String {
    url.split("://").nth(1).unwrap_or(url).split(['/', '?', '#']).next().unwrap_or_default().to_owned()
}

fn spawn(
    mut commands: Commands,
    ui: UiContext,
    selection: Res<Selection>,
    reentry: Res<LanguageReentry>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut images: ResMut<Assets<Image>>,
    mut events: EventSender,
) {
    let (Some(content), Some(strings)) = (ui.content.as_ref(), ui.strings.as_ref()) else { return };
    let booth = content.0.clone();
    let back = if selection.municipality.is_some() { Screen::Municipality } else { Screen::Map };
    let Some(p) = selection.program.as_deref().and_then(|id| booth.program(id)).cloned() else {
        commands.queue(move |w: &mut World| w.resource_mut::<NextState<Screen>>().set(back));
        return;
    };
    let lang = ui.lang();
    let first_view = !reentry.0;
    if first_view {
        events.send(Event::ProgramView { id: p.id.clone() });
    }
    let scale = px_per_mm(window.width(), booth.settings.screen.width_mm) * window.scale_factor();
    let chips = program_chips(&booth, &p, &strings.0, lang);
    commands.spawn(screen_root(Screen::Program)).with_children(|root| {
        spawn_top_bar(root, &ui, p.title.get(lang), p.title.lang_of(lang), Some(back));
        root.spawn((
            Node {
                flex_grow: 1.0,
                padding: UiRect::all(px(MARGIN_MM)),
                column_gap: px(GAP_MM * 3.0),
                align_items: AlignItems::Stretch,
                ..default()
            },
            Pickable::IGNORE,
        ))
        .with_children(|body| {
            body.spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    flex_grow: 1.0,
                    flex_basis: px(0.0),
                    row_gap: px(GAP_MM * 1.5),
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|text| {
                text.spawn((
                    Node { column_gap: px(GAP_MM), align_items: AlignItems::Center, ..default() },
                    Pickable::IGNORE,
                ))
                .with_children(|row| {
                    if let Some(t) = p.theme {
                        row.spawn(crate::kiosk::icons::icon(
                            crate::kiosk::icons::theme_icon(t),
                            22.0,
                            palette::PRIMARY,
                        ));
                    }
                    spawn_chips(row, &ui, chips, text_size::BODY);
                });
                text.spawn(label(
                    p.title.get(lang),
                    ui.font_in(p.title.lang_of(lang), true),
                    text_size::TITLE,
                    palette::TEXT,
                ));
                text.spawn(card()).with_children(|c| {
                    c.spawn(label(
                        p.summary.get(lang),
                        ui.font_in(p.summary.lang_of(lang), false),
                        text_size::SUBTITLE,
                        palette::TEXT,
                    ));
                });
                let source = ui.t_args(
                    "program-source",
                    &[("publisher", p.source.publisher.clone().into()), ("title", p.source.title.clone().into())],
                );
                text.spawn(label(source, ui.font(false), text_size::SMALL, palette::TEXT_MUTED));
            });
            body.spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    width: px(PROGRAM_QR_MM + 40.0),
                    row_gap: px(GAP_MM),
                    align_items: AlignItems::Center,
                    justify_content: JustifyContent::FlexStart,
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|side| match booth.program_link(&p) {
                Some(url) => {
                    if spawn_qr(side, &mut images, &url, PROGRAM_QR_MM, scale) && first_view {
                        events.send(Event::QrShown { target: QrTarget::Program(p.id.clone()) });
                    }
                    side.spawn((
                        Node {
                            width: percent(100),
                            column_gap: px(GAP_MM * 0.6),
                            align_items: AlignItems::Center,
                            ..default()
                        },
                        Pickable::IGNORE,
                    ))
                    .with_children(|row| {
                        row.spawn(crate::kiosk::icons::icon(crate::kiosk::icons::Icon::Phone, 18.0, palette::PRIMARY));
                        row.spawn((
                            label(ui.t("program-scan"), ui.font(true), text_size::BODY, palette::PRIMARY),
                            Node { flex_shrink: 1.0, ..default() },
                        ));
                    });
                    side.spawn(label(
                        host_of(p.url.as_deref().unwrap_or_default()),
                        ui.font_in(Lang::En, false),
                        text_size::SMALL,
                        palette::TEXT_MUTED,
                    ));
                }
                None => {
                    side.spawn(label(ui.t("program-no-page"), ui.font(false), text_size::BODY, palette::TEXT_MUTED));
                }
            });
        });
    });
}
