//! Staff access: the PIN (stored only as a salted slow hash) and the lock after wrong PINs. No Bevy here.

pub mod lockout;
pub mod pin;

pub use lockout::{Attempt, Lockout, MAX_FAILURES};
pub use pin::{DEFAULT_ROUNDS, PinError, hash_pin, new_hash, verify};
