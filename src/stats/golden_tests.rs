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
