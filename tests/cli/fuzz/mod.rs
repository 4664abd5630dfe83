//! The fuzz suite, on stable Rust: property-based tests (proptest) that feed labkit mutated and
//! hostile inputs and check that it never panics, never hangs, exits 0, 1 or 2, and that what
//! a participant typed is what a reader of the report sees.
//!
//! Targets: the method parser and validator (`method`), session and answers loading
//! (`session`), answers into every report format read back by a Markdown, HTML, XML and
//! iCalendar reader (`report`, `calendar`), CSV reading in `assign` (`assign`), and the real
//! binary on all of them (`binary`). Each is seeded with the built-in files and the hostile
//! corpus in tests/fixtures/hostile/ (answers/, methods/, sessions/, csv/).
//!
//! `cargo test` runs every corpus file and a few dozen generated cases per target, in a few
//! seconds. `LABKIT_FUZZ_SECONDS=60` spreads a minute over the targets instead (`.ci/run`
//! does this): each runs until its share is spent and prints its executions per second. A
//! failure prints the smallest input proptest could shrink it to and the seed; run again with
//! `LABKIT_FUZZ_SEED=<seed>` to reproduce it. Every input runs on a thread of its own and
//! counts as a hang after `LABKIT_FUZZ_CASE_SECONDS` (10 by default: these are debug builds).

mod assign;
mod binary;
mod calendar;
mod method;
mod report;
mod session;

use std::cell::Cell;
use std::fmt::Debug;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use proptest::prelude::*;
use proptest::test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner};

/// How many `fuzz_*` targets share `LABKIT_FUZZ_SECONDS`.
const TARGETS: f64 = 7.0;

/// Files of the hostile corpus in `tests/fixtures/hostile/<dir>/`, by name.
pub fn hostile(dir: &str) -> Vec<(String, Vec<u8>)> {
    files(&crate::support::fixture(&format!("hostile/{dir}")))
}

/// Every file of a folder (not its subfolders), sorted by name.
pub fn files(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| {
            let path = e.ok()?.path();
            path.is_file().then(|| {
                let name = path.file_name()?.to_str()?.to_owned();
                Some((name, std::fs::read(&path).ok()?))
            })?
        })
        .collect();
    out.sort();
    out
}

/// The repository's own folder of `rel`.
pub fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// How long one input may take before it counts as a hang.
pub fn case_budget() -> Duration {
    let seconds = std::env::var("LABKIT_FUZZ_CASE_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| *s > 0.0)
        .unwrap_or(10.0);
    Duration::from_secs_f64(seconds)
}

/// Runs `f` on a thread of its own and waits at most [`case_budget`]: a panic comes back as
/// this thread's panic (proptest then shrinks the input), and running past the budget is a
/// failure of its own, a hang. A hung thread cannot be stopped; it ends with the test process.
pub fn guarded<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (send, receive) = std::sync::mpsc::channel();
    let worker = std::thread::Builder::new()
        .name(format!("fuzz {what}"))
        // Debug builds use deep stacks on nested YAML and Markdown; give them room.
        .stack_size(16 * 1024 * 1024)
        .spawn(move || {
            let _ = send.send(f());
        })
        .expect("spawn a fuzz worker");
    let budget = case_budget();
    match receive.recv_timeout(budget) {
        Ok(value) => {
            let _ = worker.join();
            value
        }
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: still running after {budget:?}: a hang")
        }
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => panic!("{what}: the worker ended without an answer"),
        },
    }
}

/// The seed of this run: `LABKIT_FUZZ_SEED`, else a fixed one for `cargo test` (the same cases
/// every time) and a fresh one for a timed run (new cases every time, printed to reproduce).
fn seed(timed: bool) -> u64 {
    if let Some(seed) = std::env::var("LABKIT_FUZZ_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
    {
        return seed;
    }
    if !timed {
        return 0x1ab_c1d;
    }
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).expect("random bytes");
    u64::from_le_bytes(bytes)
}

/// Runs one fuzz target: `cases` generated inputs under `cargo test`; with
/// `LABKIT_FUZZ_SECONDS`, batches of inputs until its share of the time is spent. Prints the
/// executions per second either way.
pub fn fuzz<S>(
    target: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> Result<(), TestCaseError>,
) where
    S: Strategy,
    S::Value: Debug,
{
    let share = std::env::var("LABKIT_FUZZ_SECONDS")
        .ok()
        .and_then(|s| s.parse::<f64>().ok())
        .filter(|s| *s > 0.0)
        .map(|total| Duration::from_secs_f64(total / TARGETS));
    let seed = seed(share.is_some());
    let config = Config {
        cases,
        failure_persistence: None,
        max_shrink_time: 60_000,
        max_global_rejects: 100_000,
        ..Config::default()
    };
    let executed = Cell::new(0u64);
    let started = Instant::now();
    for batch in 0u64.. {
        // A runner counts its cases once: each batch gets its own, seeded from the run's seed
        // and the batch number, so a run is reproduced batch for batch.
        let mut key = [0u8; 32];
        key[..8].copy_from_slice(&seed.to_le_bytes());
        key[8..16].copy_from_slice(&batch.to_le_bytes());
        let rng = TestRng::from_seed(RngAlgorithm::ChaCha, &key);
        let mut runner = TestRunner::new_with_rng(config.clone(), rng);
        let result = runner.run(&strategy, |input| {
            executed.set(executed.get() + 1);
            test(input)
        });
        if let Err(failure) = result {
            panic!("fuzz target `{target}` failed (LABKIT_FUZZ_SEED={seed}): {failure}");
        }
        match share {
            Some(share) if started.elapsed() < share => continue,
            _ => break,
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    // Printed for people (`--nocapture`): .ci/run shows these lines.
    eprintln!(
        "fuzz {target}: {} executions in {seconds:.1} s, {:.0}/s (seed {seed})",
        executed.get(),
        executed.get() as f64 / seconds.max(1e-9)
    );
}

/// Text that has broken some reader somewhere: Markdown and HTML structure, YAML syntax,
/// handlebars, iCalendar and CSV delimiters, line ends of every kind, control characters.
pub const FRAGMENTS: &[&str] = &[
    "#",
    "## ",
    "\n# ",
    "-",
    "- ",
    "+ ",
    "* ",
    "1. ",
    "2) ",
    "=",
    "===",
    "---",
    "> ",
    "    ",
    "\t",
    "```",
    "~~~",
    "`",
    "*",
    "**",
    "_",
    "~~",
    "[",
    "]",
    "(",
    ")",
    "[x](javascript:alert(1))",
    "![i](x.png)",
    "<",
    ">",
    "<script>",
    "</script>",
    "<img src=x onerror=alert(1)>",
    "<a href=\"",
    "javascript:",
    "<!--",
    "-->",
    "<![CDATA[",
    "&",
    "&amp;",
    "&#60;",
    "&lt;",
    "\\",
    "|",
    "| a |",
    "|---|",
    "{{",
    "}}",
    "{{#each this}}",
    "{{/each}}",
    "{{> p}}",
    "{{{",
    "\"",
    "'",
    ":",
    ": ",
    "&a",
    "*a",
    "!!binary",
    "? ",
    "%YAML",
    "\r",
    "\n",
    "\r\n",
    "\n\n",
    "\u{b}",
    "\u{c}",
    "\u{85}",
    "\u{2028}",
    "\u{2029}",
    "\0",
    "\u{1b}[2J",
    "\u{1b}]0;t\u{7}",
    "\u{7f}",
    "\u{1}",
    "\u{fffe}",
    "\u{ffff}",
    "\u{feff}",
    "\u{202e}",
    "\u{200d}",
    "e\u{301}",
    "😀",
    "ação",
    "BEGIN:VEVENT",
    "END:VEVENT",
    "SUMMARY:",
    ";",
    ",",
    "=HYPERLINK(\"x\")",
    "@SUM(A1)",
    "+cmd|",
    "-2+3",
    " ",
    "  ",
    "x",
];

/// One piece of hostile text: fragments, any characters, plain words.
pub fn hostile_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            5 => prop::sample::select(FRAGMENTS).prop_map(str::to_owned),
            2 => any::<char>().prop_map(String::from),
            2 => "[a-zA-Z0-9 ]{1,8}",
        ],
        0..12,
    )
    .prop_map(|parts| parts.concat())
}

/// A change to a seed file.
#[derive(Debug, Clone)]
pub enum Edit {
    /// Put a fragment at a place (places are fractions of the length, so they shrink well).
    Insert(u16, usize),
    /// Remove up to this many bytes.
    Delete(u16, u8),
    /// Repeat the line at a place.
    DuplicateLine(u16),
    /// Replace a byte with any byte (the file may stop being UTF-8).
    Byte(u16, u8),
    /// Cut the file short.
    Truncate(u16),
}

fn at(len: usize, place: u16) -> usize {
    len * usize::from(place) / usize::from(u16::MAX)
}

/// `seed` with `edits` applied, in order.
pub fn apply(seed: &[u8], edits: &[Edit]) -> Vec<u8> {
    let mut out = seed.to_vec();
    for edit in edits {
        let len = out.len();
        match *edit {
            Edit::Insert(place, fragment) => {
                let i = at(len, place);
                let text = FRAGMENTS[fragment % FRAGMENTS.len()].as_bytes();
                out.splice(i..i, text.iter().copied());
            }
            Edit::Delete(place, n) => {
                let i = at(len, place);
                let end = (i + usize::from(n)).min(len);
                out.drain(i..end);
            }
            Edit::DuplicateLine(place) => {
                let i = at(len, place);
                let start = out[..i]
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |p| p + 1);
                let end = out[i..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(len, |p| i + p + 1);
                let line = out[start..end].to_vec();
                out.splice(end..end, line);
            }
            Edit::Byte(place, byte) => {
                if len > 0 {
                    let i = at(len - 1, place);
                    out[i] = byte;
                }
            }
            Edit::Truncate(place) => out.truncate(at(len, place)),
        }
    }
    out
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        6 => (any::<u16>(), any::<usize>()).prop_map(|(p, f)| Edit::Insert(p, f)),
        3 => (any::<u16>(), any::<u8>()).prop_map(|(p, n)| Edit::Delete(p, n)),
        2 => any::<u16>().prop_map(Edit::DuplicateLine),
        1 => (any::<u16>(), any::<u8>()).prop_map(|(p, b)| Edit::Byte(p, b)),
        1 => any::<u16>().prop_map(Edit::Truncate),
    ]
}

/// A mutated file: the seed's name (for messages) and the bytes.
#[derive(Clone)]
pub struct Case {
    pub name: String,
    pub bytes: Vec<u8>,
}

impl Debug for Case {
    /// As text, so a failing input can be read (and pasted into a corpus file).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} edited to {:?}",
            self.name,
            String::from_utf8_lossy(&self.bytes)
        )
    }
}

/// A seed file (by its index in `seeds`) with a few edits, the seed's name kept for messages.
pub fn mutated(seeds: Vec<(String, Vec<u8>)>) -> impl Strategy<Value = Case> {
    assert!(!seeds.is_empty(), "no seeds");
    let seeds = Arc::new(seeds);
    // Mostly one to three edits: a file stays close enough to its seed to get past the YAML
    // parser to the checks behind it, yet each edit can still break it.
    let edits = prop_oneof![
        1 => prop::collection::vec(edit(), 0..1),
        6 => prop::collection::vec(edit(), 1..3),
        2 => prop::collection::vec(edit(), 3..8),
    ];
    (0..seeds.len(), edits).prop_map(move |(i, edits)| {
        let (name, bytes) = &seeds[i];
        Case {
            name: name.clone(),
            bytes: apply(bytes, &edits),
        }
    })
}

/// The `id:` a method or answers seed declares, to name the file as `validate` expects.
pub fn declared_id(bytes: &[u8]) -> Option<String> {
    let text = String::from_utf8_lossy(bytes);
    text.lines()
        .find_map(|l| l.strip_prefix("id: "))
        .map(|id| id.trim().to_owned())
        .filter(|id| !id.is_empty() && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
}

#[test]
fn mutations_stay_near_their_seed() {
    let seed = b"schema: 1\nid: x\nsteps: []\n";
    assert_eq!(apply(seed, &[]), seed.to_vec());
    assert_eq!(apply(seed, &[Edit::Truncate(0)]), Vec::<u8>::new());
    let doubled = apply(seed, &[Edit::DuplicateLine(0)]);
    assert!(
        doubled.starts_with(b"schema: 1\nschema: 1\n"),
        "{doubled:?}"
    );
    assert_eq!(declared_id(seed).as_deref(), Some("x"));
}
