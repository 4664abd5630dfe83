//! The room in a real browser (issue 13): the facilitator runs `labkit run --room` in a
//! pseudo-terminal, and headless Chromium (`browser.rs`) is two participants' phones at
//! 360×740. One has JavaScript, as most phones: its page waits, follows the room by itself as
//! questions open (server-sent events; the test never reloads it), takes a pseudonym, an idea
//! and dots through its own forms (typed and tapped, not filled in by script), refuses a ballot
//! over the budget, and puts the focus back in the field after sending. The other is in
//! Portuguese with JavaScript off: its page says to reload, and plain forms that post and come
//! back do the same. Each thing sent is checked where it lands: the page's own list, the
//! facilitator's panel and the session file. The results page follows `/r` at the panel, and
//! the vote's closing, without a reload. Every page must fit 360 px without sideways scrolling,
//! with controls at least 44 px tall.
//!
//! Screenshots, for people to look at (nothing is asserted on pixels), go to the folder named
//! by `LABKIT_SCREENSHOTS` when it is set: each page at 360×740 as a phone (the screen, the
//! whole page top to bottom, and the screen in dark mode) and at 1280×800 as a laptop or
//! projector.

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::json;
use serde_yaml::Value;

use crate::browser::{self, Browser};
use crate::pty::{ENTER, at, expect, labkit, send, session, type_at, yaml};
use crate::support::Lab;

/// A short method: the facilitator's own question first (the room waits meanwhile), then a
/// list and a vote on it, both open to the room, in one step with a timebox (the countdown).
pub(crate) const METHOD: &str = r#"schema: 1
id: quick-dots
name: { en: Quick dots, pt: Pontos rápidos }
summary: Ideas from everyone's phone, then dots on them.
stage: ideation
duration: 15m
steps:
  - id: ideas
    title: { en: Ideas and dots, pt: Ideias e pontos }
    timebox: 10m
    questions:
      - id: challenge
        type: text
        prompt: { en: The challenge, pt: O desafio }
      - id: ideas
        type: list
        prompt: { en: Ideas for the challenge, pt: Ideias para o desafio }
        help: { en: One idea per entry., pt: Uma ideia por entrada. }
        room: true
      - id: votes
        type: vote
        prompt: { en: Which ideas should we test first?, pt: Que ideias testamos primeiro? }
        from: ideas
        dots: 3
        room: true
"#;

const PHONE: (u32, u32) = (360, 740);
const LAPTOP: (u32, u32) = (1280, 800);

/// The text shown in `selector` (rendered: not what is hidden) contains `text` (a script for
/// `wait_for`).
/// Runs the Quick dots method with a room on a free local port in a workspace made in `lab`:
/// the facilitator's terminal and the room's address.
pub(crate) fn open_room(lab: &Lab) -> (rexpect::session::PtySession, String) {
    lab.write("labkit.yaml", "lab: Test Lab\n");
    lab.write("methods/quick-dots.yaml", METHOD);
    let mut p = labkit(
        lab,
        80,
        &[
            "run",
            "quick-dots",
            "--no-timer",
            "--facilitator",
            "Ana",
            "--participants",
            "Rui,Eva",
            "--room",
            "--room-bind",
            "127.0.0.1",
            "--room-port",
            "0",
        ],
    );
    let (addr, code) = crate::room_crowd::address(&mut p);
    (p, format!("http://{addr}/r/{code}"))
}

fn has(selector: &str, text: &str) -> String {
    format!(
        "(document.querySelector({}) || {{}}).innerText?.includes({})",
        json!(selector),
        json!(text)
    )
}

/// The page's own list of this phone's entries holds `text` (each in a field to edit it).
fn listed(text: &str) -> String {
    format!(
        "[...document.querySelectorAll('ol.mine textarea')].some(t => t.value === {})",
        json!(text)
    )
}

/// Where screenshots go, when they are wanted.
fn shots_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(std::env::var_os("LABKIT_SCREENSHOTS")?);
    std::fs::create_dir_all(&dir).unwrap();
    Some(dir)
}

/// `NAME-360.png` (the phone's screen), `NAME-360-page.png` (the whole page at that width),
/// `NAME-360-dark.png` (the screen with the phone in dark mode) and `NAME-1280.png`, each
/// from the top of the page; the browser is a light-mode phone again afterwards.
fn shoot(b: &mut Browser, dir: Option<&Path>, name: &str) {
    let Some(dir) = dir else { return };
    // Let the page settle (a fetch-and-swap, the countdown's tick) before each picture.
    let settle = || std::thread::sleep(Duration::from_millis(200));
    b.eval("window.scrollTo(0, 0)");
    settle();
    b.screenshot(&dir.join(format!("{name}-360.png")), false);
    b.screenshot(&dir.join(format!("{name}-360-page.png")), true);
    b.color_scheme("dark");
    settle();
    b.screenshot(&dir.join(format!("{name}-360-dark.png")), false);
    b.color_scheme("light");
    b.size(LAPTOP.0, LAPTOP.1, false);
    settle();
    b.screenshot(&dir.join(format!("{name}-1280.png")), false);
    b.size(PHONE.0, PHONE.1, true);
}

/// What a phone at 360 px must hold to: nothing wider than the screen (no sideways
/// scrolling), and every control a finger can hit at least 44 px tall (WCAG 2.5.5).
fn fits_a_phone(b: &mut Browser, page: &str) {
    let wide = b.eval("document.documentElement.scrollWidth - window.innerWidth");
    assert_eq!(wide, json!(0), "the {page} page scrolls sideways at 360 px");
    let small = b.eval(
        "[...document.querySelectorAll('button, input:not([type=hidden]), textarea, select')]
           .filter(e => e.getClientRects().length && e.getBoundingClientRect().height < 44)
           .map(e => e.outerHTML.slice(0, 80))",
    );
    assert_eq!(small, json!([]), "controls under 44 px on the {page} page");
}

/// The one ballot in `ledger` given under `name`.
fn ballot_of<'a>(ledger: &'a Value, name: &str) -> &'a Value {
    let ballots = ledger["ballots"]
        .as_mapping()
        .unwrap_or_else(|| panic!("no ballots: {ledger:?}"));
    let mine: Vec<_> = ballots
        .values()
        .filter(|b| b["name"] == yaml(name))
        .collect();
    assert_eq!(mine.len(), 1, "one ballot from {name}: {ledger:?}");
    &mine[0]["value"]
}

#[test]
fn a_phone_with_and_without_javascript_takes_part_in_a_room() {
    if browser::skipped() {
        eprintln!("LABKIT_SKIP_BROWSER=1: the room's browser test did not run");
        return;
    }
    let shots = shots_dir();
    let shots = shots.as_deref();
    let lab = Lab::new();
    let (mut p, url) = open_room(&lab);

    // Two phones open the room while the facilitator is still at their own question: one
    // with JavaScript, in English; one in Portuguese with JavaScript off.
    let mut phone = Browser::launch();
    phone.languages("en-GB,en");
    phone.size(PHONE.0, PHONE.1, true);
    phone.open(&url);
    phone.wait_for(
        "document.getElementById('main').dataset.state === 'waiting'",
        10,
    );
    phone.wait_for(&has("h1", "Waiting for the next question"), 5);
    assert_eq!(
        phone.eval(&has("main", "Reload the page")),
        json!(false),
        "a page with its script running does not ask to be reloaded"
    );
    fits_a_phone(&mut phone, "waiting");
    // A mark on this document: if anything reloaded the page, the mark would be gone.
    phone.eval("window.stayedHere = true");
    shoot(&mut phone, shots, "1-waiting");
    let mut plain = Browser::launch();
    plain.javascript(false);
    plain.languages("pt-PT,pt");
    plain.size(PHONE.0, PHONE.1, true);
    plain.open(&url);
    // Without a script the page cannot follow the room: it says to reload.
    plain.wait_for(&has("main", "Recarregue a página de vez em quando"), 5);
    fits_a_phone(&mut plain, "waiting without JavaScript");
    shoot(&mut plain, shots, "1-waiting-nojs-pt");

    // A pseudonym, through the page's form (sent by the script; the page stays).
    phone.type_into("#name", "Zé");
    phone.click("form.name button[type=submit]");
    phone.wait_for(&has("#status", "Name saved."), 10);

    // The facilitator answers and the list opens: the page switches by itself.
    type_at(
        &mut p,
        "The challenge",
        "How might we help citizens renew on time?",
    );
    at(&mut p, "nothing yet");
    phone.wait_for("document.getElementById('add-text')", 10);
    phone.wait_for(&has("#prompt", "Ideas for the challenge"), 1);
    // The step's timebox counts down on the page ("9:59 left").
    phone.wait_for(
        "/^\\d+:\\d\\d left$/.test(document.getElementById('countdown').textContent)",
        5,
    );
    assert_eq!(
        phone.eval("document.getElementById('name').value"),
        json!("Zé")
    );

    // An idea, through the page's form: in the page's own list, the form emptied for the next.
    phone.type_into("#add-text", "SMS reminder");
    phone.click("form.add button[type=submit]");
    phone.wait_for(&has("#status", "Added."), 10);
    phone.wait_for(&listed("SMS reminder"), 5);
    assert_eq!(
        phone.eval("document.getElementById('add-text').value"),
        json!("")
    );
    // The focus is back in the emptied field, for the next idea.
    phone.wait_for("document.activeElement.id === 'add-text'", 2);
    assert_eq!(phone.eval(&has("#mine", "Your entries (1)")), json!(true));
    expect(&mut p, "#1 Zé: SMS reminder");
    let s = session(lab.path());
    let entries = &s["room"]["questions"]["ideas"]["entries"];
    assert_eq!(entries[0]["text"], yaml("SMS reminder"), "{s:?}");
    assert_eq!(entries[0]["name"], yaml("Zé"), "{s:?}");
    fits_a_phone(&mut phone, "list");
    shoot(&mut phone, shots, "2-list");

    // The phone without JavaScript, reloaded as it said: plain forms that post and come back.
    plain.open(&url);
    plain.wait_for(&has("#prompt", "Ideias para o desafio"), 5);
    // The server's countdown, in whole minutes, since no script runs it.
    plain.wait_for(&has("#countdown", "min"), 1);
    plain.type_into("#name", "Rui");
    plain.click_and_load("form.name button[type=submit]");
    plain.wait_for(&has("#status", "Nome guardado."), 5);
    plain.type_into("#add-text", "Kiosk in the library");
    plain.click_and_load("form.add button[type=submit]");
    plain.wait_for(&has("#status", "Acrescentado."), 5);
    plain.wait_for(&listed("Kiosk in the library"), 1);
    expect(&mut p, "#2 Rui: Kiosk in the library");
    let s = session(lab.path());
    let entries = &s["room"]["questions"]["ideas"]["entries"];
    assert_eq!(entries[1]["text"], yaml("Kiosk in the library"), "{s:?}");
    assert_eq!(entries[1]["name"], yaml("Rui"), "{s:?}");
    assert_ne!(entries[0]["device"], entries[1]["device"], "two devices");
    // Only its own entries: the first phone's idea is not on this one's page.
    assert_eq!(plain.eval(&listed("SMS reminder")), json!(false));
    assert_eq!(
        plain.eval("document.querySelectorAll('ol.mine li').length"),
        json!(1)
    );
    fits_a_phone(&mut plain, "list without JavaScript");
    shoot(&mut plain, shots, "3-list-nojs-pt");

    // The facilitator closes the list; the vote opens on the phone by itself.
    send(&mut p, ENTER);
    at(&mut p, "press Enter again");
    send(&mut p, ENTER);
    expect(&mut p, "· 2 entries");
    phone.wait_for(
        "document.getElementById('main').dataset.key === 'quick-dots/votes'",
        10,
    );
    phone.wait_for("document.getElementById('d1')", 1);
    assert_eq!(
        phone.eval("window.stayedHere === true"),
        json!(true),
        "the page was reloaded instead of following the room"
    );
    phone.wait_for(&has("#dots-left", "Dots left: 3"), 1);
    // "Added." was about the list: it went with it.
    assert_eq!(
        phone.eval("document.getElementById('status').textContent"),
        json!("")
    );

    // Four dots of three: the page counts below zero, and the room refuses the ballot.
    phone.type_into("#d0", "2");
    phone.type_into("#d1", "2");
    phone.wait_for(&has("#dots-left", "Dots left: -1"), 2);
    assert_eq!(
        phone.eval("document.getElementById('dots-left').classList.contains('over')"),
        json!(true)
    );
    phone.click("form.ballot button[type=submit]");
    phone.wait_for(&has("#status", "That is more than your 3 dots."), 10);
    assert!(
        session(lab.path())["room"]["questions"]["votes"]["ballots"].is_null(),
        "a refused ballot is not kept"
    );
    // Within the budget: sent, and in the session file.
    phone.type_into("#d1", "1");
    phone.wait_for(&has("#dots-left", "Dots left: 0"), 2);
    phone.click("form.ballot button[type=submit]");
    phone.wait_for(&has("#status", "Sent."), 10);
    expect(&mut p, "1 answered");
    let s = session(lab.path());
    assert_eq!(
        ballot_of(&s["room"]["questions"]["votes"], "Zé"),
        &yaml("{SMS reminder: 2, Kiosk in the library: 1}"),
        "{s:?}"
    );
    fits_a_phone(&mut phone, "vote");
    shoot(&mut phone, shots, "4-vote");

    // Without JavaScript the vote is there when the page is loaded again (as it says to do).
    plain.open(&url);
    plain.wait_for("document.getElementById('d1')", 1);
    plain.type_into("#d1", "1");
    plain.click_and_load("form.ballot button[type=submit]");
    plain.wait_for(&has("#status", "Enviado."), 5);
    expect(&mut p, "2 answered");
    let s = session(lab.path());
    assert_eq!(
        ballot_of(&s["room"]["questions"]["votes"], "Rui"),
        &yaml("{Kiosk in the library: 1}"),
        "{s:?}"
    );
    shoot(&mut plain, shots, "5-vote-nojs-pt");
    drop(plain);

    // The results page, as a projector: hidden until `/r` at the panel, then shown without a
    // reload.
    phone.open(&format!("{url}/results"));
    phone.wait_for(
        &has(
            "main",
            "The results appear here when the facilitator shows them.",
        ),
        5,
    );
    phone.eval("window.stayedHere = true");
    send(&mut p, "/r");
    send(&mut p, ENTER);
    expect(&mut p, "results are now shown");
    phone.wait_for("document.querySelector('main table')", 10);
    assert_eq!(phone.eval("window.stayedHere === true"), json!(true));
    let rows = phone.eval(
        "[...document.querySelectorAll('main table tbody tr')].map(r => r.innerText.replace(/\\s+/g, ' ').trim())",
    );
    assert_eq!(
        rows,
        json!(["SMS reminder 2", "Kiosk in the library 2"]),
        "the dots of both phones"
    );
    shoot(&mut phone, shots, "6-results");

    // The facilitator closes the vote: the projector says so by itself, results still on;
    // the totals are the question's answer.
    send(&mut p, ENTER);
    at(&mut p, "press Enter again");
    send(&mut p, ENTER);
    at(&mut p, "Review");
    phone.wait_for(&has("main", "This question is closed."), 10);
    assert_eq!(phone.eval("window.stayedHere === true"), json!(true));
    assert_eq!(
        phone.eval(&has("main table", "Kiosk in the library")),
        json!(true)
    );
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
    let s = session(lab.path());
    assert_eq!(
        s["answers"]["votes"],
        yaml("{SMS reminder: 2, Kiosk in the library: 2}"),
        "{s:?}"
    );
}
