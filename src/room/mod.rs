//! STAND-IN, to be replaced by the real room server (branch `room-server`) and deleted at the
//! merge: the exact signatures of `crate::room` that the facilitator's terminal side codes
//! against, so this branch builds and its pure parts are tested before the server lands. It
//! binds the address (so a busy port and the chosen port are real) and serves nothing.

use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::engine::room::{Contribution, RoomQuestion};
use crate::lang::Lang;

pub struct RoomConfig {
    pub bind: IpAddr,
    pub port: u16,
    pub code: String,
    pub lang: Lang,
    pub stored_where: String,
}

pub type Responder = tokio::sync::oneshot::Sender<Result<(), String>>;

pub struct Incoming {
    pub contribution: Contribution,
    pub reply: Responder,
}

pub enum RoomNow {
    Waiting,
    Open(Arc<RoomQuestion>),
    Closed(Arc<RoomQuestion>),
}

pub struct Room {
    listener: TcpListener,
    code: String,
    joined: AtomicUsize,
    _deliver: Box<dyn Fn(Incoming) + Send + Sync>,
}

impl Room {
    pub fn start(
        cfg: RoomConfig,
        deliver: Box<dyn Fn(Incoming) + Send + Sync>,
    ) -> io::Result<Room> {
        let listener = TcpListener::bind((cfg.bind, cfg.port))?;
        Ok(Room {
            listener,
            code: cfg.code,
            joined: AtomicUsize::new(0),
            _deliver: deliver,
        })
    }

    pub fn url(&self) -> String {
        format!("http://{}/r/{}", self.addr(), self.code)
    }

    pub fn addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .unwrap_or_else(|_| SocketAddr::from(([127, 0, 0, 1], 0)))
    }

    pub fn publish(&self, now: RoomNow, results_shown: bool) {
        let _ = (now, results_shown);
    }

    pub fn joined(&self) -> usize {
        self.joined.load(Ordering::Relaxed)
    }

    pub fn stop(self) {}
}

pub fn new_code() -> String {
    "K7QF-9XW2-MB4T-JC8P".to_owned()
}
