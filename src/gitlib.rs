//! Method libraries from git: what `libraries:` in `labkit.yaml` (or the user's config) asks
//! for, the pin in `labkit.lock`, fetching a library into the user cache and exporting the
//! pinned commit's files there, so loading needs neither git nor the network.
//!
//! **Git is run as a program (`git`), not linked (gitoxide).** gitoxide with the fetch
//! transports is a few hundred crates more and minutes more to compile on the 2-core CI, for a
//! command a lab runs a few times a month; every machine that can reach a lab's repository
//! already has git, with the lab's proxy, credentials and SSH keys set up. When `git` is
//! missing, the message says so and how to get it.
//!
//! **A library is data, never code.** Git only fetches objects into a bare repository
//! labkit owns (no checkout, no working tree): hooks are switched off (`core.hooksPath` is
//! `/dev/null`, and a fetched repository's hooks are never copied anyway), submodules are not
//! fetched, no filter, attribute or LFS program runs (files are read with `cat-file`, not
//! checked out), the terminal is never prompted, and only the `file`, `git`, `ssh`, `http` and
//! `https` transports are allowed (`ext::` would run a command). Only regular files under
//! `methods/` and `templates/` are exported; a symbolic link, a submodule, a path with `..`, a
//! file over the method size limit, or more than [`MAX_FILES`] files or [`MAX_BYTES`] in all
//! are refused and reported. Nothing from a library is ever run.
//!
//! Cache layout: `<cache>/libraries/<name>-<hash of the URL>/repo.git` (the bare repository)
//! and `…/<commit>/` (the exported files, `methods/` and `templates/`, with a small manifest).

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::{Command, Stdio};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::i18n::msg;

/// The lock file, beside the `labkit.yaml` (or `config.yaml`) that lists the libraries.
pub const LOCK_FILE: &str = "labkit.lock";
/// The manifest written into an exported commit's folder.
pub const MANIFEST: &str = ".labkit-library.json";
/// At most this many files are exported from one library.
pub const MAX_FILES: usize = 5_000;
/// At most this many bytes are exported from one library, in all.
pub const MAX_BYTES: u64 = 64 * 1024 * 1024;

/// One entry of `libraries:` as written in `labkit.yaml` or the user's `config.yaml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LibrarySpec {
    /// The repository: a URL, a `file://` URL or a local path (relative to the file's folder).
    pub git: String,
    /// A tag, branch or commit; the repository's default branch when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    /// The name that prefixes its methods (`labx/test-card`); from the URL when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

/// `labkit.lock`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    pub version: u32,
    #[serde(default)]
    pub libraries: Vec<Locked>,
}

/// One library's pin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Locked {
    pub name: String,
    pub git: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rev: Option<String>,
    /// The full commit id the rev resolved to.
    pub commit: String,
    /// SHA-256 of the library's exported files (paths and contents), see [`Export`].
    pub sha256: String,
    /// How many methods and playbooks loaded without problems.
    pub methods: usize,
    /// When the pin was last moved (RFC 3339, UTC).
    pub updated: String,
}

impl Lock {
    pub fn read(path: &Path) -> Result<Lock, Error> {
        if !path.exists() {
            return Ok(Lock {
                version: 1,
                libraries: Vec::new(),
            });
        }
        let text = crate::input::read_document(path)?;
        let shown = path.display().to_string();
        let lock: Lock =
            crate::method::deserialize_placed(&text, &shown).map_err(Error::Diagnostics)?;
        if lock.version != 1 {
            return Err(Error::Input(msg(
                "library.lock_version",
                &[("file", &shown), ("version", &lock.version)],
            )));
        }
        Ok(lock)
    }

    pub fn write(&self, path: &Path) -> Result<(), Error> {
        let body = serde_yaml::to_string(self).map_err(|e| Error::Input(e.to_string()))?;
        let text = format!(
            "# labkit.lock: the commit each method library is pinned to. Written by\n# `labkit library`; commit it with labkit.yaml so the whole team gets the same methods.\n{body}"
        );
        crate::fsutil::write_atomic(path, text.as_bytes())
    }

    pub fn get(&self, name: &str) -> Option<&Locked> {
        self.libraries.iter().find(|l| l.name == name)
    }

    /// Sets (or adds) a library's pin, keeping the others in order.
    pub fn set(&mut self, locked: Locked) {
        match self.libraries.iter_mut().find(|l| l.name == locked.name) {
            Some(slot) => *slot = locked,
            None => self.libraries.push(locked),
        }
    }
}

/// A library listed in a config file, with its pin when the lock has one.
#[derive(Debug, Clone)]
pub struct Configured {
    pub name: String,
    pub spec: LibrarySpec,
    /// The file that lists it.
    pub listed_in: PathBuf,
    /// The lock beside that file.
    pub lock_file: PathBuf,
    /// What git is given: the URL, or a local path made absolute.
    pub url: String,
    pub locked: Option<Locked>,
    /// `<cache>/libraries/<name>-<hash>`, when labkit has a cache folder.
    pub home: Option<PathBuf>,
}

impl Configured {
    /// The exported files of the pinned commit, when they are in the cache.
    pub fn export_dir(&self) -> Option<PathBuf> {
        let locked = self.locked.as_ref()?;
        let dir = self.home.as_ref()?.join(&locked.commit);
        dir.join(MANIFEST).is_file().then_some(dir)
    }

    /// Whether the lock's pin was made for what the config asks (same repository and rev).
    pub fn lock_matches(&self) -> bool {
        self.locked
            .as_ref()
            .is_some_and(|l| l.git == self.spec.git && l.rev == self.spec.rev)
    }

    /// Why this library's methods are left out, or that its pin is stale; `None` when all is
    /// well.
    pub fn warning(&self) -> Option<String> {
        let name = &self.name;
        let lock = self.lock_file.display().to_string();
        if self.locked.is_none() {
            return Some(msg(
                "library.not_locked",
                &[("name", name), ("lock", &lock)],
            ));
        }
        if self.home.is_none() {
            return Some(msg("library.no_cache", &[("name", name)]));
        }
        if self.export_dir().is_none() {
            return Some(msg("library.not_fetched", &[("name", name)]));
        }
        if !self.lock_matches() {
            return Some(msg(
                "library.lock_stale",
                &[
                    ("name", name),
                    ("file", &self.listed_in.display()),
                    ("lock", &lock),
                ],
            ));
        }
        None
    }
}

/// A library's default name: the last part of its URL or path without `.git` (the part before
/// it when that is just `methods`), lowercased, with anything but letters, digits and dashes
/// made a dash.
pub fn default_name(url: &str) -> String {
    let trimmed = url.trim_end_matches(['/', '\\']);
    let mut parts = trimmed
        .rsplit(['/', '\\', ':'])
        .map(|p| p.trim_end_matches(".git"))
        .filter(|p| !p.is_empty());
    let last = parts.next().unwrap_or("library");
    let chosen = if matches!(last, "methods" | "library" | "labkit-methods") {
        parts.next().unwrap_or(last)
    } else {
        last
    };
    let mut name: String = chosen
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    name = name.trim_matches('-').to_owned();
    if name.is_empty() {
        "library".to_owned()
    } else {
        name
    }
}

/// A library name prefixes method ids, so it follows the same rule: `[a-z0-9-]+`.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && !name.starts_with('-')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

/// What git is given for `git:`: a URL as it is; a local path made absolute against the folder
/// of the file that lists it.
pub fn git_url(spec: &str, base: &Path) -> String {
    let is_url = spec.contains("://") || (spec.contains(':') && !spec.starts_with('/'));
    if is_url {
        spec.to_owned()
    } else {
        base.join(spec).display().to_string()
    }
}

/// `<cache>/libraries/<name>-<first 12 hex digits of SHA-256 of the URL>`.
pub fn home(cache: &Path, name: &str, url: &str) -> PathBuf {
    let hash = crate::method::content_hash(url.as_bytes());
    cache
        .join("libraries")
        .join(format!("{name}-{}", &hash[..12]))
}

/// What an export left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Refusal {
    pub path: String,
    pub reason: String,
}

/// The manifest of an exported commit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Export {
    pub git: String,
    pub commit: String,
    /// SHA-256 over every exported file: for each, in path order, its path, a NUL byte, its
    /// length as 8 little-endian bytes, and its content.
    pub sha256: String,
    pub files: usize,
    #[serde(default)]
    pub refused: Vec<Refusal>,
}

impl Export {
    pub fn read(dir: &Path) -> Option<Export> {
        let bytes = crate::input::read_limited(&dir.join(MANIFEST), 4 * 1024 * 1024).ok()?;
        serde_json::from_slice(&bytes).ok()
    }
}

/// The git program, run with the settings that keep a library from running anything.
pub struct Git {
    program: String,
}

impl Git {
    /// `git`, or `LABKIT_GIT` (for tests and unusual installs); an error saying how to get
    /// it when it cannot be run.
    pub fn find(program: Option<&str>) -> Result<Git, Error> {
        let git = Git {
            program: program.unwrap_or("git").to_owned(),
        };
        match Command::new(&git.program)
            .arg("--version")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
        {
            Ok(status) if status.success() => Ok(git),
            _ => Err(Error::Input(msg(
                "library.no_git",
                &[("program", &git.program)],
            ))),
        }
    }

    fn command(&self, repo: &Path) -> Command {
        let mut cmd = self.base();
        cmd.arg("--git-dir").arg(repo);
        cmd
    }

    /// git with hooks, submodules, fsmonitor and prompts off and only plain transports.
    fn base(&self) -> Command {
        let mut cmd = Command::new(&self.program);
        cmd.args([
            "-c",
            "core.hooksPath=/dev/null",
            "-c",
            "protocol.ext.allow=never",
            "-c",
            "fetch.recurseSubmodules=false",
            "-c",
            "core.fsmonitor=false",
            "-c",
            "gc.auto=0",
        ])
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_ALLOW_PROTOCOL", "file:git:ssh:http:https")
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .env_remove("GIT_INDEX_FILE")
        .stdin(Stdio::null());
        cmd
    }

    /// Runs git on `repo` and returns its stdout; a failure is an error with git's own words.
    fn run(&self, repo: &Path, args: &[&str]) -> Result<Vec<u8>, Error> {
        let out = self
            .command(repo)
            .args(args)
            .output()
            .map_err(|e| Error::Input(msg("library.no_git", &[("program", &e)])))?;
        if out.status.success() {
            Ok(out.stdout)
        } else {
            let said = String::from_utf8_lossy(&out.stderr);
            Err(Error::Input(msg(
                "library.git_failed",
                &[
                    ("command", &args.first().copied().unwrap_or("")),
                    ("said", &said.trim()),
                ],
            )))
        }
    }

    /// The bare repository in `home`, created when missing.
    pub fn repo(&self, home: &Path) -> Result<PathBuf, Error> {
        let repo = home.join("repo.git");
        if !repo.join("HEAD").is_file() {
            std::fs::create_dir_all(&repo).map_err(|e| Error::io(repo.display().to_string(), e))?;
            // Even `init` runs a hook (reference-transaction) from the user's hooks path.
            let out = self
                .base()
                .args(["init", "--bare", "--quiet", "--template="])
                .arg(&repo)
                .output()
                .map_err(|e| Error::Input(msg("library.no_git", &[("program", &e)])))?;
            if !out.status.success() {
                return Err(Error::Input(msg(
                    "library.git_failed",
                    &[
                        ("command", &"init"),
                        ("said", &String::from_utf8_lossy(&out.stderr).trim()),
                    ],
                )));
            }
        }
        Ok(repo)
    }

    /// Fetches every branch and tag of `url` (tags moved upstream move here too; a pin in the
    /// lock is a commit, so it does not move).
    pub fn fetch(&self, repo: &Path, url: &str) -> Result<(), Error> {
        if url.starts_with('-') {
            return Err(Error::Usage(msg("library.bad_url", &[("url", &url)])));
        }
        self.run(
            repo,
            &[
                "fetch",
                "--quiet",
                "--force",
                "--no-tags",
                "--no-recurse-submodules",
                "--no-write-fetch-head",
                "--",
                url,
                "+refs/heads/*:refs/heads/*",
                "+refs/tags/*:refs/tags/*",
                "+HEAD:refs/labkit/HEAD",
            ],
        )?;
        Ok(())
    }

    /// Fetches one commit by id (a pin whose branch or tag has moved on upstream).
    pub fn fetch_commit(&self, repo: &Path, url: &str, commit: &str) -> Result<(), Error> {
        self.run(
            repo,
            &[
                "fetch",
                "--quiet",
                "--no-tags",
                "--no-recurse-submodules",
                "--no-write-fetch-head",
                "--",
                url,
                commit,
            ],
        )
        .map(|_| ())
    }

    pub fn has_commit(&self, repo: &Path, commit: &str) -> bool {
        self.run(repo, &["cat-file", "-e", &format!("{commit}^{{commit}}")])
            .is_ok()
    }

    /// The full commit id `rev` names: a tag, then a branch, then a commit id; the default
    /// branch when `rev` is absent.
    pub fn resolve(&self, repo: &Path, rev: Option<&str>) -> Result<String, Error> {
        let candidates: Vec<String> = match rev {
            None => vec!["refs/labkit/HEAD".into()],
            Some(rev) if rev.starts_with('-') || rev.contains("..") || rev.is_empty() => {
                return Err(Error::Usage(msg("library.bad_rev", &[("rev", &rev)])));
            }
            Some(rev) => {
                let mut c = vec![format!("refs/tags/{rev}"), format!("refs/heads/{rev}")];
                if rev.len() >= 7 && rev.chars().all(|ch| ch.is_ascii_hexdigit()) {
                    c.push(rev.to_owned());
                }
                c
            }
        };
        for candidate in &candidates {
            let spec = format!("{candidate}^{{commit}}");
            if let Ok(out) = self.run(repo, &["rev-parse", "--verify", "--quiet", &spec]) {
                let commit = String::from_utf8_lossy(&out).trim().to_owned();
                if !commit.is_empty() {
                    return Ok(commit);
                }
            }
        }
        Err(Error::Input(msg(
            "library.no_rev",
            &[("rev", &rev.unwrap_or("HEAD"))],
        )))
    }

    /// Writes the regular files under `methods/` and `templates/` of `commit` into
    /// `home/<commit>/`, with a manifest; refuses links, submodules, escaping paths and
    /// files over the limits. Returns the manifest.
    pub fn export(
        &self,
        repo: &Path,
        home: &Path,
        url: &str,
        commit: &str,
    ) -> Result<Export, Error> {
        let listing = self.run(
            repo,
            &[
                "ls-tree",
                "-r",
                "-l",
                "-z",
                "--full-tree",
                commit,
                "--",
                "methods",
                "templates",
            ],
        )?;
        let mut refused = Vec::new();
        let mut wanted: Vec<(String, String)> = Vec::new();
        let mut total: u64 = 0;
        for record in listing.split(|b| *b == 0).filter(|r| !r.is_empty()) {
            let record = String::from_utf8_lossy(record);
            let Some((meta, path)) = record.split_once('\t') else {
                continue;
            };
            let fields: Vec<&str> = meta.split_whitespace().collect();
            let [mode, kind, oid, size] = fields[..] else {
                continue;
            };
            let refuse = |reason: String| Refusal {
                path: path.to_owned(),
                reason,
            };
            if !safe_path(path) {
                refused.push(refuse(msg("library.refused_path", &[])));
                continue;
            }
            if mode == "120000" {
                refused.push(refuse(msg("library.refused_link", &[])));
                continue;
            }
            if kind != "blob" {
                refused.push(refuse(msg("library.refused_submodule", &[])));
                continue;
            }
            let size: u64 = size.parse().unwrap_or(u64::MAX);
            if size > crate::input::MAX_METHOD_BYTES {
                refused.push(refuse(crate::i18n::msg(
                    "method.too_large",
                    &[("mb", &(crate::input::MAX_METHOD_BYTES / 1_048_576))],
                )));
                continue;
            }
            total = total.saturating_add(size);
            if wanted.len() >= MAX_FILES || total > MAX_BYTES {
                return Err(Error::Input(msg(
                    "library.too_big",
                    &[("files", &MAX_FILES), ("mb", &(MAX_BYTES / 1_048_576))],
                )));
            }
            wanted.push((oid.to_owned(), path.to_owned()));
        }
        let contents = self.blobs(repo, &wanted)?;
        let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
        for ((_, path), bytes) in wanted.into_iter().zip(contents) {
            files.insert(path, bytes);
        }
        let mut hasher = Sha256::new();
        for (path, bytes) in &files {
            hasher.update(path.as_bytes());
            hasher.update([0]);
            hasher.update((bytes.len() as u64).to_le_bytes());
            hasher.update(bytes);
        }
        let sha256: String = hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        let export = Export {
            git: url.to_owned(),
            commit: commit.to_owned(),
            sha256,
            files: files.len(),
            refused,
        };
        let io = |p: &Path| {
            let shown = p.display().to_string();
            move |e: std::io::Error| Error::io(shown, e)
        };
        let tmp = tempfile::Builder::new()
            .prefix(".export-")
            .tempdir_in(home)
            .map_err(io(home))?;
        for (path, bytes) in &files {
            let target = tmp.path().join(path);
            if let Some(parent) = target.parent() {
                std::fs::create_dir_all(parent).map_err(io(parent))?;
            }
            std::fs::write(&target, bytes).map_err(io(&target))?;
        }
        std::fs::create_dir_all(tmp.path().join("methods")).map_err(io(tmp.path()))?;
        let manifest =
            serde_json::to_vec_pretty(&export).map_err(|e| Error::Input(e.to_string()))?;
        std::fs::write(tmp.path().join(MANIFEST), manifest).map_err(io(tmp.path()))?;
        let dir = home.join(commit);
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(io(&dir))?;
        }
        let kept = tmp.keep();
        std::fs::rename(&kept, &dir).map_err(io(&dir))?;
        Ok(export)
    }

    /// The contents of these blobs, in order, through one `git cat-file --batch`.
    fn blobs(&self, repo: &Path, wanted: &[(String, String)]) -> Result<Vec<Vec<u8>>, Error> {
        if wanted.is_empty() {
            return Ok(Vec::new());
        }
        let mut child = self
            .command(repo)
            .args(["cat-file", "--batch"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| Error::Input(msg("library.no_git", &[("program", &e)])))?;
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| Error::Input("git cat-file: no stdin".into()))?;
        let ids: String = wanted.iter().map(|(oid, _)| format!("{oid}\n")).collect();
        // Written from a thread: git answers while it reads, and a full pipe would block both.
        let writer = std::thread::spawn(move || stdin.write_all(ids.as_bytes()));
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| Error::Input("git cat-file: no stdout".into()))?;
        let mut reader = BufReader::new(stdout);
        let mut out = Vec::with_capacity(wanted.len());
        let broken = || {
            Error::Input(msg(
                "library.git_failed",
                &[("command", &"cat-file"), ("said", &"")],
            ))
        };
        for _ in wanted {
            let mut header = String::new();
            reader.read_line(&mut header).map_err(|_| broken())?;
            let size: u64 = header
                .split_whitespace()
                .nth(2)
                .and_then(|s| s.parse().ok())
                .filter(|&s| s <= crate::input::MAX_METHOD_BYTES)
                .ok_or_else(broken)?;
            let mut bytes = Vec::with_capacity(size as usize);
            (&mut reader)
                .take(size)
                .read_to_end(&mut bytes)
                .map_err(|_| broken())?;
            let mut newline = [0u8; 1];
            reader.read_exact(&mut newline).map_err(|_| broken())?;
            out.push(bytes);
        }
        let _ = writer.join();
        let _ = child.wait();
        Ok(out)
    }
}

/// A path inside the library: relative, no `..`, no `.` or empty parts, no backslashes.
pub fn safe_path(path: &str) -> bool {
    !path.is_empty()
        && !path.contains('\\')
        && Path::new(path)
            .components()
            .all(|c| matches!(c, Component::Normal(_)))
        && !path
            .split('/')
            .any(|p| p.is_empty() || p == "." || p == "..")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_url() {
        assert_eq!(default_name("https://example.org/labx/methods.git"), "labx");
        assert_eq!(default_name("/srv/git/Lab_Kit.git/"), "lab-kit");
        assert_eq!(default_name("git@example.org:labx/cards.git"), "cards");
        assert!(valid_name("labx-2"));
        assert!(!valid_name("LabX"));
        assert!(!valid_name("a/b"));
    }

    #[test]
    fn paths_cannot_escape() {
        assert!(safe_path("methods/a.yaml"));
        assert!(!safe_path("methods/../../x.yaml"));
        assert!(!safe_path("/etc/passwd"));
        assert!(!safe_path("methods//a.yaml"));
        assert!(!safe_path("methods\\a.yaml"));
    }
}
