//! `labkit assign`: randomised assignment of a CSV's units to trial arms, with an audit record.
//!
//! The file is read as a stream, twice (see `stats::assign`), so a large file costs memory for
//! its distinct values and one byte per row, not for its size. Its delimiter is detected here
//! (or given with `--delimiter`) and said on stderr. The output is only written when the whole
//! first pass succeeded, and atomically when it goes to a file, so a bad row never leaves a
//! half-written CSV.

use std::hash::{BuildHasher, Hasher};
use std::io::{Read, Write};
use std::path::Path;

use serde::Serialize;

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
    AssignOptions, AssignmentReport, MEMORY_LIMIT, Plan, balance_table, parse_ratio,
};
use crate::stats::csvscan::{Detected, Detection, detect};
use crate::stats::error::StatsError;

#[derive(Serialize)]
struct AuditRecord<'a> {
    labkit_version: &'static str,
    time: String,
    input_file: String,
    output_file: Option<String>,
    #[serde(flatten)]
    report: &'a AssignmentReport,
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
    let output = args.output.as_ref().map(|p| settings.cwd.join(p));
    let log = args.log.as_ref().map(|p| settings.cwd.join(p));
    let outputs: Vec<&std::path::Path> = output
        .iter()
        .chain(log.iter())
        .map(|p| p.as_path())
        .collect();
    check_outputs(&outputs, &[&input_path], args.force)?;
    let source = source(&input_path, &shown, settings.lang)?;
    let open = || source.open();
    let seed = args.seed.unwrap_or_else(random_seed);
    let mut options = AssignOptions::new(args.arms.clone(), seed);
    if let Some(ratio) = &args.ratio {
        options.ratio =
            parse_ratio(ratio, args.arms.len()).map_err(|e| Error::Usage(e.to_string()))?;
    }
    options.stratify = args.stratify.clone();
    options.cluster = args.cluster.clone();
    options.id = args.id.clone();
    options.memory_limit = MEMORY_LIMIT.saturating_sub(source.held());
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

    let input_error = |e: StatsError| Error::Input(format!("{shown}: {e}"));
    let spinner = printer.spinner(
        source.len() > 8 * 1024 * 1024,
        tf(settings.lang, "assign.working", &[("file", &shown)]),
    );
    let plan = Plan::new(&open, &options).map_err(input_error)?;
    let report = match &output {
        Some(path) => {
            // `write_atomic_with` takes I/O errors only: anything else is kept aside, and the
            // temporary file is removed either way.
            let mut failure = None;
            let mut report = None;
            let written = write_atomic_with(path, |file| {
                match plan.write(&open, file) {
                    Ok(r) => report = Some(r),
                    Err(StatsError::Io(e)) => return Err(e),
                    Err(e) => {
                        failure = Some(e);
                        return Err(std::io::Error::other("the input could not be read"));
                    }
                }
                Ok(())
            });
            if let Some(e) = failure {
                return Err(input_error(e));
            }
            written?;
            report.ok_or_else(|| Error::Input(shown.clone()))?
        }
        None => {
            let mut stream = printer.data_stream();
            let mut out = LastByte {
                inner: &mut *stream,
                last: None,
            };
            let report = plan.write(&open, &mut out).map_err(|e| match e {
                StatsError::Io(e) => Error::from(e),
                e => input_error(e),
            })?;
            // As for all data on stdout, the output ends with a line break.
            if !matches!(out.last, Some(b'\n')) {
                out.write_all(b"\n")?;
            }
            out.flush()?;
            report
        }
    };
    drop(spinner);

    if let Some(path) = &log {
        let record = AuditRecord {
            labkit_version: env!("CARGO_PKG_VERSION"),
            time: rfc3339(SystemClock.now()),
            input_file: shown.clone(),
            output_file: args.output.as_ref().map(|p| p.display().to_string()),
            report: &report,
        };
        let yaml = serde_yaml::to_string(&record).map_err(|e| Error::Input(e.to_string()))?;
        write_atomic(path, yaml.as_bytes())?;
    }
    if args.seed.is_none() {
        printer.warn(&tf(settings.lang, "assign.no_seed", &[("seed", &seed)]));
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
