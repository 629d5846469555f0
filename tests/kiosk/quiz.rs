//! The quiz: a round by taps, abandoning it, and its longer idle timeout.

use crate::harness::*;

#[test]
fn a_quiz_round_by_taps_records_every_answer_and_the_result() {
    let mut k = Kiosk::start(InitialView { screen: Screen::Map, ..InitialView::default() });
    k.click::<With<QuizOpenButton>>();
    assert_eq!(k.screen(), Screen::QuizIntro);
    k.click::<With<QuizStartButton>>();
    assert_eq!(k.screen(), Screen::QuizQuestion);
    let mut expected_correct = 0;
    for i in 0..5 {
        let right = k.correct_position();
        // Right, wrong, right, wrong, right.
        let pick = if i % 2 == 0 { right } else { (right + 1) % 2 };
        let correct = pick == right;
        expected_correct += usize::from(correct);
        k.frames(5); // half a second to answer
        k.click_choice(pick);
        assert_eq!(k.screen(), Screen::QuizFeedback);
        let text = k.all_text();
        assert!(text.contains(if correct { "せいかい！" } else { "ざんねん…" }), "{text}");
        assert!(text.contains("出典："), "every explanation shows its source");
        k.click::<With<QuizNextButton>>();
    }
    assert_eq!(k.screen(), Screen::QuizResult);
    assert!(k.all_text().contains(&format!("5問中 {expected_correct}問 正解！")));
    let qr = k.app.world_mut().query::<&TakeHomeQr>().single(k.app.world()).unwrap().0.clone();
    assert!(qr.ends_with("utm_content=quiz-kiosk-01"), "{qr}");

    let events = k.events();
    assert_eq!(events.iter().filter(|e| **e == Event::QuizStart).count(), 1);
    let answers: Vec<&Event> = events.iter().filter(|e| matches!(e, Event::QuizAnswer { .. })).collect();
    assert_eq!(answers.len(), 5);
    for a in &answers {
        if let Event::QuizAnswer { millis, .. } = a {
            assert!(*millis >= 400, "time to answer is measured: {millis} ms");
        }
    }
    assert!(events.contains(&Event::QuizComplete { score: expected_correct, out_of: 5 }));
    assert!(events.contains(&Event::QrShown { target: QrTarget::QuizResult }));
    assert!(!events.iter().any(|e| matches!(e, Event::QuizAbandon { .. })));
    // Reading the result in another language is not a second take-home code.
    k.click_language(Lang::Ko);
    assert_eq!(k.screen(), Screen::QuizResult);
    assert_eq!(count(&k.events(), |e| matches!(e, Event::QrShown { .. })), 1);
}

#[test]
fn leaving_a_quiz_midway_is_recorded_as_abandoned_at_that_question() {
    let mut k = Kiosk::start(InitialView { screen: Screen::QuizIntro, ..InitialView::default() });
    k.click::<With<QuizStartButton>>();
    let right = k.correct_position();
    k.click_choice(right);
    k.click::<With<QuizNextButton>>();
    assert_eq!(k.screen(), Screen::QuizQuestion);
    k.click::<With<StartOverButton>>();
    assert_eq!(k.screen(), Screen::Attract);
    assert!(k.events().contains(&Event::QuizAbandon { at_question: 2 }), "{:?}", k.events());
}

#[test]
fn the_quiz_uses_the_longer_idle_timeout() {
    let mut k = Kiosk::start(InitialView { screen: Screen::QuizIntro, ..InitialView::default() });
    let frames_per_s = (1.0 / FRAME.as_secs_f32()) as usize;
    k.frames(90 * frames_per_s);
    assert_eq!(k.overlays(), 0, "60 s is not enough in the quiz");
    k.frames(31 * frames_per_s);
    assert_eq!(k.overlays(), 1, "warning after 120 s");
    k.frames(20 * frames_per_s);
    assert_eq!(k.screen(), Screen::Attract);
}
