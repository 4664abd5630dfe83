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
    // 135 from the normal approximation, one more for the t on 268 df.
    assert_eq!(r["clusters_per_arm"][0], 136);
    assert_eq!(r["clusters_before_t"][0], 135);
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

#[test]
fn power_for_a_given_sample() {
    // R 4.2.2: power.prop.test(n = 1000, p1 = .3, p2 = .35) -> 0.665564
    let r = json(&[
        "power",
        "--baseline",
        "0.3",
        "--target",
        "0.35",
        "--per-arm",
        "1000",
    ]);
    assert!(
        (r["power"].as_f64().unwrap() - 0.665_564).abs() < 1e-5,
        "{r}"
    );
    // R: power.t.test(n = 64, delta = .5, sd = 1) -> 0.801459
    let r = json(&["power", "--sd", "1", "--delta", "0.5", "--per-arm", "64"]);
    assert!(
        (r["power"].as_f64().unwrap() - 0.801_459).abs() < 1e-5,
        "{r}"
    );
    // One-sided: power.t.test(n = 64, delta = .5, alternative = "one.sided") -> 0.878664
    let r = json(&[
        "power",
        "--sd",
        "1",
        "--delta",
        "0.5",
        "--per-arm",
        "64",
        "--alternative",
        "greater",
    ]);
    assert!(
        (r["power"].as_f64().unwrap() - 0.878_664).abs() < 1e-5,
        "{r}"
    );
    // The total is split by the ratio; both ways of writing the ratio agree.
    let named = json(&[
        "power",
        "--sd",
        "10",
        "--delta",
        "3",
        "--total",
        "300",
        "--ratio",
        "treatment=2,control=1",
    ]);
    let plain = json(&[
        "power", "--sd", "10", "--delta", "3", "--total", "300", "--ratio", "2",
    ]);
    assert_eq!(named["n_per_arm_each"], serde_json::json!([100.0, 200.0]));
    assert_eq!(named["power"], plain["power"]);
    let reversed = json(&[
        "power",
        "--sd",
        "10",
        "--delta",
        "3",
        "--total",
        "300",
        "--ratio",
        "control=1,treatment=2",
    ]);
    assert_eq!(reversed["power"], plain["power"]);
    // Clusters take power away.
    let clustered = json(&[
        "power",
        "--sd",
        "1",
        "--delta",
        "0.5",
        "--per-arm",
        "64",
        "--cluster-size",
        "5",
        "--icc",
        "0.05",
    ]);
    assert!(clustered["power"].as_f64().unwrap() < 0.8);
    assert!((clustered["design_effect"].as_f64().unwrap() - 1.2).abs() < 1e-12);
}

#[test]
fn power_curve_table_json_and_svg() {
    let lab = Lab::new();
    let r = json(&[
        "power",
        "--baseline",
        "0.3",
        "--target",
        "0.35",
        "--per-arm",
        "1000",
        "--curve",
        "--points",
        "10",
    ]);
    let curve = r["curve"].as_array().unwrap();
    assert_eq!(curve.len(), 10);
    let powers: Vec<f64> = curve.iter().map(|p| p["power"].as_f64().unwrap()).collect();
    assert!(powers.windows(2).all(|w| w[0] < w[1]), "{powers:?}");
    let run = lab
        .run(&[
            "calc",
            "power",
            "--baseline",
            "0.3",
            "--target",
            "0.35",
            "--per-arm",
            "1000",
            "--curve",
            "effect",
            "-o",
            "curve.svg",
        ])
        .ok();
    assert!(run.stdout.contains("difference"), "{}", run.stdout);
    let svg = std::fs::read_to_string(lab.path().join("curve.svg")).unwrap();
    assert!(svg.starts_with("<svg") && svg.contains("<polyline"));
    // An existing chart is kept without --force.
    lab.run(&[
        "calc",
        "power",
        "--baseline",
        "0.3",
        "--target",
        "0.35",
        "--per-arm",
        "1000",
        "--curve",
        "-o",
        "curve.svg",
    ])
    .code(2);
}

#[test]
fn alternative_and_ratio_errors() {
    let lab = Lab::new();
    let run = lab
        .run(&[
            "calc",
            "sample-size",
            "--sd",
            "1",
            "--delta",
            "-1",
            "--alternative",
            "greater",
        ])
        .code(2);
    assert!(run.stderr.contains("points away"), "{}", run.stderr);
    let run = lab
        .run(&[
            "calc",
            "mde",
            "--per-arm",
            "100",
            "--sd",
            "1",
            "--ratio",
            "a=1,b=2",
        ])
        .code(2);
    assert!(run.stderr.contains("is not a ratio"), "{}", run.stderr);
    // One-sided needs fewer people than two-sided (R: 50.2 vs 63.8 per group).
    let one = json(&[
        "sample-size",
        "--sd",
        "1",
        "--delta",
        "0.5",
        "--alternative",
        "greater",
    ]);
    assert_eq!(one["n_per_arm"], 51);
    assert_eq!(one["inputs"]["alternative"], "greater");
    let less = json(&[
        "mde",
        "--per-arm",
        "400",
        "--baseline",
        "0.3",
        "--alternative",
        "less",
    ]);
    assert!(less["mde"].as_f64().unwrap() < 0.0);
}

/// The worked examples of docs/experiments.md: every `$ labkit …` line of its `console` blocks
/// runs, and each line shown under it is a line of the output.
#[test]
fn docs_worked_examples() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/experiments.md");
    let docs = std::fs::read_to_string(path).unwrap();
    let mut examples: Vec<(Vec<String>, Vec<String>)> = Vec::new();
    let mut in_console = false;
    for line in docs.lines() {
        if line.starts_with("```") {
            in_console = line == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ labkit ") {
            examples.push((
                command.split_whitespace().map(String::from).collect(),
                Vec::new(),
            ));
        } else if let Some((_, expected)) = examples.last_mut() {
            expected.push(line.to_string());
        }
    }
    assert!(examples.len() >= 8, "{} examples", examples.len());
    let lab = Lab::new();
    for (command, expected) in &examples {
        let args: Vec<&str> = command.iter().map(String::as_str).collect();
        let run = lab.run(&args).ok();
        for line in expected {
            assert!(
                run.stdout.lines().any(|l| l == line),
                "`labkit {}`: no line {line:?} in\n{}",
                command.join(" "),
                run.stdout
            );
        }
    }
}
