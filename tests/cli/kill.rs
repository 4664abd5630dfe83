//! `kill -9` at random moments: a scripted brainstorm of 200 ideas and a dot vote by 12
//! participants in a pseudo-terminal, killed with SIGKILL 50 times and resumed each time. After
//! every kill the session file parses and holds every entry confirmed on screen before the kill.
//!
//! An entry counts as confirmed once labkit shows the prompt that comes after it: the next
//! entry's line prompt, the next dot's chooser, or the review. Before each kill one to three more
//! chunks of keys are sent without waiting, so the kill lands before, during or after the save of
//! an entry that was never confirmed; such an entry may be in the file or not, but nothing
//! confirmed may be missing. Each resume must carry on exactly where the file says (the next
//! idea's number, the next dot's voter and dot), and the last run must end with the 200 ideas
//! in order and the 36 dots picked.
//!
//! The kill moments come from a seeded xorshift, printed at the start; `LABKIT_KILL_SEED=N` tries
//! another set (the keys and the moments repeat; how far labkit got before the kill does not).
//! A kill in the middle of a save leaves labkit's temporary file (`.labkit-*.tmp`) in
//! `sessions/`: that is allowed until the next run on the session, which must clear it.

use std::fmt::Display;
use std::process::Command;
use std::time::{Duration, Instant};

use rexpect::process::{Signal, WaitStatus};
use rexpect::session::{PtySession, spawn_command};
use serde_yaml::Value;

use crate::support::Lab;

// Seed 5 puts a kill between the last dot and the end of the vote (a bug found that way).
const SEED: u64 = 5;
const IDEAS: usize = 200;
const VOTERS: usize = 12;
const DOTS_EACH: usize = 3;
const DOTS: usize = VOTERS * DOTS_EACH;
/// Entries: each idea and each dot.
const ENTRIES: usize = IDEAS + DOTS;
const KILLS: usize = 50;
const TIMEOUT: Duration = Duration::from_secs(30);
const SESSION: &str = "sessions/storm.yaml";
const ENTER: &str = "\r";
const DOWN: &str = "\x1b[B";

const METHOD: &str = "schema: 1
id: storm
name: { en: Storm, pt: Tempestade }
summary: Ideas, then a dot vote.
stage: ideation
duration: 30m
steps:
  - id: storm
    title: Storm
    questions:
      - id: ideas
        type: list
        prompt: Ideas
        min: 1
      - id: votes
        type: vote
        prompt: Votes
        from: ideas
        dots: 3
";

/// xorshift64: the same seed gives the same kill moments and the same keys.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// What the facilitator does next, in order, from the first idea to the end of the session.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
    /// Types idea N (from 1).
    Idea(usize),
    /// An empty line ends the list.
    EndList,
    /// Picks "participants vote in turn".
    Mode,
    /// Keeps the number of voters pre-filled (the 12 participants).
    Voters,
    /// Places dot N (from 1).
    Dot(usize),
    Review,
    FinalReview,
}

impl Step {
    fn is_entry(self) -> bool {
        matches!(self, Step::Idea(_) | Step::Dot(_))
    }

    /// Choosers read keys in raw mode; keys are sent once they had time to switch to it.
    fn is_chooser(self) -> bool {
        matches!(
            self,
            Step::Mode | Step::Dot(_) | Step::Review | Step::FinalReview
        )
    }
}

struct Plan {
    ideas: Vec<String>,
    /// For each dot: the digit that jumps to an item, then how many times `j` moves down.
    picks: Vec<(usize, usize)>,
    script: Vec<Step>,
}

impl Plan {
    fn new(rng: &mut Rng) -> Plan {
        const THEMES: [&str; 8] = [
            "SMS reminder a month before",
            "renew at the pharmacy",
            "Cartão de Cidadão by post",
            "letter with a QR code",
            "evening opening, 18h–21h",
            "a \"one stop\" desk",
            "50% fewer forms",
            "ask a neighbour #help",
        ];
        let ideas = (1..=IDEAS)
            .map(|n| format!("idea {n:03}: {}", THEMES[n % THEMES.len()]))
            .collect();
        let picks = (0..DOTS)
            .map(|_| (1 + rng.below(9), rng.below(4)))
            .collect();
        let mut script: Vec<Step> = (1..=IDEAS).map(Step::Idea).collect();
        script.extend([Step::EndList, Step::Mode, Step::Voters]);
        script.extend((1..=DOTS).map(Step::Dot));
        script.extend([Step::Review, Step::FinalReview]);
        Plan {
            ideas,
            picks,
            script,
        }
    }

    /// The idea dot N (from 1) goes to.
    fn pick(&self, dot: usize) -> &str {
        let (digit, downs) = self.picks[dot - 1];
        &self.ideas[digit + downs - 1]
    }

    /// The keys of a step, in chunks: a kill may fall between any two.
    fn keys(&self, step: Step) -> Vec<String> {
        match step {
            Step::Idea(n) => {
                let text = &self.ideas[n - 1];
                let half = text.char_indices().nth(text.chars().count() / 2);
                let at = half.map_or(text.len(), |(i, _)| i);
                vec![text[..at].into(), text[at..].into(), ENTER.into()]
            }
            Step::Mode => vec![DOWN.into(), ENTER.into()],
            Step::Dot(n) => {
                let (digit, downs) = self.picks[n - 1];
                let mut keys = vec![digit.to_string()];
                if downs > 0 {
                    keys.push("j".repeat(downs));
                }
                keys.push(ENTER.into());
                keys
            }
            Step::EndList | Step::Voters | Step::Review | Step::FinalReview => {
                vec![ENTER.into()]
            }
        }
    }

    /// What is on screen when the step at `pos` waits for its keys (past the end: the session
    /// is saved and labkit ends).
    fn shown_at(&self, pos: usize) -> String {
        match self.script.get(pos) {
            Some(Step::Idea(n)) => format!("?   {n} › "),
            Some(Step::EndList) => format!("?   {} › ", IDEAS + 1),
            Some(Step::Mode) => "How are the dots counted?".into(),
            Some(Step::Voters) => "How many people vote?".into(),
            Some(Step::Dot(n)) => dot_title(*n),
            Some(Step::Review) => "Review: continue".into(),
            Some(Step::FinalReview) => "Final review".into(),
            None => "session saved".into(),
        }
    }

    /// Entries confirmed once the step at `pos` is on screen.
    fn confirmed_at(&self, pos: usize) -> usize {
        self.script[..pos].iter().filter(|s| s.is_entry()).count()
    }

    fn position(&self, step: Step) -> usize {
        self.script
            .iter()
            .position(|s| *s == step)
            .unwrap_or_else(|| panic!("{step:?} is not in the script"))
    }
}

/// The title of the chooser for dot N (from 1).
fn dot_title(n: usize) -> String {
    let voter = (n - 1) / DOTS_EACH + 1;
    let dot = (n - 1) % DOTS_EACH + 1;
    format!("Voter {voter}/{VOTERS}, dot {dot}/{DOTS_EACH} (dots can be stacked)")
}

/// One labkit process in a pseudo-terminal, with what it printed since the last milestone.
struct Screen {
    p: PtySession,
    seen: String,
}

impl Screen {
    fn spawn(lab: &Lab, args: &[&str]) -> Screen {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_labkit"));
        cmd.args(args)
            .current_dir(lab.path())
            .env_clear()
            .env("HOME", lab.path())
            .env("TERM", "xterm-256color")
            .env("NO_COLOR", "1")
            .env("LANG", "en_GB.UTF-8");
        let p = spawn_command(cmd, Some(TIMEOUT.as_millis() as u64)).expect("spawn labkit");
        Screen {
            p,
            seen: String::new(),
        }
    }

    /// Waits until `text` is printed, polling every millisecond (rexpect's own `exp_*` sleep
    /// 100 ms whenever the text is not there yet, which would make this test several times
    /// slower).
    fn wait_for(&mut self, text: &str, at: impl Display) {
        self.wait_for_any(&[text], at);
    }

    /// Waits until one of `texts` is printed; returns which (the one printed first).
    fn wait_for_any(&mut self, texts: &[&str], at: impl Display) -> usize {
        // rexpect's reader keeps each byte as one char.
        let needles: Vec<String> = texts
            .iter()
            .map(|t| t.bytes().map(char::from).collect())
            .collect();
        let start = Instant::now();
        let mut searched = None;
        loop {
            while let Some(c) = self.p.try_read() {
                self.seen.push(c);
            }
            if searched != Some(self.seen.len()) {
                searched = Some(self.seen.len());
                let found = needles
                    .iter()
                    .enumerate()
                    .filter_map(|(k, n)| Some((self.seen.find(n.as_str())?, k)))
                    .min();
                if let Some((i, k)) = found {
                    self.seen.drain(..i + needles[k].len());
                    return k;
                }
            }
            if start.elapsed() > TIMEOUT {
                let bytes: Vec<u8> = self.seen.chars().map(|c| c as u8).collect();
                let shown = String::from_utf8_lossy(&bytes);
                let tail: String = shown.chars().rev().take(3000).collect();
                let tail: String = tail.chars().rev().collect();
                panic!("{at}: waited {TIMEOUT:?} for {texts:?}; the screen ends with:\n{tail}");
            }
            std::thread::sleep(Duration::from_millis(1));
        }
    }

    fn send(&mut self, keys: &[String]) {
        for k in keys {
            self.p.send(k).expect("send keys");
        }
        self.p.flush().expect("flush keys");
    }

    /// SIGKILL, and waits until the process is gone.
    fn sigkill(mut self, at: impl Display) {
        let process = self.p.process_mut();
        process.signal(Signal::SIGKILL).expect("SIGKILL");
        let status = process.wait().expect("wait");
        assert!(
            matches!(status, WaitStatus::Signaled(_, Signal::SIGKILL, _)),
            "{at}: labkit ended by itself before the kill: {status:?}"
        );
    }
}

fn strings(v: &Value) -> Vec<String> {
    v.as_sequence()
        .map(|s| {
            s.iter()
                .map(|e| e.as_str().unwrap_or("<not a string>").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Dots by idea, from a vote's mapping.
fn counts(v: &Value) -> Vec<(String, u64)> {
    v.as_mapping()
        .map(|m| {
            m.iter()
                .map(|(k, n)| {
                    let k = k.as_str().unwrap_or("<not a string>").to_owned();
                    (k, n.as_u64().unwrap_or(u64::MAX))
                })
                .filter(|(_, n)| *n > 0)
                .collect()
        })
        .unwrap_or_default()
}

/// The dots of `placed`, by idea, sorted (as `sorted(counts(..))`).
fn tally(placed: &[&str]) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = Vec::new();
    for p in placed {
        match out.iter_mut().find(|(k, _)| k == p) {
            Some((_, n)) => *n += 1,
            None => out.push(((*p).to_owned(), 1)),
        }
    }
    out.sort();
    out
}

/// Sorted by idea.
fn sorted(mut v: Vec<(String, u64)>) -> Vec<(String, u64)> {
    v.sort();
    v
}

/// Lists `sessions/`: the session file must be there, next to nothing but its lock file
/// (`.storm.yaml.lock`), the `.gitkeep` of `labkit init` and labkit's temporary files, which
/// are returned.
fn leftovers(lab: &Lab, at: impl Display) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(lab.path().join("sessions"))
        .expect("read sessions/")
        .map(|e| {
            e.expect("dir entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    names.retain(|n| n != ".storm.yaml.lock" && n != ".gitkeep");
    names.sort();
    let (temp, other): (Vec<String>, Vec<String>) = names
        .into_iter()
        .partition(|n| n.starts_with(".labkit-") && n.ends_with(".tmp"));
    assert_eq!(
        other,
        ["storm.yaml"],
        "{at}: sessions/ should hold the session file and nothing else"
    );
    temp
}

/// What the session file holds after a kill.
struct Held {
    /// Where the script carries on after `resume`.
    pos: usize,
    /// Ideas and dots in the file.
    entries: usize,
    /// Every dot is placed but the vote is still in progress: the kill fell between saving the
    /// last dot and moving the vote to `answers`.
    vote_full: bool,
}

/// Checks the session file after a kill with `confirmed` entries confirmed on screen.
fn check_after_kill(lab: &Lab, plan: &Plan, confirmed: usize, at: &str) -> Held {
    let text = std::fs::read_to_string(lab.path().join(SESSION)).expect("read the session");
    let doc: Value = serde_yaml::from_str(&text)
        .unwrap_or_else(|e| panic!("{at}: the session does not parse: {e}\n{text}"));
    assert_eq!(doc["status"].as_str(), Some("in_progress"), "{at}\n{text}");
    let answers = &doc["answers"];
    let progress = doc.get("in_progress");
    let question = progress.and_then(|p| p["question"].as_str());
    let ideas = match answers.get("ideas") {
        Some(v) => strings(v),
        None if question == Some("ideas") => strings(&progress.expect("in_progress")["value"]),
        None => Vec::new(),
    };
    assert!(
        ideas.len() >= confirmed.min(IDEAS),
        "{at}: {} ideas confirmed, the session holds {}\n{text}",
        confirmed.min(IDEAS),
        ideas.len()
    );
    assert!(
        ideas.len() <= IDEAS && ideas[..] == plan.ideas[..ideas.len()],
        "{at}: the ideas are not the ones typed, in order\n{text}"
    );
    if confirmed > IDEAS {
        assert!(
            answers.get("ideas").is_some(),
            "{at}: a dot was confirmed but the list is not an answer\n{text}"
        );
    }
    let dots_confirmed = confirmed.saturating_sub(IDEAS);
    let expected: Vec<&str> = (1..=DOTS).map(|n| plan.pick(n)).collect();

    if let Some(votes) = answers.get("votes") {
        assert_eq!(
            sorted(counts(votes)),
            tally(&expected),
            "{at}: the finished vote is not the dots placed\n{text}"
        );
        return Held {
            pos: plan.position(Step::Review),
            entries: ENTRIES,
            vote_full: false,
        };
    }
    if answers.get("ideas").is_none() {
        return Held {
            pos: plan.position(Step::Idea(1)) + ideas.len(),
            entries: ideas.len(),
            vote_full: false,
        };
    }
    let Some(p) = progress else {
        return Held {
            pos: plan.position(Step::Mode),
            entries: IDEAS,
            vote_full: false,
        };
    };
    assert_eq!(question, Some("votes"), "{at}\n{text}");
    let placed = strings(&p["placed"]);
    let placed: Vec<&str> = placed.iter().map(String::as_str).collect();
    assert!(
        placed.len() >= dots_confirmed,
        "{at}: {dots_confirmed} dots confirmed, the session holds {}\n{text}",
        placed.len()
    );
    assert!(
        placed.len() <= DOTS && placed[..] == expected[..placed.len()],
        "{at}: the dots placed are not the ones picked, in order\n{text}"
    );
    let by_item = sorted(counts(&p["value"]));
    let total: u64 = by_item.iter().map(|(_, n)| n).sum();
    assert!(
        total >= dots_confirmed as u64,
        "{at}: {dots_confirmed} dots confirmed, the counts add up to {total}\n{text}"
    );
    assert_eq!(
        by_item,
        tally(&placed),
        "{at}: the counts are not the dots placed\n{text}"
    );
    let vote_full = placed.len() == DOTS;
    let step = if vote_full {
        // `resume` should finish the vote and go on to the review.
        Step::Review
    } else if p.get("voters").is_some() {
        assert_eq!(p["voters"].as_u64(), Some(VOTERS as u64), "{at}\n{text}");
        Step::Dot(placed.len() + 1)
    } else if p["vote_mode"].as_str() == Some("turns") {
        Step::Voters
    } else {
        Step::Mode
    };
    Held {
        pos: plan.position(step),
        entries: IDEAS + placed.len(),
        vote_full,
    }
}

#[test]
fn sigkill_at_50_moments_never_loses_a_confirmed_entry() {
    let started = Instant::now();
    let seed = std::env::var("LABKIT_KILL_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .filter(|s| *s != 0)
        .unwrap_or(SEED);
    println!("kill test seed: {seed} (LABKIT_KILL_SEED={seed} replays it)");
    let mut rng = Rng(seed);
    let plan = Plan::new(&mut rng);
    // One kill moment in each of 50 equal stretches of the entries, after 1 to 235 confirmed.
    let kills: Vec<usize> = (0..KILLS)
        .map(|i| {
            let lo = 1 + i * (ENTRIES - 1) / KILLS;
            let hi = 1 + (i + 1) * (ENTRIES - 1) / KILLS;
            lo + rng.below(hi - lo)
        })
        .collect();

    let lab = Lab::new();
    lab.run(&["init", "--lab", "Test"]).ok();
    lab.write("methods/storm.yaml", METHOD);
    let participants: Vec<String> = (1..=VOTERS).map(|n| format!("P{n}")).collect();
    let participants = participants.join(",");
    let mut screen = Screen::spawn(
        &lab,
        &[
            "run",
            "storm",
            "--facilitator",
            "Ana",
            "--participants",
            &participants,
            "--no-timer",
            "--session",
            SESSION,
        ],
    );
    let mut pos = 0;
    screen.wait_for(&plan.shown_at(pos), "the first idea");
    let mut done = 0;
    let mut ahead = 0;
    let mut temp_files: Vec<String> = Vec::new();
    loop {
        let confirmed = plan.confirmed_at(pos);
        if done < KILLS && kills[done] <= confirmed {
            done += 1;
            let at = format!(
                "kill {done}/{KILLS} (seed {seed}) after {confirmed} confirmed entries, at {:?}",
                plan.script[pos]
            );
            // One to three more chunks of keys, not waited for, then the kill: sometimes
            // mid-line, sometimes just after Enter, before, during or after the save.
            let more: Vec<String> = plan.script[pos..]
                .iter()
                .flat_map(|s| plan.keys(*s))
                .take(1 + rng.below(3))
                .collect();
            screen.send(&more);
            let pause = rng.below(12);
            if pause > 0 {
                std::thread::sleep(Duration::from_millis(pause as u64));
            }
            screen.sigkill(&at);
            // A temporary file a kill leaves is cleared by the next run on that session.
            let new_temp = leftovers(&lab, &at);
            assert!(
                new_temp.iter().all(|t| !temp_files.contains(t)),
                "{at}: the temporary files of earlier kills are still there: {new_temp:?}"
            );
            let held = check_after_kill(&lab, &plan, confirmed, &at);
            ahead += usize::from(held.entries > confirmed);
            println!(
                "{at}: sent {more:?} and waited {pause} ms; the session holds {} entries{}",
                held.entries,
                if new_temp.is_empty() {
                    String::new()
                } else {
                    format!("; the kill left {new_temp:?} in sessions/")
                }
            );
            temp_files.extend(new_temp);
            pos = held.pos;
            screen = Screen::spawn(&lab, &["resume", SESSION]);
            let resumed = format!("resume after {at}");
            if held.vote_full {
                let extra = dot_title(DOTS + 1);
                let shown = screen.wait_for_any(&[&plan.shown_at(pos), &extra], &resumed);
                assert_eq!(
                    shown, 0,
                    "{resumed}: the session holds all {DOTS} dots, the vote still in progress \
                     (the kill fell between saving the last dot and finishing the vote); \
                     resume should finish the vote, but asks for one dot more: {extra:?}"
                );
            } else if plan.script.get(pos) == Some(&Step::Review) {
                // Killed after the vote's last save: every question is answered, so resume
                // opens the final review (which lists every answer) rather than the step's.
                let final_review = plan.shown_at(pos + 1);
                if screen.wait_for_any(&[&plan.shown_at(pos), &final_review], &resumed) == 1 {
                    pos += 1;
                }
            } else {
                screen.wait_for(&plan.shown_at(pos), &resumed);
            }
            continue;
        }
        let Some(&step) = plan.script.get(pos) else {
            break;
        };
        if step.is_chooser() {
            std::thread::sleep(Duration::from_millis(50));
        }
        screen.send(&plan.keys(step));
        pos += 1;
        screen.wait_for(&plan.shown_at(pos), format!("after {step:?}"));
    }
    assert_eq!(done, KILLS);
    screen.p.exp_eof().expect("labkit ends");
    let status = screen.p.process().wait().expect("wait");
    assert!(
        matches!(status, WaitStatus::Exited(_, 0)),
        "the last run: {status:?}"
    );

    let text = std::fs::read_to_string(lab.path().join(SESSION)).expect("read the session");
    let doc: Value = serde_yaml::from_str(&text).expect("the finished session parses");
    assert_eq!(doc["status"].as_str(), Some("finished"), "{text}");
    assert!(doc.get("in_progress").is_none(), "{text}");
    assert_eq!(strings(&doc["answers"]["ideas"]), plan.ideas, "{text}");
    let votes = counts(&doc["answers"]["votes"]);
    assert_eq!(
        votes.iter().map(|(_, n)| n).sum::<u64>(),
        DOTS as u64,
        "{text}"
    );
    let expected: Vec<&str> = (1..=DOTS).map(|n| plan.pick(n)).collect();
    assert_eq!(sorted(votes), tally(&expected), "{text}");
    let temp = leftovers(&lab, "the end");
    println!(
        "{KILLS} kills in {:.1?}: {ahead} saved an entry typed after the last confirmed one, \
         {} left a temporary file",
        started.elapsed(),
        temp_files.len()
    );
    assert!(
        temp.is_empty(),
        "the finished session left temporary files in sessions/: {temp:?}"
    );
}
