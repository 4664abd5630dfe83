//! Playbooks: validation fixtures, scripted runs of every built-in playbook, carried answers,
//! one report for the whole workshop, agendas and calendars, and the portfolio.

use labkit::library::{Library, Origin};

use crate::support::{Lab, fixture, snapshot};

#[test]
fn each_invalid_playbook_reports_its_exact_errors() {
    let dir = fixture("playbooks/invalid");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let mut expected = Vec::new();
        for line in text.lines() {
            if let Some(e) = line.strip_prefix("# expect: ") {
                expected.push(e.to_owned());
            } else if let Some(h) = line.strip_prefix("# expect-hint: ") {
                let last = expected.last_mut().unwrap();
                *last = format!("{last}\n  hint: {h}");
            }
        }
        let library = Library::load_layers(&[(Origin::Path, path.clone())]);
        let shown = path.display().to_string();
        let actual: Vec<String> = library
            .problems
            .iter()
            .filter(|p| p.file == shown)
            .flat_map(|p| {
                p.diagnostics.iter().map(|d| {
                    d.to_string()
                        .strip_prefix(&format!("{shown}:"))
                        .unwrap()
                        .to_owned()
                })
            })
            .collect();
        assert_eq!(actual, expected, "{}", path.display());
        checked += 1;
    }
    assert!(checked >= 10);
}

fn answers(id: &str) -> String {
    fixture(&format!("answers/playbooks/{id}.yaml"))
        .to_str()
        .unwrap()
        .to_owned()
}

/// Pins a session's dates so its report can be compared with a snapshot.
fn pin_dates(lab: &Lab, file: &str) {
    let path = lab.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let pinned: String = text
        .lines()
        .map(|l| {
            for key in ["started: ", "updated: ", "finished: "] {
                if l.starts_with(key) {
                    return format!("{key}2027-02-10T09:30:00Z");
                }
            }
            l.to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(path, pinned + "\n").unwrap();
}

#[test]
fn the_experiment_plan_runs_from_one_answers_file_into_one_report() {
    let lab = Lab::new();
    let run = lab
        .run(&[
            "run",
            "experiment-plan",
            "--answers",
            &answers("experiment-plan"),
            "--session",
            "plan.yaml",
            "--lab",
            "LabX",
            "--facilitator",
            "Ana Sousa",
        ])
        .ok();
    assert!(
        run.stdout.contains("── Test Card"),
        "the summary has a section per method:\n{}",
        run.stdout
    );
    let text = std::fs::read_to_string(lab.path().join("plan.yaml")).unwrap();
    assert!(
        text.contains("playbook: true") && text.contains("status: finished"),
        "{text}"
    );
    for method in [
        "problem-framing:",
        "brainstorm:",
        "impact-effort:",
        "assumptions-map:",
        "test-card:",
        "trial-design:",
        "ethics-check:",
    ] {
        assert!(
            text.contains(&format!("\n  {method}\n")),
            "{method} missing from\n{text}"
        );
    }
    pin_dates(&lab, "plan.yaml");
    for lang in ["en", "pt"] {
        let md = lab
            .run(&["--lang", lang, "report", "plan.yaml"])
            .ok()
            .stdout;
        snapshot(&format!("playbook-experiment-plan.{lang}.md"), &md);
    }
    let md = lab.run(&["report", "plan.yaml"]).ok().stdout;
    for heading in [
        "## Problem Framing",
        "## Brainstorm",
        "## Test Card",
        "## Trial Design",
        "## Ethics and Data Check",
    ] {
        assert!(md.contains(heading), "{heading} missing");
    }
    lab.run(&["report", "plan.yaml", "-o", "plan.html"]).ok();
    let html = std::fs::read_to_string(lab.path().join("plan.html")).unwrap();
    assert!(
        html.contains("class=\"toc\""),
        "a long report gets a table of contents"
    );
}

#[test]
fn every_built_in_playbook_runs_from_its_answers() {
    for id in [
        "experiment-plan",
        "policy-lab-day",
        "design-sprint",
        "lab-setup",
    ] {
        let lab = Lab::new();
        lab.run(&[
            "run",
            id,
            "--answers",
            &answers(id),
            "--session",
            "s.yaml",
            "--report",
            "r.md",
        ])
        .ok();
        let md = std::fs::read_to_string(lab.path().join("r.md")).unwrap();
        assert!(md.matches("\n## ").count() >= 3, "{id}: {md}");
    }
}

#[test]
fn later_methods_take_earlier_answers_as_defaults_and_items() {
    let lab = Lab::new();
    let full = std::fs::read_to_string(answers("experiment-plan")).unwrap();
    let mut doc: serde_yaml::Value = serde_yaml::from_str(&full).unwrap();
    let a = doc["answers"].as_mapping_mut().unwrap();
    a.get_mut("brainstorm")
        .unwrap()
        .as_mapping_mut()
        .unwrap()
        .remove("challenge");
    a.get_mut("impact-effort")
        .unwrap()
        .as_mapping_mut()
        .unwrap()
        .remove("items");
    let reframed = a["problem-framing"]["reframed_hmw"]
        .as_str()
        .unwrap()
        .to_owned();
    let votes = a["brainstorm"]["idea_votes"].as_mapping().unwrap().clone();
    lab.write("partial.yaml", serde_yaml::to_string(&doc).unwrap());
    // Without --defaults nothing is assumed: the missing answers are listed.
    let run = lab
        .run(&["run", "experiment-plan", "--answers", "partial.yaml"])
        .code(2);
    assert!(
        run.stderr.contains("brainstorm.challenge: missing answer"),
        "{}",
        run.stderr
    );
    lab.run(&[
        "run",
        "experiment-plan",
        "--answers",
        "partial.yaml",
        "--defaults",
        "--session",
        "s.yaml",
    ])
    .ok();
    let session: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(lab.path().join("s.yaml")).unwrap()).unwrap();
    assert_eq!(
        session["answers"]["brainstorm"]["challenge"].as_str(),
        Some(reframed.as_str())
    );
    let mut ranked: Vec<(String, u64)> = votes
        .iter()
        .map(|(k, v)| (k.as_str().unwrap().to_owned(), v.as_u64().unwrap()))
        .collect();
    ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
    let expected: Vec<String> = ranked.into_iter().take(6).map(|r| r.0).collect();
    let items: Vec<String> = session["answers"]["impact-effort"]["items"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        items, expected,
        "the six most-voted ideas, most votes first"
    );
}

#[test]
fn playbook_answers_for_unknown_methods_are_reported() {
    let lab = Lab::new();
    let run = lab
        .run(&[
            "run",
            "experiment-plan",
            "--answers",
            &answers("experiment-plan"),
            "--set",
            "brainstrom.ideas=[a]",
        ])
        .code(2);
    assert!(
        run.stderr
            .contains("`brainstrom` is not a method of the playbook"),
        "{}",
        run.stderr
    );
}

#[test]
fn agendas_put_blocks_on_the_clock() {
    let lab = Lab::new();
    let table = lab
        .run(&[
            "agenda",
            "experiment-plan",
            "--date",
            "2027-02-10",
            "--start",
            "09:00",
        ])
        .ok()
        .stdout;
    assert!(table.contains("09:00   10:00   Problem Framing"), "{table}");
    assert!(table.contains("Total 7h45m, ends 16:45"), "{table}");
    let sprint = lab
        .run(&[
            "agenda",
            "design-sprint",
            "--date",
            "2027-05-10",
            "--format",
            "md",
        ])
        .ok()
        .stdout;
    assert!(sprint.contains("## Day 5 — 2027-05-14"), "{sprint}");
    let method = lab
        .run(&["agenda", "lab-canvas", "--date", "2027-02-10"])
        .ok()
        .stdout;
    assert!(
        method.contains("Break (suggested)"),
        "a two-hour method without breaks gets one suggested:\n{method}"
    );
    lab.run(&["agenda", "experiment-plan", "--start", "9h"])
        .code(2);
    lab.run(&["agenda", "experiment-plan", "--date", "2027-02-30"])
        .code(2);
}

#[test]
fn the_calendar_file_is_valid_icalendar() {
    let ics = Lab::new()
        .run(&[
            "agenda",
            "experiment-plan",
            "--date",
            "2027-02-10",
            "--format",
            "ics",
        ])
        .ok()
        .stdout;
    assert!(
        ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"),
        "{ics}"
    );
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "every line ends with CRLF"
    );
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "line longer than 75 octets: {line}");
    }
    let unfolded = ics.replace("\r\n ", "");
    let events = unfolded.matches("BEGIN:VEVENT").count();
    assert_eq!(events, unfolded.matches("END:VEVENT").count());
    assert_eq!(events, 10, "one event per block");
    for key in ["UID:", "DTSTAMP:", "DTSTART;", "DTEND;", "SUMMARY:"] {
        assert_eq!(
            unfolded.matches(&format!("\r\n{key}")).count(),
            events,
            "{key} on every event"
        );
    }
    assert!(
        unfolded.contains("\r\nDTEND;TZID=Europe/Lisbon:20270210T103000\r\nDTSTAMP:")
            && unfolded.contains(
                "\r\nDTSTART;TZID=Europe/Lisbon:20270210T093000\r\nSUMMARY:Problem Framing\r\n"
            ),
        "{unfolded}"
    );
}

#[test]
fn the_portfolio_lists_fifty_sessions_and_skips_a_damaged_one() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: LabX\n");
    let ids = [
        "test-card",
        "brainstorm",
        "scale-decision",
        "learning-card",
        "impact-effort",
    ];
    for id in ids {
        lab.run(&[
            "run",
            id,
            "--answers",
            fixture(&format!("answers/{id}.yaml")).to_str().unwrap(),
            "--session",
            &format!("seed/{id}.yaml"),
        ])
        .ok();
    }
    for n in 0..49 {
        let id = ids[n % ids.len()];
        let mut text = std::fs::read_to_string(lab.path().join(format!("seed/{id}.yaml"))).unwrap();
        text = text.replace(
            "started: 2",
            &format!("started: {}", if n < 10 { "2025" } else { "2" }),
        );
        if n % 3 == 0 {
            text = text.replace("status: finished", "status: in_progress");
        }
        lab.write(&format!("sessions/{n:02}-{id}.yaml"), text);
    }
    lab.write("sessions/zz-damaged.yaml", "schema: 1\nmethod: [\n");
    let run = lab.run(&["portfolio", "--format", "json"]).ok();
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(rows.len(), 49);
    assert_eq!(
        run.stderr.matches("zz-damaged.yaml").count(),
        1,
        "{}",
        run.stderr
    );
    let decisions: Vec<&str> = rows.iter().filter_map(|r| r["decision"].as_str()).collect();
    assert!(
        !decisions.is_empty(),
        "scale-decision and learning-card sessions show their decision"
    );
    assert!(
        rows.iter()
            .any(|r| r["title"].as_str().is_some_and(|t| t.contains("SMS")))
    );
    let open = lab
        .run(&["portfolio", "--status", "in_progress", "--format", "json"])
        .ok();
    let open: Vec<serde_json::Value> = serde_json::from_str(&open.stdout).unwrap();
    assert_eq!(open.len(), 17);
    let csv = lab
        .run(&["portfolio", "--stage", "experiment", "--format", "csv"])
        .ok()
        .stdout;
    assert!(csv.starts_with("file,method,name,playbook,title,stage,status,decision,facilitator,started,updated,finished\n"));
    assert!(
        csv.lines().skip(1).all(|l| l.contains(",experiment,")),
        "{csv}"
    );
    let recent = lab
        .run(&["portfolio", "--since", "2026-01-01", "--format", "json"])
        .ok();
    let recent: Vec<serde_json::Value> = serde_json::from_str(&recent.stdout).unwrap();
    assert_eq!(recent.len(), 39);
    let html = lab.run(&["portfolio", "--format", "html"]).ok().stdout;
    assert!(
        html.contains("<h1>Lab portfolio</h1>") && html.contains("By stage"),
        "{html}"
    );
    lab.run(&["portfolio", "--status", "done"]).code(2);
}
