//! `labkit validate [PATH...]`: check method and playbook files and report every problem.
//!
//! Exit 0 when clean, 1 when any file has a problem. Problems go to stderr as
//! `file:line:column: path: message`; `--format json` puts them on stdout instead.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::Outcome;
use crate::cli::{ReportFormat, ValidateArgs};
use crate::error::Error;
use crate::i18n::msg;
use crate::i18n::{t, tf, tn};
use crate::library::{FileProblem, Library, Origin};
use crate::method::{self, Diagnostic, Document, Issue};
use crate::output::Printer;
use crate::report::{self, NameProblem};
use crate::settings::Settings;

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: &'a str,
    line: Option<usize>,
    column: Option<usize>,
    path: &'a str,
    message: &'a str,
    hint: Option<&'a str>,
}

pub fn run(args: &ValidateArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let (library, only): (Library, Option<Vec<PathBuf>>) = if args.paths.is_empty() {
        (Library::load(settings), None)
    } else {
        // Load the named paths on top of everything else, so playbooks and `before`/`after`
        // links resolve against the whole library, but report only on the named files.
        // `methods/./x.yaml` is shown as `methods/x.yaml` (a path's components drop the `.`).
        let paths: Vec<PathBuf> = args
            .paths
            .iter()
            .map(|p| settings.cwd.join(p).components().collect())
            .collect();
        for p in &paths {
            if !p.exists() {
                return Err(Error::Usage(tf(
                    settings.lang,
                    "validate.not_found",
                    &[("path", &p.display())],
                )));
            }
        }
        // Every layer `run` would load (libraries, LABKIT_PATH, the workspace, --methods).
        let mut layers: Vec<(Origin, PathBuf)> = crate::library::layers(settings);
        layers.extend(paths.iter().map(|p| (Origin::Path, p.clone())));
        (Library::load_layers(&layers), Some(paths))
    };
    let in_scope = |file: &str| match &only {
        None => true,
        Some(paths) => paths
            .iter()
            .any(|p| std::path::Path::new(file).starts_with(p)),
    };
    let problems = once_per_file(&library.problems);
    let mut diagnostics: Vec<Diagnostic> = problems
        .iter()
        .flat_map(|p| p.diagnostics.iter().cloned())
        .chain(library.link_problems())
        .chain(library.group_problems())
        .chain(template_problems(&library, settings))
        .chain(untranslated_texts(&library, settings))
        .filter(|d| in_scope(&d.file))
        .chain(untranslated_messages(settings))
        .collect();
    diagnostics.sort_by(|a, b| (&a.file, a.line, a.column).cmp(&(&b.file, b.line, b.column)));
    let files_checked = match &only {
        None => library.files_read,
        Some(_) => {
            library.entries().filter(|e| in_scope(&e.file)).count()
                + problems.iter().filter(|p| in_scope(&p.file)).count()
        }
    };
    let mut bad: Vec<&str> = diagnostics.iter().map(|d| d.file.as_str()).collect();
    bad.sort_unstable();
    bad.dedup();

    match args.format {
        ReportFormat::Json => {
            let json: Vec<JsonDiagnostic> = diagnostics
                .iter()
                .map(|d| JsonDiagnostic {
                    file: &d.file,
                    line: d.line,
                    column: d.column,
                    path: &d.path,
                    message: &d.message,
                    hint: d.hint.as_deref(),
                })
                .collect();
            printer.data(
                &serde_json::to_string_pretty(&json).map_err(|e| Error::Input(e.to_string()))?,
            )?;
        }
        ReportFormat::Text => {
            for d in &diagnostics {
                printer.diagnostic(d);
            }
            let lang = settings.lang;
            if diagnostics.is_empty() {
                printer.note(&format!("{} ({files_checked})", t(lang, "validate.ok")));
            } else {
                printer.note(&tf(
                    lang,
                    "validate.summary",
                    &[
                        ("files", &tn(lang, "validate.files", files_checked)),
                        ("errors", &tn(lang, "validate.problems", diagnostics.len())),
                        ("bad", &tn(lang, "validate.files", bad.len())),
                    ],
                ));
            }
        }
    }
    Ok(if diagnostics.is_empty() { 0 } else { 1 })
}

/// Playbooks whose `template:` names no template that `report` could use: none of that name in
/// the workspace's templates folder or the built-ins, or a file there that leads outside it.
/// (A name that is a path is refused when the playbook is read.)
fn template_problems(library: &Library, settings: &Settings) -> Vec<Diagnostic> {
    let templates_dirs = crate::library::template_dirs(settings);
    let mut out = Vec::new();
    for entry in library.entries() {
        let Document::Playbook(playbook) = &entry.doc else {
            continue;
        };
        let Some(name) = &playbook.template else {
            continue;
        };
        let (message, hint) = match report::by_name(name, &templates_dirs) {
            Ok(_) | Err(NameProblem::NotAName) => continue,
            Err(NameProblem::Missing) => {
                let known = report::names(&templates_dirs);
                let hint =
                    method::suggest(name, known.iter().map(String::as_str)).unwrap_or_else(|| {
                        msg("validate.templates_known", &[("names", &known.join(", "))])
                    });
                (
                    msg("validate.template_missing", &[("name", name)]),
                    Some(hint),
                )
            }
            Err(NameProblem::Unusable(message)) => (message, None),
        };
        let mut issue = Issue::new("template", message);
        issue.hint = hint;
        out.extend(method::place(
            &entry.file,
            vec![issue],
            entry.text().as_deref(),
        ));
    }
    out
}

/// The language `--lang` asks to check translations into: any but English, given as a flag.
fn translation_lang(settings: &Settings) -> Option<crate::lang::Lang> {
    (settings.lang_from_flag && settings.lang != crate::lang::Lang::En).then_some(settings.lang)
}

/// With `--lang xx`: every human-readable method or playbook field that has a map of languages
/// without `xx` (a plain string serves every language), found by walking each file's YAML.
/// Built-in methods a workspace overrides are checked in the workspace's copy only.
fn untranslated_texts(library: &Library, settings: &Settings) -> Vec<Diagnostic> {
    let Some(lang) = translation_lang(settings) else {
        return Vec::new();
    };
    let mut entries: Vec<&crate::library::Entry> = library.entries().collect();
    entries.sort_by(|a, b| a.file.cmp(&b.file));
    let mut out = Vec::new();
    for entry in entries {
        let Some(text) = entry.text() else {
            continue;
        };
        let Ok(value) = serde_yaml::from_str::<serde_yaml::Value>(&text) else {
            continue;
        };
        let mut issues = Vec::new();
        walk_texts(&value, String::new(), lang, &mut issues);
        out.extend(method::place(&entry.file, issues, Some(&text)));
    }
    out
}

/// Finds the maps of languages (a mapping with an `en` key whose keys are all language codes
/// and whose values are strings) that lack `lang`, with their paths as `validate` writes them.
fn walk_texts(
    value: &serde_yaml::Value,
    path: String,
    lang: crate::lang::Lang,
    out: &mut Vec<Issue>,
) {
    use serde_yaml::Value;
    match value {
        Value::Mapping(map) => {
            let is_text = map.contains_key("en")
                && map.iter().all(|(k, v)| {
                    k.as_str().and_then(crate::lang::Lang::from_code).is_some() && v.is_string()
                });
            if is_text {
                let has = map.iter().any(|(k, v)| {
                    k.as_str()
                        .and_then(crate::lang::Lang::from_code)
                        .is_some_and(|l| translated_by(lang).any(|t| t == l))
                        && v.as_str().is_some_and(|s| !s.trim().is_empty())
                });
                if !has {
                    let english = map.get("en").and_then(Value::as_str).unwrap_or_default();
                    let mut issue =
                        Issue::new(path, msg("validate.untranslated_text", &[("lang", &lang)]));
                    issue.hint = Some(msg(
                        "validate.untranslated_english",
                        &[("text", &first_line(english))],
                    ));
                    out.push(issue);
                }
                return;
            }
            for (k, v) in map {
                let Some(key) = k.as_str() else {
                    continue;
                };
                let child = if path.is_empty() {
                    key.to_owned()
                } else {
                    format!("{path}.{key}")
                };
                walk_texts(v, child, lang, out);
            }
        }
        Value::Sequence(items) => {
            for (i, v) in items.iter().enumerate() {
                walk_texts(v, format!("{path}[{i}]"), lang, out);
            }
        }
        _ => {}
    }
}

/// The languages whose words count as `lang`'s translation: itself and, for a regional
/// language, its base language (`es` for `es-MX`), but never the English fallback.
fn translated_by(lang: crate::lang::Lang) -> impl Iterator<Item = crate::lang::Lang> {
    lang.fallbacks()
        .filter(move |l| *l == lang || *l != crate::lang::Lang::En)
}

/// The keys a hint names, sorted: commands (`/e`), `<`, `-`, `Enter`, `Esc`, `Ctrl-C`, `↑↓`.
fn keys_named(hint: &str) -> Vec<&str> {
    const NAMED: [&str; 6] = ["<", "-", "Enter", "Esc", "Ctrl-C", "↑↓"];
    let mut keys: Vec<&str> = hint
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && !"<-/↑↓".contains(c)))
        .filter(|w| {
            NAMED.contains(w)
                || (w.len() == 2 && w.starts_with('/') && w.as_bytes()[1].is_ascii_lowercase())
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The first line of a text, shortened to 60 characters, for a hint.
fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default().trim();
    if line.chars().count() > 60 {
        format!("{}…", line.chars().take(59).collect::<String>())
    } else {
        line.to_owned()
    }
}

/// With `--lang xx` for an extra language: labkit's messages (by their Fluent ids) its `.ftl` lacks, those that do
/// not parse, those whose variables differ from the English ones, and those labkit does not have
/// (renamed or misspelt).
fn untranslated_messages(settings: &Settings) -> Vec<Diagnostic> {
    let Some(lang) = translation_lang(settings).filter(|l| !l.is_built_in()) else {
        return Vec::new();
    };
    let file = crate::i18n::file_of(lang).unwrap_or_else(|| format!("i18n/{lang}.ftl"));
    let diagnostic = |path: String, message: String, hint: Option<String>| Diagnostic {
        file: file.clone(),
        line: None,
        column: None,
        path,
        message,
        hint,
    };
    let mut out = Vec::new();
    let broken = crate::i18n::broken(lang);
    for (key, error) in &broken {
        out.push(diagnostic(
            crate::i18n::fluent_id(key),
            msg("validate.message_broken", &[("error", error)]),
            None,
        ));
    }
    // A regional language's own file holds only what differs from its base language's.
    let own: HashSet<String> = translated_by(lang).flat_map(crate::i18n::keys_of).collect();
    for key in crate::i18n::keys() {
        if !own.contains(key) {
            let english = crate::i18n::lookup(crate::lang::Lang::En, key).unwrap_or_default();
            out.push(diagnostic(
                crate::i18n::fluent_id(key),
                msg("validate.message_untranslated", &[("lang", &lang)]),
                Some(msg(
                    "validate.untranslated_english",
                    &[("text", &first_line(english))],
                )),
            ));
        }
    }
    for key in crate::i18n::keys() {
        let (Some(theirs), Some(english)) = (
            crate::i18n::variables_of(lang, key),
            crate::i18n::variables_of(crate::lang::Lang::En, key),
        ) else {
            continue;
        };
        if theirs != english {
            let list = |names: &[&str]| -> String {
                names
                    .iter()
                    .map(|n| format!("{{ ${n} }}"))
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            out.push(diagnostic(
                crate::i18n::fluent_id(key),
                msg(
                    "validate.message_variables",
                    &[("english", &list(&english)), ("theirs", &list(&theirs))],
                ),
                None,
            ));
        }
    }
    // A key hint must name the keys labkit reads (`/e`, `<`, `Enter`…), whatever the words
    // around them: a hint that shows a key that does nothing is worse than none.
    for key in crate::i18n::keys().filter(|k| k.starts_with("hint.") || k.starts_with("room.hint."))
    {
        if !crate::i18n::has(lang, key) {
            continue;
        }
        let (Some(theirs), Some(english)) = (
            crate::i18n::lookup(lang, key),
            crate::i18n::lookup(crate::lang::Lang::En, key),
        ) else {
            continue;
        };
        let (theirs, english) = (keys_named(theirs), keys_named(english));
        if theirs != english {
            out.push(diagnostic(
                crate::i18n::fluent_id(key),
                msg(
                    "validate.message_keys",
                    &[
                        ("english", &english.join(" ")),
                        ("theirs", &theirs.join(" ")),
                    ],
                ),
                None,
            ));
        }
    }
    let known: HashSet<&str> = crate::i18n::keys().collect();
    for key in crate::i18n::keys_of(lang) {
        if !known.contains(key.as_str()) {
            out.push(diagnostic(
                crate::i18n::fluent_id(&key),
                msg("validate.message_unknown", &[]),
                None,
            ));
        }
    }
    out
}

/// Each file's problems once. A file named on the command line that lies in the workspace's
/// methods folder is loaded twice, with the workspace and as named (so that everything else
/// still resolves against the whole library), and would otherwise be reported twice. The same
/// file is recognised by its real path; the named copy, the later one, is kept.
fn once_per_file(problems: &[FileProblem]) -> Vec<&FileProblem> {
    let mut seen = HashSet::new();
    let mut kept: Vec<&FileProblem> = problems
        .iter()
        .rev()
        .filter(|p| {
            let file = Path::new(&p.file);
            seen.insert(file.canonicalize().unwrap_or_else(|_| file.to_owned()))
        })
        .collect();
    kept.reverse();
    kept
}

#[cfg(test)]
mod tests {
    use super::keys_named;
    use crate::lang::Lang;

    /// labkit's own Portuguese hints name the keys the English ones do.
    #[test]
    fn the_built_in_hints_keep_their_keys() {
        let hints =
            crate::i18n::keys().filter(|k| k.starts_with("hint.") || k.starts_with("room.hint."));
        let mut checked = 0;
        for key in hints {
            let en = crate::i18n::lookup(Lang::En, key).unwrap_or_default();
            let pt = crate::i18n::lookup(Lang::Pt, key).unwrap_or_default();
            assert_eq!(
                keys_named(pt),
                keys_named(en),
                "{key}: {pt:?} against {en:?}"
            );
            checked += 1;
        }
        assert!(checked >= 15, "{checked}");
        assert_eq!(keys_named("⟦< volta⟧ · Ctrl-C (tudo)"), ["<", "Ctrl-C"]);
    }
}
