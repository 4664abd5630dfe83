//! `labkit assign`: randomised assignment of a CSV's units to trial arms, with an audit record.
//!
//! The file is read as a stream, twice (see `stats::assign`), so a large file costs memory for
//! its distinct values and one byte per row, not for its size. Its delimiter is detected here
//! (or given with `--delimiter`) and said on stderr. The output is only written when the whole
//! first pass succeeded, and atomically when it goes to a file, so a bad row never leaves a
//! half-written CSV.
//!
//! The log (`--log`) is a chain of entries, one per batch of units: each entry records the
//! SHA-256 of the input and of the output, and its own `sha256` over its contents (canonical
//! JSON: keys sorted, no spaces), which the next entry repeats as `previous_sha256`. `--append`
//! checks the chain and the earlier output's hash before adding anything, so an edited CSV or log
//! is refused. The chain shows changes; it does not stop someone who rewrites every hash, so a
//! trial that must be tamper-proof registers the latest `sha256` elsewhere (with its protocol).

use std::hash::{BuildHasher, Hasher};
use std::io::{Read, Write};
use std::path::Path;

use serde::Serialize;
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::Outcome;
use crate::cli::{AssignArgs, Delimiter};
use crate::clock::{Clock, SystemClock, rfc3339};
use crate::error::Error;
use crate::fsutil::{check_outputs, write_atomic, write_atomic_with};
use crate::i18n::tf;
use crate::lang::Lang;
use crate::output::Printer;
use crate::settings::Settings;
use crate::stats::assign::{
    ALGORITHM, AssignOptions, AssignmentReport, MEMORY_LIMIT, Plan, Prior, balance_table,
    parse_ratio,
};
use crate::stats::csvscan::{Detected, Detection, detect};
use crate::stats::error::StatsError;

/// What the log file holds: its format, then the entries, last (so that a new entry is added
/// by appending its text).
#[derive(Serialize)]
struct LogFile<'a> {
    format: &'static str,
    entries: [AuditRecord<'a>; 1],
}

/// The log's format, checked by `--append`.
const LOG_FORMAT: &str = "labkit-assign-log-1";

/// One batch of units in the log.
#[derive(Serialize)]
struct AuditRecord<'a> {
    batch: usize,
    labkit_version: &'static str,
    time: String,
    input_file: String,
    output_file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    appended_to: Option<String>,
    #[serde(flatten)]
    report: &'a AssignmentReport,
    /// SHA-256 of the whole output (earlier rows included), lowercase hex.
    output_sha256: String,
    /// The previous entry's `sha256`; none for the first.
    previous_sha256: Option<String>,
    /// SHA-256 of this entry's canonical JSON without this field.
    sha256: String,
}

fn hex(digest: &[u8]) -> String {
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// JSON with keys sorted and no spaces: the form an entry's `sha256` is taken over, the same
/// whether the entry was just made or read back from YAML.
fn canonical(v: &Value, out: &mut String) {
    match v {
        Value::Object(map) => {
            let mut keys: Vec<&String> = map.keys().collect();
            keys.sort();
            out.push('{');
            for (i, k) in keys.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&Value::String(k.clone()).to_string());
                out.push(':');
                canonical(&map[k], out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                canonical(item, out);
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

/// The `sha256` of an entry: over its canonical JSON without the `sha256` key.
fn entry_hash(entry: &Value) -> String {
    let mut entry = entry.clone();
    if let Value::Object(map) = &mut entry {
        map.remove("sha256");
    }
    let mut text = String::new();
    canonical(&entry, &mut text);
    hex(&Sha256::digest(text.as_bytes()))
}

/// A writer that hashes what passes through it.
struct Hashing<W> {
    inner: W,
    hasher: Sha256,
}

impl<W: Write> Write for Hashing<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.hasher.update(&buf[..n]);
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// An earlier assignment's log, checked: its entries' hashes and chain, and the settings its
/// first entry records.
struct EarlierLog {
    text: String,
    entries: usize,
    last_sha256: String,
    output_sha256: String,
    options: AssignOptions,
}

fn read_log(path: &Path, shown: &str, lang: Lang) -> Result<EarlierLog, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(shown, e))?;
    let unreadable = |reason: &dyn std::fmt::Display| {
        Error::Input(tf(
            lang,
            "assign.log_unreadable",
            &[("file", &shown), ("reason", reason)],
        ))
    };
    let doc: Value = serde_yaml::from_str(&text).map_err(|e| unreadable(&e))?;
    if doc.get("format").and_then(Value::as_str) != Some(LOG_FORMAT) {
        return Err(unreadable(&format!("no `format: {LOG_FORMAT}`")));
    }
    let entries = doc
        .get("entries")
        .and_then(Value::as_array)
        .filter(|e| !e.is_empty())
        .ok_or_else(|| unreadable(&"no `entries`"))?;
    let mut previous: Option<String> = None;
    for (i, entry) in entries.iter().enumerate() {
        let stated = entry.get("sha256").and_then(Value::as_str);
        if stated != Some(entry_hash(entry).as_str()) {
            return Err(Error::Input(tf(
                lang,
                "assign.log_altered",
                &[("file", &shown), ("entry", &(i + 1))],
            )));
        }
        let before = entry.get("previous_sha256").and_then(Value::as_str);
        if before != previous.as_deref() {
            return Err(Error::Input(tf(
                lang,
                "assign.log_chain",
                &[("file", &shown), ("entry", &(i + 1)), ("previous", &i)],
            )));
        }
        previous = stated.map(str::to_owned);
    }
    let first = &entries[0];
    let last = &entries[entries.len() - 1];
    let strings = |key: &str| -> Result<Vec<String>, Error> {
        first
            .get(key)
            .and_then(Value::as_array)
            .map(|a| {
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .ok_or_else(|| unreadable(&format!("no `{key}`")))
    };
    let text_of = |key: &str| first.get(key).and_then(Value::as_str).map(str::to_owned);
    if text_of("algorithm").as_deref() != Some(ALGORITHM) {
        return Err(unreadable(&format!("its algorithm is not `{ALGORITHM}`")));
    }
    let mut options = AssignOptions::new(strings("arms")?, 0);
    options.ratio = first
        .get("ratio")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|v| v.as_u64().and_then(|w| u32::try_from(w).ok()))
                .collect()
        })
        .unwrap_or_default();
    options.stratify = strings("stratify")?;
    options.cluster = text_of("cluster_column");
    options.id = text_of("id_column");
    options.block_size = first.get("block_size").and_then(Value::as_u64);
    options.delimiter = match text_of("delimiter").as_deref().map(str::as_bytes) {
        Some(&[d]) => d,
        _ => return Err(unreadable(&"no `delimiter`")),
    };
    let output_sha256 = last
        .get("output_sha256")
        .and_then(Value::as_str)
        .ok_or_else(|| unreadable(&"no `output_sha256`"))?
        .to_owned();
    Ok(EarlierLog {
        entries: entries.len(),
        last_sha256: previous.unwrap_or_default(),
        output_sha256,
        options,
        text,
    })
}

/// SHA-256 of a file, read as a stream.
fn file_sha256(path: &Path, shown: &str) -> Result<String, Error> {
    let mut file = std::fs::File::open(path).map_err(|e| Error::io(shown, e))?;
    let mut out = Hashing {
        inner: std::io::sink(),
        hasher: Sha256::new(),
    };
    std::io::copy(&mut file, &mut out).map_err(|e| Error::io(shown, e))?;
    Ok(hex(&out.hasher.finalize()))
}

/// With `--append` the settings come from the log; a flag that says otherwise is an error.
fn check_same(args: &AssignArgs, logged: &AssignOptions, lang: Lang) -> Result<(), Error> {
    let differs = |flag: &str, logged: String| {
        Error::Usage(tf(
            lang,
            "assign.append_flag",
            &[("flag", &flag), ("logged", &logged)],
        ))
    };
    if !args.arms.is_empty() && args.arms != logged.arms {
        return Err(differs("--arms", logged.arms.join(",")));
    }
    let logged_ratio = if logged.ratio.is_empty() {
        vec![1; logged.arms.len()]
    } else {
        logged.ratio.clone()
    };
    let named = || {
        logged
            .arms
            .iter()
            .zip(&logged_ratio)
            .map(|(a, w)| format!("{a}={w}"))
            .collect::<Vec<_>>()
            .join(",")
    };
    if let Some(ratio) = &args.ratio {
        let (_, weights) =
            parse_ratio(ratio, &logged.arms).map_err(|e| Error::Usage(e.to_string()))?;
        if weights != logged_ratio {
            return Err(differs("--ratio", named()));
        }
    }
    if !args.stratify.is_empty() && args.stratify != logged.stratify {
        return Err(differs("--stratify", logged.stratify.join(", ")));
    }
    if args.cluster.is_some() && args.cluster != logged.cluster {
        return Err(differs(
            "--cluster",
            logged.cluster.clone().unwrap_or_default(),
        ));
    }
    if args.id.is_some() && args.id != logged.id {
        return Err(differs("--id", logged.id.clone().unwrap_or_default()));
    }
    if let Some(d) = args.delimiter
        && byte(d) != logged.delimiter
    {
        return Err(differs(
            "--delimiter",
            flag_value(logged.delimiter).to_owned(),
        ));
    }
    if args.block_size.is_some() && args.block_size != logged.block_size {
        let logged = logged
            .block_size
            .map_or_else(|| "none".to_owned(), |b| b.to_string());
        return Err(differs("--block-size", logged));
    }
    Ok(())
}

/// Where the units are read from: the file itself, opened once per pass; or, for a pipe or
/// another file that cannot be read twice, its bytes read once into memory.
enum Source<'a> {
    File(&'a Path),
    Bytes(Vec<u8>),
}

impl Source<'_> {
    fn open(&self) -> std::io::Result<Box<dyn Read + '_>> {
        Ok(match self {
            Source::File(path) => Box::new(std::fs::File::open(path)?),
            Source::Bytes(bytes) => Box::new(bytes.as_slice()),
        })
    }

    fn len(&self) -> u64 {
        match self {
            Source::File(path) => std::fs::metadata(path).map_or(0, |m| m.len()),
            Source::Bytes(bytes) => bytes.len() as u64,
        }
    }

    /// Memory the source itself holds, which the assignment's limit makes room for.
    fn held(&self) -> usize {
        match self {
            Source::File(_) => 0,
            Source::Bytes(bytes) => bytes.capacity(),
        }
    }
}

pub fn run(args: &AssignArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let input_path = settings.cwd.join(&args.units);
    let shown = args.units.display().to_string();
    let log = args.log.as_ref().map(|p| settings.cwd.join(p));
    let append = args.append.as_ref().map(|p| settings.cwd.join(p));
    let given_output = args.output.as_ref().map(|p| settings.cwd.join(p));
    // With `--append` the earlier assignment and its log are meant to be replaced (atomically):
    // they are checked for clashes only; another output file follows the usual rule.
    let output = given_output.clone().or_else(|| append.clone());
    match (&append, &log) {
        (Some(earlier), Some(log)) => {
            check_outputs(&[earlier.as_path(), log.as_path()], &[&input_path], true)?;
            if let Some(out) = &given_output {
                check_outputs(&[out.as_path()], &[&input_path, earlier, log], args.force)?;
            }
        }
        (Some(_), None) => {
            return Err(Error::Usage(tf(
                settings.lang,
                "assign.append_needs_log",
                &[],
            )));
        }
        _ => {
            let outputs: Vec<&Path> = output
                .iter()
                .chain(log.iter())
                .map(|p| p.as_path())
                .collect();
            check_outputs(&outputs, &[&input_path], args.force)?;
        }
    }
    let earlier = match (&append, &log, &args.log) {
        (Some(earlier), Some(log), Some(log_shown)) => {
            let log_shown = log_shown.display().to_string();
            let earlier_shown = args
                .append
                .as_ref()
                .map(|p| p.display().to_string())
                .unwrap_or_default();
            let record = read_log(log, &log_shown, settings.lang)?;
            let actual = file_sha256(earlier, &earlier_shown)?;
            if actual != record.output_sha256 {
                return Err(Error::Input(tf(
                    settings.lang,
                    "assign.output_altered",
                    &[
                        ("file", &earlier_shown),
                        ("actual", &actual),
                        ("log", &log_shown),
                        ("expected", &record.output_sha256),
                    ],
                )));
            }
            check_same(args, &record.options, settings.lang)?;
            Some((earlier.as_path(), earlier_shown, record))
        }
        _ => None,
    };

    let source = source(&input_path, &shown, settings.lang)?;
    let open = || source.open();
    let seed = args.seed.unwrap_or_else(random_seed);
    let mut options = match &earlier {
        Some((_, _, record)) => AssignOptions {
            seed,
            ..record.options.clone()
        },
        None => {
            let mut options = AssignOptions::new(args.arms.clone(), seed);
            if let Some(ratio) = &args.ratio {
                let (arms, weights) =
                    parse_ratio(ratio, &args.arms).map_err(|e| Error::Usage(e.to_string()))?;
                options.arms = arms;
                options.ratio = weights;
            }
            options.stratify = args.stratify.clone();
            options.cluster = args.cluster.clone();
            options.id = args.id.clone();
            options.block_size = args.block_size;
            options
        }
    };
    if earlier.is_none() {
        options.delimiter = match args.delimiter {
            Some(d) => byte(d),
            None => {
                let detection = detect_delimiter(&open, &options, &shown, settings.lang)?;
                if let Some(note) = detection_note(&detection, &shown, settings.lang) {
                    printer.note(&note);
                }
                detection.delimiter
            }
        };
    }

    let input_error = |e: StatsError| Error::Input(format!("{shown}: {e}"));
    let spinner = printer.spinner(
        source.len() > 8 * 1024 * 1024,
        tf(settings.lang, "assign.working", &[("file", &shown)]),
    );
    let prior = match &earlier {
        Some((path, earlier_shown, _)) => {
            options.memory_limit = MEMORY_LIMIT.saturating_sub(source.held());
            let open_earlier = || std::fs::File::open(path);
            let prior = Prior::read(&open_earlier, &options)
                .map_err(|e| Error::Input(format!("{earlier_shown}: {e}")))?;
            Some(prior)
        }
        None => None,
    };
    options.memory_limit = MEMORY_LIMIT.saturating_sub(source.held());
    let plan = Plan::continuing(&open, &options, prior.as_ref()).map_err(input_error)?;
    let (report, output_sha256) = match &output {
        Some(path) => {
            // `write_atomic_with` takes I/O errors only: anything else is kept aside, and the
            // temporary file is removed either way.
            let mut failure = None;
            let mut report = None;
            let mut digest = String::new();
            let written = write_atomic_with(path, |file| {
                let mut out = Hashing {
                    inner: file,
                    hasher: Sha256::new(),
                };
                if let (Some((earlier, _, _)), Some(prior)) = (&earlier, &prior) {
                    std::io::copy(&mut std::fs::File::open(earlier)?, &mut out)?;
                    if !prior.ends_with_break {
                        out.write_all(&prior.line_break)?;
                    }
                }
                match plan.write(&open, &mut out) {
                    Ok(r) => report = Some(r),
                    Err(StatsError::Io(e)) => return Err(e),
                    Err(e) => {
                        failure = Some(e);
                        return Err(std::io::Error::other("the input could not be read"));
                    }
                }
                out.flush()?;
                digest = hex(&out.hasher.finalize());
                Ok(())
            });
            if let Some(e) = failure {
                return Err(input_error(e));
            }
            written?;
            (report.ok_or_else(|| Error::Input(shown.clone()))?, digest)
        }
        None => {
            let mut stream = printer.data_stream();
            let mut out = Hashing {
                inner: LastByte {
                    inner: &mut *stream,
                    last: None,
                },
                hasher: Sha256::new(),
            };
            let report = plan.write(&open, &mut out).map_err(|e| match e {
                StatsError::Io(e) => Error::from(e),
                e => input_error(e),
            })?;
            // As for all data on stdout, the output ends with a line break.
            if !matches!(out.inner.last, Some(b'\n')) {
                out.write_all(b"\n")?;
            }
            out.flush()?;
            (report, hex(&out.hasher.finalize()))
        }
    };
    drop(spinner);

    if let Some(path) = &log {
        let mut record = AuditRecord {
            batch: earlier.as_ref().map_or(1, |(_, _, r)| r.entries + 1),
            labkit_version: env!("CARGO_PKG_VERSION"),
            time: rfc3339(SystemClock.now()),
            input_file: shown.clone(),
            output_file: args
                .output
                .as_ref()
                .or(args.append.as_ref())
                .map(|p| p.display().to_string()),
            appended_to: earlier.as_ref().map(|(_, s, _)| s.clone()),
            report: &report,
            output_sha256,
            previous_sha256: earlier.as_ref().map(|(_, _, r)| r.last_sha256.clone()),
            sha256: String::new(),
        };
        let value = serde_json::to_value(&record).map_err(|e| Error::Input(e.to_string()))?;
        record.sha256 = entry_hash(&value);
        let yaml = match &earlier {
            Some((_, _, r)) => {
                let mut text = r.text.clone();
                if !text.ends_with('\n') {
                    text.push('\n');
                }
                text.push_str(
                    &serde_yaml::to_string(&[record]).map_err(|e| Error::Input(e.to_string()))?,
                );
                text
            }
            None => serde_yaml::to_string(&LogFile {
                format: LOG_FORMAT,
                entries: [record],
            })
            .map_err(|e| Error::Input(e.to_string()))?,
        };
        write_atomic(path, yaml.as_bytes())?;
    }
    if args.seed.is_none() {
        printer.warn(&tf(settings.lang, "assign.no_seed", &[("seed", &seed)]));
    }
    if let (Some((_, earlier_shown, r)), Some(prior)) = (&earlier, &prior) {
        let totals: Vec<String> = report
            .arms
            .iter()
            .zip(prior.units_per_arm.iter().zip(&report.rows_per_arm))
            .map(|(arm, (before, now))| format!("{arm} {}", before + now))
            .collect();
        let totals = totals.join(", ");
        printer.note(&tf(
            settings.lang,
            "assign.appended",
            &[
                ("file", earlier_shown),
                ("rows", &report.n_rows),
                ("batch", &(r.entries + 1)),
                ("earlier", &prior.n_rows),
                ("totals", &totals),
            ],
        ));
    }
    printer.note(balance_table(&report, settings.lang.code()).trim_end());
    Ok(0)
}

/// The most read from a pipe, which is held in memory: a third of the assignment's limit, the
/// rest of which stays for the assignment itself.
const PIPE_LIMIT: usize = MEMORY_LIMIT / 3;

/// A regular file is read in place, once per pass. Anything else (a pipe, `/dev/stdin`) can be
/// read only once, so it is held in memory, up to [`PIPE_LIMIT`].
fn source<'a>(path: &'a Path, shown: &str, lang: Lang) -> Result<Source<'a>, Error> {
    let meta = std::fs::metadata(path).map_err(|e| Error::io(shown, e))?;
    if meta.is_file() {
        return Ok(Source::File(path));
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io(shown, e))?;
    let mut bytes = Vec::new();
    file.take(PIPE_LIMIT as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io(shown, e))?;
    if bytes.len() > PIPE_LIMIT {
        return Err(Error::Input(tf(
            lang,
            "assign.not_a_file_too_big",
            &[("file", &shown), ("limit", &(PIPE_LIMIT >> 20))],
        )));
    }
    bytes.shrink_to_fit();
    Ok(Source::Bytes(bytes))
}

fn byte(d: Delimiter) -> u8 {
    match d {
        Delimiter::Comma => b',',
        Delimiter::Semicolon => b';',
        Delimiter::Tab => b'\t',
        Delimiter::Pipe => b'|',
    }
}

/// A delimiter as the user would write it after `--delimiter`.
fn flag_value(d: u8) -> &'static str {
    match d {
        b';' => "';'",
        b'\t' => "tab",
        b'|' => "'|'",
        _ => ",",
    }
}

/// A delimiter in a sentence.
fn shown_delimiter(d: u8) -> String {
    match d {
        b'\t' => "tab".to_owned(),
        d => format!("`{}`", char::from(d)),
    }
}

fn detect_delimiter<R: Read>(
    open: &impl Fn() -> std::io::Result<R>,
    options: &AssignOptions,
    shown: &str,
    lang: Lang,
) -> Result<Detection, Error> {
    let src = open().map_err(|e| Error::io(shown, e))?;
    match detect(src, &options.named_columns()).map_err(|e| Error::io(shown, e))? {
        Ok(detection) => Ok(detection),
        Err(undetected) => {
            let message = tf(
                lang,
                "assign.delimiter_undetected",
                &[
                    ("header", &format!("{:?}", undetected.header)),
                    ("found", &shown_delimiter(undetected.found)),
                    ("value", &flag_value(undetected.found)),
                ],
            );
            let e = StatsError::Line { line: 1, message };
            Err(Error::Input(format!("{shown}: {e}")))
        }
    }
}

/// What to say about the delimiter found; nothing for an empty file, which is an error anyway.
fn detection_note(detection: &Detection, shown: &str, lang: Lang) -> Option<String> {
    let delimiter = shown_delimiter(detection.delimiter);
    let file = ("file", &shown as &dyn std::fmt::Display);
    let note = match &detection.how {
        Detected::Sole => tf(
            lang,
            "assign.delimiter_sole",
            &[file, ("delimiter", &delimiter)],
        ),
        Detected::Preferred { others } => {
            let others: Vec<String> = others.iter().map(|&d| shown_delimiter(d)).collect();
            tf(
                lang,
                "assign.delimiter_preferred",
                &[
                    file,
                    ("delimiter", &delimiter),
                    ("others", &others.join(", ")),
                ],
            )
        }
        Detected::Column {
            flag,
            name,
            instead_of,
        } => tf(
            lang,
            "assign.delimiter_column",
            &[
                file,
                ("delimiter", &delimiter),
                ("other", &shown_delimiter(*instead_of)),
                ("name", &format!("{name:?}")),
                ("flag", flag),
            ],
        ),
        Detected::OneColumn => tf(lang, "assign.delimiter_one_column", &[file]),
        Detected::Empty => return None,
    };
    Some(note)
}

/// A writer that remembers the last byte written, to end stdout with a line break.
struct LastByte<'a> {
    inner: &'a mut dyn Write,
    last: Option<u8>,
}

impl Write for LastByte<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        if n > 0 {
            self.last = Some(buf[n - 1]);
        }
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// A fresh seed from the operating system's per-process random hasher keys.
fn random_seed() -> u64 {
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos()),
    );
    hasher.finish() >> 11 // keep it below 2^53 so JSON readers see the exact seed
}
