//! Asking questions. `Prompter` is the seam between the engine and a person: the terminal
//! implementation here is the only code that uses dialoguer; tests use a scripted one.

use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Input, MultiSelect, Select, Sort};
use serde_yaml::{Mapping, Value};

use crate::i18n::t;
use crate::lang::Lang;
use crate::method::{Method, Question, QuestionKind, Step};

/// What the person did at a prompt.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    Answer(Value),
    Skip,
    Back,
}

/// What the facilitator chose on a review screen.
#[derive(Debug, Clone, PartialEq)]
pub enum Review {
    Continue,
    /// Change the answer to this question.
    Edit(String),
}

#[derive(Debug)]
pub enum PromptError {
    /// Ctrl-C or Esc: stop, the session is saved as in progress.
    Cancelled,
    Io(String),
}

pub trait Prompter {
    /// A new step begins: show its title, guidance and timebox.
    fn step(&mut self, method: &Method, step: &Step, number: usize, total: usize);
    /// Asks one question. `current` is the answer given before (or the default); `items` are
    /// the items a vote, score or rank question works over.
    fn ask(
        &mut self,
        q: &Question,
        current: Option<&Value>,
        items: &[String],
    ) -> Result<Reply, PromptError>;
    /// The last answer was not accepted.
    fn invalid(&mut self, message: &str);
    /// A computed value, shown to the group.
    fn show(&mut self, q: &Question, value: &Value);
    /// Offers a countdown for the step's timebox and runs it if accepted.
    fn timebox(&mut self, step: &Step, timebox: crate::method::Duration)
    -> Result<(), PromptError>;
    /// Lists answers and lets the facilitator pick one to change.
    fn review(
        &mut self,
        questions: &[&Question],
        session: &crate::session::Session,
        last: bool,
    ) -> Result<Review, PromptError>;
    /// A free-text question of labkit's own (facilitator, participants).
    fn text(&mut self, prompt: &str, initial: &str) -> Result<String, PromptError>;
}

/// Answers from a list, in order, for tests of the engine.
#[derive(Default)]
pub struct ScriptedPrompter {
    pub replies: std::collections::VecDeque<Reply>,
    /// Review choices in order; when empty, reviews continue.
    pub reviews: std::collections::VecDeque<Review>,
    pub rejected: Vec<String>,
    pub steps_shown: Vec<String>,
}

impl Prompter for ScriptedPrompter {
    fn step(&mut self, _: &Method, step: &Step, _: usize, _: usize) {
        self.steps_shown.push(step.id.clone());
    }

    fn timebox(&mut self, _: &Step, _: crate::method::Duration) -> Result<(), PromptError> {
        Ok(())
    }

    fn review(
        &mut self,
        _: &[&Question],
        _: &crate::session::Session,
        _: bool,
    ) -> Result<Review, PromptError> {
        Ok(self.reviews.pop_front().unwrap_or(Review::Continue))
    }

    fn text(&mut self, _: &str, initial: &str) -> Result<String, PromptError> {
        Ok(initial.to_owned())
    }

    fn ask(&mut self, _: &Question, _: Option<&Value>, _: &[String]) -> Result<Reply, PromptError> {
        self.replies.pop_front().ok_or(PromptError::Cancelled)
    }

    fn invalid(&mut self, message: &str) {
        self.rejected.push(message.to_owned());
    }

    fn show(&mut self, _: &Question, _: &Value) {}
}

/// The real terminal, through dialoguer, on stderr (stdout stays free for data).
pub struct TerminalPrompter {
    pub lang: Lang,
    pub color: bool,
    /// How many people are in the room, the default number of voters.
    pub participants: usize,
}

fn io(err: dialoguer::Error) -> PromptError {
    let dialoguer::Error::IO(e) = err;
    if e.kind() == std::io::ErrorKind::Interrupted {
        PromptError::Cancelled
    } else {
        PromptError::Io(e.to_string())
    }
}

const BACK: &str = "<";
const SKIP: &str = "-";

impl TerminalPrompter {
    /// A playbook's break: say so, and offer its countdown.
    pub fn pause(
        &mut self,
        title: &str,
        duration: crate::method::Duration,
    ) -> Result<(), PromptError> {
        eprintln!("\n── {title} · {duration}\n");
        let theme = self.theme();
        let start = Confirm::with_theme(theme.as_ref())
            .with_prompt(crate::i18n::tf(
                self.lang,
                "prompt.start_countdown",
                &[("duration", &duration)],
            ))
            .default(false)
            .interact_opt()
            .map_err(io)?
            .ok_or(PromptError::Cancelled)?;
        if start {
            crate::timer::run_countdown(
                std::time::Duration::from_secs(duration.secs()),
                title,
                self.color,
            )
            .map_err(|e| PromptError::Io(e.to_string()))?;
        }
        Ok(())
    }

    fn theme(&self) -> Box<dyn Theme> {
        if self.color {
            Box::new(ColorfulTheme::default())
        } else {
            Box::new(SimpleTheme)
        }
    }

    fn hint(&self, q: &Question) {
        let lang = self.lang;
        let skip = if q.required { "" } else { t(lang, "hint.skip") };
        let how = match &q.kind {
            QuestionKind::Longtext { .. } | QuestionKind::List { .. } => t(lang, "hint.lines"),
            _ => t(lang, "hint.enter"),
        };
        eprintln!("  ({how}{skip}; {})", t(lang, "hint.back_and_stop"));
        if let Some(help) = &q.help {
            eprintln!("  {}", help.get(self.lang));
        }
    }

    fn line(&self, prompt: &str, initial: &str) -> Result<String, PromptError> {
        let theme = self.theme();
        Input::<String>::with_theme(theme.as_ref())
            .with_prompt(prompt)
            .with_initial_text(initial)
            .allow_empty(true)
            .interact_text()
            .map_err(io)
    }

    /// Reads lines until an empty one; `<`/`-` alone on the first line go back / skip.
    fn lines(
        &self,
        prompt: &str,
        current: Option<&Value>,
    ) -> Result<Option<Vec<String>>, PromptError> {
        eprintln!("{prompt}");
        let mut out: Vec<String> = match current {
            Some(Value::Sequence(items)) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
            Some(Value::String(s)) => s.lines().map(str::to_owned).collect(),
            _ => Vec::new(),
        };
        if !out.is_empty() {
            eprintln!(
                "  ({})",
                crate::i18n::tf(self.lang, "prompt.keeping", &[("n", &out.len())])
            );
        }
        loop {
            let entry = self.line(&format!("  {}", out.len() + 1), "")?;
            match entry.trim() {
                "" => return Ok(Some(out)),
                BACK if out.is_empty() => return Ok(None),
                "!" => out.clear(),
                // A pasted block arrives as one line per entry.
                text => out.extend(text.lines().map(str::to_owned)),
            }
        }
    }
}

impl Prompter for TerminalPrompter {
    fn step(&mut self, method: &Method, step: &Step, number: usize, total: usize) {
        let lang = self.lang;
        let timebox = step.timebox.map(|d| format!(" · {d}")).unwrap_or_default();
        eprintln!(
            "\n── {} · {number}/{total}: {}{timebox}",
            method.name.get(lang),
            step.title.get(lang)
        );
        if let Some(guide) = &step.guide {
            for line in guide.get(lang).trim_end().lines() {
                eprintln!("   {line}");
            }
        }
        eprintln!();
    }

    fn ask(
        &mut self,
        q: &Question,
        current: Option<&Value>,
        items: &[String],
    ) -> Result<Reply, PromptError> {
        let lang = self.lang;
        let prompt = q.prompt.get(lang).to_owned();
        let theme = self.theme();
        self.hint(q);
        let text_of = |v: Option<&Value>| match v {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Bool(b)) => b.to_string(),
            _ => String::new(),
        };
        let answer = match &q.kind {
            QuestionKind::Text { .. }
            | QuestionKind::Number { .. }
            | QuestionKind::Date
            | QuestionKind::Scale { .. } => {
                let shown = match &q.kind {
                    QuestionKind::Date => format!("{prompt} (YYYY-MM-DD)"),
                    QuestionKind::Scale { min, max, labels } => {
                        let labels: Vec<String> = labels
                            .iter()
                            .map(|(k, v)| format!("{k} = {}", v.get(lang)))
                            .collect();
                        format!(
                            "{prompt} ({min}–{max}{}{})",
                            if labels.is_empty() { "" } else { "; " },
                            labels.join(", ")
                        )
                    }
                    QuestionKind::Number { unit: Some(u), .. } => {
                        format!("{prompt} ({})", u.get(lang))
                    }
                    _ => prompt,
                };
                let initial = text_of(current);
                let text = self.line(&shown, &initial)?;
                // `<` typed after a pre-filled answer also goes back, without clearing it first.
                let typed = text
                    .strip_prefix(initial.as_str())
                    .filter(|_| !initial.is_empty())
                    .unwrap_or(&text);
                if typed.trim() == BACK {
                    return Ok(Reply::Back);
                }
                match text.trim() {
                    SKIP | "" if !q.required => return Ok(Reply::Skip),
                    _ => Value::String(text),
                }
            }
            QuestionKind::Longtext { .. } | QuestionKind::List { .. } => {
                match self.lines(&prompt, current)? {
                    None => return Ok(Reply::Back),
                    Some(lines) if lines.is_empty() && !q.required => return Ok(Reply::Skip),
                    Some(lines) if matches!(q.kind, QuestionKind::Longtext { .. }) => {
                        Value::String(lines.join("\n"))
                    }
                    Some(lines) => Value::Sequence(lines.into_iter().map(Value::String).collect()),
                }
            }
            QuestionKind::Confirm => {
                let default = current.and_then(Value::as_bool).unwrap_or(false);
                Value::Bool(
                    Confirm::with_theme(theme.as_ref())
                        .with_prompt(prompt)
                        .default(default)
                        .interact()
                        .map_err(io)?,
                )
            }
            QuestionKind::Select { choices } => {
                let mut labels: Vec<String> = choices
                    .iter()
                    .map(|c| c.label.get(lang).to_owned())
                    .collect();
                labels.push(t(lang, "prompt.back").to_owned());
                let selected = current
                    .and_then(Value::as_str)
                    .and_then(|v| choices.iter().position(|c| c.value == v))
                    .unwrap_or(0);
                let i = Select::with_theme(theme.as_ref())
                    .with_prompt(prompt)
                    .items(&labels)
                    .default(selected)
                    .interact()
                    .map_err(io)?;
                match choices.get(i) {
                    Some(c) => Value::String(c.value.clone()),
                    None => return Ok(Reply::Back),
                }
            }
            QuestionKind::Multiselect { choices, .. } => {
                let labels: Vec<String> = choices
                    .iter()
                    .map(|c| c.label.get(lang).to_owned())
                    .collect();
                let chosen: Vec<String> = match current {
                    Some(Value::Sequence(v)) => v
                        .iter()
                        .filter_map(|x| x.as_str().map(str::to_owned))
                        .collect(),
                    _ => Vec::new(),
                };
                let defaults: Vec<bool> =
                    choices.iter().map(|c| chosen.contains(&c.value)).collect();
                let picked = MultiSelect::with_theme(theme.as_ref())
                    .with_prompt(format!("{prompt} ({})", t(lang, "hint.multiselect")))
                    .items(&labels)
                    .defaults(&defaults)
                    .interact()
                    .map_err(io)?;
                Value::Sequence(
                    picked
                        .into_iter()
                        .map(|i| Value::String(choices[i].value.clone()))
                        .collect(),
                )
            }
            QuestionKind::Records { fields, .. } => {
                eprintln!("{prompt}");
                let mut rows = match current {
                    Some(Value::Sequence(rows)) => rows.clone(),
                    _ => Vec::new(),
                };
                loop {
                    eprintln!(
                        "  {}",
                        crate::i18n::tf(lang, "prompt.row", &[("n", &(rows.len() + 1))])
                    );
                    let mut row = Mapping::new();
                    for (fi, f) in fields.iter().enumerate() {
                        let format_hint = if matches!(f.kind, QuestionKind::Date) {
                            " (YYYY-MM-DD)"
                        } else {
                            ""
                        };
                        let text =
                            self.line(&format!("    {}{format_hint}", f.prompt.get(lang)), "")?;
                        if fi == 0 && text.trim().is_empty() {
                            if rows.is_empty() && !q.required {
                                return Ok(Reply::Skip);
                            }
                            return Ok(Reply::Answer(Value::Sequence(rows)));
                        }
                        if fi == 0 && text.trim() == BACK && rows.is_empty() {
                            return Ok(Reply::Back);
                        }
                        if !text.trim().is_empty() {
                            row.insert(Value::from(f.id.as_str()), Value::String(text));
                        }
                    }
                    rows.push(Value::Mapping(row));
                }
            }
            QuestionKind::Vote { dots, .. } => {
                eprintln!("{prompt}");
                let modes = [
                    t(lang, "vote.totals").to_owned(),
                    crate::i18n::tf(lang, "vote.in_turn", &[("dots", dots)]),
                    t(lang, "prompt.back").to_owned(),
                ];
                let mode = Select::with_theme(theme.as_ref())
                    .with_prompt(t(lang, "vote.how"))
                    .items(&modes)
                    .default(0)
                    .interact_opt()
                    .map_err(io)?
                    .ok_or(PromptError::Cancelled)?;
                let mut votes = Mapping::new();
                for item in items {
                    votes.insert(Value::from(item.as_str()), Value::from(0));
                }
                match mode {
                    0 => {
                        for item in items {
                            let n = self.line(&format!("  {item}"), "0")?;
                            if n.trim() == BACK {
                                return Ok(Reply::Back);
                            }
                            votes.insert(
                                Value::from(item.as_str()),
                                n.trim()
                                    .parse::<u64>()
                                    .map(Value::from)
                                    .unwrap_or(Value::String(n)),
                            );
                        }
                    }
                    1 => {
                        let voters = self.line(
                            &format!("  {}", t(lang, "vote.voters")),
                            &self.participants.max(1).to_string(),
                        )?;
                        let voters: usize = voters.trim().parse().unwrap_or(1);
                        for voter in 1..=voters {
                            for dot in 1..=*dots {
                                let i = Select::with_theme(theme.as_ref())
                                    .with_prompt(format!(
                                        "  {}",
                                        crate::i18n::tf(
                                            lang,
                                            "vote.turn",
                                            &[
                                                ("voter", &voter),
                                                ("voters", &voters),
                                                ("dot", &dot),
                                                ("dots", dots)
                                            ]
                                        )
                                    ))
                                    .items(items)
                                    .default(0)
                                    .interact_opt()
                                    .map_err(io)?
                                    .ok_or(PromptError::Cancelled)?;
                                let key = Value::from(items[i].as_str());
                                let n = votes.get(&key).and_then(Value::as_u64).unwrap_or(0);
                                votes.insert(key, Value::from(n + 1));
                            }
                        }
                    }
                    _ => return Ok(Reply::Back),
                }
                let mut sorted: Vec<(String, u64)> = votes
                    .iter()
                    .map(|(k, v)| {
                        (
                            k.as_str().unwrap_or_default().to_owned(),
                            v.as_u64().unwrap_or(0),
                        )
                    })
                    .collect();
                sorted.sort_by_key(|r| std::cmp::Reverse(r.1));
                for (item, n) in &sorted {
                    eprintln!("  {n:>3} {}  {item}", "●".repeat((*n).min(30) as usize));
                }
                Value::Mapping(votes)
            }
            QuestionKind::Score { criteria, .. } => {
                eprintln!("{prompt}");
                let mut scores = Mapping::new();
                for item in items {
                    let mut row = Mapping::new();
                    for c in criteria {
                        let n = self.line(
                            &format!("  {item} — {} ({}–{})", c.label.get(lang), c.min, c.max),
                            "",
                        )?;
                        if n.trim() == BACK {
                            return Ok(Reply::Back);
                        }
                        row.insert(
                            Value::from(c.id.as_str()),
                            n.trim()
                                .parse::<i64>()
                                .map(Value::from)
                                .unwrap_or(Value::String(n)),
                        );
                    }
                    scores.insert(Value::from(item.as_str()), Value::Mapping(row));
                }
                Value::Mapping(scores)
            }
            QuestionKind::Rank { .. } => {
                let order = Sort::with_theme(theme.as_ref())
                    .with_prompt(format!("{prompt} ({})", t(lang, "hint.sort")))
                    .items(items)
                    .interact()
                    .map_err(io)?;
                Value::Sequence(
                    order
                        .into_iter()
                        .map(|i| Value::String(items[i].clone()))
                        .collect(),
                )
            }
            QuestionKind::Computed { .. } => return Ok(Reply::Skip),
        };
        Ok(Reply::Answer(answer))
    }

    fn invalid(&mut self, message: &str) {
        eprintln!("  ✗ {message}");
    }

    fn timebox(
        &mut self,
        step: &Step,
        timebox: crate::method::Duration,
    ) -> Result<(), PromptError> {
        let theme = self.theme();
        let start = Confirm::with_theme(theme.as_ref())
            .with_prompt(crate::i18n::tf(
                self.lang,
                "prompt.start_step_countdown",
                &[("duration", &timebox)],
            ))
            .default(false)
            .interact_opt()
            .map_err(io)?
            .ok_or(PromptError::Cancelled)?;
        if start {
            let total = std::time::Duration::from_secs(timebox.secs());
            crate::timer::run_countdown(total, step.title.get(self.lang), self.color)
                .map_err(|e| PromptError::Io(e.to_string()))?;
        }
        Ok(())
    }

    fn review(
        &mut self,
        questions: &[&Question],
        session: &crate::session::Session,
        last: bool,
    ) -> Result<Review, PromptError> {
        if questions.is_empty() {
            return Ok(Review::Continue);
        }
        let lang = self.lang;
        let mut items = vec![
            crate::i18n::t(
                lang,
                if last {
                    "review.finish"
                } else {
                    "review.continue"
                },
            )
            .to_owned(),
        ];
        for q in questions {
            let answer = session
                .answer(&q.id)
                .map(|v| short(&crate::engine::display(q, v, lang)))
                .unwrap_or_default();
            items.push(format!("✎ {}: {answer}", q.prompt.get(lang)));
        }
        let theme = self.theme();
        let picked = Select::with_theme(theme.as_ref())
            .with_prompt(crate::i18n::t(
                lang,
                if last { "review.final" } else { "review.step" },
            ))
            .items(&items)
            .default(0)
            .interact_opt()
            .map_err(io)?
            .ok_or(PromptError::Cancelled)?;
        Ok(match picked {
            0 => Review::Continue,
            n => Review::Edit(questions[n - 1].id.clone()),
        })
    }

    fn text(&mut self, prompt: &str, initial: &str) -> Result<String, PromptError> {
        self.line(prompt, initial)
    }

    fn show(&mut self, q: &Question, value: &Value) {
        let text = match value {
            Value::String(s) => s.clone(),
            other => serde_yaml::to_string(other)
                .unwrap_or_default()
                .trim()
                .to_owned(),
        };
        eprintln!("{}: {text}", q.prompt.get(self.lang));
    }
}

/// One line for a review screen.
fn short(text: &str) -> String {
    let text = text.replace('\n', " ");
    if text.chars().count() > 70 {
        format!("{}…", text.chars().take(69).collect::<String>())
    } else {
        text
    }
}
