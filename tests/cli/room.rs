//! `run --room` and `resume --room` from the facilitator's side: refused without a terminal;
//! in a pseudo-terminal (80 and 160 columns) the room's address is on screen, the room really
//! listens there, the ordinary prompts still work through the room's key channel, and the
//! room's code is kept in the session so a resumed room has the same address.
//!
//! The facilitator's panel is driven with entries of the facilitator's own. The last test
//! sends a participant's entry over HTTP, as a phone would, and finds it on the panel and in
//! the session file.

use std::net::TcpStream;

use rexpect::session::PtySession;

use crate::http_client::Device;
use crate::pty::{ENTER, at, expect, labkit, send, session, type_at, yaml};
use crate::support::Lab;

/// The room's address as the terminal shows it: (port, code).
fn address(p: &mut PtySession) -> (u16, String) {
    let (addr, code) = crate::room_crowd::address(p);
    (addr.port(), code)
}

/// A brainstorm with the room on loopback, at any free port.
const BRAINSTORM_ROOM: [&str; 12] = [
    "run",
    "brainstorm",
    "--no-timer",
    "--facilitator",
    "Ana",
    "--participants",
    "Rui",
    "--room",
    "--room-bind",
    "127.0.0.1",
    "--room-port",
    "0",
];

#[test]
fn a_room_needs_a_terminal() {
    let lab = Lab::new();
    for args in [
        &["run", "brainstorm", "--room"][..],
        &["run", "brainstorm", "--room", "--no-input", "--defaults"],
    ] {
        let run = lab.run(args).code(2);
        assert!(
            run.stderr.contains("`--room` needs a terminal"),
            "{}",
            run.stderr
        );
    }
    assert!(
        !lab.path().join("sessions").exists(),
        "nothing is created before the refusal"
    );
    lab.write("s.yaml", "not: a session\n");
    let run = lab.run(&["resume", "s.yaml", "--room"]).code(2);
    assert!(
        run.stderr.contains("`--room` needs a terminal"),
        "{}",
        run.stderr
    );
    // The room's own flags mean nothing without it.
    let run = lab
        .run(&["run", "brainstorm", "--room-port", "7000"])
        .code(2);
    assert!(run.stderr.contains("--room"), "{}", run.stderr);
}

#[test]
fn a_room_run_shows_its_address_and_resumes_at_the_same_one() {
    for cols in [80, 160] {
        let lab = Lab::new();
        let room = ["--room", "--room-bind", "127.0.0.1", "--room-port", "0"];
        let args = [
            &["run", "brainstorm", "--no-timer", "--facilitator", "Ana"][..],
            &["--participants", "Rui,Eva"],
            &room,
        ]
        .concat();
        let mut p = labkit(&lab, cols, &args);
        let (port, code) = address(&mut p);
        assert!(code.len() >= 8, "{code}");
        // The room listens where the screen says.
        assert!(
            TcpStream::connect(("127.0.0.1", port)).is_ok(),
            "port {port}"
        );
        at(&mut p, "as it arrives");
        // Ordinary prompts read their keys through the room's channel.
        type_at(
            &mut p,
            "The challenge",
            "How might we help citizens renew on time?",
        );
        at(&mut p, "agreed to the rules");
        p.send_control('c').unwrap();
        expect(&mut p, "resume");
        p.exp_eof().unwrap();
        let s = session(lab.path());
        assert_eq!(s["room"]["code"], yaml(&code), "{s:?}");
        assert_eq!(
            s["answers"]["challenge"],
            yaml("How might we help citizens renew on time?")
        );

        let file = crate::pty::session_file(lab.path());
        let file = file.to_str().unwrap();
        let mut p = labkit(&lab, cols, &[&["resume", file][..], &room].concat());
        let (_, again) = address(&mut p);
        assert_eq!(again, code, "the same address after resume");
        at(&mut p, "agreed to the rules");
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
    }
}

#[test]
fn the_facilitator_adds_moderates_and_closes_at_the_panel() {
    for cols in [80, 160] {
        let lab = Lab::new();
        let mut p = labkit(&lab, cols, &BRAINSTORM_ROOM);
        crate::pty::brainstorm_to_ideas(&mut p);
        // The panel: nobody has sent anything yet; the hint names the list's commands.
        at(&mut p, "nothing yet");
        expect(&mut p, "/m N M merges N into M");
        for idea in ["SMS reminder", "Kiosk in the library", "sms reminder"] {
            send(&mut p, idea);
            send(&mut p, ENTER);
            expect(&mut p, idea);
        }
        send(&mut p, "/m 3 1");
        send(&mut p, ENTER);
        expect(&mut p, "[merged into #1]");
        send(&mut p, "/h 2");
        send(&mut p, ENTER);
        expect(&mut p, "[hidden]");
        send(&mut p, "/h 9");
        send(&mut p, ENTER);
        expect(&mut p, "There is no entry 9.");
        // An empty Enter asks to confirm; the second closes.
        send(&mut p, ENTER);
        at(&mut p, "press Enter again");
        send(&mut p, ENTER);
        expect(&mut p, "✔ Ideas (one per entry) · 1 entry");
        at(&mut p, "provocations");
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
        let s = session(lab.path());
        let ledger = &s["room"]["questions"]["ideas"];
        assert_eq!(ledger["closed"], yaml("true"), "{s:?}");
        assert_eq!(ledger["entries"][1]["hidden"], yaml("true"), "{s:?}");
        assert_eq!(ledger["entries"][2]["merged_into"], yaml("1"), "{s:?}");
        assert_eq!(s["answers"]["ideas"], yaml("[SMS reminder]"), "{s:?}");
    }
}

/// A participant sends an entry, as a phone's browser does without JavaScript: the page first
/// (for the device cookie and the form's token), then the form; returns the HTTP status.
fn send_entry(port: u16, code: &str, text: &str) -> u16 {
    let addr: std::net::SocketAddr = ([127, 0, 0, 1], port).into();
    let mut phone = Device::new();
    let page = phone.get(addr, &format!("/r/{code}"));
    if page.status != 200 || !page.body.contains("name=\"token\"") {
        return page.status;
    }
    // The pseudonym first, as its own form, then the entry (each page's token is used once).
    let named = phone.post(
        addr,
        &format!("/r/{code}/name"),
        &[("token", &page.token()), ("name", "Ana")],
    );
    assert_eq!(named.status, 303, "{named:?}");
    let page = phone.get(addr, &format!("/r/{code}"));
    let key = page
        .body
        .split("name=\"key\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .unwrap_or_default()
        .to_owned();
    phone
        .post(
            addr,
            &format!("/r/{code}/add"),
            &[("token", &page.token()), ("key", &key), ("text", text)],
        )
        .status
}

#[test]
fn what_a_participant_sends_is_on_the_panel_and_in_the_session() {
    for cols in [80, 160] {
        let lab = Lab::new();
        let mut p = labkit(&lab, cols, &BRAINSTORM_ROOM);
        let (port, code) = address(&mut p);
        // While no question is open, what a device sends is refused at once.
        let early = send_entry(port, &code, "too early");
        assert_ne!(early / 100, 2, "{early}");
        crate::pty::brainstorm_to_ideas(&mut p);
        at(&mut p, "nothing yet");
        let status = send_entry(port, &code, "SMS reminder");
        assert!(matches!(status, 200 | 303), "{status}");
        expect(&mut p, "#1 Ana: SMS reminder");
        expect(&mut p, "1 answered");
        send(&mut p, ENTER);
        at(&mut p, "press Enter again");
        send(&mut p, ENTER);
        at(&mut p, "provocations");
        p.send_control('c').unwrap();
        p.exp_eof().unwrap();
        let s = session(lab.path());
        let entry = &s["room"]["questions"]["ideas"]["entries"][0];
        assert_eq!(entry["text"], yaml("SMS reminder"), "{s:?}");
        assert_eq!(entry["name"], yaml("Ana"), "{s:?}");
        assert_eq!(s["answers"]["ideas"], yaml("[SMS reminder]"), "{s:?}");
    }
}
