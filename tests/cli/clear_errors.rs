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
                .contains("methods/test-card.yaml:22:1: stage: unknown value `experimnt`"),
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
    assert!(run.stderr.contains("extra/test-card.yaml"), "{}", run.stderr);
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
