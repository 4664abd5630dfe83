//! `labkit show`: the method card in both languages and as data; unknown ids get suggestions.

use crate::support::Lab;

#[test]
fn shows_a_card_with_steps_questions_and_sources() {
    let run = Lab::new().run(&["show", "test-card"]).ok();
    let out = run.stdout;
    assert!(out.contains("Test Card"));
    assert!(out.contains("We believe that"), "{out}");
    assert!(out.contains("Sources"));
    assert!(!out.contains('\u{1b}'));
}

#[test]
fn shows_in_portuguese() {
    let run = Lab::new().run(&["--lang", "pt", "show", "test-card"]).ok();
    assert!(run.stdout.contains("Cartão de Teste"));
    assert!(run.stdout.contains("Acreditamos que"), "{}", run.stdout);
    assert!(run.stdout.contains("Passos"));
}

#[test]
fn json_and_yaml_carry_the_whole_method() {
    let run = Lab::new()
        .run(&["show", "brainstorm", "--format", "json"])
        .ok();
    let card: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(card["id"], "brainstorm");
    assert_eq!(card["kind"], "method");
    assert!(card["steps"].as_array().unwrap().iter().any(|s| {
        s["questions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|q| q["type"] == "vote")
    }));
    let run = Lab::new()
        .run(&["show", "brainstorm", "--format", "yaml"])
        .ok();
    assert!(run.stdout.contains("id: brainstorm"));
}

#[test]
fn unknown_id_suggests_the_closest() {
    let run = Lab::new().run(&["show", "test-crad"]).code(2);
    assert!(
        run.stderr.contains("unknown method `test-crad`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `test-card`"),
        "{}",
        run.stderr
    );
}
