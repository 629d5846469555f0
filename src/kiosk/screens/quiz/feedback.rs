//! Right or wrong at once, the right answer, the explanation and its source.

use bevy::picking::Pickable;
use bevy::prelude::*;

use super::question::{spawn_progress, spawn_progress_bar};
use super::{QuizSession, source_line};
use crate::kiosk::theme::{GAP_MM, MARGIN_MM, RADIUS_MM, palette, text_size};
use crate::kiosk::top_bar::spawn_top_bar;
use crate::kiosk::widgets::{ButtonStyle, UiContext, button, card, label, screen_root};
use crate::kiosk::{EventSender, Screen};
use crate::telemetry::Event;

/// The button to the next question or to the result.
#[derive(Component)]
pub struct QuizNextButton;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::QuizFeedback), spawn);
}

/// Side of the big ○ or ×.
pub const VERDICT_MARK_MM: f32 = 48.0;

/// Marks the big ○ (right) or × (wrong).
#[derive(Component, Clone, Copy, Debug, PartialEq, Eq)]
pub struct VerdictMark {
    /// True for the ○ (the answer was right), false for the ×.
    pub correct: bool,
}

/// A large ○ (a ring) or × (two crossed bars), drawn, not a glyph, so it can be as large as a hand.
fn spawn_verdict_mark(parent: &mut ChildSpawnerCommands, correct: bool) {
    let side = VERDICT_MARK_MM;
    let stroke = side * 0.16;
    let mut mark = parent.spawn((
        VerdictMark { correct },
        Node {
            width: px(side),
            height: px(side),
            flex_shrink: 0.0,
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            ..default()
        },
        Pickable::IGNORE,
        crate::kiosk::motion::PopIn::after(0.0),
    ));
    if correct {
        mark.insert((
            Node {
                width: px(side),
                height: px(side),
                flex_shrink: 0.0,
                border: UiRect::all(px(stroke)),
                border_radius: BorderRadius::all(percent(50)),
                ..default()
            },
            BorderColor::all(palette::PRIMARY),
        ));
    } else {
        mark.with_children(|m| {
            for angle in [45.0f32, -45.0] {
                m.spawn((
                    Node {
                        position_type: PositionType::Absolute,
                        width: px(side * 1.2),
                        height: px(stroke),
                        border_radius: BorderRadius::all(px(stroke / 2.0)),
                        ..default()
                    },
                    UiTransform::from_rotation(Rot2::degrees(angle)),
                    BackgroundColor(palette::ACCENT_DARK),
                    Pickable::IGNORE,
                ));
            }
        });
    }
}

fn spawn(mut commands: Commands, ui: UiContext, session: Res<QuizSession>) {
    let Some(content) = ui.content.as_ref() else { return };
    let booth = content.0.clone();
    let Some(round) = session.round.as_ref() else {
        commands.queue(|w: &mut World| w.resource_mut::<NextState<Screen>>().set(Screen::QuizIntro));
        return;
    };
    let Some(last) = round.answers.last().copied() else {
        commands.queue(|w: &mut World| w.resource_mut::<NextState<Screen>>().set(Screen::QuizQuestion));
        return;
    };
    let drawn = round.questions[round.answers.len() - 1].clone();
    let Some(q) = booth.quiz.get(&drawn.id).cloned() else { return };
    let lang = ui.lang();
    let answered: Vec<bool> = round.answers.iter().map(|a| a.correct).collect();
    let total = round.questions.len();
    let complete = round.is_complete();
    commands.spawn(screen_root(Screen::QuizFeedback)).with_children(|root| {
        spawn_top_bar(root, &ui, &ui.t("quiz-title"), lang, Some(Screen::Map));
        root.spawn((
            Node {
                flex_grow: 1.0,
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(MARGIN_MM)),
                row_gap: px(GAP_MM * 1.5),
                ..default()
            },
            Pickable::IGNORE,
        ))
        .with_children(|body| {
            spawn_progress(body, &answered, total, ui.font_in(crate::lang::Lang::Ja, true));
            spawn_progress_bar(body, answered.len(), total);
            let (verdict, color) =
                if last.correct { ("quiz-correct", palette::PRIMARY) } else { ("quiz-wrong", palette::ACCENT) };
            let on = crate::kiosk::theme::text_on(color);
            body.spawn((
                Node { column_gap: px(GAP_MM * 2.0), align_items: AlignItems::Center, ..default() },
                Pickable::IGNORE,
            ))
            .with_children(|row| {
                spawn_verdict_mark(row, last.correct);
                row.spawn((
                    Node {
                        padding: UiRect::axes(px(10.0), px(4.0)),
                        border_radius: BorderRadius::all(px(RADIUS_MM * 2.0)),
                        ..default()
                    },
                    BackgroundColor(color),
                    Pickable::IGNORE,
                    children![label(ui.t(verdict), ui.font(true), text_size::HERO, on)],
                ));
            });
            body.spawn(label(
                q.text.get(lang),
                ui.font_in(q.text.lang_of(lang), false),
                text_size::SUBTITLE,
                palette::TEXT_MUTED,
            ));
            let answer = &q.choices[q.correct];
            body.spawn(label(
                ui.t_args("quiz-answer-was", &[("answer", answer.get(lang).to_owned().into())]),
                ui.font_in(answer.lang_of(lang), true),
                text_size::DISPLAY,
                palette::TEXT,
            ));
            body.spawn(card()).with_children(|c| {
                c.spawn(label(
                    q.explanation.get(lang),
                    ui.font_in(q.explanation.lang_of(lang), false),
                    text_size::SUBTITLE,
                    palette::TEXT,
                ));
                c.spawn(label(source_line(&ui, &q.source), ui.font(false), text_size::SMALL, palette::TEXT_MUTED));
            });
            let key = if complete { "quiz-see-result" } else { "quiz-next" };
            body.spawn((button(ButtonStyle::Primary, ui.t(key), ui.font(true)), QuizNextButton))
                .insert(Node {
                    min_width: px(170.0),
                    min_height: px(44.0),
                    align_self: AlignSelf::FlexEnd,
                    justify_content: JustifyContent::Center,
                    align_items: AlignItems::Center,
                    border_radius: BorderRadius::all(px(RADIUS_MM * 1.5)),
                    ..default()
                })
                .observe(
                    |_: On<Pointer<Click>>,
                     mut session: ResMut<QuizSession>,
                     mut events: EventSender,
                     mut next: ResMut<NextState<Screen>>| {
                        let session = &mut *session;
                        let Some(round) = session.round.as_ref() else { return };
                        if round.is_complete() {
                            for q in &round.questions {
                                session.recent.remember(&q.id);
                            }
                            events.send(Event::QuizComplete { score: round.score(), out_of: round.questions.len() });
                            next.set(Screen::QuizResult);
                        } else {
                            next.set(Screen::QuizQuestion);
                        }
                    },
                );
        });
    });
}
