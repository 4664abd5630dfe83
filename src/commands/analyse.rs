//! `labkit analyse`: the readout of a trial. Reads the units and their arms (the CSV `assign`
//! wrote, or any CSV with an arm column), the outcome (a column of it, or of a second CSV
//! joined on `--id`), and optionally the trial-design session; prints the outcome by arm, the
//! effect with its interval, a balance table and the verdict against the plan, as a table or
//! JSON, and writes the readout as Markdown, HTML or Word.
//!
//! Each file is read once, as a stream (`stats::csvscan`), holding per row only its arm, its
//! cluster's number, its outcome and its byte offset (about 24 bytes a row; with `--id`, the id
//! too). Every row that is not analysed is counted and listed with its file and line (lines are
//! worked out at the end from the offsets, in one more pass over the file): a missing outcome, a
//! row without an arm, an arm the plan does not name, a repeated id, an outcome row whose id is
//! not in the data. The maths is in `stats::analyse`.

use std::fmt::Write as _;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::json;

use super::Outcome;
use crate::cli::{AnalyseArgs, AnalyseFormat, CalcAlternative};
use crate::clock::{Clock, SystemClock, rfc3339};
use crate::error::Error;
use crate::fsutil::{check_outputs, write_atomic};
use crate::i18n::{t, tf};
use crate::lang::Lang;
use crate::output::Printer;
use crate::report::markdown::{Chart, cell, escape};
use crate::report::{Format, Rendered, TitleBlock};
use crate::settings::Settings;
use crate::stats::analyse::{
    Effect, Summary, Verdict, interval_alpha, proportions, read_out, smd, verdict, welch,
};
use crate::stats::csvscan::{ScanError, Scanner, detect};
use crate::stats::interner::Interner;
use crate::stats::power::{Alternative, format_number};

/// The most problem rows kept to list (all are counted).
const MAX_LISTED: usize = 1000;
/// The most rows listed on the terminal.
const SHOWN: usize = 20;
/// More distinct arm values than this means the arm column is not one.
const MAX_ARMS: usize = 64;
/// A categorical covariate with more levels than this is left out of the balance table.
const MAX_LEVELS: usize = 50;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
enum Reason {
    MissingOutcome,
    NoArm,
    UnknownArm,
    DuplicateId,
    NoOutcomeRow,
    UnknownId,
    DuplicateOutcomeId,
}

const REASONS: [Reason; 7] = [
    Reason::MissingOutcome,
    Reason::NoArm,
    Reason::UnknownArm,
    Reason::DuplicateId,
    Reason::NoOutcomeRow,
    Reason::UnknownId,
    Reason::DuplicateOutcomeId,
];

impl Reason {
    fn key(self) -> &'static str {
        match self {
            Reason::MissingOutcome => "analyse.reason.missing_outcome",
            Reason::NoArm => "analyse.reason.no_arm",
            Reason::UnknownArm => "analyse.reason.unknown_arm",
            Reason::DuplicateId => "analyse.reason.duplicate_id",
            Reason::NoOutcomeRow => "analyse.reason.no_outcome_row",
            Reason::UnknownId => "analyse.reason.unknown_id",
            Reason::DuplicateOutcomeId => "analyse.reason.duplicate_outcome_id",
        }
    }
}

/// A row that is not analysed. `file` is 0 for the data, 1 for `--outcomes`.
#[derive(Debug, Clone)]
struct Problem {
    file: u8,
    offset: u64,
    reason: Reason,
    id: Option<String>,
    value: Option<String>,
    /// The offset of the row this one repeats (in the same file).
    first: Option<u64>,
}

#[derive(Debug, Serialize)]
struct Listed {
    file: String,
    line: u64,
    reason: Reason,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    first_line: Option<u64>,
}

#[derive(Default)]
struct Problems {
    kept: Vec<Problem>,
    counts: [u64; 7],
}

impl Problems {
    fn add(&mut self, p: Problem) {
        self.counts[REASONS.iter().position(|r| *r == p.reason).unwrap_or(0)] += 1;
        if self.kept.len() < MAX_LISTED {
            self.kept.push(p);
        }
    }
}

/// What a cell of the outcome column holds.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Cell {
    Missing,
    Number(f64),
    /// true/false, yes/no, sim/não.
    Word(bool),
    Bad,
}

fn read_cell(bytes: &[u8]) -> Cell {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return Cell::Bad;
    };
    let text = text.trim();
    match text.to_lowercase().as_str() {
        "" | "na" | "n/a" | "nan" | "null" | "." => return Cell::Missing,
        "true" | "yes" | "y" | "sim" | "s" | "verdadeiro" => return Cell::Word(true),
        "false" | "no" | "n" | "não" | "nao" | "falso" => return Cell::Word(false),
        _ => {}
    }
    let parsed = if text.contains(',') && !text.contains('.') {
        // A decimal comma, as Portuguese spreadsheets write numbers.
        text.replacen(',', ".", 1).parse::<f64>()
    } else {
        text.parse::<f64>()
    };
    match parsed {
        Ok(x) if x.is_finite() => Cell::Number(x),
        _ => Cell::Bad,
    }
}

/// Row states for the units of the data file.
const NO_ROW: u8 = 0;
const VALUE: u8 = 1;
const MISSING: u8 = 2;
const REPEAT: u8 = 3;

/// The outcome column's kind, worked out as values are read.
#[derive(Default)]
struct Kinds {
    /// The first word (true/false...) and the first number other than 0 and 1, by offset.
    word: Option<(u64, u8, String)>,
    number: Option<(u64, u8, String)>,
}

/// A covariate's running summaries, per arm: as a number and as levels.
struct Covariate {
    name: String,
    col: usize,
    numeric: Vec<Summary>,
    categorical: bool,
    levels: Vec<(String, Vec<u64>)>,
    too_many: bool,
}

/// A file: its path, the name shown, its delimiter.
struct Input {
    path: PathBuf,
    shown: String,
    delimiter: u8,
}

impl Input {
    fn open(&self) -> Result<std::fs::File, Error> {
        std::fs::File::open(&self.path).map_err(|e| Error::io(&self.shown, e))
    }

    fn scan_error(&self, e: ScanError) -> Error {
        let (offset, message) = match e {
            ScanError::Read(e) => return Error::io(&self.shown, e),
            ScanError::NotUtf8 { offset } => (offset, crate::i18n::msg("stats.not_utf8", &[])),
            ScanError::RowTooLong { offset } => (
                offset,
                crate::i18n::msg(
                    "stats.row_too_long",
                    &[(
                        "limit",
                        &(crate::stats::csvscan::MAX_ROW_BYTES >> 20) as &dyn std::fmt::Display,
                    )],
                ),
            ),
            ScanError::TooManyFields { offset } => (
                offset,
                crate::i18n::msg(
                    "stats.too_many_fields",
                    &[("limit", &crate::stats::csvscan::MAX_FIELDS)],
                ),
            ),
        };
        self.at(offset, &message)
    }

    /// An error at the row that starts at `offset`.
    fn at(&self, offset: u64, message: &str) -> Error {
        let line = self
            .open()
            .ok()
            .and_then(|f| lines_at(f, &[offset]).ok())
            .and_then(|l| l.first().copied())
            .unwrap_or(0);
        Error::Input(format!("{}:{line}: {message}", self.shown))
    }

    fn header(
        &self,
        sc: &mut Scanner<std::io::BufReader<std::fs::File>>,
    ) -> Result<Vec<String>, Error> {
        if !sc.next_record().map_err(|e| self.scan_error(e))? {
            return Err(Error::Input(format!(
                "{}: {}",
                self.shown,
                crate::i18n::msg("stats.empty_input", &[])
            )));
        }
        Ok((0..sc.field_count())
            .map(|i| String::from_utf8_lossy(sc.field(i)).trim().to_owned())
            .collect())
    }

    fn column(&self, header: &[String], name: &str, flag: &str) -> Result<usize, Error> {
        header.iter().position(|h| h == name).ok_or_else(|| {
            Error::Input(format!(
                "{}:1: {}",
                self.shown,
                crate::i18n::msg(
                    "stats.column_missing",
                    &[
                        ("name", &format!("{name:?}")),
                        ("flag", &flag),
                        ("columns", &header.join(", ")),
                    ],
                )
            ))
        })
    }

    fn scanner(&self) -> Result<Scanner<std::io::BufReader<std::fs::File>>, Error> {
        Ok(Scanner::new(
            std::io::BufReader::with_capacity(1 << 16, self.open()?),
            self.delimiter,
            true,
            false,
            false,
        ))
    }
}

/// The physical lines (1-based) of the sorted `offsets` of a file, in one pass; see
/// `csvscan::line_at` for what a line is.
fn lines_at<R: Read>(mut src: R, offsets: &[u64]) -> std::io::Result<Vec<u64>> {
    let mut out = Vec::with_capacity(offsets.len());
    let mut next = offsets.iter().peekable();
    let (mut line, mut pos, mut prev_cr) = (1u64, 0u64, false);
    let mut buf = vec![0; 1 << 16];
    loop {
        let n = match src.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        for &b in &buf[..n] {
            if prev_cr && b != b'\n' {
                line += 1;
            }
            while next.peek().is_some_and(|&&o| o == pos) {
                out.push(line);
                next.next();
            }
            if b == b'\n' {
                line += 1;
            }
            prev_cr = b == b'\r';
            pos += 1;
        }
        if next.peek().is_none() {
            return Ok(out);
        }
    }
    while next.next().is_some() {
        out.push(line);
    }
    Ok(out)
}

/// What the plan says, from a trial-design session.
#[derive(Debug, Default, Serialize)]
struct Plan {
    session: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    question: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    primary_outcome: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    baseline: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    target: Option<f64>,
    /// Target minus baseline: the smallest change worth acting on, signed.
    #[serde(skip_serializing_if = "Option::is_none")]
    minimum_effect: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    alpha: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    decision_rule: Option<String>,
    /// The pre-registered test (`test_sides`): two-sided, greater or less.
    #[serde(skip_serializing_if = "Option::is_none")]
    alternative: Option<Alternative>,
    #[serde(skip)]
    arms: Vec<String>,
    #[serde(skip)]
    control: Option<String>,
}

fn read_plan(path: &Path, shown: &str, lang: Lang) -> Result<Plan, Error> {
    let session = crate::session::Session::load(path)?;
    // A playbook session keeps each method's answers under its id.
    let answers = match session.answers.get("trial-design") {
        Some(serde_yaml::Value::Mapping(m)) => m.clone(),
        _ => session.answers.clone(),
    };
    let answer = |id: &str| answers.get(id);
    let text = |id: &str| {
        answer(id).and_then(|v| match v {
            serde_yaml::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
            _ => None,
        })
    };
    let number = |id: &str| {
        answer(id).and_then(|v| match v {
            serde_yaml::Value::Number(n) => n.as_f64(),
            serde_yaml::Value::String(s) => s.trim().parse().ok(),
            _ => None,
        })
    };
    let primary_outcome = text("primary_outcome");
    let baseline = number("baseline_rate");
    let target = number("target_rate");
    if primary_outcome.is_none() && baseline.is_none() {
        return Err(Error::Input(tf(
            lang,
            "analyse.not_a_plan",
            &[("file", &shown), ("method", &session.method.id)],
        )));
    }
    let mut arms = Vec::new();
    let mut control = None;
    if let Some(serde_yaml::Value::Sequence(rows)) = answer("arms") {
        for row in rows {
            let name = row
                .get("arm_name")
                .and_then(|v| v.as_str())
                .map(|s| s.trim().to_owned());
            if let Some(name) = name {
                if row.get("is_control").and_then(|v| v.as_bool()) == Some(true) {
                    control.get_or_insert_with(|| name.clone());
                }
                arms.push(name);
            }
        }
    }
    let plan = Plan {
        session: shown.to_owned(),
        question: text("trial_question"),
        primary_outcome,
        baseline,
        target,
        minimum_effect: baseline
            .zip(target)
            .map(|(b, t)| t - b)
            .filter(|m| *m != 0.0)
            .or_else(|| {
                number("minimum_difference")
                    .or_else(|| number("delta"))
                    .filter(|d| *d != 0.0)
            }),
        alpha: number("alpha"),
        decision_rule: text("decision_rule"),
        alternative: text("test_sides").and_then(|s| {
            match s.to_ascii_lowercase().replace('-', "_").as_str() {
                "two_sided" => Some(Alternative::TwoSided),
                "greater" => Some(Alternative::Greater),
                "less" => Some(Alternative::Less),
                _ => None,
            }
        }),
        arms,
        control,
    };
    Ok(plan)
}

/// A one-sided plan must point the way its planned effect goes: `greater` with a planned fall
/// (or `less` with a rise) would read every real effect as none. Refused, naming the fields.
/// `source` says where the test came from: `test_sides` (the plan) or `--alternative`.
fn check_plan_sides(
    plan: &Plan,
    alternative: Alternative,
    source: &str,
    lang: Lang,
) -> Result<(), Error> {
    let Some(effect) = plan.minimum_effect else {
        return Ok(());
    };
    let contradicts = match alternative {
        Alternative::Greater => effect < 0.0,
        Alternative::Less => effect > 0.0,
        Alternative::TwoSided => false,
    };
    if !contradicts {
        return Ok(());
    }
    let field = if plan.baseline.is_some() && plan.target.is_some() {
        "target_rate − baseline_rate"
    } else {
        "minimum_difference"
    };
    let direction = if effect > 0.0 {
        "analyse.direction_rise"
    } else {
        "analyse.direction_fall"
    };
    Err(Error::Input(tf(
        lang,
        "analyse.plan_sides_contradict",
        &[
            ("file", &plan.session),
            ("source", &source),
            ("sides", &alternative.name()),
            ("field", &field),
            ("effect", &format_number(effect, 4, lang.code())),
            ("direction", &t(lang, direction)),
        ],
    )))
}

#[derive(Debug, Serialize)]
struct ArmRow {
    arm: String,
    assigned: u64,
    analysed: u64,
    mean: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    clusters: Option<u64>,
}

#[derive(Debug, Serialize)]
struct Comparison {
    arm: String,
    control: String,
    #[serde(flatten)]
    effect: Effect,
    #[serde(skip_serializing_if = "Option::is_none")]
    verdict: Option<Verdict>,
    #[serde(skip_serializing_if = "Option::is_none")]
    sentence: Option<String>,
}

/// How the effects were read out: the test's sides and the multiplicity correction.
#[derive(Debug, Clone, Copy)]
struct Test {
    alternative: Alternative,
    /// Treatment arms compared with the control (Bonferroni over these when more than one).
    comparisons: usize,
    /// The α the intervals are computed at.
    interval_alpha: f64,
}

#[derive(Debug, Serialize)]
struct BalanceRow {
    covariate: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<String>,
    means: serde_json::Map<String, serde_json::Value>,
    /// The first treatment arm against the control.
    smd: Option<f64>,
    /// Each treatment arm against the control, when there are more than one.
    #[serde(skip_serializing_if = "serde_json::Map::is_empty")]
    smd_by_arm: serde_json::Map<String, serde_json::Value>,
}

pub fn run(args: &AnalyseArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let lang = settings.lang;
    let data_path = settings.cwd.join(&args.data);
    let outcomes_path = args.outcomes.as_ref().map(|p| settings.cwd.join(p));
    let plan_path = args.plan.as_ref().map(|p| settings.cwd.join(p));
    let output = args.output.as_ref().map(|p| settings.cwd.join(p));
    let format = match &output {
        Some(out) => Some(Format::from_extension(out).ok_or_else(|| {
            Error::Usage(tf(
                lang,
                "analyse.unknown_format",
                &[("path", &out.display())],
            ))
        })?),
        None => None,
    };
    if let Some(out) = &output {
        let inputs: Vec<&Path> = [Some(&data_path), outcomes_path.as_ref(), plan_path.as_ref()]
            .into_iter()
            .flatten()
            .map(PathBuf::as_path)
            .collect();
        check_outputs(&[out.as_path()], &inputs, args.force)?;
    }
    let plan = match (&plan_path, &args.plan) {
        (Some(path), Some(shown)) => Some(read_plan(path, &shown.display().to_string(), lang)?),
        _ => None,
    };
    let alpha = args
        .alpha
        .or(plan.as_ref().and_then(|p| p.alpha))
        .unwrap_or(0.05);
    if !(alpha > 0.0 && alpha < 1.0) {
        return Err(Error::Usage(tf(
            lang,
            "analyse.bad_alpha",
            &[("value", &alpha)],
        )));
    }

    // The outcome column: named, or the plan's primary outcome when it names a column.
    let data_shown = args.data.display().to_string();
    let outcome_name = match (
        &args.outcome,
        plan.as_ref().and_then(|p| p.primary_outcome.clone()),
    ) {
        (Some(o), _) => o.clone(),
        (None, Some(o)) => o,
        (None, None) => return Err(Error::Usage(t(lang, "analyse.no_outcome").to_owned())),
    };

    // Delimiters.
    let mut named: Vec<(&'static str, &str)> = vec![("--arm-column", &args.arm_column)];
    if args.outcomes.is_none() {
        named.push(("--outcome", &outcome_name));
    }
    if let Some(id) = &args.id {
        named.push(("--id", id));
    }
    let detect_in =
        |path: &Path, shown: &str, named: &[(&'static str, &str)]| -> Result<u8, Error> {
            let file = std::fs::File::open(path).map_err(|e| Error::io(shown, e))?;
            match detect(file, named).map_err(|e| Error::io(shown, e))? {
                Ok(d) => Ok(d.delimiter),
                Err(u) => Err(Error::Input(format!(
                    "{shown}:1: {}",
                    tf(
                        lang,
                        "analyse.delimiter_undetected",
                        &[("header", &format!("{:?}", u.header))]
                    )
                ))),
            }
        };
    let data = Input {
        delimiter: detect_in(&data_path, &data_shown, &named)?,
        path: data_path.clone(),
        shown: data_shown.clone(),
    };
    let more = match (&outcomes_path, &args.outcomes) {
        (Some(path), Some(shown)) => {
            let shown = shown.display().to_string();
            let mut named: Vec<(&'static str, &str)> = vec![("--outcome", &outcome_name)];
            if let Some(id) = &args.id {
                named.push(("--id", id));
            }
            Some(Input {
                delimiter: detect_in(path, &shown, &named)?,
                path: path.clone(),
                shown,
            })
        }
        _ => None,
    };

    // First file: arms, ids, clusters, covariates (and the outcome when it is in this file).
    let mut sc = data.scanner()?;
    let header = data.header(&mut sc)?;
    let arm_col = data.column(&header, &args.arm_column, "--arm-column")?;
    let id_col = match &args.id {
        Some(id) => Some(data.column(&header, id, "--id")?),
        None => None,
    };
    let cluster_col = match &args.cluster {
        Some(c) => Some(data.column(&header, c, "--cluster")?),
        None => None,
    };
    let outcome_col = match &more {
        Some(_) => None,
        None => Some(data.column(&header, &outcome_name, "--outcome")?),
    };
    let mut covariates = Vec::new();
    for name in args.covariates.iter().filter(|c| !c.trim().is_empty()) {
        covariates.push(Covariate {
            name: name.clone(),
            col: data.column(&header, name, "--covariates")?,
            numeric: Vec::new(),
            categorical: false,
            levels: Vec::new(),
            too_many: false,
        });
    }

    let mut arms: Vec<String> = Vec::new();
    let mut unit_arm: Vec<u16> = Vec::new();
    let mut unit_cluster: Vec<u32> = Vec::new();
    let mut unit_state: Vec<u8> = Vec::new();
    let mut unit_value: Vec<f64> = Vec::new();
    let mut unit_offset: Vec<u64> = Vec::new();
    // Ids, and the unit of each.
    let mut ids = Interner::default();
    let mut id_unit: Vec<u32> = Vec::new();
    let mut clusters = Interner::default();
    let mut cluster_arm: Vec<u16> = Vec::new();
    let mut problems = Problems::default();
    let mut kinds = Kinds::default();
    let utf8 = |b: &[u8]| String::from_utf8_lossy(b).into_owned();

    while sc.next_record().map_err(|e| data.scan_error(e))? {
        let offset = sc.start;
        if sc.field_count() != header.len() {
            return Err(data.at(
                offset,
                &tf(
                    lang,
                    "analyse.ragged",
                    &[("found", &sc.field_count()), ("expected", &header.len())],
                ),
            ));
        }
        let arm_bytes = trim(sc.field(arm_col));
        let id = id_col.map(|c| trim(sc.field(c)));
        if arm_bytes.is_empty() {
            problems.add(Problem {
                file: 0,
                offset,
                reason: Reason::NoArm,
                id: id.map(utf8),
                value: None,
                first: None,
            });
            continue;
        }
        let arm = match arms.iter().position(|a| a.as_bytes() == arm_bytes) {
            Some(i) => i,
            None => {
                if arms.len() >= MAX_ARMS {
                    return Err(data.at(
                        offset,
                        &tf(
                            lang,
                            "analyse.too_many_arms",
                            &[
                                ("column", &format!("{:?}", args.arm_column)),
                                ("n", &MAX_ARMS),
                            ],
                        ),
                    ));
                }
                arms.push(utf8(arm_bytes));
                arms.len() - 1
            }
        };
        let unit = unit_arm.len() as u32;
        let mut state = NO_ROW;
        if let Some(id) = id {
            match ids.intern(id) {
                Some((first, false)) => {
                    problems.add(Problem {
                        file: 0,
                        offset,
                        reason: Reason::DuplicateId,
                        id: Some(utf8(id)),
                        value: None,
                        first: Some(unit_offset[id_unit[first as usize] as usize]),
                    });
                    state = REPEAT;
                }
                Some((_, true)) => id_unit.push(unit),
                None => return Err(data.at(offset, &tf(lang, "analyse.too_many_ids", &[]))),
            }
        }
        let cluster = match cluster_col {
            Some(c) => {
                let key = trim(sc.field(c));
                let Some((k, new)) = clusters.intern(key) else {
                    return Err(data.at(offset, &tf(lang, "analyse.too_many_ids", &[])));
                };
                if new {
                    cluster_arm.push(arm as u16);
                } else if cluster_arm[k as usize] != arm as u16 {
                    return Err(data.at(
                        offset,
                        &tf(
                            lang,
                            "analyse.cluster_two_arms",
                            &[
                                ("cluster", &format!("{:?}", utf8(key))),
                                ("arm", &format!("{:?}", arms[arm])),
                                (
                                    "other",
                                    &format!("{:?}", arms[cluster_arm[k as usize] as usize]),
                                ),
                            ],
                        ),
                    ));
                }
                k
            }
            None => 0,
        };
        let mut value = f64::NAN;
        if state != REPEAT {
            if let Some(c) = outcome_col {
                let raw = sc.field(c);
                match read_cell(raw) {
                    Cell::Missing => {
                        state = MISSING;
                        problems.add(Problem {
                            file: 0,
                            offset,
                            reason: Reason::MissingOutcome,
                            id: id.map(utf8),
                            value: None,
                            first: None,
                        });
                    }
                    Cell::Bad => {
                        return Err(data.at(
                            offset,
                            &tf(
                                lang,
                                "analyse.bad_value",
                                &[
                                    ("value", &format!("{:?}", utf8(raw))),
                                    ("column", &format!("{outcome_name:?}")),
                                ],
                            ),
                        ));
                    }
                    Cell::Number(x) => {
                        if x != 0.0 && x != 1.0 && kinds.number.is_none() {
                            kinds.number = Some((offset, 0, utf8(raw)));
                        }
                        value = x;
                        state = VALUE;
                    }
                    Cell::Word(b) => {
                        if kinds.word.is_none() {
                            kinds.word = Some((offset, 0, utf8(raw)));
                        }
                        value = f64::from(u8::from(b));
                        state = VALUE;
                    }
                }
            }
            for cov in &mut covariates {
                add_covariate(cov, arm, sc.field(cov.col));
            }
        }
        unit_arm.push(arm as u16);
        unit_cluster.push(cluster);
        unit_state.push(state);
        unit_value.push(value);
        unit_offset.push(offset);
    }
    drop(sc);

    // Second file: the outcomes, joined on the id.
    if let (Some(more), Some(id_name)) = (&more, &args.id) {
        let mut sc = more.scanner()?;
        let header = more.header(&mut sc)?;
        let id_col = more.column(&header, id_name, "--id")?;
        let out_col = more.column(&header, &outcome_name, "--outcome")?;
        // Where each unit's outcome row was seen (`u64::MAX`: not yet).
        let mut seen_at: Vec<u64> = vec![u64::MAX; unit_arm.len()];
        while sc.next_record().map_err(|e| more.scan_error(e))? {
            let offset = sc.start;
            if sc.field_count() != header.len() {
                return Err(more.at(
                    offset,
                    &tf(
                        lang,
                        "analyse.ragged",
                        &[("found", &sc.field_count()), ("expected", &header.len())],
                    ),
                ));
            }
            let id = trim(sc.field(id_col));
            let Some(unit) = ids.get(id).map(|i| id_unit[i as usize]) else {
                problems.add(Problem {
                    file: 1,
                    offset,
                    reason: Reason::UnknownId,
                    id: Some(utf8(id)),
                    value: None,
                    first: None,
                });
                continue;
            };
            let first = seen_at[unit as usize];
            if first != u64::MAX {
                problems.add(Problem {
                    file: 1,
                    offset,
                    reason: Reason::DuplicateOutcomeId,
                    id: Some(utf8(id)),
                    value: None,
                    first: Some(first),
                });
                continue;
            }
            seen_at[unit as usize] = offset;
            let u = unit as usize;
            let raw = sc.field(out_col);
            match read_cell(raw) {
                Cell::Missing => {
                    unit_state[u] = MISSING;
                    problems.add(Problem {
                        file: 1,
                        offset,
                        reason: Reason::MissingOutcome,
                        id: Some(utf8(id)),
                        value: None,
                        first: None,
                    });
                }
                Cell::Bad => {
                    return Err(more.at(
                        offset,
                        &tf(
                            lang,
                            "analyse.bad_value",
                            &[
                                ("value", &format!("{:?}", utf8(raw))),
                                ("column", &format!("{outcome_name:?}")),
                            ],
                        ),
                    ));
                }
                Cell::Number(x) => {
                    if x != 0.0 && x != 1.0 && kinds.number.is_none() {
                        kinds.number = Some((offset, 1, utf8(raw)));
                    }
                    unit_value[u] = x;
                    unit_state[u] = VALUE;
                }
                Cell::Word(b) => {
                    if kinds.word.is_none() {
                        kinds.word = Some((offset, 1, utf8(raw)));
                    }
                    unit_value[u] = f64::from(u8::from(b));
                    unit_state[u] = VALUE;
                }
            }
        }
        // Units the outcomes file says nothing of. Repeated ids are listed already.
        for (u, state) in unit_state.iter().enumerate() {
            if *state == NO_ROW {
                problems.add(Problem {
                    file: 0,
                    offset: unit_offset[u],
                    reason: Reason::NoOutcomeRow,
                    id: None,
                    value: None,
                    first: None,
                });
            }
        }
    }
    if let (Some((w_at, w_file, word)), Some((n_at, n_file, number))) = (&kinds.word, &kinds.number)
    {
        let file = if *n_file == 0 {
            &data
        } else {
            more.as_ref().unwrap_or(&data)
        };
        let word_line = (if *w_file == 0 {
            &data
        } else {
            more.as_ref().unwrap_or(&data)
        })
        .open()
        .ok()
        .and_then(|f| lines_at(f, &[*w_at]).ok())
        .and_then(|l| l.first().copied())
        .unwrap_or(0);
        return Err(file.at(
            *n_at,
            &tf(
                lang,
                "analyse.mixed_kinds",
                &[
                    ("value", &format!("{number:?}")),
                    ("word", &format!("{word:?}")),
                    ("line", &word_line),
                    ("column", &format!("{outcome_name:?}")),
                ],
            ),
        ));
    }
    let proportion = kinds.number.is_none();

    if arms.is_empty() {
        return Err(Error::Input(format!(
            "{data_shown}: {}",
            tf(
                lang,
                "analyse.no_units",
                &[("column", &format!("{:?}", args.arm_column))]
            )
        )));
    }
    // Arms the plan does not name, when the plan names the data's arms.
    let mut known = vec![true; arms.len()];
    if let Some(plan) = &plan {
        let named: Vec<bool> = arms
            .iter()
            .map(|a| plan.arms.iter().any(|p| p.eq_ignore_ascii_case(a)))
            .collect();
        if !plan.arms.is_empty()
            && plan
                .arms
                .iter()
                .all(|p| arms.iter().any(|a| a.eq_ignore_ascii_case(p)))
        {
            known = named;
        }
    }
    for (u, &arm) in unit_arm.iter().enumerate() {
        if !known[arm as usize] {
            problems.add(Problem {
                file: 0,
                offset: unit_offset[u],
                reason: Reason::UnknownArm,
                id: None,
                value: Some(arms[arm as usize].clone()),
                first: None,
            });
        }
    }

    // The control arm.
    let control_name = args
        .control
        .clone()
        .or_else(|| plan.as_ref().and_then(|p| p.control.clone()));
    let control = match &control_name {
        Some(c) => arms
            .iter()
            .position(|a| a == c)
            .or_else(|| arms.iter().position(|a| a.eq_ignore_ascii_case(c))),
        None => arms.iter().position(|a| {
            matches!(
                a.to_lowercase().as_str(),
                "control" | "controlo" | "controle"
            )
        }),
    };
    let Some(control) = control.filter(|&c| known[c]) else {
        let listed: Vec<String> = arms.iter().map(|a| format!("{a:?}")).collect();
        return Err(Error::Usage(tf(
            lang,
            "analyse.no_control",
            &[
                (
                    "control",
                    &control_name.map(|c| format!(" {c:?}")).unwrap_or_default(),
                ),
                ("arms", &listed.join(", ")),
            ],
        )));
    };

    // Summaries per arm (units), and per cluster.
    let n_arms = arms.len();
    let mut assigned = vec![0u64; n_arms];
    let mut by_arm = vec![Summary::default(); n_arms];
    let mut by_cluster = vec![Summary::default(); cluster_arm.len()];
    for u in 0..unit_arm.len() {
        let a = unit_arm[u] as usize;
        if !known[a] {
            continue;
        }
        assigned[a] += 1;
        if unit_state[u] == VALUE {
            by_arm[a].push(unit_value[u]);
            if cluster_col.is_some() {
                by_cluster[unit_cluster[u] as usize].push(unit_value[u]);
            }
        }
    }
    let cluster_level = cluster_col.is_some();
    let mut cluster_means = vec![Summary::default(); n_arms];
    let mut cluster_counts = vec![0u64; n_arms];
    if cluster_level {
        for (k, s) in by_cluster.iter().enumerate() {
            let a = cluster_arm[k] as usize;
            cluster_counts[a] += 1;
            if s.n > 0 {
                cluster_means[a].push(s.mean);
            }
        }
    }
    let level = if cluster_level {
        &cluster_means
    } else {
        &by_arm
    };
    // The control first, then the other arms in order of first appearance.
    let order: Vec<usize> = std::iter::once(control)
        .chain((0..n_arms).filter(|&a| a != control && known[a]))
        .collect();
    let arm_rows: Vec<ArmRow> = order
        .iter()
        .copied()
        .map(|a| ArmRow {
            arm: arms[a].clone(),
            assigned: assigned[a],
            analysed: by_arm[a].n,
            mean: (level[a].n > 0).then_some(level[a].mean),
            clusters: cluster_level.then_some(cluster_counts[a]),
        })
        .collect();

    // Effects: each other arm against the control.
    let minimum = plan.as_ref().and_then(|p| p.minimum_effect).filter(|_| {
        // The plan's rates are proportions; a mean outcome is compared with them only when the
        // plan gave a difference of means (`delta`).
        proportion || plan.as_ref().is_some_and(|p| p.baseline.is_none())
    });
    let alternative = match args.alternative {
        Some(CalcAlternative::TwoSided) => Alternative::TwoSided,
        Some(CalcAlternative::Greater) => Alternative::Greater,
        Some(CalcAlternative::Less) => Alternative::Less,
        None => plan
            .as_ref()
            .and_then(|p| p.alternative)
            .unwrap_or_default(),
    };
    if let Some(plan) = &plan {
        let source = if args.alternative.is_some() {
            "--alternative"
        } else {
            "test_sides"
        };
        check_plan_sides(plan, alternative, source, lang)?;
    }
    let treatments: Vec<usize> = (0..n_arms).filter(|&a| a != control && known[a]).collect();
    let test = Test {
        alternative,
        comparisons: treatments.len().max(1),
        interval_alpha: interval_alpha(alpha, alternative, treatments.len()),
    };
    let mut comparisons = Vec::new();
    for &a in &treatments {
        let (t, c) = (&level[a], &level[control]);
        let effect = if proportion && !cluster_level {
            proportions(t.ones(), t.n, c.ones(), c.n, test.interval_alpha)
        } else {
            welch(t, c, test.interval_alpha)
        };
        let Some(effect) = effect else { continue };
        let effect = read_out(effect, alternative, test.comparisons);
        let v = minimum.map(|m| verdict(effect.difference, effect.ci_low, effect.ci_high, m));
        let sentence = plan.as_ref().map(|_| {
            sentence(
                lang,
                &outcome_name,
                &arms[a],
                &arms[control],
                &effect,
                test,
                proportion,
                minimum,
                v,
            )
        });
        comparisons.push(Comparison {
            arm: arms[a].clone(),
            control: arms[control].clone(),
            effect,
            verdict: v,
            sentence,
        });
    }

    // Balance.
    let mut balance = Vec::new();
    let treatment = order.get(1).copied();
    // Every treatment arm's SMD, when there is more than one.
    let by_arm = |f: &dyn Fn(usize) -> Option<f64>| {
        let mut m = serde_json::Map::new();
        if treatments.len() > 1 {
            for &a in order.iter().skip(1) {
                m.insert(arms[a].clone(), f(a).into());
            }
        }
        m
    };
    for cov in &covariates {
        if cov.categorical {
            if cov.too_many {
                printer.note(&tf(
                    lang,
                    "analyse.too_many_levels",
                    &[("column", &format!("{:?}", cov.name)), ("n", &MAX_LEVELS)],
                ));
                continue;
            }
            let totals: Vec<u64> = (0..n_arms)
                .map(|a| {
                    cov.levels
                        .iter()
                        .map(|(_, c)| c.get(a).copied().unwrap_or(0))
                        .sum()
                })
                .collect();
            for (level_name, counts) in &cov.levels {
                let share =
                    |a: usize| Summary::from_counts(counts.get(a).copied().unwrap_or(0), totals[a]);
                let mut means = serde_json::Map::new();
                for &a in &order {
                    let s = share(a);
                    means.insert(arms[a].clone(), (s.n > 0).then_some(s.mean).into());
                }
                balance.push(BalanceRow {
                    covariate: cov.name.clone(),
                    level: Some(level_name.clone()),
                    means,
                    smd: treatment.and_then(|t| smd(&share(t), &share(control))),
                    smd_by_arm: by_arm(&|t| smd(&share(t), &share(control))),
                });
            }
        } else {
            let mut means = serde_json::Map::new();
            for &a in &order {
                let s = cov.numeric.get(a).copied().unwrap_or_default();
                means.insert(arms[a].clone(), (s.n > 0).then_some(s.mean).into());
            }
            let get = |a: usize| cov.numeric.get(a).copied().unwrap_or_default();
            balance.push(BalanceRow {
                covariate: cov.name.clone(),
                level: None,
                means,
                smd: treatment.and_then(|t| smd(&get(t), &get(control))),
                smd_by_arm: by_arm(&|t| smd(&get(t), &get(control))),
            });
        }
    }

    // Lines of the rows not analysed.
    let mut listed = Vec::new();
    problems.kept.sort_by_key(|p| (p.file, p.offset));
    for file in [0u8, 1] {
        let input = if file == 0 {
            Some(&data)
        } else {
            more.as_ref()
        };
        let Some(input) = input else { continue };
        let rows: Vec<&Problem> = problems.kept.iter().filter(|p| p.file == file).collect();
        if rows.is_empty() {
            continue;
        }
        let mut offsets: Vec<u64> = rows
            .iter()
            .flat_map(|p| std::iter::once(p.offset).chain(p.first))
            .collect();
        offsets.sort_unstable();
        offsets.dedup();
        let lines = lines_at(input.open()?, &offsets).map_err(|e| Error::io(&input.shown, e))?;
        let line_of = |o: u64| {
            offsets
                .binary_search(&o)
                .ok()
                .and_then(|i| lines.get(i).copied())
                .unwrap_or(0)
        };
        for p in rows {
            listed.push(Listed {
                file: input.shown.clone(),
                line: line_of(p.offset),
                reason: p.reason,
                id: p.id.clone(),
                value: p.value.clone(),
                first_line: p.first.map(line_of),
            });
        }
    }
    let mut not_analysed = serde_json::Map::new();
    for (i, r) in REASONS.iter().enumerate() {
        if let serde_json::Value::String(key) = json!(r) {
            not_analysed.insert(key, problems.counts[i].into());
        }
    }

    let readout = Readout {
        data: data_shown,
        outcomes: more.as_ref().map(|m| m.shown.clone()),
        outcome: outcome_name,
        kind: if proportion { "proportion" } else { "mean" },
        level: if cluster_level { "cluster" } else { "unit" },
        cluster: args.cluster.clone(),
        control: arms[control].clone(),
        alpha,
        confidence: 1.0 - test.interval_alpha,
        alternative: alternative.name(),
        comparisons: test.comparisons,
        correction: (test.comparisons > 1).then_some("bonferroni"),
        arms: arm_rows,
        effect: comparisons.first(),
        effects: &comparisons,
        balance,
        not_analysed,
        problems: listed,
        problems_listed_max: MAX_LISTED,
        plan: plan.as_ref(),
        method: "experiment-readout",
        answers: serde_json::Map::new(),
    };
    let mut readout = readout;
    readout.answers = method_answers(&readout, lang);

    // Stdout.
    match args.format {
        AnalyseFormat::Json => {
            let text =
                serde_json::to_string_pretty(&readout).map_err(|e| Error::Input(e.to_string()))?;
            printer.data(&text)?;
        }
        AnalyseFormat::Table => {
            printer.data(&table_text(&readout, settings))?;
        }
    }
    // Rows not analysed, on stderr.
    let total: u64 = problems.counts.iter().sum();
    if total > 0 {
        let mut note = crate::i18n::tn(lang, "analyse.not_analysed_note", total as usize);
        for p in readout.problems.iter().take(SHOWN) {
            note.push_str(&format!("\n  {}", problem_text(p, lang)));
        }
        if total as usize > SHOWN {
            note.push_str(&format!(
                "\n  {}",
                tf(lang, "analyse.more_rows", &[("n", &(total - SHOWN as u64))])
            ));
        }
        printer.warn(&note);
    }
    if cluster_level {
        printer.note(t(lang, "analyse.cluster_note"));
    }
    if let (Some(path), Some(format)) = (&output, format) {
        let rendered = Rendered {
            markdown: readout_markdown(&readout, lang),
            title: title_block(&readout, lang),
            lang,
        };
        let bytes = match format {
            Format::Markdown => rendered.to_markdown().into_bytes(),
            Format::Html => rendered.to_html().into_bytes(),
            Format::Docx => rendered
                .to_docx()
                .map_err(|e| Error::Input(e.to_string()))?,
        };
        write_atomic(path, &bytes)?;
        printer.note(&tf(
            lang,
            "analyse.written",
            &[(
                "path",
                &args
                    .output
                    .as_ref()
                    .map(|p| p.display().to_string())
                    .unwrap_or_default(),
            )],
        ));
    }
    Ok(0)
}

fn trim(bytes: &[u8]) -> &[u8] {
    bytes.trim_ascii()
}

fn add_covariate(cov: &mut Covariate, arm: usize, raw: &[u8]) {
    let cell = read_cell(raw);
    if cov.numeric.len() <= arm {
        cov.numeric.resize(arm + 1, Summary::default());
    }
    match cell {
        Cell::Missing => return,
        Cell::Number(x) if !cov.categorical => cov.numeric[arm].push(x),
        Cell::Word(b) if !cov.categorical => cov.numeric[arm].push(f64::from(u8::from(b))),
        _ => cov.categorical = true,
    }
    if cov.too_many {
        return;
    }
    let text = String::from_utf8_lossy(trim(raw));
    let i = match cov.levels.iter().position(|(l, _)| *l == text) {
        Some(i) => i,
        None => {
            if cov.levels.len() >= MAX_LEVELS {
                cov.too_many = true;
                return;
            }
            cov.levels.push((text.into_owned(), Vec::new()));
            cov.levels.len() - 1
        }
    };
    let counts = &mut cov.levels[i].1;
    if counts.len() <= arm {
        counts.resize(arm + 1, 0);
    }
    counts[arm] += 1;
}

#[derive(Serialize)]
struct Readout<'a> {
    data: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    outcomes: Option<String>,
    outcome: String,
    kind: &'static str,
    level: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    cluster: Option<String>,
    control: String,
    alpha: f64,
    /// The level of the intervals shown: `1 − α` two-sided, `1 − 2α` one-sided, divided by the
    /// number of comparisons (Bonferroni).
    confidence: f64,
    /// two-sided, greater or less.
    alternative: &'static str,
    /// Treatment arms compared with the control.
    comparisons: usize,
    /// `bonferroni` when more than one arm is compared with the control.
    #[serde(skip_serializing_if = "Option::is_none")]
    correction: Option<&'static str>,
    arms: Vec<ArmRow>,
    effect: Option<&'a Comparison>,
    effects: &'a [Comparison],
    balance: Vec<BalanceRow>,
    not_analysed: serde_json::Map<String, serde_json::Value>,
    problems: Vec<Listed>,
    problems_listed_max: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    plan: Option<&'a Plan>,
    /// The method `answers` are for: `experiment-readout`. A playbook that runs it (such as
    /// `test-and-learn`) takes this file as it is and puts the answers under that id.
    method: &'static str,
    /// The result questions of the `experiment-readout` method, filled in, so that
    /// `labkit run experiment-readout --answers THIS.json` (or `labkit run test-and-learn
    /// --answers THIS.json`) starts from them.
    answers: serde_json::Map<String, serde_json::Value>,
}

/// A value in the outcome's unit: percentages for proportions.
fn shown(x: f64, proportion: bool, lang: Lang) -> String {
    if proportion {
        format!("{}%", format_number(100.0 * x, 1, lang.code()))
    } else {
        format_number(x, 2, lang.code())
    }
}

/// A difference: percentage points for proportions.
fn shown_diff(x: f64, proportion: bool, lang: Lang) -> String {
    if proportion {
        format_number(100.0 * x, 1, lang.code())
    } else {
        format_number(x, 2, lang.code())
    }
}

fn p_value(p: Option<f64>, lang: Lang) -> String {
    match p {
        None => "—".into(),
        Some(p) if p < 0.001 => format!("< {}", format_number(0.001, 3, lang.code())),
        Some(p) => format!("= {}", format_number(p, 3, lang.code())),
    }
}

fn confidence(alpha: f64, lang: Lang) -> String {
    let c = 100.0 * (1.0 - alpha);
    let decimals = if (c - c.round()).abs() < 1e-9 { 0 } else { 1 };
    format_number(c, decimals, lang.code())
}

/// The verdict in plain words: "`renewed`: 7.2 points higher in `sms` than in `control` (95%
/// CI 3.1 to 11.3); the plan said at least 6.0 points higher: supported".
#[allow(clippy::too_many_arguments)]
fn sentence(
    lang: Lang,
    outcome: &str,
    arm: &str,
    control: &str,
    e: &Effect,
    test: Test,
    proportion: bool,
    minimum: Option<f64>,
    v: Option<Verdict>,
) -> String {
    let unit = if proportion {
        t(lang, "analyse.points")
    } else {
        ""
    };
    let dir = |x: f64| {
        if x >= 0.0 {
            t(lang, "analyse.higher")
        } else {
            t(lang, "analyse.lower")
        }
    };
    let mut s = tf(
        lang,
        "analyse.sentence",
        &[
            ("outcome", &outcome),
            ("size", &shown_diff(e.difference.abs(), proportion, lang)),
            ("unit", &unit),
            ("direction", &dir(e.difference)),
            ("arm", &arm),
            ("control", &control),
            ("level", &confidence(test.interval_alpha, lang)),
            ("low", &shown_diff(e.ci_low, proportion, lang)),
            ("high", &shown_diff(e.ci_high, proportion, lang)),
        ],
    );
    match test.alternative {
        Alternative::TwoSided => {}
        Alternative::Greater => s.push_str(t(lang, "analyse.sentence_greater")),
        Alternative::Less => s.push_str(t(lang, "analyse.sentence_less")),
    }
    if test.comparisons > 1 {
        s.push_str(&tf(
            lang,
            "analyse.sentence_bonferroni",
            &[("n", &test.comparisons)],
        ));
    }
    match (minimum, v) {
        (Some(m), Some(v)) => {
            s.push_str(&tf(
                lang,
                "analyse.sentence_plan",
                &[
                    ("size", &shown_diff(m.abs(), proportion, lang)),
                    ("unit", &unit),
                    ("direction", &dir(m)),
                    ("verdict", &t(lang, verdict_key(v))),
                ],
            ));
        }
        _ => s.push_str(t(lang, "analyse.sentence_no_minimum")),
    }
    s
}

fn verdict_key(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "analyse.verdict.supported",
        Verdict::SmallerThanPlanned => "analyse.verdict.smaller",
        Verdict::NotSupported => "analyse.verdict.not_supported",
        Verdict::Inconclusive => "analyse.verdict.inconclusive",
        Verdict::Opposite => "analyse.verdict.opposite",
    }
}

fn problem_text(p: &Listed, lang: Lang) -> String {
    let mut s = format!("{}:{}: {}", p.file, p.line, t(lang, reason_key(p.reason)));
    if let Some(id) = &p.id {
        let _ = write!(s, " (id {id:?})");
    }
    if let Some(v) = &p.value {
        let _ = write!(s, " ({v:?})");
    }
    if let Some(first) = p.first_line {
        let _ = write!(s, "; {}", tf(lang, "analyse.first_at", &[("line", &first)]));
    }
    s
}

fn reason_key(r: Reason) -> &'static str {
    r.key()
}

fn table_text(r: &Readout, settings: &Settings) -> String {
    let lang = settings.lang;
    let proportion = r.kind == "proportion";
    let mut table = crate::output::table(settings);
    let mean_label = if proportion {
        t(lang, "analyse.col.proportion")
    } else if r.level == "cluster" {
        t(lang, "analyse.col.cluster_mean")
    } else {
        t(lang, "analyse.col.mean")
    };
    let mut head = vec![
        t(lang, "analyse.col.arm"),
        t(lang, "analyse.col.assigned"),
        t(lang, "analyse.col.analysed"),
    ];
    if r.level == "cluster" {
        head.push(t(lang, "analyse.col.clusters"));
    }
    head.push(mean_label);
    table.set_header(head);
    for a in &r.arms {
        let mut row = vec![
            a.arm.clone(),
            format_number(a.assigned as f64, 0, lang.code()),
            format_number(a.analysed as f64, 0, lang.code()),
        ];
        if let Some(c) = a.clusters {
            row.push(format_number(c as f64, 0, lang.code()));
        }
        row.push(a.mean.map_or("—".into(), |m| shown(m, proportion, lang)));
        table.add_row(row);
    }
    let mut out = crate::output::table_text(&table);
    out.push_str("\n\n");
    for c in r.effects {
        out.push_str(&effect_line(c, r, lang));
        out.push('\n');
        if let Some(s) = &c.sentence {
            out.push_str(s);
            out.push('\n');
        }
    }
    if r.effects.is_empty() {
        out.push_str(t(lang, "analyse.no_effect"));
        out.push('\n');
    }
    for note in test_notes(r, lang) {
        out.push_str(&note);
        out.push('\n');
    }
    if !r.balance.is_empty() {
        out.push('\n');
        let mut table = crate::output::table(settings);
        let mut head = vec![t(lang, "analyse.col.covariate").to_owned()];
        if let Some(first) = r.balance.first() {
            head.extend(first.means.keys().cloned());
        }
        head.extend(smd_heads(r, lang));
        table.set_header(head);
        for b in &r.balance {
            let mut row = vec![covariate_label(b)];
            for v in b.means.values() {
                row.push(
                    v.as_f64()
                        .map_or("—".into(), |m| format_number(m, 2, lang.code())),
                );
            }
            row.extend(smd_cells(b, lang));
            table.add_row(row);
        }
        out.push_str(&crate::output::table_text(&table));
        out.push('\n');
    }
    out
}

/// What the p-values and intervals are when they are not the plain two-sided ones: a
/// one-sided test, a Bonferroni correction.
fn test_notes(r: &Readout, lang: Lang) -> Vec<String> {
    let mut notes = Vec::new();
    let level = confidence(1.0 - r.confidence, lang);
    let one_sided = |key: &'static str| {
        tf(
            lang,
            key,
            &[
                ("level", &level),
                ("one", &confidence(1.0 - (1.0 + r.confidence) / 2.0, lang)),
            ],
        )
    };
    match r.alternative {
        "greater" => notes.push(one_sided("analyse.note_greater")),
        "less" => notes.push(one_sided("analyse.note_less")),
        _ => {}
    }
    if r.comparisons > 1 {
        notes.push(tf(
            lang,
            "analyse.note_bonferroni",
            &[
                ("n", &r.comparisons),
                ("control", &r.control),
                ("alpha", &short(r.alpha / r.comparisons as f64, lang)),
                ("level", &level),
            ],
        ));
    }
    notes
}

/// Up to four decimals, trailing zeros dropped (0.025, not 0.0250).
fn short(x: f64, lang: Lang) -> String {
    let s = format_number(x, 4, lang.code());
    if s.contains([',', '.']) {
        s.trim_end_matches('0')
            .trim_end_matches([',', '.'])
            .to_owned()
    } else {
        s
    }
}

/// The SMD columns of the balance table: one, or one per treatment arm.
fn smd_heads(r: &Readout, lang: Lang) -> Vec<String> {
    match r.balance.first() {
        Some(b) if !b.smd_by_arm.is_empty() => b
            .smd_by_arm
            .keys()
            .map(|a| format!("{} {a}", t(lang, "analyse.col.smd")))
            .collect(),
        _ => vec![t(lang, "analyse.col.smd").to_owned()],
    }
}

/// The SMD cells of a balance row, to go under [`smd_heads`].
fn smd_cells(b: &BalanceRow, lang: Lang) -> Vec<String> {
    let f = |s: Option<f64>| s.map_or("—".into(), |s| format_number(s, 3, lang.code()));
    if b.smd_by_arm.is_empty() {
        vec![f(b.smd)]
    } else {
        b.smd_by_arm.values().map(|v| f(v.as_f64())).collect()
    }
}

fn covariate_label(b: &BalanceRow) -> String {
    match &b.level {
        Some(l) => format!("{} = {l}", b.covariate),
        None => b.covariate.clone(),
    }
}

/// "sms − control: +7.2 points (95% CI 3.1 to 11.3), p = 0.004; ratio 1.25 (1.13 to 1.39)".
fn effect_line(c: &Comparison, r: &Readout, lang: Lang) -> String {
    let proportion = r.kind == "proportion";
    let e = &c.effect;
    let sign = if e.difference > 0.0 { "+" } else { "" };
    let mut s = tf(
        lang,
        "analyse.effect_line",
        &[
            ("arm", &c.arm),
            ("control", &c.control),
            (
                "difference",
                &format!("{sign}{}", shown_diff(e.difference, proportion, lang)),
            ),
            (
                "unit",
                &if proportion {
                    t(lang, "analyse.points")
                } else {
                    ""
                },
            ),
            ("level", &confidence(1.0 - r.confidence, lang)),
            ("low", &shown_diff(e.ci_low, proportion, lang)),
            ("high", &shown_diff(e.ci_high, proportion, lang)),
            ("p", &p_value(e.p_value, lang)),
        ],
    );
    if let Some(ratio) = &e.ratio {
        s.push_str(&tf(
            lang,
            "analyse.ratio_line",
            &[
                ("ratio", &format_number(ratio.ratio, 2, lang.code())),
                ("low", &format_number(ratio.ci_low, 2, lang.code())),
                ("high", &format_number(ratio.ci_high, 2, lang.code())),
            ],
        ));
    }
    s
}

fn title_block(r: &Readout, lang: Lang) -> TitleBlock {
    let now = rfc3339(SystemClock.now());
    let date = crate::helpers::long_date(&now, lang).unwrap_or_else(|| now.clone());
    let mut facts = vec![
        (t(lang, "report.date").to_owned(), date.clone()),
        (t(lang, "analyse.fact.data").to_owned(), r.data.clone()),
    ];
    if let Some(o) = &r.outcomes {
        facts.push((t(lang, "analyse.fact.outcomes").to_owned(), o.clone()));
    }
    if let Some(p) = r.plan {
        facts.push((t(lang, "analyse.fact.plan").to_owned(), p.session.clone()));
    }
    TitleBlock {
        lang: lang.code().to_owned(),
        kicker: t(lang, "analyse.kicker").to_owned(),
        title: tf(lang, "analyse.title", &[("outcome", &r.outcome)]),
        subtitle: r
            .plan
            .and_then(|p| p.question.clone())
            .unwrap_or_else(|| t(lang, "analyse.subtitle").to_owned()),
        facts,
        draft: None,
        footer: tf(lang, "analyse.footer", &[("date", &date)]),
        author: None,
        lab: None,
        created: now.clone(),
        modified: now,
        answers_lang: None,
    }
}

/// The readout as Markdown, for `report`'s HTML and Word writers: every text from the files
/// passes `markdown::escape` (or `cell` in tables).
fn readout_markdown(r: &Readout, lang: Lang) -> String {
    let proportion = r.kind == "proportion";
    let mut md = String::new();
    let _ = writeln!(md, "## {}\n", escape(t(lang, "analyse.h.result")));
    for c in r.effects {
        if let Some(s) = &c.sentence {
            let _ = writeln!(md, "**{}**\n", escape(s));
        }
        let _ = writeln!(md, "{}\n", escape(&effect_line(c, r, lang)));
    }
    if r.effects.is_empty() {
        let _ = writeln!(md, "{}\n", escape(t(lang, "analyse.no_effect")));
    }
    for note in test_notes(r, lang) {
        let _ = writeln!(md, "*{}*\n", escape(&note));
    }
    if let Some(rule) = r.plan.and_then(|p| p.decision_rule.as_deref()) {
        let _ = writeln!(md, "*{}*\n", escape(t(lang, "analyse.decision_rule")));
        for line in rule.lines() {
            let _ = writeln!(md, "> {}", escape(line));
        }
        md.push('\n');
    }
    if !r.effects.is_empty() {
        let chart = Chart::Interval {
            title: tf(
                lang,
                "analyse.chart_title",
                &[
                    ("level", &confidence(1.0 - r.confidence, lang)),
                    ("outcome", &r.outcome),
                ],
            ),
            item_label: t(lang, "analyse.col.comparison").to_owned(),
            interval_label: tf(
                lang,
                "analyse.col.ci",
                &[("level", &confidence(1.0 - r.confidence, lang))],
            ),
            value_label: if proportion {
                t(lang, "analyse.chart_points").to_owned()
            } else {
                t(lang, "analyse.chart_difference").to_owned()
            },
            rows: r
                .effects
                .iter()
                .map(|c| {
                    let k = if proportion { 100.0 } else { 1.0 };
                    (
                        format!("{} − {}", c.arm, c.control),
                        k * c.effect.difference,
                        k * c.effect.ci_low,
                        k * c.effect.ci_high,
                    )
                })
                .collect(),
            reference: r
                .plan
                .and_then(|p| p.minimum_effect)
                .filter(|_| proportion)
                .map(|m| 100.0 * m),
            reference_label: t(lang, "analyse.chart_planned").to_owned(),
        };
        // The block opens and closes with a line break: one blank line on each side.
        while md.ends_with("\n\n") {
            md.pop();
        }
        md.push_str(&chart.block());
    }
    let _ = writeln!(md, "## {}\n", escape(t(lang, "analyse.h.arms")));
    let mean_label = if proportion {
        t(lang, "analyse.col.proportion")
    } else {
        t(lang, "analyse.col.mean")
    };
    let _ = writeln!(
        md,
        "| {} | {} | {} | {} |\n|---|---:|---:|---:|",
        cell(t(lang, "analyse.col.arm")),
        cell(t(lang, "analyse.col.assigned")),
        cell(t(lang, "analyse.col.analysed")),
        cell(mean_label)
    );
    for a in &r.arms {
        let _ = writeln!(
            md,
            "| {} | {} | {} | {} |",
            cell(&a.arm),
            format_number(a.assigned as f64, 0, lang.code()),
            format_number(a.analysed as f64, 0, lang.code()),
            a.mean
                .map_or("—".into(), |m| cell(&shown(m, proportion, lang)))
        );
    }
    md.push('\n');
    if !r.balance.is_empty() {
        let _ = writeln!(md, "## {}\n", escape(t(lang, "analyse.h.balance")));
        let arms: Vec<String> = r
            .balance
            .first()
            .map(|b| b.means.keys().cloned().collect())
            .unwrap_or_default();
        let _ = write!(md, "| {} |", cell(t(lang, "analyse.col.covariate")));
        for a in &arms {
            let _ = write!(md, " {} |", cell(a));
        }
        let heads = smd_heads(r, lang);
        for h in &heads {
            let _ = write!(md, " {} |", cell(h));
        }
        let _ = writeln!(md, "\n|---|{}", "---:|".repeat(arms.len() + heads.len()));
        for b in &r.balance {
            let _ = write!(md, "| {} |", cell(&covariate_label(b)));
            for v in b.means.values() {
                let _ = write!(
                    md,
                    " {} |",
                    v.as_f64()
                        .map_or("—".into(), |m| format_number(m, 2, lang.code()))
                );
            }
            for c in smd_cells(b, lang) {
                let _ = write!(md, " {} |", cell(&c));
            }
            md.push('\n');
        }
        let _ = writeln!(md, "\n{}\n", escape(t(lang, "analyse.smd_note")));
    }
    if !r.problems.is_empty() {
        let _ = writeln!(md, "## {}\n", escape(t(lang, "analyse.h.not_analysed")));
        let _ = writeln!(
            md,
            "| {} | {} | {} |\n|---|---:|---|",
            cell(t(lang, "analyse.col.file")),
            cell(t(lang, "analyse.col.line")),
            cell(t(lang, "analyse.col.reason"))
        );
        for p in &r.problems {
            let mut reason = t(lang, reason_key(p.reason)).to_owned();
            if let Some(id) = &p.id {
                let _ = write!(reason, " (id {id})");
            }
            if let Some(v) = &p.value {
                let _ = write!(reason, " ({v})");
            }
            if let Some(first) = p.first_line {
                let _ = write!(
                    reason,
                    "; {}",
                    tf(lang, "analyse.first_at", &[("line", &first)])
                );
            }
            let _ = writeln!(md, "| {} | {} | {} |", cell(&p.file), p.line, cell(&reason));
        }
        md.push('\n');
    }
    let _ = writeln!(md, "## {}\n", escape(t(lang, "analyse.h.method")));
    let method_key = match (proportion, r.level == "cluster") {
        (_, true) => "analyse.method.cluster",
        (true, false) => "analyse.method.proportion",
        (false, false) => "analyse.method.mean",
    };
    let _ = writeln!(md, "{}", escape(t(lang, method_key)));
    md
}

/// The answers of the `experiment-readout` method's first step, from the first comparison.
fn method_answers(r: &Readout, lang: Lang) -> serde_json::Map<String, serde_json::Value> {
    let mut a = serde_json::Map::new();
    let proportion = r.kind == "proportion";
    let outcome = r
        .plan
        .and_then(|p| p.primary_outcome.clone())
        .unwrap_or_else(|| r.outcome.clone());
    a.insert("outcome".into(), outcome.into());
    let mut counts: Vec<String> = r
        .arms
        .iter()
        .map(|arm| {
            tf(
                lang,
                "analyse.answers_arm",
                &[
                    ("arm", &arm.arm),
                    (
                        "assigned",
                        &format_number(arm.assigned as f64, 0, lang.code()),
                    ),
                    (
                        "analysed",
                        &format_number(arm.analysed as f64, 0, lang.code()),
                    ),
                ],
            )
        })
        .collect();
    let left_out: u64 = r.not_analysed.values().filter_map(|v| v.as_u64()).sum();
    counts.push(tf(lang, "analyse.answers_left_out", &[("n", &left_out)]));
    a.insert("analysed".into(), counts.join("\n").into());
    let Some(c) = r.effects.first() else {
        return a;
    };
    let k = if proportion { 100.0 } else { 1.0 };
    let round = |x: f64| (x * 1e4).round() / 1e4;
    // With more than one treatment arm, every comparison (the first one too) as a row, so the
    // readout carries all of them, not just the first.
    if r.effects.len() > 1 {
        let rows: Vec<serde_json::Value> = r
            .effects
            .iter()
            .map(|c| {
                let mut row = serde_json::Map::new();
                row.insert("arm".into(), c.arm.clone().into());
                row.insert("effect".into(), round(k * c.effect.difference).into());
                row.insert("ci_low".into(), round(k * c.effect.ci_low).into());
                row.insert("ci_high".into(), round(k * c.effect.ci_high).into());
                if let Some(v) = c.verdict {
                    row.insert("verdict".into(), verdict_value(v).into());
                }
                row.into()
            })
            .collect();
        a.insert("comparisons".into(), rows.into());
    }
    a.insert(
        "result".into(),
        c.sentence
            .clone()
            .unwrap_or_else(|| effect_line(c, r, lang))
            .into(),
    );
    a.insert("effect".into(), round(k * c.effect.difference).into());
    a.insert("ci_low".into(), round(k * c.effect.ci_low).into());
    a.insert("ci_high".into(), round(k * c.effect.ci_high).into());
    if let Some(p) = c.effect.p_value {
        // Four decimals, or two significant digits below 0.0001.
        let p = if p >= 1e-4 {
            (p * 1e4).round() / 1e4
        } else {
            format!("{p:.1e}").parse().unwrap_or(p)
        };
        a.insert("p_value".into(), p.into());
    }
    if let Some(v) = c.verdict {
        a.insert("verdict".into(), verdict_value(v).into());
    }
    a
}

/// The `verdict` choice of the `experiment-readout` method for a verdict.
fn verdict_value(v: Verdict) -> &'static str {
    match v {
        Verdict::Supported => "supported",
        Verdict::SmallerThanPlanned => "smaller_than_planned",
        Verdict::NotSupported => "not_supported",
        Verdict::Inconclusive => "inconclusive",
        Verdict::Opposite => "opposite",
    }
}
