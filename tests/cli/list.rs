//! `labkit list`: filters, formats, sources and overrides.

use crate::support::{Lab, method_yaml};

#[test]
fn lists_built_ins_as_a_table_without_colour_when_piped() {
    let run = Lab::new().run(&["list"]).ok();
    for id in ["problem-framing", "brainstorm", "test-card"] {
        assert!(run.stdout.contains(id), "{id} missing from\n{}", run.stdout);
    }
    assert!(run.stdout.contains("built-in"));
    assert!(!run.stdout.contains('\u{1b}'), "colour codes in a pipe");
}

#[test]
fn json_has_the_fields_scripts_need() {
    let run = Lab::new().run(&["list", "--format", "json"]).ok();
    let rows: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let card = rows
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "test-card")
        .unwrap();
    assert_eq!(card["stage"], "experiment");
    assert_eq!(card["origin"], "builtin");
    assert!(card["duration_minutes"].as_u64().unwrap() > 0);
}

#[test]
fn filters_by_stage_tag_and_search() {
    let lab = Lab::new();
    let run = lab
        .run(&["list", "--stage", "experiment", "--format", "json"])
        .ok();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["stage"] == "experiment"));
    let run = lab
        .run(&[
            "list",
            "--search",
            "nothing-matches-this",
            "--format",
            "json",
        ])
        .ok();
    assert_eq!(run.stdout.trim(), "[]");
    let run = lab
        .run(&["list", "--search", "VOTE", "--format", "yaml"])
        .ok();
    assert!(run.stdout.contains("brainstorm"), "{}", run.stdout);
}

#[test]
fn workspace_methods_override_built_ins_and_say_where_they_come_from() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Test Lab\n");
    lab.write(
        "methods/test-card.yaml",
        method_yaml("test-card", "Our Test Card"),
    );
    lab.write(
        "methods/local-only.yaml",
        method_yaml("local-only", "Local"),
    );
    let sub = lab.path().join("deep/inside");
    std::fs::create_dir_all(&sub).unwrap();
    let run = lab.run_in(&sub, &["list", "--format", "json"]).ok();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let card = rows.iter().find(|r| r["id"] == "test-card").unwrap();
    assert_eq!(card["name"], "Our Test Card");
    assert_eq!(card["origin"], "workspace");
    assert!(rows.iter().any(|r| r["id"] == "local-only"));
}

#[test]
fn methods_flag_and_labkit_path_add_methods() {
    let lab = Lab::new();
    lab.write("extra/one.yaml", method_yaml("one", "One"));
    lab.write("env/two.yaml", method_yaml("two", "Two"));
    let lab = lab.env("LABKIT_PATH", "env");
    let run = lab
        .run(&["--methods", "extra", "list", "--format", "json"])
        .ok();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let origin = |id: &str| {
        rows.iter()
            .find(|r| r["id"] == id)
            .map(|r| r["origin"].clone())
    };
    assert_eq!(origin("one"), Some("path".into()));
    assert_eq!(origin("two"), Some("env".into()));
}

#[test]
fn portuguese_names_and_headers() {
    let run = Lab::new().env("LANG", "pt_PT.UTF-8").run(&["list"]).ok();
    assert!(run.stdout.contains("Cartão de Teste"), "{}", run.stdout);
    assert!(run.stdout.contains("Fase"));
    let run = Lab::new()
        .env("LANG", "pt_PT.UTF-8")
        .run(&["--lang", "en", "list"])
        .ok();
    assert!(run.stdout.contains("Test Card"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_labkit"))
        .args(["list", "--format", "yaml"])
        .env_clear()
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let status = child.wait().unwrap();
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    assert!(status.success(), "status {status:?}, stderr {err}");
    assert!(err.is_empty(), "{err}");
}

#[test]
fn the_listing_cache_notices_changed_and_broken_files() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Test Lab\n");
    lab.write("methods/mine.yaml", method_yaml("mine", "First name"));
    let run = lab.run(&["list", "--format", "json"]).ok();
    assert!(run.stdout.contains("First name"));
    assert!(
        lab.path().join(".cache/labkit").exists(),
        "cache not written under HOME"
    );
    lab.write(
        "methods/mine.yaml",
        method_yaml("mine", "A longer second name"),
    );
    let run = lab.run(&["list", "--format", "json"]).ok();
    assert!(
        run.stdout.contains("A longer second name"),
        "{}",
        run.stdout
    );
    lab.write("methods/mine.yaml", "schema: 1\nid: [\n");
    for _ in 0..2 {
        let run = lab.run(&["list", "--format", "json"]).ok();
        assert!(!run.stdout.contains("\"mine\""), "{}", run.stdout);
        assert!(
            run.stderr.contains("mine.yaml"),
            "a cached problem must still be reported: {}",
            run.stderr
        );
    }
}
