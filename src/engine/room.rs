//! The room's side of a question: what participants sent from their own devices (entries,
//! ballots), the facilitator's moderation (hide, merge) and the one tally every front end shows
//! (the facilitator's panel, the participants' results page) and the answer is folded from.
//!
//! Pure data and rules, no I/O: the interview applies each `Contribution` (of a `Reply::Room`) to the
//! question's `Ledger`, saves the session, and the room's front ends read a `RoomQuestion`
//! (`Ask::Room`). Participants are known only by a random device id and an optional pseudonym.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_yaml::{Mapping, Value};

use crate::i18n::{t, tf};
use crate::lang::Lang;
use crate::method::{Question, QuestionKind, Text};

/// The longest entry, short answer or pseudonym a participant may send, in characters.
pub const MAX_ENTRY_CHARS: usize = 500;
pub const MAX_NAME_CHARS: usize = 40;
/// Entries one device may have in one question, and in all (a runaway client stops here).
pub const MAX_ENTRIES_PER_DEVICE: usize = 200;
pub const MAX_ENTRIES: usize = 5_000;
/// Devices that may send ballots to one question.
pub const MAX_DEVICES: usize = 1_000;

/// What one participant's device sent.
#[derive(Debug, Clone, PartialEq)]
pub struct Contribution {
    /// A random id the device's browser keeps (a cookie); never shown to anyone.
    pub device: String,
    /// The pseudonym the participant chose, if any (already trimmed, at most `MAX_NAME_CHARS`).
    pub name: Option<String>,
    pub action: RoomAction,
}

#[derive(Debug, Clone, PartialEq)]
pub enum RoomAction {
    /// A new list entry.
    Add(String),
    /// Change one's own entry.
    Edit { id: u64, text: String },
    /// Take one's own entry back.
    Withdraw { id: u64 },
    /// The device's whole ballot, replacing its earlier one: a vote `{item: dots}`, scores
    /// `{item: {criterion: n}}`, a ranking `[item, …]` (all items, best first), a choice
    /// `"value"`, several choices `["value", …]`, or a short text `"…"`.
    Ballot(Value),
}

/// One list entry sent from the room.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoomEntry {
    /// Unique within the question, never reused.
    pub id: u64,
    pub device: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub text: String,
    /// Hidden by the facilitator: kept in the file, left out of the answer and the results.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// Merged by the facilitator into entry `merged_into` (left out like a hidden one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<u64>,
    /// Withdrawn by its author.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub withdrawn: bool,
}

impl RoomEntry {
    /// Counts in the answer and the results.
    pub fn visible(&self) -> bool {
        !self.hidden && !self.withdrawn && self.merged_into.is_none()
    }
}

/// One device's ballot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ballot {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    pub value: Value,
}

/// Everything the room sent to one question, kept in the session under `room.questions`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ledger {
    /// When the question opened to the room (RFC 3339, and Unix milliseconds for the
    /// countdown): its step's timebox counts from here.
    pub opened: String,
    pub opened_ms: u64,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub closed: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<RoomEntry>,
    /// Ballots by device id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub ballots: BTreeMap<String, Ballot>,
}

/// The room's part of a session file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoomRecord {
    /// The room's code (part of its address), kept so a resumed room has the same address.
    pub code: String,
    /// Ledgers by question key (`question` or, in a playbook, `method/question`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub questions: BTreeMap<String, Ledger>,
}

/// What the room is asked: one question open to participants' devices, with what they sent.
/// Texts are kept in every language so each page can follow its browser's language.
#[derive(Debug, Clone, PartialEq)]
pub struct RoomQuestion {
    /// Unique in the session (`question` or `method/question`); changes when the question does.
    pub key: String,
    pub method_title: Text,
    pub step_title: Text,
    pub step_number: usize,
    pub steps_total: usize,
    pub prompt: Text,
    pub help: Option<Text>,
    pub kind: RoomKind,
    /// When the question opened and when its step's timebox runs out (Unix milliseconds).
    pub opened_ms: u64,
    pub ends_ms: Option<u64>,
    pub closed: bool,
    pub entries: Vec<RoomEntry>,
    pub ballots: BTreeMap<String, Ballot>,
    pub tally: Tally,
}

/// What participants answer, with what they need to answer it.
#[derive(Debug, Clone, PartialEq)]
pub enum RoomKind {
    List {
        max_chars: usize,
    },
    Vote {
        items: Vec<String>,
        dots: u32,
    },
    Score {
        items: Vec<String>,
        criteria: Vec<RoomCriterion>,
    },
    Rank {
        items: Vec<String>,
    },
    Select {
        choices: Vec<RoomChoice>,
    },
    Multiselect {
        choices: Vec<RoomChoice>,
        min: Option<usize>,
        max: Option<usize>,
    },
    Text {
        max_chars: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoomCriterion {
    pub id: String,
    pub label: Text,
    pub min: i64,
    pub max: i64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoomChoice {
    pub value: String,
    pub label: Text,
}

/// The room's result so far, worked out one way for every front end and for the answer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Tally {
    /// How many devices sent something (an entry or a ballot).
    pub devices: usize,
    /// Lists: the visible entries, oldest first, with their authors' pseudonyms.
    pub entries: Vec<(u64, String, Option<String>)>,
    /// Votes: dots per item; selects and multiselects: devices per choice; in item/choice order.
    pub counts: Vec<u64>,
    /// Scores: mean per item (rows) and criterion (columns), `None` where nobody scored.
    pub means: Vec<Vec<Option<f64>>>,
    /// Rankings: items best first by Borda count (ties keep item order), with their points.
    pub order: Vec<(String, u64)>,
    /// Short texts: each distinct answer with how many devices gave it, most first.
    pub texts: Vec<(String, u64)>,
}

/// Whether a question can be opened to the room at all (the `room: true` field is refused on
/// other types).
pub fn open_to_room(q: &Question) -> bool {
    matches!(
        q.kind,
        QuestionKind::List { .. }
            | QuestionKind::Vote { .. }
            | QuestionKind::Score { .. }
            | QuestionKind::Rank { .. }
            | QuestionKind::Select { .. }
            | QuestionKind::Multiselect { .. }
            | QuestionKind::Text { .. }
    )
}

/// The device id of entries the facilitator typed in the panel.
pub const FACILITATOR: &str = "";

/// Participants' text as one line: control characters (line breaks, terminal escapes) and the
/// bidirectional overrides that could make it read backwards become spaces, and runs of space
/// become one. The server cleans a form's text with it too, so both say the same.
pub fn one_line(raw: &str) -> String {
    let spaced: String = raw
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}') {
                ' '
            } else {
                c
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A participant's text as stored: control characters (line breaks, terminal escapes) become
/// spaces, surrounding space goes. Refused when empty or too long.
pub fn clean_text(text: &str, lang: Lang) -> Result<String, String> {
    let cleaned = one_line(text);
    let cleaned = cleaned.as_str();
    if cleaned.is_empty() {
        return Err(t(lang, "room.refuse.empty").to_owned());
    }
    if cleaned.chars().count() > MAX_ENTRY_CHARS {
        return Err(tf(
            lang,
            "room.refuse.too_long",
            &[("max", &MAX_ENTRY_CHARS)],
        ));
    }
    Ok(cleaned.to_owned())
}

/// A pseudonym as stored: cleaned like any text, cut to `MAX_NAME_CHARS`, none when blank.
pub fn clean_name(name: Option<&str>) -> Option<String> {
    let name: String = one_line(name?).chars().take(MAX_NAME_CHARS).collect();
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_owned())
}

impl Ledger {
    pub fn new(opened: String, opened_ms: u64) -> Ledger {
        Ledger {
            opened,
            opened_ms,
            ..Ledger::default()
        }
    }

    fn next_id(&self) -> u64 {
        self.entries.iter().map(|e| e.id).max().map_or(1, |m| m + 1)
    }

    fn entry_mut(&mut self, id: u64, lang: Lang) -> Result<&mut RoomEntry, String> {
        self.entries
            .iter_mut()
            .find(|e| e.id == id)
            .ok_or_else(|| tf(lang, "room.refuse.no_entry", &[("n", &id)]))
    }

    /// Applies what a participant sent; the reason when it is refused (the ledger is then
    /// unchanged).
    pub fn apply(
        &mut self,
        q: &Question,
        items: &[String],
        c: &Contribution,
        lang: Lang,
    ) -> Result<(), String> {
        if self.closed {
            return Err(t(lang, "room.refuse.closed").to_owned());
        }
        let name = clean_name(c.name.as_deref());
        match (&c.action, &q.kind) {
            (RoomAction::Add(text), QuestionKind::List { validate, .. }) => {
                let text = clean_text(text, lang)?;
                crate::engine::answers::check_entry(q, &text, validate, lang)?;
                let mine = self.entries.iter().filter(|e| e.device == c.device).count();
                if mine >= MAX_ENTRIES_PER_DEVICE || self.entries.len() >= MAX_ENTRIES {
                    return Err(t(lang, "room.refuse.full").to_owned());
                }
                let id = self.next_id();
                self.entries.push(RoomEntry {
                    id,
                    device: c.device.clone(),
                    name,
                    text,
                    hidden: false,
                    merged_into: None,
                    withdrawn: false,
                });
                Ok(())
            }
            (RoomAction::Edit { id, text }, QuestionKind::List { validate, .. }) => {
                let text = clean_text(text, lang)?;
                crate::engine::answers::check_entry(q, &text, validate, lang)?;
                let device = c.device.clone();
                let entry = self.entry_mut(*id, lang)?;
                if entry.device != device || entry.withdrawn || entry.merged_into.is_some() {
                    return Err(t(lang, "room.refuse.not_yours").to_owned());
                }
                entry.text = text;
                Ok(())
            }
            (RoomAction::Withdraw { id }, QuestionKind::List { .. }) => {
                let device = c.device.clone();
                let entry = self.entry_mut(*id, lang)?;
                if entry.device != device || entry.merged_into.is_some() {
                    return Err(t(lang, "room.refuse.not_yours").to_owned());
                }
                entry.withdrawn = true;
                Ok(())
            }
            (RoomAction::Ballot(value), kind) if !matches!(kind, QuestionKind::List { .. }) => {
                if c.device == FACILITATOR {
                    return Err(t(lang, "room.refuse.not_yours").to_owned());
                }
                if !self.ballots.contains_key(&c.device) && self.ballots.len() >= MAX_DEVICES {
                    return Err(t(lang, "room.refuse.full").to_owned());
                }
                let value = check_ballot(q, items, value, lang)?;
                self.ballots
                    .insert(c.device.clone(), Ballot { name, value });
                Ok(())
            }
            _ => Err(t(lang, "room.refuse.wrong_kind").to_owned()),
        }
    }

    /// An entry of the facilitator's own (lists).
    pub fn add_own(&mut self, q: &Question, text: &str, lang: Lang) -> Result<(), String> {
        let c = Contribution {
            device: FACILITATOR.to_owned(),
            name: None,
            action: RoomAction::Add(text.to_owned()),
        };
        self.apply(q, &[], &c, lang)
    }

    /// Hides an entry from the answer and the results (or shows it again).
    pub fn hide(&mut self, id: u64, hidden: bool, lang: Lang) -> Result<(), String> {
        self.entry_mut(id, lang)?.hidden = hidden;
        Ok(())
    }

    /// Merges entry `from` into `into`: a duplicate goes, the entry it repeats stays.
    pub fn merge(&mut self, from: u64, into: u64, lang: Lang) -> Result<(), String> {
        if from == into {
            return Err(tf(lang, "room.refuse.no_entry", &[("n", &from)]));
        }
        let target = self
            .entries
            .iter()
            .find(|e| e.id == into)
            .ok_or_else(|| tf(lang, "room.refuse.no_entry", &[("n", &into)]))?;
        if !target.visible() {
            return Err(tf(lang, "room.refuse.no_entry", &[("n", &into)]));
        }
        let entry = self.entry_mut(from, lang)?;
        if entry.withdrawn || entry.merged_into.is_some() {
            return Err(tf(lang, "room.refuse.no_entry", &[("n", &from)]));
        }
        entry.merged_into = Some(into);
        // Whatever was merged into `from` moves along with it.
        for e in &mut self.entries {
            if e.merged_into == Some(from) {
                e.merged_into = Some(into);
            }
        }
        Ok(())
    }

    /// The visible entries' texts, oldest first.
    pub fn visible_texts(&self) -> Vec<String> {
        self.entries
            .iter()
            .filter(|e| e.visible())
            .map(|e| e.text.clone())
            .collect()
    }
}

/// A ballot in its stored shape, or why it is refused: dots within the budget, scores within
/// each criterion's range, a ranking of every item, known choices.
fn check_ballot(
    q: &Question,
    items: &[String],
    value: &Value,
    lang: Lang,
) -> Result<Value, String> {
    let bad = || t(lang, "room.refuse.bad_ballot").to_owned();
    let known = |item: &str| items.iter().any(|i| i == item);
    match &q.kind {
        QuestionKind::Vote { dots, .. } => {
            let Value::Mapping(m) = value else {
                return Err(bad());
            };
            let mut out = Mapping::new();
            let mut total: u64 = 0;
            for (k, v) in m {
                let item = k.as_str().ok_or_else(bad)?;
                let n = v.as_u64().ok_or_else(bad)?;
                if !known(item) {
                    return Err(bad());
                }
                total = total.saturating_add(n);
                if n > 0 {
                    out.insert(Value::from(item), Value::from(n));
                }
            }
            if total > u64::from(*dots) {
                return Err(tf(
                    lang,
                    "room.refuse.budget",
                    &[("dots", dots), ("placed", &total)],
                ));
            }
            Ok(Value::Mapping(out))
        }
        QuestionKind::Score { criteria, .. } => {
            let Value::Mapping(m) = value else {
                return Err(bad());
            };
            let mut out = Mapping::new();
            for (k, row) in m {
                let item = k.as_str().ok_or_else(bad)?;
                let Value::Mapping(row) = row else {
                    return Err(bad());
                };
                if !known(item) {
                    return Err(bad());
                }
                let mut cells = Mapping::new();
                for (ck, cv) in row {
                    let id = ck.as_str().ok_or_else(bad)?;
                    let c = criteria.iter().find(|c| c.id == id).ok_or_else(bad)?;
                    let n = cv.as_i64().ok_or_else(bad)?;
                    if n < c.min || n > c.max {
                        return Err(tf(
                            lang,
                            "room.refuse.score_range",
                            &[("min", &c.min), ("max", &c.max)],
                        ));
                    }
                    cells.insert(Value::from(id), Value::from(n));
                }
                if !cells.is_empty() {
                    out.insert(Value::from(item), Value::Mapping(cells));
                }
            }
            Ok(Value::Mapping(out))
        }
        QuestionKind::Rank { .. } => {
            let Value::Sequence(order) = value else {
                return Err(bad());
            };
            let order: Vec<&str> = order.iter().filter_map(Value::as_str).collect();
            let mut sorted = order.clone();
            sorted.sort_unstable();
            sorted.dedup();
            let mut all: Vec<&str> = items.iter().map(String::as_str).collect();
            all.sort_unstable();
            all.dedup();
            if order.len() != items.len() || sorted != all {
                return Err(t(lang, "room.refuse.rank_all").to_owned());
            }
            Ok(Value::Sequence(
                order.into_iter().map(Value::from).collect(),
            ))
        }
        QuestionKind::Select { choices } => {
            let v = value.as_str().ok_or_else(bad)?;
            if !choices.iter().any(|c| c.value == v) {
                return Err(bad());
            }
            Ok(Value::from(v))
        }
        QuestionKind::Multiselect { choices, min, max } => {
            let Value::Sequence(picked) = value else {
                return Err(bad());
            };
            // In the choices' own order, each once.
            let picked: Vec<Value> = choices
                .iter()
                .filter(|c| picked.iter().any(|v| v.as_str() == Some(&c.value)))
                .map(|c| Value::from(c.value.as_str()))
                .collect();
            let known = picked.len();
            if known != picked_len(value) {
                return Err(bad());
            }
            if min.is_some_and(|m| known < m) || max.is_some_and(|m| known > m) {
                return Err(tf(
                    lang,
                    "room.refuse.how_many",
                    &[
                        ("min", &min.unwrap_or(0)),
                        ("max", &max.unwrap_or(choices.len())),
                    ],
                ));
            }
            Ok(Value::Sequence(picked))
        }
        QuestionKind::Text { validate } => {
            let text = value.as_str().ok_or_else(bad)?;
            let text = clean_text(text, lang)?;
            crate::engine::answers::check_entry(q, &text, validate, lang)?;
            Ok(Value::String(text))
        }
        _ => Err(t(lang, "room.refuse.wrong_kind").to_owned()),
    }
}

/// How many distinct values a multiple choice ballot names.
fn picked_len(value: &Value) -> usize {
    let mut all: Vec<&str> = value
        .as_sequence()
        .map(|s| s.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    let len = value.as_sequence().map_or(0, Vec::len);
    all.sort_unstable();
    all.dedup();
    if all.len() == len {
        all.len()
    } else {
        usize::MAX
    }
}

/// The room's result so far.
pub fn tally(q: &Question, items: &[String], ledger: &Ledger) -> Tally {
    let mut devices: Vec<&str> = ledger
        .entries
        .iter()
        .filter(|e| e.device != FACILITATOR && !e.withdrawn)
        .map(|e| e.device.as_str())
        .chain(ledger.ballots.keys().map(String::as_str))
        .collect();
    devices.sort_unstable();
    devices.dedup();
    let mut tally = Tally {
        devices: devices.len(),
        ..Tally::default()
    };
    let ballots = || ledger.ballots.values().map(|b| &b.value);
    match &q.kind {
        QuestionKind::List { .. } => {
            tally.entries = ledger
                .entries
                .iter()
                .filter(|e| e.visible())
                .map(|e| (e.id, e.text.clone(), e.name.clone()))
                .collect();
        }
        QuestionKind::Vote { .. } => {
            tally.counts = items
                .iter()
                .map(|item| {
                    ballots()
                        .filter_map(|b| b.get(item.as_str()).and_then(Value::as_u64))
                        .sum()
                })
                .collect();
        }
        QuestionKind::Score { criteria, .. } => {
            tally.means = items
                .iter()
                .map(|item| {
                    criteria
                        .iter()
                        .map(|c| {
                            let scores: Vec<i64> = ballots()
                                .filter_map(|b| b.get(item.as_str())?.get(c.id.as_str())?.as_i64())
                                .collect();
                            (!scores.is_empty())
                                .then(|| scores.iter().sum::<i64>() as f64 / scores.len() as f64)
                        })
                        .collect()
                })
                .collect();
        }
        QuestionKind::Rank { .. } => {
            // Borda count: on a ballot of n items, the first gets n − 1 points, the last none.
            let n = items.len() as u64;
            let mut points: Vec<(String, u64)> = items
                .iter()
                .map(|item| {
                    let p = ballots()
                        .filter_map(|b| {
                            let order = b.as_sequence()?;
                            let at = order.iter().position(|v| v.as_str() == Some(item))?;
                            Some(n.saturating_sub(1 + at as u64))
                        })
                        .sum();
                    (item.clone(), p)
                })
                .collect();
            // Stable: ties keep the items' own order.
            points.sort_by_key(|(_, p)| std::cmp::Reverse(*p));
            tally.order = points;
        }
        QuestionKind::Select { choices } | QuestionKind::Multiselect { choices, .. } => {
            tally.counts = choices
                .iter()
                .map(|c| {
                    ballots()
                        .filter(|b| match b {
                            Value::String(s) => *s == c.value,
                            Value::Sequence(s) => s.iter().any(|v| v.as_str() == Some(&c.value)),
                            _ => false,
                        })
                        .count() as u64
                })
                .collect();
        }
        QuestionKind::Text { .. } => {
            let mut texts: Vec<(String, u64)> = Vec::new();
            for text in ballots().filter_map(Value::as_str) {
                match texts.iter_mut().find(|(t, _)| t == text) {
                    Some((_, n)) => *n += 1,
                    None => texts.push((text.to_owned(), 1)),
                }
            }
            texts.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
            tally.texts = texts;
        }
        _ => {}
    }
    tally
}

/// The answer the room's result makes, in the question's stored shape: the entries kept so
/// far (`earlier`) and the visible room entries for a list; dots by item; each cell's mean
/// score rounded to the nearest whole point (cells nobody scored are left out); the Borda
/// order. `None` for the single-answer types, which the facilitator confirms (`suggestion`).
pub fn fold(q: &Question, items: &[String], ledger: &Ledger, earlier: &[Value]) -> Option<Value> {
    let tally = tally(q, items, ledger);
    match &q.kind {
        QuestionKind::List { .. } => {
            let mut all = earlier.to_vec();
            all.extend(ledger.visible_texts().into_iter().map(Value::from));
            Some(Value::Sequence(all))
        }
        QuestionKind::Vote { .. } => Some(Value::Mapping(
            items
                .iter()
                .zip(&tally.counts)
                .filter(|(_, n)| **n > 0)
                .map(|(item, n)| (Value::from(item.as_str()), Value::from(*n)))
                .collect(),
        )),
        QuestionKind::Score { criteria, .. } => Some(Value::Mapping(
            items
                .iter()
                .zip(&tally.means)
                .filter_map(|(item, row)| {
                    let cells: Mapping = criteria
                        .iter()
                        .zip(row)
                        .filter_map(|(c, mean)| {
                            Some((
                                Value::from(c.id.as_str()),
                                Value::from((*mean)?.round() as i64),
                            ))
                        })
                        .collect();
                    (!cells.is_empty()).then(|| (Value::from(item.as_str()), Value::Mapping(cells)))
                })
                .collect(),
        )),
        QuestionKind::Rank { .. } => {
            if ledger.ballots.is_empty() {
                return None;
            }
            Some(Value::Sequence(
                tally
                    .order
                    .into_iter()
                    .map(|(i, _)| Value::from(i))
                    .collect(),
            ))
        }
        _ => None,
    }
}

/// What the room suggests for a single-answer question, for the facilitator to confirm: the
/// choice most devices picked (ties: the first choice), the choices at least half of them
/// picked, or the most frequent short text.
pub fn suggestion(q: &Question, ledger: &Ledger) -> Option<Value> {
    if ledger.ballots.is_empty() {
        return None;
    }
    let tally = tally(q, &[], ledger);
    match &q.kind {
        QuestionKind::Select { choices } => {
            let best = tally.counts.iter().copied().max()?;
            let at = tally.counts.iter().position(|&n| n == best)?;
            Some(Value::from(choices.get(at)?.value.as_str()))
        }
        QuestionKind::Multiselect { choices, .. } => {
            let half = (ledger.ballots.len() as u64).div_ceil(2);
            Some(Value::Sequence(
                choices
                    .iter()
                    .zip(&tally.counts)
                    .filter(|(_, n)| **n >= half && **n > 0)
                    .map(|(c, _)| Value::from(c.value.as_str()))
                    .collect(),
            ))
        }
        QuestionKind::Text { .. } => tally.texts.first().map(|(t, _)| Value::from(t.as_str())),
        _ => None,
    }
}

/// What participants' devices need to answer `q`.
pub fn room_kind(q: &Question, items: &[String]) -> Option<RoomKind> {
    let items = items.to_vec();
    let choices = |cs: &[crate::method::Choice]| {
        cs.iter()
            .map(|c| RoomChoice {
                value: c.value.clone(),
                label: c.label.clone(),
            })
            .collect()
    };
    Some(match &q.kind {
        QuestionKind::List { validate, .. } => RoomKind::List {
            max_chars: validate
                .max_length
                .map_or(MAX_ENTRY_CHARS, |m| m.min(MAX_ENTRY_CHARS)),
        },
        QuestionKind::Vote { dots, .. } => RoomKind::Vote { items, dots: *dots },
        QuestionKind::Score { criteria, .. } => RoomKind::Score {
            items,
            criteria: criteria
                .iter()
                .map(|c| RoomCriterion {
                    id: c.id.clone(),
                    label: c.label.clone(),
                    min: c.min,
                    max: c.max,
                })
                .collect(),
        },
        QuestionKind::Rank { .. } => RoomKind::Rank { items },
        QuestionKind::Select { choices: cs } => RoomKind::Select {
            choices: choices(cs),
        },
        QuestionKind::Multiselect {
            choices: cs,
            min,
            max,
        } => RoomKind::Multiselect {
            choices: choices(cs),
            min: *min,
            max: *max,
        },
        QuestionKind::Text { validate } => RoomKind::Text {
            max_chars: validate
                .max_length
                .map_or(MAX_ENTRY_CHARS, |m| m.min(MAX_ENTRY_CHARS)),
        },
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::engine::answers::tests::{new_session, yaml};
    use crate::engine::{Ask, Feedback, Interview, Options, Reply};
    use crate::method::{Document, Method, parse};
    use crate::session::Session;

    const METHOD: &str = "schema: 1\nid: room-test\nname: Room test\nsummary: S.\nstage: ideation\nduration: 30m\nsteps:\n  - id: write\n    title: Write\n    timebox: 5m\n    questions:\n      - { id: ideas, type: list, prompt: Ideas, room: true, max: 4 }\n  - id: choose\n    title: Choose\n    questions:\n      - { id: votes, type: vote, from: ideas, dots: 3, prompt: Vote, room: true }\n      - { id: ranked, type: rank, from: ideas, prompt: Rank, room: true }\n      - { id: scores, type: score, from: ideas, prompt: Score, room: true, criteria: [{ id: impact, label: Impact, min: 1, max: 5 }] }\n      - { id: pick, type: select, prompt: Pick, room: true, choices: [a, b, c] }\n      - { id: words, type: text, prompt: Words, room: true }\n";

    fn method() -> Method {
        match parse(METHOD.as_bytes(), "room-test.yaml", Some("room-test")) {
            Ok(Document::Method(m)) => m,
            other => panic!("does not parse: {other:?}"),
        }
    }

    fn opts(room: bool) -> Options {
        Options {
            lang: Lang::En,
            today: "2026-11-29".into(),
            timers: true,
            start_at_end: false,
            back_out: false,
            room,
        }
    }

    fn from(device: &str, name: Option<&str>, action: RoomAction) -> Reply {
        Reply::Room(vec![Contribution {
            device: device.into(),
            name: name.map(str::to_owned),
            action,
        }])
    }

    fn add(device: &str, text: &str) -> Reply {
        from(device, None, RoomAction::Add(text.into()))
    }

    fn ballot(device: &str, value: &str) -> Reply {
        from(device, Some("Ana"), RoomAction::Ballot(yaml(value)))
    }

    /// Replies in order, passing steps and reviews; returns what was refused, and the last
    /// room question seen.
    type Driven = (
        Vec<String>,
        Option<std::sync::Arc<RoomQuestion>>,
        Vec<String>,
    );

    fn drive(m: &Method, s: &mut Session, room: bool, replies: Vec<Reply>) -> Driven {
        drive_at(1_800_000_000, m, s, room, replies)
    }

    /// `drive` with the clock at `secs`.
    fn drive_at(secs: u64, m: &Method, s: &mut Session, room: bool, replies: Vec<Reply>) -> Driven {
        // `last`: the first room question's view after its last reply.
        let clock = FixedClock::at(secs);
        let mut store = |_s: &Session| Ok(());
        let mut iv = Interview::new(m, s, &mut store, &clock, opts(room));
        let mut refused = Vec::new();
        let mut asked = Vec::new();
        let mut last = None;
        let mut replies = replies.into_iter();
        loop {
            let ask = iv.next_ask().unwrap();
            asked.push(crate::engine::seam::tag(&ask));
            let reply = match &ask {
                Ask::Step { .. } | Ask::Review { .. } | Ask::Show { .. } => Reply::Done,
                Ask::End(_) => break,
                Ask::Room { room, .. } => {
                    if last
                        .as_ref()
                        .is_none_or(|l: &std::sync::Arc<RoomQuestion>| l.key == room.key)
                    {
                        last = Some(room.clone());
                    }
                    match replies.next() {
                        Some(r) => r,
                        None => break,
                    }
                }
                _ => match replies.next() {
                    Some(r) => r,
                    None => break,
                },
            };
            drop(ask);
            match iv.reply(reply).unwrap() {
                Feedback::Refused(msg) => refused.push(msg),
                Feedback::Room(results) => {
                    refused.extend(results.into_iter().filter_map(Result::err));
                }
                Feedback::Taken => {}
            }
        }
        (refused, last, asked)
    }

    #[test]
    fn entries_from_the_room_are_moderated_and_join_the_answer_when_it_closes() {
        let m = method();
        let mut s = new_session(&m);
        let (refused, last, asked) = drive(
            &m,
            &mut s,
            true,
            vec![
                add("d1", "Free buses on Sunday"),
                add("d2", "free buses on sunday"),
                add("d2", "<b>Night\u{1b}[31m lights</b>"),
                from(
                    "d1",
                    None,
                    RoomAction::Edit {
                        id: 3,
                        text: "x".into(),
                    },
                ),
                from(
                    "d2",
                    None,
                    RoomAction::Edit {
                        id: 3,
                        text: "Night lights".into(),
                    },
                ),
                add("d3", "Spam"),
                Reply::Answer(Value::from("Benches")),
                Reply::Merge { from: 2, into: 1 },
                Reply::Hide(4),
                from("d1", None, RoomAction::Withdraw { id: 2 }),
            ],
        );
        assert_eq!(asked[1], "room:ideas", "{asked:?}");
        assert_eq!(refused.len(), 2, "{refused:?}");
        assert!(refused[0].contains("own"), "{refused:?}");
        let room = last.unwrap();
        assert_eq!(room.key, "room-test/ideas");
        assert_eq!(room.ends_ms, Some(1_800_000_000_000 + 300_000));
        let ledger = &s.room.as_ref().unwrap().questions["ideas"];
        assert_eq!(ledger.entries[2].text, "Night lights");
        assert_eq!(ledger.entries[4].device, FACILITATOR);
        assert_eq!(
            ledger.visible_texts(),
            ["Free buses on Sunday", "Night lights", "Benches"]
        );
        assert!(s.answer("ideas").is_none(), "still open");
        // Close: the visible entries are the answer; the room moves on to the vote.
        let (refused, _, asked) = drive(&m, &mut s, true, vec![Reply::Done]);
        assert!(refused.is_empty(), "{refused:?}");
        assert_eq!(
            s.answer("ideas"),
            Some(&yaml("[Free buses on Sunday, Night lights, Benches]"))
        );
        assert!(s.room.as_ref().unwrap().questions["ideas"].closed);
        assert_eq!(asked.last().map(String::as_str), Some("room:votes"));
    }

    #[test]
    fn a_text_with_control_characters_is_stored_without_them() {
        assert_eq!(
            clean_text("a\u{1b}[2Jb\nc\u{7}", Lang::En).unwrap(),
            "a [2Jb c"
        );
        assert!(clean_text(" \n ", Lang::En).is_err());
        assert!(clean_text(&"x".repeat(MAX_ENTRY_CHARS + 1), Lang::En).is_err());
        assert_eq!(clean_name(Some("  Ana\u{1b}  ")), Some("Ana".into()));
        assert_eq!(
            clean_name(Some(&"n".repeat(100))).unwrap().len(),
            MAX_NAME_CHARS
        );
        assert_eq!(clean_name(Some("   ")), None);
    }

    /// Past the list: the three ideas answered the ordinary way.
    fn with_ideas() -> (Method, Session) {
        let m = method();
        let mut s = new_session(&m);
        s.answers
            .insert(Value::from("ideas"), yaml("[Buses, Lights, Benches]"));
        (m, s)
    }

    #[test]
    fn votes_keep_to_each_devices_budget_and_sum_up() {
        let (m, mut s) = with_ideas();
        let (refused, last, _) = drive(
            &m,
            &mut s,
            true,
            vec![
                ballot("d1", "{Buses: 2, Lights: 1}"),
                ballot("d2", "{Buses: 4}"),
                ballot("d2", "{Lights: 2, Benches: 1}"),
                ballot("d3", "{Nope: 1}"),
                ballot("d1", "{Buses: 1, Benches: 2}"),
            ],
        );
        assert_eq!(refused.len(), 2, "{refused:?}");
        assert!(refused[0].contains("3 dots and placed 4"), "{refused:?}");
        assert_eq!(last.unwrap().tally.counts, [1, 2, 3]);
        drive(&m, &mut s, true, vec![Reply::Done]);
        assert_eq!(
            s.answer("votes"),
            Some(&yaml("{Buses: 1, Lights: 2, Benches: 3}"))
        );
    }

    #[test]
    fn a_steps_room_questions_share_one_countdown() {
        let (mut m, mut s) = with_ideas();
        m.steps[1].timebox = Some(crate::method::Duration::from_minutes(10));
        // The vote opens at t; two minutes later it closes and the ranking opens, in the same
        // step.
        let (_, vote, _) = drive_at(1_800_000_000, &m, &mut s, true, vec![]);
        assert_eq!(vote.unwrap().ends_ms, Some(1_800_000_000_000 + 600_000));
        drive_at(1_800_000_120, &m, &mut s, true, vec![Reply::Done]);
        let (_, rank, _) = drive_at(1_800_000_120, &m, &mut s, true, vec![]);
        let rank = rank.unwrap();
        assert_eq!(rank.key, "room-test/ranked");
        assert_eq!(rank.opened_ms, 1_800_000_120_000);
        assert_eq!(
            rank.ends_ms,
            Some(1_800_000_000_000 + 600_000),
            "the step's end"
        );
    }

    #[test]
    fn rankings_are_combined_by_borda_count() {
        let (m, mut s) = with_ideas();
        s.answers.insert(Value::from("votes"), yaml("{Buses: 1}"));
        let (refused, last, _) = drive(
            &m,
            &mut s,
            true,
            vec![
                ballot("d1", "[Lights, Buses, Benches]"),
                ballot("d2", "[Benches, Lights, Buses]"),
                ballot("d3", "[Buses, Lights, Benches]"),
                ballot("d4", "[Buses, Buses, Benches]"),
                ballot("d5", "[Buses, Lights]"),
                Reply::Done,
            ],
        );
        assert_eq!(refused.len(), 2, "{refused:?}");
        // Points (n − 1 − place): Lights 2+1+1 = 4, Buses 1+0+2 = 3, Benches 0+2+0 = 2.
        let room = last.unwrap();
        assert_eq!(
            room.tally.order,
            [
                ("Lights".into(), 4),
                ("Buses".into(), 3),
                ("Benches".into(), 2)
            ]
        );
        assert_eq!(s.answer("ranked"), Some(&yaml("[Lights, Buses, Benches]")));
    }

    #[test]
    fn scores_are_averaged_and_a_cell_nobody_scored_is_left_out() {
        let (m, mut s) = with_ideas();
        s.answers.insert(Value::from("votes"), yaml("{Buses: 1}"));
        s.answers
            .insert(Value::from("ranked"), yaml("[Buses, Lights, Benches]"));
        let (refused, last, asked) = drive(
            &m,
            &mut s,
            true,
            vec![
                ballot("d1", "{Buses: {impact: 5}, Lights: {impact: 2}}"),
                ballot("d2", "{Buses: {impact: 4}, Lights: {impact: 9}}"),
                ballot("d2", "{Buses: {impact: 4}, Lights: {impact: 3}}"),
                Reply::Done,
            ],
        );
        assert_eq!(refused.len(), 1, "out of range: {refused:?}");
        let room = last.unwrap();
        assert_eq!(
            room.tally.means,
            vec![vec![Some(4.5)], vec![Some(2.5)], vec![None]]
        );
        // The means, rounded half away from zero; Benches, scored by nobody, is left out.
        assert_eq!(asked.last().map(String::as_str), Some("room:pick"));
        assert_eq!(
            s.answer("scores"),
            Some(&yaml("{Buses: {impact: 5}, Lights: {impact: 3}}"))
        );
    }

    #[test]
    fn single_answers_are_confirmed_by_the_facilitator_with_the_rooms_choice_first() {
        let (m, mut s) = with_ideas();
        for (k, v) in [
            ("votes", "{Buses: 1}"),
            ("ranked", "[Buses, Lights, Benches]"),
            (
                "scores",
                "{Buses: {impact: 1}, Lights: {impact: 1}, Benches: {impact: 1}}",
            ),
        ] {
            s.answers.insert(Value::from(k), yaml(v));
        }
        let (refused, last, asked) = drive(
            &m,
            &mut s,
            true,
            vec![
                ballot("d1", "b"),
                ballot("d2", "c"),
                ballot("d3", "b"),
                ballot("d4", "z"),
                Reply::Done,
            ],
        );
        assert_eq!(refused.len(), 1, "{refused:?}");
        assert_eq!(last.unwrap().tally.counts, [0, 2, 1]);
        assert_eq!(asked.last().map(String::as_str), Some("question:pick"));
        let pick = m.questions().find(|(_, q)| q.id == "pick").unwrap().1;
        let ledger = &s.room.as_ref().unwrap().questions["pick"];
        assert_eq!(suggestion(pick, ledger), Some(yaml("b")));
    }

    #[test]
    fn resumed_without_the_room_an_open_questions_entries_are_kept() {
        let m = method();
        let mut s = new_session(&m);
        drive(&m, &mut s, true, vec![add("d1", "One"), add("d2", "Two")]);
        let yaml_text = serde_yaml::to_string(&s).unwrap();
        let mut s: Session = serde_yaml::from_str(&yaml_text).unwrap();
        // Back with the room: the same question, both entries.
        let (_, last, _) = drive(&m, &mut s, true, vec![]);
        assert_eq!(last.unwrap().tally.entries.len(), 2);
        // Without it: the entries become the list's progress, asked the ordinary way.
        let (_, last, asked) = drive(&m, &mut s, false, vec![]);
        assert!(last.is_none());
        assert_eq!(asked.last().map(String::as_str), Some("entry:ideas"));
        assert_eq!(s.in_progress.as_ref().unwrap().value, yaml("[One, Two]"));
        assert!(s.room.as_ref().unwrap().questions["ideas"].closed);
    }

    #[test]
    fn room_replies_outside_a_room_question_are_refused() {
        let m = method();
        let mut s = new_session(&m);
        let (refused, last, asked) = drive(&m, &mut s, false, vec![add("d1", "x")]);
        assert!(last.is_none());
        assert_eq!(asked[1], "entry:ideas");
        assert_eq!(refused, ["This question is closed."]);
        assert!(s.room.is_none());
    }
}
