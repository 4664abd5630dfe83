//! `labkit suggest`: methods that fit the time and the group, best first, with what usually
//! comes before and after.
//!
//! Fit: a method must fit the minutes and the group size given; among those, the ones that use
//! most of the time available come first (a 45-minute slot is better filled by a 45-minute
//! method than a 15-minute one), then by id.

use serde::Serialize;

use super::{Outcome, browse_library};
use crate::cli::{DataFormat, SuggestArgs};
use crate::error::Error;
use crate::i18n::t;
use crate::method::Document;
use crate::output::Printer;
use crate::settings::Settings;

#[derive(Serialize)]
struct Suggestion<'a> {
    id: &'a str,
    name: &'a str,
    stage: &'static str,
    duration: String,
    group: Option<String>,
    before: &'a [String],
    after: &'a [String],
}

pub fn run(args: &SuggestArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let lang = settings.lang;
    let stage = args
        .stage
        .as_deref()
        .map(super::list::parse_stage)
        .transpose()?;
    let library = browse_library(settings, printer);
    let mut fits: Vec<_> = library
        .entries()
        .filter_map(|e| match &e.doc {
            Document::Method(m) => Some(m),
            Document::Playbook(_) => None,
        })
        .filter(|m| stage.is_none_or(|s| m.stage == s))
        .filter(|m| args.minutes.is_none_or(|n| m.duration.minutes() <= n))
        .filter(|m| {
            args.people
                .is_none_or(|p| m.group.is_none_or(|g| g.fits(p)))
        })
        .collect();
    fits.sort_by_key(|m| (std::cmp::Reverse(m.duration.minutes()), m.id.clone()));
    if fits.is_empty() {
        return Err(Error::Input(t(lang, "suggest.none").to_owned()));
    }
    let rows: Vec<Suggestion> = fits
        .iter()
        .map(|m| Suggestion {
            id: &m.id,
            name: m.name.get(lang),
            stage: m.stage.as_str(),
            duration: m.duration.to_string(),
            group: m.group.map(|g| g.to_string()),
            before: &m.before,
            after: &m.after,
        })
        .collect();
    let text = match args.format {
        DataFormat::Json => {
            serde_json::to_string_pretty(&rows).map_err(|e| Error::Input(e.to_string()))?
        }
        DataFormat::Yaml => {
            serde_yaml::to_string(&rows).map_err(|e| Error::Input(e.to_string()))?
        }
        DataFormat::Table => {
            let mut table = crate::output::table(settings);
            table.set_header(
                [
                    "col.id",
                    "col.name",
                    "col.duration",
                    "col.group",
                    "show.before",
                    "show.after",
                ]
                .map(|k| t(lang, k)),
            );
            for r in &rows {
                table.add_row([
                    r.id.to_owned(),
                    r.name.to_owned(),
                    r.duration.clone(),
                    r.group.clone().unwrap_or_default(),
                    r.before.join(", "),
                    r.after.join(", "),
                ]);
            }
            crate::output::table_text(&table)
        }
    };
    printer.data(&text)?;
    Ok(0)
}
