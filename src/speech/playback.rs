//! Speaking a list of utterances one after another on a thread of its own, until the end or a stop.

use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use super::{Engine, SpeechError, Utterance};

/// Where the sound goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Output {
    /// The booth PC's audio output, through ALSA's `aplay` (the default device: the headphones).
    Speaker {
        /// The `aplay` program.
        aplay: PathBuf,
    },
    /// WAV files in a folder, `01-ja.wav`, `02-en.wav`…, for tests: written at once, not in real time.
    Files(PathBuf),
}

/// What happened to one utterance.
#[derive(Debug, Clone, PartialEq)]
pub struct Spoken {
    /// The utterance.
    pub utterance: Utterance,
    /// Its sound at the playback volume (length and level), or why there is none.
    pub result: Result<(f32, f32), String>,
}

#[derive(Debug, Default)]
struct Shared {
    spoken: Vec<Spoken>,
    finished: bool,
}

/// Utterances being spoken. Dropping it stops the sound.
#[derive(Debug)]
pub struct Playback {
    stop: Arc<AtomicBool>,
    shared: Arc<Mutex<Shared>>,
    thread: Option<JoinHandle<()>>,
}

impl Playback {
    /// Starts speaking `utterances` at `volume` percent, one after another.
    pub fn start(engine: Engine, output: Output, utterances: Vec<Utterance>, volume: u8) -> Playback {
        let stop = Arc::new(AtomicBool::new(false));
        let shared = Arc::new(Mutex::new(Shared::default()));
        let (stop2, shared2) = (stop.clone(), shared.clone());
        let thread = std::thread::Builder::new()
            .name("speech".into())
            .spawn(move || {
                let work = tempfile::tempdir().ok();
                for (i, u) in utterances.into_iter().enumerate() {
                    if stop2.load(Ordering::Relaxed) {
                        break;
                    }
                    let result = match &work {
                        Some(dir) => speak_one(&engine, &output, &u, i, volume, dir.path(), &stop2),
                        None => Err("no temporary folder for the sound".to_owned()),
                    };
                    if let Ok(mut s) = shared2.lock() {
                        s.spoken.push(Spoken { utterance: u, result });
                    }
                }
                if let Ok(mut s) = shared2.lock() {
                    s.finished = true;
                }
            })
            .ok();
        if thread.is_none()
            && let Ok(mut s) = shared.lock()
        {
            s.finished = true;
        }
        Playback { stop, shared, thread }
    }

    /// Stops the sound now (the utterance being spoken is cut, the rest are not spoken).
    pub fn stop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// Whether every utterance has been spoken, or the playback stopped.
    pub fn is_finished(&self) -> bool {
        self.shared.lock().map_or(true, |s| s.finished)
    }

    /// What has been spoken so far.
    pub fn spoken(&self) -> Vec<Spoken> {
        self.shared.lock().map(|s| s.spoken.clone()).unwrap_or_default()
    }

    /// Waits until the playback has finished (tests).
    pub fn wait(mut self) -> Vec<Spoken> {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
        self.spoken()
    }
}

impl Drop for Playback {
    fn drop(&mut self) {
        self.stop();
    }
}

fn speak_one(
    engine: &Engine,
    output: &Output,
    u: &Utterance,
    index: usize,
    volume: u8,
    work: &std::path::Path,
    stop: &AtomicBool,
) -> Result<(f32, f32), String> {
    let raw = work.join(format!("{index:02}-raw.wav"));
    let wav = engine.synthesize(u, &raw).map_err(|e: SpeechError| e.to_string())?.scaled(volume);
    let measured = (wav.seconds(), wav.rms());
    match output {
        Output::Files(dir) => {
            let path = dir.join(format!("{:02}-{}.wav", index + 1, u.lang.code()));
            std::fs::write(&path, wav.to_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
        }
        Output::Speaker { aplay } => {
            let path = work.join(format!("{index:02}.wav"));
            std::fs::write(&path, wav.to_bytes()).map_err(|e| format!("{}: {e}", path.display()))?;
            let child = Command::new(aplay)
                .arg("-q")
                .arg(&path)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .map_err(|e| format!("{}: {e}", aplay.display()))?;
            play_until_done_or_stopped(child, stop).map_err(|e| format!("{}: {e}", aplay.display()))?;
        }
    }
    Ok(measured)
}

/// Waits for the player; a player that fails (no audio device) is an error with the last line it printed.
fn play_until_done_or_stopped(mut child: Child, stop: &AtomicBool) -> Result<(), String> {
    loop {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => return Ok(()),
            Ok(Some(status)) => {
                let mut err = String::new();
                if let Some(mut e) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut e, &mut err);
                }
                let last = err.lines().rev().find(|l| !l.trim().is_empty()).unwrap_or_default().trim().to_owned();
                return Err(format!("{status}: {last}"));
            }
            Ok(None) if stop.load(Ordering::Relaxed) => {
                let _ = child.kill();
                let _ = child.wait();
                return Ok(());
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => return Err(format!("aplay: {e}")),
        }
    }
}
