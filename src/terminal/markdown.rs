//! Markdown rendering for the terminal.
//!
//! Turns the Markdown of method guides (emphasis, lists, block quotes,
//! headings, code, links, simple tables) into terminal text word-wrapped to a
//! width, with optional ANSI styling.
//!
//! It never prints and never inspects the real terminal: it only returns text.
//! HTML is never interpreted (it is shown literally), and all document text
//! passes through [`terminal_safe`] before styling, so escape sequences hidden
//! in a hostile file cannot reach the terminal. With `color` off the output
//! contains no escape sequences at all.
//!
//! Parsing is pulldown-cmark's and wrapping textwrap's; only the glue between them is here.
//! termimad was the other choice: it brings crossterm and a styling model of its own, and
//! labkit must sanitise each parsed piece of text (entities can decode to ESC) before styling.

use std::mem::take;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use textwrap::core::Fragment;

/// Layout options for [`render`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    /// Maximum display columns of every line, `indent` included.
    pub width: usize,
    /// Spaces that begin every non-blank line.
    pub indent: usize,
    /// Emit ANSI styling (bold, italic, dim, …). Off: no escape sequences.
    pub color: bool,
}

/// Columns of text always available, even when `width` is too small.
const MIN_TEXT: usize = 10;

pub use crate::output::terminal_safe;

/// Renders Markdown for a terminal: every returned line is at most `width`
/// display columns (including the `indent` spaces that begin every line),
/// words wrapped (a single word longer than the width is broken), no raw
/// Markdown syntax left. If fewer than 10 columns would remain for text
/// (tiny `width` or deep nesting), 10 are used and lines may exceed `width`.
/// No line has trailing spaces and the result has no trailing newline.
pub fn render(markdown: &str, style: &Style) -> String {
    let source = markdown.replace("\r\n", "\n");
    let mut r = Renderer {
        width: style.width,
        indent: style.indent,
        color: style.color,
        ..Renderer::default()
    };
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    for event in Parser::new_ext(&source, options) {
        r.event(event);
    }
    r.flush();
    while r.out.last().is_some_and(|l| l.trim().is_empty()) {
        r.out.pop();
    }
    r.out.join("\n")
}

/// Display width of one character; U+FE0F (emoji presentation) counts one
/// column so `❤️` measures 2 as terminals draw it. Never under-counts.
fn char_width(c: char) -> usize {
    match c {
        '\u{FE0F}' => 1,
        c => textwrap::core::display_width(c.encode_utf8(&mut [0; 4])),
    }
}

fn text_width(s: &str) -> usize {
    s.chars().map(char_width).sum()
}

type Flags = u8;
const BOLD: Flags = 1;
const ITALIC: Flags = 2;
const CODE: Flags = 4;
const STRIKE: Flags = 8;
const DIM: Flags = 16;
const URL: Flags = 32;
type Paint = fn(console::Style) -> console::Style;
const PAINTS: [(Flags, Paint); 6] = [
    (BOLD, console::Style::bold),
    (ITALIC, console::Style::italic),
    (CODE, console::Style::cyan),
    (STRIKE, console::Style::strikethrough),
    (DIM, console::Style::dim),
    (URL, console::Style::underlined),
];

enum Inline {
    Text(String, Flags),
    Break,
}

/// A word (no spaces inside) made of styled parts, for `textwrap` to place.
#[derive(Debug, Default)]
struct Word {
    parts: Vec<(String, Flags)>,
    width: usize,
    space: usize,
}

impl Fragment for Word {
    fn width(&self) -> f64 {
        self.width as f64
    }
    fn whitespace_width(&self) -> f64 {
        self.space as f64
    }
    fn penalty_width(&self) -> f64 {
        0.0
    }
}

enum Frame {
    Quote,
    List {
        next: Option<u64>,
        loose: bool,
        items: usize,
    },
    Item {
        marker: String,
        used: bool,
    },
}

#[derive(Default)]
struct Renderer {
    width: usize,
    indent: usize,
    color: bool,
    out: Vec<String>,
    frames: Vec<Frame>,
    inline: Vec<Inline>,
    flags: Vec<Flags>,
    /// Open links (`Some((url, first inline index))`) and images (`None`).
    links: Vec<Option<(String, usize)>>,
    code: Option<String>,
    cells: usize,
    blank: bool,
    last_blank: bool,
}

impl Renderer {
    fn paint(&self, text: &str, flags: Flags) -> String {
        if !self.color || flags == 0 {
            return text.to_string();
        }
        let style = PAINTS.iter().filter(|(bit, _)| flags & bit != 0);
        let style = style.fold(console::Style::new().force_styling(true), |s, p| p.1(s));
        style.apply_to(text).to_string()
    }

    fn text(&mut self, text: &str, flags: Flags) {
        let safe = terminal_safe(text).replace('\n', " ");
        self.inline.push(Inline::Text(safe, flags));
    }

    /// Text columns left after indent and container prefixes.
    fn avail(&self) -> usize {
        let total = self.width.saturating_sub(self.indent).max(MIN_TEXT);
        let prefix = self.frames.iter().map(|f| match f {
            Frame::Quote => 2,
            Frame::List { .. } => 0,
            Frame::Item { marker, .. } => text_width(marker),
        });
        total.saturating_sub(prefix.sum()).max(MIN_TEXT)
    }

    /// Indent plus container prefixes; `first` places a pending list marker.
    fn prefix(&mut self, first: bool) -> String {
        let mut p = " ".repeat(self.indent);
        let bar = self.paint("│", DIM);
        for frame in &mut self.frames {
            match frame {
                Frame::Quote => p = p + &bar + " ",
                Frame::List { .. } => {}
                Frame::Item { marker, used } if first && !*used => {
                    p.push_str(marker);
                    *used = true;
                }
                Frame::Item { marker, .. } => p.push_str(&" ".repeat(text_width(marker))),
            }
        }
        p
    }

    fn emit(&mut self, content: &str) {
        let line = self.prefix(true) + content;
        self.out.push(line.trim_end().to_string());
        self.last_blank = false;
    }

    /// Flushes pending text, then writes a pending blank line.
    fn block_start(&mut self) {
        self.flush();
        if take(&mut self.blank) && !self.out.is_empty() && !self.last_blank {
            let line = self.prefix(false);
            self.out.push(line.trim_end().to_string());
            self.last_blank = true;
        }
    }

    /// Wraps the pending inline text and emits it; hard breaks start new lines.
    fn flush(&mut self) {
        let max = self.avail();
        let (mut words, mut cur) = (Vec::new(), Word::default());
        for item in take(&mut self.inline).into_iter().chain([Inline::Break]) {
            let Inline::Text(text, flags) = item else {
                finish_word(&mut cur, 0, max, &mut words);
                if words.is_empty() {
                    continue;
                }
                let words = take(&mut words);
                for line in textwrap::wrap_algorithms::wrap_first_fit(&words, &[max as f64]) {
                    let mut s = String::new();
                    for (i, word) in line.iter().enumerate() {
                        for (text, flags) in &word.parts {
                            s.push_str(&self.paint(text, *flags));
                        }
                        if i + 1 < line.len() {
                            s.push_str(&" ".repeat(word.space));
                        }
                    }
                    self.emit(&s);
                }
                continue;
            };
            for (i, chunk) in text.split(' ').enumerate() {
                if i > 0 {
                    finish_word(&mut cur, 1, max, &mut words);
                }
                if !chunk.is_empty() {
                    cur.width += text_width(chunk);
                    match cur.parts.last_mut() {
                        Some((last, f)) if *f == flags => last.push_str(chunk),
                        _ => cur.parts.push((chunk.to_string(), flags)),
                    }
                }
            }
        }
    }

    /// Code lines verbatim, indented 2, cut to the width with `…`.
    fn code_block(&mut self, code: &str) {
        let max = self.avail() - 2;
        for raw in code.lines() {
            let line = terminal_safe(raw);
            let line = line.trim_end();
            let mut cut = line.to_string();
            if text_width(line) > max {
                let mut width = 0;
                let fits = |&c: &char| {
                    width += char_width(c);
                    width < max
                };
                cut = line.chars().take_while(fits).collect();
                cut.push('…');
            }
            let painted = self.paint(&cut, CODE);
            self.emit(&format!("  {painted}"));
        }
    }

    fn end_link(&mut self) {
        let Some(Some((url, start))) = self.links.pop() else {
            return;
        };
        let texts = self.inline.get(start..).unwrap_or_default().iter();
        let shown: String = texts
            .filter_map(|i| match i {
                Inline::Text(t, _) => Some(t.as_str()),
                Inline::Break => None,
            })
            .collect();
        let flags = self.flags.last().copied().unwrap_or(0);
        if shown.trim().is_empty() {
            self.text(&url, flags | URL);
        } else if !url.is_empty() && shown != url && url.strip_prefix("mailto:") != Some(&shown) {
            self.text(" (", flags);
            self.text(&url, flags | URL);
            self.text(")", flags);
        }
    }

    fn event(&mut self, event: Event<'_>) {
        let f = self.flags.last().copied().unwrap_or(0);
        match event {
            Event::Text(t) => match &mut self.code {
                Some(code) => code.push_str(&t),
                None => self.text(&t, f),
            },
            Event::Code(t) => self.text(&t, f | CODE),
            Event::InlineHtml(t) => self.text(&t, f),
            Event::Html(t) => {
                for (i, line) in t.split('\n').enumerate() {
                    if i > 0 {
                        self.inline.push(Inline::Break);
                    }
                    self.text(line, f);
                }
            }
            Event::SoftBreak => self.text(" ", f),
            Event::HardBreak => self.inline.push(Inline::Break),
            Event::Rule => {
                self.block_start();
                let rule = self.paint(&"─".repeat(self.avail()), DIM);
                self.emit(&rule);
                self.blank = true;
            }
            Event::Start(Tag::Paragraph) => {
                if let [.., Frame::List { loose, .. }, Frame::Item { .. }] = &mut self.frames[..] {
                    *loose = true;
                }
                self.block_start();
            }
            Event::Start(Tag::Heading { .. }) => {
                self.block_start();
                self.flags.push(f | BOLD);
            }
            Event::Start(Tag::Strong | Tag::TableHead) => self.flags.push(f | BOLD),
            Event::Start(Tag::Emphasis) => self.flags.push(f | ITALIC),
            Event::Start(Tag::Strikethrough) => self.flags.push(f | STRIKE),
            Event::Start(Tag::BlockQuote(_)) => {
                self.block_start();
                self.frames.push(Frame::Quote);
            }
            Event::Start(Tag::CodeBlock(_)) => {
                self.block_start();
                self.code = Some(String::new());
            }
            Event::Start(Tag::List(next)) => {
                self.block_start();
                let (loose, items) = (false, 0);
                self.frames.push(Frame::List { next, loose, items });
            }
            Event::Start(Tag::Item) => {
                self.flush();
                let mut marker = "• ".to_string();
                if let Some(Frame::List { next, loose, items }) = self.frames.last_mut() {
                    *items += 1;
                    self.blank |= *items > 1 && *loose;
                    if let Some(n) = next {
                        marker = format!("{n}. ");
                        *n = n.saturating_add(1);
                    }
                }
                self.block_start();
                let used = false;
                self.frames.push(Frame::Item { marker, used });
            }
            Event::Start(Tag::TableRow) => self.cells = 0,
            Event::Start(Tag::TableCell) => {
                if self.cells > 0 {
                    self.text(" · ", f);
                }
                self.cells += 1;
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let url = terminal_safe(&dest_url).into_owned();
                self.links.push(Some((url, self.inline.len())));
            }
            Event::Start(Tag::Image { .. }) => self.links.push(None),
            Event::Start(Tag::Table(_) | Tag::HtmlBlock) => self.block_start(),
            Event::End(TagEnd::Strong | TagEnd::Emphasis | TagEnd::Strikethrough) => {
                _ = self.flags.pop()
            }
            Event::End(TagEnd::TableHead) => {
                self.flush();
                self.flags.pop();
            }
            Event::End(TagEnd::Heading(_)) => {
                self.flush();
                self.flags.pop();
                self.blank = true;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                self.flush();
                self.frames.pop();
                self.blank = true;
            }
            Event::End(TagEnd::CodeBlock) => {
                let code = self.code.take().unwrap_or_default();
                self.code_block(&code);
                self.blank = true;
            }
            Event::End(TagEnd::List(_)) => {
                self.flush();
                if let Some(Frame::List { loose, .. }) = self.frames.pop() {
                    let nested = self.frames.iter().any(|f| matches!(f, Frame::Item { .. }));
                    self.blank = loose || !nested;
                }
            }
            Event::End(TagEnd::Item) => {
                self.flush();
                if let Some(Frame::Item { used: false, .. }) = self.frames.last() {
                    self.emit("");
                }
                self.frames.pop();
            }
            Event::End(TagEnd::TableRow) => self.flush(),
            Event::End(TagEnd::Link) => self.end_link(),
            Event::End(TagEnd::Image) => _ = self.links.pop(),
            Event::End(TagEnd::Paragraph | TagEnd::Table | TagEnd::HtmlBlock) => {
                self.flush();
                self.blank = true;
            }
            // Not enabled: footnotes, math, task lists, definition lists, …
            _ => {}
        }
    }
}

/// Ends the word being built (with `space` columns after it), breaking it
/// into pieces of at most `max` columns if it is too long for a line.
fn finish_word(cur: &mut Word, space: usize, max: usize, words: &mut Vec<Word>) {
    let word = take(cur);
    if word.parts.is_empty() {
        return;
    } else if word.width <= max {
        return words.push(Word { space, ..word });
    }
    let mut piece = Word::default();
    for (text, flags) in word.parts {
        let mut buf = String::new();
        for c in text.chars() {
            let w = char_width(c);
            if w > 0 && piece.width > 0 && piece.width + w > max {
                if !buf.is_empty() {
                    piece.parts.push((take(&mut buf), flags));
                }
                words.push(take(&mut piece));
            }
            buf.push(c);
            piece.width += w;
        }
        if !buf.is_empty() {
            piece.parts.push((buf, flags));
        }
    }
    words.push(Word { space, ..piece });
}

#[cfg(test)]
mod tests {
    use super::*;

    const GUIDE: &str = "Write the challenge as the group understands it today, in one or two sentences.\n\n**Say:** \"We are not solving anything yet. We want to agree on what the problem is.\"\n\n- Ask each person to write alone for **two minutes**, then read out.\n- Look for the *user*, the *situation* and the *outcome* they want.\n  - Nested: note who is missing from the room.\n1. First\n2. Second, a long item that will wrap onto the next line when the terminal is eighty columns wide or less\n\n> How might we **[help whom]** to **[do what]** so that **[outcome]**?\n\nSee [the OECD guide](https://oecd-opsi.org/toolkits/) for more.\n";

    fn md(text: &str, width: usize, indent: usize, color: bool) -> String {
        render(
            text,
            &Style {
                width,
                indent,
                color,
            },
        )
    }

    /// Removes SGR sequences (`ESC [ digits ; … m`); any other ESC is kept.
    fn strip_sgr(text: &str) -> String {
        let (mut out, mut rest) = (String::new(), text);
        while let Some(at) = rest.find('\x1b') {
            out.push_str(&rest[..at]);
            let body = rest[at + 1..].strip_prefix('[').unwrap_or("");
            match body.find(|c: char| !c.is_ascii_digit() && c != ';') {
                Some(n) if body[n..].starts_with('m') => rest = &body[n + 1..],
                _ => (out, rest) = (out + "\x1b", &rest[at + 1..]),
            }
        }
        out + rest
    }

    fn check_lines(out: &str, width: usize) {
        for line in out.lines() {
            assert!(text_width(&strip_sgr(line)) <= width, "too wide: {line:?}");
            assert_eq!(line, line.trim_end(), "trailing space: {line:?}");
        }
        assert!(!out.ends_with('\n'));
    }

    #[test]
    fn guide_at_80_and_40_plain() {
        let expected_80 = "\
Write the challenge as the group understands it today, in one or two sentences.

Say: \"We are not solving anything yet. We want to agree on what the problem is.\"

• Ask each person to write alone for two minutes, then read out.
• Look for the user, the situation and the outcome they want.
  • Nested: note who is missing from the room.

1. First
2. Second, a long item that will wrap onto the next line when the terminal is
   eighty columns wide or less

│ How might we [help whom] to [do what] so that [outcome]?

See the OECD guide (https://oecd-opsi.org/toolkits/) for more.";
        assert_eq!(md(GUIDE, 80, 0, false), expected_80);
        let expected_40 = "\
Write the challenge as the group
understands it today, in one or two
sentences.

Say: \"We are not solving anything yet.
We want to agree on what the problem
is.\"

• Ask each person to write alone for two
  minutes, then read out.
• Look for the user, the situation and
  the outcome they want.
  • Nested: note who is missing from the
    room.

1. First
2. Second, a long item that will wrap
   onto the next line when the terminal
   is eighty columns wide or less

│ How might we [help whom] to [do what]
│ so that [outcome]?

See the OECD guide
(https://oecd-opsi.org/toolkits/) for
more.";
        let out = md(GUIDE, 40, 0, false);
        assert_eq!(out, expected_40);
        check_lines(&out, 40);
        assert!(!out.contains('\x1b'));
    }

    #[test]
    fn color_styles_without_markdown_syntax() {
        let out = md(GUIDE, 60, 2, true);
        assert!(out.contains("\x1b[1mSay:\x1b[0m") && out.contains("\x1b[3muser\x1b[0m"));
        assert!(!out.contains("**") && !out.contains("> ") && !out.contains("]("));
        check_lines(&out, 60);
        assert!(out.lines().all(|l| l.is_empty() || l.starts_with("  ")));
        let heading = md("### Step *one*", 60, 0, true);
        assert!(heading.starts_with("\x1b[1mStep") && !heading.contains('#'));
    }

    #[test]
    fn inline_elements_plain() {
        let text =
            "### Step\n\nUse `git status`, see <https://x.org>, ![a chart](c.png), _it_ __b__.";
        let expected = "Step\n\nUse git status, see https://x.org, a chart, it b.";
        assert_eq!(md(text, 80, 0, false), expected);
        assert_eq!(md("a\\\nb  \nc\nd", 80, 0, false), "a\nb\nc d");
        assert_eq!(md("<b>x</b> <script>", 80, 0, false), "<b>x</b> <script>");
    }

    #[test]
    fn long_portuguese_paragraph_fits() {
        let text = "Peça a cada pessoa que descreva, em poucas palavras, a situação \
            atual do serviço público: quem é atendido, onde há fricção, o que \
            já foi tentado e por que não funcionou 🙂. Anotações à mão são \
            bem-vindas; ninguém precisa ter razão agora — coração ❤️ aberto, \
            café ☕ e paciência. Extraordinariamente-longa-palavra-composta-sem-espaços.";
        for width in [20, 33, 40, 61, 80] {
            for (indent, color) in [(0, false), (3, false), (0, true), (3, true)] {
                check_lines(&md(text, width, indent, color), width);
            }
        }
        assert_eq!((text_width("❤️"), text_width("açaí 中文")), (2, 9));
    }

    #[test]
    fn hostile_text_is_neutralised() {
        let text = "Hi \x1b[2J there\x07 &#27;[31m &#x9b;1m\x7f\r\n\n```\n\x1b]0;x\x07\tz\n```\n\n[a](http://e/\x1b[0m)";
        for color in [false, true] {
            let out = md(text, 40, 0, color);
            let shown = strip_sgr(&out);
            assert!(
                !shown.chars().any(|c| c.is_control() && c != '\n'),
                "{out:?}"
            );
            assert!(color || !out.contains('\x1b'));
            assert!(out.contains("\u{FFFD}[2J") && out.contains("\u{FFFD}[31m"));
        }
        assert_eq!(terminal_safe("a\tb\x1b\u{85}"), "a    b\u{FFFD}\u{FFFD}");
        assert!(matches!(
            terminal_safe("plain ü\n"),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn lists_quotes_code_rule_table() {
        let nested = "- outer item with several words to wrap\n  - inner item with several words to wrap\n    1. deep";
        let expected = "• outer item with\n  several words to wrap\n  • inner item with\n    several words to\n    wrap\n    1. deep";
        assert_eq!(md(nested, 24, 0, false), expected);
        let quote =
            "> one two three four five six seven eight nine ten\n>\n> > nested quote text here";
        let expected = "│ one two three four\n│ five six seven\n│ eight nine ten\n│\n│ │ nested quote\n│ │ text here";
        assert_eq!(md(quote, 20, 0, false), expected);
        let ordered = md("3. three\n4. four is a longer item\n", 16, 0, false);
        assert_eq!(ordered, "3. three\n4. four is a\n   longer item");
        let loose = md("- a\n\n  more a\n\n- b\n\n\nAfter", 40, 0, false);
        assert_eq!(loose, "• a\n\n  more a\n\n• b\n\nAfter");
        let blocks = "```\nshort\n\tx\nthis line is definitely longer than twenty\n```\n\n---\n\n| a | b |\n|---|---|\n| 1 | 2 |";
        let expected =
            "  short\n      x\n  this line is defi…\n\n────────────────────\n\na · b\n1 · 2";
        assert_eq!(md(blocks, 20, 0, false), expected);
    }

    #[test]
    fn tiny_widths_do_not_panic() {
        for width in 0..12 {
            for indent in [0, 4, 30] {
                assert!(md(GUIDE, width, indent, width % 2 == 0).contains("outcome"));
            }
        }
        assert!(
            md(
                "> > > - - - 1. 中文中文中文中文中文中文 ```x```",
                5,
                0,
                false
            )
            .contains("中文")
        );
        assert_eq!(md("", 80, 0, false), "");
    }
}
