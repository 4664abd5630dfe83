//! One module per subcommand; the only layer that wires the other modules together.

mod agenda;
mod analyse;
mod assign;
mod calc;
mod completions;
mod config;
mod eject;
mod init;
pub(crate) mod library;
pub(crate) mod list;
mod new;
mod open_room;
mod portfolio;
mod report;
mod run;
mod schema;
mod show;
mod suggest;
mod timer;
mod validate;

use crate::cli::Command;
use crate::error::Error;
use crate::i18n;
use std::path::Path;

use crate::library::{Library, Origin};
use crate::method::{Diagnostic, Document};
use crate::output::Printer;
use crate::settings::Settings;

/// What a command returns when it did not fail: 0 for ok, 1 for "ran and found problems".
pub type Outcome = Result<u8, Error>;

pub fn dispatch(command: Command, settings: &Settings, printer: &mut Printer) -> Outcome {
    match command {
        Command::List(args) => list::run(&args, settings, printer),
        Command::Show(args) => show::run(&args, settings, printer),
        Command::Validate(args) => validate::run(&args, settings, printer),
        Command::Run(args) => run::run(&args, settings, printer),
        Command::Resume(args) => run::resume(&args, settings, printer),
        Command::Report(args) => report::run(&args, settings, printer),
        Command::Agenda(args) => agenda::run(&args, settings, printer),
        Command::Timer(args) => timer::run(&args, settings, printer),
        Command::Suggest(args) => suggest::run(&args, settings, printer),
        Command::Portfolio(args) => portfolio::run(&args, settings, printer),
        Command::Calc(command) => calc::run(&command, settings, printer),
        Command::Assign(args) => assign::run(&args, settings, printer),
        Command::Analyse(args) => analyse::run(&args, settings, printer),
        Command::Init(args) => init::run(&args, settings, printer),
        Command::Config(args) => config::run(&args, settings, printer),
        Command::New(command) => new::run(&command, settings, printer),
        Command::Eject(args) => eject::run(&args, settings, printer),
        Command::Library(command) => library::run(&command, settings, printer),
        Command::Completions(args) => completions::run(&args, printer),
        Command::Man(args) => completions::man(&args, settings, printer),
        Command::Ids => completions::ids(settings, printer),
        Command::Schema => schema::run(printer),
    }
}

/// Loads the library for browsing: files with problems are reported once and skipped.
fn browse_library(settings: &Settings, printer: &mut Printer) -> Library {
    let library = Library::load(settings);
    for problem in &library.problems {
        printer.warn(&i18n::tf(
            settings.lang,
            "error.skipped",
            &[("file", &problem.file)],
        ));
    }
    library
}

/// Loads the library for one id (`show ID`, `agenda ID`): like `browse_library`, but a broken
/// file that would have given this id stops the command (see `broken_files_for`).
fn library_for_id(settings: &Settings, printer: &mut Printer, id: &str) -> Result<Library, Error> {
    let library = Library::load(settings);
    broken_files_for(&library, settings, id)?;
    for problem in &library.problems {
        printer.warn(&i18n::tf(
            settings.lang,
            "error.skipped",
            &[("file", &problem.file)],
        ));
    }
    Ok(library)
}

/// A file `<id>.yaml` that fails to load, in a method folder that comes before the one `id`
/// was found in (or when it was found nowhere), is the method the person meant: the lab's own
/// edited copy. Running, showing or planning the built-in of the same id in its place would
/// be a silent swap, so the command stops with that file's problems (exit 2). A playbook's
/// methods are checked the same way. Files of other ids are not this command's business.
fn broken_files_for(library: &Library, settings: &Settings, id: &str) -> Result<(), Error> {
    let layers = crate::library::layers(settings);
    let layer_of = |file: &Path| layers.iter().rposition(|(_, dir)| file.starts_with(dir));
    let mut ids = vec![id.to_owned()];
    if let Some(Document::Playbook(p)) = library.get(id).map(|e| &e.doc) {
        ids.extend(p.method_ids().map(str::to_owned));
    }
    let mut diagnostics = Vec::new();
    for id in &ids {
        let found = library.get(id);
        // Built-ins come before every layer; an entry with no file is a built-in (or a copy).
        let found_layer = found.map(|e| e.path.as_deref().and_then(layer_of));
        for problem in &library.problems {
            let file = Path::new(&problem.file);
            if file.file_stem().and_then(|s| s.to_str()) != Some(id.as_str()) {
                continue;
            }
            let layer = layer_of(file);
            let comes_first = match found_layer {
                None => true,
                Some(found) => layer > found,
            };
            if !comes_first {
                continue;
            }
            let shadowed = found
                .map(|e| e.origin)
                .or_else(|| crate::library::built_in_source(id).map(|_| Origin::BuiltIn));
            if let Some(origin) = shadowed {
                let origin = i18n::t(settings.lang, origin.label_key());
                let mut lead = Diagnostic::whole_file(
                    &problem.file,
                    i18n::tf(
                        settings.lang,
                        "run.broken_override",
                        &[("id", id), ("origin", &origin)],
                    ),
                );
                lead.hint = Some(i18n::tf(
                    settings.lang,
                    "run.broken_override_hint",
                    &[("origin", &origin)],
                ));
                diagnostics.push(lead);
            }
            diagnostics.extend(problem.diagnostics.iter().cloned());
        }
    }
    if diagnostics.is_empty() {
        Ok(())
    } else {
        Err(Error::Diagnostics(diagnostics))
    }
}

/// What to say when a session's method is taken from the copy the session keeps: that the
/// file was not found, or that it was found and is broken (so the person knows to fix it).
fn using_copy(settings: &Settings, lang: crate::lang::Lang, id: &str) -> (bool, String) {
    let library = Library::load_for(settings, id);
    let broken = library
        .problems
        .iter()
        .find(|p| Path::new(&p.file).file_stem().and_then(|s| s.to_str()) == Some(id));
    match broken {
        Some(problem) => (
            true,
            i18n::tf(
                lang,
                "run.using_copy_broken",
                &[("id", &id), ("file", &problem.file)],
            ),
        ),
        None => (false, i18n::tf(lang, "run.using_copy", &[("id", &id)])),
    }
}
