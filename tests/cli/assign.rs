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
            .contains("line 3: has 1 fields, expected 2 (as in the header)"),
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
