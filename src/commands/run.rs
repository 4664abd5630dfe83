//! `labkit run` and `labkit resume`: a guided session, saved after every answer, for a single
//! method or a whole playbook.
//!
//! Without a terminal (or with `--no-input`) nothing is ever asked: the answers must come from
//! `--answers`, `--set` and `--defaults`, and every missing or invalid one is listed at once.
//!
//! With `--room` the session also opens a room (`open_room`): its questions marked `room:
//! true` are answered from participants' devices while the facilitator runs the panel
//! (`terminal::room`). A room needs a terminal. Without `--room` nothing of the room's is
//! started or touched.

use std::path::{Path, PathBuf};

use serde_yaml::{Mapping, Value};

use super::Outcome;
use crate::cli::{ResumeArgs, RoomArgs, RunArgs};
use crate::clock::{Clock, SystemClock, date, rfc3339};
use crate::engine::{self, Ask, Ended, PromptError, Prompter, Reply};
use crate::error::Error;
use crate::i18n::tf;
use crate::lang::Lang;
use crate::library::Library;
use crate::method::{self, Block, Document, Issue, Method, Playbook, place};
use crate::output::Printer;
use crate::report::Wanted;
use crate::session::{self, MethodCopy, MethodRef, RunOptions, Session, Source, Status};
use crate::settings::Settings;
use crate::terminal::TerminalPrompter;
use crate::terminal::keys::KeySource;
use crate::terminal::room::RoomPrompter;

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

    /// The playbook's own report template, if it names one.
    fn template(&self) -> Option<&str> {
        match self {
            Plan::Method(_) => None,
            Plan::Playbook(p, _) => p.template.as_deref(),
        }
    }

    fn version_and_hash(&self) -> (u32, String) {
        match self {
            Plan::Method(m) => (m.version, m.content_hash.clone()),
            Plan::Playbook(p, _) => (p.version, p.content_hash.clone()),
        }
    }
}

/// How a run gets its answers.
struct Options {
    /// From `--answers` and `--set` (grouped by method id for a playbook).
    supplied: Mapping,
    /// `--defaults`: take defaults for the rest.
    defaults: bool,
    /// Ask for the facilitator and participants (a new session).
    ask_people: bool,
    /// Resuming a session: without a terminal, the way out is a new run from its answers.
    resuming: bool,
    /// The session's report template was given on this command line (`--template`), so it
    /// may be a file path; one only read from the session file must be a template name.
    template_chosen: bool,
    /// `--room`: open the room (its code is in `session.room`).
    room: Option<RoomArgs>,
}

/// A room needs a person at the keyboard: said before anything is created.
fn check_room(args: &RoomArgs, settings: &Settings) -> Result<(), Error> {
    if args.room && !settings.interactive {
        return Err(Error::Usage(
            crate::i18n::t(settings.lang, "room.start.needs_terminal").to_owned(),
        ));
    }
    Ok(())
}

/// The session's room record: the same code (and so the same address) when it has one.
fn room_record(session: &mut Session) {
    match &mut session.room {
        Some(record) if !record.code.trim().is_empty() => {}
        Some(record) => record.code = crate::room::new_code(),
        None => {
            session.room = Some(crate::engine::room::RoomRecord {
                code: crate::room::new_code(),
                questions: Default::default(),
            });
        }
    }
}

pub fn run(args: &RunArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    check_room(&args.room, settings)?;
    let (plan, source, copy) = find_plan(&args.method, settings)?;
    let now = rfc3339(SystemClock.now());
    let today = date(SystemClock.now());
    let (version, hash) = plan.version_and_hash();
    let playbook = matches!(plan, Plan::Playbook(..));
    let supplied = supplied_answers(args, settings, &plan)?;
    let report = args.report.as_ref().map(|r| settings.cwd.join(r));
    if let Some(report) = &report {
        report_format(report)?;
        let session_arg = args.session.as_ref().map(|s| settings.cwd.join(s));
        let inputs: Vec<&Path> = session_arg.as_deref().into_iter().collect();
        crate::fsutil::check_outputs(&[report], &inputs, args.force)?;
        super::report::check_template(
            args.template.as_deref().map(Wanted::ByUser),
            plan.id(),
            plan.template(),
            settings,
        )?;
    }
    // The session file is created here, exclusively, and locked for as long as this run lasts.
    let mut made_dir = false;
    let path = match &args.session {
        Some(p) => {
            let path = settings.cwd.join(p);
            if path.is_dir() {
                return Err(Error::Usage(tf(
                    settings.lang,
                    "run.session_is_folder",
                    &[
                        ("path", &p.display()),
                        ("example", &p.join(format!("{}.yaml", plan.id())).display()),
                    ],
                )));
            }
            session::create_exclusive(&path).map_err(|e| match e.kind() {
                std::io::ErrorKind::AlreadyExists => Error::Usage(tf(
                    settings.lang,
                    "run.exists",
                    &[("path", &path.display())],
                )),
                _ => Error::io(path.display().to_string(), e),
            })?;
            path
        }
        None => {
            let dir = settings
                .workspace
                .as_ref()
                .map_or_else(|| settings.cwd.join("sessions"), |w| w.sessions_dir());
            made_dir = !dir.exists();
            session::create_new(&dir, &today, plan.id())?
        }
    };
    let lock = session::Lock::acquire(&path);
    let method_ref = MethodRef {
        id: plan.id().to_owned(),
        version,
        hash,
        playbook,
        source: Some(source),
    };
    let mut session = Session::new(method_ref, settings.lang.code(), &now);
    session.lab = args.lab.clone().or_else(|| settings.lab.clone());
    session.facilitator = args
        .facilitator
        .clone()
        .or_else(|| settings.facilitator.clone());
    session.participants = args.participants.clone();
    session.run = RunOptions {
        report: report.as_deref().map(|r| stored_path(r, &path)),
        format: report
            .as_deref()
            .and_then(|r| report_format(r).ok())
            .map(|f| f.extension().to_owned()),
        template: args.template.clone(),
        force: args.force,
        timer: !args.no_timer,
    };
    session.method_copy = Some(copy);
    if args.room.room {
        room_record(&mut session);
    }
    let options = Options {
        supplied,
        defaults: args.defaults,
        ask_people: true,
        resuming: false,
        template_chosen: args.template.is_some(),
        room: args.room.room.then(|| args.room.clone()),
    };
    let outcome =
        lock.and_then(|_lock| drive(&plan, &mut session, &options, &path, settings, printer));
    // A run that never saved (answers refused without a terminal) leaves no empty file behind.
    if std::fs::metadata(&path).is_ok_and(|m| m.len() == 0) {
        let _ = std::fs::remove_file(&path);
        if let (true, Some(dir)) = (made_dir, path.parent()) {
            let _ = std::fs::remove_dir(dir);
        }
    }
    outcome
}

pub fn resume(args: &ResumeArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    check_room(&args.room, settings)?;
    let path = settings.cwd.join(&args.session);
    let shown = path.display().to_string();
    if !path.is_file() {
        // Said before a lock file is made beside something that is not a session.
        Session::load(&path)?;
    }
    let _lock = session::Lock::acquire(&path)?;
    let mut session = Session::load(&path)?;
    // The session's own language, unless `--lang` says otherwise (then it is saved).
    let settings = &if settings.lang_from_flag {
        session.language = settings.lang.code().into();
        settings.clone()
    } else {
        Settings {
            lang: crate::settings::known_language(&session.language).unwrap_or(settings.lang),
            ..settings.clone()
        }
    };
    let lang = settings.lang;
    let Some((library, found)) = crate::library::for_session(settings, &session, &shown) else {
        let mut message = tf(
            lang,
            "report.method_missing",
            &[("session", &shown), ("id", &session.method.id)],
        );
        message.push_str(&tf(
            lang,
            "run.method_missing_hint",
            &[("id", &session.method.id)],
        ));
        return Err(Error::Input(message));
    };
    if found == crate::library::SessionMethod::Copy {
        match super::using_copy(settings, lang, &session.method.id) {
            (true, message) => printer.warn(&message),
            (false, message) => printer.note(&message),
        }
    }
    let plan = if session.method.playbook {
        let Some(Document::Playbook(p)) = library.get(&session.method.id).map(|e| e.doc.clone())
        else {
            return Err(Error::Input(tf(
                lang,
                "report.method_missing",
                &[("session", &shown), ("id", &session.method.id)],
            )));
        };
        Plan::Playbook(p, library)
    } else {
        match library.method(&session.method.id) {
            Some(m) => Plan::Method(m.clone()),
            None => {
                return Err(Error::Input(tf(
                    lang,
                    "report.method_missing",
                    &[("session", &shown), ("id", &session.method.id)],
                )));
            }
        }
    };
    check_in_progress(&plan, &session, &path)?;
    check_answers(&plan, &session, &path, lang)?;
    let (version, hash) = plan.version_and_hash();
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
                tf(lang, "run.dropped", &[("ids", &dropped.join(", "))])
            };
            printer.warn(&tf(
                lang,
                "run.method_changed",
                &[("id", &method.id), ("dropped", &dropped)],
            ));
        } else {
            printer.warn(&tf(
                lang,
                "run.playbook_changed",
                &[("id", &session.method.id)],
            ));
        }
        session.method.hash = hash;
        session.method.version = version;
    }
    if session.status == Status::Finished {
        printer.note(&tf(
            lang,
            "run.already_finished",
            &[("path", &path.display())],
        ));
        return Ok(0);
    }
    // Flags given to `resume` override how the session was run, and are saved.
    if args.no_timer {
        session.run.timer = false;
    }
    if let Some(report) = &args.report {
        let report = settings.cwd.join(report);
        let format = report_format(&report)?;
        session.run.report = Some(stored_path(&report, &path));
        session.run.format = Some(format.extension().to_owned());
    }
    if let Some(template) = &args.template {
        session.run.template = Some(template.clone());
    }
    if args.force {
        session.run.force = true;
    }
    if args.room.room {
        room_record(&mut session);
    }
    let options = Options {
        supplied: Mapping::new(),
        defaults: false,
        ask_people: false,
        resuming: true,
        template_chosen: args.template.is_some(),
        room: args.room.room.then(|| args.room.clone()),
    };
    if let Some(report) = report_path(&session, &path) {
        report_format(&report)?;
        crate::fsutil::check_outputs(&[&report], &[&path], session.run.force)?;
        super::report::check_template(
            report_template(&session, &options),
            plan.id(),
            plan.template(),
            settings,
        )?;
    }
    drive(&plan, &mut session, &options, &path, settings, printer)
}

/// A session's question in progress must belong to its method and have the shape of that
/// question's answer; otherwise the file is reported with its line and left as it is.
fn check_in_progress(plan: &Plan, session: &Session, path: &Path) -> Result<(), Error> {
    let Some(progress) = &session.in_progress else {
        return Ok(());
    };
    let method = match (plan, &progress.method) {
        (Plan::Method(m), None) => Some(m.clone()),
        (Plan::Playbook(_, library), Some(id)) => library.method(id).cloned(),
        _ => None,
    };
    let question = method
        .as_ref()
        .and_then(|m| m.question(&progress.question).cloned());
    let problem = match &question {
        None => Some((
            "in_progress.question",
            crate::i18n::msg("run.in_progress_unknown", &[("id", &progress.question)]),
        )),
        Some(q) => {
            let shape_ok = match &q.kind {
                crate::method::QuestionKind::List { .. }
                | crate::method::QuestionKind::Longtext { .. }
                | crate::method::QuestionKind::Records { .. }
                | crate::method::QuestionKind::Rank { .. } => progress.value.is_sequence(),
                crate::method::QuestionKind::Vote { .. }
                | crate::method::QuestionKind::Score { .. } => progress.value.is_mapping(),
                _ => false,
            };
            (!shape_ok).then(|| {
                (
                    "in_progress.value",
                    crate::i18n::msg("run.in_progress_shape", &[("id", &q.id)]),
                )
            })
        }
    };
    let Some((field, message)) = problem else {
        return Ok(());
    };
    let shown = path.display().to_string();
    let text = crate::input::read_document(path).ok();
    let mut issue = Issue::new(field, message);
    issue.hint = Some(crate::i18n::msg("run.in_progress_hint", &[]));
    Err(Error::Diagnostics(place(
        &shown,
        vec![issue],
        text.as_deref(),
    )))
}

/// A session's answers, perhaps edited by hand, are checked against its method as typed ones
/// are; every wrong one is reported with its line and question, and the file is left as it is
/// (nothing is saved before this passes). Skipped questions (empty answers) and answers to
/// questions the method no longer has (said when the method changed) are not checked here.
fn check_answers(plan: &Plan, session: &Session, path: &Path, lang: Lang) -> Result<(), Error> {
    let mut issues = Vec::new();
    let check_part = |issues: &mut Vec<Issue>, method: &Method, part: &Session, prefix: &str| {
        for (key, value) in &part.answers {
            let (Some(id), false) = (key.as_str(), value.is_null()) else {
                continue;
            };
            let Some(question) = method.question(id) else {
                continue;
            };
            if let Err(reason) = engine::check(question, value, part, lang) {
                issues.push(Issue::new(
                    format!("answers.{prefix}{id}"),
                    tf(
                        lang,
                        "run.answer_wrong",
                        &[("id", &id), ("reason", &reason)],
                    ),
                ));
            }
        }
    };
    match plan {
        Plan::Method(method) => check_part(&mut issues, method, session, ""),
        Plan::Playbook(playbook, library) => {
            for (_, method) in crate::playbook::blocks(playbook, library) {
                let Some(method) = method else { continue };
                // A playbook keeps each method's answers under its id, question by question.
                match session.answers.get(method.id.as_str()) {
                    None | Some(Value::Null | Value::Mapping(_)) => {}
                    Some(_) => {
                        issues.push(Issue::new(
                            format!("answers.{}", method.id),
                            tf(lang, "run.answers_not_mapping", &[("id", &method.id)]),
                        ));
                        continue;
                    }
                }
                let part = session.part(&method);
                check_part(&mut issues, &method, &part, &format!("{}.", method.id));
            }
        }
    }
    let Some(last) = issues.last_mut() else {
        return Ok(());
    };
    last.hint = Some(crate::i18n::t(lang, "run.answers_hint").to_owned());
    let text = crate::input::read_document(path).ok();
    Err(Error::Diagnostics(place(
        &path.display().to_string(),
        issues,
        text.as_deref(),
    )))
}

/// A report path as the session keeps it: relative to the session file's folder (`plan.html`,
/// `../plan.html`), so a workspace moved to another computer keeps its reports beside it.
fn stored_path(report: &Path, session_file: &Path) -> String {
    let dir = session_file.parent().unwrap_or(Path::new(""));
    let (Some(dir), Some(report)) = (
        crate::fsutil::absolute(dir),
        crate::fsutil::absolute(report),
    ) else {
        return report.display().to_string();
    };
    let common = dir
        .components()
        .zip(report.components())
        .take_while(|(a, b)| a == b)
        .count();
    if common == 0 {
        return report.display().to_string();
    }
    let mut relative = PathBuf::new();
    for _ in dir.components().skip(common) {
        relative.push("..");
    }
    for part in report.components().skip(common) {
        relative.push(part);
    }
    relative.display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn report_paths_are_kept_relative_to_the_session() {
        let session = Path::new("/lab/sessions/2026-11-26-brainstorm.yaml");
        assert_eq!(
            stored_path(Path::new("/lab/sessions/bs.html"), session),
            "bs.html"
        );
        assert_eq!(
            stored_path(Path::new("/lab/bs.html"), session),
            "../bs.html"
        );
        assert_eq!(
            stored_path(Path::new("/lab/out/./x/../bs.docx"), session),
            "../out/bs.docx"
        );
        assert_eq!(
            report_path_in(Path::new("../bs.html"), session),
            PathBuf::from("/lab/bs.html")
        );
    }

    #[test]
    fn resume_commands_are_quoted_for_the_shell() {
        assert_eq!(shell_word("sessions/a.yaml"), "sessions/a.yaml");
        assert_eq!(shell_word("my sessions/a.yaml"), "'my sessions/a.yaml'");
        assert_eq!(shell_word("it's"), "'it'\\''s'");
    }
}

/// Where the session's report goes, if it has one.
fn report_path(session: &Session, session_file: &Path) -> Option<PathBuf> {
    let report = session.run.report.as_ref()?;
    Some(report_path_in(Path::new(report), session_file))
}

fn report_path_in(report: &Path, session_file: &Path) -> PathBuf {
    let joined = session_file.parent().unwrap_or(Path::new("")).join(report);
    crate::fsutil::absolute(&joined).unwrap_or(joined)
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
    let writer = std::cell::RefCell::new(session::Writer::new(path));
    let save = move |s: &Session| -> Result<(), Error> {
        // A signal waits for a save in progress, so it never leaves a temporary file behind.
        let _saving = interrupt::SAVING.lock();
        writer.borrow_mut().save_at(s, &rfc3339(SystemClock.now()))
    };
    session.schema = session::SCHEMA;
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
                    // `resume` takes no answers of its own: say what can finish the session.
                    None if options.resuming => tf(
                        lang,
                        "run.no_terminal_resume",
                        &[("command", &answers_command(settings, plan.id(), path))],
                    ),
                    None => crate::i18n::t(lang, "run.no_terminal").to_owned(),
                });
            }
            return Err(Error::Diagnostics(diagnostics));
        }
    } else {
        // Supplied answers are checked exactly as typed ones; the rest are asked.
        if !options.supplied.is_empty() || options.defaults {
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
        }
        // With `--room` the room opens before the first save, so a room that cannot open (a
        // port in use) leaves no session behind.
        let opened = match &options.room {
            Some(args) => {
                let code = session
                    .room
                    .as_ref()
                    .map(|r| r.code.clone())
                    .unwrap_or_default();
                // Participants' pages name the file, not where it is on the laptop (a path
                // can hold the facilitator's user name).
                let file_name = path
                    .file_name()
                    .map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
                Some(super::open_room::open(
                    args, &code, lang, &file_name, printer,
                )?)
            }
            None => None,
        };
        // Stopped when this function returns, however it returns.
        let room_guard = opened
            .as_ref()
            .map(|o| StopRoom(std::sync::Arc::clone(&o.room)));
        save(session)?;
        printer.note(&tf(lang, "run.session", &[("path", &shown)]));
        let mut command = resume_command(settings, path);
        if let (Some(args), Some(opened)) = (&options.room, &opened) {
            command.push_str(&super::open_room::resume_flags(args, opened));
        }
        let stopped = tf(lang, "run.stopped", &[("command", &command)]);
        interrupt::arm(&stopped, session::lock_path(path));
        // In a room run the prompts read keys and contributions from one channel.
        let mut prompter: Box<dyn Prompter> = match opened {
            Some(opened) => {
                super::open_room::announce(&opened, lang, &shown, printer);
                let room = std::sync::Arc::clone(&opened.room);
                interrupt::on_exit(Box::new(move || room.stop()));
                let keys = KeySource::Room(std::rc::Rc::clone(&opened.keys));
                let inner = TerminalPrompter::with_keys(lang, settings.color, keys);
                Box::new(RoomPrompter::new(inner, opened.room, opened.keys))
            }
            None => Box::new(TerminalPrompter::new(lang, settings.color)),
        };
        if options.ask_people {
            ask_people(session, prompter.as_mut())?;
            save(session)?;
        }
        let opts = engine::Options {
            lang,
            today: today.clone(),
            timers: session.run.timer,
            start_at_end: false,
            back_out: false,
            room: options.room.is_some(),
        };
        let ended = match plan {
            Plan::Method(method) => {
                let mut store = |s: &Session| save(s);
                let mut interview =
                    engine::Interview::new(method, session, &mut store, &SystemClock, opts);
                engine::drive(&mut interview, prompter.as_mut())?
            }
            Plan::Playbook(playbook, library) => engine::playbook::drive_playbook(
                &engine::playbook::PlaybookRun {
                    playbook,
                    library,
                    clock: &SystemClock,
                    opts,
                },
                session,
                prompter.as_mut(),
                &save,
            )?,
        };
        // The interview is over: the room closes before anything else is said.
        drop(prompter);
        drop(room_guard);
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
    session.in_progress = None;
    session.finished = Some(rfc3339(SystemClock.now()));
    save(session)?;
    printer.data(&summary(plan, session, settings))?;
    printer.note(&tf(lang, "run.saved", &[("path", &shown)]));
    if let Some(report) = report_path(session, path) {
        let request = super::report::Request {
            format: report_format(&report)?,
            output: Some(&report),
            session_file: Some(path),
            template: report_template(session, options),
            force: session.run.force,
        };
        super::report::write_session(session, settings, request, printer)?;
    }
    Ok(0)
}

/// The template the session's report uses, as `report` is to take it.
fn report_template<'a>(session: &'a Session, options: &Options) -> Option<Wanted<'a>> {
    let name = session.run.template.as_deref()?;
    Some(if options.template_chosen {
        Wanted::ByUser(name)
    } else {
        Wanted::InFile(name)
    })
}

/// The command that resumes this session, as the person can type it: `labkit` when that is
/// the binary on the PATH, else the program as it was invoked (after `cargo run`, say).
fn resume_command(settings: &Settings, session: &Path) -> String {
    format!(
        "{} resume {}",
        program_word(settings),
        shell_word(&shown_from_cwd(settings, session))
    )
}

/// The command that starts a new session from this one's answers (a session file is also an
/// answers file), for a session that cannot be resumed without a terminal.
fn answers_command(settings: &Settings, id: &str, session: &Path) -> String {
    format!(
        "{} run {} --answers {}",
        program_word(settings),
        shell_word(id),
        shell_word(&shown_from_cwd(settings, session))
    )
}

/// A path as the person can type it from where they are.
fn shown_from_cwd(settings: &Settings, path: &Path) -> String {
    path.strip_prefix(&settings.cwd)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The program as the person can type it: `labkit` when that is the binary on the PATH, else
/// the program as it was invoked (after `cargo run`, say), quoted for the shell.
fn program_word(settings: &Settings) -> String {
    let program = settings.program.as_deref().unwrap_or("labkit");
    let program_path = Path::new(program);
    let on_path = program_path.components().count() == 1
        || std::env::current_exe().ok().is_some_and(|exe| {
            settings
                .path_var
                .as_deref()
                .map(std::env::split_paths)
                .into_iter()
                .flatten()
                .map(|dir| dir.join("labkit"))
                .filter_map(|p| p.canonicalize().ok())
                .any(|p| exe.canonicalize().is_ok_and(|e| e == p))
        });
    shell_word(if on_path { "labkit" } else { program })
}

/// A word as a POSIX shell reads it back (quoted when it has to be).
fn shell_word(word: &str) -> String {
    if !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./:@%+=,".contains(c))
    {
        word.to_owned()
    } else {
        format!("'{}'", word.replace('\'', "'\\''"))
    }
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

fn summary(plan: &Plan, session: &Session, settings: &Settings) -> String {
    let lang = settings.lang;
    let mut table = crate::output::table(settings);
    if settings.width.is_none() {
        // In a pipe or a file: wrap long answers rather than print lines of thousands of
        // characters.
        table.set_content_arrangement(comfy_table::ContentArrangement::Dynamic);
        table.set_width(100);
    }
    let add = |method: &Method, part: &Session, table: &mut comfy_table::Table| {
        for (_, q) in method.questions() {
            let Some(v) = part.answer(&q.id).filter(|v| !v.is_null()) else {
                continue;
            };
            let safe = crate::output::terminal_safe;
            table.add_row([
                safe(q.prompt.get(lang)).into_owned(),
                safe(&engine::display(q, v, lang)).into_owned(),
            ]);
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

fn supplied_answers(args: &RunArgs, settings: &Settings, plan: &Plan) -> Result<Mapping, Error> {
    let playbook = matches!(plan, Plan::Playbook(..));
    let mut answers = match &args.answers {
        Some(p) => {
            let (answers, method) = session::load_answers_for(&settings.cwd.join(p))?;
            match (plan, method) {
                // One method's answers (`labkit analyse`'s JSON, or a session of that method)
                // for a playbook that runs it: they go under its id, as a playbook keeps them.
                (Plan::Playbook(p, _), Some(m))
                    if m != p.id
                        && p.method_ids().any(|id| id == m)
                        && !answers.contains_key(m.as_str()) =>
                {
                    let mut nested = Mapping::new();
                    nested.insert(Value::from(m), Value::Mapping(answers));
                    nested
                }
                _ => answers,
            }
        }
        None => Mapping::new(),
    };
    for pair in &args.set {
        let (id, value) = pair
            .split_once('=')
            .ok_or_else(|| Error::Usage(tf(settings.lang, "run.set_form", &[("pair", pair)])))?;
        // A value is read as YAML so `--set budget=100` is a number and `--set ideas=[a, b]` a list
        // (checked first, like every YAML labkit reads: too deep stays text).
        let value: Value = crate::input::check_yaml(value)
            .ok()
            .and_then(|()| serde_yaml::from_str(value).ok())
            .unwrap_or_else(|| Value::String(value.to_owned()));
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

/// A method or playbook by id, or a method file by path; with where it came from and the copy
/// the session keeps.
fn find_plan(reference: &str, settings: &Settings) -> Result<(Plan, Source, MethodCopy), Error> {
    let as_path = settings.cwd.join(reference);
    let is_file = reference.ends_with(".yaml") || reference.ends_with(".yml") || as_path.is_file();
    let (doc, library, source, text) = if is_file {
        let bytes = crate::library::read_method(&as_path, reference)?;
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
        let absolute = as_path.canonicalize().unwrap_or(as_path.clone());
        let source = Source {
            origin: crate::library::Origin::Path.to_string(),
            path: Some(absolute.display().to_string()),
            ..Source::default()
        };
        (
            doc,
            library,
            source,
            String::from_utf8_lossy(&bytes).into_owned(),
        )
    } else {
        // Only the method (or the playbook and its methods) is parsed; the whole library is
        // loaded only to suggest close ids when the id is unknown.
        let mut library = Library::load_for(settings, reference);
        if library.get(reference).is_none() {
            library = Library::load(settings);
        }
        // A broken `<id>.yaml` of the lab's is never swapped silently for the built-in.
        super::broken_files_for(&library, settings, reference)?;
        let entry = super::show::find(&library, reference, settings.lang)?;
        let source = Source::of(entry);
        let text = entry.text().unwrap_or_default();
        (entry.doc.clone(), library, source, text)
    };
    let mut copy = MethodCopy {
        text,
        methods: Default::default(),
    };
    let plan = match doc {
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
            for id in p.method_ids() {
                if let Some(text) = library.get(id).and_then(|e| e.text()) {
                    copy.methods.insert(id.to_owned(), text);
                }
            }
            Plan::Playbook(p, library)
        }
    };
    Ok((plan, source, copy))
}

/// Facilitator and participants, asked at the start unless given with flags or labkit.yaml.
fn ask_people(session: &mut Session, prompter: &mut dyn Prompter) -> Result<(), Error> {
    let lang = session_lang(session);
    let mut ask = |key: &'static str| -> Result<String, Error> {
        let ask = Ask::Text {
            prompt: crate::i18n::t(lang, key).to_owned(),
            initial: String::new(),
        };
        match prompter.ask(&ask) {
            // `<` and `-` mean no name here too (there is nothing before this question).
            Ok(Reply::Answer(v)) => Ok(match v.as_str().map(str::trim) {
                Some("<" | "-") | None => String::new(),
                Some(text) => text.to_owned(),
            }),
            Ok(_) => Ok(String::new()),
            Err(PromptError::Cancelled) => Err(Error::Cancelled),
            Err(PromptError::Io(e)) => Err(Error::Input(format!("terminal: {e}"))),
        }
    };
    if session.facilitator.is_none() {
        let name = ask("prompt.facilitator")?;
        session.facilitator = Some(name.trim().to_owned()).filter(|n| !n.is_empty());
    }
    if session.participants.is_empty() {
        let names = ask("prompt.participants")?;
        session.participants = names
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .map(str::to_owned)
            .collect();
    }
    Ok(())
}
/// Stops the room when dropped: at the end of the interview, and on any error on the way.
struct StopRoom(std::sync::Arc<crate::terminal::room::SharedRoom>);

impl Drop for StopRoom {
    fn drop(&mut self) {
        self.0.stop();
    }
}

/// Ctrl-C outside a prompt, a closed terminal (SIGHUP) or SIGTERM: the session was saved after
/// the last entry, so wait for a save in progress, restore the cursor,
/// say how to resume, and exit 130.
mod interrupt {
    use std::io::Write;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::sync::{Mutex, Once};

    static RESUME_HINT: Mutex<Option<String>> = Mutex::new(None);
    /// The session's lock file, removed on the way out as `Lock`'s drop would.
    static LOCK_FILE: Mutex<Option<std::path::PathBuf>> = Mutex::new(None);
    static ANNOUNCED: AtomicBool = AtomicBool::new(false);
    pub static SAVING: Mutex<()> = Mutex::new(());
    static INSTALL: Once = Once::new();
    /// What else to end on the way out (a room run's server).
    type OnExit = Box<dyn FnOnce() + Send>;
    static ON_EXIT: Mutex<Option<OnExit>> = Mutex::new(None);

    /// `stop` runs when a signal ends the run (at most a second is waited for it: the
    /// process ends anyway, and with it everything it runs).
    pub fn on_exit(stop: OnExit) {
        if let Ok(mut slot) = ON_EXIT.lock() {
            *slot = Some(stop);
        }
    }

    fn run_on_exit() {
        let Some(stop) = ON_EXIT.lock().ok().and_then(|mut slot| slot.take()) else {
            return;
        };
        let (done, stopped) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            stop();
            let _ = done.send(());
        });
        let _ = stopped.recv_timeout(std::time::Duration::from_secs(1));
    }

    /// `message` is what Ctrl-C prints: how to resume, in the session's language.
    pub fn arm(message: &str, lock_file: std::path::PathBuf) {
        if let Ok(mut hint) = RESUME_HINT.lock() {
            *hint = Some(message.to_owned());
        }
        if let Ok(mut lock) = LOCK_FILE.lock() {
            *lock = Some(lock_file);
        }
        INSTALL.call_once(|| {
            let _ = ctrlc::set_handler(|| {
                let _saving = SAVING.lock();
                if let Some(lock) = LOCK_FILE.lock().ok().and_then(|l| l.clone()) {
                    let _ = std::fs::remove_file(lock);
                }
                run_on_exit();
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
            // After SIGHUP the terminal is gone: writing may fail, and must not panic.
            Some(message) => {
                // Written here, not by the printer (a signal handler has none); it names the
                // session's path, so it is sanitised like every message.
                let _ = writeln!(
                    std::io::stderr(),
                    "\n{}",
                    crate::output::terminal_safe(&message)
                );
            }
            None => {
                let _ = writeln!(std::io::stderr());
            }
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
    crate::settings::known_language(&session.language).unwrap_or_default()
}
