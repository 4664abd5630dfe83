//! Reproducible randomised assignment of CSV rows to arms, optionally
//! stratified and/or cluster-randomised, plus the balance report that goes to
//! the audit log. The output is the input file, byte for byte, with an `arm`
//! column appended to each record, so quoting, line endings (LF, CRLF, CR) and
//! a missing final newline are all preserved; blank lines between records,
//! which CSV readers ignore, are dropped.
//!
//! # Algorithm (version `labkit-assign-v1`)
//!
//! Written out fully so that anyone can reproduce an assignment from the seed:
//!
//! 1. **Units.** Without `--cluster` each data row is a unit; with it, each
//!    distinct value of the cluster column is a unit. Units are numbered in
//!    order of first appearance in the file.
//! 2. **Strata.** A unit's stratum is the tuple of its values in the
//!    `--stratify` columns (all units share one stratum when there are none).
//!    Strata are numbered in order of first appearance. All rows of a cluster
//!    must have the same stratum values.
//! 3. **Random numbers.** One generator for the whole file:
//!    `ChaCha20Rng::seed_from_u64(seed)` from `rand_chacha` 0.10 (seed expanded
//!    with PCG32 as specified by `rand_core::SeedableRng::seed_from_u64`).
//!    `draw(b)` returns a uniform integer in `0..b` without modulo bias:
//!    take `x = next_u64()`, reject and redraw while `x < (2^64 mod b)`, then
//!    return `x mod b`. `shuffle(v)` is Fisher–Yates: for `i` from `len-1` down
//!    to `1`, swap `v[i]` with `v[draw(i+1)]`.
//! 4. **Per stratum**, in stratum order, with `n` units and ratio weights
//!    `w_1..w_k` summing to `W`:
//!    a. arm `j` gets `floor(n·w_j / W)` units; the `L = n − Σ floor(...)`
//!    leftover units (always fewer than `k`) go one each to the arms with the
//!    largest remainders `n·w_j mod W`;
//!    b. ties between equal remainders are broken by a random order of the
//!    arms: `t = shuffle([1, 2, ..., k])` is drawn for *every* stratum (even
//!    when `L = 0`, so the number of draws does not depend on the data), and
//!    among equal remainders the arm appearing earlier in `t` wins;
//!    c. a list of arm labels with those counts is built (arm 1's labels first,
//!    then arm 2's, ...), shuffled with `shuffle`, and the `i`-th label goes
//!    to the stratum's `i`-th unit (in order of first appearance).
//!
//!    So every arm is within one unit of its exact target `n·w_j / W` in every
//!    stratum, and no arm is systematically favoured when the split is uneven.
//! 5. Every row gets its unit's arm.
//!
//! # Memory
//! Two passes over the in-memory input: the first parses records and keeps
//! only compact per-row/per-unit indices (strings are interned), the second
//! copies each record's original bytes to the output. No `HashMap` is ever
//! iterated, so nothing depends on hash order.

use std::collections::HashMap;
use std::io::{BufWriter, Write};

use rand_chacha::ChaCha20Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::error::StatsError;
use super::power::format_number;

/// Identifier of the assignment algorithm documented in this module; recorded
/// in every report so that a future change of algorithm is visible in audits.
pub const ALGORITHM: &str = "labkit-assign-v1";

/// Name of the column appended to the output.
pub const ARM_COLUMN: &str = "arm";

/// What to assign and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AssignOptions {
    /// Arm labels, at least two, unique and non-empty.
    pub arms: Vec<String>,
    /// Allocation weights, one per arm; empty means equal allocation.
    pub ratio: Vec<u32>,
    /// Columns whose combined values define the strata.
    pub stratify: Vec<String>,
    /// Column identifying clusters (randomised as whole units).
    pub cluster: Option<String>,
    /// Column of row identifiers that must be unique.
    pub id: Option<String>,
    pub seed: u64,
}

impl AssignOptions {
    /// Equal allocation, no strata, no clusters, no id column.
    pub fn new(arms: Vec<String>, seed: u64) -> Self {
        AssignOptions {
            arms,
            ratio: Vec::new(),
            stratify: Vec::new(),
            cluster: None,
            id: None,
            seed,
        }
    }
}

/// Counts for one stratum, in arm order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StratumReport {
    /// The stratum values joined with `" / "` (`"all"` when not stratified).
    pub key: String,
    pub values: Vec<String>,
    pub n_units: u64,
    pub n_rows: u64,
    pub units_per_arm: Vec<u64>,
    pub rows_per_arm: Vec<u64>,
    /// True when the stratum has fewer units than arms, so some arm is empty.
    pub fewer_units_than_arms: bool,
}

/// Everything needed to audit an assignment; the caller adds the labkit
/// version and a timestamp. `units_*` count clusters when clustered, rows
/// otherwise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AssignmentReport {
    pub algorithm: &'static str,
    pub seed: u64,
    pub arms: Vec<String>,
    pub ratio: Vec<u32>,
    pub stratify: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_column: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id_column: Option<String>,
    /// `"row"` or `"cluster"`.
    pub unit: &'static str,
    pub n_rows: u64,
    pub n_units: u64,
    pub units_per_arm: Vec<u64>,
    pub rows_per_arm: Vec<u64>,
    pub strata: Vec<StratumReport>,
    /// SHA-256 of the input bytes, lowercase hex.
    pub input_sha256: String,
}

/// Parses an allocation ratio such as `"1:1"` or `"2:1:1"`; it must have one
/// positive whole-number part per arm.
pub fn parse_ratio(text: &str, n_arms: usize) -> Result<Vec<u32>, StatsError> {
    let parts: Vec<&str> = text.split(':').map(str::trim).collect();
    let mut ratio = Vec::with_capacity(parts.len());
    for part in &parts {
        match part.parse::<u32>() {
            Ok(v) if v > 0 => ratio.push(v),
            _ => {
                return Err(StatsError::param(
                    "--ratio",
                    crate::i18n::msg(
                        "stats.ratio_part",
                        &[
                            ("part", &format!("{part:?}")),
                            ("text", &format!("{text:?}")),
                        ],
                    ),
                ));
            }
        }
    }
    if ratio.len() != n_arms {
        return Err(StatsError::param(
            "--ratio",
            crate::i18n::msg(
                "stats.ratio_text_count",
                &[
                    ("text", &format!("{text:?}")),
                    ("parts", &ratio.len()),
                    ("arms", &n_arms),
                ],
            ),
        ));
    }
    Ok(ratio)
}

fn validate_options(opts: &AssignOptions) -> Result<Vec<u32>, StatsError> {
    if opts.arms.len() < 2 {
        return Err(StatsError::param(
            "--arms",
            crate::i18n::msg("stats.arms_min", &[("count", &opts.arms.len())]),
        ));
    }
    if opts.arms.len() > usize::from(u16::MAX) {
        return Err(StatsError::param(
            "--arms",
            crate::i18n::msg("stats.arms_too_many", &[]),
        ));
    }
    for (i, arm) in opts.arms.iter().enumerate() {
        if arm.trim().is_empty() {
            return Err(StatsError::param(
                "--arms",
                crate::i18n::msg("stats.arm_empty", &[("index", &(i + 1))]),
            ));
        }
        if opts.arms[..i].contains(arm) {
            return Err(StatsError::param(
                "--arms",
                crate::i18n::msg("stats.arm_duplicate", &[("arm", &format!("{arm:?}"))]),
            ));
        }
    }
    if opts.ratio.is_empty() {
        return Ok(vec![1; opts.arms.len()]);
    }
    if opts.ratio.len() != opts.arms.len() {
        return Err(StatsError::param(
            "--ratio",
            crate::i18n::msg(
                "stats.ratio_count",
                &[("parts", &opts.ratio.len()), ("arms", &opts.arms.len())],
            ),
        ));
    }
    if opts.ratio.contains(&0) {
        return Err(StatsError::param(
            "--ratio",
            crate::i18n::msg("stats.ratio_zero", &[]),
        ));
    }
    Ok(opts.ratio.clone())
}

/// Tracks physical line numbers (1-based) as the parser moves forward.
/// A line break is `\n`, or a `\r` not followed by `\n`.
struct LineCounter {
    pos: usize,
    line: u64,
}

impl LineCounter {
    fn advance_to(&mut self, input: &[u8], target: usize) -> u64 {
        let target = target.min(input.len());
        if target > self.pos {
            for (off, &b) in input[self.pos..target].iter().enumerate() {
                if b == b'\n' || (b == b'\r' && input.get(self.pos + off + 1) != Some(&b'\n')) {
                    self.line += 1;
                }
            }
            self.pos = target;
        }
        self.line
    }
}

fn is_break(b: u8) -> bool {
    b == b'\n' || b == b'\r'
}

/// First byte of the next record: CSV readers skip blank lines.
fn skip_breaks(input: &[u8], mut pos: usize) -> usize {
    while pos < input.len() && is_break(input[pos]) {
        pos += 1;
    }
    pos
}

/// End of a record's content, excluding its line terminator. An unquoted
/// field cannot end in CR/LF, so every trailing CR/LF byte is terminator.
fn trim_breaks(input: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && is_break(input[end - 1]) {
        end -= 1;
    }
    end
}

/// The line terminator that follows a record in the input, reused verbatim.
fn terminator_at(input: &[u8], pos: usize) -> &'static [u8] {
    match (input.get(pos), input.get(pos + 1)) {
        (Some(b'\r'), Some(b'\n')) => b"\r\n",
        (Some(b'\n'), _) => b"\n",
        (Some(b'\r'), _) => b"\r",
        _ => b"",
    }
}

/// Quotes a field for CSV output only when it needs it.
fn csv_field(value: &str) -> Vec<u8> {
    if value.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", value.replace('"', "\"\"")).into_bytes()
    } else {
        value.as_bytes().to_vec()
    }
}

fn utf8(bytes: &[u8]) -> String {
    // The whole input is validated as UTF-8 up front, so this never replaces.
    String::from_utf8_lossy(bytes).into_owned()
}

/// Uniform integer in `0..bound` (bound ≥ 1) without modulo bias.
fn draw(rng: &mut ChaCha20Rng, bound: u64) -> u64 {
    let threshold = bound.wrapping_neg() % bound;
    loop {
        let x = rng.next_u64();
        if x >= threshold {
            return x % bound;
        }
    }
}

fn shuffle<T>(v: &mut [T], rng: &mut ChaCha20Rng) {
    for i in (1..v.len()).rev() {
        let j = draw(rng, i as u64 + 1) as usize;
        v.swap(i, j);
    }
}

/// Largest-remainder allocation of `n` units to arms (step 4a–b of the
/// module docs).
fn allocate(n: u64, ratio: &[u32], rng: &mut ChaCha20Rng) -> Vec<u64> {
    let total: u64 = ratio.iter().map(|&w| u64::from(w)).sum();
    let mut counts: Vec<u64> = ratio.iter().map(|&w| n * u64::from(w) / total).collect();
    let rems: Vec<u64> = ratio.iter().map(|&w| n * u64::from(w) % total).collect();
    let mut tie_order: Vec<usize> = (0..ratio.len()).collect();
    shuffle(&mut tie_order, rng);
    let mut rank = vec![0usize; ratio.len()];
    for (pos, &arm) in tie_order.iter().enumerate() {
        rank[arm] = pos;
    }
    let mut order: Vec<usize> = (0..ratio.len()).collect();
    order.sort_by(|&a, &b| rems[b].cmp(&rems[a]).then(rank[a].cmp(&rank[b])));
    let leftover = n - counts.iter().sum::<u64>();
    for &arm in order.iter().take(leftover as usize) {
        counts[arm] += 1;
    }
    counts
}

fn find_column(header: &[String], name: &str, flag: &str) -> Result<usize, StatsError> {
    header.iter().position(|h| h == name).ok_or_else(|| {
        StatsError::Input(crate::i18n::msg(
            "stats.column_missing",
            &[
                ("name", &format!("{name:?}")),
                ("flag", &flag),
                ("columns", &header.join(", ")),
            ],
        ))
    })
}

/// Interns byte strings to dense `u32` indices in order of first appearance.
/// Only ever looked up, never iterated, so hash order cannot leak into output.
#[derive(Default)]
struct Interner {
    map: HashMap<Vec<u8>, u32>,
}

impl Interner {
    /// Returns `(index, newly_added)`.
    fn intern(&mut self, key: &[u8]) -> Result<(u32, bool), StatsError> {
        if let Some(&i) = self.map.get(key) {
            return Ok((i, false));
        }
        let i = u32::try_from(self.map.len())
            .map_err(|_| StatsError::Input(crate::i18n::msg("stats.too_many_values", &[])))?;
        self.map.insert(key.to_vec(), i);
        Ok((i, true))
    }
}

/// Randomly assigns the rows of the CSV `input` (UTF-8, comma-separated, with
/// a header row) to `opts.arms` and writes the input with an `arm` column
/// appended to `out`. See the module docs for the exact algorithm.
pub fn assign<W: Write>(
    input: &[u8],
    opts: &AssignOptions,
    out: W,
) -> Result<AssignmentReport, StatsError> {
    let ratio = validate_options(opts)?;
    let mut lines = LineCounter { pos: 0, line: 1 };
    if let Err(e) = std::str::from_utf8(input) {
        let line = lines.advance_to(input, e.valid_up_to());
        return Err(StatsError::Line {
            line,
            message: crate::i18n::msg("stats.not_utf8", &[]),
        });
    }

    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(input);
    let mut rec = csv::ByteRecord::new();
    let csv_err =
        |e: csv::Error| StatsError::Input(crate::i18n::msg("stats.csv", &[("reason", &e)]));

    if !rdr.read_byte_record(&mut rec).map_err(csv_err)? {
        return Err(StatsError::Input(crate::i18n::msg(
            "stats.empty_input",
            &[],
        )));
    }
    let header_end = rdr.position().byte() as usize;
    let header: Vec<String> = rec.iter().map(utf8).collect();
    for (i, name) in header.iter().enumerate() {
        if let Some(j) = header[..i].iter().position(|h| h == name) {
            return Err(StatsError::Line {
                line: 1,
                message: crate::i18n::msg(
                    "stats.duplicate_column",
                    &[
                        ("name", &format!("{name:?}")),
                        ("first", &(j + 1)),
                        ("second", &(i + 1)),
                    ],
                ),
            });
        }
    }
    if header.iter().any(|h| h == ARM_COLUMN) {
        return Err(StatsError::Line {
            line: 1,
            message: crate::i18n::msg(
                "stats.arm_column_exists",
                &[("name", &format!("{ARM_COLUMN:?}"))],
            ),
        });
    }
    let n_fields = header.len();
    let strat_cols = opts
        .stratify
        .iter()
        .map(|c| find_column(&header, c, "--stratify"))
        .collect::<Result<Vec<_>, _>>()?;
    let cluster_col = match &opts.cluster {
        Some(c) => Some(find_column(&header, c, "--cluster")?),
        None => None,
    };
    let id_col = match &opts.id {
        Some(c) => Some(find_column(&header, c, "--id")?),
        None => None,
    };

    // Pass 1: parse, intern, validate.
    let mut ends: Vec<u64> = Vec::new();
    let mut row_unit: Vec<u32> = Vec::new(); // only used with clusters
    let mut unit_stratum: Vec<u32> = Vec::new();
    let mut unit_line: Vec<u64> = Vec::new(); // first line of each cluster
    let mut strata = Interner::default();
    let mut strata_values: Vec<Vec<String>> = Vec::new();
    let mut clusters = Interner::default();
    let mut ids: HashMap<Vec<u8>, u64> = HashMap::new();
    let mut key = Vec::new();
    let mut prev_end = header_end;

    while rdr.read_byte_record(&mut rec).map_err(csv_err)? {
        let end = rdr.position().byte() as usize;
        let line = lines.advance_to(input, skip_breaks(input, prev_end));
        prev_end = end;
        if rec.len() != n_fields {
            return Err(StatsError::Line {
                line,
                message: crate::i18n::msg(
                    "stats.field_count",
                    &[("count", &rec.len()), ("expected", &n_fields)],
                ),
            });
        }
        key.clear();
        for &c in &strat_cols {
            let v = &rec[c];
            key.extend_from_slice(&(v.len() as u64).to_le_bytes());
            key.extend_from_slice(v);
        }
        let (stratum, new_stratum) = strata.intern(&key)?;
        if new_stratum {
            strata_values.push(strat_cols.iter().map(|&c| utf8(&rec[c])).collect());
        }
        if let Some(c) = id_col {
            let id = &rec[c];
            if id.is_empty() {
                return Err(StatsError::Line {
                    line,
                    message: crate::i18n::msg(
                        "stats.empty_id",
                        &[("column", &format!("{:?}", header[c]))],
                    ),
                });
            }
            if let Some(first) = ids.insert(id.to_vec(), line) {
                return Err(StatsError::Line {
                    line,
                    message: crate::i18n::msg(
                        "stats.duplicate_id",
                        &[
                            ("id", &format!("{:?}", utf8(id))),
                            ("column", &format!("{:?}", header[c])),
                            ("first", &first),
                        ],
                    ),
                });
            }
        }
        if let Some(c) = cluster_col {
            let name = &rec[c];
            if name.is_empty() {
                return Err(StatsError::Line {
                    line,
                    message: crate::i18n::msg(
                        "stats.empty_cluster",
                        &[("column", &format!("{:?}", header[c]))],
                    ),
                });
            }
            let (unit, new_unit) = clusters.intern(name)?;
            if new_unit {
                unit_stratum.push(stratum);
                unit_line.push(line);
            } else if unit_stratum[unit as usize] != stratum {
                let first = unit_stratum[unit as usize] as usize;
                return Err(StatsError::Line {
                    line,
                    message: crate::i18n::msg(
                        "stats.cluster_strata",
                        &[
                            ("name", &format!("{:?}", utf8(name))),
                            ("column", &format!("{:?}", header[c])),
                            (
                                "here",
                                &format!("{:?}", stratum_key(&strata_values[stratum as usize])),
                            ),
                            (
                                "there",
                                &format!("{:?}", stratum_key(&strata_values[first])),
                            ),
                            ("line", &unit_line[unit as usize]),
                        ],
                    ),
                });
            }
            row_unit.push(unit);
        } else {
            if unit_stratum.len() >= u32::MAX as usize {
                return Err(StatsError::Input(crate::i18n::msg(
                    "stats.too_many_rows",
                    &[],
                )));
            }
            unit_stratum.push(stratum);
        }
        ends.push(end as u64);
    }
    drop(ids);
    if ends.is_empty() {
        return Err(StatsError::Input(crate::i18n::msg(
            "stats.no_data_rows",
            &[],
        )));
    }

    // Assignment, stratum by stratum.
    let n_strata = strata_values.len();
    let n_units = unit_stratum.len();
    let mut offsets = vec![0usize; n_strata + 1];
    for &s in &unit_stratum {
        offsets[s as usize + 1] += 1;
    }
    for s in 0..n_strata {
        offsets[s + 1] += offsets[s];
    }
    let mut members = vec![0u32; n_units];
    let mut fill = offsets.clone();
    for (u, &s) in unit_stratum.iter().enumerate() {
        members[fill[s as usize]] = u as u32;
        fill[s as usize] += 1;
    }
    drop(fill);

    let k = opts.arms.len();
    let mut rng = ChaCha20Rng::seed_from_u64(opts.seed);
    let mut unit_arm = vec![0u16; n_units];
    let mut units_per_stratum_arm = vec![vec![0u64; k]; n_strata];
    let mut labels: Vec<u16> = Vec::new();
    for s in 0..n_strata {
        let units = &members[offsets[s]..offsets[s + 1]];
        let counts = allocate(units.len() as u64, &ratio, &mut rng);
        labels.clear();
        for (arm, &c) in counts.iter().enumerate() {
            labels.extend(std::iter::repeat_n(arm as u16, c as usize));
        }
        shuffle(&mut labels, &mut rng);
        for (&u, &l) in units.iter().zip(&labels) {
            unit_arm[u as usize] = l;
        }
        units_per_stratum_arm[s] = counts;
    }
    drop(members);

    // Pass 2: copy each record's original bytes and append its arm.
    let arm_fields: Vec<Vec<u8>> = opts.arms.iter().map(|a| csv_field(a)).collect();
    let mut rows_per_stratum_arm = vec![vec![0u64; k]; n_strata];
    let mut w = BufWriter::with_capacity(1 << 16, out);
    let header_content = trim_breaks(input, 0, header_end);
    w.write_all(&input[..header_content])?;
    w.write_all(b",")?;
    w.write_all(ARM_COLUMN.as_bytes())?;
    w.write_all(terminator_at(input, header_content))?;
    let mut prev_end = header_end;
    for (row, &end) in ends.iter().enumerate() {
        let start = skip_breaks(input, prev_end);
        let end = end as usize;
        prev_end = end;
        let content_end = trim_breaks(input, start, end);
        let unit = if cluster_col.is_some() {
            row_unit[row] as usize
        } else {
            row
        };
        let arm = usize::from(unit_arm[unit]);
        rows_per_stratum_arm[unit_stratum[unit] as usize][arm] += 1;
        w.write_all(&input[start..content_end])?;
        w.write_all(b",")?;
        w.write_all(&arm_fields[arm])?;
        w.write_all(terminator_at(input, content_end))?;
    }
    w.flush()?;

    let strata_reports: Vec<StratumReport> = strata_values
        .into_iter()
        .zip(units_per_stratum_arm)
        .zip(rows_per_stratum_arm)
        .map(|((values, units), rows)| {
            let n_units: u64 = units.iter().sum();
            StratumReport {
                key: stratum_key(&values),
                values,
                n_units,
                n_rows: rows.iter().sum(),
                fewer_units_than_arms: n_units < k as u64,
                units_per_arm: units,
                rows_per_arm: rows,
            }
        })
        .collect();
    let column_sum = |f: fn(&StratumReport) -> &Vec<u64>| -> Vec<u64> {
        (0..k)
            .map(|a| strata_reports.iter().map(|s| f(s)[a]).sum())
            .collect()
    };
    let units_per_arm = column_sum(|s| &s.units_per_arm);
    let rows_per_arm = column_sum(|s| &s.rows_per_arm);
    let digest = Sha256::digest(input);
    Ok(AssignmentReport {
        algorithm: ALGORITHM,
        seed: opts.seed,
        arms: opts.arms.clone(),
        ratio,
        stratify: opts.stratify.clone(),
        cluster_column: opts.cluster.clone(),
        id_column: opts.id.clone(),
        unit: if cluster_col.is_some() {
            "cluster"
        } else {
            "row"
        },
        n_rows: ends.len() as u64,
        n_units: n_units as u64,
        units_per_arm,
        rows_per_arm,
        strata: strata_reports,
        input_sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
    })
}

fn stratum_key(values: &[String]) -> String {
    if values.is_empty() {
        "all".into()
    } else {
        values.join(" / ")
    }
}

/// Plain-text balance table (one row per stratum plus a total row) for
/// stderr, in English (`"en"`) or European Portuguese (`"pt"`). With clusters
/// each cell reads `clusters (rows)`.
pub fn balance_table(report: &AssignmentReport, lang: &str) -> String {
    let pt = lang.to_ascii_lowercase().starts_with("pt");
    let t = |en: &'static str, pt_text: &'static str| if pt { pt_text } else { en };
    let clustered = report.unit == "cluster";
    let cell = |units: u64, rows: u64| {
        if clustered {
            format!(
                "{} ({})",
                format_number(units as f64, 0, lang),
                format_number(rows as f64, 0, lang)
            )
        } else {
            format_number(units as f64, 0, lang)
        }
    };
    let mut table: Vec<Vec<String>> = Vec::new();
    let mut head = vec![t("Stratum", "Estrato").to_string()];
    head.extend(report.arms.iter().cloned());
    head.push(t("Total", "Total").to_string());
    table.push(head);
    let mut any_small = false;
    for s in &report.strata {
        let mut row = vec![if s.fewer_units_than_arms {
            any_small = true;
            format!("{} *", s.key)
        } else {
            s.key.clone()
        }];
        for (u, r) in s.units_per_arm.iter().zip(&s.rows_per_arm) {
            row.push(cell(*u, *r));
        }
        row.push(cell(s.n_units, s.n_rows));
        table.push(row);
    }
    let mut total = vec![t("Total", "Total").to_string()];
    for (u, r) in report.units_per_arm.iter().zip(&report.rows_per_arm) {
        total.push(cell(*u, *r));
    }
    total.push(cell(report.n_units, report.n_rows));
    table.push(total);

    let cols = table[0].len();
    let widths: Vec<usize> = (0..cols)
        .map(|c| {
            table
                .iter()
                .map(|r| r[c].chars().count())
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    for (i, row) in table.iter().enumerate() {
        if i == table.len() - 1 {
            let rule: usize = widths.iter().sum::<usize>() + 2 * (cols - 1);
            out.push_str(&"-".repeat(rule));
            out.push('\n');
        }
        let cells: Vec<String> = row
            .iter()
            .enumerate()
            .map(|(c, text)| {
                let pad = " ".repeat(widths[c] - text.chars().count());
                if c == 0 {
                    format!("{text}{pad}")
                } else {
                    format!("{pad}{text}")
                }
            })
            .collect();
        out.push_str(cells.join("  ").trim_end());
        out.push('\n');
    }
    if clustered {
        out.push_str(t(
            "Counts are clusters (rows in parentheses).\n",
            "Contagens em clusters (linhas entre parênteses).\n",
        ));
    }
    if any_small {
        out.push_str(t(
            "* fewer units than arms: some arm necessarily gets none in this stratum.\n",
            "* menos unidades do que braços: algum braço fica necessariamente sem unidades neste estrato.\n",
        ));
    }
    out
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn opts(arms: &[&str], seed: u64) -> AssignOptions {
        AssignOptions::new(arms.iter().map(|s| s.to_string()).collect(), seed)
    }

    fn run(input: &[u8], o: &AssignOptions) -> (String, AssignmentReport) {
        let mut out = Vec::new();
        let report = assign(input, o, &mut out).unwrap();
        (String::from_utf8(out).unwrap(), report)
    }

    fn err(input: &[u8], o: &AssignOptions) -> String {
        let mut out = Vec::new();
        match assign(input, o, &mut out) {
            Ok(r) => panic!("expected an error, got {r:?}"),
            Err(e) => e.to_string(),
        }
    }

    /// Arm column of an output with simple (unquoted, newline-free) rows.
    fn arm_column(out: &str) -> Vec<String> {
        out.lines()
            .skip(1)
            .map(|l| l.rsplit(',').next().unwrap().to_string())
            .collect()
    }

    fn make_csv(n: usize, strata: usize) -> String {
        let mut s = String::from("id,region,value\n");
        for i in 0..n {
            s.push_str(&format!("{i},r{},{}\n", (i * 7) % strata.max(1), i * 3));
        }
        s
    }

    #[test]
    fn deterministic_for_a_seed() {
        let input = make_csv(200, 3);
        let mut o = opts(&["control", "treatment"], 42);
        o.stratify = vec!["region".into()];
        let (a, ra) = run(input.as_bytes(), &o);
        let (b, rb) = run(input.as_bytes(), &o);
        assert_eq!(a, b);
        assert_eq!(ra, rb);
        o.seed = 43;
        let (c, _) = run(input.as_bytes(), &o);
        assert_ne!(a, c);
    }

    #[test]
    fn golden_output() {
        let input = "id,sex\n1,f\n2,m\n3,f\n4,m\n5,f\n6,m\n7,f\n8,m\n9,f\n10,m\n";
        let mut o = opts(&["A", "B"], 2024);
        o.stratify = vec!["sex".into()];
        let (out, report) = run(input.as_bytes(), &o);
        let arms = arm_column(&out);
        // Structural checks that hold for any correct implementation.
        for sex in ["f", "m"] {
            let a = out
                .lines()
                .skip(1)
                .filter(|l| l.contains(&format!(",{sex},A")))
                .count();
            let b = out
                .lines()
                .skip(1)
                .filter(|l| l.contains(&format!(",{sex},B")))
                .count();
            assert_eq!(a + b, 5);
            assert!(a.abs_diff(b) == 1, "sex {sex}: {a} vs {b}");
        }
        assert_eq!(report.units_per_arm.iter().sum::<u64>(), 10);
        // Pinned to the documented algorithm: any change here changes every
        // published assignment and must bump `ALGORITHM`.
        assert_eq!(arms.join(""), GOLDEN, "actual arms: {arms:?}");
    }

    const GOLDEN: &str = "BAAABBBBAB";

    #[test]
    fn balance_within_strata_over_many_seeds() {
        let configs: [(&[&str], Vec<u32>); 4] = [
            (&["a", "b"], vec![1, 1]),
            (&["a", "b"], vec![2, 1]),
            (&["a", "b", "c"], vec![1, 1, 1]),
            (&["a", "b", "c"], vec![3, 2, 1]),
        ];
        for (arms, ratio) in &configs {
            let w: u64 = ratio.iter().map(|&x| u64::from(x)).sum();
            for n in [1usize, 2, 5, 17, 60] {
                for seed in 0..15 {
                    let input = make_csv(n, 4);
                    let mut o = opts(arms, seed);
                    o.ratio = ratio.clone();
                    o.stratify = vec!["region".into()];
                    let (_, report) = run(input.as_bytes(), &o);
                    assert_eq!(report.n_units, n as u64);
                    for s in &report.strata {
                        for (j, &c) in s.units_per_arm.iter().enumerate() {
                            let target = s.n_units as f64 * f64::from(ratio[j]) / w as f64;
                            assert!(
                                (c as f64 - target).abs() < 1.0,
                                "stratum {} arm {j}: {c} vs {target}",
                                s.key
                            );
                        }
                        assert_eq!(s.units_per_arm.iter().sum::<u64>(), s.n_units);
                        assert_eq!(s.fewer_units_than_arms, s.n_units < arms.len() as u64);
                    }
                }
            }
        }
    }

    #[test]
    fn no_arm_is_favoured_by_ties() {
        // One unit per stratum: which arm gets it must vary with the seed.
        let input = make_csv(1, 1);
        let mut wins = [0u32; 3];
        for seed in 0..300 {
            let (_, r) = run(input.as_bytes(), &opts(&["a", "b", "c"], seed));
            let arm = r.units_per_arm.iter().position(|&c| c == 1).unwrap();
            wins[arm] += 1;
        }
        assert!(wins.iter().all(|&w| w > 70), "{wins:?}");
    }

    #[test]
    fn clusters_stay_together() {
        let mut input = String::from("pid,school,region\n");
        for i in 0..120 {
            let school = i % 9;
            input.push_str(&format!(
                "{i},s{school},{}\n",
                if school < 5 { "n" } else { "s" }
            ));
        }
        let mut o = opts(&["ctl", "trt"], 7);
        o.cluster = Some("school".into());
        o.stratify = vec!["region".into()];
        o.id = Some("pid".into());
        let (out, report) = run(input.as_bytes(), &o);
        let mut arm_of: std::collections::BTreeMap<String, String> = Default::default();
        for line in out.lines().skip(1) {
            let f: Vec<&str> = line.split(',').collect();
            let prev = arm_of.insert(f[1].to_string(), f[3].to_string());
            assert!(
                prev.is_none() || prev.as_deref() == Some(f[3]),
                "school {} split",
                f[1]
            );
        }
        assert_eq!(report.unit, "cluster");
        assert_eq!(report.n_units, 9);
        assert_eq!(report.n_rows, 120);
        assert_eq!(report.strata.len(), 2);
        assert_eq!(report.strata[0].units_per_arm.iter().sum::<u64>(), 5);
        assert!(
            report.strata[0]
                .units_per_arm
                .iter()
                .all(|&c| c == 2 || c == 3)
        );
        assert_eq!(report.rows_per_arm.iter().sum::<u64>(), 120);
        let table = balance_table(&report, "en");
        assert!(table.contains("Counts are clusters"), "{table}");
    }

    #[test]
    fn preserves_quoting_crlf_and_missing_final_newline() {
        let input = "\u{feff}name,\"note\"\r\n\"Smith, J\",\"said \"\"hi\"\"\"\r\nLee,plain\r\n\r\n\"multi\nline\",x";
        let (out, report) = run(input.as_bytes(), &opts(&["a", "b"], 1));
        assert_eq!(report.n_rows, 3);
        let lines: Vec<&str> = out.split("\r\n").collect();
        assert_eq!(lines[0], "\u{feff}name,\"note\",arm");
        assert!(
            lines[1].starts_with("\"Smith, J\",\"said \"\"hi\"\"\","),
            "{out:?}"
        );
        assert!(lines[2].starts_with("Lee,plain,"));
        assert!(lines[3].starts_with("\"multi\nline\",x,"), "{out:?}");
        assert!(!out.ends_with('\n'));
        // Re-reading the output gives the same fields plus one.
        let mut rdr = csv::Reader::from_reader(out.as_bytes());
        let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 3);
        assert!(rows.iter().all(|r| r.len() == 3));
        assert_eq!(&rows[0][1], "said \"hi\"");

        let lf = "a,b\n1,2\n3,4\n";
        let (out, _) = run(lf.as_bytes(), &opts(&["x y", "q,r"], 3));
        assert!(out.starts_with("a,b,arm\n1,2,"));
        assert!(out.ends_with('\n') && !out.contains('\r'));
        assert!(
            out.contains("\"q,r\""),
            "arm names needing quotes are quoted: {out}"
        );
    }

    #[test]
    fn line_numbers_count_physical_lines() {
        let input = "a,b\r\n1,2\r\n\r\n\"x\ny\",3\r\n4\r\n";
        assert_eq!(
            err(input.as_bytes(), &opts(&["a1", "a2"], 1)),
            "line 6: has 1 fields, expected 2 (as in the header)"
        );
    }

    #[test]
    fn error_messages() {
        let o = opts(&["a", "b"], 1);
        assert_eq!(
            err(b"", &o),
            "the input is empty: expected a header row and at least one data row"
        );
        assert_eq!(
            err(b"x,y\n", &o),
            "the input has a header row but no data rows"
        );
        assert_eq!(
            err(b"x,y,x\n1,2,3\n", &o),
            "line 1: the header has a duplicate column name \"x\" (columns 1 and 3)"
        );
        assert_eq!(
            err(b"x,arm\n1,2\n", &o),
            "line 1: the input already has a column named \"arm\"; rename or remove it first"
        );
        assert_eq!(
            err(b"x,y\n1,2\n3,4,5\n", &o),
            "line 3: has 3 fields, expected 2 (as in the header)"
        );
        assert_eq!(
            err(b"x,y\n1,2\n3,\xff\n", &o),
            "line 3: contains bytes that are not valid UTF-8; save the file as UTF-8"
        );
        let mut s = o.clone();
        s.stratify = vec!["region".into()];
        assert_eq!(
            err(b"x,y\n1,2\n", &s),
            "column \"region\" (from `--stratify`) not found; available columns: x, y"
        );
        let mut c = o.clone();
        c.cluster = Some("school".into());
        assert_eq!(
            err(b"x,y\n1,2\n", &c),
            "column \"school\" (from `--cluster`) not found; available columns: x, y"
        );
        let mut i = o.clone();
        i.id = Some("x".into());
        assert_eq!(
            err(b"x,y\n1,2\n2,3\n1,4\n", &i),
            "line 4: duplicate id \"1\" in column \"x\" (first seen on line 2)"
        );
        let mut cs = o.clone();
        cs.cluster = Some("school".into());
        cs.stratify = vec!["region".into()];
        assert_eq!(
            err(b"school,region\ns1,n\ns2,s\ns1,s\n", &cs),
            "line 4: cluster \"s1\" (column \"school\") is in stratum \"s\" here but in stratum \"n\" on line 2; \
             all rows of a cluster must have the same `--stratify` values"
        );
        assert_eq!(
            err(b"x,y\n1,2\n,3\n", &i),
            "line 3: empty value in the `--id` column \"x\""
        );
        assert_eq!(
            err(b"school,y\ns1,2\n,3\n", &c),
            "line 3: empty value in the `--cluster` column \"school\""
        );
        let mut r = o.clone();
        r.ratio = vec![1, 1, 1];
        assert_eq!(
            err(b"x\n1\n", &r),
            "`--ratio` has 3 parts but there are 2 arms; give one part per arm"
        );
        assert_eq!(
            err(b"x\n1\n", &opts(&["a"], 1)),
            "`--arms` needs at least 2 arms, got 1"
        );
        assert_eq!(
            err(b"x\n1\n", &opts(&["a", "a"], 1)),
            "`--arms` lists \"a\" more than once; arm names must be unique"
        );
        assert_eq!(
            err(b"x\n1\n", &opts(&["a", " "], 1)),
            "`--arms` has an empty arm name (arm 2)"
        );
    }

    #[test]
    fn ratio_parsing() {
        assert_eq!(parse_ratio("2:1:1", 3).unwrap(), vec![2, 1, 1]);
        assert_eq!(parse_ratio("1 : 1", 2).unwrap(), vec![1, 1]);
        assert_eq!(
            parse_ratio("2:1", 3).unwrap_err().to_string(),
            "`--ratio` \"2:1\" has 2 parts but there are 3 arms; give one part per arm"
        );
        assert_eq!(
            parse_ratio("2:0", 2).unwrap_err().to_string(),
            "`--ratio` part \"0\" of \"2:0\" is not a positive whole number (expected e.g. 1:1 or 2:1:1)"
        );
        assert!(parse_ratio("a:b", 2).is_err());
    }

    #[test]
    fn fewer_units_than_arms_is_reported_not_an_error() {
        let input = "id,g\n1,x\n2,y\n3,y\n4,y\n";
        let mut o = opts(&["a", "b", "c"], 5);
        o.stratify = vec!["g".into()];
        let (_, report) = run(input.as_bytes(), &o);
        assert!(report.strata[0].fewer_units_than_arms);
        assert!(!report.strata[1].fewer_units_than_arms);
        let table = balance_table(&report, "pt");
        assert!(
            table.contains("x *") && table.contains("menos unidades"),
            "{table}"
        );
        let json = serde_json::to_value(&report).unwrap();
        assert_eq!(json["strata"][0]["key"], "x");
        assert_eq!(json["unit"], "row");
        assert_eq!(json["input_sha256"].as_str().unwrap().len(), 64);
    }

    #[test]
    fn report_hash_and_table() {
        let input = b"a,b\n1,2\n3,4\n";
        let (_, report) = run(input, &opts(&["c", "t"], 9));
        let expected: String = Sha256::digest(input)
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(report.input_sha256, expected);
        assert_eq!(
            balance_table(&report, "en"),
            "Stratum  c  t  Total\nall      1  1      2\n--------------------\nTotal    1  1      2\n"
        );
    }

    #[test]
    fn draw_is_unbiased_and_in_range() {
        let mut rng = ChaCha20Rng::seed_from_u64(1);
        let mut hist = [0u32; 6];
        for _ in 0..60_000 {
            hist[draw(&mut rng, 6) as usize] += 1;
        }
        assert!(
            hist.iter().all(|&h| (9_400..10_600).contains(&h)),
            "{hist:?}"
        );
        assert_eq!(draw(&mut rng, 1), 0);
    }
}
