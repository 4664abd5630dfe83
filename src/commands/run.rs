//! `labkit run` and `labkit resume`: a guided session, saved after every answer.
//!
//! Without a terminal (or with `--no-input`) nothing is ever asked: the answers must come from
//! `--answers`, `--set` and `--defaults`, and every missing or invalid one is listed at once.

use std::path::Path;

use serde_yaml::{Mapping, Value};

use super::Outcome;
use crate::cli::{ResumeArgs, RunArgs};
use crate::clock::{Clock, SystemClock, date, rfc3339};
use crate::engine::{self, Ended, Interview};
use crate::error::Error;
use crate::library::Library;
use crate::method::{self, Document, Method, place};
use crate::output::Printer;
use crate::prompt::{PromptError, Prompter, TerminalPrompter};
use crate::session::{self, MethodRef, Session, Status};
use crate::settings::Settings;

pub fn run(args: &RunArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let method = find_method(&args.method, settings)?;
    let clock = SystemClock;
    let now = rfc3339(clock.now());
    let today = date(clock.now());
    let workspace_cfg = settings.workspace.as_ref().map(|w| &w.config);
    let mut session = Session {
        schema: session::SCHEMA,
        labkit_version: env!("CARGO_PKG_VERSION").into(),
        method: MethodRef {
            id: method.id.clone(),
            version: method.version,
            hash: method.content_hash.clone(),
        },
        language: settings.lang.code().into(),
        lab: args
            .lab
            .clone()
            .or_else(|| workspace_cfg.and_then(|c| c.lab.clone())),
        facilitator: args
            .facilitator
            .clone()
            .or_else(|| workspace_cfg.and_then(|c| c.facilitator.clone())),
        participants: args.participants.clone(),
        started: now.clone(),
        updated: now,
        finished: None,
        status: Status::InProgress,
        answers: Mapping::new(),
        step_times: Default::default(),
    };
    let supplied = supplied_answers(args, settings)?;
    let path = match &args.session {
        Some(p) => settings.cwd.join(p),
        None => {
            let dir = settings
                .workspace
                .as_ref()
                .map_or_else(|| settings.cwd.join("sessions"), |w| w.sessions_dir());
            session::default_path(&dir, &today, &method.id)
        }
    };
    if args.session.is_some() && path.exists() {
        return Err(Error::Usage(format!(
            "`{}` already exists; use `labkit resume` to continue it",
            path.display()
        )));
    }
    let options = Options {
        supplied,
        defaults: args.defaults,
        timers: !args.no_timer,
        report: args
            .report
            .as_ref()
            .map(|r| (settings.cwd.join(r), args.template.clone())),
    };
    if let Some((path, _)) = &options.report {
        report_format(path)?;
        crate::fsutil::check_overwrite(path, false)?;
    }
    drive(&method, &mut session, &options, &path, settings, printer)
}

pub fn resume(args: &ResumeArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let path = settings.cwd.join(&args.session);
    let mut session = Session::load(&path)?;
    let library = Library::load(settings);
    let method = library.method(&session.method.id).cloned().ok_or_else(|| {
        Error::Input(format!(
            "{}: the method `{}` of this session is not available",
            path.display(),
            session.method.id
        ))
    })?;
    if method.content_hash != session.method.hash {
        let kept: Vec<String> = session
            .answers
            .keys()
            .filter_map(|k| k.as_str())
            .filter(|k| method.question(k).is_none())
            .map(str::to_owned)
            .collect();
        printer.warn(&format!(
            "the method `{}` changed since this session began; answers to questions that still exist are kept{}",
            method.id,
            if kept.is_empty() { String::new() } else { format!(", these are dropped: {}", kept.join(", ")) }
        ));
        session
            .answers
            .retain(|k, _| k.as_str().is_some_and(|k| method.question(k).is_some()));
        session.method.hash = method.content_hash.clone();
        session.method.version = method.version;
    }
    if session.status == Status::Finished {
        printer.note(&format!(
            "this session is already finished; answers are in {}",
            path.display()
        ));
        return Ok(0);
    }
    let options = Options {
        supplied: Mapping::new(),
        defaults: false,
        timers: !args.no_timer,
        report: args.report.as_ref().map(|r| (settings.cwd.join(r), None)),
    };
    drive(&method, &mut session, &options, &path, settings, printer)
}

/// How a run gets its answers.
struct Options {
    /// From `--answers` and `--set`.
    supplied: Mapping,
    /// `--defaults`: take defaults for the rest.
    defaults: bool,
    /// Offer timebox countdowns (not with `--no-timer`).
    timers: bool,
    /// `--report FILE` and `--template`: render a report when the session finishes.
    report: Option<(std::path::PathBuf, Option<String>)>,
}

/// Fills the session from supplied answers, then asks the rest (when a person is there).
fn drive(
    method: &Method,
    session: &mut Session,
    options: &Options,
    path: &Path,
    settings: &Settings,
    printer: &mut Printer,
) -> Outcome {
    let (supplied, defaults, timers) = (&options.supplied, options.defaults, options.timers);
    let lang = settings.lang;
    let today = date(SystemClock.now());
    let shown = path.display().to_string();
    let mut save = |s: &Session| -> Result<(), Error> {
        let mut s = s.clone();
        s.updated = rfc3339(SystemClock.now());
        // Ctrl-C waits for a save in progress, so it never leaves a temporary file behind.
        let _saving = interrupt::SAVING.lock();
        s.save(path)
    };
    if !settings.interactive {
        let issues = engine::fill(method, session, supplied, defaults, lang, &today);
        if !issues.is_empty() {
            let mut diagnostics = place(&format!("answers for `{}`", method.id), issues, None);
            if let Some(last) = diagnostics.last_mut() {
                last.hint = Some(match last.hint.take() {
                    Some(h) => h,
                    None => "without a terminal labkit never asks: pass `--answers FILE`, `--set ID=VALUE` or `--defaults`".into(),
                });
            }
            return Err(Error::Diagnostics(diagnostics));
        }
    } else {
        // Supplied answers are checked exactly as typed ones; the rest are asked.
        let partial = engine::fill(method, session, supplied, defaults, lang, &today);
        for issue in partial
            .iter()
            .filter(|i| supplied.contains_key(i.path.as_str()))
        {
            printer.warn(&format!("{}: {}", issue.path, issue.message));
        }
        session.status = Status::InProgress;
        save(session)?;
        printer.note(&format!("session: {shown}"));
        let mut prompter = TerminalPrompter {
            lang,
            color: settings.color,
            participants: 0,
        };
        ask_people(session, &mut prompter)?;
        prompter.participants = session.participants.len();
        save(session)?;
        interrupt::arm(&shown);
        let mut io = Interview {
            prompter: &mut prompter,
            clock: &SystemClock,
            lang,
            today: today.clone(),
            timers,
        };
        let ended = engine::interview(method, session, &mut io, &mut save)?;
        if ended == Ended::Cancelled {
            save(session)?;
            // Ctrl-C also reaches the signal handler; whichever comes first says it, once.
            interrupt::announce_stop();
            return Ok(130);
        }
        interrupt::disarm();
    }
    let order: Vec<&str> = method.questions().map(|(_, q)| q.id.as_str()).collect();
    session.order_answers(&order);
    session.status = Status::Finished;
    session.finished = Some(rfc3339(SystemClock.now()));
    save(session)?;
    printer.data(&summary(method, session, settings))?;
    printer.note(&format!("session saved: {shown}"));
    if let Some((path, template)) = &options.report {
        let request = super::report::Request {
            format: report_format(path)?,
            output: Some(path),
            template: template.as_deref(),
            force: false,
        };
        super::report::write(method, session, settings, request, printer)?;
    }
    Ok(0)
}

fn summary(method: &Method, session: &Session, settings: &Settings) -> String {
    let lang = settings.lang;
    let mut table = crate::output::table(settings);
    table.set_header(["", method.name.get(lang)]);
    for (_, q) in method.questions() {
        let Some(v) = session.answer(&q.id).filter(|v| !v.is_null()) else {
            continue;
        };
        let text = engine::display(q, v, lang);
        table.add_row([q.prompt.get(lang).to_owned(), text]);
    }
    crate::output::table_text(&table)
}

fn supplied_answers(args: &RunArgs, settings: &Settings) -> Result<Mapping, Error> {
    let mut answers = match &args.answers {
        Some(p) => session::load_answers(&settings.cwd.join(p))?,
        None => Mapping::new(),
    };
    for pair in &args.set {
        let (id, value) = pair
            .split_once('=')
            .ok_or_else(|| Error::Usage(format!("`--set {pair}`: write it as ID=VALUE")))?;
        // A value is read as YAML so `--set budget=100` is a number and `--set ideas=[a, b]` a list.
        let value: Value =
            serde_yaml::from_str(value).unwrap_or_else(|_| Value::String(value.to_owned()));
        let value = if value.is_null() {
            Value::String(String::new())
        } else {
            value
        };
        answers.insert(Value::from(id.trim()), value);
    }
    Ok(answers)
}

/// A method by id, or by path to a method file.
fn find_method(reference: &str, settings: &Settings) -> Result<Method, Error> {
    let as_path = settings.cwd.join(reference);
    let doc = if reference.ends_with(".yaml") || reference.ends_with(".yml") || as_path.is_file() {
        let bytes = std::fs::read(&as_path).map_err(|e| Error::io(reference, e))?;
        let stem = as_path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_owned);
        method::parse(&bytes, reference, stem.as_deref()).map_err(Error::Diagnostics)?
    } else {
        let library = Library::load(settings);
        super::show::find(&library, reference, settings.lang)?
            .doc
            .clone()
    };
    match doc {
        Document::Method(m) => Ok(m),
        Document::Playbook(p) => Err(Error::Usage(format!(
            "`{}` is a playbook; running playbooks is not supported yet",
            p.id
        ))),
    }
}

/// Facilitator and participants, asked at the start unless given with flags or labkit.yaml.
fn ask_people(session: &mut Session, prompter: &mut dyn Prompter) -> Result<(), Error> {
    let cancelled = |e: PromptError| match e {
        PromptError::Cancelled => Error::Cancelled,
        PromptError::Io(e) => Error::Input(format!("terminal: {e}")),
    };
    if session.facilitator.is_none() {
        let name = prompter.text("Facilitator", "").map_err(cancelled)?;
        session.facilitator = Some(name.trim().to_owned()).filter(|n| !n.is_empty());
    }
    if session.participants.is_empty() {
        let names = prompter
            .text("Participants (comma-separated, optional)", "")
            .map_err(cancelled)?;
        session.participants = names
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
    }
    Ok(())
}

/// Ctrl-C at a prompt: the session was saved after the last answer, so restore the terminal,
/// say how to resume, and exit 130.
mod interrupt {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Mutex, Once};

    static RESUME_HINT: Mutex<Option<String>> = Mutex::new(None);
    static ANNOUNCED: AtomicBool = AtomicBool::new(false);
    pub static SAVING: Mutex<()> = Mutex::new(());
    static INSTALL: Once = Once::new();

    pub fn arm(session_path: &str) {
        if let Ok(mut hint) = RESUME_HINT.lock() {
            *hint = Some(session_path.to_owned());
        }
        INSTALL.call_once(|| {
            let _ = ctrlc::set_handler(|| {
                let _saving = SAVING.lock();
                let _ = console::Term::stderr().show_cursor();
                announce_stop();
                std::process::exit(130);
            });
        });
    }

    /// Says how to resume, once, whether the prompt or the signal handler notices Ctrl-C first.
    pub fn announce_stop() {
        if ANNOUNCED.swap(true, Ordering::SeqCst) {
            return;
        }
        match RESUME_HINT.lock().ok().and_then(|h| h.clone()) {
            Some(path) => eprintln!(
                "\nstopped; every answer so far is saved. Continue with: labkit resume {path}"
            ),
            None => eprintln!(),
        }
    }

    pub fn disarm() {
        if let Ok(mut hint) = RESUME_HINT.lock() {
            *hint = None;
        }
    }
}

fn report_format(path: &Path) -> Result<crate::report::Format, Error> {
    crate::report::Format::from_extension(path).ok_or_else(|| {
        Error::Usage(format!(
            "`--report {}`: name the file .md, .html or .docx",
            path.display()
        ))
    })
}
