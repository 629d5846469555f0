//! One question: progress dots, the question, and 2–4 big choice buttons.

use bevy::picking::Pickable;
use bevy::prelude::*;

use super::QuizSession;
use crate::kiosk::theme::{GAP_MM, MARGIN_MM, RADIUS_MM, palette, text_size};
use crate::kiosk::top_bar::spawn_top_bar;
use crate::kiosk::widgets::{ButtonStyle, UiContext, button_frame, label, screen_root};
use crate::kiosk::{Content, EventSender, Screen};
use crate::telemetry::Event;

/// A choice button; the number is its position on screen.
#[derive(Component, Clone, Copy, Debug)]
pub struct QuizChoice(pub usize);

/// Height of a choice button.
pub const CHOICE_HEIGHT_MM: f32 = 56.0;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::QuizQuestion), spawn);
}

/// The progress dots: answered right, answered wrong, current, to come.
pub fn spawn_progress(parent: &mut ChildSpawnerCommands, answers: &[bool], total: usize, font: Handle<Font>) {
    parent.spawn((Node { column_gap: px(4.0), ..default() }, Pickable::IGNORE)).with_children(|row| {
        for i in 0..total {
            let color = match answers.get(i) {
                Some(true) => palette::PRIMARY,
                Some(false) => palette::ACCENT,
                None if i == answers.len() => palette::TEXT,
                None => palette::BORDER,
            };
            // Right and wrong are told by a mark as well as by colour.
            let mark = match answers.get(i) {
                Some(true) => "○",
                Some(false) => "×",
                None => "",
            };
            row.spawn((
                Node {
                    width: px(12.0),
                    height: px(12.0),
                    border_radius: BorderRadius::all(percent(50)),
                    justify_content: JustifyContent::Center,
                    align_items: AlignItems::Center,
                    ..default()
                },
                BackgroundColor(color),
                Pickable::IGNORE,
            ))
            .with_children(|dot| {
                if !mark.is_empty() {
                    dot.spawn(label(mark, font.clone(), text_size::CAPTION, crate::kiosk::theme::text_on(color)));
                }
            });
        }
    });
}

/// Height of the progress bar.
pub const PROGRESS_BAR_MM: f32 = 6.0;

/// A bar filled to the share of questions answered (the dots say which were right).
pub fn spawn_progress_bar(parent: &mut ChildSpawnerCommands, answered: usize, total: usize) {
    let share = if total == 0 { 0.0 } else { answered as f32 / total as f32 };
    parent
        .spawn((
            Node {
                width: percent(100),
                height: px(PROGRESS_BAR_MM),
                border_radius: BorderRadius::all(px(PROGRESS_BAR_MM / 2.0)),
                flex_shrink: 0.0,
                ..default()
            },
            BackgroundColor(palette::SECONDARY),
            Outline::new(px(0.5), px(0.0), palette::CONTROL_EDGE),
            Pickable::IGNORE,
        ))
        .with_children(|track| {
            track.spawn((
                ProgressFill,
                Node {
                    width: percent(share * 100.0),
                    height: percent(100),
                    border_radius: BorderRadius::all(px(PROGRESS_BAR_MM / 2.0)),
                    ..default()
                },
                BackgroundColor(palette::PRIMARY),
                Pickable::IGNORE,
            ));
        });
}

/// The filled part of the progress bar (tests read its width).
#[derive(Component)]
pub struct ProgressFill;

fn spawn(mut commands: Commands, ui: UiContext, mut session: ResMut<QuizSession>, time: Res<Time<Real>>) {
    let Some(content) = ui.content.as_ref() else { return };
    let booth = content.0.clone();
    session.asked_at = time.elapsed_secs_f64();
    let Some(round) = session.round.as_ref() else {
        commands.queue(|w: &mut World| w.resource_mut::<NextState<Screen>>().set(Screen::QuizIntro));
        return;
    };
    let Some(drawn) = round.current().cloned() else {
        commands.queue(|w: &mut World| w.resource_mut::<NextState<Screen>>().set(Screen::QuizResult));
        return;
    };
    let Some(q) = booth.quiz.get(&drawn.id).cloned() else { return };
    let lang = ui.lang();
    let answered: Vec<bool> = round.answers.iter().map(|a| a.correct).collect();
    let total = round.questions.len();
    commands.spawn(screen_root(Screen::QuizQuestion)).with_children(|root| {
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
            body.spawn((Node { column_gap: px(8.0), align_items: AlignItems::Center, ..default() }, Pickable::IGNORE))
                .with_children(|row| {
                    row.spawn(label(
                        ui.t_args("quiz-progress", &[("number", (answered.len() + 1).into()), ("total", total.into())]),
                        ui.font(true),
                        text_size::HEADING,
                        palette::PRIMARY,
                    ));
                    spawn_progress(row, &answered, total, ui.font_in(crate::lang::Lang::Ja, true));
                });
            spawn_progress_bar(body, answered.len(), total);
            body.spawn(label(
                q.text.get(lang),
                ui.font_in(q.text.lang_of(lang), true),
                text_size::DISPLAY,
                palette::TEXT,
            ));
            body.spawn((
                Node {
                    display: Display::Grid,
                    grid_template_columns: RepeatedGridTrack::flex(2, 1.0),
                    // The answers share the rest of the screen: big tiles, easy to hit.
                    grid_auto_rows: vec![GridTrack::flex(1.0)],
                    flex_grow: 1.0,
                    column_gap: px(GAP_MM * 1.5),
                    row_gap: px(GAP_MM * 1.5),
                    margin: UiRect::top(px(GAP_MM * 2.0)),
                    ..default()
                },
                Pickable::IGNORE,
            ))
            .with_children(|grid| {
                for (position, &choice) in drawn.order.iter().enumerate() {
                    let text = &q.choices[choice];
                    let marker = ["A", "B", "C", "D"][position.min(3)];
                    grid.spawn((button_frame(ButtonStyle::Secondary), QuizChoice(position)))
                        .insert(Node {
                            min_height: px(CHOICE_HEIGHT_MM),
                            padding: UiRect::axes(px(8.0), px(3.0)),
                            column_gap: px(6.0),
                            align_items: AlignItems::Center,
                            border_radius: BorderRadius::all(px(RADIUS_MM * 1.5)),
                            ..default()
                        })
                        .with_children(|b| {
                            b.spawn(label(
                                marker,
                                ui.font_in(crate::lang::Lang::En, true),
                                text_size::HERO,
                                palette::PRIMARY,
                            ));
                            b.spawn(label(
                                text.get(lang),
                                ui.font_in(text.lang_of(lang), true),
                                text_size::TITLE,
                                palette::TEXT,
                            ));
                        })
                        .observe(
                            move |_: On<Pointer<Click>>,
                                  content: Res<Content>,
                                  time: Res<Time<Real>>,
                                  mut session: ResMut<QuizSession>,
                                  mut events: EventSender,
                                  mut next: ResMut<NextState<Screen>>| {
                                let millis = ((time.elapsed_secs_f64() - session.asked_at) * 1000.0)
                                    .clamp(0.0, u32::MAX as f64) as u32;
                                let Some(round) = session.round.as_mut() else { return };
                                let Some(drawn) = round.current().cloned() else { return };
                                let Some(answer) = round.answer(position, millis) else { return };
                                let bank_choice = drawn.order[position];
                                let _ = &content;
                                events.send(Event::QuizAnswer {
                                    question: drawn.id.clone(),
                                    choice: bank_choice,
                                    correct: answer.correct,
                                    millis,
                                });
                                next.set(Screen::QuizFeedback);
                            },
                        );
                }
            });
        });
    });
}
