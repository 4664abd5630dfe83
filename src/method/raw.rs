//! Raw serde types that mirror a method or playbook file exactly.
//!
//! These types only describe shape: they accept anything the YAML grammar of schema 1 allows
//! and reject unknown fields. Meaning (ids, references, ranges) is checked in `validate`, which
//! turns a raw file into domain types. The JSON Schema (`labkit schema`) is generated from here,
//! so these doc comments are what an editor shows a method author. The `#[schemars(...)]`
//! attributes repeat, for the schema only, the checks of `validate` that concern one field
//! (patterns, ranges, lengths); rules across fields are added in `schema`.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::duration::Duration;
use super::text::{NonBlankText, Text};
use super::validate::{ID_MAX_LEN, LOCAL_ID_PATTERN, METHOD_ID_PATTERN};

/// A labkit method file (schema 1): the steps and questions of one workshop method.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMethod {
    /// The method-file format version. Always `1` for now.
    #[schemars(extend("const" = 1))]
    pub schema: u32,
    /// `method` (the default); a playbook file says `kind: playbook`.
    #[serde(default)]
    #[schemars(extend("enum" = ["method", null]))]
    pub kind: Option<Kind>,
    /// Lowercase letters, digits and dashes; equals the file name without `.yaml`.
    #[schemars(regex(pattern = METHOD_ID_PATTERN), length(min = 1, max = ID_MAX_LEN))]
    pub id: String,
    /// Bump when questions change incompatibly; sessions record it.
    #[serde(default = "one")]
    #[schemars(range(min = 1))]
    pub version: u32,
    #[schemars(with = "NonBlankText")]
    pub name: Text,
    /// One or two sentences: what the method does.
    #[schemars(with = "NonBlankText")]
    pub summary: Text,
    /// The sentence that opens the report, under its title: what the document is and who it
    /// is for (the summary says what the method does, for the facilitator choosing it).
    #[serde(default)]
    #[schemars(with = "Option<NonBlankText>")]
    pub report_intro: Option<Text>,
    /// When a team should reach for this method.
    #[serde(default)]
    pub when_to_use: Option<Text>,
    pub stage: Stage,
    /// Typical total duration, e.g. `45m` or `1h30m`.
    pub duration: Duration,
    /// Group size in people: `5`, `2-8` or `4+`.
    #[serde(default)]
    pub group: Option<GroupSpec>,
    #[serde(default)]
    pub roles: Vec<Text>,
    #[serde(default)]
    pub materials: Vec<Text>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// Ids of methods that usually come before this one.
    #[serde(default)]
    #[schemars(inner(regex(pattern = METHOD_ID_PATTERN), length(min = 1, max = ID_MAX_LEN)))]
    pub before: Vec<String>,
    /// Ids of methods that usually come after this one.
    #[serde(default)]
    #[schemars(inner(regex(pattern = METHOD_ID_PATTERN), length(min = 1, max = ID_MAX_LEN)))]
    pub after: Vec<String>,
    /// Personal data, consent, vulnerable groups and other care points.
    #[serde(default)]
    pub considerations: Option<Text>,
    /// Where the method comes from: credit by title, URL and licence.
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[schemars(length(min = 1))]
    pub steps: Vec<RawStep>,
}

fn one() -> u32 {
    1
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Method,
    Playbook,
}

/// Where in the life of a project a method belongs.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Stage {
    Setup,
    Framing,
    Research,
    Ideation,
    Experiment,
    Learning,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::Setup,
        Stage::Framing,
        Stage::Research,
        Stage::Ideation,
        Stage::Experiment,
        Stage::Learning,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Stage::Setup => "setup",
            Stage::Framing => "framing",
            Stage::Research => "research",
            Stage::Ideation => "ideation",
            Stage::Experiment => "experiment",
            Stage::Learning => "learning",
        }
    }
}

/// A group size: a number, or a string `2-8` / `4+`.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum GroupSpec {
    Exact(u32),
    Range(String),
}

// Written by hand: both forms carry the validator's rules (at least one person), which
// attributes on the variants of an untagged enum cannot say.
impl JsonSchema for GroupSpec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "GroupSpec".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A group size in people: a number, or a string `2-8` / `4+`.",
            "anyOf": [
                { "type": "integer", "minimum": 1, "maximum": u32::MAX },
                { "type": "string", "pattern": super::validate::GROUP_PATTERN }
            ]
        })
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    #[schemars(regex(pattern = r"\S"))]
    pub title: String,
    #[serde(default)]
    #[schemars(regex(pattern = "^https?://"))]
    pub url: Option<String>,
    #[serde(default)]
    pub license: Option<String>,
}

/// One step of a method: guidance for the facilitator, a timebox, and the questions for the group.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    #[schemars(regex(pattern = LOCAL_ID_PATTERN), length(min = 1, max = ID_MAX_LEN))]
    pub id: String,
    #[schemars(with = "NonBlankText")]
    pub title: Text,
    /// Facilitator guidance, in Markdown.
    #[serde(default)]
    pub guide: Option<Text>,
    #[serde(default)]
    pub timebox: Option<Duration>,
    #[serde(default)]
    pub questions: Vec<RawQuestion>,
}

/// The kinds of question a step can ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum QuestionType {
    Text,
    Longtext,
    Number,
    Confirm,
    Select,
    Multiselect,
    Scale,
    Date,
    List,
    Records,
    Vote,
    Score,
    Rank,
    Computed,
}

impl QuestionType {
    pub const ALL: [QuestionType; 14] = [
        QuestionType::Text,
        QuestionType::Longtext,
        QuestionType::Number,
        QuestionType::Confirm,
        QuestionType::Select,
        QuestionType::Multiselect,
        QuestionType::Scale,
        QuestionType::Date,
        QuestionType::List,
        QuestionType::Records,
        QuestionType::Vote,
        QuestionType::Score,
        QuestionType::Rank,
        QuestionType::Computed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            QuestionType::Text => "text",
            QuestionType::Longtext => "longtext",
            QuestionType::Number => "number",
            QuestionType::Confirm => "confirm",
            QuestionType::Select => "select",
            QuestionType::Multiselect => "multiselect",
            QuestionType::Scale => "scale",
            QuestionType::Date => "date",
            QuestionType::List => "list",
            QuestionType::Records => "records",
            QuestionType::Vote => "vote",
            QuestionType::Score => "score",
            QuestionType::Rank => "rank",
            QuestionType::Computed => "computed",
        }
    }
}

/// A question. `type` decides which of the optional fields apply; the validator rejects a
/// field that does not fit the type (for example `choices` on a `text` question).
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    #[schemars(regex(pattern = LOCAL_ID_PATTERN), length(min = 1, max = ID_MAX_LEN))]
    pub id: String,
    #[serde(rename = "type")]
    pub kind: QuestionType,
    #[schemars(with = "NonBlankText")]
    pub prompt: Text,
    #[serde(default)]
    pub help: Option<Text>,
    /// Whether an answer is needed; default `true`.
    #[serde(default)]
    pub required: Option<bool>,
    /// A default answer. Strings are handlebars templates over earlier answers.
    #[serde(default)]
    #[schemars(with = "Option<serde_json::Value>")]
    pub default: Option<serde_yaml::Value>,
    /// Handlebars condition over earlier answers; the question is asked only when it renders truthy.
    #[serde(default)]
    pub when: Option<String>,
    /// Checks for text answers.
    #[serde(default)]
    pub validate: Option<RawValidate>,
    /// `number`/`scale`: the lowest value; `list`/`records`/`multiselect`: the fewest entries.
    #[serde(default)]
    pub min: Option<f64>,
    /// `number`/`scale`: the highest value; `list`/`records`/`multiselect`: the most entries.
    #[serde(default)]
    pub max: Option<f64>,
    /// `number`: whole numbers only.
    #[serde(default)]
    pub integer: Option<bool>,
    /// `number`/`computed`: the unit shown after the value (e.g. `people`).
    #[serde(default)]
    pub unit: Option<Text>,
    /// `select`/`multiselect`: the choices, as strings or `{value, label, help}`.
    #[serde(default)]
    #[schemars(length(min = 1), extend("uniqueItems" = true))]
    pub choices: Option<Vec<RawChoice>>,
    /// `scale`: labels of some points, e.g. `{1: Low, 5: High}`.
    #[serde(default)]
    pub labels: Option<BTreeMap<i64, Text>>,
    /// `records`: the fields of each row.
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub fields: Option<Vec<RawQuestion>>,
    /// `vote`/`score`/`rank`: the id of an earlier `list` or `records` question whose items are used.
    #[serde(default)]
    pub from: Option<String>,
    /// `vote`: dots each participant has (default 3).
    #[serde(default)]
    #[schemars(range(min = 1))]
    pub dots: Option<u32>,
    /// `score`: the criteria each item is rated on.
    #[serde(default)]
    #[schemars(length(min = 1))]
    pub criteria: Option<Vec<RawCriterion>>,
    /// `score` with two criteria: names of the four quadrants of the 2×2 matrix.
    #[serde(default)]
    pub quadrants: Option<RawQuadrants>,
    /// `computed`: a handlebars expression over earlier answers, e.g. `{{sample_size_proportions baseline target}}`.
    #[serde(default)]
    #[schemars(regex(pattern = r"\S"))]
    pub value: Option<String>,
    /// `list`/`vote`/`score`/`rank`/`select`/`multiselect`/`text`: open to participants'
    /// own devices when the session runs with `--room`.
    #[serde(default)]
    pub room: Option<bool>,
}

/// Checks on a text answer.
#[derive(Debug, Clone, Default, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawValidate {
    #[serde(default)]
    pub min_length: Option<usize>,
    #[serde(default)]
    pub max_length: Option<usize>,
    /// A regular expression the whole answer must match.
    #[serde(default)]
    pub pattern: Option<String>,
    /// Shown when a check fails.
    #[serde(default)]
    pub message: Option<Text>,
}

/// A choice: a plain value, or a value with a label and help text.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(untagged)]
pub enum RawChoice {
    Value(#[schemars(regex(pattern = r"\S"))] String),
    Detailed(RawDetailedChoice),
}

#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawDetailedChoice {
    #[schemars(regex(pattern = r"\S"))]
    pub value: String,
    #[serde(default)]
    pub label: Option<Text>,
    #[serde(default)]
    pub help: Option<Text>,
}

/// A criterion of a `score` question, e.g. impact from 1 to 5.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCriterion {
    #[schemars(regex(pattern = LOCAL_ID_PATTERN), length(min = 1, max = ID_MAX_LEN))]
    pub id: String,
    pub label: Text,
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
}

/// Names of the quadrants of a 2×2 matrix; the first criterion is "high/low" first.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawQuadrants {
    pub high_high: Text,
    pub high_low: Text,
    pub low_high: Text,
    pub low_low: Text,
}

/// A playbook: several methods run as one session.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPlaybook {
    #[schemars(extend("const" = 1))]
    pub schema: u32,
    /// Must be `playbook`.
    #[schemars(extend("const" = "playbook"))]
    pub kind: Kind,
    #[schemars(regex(pattern = METHOD_ID_PATTERN), length(min = 1, max = ID_MAX_LEN))]
    pub id: String,
    #[serde(default = "one")]
    #[schemars(range(min = 1))]
    pub version: u32,
    #[schemars(with = "NonBlankText")]
    pub name: Text,
    #[schemars(with = "NonBlankText")]
    pub summary: Text,
    /// The sentence that opens the playbook's report: what the document is and who it is for.
    #[serde(default)]
    #[schemars(with = "Option<NonBlankText>")]
    pub report_intro: Option<Text>,
    #[serde(default)]
    pub when_to_use: Option<Text>,
    pub stage: Stage,
    #[serde(default)]
    pub group: Option<GroupSpec>,
    #[serde(default)]
    pub tags: Vec<String>,
    /// A report template name for the whole playbook (optional).
    #[serde(default)]
    pub template: Option<String>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    /// The methods in order, with breaks between them.
    #[schemars(length(min = 1))]
    pub methods: Vec<RawPlaybookEntry>,
}

/// One block of a playbook: a method (with its settings) or a break.
#[derive(Debug, Clone, Deserialize, Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPlaybookEntry {
    /// The id of the method to run.
    #[serde(default)]
    #[schemars(regex(pattern = METHOD_ID_PATTERN), length(min = 1, max = ID_MAX_LEN))]
    pub method: Option<String>,
    /// A break of this length instead of a method.
    #[serde(rename = "break", default)]
    pub pause: Option<Duration>,
    /// A title for the block (defaults to the method's name, or "Break").
    #[serde(default)]
    pub title: Option<Text>,
    /// Question id → template over earlier answers (`{{problem-framing.hmw}}`), used as defaults.
    #[serde(default)]
    pub defaults: BTreeMap<String, String>,
    /// Question id → `method.question` of an earlier list, records or vote question whose items
    /// this method's vote, score or rank question uses.
    #[serde(default)]
    pub items: BTreeMap<String, String>,
    /// For `items` taken from a vote: how many of the top-voted items to carry over.
    #[serde(default)]
    pub top: Option<u32>,
    /// Start this block on day N of a multi-day workshop (1 is the first day).
    #[serde(default)]
    #[schemars(range(min = 1))]
    pub day: Option<u32>,
    /// How to run this block inside the playbook: how the room splits into tables, what each
    /// table does, how results come back together. Shown when `run` reaches the block.
    #[serde(default)]
    #[schemars(with = "Option<NonBlankText>")]
    pub guide: Option<Text>,
    /// The block runs in parallel tables and the tables' results are brought back in
    /// plenary: `true` (tables sized by the method's group range) or a table size (`4-6`)
    /// within that range. Needs a `guide` saying how.
    #[serde(default)]
    pub tables: Option<TablesSpec>,
}

/// `tables:` of a playbook block: `true`, or the size of each table.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(untagged)]
pub enum TablesSpec {
    Flag(bool),
    Size(GroupSpec),
}

// Written by hand, like `GroupSpec`'s: a boolean or a group size.
impl JsonSchema for TablesSpec {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "TablesSpec".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let size = generator.subschema_for::<GroupSpec>();
        schemars::json_schema!({
            "description": "`true` (tables sized by the method's group range) or the size of each table (`4-6`).",
            "anyOf": [ { "type": "boolean" }, size ]
        })
    }
}

/// A labkit method file, or a playbook file (`kind: playbook`).
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)]
pub enum RawDocument {
    Method(RawMethod),
    Playbook(RawPlaybook),
}
