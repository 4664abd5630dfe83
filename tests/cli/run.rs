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
    assert!(text.starts_with("schema: 2\n"), "{text}");
    for needle in [
        "method_copy:",
        "origin: built-in",
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

/// A brainstorm session stopped inside its list of ideas, as labkit writes it.
fn stopped_brainstorm(in_progress: &str) -> String {
    let copy = labkit::library::built_in_source("brainstorm").unwrap();
    let copy = String::from_utf8_lossy(copy)
        .lines()
        .map(|l| format!("    {l}\n"))
        .collect::<String>();
    let hash = "0".repeat(64);
    format!(
        "schema: 2\nlabkit_version: 0.1.0\nmethod:\n  id: brainstorm\n  version: 1\n  hash: {hash}\nlanguage: en\nparticipants: []\nstarted: 2026-11-26T10:00:00Z\nupdated: 2026-11-26T10:05:00Z\nstatus: in_progress\nanswers:\n  challenge: How might we help?\n  rules_agreed: true\n{in_progress}method_copy:\n  text: |\n{copy}"
    )
}

#[test]
fn a_damaged_question_in_progress_is_reported_with_its_line_and_left_untouched() {
    let lab = Lab::new();
    for (in_progress, field, line) in [
        (
            "in_progress:\n  question: idaes\n  value: [one, two]\n",
            "in_progress.question",
            16,
        ),
        (
            "in_progress:\n  question: ideas\n  value: not a list\n",
            "in_progress.value",
            17,
        ),
    ] {
        let text = stopped_brainstorm(in_progress);
        let file = lab.write("sessions/stopped.yaml", &text);
        let run = lab.run(&["resume", "sessions/stopped.yaml"]).code(2);
        assert!(
            run.stderr.contains(&format!("stopped.yaml:{line}:")) && run.stderr.contains(field),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("in_progress"), "{}", run.stderr);
        assert_eq!(
            std::fs::read_to_string(file).unwrap(),
            text,
            "left untouched"
        );
    }
}

#[test]
fn a_schema_1_session_still_resumes_and_reports() {
    let lab = Lab::new();
    let text = "schema: 1\nlabkit_version: 0.1.0\nmethod: { id: test-card, version: 1, hash: abc }\nlanguage: en\nparticipants: []\nstarted: 2026-11-26T10:00:00Z\nupdated: 2026-11-26T10:00:00Z\nstatus: finished\nanswers:\n  test_name: SMS reminder\nstep_times: {}\n";
    lab.write("old.yaml", text);
    let run = lab.run(&["report", "old.yaml"]).ok();
    assert!(run.stdout.contains("SMS reminder"), "{}", run.stdout);
}

#[test]
fn the_end_of_run_summary_stays_readable_in_a_pipe() {
    let lab = Lab::new();
    let long = "a very long challenge statement ".repeat(110);
    let run = lab
        .run(&[
            "run",
            "test-card",
            "--answers",
            &answers("test-card"),
            "--set",
            &format!("metric={long}"),
        ])
        .ok();
    let widest = run
        .stdout
        .lines()
        .map(|l| l.chars().count())
        .max()
        .unwrap_or(0);
    assert!(
        widest <= 100,
        "a line of {widest} characters:\n{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("a very long challenge"),
        "{}",
        run.stdout
    );
}

#[test]
fn parallel_runs_never_share_a_session_file() {
    let lab = Lab::new();
    let answers = answers("test-card");
    let children: Vec<_> = (0..10)
        .map(|_| {
            std::process::Command::new(env!("CARGO_BIN_EXE_labkit"))
                .args(["run", "test-card", "--answers", &answers, "--no-input"])
                .current_dir(lab.path())
                .env_clear()
                .env("HOME", lab.path())
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "{out:?}");
    }
    let sessions: Vec<_> = std::fs::read_dir(lab.path().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| !n.starts_with('.'))
        .collect();
    assert_eq!(sessions.len(), 10, "{sessions:?}");
    for name in &sessions {
        let text = std::fs::read_to_string(lab.path().join("sessions").join(name)).unwrap();
        assert!(text.contains("status: finished"), "{name}: {text}");
    }
}

#[test]
fn refused_answers_leave_no_session_file_behind() {
    let lab = Lab::new();
    lab.run(&["run", "test-card", "--set", "critical=9", "--no-input"])
        .code(2);
    let left: Vec<_> = std::fs::read_dir(lab.path().join("sessions"))
        .map(|d| d.map(|e| e.unwrap().file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn temporary_files_left_by_a_killed_process_are_cleared_on_resume() {
    let lab = Lab::new();
    lab.run(&["run", "test-card", "--answers", &answers("test-card")])
        .ok();
    let dir = lab.path().join("sessions");
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .find(|n| n.ends_with(".yaml"))
        .unwrap();
    let orphan = dir.join(format!(".labkit-{name}-Xk3Q.tmp"));
    let other = dir.join(".labkit-another.yaml-Zz9.tmp");
    std::fs::write(&orphan, "half a session").unwrap();
    std::fs::write(&other, "another session's save in progress").unwrap();
    lab.run(&["resume", &format!("sessions/{name}")]).ok();
    assert!(!orphan.exists(), "the orphan of this session is removed");
    assert!(other.exists(), "another session's file is not touched");
}

#[test]
fn session_into_a_folder_that_does_not_exist_yet() {
    let lab = Lab::new();
    lab.run(&[
        "run",
        "test-card",
        "--answers",
        &answers("test-card"),
        "--session",
        "records/2026/card.yaml",
    ])
    .ok();
    let text = std::fs::read_to_string(lab.path().join("records/2026/card.yaml")).unwrap();
    assert!(text.contains("status: finished"), "{text}");
}
