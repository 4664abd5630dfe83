//! `labkit analyse`: the readout of a trial. Expected numbers come from R 4.x, computed by
//! tests/fixtures/analyse/reference.R over the same fixture files (its output is kept beside
//! it in reference.out).

use crate::support::{Lab, fixture};

fn json(stdout: &str) -> serde_json::Value {
    serde_json::from_str(stdout).unwrap_or_else(|e| panic!("{e}\n{stdout}"))
}

fn close(got: &serde_json::Value, want: f64) {
    let got = got
        .as_f64()
        .unwrap_or_else(|| panic!("not a number: {got}"));
    assert!((got - want).abs() < 1e-8, "got {got}, want {want}");
}

fn lab_with_fixtures() -> Lab {
    let lab = Lab::new();
    for name in ["small.csv", "clusters.csv", "three.csv"] {
        lab.write(
            name,
            std::fs::read(fixture(&format!("analyse/{name}"))).unwrap(),
        );
    }
    lab
}

/// The hand-worked example: 6/7 renewed with the SMS, 3/7 without; one row with no outcome,
/// one with no arm, one repeated id, and a `yes` read as 1.
#[test]
fn a_small_trial_matches_r_and_lists_every_row_left_out() {
    let lab = lab_with_fixtures();
    let run = lab
        .run(&[
            "analyse",
            "small.csv",
            "--outcome",
            "renewed",
            "--id",
            "id",
            "--format",
            "json",
        ])
        .ok();
    let v = json(&run.stdout);
    assert_eq!(v["kind"], "proportion");
    assert_eq!(v["control"], "control");
    let arms = v["arms"].as_array().unwrap();
    assert_eq!(arms.len(), 2);
    for (arm, (name, assigned, analysed, mean)) in arms
        .iter()
        .zip([("control", 8, 7, 3.0 / 7.0), ("sms", 8, 7, 6.0 / 7.0)])
    {
        let keys: Vec<&str> = arm
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["analysed", "arm", "assigned", "mean"]);
        assert_eq!(arm["arm"], name);
        assert_eq!(arm["assigned"], assigned);
        assert_eq!(arm["analysed"], analysed);
        close(&arm["mean"], mean);
    }
    let e = &v["effect"];
    // R: newcombe 0.4285714286 -0.0614512800 0.7232246893; prop.test p 0.0942643068;
    // Katz 2.0 0.8072354890 4.9551835298.
    close(&e["difference"], 0.4285714286 - 4e-11);
    close(&e["ci_low"], -0.0614512800);
    close(&e["ci_high"], 0.7232246893);
    close(&e["p_value"], 0.0942643068);
    close(&e["ratio"]["ratio"], 2.0);
    close(&e["ratio"]["ci_low"], 0.8072354890);
    close(&e["ratio"]["ci_high"], 4.9551835298);
    assert_eq!(v["not_analysed"]["missing_outcome"], 1);
    assert_eq!(v["not_analysed"]["no_arm"], 1);
    assert_eq!(v["not_analysed"]["duplicate_id"], 1);
    let problems: Vec<(u64, &str)> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["line"].as_u64().unwrap(), p["reason"].as_str().unwrap()))
        .collect();
    assert_eq!(
        problems,
        [
            (13, "missing_outcome"),
            (16, "no_arm"),
            (17, "duplicate_id")
        ]
    );
    assert_eq!(v["problems"][2]["first_line"], 10);
    assert_eq!(v["problems"][0]["file"], "small.csv");
    for line in [
        "small.csv:13: no outcome (id \"12\")",
        "small.csv:16: no arm (id \"15\")",
        "small.csv:17: repeated id (id \"9\"); repeats line 10",
    ] {
        assert!(run.stderr.contains(line), "{}", run.stderr);
    }
}

#[test]
fn means_use_welch_and_the_table_says_it_in_words() {
    let lab = lab_with_fixtures();
    let v = json(
        &lab.run(&[
            "analyse",
            "small.csv",
            "--outcome",
            "days",
            "--id",
            "id",
            "--format",
            "json",
        ])
        .ok()
        .stdout,
    );
    assert_eq!(v["kind"], "mean");
    // R: t.test(sms, control, var.equal = FALSE).
    close(&v["effect"]["difference"], -6.9);
    close(&v["effect"]["ci_low"], -10.2372785238);
    close(&v["effect"]["ci_high"], -3.5627214762);
    close(&v["effect"]["p_value"], 0.0010570662);
    assert!(v["effect"].get("ratio").is_none());
    let table = lab
        .run(&[
            "analyse",
            "small.csv",
            "--outcome",
            "days",
            "--id",
            "id",
            "--covariates",
            "age",
        ])
        .ok()
        .stdout;
    assert!(
        table.contains("sms − control: -6.90 (95% CI -10.24 to -3.56), p = 0.001"),
        "{table}"
    );
    assert!(table.contains("age"), "{table}");
}

#[test]
fn clusters_are_analysed_by_their_means() {
    let lab = lab_with_fixtures();
    let run = lab
        .run(&[
            "analyse",
            "clusters.csv",
            "--outcome",
            "score",
            "--cluster",
            "school",
            "--control",
            "old",
            "--format",
            "json",
        ])
        .ok();
    let v = json(&run.stdout);
    assert_eq!(v["level"], "cluster");
    // R: t.test on the cluster means: 59.8201388889 - 59.00375, CI -6.7660895321 8.3988673099.
    close(&v["effect"]["difference"], 59.8201388889 - 59.00375);
    close(&v["effect"]["ci_low"], -6.7660895321);
    close(&v["effect"]["ci_high"], 8.3988673099);
    close(&v["effect"]["p_value"], 0.8008513929);
    assert_eq!(v["arms"][0]["clusters"], 4);
    assert!(run.stderr.contains("cluster level"), "{}", run.stderr);

    // A cluster in two arms is an error at its line.
    lab.write(
        "bad.csv",
        "pupil,school,arm,score\n1,a,x,3\n2,b,y,4\n3,a,y,5\n",
    );
    let run = lab
        .run(&[
            "analyse",
            "bad.csv",
            "--outcome",
            "score",
            "--cluster",
            "school",
            "--control",
            "x",
        ])
        .code(2);
    assert!(run.stderr.contains("bad.csv:4:"), "{}", run.stderr);
    assert!(run.stderr.contains("\"a\""), "{}", run.stderr);
}

#[test]
fn outcomes_joined_on_the_id_list_every_mismatch_with_its_file_and_line() {
    let lab = Lab::new();
    lab.write(
        "assigned.csv",
        "case;arm\nA1;control\nA2;treatment\nA3;control\nA4;treatment\nA5;control\nA6;treatment\n",
    );
    lab.write(
        "results.csv",
        "case,done\nA1,1\nA2,sim\nA3,\nA4,não\nZ9,1\nA2,0\nA6,1\n",
    );
    let v = json(
        &lab.run(&[
            "analyse",
            "assigned.csv",
            "--outcome",
            "done",
            "--id",
            "case",
            "--outcomes",
            "results.csv",
            "--format",
            "json",
        ])
        .ok()
        .stdout,
    );
    let problems: Vec<(String, u64, String)> = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["file"].as_str().unwrap().to_owned(),
                p["line"].as_u64().unwrap(),
                p["reason"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let want = [
        ("assigned.csv", 6, "no_outcome_row"),
        ("results.csv", 4, "missing_outcome"),
        ("results.csv", 6, "unknown_id"),
        ("results.csv", 7, "duplicate_outcome_id"),
    ];
    assert_eq!(
        problems,
        want.map(|(f, l, r)| (f.to_owned(), l, r.to_owned()))
    );
    assert_eq!(v["arms"][0]["assigned"], 3);
    assert_eq!(v["arms"][0]["analysed"], 1);
    assert_eq!(v["arms"][1]["analysed"], 3);
    close(&v["arms"][1]["mean"], 2.0 / 3.0);
}

#[test]
fn bad_values_are_errors_at_their_line() {
    let lab = Lab::new();
    lab.write("a.csv", "arm,y\ncontrol,1\nt,2\nt,abc\n");
    let run = lab.run(&["analyse", "a.csv", "--outcome", "y"]).code(2);
    assert!(run.stderr.contains("a.csv:4:"), "{}", run.stderr);
    assert!(run.stderr.contains("\"abc\""), "{}", run.stderr);
    lab.write("b.csv", "arm,y\ncontrol,yes\nt,2\n");
    let run = lab.run(&["analyse", "b.csv", "--outcome", "y"]).code(2);
    assert!(run.stderr.contains("b.csv:3:"), "{}", run.stderr);
    lab.write("c.csv", "arm,y\na,1\nb,0\n");
    let run = lab.run(&["analyse", "c.csv", "--outcome", "y"]).code(2);
    assert!(run.stderr.contains("--control"), "{}", run.stderr);
    let run = lab.run(&["analyse", "c.csv", "--outcome", "nope"]).code(2);
    assert!(run.stderr.contains("\"nope\""), "{}", run.stderr);
}

/// With the trial-design session, the verdict in plain words, and arms the plan does not name
/// are listed, not analysed.
#[test]
fn the_plan_gives_the_verdict_in_english_and_portuguese() {
    let lab = Lab::new();
    lab.write(
        "answers.yaml",
        std::fs::read(fixture("answers/trial-design.yaml")).unwrap(),
    );
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
    // 300/500 vs 250/500: 10 points, Newcombe 0.038337 to 0.160596 (R); the plan (0.55 → 0.60)
    // asks for at least 5.
    let mut csv = String::from("id,arm,renewed\n");
    for i in 0..1000 {
        let (arm, yes) = if i < 500 {
            ("SMS reminder", i < 300)
        } else {
            ("Control", i < 750)
        };
        csv.push_str(&format!("{i},{arm},{}\n", u8::from(yes)));
    }
    csv.push_str("1000,Letter,1\n");
    lab.write("trial.csv", &csv);
    let args = [
        "analyse",
        "trial.csv",
        "--outcome",
        "renewed",
        "--plan",
        "trial.yaml",
    ];
    let run = lab.run(&args).ok();
    assert!(
        run.stdout.contains(
            "renewed: 10.0 points higher in SMS reminder than in Control (95% CI 3.8 to 16.1); \
             the plan said at least 5.0 points higher: supported"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stderr
            .contains("trial.csv:1002: arm not in the plan (\"Letter\")"),
        "{}",
        run.stderr
    );
    let pt = lab.run(&[&args[..], &["--lang", "pt"]].concat()).ok();
    assert!(
        pt.stdout.contains(
            "renewed: 10,0 pontos acima em SMS reminder do que em Control (IC 95%: 3,8 a 16,1); \
             o plano pedia pelo menos 5,0 pontos acima: confirmado"
        ),
        "{}",
        pt.stdout
    );
    let v = json(
        &lab.run(&[&args[..], &["--format", "json"]].concat())
            .ok()
            .stdout,
    );
    assert_eq!(v["effect"]["verdict"], "supported");
    close(&v["plan"]["minimum_effect"], 0.05);
    assert_eq!(v["plan"]["alpha"], 0.05);
}

#[test]
fn the_readout_is_written_as_markdown_html_and_word_with_text_escaped() {
    let lab = Lab::new();
    lab.write(
        "t.csv",
        "arm,y\ncontrol,1\ncontrol,0\ncontrol,0\n<script>x</script>,1\n<script>x</script>,1\n<script>x</script>,0\n",
    );
    for out in ["r.md", "r.html", "r.docx"] {
        lab.run(&["analyse", "t.csv", "--outcome", "y", "-o", out])
            .ok();
        assert!(lab.path().join(out).is_file());
    }
    let md = std::fs::read_to_string(lab.path().join("r.md")).unwrap();
    assert!(md.contains("## Result"), "{md}");
    assert!(!md.contains("<script>"), "{md}");
    assert!(
        !md.contains("labkit-chart"),
        "charts are tables in Markdown: {md}"
    );
    let html = std::fs::read_to_string(lab.path().join("r.html")).unwrap();
    assert!(html.contains("<svg"), "the effect chart");
    assert!(!html.contains("<script>"), "{html}");
    let run = lab
        .run(&["analyse", "t.csv", "--outcome", "y", "-o", "r.md"])
        .code(2);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
}

/// The JSON's `answers` start the `experiment-readout` method: its result questions come filled
/// in (without a plan, all but the verdict), and the rest is asked (here, given with `--set`).
#[test]
fn the_json_starts_an_experiment_readout() {
    let lab = lab_with_fixtures();
    let run = lab
        .run(&[
            "analyse",
            "small.csv",
            "--outcome",
            "renewed",
            "--id",
            "id",
            "--format",
            "json",
        ])
        .ok();
    lab.write("readout.json", &run.stdout);
    let v = json(&run.stdout);
    assert_eq!(v["answers"]["outcome"], "renewed");
    close(&v["answers"]["effect"], 42.8571);
    lab.run(&[
        "run",
        "experiment-readout",
        "--answers",
        "readout.json",
        "--set",
        "verdict=inconclusive",
        "--set",
        "ran_as_planned=yes",
        "--set",
        "decision=more_evidence",
        "--set",
        "rationale=Too few units to decide.",
        "--no-input",
        "--session",
        "s.yaml",
        "--report",
        "r.md",
    ])
    .ok();
    let md = std::fs::read_to_string(lab.path().join("r.md")).unwrap();
    assert!(
        md.contains("| 42.8571 | \\-6.1451 | 72.3225 | 0.0943 |"),
        "{md}"
    );
    assert!(md.contains("Gather more evidence before deciding"), "{md}");
}

/// `--alternative greater|less`: the one-sided p-value of R's `prop.test(alternative = ...,
/// correct = FALSE)` and `t.test(alternative = ...)`, and the 1 − 2α (90%) two-sided interval,
/// whose bound on the planned side is R's one-sided bound (reference.out, "one-sided tests").
#[test]
fn one_sided_tests_match_r() {
    let lab = lab_with_fixtures();
    let run = |outcome: &str, alternative: &str| {
        json(
            &lab.run(&[
                "analyse",
                "small.csv",
                "--outcome",
                outcome,
                "--id",
                "id",
                "--alternative",
                alternative,
                "--format",
                "json",
            ])
            .ok()
            .stdout,
        )
    };
    // R: renewed (small.csv) greater p 0.0471321534, newcombe 90% 0.0099507353 0.6946449464.
    let v = run("renewed", "greater");
    assert_eq!(v["alternative"], "greater");
    close(&v["confidence"], 0.9);
    close(&v["effect"]["p_value"], 0.0471321534);
    close(&v["effect"]["ci_low"], 0.0099507353);
    close(&v["effect"]["ci_high"], 0.6946449464);
    // R: days welch less p 0.0005285331169, one-sided bound -Inf -4.1902359830;
    // greater p 0.9994714669, bound -9.6097640170 Inf; 90% ci -9.6097640170 -4.1902359830.
    let v = run("days", "less");
    close(&v["effect"]["p_value"], 0.0005285331169);
    close(&v["effect"]["ci_low"], -9.6097640170);
    close(&v["effect"]["ci_high"], -4.1902359830);
    let v = run("days", "greater");
    close(&v["effect"]["p_value"], 0.9994714669);
    let table = lab
        .run(&[
            "analyse",
            "small.csv",
            "--outcome",
            "renewed",
            "--id",
            "id",
            "--alternative",
            "greater",
        ])
        .ok();
    assert!(
        table.stdout.contains("(90% CI 1.0 to 69.5), p = 0.047")
            && table.stdout.contains("One-sided test for a rise"),
        "{}",
        table.stdout
    );
}

/// The plan's `test_sides` is used when `--alternative` is not given, and the verdict says so.
#[test]
fn a_one_sided_plan_is_read_out_one_sided() {
    let lab = Lab::new();
    lab.write(
        "answers.yaml",
        std::fs::read(fixture("answers/trial-design.yaml")).unwrap(),
    );
    lab.run(&[
        "run",
        "trial-design",
        "--answers",
        "answers.yaml",
        "--set",
        "test_sides=greater",
        "--no-input",
        "--session",
        "trial.yaml",
    ])
    .ok();
    let mut csv = String::from("id,arm,renewed\n");
    for i in 0..1000 {
        let (arm, yes) = if i < 500 {
            ("SMS reminder", i < 300)
        } else {
            ("Control", i < 750)
        };
        csv.push_str(&format!("{i},{arm},{}\n", u8::from(yes)));
    }
    lab.write("trial.csv", &csv);
    let args = [
        "analyse",
        "trial.csv",
        "--outcome",
        "renewed",
        "--plan",
        "trial.yaml",
    ];
    let run = lab.run(&args).ok();
    assert!(
        run.stdout.contains(
            "renewed: 10.0 points higher in SMS reminder than in Control (90% CI 4.8 to 15.1); \
             one-sided test, as planned, for a rise; the plan said at least 5.0 points higher: supported"
        ),
        "{}",
        run.stdout
    );
    // R: greater p 0.0007409403874, newcombe 90% 0.0482657589 0.1509809009.
    let v = json(
        &lab.run(&[&args[..], &["--format", "json"]].concat())
            .ok()
            .stdout,
    );
    assert_eq!(v["plan"]["alternative"], "greater");
    close(&v["effect"]["p_value"], 0.0007409403874);
    close(&v["effect"]["ci_low"], 0.0482657589);
    close(&v["effect"]["ci_high"], 0.1509809009);
    // The flag wins over the plan.
    let v = json(
        &lab.run(
            &[
                &args[..],
                &["--format", "json", "--alternative", "two-sided"],
            ]
            .concat(),
        )
        .ok()
        .stdout,
    );
    assert_eq!(v["alternative"], "two-sided");
    close(&v["confidence"], 0.95);
}

/// A one-sided test pointing against the plan's own effect is refused with the file and the
/// fields named (exit 2), from the plan's test_sides or from the flag; two-sided still runs.
#[test]
fn a_one_sided_test_against_the_planned_direction_is_refused() {
    let lab = Lab::new();
    lab.write(
        "answers.yaml",
        std::fs::read(fixture("answers/trial-design.yaml")).unwrap(),
    );
    lab.run(&[
        "run",
        "trial-design",
        "--answers",
        "answers.yaml",
        "--set",
        "test_sides=greater",
        "--no-input",
        "--session",
        "trial.yaml",
    ])
    .ok();
    // `run` refuses such a plan itself; a session edited by hand can still say it.
    let session = std::fs::read_to_string(lab.path().join("trial.yaml")).unwrap();
    assert!(session.contains("test_sides: greater"), "{session}");
    lab.write(
        "trial.yaml",
        session.replace("test_sides: greater", "test_sides: less"),
    );
    lab.write(
        "trial.csv",
        "id,arm,renewed\n1,SMS reminder,1\n2,Control,0\n3,SMS reminder,0\n4,Control,1\n",
    );
    let args = [
        "analyse",
        "trial.csv",
        "--outcome",
        "renewed",
        "--plan",
        "trial.yaml",
    ];
    let run = lab.run(&args).code(2);
    assert!(
        run.stderr.contains("trial.yaml")
            && run.stderr.contains("one-sided `less` (test_sides)")
            && run.stderr.contains("target_rate − baseline_rate: 0.05")
            && run.stderr.contains("is a rise"),
        "{}",
        run.stderr
    );
    let run = lab
        .run(&[&args[..], &["--alternative", "less", "--lang", "pt"]].concat())
        .code(2);
    assert!(
        run.stderr.contains("unilateral `less` (--alternative)") && run.stderr.contains("subida"),
        "{}",
        run.stderr
    );
    lab.run(&[&args[..], &["--alternative", "two-sided"]].concat())
        .ok();
}

/// Three arms: each treatment arm against the control, Bonferroni over the two comparisons
/// (97.5% intervals, p-values doubled), and an SMD for each arm (reference.out, "three.csv").
#[test]
fn more_arms_are_each_compared_with_control_with_bonferroni() {
    let lab = lab_with_fixtures();
    let v = json(
        &lab.run(&[
            "analyse",
            "three.csv",
            "--outcome",
            "renewed",
            "--covariates",
            "age",
            "--format",
            "json",
        ])
        .ok()
        .stdout,
    );
    assert_eq!(v["comparisons"], 2);
    assert_eq!(v["correction"], "bonferroni");
    close(&v["confidence"], 0.975);
    let effects = v["effects"].as_array().unwrap();
    assert_eq!(effects.len(), 2);
    // R: sms 20/30 vs 12/30 newcombe 97.5% -0.0193545519 0.4988410547, bonferroni p 0.07686786047;
    // letter 13/30 vs 12/30 newcombe 97.5% -0.2349724920 0.2950557670, bonferroni p 1.
    assert_eq!(effects[0]["arm"], "sms");
    close(&effects[0]["ci_low"], -0.0193545519);
    close(&effects[0]["ci_high"], 0.4988410547);
    close(&effects[0]["p_value"], 0.07686786047);
    assert_eq!(effects[1]["arm"], "letter");
    close(&effects[1]["ci_low"], -0.2349724920);
    close(&effects[1]["ci_high"], 0.2950557670);
    close(&effects[1]["p_value"], 1.0);
    // R: smd age sms 0.3140415526, letter 0.7907781606.
    let b = &v["balance"][0];
    close(&b["smd_by_arm"]["sms"], 0.3140415526);
    close(&b["smd_by_arm"]["letter"], 0.7907781606);
    let table = lab
        .run(&[
            "analyse",
            "three.csv",
            "--outcome",
            "renewed",
            "--covariates",
            "age",
        ])
        .ok();
    assert!(
        table
            .stdout
            .contains("Bonferroni correction, each comparison at α = 0.025")
            && table.stdout.contains("SMD letter"),
        "{}",
        table.stdout
    );
}

/// With more than one treatment arm the readout's answers carry every comparison, so the
/// report of `experiment-readout` shows the letter arm too, not only the first (sms).
#[test]
fn a_three_arm_readout_carries_every_comparison_into_the_report() {
    let lab = lab_with_fixtures();
    let run = lab
        .run(&[
            "analyse",
            "three.csv",
            "--outcome",
            "renewed",
            "--format",
            "json",
        ])
        .ok();
    lab.write("readout.json", &run.stdout);
    let v = json(&run.stdout);
    let rows = v["answers"]["comparisons"].as_array().unwrap();
    assert_eq!(rows.len(), 2, "{}", v["answers"]);
    assert_eq!(rows[0]["arm"], "sms");
    assert_eq!(rows[1]["arm"], "letter");
    // The same 97.5% Newcombe bounds as above (R), in percentage points.
    close(&rows[1]["ci_low"], -23.4972);
    close(&rows[1]["ci_high"], 29.5056);
    lab.run(&[
        "run",
        "experiment-readout",
        "--answers",
        "readout.json",
        "--set",
        "verdict=inconclusive",
        "--set",
        "ran_as_planned=yes",
        "--set",
        "decision=more_evidence",
        "--set",
        "rationale=Two arms, too few units.",
        "--no-input",
        "--session",
        "s.yaml",
        "--report",
        "r.md",
    ])
    .ok();
    let md = std::fs::read_to_string(lab.path().join("r.md")).unwrap();
    assert!(
        md.contains("| sms | 26.6667 | \\-1.9355 | 49.8841 |  |"),
        "{md}"
    );
    assert!(
        md.contains("| letter | 3.3333 | \\-23.4972 | 29.5056 |"),
        "{md}"
    );
}

/// The JSON goes to the `test-and-learn` playbook as it is: it names its method
/// (`"method": "experiment-readout"`), so the playbook puts its answers under that id; the
/// playbook's later methods start from the readout's result.
#[test]
fn the_json_starts_the_test_and_learn_playbook_as_it_is() {
    let lab = lab_with_fixtures();
    let run = lab
        .run(&[
            "analyse",
            "small.csv",
            "--outcome",
            "renewed",
            "--id",
            "id",
            "--format",
            "json",
        ])
        .ok();
    assert_eq!(json(&run.stdout)["method"], "experiment-readout");
    lab.write("readout.json", &run.stdout);
    let mut args = vec![
        "run",
        "test-and-learn",
        "--answers",
        "readout.json",
        "--defaults",
        "--no-input",
        "--session",
        "s.yaml",
        "--report",
        "r.md",
    ];
    for set in [
        "experiment-readout.verdict=inconclusive",
        "experiment-readout.ran_as_planned=yes",
        "experiment-readout.decision=more_evidence",
        "experiment-readout.rationale=Too few units to decide.",
        "learning-card.believed=A reminder helps people renew on time.",
        "learning-card.criterion_met=inconclusive",
        "learning-card.learned=The trial was too small to tell.",
        "learning-card.confidence=2",
        "learning-card.decision=retest",
        "learning-card.therefore=Run it again with more units.",
        "learning-card.action_owner=Ana",
        "scale-decision.hypothesis=A reminder helps people renew on time.",
        "scale-decision.criterion_met=inconclusive",
        "scale-decision.evidence_strength=2",
        "scale-decision.decision=iterate",
        "scale-decision.rationale=Too few units.",
        "scale-decision.decided_by=Director",
        "scale-decision.decision_date=2026-12-01",
        "scale-decision.next_owner=Ana",
        "scale-decision.review_date=2027-03-01",
        "scale-decision.next_experiment=A larger trial.",
    ] {
        args.extend(["--set", set]);
    }
    lab.run(&args).ok();
    let session = std::fs::read_to_string(lab.path().join("s.yaml")).unwrap();
    assert!(
        session.contains("  experiment-readout:\n    outcome: renewed\n"),
        "{session}"
    );
    let md = std::fs::read_to_string(lab.path().join("r.md")).unwrap();
    assert!(
        md.contains("| 42.8571 | \\-6.1451 | 72.3225 | 0.0943 |"),
        "{md}"
    );
    // The learning card's "observed" and the scale decision's "results" come from the readout.
    assert!(
        md.matches("sms − control: +42.9 points (95% CI -6.1 to 72.3)")
            .count()
            >= 3,
        "{md}"
    );
}
