//! Reports: every built-in method's report in both languages against snapshots, the generic
//! template over every question type, hostile answers, Word files, and the `report` command.
//!
//! Snapshots live in tests/snapshots/reports/; after an intended change, regenerate them with
//! `LABKIT_BLESS=1 cargo test` and review the diff.

use std::io::Read;
use std::path::Path;

use labkit::lang::Lang;
use labkit::library::Library;
use labkit::method::{Document, Method};
use labkit::report::{self, TemplateSource};
use labkit::session::{MethodRef, Session, Status};

use crate::support::{Lab, fixture, snapshot};

fn session_for(method: &Method, answers: &Path) -> Session {
    session_in(method, answers, Lang::En)
}

/// A finished session of `method` from an answers file, run in `lang`.
fn session_in(method: &Method, answers: &Path, lang: Lang) -> Session {
    let method_ref = MethodRef {
        id: method.id.clone(),
        version: method.version,
        hash: method.content_hash.clone(),
        playbook: false,
        source: None,
    };
    let mut session = Session::new(method_ref, lang.code(), "2026-11-26T09:30:00Z");
    session.labkit_version = "test".into();
    session.lab = Some("LabX — Centro para a Inovação no Setor Público".into());
    session.facilitator = Some("Ana Sousa".into());
    session.participants = vec![
        "Rui Costa".into(),
        "Eva Martins".into(),
        "Marta Silva".into(),
    ];
    session.updated = "2026-11-26T11:00:00Z".into();
    session.finished = Some("2026-11-26T11:00:00Z".into());
    session.status = Status::Finished;
    let supplied = labkit::session::load_answers(answers).unwrap();
    let issues = labkit::engine::fill(method, &mut session, &supplied, false, lang, "2026-11-26");
    assert!(issues.is_empty(), "{}: {issues:?}", method.id);
    session
}

fn template_for(id: &str) -> TemplateSource {
    report::find_template(None, id, &[], Path::new(".")).unwrap()
}

/// The HTML body, without the stylesheet (kept once in src/report/report.css).
fn html_body(html: &str) -> String {
    let start = html.find("<body>").unwrap();
    html[start..].to_owned()
}

#[test]
fn every_built_in_method_has_an_answers_fixture_and_a_report_in_both_languages() {
    let library = Library::load_layers(&[]);
    let mut checked = 0;
    for entry in library.entries() {
        let Document::Method(method) = &entry.doc else {
            continue;
        };
        let answers = fixture(&format!("answers/{}.yaml", method.id));
        assert!(answers.exists(), "no answers fixture for `{}`", method.id);
        let session = session_for(method, &answers);
        // The Portuguese report renders from the Portuguese answers, so it is Portuguese
        // throughout.
        let pt = fixture(&format!("answers-pt/{}.yaml", method.id));
        assert!(
            pt.exists(),
            "no Portuguese answers fixture for `{}`",
            method.id
        );
        let session_pt = session_in(method, &pt, Lang::Pt);
        let template = template_for(&method.id);
        for lang in Lang::ALL {
            let session = if lang == Lang::Pt {
                &session_pt
            } else {
                &session
            };
            let rendered = report::render(method, session, &template, lang)
                .unwrap_or_else(|e| panic!("{}: {e}", method.id));
            snapshot(&format!("{}.{lang}.md", method.id), &rendered.to_markdown());
            snapshot(
                &format!("{}.{lang}.html", method.id),
                &html_body(&rendered.to_html()),
            );
        }
        checked += 1;
    }
    assert!(checked >= 24, "only {checked} methods");
}

fn every_type() -> Method {
    let bytes = std::fs::read(fixture("methods/valid/every-type.yaml")).unwrap();
    match labkit::method::parse(&bytes, "every-type.yaml", Some("every-type")).unwrap() {
        Document::Method(m) => m,
        Document::Playbook(_) => unreachable!(),
    }
}

const EVERY_TYPE_ANSWERS: &str = "answers:
  challenge: Renew the citizen card on time
  context: |
    Many cards expire unnoticed.
    People find out at the airport.
  budget: 2500
  urgent: true
  kind: counter
  channels: [web, phone]
  confidence: 4
  deadline: 2027-01-31
  ideas: [SMS reminder, Pharmacy renewal, Automatic renewal]
  people: [{name: Registry, interest: 5}, {name: Parishes, interest: 3}]
  votes: {SMS reminder: 4, Pharmacy renewal: 1, Automatic renewal: 4}
  matrix: {SMS reminder: {impact: 5, effort: 1}, Pharmacy renewal: {impact: 2, effort: 4}, Automatic renewal: {impact: 4, effort: 5}}
  order: [Automatic renewal, SMS reminder, Pharmacy renewal]
";

#[test]
fn the_generic_template_lays_out_every_question_type() {
    let lab = Lab::new();
    let answers = lab.write("answers.yaml", EVERY_TYPE_ANSWERS);
    let method = every_type();
    let session = session_for(&method, &answers);
    let rendered =
        report::render(&method, &session, &template_for("every-type"), Lang::En).unwrap();
    let md = rendered.to_markdown();
    assert!(
        md.contains("- SMS reminder\n- Pharmacy renewal\n"),
        "lists as lists:\n{md}"
    );
    assert!(
        md.contains("| Name | Interest |\n|---|---|\n| Registry | 5 |"),
        "records as tables:\n{md}"
    );
    assert!(
        md.contains("| 1 | SMS reminder | 4 ████ |\n| 1 | Automatic renewal")
            || md.contains("| 2 | Automatic renewal | 4"),
        "votes ranked:\n{md}"
    );
    assert!(
        md.contains("| SMS reminder | 5 | 1 | Quick wins |"),
        "scores as a matrix table:\n{md}"
    );
    assert!(
        md.contains("1. Automatic renewal\n2. SMS reminder"),
        "rank as a numbered list:\n{md}"
    );
    assert!(
        md.contains("Many cards expire unnoticed.  \nPeople find out"),
        "long text keeps its lines:\n{md}"
    );
    assert!(md.contains("2500 EUR"), "units:\n{md}");
    let html = rendered.to_html();
    assert!(html.contains("<svg"), "charts as SVG");
    assert!(html.contains("Quick wins"));
    snapshot("every-type.en.md", &md);
    let pt = report::render(&method, &session, &template_for("every-type"), Lang::Pt)
        .unwrap()
        .to_markdown();
    assert!(
        pt.contains("Ganhos rápidos") && pt.contains("26 de novembro de 2026"),
        "{pt}"
    );
    snapshot("every-type.pt.md", &pt);
}

#[test]
fn nothing_an_answer_contains_can_run_in_the_browser() {
    let lab = Lab::new();
    let hostile = [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(2)>",
        "[click](javascript:alert(3))",
        "<a href=\"javascript:alert(4)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg onload=alert(5)>",
        "&lt;script&gt;alert(6)&lt;/script&gt;",
        "<javascript:alert(7)>",
        "![x](javascript:alert(8))",
        "| a | b |\n|---|---|\n| <b onmouseover=alert(9)>x</b> | y |",
        "<style>body{display:none}</style>",
    ];
    let list = hostile
        .iter()
        .map(|h| format!("  - {}\n", serde_json::to_string(h).unwrap()))
        .collect::<String>();
    let answers = EVERY_TYPE_ANSWERS
        .replace("  challenge: Renew the citizen card on time\n", &format!("  challenge: {}\n", serde_json::to_string(hostile[0]).unwrap()))
        .replace("  ideas: [SMS reminder, Pharmacy renewal, Automatic renewal]\n", &format!("  ideas:\n{list}"))
        .replace("  votes: {SMS reminder: 4, Pharmacy renewal: 1, Automatic renewal: 4}\n", "  votes: {}\n")
        .replace(
            "  matrix: {SMS reminder: {impact: 5, effort: 1}, Pharmacy renewal: {impact: 2, effort: 4}, Automatic renewal: {impact: 4, effort: 5}}\n",
            &format!("  matrix: {{{}: {{impact: 5, effort: 1}}}}\n", serde_json::to_string(hostile[1]).unwrap()),
        )
        .replace("  order: [Automatic renewal, SMS reminder, Pharmacy renewal]\n", &format!("  order: [{}]\n", hostile.iter().map(|h| serde_json::to_string(h).unwrap()).collect::<Vec<_>>().join(", ")));
    let answers = lab.write("hostile.yaml", answers);
    let method = every_type();
    let mut session = session_for(&method, &answers);
    session.facilitator = Some("<script>alert('f')</script>".into());
    let html = report::render(&method, &session, &template_for("every-type"), Lang::En)
        .unwrap()
        .to_html();
    let body = html_body(&html);
    for tag in real_tags(&body) {
        let lower = tag.to_lowercase();
        let name = lower
            .trim_start_matches('/')
            .split([' ', '>', '/'])
            .next()
            .unwrap_or_default()
            .to_owned();
        assert!(
            ![
                "script", "iframe", "object", "embed", "style", "img", "link", "meta", "base",
                "form"
            ]
            .contains(&name.as_str()),
            "tag <{tag}> survived"
        );
        for attr in lower.split_whitespace().skip(1) {
            assert!(!attr.starts_with("on"), "event handler in <{tag}>");
            assert!(!attr.contains("javascript:"), "script link in <{tag}>");
        }
    }
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the text should still be readable"
    );
}

/// The markup tags of an HTML text (escaped `&lt;` text is not a tag).
fn real_tags(html: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        tags.push(rest[open + 1..open + close].to_owned());
        rest = &rest[open + close + 1..];
    }
    tags
}

/// Language of parts: a Portuguese report of an English session marks each typed answer as
/// English — `<span lang="en">` in HTML, `w:lang="en"` on its runs in Word — and the Markdown
/// carries no mark; in a report in the session's own language nothing is marked.
#[test]
fn answers_in_another_language_are_marked_in_html_and_word_only() {
    let library = Library::load_layers(&[]);
    let method = library.method("brainstorm").unwrap();
    let session = session_for(method, &fixture("answers/brainstorm.yaml"));
    assert_eq!(session.language, "en");
    let challenge = "How might we make it easy for residents";
    let rendered = report::render(method, &session, &template_for("brainstorm"), Lang::Pt).unwrap();
    let html = rendered.to_html();
    assert!(
        html.contains(&format!("<span lang=\"en\">{challenge}")),
        "{html}"
    );
    // Method text stays in the page's language; every span opened is closed.
    assert!(html.contains("<html lang=\"pt\">"));
    assert_eq!(
        html.matches("<span lang=").count(),
        html.matches("</span>").count() - html.matches("<span class").count()
    );
    let markdown = rendered.to_markdown();
    assert!(markdown.contains(challenge));
    assert!(!markdown.contains(['\u{F8F0}', '\u{F8F1}']), "{markdown}");
    let xml = document_xml(&rendered);
    let at = xml.find(challenge).expect("the challenge in Word");
    let run = run_before(&xml, at);
    assert!(run.contains(r#"<w:lang w:val="en-GB"/>"#), "{run}");
    assert!(!xml.contains(['\u{F8F0}', '\u{F8F1}']));
    // The same session in English: nothing marked.
    let same = report::render(method, &session, &template_for("brainstorm"), Lang::En).unwrap();
    assert!(!same.to_html().contains("<span lang="));
    let xml = document_xml(&same);
    assert!(!xml.contains(r#"<w:lang w:val="en-GB"/>"#));
}

#[test]
fn a_word_document_is_a_zip_with_the_answers_in_it() {
    let lab = Lab::new();
    let answers = fixture("answers/brainstorm.yaml");
    let out = lab.path().join("record.docx");
    let library = Library::load_layers(&[]);
    let method = library.method("brainstorm").unwrap();
    let session = session_for(method, &answers);
    let bytes = report::render(method, &session, &template_for("brainstorm"), Lang::En)
        .unwrap()
        .to_docx()
        .unwrap();
    std::fs::write(&out, &bytes).unwrap();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.starts_with("<?xml"), "document.xml is XML");
    assert!(xml.contains("Brainstorm"));
    let first_idea = session
        .answer("ideas")
        .and_then(|v| v.as_sequence())
        .and_then(|s| s[0].as_str())
        .unwrap()
        .to_owned();
    assert!(
        xml.contains(&first_idea.replace('&', "&amp;")),
        "the first idea is in the document"
    );
    assert!(xml.contains("<w:tbl>"), "votes become a table");
}

#[test]
fn the_report_command_writes_each_format_and_refuses_to_overwrite() {
    let lab = Lab::new();
    lab.run(&[
        "run",
        "test-card",
        "--answers",
        fixture("answers/test-card.yaml").to_str().unwrap(),
        "--session",
        "s.yaml",
        "--report",
        "plan.html",
    ])
    .ok();
    let html = std::fs::read_to_string(lab.path().join("plan.html")).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>") && html.contains("@page"),
        "self-contained printable HTML"
    );
    let md = lab.run(&["report", "s.yaml"]).ok().stdout;
    assert!(md.starts_with("# Test Card"), "{md}");
    lab.run(&["report", "s.yaml", "-o", "plan.docx"]).ok();
    assert!(lab.path().join("plan.docx").exists());
    lab.run(&["report", "s.yaml", "-o", "plan.docx"]).code(2);
    lab.run(&["report", "s.yaml", "-o", "plan.docx", "--force"])
        .ok();
    lab.run(&["report", "s.yaml", "-o", "plan.txt"]).code(2);
    let pt = lab
        .run(&["--lang", "pt", "report", "s.yaml", "--format", "md"])
        .ok()
        .stdout;
    assert!(pt.contains("Cartão de Teste"), "{pt}");
    // An unfinished session is a draft.
    let text = std::fs::read_to_string(lab.path().join("s.yaml"))
        .unwrap()
        .replace("status: finished", "status: in_progress");
    lab.write("s.yaml", text);
    assert!(lab.run(&["report", "s.yaml"]).ok().stdout.contains("Draft"));
}

#[test]
fn template_errors_name_the_file_line_and_column_and_leave_no_file() {
    let lab = Lab::new();
    lab.run(&[
        "run",
        "test-card",
        "--answers",
        fixture("answers/test-card.yaml").to_str().unwrap(),
        "--session",
        "s.yaml",
    ])
    .ok();
    lab.write(
        "bad.md.hbs",
        "## Plan\n\n{{q.hypothesis.text}}\n\n{{q.nonexistent.text}}\n",
    );
    let run = lab
        .run(&[
            "report",
            "s.yaml",
            "--template",
            "bad.md.hbs",
            "-o",
            "out.html",
        ])
        .code(2);
    assert!(run.stderr.contains("bad.md.hbs:5:"), "{}", run.stderr);
    assert!(!lab.path().join("out.html").exists());
    lab.write("broken.md.hbs", "{{#each steps}}\n");
    let run = lab
        .run(&["report", "s.yaml", "--template", "broken.md.hbs"])
        .code(2);
    assert!(run.stderr.contains("broken.md.hbs"), "{}", run.stderr);
    lab.write("helper.md.hbs", "{{shout q.hypothesis.text}}\n");
    let run = lab
        .run(&["report", "s.yaml", "--template", "helper.md.hbs"])
        .code(2);
    assert!(run.stderr.contains("helper.md.hbs:1:"), "{}", run.stderr);
    let run = lab
        .run(&["report", "s.yaml", "--template", "genric"])
        .code(2);
    assert!(
        run.stderr.contains("did you mean `generic`"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_workspace_template_overrides_the_built_in() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Our Lab\n");
    lab.write(
        "templates/test-card.md.hbs",
        "## Our own layout\n\n{{q.hypothesis.text}}\n",
    );
    lab.run(&[
        "run",
        "test-card",
        "--answers",
        fixture("answers/test-card.yaml").to_str().unwrap(),
        "--session",
        "s.yaml",
    ])
    .ok();
    let md = lab.run(&["report", "s.yaml"]).ok().stdout;
    assert!(md.contains("## Our own layout"), "{md}");
    assert!(md.contains("**Lab:** Our Lab"), "{md}");
}

#[test]
fn every_template_renders_a_draft_with_no_answers_yet() {
    let library = Library::load_layers(&[]);
    for entry in library.entries() {
        let Document::Method(method) = &entry.doc else {
            continue;
        };
        let mut session = session_for(method, &fixture(&format!("answers/{}.yaml", method.id)));
        session.answers.clear();
        session.status = Status::InProgress;
        for lang in Lang::ALL {
            let rendered = report::render(method, &session, &template_for(&method.id), lang)
                .unwrap_or_else(|e| {
                    panic!(
                        "{} ({lang}) fails on a session with no answers: {e}",
                        method.id
                    )
                });
            assert!(rendered.to_markdown().contains(if lang == Lang::En {
                "Draft"
            } else {
                "Rascunho"
            }));
        }
    }
}

#[test]
fn every_template_renders_with_only_the_required_answers() {
    let library = Library::load_layers(&[]);
    for entry in library.entries() {
        let Document::Method(method) = &entry.doc else {
            continue;
        };
        let mut session = session_for(method, &fixture(&format!("answers/{}.yaml", method.id)));
        session.answers.retain(|k, _| {
            k.as_str()
                .and_then(|id| method.question(id))
                .is_some_and(|q| q.required)
        });
        for lang in Lang::ALL {
            report::render(method, &session, &template_for(&method.id), lang).unwrap_or_else(|e| {
                panic!(
                    "{} ({lang}) fails without its optional answers: {e}",
                    method.id
                )
            });
        }
    }
}

/// A chart's items are the group's own words: in a Portuguese report of an English session its
/// data table marks them English (HTML and Word), while the picture is drawn from the plain
/// labels, with no mark left in it.
#[test]
fn a_charts_items_in_another_language_are_marked_in_its_table() {
    let library = Library::load_layers(&[]);
    let method = library.method("impact-effort").unwrap();
    let session = session_for(method, &fixture("answers/impact-effort.yaml"));
    let item = "Show live waiting times per service on the website";
    let rendered =
        report::render(method, &session, &template_for("impact-effort"), Lang::Pt).unwrap();
    let html = rendered.to_html();
    let table_at = html
        .find("id=\"chart-1-data\"")
        .expect("the chart's data table");
    let table = &html[table_at..html[table_at..].find("</table>").unwrap() + table_at];
    assert!(
        table.contains(&format!("<td><span lang=\"en\">{item}</span></td>")),
        "{table}"
    );
    let svg_at = html.find("<svg").unwrap();
    let svg = &html[svg_at..html[svg_at..].find("</svg>").unwrap() + svg_at];
    assert!(!svg.contains(['\u{F8F0}', '\u{F8F1}']), "{svg}");
    assert!(!html.contains(['\u{F8F0}', '\u{F8F1}']));
    let xml = document_xml(&rendered);
    let at = xml.find(item).expect("the item in Word");
    let run = run_before(&xml, at);
    assert!(run.contains(r#"<w:lang w:val="en-GB"/>"#), "{run}");
    assert!(!xml.contains(['\u{F8F0}', '\u{F8F1}']));
    // In the session's own language nothing is marked.
    let same = report::render(method, &session, &template_for("impact-effort"), Lang::En).unwrap();
    assert!(!same.to_html().contains("<span lang="));
}

/// The `word/document.xml` of a report's Word file.
fn document_xml(rendered: &report::Rendered) -> String {
    let bytes = rendered.to_docx().unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    xml
}

/// The run (`<w:r>` and its properties) that holds the text at byte `at` of `xml`.
fn run_before(xml: &str, at: usize) -> &str {
    &xml[xml[..at].rfind("<w:r>").unwrap()..at]
}
