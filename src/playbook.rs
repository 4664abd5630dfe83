//! Running a playbook: several methods in one session, where later methods take earlier
//! answers as defaults (`defaults:`) or as the items they work on (`items:`).
//!
//! A playbook session keeps each method's answers under its id; `Session::part` gives a
//! method its own view, so the engine runs every method exactly as it runs on its own.

use serde_json::{Map, Value as Json};
use serde_yaml::Value;

use crate::engine::yaml_to_json;
use crate::library::Library;
use crate::method::{Block, Method, Playbook, QuestionKind};
use crate::session::Session;

/// The methods a playbook runs, in order, each with its block settings.
pub fn blocks<'a>(playbook: &'a Playbook, library: &Library) -> Vec<(&'a Block, Option<Method>)> {
    playbook
        .blocks
        .iter()
        .map(|b| match b {
            Block::Method { method, .. } => (b, library.method(method).cloned()),
            Block::Break { .. } => (b, None),
        })
        .collect()
}

/// Earlier answers by method id, for the playbook's `defaults` templates
/// (`{{problem-framing.chosen_hmw}}`).
pub fn context(session: &Session) -> Json {
    let mut ctx = Map::new();
    for (k, v) in &session.answers {
        if let Some(k) = k.as_str() {
            ctx.insert(k.to_owned(), yaml_to_json(v));
        }
    }
    Json::Object(ctx)
}

/// The method as this block runs it: defaults and carried items filled in from earlier methods.
pub fn prepare(method: &Method, block: &Block, session: &Session, library: &Library) -> Method {
    let Block::Method {
        defaults,
        items,
        top,
        ..
    } = block
    else {
        return method.clone();
    };
    let mut method = method.clone();
    let hb = crate::helpers::registry();
    let ctx = context(session);
    for (question, template) in defaults {
        let Ok(text) = hb.render_template(template, &ctx) else {
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        set_default(&mut method, question, Value::String(text));
        set_literal(&mut method, question);
    }
    for (question, source) in items {
        let carried = carried_items(session, source, *top, library);
        if carried.is_empty() {
            continue;
        }
        // A vote, score or rank question takes its items through its `from` list question.
        let target = match method.question(question).map(|q| &q.kind) {
            Some(
                QuestionKind::Vote { from, .. }
                | QuestionKind::Score { from, .. }
                | QuestionKind::Rank { from },
            ) => from.clone(),
            _ => question.clone(),
        };
        set_default(
            &mut method,
            &target,
            Value::Sequence(carried.into_iter().map(Value::String).collect()),
        );
    }
    method
}

/// Marks a carried default as data: what the group wrote earlier is never a template.
fn set_literal(method: &mut Method, question: &str) {
    for step in &mut method.steps {
        for q in &mut step.questions {
            if q.id == question {
                q.literal_default = true;
            }
        }
    }
}

fn set_default(method: &mut Method, question: &str, value: Value) {
    for step in &mut method.steps {
        for q in &mut step.questions {
            if q.id == question {
                q.default = Some(value.clone());
            }
        }
    }
}

/// The items of `method.question` in an earlier part: a list's entries, a records question's
/// row labels, or a vote's items by dots (the `top` most-voted, ties kept in listing order).
pub fn carried_items(
    session: &Session,
    source: &str,
    top: Option<u32>,
    library: &Library,
) -> Vec<String> {
    let Some((method_id, question_id)) = source.split_once('.') else {
        return Vec::new();
    };
    let Some(method) = library.method(method_id) else {
        return Vec::new();
    };
    let part = session.part(method);
    let mut items: Vec<String> = match (
        method.question(question_id).map(|q| &q.kind),
        part.answer(question_id),
    ) {
        (Some(QuestionKind::Vote { .. }), Some(Value::Mapping(votes))) => {
            let mut ranked: Vec<(String, u64)> = votes
                .iter()
                .filter_map(|(k, v)| Some((k.as_str()?.to_owned(), v.as_u64().unwrap_or(0))))
                .collect();
            ranked.sort_by_key(|r| std::cmp::Reverse(r.1));
            ranked.into_iter().map(|r| r.0).collect()
        }
        _ => crate::engine::items(&part, question_id),
    };
    if let Some(n) = top {
        items.truncate(n as usize);
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::method::{Document, parse};
    use crate::session::MethodRef;

    #[test]
    fn a_carried_default_is_the_groups_text_never_a_template() {
        let method = "schema: 1\nid: later\nname: L\nsummary: S.\nstage: ideation\nduration: 10m\nsteps:\n  - id: only\n    title: Only\n    questions:\n      - { id: hmw, type: text, prompt: Q }\n";
        let Ok(Document::Method(m)) = parse(method.as_bytes(), "later", Some("later")) else {
            panic!("method")
        };
        let playbook = "schema: 1\nkind: playbook\nid: pb\nname: P\nsummary: S.\nstage: ideation\nmethods:\n  - method: later\n    defaults:\n      hmw: \"{{earlier.chosen}}\"\n";
        let Ok(Document::Playbook(p)) = parse(playbook.as_bytes(), "pb", Some("pb")) else {
            panic!("playbook")
        };
        let reference = MethodRef {
            id: "pb".into(),
            version: 1,
            hash: String::new(),
            playbook: true,
            source: None,
        };
        let mut session = Session::new(reference, "en", "");
        session.facilitator = Some("Ana".into());
        let hostile = "How might we: {{#each this}}{{@key}},{{/each}} {{facilitator}}";
        let mut earlier = serde_yaml::Mapping::new();
        earlier.insert("chosen".into(), hostile.into());
        session
            .answers
            .insert("earlier".into(), Value::Mapping(earlier));
        let prepared = prepare(&m, &p.blocks[0], &session, &Library::default());
        let q = prepared.question("hmw").unwrap();
        let hb = crate::helpers::registry();
        let ctx = crate::engine::context(&prepared, &session, "2026-11-26");
        assert_eq!(
            crate::engine::default_for(q, &hb, &ctx),
            Some(Value::String(hostile.into()))
        );
    }
}
