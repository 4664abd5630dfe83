//! Calendar files any reader accepts: `agenda --format ics` read back by the `icalendar`
//! crate's parser and by a reader that ends lines at any CR or LF; unique UIDs; DTSTAMP at
//! the time of writing; times in a named zone with its VTIMEZONE; multi-day blocks.

use icalendar::{Calendar, Component, parser::read_calendar};

use crate::support::Lab;

/// A workspace method whose names and titles try to break out of their iCalendar lines.
const HOSTILE: &str = r#"schema: 1
id: hostile
name: { en: "Hostile\rBEGIN:VEVENT\0", pt: "Hostil" }
summary: A method for tests.
stage: ideation
duration: 3d
group: 2-6
steps:
  - id: one
    title: "Plan\rBEGIN:VEVENT\rSUMMARY:injected\rEND:VEVENT\0nul\vvt"
    timebox: 30m
    questions:
      - id: ideas
        type: list
        prompt: Ideas
  - id: two
    title: "Build\r\nBEGIN:VEVENT\nUID:x\fEND:VEVENT"
    timebox: 2d
    questions:
      - id: more
        type: list
        prompt: More
  - id: three
    title: "Wrap up, decide; \\ done"
    timebox: 30m
    questions:
      - id: last
        type: list
        prompt: Last
"#;

fn hostile_lab() -> Lab {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: LabX\n");
    lab.write("methods/hostile.yaml", HOSTILE);
    lab
}

fn ics(lab: &Lab, extra: &[&str]) -> String {
    let mut args = vec![
        "agenda",
        "hostile",
        "--date",
        "2027-01-04",
        "--format",
        "ics",
    ];
    args.extend_from_slice(extra);
    lab.run(&args).ok().stdout
}

fn parse(ics: &str) -> Calendar {
    read_calendar(ics)
        .map(Calendar::from)
        .unwrap_or_else(|e| panic!("not iCalendar: {e}\n{ics}"))
}

/// The `BEGIN:VEVENT` lines a reader that ends a line at any CR or LF would see.
fn lenient_events(ics: &str) -> usize {
    ics.split(['\r', '\n'])
        .filter(|line| line.trim_start() == "BEGIN:VEVENT")
        .count()
}

#[test]
fn control_characters_in_titles_cannot_add_events() {
    let lab = hostile_lab();
    let ics = ics(&lab, &[]);
    // 30m, then 2d (two whole days), then 30m: four blocks.
    let blocks = 4;
    assert_eq!(lenient_events(&ics), blocks, "{ics}");
    let calendar = parse(&ics);
    let summaries: Vec<&str> = calendar
        .events()
        .map(|e| e.get_summary().unwrap_or_default())
        .collect();
    assert_eq!(
        summaries,
        [
            "Plan BEGIN:VEVENT SUMMARY:injected END:VEVENTnul vt",
            "Build BEGIN:VEVENT UID:x END:VEVENT (day 1 of 2)",
            "Build BEGIN:VEVENT UID:x END:VEVENT (day 2 of 2)",
            "Wrap up, decide; \\ done",
        ],
        "{ics}"
    );
    assert!(
        !ics.replace("\r\n", "").chars().any(char::is_control),
        "no control character but the CRLF line ends: {ics:?}"
    );
    assert!(ics.contains("\r\nSUMMARY:Wrap up\\, decide\\; \\\\ done\r\n"));
}

#[test]
fn two_exports_of_one_agenda_have_disjoint_uids() {
    let lab = hostile_lab();
    let uids = |ics: &str| -> Vec<String> {
        parse(ics)
            .events()
            .map(|e| e.get_uid().unwrap_or_default().to_owned())
            .collect()
    };
    let first = uids(&ics(&lab, &[]));
    let second = uids(&ics(&lab, &[]));
    assert_eq!(first.len(), 4);
    let mut all: Vec<&String> = first.iter().chain(&second).collect();
    all.sort();
    all.dedup();
    assert_eq!(
        all.len(),
        8,
        "every event of every export: {first:?} {second:?}"
    );
}

#[test]
fn dtstamp_is_the_time_of_writing_in_utc() {
    let lab = hostile_lab();
    // 2026-11-26T14:27:52Z → 20261126T142752Z
    let stamp = |t| -> String {
        labkit::clock::rfc3339(t)
            .chars()
            .filter(|c| !matches!(c, '-' | ':'))
            .collect()
    };
    let before = stamp(std::time::SystemTime::now());
    let ics = ics(&lab, &[]);
    let after = stamp(std::time::SystemTime::now());
    for event in parse(&ics).events() {
        let dtstamp = event.property_value("DTSTAMP").unwrap_or_default();
        assert!(
            before.as_str() <= dtstamp && dtstamp <= after.as_str(),
            "{before} <= {dtstamp} <= {after}"
        );
    }
}

/// Every DTSTART and DTEND names `tzid`, whose VTIMEZONE is in the file.
#[track_caller]
fn assert_zoned(ics: &str, tzid: &str) {
    let calendar = parse(ics);
    let mut events = 0;
    for event in calendar.events() {
        events += 1;
        for key in ["DTSTART", "DTEND"] {
            let prop = event.properties().get(key).unwrap();
            assert_eq!(
                prop.params().get("TZID").map(|p| p.value()),
                Some(tzid),
                "{key}: {ics}"
            );
        }
    }
    assert!(events > 0);
    let unfolded = ics.replace("\r\n ", "");
    assert!(
        unfolded.contains(&format!("BEGIN:VTIMEZONE\r\nTZID:{tzid}\r\n")),
        "{ics}"
    );
    assert_eq!(unfolded.matches("BEGIN:VTIMEZONE").count(), 1);
    assert!(
        unfolded.contains("BEGIN:STANDARD\r\n"),
        "a VTIMEZONE has a STANDARD or a DAYLIGHT part"
    );
}

#[test]
fn times_are_in_a_named_zone_with_its_vtimezone() {
    let lab = hostile_lab();
    assert_zoned(&ics(&lab, &[]), "Europe/Lisbon");
    assert_zoned(&ics(&lab, &["--tz", "Atlantic/Azores"]), "Atlantic/Azores");
    assert_zoned(&ics(&lab, &["--tz", "UTC"]), "UTC");

    // From the workspace's labkit.yaml, and shown by `labkit config`; the flag still wins.
    lab.write("labkit.yaml", "lab: LabX\ntimezone: Atlantic/Madeira\n");
    assert_zoned(&ics(&lab, &[]), "Atlantic/Madeira");
    assert_zoned(&ics(&lab, &["--tz", "Europe/London"]), "Europe/London");
    let config = lab.run(&["config"]).ok().stdout;
    assert!(
        config
            .lines()
            .any(|l| l.contains("timezone") && l.contains("Atlantic/Madeira")),
        "{config}"
    );

    // From the user's config.yaml, below the workspace; from the environment, above it.
    let lab = hostile_lab().env("LABKIT_TIMEZONE", "Europe/Paris");
    lab.write(".config/labkit/config.yaml", "timezone: Europe/Berlin\n");
    assert_zoned(&ics(&lab, &[]), "Europe/Paris");
    let lab = hostile_lab();
    lab.write(".config/labkit/config.yaml", "timezone: Europe/Berlin\n");
    assert_zoned(&ics(&lab, &[]), "Europe/Berlin");

    // A zone labkit has no rules for: exit 2, naming the zone and those it knows.
    let flag = lab
        .run(&[
            "agenda",
            "hostile",
            "--format",
            "ics",
            "--tz",
            "America/New_York",
        ])
        .code(2);
    assert!(
        flag.stderr.contains("America/New_York") && flag.stderr.contains("Atlantic/Azores"),
        "{}",
        flag.stderr
    );
    lab.write("labkit.yaml", "timezone: Europe/Lisboa\n");
    let file = lab.run(&["agenda", "hostile", "--format", "ics"]).code(2);
    assert!(
        file.stderr.contains("labkit.yaml")
            && file.stderr.contains("`Europe/Lisboa`")
            && file
                .stderr
                .contains("Europe/Lisbon, Atlantic/Madeira, Atlantic/Azores"),
        "{}",
        file.stderr
    );
}

#[test]
fn a_two_day_timebox_fills_two_working_days() {
    let lab = hostile_lab();
    let ics = ics(&lab, &[]);
    let calendar = parse(&ics);
    let mut times = Vec::new();
    for event in calendar.events() {
        let at = |key: &str| event.property_value(key).unwrap_or_default().to_owned();
        let (start, end) = (at("DTSTART"), at("DTEND"));
        for value in [&start, &end] {
            let hour: u32 = value[9..11].parse().unwrap();
            assert!(hour < 24, "{value}");
        }
        times.push((start, end));
    }
    let times: Vec<(&str, &str)> = times
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(
        times,
        [
            ("20270104T093000", "20270104T100000"),
            ("20270105T093000", "20270105T173000"),
            ("20270106T093000", "20270106T173000"),
            ("20270107T093000", "20270107T100000"),
        ]
    );
    let table = lab
        .run(&["agenda", "hostile", "--date", "2027-01-04"])
        .ok()
        .stdout;
    assert!(
        table.contains("Total 17h over 4 days, ends on day 4 at 10:00"),
        "{table}"
    );
}
