//! Shown instead of the visitor experience when booth_config or the locales are broken: the same
//! `file:line:col: message` lines that `midori-kiosk check` prints, with a title in Japanese and English.

use bevy::prelude::*;

use crate::kiosk::theme::{GAP_MM, MARGIN_MM, palette, text_size};
use crate::kiosk::widgets::{UiContext, label, screen_root};
use crate::kiosk::{ConfigProblems, Screen};
use crate::lang::Lang;

/// Used only when the locales themselves cannot be loaded.
const BUILT_IN_TITLE: [&str; 2] = ["設定ファイルにエラーがあります", "The booth configuration has errors"];
const BUILT_IN_HELP: [&str; 2] = [
    "係員の方へ：次の問題を直してから、キオスクを再起動してください（midori-kiosk check で確認できます）。",
    "For staff: fix these problems, then restart the kiosk (run midori-kiosk check to test).",
];

/// The list of problems on the page.
#[derive(Component)]
pub struct ProblemLine;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(OnEnter(Screen::ConfigError), spawn);
}

fn spawn(mut commands: Commands, ui: UiContext, problems: Res<ConfigProblems>) {
    let text = |lang: Lang, key: &str, i: usize| match &ui.strings {
        Some(s) => {
            s.0.try_format(lang, key, &[])
                .unwrap_or_else(|| if key.ends_with("title") { BUILT_IN_TITLE[i] } else { BUILT_IN_HELP[i] }.to_owned())
        }
        None => if key.ends_with("title") { BUILT_IN_TITLE[i] } else { BUILT_IN_HELP[i] }.to_owned(),
    };
    commands.spawn(screen_root(Screen::ConfigError)).with_children(|root| {
        root.spawn((
            Node {
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(MARGIN_MM)),
                row_gap: px(2.0),
                ..default()
            },
            BackgroundColor(palette::ERROR),
        ))
        .with_children(|bar| {
            bar.spawn(label(
                text(Lang::Ja, "config-error-title", 0),
                ui.font_in(Lang::Ja, true),
                text_size::TITLE,
                palette::ON_PRIMARY,
            ));
            bar.spawn(label(
                text(Lang::En, "config-error-title", 1),
                ui.font_in(Lang::En, true),
                text_size::HEADING,
                palette::ON_PRIMARY,
            ));
        });
        root.spawn(Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(MARGIN_MM)),
            row_gap: px(GAP_MM / 2.0),
            overflow: Overflow::clip(),
            flex_grow: 1.0,
            ..default()
        })
        .with_children(|body| {
            body.spawn(label(
                text(Lang::Ja, "config-error-help", 0),
                ui.font_in(Lang::Ja, false),
                text_size::BODY,
                palette::TEXT,
            ));
            body.spawn(label(
                text(Lang::En, "config-error-help", 1),
                ui.font_in(Lang::En, false),
                text_size::BODY,
                palette::TEXT,
            ));
            let shown = 18;
            for line in problems.0.iter().take(shown) {
                body.spawn((
                    label(line.clone(), ui.font_in(Lang::Ja, false), text_size::SMALL, palette::ERROR),
                    ProblemLine,
                ));
            }
            if problems.0.len() > shown {
                body.spawn(label(
                    format!("… +{} (midori-kiosk check)", problems.0.len() - shown),
                    ui.font_in(Lang::En, false),
                    text_size::SMALL,
                    palette::TEXT_MUTED,
                ));
            }
        });
    });
}
