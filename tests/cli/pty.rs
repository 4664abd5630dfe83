//! The real prompts in a pseudo-terminal: a whole run, going back, Ctrl-C and resume.
//! Milestones only (prompt texts and saved answers), not exact screens.

use std::process::Command;

use rexpect::session::{PtySession, spawn_command};

use crate::support::Lab;

const TIMEOUT_MS: u64 = 10_000;

fn labkit(lab: &Lab, args: &[&str]) -> PtySession {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_labkit"));
    cmd.args(args)
        .current_dir(lab.path())
        .env_clear()
        .env("HOME", lab.path())
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .env("LANG", "en_GB.UTF-8");
    spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn labkit in a pty")
}

const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";

fn line(p: &mut PtySession, text: &str) {
    p.send(text).unwrap();
    p.send(ENTER).unwrap();
    p.flush().unwrap();
}

/// Gives a prompt time to switch the terminal to raw mode before keys that only it
/// understands (arrows, backspace over its initial text) are sent.
fn settle() {
    std::thread::sleep(std::time::Duration::from_millis(200));
}

/// Answers yes to a confirm prompt, which reads one key in raw mode (no Enter). The key is
/// sent only once the prompt has switched the terminal to raw mode (it hides the cursor
/// first), so it is not swallowed by the line discipline.
fn confirm(p: &mut PtySession) {
    p.exp_string("[Y/n]").unwrap();
    p.exp_string("\x1b[?25l").unwrap();
    settle();
    p.send("y").unwrap();
    p.flush().unwrap();
}

/// Brainstorm up to the end of its first step.
fn first_step(p: &mut PtySession) {
    p.exp_string("The challenge").unwrap();
    line(p, "How might we help citizens renew on time?");
    p.exp_string("agreed to the rules").unwrap();
    confirm(p);
    p.exp_string("Review").unwrap();
    line(p, "");
}

fn ideas(p: &mut PtySession) {
    p.exp_string("Ideas").unwrap();
    for idea in ["SMS reminder", "Renew at the pharmacy", "Auto renewal"] {
        line(p, idea);
    }
    line(p, "");
}

fn session_file(lab: &Lab) -> std::path::PathBuf {
    let dir = lab.path().join("sessions");
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(
        files.len(),
        1,
        "expected one session file and nothing else: {files:?}"
    );
    files[0].clone()
}

fn session_text(lab: &Lab) -> String {
    std::fs::read_to_string(session_file(lab)).unwrap()
}

#[test]
fn a_whole_brainstorm_in_a_terminal() {
    let lab = Lab::new();
    let mut p = labkit(
        &lab,
        &[
            "run",
            "brainstorm",
            "--no-timer",
            "--facilitator",
            "Ana",
            "--participants",
            "Rui,Eva",
        ],
    );
    first_step(&mut p);
    ideas(&mut p);
    p.exp_string("provocations").unwrap();
    line(&mut p, "");
    p.exp_string("Parking lot").unwrap();
    line(&mut p, "");
    p.exp_string("Review").unwrap();
    line(&mut p, "");
    p.exp_string("How are the dots counted").unwrap();
    line(&mut p, "");
    for (item, dots) in [
        ("SMS reminder", "5"),
        ("Renew at the pharmacy", "2"),
        ("Auto renewal", "4"),
    ] {
        p.exp_string(&format!("{item}: 0")).unwrap();
        settle();
        p.send("\x7f").unwrap();
        line(&mut p, dots);
    }
    p.exp_string("Shortlist").unwrap();
    line(&mut p, "SMS reminder");
    line(&mut p, "Auto renewal");
    line(&mut p, "");
    p.exp_string("Rank the shortlist").unwrap();
    line(&mut p, "");
    p.exp_string("Review").unwrap();
    line(&mut p, "");
    p.exp_string("Next steps").unwrap();
    line(&mut p, "SMS reminder");
    line(&mut p, "Talk to five citizens");
    line(&mut p, "Ana");
    line(&mut p, "2026-12-10");
    line(&mut p, "");
    p.exp_string("Review").unwrap();
    line(&mut p, "");
    p.exp_string("Final review").unwrap();
    line(&mut p, "");
    p.exp_string("session saved").unwrap();
    p.exp_eof().unwrap();
    let text = session_text(&lab);
    assert!(text.contains("status: finished"), "{text}");
    assert!(text.contains("SMS reminder: 5"), "{text}");
    assert!(text.contains("due: 2026-12-10"), "{text}");
}

#[test]
fn going_back_and_reviewing_change_earlier_answers() {
    let lab = Lab::new();
    let mut p = labkit(
        &lab,
        &[
            "run",
            "brainstorm",
            "--no-timer",
            "--facilitator",
            "Ana",
            "--participants",
            "Rui",
        ],
    );
    p.exp_string("The challenge").unwrap();
    line(&mut p, "First wording");
    p.exp_string("agreed to the rules").unwrap();
    confirm(&mut p);
    // On the review screen, pick the challenge and change it.
    p.exp_string("Review").unwrap();
    settle();
    p.send(DOWN).unwrap();
    line(&mut p, "");
    p.exp_string("First wording").unwrap();
    settle();
    p.send(&"\x7f".repeat("First wording".len())).unwrap();
    line(&mut p, "Second wording");
    p.exp_string("Review").unwrap();
    line(&mut p, "");
    // `<` at the ideas goes back to the question before it.
    p.exp_string("Ideas").unwrap();
    line(&mut p, "<");
    p.exp_string("agreed to the rules").unwrap();
    confirm(&mut p);
    p.exp_string("Review").unwrap();
    line(&mut p, "");
    p.exp_string("Ideas").unwrap();
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    let text = session_text(&lab);
    assert!(text.contains("challenge: Second wording"), "{text}");
    assert!(text.contains("rules_agreed: true"), "{text}");
}

#[test]
fn ctrl_c_saves_and_resume_continues_with_every_answer() {
    let lab = Lab::new();
    let mut p = labkit(
        &lab,
        &[
            "run",
            "brainstorm",
            "--no-timer",
            "--facilitator",
            "Ana",
            "--participants",
            "Rui",
        ],
    );
    first_step(&mut p);
    ideas(&mut p);
    p.exp_string("provocations").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("labkit resume").unwrap();
    let status = p.process().wait().unwrap();
    assert!(
        matches!(status, rexpect::process::WaitStatus::Exited(_, 130)),
        "{status:?}"
    );
    let text = session_text(&lab);
    assert!(text.contains("status: in_progress"), "{text}");
    assert!(text.contains("- Auto renewal"), "{text}");

    let file = session_file(&lab);
    let mut p = labkit(&lab, &["resume", file.to_str().unwrap(), "--no-timer"]);
    p.exp_string("provocations").unwrap();
    line(&mut p, "");
    p.exp_string("Parking lot").unwrap();
    line(&mut p, "");
    p.exp_string("Review").unwrap();
    line(&mut p, "");
    p.exp_string("How are the dots counted").unwrap();
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("challenge: How might we help citizens renew on time?"),
        "{text}"
    );
    assert!(text.contains("- Renew at the pharmacy"), "{text}");
    assert!(text.contains("parked: null"), "{text}");
}

/// A small workspace playbook of three one-step methods, for playbook runs in a terminal.
fn tiny_playbook_lab() -> Lab {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Test Lab\n");
    for (id, questions) in [
        ("first", vec!["alpha"]),
        ("second", vec!["beta"]),
        ("third", vec!["gamma", "delta"]),
    ] {
        let mut text = format!(
            "schema: 1\nid: {id}\nname: {{ en: \"Method {id}\", pt: \"Método {id}\" }}\nsummary: A step.\nstage: ideation\nduration: 10m\nsteps:\n  - id: only\n    title: Only step\n    questions:\n"
        );
        for q in questions {
            text.push_str(&format!(
                "      - {{ id: {q}, type: text, prompt: \"Question {q}\" }}\n"
            ));
        }
        lab.write(&format!("methods/{id}.yaml"), text);
    }
    lab.write(
        "methods/playbooks/tiny.yaml",
        "schema: 1\nkind: playbook\nid: tiny\nname: Tiny playbook\nsummary: Three methods.\nstage: ideation\nmethods:\n  - method: first\n  - break: 5m\n  - method: second\n    defaults:\n      beta: \"{{first.alpha}} again\"\n  - method: third\n",
    );
    lab
}

/// Answers one text question, then passes the step review and the method's final review.
fn answer_method(p: &mut PtySession, prompt: &str, answer: &str) {
    p.exp_string(prompt).unwrap();
    line(p, answer);
    p.exp_string("Review").unwrap();
    line(p, "");
    p.exp_string("Final review").unwrap();
    line(p, "");
}

#[test]
fn a_playbook_interrupted_in_its_third_method_resumes_there() {
    let lab = tiny_playbook_lab();
    let mut p = labkit(
        &lab,
        &[
            "run",
            "tiny",
            "--no-timer",
            "--facilitator",
            "Ana",
            "--participants",
            "Rui",
        ],
    );
    answer_method(&mut p, "Question alpha", "one");
    // The second method's default comes from the first method's answer.
    p.exp_string("one again").unwrap();
    line(&mut p, "");
    p.exp_string("Review").unwrap();
    line(&mut p, "");
    p.exp_string("Final review").unwrap();
    line(&mut p, "");
    p.exp_string("Question gamma").unwrap();
    line(&mut p, "three");
    p.exp_string("Question delta").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("labkit resume").unwrap();
    p.exp_eof().unwrap();
    let text = session_text(&lab);
    assert!(
        text.contains("status: in_progress")
            && text.contains("alpha: one")
            && text.contains("beta: one again"),
        "{text}"
    );
    assert!(text.contains("gamma: three"), "{text}");

    let file = session_file(&lab);
    let mut p = labkit(&lab, &["resume", file.to_str().unwrap(), "--no-timer"]);
    p.exp_string("Question delta").unwrap();
    line(&mut p, "four");
    p.exp_string("Review").unwrap();
    line(&mut p, "");
    p.exp_string("Final review").unwrap();
    line(&mut p, "");
    p.exp_string("session saved").unwrap();
    p.exp_eof().unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(
        text.contains("status: finished")
            && text.contains("delta: four")
            && text.contains("alpha: one"),
        "{text}"
    );
}

#[test]
fn going_back_crosses_into_the_previous_method() {
    let lab = tiny_playbook_lab();
    let mut p = labkit(
        &lab,
        &[
            "run",
            "tiny",
            "--no-timer",
            "--facilitator",
            "Ana",
            "--participants",
            "Rui",
        ],
    );
    answer_method(&mut p, "Question alpha", "one");
    p.exp_string("Question beta").unwrap();
    line(&mut p, "<");
    // Back in the first method, at its last question, with its answer to change.
    p.exp_string("Question alpha").unwrap();
    p.exp_string("one").unwrap();
    settle();
    p.send(&"\x7f".repeat(3)).unwrap();
    line(&mut p, "uno");
    p.exp_string("Review").unwrap();
    line(&mut p, "");
    p.exp_string("Final review").unwrap();
    line(&mut p, "");
    p.exp_string("Question beta").unwrap();
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    assert!(session_text(&lab).contains("alpha: uno"));
}
