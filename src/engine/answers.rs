//! Answers: which questions are asked (`when`), defaults and computed values, the data
//! templates see, and the checks every answer passes — typed, sent from a front end or
//! supplied in a file — with the same rules. `fill` answers a whole method from a file.

use handlebars::Handlebars;
use serde_json::json;
use serde_yaml::{Mapping, Value};

use crate::clock;
use crate::lang::Lang;
use crate::method::{Issue, Method, Question, QuestionKind, Validation};
use crate::session::Session;

/// The data templates see: every answer so far by question id, plus session facts.
pub fn context(method: &Method, session: &Session, today: &str) -> serde_json::Value {
    let mut ctx = serde_json::Map::new();
    for (_, q) in method.questions() {
        let value = session
            .answer(&q.id)
            .map(yaml_to_json)
            .unwrap_or(serde_json::Value::Null);
        ctx.insert(q.id.clone(), value);
    }
    ctx.insert("lab".into(), json!(session.lab.clone().unwrap_or_default()));
    ctx.insert(
        "facilitator".into(),
        json!(session.facilitator.clone().unwrap_or_default()),
    );
    ctx.insert("participants".into(), json!(session.participants));
    ctx.insert("lang".into(), json!(session.language));
    ctx.insert("today".into(), json!(today));
    serde_json::Value::Object(ctx)
}

/// An answer as JSON, for templates. Written out by hand: going through serde costs several
/// times more on sessions with thousands of entries.
pub fn yaml_to_json(value: &Value) -> serde_json::Value {
    use serde_json::Value as Json;
    match value {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                Json::from(i)
            } else if let Some(u) = n.as_u64() {
                Json::from(u)
            } else {
                n.as_f64()
                    .and_then(serde_json::Number::from_f64)
                    .map_or(Json::Null, Json::Number)
            }
        }
        Value::String(s) => Json::String(s.clone()),
        Value::Sequence(items) => Json::Array(items.iter().map(yaml_to_json).collect()),
        Value::Mapping(map) => Json::Object(
            map.iter()
                .map(|(k, v)| {
                    let key = match k {
                        Value::String(s) => s.clone(),
                        other => scalar_text(other).unwrap_or_default(),
                    };
                    (key, yaml_to_json(v))
                })
                .collect(),
        ),
        Value::Tagged(tagged) => yaml_to_json(&tagged.value),
    }
}

/// Whether `q` is asked, given the answers so far. A `when` that fails to render (it refers to
/// a question that was skipped) counts as false.
pub fn is_asked(q: &Question, hb: &Handlebars, ctx: &serde_json::Value) -> bool {
    let Some(when) = &q.when else { return true };
    match hb.render_template(when, ctx) {
        Ok(text) => {
            let t = text.trim();
            !(t.is_empty() || t == "false" || t == "0" || t == "null" || t == "[]")
        }
        Err(_) => false,
    }
}

/// The default for `q`: templates are rendered over earlier answers.
pub fn default_for(q: &Question, hb: &Handlebars, ctx: &serde_json::Value) -> Option<Value> {
    match q.default.as_ref()? {
        Value::String(s) if s.contains("{{") && !q.literal_default => {
            let text = hb.render_template(s, ctx).ok()?;
            (!text.trim().is_empty()).then_some(Value::String(text))
        }
        other => Some(other.clone()),
    }
}

/// The value of a computed question.
pub fn compute(q: &Question, hb: &Handlebars, ctx: &serde_json::Value) -> Result<Value, String> {
    let QuestionKind::Computed { value, .. } = &q.kind else {
        return Err("not a computed question".into());
    };
    let text = hb
        .render_template(value, ctx)
        .map_err(|e| format!("cannot compute `{}`: {}", q.id, e.reason()))?;
    let text = text.trim().to_owned();
    Ok(match text.parse::<f64>() {
        Ok(n) if n.fract() == 0.0 && n.abs() < 1e15 => Value::from(n as i64),
        Ok(n) => Value::from(n),
        Err(_) => Value::String(text),
    })
}

/// The items an earlier list or records question produced, as labels.
pub fn items(session: &Session, from: &str) -> Vec<String> {
    match session.answer(from) {
        Some(Value::Sequence(entries)) => entries.iter().filter_map(item_label).collect(),
        _ => Vec::new(),
    }
}

fn item_label(entry: &Value) -> Option<String> {
    match entry {
        Value::String(s) => Some(s.clone()),
        // A records row is labelled by its first field.
        Value::Mapping(m) => m.iter().next().and_then(|(_, v)| scalar_text(v)),
        other => scalar_text(other),
    }
}

fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Checks an answer to `q` and returns it in its stored form, or a message saying what is wrong.
pub fn check(q: &Question, value: &Value, session: &Session, lang: Lang) -> Result<Value, String> {
    match &q.kind {
        QuestionKind::Text { validate } => {
            let text = scalar_text(value).ok_or("expected text")?;
            check_entry(q, &text, validate, lang)?;
            Ok(Value::String(text))
        }
        QuestionKind::Longtext { validate } => {
            let text = scalar_text(value).ok_or("expected text")?;
            check_entry(q, &text, validate, lang)?;
            Ok(Value::String(text))
        }
        QuestionKind::Number {
            min, max, integer, ..
        } => {
            let n = match value {
                Value::Number(n) => n.as_f64(),
                Value::String(s) => s.trim().replace(',', ".").parse().ok(),
                _ => None,
            }
            .filter(|n: &f64| n.is_finite())
            .ok_or_else(|| crate::i18n::t(lang, "check.number").to_owned())?;
            if *integer && n.fract() != 0.0 {
                return Err(crate::i18n::tf(lang, "check.whole", &[("n", &n)]));
            }
            if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
                return Err(crate::i18n::tf(
                    lang,
                    "check.between",
                    &[("min", &fmt_bound(*min)), ("max", &fmt_bound(*max))],
                ));
            }
            Ok(if n.fract() == 0.0 && n.abs() < 1e15 {
                Value::from(n as i64)
            } else {
                Value::from(n)
            })
        }
        QuestionKind::Confirm => match value {
            Value::Bool(b) => Ok(Value::Bool(*b)),
            Value::String(s) => match s.trim().to_lowercase().as_str() {
                "y" | "yes" | "true" | "s" | "sim" => Ok(Value::Bool(true)),
                "n" | "no" | "false" | "não" | "nao" => Ok(Value::Bool(false)),
                _ => Err(crate::i18n::t(lang, "check.yes_no").to_owned()),
            },
            _ => Err(crate::i18n::t(lang, "check.yes_no").to_owned()),
        },
        QuestionKind::Select { choices } => {
            let text = scalar_text(value).ok_or("expected one of the choices")?;
            choices
                .iter()
                .find(|c| c.value == text || c.label.get(lang) == text)
                .map(|c| Value::String(c.value.clone()))
                .ok_or_else(|| {
                    crate::i18n::tf(
                        lang,
                        "check.choice",
                        &[
                            ("text", &text),
                            (
                                "choices",
                                &choices
                                    .iter()
                                    .map(|c| c.value.as_str())
                                    .collect::<Vec<_>>()
                                    .join(", "),
                            ),
                        ],
                    )
                })
        }
        QuestionKind::Multiselect { choices, min, max } => {
            let picked = string_list(value).ok_or("expected a list of choices")?;
            let mut out = Vec::new();
            for p in picked {
                let c = choices
                    .iter()
                    .find(|c| c.value == p || c.label.get(lang) == p)
                    .ok_or_else(|| {
                        format!(
                            "`{p}` is not one of: {}",
                            choices
                                .iter()
                                .map(|c| c.value.as_str())
                                .collect::<Vec<_>>()
                                .join(", ")
                        )
                    })?;
                out.push(Value::String(c.value.clone()));
            }
            check_count(out.len(), *min, *max, lang)?;
            Ok(Value::Sequence(out))
        }
        QuestionKind::Scale { min, max, .. } => {
            let n = match value {
                Value::Number(n) => n.as_i64(),
                Value::String(s) => s.trim().parse().ok(),
                _ => None,
            }
            .ok_or_else(|| crate::i18n::tf(lang, "check.scale", &[("min", min), ("max", max)]))?;
            if n < *min || n > *max {
                return Err(crate::i18n::tf(
                    lang,
                    "check.scale",
                    &[("min", min), ("max", max)],
                ));
            }
            Ok(Value::from(n))
        }
        QuestionKind::Date => {
            let text = scalar_text(value).ok_or("expected a date")?;
            let (y, m, d) = clock::parse_date_in(&text, lang)
                .ok_or_else(|| crate::i18n::tf(lang, "check.date", &[("text", &text)]))?;
            Ok(Value::String(format!("{y:04}-{m:02}-{d:02}")))
        }
        QuestionKind::List { min, max, validate } => {
            let entries = match value {
                // One entry per line, so a pasted list becomes several entries.
                Value::String(s) => s
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
                other => string_list(other).ok_or("expected a list of entries")?,
            };
            for e in &entries {
                check_entry(q, e, validate, lang).map_err(|m| format!("entry `{e}`: {m}"))?;
            }
            check_count(entries.len(), *min, *max, lang)?;
            Ok(Value::Sequence(
                entries.into_iter().map(Value::String).collect(),
            ))
        }
        QuestionKind::Records { fields, min, max } => {
            let Value::Sequence(rows) = value else {
                return Err("expected a list of rows".into());
            };
            let mut out = Vec::new();
            for (i, row) in rows.iter().enumerate() {
                let Value::Mapping(row) = row else {
                    return Err(format!(
                        "row {}: expected a mapping of field to value",
                        i + 1
                    ));
                };
                let mut clean = Mapping::new();
                for (k, _) in row {
                    let key = k.as_str().unwrap_or_default();
                    if !fields.iter().any(|f| f.id == key) {
                        return Err(format!("row {}: unknown field `{key}`", i + 1));
                    }
                }
                for f in fields {
                    match row.get(f.id.as_str()) {
                        Some(v) if !v.is_null() => {
                            let v = check(f, v, session, lang)
                                .map_err(|m| format!("row {}, `{}`: {m}", i + 1, f.id))?;
                            clean.insert(Value::from(f.id.as_str()), v);
                        }
                        _ if f.required => {
                            return Err(format!("row {}: `{}` is missing", i + 1, f.id));
                        }
                        _ => {}
                    }
                }
                out.push(Value::Mapping(clean));
            }
            check_count(out.len(), *min, *max, lang)?;
            Ok(Value::Sequence(out))
        }
        QuestionKind::Vote { from, .. } => {
            let known = items(session, from);
            let Value::Mapping(votes) = value else {
                return Err("expected a mapping of item to dots".into());
            };
            let mut out = Mapping::new();
            for item in &known {
                out.insert(Value::from(item.as_str()), Value::from(0));
            }
            for (k, v) in votes {
                let item = scalar_text(k).unwrap_or_default();
                if !known.contains(&item) {
                    return Err(format!("`{item}` is not an item of `{from}`"));
                }
                let dots = v
                    .as_u64()
                    .ok_or_else(|| format!("dots for `{item}` must be a whole number"))?;
                out.insert(Value::from(item.as_str()), Value::from(dots));
            }
            Ok(Value::Mapping(out))
        }
        QuestionKind::Score { from, criteria, .. } => {
            let known = items(session, from);
            let Value::Mapping(scores) = value else {
                return Err("expected a mapping of item to scores".into());
            };
            let mut out = Mapping::new();
            for (k, v) in scores {
                let item = scalar_text(k).unwrap_or_default();
                if !known.contains(&item) {
                    return Err(format!("`{item}` is not an item of `{from}`"));
                }
                let Value::Mapping(row) = v else {
                    return Err(format!(
                        "scores for `{item}` must map each criterion to a number"
                    ));
                };
                let mut clean = Mapping::new();
                for c in criteria {
                    let n = row
                        .get(c.id.as_str())
                        .and_then(Value::as_i64)
                        .filter(|n| *n >= c.min && *n <= c.max)
                        .ok_or_else(|| {
                            format!("`{item}` needs `{}` from {} to {}", c.id, c.min, c.max)
                        })?;
                    clean.insert(Value::from(c.id.as_str()), Value::from(n));
                }
                out.insert(Value::from(item.as_str()), Value::Mapping(clean));
            }
            Ok(Value::Mapping(out))
        }
        QuestionKind::Rank { from } => {
            let known = items(session, from);
            let order = string_list(value).ok_or("expected the items in order")?;
            let mut sorted_a = order.clone();
            let mut sorted_b = known.clone();
            sorted_a.sort();
            sorted_b.sort();
            if sorted_a != sorted_b {
                return Err(format!("a ranking must list each item of `{from}` once"));
            }
            Ok(Value::Sequence(
                order.into_iter().map(Value::String).collect(),
            ))
        }
        QuestionKind::Computed { .. } => Ok(value.clone()),
    }
}

/// An answer as one line of text, for summaries and review screens.
pub fn display(q: &Question, value: &Value, lang: Lang) -> String {
    use crate::i18n::t;
    match (&q.kind, value) {
        (_, Value::Null) => t(lang, "answer.skipped").to_owned(),
        (_, Value::Bool(b)) => t(lang, if *b { "answer.yes" } else { "answer.no" }).to_owned(),
        // A scale point with a label reads as both: `4 — Very`.
        (QuestionKind::Scale { labels, .. }, Value::Number(n)) => {
            match n.as_i64().and_then(|n| labels.get(&n)) {
                Some(label) => format!("{n} — {}", label.get(lang)),
                None => n.to_string(),
            }
        }
        // Numbers read in the language's own way (a decimal comma in Portuguese), and never in
        // exponent form (a p-value of 1e-6 reads 0.000001).
        (QuestionKind::Number { .. } | QuestionKind::Computed { .. }, Value::Number(n)) => {
            number_text(n, lang)
        }
        (QuestionKind::Select { choices } | QuestionKind::Multiselect { choices, .. }, _) => {
            let label = |v: &Value| {
                let v = scalar_text(v).unwrap_or_default();
                choices
                    .iter()
                    .find(|c| c.value == v)
                    .map_or(v, |c| c.label.get(lang).to_owned())
            };
            match value {
                Value::Sequence(items) => items.iter().map(label).collect::<Vec<_>>().join("; "),
                other => label(other),
            }
        }
        (QuestionKind::Vote { .. }, Value::Mapping(votes)) => {
            let mut rows: Vec<(String, u64)> = votes
                .iter()
                .map(|(k, v)| (scalar_text(k).unwrap_or_default(), v.as_u64().unwrap_or(0)))
                .collect();
            rows.sort_by_key(|r| std::cmp::Reverse(r.1));
            rows.iter()
                .map(|(item, n)| format!("{item} ({n})"))
                .collect::<Vec<_>>()
                .join("; ")
        }
        (QuestionKind::Score { criteria, .. }, Value::Mapping(scores)) => scores
            .iter()
            .map(|(item, row)| {
                let parts: Vec<String> = criteria
                    .iter()
                    .map(|c| {
                        format!(
                            "{} {}",
                            c.label.get(lang),
                            row.get(c.id.as_str())
                                .and_then(Value::as_i64)
                                .unwrap_or_default()
                        )
                    })
                    .collect();
                format!(
                    "{}: {}",
                    scalar_text(item).unwrap_or_default(),
                    parts.join(", ")
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        // Each field of a row reads as that field's answer would (choice labels, yes/no).
        (QuestionKind::Records { fields, .. }, Value::Sequence(rows)) => rows
            .iter()
            .map(|row| match row {
                Value::Mapping(row) => row_text(fields, row, lang),
                other => scalar_text(other).unwrap_or_default(),
            })
            .collect::<Vec<_>>()
            .join("; "),
        (_, Value::Sequence(items)) => items
            .iter()
            .map(|item| match item {
                Value::Mapping(row) => super::seam::row_label(row),
                other => scalar_text(other).unwrap_or_default(),
            })
            .collect::<Vec<_>>()
            .join("; "),
        (_, other) => scalar_text(other).unwrap_or_else(|| {
            serde_yaml::to_string(other)
                .unwrap_or_default()
                .trim()
                .to_owned()
        }),
    }
}

/// One row of a records answer (or the part of it typed so far), each field read as that
/// field's answer would be (choice labels, yes/no, numbers), joined with ` — `.
pub fn row_text(fields: &[Question], row: &serde_yaml::Mapping, lang: Lang) -> String {
    fields
        .iter()
        .filter_map(|f| match row.get(f.id.as_str()) {
            None | Some(Value::Null) => None,
            Some(v) => Some(display(f, v, lang)),
        })
        .collect::<Vec<_>>()
        .join(" — ")
}

/// A number answer as text: whole numbers as they are, others in Rust's shortest decimal form
/// (no exponent), with a decimal comma in Portuguese. No thousands separator, so the text is
/// the number the facilitator typed.
fn number_text(n: &serde_yaml::Number, lang: Lang) -> String {
    let text = match (n.as_i64(), n.as_u64(), n.as_f64()) {
        (Some(i), _, _) => i.to_string(),
        (_, Some(u), _) => u.to_string(),
        (_, _, Some(f)) if f.is_finite() => f.to_string(),
        _ => n.to_string(),
    };
    match crate::clock::decimal_of(lang) {
        "," => text.replace('.', ","),
        _ => text,
    }
}

fn fmt_bound(b: Option<f64>) -> String {
    b.map_or_else(|| "…".into(), |v| v.to_string())
}

fn string_list(value: &Value) -> Option<Vec<String>> {
    match value {
        Value::Sequence(items) => items.iter().map(scalar_text).collect(),
        _ => None,
    }
}

fn check_count(n: usize, min: Option<usize>, max: Option<usize>, lang: Lang) -> Result<(), String> {
    if let Some(m) = min.filter(|m| n < *m) {
        return Err(crate::i18n::tf(
            lang,
            "check.at_least",
            &[("m", &m), ("n", &n)],
        ));
    }
    if let Some(m) = max.filter(|m| n > *m) {
        return Err(crate::i18n::tf(
            lang,
            "check.at_most",
            &[("m", &m), ("n", &n)],
        ));
    }
    Ok(())
}

/// Checks one list entry (or a text answer) against the question's rules.
pub fn check_entry(q: &Question, text: &str, v: &Validation, lang: Lang) -> Result<(), String> {
    let len = text.chars().count();
    let custom = || v.message.as_ref().map(|m| m.get(lang).to_owned());
    if q.required && text.trim().is_empty() {
        return Err(crate::i18n::t(lang, "check.required").to_owned());
    }
    if v.min_length.is_some_and(|m| len < m) {
        return Err(custom().unwrap_or_else(|| {
            crate::i18n::tn(lang, "check.min_length", v.min_length.unwrap_or_default())
        }));
    }
    if v.max_length.is_some_and(|m| len > m) {
        return Err(custom().unwrap_or_else(|| {
            crate::i18n::tn(lang, "check.max_length", v.max_length.unwrap_or_default())
        }));
    }
    if let Some(p) = &v.pattern {
        let re = regex_lite::Regex::new(&format!("^(?:{p})$")).map_err(|e| e.to_string())?;
        if !re.is_match(text) {
            return Err(
                custom().unwrap_or_else(|| crate::i18n::tf(lang, "check.pattern", &[("p", &p)]))
            );
        }
    }
    Ok(())
}

/// Fills a session from supplied answers (and defaults, if asked), checking every answer the
/// same way as typed ones. Returns every problem at once.
pub fn fill(
    method: &Method,
    session: &mut Session,
    supplied: &Mapping,
    use_defaults: bool,
    lang: Lang,
    today: &str,
) -> Vec<Issue> {
    let hb = crate::helpers::registry();
    let mut issues = Vec::new();
    for key in supplied.keys() {
        // A key that is not a string (`1`, `~`, `[a, b]`) is named as it was written.
        let id = scalar_text(key).unwrap_or_else(|| {
            serde_yaml::to_string(key)
                .unwrap_or_default()
                .trim()
                .to_owned()
        });
        let id = id.as_str();
        if method.question(id).is_none() || key.as_str().is_none() {
            let hint = crate::method::suggest(id, method.questions().map(|(_, q)| q.id.as_str()));
            let mut issue = Issue::new(id, format!("`{id}` is not a question of `{}`", method.id));
            issue.hint = hint;
            issues.push(issue);
        }
    }
    for (_, q) in method.questions() {
        let ctx = context(method, session, today);
        if !is_asked(q, &hb, &ctx) {
            session.answers.remove(q.id.as_str());
            continue;
        }
        if matches!(q.kind, QuestionKind::Computed { .. }) {
            match compute(q, &hb, &ctx) {
                Ok(v) => {
                    session.answers.insert(Value::from(q.id.as_str()), v);
                }
                Err(m) => issues.push(Issue::new(q.id.as_str(), m)),
            }
            continue;
        }
        let candidate = supplied
            .get(q.id.as_str())
            .cloned()
            .or_else(|| session.answer(&q.id).cloned())
            .filter(|v| !v.is_null())
            .or_else(|| {
                if use_defaults {
                    default_for(q, &hb, &ctx)
                } else {
                    None
                }
            });
        match candidate {
            Some(v) => match check(q, &v, session, lang) {
                Ok(v) => {
                    session.answers.insert(Value::from(q.id.as_str()), v);
                }
                Err(m) => issues.push(Issue::new(
                    q.id.as_str(),
                    format!("{m} ({})", q.prompt.get(lang)),
                )),
            },
            None if q.required => issues.push(Issue::new(
                q.id.as_str(),
                crate::i18n::tf(lang, "check.missing", &[("prompt", &q.prompt.get(lang))]),
            )),
            None => {}
        }
    }
    issues
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::method::Document;

    pub(crate) fn every_type() -> Method {
        let bytes = include_bytes!("../../tests/fixtures/methods/valid/every-type.yaml");
        match crate::method::parse(bytes, "every-type.yaml", Some("every-type")) {
            Ok(Document::Method(m)) => m,
            other => panic!("fixture does not parse: {other:?}"),
        }
    }

    pub(crate) fn new_session(m: &Method) -> Session {
        let method = crate::session::MethodRef {
            id: m.id.clone(),
            version: m.version,
            hash: m.content_hash.clone(),
            playbook: false,
            source: None,
        };
        Session::new(method, "en", "")
    }

    pub(crate) fn yaml(s: &str) -> Value {
        serde_yaml::from_str(s).unwrap()
    }

    #[test]
    fn fill_lists_every_problem_at_once() {
        let m = every_type();
        let mut s = new_session(&m);
        let supplied: Mapping =
            serde_yaml::from_str("challenge: ab\nbudget: -5\nbogus: 1\nkind: digitl\n").unwrap();
        let issues = fill(&m, &mut s, &supplied, false, Lang::En, "2026-11-26");
        let paths: Vec<&str> = issues.iter().map(|i| i.path.as_str()).collect();
        assert_eq!(
            paths,
            vec![
                "bogus",
                "challenge",
                "budget",
                "urgent",
                "kind",
                "channels",
                "confidence",
                "ideas",
                "votes",
                "matrix",
                "order"
            ]
        );
        assert!(issues[1].message.contains("Between 3 and 200"));
    }

    #[test]
    fn a_key_that_is_not_a_string_is_named_as_written() {
        let m = every_type();
        let mut s = new_session(&m);
        let supplied: Mapping =
            serde_yaml::from_str("1: one\n~: none\n? [a, b]\n: pair\n").unwrap();
        let issues = fill(&m, &mut s, &supplied, true, Lang::En, "2026-11-26");
        let named: Vec<&str> = issues.iter().map(|i| i.message.as_str()).take(3).collect();
        assert_eq!(
            named,
            [
                "`1` is not a question of `every-type`",
                "`null` is not a question of `every-type`",
                "`- a\n- b` is not a question of `every-type`"
            ]
        );
    }

    #[test]
    fn fill_with_defaults_uses_defaults_and_templates() {
        let m = every_type();
        let mut s = new_session(&m);
        let supplied: Mapping = serde_yaml::from_str(
            "challenge: Renew cards\nchannels: [web]\nconfidence: 3\nideas: \"one\\ntwo\"\nvotes: {one: 2}\nmatrix: {one: {impact: 1, effort: 1}}\norder: [two, one]\n",
        )
        .unwrap();
        let issues = fill(&m, &mut s, &supplied, true, Lang::En, "2026-11-26");
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(s.answer("budget"), Some(&yaml("1000")));
        assert_eq!(s.answer("kind"), Some(&yaml("digital")));
        assert_eq!(
            s.answer("ideas"),
            Some(&yaml("[one, two]")),
            "a pasted block becomes one entry per line"
        );
        assert_eq!(
            s.answer("summary_line"),
            Some(&yaml("2 ideas for Renew cards"))
        );
    }
}
