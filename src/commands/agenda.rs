//! `labkit agenda ID`: the clock-time agenda of a method or playbook, as a table, Markdown,
//! or an iCalendar file with one event per block.

use std::fmt::Write as _;

use super::{Outcome, library_for_id};
use crate::agenda::{self, Hours, Kind, Slot, format_time};
use crate::cli::{AgendaArgs, AgendaFormat};
use crate::clock::{Clock, SystemClock, civil_from_days, date, days_from_civil, parse_date};
use crate::error::Error;
use crate::i18n::{t, tf};
use crate::method::{Document, Duration};
use crate::output::Printer;
use crate::settings::Settings;

pub fn run(args: &AgendaArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let lang = settings.lang;
    let time = |flag: &str, value: &str| {
        agenda::parse_time(value).ok_or_else(|| {
            Error::Usage(tf(
                lang,
                "agenda.bad_time",
                &[("flag", &flag), ("value", &value)],
            ))
        })
    };
    let start = time("--start", &args.start)?;
    let day_end = time("--day-end", &args.day_end)?;
    if day_end <= start {
        return Err(Error::Usage(tf(
            lang,
            "agenda.day_ends_first",
            &[("end", &args.day_end), ("start", &args.start)],
        )));
    }
    let first_day = match &args.date {
        Some(d) => parse_date(d)
            .ok_or_else(|| Error::Usage(tf(lang, "agenda.bad_date", &[("date", d)])))?,
        None => parse_date(&date(SystemClock.now())).unwrap_or((2026, 1, 1)),
    };
    let library = library_for_id(settings, printer, &args.id)?;
    let entry = super::show::find(&library, &args.id, lang)?;
    let hours = Hours {
        start,
        end: day_end,
    };
    let (name, slots) = match &entry.doc {
        Document::Method(m) => (
            m.name.get(lang).to_owned(),
            agenda::for_method(m, start, hours, lang),
        ),
        Document::Playbook(p) => (
            p.name.get(lang).to_owned(),
            agenda::for_playbook(p, &library, start, hours, lang),
        ),
    };
    let day_date = |day: u32| {
        let base = days_from_civil(first_day.0, first_day.1, first_day.2).unwrap_or(0);
        let (y, m, d) = civil_from_days(base + i64::from(day));
        format!("{y:04}-{m:02}-{d:02}")
    };
    let out = match args.format {
        AgendaFormat::Table | AgendaFormat::Md => {
            let days = slots.last().map_or(1, |s| s.day + 1);
            let total: u32 = slots.iter().map(|s| s.end - s.start).sum();
            let end = slots.last().map_or(start, |s| s.end);
            let summary = if days > 1 {
                tf(
                    lang,
                    "agenda.total_days",
                    &[
                        ("total", &Duration::from_minutes(total.into())),
                        ("days", &days),
                        ("end", &format_time(end)),
                    ],
                )
            } else {
                tf(
                    lang,
                    "agenda.total",
                    &[
                        ("total", &Duration::from_minutes(total.into())),
                        ("end", &format_time(end)),
                    ],
                )
            };
            if args.format == AgendaFormat::Md {
                markdown(&name, &slots, &day_date, &summary, lang)
            } else {
                let mut table = crate::output::table(settings);
                table.set_header([
                    t(lang, "agenda.day"),
                    t(lang, "agenda.start"),
                    t(lang, "agenda.end"),
                    t(lang, "agenda.block"),
                    t(lang, "agenda.minutes"),
                ]);
                for s in &slots {
                    table.add_row([
                        day_date(s.day),
                        format_time(s.start),
                        format_time(s.end),
                        s.title.clone(),
                        (s.end - s.start).to_string(),
                    ]);
                }
                format!("{name}\n{}\n{summary}", crate::output::table_text(&table))
            }
        }
        AgendaFormat::Ics => ics(&name, &args.id, &slots, &day_date),
    };
    printer.data(&out)?;
    Ok(0)
}

fn markdown(
    name: &str,
    slots: &[Slot],
    day_date: &dyn Fn(u32) -> String,
    summary: &str,
    lang: crate::lang::Lang,
) -> String {
    use crate::report::markdown::cell;
    let mut out = format!("# {}\n\n", crate::report::markdown::escape(name));
    let mut current = None;
    for s in slots {
        if current != Some(s.day) {
            current = Some(s.day);
            let _ = write!(
                out,
                "\n## {} {} — {}\n\n| {} | {} | {} |\n|---|---|---|\n",
                t(lang, "agenda.day"),
                s.day + 1,
                day_date(s.day),
                t(lang, "agenda.start"),
                t(lang, "agenda.end"),
                t(lang, "agenda.block")
            );
        }
        let title = if matches!(s.kind, Kind::Break | Kind::SuggestedBreak) {
            format!("*{}*", cell(&s.title))
        } else {
            cell(&s.title)
        };
        let _ = writeln!(
            out,
            "| {} | {} | {title} |",
            format_time(s.start),
            format_time(s.end)
        );
    }
    let _ = writeln!(out, "\n{}", crate::report::markdown::escape(summary));
    out
}

/// iCalendar (RFC 5545): CRLF lines folded at 75 octets, escaped text, floating local times.
fn ics(name: &str, id: &str, slots: &[Slot], day_date: &dyn Fn(u32) -> String) -> String {
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        format!("PRODID:-//labkit//labkit {}//EN", env!("CARGO_PKG_VERSION")),
        "CALSCALE:GREGORIAN".to_owned(),
        format!("X-WR-CALNAME:{}", ics_text(name)),
    ];
    let stamp = format!("{}T000000Z", day_date(0).replace('-', ""));
    for (n, s) in slots.iter().enumerate() {
        let day = day_date(s.day).replace('-', "");
        let at = |m: u32| format!("{day}T{:02}{:02}00", m / 60, m % 60);
        lines.extend([
            "BEGIN:VEVENT".to_owned(),
            format!("UID:{id}-{day}-{}@labkit", n + 1),
            format!("DTSTAMP:{stamp}"),
            format!("DTSTART:{}", at(s.start)),
            format!("DTEND:{}", at(s.end)),
            format!("SUMMARY:{}", ics_text(&s.title)),
            format!("DESCRIPTION:{}", ics_text(name)),
            if matches!(s.kind, Kind::Break | Kind::SuggestedBreak) {
                "TRANSP:TRANSPARENT".to_owned()
            } else {
                "TRANSP:OPAQUE".to_owned()
            },
            "END:VEVENT".to_owned(),
        ]);
    }
    lines.push("END:VCALENDAR".to_owned());
    lines
        .iter()
        .map(|l| fold(l))
        .collect::<Vec<_>>()
        .join("\r\n")
        + "\r\n"
}

fn ics_text(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\n', "\\n")
}

/// Folds a content line at 75 octets without splitting a UTF-8 character.
fn fold(line: &str) -> String {
    let mut out = String::new();
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_long_lines_at_75_octets() {
        let long = format!("SUMMARY:{}", "é".repeat(60));
        let folded = fold(&long);
        assert!(folded.split("\r\n").all(|l| l.len() <= 75), "{folded}");
        assert_eq!(folded.replace("\r\n ", ""), long);
        assert_eq!(ics_text("a, b; c\nd"), "a\\, b\\; c\\nd");
    }
}
