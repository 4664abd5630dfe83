//! The facilitator's countdown: one component for `labkit timer` and the timeboxes of
//! `labkit run`.
//!
//! `Countdown` is the pure state (remaining time, pauses, colour phase) driven by times passed
//! in, so it is tested without sleeping. `run_countdown` draws it with indicatif on stderr and
//! reads keys: Enter or `q` ends, space pauses and resumes, `+` adds a minute; at zero the bell
//! rings and labkit waits for Enter, so no key press is ever left for the next prompt.

use std::sync::mpsc;
use std::time::{Duration, SystemTime};

use console::{Key, Term};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// Where in its time a countdown is, for its colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Normal,
    /// 20% or less remaining.
    Amber,
    /// 5% or less remaining.
    Red,
    Done,
}

#[derive(Debug, Clone)]
pub struct Countdown {
    total: Duration,
    /// Time run before the current run (pauses split runs).
    used: Duration,
    running_since: Option<SystemTime>,
}

impl Countdown {
    pub fn start(total: Duration, now: SystemTime) -> Countdown {
        Countdown {
            total,
            used: Duration::ZERO,
            running_since: Some(now),
        }
    }

    pub fn elapsed(&self, now: SystemTime) -> Duration {
        self.used
            + self.running_since.map_or(Duration::ZERO, |t| {
                now.duration_since(t).unwrap_or_default()
            })
    }

    pub fn remaining(&self, now: SystemTime) -> Duration {
        self.total.saturating_sub(self.elapsed(now))
    }

    pub fn total(&self) -> Duration {
        self.total
    }

    pub fn is_paused(&self) -> bool {
        self.running_since.is_none()
    }

    pub fn toggle_pause(&mut self, now: SystemTime) {
        match self.running_since.take() {
            Some(since) => self.used += now.duration_since(since).unwrap_or_default(),
            None => self.running_since = Some(now),
        }
    }

    pub fn add(&mut self, extra: Duration) {
        self.total += extra;
    }

    pub fn phase(&self, now: SystemTime) -> Phase {
        let left = self.remaining(now).as_secs_f64();
        let total = self.total.as_secs_f64().max(1.0);
        if left <= 0.0 {
            Phase::Done
        } else if left <= total * 0.05 {
            Phase::Red
        } else if left <= total * 0.20 {
            Phase::Amber
        } else {
            Phase::Normal
        }
    }
}

/// `mm:ss`, or `h:mm:ss` past an hour.
pub fn clock_face(d: Duration) -> String {
    let s = d.as_secs();
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s % 3600 / 60, s % 60)
    } else {
        format!("{:02}:{:02}", s / 60, s % 60)
    }
}

/// How a countdown on the terminal ended, and how long it ran.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// Enter or `q` before zero.
    Early(Duration),
    /// Reached zero.
    Elapsed(Duration),
}

/// Runs a countdown on the terminal (stderr). Only call this when a person is at a terminal.
pub fn run_countdown(
    total: Duration,
    label: &str,
    color: bool,
    lang: crate::lang::Lang,
) -> std::io::Result<Ending> {
    let (tx, rx) = mpsc::channel();
    // The reader stops after an ending key, so it never eats a key meant for the next prompt.
    std::thread::spawn(move || {
        let term = Term::stderr();
        while let Ok(key) = term.read_key() {
            let ends = matches!(key, Key::Enter | Key::Char('q') | Key::Escape);
            if tx.send(key).is_err() || ends {
                break;
            }
        }
    });
    let mut next = |wait: Duration| match rx.recv_timeout(wait) {
        Ok(key) => Ok(Some(key)),
        Err(mpsc::RecvTimeoutError::Timeout) => Ok(None),
        Err(mpsc::RecvTimeoutError::Disconnected) => {
            Err(std::io::Error::from(std::io::ErrorKind::UnexpectedEof))
        }
    };
    countdown_with_keys(total, label, color, lang, &mut next)
}

/// [`run_countdown`] with its keys from `next`, which waits at most the time it is given and
/// returns `Ok(None)` when no key came (a room run passes its key channel, so that what
/// participants send meanwhile is answered at once). A read error ends the countdown as if
/// early; Ctrl-C (a key when the terminal is read raw) and an interrupted read return
/// `Interrupted`, so the run stops as at a prompt.
pub fn countdown_with_keys(
    total: Duration,
    label: &str,
    color: bool,
    lang: crate::lang::Lang,
    next: &mut dyn FnMut(Duration) -> std::io::Result<Option<Key>>,
) -> std::io::Result<Ending> {
    use crate::i18n::{t, tf};
    let interrupted = || std::io::Error::from(std::io::ErrorKind::Interrupted);
    let label = crate::terminal::markdown::terminal_safe(label).into_owned();
    let label = label.as_str();
    let bar =
        ProgressBar::with_draw_target(Some(total.as_secs().max(1)), ProgressDrawTarget::stderr());
    let mut countdown = Countdown::start(total, SystemTime::now());
    let mut phase = Phase::Normal;
    bar.set_style(style(Phase::Normal, color, lang));
    loop {
        let now = SystemTime::now();
        let left = countdown.remaining(now);
        let new_phase = countdown.phase(now);
        if new_phase != phase {
            phase = new_phase;
            bar.set_style(style(phase, color, lang));
        }
        bar.set_length(countdown.total().as_secs().max(1));
        bar.set_position(
            countdown
                .elapsed(now)
                .as_secs()
                .min(countdown.total().as_secs()),
        );
        let paused = if countdown.is_paused() {
            format!(" ({})", t(lang, "timer.paused"))
        } else {
            String::new()
        };
        bar.set_message(format!("{label} {}{paused}", clock_face(left)));
        if phase == Phase::Done {
            // The ending replaces the key hint: those keys do nothing any more.
            bar.set_style(ended_style(color));
            bar.finish_with_message(format!("{label} · {}", t(lang, "timer.up")));
            eprint!("\x07");
            // Wait for the key that ends the reader thread.
            loop {
                match next(Duration::from_secs(3600)) {
                    Ok(Some(Key::Enter | Key::Char('q') | Key::Escape)) | Err(_) => break,
                    Ok(Some(Key::CtrlC)) => return Err(interrupted()),
                    Ok(_) => {}
                }
            }
            return Ok(Ending::Elapsed(countdown.elapsed(SystemTime::now())));
        }
        match next(Duration::from_millis(200)) {
            Ok(Some(Key::Enter | Key::Char('q') | Key::Escape)) => {
                let ran = countdown.elapsed(SystemTime::now());
                bar.set_style(ended_style(color));
                bar.abandon_with_message(format!(
                    "{label} · {}",
                    tf(
                        lang,
                        "timer.ended_early",
                        &[("left", &clock_face(countdown.remaining(SystemTime::now())))]
                    )
                ));
                return Ok(Ending::Early(ran));
            }
            Ok(Some(Key::Char(' '))) => countdown.toggle_pause(SystemTime::now()),
            Ok(Some(Key::Char('+'))) => countdown.add(Duration::from_secs(60)),
            Ok(Some(Key::CtrlC)) => {
                bar.abandon();
                return Err(interrupted());
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {
                bar.abandon();
                return Err(e);
            }
            Ok(_) => {}
            Err(_) => {
                bar.finish();
                return Ok(Ending::Early(countdown.elapsed(SystemTime::now())));
            }
        }
    }
}

/// The bar once the countdown is over: no key hint.
fn ended_style(color: bool) -> ProgressStyle {
    let template = if color {
        "  {bar:30.dim} {msg}"
    } else {
        "  {bar:30} {msg}"
    };
    ProgressStyle::with_template(template)
        .unwrap_or_else(|_| ProgressStyle::default_bar())
        .progress_chars("█▓░")
}

fn style(phase: Phase, color: bool, lang: crate::lang::Lang) -> ProgressStyle {
    let bar = match (phase, color) {
        (_, false) | (Phase::Normal, true) => "{bar:30}",
        (Phase::Amber, true) => "{bar:30.yellow}",
        (Phase::Red | Phase::Done, true) => "{bar:30.red}",
    };
    ProgressStyle::with_template(&format!(
        "  {bar} {{msg}}  ({})",
        crate::i18n::t(lang, "timer.keys")
    ))
    .unwrap_or_else(|_| ProgressStyle::default_bar())
    .progress_chars("█▓░")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(secs: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(secs)
    }

    #[test]
    fn counts_down_through_the_phases() {
        let c = Countdown::start(Duration::from_secs(100), at(0));
        assert_eq!(c.remaining(at(30)), Duration::from_secs(70));
        assert_eq!(c.phase(at(30)), Phase::Normal);
        assert_eq!(c.phase(at(80)), Phase::Amber);
        assert_eq!(c.phase(at(95)), Phase::Red);
        assert_eq!(c.phase(at(100)), Phase::Done);
        assert_eq!(c.remaining(at(500)), Duration::ZERO);
    }

    #[test]
    fn pauses_and_added_minutes() {
        let mut c = Countdown::start(Duration::from_secs(120), at(0));
        c.toggle_pause(at(30));
        assert!(c.is_paused());
        assert_eq!(
            c.remaining(at(90)),
            Duration::from_secs(90),
            "time must not pass while paused"
        );
        c.toggle_pause(at(90));
        assert_eq!(c.remaining(at(100)), Duration::from_secs(80));
        c.add(Duration::from_secs(60));
        assert_eq!(c.remaining(at(100)), Duration::from_secs(140));
    }

    #[test]
    fn clock_faces() {
        assert_eq!(clock_face(Duration::from_secs(605)), "10:05");
        assert_eq!(clock_face(Duration::from_secs(3725)), "1:02:05");
    }
}
