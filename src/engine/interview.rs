//! The interview: a method run one prompt at a time. `Interview::next_ask` says what to ask
//! (an `Ask`), `Interview::reply` takes what the person did, checks it, stores it and saves the
//! session through the store it was given — after every answer and every entry. Front ends
//! hold nothing of their own: the terminal loop (`drive`), the scripted tests and any later
//! front end are a few lines that pass `Ask`s out and `Reply`s in.
//!
//! Order of things: each step opens with its title and guidance (and the offer of a countdown,
//! once), then its questions; after the step's last question a review lists its answers and
//! lets the facilitator change any; a final review covers the whole method. `<` goes back one
//! prompt (inside a question: one field, item or pick), `-` skips an optional question.

use std::time::SystemTime;

use handlebars::Handlebars;
use serde_yaml::{Mapping, Value};

use super::answers::{check, compute, context, default_for, display, is_asked, items, row_text};
use super::progress::{InProgress, VoteMode};
use super::seam::{Ask, Keys, PromptError, Prompter, Reply, ReviewLine, row_label};
use crate::clock::Clock;
use crate::error::Error;
use crate::i18n::{t, tf};
use crate::lang::Lang;
use crate::method::{Method, Question, QuestionKind};
use crate::session::Session;

use super::room;

/// How an interview ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ended {
    Finished,
    Cancelled,
    /// `<` at the first question, when `Options::back_out` allows leaving this way (a
    /// playbook then goes back into the previous method).
    BackedOut,
}

/// How the interview runs.
#[derive(Debug, Clone)]
pub struct Options {
    pub lang: Lang,
    pub today: String,
    /// Offer a countdown for steps with a timebox.
    pub timers: bool,
    /// Start at the last question instead of the first unanswered one (coming back from the
    /// next method of a playbook).
    pub start_at_end: bool,
    /// `<` at the first question ends the interview with `Ended::BackedOut`.
    pub back_out: bool,
    /// Participants answer the questions marked `room: true` from their own devices
    /// (`run --room`): those questions are asked as `Ask::Room`.
    pub room: bool,
}

/// Where the interview is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum At {
    /// The step of question `i` opens.
    Intro(usize),
    Question(usize),
    /// The review of step `s`.
    Review(usize),
    Final,
    End(Ended),
}

/// Whether a reply was taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Feedback {
    Taken,
    /// A `Reply::Room`: for each contribution in it, taken or the reason it was refused.
    Room(Vec<Result<(), String>>),
    /// Not taken, with the reason to show; the same thing is asked again.
    Refused(String),
}

pub type Store<'s> = dyn FnMut(&Session) -> Result<(), Error> + 's;

pub struct Interview<'a> {
    method: &'a Method,
    session: &'a mut Session,
    store: &'a mut Store<'a>,
    clock: &'a dyn Clock,
    opts: Options,
    hb: Handlebars<'static>,
    flat: Vec<(usize, &'a Question)>,
    at: At,
    shown_step: Option<usize>,
    step_started: SystemTime,
    /// Came from a review: after this question, back to the review.
    editing: bool,
    /// The edit came from the final review.
    from_final: bool,
    /// The current question has not been asked yet in this visit.
    fresh: bool,
}

impl<'a> Interview<'a> {
    /// Starts (or resumes) an interview: at the question in progress, else the first asked
    /// question without an answer, else the final review.
    pub fn new(
        method: &'a Method,
        session: &'a mut Session,
        store: &'a mut Store<'a>,
        clock: &'a dyn Clock,
        opts: Options,
    ) -> Interview<'a> {
        let flat: Vec<(usize, &Question)> = method.questions().collect();
        let mut iv = Interview {
            method,
            session,
            store,
            clock,
            opts,
            hb: crate::helpers::registry(),
            flat,
            at: At::Final,
            shown_step: None,
            step_started: clock.now(),
            editing: false,
            from_final: false,
            fresh: true,
        };
        let in_progress = iv
            .session
            .in_progress
            .as_ref()
            .and_then(|p| iv.index_of(&p.question));
        let start = if iv.opts.start_at_end {
            iv.last_asked_before(iv.flat.len())
        } else {
            in_progress.or_else(|| iv.first_unanswered(0, iv.flat.len()))
        };
        iv.at = match start {
            Some(i) => At::Intro(i),
            None if iv.flat.is_empty() => At::End(Ended::Finished),
            None => At::Final,
        };
        iv
    }

    pub fn session(&self) -> &Session {
        self.session
    }

    fn index_of(&self, id: &str) -> Option<usize> {
        self.flat.iter().position(|(_, q)| q.id == id)
    }

    fn ctx(&self) -> serde_json::Value {
        context(self.method, self.session, &self.opts.today)
    }

    fn asked(&self, i: usize) -> bool {
        is_asked(self.flat[i].1, &self.hb, &self.ctx())
    }

    fn typed(&self, i: usize) -> bool {
        !matches!(self.flat[i].1.kind, QuestionKind::Computed { .. }) && self.asked(i)
    }

    fn first_unanswered(&self, from: usize, to: usize) -> Option<usize> {
        (from..to).find(|&k| {
            let q = self.flat[k].1;
            self.session.answer(&q.id).is_none()
                && !matches!(q.kind, QuestionKind::Computed { .. })
                && self.asked(k)
        })
    }

    fn last_asked_before(&self, end: usize) -> Option<usize> {
        (0..end).rev().find(|&k| self.typed(k))
    }

    fn step_range(&self, step: usize) -> (usize, usize) {
        let start = self.flat.iter().position(|(s, _)| *s == step).unwrap_or(0);
        let end = self
            .flat
            .iter()
            .rposition(|(s, _)| *s == step)
            .map_or(0, |p| p + 1);
        (start, end)
    }

    fn save(&mut self) -> Result<(), Error> {
        (self.store)(self.session)
    }

    fn progress(&self) -> Option<&InProgress> {
        self.session.in_progress.as_ref()
    }

    fn progress_mut(&mut self) -> Option<&mut InProgress> {
        self.session.in_progress.as_mut()
    }

    fn record_time(&mut self) {
        if let Some(step) = self.shown_step {
            let secs = self
                .clock
                .now()
                .duration_since(self.step_started)
                .map_or(0, |d| d.as_secs());
            let id = self.method.steps[step].id.clone();
            *self.session.step_times.entry(id).or_insert(0) += secs;
            self.step_started = self.clock.now();
        }
    }

    /// Whether `<` has somewhere to go from question `i`.
    fn can_go_back(&self, i: usize) -> bool {
        self.opts.back_out || self.last_asked_before(i).is_some()
    }

    /// What to ask next. Questions that are not asked lose their answer, computed ones are
    /// worked out and shown.
    pub fn next_ask(&mut self) -> Result<Ask<'a>, Error> {
        loop {
            match self.at {
                At::End(e) => return Ok(Ask::End(e)),
                At::Intro(i) => {
                    let step_index = self.flat[i].0;
                    if self.shown_step == Some(step_index) {
                        self.at = At::Question(i);
                        continue;
                    }
                    let method: &'a Method = self.method;
                    let step = &method.steps[step_index];
                    // In a room run the room's own countdown times a step open to the room.
                    let room_step = self.opts.room && step.questions.iter().any(|q| q.room);
                    let offer_timer = self.opts.timers
                        && step.timebox.is_some()
                        && !room_step
                        && !self.session.offered.contains(&step.id);
                    return Ok(Ask::Step {
                        method,
                        step,
                        number: step_index + 1,
                        total: method.steps.len(),
                        offer_timer,
                    });
                }
                At::Question(i) => {
                    let q: &'a Question = self.flat[i].1;
                    if self.shown_step != Some(self.flat[i].0) {
                        self.at = At::Intro(i);
                        continue;
                    }
                    if !self.asked(i) {
                        if self.session.answers.remove(q.id.as_str()).is_some() {
                            self.save()?;
                        }
                        self.advance(i);
                        continue;
                    }
                    if matches!(q.kind, QuestionKind::Computed { .. }) {
                        match compute(q, &self.hb, &self.ctx()) {
                            Ok(v) => {
                                self.session
                                    .answers
                                    .insert(Value::from(q.id.as_str()), v.clone());
                                self.save()?;
                                return Ok(Ask::Show {
                                    question: q,
                                    value: v,
                                });
                            }
                            Err(_) => {
                                self.advance(i);
                                continue;
                            }
                        }
                    }
                    if self.progress_full(i) && self.complete(i)? == Feedback::Taken {
                        continue;
                    }
                    // Nothing to vote on, score or rank (the list before was skipped): the empty
                    // answer is the answer.
                    if let Some(from) = q.kind.items_from()
                        && items(self.session, from).is_empty()
                    {
                        let empty = match q.kind {
                            QuestionKind::Rank { .. } => Value::Sequence(Vec::new()),
                            _ => Value::Mapping(Mapping::new()),
                        };
                        if let Ok(v) = check(q, &empty, self.session, self.opts.lang) {
                            self.accept(i, v)?;
                            continue;
                        }
                    }
                    if self.room_asks(i) {
                        return self.ask_room(i);
                    }
                    if !self.opts.room && self.ledger(i).is_some_and(|l| !l.closed) {
                        // Resumed without `--room`: what the room sent joins the question's
                        // progress, to go on with the ordinary way.
                        self.close_room(i, false)?;
                        continue;
                    }
                    return Ok(self.ask_question(i));
                }
                At::Review(step) => {
                    let (start, end) = self.step_range(step);
                    let lines = self.review_lines(start, end);
                    if lines.is_empty() {
                        self.after_review(step);
                        continue;
                    }
                    return Ok(Ask::Review {
                        lines,
                        last: false,
                        keys: Keys {
                            back: true,
                            ..Keys::default()
                        },
                    });
                }
                At::Final => {
                    let lines = self.review_lines(0, self.flat.len());
                    if lines.is_empty() {
                        self.finish()?;
                        continue;
                    }
                    return Ok(Ask::Review {
                        lines,
                        last: true,
                        keys: Keys {
                            back: true,
                            ..Keys::default()
                        },
                    });
                }
            }
        }
    }

    fn review_lines(&self, start: usize, end: usize) -> Vec<ReviewLine> {
        (start..end)
            .filter_map(|k| {
                let q = self.flat[k].1;
                let v = self.session.answer(&q.id)?;
                Some(ReviewLine {
                    id: q.id.clone(),
                    prompt: q.prompt.get(self.opts.lang).to_owned(),
                    answer: display(q, v, self.opts.lang),
                })
            })
            .collect()
    }

    /// The question's progress, opened from its answer (or default) on first entry.
    fn open(&mut self, i: usize) {
        let q = self.flat[i].1;
        if self.progress().is_some_and(|p| p.question == q.id) {
            return;
        }
        let current = self
            .session
            .answer(&q.id)
            .cloned()
            .filter(|v| !v.is_null())
            .or_else(|| default_for(q, &self.hb, &self.ctx()));
        let value = match (&q.kind, current) {
            (QuestionKind::List { .. }, Some(Value::Sequence(s))) => Value::Sequence(s),
            (QuestionKind::List { .. } | QuestionKind::Longtext { .. }, Some(Value::String(s))) => {
                Value::Sequence(
                    s.lines()
                        .filter(|l| !l.trim().is_empty())
                        .map(Value::from)
                        .collect(),
                )
            }
            (QuestionKind::Records { .. }, Some(Value::Sequence(s))) => Value::Sequence(s),
            (QuestionKind::Vote { .. } | QuestionKind::Score { .. }, Some(Value::Mapping(m))) => {
                Value::Mapping(m)
            }
            (QuestionKind::Vote { .. } | QuestionKind::Score { .. }, _) => {
                Value::Mapping(Mapping::new())
            }
            _ => Value::Sequence(Vec::new()),
        };
        self.session.in_progress = Some(InProgress::new(&q.id, value));
        self.fresh = true;
    }

    /// The items a vote, score or ranking works over (none for other questions).
    fn items_for(&self, q: &Question) -> Vec<String> {
        q.kind
            .items_from()
            .map(|f| items(self.session, f))
            .unwrap_or_default()
    }

    /// The room's ledger of question `i`, if it was ever open to the room.
    fn ledger(&self, i: usize) -> Option<&room::Ledger> {
        self.session
            .room
            .as_ref()?
            .questions
            .get(&self.flat[i].1.id)
    }

    fn ledger_mut(&mut self, i: usize) -> Option<&mut room::Ledger> {
        let id = &self.flat[i].1.id;
        self.session.room.as_mut()?.questions.get_mut(id)
    }

    /// When the step's first question opened to the room: its timebox counts from then, so a
    /// step with several room questions keeps one countdown.
    fn step_opened_ms(&self, step: usize, this: u64) -> u64 {
        self.flat
            .iter()
            .filter(|(s, _)| *s == step)
            .filter_map(|(_, q)| self.session.room.as_ref()?.questions.get(&q.id))
            .map(|l| l.opened_ms)
            .fold(this, u64::min)
    }

    /// Question `i` is asked of the room: a room run, a question marked `room: true`, and
    /// either open to the room already or not yet answered (a question answered another way
    /// is changed the ordinary way).
    fn room_asks(&self, i: usize) -> bool {
        let q = self.flat[i].1;
        if !self.opts.room || !q.room || !room::open_to_room(q) {
            return false;
        }
        match self.ledger(i) {
            Some(l) => !l.closed,
            None => self.session.answer(&q.id).is_none(),
        }
    }

    /// Opens question `i` to the room (its ledger, saved, starts the countdown) and says what
    /// the room sees.
    fn ask_room(&mut self, i: usize) -> Result<Ask<'a>, Error> {
        let (step_index, q): (usize, &'a Question) = self.flat[i];
        if self.ledger(i).is_none() {
            let now = self.clock.now();
            let ms = now
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_millis() as u64);
            let ledger = room::Ledger::new(crate::clock::rfc3339(now), ms);
            self.session
                .room
                .get_or_insert_with(room::RoomRecord::default)
                .questions
                .insert(q.id.clone(), ledger);
            self.save()?;
        }
        let items = self.items_for(q);
        let ledger = self.ledger(i).cloned().unwrap_or_default();
        let step = &self.method.steps[step_index];
        let Some(kind) = room::room_kind(q, &items) else {
            return Ok(self.ask_question(i));
        };
        let view = room::RoomQuestion {
            key: format!("{}/{}", self.method.id, q.id),
            method_title: self.method.name.clone(),
            step_title: step.title.clone(),
            step_number: step_index + 1,
            steps_total: self.method.steps.len(),
            prompt: q.prompt.clone(),
            help: q.help.clone(),
            kind,
            opened_ms: ledger.opened_ms,
            ends_ms: step.timebox.map(|d| {
                self.step_opened_ms(step_index, ledger.opened_ms)
                    .saturating_add(d.secs().saturating_mul(1000))
            }),
            closed: ledger.closed,
            tally: room::tally(q, &items, &ledger),
            entries: ledger.entries,
            ballots: ledger.ballots,
        };
        Ok(Ask::Room {
            question: q,
            room: std::sync::Arc::new(view),
            keys: Keys {
                back: self.can_go_back(i),
                done: true,
                edit: matches!(q.kind, QuestionKind::List { .. }),
                skip: false,
            },
        })
    }

    /// A reply to a question open to the room.
    fn reply_room(&mut self, i: usize, reply: Reply) -> Result<Feedback, Error> {
        let q = self.flat[i].1;
        let lang = self.opts.lang;
        let items = self.items_for(q);
        let Some(ledger) = self.ledger_mut(i) else {
            return self.refuse(t(lang, "room.refuse.closed"));
        };
        let done = match reply {
            Reply::Room(sent) => {
                let results: Vec<Result<(), String>> = sent
                    .iter()
                    .map(|c| ledger.apply(q, &items, c, lang))
                    .collect();
                if results.iter().any(Result::is_ok) {
                    self.save()?;
                }
                return Ok(Feedback::Room(results));
            }
            Reply::Answer(v) if matches!(q.kind, QuestionKind::List { .. }) => {
                ledger.add_own(q, &entry_text(&v), lang)
            }
            Reply::Hide(id) => ledger.hide(id, true, lang),
            Reply::Unhide(id) => ledger.hide(id, false, lang),
            Reply::Merge { from, into } => ledger.merge(from, into, lang),
            Reply::Done => return self.close_room(i, true),
            Reply::Back => return self.back_from(i),
            Reply::Stop => return self.stop(),
            _ => Err(t(lang, "room.refuse.wrong_kind").to_owned()),
        };
        match done {
            Ok(()) => {
                self.save()?;
                Ok(Feedback::Taken)
            }
            Err(m) => self.refuse(m),
        }
    }

    /// Closes question `i` to the room and folds what it sent into the answer, in one save.
    /// When that answer does not pass the question's checks (too many entries), or `finish` is
    /// false (a session resumed without the room), it becomes the question's progress instead,
    /// for the facilitator to go on with the ordinary way; single answers are confirmed by the
    /// facilitator, the room's choice pre-filled.
    fn close_room(&mut self, i: usize, finish: bool) -> Result<Feedback, Error> {
        let q = self.flat[i].1;
        let lang = self.opts.lang;
        let items = self.items_for(q);
        let earlier: Vec<Value> = self
            .progress()
            .filter(|p| p.question == q.id)
            .map(|p| p.entries().to_vec())
            .unwrap_or_default();
        let Some(ledger) = self.ledger_mut(i) else {
            return Ok(Feedback::Taken);
        };
        ledger.closed = true;
        let ledger = ledger.clone();
        let Some(value) = room::fold(q, &items, &ledger, &earlier) else {
            self.save()?;
            return Ok(Feedback::Taken);
        };
        let checked = check(q, &value, self.session, lang);
        match checked {
            Ok(v) if finish => self.accept(i, v),
            _ => {
                self.open(i);
                if let Some(p) = self.progress_mut() {
                    p.value = value;
                }
                self.fresh = true;
                self.save()?;
                match checked {
                    Err(m) if finish => self.refuse(m),
                    _ => Ok(Feedback::Taken),
                }
            }
        }
    }

    fn ask_question(&mut self, i: usize) -> Ask<'a> {
        let q: &'a Question = self.flat[i].1;
        let back = self.can_go_back(i);
        let lang = self.opts.lang;
        let from_items = self.items_for(q);
        let scalar = !matches!(
            q.kind,
            QuestionKind::List { .. }
                | QuestionKind::Longtext { .. }
                | QuestionKind::Records { .. }
                | QuestionKind::Vote { .. }
                | QuestionKind::Score { .. }
                | QuestionKind::Rank { .. }
        );
        if scalar {
            let current = self
                .session
                .answer(&q.id)
                .cloned()
                .filter(|v| !v.is_null())
                .or_else(|| self.ledger(i).and_then(|l| room::suggestion(q, l)))
                .or_else(|| default_for(q, &self.hb, &self.ctx()));
            return Ask::Question {
                question: q,
                current,
                keys: Keys {
                    back,
                    skip: !q.required,
                    ..Keys::default()
                },
            };
        }
        self.open(i);
        let fresh = std::mem::replace(&mut self.fresh, false);
        let Some(p) = self.progress().cloned() else {
            return Ask::End(Ended::Cancelled);
        };
        let nothing_yet = p.entries().is_empty();
        match &q.kind {
            QuestionKind::List { .. } | QuestionKind::Longtext { .. } => Ask::Entry {
                question: q,
                entries: p.entries().iter().map(entry_text).collect(),
                editing: p.editing,
                fresh,
                keys: Keys {
                    back: back || p.editing.is_some(),
                    skip: !q.required && nothing_yet && p.editing.is_none(),
                    done: p.editing.is_none(),
                    edit: !nothing_yet && p.editing.is_none(),
                },
            },
            QuestionKind::Records { fields, .. } => {
                let at = p.at.min(fields.len().saturating_sub(1));
                let field = &fields[at];
                let first_of_new = at == 0 && p.editing.is_none();
                Ask::Field {
                    question: q,
                    rows: p
                        .entries()
                        .iter()
                        .map(|r| match r {
                            Value::Mapping(m) => row_text(fields, m, self.opts.lang),
                            other => entry_text(other),
                        })
                        .collect(),
                    field,
                    current: p.row.get(field.id.as_str()).cloned(),
                    row_number: p.editing.map_or(p.entries().len(), |e| e) + 1,
                    row_so_far: row_text(fields, &p.row, self.opts.lang),
                    editing: p.editing.is_some(),
                    fresh,
                    keys: Keys {
                        back: back || !first_of_new || !nothing_yet,
                        skip: (first_of_new && !q.required && nothing_yet) || !field.required,
                        done: first_of_new,
                        edit: first_of_new && !nothing_yet,
                    },
                }
            }
            QuestionKind::Vote { dots, .. } => {
                let counts = p.counts(&from_items);
                match (p.vote_mode, p.voters) {
                    (None, _) => Ask::VoteMode {
                        question: q,
                        items: from_items,
                        counts,
                        dots: *dots,
                        keys: Keys {
                            back,
                            skip: !q.required,
                            ..Keys::default()
                        },
                    },
                    (Some(VoteMode::Totals), _) => Ask::Count {
                        question: q,
                        items: from_items,
                        counts,
                        index: p.at,
                        keys: Keys {
                            back: true,
                            ..Keys::default()
                        },
                    },
                    (Some(VoteMode::Turns), None) => Ask::Voters {
                        question: q,
                        default: (self.session.participants.len() as u64).max(1),
                        keys: Keys {
                            back: true,
                            ..Keys::default()
                        },
                    },
                    (Some(VoteMode::Turns), Some(voters)) => {
                        let placed = p.placed.len() as u64;
                        let per = u64::from((*dots).max(1));
                        Ask::Dot {
                            question: q,
                            items: from_items,
                            counts,
                            voter: placed / per + 1,
                            voters,
                            dot: (placed % per) as u32 + 1,
                            dots: *dots,
                            keys: Keys {
                                back: true,
                                ..Keys::default()
                            },
                        }
                    }
                }
            }
            QuestionKind::Score { criteria, .. } => {
                let cells = from_items.len() * criteria.len().max(1);
                let at = p.at.min(cells.saturating_sub(1));
                let item = from_items.get(at / criteria.len().max(1)).cloned();
                let criterion = criteria.get(at % criteria.len().max(1));
                match (item, criterion) {
                    (Some(item), Some(criterion)) => Ask::Score {
                        question: q,
                        current: p.score(&item, &criterion.id),
                        item,
                        criterion,
                        index: at,
                        cells,
                        fresh,
                        kept: match &p.value {
                            Value::Mapping(m) if !m.is_empty() => display(q, &p.value, lang)
                                .split("; ")
                                .map(str::to_owned)
                                .collect(),
                            _ => Vec::new(),
                        },
                        keys: Keys {
                            back: back || at > 0,
                            skip: !q.required && at == 0,
                            ..Keys::default()
                        },
                    },
                    _ => Ask::Question {
                        question: q,
                        current: None,
                        keys: Keys {
                            back,
                            skip: !q.required,
                            ..Keys::default()
                        },
                    },
                }
            }
            QuestionKind::Rank { .. } => {
                let picked: Vec<String> = p.entries().iter().map(entry_text).collect();
                let remaining: Vec<String> = from_items
                    .iter()
                    .filter(|it| !picked.contains(it))
                    .cloned()
                    .collect();
                // The item that held this place in the earlier ranking, if still free.
                let before: Vec<String> = match self.session.answer(&q.id) {
                    Some(Value::Sequence(s)) => s.iter().map(entry_text).collect(),
                    _ => Vec::new(),
                };
                let suggested = before
                    .iter()
                    .filter(|it| !picked.contains(it))
                    .find_map(|it| remaining.iter().position(|r| r == it))
                    .unwrap_or(0);
                Ask::Pick {
                    question: q,
                    picked,
                    remaining,
                    suggested,
                    before,
                    fresh,
                    keys: Keys {
                        back: back || !p.entries().is_empty(),
                        skip: !q.required && p.entries().is_empty(),
                        ..Keys::default()
                    },
                }
            }
            _ => Ask::End(Ended::Cancelled),
        }
    }

    /// Takes what the person did at the last `Ask`.
    pub fn reply(&mut self, reply: Reply) -> Result<Feedback, Error> {
        if reply == Reply::Stop {
            return self.stop();
        }
        let for_room = matches!(
            reply,
            Reply::Room(_) | Reply::Hide(_) | Reply::Unhide(_) | Reply::Merge { .. }
        );
        if for_room && !matches!(self.at, At::Question(i) if self.room_asks(i)) {
            return self.refuse(t(self.opts.lang, "room.refuse.closed"));
        }
        match self.at {
            At::End(_) => Ok(Feedback::Taken),
            At::Intro(i) => {
                if reply == Reply::Back {
                    return self.back_from(i);
                }
                let step = self.flat[i].0;
                self.record_time();
                self.shown_step = Some(step);
                self.step_started = self.clock.now();
                let id = self.method.steps[step].id.clone();
                if self.opts.timers
                    && self.method.steps[step].timebox.is_some()
                    && !self.session.offered.contains(&id)
                {
                    self.session.offered.push(id);
                    self.save()?;
                }
                self.at = At::Question(i);
                Ok(Feedback::Taken)
            }
            At::Question(i) => self.reply_question(i, reply),
            At::Review(step) => match reply {
                Reply::Edit(k) => {
                    let (start, end) = self.step_range(step);
                    let ids: Vec<String> = self
                        .review_lines(start, end)
                        .into_iter()
                        .map(|l| l.id)
                        .collect();
                    self.edit(ids.get(k), false)
                }
                Reply::Back => {
                    let (_, end) = self.step_range(step);
                    match self.last_asked_before(end) {
                        Some(k) => self.go(k),
                        None => Ok(Feedback::Taken),
                    }
                }
                _ => {
                    self.after_review(step);
                    Ok(Feedback::Taken)
                }
            },
            At::Final => match reply {
                Reply::Edit(k) => {
                    let ids: Vec<String> = self
                        .review_lines(0, self.flat.len())
                        .into_iter()
                        .map(|l| l.id)
                        .collect();
                    self.edit(ids.get(k), true)
                }
                Reply::Back => match self.last_asked_before(self.flat.len()) {
                    Some(k) => self.go(k),
                    None => Ok(Feedback::Taken),
                },
                _ => {
                    self.finish()?;
                    Ok(Feedback::Taken)
                }
            },
        }
    }

    fn stop(&mut self) -> Result<Feedback, Error> {
        self.record_time();
        self.save()?;
        self.at = At::End(Ended::Cancelled);
        Ok(Feedback::Taken)
    }

    fn finish(&mut self) -> Result<(), Error> {
        self.record_time();
        self.shown_step = None;
        self.session.in_progress = None;
        self.save()?;
        self.at = At::End(Ended::Finished);
        Ok(())
    }

    fn edit(&mut self, id: Option<&String>, from_final: bool) -> Result<Feedback, Error> {
        let Some(k) = id.and_then(|id| self.index_of(id)) else {
            return Ok(Feedback::Taken);
        };
        self.editing = true;
        self.from_final = from_final;
        // A review edit opens from the stored answer, not from an abandoned draft.
        if self
            .progress()
            .is_some_and(|p| p.question != self.flat[k].1.id)
        {
            self.session.in_progress = None;
        }
        self.at = At::Question(k);
        self.fresh = true;
        Ok(Feedback::Taken)
    }

    /// Moves to question `k` (going back), leaving any review edit.
    fn go(&mut self, k: usize) -> Result<Feedback, Error> {
        self.editing = false;
        self.fresh = true;
        self.at = At::Question(k);
        Ok(Feedback::Taken)
    }

    /// `<` at question `i` (nothing entered in it, or what was entered is kept).
    fn back_from(&mut self, i: usize) -> Result<Feedback, Error> {
        if let Some(p) = self.progress().cloned()
            && p.question == self.flat[i].1.id
        {
            // Entries typed in this visit are kept as the answer when they make one; a draft that
            // cannot stand on its own stays, and `<` is refused rather than losing it.
            let q = self.flat[i].1;
            let changed = self.session.answer(&q.id) != Some(&p.value);
            let has_entries = match &p.value {
                Value::Sequence(s) => !s.is_empty(),
                _ => false,
            };
            let list_like = matches!(
                q.kind,
                QuestionKind::List { .. }
                    | QuestionKind::Longtext { .. }
                    | QuestionKind::Records { .. }
            );
            if list_like && changed && has_entries {
                let value = finished_value(q, &p.value);
                match check(q, &value, self.session, self.opts.lang) {
                    Ok(v) => {
                        self.session.answers.insert(Value::from(q.id.as_str()), v);
                    }
                    Err(m) => {
                        return Ok(Feedback::Refused(tf(
                            self.opts.lang,
                            "engine.back_keeps",
                            &[("message", &m)],
                        )));
                    }
                }
            }
            self.session.in_progress = None;
            self.save()?;
        }
        match self.last_asked_before(i) {
            Some(k) => self.go(k),
            None if self.opts.back_out => {
                self.record_time();
                self.save()?;
                self.at = At::End(Ended::BackedOut);
                Ok(Feedback::Taken)
            }
            None => Ok(Feedback::Refused(
                t(self.opts.lang, "engine.first_question").to_owned(),
            )),
        }
    }

    /// After question `i` is answered: the next question, or the step's review.
    fn advance(&mut self, i: usize) {
        let step = self.flat[i].0;
        let (start, end) = self.step_range(step);
        let next = if self.editing { end } else { i + 1 };
        if next < end {
            self.at = At::Question(next);
            return;
        }
        // End of the step (or an edit inside it): ask what a change made newly relevant.
        if let Some(k) = self.first_unanswered(start, end) {
            self.at = At::Question(k);
            return;
        }
        if self.editing && self.from_final {
            self.editing = false;
            self.at = match self.first_unanswered(0, self.flat.len()) {
                Some(k) => At::Question(k),
                None => At::Final,
            };
            return;
        }
        self.editing = false;
        self.at = At::Review(step);
    }

    fn after_review(&mut self, step: usize) {
        let (_, end) = self.step_range(step);
        self.editing = false;
        self.at = match self.first_unanswered(end, self.flat.len()) {
            Some(k) => At::Intro(k),
            None => match self.first_unanswered(0, end) {
                Some(k) => At::Question(k),
                None => At::Final,
            },
        };
    }

    /// Stores a whole answer to question `i`, works out what depends on it, saves, moves on.
    fn accept(&mut self, i: usize, value: Value) -> Result<Feedback, Error> {
        let q = self.flat[i].1;
        self.session
            .answers
            .insert(Value::from(q.id.as_str()), value);
        if self.progress().is_some_and(|p| p.question == q.id) {
            self.session.in_progress = None;
        }
        self.refresh();
        self.save()?;
        self.advance(i);
        Ok(Feedback::Taken)
    }

    /// After a change: answers to questions no longer asked go, computed values are redone.
    /// A computed value whose condition has just come true is worked out too: its step may be
    /// one already answered, which a resumed run reviews rather than walks again.
    fn refresh(&mut self) {
        for k in 0..self.flat.len() {
            let q = self.flat[k].1;
            let computed = matches!(q.kind, QuestionKind::Computed { .. });
            if self.session.answer(&q.id).is_none() && !(computed && self.asked(k)) {
                continue;
            }
            if !self.asked(k) {
                self.session.answers.remove(q.id.as_str());
            } else if matches!(q.kind, QuestionKind::Computed { .. })
                && let Ok(v) = compute(q, &self.hb, &self.ctx())
            {
                self.session.answers.insert(Value::from(q.id.as_str()), v);
            }
        }
    }

    fn refuse(&self, message: impl Into<String>) -> Result<Feedback, Error> {
        Ok(Feedback::Refused(message.into()))
    }

    fn reply_question(&mut self, i: usize, reply: Reply) -> Result<Feedback, Error> {
        let q: &'a Question = self.flat[i].1;
        let lang = self.opts.lang;
        if self.room_asks(i) {
            return self.reply_room(i, reply);
        }
        if matches!(
            reply,
            Reply::Room(_) | Reply::Hide(_) | Reply::Unhide(_) | Reply::Merge { .. }
        ) {
            return self.refuse(t(lang, "room.refuse.closed"));
        }
        match &q.kind {
            QuestionKind::List { .. } | QuestionKind::Longtext { .. } => self.reply_entry(i, reply),
            QuestionKind::Records { .. } => self.reply_field(i, reply),
            QuestionKind::Vote { .. } => self.reply_vote(i, reply),
            QuestionKind::Score { .. } => self.reply_score(i, reply),
            QuestionKind::Rank { .. } => self.reply_pick(i, reply),
            _ => match reply {
                Reply::Answer(v) => match check(q, &v, self.session, lang) {
                    Ok(v) => self.accept(i, v),
                    Err(m) => self.refuse(m),
                },
                Reply::Skip if q.required => self.refuse(t(lang, "check.required")),
                // Null marks "skipped on purpose", so resume does not ask it again.
                Reply::Skip => self.accept(i, Value::Null),
                Reply::Back => self.back_from(i),
                // Done accepts the earlier answer or the default, as Enter on a pre-filled prompt.
                Reply::Done => {
                    let current = self
                        .session
                        .answer(&q.id)
                        .cloned()
                        .filter(|v| !v.is_null())
                        .or_else(|| default_for(q, &self.hb, &self.ctx()));
                    match current {
                        Some(v) => self.reply_question(i, Reply::Answer(v)),
                        None => self.reply_question(i, Reply::Skip),
                    }
                }
                _ => Ok(Feedback::Taken),
            },
        }
    }

    /// Finishes a collection question from its progress.
    fn complete(&mut self, i: usize) -> Result<Feedback, Error> {
        let q = self.flat[i].1;
        let Some(p) = self.progress().cloned() else {
            return Ok(Feedback::Taken);
        };
        let value = finished_value(q, &p.value);
        match check(q, &value, self.session, self.opts.lang) {
            Ok(v) => self.accept(i, v),
            Err(m) => {
                // What was entered stays, saved, while the group puts it right.
                self.save()?;
                self.refuse(m)
            }
        }
    }

    /// A vote, score or rank whose every entry is in (a session saved just before its question
    /// ended): there is nothing left to ask.
    fn progress_full(&self, i: usize) -> bool {
        let q = self.flat[i].1;
        let Some(p) = self.progress().filter(|p| p.question == q.id) else {
            return false;
        };
        let n = q
            .kind
            .items_from()
            .map(|f| items(self.session, f).len())
            .unwrap_or(0);
        match (&q.kind, p.vote_mode, p.voters) {
            (QuestionKind::Vote { dots, .. }, Some(VoteMode::Turns), Some(voters)) => {
                p.placed.len() as u64 >= voters * u64::from(*dots)
            }
            (QuestionKind::Vote { .. }, Some(VoteMode::Totals), _) => p.at >= n,
            (QuestionKind::Score { criteria, .. }, _, _) => p.at >= n * criteria.len(),
            (QuestionKind::Rank { .. }, _, _) => n > 0 && p.entries().len() >= n,
            _ => false,
        }
    }

    fn skip_question(&mut self, i: usize) -> Result<Feedback, Error> {
        let q = self.flat[i].1;
        if q.required {
            return self.refuse(t(self.opts.lang, "check.required"));
        }
        self.session.in_progress = None;
        self.accept(i, Value::Null)
    }

    fn reply_entry(&mut self, i: usize, reply: Reply) -> Result<Feedback, Error> {
        let q = self.flat[i].1;
        let lang = self.opts.lang;
        let Some(p) = self.progress().cloned() else {
            return Ok(Feedback::Taken);
        };
        match reply {
            Reply::Answer(v) => {
                let texts: Vec<String> = match &v {
                    Value::Sequence(s) => s.iter().map(entry_text).collect(),
                    other => entry_text(other).lines().map(str::to_owned).collect(),
                };
                let texts: Vec<String> = if matches!(q.kind, QuestionKind::Longtext { .. }) {
                    texts
                } else {
                    texts
                        .into_iter()
                        .map(|t| t.trim().to_owned())
                        .filter(|t| !t.is_empty())
                        .collect()
                };
                if let QuestionKind::List { validate, .. } = &q.kind {
                    for e in &texts {
                        if let Err(m) = super::answers::check_entry(q, e, validate, lang) {
                            return self.refuse(m);
                        }
                    }
                    if let QuestionKind::List { max: Some(max), .. } = &q.kind {
                        let after = p.entries().len() + texts.len()
                            - usize::from(p.editing.is_some() && !texts.is_empty());
                        if after > *max {
                            return self.refuse(tf(
                                lang,
                                "check.at_most",
                                &[("m", max), ("n", &after)],
                            ));
                        }
                    }
                }
                if let Some(p) = self.progress_mut() {
                    match p.editing.take() {
                        Some(k) => {
                            let entries = p.entries_mut();
                            if k < entries.len() {
                                entries.remove(k);
                                for (n, text) in texts.into_iter().enumerate() {
                                    entries.insert(k + n, Value::String(text));
                                }
                            }
                        }
                        None => p.entries_mut().extend(texts.into_iter().map(Value::String)),
                    }
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            Reply::Done => {
                if let Some(p) = self.progress_mut()
                    && p.editing.take().is_some()
                {
                    // Enter on an edited entry keeps it as it was.
                    return Ok(Feedback::Taken);
                }
                if p.entries().is_empty() && !q.required {
                    return self.skip_question(i);
                }
                self.complete(i)
            }
            Reply::Skip if p.entries().is_empty() => self.skip_question(i),
            Reply::Skip => self.refuse(t(lang, "engine.skip_has_entries")),
            Reply::Back if p.editing.is_some() => {
                if let Some(p) = self.progress_mut() {
                    p.editing = None;
                }
                Ok(Feedback::Taken)
            }
            Reply::Back => self.back_from(i),
            Reply::Edit(k) if k < p.entries().len() => {
                if let Some(p) = self.progress_mut() {
                    p.editing = Some(k);
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            Reply::Delete(k) => {
                let ok = self.progress_mut().is_some_and(|p| p.delete(k));
                if !ok {
                    return self.refuse(no_entry(lang, k, p.entries().len()));
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            Reply::Move { from, to } => {
                let ok = self.progress_mut().is_some_and(|p| p.move_entry(from, to));
                if !ok {
                    return self.refuse(no_entry(lang, from, p.entries().len()));
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            Reply::Edit(k) => self.refuse(no_entry(lang, k, p.entries().len())),
            Reply::Stop => self.stop(),
            Reply::Room(_) | Reply::Hide(_) | Reply::Unhide(_) | Reply::Merge { .. } => {
                self.refuse(t(lang, "room.refuse.closed"))
            }
        }
    }

    fn reply_field(&mut self, i: usize, reply: Reply) -> Result<Feedback, Error> {
        let q = self.flat[i].1;
        let lang = self.opts.lang;
        let QuestionKind::Records { fields, max, .. } = &q.kind else {
            return Ok(Feedback::Taken);
        };
        let Some(p) = self.progress().cloned() else {
            return Ok(Feedback::Taken);
        };
        let at = p.at.min(fields.len().saturating_sub(1));
        let field = &fields[at];
        let first_of_new = at == 0 && p.editing.is_none();
        match reply {
            Reply::Answer(v) => {
                let blank = match &v {
                    Value::String(s) => s.trim().is_empty(),
                    Value::Null => true,
                    _ => false,
                };
                if first_of_new && blank {
                    return self.reply_field(i, Reply::Done);
                }
                if first_of_new && max.is_some_and(|m| p.entries().len() >= m) {
                    return self.refuse(tf(
                        lang,
                        "check.at_most",
                        &[
                            ("m", &max.unwrap_or_default()),
                            ("n", &(p.entries().len() + 1)),
                        ],
                    ));
                }
                if blank {
                    return self.reply_field(i, Reply::Skip);
                }
                let value = match check(field, &v, self.session, lang) {
                    Ok(value) => value,
                    Err(m) => return self.refuse(format!("{}: {m}", field.prompt.get(lang))),
                };
                if let Some(p) = self.progress_mut() {
                    p.row.insert(Value::from(field.id.as_str()), value);
                }
                self.next_field(fields.len())
            }
            Reply::Skip if first_of_new => {
                if p.entries().is_empty() {
                    return self.skip_question(i);
                }
                self.refuse(t(lang, "engine.skip_has_entries"))
            }
            Reply::Skip if field.required => self.refuse(t(lang, "check.required")),
            Reply::Skip => {
                if let Some(p) = self.progress_mut() {
                    p.row.remove(field.id.as_str());
                }
                self.next_field(fields.len())
            }
            Reply::Done if first_of_new => {
                if p.entries().is_empty() && !q.required {
                    return self.skip_question(i);
                }
                self.complete(i)
            }
            // Enter on a field keeps the value it had (editing a row, or after going back).
            Reply::Done => {
                if field.required && !p.row.contains_key(field.id.as_str()) {
                    return self.refuse(t(lang, "check.required"));
                }
                self.next_field(fields.len())
            }
            Reply::Back if at > 0 => {
                if let Some(p) = self.progress_mut() {
                    p.at -= 1;
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            Reply::Back if p.editing.is_some() => {
                // Leaving a row edit keeps the row as it was.
                if let Some(p) = self.progress_mut() {
                    p.editing = None;
                    p.row.clear();
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            // `<` at the first field of a new row goes back into the last row, at its last field.
            Reply::Back if first_of_new && p.row.is_empty() && !p.entries().is_empty() => {
                if let Some(p) = self.progress_mut() {
                    let last = p.entries().len() - 1;
                    p.row = match p.entries().get(last) {
                        Some(Value::Mapping(m)) => m.clone(),
                        _ => Mapping::new(),
                    };
                    p.editing = Some(last);
                    p.at = fields.len().saturating_sub(1);
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            Reply::Back if !p.row.is_empty() => {
                if let Some(p) = self.progress_mut() {
                    p.row.clear();
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            Reply::Back => self.back_from(i),
            Reply::Edit(k) if first_of_new && k < p.entries().len() => {
                if let Some(p) = self.progress_mut() {
                    p.editing = Some(k);
                    p.row = match p.entries().get(k) {
                        Some(Value::Mapping(m)) => m.clone(),
                        _ => Mapping::new(),
                    };
                    p.at = 0;
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            Reply::Delete(k) if first_of_new => {
                let ok = self.progress_mut().is_some_and(|p| p.delete(k));
                if !ok {
                    return self.refuse(no_entry(lang, k, p.entries().len()));
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            Reply::Move { from, to } if first_of_new => {
                let ok = self.progress_mut().is_some_and(|p| p.move_entry(from, to));
                if !ok {
                    return self.refuse(no_entry(lang, from, p.entries().len()));
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            Reply::Edit(k) | Reply::Delete(k) | Reply::Move { from: k, .. } => {
                self.refuse(no_entry(lang, k, p.entries().len()))
            }
            Reply::Stop => self.stop(),
            Reply::Room(_) | Reply::Hide(_) | Reply::Unhide(_) | Reply::Merge { .. } => {
                self.refuse(t(lang, "room.refuse.closed"))
            }
        }
    }

    /// After a field: the next field, or the row is complete and kept.
    fn next_field(&mut self, fields: usize) -> Result<Feedback, Error> {
        if let Some(p) = self.progress_mut() {
            if p.at + 1 < fields {
                p.at += 1;
            } else {
                let row = Value::Mapping(std::mem::take(&mut p.row));
                match p.editing.take() {
                    Some(k) if k < p.entries().len() => p.entries_mut()[k] = row,
                    _ => p.entries_mut().push(row),
                }
                p.at = 0;
            }
        }
        self.save()?;
        Ok(Feedback::Taken)
    }

    fn reply_vote(&mut self, i: usize, reply: Reply) -> Result<Feedback, Error> {
        let q = self.flat[i].1;
        let lang = self.opts.lang;
        let QuestionKind::Vote { from, dots } = &q.kind else {
            return Ok(Feedback::Taken);
        };
        let items = items(self.session, from);
        let Some(p) = self.progress().cloned() else {
            return Ok(Feedback::Taken);
        };
        match (p.vote_mode, p.voters, reply) {
            (_, _, Reply::Stop) => self.stop(),
            (None, _, Reply::Answer(v)) => {
                let mode = match entry_text(&v).as_str() {
                    "totals" | "0" => VoteMode::Totals,
                    "turns" | "1" => VoteMode::Turns,
                    other => return self.refuse(format!("`{other}`: totals | turns")),
                };
                if let Some(p) = self.progress_mut() {
                    p.vote_mode = Some(mode);
                    p.at = 0;
                    if mode == VoteMode::Turns {
                        // A vote in turn is a fresh round: every dot is placed again.
                        p.value = Value::Mapping(Mapping::new());
                        p.placed.clear();
                    }
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            (None, _, Reply::Skip) => self.skip_question(i),
            (None, _, Reply::Back) => {
                self.session.in_progress = None;
                self.save()?;
                self.back_from(i)
            }
            (Some(VoteMode::Totals), _, Reply::Answer(v)) => {
                let Some(n) = whole(&v) else {
                    return self.refuse(t(lang, "engine.whole_dots"));
                };
                let Some(item) = items.get(p.at) else {
                    return self.complete(i);
                };
                if let Some(p) = self.progress_mut() {
                    p.set_count(item, n);
                    p.at += 1;
                }
                // The last count finishes the question in the same save.
                if p.at + 1 >= items.len() {
                    return self.complete(i);
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            (Some(VoteMode::Totals), _, Reply::Done) => {
                // Enter keeps the count shown.
                let n = p.counts(&items).get(p.at).copied().unwrap_or(0);
                self.reply_vote(i, Reply::Answer(Value::from(n)))
            }
            (Some(VoteMode::Totals), _, Reply::Back) => {
                if let Some(p) = self.progress_mut() {
                    if p.at == 0 {
                        p.vote_mode = None;
                    } else {
                        p.at -= 1;
                    }
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            (Some(VoteMode::Turns), None, Reply::Answer(v)) => match whole(&v) {
                Some(n) if n > 0 => {
                    if let Some(p) = self.progress_mut() {
                        p.voters = Some(n);
                    }
                    self.save()?;
                    Ok(Feedback::Taken)
                }
                _ => self.refuse(t(lang, "engine.whole_voters")),
            },
            (Some(VoteMode::Turns), None, Reply::Back) => {
                if let Some(p) = self.progress_mut() {
                    p.vote_mode = None;
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            (Some(VoteMode::Turns), Some(voters), Reply::Answer(v)) => {
                let picked = match &v {
                    Value::Number(n) => n.as_u64().and_then(|n| items.get(n as usize)).cloned(),
                    other => Some(entry_text(other)).filter(|s| items.contains(s)),
                };
                let Some(item) = picked else {
                    return self.refuse(t(lang, "engine.not_an_item"));
                };
                let counts = p.counts(&items);
                let n = items
                    .iter()
                    .position(|it| *it == item)
                    .and_then(|k| counts.get(k).copied())
                    .unwrap_or(0);
                if let Some(p) = self.progress_mut() {
                    p.set_count(&item, n + 1);
                    p.placed.push(item);
                }
                let placed = p.placed.len() as u64 + 1;
                if placed >= voters * u64::from(*dots) {
                    return self.complete(i);
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            (Some(VoteMode::Turns), Some(_), Reply::Back) => {
                if let Some(p) = self.progress_mut() {
                    match p.placed.pop() {
                        Some(item) => {
                            let n = p
                                .value
                                .get(item.as_str())
                                .and_then(Value::as_u64)
                                .unwrap_or(0);
                            p.set_count(&item, n.saturating_sub(1));
                        }
                        None => p.voters = None,
                    }
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            (Some(VoteMode::Turns), Some(_), Reply::Done) => self.complete(i),
            _ => Ok(Feedback::Taken),
        }
    }

    fn reply_score(&mut self, i: usize, reply: Reply) -> Result<Feedback, Error> {
        let q = self.flat[i].1;
        let lang = self.opts.lang;
        let QuestionKind::Score { from, criteria, .. } = &q.kind else {
            return Ok(Feedback::Taken);
        };
        let items = items(self.session, from);
        let per = criteria.len().max(1);
        let cells = items.len() * per;
        let Some(p) = self.progress().cloned() else {
            return Ok(Feedback::Taken);
        };
        let at = p.at.min(cells.saturating_sub(1));
        let (Some(item), Some(c)) = (items.get(at / per), criteria.get(at % per)) else {
            return self.complete(i);
        };
        let n = match reply {
            Reply::Answer(v) => whole(&v).map(|n| n as i64).or_else(|| match &v {
                Value::Number(n) => n.as_i64(),
                _ => None,
            }),
            Reply::Done => p.score(item, &c.id),
            Reply::Skip if at == 0 => return self.skip_question(i),
            Reply::Back if at > 0 => {
                if let Some(p) = self.progress_mut() {
                    p.at = at - 1;
                }
                self.save()?;
                return Ok(Feedback::Taken);
            }
            Reply::Back => return self.back_from(i),
            Reply::Stop => return self.stop(),
            _ => return Ok(Feedback::Taken),
        };
        let Some(n) = n.filter(|n| (c.min..=c.max).contains(n)) else {
            return self.refuse(tf(lang, "check.scale", &[("min", &c.min), ("max", &c.max)]));
        };
        if let Some(p) = self.progress_mut() {
            p.set_score(item, &c.id, n);
            p.at = at + 1;
        }
        if at + 1 >= cells {
            return self.complete(i);
        }
        self.save()?;
        Ok(Feedback::Taken)
    }

    fn reply_pick(&mut self, i: usize, reply: Reply) -> Result<Feedback, Error> {
        let q = self.flat[i].1;
        let lang = self.opts.lang;
        let QuestionKind::Rank { from } = &q.kind else {
            return Ok(Feedback::Taken);
        };
        let all = items(self.session, from);
        let Some(p) = self.progress().cloned() else {
            return Ok(Feedback::Taken);
        };
        let picked: Vec<String> = p.entries().iter().map(entry_text).collect();
        let remaining: Vec<String> = all
            .iter()
            .filter(|it| !picked.contains(it))
            .cloned()
            .collect();
        match reply {
            Reply::Answer(v) => {
                let item = match &v {
                    Value::Number(n) => n.as_u64().and_then(|n| remaining.get(n as usize)).cloned(),
                    // A whole ranking at once (scripts, answers files).
                    Value::Sequence(_) => {
                        return match check(q, &v, self.session, lang) {
                            Ok(v) => self.accept(i, v),
                            Err(m) => self.refuse(m),
                        };
                    }
                    other => Some(entry_text(other)).filter(|s| remaining.contains(s)),
                };
                let Some(item) = item else {
                    return self.refuse(t(lang, "engine.not_an_item"));
                };
                if let Some(p) = self.progress_mut() {
                    p.entries_mut().push(Value::String(item));
                    // The last item takes the last place by itself.
                    if remaining.len() == 2 {
                        let last: Vec<String> = remaining
                            .iter()
                            .filter(|r| !p.entries().iter().any(|e| e.as_str() == Some(r.as_str())))
                            .cloned()
                            .collect();
                        p.entries_mut().extend(last.into_iter().map(Value::String));
                    }
                }
                if remaining.len() <= 2 {
                    return self.complete(i);
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            Reply::Back if !picked.is_empty() => {
                if let Some(p) = self.progress_mut() {
                    p.entries_mut().pop();
                }
                self.save()?;
                Ok(Feedback::Taken)
            }
            Reply::Back => self.back_from(i),
            Reply::Skip if picked.is_empty() => self.skip_question(i),
            Reply::Skip => self.refuse(t(lang, "engine.skip_has_entries")),
            Reply::Stop => self.stop(),
            Reply::Room(_) | Reply::Hide(_) | Reply::Unhide(_) | Reply::Merge { .. } => {
                self.refuse(t(lang, "room.refuse.closed"))
            }
            _ => Ok(Feedback::Taken),
        }
    }
}

/// The stored answer a collection question's progress makes.
fn finished_value(q: &Question, value: &Value) -> Value {
    match (&q.kind, value) {
        (QuestionKind::Longtext { .. }, Value::Sequence(lines)) => {
            Value::String(lines.iter().map(entry_text).collect::<Vec<_>>().join("\n"))
        }
        _ => value.clone(),
    }
}

fn entry_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        Value::Mapping(m) => row_label(m),
        _ => String::new(),
    }
}

fn whole(v: &Value) -> Option<u64> {
    match v {
        Value::Number(n) => n.as_u64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn no_entry(lang: Lang, k: usize, n: usize) -> String {
    tf(lang, "engine.no_entry", &[("k", &(k + 1)), ("n", &n)])
}

/// Runs an interview to its end with a front end: the whole terminal loop.
pub fn drive(interview: &mut Interview, prompter: &mut dyn Prompter) -> Result<Ended, Error> {
    loop {
        let ask = interview.next_ask()?;
        if let Ask::End(ended) = ask {
            return Ok(ended);
        }
        let reply = match prompter.ask(&ask) {
            Ok(reply) => reply,
            Err(PromptError::Cancelled) => Reply::Stop,
            Err(PromptError::Io(e)) => {
                interview.reply(Reply::Stop)?;
                return Err(Error::Input(format!("terminal: {e}")));
            }
        };
        match interview.reply(reply)? {
            Feedback::Refused(message) => prompter.invalid(&message),
            Feedback::Room(results) => prompter.room_results(&results),
            Feedback::Taken => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_yaml::Value;

    use super::*;
    use crate::clock::FixedClock;
    use crate::engine::answers::tests::{every_type, new_session, yaml};
    use crate::engine::seam::tag;

    fn opts() -> Options {
        Options {
            lang: Lang::En,
            today: "2026-11-26".into(),
            timers: true,
            start_at_end: false,
            back_out: false,
            room: false,
        }
    }

    fn answer(s: &str) -> Reply {
        Reply::Answer(yaml(s))
    }

    fn text(s: &str) -> Reply {
        Reply::Answer(Value::String(s.into()))
    }

    /// Drives an interview by hand: `go` answers whatever is asked with the next reply, passing
    /// steps, shown values and reviews; it returns the tags asked and the refusals.
    struct Run<'a, 'b> {
        iv: Interview<'a>,
        asked: Vec<String>,
        refused: Vec<String>,
        _b: std::marker::PhantomData<&'b ()>,
    }

    impl Run<'_, '_> {
        /// The tag of what is asked now, after passing steps and shown values.
        fn now(&mut self) -> String {
            loop {
                let ask = self.iv.next_ask().unwrap();
                let t = tag(&ask);
                if matches!(ask, Ask::Step { .. } | Ask::Show { .. }) {
                    drop(ask);
                    self.iv.reply(Reply::Done).unwrap();
                    continue;
                }
                return t;
            }
        }

        fn reply(&mut self, r: Reply) -> &mut Self {
            let t = self.now();
            self.asked.push(t);
            if let Feedback::Refused(m) = self.iv.reply(r).unwrap() {
                self.refused.push(m);
            }
            self
        }

        fn expect(&mut self, t: &str) -> &mut Self {
            assert_eq!(self.now(), t, "asked: {:?}", self.asked);
            self
        }
    }

    /// Replies for the whole every-type method, entry by entry (deadline skipped: not urgent).
    fn basics(r: &mut Run) {
        r.reply(text("Renew the citizen card"))
            .reply(Reply::Skip) // context (longtext)
            .reply(text("2500"))
            .reply(answer("false"))
            .reply(answer("counter"))
            .reply(answer("[web]"))
            .reply(answer("4"))
            .expect("review")
            .reply(Reply::Done);
    }

    fn ideas(r: &mut Run) {
        r.reply(text("SMS reminder"))
            .reply(text("Pharmacy"))
            .reply(text("Auto renewal"))
            .reply(Reply::Done);
    }

    fn rest(r: &mut Run) {
        r.reply(text("Registry")) // people: name
            .reply(text("5")) // interest
            .reply(Reply::Done) // no more rows
            .reply(answer("totals"))
            .reply(text("3"))
            .reply(text("1"))
            .reply(text("0"));
        for n in ["5", "2", "2", "4", "4", "5"] {
            r.reply(text(n));
        }
        r.reply(answer("2")) // rank: Auto renewal first (index in remaining)
            .reply(answer("0")) // then SMS reminder; Pharmacy comes last by itself
            .expect("review")
            .reply(Reply::Done)
            .expect("final-review")
            .reply(Reply::Done);
    }

    macro_rules! run {
        ($r:ident, $m:expr, $s:expr, $saves:expr) => {
            let clock = FixedClock::at(0);
            let mut store = |_s: &Session| {
                *$saves += 1;
                Ok(())
            };
            let mut $r = Run {
                iv: Interview::new($m, $s, &mut store, &clock, opts()),
                asked: Vec::new(),
                refused: Vec::new(),
                _b: std::marker::PhantomData,
            };
        };
    }

    #[test]
    fn a_whole_interview_stores_every_type_and_saves_after_each_entry() {
        let m = every_type();
        let mut s = new_session(&m);
        let mut saves = 0;
        {
            run!(r, &m, &mut s, &mut saves);
            basics(&mut r);
            ideas(&mut r);
            rest(&mut r);
            assert_eq!(r.now(), "end:Finished");
            assert!(r.refused.is_empty(), "{:?}", r.refused);
        }
        assert!(saves >= 25, "saved only {saves} times");
        assert_eq!(s.answer("budget"), Some(&yaml("2500")));
        assert_eq!(s.answer("context"), Some(&Value::Null));
        assert_eq!(s.answer("deadline"), None, "asked only when urgent");
        assert_eq!(
            s.answer("ideas"),
            Some(&yaml("[SMS reminder, Pharmacy, Auto renewal]"))
        );
        assert_eq!(
            s.answer("votes"),
            Some(&yaml("{SMS reminder: 3, Pharmacy: 1, Auto renewal: 0}"))
        );
        assert_eq!(
            s.answer("people"),
            Some(&yaml("[{name: Registry, interest: 5}]"))
        );
        assert_eq!(
            s.answer("order"),
            Some(&yaml("[Auto renewal, SMS reminder, Pharmacy]"))
        );
        assert_eq!(
            s.answer("summary_line"),
            Some(&yaml("3 ideas for Renew the citizen card"))
        );
        assert!(s.in_progress.is_none());
        assert_eq!(s.offered, vec!["basics", "ideas"]);
    }

    #[test]
    fn a_stop_inside_a_list_keeps_every_entry_and_resumes_inside_it() {
        let m = every_type();
        let mut s = new_session(&m);
        let mut saves = 0;
        {
            run!(r, &m, &mut s, &mut saves);
            basics(&mut r);
            r.reply(text("SMS reminder")).reply(text("Pharmacy"));
            r.reply(Reply::Stop);
            assert_eq!(r.now(), "end:Cancelled");
        }
        let p = s.in_progress.clone().expect("the list is in progress");
        assert_eq!(p.question, "ideas");
        assert_eq!(p.value, yaml("[SMS reminder, Pharmacy]"));
        // The session as saved, read back as a file would be.
        let text_form = serde_yaml::to_string(&s).unwrap();
        let mut s: Session = serde_yaml::from_str(&text_form).unwrap();
        let mut saves = 0;
        run!(r, &m, &mut s, &mut saves);
        let ask = loop {
            match r.iv.next_ask().unwrap() {
                Ask::Step {
                    offer_timer, step, ..
                } => {
                    assert!(
                        !offer_timer,
                        "the countdown of {} was offered already",
                        step.id
                    );
                    r.iv.reply(Reply::Done).unwrap();
                }
                other => {
                    break tag(&other) + &format!("{other:?}").contains("Pharmacy").to_string();
                }
            }
        };
        assert_eq!(
            ask, "entry:ideastrue",
            "resumes inside the list, showing its entries"
        );
        r.reply(text("Auto renewal")).reply(Reply::Done);
        rest(&mut r);
        drop(r);
        assert_eq!(
            s.answer("ideas"),
            Some(&yaml("[SMS reminder, Pharmacy, Auto renewal]"))
        );
    }

    #[test]
    fn a_bad_records_field_is_asked_again_alone() {
        let m = every_type();
        let mut s = new_session(&m);
        let mut saves = 0;
        run!(r, &m, &mut s, &mut saves);
        basics(&mut r);
        ideas(&mut r);
        r.reply(text("Registry"))
            .reply(text("5"))
            .reply(text("Parish council"))
            .reply(text("very"))
            .expect("field:interest")
            .reply(text("9"))
            .expect("field:interest")
            .reply(text("3"))
            .expect("field:name")
            .reply(Reply::Done);
        assert_eq!(r.refused.len(), 2, "{:?}", r.refused);
        assert!(r.refused[0].starts_with("Interest: "), "{:?}", r.refused);
        drop(r);
        assert_eq!(
            s.answer("people"),
            Some(&yaml(
                "[{name: Registry, interest: 5}, {name: Parish council, interest: 3}]"
            ))
        );
    }

    /// While a row is typed, the rows so far and the row in progress read as the answers do:
    /// a choice by its label, yes/no in words, never the stored id or `true`.
    #[test]
    fn rows_so_far_show_labels_not_stored_values() {
        let yaml_method = r#"
schema: 1
id: costs
name: Costs
summary: Costs.
stage: learning
duration: 10m
steps:
  - id: one
    title: One
    questions:
      - id: costs
        type: records
        prompt: Costs
        fields:
          - id: kind
            type: select
            prompt: Kind
            choices:
              - { value: staff_time, label: { en: Staff time, pt: Tempo de trabalho } }
              - { value: money, label: Money }
          - id: one_off
            type: confirm
            prompt: One-off?
          - id: note
            type: text
            prompt: Note
"#;
        let m = match crate::method::parse(yaml_method.as_bytes(), "costs.yaml", Some("costs")) {
            Ok(crate::method::Document::Method(m)) => m,
            other => panic!("{other:?}"),
        };
        let mut s = new_session(&m);
        let clock = FixedClock::at(0);
        let mut store = |_s: &Session| Ok(());
        let mut options = opts();
        options.lang = Lang::Pt;
        let mut iv = Interview::new(&m, &mut s, &mut store, &clock, options);
        let field_ask = |iv: &mut Interview| loop {
            let ask = iv.next_ask().unwrap();
            match ask {
                Ask::Field {
                    rows, row_so_far, ..
                } => return (rows, row_so_far),
                _ => {
                    drop(ask);
                    iv.reply(Reply::Done).unwrap();
                }
            }
        };
        field_ask(&mut iv);
        iv.reply(answer("staff_time")).unwrap();
        iv.reply(answer("true")).unwrap();
        let (_, so_far) = field_ask(&mut iv);
        assert_eq!(so_far, "Tempo de trabalho — sim");
        iv.reply(text("IRN")).unwrap();
        let (rows, so_far) = field_ask(&mut iv);
        assert_eq!(rows, ["Tempo de trabalho — sim — IRN"]);
        assert_eq!(so_far, "");
    }

    #[test]
    fn back_at_a_new_row_goes_into_the_last_row() {
        let m = every_type();
        let mut s = new_session(&m);
        let mut saves = 0;
        run!(r, &m, &mut s, &mut saves);
        basics(&mut r);
        ideas(&mut r);
        r.reply(text("Registry"))
            .reply(text("5"))
            .expect("field:name")
            .reply(Reply::Back)
            .expect("field:interest")
            .reply(text("4"))
            .expect("field:name")
            .reply(Reply::Done);
        assert!(r.refused.is_empty(), "{:?}", r.refused);
        drop(r);
        assert_eq!(
            s.answer("people"),
            Some(&yaml("[{name: Registry, interest: 4}]"))
        );
    }

    #[test]
    fn kept_entries_can_be_edited_deleted_and_moved() {
        let m = every_type();
        let mut s = new_session(&m);
        let mut saves = 0;
        run!(r, &m, &mut s, &mut saves);
        basics(&mut r);
        r.reply(text("SMS"))
            .reply(text("Pharmacy"))
            .reply(text("Post office"))
            .reply(Reply::Edit(0))
            .reply(text("SMS reminder"))
            .reply(Reply::Delete(2))
            .reply(Reply::Move { from: 1, to: 0 })
            .reply(Reply::Delete(7))
            .reply(Reply::Done);
        assert_eq!(r.refused, vec!["there is no entry 8 (there are 2)"]);
        drop(r);
        assert_eq!(s.answer("ideas"), Some(&yaml("[Pharmacy, SMS reminder]")));
    }

    #[test]
    fn editing_a_vote_from_the_review_starts_from_the_earlier_counts() {
        let m = every_type();
        let mut s = new_session(&m);
        let mut saves = 0;
        run!(r, &m, &mut s, &mut saves);
        basics(&mut r);
        ideas(&mut r);
        r.reply(Reply::Done) // no stakeholders
            .reply(answer("totals"))
            .reply(text("3"))
            .reply(text("1"))
            .reply(text("0"));
        for n in ["5", "2", "2", "4", "4", "5"] {
            r.reply(text(n));
        }
        r.reply(answer("0")).reply(answer("0")).expect("review");
        // Change the vote (the 3rd answer of the step: ideas, votes…).
        r.reply(Reply::Edit(2)).expect("vote-mode:votes"); // ideas, people, votes
        let counts = match r.iv.next_ask().unwrap() {
            Ask::VoteMode { counts, .. } => counts,
            other => panic!("{other:?}"),
        };
        assert_eq!(counts, vec![3, 1, 0]);
        r.reply(answer("totals"));
        // Enter keeps the first count; the second changes.
        r.reply(Reply::Done).reply(text("4")).reply(Reply::Done);
        r.expect("review");
        drop(r);
        assert_eq!(
            s.answer("votes"),
            Some(&yaml("{SMS reminder: 3, Pharmacy: 4, Auto renewal: 0}"))
        );
    }

    #[test]
    fn votes_in_turn_are_saved_dot_by_dot_and_back_takes_one_back() {
        let m = every_type();
        let mut s = new_session(&m);
        let mut saves = 0;
        run!(r, &m, &mut s, &mut saves);
        basics(&mut r);
        ideas(&mut r);
        r.reply(Reply::Done).reply(answer("turns")).reply(text("2"));
        let before =
            r.iv.session()
                .in_progress
                .as_ref()
                .map(|p| p.placed.len())
                .unwrap();
        assert_eq!(before, 0);
        r.reply(answer("0")).reply(answer("0")).reply(answer("1"));
        r.reply(Reply::Back);
        assert_eq!(
            r.iv.session().in_progress.as_ref().unwrap().placed,
            vec!["SMS reminder", "SMS reminder"]
        );
        for i in ["2", "2", "2", "1"] {
            r.reply(answer(i));
        }
        r.expect("score:matrix");
        drop(r);
        assert_eq!(
            s.answer("votes"),
            Some(&yaml("{SMS reminder: 2, Pharmacy: 1, Auto renewal: 3}"))
        );
    }

    #[test]
    fn back_and_skip_work_at_every_kind_of_prompt() {
        let m = every_type();
        let mut s = new_session(&m);
        let mut saves = 0;
        run!(r, &m, &mut s, &mut saves);
        // `<` at the very first question has nowhere to go, and says so.
        r.reply(Reply::Back).expect("question:challenge");
        assert_eq!(r.refused.len(), 1);
        r.reply(text("Renew the citizen card"))
            .reply(Reply::Skip)
            .reply(text("2500"))
            .reply(Reply::Back) // confirm → budget
            .expect("question:budget")
            .reply(text("2500"))
            .reply(answer("false"))
            .reply(Reply::Back) // select → confirm
            .expect("question:urgent")
            .reply(answer("false"))
            .reply(answer("counter"))
            .reply(Reply::Back) // multiselect → select
            .reply(answer("counter"))
            .reply(answer("[web]"))
            .reply(Reply::Back) // scale → multiselect
            .reply(answer("[web]"))
            .reply(answer("4"))
            .reply(Reply::Back) // review → the step's last question
            .expect("question:confidence")
            .reply(answer("4"))
            .reply(Reply::Done); // review
        r.reply(Reply::Skip).expect("entry:ideas"); // required list: refused
        ideas(&mut r);
        r.reply(Reply::Skip) // optional records: skipped
            .expect("vote-mode:votes")
            .reply(Reply::Back) // vote → records
            .expect("field:name")
            .reply(Reply::Skip)
            .reply(answer("totals"))
            .reply(Reply::Back) // first count → mode
            .expect("vote-mode:votes")
            .reply(answer("totals"))
            .reply(text("1"))
            .reply(text("1"))
            .reply(text("1"))
            .reply(text("5"))
            .reply(Reply::Back) // second score cell → first
            .expect("score:matrix");
        assert_eq!(r.refused.len(), 2, "{:?}", r.refused);
        drop(r);
        assert_eq!(s.answer("people"), Some(&Value::Null));
        assert_eq!(s.answer("context"), Some(&Value::Null));
    }

    #[test]
    fn a_vote_whose_last_dot_was_saved_finishes_on_resume_without_asking_more() {
        let m = every_type();
        let mut s = new_session(&m);
        let mut saves = 0;
        {
            run!(r, &m, &mut s, &mut saves);
            basics(&mut r);
            ideas(&mut r);
            r.reply(Reply::Done).reply(answer("turns")).reply(text("1"));
            r.reply(answer("0")).reply(answer("1"));
            r.reply(Reply::Stop);
        }
        // As if killed between the last dot's save and the end of the question.
        if let Some(p) = &mut s.in_progress {
            p.placed.push("Auto renewal".into());
            p.set_count("Auto renewal", 1);
        }
        let mut saves = 0;
        run!(r, &m, &mut s, &mut saves);
        r.expect("score:matrix");
        drop(r);
        assert_eq!(
            s.answer("votes"),
            Some(&yaml("{SMS reminder: 1, Pharmacy: 1, Auto renewal: 1}"))
        );
    }

    #[test]
    fn the_last_entry_of_a_vote_score_or_rank_ends_the_question_in_the_same_save() {
        let m = every_type();
        let mut s = new_session(&m);
        let saved = std::cell::RefCell::new(Vec::new());
        let clock = FixedClock::at(0);
        let mut store = |s: &Session| {
            saved.borrow_mut().push(s.clone());
            Ok(())
        };
        let mut iv = Interview::new(&m, &mut s, &mut store, &clock, opts());
        let mut p = crate::engine::ScriptedPrompter::new(
            [
                text("Renew the citizen card"),
                Reply::Skip,
                text("2500"),
                answer("false"),
                answer("counter"),
                answer("[web]"),
                answer("4"),
                text("a"),
                text("b"),
                Reply::Done,
                Reply::Done,
                answer("totals"),
                text("1"),
                text("2"),
            ]
            .into_iter()
            .chain(["1", "2", "3", "4"].map(text))
            .chain([answer("0")]),
        );
        drive(&mut iv, &mut p).unwrap();
        drop(iv);
        // No saved state ever holds a finished vote, score or rank still in progress.
        for state in saved.borrow().iter() {
            if let Some(p) = &state.in_progress {
                let full = match p.question.as_str() {
                    "votes" => p.at >= 2,
                    "matrix" => p.at >= 4,
                    "order" => p.entries().len() >= 2,
                    _ => false,
                };
                assert!(!full, "saved while full: {p:?}");
            }
        }
        assert_eq!(s.answer("order"), Some(&yaml("[a, b]")));
    }

    #[test]
    fn a_date_accepts_the_everyday_form_and_is_stored_as_iso() {
        let m = every_type();
        let mut s = new_session(&m);
        let mut saves = 0;
        run!(r, &m, &mut s, &mut saves);
        r.reply(text("Renew the citizen card"))
            .reply(Reply::Skip)
            .reply(text("2500"))
            .reply(answer("true"))
            .reply(answer("counter"))
            .reply(answer("[web]"))
            .reply(answer("4"))
            .reply(text("31/02/2027"))
            .expect("question:deadline")
            .reply(text("15 Jan 2027"))
            .expect("review");
        assert_eq!(r.refused.len(), 1);
        drop(r);
        assert_eq!(s.answer("deadline"), Some(&yaml("'2027-01-15'")));
    }

    #[test]
    fn step_times_come_from_the_clock() {
        struct Ticking(FixedClock);
        impl crate::clock::Clock for Ticking {
            fn now(&self) -> std::time::SystemTime {
                self.0.advance(std::time::Duration::from_secs(30));
                self.0.now()
            }
        }
        let m = every_type();
        let mut s = new_session(&m);
        let clock = Ticking(FixedClock::at(0));
        let mut store = |_: &Session| Ok(());
        let mut iv = Interview::new(&m, &mut s, &mut store, &clock, opts());
        let mut p = crate::engine::ScriptedPrompter::new([text("Renew"), Reply::Stop]);
        assert_eq!(drive(&mut iv, &mut p).unwrap(), Ended::Cancelled);
        drop(iv);
        assert!(s.step_times.get("basics").is_some_and(|t| *t >= 30));
    }
}
