//! The data a report template sees, built from a method and a session.
//!
//! Every question appears twice: in `steps[].questions[]` (document order) and in `q.<id>`
//! (direct access). Each carries its raw `value`, a one-line `text`, and ready-made shapes for
//! its type (`entries`, `rows`, `ranking`, `scores`, `order`). Documented in docs/templates.md.

use serde_json::{Map, Value as Json, json};
use serde_yaml::Value;

use crate::engine::{display, yaml_to_json};
use crate::lang::Lang;
use crate::method::{Method, Question, QuestionKind};
use crate::session::{Session, Status};

use super::uses::{Parts, Want};

/// The context for `method`'s report on `session`. `parts` says which of the large parts
/// (`q`, `steps`, `answers`) the template can read (see `uses.rs`); a part it cannot read is
/// left out, the rest is the same.
pub fn build(method: &Method, session: &Session, lang: Lang, parts: &Parts) -> Json {
    // Large answers are moved into place, never copied: `json!` with a value inside would
    // serialize it again, which dominates the time for a session with thousands of ideas.
    let mut q = Map::new();
    let mut steps = Vec::with_capacity(method.steps.len());
    for step in &method.steps {
        let mut questions = Vec::new();
        let mut answered = false;
        for question in &step.questions {
            // A step's questions are whole; `q` keeps what the template reads of each.
            let want = match parts.steps {
                true => Want::All,
                false => parts.question(&question.id),
            };
            if want == Want::Nothing {
                continue;
            }
            let object = question_json(question, session, lang, want);
            answered |= object["answered"] == true;
            match (parts.q(), parts.steps) {
                (true, true) => {
                    q.insert(question.id.clone(), object.clone());
                    questions.push(object);
                }
                (true, false) => {
                    q.insert(question.id.clone(), object);
                }
                _ => questions.push(object),
            }
        }
        if !parts.steps {
            continue;
        }
        let mut object = match json!({
            "id": step.id,
            "title": step.title.get(lang),
            "guide": step.guide.as_ref().map_or("", |g| g.get(lang)),
            "timebox": step.timebox.map(|d| d.to_string()),
            "minutes_spent": session.step_times.get(&step.id).map(|s| s.div_ceil(60)),
            "answered": answered,
        }) {
            Json::Object(map) => map,
            _ => Map::new(),
        };
        object.insert("questions".into(), Json::Array(questions));
        steps.push(Json::Object(object));
    }
    let answers: Map<String, Json> = if parts.answers {
        session
            .answers
            .iter()
            .filter_map(|(k, v)| Some((k.as_str()?.to_owned(), yaml_to_json(v))))
            .collect()
    } else {
        Map::new()
    };
    let mut root = match json!({
        "lang": lang.code(),
        "draft": session.status != Status::Finished,
        "method": {
            "id": method.id,
            "name": method.name.get(lang),
            "summary": method.summary.get(lang),
            "stage": method.stage.as_str(),
            "duration": method.duration.to_string(),
            "sources": method.sources,
        },
        "session": {
            "lab": session.lab,
            "facilitator": session.facilitator,
            "participants": session.participants,
            "started": session.started,
            "finished": session.finished,
            "date": session.started.get(..10),
            "status": if session.status == Status::Finished { "finished" } else { "in_progress" },
            "language": session.language,
        },
    }) {
        Json::Object(map) => map,
        _ => Map::new(),
    };
    if parts.answers {
        root.insert("answers".into(), Json::Object(answers));
    }
    if parts.steps {
        root.insert("steps".into(), Json::Array(steps));
    }
    if parts.q() {
        root.insert("q".into(), Json::Object(q));
    }
    Json::Object(root)
}

/// A question's object: `want` says which of its large fields (`value`, `text`, `entries`,
/// `order`) the template reads; the others are left out.
/// Whether the session's answers are in another language than the report's: then typed answers
/// are marked as parts in the session's language ([`super::lang_marks`]).
pub fn foreign_answers(session: &Session, lang: Lang) -> bool {
    session.language != lang.code()
}

/// A typed answer as the report shows it: marked when it is in another language, and never
/// with a mark the facilitator typed.
fn typed(text: &str, foreign: bool) -> String {
    if foreign {
        super::lang_marks::mark(text)
    } else {
        super::lang_marks::strip(text).into_owned()
    }
}

/// Questions whose answer is text the group typed (not a choice, a number or a date).
fn is_typed(kind: &QuestionKind) -> bool {
    matches!(
        kind,
        QuestionKind::Text { .. } | QuestionKind::Longtext { .. } | QuestionKind::List { .. }
    )
}

fn question_json(question: &Question, session: &Session, lang: Lang, want: Want) -> Json {
    let value = session.answer(&question.id).filter(|v| !v.is_null());
    let foreign = foreign_answers(session, lang);
    let mut object = Map::new();
    object.insert("id".into(), json!(question.id));
    object.insert("type".into(), json!(question.kind.type_name()));
    object.insert("prompt".into(), json!(question.prompt.get(lang)));
    object.insert(
        "help".into(),
        json!(question.help.as_ref().map_or("", |h| h.get(lang))),
    );
    object.insert("answered".into(), json!(value.is_some()));
    // Unanswered questions get an empty value of their shape, and record rows every field, so
    // strict templates can test and loop over any answer of a draft without failing.
    let empty = match &question.kind {
        QuestionKind::List { .. }
        | QuestionKind::Multiselect { .. }
        | QuestionKind::Records { .. }
        | QuestionKind::Rank { .. } => json!([]),
        QuestionKind::Vote { .. } | QuestionKind::Score { .. } => json!({}),
        _ => json!(""),
    };
    let raw = match (&question.kind, value) {
        _ if !want.field("value") => Json::Null,
        (QuestionKind::Records { fields, .. }, Some(Value::Sequence(rows))) => Json::Array(
            rows.iter()
                .map(|row| {
                    let mut full = Map::new();
                    for f in fields {
                        let v = row
                            .get(f.id.as_str())
                            .filter(|v| !v.is_null())
                            .map(yaml_to_json)
                            .unwrap_or(json!(""));
                        full.insert(f.id.clone(), v);
                    }
                    Json::Object(full)
                })
                .collect(),
        ),
        (_, Some(v)) => yaml_to_json(v),
        (_, None) => empty,
    };
    if want.field("value") {
        object.insert("value".into(), raw);
    }
    if want.field("text") {
        let text = value
            .map(|v| display(question, v, lang))
            .unwrap_or_default();
        let text = if is_typed(&question.kind) {
            typed(&text, foreign)
        } else {
            text
        };
        object.insert("text".into(), json!(text));
    }
    let strings = |v: Option<&Value>| -> Vec<String> {
        match v {
            Some(Value::Sequence(items)) => items.iter().filter_map(scalar).collect(),
            _ => Vec::new(),
        }
    };
    match &question.kind {
        QuestionKind::List { .. } if want.field("entries") => {
            let entries: Vec<String> = strings(value).iter().map(|e| typed(e, foreign)).collect();
            object.insert("entries".into(), json!(entries));
        }
        QuestionKind::Rank { .. } if want.field("order") => {
            object.insert("order".into(), json!(strings(value)));
        }
        // The point and its label apart, so a template can write `3/5 — Moderate`: `text`
        // already reads `3 — Moderate`, and `{{text}}/5` would print the label inside.
        QuestionKind::Scale { min, max, labels } => {
            let label = value
                .and_then(Value::as_i64)
                .and_then(|n| labels.get(&n))
                .map_or("", |l| l.get(lang));
            object.insert("min".into(), json!(min));
            object.insert("max".into(), json!(max));
            object.insert("label".into(), json!(label));
        }
        QuestionKind::Number { unit, .. } | QuestionKind::Computed { unit, .. } => {
            object.insert(
                "unit".into(),
                json!(unit.as_ref().map_or("", |u| u.get(lang))),
            );
        }
        QuestionKind::Select { choices } | QuestionKind::Multiselect { choices, .. } => {
            let picked: Vec<String> = match value {
                Some(Value::Sequence(_)) => strings(value),
                Some(v) => scalar(v).into_iter().collect(),
                None => Vec::new(),
            };
            let choices: Vec<Json> = choices
                .iter()
                .map(|c| json!({"value": c.value, "label": c.label.get(lang), "selected": picked.contains(&c.value)}))
                .collect();
            object.insert("choices".into(), Json::Array(choices));
        }
        QuestionKind::Records { fields, .. } => {
            let header: Vec<Json> = fields
                .iter()
                .map(|f| json!({"id": f.id, "prompt": f.prompt.get(lang)}))
                .collect();
            let rows: Vec<Vec<String>> = match value {
                Some(Value::Sequence(rows)) => rows
                    .iter()
                    .map(|row| {
                        fields
                            .iter()
                            .map(|f| {
                                row.get(f.id.as_str())
                                    .filter(|v| !v.is_null())
                                    .map(|v| display(f, v, lang))
                                    .map(|t| {
                                        if is_typed(&f.kind) {
                                            typed(&t, foreign)
                                        } else {
                                            t
                                        }
                                    })
                                    .unwrap_or_default()
                            })
                            .collect()
                    })
                    .collect(),
                _ => Vec::new(),
            };
            object.insert("fields".into(), Json::Array(header));
            object.insert("rows".into(), json!(rows));
        }
        QuestionKind::Vote { dots, .. } => {
            let mut ranking: Vec<(String, u64)> = match value {
                Some(Value::Mapping(m)) => m
                    .iter()
                    .map(|(k, v)| (scalar(k).unwrap_or_default(), v.as_u64().unwrap_or(0)))
                    .collect(),
                _ => Vec::new(),
            };
            // Stable sort: ties keep the order the items were listed in.
            ranking.sort_by_key(|r| std::cmp::Reverse(r.1));
            let mut rank = 0;
            let mut previous = None;
            let ranking: Vec<Json> = ranking
                .iter()
                .enumerate()
                .map(|(i, (item, n))| {
                    if previous != Some(*n) {
                        rank = i + 1;
                        previous = Some(*n);
                    }
                    json!({"item": item, "dots": n, "rank": rank})
                })
                .collect();
            object.insert("dots_each".into(), json!(dots));
            object.insert(
                "total_dots".into(),
                json!(
                    ranking
                        .iter()
                        .map(|r| r["dots"].as_u64().unwrap_or(0))
                        .sum::<u64>()
                ),
            );
            object.insert("ranking".into(), Json::Array(ranking));
        }
        QuestionKind::Score {
            from,
            criteria,
            quadrants,
        } => {
            let crit: Vec<Json> = criteria
                .iter()
                .map(
                    |c| json!({"id": c.id, "label": c.label.get(lang), "min": c.min, "max": c.max}),
                )
                .collect();
            let names = quadrants.as_ref().map(|q| {
                [
                    q.high_high.get(lang),
                    q.high_low.get(lang),
                    q.low_high.get(lang),
                    q.low_low.get(lang),
                ]
                .map(str::to_owned)
            });
            // One entry per item of the list being scored, in the list's order, a duplicate row
            // keeping its place: templates pair `scores` with that list's `rows` or `entries`
            // by index, and a group may leave items unscored (a score is filled item by item).
            // An unscored item has `scored: false`, a null per criterion, no total and no
            // quadrant. Items scored but no longer in the list follow, so nothing is lost.
            let scored: Vec<(String, &Value)> = match value {
                Some(Value::Mapping(m)) => m
                    .iter()
                    .filter_map(|(item, row)| Some((scalar(item)?, row)))
                    .collect(),
                _ => Vec::new(),
            };
            let mut items = crate::engine::items(session, from);
            for (item, _) in &scored {
                if !items.contains(item) {
                    items.push(item.clone());
                }
            }
            let scores: Vec<Json> = items
                .iter()
                .map(|item| {
                    let row = scored.iter().find(|(i, _)| i == item).map(|(_, row)| *row);
                    let values: Option<Vec<i64>> = row.and_then(|row| {
                        criteria
                            .iter()
                            .map(|c| row.get(c.id.as_str()).and_then(Value::as_i64))
                            .collect()
                    });
                    let Some(values) = values else {
                        return json!({"item": item, "scored": false, "values": vec![Json::Null; criteria.len()], "total": null, "quadrant": null});
                    };
                    let quadrant = match (&names, values.as_slice(), criteria.first()) {
                        (Some(names), [y, x], Some(c)) => Some(
                            super::markdown::quadrant(names, c.min as f64, c.max as f64, *x as f64, *y as f64)
                                .to_owned(),
                        ),
                        _ => None,
                    };
                    json!({"item": item, "scored": true, "values": values, "total": values.iter().sum::<i64>(), "quadrant": quadrant})
                })
                .collect();
            let unscored: Vec<&str> = scores
                .iter()
                .filter(|s| s["scored"] == false)
                .filter_map(|s| s["item"].as_str())
                .collect();
            let mut unscored_once: Vec<&str> = Vec::with_capacity(unscored.len());
            for item in unscored {
                if !unscored_once.contains(&item) {
                    unscored_once.push(item);
                }
            }
            object.insert("unscored".into(), json!(unscored_once));
            object.insert("criteria".into(), Json::Array(crit));
            object.insert("quadrants".into(), json!(names));
            object.insert("scores".into(), Json::Array(scores));
        }
        _ => {}
    }
    Json::Object(object)
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}
