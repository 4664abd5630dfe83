//! The Design Sprint playbook on the GV structure: it runs end to end from its example answers in
//! English and in Portuguese (report snapshots `playbook-design-sprint.{en,pt}.md`), its data
//! flows from day to day (target → sketch challenge, solution sketches → decision, supervote →
//! storyboard, sprint questions → prototype and test), and its block titles name days, never
//! weekdays (the agenda labels days from the calendar).

use crate::support::{Lab, fixture, pin_session_dates, snapshot};

fn answers(dir: &str) -> String {
    fixture(&format!("{dir}/playbooks/design-sprint.yaml"))
        .to_str()
        .unwrap()
        .to_owned()
}

fn pin_dates(lab: &Lab, file: &str) {
    pin_session_dates(lab, file, "2027-05-14T17:00:00Z");
}

#[test]
fn the_design_sprint_runs_from_its_answers_in_both_languages() {
    for (lang, dir) in [("en", "answers"), ("pt", "answers-pt")] {
        let lab = Lab::new();
        lab.run(&[
            "--lang",
            lang,
            "run",
            "design-sprint",
            "--answers",
            &answers(dir),
            "--session",
            "sprint.yaml",
            "--lab",
            "LabX",
            "--facilitator",
            "Ana Sousa",
            "--no-input",
        ])
        .ok();
        let text = std::fs::read_to_string(lab.path().join("sprint.yaml")).unwrap();
        assert!(text.contains("status: finished"), "{lang}: {text}");
        for method in [
            "sprint-map:",
            "ask-the-experts:",
            "lightning-demos:",
            "crazy-eights:",
            "decision-sequence:",
            "storyboard:",
            "prototype-plan:",
            "user-testing:",
            "learning-card:",
        ] {
            assert!(
                text.contains(&format!("\n  {method}\n")),
                "{lang}: {method} missing from\n{text}"
            );
        }
        pin_dates(&lab, "sprint.yaml");
        let md = lab
            .run(&["--lang", lang, "report", "sprint.yaml"])
            .ok()
            .stdout;
        snapshot(&format!("playbook-design-sprint.{lang}.md"), &md);
    }
}

#[test]
fn the_sprint_carries_each_days_results_into_the_next() {
    let lab = Lab::new();
    let full = std::fs::read_to_string(answers("answers")).unwrap();
    let mut doc: serde_yaml::Value = serde_yaml::from_str(&full).unwrap();
    let a = doc["answers"].as_mapping_mut().unwrap();
    for (method, question) in [
        ("lightning-demos", "focus"),
        ("crazy-eights", "sketch_challenge"),
        ("decision-sequence", "options"),
        ("storyboard", "winning_sketches"),
        ("prototype-plan", "learning_questions"),
        ("prototype-plan", "builder"),
        ("user-testing", "test_questions"),
    ] {
        a.get_mut(method)
            .unwrap()
            .as_mapping_mut()
            .unwrap()
            .remove(question)
            .unwrap();
    }
    let target = format!(
        "{}: {}",
        a["ask-the-experts"]["target_people"].as_str().unwrap(),
        a["ask-the-experts"]["target_step"].as_str().unwrap()
    );
    let titles: Vec<String> = a["crazy-eights"]["solution_sketches"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|s| s["title"].as_str().unwrap().to_owned())
        .collect();
    let questions = a["sprint-map"]["sprint_questions"].clone();
    let owner = a["decision-sequence"]["prototype_owner"].clone();
    let mut supervote: Vec<(String, u64)> = a["decision-sequence"]["supervote"]
        .as_mapping()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.as_str().unwrap().to_owned(), v.as_u64().unwrap()))
        .collect();
    supervote.sort_by_key(|r| std::cmp::Reverse(r.1));
    let winners: Vec<String> = supervote.into_iter().take(2).map(|r| r.0).collect();
    lab.write("partial.yaml", serde_yaml::to_string(&doc).unwrap());
    lab.run(&[
        "run",
        "design-sprint",
        "--answers",
        "partial.yaml",
        "--defaults",
        "--session",
        "s.yaml",
        "--no-input",
    ])
    .ok();
    let session: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(lab.path().join("s.yaml")).unwrap()).unwrap();
    let got = &session["answers"];
    assert_eq!(
        got["lightning-demos"]["focus"].as_str(),
        Some(target.as_str())
    );
    assert_eq!(
        got["crazy-eights"]["sketch_challenge"].as_str(),
        Some(target.as_str())
    );
    let options: Vec<String> = got["decision-sequence"]["options"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(options, titles, "the solution sketches go on the wall");
    let storyboard: Vec<String> = got["storyboard"]["winning_sketches"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(storyboard, winners, "the supervote's two winners");
    assert_eq!(got["prototype-plan"]["learning_questions"], questions);
    assert_eq!(got["user-testing"]["test_questions"], questions);
    assert_eq!(got["prototype-plan"]["builder"], owner);
}

#[test]
fn block_titles_name_days_not_weekdays() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("methods/playbooks/design-sprint.yaml");
    let doc: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let weekdays = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "segunda",
        "terça",
        "quarta",
        "quinta",
        "sexta",
    ];
    let mut days = 0;
    for block in doc["methods"].as_sequence().unwrap() {
        for lang in ["en", "pt"] {
            let title = block["title"][lang].as_str().unwrap_or_default();
            let lower = title.to_lowercase();
            assert!(
                !weekdays.iter().any(|w| lower.contains(w)),
                "a weekday in {title:?}"
            );
        }
        if block.get("day").is_some() {
            days += 1;
        }
    }
    assert_eq!(days, 5, "five days");
}

#[test]
fn the_crazy_eights_stay_private_and_feed_a_solution_sketch() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("methods/crazy-eights.yaml");
    let doc: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let questions: Vec<&serde_yaml::Value> = doc["steps"]
        .as_sequence()
        .unwrap()
        .iter()
        .filter_map(|s| s["questions"].as_sequence())
        .flatten()
        .collect();
    assert!(
        questions
            .iter()
            .all(|q| !matches!(q["type"].as_str(), Some("vote" | "score" | "rank"))),
        "nothing is voted on in the sketching: the Crazy 8s stay with their authors"
    );
    assert!(
        questions
            .iter()
            .any(|q| q["id"] == "solution_sketches" && q["type"] == "records"),
        "the four steps end in solution sketches"
    );
}
