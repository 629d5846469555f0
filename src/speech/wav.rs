//! 16-bit PCM WAV, as the speech engines write it and `aplay` reads it: parse, measure, scale, write.

/// Mono or interleaved 16-bit samples at a sample rate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wav {
    /// Samples per second (per channel).
    pub sample_rate: u32,
    /// Channels (1 from both engines).
    pub channels: u16,
    /// The samples, interleaved when there is more than one channel.
    pub samples: Vec<i16>,
}

/// Why bytes are not a WAV file this module can read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WavError {
    /// No `RIFF…WAVE` header.
    #[error("not a RIFF/WAVE file")]
    NotWave,
    /// A format other than 16-bit PCM.
    #[error("format {format}, {bits} bits: only 16-bit PCM is read")]
    Unsupported {
        /// The format tag (1 is PCM).
        format: u16,
        /// Bits per sample.
        bits: u16,
    },
    /// No `fmt ` or `data` chunk.
    #[error("no {0} chunk")]
    MissingChunk(&'static str),
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    b.get(at..at + 2).map(|s| u16::from_le_bytes([s[0], s[1]]))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    b.get(at..at + 4).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
}

impl Wav {
    /// Reads a WAV file's bytes. A `data` chunk whose declared size runs past the end (espeak-ng writing
    /// to a pipe) is read to the end.
    pub fn parse(bytes: &[u8]) -> Result<Wav, WavError> {
        if bytes.get(0..4) != Some(b"RIFF") || bytes.get(8..12) != Some(b"WAVE") {
            return Err(WavError::NotWave);
        }
        let mut at = 12;
        let mut format = None;
        while let (Some(id), Some(size)) = (bytes.get(at..at + 4), u32_at(bytes, at + 4)) {
            let body = at + 8;
            let end = body.saturating_add(size as usize).min(bytes.len());
            match id {
                b"fmt " => {
                    let tag = u16_at(bytes, body).ok_or(WavError::MissingChunk("fmt "))?;
                    let channels = u16_at(bytes, body + 2).ok_or(WavError::MissingChunk("fmt "))?;
                    let rate = u32_at(bytes, body + 4).ok_or(WavError::MissingChunk("fmt "))?;
                    let bits = u16_at(bytes, body + 14).ok_or(WavError::MissingChunk("fmt "))?;
                    if tag != 1 || bits != 16 {
                        return Err(WavError::Unsupported { format: tag, bits });
                    }
                    format = Some((channels.max(1), rate));
                }
                b"data" => {
                    let (channels, sample_rate) = format.ok_or(WavError::MissingChunk("fmt "))?;
                    let samples = bytes[body..end].chunks_exact(2).map(|s| i16::from_le_bytes([s[0], s[1]])).collect();
                    return Ok(Wav { sample_rate, channels, samples });
                }
                _ => {}
            }
            at = end + (size as usize & 1);
        }
        Err(WavError::MissingChunk("data"))
    }

    /// The file's bytes: a 44-byte header and the samples.
    pub fn to_bytes(&self) -> Vec<u8> {
        let data_len = (self.samples.len() * 2) as u32;
        let block = self.channels * 2;
        let mut b = Vec::with_capacity(44 + data_len as usize);
        b.extend_from_slice(b"RIFF");
        b.extend_from_slice(&(36 + data_len).to_le_bytes());
        b.extend_from_slice(b"WAVEfmt ");
        b.extend_from_slice(&16u32.to_le_bytes());
        b.extend_from_slice(&1u16.to_le_bytes());
        b.extend_from_slice(&self.channels.to_le_bytes());
        b.extend_from_slice(&self.sample_rate.to_le_bytes());
        b.extend_from_slice(&(self.sample_rate * u32::from(block)).to_le_bytes());
        b.extend_from_slice(&block.to_le_bytes());
        b.extend_from_slice(&16u16.to_le_bytes());
        b.extend_from_slice(b"data");
        b.extend_from_slice(&data_len.to_le_bytes());
        for s in &self.samples {
            b.extend_from_slice(&s.to_le_bytes());
        }
        b
    }

    /// Length in seconds.
    pub fn seconds(&self) -> f32 {
        if self.sample_rate == 0 {
            return 0.0;
        }
        self.samples.len() as f32 / f32::from(self.channels) / self.sample_rate as f32
    }

    /// Root mean square level, 0 (silence) to 1 (full scale).
    pub fn rms(&self) -> f32 {
        if self.samples.is_empty() {
            return 0.0;
        }
        let sum: f64 = self.samples.iter().map(|&s| (f64::from(s) / 32768.0).powi(2)).sum();
        (sum / self.samples.len() as f64).sqrt() as f32
    }

    /// The same sound at `percent` of its level (0–100).
    pub fn scaled(&self, percent: u8) -> Wav {
        let f = f32::from(percent.min(100)) / 100.0;
        Wav { samples: self.samples.iter().map(|&s| (f32::from(s) * f).round() as i16).collect(), ..self.clone() }
    }
}
