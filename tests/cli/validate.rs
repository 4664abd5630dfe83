//! `labkit validate`: exit codes, every error at once, JSON output, built-ins in both languages.

use labkit::lang::Lang;
use labkit::library::{Library, Origin};
use labkit::method::Document;

use crate::support::{Lab, fixture, method_yaml};

#[test]
fn built_ins_are_clean() {
    let run = Lab::new().run(&["validate"]).ok();
    assert!(run.stderr.contains("no problems found"), "{}", run.stderr);
}

#[test]
fn every_built_in_method_has_both_languages_everywhere() {
    let library = Library::load_layers(&[]);
    assert!(library.problems.is_empty(), "{:?}", library.problems);
    assert!(
        library.link_problems().is_empty(),
        "{:?}",
        library.link_problems()
    );
    let mut checked = 0;
    for entry in library.entries().filter(|e| e.origin == Origin::BuiltIn) {
        let value = serde_json::to_value(&entry.doc).unwrap();
        let mut missing = Vec::new();
        find_untranslated(&value, String::new(), &mut missing);
        assert!(
            missing.is_empty(),
            "{}: text missing a language at {missing:?}",
            entry.doc.id()
        );
        if let Document::Method(m) = &entry.doc {
            for lang in Lang::ALL {
                assert!(!m.name.get(lang).is_empty());
            }
        }
        checked += 1;
    }
    assert!(checked >= 3);
}

/// Every language map in the serialized method must have both `en` and `pt`; plain strings
/// are only allowed in fields that are not prose (ids, values, urls, templates).
fn find_untranslated(value: &serde_json::Value, path: String, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            let is_text = map.keys().all(|k| k == "en" || k == "pt") && !map.is_empty();
            if is_text {
                if !(map.contains_key("en") && map.contains_key("pt")) {
                    out.push(path);
                }
                return;
            }
            for (k, v) in map {
                let prose = matches!(
                    k.as_str(),
                    "name"
                        | "summary"
                        | "when_to_use"
                        | "considerations"
                        | "title"
                        | "guide"
                        | "prompt"
                        | "help"
                        | "label"
                        | "message"
                        | "unit"
                );
                if prose && v.is_string() && !path.contains("sources") {
                    out.push(format!("{path}.{k}"));
                }
                find_untranslated(v, format!("{path}.{k}"), out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let is_prose_list = path.ends_with("roles") || path.ends_with("materials");
                if is_prose_list && v.is_string() {
                    out.push(format!("{path}[{i}]"));
                }
                find_untranslated(v, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

#[test]
fn a_folder_with_problems_exits_one_and_lists_all() {
    let lab = Lab::new();
    let run = lab
        .run(&["validate", fixture("methods/invalid").to_str().unwrap()])
        .code(1);
    let errors = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("error: "))
        .count();
    assert!(errors >= 21, "{}", run.stderr);
    assert!(run.stderr.contains("problems in"), "{}", run.stderr);
}

#[test]
fn counts_agree_with_their_numbers() {
    let lab = Lab::new();
    lab.write("one/bad.yaml", "schema: 1\nid: bad\n");
    let run = lab.run(&["validate", "one/bad.yaml"]).code(1);
    let last = run.stderr.lines().last().unwrap_or_default();
    assert!(last.contains("1 file checked"), "{last}");
    assert!(
        !last.contains("1 files") && !last.contains("1 problems"),
        "{last}"
    );
}

#[test]
fn json_output_names_file_line_column_and_path() {
    let lab = Lab::new();
    let f = fixture("methods/invalid/unknown-question-type.yaml");
    let run = lab
        .run(&["validate", f.to_str().unwrap(), "--format", "json"])
        .code(1);
    let all: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let d = &all[0];
    assert_eq!(d["line"], 12);
    assert_eq!(d["column"], 9);
    assert_eq!(d["path"], "steps[0].questions[0].type");
    assert_eq!(d["hint"], "did you mean `multiselect`?");
}

#[test]
fn a_clean_file_exits_zero() {
    let lab = Lab::new();
    let path = lab.write("mine/fine.yaml", method_yaml("fine", "Fine"));
    lab.run(&["validate", path.to_str().unwrap()]).ok();
    lab.run(&["validate", fixture("methods/valid").to_str().unwrap()])
        .ok();
}

#[test]
fn unknown_before_and_after_ids_are_problems() {
    let lab = Lab::new();
    let text =
        method_yaml("linked", "Linked").replace("tags: [test]", "tags: [test]\nafter: [tets-card]");
    let path = lab.write("mine/linked.yaml", text);
    let run = lab.run(&["validate", path.to_str().unwrap()]).code(1);
    assert!(
        run.stderr
            .contains("after[0]: `tets-card` is not a known method"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `test-card`?"),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_path_is_a_usage_error() {
    Lab::new().run(&["validate", "nope/"]).code(2);
}
