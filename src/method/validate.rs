//! Checks the meaning of a raw method or playbook and builds the domain types.
//!
//! Shape was checked by serde; here we check what serde cannot: ids, uniqueness, references to
//! earlier questions, choices, ranges, templates. Every problem is collected (never stop at the
//! first), each with its path in the document, so an author fixes a file in one pass. Positions
//! (`line:column`) are attached later by the loader, which owns the source text.

use std::collections::{HashMap, HashSet};

use super::model::*;
use super::raw::*;
use super::refs::{TemplateProblem, references};
use super::text::Text;
use super::{Issue, suggest};
use crate::i18n::msg;

/// Names a template may use besides earlier answers: facts about the session.
pub const SESSION_NAMES: &[&str] = &["lab", "facilitator", "participants", "lang", "today"];

/// [`is_method_id`] as a JSON Schema pattern (with `maxLength` [`ID_MAX_LEN`]), for `labkit
/// schema`; a test checks that the two agree.
pub const METHOD_ID_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";

/// The longest method, step, question, field or criterion id.
pub const ID_MAX_LEN: u32 = 64;

pub fn is_method_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= ID_MAX_LEN as usize
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// [`is_template_name`] as a JSON Schema pattern (with `maxLength` [`TEMPLATE_NAME_MAX_LEN`]
/// once a `.md.hbs` ending is taken off), for `labkit schema`; a test checks that they agree.
pub const TEMPLATE_NAME_PATTERN: &str =
    "^[A-Za-z0-9_-][A-Za-z0-9._-]*(/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$";

/// The longest template name, without `.md.hbs`.
pub const TEMPLATE_NAME_MAX_LEN: u32 = 200;

/// A report template's name as a method or playbook may give it: `experiment-plan`, or a
/// path inside a template folder (`lab/plan`), each part letters, digits, `-`, `_` or `.` and
/// not starting with a dot; so never `..`, an absolute path or a drive. Files name templates
/// by name only: a shared playbook must not make `report` print a file from elsewhere.
pub fn is_template_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= TEMPLATE_NAME_MAX_LEN as usize
        && name.split('/').all(|part| {
            !part.is_empty()
                && !part.starts_with('.')
                && part
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
        })
}

/// [`is_local_id`] as a JSON Schema pattern (with `maxLength` [`ID_MAX_LEN`]), for `labkit
/// schema`; a test checks that the two agree.
pub const LOCAL_ID_PATTERN: &str = "^[a-z][a-z0-9_-]*$";

/// Step, question, field, criterion ids: a lowercase letter, then letters, digits, `_` or `-`.
pub fn is_local_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_lowercase())
        && bytes.all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
        && id.len() <= ID_MAX_LEN as usize
}

struct Checker {
    issues: Vec<Issue>,
}

impl Checker {
    fn error(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.issues.push(Issue::new(path, message));
    }

    fn error_hint(
        &mut self,
        path: impl Into<String>,
        message: impl Into<String>,
        hint: Option<String>,
    ) {
        let mut issue = Issue::new(path, message);
        issue.hint = hint;
        self.issues.push(issue);
    }

    fn text(&mut self, path: &str, text: &Text) {
        if Text::missing_languages(text).len() == crate::lang::Lang::ALL.len() {
            self.error(path, msg("validate.text_empty", &[]));
        }
    }

    fn sources(&mut self, sources: &[RawSource]) -> Vec<Source> {
        sources
            .iter()
            .enumerate()
            .map(|(i, s)| {
                if s.title.trim().is_empty() {
                    self.error(
                        format!("sources[{i}].title"),
                        msg("validate.source_title_empty", &[]),
                    );
                }
                if let Some(url) = &s.url
                    && !(url.starts_with("https://") || url.starts_with("http://"))
                {
                    self.error(
                        format!("sources[{i}].url"),
                        msg("validate.source_url", &[("url", url)]),
                    );
                }
                Source {
                    title: s.title.clone(),
                    url: s.url.clone(),
                    license: s.license.clone(),
                }
            })
            .collect()
    }

    fn group(&mut self, group: &Option<GroupSpec>) -> Option<GroupSize> {
        self.group_at("group", group.as_ref()?)
    }

    /// A group size at `field`: an error naming it when it is not one.
    fn group_at(&mut self, field: &str, spec: &GroupSpec) -> Option<GroupSize> {
        let parsed = match spec {
            GroupSpec::Exact(n) => Some(GroupSize {
                min: *n,
                max: Some(*n),
            }),
            GroupSpec::Range(text) => parse_group(text),
        };
        match parsed {
            Some(g) if g.min >= 1 && g.max.is_none_or(|m| m >= g.min) => Some(g),
            _ => {
                let shown = match spec {
                    GroupSpec::Exact(n) => n.to_string(),
                    GroupSpec::Range(t) => t.clone(),
                };
                self.error(field, msg("validate.group_size", &[("value", &shown)]));
                None
            }
        }
    }

    fn method_ids(&mut self, field: &str, ids: &[String]) {
        for (i, id) in ids.iter().enumerate() {
            if !is_method_id(id) {
                self.error(
                    format!("{field}[{i}]"),
                    msg("validate.not_method_id", &[("id", id)]),
                );
            }
        }
    }

    fn schema(&mut self, schema: u32) {
        if schema != 1 {
            self.error(
                "schema",
                msg("validate.schema_unsupported", &[("schema", &schema)]),
            );
        }
    }

    fn id(&mut self, expected: Option<&str>, id: &str) {
        if !is_method_id(id) {
            self.error("id", msg("validate.bad_id", &[("id", &id)]));
        } else if let Some(stem) = expected
            && stem != id
        {
            self.error_hint(
                "id",
                msg("validate.id_not_file_name", &[("id", &id), ("stem", &stem)]),
                Some(msg(
                    "validate.id_not_file_name_hint",
                    &[("id", &id), ("stem", &stem)],
                )),
            );
        }
    }
}

/// The group sizes [`parse_group`] reads and the validator keeps (at least one person), as a
/// JSON Schema pattern: `5`, `2-8`, `4+`, with the spaces and `+` signs Rust's number parsing
/// allows. That the largest is no smaller than the smallest and that numbers fit in 32 bits
/// is left to `validate`.
pub const GROUP_PATTERN: &str = r"^\s*\+?0*[1-9][0-9]*\s*(\+|-\s*\+?0*[1-9][0-9]*)?\s*$";

fn parse_group(text: &str) -> Option<GroupSize> {
    let text = text.trim();
    if let Some(min) = text.strip_suffix('+') {
        return Some(GroupSize {
            min: min.trim().parse().ok()?,
            max: None,
        });
    }
    if let Some((a, b)) = text.split_once('-') {
        return Some(GroupSize {
            min: a.trim().parse().ok()?,
            max: Some(b.trim().parse().ok()?),
        });
    }
    let n = text.parse().ok()?;
    Some(GroupSize {
        min: n,
        max: Some(n),
    })
}

/// Validates a raw method. `expected_id` is the file stem, when the method came from a file.
pub fn method(
    raw: &RawMethod,
    expected_id: Option<&str>,
    content_hash: String,
) -> Result<Method, Vec<Issue>> {
    let mut c = Checker { issues: Vec::new() };
    c.schema(raw.schema);
    if raw.kind == Some(Kind::Playbook) {
        c.error("kind", msg("validate.playbook_kind", &[]));
    }
    c.id(expected_id, &raw.id);
    if raw.version == 0 {
        c.error("version", msg("validate.version_zero", &[]));
    }
    c.text("name", &raw.name);
    c.text("summary", &raw.summary);
    if let Some(intro) = &raw.report_intro {
        c.text("report_intro", intro);
    }
    let group = c.group(&raw.group);
    c.method_ids("before", &raw.before);
    c.method_ids("after", &raw.after);
    let sources = c.sources(&raw.sources);
    if raw.steps.is_empty() {
        c.error("steps", msg("validate.no_steps", &[]));
    }

    let mut step_ids = HashSet::new();
    // Questions asked so far, by id, with their type: what later questions may refer to.
    let mut earlier: Vec<(String, QuestionType)> = Vec::new();
    let mut steps = Vec::new();
    for (si, step) in raw.steps.iter().enumerate() {
        let path = format!("steps[{si}]");
        if !is_local_id(&step.id) {
            c.error(
                format!("{path}.id"),
                msg("validate.bad_step_id", &[("id", &step.id)]),
            );
        } else if !step_ids.insert(step.id.clone()) {
            c.error(
                format!("{path}.id"),
                msg("validate.step_id_twice", &[("id", &step.id)]),
            );
        }
        c.text(&format!("{path}.title"), &step.title);
        let mut questions = Vec::new();
        for (qi, q) in step.questions.iter().enumerate() {
            let qpath = format!("{path}.questions[{qi}]");
            if let Some(question) = question(&mut c, &qpath, q, &earlier, false) {
                questions.push(question);
            }
            if is_local_id(&q.id) {
                // Answers are named by question id in defaults, conditions and computed
                // values, where a helper of the same name wins.
                if crate::helpers::names().contains(&q.id) {
                    c.error_hint(
                        format!("{qpath}.id"),
                        msg("validate.question_id_is_helper", &[("id", &q.id)]),
                        Some(msg("validate.question_id_is_helper_hint", &[("id", &q.id)])),
                    );
                }
                if earlier.iter().any(|(id, _)| *id == q.id) {
                    c.error(
                        format!("{qpath}.id"),
                        msg("validate.question_id_twice", &[("id", &q.id)]),
                    );
                } else {
                    earlier.push((q.id.clone(), q.kind));
                }
            }
        }
        steps.push(Step {
            id: step.id.clone(),
            title: step.title.clone(),
            guide: step.guide.clone(),
            timebox: step.timebox,
            questions,
        });
    }

    if !c.issues.is_empty() {
        return Err(c.issues);
    }
    Ok(Method {
        id: raw.id.clone(),
        version: raw.version,
        name: raw.name.clone(),
        summary: raw.summary.clone(),
        report_intro: raw.report_intro.clone(),
        when_to_use: raw.when_to_use.clone(),
        stage: raw.stage,
        duration: raw.duration,
        group,
        roles: raw.roles.clone(),
        materials: raw.materials.clone(),
        tags: raw.tags.clone(),
        before: raw.before.clone(),
        after: raw.after.clone(),
        considerations: raw.considerations.clone(),
        sources,
        steps,
        content_hash,
    })
}

/// The question types a `records` question's fields may have: one value per cell.
pub const RECORD_FIELD_TYPES: &[QuestionType] = &[
    QuestionType::Text,
    QuestionType::Longtext,
    QuestionType::Number,
    QuestionType::Confirm,
    QuestionType::Select,
    QuestionType::Scale,
    QuestionType::Date,
];

/// The optional fields `set_fields` looks at: what [`allowed_fields`] picks from.
pub const TYPED_FIELDS: &[&str] = &[
    "validate",
    "min",
    "max",
    "integer",
    "unit",
    "choices",
    "labels",
    "fields",
    "from",
    "dots",
    "criteria",
    "quadrants",
    "value",
    "room",
];

/// Which optional fields each type accepts; anything else set on a question is an error.
pub fn allowed_fields(kind: QuestionType) -> &'static [&'static str] {
    use QuestionType as T;
    match kind {
        T::Text => &["validate", "room"],
        T::Longtext => &["validate"],
        T::Number => &["min", "max", "integer", "unit"],
        T::Confirm | T::Date => &[],
        T::Select => &["choices", "room"],
        T::Multiselect => &["choices", "min", "max", "room"],
        T::Scale => &["min", "max", "labels"],
        T::List => &["min", "max", "validate", "room"],
        T::Records => &["fields", "min", "max"],
        T::Vote => &["from", "dots", "room"],
        T::Score => &["from", "criteria", "quadrants", "room"],
        T::Rank => &["from", "room"],
        T::Computed => &["value", "unit"],
    }
}

fn set_fields(q: &RawQuestion) -> Vec<&'static str> {
    let mut set = Vec::new();
    let mut mark = |is_set: bool, name: &'static str| {
        if is_set {
            set.push(name);
        }
    };
    mark(q.validate.is_some(), "validate");
    mark(q.min.is_some(), "min");
    mark(q.max.is_some(), "max");
    mark(q.integer.is_some(), "integer");
    mark(q.unit.is_some(), "unit");
    mark(q.choices.is_some(), "choices");
    mark(q.labels.is_some(), "labels");
    mark(q.fields.is_some(), "fields");
    mark(q.from.is_some(), "from");
    mark(q.dots.is_some(), "dots");
    mark(q.criteria.is_some(), "criteria");
    mark(q.quadrants.is_some(), "quadrants");
    mark(q.value.is_some(), "value");
    mark(q.room.is_some(), "room");
    set
}

fn count(c: &mut Checker, path: &str, field: &str, value: Option<f64>) -> Option<usize> {
    let v = value?;
    if v < 0.0 || v.fract() != 0.0 || v > 1_000_000.0 {
        c.error(
            format!("{path}.{field}"),
            msg("validate.count_whole", &[("field", &field), ("value", &v)]),
        );
        return None;
    }
    Some(v as usize)
}

fn check_template(c: &mut Checker, path: &str, source: &str, earlier: &[(String, QuestionType)]) {
    match references(source) {
        Err(TemplateProblem::Syntax(reason)) => c.error_hint(
            path,
            msg("validate.template_syntax", &[("reason", &reason)]),
            Some(msg("validate.template_syntax_hint", &[])),
        ),
        Err(TemplateProblem::UnknownHelper(name)) => {
            let known: Vec<&str> = crate::helpers::BUILTIN
                .iter()
                .chain(crate::helpers::LABKIT)
                .copied()
                .collect();
            let hint = suggest(&name, known.iter().copied())
                .unwrap_or_else(|| msg("validate.helpers_hint", &[("helpers", &known.join(", "))]));
            c.error_hint(
                path,
                msg("validate.unknown_helper", &[("name", &name)]),
                Some(hint),
            );
        }
        Err(TemplateProblem::ReachesOutOfLoop(mustache)) => c.error_hint(
            path,
            msg("validate.loop_reaches_out", &[("mustache", &mustache)]),
            Some(msg("validate.loop_reaches_out_hint", &[])),
        ),
        Ok(names) => {
            for name in names {
                if earlier.iter().any(|(id, _)| *id == name)
                    || SESSION_NAMES.contains(&name.as_str())
                {
                    continue;
                }
                let hint = suggest(&name, earlier.iter().map(|(id, _)| id.as_str()));
                c.error_hint(
                    path,
                    msg("validate.template_unknown_question", &[("name", &name)]),
                    hint.or_else(|| Some(msg("validate.template_unknown_question_hint", &[]))),
                );
            }
        }
    }
}

fn choices(c: &mut Checker, path: &str, raw: &Option<Vec<RawChoice>>) -> Vec<Choice> {
    let Some(raw) = raw else {
        c.error(
            format!("{path}.choices"),
            msg("validate.choices_missing", &[]),
        );
        return Vec::new();
    };
    if raw.is_empty() {
        c.error(
            format!("{path}.choices"),
            msg("validate.choices_empty", &[]),
        );
    }
    let mut seen = HashSet::new();
    raw.iter()
        .enumerate()
        .map(|(i, choice)| {
            let choice = match choice {
                RawChoice::Value(v) => Choice {
                    value: v.clone(),
                    label: Text::plain(v.clone()),
                    help: None,
                },
                RawChoice::Detailed(d) => Choice {
                    value: d.value.clone(),
                    label: d
                        .label
                        .clone()
                        .unwrap_or_else(|| Text::plain(d.value.clone())),
                    help: d.help.clone(),
                },
            };
            if choice.value.trim().is_empty() {
                c.error(
                    format!("{path}.choices[{i}]"),
                    msg("validate.choice_empty", &[]),
                );
            } else if !seen.insert(choice.value.clone()) {
                c.error(
                    format!("{path}.choices[{i}]"),
                    msg("validate.choice_twice", &[("value", &choice.value)]),
                );
            }
            choice
        })
        .collect()
}

fn validation(c: &mut Checker, path: &str, raw: &Option<RawValidate>) -> Validation {
    let Some(v) = raw else {
        return Validation::default();
    };
    if let (Some(min), Some(max)) = (v.min_length, v.max_length)
        && min > max
    {
        c.error(
            format!("{path}.validate"),
            msg(
                "validate.min_length_above_max",
                &[("min", &min), ("max", &max)],
            ),
        );
    }
    if let Some(pattern) = &v.pattern
        && let Err(err) = regex_lite::Regex::new(pattern)
    {
        c.error(
            format!("{path}.validate.pattern"),
            msg("validate.pattern_syntax", &[("reason", &err)]),
        );
    }
    Validation {
        min_length: v.min_length,
        max_length: v.max_length,
        pattern: v.pattern.clone(),
        message: v.message.clone(),
    }
}

fn question(
    c: &mut Checker,
    path: &str,
    q: &RawQuestion,
    earlier: &[(String, QuestionType)],
    in_record: bool,
) -> Option<Question> {
    let before = c.issues.len();
    if !is_local_id(&q.id) {
        c.error(
            format!("{path}.id"),
            msg("validate.bad_question_id", &[("id", &q.id)]),
        );
    }
    c.text(&format!("{path}.prompt"), &q.prompt);
    let allowed = allowed_fields(q.kind);
    for field in set_fields(q) {
        if !allowed.contains(&field) {
            let hint = if allowed.is_empty() {
                msg("validate.takes_no_fields", &[("type", &q.kind.as_str())])
            } else {
                let fields = allowed
                    .iter()
                    .map(|f| format!("`{f}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                msg(
                    "validate.takes_fields",
                    &[("type", &q.kind.as_str()), ("fields", &fields)],
                )
            };
            c.error_hint(
                format!("{path}.{field}"),
                msg(
                    "validate.field_not_applicable",
                    &[("field", &field), ("type", &q.kind.as_str())],
                ),
                Some(hint),
            );
        }
    }
    if in_record && q.room.is_some() {
        c.error(format!("{path}.room"), msg("validate.room_in_record", &[]));
    }
    if in_record && !RECORD_FIELD_TYPES.contains(&q.kind) {
        c.error(
            format!("{path}.type"),
            msg("validate.record_field_type", &[("type", &q.kind.as_str())]),
        );
    }
    if let Some(when) = &q.when {
        check_template(c, &format!("{path}.when"), when, earlier);
    }
    if let (Some(min), Some(max)) = (q.min, q.max)
        && min > max
    {
        c.error(
            format!("{path}.min"),
            msg("validate.min_above_max", &[("min", &min), ("max", &max)]),
        );
    }

    let kind = match q.kind {
        QuestionType::Text => QuestionKind::Text {
            validate: validation(c, path, &q.validate),
        },
        QuestionType::Longtext => QuestionKind::Longtext {
            validate: validation(c, path, &q.validate),
        },
        QuestionType::Number => QuestionKind::Number {
            min: q.min,
            max: q.max,
            integer: q.integer.unwrap_or(false),
            unit: q.unit.clone(),
        },
        QuestionType::Confirm => QuestionKind::Confirm,
        QuestionType::Date => QuestionKind::Date,
        QuestionType::Select => QuestionKind::Select {
            choices: choices(c, path, &q.choices),
        },
        QuestionType::Multiselect => {
            let choices = choices(c, path, &q.choices);
            let min = count(c, path, "min", q.min);
            let max = count(c, path, "max", q.max);
            if let Some(m) = min.max(max)
                && m > choices.len()
                && !choices.is_empty()
            {
                c.error(
                    format!("{path}.max"),
                    msg(
                        "validate.too_many_selections",
                        &[("m", &m), ("n", &choices.len())],
                    ),
                );
            }
            QuestionKind::Multiselect { choices, min, max }
        }
        QuestionType::Scale => {
            let min = q.min.unwrap_or(1.0);
            let max = q.max.unwrap_or(5.0);
            if min.fract() != 0.0 || max.fract() != 0.0 {
                c.error(format!("{path}.min"), msg("validate.scale_whole", &[]));
            } else if max - min > 100.0 || min >= max {
                c.error(
                    format!("{path}.max"),
                    msg("validate.scale_range", &[("min", &min), ("max", &max)]),
                );
            }
            let labels = q.labels.clone().unwrap_or_default();
            for point in labels.keys() {
                if (*point as f64) < min || (*point as f64) > max {
                    c.error(
                        format!("{path}.labels"),
                        msg(
                            "validate.label_outside_scale",
                            &[("point", point), ("min", &min), ("max", &max)],
                        ),
                    );
                }
            }
            QuestionKind::Scale {
                min: min as i64,
                max: max as i64,
                labels,
            }
        }
        QuestionType::List => QuestionKind::List {
            min: count(c, path, "min", q.min),
            max: count(c, path, "max", q.max),
            validate: validation(c, path, &q.validate),
        },
        QuestionType::Records => {
            let mut fields = Vec::new();
            match &q.fields {
                None => c.error(
                    format!("{path}.fields"),
                    msg("validate.fields_missing", &[]),
                ),
                Some(raw_fields) if raw_fields.is_empty() => {
                    c.error(format!("{path}.fields"), msg("validate.fields_empty", &[]))
                }
                Some(raw_fields) => {
                    let mut ids = HashSet::new();
                    for (fi, f) in raw_fields.iter().enumerate() {
                        let fpath = format!("{path}.fields[{fi}]");
                        if !ids.insert(f.id.clone()) {
                            c.error(
                                format!("{fpath}.id"),
                                msg("validate.field_id_twice", &[("id", &f.id)]),
                            );
                        }
                        if let Some(field) = question(c, &fpath, f, earlier, true) {
                            fields.push(field);
                        }
                    }
                }
            }
            QuestionKind::Records {
                fields,
                min: count(c, path, "min", q.min),
                max: count(c, path, "max", q.max),
            }
        }
        QuestionType::Vote | QuestionType::Score | QuestionType::Rank => {
            let from = items_source(c, path, q, earlier);
            match q.kind {
                QuestionType::Vote => {
                    let dots = q.dots.unwrap_or(3);
                    if dots == 0 {
                        c.error(format!("{path}.dots"), msg("validate.dots_zero", &[]));
                    }
                    QuestionKind::Vote { from, dots }
                }
                QuestionType::Score => score(c, path, q, from),
                _ => QuestionKind::Rank { from },
            }
        }
        QuestionType::Computed => {
            let value = q.value.clone().unwrap_or_default();
            if value.trim().is_empty() {
                c.error(format!("{path}.value"), msg("validate.computed_value", &[]));
            } else {
                check_template(c, &format!("{path}.value"), &value, earlier);
            }
            QuestionKind::Computed {
                value,
                unit: q.unit.clone(),
            }
        }
    };
    if let Some(default) = &q.default {
        check_default(c, &format!("{path}.default"), default, &kind, earlier);
    }
    if c.issues.len() > before {
        return None;
    }
    Some(Question {
        id: q.id.clone(),
        prompt: q.prompt.clone(),
        help: q.help.clone(),
        required: q.required.unwrap_or(true),
        default: q.default.clone(),
        when: q.when.clone(),
        literal_default: false,
        room: q.room.unwrap_or(false),
        kind,
    })
}

fn items_source(
    c: &mut Checker,
    path: &str,
    q: &RawQuestion,
    earlier: &[(String, QuestionType)],
) -> String {
    let Some(from) = &q.from else {
        c.error(
            format!("{path}.from"),
            msg("validate.from_missing", &[("type", &q.kind.as_str())]),
        );
        return String::new();
    };
    match earlier.iter().find(|(id, _)| id == from) {
        Some((_, QuestionType::List | QuestionType::Records)) => {}
        Some((_, other)) => c.error(
            format!("{path}.from"),
            msg(
                "validate.from_wrong_type",
                &[("from", from), ("type", &other.as_str())],
            ),
        ),
        None => {
            let lists = earlier
                .iter()
                .filter(|(_, t)| matches!(t, QuestionType::List | QuestionType::Records));
            let hint = suggest(from, lists.map(|(id, _)| id.as_str()))
                .or_else(|| Some(msg("validate.from_unknown_hint", &[])));
            c.error_hint(
                format!("{path}.from"),
                msg("validate.from_unknown", &[("from", from)]),
                hint,
            );
        }
    }
    from.clone()
}

fn score(c: &mut Checker, path: &str, q: &RawQuestion, from: String) -> QuestionKind {
    let mut criteria = Vec::new();
    match &q.criteria {
        None => c.error(
            format!("{path}.criteria"),
            msg("validate.criteria_missing", &[]),
        ),
        Some(raw) if raw.is_empty() => c.error(
            format!("{path}.criteria"),
            msg("validate.criteria_empty", &[]),
        ),
        Some(raw) => {
            let mut ids = HashSet::new();
            for (i, cr) in raw.iter().enumerate() {
                let cpath = format!("{path}.criteria[{i}]");
                if !is_local_id(&cr.id) {
                    c.error(
                        format!("{cpath}.id"),
                        msg("validate.bad_criterion_id", &[("id", &cr.id)]),
                    );
                } else if !ids.insert(cr.id.clone()) {
                    c.error(
                        format!("{cpath}.id"),
                        msg("validate.criterion_twice", &[("id", &cr.id)]),
                    );
                }
                let (min, max) = (cr.min.unwrap_or(1), cr.max.unwrap_or(5));
                if min >= max || max - min > 100 {
                    c.error(
                        format!("{cpath}.max"),
                        msg("validate.criterion_range", &[("min", &min), ("max", &max)]),
                    );
                }
                criteria.push(Criterion {
                    id: cr.id.clone(),
                    label: cr.label.clone(),
                    min,
                    max,
                });
            }
        }
    }
    if q.quadrants.is_some() && criteria.len() != 2 {
        c.error(
            format!("{path}.quadrants"),
            msg("validate.quadrants_two", &[("n", &criteria.len())]),
        );
    }
    let quadrants = q.quadrants.as_ref().map(|r| Quadrants {
        high_high: r.high_high.clone(),
        high_low: r.high_low.clone(),
        low_high: r.low_high.clone(),
        low_low: r.low_low.clone(),
    });
    QuestionKind::Score {
        from,
        criteria,
        quadrants,
    }
}

fn check_default(
    c: &mut Checker,
    path: &str,
    default: &serde_yaml::Value,
    kind: &QuestionKind,
    earlier: &[(String, QuestionType)],
) {
    use serde_yaml::Value as V;
    if let V::String(s) = default
        && s.contains("{{")
    {
        check_template(c, path, s, earlier);
        return;
    }
    let fits = match (kind, default) {
        (
            QuestionKind::Text { .. } | QuestionKind::Longtext { .. } | QuestionKind::Date,
            V::String(_),
        ) => true,
        (QuestionKind::Number { min, max, .. }, V::Number(n)) => {
            let n = n.as_f64().unwrap_or(f64::NAN);
            if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                c.error(path, msg("validate.default_out_of_range", &[("n", &n)]));
            }
            true
        }
        (QuestionKind::Confirm, V::Bool(_)) => true,
        (QuestionKind::Scale { min, max, .. }, V::Number(n)) => {
            let n = n.as_i64().unwrap_or(i64::MIN);
            if n < *min || n > *max {
                c.error(
                    path,
                    msg(
                        "validate.default_outside_scale",
                        &[("n", &n), ("min", min), ("max", max)],
                    ),
                );
            }
            true
        }
        (QuestionKind::Select { choices }, V::String(s)) => {
            check_choice(c, path, s, choices);
            true
        }
        (QuestionKind::Multiselect { choices, .. }, V::Sequence(items)) => {
            for item in items {
                match item {
                    V::String(s) => check_choice(c, path, s, choices),
                    _ => c.error(path, msg("validate.multiselect_default", &[])),
                }
            }
            true
        }
        (QuestionKind::List { .. }, V::Sequence(items)) => {
            items.iter().all(|i| matches!(i, V::String(_)))
        }
        _ => false,
    };
    if !fits {
        c.error(
            path,
            msg(
                "validate.default_wrong_type",
                &[("type", &kind.type_name())],
            ),
        );
    }
}

fn check_choice(c: &mut Checker, path: &str, value: &str, choices: &[Choice]) {
    if !choices.is_empty() && !choices.iter().any(|ch| ch.value == value) {
        let hint = suggest(value, choices.iter().map(|ch| ch.value.as_str()));
        c.error_hint(
            path,
            msg("validate.default_not_choice", &[("value", &value)]),
            hint,
        );
    }
}

/// Validates a raw playbook on its own; references to methods are checked by the library,
/// which knows every method.
pub fn playbook(
    raw: &RawPlaybook,
    expected_id: Option<&str>,
    content_hash: String,
) -> Result<Playbook, Vec<Issue>> {
    let mut c = Checker { issues: Vec::new() };
    c.schema(raw.schema);
    c.id(expected_id, &raw.id);
    c.text("name", &raw.name);
    c.text("summary", &raw.summary);
    if let Some(intro) = &raw.report_intro {
        c.text("report_intro", intro);
    }
    let group = c.group(&raw.group);
    let sources = c.sources(&raw.sources);
    if let Some(template) = &raw.template
        && !is_template_name(template.strip_suffix(".md.hbs").unwrap_or(template))
    {
        c.error_hint(
            "template",
            msg("validate.template_not_a_name", &[("name", template)]),
            Some(msg("validate.template_not_a_name_hint", &[])),
        );
    }
    if raw.methods.is_empty() {
        c.error("methods", msg("validate.no_methods", &[]));
    }
    let mut blocks = Vec::new();
    let mut seen = HashMap::new();
    let mut last_day = 1;
    for (i, entry) in raw.methods.iter().enumerate() {
        if let Some(day) = entry.day {
            if day == 0 || day < last_day {
                c.error(
                    format!("methods[{i}].day"),
                    msg("validate.day_order", &[("day", &day), ("last", &last_day)]),
                );
            }
            last_day = last_day.max(day);
        }
    }
    for (i, entry) in raw.methods.iter().enumerate() {
        let path = format!("methods[{i}]");
        match (&entry.method, entry.pause) {
            (Some(method), None) => {
                if !is_method_id(method) {
                    c.error(
                        format!("{path}.method"),
                        msg("validate.not_method_id", &[("id", method)]),
                    );
                } else if let Some(first) = seen.insert(method.clone(), i) {
                    c.error(
                        format!("{path}.method"),
                        msg(
                            "validate.method_twice",
                            &[("method", method), ("block", &(first + 1))],
                        ),
                    );
                }
                if let Some(guide) = &entry.guide {
                    c.text(&format!("{path}.guide"), guide);
                }
                let (tables, table_size) = match &entry.tables {
                    None | Some(TablesSpec::Flag(false)) => (false, None),
                    Some(TablesSpec::Flag(true)) => (true, None),
                    Some(TablesSpec::Size(spec)) => {
                        (true, c.group_at(&format!("{path}.tables"), spec))
                    }
                };
                if tables && entry.guide.is_none() {
                    c.error(
                        format!("{path}.tables"),
                        msg("validate.tables_no_guide", &[]),
                    );
                }
                blocks.push(Block::Method {
                    method: method.clone(),
                    title: entry.title.clone(),
                    defaults: entry.defaults.clone(),
                    items: entry.items.clone(),
                    top: entry.top,
                    day: entry.day,
                    guide: entry.guide.clone(),
                    tables,
                    table_size,
                });
            }
            (None, Some(duration)) => {
                if !entry.defaults.is_empty()
                    || !entry.items.is_empty()
                    || entry.top.is_some()
                    || entry.day.is_some()
                    || entry.guide.is_some()
                    || entry.tables.is_some()
                {
                    c.error(&path, msg("validate.break_fields", &[]));
                }
                blocks.push(Block::Break {
                    duration,
                    title: entry.title.clone(),
                });
            }
            (Some(_), Some(_)) => c.error(&path, msg("validate.block_both", &[])),
            (None, None) => c.error(&path, msg("validate.block_neither", &[])),
        }
    }
    if !c.issues.is_empty() {
        return Err(c.issues);
    }
    Ok(Playbook {
        id: raw.id.clone(),
        version: raw.version,
        name: raw.name.clone(),
        summary: raw.summary.clone(),
        report_intro: raw.report_intro.clone(),
        when_to_use: raw.when_to_use.clone(),
        stage: raw.stage,
        group,
        tags: raw.tags.clone(),
        template: raw.template.clone(),
        sources,
        blocks,
        content_hash,
    })
}

/// Checks a playbook's references against the methods it runs: each method exists, each
/// `defaults`/`items` key is a question of that method, and each template or source names
/// an earlier method's question.
pub fn playbook_references(
    playbook: &Playbook,
    find: &dyn Fn(&str) -> Option<Method>,
    known_ids: &[&str],
) -> Vec<Issue> {
    let mut c = Checker { issues: Vec::new() };
    let mut earlier: Vec<Method> = Vec::new();
    for (i, block) in playbook.blocks.iter().enumerate() {
        let Block::Method {
            method,
            defaults,
            items,
            ..
        } = block
        else {
            continue;
        };
        let path = format!("methods[{i}]");
        let Some(current) = find(method) else {
            c.error_hint(
                format!("{path}.method"),
                msg("error.unknown_method", &[("id", method)]),
                suggest(method, known_ids.iter().copied()),
            );
            continue;
        };
        for (question, template) in defaults {
            let qpath = format!("{path}.defaults.{question}");
            if current.question(question).is_none() {
                let hint = suggest(question, current.questions().map(|(_, q)| q.id.as_str()));
                c.error_hint(
                    &qpath,
                    msg(
                        "validate.no_such_question",
                        &[("method", method), ("question", question)],
                    ),
                    hint,
                );
            }
            check_playbook_template(&mut c, &qpath, template, &earlier);
        }
        for (question, source) in items {
            let qpath = format!("{path}.items.{question}");
            match current.question(question).map(|q| &q.kind) {
                Some(k) if k.items_from().is_some() || matches!(k, QuestionKind::List { .. }) => {}
                Some(k) => c.error(
                    &qpath,
                    msg(
                        "validate.items_target_type",
                        &[
                            ("method", method),
                            ("question", question),
                            ("type", &k.type_name()),
                        ],
                    ),
                ),
                None => {
                    let hint = suggest(question, current.questions().map(|(_, q)| q.id.as_str()));
                    c.error_hint(
                        &qpath,
                        msg(
                            "validate.no_such_question",
                            &[("method", method), ("question", question)],
                        ),
                        hint,
                    );
                }
            }
            let Some((m, q)) = source.split_once('.') else {
                c.error(
                    &qpath,
                    msg("validate.items_source_form", &[("source", source)]),
                );
                continue;
            };
            match earlier.iter().find(|e| e.id == m) {
                None => c.error(
                    &qpath,
                    msg("validate.not_earlier_method", &[("method", &m)]),
                ),
                Some(e) => match e.question(q).map(|q| &q.kind) {
                    Some(
                        QuestionKind::List { .. }
                        | QuestionKind::Records { .. }
                        | QuestionKind::Vote { .. },
                    ) => {}
                    Some(k) => c.error(
                        &qpath,
                        msg(
                            "validate.items_source_type",
                            &[("source", source), ("type", &k.type_name())],
                        ),
                    ),
                    None => {
                        let hint = suggest(q, e.questions().map(|(_, q)| q.id.as_str()));
                        c.error_hint(
                            &qpath,
                            msg(
                                "validate.no_such_question",
                                &[("method", &m), ("question", &q)],
                            ),
                            hint,
                        );
                    }
                },
            }
        }
        earlier.push(current);
    }
    c.issues
}

/// A group size as people read it: `8–30`, `4+`, `6`.
pub fn group_label(g: GroupSize) -> String {
    match g.max {
        Some(max) if max == g.min => max.to_string(),
        Some(max) => format!("{}–{max}", g.min),
        None => format!("{}+", g.min),
    }
}

/// How many tables of at most `table.max` people seat `people`; `None` when the table size
/// has no maximum.
pub fn tables_needed(people: u32, table: GroupSize) -> Option<u32> {
    let max = table.max.filter(|m| *m > 0)?;
    Some(people.div_ceil(max).max(1))
}

/// Group sizes consistent across a playbook (`labkit validate` reports these; a playbook that
/// fails them still loads and runs): see [`check_group_fit`].
pub fn playbook_group_fit(
    playbook: &Playbook,
    find: &dyn Fn(&str) -> Option<Method>,
) -> Vec<Issue> {
    let mut c = Checker { issues: Vec::new() };
    for (i, block) in playbook.blocks.iter().enumerate() {
        if let Block::Method {
            method,
            tables,
            table_size,
            ..
        } = block
            && let Some(current) = find(method)
        {
            let seating = match (tables, table_size) {
                (false, _) => Seating::WholeRoom,
                (true, None) => Seating::Tables,
                (true, Some(size)) => Seating::TablesOf(*size),
            };
            check_group_fit(
                &mut c,
                &format!("methods[{i}]"),
                playbook.group,
                &current,
                seating,
            );
        }
    }
    c.issues
}

/// How a playbook block seats the room.
#[derive(Debug, Clone, Copy)]
enum Seating {
    /// The whole room runs the method together.
    WholeRoom,
    /// Parallel tables, each sized as the method says (`tables: true`).
    Tables,
    /// Parallel tables of the size the playbook gives (`tables: 4-6`).
    TablesOf(GroupSize),
}

/// Group sizes consistent across a playbook: a method run by the whole room must be sized for
/// the playbook's whole range; one run in parallel tables (`tables: true`) must be a sensible
/// table: a bounded size of at least two, small enough that the playbook's smallest group
/// forms one table, and its largest group splits into tables that each still meet the method's
/// minimum.
fn check_group_fit(
    c: &mut Checker,
    path: &str,
    playbook: Option<GroupSize>,
    method: &Method,
    seating: Seating,
) {
    let (Some(room), Some(method_size)) = (playbook, method.group) else {
        return;
    };
    // A table size the playbook gives must be one the method is made for.
    if let Seating::TablesOf(table) = seating {
        let within = table.min >= method_size.min
            && match (table.max, method_size.max) {
                (_, None) => true,
                (Some(t), Some(m)) => t <= m,
                (None, Some(_)) => false,
            };
        if !within {
            c.error(
                format!("{path}.tables"),
                msg(
                    "validate.table_outside_method",
                    &[
                        ("method", &method.id),
                        ("table", &group_label(table)),
                        ("size", &group_label(method_size)),
                    ],
                ),
            );
            return;
        }
    }
    let (size, tables) = match seating {
        Seating::WholeRoom => (method_size, false),
        Seating::Tables => (method_size, true),
        Seating::TablesOf(table) => (table, true),
    };
    let (room_label, size_label) = (group_label(room), group_label(size));
    let args: [(&str, &dyn std::fmt::Display); 3] = [
        ("method", &method.id),
        ("size", &size_label),
        ("room", &room_label),
    ];
    if !tables {
        let covers = size.min <= room.min
            && match (size.max, room.max) {
                (None, _) => true,
                (Some(m), Some(r)) => m >= r,
                (Some(_), None) => false,
            };
        if !covers {
            let hint = match (size.max, room.max) {
                (Some(m), Some(r)) if m >= 2 && size.min <= room.min && m < r => Some(msg(
                    "validate.group_fit_hint",
                    &[
                        ("tables", &tables_needed(r, size).unwrap_or(1)),
                        ("room", &r),
                    ],
                )),
                _ => None,
            };
            c.error_hint(
                format!("{path}.method"),
                msg("validate.group_fit", &args),
                hint,
            );
        }
        return;
    }
    let sensible = match size.max {
        None => false,
        Some(max) => {
            max >= 2
                && size.min <= room.min
                && room.max.is_none_or(|r| {
                    let n = tables_needed(r, size).unwrap_or(1);
                    r / n >= size.min
                })
        }
    };
    if !sensible {
        c.error(format!("{path}.tables"), msg("validate.table_size", &args));
    }
}

fn check_playbook_template(c: &mut Checker, path: &str, template: &str, earlier: &[Method]) {
    // Playbook templates name answers as `method-id.question`.
    let mut rest = template;
    match references(template) {
        Err(TemplateProblem::Syntax(reason)) => {
            c.error(
                path,
                msg("validate.template_syntax", &[("reason", &reason)]),
            );
            return;
        }
        Err(TemplateProblem::ReachesOutOfLoop(mustache)) => {
            c.error_hint(
                path,
                msg("validate.loop_reaches_out", &[("mustache", &mustache)]),
                Some(msg("validate.loop_reaches_out_hint", &[])),
            );
            return;
        }
        _ => {}
    }
    while let Some(open) = rest.find("{{") {
        rest = &rest[open + 2..];
        let Some(close) = rest.find("}}") else { break };
        for word in rest[..close].split_whitespace() {
            if let Some((m, rest)) = word.split_once('.') {
                // `brainstorm.shortlist_rank.[0]` names the question `shortlist_rank`.
                let q = rest.split(['.', '[']).next().unwrap_or(rest);
                match earlier.iter().find(|e| e.id == m) {
                    Some(e) if e.question(q).is_some() => {}
                    Some(e) => {
                        let hint = suggest(q, e.questions().map(|(_, q)| q.id.as_str()));
                        c.error_hint(
                            path,
                            msg(
                                "validate.no_such_question",
                                &[("method", &m), ("question", &q)],
                            ),
                            hint,
                        );
                    }
                    None => c.error(path, msg("validate.not_earlier_method", &[("method", &m)])),
                }
            }
        }
        rest = &rest[close + 2..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON Schema patterns say what the functions decide, on the awkward cases.
    #[test]
    fn schema_patterns_agree_with_the_checks() {
        let matches = |pattern: &str, s: &str| regex_lite::Regex::new(pattern).unwrap().is_match(s);
        let long = "a".repeat(65);
        for id in [
            "test-card",
            "a",
            "9",
            "a-1-b",
            "",
            "-a",
            "a-",
            "a--b",
            "A",
            "a_b",
            "a b",
            "é",
            "a.b",
            &long,
        ] {
            let by_schema = matches(METHOD_ID_PATTERN, id) && id.chars().count() <= 64;
            assert_eq!(by_schema, is_method_id(id), "method id {id:?}");
            let by_schema = matches(LOCAL_ID_PATTERN, id) && id.chars().count() <= 64;
            assert_eq!(by_schema, is_local_id(id), "local id {id:?}");
        }
        for id in ["chosen_hmw", "q1", "a-b_c", "_a", "1a"] {
            assert_eq!(matches(LOCAL_ID_PATTERN, id), is_local_id(id), "{id:?}");
        }
        for name in [
            "generic",
            "lab/plan",
            "a.b",
            "x.md",
            "",
            ".hidden",
            "a/.b",
            "..",
            "../x",
            "a/../b",
            "/etc/passwd",
            "a//b",
            "a/",
            "C:\\x",
            "a b",
            "é",
        ] {
            assert_eq!(
                matches(TEMPLATE_NAME_PATTERN, name) && name.len() <= 200,
                is_template_name(name),
                "template {name:?}"
            );
        }
        let in_range = |g: &GroupSize| g.min >= 1 && g.max.is_none_or(|m| m >= g.min);
        for group in [
            "5", "2-8", "4+", " 2 - 8 ", "+3", "+4+", "007", "0", "0-3", "3-0", "many", "", "2-",
            "-2", "2-8+", "4++", "+ 4", "2--3", "1.5", "3 +",
        ] {
            assert_eq!(
                matches(GROUP_PATTERN, group),
                parse_group(group).is_some_and(|g| in_range(&g)),
                "group {group:?}"
            );
        }
        for duration in [
            "90s", "10m", "1h30m", "1h 30m", " 2d ", "10 m", "1.5h", "30", "", "m", "1h30", "1x",
            "0m",
        ] {
            assert_eq!(
                matches(super::super::duration::PATTERN, duration),
                duration.parse::<super::super::duration::Duration>().is_ok(),
                "duration {duration:?}"
            );
        }
    }

    #[test]
    fn typed_fields_are_the_fields_a_type_may_take() {
        let mut every: Vec<&str> = QuestionType::ALL
            .iter()
            .flat_map(|&t| allowed_fields(t).iter().copied())
            .collect();
        every.sort_unstable();
        every.dedup();
        let mut typed = TYPED_FIELDS.to_vec();
        typed.sort_unstable();
        assert_eq!(every, typed);
        // `set_fields` reports each of them by the same name.
        let yaml = "{ id: q, type: text, prompt: P, validate: {}, min: 1, max: 2, integer: true, \
                    unit: u, choices: [a], labels: {1: a}, fields: [], from: x, dots: 1, \
                    criteria: [], quadrants: { high_high: a, high_low: b, low_high: c, low_low: d }, \
                    value: v, room: true }";
        let q: RawQuestion = serde_yaml::from_str(yaml).unwrap();
        assert_eq!(set_fields(&q), TYPED_FIELDS);
    }
}
