//! labkit's power maths against golden values computed outside the project by R's
//! `power.t.test` and `power.prop.test` (tests/fixtures/power/golden.R made golden.csv; 522
//! cases over α, power, effect, one- and two-sided tests).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::power::{
    Alternative, Design, power_means, power_proportions, sample_size_means, sample_size_proportions,
};

const GOLDEN: &str = include_str!("../../tests/fixtures/power/golden.csv");

struct Row {
    kind: String,
    alternative: Alternative,
    alpha: f64,
    power: f64,
    p1: f64,
    p2: f64,
    delta: f64,
    sd: f64,
    n: f64,
    r_n: f64,
    n_int: u64,
    r_power: f64,
}

fn rows() -> Vec<Row> {
    let mut lines = GOLDEN.lines().filter(|l| !l.starts_with('#'));
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim_matches('"') == name)
            .unwrap()
    };
    let cols: Vec<usize> = [
        "kind",
        "alternative",
        "alpha",
        "power",
        "p1",
        "p2",
        "delta",
        "sd",
        "n",
        "r_n",
        "n_int",
        "r_power",
    ]
    .iter()
    .map(|c| col(c))
    .collect();
    lines
        .map(|line| {
            let f: Vec<&str> = line.split(',').map(|s| s.trim_matches('"')).collect();
            let num = |i: usize| f[cols[i]].parse::<f64>().unwrap_or(f64::NAN);
            Row {
                kind: f[cols[0]].to_string(),
                alternative: match f[cols[1]] {
                    "two.sided" => Alternative::TwoSided,
                    "one.sided" => Alternative::Greater,
                    other => panic!("alternative {other}"),
                },
                alpha: num(2),
                power: num(3),
                p1: num(4),
                p2: num(5),
                delta: num(6),
                sd: num(7),
                n: num(8),
                r_n: num(9),
                n_int: f[cols[10]].parse().unwrap_or(0),
                r_power: num(11),
            }
        })
        .collect()
}

#[test]
fn agrees_with_r_on_every_golden_case() {
    let rows = rows();
    assert!(rows.len() >= 500, "{} rows", rows.len());
    let mut mismatches = Vec::new();
    for (i, row) in rows.iter().enumerate() {
        let design = Design::default().with_alternative(row.alternative);
        let line = i + 3;
        match row.kind.as_str() {
            "t_n" | "prop_n" => {
                let ss = if row.kind == "t_n" {
                    sample_size_means(row.sd, row.delta, row.alpha, row.power, 1.0, &design)
                } else {
                    sample_size_proportions(row.p1, row.p2, row.alpha, row.power, 1.0, &design)
                }
                .unwrap();
                // R's uniroot stops within about 1e-4 of the root.
                if ss.n_per_arm != row.n_int || (ss.n_raw - row.r_n).abs() > 2e-3 {
                    mismatches.push(format!(
                        "line {line} {}: labkit {} ({}), R {} ({})",
                        row.kind, ss.n_per_arm, ss.n_raw, row.n_int, row.r_n
                    ));
                }
            }
            "t_power" | "prop_power" => {
                let got = if row.kind == "t_power" {
                    power_means(row.n, row.n, row.sd, row.delta, row.alpha, row.alternative)
                } else {
                    power_proportions(row.n, row.n, row.p1, row.p2, row.alpha, row.alternative)
                };
                if (got - row.r_power).abs() > 1e-8 {
                    mismatches.push(format!(
                        "line {line} {}: labkit {got}, R {}",
                        row.kind, row.r_power
                    ));
                }
            }
            other => panic!("kind {other}"),
        }
    }
    assert!(mismatches.is_empty(), "{}", mismatches.join("\n"));
}

#[test]
fn one_sided_less_mirrors_greater() {
    let greater = Design::default().with_alternative(Alternative::Greater);
    let less = Design::default().with_alternative(Alternative::Less);
    let up = sample_size_proportions(0.3, 0.4, 0.05, 0.8, 1.0, &greater).unwrap();
    let down = sample_size_proportions(0.4, 0.3, 0.05, 0.8, 1.0, &less).unwrap();
    assert!((up.n_raw - down.n_raw).abs() < 1e-9);
    let up = sample_size_means(2.0, 1.0, 0.05, 0.8, 1.0, &greater).unwrap();
    let down = sample_size_means(2.0, -1.0, 0.05, 0.8, 1.0, &less).unwrap();
    assert_eq!(up.n_per_arm, down.n_per_arm);
    // The wrong way round is refused.
    assert!(sample_size_means(2.0, -1.0, 0.05, 0.8, 1.0, &greater).is_err());
}

mod properties {
    use proptest::prelude::*;

    use super::super::power::{
        Alternative, Design, Effect, Sample, mde_means, mde_proportions, power, sample_size_means,
        sample_size_proportions,
    };

    fn alternative() -> impl Strategy<Value = Alternative> {
        prop_oneof![
            Just(Alternative::TwoSided),
            Just(Alternative::Greater),
            Just(Alternative::Less)
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// MDE at n, then the sample size for that MDE, gives n back (within one person, the
        /// rounding), and the MDE at that n is no larger than the first.
        #[test]
        fn mde_to_n_to_mde(
            n in 4_u64..5000,
            sd in 0.1_f64..50.0,
            p1 in 0.05_f64..0.95,
            alpha in prop_oneof![Just(0.01), Just(0.05), Just(0.1)],
            pw in 0.6_f64..0.95,
            ratio in prop_oneof![Just(1.0), Just(2.0), Just(0.5)],
            alt in alternative(),
        ) {
            let design = Design::default().with_alternative(alt);
            let m = mde_means(n, sd, alpha, pw, ratio, &design).unwrap();
            let back = sample_size_means(sd, m.mde, alpha, pw, ratio, &design).unwrap();
            prop_assert!(back.n_per_arm.abs_diff(n) <= 1, "means {n} -> {} -> {}", m.mde, back.n_per_arm);
            let again = mde_means(back.n_per_arm, sd, alpha, pw, ratio, &design).unwrap();
            prop_assert!(again.mde.abs() <= m.mde.abs() * (1.0 + 1e-9));
            if let Ok(m) = mde_proportions(n, p1, alpha, pw, ratio, &design) {
                let p2 = m.target.unwrap();
                let back = sample_size_proportions(p1, p2, alpha, pw, ratio, &design).unwrap();
                prop_assert!(back.n_per_arm.abs_diff(n) <= 1, "props {n} -> {p2} -> {}", back.n_per_arm);
            }
        }

        /// Power grows with the sample and with the effect (to the 1e-12 accuracy of the
        /// noncentral t series, with room to spare).
        #[test]
        fn power_is_monotone(
            n in 3_u64..3000,
            extra in 1_u64..500,
            sd in 0.5_f64..5.0,
            delta in 0.01_f64..3.0,
            grow in 1.01_f64..2.0,
            p1 in 0.05_f64..0.6,
            d in 0.005_f64..0.3,
            alpha in prop_oneof![Just(0.01), Just(0.05), Just(0.1)],
            alt in prop_oneof![Just(Alternative::TwoSided), Just(Alternative::Greater)],
        ) {
            let design = Design::default().with_alternative(alt);
            let at = |e: Effect, n: u64| {
                power(e, Sample::PerArm(n), alpha, 1.0, &design).unwrap().power
            };
            let means = Effect::Means { sd, delta };
            prop_assert!(at(means, n + extra) >= at(means, n) - 2e-10);
            let bigger = Effect::Means { sd, delta: delta * grow };
            prop_assert!(at(bigger, n) >= at(means, n) - 2e-10);
            let props = Effect::Proportions { p1, p2: p1 + d };
            prop_assert!(at(props, n + extra) >= at(props, n) - 2e-10);
            if p1 + d * grow < 1.0 {
                let bigger = Effect::Proportions { p1, p2: p1 + d * grow };
                prop_assert!(at(bigger, n) >= at(props, n) - 2e-10);
            }
        }
    }
}

/// Issue 15's budget: a power curve of 100 points under 20 ms. Timed in-process here (run with
/// `cargo test --release --lib curve_speed -- --ignored --nocapture`); `benches/cli.sh` times the
/// whole command.
#[test]
#[ignore = "timing; run by hand"]
fn curve_speed() {
    use super::power::{CurveOver, Effect, Sample, power_curve};
    let design = Design::default();
    for (name, effect) in [
        (
            "means",
            Effect::Means {
                sd: 1.0,
                delta: 0.2,
            },
        ),
        ("proportions", Effect::Proportions { p1: 0.3, p2: 0.35 }),
    ] {
        for over in [CurveOver::N, CurveOver::Effect] {
            let start = std::time::Instant::now();
            let runs = 20;
            for _ in 0..runs {
                let curve = power_curve(effect, Sample::PerArm(400), 0.05, 1.0, &design, over, 100)
                    .unwrap();
                assert_eq!(curve.len(), 100);
            }
            let ms = start.elapsed().as_secs_f64() * 1000.0 / f64::from(runs);
            println!("{name} {over:?}: {ms:.3} ms per 100-point curve");
            assert!(ms < 20.0);
        }
    }
}

/// Design adjustments against golden values computed outside labkit (tests/fixtures/power/
/// design.R made design.csv with R 4.2.2 and epiR 2.0.57): unequal allocation ratios for
/// proportions and means, Fleiss's continuity correction, and clusters of unequal size with the
/// t-based cluster adjustment.
mod design_golden {
    use super::super::power::{
        Alternative, Design, power_means, sample_size_means, sample_size_proportions,
    };

    const DESIGN: &str = include_str!("../../tests/fixtures/power/design.csv");

    struct Case<'a> {
        line: usize,
        fields: Vec<&'a str>,
        header: &'a [&'a str],
    }

    impl Case<'_> {
        fn text(&self, name: &str) -> &str {
            let i = self.header.iter().position(|h| *h == name).unwrap();
            self.fields[i]
        }
        fn num(&self, name: &str) -> f64 {
            self.text(name).parse().unwrap_or(f64::NAN)
        }
        /// R's "one.sided" is on the effect's side: labkit's greater or less.
        fn alternative(&self, effect: f64) -> Alternative {
            match (self.text("alternative"), effect > 0.0) {
                ("two.sided", _) => Alternative::TwoSided,
                ("one.sided", true) => Alternative::Greater,
                ("one.sided", false) => Alternative::Less,
                (other, _) => panic!("line {}: alternative {other}", self.line),
            }
        }
    }

    #[test]
    fn agrees_with_r_and_epir_on_every_design_case() {
        let mut lines = DESIGN
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#'));
        let header: Vec<&str> = lines
            .next()
            .unwrap()
            .1
            .split(',')
            .map(|h| h.trim_matches('"'))
            .collect();
        let mut mismatches = Vec::new();
        let mut counted = std::collections::BTreeMap::new();
        for (i, line) in lines {
            let case = Case {
                line: i + 1,
                fields: line.split(',').map(|f| f.trim_matches('"')).collect(),
                header: &header,
            };
            let kind = case.text("kind").to_owned();
            *counted.entry(kind.clone()).or_insert(0) += 1;
            let (alpha, power, ratio) = (case.num("alpha"), case.num("power"), case.num("ratio"));
            let mut check = |got: f64, want: f64, tolerance: f64| {
                if (got - want).abs() > tolerance * want.abs().max(1.0) {
                    mismatches.push(format!("line {} {kind}: labkit {got}, R {want}", case.line));
                }
            };
            match kind.as_str() {
                "prop_ratio" | "prop_cc" => {
                    let (p1, p2) = (case.num("p1"), case.num("p2"));
                    let design = Design::default()
                        .with_alternative(case.alternative(p2 - p1))
                        .with_continuity(kind == "prop_cc");
                    let ss = sample_size_proportions(p1, p2, alpha, power, ratio, &design).unwrap();
                    check(ss.n_raw, case.num("r_n"), 1e-9);
                }
                "t_ratio" => {
                    let delta = case.num("delta");
                    let design = Design::default().with_alternative(case.alternative(delta));
                    let ss = sample_size_means(1.0, delta, alpha, power, ratio, &design).unwrap();
                    check(ss.n_raw, case.num("r_n"), 1e-6);
                }
                "t2n_power" => {
                    let delta = case.num("delta");
                    let alt = case.alternative(delta);
                    let got = power_means(case.num("n1"), case.num("n2"), 1.0, delta, alpha, alt);
                    check(got, case.num("r_power"), 1e-8);
                }
                "cluster_t" => {
                    let delta = case.num("delta");
                    let design =
                        Design::new(Some(case.num("m") as u64), Some(case.num("icc")), None)
                            .unwrap()
                            .with_cluster_cv(Some(case.num("cv")))
                            .unwrap()
                            .with_alternative(case.alternative(delta));
                    let ss = sample_size_means(1.0, delta, alpha, power, 1.0, &design).unwrap();
                    let clusters = ss.clusters_per_arm.unwrap();
                    check(clusters[0] as f64, case.num("clusters"), 0.0);
                }
                other => panic!("line {}: kind {other}", case.line),
            }
        }
        assert!(
            mismatches.is_empty(),
            "{} mismatches:\n{}",
            mismatches.len(),
            mismatches.join("\n")
        );
        for (kind, at_least) in [
            ("prop_ratio", 90),
            ("prop_cc", 60),
            ("t_ratio", 70),
            ("t2n_power", 40),
            ("cluster_t", 400),
        ] {
            assert!(
                counted.get(kind).copied().unwrap_or(0) >= at_least,
                "{kind}: {counted:?}"
            );
        }
    }
}
