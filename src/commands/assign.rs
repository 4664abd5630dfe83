//! `labkit assign`: randomised assignment of a CSV's units to trial arms, with an audit record.
//!
//! The output is only written when the whole assignment succeeded (atomically when it goes to
//! a file), so a bad row never leaves a half-written CSV.

use std::hash::{BuildHasher, Hasher};

use serde::Serialize;

use super::Outcome;
use crate::cli::AssignArgs;
use crate::clock::{Clock, SystemClock, rfc3339};
use crate::error::Error;
use crate::fsutil::{check_outputs, write_atomic};
use crate::i18n::tf;
use crate::output::Printer;
use crate::settings::Settings;
use crate::stats::assign::{AssignOptions, AssignmentReport, assign, balance_table, parse_ratio};

#[derive(Serialize)]
struct AuditRecord<'a> {
    labkit_version: &'static str,
    time: String,
    input_file: String,
    output_file: Option<String>,
    #[serde(flatten)]
    report: &'a AssignmentReport,
}

pub fn run(args: &AssignArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let input_path = settings.cwd.join(&args.units);
    let shown = args.units.display().to_string();
    let input = std::fs::read(&input_path).map_err(|e| Error::io(&shown, e))?;
    let output = args.output.as_ref().map(|p| settings.cwd.join(p));
    let log = args.log.as_ref().map(|p| settings.cwd.join(p));
    let outputs: Vec<&std::path::Path> = output
        .iter()
        .chain(log.iter())
        .map(|p| p.as_path())
        .collect();
    check_outputs(&outputs, &[&input_path], args.force)?;
    let seed = args.seed.unwrap_or_else(random_seed);
    let mut options = AssignOptions::new(args.arms.clone(), seed);
    if let Some(ratio) = &args.ratio {
        options.ratio =
            parse_ratio(ratio, args.arms.len()).map_err(|e| Error::Usage(e.to_string()))?;
    }
    options.stratify = args.stratify.clone();
    options.cluster = args.cluster.clone();
    options.id = args.id.clone();

    let mut assigned = Vec::with_capacity(input.len() + input.len() / 8);
    let spinner = printer.spinner(
        input.len() > 8 * 1024 * 1024,
        tf(settings.lang, "assign.working", &[("file", &shown)]),
    );
    let result = assign(&input, &options, &mut assigned);
    drop(spinner);
    let report = result.map_err(|e| Error::Input(format!("{shown}: {e}")))?;

    match &output {
        Some(path) => write_atomic(path, &assigned)?,
        None => printer.data(&String::from_utf8_lossy(&assigned))?,
    }
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
