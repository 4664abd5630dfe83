//! Validated domain types: what the engine, reports and commands work with.
//!
//! A `Method` is only ever built by `validate` from a raw file that passed every check, so code
//! that holds one can trust its ids, references and ranges.

use std::collections::BTreeMap;
use std::fmt;

use serde::Serialize;

use super::duration::Duration;
use super::raw::Stage;
use super::text::Text;

/// A method or a playbook, as found in a file.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum Document {
    Method(Method),
    Playbook(Playbook),
}

impl Document {
    pub fn id(&self) -> &str {
        match self {
            Document::Method(m) => &m.id,
            Document::Playbook(p) => &p.id,
        }
    }

    pub fn name(&self) -> &Text {
        match self {
            Document::Method(m) => &m.name,
            Document::Playbook(p) => &p.name,
        }
    }

    pub fn summary(&self) -> &Text {
        match self {
            Document::Method(m) => &m.summary,
            Document::Playbook(p) => &p.summary,
        }
    }

    pub fn stage(&self) -> Stage {
        match self {
            Document::Method(m) => m.stage,
            Document::Playbook(p) => p.stage,
        }
    }

    pub fn tags(&self) -> &[String] {
        match self {
            Document::Method(m) => &m.tags,
            Document::Playbook(p) => &p.tags,
        }
    }

    pub fn group(&self) -> Option<GroupSize> {
        match self {
            Document::Method(m) => m.group,
            Document::Playbook(p) => p.group,
        }
    }

    pub fn is_playbook(&self) -> bool {
        matches!(self, Document::Playbook(_))
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Method {
    pub id: String,
    pub version: u32,
    pub name: Text,
    pub summary: Text,
    /// The report's opening sentence (what the document is, for whom); the summary when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report_intro: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when_to_use: Option<Text>,
    pub stage: Stage,
    pub duration: Duration,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupSize>,
    pub roles: Vec<Text>,
    pub materials: Vec<Text>,
    pub tags: Vec<String>,
    pub before: Vec<String>,
    pub after: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub considerations: Option<Text>,
    pub sources: Vec<Source>,
    pub steps: Vec<Step>,
    /// SHA-256 of the file's bytes; sessions record it to notice a changed method on resume.
    pub content_hash: String,
}

impl Method {
    /// Every question in asking order, with the index of its step.
    pub fn questions(&self) -> impl Iterator<Item = (usize, &Question)> {
        self.steps
            .iter()
            .enumerate()
            .flat_map(|(i, s)| s.questions.iter().map(move |q| (i, q)))
    }

    pub fn question(&self, id: &str) -> Option<&Question> {
        self.questions().map(|(_, q)| q).find(|q| q.id == id)
    }
}

/// People in the group: `min` to `max` (open-ended when `max` is `None`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct GroupSize {
    pub min: u32,
    pub max: Option<u32>,
}

impl GroupSize {
    pub fn fits(&self, people: u32) -> bool {
        people >= self.min && self.max.is_none_or(|max| people <= max)
    }
}

impl fmt::Display for GroupSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.max {
            Some(max) if max == self.min => write!(f, "{max}"),
            Some(max) => write!(f, "{}-{max}", self.min),
            None => write!(f, "{}+", self.min),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Source {
    pub title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Step {
    pub id: String,
    pub title: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub guide: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timebox: Option<Duration>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Question {
    pub id: String,
    pub prompt: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
    pub required: bool,
    /// A fixed default, or a handlebars template (strings) over earlier answers.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_yaml::Value>,
    /// A handlebars condition; the question is asked when it renders truthy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when: Option<String>,
    /// The default is text carried from earlier answers (a playbook's `defaults`), already
    /// rendered: it is used as it is, never rendered as a template again.
    #[serde(skip)]
    pub literal_default: bool,
    /// Open to participants' own devices in a room run (`run --room`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub room: bool,
    #[serde(flatten)]
    pub kind: QuestionKind,
}

/// What a question asks for, with the settings of its type.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "lowercase")]
pub enum QuestionKind {
    Text {
        validate: Validation,
    },
    Longtext {
        validate: Validation,
    },
    Number {
        min: Option<f64>,
        max: Option<f64>,
        integer: bool,
        unit: Option<Text>,
    },
    Confirm,
    Select {
        choices: Vec<Choice>,
    },
    Multiselect {
        choices: Vec<Choice>,
        min: Option<usize>,
        max: Option<usize>,
    },
    Scale {
        min: i64,
        max: i64,
        labels: BTreeMap<i64, Text>,
    },
    Date,
    List {
        min: Option<usize>,
        max: Option<usize>,
        validate: Validation,
    },
    Records {
        fields: Vec<Question>,
        min: Option<usize>,
        max: Option<usize>,
    },
    Vote {
        from: String,
        dots: u32,
    },
    Score {
        from: String,
        criteria: Vec<Criterion>,
        quadrants: Option<Quadrants>,
    },
    Rank {
        from: String,
    },
    Computed {
        value: String,
        unit: Option<Text>,
    },
}

impl QuestionKind {
    pub fn type_name(&self) -> &'static str {
        match self {
            QuestionKind::Text { .. } => "text",
            QuestionKind::Longtext { .. } => "longtext",
            QuestionKind::Number { .. } => "number",
            QuestionKind::Confirm => "confirm",
            QuestionKind::Select { .. } => "select",
            QuestionKind::Multiselect { .. } => "multiselect",
            QuestionKind::Scale { .. } => "scale",
            QuestionKind::Date => "date",
            QuestionKind::List { .. } => "list",
            QuestionKind::Records { .. } => "records",
            QuestionKind::Vote { .. } => "vote",
            QuestionKind::Score { .. } => "score",
            QuestionKind::Rank { .. } => "rank",
            QuestionKind::Computed { .. } => "computed",
        }
    }

    /// The earlier question whose items this question works over, if any.
    pub fn items_from(&self) -> Option<&str> {
        match self {
            QuestionKind::Vote { from, .. }
            | QuestionKind::Score { from, .. }
            | QuestionKind::Rank { from } => Some(from),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Validation {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_length: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Choice {
    pub value: String,
    pub label: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub help: Option<Text>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Criterion {
    pub id: String,
    pub label: Text,
    pub min: i64,
    pub max: i64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Quadrants {
    pub high_high: Text,
    pub high_low: Text,
    pub low_high: Text,
    pub low_low: Text,
}

/// A validated playbook: methods in order, with breaks.
#[derive(Debug, Clone, Serialize)]
pub struct Playbook {
    pub id: String,
    pub version: u32,
    pub name: Text,
    pub summary: Text,
    /// The report's opening sentence (what the document is, for whom); the summary when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub report_intro: Option<Text>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub when_to_use: Option<Text>,
    pub stage: Stage,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<GroupSize>,
    pub tags: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    pub sources: Vec<Source>,
    pub blocks: Vec<Block>,
    pub content_hash: String,
}

impl Playbook {
    /// The ids of the methods it runs, in order.
    pub fn method_ids(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Method { method, .. } => Some(method.as_str()),
            Block::Break { .. } => None,
        })
    }

    /// The total length of its breaks.
    pub fn break_time(&self) -> Duration {
        Duration::from_secs(
            self.blocks
                .iter()
                .map(|b| {
                    if let Block::Break { duration, .. } = b {
                        duration.secs()
                    } else {
                        0
                    }
                })
                .sum(),
        )
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    Method {
        method: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<Text>,
        defaults: BTreeMap<String, String>,
        items: BTreeMap<String, String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        top: Option<u32>,
        /// Start on this day of a multi-day workshop.
        #[serde(skip_serializing_if = "Option::is_none")]
        day: Option<u32>,
        /// How to run the block inside the playbook (tables, plenary…).
        #[serde(skip_serializing_if = "Option::is_none")]
        guide: Option<Text>,
        /// Runs in parallel tables sized by the method's group range.
        #[serde(skip_serializing_if = "std::ops::Not::not")]
        tables: bool,
        /// The size of each table, when the playbook gives one (`tables: 4-6`).
        #[serde(skip_serializing_if = "Option::is_none")]
        table_size: Option<GroupSize>,
    },
    Break {
        duration: Duration,
        #[serde(skip_serializing_if = "Option::is_none")]
        title: Option<Text>,
    },
}
