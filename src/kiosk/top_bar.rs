//! The bar on top of every visitor screen: back, the language buttons (each in its own language) and
//! "はじめから / Start over".

use bevy::picking::Pickable;
use bevy::prelude::*;

use super::icons::{Icon, icon};
use super::theme::{GAP_MM, MARGIN_MM, TOP_BAR_MM, palette, text_size};
use super::widgets::{ButtonStyle, UiContext, button, icon_button, label};
use super::{CurrentLang, EventSender, LanguageReentry, Screen};
use crate::lang::Lang;
use crate::telemetry::Event;

/// Marks the language button for a language (tests find buttons by it).
#[derive(Component, Clone, Copy, Debug)]
pub struct LanguageButton(pub Lang);

/// Marks the "Start over" button.
#[derive(Component, Clone, Copy, Debug)]
pub struct StartOverButton;

/// Marks the back button.
#[derive(Component, Clone, Copy, Debug)]
pub struct BackButton;

pub(super) fn plugin(_app: &mut App) {}

/// Spawns the top bar as a child of `parent`. `back` is where the back button goes (none on the hub).
/// `title_lang` is the language the title is written in (it picks the font).
pub fn spawn_top_bar(
    parent: &mut ChildSpawnerCommands,
    ui: &UiContext,
    title: &str,
    title_lang: Lang,
    back: Option<Screen>,
) {
    let languages: Vec<Lang> = ui.content.as_ref().map_or(Lang::ALL.to_vec(), |c| c.0.settings.languages.clone());
    parent
        .spawn((
            Node {
                width: percent(100),
                height: px(TOP_BAR_MM),
                flex_shrink: 0.0,
                padding: UiRect::horizontal(px(MARGIN_MM)),
                column_gap: px(GAP_MM),
                align_items: AlignItems::Center,
                ..default()
            },
            BackgroundColor(palette::TOP_BAR),
            Pickable::IGNORE,
        ))
        .with_children(|bar| {
            if let Some(target) = back {
                bar.spawn((icon_button(ButtonStyle::OnDark, Icon::Back, ui.t("back"), ui.font(true)), BackButton))
                    .observe(move |_: On<Pointer<Click>>, mut next: ResMut<NextState<Screen>>| {
                        next.set(target);
                    });
            }
            bar.spawn((
                label(title, ui.font_in(title_lang, true), text_size::HEADING, palette::ON_PRIMARY),
                Node { flex_grow: 1.0, margin: UiRect::left(px(4.0)), ..default() },
            ));
            bar.spawn(icon(Icon::Language, 17.0, palette::ON_PRIMARY));
            for lang in languages {
                let style = if lang == ui.lang() { ButtonStyle::Secondary } else { ButtonStyle::OnDark };
                bar.spawn((
                    button(style, ui.t_in(lang, "language-self-name", &[]), ui.font_in(lang, false)),
                    LanguageButton(lang),
                ))
                .observe(
                    move |_: On<Pointer<Click>>,
                          mut current: ResMut<CurrentLang>,
                          state: Res<State<Screen>>,
                          mut next: ResMut<NextState<Screen>>,
                          mut reentry: ResMut<LanguageReentry>,
                          mut events: EventSender| {
                        if current.0 != lang {
                            current.0 = lang;
                            reentry.0 = true;
                            events.send(Event::LanguageChange { lang });
                            // Re-entering the same screen rebuilds it in the new language, in place.
                            next.set(*state.get());
                        }
                    },
                );
            }
            bar.spawn((
                icon_button(ButtonStyle::Primary, Icon::StartOver, ui.t("start-over"), ui.font(true)),
                StartOverButton,
                BorderColor::all(palette::ACCENT),
            ))
            .observe(start_over);
        });
}

/// Back to the attract loop, in the booth's default language, with nothing selected.
pub fn start_over(_: On<Pointer<Click>>, mut commands: Commands) {
    super::visit::end_visit(&mut commands);
}
