//! The question in progress: the entries given so far for a list, records, vote, score or
//! rank question (and the lines of a long text), kept in the session file under `in_progress`
//! and saved after each entry, so an interrupted question resumes with everything confirmed.
//!
//! The value is always in the question's stored answer shape (a list of entries, a list of
//! rows, dots by item, scores by item, the items ranked so far), so finishing the question is
//! checking that value and moving it to `answers`.

use serde::{Deserialize, Serialize};
use serde_yaml::{Mapping, Value};

/// How a vote's dots are being counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VoteMode {
    /// Each item's total, counted on the wall.
    Totals,
    /// Participants place their dots in turn.
    Turns,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InProgress {
    /// In a playbook session, the method the question belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    pub question: String,
    /// The answer so far, in the question's answer shape.
    pub value: Value,
    /// Where inside the question: the records field, the vote item or the score cell next
    /// asked (0-based).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub at: usize,
    /// A records row being filled in, field by field.
    #[serde(default, skip_serializing_if = "Mapping::is_empty")]
    pub row: Mapping,
    /// The list entry or records row being changed (0-based).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub editing: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vote_mode: Option<VoteMode>,
    /// Voting in turn: how many people vote.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub voters: Option<u64>,
    /// Voting in turn: each dot placed so far, in order (so the last can be taken back).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub placed: Vec<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl InProgress {
    pub fn new(question: &str, value: Value) -> InProgress {
        InProgress {
            method: None,
            question: question.to_owned(),
            value,
            at: 0,
            row: Mapping::new(),
            editing: None,
            vote_mode: None,
            voters: None,
            placed: Vec::new(),
        }
    }

    /// The entries of a list, long text or records question (empty for other shapes).
    pub fn entries(&self) -> &[Value] {
        match &self.value {
            Value::Sequence(s) => s,
            _ => &[],
        }
    }

    pub fn entries_mut(&mut self) -> &mut Vec<Value> {
        if !matches!(self.value, Value::Sequence(_)) {
            self.value = Value::Sequence(Vec::new());
        }
        match &mut self.value {
            Value::Sequence(s) => s,
            _ => unreachable_sequence(),
        }
    }

    /// Removes entry `i`; false when there is none.
    pub fn delete(&mut self, i: usize) -> bool {
        let entries = self.entries_mut();
        if i >= entries.len() {
            return false;
        }
        entries.remove(i);
        true
    }

    /// Moves entry `from` to position `to` (both 0-based; `to` is clamped to the end).
    pub fn move_entry(&mut self, from: usize, to: usize) -> bool {
        let entries = self.entries_mut();
        if from >= entries.len() {
            return false;
        }
        let entry = entries.remove(from);
        let to = to.min(entries.len());
        entries.insert(to, entry);
        true
    }

    /// Dots by item, in item order, for a vote.
    pub fn counts(&self, items: &[String]) -> Vec<u64> {
        items
            .iter()
            .map(|item| {
                self.value
                    .get(item.as_str())
                    .and_then(Value::as_u64)
                    .unwrap_or(0)
            })
            .collect()
    }

    pub fn set_count(&mut self, item: &str, n: u64) {
        if !matches!(self.value, Value::Mapping(_)) {
            self.value = Value::Mapping(Mapping::new());
        }
        if let Value::Mapping(m) = &mut self.value {
            m.insert(Value::from(item), Value::from(n));
        }
    }

    /// A score cell, if given.
    pub fn score(&self, item: &str, criterion: &str) -> Option<i64> {
        self.value.get(item)?.get(criterion)?.as_i64()
    }

    pub fn set_score(&mut self, item: &str, criterion: &str, n: i64) {
        if !matches!(self.value, Value::Mapping(_)) {
            self.value = Value::Mapping(Mapping::new());
        }
        if let Value::Mapping(m) = &mut self.value {
            let row = m
                .entry(Value::from(item))
                .or_insert_with(|| Value::Mapping(Mapping::new()));
            if !matches!(row, Value::Mapping(_)) {
                *row = Value::Mapping(Mapping::new());
            }
            if let Value::Mapping(row) = row {
                row.insert(Value::from(criterion), Value::from(n));
            }
        }
    }
}

/// `entries_mut` has just made the value a sequence.
#[allow(clippy::panic)]
fn unreachable_sequence() -> ! {
    panic!("the value was set to a sequence on the line before")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(items: &[&str]) -> InProgress {
        InProgress::new(
            "ideas",
            Value::Sequence(items.iter().map(|s| Value::from(*s)).collect()),
        )
    }

    #[test]
    fn entries_are_deleted_and_moved_in_place() {
        let mut p = list(&["a", "b", "c"]);
        assert!(p.move_entry(2, 0));
        assert_eq!(p.value, serde_yaml::from_str::<Value>("[c, a, b]").unwrap());
        assert!(p.delete(1));
        assert_eq!(p.value, serde_yaml::from_str::<Value>("[c, b]").unwrap());
        assert!(!p.delete(5));
        assert!(!p.move_entry(9, 0));
        assert!(p.move_entry(0, 99));
        assert_eq!(p.value, serde_yaml::from_str::<Value>("[b, c]").unwrap());
    }

    #[test]
    fn counts_and_scores_read_back_what_was_set() {
        let mut p = InProgress::new("votes", Value::Null);
        p.set_count("SMS", 3);
        let items = vec!["SMS".to_owned(), "Web".to_owned()];
        assert_eq!(p.counts(&items), vec![3, 0]);
        let mut s = InProgress::new("matrix", Value::Null);
        s.set_score("SMS", "impact", 4);
        assert_eq!(s.score("SMS", "impact"), Some(4));
        assert_eq!(s.score("SMS", "effort"), None);
    }

    #[test]
    fn the_yaml_form_round_trips() {
        let mut p = list(&["a"]);
        p.method = Some("brainstorm".into());
        p.editing = Some(0);
        let text = serde_yaml::to_string(&p).unwrap();
        let back: InProgress = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back, p);
        assert!(
            !text.contains("placed"),
            "empty parts are left out:\n{text}"
        );
    }
}
