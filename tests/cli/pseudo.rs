//! A language is a file drop: a pseudo-language (`qps`, in ISO 639's range for local use), made
//! here from `i18n/en.ftl` and the built-in Test Card, every string bracketed `⟦…⟧`, its
//! letters swapped for accented look-alikes and its vowels doubled (about a third longer). A
//! session and a report in it must show no English and no string cut short; `validate --lang`
//! lists what a partial translation lacks.

use std::path::Path;

use fluent_syntax::ast;

use crate::support::{Lab, fixture};

const CODE: &str = "qps";

/// Letters → look-alikes outside ASCII (each one terminal column wide); vowels doubled.
fn pseudo_text(text: &str) -> String {
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

/// `en.ftl` with every message's text pseudo-translated and bracketed.
fn pseudo_ftl() -> String {
    let en =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("i18n/en.ftl")).unwrap();
    let mut resource = fluent_syntax::parser::parse(en).unwrap();
    for entry in &mut resource.body {
        if let ast::Entry::Message(message) = entry
            && let Some(pattern) = &mut message.value
        {
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
    let allowed = ["qps", "md", "yaml", "test-card", "labkit", "tmp"];
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
    let session = std::fs::read_dir(lab.path().join("sessions"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
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
