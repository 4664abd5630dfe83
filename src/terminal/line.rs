//! A one-line text input drawn with `console`, for answers that may wrap.
//!
//! Hand-written on purpose: dialoguer's `Input` clears only one row when it
//! redraws, so once the prompt and the answer wrap past the terminal width it
//! leaves half-drawn copies behind. Here the prompt and text are laid out in
//! display columns exactly as the terminal wraps them (a wide character that
//! does not fit moves to the next row), the row the cursor was left on is
//! remembered, and each redraw goes back to the first row, clears from there
//! and writes the whole frame in one go. Like `choose`, the editing and the
//! layout live in a pure `State` and pure functions (unit-tested); the
//! terminal I/O around them is thin. The text cursor stays visible.

use std::fmt::Write as _;
use std::io;

use super::choose::summary_line;
use super::keys::KeySource;
use console::{Key, Style, Term};

/// What the person answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    /// Enter: the whole line as typed, not trimmed.
    Text(String),
    /// Esc or Ctrl-C.
    Cancelled,
}

/// One line of text to type; see [`LineInput::read`].
pub struct LineInput<'a> {
    pub term: &'a Term,      // always Term::stderr() in labkit
    pub prompt: &'a str,     // already translated and sanitised
    pub initial: &'a str,    // pre-filled text; the cursor starts at its end
    pub color: bool,         // styles only when true; no escapes otherwise
    pub keys: &'a KeySource, // the terminal itself, or a room run's channel
}

impl LineInput<'_> {
    /// Edits until Enter (`Text`) or Esc/Ctrl-C (`Cancelled`), then leaves one
    /// summary line in place of the rows it used.
    pub fn read(&self) -> io::Result<Line> {
        let term = self.term;
        if !term.is_term() {
            let why = "a question needs a terminal to answer it";
            return Err(io::Error::new(io::ErrorKind::NotConnected, why));
        }
        let mut st = State::new(self.initial);
        let mut drawn = None;
        let line = loop {
            // Read the size at every redraw so a resize is honoured.
            let width = screen_width(term);
            let (out, now) = frame(self.prompt, &st, drawn.as_ref(), width, self.color);
            term.write_str(&out)?;
            drawn = Some(now);
            // Raw read: Ctrl-C arrives as a key instead of a signal; an
            // Interrupted error (console's other way to report it) cancels too.
            let key = match self.keys.key(term) {
                Ok(key) => key,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => Key::CtrlC,
                Err(e) => {
                    let _ = term.write_str(&back(drawn.as_ref(), screen_width(term)));
                    return Err(e);
                }
            };
            if let Some(line) = st.key(key) {
                break line;
            }
        };
        // One column of slack, as in `choose`: a line ending exactly at the
        // margin wraps early on some terminals.
        let width = screen_width(term);
        let done = summary(self.prompt, &line, width.saturating_sub(1), self.color);
        term.write_str(&format!("{}{done}\n", back(drawn.as_ref(), width)))?;
        Ok(line)
    }
}

fn screen_width(term: &Term) -> usize {
    usize::from(term.size().1).max(1)
}

/// The text being edited; no I/O. The room panel's input line edits with it too.
#[derive(Debug)]
pub(super) struct State {
    pub(super) text: Vec<char>,
    /// Index into `text` of the char the cursor stands before.
    pub(super) cursor: usize,
}

impl State {
    pub(super) fn new(initial: &str) -> Self {
        let text: Vec<char> = initial.chars().collect();
        let cursor = text.len();
        Self { text, cursor }
    }

    /// Applies one key; `Some` once the question is answered (or left).
    pub(super) fn key(&mut self, key: Key) -> Option<Line> {
        match key {
            Key::Enter => return Some(Line::Text(self.text.iter().collect())),
            Key::Escape | Key::CtrlC | Key::Char('\x03') => return Some(Line::Cancelled),
            Key::Char('\x15') => {
                // Ctrl-U
                self.text.clear();
                self.cursor = 0;
            }
            Key::Char('\x17') => self.delete_word(), // Ctrl-W
            Key::Char(c) if !c.is_control() => {
                self.text.insert(self.cursor, c);
                self.cursor += 1;
            }
            Key::Backspace => {
                let from = self.prev();
                self.text.drain(from..self.cursor);
                self.cursor = from;
            }
            Key::Del => {
                let to = self.next();
                self.text.drain(self.cursor..to);
            }
            Key::ArrowLeft => self.cursor = self.prev(),
            Key::ArrowRight => self.cursor = self.next(),
            // Ctrl-A and Ctrl-E arrive as Home and End.
            Key::Home => self.cursor = 0,
            Key::End => self.cursor = self.text.len(),
            _ => {}
        }
        None
    }

    /// True where the cursor may stand: not before a zero-width mark (a
    /// combining accent, a joiner), which belongs with the char before it.
    fn boundary(&self, at: usize) -> bool {
        at == 0 || self.text.get(at).is_none_or(|&c| cols(c) > 0)
    }

    /// Where Left and Backspace go: the start of the character before.
    fn prev(&self) -> usize {
        let mut at = self.cursor.saturating_sub(1);
        while !self.boundary(at) {
            at -= 1;
        }
        at
    }

    /// Where Right and Delete go: the end of the character after.
    fn next(&self) -> usize {
        let mut at = (self.cursor + 1).min(self.text.len());
        while !self.boundary(at) {
            at += 1;
        }
        at
    }

    /// Ctrl-W: spaces before the cursor, then the word before them.
    fn delete_word(&mut self) {
        let before = |at: usize| self.text.get(at.wrapping_sub(1)).copied();
        let mut from = self.cursor;
        while before(from).is_some_and(char::is_whitespace) {
            from -= 1;
        }
        while before(from).is_some_and(|c| !c.is_whitespace()) {
            from -= 1;
        }
        self.text.drain(from..self.cursor);
        self.cursor = from;
    }
}

/// The prompt part of the line, before any styling.
fn head_text(prompt: &str) -> String {
    format!("? {prompt} › ")
}

/// What a redraw left on screen: enough for the next one to find its first
/// row again, even at another width.
#[derive(Debug)]
struct Drawn {
    /// Display width of each char written (prompt, text, a pending-wrap space).
    cells: Vec<usize>,
    /// Index into `cells` of the char the cursor was left on.
    at: usize,
}

impl Drawn {
    /// The row (0 = the widget's first) the cursor was left on, were the screen
    /// now `width` columns wide. At the width of the draw that is exactly where
    /// it was left; after a resize it is where terminals that reflow wrapped
    /// rows (tmux, VTE, iTerm2, Windows Terminal, kitty) carry it.
    fn cursor_row(&self, width: usize) -> usize {
        position(&self.cells, self.at, width).0
    }
}

/// Where each char starts, as (row, column), when chars `cells` columns wide
/// are written from the left edge of a `width`-column screen that wraps:
/// a char that does not fit on the row starts the next one. Also returns
/// where writing ends, whose column is `width` when the last char filled the
/// row (the terminal then waits to wrap until the next char comes).
fn place(cells: &[usize], width: usize) -> (Vec<(usize, usize)>, (usize, usize)) {
    let (mut row, mut col) = (0, 0);
    let mut starts = Vec::with_capacity(cells.len());
    for &w in cells {
        if col > 0 && col + w > width {
            (row, col) = (row + 1, 0);
        }
        starts.push((row, col));
        col += w;
    }
    (starts, (row, col))
}

/// The screen position of the cursor standing before char `at` (or at the end).
fn position(cells: &[usize], at: usize, width: usize) -> (usize, usize) {
    let (starts, end) = place(cells, width);
    let (row, col) = starts.get(at).copied().unwrap_or(end);
    if col >= width {
        (row + 1, 0)
    } else {
        (row, col)
    }
}

/// Back to the first row of the previous draw (if any), clearing from there
/// to the end of the screen: every row it used, and any keys the tty echoed
/// between two reads. The first row is cleared on its own and the rest from
/// its second column: a clear to the end of the screen from the top-left
/// corner makes tmux (`scroll-on-clear`) push the screen into the scrollback,
/// a copy at every key when the question sits at the top of the screen.
fn back(before: Option<&Drawn>, width: usize) -> String {
    back_up(before.map_or(0, |drawn| drawn.cursor_row(width)))
}

/// Back `up` rows to the first row of a draw, clearing from there as `back` says; the room's
/// panel clears its draws the same way.
pub(super) fn back_up(up: usize) -> String {
    let mut out = String::from("\r");
    if up > 0 {
        let _ = write!(out, "\x1b[{up}A");
    }
    out.push_str("\x1b[K\x1b[C\x1b[J\r");
    out
}

/// One redraw as a single string, and what it leaves on screen.
fn frame(
    prompt: &str,
    st: &State,
    before: Option<&Drawn>,
    width: usize,
    color: bool,
) -> (String, Drawn) {
    let mut out = back(before, width);
    let prompt = shown(prompt);
    let head = [
        (Style::new().cyan().bold(), "?"),
        (Style::new().bold(), &format!(" {prompt}")),
        (Style::new().dim(), " › "),
    ];
    for (style, part) in head {
        out.push_str(&style.force_styling(color).apply_to(part).to_string());
    }
    let head = head_text(&prompt);
    let text: String = st.text.iter().map(|&c| safe(c)).collect();
    out.push_str(&text);
    let mut cells: Vec<usize> = head.chars().chain(text.chars()).map(cols).collect();
    let at = head.chars().count() + st.cursor;
    let (_, (mut end_row, end_col)) = place(&cells, width);
    if end_col >= width {
        // Pending wrap: the text filled the last column and the terminal
        // holds the cursor there until the next char. Write that char (a
        // space, then back to its column) so the cursor really is on the
        // next row, wherever it goes from here.
        out.push_str(" \r");
        cells.push(1);
        end_row += 1;
    }
    let (row, col) = position(&cells, at, width);
    if end_row > row {
        let _ = write!(out, "\x1b[{}A", end_row - row);
    }
    out.push('\r');
    if col > 0 {
        let _ = write!(out, "\x1b[{col}C");
    }
    (out, Drawn { cells, at })
}

/// The one line left in the scrollback once the question is done, at most
/// `width` columns wide.
fn summary(prompt: &str, line: &Line, width: usize, color: bool) -> String {
    let (mark, answer) = match line {
        Line::Text(text) => ("✔ ", shown(text)),
        Line::Cancelled => ("  ", "✗".to_string()),
    };
    summary_line(mark, &shown(prompt), &answer, width, color)
}

/// A char as it may be printed: control characters (C0, DEL, C1) never are.
pub(super) fn safe(c: char) -> char {
    if c.is_control() { '\u{FFFD}' } else { c }
}

fn shown(text: &str) -> String {
    text.chars().map(safe).collect()
}

/// Display columns of one char as printed: 0 for combining marks and joiners,
/// 2 for CJK and most emoji. Per char, as terminals count.
pub(super) fn cols(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(safe(c)).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Presses keys spelt as one char each.
    fn press(st: &mut State, keys: &str) -> Option<Line> {
        let mut last = None;
        for c in keys.chars() {
            last = st.key(match c {
                '←' => Key::ArrowLeft,
                '→' => Key::ArrowRight,
                '⇱' => Key::Home,
                '⇲' => Key::End,
                '⌫' => Key::Backspace,
                '⌦' => Key::Del,
                '⏎' => Key::Enter,
                '⎋' => Key::Escape,
                '©' => Key::CtrlC,
                '⇥' => Key::Tab,
                '↑' => Key::ArrowUp,
                'Ü' => Key::Char('\x15'),
                'Ŵ' => Key::Char('\x17'),
                '¿' => Key::UnknownEscSeq(vec!['[', '2']),
                c => Key::Char(c),
            });
        }
        last
    }

    fn typed(initial: &str, keys: &str) -> (String, usize, Option<Line>) {
        let mut st = State::new(initial);
        let last = press(&mut st, keys);
        (st.text.iter().collect(), st.cursor, last)
    }

    #[test]
    fn editing_keys() {
        let cases = [
            ("", "abc", "abc", 3),
            ("abc", "←←x", "axbc", 2),
            ("abc", "⇱x⇲y", "xabcy", 5),
            ("abc", "⌫⌫", "a", 1),
            ("abc", "⇱⌫⌦", "bc", 0),
            ("abc", "⇲⌦→→", "abc", 3),
            ("abc", "←←←←←→z", "azbc", 2),
            ("hello big world", "Ü", "", 0),
            ("hello big world", "←←ÜA", "A", 1),
            ("hello big  world", "Ŵ", "hello big  ", 11),
            ("hello big  world", "←←←←←Ŵ", "hello world", 6),
            ("hello", "ŴŴŴx", "x", 1),
            ("ab", "⇥↑¿\x02\u{85}\x7f\x1b", "ab", 2),
            ("ação", "←⌫", "aço", 2),
            ("a\u{303}o", "←←x", "xa\u{303}o", 1),
            ("a\u{303}o", "←⌫", "o", 0),
            ("a\u{303}b", "⇱⌦", "b", 0),
            ("日本", "←é", "日é本", 2),
        ];
        for (initial, keys, text, cursor) in cases {
            let want = (text.to_string(), cursor, None);
            assert_eq!(typed(initial, keys), want, "{initial:?} + {keys:?}");
        }
    }

    #[test]
    fn leaving_keys() {
        let text = |s: &str| Some(Line::Text(s.to_string()));
        assert_eq!(typed(" a b ", "⏎").2, text(" a b "), "not trimmed");
        assert_eq!(typed("", "⏎").2, text(""));
        assert_eq!(typed("ab", "←c⏎").2, text("acb"), "the whole line");
        assert_eq!(typed("x\ty", "⏎").2, text("x\ty"), "returned as given");
        for keys in ["⎋", "©", "\x03"] {
            assert_eq!(typed("abc", keys).2, Some(Line::Cancelled), "{keys:?}");
        }
    }

    /// Cursor position for prompt `ab` (7 columns: `? ab › `) plus `text`,
    /// the cursor before char `at` of the text, at `width`.
    fn cursor(text: &str, at: usize, width: usize) -> (usize, usize) {
        let st = State {
            text: text.chars().collect(),
            cursor: at,
        };
        let drawn = frame("ab", &st, None, width, false).1;
        (
            drawn.cursor_row(width),
            position(&drawn.cells, drawn.at, width).1,
        )
    }

    #[test]
    fn cursor_in_wrapped_text() {
        assert_eq!(text_width(&head_text("ab")), 7);
        let text = "abcdefghijklmnopqrstuvwxyz0123"; // 30: rows of 20 + 17
        assert_eq!(cursor(text, 0, 20), (0, 7));
        assert_eq!(cursor(text, 12, 20), (0, 19), "last column of row 0");
        assert_eq!(cursor(text, 13, 20), (1, 0), "first of row 1");
        assert_eq!(cursor(text, 30, 20), (1, 17), "end");
        let long = "x".repeat(150);
        assert_eq!(cursor(&long, 150, 20), (7, 17), "157 cells");
        assert_eq!(cursor(&long, 150, 80), (1, 77));
        assert_eq!(cursor(&long, 73, 80), (1, 0));
        assert_eq!(cursor(&long, 72, 80), (0, 79));
        assert_eq!(cursor("", 0, 20), (0, 7));
    }

    #[test]
    fn pending_wrap() {
        // 7 + 13 = 20: the text fills row 0 to the last column.
        let st = State::new("abcdefghijklm");
        let (out, drawn) = frame("ab", &st, None, 20, false);
        assert_eq!(out, "\r\x1b[K\x1b[C\x1b[J\r? ab › abcdefghijklm \r\r");
        assert_eq!(drawn.cursor_row(20), 1, "cursor on the next row, column 0");
        assert_eq!(drawn.cells.len(), 21, "the space that made the wrap");
        let mut st = st;
        press(&mut st, "←");
        let (out, drawn) = frame("ab", &st, Some(&drawn), 20, false);
        let want = "\r\x1b[1A\x1b[K\x1b[C\x1b[J\r? ab › abcdefghijklm \r\x1b[1A\r\x1b[19C";
        assert_eq!(out, want, "up one row, clear, redraw, up to the `m`");
        assert_eq!(drawn.cursor_row(20), 0);
        let st = State::new(&"y".repeat(33)); // 40 cells: two full rows
        assert_eq!(frame("ab", &st, None, 20, false).1.cursor_row(20), 2);
        assert_eq!(cursor(&"y".repeat(12), 12, 20), (0, 19), "one short");
    }

    #[test]
    fn wide_chars() {
        // Six CJK chars fill columns 7..19; the seventh does not fit in the
        // one column left, so the terminal puts it at the start of row 1.
        let text = "日本語テキスト";
        assert_eq!(cursor(text, 6, 20), (1, 0));
        assert_eq!(cursor(text, 5, 20), (0, 17));
        assert_eq!(cursor(text, 7, 20), (1, 2));
        assert_eq!(cursor("日本語テキ", 5, 20), (0, 17), "17 + 2 = 19 cells");
        assert_eq!(cursor("日本語テキx", 6, 20), (0, 18));
        assert_eq!(cursor("日本語テキスx", 7, 20), (1, 0), "x filled the row");
        let mixed = "ação 🎉 a\u{303}oé!"; // 12 chars, 12 columns
        assert_eq!(cursor(mixed, 9, 20), (0, 16), "after the ã spelt a + ◌̃");
        assert_eq!(cursor(mixed, 12, 20), (0, 19));
        assert_eq!(cursor(&format!("{mixed}?"), 13, 20), (1, 0), "pending");
        assert_eq!(
            cursor("\u{1}\x1b[2J", 5, 20),
            (0, 12),
            "controls: one � each"
        );
    }

    #[test]
    fn never_prints_controls() {
        let st = State::new("a\x1b[31mb\u{9b}c\x07");
        let (out, _) = frame("p\nq", &st, None, 80, false);
        assert_eq!(
            out,
            "\r\x1b[K\x1b[C\x1b[J\r? p\u{FFFD}q › a\u{FFFD}[31mb\u{FFFD}c\u{FFFD}\r\x1b[18C"
        );
        let line = Line::Text("x\ry".into());
        assert_eq!(summary("p", &line, 80, false), "✔ p · x\u{FFFD}y");
    }

    #[test]
    fn summaries() {
        let text = |s: &str| Line::Text(s.to_string());
        assert_eq!(summary("Name", &text("Ana"), 79, false), "✔ Name · Ana");
        assert_eq!(summary("Name", &Line::Cancelled, 79, false), "  Name · ✗");
        assert_eq!(
            summary("Name", &text("Ana Lima"), 12, false),
            "✔ Name · An…"
        );
        let long = text(&"palavra ".repeat(30));
        for width in 0..100 {
            let line = summary("Nome do projeto", &long, width, false);
            assert!(text_width(&line) <= width, "{line:?} wider than {width}");
        }
        assert_eq!(
            summary("P", &text("日本語テキスト"), 12, false),
            "✔ P · 日本…"
        );
        let styled = summary("P", &text("abcdefgh"), 10, true);
        assert_eq!(
            styled, "\x1b[32m✔ \x1b[0m\x1b[1mP\x1b[0m\x1b[2m · \x1b[0m\x1b[36mabc…\x1b[0m",
            "cut before styling"
        );
        assert!(!summary("P", &text("a"), 80, false).contains('\x1b'));
    }

    fn text_width(s: &str) -> usize {
        s.chars().map(cols).sum()
    }

    /// Just enough of a terminal (autowrap with pending wrap, wide chars,
    /// `\r`, CUU, CUF, ED, SGR) to see what a sequence of frames leaves.
    struct Screen {
        width: usize,
        rows: Vec<Vec<char>>,
        row: usize,
        col: usize, // == width while a wrap is pending
    }

    impl Screen {
        fn new(width: usize) -> Self {
            let rows = vec!["earlier output".chars().collect(), vec![]];
            Self {
                width,
                rows,
                row: 1,
                col: 0,
            }
        }

        fn write(&mut self, out: &str) {
            let mut chars = out.chars();
            while let Some(c) = chars.next() {
                match c {
                    '\r' => self.col = 0,
                    '\n' => (self.row, self.col) = (self.row + 1, 0),
                    '\x1b' => {
                        assert_eq!(chars.next(), Some('['));
                        let mut n = String::new();
                        let mut op = chars.next();
                        while let Some(d) = op.filter(char::is_ascii_digit) {
                            n.push(d);
                            op = chars.next();
                        }
                        let n: usize = n.parse().unwrap_or(1);
                        self.col = self.col.min(self.width - 1);
                        match op {
                            Some('A') => self.row = self.row.checked_sub(n).unwrap(),
                            Some('C') => self.col = (self.col + n).min(self.width - 1),
                            Some('J') => {
                                assert!(self.col > 0, "tmux scrolls on clear from column 0");
                                self.rows.truncate(self.row + 1);
                                self.rows[self.row].truncate(self.col);
                            }
                            Some('K') => self.rows[self.row].truncate(self.col),
                            Some('m') => {}
                            op => panic!("unexpected {op:?}"),
                        }
                    }
                    c => {
                        assert!(!c.is_control(), "control {c:?} printed");
                        let w = cols(c);
                        if w == 0 {
                            continue;
                        }
                        if self.col + w > self.width {
                            (self.row, self.col) = (self.row + 1, 0);
                        }
                        if self.rows.len() <= self.row {
                            self.rows.resize(self.row + 1, vec![]);
                        }
                        let line = &mut self.rows[self.row];
                        if line.len() < self.col + w {
                            line.resize(self.col + w, ' ');
                        }
                        line[self.col] = c;
                        if w == 2 {
                            line[self.col + 1] = '\0'; // the right half
                        }
                        self.col += w;
                    }
                }
            }
        }

        fn lines(&self) -> Vec<String> {
            let text = |row: &Vec<char>| row.iter().filter(|&&c| c != '\0').collect();
            self.rows.iter().map(text).collect()
        }
    }

    /// Types `keys` one at a time, redrawing as `read` does, and checks the
    /// screen after each: the earlier output intact, exactly the rows of
    /// this frame below it, the cursor where the edit position is.
    fn replay(initial: &str, keys: &str, width: usize) -> Screen {
        let mut screen = Screen::new(width);
        let mut st = State::new(initial);
        let mut drawn = None;
        for key in std::iter::once(None).chain(keys.chars().map(Some)) {
            if let Some(key) = key {
                assert_eq!(press(&mut st, &key.to_string()), None);
            }
            let (out, now) = frame("ab", &st, drawn.as_ref(), width, true);
            screen.write(&out);
            let whole: Vec<char> = head_text("ab").chars().chain(st.text.clone()).collect();
            let mut want: Vec<String> = vec![String::new()];
            let (mut col, mut row) = (0, 1);
            let mut at = None;
            for (i, &c) in whole.iter().enumerate() {
                if col > 0 && col + cols(c) > width {
                    want.push(String::new());
                    (col, row) = (0, row + 1);
                }
                if i == whole.len() - st.text.len() + st.cursor {
                    at = Some((row, col));
                }
                if cols(c) > 0 {
                    want.last_mut().unwrap().push(c); // marks take no cell
                }
                col += cols(c);
            }
            if col >= width {
                want.push(" ".into());
                (col, row) = (0, row + 1);
            }
            let at = at.unwrap_or((row, col));
            let at = if at.1 >= width { (at.0 + 1, 0) } else { at };
            let lines = screen.lines();
            assert_eq!(lines[0], "earlier output", "{keys:?}");
            assert_eq!(lines[1..], want, "after {key:?} in {keys:?}");
            assert_eq!((screen.row, screen.col), at, "after {key:?} in {keys:?}");
            drawn = Some(now);
        }
        let out =
            back(drawn.as_ref(), width) + &summary("ab", &Line::Cancelled, width - 1, true) + "\n";
        screen.write(&out);
        assert_eq!(screen.lines(), ["earlier output", "  ab · ✗"]);
        assert_eq!((screen.row, screen.col), (2, 0), "on the line below");
        screen
    }

    #[test]
    fn redraws_leave_no_residue() {
        let long = "Uma resposta longa, pré-preenchida, que passa da largura do terminal 日本語 🎉 e continua até ao fim.";
        replay(long, "←←←←←←←←←←←←←←←←←←←←←←←←←←←←←←XYZ⌫⌫⌫⌫⌫⌫⌫⌫⌫", 20);
        replay(long, "⇱→→→→→→→→→→→→→→→→→→→→xy⌦⌦⇲⌫⌫ŴŴabcÜnew", 20);
        replay(long, "⇱日本語テキスト⇲a\u{303}bcdefghijklmnop", 20);
        replay("", "abcdefghijklm⌫n⌫⌫mn←←→→", 20);
        replay(&"x".repeat(150), "←←←←←←←←y⌫⌫⌫⌫⇱Ü", 40);
        replay("日本語テキスト", "⌫x⌫テ←←", 20);
        replay("", "日本語テキストx", 21);
    }

    #[test]
    fn after_a_resize() {
        // Drawn at 20 columns, cursor on row 7 (157 cells); a reflowing
        // terminal at 80 columns carries the cursor to row 1.
        let st = State::new(&"x".repeat(150));
        let drawn = frame("ab", &st, None, 20, false).1;
        assert_eq!([20, 40, 80, 200].map(|w| drawn.cursor_row(w)), [7, 3, 1, 0]);
        assert_eq!(back(Some(&drawn), 40), "\r\x1b[3A\x1b[K\x1b[C\x1b[J\r");
        assert_eq!(back(Some(&drawn), 200), "\r\x1b[K\x1b[C\x1b[J\r");
    }

    #[test]
    fn refuses_without_a_terminal() -> io::Result<()> {
        let null = || {
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open("/dev/null")
        };
        let term = Term::read_write_pair(null()?, null()?);
        let ask = LineInput {
            term: &term,
            prompt: "P",
            initial: "x",
            color: false,
            keys: &KeySource::Direct,
        };
        let err = ask.read().err().map(|e| e.kind());
        assert_eq!(err, Some(io::ErrorKind::NotConnected));
        Ok(())
    }
}
