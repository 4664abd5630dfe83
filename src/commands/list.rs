//! `labkit list`: the methods and playbooks, as a table, JSON or YAML. A playbook is marked as
//! one and listed at its real length, measured on its agenda (`agenda::playbook_length`, the
//! same measure as `labkit agenda`'s total); `--long` adds the credited sources.

use comfy_table::Table;
use serde::Serialize;

use super::Outcome;
use crate::agenda;
use crate::catalogue::{Catalogue, Listed};
use crate::cli::{DataFormat, ListArgs};
use crate::error::Error;
use crate::i18n::t;
use crate::lang::Lang;
use crate::library::{Library, Origin};
use crate::method::{Document, Stage};
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
    /// A playbook's days on the agenda.
    #[serde(skip_serializing_if = "Option::is_none")]
    days: Option<u32>,
    group: Option<String>,
    tags: &'a [String],
    origin: Origin,
    file: &'a str,
    /// The credited sources' titles, with `--long`.
    #[serde(skip_serializing_if = "Option::is_none")]
    sources: Option<Vec<String>>,
}

pub fn run(args: &ListArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let stage = match &args.stage {
        Some(s) => Some(parse_stage(s)?),
        None => None,
    };
    let mut catalogue = {
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
    // Each playbook at its real length (its agenda's), remembered in the catalogue's cache:
    // measuring parses the playbook and its methods, so it is done only when one changed.
    let playbooks: Vec<String> = catalogue
        .entries
        .values()
        .filter(|e| e.summary.playbook)
        .map(|e| e.summary.id.clone())
        .collect();
    let mut lengths = std::collections::HashMap::new();
    for id in &playbooks {
        let measured = catalogue.playbook_length(id, || {
            let library = Library::load_for(settings, id);
            match &library.get(id)?.doc {
                Document::Playbook(p) => agenda::playbook_length(p, &library)
                    .ok()
                    .map(|l| (l.total.minutes(), l.days)),
                Document::Method(_) => None,
            }
        });
        if let Some(length) = measured {
            lengths.insert(id.as_str(), length);
        }
    }
    catalogue.save_lengths();
    let lang = settings.lang;
    let needle = args.search.as_deref().map(str::to_lowercase);
    let mut rows: Vec<Row> = catalogue
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
    for r in rows.iter_mut() {
        if let Some(&(minutes, days)) = lengths.get(r.id) {
            r.duration = crate::method::Duration::from_minutes(minutes).to_string();
            r.duration_minutes = minutes;
            r.days = Some(days);
        }
    }
    // The sources need the documents, not only the cached summaries.
    if args.long {
        let library = Library::load(settings);
        for r in rows.iter_mut() {
            let Some(entry) = library.get(r.id) else {
                continue;
            };
            let sources = match &entry.doc {
                Document::Method(m) => &m.sources,
                Document::Playbook(p) => &p.sources,
            };
            r.sources = Some(sources.iter().map(|s| s.title.clone()).collect());
        }
    }
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
        days: None,
        group: m.group.map(|g| g.to_string()),
        tags: &m.tags,
        origin: entry.origin,
        file: &entry.file,
        sources: None,
    }
}

fn table(rows: &[Row], settings: &Settings) -> Table {
    let lang = settings.lang;
    let long = rows.iter().any(|r| r.sources.is_some());
    let headers: Vec<&str> = [
        "col.id",
        "col.name",
        "col.stage",
        "col.duration",
        "col.group",
        "col.source",
    ]
    .map(|k| t(lang, k))
    .to_vec();
    let mut cells: Vec<Vec<String>> = rows.iter().map(|r| cells(r, settings)).collect();
    let mut shown: Vec<usize> = (0..headers.len()).collect();
    let mut sources_width = 40;
    if let Some(width) = settings.width.map(usize::from) {
        // Too narrow for every column (and the sources, with `--long`): the group and the
        // origin go first, then, for the sources, the stage; then the name wraps.
        let wanted = if long { 3 + SOURCES_MIN } else { 0 };
        let drops: &[&[usize]] = if long {
            &[&[], &[4, 5], &[2, 4, 5]]
        } else {
            &[&[], &[4, 5]]
        };
        for drop in drops {
            shown = (0..headers.len()).filter(|i| !drop.contains(i)).collect();
            let natural = natural_width(&headers, &cells, &shown, settings);
            if natural + wanted <= width {
                sources_width = width.saturating_sub(natural + 3);
                break;
            }
            // The sources take at most half of what the name leaves.
            let without_name: Vec<usize> = shown.iter().copied().filter(|&i| i != 1).collect();
            let room =
                width.saturating_sub(natural_width(&headers, &cells, &without_name, settings) + 6);
            sources_width = (room / 2).max(16);
        }
    }
    let mut table = crate::output::table(settings);
    let mut header: Vec<&str> = shown.iter().map(|&i| headers[i]).collect();
    if long {
        header.push(t(lang, "col.sources"));
    }
    table.set_header(header);
    for (r, row) in rows.iter().zip(cells.iter_mut()) {
        let mut row: Vec<String> = shown.iter().map(|&i| std::mem::take(&mut row[i])).collect();
        if let Some(sources) = &r.sources {
            row.push(
                sources
                    .iter()
                    .map(|s| shorten(s, sources_width))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        table.add_row(row);
    }
    if let Some(column) = table.column_mut(0) {
        // Ids are what people type: never broken over lines.
        column.set_constraint(comfy_table::ColumnConstraint::ContentWidth);
    }
    table
}

/// The fewest columns `--long` gives the sources before it drops other columns.
const SOURCES_MIN: usize = 30;

fn cells(r: &Row, settings: &Settings) -> Vec<String> {
    let lang = settings.lang;
    let stage_key = super::show::stage_key(r.stage);
    let playbook = r.kind == "playbook";
    let name = if playbook {
        format!("{} [{}]", r.name, t(lang, "list.playbook"))
    } else {
        r.name.to_owned()
    };
    let duration = match r.days {
        Some(days) if days > 1 => crate::i18n::tf(
            lang,
            "list.days",
            &[("total", &r.duration), ("days", &days)],
        ),
        _ => r.duration.clone(),
    };
    vec![
        r.id.to_owned(),
        name,
        t(lang, stage_key).to_owned(),
        duration,
        r.group.clone().unwrap_or_default(),
        crate::library::source_label(settings, r.origin, r.file),
    ]
}

/// The width of these columns of the table, unwrapped.
fn natural_width(
    headers: &[&str],
    cells: &[Vec<String>],
    columns: &[usize],
    settings: &Settings,
) -> usize {
    let mut table = crate::output::table(settings);
    table.set_content_arrangement(comfy_table::ContentArrangement::Disabled);
    table.set_header(columns.iter().map(|&i| headers[i]));
    for row in cells {
        table.add_row(columns.iter().map(|&i| row[i].as_str()));
    }
    table
        .lines()
        .map(|l| console::measure_text_width(l.trim_end()))
        .max()
        .unwrap_or(0)
}

/// A title cut to `width` columns, with `…` where it was cut.
fn shorten(title: &str, width: usize) -> String {
    use unicode_width::UnicodeWidthChar;
    if console::measure_text_width(title) <= width {
        return title.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in title.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    format!("{}…", out.trim_end())
}
