//! `labkit report SESSION`: a session as Markdown, printable HTML or Word.
//!
//! Never overwrites without `--force`; writes atomically, so a failed render leaves no file.

use std::path::Path;

use super::Outcome;
use crate::cli::{DocFormat, ReportArgs};
use crate::error::Error;
use crate::fsutil::{check_outputs, write_atomic};
use crate::i18n::{t, tf};
use crate::method::Document;
use crate::output::Printer;
use crate::report::{self, Format, Wanted};
use crate::session::Session;
use crate::settings::Settings;

pub fn run(args: &ReportArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let path = settings.cwd.join(&args.session);
    let big = std::fs::metadata(&path).is_ok_and(|m| m.len() > 2 * 1024 * 1024);
    let spinner = printer.spinner(
        big,
        tf(
            settings.lang,
            "report.rendering",
            &[("file", &args.session.display())],
        ),
    );
    let session = Session::load(&path)?;
    let format = match (args.format, &args.output) {
        (Some(DocFormat::Md), _) => Format::Markdown,
        (Some(DocFormat::Html), _) => Format::Html,
        (Some(DocFormat::Docx), _) => Format::Docx,
        (None, Some(out)) => Format::from_extension(out).ok_or_else(|| {
            Error::Usage(tf(
                settings.lang,
                "report.unknown_format",
                &[("path", &out.display())],
            ))
        })?,
        (None, None) => Format::Markdown,
    };
    let output = args.output.as_ref().map(|o| settings.cwd.join(o));
    let request = Request {
        format,
        output: output.as_deref(),
        session_file: Some(&path),
        template: args.template.as_deref().map(Wanted::ByUser),
        force: args.force,
    };
    let written = write_session(&session, settings, request, printer);
    drop(spinner);
    written.map_err(|e| match e {
        Error::Input(m) => Error::Input(m.replace("{session}", &path.display().to_string())),
        other => other,
    })?;
    Ok(0)
}

pub struct Request<'a> {
    pub format: Format,
    pub output: Option<&'a Path>,
    /// The session file read, which the output must not replace.
    pub session_file: Option<&'a Path>,
    pub template: Option<Wanted<'a>>,
    pub force: bool,
}

/// Finds the report's template before a run starts, so a template that cannot be used is
/// said at once rather than after the workshop. `playbook_template` is the playbook's own.
pub fn check_template(
    wanted: Option<Wanted>,
    id: &str,
    playbook_template: Option<&str>,
    settings: &Settings,
) -> Result<(), Error> {
    let templates_dirs = crate::library::template_dirs(settings);
    let wanted = wanted.or(playbook_template.map(Wanted::InFile));
    report::find_template(wanted, id, &templates_dirs, &settings.cwd)
        .map(drop)
        .map_err(|e| Error::Input(e.to_string()))
}

/// Renders and writes the report of a session (a method's or a playbook's); shared by
/// `report` and `run --report`.
pub fn write_session(
    session: &Session,
    settings: &Settings,
    request: Request,
    printer: &mut Printer,
) -> Result<(), Error> {
    if let Some(out) = request.output {
        let inputs: Vec<&Path> = request.session_file.into_iter().collect();
        check_outputs(&[out], &inputs, request.force)?;
    }
    if request.format == Format::Docx && request.output.is_none() {
        return Err(Error::Usage(
            t(settings.lang, "report.docx_needs_file").into(),
        ));
    }
    let lang = if settings.lang_from_flag {
        settings.lang
    } else {
        crate::settings::known_language(&session.language).unwrap_or(settings.lang)
    };
    let templates_dirs = crate::library::template_dirs(settings);
    // `{session}` stays in the message; `run` fills it in with the session's path.
    let missing = || {
        Error::Input(tf(
            settings.lang,
            "report.method_missing",
            &[("id", &session.method.id)],
        ))
    };
    // The method file, else the copy the session keeps (a session from another computer).
    let (library, found) =
        crate::library::for_session(settings, session, "session").ok_or_else(missing)?;
    if found == crate::library::SessionMethod::Copy {
        match super::using_copy(settings, lang, &session.method.id) {
            (true, message) => printer.warn(&message),
            (false, message) => printer.note(&message),
        }
    }
    let rendered = if session.method.playbook {
        let Some(Document::Playbook(playbook)) =
            library.get(&session.method.id).map(|e| e.doc.clone())
        else {
            return Err(missing());
        };
        report::render_playbook(
            &playbook,
            &library,
            session,
            request.template,
            &templates_dirs,
            &settings.cwd,
            lang,
        )
    } else {
        let method = library.method(&session.method.id).ok_or_else(missing)?;
        report::find_template(request.template, &method.id, &templates_dirs, &settings.cwd)
            .and_then(|template| report::render(method, session, &template, lang))
    }
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
            printer.note(&tf(lang, "report.written", &[("path", &out.display())]));
        }
        None => printer.data(&String::from_utf8_lossy(&bytes))?,
    }
    Ok(())
}
