//! The room's web server over real HTTP: `labkit::room::Room` on 127.0.0.1 with a small fake
//! engine on a thread of its own (it keeps one `RoomQuestion`, applies or refuses what arrives
//! and publishes again, just enough to drive the server), talked to by a tiny HTTP/1.1 client
//! written here over `std::net::TcpStream`.
//!
//! Covers the participants' round trip (page, cookie, token, add, edit, withdraw, ballot), what
//! a device may see, the doors a post must pass (code, token, origin, size, state), the limits
//! on a shared network (rate, event streams that are never read, a large post), hostile text in
//! every field, and stopping cleanly.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use labkit::engine::room::{
    Ballot, Contribution, RoomAction, RoomChoice, RoomCriterion, RoomEntry, RoomKind, RoomQuestion,
    Tally,
};
use labkit::lang::Lang;
use labkit::method::Text;
use labkit::room::{Incoming, Room, RoomConfig, RoomNow, new_code};

use crate::http_client::{Device, Resp, connect, exchange};

const NASTY: &str = "<script>alert(1)</script>\"><img src=x onerror=alert(1)>\x1b[31m";

// ---------------------------------------------------------------------------------------------
// A fake engine.

enum Msg {
    In(Incoming),
    Quit,
}

#[derive(Debug, Clone)]
struct State {
    q: Option<RoomQuestion>,
    closed: bool,
    results: bool,
    next: u64,
}

impl State {
    fn now(&self) -> RoomNow {
        match &self.q {
            None => RoomNow::Waiting,
            Some(q) if self.closed => RoomNow::Closed(Arc::new(q.clone())),
            Some(q) => RoomNow::Open(Arc::new(q.clone())),
        }
    }
}

struct Harness {
    room: Arc<Room>,
    state: Arc<Mutex<State>>,
    delivered: Arc<AtomicUsize>,
    received: Arc<Mutex<Vec<Contribution>>>,
    quit: mpsc::Sender<Msg>,
    engine: Option<JoinHandle<()>>,
}

fn question(key: &str, kind: RoomKind) -> RoomQuestion {
    RoomQuestion {
        key: key.into(),
        method_title: Text::plain("Brainstorm"),
        step_title: Text::plain("Ideas"),
        step_number: 2,
        steps_total: 4,
        prompt: Text::plain("What could we try?"),
        help: Some(Text::plain("One idea per entry.")),
        kind,
        opened_ms: 0,
        ends_ms: None,
        closed: false,
        entries: Vec::new(),
        ballots: BTreeMap::new(),
        tally: Tally::default(),
    }
}

fn list() -> RoomKind {
    RoomKind::List { max_chars: 500 }
}

fn vote() -> RoomKind {
    RoomKind::Vote {
        items: vec!["a".into(), "b".into(), "c".into()],
        dots: 3,
    }
}

fn retally(q: &mut RoomQuestion) {
    q.tally.entries = q
        .entries
        .iter()
        .filter(|e| e.visible())
        .map(|e| (e.id, e.text.clone(), e.name.clone()))
        .collect();
    let mut devices: Vec<&String> = q
        .entries
        .iter()
        .map(|e| &e.device)
        .chain(q.ballots.keys())
        .collect();
    devices.sort();
    devices.dedup();
    q.tally.devices = devices.len();
    if let RoomKind::Vote { items, .. } = &q.kind {
        q.tally.counts = items
            .iter()
            .map(|item| {
                q.ballots
                    .values()
                    .filter_map(|b| b.value.get(item.as_str()).and_then(|v| v.as_u64()))
                    .sum()
            })
            .collect();
    }
}

fn apply(st: &mut State, c: Contribution) -> Result<(), String> {
    let closed = st.closed;
    let Some(q) = st.q.as_mut() else {
        return Err("nothing is open".into());
    };
    if closed || q.closed {
        return Err("closed".into());
    }
    match c.action {
        RoomAction::Add(text) => {
            if text.contains("REFUSE") {
                return Err(format!("the engine refuses {text}"));
            }
            st.next += 1;
            q.entries.push(RoomEntry {
                id: st.next,
                device: c.device,
                name: c.name,
                text,
                hidden: false,
                merged_into: None,
                withdrawn: false,
            });
        }
        RoomAction::Edit { id, text } => {
            let e = q
                .entries
                .iter_mut()
                .find(|e| e.id == id && e.device == c.device)
                .ok_or("not yours")?;
            e.text = text;
        }
        RoomAction::Withdraw { id } => {
            let e = q
                .entries
                .iter_mut()
                .find(|e| e.id == id && e.device == c.device)
                .ok_or("not yours")?;
            e.withdrawn = true;
        }
        RoomAction::Ballot(value) => {
            if let RoomKind::Vote { dots, .. } = &q.kind {
                let used: u64 = value
                    .as_mapping()
                    .map(|m| m.values().filter_map(|v| v.as_u64()).sum())
                    .unwrap_or(0);
                if used > u64::from(*dots) {
                    return Err("over budget".into());
                }
            }
            q.ballots.insert(
                c.device,
                Ballot {
                    name: c.name,
                    value,
                },
            );
        }
    }
    retally(q);
    Ok(())
}

impl Harness {
    fn start(q: Option<RoomQuestion>) -> Harness {
        let (tx, rx) = mpsc::channel::<Msg>();
        let deliver_tx = Mutex::new(tx.clone());
        let delivered = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&delivered);
        let room = Arc::new(
            Room::start(
                RoomConfig {
                    bind: IpAddr::from([127, 0, 0, 1]),
                    port: 0,
                    code: new_code(),
                    lang: Lang::En,
                    stored_where: "workshop-2026.yaml".into(),
                },
                Box::new(move |incoming| {
                    counter.fetch_add(1, Ordering::SeqCst);
                    let _ = deliver_tx.lock().unwrap().send(Msg::In(incoming));
                }),
            )
            .unwrap(),
        );
        let state = Arc::new(Mutex::new(State {
            q,
            closed: false,
            results: false,
            next: 0,
        }));
        let received = Arc::new(Mutex::new(Vec::new()));
        let engine = {
            let room = Arc::clone(&room);
            let state = Arc::clone(&state);
            let received = Arc::clone(&received);
            std::thread::spawn(move || {
                while let Ok(Msg::In(incoming)) = rx.recv() {
                    let Incoming {
                        contribution,
                        reply,
                    } = incoming;
                    received.lock().unwrap().push(contribution.clone());
                    if matches!(&contribution.action, RoomAction::Add(t) if t.contains("DROP")) {
                        drop(reply);
                        continue;
                    }
                    let mut st = state.lock().unwrap();
                    let result = apply(&mut st, contribution);
                    room.publish(st.now(), st.results);
                    let _ = reply.send(result);
                }
            })
        };
        let h = Harness {
            room,
            state,
            delivered,
            received,
            quit: tx,
            engine: Some(engine),
        };
        h.publish();
        h
    }

    fn with(kind: RoomKind) -> Harness {
        Harness::start(Some(question("ideas", kind)))
    }

    fn addr(&self) -> SocketAddr {
        self.room.addr()
    }

    fn base(&self) -> String {
        let url = self.room.url();
        url[url.find("/r/").unwrap()..].to_owned()
    }

    fn path(&self, rest: &str) -> String {
        format!("{}{rest}", self.base())
    }

    fn publish(&self) {
        let st = self.state.lock().unwrap();
        self.room.publish(st.now(), st.results);
    }

    fn change(&self, f: impl FnOnce(&mut State)) {
        f(&mut self.state.lock().unwrap());
        self.publish();
    }

    fn delivered(&self) -> usize {
        self.delivered.load(Ordering::SeqCst)
    }

    fn entries(&self) -> Vec<RoomEntry> {
        let st = self.state.lock().unwrap();
        st.q.as_ref().map(|q| q.entries.clone()).unwrap_or_default()
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        let _ = self.quit.send(Msg::Quit);
        if let Some(engine) = self.engine.take() {
            let _ = engine.join();
        }
    }
}

/// Loads the page as `device` and returns it (its token is the one to post with).
fn open_page(h: &Harness, device: &mut Device) -> Resp {
    let page = device.get(h.addr(), &h.base());
    assert_eq!(page.status, 200, "{page:?}");
    page
}

#[track_caller]
fn assert_inert(what: &str, html: &str) {
    assert!(
        html.matches("<script").count() <= 1,
        "{what}: a script tag from text: {html}"
    );
    assert!(!html.contains("<img"), "{what}: markup from text: {html}");
    assert!(
        !html.contains('\x1b'),
        "{what}: a control character: {html}"
    );
    assert!(!html.contains("\"><img"), "{what}: {html}");
}

// ---------------------------------------------------------------------------------------------
// The tests.

#[test]
fn the_page_gives_a_device_cookie_a_token_and_safe_headers() {
    let h = Harness::with(list());
    let mut phone = Device::new();
    let page = open_page(&h, &mut phone);
    let cookie = page.header("set-cookie").unwrap();
    assert!(cookie.starts_with("labkit_device="), "{cookie}");
    assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
    assert!(cookie.contains(&format!("Path={}", h.base())));
    let id = &phone.cookies["labkit_device"];
    assert_eq!(id.len(), 32, "128 bits in hex");
    assert_eq!(page.token().len(), 32);
    assert!(page.body.contains("<html lang=\"en\">"));
    assert!(page.body.contains("What could we try?"));
    assert!(page.body.contains("workshop-2026.yaml"));
    let csp = page.header("content-security-policy").unwrap();
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"));
    assert_eq!(
        page.header("referrer-policy").as_deref(),
        Some("same-origin")
    );
    assert_eq!(page.header("cache-control").as_deref(), Some("no-store"));

    // A second visit keeps the cookie and gets a new token.
    let again = open_page(&h, &mut phone);
    assert!(again.header("set-cookie").is_none());
    assert_ne!(again.token(), page.token());
    assert_eq!(h.room.joined(), 1);

    // A first visit from a link on another site carries no Strict cookie: the room sends the
    // browser round through its own page rather than give it a new identity.
    let from_elsewhere = exchange(
        h.addr(),
        None,
        format!(
            "GET {} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nSec-Fetch-Site: cross-site\r\n\r\n",
            h.base()
        )
        .as_bytes(),
    );
    assert_eq!(from_elsewhere.status, 200);
    assert!(from_elsewhere.header("set-cookie").is_none());
    assert!(from_elsewhere.body.contains(&format!("url={}", h.base())));
    assert_eq!(h.room.joined(), 1);

    // A phone set to Portuguese gets Portuguese.
    let mut pt = Device {
        lang: Some("pt-PT,pt;q=0.9,en;q=0.5"),
        ..Device::new()
    };
    let page = open_page(&h, &mut pt);
    assert!(page.body.contains("<html lang=\"pt\">"));
    assert!(page.body.contains("Acrescentar"));
    assert_eq!(h.room.joined(), 2);

    // The assets come from the room itself.
    let js = phone.get(h.addr(), &h.path("/room.js"));
    assert_eq!(js.status, 200);
    assert!(
        js.header("content-type")
            .unwrap()
            .starts_with("text/javascript")
    );
    assert!(js.body.contains("EventSource"));
    let css = phone.get(h.addr(), &h.path("/room.css"));
    assert!(css.header("content-type").unwrap().starts_with("text/css"));

    // A page far larger than the server's buffers arrives whole.
    h.change(|st| {
        st.q = Some(question(
            "many",
            RoomKind::Vote {
                items: (0..400)
                    .map(|i| format!("item {i} {}", "y".repeat(200)))
                    .collect(),
                dots: 10,
            },
        ))
    });
    let big = open_page(&h, &mut phone);
    assert!(big.body.len() > 100_000, "{}", big.body.len());
    assert!(big.body.contains("item 399 "));
    assert!(big.body.ends_with("</html>\n"));
}

#[test]
fn add_edit_and_withdraw_go_through_the_engine() {
    let h = Harness::with(list());
    let mut phone = Device::new();
    let page = open_page(&h, &mut phone);
    let device = phone.cookies["labkit_device"].clone();

    let added = phone.post(
        h.addr(),
        &h.path("/add"),
        &[
            ("token", &page.token()),
            ("key", "ideas"),
            ("text", "  Free\nbus passes "),
        ],
    );
    assert_eq!(added.status, 303, "{added:?}");
    assert_eq!(
        added.header("location").unwrap(),
        format!("{}?done=add", h.base())
    );
    let entries = h.entries();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].text, "Free bus passes", "one clean line");
    assert_eq!(entries[0].device, device);
    assert_eq!(entries[0].name, None);

    // Following the redirect, as a browser does.
    let page = phone.get(h.addr(), &added.header("location").unwrap());
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Free bus passes"));
    assert!(page.body.contains("Added."));
    let id = entries[0].id.to_string();

    // The script's way: JSON back, with a fresh token that works for the next post.
    let edited = phone.post_json(
        h.addr(),
        &h.path("/edit"),
        &[
            ("token", &page.token()),
            ("key", "ideas"),
            ("id", &id),
            ("text", "Free bus passes for students"),
        ],
    );
    assert_eq!(edited.status, 200, "{edited:?}");
    let json = edited.json();
    assert_eq!(json["ok"], true);
    let token = json["token"].as_str().unwrap().to_owned();
    assert_eq!(h.entries()[0].text, "Free bus passes for students");

    let withdrawn = phone.post_json(
        h.addr(),
        &h.path("/withdraw"),
        &[("token", &token), ("key", "ideas"), ("id", &id)],
    );
    assert_eq!(withdrawn.status, 200, "{withdrawn:?}");
    assert!(h.entries()[0].withdrawn);
    let page = open_page(&h, &mut phone);
    assert!(!page.body.contains("Free bus passes"));

    // A name goes with what is sent from then on, and survives in a cookie.
    let named = phone.post(
        h.addr(),
        &h.path("/name"),
        &[("token", &page.token()), ("name", " Ana ")],
    );
    assert_eq!(named.status, 303, "{named:?}");
    assert_eq!(phone.cookies["labkit_name"], "Ana");
    let page = open_page(&h, &mut phone);
    assert!(page.body.contains("value=\"Ana\""));
    let added = phone.post(
        h.addr(),
        &h.path("/add"),
        &[
            ("token", &page.token()),
            ("key", "ideas"),
            ("text", "Night buses"),
        ],
    );
    assert_eq!(added.status, 303);
    assert_eq!(h.entries()[1].name.as_deref(), Some("Ana"));
}

#[test]
fn a_device_sees_only_its_own_entries_and_results_only_when_shown() {
    let h = Harness::with(list());
    let mut ana = Device::new();
    let mut rui = Device::new();
    let page = open_page(&h, &mut ana);
    let named = ana.post(
        h.addr(),
        &h.path("/name"),
        &[("token", &page.token()), ("name", "Ana Secret")],
    );
    assert_eq!(named.status, 303);
    let page = open_page(&h, &mut ana);
    let added = ana.post(
        h.addr(),
        &h.path("/add"),
        &[
            ("token", &page.token()),
            ("key", "ideas"),
            ("text", "Ana's idea"),
        ],
    );
    assert_eq!(added.status, 303);
    let ana_id = h.entries()[0].id.to_string();

    let page = open_page(&h, &mut rui);
    assert!(!page.body.contains("Ana's idea") && !page.body.contains("Ana&#39;s idea"));
    assert!(!page.body.contains("Ana Secret"));
    // Nor can Rui touch Ana's entry.
    let taken = rui.post(
        h.addr(),
        &h.path("/withdraw"),
        &[("token", &page.token()), ("key", "ideas"), ("id", &ana_id)],
    );
    assert_eq!(taken.status, 422, "{taken:?}");
    assert!(!h.entries()[0].withdrawn);

    let projector = Device::new().get(h.addr(), &h.path("/results"));
    assert_eq!(projector.status, 200);
    assert!(!projector.body.contains("Ana&#39;s idea"));
    assert!(!projector.body.contains("Ana Secret"));
    assert!(projector.body.contains("The results appear here"));

    h.change(|st| st.results = true);
    let projector = Device::new().get(h.addr(), &h.path("/results"));
    assert!(
        projector.body.contains("Ana&#39;s idea"),
        "{}",
        projector.body
    );
    assert!(projector.body.contains("Ana Secret"));
    // Still not on another participant's page.
    let page = open_page(&h, &mut rui);
    assert!(!page.body.contains("Ana Secret"));
}

#[test]
fn a_ballot_within_the_budget_is_taken_and_prefills_the_form() {
    let h = Harness::with(vote());
    let mut phone = Device::new();
    let page = open_page(&h, &mut phone);
    let sent = phone.post(
        h.addr(),
        &h.path("/ballot"),
        &[
            ("token", &page.token()),
            ("key", "ideas"),
            ("d0", "2"),
            ("d2", "1"),
        ],
    );
    assert_eq!(sent.status, 303, "{sent:?}");
    let st = h.state.lock().unwrap().clone();
    let q = st.q.unwrap();
    let ballot = &q.ballots[&phone.cookies["labkit_device"]];
    assert_eq!(
        ballot.value,
        serde_yaml::from_str::<serde_yaml::Value>("{a: 2, c: 1}").unwrap()
    );
    let page = open_page(&h, &mut phone);
    assert!(
        page.body.contains(
            "name=\"d0\" min=\"0\" max=\"3\" step=\"1\" inputmode=\"numeric\" value=\"2\""
        )
    );
    assert!(page.body.contains("Dots left: 0"));

    // Over the budget: refused at the door, the engine never asked, the typed values kept.
    let before = h.delivered();
    let over = phone.post(
        h.addr(),
        &h.path("/ballot"),
        &[
            ("token", &page.token()),
            ("key", "ideas"),
            ("d0", "3"),
            ("d1", "2"),
        ],
    );
    assert_eq!(over.status, 422);
    assert!(over.body.contains("That is more than your 3 dots."));
    assert!(
        over.body.contains(
            "name=\"d1\" min=\"0\" max=\"3\" step=\"1\" inputmode=\"numeric\" value=\"2\""
        )
    );
    assert_eq!(h.delivered(), before);
}

#[test]
fn a_wrong_code_or_path_is_a_bare_404() {
    let h = Harness::with(list());
    let mut phone = Device::new();
    let page = open_page(&h, &mut phone);
    let wrong = phone.get(h.addr(), "/r/AAAA-BBBB-CCCC-DDDD");
    assert_eq!(wrong.status, 404);
    assert!(wrong.header("set-cookie").is_none());
    let nothing = phone.get(h.addr(), "/");
    let deeper = phone.get(h.addr(), &h.path("/nope"));
    let get_a_post = phone.get(h.addr(), &h.path("/add"));
    for other in [&nothing, &deeper, &get_a_post] {
        assert_eq!(other.status, 404);
        assert_eq!(other.body, wrong.body, "the same answer, no hint");
    }
    let wrong_post = phone.post(
        h.addr(),
        "/r/AAAA-BBBB-CCCC-DDDD/add",
        &[("token", &page.token()), ("key", "ideas"), ("text", "x")],
    );
    assert_eq!(wrong_post.status, 404);
    assert_eq!(h.delivered(), 0);
}

#[test]
fn a_post_needs_a_fresh_token_of_its_own_from_the_room_itself() {
    let h = Harness::with(list());
    let mut phone = Device::new();
    let page = open_page(&h, &mut phone);
    let token = page.token();
    let add =
        |phone: &mut Device, fields: &[(&str, &str)]| phone.post(h.addr(), &h.path("/add"), fields);

    let missing = add(&mut phone, &[("key", "ideas"), ("text", "x")]);
    assert_eq!(missing.status, 403);
    let ok = add(
        &mut phone,
        &[("token", &token), ("key", "ideas"), ("text", "x")],
    );
    assert_eq!(ok.status, 303);
    let replayed = add(
        &mut phone,
        &[("token", &token), ("key", "ideas"), ("text", "y")],
    );
    assert_eq!(replayed.status, 403);
    let json = phone.post_json(
        h.addr(),
        &h.path("/add"),
        &[("token", &token), ("key", "ideas"), ("text", "y")],
    );
    assert_eq!(json.status, 403);
    assert_eq!(json.json()["stale"], true);

    // Another device's token, and no device at all.
    let mut other = Device::new();
    let theirs = open_page(&h, &mut other).token();
    let borrowed = add(
        &mut phone,
        &[("token", &theirs), ("key", "ideas"), ("text", "z")],
    );
    assert_eq!(borrowed.status, 403);
    let mut stranger = Device::new();
    let anonymous = add(
        &mut stranger,
        &[("token", &theirs), ("key", "ideas"), ("text", "z")],
    );
    assert_eq!(anonymous.status, 403);

    // Another site's form, even with a good token.
    let page = open_page(&h, &mut phone);
    for extra in [
        [("Origin", "http://evil.example"), ("X-Dummy", "1")],
        [("Sec-Fetch-Site", "cross-site"), ("X-Dummy", "1")],
    ] {
        let request = {
            let body = format!("token={}&key=ideas&text=evil", page.token());
            let mut head = phone.head("POST", &h.path("/add"), &extra);
            head.push_str(&format!(
                "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
                body.len()
            ));
            head
        };
        let resp = exchange(h.addr(), None, request.as_bytes());
        assert_eq!(resp.status, 403, "{extra:?}");
    }
    assert_eq!(h.entries().len(), 1);
    assert!(h.entries().iter().all(|e| e.text == "x"));
}

#[test]
fn a_one_megabyte_post_is_refused_without_being_read() {
    let h = Harness::with(list());
    let mut phone = Device::new();
    let page = open_page(&h, &mut phone);
    let mut request = phone
        .head(
            "POST",
            &h.path("/add"),
            &[
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Content-Length", "1048576"),
            ],
        )
        .into_bytes();
    request.extend_from_slice(b"\r\n");
    request.extend_from_slice(format!("token={}&key=ideas&text=", page.token()).as_bytes());
    // Send only a part: the server must answer without waiting for the rest.
    request.extend(std::iter::repeat_n(b'a', 64 * 1024));
    let started = Instant::now();
    let resp = exchange(h.addr(), None, &request);
    assert_eq!(resp.status, 413, "{resp:?}");
    assert!(started.elapsed() < Duration::from_secs(5));
    // Without a declared length (chunked), the limit still holds.
    let mut chunked = phone
        .head(
            "POST",
            &h.path("/add"),
            &[
                ("Content-Type", "application/x-www-form-urlencoded"),
                ("Transfer-Encoding", "chunked"),
            ],
        )
        .into_bytes();
    chunked.extend_from_slice(b"\r\n");
    for _ in 0..20 {
        chunked.extend_from_slice(b"1000\r\n");
        chunked.extend(std::iter::repeat_n(b'a', 0x1000));
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let resp = exchange(h.addr(), None, &chunked);
    assert_eq!(resp.status, 413, "{resp:?}");
    assert_eq!(h.delivered(), 0);
    assert_eq!(open_page(&h, &mut phone).status, 200);
}

#[test]
fn hammering_is_rate_limited_and_other_clients_are_still_served() {
    let h = Harness::with(list());
    let addr = h.addr();
    let path = h.base();
    let limited = Arc::new(AtomicUsize::new(0));
    let served = Arc::new(AtomicUsize::new(0));
    let hammers: Vec<_> = (0..4)
        .map(|_| {
            let path = path.clone();
            let limited = Arc::clone(&limited);
            let served = Arc::clone(&served);
            std::thread::spawn(move || {
                let request =
                    format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
                for _ in 0..250 {
                    let mut stream = match TcpStream::connect(addr) {
                        Ok(s) => s,
                        Err(_) => continue,
                    };
                    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
                    let _ = stream.write_all(request.as_bytes());
                    let mut head = [0u8; 12];
                    if stream.read_exact(&mut head).is_ok() {
                        match &head[9..12] {
                            b"429" => limited.fetch_add(1, Ordering::SeqCst),
                            b"200" => served.fetch_add(1, Ordering::SeqCst),
                            _ => 0,
                        };
                    }
                }
            })
        })
        .collect();

    // Meanwhile, a phone at another address is answered promptly (Linux routes all of
    // 127.0.0.0/8 to the loopback; elsewhere the second address may not exist).
    if cfg!(target_os = "linux") {
        let mut other = Device {
            from: Some(IpAddr::from([127, 0, 0, 2])),
            ..Device::new()
        };
        for _ in 0..5 {
            let started = Instant::now();
            let page = other.get(addr, &path);
            assert_eq!(page.status, 200, "{page:?}");
            assert!(started.elapsed() < Duration::from_secs(2));
            std::thread::sleep(Duration::from_millis(50));
        }
    }
    for hammer in hammers {
        hammer.join().unwrap();
    }
    let limited = limited.load(Ordering::SeqCst);
    let served = served.load(Ordering::SeqCst);
    assert!(limited > 500, "{limited} refused, {served} served");
    assert!(served >= 40, "the burst is served: {served}");
    assert!(served < 400, "{served} served of 1,000");
    let refused = Device::new().get(addr, &path);
    assert!(refused.status == 429 || refused.status == 200);
    if refused.status == 429 {
        assert_eq!(refused.header("retry-after").as_deref(), Some("1"));
    }
}

#[test]
fn hostile_text_in_every_field_stays_text_on_every_page() {
    let items: Vec<String> = vec![NASTY.into(), format!("b {NASTY}")];
    let choices = vec![
        RoomChoice {
            value: NASTY.into(),
            label: Text::plain(NASTY),
        },
        RoomChoice {
            value: "plain".into(),
            label: Text::plain("Plain"),
        },
    ];
    let kinds = vec![
        list(),
        RoomKind::Vote {
            items: items.clone(),
            dots: 3,
        },
        RoomKind::Score {
            items: items.clone(),
            criteria: vec![RoomCriterion {
                id: "impact".into(),
                label: Text::plain(NASTY),
                min: 1,
                max: 5,
            }],
        },
        RoomKind::Rank { items },
        RoomKind::Select {
            choices: choices.clone(),
        },
        RoomKind::Multiselect {
            choices,
            min: None,
            max: None,
        },
        RoomKind::Text { max_chars: 500 },
    ];
    let hostile = |kind: RoomKind| {
        let mut q = question(NASTY, kind);
        q.method_title = Text::plain(NASTY);
        q.step_title = Text::plain(NASTY);
        q.prompt = Text::plain(NASTY);
        q.help = Some(Text::plain(NASTY));
        q
    };
    let h = Harness::start(Some(hostile(list())));
    let mut phone = Device::new();
    let page = open_page(&h, &mut phone);
    let named = phone.post(
        h.addr(),
        &h.path("/name"),
        &[("token", &page.token()), ("name", "<b>x</b>\x1b[31m\"'")],
    );
    assert_eq!(named.status, 303, "{named:?}");
    let page = open_page(&h, &mut phone);
    assert_inert("page", &page.body);
    let added = phone.post(
        h.addr(),
        &h.path("/add"),
        &[("token", &page.token()), ("key", NASTY), ("text", NASTY)],
    );
    assert_eq!(added.status, 303, "{added:?}");
    // The terminal escape never reaches the engine; the rest is kept as text.
    let kept = &h.entries()[0];
    assert!(!kept.text.contains('\x1b'));
    assert!(kept.text.contains("<script>"));
    assert_eq!(kept.name.as_deref(), Some("<b>x</b> [31m\"'"));
    // Refused text comes back as text too.
    let page = open_page(&h, &mut phone);
    let refused = phone.post(
        h.addr(),
        &h.path("/add"),
        &[
            ("token", &page.token()),
            ("key", NASTY),
            ("text", &format!("REFUSE {NASTY}")),
        ],
    );
    assert_eq!(refused.status, 422);
    assert_inert("refusal", &refused.body);
    assert!(
        refused
            .body
            .contains("the engine refuses REFUSE &lt;script&gt;")
    );

    h.change(|st| st.results = true);
    for kind in kinds {
        h.change(|st| {
            let entries = st.q.as_ref().map(|q| q.entries.clone()).unwrap_or_default();
            let mut q = hostile(kind.clone());
            q.entries = entries;
            retally(&mut q);
            q.tally.counts = vec![1, 2];
            q.tally.order = vec![(NASTY.into(), 3)];
            q.tally.texts = vec![(NASTY.into(), 1)];
            q.tally.means = vec![vec![Some(1.0)], vec![None]];
            st.q = Some(q);
        });
        let page = open_page(&h, &mut phone);
        assert_inert(&format!("{kind:?} page"), &page.body);
        assert!(
            page.body
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img")
        );
        let results = phone.get(h.addr(), &h.path("/results"));
        assert_inert(&format!("{kind:?} results"), &results.body);
    }
}

/// Reads from an event stream until a `data:` line arrives.
fn next_event(reader: &mut BufReader<TcpStream>) -> serde_json::Value {
    let mut line = String::new();
    loop {
        line.clear();
        let n = reader.read_line(&mut line).unwrap();
        assert!(n > 0, "the stream ended");
        if let Some(data) = line.trim_end().strip_prefix("data: ") {
            return serde_json::from_str(data).unwrap();
        }
    }
}

fn open_stream(h: &Harness) -> TcpStream {
    let mut stream = connect(h.addr(), None);
    let request = format!(
        "GET {} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n",
        h.path("/events")
    );
    stream.write_all(request.as_bytes()).unwrap();
    stream
}

#[test]
fn events_follow_the_room_and_a_stream_never_read_blocks_nobody() {
    let h = Harness::with(list());
    let mut reader = BufReader::new(open_stream(&h));
    let mut status = String::new();
    reader.read_line(&mut status).unwrap();
    assert!(status.starts_with("HTTP/1.1 200"), "{status}");
    let first = next_event(&mut reader);
    assert_eq!(first["state"], "open");
    assert_eq!(first["key"], "ideas");
    assert!(first["now"].as_u64().unwrap() > 0);

    // A stream that is opened and never read, while the room changes many times with a large
    // question: the server keeps only the latest state for it and goes on serving others.
    let _silent = open_stream(&h);
    let big = "x".repeat(400);
    for i in 0..3_000 {
        h.change(|st| {
            let mut q = question(&format!("q{i}-{big}"), list());
            q.ends_ms = Some(i);
            st.q = Some(q);
        });
    }
    let mut phone = Device::new();
    let started = Instant::now();
    let page = open_page(&h, &mut phone);
    assert!(page.body.contains("q2999-"));
    assert!(started.elapsed() < Duration::from_secs(2));
    // The reading stream comes to the latest state (skipping what it was too slow for).
    while next_event(&mut reader)["ends"] != 2_999 {}

    h.change(|st| st.closed = true);
    assert_eq!(next_event(&mut reader)["state"], "closed");
    h.change(|st| st.q = None);
    let waiting = next_event(&mut reader);
    assert_eq!(waiting["state"], "waiting");
    assert!(waiting["key"].is_null());
}

#[test]
fn a_closed_question_or_none_refuses_writes() {
    let h = Harness::with(list());
    let mut phone = Device::new();
    let page = open_page(&h, &mut phone);
    h.change(|st| st.closed = true);
    let closed = phone.post(
        h.addr(),
        &h.path("/add"),
        &[("token", &page.token()), ("key", "ideas"), ("text", "late")],
    );
    assert_eq!(closed.status, 409, "{closed:?}");
    assert!(closed.body.contains("This question is closed."));

    h.change(|st| {
        st.closed = false;
        if let Some(q) = st.q.as_mut() {
            q.closed = true;
        }
    });
    let page = open_page(&h, &mut phone);
    let closed = phone.post_json(
        h.addr(),
        &h.path("/add"),
        &[("token", &page.token()), ("key", "ideas"), ("text", "late")],
    );
    assert_eq!(closed.status, 409);
    assert_eq!(closed.json()["stale"], true);

    h.change(|st| st.q = None);
    let page = open_page(&h, &mut phone);
    assert!(page.body.contains("Waiting for the next question"));
    let none = phone.post(
        h.addr(),
        &h.path("/add"),
        &[("token", &page.token()), ("key", "ideas"), ("text", "late")],
    );
    assert_eq!(none.status, 409);

    // A page for an earlier question cannot answer the next one.
    h.change(|st| st.q = Some(question("next", list())));
    let token = open_page(&h, &mut phone).token();
    let changed = phone.post(
        h.addr(),
        &h.path("/add"),
        &[("token", &token), ("key", "ideas"), ("text", "x")],
    );
    assert_eq!(changed.status, 409);
    assert_eq!(h.delivered(), 0);
}

#[test]
fn the_engines_answer_decides() {
    let h = Harness::with(list());
    let mut phone = Device::new();
    let page = open_page(&h, &mut phone);
    let refused = phone.post(
        h.addr(),
        &h.path("/add"),
        &[
            ("token", &page.token()),
            ("key", "ideas"),
            ("text", "REFUSE me"),
        ],
    );
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("the engine refuses REFUSE me"));
    assert!(
        refused.body.contains(">REFUSE me</textarea>"),
        "what was typed is kept"
    );
    // The refusal page carries a fresh token.
    let json = phone.post_json(
        h.addr(),
        &h.path("/add"),
        &[
            ("token", &refused.token()),
            ("key", "ideas"),
            ("text", "DROP me"),
        ],
    );
    assert_eq!(json.status, 503, "an engine that never answers");
    assert_eq!(json.json()["ok"], false);
    let received = h.received.lock().unwrap();
    assert_eq!(received.len(), 2);
    assert_eq!(received[1].action, RoomAction::Add("DROP me".into()));
}

#[test]
fn stopping_ends_streams_and_frees_the_port() {
    let room = Room::start(
        RoomConfig {
            bind: IpAddr::from([127, 0, 0, 1]),
            port: 0,
            code: new_code(),
            lang: Lang::Pt,
            stored_where: "s.yaml".into(),
        },
        Box::new(|_| {}),
    )
    .unwrap();
    let addr = room.addr();
    let url = room.url();
    let path = &url[url.find("/r/").unwrap()..];
    let mut reading = connect(addr, None);
    reading
        .write_all(format!("GET {path}/events HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
        .unwrap();
    let mut silent = connect(addr, None);
    silent
        .write_all(format!("GET {path}/events HTTP/1.1\r\nHost: x\r\n\r\n").as_bytes())
        .unwrap();
    let mut reader = BufReader::new(reading);
    assert_eq!(next_event(&mut reader)["state"], "waiting");
    let started = Instant::now();
    room.stop();
    assert!(started.elapsed() < Duration::from_secs(5));
    let mut rest = Vec::new();
    let _ = reader.read_to_end(&mut rest);
    assert!(
        TcpStream::connect(addr).is_err(),
        "nothing listens any more"
    );
    drop(silent);
}
