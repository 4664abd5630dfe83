//! Finds methods and playbooks: built-ins embedded in the binary, then the method libraries
//! fetched from git (in the order they are listed, see `gitlib`), then `LABKIT_PATH`, then the
//! workspace's `methods/`, then `--methods`; a later source overrides an earlier one of the
//! same id. Each loaded document records where it came from (for a library, its name and
//! pinned commit), and a library's methods can also be named with its prefix
//! (`labx/test-card`), which picks that library's one when ids clash.
//!
//! A broken file never hides the others: its diagnostics are kept in `problems` and the rest
//! load. This module reads files but prints nothing. `catalogue` builds the lighter listing
//! that `labkit list` needs, with a cache so a large workspace lists quickly.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};
use serde::{Deserialize, Serialize};

use crate::input::ReadError;
use crate::method::{self, Diagnostic, Document, Method, validate};
use crate::settings::Settings;

static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/methods");

/// Where a method came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    BuiltIn,
    /// `LABKIT_PATH`
    Env,
    Workspace,
    /// `--methods` or a path on the command line
    Path,
    /// The copy of the method kept in a session file (the file itself was not found).
    Copy,
    /// A method library fetched from git (`libraries:` in `labkit.yaml` or the user config).
    Library,
}

/// The library a method came from: its name, repository and pinned commit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LibraryRef {
    pub name: String,
    pub git: String,
    pub commit: String,
    /// The folder of the exported commit (`<cache>/libraries/…/<commit>`).
    pub dir: PathBuf,
}

/// Every configured library that has a pin, with the folder its pinned commit is exported to
/// (whether or not it is there yet); no file is read.
pub fn pinned_libraries(settings: &Settings) -> Vec<LibraryRef> {
    settings
        .libraries
        .iter()
        .filter_map(|c| {
            let locked = c.locked.as_ref()?;
            Some(LibraryRef {
                name: c.name.clone(),
                git: locked.git.clone(),
                commit: locked.commit.clone(),
                dir: c.home.as_ref()?.join(&locked.commit),
            })
        })
        .collect()
}

/// The library a file on disk belongs to.
pub fn library_of<'a>(libraries: &'a [LibraryRef], file: &Path) -> Option<&'a LibraryRef> {
    libraries.iter().find(|l| file.starts_with(&l.dir))
}

/// What `list` shows as a method's source: `library labx` for a library's method, the
/// origin's name otherwise.
pub fn source_label(settings: &Settings, origin: Origin, file: &str) -> String {
    let lang = settings.lang;
    if origin == Origin::Library
        && let Some(lib) = library_of(&pinned_libraries(settings), Path::new(file))
    {
        return crate::i18n::tf(lang, "origin.library_named", &[("name", &lib.name)]);
    }
    crate::i18n::t(lang, origin.label_key()).to_owned()
}

/// The name of the library a listed file came from, for `list --format json`.
pub fn library_name(settings: &Settings, origin: Origin, file: &str) -> Option<String> {
    (origin == Origin::Library)
        .then(|| library_of(&pinned_libraries(settings), Path::new(file)).map(|l| l.name.clone()))
        .flatten()
}

impl Origin {
    /// The catalogue key of this origin's name in the user's language.
    pub fn label_key(self) -> &'static str {
        match self {
            Origin::BuiltIn => "origin.builtin",
            Origin::Env => "origin.env",
            Origin::Workspace => "origin.workspace",
            Origin::Path => "origin.path",
            Origin::Copy => "origin.copy",
            Origin::Library => "origin.library",
        }
    }
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::BuiltIn => "built-in",
            Origin::Env => "LABKIT_PATH",
            Origin::Workspace => "workspace",
            Origin::Path => "path",
            Origin::Copy => "session copy",
            Origin::Library => "library",
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
    /// The file on disk (none for built-ins and copies kept in a session).
    pub path: Option<PathBuf>,
    /// The library it came from, for a library's method.
    pub library: Option<LibraryRef>,
}

impl Entry {
    /// Where it came from, for people: `library labx, commit 1a2b3c4d5e6f` for a library's
    /// method, the origin's name otherwise.
    pub fn source_text(&self, lang: crate::lang::Lang) -> String {
        match &self.library {
            Some(lib) => crate::i18n::tf(
                lang,
                "origin.library_commit",
                &[("name", &lib.name), ("commit", &short(&lib.commit))],
            ),
            None => crate::i18n::t(lang, self.origin.label_key()).to_owned(),
        }
    }

    /// The YAML text of the file, for the copy a session keeps.
    pub fn text(&self) -> Option<String> {
        let bytes = match &self.path {
            Some(path) => read_limited(path).ok()?,
            None => built_in_source(self.doc.id())?.to_vec(),
        };
        String::from_utf8(bytes).ok()
    }
}

/// Every problem found in one file.
#[derive(Debug, Clone)]
pub struct FileProblem {
    pub file: String,
    pub diagnostics: Vec<Diagnostic>,
}

impl FileProblem {
    fn new(file: &str, message: String) -> FileProblem {
        FileProblem {
            file: file.to_owned(),
            diagnostics: vec![Diagnostic::whole_file(file, message)],
        }
    }
}

/// The first twelve digits of a commit id, as people see it.
pub fn short(commit: &str) -> &str {
    commit.get(..12).unwrap_or(commit)
}

#[derive(Debug, Default)]
pub struct Library {
    entries: BTreeMap<String, Entry>,
    /// Every library's methods by `name/id`, shadowed ones included.
    prefixed: BTreeMap<String, Entry>,
    pub problems: Vec<FileProblem>,
    /// How many files were read.
    pub files_read: usize,
}

/// The folders report templates are looked up in, highest precedence first: the workspace's
/// `templates/`, then each fetched library's `templates/` (the last listed first); the
/// built-ins come after all of them.
pub fn template_dirs(settings: &Settings) -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = settings
        .workspace
        .iter()
        .map(|ws| ws.templates_dir())
        .collect();
    dirs.extend(
        settings
            .libraries
            .iter()
            .rev()
            .filter_map(|c| c.export_dir())
            .map(|d| d.join("templates")),
    );
    dirs
}

/// The folders and files to load, lowest precedence first (built-ins come before all).
pub fn layers(settings: &Settings) -> Vec<(Origin, PathBuf)> {
    // A library not in the cache (or not pinned) is left out; `run` warns about it once.
    let mut layers: Vec<(Origin, PathBuf)> = settings
        .libraries
        .iter()
        .filter_map(|c| c.export_dir())
        .map(|d| (Origin::Library, d.join("methods")))
        .collect();
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
    layers
}

/// A method file found on a layer, not yet read.
pub(crate) struct Found {
    /// How messages name it.
    pub file: String,
    pub stem: Option<String>,
    pub origin: Origin,
    pub source: FoundSource,
}

pub(crate) enum FoundSource {
    Embedded(&'static [u8]),
    Disk(PathBuf),
}

impl Found {
    fn disk_path(&self) -> Option<PathBuf> {
        match &self.source {
            FoundSource::Disk(path) => Some(path.clone()),
            FoundSource::Embedded(_) => None,
        }
    }

    pub fn read(&self) -> Result<std::borrow::Cow<'static, [u8]>, FileProblem> {
        match &self.source {
            FoundSource::Embedded(bytes) => Ok(std::borrow::Cow::Borrowed(bytes)),
            FoundSource::Disk(path) => read_limited(path)
                .map(std::borrow::Cow::Owned)
                .map_err(|e| FileProblem::new(&self.file, read_message(e))),
        }
    }

    pub fn parse(&self) -> Result<Document, Vec<Diagnostic>> {
        let bytes = self.read().map_err(|p| p.diagnostics)?;
        method::parse(&bytes, &self.file, self.stem.as_deref())
    }
}

/// Every file on every layer, built-ins first, each folder sorted by path.
pub(crate) fn find_files(layers: &[(Origin, PathBuf)]) -> (Vec<Found>, Vec<FileProblem>) {
    let mut files = built_in_files();
    let mut problems = Vec::new();
    for (origin, path) in layers {
        if *origin == Origin::Library {
            problems.extend(refused_files(path));
        }
        if let Err(problem) = find_on_disk(path, *origin, &mut files) {
            problems.push(problem);
        }
    }
    (files, problems)
}

/// The files a library's export left out (links, escaping paths, files over the limits), as
/// problems of the files they would have been.
fn refused_files(methods: &Path) -> Vec<FileProblem> {
    let Some(dir) = methods.parent() else {
        return Vec::new();
    };
    let Some(export) = crate::gitlib::Export::read(dir) else {
        return Vec::new();
    };
    export
        .refused
        .iter()
        .filter(|r| r.path.starts_with("methods/"))
        .map(|r| FileProblem::new(&dir.join(&r.path).display().to_string(), r.reason.clone()))
        .collect()
}

impl Library {
    /// Loads everything the settings point at.
    pub fn load(settings: &Settings) -> Library {
        let mut library = Library::load_layers(&layers(settings));
        library.attach(settings);
        library
    }

    /// Marks each library method with its library, and files every library method under its
    /// prefixed id (`labx/test-card`).
    fn attach(&mut self, settings: &Settings) {
        let libraries = pinned_libraries(settings);
        if libraries.is_empty() {
            return;
        }
        let mark = |entry: &mut Entry| {
            if entry.origin == Origin::Library
                && let Some(path) = &entry.path
            {
                entry.library = library_of(&libraries, path).cloned();
            }
        };
        self.entries.values_mut().for_each(mark);
        let mut prefixed = std::mem::take(&mut self.prefixed);
        prefixed.values_mut().for_each(mark);
        self.prefixed = prefixed
            .into_values()
            .filter_map(|e| {
                let key = format!("{}/{}", e.library.as_ref()?.name, e.doc.id());
                Some((key, e))
            })
            .collect();
    }

    /// Puts the method of that prefixed id (`labx/test-card`) in the place of its plain id, as
    /// for a session recorded from that library. False when there is no such method.
    pub fn prefer(&mut self, prefixed: &str) -> bool {
        match self.prefixed.get(prefixed) {
            Some(entry) => {
                let entry = entry.clone();
                self.entries.insert(entry.doc.id().to_owned(), entry);
                true
            }
            None => false,
        }
    }

    /// Loads the built-ins, then each folder or file in order (later ones override).
    pub fn load_layers(layers: &[(Origin, PathBuf)]) -> Library {
        let (files, problems) = find_files(layers);
        let mut library = Library {
            problems,
            files_read: files.len(),
            ..Library::default()
        };
        for (file, result) in files.iter().zip(parse_all(&files)) {
            match result {
                Ok(doc) => library.insert(doc, file.origin, file.file.clone(), file.disk_path()),
                Err(diagnostics) => library.problems.push(FileProblem {
                    file: file.file.clone(),
                    diagnostics,
                }),
            }
        }
        library.check_playbooks(&files);
        library
    }

    /// Loads only what one session needs: the document with this id (the highest-precedence
    /// file named `<id>.yaml`) and, for a playbook, its methods. Ids equal file names, so no
    /// other file has to be parsed; commands on a single session start quickly.
    pub fn load_for(settings: &Settings, id: &str) -> Library {
        let (files, mut problems) = find_files(&layers(settings));
        let mut library = Library::default();
        let mut wanted = vec![id.to_owned()];
        // `labx/test-card`: only that library's file.
        let libraries = pinned_libraries(settings);
        while let Some(next) = wanted.pop() {
            if library.entries.contains_key(&next) || library.prefixed.contains_key(&next) {
                continue;
            }
            let (dir, stem) = match next.split_once('/') {
                Some((name, stem)) => match libraries.iter().find(|l| l.name == name) {
                    Some(lib) => (Some(lib.dir.as_path()), stem),
                    None => continue,
                },
                None => (None, next.as_str()),
            };
            let Some(found) = files.iter().rev().find(|f| {
                f.stem.as_deref() == Some(stem)
                    && dir.is_none_or(
                        |d| matches!(&f.source, FoundSource::Disk(p) if p.starts_with(d)),
                    )
            }) else {
                continue;
            };
            library.files_read += 1;
            match found.parse() {
                Ok(doc) => {
                    if let Document::Playbook(p) = &doc {
                        wanted.extend(p.method_ids().map(str::to_owned));
                    }
                    library.insert(doc, found.origin, found.file.clone(), found.disk_path());
                }
                Err(diagnostics) => problems.push(FileProblem {
                    file: found.file.clone(),
                    diagnostics,
                }),
            }
        }
        library.problems = problems;
        library.attach(settings);
        library
    }

    fn insert(&mut self, doc: Document, origin: Origin, file: String, path: Option<PathBuf>) {
        let id = doc.id().to_owned();
        let shadows = self.entries.remove(&id).map(|old| (old.origin, old.file));
        let entry = Entry {
            doc,
            origin,
            file,
            shadows,
            path,
            library: None,
        };
        if origin == Origin::Library {
            // Keyed by file until `attach` knows the library's name.
            self.prefixed.insert(entry.file.clone(), entry.clone());
        }
        self.entries.insert(id, entry);
    }

    /// Adds a document that is not in any folder: a method run by path, or a copy kept in a
    /// session file.
    pub fn add(&mut self, doc: Document, origin: Origin, file: String, path: Option<PathBuf>) {
        self.insert(doc, origin, file, path);
    }

    /// The methods a session file carries (`method_copy`), as a library of their own. A copy
    /// that does not parse any more is left out; the caller says the method is missing.
    pub fn from_copy(copy: &crate::session::MethodCopy, session_file: &str) -> Library {
        let mut library = Library::default();
        let texts = std::iter::once((None, &copy.text)).chain(
            copy.methods
                .iter()
                .map(|(id, text)| (Some(id.as_str()), text)),
        );
        for (id, text) in texts {
            let file = format!("{session_file}: method_copy");
            if let Ok(doc) = method::parse(text.as_bytes(), &file, id) {
                library.insert(doc, Origin::Copy, file, None);
            }
        }
        library
    }

    /// Playbooks whose method references do not resolve are problems, not entries.
    fn check_playbooks(&mut self, files: &[Found]) {
        let broken: Vec<(String, Vec<method::Issue>)> = self
            .entries
            .values()
            .filter_map(|entry| match &entry.doc {
                Document::Playbook(p) => {
                    let ids: Vec<&str> = self.ids().collect();
                    let issues =
                        validate::playbook_references(p, &|id| self.method(id).cloned(), &ids);
                    (!issues.is_empty()).then(|| (entry.file.clone(), issues))
                }
                Document::Method(_) => None,
            })
            .collect();
        for (file, issues) in broken {
            let bytes = files
                .iter()
                .find(|f| f.file == file)
                .and_then(|f| f.read().ok());
            let text = bytes.as_deref().and_then(|b| std::str::from_utf8(b).ok());
            let diagnostics = method::place(&file, issues, text);
            self.entries.retain(|_, e| e.file != file);
            self.prefixed.retain(|_, e| e.file != file);
            self.problems.push(FileProblem { file, diagnostics });
        }
    }

    pub fn entries(&self) -> impl Iterator<Item = &Entry> {
        self.entries.values()
    }

    /// The entry of this id; `labx/test-card` names library `labx`'s own one.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.entries.get(id).or_else(|| self.prefixed.get(id))
    }

    pub fn method(&self, id: &str) -> Option<&Method> {
        match self.get(id).map(|e| &e.doc) {
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
                        let mut d = Diagnostic::whole_file(
                            &entry.file,
                            format!("`{id}` is not a known method"),
                        );
                        d.path = format!("{field}[{i}]");
                        d.hint = method::suggest(id, self.ids());
                        out.push(d);
                    }
                }
            }
        }
        out
    }
}

impl Library {
    /// Playbooks whose methods' group sizes do not fit the playbook's group (see
    /// `validate::playbook_group_fit`), placed on their lines.
    pub fn group_problems(&self) -> Vec<Diagnostic> {
        let mut out = Vec::new();
        for entry in self.entries.values() {
            let Document::Playbook(p) = &entry.doc else {
                continue;
            };
            let issues = validate::playbook_group_fit(p, &|id| self.method(id).cloned());
            if !issues.is_empty() {
                let text = entry.text();
                out.extend(method::place(&entry.file, issues, text.as_deref()));
            }
        }
        out
    }
}

/// The embedded built-in files, playbooks included.
fn built_in_files() -> Vec<Found> {
    let mut files = Vec::new();
    let mut stack = vec![&BUILT_IN];
    while let Some(dir) = stack.pop() {
        for file in dir.files() {
            if is_yaml(file.path()) {
                files.push(Found {
                    file: format!("built-in:{}", file.path().display()),
                    stem: stem(file.path()),
                    origin: Origin::BuiltIn,
                    source: FoundSource::Embedded(file.contents()),
                });
            }
        }
        stack.extend(dir.dirs());
    }
    files.sort_by(|a, b| a.file.cmp(&b.file));
    files
}

/// Where a built-in method lives among the built-ins (`test-card.yaml`, `playbooks/…`).
pub fn built_in_source_path(id: &str) -> Option<&'static Path> {
    [format!("{id}.yaml"), format!("playbooks/{id}.yaml")]
        .iter()
        .find_map(|p| BUILT_IN.get_file(p))
        .map(|f| f.path())
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

/// A method file, or every YAML file under a folder (recursively, sorted by path).
fn find_on_disk(path: &Path, origin: Origin, out: &mut Vec<Found>) -> Result<(), FileProblem> {
    let shown = path.display().to_string();
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        // A workspace without a methods folder is normal; a named folder that is missing is not.
        Err(_) if origin == Origin::Workspace => return Ok(()),
        Err(err) => return Err(FileProblem::new(&shown, format!("cannot read: {err}"))),
    };
    let mut paths = Vec::new();
    if meta.is_dir() {
        walk(path, &mut paths)
            .map_err(|err| FileProblem::new(&shown, format!("cannot read folder: {err}")))?;
        paths.sort();
    } else {
        paths.push(path.to_owned());
    }
    out.extend(paths.into_iter().map(|p| Found {
        file: p.display().to_string(),
        stem: stem(&p),
        origin,
        source: FoundSource::Disk(p),
    }));
    Ok(())
}

/// A method file, read within the method size limit; never waits on a FIFO or device.
fn read_limited(path: &Path) -> Result<Vec<u8>, ReadError> {
    crate::input::read_limited(path, crate::input::MAX_METHOD_BYTES)
}

/// A method or playbook file named on the command line (`run PATH`), read like those found in
/// folders: a regular file within the method size limit.
pub fn read_method(path: &Path, shown: &str) -> Result<Vec<u8>, crate::error::Error> {
    read_limited(path).map_err(|err| match err {
        ReadError::Io(e) => crate::error::Error::io(shown, e),
        other => crate::error::Error::Diagnostics(vec![Diagnostic::whole_file(
            shown,
            read_message(other),
        )]),
    })
}

fn read_message(err: ReadError) -> String {
    match err {
        ReadError::TooLarge(limit) => {
            crate::i18n::msg("method.too_large", &[("mb", &(limit / 1_048_576))])
        }
        ReadError::Io(e) => format!("cannot read: {e}"),
        other => other.to_string(),
    }
}

/// Every YAML file under `dir`, recursively, skipping hidden files (editor and temporary
/// files). Used for method folders and for the portfolio's sessions.
///
/// Only regular files are taken, and symlinks to them: a FIFO, socket or device named
/// `x.yaml` would make the reader wait or read forever. Symlinked folders are not followed
/// (a link to a parent would loop).
pub(crate) fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        let file_type = entry.file_type()?;
        if file_type.is_dir() {
            walk(&path, out)?;
        } else if is_yaml(&path) && !hidden {
            let regular =
                file_type.is_file() || (file_type.is_symlink() && crate::input::is_regular(&path));
            if regular {
                out.push(path);
            }
        }
    }
    Ok(())
}

/// Runs `work` over `items` on every core, keeping order: a workspace with a thousand
/// methods still loads quickly.
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8);
    if items.len() < 16 || threads == 1 {
        return items.iter().map(work).collect();
    }
    let chunk = items.len().div_ceil(threads);
    let work = &work;
    std::thread::scope(|scope| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|part| scope.spawn(move || part.iter().map(work).collect::<Vec<_>>()))
            .collect();
        // A worker only panics on a bug; propagate it rather than lose files silently.
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

fn parse_all(files: &[Found]) -> Vec<Result<Document, Vec<Diagnostic>>> {
    par_map(files, Found::parse)
}

/// Where a session's method was found again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SessionMethod {
    /// In the method folders, or at the path it was run from.
    Found,
    /// Only the copy kept in the session file.
    Copy,
}

/// The methods a session needs, for `resume` and `report`: the file it was run from (a method
/// run by path), else the method folders, else the copy the session keeps. `None` when none
/// of them has it.
pub fn for_session(
    settings: &Settings,
    session: &crate::session::Session,
    shown: &str,
) -> Option<(Library, SessionMethod)> {
    let id = session.method.id.as_str();
    let complete = |library: &Library| match library.get(id).map(|e| &e.doc) {
        Some(Document::Playbook(p)) => p.method_ids().all(|m| library.method(m).is_some()),
        Some(Document::Method(_)) => true,
        None => false,
    };
    let by_path = session
        .method
        .source
        .as_ref()
        // A library's exported commit never changes: the very file the session ran, while the
        // cache keeps that commit.
        .filter(|s| {
            s.origin == Origin::Path.to_string()
                || (s.origin == Origin::Library.to_string() && s.commit.is_some())
        })
        .and_then(|s| s.path.as_deref())
        .map(|p| settings.cwd.join(p))
        .filter(|p| p.is_file());
    if let Some(path) = by_path {
        let file = path.display().to_string();
        if let Ok(bytes) = read_limited(&path)
            && let Ok(doc) = method::parse(&bytes, &file, stem(&path).as_deref())
            && doc.id() == id
        {
            let mut library = if doc.is_playbook() {
                Library::load(settings)
            } else {
                Library::default()
            };
            let origin = match &session.method.source {
                Some(s) if s.origin == Origin::Library.to_string() => Origin::Library,
                _ => Origin::Path,
            };
            library.insert(doc, origin, file, Some(path));
            library.attach(settings);
            if complete(&library) {
                return Some((library, SessionMethod::Found));
            }
        }
    }
    let recorded = session
        .method
        .source
        .as_ref()
        .and_then(|s| s.library.as_deref())
        .map(|name| format!("{name}/{id}"));
    if let Some(prefixed) = recorded {
        let mut library = Library::load_for(settings, &prefixed);
        if library.prefer(&prefixed) && complete(&library) {
            return Some((library, SessionMethod::Found));
        }
    }
    let library = Library::load_for(settings, id);
    if complete(&library) {
        return Some((library, SessionMethod::Found));
    }
    let copy = session.method_copy.as_ref()?;
    let library = Library::from_copy(copy, shown);
    complete(&library).then_some((library, SessionMethod::Copy))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_method_named_on_the_command_line_is_read_within_the_method_limits() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("big.yaml");
        std::fs::write(&big, vec![b'#'; method::MAX_FILE_BYTES + 1]).unwrap();
        let err = read_method(&big, "big.yaml").unwrap_err().to_string();
        assert_eq!(
            err,
            "big.yaml: file is larger than 1 MB, the limit for a method file"
        );
        let err = read_method(dir.path(), "dir").unwrap_err().to_string();
        assert!(
            err.starts_with("dir: is a folder, not a regular file"),
            "{err}"
        );
    }

    #[test]
    #[cfg(unix)]
    fn folder_walks_skip_fifos_and_keep_symlinks_to_files() {
        let dir = tempfile::tempdir().unwrap();
        let made = std::process::Command::new("mkfifo")
            .arg(dir.path().join("pipe.yaml"))
            .status();
        assert!(made.unwrap().success());
        std::fs::write(dir.path().join("real.yaml"), "a: 1\n").unwrap();
        std::os::unix::fs::symlink(dir.path().join("real.yaml"), dir.path().join("link.yaml"))
            .unwrap();
        std::os::unix::fs::symlink(
            dir.path().join("pipe.yaml"),
            dir.path().join("to-pipe.yaml"),
        )
        .unwrap();
        let mut found = Vec::new();
        walk(dir.path(), &mut found).unwrap();
        found.sort();
        let names: Vec<_> = found
            .iter()
            .filter_map(|p| p.file_name()?.to_str())
            .collect();
        assert_eq!(names, ["link.yaml", "real.yaml"]);
    }
}
