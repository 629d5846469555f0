//! The real kiosk app without a window or GPU, in one test binary (Bevy is linked once): a module per
//! topic over a shared harness.

mod aids;
mod booth_pc;
mod cli;
mod faults;
mod harness;
mod layout;
mod log;
mod map;
mod monkey;
mod quiz;
mod staff;
mod touch;
mod visits;
