use super::*;
use std::path::Path;

const ASSETS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets");

fn engine() -> Engine {
    Engine::debian(Path::new(ASSETS))
}

#[test]
fn wav_round_trips_and_measures_length_and_level() {
    let tone: Vec<i16> = (0..16_000).map(|i| ((i as f32 * 0.1).sin() * 16_000.0) as i16).collect();
    let w = Wav { sample_rate: 16_000, channels: 1, samples: tone };
    let back = Wav::parse(&w.to_bytes()).unwrap();
    assert_eq!(back, w);
    assert!((w.seconds() - 1.0).abs() < 1e-6);
    assert!((w.rms() - 16_000.0 / 32768.0 / 2f32.sqrt()).abs() < 0.01, "{}", w.rms());
    assert!((w.scaled(50).rms() - w.rms() / 2.0).abs() < 0.001);
    assert_eq!(w.scaled(0).rms(), 0.0);
    assert_eq!(Wav::parse(b"RIFF\0\0\0\0WAVX"), Err(WavError::NotWave));
    // A data chunk declared longer than the file (written to a pipe) is read to the end.
    let mut b = w.to_bytes();
    b[40..44].copy_from_slice(&u32::MAX.to_le_bytes());
    assert_eq!(Wav::parse(&b).unwrap().samples.len(), 16_000);
}

#[test]
fn plain_japanese_is_spoken_from_its_readings_and_each_language_has_its_voice() {
    let u = Utterance::new(crate::lang::Lang::JaEasy, "温暖化（おんだんか）を  ふせぎます。\n森を 守（まも）ります。");
    assert_eq!(u.spoken_text(), "おんだんかを ふせぎます。 森を まもります。");
    assert_eq!(voice_for(crate::lang::Lang::JaEasy), Voice::OpenJtalk);
    assert_eq!(voice_for(crate::lang::Lang::ZhHans), Voice::Espeak("cmn"));
    assert_eq!(Utterance::new(crate::lang::Lang::En, "Read this, please - now.").units(), 4);
    assert_eq!(next_volume(75), 100);
    assert_eq!(next_volume(100), 25);
}

#[test]
fn a_text_is_spoken_in_the_language_it_is_written_in() {
    use crate::lang::Lang::*;
    assert_eq!(written_in(En, "Chiyoda City"), En);
    assert_eq!(written_in(En, "千代田区一斉清掃の日"), Ja, "a program without English");
    assert_eq!(written_in(ZhHans, "千代田区统一清扫日"), ZhHans);
    assert_eq!(written_in(ZhHans, "まちをみんなでそうじする日"), Ja);
    assert_eq!(written_in(Ko, "지요다구"), Ko);
    assert_eq!(written_in(Ko, "千代田区"), Ja);
    assert_eq!(written_in(Ko, "2024"), Ko);
    assert_eq!(written_in(JaEasy, "森を 守（まも）ります"), JaEasy);
}

#[test]
fn web_addresses_and_bare_marks_are_not_read() {
    assert!(!worth_speaking("https://www.city.shinjuku.lg.jp/"));
    assert!(!worth_speaking("all62.jp"));
    assert!(!worth_speaking(" → "));
    assert!(worth_speaking("Details →"));
    assert!(worth_speaking("62"));
    assert!(worth_speaking("Population 346,028 people."));
}

#[test]
fn a_missing_engine_is_named() {
    let mut e = engine();
    e.espeak = "/nonexistent/espeak-ng".into();
    let err = e.synthesize(&Utterance::new(crate::lang::Lang::Ko, "안녕하세요"), Path::new("/tmp/x.wav")).unwrap_err();
    assert!(err.to_string().starts_with("/nonexistent/espeak-ng: not found"), "{err}");
}

/// Every language's voice, through the real engines: sound that is not silent and as long as its text.
#[test]
fn every_language_is_spoken_aloud_with_a_plausible_length() {
    use crate::lang::Lang;
    let texts = [
        (Lang::Ja, "東京の62の市区町村が、いっしょに地球温暖化の防止に取り組んでいます。"),
        (Lang::JaEasy, "東京の 62の 市区町村（しくちょうそん）が いっしょに 活動（かつどう）して います。"),
        (Lang::En, "Tokyo's sixty-two municipalities work together to prevent global warming."),
        (Lang::ZhHans, "东京的六十二个区市町村一起防止全球变暖。"),
        (Lang::Ko, "도쿄의 62개 시구정촌이 함께 지구온난화 방지에 힘쓰고 있습니다."),
    ];
    engine().check().unwrap_or_else(|e| panic!("{e}"));
    let dir = tempfile::tempdir().unwrap();
    let utterances: Vec<Utterance> = texts.iter().map(|(l, t)| Utterance::new(*l, *t)).collect();
    let spoken = Playback::start(engine(), Output::Files(dir.path().to_owned()), utterances.clone(), 100).wait();
    assert_eq!(spoken.len(), texts.len());
    for (s, u) in spoken.iter().zip(&utterances) {
        let (seconds, rms) = s.result.clone().unwrap_or_else(|e| panic!("{}: {e}", u.lang));
        let (min, max) = u.plausible_seconds();
        assert!((min..=max).contains(&seconds), "{}: {seconds:.2} s, expected {min:.1}–{max:.1} s", u.lang);
        assert!(rms > 0.02, "{}: level {rms}", u.lang);
    }
    // The files are there, at the playback volume.
    let first = Wav::parse(&std::fs::read(dir.path().join("01-ja.wav")).unwrap()).unwrap();
    assert!((first.seconds() - spoken[0].result.clone().unwrap().0).abs() < 0.01);
    let quiet = Playback::start(engine(), Output::Files(dir.path().to_owned()), utterances[..1].to_vec(), 25).wait();
    let (_, quiet_rms) = quiet[0].result.clone().unwrap();
    let (_, loud_rms) = spoken[0].result.clone().unwrap();
    assert!((quiet_rms / loud_rms - 0.25).abs() < 0.02, "volume 25 %: {quiet_rms} vs {loud_rms}");
}

#[test]
fn a_stop_cuts_the_speech_short() {
    use crate::lang::Lang;
    let dir = tempfile::tempdir().unwrap();
    let many: Vec<Utterance> = (0..20).map(|_| Utterance::new(Lang::En, "One more sentence to read.")).collect();
    let mut p = Playback::start(engine(), Output::Files(dir.path().to_owned()), many, 75);
    p.stop();
    let spoken = p.wait();
    assert!(spoken.len() < 20, "{} of 20 spoken after a stop", spoken.len());
}

#[test]
fn a_player_that_fails_is_an_error_with_what_it_said() {
    use crate::lang::Lang;
    let dir = tempfile::tempdir().unwrap();
    let player = dir.path().join("aplay");
    std::fs::write(
        &player,
        "#!/bin/sh\necho 'aplay: main:831: audio open error: No such file or directory' >&2\nexit 1\n",
    )
    .unwrap();
    std::fs::set_permissions(&player, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let spoken = Playback::start(
        engine(),
        Output::Speaker { aplay: player.clone() },
        vec![Utterance::new(Lang::En, "Hello.")],
        75,
    )
    .wait();
    let err = spoken[0].result.clone().unwrap_err();
    assert!(err.contains("exit status: 1") && err.ends_with("audio open error: No such file or directory"), "{err}");
}
