//! A tiny HTTP/1.1 client over `std::net::TcpStream`, for the room's tests: one request per
//! connection, cookies kept per device, a client address of its own when asked (so many
//! devices on one machine speak from different loopback addresses, as phones on a Wi-Fi do).

use std::collections::BTreeMap;
use std::io::{Read, Write};
use std::net::{IpAddr, SocketAddr, TcpStream};
use std::time::Duration;

#[derive(Debug)]
pub struct Resp {
    pub status: u16,
    pub head: String,
    pub body: String,
}

impl Resp {
    pub fn headers(&self, name: &str) -> Vec<String> {
        self.head
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(':'))
            .filter(|(k, _)| k.trim().eq_ignore_ascii_case(name))
            .map(|(_, v)| v.trim().to_owned())
            .collect()
    }

    pub fn header(&self, name: &str) -> Option<String> {
        self.headers(name).into_iter().next()
    }

    /// The page's token (every form on a page carries the same one).
    pub fn token(&self) -> String {
        let at = self
            .body
            .find("name=\"token\" value=\"")
            .unwrap_or_else(|| panic!("no token in {}", self.body));
        let rest = &self.body[at + 20..];
        rest[..rest.find('"').unwrap()].to_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}

pub fn connect(addr: SocketAddr, from: Option<IpAddr>) -> TcpStream {
    let stream = match from {
        None => TcpStream::connect(addr).unwrap(),
        Some(ip) => {
            let socket =
                socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
            socket.bind(&SocketAddr::new(ip, 0).into()).unwrap();
            socket.connect(&addr.into()).unwrap();
            socket.into()
        }
    };
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .unwrap();
    stream
}

pub fn dechunk(body: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(end) = rest.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(std::str::from_utf8(&rest[..end]).unwrap().trim(), 16)
            .unwrap_or(0);
        if size == 0 {
            break;
        }
        let start = end + 2;
        out.extend_from_slice(&rest[start..(start + size).min(rest.len())]);
        rest = &rest[(start + size + 2).min(rest.len())..];
    }
    out
}

/// Sends one raw request and reads the whole response (the connection closes after it).
pub fn exchange(addr: SocketAddr, from: Option<IpAddr>, request: &[u8]) -> Resp {
    let mut stream = connect(addr, from);
    // The server may answer and close before reading everything (a 413); what it sent counts.
    let _ = stream.write_all(request);
    let mut raw = Vec::new();
    let mut buf = [0u8; 8192];
    loop {
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => raw.extend_from_slice(&buf[..n]),
            Err(_) if !raw.is_empty() => break,
            Err(e) => panic!("reading the response: {e}"),
        }
    }
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).into_owned();
    let mut body = raw[split + 4..].to_vec();
    let resp = Resp {
        status: head.split(' ').nth(1).unwrap().parse().unwrap(),
        head,
        body: String::new(),
    };
    if resp
        .header("transfer-encoding")
        .is_some_and(|v| v.contains("chunked"))
    {
        body = dechunk(&body);
    }
    Resp {
        body: String::from_utf8_lossy(&body).into_owned(),
        ..resp
    }
}

/// A device: its cookies, and the client address it speaks from.
#[derive(Debug, Default, Clone)]
pub struct Device {
    pub cookies: BTreeMap<String, String>,
    pub from: Option<IpAddr>,
    pub lang: Option<&'static str>,
}

impl Device {
    pub fn new() -> Device {
        Device::default()
    }

    pub fn keep_cookies(&mut self, resp: &Resp) {
        for set in resp.headers("set-cookie") {
            let pair = set.split(';').next().unwrap();
            let (k, v) = pair.split_once('=').unwrap();
            if set.contains("Max-Age=0") {
                self.cookies.remove(k);
            } else {
                self.cookies.insert(k.to_owned(), v.to_owned());
            }
        }
    }

    pub fn head(&self, method: &str, path: &str, extra: &[(&str, &str)]) -> String {
        let mut head =
            format!("{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
        if !self.cookies.is_empty() {
            let jar: Vec<String> = self
                .cookies
                .iter()
                .map(|(k, v)| format!("{k}={v}"))
                .collect();
            head.push_str(&format!("Cookie: {}\r\n", jar.join("; ")));
        }
        if let Some(lang) = self.lang {
            head.push_str(&format!("Accept-Language: {lang}\r\n"));
        }
        for (k, v) in extra {
            head.push_str(&format!("{k}: {v}\r\n"));
        }
        head
    }

    pub fn get(&mut self, addr: SocketAddr, path: &str) -> Resp {
        let request = format!("{}\r\n", self.head("GET", path, &[]));
        let resp = exchange(addr, self.from, request.as_bytes());
        self.keep_cookies(&resp);
        resp
    }

    pub fn post_with(
        &mut self,
        addr: SocketAddr,
        path: &str,
        fields: &[(&str, &str)],
        extra: &[(&str, &str)],
    ) -> Resp {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(fields)
            .finish();
        let mut headers = vec![
            ("Content-Type", "application/x-www-form-urlencoded"),
            ("Sec-Fetch-Site", "same-origin"),
        ];
        headers.extend_from_slice(extra);
        let length = body.len().to_string();
        headers.push(("Content-Length", &length));
        let request = format!("{}\r\n{body}", self.head("POST", path, &headers));
        let resp = exchange(addr, self.from, request.as_bytes());
        self.keep_cookies(&resp);
        resp
    }

    /// A plain form post, as a browser without JavaScript sends it.
    pub fn post(&mut self, addr: SocketAddr, path: &str, fields: &[(&str, &str)]) -> Resp {
        self.post_with(addr, path, fields, &[])
    }

    /// A post as the page's script sends it (answered in JSON).
    pub fn post_json(&mut self, addr: SocketAddr, path: &str, fields: &[(&str, &str)]) -> Resp {
        self.post_with(addr, path, fields, &[("Accept", "application/json")])
    }
}
