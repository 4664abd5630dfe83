//! A session: who ran which method when, and every answer, saved as one YAML file.
//!
//! Saved atomically after every answer, so an interrupted workshop loses at most the answer
//! being typed. A session file is also a valid answers file (`run --answers`).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_yaml::{Mapping, Value};

use crate::error::Error;
use crate::fsutil::write_atomic;

pub const SCHEMA: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    InProgress,
    Finished,
}

/// Which method a session ran, and which version of its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodRef {
    pub id: String,
    pub version: u32,
    /// SHA-256 of the method file when the session began.
    pub hash: String,
    /// A playbook session: `answers` are grouped by method id.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub playbook: bool,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub schema: u32,
    pub labkit_version: String,
    pub method: MethodRef,
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lab: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator: Option<String>,
    #[serde(default)]
    pub participants: Vec<String>,
    pub started: String,
    pub updated: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<String>,
    pub status: Status,
    /// Answers keyed by question id, in question order.
    #[serde(default)]
    pub answers: Mapping,
    /// Seconds spent on each step, by step id (`method/step` in a playbook).
    #[serde(default)]
    pub step_times: BTreeMap<String, u64>,
    /// A playbook's methods that are finished, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<String>,
}

impl Session {
    pub fn answer(&self, id: &str) -> Option<&Value> {
        self.answers.get(id)
    }

    pub fn save(&self, path: &Path) -> Result<(), Error> {
        let yaml = serde_yaml::to_string(self).map_err(|e| Error::Input(e.to_string()))?;
        write_atomic(path, yaml.as_bytes())
    }

    /// Reads a session file; a broken one is reported with its line and left untouched.
    pub fn load(path: &Path) -> Result<Session, Error> {
        let shown = path.display().to_string();
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(&shown, e))?;
        parse_yaml(&text, &shown)
    }

    /// The part of a playbook session that belongs to one method, as a session of its own.
    pub fn part(&self, method: &crate::method::Method) -> Session {
        let answers = match self.answers.get(method.id.as_str()) {
            Some(Value::Mapping(m)) => m.clone(),
            _ => Mapping::new(),
        };
        let prefix = format!("{}/", method.id);
        Session {
            method: MethodRef {
                id: method.id.clone(),
                version: method.version,
                hash: method.content_hash.clone(),
                playbook: false,
            },
            answers,
            step_times: self
                .step_times
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix(&prefix)?.to_owned(), *v)))
                .collect(),
            done: Vec::new(),
            ..self.clone()
        }
    }

    /// Writes a method's part back into a playbook session.
    pub fn merge_part(&mut self, part: &Session) {
        self.answers.insert(
            Value::from(part.method.id.as_str()),
            Value::Mapping(part.answers.clone()),
        );
        for (step, secs) in &part.step_times {
            self.step_times
                .insert(format!("{}/{step}", part.method.id), *secs);
        }
    }

    /// Puts answers back in the method's question order.
    pub fn order_answers(&mut self, order: &[&str]) {
        let mut sorted = Mapping::new();
        for id in order {
            if let Some(v) = self.answers.remove(*id) {
                sorted.insert(Value::from(*id), v);
            }
        }
        for (k, v) in std::mem::take(&mut self.answers) {
            sorted.insert(k, v);
        }
        self.answers = sorted;
    }
}

fn parse_yaml<T: serde::de::DeserializeOwned>(text: &str, shown: &str) -> Result<T, Error> {
    crate::method::deserialize_placed(text, shown).map_err(Error::Diagnostics)
}

/// Reads an answers file (YAML or JSON): either a session file, a mapping with an `answers:`
/// key, or a plain mapping of question id → answer.
pub fn load_answers(path: &Path) -> Result<Mapping, Error> {
    let shown = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(&shown, e))?;
    let value: Value = parse_yaml(&text, &shown)?;
    match value {
        Value::Mapping(mut map) => match map.remove("answers") {
            Some(Value::Mapping(answers)) => Ok(answers),
            Some(_) => Err(Error::Input(format!(
                "{shown}: `answers` must be a mapping of question id to answer"
            ))),
            None => Ok(map),
        },
        Value::Null => Ok(Mapping::new()),
        _ => Err(Error::Input(format!(
            "{shown}: expected a mapping of question id to answer"
        ))),
    }
}

/// `sessions/2026-11-26-test-card.yaml`, then `-2`, `-3`… so no session is ever overwritten.
pub fn default_path(dir: &Path, date: &str, method_id: &str) -> PathBuf {
    let first = dir.join(format!("{date}-{method_id}.yaml"));
    if !first.exists() {
        return first;
    }
    (2..)
        .map(|n| dir.join(format!("{date}-{method_id}-{n}.yaml")))
        .find(|p| !p.exists())
        .unwrap_or(first)
}
