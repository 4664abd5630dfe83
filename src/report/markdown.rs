//! Markdown pieces for reports: escaping answer text so it can never change the document's
//! structure, and the chart blocks that become SVG in HTML and tables elsewhere.

use serde::{Deserialize, Serialize};

/// Escapes text for use inside Markdown, so an answer reads as typed and can never open a
/// link, an image, a tag, a table cell, a heading or a list: characters with inline meaning are
/// backslash-escaped everywhere, and those that only mean something at the start of a line
/// (`#`, `-`, `+`, `=`, `1.`) are escaped at the start of every line. CommonMark ends a line at
/// LF, CR LF and a bare CR alike, so all three are line breaks here (a bare CR left inside a
/// line would start a new one the escaping never saw, and `\r## x` would be a heading). Line
/// breaks become hard breaks written as two trailing spaces, so the raw Markdown reads as typed
/// (`tidy` keeps them); a blank line inside the text becomes a line holding only `\` (a hard
/// break that opens no paragraph, which would end a list item or an emphasis around the
/// answer). Blank lines at either end are dropped. Ordinary text (dates, decimals such as
/// `0.55`, hyphens, `Rui & Eva`) stays as typed.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let lines: Vec<&str> = lines(text).collect();
    let first = lines.iter().position(|l| !l.trim().is_empty());
    let last = lines.iter().rposition(|l| !l.trim().is_empty());
    let (Some(first), Some(last)) = (first, last) else {
        return out;
    };
    let mut after_blank = false;
    for (i, line) in lines[first..=last].iter().enumerate() {
        if i > 0 {
            // After a line of only `\` the backslash is the break itself.
            out.push_str(if after_blank { "\n" } else { "  \n" });
        }
        // Leading spaces would make an indented code block; trailing ones a second hard break.
        let line = line.trim();
        after_blank = line.is_empty();
        if after_blank {
            out.push('\\');
            continue;
        }
        let chars: Vec<char> = line.chars().collect();
        let digits = chars.iter().take_while(|c| c.is_ascii_digit()).count();
        for (k, &c) in chars.iter().enumerate() {
            let inline = matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~'
            );
            let line_start = k == 0 && matches!(c, '#' | '-' | '+' | '=');
            // `1.` or `1)` opens a list only when a space or the line's end follows.
            let ordered = k == digits
                && digits > 0
                && matches!(c, '.' | ')')
                && chars.get(k + 1).is_none_or(|n| n.is_whitespace());
            let entity = c == '&' && looks_like_entity(&chars[k + 1..]);
            if inline || line_start || ordered || entity {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// The lines of `text` as CommonMark sees them: ended by LF, CR LF or a bare CR.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.find(['\r', '\n']) {
            Some(end) => {
                let next = if text[end..].starts_with("\r\n") {
                    end + 2
                } else {
                    end + 1
                };
                rest = Some(&text[next..]);
                Some(&text[..end])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// `&amp;`, `&#39;`: text that CommonMark would turn into another character.
fn looks_like_entity(rest: &[char]) -> bool {
    let name = rest
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == '#')
        .count();
    name > 0 && rest.get(name) == Some(&';')
}

/// Escapes text for a table cell: as `escape`, on one line (each line break, CR included,
/// becomes a space), since a table row ends at the end of its line.
pub fn cell(text: &str) -> String {
    escape(&lines(text).collect::<Vec<_>>().join(" "))
}

/// A chart, written into the Markdown as a fenced `labkit-chart` block of JSON.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Chart {
    /// Horizontal bars, e.g. dot votes, sorted largest first.
    Bars {
        title: String,
        /// The header of the items' column (`Item`), so no header cell is left blank.
        item_label: String,
        value_label: String,
        rows: Vec<(String, f64)>,
    },
    /// A 2×2 matrix: items placed by two criteria, with quadrant names.
    Matrix {
        title: String,
        x_label: String,
        y_label: String,
        min: f64,
        max: f64,
        /// high_high, high_low, low_high, low_low: first word = y (first criterion), second = x.
        quadrants: [String; 4],
        points: Vec<(String, f64, f64)>,
        item_label: String,
        /// The header of the quadrant column (`Quadrant`), so no header cell is left blank.
        quadrant_label: String,
    },
    /// Estimates with their confidence intervals (a forest plot), e.g. a trial's effect.
    Interval {
        title: String,
        item_label: String,
        /// What the axis measures (`Difference, points`).
        value_label: String,
        /// The header of the interval column (`95% CI`).
        interval_label: String,
        /// Label, estimate, low, high.
        rows: Vec<(String, f64, f64, f64)>,
        /// A line besides zero, such as the planned minimum effect.
        reference: Option<f64>,
        reference_label: String,
    },
}

pub const CHART_FENCE: &str = "labkit-chart";

/// A typed line at least this long that stops mid-sentence was wrapped by hand.
const WRAPPED_LINE: usize = 60;

/// Whether a line typed in an answer runs on into the next after its line break: only a long
/// line that stops mid-sentence, which was wrapped by hand (an answers file). Any other line —
/// a short one such as "Control: 4,206 assigned", or one that ends a sentence — keeps its own
/// paragraph. The HTML and Word writers both ask this, so the two read an answer alike.
pub fn line_runs_on(line: &str) -> bool {
    let line = line.trim_end();
    !line.ends_with(['.', '!', '?', ':', ';', '…']) && line.chars().count() >= WRAPPED_LINE
}

impl Chart {
    /// The chart's title: its caption, and the alt text of its picture in Word.
    pub fn title(&self) -> &str {
        match self {
            Chart::Bars { title, .. }
            | Chart::Matrix { title, .. }
            | Chart::Interval { title, .. } => title,
        }
    }

    /// The fenced block that stands for this chart in the Markdown source.
    pub fn block(&self) -> String {
        format!(
            "\n```{CHART_FENCE}\n{}\n```\n",
            serde_json::to_string(self).unwrap_or_default()
        )
    }

    /// The fenced block for a chart whose data the template prints as a table of its own
    /// (`{{chart q.x table=false}}`): HTML draws it and Word shows its picture, while Markdown,
    /// where a chart is a table, leaves it out rather than print the same table twice. The mark is an extra
    /// `"table": false` key, which `Chart` itself ignores.
    pub fn figure_block(&self) -> String {
        let mut json = serde_json::to_value(self).unwrap_or_default();
        if let serde_json::Value::Object(map) = &mut json {
            map.insert("table".into(), serde_json::Value::Bool(false));
        }
        format!("\n```{CHART_FENCE}\n{json}\n```\n")
    }

    /// The chart as a Markdown table, for Markdown output: bars drawn with `█`.
    pub fn table(&self) -> String {
        self.table_with(true)
    }

    /// The chart's data as a Markdown table, for the table beneath its picture in Word: the
    /// numbers only, since the picture draws the bars (and a screen reader would read out
    /// every `█`).
    pub fn data_table(&self) -> String {
        self.table_with(false)
    }

    fn table_with(&self, bars: bool) -> String {
        let mut out = String::new();
        match self {
            Chart::Bars {
                item_label,
                value_label,
                rows,
                ..
            } => {
                out.push_str(&format!(
                    "| # | {} | {} |\n|---:|---|---:|\n",
                    cell(item_label),
                    cell(value_label)
                ));
                for (i, (label, value)) in rows.iter().enumerate() {
                    let bar = if bars {
                        format!(" {}", "█".repeat(value.round().clamp(0.0, 40.0) as usize))
                    } else {
                        String::new()
                    };
                    out.push_str(&format!(
                        "| {} | {} | {}{} |\n",
                        i + 1,
                        cell(label),
                        format_value(*value),
                        bar
                    ));
                }
            }
            Chart::Matrix {
                x_label,
                y_label,
                min,
                max,
                quadrants,
                points,
                item_label,
                quadrant_label,
                ..
            } => {
                out.push_str(&format!(
                    "| {} | {} | {} | {} |\n|---|---:|---:|---|\n",
                    cell(item_label),
                    cell(y_label),
                    cell(x_label),
                    cell(quadrant_label)
                ));
                for (label, x, y) in points {
                    out.push_str(&format!(
                        "| {} | {} | {} | {} |\n",
                        cell(label),
                        format_value(*y),
                        format_value(*x),
                        cell(quadrant(quadrants, *min, *max, *x, *y))
                    ));
                }
            }
            Chart::Interval {
                item_label,
                value_label,
                interval_label,
                rows,
                ..
            } => {
                out.push_str(&format!(
                    "| {} | {} | {} |\n|---|---:|---:|\n",
                    cell(item_label),
                    cell(value_label),
                    cell(interval_label)
                ));
                for (label, estimate, low, high) in rows {
                    out.push_str(&format!(
                        "| {} | {estimate:.1} | {low:.1} – {high:.1} |\n",
                        cell(label)
                    ));
                }
            }
        }
        out
    }
}

/// The quadrant a point falls in; the midpoint counts as high.
pub fn quadrant(quadrants: &[String; 4], min: f64, max: f64, x: f64, y: f64) -> &str {
    let mid = (min + max) / 2.0;
    match (y >= mid, x >= mid) {
        (true, true) => &quadrants[0],
        (true, false) => &quadrants[1],
        (false, true) => &quadrants[2],
        (false, false) => &quadrants[3],
    }
}

fn format_value(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// Whether a chart block's JSON asks for the figure only (see `Chart::figure_block`).
/// A chart block read as written, its item labels perhaps carrying language marks (for the
/// data table, where they become `lang`), and its labels without them (for the picture, its
/// name and caption, where a mark has nowhere to go). `None` when the block is not a chart.
pub fn read_chart(body: &str) -> Option<(Chart, Chart)> {
    let marked: Chart = serde_json::from_str(body).ok()?;
    let plain =
        serde_json::from_str(&super::lang_marks::strip(body)).unwrap_or_else(|_| marked.clone());
    Some((marked, plain))
}

pub fn figure_only(body: &str) -> bool {
    serde_json::from_str::<serde_json::Value>(body).is_ok_and(|v| v["table"] == false)
}

/// Replaces every chart block in `markdown` with its table (for Markdown output),
/// or with nothing when the template prints the table itself.
pub fn charts_as_tables(markdown: &str) -> String {
    let open = format!("```{CHART_FENCE}\n");
    let mut out = String::with_capacity(markdown.len());
    let mut rest = markdown;
    while let Some(start) = rest.find(&open) {
        out.push_str(&rest[..start]);
        let body_start = start + open.len();
        let Some(len) = rest[body_start..].find("\n```") else {
            out.push_str(&rest[start..]);
            return out;
        };
        let body = &rest[body_start..body_start + len];
        match serde_json::from_str::<Chart>(body) {
            // The template prints a table of the same data itself: the figure alone was asked.
            Ok(_) if figure_only(body) => {
                // Nor the blank lines around it: one paragraph break is left.
                while out.ends_with("\n\n") {
                    out.pop();
                }
                rest = rest[body_start + len + 4..].trim_start_matches('\n');
                out.push('\n');
                continue;
            }
            Ok(chart) => out.push_str(&chart.table()),
            Err(_) => out.push_str(&rest[start..body_start + len + 4]),
        }
        rest = &rest[body_start + len + 4..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_text_cannot_make_structure() {
        assert_eq!(escape("a | b"), "a \\| b");
        assert_eq!(escape("<script>"), "\\<script\\>");
        assert_eq!(
            escape("[x](javascript:alert(1))"),
            "\\[x\\](javascript:alert(1))"
        );
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("2026-12-10, Rui & Eva"), "2026-12-10, Rui & Eva");
        assert_eq!(escape("1. first\n- second"), "1\\. first  \n\\- second");
        assert_eq!(escape("0.55 or 3) or 12.5%"), "0.55 or 3) or 12.5%");
        assert_eq!(escape("2) second"), "2\\) second");
        assert_eq!(escape("a\n\nb"), "a  \n\\\nb");
        assert_eq!(escape("&lt;b&gt;"), "\\&lt;b\\&gt;");
        assert_eq!(escape("one\ntwo"), "one  \ntwo");
        assert_eq!(escape("ends with a newline\n"), "ends with a newline");
        assert_eq!(cell("one\ntwo"), "one two");
    }

    /// What a Markdown reader makes of `markdown`: its block structure, and its text with
    /// every line break as `\n`.
    fn read(markdown: &str) -> (Vec<String>, String) {
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

    /// Answers that try to become structure with a carriage return, a setext underline, a
    /// blank line or a whitespace-only last line.
    const HOSTILE: &[&str] = &[
        "Citizens renew on time\r## Decision: approved",
        "Citizens renew on time\r---",
        "Citizens\r\r===",
        "one\r\n- two\r+ three\r4. four\r5) five",
        "quote\r> not a quote\r    not code\r\tnot code",
        "fence\r```\rcode\r```\r~~~",
        "| a | b |\r|---|---|\r| c | d |",
        "<div>\r<script>alert(1)</script>",
        "trailing\r   ",
        "trailing\n \t \n",
        "   \r\nleading blank",
        "[ref]: https://example.org\r* * *\r___",
    ];

    #[test]
    fn a_carriage_return_is_a_line_break_and_opens_nothing() {
        assert_eq!(
            escape("Citizens renew on time\r## Decision: approved"),
            "Citizens renew on time  \n\\## Decision: approved"
        );
        assert_eq!(escape("a\r---"), "a  \n\\---");
        assert_eq!(escape("a\r\nb"), "a  \nb");
        assert_eq!(escape("last line blank\n   "), "last line blank");
        assert_eq!(escape("\r\n \n"), "");
        assert_eq!(cell("a\rb\r\nc\nd"), "a b c d");
        for answer in HOSTILE {
            let typed: Vec<&str> = lines(answer)
                .map(str::trim)
                .skip_while(|l| l.is_empty())
                .collect();
            let typed = typed.join("\n");
            let typed = typed.trim_end();
            for context in ["{}\n", "Intro: {}\n", "- {}\n", "> {}\n"] {
                let md = context.replace("{}", &escape(answer));
                let plain = context.replace("{}", "x");
                let (blocks, text) = read(&md);
                assert_eq!(blocks, read(&plain).0, "{answer:?} in {context:?}: {md}");
                assert!(text.ends_with(typed), "{answer:?} reads {text:?}");
            }
            let table = format!("| A | B |\n|---|---|\n| {} | x |\n", cell(answer));
            let (blocks, text) = read(&table);
            assert_eq!(
                blocks,
                read("| A | B |\n|---|---|\n| y | x |\n").0,
                "{answer:?} in a table: {table}"
            );
            let one_line = lines(answer).collect::<Vec<_>>().join(" ");
            assert!(text.contains(one_line.trim()), "{text:?}");
        }
    }

    #[test]
    fn charts_round_trip_to_tables() {
        let chart = Chart::Bars {
            title: "Votes".into(),
            item_label: "Item".into(),
            value_label: "Dots".into(),
            rows: vec![("A|B".into(), 3.0), ("C".into(), 1.0)],
        };
        let md = format!("before\n{}after\n", chart.block());
        let tables = charts_as_tables(&md);
        assert!(tables.contains("| 1 | A\\|B | 3 ███ |"), "{tables}");
        assert!(!tables.contains(CHART_FENCE));
    }

    #[test]
    fn quadrants_split_at_the_midpoint() {
        let q = [
            "hh".to_owned(),
            "hl".to_owned(),
            "lh".to_owned(),
            "ll".to_owned(),
        ];
        assert_eq!(quadrant(&q, 1.0, 5.0, 1.0, 5.0), "hl");
        assert_eq!(quadrant(&q, 1.0, 5.0, 3.0, 3.0), "hh");
        assert_eq!(quadrant(&q, 1.0, 5.0, 2.0, 2.0), "ll");
    }
}
