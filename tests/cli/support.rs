//! Test harness: a temporary lab folder and a way to run labkit in it with a clean environment.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub struct Lab {
    dir: tempfile::TempDir,
    env: Vec<(String, String)>,
}

#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    #[track_caller]
    pub fn ok(self) -> Run {
        assert_eq!(
            self.code, 0,
            "expected success\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }

    #[track_caller]
    pub fn code(self, code: i32) -> Run {
        assert_eq!(
            self.code, code,
            "unexpected exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

impl Lab {
    pub fn new() -> Lab {
        Lab {
            dir: tempfile::tempdir().expect("temp dir"),
            env: Vec::new(),
        }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn env(mut self, key: &str, value: &str) -> Lab {
        self.env.push((key.into(), value.into()));
        self
    }

    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.dir.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&path, contents).expect("write");
        path
    }

    pub fn run(&self, args: &[&str]) -> Run {
        self.run_in(self.dir.path(), args)
    }

    pub fn run_in(&self, cwd: &Path, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_labkit"))
            .args(args)
            .current_dir(cwd)
            .env_clear()
            .env("HOME", self.dir.path())
            .envs(self.env.iter().map(|(k, v)| (k, v)))
            .stdin(Stdio::null())
            .output()
            .expect("run labkit");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

pub fn fixture(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(rel)
}

/// The session file of a lab that has run one session.
pub fn only_session(lab: &Lab) -> PathBuf {
    let mut sessions = std::fs::read_dir(lab.path().join("sessions"))
        .expect("a sessions folder")
        .map(|e| e.expect("an entry").path());
    let first = sessions.next().expect("a session");
    assert!(sessions.next().is_none(), "more than one session");
    first
}

/// Pins a session file's `started`, `updated` and `finished` to `when`, so its report can be
/// compared with a snapshot.
pub fn pin_session_dates(lab: &Lab, file: &str, when: &str) {
    let path = lab.path().join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let pinned: String = text
        .lines()
        .map(|l| {
            for key in ["started: ", "updated: ", "finished: "] {
                if l.starts_with(key) {
                    return format!("{key}{when}");
                }
            }
            l.to_owned()
        })
        .collect::<Vec<_>>()
        .join("\n");
    std::fs::write(path, pinned + "\n").unwrap();
}

pub fn method_yaml(id: &str, name: &str) -> String {
    format!(
        "schema: 1\nid: {id}\nname: {{ en: \"{name}\", pt: \"{name} PT\" }}\nsummary: A method for tests.\nstage: ideation\nduration: 20m\ngroup: 2-6\ntags: [test]\nsteps:\n  - id: one\n    title: One\n    timebox: 5m\n    questions:\n      - id: ideas\n        type: list\n        prompt: Ideas\n"
    )
}

/// Compares `actual` with the file kept at `rel` (from the repository root); with
/// `LABKIT_BLESS=1` the file is rewritten instead, for reviewing the diff.
#[track_caller]
pub fn snapshot_file(rel: &str, actual: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        if std::env::var_os("LABKIT_BLESS").is_some() {
            std::fs::write(&path, actual).expect("bless");
        } else {
            panic!(
                "{rel} differs; run `LABKIT_BLESS=1 cargo test` and review the diff\n--- got ---\n{actual}"
            );
        }
    }
}

/// A report snapshot under tests/snapshots/reports/.
#[track_caller]
pub fn snapshot(name: &str, actual: &str) {
    snapshot_file(&format!("tests/snapshots/reports/{name}"), actual);
}
