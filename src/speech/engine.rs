//! The offline speech engines, run as programs: text on standard input, a WAV file out.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::{Utterance, Voice, Wav, WavError, voice_for};

/// Where the engines and their data are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Engine {
    /// The `open_jtalk` program.
    pub open_jtalk: PathBuf,
    /// Open JTalk's dictionary folder (Debian: `/var/lib/mecab/dic/open-jtalk/naist-jdic`).
    pub dictionary: PathBuf,
    /// The HTS voice file (`assets/voices/mei_normal.htsvoice`).
    pub voice: PathBuf,
    /// The `espeak-ng` program.
    pub espeak: PathBuf,
}

/// Why a text could not be turned into sound.
#[derive(Debug, thiserror::Error)]
pub enum SpeechError {
    /// A program or data file is not there.
    #[error("{0}: not found (install the Debian packages open-jtalk, open-jtalk-mecab-naist-jdic and espeak-ng)")]
    Missing(PathBuf),
    /// The engine could not be started or written to.
    #[error("{program}: {source}")]
    Io {
        /// The program.
        program: String,
        /// What failed.
        source: std::io::Error,
    },
    /// The engine ran and failed.
    #[error("{program} failed ({status}): {stderr}")]
    Failed {
        /// The program.
        program: String,
        /// Its exit status.
        status: String,
        /// What it printed on standard error.
        stderr: String,
    },
    /// The engine wrote something that is not a WAV file this kiosk reads.
    #[error("{program} wrote no usable sound: {source}")]
    BadOutput {
        /// The program.
        program: String,
        /// Why the file is not usable.
        source: WavError,
    },
}

impl Engine {
    /// The Debian paths, with the voice under the asset folder `assets`.
    pub fn debian(assets: &Path) -> Engine {
        Engine {
            open_jtalk: "/usr/bin/open_jtalk".into(),
            dictionary: "/var/lib/mecab/dic/open-jtalk/naist-jdic".into(),
            voice: assets.join("voices/mei_normal.htsvoice"),
            espeak: "/usr/bin/espeak-ng".into(),
        }
    }

    /// Every file the engines need, the first missing one as an error (for the staff panel and `check`).
    pub fn check(&self) -> Result<(), SpeechError> {
        for p in [&self.open_jtalk, &self.dictionary, &self.voice, &self.espeak] {
            if !p.exists() {
                return Err(SpeechError::Missing(p.clone()));
            }
        }
        Ok(())
    }

    /// Speaks `u` into a WAV file at `out` and reads it back.
    pub fn synthesize(&self, u: &Utterance, out: &Path) -> Result<Wav, SpeechError> {
        let mut cmd = match voice_for(u.lang) {
            Voice::OpenJtalk => {
                for p in [&self.open_jtalk, &self.dictionary, &self.voice] {
                    if !p.exists() {
                        return Err(SpeechError::Missing(p.clone()));
                    }
                }
                let mut c = Command::new(&self.open_jtalk);
                c.arg("-x").arg(&self.dictionary).arg("-m").arg(&self.voice).arg("-ow").arg(out);
                c
            }
            Voice::Espeak(voice) => {
                if !self.espeak.exists() {
                    return Err(SpeechError::Missing(self.espeak.clone()));
                }
                let mut c = Command::new(&self.espeak);
                // A little slower than the default 175 words a minute, for visitors reading along.
                c.args(["-v", voice, "-s", "150", "-w"]).arg(out).arg("--stdin");
                c
            }
        };
        let program = cmd.get_program().to_string_lossy().into_owned();
        let io = |source| SpeechError::Io { program: program.clone(), source };
        let mut child = cmd.stdin(Stdio::piped()).stdout(Stdio::null()).stderr(Stdio::piped()).spawn().map_err(io)?;
        if let Some(mut stdin) = child.stdin.take() {
            stdin.write_all(u.spoken_text().as_bytes()).map_err(io)?;
            stdin.write_all(b"\n").map_err(io)?;
        }
        let done = child.wait_with_output().map_err(io)?;
        if !done.status.success() {
            return Err(SpeechError::Failed {
                program,
                status: done.status.to_string(),
                stderr: String::from_utf8_lossy(&done.stderr).trim().to_owned(),
            });
        }
        let bytes = std::fs::read(out).map_err(io)?;
        Wav::parse(&bytes).map_err(|source| SpeechError::BadOutput { program, source })
    }
}
