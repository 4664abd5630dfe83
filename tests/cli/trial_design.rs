//! The trial-design method and report against `labkit calc sample-size`: the same inputs give
//! the same numbers (clusters at 2:1, a mean outcome one-sided at α 0.001), inputs are shown as
//! typed, and "planned < needed" and "cannot recruit enough in time" are flagged.

use serde_json::Value as Json;

use crate::support::{Lab, fixture, snapshot};

/// Runs trial-design on `answers`, returns the saved session's answers.
fn run_design(lab: &Lab, answers: &str) -> serde_yaml::Value {
    lab.write("answers.yaml", answers);
    lab.run(&[
        "run",
        "trial-design",
        "--answers",
        "answers.yaml",
        "--no-input",
        "--session",
        "trial.yaml",
    ])
    .ok();
    let text = std::fs::read_to_string(lab.path().join("trial.yaml")).unwrap();
    let session: serde_yaml::Value = serde_yaml::from_str(&text).unwrap();
    session["answers"].clone()
}

fn calc(lab: &Lab, args: &[&str]) -> Json {
    let run = lab
        .run(&[&["calc", "sample-size"], args, &["--format", "json"]].concat())
        .ok();
    serde_json::from_str(&run.stdout).unwrap()
}

fn int(answers: &serde_yaml::Value, id: &str) -> u64 {
    answers[id]
        .as_u64()
        .unwrap_or_else(|| panic!("{id}: {:?}", answers[id]))
}

#[test]
fn a_cluster_design_at_two_to_one_agrees_with_calc_and_is_flagged() {
    let lab = Lab::new();
    let answers =
        std::fs::read_to_string(fixture("answers-extra/trial-design-cluster.yaml")).unwrap();
    let got = run_design(&lab, &answers);
    let want = calc(
        &lab,
        &[
            "--baseline",
            "0.18",
            "--target",
            "0.12",
            "--ratio",
            "2",
            "--cluster-size",
            "40",
            "--icc",
            "0.02",
            "--cluster-cv",
            "0.4",
            "--attrition",
            "0.1",
        ],
    );
    assert_eq!(int(&got, "sample_size_needed"), want["n_per_arm_each"][0]);
    assert_eq!(
        int(&got, "sample_size_needed_treatment"),
        want["n_per_arm_each"][1]
    );
    assert_eq!(int(&got, "clusters_needed"), want["clusters_per_arm"][0]);
    assert_eq!(
        int(&got, "clusters_needed_treatment"),
        want["clusters_per_arm"][1]
    );
    assert_eq!(int(&got, "sample_size_needed_total"), want["n_total"]);
    assert_eq!(int(&got, "sample_size_needed_total"), 2760);
    // 600 control + 1,200 treatment planned; 300 a week for 8 weeks = 2,400 < 2,760.
    assert_eq!(int(&got, "sample_size_planned_total"), 1800);
    assert_eq!(int(&got, "units_recruitable"), 2400);
    let duration = lab
        .run(&[
            "calc",
            "duration",
            "--total",
            "2760",
            "--per-week",
            "300",
            "--format",
            "json",
        ])
        .ok();
    let duration: Json = serde_json::from_str(&duration.stdout).unwrap();
    assert_eq!(int(&got, "weeks_needed"), duration["periods"]);

    for lang in ["en", "pt"] {
        let md = lab
            .run(&["report", "trial.yaml", "--lang", lang])
            .ok()
            .stdout;
        let (planned, late, needed) = if lang == "pt" {
            (
                // A label is escaped for Markdown: `\<` shows as `<`.
                "Planeado \\< necessário",
                "Não é possível recrutar o suficiente a tempo",
                "1\u{a0}840",
            )
        } else {
            (
                "Planned \\< needed",
                "Cannot recruit enough in time",
                "1,840",
            )
        };
        assert!(md.contains(planned), "{md}");
        assert!(md.contains(late), "{md}");
        assert!(md.contains(needed), "{md}");
        lab.run(&[
            "report",
            "trial.yaml",
            "--lang",
            lang,
            "-o",
            &format!("r.{lang}.html"),
        ])
        .ok();
        let html = std::fs::read_to_string(lab.path().join(format!("r.{lang}.html"))).unwrap();
        let body = &html[html.find("<body>").unwrap()..];
        snapshot(&format!("trial-design-cluster.{lang}.md"), &md);
        snapshot(&format!("trial-design-cluster.{lang}.html"), body);
    }
}

const MEANS: &str = "answers:
  trial_question: Does a pre-filled form shorten the days to a decision?
  arms:
    - {arm_name: Control, arm_description: The current form, is_control: true}
    - {arm_name: Pre-filled, arm_description: The form filled in from the registry, is_control: false}
  unit_of_randomisation: case
  eligibility: Every new housing-benefit application.
  primary_outcome: days
  outcome_measurement: Days from application to decision, from the case system.
  outcome_type: mean
  outcome_sd: 12.5
  minimum_difference: -4
  alpha: 0.001
  power: 0.9
  test_sides: less
  allocation_ratio: '2:1'
  sample_size_per_arm: 500
  units_per_week: 100
  allocation: simple
  randomised_by: The analyst
  start_date: 2027-01-04
  end_date: 2027-03-01
  analysis_date: 2027-04-01
  analysis_plan: Welch t-test of days to decision.
  decision_rule: Four days fewer or more, roll out.
  stopping_rule: None for benefit.
  registration: internal_dated
";

#[test]
fn a_mean_outcome_one_sided_agrees_with_calc_and_shows_alpha_in_full() {
    let lab = Lab::new();
    let got = run_design(&lab, MEANS);
    let want = calc(
        &lab,
        &[
            "--sd",
            "12.5",
            "--delta",
            "-4",
            "--alpha",
            "0.001",
            "--power",
            "0.9",
            "--ratio",
            "2",
            "--alternative",
            "less",
        ],
    );
    assert_eq!(int(&got, "sample_size_needed"), want["n_per_arm_each"][0]);
    assert_eq!(
        int(&got, "sample_size_needed_treatment"),
        want["n_per_arm_each"][1]
    );
    assert_eq!(int(&got, "sample_size_needed_total"), want["n_total"]);
    // 8 weeks of enrolment (4 January to 1 March) at 100 a week.
    assert_eq!(int(&got, "units_recruitable"), 800);
    let md = lab.run(&["report", "trial.yaml"]).ok().stdout;
    assert!(md.contains("| 0.001 |"), "{md}");
    assert!(md.contains("| 12.5 |"), "{md}");
    assert!(md.contains("one-sided (fall)"), "{md}");
    let pt = lab
        .run(&["report", "trial.yaml", "--lang", "pt"])
        .ok()
        .stdout;
    assert!(pt.contains("| 0,001 |"), "{pt}");

    // `analyse --plan` reads the minimum difference of a mean outcome.
    let mut csv = String::from("id,arm,days\n");
    for i in 0..200 {
        let (arm, days) = if i < 100 {
            ("Pre-filled", 20 + i % 5)
        } else {
            ("Control", 30 + i % 5)
        };
        csv.push_str(&format!("{i},{arm},{days}\n"));
    }
    lab.write("cases.csv", &csv);
    let run = lab
        .run(&[
            "analyse",
            "cases.csv",
            "--outcome",
            "days",
            "--plan",
            "trial.yaml",
        ])
        .ok();
    assert!(
        run.stdout.contains("the plan said at least 4"),
        "{}",
        run.stdout
    );
}
