//! The room under load: forty simulated participants, each on its own loopback address, post
//! twenty-five entries each as fast as they can, all at once, then each places three dots.
//! Every entry the server said it took is in the session file exactly once, nothing else is,
//! and every ballot is there; after a `kill -9` and `resume --room` the room comes back at the
//! same address with the vote and every ballot kept.
//!
//! The times are printed (run with `--nocapture`), not asserted: the figures for the issue come
//! from `cargo bench --bench room`, on the release build.

use std::collections::HashMap;
use std::time::{Duration, Instant};

use crate::pty::{ENTER, at, expect, send};
use crate::room_crowd::{self, percentile};

const PARTICIPANTS: usize = 40;
const ENTRIES: usize = 25;

fn session_file(dir: &std::path::Path) -> std::path::PathBuf {
    let sessions = dir.join("sessions");
    std::fs::read_dir(&sessions)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "yaml"))
        .expect("a session file")
}

fn load(dir: &std::path::Path) -> serde_yaml::Value {
    serde_yaml::from_str(&std::fs::read_to_string(session_file(dir)).unwrap()).unwrap()
}

#[test]
fn forty_participants_at_once_lose_nothing_and_nothing_is_saved_twice() {
    let dir = tempfile::tempdir().unwrap();
    let exe = env!("CARGO_BIN_EXE_labkit");
    let mut p = room_crowd::facilitator(exe, dir.path(), 160);
    let (addr, code) = room_crowd::address(&mut p);
    at(&mut p, "nothing yet");

    let start = Instant::now();
    let sent = room_crowd::write_entries(addr, &code, PARTICIPANTS, ENTRIES, None);
    let wall = start.elapsed();
    assert_eq!(sent.len(), PARTICIPANTS * ENTRIES);
    let refused: Vec<_> = sent.iter().filter(|s| !s.taken()).collect();
    assert!(refused.is_empty(), "refused: {refused:?}");

    // Every entry taken is in the file once; there is nothing else.
    let s = load(dir.path());
    let entries = s["room"]["questions"]["ideas"]["entries"]
        .as_sequence()
        .unwrap()
        .clone();
    let mut count: HashMap<String, usize> = HashMap::new();
    for e in &entries {
        *count
            .entry(e["text"].as_str().unwrap().to_owned())
            .or_default() += 1;
    }
    for s in &sent {
        assert_eq!(count.get(&s.text), Some(&1), "{} in the file", s.text);
    }
    assert_eq!(entries.len(), sent.len(), "nothing but what was sent");
    let ids: std::collections::BTreeSet<u64> =
        entries.iter().map(|e| e["id"].as_u64().unwrap()).collect();
    assert_eq!(ids.len(), entries.len(), "ids are unique");
    // Each phone's entries carry its one device id.
    let devices: std::collections::BTreeSet<&str> = entries
        .iter()
        .map(|e| e["device"].as_str().unwrap())
        .collect();
    assert_eq!(devices.len(), PARTICIPANTS);
    let size = std::fs::metadata(session_file(dir.path())).unwrap().len();
    let times: Vec<Duration> = sent.iter().map(|s| s.took()).collect();
    eprintln!(
        "room load: {} entries from {PARTICIPANTS} participants in {wall:.2?}; post → saved p50 {:.1?}, p99 {:.1?}, max {:.1?}; session file {size} bytes",
        sent.len(),
        percentile(times.clone(), 50.0),
        percentile(times.clone(), 99.0),
        percentile(times, 100.0),
    );
    expect(&mut p, &format!("{} entries", sent.len()));

    // Close the list (Enter twice): the vote opens to the room.
    send(&mut p, ENTER);
    at(&mut p, "Enter again");
    send(&mut p, ENTER);
    at(&mut p, "Review");
    send(&mut p, ENTER);
    at(&mut p, "Place your dots");
    let ballots = room_crowd::vote(addr, &code, PARTICIPANTS, sent.len());
    let refused: Vec<_> = ballots.iter().filter(|b| !b.taken()).collect();
    assert!(refused.is_empty(), "refused: {refused:?}");
    let s = load(dir.path());
    assert_eq!(
        s["answers"]["ideas"].as_sequence().map(Vec::len),
        Some(sent.len()),
        "the closed list is the answer"
    );
    let kept = s["room"]["questions"]["votes"]["ballots"]
        .as_mapping()
        .unwrap()
        .clone();
    assert_eq!(kept.len(), PARTICIPANTS);
    for (_, ballot) in &kept {
        let dots: u64 = ballot["value"]
            .as_mapping()
            .unwrap()
            .values()
            .map(|n| n.as_u64().unwrap())
            .sum();
        assert_eq!(dots, 3, "{ballot:?}");
    }
    expect(&mut p, &format!("{PARTICIPANTS} answered"));

    // kill -9 (no chance to save anything more), then resume with the room: the same address,
    // the vote with every ballot.
    p.process_mut()
        .kill(rexpect::process::Signal::SIGKILL)
        .unwrap();
    let file = session_file(dir.path());
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg("stty cols 160 rows 50; exec \"$0\" \"$@\"")
        .arg(exe)
        .args(["--methods", "methods", "resume"])
        .arg(&file)
        .args(["--room", "--room-bind", "127.0.0.1", "--room-port", "0"])
        .current_dir(dir.path())
        .env_clear()
        .env("HOME", dir.path())
        .env("PATH", "/usr/bin:/bin")
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .env("LANG", "en_GB.UTF-8");
    let mut p = rexpect::session::spawn_command(cmd, Some(60_000)).unwrap();
    let (addr, again) = room_crowd::address(&mut p);
    assert_eq!(again, code, "the same room code");
    expect(&mut p, &format!("{PARTICIPANTS} answered"));
    let mut phone = room_crowd::phone(0);
    let page = phone.get(addr, &format!("/r/{code}"));
    assert!(page.body.contains("Place your dots"), "{}", page.body);
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    assert_eq!(
        load(dir.path())["room"]["questions"]["votes"]["ballots"]
            .as_mapping()
            .map(|m| m.len()),
        Some(PARTICIPANTS)
    );
}
