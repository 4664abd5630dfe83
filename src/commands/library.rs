//! `labkit library`: method libraries from git. `add` lists a repository in `labkit.yaml` (or
//! the user's `config.yaml` outside a workspace) and pins it; `update` moves pins; `fetch`
//! brings the pinned commits into the cache without moving them (a teammate after cloning);
//! `list` shows them; `remove` takes one out.
//!
//! Git itself is driven by `gitlib`. Config files are edited as text, only in their
//! `libraries:` block, so the lab's comments and layout elsewhere stay as they were; the result
//! is read back with the strict reader before it is written.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Outcome;
use crate::cli::{DataFormat, LibraryAddArgs, LibraryCommand};
use crate::clock::{Clock, SystemClock, rfc3339};
use crate::error::Error;
use crate::gitlib::{self, Configured, Export, Git, LibrarySpec, Lock, Locked};
use crate::i18n::{t, tf};
use crate::library::{Library, Origin, short};
use crate::output::Printer;
use crate::settings::{Settings, UserConfig, Workspace, WorkspaceConfig};

pub fn run(command: &LibraryCommand, settings: &Settings, printer: &mut Printer) -> Outcome {
    match command {
        LibraryCommand::Add(args) => add(args, settings, printer),
        LibraryCommand::Update(args) => update(args.name.as_deref(), settings, printer),
        LibraryCommand::Fetch => fetch(settings, printer),
        LibraryCommand::List(args) => list(args.format, settings, printer),
        LibraryCommand::Remove(args) => remove(&args.name, settings, printer),
    }
}

/// The warnings every other command prints once: libraries left out because they are not
/// pinned or not fetched, and pins that no longer match the configuration.
pub fn warnings(settings: &Settings) -> Vec<String> {
    settings
        .libraries
        .iter()
        .filter_map(Configured::warning)
        .collect()
}

/// The config file `add` writes to: the workspace's `labkit.yaml`, else the user's config.
fn target_file(settings: &Settings) -> Result<(PathBuf, bool), Error> {
    if let Some(ws) = &settings.workspace {
        return Ok((ws.root.join(Workspace::FILE), true));
    }
    match &settings.user_config {
        Some(file) => Ok((file.clone(), false)),
        None => Err(Error::Usage(
            t(settings.lang, "library.no_workspace").into(),
        )),
    }
}

fn cache_home(settings: &Settings, lib: &Configured) -> Result<PathBuf, Error> {
    let home = lib.home.clone().ok_or_else(|| {
        Error::Usage(tf(
            settings.lang,
            "library.no_cache",
            &[("name", &lib.name)],
        ))
    })?;
    std::fs::create_dir_all(&home).map_err(|e| Error::io(home.display().to_string(), e))?;
    Ok(home)
}

fn git(settings: &Settings) -> Result<Git, Error> {
    Git::find(settings.git_program.as_deref())
}

/// The export of `commit`, from the cache when it is there, else written from the repository.
fn export(git: &Git, repo: &Path, home: &Path, url: &str, commit: &str) -> Result<Export, Error> {
    match Export::read(&home.join(commit)) {
        Some(export) if export.commit == commit => Ok(export),
        _ => git.export(repo, home, url, commit),
    }
}

/// Loads a library's exported methods on their own, as `labkit` will: prints each broken
/// file's problems once, and returns how many methods and playbooks loaded.
fn check(dir: &Path, settings: &Settings, printer: &mut Printer) -> usize {
    let methods = dir.join("methods");
    // With everything else labkit loads, so a playbook may use methods from elsewhere; this
    // library's other commits are left out.
    let home = dir.parent().unwrap_or(dir);
    let mut layers: Vec<(Origin, PathBuf)> = crate::library::layers(settings)
        .into_iter()
        .filter(|(_, d)| !d.starts_with(home))
        .collect();
    let at = layers
        .iter()
        .rposition(|(o, _)| *o == Origin::Library)
        .map_or(0, |i| i + 1);
    layers.insert(at, (Origin::Library, methods.clone()));
    let library = Library::load_layers(&layers);
    for problem in library
        .problems
        .iter()
        .filter(|p| Path::new(&p.file).starts_with(dir))
    {
        printer.warn(&tf(
            settings.lang,
            "library.skipped",
            &[("file", &problem.file)],
        ));
        for d in &problem.diagnostics {
            printer.diagnostic(d);
        }
    }
    // Those that load: they parse, and nothing (such as a playbook's missing method) was found
    // wrong with them alongside everything else.
    let (files, _) = crate::library::find_files(&[(Origin::Library, methods)]);
    files
        .iter()
        .filter(|f| f.origin == Origin::Library)
        .filter(|f| !library.problems.iter().any(|p| p.file == f.file))
        .filter(|f| f.parse().is_ok())
        .count()
}

/// Fetches `lib`'s repository, resolves its rev and exports that commit: the new pin.
fn pin(
    git: &Git,
    lib: &Configured,
    settings: &Settings,
    printer: &mut Printer,
) -> Result<Locked, Error> {
    let home = cache_home(settings, lib)?;
    let repo = git.repo(&home)?;
    git.fetch(&repo, &lib.url)?;
    let commit = git.resolve(&repo, lib.spec.rev.as_deref())?;
    let export = export(git, &repo, &home, &lib.url, &commit)?;
    let methods = check(&home.join(&commit), settings, printer);
    Ok(Locked {
        name: lib.name.clone(),
        git: lib.spec.git.clone(),
        rev: lib.spec.rev.clone(),
        commit,
        sha256: export.sha256,
        methods,
        updated: rfc3339(SystemClock.now()),
    })
}

fn add(args: &LibraryAddArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let lang = settings.lang;
    let (file, is_workspace) = target_file(settings)?;
    let folder = file.parent().unwrap_or(Path::new(".")).to_owned();
    let name = args
        .name
        .clone()
        .unwrap_or_else(|| gitlib::default_name(&args.url));
    if !gitlib::valid_name(&name) {
        return Err(Error::Usage(tf(
            lang,
            "library.bad_name",
            &[("file", &"--name"), ("name", &name)],
        )));
    }
    if settings.libraries.iter().any(|l| l.name == name) {
        return Err(Error::Usage(tf(lang, "library.exists", &[("name", &name)])));
    }
    // A local path is written as typed when labkit runs beside the config file, else absolute.
    let as_url = gitlib::git_url(&args.url, &settings.cwd);
    let written = if as_url == args.url || settings.cwd == folder {
        args.url.clone()
    } else {
        as_url
    };
    let spec = LibrarySpec {
        git: written,
        rev: args.rev.clone(),
        name: args.name.clone(),
    };
    let lib = Configured {
        name: name.clone(),
        url: gitlib::git_url(&spec.git, &folder),
        spec: spec.clone(),
        listed_in: file.clone(),
        lock_file: folder.join(gitlib::LOCK_FILE),
        locked: None,
        home: settings
            .cache_dir
            .as_deref()
            .map(|c| gitlib::home(c, &name, &gitlib::git_url(&spec.git, &folder))),
    };
    let git = git(settings)?;
    let locked = pin(&git, &lib, settings, printer)?;
    let text = if file.exists() {
        crate::input::read_document(&file)?
    } else {
        String::new()
    };
    let edited = append_library(&text, &spec, &file)?;
    check_config(&edited, &file, is_workspace)?;
    let mut lock = Lock::read(&lib.lock_file)?;
    let summary = tf(
        lang,
        "library.added",
        &[
            ("name", &name),
            ("commit", &short(&locked.commit)),
            ("methods", &locked.methods),
            ("file", &file.display()),
            ("lock", &lib.lock_file.display()),
        ],
    );
    lock.set(locked);
    crate::fsutil::write_atomic(&file, edited.as_bytes())?;
    lock.write(&lib.lock_file)?;
    printer.note(&summary);
    Ok(0)
}

/// The libraries a name picks (all when none is given); an unknown name is an error listing
/// the known ones.
fn chosen<'a>(name: Option<&str>, settings: &'a Settings) -> Result<Vec<&'a Configured>, Error> {
    if settings.libraries.is_empty() {
        return Err(Error::Usage(t(settings.lang, "library.none").into()));
    }
    match name {
        None => Ok(settings.libraries.iter().collect()),
        Some(name) => match settings.libraries.iter().find(|l| l.name == name) {
            Some(lib) => Ok(vec![lib]),
            None => Err(Error::Usage(tf(
                settings.lang,
                "library.unknown",
                &[
                    ("name", &name),
                    (
                        "names",
                        &settings
                            .libraries
                            .iter()
                            .map(|l| l.name.as_str())
                            .collect::<Vec<_>>()
                            .join(", "),
                    ),
                ],
            ))),
        },
    }
}

fn update(name: Option<&str>, settings: &Settings, printer: &mut Printer) -> Outcome {
    let libs = chosen(name, settings)?;
    let git = git(settings)?;
    for lib in libs {
        let locked = pin(&git, lib, settings, printer)?;
        let key = match &lib.locked {
            Some(old) if old.commit == locked.commit => "library.up_to_date",
            Some(_) => "library.moved",
            None => "library.pinned",
        };
        let old = lib
            .locked
            .as_ref()
            .map(|l| short(&l.commit).to_owned())
            .unwrap_or_default();
        let mut lock = Lock::read(&lib.lock_file)?;
        // An unchanged pin keeps its date: `updated` says when the methods last changed.
        let locked = match lock.get(&lib.name) {
            Some(prev) if prev.commit == locked.commit && prev.rev == locked.rev => Locked {
                updated: prev.updated.clone(),
                ..locked
            },
            _ => locked,
        };
        printer.note(&tf(
            settings.lang,
            key,
            &[
                ("name", &lib.name),
                ("old", &old),
                ("commit", &short(&locked.commit)),
                ("methods", &locked.methods),
            ],
        ));
        lock.set(locked);
        lock.write(&lib.lock_file)?;
    }
    Ok(0)
}

fn fetch(settings: &Settings, printer: &mut Printer) -> Outcome {
    let libs = chosen(None, settings)?;
    let mut git_program = None;
    for lib in libs {
        let Some(locked) = &lib.locked else {
            // Listed by hand and never pinned: pin it now.
            let git = match &git_program {
                Some(g) => g,
                None => git_program.insert(git(settings)?),
            };
            let locked = pin(git, lib, settings, printer)?;
            printer.note(&tf(
                settings.lang,
                "library.pinned",
                &[
                    ("name", &lib.name),
                    ("commit", &short(&locked.commit)),
                    ("methods", &locked.methods),
                ],
            ));
            let mut lock = Lock::read(&lib.lock_file)?;
            lock.set(locked);
            lock.write(&lib.lock_file)?;
            continue;
        };
        if lib.export_dir().is_some() {
            printer.note(&tf(
                settings.lang,
                "library.in_cache",
                &[("name", &lib.name), ("commit", &short(&locked.commit))],
            ));
            continue;
        }
        let git = match &git_program {
            Some(g) => g,
            None => git_program.insert(git(settings)?),
        };
        let home = cache_home(settings, lib)?;
        let repo = git.repo(&home)?;
        let url = gitlib::git_url(
            &locked.git,
            lib.listed_in.parent().unwrap_or(Path::new(".")),
        );
        if !git.has_commit(&repo, &locked.commit) {
            git.fetch(&repo, &url)?;
        }
        if !git.has_commit(&repo, &locked.commit) {
            // A pin whose branch or tag moved on: ask for the commit itself.
            let _ = git.fetch_commit(&repo, &url, &locked.commit);
        }
        if !git.has_commit(&repo, &locked.commit) {
            return Err(Error::Input(tf(
                settings.lang,
                "library.commit_gone",
                &[
                    ("name", &lib.name),
                    ("commit", &locked.commit),
                    ("url", &url),
                ],
            )));
        }
        let export = export(git, &repo, &home, &url, &locked.commit)?;
        if export.sha256 != locked.sha256 {
            let _ = std::fs::remove_dir_all(home.join(&locked.commit));
            return Err(Error::Input(tf(
                settings.lang,
                "library.hash_differs",
                &[("name", &lib.name), ("lock", &lib.lock_file.display())],
            )));
        }
        let methods = check(&home.join(&locked.commit), settings, printer);
        printer.note(&tf(
            settings.lang,
            "library.fetched",
            &[
                ("name", &lib.name),
                ("commit", &short(&locked.commit)),
                ("methods", &methods),
            ],
        ));
        if !lib.lock_matches() {
            printer.warn(&tf(
                settings.lang,
                "library.lock_stale",
                &[
                    ("name", &lib.name),
                    ("file", &lib.listed_in.display()),
                    ("lock", &lib.lock_file.display()),
                ],
            ));
        }
    }
    Ok(0)
}

#[derive(Serialize)]
struct Row {
    name: String,
    git: String,
    rev: Option<String>,
    commit: Option<String>,
    methods: Option<usize>,
    updated: Option<String>,
    fetched: bool,
    listed_in: String,
}

fn list(format: DataFormat, settings: &Settings, printer: &mut Printer) -> Outcome {
    let lang = settings.lang;
    let rows: Vec<Row> = settings
        .libraries
        .iter()
        .map(|lib| Row {
            name: lib.name.clone(),
            git: lib.spec.git.clone(),
            rev: lib.spec.rev.clone(),
            commit: lib.locked.as_ref().map(|l| l.commit.clone()),
            methods: lib.locked.as_ref().map(|l| l.methods),
            updated: lib.locked.as_ref().map(|l| l.updated.clone()),
            fetched: lib.export_dir().is_some(),
            listed_in: lib.listed_in.display().to_string(),
        })
        .collect();
    match format {
        DataFormat::Json => printer
            .data(&serde_json::to_string_pretty(&rows).map_err(|e| Error::Input(e.to_string()))?)?,
        DataFormat::Yaml => {
            printer.data(&serde_yaml::to_string(&rows).map_err(|e| Error::Input(e.to_string()))?)?
        }
        DataFormat::Table if rows.is_empty() => printer.note(t(lang, "library.none")),
        DataFormat::Table => {
            let mut table = crate::output::table(settings);
            table.set_header(
                [
                    "library.col.name",
                    "library.col.source",
                    "library.col.commit",
                    "library.col.methods",
                    "library.col.updated",
                ]
                .map(|k| t(lang, k)),
            );
            for r in &rows {
                let source = match &r.rev {
                    Some(rev) => format!("{} @ {rev}", r.git),
                    None => r.git.clone(),
                };
                let commit = match (&r.commit, r.fetched) {
                    (Some(c), true) => short(c).to_owned(),
                    (Some(c), false) => {
                        format!("{} ({})", short(c), t(lang, "library.not_fetched_short"))
                    }
                    (None, _) => t(lang, "library.not_locked_short").to_owned(),
                };
                table.add_row([
                    r.name.clone(),
                    source,
                    commit,
                    r.methods.map(|m| m.to_string()).unwrap_or_default(),
                    r.updated.clone().unwrap_or_default(),
                ]);
            }
            printer.data(&crate::output::table_text(&table))?
        }
    }
    Ok(0)
}

fn remove(name: &str, settings: &Settings, printer: &mut Printer) -> Outcome {
    let lib = chosen(Some(name), settings)?[0];
    let file = &lib.listed_in;
    let text = crate::input::read_document(file)?;
    let edited = remove_library(&text, name, file)?;
    let is_workspace = settings
        .workspace
        .as_ref()
        .is_some_and(|w| w.root.join(Workspace::FILE) == *file);
    check_config(&edited, file, is_workspace)?;
    crate::fsutil::write_atomic(file, edited.as_bytes())?;
    let mut lock = Lock::read(&lib.lock_file)?;
    lock.libraries.retain(|l| l.name != name);
    lock.write(&lib.lock_file)?;
    printer.note(&tf(
        settings.lang,
        "library.removed",
        &[("name", &name), ("file", &file.display())],
    ));
    Ok(0)
}

/// The edited config must still read as one (strictly, as at start-up).
fn check_config(text: &str, file: &Path, is_workspace: bool) -> Result<(), Error> {
    if text.trim().is_empty() {
        return Ok(());
    }
    let shown = file.display().to_string();
    if is_workspace {
        crate::method::deserialize_placed::<WorkspaceConfig>(text, &shown)
            .map(|_| ())
            .map_err(Error::Diagnostics)
    } else {
        crate::method::deserialize_placed::<UserConfig>(text, &shown)
            .map(|_| ())
            .map_err(Error::Diagnostics)
    }
}

/// Where the `libraries:` block of a config text is: the line of the key and the line after
/// its last item. `Ok(None)` when there is none; an error when it is not a block list.
fn libraries_block(lines: &[&str], file: &Path) -> Result<Option<(usize, usize)>, Error> {
    let Some(start) = lines.iter().position(|l| l.starts_with("libraries:")) else {
        return Ok(None);
    };
    let rest = lines[start]["libraries:".len()..].trim();
    if !(rest.is_empty() || rest.starts_with('#')) {
        return Err(Error::Input(crate::i18n::msg(
            "library.edit_by_hand",
            &[("file", &file.display()), ("line", &(start + 1))],
        )));
    }
    let mut end = start + 1;
    while end < lines.len() {
        let l = lines[end];
        if l.trim().is_empty() || l.starts_with(' ') || l.starts_with('-') || l.starts_with('#') {
            end += 1;
        } else {
            break;
        }
    }
    // Blank lines and comments after the last item belong to what follows.
    while end > start + 1 && {
        let l = lines[end - 1].trim();
        l.is_empty() || l.starts_with('#')
    } {
        end -= 1;
    }
    Ok(Some((start, end)))
}

fn yaml_scalar(text: &str) -> String {
    serde_yaml::to_string(text)
        .map(|s| s.trim_end().to_owned())
        .unwrap_or_else(|_| format!("{text:?}"))
}

/// The config text with one more library at the end of its `libraries:` block (the block is
/// added at the end of the file when there is none).
fn append_library(text: &str, spec: &LibrarySpec, file: &Path) -> Result<String, Error> {
    let lines: Vec<&str> = text.lines().collect();
    let block = libraries_block(&lines, file)?;
    // Items keep the indentation of the block's first item.
    let indent = block
        .and_then(|(s, e)| {
            lines[s + 1..e]
                .iter()
                .find(|l| l.trim_start().starts_with('-'))
                .map(|l| l.len() - l.trim_start().len())
        })
        .unwrap_or(2);
    let pad = " ".repeat(indent);
    let mut item = vec![format!("{pad}- git: {}", yaml_scalar(&spec.git))];
    if let Some(rev) = &spec.rev {
        item.push(format!("{pad}  rev: {}", yaml_scalar(rev)));
    }
    if let Some(name) = &spec.name {
        item.push(format!("{pad}  name: {}", yaml_scalar(name)));
    }
    let mut out: Vec<String> = lines.iter().map(|l| (*l).to_owned()).collect();
    match block {
        Some((_, end)) => {
            for (i, line) in item.into_iter().enumerate() {
                out.insert(end + i, line);
            }
        }
        None => {
            out.push("libraries:".to_owned());
            out.extend(item);
        }
    }
    Ok(out.join("\n") + "\n")
}

/// The config text without the library of that name.
fn remove_library(text: &str, name: &str, file: &Path) -> Result<String, Error> {
    let lines: Vec<&str> = text.lines().collect();
    let Some((start, end)) = libraries_block(&lines, file)? else {
        return Ok(text.to_owned());
    };
    // Each item runs from its `- ` line to the next one.
    let starts: Vec<usize> = (start + 1..end)
        .filter(|&i| lines[i].trim_start().starts_with('-'))
        .collect();
    let mut keep: Vec<bool> = vec![true; lines.len()];
    let mut items_left = starts.len();
    for (k, &s) in starts.iter().enumerate() {
        let e = starts.get(k + 1).copied().unwrap_or(end);
        let chunk: String = lines[s..e].iter().map(|l| format!("{l}\n")).collect();
        let parsed: Option<Vec<LibrarySpec>> = serde_yaml::from_str(&chunk).ok();
        let matches = parsed
            .and_then(|v| v.into_iter().next())
            .is_some_and(|spec| {
                spec.name
                    .clone()
                    .unwrap_or_else(|| gitlib::default_name(&spec.git))
                    == name
            });
        if matches {
            keep[s..e].iter_mut().for_each(|k| *k = false);
            items_left -= 1;
        }
    }
    if items_left == 0 {
        keep[start..end].iter_mut().for_each(|k| *k = false);
    }
    let out: Vec<&str> = lines
        .iter()
        .zip(&keep)
        .filter(|(_, k)| **k)
        .map(|(l, _)| *l)
        .collect();
    Ok(out.join("\n") + "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_blocks_are_edited_in_place() {
        let file = Path::new("labkit.yaml");
        let spec = LibrarySpec {
            git: "https://example.org/labx/methods.git".into(),
            rev: Some("v1.4".into()),
            name: None,
        };
        let text = "lab: LabX\n# our libraries\nlibraries:\n- git: ../other\n\nlanguage: pt\n";
        let added = append_library(text, &spec, file).unwrap();
        assert_eq!(
            added,
            "lab: LabX\n# our libraries\nlibraries:\n- git: ../other\n- git: https://example.org/labx/methods.git\n  rev: v1.4\n\nlanguage: pt\n"
        );
        let removed = remove_library(&added, "other", file).unwrap();
        assert_eq!(
            removed,
            "lab: LabX\n# our libraries\nlibraries:\n- git: https://example.org/labx/methods.git\n  rev: v1.4\n\nlanguage: pt\n"
        );
        let none = remove_library(&removed, "labx", file).unwrap();
        assert_eq!(none, "lab: LabX\n# our libraries\n\nlanguage: pt\n");
        let fresh = append_library("lab: L\n", &spec, file).unwrap();
        assert!(fresh.ends_with(
            "libraries:\n  - git: https://example.org/labx/methods.git\n    rev: v1.4\n"
        ));
        assert!(append_library("libraries: []\n", &spec, file).is_err());
    }
}
