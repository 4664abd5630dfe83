//! A real browser for the room's tests: headless Chromium driven over the DevTools protocol
//! (JSON messages on a WebSocket, spoken with `tungstenite`). Only what the tests need: open a
//! page at a size, run a script in it, wait for something to be true, take a screenshot.
//!
//! Chromium must be installed (`.ci/run` installs the Debian package when it is missing). A
//! machine without it fails these tests with a clear message, unless `LABKIT_SKIP_BROWSER=1`
//! says on purpose that this run has no browser.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use tungstenite::{Message, WebSocket, stream::MaybeTlsStream};

pub struct Browser {
    child: Child,
    ws: WebSocket<MaybeTlsStream<TcpStream>>,
    next_id: u64,
    _profile: tempfile::TempDir,
}

/// The browser to use: `LABKIT_CHROMIUM`, else `chromium`, `chromium-browser` or
/// `google-chrome` on the PATH; only one that really runs (`--version`).
fn chromium() -> Option<String> {
    let named = std::env::var("LABKIT_CHROMIUM").ok();
    let candidates = match &named {
        Some(path) => vec![path.as_str()],
        None => vec!["chromium", "chromium-browser", "google-chrome"],
    };
    candidates
        .into_iter()
        .find(|name| {
            Command::new(name)
                .arg("--version")
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        })
        .map(str::to_owned)
}

/// Whether this run has said it has no browser.
pub fn skipped() -> bool {
    std::env::var_os("LABKIT_SKIP_BROWSER").is_some_and(|v| v == "1")
}

/// One GET to Chromium's DevTools HTTP endpoint; the body. Chromium keeps the connection open
/// whatever the request says, so the body is read by its `Content-Length`, not to the end.
fn http_get(port: u16, path: &str) -> String {
    let mut s = TcpStream::connect(("127.0.0.1", port)).expect("DevTools HTTP");
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut data = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
            let head = String::from_utf8_lossy(&data[..end]).to_ascii_lowercase();
            let length = head
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|n| n.trim().parse::<usize>().ok());
            if let Some(length) = length
                && data.len() >= end + 4 + length
            {
                return String::from_utf8_lossy(&data[end + 4..end + 4 + length]).into_owned();
            }
        }
        match s.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => data.extend_from_slice(&buf[..n]),
        }
    }
    // Closed (or timed out) without a length: whatever came after the head.
    let text = String::from_utf8_lossy(&data).into_owned();
    text.split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default()
}

impl Browser {
    /// Starts Chromium with an empty profile and connects to its first page.
    pub fn launch() -> Browser {
        let Some(exe) = chromium() else {
            panic!(
                "these tests need Chromium, and none runs here (LABKIT_CHROMIUM, else \
                 `chromium`, `chromium-browser` or `google-chrome` on the PATH): \
                 apt-get install -y chromium (.ci/run does it), or set LABKIT_SKIP_BROWSER=1 \
                 to run without them on purpose"
            );
        };
        let profile = tempfile::tempdir().unwrap();
        let child = Command::new(exe)
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--no-first-run",
                "--no-default-browser-check",
                "--disable-extensions",
                "--remote-debugging-port=0",
                "--hide-scrollbars",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg("about:blank")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromium");
        let port_file = profile.path().join("DevToolsActivePort");
        let start = Instant::now();
        let port: u16 = loop {
            if let Ok(text) = std::fs::read_to_string(&port_file)
                && let Some(Ok(p)) = text.lines().next().map(str::parse)
            {
                break p;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "chromium did not open its DevTools port"
            );
            std::thread::sleep(Duration::from_millis(50));
        };
        // The page target's own WebSocket.
        let url = loop {
            let list: Value =
                serde_json::from_str(&http_get(port, "/json/list")).unwrap_or_default();
            let page = list.as_array().and_then(|l| {
                l.iter()
                    .find(|t| t["type"] == "page")
                    .and_then(|t| t["webSocketDebuggerUrl"].as_str().map(str::to_owned))
            });
            if let Some(url) = page {
                break url;
            }
            assert!(start.elapsed() < Duration::from_secs(30), "no page target");
            std::thread::sleep(Duration::from_millis(50));
        };
        let (ws, _) = tungstenite::connect(url.as_str()).expect("DevTools WebSocket");
        // A browser that stops answering fails the test instead of hanging it.
        if let MaybeTlsStream::Plain(s) = ws.get_ref() {
            s.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        }
        let mut b = Browser {
            child,
            ws,
            next_id: 0,
            _profile: profile,
        };
        b.call("Page.enable", json!({}));
        b.call("Runtime.enable", json!({}));
        b
    }

    /// One DevTools command and its result (events in between are skipped).
    pub fn call(&mut self, method: &str, params: Value) -> Value {
        self.try_call(method, params)
            .unwrap_or_else(|err| panic!("{method}: {err}"))
    }

    /// One DevTools command: its result, or the error Chromium answered with.
    fn try_call(&mut self, method: &str, params: Value) -> Result<Value, Value> {
        self.next_id += 1;
        let id = self.next_id;
        let msg = json!({ "id": id, "method": method, "params": params }).to_string();
        self.ws
            .send(Message::Text(msg.into()))
            .expect("send to chromium");
        loop {
            let msg = self
                .ws
                .read()
                .unwrap_or_else(|e| panic!("{method}: no answer from chromium: {e}"));
            let Message::Text(text) = msg else { continue };
            let v: Value = serde_json::from_str(text.as_str()).unwrap_or_default();
            if v["id"] == id {
                return match v.get("error") {
                    Some(err) => Err(err.clone()),
                    None => Ok(v["result"].clone()),
                };
            }
        }
    }

    /// The page's size in CSS pixels, as a phone (`mobile`) or a desktop.
    pub fn size(&mut self, width: u32, height: u32, mobile: bool) {
        self.call(
            "Emulation.setDeviceMetricsOverride",
            json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile }),
        );
    }

    /// Turns the page's own scripts off (or on again), as a browser with JavaScript disabled.
    /// The test's scripts (`eval`) still run: DevTools is not the page.
    pub fn javascript(&mut self, on: bool) {
        self.call(
            "Emulation.setScriptExecutionDisabled",
            json!({ "value": !on }),
        );
    }

    /// The colour scheme the page is told the phone prefers: `light` or `dark`.
    pub fn color_scheme(&mut self, scheme: &str) {
        self.call(
            "Emulation.setEmulatedMedia",
            json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
        );
    }

    /// The languages the browser asks pages in (`Accept-Language`), as a phone set to them.
    pub fn languages(&mut self, accept: &str) {
        let version = self.call("Browser.getVersion", json!({}));
        self.call(
            "Emulation.setUserAgentOverride",
            json!({ "userAgent": version["userAgent"], "acceptLanguage": accept }),
        );
    }

    /// Runs a script in the page; its value (awaited when it is a promise).
    pub fn eval(&mut self, script: &str) -> Value {
        match self.try_eval(script) {
            Ok(v) => v,
            Err(e) => panic!("script failed: {e}\n{script}"),
        }
    }

    /// A script's value, or why it failed (it threw, or the page was between documents).
    fn try_eval(&mut self, script: &str) -> Result<Value, Value> {
        let r = self.try_call(
            "Runtime.evaluate",
            json!({ "expression": script, "returnByValue": true, "awaitPromise": true }),
        )?;
        match r.get("exceptionDetails") {
            Some(e) => Err(e.clone()),
            None => Ok(r["result"]["value"].clone()),
        }
    }

    /// Waits until a script is true in the page (at most `secs`). A page being replaced by
    /// another meanwhile is not an error: the script is tried again on the new one.
    pub fn wait_for(&mut self, script: &str, secs: u64) {
        let start = Instant::now();
        loop {
            if self.try_eval(&format!("!!({script})")) == Ok(json!(true)) {
                return;
            }
            if start.elapsed() > Duration::from_secs(secs) {
                let body = self.try_eval("document.body ? document.body.innerText : ''");
                panic!("timed out waiting for `{script}`; the page says:\n{body:?}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Marks the document now shown, so that a new one (after a navigation) can be told apart.
    fn mark(&mut self) {
        let _ = self.try_eval("window.__labkitOld = true");
    }

    /// Waits for a new document (not the one marked) to load completely.
    fn wait_loaded(&mut self) {
        self.wait_for(
            "!window.__labkitOld && document.readyState === 'complete'",
            20,
        );
    }

    /// Opens `url` (again, if it is open already) and waits for it to load.
    pub fn open(&mut self, url: &str) {
        self.mark();
        self.call("Page.navigate", json!({ "url": url }));
        self.wait_loaded();
        let here = self.eval("location.href");
        assert!(
            here.as_str().is_some_and(|h| h.starts_with(url)),
            "opened {url}, got {here}"
        );
    }

    /// Clicks the middle of the element `selector` with the mouse, as a finger would: it is
    /// scrolled into view first, and must be what is really there (not covered by something
    /// else) and not hidden.
    pub fn click(&mut self, selector: &str) {
        let at = self.eval(&format!(
            "(() => {{ const e = document.querySelector({sel}); if (!e) return 'missing';
               e.scrollIntoView({{ block: 'center' }});
               const r = e.getBoundingClientRect();
               if (r.width === 0 || r.height === 0) return 'not shown';
               const x = r.x + r.width / 2, y = r.y + r.height / 2;
               const hit = document.elementFromPoint(x, y);
               if (!hit || !(hit === e || e.contains(hit) || (e.labels && [...e.labels].includes(hit))))
                 return 'covered by ' + (hit ? hit.outerHTML.slice(0, 120) : 'nothing');
               return [x, y]; }})()",
            sel = json!(selector)
        ));
        let (Some(x), Some(y)) = (at[0].as_f64(), at[1].as_f64()) else {
            panic!("cannot click `{selector}`: {at}");
        };
        for kind in ["mousePressed", "mouseReleased"] {
            self.call(
                "Input.dispatchMouseEvent",
                json!({ "type": kind, "x": x, "y": y, "button": "left", "clickCount": 1 }),
            );
        }
    }

    /// Clicks `selector` and waits for the page it leads to (a form posted without
    /// JavaScript).
    pub fn click_and_load(&mut self, selector: &str) {
        self.mark();
        self.click(selector);
        self.wait_loaded();
    }

    /// Taps the field `selector` and types `text` in place of what it held, as a keyboard
    /// does (the page sees `input` events).
    pub fn type_into(&mut self, selector: &str, text: &str) {
        self.click(selector);
        let focused = self.eval(&format!(
            "(() => {{ const e = document.querySelector({}); e.select(); return document.activeElement === e; }})()",
            json!(selector)
        ));
        assert_eq!(focused, json!(true), "`{selector}` did not take the focus");
        self.call("Input.insertText", json!({ "text": text }));
    }

    /// A PNG of the page as it is now: the screen, or (`whole`) the page from top to bottom.
    pub fn screenshot(&mut self, path: &Path, whole: bool) {
        let params = if whole {
            let m = self.call("Page.getLayoutMetrics", json!({}));
            let size = &m["cssContentSize"];
            json!({
                "format": "png",
                "captureBeyondViewport": true,
                "clip": { "x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1 },
            })
        } else {
            json!({ "format": "png" })
        };
        let r = self.call("Page.captureScreenshot", params);
        let data = r["data"].as_str().expect("screenshot data");
        std::fs::write(path, base64_decode(data)).unwrap();
    }
}

impl Drop for Browser {
    /// Asks Chromium to close (so its helper processes end with it), then makes sure.
    fn drop(&mut self) {
        self.next_id += 1;
        let close = json!({ "id": self.next_id, "method": "Browser.close" }).to_string();
        let _ = self.ws.send(Message::Text(close.into()));
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(3) {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Standard base64, for the screenshots DevTools sends (test code; no padding checks).
fn base64_decode(text: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => Some(c - b'A'),
        b'a'..=b'z' => Some(c - b'a' + 26),
        b'0'..=b'9' => Some(c - b'0' + 52),
        b'+' => Some(62),
        b'/' => Some(63),
        _ => None,
    };
    let bits: Vec<u8> = text.bytes().filter_map(value).collect();
    let mut out = Vec::with_capacity(bits.len() * 3 / 4);
    for chunk in bits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | (u32::from(*b) << (18 - 6 * i)));
        let bytes = n.to_be_bytes();
        out.extend_from_slice(&bytes[1..chunk.len()]);
    }
    out
}

#[test]
fn base64_as_devtools_sends_it() {
    assert_eq!(base64_decode("aGVsbG8="), b"hello");
    assert_eq!(base64_decode("aGk="), b"hi");
    assert_eq!(base64_decode("YWJj"), b"abc");
}
