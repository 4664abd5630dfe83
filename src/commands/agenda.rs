//! `labkit agenda ID`: the clock-time agenda of a method or playbook, as a table, Markdown,
//! or an iCalendar file with one event per block (written by `calendar`).

use std::fmt::Write as _;

use super::{Outcome, library_for_id};
use crate::agenda::{self, Hours, Kind, MAX_DAYS, Slot, WorkingDays, format_time};
use crate::calendar;
use crate::cli::{AgendaArgs, AgendaFormat};
use crate::clock::{Clock, SystemClock, date};
use crate::error::Error;
use crate::i18n::{t, tf};
use crate::method::{Diagnostic, Document};
use crate::output::Printer;
use crate::settings::{Settings, Source};

pub fn run(args: &AgendaArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let output = args.output.as_ref().map(|o| settings.cwd.join(o));
    if let Some(path) = &output {
        // Checked before any work: never a half-done export over a file that was there.
        let holidays = args.holidays.as_ref().map(|h| settings.cwd.join(h));
        crate::fsutil::check_outputs(
            &[path.as_path()],
            &holidays.as_deref().into_iter().collect::<Vec<_>>(),
            args.force,
        )?;
    }
    let out = render(args, settings, printer, &SystemClock, export_nonce)?;
    match &output {
        Some(path) => {
            crate::fsutil::write_atomic(path, out.as_bytes())?;
            printer.note(&tf(
                settings.lang,
                "agenda.written",
                &[("path", &path.display())],
            ));
        }
        None => printer.data(&out)?,
    }
    Ok(0)
}

/// The format asked for, else the one the output file's extension names, else a table.
fn format_of(args: &AgendaArgs, lang: crate::lang::Lang) -> Result<AgendaFormat, Error> {
    match (args.format, &args.output) {
        (Some(format), _) => Ok(format),
        (None, None) => Ok(AgendaFormat::Table),
        (None, Some(path)) => {
            let extension = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            match extension.to_ascii_lowercase().as_str() {
                "ics" => Ok(AgendaFormat::Ics),
                "md" | "markdown" => Ok(AgendaFormat::Md),
                "txt" => Ok(AgendaFormat::Table),
                _ => Err(Error::Usage(tf(
                    lang,
                    "agenda.unknown_format",
                    &[("path", &path.display())],
                ))),
            }
        }
    }
}

/// Random bytes for one export's UIDs. Should the OS have no randomness to give, the time
/// and the process id still make two exports differ.
fn export_nonce(now: std::time::SystemTime) -> [u8; 16] {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        use sha2::{Digest, Sha256};
        let nanos = now
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let digest = Sha256::new()
            .chain_update(nanos.to_be_bytes())
            .chain_update(std::process::id().to_be_bytes())
            .finalize();
        bytes.copy_from_slice(&digest[..16]);
    }
    bytes
}

/// The agenda as text, with the clock (today, and the calendar's DTSTAMP) and the export's
/// random bytes given, so tests can fix both.
fn render(
    args: &AgendaArgs,
    settings: &Settings,
    printer: &mut Printer,
    clock: &dyn Clock,
    nonce: fn(std::time::SystemTime) -> [u8; 16],
) -> Result<String, Error> {
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
    let zone = match &args.tz {
        Some(name) => crate::settings::time_zone(name, &Source::Flag("--tz"), lang)?,
        None => settings.timezone,
    };
    let now = clock.now();
    let asked = match &args.date {
        Some(d) => agenda::parse_date(d)
            .ok_or_else(|| Error::Usage(tf(lang, "agenda.bad_date", &[("date", d)])))?,
        None => agenda::parse_date(&date(now)).unwrap_or_default(),
    };
    let working = working_days(args, lang)?;
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
    let too_long = || {
        Error::Usage(tf(
            lang,
            "agenda.too_long",
            &[("id", &args.id), ("days", &MAX_DAYS)],
        ))
    };
    let slots = slots.map_err(|agenda::TooLong| too_long())?;
    let length = agenda::length(&slots);
    let dates = working.dates(asked, length.days).ok_or_else(too_long)?;
    if let Some(first) = dates.first()
        && *first != asked
    {
        let note = tf(
            lang,
            "agenda.moved",
            &[
                ("date", &agenda::day_label(asked, lang)),
                ("first", &agenda::day_label(*first, lang)),
            ],
        );
        // `sábado, 5 de dezembro…` opens a sentence.
        let mut chars = note.chars();
        let note: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        printer.note(&note);
    }
    let day_label = |day: u32| {
        dates
            .get(day as usize)
            .map(|d| agenda::day_label(*d, lang))
            .unwrap_or_default()
    };
    let format = format_of(args, lang)?;
    let out = match format {
        AgendaFormat::Table | AgendaFormat::Md => {
            let summary = if length.days > 1 {
                tf(
                    lang,
                    "agenda.total_dates",
                    &[
                        ("total", &length.total),
                        ("days", &length.days),
                        ("date", &day_label(length.days - 1)),
                        ("end", &format_time(length.end)),
                    ],
                )
            } else {
                tf(
                    lang,
                    "agenda.total",
                    &[("total", &length.total), ("end", &format_time(length.end))],
                )
            };
            if format == AgendaFormat::Md {
                markdown(&name, &slots, &day_label, &summary, lang)
            } else {
                let mut table = crate::output::table(settings);
                table.set_header([
                    t(lang, "agenda.day"),
                    t(lang, "agenda.start"),
                    t(lang, "agenda.end"),
                    t(lang, "agenda.block"),
                    t(lang, "agenda.minutes"),
                ]);
                let mut current = None;
                for s in &slots {
                    // The day's date on its first line only: a day reads as one group.
                    let day = if current == Some(s.day) {
                        String::new()
                    } else {
                        current = Some(s.day);
                        day_label(s.day)
                    };
                    table.add_row([
                        day,
                        format_time(s.start),
                        format_time(s.end),
                        s.title.clone(),
                        (s.end - s.start).to_string(),
                    ]);
                }
                format!("{name}\n{}\n{summary}", crate::output::table_text(&table))
            }
        }
        AgendaFormat::Ics => calendar::write(&calendar::Export {
            name: &name,
            slots: &slots,
            dates: &dates,
            zone,
            now,
            nonce: nonce(now),
        }),
    };
    Ok(out)
}

/// The working days from the flags: weekends skipped unless `--include-weekends`, and every
/// `--holiday` and line of `--holidays FILE` a day off.
fn working_days(args: &AgendaArgs, lang: crate::lang::Lang) -> Result<WorkingDays, Error> {
    let mut holidays = std::collections::BTreeSet::new();
    for value in &args.holiday {
        let date = agenda::parse_date(value)
            .ok_or_else(|| Error::Usage(tf(lang, "agenda.bad_holiday", &[("date", value)])))?;
        holidays.insert(date);
    }
    if let Some(path) = &args.holidays {
        let shown = path.display().to_string();
        let text = crate::input::read_document(path)?;
        let dates = agenda::parse_holidays(&text).map_err(|(line, value)| {
            Error::Diagnostics(vec![Diagnostic {
                line: Some(line),
                ..Diagnostic::whole_file(
                    &shown,
                    tf(lang, "agenda.bad_holiday_line", &[("value", &value)]),
                )
            }])
        })?;
        holidays.extend(dates);
    }
    Ok(WorkingDays {
        weekends: args.include_weekends,
        holidays,
    })
}

fn markdown(
    name: &str,
    slots: &[Slot],
    day_label: &dyn Fn(u32) -> String,
    summary: &str,
    lang: crate::lang::Lang,
) -> String {
    use crate::report::markdown::cell;
    let mut out = format!("# {}\n", crate::report::markdown::escape(name));
    let mut current = None;
    for s in slots {
        if current != Some(s.day) {
            current = Some(s.day);
            let _ = write!(
                out,
                "\n## {} {} — {}\n\n| {} | {} | {} |\n|---|---|---|\n",
                t(lang, "agenda.day"),
                s.day + 1,
                day_label(s.day),
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::FixedClock;
    use crate::settings::Env;

    fn args(format: AgendaFormat, tz: Option<&str>) -> AgendaArgs {
        AgendaArgs {
            id: "test-card".into(),
            start: "09:30".into(),
            day_end: "17:30".into(),
            date: None,
            format: Some(format),
            output: None,
            force: false,
            tz: tz.map(str::to_owned),
            skip_weekends: false,
            include_weekends: false,
            holiday: Vec::new(),
            holidays: None,
        }
    }

    fn render_at(args: &AgendaArgs, secs: u64) -> Result<String, Error> {
        let settings = Settings::fallback(&Env::default());
        let mut printer = Printer::new(
            Box::new(std::io::sink()),
            Box::new(std::io::sink()),
            &settings,
        );
        render(args, &settings, &mut printer, &FixedClock::at(secs), |_| {
            [7; 16]
        })
    }

    #[test]
    fn the_calendar_is_stamped_by_the_clock_and_starts_on_its_day() {
        // 2026-11-26T14:27:52Z: DTSTAMP is that instant; the agenda starts that day.
        let ics = render_at(&args(AgendaFormat::Ics, None), 1_795_703_272).unwrap();
        let unfolded = ics.replace("\r\n ", "");
        let events = unfolded.matches("BEGIN:VEVENT").count();
        assert!(events > 0);
        assert_eq!(
            unfolded.matches("\r\nDTSTAMP:20261126T142752Z\r\n").count(),
            events,
            "{ics}"
        );
        assert!(unfolded.contains("\r\nDTSTART;TZID=Europe/Lisbon:20261126T093000\r\n"));
        let azores = render_at(
            &args(AgendaFormat::Ics, Some("Atlantic/Azores")),
            1_795_703_272,
        )
        .unwrap();
        assert!(azores.contains("\r\nDTSTART;TZID=Atlantic/Azores:20261126T093000\r\n"));
        assert!(azores.contains("\r\nTZID:Atlantic/Azores\r\n"));
        let unknown = render_at(&args(AgendaFormat::Ics, Some("Mars/Olympus")), 0).unwrap_err();
        assert_eq!(unknown.exit_code(), 2);
        assert!(unknown.to_string().contains("Europe/Lisbon, "), "{unknown}");
    }
}
