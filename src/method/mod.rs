//! Method and playbook files: YAML → raw serde types → validated domain types, with
//! diagnostics that name the file, line, column and path of every problem.
//!
//! This module never touches the file system: callers hand it bytes and a name for messages.
//! Finding files is `library`'s job.

pub mod duration;
mod locate;
pub mod model;
pub mod raw;
mod refs;
pub mod schema;
pub mod text;
pub mod validate;

use std::fmt;

use serde::de::DeserializeOwned;
use serde_yaml::Value;
use sha2::{Digest, Sha256};

use crate::i18n::msg;

pub use duration::Duration;
pub use model::*;
pub use raw::{QuestionType, Stage};
pub use text::Text;

/// Method files larger than this are refused before parsing: real methods are a few KB, and a
/// cap keeps a stray 10 MB file from costing memory and time.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// One problem in a document, before it is placed in a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// Path inside the document, e.g. `steps[2].questions[0].type`; empty for the whole file.
    pub path: String,
    pub message: String,
    pub hint: Option<String>,
}

impl Issue {
    pub fn new(path: impl Into<String>, message: impl Into<String>) -> Issue {
        Issue {
            path: path.into(),
            message: message.into(),
            hint: None,
        }
    }
}

/// A problem placed in a file: what `labkit validate` prints.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    pub file: String,
    pub line: Option<usize>,
    pub column: Option<usize>,
    pub path: String,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    /// A problem with a file as a whole (unreadable, missing), with no position.
    pub fn whole_file(file: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            file: file.to_owned(),
            line: None,
            column: None,
            path: String::new(),
            message: message.into(),
            hint: None,
        }
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        f.write_str(": ")?;
        if !self.path.is_empty() {
            write!(f, "{}: ", self.path)?;
        }
        f.write_str(&self.message)?;
        if let Some(hint) = &self.hint {
            write!(
                f,
                "\n  {}: {hint}",
                crate::i18n::t(crate::i18n::message_language(), "label.hint")
            )?;
        }
        Ok(())
    }
}

/// The closest of `candidates` to `word`, phrased as a hint, when one is close enough.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<String> {
    closest(word, candidates).map(|c| msg("method.did_you_mean", &[("word", &c)]))
}

/// The closest candidate by edit distance, if it is plausibly a typo of `word`.
pub fn closest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| {
            *d > 0 && *d < word.len().max(2) && *d <= (word.len().max(c.len()) / 2).max(1)
        })
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Parses and validates one method or playbook file. `name` is how messages refer to the file;
/// `expected_id` is its stem (the id must equal it).
pub fn parse(
    bytes: &[u8],
    name: &str,
    expected_id: Option<&str>,
) -> Result<Document, Vec<Diagnostic>> {
    let at =
        |issues: Vec<Issue>, text: Option<&str>| -> Vec<Diagnostic> { place(name, issues, text) };
    if bytes.len() > MAX_FILE_BYTES {
        return Err(at(
            vec![Issue::new(
                "",
                msg("method.too_large", &[("mb", &(MAX_FILE_BYTES / 1_048_576))]),
            )],
            None,
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let line = bytes[..err.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            return Err(vec![Diagnostic {
                file: name.to_owned(),
                line: Some(line),
                column: None,
                path: String::new(),
                message: msg("method.not_utf8", &[]),
                hint: None,
            }]);
        }
    };
    if text.trim().is_empty() {
        return Err(at(vec![Issue::new("", msg("method.empty", &[]))], None));
    }
    crate::input::check_yaml(text).map_err(|refused| vec![refused.diagnostic(name)])?;
    let hash = content_hash(bytes);
    // Fast path: a well-formed file deserializes straight from the text in one pass. Only a
    // file that fails goes through the slower path that collects every problem.
    let looks_like_playbook = text.lines().any(|l| l.trim_end() == "kind: playbook");
    let fast = if looks_like_playbook {
        serde_yaml::from_str::<raw::RawPlaybook>(text)
            .ok()
            .map(|raw| validate::playbook(&raw, expected_id, hash.clone()).map(Document::Playbook))
    } else {
        serde_yaml::from_str::<raw::RawMethod>(text)
            .ok()
            .filter(|raw| raw.kind != Some(raw::Kind::Playbook))
            .map(|raw| validate::method(&raw, expected_id, hash.clone()).map(Document::Method))
    };
    if let Some(result) = fast {
        return result.map_err(|issues| at(issues, Some(text)));
    }
    let value: Value = match serde_yaml::from_str(text) {
        Ok(value) => value,
        Err(err) => return Err(vec![yaml_error(name, &err, text)]),
    };
    if !value.is_mapping() {
        return Err(at(
            vec![Issue::new("", msg("method.not_mapping", &[]))],
            None,
        ));
    }
    let is_playbook = value.get("kind").and_then(Value::as_str) == Some("playbook");
    let result = if is_playbook {
        match strict::<raw::RawPlaybook>(&value) {
            Ok(raw) => validate::playbook(&raw, expected_id, hash).map(Document::Playbook),
            Err(_) => Err(diagnose_playbook(&value)),
        }
    } else {
        match strict::<raw::RawMethod>(&value) {
            Ok(raw) => validate::method(&raw, expected_id, hash).map(Document::Method),
            Err(_) => Err(diagnose_method(&value)),
        }
    };
    result.map_err(|issues| at(issues, Some(text)))
}

/// Deserializes a whole YAML file (a session, an answers file, labkit.yaml, config.yaml)
/// strictly. The first problem comes back placed at its line and column, with its path; an
/// unknown key also gets the list of known keys and a "did you mean".
///
/// Every such file passes here, so the limits on size and nesting (`crate::input`) are
/// checked here, before serde_yaml reads a byte of it.
pub fn deserialize_placed<T: DeserializeOwned>(
    text: &str,
    name: &str,
) -> Result<T, Vec<Diagnostic>> {
    let limit = crate::input::MAX_DOCUMENT_BYTES;
    if text.len() as u64 > limit {
        let message = crate::input::ReadError::TooLarge(limit).to_string();
        return Err(vec![Diagnostic::whole_file(name, message)]);
    }
    crate::input::check_yaml(text).map_err(|refused| vec![refused.diagnostic(name)])?;
    serde_path_to_error::deserialize(serde_yaml::Deserializer::from_str(text)).map_err(|err| {
        let path = err.path().to_string();
        let inner = err.into_inner();
        let location = inner.location();
        let message = inner.to_string();
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_owned();
        let path = if path == "." { String::new() } else { path };
        let (path, message) = match message.strip_prefix("unknown field `") {
            Some(rest) => {
                let key = rest.split('`').next().unwrap_or_default();
                let expected: Vec<&str> = rest
                    .split_once("expected")
                    .map(|(_, l)| l.split('`').skip(1).step_by(2).collect())
                    .unwrap_or_default();
                let hint = suggest(key, expected.iter().copied())
                    .map(|h| format!(" ({h})"))
                    .unwrap_or_default();
                let message = crate::i18n::msg(
                    "settings.unknown_key",
                    &[
                        ("key", &key),
                        ("hint", &hint),
                        ("keys", &expected.join(", ")),
                    ],
                );
                (key.to_owned(), message)
            }
            None => (path, message),
        };
        let mut diagnostics = place(name, vec![Issue::new(path, message)], Some(text));
        if let (Some(d), Some(loc)) = (diagnostics.first_mut(), location)
            && d.line.is_none()
        {
            d.line = Some(loc.line());
            d.column = Some(loc.column());
        }
        diagnostics
    })
}

/// Attaches file positions to issues; the position map is built only when there are issues.
pub fn place(name: &str, issues: Vec<Issue>, text: Option<&str>) -> Vec<Diagnostic> {
    let positions = text.map(locate::positions).unwrap_or_default();
    issues
        .into_iter()
        .map(|issue| {
            let pos = if issue.path.is_empty() {
                None
            } else {
                locate::find(&positions, &issue.path)
            };
            Diagnostic {
                file: name.to_owned(),
                line: pos.map(|p| p.0),
                column: pos.map(|p| p.1),
                path: issue.path,
                message: issue.message,
                hint: issue.hint,
            }
        })
        .collect()
}

pub fn content_hash(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

fn yaml_error(name: &str, err: &serde_yaml::Error, text: &str) -> Diagnostic {
    let mut location = err.location().map(|l| (l.line(), l.column()));
    let mut path = String::new();
    // libyaml places a duplicate key at the start of its mapping; point at the second key.
    if err.to_string().contains("duplicate entry")
        && let Some((dup_path, position)) = locate::duplicate_key(text)
    {
        location = Some(position);
        path = dup_path;
    }
    let mut message = err.to_string();
    // serde_yaml appends " at line L column C"; we print the position in front instead.
    if let Some(cut) = message.find(" at line ") {
        message.truncate(cut);
    }
    let message = match message.as_str() {
        // Not reached since `input::check_yaml` runs first (serde_yaml stops at 128 levels).
        m if m.contains("recursion limit exceeded") => {
            msg("method.too_deep", &[("limit", &crate::input::MAX_DEPTH)])
        }
        m if m.contains("repetition limit exceeded") => msg("method.alias_bomb", &[]),
        m if m.contains("duplicate entry with key") => {
            let key = m
                .split("duplicate entry with key")
                .nth(1)
                .unwrap_or_default()
                .trim();
            msg("method.duplicate_key", &[("key", &key)])
        }
        _ => msg("method.yaml_syntax", &[("reason", &message)]),
    };
    Diagnostic {
        file: name.to_owned(),
        line: location.map(|l| l.0),
        column: location.map(|l| l.1),
        path,
        message,
        hint: None,
    }
}

fn strict<T: DeserializeOwned>(value: &Value) -> Result<T, Issue> {
    strict_raw(value).map_err(|(path, message)| serde_issue(path, &message))
}

/// `strict` with serde's own path and (English) message, before they become an issue.
fn strict_raw<T: DeserializeOwned>(value: &Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(value.clone()).map_err(|err| {
        let path = err.path().to_string();
        let path = if path == "." { String::new() } else { path };
        (path, err.into_inner().to_string())
    })
}

/// "expected one of `a`, `b`": the hint for an unknown field or value.
fn expected_one_of(expected: &[&str]) -> String {
    let list = expected
        .iter()
        .map(|e| format!("`{e}`"))
        .collect::<Vec<_>>()
        .join(", ");
    msg("method.expected_one_of", &[("list", &list)])
}

/// Turns a serde message into an issue, adding "did you mean" for unknown fields and variants.
fn serde_issue(mut path: String, message: &str) -> Issue {
    let message = message.split(" at line ").next().unwrap_or(message);
    let mut hint = None;
    let mut text = message.to_owned();
    for kind in ["unknown field", "unknown variant"] {
        if let Some(rest) = message.strip_prefix(kind) {
            let word = rest.split('`').nth(1).unwrap_or_default();
            let expected: Vec<&str> = rest
                .split_once("expected")
                .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
                .unwrap_or_default();
            hint = suggest(word, expected.iter().copied());
            if kind == "unknown field" && expected == ["en", "pt"] {
                text = msg("method.unknown_language", &[("word", &word)]);
                hint = None;
            } else if kind == "unknown field" {
                // serde_path_to_error already ends the path with the unknown key.
                if !(path == word || path.ends_with(&format!(".{word}"))) {
                    path = if path.is_empty() {
                        word.to_owned()
                    } else {
                        format!("{path}.{word}")
                    };
                }
                text = msg("method.unknown_field", &[("word", &word)]);
                if hint.is_none() && !expected.is_empty() {
                    hint = Some(expected_one_of(&expected));
                }
            } else if path.ends_with("type") {
                text = msg("method.unknown_question_type", &[("word", &word)]);
                if hint.is_none() {
                    hint = Some(msg(
                        "method.question_types",
                        &[("types", &expected.join(", "))],
                    ));
                }
            } else {
                text = msg("method.unknown_value", &[("word", &word)]);
                if hint.is_none() && !expected.is_empty() {
                    hint = Some(expected_one_of(&expected));
                }
            }
        }
    }
    for (from, to) in [
        ("expected u32", "expected a whole number"),
        ("expected u64", "expected a whole number"),
        ("expected usize", "expected a whole number"),
        ("expected i64", "expected a whole number"),
        ("expected f64", "expected a number"),
        ("expected a sequence", "expected a list"),
        ("expected a boolean", "expected true or false"),
        ("invalid type: unit value", "invalid type: empty value"),
    ] {
        text = text.replace(from, to);
    }
    if text.starts_with("missing field") {
        let field = text.split('`').nth(1).unwrap_or_default().to_owned();
        text = msg("method.missing_field", &[("field", &field)]);
    }
    Issue {
        path,
        message: text,
        hint,
    }
}

/// A method that did not deserialize: check the top level, each step and each question
/// separately, field by field, so every shape error is reported, not just the first.
fn diagnose_method(value: &Value) -> Vec<Issue> {
    let mut top = value.clone();
    let steps = take_sequence(&mut top, "steps");
    let mut issues = check_mapping::<raw::RawMethod>(&top, "");
    for (i, step) in steps.into_iter().enumerate() {
        let mut step = step;
        let questions = take_sequence(&mut step, "questions");
        issues.extend(check_mapping::<raw::RawStep>(&step, &format!("steps[{i}]")));
        for (j, question) in questions.iter().enumerate() {
            issues.extend(check_mapping::<raw::RawQuestion>(
                question,
                &format!("steps[{i}].questions[{j}]"),
            ));
        }
    }
    issues
}

/// The same for a playbook and its blocks.
fn diagnose_playbook(value: &Value) -> Vec<Issue> {
    let mut top = value.clone();
    let entries = take_sequence(&mut top, "methods");
    let mut issues = check_mapping::<raw::RawPlaybook>(&top, "");
    for (i, entry) in entries.iter().enumerate() {
        issues.extend(check_mapping::<raw::RawPlaybookEntry>(
            entry,
            &format!("methods[{i}]"),
        ));
    }
    issues
}

/// Every shape problem of one mapping: each entry is deserialized on its own (serde stops at
/// the first error of a struct), and required fields come from the type's JSON Schema.
fn check_mapping<T: DeserializeOwned + schemars::JsonSchema>(
    value: &Value,
    prefix: &str,
) -> Vec<Issue> {
    let Err(first) = strict::<T>(value) else {
        return Vec::new();
    };
    let Some(map) = value.as_mapping() else {
        return vec![prefixed(prefix, first)];
    };
    let mut issues = Vec::new();
    let schema = schemars::schema_for!(T);
    let required = schema
        .get("required")
        .and_then(|r| r.as_array())
        .cloned()
        .unwrap_or_default();
    for field in required.iter().filter_map(|f| f.as_str()) {
        if !map.contains_key(field) {
            issues.push(prefixed(
                prefix,
                Issue::new("", msg("method.missing_field", &[("field", &field)])),
            ));
        }
    }
    for (key, item) in map {
        let mut single = serde_yaml::Mapping::new();
        single.insert(key.clone(), item.clone());
        // Judged on serde's message, which is English whatever the message language.
        if let Err((path, message)) = strict_raw::<T>(&Value::Mapping(single))
            && !message.starts_with("missing field")
        {
            issues.push(prefixed(prefix, serde_issue(path, &message)));
        }
    }
    if issues.is_empty() {
        issues.push(prefixed(prefix, first));
    }
    issues
}

/// Replaces `key`'s sequence with an empty one and returns the items (none if not a sequence).
fn take_sequence(value: &mut Value, key: &str) -> Vec<Value> {
    match value.get_mut(key) {
        Some(slot @ Value::Sequence(_)) => {
            match std::mem::replace(slot, Value::Sequence(Vec::new())) {
                Value::Sequence(items) => items,
                _ => Vec::new(),
            }
        }
        _ => Vec::new(),
    }
}

fn prefixed(prefix: &str, mut issue: Issue) -> Issue {
    if prefix.is_empty() {
        return issue;
    }
    issue.path = if issue.path.is_empty() {
        prefix.to_owned()
    } else {
        format!("{prefix}.{}", issue.path)
    };
    issue
}
