//! Where the widgets' keys come from. In an ordinary run a prompt reads the terminal itself
//! (`Term::read_key_raw`), exactly as before rooms existed. In a room run (`run --room`) two
//! things can happen while labkit waits: the facilitator presses a key, or a participant's
//! device sends something. Both then arrive on one `std::sync::mpsc` channel of [`Event`]s,
//! so a prompt waits on one thing and never polls: keys from a key-reader thread, the room's
//! contributions from the server (its `deliver` callback only forwards into the channel and
//! never blocks).
//!
//! The key-reader thread reads one key each time a prompt asks for one, not all the time.
//! `console` switches the terminal to raw mode for as long as a read is waiting, so a thread
//! always blocked in a read would leave the terminal raw between prompts and at exit, and
//! would take keys from anything else that reads the terminal. Asked one key at a time, the
//! terminal is raw only while a prompt waits, as in an ordinary run; the one read that may
//! still be waiting when a prompt returns is the one the room panel leaves behind when a
//! contribution arrives, and the panel's next wait takes it over ([`RoomKeys::asked`]).
//!
//! While an ordinary prompt waits in a room run (no question is open to the room), whatever
//! a device sends is refused at once, with a message in the session's language, and the
//! prompt goes on waiting: a participant's page never hangs on a question that is not open.

use std::cell::Cell;
use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use console::{Key, Term};

use crate::room::Incoming;

/// What a prompt in a room run can be woken by.
pub enum Event {
    /// A key from the facilitator's terminal (or why it could not be read).
    Key(io::Result<Key>),
    /// Something a participant's device sent, with the way to tell it whether it was taken.
    Room(Incoming),
}

/// The keys of one prompt: straight from the terminal, or through a room run's channel.
pub enum KeySource {
    Direct,
    Room(std::rc::Rc<RoomKeys>),
}

impl KeySource {
    /// The next key for an ordinary prompt; in a room run, contributions that arrive in the
    /// meantime are refused.
    pub fn key(&self, term: &Term) -> io::Result<Key> {
        match self {
            KeySource::Direct => term.read_key_raw(),
            KeySource::Room(keys) => loop {
                if let Some(key) = keys.key_within(None)? {
                    return Ok(key);
                }
            },
        }
    }

    /// The room run's channel, if this is one.
    pub fn room(&self) -> Option<&RoomKeys> {
        match self {
            KeySource::Direct => None,
            KeySource::Room(keys) => Some(keys),
        }
    }
}

/// A room run's merged channel, read from the main thread only.
pub struct RoomKeys {
    events: Receiver<Event>,
    /// Asks the key-reader thread for one key.
    want: Sender<()>,
    /// A key was asked for and has not arrived yet: the next wait must not ask again, or a
    /// second key would be read before anyone wants it.
    asked: Cell<bool>,
    /// What a device is told when it sends something while no question is open.
    refusal: String,
    /// A key read while draining contributions (`drain_room`), handed out by the next `next`.
    held: std::cell::RefCell<Option<Event>>,
}

/// Why waiting on the channel ended without an event.
#[derive(Debug, PartialEq, Eq)]
pub enum Waited {
    /// Nothing came in the time given.
    Timeout,
    /// Every sender is gone (the key reader and the server both ended).
    Closed,
}

impl RoomKeys {
    /// The channel, with a key-reader thread on the real terminal; returns the sender the
    /// room server's `deliver` forwards contributions into.
    pub fn start(refusal: String) -> (RoomKeys, Sender<Event>) {
        let term = Term::stderr();
        RoomKeys::with_reader(refusal, move || term.read_key_raw())
    }

    /// The channel with any key reader (tests give a scripted one).
    pub fn with_reader(
        refusal: String,
        mut read: impl FnMut() -> io::Result<Key> + Send + 'static,
    ) -> (RoomKeys, Sender<Event>) {
        let (tx, events) = mpsc::channel();
        let (want, wanted) = mpsc::channel::<()>();
        let keys_tx = tx.clone();
        // Ends when `RoomKeys` (the `want` sender) is dropped, after any read in progress.
        std::thread::spawn(move || {
            while wanted.recv().is_ok() {
                if keys_tx.send(Event::Key(read())).is_err() {
                    break;
                }
            }
        });
        let keys = RoomKeys {
            events,
            want,
            asked: Cell::new(false),
            refusal,
            held: std::cell::RefCell::new(None),
        };
        (keys, tx)
    }

    /// The next event, waiting at most `timeout` (`None`: as long as it takes). A key is
    /// asked for first unless one already is.
    pub fn next(&self, timeout: Option<Duration>) -> Result<Event, Waited> {
        if let Some(event) = self.held.borrow_mut().take() {
            return Ok(event);
        }
        if !self.asked.get() {
            // The reader thread only stops when this struct is dropped; should it be gone,
            // the wait below reports the closed channel.
            let _ = self.want.send(());
            self.asked.set(true);
        }
        let event = match timeout {
            Some(t) => self.events.recv_timeout(t).map_err(|e| match e {
                RecvTimeoutError::Timeout => Waited::Timeout,
                RecvTimeoutError::Disconnected => Waited::Closed,
            })?,
            None => self.events.recv().map_err(|_| Waited::Closed)?,
        };
        if matches!(event, Event::Key(_)) {
            self.asked.set(false);
        }
        Ok(event)
    }

    /// The next key within `timeout` (`None`: no limit), for an ordinary prompt or a
    /// countdown: what devices send meanwhile is refused at once. `Ok(None)` when no key came
    /// in time.
    pub fn key_within(&self, timeout: Option<Duration>) -> io::Result<Option<Key>> {
        let deadline = timeout.map(|t| std::time::Instant::now() + t);
        loop {
            let left = deadline.map(|d| d.saturating_duration_since(std::time::Instant::now()));
            match self.next(left) {
                Ok(Event::Key(key)) => return key.map(Some),
                Ok(Event::Room(incoming)) => self.refuse(incoming),
                Err(Waited::Timeout) => return Ok(None),
                Err(Waited::Closed) => {
                    let why = "the terminal's key reader stopped";
                    return Err(io::Error::new(io::ErrorKind::BrokenPipe, why));
                }
            }
        }
    }

    /// What devices sent that is already waiting, without waiting for more (at most `max`),
    /// so a burst is applied and saved at once. A key met on the way is kept for `next`.
    pub fn drain_room(&self, max: usize) -> Vec<Incoming> {
        let mut out = Vec::new();
        while out.len() < max && self.held.borrow().is_none() {
            match self.events.try_recv() {
                Ok(Event::Room(incoming)) => out.push(incoming),
                Ok(key) => {
                    self.asked.set(false);
                    *self.held.borrow_mut() = Some(key);
                }
                Err(_) => break,
            }
        }
        out
    }

    /// Tells a device that nothing is open to the room now.
    pub fn refuse(&self, incoming: Incoming) {
        // The device may have gone away meanwhile; then nobody is waiting for the answer.
        let _ = incoming.reply.send(Err(self.refusal.clone()));
    }

    /// Whether a key has been asked for and not read yet.
    pub fn asked(&self) -> bool {
        self.asked.get()
    }
}

#[cfg(test)]
mod tests {
    use std::collections::VecDeque;
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::engine::room::{Contribution, RoomAction};

    /// A key reader that hands out `keys` one per read, counting the reads, and then reports
    /// an error; `gate` holds each read until the test lets it through.
    fn scripted(
        keys: &[Key],
        gate: Option<Receiver<()>>,
    ) -> (RoomKeys, Sender<Event>, Arc<Mutex<usize>>) {
        let mut left: VecDeque<Key> = keys.iter().cloned().collect();
        let reads = Arc::new(Mutex::new(0));
        let counted = Arc::clone(&reads);
        let (keys, tx) = RoomKeys::with_reader("nothing is open".into(), move || {
            if let Some(gate) = &gate {
                let _ = gate.recv();
            }
            *counted.lock().unwrap() += 1;
            left.pop_front()
                .ok_or_else(|| io::Error::new(io::ErrorKind::UnexpectedEof, "no more keys"))
        });
        (keys, tx, reads)
    }

    fn incoming(text: &str) -> (Incoming, tokio::sync::oneshot::Receiver<Result<(), String>>) {
        let (reply, answer) = tokio::sync::oneshot::channel();
        let contribution = Contribution {
            device: "d1".into(),
            name: None,
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

    const SOON: Option<Duration> = Some(Duration::from_millis(200));

    #[test]
    fn a_prompt_gets_its_keys_and_refuses_contributions_meanwhile() {
        let (open, gate) = mpsc::channel();
        let (keys, tx, reads) = scripted(&[Key::Char('a'), Key::Enter], Some(gate));
        // A contribution comes while the prompt waits for its first key.
        let (sent, mut answer) = incoming("SMS");
        tx.send(Event::Room(sent)).unwrap();
        open.send(()).unwrap();
        assert_eq!(keys.key_within(None).unwrap(), Some(Key::Char('a')));
        assert_eq!(
            answer.try_recv().unwrap(),
            Err("nothing is open".to_owned()),
            "refused at once, with the message given"
        );
        assert!(!keys.asked());
        open.send(()).unwrap();
        let source = KeySource::Room(std::rc::Rc::new(keys));
        assert_eq!(source.key(&Term::stderr()).unwrap(), Key::Enter);
        assert_eq!(*reads.lock().unwrap(), 2, "one read per key asked for");
    }

    #[test]
    fn keys_are_read_only_when_asked_for() {
        let (keys, _tx, reads) = scripted(&[Key::Char('x')], None);
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(*reads.lock().unwrap(), 0, "no read before a prompt waits");
        assert_eq!(keys.key_within(SOON).unwrap(), Some(Key::Char('x')));
        std::thread::sleep(Duration::from_millis(50));
        assert_eq!(*reads.lock().unwrap(), 1, "no read after the key came");
        let err = keys.key_within(SOON).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::UnexpectedEof, "read errors pass");
    }

    #[test]
    fn a_contribution_leaves_the_key_read_to_the_next_wait() {
        let (open, gate) = mpsc::channel();
        let (keys, tx, reads) = scripted(&[Key::Char('q')], Some(gate));
        let (sent, _answer) = incoming("Kiosk");
        tx.send(Event::Room(sent)).unwrap();
        match keys.next(SOON) {
            Ok(Event::Room(got)) => {
                assert_eq!(got.contribution.action, RoomAction::Add("Kiosk".into()))
            }
            _ => panic!("the contribution first"),
        }
        assert!(keys.asked(), "the read asked for is still waiting");
        assert!(matches!(
            keys.next(Some(Duration::from_millis(30))),
            Err(Waited::Timeout)
        ));
        open.send(()).unwrap();
        assert!(matches!(
            keys.next(SOON),
            Ok(Event::Key(Ok(Key::Char('q'))))
        ));
        assert_eq!(*reads.lock().unwrap(), 1, "never a second read for one key");
    }

    #[test]
    fn a_countdown_times_out_without_a_key() {
        let (_open, gate) = mpsc::channel::<()>();
        let (keys, _tx, _) = scripted(&[Key::Enter], Some(gate));
        let started = std::time::Instant::now();
        assert_eq!(
            keys.key_within(Some(Duration::from_millis(40))).unwrap(),
            None
        );
        assert!(started.elapsed() >= Duration::from_millis(40));
    }
}
