//! Bounded input: every file labkit is given is read through here, so that no file, however
//! hostile, costs unbounded time or memory or makes labkit wait.
//!
//! Three limits (written down in docs/security.md, "Limits"):
//! - **Regular files only.** A FIFO, socket or device named as an input is refused; folder
//!   walks skip them ([`is_regular`]). Opening a FIFO for reading blocks until a writer comes,
//!   so the file is opened without blocking and checked on the open handle as well.
//! - **Size.** Method files up to [`MAX_METHOD_BYTES`]; sessions, answers and settings files up
//!   to [`MAX_DOCUMENT_BYTES`]. No more than the limit plus one byte is ever read.
//! - **Shape.** YAML deeper than [`MAX_DEPTH`] levels or with more than [`MAX_NODES`] values is
//!   refused by [`check_yaml`] before the YAML is deserialized: libyaml, under serde_yaml,
//!   takes time quadratic in the depth before its own recursion limit applies (100,000 nested
//!   `[` took 67 s), and every value costs a few hundred bytes once deserialized (4 MB of
//!   nested empty lists took 1 GB).
//!
//! This module reads files and judges text; it prints nothing and knows no command.

use std::io::Read;
use std::path::Path;

use saphyr_parser::{Event, Parser};

use crate::error::Error;
use crate::i18n::msg;
use crate::method::Diagnostic;

/// The deepest YAML nesting accepted. Real files nest 6 to 8 levels (a playbook session's
/// records answer: answers → method → question → row → field); serde_yaml itself stops at 128.
pub const MAX_DEPTH: usize = 100;

/// The most values (scalars, lists, mappings) in one YAML file. A finished brainstorm with 300
/// ideas and their votes has about 1,000; the limit is two hundred times that, and what it
/// costs was measured at the limit (docs/security.md).
pub const MAX_NODES: usize = 200_000;

/// Method and playbook files: real ones are a few KB.
pub const MAX_METHOD_BYTES: u64 = crate::method::MAX_FILE_BYTES as u64;

/// Sessions, answers files and settings files. A session of 300 ideas with a dot vote is about
/// 100 KB; this leaves room for eighty times that. Measured on the release build with a session
/// of this size in the costliest shape (many two-word ideas, every one voted on), `report` in
/// every format stays under 2 s and 500 MB (docs/security.md has the figures).
pub const MAX_DOCUMENT_BYTES: u64 = 8 * 1024 * 1024;

/// `list`'s cache of method summaries: about 1 KB a method, so room for 50,000 methods. A
/// larger cache is ignored and rebuilt.
pub const MAX_CACHE_BYTES: u64 = 64 * 1024 * 1024;

/// Why a file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("{0}")]
    Io(#[from] std::io::Error),
    /// A FIFO, socket, device or folder where a file was expected.
    #[error("{}", msg("input.not_a_file", &[("kind", &kind_name(.0))]))]
    NotAFile(Kind),
    #[error("{}", msg("input.too_large", &[("mb", &(.0 / 1_048_576))]))]
    TooLarge(u64),
}

/// What a path is, when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Folder,
    Fifo,
    Socket,
    Device,
    Other,
}

fn kind_name(kind: &Kind) -> &'static str {
    let key = match kind {
        Kind::Folder => "input.kind.folder",
        Kind::Fifo => "input.kind.fifo",
        Kind::Socket => "input.kind.socket",
        Kind::Device => "input.kind.device",
        Kind::Other => "input.kind.other",
    };
    crate::i18n::t(crate::i18n::message_language(), key)
}

/// What kind of thing this is, when it is not a regular file (symlinks already followed).
fn irregular(file_type: std::fs::FileType) -> Option<Kind> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some(Kind::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if file_type.is_fifo() {
            return Some(Kind::Fifo);
        }
        if file_type.is_socket() {
            return Some(Kind::Socket);
        }
        if file_type.is_block_device() || file_type.is_char_device() {
            return Some(Kind::Device);
        }
    }
    Some(Kind::Other)
}

/// Whether `path` is a regular file or a symlink to one: what a folder walk may read. A
/// FIFO, socket or device found in a folder is skipped, never opened.
pub fn is_regular(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.is_file())
}

/// Opens a regular file for reading; anything else is refused without waiting on it.
pub fn open_regular(path: &Path) -> Result<std::fs::File, ReadError> {
    // Checked before opening: opening some devices has effects of its own.
    if let Some(kind) = irregular(std::fs::metadata(path)?.file_type()) {
        return Err(ReadError::NotAFile(kind));
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    // The path may have been swapped for a FIFO since the check: a non-blocking open returns
    // at once even then, and the handle is checked again below. For a regular file the flag
    // changes nothing.
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    if let Some(kind) = irregular(file.metadata()?.file_type()) {
        return Err(ReadError::NotAFile(kind));
    }
    Ok(file)
}

/// Reads a regular file of at most `limit` bytes, reading no more than one byte past it.
pub fn read_limited(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let file = open_regular(path)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(bytes)
}

/// Reads a regular file of at most `limit` bytes as UTF-8 text (a template).
pub fn read_text(path: &Path, limit: u64) -> Result<String, ReadError> {
    let bytes = read_limited(path, limit)?;
    String::from_utf8(bytes)
        .map_err(|e| ReadError::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}

/// Reads a session, answers or settings file as text, within [`MAX_DOCUMENT_BYTES`]: what
/// `Session::load` and `session::load_answers` read with.
pub fn read_document(path: &Path) -> Result<String, Error> {
    let shown = path.display().to_string();
    let bytes = read_limited(path, MAX_DOCUMENT_BYTES).map_err(|e| read_error(&shown, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let line = e.as_bytes()[..e.utf8_error().valid_up_to()]
            .iter()
            .filter(|b| **b == b'\n')
            .count()
            + 1;
        Error::Diagnostics(vec![Diagnostic {
            line: Some(line),
            ..Diagnostic::whole_file(&shown, msg("method.not_utf8", &[]))
        }])
    })
}

/// A read error as a command's error: I/O errors keep their kind; the rest name the file.
pub fn read_error(shown: &str, err: ReadError) -> Error {
    match err {
        ReadError::Io(e) => Error::io(shown, e),
        other => Error::Diagnostics(vec![Diagnostic::whole_file(shown, other.to_string())]),
    }
}

/// Why a YAML text is refused before it is deserialized, and where: 1-based line and column.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused {
    pub reason: Reason,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// More than [`MAX_NODES`] values.
    TooManyValues,
    /// A syntax error (saphyr-parser's message) in a file that might also pass a limit past
    /// it; see [`check_yaml`].
    Syntax(String),
}

impl Refused {
    pub fn message(&self) -> String {
        match &self.reason {
            Reason::TooDeep => msg("method.too_deep", &[("limit", &MAX_DEPTH)]),
            Reason::TooManyValues => msg("input.too_many_values", &[("limit", &MAX_NODES)]),
            Reason::Syntax(reason) => msg("method.yaml_syntax", &[("reason", &reason)]),
        }
    }

    /// As a diagnostic of the file `name`.
    pub fn diagnostic(self, name: &str) -> Diagnostic {
        Diagnostic {
            line: Some(self.line),
            column: Some(self.column),
            ..Diagnostic::whole_file(name, self.message())
        }
    }
}

/// Checks the shape of a YAML text (its nesting and how many values it holds) on
/// saphyr-parser's event stream, which costs time linear in the text and stops at the first
/// value past a limit. Every serde_yaml read of a file goes through here first.
///
/// Where saphyr-parser finds a syntax error, the rest of the file cannot be checked on events,
/// and serde_yaml (libyaml) may still accept what saphyr-parser refuses: [`bound`] then
/// bounds the rest from its bytes. A file the bound keeps within the limits goes on to
/// serde_yaml, which reports the syntax error as it always has; one it does not is refused
/// here with saphyr-parser's account of the syntax error (or as too deep, when that is what
/// saphyr-parser found: it stops at 255 nested flow collections).
pub fn check_yaml(text: &str) -> Result<(), Refused> {
    // The bound from the bytes alone overstates both counts, so a text it keeps within the
    // limits is within them: the parse below (a second full parse of every session a report
    // reads) is needed only for texts near a limit, to find the exact place to report.
    if bound(text, 0, 0).is_ok() {
        return Ok(());
    }
    let mut depth = 0usize;
    let mut nodes = 0usize;
    // The line of the last event read, with the depth and count before it: where the bound
    // starts.
    let mut resume = (1usize, 0usize, 0usize);
    for event in Parser::new_from_str(text) {
        let (event, span) = match event {
            Ok(pair) => pair,
            Err(err) => {
                let at = err.marker();
                let refused = |reason| Refused {
                    reason,
                    line: at.line(),
                    column: at.col() + 1,
                };
                if err.info() == "recursion limit exceeded" {
                    return Err(refused(Reason::TooDeep));
                }
                let (line, open, counted) = resume;
                let from = line_start(text, line);
                return bound(&text[from..], open, counted)
                    .map_err(|_| refused(Reason::Syntax(err.info().to_owned())));
            }
        };
        if span.start.line() != resume.0 {
            resume = (span.start.line(), depth, nodes);
        }
        let refuse = |reason| Refused {
            reason,
            line: span.start.line(),
            column: span.start.col() + 1,
        };
        match event {
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                depth += 1;
                nodes += 1;
                if depth > MAX_DEPTH {
                    return Err(refuse(Reason::TooDeep));
                }
            }
            Event::Scalar(..) | Event::Alias(..) => nodes += 1,
            Event::SequenceEnd | Event::MappingEnd => depth = depth.saturating_sub(1),
            _ => {}
        }
        if nodes > MAX_NODES {
            return Err(refuse(Reason::TooManyValues));
        }
    }
    Ok(())
}

/// Bounds on the nesting and the number of values of YAML text from its bytes alone; `open`
/// collections are open and `counted` values were read where it starts. Returns the byte
/// offset where a bound first passes its limit.
///
/// The bounds overstate, never understate:
/// - nesting: every `[` and `{` counts as opening a flow collection, and none is taken as
///   closed (a `]` may sit in a quoted scalar or a comment, and telling which needs a parser);
///   block collections: two per column of indentation (a mapping and the sequence that is one
///   of its values can share a column) and one per `- `, `? ` or `: ` on the line, and inside
///   a flow collection, those of the line where it began;
/// - values: each needs a line of its own or an indicator before it (`[`, `{`, `,`, `- `,
///   `? `, `: `), and a mapping entry is two.
///
/// Broken files of ordinary size stay well within both, so their syntax error is reported as
/// before.
fn bound(text: &str, open: usize, counted: usize) -> Result<(), usize> {
    let bytes = text.as_bytes();
    let mut flow = 0usize;
    let mut block_at_flow = 0usize;
    let mut block = 0usize;
    let mut nodes = counted;
    let mut line_begins = true;
    for (i, &b) in bytes.iter().enumerate() {
        if line_begins {
            let indent = bytes[i..]
                .iter()
                .take_while(|c| **c == b' ' || **c == b'\t')
                .count();
            block = 2 * (indent + 1);
            line_begins = false;
            nodes += 2;
        }
        let next_blank = bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace());
        match b {
            b'[' | b'{' => {
                if flow == 0 {
                    block_at_flow = block;
                }
                flow += 1;
                nodes += 2;
            }
            b',' => nodes += 2,
            b'-' | b'?' | b':' if next_blank => {
                block += 1;
                nodes += 2;
            }
            b'\n' => line_begins = true,
            _ => {}
        }
        let block_now = if flow > 0 {
            block.max(block_at_flow)
        } else {
            block
        };
        if open + flow + block_now > MAX_DEPTH || nodes > MAX_NODES {
            return Err(i);
        }
    }
    Ok(())
}

/// The byte offset where 1-based `line` starts (the end of the text past the last line).
fn line_start(text: &str, line: usize) -> usize {
    if line <= 1 {
        return 0;
    }
    text.bytes()
        .enumerate()
        .filter(|(_, b)| *b == b'\n')
        .nth(line - 2)
        .map_or(text.len(), |(i, _)| i + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn flow(depth: usize) -> String {
        format!("a: {}{}\n", "[".repeat(depth), "]".repeat(depth))
    }

    fn deep(line: usize, column: usize) -> Result<(), Refused> {
        Err(Refused {
            reason: Reason::TooDeep,
            line,
            column,
        })
    }

    #[test]
    fn ordinary_nesting_passes() {
        assert_eq!(check_yaml("a: [1, {b: [c]}]\nd:\n  - e: f\n"), Ok(()));
        // The deepest accepted: MAX_DEPTH collections, the top mapping included.
        assert_eq!(check_yaml(&flow(MAX_DEPTH - 1)), Ok(()));
    }

    #[test]
    fn deep_flow_lists_are_placed_at_the_first_bracket_past_the_limit() {
        // The top mapping is level 1; `[` number MAX_DEPTH opens level MAX_DEPTH + 1.
        assert_eq!(check_yaml(&flow(MAX_DEPTH)), deep(1, 3 + MAX_DEPTH));
    }

    #[test]
    fn deep_block_sequences_and_mappings_are_refused() {
        let dashes = format!("a:\n{}x\n", "- ".repeat(MAX_DEPTH + 5));
        assert!(matches!(
            check_yaml(&dashes),
            Err(Refused {
                reason: Reason::TooDeep,
                line: 2,
                ..
            })
        ));
        let maps: String = (0..MAX_DEPTH + 5)
            .map(|i| format!("{}k:\n", " ".repeat(i)))
            .collect();
        assert_eq!(check_yaml(&maps), deep(MAX_DEPTH + 1, MAX_DEPTH + 1));
    }

    #[test]
    fn too_many_values_are_refused_at_the_first_past_the_limit() {
        // A mapping (1 value) of keys and values (2 each).
        let entries = MAX_NODES / 2;
        let text: String = (0..entries).map(|i| format!("k{i}: v\n")).collect();
        assert_eq!(
            check_yaml(&text),
            Err(Refused {
                reason: Reason::TooManyValues,
                line: entries,
                column: 4 + (entries - 1).to_string().len(),
            })
        );
        let fewer: String = (0..entries - 1).map(|i| format!("k{i}: v\n")).collect();
        assert_eq!(check_yaml(&fewer), Ok(()));
    }

    #[test]
    fn limits_after_a_syntax_error_still_hold() {
        // `%` cannot start a plain scalar: saphyr-parser stops at it, at line 2.
        let syntax = |line, column| Refused {
            reason: Reason::Syntax("unexpected character: `%'".into()),
            line,
            column,
        };
        let deep = format!("a: b\nc: %x\nd: {}\n", "[".repeat(MAX_DEPTH + 1));
        assert_eq!(check_yaml(&deep), Err(syntax(2, 4)));
        let many = format!("a: b\nc: %x\nd: [{}]\n", "1,".repeat(MAX_NODES));
        assert_eq!(check_yaml(&many), Err(syntax(2, 4)));
        // An ordinary broken file is left to serde_yaml, whose message it has always had.
        assert_eq!(check_yaml("a: b\nc: %x\nd: [[1], {e: f}]\n"), Ok(()));
        // Past 255 open flow collections saphyr-parser itself stops: too deep.
        assert!(matches!(
            check_yaml(&"[".repeat(300)),
            Err(Refused {
                reason: Reason::TooDeep,
                line: 1,
                ..
            })
        ));
    }

    #[test]
    fn the_byte_bound_never_understates() {
        let over = |text: &str| bound(text, 0, 0).is_err();
        // Closing brackets may be inside quoted scalars that a byte scan cannot tell apart
        // (`[a 'b], 'c]]]'` in a flow list): none counts as closing.
        assert!(over(&"[a 'b], 'c]]]', ".repeat(MAX_DEPTH)));
        assert!(over(&"[\"]\"], ".repeat(MAX_DEPTH)));
        // Block nesting: the indentation counts, as does the line a flow began on.
        assert!(over(&format!(
            "{}- [\n{}\n",
            " ".repeat(60),
            "[".repeat(10)
        )));
        assert!(over(&"- a\n".repeat(MAX_NODES / 4 + 1)));
        // An ordinary file passes.
        assert_eq!(bound("a: [b, \"]\", {c: d}] # [\n- x: 'y'\n", 0, 0), Ok(()));
    }

    /// Runs `read` on a thread and fails the test if it has not returned within 10 s.
    fn within<T: Send + 'static>(read: impl FnOnce() -> T + Send + 'static) -> T {
        let (send, receive) = std::sync::mpsc::channel();
        std::thread::spawn(move || send.send(read()));
        receive
            .recv_timeout(std::time::Duration::from_secs(10))
            .expect("the read is still waiting")
    }

    #[test]
    #[cfg(unix)]
    fn special_files_are_refused_without_waiting() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("s.yaml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        assert!(made.unwrap().success());
        assert!(!is_regular(&fifo));
        let read = within({
            let fifo = fifo.clone();
            move || read_limited(&fifo, 10)
        });
        assert!(matches!(read, Err(ReadError::NotAFile(Kind::Fifo))));
        let err = within(move || read_document(&fifo))
            .unwrap_err()
            .to_string();
        assert!(
            err.ends_with("s.yaml: is a named pipe (FIFO), not a regular file; labkit reads only regular files"),
            "{err}"
        );
        assert!(matches!(
            read_limited(dir.path(), 10),
            Err(ReadError::NotAFile(Kind::Folder))
        ));
        assert!(matches!(
            read_limited(Path::new("/dev/zero"), 10),
            Err(ReadError::NotAFile(Kind::Device))
        ));
    }

    #[test]
    fn files_over_the_limit_are_refused_after_one_byte_more() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.yaml");
        std::fs::write(&file, "a: 1\n").unwrap();
        assert_eq!(read_limited(&file, 5).unwrap(), b"a: 1\n");
        assert!(matches!(
            read_limited(&file, 4),
            Err(ReadError::TooLarge(4))
        ));
        std::fs::write(&file, b"a: \xff\n").unwrap();
        let err = read_document(&file).unwrap_err().to_string();
        assert!(err.contains("a.yaml:1: file is not valid UTF-8"), "{err}");
    }

    #[test]
    fn the_check_stops_early_on_hostile_text_and_is_linear_on_the_rest() {
        // 200 KB of nested lists: serde_yaml alone took 67 s on this (release build).
        for text in [
            flow(100_000),
            format!("a:\n{}x\n", "- ".repeat(100_000)),
            (0..2_000)
                .map(|i| format!("{}k:\n", " ".repeat(i)))
                .collect(),
        ] {
            let start = std::time::Instant::now();
            assert!(check_yaml(&text).is_err());
            assert!(start.elapsed() < std::time::Duration::from_secs(1));
        }
        // Nesting just under the limit all through a file, with as many values as allowed:
        // the costliest accepted shape for the event parser (each token looks at every open
        // flow level). 300 KB: about 30 ms in a release build, 0.2 s in a debug one.
        let line = format!(
            "k: {}{}\n",
            "[".repeat(MAX_DEPTH - 2),
            "]".repeat(MAX_DEPTH - 2)
        );
        let text = line.repeat(MAX_NODES / MAX_DEPTH);
        let start = std::time::Instant::now();
        assert_eq!(check_yaml(&text), Ok(()));
        assert!(start.elapsed() < std::time::Duration::from_secs(5));
    }
}
