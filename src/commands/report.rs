//! `labkit report SESSION`: a session as Markdown, printable HTML or Word.
//!
//! Never overwrites without `--force`; writes atomically, so a failed render leaves no file.

use std::path::{Path, PathBuf};

use super::Outcome;
use crate::cli::{DocFormat, ReportArgs};
use crate::error::Error;
use crate::fsutil::{check_overwrite, write_atomic};
use crate::lang::Lang;
use crate::library::Library;
use crate::method::Method;
use crate::output::Printer;
use crate::report::{self, Format};
use crate::session::Session;
use crate::settings::Settings;

pub fn run(args: &ReportArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let path = settings.cwd.join(&args.session);
    let session = Session::load(&path)?;
    let library = Library::load(settings);
    let method = library.method(&session.method.id).cloned().ok_or_else(|| {
        Error::Input(format!(
            "{}: the method `{}` of this session is not available",
            path.display(),
            session.method.id
        ))
    })?;
    let format = match (args.format, &args.output) {
        (Some(DocFormat::Md), _) => Format::Markdown,
        (Some(DocFormat::Html), _) => Format::Html,
        (Some(DocFormat::Docx), _) => Format::Docx,
        (None, Some(out)) => Format::from_extension(out).ok_or_else(|| {
            Error::Usage(format!(
                "cannot tell the format of `{}`; name it .md, .html or .docx, or pass --format",
                out.display()
            ))
        })?,
        (None, None) => Format::Markdown,
    };
    let output = args.output.as_ref().map(|o| settings.cwd.join(o));
    write(
        &method,
        &session,
        settings,
        Request {
            format,
            output: output.as_deref(),
            template: args.template.as_deref(),
            force: args.force,
        },
        printer,
    )?;
    Ok(0)
}

pub struct Request<'a> {
    pub format: Format,
    pub output: Option<&'a Path>,
    pub template: Option<&'a str>,
    pub force: bool,
}

/// Renders and writes a report; shared by `report` and `run --report`.
pub fn write(
    method: &Method,
    session: &Session,
    settings: &Settings,
    request: Request,
    printer: &mut Printer,
) -> Result<(), Error> {
    if let Some(out) = request.output {
        check_overwrite(out, request.force)?;
    }
    if request.format == Format::Docx && request.output.is_none() {
        return Err(Error::Usage(
            "a Word document needs a file: pass `-o report.docx`".into(),
        ));
    }
    let lang = if settings.lang_from_flag {
        settings.lang
    } else {
        Lang::parse(&session.language).unwrap_or(settings.lang)
    };
    let templates_dir: Option<PathBuf> = settings.workspace.as_ref().map(|w| w.templates_dir());
    let template = report::find_template(
        request.template,
        &method.id,
        templates_dir.as_deref(),
        &settings.cwd,
    )
    .map_err(|e| Error::Input(e.to_string()))?;
    let rendered = report::render(method, session, &template, lang)
        .map_err(|e| Error::Input(e.to_string()))?;
    let bytes = match request.format {
        Format::Markdown => rendered.to_markdown().into_bytes(),
        Format::Html => rendered.to_html().into_bytes(),
        Format::Docx => rendered
            .to_docx()
            .map_err(|e| Error::Input(e.to_string()))?,
    };
    match request.output {
        Some(out) => {
            write_atomic(out, &bytes)?;
            printer.note(&format!("report written: {}", out.display()));
        }
        None => printer.data(&String::from_utf8_lossy(&bytes))?,
    }
    Ok(())
}
