//! A session: who ran which method when, how, and every answer, saved as one YAML file.
//!
//! Saved atomically after every entry (each list entry, records field, dot, score and rank
//! pick, kept in `in_progress` until its question ends), so an interrupted workshop loses at
//! most the entry being typed. A session carries a copy of the method it ran, so it resumes
//! and renders anywhere. A session file is also a valid answers file (`run --answers`).
//!
//! Schema 2 added `source`, `run`, `offered`, `in_progress` and `method_copy`; schema 1 files
//! load unchanged (the new fields are simply absent) and are written back as schema 2.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use serde_yaml::{Mapping, Value};

use crate::error::Error;
use crate::fsutil::write_atomic;

pub const SCHEMA: u32 = 2;

/// Where a session's method came from: `built-in`, `library`, `workspace`, `LABKIT_PATH`,
/// `--methods` or `file` (run by path), with the file's path when it had one; for a method
/// library, its name, repository and the commit the method was read from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub origin: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub library: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub git: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commit: Option<String>,
}

impl Source {
    /// Where a loaded method came from, as a session records it.
    pub fn of(entry: &crate::library::Entry) -> Source {
        Source {
            origin: entry.origin.to_string(),
            path: entry.path.as_ref().map(|p| p.display().to_string()),
            library: entry.library.as_ref().map(|l| l.name.clone()),
            git: entry.library.as_ref().map(|l| l.git.clone()),
            commit: entry.library.as_ref().map(|l| l.commit.clone()),
        }
    }
}

/// How a session was run, so `resume` carries on the same way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RunOptions {
    /// The report to write when the session finishes: relative to the session file's folder,
    /// or absolute.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<String>,
    /// `md`, `html` or `docx` (from the report's extension).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub format: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// `--force`: the report may replace an existing file.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub force: bool,
    /// Timebox countdowns are offered (false after `--no-timer`).
    #[serde(default = "yes")]
    pub timer: bool,
}

fn yes() -> bool {
    true
}

impl Default for RunOptions {
    fn default() -> Self {
        RunOptions {
            report: None,
            format: None,
            template: None,
            force: false,
            timer: true,
        }
    }
}

/// The method as it was run: the YAML text of its file (for a playbook, of the playbook and of
/// each of its methods), so a session can be resumed and reported where the file is missing.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodCopy {
    pub text: String,
    /// A playbook's methods by id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub methods: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    InProgress,
    Finished,
}

impl Status {
    pub const ALL: [Status; 2] = [Status::InProgress, Status::Finished];

    /// The name in session files and on the command line (`portfolio --status`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::InProgress => "in_progress",
            Status::Finished => "finished",
        }
    }
}

/// Which method a session ran, and which version of its file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MethodRef {
    pub id: String,
    pub version: u32,
    /// SHA-256 of the method file when the session began.
    pub hash: String,
    /// A playbook session: `answers` are grouped by method id.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub playbook: bool,
    /// Where the method came from (absent in schema 1 files).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub schema: u32,
    pub labkit_version: String,
    pub method: MethodRef,
    pub language: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lab: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facilitator: Option<String>,
    #[serde(default)]
    pub participants: Vec<String>,
    pub started: String,
    pub updated: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<String>,
    pub status: Status,
    /// Seconds spent on each step, by step id (`method/step` in a playbook).
    #[serde(default)]
    pub step_times: BTreeMap<String, u64>,
    /// A playbook's methods that are finished, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub done: Vec<String>,
    /// How the session was run (report, template, timer).
    #[serde(default)]
    pub run: RunOptions,
    /// Timeboxes and breaks already offered (`step`, `method/step`, `break-N`), so a resumed
    /// session does not offer them again.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub offered: Vec<String>,
    /// Answers keyed by question id, in question order. Near the end of the file with the
    /// other long parts, so `Writer` can reuse their YAML between saves.
    #[serde(default, skip_serializing_if = "Mapping::is_empty")]
    pub answers: Mapping,
    /// The question being answered, with the entries given so far.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub in_progress: Option<crate::engine::InProgress>,
    /// What participants sent from their own devices (`run --room`), question by question.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub room: Option<crate::engine::room::RoomRecord>,
    /// A copy of the method as run (last, being the longest part).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method_copy: Option<MethodCopy>,
}

impl Session {
    /// A new session of `method`, begun `now`, with nothing answered yet.
    pub fn new(method: MethodRef, language: &str, now: &str) -> Session {
        Session {
            schema: SCHEMA,
            labkit_version: env!("CARGO_PKG_VERSION").into(),
            method,
            language: language.to_owned(),
            lab: None,
            facilitator: None,
            participants: Vec::new(),
            started: now.to_owned(),
            updated: now.to_owned(),
            finished: None,
            status: Status::InProgress,
            answers: Mapping::new(),
            step_times: BTreeMap::new(),
            done: Vec::new(),
            run: RunOptions::default(),
            offered: Vec::new(),
            in_progress: None,
            room: None,
            method_copy: None,
        }
    }

    pub fn answer(&self, id: &str) -> Option<&Value> {
        self.answers.get(id)
    }

    pub fn save(&self, path: &Path) -> Result<(), Error> {
        Writer::new(path).save(self)
    }

    /// Every field but the three long ones (`answers`, `in_progress`, `method_copy`).
    fn head(&self) -> Session {
        Session {
            schema: self.schema,
            labkit_version: self.labkit_version.clone(),
            method: self.method.clone(),
            language: self.language.clone(),
            lab: self.lab.clone(),
            facilitator: self.facilitator.clone(),
            participants: self.participants.clone(),
            started: self.started.clone(),
            updated: self.updated.clone(),
            finished: self.finished.clone(),
            status: self.status,
            step_times: self.step_times.clone(),
            done: self.done.clone(),
            run: self.run.clone(),
            offered: self.offered.clone(),
            answers: Mapping::new(),
            in_progress: None,
            room: None,
            method_copy: None,
        }
    }

    /// Reads a session file; a broken one is reported with its line and left untouched.
    pub fn load(path: &Path) -> Result<Session, Error> {
        let shown = path.display().to_string();
        let text = crate::input::read_document(path)?;
        let session: Session = parse_yaml(&text, &shown).map_err(|err| {
            // A newer labkit's session may have fields this one does not know: say that it is
            // newer, not that its fields are unknown.
            // (Only for a file within the limits: reading a hostile one again would be slow.)
            let readable = crate::input::check_yaml(&text).is_ok();
            match readable.then(|| newer_schema(&text)).flatten() {
                Some(issue) => {
                    Error::Diagnostics(crate::method::place(&shown, vec![issue], Some(&text)))
                }
                None => err,
            }
        })?;
        let issues = session.check();
        if issues.is_empty() {
            Ok(session)
        } else {
            Err(Error::Diagnostics(crate::method::place(
                &shown,
                issues,
                Some(&text),
            )))
        }
    }

    /// What the types cannot say about a session someone may have edited by hand: a schema
    /// this labkit reads, a language it speaks, and dates and times it can read back. Every
    /// problem is returned, so one look at the file fixes them all.
    fn check(&self) -> Vec<crate::method::Issue> {
        use crate::i18n::msg;
        use crate::method::Issue;
        let mut issues = Vec::new();
        if self.schema > SCHEMA {
            issues.push(schema_newer(self.schema));
        } else if self.schema == 0 {
            issues.push(Issue::new(
                "schema",
                msg("session.schema_unknown", &[("known", &SCHEMA)]),
            ));
        }
        if crate::settings::known_language(&self.language).is_none() {
            let mut issue = Issue::new(
                "language",
                msg("session.bad_language", &[("code", &self.language)]),
            );
            issue.hint = Some(msg("session.bad_language_hint", &[]));
            issues.push(issue);
        }
        let times = [
            ("started", Some(&self.started)),
            ("updated", Some(&self.updated)),
            ("finished", self.finished.as_ref()),
        ];
        for (field, value) in times {
            if let Some(value) = value
                && !crate::clock::is_timestamp(value)
            {
                issues.push(Issue::new(
                    field,
                    msg("session.bad_time", &[("value", value)]),
                ));
            }
        }
        issues
    }

    /// The part of a playbook session that belongs to one method, as a session of its own.
    pub fn part(&self, method: &crate::method::Method) -> Session {
        let answers = match self.answers.get(method.id.as_str()) {
            Some(Value::Mapping(m)) => m.clone(),
            _ => Mapping::new(),
        };
        let prefix = format!("{}/", method.id);
        Session {
            method: MethodRef {
                id: method.id.clone(),
                version: method.version,
                hash: method.content_hash.clone(),
                playbook: false,
                source: None,
            },
            in_progress: self
                .in_progress
                .clone()
                .filter(|p| p.method.as_deref() == Some(method.id.as_str())),
            offered: self
                .offered
                .iter()
                .filter_map(|k| Some(k.strip_prefix(&prefix)?.to_owned()))
                .collect(),
            method_copy: None,
            answers,
            step_times: self
                .step_times
                .iter()
                .filter_map(|(k, v)| Some((k.strip_prefix(&prefix)?.to_owned(), *v)))
                .collect(),
            done: Vec::new(),
            room: self.room.as_ref().map(|r| crate::engine::room::RoomRecord {
                code: r.code.clone(),
                questions: r
                    .questions
                    .iter()
                    .filter_map(|(k, v)| Some((k.strip_prefix(&prefix)?.to_owned(), v.clone())))
                    .collect(),
            }),
            ..self.clone()
        }
    }

    /// Writes a method's part back into a playbook session.
    pub fn merge_part(&mut self, part: &Session) {
        self.answers.insert(
            Value::from(part.method.id.as_str()),
            Value::Mapping(part.answers.clone()),
        );
        for (step, secs) in &part.step_times {
            self.step_times
                .insert(format!("{}/{step}", part.method.id), *secs);
        }
        for step in &part.offered {
            let key = format!("{}/{step}", part.method.id);
            if !self.offered.contains(&key) {
                self.offered.push(key);
            }
        }
        let id = part.method.id.as_str();
        if let Some(part_room) = &part.room {
            let room = self
                .room
                .get_or_insert_with(|| crate::engine::room::RoomRecord {
                    code: part_room.code.clone(),
                    questions: Default::default(),
                });
            let prefix = format!("{id}/");
            room.questions.retain(|k, _| !k.starts_with(&prefix));
            for (q, ledger) in &part_room.questions {
                room.questions
                    .insert(format!("{prefix}{q}"), ledger.clone());
            }
        }
        match &part.in_progress {
            Some(p) => {
                let mut p = p.clone();
                p.method = Some(id.to_owned());
                self.in_progress = Some(p);
            }
            None => {
                if self
                    .in_progress
                    .as_ref()
                    .is_some_and(|p| p.method.as_deref() == Some(id))
                {
                    self.in_progress = None;
                }
            }
        }
    }

    /// Puts answers back in the method's question order.
    pub fn order_answers(&mut self, order: &[&str]) {
        let mut sorted = Mapping::new();
        for id in order {
            if let Some(v) = self.answers.remove(*id) {
                sorted.insert(Value::from(*id), v);
            }
        }
        for (k, v) in std::mem::take(&mut self.answers) {
            sorted.insert(k, v);
        }
        self.answers = sorted;
    }
}

/// Writes one session file, again and again: after every answer and entry. The YAML of the
/// answers and of the method copy is kept from the last save and reused while they are
/// unchanged (during a list, only the entry in progress changes), so a save costs what the
/// change costs, not what the whole session costs. Each answer's YAML is kept on its own, so a
/// new answer costs that answer, not all of them.
pub struct Writer {
    path: PathBuf,
    /// Each answer as last written: its key, its value, its lines under `answers:`.
    answers: Vec<(Value, Value, String)>,
    copy: Option<(MethodCopy, String)>,
}

/// A top-level YAML mapping moved one level in, as it stands under `answers:`. Block scalars
/// keep their meaning: every line moves by the same two spaces.
fn indent(yaml: &str) -> String {
    let mut out = String::with_capacity(yaml.len() + 64);
    for line in yaml.split_inclusive('\n') {
        if line != "\n" {
            out.push_str("  ");
        }
        out.push_str(line);
    }
    out
}

#[derive(Serialize)]
struct Progress<'a> {
    in_progress: &'a crate::engine::InProgress,
}

#[derive(Serialize)]
struct Room<'a> {
    room: &'a crate::engine::room::RoomRecord,
}

#[derive(Serialize)]
struct Copy<'a> {
    method_copy: &'a MethodCopy,
}

impl Writer {
    pub fn new(path: &Path) -> Writer {
        Writer {
            path: path.to_owned(),
            answers: Vec::new(),
            copy: None,
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The session as YAML: the same document `serde_yaml::to_string` makes of it, with
    /// `updated` replaced when given.
    pub fn yaml(&mut self, session: &Session, updated: Option<&str>) -> Result<String, Error> {
        let yaml = |v: &dyn erased::Ser| v.to_yaml().map_err(|e| Error::Input(e.to_string()));
        let mut head = session.head();
        if let Some(updated) = updated {
            head.updated = updated.to_owned();
        }
        let mut text = yaml(&head)?;
        if !session.answers.is_empty() {
            text.push_str("answers:\n");
            let mut kept = Vec::with_capacity(session.answers.len());
            for (n, (key, value)) in session.answers.iter().enumerate() {
                let cached = self
                    .answers
                    .get(n)
                    .filter(|(k, v, _)| k == key && v == value);
                let lines = match cached {
                    Some((_, _, lines)) => lines.clone(),
                    None => {
                        let mut one = Mapping::new();
                        one.insert(key.clone(), value.clone());
                        indent(&yaml(&one)?)
                    }
                };
                text.push_str(&lines);
                kept.push((key.clone(), value.clone(), lines));
            }
            self.answers = kept;
        }
        if let Some(progress) = &session.in_progress {
            text.push_str(&yaml(&Progress {
                in_progress: progress,
            })?);
        }
        if let Some(room) = &session.room {
            text.push_str(&yaml(&Room { room })?);
        }
        if let Some(copy) = &session.method_copy {
            match &self.copy {
                Some((cached, block)) if cached == copy => text.push_str(block),
                _ => {
                    let block = yaml(&Copy { method_copy: copy })?;
                    text.push_str(&block);
                    self.copy = Some((copy.clone(), block));
                }
            }
        }
        Ok(text)
    }

    /// Saves atomically (a temporary file, flushed, renamed over the old one).
    pub fn save(&mut self, session: &Session) -> Result<(), Error> {
        let text = self.yaml(session, None)?;
        write_atomic(&self.path, text.as_bytes())
    }

    /// Saves with `updated` set to `now`.
    pub fn save_at(&mut self, session: &Session, now: &str) -> Result<(), Error> {
        let text = self.yaml(session, Some(now))?;
        write_atomic(&self.path, text.as_bytes())
    }
}

/// Serialising through a trait object, so `Writer::yaml` takes its pieces alike.
mod erased {
    pub trait Ser {
        fn to_yaml(&self) -> Result<String, serde_yaml::Error>;
    }
    impl<T: serde::Serialize> Ser for T {
        fn to_yaml(&self) -> Result<String, serde_yaml::Error> {
            serde_yaml::to_string(self)
        }
    }
}

/// The problem of a session schema newer than this labkit's.
fn schema_newer(schema: u32) -> crate::method::Issue {
    let mut issue = crate::method::Issue::new(
        "schema",
        crate::i18n::msg(
            "session.schema_newer",
            &[("schema", &schema), ("known", &SCHEMA)],
        ),
    );
    issue.hint = Some(crate::i18n::msg("session.schema_newer_hint", &[]));
    issue
}

/// The schema of a session this labkit cannot read, when it is a newer one.
fn newer_schema(text: &str) -> Option<crate::method::Issue> {
    /// Only the schema; other keys are ignored, whatever a newer labkit wrote.
    #[derive(Deserialize)]
    struct Head {
        schema: u32,
    }
    let head: Head = serde_yaml::from_str(text).ok()?;
    (head.schema > SCHEMA).then(|| schema_newer(head.schema))
}

fn parse_yaml<T: serde::de::DeserializeOwned>(text: &str, shown: &str) -> Result<T, Error> {
    crate::method::deserialize_placed(text, shown).map_err(Error::Diagnostics)
}

/// Reads an answers file (YAML or JSON): either a session file, a mapping with an `answers:`
/// key, or a plain mapping of question id → answer.
pub fn load_answers(path: &Path) -> Result<Mapping, Error> {
    load_answers_for(path).map(|(answers, _)| answers)
}

/// An answers file's answers, with the method they are for when the file names one beside its
/// `answers`: `method: experiment-readout` (what `labkit analyse --format json` writes) or a
/// session's `method: {id: ...}`. A playbook run puts such answers under that method's id.
pub fn load_answers_for(path: &Path) -> Result<(Mapping, Option<String>), Error> {
    let shown = path.display().to_string();
    let text = crate::input::read_document(path)?;
    let value: Value = parse_yaml(&text, &shown)?;
    match value {
        Value::Mapping(mut map) => match map.remove("answers") {
            Some(Value::Mapping(answers)) => {
                let method = match map.get("method") {
                    Some(Value::String(id)) => Some(id.clone()),
                    Some(Value::Mapping(m)) => {
                        m.get("id").and_then(Value::as_str).map(str::to_owned)
                    }
                    _ => None,
                };
                Ok((answers, method))
            }
            Some(_) => Err(Error::Input(format!(
                "{shown}: `answers` must be a mapping of question id to answer"
            ))),
            None => Ok((map, None)),
        },
        Value::Null => Ok((Mapping::new(), None)),
        _ => Err(Error::Input(format!(
            "{shown}: expected a mapping of question id to answer"
        ))),
    }
}

/// Creates a new, empty session file: `sessions/2026-11-26-test-card.yaml`, then `-2`, `-3`…
/// Each name is created exclusively, so two processes starting at once never get the same
/// file and no session is ever overwritten.
pub fn create_new(dir: &Path, date: &str, method_id: &str) -> Result<PathBuf, Error> {
    let shown = dir.display().to_string();
    std::fs::create_dir_all(dir).map_err(|e| Error::io(&shown, e))?;
    for n in 1..10_000 {
        let name = if n == 1 {
            format!("{date}-{method_id}.yaml")
        } else {
            format!("{date}-{method_id}-{n}.yaml")
        };
        let path = dir.join(name);
        match create_exclusive(&path) {
            Ok(()) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(Error::io(path.display().to_string(), e)),
        }
    }
    Err(Error::Input(format!("{shown}: no free session file name")))
}

/// Creates `path` only if nothing is there yet.
pub fn create_exclusive(path: &Path) -> std::io::Result<()> {
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map(drop)
}

/// A session file's text up to its method copy, for readers that do not need the copy (the
/// portfolio reads ten thousand sessions). The copy is the last top-level key as labkit writes
/// it, and a line `method_copy:` at the start can only be that key (block text is indented).
pub fn without_copy(bytes: &[u8]) -> &[u8] {
    const KEY: &[u8] = b"\nmethod_copy:";
    bytes
        .windows(KEY.len())
        .position(|w| w == KEY)
        .map_or(bytes, |at| &bytes[..=at])
}

/// `.NAME.lock` beside a session file.
pub fn lock_path(session: &Path) -> PathBuf {
    let name = session
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    session.with_file_name(format!(".{name}.lock"))
}

/// The one-writer lock of a session file: an advisory lock on `.NAME.lock` beside it, held
/// for as long as this value lives. The operating system releases it when the process ends,
/// however it ends, so a lock left by a killed process is never in the way; the file keeps
/// who held it last, for the message a second process shows.
pub struct Lock {
    file: std::fs::File,
    path: PathBuf,
}

impl Drop for Lock {
    /// The lock file goes while the lock is still held; `acquire` checks that the file it
    /// locked is still the one at the path, so a process racing this removal tries again.
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        let _ = self.file.unlock();
    }
}

/// Whether `file` is (still) the file at `path`.
#[cfg(unix)]
fn same_file(file: &std::fs::File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_file(_: &std::fs::File, path: &Path) -> bool {
    path.exists()
}

impl Lock {
    pub fn acquire(session: &Path) -> Result<Lock, Error> {
        use std::io::{Read, Seek, Write};
        let path = lock_path(session);
        let shown = path.display().to_string();
        let mut attempts = 0;
        let mut file = loop {
            let mut file = std::fs::OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&path)
                .map_err(|e| Error::io(&shown, e))?;
            match file.try_lock() {
                Ok(()) if same_file(&file, &path) => break file,
                // The holder removed the file as it let go: lock the new one.
                Ok(()) if attempts < 10 => attempts += 1,
                Ok(()) => break file,
                Err(std::fs::TryLockError::WouldBlock) => {
                    let mut holder = String::new();
                    let _ = file.read_to_string(&mut holder);
                    return Err(Error::Input(crate::i18n::msg(
                        "session.locked",
                        &[("session", &session.display()), ("holder", &holder.trim())],
                    )));
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&shown, e)),
            }
        };
        // Who holds it now: process, since when.
        let _ = file.set_len(0);
        let _ = file.rewind();
        let _ = write!(
            file,
            "process {} since {}",
            std::process::id(),
            crate::clock::rfc3339(std::time::SystemTime::now())
        );
        let _ = file.flush();
        crate::fsutil::remove_stale_temps(session);
        Ok(Lock { file, path })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Session {
        let method = MethodRef {
            id: "brainstorm".into(),
            version: 1,
            hash: "ab".into(),
            playbook: false,
            source: Some(Source {
                origin: "built-in".into(),
                ..Source::default()
            }),
        };
        let mut s = Session::new(method, "pt", "2026-11-26T10:00:00Z");
        s.answers
            .insert("challenge".into(), "Como podemos: ajudar?".into());
        s.answers.insert(
            "ideas".into(),
            Value::Sequence(vec!["a: b".into(), "- c".into()]),
        );
        s.answers.insert(
            "context".into(),
            "  indented first line\nsecond line\n\nafter a blank line\n".into(),
        );
        s.answers.insert(
            "people".into(),
            serde_yaml::from_str(
                "[{name: Registry, interest: 5}, {name: 'x: y', notes: \"a\\nb\"}]",
            )
            .unwrap(),
        );
        s.answers.insert(
            "votes".into(),
            serde_yaml::from_str("{'SMS: yes': 3, '- no': 0}").unwrap(),
        );
        s.answers.insert("skipped".into(), Value::Null);
        s.answers.insert("empty".into(), Value::Sequence(vec![]));
        s.in_progress = Some(crate::engine::InProgress::new(
            "parking",
            Value::Sequence(vec!["x".into()]),
        ));
        s.method_copy = Some(MethodCopy {
            text: "schema: 1\nid: brainstorm\n".into(),
            methods: BTreeMap::new(),
        });
        s.offered.push("challenge".into());
        s
    }

    #[test]
    fn the_writer_writes_what_serde_writes_and_reuses_unchanged_parts() {
        let mut s = full();
        let mut w = Writer::new(Path::new("unused.yaml"));
        assert_eq!(
            w.yaml(&s, None).unwrap(),
            serde_yaml::to_string(&s).unwrap()
        );
        // A new entry in progress: the cached answers are reused, the result is still exact.
        if let Some(p) = &mut s.in_progress {
            p.entries_mut().push("y".into());
        }
        assert_eq!(
            w.yaml(&s, None).unwrap(),
            serde_yaml::to_string(&s).unwrap()
        );
        // A changed answer is noticed, and written as serde writes it.
        s.answers.insert("ideas".into(), Value::Null);
        assert_eq!(
            w.yaml(&s, None).unwrap(),
            serde_yaml::to_string(&s).unwrap()
        );
        s.in_progress = None;
        let text = w.yaml(&s, Some("2026-11-26T11:00:00Z")).unwrap();
        let back: Session = serde_yaml::from_str(&text).unwrap();
        assert_eq!(back.answers, s.answers);
        assert_eq!(back.updated, "2026-11-26T11:00:00Z");
        assert!(back.in_progress.is_none());
    }

    #[test]
    fn a_schema_1_file_still_loads() {
        let text = "schema: 1\nlabkit_version: 0.1.0\nmethod: { id: test-card, version: 1, hash: abc }\nlanguage: en\nparticipants: []\nstarted: x\nupdated: x\nstatus: in_progress\nanswers:\n  owner: Rui\nstep_times: {}\n";
        let s: Session = serde_yaml::from_str(text).unwrap();
        assert_eq!(s.answer("owner"), Some(&Value::from("Rui")));
        assert!(s.run.timer, "countdowns stay on");
        assert!(s.method_copy.is_none() && s.in_progress.is_none());
    }
}

#[cfg(test)]
mod copy_tests {
    #[test]
    fn readers_can_stop_before_the_method_copy() {
        let text = b"schema: 2\nanswers:\n  a: 'method_copy: no'\nmethod_copy:\n  text: |\n    x\n";
        assert_eq!(
            super::without_copy(text),
            b"schema: 2\nanswers:\n  a: 'method_copy: no'\n"
        );
        assert_eq!(super::without_copy(b"schema: 2\n"), b"schema: 2\n");
    }
}
