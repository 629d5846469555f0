//! The baseline for the startup benchmark: an empty Bevy 0.19 app with the kiosk's features and the same
//! window settings, exiting after its first frames like `midori-kiosk run --exit-after-first-frame`.
//! `cargo run --release --example empty_window`

use bevy::prelude::*;

fn main() {
    let started = std::time::Instant::now();
    App::new()
        .add_plugins(DefaultPlugins.set(WindowPlugin {
            primary_window: Some(Window {
                title: "empty".into(),
                resolution: bevy::window::WindowResolution::new(1920, 1080),
                ..default()
            }),
            ..default()
        }))
        .add_systems(Startup, |mut commands: Commands| {
            commands.spawn(Camera2d);
        })
        .add_systems(Last, move |frames: Res<bevy::diagnostic::FrameCount>, mut exit: MessageWriter<AppExit>| {
            if frames.0 == midori_kiosk::kiosk::app::FIRST_FRAMES {
                println!("first frame after {:.0} ms", started.elapsed().as_secs_f64() * 1000.0);
                exit.write(AppExit::Success);
            }
        })
        .run();
}
