//! Markdown → Word (.docx) with docx-rs: headings, paragraphs, emphasis, lists, tables. Charts
//! arrive already turned into tables.
//!
//! The body is streamed: each paragraph and table row is built by docx-rs and turned into its
//! XML as soon as it is complete, then dropped, so memory follows the size of the output, not
//! docx-rs's model of the whole document (a `Paragraph` weighs several KB before it holds any
//! text: a 5 MB session of short ideas took 1.2 GB and 5.8 s as one `Docx`). docx-rs still
//! writes every element and the package around them (styles, numbering, relationships, zip);
//! the body goes into the `document.xml` it builds for an empty document.
//!
//! A Word file is XML, and XML 1.0 has no way to write most control characters (VT, ESC, FF,
//! U+FFFE…): one of them in an answer makes `word/document.xml` malformed and Word calls the
//! file corrupt. So every text enters the document through [`text`], which passes
//! [`xml_safe`]; nothing here calls `Run::add_text` directly.

use std::borrow::Cow;

use docx_rs::{
    AbstractNumbering, AlignmentType, BuildXML, Docx, IndentLevel, Level, LevelJc, LevelText,
    NumberFormat, Numbering, NumberingId, Paragraph, Run, SpecialIndentType, Start, Style,
    StyleType, Table, TableCell, TableRow,
};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::{ReportError, TitleBlock};

const BULLETS: usize = 1;
const NUMBERS: usize = 2;

struct Builder {
    /// `document.xml` so far: the head of docx-rs's empty document, then the body's XML.
    body: Vec<u8>,
    paragraph: Option<Paragraph>,
    bold: bool,
    italic: bool,
    lists: Vec<usize>,
    /// The XML of the rows of the table being read.
    table: Option<Vec<u8>>,
    row: Vec<TableCell>,
    in_cell: bool,
    heading: Option<HeadingLevel>,
}

impl Builder {
    fn run(&self, text: &str) -> Run {
        let mut run = self::text(text);
        if self.bold || self.heading.is_some() {
            run = run.bold();
        }
        if self.italic {
            run = run.italic();
        }
        run
    }

    fn push_text(&mut self, text: &str) {
        let run = self.run(text);
        let paragraph = self.paragraph.take().unwrap_or_default();
        self.paragraph = Some(paragraph.add_run(run));
    }

    fn finish_paragraph(&mut self) {
        let Some(p) = self.paragraph.take() else {
            return;
        };
        if self.in_cell {
            let cell = TableCell::new().add_paragraph(p);
            self.row.push(cell);
        } else {
            self.add(&p);
        }
    }

    /// Writes a finished paragraph or table into the body.
    fn add(&mut self, element: &impl BuildXML) {
        self.body.extend_from_slice(&element.build());
    }

    /// Writes a table around the XML of its rows.
    fn add_table(&mut self, rows: &[u8]) -> Result<(), ReportError> {
        // docx-rs writes a table's properties and grid, then its rows, then `</w:tbl>`.
        let empty = Table::new(Vec::new()).build();
        let close = b"</w:tbl>";
        let head = empty
            .strip_suffix(close)
            .ok_or_else(|| ReportError::Docx("unexpected table XML from docx-rs".into()))?;
        self.body.extend_from_slice(head);
        self.body.extend_from_slice(rows);
        self.body.extend_from_slice(close);
        Ok(())
    }
}

/// `document.xml` of an empty document, cut after `<w:body>`: the head and the tail that the
/// body goes between.
fn split_document(document: &[u8]) -> Result<(&[u8], &[u8]), ReportError> {
    let open = b"<w:body>";
    let at = document
        .windows(open.len())
        .position(|w| w == open)
        .ok_or_else(|| ReportError::Docx("unexpected document XML from docx-rs".into()))?
        + open.len();
    Ok(document.split_at(at))
}

fn style_id(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "Heading1",
        HeadingLevel::H2 => "Heading2",
        _ => "Heading3",
    }
}

pub fn document(markdown: &str, title: &TitleBlock) -> Result<Vec<u8>, ReportError> {
    let docx = Docx::new()
        .add_style(
            Style::new("Title", StyleType::Paragraph)
                .name("Title")
                .size(44)
                .bold(),
        )
        .add_style(
            Style::new("Heading1", StyleType::Paragraph)
                .name("Heading 1")
                .size(36)
                .bold(),
        )
        .add_style(
            Style::new("Heading2", StyleType::Paragraph)
                .name("Heading 2")
                .size(30)
                .bold()
                .color("1F5FA8"),
        )
        .add_style(
            Style::new("Heading3", StyleType::Paragraph)
                .name("Heading 3")
                .size(26)
                .bold(),
        )
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(720),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .add_abstract_numbering(
            AbstractNumbering::new(NUMBERS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("decimal"),
                    LevelText::new("%1."),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(720),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(NUMBERS, NUMBERS));

    // The package is built now, for an empty document; the body is written into its
    // `document.xml` as the Markdown is read.
    let mut docx = docx;
    // docx-rs links `numbering.xml` only when its own document has a list; this one's lists
    // are written past it, so the link is always made (harmless where there is no list).
    docx.document_rels.has_numberings = true;
    let mut package = docx.build();
    let document = std::mem::take(&mut package.document);
    let (head, tail) = split_document(&document)?;
    let mut b = Builder {
        body: Vec::with_capacity(markdown.len() * 4),
        paragraph: None,
        bold: false,
        italic: false,
        lists: Vec::new(),
        table: None,
        row: Vec::new(),
        in_cell: false,
        heading: None,
    };
    b.body.extend_from_slice(head);

    // The title block.
    if let Some(draft) = &title.draft {
        b.add(&Paragraph::new().add_run(text(draft).bold().color("9A3B00")));
    }
    b.add(&Paragraph::new().add_run(text(&title.kicker).size(20).color("1F5FA8")));
    b.add(&Paragraph::new().add_run(text(&title.title)).style("Title"));
    b.add(&Paragraph::new().add_run(text(&title.subtitle).italic()));
    for (label, value) in &title.facts {
        b.add(
            &Paragraph::new()
                .add_run(text(&format!("{label}: ")).bold())
                .add_run(text(value)),
        );
    }

    for event in Parser::new_ext(
        markdown,
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                b.heading = Some(level);
                b.paragraph = Some(Paragraph::new().style(style_id(level)));
            }
            Event::End(TagEnd::Heading(_)) => {
                b.finish_paragraph();
                b.heading = None;
            }
            Event::Start(Tag::Paragraph) if b.paragraph.is_none() => {
                let mut p = Paragraph::new();
                if let Some(&kind) = b.lists.last() {
                    p = p.numbering(NumberingId::new(kind), IndentLevel::new(0));
                }
                b.paragraph = Some(p);
            }
            Event::End(TagEnd::Paragraph) => b.finish_paragraph(),
            Event::Start(Tag::List(first)) => {
                b.lists
                    .push(if first.is_some() { NUMBERS } else { BULLETS })
            }
            Event::End(TagEnd::List(_)) => {
                b.lists.pop();
            }
            Event::Start(Tag::Item) => {
                let kind = b.lists.last().copied().unwrap_or(BULLETS);
                b.paragraph =
                    Some(Paragraph::new().numbering(NumberingId::new(kind), IndentLevel::new(0)));
            }
            Event::End(TagEnd::Item) => b.finish_paragraph(),
            Event::Start(Tag::Strong) => b.bold = true,
            Event::End(TagEnd::Strong) => b.bold = false,
            Event::Start(Tag::Emphasis) => b.italic = true,
            Event::End(TagEnd::Emphasis) => b.italic = false,
            Event::Start(Tag::Table(_)) => b.table = Some(Vec::new()),
            Event::End(TagEnd::Table) => {
                if let Some(rows) = b.table.take() {
                    b.add_table(&rows)?;
                    b.add(&Paragraph::new());
                }
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => b.row = Vec::new(),
            Event::End(TagEnd::TableHead | TagEnd::TableRow) => {
                let cells = std::mem::take(&mut b.row);
                if let Some(rows) = b.table.as_mut() {
                    rows.extend_from_slice(&TableRow::new(cells).build());
                }
            }
            Event::Start(Tag::TableCell) => {
                b.in_cell = true;
                b.paragraph = Some(Paragraph::new());
            }
            Event::End(TagEnd::TableCell) => {
                if b.paragraph.is_none() {
                    b.paragraph = Some(Paragraph::new());
                }
                b.finish_paragraph();
                b.in_cell = false;
            }
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                b.push_text(&text)
            }
            Event::SoftBreak => b.push_text(" "),
            Event::HardBreak => {
                let p = b.paragraph.take().unwrap_or_default();
                b.paragraph =
                    Some(p.add_run(Run::new().add_break(docx_rs::BreakType::TextWrapping)));
            }
            Event::Rule => b.add(
                &Paragraph::new()
                    .align(AlignmentType::Center)
                    .add_run(text("⁂")),
            ),
            _ => {}
        }
    }
    b.finish_paragraph();
    b.add(&Paragraph::new().add_run(text(&title.footer).size(16).color("5B6475")));
    b.body.extend_from_slice(tail);
    package.document = b.body;
    let mut bytes = Vec::new();
    package
        .pack(std::io::Cursor::new(&mut bytes))
        .map_err(|e| ReportError::Docx(e.to_string()))?;
    Ok(bytes)
}

/// The XML sanitiser: every character XML 1.0 cannot hold (anything but tab, LF, CR,
/// U+0020–U+D7FF, U+E000–U+FFFD and U+10000–U+10FFFF) becomes U+FFFD, so the reader sees that
/// something was there. Borrows when nothing changes.
pub fn xml_safe(text: &str) -> Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
            || c >= '\u{10000}'
    };
    if text.chars().all(allowed) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
            .collect(),
    )
}

/// A run of text, the one way text enters the document.
fn text(text: &str) -> Run {
    Run::new().add_text(xml_safe(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_xml_cannot_hold_become_replacement_characters() {
        assert_eq!(
            xml_safe("VT\u{b} ESC\u{1b} SOH\u{1} FF\u{c} \u{FFFE}\u{FFFF} NUL\0"),
            "VT\u{FFFD} ESC\u{FFFD} SOH\u{FFFD} FF\u{FFFD} \u{FFFD}\u{FFFD} NUL\u{FFFD}"
        );
        let allowed = "tab\t lf\n cr\r é \u{D7FF}\u{E000}\u{FFFD} 😀 \u{10FFFF} <&>";
        assert!(matches!(xml_safe(allowed), Cow::Borrowed(_)));
    }
}
