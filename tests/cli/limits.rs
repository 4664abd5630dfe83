//! Bounded work (docs/security.md, "Limits"): hostile YAML is refused by every reader before
//! it costs time, sessions and answers have size limits, a report's memory follows its output,
//! and FIFOs and other special files never make labkit wait.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{Lab, Run, fixture};

/// Runs labkit in `cwd` and kills it after `limit`: a hang fails the test instead of
/// stopping the suite. Also returns how long it ran.
fn run_within(lab: &Lab, cwd: &Path, args: &[&str], limit: Duration) -> (Run, Duration) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_labkit"))
        .args(args)
        .current_dir(cwd)
        .env_clear()
        .env("HOME", lab.path())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run labkit");
    // Drained on threads, so a chatty child never blocks on a full pipe.
    let mut stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let out = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let err = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stderr, &mut s).ok();
        s
    });
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if start.elapsed() > limit {
            child.kill().ok();
            child.wait().ok();
            panic!("labkit {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let took = start.elapsed();
    let run = Run {
        code: status.code().unwrap_or(-1),
        stdout: out.join().expect("stdout"),
        stderr: err.join().expect("stderr"),
    };
    (run, took)
}

/// Each file, with the line where it first nests deeper than the limit.
const HOSTILE: [(&str, usize); 4] = [
    ("flow-lists.yaml", 2),
    ("block-sequences.yaml", 3),
    ("flow-mappings.yaml", 2),
    ("nested-mappings.yaml", 102),
];

/// Generous for a debug build on a busy machine; before the check, the first three took 12.7
/// s, 26 s (and 7.5 GB) and 4 s as answers files in a debug build.
const QUICK: Duration = Duration::from_secs(2);

#[test]
fn hostile_nesting_is_refused_quickly_by_every_reader() {
    for (name, line) in HOSTILE {
        let text = std::fs::read(fixture(&format!("hostile/{name}"))).unwrap();
        let lab = Lab::new();
        let file = lab.write(name, &text);
        let file = file.to_str().unwrap();
        let quick = |args: &[&str]| {
            let (run, took) = run_within(&lab, lab.path(), args, Duration::from_secs(120));
            assert!(took < QUICK, "labkit {args:?} took {took:?}");
            assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
            run
        };
        let check = |run: &Run, file: &str| {
            assert!(
                run.stderr.contains(&format!("{file}:{line}:"))
                    && run
                        .stderr
                        .contains("nesting is too deep here (more than 100 levels)"),
                "{name}: {}",
                run.stderr
            );
        };
        // A method file, named or found in a folder.
        check(&quick(&["validate", file]).code(1), name);
        // An answers file.
        let run = quick(&[
            "run",
            "test-card",
            "--answers",
            file,
            "--no-input",
            "--session",
            "s.yaml",
        ]);
        check(&run.code(2), name);
        // A session.
        check(&quick(&["report", file]).code(2), name);
        // The portfolio skips it and says why.
        lab.write(&format!("sessions/{name}"), &text);
        let run = quick(&["portfolio", "sessions"]).ok();
        assert!(
            run.stderr
                .contains(&format!("line {line}: nesting is too deep")),
            "{}",
            run.stderr
        );
        // A workspace method: list, show and agenda go on without it.
        lab.write(&format!("ws/methods/{name}"), &text);
        lab.write("ws/labkit.yaml", "lab: Test lab\n");
        let ws = lab.path().join("ws");
        for args in [
            &["list"][..],
            &["show", "test-card"],
            &["agenda", "test-card"],
        ] {
            let (run, took) = run_within(&lab, &ws, args, Duration::from_secs(120));
            assert!(took < QUICK, "labkit {args:?} took {took:?}");
            run.ok();
        }
        // The workspace file itself.
        lab.write("bad/labkit.yaml", &text);
        let (run, took) = run_within(
            &lab,
            &lab.path().join("bad"),
            &["list"],
            Duration::from_secs(120),
        );
        assert!(took < QUICK, "list took {took:?}");
        check(&run.code(2), "labkit.yaml");
    }
}

#[test]
fn too_many_values_are_refused_before_they_are_read() {
    let lab = Lab::new();
    // 250,000 one-digit list items: half a megabyte that serde_yaml would hold as 250,000
    // values of a few hundred bytes each.
    let answers = format!("challenge: [{}1]\n", "1,".repeat(250_000));
    let file = lab.write("many.yaml", &answers);
    let run = lab
        .run(&[
            "run",
            "test-card",
            "--answers",
            file.to_str().unwrap(),
            "--no-input",
        ])
        .code(2);
    assert!(
        run.stderr
            .contains("many.yaml:1:400007: more than 200000 values (lists, mappings, scalars)"),
        "{}",
        run.stderr
    );
}

/// A finished brainstorm session with `n` more ideas of two words, each voted on: the shape
/// that costs a report the most per byte.
fn big_session(lab: &Lab, n: usize) -> std::path::PathBuf {
    lab.run(&[
        "run",
        "brainstorm",
        "--answers",
        fixture("answers/brainstorm.yaml").to_str().unwrap(),
        "--no-input",
        "--session",
        "small.yaml",
    ])
    .ok();
    let text = std::fs::read_to_string(lab.path().join("small.yaml")).unwrap();
    let ideas: String = (0..n).map(|i| format!("  - Idea {i}\n")).collect();
    let votes: String = (0..n)
        .map(|i| format!("    Idea {i}: {}\n", i % 5))
        .collect();
    let text = text
        .replacen("  ideas:\n", &format!("  ideas:\n{ideas}"), 1)
        .replacen("  idea_votes:\n", &format!("  idea_votes:\n{votes}"), 1);
    lab.write("big.yaml", text)
}

#[test]
#[cfg(target_os = "linux")]
fn a_word_report_of_a_large_session_needs_memory_like_its_output() {
    let lab = Lab::new();
    // About 1 MB: 40,000 ideas and votes.
    let session = big_session(&lab, 40_000);
    assert!(std::fs::metadata(&session).unwrap().len() > 1_000_000);
    // 250 MB of address space: a 1 MB session of short ideas took 256 MB (resident) when
    // docx-rs held the whole document, and 70 MB with the body streamed.
    let output = Command::new("sh")
        .arg("-c")
        .arg("ulimit -v 250000 && exec \"$0\" \"$@\"")
        .arg(env!("CARGO_BIN_EXE_labkit"))
        .args(["report", "big.yaml", "-o", "big.docx"])
        .current_dir(lab.path())
        .env_clear()
        .env("HOME", lab.path())
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    // The document has every idea, and is a zip a reader opens.
    let file = std::fs::File::open(lab.path().join("big.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains(">Idea 39999<"), "last idea missing");
    let rels = {
        let mut s = String::new();
        std::io::Read::read_to_string(
            &mut zip.by_name("word/_rels/document.xml.rels").unwrap(),
            &mut s,
        )
        .unwrap();
        s
    };
    assert!(rels.contains("numbering.xml"), "{rels}");
}

#[test]
fn sessions_and_answers_over_the_size_limit_are_refused() {
    let lab = Lab::new();
    let session = big_session(&lab, 10);
    let mut text = std::fs::read_to_string(&session).unwrap();
    // Padding in a comment: the limit is on bytes, whatever they hold.
    let line = format!("# {}\n", "x".repeat(1022));
    text.push_str(&line.repeat(8 * 1024 + 1));
    lab.write("big.yaml", &text);
    for args in [
        &["report", "big.yaml"][..],
        &[
            "run",
            "brainstorm",
            "--answers",
            "big.yaml",
            "--no-input",
            "--session",
            "new.yaml",
        ],
    ] {
        let run = lab.run(args).code(2);
        assert!(
            run.stderr.contains(
                "big.yaml: file is larger than 8 MB, the limit for a session, answers or settings file"
            ),
            "{}",
            run.stderr
        );
    }
    lab.write("sessions/big.yaml", &text);
    let run = lab.run(&["portfolio", "sessions"]).ok();
    assert!(
        run.stderr.contains("file is larger than 8 MB"),
        "{}",
        run.stderr
    );
}

/// `mkfifo` from coreutils.
fn mkfifo(path: &Path) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success());
}

#[test]
#[cfg(unix)]
fn fifos_in_folders_are_skipped_and_named_ones_refused() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: Test lab\n");
    mkfifo(&lab.path().join("methods/x.yaml"));
    mkfifo(&lab.path().join("sessions/s.yaml"));
    // A symlink to a regular file is read as the file.
    lab.write(
        "elsewhere/linked.yaml",
        crate::support::method_yaml("linked", "Linked"),
    );
    std::os::unix::fs::symlink(
        lab.path().join("elsewhere/linked.yaml"),
        lab.path().join("methods/linked.yaml"),
    )
    .unwrap();
    let limit = Duration::from_secs(20);
    let (run, _) = run_within(&lab, lab.path(), &["list"], limit);
    assert!(run.ok().stdout.contains("linked"));
    let (run, _) = run_within(&lab, lab.path(), &["validate", "methods"], limit);
    run.ok();
    for args in [
        &["show", "test-card"][..],
        &["agenda", "test-card"],
        &["portfolio"],
    ] {
        let (run, _) = run_within(&lab, lab.path(), args, limit);
        run.ok();
    }
    let (run, _) = run_within(&lab, lab.path(), &["validate", "methods/x.yaml"], limit);
    let run = run.code(1);
    assert!(
        run.stderr.contains(
            "methods/x.yaml: is a named pipe (FIFO), not a regular file; labkit reads only regular files"
        ),
        "{}",
        run.stderr
    );
    let (run, _) = run_within(
        &lab,
        lab.path(),
        &["--methods", "methods/x.yaml", "list"],
        limit,
    );
    run.ok();
}
