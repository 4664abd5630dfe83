//! CSV reading in `assign`: any bytes give an assignment or a clear error. An assignment
//! counts every row once, keeps every arm within one unit of its share in every stratum (the
//! documented algorithm, equal allocation here), and is the same for the same seed.

use labkit::stats::assign::{AssignOptions, assign};
use proptest::prelude::*;

use super::{files, fuzz, guarded, hostile, mutated, repo};

fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut seeds = files(&repo("tests/fixtures/units"));
    seeds.extend(hostile("csv"));
    seeds
}

/// Assigns `bytes` to `arms` arms, stratified by the first column when asked; panics when a
/// property fails. Returns whether the file was accepted.
pub fn check(name: &str, bytes: Vec<u8>, arms: usize, seed: u64, stratify: bool) -> bool {
    let what = format!("assign {name}");
    let name = name.to_owned();
    guarded(&what, move || {
        let labels: Vec<String> = (1..=arms).map(|i| format!("arm{i}")).collect();
        let mut opts = AssignOptions::new(labels, seed);
        if stratify {
            let header = String::from_utf8_lossy(&bytes);
            let first = header
                .trim_start_matches('\u{feff}')
                .split([',', '\n', '\r'])
                .next()
                .unwrap_or_default()
                .to_owned();
            opts.stratify = vec![first];
        }
        let mut out = Vec::new();
        let Ok(report) = assign(&bytes, &opts, &mut out) else {
            return false;
        };
        assert_eq!(
            report.rows_per_arm.iter().sum::<u64>(),
            report.n_rows,
            "{name}"
        );
        assert_eq!(
            report.units_per_arm.iter().sum::<u64>(),
            report.n_units,
            "{name}"
        );
        for stratum in &report.strata {
            let k = arms as u64;
            for &units in &stratum.units_per_arm {
                // Within one unit of n/k: |units·k − n| < k.
                assert!(
                    (units * k).abs_diff(stratum.n_units) < k,
                    "{name}: stratum {} gives {units} of {} units to one of {k} arms",
                    stratum.key,
                    stratum.n_units
                );
            }
        }
        let mut again = Vec::new();
        let report_again = assign(&bytes, &opts, &mut again).expect("the same input again");
        assert_eq!(out, again, "{name}: the same seed gave another assignment");
        assert_eq!(report, report_again);
        true
    })
}

#[test]
fn corpus_every_csv_is_assigned_or_refused() {
    let mut accepted = Vec::new();
    for (name, bytes) in seeds() {
        for stratify in [false, true] {
            if check(&name, bytes.clone(), 2, 42, stratify) && !stratify {
                accepted.push(name.clone());
            }
        }
    }
    for name in [
        "people.csv",
        "formula-cells.csv",
        "bom-crlf.csv",
        "bare-cr.csv",
    ] {
        assert!(
            accepted.iter().any(|a| a == name),
            "{name} is refused: {accepted:?}"
        );
    }
}

#[test]
fn fuzz_assign_csv() {
    let strategy = (mutated(seeds()), 2usize..5, any::<u64>(), any::<bool>());
    fuzz(
        "assign_csv",
        64,
        strategy,
        |(case, arms, seed, stratify)| {
            let (name, bytes) = (case.name, case.bytes);
            check(&name, bytes, arms, seed, stratify);
            Ok(())
        },
    );
}
