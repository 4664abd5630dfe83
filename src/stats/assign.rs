//! Reproducible randomised assignment of CSV rows to arms, optionally
//! stratified and/or cluster-randomised, plus the balance report that goes to
//! the audit log. The output is the input file, byte for byte, with an `arm`
//! column appended to each record with the input's delimiter, so quoting, line
//! endings (LF, CRLF, CR), a UTF-8 byte order mark and a missing final newline
//! are all preserved; blank lines before and between records, which CSV
//! readers ignore, are dropped.
//!
//! # Algorithm (version `labkit-assign-v2`)
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
//!    `w_1..w_k` summing to `W`, without `--block-size`:
//!    a. the counts are a *randomised rounding* of the expected counts
//!    `e_j = n·w_j / W` that keeps their total `n`: arm `j` gets
//!    `floor(e_j)`, and the `L = n − Σ floor(e_j)` leftover units go one each
//!    to `L` arms chosen by systematic sampling with probabilities equal to
//!    the remainders `r_j = n·w_j mod W` divided by `W` (Madow 1949, "On the
//!    theory of systematic sampling, II", Ann. Math. Statist. 20(3)) over a
//!    random order of the arms (Hartley & Rao 1962, "Sampling with unequal
//!    probabilities and without replacement", Ann. Math. Statist. 33(2)):
//!    `t = shuffle([1, ..., k])`, then `u = draw(W)`; lay the arms out in the
//!    order `t` as consecutive segments of lengths `r_j` starting at 0; arm
//!    `j` gets one more unit if one of the points `u, u + W, u + 2W, …` falls
//!    in its segment. Both draws are made for every stratum, even when
//!    `L = 0`. As `r_j < W`, a segment holds at most one point, and exactly
//!    `r_j` of the `W` values of `u` put one in it;
//!    b. a list of arm labels with those counts is built (arm 1's labels first,
//!    then arm 2's, ...), shuffled with `shuffle`, and the `i`-th label goes
//!    to the stratum's `i`-th unit (in order of first appearance).
//!
//!    So every arm gets `floor(e_j)` or `ceil(e_j)` units, the expected count
//!    is exactly `e_j`, and, the labels being shuffled, **every unit has
//!    exactly its nominal probability `w_j / W` of arm `j`, in a stratum of
//!    any size** (one unit included).
//!
//!    With `--block-size B` (a multiple of `W`) the stratum's units, in order,
//!    fill *permuted blocks*: each block is the list of `B·w_j / W` labels of
//!    each arm, shuffled with `shuffle`, and the units take its labels in
//!    order; the last block may be cut short, so it is the start of a random
//!    permutation (every position of which has the nominal probability).
//!    Balance is exact at the end of every complete block. When units are
//!    added to an earlier assignment (`assign --append`), a stratum whose
//!    last block was cut short first finishes it: the labels that block has
//!    not used yet are shuffled and taken in order, then new blocks follow.
//!    Without blocks, added units are randomised among themselves, stratum
//!    by stratum, as in 4a–b.
//! 5. Every row gets its unit's arm.
//!
//! # Reading and memory
//! The file is read twice, as a stream, never whole: the first pass checks
//! every row and keeps only what the assignment needs — one byte per unit for
//! its arm, a keyed 64-bit hash of each row's `--id` (8 bytes a row; sorted at
//! the end to find repeats, which are then confirmed by comparing the ids
//! themselves on another read), and each distinct value of the `--stratify`
//! and `--cluster` columns once, end to end, with about 10 bytes of index;
//! then the arms are drawn; the second pass copies each record's bytes to the
//! output with its arm appended. So memory grows with the number of rows and
//! of distinct values, not with the size of the rows. Before anything more is
//! allocated, what would then be held is checked against [`MEMORY_LIMIT`]
//! (`AssignOptions::memory_limit`): past it the first pass stops with an
//! error naming the line, before anything is written. A row longer than
//! [`MAX_ROW_BYTES`] is refused too. No hash table is ever iterated, so
//! nothing depends on hash order.
//!
//! The delimiter is given (`AssignOptions::delimiter`) and used for the
//! output too; `csvscan::detect` works it out from the header and first rows.

use std::hash::BuildHasher;
use std::io::{BufWriter, Read, Write};

use rand_chacha::ChaCha20Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};
use serde::Serialize;

use super::csvscan::{MAX_FIELDS, MAX_ROW_BYTES, ScanError, Scanner, line_at};
use super::error::StatsError;
use super::power::format_number;

/// Identifier of the assignment algorithm documented in this module; recorded
/// in every report so that a future change of algorithm is visible in audits.
pub const ALGORITHM: &str = "labkit-assign-v2";

/// The largest `--block-size`: blocks are for rolling enrolment, a handful
/// of units each; the bound keeps one block's labels small in memory.
pub const MAX_BLOCK: u64 = 10_000;

/// Name of the column appended to the output.
pub const ARM_COLUMN: &str = "arm";

/// The most memory the first pass may hold for the assignment (distinct
/// values, one arm per unit; see "Reading and memory" above). With the
/// buffers and the program itself, `assign` stays well under 1 GiB.
pub const MEMORY_LIMIT: usize = 768 << 20;

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
    /// The byte between fields, in the input and the output.
    pub delimiter: u8,
    /// The most bytes the assignment may hold; see [`MEMORY_LIMIT`].
    pub memory_limit: usize,
    /// Permuted blocks of this many units within each stratum (a multiple
    /// of the ratio's sum); `None` randomises each stratum as one whole.
    pub block_size: Option<u64>,
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
            delimiter: b',',
            memory_limit: MEMORY_LIMIT,
            block_size: None,
        }
    }

    /// The columns the options name, with the flag that names each.
    pub fn named_columns(&self) -> Vec<(&'static str, &str)> {
        let stratify = self.stratify.iter().map(|c| ("--stratify", c.as_str()));
        let cluster = self.cluster.iter().map(|c| ("--cluster", c.as_str()));
        let id = self.id.iter().map(|c| ("--id", c.as_str()));
        stratify.chain(cluster).chain(id).collect()
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
    /// Units per permuted block, when blocks were used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block_size: Option<u64>,
    /// The field delimiter of the input and the output.
    pub delimiter: String,
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

/// Parses `--ratio`, which names the arms: `treatment=2,control=1`. The
/// weights are returned in the order of `arms` (each arm named once); with no
/// `--arms` (`arms` empty) the arms are the ratio's names, in its order.
///
/// The older positional form (`2:1`, read in `--arms` order) is accepted only
/// when every part is the same (`1:1`, `1:1:1`), where order cannot matter;
/// otherwise it is refused with the named form spelled out for the arms given,
/// because `calc --ratio` once meant the opposite order and a swapped ratio
/// is a silent, serious error.
pub fn parse_ratio(text: &str, arms: &[String]) -> Result<(Vec<String>, Vec<u32>), StatsError> {
    let err = |key, args: &[(&str, &dyn std::fmt::Display)]| {
        StatsError::param("--ratio", crate::i18n::msg(key, args))
    };
    let quoted = format!("{text:?}");
    let weight = |part: &str| match part.trim().parse::<u32>() {
        Ok(v) if v > 0 => Ok(v),
        _ => Err(err(
            "stats.ratio_part",
            &[("part", &format!("{:?}", part.trim())), ("text", &quoted)],
        )),
    };
    if !text.contains('=') {
        let parts = text
            .split(':')
            .map(weight)
            .collect::<Result<Vec<u32>, _>>()?;
        if arms.is_empty() {
            return Err(err("stats.ratio_needs_names", &[("text", &quoted)]));
        }
        if parts.len() != arms.len() {
            return Err(err(
                "stats.ratio_text_count",
                &[
                    ("text", &quoted),
                    ("parts", &parts.len()),
                    ("arms", &arms.len()),
                ],
            ));
        }
        if parts.iter().any(|&p| p != parts[0]) {
            let named: Vec<String> = arms
                .iter()
                .zip(&parts)
                .map(|(a, p)| format!("{a}={p}"))
                .collect();
            return Err(err(
                "stats.ratio_positional",
                &[("text", &quoted), ("named", &named.join(","))],
            ));
        }
        return Ok((arms.to_vec(), vec![1; arms.len()]));
    }
    let mut named: Vec<(String, u32)> = Vec::new();
    for part in text.split(',') {
        let Some((name, w)) = part.rsplit_once('=') else {
            return Err(err(
                "stats.ratio_named_part",
                &[("part", &format!("{:?}", part.trim())), ("text", &quoted)],
            ));
        };
        let name = name.trim();
        if name.is_empty() {
            return Err(err(
                "stats.ratio_named_part",
                &[("part", &format!("{:?}", part.trim())), ("text", &quoted)],
            ));
        }
        let w = weight(w)?;
        if named.iter().any(|(n, _)| n == name) {
            return Err(err(
                "stats.ratio_named_twice",
                &[("arm", &format!("{name:?}"))],
            ));
        }
        named.push((name.to_owned(), w));
    }
    if arms.is_empty() {
        return Ok(named.into_iter().unzip());
    }
    if let Some((name, _)) = named.iter().find(|(n, _)| !arms.contains(n)) {
        return Err(err(
            "stats.ratio_unknown_arm",
            &[("arm", &format!("{name:?}")), ("arms", &arms.join(", "))],
        ));
    }
    let mut weights = Vec::with_capacity(arms.len());
    for arm in arms {
        match named.iter().find(|(n, _)| n == arm) {
            Some((_, w)) => weights.push(*w),
            None => {
                return Err(err(
                    "stats.ratio_arm_missing",
                    &[("arm", &format!("{arm:?}"))],
                ));
            }
        }
    }
    Ok((arms.to_vec(), weights))
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
    let ratio = if opts.ratio.is_empty() {
        vec![1; opts.arms.len()]
    } else {
        check_ratio(opts)?
    };
    if let Some(b) = opts.block_size {
        let sum: u64 = ratio.iter().map(|&w| u64::from(w)).sum();
        if b == 0 || b % sum != 0 || b > MAX_BLOCK {
            return Err(StatsError::param(
                "--block-size",
                crate::i18n::msg(
                    "stats.block_size",
                    &[("size", &b), ("sum", &sum), ("max", &MAX_BLOCK)],
                ),
            ));
        }
    }
    Ok(ratio)
}

fn check_ratio(opts: &AssignOptions) -> Result<Vec<u32>, StatsError> {
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

/// Quotes a field for CSV output only when it needs it under `delimiter`.
fn csv_field(value: &str, delimiter: u8) -> Vec<u8> {
    let needs_quotes = value
        .bytes()
        .any(|b| b == delimiter || matches!(b, b'"' | b'\r' | b'\n'));
    if needs_quotes {
        format!("\"{}\"", value.replace('"', "\"\"")).into_bytes()
    } else {
        value.as_bytes().to_vec()
    }
}

fn utf8(bytes: &[u8]) -> String {
    // Every byte is checked as UTF-8 while reading, so this never replaces.
    String::from_utf8_lossy(bytes).into_owned()
}

/// A source of uniform integers, so that the arms can be drawn from the
/// seeded generator and, in tests, from every possible sequence of draws.
trait Draws {
    /// A uniform integer in `0..bound` (bound ≥ 1).
    fn below(&mut self, bound: u64) -> u64;
}

impl Draws for ChaCha20Rng {
    /// Without modulo bias: redraw while `x < 2^64 mod bound`.
    fn below(&mut self, bound: u64) -> u64 {
        let threshold = bound.wrapping_neg() % bound;
        loop {
            let x = self.next_u64();
            if x >= threshold {
                return x % bound;
            }
        }
    }
}

/// Fisher–Yates, as in step 3 of the module docs.
fn shuffle<T>(v: &mut [T], rng: &mut impl Draws) {
    for i in (1..v.len()).rev() {
        let j = rng.below(i as u64 + 1) as usize;
        v.swap(i, j);
    }
}

/// Counts per arm for `n` units (step 4a of the module docs): randomised
/// rounding of the expected counts `n·w_j / W` that keeps their total, by
/// systematic sampling with probabilities equal to the fractional parts
/// (Madow 1949) over a random order of the arms (Hartley & Rao 1962). Each
/// arm gets `floor(n·w_j / W)` or one more, and one more with probability
/// exactly equal to the fractional part, so every unit has exactly its
/// nominal chance `w_j / W` of each arm, in a stratum of any size.
fn allocate(n: u64, ratio: &[u32], rng: &mut impl Draws) -> Vec<u64> {
    let total: u64 = ratio.iter().map(|&w| u64::from(w)).sum();
    let mut counts: Vec<u64> = ratio.iter().map(|&w| n * u64::from(w) / total).collect();
    let rems: Vec<u64> = ratio.iter().map(|&w| n * u64::from(w) % total).collect();
    let mut order: Vec<usize> = (0..ratio.len()).collect();
    shuffle(&mut order, rng);
    // Points u, u + W, u + 2W, … on a line where the arms, in `order`, lie
    // end to end with lengths `rems`; an arm gets one more unit when a point
    // falls in its segment. Each segment is shorter than W, so it holds at
    // most one point, and exactly `rems[j]` of the W starts put one in it.
    let u = rng.below(total);
    let points_below = |x: u64| if x <= u { 0 } else { (x - u).div_ceil(total) };
    let mut start = 0;
    for &arm in &order {
        let end = start + rems[arm];
        counts[arm] += points_below(end) - points_below(start);
        start = end;
    }
    counts
}

/// The arms of the `n` units of one stratum, in their order (step 4 of the
/// module docs), pushed onto `labels` as `label(arm)`. `open` holds, per arm,
/// the units of an unfinished block that an earlier assignment began (empty
/// when there is none).
fn stratum_labels<T: Copy>(
    n: u64,
    ratio: &[u32],
    block: Option<u64>,
    open: &[u64],
    rng: &mut impl Draws,
    labels: &mut Vec<T>,
    label: fn(usize) -> T,
) {
    let push = |labels: &mut Vec<T>, counts: &[u64]| {
        for (arm, &c) in counts.iter().enumerate() {
            labels.extend(std::iter::repeat_n(label(arm), c as usize));
        }
    };
    let Some(block) = block else {
        let counts = allocate(n, ratio, rng);
        let start = labels.len();
        push(labels, &counts);
        shuffle(&mut labels[start..], rng);
        return;
    };
    let total: u64 = ratio.iter().map(|&w| u64::from(w)).sum();
    let per_block: Vec<u64> = ratio
        .iter()
        .map(|&w| block / total * u64::from(w))
        .collect();
    let mut used: Vec<u64> = if open.is_empty() {
        vec![0; ratio.len()]
    } else {
        open.to_vec()
    };
    let mut remaining = n;
    while remaining > 0 {
        // What the block still holds, shuffled; the units take its first
        // labels, so a block cut short is the start of a random permutation.
        let left: Vec<u64> = per_block
            .iter()
            .zip(&used)
            .map(|(&b, &u)| b.saturating_sub(u))
            .collect();
        let start = labels.len();
        push(labels, &left);
        shuffle(&mut labels[start..], rng);
        let take = remaining.min((labels.len() - start) as u64);
        labels.truncate(start + take as usize);
        remaining -= take;
        used.iter_mut().for_each(|u| *u = 0);
    }
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
/// The strings live end to end in one buffer and the table holds only their
/// indices, so a distinct value costs its bytes plus about 10 (a `HashMap` of
/// `Vec<u8>` costs 60 or more). Only ever looked up, never iterated, so hash
/// order cannot leak into the output.
#[derive(Default)]
struct Interner {
    bytes: Vec<u8>,
    /// Where each string starts in `bytes`; it ends where the next starts.
    starts: Vec<u32>,
    table: hashbrown::HashTable<u32>,
    hasher: std::hash::RandomState,
}

impl Interner {
    fn get_key<'a>(bytes: &'a [u8], starts: &[u32], i: u32) -> &'a [u8] {
        let i = i as usize;
        let end = starts.get(i + 1).map_or(bytes.len(), |&e| e as usize);
        &bytes[starts[i] as usize..end]
    }

    fn key(&self, i: u32) -> &[u8] {
        Self::get_key(&self.bytes, &self.starts, i)
    }

    fn get(&self, key: &[u8]) -> Option<u32> {
        let hash = self.hasher.hash_one(key);
        self.table.find(hash, |&i| self.key(i) == key).copied()
    }

    /// Adds a key that [`Interner::get`] did not find; returns its index.
    fn insert(&mut self, key: &[u8]) -> Result<u32, StatsError> {
        let hash = self.hasher.hash_one(key);
        let Interner {
            bytes,
            starts,
            table,
            hasher,
        } = self;
        let too_many = || StatsError::Input(crate::i18n::msg("stats.too_many_values", &[]));
        let i = u32::try_from(starts.len()).map_err(|_| too_many())?;
        let start = u32::try_from(bytes.len()).map_err(|_| too_many())?;
        if u32::try_from(bytes.len() + key.len()).is_err() {
            return Err(too_many());
        }
        bytes.extend_from_slice(key);
        starts.push(start);
        table.insert_unique(hash, i, |&j| {
            hasher.hash_one(Self::get_key(bytes, starts, j))
        });
        Ok(i)
    }

    fn len(&self) -> usize {
        self.starts.len()
    }

    /// Bytes allocated, counting reserved capacity.
    fn allocated(&self) -> usize {
        self.bytes.capacity() + 4 * self.starts.capacity() + self.table.allocation_size()
    }

    /// The most that inserting a key of `len` bytes can allocate on top of
    /// [`Interner::allocated`] while it grows (old and new buffers together).
    fn growth(&self, len: usize) -> usize {
        let table = if self.table.len() == self.table.capacity() {
            (2 * self.table.allocation_size()).max(1024)
        } else {
            0
        };
        table + vec_growth(&self.bytes, len) + vec_growth(&self.starts, 1)
    }
}

/// The bytes a `Vec` allocates if `add` more elements are pushed (it at
/// least doubles), or 0 when they fit in its capacity.
fn vec_growth<T>(v: &Vec<T>, add: usize) -> usize {
    if v.len() + add <= v.capacity() {
        0
    } else {
        (2 * v.capacity()).max(v.len() + add).max(8) * std::mem::size_of::<T>()
    }
}

/// The arm of every unit, one byte each (two with more than 256 arms).
enum Arms {
    Narrow(Vec<u8>),
    Wide(Vec<u16>),
}

impl Arms {
    fn bytes_per_unit(n_arms: usize) -> usize {
        if n_arms <= 256 { 1 } else { 2 }
    }

    /// Step 4 of the module docs: stratum by stratum, the shuffled labels
    /// laid out stratum after stratum, and the counts per arm. `open[s]` is
    /// stratum `s`'s unfinished block from an earlier assignment (empty for
    /// none, and for every stratum when `open` is empty).
    fn draw(
        stratum_units: &[u64],
        ratio: &[u32],
        block: Option<u64>,
        open: &[Vec<u64>],
        rng: &mut ChaCha20Rng,
    ) -> (Arms, Vec<Vec<u64>>) {
        fn fill<T: Copy>(
            stratum_units: &[u64],
            ratio: &[u32],
            block: Option<u64>,
            open: &[Vec<u64>],
            rng: &mut ChaCha20Rng,
            label: fn(usize) -> T,
            index: fn(T) -> usize,
        ) -> (Vec<T>, Vec<Vec<u64>>) {
            let total: u64 = stratum_units.iter().sum();
            let mut labels = Vec::with_capacity(total as usize);
            let mut counts_per_stratum = Vec::with_capacity(stratum_units.len());
            for (s, &n) in stratum_units.iter().enumerate() {
                let start = labels.len();
                let open = open.get(s).map_or(&[][..], |o| o.as_slice());
                stratum_labels(n, ratio, block, open, rng, &mut labels, label);
                let mut counts = vec![0u64; ratio.len()];
                for &l in &labels[start..] {
                    counts[index(l)] += 1;
                }
                counts_per_stratum.push(counts);
            }
            (labels, counts_per_stratum)
        }
        if Self::bytes_per_unit(ratio.len()) == 1 {
            let (labels, counts) = fill(
                stratum_units,
                ratio,
                block,
                open,
                rng,
                |a| a as u8,
                usize::from,
            );
            (Arms::Narrow(labels), counts)
        } else {
            let (labels, counts) = fill(
                stratum_units,
                ratio,
                block,
                open,
                rng,
                |a| a as u16,
                usize::from,
            );
            (Arms::Wide(labels), counts)
        }
    }

    fn get(&self, i: usize) -> usize {
        match self {
            Arms::Narrow(v) => usize::from(v[i]),
            Arms::Wide(v) => usize::from(v[i]),
        }
    }

    fn len(&self) -> usize {
        match self {
            Arms::Narrow(v) => v.len(),
            Arms::Wide(v) => v.len(),
        }
    }

    /// The same labels re-ordered: the `i`-th entry becomes `self[order(i)]`.
    fn gather(&self, n: usize, mut order: impl FnMut(usize) -> usize) -> Arms {
        match self {
            Arms::Narrow(v) => Arms::Narrow((0..n).map(|i| v[order(i)]).collect()),
            Arms::Wide(v) => Arms::Wide((0..n).map(|i| v[order(i)]).collect()),
        }
    }
}

/// The first pass over a file: everything [`Plan::write`] needs to copy it
/// with each row's arm, and no more (see "Memory" in the module docs).
pub struct Plan {
    opts: AssignOptions,
    ratio: Vec<u32>,
    n_fields: usize,
    strat_cols: Vec<usize>,
    cluster_col: Option<usize>,
    n_rows: u64,
    /// Stratum keys (each value as a 4-byte length and its bytes).
    strata: Interner,
    clusters: Interner,
    /// Without clusters, the arm labels of each stratum's rows in order,
    /// stratum after stratum from `stratum_start`; with clusters, the arm of
    /// each cluster.
    arms: Arms,
    stratum_start: Vec<usize>,
    units_per_stratum_arm: Vec<Vec<u64>>,
    /// Whether [`Plan::write`] writes the header (not when adding rows to an
    /// earlier assignment).
    header: bool,
}

/// How a failure in the first pass is placed in the file.
enum Fail {
    /// At a byte offset: the line is worked out when reporting.
    At(u64, String),
    Other(StatsError),
}

impl From<StatsError> for Fail {
    fn from(e: StatsError) -> Self {
        Fail::Other(e)
    }
}

/// A scan's result with a failure's byte offset turned into its line, read again from the start.
fn placed<T, R: Read>(
    scanned: Result<T, Fail>,
    open: &impl Fn() -> std::io::Result<R>,
) -> Result<T, StatsError> {
    match scanned {
        Ok(value) => Ok(value),
        Err(Fail::Other(e)) => Err(e),
        Err(Fail::At(offset, message)) => {
            let line = open()
                .and_then(|r| line_at(r, offset))
                .map_err(read_error)?;
            Err(StatsError::Line { line, message })
        }
    }
}

fn scan_fail(e: ScanError) -> Fail {
    let at = |offset, key, args: &[(&str, &dyn std::fmt::Display)]| {
        Fail::At(offset, crate::i18n::msg(key, args))
    };
    match e {
        ScanError::Read(e) => Fail::Other(read_error(e)),
        ScanError::NotUtf8 { offset } => at(offset, "stats.not_utf8", &[]),
        ScanError::RowTooLong { offset } => at(
            offset,
            "stats.row_too_long",
            &[("limit", &(MAX_ROW_BYTES >> 20))],
        ),
        ScanError::TooManyFields { offset } => {
            at(offset, "stats.too_many_fields", &[("limit", &MAX_FIELDS)])
        }
    }
}

fn read_error(e: std::io::Error) -> StatsError {
    StatsError::Input(crate::i18n::msg("stats.csv", &[("reason", &e)]))
}

/// The line of the first data row whose column `col` holds `value`, for
/// messages that point back at an earlier row: the file is read again, as
/// errors are rare and keeping every row's line would cost 8 bytes a row.
fn first_line_with<R: Read>(
    open: &impl Fn() -> std::io::Result<R>,
    delimiter: u8,
    col: usize,
    value: &[u8],
) -> Option<u64> {
    let mut sc = Scanner::new(open().ok()?, delimiter, false, false, false);
    sc.next_record().ok()?;
    while sc.next_record().ok()? {
        if col < sc.field_count() && sc.field(col) == value {
            return line_at(open().ok()?, sc.start).ok();
        }
    }
    None
}

/// What the first pass holds, and how much memory that is.
#[derive(Default)]
struct Tally {
    strata: Interner,
    /// Units per stratum.
    stratum_units: Vec<u64>,
    clusters: Interner,
    /// The stratum of each cluster.
    unit_stratum: Vec<u32>,
    /// A keyed 64-bit hash of each row's id, checked for duplicates at the
    /// end: 8 bytes a row, however long the ids.
    id_hashes: Vec<u64>,
    n_units: u64,
    /// Bytes per unit for the arms drawn after the pass.
    arm_bytes: usize,
}

impl Tally {
    fn held(&self) -> usize {
        self.strata.allocated()
            + self.clusters.allocated()
            + 8 * self.stratum_units.capacity()
            + 4 * self.unit_stratum.capacity()
            + 8 * self.id_hashes.capacity()
            + self.n_units as usize * self.arm_bytes
    }
}

/// Finds the first repeated id, if any. `hashes` (one per data row, in
/// order) are sorted to find the values that occur more than once; only
/// when there are some is the file read again, comparing the ids themselves
/// (so a collision of two hashes is never taken for a duplicate) and
/// stopping at the first row whose id was seen before.
fn check_ids<R: Read>(
    open: &impl Fn() -> std::io::Result<R>,
    delimiter: u8,
    col: usize,
    column: &str,
    mut hashes: Vec<u64>,
    hasher: &impl BuildHasher,
    memory_limit: usize,
) -> Result<(), Fail> {
    hashes.sort_unstable();
    // Keep each hash that occurs more than once, once, in place.
    let mut kept = 0;
    for i in 1..hashes.len() {
        if hashes[i] == hashes[i - 1] && (kept == 0 || hashes[kept - 1] != hashes[i]) {
            hashes[kept] = hashes[i];
            kept += 1;
        }
    }
    hashes.truncate(kept);
    hashes.shrink_to_fit();
    if hashes.is_empty() {
        return Ok(());
    }
    let mut sc = Scanner::new(open().map_err(read_error)?, delimiter, false, false, false);
    sc.next_record().map_err(scan_fail)?;
    let mut seen = Interner::default();
    let mut seen_at: Vec<u64> = Vec::new();
    while sc.next_record().map_err(scan_fail)? {
        let id = sc.field(col);
        if hashes.binary_search(&hasher.hash_one(id)).is_err() {
            continue;
        }
        if let Some(first) = seen.get(id) {
            let first = open()
                .and_then(|r| line_at(r, seen_at[first as usize]))
                .map_err(read_error)?;
            return Err(Fail::At(
                sc.start,
                crate::i18n::msg(
                    "stats.duplicate_id",
                    &[
                        ("id", &format!("{:?}", utf8(id))),
                        ("column", &format!("{column:?}")),
                        ("first", &first),
                    ],
                ),
            ));
        }
        let held = 8 * hashes.capacity() + seen.allocated() + 8 * seen_at.capacity();
        if held + seen.growth(id.len()) + vec_growth(&seen_at, 1) > memory_limit {
            return Err(Fail::At(
                sc.start,
                crate::i18n::msg("stats.memory_limit", &[("limit", &(memory_limit >> 20))]),
            ));
        }
        seen.insert(id)?;
        seen_at.push(sc.start);
    }
    Ok(())
}

/// An earlier assignment that new units are added to (`assign --append`),
/// read from its output: the columns, each stratum's unfinished permuted
/// block, and the ids already used. Nothing else of it is held.
pub struct Prior {
    /// The input's columns (the output's, less the `arm` column).
    header: Vec<String>,
    strata: Interner,
    /// Per stratum, the units per arm of its unfinished block (all zero when
    /// its last block is complete, or without blocks).
    open: Vec<Vec<u64>>,
    ids: Interner,
    /// Data rows in the earlier output.
    pub n_rows: u64,
    /// Units per arm in the earlier output.
    pub units_per_arm: Vec<u64>,
    /// Whether the earlier output ends with a line break.
    pub ends_with_break: bool,
    /// The line break after the earlier output's header (`\n` by default).
    pub line_break: Vec<u8>,
}

impl Prior {
    /// Reads the earlier output that `open` opens, assigned with `opts`
    /// (arms, strata, id column, delimiter and block size as then).
    pub fn read<R: Read>(
        open: &impl Fn() -> std::io::Result<R>,
        opts: &AssignOptions,
    ) -> Result<Prior, StatsError> {
        placed(Self::scan(open, opts), open)
    }

    fn scan<R: Read>(
        open: &impl Fn() -> std::io::Result<R>,
        opts: &AssignOptions,
    ) -> Result<Prior, Fail> {
        let ratio = validate_options(opts)?;
        let k = opts.arms.len();
        let mut sc = Scanner::new(
            open().map_err(read_error)?,
            opts.delimiter,
            true,
            false,
            false,
        );
        if !sc.next_record().map_err(scan_fail)? {
            return Err(StatsError::Input(crate::i18n::msg("stats.empty_input", &[])).into());
        }
        let mut header: Vec<String> = (0..sc.field_count()).map(|i| utf8(sc.field(i))).collect();
        if header.last().map(String::as_str) != Some(ARM_COLUMN) {
            return Err(StatsError::Line {
                line: 1,
                message: crate::i18n::msg(
                    "stats.prior_no_arm",
                    &[("name", &format!("{ARM_COLUMN:?}"))],
                ),
            }
            .into());
        }
        header.pop();
        let line_break = match sc.terminator {
            Some(b'\r') => {
                // A CR followed by LF is a CRLF: peek at the next record.
                let crlf = sc.next_record().map_err(scan_fail)? && sc.leading == Some(b'\n');
                sc = Scanner::new(
                    open().map_err(read_error)?,
                    opts.delimiter,
                    true,
                    false,
                    false,
                );
                sc.next_record().map_err(scan_fail)?;
                if crlf {
                    b"\r\n".to_vec()
                } else {
                    b"\r".to_vec()
                }
            }
            _ => b"\n".to_vec(),
        };
        let n_fields = header.len() + 1;
        let strat_cols = opts
            .stratify
            .iter()
            .map(|c| find_column(&header, c, "--stratify"))
            .collect::<Result<Vec<_>, _>>()?;
        let id_col = match &opts.id {
            Some(c) => Some(find_column(&header, c, "--id")?),
            None => None,
        };
        let block = opts.block_size;
        let per_block: Vec<u64> = {
            let total: u64 = ratio.iter().map(|&w| u64::from(w)).sum();
            ratio
                .iter()
                .map(|&w| block.unwrap_or(0) / total * u64::from(w))
                .collect()
        };
        let mut prior = Prior {
            header,
            strata: Interner::default(),
            open: Vec::new(),
            ids: Interner::default(),
            n_rows: 0,
            units_per_arm: vec![0; k],
            ends_with_break: true,
            line_break,
        };
        let mut key = Vec::new();
        let mut last_terminator = sc.terminator;
        while sc.next_record().map_err(scan_fail)? {
            let at = sc.start;
            let fail = |key, args: &[(&str, &dyn std::fmt::Display)]| {
                Fail::At(at, crate::i18n::msg(key, args))
            };
            if sc.field_count() != n_fields {
                return Err(fail(
                    "stats.field_count",
                    &[("count", &sc.field_count()), ("expected", &n_fields)],
                ));
            }
            let arm_text = sc.field(n_fields - 1);
            let Some(arm) = opts.arms.iter().position(|a| a.as_bytes() == arm_text) else {
                return Err(fail(
                    "stats.prior_unknown_arm",
                    &[
                        ("arm", &format!("{:?}", utf8(arm_text))),
                        ("arms", &opts.arms.join(", ")),
                    ],
                ));
            };
            key.clear();
            for &c in &strat_cols {
                let v = sc.field(c);
                key.extend_from_slice(&(v.len() as u32).to_le_bytes());
                key.extend_from_slice(v);
            }
            let s = match prior.strata.get(&key) {
                Some(s) => s as usize,
                None => {
                    prior.open.push(vec![0; k]);
                    prior.strata.insert(&key)? as usize
                }
            };
            if block.is_some() {
                let open = &mut prior.open[s];
                open[arm] += 1;
                if open == &per_block {
                    open.iter_mut().for_each(|c| *c = 0);
                }
            }
            if let Some(c) = id_col {
                let id = sc.field(c);
                if prior.ids.get(id).is_none() {
                    if prior.allocated() + prior.ids.growth(id.len()) > opts.memory_limit {
                        return Err(fail(
                            "stats.memory_limit",
                            &[("limit", &(opts.memory_limit >> 20))],
                        ));
                    }
                    prior.ids.insert(id)?;
                }
            }
            prior.units_per_arm[arm] += 1;
            prior.n_rows += 1;
            last_terminator = sc.terminator;
        }
        prior.ends_with_break = last_terminator.is_some();
        Ok(prior)
    }

    /// Memory held, which the new units' pass makes room for.
    fn allocated(&self) -> usize {
        self.strata.allocated()
            + self.ids.allocated()
            + self
                .open
                .iter()
                .map(|o| 8 * o.capacity() + 24)
                .sum::<usize>()
    }
}

/// Randomly assigns the rows of the CSV `input` (UTF-8, with a header row,
/// fields separated by `opts.delimiter`) to `opts.arms` and writes the input
/// with an `arm` column appended to `out`. See the module docs for the exact
/// algorithm.
pub fn assign<W: Write>(
    input: &[u8],
    opts: &AssignOptions,
    out: W,
) -> Result<AssignmentReport, StatsError> {
    let open = || Ok(input);
    Plan::new(&open, opts)?.write(&open, out)
}

/// [`assign`] for rows added to an earlier assignment: `input` holds only the
/// new rows (with the same header), `prior` the earlier output. What is
/// written is the new rows alone, with their arms, without the header.
pub fn assign_more<W: Write>(
    input: &[u8],
    opts: &AssignOptions,
    prior: &Prior,
    out: W,
) -> Result<AssignmentReport, StatsError> {
    let open = || Ok(input);
    Plan::continuing(&open, opts, Some(prior))?.write(&open, out)
}

impl Plan {
    /// The first pass: reads the file that `open` opens, checks every row and
    /// draws every arm. Nothing is written.
    pub fn new<R: Read>(
        open: &impl Fn() -> std::io::Result<R>,
        opts: &AssignOptions,
    ) -> Result<Plan, StatsError> {
        Self::continuing(open, opts, None)
    }

    /// [`Plan::new`] for units added to the earlier assignment `prior`: the
    /// columns must be the same, ids new, and each stratum's unfinished
    /// block is finished first. [`Plan::write`] then writes no header.
    pub fn continuing<R: Read>(
        open: &impl Fn() -> std::io::Result<R>,
        opts: &AssignOptions,
        prior: Option<&Prior>,
    ) -> Result<Plan, StatsError> {
        placed(Self::scan(open, opts, prior), open)
    }

    fn scan<R: Read>(
        open: &impl Fn() -> std::io::Result<R>,
        opts: &AssignOptions,
        prior: Option<&Prior>,
    ) -> Result<Plan, Fail> {
        let ratio = validate_options(opts)?;
        if prior.is_some() && opts.cluster.is_some() {
            return Err(StatsError::param(
                "--append",
                crate::i18n::msg("stats.append_cluster", &[]),
            )
            .into());
        }
        let delimiter = opts.delimiter;
        let mut sc = Scanner::new(open().map_err(read_error)?, delimiter, true, false, false);
        if !sc.next_record().map_err(scan_fail)? {
            return Err(StatsError::Input(crate::i18n::msg("stats.empty_input", &[])).into());
        }
        let header: Vec<String> = (0..sc.field_count()).map(|i| utf8(sc.field(i))).collect();
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
                }
                .into());
            }
        }
        if header.iter().any(|h| h == ARM_COLUMN) {
            return Err(StatsError::Line {
                line: 1,
                message: crate::i18n::msg(
                    "stats.arm_column_exists",
                    &[("name", &format!("{ARM_COLUMN:?}"))],
                ),
            }
            .into());
        }
        if let Some(prior) = prior
            && prior.header != header
        {
            return Err(StatsError::Line {
                line: 1,
                message: crate::i18n::msg(
                    "stats.append_header",
                    &[
                        ("these", &header.join(", ")),
                        ("earlier", &prior.header.join(", ")),
                    ],
                ),
            }
            .into());
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

        let mut t = Tally {
            // The arms drawn after this pass, one per unit, and with clusters
            // a copy in cluster order.
            arm_bytes: Arms::bytes_per_unit(opts.arms.len())
                * (1 + usize::from(cluster_col.is_some())),
            ..Tally::default()
        };
        let ids_hasher = std::hash::RandomState::new();
        let mut n_rows: u64 = 0;
        let mut key = Vec::new();
        while sc.next_record().map_err(scan_fail)? {
            let at = sc.start;
            let fail = |key, args: &[(&str, &dyn std::fmt::Display)]| {
                Fail::At(at, crate::i18n::msg(key, args))
            };
            if sc.field_count() != n_fields {
                return Err(fail(
                    "stats.field_count",
                    &[("count", &sc.field_count()), ("expected", &n_fields)],
                ));
            }
            key.clear();
            for &c in &strat_cols {
                let v = sc.field(c);
                key.extend_from_slice(&(v.len() as u32).to_le_bytes());
                key.extend_from_slice(v);
            }
            // Without `--stratify` every row is in the one stratum once it exists, and is not
            // looked up: comparing the empty key was measured at about 100 ns a row (glibc's
            // `memcmp` given an empty slice's dangling pointer), four times the rest of the row.
            let stratum = if strat_cols.is_empty() && t.strata.len() == 1 {
                Some(0)
            } else {
                t.strata.get(&key)
            };
            let id = id_col.map(|c| (c, sc.field(c)));
            if let Some((c, id)) = id
                && id.is_empty()
            {
                return Err(fail(
                    "stats.empty_id",
                    &[("column", &format!("{:?}", header[c]))],
                ));
            }
            if let (Some((c, id)), Some(prior)) = (id, prior)
                && prior.ids.get(id).is_some()
            {
                return Err(fail(
                    "stats.append_id",
                    &[
                        ("id", &format!("{:?}", utf8(id))),
                        ("column", &format!("{:?}", header[c])),
                    ],
                ));
            }
            let cluster = cluster_col.map(|c| (c, sc.field(c)));
            if let Some((c, name)) = cluster
                && name.is_empty()
            {
                return Err(fail(
                    "stats.empty_cluster",
                    &[("column", &format!("{:?}", header[c]))],
                ));
            }
            let unit = cluster.and_then(|(_, name)| t.clusters.get(name));
            let new_unit = cluster.is_none() || unit.is_none();

            // Everything this row may allocate, checked before it is.
            let mut extra = 0;
            if stratum.is_none() {
                extra += t.strata.growth(key.len()) + vec_growth(&t.stratum_units, 1);
            }
            if id.is_some() {
                extra += vec_growth(&t.id_hashes, 1);
            }
            if let Some((_, name)) = cluster
                && unit.is_none()
            {
                extra += t.clusters.growth(name.len()) + vec_growth(&t.unit_stratum, 1);
            }
            if new_unit {
                extra += t.arm_bytes;
            }
            if t.held() + extra + prior.map_or(0, Prior::allocated) > opts.memory_limit {
                return Err(fail(
                    "stats.memory_limit",
                    &[("limit", &(opts.memory_limit >> 20))],
                ));
            }

            let stratum = match stratum {
                Some(s) => s,
                None => {
                    t.stratum_units.push(0);
                    t.strata.insert(&key)?
                }
            };
            if let Some((_, id)) = id {
                t.id_hashes.push(ids_hasher.hash_one(id));
            }
            match (cluster, unit) {
                (Some((c, name)), Some(unit)) => {
                    let first = t.unit_stratum[unit as usize];
                    if first != stratum {
                        let line = first_line_with(open, delimiter, c, name).unwrap_or(0);
                        return Err(fail(
                            "stats.cluster_strata",
                            &[
                                ("name", &format!("{:?}", utf8(name))),
                                ("column", &format!("{:?}", header[c])),
                                ("here", &format!("{:?}", stratum_key(&t.strata, stratum))),
                                ("there", &format!("{:?}", stratum_key(&t.strata, first))),
                                ("line", &line),
                            ],
                        ));
                    }
                }
                (Some((_, name)), None) => {
                    t.clusters.insert(name)?;
                    t.unit_stratum.push(stratum);
                }
                (None, _) => {}
            }
            if new_unit {
                t.stratum_units[stratum as usize] += 1;
                t.n_units += 1;
                if t.n_units > u64::from(u32::MAX) {
                    return Err(
                        StatsError::Input(crate::i18n::msg("stats.too_many_rows", &[])).into(),
                    );
                }
            }
            n_rows += 1;
        }
        if let Some(c) = id_col {
            let ids = std::mem::take(&mut t.id_hashes);
            check_ids(
                open,
                delimiter,
                c,
                &header[c],
                ids,
                &ids_hasher,
                opts.memory_limit,
            )?;
        }
        let Tally {
            strata,
            stratum_units,
            clusters,
            unit_stratum,
            ..
        } = t;
        if n_rows == 0 {
            return Err(StatsError::Input(crate::i18n::msg("stats.no_data_rows", &[])).into());
        }

        // Assignment, stratum by stratum.
        let mut rng = ChaCha20Rng::seed_from_u64(opts.seed);
        let open_blocks: Vec<Vec<u64>> = match prior {
            Some(p) if opts.block_size.is_some() => (0..strata.len() as u32)
                .map(|s| {
                    p.strata
                        .get(strata.key(s))
                        .map_or_else(Vec::new, |i| p.open[i as usize].clone())
                })
                .collect(),
            _ => Vec::new(),
        };
        let (labels, units_per_stratum_arm) = Arms::draw(
            &stratum_units,
            &ratio,
            opts.block_size,
            &open_blocks,
            &mut rng,
        );
        let mut stratum_start = Vec::with_capacity(stratum_units.len());
        let mut next = 0usize;
        for &n in &stratum_units {
            stratum_start.push(next);
            next += n as usize;
        }
        let arms = if cluster_col.is_some() {
            // The i-th cluster of a stratum (in order of first appearance)
            // gets that stratum's i-th label.
            let mut seen = stratum_start.clone();
            labels.gather(unit_stratum.len(), |u| {
                let s = unit_stratum[u] as usize;
                seen[s] += 1;
                seen[s] - 1
            })
        } else {
            labels
        };
        Ok(Plan {
            opts: opts.clone(),
            ratio,
            n_fields,
            strat_cols,
            cluster_col,
            n_rows,
            strata,
            clusters,
            arms,
            stratum_start,
            units_per_stratum_arm,
            header: prior.is_none(),
        })
    }

    /// The second pass: copies the file that `open` opens to `out`, each
    /// record byte for byte with its arm appended, and reports the counts.
    /// The file must be the one the first pass read.
    pub fn write<R: Read, W: Write>(
        &self,
        open: &impl Fn() -> std::io::Result<R>,
        out: W,
    ) -> Result<AssignmentReport, StatsError> {
        let opts = &self.opts;
        let delimiter = opts.delimiter;
        let changed = || StatsError::Input(crate::i18n::msg("stats.input_changed", &[]));
        let scan = |e: ScanError| match e {
            ScanError::Read(e) => read_error(e),
            _ => changed(),
        };
        let mut sc = Scanner::new(open().map_err(read_error)?, delimiter, false, true, true);
        let arm_fields: Vec<Vec<u8>> = opts.arms.iter().map(|a| csv_field(a, delimiter)).collect();
        let k = opts.arms.len();
        let n_strata = self.strata.len();
        let mut rows_per_stratum_arm = vec![vec![0u64; k]; n_strata];
        let mut seen = self.stratum_start.clone();
        let mut w = BufWriter::with_capacity(1 << 16, out);
        if !sc.next_record().map_err(scan)? {
            return Err(changed());
        }
        let mut pending = None;
        if self.header {
            if sc.bom {
                w.write_all(b"\xef\xbb\xbf")?;
            }
            w.write_all(sc.raw())?;
            w.write_all(&[delimiter])?;
            w.write_all(ARM_COLUMN.as_bytes())?;
            pending = sc.terminator;
        }
        let mut key = Vec::new();
        let mut n_rows = 0u64;
        loop {
            let more = sc.next_record().map_err(scan)?;
            // A `\r` ending the previous record followed by `\n` was a `\r\n`.
            match (pending, sc.leading) {
                (Some(b'\r'), Some(b'\n')) => w.write_all(b"\r\n")?,
                (Some(t), _) => w.write_all(&[t])?,
                (None, _) => {}
            }
            if !more {
                break;
            }
            n_rows += 1;
            if sc.field_count() != self.n_fields || n_rows > self.n_rows {
                return Err(changed());
            }
            key.clear();
            for &c in &self.strat_cols {
                let v = sc.field(c);
                key.extend_from_slice(&(v.len() as u32).to_le_bytes());
                key.extend_from_slice(v);
            }
            let stratum = if self.strat_cols.is_empty() {
                0
            } else {
                self.strata.get(&key).ok_or_else(changed)? as usize
            };
            let arm = match self.cluster_col {
                Some(c) => {
                    let unit = self.clusters.get(sc.field(c)).ok_or_else(changed)?;
                    self.arms.get(unit as usize)
                }
                None => {
                    let i = seen[stratum];
                    seen[stratum] += 1;
                    let end = self.stratum_start.get(stratum + 1).copied();
                    if i >= end.unwrap_or(self.arms.len()) {
                        return Err(changed());
                    }
                    self.arms.get(i)
                }
            };
            rows_per_stratum_arm[stratum][arm] += 1;
            w.write_all(sc.raw())?;
            w.write_all(&[delimiter])?;
            w.write_all(&arm_fields[arm])?;
            pending = sc.terminator;
        }
        if n_rows != self.n_rows {
            return Err(changed());
        }
        w.flush()?;

        let strata_reports: Vec<StratumReport> = (0..n_strata)
            .zip(&self.units_per_stratum_arm)
            .zip(rows_per_stratum_arm)
            .map(|((s, units), rows)| {
                let values = stratum_values(&self.strata, s as u32);
                let n_units: u64 = units.iter().sum();
                StratumReport {
                    key: stratum_key(&self.strata, s as u32),
                    values,
                    n_units,
                    n_rows: rows.iter().sum(),
                    fewer_units_than_arms: n_units < k as u64,
                    units_per_arm: units.clone(),
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
        let digest = sc.sha256().unwrap_or_default();
        Ok(AssignmentReport {
            algorithm: ALGORITHM,
            seed: opts.seed,
            arms: opts.arms.clone(),
            ratio: self.ratio.clone(),
            block_size: opts.block_size,
            delimiter: char::from(delimiter).to_string(),
            stratify: opts.stratify.clone(),
            cluster_column: opts.cluster.clone(),
            id_column: opts.id.clone(),
            unit: if self.cluster_col.is_some() {
                "cluster"
            } else {
                "row"
            },
            n_rows: self.n_rows,
            n_units: units_per_arm.iter().sum(),
            units_per_arm,
            rows_per_arm,
            strata: strata_reports,
            input_sha256: digest.iter().map(|b| format!("{b:02x}")).collect(),
        })
    }
}

/// The values of stratum `s`, decoded from its interned key.
fn stratum_values(strata: &Interner, s: u32) -> Vec<String> {
    let mut key = strata.key(s);
    let mut values = Vec::new();
    while let Some((len, rest)) = key.split_first_chunk::<4>() {
        let len = (u32::from_le_bytes(*len) as usize).min(rest.len());
        values.push(utf8(&rest[..len]));
        key = &rest[len..];
    }
    values
}

fn stratum_key(strata: &Interner, s: u32) -> String {
    let values = stratum_values(strata, s);
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
    use sha2::{Digest, Sha256};

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

    /// `labkit-assign-v2` (v1 gave "BAAABBBBAB": v2 draws the random start
    /// of the systematic rounding in every stratum).
    const GOLDEN: &str = "ABAAAABBBA";

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
            "line 6: has 1 field, expected 2 (as in the header)"
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
        let arms = |names: &[&str]| names.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let ct = arms(&["control", "treatment"]);
        assert_eq!(
            parse_ratio("treatment=2,control=1", &ct).unwrap(),
            (ct.clone(), vec![1, 2])
        );
        assert_eq!(
            parse_ratio(" control = 3 , treatment=1", &ct).unwrap(),
            (ct.clone(), vec![3, 1])
        );
        // Without --arms the ratio names them, in its order.
        assert_eq!(
            parse_ratio("sms=2,letter=1,none=1", &[]).unwrap(),
            (arms(&["sms", "letter", "none"]), vec![2, 1, 1])
        );
        // Equal parts cannot be read backwards, so they may stay unnamed.
        assert_eq!(parse_ratio("1:1", &ct).unwrap(), (ct.clone(), vec![1, 1]));
        assert_eq!(parse_ratio("3 : 3", &ct).unwrap(), (ct.clone(), vec![1, 1]));
        let e = |text: &str, arms: &[String]| parse_ratio(text, arms).unwrap_err().to_string();
        assert_eq!(
            e("2:1", &ct),
            "`--ratio` \"2:1\" would be read in the order of `--arms`, which is easy to get backwards; \
             name the arms instead: `--ratio control=2,treatment=1` (only equal parts such as 1:1 may stay unnamed)"
        );
        assert_eq!(
            e("2:1", &arms(&["a", "b", "c"])),
            "`--ratio` \"2:1\" has 2 parts but there are 3 arms; give one part per arm"
        );
        assert_eq!(
            e("control=2,treatment=0", &ct),
            "`--ratio` part \"0\" of \"control=2,treatment=0\" is not a positive whole number (expected e.g. `treatment=2,control=1`)"
        );
        assert_eq!(
            e("control=2,placebo=1", &ct),
            "`--ratio` names arm \"placebo\", which is not one of `--arms` (control, treatment)"
        );
        assert_eq!(
            e("control=2", &ct),
            "`--ratio` gives no weight for arm \"treatment\"; name every arm of `--arms`"
        );
        assert_eq!(
            e("control=2,control=1", &ct),
            "`--ratio` names arm \"control\" twice"
        );
        assert_eq!(
            e("control=2,1", &ct),
            "`--ratio` part \"1\" of \"control=2,1\" is not ARM=WEIGHT (e.g. `--ratio treatment=2,control=1`)"
        );
        assert!(e("1:1", &[]).contains("names no arms"));
        assert!(parse_ratio("a:b", &ct).is_err());
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

    /// What a spreadsheet in a Portuguese locale saves as "CSV": `;` between
    /// fields, a byte order mark, CRLF, accents, and a quoted `;`.
    const PT_SHEET: &str = "\u{feff}região;nome;morada\r\n\
        Lisboa;Ana;\"Rua da Sé; 3\"\r\n\
        Porto;Rui;Sé\r\n\
        Lisboa;Eva;\"Largo, 1\"\r\n\
        Porto;Zé;\"Rua \"\"Nova\"\"\"\r\n\
        Lisboa;Inês;Sé\r\n\
        Porto;Luís;Sé\r\n";

    #[test]
    fn a_semicolon_spreadsheet_keeps_its_delimiter_bom_and_crlf() {
        let mut o = opts(&["controlo", "tratamento"], 11);
        o.delimiter = b';';
        // The first column's name is found although the file starts with a BOM.
        o.stratify = vec!["região".into()];
        let (out, report) = run(PT_SHEET.as_bytes(), &o);
        assert_eq!(report.delimiter, ";");
        assert_eq!(report.n_rows, 6);
        assert_eq!(report.strata.len(), 2);
        for s in &report.strata {
            assert_eq!(s.units_per_arm.iter().sum::<u64>(), 3);
            assert!(s.units_per_arm.iter().all(|&c| c == 1 || c == 2), "{s:?}");
        }
        assert!(
            out.starts_with("\u{feff}região;nome;morada;arm\r\n"),
            "{out:?}"
        );
        assert!(out.contains("\r\nLisboa;Ana;\"Rua da Sé; 3\";"), "{out:?}");
        assert!(out.ends_with("\r\n") && !out.replace("\r\n", "").contains('\n'));
        // Each input line, byte for byte, is the start of its output line.
        let lines = PT_SHEET.split("\r\n").zip(out.split("\r\n"));
        for (inp, outp) in lines.skip(1).filter(|(i, _)| !i.is_empty()) {
            assert!(outp.starts_with(&format!("{inp};")), "{inp:?} -> {outp:?}");
        }
        let mut rdr = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(out.as_bytes());
        let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, ["região", "nome", "morada", "arm"]);
        let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
        assert_eq!(rows.len(), 6);
        assert_eq!(&rows[0][2], "Rua da Sé; 3");
        assert_eq!(&rows[3][2], "Rua \"Nova\"");
        assert!(
            rows.iter()
                .all(|r| ["controlo", "tratamento"].contains(&&r[3]))
        );
        // The hash is of the file as it is, BOM included.
        let expected: String = Sha256::digest(PT_SHEET.as_bytes())
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert_eq!(report.input_sha256, expected);
    }

    #[test]
    fn the_same_rows_get_the_same_arms_whatever_the_delimiter() {
        let comma = make_csv(90, 4);
        let tab = comma.replace(',', "\t");
        let mut o = opts(&["a", "b", "c"], 5);
        o.stratify = vec!["region".into()];
        let (from_comma, _) = run(comma.as_bytes(), &o);
        o.delimiter = b'\t';
        let (from_tab, report) = run(tab.as_bytes(), &o);
        assert_eq!(from_tab, from_comma.replace(',', "\t"));
        assert_eq!(report.delimiter, "\t");
        // Arm names are quoted only when the output's delimiter needs it.
        let mut o = opts(&["x,y", "p\tq"], 1);
        o.delimiter = b'\t';
        let (out, _) = run(tab.as_bytes(), &o);
        assert!(
            out.contains("\tx,y\n") && out.contains("\t\"p\tq\"\n"),
            "{out:?}"
        );
    }

    #[test]
    fn memory_beyond_the_limit_is_refused_at_its_line() {
        let input = make_csv(5_000, 3);
        let mut o = opts(&["a", "b"], 1);
        o.id = Some("id".into());
        o.memory_limit = 16 << 10;
        let e = err(input.as_bytes(), &o);
        assert!(
            e.starts_with("line ")
                && e.contains("more than 0 MiB of memory")
                && e.contains("`--id`"),
            "{e}"
        );
        o.memory_limit = MEMORY_LIMIT;
        assert_eq!(run(input.as_bytes(), &o).1.n_rows, 5_000);
    }

    #[test]
    fn a_file_changed_between_the_passes_is_an_error() {
        let first = make_csv(20, 2);
        let mut o = opts(&["a", "b"], 1);
        o.stratify = vec!["region".into()];
        let plan = Plan::new(&|| Ok(first.as_bytes()), &o).unwrap();
        for changed in [
            make_csv(21, 2),
            make_csv(20, 3),
            first.replacen("r1", "r9", 1),
        ] {
            let mut out = Vec::new();
            let e = plan
                .write(&|| Ok(changed.as_bytes()), &mut out)
                .unwrap_err();
            assert_eq!(
                e.to_string(),
                "the file changed while it was being read; run the assignment again"
            );
        }
    }

    #[test]
    fn later_rows_point_back_at_earlier_lines() {
        let mut i = opts(&["a", "b"], 1);
        i.id = Some("x".into());
        assert_eq!(
            err(b"x,y\r\n\r\n1,2\r\n\"2\n\",3\r\n1,4\r\n", &i),
            "line 6: duplicate id \"1\" in column \"x\" (first seen on line 3)"
        );
    }

    /// Every id hashes alike, as if all collided.
    #[derive(Default)]
    struct Collide;

    impl std::hash::Hasher for Collide {
        fn finish(&self) -> u64 {
            7
        }
        fn write(&mut self, _: &[u8]) {}
    }

    #[test]
    fn colliding_id_hashes_are_told_apart_by_the_ids() {
        let hasher = std::hash::BuildHasherDefault::<Collide>::default();
        let check = |input: &'static [u8]| {
            let hashes = vec![7; input.iter().filter(|&&b| b == b'\n').count() - 1];
            let open = || Ok(input);
            match check_ids(&open, b',', 0, "id", hashes, &hasher, MEMORY_LIMIT) {
                Ok(()) => "no duplicates".to_owned(),
                Err(Fail::At(offset, message)) => {
                    format!("line {}: {message}", line_at(input, offset).unwrap())
                }
                Err(Fail::Other(e)) => e.to_string(),
            }
        };
        assert_eq!(check(b"id\na\nb\nc\nd\n"), "no duplicates");
        // The first row whose id was seen before, not the first id seen twice.
        assert_eq!(
            check(b"id\na\nb\nc\nb\na\n"),
            "line 5: duplicate id \"b\" in column \"id\" (first seen on line 3)"
        );
    }

    /// Every possible sequence of draws, replayed one after another (an
    /// odometer over the choices), so that tests can compute the exact
    /// probability of every outcome of the algorithm.
    struct Script {
        path: Vec<(u64, u64)>,
        at: usize,
    }

    impl Draws for Script {
        fn below(&mut self, bound: u64) -> u64 {
            if self.at == self.path.len() {
                self.path.push((0, bound));
            }
            let (choice, b) = self.path[self.at];
            assert_eq!(b, bound, "the draws must not depend on the choices' order");
            self.at += 1;
            choice
        }
    }

    /// Each outcome of `f` with its exact probability.
    fn outcomes<R>(mut f: impl FnMut(&mut Script) -> R) -> Vec<(f64, R)> {
        let mut path = Vec::new();
        let mut out = Vec::new();
        loop {
            let mut script = Script { path, at: 0 };
            let r = f(&mut script);
            path = script.path;
            assert_eq!(script.at, path.len());
            let p: f64 = path.iter().map(|&(_, b)| 1.0 / b as f64).product();
            out.push((p, r));
            while let Some(&(choice, bound)) = path.last() {
                if choice + 1 < bound {
                    let last = path.len() - 1;
                    path[last].0 += 1;
                    break;
                }
                path.pop();
            }
            if path.is_empty() {
                return out;
            }
        }
    }

    /// Per unit and arm, the exact probability that the unit gets the arm.
    fn unit_probabilities(outcomes: &[(f64, Vec<usize>)], k: usize) -> Vec<Vec<f64>> {
        let n = outcomes[0].1.len();
        let mut p = vec![vec![0.0; k]; n];
        for (prob, labels) in outcomes {
            assert_eq!(labels.len(), n);
            for (unit, &arm) in labels.iter().enumerate() {
                p[unit][arm] += prob;
            }
        }
        p
    }

    fn labels_of(
        n: u64,
        ratio: &[u32],
        block: Option<u64>,
        open: &[u64],
        rng: &mut impl Draws,
    ) -> Vec<usize> {
        let mut labels = Vec::new();
        stratum_labels(n, ratio, block, open, rng, &mut labels, |a| a);
        labels
    }

    /// The exact inclusion probabilities, by enumerating every draw: each
    /// unit of a stratum of 1 to 5 units has its nominal chance of each arm,
    /// with or without blocks, and without blocks each arm gets the floor or
    /// the ceiling of its expected count in every outcome.
    #[test]
    fn every_unit_has_exactly_its_nominal_probability() {
        for ratio in [
            vec![2u32, 1],
            vec![2, 1, 1],
            vec![1, 1],
            vec![3, 2],
            vec![1, 1, 1],
        ] {
            let total: u32 = ratio.iter().sum();
            let w = u64::from(total);
            for n in 1..=5u64 {
                // A block of 10 would be 10! = 3,628,800 sequences of draws.
                let blocks = [None, Some(w), Some(2 * w)];
                for block in blocks.into_iter().filter(|b| b.is_none_or(|b| b <= 8)) {
                    let all = outcomes(|rng| labels_of(n, &ratio, block, &[], rng));
                    // Sums of up to 8! = 40,320 terms: the rounding error stays far below 1e-9.
                    let sum: f64 = all.iter().map(|(p, _)| p).sum();
                    assert!((sum - 1.0).abs() < 1e-9);
                    let p = unit_probabilities(&all, ratio.len());
                    for (unit, row) in p.iter().enumerate() {
                        for (arm, &q) in row.iter().enumerate() {
                            let nominal = f64::from(ratio[arm]) / f64::from(total);
                            assert!(
                                (q - nominal).abs() < 1e-9,
                                "ratio {ratio:?}, n {n}, block {block:?}: unit {unit} arm {arm}: {q} vs {nominal}"
                            );
                        }
                    }
                    for (_, labels) in &all {
                        let counts: Vec<u64> = (0..ratio.len())
                            .map(|a| labels.iter().filter(|&&l| l == a).count() as u64)
                            .collect();
                        for (arm, &c) in counts.iter().enumerate() {
                            if block.is_none() {
                                let e = n * u64::from(ratio[arm]);
                                assert!(
                                    c == e / w || c == e.div_ceil(w),
                                    "ratio {ratio:?}, n {n}: arm {arm} got {c}"
                                );
                            }
                        }
                        if let Some(b) = block {
                            // Every complete block is exactly balanced.
                            for chunk in labels.chunks(b as usize).filter(|c| c.len() == b as usize)
                            {
                                for (arm, &r) in ratio.iter().enumerate() {
                                    let c = chunk.iter().filter(|&&l| l == arm).count() as u64;
                                    assert_eq!(c, b / w * u64::from(r));
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Units added later finish the block the earlier ones began: over both
    /// batches every unit has its nominal probability and every complete
    /// block is balanced.
    #[test]
    fn an_unfinished_block_is_finished_by_the_next_batch() {
        let ratio = [2u32, 1, 1];
        let block = 4u64;
        for first in 1..=5u64 {
            for second in 1..=4u64 {
                let all = outcomes(|rng| {
                    let mut labels = labels_of(first, &ratio, Some(block), &[], rng);
                    let cut = (first % block) as usize;
                    let mut open = vec![0u64; 3];
                    for &l in &labels[labels.len() - cut..] {
                        open[l] += 1;
                    }
                    let open = if cut == 0 { Vec::new() } else { open };
                    labels.extend(labels_of(second, &ratio, Some(block), &open, rng));
                    labels
                });
                let p = unit_probabilities(&all, 3);
                for row in &p {
                    for (arm, &q) in row.iter().enumerate() {
                        assert!((q - f64::from(ratio[arm]) / 4.0).abs() < 1e-9, "{p:?}");
                    }
                }
                for (_, labels) in &all {
                    for chunk in labels.chunks(4).filter(|c| c.len() == 4) {
                        let mut counts = [0; 3];
                        chunk.iter().for_each(|&l| counts[l] += 1);
                        assert_eq!(counts, [2, 1, 1], "{labels:?}");
                    }
                }
            }
        }
    }

    /// The same over the whole program and 4,000 seeds: a file with strata
    /// of 1 to 5 rows, at 2:1 and 2:1:1. Each of the 75 (unit, arm)
    /// frequencies is within 6 standard deviations of its nominal
    /// probability; by chance one falls outside with probability below
    /// 75 · 2.0e-9 = 1.5e-7. (The old largest-remainder rounding gave a
    /// stratum of one unit to the first arm every time.)
    #[test]
    fn inclusion_frequencies_over_many_seeds() {
        let mut input = String::from("id,stratum\n");
        let mut id = 0;
        for size in 1..=5 {
            for _ in 0..size {
                id += 1;
                input.push_str(&format!("{id},s{size}\n"));
            }
        }
        const SEEDS: u64 = 4_000;
        for (arms, ratio) in [
            (&["a", "b"][..], vec![2u32, 1]),
            (&["a", "b", "c"][..], vec![2, 1, 1]),
        ] {
            let total: u32 = ratio.iter().sum();
            let mut hits = vec![vec![0u64; arms.len()]; id];
            for seed in 0..SEEDS {
                let mut o = opts(arms, seed);
                o.ratio = ratio.clone();
                o.stratify = vec!["stratum".into()];
                let (out, _) = run(input.as_bytes(), &o);
                for (row, arm) in arm_column(&out).iter().enumerate() {
                    let a = arms.iter().position(|x| x == arm).unwrap();
                    hits[row][a] += 1;
                }
            }
            for (row, counts) in hits.iter().enumerate() {
                for (arm, &c) in counts.iter().enumerate() {
                    let p = f64::from(ratio[arm]) / f64::from(total);
                    let sd = (SEEDS as f64 * p * (1.0 - p)).sqrt();
                    let z = (c as f64 - SEEDS as f64 * p) / sd;
                    assert!(
                        z.abs() < 6.0,
                        "ratio {ratio:?}, row {}: arm {} in {c} of {SEEDS} (nominal {p:.3}, z = {z:.1})",
                        row + 1,
                        arms[arm]
                    );
                }
            }
        }
    }

    #[test]
    fn added_rows_keep_the_earlier_and_finish_their_blocks() {
        let mut o = opts(&["a", "b"], 3);
        o.ratio = vec![1, 1];
        o.stratify = vec!["region".into()];
        o.block_size = Some(4);
        o.id = Some("id".into());
        let first = "id,region\n1,n\n2,n\n3,s\n4,n\n5,n\n6,n\n";
        let (earlier, report) = run(first.as_bytes(), &o);
        assert_eq!(report.block_size, Some(4));
        let prior = Prior::read(&|| Ok(earlier.as_bytes()), &o).unwrap();
        assert_eq!(prior.n_rows, 6);
        assert!(prior.ends_with_break);
        o.seed = 4;
        let more = "id,region\n7,n\n8,n\n9,s\n10,n\n";
        let mut out = Vec::new();
        let added = assign_more(more.as_bytes(), &o, &prior, &mut out).unwrap();
        assert_eq!(added.n_rows, 4);
        let out = String::from_utf8(out).unwrap();
        assert!(out.starts_with("7,n,"), "no header: {out}");
        let all = format!("{earlier}{out}");
        let north: Vec<String> = all
            .lines()
            .skip(1)
            .filter(|l| l.contains(",n,"))
            .map(|l| l.rsplit(',').next().unwrap().to_string())
            .collect();
        assert_eq!(north.len(), 8);
        for block in north.chunks(4) {
            assert_eq!(block.iter().filter(|a| *a == "a").count(), 2, "{north:?}");
        }
        // Ids already assigned, and other columns, are refused.
        let e = assign_more(b"id,region\n3,n\n", &o, &prior, Vec::new()).unwrap_err();
        assert_eq!(
            e.to_string(),
            "line 2: id \"3\" in column \"id\" is already in the earlier assignment"
        );
        let e = assign_more(b"id,area\n30,n\n", &o, &prior, Vec::new()).unwrap_err();
        assert!(
            e.to_string()
                .starts_with("line 1: the columns (id, area) are not"),
            "{e}"
        );
        let mut c = o.clone();
        c.cluster = Some("region".into());
        let e = assign_more(more.as_bytes(), &c, &prior, Vec::new()).unwrap_err();
        assert!(e.to_string().contains("cluster-randomised"), "{e}");
    }

    #[test]
    fn block_size_must_be_a_multiple_of_the_ratio() {
        let mut o = opts(&["a", "b", "c"], 1);
        o.ratio = vec![2, 1, 1];
        o.block_size = Some(6);
        assert_eq!(
            err(b"x\n1\n", &o),
            "`--block-size` must be a positive multiple of the ratio's sum (4), at most 10000; got 6"
        );
        o.block_size = Some(8);
        let (_, r) = run(make_csv(8, 1).as_bytes(), &o);
        assert_eq!(r.units_per_arm, vec![4, 2, 2]);
    }

    #[test]
    fn draw_is_unbiased_and_in_range() {
        let mut rng = ChaCha20Rng::seed_from_u64(1);
        let mut hist = [0u32; 6];
        for _ in 0..60_000 {
            hist[rng.below(6) as usize] += 1;
        }
        assert!(
            hist.iter().all(|&h| (9_400..10_600).contains(&h)),
            "{hist:?}"
        );
        assert_eq!(rng.below(1), 0);
    }
}
