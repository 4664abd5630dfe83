//! The Portuguese glossary (docs/glossario.md) is kept: none of its rejected forms appears in any
//! Portuguese string of the built-in methods and playbooks, the built-in report templates, the
//! Portuguese message catalogue, the printed catalogue docs/catalogo.md, or the Portuguese
//! example answers (tests/fixtures/answers-pt).
//!
//! The rejected forms live in one place, the table under "## Formas rejeitadas" in the glossary;
//! this test reads them from there. Methods and playbooks come from the library (every built-in
//! it loads), and each file's YAML is walked for every `pt:` value, so a field added to the
//! format later (a playbook entry's `guide`, `tables`…) is checked without touching this test,
//! and a finding names its field path (`steps[2].guide.pt`). Templates are scanned whole, line by
//! line: their English text never contains these Portuguese words. Matching is by whole word,
//! case-insensitive; a form ending in `*` takes any ending. Written by hand (a few lines of
//! char comparisons) because word boundaries must know accented letters.

use std::path::Path;

use labkit::lang::Lang;
use labkit::library::{Library, Origin};

const GLOSSARY: &str = "docs/glossario.md";
const HEADING: &str = "## Formas rejeitadas";

/// A rejected form: the words to find and whether the last one takes any ending.
struct Form {
    shown: String,
    words: Vec<String>,
    prefix: bool,
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The first column of the rejected-forms table, each form in backticks.
fn rejected_forms() -> Vec<Form> {
    let text = std::fs::read_to_string(root().join(GLOSSARY)).unwrap();
    let section = text
        .split_once(HEADING)
        .unwrap_or_else(|| panic!("{GLOSSARY} has no `{HEADING}` section"))
        .1;
    let section = section.split("\n## ").next().unwrap_or_default();
    let mut forms = Vec::new();
    for line in section.lines().filter(|l| l.starts_with("| `")) {
        let cell = line.split('|').nth(1).unwrap().trim().trim_matches('`');
        let (body, prefix) = match cell.strip_suffix('*') {
            Some(body) => (body, true),
            None => (cell, false),
        };
        forms.push(Form {
            shown: cell.to_owned(),
            words: body.split_whitespace().map(str::to_lowercase).collect(),
            prefix,
        });
    }
    forms
}

/// The words of `text`, lower-cased; a word is a run of letters and digits (accents included).
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The rejected forms found in `text`.
fn found<'a>(forms: &'a [Form], text: &str) -> Vec<&'a str> {
    let ws = words(text);
    forms
        .iter()
        .filter(|form| {
            let n = form.words.len();
            ws.windows(n).any(|win| {
                win.iter().zip(&form.words).enumerate().all(|(i, (w, f))| {
                    if form.prefix && i == n - 1 {
                        w.starts_with(f.as_str())
                    } else {
                        w == f
                    }
                })
            })
        })
        .map(|form| form.shown.as_str())
        .collect()
}

/// Every `pt` string under `value`, with its field path.
fn pt_strings(value: &serde_yaml::Value, path: &str, out: &mut Vec<(String, String)>) {
    match value {
        serde_yaml::Value::Mapping(map) => {
            for (key, v) in map {
                let key = key.as_str().unwrap_or("?");
                let here = if path.is_empty() {
                    key.to_owned()
                } else {
                    format!("{path}.{key}")
                };
                match v {
                    serde_yaml::Value::String(s) if key == "pt" => out.push((here, s.clone())),
                    _ => pt_strings(v, &here, out),
                }
            }
        }
        serde_yaml::Value::Sequence(items) => {
            for (i, v) in items.iter().enumerate() {
                pt_strings(v, &format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

fn report(findings: &mut Vec<String>, forms: &[Form], file: &str, field: &str, text: &str) {
    for form in found(forms, text) {
        findings.push(format!("{file}: {field}: `{form}`"));
    }
}

#[test]
fn the_rejected_forms_are_read_from_the_glossary_and_matched_by_whole_word() {
    let forms = rejected_forms();
    assert!(
        forms.len() >= 20,
        "only {} forms in {GLOSSARY}",
        forms.len()
    );
    let shown = |text| found(&forms, text);
    assert_eq!(shown("Equipes e Usuários"), ["equipe*", "usuári*"]);
    assert_eq!(shown("ESTAMOS   certos se…"), ["estamos certos"]);
    assert_eq!(shown("Alocação dos braços"), ["aloca*"]);
    // Whole words only, accents are letters: none of these is a rejected form.
    assert!(shown("a equipa, o utilizador, uma estatela, escalares, acordar-se").is_empty());
    assert!(shown("Temos razão se… Que ideia se destacou? Em que repararam?").is_empty());
}

#[test]
fn no_portuguese_string_uses_a_form_the_glossary_rejects() {
    let forms = rejected_forms();
    let mut findings = Vec::new();
    let mut checked = 0;

    // Built-in methods and playbooks, as the library loads them.
    let library = Library::load_layers(&[]);
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    for entry in library.entries().filter(|e| e.origin == Origin::BuiltIn) {
        let text = entry.text().unwrap();
        let yaml: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
        let mut strings = Vec::new();
        pt_strings(&yaml, "", &mut strings);
        assert!(!strings.is_empty(), "{}: no `pt` text", entry.file);
        for (field, s) in &strings {
            report(&mut findings, &forms, &entry.file, field, s);
        }
        checked += strings.len();
    }

    // Built-in report templates, line by line.
    for name in labkit::report::built_in_names() {
        let bytes = labkit::report::built_in_template(&name).unwrap();
        let text = String::from_utf8_lossy(bytes);
        let file = format!("templates/{name}.md.hbs");
        for (n, line) in text.lines().enumerate() {
            report(
                &mut findings,
                &forms,
                &file,
                &format!("line {}", n + 1),
                line,
            );
        }
        checked += 1;
    }

    // The Portuguese message catalogue.
    for key in labkit::i18n::keys() {
        let text = labkit::i18n::lookup(Lang::Pt, key).unwrap();
        report(&mut findings, &forms, "i18n/pt.ftl", key, text);
        checked += 1;
    }

    // The printed Portuguese catalogue.
    let catalogo = std::fs::read_to_string(root().join("docs/catalogo.md")).unwrap();
    for (n, line) in catalogo.lines().enumerate() {
        report(
            &mut findings,
            &forms,
            "docs/catalogo.md",
            &format!("line {}", n + 1),
            line,
        );
    }

    // The Portuguese example answers, which the Portuguese report snapshots are made from.
    let mut answer_files = Vec::new();
    for dir in [
        "tests/fixtures/answers-pt",
        "tests/fixtures/answers-pt/playbooks",
    ] {
        if let Ok(read) = std::fs::read_dir(root().join(dir)) {
            for entry in read.flatten() {
                let path = entry.path();
                if path.extension().is_some_and(|e| e == "yaml") {
                    answer_files.push((
                        format!("{dir}/{}", entry.file_name().to_string_lossy()),
                        path,
                    ));
                }
            }
        }
    }
    assert!(
        answer_files.len() >= 30,
        "only {} Portuguese answer files",
        answer_files.len()
    );
    for (file, path) in answer_files {
        let text = std::fs::read_to_string(path).unwrap();
        for (n, line) in text.lines().enumerate() {
            report(
                &mut findings,
                &forms,
                &file,
                &format!("line {}", n + 1),
                line,
            );
        }
    }

    assert!(checked > 1000, "only {checked} strings checked");
    assert!(
        findings.is_empty(),
        "{} Portuguese string(s) use a form rejected by {GLOSSARY}:\n{}",
        findings.len(),
        findings.join("\n")
    );
}
