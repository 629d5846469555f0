//! Quiz intro: what the quiz is, and a big start button.

use bevy::picking::Pickable;
use bevy::prelude::*;

use super::QuizSession;
use crate::kiosk::theme::{GAP_MM, MARGIN_MM, RADIUS_MM, palette, text_size};
use crate::kiosk::top_bar::spawn_top_bar;
use crate::kiosk::widgets::{ButtonStyle, UiContext, button, label, screen_root};
use crate::kiosk::{Content, EventSender, Screen};
use crate::telemetry::Event;

/// The start button.
#[derive(Component)]
pub struct QuizStartButton;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::QuizIntro), spawn);
}

fn spawn(mut commands: Commands, ui: UiContext) {
    let Some(content) = ui.content.as_ref() else { return };
    let count = content.0.quiz.questions_per_round;
    commands.spawn(screen_root(Screen::QuizIntro)).with_children(|root| {
        spawn_top_bar(root, &ui, &ui.t("quiz-title"), ui.lang(), Some(Screen::Map));
        root.spawn((
            Node {
                flex_grow: 1.0,
                flex_direction: FlexDirection::Column,
                justify_content: JustifyContent::Center,
                align_items: AlignItems::Center,
                padding: UiRect::all(px(MARGIN_MM)),
                row_gap: px(GAP_MM * 2.0),
                ..default()
            },
            Pickable::IGNORE,
        ))
        .with_children(|body| {
            body.spawn(crate::kiosk::icons::icon(crate::kiosk::icons::Icon::LightBulb, 70.0, palette::PRIMARY));
            body.spawn(label(ui.t("quiz-title"), ui.font(true), text_size::HERO, palette::PRIMARY));
            body.spawn(label(
                ui.t_args("quiz-intro", &[("count", count.into())]),
                ui.font(true),
                text_size::TITLE,
                palette::TEXT,
            ));
            body.spawn(label(ui.t("quiz-intro-how"), ui.font(false), text_size::HEADING, palette::TEXT_MUTED));
            body.spawn((button(ButtonStyle::Primary, ui.t("quiz-start"), ui.font(true)), QuizStartButton))
                .insert(Node {
                    min_width: px(160.0),
                    min_height: px(45.0),
                    justify_content: JustifyContent::Center,
                    align_items: AlignItems::Center,
                    border_radius: BorderRadius::all(px(RADIUS_MM * 2.0)),
                    ..default()
                })
                .observe(
                    |_: On<Pointer<Click>>,
                     content: Res<Content>,
                     mut session: ResMut<QuizSession>,
                     mut events: EventSender,
                     mut next: ResMut<NextState<Screen>>| {
                        session.start(&content);
                        events.send(Event::QuizStart);
                        next.set(Screen::QuizQuestion);
                    },
                );
        });
    });
}
