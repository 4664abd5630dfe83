//! Benchmark: the room with forty participants (the issue asks, at p99, under 50 ms from a
//! participant's post to the session file and the facilitator's screen, under 10 MB of memory
//! for the server, and nothing at all for a run without `--room`).
//! Run with `cargo bench --bench room` (the release build of labkit, in a pseudo-terminal
//! 160 columns wide, the room on loopback).
//!
//! 1. A burst: 40 phones post 25 entries each as fast as they can, all at once.
//! 2. A room at a human pace: 40 phones post 10 entries each, about one every 1.5 s each
//!    (some 27 entries a second in all); each entry is timed until its answer (saved) and until
//!    it is on the facilitator's panel.
//! 3. Memory and threads of the labkit process: a run with `--room`, at rest and after the
//!    load, against the same run without it.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // a benchmark stops loudly

#[path = "../tests/cli/http_client.rs"]
#[allow(dead_code)] // shared with the tests, which use all of it
mod http_client;
#[path = "../tests/cli/room_crowd.rs"]
mod room_crowd;

use std::time::{Duration, Instant};

use room_crowd::percentile;

const EXE: &str = env!("CARGO_BIN_EXE_labkit");

/// The labkit process running in `dir` (rexpect does not give its pid out).
fn pid_in(dir: &std::path::Path) -> i32 {
    let dir = dir.canonicalize().unwrap();
    std::fs::read_dir("/proc")
        .unwrap()
        .filter_map(Result::ok)
        .filter_map(|e| e.file_name().to_str()?.parse::<i32>().ok())
        .find(|pid| {
            let exe = std::fs::read_link(format!("/proc/{pid}/exe")).unwrap_or_default();
            let cwd = std::fs::read_link(format!("/proc/{pid}/cwd")).unwrap_or_default();
            cwd == dir && exe.file_name().is_some_and(|n| n == "labkit")
        })
        .expect("the labkit process")
}

/// VmRSS, VmHWM (kB) and thread count of a process, from /proc.
fn memory(pid: i32) -> (u64, u64, u64) {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |name: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|v| v.split_whitespace().next())
            .and_then(|v| v.parse().ok())
            .unwrap_or(0)
    };
    (field("VmRSS:"), field("VmHWM:"), field("Threads:"))
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn report(what: &str, times: Vec<Duration>) {
    println!(
        "{what}: n {}, p50 {}, p99 {}, max {}",
        times.len(),
        ms(percentile(times.clone(), 50.0)),
        ms(percentile(times.clone(), 99.0)),
        ms(percentile(times, 100.0)),
    );
}

fn main() {
    // Without the room: memory and threads at the first question.
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("methods")).unwrap();
    std::fs::write(dir.path().join("methods/crowd.yaml"), room_crowd::METHOD).unwrap();
    let mut cmd = std::process::Command::new("sh");
    cmd.arg("-c")
        .arg("stty cols 160 rows 50; exec \"$0\" \"$@\"")
        .arg(EXE)
        .args([
            "--methods",
            "methods",
            "run",
            "crowd",
            "--facilitator",
            "Ana",
        ])
        .args(["--participants", "Rui"])
        .current_dir(dir.path())
        .env_clear()
        .env("HOME", dir.path())
        .env("PATH", "/usr/bin:/bin")
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1");
    let mut plain = rexpect::session::spawn_command(cmd, Some(30_000)).unwrap();
    plain.exp_string("countdown").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let (rss_plain, _, threads_plain) = memory(pid_in(dir.path()));
    plain.send_control('c').unwrap();
    let _ = plain.exp_eof();

    // 1. The burst.
    let dir = tempfile::tempdir().unwrap();
    let mut p = room_crowd::facilitator(EXE, dir.path(), 160);
    let (addr, code) = room_crowd::address(&mut p);
    let pid = pid_in(dir.path());
    p.exp_string("nothing yet").unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let (rss_room, _, threads_room) = memory(pid);
    let start = Instant::now();
    let sent = room_crowd::write_entries(addr, &code, 40, 25, None);
    let wall = start.elapsed();
    assert!(sent.iter().all(|s| s.taken()), "every entry taken");
    println!(
        "burst: 1,000 entries from 40 participants at once in {}",
        ms(wall)
    );
    report(
        "burst, post → saved",
        sent.iter().map(room_crowd::Sent::took).collect(),
    );
    let size = std::fs::read_dir(dir.path().join("sessions"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.metadata().unwrap().len())
        .max()
        .unwrap_or(0);
    println!("session file after the burst: {size} bytes");
    let (_, hwm_burst, _) = memory(pid);
    p.send_control('c').unwrap();
    let _ = p.exp_eof();

    // 2. A human pace, watching the screen.
    let dir = tempfile::tempdir().unwrap();
    let mut p = room_crowd::facilitator(EXE, dir.path(), 160);
    let (addr, code) = room_crowd::address(&mut p);
    let pid = pid_in(dir.path());
    p.exp_string("nothing yet").unwrap();
    let code2 = code.clone();
    let crowd = std::thread::spawn(move || {
        room_crowd::write_entries(addr, &code2, 40, 10, Some(Duration::from_millis(1500)))
    });
    let seen = room_crowd::watch_screen(&mut p, 400, Duration::from_secs(60));
    let sent = crowd.join().unwrap();
    assert!(sent.iter().all(|s| s.taken()), "every entry taken");
    report(
        "human pace, post → saved",
        sent.iter().map(room_crowd::Sent::took).collect(),
    );
    let on_screen: Vec<Duration> = sent
        .iter()
        .filter_map(|s| {
            seen.get(&s.text)
                .map(|t| t.saturating_duration_since(s.sent))
        })
        .collect();
    println!(
        "human pace: {} of {} entries seen on the panel",
        on_screen.len(),
        sent.len()
    );
    report("human pace, post → on the facilitator's screen", on_screen);
    let (rss_after, hwm, _) = memory(pid);
    p.send_control('c').unwrap();
    let _ = p.exp_eof();

    println!(
        "memory: without --room {rss_plain} kB ({threads_plain} threads); with --room at rest {rss_room} kB ({threads_room} threads), +{} kB; after 400 entries {rss_after} kB (peak {hwm} kB); peak during the burst {hwm_burst} kB",
        rss_room.saturating_sub(rss_plain)
    );
}
