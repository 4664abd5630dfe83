//! Markdown → one self-contained, printable HTML file.
//!
//! Safety: raw HTML in the Markdown (from answers or templates) is turned into visible text,
//! links and images keep only `http(s)`, `mailto` and in-page targets, and the only markup
//! labkit adds itself (title block, table of contents, SVG charts) is built from escaped text.
//! Nothing an answer contains can run in a browser.

use std::fmt::Write as _;

use pulldown_cmark::{
    CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd, html,
};

use super::TitleBlock;
use super::charts;
use super::lang_marks;
use super::markdown::{CHART_FENCE, Chart, line_runs_on, quadrant};
use crate::i18n::{t, tf};
use crate::lang::Lang;

const CSS: &str = include_str!("report.css");

/// Headings at level 2 needed before a table of contents is added.
const TOC_MIN_SECTIONS: usize = 4;

/// A table is kept on one printed page when it is short: up to this many body rows and this
/// many characters of text (under a quarter of an A4 page). A longer one splits between rows,
/// or it would leave most of a page blank before it.
const KEEP_TABLE_ROWS: usize = 8;
const KEEP_TABLE_CHARS: usize = 700;

/// `text` as a CSS string literal that cannot end the string, the rule or the `<style>`.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        match c {
            '"' | '\\' | '<' | '>' | '&' => {
                let _ = write!(out, "\\{:x} ", c as u32);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn safe_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("mailto:")
        || lower.starts_with('#')
}

/// What the page has handed out so far: chart numbers (for their ids) and the id and label the
/// next table's scroll container takes.
#[derive(Default)]
struct Ids {
    charts: usize,
    /// The id of the next table's container, when a chart is described by it.
    next_table: Option<String>,
    /// The id of the element that names the next table (a chart's caption).
    next_label: Option<String>,
    /// The language of answers marked as parts in another language ([`lang_marks`]).
    answers_lang: Option<String>,
}

#[cfg(test)]
/// The body HTML and the level-2 headings (id, text) for the table of contents.
fn body(markdown: &str, lang: Lang) -> (String, Vec<(String, String)>) {
    body_with(markdown, lang, &mut Ids::default())
}

/// Closes an open part in another language before a block ends.
fn close_part(events: &mut Vec<Event>, open: &mut bool) {
    if *open {
        events.push(Event::InlineHtml(CowStr::from("</span>")));
        *open = false;
    }
}

fn body_with(markdown: &str, lang: Lang, ids: &mut Ids) -> (String, Vec<(String, String)>) {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut events: Vec<Event> = Vec::new();
    let mut headings = Vec::new();
    let mut used_ids: Vec<String> = Vec::new();
    let mut chart: Option<String> = None;
    let mut heading: Option<(usize, HeadingLevel, String)> = None;
    // The text of the last heading, which names the tables under it.
    let mut last_heading = String::new();
    // The open table: where its wrapper goes, its body rows and its characters of text.
    let mut table: Option<(usize, usize, usize)> = None;
    // Open blocks and inline spans, to know whether a line break may end a paragraph.
    let mut open: Vec<bool> = Vec::new();
    // Hard breaks met in a row, not yet written.
    let mut breaks = 0usize;
    // The current line of text, since the last break.
    let mut line = String::new();
    // Whether a `<span lang>` around an answer in the session's language is open.
    let mut part_open = false;
    for event in Parser::new_ext(markdown, options) {
        if let Some(text) = chart.as_mut() {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let figure = figure(text, lang, ids);
                    events.push(Event::Html(CowStr::from(figure)));
                    chart = None;
                }
                _ => {}
            }
            continue;
        }
        // Line breaks typed in an answer (hard breaks): a blank line, or a line that does not
        // run on (`markdown::line_runs_on`), starts a new paragraph; a hand-wrapped line goes
        // on after a space. No `<br>` runs, which leave ragged lines on a narrow screen.
        if matches!(event, Event::HardBreak) {
            breaks += 1;
            continue;
        }
        if let Event::End(end) = &event
            && !matches!(
                end,
                TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough | TagEnd::Link
            )
        {
            close_part(&mut events, &mut part_open);
        }
        if breaks > 0 {
            close_part(&mut events, &mut part_open);
            let in_paragraph = open.last() == Some(&true);
            let paragraph_end = breaks > 1 || !line_runs_on(&line);
            if paragraph_end && in_paragraph {
                events.push(Event::End(TagEnd::Paragraph));
                events.push(Event::Start(Tag::Paragraph));
            } else if paragraph_end {
                events.push(Event::HardBreak);
            } else {
                events.push(Event::SoftBreak);
            }
            breaks = 0;
            line.clear();
        }
        match &event {
            Event::Start(Tag::Paragraph) => {
                open.push(true);
                line.clear();
            }
            Event::Start(_) => open.push(false),
            Event::End(_) => {
                open.pop();
            }
            Event::Text(t) | Event::Code(t) => line.push_str(&lang_marks::strip(t)),
            _ => {}
        }
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref info)))
                if info.as_ref() == CHART_FENCE =>
            {
                open.pop();
                chart = Some(String::new());
            }
            // Raw HTML never reaches the page as markup.
            Event::Html(raw) | Event::InlineHtml(raw) => events.push(Event::Text(raw)),
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = if safe_url(&dest_url) {
                    dest_url
                } else {
                    CowStr::from("#")
                };
                events.push(Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Image {
                link_type,
                dest_url,
                title,
                id,
            }) => {
                let dest_url = if safe_url(&dest_url) && !dest_url.starts_with('#') {
                    dest_url
                } else {
                    CowStr::from("")
                };
                events.push(Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }));
            }
            Event::Start(Tag::Heading {
                level,
                classes,
                attrs,
                ..
            }) => {
                heading = Some((events.len(), level, String::new()));
                events.push(Event::Start(Tag::Heading {
                    level,
                    id: None,
                    classes,
                    attrs,
                }));
            }
            // Every table scrolls sideways inside its own container, named and reachable from
            // the keyboard, so a wide table never widens the page. A short table is also kept
            // whole in print (report.css `.keep`); a long one may split between rows, its
            // header row repeated on each page.
            Event::Start(Tag::Table(alignments)) => {
                table = Some((events.len(), 0, 0));
                events.push(Event::Html(CowStr::from("")));
                events.push(Event::Start(Tag::Table(alignments)));
            }
            Event::Start(Tag::TableRow) => {
                if let Some((_, rows, _)) = table.as_mut() {
                    *rows += 1;
                }
                events.push(Event::Start(Tag::TableRow));
            }
            Event::End(TagEnd::Table) => {
                events.push(Event::End(TagEnd::Table));
                if let Some((at, rows, chars)) = table.take() {
                    let keep = rows <= KEEP_TABLE_ROWS && chars <= KEEP_TABLE_CHARS;
                    let mut open = format!(
                        "<div class=\"table-scroll{}\" role=\"group\" tabindex=\"0\"",
                        if keep { " keep" } else { "" }
                    );
                    if let Some(id) = ids.next_table.take() {
                        let _ = write!(open, " id=\"{}\"", escape(&id));
                    }
                    match ids.next_label.take() {
                        Some(label) => {
                            let _ = write!(open, " aria-labelledby=\"{}\"", escape(&label));
                        }
                        None => {
                            let name = if last_heading.is_empty() {
                                t(lang, "report.table")
                            } else {
                                last_heading.as_str()
                            };
                            let _ = write!(open, " aria-label=\"{}\"", escape(name));
                        }
                    }
                    open.push_str(">\n");
                    events[at] = Event::Html(CowStr::from(open));
                    events.push(Event::Html(CowStr::from("</div>\n")));
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                if let Some((index, _, text)) = heading.take() {
                    let mut id = slug(&text);
                    let base = id.clone();
                    let mut n = 2;
                    while used_ids.contains(&id) {
                        id = format!("{base}-{n}");
                        n += 1;
                    }
                    used_ids.push(id.clone());
                    if let Event::Start(Tag::Heading { id: slot, .. }) = &mut events[index] {
                        *slot = Some(CowStr::from(id.clone()));
                    }
                    last_heading.clone_from(&text);
                    if level == HeadingLevel::H2 {
                        headings.push((id, text));
                    }
                }
                events.push(Event::End(TagEnd::Heading(level)));
            }
            other => {
                if let (Some((_, _, chars)), Event::Text(t) | Event::Code(t)) =
                    (table.as_mut(), &other)
                {
                    *chars += lang_marks::strip(t).chars().count();
                }
                if let (Some((_, _, text)), Event::Text(t) | Event::Code(t)) =
                    (heading.as_mut(), &other)
                {
                    text.push_str(&lang_marks::strip(t));
                }
                match other {
                    // An answer in the session's language, inside a report in another.
                    Event::Text(t) if t.contains([lang_marks::START, lang_marks::END]) => {
                        match &ids.answers_lang {
                            Some(code) => {
                                let mut inside = part_open;
                                for (piece, marked) in lang_marks::pieces(&t, &mut inside) {
                                    if marked && !part_open {
                                        events.push(Event::InlineHtml(CowStr::from(format!(
                                            "<span lang=\"{}\">",
                                            escape(code)
                                        ))));
                                        part_open = true;
                                    } else if !marked {
                                        close_part(&mut events, &mut part_open);
                                    }
                                    events.push(Event::Text(CowStr::from(piece.to_owned())));
                                }
                                // The part ended with this text: close it here, inside any
                                // emphasis around it.
                                if !inside {
                                    close_part(&mut events, &mut part_open);
                                }
                            }
                            None => events.push(Event::Text(CowStr::from(
                                lang_marks::strip(&t).into_owned(),
                            ))),
                        }
                    }
                    other => events.push(other),
                }
            }
        }
    }
    let mut out = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut out, events.into_iter());
    (out, headings)
}

/// A chart block as a figure: the SVG, named by what it shows, in a container that scrolls
/// sideways on a narrow screen rather than shrink its text below 12 px; its caption; and its
/// data as a table linked to the SVG (`aria-describedby`): the table beneath it, or the one the
/// template prints itself after a chart marked `"table": false`. A block that is not a chart
/// shows nothing.
fn figure(json: &str, lang: Lang, ids: &mut Ids) -> String {
    let Some((marked, chart)) = super::markdown::read_chart(json) else {
        return String::new();
    };
    let own_table = !super::markdown::figure_only(json);
    ids.charts += 1;
    let n = ids.charts;
    let (caption, data) = (format!("chart-{n}"), format!("chart-{n}-data"));
    let svg = charts::svg_named(&chart, &chart_name(&chart, lang), Some(&data));
    let mut out = String::with_capacity(svg.len() + 512);
    let _ = write!(
        out,
        "<figure class=\"chart{}\"><div class=\"chart-scroll\" role=\"group\" tabindex=\"0\" aria-labelledby=\"{caption}\" style=\"--min-width:{}px\">{svg}</div><figcaption id=\"{caption}\">{}</figcaption>",
        if matches!(chart, Chart::Matrix { .. }) {
            " matrix"
        } else {
            ""
        },
        min_width(&svg),
        escape(chart.title())
    );
    ids.next_table = Some(data);
    ids.next_label = Some(caption);
    if own_table {
        let (table, _) = body_with(&marked.data_table(), lang, ids);
        out.push_str(&table);
    }
    out.push_str("</figure>\n");
    out
}

/// The narrowest the chart may be drawn with its smallest text still 12 px: its width times
/// 12 over its smallest font size (no narrower than its own width).
fn min_width(svg: &str) -> u32 {
    let width = svg
        .split_once("viewBox=\"0 0 ")
        .and_then(|(_, rest)| rest.split(' ').next())
        .and_then(|w| w.parse::<f64>().ok())
        .unwrap_or(680.0);
    let smallest = svg
        .split("font-size:")
        .skip(1)
        .filter_map(|rest| rest.split("px").next()?.parse::<f64>().ok())
        .fold(12.0_f64, f64::min)
        .max(6.0);
    (width * 12.0 / smallest).ceil() as u32
}

/// What a chart shows, in a sentence: its accessible name ("Dot vote: bar chart, 6 items, 30
/// dots in all; most: …").
fn chart_name(chart: &Chart, lang: Lang) -> String {
    let number = |v: f64| {
        let text = if v.fract() == 0.0 {
            format!("{v:.0}")
        } else {
            format!("{v:.1}")
        };
        match crate::clock::decimal_of(lang) {
            "," => text.replace('.', ","),
            _ => text,
        }
    };
    let lower = |s: &str| {
        let mut c = s.chars();
        match c.next() {
            Some(first) => first.to_lowercase().chain(c).collect::<String>(),
            None => String::new(),
        }
    };
    match chart {
        Chart::Bars {
            title,
            value_label,
            rows,
            ..
        } => {
            let total: f64 = rows.iter().map(|r| r.1).filter(|v| v.is_finite()).sum();
            let top = rows
                .iter()
                .map(|r| r.1)
                .filter(|v| v.is_finite())
                .fold(f64::MIN, f64::max);
            let leaders: Vec<String> = rows
                .iter()
                .filter(|r| r.1 == top)
                .take(3)
                .map(|(label, v)| format!("{label} ({})", number(*v)))
                .collect();
            let mut name = tf(
                lang,
                "report.chart_bars",
                &[
                    ("title", title),
                    ("n", &rows.len()),
                    ("total", &number(total)),
                    ("value", &lower(value_label)),
                ],
            );
            // With no votes yet, nothing leads.
            if top > 0.0 {
                name.push_str("; ");
                name.push_str(&tf(
                    lang,
                    "report.chart_most",
                    &[("top", &leaders.join("; "))],
                ));
            }
            name
        }
        Chart::Matrix {
            title,
            x_label,
            y_label,
            min,
            max,
            quadrants,
            points,
            ..
        } => {
            let counts: Vec<String> = quadrants
                .iter()
                .map(|q| {
                    let k = points
                        .iter()
                        .filter(|(_, x, y)| quadrant(quadrants, *min, *max, *x, *y) == q)
                        .count();
                    format!("{q}: {k}")
                })
                .collect();
            tf(
                lang,
                "report.chart_matrix",
                &[
                    ("title", title),
                    ("n", &points.len()),
                    ("y", y_label),
                    ("x", x_label),
                    ("counts", &counts.join("; ")),
                ],
            )
        }
        Chart::Interval {
            title,
            value_label,
            rows,
            ..
        } => tf(
            lang,
            "report.chart_interval",
            &[
                ("title", title),
                ("n", &rows.len()),
                ("value", &lower(value_label)),
            ],
        ),
    }
}

fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_owned();
    if out.is_empty() {
        "section".into()
    } else {
        out
    }
}

/// The whole page: styles, title block, table of contents (for long reports), body.
pub fn page(markdown: &str, title: &TitleBlock, toc_label: &str) -> String {
    let lang = Lang::parse(&title.lang).unwrap_or_default();
    let (body, headings) = body_with(
        markdown,
        lang,
        &mut Ids {
            answers_lang: title.answers_lang.clone(),
            ..Ids::default()
        },
    );
    let mut out = String::with_capacity(body.len() + CSS.len() + 2048);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"labkit {}\">\n<title>{}</title>\n<style>\n{CSS}@page {{ @bottom-left {{ content: {} \"\\A \" {}; white-space: pre-wrap; }} }}\n</style>\n</head>\n<body>\n<a class=\"skip\" href=\"#content\">{}</a>\n<main id=\"content\" tabindex=\"-1\">\n<header class=\"title-block\">\n",
        escape(&title.lang),
        env!("CARGO_PKG_VERSION"),
        escape(&title.title),
        css_string(&title.title),
        css_string(&title.footer),
        escape(t(lang, "report.skip")),
    );
    if let Some(draft) = &title.draft {
        let _ = writeln!(out, "<p class=\"draft\">{}</p>", escape(draft));
    }
    let _ = writeln!(
        out,
        "<p class=\"kicker\">{}</p>\n<h1>{}</h1>",
        escape(&title.kicker),
        escape(&title.title)
    );
    if !title.subtitle.is_empty() {
        let _ = writeln!(out, "<p class=\"subtitle\">{}</p>", escape(&title.subtitle));
    }
    out.push_str("<dl class=\"meta\">\n");
    for (label, value) in &title.facts {
        let _ = writeln!(
            out,
            "<div><dt>{}</dt><dd>{}</dd></div>",
            escape(label),
            escape(value)
        );
    }
    out.push_str("</dl>\n</header>\n");
    if headings.len() >= TOC_MIN_SECTIONS {
        let _ = writeln!(out, "<nav class=\"toc\"><h2>{}</h2><ol>", escape(toc_label));
        for (id, text) in &headings {
            let _ = writeln!(
                out,
                "<li><a href=\"#{}\">{}</a></li>",
                escape(id),
                escape(text)
            );
        }
        out.push_str("</ol></nav>\n");
    }
    out.push_str("<article>\n");
    out.push_str(&body);
    let _ = write!(
        out,
        "</article>\n<footer>{}</footer>\n</main>\n</body>\n</html>\n",
        escape(&title.footer)
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn body_en(md: &str) -> (String, Vec<(String, String)>) {
        body(md, Lang::En)
    }

    #[test]
    fn raw_html_and_script_links_are_inert() {
        let md = "<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and [x](javascript:alert(1)) and [ok](https://gov.pt).\n";
        let (html, _) = body(md, Lang::En);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(html.contains("&lt;script&gt;"));
        assert!(html.contains("href=\"https://gov.pt\""));
    }

    #[test]
    fn the_title_in_the_page_footer_cannot_end_the_style() {
        assert_eq!(css_string("Plan \"A\""), "\"Plan \\22 A\\22 \"");
        let css = css_string("x</style><script>alert(1)</script>\\");
        assert!(!css.contains('<') && !css.contains('>'), "{css}");
        assert!(css.ends_with("\\5c \""), "{css}");
    }

    #[test]
    fn short_tables_are_kept_whole_and_long_ones_split() {
        let table = |rows: usize| {
            let mut md = String::from("| a | b |\n|---|---|\n");
            for i in 0..rows {
                md.push_str(&format!("| {i} | x |\n"));
            }
            md
        };
        let (short, _) = body_en(&table(3));
        assert!(
            short.starts_with(
                "<div class=\"table-scroll keep\" role=\"group\" tabindex=\"0\" aria-label=\"Table\">\n<table>"
            ),
            "{short}"
        );
        assert!(short.contains("<thead>"), "{short}");
        let (long, _) = body_en(&table(KEEP_TABLE_ROWS + 5));
        assert!(!long.contains("keep"), "{long}");
        assert!(long.starts_with("<div class=\"table-scroll\""), "{long}");
        let wordy = format!(
            "| a |\n|---|\n| {} |\n",
            "word ".repeat(KEEP_TABLE_CHARS / 4)
        );
        let (wordy, _) = body_en(&wordy);
        assert!(!wordy.contains("keep"), "a few rows of long text: {wordy}");
    }

    #[test]
    fn headings_get_unique_ids_for_the_contents() {
        let (html, headings) = body_en("## Ideas\n\n## Ideas\n\n## Próximos passos\n");
        assert_eq!(
            headings.iter().map(|h| h.0.as_str()).collect::<Vec<_>>(),
            vec!["ideas", "ideas-2", "próximos-passos"]
        );
        assert!(html.contains("<h2 id=\"ideas-2\">"));
    }

    #[test]
    fn a_chart_is_named_by_what_it_shows_and_described_by_its_table() {
        let chart = Chart::Bars {
            title: "Dot vote".into(),
            item_label: "Item".into(),
            value_label: "Dots".into(),
            rows: vec![("Speed".into(), 5.0), ("Cost".into(), 3.0)],
        };
        let (html, _) = body_en(&chart.block());
        assert!(
            html.contains(
                r#"aria-label="Dot vote: bar chart of 2 items, 8 dots in all; most: Speed (5)" aria-describedby="chart-1-data""#
            ),
            "{html}"
        );
        assert!(html.contains(r#"<div class="table-scroll keep" role="group" tabindex="0" id="chart-1-data" aria-labelledby="chart-1">"#), "{html}");
        assert!(html.contains(r#"<figcaption id="chart-1">Dot vote</figcaption>"#));
        // A chart whose table the template prints itself points at that table.
        let (html, _) = body_en(&format!("{}\n| a |\n|---|\n| b |\n", chart.figure_block()));
        assert_eq!(html.matches("<table>").count(), 1, "{html}");
        assert!(html.contains(r#"id="chart-1-data""#), "{html}");
    }

    #[test]
    fn typed_line_breaks_become_paragraphs_or_spaces_never_br() {
        let md = super::super::markdown::escape(
            "We ran the reminder in March in the Setúbal district, and at the end of the\nsix weeks the results were clear.\nNext: scale.\nControl: 4,206 assigned\nSMS: 4,206 assigned\n\nA new paragraph",
        );
        let (html, _) = body_en(&md);
        assert!(!html.contains("<br"), "{html}");
        assert_eq!(
            html,
            "<p>We ran the reminder in March in the Setúbal district, and at the end of the\nsix weeks the results were clear.</p>\n<p>Next: scale.</p>\n<p>Control: 4,206 assigned</p>\n<p>SMS: 4,206 assigned</p>\n<p>A new paragraph</p>\n"
        );
    }
}
