//! Reports: a session rendered through a handlebars template into Markdown, then into
//! printable HTML or Word. One source (the Markdown), three formats.
//!
//! Templates are found in `--template PATH`, then the workspace's `templates/`, then the
//! built-ins embedded from `templates/`: `<method-id>.md.hbs`, else `generic.md.hbs`, which
//! renders any method. Rendering is strict: an unknown variable or helper is an error naming
//! the template, line and column.

pub mod charts;
pub mod context;
mod docx;
pub mod html;
pub mod markdown;

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

/// Finds the template for a method: an explicit name or path, else `<method-id>`, else generic.
pub fn find_template(
    wanted: Option<&str>,
    method_id: &str,
    workspace_dir: Option<&Path>,
    cwd: &Path,
) -> Result<TemplateSource, ReportError> {
    if let Some(wanted) = wanted {
        let as_path = cwd.join(wanted);
        if as_path.is_file() {
            let text = std::fs::read_to_string(&as_path)
                .map_err(|e| ReportError::Template(format!("{wanted}: {e}")))?;
            return Ok(TemplateSource {
                name: wanted.to_owned(),
                text,
            });
        }
        return named(wanted, workspace_dir).ok_or_else(|| {
            let known: Vec<String> = built_in_names();
            let hint = crate::method::suggest(wanted, known.iter().map(String::as_str))
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            ReportError::Template(msg(
                "report.no_template",
                &[
                    ("name", &wanted),
                    ("hint", &hint),
                    ("known", &known.join(", ")),
                ],
            ))
        });
    }
    named(method_id, workspace_dir)
        .or_else(|| named(GENERIC, workspace_dir))
        .ok_or_else(|| ReportError::Template(msg("report.generic_missing", &[])))
}

fn named(name: &str, workspace_dir: Option<&Path>) -> Option<TemplateSource> {
    let file = format!("{name}.md.hbs");
    if let Some(dir) = workspace_dir {
        let path: PathBuf = dir.join(&file);
        // Through `input`, like every file labkit reads: a FIFO in `templates/` is passed by.
        if let Ok(text) = crate::input::read_text(&path, crate::input::MAX_METHOD_BYTES) {
            return Some(TemplateSource {
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
}

impl TitleBlock {
    pub fn of(method: &Method, session: &Session, lang: Lang) -> TitleBlock {
        TitleBlock::of_named(
            method.name.get(lang),
            method.summary.get(lang),
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
            playbook.summary.get(lang),
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
    let data = context::build(method, session, lang);
    let markdown = render_data_with(&registry, template, data)?;
    Ok(Rendered {
        markdown: tidy(&markdown),
        title: TitleBlock::of(method, session, lang),
        lang,
    })
}

fn render_data(template: &TemplateSource, data: &serde_json::Value) -> Result<String, ReportError> {
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
    render_data_with(&registry, template, data.clone())
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

/// Collapses runs of blank lines that block helpers leave behind.
fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank = 0;
    for line in markdown.lines() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.trim().to_owned() + "\n"
}

/// Renders a playbook session: with the playbook's own template (or `--template`) when there is
/// one, else each method's report in turn under its name, one level down.
pub fn render_playbook(
    playbook: &crate::method::Playbook,
    library: &crate::library::Library,
    session: &Session,
    wanted: Option<&str>,
    workspace_dir: Option<&Path>,
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
    let template = match wanted.or(playbook.template.as_deref()) {
        Some(name) => Some(find_template(Some(name), &playbook.id, workspace_dir, cwd)?),
        None => named(&playbook.id, workspace_dir),
    };
    let data = || {
        let mut methods = serde_json::Map::new();
        for (m, part) in &parts {
            methods.insert(m.id.clone(), context::build(m, part, lang));
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
            let mut out = match named(&format!("{}.summary", playbook.id), workspace_dir) {
                Some(summary) => render_data(&summary, &data())? + "\n",
                None => String::new(),
            };
            for (m, part) in &parts {
                if part.answers.is_empty() {
                    continue;
                }
                let template = find_template(None, &m.id, workspace_dir, cwd)?;
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
        format!(
            "{}{}",
            self.title.markdown(),
            markdown::charts_as_tables(&self.markdown)
        )
    }

    pub fn to_html(&self) -> String {
        html::page(&self.markdown, &self.title, t(self.lang, "report.toc"))
    }

    pub fn to_docx(&self) -> Result<Vec<u8>, ReportError> {
        docx::document(&markdown::charts_as_tables(&self.markdown), &self.title)
    }
}
