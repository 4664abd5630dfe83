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
        "a=2,b=1",
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
        "output_sha256:",
        "previous_sha256: null",
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
    let run = lab
        .run(&["assign", "empty.csv", "--arms", "a,b", "--seed", "1"])
        .code(2);
    assert!(
        run.stderr.contains("empty.csv: the input is empty") && !run.stderr.contains("column"),
        "{}",
        run.stderr
    );
}

/// What a spreadsheet in a Portuguese locale saves as CSV: `;` between fields, a byte order mark,
/// CRLF line breaks, accents, a quoted field with a `;` inside.
const FOLHA: &str = "\u{feff}região;nome;morada\r\n\
    Lisboa;Ana;\"Rua da Sé; 3\"\r\n\
    Porto;Rui;Sé\r\n\
    Lisboa;Eva;\"Largo, 1\"\r\n\
    Porto;Zé;Sé\r\n\
    Lisboa;Inês;Sé\r\n\
    Porto;Luís;\"Av. 5; 2.º\"\r\n";

#[test]
fn a_portuguese_spreadsheet_is_read_with_its_semicolons() {
    let lab = Lab::new();
    lab.write("folha.csv", FOLHA);
    let run = lab
        .run(&[
            "assign",
            "folha.csv",
            "--arms",
            "controlo,tratamento",
            "--stratify",
            "região",
            "--seed",
            "3",
            "-o",
            "saida.csv",
        ])
        .ok();
    assert!(
        run.stderr
            .contains("folha.csv: columns separated by `;` (detected;"),
        "{}",
        run.stderr
    );
    let out = std::fs::read(lab.path().join("saida.csv")).unwrap();
    let text = String::from_utf8(out.clone()).unwrap();
    assert!(
        text.starts_with("\u{feff}região;nome;morada;arm\r\nLisboa;Ana;\"Rua da Sé; 3\";"),
        "{text:?}"
    );
    assert_eq!(text.matches("\r\n").count(), 7, "CRLF kept: {text:?}");
    assert!(!text.replace("\r\n", "").contains('\n'));
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, ["região", "nome", "morada", "arm"]);
    let rows: Vec<csv::StringRecord> = rdr.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 6);
    assert_eq!(&rows[0][2], "Rua da Sé; 3");
    assert_eq!(&rows[5][2], "Av. 5; 2.º");
    for region in ["Lisboa", "Porto"] {
        let control = rows
            .iter()
            .filter(|r| &r[0] == region && &r[3] == "controlo")
            .count();
        let treatment = rows
            .iter()
            .filter(|r| &r[0] == region && &r[3] == "tratamento")
            .count();
        assert_eq!(control + treatment, 3, "{region}: {rows:?}");
        assert!(control.abs_diff(treatment) == 1, "{region}: {rows:?}");
    }

    // The note is in the message language; stdout gets the same bytes as the file.
    let pt = lab
        .run(&[
            "assign",
            "folha.csv",
            "--arms",
            "controlo,tratamento",
            "--stratify",
            "região",
            "--seed",
            "3",
            "--lang",
            "pt",
        ])
        .ok();
    assert!(
        pt.stderr.contains("folha.csv: colunas separadas por `;`"),
        "{}",
        pt.stderr
    );
    assert_eq!(pt.stdout.as_bytes(), &out[..]);
}

#[test]
fn delimiter_tab_is_used_for_reading_and_writing() {
    let lab = Lab::new();
    lab.write("t.tsv", "id\tname\n1\tAna, M\n2\tRui\n3\tEva\n4\tZé\n");
    let run = lab
        .run(&[
            "assign",
            "t.tsv",
            "--arms",
            "a,b",
            "--delimiter",
            "tab",
            "--id",
            "id",
            "--seed",
            "1",
        ])
        .ok();
    assert!(
        run.stdout.starts_with("id\tname\tarm\n1\tAna, M\t"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stderr.contains("separated"),
        "a given delimiter is not announced as detected: {}",
        run.stderr
    );
    let arms: Vec<&str> = run
        .stdout
        .lines()
        .skip(1)
        .map(|l| l.rsplit('\t').next().unwrap())
        .collect();
    assert_eq!(arms.iter().filter(|a| **a == "a").count(), 2, "{arms:?}");
    // Detection finds the tab too; a given `,` reads the file as one column.
    let detected = lab
        .run(&["assign", "t.tsv", "--arms", "a,b", "--seed", "1"])
        .ok();
    assert_eq!(detected.stdout, run.stdout);
    assert!(
        detected.stderr.contains("separated by tab"),
        "{}",
        detected.stderr
    );
    let comma = lab
        .run(&[
            "assign",
            "t.tsv",
            "--arms",
            "a,b",
            "--delimiter",
            ",",
            "--id",
            "id",
            "--seed",
            "1",
        ])
        .code(2);
    assert!(
        comma
            .stderr
            .contains("column \"id\" (from `--id`) not found"),
        "{}",
        comma.stderr
    );
}

#[test]
fn an_ambiguous_file_prefers_comma_unless_a_named_column_says_otherwise() {
    let lab = Lab::new();
    lab.write("both.csv", "a,b;c\n1,2;3\n4,5;6\n");
    let run = lab
        .run(&["assign", "both.csv", "--arms", "x,y", "--seed", "1"])
        .ok();
    assert!(run.stdout.starts_with("a,b;c,arm\n"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("columns separated by `,`; `;` would also fit"),
        "{}",
        run.stderr
    );
    let run = lab
        .run(&[
            "assign",
            "both.csv",
            "--arms",
            "x,y",
            "--stratify",
            "c",
            "--seed",
            "1",
        ])
        .ok();
    assert!(run.stdout.starts_with("a,b;c;arm\n"), "{}", run.stdout);
    assert!(
        run.stderr.contains(
            "columns separated by `;`, not `,`: only then is there a column \"c\" (from `--stratify`)"
        ),
        "{}",
        run.stderr
    );
    // One column and no delimiter in sight: read as it is.
    lab.write("one.csv", "name\nAna\nRui\n");
    let run = lab
        .run(&["assign", "one.csv", "--arms", "x,y", "--seed", "1"])
        .ok();
    assert!(run.stdout.starts_with("name,arm\nAna,"), "{}", run.stdout);
    assert!(run.stderr.contains("one.csv: one column"), "{}", run.stderr);
}

#[test]
fn a_header_detection_cannot_split_is_an_error_suggesting_the_flag() {
    let lab = Lab::new();
    lab.write("ragged.csv", "nome;idade\r\nAna;30\r\nRui\r\n");
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
    assert!(
        run.stderr.contains(
            "ragged.csv: line 1: could not tell the delimiter: read with `,` the header is one column, \"nome;idade\", which contains `;`; pass `--delimiter ';'`"
        ),
        "{}",
        run.stderr
    );
    assert!(!lab.path().join("out.csv").exists());
    // Given the delimiter, the ragged row is found and named.
    let run = lab
        .run(&[
            "assign",
            "ragged.csv",
            "--arms",
            "a,b",
            "--seed",
            "1",
            "--delimiter",
            ";",
        ])
        .code(2);
    assert!(
        run.stderr
            .contains("line 3: has 1 field, expected 2 (as in the header)"),
        "{}",
        run.stderr
    );
}

#[cfg(unix)]
#[test]
fn a_pipe_is_read_once_into_memory() {
    let lab = Lab::new();
    let fifo = lab.path().join("units.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(made.success());
    // Not joined: if labkit never opened the pipe, the writer would wait for ever.
    std::thread::spawn(move || std::fs::write(fifo, UNITS.replace(',', ";")));
    let run = lab
        .run(&[
            "assign",
            "units.csv",
            "--arms",
            "a,b",
            "--stratify",
            "region",
            "--seed",
            "7",
        ])
        .ok();
    assert!(
        run.stdout
            .starts_with("id;region;name;arm\n1;north;\"Ana; M\";"),
        "{}",
        run.stdout
    );
    assert_eq!(run.stdout.lines().count(), 7);
}

/// SHA-256 of a file in the lab, lowercase hex.
fn sha256_of(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The log as YAML values: its entries.
fn log_entries(lab: &Lab, name: &str) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(lab.path().join(name)).unwrap();
    let doc: serde_json::Value = serde_yaml::from_str(&text).unwrap();
    assert_eq!(doc["format"], "labkit-assign-log-1", "{text}");
    doc["entries"].as_array().unwrap().clone()
}

#[test]
fn the_log_has_the_outputs_sha256() {
    let lab = Lab::new();
    lab.write("units.csv", UNITS);
    lab.run(&[
        "assign",
        "units.csv",
        "--arms",
        "a,b",
        "--seed",
        "2",
        "-o",
        "out.csv",
        "--log",
        "f.yaml",
    ])
    .ok();
    let out = std::fs::read(lab.path().join("out.csv")).unwrap();
    let entries = log_entries(&lab, "f.yaml");
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["output_sha256"], sha256_of(&out).as_str());
    assert_eq!(
        entries[0]["input_sha256"],
        sha256_of(UNITS.as_bytes()).as_str()
    );
    assert_eq!(entries[0]["algorithm"], "labkit-assign-v2");
    // To stdout, the hash is of the bytes printed.
    let run = lab
        .run(&[
            "assign",
            "units.csv",
            "--arms",
            "a,b",
            "--seed",
            "2",
            "--log",
            "s.yaml",
        ])
        .ok();
    assert_eq!(run.stdout.as_bytes(), &out[..]);
    assert_eq!(
        log_entries(&lab, "s.yaml")[0]["output_sha256"],
        sha256_of(run.stdout.as_bytes()).as_str()
    );
}

#[test]
fn append_keeps_the_earlier_arms_and_continues_the_chain() {
    let lab = Lab::new();
    lab.write("week1.csv", UNITS);
    lab.write(
        "week2.csv",
        "id,region,name\n7,north,Nuno\n8,south,Sara\n9,east,Teo\n",
    );
    lab.run(&[
        "assign",
        "week1.csv",
        "--ratio",
        "sms=2,letter=1",
        "--block-size",
        "3",
        "--stratify",
        "region",
        "--id",
        "id",
        "--seed",
        "11",
        "-o",
        "trial.csv",
        "--log",
        "trial.yaml",
    ])
    .ok();
    let before = std::fs::read_to_string(lab.path().join("trial.csv")).unwrap();
    assert!(before.starts_with("id,region,name,arm\n"), "{before}");
    // Three north and three south: one complete block each, two sms and one letter.
    for region in ["north", "south"] {
        let sms = before
            .lines()
            .filter(|l| l.contains(region) && l.ends_with(",sms"))
            .count();
        assert_eq!(sms, 2, "{before}");
    }
    let run = lab
        .run(&[
            "assign",
            "week2.csv",
            "--append",
            "trial.csv",
            "--log",
            "trial.yaml",
            "--seed",
            "12",
        ])
        .ok();
    assert!(
        run.stderr
            .contains("trial.csv: 3 rows added (batch 2) after the 6 assigned before"),
        "{}",
        run.stderr
    );
    let after = std::fs::read_to_string(lab.path().join("trial.csv")).unwrap();
    assert!(after.starts_with(&before), "earlier rows changed:\n{after}");
    let added: Vec<&str> = after[before.len()..].lines().collect();
    assert_eq!(added.len(), 3, "{after}");
    assert!(added[0].starts_with("7,north,Nuno,"), "{after}");
    let entries = log_entries(&lab, "trial.yaml");
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[1]["batch"], 2);
    assert_eq!(entries[1]["previous_sha256"], entries[0]["sha256"]);
    assert_eq!(entries[1]["seed"], 12);
    assert_eq!(entries[1]["block_size"], 3);
    assert_eq!(entries[1]["appended_to"], "trial.csv");
    assert_eq!(
        entries[1]["output_sha256"],
        sha256_of(after.as_bytes()).as_str()
    );

    // An id already assigned is refused, and nothing is written.
    lab.write("again.csv", "id,region,name\n3,north,Eva\n");
    let run = lab
        .run(&[
            "assign",
            "again.csv",
            "--append",
            "trial.csv",
            "--log",
            "trial.yaml",
        ])
        .code(2);
    assert!(
        run.stderr.contains("already in the earlier assignment"),
        "{}",
        run.stderr
    );
    // A settings flag that differs from the log's is refused.
    let run = lab
        .run(&[
            "assign",
            "again.csv",
            "--append",
            "trial.csv",
            "--log",
            "trial.yaml",
            "--ratio",
            "sms=1,letter=1",
        ])
        .code(2);
    assert!(run.stderr.contains("`--ratio` differs"), "{}", run.stderr);

    // An edited CSV is refused.
    lab.write("week3.csv", "id,region,name\n10,north,Vera\n");
    let edited = after.replacen(",sms\n", ",letter\n", 1);
    lab.write("trial.csv", &edited);
    let run = lab
        .run(&[
            "assign",
            "week3.csv",
            "--append",
            "trial.csv",
            "--log",
            "trial.yaml",
        ])
        .code(2);
    assert!(
        run.stderr
            .contains("trial.csv has changed since it was assigned"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(lab.path().join("trial.csv")).unwrap(),
        edited
    );
    // So is an edited log, and a log whose chain is broken.
    lab.write("trial.csv", &after);
    let log = std::fs::read_to_string(lab.path().join("trial.yaml")).unwrap();
    lab.write("trial.yaml", log.replacen("seed: 11", "seed: 13", 1));
    let run = lab
        .run(&[
            "assign",
            "week3.csv",
            "--append",
            "trial.csv",
            "--log",
            "trial.yaml",
        ])
        .code(2);
    assert!(
        run.stderr.contains("trial.yaml: entry 1 has been changed"),
        "{}",
        run.stderr
    );
    let first_hash = entries[0]["sha256"].as_str().unwrap();
    lab.write(
        "trial.yaml",
        log.replacen(
            &format!("previous_sha256: {first_hash}"),
            &format!("previous_sha256: {}", "0".repeat(64)),
            1,
        ),
    );
    let run = lab
        .run(&[
            "assign",
            "week3.csv",
            "--append",
            "trial.csv",
            "--log",
            "trial.yaml",
        ])
        .code(2);
    assert!(run.stderr.contains("trial.yaml: entry 2"), "{}", run.stderr);
    // Restored, it goes on.
    lab.write("trial.yaml", &log);
    lab.run(&[
        "assign",
        "week3.csv",
        "--append",
        "trial.csv",
        "--log",
        "trial.yaml",
        "--seed",
        "1",
    ])
    .ok();
    assert_eq!(log_entries(&lab, "trial.yaml").len(), 3);
}

#[test]
fn ratio_names_the_arms() {
    let lab = Lab::new();
    lab.write("units.csv", UNITS);
    let run = lab
        .run(&[
            "assign",
            "units.csv",
            "--arms",
            "control,treatment",
            "--ratio",
            "2:1",
        ])
        .code(2);
    assert!(
        run.stderr
            .contains("name the arms instead: `--ratio control=2,treatment=1`"),
        "{}",
        run.stderr
    );
    // Named, the order of --arms does not matter; without --arms the ratio names them.
    let named = lab
        .run(&[
            "assign",
            "units.csv",
            "--arms",
            "control,treatment",
            "--ratio",
            "treatment=2,control=1",
            "--seed",
            "4",
        ])
        .ok();
    assert_eq!(
        named
            .stdout
            .lines()
            .filter(|l| l.ends_with(",treatment"))
            .count(),
        4
    );
    let bare = lab
        .run(&[
            "assign",
            "units.csv",
            "--ratio",
            "control=1,treatment=2",
            "--seed",
            "4",
        ])
        .ok();
    assert_eq!(bare.stdout, named.stdout);
    // Equal parts may stay unnamed.
    lab.run(&[
        "assign",
        "units.csv",
        "--arms",
        "a,b",
        "--ratio",
        "1:1",
        "--seed",
        "4",
    ])
    .ok();
}

/// Values that YAML would read as something else unless quoted (booleans, numbers, null, dates)
/// survive the log's round trip, so the chain still checks.
#[test]
fn the_chain_checks_whatever_the_values() {
    let lab = Lab::new();
    let tricky = [
        "yes",
        "007",
        "1.50",
        "null",
        "~",
        "2026-01-01",
        "é \"q\"",
        "- x",
        "#h",
    ];
    let mut first = String::from("id,g\n");
    let mut second = String::from("id,g\n");
    for (i, v) in tricky.iter().enumerate() {
        let cell = format!("\"{}\"", v.replace('"', "\"\""));
        first.push_str(&format!("{i},{cell}\n"));
        second.push_str(&format!("{},{cell}\n", i + 100));
    }
    lab.write("a.csv", &first);
    lab.write("b.csv", &second);
    lab.run(&[
        "assign",
        "a.csv",
        "--arms",
        "yes,no",
        "--stratify",
        "g",
        "--seed",
        "9",
        "-o",
        "t.csv",
        "--log",
        "t.yaml",
    ])
    .ok();
    lab.run(&[
        "assign", "b.csv", "--append", "t.csv", "--log", "t.yaml", "--seed", "10",
    ])
    .ok();
    let entries = log_entries(&lab, "t.yaml");
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["arms"][0], "yes");
    assert_eq!(entries[0]["strata"][1]["key"], "007");
    let out = std::fs::read(lab.path().join("t.csv")).unwrap();
    assert_eq!(entries[1]["output_sha256"], sha256_of(&out).as_str());
}
