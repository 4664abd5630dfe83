//! The one output guard: no command writes over its own input, names one file for two
//! outputs, replaces a FIFO, a device or a link with a regular file, or dies of `ulimit -f`
//! leaving half a file or half a workspace.

use std::process::Command;

use crate::support::{Lab, fixture};

fn finished_session(lab: &Lab) -> String {
    lab.run(&[
        "run",
        "test-card",
        "--answers",
        fixture("answers/test-card.yaml").to_str().unwrap(),
        "--session",
        "s.yaml",
    ])
    .ok();
    std::fs::read_to_string(lab.path().join("s.yaml")).unwrap()
}

#[test]
fn a_report_never_replaces_its_own_session() {
    let lab = Lab::new();
    let before = finished_session(&lab);
    let run = lab
        .run(&[
            "report",
            "s.yaml",
            "--format",
            "md",
            "-o",
            "./sub/../s.yaml",
            "--force",
        ])
        .code(2);
    assert!(
        run.stderr.contains("which this command reads"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(lab.path().join("s.yaml")).unwrap(),
        before
    );
}

#[test]
fn assign_keeps_its_input_and_its_outputs_apart() {
    let lab = Lab::new();
    let csv = "id,region\n1,Norte\n2,Sul\n3,Norte\n4,Sul\n";
    lab.write("p.csv", csv);
    let run = lab
        .run(&[
            "assign", "p.csv", "--arms", "a,b", "--seed", "1", "-o", "same.csv", "--log",
            "same.csv",
        ])
        .code(2);
    assert!(run.stderr.contains("two outputs"), "{}", run.stderr);
    let run = lab
        .run(&[
            "assign", "p.csv", "--arms", "a,b", "--seed", "1", "--log", "p.csv", "--force",
        ])
        .code(2);
    assert!(
        run.stderr.contains("which this command reads"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read_to_string(lab.path().join("p.csv")).unwrap(),
        csv
    );
}

#[test]
fn links_and_fifos_are_written_through_not_replaced() {
    use std::os::unix::fs::FileTypeExt;
    let lab = Lab::new();
    finished_session(&lab);
    // A link to a file: the file gets the report, the link stays a link.
    std::fs::write(lab.path().join("real.md"), "old").unwrap();
    std::os::unix::fs::symlink(lab.path().join("real.md"), lab.path().join("link.md")).unwrap();
    lab.run(&["report", "s.yaml", "-o", "link.md", "--force"])
        .ok();
    let link = std::fs::symlink_metadata(lab.path().join("link.md")).unwrap();
    assert!(link.file_type().is_symlink());
    let real = std::fs::read_to_string(lab.path().join("real.md")).unwrap();
    assert!(real.contains("SMS reminder"), "{real}");
    // A FIFO: a reader gets the report, and the FIFO is still a FIFO.
    let fifo = lab.path().join("pipe.md");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).unwrap())
    };
    lab.run(&["report", "s.yaml", "-o", "pipe.md", "--force"])
        .ok();
    assert!(reader.join().unwrap().contains("SMS reminder"));
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());
    // A folder is not a file to write.
    std::fs::create_dir(lab.path().join("folder.md")).unwrap();
    let run = lab
        .run(&["report", "s.yaml", "-o", "folder.md", "--force"])
        .code(2);
    assert!(run.stderr.contains("not a file"), "{}", run.stderr);
}

/// labkit under `ulimit -f` (in 512-byte blocks for `sh`).
fn limited(lab: &Lab, blocks: u32, args: &str) -> std::process::Output {
    Command::new("sh")
        .arg("-c")
        .arg(format!("ulimit -f {blocks}; exec \"$0\" {args}"))
        .arg(env!("CARGO_BIN_EXE_labkit"))
        .current_dir(lab.path())
        .env_clear()
        .env("HOME", lab.path())
        .output()
        .unwrap()
}

#[test]
fn a_write_past_the_file_size_limit_is_a_clear_error_and_leaves_nothing() {
    let lab = Lab::new();
    finished_session(&lab);
    let out = limited(&lab, 2, "report s.yaml -o out.html");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("out.html"), "{stderr}");
    let left: Vec<String> = std::fs::read_dir(lab.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with(".labkit-") || n == "out.html")
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn init_on_a_full_disk_leaves_no_half_made_workspace() {
    let lab = Lab::new();
    let out = limited(&lab, 0, "init ws");
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let ws = lab.path().join("ws");
    assert!(
        !ws.exists(),
        "left behind: {:?}",
        std::fs::read_dir(&ws).map(|d| d.count())
    );
}

#[test]
fn orphan_temporary_files_are_swept_by_the_next_write_in_their_folder() {
    let lab = Lab::new();
    finished_session(&lab);
    let old = lab.write(".labkit-other.html-Ab12.tmp", "half of another report");
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&old)
        .unwrap()
        .set_modified(hour_ago)
        .unwrap();
    // A fresh one may be a save in progress right now: it stays.
    let fresh = lab.write(".labkit-busy.yaml-Cd34.tmp", "a save in progress");
    lab.run(&["report", "s.yaml", "-o", "out.md"]).ok();
    assert!(!old.exists(), "an hour-old orphan is removed");
    assert!(fresh.exists(), "a fresh temporary file is left alone");
}
