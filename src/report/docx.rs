//! Markdown → the body of a Word (.docx) document: headings, paragraphs, emphasis, lists,
//! tables, charts; the package around it (styles, numbering, properties, zip) is
//! [`super::ooxml`]. A chart (a `labkit-chart` block) becomes a picture, the SVG of the HTML
//! report drawn by [`super::raster`], with its table beneath it for screen readers (unless the
//! template prints that table itself, `table=false`).
//!
//! The body is written as WordprocessingML text straight into `document.xml`, each element in
//! the schema's order (`pStyle` before `numPr` before `ind`, `ilvl` before `numId`, `b` before
//! `i` before `color` before `sz`); why no model library, see [`super::ooxml`]. Only the rows
//! of the table being read are held, so memory follows the size of the output.
//!
//! Lists: every bullet list uses num 1; each numbered list gets a num of its own that restarts
//! at its first number, so a list never carries on from the one before. Table header rows are
//! marked `tblHeader` (repeated on each page), bold and shaded, and columns are as wide as
//! their longest cell suggests.
//!
//! A Word file is XML, and XML 1.0 has no way to write most control characters (VT, ESC, FF,
//! U+FFFE…): one of them in an answer makes `word/document.xml` malformed and Word calls the
//! file corrupt. So every text enters the document through [`Builder::push_text`] or [`run`],
//! which pass [`xml_safe`].

use std::borrow::Cow;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::charts;
use super::lang_marks;
use super::markdown::{CHART_FENCE, figure_only, line_runs_on, read_chart};
use super::ooxml::{self, ListStart};
use super::raster::Rasteriser;
use super::{ReportError, TitleBlock};

/// How a run looks.
#[derive(Clone, Copy, Default)]
struct Look<'a> {
    bold: bool,
    italic: bool,
    /// Half-points.
    size: Option<u32>,
    color: Option<&'a str>,
    /// The language of a part in another language than the document's (`w:lang`).
    lang: Option<&'a str>,
}

/// Writes a run of text, the one way text enters the document.
fn run(out: &mut String, text: &str, look: Look) {
    out.push_str("<w:r>");
    if look.bold
        || look.italic
        || look.size.is_some()
        || look.color.is_some()
        || look.lang.is_some()
    {
        out.push_str("<w:rPr>");
        if look.bold {
            out.push_str("<w:b/><w:bCs/>");
        }
        if look.italic {
            out.push_str("<w:i/><w:iCs/>");
        }
        if let Some(color) = look.color {
            out.push_str(&format!(r#"<w:color w:val="{color}"/>"#));
        }
        if let Some(size) = look.size {
            out.push_str(&format!(
                r#"<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#
            ));
        }
        if let Some(lang) = look.lang {
            out.push_str(r#"<w:lang w:val=""#);
            ooxml::escape(lang, out);
            out.push_str(r#""/>"#);
        }
        out.push_str("</w:rPr>");
    }
    out.push_str(r#"<w:t xml:space="preserve">"#);
    ooxml::escape(&xml_safe(text), out);
    out.push_str("</w:t></w:r>");
}

/// A paragraph being read: its properties (already in schema order) and its runs.
#[derive(Default)]
struct Para {
    properties: String,
    runs: String,
}

impl Para {
    fn styled(style: &str) -> Para {
        Para {
            properties: format!(r#"<w:pStyle w:val="{style}"/>"#),
            runs: String::new(),
        }
    }

    fn write(&self, out: &mut String) {
        out.push_str("<w:p>");
        if !self.properties.is_empty() {
            out.push_str("<w:pPr>");
            out.push_str(&self.properties);
            out.push_str("</w:pPr>");
        }
        out.push_str(&self.runs);
        out.push_str("</w:p>");
    }
}

struct Row {
    header: bool,
    /// Each cell's paragraphs.
    cells: Vec<String>,
}

#[derive(Default)]
struct TableBuf {
    rows: Vec<Row>,
    /// The longest text in each column, in characters.
    longest: Vec<usize>,
}

struct Builder {
    /// `document.xml` so far.
    body: String,
    paragraph: Option<Para>,
    bold: bool,
    italic: bool,
    /// The num id of each open list, outermost first; the depth is the level.
    lists: Vec<usize>,
    /// How each numbered list of the document starts, in order.
    numbered: Vec<ListStart>,
    table: Option<TableBuf>,
    row: Vec<String>,
    /// Characters in the cell being read.
    cell_chars: usize,
    in_head: bool,
    in_cell: bool,
    /// The JSON of the chart block being read.
    chart: Option<String>,
    /// Drawn only once a chart comes: a document without one never loads the font.
    raster: Option<Rasteriser>,
    /// The PNG of each picture, in order.
    pictures: Vec<Vec<u8>>,
    /// The language of answers marked as parts in another language ([`lang_marks`]), and
    /// whether the text being read is inside one.
    answers_lang: Option<String>,
    in_part: bool,
    /// The current line of text, since the last break (see `markdown::line_runs_on`).
    line: String,
}

impl Builder {
    fn push_text(&mut self, text: &str) {
        let look = Look {
            bold: self.bold || self.in_head,
            italic: self.italic,
            ..Look::default()
        };
        let plain = lang_marks::strip(text);
        self.line.push_str(&plain);
        if self.in_cell {
            self.cell_chars += plain.chars().count();
        }
        let paragraph = self.paragraph.get_or_insert_with(Para::default);
        match &self.answers_lang {
            Some(code) if plain.len() != text.len() || self.in_part => {
                for (piece, marked) in lang_marks::pieces(text, &mut self.in_part) {
                    let lang = marked.then_some(code.as_str());
                    run(&mut paragraph.runs, piece, Look { lang, ..look });
                }
            }
            _ => run(&mut paragraph.runs, &plain, look),
        }
    }

    fn finish_paragraph(&mut self) {
        // A part in another language never runs on into the next paragraph.
        self.in_part = false;
        self.line.clear();
        let Some(p) = self.paragraph.take() else {
            return;
        };
        if self.in_cell {
            let mut cell = String::new();
            p.write(&mut cell);
            self.row.push(cell);
        } else {
            p.write(&mut self.body);
        }
    }

    /// A paragraph inside a list item after its first: indented with the item, no number.
    fn continuation(&self) -> Para {
        let mut p = Para::styled("ListParagraph");
        p.properties
            .push_str(&format!(r#"<w:ind w:left="{}"/>"#, 720 * self.lists.len()));
        p
    }

    fn finish_row(&mut self) {
        let cells = std::mem::take(&mut self.row);
        if let Some(table) = self.table.as_mut() {
            table.rows.push(Row {
                header: self.in_head,
                cells,
            });
        }
    }

    fn finish_cell(&mut self) {
        if self.paragraph.is_none() {
            self.paragraph = Some(Para::default());
        }
        self.finish_paragraph();
        let column = self.row.len().saturating_sub(1);
        if let Some(table) = self.table.as_mut() {
            if table.longest.len() <= column {
                table.longest.resize(column + 1, 0);
            }
            table.longest[column] = table.longest[column].max(self.cell_chars);
        }
        self.cell_chars = 0;
        self.in_cell = false;
    }

    fn write_table(&mut self, table: &TableBuf) {
        let columns = table.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
        if columns == 0 {
            return;
        }
        let widths = column_widths(&table.longest, columns, ooxml::TEXT_WIDTH);
        let total: u32 = widths.iter().sum();
        let out = &mut self.body;
        out.push_str(&format!(
            r#"<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="{total}" w:type="dxa"/><w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr><w:tblGrid>"#
        ));
        for w in &widths {
            out.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
        }
        out.push_str("</w:tblGrid>");
        for row in &table.rows {
            out.push_str("<w:tr><w:trPr><w:cantSplit/>");
            if row.header {
                out.push_str("<w:tblHeader/>");
            }
            out.push_str("</w:trPr>");
            for (n, w) in widths.iter().enumerate() {
                out.push_str(&format!(r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>"#));
                if row.header {
                    out.push_str(r#"<w:shd w:val="clear" w:color="auto" w:fill="E8EEF7"/>"#);
                }
                out.push_str("</w:tcPr>");
                // A cell holds at least one paragraph.
                match row.cells.get(n) {
                    Some(cell) => out.push_str(cell),
                    None => out.push_str("<w:p/>"),
                }
                out.push_str("</w:tc>");
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
    }

    /// A chart block has been read: its picture (the SVG of the HTML report, drawn), then its
    /// table for screen readers and for anyone who wants the numbers, unless the template
    /// prints that table itself (`table=false`). A block that is not a chart stays as text.
    fn finish_chart(&mut self) {
        let Some(json) = self.chart.take() else {
            return;
        };
        // The picture is drawn from the labels without their language marks; the table beneath
        // keeps them, so an answer in another language is tagged there (`w:lang`).
        let Some((chart, drawn)) = read_chart(&json) else {
            self.push_text(&json);
            self.finish_paragraph();
            return;
        };
        let raster = self.raster.get_or_insert_with(Rasteriser::new);
        if let Some(picture) = raster.picture(&charts::svg(&drawn)) {
            ooxml::picture(
                &mut self.body,
                self.pictures.len(),
                (picture.width, picture.height),
                chart.title(),
            );
            self.pictures.push(picture.png);
        }
        if !figure_only(&json) {
            for event in Parser::new_ext(&chart.data_table(), OPTIONS) {
                self.handle(event);
            }
        }
    }

    /// Reads one Markdown event into the document.
    fn handle(&mut self, event: Event) {
        let plain = Look::default();
        if let Some(json) = self.chart.as_mut() {
            match event {
                Event::Text(text) => json.push_str(&text),
                Event::End(TagEnd::CodeBlock) => self.finish_chart(),
                _ => {}
            }
            return;
        }
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(info)))
                if info.as_ref() == CHART_FENCE =>
            {
                self.finish_paragraph();
                self.chart = Some(String::new());
            }
            Event::Start(Tag::Heading { level, .. }) => {
                self.finish_paragraph();
                self.paragraph = Some(Para::styled(style_id(level)));
            }
            Event::End(TagEnd::Heading(_)) => self.finish_paragraph(),
            Event::Start(Tag::Paragraph) if self.paragraph.is_none() => {
                self.paragraph = Some(if self.lists.is_empty() {
                    Para::default()
                } else {
                    self.continuation()
                });
            }
            Event::End(TagEnd::Paragraph) => self.finish_paragraph(),
            Event::Start(Tag::List(first)) => {
                // The text of the item this list is nested in, if any, comes first.
                self.finish_paragraph();
                let num = match first {
                    Some(first) => {
                        self.numbered.push(ListStart {
                            level: self.lists.len(),
                            first,
                        });
                        ooxml::numbered_num(self.numbered.len() - 1)
                    }
                    None => ooxml::BULLET_NUM,
                };
                self.lists.push(num);
            }
            Event::End(TagEnd::List(_)) => {
                self.finish_paragraph();
                self.lists.pop();
            }
            Event::Start(Tag::Item) => {
                self.finish_paragraph();
                let num = self.lists.last().copied().unwrap_or(ooxml::BULLET_NUM);
                let mut p = Para::styled("ListParagraph");
                p.properties.push_str(&format!(
                    r#"<w:numPr><w:ilvl w:val="{}"/><w:numId w:val="{num}"/></w:numPr>"#,
                    self.lists.len().saturating_sub(1)
                ));
                self.paragraph = Some(p);
            }
            Event::End(TagEnd::Item) => self.finish_paragraph(),
            Event::Start(Tag::Strong) => self.bold = true,
            Event::End(TagEnd::Strong) => self.bold = false,
            Event::Start(Tag::Emphasis) => self.italic = true,
            Event::End(TagEnd::Emphasis) => self.italic = false,
            Event::Start(Tag::Table(_)) => {
                self.finish_paragraph();
                self.table = Some(TableBuf::default());
            }
            Event::End(TagEnd::Table) => {
                if let Some(table) = self.table.take() {
                    self.write_table(&table);
                    Para::default().write(&mut self.body);
                }
            }
            Event::Start(Tag::TableHead) => {
                self.in_head = true;
                self.row = Vec::new();
            }
            Event::End(TagEnd::TableHead) => {
                self.finish_row();
                self.in_head = false;
            }
            Event::Start(Tag::TableRow) => self.row = Vec::new(),
            Event::End(TagEnd::TableRow) => self.finish_row(),
            Event::Start(Tag::TableCell) => {
                self.in_cell = true;
                self.cell_chars = 0;
                self.paragraph = Some(Para::default());
            }
            Event::End(TagEnd::TableCell) => self.finish_cell(),
            Event::Text(text) | Event::Code(text) | Event::Html(text) | Event::InlineHtml(text) => {
                self.push_text(&text)
            }
            Event::SoftBreak => self.push_text(" "),
            // A line break typed in an answer: a hand-wrapped line runs on; any other starts a
            // new paragraph (a line break inside a table cell or a list item).
            Event::HardBreak if line_runs_on(&self.line) => {
                self.push_text(" ");
                self.line.clear();
            }
            Event::HardBreak
                if !self.in_cell && self.lists.is_empty() && self.paragraph.is_some() =>
            {
                let properties = self.paragraph.as_ref().map(|p| p.properties.clone());
                self.finish_paragraph();
                self.paragraph = Some(Para {
                    properties: properties.unwrap_or_default(),
                    runs: String::new(),
                });
            }
            Event::HardBreak => {
                let p = self.paragraph.get_or_insert_with(Para::default);
                p.runs.push_str("<w:r><w:br/></w:r>");
                self.line.clear();
            }
            Event::Rule => {
                self.finish_paragraph();
                let mut p = Para {
                    properties: r#"<w:jc w:val="center"/>"#.into(),
                    runs: String::new(),
                };
                run(&mut p.runs, "⁂", plain);
                p.write(&mut self.body);
            }
            _ => {}
        }
    }
}

/// Column widths (twentieths of a point) from each column's longest text: a column gets what
/// its text needs at about 7.5 pt a character (bold, in a wide fallback font such as DejaVu
/// Sans where Calibri is missing) when that is no more than an equal share;
/// the others split what is left by their length. The table is never wider than `room`.
fn column_widths(longest: &[usize], columns: usize, room: u32) -> Vec<u32> {
    const PER_CHAR: u32 = 150;
    const MARGINS: u32 = 216;
    let need: Vec<u32> = (0..columns)
        .map(|n| {
            let chars = longest.get(n).copied().unwrap_or(0).clamp(3, 400) as u32;
            chars * PER_CHAR + MARGINS
        })
        .collect();
    let sum: u32 = need.iter().sum();
    if sum <= room {
        return need;
    }
    let share = room / columns as u32;
    let narrow: u32 = need.iter().filter(|&&w| w <= share).sum();
    let wide: u32 = need.iter().filter(|&&w| w > share).sum();
    let left = room.saturating_sub(narrow);
    need.iter()
        .map(|&w| {
            if w <= share {
                w
            } else {
                (u64::from(w) * u64::from(left) / u64::from(wide.max(1))) as u32
            }
        })
        .collect()
}

fn style_id(level: HeadingLevel) -> &'static str {
    match level {
        HeadingLevel::H1 => "Heading1",
        HeadingLevel::H2 => "Heading2",
        _ => "Heading3",
    }
}

/// The headings a table of contents lists: levels 2 and 3, as (level, text).
fn headings(markdown: &str) -> Vec<(u8, String)> {
    let mut out = Vec::new();
    let mut open: Option<(u8, String)> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = match level {
                    HeadingLevel::H2 => 2,
                    HeadingLevel::H3 => 3,
                    _ => continue,
                };
                open = Some((level, String::new()));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = &mut open {
                    text.push_str(&lang_marks::strip(&t));
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = open.take() {
                    out.push(h);
                }
            }
            _ => {}
        }
    }
    out
}

/// A table of contents when the report has four sections or more, as Word writes one: a
/// `TOC` field over the Heading 1–3 styles, whose result (the headings, indented by level) is
/// written here too, so every reader shows the contents before anyone updates the field (Word
/// adds page numbers when it does: F9, or on printing).
fn contents(body: &mut String, markdown: &str, lang: &str) {
    let headings = headings(markdown);
    if headings.iter().filter(|(level, _)| *level == 2).count() < 4 {
        return;
    }
    let lang = crate::lang::Lang::parse(lang).unwrap_or(crate::lang::Lang::En);
    let mut p = Para::default();
    let bold = Look {
        bold: true,
        ..Look::default()
    };
    run(&mut p.runs, crate::i18n::t(lang, "report.toc"), bold);
    p.write(body);
    let last = headings.len() - 1;
    for (i, (level, text)) in headings.iter().enumerate() {
        let indent = if *level == 3 { 480 } else { 0 };
        body.push_str(&format!(
            r#"<w:p><w:pPr><w:spacing w:before="0" w:after="40"/><w:ind w:left="{indent}"/></w:pPr>"#
        ));
        if i == 0 {
            body.push_str(r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> TOC \o "1-3" \h \z \u </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#);
        }
        run(body, text, Look::default());
        if i == last {
            body.push_str(r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#);
        }
        body.push_str("</w:p>");
    }
}

const OPTIONS: Options = Options::ENABLE_TABLES.union(Options::ENABLE_STRIKETHROUGH);

pub fn document(markdown: &str, title: &TitleBlock) -> Result<Vec<u8>, ReportError> {
    let mut b = Builder {
        body: String::with_capacity(markdown.len() * 4 + 4096),
        paragraph: None,
        bold: false,
        italic: false,
        lists: Vec::new(),
        numbered: Vec::new(),
        table: None,
        row: Vec::new(),
        cell_chars: 0,
        in_head: false,
        in_cell: false,
        chart: None,
        raster: None,
        pictures: Vec::new(),
        answers_lang: title.answers_lang.as_deref().map(ooxml::language_tag),
        in_part: false,
        line: String::new(),
    };
    b.body.push_str(&ooxml::document_head());

    // The title block.
    let plain = Look::default();
    if let Some(draft) = &title.draft {
        let mut p = Para::default();
        let look = Look {
            bold: true,
            color: Some("9A3B00"),
            ..plain
        };
        run(&mut p.runs, draft, look);
        p.write(&mut b.body);
    }
    let mut p = Para::default();
    let kicker = Look {
        size: Some(20),
        color: Some("1F5FA8"),
        ..plain
    };
    run(&mut p.runs, &title.kicker, kicker);
    p.write(&mut b.body);
    let mut p = Para::styled("Title");
    run(&mut p.runs, &title.title, plain);
    p.write(&mut b.body);
    let mut p = Para::default();
    let italic = Look {
        italic: true,
        ..plain
    };
    run(&mut p.runs, &title.subtitle, italic);
    p.write(&mut b.body);
    for (label, value) in &title.facts {
        let mut p = Para::default();
        let bold = Look {
            bold: true,
            ..plain
        };
        run(&mut p.runs, &format!("{label}: "), bold);
        run(&mut p.runs, value, plain);
        p.write(&mut b.body);
    }

    contents(&mut b.body, markdown, &title.lang);

    for event in Parser::new_ext(markdown, OPTIONS) {
        b.handle(event);
    }
    b.finish_paragraph();
    let mut p = Para::default();
    let small = Look {
        size: Some(16),
        color: Some("5B6475"),
        ..plain
    };
    run(&mut p.runs, &title.footer, small);
    p.write(&mut b.body);
    b.body.push_str(ooxml::document_tail());

    let language = ooxml::language_tag(&title.lang);
    let language = language.as_str();
    ooxml::pack(&ooxml::Package {
        document: b.body.as_bytes(),
        properties: ooxml::Properties {
            title: &title.title,
            subject: &title.subtitle,
            author: title.author.as_deref(),
            company: title.lab.as_deref(),
            language,
            created: &title.created,
            modified: &title.modified,
        },
        numbered_lists: &b.numbered,
        images: &b.pictures,
    })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_sections_or_more_get_a_table_of_contents_field_with_its_entries() {
        let mut body = String::new();
        contents(
            &mut body,
            "## One\n\n## Two\n\n### Two & a half\n\n## Three\n",
            "pt",
        );
        assert!(body.is_empty(), "three sections: no contents");
        contents(
            &mut body,
            "# Title\n\n## One\n\n## Two\n\n### Two & a half\n\n## Three\n\n## Four\n",
            "pt",
        );
        assert!(body.contains("Índice"), "{body}");
        assert_eq!(body.matches(r#"w:fldCharType="begin""#).count(), 1);
        assert_eq!(body.matches(r#"w:fldCharType="end""#).count(), 1);
        assert!(body.contains(r#"TOC \o "1-3""#));
        for entry in ["One", "Two &amp; a half", "Four"] {
            assert!(body.contains(entry), "{entry} in {body}");
        }
        assert!(!body.contains(">Title<"), "the title is not a section");
        assert!(
            body.contains(r#"<w:ind w:left="480"/>"#),
            "level 3 indented"
        );
    }

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
