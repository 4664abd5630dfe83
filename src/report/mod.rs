//! Reports: a session rendered through a handlebars template into Markdown, then into
//! printable HTML or Word. One source (the Markdown), three formats.
//!
//! Templates are found in `--template PATH`, then the workspace's `templates/`, then each fetched
//! library's `templates/`, then the
//! built-ins embedded from `templates/`: `<method-id>.md.hbs`, else `generic.md.hbs`, which
//! renders any method. A template named inside a file (a playbook, a session) is a name looked
//! up in those folders only, never a path: files are shared between labs, and a name must not
//! reach a file outside the folders. Rendering is strict: an unknown variable or helper is an error naming
//! the template, line and column.

pub mod charts;
pub mod context;
pub mod docx;
pub mod html;
pub mod interval_chart;
pub mod lang_marks;
pub mod markdown;
mod ooxml;
pub mod power_curve;
mod raster;
pub mod uses;

use std::path::{Path, PathBuf};

use include_dir::{Dir, include_dir};

use crate::i18n::{msg, t, tf};
use crate::lang::Lang;
use crate::method::Method;
use crate::session::{Session, Status};

static BUILT_IN: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/templates");

pub const GENERIC: &str = "generic";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Docx,
}

impl Format {
    /// The file extension, as sessions record the format.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Docx => "docx",
        }
    }

    pub fn from_extension(path: &Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "docx" => Some(Format::Docx),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{0}")]
    Template(String),
    #[error("{}", msg("report.docx_error", &[("reason", .0)]))]
    Docx(String),
}

/// A template's text and where it came from (for messages).
#[derive(Debug, Clone)]
pub struct TemplateSource {
    pub name: String,
    pub text: String,
}

/// Who named a template, which decides what the name may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Wanted<'a> {
    /// `--template` on this command line: a file path (the person chose it) or a name.
    ByUser(&'a str),
    /// Named inside a file labkit reads (a playbook's `template:`, the template a session
    /// recorded): only a name, found in the template folders, so a file shared with the lab
    /// cannot make a report print some other file of the computer.
    InFile(&'a str),
}

/// Why a template name found no template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    /// Not a plain name: a path with `..`, an absolute path, a hidden or empty part.
    NotAName,
    /// Neither the workspace's folder nor the built-ins have it.
    Missing,
    /// The workspace has a file of that name, but it leads outside the folder (a symbolic
    /// link), is not a regular file, or cannot be read: the message says which.
    Unusable(String),
}

/// Finds the template for a method: the one asked for, else `<method-id>`, else generic.
pub fn find_template(
    wanted: Option<Wanted>,
    method_id: &str,
    dirs: &[PathBuf],
    cwd: &Path,
) -> Result<TemplateSource, ReportError> {
    let name = match wanted {
        Some(Wanted::ByUser(wanted)) => {
            let as_path = cwd.join(wanted);
            if as_path.is_file() {
                let text = std::fs::read_to_string(&as_path)
                    .map_err(|e| ReportError::Template(format!("{wanted}: {e}")))?;
                return Ok(TemplateSource {
                    name: wanted.to_owned(),
                    text,
                });
            }
            wanted
        }
        Some(Wanted::InFile(name)) => name,
        None => {
            return match by_name(method_id, dirs) {
                Err(NameProblem::Missing | NameProblem::NotAName) => by_name(GENERIC, dirs)
                    .map_err(|problem| match problem {
                        NameProblem::Unusable(message) => ReportError::Template(message),
                        _ => ReportError::Template(msg("report.generic_missing", &[])),
                    }),
                other => other.map_err(|problem| explain(method_id, problem, dirs)),
            };
        }
    };
    by_name(name, dirs).map_err(|problem| explain(name, problem, dirs))
}

/// A template name's problem, as a message with the names there are.
pub fn explain(name: &str, problem: NameProblem, dirs: &[PathBuf]) -> ReportError {
    match problem {
        NameProblem::NotAName => {
            ReportError::Template(msg("report.template_not_a_name", &[("name", &name)]))
        }
        NameProblem::Missing => {
            let known = names(dirs);
            let hint = crate::method::suggest(name, known.iter().map(String::as_str))
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            ReportError::Template(msg(
                "report.no_template",
                &[
                    ("name", &name),
                    ("hint", &hint),
                    ("known", &known.join(", ")),
                ],
            ))
        }
        NameProblem::Unusable(message) => ReportError::Template(message),
    }
}

/// A template by name (`test-card`, or `test-card.md.hbs`): the folders in `dirs` in order (the
/// workspace's, then the libraries'), then the built-ins. Only a plain name is looked up, and a file
/// found in a folder must really be in it: its real path (symbolic links followed) has to start
/// with the folder's.
pub fn by_name(name: &str, dirs: &[PathBuf]) -> Result<TemplateSource, NameProblem> {
    let name = name.strip_suffix(".md.hbs").unwrap_or(name);
    if !crate::method::validate::is_template_name(name) {
        return Err(NameProblem::NotAName);
    }
    let file = format!("{name}.md.hbs");
    for dir in dirs {
        let path: PathBuf = dir.join(&file);
        // Anything there, even a broken link, is the lab's template: never skipped silently.
        if path.symlink_metadata().is_ok() {
            return read_inside(dir, &path).map(|text| TemplateSource {
                name: path.display().to_string(),
                text,
            });
        }
    }
    BUILT_IN
        .get_file(&file)
        .and_then(|f| f.contents_utf8())
        .map(|text| TemplateSource {
            name: format!("built-in:templates/{file}"),
            text: text.to_owned(),
        })
        .ok_or(NameProblem::Missing)
}

/// The text of `path`, a file that must lie inside `dir` once every link is followed.
fn read_inside(dir: &Path, path: &Path) -> Result<String, NameProblem> {
    let unusable = |reason: &dyn std::fmt::Display| {
        NameProblem::Unusable(msg(
            "report.template_unusable",
            &[("path", &path.display()), ("reason", reason)],
        ))
    };
    let real_dir = dir.canonicalize().map_err(|e| unusable(&e))?;
    let real = path.canonicalize().map_err(|e| unusable(&e))?;
    if !real.starts_with(&real_dir) {
        return Err(NameProblem::Unusable(msg(
            "report.template_outside",
            &[
                ("path", &path.display()),
                ("target", &real.display()),
                ("dir", &dir.display()),
            ],
        )));
    }
    // A FIFO or a device would block or never end; a template is a regular file.
    if !real.is_file() {
        return Err(unusable(&msg("report.template_not_a_file", &[])));
    }
    // Through `input`, like every file labkit reads: bounded, never waiting on a FIFO.
    crate::input::read_text(&real, crate::input::MAX_METHOD_BYTES).map_err(|e| unusable(&e))
}

/// Every template name there is here: the workspace's and the built-ins, sorted, once each.
pub fn names(dirs: &[PathBuf]) -> Vec<String> {
    let mut names = built_in_names();
    for entries in dirs.iter().filter_map(|d| std::fs::read_dir(d).ok()) {
        names.extend(entries.filter_map(|e| {
            e.ok()?
                .file_name()
                .to_str()?
                .strip_suffix(".md.hbs")
                .map(str::to_owned)
        }));
    }
    names.sort();
    names.dedup();
    names
}

fn named(name: &str, dirs: &[PathBuf]) -> Result<Option<TemplateSource>, ReportError> {
    match by_name(name, dirs) {
        Ok(source) => Ok(Some(source)),
        Err(NameProblem::Missing | NameProblem::NotAName) => Ok(None),
        Err(NameProblem::Unusable(message)) => Err(ReportError::Template(message)),
    }
}

/// The text of a built-in template, for `eject --template`.
pub fn built_in_template(name: &str) -> Option<&'static [u8]> {
    BUILT_IN
        .get_file(format!("{name}.md.hbs"))
        .map(|f| f.contents())
}

/// Names of the built-in templates (without `.md.hbs`).
pub fn built_in_names() -> Vec<String> {
    let mut names: Vec<String> = BUILT_IN
        .files()
        .filter_map(|f| {
            f.path()
                .file_name()?
                .to_str()?
                .strip_suffix(".md.hbs")
                .map(str::to_owned)
        })
        .collect();
    names.sort();
    names
}

/// The title block every format shows above the template's content.
#[derive(Debug, Clone)]
pub struct TitleBlock {
    pub lang: String,
    pub kicker: String,
    pub title: String,
    pub subtitle: String,
    pub facts: Vec<(String, String)>,
    pub draft: Option<String>,
    pub footer: String,
    /// Who the document is by, for its properties: the facilitator, else the lab.
    pub author: Option<String>,
    /// The lab, for the document's company property.
    pub lab: Option<String>,
    /// When the session started and was last changed (finished, else updated), as saved.
    pub created: String,
    pub modified: String,
    /// The session's language when it is not the report's: answers are marked as parts in
    /// that language (`lang` in HTML, `w:lang` in Word; see [`lang_marks`]).
    pub answers_lang: Option<String>,
}

impl TitleBlock {
    /// The report opens with the method's `report_intro` (what the document is, for whom);
    /// a method without one falls back on its summary.
    pub fn of(method: &Method, session: &Session, lang: Lang) -> TitleBlock {
        TitleBlock::of_named(
            method.name.get(lang),
            method
                .report_intro
                .as_ref()
                .unwrap_or(&method.summary)
                .get(lang),
            session,
            lang,
        )
    }

    fn of_named(name: &str, summary: &str, session: &Session, lang: Lang) -> TitleBlock {
        let date = crate::helpers::long_date(&session.started, lang)
            .unwrap_or_else(|| session.started.clone());
        let mut facts = vec![(t(lang, "report.date").to_owned(), date.clone())];
        if let Some(lab) = &session.lab {
            facts.push((t(lang, "report.lab").to_owned(), lab.clone()));
        }
        if let Some(f) = &session.facilitator {
            facts.push((t(lang, "report.facilitator").to_owned(), f.clone()));
        }
        if !session.participants.is_empty() {
            facts.push((
                t(lang, "report.participants").to_owned(),
                session.participants.join(", "),
            ));
        }
        TitleBlock {
            lang: lang.code().to_owned(),
            kicker: t(lang, "report.kicker").to_owned(),
            title: name.to_owned(),
            subtitle: summary.to_owned(),
            facts,
            draft: (session.status != Status::Finished).then(|| t(lang, "report.draft").to_owned()),
            footer: tf(lang, "report.footer", &[("date", &date)]),
            author: session.facilitator.clone().or_else(|| session.lab.clone()),
            lab: session.lab.clone(),
            created: session.started.clone(),
            modified: session
                .finished
                .clone()
                .unwrap_or_else(|| session.updated.clone()),
            answers_lang: context::foreign_answers(session, lang).then(|| session.language.clone()),
        }
    }

    pub fn of_playbook(
        playbook: &crate::method::Playbook,
        session: &Session,
        lang: Lang,
    ) -> TitleBlock {
        // Same facts as a method's; only the name and summary differ.
        let mut block = TitleBlock::of_named(
            playbook.name.get(lang),
            playbook
                .report_intro
                .as_ref()
                .unwrap_or(&playbook.summary)
                .get(lang),
            session,
            lang,
        );
        block.kicker = t(lang, "report.playbook_kicker").to_owned();
        block
    }

    /// The title block in Markdown, for Markdown output.
    pub fn markdown(&self) -> String {
        use markdown::escape;
        let mut out = String::new();
        if let Some(draft) = &self.draft {
            out.push_str(&format!("> **{}**\n\n", escape(draft)));
        }
        out.push_str(&format!(
            "# {}\n\n*{}*\n\n",
            escape(&self.title),
            escape(&self.subtitle)
        ));
        for (label, value) in &self.facts {
            out.push_str(&format!("- **{}:** {}\n", escape(label), escape(value)));
        }
        out.push('\n');
        out
    }
}

/// A rendered report: the Markdown source and what is needed to dress it.
pub struct Rendered {
    pub markdown: String,
    pub title: TitleBlock,
    pub lang: Lang,
}

/// Renders a session with a template into Markdown (charts still as chart blocks).
pub fn render(
    method: &Method,
    session: &Session,
    template: &TemplateSource,
    lang: Lang,
) -> Result<Rendered, ReportError> {
    Compiled::new(template)?.render(method, session, lang)
}

/// A template parsed once, to render many sessions with: parsing a template costs more than
/// rendering a small session with it (the tests render a thousand generated sessions).
pub struct Compiled {
    registry: handlebars::Handlebars<'static>,
    template: TemplateSource,
    /// The parts of the context the template can read; the others are not built.
    parts: uses::Parts,
}

impl Compiled {
    /// Parses the template; a syntax error names the template, line and column.
    pub fn new(template: &TemplateSource) -> Result<Compiled, ReportError> {
        let mut registry = crate::helpers::report_registry();
        registry
            .register_template_string(&template.name, &template.text)
            .map_err(|e| {
                let place = e
                    .pos()
                    .map(|(l, c)| format!(":{l}:{c}"))
                    .unwrap_or_default();
                ReportError::Template(msg(
                    "report.template_syntax",
                    &[
                        ("name", &template.name),
                        ("place", &place),
                        ("reason", &e.reason()),
                    ],
                ))
            })?;
        let parts = registry
            .get_template(&template.name)
            .map_or(uses::Parts::ALL, |t| uses::parts(t, &registry));
        Ok(Compiled {
            registry,
            template: template.clone(),
            parts,
        })
    }

    /// Renders a session of `method` into Markdown (charts still as chart blocks).
    pub fn render(
        &self,
        method: &Method,
        session: &Session,
        lang: Lang,
    ) -> Result<Rendered, ReportError> {
        let data = context::build(method, session, lang, &self.parts);
        let markdown = render_data_with(&self.registry, &self.template, data)?;
        Ok(Rendered {
            markdown: tidy(&markdown),
            title: TitleBlock::of(method, session, lang),
            lang,
        })
    }
}

fn render_data(template: &TemplateSource, data: &serde_json::Value) -> Result<String, ReportError> {
    let compiled = Compiled::new(template)?;
    render_data_with(&compiled.registry, template, data.clone())
}

fn render_data_with(
    registry: &handlebars::Handlebars,
    template: &TemplateSource,
    data: serde_json::Value,
) -> Result<String, ReportError> {
    // A `Context` built from the value itself: `render` would first copy the whole data.
    let context = handlebars::Context::from(data);
    registry
        .render_with_context(&template.name, &context)
        .map_err(|e| {
            let place = match (e.line_no, e.column_no) {
                (Some(l), Some(c)) => format!(":{l}:{c}"),
                (Some(l), None) => format!(":{l}"),
                _ => String::new(),
            };
            let reason = e.reason().to_string();
            let hint = if reason.contains("strict mode") || reason.contains("missing") {
                format!("\n  hint: {}", msg("report.template_hint", &[]))
            } else {
                String::new()
            };
            ReportError::Template(format!(
                "{}{place}: {reason}{hint}",
                e.template_name.as_deref().unwrap_or(&template.name)
            ))
        })
}

/// Collapses runs of blank lines that block helpers leave behind, and trims line ends except
/// for the two spaces of a hard break after text (see `markdown::escape`).
///
/// An emphasis around an answer not given yet (`**{{q.x.text}}**` in a draft) would show as a
/// literal `****`: it is dropped, and so is a line left with nothing but a quote or list
/// marker. Answers cannot produce `****` themselves (their asterisks are escaped), and chart
/// blocks are left alone.
fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank = 0;
    let mut fenced = false;
    for line in markdown.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        let unemphasised;
        let line = if !fenced && line.contains("****") {
            unemphasised = drop_empty_emphasis(line);
            if matches!(unemphasised.trim(), ">" | "-" | "") {
                continue;
            }
            unemphasised.as_str()
        } else {
            line
        };
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        let trimmed = line.trim_end();
        out.push_str(trimmed);
        if line.ends_with("  ") && !trimmed.is_empty() {
            out.push_str("  ");
        }
        out.push('\n');
    }
    out.trim().to_owned() + "\n"
}

/// `line` without its `****` (an emphasis with nothing inside); an escaped `\*` is text.
fn drop_empty_emphasis(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(at) = rest.find("****") {
        let escaped = rest[..at].ends_with('\\');
        out.push_str(&rest[..at]);
        if escaped {
            out.push('*');
            rest = &rest[at + 1..];
        } else {
            rest = &rest[at + 4..];
        }
    }
    out.push_str(rest);
    out
}

/// Renders a playbook session: with the playbook's own template (or `--template`) when there is
/// one, else each method's report in turn under its name, one level down.
pub fn render_playbook(
    playbook: &crate::method::Playbook,
    library: &crate::library::Library,
    session: &Session,
    wanted: Option<Wanted>,
    dirs: &[PathBuf],
    cwd: &Path,
    lang: Lang,
) -> Result<Rendered, ReportError> {
    let parts: Vec<(Method, Session)> = crate::playbook::blocks(playbook, library)
        .into_iter()
        .filter_map(|(_, m)| m)
        .map(|m| {
            let part = session.part(&m);
            (m, part)
        })
        .collect();
    let title = TitleBlock::of_playbook(playbook, session, lang);
    let template = match wanted.or(playbook.template.as_deref().map(Wanted::InFile)) {
        Some(wanted) => Some(find_template(Some(wanted), &playbook.id, dirs, cwd)?),
        None => named(&playbook.id, dirs)?,
    };
    let data = || {
        let mut methods = serde_json::Map::new();
        for (m, part) in &parts {
            methods.insert(
                m.id.clone(),
                context::build(m, part, lang, &uses::Parts::ALL),
            );
        }
        serde_json::json!({
            "lang": lang.code(),
            "draft": session.status != Status::Finished,
            "playbook": { "id": playbook.id, "name": playbook.name.get(lang), "summary": playbook.summary.get(lang) },
            "session": { "lab": session.lab, "facilitator": session.facilitator, "participants": session.participants,
                         "started": session.started, "finished": session.finished, "date": session.started.get(..10) },
            "m": methods,
        })
    };
    let markdown = match template {
        // A playbook template of its own replaces the whole body.
        Some(template) => render_data(&template, &data())?,
        None => {
            // Otherwise an optional summary page (`<playbook>.summary.md.hbs`) opens, and each
            // method's report follows under its name.
            let mut out = match named(&format!("{}.summary", playbook.id), dirs)? {
                Some(summary) => render_data(&summary, &data())? + "\n",
                None => String::new(),
            };
            for (m, part) in &parts {
                if part.answers.is_empty() {
                    continue;
                }
                let template = find_template(None, &m.id, dirs, cwd)?;
                let section = render(m, part, &template, lang)?;
                out.push_str(&format!("## {}\n\n", markdown::escape(m.name.get(lang))));
                out.push_str(&demote(&section.markdown));
                out.push('\n');
            }
            out
        }
    };
    Ok(Rendered {
        markdown: tidy(&markdown),
        title,
        lang,
    })
}

/// Moves every heading one level down (`##` → `###`), outside code blocks.
fn demote(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len() + 64);
    let mut fenced = false;
    for line in markdown.lines() {
        if line.starts_with("```") {
            fenced = !fenced;
        }
        if !fenced && line.starts_with('#') {
            out.push('#');
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

impl Rendered {
    pub fn to_markdown(&self) -> String {
        let markdown = format!(
            "{}{}",
            self.title.markdown(),
            markdown::charts_as_tables(&self.markdown)
        );
        lang_marks::strip(&markdown).into_owned()
    }

    pub fn to_html(&self) -> String {
        html::page(&self.markdown, &self.title, t(self.lang, "report.toc"))
    }

    pub fn to_docx(&self) -> Result<Vec<u8>, ReportError> {
        docx::document(&self.markdown, &self.title)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_template_named_in_a_file_is_a_name_never_a_path() {
        for name in [
            "../../../../etc/passwd",
            "/etc/passwd",
            "lab/../../secret",
            ".hidden",
            "C:\\Windows\\win.ini",
            "",
        ] {
            assert_eq!(
                by_name(name, &[]).map(|t| t.name),
                Err(NameProblem::NotAName),
                "{name}"
            );
            let found = find_template(Some(Wanted::InFile(name)), "x", &[], Path::new("/"));
            assert!(found.is_err(), "{name}");
        }
        assert_eq!(
            by_name("nothing-here", &[]).map(|t| t.name),
            Err(NameProblem::Missing)
        );
        for name in ["generic", "generic.md.hbs"] {
            assert_eq!(
                by_name(name, &[]).map(|t| t.name).as_deref(),
                Ok("built-in:templates/generic.md.hbs")
            );
        }
    }

    #[test]
    fn the_person_at_the_keyboard_may_name_any_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("mine.txt"), "## Mine\n").unwrap();
        let chosen = find_template(Some(Wanted::ByUser("mine.txt")), "x", &[], dir.path());
        assert_eq!(chosen.unwrap().text, "## Mine\n");
        let named = find_template(Some(Wanted::InFile("../mine.txt")), "x", &[], dir.path());
        assert!(named.is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_templates_folder_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let templates = dir.path().join("templates");
        std::fs::create_dir(&templates).unwrap();
        std::fs::write(dir.path().join("secret.txt"), "secret").unwrap();
        std::os::unix::fs::symlink(
            dir.path().join("secret.txt"),
            templates.join("test-card.md.hbs"),
        )
        .unwrap();
        std::fs::write(templates.join("real.md.hbs"), "## Real\n").unwrap();
        std::os::unix::fs::symlink(
            templates.join("real.md.hbs"),
            templates.join("alias.md.hbs"),
        )
        .unwrap();
        let refused = by_name("test-card", std::slice::from_ref(&templates)).map(|t| t.text);
        assert!(
            matches!(&refused, Err(NameProblem::Unusable(m)) if m.contains("leads outside")),
            "{refused:?}"
        );
        // The default template of a method is looked up the same way: no silent fallback.
        assert!(
            find_template(
                None,
                "test-card",
                std::slice::from_ref(&templates),
                dir.path()
            )
            .is_err()
        );
        // A link that stays inside the folder is fine.
        assert_eq!(
            by_name("alias", std::slice::from_ref(&templates))
                .unwrap()
                .text,
            "## Real\n"
        );
    }
}
