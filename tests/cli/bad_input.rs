//! Hostile and broken files: each gives a clear error and an exit code, never a panic or hang.

use crate::support::Lab;

fn validate_one(lab: &Lab, name: &str, contents: &[u8]) -> String {
    let path = lab.write(&format!("m/{name}"), contents);
    let run = lab.run(&["validate", path.to_str().unwrap()]).code(1);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run.stderr
}

#[test]
fn empty_file() {
    let lab = Lab::new();
    assert!(validate_one(&lab, "empty.yaml", b"").contains("empty.yaml: file is empty"));
}

#[test]
fn not_utf8() {
    let lab = Lab::new();
    let err = validate_one(&lab, "latin1.yaml", b"schema: 1\nname: Cart\xe3o\n");
    assert!(
        err.contains("latin1.yaml:2: file is not valid UTF-8"),
        "{err}"
    );
}

#[test]
fn yaml_syntax_error_has_a_position() {
    let lab = Lab::new();
    let err = validate_one(&lab, "syntax.yaml", b"schema: 1\nid: [\n");
    assert!(err.contains("syntax.yaml:3:1: YAML syntax error"), "{err}");
}

#[test]
fn wrong_types_are_all_reported() {
    let lab = Lab::new();
    let err = validate_one(
        &lab,
        "types.yaml",
        b"schema: one\nid: types\nname: x\nsummary: y\nstage: ideas\nduration: 10\nsteps: []\nextra: 1\n",
    );
    assert!(
        err.contains(
            "types.yaml:1:1: schema: invalid type: string \"one\", expected a whole number"
        ),
        "{err}"
    );
    assert!(
        err.contains(
            "types.yaml:5:1: stage: unknown value `ideas`\n  hint: did you mean `ideation`?"
        ),
        "{err}"
    );
    assert!(
        err.contains("types.yaml:6:1: duration: `10` has no unit; write `10m`"),
        "{err}"
    );
    assert!(
        err.contains("types.yaml:8:1: extra: unknown field `extra`"),
        "{err}"
    );
}

#[test]
fn a_ten_megabyte_file_is_refused_without_reading_it_all() {
    let lab = Lab::new();
    let mut big = b"schema: 1\nid: big\nsummary: \"".to_vec();
    big.extend(std::iter::repeat_n(b'x', 10 * 1024 * 1024));
    big.extend(b"\"\n");
    let err = validate_one(&lab, "big.yaml", &big);
    assert!(err.contains("big.yaml: file is larger than 1 MB"), "{err}");
}

#[test]
fn deep_nesting_is_refused() {
    let lab = Lab::new();
    let deep = format!("a: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let err = validate_one(&lab, "deep.yaml", deep.as_bytes());
    assert!(
        err.contains("deep.yaml:1:259: nesting is too deep here (more than 100 levels)"),
        "{err}"
    );
}

#[test]
fn alias_bomb_is_refused() {
    let lab = Lab::new();
    let mut bomb = String::from(
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
    );
    let mut prev = 'a';
    for name in "bcdefghi".chars() {
        bomb.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(",")
        ));
        prev = name;
    }
    let err = validate_one(&lab, "bomb.yaml", bomb.as_bytes());
    assert!(err.contains("bomb.yaml: too many aliases"), "{err}");
}

#[test]
fn a_broken_workspace_file_does_not_stop_list_or_show() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Test Lab\n");
    lab.write(
        "methods/good.yaml",
        crate::support::method_yaml("good", "Good one"),
    );
    lab.write("methods/broken.yaml", "schema: 1\nid: [\n");
    let run = lab.run(&["list", "--format", "json"]).ok();
    assert!(run.stdout.contains("\"good\""));
    assert_eq!(
        run.stderr.matches("broken.yaml").count(),
        1,
        "{}",
        run.stderr
    );
    lab.run(&["show", "good"]).ok();
    lab.run(&["validate"]).code(1);
}

#[test]
fn unknown_flag_is_a_usage_error() {
    Lab::new().run(&["list", "--bogus"]).code(2);
    Lab::new().run(&["list", "--stage", "ideas"]).code(2);
    Lab::new().run(&["--lang", "fr", "list"]).code(2);
}
