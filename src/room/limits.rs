//! The room's defences on a shared network, as plain bounded data structures: a token bucket
//! per client address, counts of open connections and event streams per address, and the table
//! of devices with their single-use page tokens. Random ids (device ids, tokens, room codes)
//! are made here too.
//!
//! Everything is bounded, so no client, however it behaves, can make the server hold more than a
//! fixed amount: a full table forgets its stalest row. Nothing here does I/O or reads the clock;
//! callers pass `Instant`s, so the rules are testable without waiting.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use tokio::sync::Notify;

/// Requests one address may make per second on average, and in one burst.
pub const RATE_PER_SEC: f64 = 20.0;
pub const RATE_BURST: f64 = 40.0;
/// Addresses whose buckets are remembered; past this, the stalest is forgotten (and starts full).
pub const MAX_ADDRESSES: usize = 4_096;
/// Open connections from one address, and in all. The total stays well under the usual limit
/// on open files (256 on macOS, 1,024 on Linux), so the facilitator's session can always be
/// saved; a phone holds one or two.
pub const MAX_CONNECTIONS_PER_ADDRESS: usize = 16;
pub const MAX_CONNECTIONS: usize = 200;
/// Event streams from one address; a newer one ends the oldest (a phone that left the network
/// and came back must not be locked out by its own stale streams).
pub const MAX_STREAMS_PER_ADDRESS: usize = 4;
/// Devices whose page tokens are kept (twice the engine's device limit); past this, the device
/// seen longest ago is forgotten and must load the page again.
pub const MAX_DEVICE_ROWS: usize = 2 * crate::engine::room::MAX_DEVICES;
/// Page tokens outstanding per device (a page load or a post makes one).
pub const MAX_TOKENS_PER_DEVICE: usize = 32;

/// Locks a mutex whose data stays consistent even if a holder panicked (each update here is a
/// single step), so a poisoned lock is used as is.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

/// `N` random bytes from the operating system.
pub fn random_bytes<const N: usize>() -> std::io::Result<[u8; N]> {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    Ok(bytes)
}

/// 128 random bits as 32 lowercase hex digits: a device id or a page token.
pub fn random_id() -> std::io::Result<String> {
    Ok(hex(&random_bytes::<16>()?))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

/// Whether `s` looks like an id from [`random_id`].
pub fn is_id(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// Compares two secrets in time that depends only on their lengths.
pub fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}

/// Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or typed is unambiguous.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// A room code from 80 random bits: 16 Crockford base32 characters in four groups of four.
pub fn code_from(bytes: [u8; 10]) -> String {
    let mut bits: u128 = 0;
    for b in bytes {
        bits = (bits << 8) | u128::from(b);
    }
    let mut out = String::with_capacity(19);
    for i in 0..16 {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        let shift = 5 * (15 - i);
        out.push(CROCKFORD[((bits >> shift) & 31) as usize] as char);
    }
    out
}

/// Token buckets by client address.
#[derive(Debug, Default)]
pub struct RateLimiter {
    buckets: HashMap<IpAddr, Bucket>,
}

#[derive(Debug, Clone, Copy)]
struct Bucket {
    tokens: f64,
    last: Instant,
}

impl RateLimiter {
    /// Takes one token from `ip`'s bucket; `false` when it is empty (the request is refused).
    pub fn allow(&mut self, ip: IpAddr, now: Instant) -> bool {
        if !self.buckets.contains_key(&ip) && self.buckets.len() >= MAX_ADDRESSES {
            self.forget_stalest(now);
        }
        let bucket = self.buckets.entry(ip).or_insert(Bucket {
            tokens: RATE_BURST,
            last: now,
        });
        let elapsed = now.saturating_duration_since(bucket.last).as_secs_f64();
        bucket.tokens = (bucket.tokens + elapsed * RATE_PER_SEC).min(RATE_BURST);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            true
        } else {
            false
        }
    }

    /// Drops every bucket that has refilled (it would start full anyway), or else the one
    /// untouched longest.
    fn forget_stalest(&mut self, now: Instant) {
        let before = self.buckets.len();
        self.buckets.retain(|_, b| {
            let refill = now.saturating_duration_since(b.last).as_secs_f64() * RATE_PER_SEC;
            b.tokens + refill < RATE_BURST
        });
        if self.buckets.len() == before
            && let Some(ip) = self
                .buckets
                .iter()
                .min_by_key(|(_, b)| b.last)
                .map(|(ip, _)| *ip)
        {
            self.buckets.remove(&ip);
        }
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.buckets.len()
    }
}

/// Open connections by client address.
#[derive(Debug, Default)]
pub struct Connections {
    inner: Mutex<ConnCounts>,
}

#[derive(Debug, Default)]
struct ConnCounts {
    total: usize,
    by_ip: HashMap<IpAddr, usize>,
}

/// One admitted connection; dropping it gives its place back.
#[derive(Debug)]
pub struct ConnPermit {
    conns: Arc<Connections>,
    ip: IpAddr,
}

impl Connections {
    /// A place for a new connection from `ip`, or `None` when that address or the server is
    /// full (the connection is then closed at once).
    pub fn admit(self: &Arc<Self>, ip: IpAddr) -> Option<ConnPermit> {
        let mut c = lock(&self.inner);
        let mine = c.by_ip.get(&ip).copied().unwrap_or(0);
        if c.total >= MAX_CONNECTIONS || mine >= MAX_CONNECTIONS_PER_ADDRESS {
            return None;
        }
        c.total += 1;
        c.by_ip.insert(ip, mine + 1);
        Some(ConnPermit {
            conns: Arc::clone(self),
            ip,
        })
    }

    #[cfg(test)]
    fn total(&self) -> usize {
        lock(&self.inner).total
    }
}

impl Drop for ConnPermit {
    fn drop(&mut self) {
        let mut c = lock(&self.conns.inner);
        c.total = c.total.saturating_sub(1);
        if let Some(n) = c.by_ip.get_mut(&self.ip) {
            *n -= 1;
            if *n == 0 {
                c.by_ip.remove(&self.ip);
            }
        }
    }
}

/// Event streams by client address, oldest first, each with the bell that ends it.
#[derive(Debug, Default)]
pub struct Streams {
    inner: Mutex<StreamTable>,
}

#[derive(Debug, Default)]
struct StreamTable {
    next: u64,
    by_ip: HashMap<IpAddr, VecDeque<(u64, Arc<Notify>)>>,
}

/// One open event stream: `ended` rings when a newer stream from the same address takes its
/// place; dropping it frees the place.
#[derive(Debug)]
pub struct StreamSlot {
    streams: Arc<Streams>,
    ip: IpAddr,
    id: u64,
    pub ended: Arc<Notify>,
}

impl Streams {
    /// A place for a new stream from `ip`; the oldest of that address's streams is told to end
    /// when it already has [`MAX_STREAMS_PER_ADDRESS`].
    pub fn open(self: &Arc<Self>, ip: IpAddr) -> StreamSlot {
        let mut t = lock(&self.inner);
        t.next += 1;
        let id = t.next;
        let ended = Arc::new(Notify::new());
        let mine = t.by_ip.entry(ip).or_default();
        while mine.len() >= MAX_STREAMS_PER_ADDRESS {
            if let Some((_, oldest)) = mine.pop_front() {
                // notify_one keeps the wake-up even if the stream is not waiting right now.
                oldest.notify_one();
            }
        }
        mine.push_back((id, Arc::clone(&ended)));
        StreamSlot {
            streams: Arc::clone(self),
            ip,
            id,
            ended,
        }
    }

    /// Open streams from `ip`.
    #[cfg(test)]
    fn count(&self, ip: IpAddr) -> usize {
        lock(&self.inner).by_ip.get(&ip).map_or(0, VecDeque::len)
    }
}

impl Drop for StreamSlot {
    fn drop(&mut self) {
        let mut t = lock(&self.streams.inner);
        if let Some(mine) = t.by_ip.get_mut(&self.ip) {
            mine.retain(|(id, _)| *id != self.id);
            if mine.is_empty() {
                t.by_ip.remove(&self.ip);
            }
        }
    }
}

/// Devices that have opened the participants' page, each with its outstanding page tokens.
#[derive(Debug, Default)]
pub struct Devices {
    rows: HashMap<String, DeviceRow>,
    clock: u64,
}

#[derive(Debug, Default)]
struct DeviceRow {
    tokens: VecDeque<String>,
    seen: u64,
}

impl Devices {
    /// Remembers `device` (forgetting the stalest device when the table is full) and gives it
    /// a new single-use token, forgetting its oldest beyond [`MAX_TOKENS_PER_DEVICE`].
    pub fn issue(&mut self, device: &str, token: String) {
        if !self.rows.contains_key(device) && self.rows.len() >= MAX_DEVICE_ROWS {
            let stalest = self
                .rows
                .iter()
                .min_by_key(|(_, row)| row.seen)
                .map(|(id, _)| id.clone());
            if let Some(id) = stalest {
                self.rows.remove(&id);
            }
        }
        self.clock += 1;
        let row = self.rows.entry(device.to_owned()).or_default();
        row.seen = self.clock;
        if row.tokens.len() >= MAX_TOKENS_PER_DEVICE {
            row.tokens.pop_front();
        }
        row.tokens.push_back(token);
    }

    /// Uses up `token` if `device` holds it; `false` for a missing, replayed or foreign token.
    pub fn consume(&mut self, device: &str, token: &str) -> bool {
        let Some(row) = self.rows.get_mut(device) else {
            return false;
        };
        // Look at every token, so the time taken says nothing about which one nearly matched.
        let found = row.tokens.iter().enumerate().fold(None, |hit, (i, t)| {
            if same_secret(t, token) { Some(i) } else { hit }
        });
        match found {
            Some(i) => {
                row.tokens.remove(i);
                true
            }
            None => false,
        }
    }

    /// Devices in the table.
    pub fn len(&self) -> usize {
        self.rows.len()
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn ip(last: u8) -> IpAddr {
        IpAddr::from([10, 0, 0, last])
    }

    #[test]
    fn codes_are_sixteen_crockford_characters_in_four_groups() {
        let code = code_from([0xff; 10]);
        assert_eq!(code, "ZZZZ-ZZZZ-ZZZZ-ZZZZ");
        assert_eq!(code_from([0; 10]), "0000-0000-0000-0000");
        // 80 bits: the first character holds the top five bits.
        let mut bytes = [0u8; 10];
        bytes[0] = 0b1000_0000;
        assert_eq!(code_from(bytes), "G000-0000-0000-0000");
        bytes = [0u8; 10];
        bytes[9] = 1;
        assert_eq!(code_from(bytes), "0000-0000-0000-0001");
        let random = crate::room::new_code();
        assert_eq!(random.len(), 19);
        assert!(
            random
                .split('-')
                .all(|g| g.len() == 4 && g.bytes().all(|b| CROCKFORD.contains(&b)))
        );
        assert_ne!(random, crate::room::new_code());
    }

    #[test]
    fn ids_are_128_bits_of_hex() {
        let a = random_id().unwrap();
        assert!(is_id(&a));
        assert_ne!(a, random_id().unwrap());
        assert!(!is_id("ABCDEF0123456789abcdef0123456789"));
        assert!(!is_id("abc"));
        assert_eq!(hex(&[0x00, 0x9f, 0xff]), "009fff");
    }

    #[test]
    fn secrets_compare_exactly() {
        assert!(same_secret("abc", "abc"));
        assert!(!same_secret("abc", "abd"));
        assert!(!same_secret("abc", "abcd"));
    }

    #[test]
    fn a_bucket_allows_a_burst_then_the_steady_rate() {
        let mut limits = RateLimiter::default();
        let t0 = Instant::now();
        let allowed = (0..100).filter(|_| limits.allow(ip(1), t0)).count();
        assert_eq!(allowed, RATE_BURST as usize);
        // Another address has its own bucket.
        assert!(limits.allow(ip(2), t0));
        // Half a second refills ten.
        let t1 = t0 + Duration::from_millis(500);
        let allowed = (0..100).filter(|_| limits.allow(ip(1), t1)).count();
        assert_eq!(allowed, 10);
        // A long rest refills to the burst, no more.
        let t2 = t1 + Duration::from_secs(3600);
        let allowed = (0..100).filter(|_| limits.allow(ip(1), t2)).count();
        assert_eq!(allowed, RATE_BURST as usize);
    }

    #[test]
    fn the_bucket_table_is_bounded() {
        let mut limits = RateLimiter::default();
        let t0 = Instant::now();
        for i in 0..(MAX_ADDRESSES as u32 + 500) {
            let addr = IpAddr::from(i.to_be_bytes());
            assert!(limits.allow(addr, t0 + Duration::from_micros(u64::from(i))));
        }
        assert!(limits.len() <= MAX_ADDRESSES);
    }

    #[test]
    fn connections_are_capped_per_address_and_freed_on_drop() {
        let conns = Arc::new(Connections::default());
        let held: Vec<ConnPermit> = (0..MAX_CONNECTIONS_PER_ADDRESS)
            .map(|_| conns.admit(ip(1)).unwrap())
            .collect();
        assert!(conns.admit(ip(1)).is_none());
        let other = conns.admit(ip(2));
        assert!(other.is_some());
        drop(held);
        assert!(conns.admit(ip(1)).is_some());
        drop(other);
        assert_eq!(conns.total(), 0);
    }

    #[test]
    fn connections_are_capped_in_all() {
        let conns = Arc::new(Connections::default());
        let held: Vec<ConnPermit> = (0..MAX_CONNECTIONS)
            .map(|i| conns.admit(IpAddr::from((i as u32).to_be_bytes())).unwrap())
            .collect();
        assert!(conns.admit(ip(250)).is_none());
        drop(held);
        assert!(conns.admit(ip(250)).is_some());
    }

    #[test]
    fn a_new_stream_ends_the_oldest_from_the_same_address() {
        let streams = Arc::new(Streams::default());
        let first = streams.open(ip(1));
        let mut rest: Vec<StreamSlot> = (1..MAX_STREAMS_PER_ADDRESS)
            .map(|_| streams.open(ip(1)))
            .collect();
        let other = streams.open(ip(2));
        assert_eq!(streams.count(ip(1)), MAX_STREAMS_PER_ADDRESS);
        rest.push(streams.open(ip(1)));
        assert_eq!(streams.count(ip(1)), MAX_STREAMS_PER_ADDRESS);
        // The first stream's bell rang: a waiter would return at once.
        let rang = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .unwrap()
            .block_on(async {
                tokio::time::timeout(Duration::from_millis(100), first.ended.notified())
                    .await
                    .is_ok()
            });
        assert!(rang);
        drop(first);
        assert_eq!(streams.count(ip(1)), MAX_STREAMS_PER_ADDRESS);
        drop(rest);
        assert_eq!(streams.count(ip(1)), 0);
        assert_eq!(streams.count(ip(2)), 1);
        drop(other);
        assert_eq!(streams.count(ip(2)), 0);
    }

    #[test]
    fn tokens_are_single_use_and_bound_to_their_device() {
        let mut devices = Devices::default();
        devices.issue("dev-a", "t1".into());
        devices.issue("dev-a", "t2".into());
        assert!(!devices.consume("dev-b", "t1"), "another device's token");
        assert!(devices.consume("dev-a", "t1"));
        assert!(!devices.consume("dev-a", "t1"), "replayed");
        assert!(!devices.consume("dev-a", ""), "missing");
        assert!(devices.consume("dev-a", "t2"));
    }

    #[test]
    fn a_device_keeps_only_its_latest_tokens() {
        let mut devices = Devices::default();
        for i in 0..(MAX_TOKENS_PER_DEVICE + 5) {
            devices.issue("d", format!("t{i}"));
        }
        assert!(!devices.consume("d", "t0"));
        assert!(!devices.consume("d", "t4"));
        assert!(devices.consume("d", "t5"));
        assert!(devices.consume("d", &format!("t{}", MAX_TOKENS_PER_DEVICE + 4)));
    }

    #[test]
    fn the_device_table_forgets_the_stalest_device() {
        let mut devices = Devices::default();
        devices.issue("first", "a".into());
        for i in 0..MAX_DEVICE_ROWS {
            devices.issue(&format!("d{i}"), "x".into());
        }
        assert_eq!(devices.len(), MAX_DEVICE_ROWS);
        assert!(!devices.consume("first", "a"));
        assert!(devices.consume(&format!("d{}", MAX_DEVICE_ROWS - 1), "x"));
    }
}
