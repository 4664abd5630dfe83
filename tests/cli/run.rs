//! `labkit run` and `labkit resume` without a terminal: answers files, `--set`, `--defaults`,
//! every problem at once, never waiting for input.

use crate::support::{Lab, fixture};

fn answers(id: &str) -> String {
    fixture(&format!("answers/{id}.yaml"))
        .to_str()
        .unwrap()
        .to_owned()
}

#[test]
fn a_scripted_run_writes_a_finished_session() {
    let lab = Lab::new();
    let run = lab
        .run(&[
            "run",
            "test-card",
            "--answers",
            &answers("test-card"),
            "--facilitator",
            "Marta",
        ])
        .ok();
    assert!(
        run.stdout.contains("SMS reminder for citizen card renewal"),
        "{}",
        run.stdout
    );
    let dir = lab.path().join("sessions");
    let files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let name = files[0].file_name().unwrap().to_str().unwrap().to_owned();
    assert!(name.ends_with("-test-card.yaml"), "{name}");
    let text = std::fs::read_to_string(&files[0]).unwrap();
    for needle in [
        "schema: 1",
        "id: test-card",
        "hash: ",
        "status: finished",
        "facilitator: Marta",
        "critical: 3",
    ] {
        assert!(text.contains(needle), "{needle} missing from\n{text}");
    }
    // A second run gets its own file, and the session itself is a valid answers file.
    let first = files[0].to_str().unwrap().to_owned();
    lab.run(&["run", "test-card", "--answers", &first]).ok();
    assert!(dir.join(name.replace(".yaml", "-2.yaml")).exists());
}

#[test]
fn set_overrides_and_defaults_fill_the_rest() {
    let lab = Lab::new();
    let run = lab
        .run(&[
            "run",
            "test-card",
            "--answers",
            &answers("test-card"),
            "--set",
            "owner=Rui Costa",
            "--set",
            "critical=2",
            "--session",
            "mine.yaml",
        ])
        .ok();
    assert!(run.stdout.contains("Rui Costa"));
    let text = std::fs::read_to_string(lab.path().join("mine.yaml")).unwrap();
    assert!(text.contains("critical: 2"), "{text}");
    // --session never overwrites.
    lab.run(&[
        "run",
        "test-card",
        "--answers",
        &answers("test-card"),
        "--session",
        "mine.yaml",
    ])
    .code(2);
}

#[test]
fn without_a_terminal_missing_answers_fail_at_once_listing_all() {
    let lab = Lab::new();
    let run = lab.run(&["run", "brainstorm"]).code(2);
    let errors = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error:"))
        .count();
    assert!(errors >= 3, "{}", run.stderr);
    assert!(
        run.stderr.contains("--answers") && run.stderr.contains("--defaults"),
        "{}",
        run.stderr
    );
    assert!(
        !lab.path().join("sessions").exists(),
        "a failed scripted run must not leave a session"
    );
}

#[test]
fn invalid_and_unknown_answers_are_reported_together() {
    let lab = Lab::new();
    let run = lab
        .run(&[
            "run",
            "test-card",
            "--answers",
            &answers("test-card"),
            "--set",
            "critical=9",
            "--set",
            "critcal=2",
            "--set",
            "due_date=2027-02-30",
        ])
        .code(2);
    assert!(
        run.stderr
            .contains("critcal: `critcal` is not a question of `test-card`"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `critical`?"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("critical: expected a whole number from 1 to 3"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("due_date: `2027-02-30` is not a date"),
        "{}",
        run.stderr
    );
}

#[test]
fn runs_a_method_file_by_path() {
    let lab = Lab::new();
    let path = fixture("methods/valid/every-type.yaml");
    let run = lab.run(&[
        "run",
        path.to_str().unwrap(),
        "--set",
        "challenge=Renew cards",
        "--set",
        "channels=[web]",
        "--set",
        "confidence=3",
        "--set",
        "ideas=[one, two]",
        "--set",
        "votes={one: 2}",
        "--set",
        "matrix={one: {impact: 1, effort: 1}}",
        "--set",
        "order=[two, one]",
        "--defaults",
    ]);
    let run = run.ok();
    assert!(
        run.stdout.contains("2 ideas for Renew cards"),
        "{}",
        run.stdout
    );
}

#[test]
fn a_corrupted_session_is_reported_with_its_line_and_left_untouched() {
    let lab = Lab::new();
    let path = lab.write(
        "sessions/broken.yaml",
        "schema: 1\nlabkit_version: x\nmethod: [oops\n",
    );
    let before = std::fs::read(&path).unwrap();
    let run = lab.run(&["resume", "sessions/broken.yaml"]).code(2);
    assert!(run.stderr.contains("broken.yaml:"), "{}", run.stderr);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn resume_without_a_terminal_finishes_from_the_session_or_says_what_is_missing() {
    let lab = Lab::new();
    lab.run(&[
        "run",
        "test-card",
        "--answers",
        &answers("test-card"),
        "--session",
        "s.yaml",
    ])
    .ok();
    let text = std::fs::read_to_string(lab.path().join("s.yaml")).unwrap();
    // Make it an unfinished session missing one answer.
    let text = text
        .replace("status: finished", "status: in_progress")
        .replace("  approved: true\n", "");
    lab.write("s.yaml", &text);
    let run = lab.run(&["resume", "s.yaml"]).code(2);
    assert!(
        run.stderr.contains("approved: missing answer"),
        "{}",
        run.stderr
    );
}

#[test]
fn resume_notices_a_changed_method() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Test\n");
    let original = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("methods/test-card.yaml"),
    )
    .unwrap();
    lab.write("methods/test-card.yaml", &original);
    lab.run(&[
        "run",
        "test-card",
        "--answers",
        &answers("test-card"),
        "--session",
        "s.yaml",
    ])
    .ok();
    let text = std::fs::read_to_string(lab.path().join("s.yaml"))
        .unwrap()
        .replace("status: finished", "status: in_progress");
    lab.write("s.yaml", &text);
    lab.write(
        "methods/test-card.yaml",
        original.replace("version: 1", "version: 2"),
    );
    let run = lab.run(&["resume", "s.yaml"]).ok();
    assert!(
        run.stderr.contains("changed since this session began"),
        "{}",
        run.stderr
    );
}
