//! The terminal front end: shows the engine's `Ask`s on stderr and reads the facilitator's
//! keys, through the widgets beside it: `line` (a line of text), `choose` (choices, yes/no)
//! and `markdown` (guidance). It holds no answers of its own — every reply goes straight back
//! to the engine, which saves it.
//!
//! The widgets are written on `console` rather than taken from dialoguer: dialoguer 0.12's
//! prompts have no hook for the keys labkit promises (`<` and `-` at every prompt, Esc), and
//! its text input leaves half-drawn lines behind when an answer wraps at 80 columns.
//!
//! Text lines understand `<` (back), `-` (skip) and, in lists and records, `/e N` (edit),
//! `/d N` (delete), `/m N M` (move); a leading `\` makes the rest literal (`\-` is the entry
//! `-`). Hints list only the keys the engine says work at that prompt.

pub mod choose;
pub mod keys;
pub mod line;
pub mod markdown;
pub mod panel;
pub mod room;

use console::Term;
use serde_yaml::Value;

use crate::engine::{Ask, Keys, PromptError, Prompter, Reply};
use crate::i18n::{t, tf, tn};
use crate::lang::Lang;
use crate::method::{Question, QuestionKind};
use choose::{Chooser, Picked};
use markdown::terminal_safe;

pub struct TerminalPrompter {
    pub lang: Lang,
    pub color: bool,
    term: Term,
    /// Where the widgets read keys: the terminal, or a room run's merged channel.
    keys: keys::KeySource,
    /// The entries changed (deleted, moved): list them again at the next prompt.
    relist: bool,
}

fn io_error(e: std::io::Error) -> PromptError {
    if e.kind() == std::io::ErrorKind::Interrupted {
        PromptError::Cancelled
    } else {
        PromptError::Io(e.to_string())
    }
}

/// What a typed line means.
#[derive(Debug, PartialEq)]
enum Typed {
    Text(String),
    Empty,
    Back,
    Skip,
    Edit(usize),
    Delete(usize),
    Move(usize, usize),
    /// `/x` that is not a command: say so.
    Unknown(String),
}

/// Reads a typed line: `<` and `-` alone, `/e N`, `/d N`, `/m N M` when `commands`, a leading
/// `\` for literal text. `initial` was pre-filled: `<` typed after it still goes back.
fn parse_line(line: &str, initial: &str, commands: bool) -> Typed {
    let typed = line
        .strip_prefix(initial)
        .filter(|_| !initial.is_empty())
        .unwrap_or(line);
    if typed.trim() == "<" || line.trim() == "<" {
        return Typed::Back;
    }
    let trimmed = line.trim();
    if trimmed.is_empty() {
        return Typed::Empty;
    }
    if trimmed == "-" {
        return Typed::Skip;
    }
    if let Some(literal) = trimmed.strip_prefix('\\') {
        return Typed::Text(literal.to_owned());
    }
    if commands && let Some(command) = trimmed.strip_prefix('/') {
        let mut words = command.split_whitespace();
        let verb = words.next().unwrap_or_default();
        let numbers: Vec<usize> = words.filter_map(|w| w.parse().ok()).collect();
        return match (verb, numbers.as_slice()) {
            ("e", &[n]) if n > 0 => Typed::Edit(n - 1),
            ("d", &[n]) if n > 0 => Typed::Delete(n - 1),
            ("m", &[a, b]) if a > 0 && b > 0 => Typed::Move(a - 1, b - 1),
            _ => Typed::Unknown(trimmed.to_owned()),
        };
    }
    Typed::Text(line.to_owned())
}

impl TerminalPrompter {
    pub fn new(lang: Lang, color: bool) -> TerminalPrompter {
        TerminalPrompter::with_keys(lang, color, keys::KeySource::Direct)
    }

    /// A prompter whose widgets read their keys from `keys` (a room run's channel).
    pub fn with_keys(lang: Lang, color: bool, keys: keys::KeySource) -> TerminalPrompter {
        TerminalPrompter {
            lang,
            color,
            term: Term::stderr(),
            keys,
            relist: false,
        }
    }

    fn width(&self) -> usize {
        usize::from(self.term.size().1).max(20)
    }

    fn say(&self, text: &str) {
        let _ = self.term.write_line(text);
    }

    fn dim(&self, text: &str) -> String {
        if self.color {
            console::style(text).dim().to_string()
        } else {
            text.to_owned()
        }
    }

    fn bold(&self, text: &str) -> String {
        if self.color {
            console::style(text).bold().to_string()
        } else {
            text.to_owned()
        }
    }

    /// A line cut to the terminal's width, with `…`.
    fn fit(&self, text: &str, indent: usize) -> String {
        let clean = terminal_safe(text).replace('\n', " ");
        console::truncate_str(&clean, self.width().saturating_sub(indent + 1), "…").into_owned()
    }

    /// Markdown (guidance, help) rendered for the terminal at its current width.
    fn markdown(&self, text: &str, indent: usize) {
        let style = markdown::Style {
            width: self.width().saturating_sub(1),
            indent,
            color: self.color,
        };
        self.say(&markdown::render(text, &style));
    }

    /// The key hint for a prompt: only the keys that work there.
    fn hint(&self, keys: Keys, how: &str) {
        let lang = self.lang;
        let mut parts = vec![how.to_owned()];
        if keys.edit {
            parts.push(t(lang, "hint.edit").to_owned());
        }
        if keys.back {
            parts.push(t(lang, "hint.back").to_owned());
        }
        if keys.skip {
            parts.push(t(lang, "hint.skip").to_owned());
        }
        parts.push(t(lang, "hint.stop").to_owned());
        // Wrapped, never cut: every key it names must be readable on a projector.
        let line = parts.join(" · ");
        let width = self.width().saturating_sub(3).max(20);
        for row in textwrap::wrap(&line, width) {
            self.say(&self.dim(&format!("  {row}")));
        }
    }

    fn hint_text(&self, keys: Keys) -> String {
        self.hint_with(keys, "hint.choose")
    }

    fn hint_with(&self, keys: Keys, first: &'static str) -> String {
        let lang = self.lang;
        let mut parts = vec![t(lang, first).to_owned()];
        if keys.back {
            parts.push(t(lang, "hint.back").to_owned());
        }
        if keys.skip {
            parts.push(t(lang, "hint.skip").to_owned());
        }
        parts.push(t(lang, "hint.stop_esc").to_owned());
        parts.join(" · ")
    }

    fn intro(&self, q: &Question) {
        let lang = self.lang;
        self.say(&self.bold(&terminal_safe(q.prompt.get(lang))));
        if let Some(help) = &q.help {
            self.markdown(help.get(lang), 2);
        }
    }

    fn line(&self, prompt: &str, initial: &str) -> Result<String, PromptError> {
        let prompt = self.fit(prompt, 4);
        let initial = terminal_safe(initial);
        let input = line::LineInput {
            term: &self.term,
            prompt: &prompt,
            initial: &initial,
            color: self.color,
            keys: &self.keys,
        };
        match input.read().map_err(io_error)? {
            line::Line::Text(text) => Ok(text),
            line::Line::Cancelled => Err(PromptError::Cancelled),
        }
    }

    fn chooser<'c>(
        &'c self,
        prompt: &'c str,
        hint: &'c str,
        items: &'c [String],
        skip: bool,
    ) -> Chooser<'c> {
        Chooser {
            term: &self.term,
            prompt,
            hint,
            items,
            color: self.color,
            allow_skip: skip,
            keys: &self.keys,
        }
    }

    fn picked<T>(
        &self,
        picked: Picked<T>,
        f: impl FnOnce(T) -> Reply,
    ) -> Result<Reply, PromptError> {
        Ok(match picked {
            Picked::Chosen(x) => f(x),
            Picked::Back => Reply::Back,
            Picked::Skip => Reply::Skip,
            Picked::Cancelled => return Err(PromptError::Cancelled),
        })
    }

    /// One of a question's (or a records field's) choices, by its label.
    fn select_choice(
        &self,
        prompt: &str,
        choices: &[crate::method::Choice],
        current: Option<&Value>,
        keys: Keys,
    ) -> Result<Reply, PromptError> {
        let labels: Vec<String> = choices
            .iter()
            .map(|c| terminal_safe(c.label.get(self.lang)).into_owned())
            .collect();
        let default = current
            .and_then(Value::as_str)
            .and_then(|v| choices.iter().position(|c| c.value == v))
            .unwrap_or(0);
        let hint = self.hint_text(keys);
        let picked = self
            .chooser(prompt, &hint, &labels, keys.skip)
            .select(default)
            .map_err(io_error)?;
        self.picked(picked, |i| {
            Reply::Answer(Value::String(choices[i].value.clone()))
        })
    }

    fn confirm(
        &self,
        prompt: &str,
        default: Option<bool>,
        keys: Keys,
    ) -> Result<Picked<bool>, PromptError> {
        // The keys and the default, as terminals have shown them for decades: `(y/N)`.
        let key = |message| t(self.lang, message).chars().next();
        let (yes, no) = match (key("prompt.yes_key"), key("prompt.no_key")) {
            (Some(yes), Some(no)) if yes != no => (yes, no),
            _ => ('y', 'n'),
        };
        let choice = match default {
            Some(true) => format!("{}/{no}", yes.to_uppercase()),
            Some(false) => format!("{yes}/{}", no.to_uppercase()),
            None => format!("{yes}/{no}"),
        };
        let prompt = format!("{prompt} ({choice})");
        let prompt = prompt.as_str();
        let hint = self.hint_with(keys, "hint.confirm");
        choose::confirm(
            &self.term,
            &self.keys,
            prompt,
            &hint,
            default,
            (yes, no),
            keys.skip,
            self.color,
        )
        .map_err(io_error)
    }

    /// A line prompt with the usual keys; commands only where `keys.edit`.
    fn typed(&self, prompt: &str, initial: &str, keys: Keys) -> Result<Reply, PromptError> {
        loop {
            let text = self.line(prompt, initial)?;
            let reply = match parse_line(&text, initial, keys.edit) {
                Typed::Text(s) => Reply::Answer(Value::String(s)),
                Typed::Empty if keys.done => Reply::Done,
                Typed::Empty if keys.skip && initial.is_empty() => Reply::Skip,
                Typed::Empty => Reply::Answer(Value::String(text)),
                Typed::Back => Reply::Back,
                Typed::Skip => Reply::Skip,
                Typed::Edit(k) => Reply::Edit(k),
                Typed::Delete(k) => Reply::Delete(k),
                Typed::Move(a, b) => Reply::Move { from: a, to: b },
                Typed::Unknown(cmd) => {
                    self.invalid_line(&tf(self.lang, "engine.unknown_command", &[("cmd", &cmd)]));
                    continue;
                }
            };
            if matches!(reply, Reply::Back) && !keys.back {
                self.invalid_line(t(self.lang, "engine.first_question"));
                continue;
            }
            return Ok(reply);
        }
    }

    fn invalid_line(&self, message: &str) {
        let mark = if self.color {
            console::style("✗").red().to_string()
        } else {
            "✗".to_owned()
        };
        self.say(&format!("  {mark} {}", self.fit(message, 4)));
    }

    fn list_entries(&self, entries: &[String]) {
        if entries.is_empty() {
            return;
        }
        self.say(&self.dim(&format!(
            "  {}",
            tn(self.lang, "prompt.kept", entries.len())
        )));
        self.numbered(entries);
    }

    /// Entries one per line, numbered as the `/e N` commands count them, cut to the width.
    fn numbered(&self, entries: &[String]) {
        let digits = entries.len().to_string().len();
        for (k, e) in entries.iter().enumerate() {
            self.say(&format!(
                "  {:>digits$}. {}",
                k + 1,
                self.fit(e, digits + 4)
            ));
        }
    }

    fn countdown(
        &self,
        title: &str,
        duration: crate::method::Duration,
        keys: Keys,
    ) -> Result<Reply, PromptError> {
        let prompt = tf(
            self.lang,
            "prompt.start_countdown",
            &[("duration", &duration)],
        );
        match self.confirm(&prompt, Some(false), keys)? {
            Picked::Chosen(true) => {
                let total = std::time::Duration::from_secs(duration.secs());
                let ending = match self.keys.room() {
                    // In a room run the countdown's keys come through the room's channel too.
                    Some(room) => crate::timer::countdown_with_keys(
                        total,
                        title,
                        self.color,
                        self.lang,
                        &mut |wait| room.key_within(Some(wait)),
                    ),
                    None => crate::timer::run_countdown(total, title, self.color, self.lang),
                };
                ending.map_err(io_error)?;
                Ok(Reply::Done)
            }
            Picked::Chosen(false) | Picked::Skip => Ok(Reply::Done),
            Picked::Back => Ok(Reply::Back),
            Picked::Cancelled => Err(PromptError::Cancelled),
        }
    }

    fn ask_question(
        &self,
        q: &Question,
        current: Option<&Value>,
        keys: Keys,
    ) -> Result<Reply, PromptError> {
        let lang = self.lang;
        let prompt = terminal_safe(q.prompt.get(lang)).into_owned();
        let text_of = |v: Option<&Value>| match v {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        };
        if let Some(help) = &q.help {
            self.markdown(help.get(lang), 2);
        }
        match &q.kind {
            QuestionKind::Confirm => {
                let default = current.and_then(Value::as_bool);
                let picked = self.confirm(&prompt, default, keys)?;
                self.picked(picked, |b| Reply::Answer(Value::Bool(b)))
            }
            QuestionKind::Select { choices } => self.select_choice(&prompt, choices, current, keys),
            QuestionKind::Multiselect { choices, min, max } => {
                let labels: Vec<String> = choices
                    .iter()
                    .map(|c| terminal_safe(c.label.get(lang)).into_owned())
                    .collect();
                let chosen: Vec<&str> = match current {
                    Some(Value::Sequence(v)) => v.iter().filter_map(Value::as_str).collect(),
                    _ => Vec::new(),
                };
                let checked: Vec<bool> = choices
                    .iter()
                    .map(|c| chosen.contains(&c.value.as_str()))
                    .collect();
                let hint = format!("{} · {}", t(lang, "hint.multiselect"), self.hint_text(keys));
                let picked = self
                    .chooser(&prompt, &hint, &labels, keys.skip)
                    .multi(&checked, *min, *max)
                    .map_err(io_error)?;
                self.picked(picked, |picked| {
                    Reply::Answer(Value::Sequence(
                        picked
                            .into_iter()
                            .map(|i| Value::String(choices[i].value.clone()))
                            .collect(),
                    ))
                })
            }
            kind => {
                let shown = match kind {
                    QuestionKind::Date => format!("{prompt} ({})", crate::clock::date_forms(lang)),
                    QuestionKind::Scale { min, max, labels } => {
                        let labels: Vec<String> = labels
                            .iter()
                            .map(|(k, v)| format!("{k} = {}", terminal_safe(v.get(lang))))
                            .collect();
                        if !labels.is_empty() {
                            self.say(&self.dim(&format!("  {}", labels.join(" · "))));
                        }
                        format!("{prompt} ({min}–{max})")
                    }
                    QuestionKind::Number { unit: Some(u), .. } => {
                        format!("{prompt} ({})", u.get(lang))
                    }
                    _ => prompt.clone(),
                };
                self.hint(keys, t(lang, "hint.enter"));
                self.typed(&shown, &text_of(current), keys)
            }
        }
    }
}

impl Prompter for TerminalPrompter {
    fn ask(&mut self, ask: &Ask) -> Result<Reply, PromptError> {
        let lang = self.lang;
        match ask {
            // Room questions are asked only in a room run, by the room's front end.
            Ask::Room { .. } => Ok(Reply::Done),
            Ask::Step {
                method,
                step,
                number,
                total,
                offer_timer,
            } => {
                let timebox = step.timebox.map(|d| format!(" · {d}")).unwrap_or_default();
                let title = format!(
                    "── {} · {number}/{total}: {}{timebox}",
                    method.name.get(lang),
                    step.title.get(lang)
                );
                self.say("");
                self.say(&self.bold(&self.fit(&title, 0)));
                if let Some(guide) = &step.guide {
                    self.markdown(guide.get(lang), 3);
                }
                self.say("");
                match (offer_timer, step.timebox) {
                    (true, Some(timebox)) => self.countdown(
                        step.title.get(lang),
                        timebox,
                        Keys {
                            back: false,
                            ..Keys::default()
                        },
                    ),
                    _ => Ok(Reply::Done),
                }
            }
            Ask::Break {
                title,
                duration,
                offer_timer,
            } => {
                self.say("");
                self.say(&self.bold(&self.fit(&format!("── {title} · {duration}"), 0)));
                self.say("");
                if *offer_timer {
                    self.countdown(title, *duration, Keys::default())
                } else {
                    Ok(Reply::Done)
                }
            }
            Ask::Block {
                title,
                guide,
                tables,
            } => {
                self.say("");
                self.say(&self.bold(&self.fit(&format!("══ {}", terminal_safe(title)), 0)));
                if let Some(tables) = tables {
                    self.markdown(&format!("*{tables}*"), 3);
                }
                if let Some(guide) = guide {
                    self.markdown(guide, 3);
                }
                Ok(Reply::Done)
            }
            Ask::Show { question, value } => {
                let text = match value {
                    Value::String(s) => s.clone(),
                    other => serde_yaml::to_string(other)
                        .unwrap_or_default()
                        .trim()
                        .to_owned(),
                };
                self.say(&self.fit(&format!("{}: {text}", question.prompt.get(lang)), 0));
                Ok(Reply::Done)
            }
            Ask::Question {
                question,
                current,
                keys,
            } => self.ask_question(question, current.as_ref(), *keys),
            Ask::Entry {
                question,
                entries,
                editing,
                fresh,
                keys,
            } => {
                if *fresh {
                    self.intro(question);
                    let how = t(lang, "hint.lines");
                    self.hint(*keys, how);
                }
                if *fresh || std::mem::take(&mut self.relist) {
                    self.list_entries(entries);
                }
                let reply = match editing {
                    Some(k) => {
                        let initial = entries.get(*k).cloned().unwrap_or_default();
                        let prompt = format!("  {} ({})", k + 1, t(lang, "prompt.editing"));
                        self.typed(
                            &prompt,
                            &initial,
                            Keys {
                                back: true,
                                done: true,
                                ..Keys::default()
                            },
                        )?
                    }
                    None => self.typed(&format!("  {}", entries.len() + 1), "", *keys)?,
                };
                self.relist = matches!(reply, Reply::Delete(_) | Reply::Move { .. });
                Ok(reply)
            }
            Ask::Field {
                question,
                rows,
                field,
                current,
                row_number,
                row_so_far,
                editing,
                fresh,
                keys,
            } => {
                if *fresh {
                    self.intro(question);
                    self.hint(*keys, t(lang, "hint.rows"));
                }
                if *fresh || std::mem::take(&mut self.relist) {
                    self.list_entries(rows);
                }
                // A row begins, or a session resumes inside one: say which row, and what it
                // holds so far.
                if field.id == field_first(question) || (*fresh && !row_so_far.is_empty()) {
                    let label = if *editing {
                        "prompt.row_editing"
                    } else {
                        "prompt.row"
                    };
                    self.say(&self.dim(&format!("  {}", tf(lang, label, &[("n", row_number)]))));
                    if field.id != field_first(question) && !row_so_far.is_empty() {
                        self.say(&format!("    {}", self.fit(row_so_far, 4)));
                    }
                }
                let label = terminal_safe(field.prompt.get(lang)).into_owned();
                let reply = match &field.kind {
                    QuestionKind::Select { choices } => self.select_choice(
                        &format!("    {label}"),
                        choices,
                        current.as_ref(),
                        *keys,
                    )?,
                    QuestionKind::Confirm => {
                        let picked = self.confirm(
                            &format!("    {label}"),
                            current.as_ref().and_then(Value::as_bool),
                            *keys,
                        )?;
                        self.picked(picked, |b| Reply::Answer(Value::Bool(b)))?
                    }
                    kind => {
                        let shown = match kind {
                            QuestionKind::Date => {
                                format!("    {label} ({})", crate::clock::date_forms(lang))
                            }
                            QuestionKind::Scale { min, max, .. } => {
                                format!("    {label} ({min}–{max})")
                            }
                            _ => format!("    {label}"),
                        };
                        let initial = match current {
                            Some(Value::String(s)) => s.clone(),
                            Some(Value::Number(n)) => n.to_string(),
                            Some(Value::Bool(b)) => b.to_string(),
                            _ => String::new(),
                        };
                        let keys = Keys {
                            done: keys.done || !initial.is_empty(),
                            ..*keys
                        };
                        self.typed(&shown, &initial, keys)?
                    }
                };
                self.relist = matches!(reply, Reply::Delete(_) | Reply::Move { .. });
                Ok(reply)
            }
            Ask::VoteMode {
                question,
                items,
                counts,
                dots,
                keys,
            } => {
                self.intro(question);
                if counts.iter().any(|n| *n > 0) {
                    self.say(&self.dim(&format!("  {}", t(lang, "vote.current"))));
                    self.tally(items, counts);
                }
                let modes = [
                    t(lang, "vote.totals").to_owned(),
                    tf(lang, "vote.in_turn", &[("dots", dots)]),
                ];
                let hint = self.hint_text(*keys);
                let how = t(lang, "vote.how");
                let picked = self
                    .chooser(how, &hint, &modes, keys.skip)
                    .select(0)
                    .map_err(io_error)?;
                self.picked(picked, |i| {
                    Reply::Answer(Value::from(if i == 0 { "totals" } else { "turns" }))
                })
            }
            Ask::Voters { default, keys, .. } => {
                self.hint(*keys, t(lang, "hint.enter"));
                self.typed(
                    &format!("  {}", t(lang, "vote.voters")),
                    &default.to_string(),
                    *keys,
                )
            }
            Ask::Count {
                items,
                counts,
                index,
                keys,
                ..
            } => {
                let item = items.get(*index).cloned().unwrap_or_default();
                let current = counts.get(*index).copied().unwrap_or(0);
                if *index == 0 {
                    self.hint(*keys, t(lang, "hint.enter"));
                }
                let reply = self.typed(
                    &format!("  {}", item),
                    &current.to_string(),
                    Keys {
                        done: true,
                        ..*keys
                    },
                )?;
                if *index + 1 == items.len() && matches!(reply, Reply::Answer(_) | Reply::Done) {
                    let mut counts = counts.clone();
                    if let (Reply::Answer(Value::String(s)), Some(c)) =
                        (&reply, counts.get_mut(*index))
                    {
                        *c = s.trim().parse().unwrap_or(*c);
                    }
                    self.tally(items, &counts);
                }
                Ok(reply)
            }
            Ask::Dot {
                items,
                counts,
                voter,
                voters,
                dot,
                dots,
                keys,
                ..
            } => {
                let prompt = tf(
                    lang,
                    "vote.turn",
                    &[
                        ("voter", voter),
                        ("voters", voters),
                        ("dot", dot),
                        ("dots", dots),
                    ],
                );
                let labels: Vec<String> = items
                    .iter()
                    .zip(counts)
                    .map(|(item, n)| {
                        format!(
                            "{} {}",
                            terminal_safe(item),
                            "●".repeat((*n).min(20) as usize)
                        )
                    })
                    .collect();
                let hint = self.hint_text(*keys);
                let picked = self
                    .chooser(&prompt, &hint, &labels, false)
                    .select(0)
                    .map_err(io_error)?;
                let reply = self.picked(picked, |i| Reply::Answer(Value::from(i as u64)))?;
                if *voter == *voters && *dot == *dots && matches!(reply, Reply::Answer(_)) {
                    let mut counts = counts.clone();
                    if let (Reply::Answer(Value::Number(n)), true) = (&reply, true)
                        && let Some(c) = n.as_u64().and_then(|i| counts.get_mut(i as usize))
                    {
                        *c += 1;
                    }
                    self.tally(items, &counts);
                }
                Ok(reply)
            }
            Ask::Score {
                question,
                item,
                criterion,
                current,
                index,
                kept,
                fresh,
                keys,
                ..
            } => {
                if *index == 0 || *fresh {
                    self.intro(question);
                    self.list_entries(kept);
                    self.hint(*keys, t(lang, "hint.enter"));
                }
                // The item on a line of its own, then one short prompt per criterion, so a long
                // item never pushes the criterion (or the score) off the line.
                let first = match &question.kind {
                    QuestionKind::Score { criteria, .. } => {
                        criteria.first().is_some_and(|c| c.id == criterion.id)
                    }
                    _ => true,
                };
                if first {
                    self.say(&self.bold(&format!("  {}", self.fit(item, 2))));
                }
                let prompt = format!(
                    "    {} ({}–{})",
                    terminal_safe(criterion.label.get(lang)),
                    criterion.min,
                    criterion.max
                );
                let initial = current.map(|n| n.to_string()).unwrap_or_default();
                self.typed(
                    &prompt,
                    &initial,
                    Keys {
                        done: current.is_some(),
                        ..*keys
                    },
                )
            }
            Ask::Pick {
                question,
                picked,
                remaining,
                suggested,
                before,
                fresh,
                keys,
            } => {
                if picked.is_empty() || *fresh {
                    self.intro(question);
                    self.list_entries(picked);
                    if !before.is_empty() {
                        self.say(&self.dim(&format!("  {}", t(lang, "rank.before"))));
                        self.numbered(before);
                    }
                }
                let prompt = tf(
                    lang,
                    "rank.place",
                    &[
                        ("k", &(picked.len() + 1)),
                        ("n", &(picked.len() + remaining.len())),
                    ],
                );
                let labels: Vec<String> = remaining
                    .iter()
                    .map(|r| terminal_safe(r).into_owned())
                    .collect();
                let hint = self.hint_text(*keys);
                let chosen = self
                    .chooser(&prompt, &hint, &labels, keys.skip)
                    .select(*suggested)
                    .map_err(io_error)?;
                self.picked(chosen, |i| Reply::Answer(Value::from(i as u64)))
            }
            Ask::Review { lines, last, keys } => {
                let mut items = vec![
                    t(
                        lang,
                        if *last {
                            "review.finish"
                        } else {
                            "review.continue"
                        },
                    )
                    .to_owned(),
                ];
                items.extend(lines.iter().map(|l| {
                    format!(
                        "✎ {}: {}",
                        terminal_safe(&l.prompt),
                        terminal_safe(&l.answer).replace('\n', " ")
                    )
                }));
                let prompt = t(lang, if *last { "review.final" } else { "review.step" });
                let hint = self.hint_text(*keys);
                let picked = self
                    .chooser(prompt, &hint, &items, false)
                    .select(0)
                    .map_err(io_error)?;
                self.picked(picked, |i| {
                    if i == 0 {
                        Reply::Done
                    } else {
                        Reply::Edit(i - 1)
                    }
                })
            }
            Ask::Text { prompt, initial } => {
                let text = self.line(prompt, initial)?;
                Ok(Reply::Answer(Value::String(text)))
            }
            Ask::End(_) => Ok(Reply::Done),
        }
    }

    fn invalid(&mut self, message: &str) {
        self.invalid_line(message);
    }
}

impl TerminalPrompter {
    /// A vote's counts, most dots first, ties visible.
    fn tally(&self, items: &[String], counts: &[u64]) {
        let mut rows: Vec<(&String, u64)> = items.iter().zip(counts.iter().copied()).collect();
        rows.sort_by_key(|r| std::cmp::Reverse(r.1));
        for (item, n) in rows {
            let line = format!("  {n:>3} {}  {}", "●".repeat(n.min(30) as usize), item);
            self.say(&self.fit(&line, 0));
        }
    }
}

fn field_first(q: &Question) -> &str {
    match &q.kind {
        QuestionKind::Records { fields, .. } => fields.first().map_or("", |f| f.id.as_str()),
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_lines_mean_what_the_hints_say() {
        assert_eq!(parse_line("<", "", true), Typed::Back);
        assert_eq!(parse_line("Old answer<", "Old answer", false), Typed::Back);
        assert_eq!(parse_line(" - ", "", false), Typed::Skip);
        assert_eq!(parse_line("\\-", "", false), Typed::Text("-".into()));
        assert_eq!(parse_line("\\/e 2", "", true), Typed::Text("/e 2".into()));
        assert_eq!(parse_line("/e 2", "", true), Typed::Edit(1));
        assert_eq!(parse_line("/d 3", "", true), Typed::Delete(2));
        assert_eq!(parse_line("/m 3 1", "", true), Typed::Move(2, 0));
        assert_eq!(parse_line("/x", "", true), Typed::Unknown("/x".into()));
        assert_eq!(parse_line("/e 2", "", false), Typed::Text("/e 2".into()));
        assert_eq!(parse_line("", "", true), Typed::Empty);
        assert_eq!(
            parse_line("SMS reminder", "", true),
            Typed::Text("SMS reminder".into())
        );
    }
}
