//! The facilitator's panel for a question open to the room: what participants have sent so
//! far (entries, counts, means, the ranking), how many devices joined and answered, the time
//! left, the keys that work, and an input line at the bottom for the facilitator's own
//! entries and moderation commands.
//!
//! Like `line` and `choose`, everything here is pure: [`PanelState`] takes keys and says
//! what they mean ([`Action`]), [`lines`] lays the panel out for a width and a height, and
//! [`frame`] turns those lines into one redraw that goes back to the panel's first row,
//! clears from there and writes the whole panel again. The terminal I/O and the timing (at
//! most ten redraws a second, one a second for the countdown) are in `room`. Every line is
//! cut to the width (one column of slack) so nothing wraps, and the panel never takes more
//! rows than the terminal has, so going back up always finds its first row. Everything a
//! participant or a method wrote passes the terminal sanitiser, newlines included.

use std::fmt::Write as _;

use console::{Key, Style};
use serde_yaml::Value;

use super::choose::{paint, summary_line};
use super::line;
use crate::engine::room::{RoomEntry, RoomKind, RoomQuestion};
use crate::engine::{Keys, Reply};
use crate::i18n::{t, tf, tn};
use crate::lang::Lang;

/// What a line typed at the panel means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// An entry of the facilitator's own (lists).
    Add(String),
    Hide(u64),
    Unhide(u64),
    Merge {
        from: u64,
        into: u64,
    },
    /// Results on or off on the participants' and projector's pages.
    Results,
    Back,
    /// An empty line: close the question (once confirmed).
    Close,
    /// `/x` that is no command here.
    Unknown(String),
    /// Text typed where participants answer and the facilitator only moderates.
    NotAList,
    /// `<` where there is nothing to go back to.
    NoBack,
}

/// Reads a typed line: `/h N`, `/u N`, `/m N M` (lists), `/r`, `<` alone, an empty line; a
/// leading `\` makes the rest an entry as typed (`\/h` is the entry `/h`). Numbers are entry
/// ids as the panel shows them, with or without their `#`.
pub fn parse(line: &str, list: bool, back: bool) -> Command {
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Command::Close;
    }
    if trimmed == "<" {
        return if back { Command::Back } else { Command::NoBack };
    }
    let text = |text: &str| {
        if list {
            Command::Add(text.to_owned())
        } else {
            Command::NotAList
        }
    };
    if let Some(literal) = trimmed.strip_prefix('\\') {
        return text(literal.trim());
    }
    let Some(command) = trimmed.strip_prefix('/') else {
        return text(trimmed);
    };
    let mut words = command.split_whitespace();
    let verb = words.next().unwrap_or_default();
    let numbers: Option<Vec<u64>> = words
        .map(|w| w.strip_prefix('#').unwrap_or(w).parse().ok())
        .collect();
    match (verb, numbers.as_deref()) {
        ("r", Some([])) => Command::Results,
        ("h", Some(&[n])) if list => Command::Hide(n),
        ("u", Some(&[n])) if list => Command::Unhide(n),
        ("m", Some(&[from, into])) if list => Command::Merge { from, into },
        _ => Command::Unknown(trimmed.to_owned()),
    }
}

/// What a key at the panel comes to.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Only the panel changed (the input line, a message).
    Redraw,
    /// The results were switched on or off (`results_shown` says which): publish again.
    Results,
    /// A reply for the engine.
    Reply(Reply),
}

/// The panel's own state between keys and between the engine's asks: the half-typed line
/// survives a contribution arriving (the engine asks again, the panel comes back as it was).
#[derive(Debug)]
pub struct PanelState {
    input: line::State,
    /// An empty Enter asked for a second one to close the question.
    pub confirming: bool,
    /// One line above the input: a refusal, a confirmation request, what `/r` did.
    pub message: Option<String>,
    /// Whether participants' and projector pages show the results.
    pub results_shown: bool,
    /// The entry last sent to the engine, until it is taken: a refused one comes back to the
    /// input line to be corrected rather than typed again.
    sent: Option<String>,
}

impl Default for PanelState {
    fn default() -> Self {
        PanelState {
            input: line::State::new(""),
            confirming: false,
            message: None,
            results_shown: false,
            sent: None,
        }
    }
}

impl PanelState {
    /// The engine took what was sent (it asks again without refusing it).
    pub fn taken(&mut self) {
        self.sent = None;
    }

    /// The engine refused what was sent: `message` says why, and an entry comes back to the
    /// input line (unless something else was typed meanwhile).
    pub fn refused(&mut self, message: &str) {
        self.message = Some(message.to_owned());
        if let Some(sent) = self.sent.take()
            && self.input.text.is_empty()
        {
            self.input = line::State::new(&sent);
        }
    }

    /// The text on the input line.
    pub fn typed(&self) -> String {
        self.input.text.iter().collect()
    }

    /// Applies one key. `list` says whether the facilitator may add entries and moderate
    /// them, `back` whether `<` works.
    pub fn key(&mut self, key: Key, list: bool, back: bool, lang: Lang) -> Action {
        match key {
            Key::CtrlC | Key::Char('\x03') => return Action::Reply(Reply::Stop),
            // Esc only clears: a stray Esc never ends a room.
            Key::Escape => {
                self.input = line::State::new("");
                self.confirming = false;
                self.message = None;
                return Action::Redraw;
            }
            Key::Enter => {}
            key => {
                self.confirming = false;
                self.message = None;
                let _ = self.input.key(key);
                return Action::Redraw;
            }
        }
        let typed = self.typed();
        self.input = line::State::new("");
        let confirming = std::mem::take(&mut self.confirming);
        self.message = None;
        let reply = match parse(&typed, list, back) {
            Command::Close if confirming => Reply::Done,
            Command::Close => {
                self.confirming = true;
                self.message = Some(t(lang, "room.panel.confirm_close").to_owned());
                return Action::Redraw;
            }
            Command::Results => {
                self.results_shown = !self.results_shown;
                let key = if self.results_shown {
                    "room.panel.results_now_on"
                } else {
                    "room.panel.results_now_off"
                };
                self.message = Some(t(lang, key).to_owned());
                return Action::Results;
            }
            Command::Add(text) => {
                self.sent = Some(typed);
                Reply::Answer(Value::String(text))
            }
            Command::Hide(id) => Reply::Hide(id),
            Command::Unhide(id) => Reply::Unhide(id),
            Command::Merge { from, into } => Reply::Merge { from, into },
            Command::Back => Reply::Back,
            Command::Unknown(cmd) => {
                let commands = if list {
                    "`/h N`, `/u N`, `/m N M`, `/r`"
                } else {
                    "`/r`"
                };
                self.message = Some(tf(
                    lang,
                    "room.panel.unknown_command",
                    &[("cmd", &cmd), ("commands", &commands)],
                ));
                return Action::Redraw;
            }
            Command::NotAList => {
                self.message = Some(t(lang, "room.panel.only_commands").to_owned());
                return Action::Redraw;
            }
            Command::NoBack => {
                self.message = Some(t(lang, "room.panel.no_back").to_owned());
                return Action::Redraw;
            }
        };
        Action::Reply(reply)
    }
}

/// What the panel shows besides the question itself.
pub struct View<'a> {
    pub room: &'a RoomQuestion,
    pub lang: Lang,
    /// Which keys work (`back`).
    pub keys: Keys,
    /// Devices that opened the room's page.
    pub joined: usize,
    /// Now, in Unix milliseconds (for the countdown).
    pub now_ms: u64,
    pub color: bool,
}

/// Text from a participant or a method as one harmless line.
fn clean(text: &str) -> String {
    crate::output::terminal_safe(text).replace('\n', " ")
}

fn width_of(text: &str) -> usize {
    console::measure_text_width(text)
}

/// `text` cut or padded to exactly `cols` display columns.
fn pad(text: &str, cols: usize) -> String {
    let cut = paint(&[(Style::new(), text)], cols, false);
    let fill = cols.saturating_sub(width_of(&cut));
    format!("{cut}{}", " ".repeat(fill))
}

fn pad_left(text: &str, cols: usize) -> String {
    let cut = paint(&[(Style::new(), text)], cols, false);
    let fill = cols.saturating_sub(width_of(&cut));
    format!("{}{cut}", " ".repeat(fill))
}

/// Whether the facilitator adds entries and moderates here.
pub fn is_list(kind: &RoomKind) -> bool {
    matches!(kind, RoomKind::List { .. })
}

/// The key hint: only keys that work for this kind of question and at this point.
pub fn hint(kind: &RoomKind, keys: Keys, lang: Lang) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if is_list(kind) {
        parts.extend([
            "room.hint.add",
            "room.hint.hide",
            "room.hint.unhide",
            "room.hint.merge",
        ]);
    }
    parts.push("room.hint.results");
    if keys.back {
        parts.push("hint.back");
    }
    parts.extend(["room.hint.close", "hint.stop"]);
    let parts: Vec<&str> = parts.into_iter().map(|k| t(lang, k)).collect();
    parts.join(" · ")
}

/// The countdown to the end of the step's timebox, if it has one.
fn countdown(room: &RoomQuestion, now_ms: u64, lang: Lang) -> Option<String> {
    let ends = room.ends_ms?;
    let secs = |ms: u64| std::time::Duration::from_secs(ms.div_ceil(1000));
    Some(if now_ms < ends {
        tf(
            lang,
            "room.panel.left",
            &[("time", &crate::timer::clock_face(secs(ends - now_ms)))],
        )
    } else {
        tf(
            lang,
            "room.panel.over",
            &[("time", &crate::timer::clock_face(secs(now_ms - ends)))],
        )
    })
}

/// The panel as lines, each at most `width - 1` columns, at most `height - 1` of them (when
/// the terminal has room for the header, hint and input at all), and the column of the
/// cursor on the last line (the input line).
pub fn lines(view: &View, st: &PanelState, width: usize, height: usize) -> (Vec<String>, usize) {
    let (lang, room, color) = (view.lang, view.room, view.color);
    let w = width.saturating_sub(1).max(1);
    let line = |parts: &[(Style, &str)]| paint(parts, w, color);
    let dim = Style::new().dim();
    let mut top = Vec::new();
    let title = format!(
        "── {} · {}/{}: {}",
        clean(room.method_title.get(lang)),
        room.step_number,
        room.steps_total,
        clean(room.step_title.get(lang)),
    );
    top.push(line(&[(Style::new().bold(), &title)]));
    top.push(line(&[(
        Style::new().bold(),
        &clean(room.prompt.get(lang)),
    )]));
    let mut status = Vec::new();
    if let Some(time) = countdown(room, view.now_ms, lang) {
        status.push(time);
    }
    status.push(tf(
        lang,
        "room.panel.devices",
        &[("joined", &view.joined), ("answered", &room.tally.devices)],
    ));
    status.push(
        t(
            lang,
            if st.results_shown {
                "room.panel.results_on"
            } else {
                "room.panel.results_off"
            },
        )
        .to_owned(),
    );
    top.push(line(&[(dim.clone(), &status.join(" · "))]));

    let mut bottom = Vec::new();
    let hint_width = w.saturating_sub(2).max(10);
    for row in textwrap::wrap(&hint(&room.kind, view.keys, lang), hint_width) {
        bottom.push(line(&[(dim.clone(), &format!("  {row}"))]));
    }
    if let Some(message) = &st.message {
        // Wrapped like the hint: a refusal is read in full.
        for row in textwrap::wrap(&clean(message), hint_width) {
            bottom.push(line(&[(Style::new().yellow().bold(), &format!("  {row}"))]));
        }
    }
    let (input, cursor) = input_line(&st.input, w, color);
    bottom.push(input);

    let fixed = top.len() + bottom.len();
    let rows = height.saturating_sub(1).saturating_sub(fixed);
    let mut out = top;
    out.extend(body(view, w, rows));
    out.extend(bottom);
    (out, cursor)
}

/// The input line, `› ` and the text, scrolled so the cursor is always in view; and the
/// cursor's column.
fn input_line(input: &line::State, w: usize, color: bool) -> (String, usize) {
    let head = "› ";
    let room_for = w.saturating_sub(width_of(head) + 1).max(1);
    let text: Vec<char> = input.text.iter().map(|&c| line::safe(c)).collect();
    let width = |chars: &[char]| chars.iter().map(|&c| line::cols(c)).sum::<usize>();
    // The text from `start` on, where the part before the cursor fits (with a `…` in front
    // when anything is left out).
    let mut start = 0;
    while start < input.cursor
        && width(&text[start..input.cursor]) + usize::from(start > 0) > room_for
    {
        start += 1;
    }
    while start < text.len() && start > 0 && line::cols(text[start]) == 0 {
        start += 1; // never start on a combining mark
    }
    let shown: String = text[start..].iter().collect();
    let lead = if start > 0 { "…" } else { "" };
    let shown = format!("{lead}{shown}");
    let cursor = width_of(head) + usize::from(start > 0) + width(&text[start..input.cursor]);
    let styled = paint(
        &[(Style::new().cyan().bold(), head), (Style::new(), &shown)],
        w,
        color,
    );
    (styled, cursor.min(w))
}

/// What participants sent, at most `rows` lines.
fn body(view: &View, w: usize, rows: usize) -> Vec<String> {
    let (lang, room, color) = (view.lang, view.room, view.color);
    let line = |parts: &[(Style, &str)]| paint(parts, w, color);
    let dim = Style::new().dim();
    if !is_list(&room.kind) && room.tally.devices == 0 {
        return vec![line(&[(
            dim,
            &format!("  {}", t(lang, "room.panel.nothing")),
        )])];
    }
    let mut out = match &room.kind {
        RoomKind::List { .. } => list_body(view, w, rows),
        RoomKind::Vote { items, .. } => bars(items, &room.tally.counts, w, color),
        RoomKind::Select { choices } | RoomKind::Multiselect { choices, .. } => {
            let labels: Vec<String> = choices
                .iter()
                .map(|c| c.label.get(lang).to_owned())
                .collect();
            bars(&labels, &room.tally.counts, w, color)
        }
        RoomKind::Score { items, criteria } => {
            let labels: Vec<String> = criteria.iter().map(|c| clean(c.label.get(lang))).collect();
            means(items, &labels, &room.tally.means, w, lang, color)
        }
        RoomKind::Rank { .. } => {
            let digits = room.tally.order.len().to_string().len();
            room.tally
                .order
                .iter()
                .enumerate()
                .map(|(i, (item, points))| {
                    let place = format!("  {:>digits$}. ", i + 1);
                    let points = format!(" · {}", tn(lang, "room.panel.points", *points as usize));
                    line(&[
                        (Style::new().bold(), &place),
                        (Style::new(), &clean(item)),
                        (dim.clone(), &points),
                    ])
                })
                .collect()
        }
        RoomKind::Text { .. } => {
            let most = room.tally.texts.first().map_or(1, |(_, n)| *n);
            let digits = most.to_string().len();
            room.tally
                .texts
                .iter()
                .map(|(text, n)| {
                    line(&[
                        (Style::new().bold(), &format!("  {n:>digits$} × ")),
                        (Style::new(), &clean(text)),
                    ])
                })
                .collect()
        }
    };
    if out.len() > rows {
        // Keep the first rows (the most-voted, the best ranked…) and say how many are left
        // out; lists keep their newest entries themselves.
        let more = out.len() - rows.saturating_sub(1);
        out.truncate(rows.saturating_sub(1));
        if rows > 0 {
            out.push(line(&[(
                dim,
                &format!("  {}", tn(lang, "room.panel.more", more)),
            )]));
        }
    }
    out
}

/// A list: how many entries count and how many were set aside, then the newest entries by
/// id, oldest of them first, so the newest is just above the hint.
fn list_body(view: &View, w: usize, rows: usize) -> Vec<String> {
    let (lang, room, color) = (view.lang, view.room, view.color);
    let line = |parts: &[(Style, &str)]| paint(parts, w, color);
    let dim = Style::new().dim();
    let all: &[RoomEntry] = &room.entries;
    if all.is_empty() {
        return vec![line(&[(
            dim,
            &format!("  {}", t(lang, "room.panel.nothing")),
        )])];
    }
    let counted = all.iter().filter(|e| e.visible()).count();
    let mut count = tn(lang, "room.panel.entries", counted);
    let aside = all.len() - counted;
    if aside > 0 {
        let _ = write!(count, " · {}", tn(lang, "room.panel.aside", aside));
    }
    let mut out = vec![line(&[(dim.clone(), &format!("  {count}"))])];
    let room_for = rows.saturating_sub(1);
    let mut sorted: Vec<&RoomEntry> = all.iter().collect();
    sorted.sort_by_key(|e| e.id);
    let (earlier, shown) = if sorted.len() > room_for {
        // One row says how many earlier entries are not shown.
        let keep = room_for.saturating_sub(1);
        (sorted.len() - keep, &sorted[sorted.len() - keep..])
    } else {
        (0, &sorted[..])
    };
    if earlier > 0 && room_for > 0 {
        out.push(line(&[(
            dim.clone(),
            &format!("  {}", tn(lang, "room.panel.earlier", earlier)),
        )]));
    }
    let digits = sorted.last().map_or(1, |e| e.id.to_string().len());
    for entry in shown {
        let id = format!("  #{:<digits$} ", entry.id);
        let name = match &entry.name {
            _ if entry.device == crate::engine::room::FACILITATOR => {
                t(lang, "room.panel.facilitator").to_owned()
            }
            Some(name) => clean(name),
            None => t(lang, "room.panel.anonymous").to_owned(),
        };
        let mark = if entry.withdrawn {
            format!("[{}] ", t(lang, "room.panel.withdrawn"))
        } else if let Some(into) = entry.merged_into {
            format!("[{}] ", tf(lang, "room.panel.merged", &[("id", &into)]))
        } else if entry.hidden {
            format!("[{}] ", t(lang, "room.panel.hidden"))
        } else {
            String::new()
        };
        let text = clean(&entry.text);
        let name = format!("{name}: ");
        out.push(if entry.visible() {
            line(&[
                (Style::new().bold(), &id),
                (dim.clone(), &name),
                (Style::new(), &text),
            ])
        } else {
            line(&[(dim.clone(), &format!("{id}{mark}{name}{text}"))])
        });
    }
    out
}

/// Counts per item with a bar each, in the items' own order (a live vote does not reorder
/// under the facilitator's eyes).
fn bars(items: &[String], counts: &[u64], w: usize, color: bool) -> Vec<String> {
    let most = counts.iter().copied().max().unwrap_or(0);
    let digits = most.to_string().len();
    let longest = (w / 4).clamp(1, 20) as u64;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let n = counts.get(i).copied().unwrap_or(0);
            let bar = if most == 0 {
                0
            } else {
                (n * longest).div_ceil(most)
            };
            let bar = format!(
                "{:<width$} ",
                "●".repeat(bar as usize),
                width = longest as usize
            );
            paint(
                &[
                    (Style::new().bold(), &format!("  {n:>digits$} ")),
                    (Style::new().cyan(), &bar),
                    (Style::new(), &clean(item)),
                ],
                w,
                color,
            )
        })
        .collect()
}

/// Mean scores: one row per item, one column per criterion.
fn means(
    items: &[String],
    criteria: &[String],
    means: &[Vec<Option<f64>>],
    w: usize,
    lang: Lang,
    color: bool,
) -> Vec<String> {
    const COLUMN: usize = 9;
    let item_cols = w.saturating_sub(2 + COLUMN * criteria.len()).clamp(12, 40);
    let mut header = format!("  {}", pad("", item_cols));
    for label in criteria {
        header.push(' ');
        header.push_str(&pad_left(label, COLUMN - 1));
    }
    let mut out = vec![paint(&[(Style::new().dim(), &header)], w, color)];
    for (i, item) in items.iter().enumerate() {
        let mut row = format!("  {}", pad(&clean(item), item_cols));
        for c in 0..criteria.len() {
            let mean = means.get(i).and_then(|r| r.get(c)).copied().flatten();
            let shown = match mean {
                Some(m) => crate::stats::power::format_number(m, 1, lang.code()),
                None => "–".to_owned(),
            };
            row.push(' ');
            row.push_str(&pad_left(&shown, COLUMN - 1));
        }
        out.push(paint(&[(Style::new(), &row)], w, color));
    }
    out
}

/// The line left in the scrollback once the question is closed (or left).
pub fn summary(
    room: &RoomQuestion,
    reply: &Reply,
    lang: Lang,
    width: usize,
    color: bool,
) -> String {
    let what = match reply {
        Reply::Done if is_list(&room.kind) => {
            let counted = room.entries.iter().filter(|e| e.visible()).count();
            tn(lang, "room.panel.entries", counted)
        }
        Reply::Done => tn(lang, "room.panel.answered", room.tally.devices),
        Reply::Back => "←".to_owned(),
        _ => "✗".to_owned(),
    };
    let mark = if *reply == Reply::Done { "✔ " } else { "  " };
    summary_line(
        mark,
        &clean(room.prompt.get(lang)),
        &what,
        width.saturating_sub(1),
        color,
    )
}

/// What a redraw left on screen: enough for the next one to find the panel's first row, even
/// at another width.
#[derive(Debug, Clone)]
pub struct Drawn {
    /// Display width of each line written.
    widths: Vec<usize>,
    /// Where the cursor was left on the last line.
    cursor: usize,
}

impl Drawn {
    /// The row (0 = the panel's first) the cursor was left on, were the screen now `width`
    /// columns wide: each line took one row when drawn; after a resize, terminals that reflow
    /// wrapped lines give a line `w` wide `ceil(w / width)` rows.
    fn cursor_row(&self, width: usize) -> usize {
        let width = width.max(1);
        let rows = |w: usize| w.div_ceil(width).max(1);
        let before: usize = self
            .widths
            .iter()
            .take(self.widths.len().saturating_sub(1))
            .map(|&w| rows(w))
            .sum();
        before + self.cursor / width
    }
}

/// Back to the first row of the previous draw (if any), clearing from there to the end of
/// the screen, as `line` does it (never a clear from the top-left corner, which makes tmux
/// push the screen into the scrollback).
pub fn back(before: Option<&Drawn>, width: usize) -> String {
    super::line::back_up(before.map_or(0, |drawn| drawn.cursor_row(width)))
}

/// One redraw as a single string, and what it leaves on screen: the cursor ends on the last
/// line (the input line) at column `cursor`.
pub fn frame(
    lines: &[String],
    cursor: usize,
    before: Option<&Drawn>,
    width: usize,
) -> (String, Drawn) {
    let mut out = back(before, width);
    out.push_str(&lines.join("\n"));
    out.push('\r');
    if cursor > 0 {
        let _ = write!(out, "\x1b[{cursor}C");
    }
    let widths = lines.iter().map(|l| width_of(l)).collect();
    (out, Drawn { widths, cursor })
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::engine::room::{RoomChoice, RoomCriterion, Tally};
    use crate::method::Text;

    fn entry(id: u64, name: Option<&str>, text: &str) -> RoomEntry {
        RoomEntry {
            id,
            device: format!("dev{id}"),
            name: name.map(str::to_owned),
            text: text.to_owned(),
            hidden: false,
            merged_into: None,
            withdrawn: false,
        }
    }

    fn question(kind: RoomKind) -> RoomQuestion {
        RoomQuestion {
            key: "ideas".into(),
            method_title: Text::plain("Brainstorm"),
            step_title: Text::plain("Ideas"),
            step_number: 2,
            steps_total: 4,
            prompt: Text::plain("How might we help citizens renew on time?"),
            help: None,
            kind,
            opened_ms: 1_000_000,
            ends_ms: Some(1_000_000 + 600_000),
            closed: false,
            entries: Vec::new(),
            ballots: BTreeMap::new(),
            tally: Tally::default(),
        }
    }

    fn list() -> RoomQuestion {
        let mut q = question(RoomKind::List { max_chars: 500 });
        q.entries = vec![
            entry(1, Some("Ana"), "SMS reminder"),
            entry(2, None, "Renew at the pharmacy"),
            entry(3, Some("Rui"), "sms reminder"),
            entry(4, Some("Eva"), "Kiosk in the library"),
        ];
        q.entries[1].hidden = true;
        q.entries[2].merged_into = Some(1);
        q.tally.devices = 3;
        q.tally.entries = vec![
            (1, "SMS reminder".into(), Some("Ana".into())),
            (4, "Kiosk in the library".into(), Some("Eva".into())),
        ];
        q
    }

    fn view(room: &RoomQuestion, back: bool) -> View<'_> {
        View {
            room,
            lang: Lang::En,
            keys: Keys {
                back,
                ..Keys::default()
            },
            joined: 5,
            now_ms: 1_000_000 + 138_000,
            color: false,
        }
    }

    fn shown(room: &RoomQuestion, st: &PanelState, width: usize, height: usize) -> Vec<String> {
        lines(&view(room, true), st, width, height).0
    }

    fn press(st: &mut PanelState, keys: &str, list: bool, back: bool) -> Action {
        let mut last = Action::Redraw;
        for c in keys.chars() {
            let key = match c {
                '⏎' => Key::Enter,
                '⎋' => Key::Escape,
                '©' => Key::CtrlC,
                '⌫' => Key::Backspace,
                '←' => Key::ArrowLeft,
                c => Key::Char(c),
            };
            last = st.key(key, list, back, Lang::En);
        }
        last
    }

    #[test]
    fn typed_lines_mean_what_the_hint_says() {
        let cases = [
            ("", Command::Close),
            ("   ", Command::Close),
            ("<", Command::Back),
            (" < ", Command::Back),
            ("/h 3", Command::Hide(3)),
            ("/h #3", Command::Hide(3)),
            ("/u 12", Command::Unhide(12)),
            ("/m 3 1", Command::Merge { from: 3, into: 1 }),
            ("/r", Command::Results),
            ("SMS reminder", Command::Add("SMS reminder".into())),
            ("  Kiosk  ", Command::Add("Kiosk".into())),
            ("\\/h 3", Command::Add("/h 3".into())),
            ("\\<", Command::Add("<".into())),
            ("/h", Command::Unknown("/h".into())),
            ("/h x", Command::Unknown("/h x".into())),
            ("/h 1 2", Command::Unknown("/h 1 2".into())),
            ("/m 3", Command::Unknown("/m 3".into())),
            ("/r 1", Command::Unknown("/r 1".into())),
            ("/e 1", Command::Unknown("/e 1".into())),
        ];
        for (typed, want) in cases {
            assert_eq!(parse(typed, true, true), want, "{typed:?} in a list");
        }
        assert_eq!(parse("<", true, false), Command::NoBack);
        // Elsewhere participants answer; the facilitator only shows results and closes.
        assert_eq!(parse("yes", false, true), Command::NotAList);
        assert_eq!(parse("\\yes", false, true), Command::NotAList);
        assert_eq!(parse("/h 3", false, true), Command::Unknown("/h 3".into()));
        assert_eq!(parse("/r", false, true), Command::Results);
        assert_eq!(parse("", false, false), Command::Close);
    }

    #[test]
    fn keys_at_the_panel() {
        let mut st = PanelState::default();
        assert_eq!(press(&mut st, "Kiosk", true, true), Action::Redraw);
        assert_eq!(st.typed(), "Kiosk");
        let add = Action::Reply(Reply::Answer(Value::String("Kiosk".into())));
        assert_eq!(press(&mut st, "⏎", true, true), add);
        assert_eq!(st.typed(), "", "the line is cleared once sent");
        st.refused("already there");
        assert_eq!(
            st.typed(),
            "Kiosk",
            "a refused entry comes back to be corrected"
        );
        assert_eq!(st.message.as_deref(), Some("already there"));
        assert_eq!(press(&mut st, "⏎", true, true), add);
        st.taken();
        st.refused("no entry 9");
        assert_eq!(st.typed(), "", "a taken entry does not come back");
        assert_eq!(
            press(&mut st, "/h 2⏎", true, true),
            Action::Reply(Reply::Hide(2))
        );
        assert_eq!(
            press(&mut st, "/m 3 1⏎", true, true),
            Action::Reply(Reply::Merge { from: 3, into: 1 })
        );
        // Closing takes a second Enter; anything else in between calls it off.
        assert_eq!(press(&mut st, "⏎", true, true), Action::Redraw);
        assert!(st.confirming && st.message.is_some());
        assert_eq!(press(&mut st, "⏎", true, true), Action::Reply(Reply::Done));
        assert_eq!(press(&mut st, "⏎x⌫⏎", true, true), Action::Redraw);
        assert!(st.confirming, "a key typed and erased asks again");
        assert_eq!(
            press(&mut st, "⎋⏎", true, true),
            Action::Redraw,
            "Esc calls it off"
        );
        assert_eq!(press(&mut st, "⏎", true, true), Action::Reply(Reply::Done));
        // Results on and off.
        assert_eq!(press(&mut st, "/r⏎", false, true), Action::Results);
        assert!(st.results_shown);
        assert_eq!(press(&mut st, "/r⏎", false, true), Action::Results);
        assert!(!st.results_shown);
        // Refused lines say why and send nothing.
        assert_eq!(press(&mut st, "yes⏎", false, true), Action::Redraw);
        assert!(
            st.message
                .as_deref()
                .is_some_and(|m| m.contains("participants"))
        );
        assert_eq!(press(&mut st, "<⏎", true, false), Action::Redraw);
        assert!(st.message.is_some());
        assert_eq!(press(&mut st, "<⏎", true, true), Action::Reply(Reply::Back));
        assert_eq!(press(&mut st, "/x⏎", true, true), Action::Redraw);
        assert!(st.message.as_deref().is_some_and(|m| m.contains("`/x`")));
        // Ctrl-C stops whatever is typed; Esc only clears the line.
        assert_eq!(press(&mut st, "half⎋", true, true), Action::Redraw);
        assert_eq!(st.typed(), "");
        assert_eq!(
            press(&mut st, "half©", true, true),
            Action::Reply(Reply::Stop)
        );
    }

    #[test]
    fn a_list_at_80_and_160_columns() {
        let q = list();
        let mut st = PanelState::default();
        press(&mut st, "Open on Saturdays", true, true);
        let at80 = shown(&q, &st, 80, 40);
        let want = [
            "── Brainstorm · 2/4: Ideas",
            "How might we help citizens renew on time?",
            "07:42 left · 5 joined · 3 answered · results hidden from participants",
            "  2 entries · 2 set aside",
            "  #1 Ana: SMS reminder",
            "  #2 [hidden] anonymous: Renew at the pharmacy",
            "  #3 [merged into #1] Rui: sms reminder",
            "  #4 Eva: Kiosk in the library",
        ];
        assert_eq!(at80[..want.len()], want);
        let hint80 = &at80[want.len()..at80.len() - 1];
        assert!(
            hint80.len() >= 2,
            "the hint wraps at 80 columns: {hint80:?}"
        );
        assert_eq!(at80.last().map(String::as_str), Some("› Open on Saturdays"));
        let at160 = shown(&q, &st, 160, 40);
        assert_eq!(at160[..want.len()], want);
        let hint160 = &at160[want.len()..at160.len() - 1];
        assert!(hint160.len() < hint80.len(), "{hint160:?}");
        // Wrapped, never cut: every key is there at both widths.
        for hint in [hint80, hint160] {
            let words = hint.iter().map(|l| l.trim()).collect::<Vec<_>>().join(" ");
            assert_eq!(
                words,
                super::hint(
                    &q.kind,
                    Keys {
                        back: true,
                        ..Keys::default()
                    },
                    Lang::En
                )
            );
        }
        for (lines, width) in [(&at80, 80), (&at160, 160)] {
            for l in lines.iter() {
                assert!(width_of(l) < width, "{l:?} is {} wide", width_of(l));
            }
        }
        let (_, cursor) = lines(&view(&q, true), &st, 80, 40);
        assert_eq!(cursor, 2 + "Open on Saturdays".len());
        // The facilitator's own entries say so.
        let mut own = list();
        own.entries[3].device = crate::engine::room::FACILITATOR.into();
        own.entries[3].name = None;
        let out = shown(&own, &st, 80, 40);
        assert_eq!(out[7], "  #4 facilitator: Kiosk in the library");
    }

    #[test]
    fn long_lists_keep_the_newest_entries_and_fit_the_height() {
        let mut q = question(RoomKind::List { max_chars: 500 });
        q.entries = (1..=60)
            .map(|i| entry(i, Some("P"), &format!("idea {i}")))
            .collect();
        let st = PanelState::default();
        for height in [12, 24, 40] {
            let out = shown(&q, &st, 80, height);
            assert_eq!(out.len(), height - 1, "height {height}: {out:#?}");
            let newest = out.iter().position(|l| l.contains("#60"));
            assert!(newest.is_some(), "the newest is shown at height {height}");
            assert!(out.iter().any(|l| l.contains("earlier entries")));
        }
        let out = shown(&q, &st, 80, 24);
        assert_eq!(out[3], "  60 entries");
        // 23 rows: 3 above, the hint and the input below; the count, one row to say what
        // is left out, and the newest entries in the rest.
        let below = out.len() - out.iter().position(|l| l.contains("#60")).unwrap_or(0) - 1;
        let entries = 23 - 3 - below - 2;
        assert_eq!(out[4], format!("  … {} earlier entries", 60 - entries));
        assert_eq!(
            out[5],
            format!("  #{} P: idea {}", 61 - entries, 61 - entries)
        );
    }

    #[test]
    fn participant_text_never_drives_the_terminal() {
        let mut q = list();
        q.entries[0].text = "evil\x1b[2J\x1b]0;title\x07 text\nsecond line\u{9b}31m".into();
        q.entries[0].name = Some("na\x1bme".into());
        q.prompt = Text::plain("prompt\x1b[31m");
        let mut st = PanelState::default();
        press(&mut st, "typed\x1b", true, true);
        st.message = Some("refused\x1b[1m".into());
        for width in [80, 160] {
            for l in shown(&q, &st, width, 40) {
                assert!(
                    !l.contains('\x1b') && !l.contains('\x07') && !l.contains('\u{9b}'),
                    "{l:?}"
                );
                assert!(!l.contains('\n'));
            }
        }
        let out = shown(&q, &st, 160, 40);
        assert!(
            out.iter()
                .any(|l| l.contains("#1 na\u{FFFD}me: evil\u{FFFD}[2J")),
            "{out:#?}"
        );
        // With colour, the only escapes are the panel's own styles.
        let mut v = view(&q, true);
        v.color = true;
        let styles = regex_lite::Regex::new("\x1b\\[[0-9;]*m").unwrap();
        let styled = lines(&v, &st, 160, 40).0;
        assert!(styled.iter().any(|l| l.contains('\x1b')));
        for l in styled {
            assert!(!styles.replace_all(&l, "").contains('\x1b'), "{l:?}");
        }
    }

    #[test]
    fn the_hint_lists_only_keys_that_work() {
        let kinds = [
            RoomKind::List { max_chars: 500 },
            RoomKind::Vote {
                items: vec!["a".into()],
                dots: 3,
            },
            RoomKind::Score {
                items: vec!["a".into()],
                criteria: vec![],
            },
            RoomKind::Rank {
                items: vec!["a".into()],
            },
            RoomKind::Select { choices: vec![] },
            RoomKind::Multiselect {
                choices: vec![],
                min: None,
                max: None,
            },
            RoomKind::Text { max_chars: 80 },
        ];
        for kind in kinds {
            for back in [false, true] {
                let keys = Keys {
                    back,
                    ..Keys::default()
                };
                let hint = hint(&kind, keys, Lang::En);
                let list = is_list(&kind);
                assert_eq!(hint.contains("/h N"), list, "{hint}");
                assert_eq!(hint.contains("/u N"), list, "{hint}");
                assert_eq!(hint.contains("/m N M"), list, "{hint}");
                assert_eq!(hint.contains("text + Enter"), list, "{hint}");
                assert_eq!(hint.contains("< goes back"), back, "{hint}");
                assert!(hint.contains("/r") && hint.contains("Enter") && hint.contains("Ctrl-C"));
                let pt = super::hint(&kind, keys, Lang::Pt);
                assert_ne!(pt, hint, "translated");
                assert_eq!(pt.contains("/h N"), list);
            }
        }
    }

    #[test]
    fn votes_choices_scores_rankings_and_texts() {
        let items: Vec<String> = ["SMS reminder", "Kiosk", "Letter"]
            .map(String::from)
            .to_vec();
        let mut vote = question(RoomKind::Vote {
            items: items.clone(),
            dots: 3,
        });
        let st = PanelState::default();
        assert!(shown(&vote, &st, 80, 40)[3].contains("nothing yet"));
        vote.tally.devices = 4;
        vote.tally.counts = vec![6, 2, 0];
        let out = shown(&vote, &st, 80, 40);
        // Bars up to a quarter of the width (79 / 4 = 19 columns at 80).
        assert_eq!(out[3], format!("  6 {} SMS reminder", "●".repeat(19)));
        assert_eq!(
            out[4],
            format!("  2 {}{} Kiosk", "●".repeat(7), " ".repeat(12))
        );
        assert_eq!(out[5], format!("  0 {} Letter", " ".repeat(19)));

        let choices = ["yes", "no"]
            .map(|v| RoomChoice {
                value: v.into(),
                label: Text::plain(v.to_uppercase()),
            })
            .to_vec();
        let mut select = question(RoomKind::Select { choices });
        select.tally.devices = 3;
        select.tally.counts = vec![1, 2];
        let out = shown(&select, &st, 80, 40);
        assert!(
            out[3].starts_with("  1 ") && out[3].ends_with(" YES"),
            "{out:#?}"
        );
        assert!(out[4].starts_with("  2 ") && out[4].ends_with(" NO"));

        let criteria = ["Impact", "Effort"]
            .map(|c| RoomCriterion {
                id: c.to_lowercase(),
                label: Text::plain(c),
                min: 1,
                max: 5,
            })
            .to_vec();
        let mut score = question(RoomKind::Score {
            items: items.clone(),
            criteria,
        });
        score.tally.devices = 2;
        score.tally.means = vec![
            vec![Some(4.5), Some(2.0)],
            vec![None, Some(3.4)],
            vec![Some(1.0), None],
        ];
        let out = shown(&score, &st, 80, 40);
        assert!(out[3].ends_with("  Impact   Effort"), "{out:#?}");
        assert!(out[4].starts_with("  SMS reminder") && out[4].ends_with("     4.5      2.0"));
        assert!(out[5].ends_with("       –      3.4"), "{:?}", out[5]);
        let mut pt = view(&score, true);
        pt.lang = Lang::Pt;
        assert!(
            lines(&pt, &st, 80, 40).0[4].ends_with("     4,5      2,0"),
            "decimal comma"
        );

        let mut rank = question(RoomKind::Rank { items });
        rank.tally.devices = 2;
        rank.tally.order = vec![
            ("Kiosk".into(), 5),
            ("SMS reminder".into(), 3),
            ("Letter".into(), 1),
        ];
        let out = shown(&rank, &st, 80, 40);
        assert_eq!(
            out[3..6],
            [
                "  1. Kiosk · 5 points",
                "  2. SMS reminder · 3 points",
                "  3. Letter · 1 point"
            ]
        );

        let mut text = question(RoomKind::Text { max_chars: 80 });
        text.tally.devices = 5;
        text.tally.texts = vec![("Lisbon".into(), 3), ("Porto".into(), 2)];
        let out = shown(&text, &st, 80, 40);
        assert_eq!(out[3..5], ["  3 × Lisbon", "  2 × Porto"]);
    }

    #[test]
    fn countdown_and_status() {
        let mut q = list();
        let st = PanelState {
            results_shown: true,
            ..PanelState::default()
        };
        let mut v = view(&q, true);
        v.now_ms = q.ends_ms.unwrap_or_default() + 65_000;
        assert_eq!(
            lines(&v, &st, 80, 40).0[2],
            "time is up (+01:05) · 5 joined · 3 answered · results shown to participants"
        );
        q.ends_ms = None;
        assert!(shown(&q, &st, 80, 40)[2].starts_with("5 joined"));
    }

    #[test]
    fn the_input_line_scrolls_to_keep_the_cursor_in_view() {
        let mut st = PanelState::default();
        let long = "x".repeat(100) + "END";
        press(&mut st, &long, true, true);
        let (out, cursor) = lines(&view(&list(), true), &st, 40, 30);
        let input = out.last().cloned().unwrap_or_default();
        assert!(
            input.starts_with("› …") && input.ends_with("END"),
            "{input:?}"
        );
        assert!(width_of(&input) < 40);
        assert_eq!(cursor, width_of(&input), "cursor at the end of the text");
        press(&mut st, &"←".repeat(103), true, true);
        let (out, cursor) = lines(&view(&list(), true), &st, 40, 30);
        assert_eq!(cursor, 2);
        assert!(out.last().is_some_and(|l| l.starts_with("› xxx")));
    }

    #[test]
    fn redraws_go_back_to_the_first_row() {
        let lines = vec!["one".to_string(), "two".into(), "› abc".into()];
        let (out, drawn) = frame(&lines, 5, None, 80);
        assert_eq!(out, "\r\x1b[K\x1b[C\x1b[J\rone\ntwo\n› abc\r\x1b[5C");
        let (out, _) = frame(&lines[..1], 0, Some(&drawn), 80);
        assert_eq!(out, "\r\x1b[2A\x1b[K\x1b[C\x1b[J\rone\r");
        // After a resize to 2 columns, a reflowing terminal gave `one` and `two` two rows each.
        assert_eq!(drawn.cursor_row(2), 2 + 2 + 2);
        assert_eq!(back(Some(&drawn), 2), "\r\x1b[6A\x1b[K\x1b[C\x1b[J\r");
    }

    #[test]
    fn summaries() {
        let q = list();
        assert_eq!(
            summary(&q, &Reply::Done, Lang::En, 80, false),
            "✔ How might we help citizens renew on time? · 2 entries"
        );
        let mut vote = question(RoomKind::Vote {
            items: vec!["a".into()],
            dots: 1,
        });
        vote.tally.devices = 1;
        assert!(summary(&vote, &Reply::Done, Lang::Pt, 80, false).ends_with("1 resposta"));
        assert!(summary(&q, &Reply::Stop, Lang::En, 80, false).ends_with("· ✗"));
    }
}
