//! `labkit schema` prints the JSON Schema, the repository's copy is up to date, and a JSON
//! Schema validator (boon, with default options, like any editor or CI check) agrees with
//! `validate`: every built-in passes, every invalid fixture the schema can judge is rejected,
//! and small variations of one method get the same verdict from both.

use std::path::{Path, PathBuf};

use boon::{Compiler, SchemaIndex, Schemas};
use serde_json::Value;

use crate::support::{Lab, fixture};

#[test]
fn schema_is_printed_and_the_docs_copy_is_current() {
    let run = Lab::new().run(&["schema"]).ok();
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let text = run.stdout;
    assert!(
        text.contains("multiselect") && text.contains("quadrants"),
        "schema lacks question types"
    );
    // Draft-07 with no `format`: what Ajv compiles with its default options (it refuses
    // unknown formats such as `uint32`, and loads no draft 2020-12 meta-schema by default).
    assert_eq!(schema["$schema"], "http://json-schema.org/draft-07/schema#");
    assert!(
        !text.contains("\"format\""),
        "a `format` is left in the schema"
    );
    crate::support::snapshot_file("docs/method.schema.json", &text);
}

/// The printed schema, compiled as a validator with default options would.
struct Checker {
    schemas: Schemas,
    index: SchemaIndex,
}

impl Checker {
    fn new() -> Checker {
        let run = Lab::new().run(&["schema"]).ok();
        let schema: Value = serde_json::from_str(&run.stdout).unwrap();
        let mut schemas = Schemas::new();
        let mut compiler = Compiler::new();
        compiler
            .add_resource("https://labkit.invalid/method.schema.json", schema)
            .unwrap();
        let index = compiler
            .compile("https://labkit.invalid/method.schema.json", &mut schemas)
            .unwrap_or_else(|e| panic!("the schema does not compile: {e:#}"));
        Checker { schemas, index }
    }

    /// `Ok` or the validator's explanation, for a YAML file as an editor would see it.
    fn check(&self, yaml: &[u8]) -> Result<(), String> {
        // Only YAML that parses tests the schema; a broken case would pass as "rejected".
        let yaml: serde_yaml::Value = serde_yaml::from_slice(yaml)
            .unwrap_or_else(|e| panic!("not YAML, so no test of the schema: {e}"));
        // Through `serde_yaml::Value`, so integer keys (`labels: {1: Low}`) become strings.
        let json = serde_json::to_value(&yaml).unwrap();
        self.schemas
            .validate(&json, self.index)
            .map_err(|e| format!("{e}"))
    }
}

fn yaml_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            yaml_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "yaml") {
            out.push(path);
        }
    }
}

fn stem(path: &Path) -> &str {
    path.file_stem().unwrap().to_str().unwrap()
}

#[test]
fn every_built_in_and_valid_file_passes_the_schema() {
    let checker = Checker::new();
    let mut files = Vec::new();
    yaml_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("methods"),
        &mut files,
    );
    assert!(files.len() >= 25, "only {} built-ins", files.len());
    for path in &files {
        // The files on disk are the ones embedded in the binary.
        let embedded = labkit::library::built_in_source(stem(path)).unwrap();
        assert_eq!(embedded, std::fs::read(path).unwrap(), "{}", path.display());
        if let Err(e) = checker.check(embedded) {
            panic!("built-in {} fails the schema:\n{e}", path.display());
        }
    }
    let every_type = std::fs::read(fixture("methods/valid/every-type.yaml")).unwrap();
    checker.check(&every_type).unwrap();
    // What `labkit new method` writes is what authors start from.
    let lab = Lab::new();
    lab.run(&["new", "method", "service-safari"]).ok();
    let new = std::fs::read(lab.path().join("methods/service-safari.yaml")).unwrap();
    checker.check(&new).unwrap();
}

/// Invalid fixtures whose defect JSON Schema can express: the schema must reject them.
const SCHEMA_REJECTS: &[&str] = &[
    "methods/bad-duration",
    "methods/bad-id",
    "methods/empty-choices",
    "methods/field-wrong-type",
    "methods/missing-prompt",
    "methods/no-steps",
    "methods/question-id-is-helper",
    "methods/unknown-field",
    "methods/unknown-language",
    "methods/unknown-question-type",
    "methods/wrong-schema",
    "playbooks/block-without-method-or-break",
    "playbooks/break-with-defaults",
    "playbooks/template-is-a-path",
    "playbooks/unknown-field",
];

/// Invalid fixtures only `validate` can judge: a pattern or template that must compile, a
/// reference to another question or method, one value compared with another, uniqueness
/// across a file, the file's name. The schema accepts them; `validate` does not.
const ONLY_VALIDATE: &[&str] = &[
    "methods/bad-pattern",
    "methods/default-later-question",
    "methods/default-not-a-choice",
    "methods/duplicate-question-id",
    "methods/id-not-file-name",
    "methods/min-above-max",
    "methods/scale-labels-outside",
    "methods/unknown-helper",
    "methods/vote-from-text",
    "methods/vote-from-unknown",
    "methods/when-does-not-compile",
    "playbooks/days-go-backwards",
    "playbooks/default-names-later-method",
    "playbooks/default-names-unknown-question",
    "playbooks/items-from-text-question",
    "playbooks/items-into-text-question",
    "playbooks/method-twice",
    "playbooks/unknown-method",
    "playbooks/unknown-question-in-defaults",
];

/// Not JSON at all: a key given twice is a YAML error before any schema applies.
const NOT_JSON: &[&str] = &["methods/duplicate-key"];

#[test]
fn each_invalid_fixture_is_rejected_by_the_schema_or_listed_as_validate_only() {
    let checker = Checker::new();
    let mut files = Vec::new();
    yaml_files(&fixture("methods/invalid"), &mut files);
    yaml_files(&fixture("playbooks/invalid"), &mut files);
    let mut names: Vec<String> = files
        .iter()
        .map(|p| {
            let kind = p.parent().unwrap().parent().unwrap().file_name().unwrap();
            format!("{}/{}", kind.to_str().unwrap(), stem(p))
        })
        .collect();
    names.sort();
    let mut listed: Vec<String> = SCHEMA_REJECTS
        .iter()
        .chain(ONLY_VALIDATE)
        .chain(NOT_JSON)
        .map(|s| s.to_string())
        .collect();
    listed.sort();
    assert_eq!(
        names, listed,
        "every invalid fixture goes in exactly one list of tests/cli/schema.rs"
    );
    for path in &files {
        let name = format!(
            "{}/{}",
            path.parent()
                .unwrap()
                .parent()
                .unwrap()
                .file_name()
                .unwrap()
                .to_str()
                .unwrap(),
            stem(path)
        );
        let bytes = std::fs::read(path).unwrap();
        if NOT_JSON.contains(&name.as_str()) {
            assert!(
                serde_yaml::from_slice::<serde_yaml::Value>(&bytes).is_err(),
                "{name} parses as YAML"
            );
            continue;
        }
        let verdict = checker.check(&bytes);
        if SCHEMA_REJECTS.contains(&name.as_str()) {
            assert!(verdict.is_err(), "the schema accepts {name}");
        } else if ONLY_VALIDATE.contains(&name.as_str()) {
            assert!(
                verdict.is_ok(),
                "the schema rejects {name}, which only `validate` was thought to catch; move it \
                 to SCHEMA_REJECTS:\n{}",
                verdict.unwrap_err()
            );
        } else {
            assert!(
                ONLY_VALIDATE.contains(&name.as_str()),
                "{name} is in no list"
            );
        }
    }
}

const BASE: &str = "\
schema: 1
id: probe
name: Probe
summary: A method for checking the schema.
stage: ideation
duration: 30m
steps:
  - id: one
    title: One
    questions:
      - id: ideas
        type: list
        prompt: Ideas
";

const PLAYBOOK: &str = "\
schema: 1
kind: playbook
id: probe
name: Probe
summary: A playbook for checking the schema.
stage: ideation
methods:
  - method: brainstorm
  - method: impact-effort
";

/// `BASE` (or `PLAYBOOK`) with the line starting with `key:` replaced, or `line` added.
fn variant(base: &str, line: &str) -> String {
    let key = line.split(':').next().unwrap();
    let mut out: Vec<String> = Vec::new();
    let mut replaced = false;
    for l in base.lines() {
        if !replaced && l.split(':').next() == Some(key) && !key.starts_with(' ') {
            out.push(line.to_owned());
            replaced = true;
        } else {
            out.push(l.to_owned());
        }
    }
    if !replaced {
        out.push(line.to_owned());
    }
    out.join("\n") + "\n"
}

/// Each case: the schema and `validate` give the same verdict. The rejected ones are the rules
/// the schema encodes; the accepted ones are the forms it must not refuse.
#[test]
fn the_schema_and_validate_agree_on_variations() {
    let checker = Checker::new();
    let question = |extra: &str| {
        format!(
            "{}{}",
            BASE.trim_end_matches("        prompt: Ideas\n")
                .replace("type: list", "type: PLACEHOLDER"),
            extra
        )
    };
    let q = |kind: &str, rest: &str| {
        question(&format!("        prompt: Pick\n{rest}")).replace("PLACEHOLDER", kind)
    };
    let cases: Vec<(bool, String)> = vec![
        // The method's own fields.
        (false, variant(BASE, "id: Bad_ID")),
        (false, variant(BASE, "id: bad--id")),
        (false, variant(BASE, "id: -bad")),
        (true, variant(BASE, "id: probe")),
        (false, variant(BASE, "schema: 2")),
        (false, variant(BASE, "kind: playbok")),
        (true, variant(BASE, "kind: method")),
        (false, variant(BASE, "version: 0")),
        (false, variant(BASE, "name: \"  \"")),
        (false, variant(BASE, "name: { en: \" \", pt: \"\" }")),
        (true, variant(BASE, "name: { en: \" \", pt: Sonda }")),
        (true, variant(BASE, "name: { EN: Probe }")),
        (false, variant(BASE, "name: {}")),
        (true, variant(BASE, "name: 42")),
        (false, variant(BASE, "stage: ideas")),
        (false, variant(BASE, "group: many")),
        (false, variant(BASE, "group: 0")),
        (false, variant(BASE, "group: \"0-4\"")),
        (false, variant(BASE, "group: 2-8+")),
        (true, variant(BASE, "group: 2-8")),
        (true, variant(BASE, "group: \" 2 - 8 \"")),
        (true, variant(BASE, "group: 3+")),
        (true, variant(BASE, "group: \"12\"")),
        (true, variant(BASE, "group: 5")),
        (false, variant(BASE, "duration: 1.5h")),
        (false, variant(BASE, "duration: 10 m")),
        (false, variant(BASE, "duration: 30")),
        (false, variant(BASE, "duration: \"\"")),
        (true, variant(BASE, "duration: 90s")),
        (true, variant(BASE, "duration: 1h30m")),
        (true, variant(BASE, "duration: 1h 30m")),
        (true, variant(BASE, "duration: 2d")),
        (false, variant(BASE, "before: [Test_Card]")),
        (true, variant(BASE, "before: [test-card]")),
        (false, variant(BASE, "sources: [{ title: \" \" }]")),
        (
            false,
            variant(BASE, "sources: [{ title: A book, url: ftp://x }]"),
        ),
        (
            true,
            variant(BASE, "sources: [{ title: A book, url: https://x.org }]"),
        ),
        (
            false,
            format!("{}steps: []\n", &BASE[..BASE.find("steps:").unwrap()]),
        ),
        (false, variant(BASE, "colour: blue")),
        // Steps and questions.
        (false, BASE.replace("  - id: one", "  - id: One")),
        (false, BASE.replace("title: One", "title: \"\"")),
        (true, BASE.replace("title: One", "title: { pt: Um }")),
        (
            false,
            BASE.replace("    title: One", "    title: One\n    timebox: 5"),
        ),
        (false, BASE.replace("- id: ideas", "- id: 1ideas")),
        (false, BASE.replace("- id: ideas", "- id: join")),
        (false, BASE.replace("- id: ideas", "- id: answer")),
        (true, BASE.replace("- id: ideas", "- id: joined_ideas")),
        (false, BASE.replace("prompt: Ideas", "prompt: \" \"")),
        (false, q("select", "")),
        (false, q("select", "        choices: []\n")),
        (false, q("select", "        choices: [a, a]\n")),
        (false, q("select", "        choices: [\" \"]\n")),
        (false, q("select", "        choices: [{ value: \"\" }]\n")),
        (
            true,
            q("select", "        choices: [a, { value: b, label: Bee }]\n"),
        ),
        (
            true,
            q("select", "        choices: [a, b]\n        default: b\n"),
        ),
        (
            false,
            q("select", "        choices: [a, b]\n        default: [b]\n"),
        ),
        (false, q("text", "        choices: [a, b]\n")),
        (true, q("text", "        choices: null\n")),
        (false, q("confirm", "        min: 1\n")),
        (false, q("confirm", "        default: yes please\n")),
        (true, q("confirm", "        default: true\n")),
        (true, q("text", "        default: \"{{lab}}\"\n")),
        (false, q("number", "        default: many\n")),
        (
            true,
            q(
                "number",
                "        default: 2.5\n        min: 0\n        unit: people\n",
            ),
        ),
        (true, q("number", "        default: \"{{lab}}\"\n")),
        (false, q("scale", "        min: 1.5\n")),
        (
            true,
            q(
                "scale",
                "        min: 0\n        max: 10\n        labels: { 0: None, 10: All }\n",
            ),
        ),
        (false, q("list", "        min: 1.5\n")),
        (false, q("list", "        max: -1\n")),
        (
            true,
            q(
                "list",
                "        min: 1\n        max: 10\n        default: [a, b]\n",
            ),
        ),
        (false, q("list", "        default: [1, 2]\n")),
        (
            false,
            q("multiselect", "        choices: [a, b]\n        min: 0.5\n"),
        ),
        (false, q("records", "")),
        (false, q("records", "        fields: []\n")),
        (
            false,
            q(
                "records",
                "        fields:\n          - { id: votes, type: vote, prompt: V, from: x }\n",
            ),
        ),
        (
            true,
            q(
                "records",
                "        fields:\n          - { id: name, type: text, prompt: Name }\n          - { id: date, type: date, prompt: When }\n",
            ),
        ),
        (false, q("vote", "")),
        (false, q("vote", "        from: ideas\n        dots: 0\n")),
        (
            false,
            q(
                "score",
                "        from: ideas\n        criteria: [{ id: impact, label: Impact }]\n        quadrants: { high_high: a, high_low: b, low_high: c, low_low: d }\n",
            ),
        ),
        (
            false,
            q("score", "        from: ideas\n        criteria: []\n"),
        ),
        (
            false,
            q(
                "score",
                "        from: ideas\n        criteria: [{ id: Impact, label: I }]\n",
            ),
        ),
        (false, q("computed", "")),
        (false, q("computed", "        value: \" \"\n")),
        (
            false,
            q(
                "computed",
                "        value: \"{{lab}}\"\n        default: 3\n",
            ),
        ),
        (false, q("rank", "        from: ideas\n        dots: 3\n")),
        (false, q("date", "        required: maybe\n")),
        (false, q("text", "        validate: { min_length: -1 }\n")),
        (false, q("text", "        validate: { pattren: x }\n")),
        (false, BASE.replace("type: list", "type: lists")),
        // Playbooks.
        (true, PLAYBOOK.to_owned()),
        (
            false,
            format!(
                "{}methods: []\n",
                &PLAYBOOK[..PLAYBOOK.find("methods:").unwrap()]
            ),
        ),
        (false, variant(PLAYBOOK, "schema: 2")),
        (false, variant(PLAYBOOK, "id: Probe")),
        (false, variant(PLAYBOOK, "template: ../../etc/passwd")),
        (false, variant(PLAYBOOK, "template: /etc/passwd")),
        (false, variant(PLAYBOOK, "template: lab/../x")),
        (false, variant(PLAYBOOK, "template: .hidden")),
        (false, variant(PLAYBOOK, "template: .md.hbs")),
        (false, variant(PLAYBOOK, "template: \"C:\\\\x\"")),
        (true, variant(PLAYBOOK, "template: experiment-plan")),
        (true, variant(PLAYBOOK, "template: lab/plan.md.hbs")),
        (
            true,
            variant(PLAYBOOK, &format!("template: {}.md.hbs", "x".repeat(200))),
        ),
        (
            false,
            variant(PLAYBOOK, &format!("template: {}", "x".repeat(201))),
        ),
        (false, variant(PLAYBOOK, "duration: 1h")),
        (
            false,
            PLAYBOOK.replace("  - method: impact-effort", "  - method: Impact"),
        ),
        (
            false,
            PLAYBOOK.replace(
                "  - method: impact-effort",
                "  - method: impact-effort\n    break: 10m",
            ),
        ),
        (
            false,
            PLAYBOOK.replace("  - method: impact-effort", "  - break: 10m\n    day: 2"),
        ),
        (
            true,
            PLAYBOOK.replace(
                "  - method: impact-effort",
                "  - break: 10m\n    title: Coffee\n    defaults: {}",
            ),
        ),
        (
            false,
            PLAYBOOK.replace(
                "  - method: impact-effort",
                "  - method: impact-effort\n    day: 0",
            ),
        ),
        (
            false,
            PLAYBOOK.replace(
                "  - method: impact-effort",
                "  - method: impact-effort\n    items:\n      items: ideas",
            ),
        ),
        (
            true,
            PLAYBOOK.replace(
                "  - method: impact-effort",
                "  - method: impact-effort\n    items:\n      items: brainstorm.ideas\n    top: 5",
            ),
        ),
    ];
    let library = labkit::library::Library::load_layers(&[]);
    let ids: Vec<&str> = library.ids().collect();
    assert!(ids.contains(&"brainstorm"), "no built-ins: {ids:?}");
    // What `labkit validate probe.yaml` says: the file, then a playbook's references.
    let validate = |yaml: &str| -> Result<(), String> {
        let doc =
            labkit::method::parse(yaml.as_bytes(), "probe.yaml", Some("probe")).map_err(|d| {
                d.iter()
                    .map(|d| d.to_string())
                    .collect::<Vec<_>>()
                    .join("; ")
            })?;
        if let labkit::method::Document::Playbook(playbook) = &doc {
            let issues = labkit::method::validate::playbook_references(
                playbook,
                &|id| library.method(id).cloned(),
                &ids,
            );
            if let Some(issue) = issues.first() {
                return Err(format!("{}: {}", issue.path, issue.message));
            }
        }
        Ok(())
    };
    let mut problems = Vec::new();
    for (labkit_accepts, yaml) in &cases {
        let validate = validate(yaml);
        if validate.is_ok() != *labkit_accepts {
            problems.push(format!(
                "the case is wrong: validate says {}\n{yaml}",
                validate.err().unwrap_or_else(|| "ok".to_owned())
            ));
            continue;
        }
        let schema = checker.check(yaml.as_bytes());
        if schema.is_ok() != *labkit_accepts {
            problems.push(format!(
                "the schema {} what validate {}:\n{yaml}{}",
                if schema.is_ok() { "accepts" } else { "rejects" },
                if *labkit_accepts {
                    "accepts"
                } else {
                    "rejects"
                },
                schema.err().unwrap_or_default()
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n---\n"));
}
