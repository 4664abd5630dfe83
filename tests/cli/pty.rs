//! The real prompts in a pseudo-terminal, each at 80 and at 160 columns: a whole run, Ctrl-C
//! inside a list and resume, a bad records field, carried entries edited, a vote edited, `<`
//! and `-` at every kind of prompt, a remembered report, a break not offered twice, a method
//! run by path resumed from another folder. Milestones only (prompt texts and saved answers),
//! not exact screens.

use std::path::{Path, PathBuf};
use std::process::Command;

use rexpect::session::{PtySession, spawn_command};
use serde_yaml::Value;

use crate::support::Lab;

const TIMEOUT_MS: u64 = 30_000;
const WIDTHS: [u16; 2] = [80, 160];

/// labkit in a pseudo-terminal `cols` wide (set with `stty` before labkit starts).
pub(crate) fn labkit_in(dir: &Path, home: &Path, cols: u16, args: &[&str]) -> PtySession {
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("stty cols {cols} rows 40; exec \"$0\" \"$@\""))
        .arg(env!("CARGO_BIN_EXE_labkit"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("HOME", home)
        .env("PATH", "/usr/bin:/bin")
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .env("LANG", "en_GB.UTF-8");
    spawn_command(cmd, Some(TIMEOUT_MS)).expect("spawn labkit in a pty")
}

pub(crate) fn labkit(lab: &Lab, cols: u16, args: &[&str]) -> PtySession {
    labkit_in(lab.path(), lab.path(), cols, args)
}

pub(crate) const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";

/// Waits for `text`, then gives the prompt time to switch the terminal to raw mode.
pub(crate) fn at(p: &mut PtySession, text: &str) {
    expect(p, text);
    std::thread::sleep(std::time::Duration::from_millis(60));
}

/// Waits for `text` and returns what came before it. rexpect reads the terminal byte by byte
/// as Latin-1, so UTF-8 text (`›`, `—`) is looked for as those bytes.
pub(crate) fn expect(p: &mut PtySession, text: &str) -> String {
    let seen: String = text.bytes().map(char::from).collect();
    p.exp_string(&seen)
        .unwrap_or_else(|e| panic!("waiting for {text:?}: {e}"))
}

pub(crate) fn send(p: &mut PtySession, keys: &str) {
    p.send(keys).unwrap();
    p.flush().unwrap();
}

/// Types a line at the prompt showing `prompt`, replacing any pre-filled text (Ctrl-U).
pub(crate) fn type_at(p: &mut PtySession, prompt: &str, text: &str) {
    at(p, prompt);
    send(p, "\x15");
    send(p, text);
    send(p, ENTER);
}

/// The one session file in `sessions/`; any other file (a temporary file left behind) fails.
/// The lock file of a session open in a running labkit is allowed.
pub(crate) fn session_file(dir: &Path) -> PathBuf {
    let files: Vec<_> = std::fs::read_dir(dir.join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.to_string_lossy().ends_with(".yaml.lock"))
        .collect();
    assert_eq!(
        files.len(),
        1,
        "expected one session file and nothing else: {files:?}"
    );
    files[0].clone()
}

pub(crate) fn session(dir: &Path) -> Value {
    let text = std::fs::read_to_string(session_file(dir)).unwrap();
    serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{e}\n{text}"))
}

pub(crate) fn yaml(text: &str) -> Value {
    serde_yaml::from_str(text).unwrap()
}

pub(crate) fn exit_code(p: &mut PtySession) -> i32 {
    match p.process().wait().unwrap() {
        rexpect::process::WaitStatus::Exited(_, code) => code,
        other => panic!("{other:?}"),
    }
}

/// Brainstorm up to its list of ideas.
pub(crate) fn brainstorm_to_ideas(p: &mut PtySession) {
    type_at(
        p,
        "The challenge",
        "How might we help citizens renew on time?",
    );
    at(p, "agreed to the rules");
    send(p, "y");
    at(p, "Review");
    send(p, ENTER);
    at(p, "Ideas");
}

#[test]
fn ctrl_c_after_five_list_entries_then_resume_keeps_them() {
    for cols in WIDTHS {
        let lab = Lab::new();
        let args = [
            "run",
            "brainstorm",
            "--no-timer",
            "--facilitator",
            "Ana",
            "--participants",
            "Rui,Eva",
        ];
        let mut p = labkit(&lab, cols, &args);
        brainstorm_to_ideas(&mut p);
        let ideas = [
            "SMS reminder",
            "Renew at the pharmacy",
            "Auto renewal",
            "Letter from the parish",
            "Kiosk in the library",
        ];
        for (n, idea) in ideas.iter().enumerate() {
            type_at(&mut p, &format!("{} ›", n + 1), idea);
        }
        at(&mut p, "6 ›");
        // Listed while labkit waits at the prompt (during a save a temporary file is there too).
        let file = session_file(lab.path());
        let file = file.strip_prefix(lab.path()).unwrap().to_str().unwrap();
        send(&mut p, "half typed");
        p.send_control('c').unwrap();
        // `labkit` is not on this PATH: the hint names the program as it was run.
        expect(
            &mut p,
            &format!("{} resume {file}", env!("CARGO_BIN_EXE_labkit")),
        );
        assert_eq!(exit_code(&mut p), 130);
        let s = session(lab.path());
        assert_eq!(s["in_progress"]["question"], yaml("ideas"));
        assert_eq!(s["in_progress"]["value"], yaml(&format!("{ideas:?}")));

        let mut p = labkit(&lab, cols, &["resume", file]);
        at(&mut p, "5 entries so far:");
        for idea in ideas {
            expect(&mut p, idea);
        }
        type_at(&mut p, "6 ›", "Open on Saturdays");
        type_at(&mut p, "7 ›", "");
        at(&mut p, "provocations");
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
        let s = session(lab.path());
        assert_eq!(
            s["answers"]["ideas"].as_sequence().map(Vec::len),
            Some(6),
            "{s:?}"
        );
        assert!(s["in_progress"].is_null(), "{s:?}");
    }
}

/// A workspace method with a records question whose fields are a choice and a date.
fn records_lab() -> Lab {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Test Lab\n");
    lab.write(
        "methods/evidence.yaml",
        r#"schema: 1
id: evidence
name: Evidence log
summary: Where each piece of evidence came from.
stage: research
duration: 10m
steps:
  - id: log
    title: Log the evidence
    questions:
      - id: pieces
        type: records
        prompt: Pieces of evidence
        fields:
          - { id: what, type: text, prompt: What we learned }
          - id: source
            type: select
            prompt: Where it came from
            choices:
              - { value: interview, label: We heard it from them }
              - { value: data, label: Service data }
          - { id: due, type: date, prompt: Check again by }
"#,
    );
    lab
}

#[test]
fn a_bad_records_field_is_asked_again_and_keeps_every_row() {
    for cols in WIDTHS {
        let lab = records_lab();
        let mut p = labkit(
            &lab,
            cols,
            &[
                "run",
                "evidence",
                "--facilitator",
                "Ana",
                "--participants",
                "Rui",
            ],
        );
        type_at(&mut p, "What we learned", "Queues are longest on Mondays");
        // A choice field is a choice prompt that shows the labels.
        at(&mut p, "We heard it from them");
        send(&mut p, DOWN);
        send(&mut p, ENTER);
        type_at(&mut p, "Check again by", "2026-12-15");
        type_at(&mut p, "What we learned", "People forget the expiry date");
        at(&mut p, "Service data");
        send(&mut p, ENTER);
        type_at(&mut p, "Check again by", "31/02/2027");
        expect(&mut p, "is not a date");
        // Only the date is asked again; the two fields before it and the first row stay.
        type_at(&mut p, "Check again by", "15 Jan 2027");
        at(&mut p, "row 3");
        send(&mut p, ENTER);
        at(&mut p, "Review");
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
        let s = session(lab.path());
        assert_eq!(
            s["answers"]["pieces"],
            yaml(
                "[{what: Queues are longest on Mondays, source: data, due: '2026-12-15'}, \
                 {what: People forget the expiry date, source: interview, due: '2027-01-15'}]"
            ),
            "at {cols} columns"
        );
    }
}

/// A playbook whose second method carries the first method's list in.
fn carried_lab() -> Lab {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Test Lab\n");
    for (id, question) in [("gather", "found"), ("sort", "kept")] {
        lab.write(
            &format!("methods/{id}.yaml"),
            format!(
                "schema: 1\nid: {id}\nname: Method {id}\nsummary: A step.\nstage: ideation\nduration: 10m\nsteps:\n  - id: only\n    title: Only step\n    questions:\n      - {{ id: {question}, type: list, prompt: \"List {question}\" }}\n"
            ),
        );
    }
    lab.write(
        "methods/playbooks/carry.yaml",
        "schema: 1\nkind: playbook\nid: carry\nname: Carry\nsummary: Two methods.\nstage: ideation\nmethods:\n  - method: gather\n  - method: sort\n    items:\n      kept: gather.found\n",
    );
    lab
}

#[test]
fn entries_carried_from_an_earlier_method_are_shown_and_can_be_changed() {
    for cols in WIDTHS {
        let lab = carried_lab();
        let mut p = labkit(
            &lab,
            cols,
            &[
                "run",
                "carry",
                "--facilitator",
                "Ana",
                "--participants",
                "Rui",
            ],
        );
        at(&mut p, "List found");
        for (n, e) in ["alpha", "beta", "gamma"].iter().enumerate() {
            type_at(&mut p, &format!("{} ›", n + 1), e);
        }
        type_at(&mut p, "4 ›", "");
        at(&mut p, "Review");
        send(&mut p, ENTER);
        at(&mut p, "Final review");
        send(&mut p, ENTER);
        at(&mut p, "List kept");
        at(&mut p, "3 entries so far:");
        expect(&mut p, "3. gamma");
        type_at(&mut p, "4 ›", "/d 2");
        at(&mut p, "2 entries so far:");
        type_at(&mut p, "3 ›", "/e 1");
        at(&mut p, "(editing)");
        // Ctrl-U clears the pre-filled entry.
        send(&mut p, "\x15");
        send(&mut p, "ALPHA");
        send(&mut p, ENTER);
        type_at(&mut p, "3 ›", "/m 2 1");
        type_at(&mut p, "3 ›", "delta");
        type_at(&mut p, "4 ›", "");
        at(&mut p, "Review");
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
        let s = session(lab.path());
        assert_eq!(
            s["answers"]["sort"]["kept"],
            yaml("[gamma, ALPHA, delta]"),
            "at {cols} columns"
        );
        assert_eq!(
            s["answers"]["gather"]["found"],
            yaml("[alpha, beta, gamma]")
        );
    }
}

/// A workspace method: a list and a vote over it.
fn vote_lab() -> Lab {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Test Lab\n");
    lab.write(
        "methods/dots.yaml",
        "schema: 1\nid: dots\nname: Dots\nsummary: Vote.\nstage: ideation\nduration: 10m\nsteps:\n  - id: only\n    title: Only step\n    questions:\n      - { id: ideas, type: list, prompt: Ideas }\n      - { id: votes, type: vote, prompt: Dot vote, from: ideas, dots: 3 }\n",
    );
    lab
}

#[test]
fn editing_a_vote_from_the_review_starts_from_the_earlier_counts() {
    for cols in WIDTHS {
        let lab = vote_lab();
        let mut p = labkit(
            &lab,
            cols,
            &[
                "run",
                "dots",
                "--facilitator",
                "Ana",
                "--participants",
                "Rui",
            ],
        );
        at(&mut p, "Ideas");
        for (n, e) in ["SMS", "Pharmacy", "Kiosk"].iter().enumerate() {
            type_at(&mut p, &format!("{} ›", n + 1), e);
        }
        type_at(&mut p, "4 ›", "");
        at(&mut p, "How are the dots counted");
        send(&mut p, ENTER);
        for (item, n) in [("SMS", "3"), ("Pharmacy", "1"), ("Kiosk", "0")] {
            type_at(&mut p, &format!("{item} ›"), n);
        }
        at(&mut p, "Review");
        send(&mut p, DOWN);
        send(&mut p, DOWN);
        send(&mut p, ENTER);
        at(&mut p, "dots so far");
        at(&mut p, "How are the dots counted");
        send(&mut p, ENTER);
        // The totals start from the earlier counts: Enter keeps SMS at 3.
        at(&mut p, "SMS › 3");
        send(&mut p, ENTER);
        at(&mut p, "Pharmacy › 1");
        send(&mut p, "\x15");
        send(&mut p, "4");
        send(&mut p, ENTER);
        at(&mut p, "Kiosk › 0");
        send(&mut p, ENTER);
        at(&mut p, "Review");
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
        let s = session(lab.path());
        assert_eq!(
            s["answers"]["votes"],
            yaml("{SMS: 3, Pharmacy: 4, Kiosk: 0}"),
            "at {cols} columns"
        );
    }
}

#[test]
fn back_and_skip_work_at_every_kind_of_prompt() {
    for cols in WIDTHS {
        let lab = Lab::new();
        lab.write("labkit.yaml", "lab: Test Lab\n");
        lab.write(
            "methods/every-type.yaml",
            std::fs::read_to_string(crate::support::fixture("methods/valid/every-type.yaml"))
                .unwrap(),
        );
        let mut p = labkit(
            &lab,
            cols,
            &[
                "run",
                "every-type",
                "--no-timer",
                "--facilitator",
                "Ana",
                "--participants",
                "Rui",
            ],
        );
        type_at(&mut p, "What is the challenge", "Renew the citizen card");
        // Long text, optional: `-` skips it and stores no text.
        type_at(&mut p, "1 ›", "-");
        at(&mut p, "Budget");
        send(&mut p, ENTER);
        // Yes/no: `<` goes back to the budget.
        at(&mut p, "Is it urgent");
        send(&mut p, "<");
        at(&mut p, "Budget");
        send(&mut p, ENTER);
        at(&mut p, "Is it urgent");
        send(&mut p, "y");
        // Choice: `<` back to yes/no.
        at(&mut p, "Kind of service");
        send(&mut p, "<");
        at(&mut p, "Is it urgent");
        send(&mut p, "y");
        at(&mut p, "Kind of service");
        send(&mut p, ENTER);
        // Multi-choice: `<` back, then tick one.
        at(&mut p, "Channels");
        send(&mut p, "<");
        at(&mut p, "Kind of service");
        send(&mut p, ENTER);
        at(&mut p, "Channels");
        send(&mut p, " ");
        send(&mut p, ENTER);
        // Scale: `<` back to the channels, then answer.
        type_at(&mut p, "How confident", "<");
        at(&mut p, "Channels");
        send(&mut p, ENTER);
        type_at(&mut p, "How confident", "4");
        // Date (asked because urgent): `<` back to the scale.
        type_at(&mut p, "Deadline", "<");
        at(&mut p, "How confident");
        send(&mut p, ENTER);
        type_at(&mut p, "Deadline", "15/12/2026");
        at(&mut p, "Review");
        send(&mut p, ENTER);
        at(&mut p, "Ideas for");
        for (n, e) in ["SMS", "Pharmacy", "Kiosk"].iter().enumerate() {
            type_at(&mut p, &format!("{} ›", n + 1), e);
        }
        type_at(&mut p, "4 ›", "");
        // Records, optional: `-` skips.
        type_at(&mut p, "Name", "-");
        // Vote: `<` back to the records, skip them again, then count.
        at(&mut p, "How are the dots counted");
        send(&mut p, "<");
        type_at(&mut p, "Name", "-");
        at(&mut p, "How are the dots counted");
        send(&mut p, ENTER);
        for _ in 0..3 {
            at(&mut p, "›");
            send(&mut p, ENTER);
        }
        // Score, one item at a time: `<` at the second cell goes back to the first.
        at(&mut p, "SMS");
        type_at(&mut p, "Impact (1–5)", "5");
        type_at(&mut p, "Effort (1–5)", "<");
        type_at(&mut p, "Impact (1–5)", "4");
        for (criterion, n) in [
            ("Effort", "2"),
            ("Impact", "3"),
            ("Effort", "3"),
            ("Impact", "1"),
            ("Effort", "1"),
        ] {
            type_at(&mut p, &format!("{criterion} (1–5)"), n);
        }
        // Rank: `<` takes the first pick back.
        at(&mut p, "Place 1 of 3");
        send(&mut p, ENTER);
        at(&mut p, "Place 2 of 3");
        send(&mut p, "<");
        at(&mut p, "Place 1 of 3");
        send(&mut p, DOWN);
        send(&mut p, ENTER);
        at(&mut p, "Place 2 of 3");
        send(&mut p, ENTER);
        // Review: `<` goes back to the step's last question, the rank, whose picks start on
        // the earlier order: Enter, Enter keeps it.
        at(&mut p, "Review");
        send(&mut p, "<");
        at(&mut p, "Place 1 of 3");
        send(&mut p, ENTER);
        at(&mut p, "Place 2 of 3");
        send(&mut p, ENTER);
        at(&mut p, "Review");
        send(&mut p, ENTER);
        at(&mut p, "Final review");
        send(&mut p, ENTER);
        expect(&mut p, "session saved");
        p.exp_eof().unwrap();
        let s = session(lab.path());
        let a = &s["answers"];
        assert_eq!(a["context"], Value::Null, "`-` stores no text");
        assert_eq!(a["people"], Value::Null);
        assert_eq!(a["urgent"], Value::Bool(true));
        assert_eq!(a["deadline"], yaml("'2026-12-15'"));
        assert_eq!(a["budget"], yaml("1000"));
        assert_eq!(a["channels"], yaml("[web]"));
        assert_eq!(a["matrix"]["SMS"], yaml("{impact: 4, effort: 2}"));
        assert_eq!(
            a["order"],
            yaml("[Pharmacy, SMS, Kiosk]"),
            "at {cols} columns"
        );
        assert_eq!(s["status"], yaml("finished"));
    }
}

#[test]
fn resume_remembers_the_report_and_writes_it_at_the_end() {
    for cols in WIDTHS {
        let lab = vote_lab();
        let mut p = labkit(
            &lab,
            cols,
            &[
                "run",
                "dots",
                "--report",
                "dots.html",
                "--facilitator",
                "Ana",
                "--participants",
                "Rui",
            ],
        );
        type_at(&mut p, "1 ›", "SMS");
        at(&mut p, "2 ›");
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
        assert!(!lab.path().join("dots.html").exists());
        let file = session_file(lab.path());
        let mut p = labkit(&lab, cols, &["resume", file.to_str().unwrap()]);
        type_at(&mut p, "2 ›", "Kiosk");
        type_at(&mut p, "3 ›", "");
        at(&mut p, "How are the dots counted");
        send(&mut p, ENTER);
        for _ in 0..2 {
            at(&mut p, "›");
            send(&mut p, ENTER);
        }
        at(&mut p, "Review");
        send(&mut p, ENTER);
        at(&mut p, "Final review");
        send(&mut p, ENTER);
        expect(&mut p, "dots.html");
        p.exp_eof().unwrap();
        let html = std::fs::read_to_string(lab.path().join("dots.html")).unwrap();
        assert!(html.contains("Kiosk") && html.contains("SMS"), "at {cols}");
    }
}

#[test]
fn a_break_already_offered_is_not_offered_again_after_resume() {
    for cols in WIDTHS {
        let lab = Lab::new();
        lab.write("labkit.yaml", "lab: Test Lab\n");
        for id in ["first", "second"] {
            lab.write(
                &format!("methods/{id}.yaml"),
                format!(
                    "schema: 1\nid: {id}\nname: Method {id}\nsummary: A step.\nstage: ideation\nduration: 10m\nsteps:\n  - id: only\n    title: Only step\n    timebox: 5m\n    questions:\n      - {{ id: q_{id}, type: text, prompt: \"Question {id}\" }}\n"
                ),
            );
        }
        lab.write(
            "methods/playbooks/day.yaml",
            "schema: 1\nkind: playbook\nid: day\nname: Day\nsummary: Two methods and lunch.\nstage: ideation\nmethods:\n  - method: first\n  - break: 45m\n    title: Lunch\n  - method: second\n",
        );
        let mut p = labkit(
            &lab,
            cols,
            &[
                "run",
                "day",
                "--facilitator",
                "Ana",
                "--participants",
                "Rui",
            ],
        );
        at(&mut p, "Start the 5m countdown");
        send(&mut p, "n");
        type_at(&mut p, "Question first", "one");
        at(&mut p, "Review");
        send(&mut p, ENTER);
        at(&mut p, "Final review");
        send(&mut p, ENTER);
        at(&mut p, "Lunch");
        at(&mut p, "Start the 45m countdown");
        send(&mut p, "n");
        at(&mut p, "Start the 5m countdown");
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
        let file = session_file(lab.path());
        let mut p = labkit(&lab, cols, &["resume", file.to_str().unwrap()]);
        // Straight to the second method's countdown offer: lunch is not offered again.
        let before = expect(&mut p, "Start the 5m countdown");
        assert!(!before.contains("Lunch"), "lunch offered again: {before}");
        assert!(before.contains("Question second") || before.contains("Method second"));
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
        let s = session(lab.path());
        assert_eq!(s["offered"], yaml("[first/only, break-1]"), "at {cols}");
    }
}

#[test]
fn a_method_run_by_path_resumes_and_reports_from_another_folder() {
    for cols in WIDTHS {
        let lab = Lab::new();
        lab.write(
            "drafts/service-safari.yaml",
            "schema: 1\nid: service-safari\nname: Service safari\nsummary: Walk the service.\nstage: research\nduration: 10m\nsteps:\n  - id: only\n    title: Only step\n    questions:\n      - { id: seen, type: list, prompt: What we saw }\n      - { id: surprise, type: text, prompt: The biggest surprise }\n",
        );
        let mut p = labkit(
            &lab,
            cols,
            &[
                "run",
                "drafts/service-safari.yaml",
                "--facilitator",
                "Ana",
                "--participants",
                "Rui",
            ],
        );
        type_at(&mut p, "1 ›", "A queue outside at 8:00");
        type_at(&mut p, "2 ›", "");
        at(&mut p, "The biggest surprise");
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
        // Another folder (another computer): the session file alone, the method file gone.
        let other = tempfile::tempdir().unwrap();
        let moved = other.path().join("safari.yaml");
        std::fs::copy(session_file(lab.path()), &moved).unwrap();
        std::fs::remove_dir_all(lab.path().join("drafts")).unwrap();
        let mut p = labkit_in(other.path(), lab.path(), cols, &["resume", "safari.yaml"]);
        expect(&mut p, "copy kept in the session");
        type_at(
            &mut p,
            "The biggest surprise",
            "Nobody knew the opening hours",
        );
        at(&mut p, "Review");
        send(&mut p, ENTER);
        at(&mut p, "Final review");
        send(&mut p, ENTER);
        expect(&mut p, "session saved");
        p.exp_eof().unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_labkit"))
            .args(["report", "safari.yaml"])
            .current_dir(other.path())
            .env_clear()
            .env("HOME", lab.path())
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("Nobody knew the opening hours") && text.contains("A queue outside"),
            "{text}"
        );
    }
}

#[test]
fn a_closed_terminal_or_a_terminate_signal_keeps_every_entry() {
    use rexpect::process::Signal;
    for signal in [Signal::SIGHUP, Signal::SIGTERM] {
        let lab = vote_lab();
        let mut p = labkit(
            &lab,
            80,
            &[
                "run",
                "dots",
                "--facilitator",
                "Ana",
                "--participants",
                "Rui",
            ],
        );
        type_at(&mut p, "1 ›", "SMS");
        type_at(&mut p, "2 ›", "Kiosk");
        at(&mut p, "3 ›");
        p.process_mut().signal(signal).unwrap();
        let status = p.process().wait().unwrap();
        assert!(
            matches!(status, rexpect::process::WaitStatus::Exited(_, 130)),
            "{signal:?}: {status:?}"
        );
        let s = session(lab.path());
        assert_eq!(
            s["in_progress"]["value"],
            yaml("[SMS, Kiosk]"),
            "{signal:?}"
        );
        let file = session_file(lab.path());
        let mut p = labkit(&lab, 80, &["resume", file.to_str().unwrap()]);
        at(&mut p, "2 entries so far:");
        type_at(&mut p, "3 ›", "Pharmacy");
        type_at(&mut p, "4 ›", "");
        at(&mut p, "How are the dots counted");
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
        assert_eq!(
            session(lab.path())["answers"]["ideas"],
            yaml("[SMS, Kiosk, Pharmacy]")
        );
    }
}

#[test]
fn a_session_open_in_one_labkit_is_refused_by_a_second_until_the_first_ends() {
    let lab = vote_lab();
    let mut first = labkit(
        &lab,
        80,
        &[
            "run",
            "dots",
            "--facilitator",
            "Ana",
            "--participants",
            "Rui",
        ],
    );
    type_at(&mut first, "1 ›", "SMS");
    at(&mut first, "2 ›");
    let file = session_file(lab.path());
    let second = lab.run(&["resume", file.to_str().unwrap()]).code(2);
    assert!(
        second
            .stderr
            .contains("is open in another labkit (process ")
            && second.stderr.contains("labkit resume"),
        "{}",
        second.stderr
    );
    // Killed without a chance to clean up: the lock goes with the process.
    first
        .process_mut()
        .kill(rexpect::process::Signal::SIGKILL)
        .unwrap();
    let mut p = labkit(&lab, 80, &["resume", file.to_str().unwrap()]);
    at(&mut p, "1 entry so far:");
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
}

#[test]
fn back_or_skip_typed_at_the_facilitator_prompt_is_not_a_name() {
    let lab = vote_lab();
    let mut p = labkit(&lab, 80, &["run", "dots"]);
    type_at(&mut p, "Facilitator", "<");
    type_at(&mut p, "Participants", "-");
    at(&mut p, "1 ›");
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    let s = session(lab.path());
    assert!(s["facilitator"].is_null(), "{s:?}");
    assert_eq!(s["participants"], yaml("[]"));
}
