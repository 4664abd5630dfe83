//! Benchmark: one autosave of a session holding 2,000 list entries (the issue asks < 5 ms).
//! Run with `cargo bench --bench autosave`.

#![allow(clippy::expect_used)] // a benchmark that cannot save should stop loudly

use std::time::Instant;

use labkit::session::{MethodRef, Session};
use serde_yaml::{Mapping, Value};

fn main() {
    let ideas: Vec<Value> = (0..2000)
        .map(|i| {
            Value::String(format!(
                "Idea number {i}: send a reminder by SMS two months before the card expires"
            ))
        })
        .collect();
    let mut votes = Mapping::new();
    for i in 0..2000 {
        votes.insert(
            Value::String(format!(
                "Idea number {i}: send a reminder by SMS two months before the card expires"
            )),
            Value::from(i % 7),
        );
    }
    let mut answers = Mapping::new();
    answers.insert(
        "challenge".into(),
        "How might we help citizens renew their card on time?".into(),
    );
    answers.insert("ideas".into(), Value::Sequence(ideas));
    answers.insert("idea_votes".into(), Value::Mapping(votes));
    let method_ref = MethodRef {
        id: "brainstorm".into(),
        version: 1,
        hash: "0".repeat(64),
        playbook: false,
        source: None,
    };
    let mut session = Session::new(method_ref, "en", "2026-11-26T10:00:00Z");
    session.labkit_version = "bench".into();
    session.lab = Some("Bench Lab".into());
    session.facilitator = Some("Ana".into());
    session.participants = vec!["Rui".into(), "Eva".into()];
    session.answers = answers;
    // Every session now carries a copy of its method.
    session.method_copy = Some(labkit::session::MethodCopy {
        text: String::from_utf8_lossy(
            labkit::library::built_in_source("brainstorm").expect("built-in brainstorm"),
        )
        .into_owned(),
        methods: Default::default(),
    });
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("session.yaml");
    let runs = 200;
    // As `labkit run` saves: one writer for the session file, reused for every save.
    let mut writer = labkit::session::Writer::new(&path);
    writer.save(&session).expect("warm-up save");
    let start = Instant::now();
    for _ in 0..runs {
        writer.save(&session).expect("save");
    }
    let each = start.elapsed() / runs;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "autosave of a session with 2,000 ideas and 2,000 votes ({size} bytes): {each:?} per save (mean of {runs}, fsync included)"
    );
    // A save after a new answer: the answers changed, so their YAML is made again.
    let start = Instant::now();
    for i in 0..runs {
        session.answers.insert(
            "challenge".into(),
            Value::from(format!("Challenge, version {i}")),
        );
        writer.save(&session).expect("save");
    }
    let each = start.elapsed() / runs;
    println!("the same, each save after a changed answer: {each:?} per save (mean of {runs})");
    // The same session while a second list is being typed, entry by entry, from 2,000 entries
    // on: every Enter saves the whole file (the answers' YAML is reused, the list's is not).
    let entries: Vec<Value> = (0..2000)
        .map(|i| Value::from(format!("Parking-lot point number {i} about opening hours")))
        .collect();
    session.in_progress = Some(labkit::engine::InProgress::new(
        "parking_lot",
        Value::Sequence(entries),
    ));
    writer.save(&session).expect("warm-up save");
    let start = Instant::now();
    for i in 0..runs {
        if let Some(p) = &mut session.in_progress {
            p.entries_mut()
                .push(Value::from(format!("One more point, number {i}")));
        }
        writer.save(&session).expect("save");
    }
    let each = start.elapsed() / runs;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "the same, each save adding one entry to a list of 2,000+ in progress ({size} bytes at the end): {each:?} per save (mean of {runs}, fsync included)"
    );
    // Without the writer's reuse, for comparison: the whole session turned into YAML.
    let start = Instant::now();
    for _ in 0..runs {
        std::hint::black_box(serde_yaml::to_string(&session).expect("yaml"));
    }
    println!(
        "  (turning the whole session into YAML alone takes {:?})",
        start.elapsed() / runs
    );
}
