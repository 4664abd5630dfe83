//! `labkit assign`: reproducible, balanced, never half-written.

use crate::support::Lab;

const UNITS: &str = "id,region,name\n1,north,\"Ana, M\"\n2,south,Rui\n3,north,Eva\n4,south,Zé\n5,north,Rita\n6,south,Luís\n";

#[test]
fn same_seed_same_assignment_with_quoting_kept() {
    let lab = Lab::new();
    lab.write("units.csv", UNITS);
    let a = lab
        .run(&[
            "assign",
            "units.csv",
            "--arms",
            "control,treatment",
            "--stratify",
            "region",
            "--seed",
            "7",
        ])
        .ok();
    let b = lab
        .run(&[
            "assign",
            "units.csv",
            "--arms",
            "control,treatment",
            "--stratify",
            "region",
            "--seed",
            "7",
        ])
        .ok();
    assert_eq!(a.stdout, b.stdout);
    assert!(
        a.stdout
            .starts_with("id,region,name,arm\n1,north,\"Ana, M\","),
        "{}",
        a.stdout
    );
    for region in ["north", "south"] {
        let arms: Vec<&str> = a
            .stdout
            .lines()
            .skip(1)
            .filter(|l| l.contains(region))
            .map(|l| l.rsplit(',').next().unwrap())
            .collect();
        let control = arms.iter().filter(|a| **a == "control").count();
        assert!(
            control == 1 || control == 2,
            "unbalanced {region}: {arms:?}"
        );
    }
    assert!(a.stderr.contains("Total"), "{}", a.stderr);
}

#[test]
fn without_a_seed_one_is_printed_and_reproduces() {
    let lab = Lab::new();
    lab.write("units.csv", UNITS);
    let run = lab.run(&["assign", "units.csv", "--arms", "a,b"]).ok();
    let seed = run
        .stderr
        .split("--seed ")
        .nth(1)
        .unwrap()
        .split('`')
        .next()
        .unwrap()
        .to_owned();
    let again = lab
        .run(&["assign", "units.csv", "--arms", "a,b", "--seed", &seed])
        .ok();
    assert_eq!(run.stdout, again.stdout);
}

#[test]
fn output_and_audit_log_files() {
    let lab = Lab::new();
    lab.write("units.csv", UNITS);
    lab.run(&[
        "assign",
        "units.csv",
        "--arms",
        "a,b",
        "--ratio",
        "2:1",
        "--seed",
        "1",
        "-o",
        "out.csv",
        "--log",
        "audit.yaml",
    ])
    .ok();
    let out = std::fs::read_to_string(lab.path().join("out.csv")).unwrap();
    assert_eq!(out.lines().filter(|l| l.ends_with(",a")).count(), 4);
    let audit = std::fs::read_to_string(lab.path().join("audit.yaml")).unwrap();
    for key in [
        "seed: 1",
        "labkit_version:",
        "input_sha256:",
        "time:",
        "ratio:",
    ] {
        assert!(audit.contains(key), "{key} missing from\n{audit}");
    }
    // An existing output is not replaced without --force.
    lab.run(&[
        "assign",
        "units.csv",
        "--arms",
        "a,b",
        "--seed",
        "1",
        "-o",
        "out.csv",
    ])
    .code(2);
    lab.run(&[
        "assign",
        "units.csv",
        "--arms",
        "a,b",
        "--seed",
        "1",
        "-o",
        "out.csv",
        "--force",
    ])
    .ok();
}

#[test]
fn bad_input_names_the_line_and_writes_nothing() {
    let lab = Lab::new();
    lab.write("ragged.csv", "id,region\n1,north\n2\n");
    let run = lab
        .run(&[
            "assign",
            "ragged.csv",
            "--arms",
            "a,b",
            "--seed",
            "1",
            "-o",
            "out.csv",
        ])
        .code(2);
    assert!(run.stderr.contains("line 3"), "{}", run.stderr);
    assert!(!lab.path().join("out.csv").exists());
    lab.write("dups.csv", "id,region\n1,north\n1,south\n");
    let run = lab
        .run(&[
            "assign", "dups.csv", "--arms", "a,b", "--id", "id", "--seed", "1",
        ])
        .code(2);
    assert!(run.stderr.contains("duplicate"), "{}", run.stderr);
    let run = lab
        .run(&[
            "assign", "dups.csv", "--arms", "a,b", "--ratio", "1:1:1", "--seed", "1",
        ])
        .code(2);
    assert!(run.stderr.contains("ratio"), "{}", run.stderr);
    lab.write("empty.csv", "");
    lab.run(&["assign", "empty.csv", "--arms", "a,b", "--seed", "1"])
        .code(2);
}
