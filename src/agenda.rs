//! Clock-time agendas from timeboxes: each step of a method, or each method and break of a
//! playbook, placed on the clock from a start time, with breaks suggested every 90 minutes
//! where none are declared, spread over working days when a workshop runs longer than one.
//!
//! Days are working days: [`WorkingDays`] puts each on a date of the calendar (weekends and
//! given holidays skipped), and [`day_label`] names it in the agenda's language. Date arithmetic
//! and weekdays come from `chrono`; only the names of days and months are labkit's own, because
//! chrono's locales would add a crate of every language's names for two languages.
//!
//! Pure: the caller gives the start date and time; nothing here reads the clock.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::lang::Lang;
use crate::library::Library;
use crate::method::{Block, Duration, Method, Playbook};

/// Minutes of work after which a break is suggested, when none is declared.
pub const BREAK_EVERY: u64 = 90;
pub const SUGGESTED_BREAK: u64 = 15;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    Step,
    Method,
    Break,
    SuggestedBreak,
}

/// One line of the agenda: start and end as minutes from midnight on `day` (0-based).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    pub day: u32,
    pub start: u32,
    pub end: u32,
    pub title: String,
    pub kind: Kind,
}

/// Working hours, in minutes from midnight.
#[derive(Debug, Clone, Copy)]
pub struct Hours {
    pub start: u32,
    pub end: u32,
}

/// A block to place: title, minutes, whether it is a break, and a day it must start on.
struct Item {
    title: String,
    minutes: u64,
    kind: Kind,
    day: Option<u32>,
}

/// The steps of a method: timeboxed steps take their timebox; the rest share what is left of
/// the method's duration (at least 5 minutes each).
fn method_items(method: &Method, lang: Lang) -> Vec<Item> {
    let boxed: u64 = method
        .steps
        .iter()
        .filter_map(|s| s.timebox)
        .map(Duration::minutes)
        .sum();
    let open = method.steps.iter().filter(|s| s.timebox.is_none()).count() as u64;
    let share = method
        .duration
        .minutes()
        .saturating_sub(boxed)
        .checked_div(open)
        .map_or(0, |m| m.max(5));
    method
        .steps
        .iter()
        .map(|s| Item {
            title: s.title.get(lang).to_owned(),
            minutes: s.timebox.map_or(share, Duration::minutes),
            kind: Kind::Step,
            day: None,
        })
        .collect()
}

fn playbook_items(playbook: &Playbook, library: &Library, lang: Lang) -> Vec<Item> {
    playbook
        .blocks
        .iter()
        .map(|b| match b {
            Block::Method {
                method, title, day, ..
            } => {
                let m = library.method(method);
                let name = m.map_or(method.as_str(), |m| m.name.get(lang));
                let title = title
                    .as_ref()
                    .map_or(name.to_owned(), |t| format!("{} · {name}", t.get(lang)));
                Item {
                    title,
                    minutes: m.map_or(0, |m| m.duration.minutes()),
                    kind: Kind::Method,
                    day: day.map(|d| d.saturating_sub(1)),
                }
            }
            Block::Break { duration, title } => Item {
                title: title
                    .as_ref()
                    .map_or(crate::i18n::t(lang, "show.break"), |t| t.get(lang))
                    .to_owned(),
                minutes: duration.minutes(),
                kind: Kind::Break,
                day: None,
            },
        })
        .collect()
}

pub fn for_method(
    method: &Method,
    start: u32,
    hours: Hours,
    lang: Lang,
) -> Result<Vec<Slot>, TooLong> {
    schedule(method_items(method, lang), start, hours, lang)
}

pub fn for_playbook(
    playbook: &Playbook,
    library: &Library,
    start: u32,
    hours: Hours,
    lang: Lang,
) -> Result<Vec<Slot>, TooLong> {
    schedule(playbook_items(playbook, library, lang), start, hours, lang)
}

/// The longest agenda labkit lays out, in days: a year of working days is more than any
/// workshop, and the bound keeps a method with a huge timebox from filling memory with days.
pub const MAX_DAYS: u32 = 366;

/// The agenda would run past [`MAX_DAYS`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLong;

/// Places items on the clock. Declared breaks count as rest; without them a short break is
/// suggested before a block that would take the group past 90 minutes of work. A block that
/// would run past the end of the working day moves to the next morning. A block longer than a
/// whole working day starts a day and continues on the following mornings, one slot per day
/// (`2d` is two 8-hour days, so it fills two days of the default 09:30–17:30), so no slot ever
/// ends after the end of the day.
fn schedule(items: Vec<Item>, start: u32, hours: Hours, lang: Lang) -> Result<Vec<Slot>, TooLong> {
    let declared_breaks = items.iter().any(|i| i.kind == Kind::Break);
    let day_length = u64::from(hours.end.saturating_sub(hours.start)).max(1);
    let mut slots = Vec::new();
    let (mut day, mut clock, mut since_break) = (0u32, start, 0u64);
    for item in items {
        if let Some(d) = item.day
            && d > day
        {
            day = d;
            clock = hours.start;
            since_break = 0;
        }
        let left = u64::from(hours.end.saturating_sub(clock));
        if !declared_breaks
            && item.kind != Kind::Break
            && since_break > 0
            && since_break + item.minutes > BREAK_EVERY
            && SUGGESTED_BREAK + item.minutes <= left
        {
            slots.push(Slot {
                day,
                start: clock,
                end: clock + SUGGESTED_BREAK as u32,
                title: crate::i18n::t(lang, "agenda.suggested_break").to_owned(),
                kind: Kind::SuggestedBreak,
            });
            clock += SUGGESTED_BREAK as u32;
            since_break = 0;
        }
        if item.minutes > u64::from(hours.end.saturating_sub(clock)) && clock > hours.start {
            if item.kind == Kind::Break {
                // A break at the end of the day is the night.
                continue;
            }
            day += 1;
            clock = hours.start;
            since_break = 0;
        }
        // Whole days first, then what is left on the last one.
        let days = item.minutes.div_ceil(day_length).max(1);
        if u64::from(day) + days > u64::from(MAX_DAYS) {
            return Err(TooLong);
        }
        let days = days as u32;
        let mut rest = item.minutes;
        for part in 1..=days {
            // Fits: `rest` is at most one day here, and a day ends before midnight.
            let minutes = rest.min(u64::from(hours.end - clock)) as u32;
            rest -= u64::from(minutes);
            let title = if days == 1 {
                item.title.clone()
            } else {
                crate::i18n::tf(
                    lang,
                    "agenda.part",
                    &[("title", &item.title), ("n", &part), ("days", &days)],
                )
            };
            slots.push(Slot {
                day,
                start: clock,
                end: clock + minutes,
                title,
                kind: item.kind.clone(),
            });
            clock += minutes;
            since_break = if item.kind == Kind::Break {
                0
            } else {
                since_break + u64::from(minutes)
            };
            if part < days {
                day += 1;
                clock = hours.start;
                since_break = 0;
            }
        }
    }
    Ok(slots)
}

/// The working day `agenda` lays out when not told otherwise (`--start`, `--day-end`), and
/// the one `list` measures a playbook's length with.
pub const DEFAULT_HOURS: Hours = Hours {
    start: 9 * 60 + 30,
    end: 17 * 60 + 30,
};

/// How long an agenda is: the time of all its slots (breaks included, suggested ones too), how
/// many days it spans, and when its last slot ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Length {
    pub total: Duration,
    pub days: u32,
    pub end: u32,
}

/// The one measure of an agenda, for `agenda`'s summary line and for `list`.
pub fn length(slots: &[Slot]) -> Length {
    let minutes: u32 = slots.iter().map(|s| s.end - s.start).sum();
    Length {
        total: Duration::from_minutes(minutes.into()),
        days: slots.last().map_or(1, |s| s.day + 1),
        end: slots.last().map_or(0, |s| s.end),
    }
}

/// A playbook's real length: its agenda on the default working day, measured by [`length`].
pub fn playbook_length(playbook: &Playbook, library: &Library) -> Result<Length, TooLong> {
    let slots = for_playbook(
        playbook,
        library,
        DEFAULT_HOURS.start,
        DEFAULT_HOURS,
        Lang::En,
    )?;
    Ok(length(&slots))
}

/// Which calendar dates are working days: Monday to Friday unless `weekends`, and never one
/// of the `holidays`.
#[derive(Debug, Clone, Default)]
pub struct WorkingDays {
    pub weekends: bool,
    pub holidays: BTreeSet<NaiveDate>,
}

impl WorkingDays {
    pub fn is_working(&self, date: NaiveDate) -> bool {
        let weekend = matches!(date.weekday(), Weekday::Sat | Weekday::Sun);
        (self.weekends || !weekend) && !self.holidays.contains(&date)
    }

    /// The dates of an agenda's `count` days: the first working day on or after `first`, then
    /// the working days after it. `None` past the end of the calendar (the year 262143).
    pub fn dates(&self, first: NaiveDate, count: u32) -> Option<Vec<NaiveDate>> {
        let mut dates = Vec::with_capacity(count as usize);
        let mut date = first;
        // Ends: at most two days in seven are weekends, and there are finitely many holidays.
        while dates.len() < count as usize {
            if self.is_working(date) {
                dates.push(date);
            }
            date = date.succ_opt()?;
        }
        Some(dates)
    }
}

const WEEKDAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];
const WEEKDAYS_PT: [&str; 7] = [
    "segunda-feira",
    "terça-feira",
    "quarta-feira",
    "quinta-feira",
    "sexta-feira",
    "sábado",
    "domingo",
];

/// A date as people write it: `Monday 7 December 2026`, `segunda-feira, 7 de dezembro de 2026`.
pub fn day_label(date: NaiveDate, lang: Lang) -> String {
    let weekday = date.weekday().num_days_from_monday() as usize;
    let month = date.month0() as usize;
    let (d, y) = (date.day(), date.year());
    match lang {
        Lang::En => format!(
            "{} {d} {} {y}",
            WEEKDAYS_EN[weekday],
            crate::clock::MONTHS_EN[month]
        ),
        Lang::Pt => format!(
            "{}, {d} de {} de {y}",
            WEEKDAYS_PT[weekday],
            crate::clock::MONTHS_PT[month]
        ),
        Lang::Other(_) => {
            let weekdays = crate::clock::weekdays_of(lang);
            let weekday = weekdays
                .as_ref()
                .and_then(|w| w.get(weekday).copied())
                .unwrap_or(WEEKDAYS_EN[weekday]);
            let months = crate::clock::months(lang);
            crate::i18n::tf(
                lang,
                "date.day",
                &[
                    ("weekday", &weekday),
                    ("day", &d),
                    ("month", &months.get(month).copied().unwrap_or_default()),
                    ("year", &y),
                ],
            )
        }
    }
}

/// `2026-12-08` → the date, checking it exists.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    // chrono also takes `2026-1-5` and signed years; agendas keep to the one written form.
    let shape = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    shape
        .then(|| NaiveDate::parse_from_str(text, "%Y-%m-%d").ok())
        .flatten()
}

/// A holidays file: one date (YYYY-MM-DD) a line, optionally followed by the holiday's name;
/// blank lines and lines starting with `#` are skipped. A line that is not a date is reported
/// with its 1-based number.
pub fn parse_holidays(text: &str) -> Result<BTreeSet<NaiveDate>, (usize, String)> {
    let mut dates = BTreeSet::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}').trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let word = line.split_whitespace().next().unwrap_or_default();
        match parse_date(word) {
            Some(date) => {
                dates.insert(date);
            }
            None => return Err((n + 1, word.chars().take(40).collect())),
        }
    }
    Ok(dates)
}

/// `09:30` → minutes from midnight.
pub fn parse_time(text: &str) -> Option<u32> {
    let (h, m) = text.trim().split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && m.to_string().len() <= 2).then_some(h * 60 + m)
}

pub fn format_time(minutes: u32) -> String {
    format!("{:02}:{:02}", minutes / 60 % 24, minutes % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(title: &str, minutes: u64, kind: Kind) -> Item {
        Item {
            title: title.into(),
            minutes,
            kind,
            day: None,
        }
    }

    const HOURS: Hours = Hours {
        start: 9 * 60,
        end: 17 * 60 + 30,
    };

    #[test]
    fn suggests_a_break_before_passing_ninety_minutes_without_declared_ones() {
        let slots = schedule(
            vec![
                item("a", 60, Kind::Step),
                item("b", 45, Kind::Step),
                item("c", 30, Kind::Step),
            ],
            570,
            HOURS,
            Lang::En,
        )
        .unwrap();
        let kinds: Vec<&Kind> = slots.iter().map(|s| &s.kind).collect();
        assert_eq!(
            kinds,
            vec![&Kind::Step, &Kind::SuggestedBreak, &Kind::Step, &Kind::Step]
        );
        assert_eq!(format_time(slots[1].start), "10:30");
        assert_eq!(format_time(slots[3].start), "11:30");
        assert_eq!(format_time(slots[3].end), "12:00");
    }

    #[test]
    fn declared_breaks_replace_suggestions_and_days_spill_over() {
        let items = vec![
            item("a", 240, Kind::Method),
            item("lunch", 60, Kind::Break),
            item("b", 200, Kind::Method),
            item("c", 60, Kind::Method),
        ];
        let slots = schedule(items, 540, HOURS, Lang::En).unwrap();
        assert!(slots.iter().all(|s| s.kind != Kind::SuggestedBreak));
        let last = slots.last().unwrap();
        assert_eq!(
            (last.day, format_time(last.start)),
            (1, "09:00".into()),
            "c does not fit before 17:30"
        );
    }

    #[test]
    fn forced_days() {
        let mut b = item("b", 30, Kind::Method);
        b.day = Some(2);
        let slots = schedule(vec![item("a", 30, Kind::Method), b], 540, HOURS, Lang::En).unwrap();
        assert_eq!(slots[1].day, 2);
        assert_eq!(format_time(slots[1].start), "09:00");
    }

    #[test]
    fn a_block_of_days_fills_working_days_and_never_passes_the_end_of_one() {
        // The default working day, 09:30–17:30, is the 8 hours of a `d`.
        let hours = Hours {
            start: 570,
            end: 1050,
        };
        let two_days = "2d".parse::<Duration>().unwrap().minutes();
        let slots = schedule(
            vec![
                item("intro", 30, Kind::Step),
                item("build", two_days, Kind::Step),
                item("wrap", 30, Kind::Step),
            ],
            570,
            hours,
            Lang::En,
        )
        .unwrap();
        let plan: Vec<(u32, String, String, &str)> = slots
            .iter()
            .map(|s| {
                (
                    s.day,
                    format_time(s.start),
                    format_time(s.end),
                    s.title.as_str(),
                )
            })
            .collect();
        assert_eq!(
            plan,
            [
                (0, "09:30".into(), "10:00".into(), "intro"),
                (1, "09:30".into(), "17:30".into(), "build (day 1 of 2)"),
                (2, "09:30".into(), "17:30".into(), "build (day 2 of 2)"),
                (3, "09:30".into(), "10:00".into(), "wrap"),
            ]
        );
        // A shorter day takes more of them; every slot stays inside its day.
        let short = Hours {
            start: 840,
            end: 1050,
        };
        let slots = schedule(
            vec![item("build", two_days, Kind::Step)],
            840,
            short,
            Lang::Pt,
        )
        .unwrap();
        assert_eq!(slots.len(), 5, "960 minutes in days of 210");
        assert!(slots.iter().all(|s| s.start >= 840 && s.end <= 1050));
        assert_eq!(slots.iter().map(|s| s.end - s.start).sum::<u32>(), 960);
        assert_eq!(slots[4].title, "build (dia 5 de 5)");
        assert_eq!(format_time(slots[4].end), "16:00");
    }

    #[test]
    fn an_agenda_of_more_than_a_year_is_refused() {
        let huge = "100000d".parse::<Duration>().unwrap().minutes();
        assert_eq!(
            schedule(
                vec![item("forever", huge, Kind::Step)],
                570,
                HOURS,
                Lang::En
            ),
            Err(TooLong)
        );
        let mut late = item("late", 30, Kind::Method);
        late.day = Some(u32::MAX - 1);
        assert_eq!(schedule(vec![late], 570, HOURS, Lang::En), Err(TooLong));
    }

    fn date(text: &str) -> NaiveDate {
        parse_date(text).unwrap()
    }

    #[test]
    fn working_days_skip_weekends_and_holidays() {
        // Thursday 3 December 2026; Tuesday 8 December is a holiday in Portugal.
        let mut working = WorkingDays::default();
        let days = |w: &WorkingDays, first: &str| -> Vec<String> {
            w.dates(date(first), 5)
                .unwrap()
                .iter()
                .map(|d| d.to_string())
                .collect()
        };
        assert_eq!(
            days(&working, "2026-12-03"),
            [
                "2026-12-03",
                "2026-12-04",
                "2026-12-07",
                "2026-12-08",
                "2026-12-09"
            ]
        );
        working.holidays.insert(date("2026-12-08"));
        assert_eq!(
            days(&working, "2026-12-03"),
            [
                "2026-12-03",
                "2026-12-04",
                "2026-12-07",
                "2026-12-09",
                "2026-12-10"
            ]
        );
        // A start on a Saturday moves to the Monday.
        assert_eq!(days(&working, "2026-12-05")[0], "2026-12-07");
        working.weekends = true;
        assert_eq!(
            days(&working, "2026-12-04"),
            [
                "2026-12-04",
                "2026-12-05",
                "2026-12-06",
                "2026-12-07",
                "2026-12-09"
            ]
        );
        // Across a year's end and a leap day.
        let working = WorkingDays::default();
        assert_eq!(
            days(&working, "2027-12-30"),
            [
                "2027-12-30",
                "2027-12-31",
                "2028-01-03",
                "2028-01-04",
                "2028-01-05"
            ]
        );
        assert_eq!(days(&working, "2028-02-28")[1], "2028-02-29");
        assert_eq!(
            working.dates(NaiveDate::MAX, 2),
            None,
            "past the calendar's end"
        );
    }

    #[test]
    fn day_labels_in_both_languages() {
        assert_eq!(
            day_label(date("2026-12-07"), Lang::En),
            "Monday 7 December 2026"
        );
        assert_eq!(
            day_label(date("2026-12-07"), Lang::Pt),
            "segunda-feira, 7 de dezembro de 2026"
        );
        assert_eq!(
            day_label(date("2027-03-06"), Lang::Pt),
            "sábado, 6 de março de 2027"
        );
        assert_eq!(
            day_label(date("2028-02-29"), Lang::En),
            "Tuesday 29 February 2028"
        );
    }

    #[test]
    fn dates_and_holiday_files() {
        assert_eq!(parse_date("2026-02-29"), None, "not a leap year");
        assert_eq!(parse_date("2026-1-05"), None, "one written form");
        assert_eq!(parse_date("+2026-01-05"), None);
        assert!(parse_date(" 2028-02-29 ").is_some());
        let holidays = parse_holidays(
            "\u{feff}# Portugal, 2026\n2026-12-08 Imaculada Conceição\n\n  2026-12-25\tNatal\n2026-12-08\n",
        )
        .unwrap();
        assert_eq!(
            holidays.iter().map(|d| d.to_string()).collect::<Vec<_>>(),
            ["2026-12-08", "2026-12-25"]
        );
        assert_eq!(
            parse_holidays("2026-12-08\n\n08/12/2026 Imaculada\n"),
            Err((3, "08/12/2026".to_owned()))
        );
        assert_eq!(parse_holidays("").unwrap().len(), 0);
    }

    #[test]
    fn length_counts_every_slot_and_day() {
        let slots = schedule(
            vec![
                item("a", 60, Kind::Method),
                item("b", 45, Kind::Method),
                item("c", 480, Kind::Method),
            ],
            570,
            DEFAULT_HOURS,
            Lang::En,
        )
        .unwrap();
        let length = length(&slots);
        assert_eq!(
            length.total.to_string(),
            "10h",
            "60m + a suggested 15m + 45m, then 8h the next day"
        );
        assert_eq!((length.days, format_time(length.end)), (2, "17:30".into()));
    }

    #[test]
    fn times() {
        assert_eq!(parse_time("09:30"), Some(570));
        assert_eq!(parse_time("9:05"), Some(545));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("nine"), None);
    }
}
