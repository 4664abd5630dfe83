//! The room: a small web server on the facilitator's laptop through which participants answer
//! the question open to the room from their own phones (no app, no account, a name only if
//! they want one).
//!
//! It is a front end and holds no answers: a participant's post becomes a `Contribution`
//! handed to the engine through `deliver` (which must not block), and the engine's answer comes
//! back on a one-shot channel; what the room sees is whatever the engine last [`Room::publish`]ed.
//! The server runs on one thread of its own with a single-threaded async runtime, listens only
//! on the address it is given, and bounds everything a client can make it hold (see `limits`
//! and docs/room.md): the laptop stays responsive and its session file safe whatever a phone on
//! a shared network sends.

mod contribution;
mod http;
mod limits;
mod render;

use std::convert::Infallible;
use std::io;
use std::net::{IpAddr, SocketAddr};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use axum::Router;
use axum::body::Body;
use axum::http::header::{self, HeaderValue};
use axum::http::{Request, StatusCode};
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming as HyperBody;
use hyper::server::conn::http1;
use hyper_util::rt::{TokioIo, TokioTimer};
use tokio::net::TcpListener;
use tokio::sync::{oneshot, watch};

use crate::engine::room::{Contribution, RoomQuestion};
use crate::lang::Lang;

pub use http::{ANSWER_WAIT, BODY_LIMIT};
pub use limits::{
    MAX_CONNECTIONS, MAX_CONNECTIONS_PER_ADDRESS, MAX_STREAMS_PER_ADDRESS, RATE_BURST, RATE_PER_SEC,
};
pub use render::html_escape;

use limits::{Connections, Devices, RateLimiter, Streams, lock};

/// How the room is served.
#[derive(Debug, Clone)]
pub struct RoomConfig {
    /// The only address listened on (the laptop's address on the room's network).
    pub bind: IpAddr,
    /// 0 takes any free port.
    pub port: u16,
    /// The room's code, the secret part of its address: letters, digits and `-` (see
    /// [`new_code`]).
    pub code: String,
    /// The session's language; a browser asking for English or Portuguese gets that instead.
    pub lang: Lang,
    /// Where answers are kept (the session file's name), said on the page.
    pub stored_where: String,
}

/// Where the engine answers a contribution: `Err` carries the refusal shown to the participant.
pub type Responder = oneshot::Sender<Result<(), String>>;

/// A contribution from a participant's device, with the way to answer it.
pub struct Incoming {
    pub contribution: Contribution,
    pub reply: Responder,
}

/// What the room shows now.
#[derive(Debug, Clone)]
pub enum RoomNow {
    /// Between questions.
    Waiting,
    /// A question participants can answer.
    Open(Arc<RoomQuestion>),
    /// A question that no longer takes answers (still shown, and its results if they are on).
    Closed(Arc<RoomQuestion>),
}

impl RoomNow {
    pub fn is_closed(&self) -> bool {
        matches!(self, RoomNow::Closed(_))
    }
}

/// What was last published, numbered so a results page knows when to look again.
#[derive(Debug, Clone)]
pub(crate) struct Published {
    pub now: RoomNow,
    pub results: bool,
    pub version: u64,
}

/// The client address of a request, put in its extensions by the connection loop.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Peer(pub IpAddr);

type Deliver = Box<dyn Fn(Incoming) + Send + Sync>;

/// What every connection's handlers share.
pub(crate) struct Shared {
    code: String,
    /// `/r/CODE`
    base: String,
    lang: Lang,
    stored_where: String,
    deliver: Deliver,
    state: watch::Receiver<Arc<Published>>,
    limiter: Mutex<RateLimiter>,
    conns: Arc<Connections>,
    streams: Arc<Streams>,
    devices: Mutex<Devices>,
}

/// A running room server. Stopping it (or dropping it) ends its event streams, lets requests
/// in flight finish for up to two seconds, and joins its thread.
pub struct Room {
    addr: SocketAddr,
    code: String,
    publisher: Option<watch::Sender<Arc<Published>>>,
    version: AtomicU64,
    shared: Arc<Shared>,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

/// Connection settings: headers must arrive within ten seconds (an idle kept-alive connection
/// is closed after as long), and no request head may exceed 16 KiB.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
const MAX_BUF: usize = 16 * 1024;
/// How long stopping waits for requests in flight.
const DRAIN: Duration = Duration::from_secs(2);

impl Room {
    /// Binds `cfg.bind:cfg.port` (an error if it cannot), starts the server on a thread of its
    /// own, and returns once it is listening. `deliver` is called from the server for each
    /// contribution that passes the server's checks; it must not block.
    pub fn start(
        cfg: RoomConfig,
        deliver: Box<dyn Fn(Incoming) + Send + Sync>,
    ) -> io::Result<Room> {
        if !valid_code(&cfg.code) {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                format!(
                    "`{}` is not a room code (letters, digits and `-`)",
                    cfg.code
                ),
            ));
        }
        let listener = std::net::TcpListener::bind((cfg.bind, cfg.port))?;
        listener.set_nonblocking(true)?;
        let addr = listener.local_addr()?;
        let (publisher, state) = watch::channel(Arc::new(Published {
            now: RoomNow::Waiting,
            results: false,
            version: 0,
        }));
        let shared = Arc::new(Shared {
            base: format!("/r/{}", cfg.code),
            code: cfg.code.clone(),
            lang: cfg.lang,
            stored_where: cfg.stored_where,
            deliver,
            state,
            limiter: Mutex::default(),
            conns: Arc::default(),
            streams: Arc::default(),
            devices: Mutex::default(),
        });
        let (stop, stopped) = oneshot::channel();
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let server_shared = Arc::clone(&shared);
        let thread = std::thread::Builder::new()
            .name("labkit-room".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_current_thread()
                    .enable_io()
                    .enable_time()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(err) => {
                        let _ = ready_tx.send(Err(err));
                        return;
                    }
                };
                runtime.block_on(async move {
                    let listener = match TcpListener::from_std(listener) {
                        Ok(listener) => listener,
                        Err(err) => {
                            let _ = ready_tx.send(Err(err));
                            return;
                        }
                    };
                    let _ = ready_tx.send(Ok(()));
                    serve(listener, server_shared, stopped).await;
                });
                // Dropping the runtime here ends whatever did not finish in time.
            })?;
        match ready_rx.recv() {
            Ok(Ok(())) => {}
            Ok(Err(err)) => {
                let _ = thread.join();
                return Err(err);
            }
            Err(_) => {
                let _ = thread.join();
                return Err(io::Error::other("the room's server thread ended at start"));
            }
        }
        Ok(Room {
            addr,
            code: cfg.code,
            publisher: Some(publisher),
            version: AtomicU64::new(0),
            shared,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// The participants' address: `http://{ip}:{port}/r/{code}`.
    pub fn url(&self) -> String {
        format!("http://{}/r/{}", self.addr, self.code)
    }

    /// The address the server listens on (with the port it got, when 0 was asked for).
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Shows `now` to the room, with results on the results page or not. Pages following the
    /// room's events pick it up at once; a slow one skips straight to the latest.
    pub fn publish(&self, now: RoomNow, results_shown: bool) {
        let version = self.version.fetch_add(1, Ordering::Relaxed) + 1;
        if let Some(publisher) = &self.publisher {
            publisher.send_replace(Arc::new(Published {
                now,
                results: results_shown,
                version,
            }));
        }
    }

    /// Devices that have opened the participants' page (as remembered: the table keeps the
    /// latest 2,000).
    pub fn joined(&self) -> usize {
        lock(&self.shared.devices).len()
    }

    /// Stops the server: event streams end, requests in flight get up to two seconds, the
    /// thread is joined. Dropping the room does the same.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        // Without a sender every event stream sees the channel close and ends.
        self.publisher.take();
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        self.shutdown();
    }
}

/// A new room code: 80 random bits as 16 Crockford base32 characters in four groups
/// (`K7QF-9XW2-MB4T-JC8P`), easy to read aloud and to type.
///
/// Should the operating system have no randomness to give (which the platforms labkit runs on
/// do not allow), the bits come from hashing the time, the process and a counter: still
/// different every time, but guessable, so the room is then only as private as its network.
pub fn new_code() -> String {
    let bytes = limits::random_bytes::<10>().unwrap_or_else(|_| fallback_bytes());
    limits::code_from(bytes)
}

fn fallback_bytes() -> [u8; 10] {
    use sha2::{Digest, Sha256};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let digest = Sha256::new()
        .chain_update(nanos.to_be_bytes())
        .chain_update(std::process::id().to_be_bytes())
        .chain_update(COUNTER.fetch_add(1, Ordering::Relaxed).to_be_bytes())
        .finalize();
    let mut bytes = [0u8; 10];
    bytes.copy_from_slice(&digest[..10]);
    bytes
}

/// A code that can sit in a URL path as it is.
fn valid_code(code: &str) -> bool {
    (1..=64).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// The server's clock in Unix milliseconds, sent to pages so their countdowns agree with it.
fn now_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// Accepts connections until told to stop, each served on a task of its own within the
/// connection limits; then asks every connection to finish and waits for them a little.
async fn serve(listener: TcpListener, shared: Arc<Shared>, mut stopped: oneshot::Receiver<()>) {
    let router = http::router(Arc::clone(&shared));
    let (drain_tx, drain_rx) = watch::channel(());
    loop {
        let (stream, peer) = tokio::select! {
            biased;
            _ = &mut stopped => break,
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(_) => {
                    // Out of file descriptors or a connection reset before it was taken:
                    // wait a moment rather than spin.
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
        };
        let Some(permit) = shared.conns.admit(peer.ip()) else {
            drop(stream);
            continue;
        };
        let _ = stream.set_nodelay(true);
        let router = router.clone();
        let shared = Arc::clone(&shared);
        let mut drain = drain_rx.clone();
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                respond(router.clone(), Arc::clone(&shared), peer, request)
            });
            let mut builder = http1::Builder::new();
            builder
                .timer(TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .max_buf_size(MAX_BUF);
            let connection = builder.serve_connection(TokioIo::new(stream), service);
            let mut connection = std::pin::pin!(connection);
            tokio::select! {
                _ = connection.as_mut() => {}
                _ = drain.changed() => {
                    connection.as_mut().graceful_shutdown();
                    let _ = connection.as_mut().await;
                }
            }
            drop(permit);
        });
    }
    drop(listener);
    drop(drain_rx);
    let _ = drain_tx.send(());
    let _ = tokio::time::timeout(DRAIN, drain_tx.closed()).await;
}

/// One request: the address's rate limit first, then the routes, then the headers every
/// response carries.
async fn respond(
    mut router: Router,
    shared: Arc<Shared>,
    peer: SocketAddr,
    request: Request<HyperBody>,
) -> Result<Response, Infallible> {
    let allowed = lock(&shared.limiter).allow(peer.ip(), Instant::now());
    let mut response = if allowed {
        let mut request = request.map(Body::new);
        request.extensions_mut().insert(Peer(peer.ip()));
        match tower_service::Service::call(&mut router, request).await {
            Ok(response) => response,
            Err(never) => match never {},
        }
    } else {
        (
            StatusCode::TOO_MANY_REQUESTS,
            [
                (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
                (header::RETRY_AFTER, "1"),
            ],
            "Too many requests\n",
        )
            .into_response()
    };
    let headers = response.headers_mut();
    for (name, value) in [
        (
            header::CONTENT_SECURITY_POLICY,
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
             connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        ),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        // Not `no-referrer`: under it a browser sends `Origin: null` with a plain form post
        // (no JavaScript), which the same-origin check must refuse. `same-origin` still sends
        // nothing (no address, no room code) to any other site.
        (header::REFERRER_POLICY, "same-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    headers
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("no-store"));
    Ok(response)
}

#[cfg(test)]
pub(crate) mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::engine::room::{RoomChoice, RoomCriterion, RoomEntry, RoomKind, Tally};
    use crate::method::Text;

    pub fn criteria() -> Vec<RoomCriterion> {
        vec![
            RoomCriterion {
                id: "impact".into(),
                label: Text::plain("Impact"),
                min: 1,
                max: 5,
            },
            RoomCriterion {
                id: "effort".into(),
                label: Text::plain("Effort"),
                min: 1,
                max: 5,
            },
        ]
    }

    pub fn choices() -> Vec<RoomChoice> {
        ["x", "y", "z"]
            .iter()
            .map(|v| RoomChoice {
                value: (*v).into(),
                label: Text::plain(format!("Choice {v}")),
            })
            .collect()
    }

    /// A question with key `q`, entry 1 by device `mine` and entry 2 by `theirs`.
    pub fn question(kind: RoomKind) -> RoomQuestion {
        RoomQuestion {
            key: "q".into(),
            method_title: Text::plain("Method"),
            step_title: Text::plain("Step"),
            step_number: 1,
            steps_total: 2,
            prompt: Text::plain("Prompt"),
            help: None,
            kind,
            opened_ms: 0,
            ends_ms: None,
            closed: false,
            entries: vec![
                RoomEntry {
                    id: 1,
                    device: "mine".into(),
                    name: None,
                    text: "my entry".into(),
                    hidden: false,
                    merged_into: None,
                    withdrawn: false,
                },
                RoomEntry {
                    id: 2,
                    device: "theirs".into(),
                    name: Some("Zé".into()),
                    text: "their entry".into(),
                    hidden: false,
                    merged_into: None,
                    withdrawn: false,
                },
            ],
            ballots: BTreeMap::new(),
            tally: Tally::default(),
        }
    }

    #[test]
    fn a_room_can_be_shared_between_threads() {
        fn shareable<T: Send + Sync>() {}
        shareable::<Room>();
        shareable::<RoomNow>();
        fn sendable<T: Send>() {}
        sendable::<Incoming>();
    }

    #[test]
    fn codes_must_fit_in_a_path() {
        assert!(valid_code("K7QF-9XW2-MB4T-JC8P"));
        assert!(valid_code(&new_code()));
        assert!(!valid_code(""));
        assert!(!valid_code("a/b"));
        assert!(!valid_code("a b"));
        assert!(!valid_code(&"a".repeat(65)));
        assert_eq!(limits::code_from(fallback_bytes()).len(), 19);
    }

    #[test]
    fn a_bad_code_or_a_taken_port_is_an_error_at_start() {
        let cfg = RoomConfig {
            bind: IpAddr::from([127, 0, 0, 1]),
            port: 0,
            code: "no/slashes".into(),
            lang: Lang::En,
            stored_where: "s.yaml".into(),
        };
        assert!(Room::start(cfg.clone(), Box::new(|_| {})).is_err());
        let room = Room::start(
            RoomConfig {
                code: "ABCD".into(),
                ..cfg.clone()
            },
            Box::new(|_| {}),
        )
        .unwrap();
        assert!(room.url().starts_with("http://127.0.0.1:"));
        assert!(room.url().ends_with("/r/ABCD"));
        let taken = Room::start(
            RoomConfig {
                code: "ABCD".into(),
                port: room.addr().port(),
                ..cfg
            },
            Box::new(|_| {}),
        );
        assert!(taken.is_err());
        assert_eq!(room.joined(), 0);
        room.stop();
    }
}
