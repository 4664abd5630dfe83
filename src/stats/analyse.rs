//! The maths of a trial's readout (`labkit analyse`): running summaries of an outcome per arm,
//! the difference between two arms with its confidence interval and p-value, the risk ratio,
//! standardised mean differences for the balance table, and the verdict against a
//! pre-registered minimum effect. Pure functions: nothing here reads a file or prints.
//!
//! Methods, each checked against R in tests (`tests/fixtures/analyse/reference.R`):
//!
//! - **Difference of two proportions**: Newcombe's hybrid score interval (Newcombe 1998,
//!   *Statistics in Medicine* 17:873–890, method 10), built from the Wilson score interval of
//!   each arm; the p-value is the two-proportion z test with a pooled variance, which is the
//!   Pearson chi-square test without continuity correction (R's `prop.test(correct = FALSE)`).
//! - **Risk ratio** (treatment over control): Katz's log interval,
//!   `exp(ln RR ± z·sqrt(1/x₁ − 1/n₁ + 1/x₀ − 1/n₀))`; none when either arm has no events.
//! - **Difference of two means**: Welch's t interval and test with the Welch–Satterthwaite
//!   degrees of freedom (R's `t.test(var.equal = FALSE)`); the t distribution is `statrs`'.
//! - **Balance**: the standardised mean difference `(m₁ − m₀) / sqrt((s₁² + s₀²) / 2)`
//!   (Austin 2009), for numbers and for 0/1 indicators alike.
//!
//! - **One-sided tests** (`greater`, `less`): the p-value is the one-sided tail of the same z
//!   or t statistic (half the two-sided p-value when the difference points the planned way, one
//!   minus half otherwise: both statistics are symmetric), as R's `prop.test(alternative =
//!   "greater", correct = FALSE)` and `t.test(alternative = "greater")`; the interval shown is
//!   the two-sided `1 − 2α` interval, whose bound on the planned side is the one-sided `1 − α`
//!   bound R reports (CONSORT 2010, item 17a; the usual practice for one-sided trials).
//! - **More than two arms**: each treatment arm against the control, with Bonferroni's
//!   correction for the `K − 1` comparisons: intervals at `α / (K − 1)` and p-values multiplied by
//!   `K − 1` (capped at 1).
//!
//! The Wilson and Newcombe formulas are a few lines of arithmetic over the normal quantile; no
//! maintained Rust crate offers them, so they are written here. Running means and variances use
//! Welford's update, so a million rows lose no precision to cancellation.

use serde::Serialize;
use statrs::distribution::{ContinuousCDF, StudentsT};

use super::normal::{pnorm_upper, qnorm};
use super::power::Alternative;

/// Count, mean and sum of squared deviations of a stream of numbers (Welford).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Summary {
    pub n: u64,
    pub mean: f64,
    m2: f64,
}

impl Summary {
    pub fn push(&mut self, x: f64) {
        self.n += 1;
        let delta = x - self.mean;
        self.mean += delta / self.n as f64;
        self.m2 += delta * (x - self.mean);
    }

    pub fn of(values: &[f64]) -> Summary {
        let mut s = Summary::default();
        for &x in values {
            s.push(x);
        }
        s
    }

    /// The summary of `ones` ones and `n − ones` zeros.
    pub fn from_counts(ones: u64, n: u64) -> Summary {
        if n == 0 {
            return Summary::default();
        }
        let p = ones as f64 / n as f64;
        Summary {
            n,
            mean: p,
            m2: n as f64 * p * (1.0 - p),
        }
    }

    /// The sample variance (n − 1 in the denominator); `None` below two values.
    pub fn variance(&self) -> Option<f64> {
        (self.n >= 2).then(|| self.m2 / (self.n - 1) as f64)
    }

    /// The number of ones, for a summary of 0/1 values.
    pub fn ones(&self) -> u64 {
        (self.mean * self.n as f64).round() as u64
    }
}

/// Which test gave the interval and p-value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Test {
    /// Newcombe's hybrid score interval; pooled two-proportion z (chi-square) test.
    NewcombeChiSquare,
    /// Welch's unequal-variance t interval and test.
    Welch,
}

/// A difference between two arms (treatment minus control).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Effect {
    pub difference: f64,
    pub ci_low: f64,
    pub ci_high: f64,
    /// `None` when the test is undefined (no variation in either arm).
    pub p_value: Option<f64>,
    pub test: Test,
    /// Welch's degrees of freedom.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub df: Option<f64>,
    /// Risk ratio and its interval, for proportions.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio: Option<Ratio>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Ratio {
    pub ratio: f64,
    pub ci_low: f64,
    pub ci_high: f64,
}

/// The two-sided normal quantile for a `1 − alpha` interval.
fn z_for(alpha: f64) -> f64 {
    qnorm(1.0 - alpha / 2.0)
}

/// Wilson's score interval for `x` successes out of `n` (`n` ≥ 1).
pub fn wilson(x: u64, n: u64, z: f64) -> (f64, f64) {
    let (x, n) = (x as f64, n as f64);
    let p = x / n;
    let z2 = z * z;
    let centre = p + z2 / (2.0 * n);
    let half = z * (p * (1.0 - p) / n + z2 / (4.0 * n * n)).sqrt();
    let denom = 1.0 + z2 / n;
    (
        ((centre - half) / denom).max(0.0),
        ((centre + half) / denom).min(1.0),
    )
}

/// The difference of two proportions `x1/n1 − x0/n0` with Newcombe's hybrid score interval at
/// level `1 − alpha`, the chi-square p-value, and the Katz risk ratio. `None` when an arm has
/// no units.
pub fn proportions(x1: u64, n1: u64, x0: u64, n0: u64, alpha: f64) -> Option<Effect> {
    if n1 == 0 || n0 == 0 || x1 > n1 || x0 > n0 {
        return None;
    }
    let z = z_for(alpha);
    let (p1, p0) = (x1 as f64 / n1 as f64, x0 as f64 / n0 as f64);
    let (l1, u1) = wilson(x1, n1, z);
    let (l0, u0) = wilson(x0, n0, z);
    let d = p1 - p0;
    let lower = d - ((p1 - l1).powi(2) + (u0 - p0).powi(2)).sqrt();
    let upper = d + ((u1 - p1).powi(2) + (p0 - l0).powi(2)).sqrt();
    Some(Effect {
        difference: d,
        ci_low: lower,
        ci_high: upper,
        p_value: two_proportion_p(x1, n1, x0, n0),
        test: Test::NewcombeChiSquare,
        df: None,
        ratio: katz(x1, n1, x0, n0, z),
    })
}

/// The two-sided p-value of the pooled two-proportion z test (Pearson's chi-square on the 2×2
/// table, no continuity correction). `None` when every unit, or none, had the outcome.
pub fn two_proportion_p(x1: u64, n1: u64, x0: u64, n0: u64) -> Option<f64> {
    let (n1f, n0f) = (n1 as f64, n0 as f64);
    let pooled = (x1 + x0) as f64 / (n1f + n0f);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1f + 1.0 / n0f)).sqrt();
    if se <= 0.0 || !se.is_finite() {
        return None;
    }
    let zstat = (x1 as f64 / n1f - x0 as f64 / n0f) / se;
    Some((2.0 * pnorm_upper(zstat.abs())).min(1.0))
}

/// Katz's log interval for the risk ratio; `None` when either arm has no events.
fn katz(x1: u64, n1: u64, x0: u64, n0: u64, z: f64) -> Option<Ratio> {
    if x1 == 0 || x0 == 0 {
        return None;
    }
    let (x1, n1, x0, n0) = (x1 as f64, n1 as f64, x0 as f64, n0 as f64);
    let rr = (x1 / n1) / (x0 / n0);
    let se = (1.0 / x1 - 1.0 / n1 + 1.0 / x0 - 1.0 / n0).max(0.0).sqrt();
    Some(Ratio {
        ratio: rr,
        ci_low: (rr.ln() - z * se).exp(),
        ci_high: (rr.ln() + z * se).exp(),
    })
}

/// The difference of two means `treatment − control` with Welch's interval at level
/// `1 − alpha` and its p-value. `None` when an arm has fewer than two values. When both arms
/// have no variation the interval is the point and the p-value is `None`.
pub fn welch(treatment: &Summary, control: &Summary, alpha: f64) -> Option<Effect> {
    let (v1, v0) = (treatment.variance()?, control.variance()?);
    let (a, b) = (v1 / treatment.n as f64, v0 / control.n as f64);
    let d = treatment.mean - control.mean;
    let se = (a + b).sqrt();
    if se <= 0.0 || !se.is_finite() {
        return Some(Effect {
            difference: d,
            ci_low: d,
            ci_high: d,
            p_value: None,
            test: Test::Welch,
            df: None,
            ratio: None,
        });
    }
    let df = (a + b).powi(2) / (a * a / (treatment.n - 1) as f64 + b * b / (control.n - 1) as f64);
    let t = StudentsT::new(0.0, 1.0, df).ok()?;
    let q = t.inverse_cdf(1.0 - alpha / 2.0);
    let p = (2.0 * t.sf((d / se).abs())).min(1.0);
    Some(Effect {
        difference: d,
        ci_low: d - q * se,
        ci_high: d + q * se,
        p_value: Some(p),
        test: Test::Welch,
        df: Some(df),
        ratio: None,
    })
}

/// The α at which to compute an effect's interval so that it reads out a test at level `alpha`
/// with `alternative`, among `comparisons` comparisons with a control (Bonferroni): `α / m`
/// two-sided, `2α / m` one-sided (the `1 − 2α` interval), capped below 1.
pub fn interval_alpha(alpha: f64, alternative: Alternative, comparisons: usize) -> f64 {
    let m = comparisons.max(1) as f64;
    let sides = 3.0 - alternative.sides();
    (sides * alpha / m).min(0.999_999)
}

/// Reads an effect out for `alternative` among `comparisons` comparisons: the p-value turned
/// one-sided when the test is, then multiplied by the number of comparisons (Bonferroni, capped
/// at 1). The interval is left as computed (see [`interval_alpha`]).
pub fn read_out(mut effect: Effect, alternative: Alternative, comparisons: usize) -> Effect {
    if let Some(p) = effect.p_value {
        let p = match alternative {
            Alternative::TwoSided => p,
            // Symmetric statistics: the tail on the planned side is half the two-sided p when
            // the difference points that way, and the rest otherwise.
            _ if alternative.oriented(effect.difference) > 0.0 => p / 2.0,
            _ => 1.0 - p / 2.0,
        };
        effect.p_value = Some((p * comparisons.max(1) as f64).min(1.0));
    }
    effect
}

/// The standardised mean difference `(m₁ − m₀) / sqrt((s₁² + s₀²) / 2)`: `None` when an arm
/// has fewer than two values, or when neither varies yet the means differ; 0 when neither
/// varies and the means are equal.
pub fn smd(treatment: &Summary, control: &Summary) -> Option<f64> {
    let (v1, v0) = (treatment.variance()?, control.variance()?);
    let sd = ((v1 + v0) / 2.0).sqrt();
    let d = treatment.mean - control.mean;
    if sd > 0.0 {
        Some(d / sd)
    } else if d == 0.0 {
        Some(0.0)
    } else {
        None
    }
}

/// What the result says about the pre-registered hypothesis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The interval excludes no effect, on the planned side, and the estimate reaches the
    /// planned minimum effect.
    Supported,
    /// A real effect on the planned side, but the estimate falls short of the planned minimum.
    SmallerThanPlanned,
    /// The interval includes no effect and excludes the planned effect.
    NotSupported,
    /// The interval includes both no effect and the planned effect.
    Inconclusive,
    /// The interval excludes no effect, on the other side: the change went the wrong way.
    Opposite,
}

/// The verdict for an effect with interval `[low, high]` against the planned minimum effect
/// `planned` (signed: negative when the plan expects a decrease; not zero).
pub fn verdict(estimate: f64, low: f64, high: f64, planned: f64) -> Verdict {
    // Turn everything so that the planned direction is positive.
    let (e, lo, hi, m) = if planned < 0.0 {
        (-estimate, -high, -low, -planned)
    } else {
        (estimate, low, high, planned)
    };
    if lo > 0.0 {
        if e >= m {
            Verdict::Supported
        } else {
            Verdict::SmallerThanPlanned
        }
    } else if hi < 0.0 {
        Verdict::Opposite
    } else if hi < m {
        Verdict::NotSupported
    } else {
        Verdict::Inconclusive
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;
    use rand_chacha::ChaCha20Rng;
    use rand_chacha::rand_core::{Rng, SeedableRng};

    fn close(got: f64, want: f64, tol: f64) {
        assert!((got - want).abs() <= tol, "got {got}, want {want}");
    }

    /// Newcombe (1998), Table II, method 10, as published (4 decimals) and as R computes it
    /// with the formula (tests/fixtures/analyse/reference.R, R 4.x: 10 decimals).
    #[test]
    fn newcombe_table_ii() {
        let cases: [(u64, u64, u64, u64, f64, f64); 7] = [
            (56, 70, 48, 80, 0.0524314724, 0.3338726540),
            (9, 10, 3, 10, 0.1705227239, 0.8090179735),
            (5, 56, 0, 29, -0.0381371479, 0.1925600139),
            (0, 10, 0, 20, -0.1611251581, 0.2775327999),
            (0, 10, 0, 10, -0.2775327999, 0.2775327999),
            (10, 10, 0, 20, 0.6790860371, 1.0),
            (10, 10, 0, 10, 0.6075093504, 1.0),
        ];
        for (x1, n1, x0, n0, lo, hi) in cases {
            let e = proportions(x1, n1, x0, n0, 0.05).unwrap();
            close(e.ci_low, lo, 1e-8);
            close(e.ci_high, hi, 1e-8);
        }
        let e = proportions(56, 70, 48, 80, 0.05).unwrap();
        close(e.difference, 0.2, 1e-12);
        // Published: 0.0524 to 0.3339.
        assert_eq!(format!("{:.4} {:.4}", e.ci_low, e.ci_high), "0.0524 0.3339");
        // 6/7 vs 2/7 (R, same script).
        let e = proportions(6, 7, 2, 7, 0.05).unwrap();
        close(e.ci_low, 0.0582279275, 1e-8);
        close(e.ci_high, 0.8062496375, 1e-8);
    }

    /// `prop.test(c(x1, x0), c(n1, n0), correct = FALSE)$p.value` and the Katz interval (R).
    #[test]
    fn chi_square_p_values_and_risk_ratios() {
        let cases = [
            (
                56,
                70,
                48,
                80,
                0.008045081368,
                1.3333333333,
                1.0766264228,
                1.6512485113,
            ),
            (
                9,
                10,
                3,
                10,
                0.006169899321,
                3.0,
                1.1383503574,
                7.9061775148,
            ),
            (
                612,
                2000,
                488,
                2000,
                1.128677899e-05,
                1.2540983607,
                1.1330262139,
                1.3881079528,
            ),
        ];
        for (x1, n1, x0, n0, p, rr, lo, hi) in cases {
            let e = proportions(x1, n1, x0, n0, 0.05).unwrap();
            let got = e.p_value.unwrap();
            assert!((got - p).abs() <= 1e-9 * p.max(1e-3), "{got} vs {p}");
            let r = e.ratio.unwrap();
            close(r.ratio, rr, 1e-9);
            close(r.ci_low, lo, 1e-8);
            close(r.ci_high, hi, 1e-8);
        }
        let e = proportions(612, 2000, 488, 2000, 0.05).unwrap();
        close(e.ci_low, 0.0343422752, 1e-8);
        close(e.ci_high, 0.0895325806, 1e-8);
        // A 90% interval.
        let e = proportions(56, 70, 48, 80, 0.10).unwrap();
        close(e.ci_low, 0.0765641915, 1e-8);
        close(e.ci_high, 0.3136445836, 1e-8);
        let r = e.ratio.unwrap();
        close(r.ci_low, 1.1142859858, 1e-8);
        close(r.ci_high, 1.5954412066, 1e-8);
        // No events anywhere: no test, no ratio, yet an interval.
        let e = proportions(0, 10, 0, 10, 0.05).unwrap();
        assert_eq!((e.p_value, e.ratio), (None, None));
        assert!(proportions(1, 0, 1, 2, 0.05).is_none());
    }

    /// The hand-worked example of tests/fixtures/analyse/small.csv, `days` column:
    /// `t.test(sms, control, var.equal = FALSE)` in R.
    /// R (reference.out, "one-sided tests"): prop.test(c(56, 48), c(70, 80), alternative =
    /// "greater", correct = FALSE)$p.value 0.004022540684, "less" 0.9959774593; the 90%
    /// Newcombe interval 0.0765641915 0.3136445836 (its lower bound is the one-sided 95% bound).
    #[test]
    fn one_sided_and_bonferroni_read_outs_match_r() {
        let a = interval_alpha(0.05, Alternative::Greater, 1);
        close(a, 0.10, 1e-15);
        let e = proportions(56, 70, 48, 80, a).unwrap();
        close(e.ci_low, 0.0765641915, 1e-9);
        close(e.ci_high, 0.3136445836, 1e-9);
        let g = read_out(e.clone(), Alternative::Greater, 1);
        close(g.p_value.unwrap(), 0.004022540684, 1e-11);
        let l = read_out(e.clone(), Alternative::Less, 1);
        close(l.p_value.unwrap(), 0.9959774593, 1e-9);
        // Bonferroni: two comparisons, α/2 two-sided, p doubled (capped at 1).
        close(interval_alpha(0.05, Alternative::TwoSided, 2), 0.025, 1e-15);
        let two = read_out(e.clone(), Alternative::TwoSided, 2);
        close(two.p_value.unwrap(), 2.0 * 0.008045081368, 1e-11);
        assert_eq!(read_out(e, Alternative::Less, 2).p_value, Some(1.0));
    }

    #[test]
    fn welch_matches_r() {
        let sms = Summary::of(&[8.0, 7.5, 11.2, 6.4, 10.0, 5.9, 9.4]);
        let control = Summary::of(&[12.5, 20.1, 15.0, 9.9, 18.3, 14.7, 16.2]);
        close(sms.mean, 8.3428571429, 1e-9);
        close(control.mean, 15.2428571429, 1e-9);
        let e = welch(&sms, &control, 0.05).unwrap();
        close(e.difference, -6.9, 1e-12);
        close(e.ci_low, -10.2372785238, 1e-8);
        close(e.ci_high, -3.5627214762, 1e-8);
        close(e.p_value.unwrap(), 0.0010570662, 1e-9);
        close(e.df.unwrap(), 9.4969675763, 1e-8);
        assert!(welch(&Summary::of(&[1.0]), &control, 0.05).is_none());
        let flat = Summary::of(&[2.0, 2.0]);
        assert_eq!(welch(&flat, &flat, 0.05).unwrap().p_value, None);
    }

    #[test]
    fn standardised_mean_difference_matches_r() {
        // small.csv's `age`, over the units assigned once to an arm (R: 0.4726155098).
        let sms = Summary::of(&[51.0, 62.0, 38.0, 44.0, 33.0, 36.0, 52.0, 47.0]);
        let control = Summary::of(&[34.0, 29.0, 45.0, 27.0, 58.0, 41.0, 49.0]);
        close(smd(&sms, &control).unwrap(), 0.4726155098, 1e-9);
        let flat = Summary::of(&[1.0, 1.0]);
        assert_eq!(smd(&flat, &flat), Some(0.0));
    }

    #[test]
    fn welford_keeps_precision_far_from_zero() {
        let s = Summary::of(&[1e9 + 4.0, 1e9 + 7.0, 1e9 + 13.0, 1e9 + 16.0]);
        close(s.variance().unwrap(), 30.0, 1e-6);
        assert_eq!(Summary::of(&[1.0, 0.0, 1.0]).ones(), 2);
        let counted = Summary::from_counts(2, 5);
        let listed = Summary::of(&[1.0, 0.0, 1.0, 0.0, 0.0]);
        close(counted.mean, listed.mean, 1e-15);
        close(
            counted.variance().unwrap(),
            listed.variance().unwrap(),
            1e-15,
        );
    }

    #[test]
    fn verdicts() {
        use Verdict::*;
        assert_eq!(verdict(0.072, 0.031, 0.113, 0.06), Supported);
        assert_eq!(verdict(0.04, 0.01, 0.07, 0.06), SmallerThanPlanned);
        assert_eq!(verdict(0.01, -0.01, 0.03, 0.06), NotSupported);
        assert_eq!(verdict(0.03, -0.01, 0.09, 0.06), Inconclusive);
        assert_eq!(verdict(-0.05, -0.08, -0.02, 0.06), Opposite);
        // A planned decrease: the same reading, turned round.
        assert_eq!(verdict(-0.072, -0.113, -0.031, -0.06), Supported);
        assert_eq!(verdict(0.05, 0.02, 0.08, -0.06), Opposite);
    }

    /// A simulated trial with a known effect: the interval holds the truth about 95% of the
    /// time, for proportions and for means.
    #[test]
    fn simulated_trials_recover_the_effect() {
        let mut rng = ChaCha20Rng::seed_from_u64(2026);
        let mut uniform = || (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64;
        let (mut covered_p, mut covered_m) = (0, 0);
        let trials = 400;
        for _ in 0..trials {
            let n = 1000;
            let x1 = (0..n).filter(|_| uniform() < 0.36).count() as u64;
            let x0 = (0..n).filter(|_| uniform() < 0.30).count() as u64;
            let e = proportions(x1, n, x0, n, 0.05).unwrap();
            covered_p += usize::from(e.ci_low <= 0.06 && 0.06 <= e.ci_high);
            // Means: normal(10 + 1.5, 4) vs normal(10, 6), by Box–Muller.
            let mut normal = |mu: f64, sd: f64| {
                let (u, v) = (uniform().max(1e-300), uniform());
                mu + sd * (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
            };
            let t: Vec<f64> = (0..200).map(|_| normal(11.5, 4.0)).collect();
            let c: Vec<f64> = (0..150).map(|_| normal(10.0, 6.0)).collect();
            let e = welch(&Summary::of(&t), &Summary::of(&c), 0.05).unwrap();
            covered_m += usize::from(e.ci_low <= 1.5 && 1.5 <= e.ci_high);
        }
        // Binomial(400, 0.95): 380 ± 3 sd is 367..393.
        for covered in [covered_p, covered_m] {
            assert!((367..=393).contains(&covered), "{covered} of {trials}");
        }
        // One large trial: the estimate is close and its interval holds the truth.
        let n = 100_000;
        let x1 = (0..n).filter(|_| uniform() < 0.36).count() as u64;
        let x0 = (0..n).filter(|_| uniform() < 0.30).count() as u64;
        let e = proportions(x1, n, x0, n, 0.05).unwrap();
        assert!(e.ci_low <= 0.06 && 0.06 <= e.ci_high, "{e:?}");
        assert!(e.ci_high - e.ci_low < 0.01);
        assert!(e.p_value.unwrap() < 1e-10);
    }
}
