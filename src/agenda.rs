//! Clock-time agendas from timeboxes: each step of a method, or each method and break of a
//! playbook, placed on the clock from a start time, with breaks suggested every 90 minutes
//! where none are declared, spread over working days when a workshop runs longer than one.
//!
//! Pure: the caller gives the start date and time; nothing here reads the clock.

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

    #[test]
    fn times() {
        assert_eq!(parse_time("09:30"), Some(570));
        assert_eq!(parse_time("9:05"), Some(545));
        assert_eq!(parse_time("25:00"), None);
        assert_eq!(parse_time("nine"), None);
    }
}
