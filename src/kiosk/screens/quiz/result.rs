//! The result: score, a friendly rank, each question with its answer, and a QR code to learn more.

use bevy::picking::Pickable;
use bevy::prelude::*;
use bevy::window::PrimaryWindow;

use super::QuizSession;
use crate::kiosk::screens::take_home::spawn_qr;
use crate::kiosk::theme::{GAP_MM, MARGIN_MM, palette, px_per_mm, text_size};
use crate::kiosk::top_bar::spawn_top_bar;
use crate::kiosk::widgets::{ButtonStyle, UiContext, button, card, label, screen_root};
use crate::kiosk::{EventSender, Screen};
use crate::quiz::{rank_key, rank_stars};
use crate::telemetry::{Event, QrTarget};

/// "Play again".
#[derive(Component)]
pub struct QuizAgainButton;

/// Side of the learn-more QR code.
pub const RESULT_QR_MM: f32 = 140.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::QuizResult), spawn);
}

/// Side of the badge's picture, and of one star.
pub const BADGE_PICTURE_MM: f32 = 80.0;
/// Side of one star of the badge, in mm.
pub const STAR_MM: f32 = 48.0;

/// Marks one star of the badge.
#[derive(Component)]
pub struct BadgeStar;

/// The rank as a badge: a trophy for full marks (a party popper otherwise), the rank's name and one to
/// three stars that pop in one after another.
fn spawn_badge(parent: &mut ChildSpawnerCommands, ui: &UiContext, score: usize, total: usize) {
    use crate::kiosk::icons::{Icon, icon};
    use crate::kiosk::motion::{POP_STAGGER_SECONDS, PopIn};
    let stars = rank_stars(score, total);
    let picture = if stars == 3 { Icon::Trophy } else { Icon::Party };
    parent
        .spawn((
            Node {
                column_gap: px(GAP_MM * 2.0),
                align_items: AlignItems::Center,
                padding: UiRect::axes(px(GAP_MM * 2.0), px(GAP_MM)),
                border_radius: BorderRadius::all(px(BADGE_PICTURE_MM / 2.0)),
                align_self: AlignSelf::FlexStart,
                ..default()
            },
            BackgroundColor(palette::SECONDARY),
            Pickable::IGNORE,
        ))
        .with_children(|badge| {
            badge.spawn((icon(picture, BADGE_PICTURE_MM, palette::PRIMARY), PopIn::after(0.0)));
            badge
                .spawn((
                    Node { flex_direction: FlexDirection::Column, row_gap: px(1.0), ..default() },
                    Pickable::IGNORE,
                ))
                .with_children(|col| {
                    col.spawn(label(ui.t("quiz-your-rank"), ui.font(false), text_size::HEADING, palette::TEXT_MUTED));
                    col.spawn(label(ui.t(rank_key(score, total)), ui.font(true), text_size::HERO, palette::PRIMARY));
                    col.spawn((Node { column_gap: px(2.0), ..default() }, Pickable::IGNORE)).with_children(|row| {
                        for i in 0..stars {
                            row.spawn((
                                icon(Icon::Star, STAR_MM, palette::PRIMARY),
                                BadgeStar,
                                PopIn::after(0.3 + POP_STAGGER_SECONDS * i as f32),
                            ));
                        }
                    });
                });
        });
}

fn spawn(
    mut commands: Commands,
    ui: UiContext,
    session: Res<QuizSession>,
    reentry: Res<crate::kiosk::LanguageReentry>,
    window: Single<&Window, With<PrimaryWindow>>,
    mut images: ResMut<Assets<Image>>,
    mut events: EventSender,
) {
    let Some(content) = ui.content.as_ref() else { return };
    let booth = content.0.clone();
    let Some(round) = session.round.as_ref().filter(|r| r.is_complete()) else {
        commands.queue(|w: &mut World| w.resource_mut::<NextState<Screen>>().set(Screen::QuizIntro));
        return;
    };
    let lang = ui.lang();
    let (score, total) = (round.score(), round.questions.len());
    let s = &booth.settings;
    let url = booth.quiz_link();
    let scale = px_per_mm(window.width(), s.screen.width_mm) * window.scale_factor();
    commands.spawn(screen_root(Screen::QuizResult)).with_children(|root| {
        spawn_top_bar(root, &ui, &ui.t("quiz-title"), lang, Some(Screen::Map));
        root.spawn((
            Node { flex_grow: 1.0, padding: UiRect::all(px(MARGIN_MM)), column_gap: px(GAP_MM * 3.0), ..default() },
            Pickable::IGNORE,
        ))
        .with_children(|body| {
            body.spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    flex_grow: 1.0,
                    flex_basis: px(0.0),
                    row_gap: px(GAP_MM),
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|left| {
                spawn_badge(left, &ui, score, total);
                left.spawn(label(
                    ui.t_args("quiz-score", &[("score", score.into()), ("total", total.into())]),
                    ui.font(true),
                    text_size::TITLE,
                    palette::TEXT,
                ));
                left.spawn(card()).with_children(|c| {
                    for (drawn, answer) in round.questions.iter().zip(&round.answers) {
                        let Some(q) = booth.quiz.get(&drawn.id) else { continue };
                        let mark = if answer.correct { "○" } else { "×" };
                        let color = if answer.correct { palette::PRIMARY } else { palette::ACCENT };
                        c.spawn((Node { column_gap: px(4.0), ..default() }, Pickable::IGNORE)).with_children(|row| {
                            row.spawn(label(mark, ui.font_in(crate::lang::Lang::Ja, true), text_size::HEADING, color));
                            row.spawn((
                                Node { flex_direction: FlexDirection::Column, flex_shrink: 1.0, ..default() },
                                Pickable::IGNORE,
                            ))
                            .with_children(|col| {
                                let answer_text = q.choices[q.correct].get(lang);
                                col.spawn(label(
                                    format!("{} → {answer_text}", q.text.get(lang)),
                                    ui.font_in(q.text.lang_of(lang), true),
                                    text_size::SMALL,
                                    palette::TEXT,
                                ));
                                col.spawn(label(
                                    q.explanation.get(lang),
                                    ui.font_in(q.explanation.lang_of(lang), false),
                                    text_size::CAPTION,
                                    palette::TEXT_MUTED,
                                ));
                            });
                        });
                    }
                });
                left.spawn((Node { column_gap: px(GAP_MM), ..default() }, Pickable::IGNORE)).with_children(|buttons| {
                    buttons
                        .spawn((button(ButtonStyle::Primary, ui.t("quiz-again"), ui.font(true)), QuizAgainButton))
                        .observe(|_: On<Pointer<Click>>, mut next: ResMut<NextState<Screen>>| {
                            next.set(Screen::QuizIntro)
                        });
                    buttons
                        .spawn(button(ButtonStyle::Secondary, ui.t("quiz-back-to-map"), ui.font(true)))
                        .observe(|_: On<Pointer<Click>>, mut next: ResMut<NextState<Screen>>| next.set(Screen::Map));
                });
            });
            body.spawn((
                Node {
                    flex_direction: FlexDirection::Column,
                    align_items: AlignItems::Center,
                    row_gap: px(GAP_MM),
                    max_width: px(230.0),
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|right| {
                right
                    .spawn((
                        Node {
                            width: percent(100),
                            column_gap: px(GAP_MM * 0.6),
                            align_items: AlignItems::Center,
                            ..default()
                        },
                        Pickable::IGNORE,
                    ))
                    .with_children(|row| {
                        row.spawn(crate::kiosk::icons::icon(crate::kiosk::icons::Icon::Phone, 20.0, palette::PRIMARY));
                        row.spawn((
                            label(ui.t("quiz-learn-more"), ui.font(true), text_size::HEADING, palette::PRIMARY),
                            Node { flex_shrink: 1.0, ..default() },
                        ));
                    });
                if spawn_qr(right, &mut images, &url, RESULT_QR_MM, scale) && !reentry.0 {
                    events.send(Event::QrShown { target: QrTarget::QuizResult });
                }
                right.spawn(label(
                    booth.quiz.learn_more_url.clone(),
                    ui.font_in(crate::lang::Lang::En, false),
                    text_size::BODY,
                    palette::TEXT,
                ));
            });
        });
    });
}
