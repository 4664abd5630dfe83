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
use super::markdown::{CHART_FENCE, Chart};

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

/// The body HTML and the level-2 headings (id, text) for the table of contents.
fn body(markdown: &str) -> (String, Vec<(String, String)>) {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut events: Vec<Event> = Vec::new();
    let mut headings = Vec::new();
    let mut used_ids: Vec<String> = Vec::new();
    let mut chart: Option<String> = None;
    let mut heading: Option<(usize, HeadingLevel, String)> = None;
    // The open table: where its wrapper goes, its body rows and its characters of text.
    let mut table: Option<(usize, usize, usize)> = None;
    for event in Parser::new_ext(markdown, options) {
        if let Some(text) = chart.as_mut() {
            match event {
                Event::Text(t) => text.push_str(&t),
                Event::End(TagEnd::CodeBlock) => {
                    let svg = serde_json::from_str::<Chart>(text)
                        .map(|c| charts::svg(&c))
                        .unwrap_or_default();
                    events.push(Event::Html(CowStr::from(svg)));
                    chart = None;
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(ref info)))
                if info.as_ref() == CHART_FENCE =>
            {
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
            // A short table is wrapped so that print never splits it (report.css `.keep`); a
            // long one may split between rows, its header row repeated on each page.
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
                if let Some((at, rows, chars)) = table.take()
                    && rows <= KEEP_TABLE_ROWS
                    && chars <= KEEP_TABLE_CHARS
                {
                    events[at] = Event::Html(CowStr::from("<div class=\"keep\">\n"));
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
                    *chars += t.chars().count();
                }
                if let (Some((_, _, text)), Event::Text(t) | Event::Code(t)) =
                    (heading.as_mut(), &other)
                {
                    text.push_str(t);
                }
                events.push(other);
            }
        }
    }
    let mut out = String::with_capacity(markdown.len() * 2);
    html::push_html(&mut out, events.into_iter());
    (out, headings)
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
    let (body, headings) = body(markdown);
    let mut out = String::with_capacity(body.len() + CSS.len() + 2048);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"generator\" content=\"labkit {}\">\n<title>{}</title>\n<style>\n{CSS}@page {{ @bottom-left {{ content: {} \"\\A \" {}; white-space: pre-wrap; }} }}\n</style>\n</head>\n<body>\n<main>\n<header class=\"title-block\">\n",
        escape(&title.lang),
        env!("CARGO_PKG_VERSION"),
        escape(&title.title),
        css_string(&title.title),
        css_string(&title.footer)
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

    #[test]
    fn raw_html_and_script_links_are_inert() {
        let md = "<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and [x](javascript:alert(1)) and [ok](https://gov.pt).\n";
        let (html, _) = body(md);
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
        let (short, _) = body(&table(3));
        assert!(
            short.starts_with("<div class=\"keep\">\n<table>"),
            "{short}"
        );
        assert!(short.contains("<thead>"), "{short}");
        let (long, _) = body(&table(KEEP_TABLE_ROWS + 5));
        assert!(!long.contains("keep"), "{long}");
        let wordy = format!(
            "| a |\n|---|\n| {} |\n",
            "word ".repeat(KEEP_TABLE_CHARS / 4)
        );
        let (wordy, _) = body(&wordy);
        assert!(!wordy.contains("keep"), "a few rows of long text: {wordy}");
    }

    #[test]
    fn headings_get_unique_ids_for_the_contents() {
        let (html, headings) = body("## Ideas\n\n## Ideas\n\n## Próximos passos\n");
        assert_eq!(
            headings.iter().map(|h| h.0.as_str()).collect::<Vec<_>>(),
            vec!["ideas", "ideas-2", "próximos-passos"]
        );
        assert!(html.contains("<h2 id=\"ideas-2\">"));
    }
}
