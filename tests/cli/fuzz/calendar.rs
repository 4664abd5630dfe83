//! iCalendar: whatever a method's name and step titles hold, the calendar file has one event
//! per agenda block, the `icalendar` crate's parser reads it back, and each title reads as
//! typed, less what RFC 5545 cannot carry (line breaks become spaces, other control
//! characters and noncharacters are dropped). A reader that ends a line at any CR or LF must
//! count the same events.

use icalendar::parser::{read_calendar, unfold};
use icalendar::{Calendar, Component};
use labkit::agenda::{Kind, Slot};
use labkit::calendar::{DEFAULT_ZONE, Export};
use proptest::prelude::*;

use super::{fuzz, guarded, hostile_text};

/// A title as a calendar shows it, written here from the rules rather than from the code
/// under test: every line break a reader might honour is a space, a tab is a space, other
/// control characters and noncharacters are gone.
fn shown(title: &str) -> String {
    let mut out = String::new();
    let mut chars = title.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' if chars.peek() == Some(&'\n') => {
                chars.next();
                out.push(' ');
            }
            '\r' | '\n' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}' | '\t' => {
                out.push(' ')
            }
            c if c.is_control() => {}
            c if (0xFDD0..=0xFDEF).contains(&u32::from(c)) || u32::from(c) & 0xFFFE == 0xFFFE => {}
            c => out.push(c),
        }
    }
    out
}

/// Writes `slots` as a calendar named `name` and reads it back; panics on any difference.
pub fn round_trip(name: &str, slots: &[Slot]) {
    // One date a day from Friday 1 January 2027, weekends and all: the dates are not what
    // is tested here.
    let days = slots.iter().map(|s| s.day + 1).max().unwrap_or(0);
    let first = chrono::NaiveDate::from_ymd_opt(2027, 1, 1).unwrap();
    let dates: Vec<chrono::NaiveDate> = (0..days)
        .map(|d| first + chrono::Days::new(u64::from(d)))
        .collect();
    let export = Export {
        name,
        slots,
        dates: &dates,
        zone: DEFAULT_ZONE,
        now: std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_795_703_272),
        nonce: [7; 16],
    };
    let ics = labkit::calendar::write(&export);
    let lenient = ics
        .split(['\r', '\n'])
        .filter(|l| *l == "BEGIN:VEVENT")
        .count();
    assert_eq!(
        lenient,
        slots.len(),
        "a title started an event of its own:\n{ics}"
    );
    // The parser reads unfolded lines; long titles are folded at 75 octets.
    let unfolded = unfold(&ics);
    let parsed: Calendar = read_calendar(&unfolded)
        .unwrap_or_else(|e| panic!("the calendar does not parse: {e}\n{ics}"))
        .into();
    let summaries: Vec<String> = parsed
        .events()
        .map(|e| e.get_summary().unwrap_or_default().to_owned())
        .collect();
    let expected: Vec<String> = slots.iter().map(|s| shown(&s.title)).collect();
    assert_eq!(
        summaries, expected,
        "titles do not read back as typed:\n{ics}"
    );
}

fn slots() -> impl Strategy<Value = (String, Vec<Slot>)> {
    let slot =
        (hostile_text(), 0u32..3, 0u32..1440, 1u32..600).prop_map(|(title, day, start, len)| {
            Slot {
                day,
                start,
                end: (start + len).min(1440),
                title,
                kind: Kind::Step,
            }
        });
    (hostile_text(), prop::collection::vec(slot, 0..6))
}

#[test]
fn corpus_hostile_titles_stay_one_event_each() {
    let titles = [
        "Plan\rBEGIN:VEVENT\rSUMMARY:injected\rEND:VEVENT",
        "nul\0here\u{b}vt\u{c}ff\u{1b}[2Jesc",
        "line\nBEGIN:VEVENT\r\nUID:x\u{2028}end\u{85}",
        "a, b; c \\ d: e\u{fffe}\u{7f}",
        "\u{feff}bom \u{202e}rtl",
        "",
    ];
    let slots: Vec<Slot> = titles
        .iter()
        .enumerate()
        .map(|(i, t)| Slot {
            day: 0,
            start: 540 + 30 * i as u32,
            end: 570 + 30 * i as u32,
            title: (*t).to_owned(),
            kind: Kind::Step,
        })
        .collect();
    round_trip("Name\r\nBEGIN:VEVENT\0", &slots);
}

#[test]
fn fuzz_calendar() {
    fuzz("calendar", 64, slots(), |(name, slots)| {
        guarded("calendar", move || round_trip(&name, &slots));
        Ok(())
    });
}
