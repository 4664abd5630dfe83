//! The README's non-interactive commands work as written, from a fresh folder.

use crate::support::Lab;

fn readme() -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .unwrap()
}

/// The `cargo run --release -- …` and `labkit …` lines of the README's shell blocks.
fn commands() -> Vec<Vec<String>> {
    let text = readme();
    let mut out = Vec::new();
    let mut in_sh = false;
    for line in text.lines() {
        if line.starts_with("```") {
            in_sh = line == "```sh";
            continue;
        }
        if !in_sh {
            continue;
        }
        let line = line.split("  #").next().unwrap_or(line).trim();
        let rest = line
            .strip_prefix("cargo run --release -- ")
            .or_else(|| line.strip_prefix("labkit "));
        if let Some(rest) = rest {
            out.push(shell_words(rest));
        }
    }
    out
}

/// Splits like a shell: spaces, with double quotes grouping; stops at a redirection.
fn shell_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ' ' if !quoted => {
                if !current.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
            }
            _ => current.push(c),
        }
    }
    if !current.is_empty() {
        words.push(current);
    }
    if let Some(cut) = words.iter().position(|w| w == ">" || w == "|") {
        words.truncate(cut);
    }
    words
}

#[test]
fn the_readme_commands_run() {
    let commands = commands();
    assert!(commands.len() >= 10, "{commands:?}");
    let lab = Lab::new();
    let root = env!("CARGO_MANIFEST_DIR");
    let mut ran = 0;
    for words in &commands {
        // Commands that need a person at a terminal, or a session made earlier, are skipped.
        let interactive = matches!(words[0].as_str(), "run" | "timer" | "resume")
            && !words.iter().any(|w| w == "--answers");
        if interactive || words[0] == "report" {
            continue;
        }
        let args: Vec<String> = words
            .iter()
            .map(|w| {
                if w.starts_with("tests/") {
                    format!("{root}/{w}")
                } else {
                    w.clone()
                }
            })
            .collect();
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let run = lab.run(&args);
        assert_eq!(
            run.code,
            0,
            "README command failed: labkit {}\n{}",
            words.join(" "),
            run.stderr
        );
        ran += 1;
    }
    assert!(ran >= 10, "only {ran} README commands ran");
    assert!(
        lab.path().join("plan.html").exists(),
        "the quickstart writes plan.html"
    );
}
