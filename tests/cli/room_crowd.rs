//! A crowd in the room, for the load test (`room_load.rs`) and the benchmark
//! (`benches/room.rs`, which includes this file): labkit runs as the facilitator in a
//! pseudo-terminal with `--room` on loopback, and simulated participants — each on a thread of
//! its own, speaking from a loopback address of its own (127.0.0.2, .3, … as phones on a Wi-Fi
//! each have theirs) — open the page and post entries and ballots as the page's script does.
//!
//! Every post is timed from just before it is sent to its answer, which the server gives only
//! once the engine has saved the session file; the screen is watched too, so the time until an
//! entry is on the facilitator's panel can be measured. Bounded: a fixed number of
//! participants and posts, loopback only.

#![allow(dead_code)] // the test and the benchmark each use part of it

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use rexpect::session::{PtySession, spawn_command};

use super::http_client::Device;

/// A small method: silent writing open to the room, then a vote on what was written.
pub const METHOD: &str = "schema: 1
id: crowd
name: Crowd
summary: Many people write ideas, then vote.
stage: ideation
duration: 20m
steps:
  - id: write
    title: Write ideas
    timebox: 5m
    questions:
      - { id: ideas, type: list, prompt: Ideas, room: true }
  - id: vote
    title: Vote
    timebox: 3m
    questions:
      - { id: votes, type: vote, from: ideas, dots: 3, prompt: Place your dots, room: true }
";

/// The facilitator's labkit in a pseudo-terminal `cols` wide, running `crowd` with the room on
/// 127.0.0.1 (any free port), in `dir` (which gets `methods/crowd.yaml`).
pub fn facilitator(exe: &str, dir: &Path, cols: u16) -> PtySession {
    facilitator_of(exe, dir, cols, "crowd", METHOD)
}

/// The same with any method (`id`, its YAML).
pub fn facilitator_of(exe: &str, dir: &Path, cols: u16, id: &str, method: &str) -> PtySession {
    std::fs::create_dir_all(dir.join("methods")).unwrap();
    std::fs::write(dir.join(format!("methods/{id}.yaml")), method).unwrap();
    let mut cmd = Command::new("sh");
    cmd.arg("-c")
        .arg(format!("stty cols {cols} rows 50; exec \"$0\" \"$@\""))
        .arg(exe)
        .args([
            "--methods",
            "methods",
            "run",
            id,
            "--facilitator",
            "Ana",
            "--participants",
            "Rui",
            "--room",
            "--room-bind",
            "127.0.0.1",
            "--room-port",
            "0",
        ])
        .current_dir(dir)
        .env_clear()
        .env("HOME", dir)
        .env("PATH", "/usr/bin:/bin")
        .env("TERM", "xterm-256color")
        .env("NO_COLOR", "1")
        .env("LANG", "en_GB.UTF-8");
    spawn_command(cmd, Some(60_000)).expect("spawn labkit in a pty")
}

/// The room's address on the facilitator's screen: (socket address, room code).
pub fn address(p: &mut PtySession) -> (SocketAddr, String) {
    p.exp_string("Room open: ").unwrap();
    let (_, url) = p
        .exp_regex(r"http://127\.0\.0\.1:[0-9]+/r/[A-Z0-9-]+\s")
        .unwrap();
    let rest = url.trim().trim_start_matches("http://127.0.0.1:");
    let (port, code) = rest.split_once("/r/").unwrap();
    (
        SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), port.parse().unwrap()),
        code.to_owned(),
    )
}

/// One post: what it carried, when it left, when its answer came, and the answer's status.
#[derive(Debug, Clone)]
pub struct Sent {
    pub participant: usize,
    pub text: String,
    pub sent: Instant,
    pub answered: Instant,
    pub status: u16,
}

impl Sent {
    pub fn took(&self) -> Duration {
        self.answered - self.sent
    }

    pub fn taken(&self) -> bool {
        self.status == 200
    }
}

/// Participant `i`'s phone: its own loopback address.
pub fn phone(i: usize) -> Device {
    Device {
        from: Some(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2 + i as u8))),
        ..Device::default()
    }
}

/// A hidden form field's value on a page.
pub fn field(body: &str, name: &str) -> String {
    body.split(&format!("name=\"{name}\" value=\""))
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned()
}

/// The text of participant `i`'s entry `j`: unique, so the session file can be searched.
pub fn entry_text(i: usize, j: usize) -> String {
    format!("idea p{i:02}-e{j:02} from the crowd")
}

/// `participants` phones open the room's page at once and each posts `entries` entries, one
/// after the other, as the page's script does (the answer's fresh token goes with the next
/// post), waiting `pause` between two (a person writes; `None` posts as fast as it can).
pub fn write_entries(
    addr: SocketAddr,
    code: &str,
    participants: usize,
    entries: usize,
    pause: Option<Duration>,
) -> Vec<Sent> {
    let page = format!("/r/{code}");
    let add = format!("/r/{code}/add");
    let threads: Vec<_> = (0..participants)
        .map(|i| {
            let (page, add) = (page.clone(), add.clone());
            std::thread::spawn(move || {
                let mut phone = phone(i);
                let first = phone.get(addr, &page);
                assert_eq!(first.status, 200, "{first:?}");
                let key = field(&first.body, "key");
                let mut token = first.token();
                let mut sent = Vec::with_capacity(entries);
                for j in 0..entries {
                    if let Some(pause) = pause {
                        // Spread out, as people are: between half and one and a half pauses.
                        let spread = (i * 7 + j * 13) % 100;
                        std::thread::sleep(pause / 2 + pause * spread as u32 / 100);
                    }
                    let text = entry_text(i, j);
                    let start = Instant::now();
                    let resp = phone.post_json(
                        addr,
                        &add,
                        &[("token", &token), ("key", &key), ("text", &text)],
                    );
                    let answered = Instant::now();
                    if let Some(t) = resp.json()["token"].as_str() {
                        token = t.to_owned();
                    }
                    sent.push(Sent {
                        participant: i,
                        text,
                        sent: start,
                        answered,
                        status: resp.status,
                    });
                }
                sent
            })
        })
        .collect();
    threads
        .into_iter()
        .flat_map(|t| t.join().expect("a participant's thread"))
        .collect()
}

/// Every phone places its three dots on three items of the vote now open (their indices
/// spread over the items), with a fresh page each.
pub fn vote(addr: SocketAddr, code: &str, participants: usize, items: usize) -> Vec<Sent> {
    let page = format!("/r/{code}");
    let ballot = format!("/r/{code}/ballot");
    let threads: Vec<_> = (0..participants)
        .map(|i| {
            let (page, ballot) = (page.clone(), ballot.clone());
            std::thread::spawn(move || {
                let mut phone = phone(i);
                let first = phone.get(addr, &page);
                assert_eq!(first.status, 200, "{first:?}");
                let key = field(&first.body, "key");
                let token = first.token();
                let picks: Vec<String> = (0..3)
                    .map(|k| format!("d{}", (i * 31 + k * 17) % items))
                    .collect();
                let mut fields: Vec<(String, String)> =
                    vec![("token".into(), token), ("key".into(), key)];
                for pick in &picks {
                    match fields.iter_mut().find(|(k, _)| k == pick) {
                        Some((_, n)) => *n = (n.parse::<u32>().unwrap_or(0) + 1).to_string(),
                        None => fields.push((pick.clone(), "1".into())),
                    }
                }
                let fields: Vec<(&str, &str)> = fields
                    .iter()
                    .map(|(k, v)| (k.as_str(), v.as_str()))
                    .collect();
                let start = Instant::now();
                let resp = phone.post_json(addr, &ballot, &fields);
                Sent {
                    participant: i,
                    text: picks.join(","),
                    sent: start,
                    answered: Instant::now(),
                    status: resp.status,
                }
            })
        })
        .collect();
    threads
        .into_iter()
        .map(|t| t.join().expect("a participant's thread"))
        .collect()
}

/// The `p`-th percentile (0–100) of some durations, by the nearest-rank method.
pub fn percentile(mut times: Vec<Duration>, p: f64) -> Duration {
    if times.is_empty() {
        return Duration::ZERO;
    }
    times.sort_unstable();
    let rank = ((p / 100.0) * times.len() as f64).ceil() as usize;
    times[rank.clamp(1, times.len()) - 1]
}

/// Reads the facilitator's screen until every text in `wanted` has been on it (or `limit`
/// passes); when each was first seen. The panel lists the newest entries, so with people
/// writing at a human pace every entry is drawn at least once. Read character by character
/// (rexpect's own waiting polls every 100 ms, too coarse to time a screen).
pub fn watch_screen(
    p: &mut PtySession,
    wanted: usize,
    limit: Duration,
) -> std::collections::HashMap<String, Instant> {
    const WIDTH: usize = "idea p00-e00 from the crowd".len();
    let mut seen = std::collections::HashMap::new();
    let start = Instant::now();
    let mut window = String::new();
    while seen.len() < wanted && start.elapsed() < limit {
        let Some(c) = p.try_read() else {
            std::thread::sleep(Duration::from_millis(1));
            continue;
        };
        window.push(c);
        if window.len() > 4 * WIDTH {
            let cut = window.len() - 2 * WIDTH;
            let cut = (cut..window.len())
                .find(|&i| window.is_char_boundary(i))
                .unwrap_or(window.len());
            window.drain(..cut);
        }
        if window.ends_with(" from the crowd") && window.len() >= WIDTH {
            let text = &window[window.len() - WIDTH..];
            if text.starts_with("idea p") {
                seen.entry(text.to_owned()).or_insert_with(Instant::now);
            }
        }
    }
    seen
}
