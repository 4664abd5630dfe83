//! `labkit portfolio [DIR]`: every session under the workspace (or DIR) in one view — what ran,
//! about what, where it stands, what was decided — with filters, CSV/JSON, and a one-page HTML
//! dashboard. A damaged session file is reported once and the rest are still listed.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_yaml::{Mapping, Value};

use super::{Outcome, browse_library};
use crate::cli::{PortfolioArgs, PortfolioFormat};
use crate::error::Error;
use crate::i18n::t;
use crate::lang::Lang;
use crate::library::Library;
use crate::method::{Document, QuestionKind, Stage};
use crate::output::Printer;
use crate::report::html::escape;
use crate::session::{MethodRef, Status};
use crate::settings::Settings;
use crate::spreadsheet::Dialect;

/// What the portfolio reads of a session file (the rest is skipped).
#[derive(Deserialize)]
struct SessionHead {
    method: MethodRef,
    #[serde(default)]
    facilitator: Option<String>,
    started: String,
    updated: String,
    #[serde(default)]
    finished: Option<String>,
    status: Status,
    #[serde(default)]
    answers: Mapping,
}

#[derive(Debug, Serialize)]
struct Row {
    file: String,
    method: String,
    name: String,
    playbook: bool,
    title: String,
    stage: Option<Stage>,
    status: Status,
    decision: Option<String>,
    facilitator: Option<String>,
    started: String,
    updated: String,
    finished: Option<String>,
}

/// Questions whose answer names what a session was about, most telling first.
const TITLE_QUESTIONS: &[&str] = &[
    "test_name",
    "project_name",
    "lab_name",
    "trial_question",
    "chosen_hmw",
    "reframed_hmw",
    "challenge",
    "sketch_challenge",
    "invitation",
    "worst_outcome",
    "scenario",
    "idea",
    "problem",
    "believed",
    "hypothesis",
];
/// Questions whose answer is a decision, from the methods that end in one.
const DECISION_QUESTIONS: &[(&str, &str)] = &[
    ("scale-decision", "decision"),
    ("learning-card", "decision"),
    ("ethics-check", "ethics_decision"),
    ("scaling-readiness", "decision"),
    ("experiment-readout", "decision"),
];

pub fn run(args: &PortfolioArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let lang = settings.lang;
    let dir = match &args.dir {
        Some(d) => settings.cwd.join(d),
        None => settings
            .workspace
            .as_ref()
            .map_or_else(|| settings.cwd.join("sessions"), |w| w.sessions_dir()),
    };
    if !dir.is_dir() {
        return Err(Error::Usage(crate::i18n::tf(
            lang,
            "portfolio.not_a_folder",
            &[("path", &dir.display())],
        )));
    }
    let status = match args.status.as_deref() {
        None => None,
        Some("in_progress" | "in-progress") => Some(Status::InProgress),
        Some("finished") => Some(Status::Finished),
        Some(other) => {
            return Err(Error::Usage(crate::i18n::tf(
                lang,
                "portfolio.unknown_status",
                &[("status", &other)],
            )));
        }
    };
    let stage = args
        .stage
        .as_deref()
        .map(super::list::parse_stage)
        .transpose()?;
    if args.excel && args.format != PortfolioFormat::Csv {
        return Err(Error::Usage(
            t(lang, "portfolio.excel_needs_csv").to_owned(),
        ));
    }
    if let Some(since) = &args.since {
        crate::clock::parse_date(since).ok_or_else(|| {
            Error::Usage(crate::i18n::tf(
                lang,
                "portfolio.bad_since",
                &[("date", since)],
            ))
        })?;
    }
    let library = browse_library(settings, printer);
    let mut files = Vec::new();
    crate::library::walk(&dir, &mut files).map_err(|e| Error::io(dir.display().to_string(), e))?;
    files.sort();
    let parsed = crate::library::par_map(&files, |path| read(path));
    let mut rows = Vec::new();
    for (path, result) in files.iter().zip(parsed) {
        match result {
            Ok(head) => rows.push(row(path, &dir, head, &library, lang)),
            Err(message) => printer.warn(&crate::i18n::tf(
                lang,
                "portfolio.skipped",
                &[("path", &path.display()), ("reason", &message)],
            )),
        }
    }
    rows.retain(|r| status.is_none_or(|s| r.status == s));
    rows.retain(|r| stage.is_none_or(|s| r.stage == Some(s)));
    if let Some(since) = &args.since {
        rows.retain(|r| r.started.get(..10).is_some_and(|d| d >= since.as_str()));
    }
    rows.sort_by(|a, b| b.started.cmp(&a.started).then_with(|| a.file.cmp(&b.file)));
    let out = match args.format {
        PortfolioFormat::Json => {
            serde_json::to_string_pretty(&rows).map_err(|e| Error::Input(e.to_string()))?
        }
        PortfolioFormat::Csv => csv(
            &rows,
            if args.excel {
                Dialect::excel(lang)
            } else {
                Dialect::plain()
            },
        )?,
        PortfolioFormat::Html => dashboard(&rows, lang),
        PortfolioFormat::Table => {
            let mut table = crate::output::table(settings);
            table.set_header(
                [
                    "portfolio.method",
                    "portfolio.about",
                    "col.stage",
                    "portfolio.status",
                    "portfolio.decision",
                    "report.facilitator",
                    "portfolio.started",
                    "portfolio.updated",
                ]
                .map(|k| t(lang, k)),
            );
            for r in &rows {
                table.add_row([
                    r.name.clone(),
                    short(&r.title, 60),
                    r.stage
                        .map(|s| t(lang, super::show::stage_key(s)).to_owned())
                        .unwrap_or_default(),
                    t(lang, status_key(r.status)).to_owned(),
                    r.decision.clone().unwrap_or_default(),
                    r.facilitator.clone().unwrap_or_default(),
                    r.started.get(..10).unwrap_or_default().to_owned(),
                    r.updated.get(..10).unwrap_or_default().to_owned(),
                ]);
            }
            format!(
                "{}\n{}",
                crate::output::table_text(&table),
                crate::i18n::tn(lang, "portfolio.count", rows.len())
            )
        }
    };
    printer.data(&out)?;
    Ok(0)
}

fn status_key(status: Status) -> &'static str {
    match status {
        Status::InProgress => "report.in_progress",
        Status::Finished => "report.finished",
    }
}

fn read(path: &Path) -> Result<SessionHead, String> {
    let bytes = crate::input::read_limited(path, crate::input::MAX_DOCUMENT_BYTES)
        .map_err(|e| e.to_string())?;
    let head = crate::session::without_copy(&bytes);
    // The part serde_yaml reads passes the nesting check first, as every YAML read does.
    let text = std::str::from_utf8(head).map_err(|_| crate::i18n::msg("method.not_utf8", &[]))?;
    crate::input::check_yaml(text).map_err(|refused| {
        crate::i18n::msg(
            "portfolio.line",
            &[("line", &refused.line), ("reason", &refused.message())],
        )
    })?;
    serde_yaml::from_str(text).map_err(|e| {
        let text = e.to_string();
        match e.location() {
            Some(l) => crate::i18n::msg(
                "portfolio.line",
                &[
                    ("line", &l.line()),
                    ("reason", &text.split(" at line ").next().unwrap_or(&text)),
                ],
            ),
            None => text,
        }
    })
}

fn row(path: &Path, dir: &Path, head: SessionHead, library: &Library, lang: Lang) -> Row {
    let doc = library.get(&head.method.id).map(|e| &e.doc);
    // A playbook keeps each method's answers under its id; look through them in order.
    let parts: Vec<(String, &Mapping)> = if head.method.playbook {
        head.answers
            .iter()
            .filter_map(|(k, v)| Some((k.as_str()?.to_owned(), v.as_mapping()?)))
            .collect()
    } else {
        vec![(head.method.id.clone(), &head.answers)]
    };
    let title = TITLE_QUESTIONS
        .iter()
        .find_map(|q| {
            parts
                .iter()
                .find_map(|(_, answers)| answers.get(*q).and_then(Value::as_str))
                .filter(|s| !s.trim().is_empty())
        })
        .map(|s| s.lines().next().unwrap_or(s).to_owned())
        .unwrap_or_default();
    let decision = DECISION_QUESTIONS.iter().find_map(|(method, question)| {
        let value = parts
            .iter()
            .find(|(m, _)| m == method)?
            .1
            .get(*question)?
            .as_str()?
            .to_owned();
        // Show the choice's label in the user's language when the method is known.
        let label = library
            .method(method)
            .and_then(|m| match &m.question(question)?.kind {
                QuestionKind::Select { choices } => choices
                    .iter()
                    .find(|c| c.value == value)
                    .map(|c| c.label.get(lang).to_owned()),
                _ => None,
            });
        Some(label.unwrap_or(value))
    });
    Row {
        file: path.strip_prefix(dir).unwrap_or(path).display().to_string(),
        name: doc.map_or(head.method.id.clone(), |d| d.name().get(lang).to_owned()),
        method: head.method.id,
        playbook: head.method.playbook,
        title,
        stage: doc.map(Document::stage),
        status: head.status,
        decision,
        facilitator: head.facilitator,
        started: head.started,
        updated: head.updated,
        finished: head.finished,
    }
}

fn short(text: &str, max: usize) -> String {
    if text.chars().count() > max {
        format!("{}…", text.chars().take(max - 1).collect::<String>())
    } else {
        text.to_owned()
    }
}

/// The portfolio as CSV. Titles, decisions and names are answers, so every cell passes the
/// spreadsheet sanitiser (see `spreadsheet`).
fn csv(rows: &[Row], dialect: Dialect) -> Result<String, Error> {
    let header = [
        "file",
        "method",
        "name",
        "playbook",
        "title",
        "stage",
        "status",
        "decision",
        "facilitator",
        "started",
        "updated",
        "finished",
    ];
    let rows = rows.iter().map(|r| {
        vec![
            r.file.as_str(),
            &r.method,
            &r.name,
            if r.playbook { "true" } else { "false" },
            &r.title,
            r.stage.map(Stage::as_str).unwrap_or_default(),
            if r.status == Status::Finished {
                "finished"
            } else {
                "in_progress"
            },
            r.decision.as_deref().unwrap_or_default(),
            r.facilitator.as_deref().unwrap_or_default(),
            &r.started,
            &r.updated,
            r.finished.as_deref().unwrap_or_default(),
        ]
    });
    let bytes = crate::spreadsheet::write(dialect, &header, rows)
        .map_err(|e| Error::Input(e.to_string()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// A one-page dashboard: counts by stage and by status, then every session.
fn dashboard(rows: &[Row], lang: Lang) -> String {
    let mut by_stage: BTreeMap<Option<Stage>, usize> = BTreeMap::new();
    let mut by_status: BTreeMap<&str, usize> = BTreeMap::new();
    for r in rows {
        *by_stage.entry(r.stage).or_default() += 1;
        *by_status.entry(t(lang, status_key(r.status))).or_default() += 1;
    }
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{}</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#content\">{}</a>\n<main id=\"content\" tabindex=\"-1\">\n<h1>{}</h1>\n<section class=\"cards\">\n",
        lang.code(),
        escape(t(lang, "portfolio.title")),
        DASHBOARD_CSS,
        escape(t(lang, "report.skip")),
        escape(t(lang, "portfolio.title"))
    );
    let _ = writeln!(
        out,
        "<div class=\"card total\"><span class=\"n\">{}</span><span>{}</span></div>",
        rows.len(),
        escape(t(lang, "portfolio.sessions"))
    );
    for (status, n) in &by_status {
        let _ = writeln!(
            out,
            "<div class=\"card\"><span class=\"n\">{n}</span><span>{}</span></div>",
            escape(status)
        );
    }
    out.push_str("</section>\n<h2>");
    out.push_str(&escape(t(lang, "portfolio.by_stage")));
    out.push_str("</h2>\n<table class=\"stages\">\n");
    let max = by_stage.values().copied().max().unwrap_or(1).max(1);
    for (stage, n) in &by_stage {
        let name = stage.map_or("—", |s| t(lang, super::show::stage_key(s)));
        let _ = writeln!(
            out,
            "<tr><th>{}</th><td><span class=\"bar\" style=\"width:{}%\"></span> {n}</td></tr>",
            escape(name),
            n * 100 / max
        );
    }
    let _ = write!(
        out,
        "</table>\n<h2 id=\"sessions\">{}</h2>\n<div class=\"table-scroll\" role=\"group\" tabindex=\"0\" aria-labelledby=\"sessions\">\n<table>\n<thead><tr>",
        escape(t(lang, "portfolio.sessions"))
    );
    for key in [
        "portfolio.method",
        "portfolio.about",
        "col.stage",
        "portfolio.status",
        "portfolio.decision",
        "report.facilitator",
        "portfolio.started",
        "portfolio.updated",
    ] {
        let _ = write!(out, "<th>{}</th>", escape(t(lang, key)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for r in rows {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&r.name),
            escape(&short(&r.title, 90)),
            escape(r.stage.map_or("", |s| t(lang, super::show::stage_key(s)))),
            if r.status == Status::Finished {
                "done"
            } else {
                "open"
            },
            escape(t(lang, status_key(r.status))),
            escape(r.decision.as_deref().unwrap_or_default()),
            escape(r.facilitator.as_deref().unwrap_or_default()),
            escape(r.started.get(..10).unwrap_or_default()),
            escape(r.updated.get(..10).unwrap_or_default()),
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n</main>\n</body>\n</html>\n");
    out
}

/// Sizes in rem/em from the reader's default font size; the sessions table scrolls sideways in
/// its own container, so the page reflows to 320 px; in forced colours the stage bars take the
/// system's highlight colour (a background alone would vanish).
const DASHBOARD_CSS: &str = "body{margin:0;font:1rem/1.5 \"Segoe UI\",Roboto,Arial,sans-serif;color:#1d2330;background:#fff;overflow-wrap:break-word}main{max-width:72rem;margin:0 auto;padding:2rem 1.5rem}h1{margin:0 0 1rem}h2{margin:2rem 0 .6rem;font-size:1.2rem}.skip{position:absolute;left:.5rem;top:-10rem;padding:.5rem .9rem;background:#fff;color:#1f5fa8;border:2px solid #1f5fa8;font-weight:600}.skip:focus{top:.5rem}:focus-visible{outline:3px solid #1f5fa8;outline-offset:2px}main:focus{outline:none}.cards{display:flex;gap:1rem;flex-wrap:wrap}.card{border:1px solid #d8dde6;border-radius:8px;padding:.8rem 1.2rem;min-width:9rem;display:flex;flex-direction:column}.card .n{font-size:2rem;font-weight:700;color:#1f5fa8}.total{background:#eef3fa}.table-scroll{overflow-x:auto}table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #e3e7ee;vertical-align:top}thead th{background:#eef3fa}.stages th{width:40%;font-weight:600}.bar{display:inline-block;height:.8rem;background:#1f5fa8;border-radius:3px;vertical-align:middle}td.open{color:#9a3b00;font-weight:600}td.done{color:#2d6a3e}@media (forced-colors:active){.bar{forced-color-adjust:none;background:Highlight}:focus-visible{outline-color:Highlight}}@media print{main{max-width:none;padding:0}.skip{display:none}.table-scroll{overflow:visible}}\n";
