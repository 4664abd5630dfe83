//! `labkit run` and `labkit resume`: a guided session, saved after every answer, for a single
//! method or a whole playbook.
//!
//! Without a terminal (or with `--no-input`) nothing is ever asked: the answers must come from
//! `--answers`, `--set` and `--defaults`, and every missing or invalid one is listed at once.

use std::path::{Path, PathBuf};

use serde_yaml::{Mapping, Value};

use super::Outcome;
use crate::cli::{ResumeArgs, RunArgs};
use crate::clock::{Clock, SystemClock, date, rfc3339};
use crate::engine::{self, Ended, Interview};
use crate::error::Error;
use crate::i18n::tf;
use crate::library::Library;
use crate::method::{self, Block, Document, Issue, Method, Playbook, place};
use crate::output::Printer;
use crate::prompt::{PromptError, Prompter, TerminalPrompter};
use crate::session::{self, MethodRef, Session, Status};
use crate::settings::Settings;

/// What a session runs.
enum Plan {
    Method(Method),
    Playbook(Playbook, Library),
}

impl Plan {
    fn id(&self) -> &str {
        match self {
            Plan::Method(m) => &m.id,
            Plan::Playbook(p, _) => &p.id,
        }
    }
}

/// How a run gets its answers.
struct Options {
    /// From `--answers` and `--set` (grouped by method id for a playbook).
    supplied: Mapping,
    /// `--defaults`: take defaults for the rest.
    defaults: bool,
    /// Offer timebox countdowns (not with `--no-timer`).
    timers: bool,
    /// `--report FILE` and `--template`: render a report when the session finishes.
    report: Option<(PathBuf, Option<String>)>,
    /// `--force`: replace an existing report file.
    force: bool,
}

pub fn run(args: &RunArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let plan = find_plan(&args.method, settings)?;
    let now = rfc3339(SystemClock.now());
    let today = date(SystemClock.now());
    let (version, hash, playbook) = match &plan {
        Plan::Method(m) => (m.version, m.content_hash.clone(), false),
        Plan::Playbook(p, _) => (p.version, p.content_hash.clone(), true),
    };
    let mut session = Session {
        schema: session::SCHEMA,
        labkit_version: env!("CARGO_PKG_VERSION").into(),
        method: MethodRef {
            id: plan.id().to_owned(),
            version,
            hash,
            playbook,
        },
        language: settings.lang.code().into(),
        lab: args.lab.clone().or_else(|| settings.lab.clone()),
        facilitator: args
            .facilitator
            .clone()
            .or_else(|| settings.facilitator.clone()),
        participants: args.participants.clone(),
        started: now.clone(),
        updated: now,
        finished: None,
        status: Status::InProgress,
        answers: Mapping::new(),
        step_times: Default::default(),
        done: Vec::new(),
    };
    let supplied = supplied_answers(args, settings, playbook)?;
    let path = match &args.session {
        Some(p) => settings.cwd.join(p),
        None => {
            let dir = settings
                .workspace
                .as_ref()
                .map_or_else(|| settings.cwd.join("sessions"), |w| w.sessions_dir());
            session::default_path(&dir, &today, plan.id())
        }
    };
    if args.session.is_some() && path.exists() {
        return Err(Error::Usage(tf(
            settings.lang,
            "run.exists",
            &[("path", &path.display())],
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
        force: args.force,
    };
    if let Some((report, _)) = &options.report {
        report_format(report)?;
        crate::fsutil::check_overwrite(report, args.force)?;
    }
    drive(&plan, &mut session, &options, &path, settings, printer)
}

pub fn resume(args: &ResumeArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let path = settings.cwd.join(&args.session);
    let mut session = Session::load(&path)?;
    let library = Library::load_for(settings, &session.method.id);
    let missing = || {
        Error::Input(tf(
            settings.lang,
            "report.method_missing",
            &[("session", &path.display()), ("id", &session.method.id)],
        ))
    };
    let plan = if session.method.playbook {
        let Some(Document::Playbook(p)) = library.get(&session.method.id).map(|e| e.doc.clone())
        else {
            return Err(missing());
        };
        Plan::Playbook(p, library)
    } else {
        Plan::Method(
            library
                .method(&session.method.id)
                .cloned()
                .ok_or_else(missing)?,
        )
    };
    let (hash, version) = match &plan {
        Plan::Method(m) => (m.content_hash.clone(), m.version),
        Plan::Playbook(p, _) => (p.content_hash.clone(), p.version),
    };
    if hash != session.method.hash {
        if let Plan::Method(method) = &plan {
            let dropped: Vec<String> = session
                .answers
                .keys()
                .filter_map(|k| k.as_str())
                .filter(|k| method.question(k).is_none())
                .map(str::to_owned)
                .collect();
            session
                .answers
                .retain(|k, _| k.as_str().is_some_and(|k| method.question(k).is_some()));
            let dropped = if dropped.is_empty() {
                String::new()
            } else {
                tf(
                    settings.lang,
                    "run.dropped",
                    &[("ids", &dropped.join(", "))],
                )
            };
            printer.warn(&tf(
                settings.lang,
                "run.method_changed",
                &[("id", &method.id), ("dropped", &dropped)],
            ));
        } else {
            printer.warn(&tf(
                settings.lang,
                "run.playbook_changed",
                &[("id", &session.method.id)],
            ));
        }
        session.method.hash = hash;
        session.method.version = version;
    }
    if session.status == Status::Finished {
        printer.note(&crate::i18n::tf(
            settings.lang,
            "run.already_finished",
            &[("path", &path.display())],
        ));
        return Ok(0);
    }
    let options = Options {
        supplied: Mapping::new(),
        defaults: false,
        timers: !args.no_timer,
        report: args.report.as_ref().map(|r| (settings.cwd.join(r), None)),
        force: false,
    };
    drive(&plan, &mut session, &options, &path, settings, printer)
}

/// Fills the session from supplied answers, then asks the rest (when a person is there).
fn drive(
    plan: &Plan,
    session: &mut Session,
    options: &Options,
    path: &Path,
    settings: &Settings,
    printer: &mut Printer,
) -> Outcome {
    let lang = settings.lang;
    let today = date(SystemClock.now());
    let shown = path.display().to_string();
    let save_path = path.to_owned();
    let save = move |s: &Session| -> Result<(), Error> {
        let mut s = s.clone();
        s.updated = rfc3339(SystemClock.now());
        // Ctrl-C waits for a save in progress, so it never leaves a temporary file behind.
        let _saving = interrupt::SAVING.lock();
        s.save(&save_path)
    };
    if !settings.interactive {
        let issues = fill_all(plan, session, options, settings, &today);
        if !issues.is_empty() {
            let mut diagnostics = place(
                &tf(lang, "run.answers_for", &[("id", &plan.id())]),
                issues,
                None,
            );
            if let Some(last) = diagnostics.last_mut() {
                last.hint = Some(match last.hint.take() {
                    Some(h) => h,
                    None => crate::i18n::t(lang, "run.no_terminal").to_owned(),
                });
            }
            return Err(Error::Diagnostics(diagnostics));
        }
    } else {
        // Supplied answers are checked exactly as typed ones; the rest are asked.
        for issue in fill_all(plan, session, options, settings, &today) {
            if options.supplied.contains_key(issue.path.as_str())
                || issue
                    .path
                    .split('.')
                    .next()
                    .is_some_and(|m| options.supplied.contains_key(m))
            {
                printer.warn(&format!("{}: {}", issue.path, issue.message));
            }
        }
        save(session)?;
        printer.note(&crate::i18n::tf(lang, "run.session", &[("path", &shown)]));
        let mut prompter = TerminalPrompter {
            lang,
            color: settings.color,
            participants: 0,
        };
        ask_people(session, &mut prompter)?;
        prompter.participants = session.participants.len();
        save(session)?;
        interrupt::arm(&crate::i18n::tf(lang, "run.stopped", &[("path", &shown)]));
        let ended = match plan {
            Plan::Method(method) => {
                let mut io = Interview {
                    prompter: &mut prompter,
                    clock: &SystemClock,
                    lang,
                    today: today.clone(),
                    timers: options.timers,
                    start_at_end: false,
                    back_out: false,
                };
                engine::interview(method, session, &mut io, &mut |s: &Session| save(s))?
            }
            Plan::Playbook(playbook, library) => interview_playbook(
                playbook,
                library,
                session,
                &mut prompter,
                options.timers,
                &today,
                lang,
                &save,
            )?,
        };
        if ended == Ended::Cancelled {
            save(session)?;
            // Ctrl-C also reaches the signal handler; whichever comes first says it, once.
            interrupt::announce_stop();
            return Ok(130);
        }
        interrupt::disarm();
    }
    if let Plan::Method(method) = plan {
        let order: Vec<&str> = method.questions().map(|(_, q)| q.id.as_str()).collect();
        session.order_answers(&order);
    }
    session.status = Status::Finished;
    session.finished = Some(rfc3339(SystemClock.now()));
    save(session)?;
    printer.data(&summary(plan, session, settings))?;
    printer.note(&crate::i18n::tf(lang, "run.saved", &[("path", &shown)]));
    if let Some((report, template)) = &options.report {
        let request = super::report::Request {
            format: report_format(report)?,
            output: Some(report),
            template: template.as_deref(),
            force: options.force,
        };
        super::report::write_session(session, settings, request, printer)?;
    }
    Ok(0)
}

/// Every supplied (and, with `--defaults`, default) answer checked and stored; every problem
/// returned, for a playbook prefixed with its method id.
fn fill_all(
    plan: &Plan,
    session: &mut Session,
    options: &Options,
    settings: &Settings,
    today: &str,
) -> Vec<Issue> {
    match plan {
        Plan::Method(m) => engine::fill(
            m,
            session,
            &options.supplied,
            options.defaults,
            settings.lang,
            today,
        ),
        Plan::Playbook(playbook, library) => {
            let mut issues = Vec::new();
            for key in options.supplied.keys().filter_map(Value::as_str) {
                if !playbook
                    .blocks
                    .iter()
                    .any(|b| matches!(b, Block::Method { method, .. } if method == key))
                {
                    issues.push(Issue::new(
                        key,
                        tf(
                            settings.lang,
                            "run.not_in_playbook",
                            &[("key", &key), ("playbook", &playbook.id)],
                        ),
                    ));
                }
            }
            let mut all_supplied = true;
            for (block, method) in crate::playbook::blocks(playbook, library) {
                let Some(method) = method else { continue };
                let prepared = crate::playbook::prepare(&method, block, session, library);
                let mut part = session.part(&method);
                let supplied = match options.supplied.get(method.id.as_str()) {
                    Some(Value::Mapping(m)) => m.clone(),
                    _ => Mapping::new(),
                };
                let found = engine::fill(
                    &prepared,
                    &mut part,
                    &supplied,
                    options.defaults,
                    settings.lang,
                    today,
                );
                if found.is_empty() && !session.done.contains(&method.id) {
                    session.done.push(method.id.clone());
                }
                all_supplied &= found.is_empty();
                issues.extend(found.into_iter().map(|mut i| {
                    i.path = if i.path.is_empty() {
                        method.id.clone()
                    } else {
                        format!("{}.{}", method.id, i.path)
                    };
                    i
                }));
                session.merge_part(&part);
            }
            let _ = all_supplied;
            issues
        }
    }
}

/// Runs each method of a playbook in turn, with breaks; `<` at a method's first question goes
/// back into the previous method.
#[allow(clippy::too_many_arguments)]
fn interview_playbook(
    playbook: &Playbook,
    library: &Library,
    session: &mut Session,
    prompter: &mut TerminalPrompter,
    timers: bool,
    today: &str,
    lang: crate::lang::Lang,
    save: &dyn Fn(&Session) -> Result<(), Error>,
) -> Result<Ended, Error> {
    let blocks = crate::playbook::blocks(playbook, library);
    let methods: Vec<usize> = (0..blocks.len())
        .filter(|&i| blocks[i].1.is_some())
        .collect();
    let mut position = 0;
    let mut coming_back = false;
    while position < blocks.len() {
        let (block, method) = &blocks[position];
        let Some(method) = method else {
            if let Block::Break { duration, title } = block {
                let title = title
                    .as_ref()
                    .map_or(crate::i18n::t(lang, "show.break"), |t| t.get(lang));
                if !coming_back && timers {
                    prompter.pause(title, *duration).map_err(prompt_error)?;
                }
            }
            position = if coming_back {
                position.saturating_sub(1)
            } else {
                position + 1
            };
            continue;
        };
        if session.done.contains(&method.id) && !coming_back {
            position += 1;
            continue;
        }
        session.done.retain(|d| d != &method.id);
        let prepared = crate::playbook::prepare(method, block, session, library);
        let mut part = session.part(method);
        let first_method = methods.first() == Some(&position);
        let mut io = Interview {
            prompter: &mut *prompter,
            clock: &SystemClock,
            lang,
            today: today.to_owned(),
            timers,
            start_at_end: coming_back,
            back_out: !first_method,
        };
        let parent = std::cell::RefCell::new(session.clone());
        let ended = engine::interview(&prepared, &mut part, &mut io, &mut |p: &Session| {
            let mut whole = parent.borrow_mut();
            whole.merge_part(p);
            save(&whole)
        })?;
        session.merge_part(&part);
        match ended {
            Ended::Finished => {
                session.done.push(method.id.clone());
                save(session)?;
                coming_back = false;
                position += 1;
            }
            Ended::BackedOut => {
                save(session)?;
                coming_back = true;
                position = position.saturating_sub(1);
            }
            Ended::Cancelled => return Ok(Ended::Cancelled),
        }
    }
    Ok(Ended::Finished)
}

fn prompt_error(e: PromptError) -> Error {
    match e {
        PromptError::Cancelled => Error::Cancelled,
        PromptError::Io(e) => Error::Input(format!("terminal: {e}")),
    }
}

fn summary(plan: &Plan, session: &Session, settings: &Settings) -> String {
    let lang = settings.lang;
    let mut table = crate::output::table(settings);
    let add = |method: &Method, part: &Session, table: &mut comfy_table::Table| {
        for (_, q) in method.questions() {
            let Some(v) = part.answer(&q.id).filter(|v| !v.is_null()) else {
                continue;
            };
            table.add_row([q.prompt.get(lang).to_owned(), engine::display(q, v, lang)]);
        }
    };
    match plan {
        Plan::Method(m) => {
            table.set_header(["", m.name.get(lang)]);
            add(m, session, &mut table);
        }
        Plan::Playbook(p, library) => {
            table.set_header(["", p.name.get(lang)]);
            for (_, method) in crate::playbook::blocks(p, library) {
                let Some(method) = method else { continue };
                table.add_row([format!("── {}", method.name.get(lang)), String::new()]);
                add(&method, &session.part(&method), &mut table);
            }
        }
    }
    crate::output::table_text(&table)
}

fn supplied_answers(args: &RunArgs, settings: &Settings, playbook: bool) -> Result<Mapping, Error> {
    let mut answers = match &args.answers {
        Some(p) => session::load_answers(&settings.cwd.join(p))?,
        None => Mapping::new(),
    };
    for pair in &args.set {
        let (id, value) = pair
            .split_once('=')
            .ok_or_else(|| Error::Usage(tf(settings.lang, "run.set_form", &[("pair", pair)])))?;
        // A value is read as YAML so `--set budget=100` is a number and `--set ideas=[a, b]` a list.
        let value: Value =
            serde_yaml::from_str(value).unwrap_or_else(|_| Value::String(value.to_owned()));
        let value = if value.is_null() {
            Value::String(String::new())
        } else {
            value
        };
        let id = id.trim();
        if playbook {
            // In a playbook, `--set method.question=value`.
            let (method, question) = id.split_once('.').ok_or_else(|| {
                Error::Usage(tf(
                    settings.lang,
                    "run.set_playbook_form",
                    &[("pair", pair)],
                ))
            })?;
            let slot = answers
                .entry(Value::from(method))
                .or_insert_with(|| Value::Mapping(Mapping::new()));
            if let Value::Mapping(m) = slot {
                m.insert(Value::from(question), value);
            }
        } else {
            answers.insert(Value::from(id), value);
        }
    }
    Ok(answers)
}

/// A method or playbook by id, or a method file by path.
fn find_plan(reference: &str, settings: &Settings) -> Result<Plan, Error> {
    let as_path = settings.cwd.join(reference);
    let is_file = reference.ends_with(".yaml") || reference.ends_with(".yml") || as_path.is_file();
    let (doc, library) = if is_file {
        let bytes = std::fs::read(&as_path).map_err(|e| Error::io(reference, e))?;
        let stem = as_path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(str::to_owned);
        let doc = method::parse(&bytes, reference, stem.as_deref()).map_err(Error::Diagnostics)?;
        // A playbook file needs the methods it runs; a method file needs nothing else.
        let library = if doc.is_playbook() {
            Library::load(settings)
        } else {
            Library::default()
        };
        (doc, library)
    } else {
        // Only the method (or the playbook and its methods) is parsed; the whole library is
        // loaded only to suggest close ids when the id is unknown.
        let library = Library::load_for(settings, reference);
        match library.get(reference) {
            Some(entry) => (entry.doc.clone(), library),
            None => {
                let full = Library::load(settings);
                let doc = super::show::find(&full, reference, settings.lang)?
                    .doc
                    .clone();
                (doc, full)
            }
        }
    };
    Ok(match doc {
        Document::Method(m) => Plan::Method(m),
        Document::Playbook(p) => {
            let problems = method::validate::playbook_references(
                &p,
                &|id| library.method(id).cloned(),
                &library.ids().collect::<Vec<_>>(),
            );
            if !problems.is_empty() {
                return Err(Error::Diagnostics(place(reference, problems, None)));
            }
            Plan::Playbook(p, library)
        }
    })
}

/// Facilitator and participants, asked at the start unless given with flags or labkit.yaml.
fn ask_people(session: &mut Session, prompter: &mut dyn Prompter) -> Result<(), Error> {
    let cancelled = |e: PromptError| match e {
        PromptError::Cancelled => Error::Cancelled,
        PromptError::Io(e) => Error::Input(format!("terminal: {e}")),
    };
    if session.facilitator.is_none() {
        let name = prompter
            .text(
                crate::i18n::t(session_lang(session), "prompt.facilitator"),
                "",
            )
            .map_err(cancelled)?;
        session.facilitator = Some(name.trim().to_owned()).filter(|n| !n.is_empty());
    }
    if session.participants.is_empty() {
        let names = prompter
            .text(
                crate::i18n::t(session_lang(session), "prompt.participants"),
                "",
            )
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

    /// `message` is what Ctrl-C prints: how to resume, in the session's language.
    pub fn arm(message: &str) {
        if let Ok(mut hint) = RESUME_HINT.lock() {
            *hint = Some(message.to_owned());
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
            Some(message) => eprintln!("\n{message}"),
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
        Error::Usage(crate::i18n::msg(
            "run.report_extension",
            &[("path", &path.display())],
        ))
    })
}

fn session_lang(session: &Session) -> crate::lang::Lang {
    crate::lang::Lang::parse(&session.language).unwrap_or_default()
}
