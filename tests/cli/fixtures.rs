//! Every invalid fixture has exactly the diagnostics written at its end, and every valid one
//! parses.

use labkit::method::{self, Document};

use crate::support::fixture;

#[test]
fn each_invalid_fixture_reports_its_exact_errors() {
    let dir = fixture("methods/invalid");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8(bytes.clone()).unwrap();
        let stem = path.file_stem().unwrap().to_str().unwrap();
        let mut expected = Vec::new();
        for line in text.lines() {
            if let Some(e) = line.strip_prefix("# expect: ") {
                expected.push(e.to_owned());
            } else if let Some(h) = line.strip_prefix("# expect-hint: ") {
                let last = expected.last_mut().expect("hint after an expect line");
                *last = format!("{last}\n  hint: {h}");
            }
        }
        assert!(
            !expected.is_empty(),
            "{stem}: fixture has no `# expect:` line"
        );
        let name = format!("{stem}.yaml");
        let diagnostics = method::parse(&bytes, &name, Some(stem)).expect_err(stem);
        let actual: Vec<String> = diagnostics
            .iter()
            .map(|d| {
                d.to_string()
                    .strip_prefix(&format!("{name}:"))
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(actual, expected, "fixture {stem}");
        checked += 1;
    }
    assert!(checked >= 20, "only {checked} invalid fixtures");
}

#[test]
fn the_every_type_fixture_is_valid() {
    let bytes = std::fs::read(fixture("methods/valid/every-type.yaml")).unwrap();
    let doc = method::parse(&bytes, "every-type.yaml", Some("every-type")).unwrap();
    let Document::Method(m) = doc else {
        panic!("not a method")
    };
    let types: Vec<&str> = m.questions().map(|(_, q)| q.kind.type_name()).collect();
    for t in [
        "text",
        "longtext",
        "number",
        "confirm",
        "select",
        "multiselect",
        "scale",
        "date",
        "list",
        "records",
        "vote",
        "score",
        "rank",
        "computed",
    ] {
        assert!(types.contains(&t), "every-type lacks a `{t}` question");
    }
}

#[test]
fn the_example_in_the_method_docs_is_valid() {
    let docs = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/methods.md"),
    )
    .unwrap();
    let start = docs.find("```yaml\nschema: 1").expect("example in docs") + "```yaml\n".len();
    let end = start + docs[start..].find("```").unwrap();
    let doc = method::parse(
        &docs.as_bytes()[start..end],
        "docs example",
        Some("service-test"),
    )
    .unwrap_or_else(|d| {
        panic!(
            "{}",
            d.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        )
    });
    assert_eq!(doc.id(), "service-test");
}
