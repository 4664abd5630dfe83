//! Every kind of question open to the room, end to end with the real engine: labkit as the
//! facilitator in a pseudo-terminal, three phones over HTTP on loopback (each from its own
//! address). A list (add, edit, withdraw; the facilitator hides one), a vote (within and beyond
//! the budget), scores (one out of range), a ranking (one with a place twice), one choice,
//! several choices and a short text (each confirmed by the facilitator with the room's answer
//! pre-filled). Each question is closed at the panel (Enter twice); a phone posting to a closed
//! question is refused; the session file holds every ballot and the folded answers.

use std::net::SocketAddr;

use crate::http_client::{Device, Resp};
use crate::pty::{ENTER, at, expect, send};
use crate::room_crowd::{self, field};

const METHOD: &str = "schema: 1
id: kinds
name: Kinds
summary: Every kind of room question.
stage: ideation
duration: 30m
steps:
  - id: write
    title: Write
    questions:
      - { id: ideas, type: list, prompt: Ideas please, room: true }
  - id: judge
    title: Judge
    questions:
      - { id: votes, type: vote, from: ideas, dots: 2, prompt: Place dots, room: true }
      - { id: scores, type: score, from: ideas, prompt: Score each, room: true, criteria: [{ id: impact, label: Impact, min: 1, max: 5 }] }
      - { id: ranked, type: rank, from: ideas, prompt: Rank them, room: true }
      - { id: channel, type: select, prompt: Which channel, room: true, choices: [web, phone, counter] }
      - { id: days, type: multiselect, prompt: Which days, room: true, choices: [mon, tue, wed] }
      - { id: motto, type: text, prompt: A motto, room: true }
";

struct Phone {
    device: Device,
    addr: SocketAddr,
    page: String,
}

impl Phone {
    fn new(i: usize, addr: SocketAddr, code: &str) -> Phone {
        Phone {
            device: room_crowd::phone(i),
            addr,
            page: format!("/r/{code}"),
        }
    }

    /// Opens the page and posts one form to `action` with the page's token and question key.
    fn send(&mut self, action: &str, fields: &[(&str, &str)]) -> Resp {
        let page = self.device.get(self.addr, &self.page);
        assert_eq!(page.status, 200, "{page:?}");
        let key = field(&page.body, "key");
        let token = page.token();
        let mut all = vec![("token", token.as_str()), ("key", key.as_str())];
        all.extend_from_slice(fields);
        self.device
            .post_json(self.addr, &format!("{}/{action}", self.page), &all)
    }

    fn ok(&mut self, action: &str, fields: &[(&str, &str)]) {
        let resp = self.send(action, fields);
        assert_eq!(resp.status, 200, "{action} {fields:?}: {resp:?}");
    }

    fn refused(&mut self, action: &str, fields: &[(&str, &str)]) {
        let resp = self.send(action, fields);
        assert!(
            (400..500).contains(&resp.status),
            "{action} {fields:?} should be refused: {resp:?}"
        );
    }
}

fn close(p: &mut rexpect::session::PtySession) {
    send(p, ENTER);
    at(p, "Enter again");
    send(p, ENTER);
}

#[test]
fn every_kind_of_room_question_goes_from_phones_to_the_session() {
    let dir = tempfile::tempdir().unwrap();
    let exe = env!("CARGO_BIN_EXE_labkit");
    let mut p = room_crowd::facilitator_of(exe, dir.path(), 120, "kinds", METHOD);
    let (addr, code) = room_crowd::address(&mut p);
    let mut phones: Vec<Phone> = (0..3).map(|i| Phone::new(i, addr, &code)).collect();
    at(&mut p, "nothing yet");

    // The list: add, edit and withdraw one's own; another phone cannot touch it.
    phones[0].ok("add", &[("text", "Buses")]);
    phones[1].ok("add", &[("text", "Lights")]);
    phones[1].ok("edit", &[("id", "2"), ("text", "Street lights")]);
    phones[0].refused("withdraw", &[("id", "2")]);
    phones[2].ok("add", &[("text", "Oops")]);
    phones[2].ok("withdraw", &[("id", "3")]);
    phones[2].ok("add", &[("text", "Benches")]);
    phones[2].ok("add", &[("text", "Spam spam")]);
    expect(&mut p, "Spam spam");
    send(&mut p, "/h 5\r");
    expect(&mut p, "[hidden]");
    close(&mut p);
    at(&mut p, "Review");
    phones[0].refused("add", &[("text", "Too late")]);
    send(&mut p, ENTER);

    // The vote, two dots each: Buses, Street lights, Benches are d0, d1, d2.
    at(&mut p, "Place dots");
    phones[0].ok("ballot", &[("d0", "2")]);
    phones[1].ok("ballot", &[("d1", "1"), ("d2", "1")]);
    phones[2].refused("ballot", &[("d0", "3")]);
    phones[2].ok("ballot", &[("d2", "2")]);
    expect(&mut p, "3 answered");
    close(&mut p);

    // Scores: one out of range is refused; a partial ballot is fine.
    at(&mut p, "Score each");
    phones[0].ok("ballot", &[("s0_0", "5"), ("s1_0", "3"), ("s2_0", "1")]);
    phones[1].refused("ballot", &[("s0_0", "9")]);
    phones[1].ok("ballot", &[("s0_0", "4"), ("s1_0", "2")]);
    expect(&mut p, "2 answered");
    close(&mut p);

    // The ranking: a place given twice is refused.
    at(&mut p, "Rank them");
    phones[0].ok("ballot", &[("p0", "1"), ("p1", "2"), ("p2", "3")]);
    phones[1].ok("ballot", &[("p0", "2"), ("p1", "1"), ("p2", "3")]);
    phones[2].refused("ballot", &[("p0", "1"), ("p1", "1"), ("p2", "2")]);
    phones[2].ok("ballot", &[("p0", "1"), ("p1", "3"), ("p2", "2")]);
    expect(&mut p, "3 answered");
    close(&mut p);

    // One choice: the facilitator confirms the room's (Enter keeps the pre-selected one).
    at(&mut p, "Which channel");
    phones[0].ok("ballot", &[("choice", "phone")]);
    phones[1].ok("ballot", &[("choice", "phone")]);
    phones[2].refused("ballot", &[("choice", "fax")]);
    phones[2].ok("ballot", &[("choice", "web")]);
    expect(&mut p, "3 answered");
    close(&mut p);
    at(&mut p, "Which channel");
    send(&mut p, ENTER);

    // Several choices: those at least half the phones picked.
    at(&mut p, "Which days");
    phones[0].ok("ballot", &[("choice", "mon"), ("choice", "tue")]);
    phones[1].ok("ballot", &[("choice", "tue")]);
    phones[2].ok("ballot", &[("choice", "wed")]);
    expect(&mut p, "3 answered");
    close(&mut p);
    at(&mut p, "Which days");
    send(&mut p, ENTER);

    // A short text: the most frequent answer is pre-filled.
    at(&mut p, "A motto");
    phones[0].ok("ballot", &[("text", "Renew on time")]);
    phones[1].ok("ballot", &[("text", "Renew on time")]);
    phones[2].ok("ballot", &[("text", "Never late")]);
    expect(&mut p, "3 answered");
    close(&mut p);
    at(&mut p, "A motto");
    send(&mut p, ENTER);
    at(&mut p, "Review");
    phones[1].refused("ballot", &[("text", "After the end")]);
    send(&mut p, ENTER);
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();

    let file = std::fs::read_dir(dir.path().join("sessions"))
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "yaml"))
        .unwrap();
    let s: serde_yaml::Value =
        serde_yaml::from_str(&std::fs::read_to_string(file).unwrap()).unwrap();
    let y = |t: &str| serde_yaml::from_str::<serde_yaml::Value>(t).unwrap();
    let answers = &s["answers"];
    assert_eq!(
        answers["ideas"],
        y("[Buses, Street lights, Benches]"),
        "{s:?}"
    );
    assert_eq!(
        answers["votes"],
        y("{Buses: 2, Street lights: 1, Benches: 3}")
    );
    // Means 4.5 → 5 and 2.5 → 3 (half away from zero); Benches 1.
    assert_eq!(
        answers["scores"],
        y("{Buses: {impact: 5}, Street lights: {impact: 3}, Benches: {impact: 1}}")
    );
    // Borda on three items (2, 1, 0 points): Buses 2+1+2 = 5, Street lights 1+2+0 = 3,
    // Benches 0+0+1 = 1.
    assert_eq!(answers["ranked"], y("[Buses, Street lights, Benches]"));
    assert_eq!(answers["channel"], y("phone"));
    assert_eq!(answers["days"], y("[tue]"));
    assert_eq!(answers["motto"], y("Renew on time"));
    let room = &s["room"]["questions"];
    for q in [
        "ideas", "votes", "scores", "ranked", "channel", "days", "motto",
    ] {
        assert_eq!(room[q]["closed"], y("true"), "{q} closed");
    }
    let ideas = room["ideas"]["entries"].as_sequence().unwrap();
    assert_eq!(ideas.len(), 5);
    assert_eq!(ideas[2]["withdrawn"], y("true"));
    assert_eq!(ideas[4]["hidden"], y("true"));
    assert_eq!(room["votes"]["ballots"].as_mapping().unwrap().len(), 3);
    assert_eq!(room["motto"]["ballots"].as_mapping().unwrap().len(), 3);
}
