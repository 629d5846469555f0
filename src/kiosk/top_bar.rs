//! The bar on top of every visitor screen: back, the language buttons (each in its own language), the
//! aids (large text, high contrast, read aloud) and "はじめから / Start over".

use bevy::picking::Pickable;
use bevy::prelude::*;

use super::aids::{self, Aids};
use super::icons::{Icon, icon};
use super::speech::{self, ReadAloud, ReadAloudButton, Silent};
use super::theme::RADIUS_MM;
use super::theme::{GAP_MM, MARGIN_MM, TOP_BAR_MM, palette, text_size};
use super::widgets::{
    ButtonStyle, UiContext, button, button_node, button_text_color, compact_button_node, icon_button, label,
    style_colours,
};
use super::{CurrentLang, EventSender, LanguageReentry, Screen};
use crate::lang::Lang;
use crate::telemetry::{Aid, Event};

/// Marks the language button for a language (tests find buttons by it).
#[derive(Component, Clone, Copy, Debug)]
pub struct LanguageButton(pub Lang);

/// Marks the "Start over" button.
#[derive(Component, Clone, Copy, Debug)]
pub struct StartOverButton;

/// Marks the back button.
#[derive(Component, Clone, Copy, Debug)]
pub struct BackButton;

/// The title on the bar: it takes the room the buttons leave, and a smaller size when it needs two lines.
#[derive(Component, Clone, Copy, Debug)]
pub struct TopBarTitle;

/// A button of the bar that keeps its width (its label never wraps); the title gives way instead.
#[derive(Component, Clone, Copy, Debug)]
struct FlexShrinkless;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(PostUpdate, (keep_width, fit_title.after(bevy::ui::UiSystems::Layout)));
}

fn keep_width(mut q: Query<&mut Node, Added<FlexShrinkless>>) {
    for mut n in &mut q {
        n.flex_shrink = 0.0;
    }
}

/// A title that wraps onto a second line at the heading size takes the body size, which two lines fit
/// in the bar (a long title in やさしい日本語, or in English beside five languages).
fn fit_title(mut q: Query<(&ComputedNode, &mut TextFont), With<TopBarTitle>>) {
    for (node, mut font) in &mut q {
        let FontSize::Px(size) = font.font_size else { continue };
        let height_mm = node.size().y * node.inverse_scale_factor();
        if size > text_size::BODY && height_mm > size * 1.6 {
            font.font_size = FontSize::Px(text_size::BODY);
        }
    }
}

/// Spawns the top bar as a child of `parent`. `back` is where the back button goes (none on the hub).
/// `title_lang` is the language the title is written in (it picks the font).
pub fn spawn_top_bar(
    parent: &mut ChildSpawnerCommands,
    ui: &UiContext,
    title: &str,
    title_lang: Lang,
    back: Option<Screen>,
) {
    let aids = ui.aids();
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
            aids::KeepTextSize,
        ))
        .with_children(|bar| {
            if let Some(target) = back {
                bar.spawn((
                    icon_button(ButtonStyle::OnDark, Icon::Back, ui.t("back"), ui.font(true)),
                    BackButton,
                    Silent,
                    FlexShrinkless,
                ))
                .observe(move |_: On<Pointer<Click>>, mut next: ResMut<NextState<Screen>>| {
                    next.set(target);
                });
            }
            bar.spawn((
                label(title, ui.font_in(title_lang, true), text_size::HEADING, palette::ON_PRIMARY),
                Node { flex_grow: 1.0, margin: UiRect::left(px(4.0)), ..default() },
                TopBarTitle,
            ));
            bar.spawn(icon(Icon::Language, 17.0, palette::ON_PRIMARY));
            for lang in languages {
                let style = if lang == ui.lang() { ButtonStyle::Secondary } else { ButtonStyle::OnDark };
                bar.spawn((
                    button(style, ui.t_in(lang, "language-self-name", &[]), ui.font_in(lang, false)),
                    LanguageButton(lang),
                    Silent,
                ))
                // Never squeezed into two lines: the title gives way instead.
                .insert(Node { flex_shrink: 0.0, ..button_node() })
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
            spawn_aid_buttons(bar, aids);
            bar.spawn((
                icon_button(ButtonStyle::Primary, Icon::StartOver, ui.t("start-over"), ui.font(true)),
                StartOverButton,
                FlexShrinkless,
                Silent,
                BorderColor::all(palette::ACCENT),
            ))
            .observe(start_over);
        });
}

/// Marks the top bar's toggle for an aid (tests find buttons by it).
#[derive(Component, Clone, Copy, Debug)]
pub struct AidButton(pub Aid);

/// The three aids: large text, high contrast, read aloud. Icon buttons (the bar has no room for five
/// languages and three captions), drawn light while on, like the language on screen; each names itself
/// in the current language to tests and to the read-aloud history through [`AidButton`]'s label key.
fn spawn_aid_buttons(bar: &mut ChildSpawnerCommands, aids: (Aids, bool)) {
    let (aids, reading) = aids;
    let buttons = [
        (Aid::LargeText, Icon::LargeText, aids.large_text),
        (Aid::HighContrast, Icon::HighContrast, aids.high_contrast),
        (Aid::ReadAloud, if reading { Icon::StopReading } else { Icon::ReadAloud }, reading),
    ];
    for (aid, glyph, on) in buttons {
        let style = if on { ButtonStyle::Secondary } else { ButtonStyle::OnDark };
        let (colors, background) = style_colours(style);
        let mut b = bar.spawn((
            Button,
            Node { flex_shrink: 0.0, ..compact_button_node(AID_BUTTON_MM, UiRect::all(px(2.0)), RADIUS_MM) },
            BackgroundColor(background),
            colors,
            style.edge(),
            AidButton(aid),
            Silent,
            children![icon(glyph, AID_ICON_MM, button_text_color(style))],
        ));
        if aid == Aid::ReadAloud {
            b.insert(ReadAloudButton).observe(
                |_: On<Pointer<Click>>,
                 mut read: ResMut<ReadAloud>,
                 mut events: EventSender,
                 mut commands: Commands| {
                    speech::toggle(&mut read, &mut events);
                    // Redraw the button (Stop ↔ 読み上げ) by rebuilding the bar with the screen.
                    commands.run_system_cached(rebuild_screen);
                },
            );
        } else {
            b.observe(
                move |_: On<Pointer<Click>>,
                      mut aids: ResMut<Aids>,
                      state: Res<State<Screen>>,
                      mut next: ResMut<NextState<Screen>>,
                      mut reentry: ResMut<LanguageReentry>,
                      mut events: EventSender| {
                    aids::toggle(aid, &mut aids, &state, &mut next, &mut reentry, &mut events);
                },
            );
        }
    }
}

/// Side of an aid button (a touch target of more than 20 mm).
const AID_BUTTON_MM: f32 = 26.0;
/// Side of an aid button's icon.
const AID_ICON_MM: f32 = 17.0;

/// Rebuilds the screen in place (as a language change does, without logging a new view).
fn rebuild_screen(
    state: Res<State<Screen>>,
    mut next: ResMut<NextState<Screen>>,
    mut reentry: ResMut<LanguageReentry>,
) {
    reentry.0 = true;
    next.set(*state.get());
}

/// Back to the attract loop, in the booth's default language, with nothing selected.
pub fn start_over(_: On<Pointer<Click>>, mut commands: Commands) {
    super::visit::end_visit(&mut commands);
}
