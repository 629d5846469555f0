//! Building blocks shared by every screen: localized labels, buttons with press feedback, cards.

use bevy::ecs::system::SystemParam;
use bevy::picking::Pickable;
use bevy::prelude::*;

use super::fonts::Fonts;
use super::theme::{BUTTON_HEIGHT_MM, RADIUS_MM, TARGET_MIN_MM, palette, text_size};
use super::{Content, CurrentLang, Screen, Strings};
use crate::i18n::Arg;
use crate::lang::Lang;

/// What a screen needs to build localized UI.
#[derive(SystemParam)]
pub struct UiContext<'w> {
    /// The UI strings; `None` when the locales could not be read (keys then show as ⟦key⟧).
    pub strings: Option<Res<'w, Strings>>,
    /// The language on screen.
    pub lang: Res<'w, CurrentLang>,
    /// The loaded fonts.
    pub fonts: Res<'w, Fonts>,
    /// The booth content; `None` when the configuration is broken.
    pub content: Option<Res<'w, Content>>,
    /// The visitor's large-text and high-contrast toggles.
    pub aids: Res<'w, super::aids::Aids>,
    /// Read aloud in this visit.
    pub read_aloud: Res<'w, super::speech::ReadAloud>,
}

impl UiContext<'_> {
    /// The language on screen now.
    pub fn lang(&self) -> Lang {
        self.lang.0
    }
    /// A UI string in the current language.
    pub fn t(&self, key: &str) -> String {
        self.t_args(key, &[])
    }
    /// A UI string in the current language, with its Fluent arguments.
    pub fn t_args(&self, key: &str, args: &[Arg<'_>]) -> String {
        self.t_in(self.lang.0, key, args)
    }
    /// A UI string in a given language.
    pub fn t_in(&self, lang: Lang, key: &str, args: &[Arg<'_>]) -> String {
        match &self.strings {
            Some(s) => s.0.t_args(lang, key, args),
            None => format!("⟦{key}⟧"),
        }
    }
    /// The aids on now, and whether read aloud is on.
    pub fn aids(&self) -> (super::aids::Aids, bool) {
        (*self.aids, self.read_aloud.on)
    }
    /// The font for text in the current language.
    pub fn font(&self, bold: bool) -> Handle<Font> {
        self.fonts.get(self.lang.0, bold)
    }
    /// The font for text written in `lang`, e.g. content shown in Japanese because it has no translation.
    pub fn font_in(&self, lang: Lang, bold: bool) -> Handle<Font> {
        self.fonts.get(lang, bold)
    }
}

/// A line or paragraph of text. Never catches taps.
pub fn label(text: impl Into<String>, font: Handle<Font>, size_mm: f32, color: Color) -> impl Bundle {
    (
        Text::new(text.into()),
        TextFont { font: font.into(), font_size: FontSize::Px(size_mm), ..default() },
        TextColor(color),
        Pickable::IGNORE,
    )
}

/// A full-screen column that is despawned when its screen is left. Lets taps through to what is below.
pub fn screen_root(screen: Screen) -> impl Bundle {
    screen_root_on(screen, palette::BACKGROUND)
}

/// [`screen_root`] on another background colour.
pub fn screen_root_on(screen: Screen, background: Color) -> impl Bundle {
    (
        Node { width: percent(100), height: percent(100), flex_direction: FlexDirection::Column, ..default() },
        BackgroundColor(background),
        DespawnOnExit(screen),
        Pickable::IGNORE,
    )
}

/// A white rounded panel.
pub fn card() -> impl Bundle {
    (
        Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(8.0)),
            row_gap: px(3.0),
            border: UiRect::all(px(0.6)),
            border_radius: BorderRadius::all(px(RADIUS_MM)),
            ..default()
        },
        BackgroundColor(palette::SURFACE),
        BorderColor::all(palette::BORDER),
        Pickable::IGNORE,
    )
}

/// A white card that is also a button (a program to open): darkens while pressed.
pub fn tappable_card() -> impl Bundle {
    (
        Button,
        Node {
            flex_direction: FlexDirection::Column,
            min_height: px(BUTTON_HEIGHT_MM),
            padding: UiRect::all(px(6.0)),
            row_gap: px(2.5),
            border: UiRect::all(px(0.6)),
            border_radius: BorderRadius::all(px(RADIUS_MM)),
            ..default()
        },
        BackgroundColor(palette::SURFACE),
        PressColors { normal: palette::SURFACE, pressed: palette::SECONDARY_PRESSED },
        BorderColor::all(palette::CONTROL_EDGE),
    )
}

/// Colours of a button at rest and while pressed (feedback on touch, where there is no hover).
#[derive(Component, Clone, Copy, Debug)]
pub struct PressColors {
    /// Background at rest.
    pub normal: Color,
    /// Background while pressed.
    pub pressed: Color,
}

/// The look of a button: its colours at rest and pressed, its text colour and its edge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ButtonStyle {
    /// Green with white text: the main action.
    Primary,
    /// Light green with dark text.
    Secondary,
    /// On the dark top bar.
    OnDark,
}

impl ButtonStyle {
    /// The button's edge, drawn as an outline (3:1 against what the button sits on, WCAG 1.4.11).
    pub fn edge(self) -> Outline {
        let color = match self {
            ButtonStyle::Primary => palette::PRIMARY,
            ButtonStyle::Secondary => palette::CONTROL_EDGE,
            ButtonStyle::OnDark => palette::CONTROL_EDGE_ON_DARK,
        };
        Outline::new(px(0.6), px(0.0), color)
    }

    fn colors(self) -> (PressColors, Color) {
        match self {
            ButtonStyle::Primary => {
                (PressColors { normal: palette::PRIMARY, pressed: palette::PRIMARY_PRESSED }, palette::ON_PRIMARY)
            }
            ButtonStyle::Secondary => {
                (PressColors { normal: palette::SECONDARY, pressed: palette::SECONDARY_PRESSED }, palette::TEXT)
            }
            ButtonStyle::OnDark => {
                (PressColors { normal: palette::PRIMARY, pressed: palette::PRIMARY_PRESSED }, palette::ON_PRIMARY)
            }
        }
    }
}

/// The layout of a [`button`]: at least [`TARGET_MIN_MM`] in both directions, content centred in a row.
pub fn button_node() -> Node {
    Node {
        min_width: px(TARGET_MIN_MM.max(BUTTON_HEIGHT_MM)),
        min_height: px(BUTTON_HEIGHT_MM),
        padding: UiRect::axes(px(7.0), px(3.0)),
        column_gap: px(3.0),
        justify_content: JustifyContent::Center,
        align_items: AlignItems::Center,
        border_radius: BorderRadius::all(px(RADIUS_MM)),
        ..default()
    }
}

/// A touch button at least [`TARGET_MIN_MM`] in both directions with one label.
pub fn button(style: ButtonStyle, text: impl Into<String>, font: Handle<Font>) -> impl Bundle {
    let (colors, text_color) = style.colors();
    (
        Button,
        button_node(),
        BackgroundColor(colors.normal),
        colors,
        style.edge(),
        children![label(text, font, text_size::BUTTON, text_color)],
    )
}

/// Side of an icon next to a button's label.
pub const BUTTON_ICON_MM: f32 = 15.0;

/// A [`button`] with an icon before its label.
pub fn icon_button(
    style: ButtonStyle,
    icon: super::icons::Icon,
    text: impl Into<String>,
    font: Handle<Font>,
) -> impl Bundle {
    let (colors, text_color) = style.colors();
    (
        Button,
        Node { padding: UiRect::axes(px(6.0), px(3.0)), ..button_node() },
        BackgroundColor(colors.normal),
        colors,
        style.edge(),
        children![
            super::icons::icon(icon, BUTTON_ICON_MM, text_color),
            label(text, font, text_size::BUTTON, text_color)
        ],
    )
}

/// A button whose content the caller spawns (e.g. two lines of text).
pub fn button_frame(style: ButtonStyle) -> impl Bundle {
    let (colors, _) = style.colors();
    (
        Button,
        Node {
            min_width: px(TARGET_MIN_MM),
            min_height: px(BUTTON_HEIGHT_MM),
            padding: UiRect::axes(px(4.0), px(2.0)),
            flex_direction: FlexDirection::Column,
            justify_content: JustifyContent::Center,
            align_items: AlignItems::Center,
            border_radius: BorderRadius::all(px(RADIUS_MM)),
            ..default()
        },
        BackgroundColor(colors.normal),
        colors,
        style.edge(),
    )
}

/// The layout of a compact button: centred content, at least `min_mm` square, small padding. For dense
/// grids (staff panel, hub) where the default button padding would waste room.
pub fn compact_button_node(min_mm: f32, padding: UiRect, radius_mm: f32) -> Node {
    Node {
        min_width: px(min_mm.max(TARGET_MIN_MM)),
        min_height: px(min_mm.max(TARGET_MIN_MM)),
        padding,
        flex_direction: FlexDirection::Column,
        justify_content: JustifyContent::Center,
        align_items: AlignItems::Center,
        border_radius: BorderRadius::all(px(radius_mm)),
        ..default()
    }
}

/// A button style's press colours and its background at rest (for buttons built by hand).
pub fn style_colours(style: ButtonStyle) -> (PressColors, Color) {
    let (colors, _) = style.colors();
    (colors, colors.normal)
}

/// Text colour that goes with a button style.
pub fn button_text_color(style: ButtonStyle) -> Color {
    style.colors().1
}

pub(super) fn plugin(app: &mut App) {
    app.add_observer(on_press)
        .add_observer(on_release)
        .add_observer(on_cancel)
        .add_systems(PostUpdate, rest_when_the_pointer_is_gone);
}

/// The pointer holding a button down (it is drawn pressed while that pointer stays down).
#[derive(Component, Clone, Copy, Debug)]
struct PressedBy(bevy::picking::pointer::PointerId);

fn on_press(
    ev: On<Pointer<Press>>,
    motion: Res<super::motion::Motion>,
    mut commands: Commands,
    mut q: Query<(&PressColors, &mut BackgroundColor, &mut UiTransform)>,
) {
    if let Ok((c, mut bg, mut tf)) = q.get_mut(ev.entity) {
        commands.entity(ev.entity).insert(PressedBy(ev.pointer_id));
        bg.0 = c.pressed;
        if motion.enabled {
            tf.scale = Vec2::splat(super::motion::PRESSED_SCALE);
        }
    }
}

/// Back to rest: on release, and when the finger slides off (cancel).
fn at_rest(entity: Entity, q: &mut Query<(&PressColors, &mut BackgroundColor, &mut UiTransform)>) {
    if let Ok((c, mut bg, mut tf)) = q.get_mut(entity) {
        bg.0 = c.normal;
        if tf.scale != Vec2::ONE {
            tf.scale = Vec2::ONE;
        }
    }
}

fn on_release(ev: On<Pointer<Release>>, mut q: Query<(&PressColors, &mut BackgroundColor, &mut UiTransform)>) {
    at_rest(ev.entity, &mut q);
}

fn on_cancel(ev: On<Pointer<Cancel>>, mut q: Query<(&PressColors, &mut BackgroundColor, &mut UiTransform)>) {
    at_rest(ev.entity, &mut q);
}

/// A cancelled touch never reaches its button (bevy_picking 0.19 sends `Cancel` to what the pointer
/// hovers in that frame, and a cancelled pointer hovers nothing; bevy#2333), and a finger that slides
/// off before it lifts releases elsewhere. So a button drawn pressed goes back to rest as soon as the
/// pointer that pressed it is no longer down.
fn rest_when_the_pointer_is_gone(
    pressed: Query<(Entity, &PressedBy)>,
    pointers: Query<(&bevy::picking::pointer::PointerId, &bevy::picking::pointer::PointerPress)>,
    mut commands: Commands,
    mut q: Query<(&PressColors, &mut BackgroundColor, &mut UiTransform)>,
) {
    for (entity, by) in &pressed {
        let still_down = pointers.iter().any(|(id, press)| *id == by.0 && press.is_primary_pressed());
        if !still_down {
            at_rest(entity, &mut q);
            commands.entity(entity).remove::<PressedBy>();
        }
    }
}
