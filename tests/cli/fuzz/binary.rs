//! The real binary on every hostile file and on mutated ones: `validate` and `agenda` on
//! methods, `run --answers … --no-input` on answers, `report` in each format on sessions,
//! `assign` on CSVs. Each exits 0, 1 or 2 (never a signal, never a panic's 101), prints no
//! panic, leaves no temporary file and ends within the time budget.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use super::{case_budget, declared_id, fuzz, hostile, mutated};

/// What is done with a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Method,
    Answers,
    Session,
    Csv,
}

/// The commands a file of this kind goes through, with `FILE` for its path.
fn commands(kind: Kind) -> &'static [&'static [&'static str]] {
    match kind {
        Kind::Method => &[
            &["validate", "FILE"],
            &[
                "--methods",
                "FILE",
                "agenda",
                "ID",
                "--format",
                "ics",
                "--date",
                "2027-01-04",
            ],
            &["--methods", "FILE", "show", "ID"],
        ],
        Kind::Answers => &[&[
            "run",
            "METHOD",
            "--answers",
            "FILE",
            "--no-input",
            "--defaults",
            "--session",
            "s.yaml",
            "--report",
            "r.html",
        ]],
        Kind::Session => &[
            &["report", "FILE", "--format", "md"],
            &["report", "FILE", "-o", "r.html"],
            &["report", "FILE", "-o", "r.docx"],
        ],
        Kind::Csv => &[&[
            "assign", "FILE", "--arms", "a,b", "--seed", "7", "-o", "out.csv", "--log", "log.yaml",
        ]],
    }
}

/// Runs `args` in `dir` with a scrubbed environment, killing it past the budget; panics unless
/// it exits 0, 1 or 2 without a panic.
fn drive(dir: &Path, args: &[String]) {
    let started = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_labkit"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("HOME", dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start labkit");
    let mut stderr = child.stderr.take().expect("stderr");
    let reader = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = std::io::Read::read_to_string(&mut stderr, &mut text);
        text
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for labkit") {
            break status;
        }
        if started.elapsed() > case_budget() {
            let _ = child.kill();
            let _ = child.wait();
            panic!(
                "labkit {args:?} still running after {:?}: a hang",
                case_budget()
            );
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    };
    let stderr = reader.join().unwrap_or_default();
    assert!(
        !stderr.contains("panicked"),
        "labkit {args:?} panicked:\n{stderr}"
    );
    assert!(
        matches!(status.code(), Some(0..=2)),
        "labkit {args:?} exited with {status}:\n{stderr}"
    );
    let leftovers: Vec<PathBuf> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.to_string_lossy().contains(".labkit-") && p.to_string_lossy().ends_with(".tmp")
        })
        .collect();
    assert!(leftovers.is_empty(), "labkit {args:?} left {leftovers:?}");
}

/// Writes `bytes` where the commands of `kind` read them and runs each.
fn check(kind: Kind, name: &str, bytes: &[u8]) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let id = declared_id(bytes).unwrap_or_else(|| "fuzz".into());
    let file = match kind {
        Kind::Method => format!("{id}.yaml"),
        Kind::Csv => "units.csv".into(),
        _ if name.ends_with(".json") => "input.json".into(),
        _ => "input.yaml".into(),
    };
    std::fs::write(dir.path().join(&file), bytes).expect("write the case");
    let method = crate::support::fixture("methods/valid/every-type.yaml");
    for command in commands(kind) {
        let args: Vec<String> = command
            .iter()
            .map(|a| match *a {
                "FILE" => file.clone(),
                "ID" => id.clone(),
                "METHOD" => method.display().to_string(),
                other => other.to_owned(),
            })
            .collect();
        drive(dir.path(), &args);
        // Each command starts from a clean folder but for its input.
        for extra in ["s.yaml", "r.html", "r.docx", "out.csv", "log.yaml"] {
            let _ = std::fs::remove_file(dir.path().join(extra));
        }
    }
}

fn corpus() -> Vec<(Kind, String, Vec<u8>)> {
    let mut all = Vec::new();
    for (kind, dir) in [
        (Kind::Method, "methods"),
        (Kind::Answers, "answers"),
        (Kind::Session, "sessions"),
        (Kind::Csv, "csv"),
    ] {
        all.extend(hostile(dir).into_iter().map(|(n, b)| (kind, n, b)));
    }
    all
}

#[test]
fn corpus_the_binary_exits_0_1_or_2_on_every_hostile_file() {
    for (kind, name, bytes) in corpus() {
        check(kind, &name, &bytes);
    }
}

#[test]
fn fuzz_binary() {
    let corpus = corpus();
    let kinds: Vec<Kind> = corpus.iter().map(|(k, _, _)| *k).collect();
    let seeds: Vec<(String, Vec<u8>)> = corpus.into_iter().map(|(_, n, b)| (n, b)).collect();
    // The seed's kind travels with its name.
    let named: Vec<(String, Vec<u8>)> = seeds
        .into_iter()
        .zip(&kinds)
        .map(|((name, bytes), kind)| (format!("{kind:?}/{name}"), bytes))
        .collect();
    fuzz("binary", 6, mutated(named), |case| {
        let (name, bytes) = (case.name, case.bytes);
        let kind = match name.split('/').next() {
            Some("Method") => Kind::Method,
            Some("Answers") => Kind::Answers,
            Some("Session") => Kind::Session,
            _ => Kind::Csv,
        };
        check(kind, &name, &bytes);
        Ok(())
    });
}
