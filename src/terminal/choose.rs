//! Choice widgets (pick one, pick several, yes/no) drawn with `console`.
//!
//! Hand-written on purpose: dialoguer's `Select`/`MultiSelect`/`Confirm` have
//! no key hooks, so they cannot honour the keys labkit promises on screen at
//! every prompt (`<` goes back, `-` skips an optional question), and they
//! leave residue lines when a label wraps. Here every drawn line is cut to the
//! terminal width (measured in display columns) so nothing ever wraps, and a
//! redraw clears exactly the lines drawn before. The key handling and layout
//! live in a pure `State` (unit-tested); the terminal I/O around it is thin.

use std::io;

use console::{Key, Style, Term};

use super::keys::KeySource;

/// What the person answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picked<T> {
    Chosen(T),
    Back,
    Skip,
    Cancelled,
}

/// The few words of the one-line summaries, in the message language (prompts and labels come
/// translated).
fn word(key: &'static str) -> String {
    crate::i18n::msg(key, &[])
}

/// A list of labels to choose from; see [`Chooser::select`] and [`Chooser::multi`].
pub struct Chooser<'a> {
    pub term: &'a Term,      // always Term::stderr() in labkit
    pub prompt: &'a str,     // already translated
    pub hint: &'a str,       // key help, shown dim under the prompt (wrapped, never cut)
    pub items: &'a [String], // labels, already sanitised (no control characters)
    pub color: bool,         // styles only when true; no escapes otherwise
    pub allow_skip: bool,    // `-` returns Skip only when true; otherwise it does nothing
    pub keys: &'a KeySource, // the terminal itself, or a room run's channel
}

impl Chooser<'_> {
    /// The key hint, wrapped to `width` at its ` · ` separators, never cut: every key it names
    /// must be readable (a longer language, a narrow terminal). One row in the usual case.
    fn hint_rows(&self, width: usize) -> Vec<String> {
        if self.hint.is_empty() {
            return Vec::new();
        }
        let mut rows: Vec<String> = Vec::new();
        for part in self.hint.split(" · ") {
            match rows.last_mut() {
                Some(row)
                    if console::measure_text_width(row) + 3 + console::measure_text_width(part)
                        <= width =>
                {
                    row.push_str(" · ");
                    row.push_str(part);
                }
                _ => rows.push(part.to_owned()),
            }
        }
        // A part wider than the terminal on its own is wrapped by words.
        rows.iter()
            .flat_map(|row| textwrap::wrap(row, width.max(10)))
            .map(|row| row.into_owned())
            .collect()
    }

    /// The terminal height as the item list sees it: a hint of more than one row takes the
    /// extra rows from the list, so the widget still fits the screen.
    fn body_height(&self, width: usize, height: usize) -> usize {
        height.saturating_sub(self.hint_rows(width).len().saturating_sub(1))
    }

    /// One item. `default` is where the cursor starts.
    pub fn select(&self, default: usize) -> io::Result<Picked<usize>> {
        let mut st = State::new(self, Kind::Select)?;
        st.cursor = default.min(self.items.len().saturating_sub(1));
        let outcome = run(self.term, &mut st)?;
        Ok(picked(outcome, st.cursor))
    }

    /// Several items; `checked` are ticked at the start. `min`/`max` ticks are
    /// enforced: Enter with too few/many shows a short message and stays.
    pub fn multi(
        &self,
        checked: &[bool],
        min: Option<usize>,
        max: Option<usize>,
    ) -> io::Result<Picked<Vec<usize>>> {
        let mut st = State::new(self, Kind::Multi(min, max))?;
        for (tick, &on) in st.ticks.iter_mut().zip(checked) {
            *tick = on;
        }
        let outcome = run(self.term, &mut st)?;
        Ok(picked(outcome, st.ticked()))
    }
}

/// Yes/no: y/s (yes, also Portuguese "sim"), n, the language's own `answer_keys` (yes, no),
/// Enter = default, `<` Back, `-` Skip (if allowed), Esc/Ctrl-C Cancelled. The hint should name
/// the default.
#[allow(clippy::too_many_arguments)]
pub fn confirm(
    term: &Term,
    keys: &KeySource,
    prompt: &str,
    hint: &str,
    default: Option<bool>,
    answer_keys: (char, char),
    allow_skip: bool,
    color: bool,
) -> io::Result<Picked<bool>> {
    let items = &[];
    let ask = Chooser {
        term,
        prompt,
        hint,
        items,
        color,
        allow_skip,
        keys,
    };
    let mut st = State::new(&ask, Kind::Confirm(default))?;
    st.answer_keys = answer_keys;
    let outcome = run(term, &mut st)?;
    Ok(picked(outcome, st.yes))
}

/// The widgets settle on a `Picked<()>`; the answer itself stays in `State`.
type Outcome = Picked<()>;

fn picked<T>(outcome: Outcome, chosen: T) -> Picked<T> {
    match outcome {
        Picked::Chosen(()) => Picked::Chosen(chosen),
        Picked::Back => Picked::Back,
        Picked::Skip => Picked::Skip,
        Picked::Cancelled => Picked::Cancelled,
    }
}

/// Draws, reads keys until an outcome, then leaves one summary line.
fn run(term: &Term, st: &mut State) -> io::Result<Outcome> {
    if !term.is_term() {
        let why = "a question needs a terminal to answer it";
        return Err(io::Error::new(io::ErrorKind::NotConnected, why));
    }
    term.hide_cursor()?;
    let result = interact(term, st);
    let shown = term.show_cursor();
    let outcome = result?;
    shown?;
    Ok(outcome)
}

fn interact(term: &Term, st: &mut State) -> io::Result<Outcome> {
    let mut drawn = 0;
    let outcome = loop {
        // Read the size at every redraw so a resize is honoured. One column of
        // slack: a line ending exactly at the margin wraps early on some terminals.
        let (rows, cols) = term.size();
        let (width, height) = (usize::from(cols).saturating_sub(1), usize::from(rows));
        st.page = item_rows(st.ask.items.len(), st.ask.body_height(width, height));
        let lines = st.lines(width, height);
        // Clear to the end of the screen too: keys typed between two reads are
        // echoed by the tty on the line below the widget.
        term.clear_last_lines(drawn)?;
        term.clear_to_end_of_screen()?;
        term.write_str(&(lines.join("\n") + "\n"))?;
        drawn = lines.len();
        let key = match st.ask.keys.key(term) {
            Ok(key) => key,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => Key::CtrlC,
            Err(e) => {
                let _ = term.clear_last_lines(drawn);
                return Err(e);
            }
        };
        if let Some(outcome) = st.key(key) {
            break outcome;
        }
    };
    term.clear_last_lines(drawn)?;
    term.clear_to_end_of_screen()?;
    term.write_line(&st.summary(outcome, usize::from(term.size().1).saturating_sub(1)))?;
    Ok(outcome)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Select,
    /// Ticks allowed: at least, at most.
    Multi(Option<usize>, Option<usize>),
    /// What Enter answers.
    Confirm(Option<bool>),
}

/// Everything a widget knows; no I/O.
struct State<'a> {
    ask: &'a Chooser<'a>,
    kind: Kind,
    cursor: usize,
    ticks: Vec<bool>,
    yes: bool,
    /// A yes/no question's keys in the facilitator's language (`y`/`n`, `s`/`n`, an added
    /// language's own); `y`, `s` and `n` work in every language.
    answer_keys: (char, char),
    message: Option<String>,
    /// Items per PageUp/PageDown (the visible rows, set before each key).
    page: usize,
}

impl<'a> State<'a> {
    fn new(ask: &'a Chooser<'a>, kind: Kind) -> io::Result<Self> {
        if ask.items.is_empty() && !matches!(kind, Kind::Confirm(_)) {
            let why = "nothing to choose from";
            return Err(io::Error::new(io::ErrorKind::InvalidInput, why));
        }
        let ticks = vec![false; ask.items.len()];
        let (cursor, yes, message, page) = (0, false, None, 5);
        Ok(Self {
            ask,
            kind,
            cursor,
            ticks,
            yes,
            answer_keys: ('y', 'n'),
            message,
            page,
        })
    }

    fn ticked(&self) -> Vec<usize> {
        let ticks = self.ticks.iter().enumerate();
        ticks.filter_map(|(i, &on)| on.then_some(i)).collect()
    }

    /// Applies one key; `Some` once the question is answered (or left).
    fn key(&mut self, key: Key) -> Option<Outcome> {
        self.message = None;
        match key {
            Key::Escape | Key::CtrlC | Key::Char('\x03') => return Some(Picked::Cancelled),
            Key::Char('<') => return Some(Picked::Back),
            Key::Char('-') if self.ask.allow_skip => return Some(Picked::Skip),
            _ => {}
        }
        if let Kind::Confirm(default) = self.kind {
            let (own_yes, own_no) = self.answer_keys;
            let yes = match key {
                Key::Char('y' | 'Y' | 's' | 'S') => Some(true),
                Key::Char('n' | 'N') => Some(false),
                Key::Char(c) if c.to_lowercase().eq(own_yes.to_lowercase()) => Some(true),
                Key::Char(c) if c.to_lowercase().eq(own_no.to_lowercase()) => Some(false),
                Key::Enter => default,
                _ => return None,
            };
            self.message = yes.is_none().then(|| match self.answer_keys {
                ('y' | 's', 'n') => "? y/s · n".to_string(),
                (y, n) => format!("? {y} · {n}"),
            });
            self.yes = yes?;
            return Some(Picked::Chosen(()));
        }
        let n = self.ask.items.len();
        let last = n.checked_sub(1)?;
        let page = self.page.max(1);
        match key {
            Key::ArrowUp | Key::Char('k') => {
                self.cursor = self.cursor.checked_sub(1).unwrap_or(last)
            }
            Key::ArrowDown | Key::Char('j') => self.cursor = (self.cursor + 1) % n,
            Key::Home => self.cursor = 0,
            Key::End => self.cursor = last,
            Key::PageUp => self.cursor = self.cursor.saturating_sub(page),
            Key::PageDown => self.cursor = (self.cursor + page).min(last),
            Key::Char(c @ '1'..='9') if (c as usize - '1' as usize) < n => {
                self.cursor = c as usize - '1' as usize;
            }
            Key::Char(' ') if matches!(self.kind, Kind::Multi(..)) => {
                if let Some(tick) = self.ticks.get_mut(self.cursor) {
                    *tick = !*tick;
                }
            }
            Key::Enter | Key::Char(' ') => return self.finish(),
            _ => {}
        }
        None
    }

    fn finish(&mut self) -> Option<Outcome> {
        if let Kind::Multi(min, max) = self.kind {
            let count = self.ticked().len();
            self.message = match (min, max) {
                (Some(min), _) if count < min => Some(format!("✗ min {min}")),
                (_, Some(max)) if count > max => Some(format!("✗ max {max}")),
                _ => None,
            };
        }
        self.message.is_none().then_some(Picked::Chosen(()))
    }

    /// The widget as lines, each at most `width` columns wide, for a terminal
    /// `height` rows high.
    fn lines(&self, width: usize, height: usize) -> Vec<String> {
        let (ask, dim) = (self.ask, Style::new().dim());
        let line = |parts: &[(Style, &str)]| paint(parts, width, ask.color);
        let mut out = vec![line(&[(Style::new().bold(), ask.prompt)])];
        for row in ask.hint_rows(width) {
            out.push(line(&[(dim.clone(), &row)]));
        }
        let n = ask.items.len(); // none for a yes/no
        let rows = item_rows(n, ask.body_height(width, height));
        let (start, end) = window(n, self.cursor, rows);
        if start > 0 {
            out.push(line(&[(dim.clone(), "  ↑ more")]));
        }
        let digits = n.to_string().len();
        for (i, label) in ask.items.iter().enumerate().take(end).skip(start) {
            let here = i == self.cursor;
            let ticked = self.ticks.get(i).copied().unwrap_or(false);
            let pointer = if here { "❯ " } else { "  " };
            let tick = match self.kind {
                Kind::Multi(..) if ticked => "[x] ",
                Kind::Multi(..) => "[ ] ",
                _ => "",
            };
            let head = format!("{pointer}{tick}{:>digits$}. ", i + 1);
            let style = match (here, ticked) {
                (true, _) => Style::new().cyan().bold(),
                (false, true) => Style::new().green(),
                (false, false) => Style::new(),
            };
            out.push(line(&[(style.clone(), &head), (style, label)]));
        }
        if end < n {
            out.push(line(&[(dim, "  ↓ more")]));
        }
        if let Some(message) = &self.message {
            out.push(line(&[(Style::new().yellow().bold(), message)]));
        }
        out
    }

    /// The one line left in the scrollback once the widget is gone.
    fn summary(&self, outcome: Outcome, width: usize) -> String {
        let label = |i: usize| self.ask.items.get(i).map_or("", String::as_str);
        let answer = match (outcome, self.kind) {
            (Picked::Chosen(()), Kind::Select) => label(self.cursor).to_string(),
            (Picked::Chosen(()), Kind::Multi(..)) if self.ticked().is_empty() => "–".to_string(),
            (Picked::Chosen(()), Kind::Multi(..)) => {
                let labels: Vec<&str> = self.ticked().into_iter().map(label).collect();
                labels.join(", ")
            }
            (Picked::Chosen(()), Kind::Confirm(_)) => {
                word(if self.yes { "answer.yes" } else { "answer.no" })
            }
            (Picked::Back, _) => "←".to_string(),
            (Picked::Skip, _) => word("answer.skipped"),
            (Picked::Cancelled, _) => "✗".to_string(),
        };
        let done = outcome == Picked::Chosen(());
        let mark = if done { "✔ " } else { "  " };
        summary_line(mark, self.ask.prompt, &answer, width, self.ask.color)
    }
}

/// The one line a finished prompt leaves in the scrollback: `✔ prompt · answer`, at most
/// `width` columns. When it is too long the prompt is cut first, so the answer — what the
/// group decided — keeps at least half the line.
pub(super) fn summary_line(
    mark: &str,
    prompt: &str,
    answer: &str,
    width: usize,
    color: bool,
) -> String {
    let fixed = text_width(mark) + text_width(" · ");
    let (prompt_w, answer_w) = (text_width(prompt), text_width(answer));
    let prompt = if fixed + prompt_w + answer_w <= width {
        prompt.to_owned()
    } else {
        let answer_room = answer_w
            .min(width.saturating_sub(fixed) / 2)
            .max(width.saturating_sub(fixed + prompt_w));
        paint(
            &[(Style::new(), prompt)],
            width.saturating_sub(fixed + answer_room),
            false,
        )
    };
    let parts = [
        (Style::new().green(), mark),
        (Style::new().bold(), prompt.as_str()),
        (Style::new().dim(), " · "),
        (Style::new().cyan(), answer),
    ];
    paint(&parts, width, color)
}

/// Rows for items (arrow lines included) in a terminal `height` rows high.
fn item_rows(n: usize, height: usize) -> usize {
    let budget = height.saturating_sub(4).max(3);
    if n <= budget { n } else { budget - 2 }
}

/// The visible item range `start..end`, keeping the cursor near the middle.
fn window(n: usize, cursor: usize, rows: usize) -> (usize, usize) {
    let rows = rows.clamp(1, n.max(1));
    let start = cursor.saturating_sub(rows / 2).min(n.saturating_sub(rows));
    (start, (start + rows).min(n))
}

/// Joins styled parts into one line of at most `width` display columns,
/// ending in `…` when cut. Cutting happens before styling, so no escape
/// sequence is ever split or counted; `color` false means no escapes at all.
pub(super) fn paint(parts: &[(Style, &str)], width: usize, color: bool) -> String {
    let mut out = String::new();
    if width == 0 {
        return out;
    }
    let total: usize = parts.iter().map(|(_, text)| text_width(text)).sum();
    let mut budget = width - usize::from(total > width); // room for the `…`
    for (style, text) in parts {
        let mut kept = text.len();
        for (at, c) in text.char_indices() {
            if char_width(c) > budget {
                kept = at;
                break;
            }
            budget -= char_width(c);
        }
        let cut = kept < text.len();
        let piece = match text.get(..kept) {
            Some(kept) if cut => format!("{}…", kept.trim_end()),
            _ => text.to_string(),
        };
        if !piece.is_empty() {
            let style = style.clone().force_styling(color);
            out.push_str(&style.apply_to(piece).to_string());
        }
        if cut {
            break;
        }
    }
    out
}

fn text_width(text: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(text)
}

/// Display columns of one character (0 for combining marks and controls).
fn char_width(c: char) -> usize {
    unicode_width::UnicodeWidthChar::width(c).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    const HINT: &str = "↑↓ move · Enter ok · < back · - skip";
    const MULTI: Kind = Kind::Multi(None, None);
    const DONE: Option<Outcome> = Some(Picked::Chosen(()));

    fn labels(n: usize) -> Vec<String> {
        (1..=n).map(|i| format!("item {i}")).collect()
    }

    fn state(items: &[String], kind: Kind, allow_skip: bool, color: bool) -> State<'static> {
        let term = Box::leak(Box::new(Term::stderr()));
        let items = Box::leak(items.to_vec().into_boxed_slice());
        let (prompt, hint) = ("Pick", HINT);
        let keys = &KeySource::Direct;
        let ask = Chooser {
            term,
            prompt,
            hint,
            items,
            color,
            allow_skip,
            keys,
        };
        State::new(Box::leak(Box::new(ask)), kind).unwrap()
    }

    /// Presses keys spelt as one char each; returns the cursor after each
    /// key and the outcome of the last one.
    fn press(st: &mut State, keys: &str) -> (Vec<usize>, Option<Outcome>) {
        let (mut cursors, mut last) = (vec![], None);
        for c in keys.chars() {
            last = st.key(match c {
                '↑' => Key::ArrowUp,
                '↓' => Key::ArrowDown,
                '⇱' => Key::Home,
                '⇲' => Key::End,
                '⇞' => Key::PageUp,
                '⇟' => Key::PageDown,
                '⏎' => Key::Enter,
                '⎋' => Key::Escape,
                '©' => Key::CtrlC,
                '⇥' => Key::Tab,
                '←' => Key::ArrowLeft,
                '⌫' => Key::Backspace,
                '¿' => Key::UnknownEscSeq(vec!['[', '2']),
                c => Key::Char(c),
            });
            cursors.push(st.cursor);
        }
        (cursors, last)
    }

    #[test]
    fn leaving_keys() {
        let leave = [
            ("<", Picked::Back),
            ("-", Picked::Skip),
            ("⎋", Picked::Cancelled),
        ];
        for kind in [Kind::Select, MULTI, Kind::Confirm(None)] {
            for (keys, want) in leave.into_iter().chain([("©", Picked::Cancelled)]) {
                assert_eq!(
                    press(&mut state(&labels(3), kind, true, false), keys).1,
                    Some(want)
                );
            }
            let mut st = state(&labels(3), kind, false, false);
            assert_eq!(
                press(&mut st, "-").1,
                None,
                "`-` is inert unless skipping is allowed"
            );
        }
    }

    #[test]
    fn moving_in_select() {
        let mut st = state(&labels(30), Kind::Select, false, false);
        let (cursors, last) = press(&mut st, "↓jk↑↑↓⇲⇱⇟⇟⇞⇞710xyn ");
        let want = [1, 2, 1, 0, 29, 0, 29, 0, 5, 10, 5, 0, 6, 0, 0, 0, 0, 0, 0];
        assert_eq!((cursors, last), (want.to_vec(), DONE), "Space confirms");
        assert_eq!(
            press(&mut st, "⇥←⌫¿3").0,
            [0, 0, 0, 0, 2],
            "ignored keys, then a digit"
        );
        assert_eq!(press(&mut st, "⏎"), (vec![2], DONE));
        assert_eq!(picked(Picked::Chosen(()), st.cursor), Picked::Chosen(2));
        let mut st = state(&labels(3), Kind::Select, false, false);
        assert_eq!(
            press(&mut st, "29"),
            (vec![1, 1], None),
            "there is no item 9"
        );
    }

    #[test]
    fn multi_ticks_and_limits() {
        let mut st = state(&labels(4), Kind::Multi(Some(2), Some(3)), false, false);
        assert_eq!(press(&mut st, " ⏎").1, None, "one tick is below min");
        assert_eq!(st.lines(80, 24).last().map(String::as_str), Some("✗ min 2"));
        assert_eq!(press(&mut st, "3"), (vec![2], None));
        assert_eq!(st.message, None, "any key clears the message");
        assert_eq!(press(&mut st, " 4 2 ⏎").1, None);
        assert_eq!(
            (st.ticked(), st.message.as_deref()),
            (vec![0, 1, 2, 3], Some("✗ max 3"))
        );
        assert_eq!(press(&mut st, " ⏎").1, DONE, "untick item 2");
        assert_eq!(
            picked(Picked::Chosen(()), st.ticked()),
            Picked::Chosen(vec![0, 2, 3])
        );
        assert_eq!(
            st.summary(Picked::Chosen(()), 80),
            "✔ Pick · item 1, item 3, item 4"
        );
        let mut st = state(&labels(3), MULTI, true, false);
        assert_eq!(press(&mut st, "jj⏎"), (vec![1, 2, 2], DONE), "no limits");
        assert_eq!(st.summary(Picked::Chosen(()), 80), "✔ Pick · –");
    }

    /// A hint longer than the terminal is wrapped at its separators, never cut, and the list
    /// gives up the rows it takes.
    #[test]
    fn a_long_hint_wraps_whole_and_the_list_makes_room() {
        let st = state(&labels(30), Kind::Select, false, false);
        let wide = st.lines(80, 24);
        assert_eq!(wide[1], HINT);
        let narrow = st.lines(20, 24);
        assert_eq!(narrow[1], "↑↓ move · Enter ok");
        assert_eq!(narrow[2], "< back · - skip");
        assert!(
            narrow.iter().all(|l| console::measure_text_width(l) <= 20),
            "{narrow:?}"
        );
        // One hint row more, one item row less: the widget still fits the screen.
        assert_eq!(narrow.len(), wide.len());
    }

    #[test]
    fn confirm_keys() {
        let cases = [
            ("y", None, Some(true)),
            ("S", None, Some(true)),
            ("s", Some(false), Some(true)),
            ("N", Some(true), Some(false)),
            ("⏎", Some(true), Some(true)),
            ("⏎", Some(false), Some(false)),
            ("⏎", None, None),
            ("x1↓ ", Some(true), None),
        ];
        for (keys, default, want) in cases {
            let mut st = state(&[], Kind::Confirm(default), false, false);
            let done = press(&mut st, keys).1 == DONE;
            assert_eq!(
                done.then_some(st.yes),
                want,
                "{keys} with default {default:?}"
            );
        }
        // An added language's own keys work too, and the reminder names them.
        let mut st = state(&[], Kind::Confirm(None), false, false);
        st.answer_keys = ('j', 'n');
        assert_eq!(press(&mut st, "⏎").1, None);
        assert_eq!(st.lines(80, 24), ["Pick", HINT, "? j · n"]);
        assert_eq!(press(&mut st, "J").1, DONE);
        assert!(st.yes);
        let mut st = state(&[], Kind::Confirm(None), false, false);
        assert_eq!(press(&mut st, "⏎").1, None);
        assert_eq!(st.lines(80, 24), ["Pick", HINT, "? y/s · n"]);
        assert_eq!(press(&mut st, "n").1, DONE);
        assert_eq!(st.summary(Picked::Chosen(()), 80), "✔ Pick · no");
    }

    #[test]
    fn summaries() {
        let st = state(&labels(3), Kind::Select, true, false);
        assert_eq!(st.summary(Picked::Chosen(()), 80), "✔ Pick · item 1");
        assert_eq!(st.summary(Picked::Back, 80), "  Pick · ←");
        assert_eq!(st.summary(Picked::Skip, 80), "  Pick · —");
        assert_eq!(st.summary(Picked::Cancelled, 80), "  Pick · ✗");
        assert_eq!(st.summary(Picked::Chosen(()), 10), "✔ Pi… · i…");
        assert_eq!(
            summary_line("✔ ", &"A long prompt ".repeat(8), "4", 40, false),
            "✔ A long prompt A long prompt A lon… · 4",
            "the answer stays whole"
        );
    }

    #[test]
    fn layout_without_scrolling() {
        let mut st = state(&labels(3), MULTI, false, false);
        (st.ticks[2], st.cursor) = (true, 1);
        let items = ["  [ ] 1. item 1", "❯ [ ] 2. item 2", "  [x] 3. item 3"];
        assert_eq!(st.lines(80, 24), [&["Pick", HINT][..], &items].concat());
        let st = state(&labels(3), Kind::Select, false, false);
        assert_eq!(
            st.lines(80, 24)[2..],
            ["❯ 1. item 1", "  2. item 2", "  3. item 3"]
        );
    }

    #[test]
    fn scrolling_window() {
        let mut st = state(&labels(40), Kind::Select, false, false);
        // 24 rows: 20 for items, 2 of them for the arrows → 18 items shown.
        let lines = st.lines(80, 24);
        assert_eq!(
            (lines.len(), lines[2].as_str()),
            (2 + 18 + 1, "❯  1. item 1")
        );
        assert_eq!(lines.last().map(String::as_str), Some("  ↓ more"));
        st.cursor = 20;
        let lines = st.lines(80, 24);
        assert_eq!(lines.len(), 2 + 1 + 18 + 1);
        assert_eq!(lines[2..4], ["  ↑ more", "  12. item 12"]);
        assert_eq!(lines[12], "❯ 21. item 21", "the cursor stays mid-window");
        st.cursor = 39;
        let lines = st.lines(80, 24);
        assert_eq!(lines.len(), 2 + 1 + 18);
        assert_eq!(lines.last().map(String::as_str), Some("❯ 40. item 40"));
        for height in 0..30 {
            for cursor in [0, 7, 39] {
                st.cursor = cursor;
                let lines = st.lines(80, height);
                assert!(lines.iter().any(|l| l.starts_with('❯')), "height {height}");
                assert!(
                    lines.len() <= height.saturating_sub(2).max(5),
                    "height {height}"
                );
            }
        }
    }

    #[test]
    fn truncation_by_display_width() {
        let label = "Cartão de Cidadão 🇵🇹 renovação";
        let cut = |w: usize| paint(&[(Style::new(), label)], w, false);
        assert_eq!(cut(12), "Cartão de C…");
        assert!(text_width(&cut(20)) <= 20, "{}", cut(20));
        assert_eq!([cut(1), cut(0), cut(99)], ["…", "", label]);
        assert_eq!(
            paint(&[(Style::new(), "日本語テキスト")], 6, false),
            "日本…"
        );
        let items = [
            label.to_string(),
            "日本語のラベルはとても長いです".to_string(),
        ];
        let st = state(&items, MULTI, false, false);
        let lines = st.lines(12, 24);
        let first_item = lines.iter().find(|l| l.starts_with('❯'));
        assert_eq!(first_item.map(String::as_str), Some("❯ [ ] 1. Ca…"));
        for w in 0..40 {
            for line in st.lines(w, 24).iter().chain([&st.summary(Picked::Back, w)]) {
                assert!(text_width(line) <= w, "{line:?} is wider than {w}");
            }
        }
        let widths = ["ação", "a\u{303}o", "日本", "🎉", "❯ ✔ · … ↑ ← ✗"].map(text_width);
        assert_eq!(widths, [4, 2, 4, 2, 13]);
    }

    #[test]
    fn escapes_only_with_color() {
        for color in [false, true] {
            let mut st = state(&labels(30), Kind::Multi(Some(1), None), false, color);
            assert_eq!(press(&mut st, "⏎").1, None);
            let lines = st
                .lines(40, 10)
                .into_iter()
                .chain([st.summary(Picked::Skip, 40)]);
            let styled = lines.filter(|l| l.contains('\x1b')).count();
            assert_eq!(styled, if color { 6 } else { 0 });
        }
        let parts = [
            (Style::new().bold(), "abcdef"),
            (Style::new().cyan(), "ghij"),
        ];
        let cut = paint(&parts, 5, true);
        assert_eq!(
            cut, "\x1b[1mabcd…\x1b[0m",
            "cut before styling, never inside an escape"
        );
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
        let items = labels(2);
        let (prompt, hint, color, allow_skip) = ("P", "", false, true);
        let ask = Chooser {
            term: &term,
            prompt,
            hint,
            items: &items,
            color,
            allow_skip,
            keys: &KeySource::Direct,
        };
        let errors = [
            ask.select(0).err(),
            ask.multi(&[], None, None).err(),
            confirm(
                &term,
                &KeySource::Direct,
                "P",
                "",
                Some(true),
                ('y', 'n'),
                false,
                false,
            )
            .err(),
        ];
        for err in errors {
            assert_eq!(err.map(|e| e.kind()), Some(io::ErrorKind::NotConnected));
        }
        let none = Chooser { items: &[], ..ask };
        assert_eq!(
            none.select(0).err().map(|e| e.kind()),
            Some(io::ErrorKind::InvalidInput)
        );
        Ok(())
    }
}
