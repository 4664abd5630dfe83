//! The room's side of a question: what participants sent from their own devices (entries,
//! ballots), the facilitator's moderation (hide, merge) and the one tally every front end shows
//! (the facilitator's panel, the participants' results page) and the answer is folded from.
//!
//! Pure data and rules, no I/O: the interview applies a `Contribution` (a `Reply::Room`) to the
//! question's `Ledger`, saves the session, and the room's front ends read a `RoomQuestion`
//! (`Ask::Room`). Participants are known only by a random device id and an optional pseudonym.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_yaml::Value;

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
    /// When the question opened to the room (RFC 3339): the timebox counts from here.
    pub opened: String,
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
