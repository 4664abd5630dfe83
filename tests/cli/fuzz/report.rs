//! Answers into every report format, each read back by what reads it:
//!
//! - Markdown, parsed by pulldown-cmark: what was typed is what a reader sees, under its
//!   question and nowhere else (a line's edges trimmed, line breaks kept in paragraphs and
//!   list items and turned into spaces in table cells, as docs/templates.md says);
//! - HTML: no tag, attribute or link from an answer survives (only the tags labkit writes
//!   itself, no `on…` attribute, no link but the contents' own `#…` anchors);
//! - Word: every XML part is well-formed, with only characters XML 1.0 allows.
//!
//! Answers are hostile text (fragments of Markdown, HTML, YAML, handlebars, iCalendar, CSV, every
//! kind of line end and control character) in the text, longtext, list, records and rank
//! questions of tests/fixtures/methods/valid/every-type.yaml, rendered with the generic
//! template, which lays out every question type.

use std::io::Read;
use std::path::Path;
use std::sync::LazyLock;

use labkit::lang::Lang;
use labkit::method::{Document, Method};
use labkit::session::Session;
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_yaml::{Mapping, Value};

use super::{fuzz, guarded, hostile, hostile_text};

pub fn every_type() -> Method {
    static METHOD: LazyLock<Method> = LazyLock::new(|| {
        let bytes =
            std::fs::read(crate::support::fixture("methods/valid/every-type.yaml")).unwrap();
        match labkit::method::parse(&bytes, "every-type.yaml", Some("every-type")).unwrap() {
            Document::Method(m) => m,
            Document::Playbook(_) => unreachable!(),
        }
    });
    METHOD.clone()
}

/// The tags labkit's HTML writes around a report of every question type (title block,
/// contents, headings, lists, tables, charts): nothing else may appear in a page's body.
const TAGS: &[&str] = &[
    "body",
    "main",
    "header",
    "footer",
    "nav",
    "section",
    "div",
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "dl",
    "dt",
    "dd",
    "ul",
    "ol",
    "li",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
    "strong",
    "em",
    "code",
    "pre",
    "br",
    "hr",
    "blockquote",
    "del",
    "a",
    "figure",
    "figcaption",
    "svg",
    "g",
    "rect",
    "line",
    "text",
    "title",
    "tspan",
    "circle",
    "path",
    "polyline",
    "span",
    "html",
    "article",
    "caption",
];

/// The markup tags of an HTML text (escaped `&lt;` is text, not a tag).
fn real_tags(html: &str) -> Vec<&str> {
    let mut tags = Vec::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        let Some(close) = rest[open..].find('>') else {
            break;
        };
        tags.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    tags
}

/// The attributes of a tag's inside (after its name), as (name, value) with quotes removed.
fn attributes(inside: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = inside.trim_start();
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| c == '=' || c.is_whitespace() || c == '/')
            .unwrap_or(rest.len());
        let name = rest[..end].to_owned();
        rest = &rest[end..];
        let mut value = String::new();
        if let Some(after) = rest.strip_prefix('=') {
            let (v, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => {
                    let close = after[1..].find(q).map_or(after.len(), |i| i + 1);
                    (&after[1..close], after.get(close + 1..).unwrap_or(""))
                }
                _ => {
                    let close = after.find(char::is_whitespace).unwrap_or(after.len());
                    (&after[..close], &after[close..])
                }
            };
            value = v.to_owned();
            rest = tail;
        }
        if !name.is_empty() {
            out.push((name, value));
        }
        rest = rest.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
    }
    out
}

/// Nothing an answer holds is markup in the page's body: only tags labkit writes, no event
/// handler, no script link, no link out of the page, no source to load.
pub fn check_html(html: &str) {
    let body = &html[html.find("<body>").expect("a body")..];
    for tag in real_tags(body) {
        let lower = tag.to_lowercase();
        let trimmed = lower.trim_start_matches('/');
        let name_end = trimmed
            .find(|c: char| c.is_whitespace() || c == '/')
            .unwrap_or(trimmed.len());
        let name = &trimmed[..name_end];
        assert!(TAGS.contains(&name), "<{tag}> is not a tag labkit writes");
        for (attribute, value) in attributes(&trimmed[name_end..]) {
            let squeezed: String = value
                .chars()
                .filter(|c| !c.is_whitespace() && !c.is_control())
                .collect();
            assert!(!attribute.starts_with("on"), "event handler in <{tag}>");
            assert!(!squeezed.contains("javascript:"), "script link in <{tag}>");
            assert!(
                !matches!(
                    attribute.as_str(),
                    "src" | "srcdoc" | "action" | "formaction"
                ),
                "a source in <{tag}>"
            );
            if attribute == "href" {
                assert!(value.starts_with('#'), "a link out of the page in <{tag}>");
            }
        }
    }
}

/// Every XML part of a Word file is well-formed, with only XML 1.0 characters.
pub fn check_docx(docx: &[u8]) {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip");
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    assert!(names.iter().any(|n| n == "word/document.xml"), "{names:?}");
    for name in names
        .iter()
        .filter(|n| n.ends_with(".xml") || n.ends_with(".rels"))
    {
        let mut xml = String::new();
        zip.by_name(name)
            .expect("listed")
            .read_to_string(&mut xml)
            .unwrap_or_else(|e| panic!("{name} is not UTF-8: {e}"));
        crate::untrusted_text::read_xml(&xml);
    }
}

/// Renders a session of `method` with its template in both languages and every format, and
/// checks the HTML and the Word file.
pub fn render_checked(method: &Method, session: &Session) {
    let template = labkit::report::find_template(None, &method.id, &[], Path::new(".")).unwrap();
    for lang in Lang::ALL {
        let rendered = labkit::report::render(method, session, &template, lang)
            .unwrap_or_else(|e| panic!("an accepted session does not render: {e}"));
        let _ = rendered.to_markdown();
        check_html(&rendered.to_html());
        if lang == Lang::En {
            check_docx(&rendered.to_docx().expect("a Word file"));
        }
    }
}

/// The lines of `text` as CommonMark ends them: LF, CR LF or a bare CR.
fn lines(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(end) = rest.find(['\r', '\n']) {
        out.push(&rest[..end]);
        rest = &rest[end
            + if rest[end..].starts_with("\r\n") {
                2
            } else {
                1
            }..];
    }
    out.push(rest);
    out
}

/// What a reader sees of `typed` in a paragraph or a list item: each line trimmed, blank
/// lines at either end dropped, line breaks kept.
fn as_paragraph(typed: &str) -> String {
    let lines: Vec<&str> = lines(typed).into_iter().map(str::trim).collect();
    let first = lines.iter().position(|l| !l.is_empty());
    let last = lines.iter().rposition(|l| !l.is_empty());
    match (first, last) {
        (Some(first), Some(last)) => lines[first..=last].join("\n"),
        _ => String::new(),
    }
}

/// What a reader sees of `typed` in a table cell: one line.
fn as_cell(typed: &str) -> String {
    lines(typed).join(" ").trim().to_owned()
}

/// The text under each heading of a Markdown document: paragraphs, list items and table cells,
/// in order (a hard break is a line break).
fn sections(markdown: &str) -> Vec<(String, Vec<String>)> {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut out: Vec<(String, Vec<String>)> = vec![(String::new(), Vec::new())];
    let mut heading: Option<String> = None;
    let mut block = String::new();
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Start(Tag::Heading { .. }) => heading = Some(String::new()),
            Event::End(TagEnd::Heading(_)) => {
                out.push((heading.take().unwrap_or_default(), Vec::new()));
            }
            Event::Text(t) | Event::Code(t) => match &mut heading {
                Some(h) => h.push_str(&t),
                None => block.push_str(&t),
            },
            Event::HardBreak => block.push('\n'),
            Event::SoftBreak => block.push(' '),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell) => {
                let text = std::mem::take(&mut block);
                if let Some((_, blocks)) = out.last_mut()
                    && !text.is_empty()
                {
                    blocks.push(text);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => {
                panic!("raw HTML {h:?} in the Markdown:\n{markdown}")
            }
            _ => {}
        }
    }
    out
}

fn section<'a>(sections: &'a [(String, Vec<String>)], heading: &str) -> &'a [String] {
    sections
        .iter()
        .find(|(h, _)| h.starts_with(heading))
        .map(|(_, blocks)| blocks.as_slice())
        .unwrap_or_else(|| panic!("no section `{heading}` in {sections:#?}"))
}

/// The hostile answers of one case.
#[derive(Debug, Clone)]
struct Typed {
    challenge: String,
    context: String,
    ideas: Vec<String>,
    people: Vec<String>,
    facilitator: String,
}

fn typed() -> impl Strategy<Value = Typed> {
    (
        hostile_text(),
        hostile_text(),
        prop::collection::vec(hostile_text(), 1..5),
        prop::collection::vec(hostile_text(), 0..3),
        hostile_text(),
    )
        .prop_map(|(challenge, context, ideas, people, facilitator)| Typed {
            // The challenge must have 3 to 200 characters; a prefix keeps most cases valid.
            challenge: format!("ch {challenge}"),
            context,
            ideas,
            people,
            facilitator,
        })
}

fn answers(typed: &Typed) -> Mapping {
    let strings =
        |items: &[String]| Value::Sequence(items.iter().map(|s| Value::from(s.as_str())).collect());
    let mut order: Vec<String> = typed.ideas.clone();
    order.reverse();
    let people: Vec<Value> = typed
        .people
        .iter()
        .map(|name| {
            let mut row = Mapping::new();
            row.insert("name".into(), Value::from(name.as_str()));
            row.insert("interest".into(), Value::from(3));
            Value::Mapping(row)
        })
        .collect();
    let mut answers = Mapping::new();
    answers.insert("challenge".into(), Value::from(typed.challenge.as_str()));
    answers.insert("context".into(), Value::from(typed.context.as_str()));
    answers.insert("channels".into(), strings(&["web".to_owned()]));
    answers.insert("confidence".into(), Value::from(3));
    answers.insert("ideas".into(), strings(&typed.ideas));
    if !people.is_empty() {
        answers.insert("people".into(), Value::Sequence(people));
    }
    answers.insert("votes".into(), Value::Mapping(Mapping::new()));
    answers.insert("matrix".into(), Value::Mapping(Mapping::new()));
    answers.insert("order".into(), strings(&order));
    answers
}

/// Fills, renders and reads back one case; `false` when `run` would refuse the answers.
fn check(typed: Typed) -> bool {
    let method = every_type();
    let Some(mut session) = crate::report_variations::accept(&method, &answers(&typed)) else {
        return false;
    };
    session.facilitator = Some(typed.facilitator.clone());
    let template = labkit::report::find_template(None, "every-type", &[], Path::new(".")).unwrap();
    let rendered = labkit::report::render(&method, &session, &template, Lang::En)
        .unwrap_or_else(|e| panic!("an accepted session does not render: {e}"));
    let markdown = rendered.to_markdown();
    let found = sections(&markdown);
    let context_blocks = section(&found, "Describe the context");
    let challenge = section(&found, "What is the challenge?");
    assert_eq!(
        challenge,
        [as_paragraph(&typed.challenge)],
        "challenge:\n{markdown}"
    );
    let context = as_paragraph(&typed.context);
    if context.is_empty() {
        assert!(
            context_blocks.is_empty(),
            "context: {context_blocks:?}\n{markdown}"
        );
    } else {
        assert_eq!(context_blocks, [context], "context:\n{markdown}");
    }
    let ideas: Vec<String> = typed.ideas.iter().map(|i| as_paragraph(i)).collect();
    assert_eq!(section(&found, "Ideas for"), ideas, "ideas:\n{markdown}");
    let mut order = ideas.clone();
    order.reverse();
    assert_eq!(
        section(&found, "Rank the ideas"),
        order,
        "ranking:\n{markdown}"
    );
    if !typed.people.is_empty() {
        let cells = section(&found, "Stakeholders");
        for name in &typed.people {
            let shown = as_cell(name);
            assert!(
                shown.is_empty() || cells.contains(&shown),
                "stakeholder {shown:?} not in {cells:?}:\n{markdown}"
            );
        }
    }
    check_html(&rendered.to_html());
    check_docx(&rendered.to_docx().expect("a Word file"));
    true
}

#[test]
fn corpus_hostile_answers_read_as_typed_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let mut accepted = Vec::new();
    for (name, bytes) in hostile("answers") {
        let file = dir.path().join(&name);
        std::fs::write(&file, &bytes).unwrap();
        let Ok(answers) = labkit::session::load_answers(&file) else {
            continue;
        };
        let what = format!("render {name}");
        let done = guarded(&what, move || {
            let method = every_type();
            let session = crate::report_variations::accept(&method, &answers)?;
            render_checked(&method, &session);
            Some(())
        });
        if done.is_some() {
            accepted.push(name);
        }
    }
    for name in [
        "markdown-injection.yaml",
        "html-injection.yaml",
        "control-characters.yaml",
        "raw-cr.yaml",
        "templates-in-answers.yaml",
        "unicode.yaml",
        "long-lines.yaml",
    ] {
        assert!(
            accepted.iter().any(|a| a == name),
            "{name} is refused; accepted: {accepted:?}"
        );
    }
}

#[test]
fn fuzz_answer_to_report() {
    let accepted = std::cell::Cell::new(0u32);
    fuzz("answer_to_report", 48, typed(), |typed| {
        if guarded("answer to report", move || check(typed)) {
            accepted.set(accepted.get() + 1);
        }
        Ok(())
    });
    assert!(
        accepted.get() >= 10,
        "only {} cases accepted",
        accepted.get()
    );
    eprintln!(
        "fuzz answer_to_report: {} cases accepted by run and read back",
        accepted.get()
    );
}
