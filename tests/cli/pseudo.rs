//! A language is a file drop: a pseudo-language (`qps`, in ISO 639's range for local use), made
//! here from `i18n/en.ftl` and the built-in Test Card, every string bracketed `⟦…⟧`, its
//! letters swapped for accented look-alikes and its vowels doubled (about a third longer). A
//! session and a report in it must show no English and no string cut short; `validate --lang`
//! lists what a partial translation lacks.

use std::path::Path;

use fluent_syntax::ast;

use crate::support::{Lab, fixture};

const CODE: &str = "qps";

/// The keys labkit reads, which a translation keeps as they are (`validate --lang` checks the
/// hints for them): left alone here too.
fn is_key(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && !"<-/↑↓".contains(c));
    ["Enter", "Esc", "Ctrl-C"].contains(&word) || (word.len() == 2 && word.starts_with('/'))
}

/// Letters → look-alikes outside ASCII (each one terminal column wide); vowels doubled; keys
/// kept.
fn pseudo_text(text: &str) -> String {
    text.split_inclusive(' ')
        .map(|word| {
            if is_key(word) {
                word.to_owned()
            } else {
                pseudo_word(word)
            }
        })
        .collect()
}

fn pseudo_word(text: &str) -> String {
    const FROM: &str = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    const TO: &str = "áƀçďéƒĝĥíĵķĺɱñóþʠŕšţúṽŵẋýžÁƁÇĎÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ";
    let to: Vec<char> = TO.chars().collect();
    let mut out = String::with_capacity(text.len() * 2);
    for c in text.chars() {
        match FROM.find(c) {
            Some(i) => {
                out.push(to[i]);
                if "aeiouAEIOU".contains(c) {
                    out.push(to[i]);
                }
            }
            None => out.push(c),
        }
    }
    out
}

/// A whole string, bracketed.
fn pseudo(text: &str) -> String {
    format!("⟦{}⟧", pseudo_text(text))
}

fn pseudo_pattern(pattern: &mut ast::Pattern<String>) {
    for element in &mut pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => *value = pseudo_text(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Select { variants, .. },
            } => {
                for variant in variants {
                    pseudo_pattern(&mut variant.value);
                }
            }
            ast::PatternElement::Placeable { .. } => {}
        }
    }
}

/// Messages that are comma-separated lists of names, each name bracketed on its own.
const LISTS: &[&str] = &["date-months", "date-weekdays"];

/// `en.ftl` with every message's text pseudo-translated and bracketed.
fn pseudo_ftl() -> String {
    let en =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n/en.ftl")).unwrap();
    let mut resource = fluent_syntax::parser::parse(en).unwrap();
    for entry in &mut resource.body {
        if let ast::Entry::Message(message) = entry
            && let Some(pattern) = &mut message.value
        {
            // Lists of names (months, weekdays) are split at their commas: each name whole.
            if LISTS.contains(&message.id.name.as_str())
                && let [ast::PatternElement::TextElement { value }] = &mut pattern.elements[..]
            {
                *value = value.split(", ").map(pseudo).collect::<Vec<_>>().join(", ");
                continue;
            }
            pseudo_pattern(pattern);
            let open = ast::PatternElement::TextElement {
                value: "⟦".into()
            };
            let close = ast::PatternElement::TextElement {
                value: "⟧".into()
            };
            pattern.elements.insert(0, open);
            pattern.elements.push(close);
        }
    }
    fluent_syntax::serializer::serialize(&resource)
}

/// Adds `qps` to every map of languages in a method file.
fn pseudo_method(value: &mut serde_yaml::Value) {
    use serde_yaml::Value;
    match value {
        Value::Mapping(map) => {
            let english = map.get("en").and_then(Value::as_str).map(str::to_owned);
            let is_text =
                english.is_some() && map.keys().all(|k| k.as_str().is_some_and(|k| k.len() <= 3));
            match english {
                Some(english) if is_text => {
                    map.insert(CODE.into(), pseudo(&english).into());
                }
                _ => map.values_mut().for_each(pseudo_method),
            }
        }
        Value::Sequence(items) => items.iter_mut().for_each(pseudo_method),
        _ => {}
    }
}

/// The Test Card's answers with their free text pseudo-translated too (choice ids, dates,
/// numbers and flags stay), so that any English left in the output is labkit's.
fn pseudo_answers() -> String {
    let text = std::fs::read_to_string(fixture("answers/test-card.yaml")).unwrap();
    let mut value: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    if let Some(answers) = value.get_mut("answers").and_then(|a| a.as_mapping_mut()) {
        for v in answers.values_mut() {
            if let Some(s) = v.as_str()
                && s.contains(' ')
            {
                *v = pseudo(s.trim()).into();
            }
        }
    }
    serde_yaml::to_string(&value).unwrap()
}

fn lab() -> Lab {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: ⟦Ĺááƀ⟧\n");
    lab.write(&format!("i18n/{CODE}.ftl"), pseudo_ftl());
    let built_in = Path::new(env!("CARGO_MANIFEST_DIR")).join("methods/test-card.yaml");
    let mut method: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(built_in).unwrap()).unwrap();
    pseudo_method(&mut method);
    lab.write(
        "methods/test-card.yaml",
        serde_yaml::to_string(&method).unwrap(),
    );
    lab.write("answers.yaml", pseudo_answers());
    lab
}

/// Words of plain ASCII letters (two or more) that are not ids or codes the output is meant to
/// show as they are.
fn english_words(text: &str) -> Vec<String> {
    // Key names stay as they are in every language: they are what labkit reads.
    let allowed = [
        "qps",
        "md",
        "yaml",
        "test-card",
        "labkit",
        "tmp",
        "Enter",
        "Esc",
        "Ctrl-C",
    ];
    let mut words: Vec<String> = text
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
        .filter(|w| w.chars().filter(char::is_ascii_alphabetic).count() >= 2)
        // Paths and file names the output names (sessions/2026-…-test-card.yaml).
        .filter(|w| !w.contains('.') && !w.contains("session"))
        .filter(|w| !allowed.contains(w))
        .map(str::to_owned)
        .collect();
    words.sort();
    words.dedup();
    words
}

/// Every `⟦` closed by a `⟧`, in order: nothing cut short.
fn balanced(text: &str) -> bool {
    let mut open = 0usize;
    for c in text.chars() {
        match c {
            '⟦' => open += 1,
            '⟧' if open == 0 => return false,
            '⟧' => open -= 1,
            _ => {}
        }
    }
    open == 0
}

#[test]
fn a_session_and_a_report_in_a_language_dropped_in_as_a_file() {
    let lab = lab();
    let run = lab
        .run(&[
            "--lang",
            CODE,
            "run",
            "test-card",
            "--answers",
            "answers.yaml",
            "--no-input",
            "--facilitator",
            "⟦Ááñáá⟧",
        ])
        .ok();
    let said = format!("{}{}", run.stdout, run.stderr);
    assert!(said.contains('⟦'), "{said}");
    let session = crate::support::only_session(&lab);
    let saved = std::fs::read_to_string(&session).unwrap();
    assert!(saved.contains(&format!("language: {CODE}")), "{saved}");

    // The session keeps its language: no --lang needed for the report.
    let report = lab
        .run(&["report", session.to_str().unwrap(), "--format", "md"])
        .ok()
        .stdout;
    assert!(report.contains("⟦Ţééšţ Çááŕď⟧"), "{report}");
    for (what, text) in [("run", &said), ("report", &report)] {
        assert_eq!(english_words(text), Vec::<String>::new(), "{what}:\n{text}");
        assert!(balanced(text), "{what}: a string cut short:\n{text}");
    }

    // Tables and the method's card: every string whole.
    for args in [
        &["--lang", CODE, "list", "--stage", "experiment"][..],
        &["--lang", CODE, "show", "test-card"][..],
    ] {
        let out = lab.run(args).ok().stdout;
        assert!(out.contains('⟦'), "{out}");
        assert!(balanced(&out), "{args:?}: a string cut short:\n{out}");
    }
    // In the list every cell is one line: each line's strings are whole.
    let list = lab.run(&["--lang", CODE, "list"]).ok().stdout;
    for line in list.lines() {
        assert!(balanced(line), "a cell cut short: {line}\n{list}");
    }

    // Complete as generated: nothing to list.
    lab.run(&["validate", "--lang", CODE, "methods/"]).ok();
}

#[test]
fn validate_lists_what_a_translation_lacks_and_english_fills_in() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: LabX\n");
    lab.write(
        &format!("i18n/{CODE}.ftl"),
        "col-id = ⟦ÍĎ⟧\nno-such-message = x\nbroken = { $\nreport-footer = ⟦Ɱááďéé⟧ { $day }\n",
    );
    lab.write(
        "methods/mine.yaml",
        "schema: 1\nid: mine\nname: { en: Mine, qps: ⟦Ɱíñé⟧ }\nsummary: { en: Mine to test. }\nstage: ideation\nduration: 20m\nsteps:\n  - id: one\n    title: One\n    questions:\n      - id: ideas\n        type: list\n        prompt: { en: Ideas, pt: Ideias }\n",
    );
    let run = lab.run(&["validate", "--lang", CODE]).code(1);
    let err = run.stderr;
    assert!(
        err.contains("methods/mine.yaml:4:1: summary: not translated into `qps`"),
        "{err}"
    );
    assert!(
        err.contains("steps[0].questions[0].prompt: not translated"),
        "{err}"
    );
    assert!(!err.contains("mine.yaml:3"), "{err}");
    assert!(
        err.contains("col-name: labkit's message not translated into `qps`"),
        "{err}"
    );
    assert!(!err.contains("col-id:"), "{err}");
    assert!(
        err.contains("no-such-message: not a message labkit has"),
        "{err}"
    );
    assert!(err.contains("broken: does not parse as Fluent"), "{err}");
    assert!(
        err.contains("report-footer: uses other variables than English: English has { $date }, this file { $day }"),
        "{err}"
    );
    // Missing messages fall back to English; the translated ones are used.
    let list = lab.run(&["--lang", CODE, "list"]).ok().stdout;
    assert!(list.contains("⟦ÍĎ⟧") && list.contains("Name"), "{list}");
    // Without the file, the language is refused with a hint.
    let refused = lab.run(&["--lang", "zz", "list"]).code(2).stderr;
    assert!(refused.contains("i18n/zz.ftl"), "{refused}");
    // A built-in language is checked the same way (the method lacks Portuguese).
    lab.run(&["validate", "--lang", "pt", "methods/"]).code(1);
}

/// Every string a method names as an id (question, field, criterion, choice values): answers
/// give these as they are, so they stay untranslated.
fn ids_of(value: &serde_yaml::Value, out: &mut std::collections::BTreeSet<String>) {
    use serde_yaml::Value;
    match value {
        Value::Mapping(map) => {
            for (k, v) in map {
                match (k.as_str(), v) {
                    (Some("id" | "value" | "method"), Value::String(id)) => {
                        out.insert(id.clone());
                    }
                    (Some("choices"), Value::Sequence(choices)) => {
                        for c in choices {
                            if let Some(c) = c.as_str() {
                                out.insert(c.to_owned());
                            }
                        }
                    }
                    _ => {}
                }
                ids_of(v, out);
            }
        }
        Value::Sequence(items) => items.iter().for_each(|v| ids_of(v, out)),
        _ => {}
    }
}

/// An answers value with its free text pseudo-translated: every string with a letter in it
/// that is not one of the method's ids, in keys too (the items of a vote or a score are the
/// entries of an earlier list, translated the same way); numbers, dates and flags stay.
fn pseudo_answer(value: &mut serde_yaml::Value, ids: &std::collections::BTreeSet<String>) {
    use serde_yaml::Value;
    let text = |s: &str| {
        if s.chars().any(|c| c.is_ascii_alphabetic()) && !ids.contains(s.trim()) {
            pseudo(s.trim())
        } else {
            s.to_owned()
        }
    };
    match value {
        Value::String(s) => *s = text(s),
        Value::Sequence(items) => items.iter_mut().for_each(|v| pseudo_answer(v, ids)),
        Value::Mapping(map) => {
            let entries: Vec<(Value, Value)> = std::mem::take(map).into_iter().collect();
            for (k, mut v) in entries {
                pseudo_answer(&mut v, ids);
                let k = match k {
                    Value::String(s) => Value::String(text(&s)),
                    other => other,
                };
                map.insert(k, v);
            }
        }
        _ => {}
    }
}

/// The playbooks the test runs as well, from their answers fixtures.
const PLAYBOOKS: &[&str] = &[
    "design-sprint",
    "discovery",
    "experiment-plan",
    "lab-setup",
    "policy-lab-day",
    "test-and-learn",
];

#[test]
fn every_built_in_method_and_playbook_runs_and_reports_in_a_language_dropped_in() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: ⟦Ĺááƀ⟧\n");
    lab.write(&format!("i18n/{CODE}.ftl"), pseudo_ftl());
    // Every method, and the playbooks in PLAYBOOKS (a playbook's answers keep the ids of every
    // method it runs, so the ids of all methods are kept for it).
    let mut ids = Vec::new();
    let mut all_ids = std::collections::BTreeSet::new();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(root.join("methods")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "yaml") {
            files.push((path, false));
        }
    }
    let methods = files.len();
    for id in PLAYBOOKS {
        files.push((root.join(format!("methods/playbooks/{id}.yaml")), true));
    }
    let mut parsed = Vec::new();
    for (path, playbook) in files {
        let id = path.file_stem().unwrap().to_str().unwrap().to_owned();
        let method: serde_yaml::Value =
            serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        let mut method_ids = std::collections::BTreeSet::new();
        ids_of(&method, &mut method_ids);
        all_ids.extend(method_ids.iter().cloned());
        parsed.push((id, playbook, method, method_ids));
    }
    for (id, playbook, mut method, method_ids) in parsed {
        let (dir, ids_kept) = if playbook {
            ("methods/playbooks", &all_ids)
        } else {
            ("methods", &method_ids)
        };
        pseudo_method(&mut method);
        lab.write(
            &format!("{dir}/{id}.yaml"),
            serde_yaml::to_string(&method).unwrap(),
        );
        let answers_file = if playbook {
            format!("answers/playbooks/{id}.yaml")
        } else {
            format!("answers/{id}.yaml")
        };
        let answers = std::fs::read_to_string(fixture(&answers_file)).unwrap();
        let mut answers: serde_yaml::Value = serde_yaml::from_str(&answers).unwrap();
        if let Some(a) = answers.get_mut("answers") {
            pseudo_answer(a, ids_kept);
        }
        lab.write(
            &format!("answers/{id}.yaml"),
            serde_yaml::to_string(&answers).unwrap(),
        );
        ids.push(id);
    }
    assert!(methods >= 43, "only {methods} methods");

    let mut problems = Vec::new();
    for id in &ids {
        let before: Vec<_> = sessions(&lab);
        let run = lab.run(&[
            "--lang",
            CODE,
            "run",
            id,
            "--answers",
            &format!("answers/{id}.yaml"),
            "--no-input",
            "--facilitator",
            "⟦Ááñáá⟧",
        ]);
        let said = format!("{}{}", run.stdout, run.stderr);
        if run.code != 0 {
            problems.push(format!("{id}: run failed:\n{said}"));
            continue;
        }
        let session = sessions(&lab)
            .into_iter()
            .find(|s| !before.contains(s))
            .unwrap_or_else(|| panic!("{id}: no new session\n{said}"));
        let report = lab.run(&["report", session.to_str().unwrap(), "--format", "md"]);
        if report.code != 0 {
            problems.push(format!("{id}: report failed:\n{}", report.stderr));
            continue;
        }
        for (what, text) in [("run", &said), ("report", &report.stdout)] {
            // The method's id is in the session file's name the run prints.
            let english: Vec<String> = english_words(text)
                .into_iter()
                .filter(|w| w != id)
                .collect();
            if !english.is_empty() {
                problems.push(format!("{id} {what}: English: {english:?}"));
            }
            if !balanced(text) {
                problems.push(format!("{id} {what}: a string cut short:\n{text}"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The session files in the lab, sorted.
fn sessions(lab: &Lab) -> Vec<std::path::PathBuf> {
    let mut found: Vec<_> = std::fs::read_dir(lab.path().join("sessions"))
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    found.sort();
    found
}
