//! One tap is one tap, however fast it is and whichever display server delivered it.
//!
//! Picking (bevy_picking 0.19) judges a press against the entities under the pointer in the frame it
//! arrives, and a release against the entities under the pointer in the frame *before*. A press and a
//! release that arrive in the same frame (a quick tap on a slow frame, xdotool's `click`) therefore
//! find nothing to release: the button stays drawn pressed and the tap is lost. The pacer sits between
//! the window's raw input and picking and hands each pointer at most one button change per frame, in
//! the order it arrived, so a release always comes at least one frame after its press.
//!
//! It also drops the X11 emulated cursor: winit on X11 sends a `CursorMoved` at the first finger's
//! position before each of its touch events. Left in, it parks the mouse pointer on the last button
//! touched (a hover that sticks). A finger is a finger; the mouse moves only when a mouse moves.

use std::collections::{BTreeMap, HashMap, VecDeque};

/// A position in logical window pixels, `[x, y]`.
pub type Point = [f32; 2];

/// How far (logical px) a cursor move may be from a finger and still be the X11 emulation of it.
const EMULATED_CURSOR_PX: f32 = 1.0;

/// What a finger did, as the window reports it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FingerPhase {
    /// The finger touched the screen.
    Down,
    /// The finger moved on the screen.
    Moved,
    /// The finger left the screen.
    Up,
    /// The system took the touch away (a gesture, a window change).
    Cancelled,
}

/// One raw input event from the window, in arrival order.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum RawInput {
    /// The mouse cursor moved to a position.
    CursorMoved(Point),
    /// The primary mouse button went down (`true`) or up (`false`).
    MouseButton(bool),
    /// A finger event.
    Finger {
        /// The touch id the window gave the finger.
        id: u64,
        /// What the finger did.
        phase: FingerPhase,
        /// Where.
        at: Point,
    },
}

/// Which pointer a step belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PointerKey {
    /// The mouse (always there).
    Mouse,
    /// A finger, by touch id (there while it touches).
    Finger(u64),
}

/// One thing a pointer does in a frame.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointerStep {
    /// A finger pointer comes into being (before its press).
    Appear,
    /// The pointer moved.
    Move,
    /// The primary button (or the finger) went down.
    Press,
    /// The primary button (or the finger) came up.
    Release,
    /// The touch was taken away: nothing is clicked.
    Cancel,
    /// A finger pointer is gone (after its release or cancel).
    Vanish,
}

impl PointerStep {
    fn changes_button(self) -> bool {
        matches!(self, PointerStep::Press | PointerStep::Release | PointerStep::Cancel)
    }
}

/// A pointer step with the pointer's position at that step.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Paced {
    /// Whose step.
    pub pointer: PointerKey,
    /// What it does.
    pub step: PointerStep,
    /// Where the pointer is.
    pub at: Point,
}

/// Counts of what the pacer has seen, for the staff panel (how a technician sees touches arrive).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InputCounts {
    /// Fingers that touched the screen.
    pub fingers: u64,
    /// Primary mouse button presses.
    pub mouse_presses: u64,
    /// Cursor moves dropped as the X11 emulation of a finger.
    pub emulated_cursor_moves: u64,
    /// Releases held back one frame because their press came in the same frame.
    pub held_back: u64,
}

/// Turns each frame's raw input into pointer steps: at most one button change per pointer per frame.
#[derive(Debug, Default)]
pub struct PointerPacer {
    queued: BTreeMap<PointerKey, VecDeque<(PointerStep, Point)>>,
    fingers_down: HashMap<u64, Point>,
    mouse_down: bool,
    mouse_at: Point,
    counts: InputCounts,
}

impl PointerPacer {
    /// A pacer with no pointer down.
    pub fn new() -> PointerPacer {
        PointerPacer::default()
    }

    /// What the pacer has seen so far.
    pub fn counts(&self) -> InputCounts {
        self.counts
    }

    /// Fingers on the screen now (as the input says; their steps may still be queued).
    pub fn fingers_down(&self) -> usize {
        self.fingers_down.len()
    }

    /// Takes one frame's raw input (in arrival order; empty when nothing arrived) and returns the steps
    /// for this frame. Call it every frame: steps held back from earlier frames come out here.
    pub fn frame(&mut self, inputs: &[RawInput]) -> Vec<Paced> {
        let mut finger_spots: Vec<Point> = self.fingers_down.values().copied().collect();
        finger_spots.extend(inputs.iter().filter_map(|i| match i {
            RawInput::Finger { at, .. } => Some(*at),
            _ => None,
        }));
        for input in inputs {
            match *input {
                RawInput::CursorMoved(at) => {
                    if finger_spots.iter().any(|f| near(*f, at)) {
                        self.counts.emulated_cursor_moves += 1;
                    } else if at != self.mouse_at {
                        self.mouse_at = at;
                        self.queue(PointerKey::Mouse, PointerStep::Move, at);
                    }
                }
                RawInput::MouseButton(down) if down != self.mouse_down => {
                    self.mouse_down = down;
                    if down {
                        self.counts.mouse_presses += 1;
                    }
                    let step = if down { PointerStep::Press } else { PointerStep::Release };
                    self.queue(PointerKey::Mouse, step, self.mouse_at);
                }
                RawInput::MouseButton(_) => {}
                RawInput::Finger { id, phase, at } => self.finger(id, phase, at),
            }
        }
        self.release_frame()
    }

    fn finger(&mut self, id: u64, phase: FingerPhase, at: Point) {
        let key = PointerKey::Finger(id);
        let last = self.fingers_down.get(&id).copied();
        match (phase, last) {
            (FingerPhase::Down, None) => {
                self.counts.fingers += 1;
                self.fingers_down.insert(id, at);
                self.queue(key, PointerStep::Appear, at);
                self.queue(key, PointerStep::Press, at);
            }
            (FingerPhase::Moved, Some(before)) if before != at => {
                self.fingers_down.insert(id, at);
                self.queue(key, PointerStep::Move, at);
            }
            (FingerPhase::Up | FingerPhase::Cancelled, Some(before)) => {
                self.fingers_down.remove(&id);
                if before != at {
                    self.queue(key, PointerStep::Move, at);
                }
                let end = if phase == FingerPhase::Up { PointerStep::Release } else { PointerStep::Cancel };
                self.queue(key, end, at);
                self.queue(key, PointerStep::Vanish, at);
            }
            // A second Down for a finger already down, a move to where it is, or an end of a finger
            // never seen: nothing to do.
            _ => {}
        }
    }

    fn queue(&mut self, pointer: PointerKey, step: PointerStep, at: Point) {
        let q = self.queued.entry(pointer).or_default();
        // Moves in a row are one move to the last place (a stalled frame does not replay a drag).
        if step == PointerStep::Move
            && let Some((PointerStep::Move, last)) = q.back_mut()
        {
            *last = at;
            return;
        }
        q.push_back((step, at));
    }

    fn release_frame(&mut self) -> Vec<Paced> {
        let mut out = Vec::new();
        for (pointer, q) in &mut self.queued {
            let (mut changed_button, mut vanished) = (false, false);
            while let Some(&(step, at)) = q.front() {
                if step.changes_button() && changed_button {
                    self.counts.held_back += 1;
                    break;
                }
                // A finger that vanished ends its frame: the same touch id may come back next frame.
                if step == PointerStep::Appear && vanished {
                    break;
                }
                q.pop_front();
                changed_button |= step.changes_button();
                vanished |= step == PointerStep::Vanish;
                out.push(Paced { pointer: *pointer, step, at });
            }
        }
        self.queued.retain(|_, q| !q.is_empty());
        out
    }
}

fn near(a: Point, b: Point) -> bool {
    (a[0] - b[0]).abs() <= EMULATED_CURSOR_PX && (a[1] - b[1]).abs() <= EMULATED_CURSOR_PX
}

#[cfg(test)]
mod tests;
