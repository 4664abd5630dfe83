//! Sample size, power, minimum detectable effect (MDE) and trial duration for
//! two-arm comparisons (two-sided or one-sided), plus the localised (English /
//! European Portuguese) text that presents the results. All functions are pure: they
//! validate every input and report problems as [`StatsError`] values naming
//! the CLI flag (`--baseline`, `--alpha`, ...) the user has to fix.
//!
//! Conventions shared by every calculation:
//! * arm 1 is the control (baseline) arm, arm 2 the treatment arm, and the
//!   allocation ratio is `r = n2 / n1` (`--ratio`, default 1);
//! * `z_a = qnorm(1 - alpha/2)` for a two-sided test, `qnorm(1 - alpha)` for a
//!   one-sided one (`--alternative greater|less`), and `z_b = qnorm(power)`;
//! * proportions use the normal approximation of R's `power.prop.test`; means
//!   use the exact power of the two-sample t-test (noncentral t, df = n1 + n2 - 2,
//!   see [`super::tdist`]), solved for n by bisection, as R's `power.t.test`;
//! * the design pipeline is always, in this order: the unrounded `n1` from the
//!   formula; `n_k = n1 * (1, r)[k]`; multiply by the design effect
//!   `1 + (M - 1) * ICC` when clustered; divide by `1 - attrition`; and only then
//!   round up. When clustered, each arm gets `ceil(n_k / M)` whole clusters and
//!   its count becomes `clusters * M`. Rounding happens once, at the end, so the
//!   adjustments never compound rounding error.

use serde::Serialize;

use super::error::StatsError;
use super::normal::{pnorm, qnorm};
use super::tdist::{pnt_upper, qt_upper};

/// Below this an `f64` count is treated as already whole, so that values such
/// as `64.00000000001` (floating-point noise) are not rounded up to 65.
const CEIL_SLACK: f64 = 1e-9;

/// Formula shown to users for [`sample_size_proportions`] / [`mde_proportions`].
/// Normal approximation with the pooled variance under H0 and the unpooled
/// variance under H1 (what R's `power.prop.test` solves when r = 1).
pub const PROPORTIONS_FORMULA: &str = "n1 = [z(1-α/2)·√(p̄(1-p̄)(1+1/r)) + z(power)·√(p1(1-p1) + p2(1-p2)/r)]² / (p2-p1)², \
     p̄ = (p1 + r·p2)/(1+r), n2 = r·n1 (α in place of α/2 for a one-sided test)";

/// Formula shown to users for [`sample_size_means`] / [`mde_means`]: the
/// exact power of the two-sample t-test (what R's `power.t.test` solves).
pub const MEANS_FORMULA: &str = "power = P(T > t(1-α/2, ν)), T ~ noncentral t(ν, λ), ν = n1 + n2 - 2, \
     λ = (δ/σ) / √(1/n1 + 1/n2), n2 = r·n1 (α in place of α/2 for a one-sided test); n1 is the smallest n reaching the power";

/// Which hypothesis the test is for (`--alternative`). `Greater` means the
/// treatment arm (arm 2) is expected above the control arm; `Less` below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Alternative {
    #[default]
    TwoSided,
    Greater,
    Less,
}

impl Alternative {
    /// 2 for a two-sided test (α is split between the tails), else 1.
    pub fn sides(self) -> f64 {
        match self {
            Alternative::TwoSided => 2.0,
            Alternative::Greater | Alternative::Less => 1.0,
        }
    }

    /// The difference `treatment - control` seen from the alternative: positive
    /// when it points the way the test looks (any way for two-sided).
    pub fn oriented(self, difference: f64) -> f64 {
        match self {
            Alternative::TwoSided => difference.abs(),
            Alternative::Greater => difference,
            Alternative::Less => -difference,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Alternative::TwoSided => "two-sided",
            Alternative::Greater => "greater",
            Alternative::Less => "less",
        }
    }
}

/// Which outcome type a calculation is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Method {
    Proportions,
    Means,
}

/// Optional design adjustments applied after the basic formula.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Design {
    /// `(cluster size M, intra-cluster correlation)` for cluster randomisation.
    pub cluster: Option<(u64, f64)>,
    /// Expected fraction of participants lost to follow-up, in `[0, 1)`.
    pub attrition: Option<f64>,
    /// The test's alternative hypothesis (two-sided by default).
    pub alternative: Alternative,
    /// Fleiss's continuity correction for proportions (`--continuity`).
    pub continuity: bool,
    /// Coefficient of variation of cluster sizes (`--cluster-cv`), for
    /// clusters of unequal size.
    pub cluster_cv: Option<f64>,
    /// Number of arms (`--arms`, default 2): each of the `arms - 1` treatment
    /// arms is compared with the control at `alpha / (arms - 1)` (Bonferroni).
    pub arms: u32,
}

impl Design {
    /// Builds and validates a design from the optional CLI flags.
    /// `--cluster-size` and `--icc` must be given together.
    pub fn new(
        cluster_size: Option<u64>,
        icc: Option<f64>,
        attrition: Option<f64>,
    ) -> Result<Self, StatsError> {
        let cluster = match (cluster_size, icc) {
            (None, None) => None,
            (Some(_), None) => {
                return Err(StatsError::Invalid(crate::i18n::msg(
                    "stats.cluster_needs_icc",
                    &[],
                )));
            }
            (None, Some(_)) => {
                return Err(StatsError::Invalid(crate::i18n::msg(
                    "stats.icc_needs_cluster",
                    &[],
                )));
            }
            (Some(m), Some(icc)) => Some((m, icc)),
        };
        let design = Design {
            cluster,
            attrition,
            ..Design::default()
        };
        design.validate()?;
        Ok(design)
    }

    fn validate(&self) -> Result<(), StatsError> {
        if let Some((m, icc)) = self.cluster {
            if m == 0 {
                return Err(StatsError::param(
                    "--cluster-size",
                    crate::i18n::msg("stats.at_least_one", &[]),
                ));
            }
            if !(icc.is_finite() && (0.0..=1.0).contains(&icc)) {
                return Err(StatsError::param(
                    "--icc",
                    crate::i18n::msg("stats.icc_range", &[("value", &icc)]),
                ));
            }
        }
        if let Some(f) = self.attrition
            && !(f.is_finite() && (0.0..1.0).contains(&f))
        {
            return Err(StatsError::param(
                "--attrition",
                crate::i18n::msg("stats.attrition_range", &[("value", &f)]),
            ));
        }
        Ok(())
    }

    /// The same design, tested against `alternative`.
    pub fn with_alternative(mut self, alternative: Alternative) -> Self {
        self.alternative = alternative;
        self
    }

    /// Fleiss's continuity correction (proportions only).
    pub fn with_continuity(mut self, on: bool) -> Self {
        self.continuity = on;
        self
    }

    /// Unequal cluster sizes, by the coefficient of variation of their size.
    pub fn with_cluster_cv(mut self, cv: Option<f64>) -> Result<Self, StatsError> {
        if let Some(cv) = cv {
            if self.cluster.is_none() {
                return Err(StatsError::Invalid(crate::i18n::msg(
                    "stats.cv_needs_cluster",
                    &[],
                )));
            }
            if !(cv.is_finite() && cv >= 0.0) {
                return Err(StatsError::param(
                    "--cluster-cv",
                    crate::i18n::msg("stats.not_negative", &[("value", &cv)]),
                ));
            }
        }
        self.cluster_cv = cv;
        Ok(self)
    }

    /// `arms` arms in all (2 or more), compared with the control one by one.
    pub fn with_arms(mut self, arms: u32) -> Result<Self, StatsError> {
        if !(2..=100).contains(&arms) {
            return Err(StatsError::param(
                "--arms",
                crate::i18n::msg("stats.arms_range", &[("value", &arms)]),
            ));
        }
        self.arms = arms;
        Ok(self)
    }

    /// Comparisons with the control: `arms - 1` (1 for a two-arm trial).
    pub fn comparisons(&self) -> u32 {
        self.arms.max(2) - 1
    }

    /// α for each comparison: Bonferroni's `alpha / (arms - 1)`.
    pub fn alpha_per_comparison(&self, alpha: f64) -> f64 {
        alpha / f64::from(self.comparisons())
    }

    /// `1 + (M - 1)·ICC` for clusters of equal size M, or with a coefficient of
    /// variation cv of cluster size `1 + ((cv² + 1)·M - 1)·ICC` (Eldridge, Ashby
    /// & Kerry 2006, M the mean size); `None` when not clustered.
    pub fn design_effect(&self) -> Option<f64> {
        self.cluster.map(|(m, icc)| {
            let cv = self.cluster_cv.unwrap_or(0.0);
            if cv > 0.0 {
                1.0 + ((cv * cv + 1.0) * m as f64 - 1.0) * icc
            } else {
                1.0 + (m.saturating_sub(1) as f64) * icc
            }
        })
    }

    /// Factor by which the formula's n is multiplied before rounding.
    fn inflation(&self) -> f64 {
        self.design_effect().unwrap_or(1.0) / (1.0 - self.attrition.unwrap_or(0.0))
    }
}

/// The parameters a result was computed from, echoed back for reports.
/// Absent parameters are omitted from JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Default)]
pub struct Inputs {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mde: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sd: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delta: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per_arm: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total: Option<u64>,
    pub alpha: f64,
    /// The power asked for (absent for `calc power`, which computes it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub power: Option<f64>,
    pub ratio: f64,
    pub alternative: Alternative,
    /// Arms in all, when more than 2, and the Bonferroni α of each comparison.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arms: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alpha_per_comparison: Option<f64>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub continuity: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_cv: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cluster_size: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub icc: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attrition: Option<f64>,
}

/// Result of a sample-size calculation.
///
/// JSON shape (stable; optional keys are omitted when not applicable):
/// ```json
/// {
///   "method": "proportions",        // or "means"
///   "n_raw": 76.7067,               // unrounded n for arm 1, before design effect/attrition
///   "n_per_arm": 77,                // final count for arm 1 (control)
///   "n_per_arm_each": [77, 77],     // final counts for [arm 1, arm 2]
///   "n_total": 154,
///   "design_effect": 1.45,          // only when clustered
///   "clusters_per_arm": [8, 8],     // only when clustered
///   "inputs": { "baseline": 0.5, "target": 0.75, "alpha": 0.05, "power": 0.9, "ratio": 1.0 },
///   "formula": "n1 = ..."
/// }
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SampleSize {
    pub method: Method,
    pub n_raw: f64,
    pub n_per_arm: u64,
    pub n_per_arm_each: [u64; 2],
    pub n_total: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub design_effect: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clusters_per_arm: Option<[u64; 2]>,
    /// Clustered designs: clusters per arm from the formula, before the
    /// t-based adjustment added clusters (when it did).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clusters_before_t: Option<[u64; 2]>,
    pub inputs: Inputs,
    pub formula: &'static str,
    /// Cautions about the design (few clusters), also printed with the summary.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub warnings: Vec<String>,
}

/// Below this many clusters per arm, labkit warns that the trial rests on few
/// independent units: its power depends heavily on the ICC being right.
pub const FEW_CLUSTERS: u64 = 10;

/// Result of a minimum-detectable-effect calculation. `mde` is the absolute
/// difference (proportion points, or outcome units for means); `target` is
/// `baseline + mde` for proportions and `standardized` is `mde / sd` for means.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mde {
    pub method: Method,
    pub mde: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target: Option<f64>,
    /// Two-sided proportions: the smallest detectable decrease (negative) and
    /// its target proportion, when one is detectable.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub decrease: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_decrease: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standardized: Option<f64>,
    /// Arm-1 sample size left after removing design effect and attrition,
    /// i.e. the n the formula is solved for.
    pub n_effective: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub design_effect: Option<f64>,
    pub inputs: Inputs,
    pub formula: &'static str,
}

/// Recruitment period for [`trial_duration`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    Week,
}

impl Period {
    fn flag(self) -> &'static str {
        match self {
            Period::Day => "--per-day",
            Period::Week => "--per-week",
        }
    }
    fn days(self) -> u64 {
        match self {
            Period::Day => 1,
            Period::Week => 7,
        }
    }
}

/// Result of [`trial_duration`]. `periods` is whole periods (rounded up);
/// `days = periods * days_per_period` and `weeks = days / 7`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Duration {
    pub total: f64,
    pub per_period: f64,
    pub period: Period,
    pub periods: u64,
    pub days: u64,
    pub weeks: f64,
}

fn check_open_unit(flag: &'static str, x: f64) -> Result<f64, StatsError> {
    if x.is_finite() && x > 0.0 && x < 1.0 {
        Ok(x)
    } else {
        Err(StatsError::param(
            flag,
            crate::i18n::msg("stats.open_unit", &[("value", &x)]),
        ))
    }
}

fn check_positive(flag: &'static str, x: f64) -> Result<f64, StatsError> {
    if x.is_finite() && x > 0.0 {
        Ok(x)
    } else {
        Err(StatsError::param(
            flag,
            crate::i18n::msg("stats.positive", &[("value", &x)]),
        ))
    }
}

/// Validates alpha, power and ratio; returns `(z_a, z_b)`, with
/// `z_a = qnorm(1 - alpha / sides)`.
fn z_values(
    alpha: f64,
    power: f64,
    ratio: f64,
    alternative: Alternative,
) -> Result<(f64, f64), StatsError> {
    check_open_unit("--alpha", alpha)?;
    check_open_unit("--power", power)?;
    check_positive("--ratio", ratio)?;
    if power <= alpha {
        return Err(StatsError::Invalid(crate::i18n::msg(
            "stats.power_vs_alpha",
            &[("power", &power), ("alpha", &alpha)],
        )));
    }
    Ok((qnorm(1.0 - alpha / alternative.sides()), qnorm(power)))
}

/// Refuses an effect that points away from a one-sided alternative (no sample
/// size can give such a test its power).
fn check_direction(difference: f64, alternative: Alternative) -> Result<(), StatsError> {
    if alternative.oriented(difference) > 0.0 {
        Ok(())
    } else {
        Err(StatsError::Invalid(crate::i18n::msg(
            "stats.wrong_direction",
            &[
                ("alternative", &alternative.name()),
                ("difference", &difference),
            ],
        )))
    }
}

fn ceil_count(x: f64) -> u64 {
    (x - CEIL_SLACK).ceil().max(1.0) as u64
}

/// Applies the documented pipeline (design effect, attrition, rounding,
/// clusters) to the unrounded arm-1 n.
/// The test statistic's expected value (its noncentrality) with `n1`, `n2`
/// analysed per arm, for the cluster adjustment in [`finish`].
type Noncentrality<'a> = &'a dyn Fn(f64, f64) -> f64;

fn finish(
    method: Method,
    n_raw: f64,
    ratio: f64,
    design: &Design,
    inputs: Inputs,
    formula: &'static str,
    ncp: Noncentrality,
) -> Result<SampleSize, StatsError> {
    design.validate()?;
    let inflation = design.inflation();
    let adjusted = [n_raw * inflation, n_raw * ratio * inflation];
    // Guard against absurd designs (e.g. baseline and target 1e-12 apart)
    // before the float-to-integer conversion saturates.
    if !adjusted.iter().all(|n| n.is_finite() && *n < 1e15) {
        return Err(StatsError::Invalid(crate::i18n::msg(
            "stats.too_large",
            &[("n", &format!("{:.3e}", adjusted[0]))],
        )));
    }
    let mut warnings = Vec::new();
    let mut before_t = None;
    let (each, clusters) = match design.cluster {
        Some((m, _)) => {
            let first = adjusted.map(|n| ceil_count(n / m as f64));
            let c = t_adjusted_clusters(first, m, ratio, design, &inputs, ncp);
            if c != first {
                before_t = Some(first);
            }
            if c[0].min(c[1]) < FEW_CLUSTERS {
                warnings.push(crate::i18n::msg(
                    "stats.few_clusters",
                    &[("clusters", &c[0].min(c[1])), ("few", &FEW_CLUSTERS)],
                ));
            }
            (c.map(|c| c * m), Some(c))
        }
        None => (adjusted.map(ceil_count), None),
    };
    Ok(SampleSize {
        method,
        n_raw,
        n_per_arm: each[0],
        n_per_arm_each: each,
        n_total: each[0] + u64::from(design.comparisons()) * each[1],
        design_effect: design.design_effect(),
        clusters_per_arm: clusters,
        clusters_before_t: before_t,
        inputs,
        formula,
        warnings,
    })
}

/// Power of a cluster trial analysed at the cluster level: the normal
/// approximation's statistic `ncp` (at the effective sample) referred to a t
/// distribution with `clusters - 2` degrees of freedom, as Hayes & Moulton
/// (Cluster Randomised Trials, 2nd ed., 2017, §7.3) recommend in place of z.
fn cluster_t_power(clusters: f64, ncp: f64, alpha: f64, sides: f64) -> f64 {
    let df = clusters - 2.0;
    if df.is_nan() || df <= 0.0 {
        return 0.0;
    }
    pnt_upper(qt_upper(alpha / sides, df), df, ncp)
}

/// Adds whole clusters (keeping the ratio) until the t-based power of the
/// cluster-level analysis reaches the power asked for.
fn t_adjusted_clusters(
    first: [u64; 2],
    m: u64,
    ratio: f64,
    design: &Design,
    inputs: &Inputs,
    ncp: Noncentrality,
) -> [u64; 2] {
    let Some(target) = inputs.power else {
        return first;
    };
    let alpha = design.alpha_per_comparison(inputs.alpha);
    let shrink = design.inflation();
    let mut c = first;
    for _ in 0..100_000 {
        let n = c.map(|c| (c * m) as f64 / shrink);
        let power = cluster_t_power(
            (c[0] + c[1]) as f64,
            ncp(n[0], n[1]),
            alpha,
            design.alternative.sides(),
        );
        if power >= target {
            break;
        }
        c[0] += 1;
        c[1] = c[1].max(ceil_count(c[0] as f64 * ratio));
    }
    c
}

/// Fleiss, Tytun & Ury (1980): the n per control arm with the continuity
/// correction, `n' = n/4·(1 + √(1 + 2(r+1)/(r·n·|d|)))²`.
fn fleiss_corrected(n: f64, r: f64, d: f64) -> f64 {
    n / 4.0 * (1.0 + (1.0 + 2.0 * (r + 1.0) / (r * n * d.abs())).sqrt()).powi(2)
}

/// The inverse of [`fleiss_corrected`]: the uncorrected n that `n'` people
/// are worth, `(2n' - A)² / (4n')` with `A = (r+1)/(r·|d|)`; 0 when `2n' <= A`.
fn fleiss_uncorrected(n: f64, r: f64, d: f64) -> f64 {
    let a = (r + 1.0) / (r * d.abs());
    if 2.0 * n <= a {
        0.0
    } else {
        (2.0 * n - a).powi(2) / (4.0 * n)
    }
}

fn design_inputs(mut inputs: Inputs, design: &Design) -> Inputs {
    if let Some((m, icc)) = design.cluster {
        inputs.cluster_size = Some(m);
        inputs.icc = Some(icc);
    }
    inputs.attrition = design.attrition;
    inputs.continuity = design.continuity;
    inputs.cluster_cv = design.cluster_cv;
    if design.comparisons() > 1 {
        inputs.arms = Some(design.arms);
        inputs.alpha_per_comparison = Some(design.alpha_per_comparison(inputs.alpha));
    }
    inputs
}

/// Unrounded arm-1 n for two proportions (no validation).
fn n_proportions(p1: f64, p2: f64, za: f64, zb: f64, r: f64) -> f64 {
    let pbar = (p1 + r * p2) / (1.0 + r);
    let null_sd = (pbar * (1.0 - pbar) * (1.0 + 1.0 / r)).sqrt();
    let alt_sd = (p1 * (1.0 - p1) + p2 * (1.0 - p2) / r).sqrt();
    let d = p2 - p1;
    (za * null_sd + zb * alt_sd).powi(2) / (d * d)
}

/// Power of the two-sample t-test (pooled variance, df = n1 + n2 - 2) with `n1`
/// and `n2` people per arm for a standardised effect `effect = δ/σ`, oriented
/// by the alternative (see [`Alternative::oriented`]). As R's `power.t.test`
/// (`strict = FALSE`), a two-sided test counts only the tail in the direction
/// of the effect: the other tail adds less than α/2 and R leaves it out too, so
/// that the sample sizes agree. `NaN` when `n1 + n2 <= 2`.
pub fn t_test_power(n1: f64, n2: f64, effect: f64, alpha: f64, sides: f64) -> f64 {
    let df = n1 + n2 - 2.0;
    if !(df > 0.0 && n1 > 0.0 && n2 > 0.0) {
        return f64::NAN;
    }
    let ncp = effect / (1.0 / n1 + 1.0 / n2).sqrt();
    pnt_upper(qt_upper(alpha / sides, df), df, ncp)
}

/// The first `x` in `(lo, ∞)` where the increasing function `f` reaches
/// `target`, by doubling then bisection (to about 1e-12 relative). `None` when
/// no `x` below 1e15 does.
fn solve_increasing(lo: f64, start: f64, target: f64, f: impl Fn(f64) -> f64) -> Option<f64> {
    let mut lo = lo;
    let mut hi = start.max(lo * 2.0).max(1e-6);
    while f(hi).partial_cmp(&target).is_none_or(|o| o.is_lt()) {
        lo = hi;
        hi *= 2.0;
        if hi > 1e15 {
            return None;
        }
    }
    for _ in 0..200 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi || hi - lo <= 1e-12 * hi {
            break;
        }
        if f(mid) >= target {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    Some(hi)
}

/// Unrounded arm-1 n for two means: the n1 at which the t-test with
/// `n2 = r·n1` reaches `power` (`effect` standardised and oriented, > 0).
fn n_means(effect: f64, alpha: f64, power: f64, r: f64, sides: f64) -> Option<f64> {
    let za = qnorm(1.0 - alpha / sides);
    let zb = qnorm(power);
    let normal = (1.0 + 1.0 / r) * (za + zb).powi(2) / (effect * effect);
    // df = n1·(1 + r) - 2 must stay above 0.
    let lo = 2.0 / (1.0 + r);
    solve_increasing(lo, normal.max(lo * 1.5), power, |n1| {
        t_test_power(n1, r * n1, effect, alpha, sides)
    })
}

/// Turns `--baseline` and `--mde` (absolute difference) into the target
/// proportion, refusing differences that leave (0, 1).
pub fn target_from_mde(baseline: f64, mde: f64) -> Result<f64, StatsError> {
    check_open_unit("--baseline", baseline)?;
    if !mde.is_finite() || mde == 0.0 {
        return Err(StatsError::param(
            "--mde",
            crate::i18n::msg("stats.nonzero", &[("value", &mde)]),
        ));
    }
    let target = baseline + mde;
    if target > 0.0 && target < 1.0 {
        Ok(target)
    } else {
        Err(StatsError::param(
            "--mde",
            crate::i18n::msg(
                "stats.mde_out_of_range",
                &[("mde", &mde), ("target", &target), ("baseline", &baseline)],
            ),
        ))
    }
}

/// Sample size to compare two proportions `p1` (baseline, arm 1) and `p2`
/// (target, arm 2) with a two-sided test. See [`PROPORTIONS_FORMULA`] and the
/// module docs for the adjustment pipeline.
pub fn sample_size_proportions(
    p1: f64,
    p2: f64,
    alpha: f64,
    power: f64,
    ratio: f64,
    design: &Design,
) -> Result<SampleSize, StatsError> {
    check_open_unit("--baseline", p1)?;
    check_open_unit("--target", p2)?;
    if p1 == p2 {
        return Err(StatsError::Invalid(crate::i18n::msg(
            "stats.must_differ",
            &[("value", &p1)],
        )));
    }
    check_open_unit("--alpha", alpha)?;
    let alpha_c = design.alpha_per_comparison(alpha);
    let (za, zb) = z_values(alpha_c, power, ratio, design.alternative)?;
    check_direction(p2 - p1, design.alternative)?;
    let mut n_raw = n_proportions(p1, p2, za, zb, ratio);
    if design.continuity {
        n_raw = fleiss_corrected(n_raw, ratio, p2 - p1);
    }
    let alt = design.alternative;
    let inputs = Inputs {
        baseline: Some(p1),
        target: Some(p2),
        alpha,
        power: Some(power),
        ratio,
        alternative: design.alternative,
        ..Inputs::default()
    };
    finish(
        Method::Proportions,
        n_raw,
        ratio,
        design,
        design_inputs(inputs, design),
        PROPORTIONS_FORMULA,
        &|n1, n2| proportions_ncp(n1, n2, p1, p2, alpha_c, alt),
    )
}

/// Sample size to detect a difference `delta` (treatment minus control) in
/// means with common standard deviation `sd`: the smallest n1 at which the
/// two-sample t-test reaches `power` (see [`MEANS_FORMULA`]). At ratio 1 this is
/// R's `power.t.test` rounded up.
pub fn sample_size_means(
    sd: f64,
    delta: f64,
    alpha: f64,
    power: f64,
    ratio: f64,
    design: &Design,
) -> Result<SampleSize, StatsError> {
    check_positive("--sd", sd)?;
    if !delta.is_finite() || delta == 0.0 {
        return Err(StatsError::param(
            "--delta",
            crate::i18n::msg("stats.nonzero", &[("value", &delta)]),
        ));
    }
    check_open_unit("--alpha", alpha)?;
    means_without_continuity(design)?;
    let alpha_c = design.alpha_per_comparison(alpha);
    z_values(alpha_c, power, ratio, design.alternative)?;
    check_direction(delta, design.alternative)?;
    let effect = design.alternative.oriented(delta) / sd;
    let n_raw =
        n_means(effect, alpha_c, power, ratio, design.alternative.sides()).ok_or_else(|| {
            StatsError::Invalid(crate::i18n::msg("stats.too_large", &[("n", &"1e15")]))
        })?;
    let inputs = Inputs {
        sd: Some(sd),
        delta: Some(delta),
        alpha,
        power: Some(power),
        ratio,
        alternative: design.alternative,
        ..Inputs::default()
    };
    finish(
        Method::Means,
        n_raw,
        ratio,
        design,
        design_inputs(inputs, design),
        MEANS_FORMULA,
        &|n1, n2| effect / (1.0 / n1 + 1.0 / n2).sqrt(),
    )
}

/// `--continuity` is for proportions only.
fn means_without_continuity(design: &Design) -> Result<(), StatsError> {
    if design.continuity {
        Err(StatsError::Invalid(crate::i18n::msg(
            "stats.continuity_proportions",
            &[],
        )))
    } else {
        Ok(())
    }
}

/// The proportions test's statistic for the cluster t adjustment: the `λ` with
/// `Φ(λ - z_a)` equal to the normal approximation's power at `n1`, `n2` (pooled
/// variance under H0, unpooled under H1), so that with many clusters the t
/// version gives back the normal answer exactly.
fn proportions_ncp(n1: f64, n2: f64, p1: f64, p2: f64, alpha: f64, alt: Alternative) -> f64 {
    let za = qnorm(1.0 - alpha / alt.sides());
    let r = n2 / n1;
    let pbar = (p1 + r * p2) / (1.0 + r);
    let null_sd = (pbar * (1.0 - pbar) * (1.0 + 1.0 / r)).sqrt();
    let alt_sd = (p1 * (1.0 - p1) + p2 * (1.0 - p2) / r).sqrt();
    (n1.sqrt() * alt.oriented(p2 - p1) - za * null_sd) / alt_sd + za
}

/// Power of the means comparison (t-test) with `n1` and `n2` analysed per arm.
pub fn power_means(n1: f64, n2: f64, sd: f64, delta: f64, alpha: f64, alt: Alternative) -> f64 {
    t_test_power(n1, n2, alt.oriented(delta) / sd, alpha, alt.sides())
}

/// Power of the proportions test at arm sizes `n1`, `n2` under the normal
/// approximation that [`sample_size_proportions`] inverts (R's
/// `power.prop.test` when `n1 = n2`). An effect pointing away from a one-sided
/// alternative gets a power below α.
pub fn power_proportions(n1: f64, n2: f64, p1: f64, p2: f64, alpha: f64, alt: Alternative) -> f64 {
    let za = qnorm(1.0 - alpha / alt.sides());
    let r = n2 / n1;
    let pbar = (p1 + r * p2) / (1.0 + r);
    let null_sd = (pbar * (1.0 - pbar) * (1.0 + 1.0 / r)).sqrt();
    let alt_sd = (p1 * (1.0 - p1) + p2 * (1.0 - p2) / r).sqrt();
    pnorm((n1.sqrt() * alt.oriented(p2 - p1) - za * null_sd) / alt_sd)
}

/// Validates `--per-arm` and returns the arm-1 n the formula must deliver once
/// the design effect and attrition are taken out.
fn effective_n(n_per_arm: u64, design: &Design) -> Result<f64, StatsError> {
    if n_per_arm == 0 {
        return Err(StatsError::param(
            "--per-arm",
            crate::i18n::msg("stats.at_least_one", &[]),
        ));
    }
    design.validate()?;
    Ok(n_per_arm as f64 / design.inflation())
}

/// The target nearest to `p1` (above it when `up`, else below) that needs no
/// more than `n_eff` in arm 1, by bisection; `None` when even a target at the
/// edge (1 or 0) needs more. The n needed falls as the target moves away from
/// `p1`, so the edge is the best case.
fn search_target(p1: f64, enough: impl Fn(f64) -> bool, up: bool) -> Option<f64> {
    let mut far = if up { 1.0 - 1e-12 } else { 1e-12 };
    if !enough(far) {
        return None;
    }
    let mut near = p1;
    for _ in 0..200 {
        let mid = 0.5 * (near + far);
        if mid == near || mid == far {
            break;
        }
        if enough(mid) {
            far = mid;
        } else {
            near = mid;
        }
    }
    // `far` is the nearest target known to need no more than n_eff.
    Some(far)
}

/// Smallest change from `p1` detectable with `n_per_arm` participants in arm 1
/// (arm 2 gets `ratio` times as many): an increase for a two-sided or
/// `greater` test, a decrease (negative `mde`) for `less`. A two-sided result
/// also gives the smallest detectable decrease (`decrease`), which differs
/// from the increase because the variance of a proportion depends on it.
/// Solved by bisection on the target so that it is exactly consistent with
/// [`sample_size_proportions`].
pub fn mde_proportions(
    n_per_arm: u64,
    p1: f64,
    alpha: f64,
    power: f64,
    ratio: f64,
    design: &Design,
) -> Result<Mde, StatsError> {
    check_open_unit("--baseline", p1)?;
    check_open_unit("--alpha", alpha)?;
    let (za, zb) = z_values(
        design.alpha_per_comparison(alpha),
        power,
        ratio,
        design.alternative,
    )?;
    let n_eff = effective_n(n_per_arm, design)?;
    let n_at = |p2: f64| {
        let n = n_proportions(p1, p2, za, zb, ratio);
        if design.continuity {
            fleiss_corrected(n, ratio, p2 - p1)
        } else {
            n
        }
    };
    let up = design.alternative != Alternative::Less;
    // A cluster design is judged by its t-based power on the clusters (as in
    // the sample size); otherwise by the n the formula needs.
    let planned = [n_per_arm as f64, ratio * n_per_arm as f64];
    let enough = |p2: f64| match design.cluster {
        Some(_) => Effect::Proportions { p1, p2 }.power(planned, alpha, design) >= power,
        None => n_at(p2) <= n_eff,
    };
    let target = search_target(p1, enough, up).ok_or_else(|| {
        let edge = if up { 1.0 - 1e-12 } else { 1e-12 };
        StatsError::Invalid(crate::i18n::msg(
            if up {
                "stats.no_mde"
            } else {
                "stats.no_mde_decrease"
            },
            &[
                ("baseline", &p1),
                ("per_arm", &n_per_arm),
                ("need", &format!("{:.1}", n_at(edge))),
            ],
        ))
    })?;
    let decrease = if design.alternative == Alternative::TwoSided {
        search_target(p1, enough, false)
    } else {
        None
    };
    let inputs = Inputs {
        baseline: Some(p1),
        per_arm: Some(n_per_arm),
        alpha,
        power: Some(power),
        ratio,
        alternative: design.alternative,
        ..Inputs::default()
    };
    Ok(Mde {
        method: Method::Proportions,
        mde: target - p1,
        target: Some(target),
        decrease: decrease.map(|t| t - p1),
        target_decrease: decrease,
        standardized: None,
        n_effective: n_eff,
        design_effect: design.design_effect(),
        inputs: design_inputs(inputs, design),
        formula: PROPORTIONS_FORMULA,
    })
}

/// Smallest difference in means detectable with `n_per_arm` in arm 1 (arm 2
/// gets `ratio` times as many): the standardised effect at which the t-test
/// reaches `power`, by bisection, so that it inverts [`sample_size_means`].
/// Negative for `--alternative less`; for a two-sided test the same size
/// either way.
pub fn mde_means(
    n_per_arm: u64,
    sd: f64,
    alpha: f64,
    power: f64,
    ratio: f64,
    design: &Design,
) -> Result<Mde, StatsError> {
    check_positive("--sd", sd)?;
    check_open_unit("--alpha", alpha)?;
    means_without_continuity(design)?;
    let alpha_c = design.alpha_per_comparison(alpha);
    z_values(alpha_c, power, ratio, design.alternative)?;
    let n_eff = effective_n(n_per_arm, design)?;
    let sides = design.alternative.sides();
    if n_eff * (1.0 + ratio) <= 2.0 {
        return Err(StatsError::param(
            "--per-arm",
            crate::i18n::msg("stats.per_arm_too_small", &[("n", &n_per_arm)]),
        ));
    }
    let planned = [n_per_arm as f64, ratio * n_per_arm as f64];
    let effect = solve_increasing(0.0, 1.0, power, |e| match design.cluster {
        Some(_) => {
            let delta = design.alternative.oriented(e);
            Effect::Means { sd: 1.0, delta }.power(planned, alpha, design)
        }
        None => t_test_power(n_eff, ratio * n_eff, e, alpha_c, sides),
    })
    .ok_or_else(|| {
        StatsError::param(
            "--per-arm",
            crate::i18n::msg("stats.per_arm_too_small", &[("n", &n_per_arm)]),
        )
    })?;
    let delta = match design.alternative {
        Alternative::Less => -effect * sd,
        _ => effect * sd,
    };
    let inputs = Inputs {
        sd: Some(sd),
        per_arm: Some(n_per_arm),
        alpha,
        power: Some(power),
        ratio,
        alternative: design.alternative,
        ..Inputs::default()
    };
    Ok(Mde {
        method: Method::Means,
        mde: delta,
        target: None,
        decrease: None,
        target_decrease: None,
        standardized: Some(delta / sd),
        n_effective: n_eff,
        design_effect: design.design_effect(),
        inputs: design_inputs(inputs, design),
        formula: MEANS_FORMULA,
    })
}

/// The effect a power calculation is for.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Effect {
    /// Control proportion `p1`, treatment proportion `p2`.
    Proportions { p1: f64, p2: f64 },
    /// Standard deviation and difference in means (treatment minus control).
    Means { sd: f64, delta: f64 },
}

impl Effect {
    fn method(self) -> Method {
        match self {
            Effect::Proportions { .. } => Method::Proportions,
            Effect::Means { .. } => Method::Means,
        }
    }

    fn validate(self) -> Result<(), StatsError> {
        match self {
            Effect::Proportions { p1, p2 } => {
                check_open_unit("--baseline", p1)?;
                check_open_unit("--target", p2)?;
            }
            Effect::Means { sd, delta } => {
                check_positive("--sd", sd)?;
                if !delta.is_finite() {
                    return Err(StatsError::param(
                        "--delta",
                        crate::i18n::msg("stats.nonzero", &[("value", &delta)]),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Power with `planned` people per arm (each comparison at Bonferroni's
    /// α): the effective sample is what is left after the design effect and
    /// attrition; a cluster design is analysed with a t on its clusters.
    fn power(self, planned: [f64; 2], alpha: f64, design: &Design) -> f64 {
        let alt = design.alternative;
        let alpha = design.alpha_per_comparison(alpha);
        let mut n = planned.map(|n| n / design.inflation());
        if let (true, Effect::Proportions { p1, p2 }) = (design.continuity, self) {
            let r = n[1] / n[0];
            let n1 = fleiss_uncorrected(n[0], r, p2 - p1);
            n = [n1, n1 * r];
        }
        if let Some((m, _)) = design.cluster {
            if !(n[0] > 0.0 && n[1] > 0.0) {
                return 0.0;
            }
            let ncp = match self {
                Effect::Proportions { p1, p2 } => proportions_ncp(n[0], n[1], p1, p2, alpha, alt),
                Effect::Means { sd, delta } => {
                    alt.oriented(delta) / sd / (1.0 / n[0] + 1.0 / n[1]).sqrt()
                }
            };
            let clusters = (planned[0] + planned[1]) / m as f64;
            return cluster_t_power(clusters, ncp, alpha, alt.sides());
        }
        match self {
            Effect::Proportions { p1, p2 } => {
                if n[0] > 0.0 {
                    power_proportions(n[0], n[1], p1, p2, alpha, alt)
                } else {
                    0.0
                }
            }
            Effect::Means { sd, delta } => power_means(n[0], n[1], sd, delta, alpha, alt),
        }
    }

    /// The difference treatment minus control, in the outcome's units.
    fn difference(self) -> f64 {
        match self {
            Effect::Proportions { p1, p2 } => p2 - p1,
            Effect::Means { delta, .. } => delta,
        }
    }

    /// The same effect with another difference.
    fn with_difference(self, d: f64) -> Self {
        match self {
            Effect::Proportions { p1, .. } => Effect::Proportions { p1, p2: p1 + d },
            Effect::Means { sd, .. } => Effect::Means { sd, delta: d },
        }
    }

    fn formula(self) -> &'static str {
        match self {
            Effect::Proportions { .. } => PROPORTIONS_FORMULA,
            Effect::Means { .. } => MEANS_FORMULA,
        }
    }
}

/// The sample a power calculation is for: `--per-arm N` (control arm; the
/// treatment arm gets `ratio·N`) or `--total N` (split `1 : ratio`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sample {
    PerArm(u64),
    Total(u64),
}

impl Sample {
    /// People per arm (control, treatment) as planned, before design effect
    /// and attrition; not rounded, so that `ratio` is kept exactly.
    fn arms(self, ratio: f64, comparisons: u32) -> [f64; 2] {
        match self {
            Sample::PerArm(n) => [n as f64, ratio * n as f64],
            Sample::Total(n) => {
                let n1 = n as f64 / (1.0 + f64::from(comparisons) * ratio);
                [n1, n1 * ratio]
            }
        }
    }
}

/// What varies along a power curve.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CurveOver {
    N,
    Effect,
}

/// One point of a power curve.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CurvePoint {
    /// People per arm (control, treatment) as planned.
    pub n_per_arm_each: [f64; 2],
    pub n_total: f64,
    /// The difference treatment minus control at this point.
    pub difference: f64,
    pub power: f64,
}

/// Result of [`power`]. JSON: `power` (0–1), the sample as planned
/// (`n_per_arm_each`, `n_total`), the sample analysed once the design effect
/// and attrition are taken out (`n_effective`), and `curve` when asked for.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Power {
    pub method: Method,
    pub power: f64,
    pub n_per_arm_each: [f64; 2],
    pub n_total: f64,
    pub n_effective: [f64; 2],
    #[serde(skip_serializing_if = "Option::is_none")]
    pub design_effect: Option<f64>,
    pub inputs: Inputs,
    pub formula: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub curve: Option<Vec<CurvePoint>>,
}

/// The power of a trial of `sample` people to detect `effect` with a test at
/// level `alpha` (see [`Alternative`] for one-sided tests): the same maths the
/// sample-size calculations invert.
pub fn power(
    effect: Effect,
    sample: Sample,
    alpha: f64,
    ratio: f64,
    design: &Design,
) -> Result<Power, StatsError> {
    effect.validate()?;
    check_open_unit("--alpha", alpha)?;
    check_positive("--ratio", ratio)?;
    design.validate()?;
    let (flag, n) = match sample {
        Sample::PerArm(n) => ("--per-arm", n),
        Sample::Total(n) => ("--total", n),
    };
    if n == 0 {
        return Err(StatsError::param(
            flag,
            crate::i18n::msg("stats.at_least_one", &[]),
        ));
    }
    if let Effect::Means { .. } = effect {
        means_without_continuity(design)?;
    }
    let planned = sample.arms(ratio, design.comparisons());
    let effective = planned.map(|n| n / design.inflation());
    let value = effect.power(planned, alpha, design);
    if !value.is_finite() {
        return Err(StatsError::param(
            flag,
            crate::i18n::msg("stats.per_arm_too_small", &[("n", &n)]),
        ));
    }
    let (per_arm, total) = match sample {
        Sample::PerArm(n) => (Some(n), None),
        Sample::Total(n) => (None, Some(n)),
    };
    let mut inputs = Inputs {
        per_arm,
        total,
        alpha,
        ratio,
        alternative: design.alternative,
        ..Inputs::default()
    };
    match effect {
        Effect::Proportions { p1, p2 } => {
            inputs.baseline = Some(p1);
            inputs.target = Some(p2);
        }
        Effect::Means { sd, delta } => {
            inputs.sd = Some(sd);
            inputs.delta = Some(delta);
        }
    }
    Ok(Power {
        method: effect.method(),
        power: value,
        n_per_arm_each: planned,
        n_total: planned[0] + f64::from(design.comparisons()) * planned[1],
        n_effective: effective,
        design_effect: design.design_effect(),
        inputs: design_inputs(inputs, design),
        formula: effect.formula(),
        curve: None,
    })
}

/// Power at `points` values spread evenly from near zero up to twice the
/// sample size (`CurveOver::N`, whole people in the control arm, at least 2
/// in all) or twice the effect (`CurveOver::Effect`; targets outside 0–1 are
/// left out). Points where the test cannot be computed are left out.
pub fn power_curve(
    effect: Effect,
    sample: Sample,
    alpha: f64,
    ratio: f64,
    design: &Design,
    over: CurveOver,
    points: u64,
) -> Result<Vec<CurvePoint>, StatsError> {
    if !(2..=10_000).contains(&points) {
        return Err(StatsError::param(
            "--points",
            crate::i18n::msg("stats.points_range", &[("value", &points)]),
        ));
    }
    let base = power(effect, sample, alpha, ratio, design)?;
    let mut curve = Vec::with_capacity(points as usize);
    let mut last_n1 = 0.0;
    for i in 1..=points {
        let share = 2.0 * i as f64 / points as f64;
        let (planned, e) = match over {
            CurveOver::N => {
                let n1 = (base.n_per_arm_each[0] * share).round();
                if n1 <= last_n1 {
                    continue;
                }
                last_n1 = n1;
                ([n1, n1 * ratio], effect)
            }
            CurveOver::Effect => (
                base.n_per_arm_each,
                effect.with_difference(effect.difference() * share),
            ),
        };
        if e.validate().is_err() {
            continue;
        }
        let value = e.power(planned, alpha, design);
        if value.is_finite() {
            curve.push(CurvePoint {
                n_per_arm_each: planned,
                n_total: planned[0] + f64::from(design.comparisons()) * planned[1],
                difference: e.difference(),
                power: value,
            });
        }
    }
    Ok(curve)
}

/// Whole recruitment periods needed to enrol `total` participants when
/// `per_period` become eligible each day or week.
pub fn trial_duration(total: f64, per_period: f64, period: Period) -> Result<Duration, StatsError> {
    check_positive("--total", total)?;
    check_positive(period.flag(), per_period)?;
    let periods_f = total / per_period;
    if periods_f.is_nan() || periods_f >= 1e12 {
        return Err(StatsError::Invalid(crate::i18n::msg(
            "stats.duration_too_long",
            &[("total", &total), ("per_period", &per_period)],
        )));
    }
    let periods = ceil_count(periods_f);
    let days = periods * period.days();
    Ok(Duration {
        total,
        per_period,
        period,
        periods,
        days,
        weeks: days as f64 / 7.0,
    })
}

/// The thousands and decimal separators of the language `lang` names: English's unless it is
/// Portuguese or an added language with its own (`number-group`, `number-decimal` in its file).
fn separators(lang: &str) -> (char, char) {
    match crate::lang::Lang::parse(lang) {
        Some(crate::lang::Lang::En) | None => (',', '.'),
        Some(crate::lang::Lang::Pt) => ('\u{a0}', ','),
        Some(other) => {
            let point = if crate::clock::decimal_of(other) == "," {
                ','
            } else {
                '.'
            };
            (crate::clock::group_of(other), point)
        }
    }
}

/// Formats `x` with `decimals` decimal places and thousands separators:
/// `"en"` gives `1,234.56`; `"pt"` (any `pt-*`) gives `1 234,56` with a
/// non-breaking space (U+00A0) so numbers never wrap across lines; an added
/// language uses the separators its messages give. Unknown languages fall back
/// to English.
pub fn format_number(x: f64, decimals: usize, lang: &str) -> String {
    if !x.is_finite() {
        return if x.is_nan() {
            "NaN".into()
        } else if x > 0.0 {
            "∞".into()
        } else {
            "-∞".into()
        };
    }
    let (group, point) = separators(lang);
    let plain = format!("{:.*}", decimals, x.abs());
    let (int_part, frac_part) = match plain.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (plain.as_str(), None),
    };
    let mut out = String::with_capacity(plain.len() + plain.len() / 3 + 2);
    // Rounding can turn -0.001 into "0.00"; a minus sign on zero is noise.
    if x < 0.0 && plain.bytes().any(|b| b.is_ascii_digit() && b != b'0') {
        out.push('-');
    }
    let digits = int_part.len();
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(ch);
    }
    if let Some(f) = frac_part {
        out.push(point);
        out.push_str(f);
    }
    out
}

/// Up to `max_decimals` decimals, with trailing zeros dropped (for inputs
/// such as 0.05 that should not be shown as 0.0500).
fn format_short(x: f64, max_decimals: usize, lang: &str) -> String {
    let s = format_number(x, max_decimals, lang);
    let (_, point) = separators(lang);
    if s.contains(point) {
        s.trim_end_matches('0').trim_end_matches(point).to_string()
    } else {
        s
    }
}

fn percent(x: f64, lang: &str) -> String {
    let n = format_short(x * 100.0, 2, lang);
    // Where the decimal separator is a comma, the sign stands apart (`12,5 %`).
    if separators(lang).1 == ',' {
        format!("{n}\u{a0}%")
    } else {
        format!("{n}%")
    }
}

fn count(x: u64, lang: &str) -> String {
    format_number(x as f64, 0, lang)
}

/// Localised labels, so each summary is written once for both languages.
struct Words {
    lang: crate::lang::Lang,
}

impl Words {
    /// The words of the summaries are the `stats-summary-*` messages of the Fluent files.
    fn new(lang: &str) -> Words {
        Words {
            lang: crate::lang::Lang::parse(lang).unwrap_or_default(),
        }
    }

    fn t(&self, key: &'static str) -> &'static str {
        crate::i18n::t(self.lang, key)
    }
}

fn push_common(
    lines: &mut Vec<String>,
    w: &Words,
    inputs: &Inputs,
    design_effect: Option<f64>,
    lang: &str,
) {
    let sided = match inputs.alternative {
        Alternative::TwoSided => w.t("stats.summary.significance_level_two_sided"),
        Alternative::Greater => w.t("stats.summary.significance_level_one_sided_treatment_g"),
        Alternative::Less => w.t("stats.summary.significance_level_one_sided_treatment_l"),
    };
    lines.push(format!(
        "  {}: {}",
        sided,
        format_short(inputs.alpha, 4, lang)
    ));
    if let Some(power) = inputs.power {
        lines.push(format!(
            "  {}: {}",
            w.t("stats.summary.power"),
            format_short(power, 4, lang)
        ));
    }
    lines.push(format!(
        "  {}: {}",
        w.t("stats.summary.allocation_ratio_treatment_control"),
        format_short(inputs.ratio, 4, lang)
    ));
    if let (Some(deff), Some(m), Some(icc)) = (design_effect, inputs.cluster_size, inputs.icc) {
        lines.push(format!(
            "  {}: {} ({} {}, {} {})",
            w.t("stats.summary.design_effect"),
            format_short(deff, 4, lang),
            w.t("stats.summary.cluster_size"),
            count(m, lang),
            w.t("stats.summary.icc"),
            format_short(icc, 4, lang)
        ));
    }
    if let Some(cv) = inputs.cluster_cv {
        lines.push(format!(
            "  {}: {}",
            w.t("stats.summary.coefficient_of_variation_of_cluster_size"),
            format_short(cv, 4, lang)
        ));
    }
    if let Some(f) = inputs.attrition {
        lines.push(format!(
            "  {}: {}",
            w.t("stats.summary.attrition_rate"),
            percent(f, lang)
        ));
    }
    if let (Some(k), Some(a)) = (inputs.arms, inputs.alpha_per_comparison) {
        lines.push(format!(
            "  {}: {} ({} {})",
            w.t("stats.summary.arms"),
            k,
            w.t("stats.summary.each_treatment_arm_against_the_control_b"),
            format_short(a, 6, lang)
        ));
    }
    if inputs.continuity {
        lines.push(format!(
            "  {}",
            w.t("stats.summary.with_fleiss_s_continuity_correction")
        ));
    }
}

fn push_outcome_inputs(lines: &mut Vec<String>, w: &Words, inputs: &Inputs, lang: &str) {
    if let Some(p1) = inputs.baseline {
        lines.push(format!(
            "  {}: {}",
            w.t("stats.summary.baseline_proportion_control"),
            format_short(p1, 4, lang)
        ));
    }
    if let (Some(p1), Some(p2)) = (inputs.baseline, inputs.target) {
        lines.push(format!(
            "  {}: {} ({} {})",
            w.t("stats.summary.target_proportion_treatment"),
            format_short(p2, 4, lang),
            w.t("stats.summary.difference"),
            format_short(p2 - p1, 4, lang)
        ));
    }
    if let Some(sd) = inputs.sd {
        lines.push(format!(
            "  {}: {}",
            w.t("stats.summary.standard_deviation"),
            format_short(sd, 4, lang)
        ));
    }
    if let Some(delta) = inputs.delta {
        lines.push(format!(
            "  {}: {}",
            w.t("stats.summary.difference_in_means_to_detect"),
            format_short(delta, 4, lang)
        ));
    }
    if let Some(n) = inputs.per_arm {
        lines.push(format!(
            "  {}: {}",
            w.t("stats.summary.sample_size_per_arm_control"),
            count(n, lang)
        ));
    }
}

fn push_formula(lines: &mut Vec<String>, w: &Words, method: Method, formula: &str) {
    let note = match method {
        Method::Proportions => w.t("stats.summary.normal_approximation_pooled_variance_und"),
        Method::Means => w.t("stats.summary.exact_t_test_power_noncentral_t_as_r_s_p"),
    };
    lines.push(format!("{}: {formula}", w.t("stats.summary.formula")));
    lines.push(format!("  ({note})"));
}

fn method_title(w: &Words, method: Method) -> &str {
    match method {
        Method::Proportions => w.t("stats.summary.comparison_of_two_proportions"),
        Method::Means => w.t("stats.summary.comparison_of_two_means"),
    }
}

/// Multi-line, human-readable summary of a sample-size result in English
/// (`"en"`) or European Portuguese (`"pt"`).
pub fn summary(ss: &SampleSize, lang: &str) -> String {
    let w = Words::new(lang);
    let mut lines = vec![format!(
        "{} — {}",
        w.t("stats.summary.sample_size"),
        method_title(&w, ss.method)
    )];
    push_outcome_inputs(&mut lines, &w, &ss.inputs, lang);
    push_common(&mut lines, &w, &ss.inputs, ss.design_effect, lang);
    push_formula(&mut lines, &w, ss.method, ss.formula);
    lines.push(format!(
        "{}: {}",
        w.t("stats.summary.unrounded_n_control_arm_before_adjustmen"),
        format_number(ss.n_raw, 2, lang)
    ));
    let [n1, n2] = ss.n_per_arm_each;
    let per_arm = if n1 == n2 {
        format!("{} {}", count(n1, lang), w.t("stats.summary.per_arm"))
    } else {
        format!(
            "{} {} / {} {}",
            count(n1, lang),
            w.t("stats.summary.control"),
            count(n2, lang),
            w.t("stats.summary.treatment")
        )
    };
    lines.push(format!(
        "{}: {}, {} {}",
        w.t("stats.summary.result"),
        per_arm,
        count(ss.n_total, lang),
        w.t("stats.summary.in_total")
    ));
    if let Some([c1, c2]) = ss.clusters_per_arm {
        let clusters = if c1 == c2 {
            format!("{} {}", count(c1, lang), w.t("stats.summary.per_arm"))
        } else {
            format!(
                "{} {} / {} {}",
                count(c1, lang),
                w.t("stats.summary.control"),
                count(c2, lang),
                w.t("stats.summary.treatment")
            )
        };
        lines.push(format!("{}: {}", w.t("stats.summary.clusters"), clusters));
    }
    if let Some([c1, c2]) = ss.clusters_before_t {
        lines.push(format!(
            "  ({} {} / {})",
            w.t("stats.summary.t_based_adjustment_for_few_clusters_the"),
            count(c1, lang),
            count(c2, lang)
        ));
    }
    for warning in &ss.warnings {
        lines.push(format!("{}: {warning}", w.t("stats.summary.warning")));
    }
    lines.join("\n")
}

/// Multi-line summary of a minimum-detectable-effect result.
pub fn mde_summary(m: &Mde, lang: &str) -> String {
    let w = Words::new(lang);
    let mut lines = vec![format!(
        "{} — {}",
        w.t("stats.summary.minimum_detectable_effect"),
        method_title(&w, m.method)
    )];
    push_outcome_inputs(&mut lines, &w, &m.inputs, lang);
    push_common(&mut lines, &w, &m.inputs, m.design_effect, lang);
    push_formula(&mut lines, &w, m.method, m.formula);
    match m.method {
        Method::Proportions => {
            let target = m
                .target
                .map(|t| format_short(t, 4, lang))
                .unwrap_or_default();
            lines.push(format!(
                "{}: {} ({} {}; {} {})",
                w.t("stats.summary.result"),
                format_short(m.mde, 4, lang),
                format_short(m.mde * 100.0, 2, lang),
                w.t("stats.summary.percentage_points"),
                w.t("stats.summary.target_proportion"),
                target
            ));
            if let (Some(d), Some(t)) = (m.decrease, m.target_decrease) {
                lines.push(format!(
                    "{}: {} ({} {}; {} {})",
                    w.t("stats.summary.as_a_decrease"),
                    format_short(d, 4, lang),
                    format_short(d * 100.0, 2, lang),
                    w.t("stats.summary.percentage_points"),
                    w.t("stats.summary.target_proportion"),
                    format_short(t, 4, lang)
                ));
            }
        }
        Method::Means => {
            let std = m
                .standardized
                .map(|d| format_short(d, 3, lang))
                .unwrap_or_default();
            lines.push(format!(
                "{}: {} ({} {})",
                w.t("stats.summary.result"),
                format_short(m.mde, 4, lang),
                w.t("stats.summary.standardised_effect_d"),
                std
            ));
        }
    }
    lines.join("\n")
}

/// Multi-line summary of a power result, with its curve as a table when it
/// has one.
pub fn power_summary(p: &Power, lang: &str) -> String {
    let w = Words::new(lang);
    let mut lines = vec![format!(
        "{} — {}",
        w.t("stats.summary.power"),
        method_title(&w, p.method)
    )];
    push_outcome_inputs(&mut lines, &w, &p.inputs, lang);
    if let Some(n) = p.inputs.total {
        lines.push(format!(
            "  {}: {}",
            w.t("stats.summary.total_sample_both_arms"),
            count(n, lang)
        ));
    }
    push_common(&mut lines, &w, &p.inputs, p.design_effect, lang);
    push_formula(&mut lines, &w, p.method, p.formula);
    let [n1, n2] = p.n_per_arm_each;
    let [e1, e2] = p.n_effective;
    lines.push(format!(
        "{}: {} {} / {} {}",
        w.t("stats.summary.sample"),
        format_short(n1, 1, lang),
        w.t("stats.summary.control"),
        format_short(n2, 1, lang),
        w.t("stats.summary.treatment"),
    ));
    if (e1 - n1).abs() > 1e-9 || (e2 - n2).abs() > 1e-9 {
        lines.push(format!(
            "{}: {} / {}",
            w.t("stats.summary.effective_sample_after_design_effect_and"),
            format_short(e1, 1, lang),
            format_short(e2, 1, lang),
        ));
    }
    lines.push(format!(
        "{}: {} {} ({})",
        w.t("stats.summary.result"),
        w.t("stats.summary.power_2"),
        format_number(p.power, 4, lang),
        percent((p.power * 1000.0).round() / 1000.0, lang)
    ));
    if let Some(curve) = &p.curve {
        lines.push(String::new());
        lines.push(format!(
            "{:>12}  {:>12}  {:>12}  {:>8}",
            w.t("stats.summary.control"),
            w.t("stats.summary.treatment"),
            w.t("stats.summary.difference"),
            w.t("stats.summary.power_2")
        ));
        for point in curve {
            lines.push(format!(
                "{:>12}  {:>12}  {:>12}  {:>8}",
                format_short(point.n_per_arm_each[0], 1, lang),
                format_short(point.n_per_arm_each[1], 1, lang),
                format_short(point.difference, 4, lang),
                format_number(point.power, 3, lang)
            ));
        }
    }
    lines.join("\n")
}

/// Multi-line summary of a recruitment-duration result.
pub fn duration_summary(d: &Duration, lang: &str) -> String {
    let w = Words::new(lang);
    let (unit_one, unit_many, per) = match d.period {
        Period::Day => (
            w.t("stats.summary.day"),
            w.t("stats.summary.days"),
            w.t("stats.summary.per_day"),
        ),
        Period::Week => (
            w.t("stats.summary.week"),
            w.t("stats.summary.weeks"),
            w.t("stats.summary.per_week"),
        ),
    };
    let unit = if d.periods == 1 { unit_one } else { unit_many };
    let mut lines = vec![w.t("stats.summary.recruitment_duration").to_string()];
    lines.push(format!(
        "  {}: {}",
        w.t("stats.summary.total_sample"),
        format_short(d.total, 2, lang)
    ));
    lines.push(format!(
        "  {}: {} {}",
        w.t("stats.summary.eligible_participants"),
        format_short(d.per_period, 2, lang),
        per
    ));
    // Give the other unit in brackets: days for weeks, weeks for days.
    let other = match d.period {
        Period::Week => format!(
            "{} {}",
            count(d.days, lang),
            if d.days == 1 {
                w.t("stats.summary.day")
            } else {
                w.t("stats.summary.days")
            }
        ),
        Period::Day => format!(
            "≈ {} {}",
            format_short(d.weeks, 1, lang),
            w.t("stats.summary.weeks")
        ),
    };
    lines.push(format!(
        "{}: {} {} ({other})",
        w.t("stats.summary.result"),
        count(d.periods, lang),
        unit
    ));
    lines.join("\n")
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    const NONE: Design = Design {
        cluster: None,
        attrition: None,
        alternative: Alternative::TwoSided,
        continuity: false,
        cluster_cv: None,
        arms: 2,
    };

    fn err_text(r: Result<impl std::fmt::Debug, StatsError>) -> String {
        match r {
            Ok(v) => panic!("expected an error, got {v:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn proportions_matches_power_prop_test() {
        // R: power.prop.test(p1 = .50, p2 = .75, power = .90) => n = 76.7 per group.
        let ss = sample_size_proportions(0.5, 0.75, 0.05, 0.9, 1.0, &NONE).unwrap();
        assert!((ss.n_raw - 76.7).abs() < 0.01, "{}", ss.n_raw);
        assert_eq!(ss.n_per_arm, 77);
        assert_eq!(ss.n_per_arm_each, [77, 77]);
        assert_eq!(ss.n_total, 154);
        // Direction does not matter for a two-sided test.
        let down = sample_size_proportions(0.75, 0.5, 0.05, 0.9, 1.0, &NONE).unwrap();
        assert!((down.n_raw - ss.n_raw).abs() < 1e-9);
    }

    #[test]
    fn proportions_closed_form_ratio_one() {
        let (p1, p2) = (0.2_f64, 0.3_f64);
        let za = qnorm(0.975);
        let zb = qnorm(0.8);
        let pbar = (p1 + p2) / 2.0;
        let want = (za * (2.0 * pbar * (1.0 - pbar)).sqrt()
            + zb * (p1 * (1.0 - p1) + p2 * (1.0 - p2)).sqrt())
        .powi(2)
            / (p1 - p2).powi(2);
        let ss = sample_size_proportions(p1, p2, 0.05, 0.8, 1.0, &NONE).unwrap();
        assert!((ss.n_raw - want).abs() < 1e-9);
        assert_eq!(ss.n_per_arm, 294); // R: power.prop.test(p1=.2,p2=.3,power=.8) n = 293.1
    }

    #[test]
    fn proportions_unequal_allocation_reaches_power() {
        for &(p1, p2, r) in &[(0.3, 0.4, 2.0), (0.1, 0.05, 0.5), (0.5, 0.6, 3.0)] {
            let ss = sample_size_proportions(p1, p2, 0.05, 0.8, r, &NONE).unwrap();
            let pw = power_proportions(ss.n_raw, r * ss.n_raw, p1, p2, 0.05, Alternative::TwoSided);
            assert!((pw - 0.8).abs() < 1e-9, "power at n_raw = {pw}");
            assert_eq!(
                ss.n_per_arm_each[1],
                (ss.n_raw * r - CEIL_SLACK).ceil() as u64
            );
        }
    }

    #[test]
    fn means_agree_with_power_t_test() {
        // R 4.x power.t.test(delta, sd, power) n per group, rounded up: (delta, sd, power, R's n)
        let cases = [
            (0.5, 1.0, 0.8, 63.765_610),
            (1.0, 1.0, 0.9, 22.021_098),
            (0.2, 1.0, 0.8, 393.405_693),
        ];
        for (delta, sd, power, r_n) in cases {
            let ss = sample_size_means(sd, delta, 0.05, power, 1.0, &NONE).unwrap();
            assert!((ss.n_raw - r_n).abs() < 1e-3, "{} vs R {r_n}", ss.n_raw);
            assert_eq!(ss.n_per_arm, f64::ceil(r_n) as u64, "delta {delta}");
        }
    }

    #[test]
    fn means_returned_n_is_the_smallest_with_enough_power() {
        for &sd in &[0.5, 1.0, 3.0] {
            for &delta in &[0.1, 0.35, 1.0, 2.5] {
                for &power in &[0.7, 0.8, 0.9, 0.95] {
                    for &r in &[1.0, 2.0] {
                        let ss = sample_size_means(sd, delta, 0.05, power, r, &NONE).unwrap();
                        let n = ss.n_per_arm as f64;
                        let at =
                            |n: f64| power_means(n, r * n, sd, delta, 0.05, Alternative::TwoSided);
                        assert!(at(n) >= power - 1e-12);
                        if n > 2.0 {
                            assert!(at(n - 1.0) < power);
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn proportions_returned_n_is_the_smallest_with_enough_power() {
        for &p1 in &[0.05, 0.2, 0.5, 0.8] {
            for &d in &[0.02, 0.05, 0.1] {
                for &power in &[0.8, 0.9] {
                    let ss = sample_size_proportions(p1, p1 + d, 0.05, power, 1.0, &NONE).unwrap();
                    let n = ss.n_per_arm as f64;
                    assert!(
                        power_proportions(n, n, p1, p1 + d, 0.05, Alternative::TwoSided)
                            >= power - 1e-12
                    );
                    assert!(
                        power_proportions(
                            n - 1.0,
                            n - 1.0,
                            p1,
                            p1 + d,
                            0.05,
                            Alternative::TwoSided
                        ) < power
                    );
                }
            }
        }
    }

    #[test]
    fn design_effect_then_attrition_then_round() {
        let design = Design::new(Some(10), Some(0.05), Some(0.1)).unwrap();
        let ss = sample_size_proportions(0.5, 0.75, 0.05, 0.9, 1.0, &design).unwrap();
        let deff = 1.0 + 9.0 * 0.05;
        assert_eq!(ss.design_effect, Some(deff));
        let inflated = ss.n_raw * deff / 0.9; // 123.6
        let clusters = (inflated / 10.0).ceil() as u64;
        // 13 clusters per arm from the normal approximation; the t on 24 df needs one more.
        assert_eq!(ss.clusters_before_t, Some([clusters, clusters]));
        let clusters = clusters + 1;
        assert_eq!(ss.clusters_per_arm, Some([clusters, clusters]));
        assert_eq!(ss.n_per_arm, clusters * 10);
        assert_eq!(ss.n_total, 2 * clusters * 10);
        assert!(ss.warnings.is_empty());

        // The issue's case: two clusters per arm from the normal approximation have a real
        // power near 0.5 for a target of 0.9; the t adjustment adds clusters until it is met.
        let few = Design::new(Some(100), Some(0.01), None).unwrap();
        let ss = sample_size_proportions(0.3, 0.5, 0.05, 0.9, 1.0, &few).unwrap();
        let [before, _] = ss.clusters_before_t.unwrap();
        let [after, _] = ss.clusters_per_arm.unwrap();
        assert!(after > before, "{before} -> {after}");
        let at = |c: u64| {
            power(
                Effect::Proportions { p1: 0.3, p2: 0.5 },
                Sample::PerArm(c * 100),
                0.05,
                1.0,
                &few,
            )
            .unwrap()
            .power
        };
        assert!(
            at(before) < 0.9 && at(after) >= 0.9,
            "{} {}",
            at(before),
            at(after)
        );
        assert_eq!(ss.warnings.len(), 1);

        let attr_only = Design::new(None, None, Some(0.2)).unwrap();
        let ss = sample_size_means(1.0, 0.5, 0.05, 0.8, 1.0, &attr_only).unwrap();
        assert_eq!(ss.n_per_arm, (ss.n_raw / 0.8).ceil() as u64);
        assert_eq!(ss.clusters_per_arm, None);
    }

    #[test]
    fn json_shape() {
        let ss = sample_size_proportions(0.5, 0.75, 0.05, 0.9, 1.0, &NONE).unwrap();
        let v = serde_json::to_value(&ss).unwrap();
        assert_eq!(v["method"], "proportions");
        assert_eq!(v["n_per_arm"], 77);
        assert_eq!(v["n_per_arm_each"], serde_json::json!([77, 77]));
        assert_eq!(v["n_total"], 154);
        assert!(v.get("clusters_per_arm").is_none());
        assert!(v.get("design_effect").is_none());
        assert_eq!(v["inputs"]["baseline"], 0.5);
        assert!(v["inputs"].get("sd").is_none());
        let design = Design::new(Some(20), Some(0.02), None).unwrap();
        let ss = sample_size_means(2.0, 1.0, 0.05, 0.8, 2.0, &design).unwrap();
        let v = serde_json::to_value(&ss).unwrap();
        assert_eq!(v["method"], "means");
        assert!(v["clusters_per_arm"].is_array());
        assert_eq!(v["inputs"]["cluster_size"], 20);
    }

    #[test]
    fn mde_target_flag() {
        assert!((target_from_mde(0.5, 0.25).unwrap() - 0.75).abs() < 1e-15);
        assert!((target_from_mde(0.5, -0.1).unwrap() - 0.4).abs() < 1e-15);
        assert_eq!(
            err_text(target_from_mde(0.5, 0.6)),
            "`--mde` of 0.6 takes the target proportion to 1.1, outside 0 and 1 (exclusive) for `--baseline` 0.5"
        );
        assert_eq!(
            err_text(target_from_mde(0.5, 0.0)),
            "`--mde` must be a non-zero difference, got 0"
        );
    }

    #[test]
    fn validation_messages() {
        assert_eq!(
            err_text(sample_size_proportions(1.2, 0.5, 0.05, 0.8, 1.0, &NONE)),
            "`--baseline` must be between 0 and 1 (exclusive), got 1.2"
        );
        assert_eq!(
            err_text(sample_size_proportions(0.5, 0.0, 0.05, 0.8, 1.0, &NONE)),
            "`--target` must be between 0 and 1 (exclusive), got 0"
        );
        assert_eq!(
            err_text(sample_size_proportions(0.5, 0.5, 0.05, 0.8, 1.0, &NONE)),
            "`--baseline` and `--target` must differ (both are 0.5)"
        );
        assert_eq!(
            err_text(sample_size_proportions(0.5, 0.6, 1.0, 0.8, 1.0, &NONE)),
            "`--alpha` must be between 0 and 1 (exclusive), got 1"
        );
        assert_eq!(
            err_text(sample_size_proportions(0.5, 0.6, 0.05, 1.5, 1.0, &NONE)),
            "`--power` must be between 0 and 1 (exclusive), got 1.5"
        );
        assert_eq!(
            err_text(sample_size_proportions(0.5, 0.6, 0.05, 0.04, 1.0, &NONE)),
            "`--power` (0.04) must be greater than `--alpha` (0.05)"
        );
        assert_eq!(
            err_text(sample_size_proportions(0.5, 0.6, 0.05, 0.8, 0.0, &NONE)),
            "`--ratio` must be greater than 0, got 0"
        );
        assert_eq!(
            err_text(sample_size_proportions(
                0.5,
                0.6,
                0.05,
                0.8,
                f64::NAN,
                &NONE
            )),
            "`--ratio` must be greater than 0, got NaN"
        );
        assert_eq!(
            err_text(sample_size_means(-1.0, 0.5, 0.05, 0.8, 1.0, &NONE)),
            "`--sd` must be greater than 0, got -1"
        );
        assert_eq!(
            err_text(sample_size_means(1.0, 0.0, 0.05, 0.8, 1.0, &NONE)),
            "`--delta` must be a non-zero difference, got 0"
        );
        assert_eq!(
            err_text(Design::new(Some(0), Some(0.1), None)),
            "`--cluster-size` must be at least 1, got 0"
        );
        assert_eq!(
            err_text(Design::new(Some(5), Some(1.5), None)),
            "`--icc` must be between 0 and 1 (inclusive), got 1.5"
        );
        assert_eq!(
            err_text(Design::new(None, Some(0.1), None)),
            "`--icc` requires `--cluster-size`"
        );
        assert_eq!(
            err_text(Design::new(Some(5), None, None)),
            "`--cluster-size` requires `--icc` (the intra-cluster correlation)"
        );
        assert_eq!(
            err_text(Design::new(None, None, Some(1.0))),
            "`--attrition` must be at least 0 and less than 1, got 1"
        );
        assert_eq!(
            err_text(mde_means(0, 1.0, 0.05, 0.8, 1.0, &NONE)),
            "`--per-arm` must be at least 1, got 0"
        );
        assert_eq!(
            err_text(trial_duration(0.0, 10.0, Period::Week)),
            "`--total` must be greater than 0, got 0"
        );
        assert_eq!(
            err_text(trial_duration(100.0, -3.0, Period::Day)),
            "`--per-day` must be greater than 0, got -3"
        );
        assert_eq!(
            err_text(trial_duration(100.0, 0.0, Period::Week)),
            "`--per-week` must be greater than 0, got 0"
        );
        assert!(
            err_text(sample_size_proportions(
                0.5,
                0.5 + 1e-9,
                0.05,
                0.8,
                1.0,
                &NONE
            ))
            .contains("too large")
        );
    }

    #[test]
    fn mde_round_trips_through_sample_size() {
        let designs = [
            NONE,
            Design::new(Some(12), Some(0.03), Some(0.15)).unwrap(),
            Design::new(None, None, Some(0.25)).unwrap(),
        ];
        for design in &designs {
            for &n in &[20_u64, 77, 150, 1000, 12_345] {
                // Under two clusters per arm nothing is detectable (a t with under 2 df).
                if design.cluster.is_some_and(|(m, _)| n < 3 * m) {
                    continue;
                }
                for &r in &[1.0, 2.0] {
                    let m = mde_means(n, 2.0, 0.05, 0.8, r, design).unwrap();
                    let back = sample_size_means(2.0, m.mde, 0.05, 0.8, r, design).unwrap();
                    let tol = design.cluster.map_or(1, |(c, _)| c);
                    assert!(
                        back.n_per_arm.abs_diff(n) <= tol,
                        "means n={n}: back {}",
                        back.n_per_arm
                    );
                    for &p1 in &[0.1, 0.5] {
                        let m = mde_proportions(n, p1, 0.05, 0.8, r, design).unwrap();
                        let p2 = m.target.unwrap();
                        assert!((p2 - p1 - m.mde).abs() < 1e-12);
                        let back = sample_size_proportions(p1, p2, 0.05, 0.8, r, design).unwrap();
                        assert!(
                            back.n_per_arm.abs_diff(n) <= tol,
                            "props n={n} p1={p1}: back {}",
                            back.n_per_arm
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn mde_not_achievable() {
        let e = err_text(mde_proportions(3, 0.9, 0.05, 0.9, 1.0, &NONE));
        assert!(
            e.starts_with("no increase over `--baseline` 0.9 is detectable with `--per-arm` 3"),
            "{e}"
        );
        let half = Design::new(None, None, Some(0.5)).unwrap();
        let e = err_text(mde_means(1, 1.0, 0.05, 0.8, 1.0, &half));
        assert_eq!(
            e,
            "`--per-arm` of 1 is too small to detect any difference at this `--alpha`"
        );
    }

    #[test]
    fn duration() {
        let d = trial_duration(154.0, 15.0, Period::Week).unwrap();
        assert_eq!((d.periods, d.days), (11, 77));
        assert!((d.weeks - 11.0).abs() < 1e-12);
        let d = trial_duration(100.0, 10.0, Period::Day).unwrap();
        assert_eq!((d.periods, d.days), (10, 10));
        let d = trial_duration(101.0, 10.0, Period::Day).unwrap();
        assert_eq!(d.periods, 11);
    }

    #[test]
    fn number_formatting() {
        assert_eq!(format_number(1234567.891, 2, "en"), "1,234,567.89");
        assert_eq!(
            format_number(1234567.891, 2, "pt"),
            "1\u{a0}234\u{a0}567,89"
        );
        assert_eq!(
            format_number(1234567.891, 2, "pt-PT"),
            "1\u{a0}234\u{a0}567,89"
        );
        assert_eq!(format_number(999.5, 0, "en"), "1,000");
        assert_eq!(format_number(12.0, 0, "pt"), "12");
        assert_eq!(format_number(0.05, 3, "pt"), "0,050");
        assert_eq!(format_number(-1234.5, 1, "en"), "-1,234.5");
        assert_eq!(format_number(-0.0001, 2, "en"), "0.00");
        assert_eq!(format_number(100.0, 0, "xx"), "100");
        assert_eq!(format_number(123456.0, 0, "en"), "123,456");
        assert_eq!(format_short(0.05, 4, "pt"), "0,05");
        assert_eq!(format_short(2.0, 4, "en"), "2");
        assert_eq!(percent(0.1, "pt"), "10\u{a0}%");
        assert_eq!(percent(0.125, "en"), "12.5%");
    }

    #[test]
    fn summaries_are_localised() {
        let design = Design::new(Some(10), Some(0.05), Some(0.1)).unwrap();
        let ss = sample_size_proportions(0.5, 0.75, 0.05, 0.9, 1.0, &design).unwrap();
        let en = summary(&ss, "en");
        assert!(en.contains("per arm") && en.contains("in total"), "{en}");
        assert!(
            en.contains("Design effect: 1.45") && en.contains("Attrition rate: 10%"),
            "{en}"
        );
        assert!(en.contains(PROPORTIONS_FORMULA));
        let pt = summary(&ss, "pt");
        assert!(pt.contains("aproximação normal"));
        for word in [
            "por braço",
            "no total",
            "Efeito de desenho: 1,45",
            "Taxa de desistência: 10\u{a0}%",
            "Potência: 0,9",
        ] {
            assert!(pt.contains(word), "missing {word:?} in\n{pt}");
        }
        let m = mde_proportions(77, 0.5, 0.05, 0.9, 1.0, &NONE).unwrap();
        assert!(mde_summary(&m, "pt").contains("Efeito mínimo detetável"));
        assert!(mde_summary(&m, "en").contains(" percentage points; target proportion "));
        let d = trial_duration(154.0, 15.0, Period::Week).unwrap();
        assert!(duration_summary(&d, "en").ends_with("Result: 11 weeks (77 days)"));
        let days = trial_duration(100.0, 4.0, Period::Day).unwrap();
        assert!(duration_summary(&days, "pt").ends_with("Resultado: 25 dias (≈ 3,6 semanas)"));
        assert!(duration_summary(&d, "pt").ends_with("Resultado: 11 semanas (77 dias)"));
    }
}
