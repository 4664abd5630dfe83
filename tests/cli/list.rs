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

/// A playbook over three days, in a workspace, with a source title too long for a column.
const THREE_DAYS: &str = r#"schema: 1
kind: playbook
id: three-days
name: { en: Three Days, pt: Três Dias }
summary: { en: "A playbook over three days, for tests.", pt: "Um roteiro de três dias, para testes." }
stage: ideation
group: 3-6
sources:
  - { title: "A very long source title that goes on and on about the method it credits" }
methods:
  - method: test-card
    day: 1
  - break: 15m
  - method: brainstorm
    day: 2
  - method: learning-card
    day: 3
"#;

fn three_days_lab() -> Lab {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Test Lab\n");
    lab.write("methods/three-days.yaml", THREE_DAYS);
    lab
}

#[test]
fn playbooks_are_marked_and_listed_at_their_agendas_length() {
    let lab = three_days_lab();
    let run = lab.run(&["list", "--format", "json"]).ok();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    let playbooks: Vec<&serde_json::Value> =
        rows.iter().filter(|r| r["kind"] == "playbook").collect();
    assert!(playbooks.len() >= 5, "the built-in playbooks and ours");
    for row in playbooks {
        let id = row["id"].as_str().unwrap();
        // The agenda on the default day, from a Monday: its total is the listed length.
        let agenda = lab.run(&["agenda", id, "--date", "2027-01-04"]).ok().stdout;
        let total = agenda.lines().last().unwrap();
        let days = row["days"].as_u64().unwrap();
        let expected = if days > 1 {
            format!(
                "Total {} over {days} days;",
                row["duration"].as_str().unwrap()
            )
        } else {
            format!("Total {}, ends", row["duration"].as_str().unwrap())
        };
        assert!(total.starts_with(&expected), "{id}: {expected} vs {total}");
    }
    let ours = rows.iter().find(|r| r["id"] == "three-days").unwrap();
    assert_eq!(
        (&ours["duration"], &ours["duration_minutes"], &ours["days"]),
        (&"2h15m".into(), &135.into(), &3.into()),
        "45m + a 15m break + 45m + 30m, over three days"
    );
    assert!(
        rows.iter()
            .filter(|r| r["kind"] == "method")
            .all(|r| r.get("days").is_none())
    );

    let table = lab.run(&["list"]).ok().stdout;
    let line = table.lines().find(|l| l.contains("three-days")).unwrap();
    assert!(
        line.contains("Three Days [playbook]") && line.contains("2h15m, 3 days"),
        "{line}"
    );
    let line = table.lines().find(|l| l.contains(" test-card ")).unwrap();
    assert!(!line.contains("[playbook]"), "{line}");
    let table = lab.run(&["--lang", "pt", "list"]).ok().stdout;
    let line = table.lines().find(|l| l.contains("three-days")).unwrap();
    assert!(
        line.contains("Três Dias [roteiro]") && line.contains("2h15m, 3 dias"),
        "{line}"
    );
}

#[test]
fn long_adds_the_credited_sources() {
    let lab = three_days_lab();
    let run = lab.run(&["list", "--long", "--format", "json"]).ok();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    for row in &rows {
        let id = row["id"].as_str().unwrap();
        let card: serde_json::Value =
            serde_json::from_str(&lab.run(&["show", id, "--format", "json"]).ok().stdout).unwrap();
        let titles: Vec<&serde_json::Value> = card["sources"]
            .as_array()
            .map(|s| s.iter().map(|s| &s["title"]).collect())
            .unwrap_or_default();
        let listed: Vec<&serde_json::Value> = row["sources"].as_array().unwrap().iter().collect();
        assert_eq!(listed, titles, "{id}: whole titles in the data");
    }
    let run = lab.run(&["list", "--format", "json"]).ok();
    assert!(!run.stdout.contains("\"sources\""), "only with --long");

    // Piped, each title is cut at 40 columns, one a line.
    let table = lab.run(&["list", "--long"]).ok().stdout;
    assert!(
        table
            .lines()
            .next()
            .unwrap()
            .trim_end()
            .ends_with("Sources")
    );
    assert!(
        table.contains("A very long source title that goes on a…")
            && !table.contains("and on about"),
        "{table}"
    );
    let table = lab.run(&["--lang", "pt", "list", "--long"]).ok().stdout;
    assert!(table.lines().next().unwrap().trim_end().ends_with("Fontes"));
}

#[test]
fn long_fits_an_80_column_terminal() {
    use crate::pty::labkit;
    let lab = three_days_lab();
    for (cols, args) in [
        (80, &["list", "--long"][..]),
        (80, &["list"]),
        (160, &["list", "--long"]),
    ] {
        let mut p = labkit(&lab, cols, args);
        let raw = p.exp_eof().unwrap();
        // rexpect reads bytes as Latin-1.
        let bytes: Vec<u8> = raw.chars().map(|c| c as u8).collect();
        let out = String::from_utf8(bytes).unwrap();
        for line in out.lines() {
            let width = console::measure_text_width(line.trim_end_matches('\r'));
            assert!(
                width <= usize::from(cols),
                "{width} > {cols}: {line}\n{out}"
            );
        }
        // Ids are never broken over lines; every one is there whole.
        for id in [
            "three-days",
            "what-so-what-now-what",
            "behavioural-diagnosis",
        ] {
            assert!(out.contains(&format!(" {id} ")), "{id} at {cols}:\n{out}");
        }
        if args.contains(&"--long") {
            assert!(
                out.contains("Sources") && out.contains("A very long"),
                "{out}"
            );
        }
        if cols == 160 {
            assert!(out.contains("Stage") && out.contains("Group"), "{out}");
        }
    }
}

/// A playbook's length is remembered between listings (measuring parses the playbook and its
/// methods), and measured again as soon as a method it runs changes: here a workspace copy of
/// the Lab Canvas that takes an hour longer.
#[test]
fn a_playbooks_remembered_length_follows_a_changed_method() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: LabX\n");
    let minutes = |lab: &Lab| -> u64 {
        let rows: serde_json::Value =
            serde_json::from_str(&lab.run(&["list", "--format", "json"]).ok().stdout).unwrap();
        rows.as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == "lab-setup")
            .unwrap()["duration_minutes"]
            .as_u64()
            .unwrap()
    };
    let before = minutes(&lab);
    assert_eq!(minutes(&lab), before, "the remembered length is the same");
    let canvas = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("methods/lab-canvas.yaml"),
    )
    .unwrap();
    assert!(canvas.contains("\nduration: 2h\n"));
    lab.write(
        "methods/lab-canvas.yaml",
        canvas.replacen("\nduration: 2h\n", "\nduration: 3h\n", 1),
    );
    assert_eq!(minutes(&lab), before + 60);
}
