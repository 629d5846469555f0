//! One visit: the municipality the visitor chose (the one place its code is kept), the three ways of
//! opening its page, and the end of the visit, which each plugin answers by resetting its own state.

use bevy::prelude::*;

use super::{Content, CurrentLang, EventSender, Screen};
use crate::lang::Lang;
use crate::telemetry::{Event, SelectHow};

/// The municipality the visitor chose (its card on the map, its page) and the program to take home. In
/// the attract loop, before any visitor, it is the one the ghost finger is demonstrating.
#[derive(Resource, Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    /// Code of the chosen municipality; `None` before a choice.
    pub municipality: Option<String>,
    /// A program whose page the visitor wants to take home (only programs with a URL).
    pub program: Option<String>,
    /// How `municipality` was chosen; a choice is logged once, however many ways lead on to its page.
    pub how: Option<SelectHow>,
}

/// The visit is over (Start over, or the idle reset): the next visitor finds the kiosk as the booth set
/// it up. Each plugin observes it and resets what it owns.
#[derive(Event, Debug, Clone, Copy)]
pub struct VisitEnded;

pub(super) fn plugin(app: &mut App) {
    app.add_observer(|_: On<VisitEnded>, mut selection: ResMut<Selection>| *selection = Selection::default())
        .add_observer(|_: On<VisitEnded>, content: Option<Res<Content>>, mut lang: ResMut<CurrentLang>| {
            lang.0 = content.map_or(Lang::Ja, |c| c.0.settings.default_lang);
        })
        .add_observer(|_: On<VisitEnded>, mut next: ResMut<NextState<Screen>>| next.set(Screen::Attract));
}

/// The visitor chose `code` (a first tap on the map, a name in the list): logs `municipality_select`
/// unless this is the choice already made the same way.
pub fn choose_municipality(selection: &mut Selection, events: &mut EventSender, code: &str, how: SelectHow) {
    if selection.municipality.as_deref() != Some(code) || selection.how != Some(how) {
        events.send(Event::MunicipalitySelect { code: code.to_owned(), how });
        selection.municipality = Some(code.to_owned());
        selection.how = Some(how);
    }
}

/// Opens the page of `code`, chosen `how`: the one way in for the second tap on the map, the card's More
/// button and the list, so each logs the same events.
pub fn open_municipality(
    selection: &mut Selection,
    next: &mut NextState<Screen>,
    events: &mut EventSender,
    code: &str,
    how: SelectHow,
) {
    choose_municipality(selection, events, code, how);
    next.set(Screen::Municipality);
}

/// Ends the visit (Start over, the idle reset).
pub fn end_visit(commands: &mut Commands) {
    commands.trigger(VisitEnded);
}
