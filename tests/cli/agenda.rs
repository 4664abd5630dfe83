//! Calendar files any reader accepts: `agenda --format ics` read back by the `icalendar`
//! crate's parser and by a reader that ends lines at any CR or LF; unique UIDs; DTSTAMP at
//! the time of writing; times in a named zone with its VTIMEZONE; multi-day blocks. Days on
//! the calendar: weekends and holidays skipped, labels in the report's language, and the
//! `.ics` on the same dates as the printed agenda.

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
        table.contains("Total 17h over 4 days; the last is Thursday 7 January 2027, until 10:00"),
        "{table}"
    );
}

/// A playbook of three days, each day's block pinned to it, built on built-in methods (the
/// built-in playbooks' titles and days are being reworked).
const THREE_DAYS: &str = r#"schema: 1
kind: playbook
id: three-days
name: { en: Three Days, pt: Três Dias }
summary: { en: "A playbook over three days, for tests.", pt: "Um roteiro de três dias, para testes." }
stage: ideation
group: 3-6
methods:
  - method: test-card
    day: 1
  - break: 15m
  - method: brainstorm
    day: 2
  - method: learning-card
    day: 3
"#;

fn three_days_lab() -> Lab {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: LabX\n");
    lab.write("methods/three-days.yaml", THREE_DAYS);
    lab
}

/// Each event's start as `YYYYMMDD HH:MM`, from the calendar read back by the parser.
fn starts(ics: &str) -> Vec<String> {
    parse(ics)
        .events()
        .map(|e| {
            let v = e.property_value("DTSTART").unwrap_or_default();
            format!("{} {}:{}", &v[..8], &v[9..11], &v[11..13])
        })
        .collect()
}

#[test]
fn days_skip_a_weekend_and_a_holiday_and_the_calendar_agrees() {
    let lab = three_days_lab();
    // Thursday 3 December 2026; Monday 7 December given as a holiday.
    let base = [
        "agenda",
        "three-days",
        "--date",
        "2026-12-03",
        "--holiday",
        "2026-12-07",
    ];
    let table = lab.run(&base).ok().stdout;
    let days: Vec<&str> = table
        .lines()
        .filter_map(|l| l.split("   ").next())
        .map(str::trim)
        .filter(|d| d.ends_with(" 2026"))
        .collect();
    assert_eq!(
        days,
        [
            "Thursday 3 December 2026",
            "Friday 4 December 2026",
            "Tuesday 8 December 2026"
        ],
        "{table}"
    );
    assert!(
        table.contains("Total 2h15m over 3 days; the last is Tuesday 8 December 2026, until 10:00"),
        "{table}"
    );
    let mut args = base.to_vec();
    args.extend(["--format", "ics"]);
    let ics = lab.run(&args).ok().stdout;
    assert_eq!(
        starts(&ics),
        [
            "20261203 09:30",
            "20261203 10:15",
            "20261204 09:30",
            "20261208 09:30"
        ],
        "the printed agenda's dates: {ics}"
    );

    // In Portuguese, as Markdown: one section per day, named by its date.
    let mut args = vec!["--lang", "pt"];
    args.extend(base);
    args.extend(["--format", "md"]);
    let md = lab.run(&args).ok().stdout;
    for heading in [
        "## Dia 1 — quinta-feira, 3 de dezembro de 2026\n",
        "## Dia 2 — sexta-feira, 4 de dezembro de 2026\n",
        "## Dia 3 — terça-feira, 8 de dezembro de 2026\n",
    ] {
        assert!(md.contains(heading), "{heading} in\n{md}");
    }
    assert!(
        !md.contains("sábado") && !md.contains("segunda-feira"),
        "{md}"
    );

    // Weekends on request: Saturday is a day; the holiday still is not.
    let mut args = base.to_vec();
    args.extend(["--include-weekends", "--format", "ics"]);
    let ics = lab.run(&args).ok().stdout;
    assert_eq!(starts(&ics)[3], "20261205 09:30", "{ics}");
    let mut args = vec!["--lang", "pt"];
    args.extend(base);
    args.push("--include-weekends");
    let table = lab.run(&args).ok().stdout;
    assert!(table.contains(" sábado, 5 de dezembro de 2026 "), "{table}");
    // The last of the two flags wins; skipping is the default.
    let mut args = base.to_vec();
    args.extend(["--include-weekends", "--skip-weekends", "--format", "ics"]);
    assert_eq!(starts(&lab.run(&args).ok().stdout)[3], "20261208 09:30");
}

#[test]
fn a_start_on_a_weekend_or_holiday_moves_to_the_next_working_day() {
    let lab = three_days_lab();
    let run = lab
        .run(&[
            "agenda",
            "three-days",
            "--date",
            "2026-12-05",
            "--format",
            "ics",
        ])
        .ok();
    assert_eq!(
        starts(&run.stdout),
        [
            "20261207 09:30",
            "20261207 10:15",
            "20261208 09:30",
            "20261209 09:30"
        ]
    );
    assert!(
        run.stderr.contains(
            "Saturday 5 December 2026 is not a working day: the agenda starts on Monday 7 December 2026"
        ),
        "{}",
        run.stderr
    );
    // A method of one day, on a holiday, in Portuguese.
    let run = lab
        .run(&[
            "--lang",
            "pt",
            "agenda",
            "test-card",
            "--date",
            "2026-12-08",
            "--holiday",
            "2026-12-08",
        ])
        .ok();
    assert!(
        run.stdout.contains(" quarta-feira, 9 de dezembro de 2026 "),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("Terça-feira, 8 de dezembro de 2026 não é dia útil"),
        "{}",
        run.stderr
    );
}

#[test]
fn holidays_come_from_a_file_and_a_bad_line_is_named() {
    let lab = three_days_lab();
    lab.write(
        "feriados.txt",
        "# Portugal, December 2026\n2026-12-07 (a bridge day)\n\n2026-12-08 Imaculada Conceição\n",
    );
    let ics = lab
        .run(&[
            "agenda",
            "three-days",
            "--date",
            "2026-12-04",
            "--holidays",
            "feriados.txt",
            "--holiday",
            "2026-12-09",
            "--format",
            "ics",
        ])
        .ok()
        .stdout;
    assert_eq!(
        starts(&ics),
        [
            "20261204 09:30",
            "20261204 10:15",
            "20261210 09:30",
            "20261211 09:30"
        ]
    );
    lab.write("bad.txt", "2026-12-07\n# ok\n8/12/2026 Imaculada\n");
    let run = lab
        .run(&["agenda", "three-days", "--holidays", "bad.txt"])
        .code(2);
    assert!(
        run.stderr.contains("bad.txt:3")
            && run.stderr.contains("`8/12/2026` is not a date")
            && run.stderr.contains("YYYY-MM-DD"),
        "{}",
        run.stderr
    );
    let run = lab
        .run(&["agenda", "three-days", "--holiday", "2026-02-29"])
        .code(2);
    assert!(
        run.stderr.contains("`--holiday 2026-02-29` is not a date"),
        "{}",
        run.stderr
    );
    let run = lab
        .run(&["agenda", "three-days", "--holidays", "missing.txt"])
        .code(2);
    assert!(run.stderr.contains("missing.txt"), "{}", run.stderr);
}

/// `-o FILE` writes the agenda there, in the format its extension names (`.ics`, `.md`,
/// `.txt`), never over a file that is there without `--force`, and refuses an extension it
/// cannot read as a format before doing any work.
#[test]
fn the_agenda_goes_to_a_file_in_the_format_its_name_says() {
    let lab = hostile_lab();
    let run = lab
        .run(&[
            "agenda",
            "hostile",
            "--date",
            "2027-01-04",
            "-o",
            "plan.ics",
        ])
        .ok();
    assert!(run.stdout.is_empty(), "{}", run.stdout);
    assert!(run.stderr.contains("plan.ics"), "{}", run.stderr);
    let text = std::fs::read_to_string(lab.path().join("plan.ics")).unwrap();
    let calendar: Calendar = read_calendar(&text).unwrap().into();
    assert!(calendar.components.len() > 1, "{text}");
    // The same as the calendar printed, but for the export's own stamps and UIDs.
    let printed = ics(&lab, &[]);
    let events = |t: &str| t.matches("BEGIN:VEVENT").count();
    assert_eq!(events(&text), events(&printed));
    // Never over an existing file without --force.
    let again = lab
        .run(&[
            "agenda",
            "hostile",
            "--date",
            "2027-01-04",
            "-o",
            "plan.ics",
        ])
        .code(2);
    assert!(again.stderr.contains("--force"), "{}", again.stderr);
    lab.run(&[
        "agenda",
        "hostile",
        "--date",
        "2027-01-04",
        "-o",
        "plan.ics",
        "--force",
    ])
    .ok();
    lab.run(&["agenda", "hostile", "-o", "plan.md"]).ok();
    let md = std::fs::read_to_string(lab.path().join("plan.md")).unwrap();
    assert!(md.starts_with("# Hostile"), "{md}");
    let bad = lab.run(&["agenda", "hostile", "-o", "plan.pdf"]).code(2);
    assert!(
        bad.stderr.contains("plan.pdf") && bad.stderr.contains(".ics"),
        "{}",
        bad.stderr
    );
    assert!(!lab.path().join("plan.pdf").exists());
    // An explicit --format wins over the name.
    lab.run(&["agenda", "hostile", "--format", "md", "-o", "plan.txt"])
        .ok();
    let txt = std::fs::read_to_string(lab.path().join("plan.txt")).unwrap();
    assert!(txt.starts_with("# Hostile"), "{txt}");
}
