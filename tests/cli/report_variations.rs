//! Every built-in report renders every session `run` accepts, not only the tidy ones in the
//! fixtures.
//!
//! From each method's answers fixture (and each playbook's), a generator makes the unusual
//! sessions a real workshop produces: optional answers skipped, empty lists, records with their
//! optional fields left out, a score with items left unscored, duplicate entries and rows, votes
//! of zero everywhere, a ranking of one item, every choice of a select. Each variation goes
//! through `engine::fill`, the check `labkit run ID --answers FILE --no-input` applies (with
//! `--defaults` as a second try), and each one accepted must render in both languages as
//! Markdown, HTML and Word. The library is called directly: spawning the binary for each of
//! the thousand or so cases would take minutes; `run_and_report_agree_with_the_library` drives
//! the real binary on a few of them to keep the two paths honest.

use std::path::Path;

use serde_yaml::{Mapping, Value};

use labkit::lang::Lang;
use labkit::library::Library;
use labkit::method::{Document, Method, Playbook, QuestionKind};
use labkit::report::{self, Rendered};
use labkit::session::{MethodRef, Session, Status};

use crate::support::{Lab, fixture};

/// One generated session: what changed, and the answers file it would be.
pub struct Variation {
    pub name: String,
    pub answers: Mapping,
}

fn new_session(id: &str, version: u32, hash: &str, playbook: bool) -> Session {
    let method = MethodRef {
        id: id.to_owned(),
        version,
        hash: hash.to_owned(),
        playbook,
        source: None,
    };
    let mut session = Session::new(method, "en", "2026-11-26T09:30:00Z");
    session.facilitator = Some("Ana Sousa".into());
    session.participants = vec!["Rui Costa".into()];
    session.status = Status::Finished;
    session.finished = Some("2026-11-26T11:00:00Z".into());
    session
}

/// Fills a method's session as `run --no-input` does: the answers alone, then with defaults.
/// `None` when `run` would refuse them.
pub fn accept(method: &Method, answers: &Mapping) -> Option<Session> {
    for defaults in [false, true] {
        let mut session = new_session(&method.id, method.version, &method.content_hash, false);
        let issues = labkit::engine::fill(
            method,
            &mut session,
            answers,
            defaults,
            Lang::En,
            "2026-11-26",
        );
        if issues.is_empty() {
            let order: Vec<&str> = method.questions().map(|(_, q)| q.id.as_str()).collect();
            session.order_answers(&order);
            return Some(session);
        }
    }
    None
}

/// Fills a playbook's session as `run --no-input` does, method by method: each method's
/// varied answers, else (when `run` would refuse those) the fixture's, each alone and then with
/// defaults. `None` when no choice is accepted.
fn accept_playbook(
    playbook: &Playbook,
    library: &Library,
    answers: &[Mapping],
    fallback: &Mapping,
) -> Option<Session> {
    let mut session = new_session(&playbook.id, playbook.version, &playbook.content_hash, true);
    let blocks = labkit::playbook::blocks(playbook, library);
    for (n, (block, method)) in blocks.into_iter().enumerate() {
        let Some(method) = method else { continue };
        let prepared = labkit::playbook::prepare(&method, block, &session, library);
        let choices = [
            answers.get(n),
            fallback.get(method.id.as_str()).and_then(Value::as_mapping),
        ];
        let part = choices.into_iter().flatten().find_map(|supplied| {
            [false, true].into_iter().find_map(|defaults| {
                let mut part = session.part(&method);
                let issues = labkit::engine::fill(
                    &prepared,
                    &mut part,
                    supplied,
                    defaults,
                    Lang::En,
                    "2026-11-26",
                );
                issues.is_empty().then_some(part)
            })
        })?;
        session.merge_part(&part);
        session.done.push(method.id.clone());
    }
    Some(session)
}

/// The label an entry of a list or records answer gives the questions that work over it.
fn label(entry: &Value) -> Option<String> {
    match entry {
        Value::String(s) => Some(s.clone()),
        Value::Mapping(m) => m.iter().next().and_then(|(_, v)| scalar(v)),
        other => scalar(other),
    }
}

fn scalar(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

/// Makes the votes, scores and rankings over a changed list fit it again, as a group would
/// after editing the list: items gone are dropped, a ranking lists each item (duplicates too).
fn repair(method: &Method, answers: &mut Mapping) {
    for (_, q) in method.questions() {
        let Some(from) = q.kind.items_from() else {
            continue;
        };
        let Some(Value::Sequence(entries)) = answers.get(from) else {
            continue;
        };
        let items: Vec<String> = entries.iter().filter_map(label).collect();
        let Some(answer) = answers.get_mut(q.id.as_str()) else {
            continue;
        };
        match (&q.kind, answer) {
            (QuestionKind::Vote { .. } | QuestionKind::Score { .. }, Value::Mapping(m)) => {
                m.retain(|k, _| scalar(k).is_some_and(|k| items.contains(&k)));
            }
            (QuestionKind::Rank { .. }, answer) => {
                *answer = Value::Sequence(items.iter().map(|i| Value::from(i.as_str())).collect());
            }
            _ => {}
        }
    }
}

/// The variations of one method's answers (already in the form `fill` stores them).
pub fn variations(method: &Method, base: &Mapping) -> Vec<Variation> {
    let mut out = Vec::new();
    let mut push = |name: String, answers: Mapping| {
        let mut answers = answers;
        repair(method, &mut answers);
        out.push(Variation { name, answers });
    };
    let with = |id: &str, value: Value| {
        let mut answers = base.clone();
        answers.insert(Value::from(id), value);
        answers
    };
    let mut all_optional_skipped = base.clone();
    let mut all_minimal = base.clone();
    for (_, q) in method.questions() {
        let id = q.id.as_str();
        let current = base.get(id).cloned().unwrap_or(Value::Null);
        if !q.required {
            let mut answers = base.clone();
            answers.remove(id);
            push(format!("{id}: skipped"), answers);
            push(format!("{id}: null"), with(id, Value::Null));
            all_optional_skipped.remove(id);
        }
        match &q.kind {
            QuestionKind::Text { .. } | QuestionKind::Longtext { .. } => {
                if !q.required {
                    push(format!("{id}: empty text"), with(id, Value::from("")));
                }
                push(format!("{id}: one character"), with(id, Value::from("x")));
                push(
                    format!("{id}: lines and a CR"),
                    with(id, Value::from("first line\r\nsecond\rthird\n\n  ")),
                );
            }
            QuestionKind::Number { min, max, .. } => {
                for n in [min.unwrap_or(0.0), max.unwrap_or(1e9), 0.5] {
                    push(format!("{id}: {n}"), with(id, Value::from(n)));
                }
            }
            QuestionKind::Confirm => {
                for b in [true, false] {
                    push(format!("{id}: {b}"), with(id, Value::from(b)));
                }
            }
            QuestionKind::Select { choices } => {
                for c in choices {
                    push(
                        format!("{id}: {}", c.value),
                        with(id, Value::from(c.value.as_str())),
                    );
                }
            }
            QuestionKind::Multiselect { choices, .. } => {
                push(format!("{id}: none"), with(id, Value::Sequence(Vec::new())));
                let all = choices.iter().map(|c| Value::from(c.value.as_str()));
                push(
                    format!("{id}: all"),
                    with(id, Value::Sequence(all.collect())),
                );
                if let Some(c) = choices.last() {
                    let one = vec![Value::from(c.value.as_str())];
                    push(format!("{id}: one"), with(id, Value::Sequence(one)));
                }
            }
            QuestionKind::Scale { min, max, .. } => {
                for n in [min, max] {
                    push(format!("{id}: {n}"), with(id, Value::from(*n)));
                }
            }
            QuestionKind::List { .. } | QuestionKind::Records { .. } => {
                let entries = current.as_sequence().cloned().unwrap_or_default();
                push(
                    format!("{id}: empty"),
                    with(id, Value::Sequence(Vec::new())),
                );
                all_minimal.insert(Value::from(id), Value::Sequence(Vec::new()));
                if let Some(first) = entries.first() {
                    let one = vec![first.clone()];
                    push(format!("{id}: one entry"), with(id, Value::Sequence(one)));
                    let two = vec![first.clone(), first.clone()];
                    push(
                        format!("{id}: a duplicate pair"),
                        with(id, Value::Sequence(two)),
                    );
                    let mut duplicated = entries.clone();
                    duplicated.push(first.clone());
                    push(
                        format!("{id}: first entry again at the end"),
                        with(id, Value::Sequence(duplicated)),
                    );
                }
                if let QuestionKind::Records { fields, .. } = &q.kind {
                    let optional: Vec<&str> = fields
                        .iter()
                        .filter(|f| !f.required)
                        .map(|f| f.id.as_str())
                        .collect();
                    if !optional.is_empty() {
                        let strip = |blank: bool| {
                            let rows = entries.iter().map(|row| {
                                let mut row = row.as_mapping().cloned().unwrap_or_default();
                                for f in &optional {
                                    if blank {
                                        row.insert(Value::from(*f), Value::from(""));
                                    } else {
                                        row.remove(*f);
                                    }
                                }
                                Value::Mapping(row)
                            });
                            Value::Sequence(rows.collect())
                        };
                        push(
                            format!("{id}: optional fields left out"),
                            with(id, strip(false)),
                        );
                        push(
                            format!("{id}: optional fields blank"),
                            with(id, strip(true)),
                        );
                        // Only some rows without them: the columns must still line up.
                        let mut some = entries.clone();
                        if let Some(Value::Mapping(row)) = some.first_mut() {
                            for f in &optional {
                                row.remove(*f);
                            }
                        }
                        push(
                            format!("{id}: first row without its optional fields"),
                            with(id, Value::Sequence(some)),
                        );
                    }
                }
            }
            QuestionKind::Vote { .. } => {
                let zero: Mapping = current
                    .as_mapping()
                    .map(|m| m.keys().map(|k| (k.clone(), Value::from(0))).collect())
                    .unwrap_or_default();
                push(
                    format!("{id}: no dots at all"),
                    with(id, Value::Mapping(zero)),
                );
                push(
                    format!("{id}: empty"),
                    with(id, Value::Mapping(Mapping::new())),
                );
                if let Some((k, _)) = current.as_mapping().and_then(|m| m.iter().next()) {
                    let mut one = Mapping::new();
                    one.insert(k.clone(), Value::from(1));
                    push(format!("{id}: one dot"), with(id, Value::Mapping(one)));
                }
            }
            QuestionKind::Score { .. } => {
                let scored = current.as_mapping().cloned().unwrap_or_default();
                push(
                    format!("{id}: nothing scored"),
                    with(id, Value::Mapping(Mapping::new())),
                );
                all_minimal.insert(Value::from(id), Value::Mapping(Mapping::new()));
                let mut first_only = Mapping::new();
                let mut all_but_first = scored.clone();
                if let Some((k, v)) = scored.iter().next() {
                    first_only.insert(k.clone(), v.clone());
                    all_but_first.remove(k);
                }
                push(
                    format!("{id}: only the first scored"),
                    with(id, Value::Mapping(first_only)),
                );
                push(
                    format!("{id}: one item unscored"),
                    with(id, Value::Mapping(all_but_first)),
                );
                let mut reversed = Mapping::new();
                let pairs: Vec<(&Value, &Value)> = scored.iter().collect();
                for (k, v) in pairs.into_iter().rev() {
                    reversed.insert(k.clone(), v.clone());
                }
                push(
                    format!("{id}: scored in another order"),
                    with(id, Value::Mapping(reversed)),
                );
            }
            QuestionKind::Rank { .. } => {
                let mut reversed = current.as_sequence().cloned().unwrap_or_default();
                reversed.reverse();
                push(
                    format!("{id}: reversed"),
                    with(id, Value::Sequence(reversed)),
                );
            }
            QuestionKind::Date | QuestionKind::Computed { .. } => {}
        }
    }
    push("every optional answer skipped".into(), all_optional_skipped);
    push("every list empty, nothing scored".into(), all_minimal);
    // A ranking (and votes, scores) over a single item: each list cut to its first entry.
    let mut single = base.clone();
    for (_, q) in method.questions() {
        if let Some(Value::Sequence(entries)) = single.get_mut(q.id.as_str()) {
            entries.truncate(1);
        }
    }
    push("every list cut to one entry".into(), single);
    out
}

/// Renders Markdown in both languages, and HTML and Word in one of them (`formats_in`; the
/// languages differ in labels only, which the Markdown already covers, and Word is the slowest
/// format). The error names the language and format.
pub fn render_all(
    render: impl Fn(Lang) -> Result<Rendered, String>,
    formats_in: Lang,
) -> Result<(), String> {
    for lang in Lang::ALL {
        let rendered = render(lang).map_err(|e| format!("{lang}: {e}"))?;
        let markdown = rendered.to_markdown();
        if markdown.trim().is_empty() {
            return Err(format!("{lang}: an empty report"));
        }
        // The guard of `text_defects`, on every unusual session too (a multiselect with
        // nothing ticked printed `*Provocations used: *`).
        if let Some(defect) = text_defects(&markdown, &[]).into_iter().next() {
            return Err(format!("{lang}: {defect}"));
        }
        if lang == formats_in {
            if !rendered.to_html().contains("</html>") {
                return Err(format!("{lang} html: no page"));
            }
            rendered
                .to_docx()
                .map_err(|e| format!("{lang} docx: {e}"))?;
        }
    }
    Ok(())
}

/// Each distinct session once: several variations can come out of `fill` the same.
fn first_time(seen: &mut std::collections::HashSet<String>, answers: &Mapping) -> bool {
    seen.insert(serde_yaml::to_string(answers).unwrap_or_default())
}

fn answers_of(session: &Session) -> Mapping {
    session.answers.clone()
}

#[test]
fn every_built_in_report_renders_every_session_run_accepts() {
    let started = std::time::Instant::now();
    let library = Library::load_layers(&[]);
    let mut failures = Vec::new();
    let mut rendered = 0;
    let mut refused = 0;
    let mut methods = 0;
    for entry in library.entries() {
        let Document::Method(method) = &entry.doc else {
            continue;
        };
        methods += 1;
        let supplied =
            labkit::session::load_answers(&fixture(&format!("answers/{}.yaml", method.id)))
                .unwrap();
        let base = accept(method, &supplied)
            .unwrap_or_else(|| panic!("{}: the fixture is refused", method.id));
        let template = report::find_template(None, &method.id, &[], Path::new(".")).unwrap();
        let compiled = report::Compiled::new(&template).unwrap();
        let mut accepted_here = 0;
        let mut seen = std::collections::HashSet::new();
        for variation in variations(method, &answers_of(&base)) {
            let Some(session) = accept(method, &variation.answers) else {
                refused += 1;
                continue;
            };
            if !first_time(&mut seen, &session.answers) {
                continue;
            }
            accepted_here += 1;
            rendered += 1;
            let formats_in = Lang::ALL[rendered % Lang::ALL.len()];
            let result = render_all(
                |lang| {
                    compiled
                        .render(method, &session, lang)
                        .map_err(|e| e.to_string())
                },
                formats_in,
            );
            if let Err(e) = result {
                failures.push(format!("{} ({}): {e}", method.id, variation.name));
            }
        }
        assert!(
            accepted_here >= 5,
            "{}: only {accepted_here} variations accepted; the generator lost its way",
            method.id
        );
    }
    assert!(methods >= 24, "only {methods} methods");
    assert!(
        failures.is_empty(),
        "{} of {rendered} distinct sessions do not render ({refused} variations refused by run):\n{}",
        failures.len(),
        failures.join("\n")
    );
    eprintln!(
        "report variations: {rendered} sessions rendered, {refused} refused, in {:.1?}",
        started.elapsed()
    );
}

/// Whether a variation changes what a playbook carries or sums up across methods: an answer
/// skipped, or the items of a list, records, vote, score or ranking. Text, numbers and
/// choices are only shown, as the method's own report shows them (tested above).
fn changes_shape(method: &Method, variation: &Variation) -> bool {
    match variation.name.split_once(": ") {
        None => true,
        Some((_, "skipped")) => true,
        Some((id, _)) => method.question(id).is_some_and(|q| {
            matches!(
                q.kind,
                QuestionKind::List { .. }
                    | QuestionKind::Records { .. }
                    | QuestionKind::Vote { .. }
                    | QuestionKind::Score { .. }
                    | QuestionKind::Rank { .. }
            )
        }),
    }
}

#[test]
fn every_built_in_playbook_report_renders_its_unusual_sessions() {
    let started = std::time::Instant::now();
    let library = Library::load_layers(&[]);
    let mut failures = Vec::new();
    let mut rendered = 0;
    let mut playbooks = 0;
    for entry in library.entries() {
        let Document::Playbook(playbook) = &entry.doc else {
            continue;
        };
        playbooks += 1;
        let supplied = labkit::session::load_answers(&fixture(&format!(
            "answers/playbooks/{}.yaml",
            playbook.id
        )))
        .unwrap();
        let base = accept_playbook(playbook, &library, &[], &supplied)
            .unwrap_or_else(|| panic!("{}: the fixture is refused", playbook.id));
        // Every method varied at once: the k-th session takes each method's k-th variation
        // (its fixture answers when it has fewer), so each variation of each method is seen
        // inside the playbook, carried items included, in a few dozen sessions.
        let per_method: Vec<Vec<Variation>> = labkit::playbook::blocks(playbook, &library)
            .into_iter()
            .map(|(_, method)| match method {
                Some(method) => variations(&method, &base.part(&method).answers)
                    .into_iter()
                    .filter(|v| changes_shape(&method, v))
                    .collect(),
                None => Vec::new(),
            })
            .collect();
        let longest = per_method.iter().map(Vec::len).max().unwrap_or(0);
        let mut seen = std::collections::HashSet::new();
        for k in 0..longest {
            let answers: Vec<Mapping> = per_method
                .iter()
                .map(|v| v.get(k).map(|v| v.answers.clone()).unwrap_or_default())
                .collect();
            let Some(session) = accept_playbook(playbook, &library, &answers, &supplied) else {
                continue;
            };
            if !first_time(&mut seen, &session.answers) {
                continue;
            }
            rendered += 1;
            // One language per session, in turn: the methods' own reports are rendered in
            // both by the test above.
            let lang = Lang::ALL[rendered % Lang::ALL.len()];
            let result = report::render_playbook(
                playbook,
                &library,
                &session,
                None,
                &[],
                Path::new("."),
                lang,
            )
            .map_err(|e| format!("{lang}: {e}"))
            .and_then(|r| {
                r.to_markdown();
                r.to_html();
                // Word, the slowest, for one session in three.
                match rendered % 3 {
                    0 => r
                        .to_docx()
                        .map(drop)
                        .map_err(|e| format!("{lang} docx: {e}")),
                    _ => Ok(()),
                }
            });
            if let Err(e) = result {
                let names: Vec<&str> = per_method
                    .iter()
                    .filter_map(|v| v.get(k).map(|v| v.name.as_str()))
                    .collect();
                failures.push(format!("{} ({}): {e}", playbook.id, names.join("; ")));
            }
        }
    }
    assert!(playbooks >= 4, "only {playbooks} playbooks");
    eprintln!(
        "playbook variations: {rendered} sessions rendered in {:.1?}",
        started.elapsed()
    );
    assert!(rendered >= 40, "only {rendered} playbook sessions accepted");
    assert!(
        failures.is_empty(),
        "{} of {rendered} accepted playbook sessions do not render:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The shortcut above (fill, then render) is what the binary does: a few variations through
/// `labkit run … --answers FILE --no-input` and `labkit report` in every format.
#[test]
fn run_and_report_agree_with_the_library() {
    let lab = Lab::new();
    let library = Library::load_layers(&[]);
    let method = library.method("stakeholder-map").unwrap();
    let supplied = labkit::session::load_answers(&fixture("answers/stakeholder-map.yaml")).unwrap();
    let base = accept(method, &supplied).unwrap();
    let chosen = [
        "stakeholder_matrix: one item unscored",
        "stakeholders: first entry again at the end",
    ];
    let mut driven = 0;
    for variation in variations(method, &answers_of(&base)) {
        if !chosen.contains(&variation.name.as_str()) {
            continue;
        }
        driven += 1;
        let n = driven.to_string();
        let mut file = Mapping::new();
        file.insert("answers".into(), Value::Mapping(variation.answers.clone()));
        lab.write(&format!("a{n}.yaml"), serde_yaml::to_string(&file).unwrap());
        let session = format!("s{n}.yaml");
        lab.run(&[
            "run",
            "stakeholder-map",
            "--answers",
            &format!("a{n}.yaml"),
            "--no-input",
            "--session",
            &session,
        ])
        .ok();
        for ext in ["md", "html", "docx"] {
            lab.run(&["report", &session, "-o", &format!("r{n}.{ext}")])
                .ok();
        }
        assert!(
            accept(method, &variation.answers).is_some(),
            "{}",
            variation.name
        );
    }
    assert_eq!(driven, chosen.len());
}

/// The case from the issue: a stakeholder left unscored and a duplicate row. Each row keeps its
/// place in the table, and the one left off the matrix is named rather than dropped.
#[test]
fn an_unscored_stakeholder_is_named_and_a_duplicate_row_keeps_its_place() {
    let library = Library::load_layers(&[]);
    let method = library.method("stakeholder-map").unwrap();
    let mut answers =
        labkit::session::load_answers(&fixture("answers/stakeholder-map.yaml")).unwrap();
    let Some(Value::Mapping(matrix)) = answers.get_mut("stakeholder_matrix") else {
        panic!("the fixture scores its stakeholders");
    };
    matrix.remove("Students' associations");
    let Some(Value::Sequence(rows)) = answers.get_mut("stakeholders") else {
        panic!("the fixture lists stakeholders");
    };
    let first = rows[0].clone();
    rows.push(first);
    let session = accept(method, &answers).expect("run accepts these answers");
    let template = report::find_template(None, &method.id, &[], Path::new(".")).unwrap();
    for (lang, label) in [(Lang::En, "*Not scored:*"), (Lang::Pt, "*Sem avaliação:*")] {
        let md = report::render(method, &session, &template, lang)
            .unwrap()
            .to_markdown();
        assert!(
            md.contains(&format!("{label} Students' associations")),
            "{md}"
        );
        assert_eq!(
            md.matches("| **Students aged 18 to 23** |").count(),
            2,
            "the duplicate row is shown where it was typed: {md}"
        );
    }
}

/// What a report must never show, whatever was answered: an emphasis with nothing inside
/// (`****`, `* *`, `*Provocations used: *`), a label printed twice (`3 — Some data/5 — some
/// data`), one table printed twice (a chart's table and the template's own), or a table
/// header with a blank cell (`| # | | Dots |`). Returns one line per defect.
pub fn text_defects(markdown: &str, scale_labels: &[String]) -> Vec<String> {
    let mut defects = Vec::new();
    let lines: Vec<&str> = markdown.lines().collect();
    for (n, pair) in lines.windows(2).enumerate() {
        let delimiter = pair[1].starts_with('|')
            && pair[1].contains('-')
            && pair[1].chars().all(|c| "|-: ".contains(c));
        if pair[0].starts_with('|') && delimiter {
            let inner = pair[0].trim().trim_start_matches('|').trim_end_matches('|');
            if inner.split('|').any(|cell| cell.trim().is_empty()) {
                defects.push(format!(
                    "line {}: a blank table header cell: {}",
                    n + 1,
                    pair[0]
                ));
            }
        }
    }
    // An italic or bold label whose value is missing: `*X: *`, `**X: **`, `*X:*` at the end.
    let empty_value = regex_lite::Regex::new(r"(^|[\s(])(\*{1,2})[^*\s][^*]*:\s*(\*{1,2})(\s|$)")
        .expect("a valid pattern");
    let mut fenced = false;
    struct Row {
        cells: String,
        scored: Option<String>,
    }
    let mut tables: Vec<(usize, Vec<Row>)> = Vec::new();
    let mut table: Option<(usize, Vec<Row>)> = None;
    for (n, line) in markdown.lines().enumerate() {
        let at = n + 1;
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if fenced {
            continue;
        }
        // Escaped asterisks are text, not emphasis.
        let bare = line.replace("\\*", "");
        for empty in ["****", "** **", "* *"] {
            if bare.contains(empty) {
                defects.push(format!("line {at}: an empty emphasis `{empty}`: {line}"));
            }
        }
        for caps in empty_value.captures_iter(&bare) {
            // `**Label:** value` opens and closes its emphasis around the label: only an
            // emphasis closed after the colon with nothing but spaces before it is empty.
            let (open, close) = (&caps[2], &caps[3]);
            let whole = &caps[0];
            let inside = whole.trim().trim_start_matches('(');
            let spaced = inside[..inside.len() - close.len()].ends_with(' ');
            if open == close && spaced {
                defects.push(format!("line {at}: a label with nothing after it: {line}"));
            }
        }
        // A label twice on one line, as `3 — Some data/5 — some data` did.
        let lower = line.to_lowercase();
        for label in scale_labels {
            let label = label.to_lowercase();
            // Short labels (`Low`, `Days`) are ordinary words a sentence may repeat.
            if label.chars().count() >= 10 && lower.matches(&label).count() > 1 {
                defects.push(format!("line {at}: the label `{label}` twice: {line}"));
            }
        }
        let parts: Vec<String> = lower
            .split(" — ")
            .skip(1)
            .map(|p| {
                p.trim_end_matches(|c: char| c.is_ascii_digit() || "/.*| ".contains(c))
                    .to_owned()
            })
            .filter(|p| p.chars().count() > 3)
            .collect();
        for (i, p) in parts.iter().enumerate() {
            if parts[..i].contains(p) {
                defects.push(format!("line {at}: `{p}` twice: {line}"));
            }
        }
        // Tables: each row as its cells, and as its first cell that is not a number with the
        // numbers of the row (a chart's table and the template's own differ in their columns).
        if line.starts_with('|') {
            let cells: Vec<String> = line
                .trim_matches('|')
                .split(" | ")
                .map(|c| c.replace("**", "").trim().to_owned())
                .collect();
            let number = |c: &String| {
                !c.is_empty()
                    && c.chars()
                        .all(|ch| ch.is_ascii_digit() || ".,% █".contains(ch))
            };
            let item = cells
                .iter()
                .find(|c| !c.is_empty() && !number(c) && !c.starts_with("---"))
                .cloned()
                .unwrap_or_default();
            let numbers: Vec<&String> = cells.iter().filter(|c| number(c)).collect();
            let current = table.get_or_insert_with(|| (at, Vec::new()));
            current.1.push(Row {
                cells: cells.join(" | "),
                scored: (numbers.len() >= 2).then(|| format!("{item} {numbers:?}")),
            });
        } else if let Some(done) = table.take() {
            tables.push(done);
        }
    }
    if let Some(done) = table.take() {
        tables.push(done);
    }
    // Header and separator rows dropped. Two tables are one table twice when their rows are
    // the same, or list the same items with the same two or more numbers each.
    let bodies: Vec<(usize, Vec<String>, Option<Vec<String>>)> = tables
        .into_iter()
        .filter(|(_, rows)| rows.len() >= 4)
        .map(|(at, rows)| {
            let rows = &rows[2..];
            let mut cells: Vec<String> = rows.iter().map(|r| r.cells.clone()).collect();
            cells.sort();
            let mut scored: Option<Vec<String>> = rows.iter().map(|r| r.scored.clone()).collect();
            if let Some(s) = scored.as_mut() {
                s.sort();
            }
            (at, cells, scored)
        })
        .collect();
    for (i, (at, cells, scored)) in bodies.iter().enumerate() {
        let same = |(_, c, s): &&(usize, Vec<String>, Option<Vec<String>>)| {
            c == cells || (s.is_some() && s == scored)
        };
        if let Some((first, _, _)) = bodies[..i].iter().find(same) {
            defects.push(format!(
                "line {at}: the table of line {first} again ({} rows)",
                cells.len()
            ));
        }
    }
    defects
}

/// The labels of a method's scale points, in `lang`.
fn scale_labels(method: &Method, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    for (_, q) in method.questions() {
        if let QuestionKind::Scale { labels, .. } = &q.kind {
            out.extend(labels.values().map(|l| l.get(lang).to_owned()));
        }
    }
    out
}

/// `answers` cut to the method's required questions.
fn required_only(method: &Method, answers: &Mapping) -> Mapping {
    let mut out = Mapping::new();
    for (_, q) in method.questions() {
        if q.required
            && let Some(v) = answers.get(q.id.as_str())
        {
            out.insert(Value::from(q.id.as_str()), v.clone());
        }
    }
    out
}

#[test]
fn text_defects_are_found() {
    let scale = vec!["Some data, not systematic".to_owned()];
    let cases = [
        "**Strength of evidence:** ●●●○○ 3 — Some data, not systematic/5 — some data, not systematic",
        "*Provocations used: *",
        "A ** ** here",
        "| # | | Dots |\n|---:|---|---:|\n| 1 | Buses | 2 |",
        "| Item | A | B | |\n|---|---:|---:|---|\n| One | 4 | 2 | Q |\n| Two | 1 | 2 | Q |\n\n\
         | Item | Lens | A | B |\n|---|---|---:|---:|\n| **Two** | x | 1 | 2 |\n| One | y | 4 | 2 |",
    ];
    for case in cases {
        assert!(!text_defects(case, &scale).is_empty(), "not caught: {case}");
    }
    let fine = [
        "**Strength of evidence:** ●●●○○ 3/5 — Some data, not systematic",
        "*Provocations used: Reverse it*",
        "**Owner:** Catarina Lopes",
        "- **Decided by:** Ana — and Rui",
        "| a | b |\n|---|---|\n| x | 1 |\n| y | 2 |\n\n| a | c |\n|---|---|\n| x | 1 |\n| z | 2 |",
        "1\\. a \\* \\* b",
    ];
    for case in fine {
        assert_eq!(text_defects(case, &scale), Vec::<String>::new(), "{case}");
    }
}

/// Every built-in template, rendered with the example answers, with no answers at all (a
/// draft just started) and with only the required answers, in both languages: no empty
/// emphasis, no doubled label, no table printed twice (`text_defects`).
#[test]
fn every_built_in_report_reads_cleanly_with_full_empty_and_required_answers() {
    let library = Library::load_layers(&[]);
    let mut failures = Vec::new();
    let mut checked = 0;
    let mut check = |name: &str, markdown: &str, labels: &[String]| {
        checked += 1;
        for defect in text_defects(markdown, labels) {
            failures.push(format!("{name}: {defect}"));
        }
    };
    for entry in library.entries() {
        match &entry.doc {
            Document::Method(method) => {
                let supplied =
                    labkit::session::load_answers(&fixture(&format!("answers/{}.yaml", method.id)))
                        .unwrap();
                let full = accept(method, &supplied).expect("the fixture is accepted");
                let required = accept(method, &required_only(method, &full.answers))
                    .unwrap_or_else(|| panic!("{}: the required answers alone", method.id));
                let mut empty =
                    new_session(&method.id, method.version, &method.content_hash, false);
                empty.status = Status::InProgress;
                empty.finished = None;
                let template =
                    report::find_template(None, &method.id, &[], Path::new(".")).unwrap();
                for (kind, session) in [
                    ("example", &full),
                    ("no answers", &empty),
                    ("required only", &required),
                ] {
                    for lang in Lang::ALL {
                        let md = report::render(method, session, &template, lang)
                            .unwrap_or_else(|e| panic!("{} {kind} {lang}: {e}", method.id))
                            .to_markdown();
                        check(
                            &format!("{} ({kind}, {lang})", method.id),
                            &md,
                            &scale_labels(method, lang),
                        );
                    }
                }
            }
            Document::Playbook(playbook) => {
                let supplied = labkit::session::load_answers(&fixture(&format!(
                    "answers/playbooks/{}.yaml",
                    playbook.id
                )))
                .unwrap();
                let full = accept_playbook(playbook, &library, &[], &supplied)
                    .expect("the fixture is accepted");
                let blocks = labkit::playbook::blocks(playbook, &library);
                let methods: Vec<Method> = blocks.iter().filter_map(|(_, m)| m.clone()).collect();
                let cut: Vec<Mapping> = blocks
                    .iter()
                    .map(|(_, m)| match m {
                        Some(m) => required_only(m, &full.part(m).answers),
                        None => Mapping::new(),
                    })
                    .collect();
                let required = accept_playbook(playbook, &library, &cut, &Mapping::new())
                    .unwrap_or_else(|| panic!("{}: the required answers alone", playbook.id));
                let mut empty =
                    new_session(&playbook.id, playbook.version, &playbook.content_hash, true);
                empty.status = Status::InProgress;
                empty.finished = None;
                for (kind, session) in [
                    ("example", &full),
                    ("no answers", &empty),
                    ("required only", &required),
                ] {
                    for lang in Lang::ALL {
                        let md = report::render_playbook(
                            playbook,
                            &library,
                            session,
                            None,
                            &[],
                            Path::new("."),
                            lang,
                        )
                        .unwrap_or_else(|e| panic!("{} {kind} {lang}: {e}", playbook.id))
                        .to_markdown();
                        let labels: Vec<String> =
                            methods.iter().flat_map(|m| scale_labels(m, lang)).collect();
                        check(&format!("{} ({kind}, {lang})", playbook.id), &md, &labels);
                    }
                }
            }
        }
    }
    assert!(checked >= 28 * 6, "only {checked} reports checked");
    assert!(
        failures.is_empty(),
        "{} defects in the built-in reports:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The experiment plan opens with what a director signs: cost and resources, the main risks
/// (from the assumptions map and the ethics check), the approver from the Test Card (carried
/// into the trial design) with the date, and a signature block. Who chose the "How might we"
/// question is not the approver.
#[test]
fn the_experiment_plan_opens_with_a_plan_to_sign() {
    let library = Library::load_layers(&[]);
    let playbook = library
        .entries()
        .find_map(|e| match &e.doc {
            Document::Playbook(p) if p.id == "experiment-plan" => Some(p),
            _ => None,
        })
        .unwrap();
    let supplied =
        labkit::session::load_answers(&fixture("answers/playbooks/experiment-plan.yaml")).unwrap();
    let session = accept_playbook(playbook, &library, &[], &supplied).unwrap();
    for (lang, glance, risks, approval, by) in [
        (
            Lang::En,
            "## The plan at a glance",
            "## Main risks",
            "## Approval",
            "by 26 February 2027",
        ),
        (
            Lang::Pt,
            "## O plano num relance",
            "## Principais riscos",
            "## Aprovação",
            "até 26 de fevereiro de 2027",
        ),
    ] {
        let md = report::render_playbook(
            playbook,
            &library,
            &session,
            None,
            &[],
            Path::new("."),
            lang,
        )
        .unwrap()
        .to_markdown();
        let first_method = md
            .find("\n## ")
            .and_then(|g| md[g + 1..].find("\n## ").map(|_| g));
        assert!(first_method.is_some(), "{md}");
        let start = md.find(glance).unwrap_or_else(|| panic!("{glance}:\n{md}"));
        let end = md[start..]
            .find(approval)
            .map(|a| start + a)
            .unwrap_or_else(|| panic!("{approval}:\n{md}"));
        let page = &md[start..end];
        assert!(page.contains("€1,900"), "cost and resources: {page}");
        assert!(page.contains(risks), "{page}");
        assert!(
            page.contains("Citizens trust an SMS from IRN"),
            "a test-first assumption: {page}"
        );
        assert!(
            page.contains("The DPO confirms in writing"),
            "the ethics conditions: {page}"
        );
        assert!(
            page.contains(&format!(
                "Dra. Fernanda Pinto, director of IRN front-office services, Porto district, {by}"
            )),
            "{page}"
        );
        assert!(
            !page.contains("Head of the IRN front-office services"),
            "who chose the question is not the approver: {page}"
        );
        let signatures = &md[end..md[end..].find("\n## ").map_or(md.len(), |e| end + e)];
        assert!(signatures.contains("| Dra. Fernanda Pinto"), "{signatures}");
        assert!(
            signatures.contains("| Catarina Lopes | | |"),
            "{signatures}"
        );
    }
}
