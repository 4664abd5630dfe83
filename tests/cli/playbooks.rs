//! Playbooks: validation fixtures, scripted runs of every built-in playbook, carried answers,
//! one report for the whole workshop, agendas and calendars, and the portfolio.

use labkit::library::{Library, Origin};

use crate::support::{Lab, fixture, pin_session_dates, snapshot};

#[test]
fn each_invalid_playbook_reports_its_exact_errors() {
    // `invalid-blocks` holds the defects of a block's `guide` and `tables`, which the JSON
    // Schema test does not list.
    let mut checked = 0;
    let entries = ["playbooks/invalid", "playbooks/invalid-blocks"]
        .into_iter()
        .flat_map(|dir| std::fs::read_dir(fixture(dir)).unwrap());
    for entry in entries {
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
    assert!(checked >= 16);
}

fn answers(id: &str) -> String {
    fixture(&format!("answers/playbooks/{id}.yaml"))
        .to_str()
        .unwrap()
        .to_owned()
}

/// The example answers of a playbook in a language: English in `answers/`, European Portuguese
/// in `answers-pt/`.
fn answers_in(id: &str, lang: &str) -> String {
    let dir = if lang == "pt" {
        "answers-pt"
    } else {
        "answers"
    };
    fixture(&format!("{dir}/playbooks/{id}.yaml"))
        .to_str()
        .unwrap()
        .to_owned()
}

fn pin_dates(lab: &Lab, file: &str) {
    pin_session_dates(lab, file, "2027-02-10T09:30:00Z");
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
    // Its reports in both languages are snapshotted, from the answers in each language, by
    // `the_experiment_plan_tests_the_riskiest_assumption_of_the_first_priority`.
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
    let library = Library::load_layers(&[]);
    let ids: Vec<String> = library
        .entries()
        .filter(|e| e.origin == Origin::BuiltIn)
        .filter_map(|e| match &e.doc {
            labkit::method::Document::Playbook(p) => Some(p.id.clone()),
            _ => None,
        })
        .collect();
    assert!(ids.len() >= 6, "{ids:?}");
    for id in &ids {
        for lang in ["en", "pt"] {
            let lab = Lab::new();
            lab.run(&[
                "--lang",
                lang,
                "run",
                id,
                "--answers",
                &answers_in(id, lang),
                "--session",
                "s.yaml",
                "--report",
                "r.md",
            ])
            .ok();
            let md = std::fs::read_to_string(lab.path().join("r.md")).unwrap();
            assert!(md.matches("\n## ").count() >= 3, "{id} ({lang}): {md}");
        }
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
    assert!(
        table.contains(
            "Total 9h10m over 2 days; the last is Thursday 11 February 2027, until 15:40"
        ),
        "{table}"
    );
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
    assert!(sprint.contains("## Day 5 — Friday 14 May 2027"), "{sprint}");
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
    assert_eq!(events, 13, "one event per block");
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

/// Runs a playbook from its answers with some carried answers taken out and `--defaults`, and
/// returns the session's answers: what the playbook carried from earlier methods.
fn carried(id: &str, lang: &str, remove: &[(&str, &str)]) -> serde_yaml::Value {
    let lab = Lab::new();
    let full = std::fs::read_to_string(answers_in(id, lang)).unwrap();
    let mut doc: serde_yaml::Value = serde_yaml::from_str(&full).unwrap();
    for (method, question) in remove {
        doc["answers"][*method]
            .as_mapping_mut()
            .unwrap()
            .remove(*question)
            .unwrap_or_else(|| panic!("{id}: {method}.{question} not in the answers"));
    }
    lab.write("partial.yaml", serde_yaml::to_string(&doc).unwrap());
    lab.run(&[
        "--lang",
        lang,
        "run",
        id,
        "--answers",
        "partial.yaml",
        "--defaults",
        "--no-input",
        "--session",
        "s.yaml",
    ])
    .ok();
    let session: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(lab.path().join("s.yaml")).unwrap()).unwrap();
    session["answers"].clone()
}

fn text(v: &serde_yaml::Value) -> String {
    v.as_str().unwrap_or_default().trim().to_owned()
}

/// Each playbook this library ships for a lab day runs from its example answers in English and
/// in European Portuguese into one report per language, snapshotted.
fn runs_in_both_languages(id: &str, headings: &[(&str, &str)]) {
    for lang in ["en", "pt"] {
        let lab = Lab::new();
        lab.run(&[
            "--lang",
            lang,
            "run",
            id,
            "--answers",
            &answers_in(id, lang),
            "--no-input",
            "--session",
            "s.yaml",
            "--lab",
            "LabX",
            "--facilitator",
            "Ana Sousa",
        ])
        .ok();
        pin_dates(&lab, "s.yaml");
        let md = lab.run(&["--lang", lang, "report", "s.yaml"]).ok().stdout;
        for (en, pt) in headings {
            let heading = if lang == "pt" { pt } else { en };
            assert!(md.contains(heading), "{id} ({lang}): {heading} missing");
        }
        snapshot(&format!("playbook-{id}.{lang}.md"), &md);
    }
}

#[test]
fn policy_lab_day_carries_the_day_from_fieldwork_to_the_riskiest_assumption() {
    runs_in_both_languages(
        "policy-lab-day",
        &[
            ("## Empathy Map", "## Mapa de Empatia"),
            ("## Brainstorm", "## Brainstorm"),
            ("## Assumptions Map", "## Mapa de Pressupostos"),
        ],
    );
    for lang in ["en", "pt"] {
        let a = carried(
            "policy-lab-day",
            lang,
            &[
                ("problem-framing", "problem"),
                ("assumptions-map", "idea"),
                ("test-card", "test_name"),
                ("test-card", "owner"),
            ],
        );
        assert_eq!(
            text(&a["problem-framing"]["problem"]),
            text(&a["empathy-map"]["point_of_view"]),
            "the framing starts from the voices from fieldwork"
        );
        assert_eq!(
            text(&a["assumptions-map"]["idea"]),
            text(&a["impact-effort"]["priorities"][0]["item"]),
            "the assumptions are those of the first impact/effort priority"
        );
        assert_eq!(
            text(&a["test-card"]["test_name"]),
            text(&a["assumptions-map"]["to_test_rank"][0]),
            "the Test Card is named after the riskiest assumption"
        );
        assert_eq!(
            text(&a["test-card"]["owner"]),
            text(&a["assumptions-map"]["test_card_owner"])
        );
    }
}

#[test]
fn the_experiment_plan_tests_the_riskiest_assumption_of_the_first_priority() {
    runs_in_both_languages(
        "experiment-plan",
        &[
            ("## Evidence Review", "## Revisão da Evidência"),
            ("## Test Card", "## Cartão de Teste"),
        ],
    );
    for lang in ["en", "pt"] {
        let a = carried(
            "experiment-plan",
            lang,
            &[
                ("evidence-review", "intervention"),
                ("assumptions-map", "idea"),
                ("test-card", "test_name"),
                ("test-card", "hypothesis"),
                ("trial-design", "trial_question"),
            ],
        );
        let first = text(&a["impact-effort"]["priorities"][0]["item"]);
        assert_ne!(
            first,
            text(&a["brainstorm"]["shortlist_rank"][0]),
            "the example tells the priorities from the brainstorm's favourite"
        );
        assert_eq!(text(&a["evidence-review"]["intervention"]), first);
        assert_eq!(text(&a["assumptions-map"]["idea"]), first);
        let riskiest = text(&a["assumptions-map"]["to_test_rank"][0]);
        assert_eq!(text(&a["test-card"]["test_name"]), riskiest);
        assert_eq!(text(&a["test-card"]["hypothesis"]), riskiest);
        assert_eq!(text(&a["trial-design"]["trial_question"]), riskiest);
    }
}

#[test]
fn discovery_goes_from_fieldwork_to_a_problem_framed_on_evidence() {
    runs_in_both_languages(
        "discovery",
        &[
            ("## Fieldwork Notes", "## Notas de Terreno"),
            ("## Research Synthesis", "## Síntese da Investigação"),
            ("## Problem Framing", "## Enquadramento do Problema"),
        ],
    );
    for lang in ["en", "pt"] {
        let a = carried(
            "discovery",
            lang,
            &[
                ("research-synthesis", "research_questions"),
                ("journey-map", "persona"),
                ("problem-framing", "problem"),
                ("problem-framing", "hmw_questions"),
            ],
        );
        assert_eq!(
            a["research-synthesis"]["research_questions"],
            a["interview-guide"]["learning_goals"]
        );
        let persona = &a["personas"]["personas"][0];
        assert_eq!(
            text(&a["journey-map"]["persona"]),
            format!(
                "{}: {}",
                text(&persona["name"]),
                text(&persona["situation"])
            )
        );
        assert_eq!(
            text(&a["problem-framing"]["problem"]),
            text(&a["research-synthesis"]["insights"][0]["insight"])
        );
        assert_eq!(
            a["problem-framing"]["hmw_questions"],
            a["journey-map"]["opportunities"]
        );
    }
}

#[test]
fn lab_setup_runs_in_both_languages() {
    runs_in_both_languages(
        "lab-setup",
        &[
            ("## Lab Canvas", "## Canvas do Laboratório"),
            ("## Project Charter", "## Carta de Projeto"),
        ],
    );
}

/// Test and Learn: the readout, the learning card and the scale decision of one trial, with
/// the scaling questions answered; in Portuguese the numbers read with a decimal comma.
#[test]
fn test_and_learn_runs_in_both_languages() {
    runs_in_both_languages(
        "test-and-learn",
        &[
            (
                "## Experiment Readout",
                "## Leitura dos Resultados do Ensaio",
            ),
            ("### Can it scale?", "### Pode ser expandido?"),
            (
                "| 6.7 | 4.6 | 8.8 | 0.000001 |",
                "| 6,7 | 4,6 | 8,8 | 0,000001 |",
            ),
        ],
    );
}

#[test]
fn group_sizes_must_fit_the_playbook_or_run_in_tables() {
    let lab = Lab::new();
    let file = fixture("playbooks/groups/whole-room-too-big.yaml");
    let run = lab.run(&["validate", file.to_str().unwrap()]).code(1);
    let shown = file.display().to_string();
    assert!(
        run.stderr.contains(&format!(
            "{shown}:9:5: methods[0].method: `problem-framing` is sized for 3–8 people but the playbook is for 10–20"
        )),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("hint: with `tables: true`, 20 people need 3 tables"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(&format!(
            "{shown}:18:5: methods[4].tables: `what-so-what-now-what` (4+ people) is not a sensible table size"
        )),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("error:").count(),
        2,
        "1-2-4-All covers any room, and two tables of hopes and fears or brainstorm are fine:\n{}",
        run.stderr
    );
    // A table size the playbook gives must suit the method, and the run says how many tables.
    let file = fixture("playbooks/groups/tables-outside-the-method.yaml");
    let run = lab.run(&["validate", file.to_str().unwrap()]).code(1);
    assert!(
        run.stderr.contains(&format!(
            "{}:10:5: methods[0].tables: tables of 2–3 people do not suit `brainstorm`, which is made for 4–12",
            file.display()
        )),
        "{}",
        run.stderr
    );
    let show = lab.run(&["show", "policy-lab-day"]).ok().stdout;
    assert!(show.contains("in parallel tables of 4-6 people"), "{show}");
    // The playbooks shipped here pass the check.
    let all = lab.run(&["validate"]).stderr;
    for id in [
        "policy-lab-day",
        "experiment-plan",
        "discovery",
        "lab-setup",
    ] {
        assert!(
            !all.contains(&format!("playbooks/{id}.yaml")),
            "{id}:\n{all}"
        );
    }
}

#[test]
fn show_and_json_carry_a_blocks_guide_and_tables() {
    let lab = Lab::new();
    let json = lab
        .run(&["show", "policy-lab-day", "--format", "json"])
        .ok()
        .stdout;
    let doc: serde_json::Value = serde_json::from_str(&json).unwrap();
    let blocks = doc["blocks"].as_array().unwrap();
    let framing = blocks
        .iter()
        .find(|b| b["method"] == "problem-framing")
        .unwrap();
    assert_eq!(framing["tables"], true);
    assert!(
        framing["guide"]["pt"]
            .as_str()
            .is_some_and(|g| g.contains("Plenário")),
        "{framing}"
    );
}
