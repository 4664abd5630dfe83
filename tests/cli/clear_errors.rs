//! Bad input of every kind gets a clear error: templates named by files stay in the template
//! folders, a broken workspace method is not swapped for the built-in, hand-edited sessions
//! are checked when they are opened, and flags say what they mean.

use crate::support::{Lab, fixture};

const MINI_PLAYBOOK: &str = "schema: 1\nkind: playbook\nid: mini\nname: Mini\nsummary: A small playbook.\nstage: ideation\ntemplate: lab-plann\nmethods:\n  - method: brainstorm\n";

/// A finished test-card session at `s.yaml`.
fn session(lab: &Lab) -> String {
    lab.run(&[
        "run",
        "test-card",
        "--answers",
        fixture("answers/test-card.yaml").to_str().unwrap(),
        "--session",
        "s.yaml",
    ])
    .ok();
    std::fs::read_to_string(lab.path().join("s.yaml")).unwrap()
}

#[test]
fn validate_names_a_playbook_template_that_does_not_exist() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Our Lab\n");
    lab.write("methods/playbooks/mini.yaml", MINI_PLAYBOOK);
    lab.write("templates/lab-plan.md.hbs", "## {{playbook.name}}\n");
    let run = lab.run(&["validate"]).code(1);
    assert!(
        run.stderr.contains(
            "mini.yaml:7:1: template: there is no template `lab-plann`, neither in the workspace's templates folder nor among the built-ins\n  hint: did you mean `lab-plan`?"
        ),
        "{}",
        run.stderr
    );
    lab.write(
        "methods/playbooks/mini.yaml",
        MINI_PLAYBOOK.replace("lab-plann", "lab-plan"),
    );
    lab.run(&["validate"]).ok();
}

#[test]
fn a_playbook_template_that_is_a_path_is_refused_everywhere() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Our Lab\n");
    lab.write("secret.txt", "TOP SECRET\n");
    lab.write(
        "methods/playbooks/mini.yaml",
        MINI_PLAYBOOK.replace("lab-plann", "../secret.txt"),
    );
    let run = lab.run(&["validate"]).code(1);
    assert!(
        run.stderr
            .contains("mini.yaml:7:1: template: `../secret.txt` is not a template name"),
        "{}",
        run.stderr
    );
    let run = lab
        .run(&["run", "mini", "--defaults", "--report", "out.md"])
        .code(2);
    assert!(!run.stderr.contains("TOP SECRET"), "{}", run.stderr);
    assert!(!lab.path().join("out.md").exists());
}

#[cfg(unix)]
#[test]
fn a_workspace_template_linked_out_of_its_folder_is_refused() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Our Lab\n");
    session(&lab);
    let secret = lab.write("secret.txt", "TOP SECRET\n");
    std::fs::create_dir_all(lab.path().join("templates")).unwrap();
    std::os::unix::fs::symlink(&secret, lab.path().join("templates/test-card.md.hbs")).unwrap();
    let run = lab.run(&["report", "s.yaml"]).code(2);
    assert!(!run.stdout.contains("TOP SECRET"), "{}", run.stdout);
    assert!(
        run.stderr.contains("leads outside the templates folder"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_session_names_its_report_template_by_name_only() {
    let lab = Lab::new();
    lab.write("secret.txt", "TOP SECRET\n");
    let text = session(&lab)
        .replace("status: finished", "status: in_progress")
        .replace(
            "run:\n",
            "run:\n  report: out.md\n  template: ../secret.txt\n",
        );
    lab.write("sub/s.yaml", &text);
    let run = lab.run(&["resume", "sub/s.yaml"]).code(2);
    assert!(
        run.stderr
            .contains("`../secret.txt` is not a template name"),
        "{}",
        run.stderr
    );
    assert!(!lab.path().join("sub/out.md").exists());
    assert_eq!(
        std::fs::read_to_string(lab.path().join("sub/s.yaml")).unwrap(),
        text,
        "the session is left as it was"
    );
}

/// The built-in test card with a typo in its stage, as a lab's edited copy might have.
fn broken_test_card() -> String {
    let text = String::from_utf8(
        labkit::library::built_in_source("test-card")
            .unwrap()
            .to_vec(),
    )
    .unwrap();
    assert!(text.contains("\nstage: experiment\n"));
    text.replace("\nstage: experiment\n", "\nstage: experimnt\n")
}

#[test]
fn a_broken_workspace_copy_stops_run_show_and_agenda() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Our Lab\n");
    lab.write("methods/test-card.yaml", broken_test_card());
    for args in [
        &["run", "test-card", "--defaults"][..],
        &["show", "test-card"],
        &["agenda", "test-card"],
    ] {
        let run = lab.run(args).code(2);
        assert!(
            run.stderr.contains(
                "methods/test-card.yaml: this file gives `test-card` here, in place of the built-in one, but it has problems"
            ),
            "{args:?}: {}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains("methods/test-card.yaml:31:1: stage: unknown value `experimnt`"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(
        !lab.path().join("sessions").exists(),
        "no session was started"
    );
    // Other ids are not stopped by it.
    lab.run(&["show", "brainstorm"]).ok();
    lab.run(&["agenda", "brainstorm"]).ok();
}

#[test]
fn a_broken_method_of_a_playbook_stops_the_playbook() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Our Lab\n");
    let brainstorm = String::from_utf8(
        labkit::library::built_in_source("brainstorm")
            .unwrap()
            .to_vec(),
    )
    .unwrap();
    lab.write(
        "methods/brainstorm.yaml",
        brainstorm.replace("\nversion: ", "\nversion: x"),
    );
    let run = lab.run(&["run", "experiment-plan", "--defaults"]).code(2);
    assert!(
        run.stderr
            .contains("methods/brainstorm.yaml: this file gives `brainstorm` here"),
        "{}",
        run.stderr
    );
}

#[test]
fn only_a_broken_file_that_comes_first_stops_a_command() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Our Lab\n");
    lab.write("extra/test-card.yaml", broken_test_card());
    let extra = lab.path().join("extra");
    let lab = lab.env("LABKIT_PATH", extra.to_str().unwrap());
    // LABKIT_PATH alone: its broken copy comes before the built-in.
    let run = lab.run(&["show", "test-card"]).code(2);
    assert!(
        run.stderr.contains("extra/test-card.yaml"),
        "{}",
        run.stderr
    );
    // The workspace's good copy comes after LABKIT_PATH and wins: nothing to stop for.
    lab.write(
        "methods/test-card.yaml",
        String::from_utf8(
            labkit::library::built_in_source("test-card")
                .unwrap()
                .to_vec(),
        )
        .unwrap(),
    );
    let run = lab.run(&["show", "test-card", "--format", "json"]).ok();
    assert!(run.stdout.contains("\"workspace\""), "{}", run.stdout);
}

#[test]
fn resume_without_a_terminal_says_what_can_finish_the_session() {
    let lab = Lab::new();
    let text = session(&lab)
        .replace("status: finished", "status: in_progress")
        .replace("  owner: Marta Silva\n", "");
    lab.write("s.yaml", &text);
    let run = lab.run(&["resume", "s.yaml", "--no-input"]).code(2);
    assert!(
        run.stderr.contains(" run test-card --answers s.yaml`"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("pass `--answers"), "{}", run.stderr);
    // What it suggests works: a new session from these answers, the rest given.
    lab.run(&[
        "run",
        "test-card",
        "--answers",
        "s.yaml",
        "--set",
        "owner=Ana",
        "--session",
        "done.yaml",
    ])
    .ok();
}

#[test]
fn validate_of_a_workspace_file_reports_each_problem_once() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Our Lab\n");
    lab.write("methods/test-card.yaml", broken_test_card());
    for (cwd, arg) in [
        ("", "methods/test-card.yaml"),
        ("methods", "./test-card.yaml"),
        ("", "methods"),
    ] {
        let run = lab
            .run_in(&lab.path().join(cwd), &["validate", arg])
            .code(1);
        assert_eq!(
            run.stderr.matches("unknown value `experimnt`").count(),
            1,
            "{arg}: {}",
            run.stderr
        );
        assert!(!run.stderr.contains("/./"), "{}", run.stderr);
        assert!(
            run.stderr.contains("1 file checked: 1 problem in 1 file"),
            "{arg}: {}",
            run.stderr
        );
    }
}

#[test]
fn negative_numbers_reach_labkits_own_checks() {
    let lab = Lab::new();
    let run = lab
        .run(&["calc", "sample-size", "--baseline", "-0.1", "--mde", "0.05"])
        .code(2);
    assert!(
        run.stderr
            .contains("`--baseline` must be between 0 and 1 (exclusive), got -0.1"),
        "{}",
        run.stderr
    );
    let run = lab
        .run(&["calc", "duration", "--total", "-5", "--per-day", "3"])
        .code(2);
    assert!(
        run.stderr
            .contains("`--total` must be greater than 0, got -5"),
        "{}",
        run.stderr
    );
    let run = lab
        .run(&["calc", "mde", "--per-arm", "-4", "--baseline", "0.3"])
        .code(2);
    assert!(
        run.stderr
            .contains("'--per-arm <N>': `-4` is not a whole number of 0 or more"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_session_path_that_is_a_folder_is_called_a_folder() {
    let lab = Lab::new();
    std::fs::create_dir(lab.path().join("adir")).unwrap();
    let run = lab
        .run(&["run", "test-card", "--defaults", "--session", "adir"])
        .code(2);
    assert!(
        run.stderr.contains(
            "`--session adir` is a folder; give the session a file name, e.g. `--session adir/test-card.yaml`"
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("resume"), "{}", run.stderr);
}

#[test]
fn hand_edited_sessions_are_checked_when_opened() {
    let lab = Lab::new();
    let good = session(&lab);
    let started = good
        .lines()
        .find(|l| l.starts_with("started: "))
        .unwrap()
        .to_owned();
    let bad = good
        .replace("schema: 2\n", "schema: 99\n")
        .replace("language: en\n", "language: xx\n")
        .replace(&started, "started: last Tuesday");
    lab.write("bad.yaml", &bad);
    for command in ["report", "resume"] {
        let run = lab.run(&[command, "bad.yaml"]).code(2);
        for expected in [
            "bad.yaml:1:1: schema: this session was written by a newer labkit (session schema 99); this labkit reads sessions up to schema 2\n  hint: upgrade labkit",
            "bad.yaml:9:1: language: `xx` is not a language labkit speaks\n  hint: write `en` or `pt`",
            "bad.yaml:11:1: started: `last Tuesday` is not a date and time",
        ] {
            assert!(
                run.stderr.contains(expected),
                "{command}: {expected}\n{}",
                run.stderr
            );
        }
        assert_eq!(
            std::fs::read_to_string(lab.path().join("bad.yaml")).unwrap(),
            bad
        );
    }
    // A newer labkit's session may carry fields this one does not know: still "newer".
    lab.write(
        "newer.yaml",
        good.replace("schema: 2\n", "schema: 3\nwhiteboard: photos/\n"),
    );
    let run = lab.run(&["report", "newer.yaml"]).code(2);
    assert!(
        run.stderr.contains("written by a newer labkit"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("unknown key"), "{}", run.stderr);
}

#[test]
fn wrong_answers_in_a_session_are_all_named_on_resume() {
    let lab = Lab::new();
    let text = session(&lab)
        .replace("status: finished", "status: in_progress")
        .replace("  test_duration: 54\n", "  test_duration: six weeks\n")
        .replace("  critical: 3\n", "  critical: [3]\n");
    lab.write("s.yaml", &text);
    let run = lab.run(&["resume", "s.yaml"]).code(2);
    for expected in [
        "s.yaml:22:3: answers.test_duration: the answer to `test_duration` does not fit the question: expected a number",
        "s.yaml:26:3: answers.critical: the answer to `critical` does not fit the question: expected a whole number from 1 to 3",
        "hint: the file is left as it is",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    assert_eq!(
        std::fs::read_to_string(lab.path().join("s.yaml")).unwrap(),
        text
    );
    assert!(!lab.path().join(".s.yaml.lock").exists());
}

#[test]
fn every_built_in_session_passes_the_answer_check_on_resume() {
    let lab = Lab::new();
    let mut checked = 0;
    let files = ["answers", "answers/playbooks"]
        .iter()
        .flat_map(|dir| std::fs::read_dir(fixture(dir)).unwrap())
        .map(|entry| entry.unwrap().path());
    for path in files {
        if path.extension().is_none_or(|e| e != "yaml") {
            continue;
        }
        let id = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let file = format!("{id}.yaml");
        lab.run(&[
            "run",
            &id,
            "--answers",
            path.to_str().unwrap(),
            "--session",
            &file,
        ])
        .ok();
        let text = std::fs::read_to_string(lab.path().join(&file))
            .unwrap()
            .replace("status: finished", "status: in_progress");
        lab.write(&file, text);
        let run = lab.run(&["resume", &file]);
        assert!(
            !run.stderr.contains("does not fit the question"),
            "{id}: {}",
            run.stderr
        );
        checked += 1;
    }
    assert!(checked >= 25, "only {checked}");
}
