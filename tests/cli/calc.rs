//! `labkit calc`: the published check values and clear errors.

use crate::support::Lab;

fn json(args: &[&str]) -> serde_json::Value {
    let mut all = vec!["calc"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--format", "json"]);
    serde_json::from_str(&Lab::new().run(&all).ok().stdout).unwrap()
}

#[test]
fn proportions_match_power_prop_test() {
    let r = json(&[
        "sample-size",
        "--baseline",
        "0.5",
        "--target",
        "0.75",
        "--power",
        "0.9",
    ]);
    assert_eq!(r["n_per_arm"], 77);
    assert_eq!(r["n_total"], 154);
    assert!((r["n_raw"].as_f64().unwrap() - 76.7).abs() < 0.05);
}

#[test]
fn clusters_and_attrition_inflate() {
    let r = json(&[
        "sample-size",
        "--baseline",
        "0.3",
        "--mde",
        "0.05",
        "--cluster-size",
        "20",
        "--icc",
        "0.05",
    ]);
    assert_eq!(r["clusters_per_arm"][0], 135);
    let plain = json(&["sample-size", "--sd", "10", "--delta", "3"]);
    let with_dropout = json(&[
        "sample-size",
        "--sd",
        "10",
        "--delta",
        "3",
        "--attrition",
        "0.1",
    ]);
    assert!(with_dropout["n_per_arm"].as_u64() > plain["n_per_arm"].as_u64());
}

#[test]
fn mde_and_duration() {
    let r = json(&["mde", "--per-arm", "400", "--baseline", "0.3"]);
    assert!((r["mde"].as_f64().unwrap() - 0.0942).abs() < 0.001);
    let r = json(&["duration", "--total", "1200", "--per-week", "150"]);
    assert_eq!(r["periods"], 8);
}

#[test]
fn impossible_inputs_are_usage_errors() {
    let lab = Lab::new();
    let run = lab
        .run(&[
            "calc",
            "sample-size",
            "--baseline",
            "0.5",
            "--target",
            "0.5",
        ])
        .code(2);
    assert!(run.stderr.contains("must differ"), "{}", run.stderr);
    let run = lab
        .run(&[
            "calc",
            "sample-size",
            "--baseline",
            "1.2",
            "--target",
            "0.5",
        ])
        .code(2);
    assert!(
        run.stderr.contains("`--baseline` must be between 0 and 1"),
        "{}",
        run.stderr
    );
    lab.run(&[
        "calc",
        "sample-size",
        "--baseline",
        "0.5",
        "--target",
        "0.6",
        "--power",
        "0.01",
    ])
    .code(2);
    lab.run(&["calc", "sample-size"]).code(2);
}

#[test]
fn portuguese_uses_a_decimal_comma() {
    let run = Lab::new()
        .run(&[
            "--lang",
            "pt",
            "calc",
            "sample-size",
            "--baseline",
            "0.5",
            "--target",
            "0.75",
            "--power",
            "0.9",
        ])
        .ok();
    assert!(run.stdout.contains("76,71"), "{}", run.stdout);
    assert!(run.stdout.contains("por braço"), "{}", run.stdout);
}
