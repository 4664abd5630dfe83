//! Opening the room for `run --room` and `resume --room`: where it listens, on which port,
//! the address and QR code on the facilitator's terminal, and the channel that brings the
//! facilitator's keys and the participants' contributions to one place (`terminal::keys`).
//! Only a run with `--room` comes here: an ordinary run never touches the room's server.
//!
//! The address: `--room-bind`, else this computer's address on its network, found without
//! sending anything. A UDP socket is "connected" to 192.0.2.1 (TEST-NET-1, an address kept
//! for documentation that no host has): connecting a UDP socket only asks the system which
//! route and local address it would use, and no packet leaves the machine. Without a route
//! (no network) the room listens on 127.0.0.1, and the facilitator is told that only this
//! computer can reach it.
//!
//! The port: `--room-port N` is taken as asked, and a port in use is an error (exit 2): the
//! facilitator chose it, perhaps printed it on a handout. Without the flag labkit tries 7878,
//! and when that is in use it takes any free port and says so.

use std::io;
use std::net::{IpAddr, Ipv4Addr, SocketAddr, UdpSocket};
use std::rc::Rc;
use std::sync::Arc;

use crate::cli::RoomArgs;
use crate::error::Error;
use crate::i18n::{t, tf};
use crate::lang::Lang;
use crate::output::Printer;
use crate::room::{Incoming, Room, RoomConfig};
use crate::terminal::keys::{Event, RoomKeys};
use crate::terminal::room::SharedRoom;

/// The port a room listens on unless told otherwise.
pub const DEFAULT_PORT: u16 = 7878;

/// A room that is open: the server (shared with the signal handler that stops it) and the
/// channel the prompts read.
pub struct Opened {
    pub room: Arc<SharedRoom>,
    pub keys: Rc<RoomKeys>,
    /// Where participants go.
    pub url: String,
    /// Where the room listens.
    pub addr: SocketAddr,
    /// Listening on this computer only (`127.0.0.1`), and why.
    pub local: Option<Local>,
}

/// Why a room listens on this computer only.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Local {
    /// `--room-bind` said so.
    Asked,
    /// No network was found.
    NoNetwork,
}

/// This computer's address on its network, as the route to a documentation-only address
/// would use it; nothing is sent. `None` without a network (or only a loopback one).
pub fn lan_address() -> Option<IpAddr> {
    let socket = UdpSocket::bind((Ipv4Addr::UNSPECIFIED, 0)).ok()?;
    socket.connect((Ipv4Addr::new(192, 0, 2, 1), 9)).ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_unspecified() && !ip.is_loopback()).then_some(ip)
}

/// The address as a QR code drawn with half-block characters, two modules a character
/// high, with its quiet zone: about 41 columns and 21 rows for a room's address, so it fits
/// an 80-column terminal. `dark_blocks`: the dark modules are the drawn (foreground) ones,
/// for a terminal the caller paints black on white; otherwise the light modules are drawn,
/// which reads right on the usual light-on-dark terminal.
pub fn qr_code(url: &str, dark_blocks: bool) -> Option<String> {
    use qrcode::render::unicode::Dense1x2;
    let code = qrcode::QrCode::with_error_correction_level(url, qrcode::EcLevel::M).ok()?;
    let mut render = code.render::<Dense1x2>();
    render.quiet_zone(true);
    if !dark_blocks {
        render
            .dark_color(Dense1x2::Light)
            .light_color(Dense1x2::Dark);
    }
    Some(render.build())
}

/// Opens the room for a session: starts the server. Nothing is printed but a port taken
/// instead of the default; [`announce`] says where participants go once the session is saved.
pub fn open(
    args: &RoomArgs,
    code: &str,
    lang: Lang,
    stored_where: &str,
    printer: &mut Printer,
) -> Result<Opened, Error> {
    let (bind, local) = match args.room_bind {
        Some(ip) => (ip, ip.is_loopback().then_some(Local::Asked)),
        None => match lan_address() {
            Some(ip) => (ip, None),
            None => (IpAddr::V4(Ipv4Addr::LOCALHOST), Some(Local::NoNetwork)),
        },
    };
    // Each device gets the language its browser asks for, among all the lab has.
    crate::settings::load_every_language()?;
    let (keys, events) = RoomKeys::start(t(lang, "room.panel.not_open").to_owned());
    let start = |port: u16| {
        let events = events.clone();
        // Called on the server's thread: it only forwards, never waits.
        let deliver = Box::new(move |incoming: Incoming| {
            let _ = events.send(Event::Room(incoming));
        });
        let config = RoomConfig {
            bind,
            port,
            code: code.to_owned(),
            lang,
            stored_where: stored_where.to_owned(),
        };
        Room::start(config, deliver)
    };
    let failed = |port: u16, e: io::Error| {
        let addr = SocketAddr::new(bind, port);
        let key = match e.kind() {
            io::ErrorKind::AddrInUse => "room.start.port_in_use",
            io::ErrorKind::AddrNotAvailable => "room.start.bind_unavailable",
            _ => "room.start.failed",
        };
        Error::Usage(tf(
            lang,
            key,
            &[
                ("addr", &addr),
                ("port", &port),
                ("ip", &bind),
                ("error", &e),
            ],
        ))
    };
    let room = match args.room_port {
        Some(port) => start(port).map_err(|e| failed(port, e))?,
        None => match start(DEFAULT_PORT) {
            Ok(room) => room,
            Err(e) if e.kind() == io::ErrorKind::AddrInUse => {
                let room = start(0).map_err(|e| failed(0, e))?;
                printer.warn(&tf(
                    lang,
                    "room.start.port_taken",
                    &[("default", &DEFAULT_PORT), ("port", &room.addr().port())],
                ));
                room
            }
            Err(e) => return Err(failed(DEFAULT_PORT, e)),
        },
    };
    Ok(Opened {
        url: room.url(),
        addr: room.addr(),
        room: Arc::new(SharedRoom::new(room)),
        keys: Rc::new(keys),
        local,
    })
}

/// The room's flags for the command that resumes the session, so the resumed room listens at
/// the same address: `--room`, the `--room-bind` given, and the port when it is not the
/// default (one taken because 7878 was in use, or given).
pub fn resume_flags(args: &RoomArgs, opened: &Opened) -> String {
    let mut flags = String::from(" --room");
    if let Some(ip) = args.room_bind {
        flags.push_str(&format!(" --room-bind {ip}"));
    }
    if opened.addr.port() != DEFAULT_PORT {
        flags.push_str(&format!(" --room-port {}", opened.addr.port()));
    }
    flags
}

/// The address, the QR code and what is stored where. Shown even with `--quiet`: nobody can
/// join without the address.
pub fn announce(opened: &Opened, lang: Lang, stored_where: &str, printer: &mut Printer) {
    printer.say("");
    printer.say_bold(&tf(lang, "room.start.open_at", &[("url", &opened.url)]));
    if let Some(code) = qr_code(&opened.url, printer.color) {
        printer.picture(&code);
    }
    printer.say(t(
        lang,
        match opened.local {
            None => "room.start.how_to_join",
            Some(Local::Asked) => "room.start.this_computer_only",
            Some(Local::NoNetwork) => "room.start.no_network",
        },
    ));
    printer.say(&tf(lang, "room.start.stored", &[("path", &stored_where)]));
    printer.say("");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_qr_code_of_a_room_address_fits_80_columns() {
        let url = "http://192.168.100.200:65535/r/K7QF-9XW2-MB4T-JC8P";
        for dark_blocks in [false, true] {
            let code = qr_code(url, dark_blocks).unwrap_or_default();
            let rows: Vec<&str> = code.lines().collect();
            let width = rows.iter().map(|r| r.chars().count()).max().unwrap_or(0);
            assert!((21..=60).contains(&width), "{width} columns");
            assert!(rows.len() <= 30, "{} rows", rows.len());
            assert!(rows.iter().all(|r| r.chars().count() == width), "a square");
            assert!(code.chars().all(|c| " ▀▄█\n".contains(c)), "blocks only");
        }
        // Inverted for terminals drawn light on dark: every module swaps (but the last row's
        // lower half, below the code, which is never drawn).
        let without_last = |code: String| {
            let mut rows: Vec<String> = code.lines().map(str::to_owned).collect();
            rows.pop();
            rows.join("\n")
        };
        let light = without_last(qr_code(url, false).unwrap_or_default());
        let dark = without_last(qr_code(url, true).unwrap_or_default());
        let swap = |c: char| match c {
            ' ' => '█',
            '█' => ' ',
            '▀' => '▄',
            '▄' => '▀',
            c => c,
        };
        assert_eq!(light, dark.chars().map(swap).collect::<String>());
    }

    #[test]
    fn the_network_address_is_never_loopback_or_unspecified() {
        // Whatever this machine's network is, what is found is usable by others, or nothing.
        if let Some(ip) = lan_address() {
            assert!(!ip.is_loopback() && !ip.is_unspecified(), "{ip}");
        }
    }
}
