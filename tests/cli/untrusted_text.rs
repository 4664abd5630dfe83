//! Text is data everywhere: method text and answers full of escape sequences, formulas, carriage
//! returns and characters XML forbids, through every way out (the terminal, the portfolio's CSV,
//! Markdown, Word), each read back by what reads it (a terminal, the `csv` crate,
//! pulldown-cmark, quick-xml).

use std::process::Command;

use rexpect::session::spawn_command;

use crate::support::Lab;

/// Retitles the window and clears the screen when a terminal interprets it.
const TITLE: &str = "\x1b]0;pwned\x07";
const CLEAR: &str = "\x1b[2J";

/// A workspace with a valid method whose name, summary, step title and prompt carry escape
/// sequences, a broken one whose unknown key does, and one whose file name does.
fn hostile_workspace() -> Lab {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: LabX\n");
    // YAML's `\e` and `\a` are ESC and BEL.
    lab.write(
        "methods/evil.yaml",
        "schema: 1\nid: evil\nname: \"Evil \\e]0;pwned\\a name \\e[2J\"\nsummary: \"Summary \\e]0;pwned\\a \\e[2J\"\nstage: ideation\nduration: 20m\nsteps:\n  - id: one\n    title: \"Step \\e]0;pwned\\a \\e[2J\"\n    questions:\n      - id: ideas\n        type: list\n        prompt: \"Ideas \\e[2J\"\n",
    );
    lab.write(
        "methods/broken.yaml",
        "schema: 1\nid: broken\n\"na\\e]0;pwned\\ame\": x\n",
    );
    lab.write(&format!("methods/file{TITLE}{CLEAR}.yaml"), "schema: [\n");
    lab
}

#[track_caller]
fn assert_inert(what: &str, text: &str) {
    assert!(
        !text.contains(['\x1b', '\x07']),
        "{what} reached the terminal with its control characters: {text:?}"
    );
}

#[test]
fn messages_naming_hostile_text_reach_stderr_inert() {
    let lab = hostile_workspace();
    let validate = lab.run(&["validate"]).code(1);
    assert_inert("validate", &validate.stderr);
    assert!(
        validate
            .stderr
            .contains("unknown field `na\u{FFFD}]0;pwned\u{FFFD}me`"),
        "what the file tried is shown: {}",
        validate.stderr
    );
    let list = lab.run(&["list"]).ok();
    assert!(list.stderr.contains("skipped"), "{}", list.stderr);
    assert_inert("list", &list.stderr);
    let show = lab.run(&["show", "evil"]).ok();
    assert_inert("show", &show.stderr);
    assert!(
        show.stdout.contains(TITLE),
        "piped data stays byte for byte"
    );
    let unknown = lab.run(&["show", &format!("x{TITLE}{CLEAR}")]).code(2);
    assert!(
        unknown.stderr.contains("unknown method"),
        "{}",
        unknown.stderr
    );
    assert_inert("show of an unknown id", &unknown.stderr);
    for args in [&["agenda", "evil"][..], &["suggest", "--stage", "ideation"]] {
        let run = lab.run(args).ok();
        assert_inert(args[0], &run.stderr);
    }
}

/// `list`, `show`, `agenda` and `suggest` on a real terminal (a pseudo-terminal, colour off so
/// that any escape sequence at all came from the text).
#[test]
fn data_shown_on_a_terminal_cannot_drive_it() {
    let lab = hostile_workspace();
    for args in [
        &["list"][..],
        &["show", "evil"],
        &["show", "evil", "--format", "md"],
        &["agenda", "evil"],
        &["suggest", "--stage", "ideation"],
    ] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_labkit"));
        cmd.args(args)
            .current_dir(lab.path())
            .env_clear()
            .env("HOME", lab.path())
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1");
        let mut p = spawn_command(cmd, Some(15_000)).unwrap();
        let screen = p.exp_eof().unwrap();
        assert!(screen.contains("Evil"), "{args:?}: {screen:?}");
        assert_inert(&args.join(" "), &screen);
    }
}
