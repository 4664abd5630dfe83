//! The terminal front end of a room run (`labkit run --room`): the facilitator stays at the
//! keyboard while participants answer from their own devices. [`RoomPrompter`] wraps the
//! ordinary [`TerminalPrompter`] and adds two things:
//!
//! - it keeps the room's pages in step with the interview: a question open to the room is
//!   published as it changes, and between such questions the pages show that the room is
//!   waiting, or the question just closed (with its results, if they were on) until the next
//!   one opens; that state is published once when it changes, not again at every prompt;
//! - for `Ask::Room` it draws the facilitator's panel (`panel`) and waits on the merged key
//!   channel (`keys`): a contribution from a device is returned to the engine at once as
//!   `Reply::Room`, which applies and saves it and asks again, so what a participant sent is
//!   on disk and on the panel within a few milliseconds. The device learns whether it was
//!   taken once the engine is done with it: `Ok` when the engine asks next (after the new
//!   state is published), or the refusal as soon as the engine calls `invalid`.
//!
//! It holds no answers: the panel's own state is the half-typed input line, a message and
//! whether results are shown.

use std::rc::Rc;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant, SystemTime};

use super::TerminalPrompter;
use super::keys::{Event, RoomKeys, Waited};
use super::panel::{self, Action, PanelState};
use crate::engine::room::RoomQuestion;
use crate::engine::{Ask, Keys, PromptError, Prompter, Reply};
use crate::method::Question;
use crate::room::{Responder, Room, RoomNow};

/// The shortest time between two panel redraws for contributions: a burst of a hundred phones
/// is drawn a few times, not a hundred, and what arrives is on screen within this time (the
/// issue asks for 50 ms at p99 from a participant's post to the screen). Keys are echoed at
/// once.
const FRAME: Duration = Duration::from_millis(25);
/// The countdown and the count of devices that joined are refreshed every second.
const TICK: Duration = Duration::from_secs(1);
/// The most contributions applied and saved together.
const MAX_BATCH: usize = 256;

/// What the prompter needs of the room server: publishing what participants see, and how
/// many devices joined. The server's `Room` is one; tests use a recorder.
pub trait RoomScreen {
    fn publish(&self, now: RoomNow, results_shown: bool);
    fn joined(&self) -> usize;
}

/// The running room, shared by the prompter and the signal handler that stops it when the
/// terminal closes: whichever comes first takes it out and stops it.
#[derive(Default)]
pub struct SharedRoom(Mutex<Option<Room>>);

impl SharedRoom {
    pub fn new(room: Room) -> SharedRoom {
        SharedRoom(Mutex::new(Some(room)))
    }

    /// Stops the server, once.
    pub fn stop(&self) {
        let room = match self.0.lock() {
            Ok(mut room) => room.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        if let Some(room) = room {
            room.stop();
        }
    }
}

impl RoomScreen for SharedRoom {
    fn publish(&self, now: RoomNow, results_shown: bool) {
        if let Ok(room) = self.0.lock()
            && let Some(room) = room.as_ref()
        {
            room.publish(now, results_shown);
        }
    }

    fn joined(&self) -> usize {
        self.0
            .lock()
            .ok()
            .and_then(|room| room.as_ref().map(Room::joined))
            .unwrap_or(0)
    }
}

impl<T: RoomScreen + ?Sized> RoomScreen for Arc<T> {
    fn publish(&self, now: RoomNow, results_shown: bool) {
        (**self).publish(now, results_shown);
    }

    fn joined(&self) -> usize {
        (**self).joined()
    }
}

/// What the room's pages show now, to publish only what changed between questions.
#[derive(Debug, Clone, PartialEq)]
enum Showing {
    Nothing,
    Waiting,
    Closed(String, bool),
}

/// How the facilitator last left a room question.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Left {
    Closed,
    Back,
}

pub struct RoomPrompter<S: RoomScreen> {
    inner: TerminalPrompter,
    screen: S,
    keys: Rc<RoomKeys>,
    /// The devices whose contributions the engine is applying, in order: answered at the
    /// next ask, with what the engine said of each (`room_results`; taken unless told).
    pending: Vec<Responder>,
    results: Vec<Result<(), String>>,
    /// The question last open to the room, and how it was left.
    last: Option<Arc<RoomQuestion>>,
    left: Option<Left>,
    showing: Showing,
    /// The panel of the question `panel_for` (its key).
    panel: PanelState,
    panel_for: Option<String>,
    /// The panel is on screen (left there while the engine applies a reply).
    drawn: Option<panel::Drawn>,
    last_draw: Option<Instant>,
}

impl<S: RoomScreen> RoomPrompter<S> {
    /// `inner` must read its keys from `keys` (`TerminalPrompter::with_keys`).
    pub fn new(inner: TerminalPrompter, screen: S, keys: Rc<RoomKeys>) -> RoomPrompter<S> {
        RoomPrompter {
            inner,
            screen,
            keys,
            pending: Vec::new(),
            results: Vec::new(),
            last: None,
            left: None,
            showing: Showing::Nothing,
            panel: PanelState::default(),
            panel_for: None,
            drawn: None,
            last_draw: None,
        }
    }

    /// Tells the devices whose contributions the engine applied whether each was saved.
    fn answer_pending(&mut self) {
        let results = std::mem::take(&mut self.results);
        for (i, reply) in std::mem::take(&mut self.pending).into_iter().enumerate() {
            // The device may have given up waiting; nothing to do then.
            let _ = reply.send(results.get(i).cloned().unwrap_or(Ok(())));
        }
    }

    /// Between room questions: the pages say the room waits, or show the question just
    /// closed (with its results, if they were on) until the next one opens.
    fn publish_between(&mut self) {
        let now = match (&self.last, self.left) {
            (Some(last), Some(Left::Closed) | None) => {
                Showing::Closed(last.key.clone(), self.panel.results_shown)
            }
            _ => Showing::Waiting,
        };
        if now == self.showing {
            return;
        }
        match (&now, &self.last) {
            (Showing::Closed(_, shown), Some(last)) => {
                let mut closed = RoomQuestion::clone(last);
                closed.closed = true;
                self.screen
                    .publish(RoomNow::Closed(Arc::new(closed)), *shown);
            }
            _ => self.screen.publish(RoomNow::Waiting, false),
        }
        self.showing = now;
    }

    /// Clears the panel if it is on screen, leaving `summary` (a line) in its place.
    fn leave_panel(&mut self, summary: Option<String>) {
        let Some(drawn) = self.drawn.take() else {
            return;
        };
        let width = self.width();
        let mut out = panel::back(Some(&drawn), width);
        if let Some(summary) = summary {
            out.push_str(&summary);
            out.push('\n');
        }
        let _ = self.inner.term.write_str(&out);
    }

    fn width(&self) -> usize {
        usize::from(self.inner.term.size().1).max(20)
    }

    fn draw(&mut self, room: &RoomQuestion, keys: Keys) {
        let (rows, cols) = self.inner.term.size();
        let (width, height) = (usize::from(cols).max(20), usize::from(rows).max(8));
        let view = panel::View {
            room,
            lang: self.inner.lang,
            keys,
            joined: self.screen.joined(),
            now_ms: now_ms(),
            color: self.inner.color,
        };
        let (lines, cursor) = panel::lines(&view, &self.panel, width, height);
        let (out, drawn) = panel::frame(&lines, cursor, self.drawn.as_ref(), width);
        let _ = self.inner.term.write_str(&out);
        self.drawn = Some(drawn);
        self.last_draw = Some(Instant::now());
    }

    fn ask_room(
        &mut self,
        question: &Question,
        room: &Arc<RoomQuestion>,
        keys: Keys,
    ) -> Result<Reply, PromptError> {
        let lang = self.inner.lang;
        if self.panel_for.as_deref() != Some(room.key.as_str()) {
            // Another question: a fresh panel (results hidden again), its help above it.
            self.leave_panel(None);
            self.panel = PanelState::default();
            self.panel_for = Some(room.key.clone());
            if let Some(help) = &question.help {
                self.inner.markdown(help.get(lang), 2);
            }
            self.inner.say("");
        }
        // Asked again without a refusal: what the facilitator sent was taken.
        self.panel.taken();
        self.screen
            .publish(RoomNow::Open(Arc::clone(room)), self.panel.results_shown);
        self.last = Some(Arc::clone(room));
        self.left = None;
        self.showing = Showing::Nothing;
        // Published first, so a device told `Ok` finds its contribution on the page.
        self.answer_pending();
        let list = panel::is_list(&room.kind);
        let (mut dirty, mut at_once) = (true, false);
        loop {
            let since = self.last_draw.map(|t| t.elapsed());
            if dirty && (at_once || since.is_none_or(|s| s >= FRAME)) {
                self.draw(room, keys);
                (dirty, at_once) = (false, false);
            }
            let since = self.last_draw.map_or(Duration::ZERO, |t| t.elapsed());
            let wait = if dirty { FRAME } else { TICK }.saturating_sub(since);
            let key = match self.keys.next(Some(wait)) {
                Ok(Event::Room(incoming)) => {
                    // This one and whatever else is already waiting: one save for all.
                    let mut sent = Vec::new();
                    for incoming in std::iter::once(incoming).chain(self.keys.drain_room(MAX_BATCH))
                    {
                        sent.push(incoming.contribution);
                        self.pending.push(incoming.reply);
                    }
                    return Ok(Reply::Room(sent));
                }
                Ok(Event::Key(key)) => key,
                Err(Waited::Timeout) => {
                    dirty = true;
                    continue;
                }
                Err(Waited::Closed) => {
                    self.leave_panel(None);
                    return Err(PromptError::Io("the terminal's key reader stopped".into()));
                }
            };
            let key = match key {
                Ok(key) => key,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => console::Key::CtrlC,
                Err(e) => {
                    self.leave_panel(None);
                    return Err(PromptError::Io(e.to_string()));
                }
            };
            match self.panel.key(key, list, keys.back, lang) {
                Action::Redraw => (dirty, at_once) = (true, true),
                Action::Results => {
                    self.screen
                        .publish(RoomNow::Open(Arc::clone(room)), self.panel.results_shown);
                    (dirty, at_once) = (true, true);
                }
                Action::Reply(reply) => {
                    match reply {
                        Reply::Done | Reply::Back | Reply::Stop => {
                            let width = self.width();
                            let summary =
                                panel::summary(room, &reply, lang, width, self.inner.color);
                            self.leave_panel(Some(summary));
                            self.left = Some(if reply == Reply::Back {
                                Left::Back
                            } else {
                                Left::Closed
                            });
                            self.panel_for = None;
                        }
                        // The panel stays on screen; the engine asks again at once.
                        _ => {}
                    }
                    return Ok(reply);
                }
            }
        }
    }
}

fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

impl<S: RoomScreen> Prompter for RoomPrompter<S> {
    fn ask(&mut self, ask: &Ask) -> Result<Reply, PromptError> {
        if let Ask::Room {
            question,
            room,
            keys,
        } = ask
        {
            return self.ask_room(question, room, *keys);
        }
        // The engine moved on from a room question (it closed it itself, or the facilitator
        // did): the panel gives way to the ordinary prompts.
        self.answer_pending();
        if self.drawn.is_some() {
            self.leave_panel(None);
            self.panel_for = None;
        }
        self.publish_between();
        self.inner.ask(ask)
    }

    fn room_results(&mut self, results: &[Result<(), String>]) {
        self.results = results.to_vec();
    }

    fn invalid(&mut self, message: &str) {
        if !self.pending.is_empty() {
            // Participants' contributions were refused together: their pages say why.
            self.results = vec![Err(message.to_owned()); self.pending.len()];
            self.answer_pending();
        } else if self.drawn.is_some() {
            // The facilitator's own entry or command was refused: said on the panel.
            self.panel.refused(message);
        } else {
            self.inner.invalid(message);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::RefCell;
    use std::collections::{BTreeMap, VecDeque};

    use console::Key;
    use serde_yaml::Value;

    use super::*;
    use crate::engine::room::{Contribution, RoomAction, RoomKind, Tally};
    use crate::lang::Lang;
    use crate::method::Text;
    use crate::room::Incoming;
    use crate::terminal::keys::KeySource;

    /// Records what was published.
    #[derive(Default)]
    struct Recorder(RefCell<Vec<String>>);

    impl RoomScreen for Rc<Recorder> {
        fn publish(&self, now: RoomNow, results_shown: bool) {
            let what = match now {
                RoomNow::Waiting => "waiting".to_owned(),
                RoomNow::Open(q) => format!("open:{}:{}", q.key, q.entries.len()),
                RoomNow::Closed(q) => format!("closed:{}:{}", q.key, q.closed),
            };
            self.0.borrow_mut().push(format!("{what}:{results_shown}"));
        }

        fn joined(&self) -> usize {
            3
        }
    }

    fn room_question(key: &str, entries: usize) -> RoomQuestion {
        RoomQuestion {
            key: key.into(),
            method_title: Text::plain("Brainstorm"),
            step_title: Text::plain("Ideas"),
            step_number: 2,
            steps_total: 4,
            prompt: Text::plain("Ideas?"),
            help: None,
            kind: RoomKind::List { max_chars: 500 },
            opened_ms: 0,
            ends_ms: None,
            closed: false,
            entries: (1..=entries as u64)
                .map(|id| crate::engine::room::RoomEntry {
                    id,
                    device: "d".into(),
                    name: None,
                    text: format!("idea {id}"),
                    hidden: false,
                    merged_into: None,
                    withdrawn: false,
                })
                .collect(),
            ballots: BTreeMap::new(),
            tally: Tally::default(),
        }
    }

    fn question() -> Question {
        let method = crate::engine::answers::tests::every_type();
        method.question("ideas").cloned().unwrap()
    }

    /// A prompter over a scripted key reader that lets one key through per `open` send, and
    /// reports an error once `open` is dropped.
    fn prompter(
        keys: Vec<Key>,
    ) -> (
        RoomPrompter<Rc<Recorder>>,
        std::sync::mpsc::Sender<Event>,
        std::sync::mpsc::Sender<()>,
        Rc<Recorder>,
    ) {
        let mut keys: VecDeque<Key> = keys.into();
        let (open, gate) = std::sync::mpsc::channel::<()>();
        let (room_keys, tx) = RoomKeys::with_reader("nothing is open".into(), move || {
            gate.recv().map_err(std::io::Error::other)?;
            keys.pop_front()
                .ok_or_else(|| std::io::Error::other("out of keys"))
        });
        let room_keys = Rc::new(room_keys);
        let null = || {
            std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open("/dev/null")
                .unwrap()
        };
        let mut inner =
            TerminalPrompter::with_keys(Lang::En, false, KeySource::Room(Rc::clone(&room_keys)));
        inner.term = console::Term::read_write_pair(null(), null());
        let recorder = Rc::new(Recorder::default());
        let p = RoomPrompter::new(inner, Rc::clone(&recorder), room_keys);
        (p, tx, open, recorder)
    }

    /// Lets `n` keys through.
    fn let_through(open: &std::sync::mpsc::Sender<()>, n: usize) {
        for _ in 0..n {
            open.send(()).unwrap();
        }
    }

    fn incoming(text: &str) -> (Incoming, tokio::sync::oneshot::Receiver<Result<(), String>>) {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let contribution = Contribution {
            device: "phone".into(),
            name: Some("Ana".into()),
            action: RoomAction::Add(text.into()),
        };
        (
            Incoming {
                contribution,
                reply,
            },
            answer,
        )
    }

    fn typed(text: &str) -> Vec<Key> {
        text.chars()
            .map(|c| if c == '⏎' { Key::Enter } else { Key::Char(c) })
            .collect()
    }

    #[test]
    fn contributions_go_to_the_engine_and_their_senders_hear_back() {
        let q = question();
        let keys = Keys::default();
        let (mut p, tx, _open, recorder) = prompter(vec![]);
        let (first, mut first_answer) = incoming("SMS reminder");
        tx.send(Event::Room(first)).unwrap();
        let ask = |n| Ask::Room {
            question: &q,
            room: Arc::new(room_question("ideas", n)),
            keys,
        };
        let reply = p.ask(&ask(0)).unwrap();
        let Reply::Room(c) = reply else {
            panic!("{reply:?}")
        };
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].action, RoomAction::Add("SMS reminder".into()));
        assert!(
            first_answer.try_recv().is_err(),
            "not answered before it is saved"
        );
        // The engine saved it and asks again: the sender hears `Ok`, after the page has it.
        let (second, mut second_answer) = incoming("");
        tx.send(Event::Room(second)).unwrap();
        assert!(matches!(p.ask(&ask(1)), Ok(Reply::Room(_))));
        assert_eq!(first_answer.try_recv().unwrap(), Ok(()));
        // The engine refuses the empty entry: its sender hears why.
        p.invalid("an entry cannot be empty");
        assert_eq!(
            second_answer.try_recv().unwrap(),
            Err("an entry cannot be empty".to_owned())
        );
        // A burst: what is already waiting goes to the engine in one reply (one save), and
        // each sender hears what became of theirs.
        let (a, mut a_answer) = incoming("Kiosk");
        let (b, mut b_answer) = incoming("x".repeat(600).as_str());
        tx.send(Event::Room(a)).unwrap();
        tx.send(Event::Room(b)).unwrap();
        let Ok(Reply::Room(both)) = p.ask(&ask(2)) else {
            panic!("a burst")
        };
        assert_eq!(both.len(), 2);
        p.room_results(&[Ok(()), Err("too long".into())]);
        assert!(a_answer.try_recv().is_err(), "answered at the next ask");
        let (c, _c_answer) = incoming("Bus");
        tx.send(Event::Room(c)).unwrap();
        assert!(matches!(p.ask(&ask(3)), Ok(Reply::Room(_))));
        assert_eq!(a_answer.try_recv().unwrap(), Ok(()));
        assert_eq!(b_answer.try_recv().unwrap(), Err("too long".to_owned()));
        assert_eq!(
            recorder.0.borrow().as_slice(),
            [
                "open:ideas:0:false",
                "open:ideas:1:false",
                "open:ideas:2:false",
                "open:ideas:3:false"
            ]
        );
    }

    #[test]
    fn the_facilitator_adds_moderates_and_closes() {
        let q = question();
        let keys = Keys {
            back: true,
            ..Keys::default()
        };
        let script = [typed("Kiosk⏎"), typed("/h 1⏎"), typed("/r⏎⏎⏎")].concat();
        let n = script.len();
        let (mut p, _tx, open, recorder) = prompter(script);
        let_through(&open, n);
        let ask = |n| Ask::Room {
            question: &q,
            room: Arc::new(room_question("ideas", n)),
            keys,
        };
        assert_eq!(
            p.ask(&ask(0)).unwrap(),
            Reply::Answer(Value::String("Kiosk".into()))
        );
        assert!(p.drawn.is_some(), "the panel stays while the engine saves");
        assert_eq!(p.ask(&ask(1)).unwrap(), Reply::Hide(1));
        // A refused command is said on the panel, not to a device.
        p.invalid("there is no entry 9");
        assert_eq!(p.panel.message.as_deref(), Some("there is no entry 9"));
        assert_eq!(p.ask(&ask(1)).unwrap(), Reply::Done, "/r, then Enter twice");
        assert!(p.drawn.is_none(), "the panel gave way to its summary");
        // The next (ordinary) prompt: the pages show the closed question with its results.
        p.publish_between();
        assert_eq!(
            recorder.0.borrow().as_slice(),
            [
                "open:ideas:0:false",
                "open:ideas:1:false",
                "open:ideas:1:false",
                "open:ideas:1:true",
                "closed:ideas:true:true",
            ]
        );
        p.publish_between();
        assert_eq!(
            recorder.0.borrow().len(),
            5,
            "published once, not at every prompt"
        );
    }

    #[test]
    fn going_back_leaves_the_room_waiting_and_ctrl_c_stops() {
        let q = question();
        let keys = Keys {
            back: true,
            ..Keys::default()
        };
        let script = [
            typed("half"),
            vec![Key::Escape],
            typed("<⏎"),
            typed("x"),
            vec![Key::CtrlC],
        ]
        .concat();
        let n = script.len();
        let (mut p, _tx, open, recorder) = prompter(script);
        let_through(&open, n);
        let ask = Ask::Room {
            question: &q,
            room: Arc::new(room_question("ideas", 0)),
            keys,
        };
        assert_eq!(p.ask(&ask).unwrap(), Reply::Back, "Esc cleared `half`");
        p.publish_between();
        assert_eq!(
            recorder.0.borrow().last().map(String::as_str),
            Some("waiting:false")
        );
        assert_eq!(p.ask(&ask).unwrap(), Reply::Stop);
    }

    #[test]
    fn the_half_typed_line_survives_a_contribution() {
        let q = question();
        let (mut p, tx, open, _) = prompter(typed("Kio⏎"));
        let ask = Ask::Room {
            question: &q,
            room: Arc::new(room_question("ideas", 0)),
            keys: Keys::default(),
        };
        // Three keys, then a contribution while the facilitator is still typing.
        let_through(&open, 3);
        let (c, _answer) = incoming("SMS");
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(300));
            let _ = tx.send(Event::Room(c));
        });
        assert!(matches!(p.ask(&ask), Ok(Reply::Room(_))));
        assert_eq!(p.panel.typed(), "Kio");
        let_through(&open, 1);
        assert_eq!(
            p.ask(&ask).unwrap(),
            Reply::Answer(Value::String("Kio".into()))
        );
    }

    #[test]
    fn an_ordinary_prompt_refuses_what_devices_send() {
        let (mut p, tx, open, recorder) = prompter(typed("Ana⏎"));
        let (c, mut answer) = incoming("too early");
        tx.send(Event::Room(c)).unwrap();
        let_through(&open, 4);
        let ask = Ask::Text {
            prompt: "Facilitator".into(),
            initial: String::new(),
        };
        // The line editor refuses at once when its terminal is not one; the refusal of the
        // contribution is tested through the key source itself.
        let _ = p.ask(&ask);
        assert_eq!(recorder.0.borrow().as_slice(), ["waiting:false"]);
        let keys = Rc::clone(&p.keys);
        assert_eq!(
            keys.key_within(Some(Duration::from_secs(5))).unwrap(),
            Some(Key::Char('A'))
        );
        assert_eq!(
            answer.try_recv().unwrap(),
            Err("nothing is open".to_owned())
        );
    }
}
