//! iCalendar files (RFC 5545) of agendas, built with the `icalendar` crate: one VEVENT per
//! block, start and end in a named time zone whose VTIMEZONE is in the file, a UID unique to
//! each event of each export, and DTSTAMP at the time of writing. Also the one sanitiser for
//! text that goes into an iCalendar file, and the time zones labkit can describe.
//!
//! Pure: the caller gives the time of writing and the export's random bytes; nothing here reads
//! the clock, the OS or the terminal.
//!
//! Time zones are a fixed table rather than a tz database: a VTIMEZONE needs each zone's
//! offsets and the rules of its changes, and a database crate would add several megabytes for
//! the few zones a lab's workshops happen in. The rules are today's (the EU's last-Sunday
//! changes at 01:00 UTC since 1996), which is what matters for agendas, always in the future.

use std::time::SystemTime;

use icalendar::{Calendar, Component, Event, Property};
use sha2::{Digest, Sha256};

use crate::agenda::{Kind, Slot};
use crate::clock::rfc3339;

/// A time zone labkit can write a VTIMEZONE for.
#[derive(Debug, PartialEq, Eq)]
pub struct Zone {
    /// The IANA name, used as the TZID.
    pub tzid: &'static str,
    onsets: &'static [Onset],
}

/// One STANDARD or DAYLIGHT observance of a VTIMEZONE.
#[derive(Debug, PartialEq, Eq)]
struct Onset {
    daylight: bool,
    /// The first onset, in local time before the change (RFC 5545 3.6.5).
    start: &'static str,
    /// How the onset repeats; `None` for a zone that never changes.
    rrule: Option<&'static str>,
    from: &'static str,
    to: &'static str,
    name: &'static str,
}

/// The EU's summer time: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last
/// Sunday of October (Directive 2000/84/EC; the UK keeps the same rule).
const LAST_SUNDAY_OF_MARCH: Option<&str> = Some("FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
const LAST_SUNDAY_OF_OCTOBER: Option<&str> = Some("FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");

/// An EU zone `standard` hours from UTC (−1, 0 or +1), named `std` in winter and `dst` in
/// summer. The change happens at 01:00 UTC, written in the local time before it.
const fn eu(standard: i8, std: &'static str, dst: &'static str) -> [Onset; 2] {
    // 1970-03-29 and 1970-10-25 were the last Sundays of March and October that year.
    let (spring, autumn, winter, summer) = match standard {
        -1 => ("19700329T000000", "19701025T010000", "-0100", "+0000"),
        0 => ("19700329T010000", "19701025T020000", "+0000", "+0100"),
        _ => ("19700329T020000", "19701025T030000", "+0100", "+0200"),
    };
    [
        Onset {
            daylight: true,
            start: spring,
            rrule: LAST_SUNDAY_OF_MARCH,
            from: winter,
            to: summer,
            name: dst,
        },
        Onset {
            daylight: false,
            start: autumn,
            rrule: LAST_SUNDAY_OF_OCTOBER,
            from: summer,
            to: winter,
            name: std,
        },
    ]
}

const WESTERN: [Onset; 2] = eu(0, "WET", "WEST");
const AZORES: [Onset; 2] = eu(-1, "-01", "+00");
const BRITISH: [Onset; 2] = eu(0, "GMT", "BST");
const CENTRAL: [Onset; 2] = eu(1, "CET", "CEST");
const UNIVERSAL: [Onset; 1] = [Onset {
    daylight: false,
    start: "19700101T000000",
    rrule: None,
    from: "+0000",
    to: "+0000",
    name: "UTC",
}];

/// Every zone labkit can write, the default first.
pub const ZONES: &[Zone] = &[
    Zone {
        tzid: "Europe/Lisbon",
        onsets: &WESTERN,
    },
    Zone {
        tzid: "Atlantic/Madeira",
        onsets: &WESTERN,
    },
    Zone {
        tzid: "Atlantic/Azores",
        onsets: &AZORES,
    },
    Zone {
        tzid: "Europe/London",
        onsets: &BRITISH,
    },
    Zone {
        tzid: "Europe/Brussels",
        onsets: &CENTRAL,
    },
    Zone {
        tzid: "Europe/Madrid",
        onsets: &CENTRAL,
    },
    Zone {
        tzid: "Europe/Paris",
        onsets: &CENTRAL,
    },
    Zone {
        tzid: "Europe/Berlin",
        onsets: &CENTRAL,
    },
    Zone {
        tzid: "UTC",
        onsets: &UNIVERSAL,
    },
];

/// The names of [`ZONES`], for `--tz` and error messages.
pub const ZONE_NAMES: [&str; 9] = [
    "Europe/Lisbon",
    "Atlantic/Madeira",
    "Atlantic/Azores",
    "Europe/London",
    "Europe/Brussels",
    "Europe/Madrid",
    "Europe/Paris",
    "Europe/Berlin",
    "UTC",
];

/// The zone agendas are written in when nothing says otherwise.
pub const DEFAULT_ZONE: &Zone = &ZONES[0];

/// The zone of that IANA name, if labkit knows its rules.
pub fn zone(name: &str) -> Option<&'static Zone> {
    ZONES.iter().find(|z| z.tzid == name)
}

/// Text made safe for an iCalendar TEXT value, before the crate escapes it.
///
/// The crate escapes `\`, `;`, `,` and LF, but RFC 5545 allows no other control character in
/// TEXT, and readers disagree on the rest: some end a line at a bare CR (so a title could start
/// a new event), others choke on NUL. So every line break a reader might honour (CR, LF, CRLF,
/// VT, FF, NEL, U+2028, U+2029) becomes one LF when `lines` (a description) and a space
/// otherwise (a title), a tab becomes a space, and every other control character and
/// Unicode noncharacter is dropped.
pub fn text(input: &str, lines: bool) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' | '\n' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(if lines { '\n' } else { ' ' });
            }
            '\t' => out.push(' '),
            c if c.is_control() || is_noncharacter(c) => {}
            c => out.push(c),
        }
    }
    out
}

fn is_noncharacter(c: char) -> bool {
    let n = u32::from(c);
    (0xFDD0..=0xFDEF).contains(&n) || n & 0xFFFE == 0xFFFE
}

/// What one calendar file holds.
pub struct Export<'a> {
    /// The method's or playbook's name: the calendar's name and each event's description.
    pub name: &'a str,
    pub slots: &'a [Slot],
    /// The date of each of the agenda's days (`Slot::day` indexes it): the dates the printed
    /// agenda shows, weekends and holidays already skipped.
    pub dates: &'a [chrono::NaiveDate],
    pub zone: &'a Zone,
    /// The time of writing, for DTSTAMP.
    pub now: SystemTime,
    /// Random bytes drawn once per export, from which each event's UID is derived.
    pub nonce: [u8; 16],
}

/// The calendar file: CRLF lines folded at 75 octets, as the crate writes them.
pub fn write(export: &Export) -> String {
    let name = text(export.name, false);
    let mut calendar = Calendar::empty();
    calendar
        .append_property(("VERSION", "2.0"))
        .append_property((
            "PRODID",
            concat!("-//labkit//labkit ", env!("CARGO_PKG_VERSION"), "//EN"),
        ))
        .append_property(("CALSCALE", "GREGORIAN"))
        .name(&name)
        .timezone(export.zone.tzid);
    // The crate cannot write a VTIMEZONE (it gives every component a DTSTAMP and a UID, which
    // RFC 5545 forbids there), so it goes in by hand where the components begin: right after
    // the calendar's own properties, which is what this prefix of the file is.
    let head = calendar.to_string();
    let components_start = head.len().saturating_sub("END:VCALENDAR\r\n".len());

    // 2026-11-26T14:27:52Z → 20261126T142752Z
    let stamp: String = rfc3339(export.now)
        .chars()
        .filter(|c| !matches!(c, '-' | ':'))
        .collect();
    let description = text(export.name, true);
    for (n, slot) in export.slots.iter().enumerate() {
        let Some(date) = export.dates.get(slot.day as usize) else {
            continue;
        };
        let day = date.format("%Y%m%d");
        let local = |key: &str, minutes: u32| {
            Property::new(
                key,
                format!("{day}T{:02}{:02}00", minutes / 60, minutes % 60),
            )
            .add_parameter("TZID", export.zone.tzid)
            .done()
        };
        let mut event = Event::new();
        event
            .uid(&uid(&export.nonce, n))
            .add_property("DTSTAMP", &stamp)
            .append_property(local("DTSTART", slot.start))
            .append_property(local("DTEND", slot.end))
            .summary(&text(&slot.title, false))
            .description(&description)
            .add_property(
                "TRANSP",
                if matches!(slot.kind, Kind::Break | Kind::SuggestedBreak) {
                    "TRANSPARENT"
                } else {
                    "OPAQUE"
                },
            );
        calendar.push(event);
    }
    let mut out = calendar.to_string();
    out.insert_str(components_start, &vtimezone(export.zone));
    out
}

/// A UUID (version 8, RFC 9562) from the export's random bytes and the event's place: unique
/// per event and per export, so importing a second export of the same agenda adds events
/// rather than clashing with the first (a CalDAV server refuses a UID it already has).
fn uid(nonce: &[u8; 16], n: usize) -> String {
    let digest = Sha256::new()
        .chain_update(nonce)
        .chain_update((n as u64).to_be_bytes())
        .finalize();
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Builder::from_custom_bytes(bytes)
        .into_uuid()
        .hyphenated()
        .to_string()
}

/// The zone's VTIMEZONE, each content line written (escaped, folded) by the crate.
fn vtimezone(zone: &Zone) -> String {
    let line = |key: &str, value: &str| -> String {
        TryInto::<String>::try_into(Property::new(key, value)).unwrap_or_default()
    };
    let mut out = String::from("BEGIN:VTIMEZONE\r\n");
    out += &line("TZID", zone.tzid);
    for onset in zone.onsets {
        let kind = if onset.daylight {
            "DAYLIGHT"
        } else {
            "STANDARD"
        };
        out += &format!("BEGIN:{kind}\r\n");
        out += &line("DTSTART", onset.start);
        if let Some(rule) = onset.rrule {
            out += &line("RRULE", rule);
        }
        out += &line("TZOFFSETFROM", onset.from);
        out += &line("TZOFFSETTO", onset.to);
        out += &line("TZNAME", onset.name);
        out += &format!("END:{kind}\r\n");
    }
    out + "END:VTIMEZONE\r\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::{Clock, FixedClock, civil_from_days, days_from_civil};
    use icalendar::parser::read_calendar;

    fn slot(day: u32, start: u32, end: u32, title: &str) -> Slot {
        Slot {
            day,
            start,
            end,
            title: title.into(),
            kind: Kind::Step,
        }
    }

    /// 2027-02-10 and 2027-02-11, a Wednesday and a Thursday.
    const DATES: [chrono::NaiveDate; 2] = [
        chrono::NaiveDate::from_ymd_opt(2027, 2, 10).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2027, 2, 11).unwrap(),
    ];

    fn export<'a>(slots: &'a [Slot], clock: &FixedClock, nonce: u8) -> Export<'a> {
        Export {
            name: "Test Card",
            slots,
            dates: &DATES,
            zone: DEFAULT_ZONE,
            now: clock.now(),
            nonce: [nonce; 16],
        }
    }

    /// Event blocks as a reader that ends a line at any CR or LF would count them.
    fn lenient_events(ics: &str) -> usize {
        ics.split(['\r', '\n'])
            .filter(|l| l.trim_start() == "BEGIN:VEVENT")
            .count()
    }

    #[test]
    fn hostile_titles_stay_one_event_each() {
        let titles = [
            "Plan\rBEGIN:VEVENT\rSUMMARY:injected\rEND:VEVENT",
            "nul\0here\u{b}vt\u{c}ff\u{1b}[2Jesc",
            "line\nBEGIN:VEVENT\r\nUID:x\u{2028}end\u{85}",
            "a, b; c \\ d: e\u{fffe}\u{7f}",
        ];
        let slots: Vec<Slot> = titles
            .iter()
            .enumerate()
            .map(|(i, t)| slot(0, 600 + 30 * i as u32, 630 + 30 * i as u32, t))
            .collect();
        let clock = FixedClock::at(1_795_703_272);
        let mut e = export(&slots, &clock, 1);
        let name = "Name\r\nBEGIN:VEVENT\0";
        e.name = name;
        let ics = write(&e);
        assert!(
            !ics.replace("\r\n", "")
                .chars()
                .any(|c| c.is_control() || is_noncharacter(c)),
            "only CRLF line ends are control characters:\n{ics:?}"
        );
        assert_eq!(lenient_events(&ics), slots.len(), "{ics}");
        let parsed: Calendar = read_calendar(&ics).map(Into::into).unwrap();
        let summaries: Vec<String> = parsed
            .events()
            .map(|e| e.get_summary().unwrap_or_default().to_owned())
            .collect();
        assert_eq!(
            summaries,
            [
                "Plan BEGIN:VEVENT SUMMARY:injected END:VEVENT",
                "nulhere vt ff[2Jesc",
                "line BEGIN:VEVENT UID:x end ",
                "a, b; c \\ d: e",
            ]
        );
        assert_eq!(
            parsed.events().next().and_then(|e| e.get_description()),
            Some("Name\nBEGIN:VEVENT"),
            "a description keeps its line break, escaped"
        );
    }

    #[test]
    fn uids_are_unique_per_event_and_per_export() {
        let slots = [slot(0, 570, 600, "a"), slot(0, 600, 630, "b")];
        let clock = FixedClock::at(1_795_703_272);
        let uids = |nonce| -> Vec<String> {
            let ics = write(&export(&slots, &clock, nonce));
            let parsed: Calendar = read_calendar(&ics).map(Into::into).unwrap();
            parsed
                .events()
                .map(|e| e.get_uid().unwrap_or_default().to_owned())
                .collect()
        };
        let (first, second) = (uids(1), uids(2));
        assert_eq!(first.len(), 2);
        assert_ne!(first[0], first[1]);
        assert!(
            first.iter().all(|u| !second.contains(u)),
            "{first:?} {second:?}"
        );
        assert!(
            first.iter().all(|u| uuid::Uuid::parse_str(u).is_ok()),
            "{first:?}"
        );
        assert_eq!(first, uids(1), "derived from the export's bytes alone");
    }

    #[test]
    fn stamps_the_time_of_writing_and_names_the_zone() {
        let slots = [slot(0, 570, 600, "a"), slot(1, 960, 1050, "b")];
        let clock = FixedClock::at(1_795_703_272);
        let mut e = export(&slots, &clock, 1);
        for zone in ZONES {
            e.zone = zone;
            let ics = write(&e);
            let parsed: Calendar = read_calendar(&ics).map(Into::into).unwrap();
            let events: Vec<&Event> = parsed.events().collect();
            assert_eq!(events.len(), 2);
            for event in &events {
                assert_eq!(
                    event.property_value("DTSTAMP"),
                    Some("20261126T142752Z"),
                    "the fixed clock, in UTC"
                );
                for key in ["DTSTART", "DTEND"] {
                    let prop = event.properties().get(key).unwrap();
                    assert_eq!(
                        prop.params().get("TZID").map(|p| p.value()),
                        Some(zone.tzid),
                        "{key} in {}",
                        zone.tzid
                    );
                }
            }
            assert!(
                ics.contains(&format!(
                    "\r\nDTSTART;TZID={}:20270211T160000\r\n",
                    zone.tzid
                )),
                "local time on the right day:\n{ics}"
            );
            // The VTIMEZONE for that TZID, before the events, with no DTSTAMP or UID of its own.
            let unfolded = ics.replace("\r\n ", "");
            let tz_at = unfolded.find("BEGIN:VTIMEZONE\r\n").unwrap();
            let tz_end = unfolded.find("END:VTIMEZONE\r\n").unwrap();
            assert!(tz_end < unfolded.find("BEGIN:VEVENT").unwrap());
            let block = &unfolded[tz_at..tz_end];
            assert!(block.contains(&format!("\r\nTZID:{}\r\n", zone.tzid)));
            assert!(!block.contains("DTSTAMP") && !block.contains("UID"));
            assert_eq!(
                unfolded.matches("BEGIN:VTIMEZONE").count(),
                1,
                "one zone per file"
            );
            let timezones: Vec<_> = parsed
                .components
                .iter()
                .filter(|c| c.as_event().is_none())
                .collect();
            assert_eq!(timezones.len(), 1, "the parser sees the VTIMEZONE too");
        }
    }

    /// The UTC offset of a zone at a UTC instant, worked out from its VTIMEZONE's rules the way
    /// a reader does: the latest onset at or before the instant.
    fn offset_at(zone: &Zone, year: i64, utc_minutes_of_year: i64) -> &'static str {
        let minutes = |text: &str| -> i64 {
            let sign = if text.starts_with('-') { -1 } else { 1 };
            sign * (text[1..3].parse::<i64>().unwrap() * 60 + text[3..5].parse::<i64>().unwrap())
        };
        let jan1 = days_from_civil(year, 1, 1).unwrap();
        let mut best: Option<(i64, &Onset)> = None;
        for onset in zone.onsets {
            let month: u32 = onset.start[4..6].parse().unwrap();
            let local_minutes: i64 = onset.start[9..11].parse::<i64>().unwrap() * 60
                + onset.start[11..13].parse::<i64>().unwrap();
            let day = if let Some(rule) = onset.rrule {
                assert!(rule.ends_with(&format!("BYMONTH={month};BYDAY=-1SU")));
                // The last Sunday of the month: 1970-01-04 was a Sunday.
                let next_month = if month == 12 {
                    days_from_civil(year + 1, 1, 1)
                } else {
                    days_from_civil(year, month + 1, 1)
                }
                .unwrap();
                let last = next_month - 1;
                last - (last - 3).rem_euclid(7)
            } else {
                jan1
            };
            let at = (day - jan1) * 1440 + local_minutes - minutes(onset.from);
            if at <= utc_minutes_of_year && best.is_none_or(|(b, _)| at > b) {
                best = Some((at, onset));
            }
        }
        // Before this year's first onset: the last one of the year before (the winter one).
        best.map(|(_, o)| o.to)
            .or_else(|| zone.onsets.iter().find(|o| !o.daylight).map(|o| o.to))
            .unwrap()
    }

    #[test]
    fn zone_rules_match_the_tz_database() {
        // From the tz database (`TZ=… date`), around the 2027 changes: 28 March and 31 October,
        // both at 01:00 UTC.
        let minute = |month: u32, day: u32, h: i64, m: i64| {
            (days_from_civil(2027, month, day).unwrap() - days_from_civil(2027, 1, 1).unwrap())
                * 1440
                + h * 60
                + m
        };
        let before_spring = minute(3, 28, 0, 59);
        let after_spring = minute(3, 28, 1, 0);
        let before_autumn = minute(10, 31, 0, 59);
        let after_autumn = minute(10, 31, 1, 0);
        let january = minute(1, 15, 12, 0);
        for (tzid, winter, summer) in [
            ("Europe/Lisbon", "+0000", "+0100"),
            ("Atlantic/Madeira", "+0000", "+0100"),
            ("Atlantic/Azores", "-0100", "+0000"),
            ("Europe/London", "+0000", "+0100"),
            ("Europe/Brussels", "+0100", "+0200"),
            ("Europe/Madrid", "+0100", "+0200"),
            ("Europe/Paris", "+0100", "+0200"),
            ("Europe/Berlin", "+0100", "+0200"),
            ("UTC", "+0000", "+0000"),
        ] {
            let zone = zone(tzid).unwrap();
            assert_eq!(offset_at(zone, 2027, january), winter, "{tzid} January");
            assert_eq!(offset_at(zone, 2027, before_spring), winter, "{tzid}");
            assert_eq!(offset_at(zone, 2027, after_spring), summer, "{tzid}");
            assert_eq!(offset_at(zone, 2027, before_autumn), summer, "{tzid}");
            assert_eq!(offset_at(zone, 2027, after_autumn), winter, "{tzid}");
        }
        // Each DTSTART is the first onset of its RRULE: a last Sunday in 1970.
        for onset in ZONES.iter().flat_map(|z| z.onsets) {
            if onset.rrule.is_some() {
                let (m, d) = (
                    onset.start[4..6].parse().unwrap(),
                    onset.start[6..8].parse().unwrap(),
                );
                let day = days_from_civil(1970, m, d).unwrap();
                assert_eq!((day - 3).rem_euclid(7), 0, "a Sunday: {}", onset.start);
                assert!(civil_from_days(day + 7).1 != m, "the last: {}", onset.start);
            }
        }
        assert_eq!(
            ZONES.iter().map(|z| z.tzid).collect::<Vec<_>>(),
            ZONE_NAMES,
            "the names list every zone, in order"
        );
        assert_eq!(zone("Europe/Lisbon"), Some(DEFAULT_ZONE));
        assert_eq!(zone("America/New_York"), None);
    }

    #[test]
    fn text_keeps_what_is_printable() {
        assert_eq!(text("Olá, mundo; 1\\2", false), "Olá, mundo; 1\\2");
        assert_eq!(text("a\r\nb\rc\nd", true), "a\nb\nc\nd");
        assert_eq!(text("a\r\nb\rc\nd", false), "a b c d");
        assert_eq!(
            text("\0\u{1}\u{7f}\u{9f}\u{fdd0}\u{1fffe}x\ty", false),
            "x y"
        );
    }
}
