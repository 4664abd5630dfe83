//! The room's routes and handlers: the participants' page, its event stream, the results page,
//! the two embedded assets, and the five kinds of post (add, edit, withdraw, ballot, name).
//!
//! Every route sits under `/r/{code}`; a wrong code is the same bare 404 as an unknown path.
//! A post must come from the room's own page (no cross-site `Origin` or `Sec-Fetch-Site`),
//! carry a single-use token that page was given for this device, stay under the body limit and
//! pass the server's own checks (see `contribution`) before it is handed to the engine, whose
//! answer (or silence for five seconds) decides the reply. Nothing here keeps answers: the
//! engine owns them and publishes what the room should see.

use std::convert::Infallible;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::body::Body;
use axum::extract::{Path, State};
use axum::http::header::{self, HeaderMap, HeaderValue};
use axum::http::{StatusCode, Uri};
use axum::response::sse::{Event, KeepAlive, Sse};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use tokio::sync::oneshot;

use crate::engine::room::Contribution;
use crate::i18n::t;
use crate::lang::Lang;

use super::contribution::{self, Fields, Form, Refusal, field};
use super::limits::{is_id, lock, random_id, same_secret};
use super::render::{self, Draft, Notice, Page, choose_lang};
use super::{Incoming, Peer, Published, Shared, now_ms};

/// The largest form body read; a longer one is refused with 413 without reading on.
pub const BODY_LIMIT: usize = 16 * 1024;
/// How long a post's body may take to arrive.
const BODY_WAIT: Duration = Duration::from_secs(10);
/// How long a post waits for the engine's answer.
pub const ANSWER_WAIT: Duration = Duration::from_secs(5);
/// How long one event stream lasts before the browser opens a new one (so a phone that left
/// the network without a word frees its place), and how often it says it is alive.
const STREAM_LIFETIME: Duration = Duration::from_secs(300);
const KEEP_ALIVE: Duration = Duration::from_secs(15);
/// How long the device and name cookies last: a workshop of several days.
const COOKIE_MAX_AGE: u32 = 7 * 24 * 3600;
const DEVICE_COOKIE: &str = "labkit_device";
const NAME_COOKIE: &str = "labkit_name";

const SCRIPT: &str = include_str!("room.js");
const STYLE: &str = include_str!("room.css");

pub fn router(shared: Arc<Shared>) -> Router {
    Router::new()
        .route("/r/{code}", get(page))
        .route("/r/{code}/events", get(events))
        .route("/r/{code}/results", get(results))
        .route("/r/{code}/room.js", get(script))
        .route("/r/{code}/room.css", get(style))
        .route("/r/{code}/add", post(add))
        .route("/r/{code}/edit", post(edit))
        .route("/r/{code}/withdraw", post(withdraw))
        .route("/r/{code}/ballot", post(ballot))
        .route("/r/{code}/name", post(name))
        .fallback(|| async { not_found() })
        .method_not_allowed_fallback(|| async { not_found() })
        .with_state(shared)
}

/// The one "not here" answer: no hint whether the code or the path was wrong.
fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "Not found\n",
    )
        .into_response()
}

fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        body,
    )
        .into_response()
}

/// The device's cookies, read leniently: a malformed value counts as absent.
#[derive(Debug, Default, PartialEq)]
struct Cookies {
    device: Option<String>,
    name: Option<String>,
}

impl Cookies {
    fn parse(headers: &HeaderMap) -> Cookies {
        let mut cookies = Cookies::default();
        for value in headers.get_all(header::COOKIE) {
            let Ok(value) = value.to_str() else { continue };
            for pair in value.split(';') {
                let Some((k, v)) = pair.trim().split_once('=') else {
                    continue;
                };
                match k {
                    DEVICE_COOKIE if is_id(v) => cookies.device = Some(v.to_owned()),
                    NAME_COOKIE => {
                        let decoded = form_urlencoded::parse(v.as_bytes())
                            .next()
                            .map(|(k, _)| k.into_owned())
                            .unwrap_or_default();
                        cookies.name = contribution::clean_name(&decoded).ok().flatten();
                    }
                    _ => {}
                }
            }
        }
        cookies
    }
}

fn cookie(base: &str, name: &str, value: &str, max_age: u32) -> Option<HeaderValue> {
    HeaderValue::from_str(&format!(
        "{name}={value}; Path={base}; Max-Age={max_age}; HttpOnly; SameSite=Strict"
    ))
    .ok()
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

fn page_lang(shared: &Shared, headers: &HeaderMap) -> Lang {
    choose_lang(header_str(headers, header::ACCEPT_LANGUAGE), shared.lang)
}

/// A request sent by another site (a form or script elsewhere aiming at the room).
fn cross_site(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site")
        && site != "same-origin"
        && site != "none"
    {
        return true;
    }
    if let Some(origin) = headers.get(header::ORIGIN) {
        let host = header_str(headers, header::HOST).unwrap_or_default();
        return host.is_empty() || origin.to_str().ok() != Some(&format!("http://{host}"));
    }
    false
}

fn wants_json(headers: &HeaderMap) -> bool {
    header_str(headers, header::ACCEPT).is_some_and(|a| a.contains("application/json"))
}

fn published(shared: &Shared) -> Arc<Published> {
    Arc::clone(&shared.state.borrow())
}

/// A fresh token for `device`, remembered as outstanding.
fn issue_token(shared: &Shared, device: &str) -> Option<String> {
    let token = random_id().ok()?;
    lock(&shared.devices).issue(device, token.clone());
    Some(token)
}

fn unavailable(lang: Lang) -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [
            (header::CONTENT_TYPE, "text/plain; charset=utf-8"),
            (header::RETRY_AFTER, "2"),
        ],
        format!("{}\n", t(lang, "room.err.busy")),
    )
        .into_response()
}

async fn page(
    State(shared): State<Arc<Shared>>,
    Path(code): Path<String>,
    headers: HeaderMap,
    uri: Uri,
) -> Response {
    if !same_secret(&code, &shared.code) {
        return not_found();
    }
    let lang = page_lang(&shared, &headers);
    let cookies = Cookies::parse(&headers);
    let (device, new_device) = match cookies.device.clone() {
        Some(device) => (device, false),
        None if headers
            .get("sec-fetch-site")
            .is_some_and(|s| s == "cross-site") =>
        {
            // A Strict cookie is not sent with a first request from another site's link: go
            // round once through our own page so a returning phone keeps its identity.
            return html(StatusCode::OK, render::landing(lang, &shared.base));
        }
        None => match random_id() {
            Ok(id) => (id, true),
            Err(_) => return unavailable(lang),
        },
    };
    let Some(token) = issue_token(&shared, &device) else {
        return unavailable(lang);
    };
    let notice = uri.query().and_then(|q| {
        form_urlencoded::parse(q.as_bytes())
            .find(|(k, _)| k == "done")
            .and_then(|(_, v)| done_key(&v))
            .map(|key| Notice {
                ok: true,
                text: t(lang, key).to_owned(),
            })
    });
    let mut response = render_page(
        &shared,
        lang,
        &device,
        cookies.name.as_deref(),
        &token,
        notice.as_ref(),
        None,
        StatusCode::OK,
    );
    if new_device && let Some(c) = cookie(&shared.base, DEVICE_COOKIE, &device, COOKIE_MAX_AGE) {
        response.headers_mut().append(header::SET_COOKIE, c);
    }
    response
}

#[allow(clippy::too_many_arguments)]
fn render_page(
    shared: &Shared,
    lang: Lang,
    device: &str,
    name: Option<&str>,
    token: &str,
    notice: Option<&Notice>,
    draft: Option<&Draft>,
    status: StatusCode,
) -> Response {
    let published = published(shared);
    let body = render::participant(&Page {
        lang,
        base: &shared.base,
        now: &published.now,
        device,
        name,
        token,
        stored_where: &shared.stored_where,
        now_ms: now_ms(),
        notice,
        draft,
    });
    html(status, body)
}

/// The message key for `?done=…` after a post that went through.
fn done_key(done: &str) -> Option<&'static str> {
    Some(match done {
        "add" => "room.done.add",
        "edit" => "room.done.edit",
        "withdraw" => "room.done.withdraw",
        "ballot" => "room.done.ballot",
        "name" => "room.done.name",
        _ => return None,
    })
}

async fn results(
    State(shared): State<Arc<Shared>>,
    Path(code): Path<String>,
    headers: HeaderMap,
) -> Response {
    if !same_secret(&code, &shared.code) {
        return not_found();
    }
    let lang = page_lang(&shared, &headers);
    let published = published(&shared);
    html(
        StatusCode::OK,
        render::results(lang, &shared.base, &published, now_ms()),
    )
}

async fn script(State(shared): State<Arc<Shared>>, Path(code): Path<String>) -> Response {
    asset(&shared, &code, "text/javascript; charset=utf-8", SCRIPT)
}

async fn style(State(shared): State<Arc<Shared>>, Path(code): Path<String>) -> Response {
    asset(&shared, &code, "text/css; charset=utf-8", STYLE)
}

fn asset(shared: &Shared, code: &str, content_type: &'static str, body: &'static str) -> Response {
    if !same_secret(code, &shared.code) {
        return not_found();
    }
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "private, max-age=600"),
        ],
        body,
    )
        .into_response()
}

/// What the browser's script needs to follow the room: which question, in which state, when its
/// timebox ends, and the server's clock (so the countdown runs on the facilitator's time).
pub fn event_json(p: &Published, now_ms: u64) -> String {
    let (key, ends) = match &p.now {
        super::RoomNow::Waiting => (None, None),
        super::RoomNow::Open(q) | super::RoomNow::Closed(q) => (Some(q.key.as_str()), q.ends_ms),
    };
    serde_json::json!({
        "v": p.version,
        "key": key,
        "state": match &p.now {
            super::RoomNow::Waiting => "waiting",
            super::RoomNow::Open(_) => "open",
            super::RoomNow::Closed(_) => "closed",
        },
        "ends": ends,
        "now": now_ms,
    })
    .to_string()
}

async fn events(
    State(shared): State<Arc<Shared>>,
    Path(code): Path<String>,
    axum::Extension(peer): axum::Extension<Peer>,
) -> Response {
    if !same_secret(&code, &shared.code) {
        return not_found();
    }
    let slot = shared.streams.open(peer.0);
    let deadline = tokio::time::Instant::now() + STREAM_LIFETIME;
    let rx = shared.state.clone();
    // A watch channel holds only the latest state: a reader that falls behind skips to it, and
    // one that never reads holds nothing but its place.
    let stream =
        futures_util::stream::unfold((rx, slot, true), move |(mut rx, slot, first)| async move {
            if !first {
                tokio::select! {
                    changed = rx.changed() => changed.ok()?,
                    () = slot.ended.notified() => return None,
                    () = tokio::time::sleep_until(deadline) => return None,
                }
            }
            let data = event_json(&rx.borrow_and_update(), now_ms());
            let mut event = Event::default().data(data);
            if first {
                event = event.retry(Duration::from_secs(3));
            }
            Some((Ok::<Event, Infallible>(event), (rx, slot, false)))
        });
    Sse::new(stream)
        .keep_alive(KeepAlive::new().interval(KEEP_ALIVE))
        .into_response()
}

/// What a post asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Write {
    Contribute(Form),
    Name,
}

impl Write {
    fn done(self) -> &'static str {
        match self {
            Write::Contribute(Form::Add) => "add",
            Write::Contribute(Form::Edit) => "edit",
            Write::Contribute(Form::Withdraw) => "withdraw",
            Write::Contribute(Form::Ballot) => "ballot",
            Write::Name => "name",
        }
    }
}

/// A post's reply, as JSON for the page's script or as a page (or redirect) without it.
struct Reply<'a> {
    shared: &'a Shared,
    lang: Lang,
    json: bool,
}

impl Reply<'_> {
    fn plain(&self, status: StatusCode, message: &str) -> Response {
        if self.json {
            return (
                status,
                [(header::CONTENT_TYPE, "application/json")],
                serde_json::json!({ "ok": false, "error": message, "stale": true }).to_string(),
            )
                .into_response();
        }
        html(
            status,
            format!(
                "<!doctype html>\n<html lang=\"{l}\"><head><meta charset=\"utf-8\">\
                 <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
                 <title>labkit</title><link rel=\"stylesheet\" href=\"{base}/room.css\"></head>\
                 <body><main id=\"main\"><p>{m}</p><p><a href=\"{base}\">{go}</a></p></main></body></html>\n",
                l = self.lang.code(),
                base = render::html_escape(&self.shared.base),
                m = render::html_escape(message),
                go = render::html_escape(t(self.lang, "room.continue")),
            ),
        )
    }
}

/// One handler per kind of post, all the same but for what they ask.
macro_rules! post_handler {
    ($($name:ident => $what:expr),* $(,)?) => {$(
        async fn $name(
            state: State<Arc<Shared>>,
            code: Path<String>,
            headers: HeaderMap,
            body: Body,
        ) -> Response {
            write($what, state, code, headers, body).await
        }
    )*};
}

post_handler! {
    add => Write::Contribute(Form::Add),
    edit => Write::Contribute(Form::Edit),
    withdraw => Write::Contribute(Form::Withdraw),
    ballot => Write::Contribute(Form::Ballot),
    name => Write::Name,
}

async fn write(
    what: Write,
    State(shared): State<Arc<Shared>>,
    Path(code): Path<String>,
    headers: HeaderMap,
    body: Body,
) -> Response {
    if !same_secret(&code, &shared.code) {
        return not_found();
    }
    let lang = page_lang(&shared, &headers);
    let reply = Reply {
        shared: &shared,
        lang,
        json: wants_json(&headers),
    };
    if cross_site(&headers) {
        return reply.plain(StatusCode::FORBIDDEN, t(lang, "room.err.token"));
    }
    let form_type = header_str(&headers, header::CONTENT_TYPE).is_some_and(|c| {
        c.to_ascii_lowercase()
            .starts_with("application/x-www-form-urlencoded")
    });
    if !form_type {
        return reply.plain(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            t(lang, "room.err.shape"),
        );
    }
    let declared = header_str(&headers, header::CONTENT_LENGTH).and_then(|n| n.parse::<u64>().ok());
    if declared.is_some_and(|n| n > BODY_LIMIT as u64) {
        return too_large(&reply);
    }
    // A body that trickles in (or never comes) holds its connection only so long.
    let bytes = match tokio::time::timeout(BODY_WAIT, axum::body::to_bytes(body, BODY_LIMIT)).await
    {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(_)) => return too_large(&reply),
        Err(_) => return reply.plain(StatusCode::REQUEST_TIMEOUT, t(lang, "room.err.failed")),
    };
    let fields: Vec<(String, String)> = form_urlencoded::parse(&bytes).into_owned().collect();

    let cookies = Cookies::parse(&headers);
    let token = field(&fields, "token").unwrap_or_default();
    let Some(device) = cookies.device.clone() else {
        return reply.plain(StatusCode::FORBIDDEN, t(lang, "room.err.token"));
    };
    if !lock(&shared.devices).consume(&device, token) {
        return reply.plain(StatusCode::FORBIDDEN, t(lang, "room.err.token"));
    }
    let Some(fresh) = issue_token(&shared, &device) else {
        return unavailable(lang);
    };
    let answer = Answer {
        reply: &reply,
        what,
        device: &device,
        name: cookies.name.as_deref(),
        token: &fresh,
        fields: &fields,
    };

    let form = match what {
        Write::Name => {
            return match contribution::clean_name(field(&fields, "name").unwrap_or_default()) {
                Ok(name) => {
                    let value: String = name
                        .as_deref()
                        .map(|n| form_urlencoded::byte_serialize(n.as_bytes()).collect())
                        .unwrap_or_default();
                    let max_age = if name.is_some() { COOKIE_MAX_AGE } else { 0 };
                    let mut response = answer.done();
                    if let Some(c) = cookie(&shared.base, NAME_COOKIE, &value, max_age) {
                        response.headers_mut().append(header::SET_COOKIE, c);
                    }
                    response
                }
                Err(refusal) => answer.refused(&refusal),
            };
        }
        Write::Contribute(form) => form,
    };
    let now = published(&shared);
    let action = match contribution::action(form, &fields, &now.now, &device) {
        Ok(action) => action,
        Err(refusal) => return answer.refused(&refusal),
    };
    let (tx, rx) = oneshot::channel();
    (shared.deliver)(Incoming {
        contribution: Contribution {
            device: device.clone(),
            name: cookies.name.clone(),
            action,
        },
        reply: tx,
    });
    match tokio::time::timeout(ANSWER_WAIT, rx).await {
        Ok(Ok(Ok(()))) => answer.done(),
        Ok(Ok(Err(message))) => answer.engine_refused(&message),
        // The engine did not answer in time, or dropped the question unanswered.
        _ => answer.failed(StatusCode::SERVICE_UNAVAILABLE, t(lang, "room.err.busy")),
    }
}

fn too_large(reply: &Reply) -> Response {
    let mut response = reply.plain(
        StatusCode::PAYLOAD_TOO_LARGE,
        t(reply.lang, "room.err.too_large"),
    );
    // The rest of the body is not read: the connection cannot carry another request.
    response
        .headers_mut()
        .insert(header::CONNECTION, HeaderValue::from_static("close"));
    response
}

/// The reply to a post that got past the token check.
struct Answer<'a> {
    reply: &'a Reply<'a>,
    what: Write,
    device: &'a str,
    name: Option<&'a str>,
    token: &'a str,
    fields: &'a Fields,
}

impl Answer<'_> {
    fn json(&self, status: StatusCode, ok: bool, message: &str, stale: bool) -> Response {
        let body = if ok {
            serde_json::json!({ "ok": true, "message": message, "token": self.token })
        } else {
            serde_json::json!({ "ok": false, "error": message, "token": self.token, "stale": stale })
        };
        (
            status,
            [(header::CONTENT_TYPE, "application/json")],
            body.to_string(),
        )
            .into_response()
    }

    fn done(&self) -> Response {
        let lang = self.reply.lang;
        let key = done_key(self.what.done()).unwrap_or("room.done.ballot");
        if self.reply.json {
            return self.json(StatusCode::OK, true, t(lang, key), false);
        }
        let location = format!("{}?done={}", self.reply.shared.base, self.what.done());
        match HeaderValue::from_str(&location) {
            Ok(location) => (StatusCode::SEE_OTHER, [(header::LOCATION, location)]).into_response(),
            Err(_) => not_found(),
        }
    }

    fn refused(&self, refusal: &Refusal) -> Response {
        let status = if refusal.is_stale() {
            StatusCode::CONFLICT
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
        self.failed_with(
            status,
            &refusal.message(self.reply.lang),
            refusal.is_stale(),
        )
    }

    fn engine_refused(&self, message: &str) -> Response {
        self.failed_with(StatusCode::UNPROCESSABLE_ENTITY, message, false)
    }

    fn failed(&self, status: StatusCode, message: &str) -> Response {
        self.failed_with(status, message, false)
    }

    /// A refusal: JSON for the script, or the page again with the message and what was typed.
    fn failed_with(&self, status: StatusCode, message: &str, stale: bool) -> Response {
        if self.reply.json {
            return self.json(status, false, message, stale);
        }
        let text = || field(self.fields, "text").unwrap_or_default().to_owned();
        let draft = match self.what {
            Write::Name => Some(Draft::Name(
                field(self.fields, "name").unwrap_or_default().to_owned(),
            )),
            Write::Contribute(Form::Add) => Some(Draft::Add(text())),
            Write::Contribute(Form::Edit) => field(self.fields, "id")
                .and_then(|id| id.parse().ok())
                .map(|id| Draft::Edit { id, text: text() }),
            Write::Contribute(Form::Withdraw) => None,
            Write::Contribute(Form::Ballot) => Some(Draft::Ballot(self.fields.to_vec())),
        };
        // A draft for a question that has moved on would fill the wrong form.
        let draft = draft.filter(|_| !stale);
        let notice = Notice {
            ok: false,
            text: message.to_owned(),
        };
        render_page(
            self.reply.shared,
            self.reply.lang,
            self.device,
            self.name,
            self.token,
            Some(&notice),
            draft.as_ref(),
            status,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.append(*k, HeaderValue::from_str(v).unwrap());
        }
        h
    }

    #[test]
    fn cookies_are_read_leniently() {
        let id = "0123456789abcdef0123456789abcdef";
        let c = Cookies::parse(&headers(&[(
            "cookie",
            &format!("a=b; labkit_device={id}; labkit_name=Ana+M%C3%A1ria"),
        )]));
        assert_eq!(c.device.as_deref(), Some(id));
        assert_eq!(c.name.as_deref(), Some("Ana Mária"));
        let bad = Cookies::parse(&headers(&[(
            "cookie",
            "labkit_device=../../etc; labkit_name=%1B%5B31m%3Cb%3E",
        )]));
        assert_eq!(bad.device, None);
        assert_eq!(bad.name.as_deref(), Some("[31m<b>"));
        let long = "x".repeat(100);
        let c = Cookies::parse(&headers(&[("cookie", &format!("labkit_name={long}"))]));
        assert_eq!(c.name, None);
    }

    #[test]
    fn cross_site_posts_are_recognised() {
        assert!(!cross_site(&headers(&[])));
        assert!(!cross_site(&headers(&[
            ("host", "192.168.1.20:7878"),
            ("origin", "http://192.168.1.20:7878"),
            ("sec-fetch-site", "same-origin"),
        ])));
        assert!(cross_site(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(cross_site(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(cross_site(&headers(&[
            ("host", "192.168.1.20:7878"),
            ("origin", "http://evil.example"),
        ])));
        assert!(cross_site(&headers(&[
            ("host", "192.168.1.20:7878"),
            ("origin", "null"),
        ])));
    }

    #[test]
    fn events_say_which_question_and_when_it_ends() {
        let p = Published {
            now: super::super::RoomNow::Waiting,
            results: false,
            version: 3,
        };
        let v: serde_json::Value = serde_json::from_str(&event_json(&p, 10)).unwrap();
        assert_eq!(v["state"], "waiting");
        assert_eq!(v["v"], 3);
        assert_eq!(v["now"], 10);
        assert!(v["key"].is_null());
    }
}
