//! `labkit list`: the methods and playbooks, as a table, JSON or YAML.

use comfy_table::Table;
use serde::Serialize;

use super::Outcome;
use crate::catalogue::{Catalogue, Listed};
use crate::cli::{DataFormat, ListArgs};
use crate::error::Error;
use crate::i18n::t;
use crate::lang::Lang;
use crate::library::Origin;
use crate::method::Stage;
use crate::output::Printer;
use crate::settings::Settings;

#[derive(Serialize)]
struct Row<'a> {
    id: &'a str,
    kind: &'static str,
    name: &'a str,
    summary: &'a str,
    stage: Stage,
    duration: String,
    duration_minutes: u64,
    group: Option<String>,
    tags: &'a [String],
    origin: Origin,
    file: &'a str,
}

pub fn run(args: &ListArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let stage = match &args.stage {
        Some(s) => Some(parse_stage(s)?),
        None => None,
    };
    let catalogue = {
        // The first listing of a big workspace parses every file; later ones use the cache.
        let many = settings
            .workspace
            .as_ref()
            .is_some_and(|w| std::fs::read_dir(w.methods_dir()).is_ok_and(|d| d.count() > 300));
        let _spinner = printer.spinner(many, t(settings.lang, "list.reading").into());
        Catalogue::load(settings)
    };
    for problem in &catalogue.problems {
        printer.warn(&crate::i18n::tf(
            settings.lang,
            "error.skipped",
            &[("file", &problem.file)],
        ));
    }
    let lang = settings.lang;
    let needle = args.search.as_deref().map(str::to_lowercase);
    let rows: Vec<Row> = catalogue
        .entries
        .values()
        .filter(|e| stage.is_none_or(|s| e.summary.stage == s))
        .filter(|e| {
            args.tag
                .as_ref()
                .is_none_or(|tag| e.summary.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)))
        })
        .filter(|e| needle.as_ref().is_none_or(|n| matches_search(e, n, lang)))
        .map(|e| row(e, catalogue.duration(&e.summary), lang))
        .collect();
    match args.format {
        DataFormat::Json => printer
            .data(&serde_json::to_string_pretty(&rows).map_err(|e| Error::Input(e.to_string()))?)?,
        DataFormat::Yaml => {
            printer.data(&serde_yaml::to_string(&rows).map_err(|e| Error::Input(e.to_string()))?)?
        }
        DataFormat::Table if rows.is_empty() => printer.note(t(lang, "list.none")),
        DataFormat::Table => printer.data(&crate::output::table_text(&table(&rows, settings)))?,
    }
    Ok(0)
}

pub fn parse_stage(value: &str) -> Result<Stage, Error> {
    Stage::ALL
        .into_iter()
        .find(|s| s.as_str() == value)
        .ok_or_else(|| {
            let hint = crate::method::suggest(value, Stage::ALL.iter().map(|s| s.as_str()))
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            let stages = Stage::ALL
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            Error::Usage(crate::i18n::msg(
                "list.unknown_stage",
                &[("value", &value), ("hint", &hint), ("stages", &stages)],
            ))
        })
}

fn matches_search(entry: &Listed, needle: &str, lang: Lang) -> bool {
    let m = &entry.summary;
    m.id.contains(needle)
        || m.name.get(lang).to_lowercase().contains(needle)
        || m.summary.get(lang).to_lowercase().contains(needle)
        || m.tags.iter().any(|t| t.to_lowercase().contains(needle))
}

fn row(entry: &Listed, duration: Option<crate::method::Duration>, lang: Lang) -> Row<'_> {
    let m = &entry.summary;
    let duration = duration.unwrap_or_default();
    Row {
        id: &m.id,
        kind: if m.playbook { "playbook" } else { "method" },
        name: m.name.get(lang),
        summary: m.summary.get(lang),
        stage: m.stage,
        duration: duration.to_string(),
        duration_minutes: duration.minutes(),
        group: m.group.map(|g| g.to_string()),
        tags: &m.tags,
        origin: entry.origin,
        file: &entry.file,
    }
}

fn table(rows: &[Row], settings: &Settings) -> Table {
    let lang = settings.lang;
    let mut table = crate::output::table(settings);
    table.set_header(
        [
            "col.id",
            "col.name",
            "col.stage",
            "col.duration",
            "col.group",
            "col.source",
        ]
        .map(|k| t(lang, k)),
    );
    for r in rows {
        let stage_key = match r.stage {
            Stage::Setup => "stage.setup",
            Stage::Framing => "stage.framing",
            Stage::Research => "stage.research",
            Stage::Ideation => "stage.ideation",
            Stage::Experiment => "stage.experiment",
            Stage::Learning => "stage.learning",
        };
        let duration = r.duration.clone();
        table.add_row([
            r.id.to_owned(),
            r.name.to_owned(),
            t(lang, stage_key).to_owned(),
            duration,
            r.group.clone().unwrap_or_default(),
            crate::library::source_label(settings, r.origin, r.file),
        ]);
    }
    table
}
