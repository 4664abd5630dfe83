//! Benchmark: one autosave of a session holding 2,000 list entries (the issue asks < 5 ms).
//! Run with `cargo bench --bench autosave`.

#![allow(clippy::expect_used)] // a benchmark that cannot save should stop loudly

use std::time::Instant;

use labkit::session::{MethodRef, Session, Status};
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
    let session = Session {
        schema: 1,
        labkit_version: "bench".into(),
        method: MethodRef {
            id: "brainstorm".into(),
            version: 1,
            hash: "0".repeat(64),
            playbook: false,
        },
        language: "en".into(),
        lab: Some("Bench Lab".into()),
        facilitator: Some("Ana".into()),
        participants: vec!["Rui".into(), "Eva".into()],
        started: "2026-11-26T10:00:00Z".into(),
        updated: "2026-11-26T10:00:00Z".into(),
        finished: None,
        status: Status::InProgress,
        answers,
        step_times: Default::default(),
        done: Vec::new(),
    };
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("session.yaml");
    let runs = 200;
    session.save(&path).expect("warm-up save");
    let start = Instant::now();
    for _ in 0..runs {
        session.save(&path).expect("save");
    }
    let each = start.elapsed() / runs;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "autosave of a session with 2,000 ideas and 2,000 votes ({size} bytes): {each:?} per save (mean of {runs}, fsync included)"
    );
}
