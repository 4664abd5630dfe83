//! Finds methods and playbooks: built-ins embedded in the binary, then `LABKIT_PATH`, then the
//! workspace's `methods/`, then `--methods`; a later source overrides an earlier one of the
//! same id. Each loaded document records where it came from.
//!
//! A broken file never hides the others: its diagnostics are kept in `problems` and the rest
//! load. This module reads files but prints nothing.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use serde::Serialize;

use crate::method::{self, Diagnostic, Document, Method, validate};
use crate::settings::Settings;

static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/methods");

/// Where a method came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    BuiltIn,
    /// `LABKIT_PATH`
    Env,
    Workspace,
    /// `--methods` or a path on the command line
    Path,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::BuiltIn => "built-in",
            Origin::Env => "LABKIT_PATH",
            Origin::Workspace => "workspace",
            Origin::Path => "path",
        })
    }
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub doc: Document,
    pub origin: Origin,
    /// The file, as messages show it (`built-in:test-card.yaml` for embedded ones).
    pub file: String,
    /// The entry this one overrides, if any.
    pub shadows: Option<(Origin, String)>,
}

/// Every problem found in one file.
#[derive(Debug, Clone)]
pub struct FileProblem {
    pub file: String,
    pub diagnostics: Vec<Diagnostic>,
}

#[derive(Debug, Default)]
pub struct Library {
    entries: BTreeMap<String, Entry>,
    pub problems: Vec<FileProblem>,
    /// How many files were read.
    pub files_read: usize,
}

/// A file to load, with its bytes already read.
struct Loaded {
    file: String,
    stem: Option<String>,
    bytes: Vec<u8>,
    origin: Origin,
}

impl Library {
    /// Loads everything the settings point at.
    pub fn load(settings: &Settings) -> Library {
        let mut layers: Vec<(Origin, PathBuf)> = Vec::new();
        layers.extend(
            settings
                .env_method_dirs
                .iter()
                .map(|d| (Origin::Env, d.clone())),
        );
        if let Some(ws) = &settings.workspace {
            layers.push((Origin::Workspace, ws.methods_dir()));
        }
        layers.extend(
            settings
                .flag_method_dirs
                .iter()
                .map(|d| (Origin::Path, d.clone())),
        );
        Library::load_layers(&layers)
    }

    /// Loads the built-ins, then each folder or file in order (later ones override).
    pub fn load_layers(layers: &[(Origin, PathBuf)]) -> Library {
        let mut library = Library::default();
        let mut files = built_in_files();
        for (origin, path) in layers {
            if let Err(problem) = collect_files(path, *origin, &mut files) {
                library.problems.push(problem);
            }
        }
        library.files_read = files.len();
        let parsed = parse_all(&files);
        for (file, result) in files.iter().zip(parsed) {
            match result {
                Ok(doc) => library.insert(doc, file.origin, file.file.clone()),
                Err(diagnostics) => library.problems.push(FileProblem {
                    file: file.file.clone(),
                    diagnostics,
                }),
            }
        }
        library.check_playbooks(&files);
        library
    }

    fn insert(&mut self, doc: Document, origin: Origin, file: String) {
        let id = doc.id().to_owned();
        let shadows = self.entries.remove(&id).map(|old| (old.origin, old.file));
        self.entries.insert(
            id,
            Entry {
                doc,
                origin,
                file,
                shadows,
            },
        );
    }

    /// Playbooks whose method references do not resolve are problems, not entries.
    fn check_playbooks(&mut self, files: &[Loaded]) {
        let broken: Vec<(String, Vec<method::Issue>)> = self
            .entries
            .values()
            .filter_map(|entry| match &entry.doc {
                Document::Playbook(p) => {
                    let issues = validate::playbook_references(p, &|id| self.method(id).cloned());
                    (!issues.is_empty()).then(|| (entry.file.clone(), issues))
                }
                Document::Method(_) => None,
            })
            .collect();
        for (file, issues) in broken {
            let text = files
                .iter()
                .find(|f| f.file == file)
                .and_then(|f| std::str::from_utf8(&f.bytes).ok());
            let diagnostics = method::place(&file, issues, text);
            self.entries.retain(|_, e| e.file != file);
            self.problems.push(FileProblem { file, diagnostics });
        }
    }

    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values()
    }

    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.get(id)
    }

    pub fn method(&self, id: &str) -> Option<&Method> {
        match self.entries.get(id).map(|e| &e.doc) {
            Some(Document::Method(m)) => Some(m),
            _ => None,
        }
    }

    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// `before`/`after` ids that name no loaded method, as diagnostics of the naming file.
    pub fn link_problems(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for entry in self.entries.values() {
            let Document::Method(m) = &entry.doc else {
                continue;
            };
            for (field, ids) in [("before", &m.before), ("after", &m.after)] {
                for (i, id) in ids.iter().enumerate() {
                    if !self.entries.contains_key(id) {
                        out.push(Diagnostic {
                            file: entry.file.clone(),
                            line: None,
                            column: None,
                            path: format!("{field}[{i}]"),
                            message: format!("`{id}` is not a known method"),
                            hint: method::suggest(id, self.ids()),
                        });
                    }
                }
            }
        }
        out
    }
}

/// The embedded built-in files, playbooks included.
fn built_in_files() -> Vec<Loaded> {
    let mut files = Vec::new();
    let mut stack = vec![&BUILT_IN];
    while let Some(dir) = stack.pop() {
        for file in dir.files() {
            if is_yaml(file.path()) {
                files.push(Loaded {
                    file: format!("built-in:{}", file.path().display()),
                    stem: stem(file.path()),
                    bytes: file.contents().to_vec(),
                    origin: Origin::BuiltIn,
                });
            }
        }
        stack.extend(dir.dirs());
    }
    files.sort_by(|a, b| a.file.cmp(&b.file));
    files
}

/// The raw text of a built-in method, for `eject` and tests.
pub fn built_in_source(id: &str) -> Option<&'static [u8]> {
    [format!("{id}.yaml"), format!("playbooks/{id}.yaml")]
        .iter()
        .find_map(|p| BUILT_IN.get_file(p))
        .map(|f| f.contents())
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn stem(path: &Path) -> Option<String> {
    path.file_stem().and_then(|s| s.to_str()).map(str::to_owned)
}

/// Reads a method file, or every YAML file under a folder (recursively, sorted by path).
fn collect_files(path: &Path, origin: Origin, out: &mut Vec<Loaded>) -> Result<(), FileProblem> {
    let shown = path.display().to_string();
    let problem = |message: String| FileProblem {
        file: shown.clone(),
        diagnostics: vec![Diagnostic {
            file: shown.clone(),
            line: None,
            column: None,
            path: String::new(),
            message,
            hint: None,
        }],
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        // A workspace without a methods folder is normal; a named folder that is missing is not.
        Err(_) if origin == Origin::Workspace => return Ok(()),
        Err(err) => return Err(problem(format!("cannot read: {err}"))),
    };
    let mut paths = Vec::new();
    if meta.is_dir() {
        walk(path, &mut paths).map_err(|err| problem(format!("cannot read folder: {err}")))?;
        paths.sort();
    } else {
        paths.push(path.to_owned());
    }
    for file in paths {
        let shown = file.display().to_string();
        let bytes = match read_limited(&file) {
            Ok(bytes) => bytes,
            Err(err) => {
                return Err(FileProblem {
                    file: shown.clone(),
                    diagnostics: vec![Diagnostic {
                        file: shown,
                        line: None,
                        column: None,
                        path: String::new(),
                        message: format!("cannot read: {err}"),
                        hint: None,
                    }],
                });
            }
        };
        out.push(Loaded {
            file: shown,
            stem: stem(&file),
            bytes,
            origin,
        });
    }
    Ok(())
}

/// Reads at most one byte past the size limit, so a huge file costs no memory; the parser
/// then reports it as too large.
fn read_limited(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(method::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, out)?;
        } else if is_yaml(&path) {
            out.push(path);
        }
    }
    Ok(())
}

/// Parses files on every core: a workspace with a thousand methods still lists instantly.
fn parse_all(files: &[Loaded]) -> Vec<Result<Document, Vec<Diagnostic>>> {
    let parse = |f: &Loaded| method::parse(&f.bytes, &f.file, f.stem.as_deref());
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if files.len() < 64 || threads == 1 {
        return files.iter().map(parse).collect();
    }
    let chunk = files.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = files
            .chunks(chunk)
            .map(|part| {
                (
                    part,
                    scope.spawn(move || part.iter().map(parse).collect::<Vec<_>>()),
                )
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|(part, handle)| match handle.join() {
                Ok(results) => results,
                // A panic in a parser thread is a bug; keep going with the other files.
                Err(_) => part
                    .iter()
                    .map(|f| {
                        Err(vec![Diagnostic {
                            file: f.file.clone(),
                            line: None,
                            column: None,
                            path: String::new(),
                            message: "internal error while parsing this file".into(),
                            hint: None,
                        }])
                    })
                    .collect(),
            })
            .collect()
    })
}
