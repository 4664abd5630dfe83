//! Method libraries from git (`labkit library`, docs/libraries.md): local bare repositories
//! made with the `git` program in a temporary folder; no network.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{Lab, method_yaml};

/// Runs git in `dir` with a fixed identity and no user or system config.
fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(["-c", "user.name=Lab", "-c", "user.email=lab@example.org"])
        .args([
            "-c",
            "init.defaultBranch=main",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .output()
        .expect("run git");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

/// A library's working copy (`<root>/src-<name>`) and its bare repository (`<root>/<name>.git`).
struct Repo {
    work: PathBuf,
    bare: PathBuf,
}

impl Repo {
    fn new(root: &Path, name: &str, files: &[(&str, &str)]) -> Repo {
        let work = root.join(format!("src-{name}"));
        std::fs::create_dir_all(&work).unwrap();
        git(&work, &["init", "-q"]);
        let repo = Repo {
            bare: root.join(format!("{name}.git")),
            work,
        };
        repo.commit(files, "first");
        git(
            root,
            &[
                "clone",
                "-q",
                "--bare",
                repo.work.to_str().unwrap(),
                repo.bare.to_str().unwrap(),
            ],
        );
        repo
    }

    fn commit(&self, files: &[(&str, &str)], message: &str) -> String {
        for (path, text) in files {
            let path = self.work.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        git(&self.work, &["add", "-A"]);
        git(&self.work, &["commit", "-q", "-m", message]);
        git(&self.work, &["rev-parse", "HEAD"])
    }

    fn push(&self) {
        git(
            &self.work,
            &[
                "push",
                "-q",
                "--force",
                self.bare.to_str().unwrap(),
                "main",
                "--tags",
            ],
        );
    }

    fn url(&self) -> &str {
        self.bare.to_str().unwrap()
    }
}

/// A workspace (`ws/`) with its own cache folder and git on the PATH.
fn lab() -> Lab {
    let lab = Lab::new();
    let cache = lab.path().join("cache");
    let lab = lab
        .env("PATH", &std::env::var("PATH").unwrap_or_default())
        .env("LABKIT_CACHE_DIR", cache.to_str().unwrap());
    lab.write("ws/labkit.yaml", "lab: LabX\n");
    lab
}

fn ws(lab: &Lab) -> PathBuf {
    lab.path().join("ws")
}

fn lock(lab: &Lab) -> String {
    std::fs::read_to_string(ws(lab).join("labkit.lock")).unwrap()
}

const POLL: &str = "schema: 1\nid: quick-poll\nversion: 1\nname: Quick poll\nsummary: One question to the room.\nstage: research\nduration: 10m\nsteps:\n  - id: ask\n    title: Ask\n    questions:\n      - id: question\n        type: text\n        prompt: What do you ask?\n";

const POLL_DAY: &str = "schema: 1\nkind: playbook\nid: poll-day\nversion: 1\nname: Poll day\nsummary: Two polls.\nstage: research\nmethods:\n  - method: quick-poll\n  - method: test-card\n";

#[test]
fn add_pins_the_commit_lists_shows_and_runs_with_the_library_recorded() {
    let lab = lab();
    let card = method_yaml("test-card", "LabX card");
    let repo = Repo::new(
        lab.path(),
        "labx",
        &[
            ("methods/quick-poll.yaml", POLL),
            ("methods/test-card.yaml", &card),
            ("methods/playbooks/poll-day.yaml", POLL_DAY),
            ("README.md", "not a method"),
        ],
    );
    git(&repo.work, &["tag", "v1"]);
    repo.push();
    let commit = git(&repo.work, &["rev-parse", "HEAD"]);

    let added = lab
        .run_in(&ws(&lab), &["library", "add", repo.url(), "--rev", "v1"])
        .ok();
    assert!(
        added.stderr.contains("added library `labx`"),
        "{}",
        added.stderr
    );
    let yaml = std::fs::read_to_string(ws(&lab).join("labkit.yaml")).unwrap();
    assert!(
        yaml.starts_with("lab: LabX\nlibraries:\n  - git: "),
        "{yaml}"
    );
    let lock = lock(&lab);
    assert!(lock.contains(&format!("commit: {commit}")), "{lock}");
    assert!(lock.contains("rev: v1") && lock.contains("sha256: ") && lock.contains("methods: 3"));

    let list = lab.run_in(&ws(&lab), &["list"]).ok();
    let poll = list
        .stdout
        .lines()
        .find(|l| l.contains("quick-poll"))
        .unwrap();
    assert!(poll.contains("library labx"), "{poll}");
    // The library's test-card overrides the built-in one.
    let card = list
        .stdout
        .lines()
        .find(|l| l.contains("test-card"))
        .unwrap();
    assert!(
        card.contains("LabX card") && card.contains("library labx"),
        "{card}"
    );

    // Its playbook comes with it and uses its methods.
    let day = list
        .stdout
        .lines()
        .find(|l| l.contains("poll-day"))
        .unwrap();
    assert!(day.contains("library labx"), "{day}");
    let agenda = lab.run_in(&ws(&lab), &["agenda", "poll-day"]).ok();
    assert!(agenda.stdout.contains("Quick poll"), "{}", agenda.stdout);
    let show = lab.run_in(&ws(&lab), &["show", "test-card"]).ok();
    assert!(
        show.stdout.contains(&format!(
            "Loaded from: library labx, commit {}",
            &commit[..12]
        )),
        "{}",
        show.stdout
    );

    let libraries = lab
        .run_in(&ws(&lab), &["library", "list", "--format", "json"])
        .ok();
    let rows: serde_json::Value = serde_json::from_str(&libraries.stdout).unwrap();
    assert_eq!(rows[0]["name"], "labx");
    assert_eq!(rows[0]["commit"], commit.as_str());
    assert_eq!(rows[0]["methods"], 3);
    assert_eq!(rows[0]["fetched"], true);

    lab.write("ws/answers.yaml", "question: Do you read our letters?\n");
    lab.run_in(
        &ws(&lab),
        &[
            "run",
            "labx/quick-poll",
            "--answers",
            "answers.yaml",
            "--no-input",
        ],
    )
    .ok();
    let session = std::fs::read_dir(ws(&lab).join("sessions"))
        .unwrap()
        .next()
        .unwrap()
        .unwrap()
        .path();
    let text = std::fs::read_to_string(session).unwrap();
    assert!(text.contains("origin: library"), "{text}");
    assert!(text.contains("library: labx"), "{text}");
    assert!(text.contains(&format!("commit: {commit}")), "{text}");
}

#[test]
fn works_offline_once_fetched_and_says_how_to_fetch_when_missing() {
    let lab = lab();
    let repo = Repo::new(lab.path(), "labx", &[("methods/quick-poll.yaml", POLL)]);
    lab.run_in(&ws(&lab), &["library", "add", repo.url()]).ok();
    // The repository goes away (no network): the cache is enough.
    let away = lab.path().join("away.git");
    std::fs::rename(&repo.bare, &away).unwrap();
    let show = lab.run_in(&ws(&lab), &["show", "labx/quick-poll"]).ok();
    assert!(show.stdout.contains("Quick poll"), "{}", show.stdout);
    assert!(show.stderr.is_empty(), "{}", show.stderr);

    // A teammate with the lock but an empty cache: told what is missing and how to fetch it.
    let other = lab.path().join("cache-2");
    let fresh = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_labkit"))
            .args(args)
            .current_dir(ws(&lab))
            .env_clear()
            .env("HOME", lab.path())
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .env("LABKIT_CACHE_DIR", &other)
            .output()
            .unwrap()
    };
    let list = fresh(&["list"]);
    let stderr = String::from_utf8_lossy(&list.stderr);
    assert!(
        stderr.contains("method library `labx` is not fetched on this computer")
            && stderr.contains("labkit library fetch"),
        "{stderr}"
    );
    assert!(!String::from_utf8_lossy(&list.stdout).contains("quick-poll"));
    let failed = fresh(&["library", "fetch"]);
    assert_eq!(failed.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&failed.stderr).contains("git fetch failed"));
    std::fs::rename(&away, &repo.bare).unwrap();
    let fetched = fresh(&["library", "fetch"]);
    assert!(fetched.status.success());
    assert!(String::from_utf8_lossy(&fresh(&["list"]).stdout).contains("quick-poll"));
}

#[test]
fn update_moves_the_pin_and_a_tag_moved_upstream_does_not() {
    let lab = lab();
    let repo = Repo::new(lab.path(), "labx", &[("methods/quick-poll.yaml", POLL)]);
    git(&repo.work, &["tag", "v1"]);
    repo.push();
    let first = git(&repo.work, &["rev-parse", "HEAD"]);
    lab.run_in(&ws(&lab), &["library", "add", repo.url(), "--rev", "v1"])
        .ok();

    // Upstream moves the tag to a new commit.
    let second = repo.commit(
        &[(
            "methods/quick-poll.yaml",
            &POLL.replace("Quick poll", "Quick poll 2"),
        )],
        "second",
    );
    git(&repo.work, &["tag", "-f", "v1"]);
    repo.push();
    // Fetching again (and listing) keeps the pinned commit.
    lab.run_in(&ws(&lab), &["library", "fetch"]).ok();
    assert!(lock(&lab).contains(&format!("commit: {first}")));
    let list = lab.run_in(&ws(&lab), &["list"]).ok();
    assert!(list.stdout.contains("Quick poll ") && !list.stdout.contains("Quick poll 2"));

    // `update` moves the pin to where the tag is now.
    let updated = lab.run_in(&ws(&lab), &["library", "update", "labx"]).ok();
    assert!(
        updated.stderr.contains(&format!(
            "pin moved from {} to {}",
            &first[..12],
            &second[..12]
        )),
        "{}",
        updated.stderr
    );
    assert!(lock(&lab).contains(&format!("commit: {second}")));
    assert!(
        lab.run_in(&ws(&lab), &["list"])
            .ok()
            .stdout
            .contains("Quick poll 2")
    );
    let again = lab.run_in(&ws(&lab), &["library", "update"]).ok();
    assert!(again.stderr.contains("up to date"), "{}", again.stderr);

    lab.run_in(&ws(&lab), &["library", "update", "nope"])
        .code(2);
}

#[test]
fn a_prefix_picks_the_library_when_ids_clash() {
    let lab = lab();
    let a = Repo::new(
        lab.path(),
        "labx",
        &[("methods/shared.yaml", &method_yaml("shared", "From LabX"))],
    );
    let b = Repo::new(
        lab.path(),
        "laby",
        &[("methods/shared.yaml", &method_yaml("shared", "From LabY"))],
    );
    lab.run_in(&ws(&lab), &["library", "add", a.url()]).ok();
    lab.run_in(&ws(&lab), &["library", "add", b.url()]).ok();
    let name = |id: &str| {
        let out = lab
            .run_in(&ws(&lab), &["show", id, "--format", "json"])
            .ok();
        let card: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
        let name = &card["name"];
        name["en"]
            .as_str()
            .or(name.as_str())
            .unwrap_or_default()
            .to_owned()
    };
    // Libraries in the order listed: the later one wins the plain id.
    assert_eq!(name("shared"), "From LabY");
    assert_eq!(name("labx/shared"), "From LabX");
    assert_eq!(name("laby/shared"), "From LabY");
    // The workspace comes after every library.
    lab.write("ws/methods/shared.yaml", method_yaml("shared", "Ours"));
    assert_eq!(name("shared"), "Ours");
    assert_eq!(name("labx/shared"), "From LabX");
    lab.run_in(&ws(&lab), &["show", "labz/shared"]).code(2);

    // Removing one takes it out of labkit.yaml and the lock.
    lab.run_in(&ws(&lab), &["library", "remove", "laby"]).ok();
    let yaml = std::fs::read_to_string(ws(&lab).join("labkit.yaml")).unwrap();
    assert!(
        yaml.contains("labx.git") && !yaml.contains("laby"),
        "{yaml}"
    );
    assert!(!lock(&lab).contains("laby"));
}

#[test]
fn a_broken_method_is_reported_once_and_skipped() {
    let lab = lab();
    let repo = Repo::new(
        lab.path(),
        "labx",
        &[
            ("methods/quick-poll.yaml", POLL),
            (
                "methods/broken.yaml",
                "schema: 1\nid: broken\nsteps: nope\n",
            ),
        ],
    );
    let added = lab.run_in(&ws(&lab), &["library", "add", repo.url()]).ok();
    assert_eq!(
        added.stderr.matches("broken.yaml: it has problems").count(),
        1,
        "{}",
        added.stderr
    );
    assert!(lock(&lab).contains("methods: 1"));
    let list = lab.run_in(&ws(&lab), &["list"]).ok();
    assert_eq!(
        list.stderr.matches("broken.yaml").count(),
        1,
        "{}",
        list.stderr
    );
    assert!(list.stdout.contains("quick-poll"));
}

#[test]
#[cfg(unix)]
fn symbolic_links_and_files_outside_are_refused() {
    let lab = lab();
    lab.write("secret.yaml", method_yaml("secret", "Secret"));
    let repo = Repo::new(lab.path(), "labx", &[("methods/quick-poll.yaml", POLL)]);
    std::os::unix::fs::symlink("../../secret.yaml", repo.work.join("methods/escape.yaml")).unwrap();
    std::os::unix::fs::symlink("/etc/passwd", repo.work.join("methods/passwd.yaml")).unwrap();
    repo.commit(&[], "links");
    repo.push();
    let added = lab.run_in(&ws(&lab), &["library", "add", repo.url()]).ok();
    assert!(lock(&lab).contains("methods: 1"), "{}", added.stderr);
    let list = lab.run_in(&ws(&lab), &["list"]).ok();
    assert!(!list.stdout.contains("secret") && !list.stdout.contains("passwd"));
    assert_eq!(
        list.stderr.matches("escape.yaml").count(),
        1,
        "{}",
        list.stderr
    );
    assert_eq!(
        list.stderr.matches("passwd.yaml").count(),
        1,
        "{}",
        list.stderr
    );
    assert!(added.stderr.contains("symbolic link"), "{}", added.stderr);
    // Nothing but regular files is written into the cache.
    let mut links = 0;
    let mut stack = vec![lab.path().join("cache")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let kind = entry.file_type().unwrap();
            if kind.is_symlink() {
                links += 1;
            } else if kind.is_dir() {
                stack.push(entry.path());
            }
        }
    }
    assert_eq!(links, 0);
}

#[test]
fn without_git_the_message_says_so() {
    let lab = lab().env("LABKIT_GIT", "/nonexistent/git");
    let out = lab
        .run_in(
            &ws(&lab),
            &["library", "add", "https://example.org/labx/methods.git"],
        )
        .code(2);
    assert!(out.stderr.contains("install git"), "{}", out.stderr);
    // Nothing was written.
    assert!(!ws(&lab).join("labkit.lock").exists());
    let yaml = std::fs::read_to_string(ws(&lab).join("labkit.yaml")).unwrap();
    assert_eq!(yaml, "lab: LabX\n");
}

#[test]
fn the_user_config_lists_libraries_for_every_workspace() {
    let lab = lab();
    let repo = Repo::new(lab.path(), "labx", &[("methods/quick-poll.yaml", POLL)]);
    let config = lab.write("config/labkit/config.yaml", "language: en\n");
    let xdg = lab.path().join("config").display().to_string();
    let lab = lab.env("XDG_CONFIG_HOME", &xdg);
    let outside = lab.path().join("elsewhere");
    std::fs::create_dir_all(&outside).unwrap();
    lab.run_in(&outside, &["library", "add", repo.url()]).ok();
    let text = std::fs::read_to_string(&config).unwrap();
    assert!(text.contains("libraries:\n  - git: "), "{text}");
    assert!(lab.path().join("config/labkit/labkit.lock").is_file());
    // Any workspace sees it.
    let list = lab.run_in(&ws(&lab), &["list"]).ok();
    assert!(list.stdout.contains("quick-poll"), "{}", list.stdout);
    let libraries = lab.run_in(&ws(&lab), &["library", "list"]).ok();
    assert!(libraries.stdout.contains("labx"), "{}", libraries.stdout);
}

#[test]
#[cfg(unix)]
fn fetching_runs_no_hook_and_no_filter() {
    use std::os::unix::fs::PermissionsExt;
    let lab = lab();
    let marker = lab.path().join("ran");
    // Hooks and a smudge filter that would leave a mark if git ran them while fetching.
    let hooks = lab.path().join("hooks");
    std::fs::create_dir_all(&hooks).unwrap();
    for hook in [
        "reference-transaction",
        "post-checkout",
        "post-merge",
        "fsmonitor-watchman",
    ] {
        let path = hooks.join(hook);
        std::fs::write(&path, format!("#!/bin/sh\ntouch {}\n", marker.display())).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    lab.write(
        ".gitconfig",
        format!(
            "[core]\n\thooksPath = {}\n[filter \"mark\"]\n\tsmudge = touch {}\n\trequired = true\n",
            hooks.display(),
            marker.display()
        ),
    );
    let repo = Repo::new(
        lab.path(),
        "labx",
        &[
            ("methods/quick-poll.yaml", POLL),
            (".gitattributes", "*.yaml filter=mark\n"),
        ],
    );
    lab.run_in(&ws(&lab), &["library", "add", repo.url()]).ok();
    lab.run_in(&ws(&lab), &["library", "update"]).ok();
    assert!(!marker.exists(), "git ran a hook or a filter");
    assert!(
        lab.run_in(&ws(&lab), &["list"])
            .ok()
            .stdout
            .contains("quick-poll")
    );
}

/// A library's report templates come with it: its method's report uses the library's
/// template; the workspace's own template of that name wins over it; and `validate` of a
/// workspace file resolves links against the library's methods.
#[test]
fn a_librarys_templates_render_its_reports_and_the_workspace_still_wins() {
    let lab = lab();
    let repo = Repo::new(
        lab.path(),
        "labx",
        &[
            ("methods/quick-poll.yaml", POLL),
            (
                "templates/quick-poll.md.hbs",
                "## LabX poll record\n\n{{q.question.text}}\n",
            ),
        ],
    );
    repo.push();
    lab.run_in(&ws(&lab), &["library", "add", repo.url()]).ok();
    lab.write("ws/answers.yaml", "question: Do you read our letters?\n");
    let run = |report: &str| {
        lab.run_in(
            &ws(&lab),
            &[
                "run",
                "quick-poll",
                "--answers",
                "answers.yaml",
                "--no-input",
                "--report",
                report,
            ],
        )
        .ok();
        std::fs::read_to_string(ws(&lab).join(report)).unwrap()
    };
    let md = run("one.md");
    assert!(
        md.contains("## LabX poll record") && md.contains("Do you read our letters?"),
        "{md}"
    );
    lab.write(
        "ws/templates/quick-poll.md.hbs",
        "## Our own record\n\n{{q.question.text}}\n",
    );
    let md = run("two.md");
    assert!(
        md.contains("## Our own record") && !md.contains("LabX poll record"),
        "{md}"
    );
    // A workspace method that comes after the library's one: its link resolves.
    let mine = method_yaml("follow-up", "Follow-up").replace(
        "stage: ideation\n",
        "stage: ideation\nbefore: [quick-poll]\n",
    );
    assert!(mine.contains("before: [quick-poll]"));
    lab.write("ws/methods/follow-up.yaml", &mine);
    let validated = lab
        .run_in(&ws(&lab), &["validate", "methods/follow-up.yaml"])
        .ok();
    assert!(
        !validated.stdout.contains("quick-poll") && !validated.stderr.contains("quick-poll"),
        "{}{}",
        validated.stdout,
        validated.stderr
    );
}
