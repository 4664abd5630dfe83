//! One module per subcommand; the only layer that wires the other modules together.

mod agenda;
mod assign;
mod calc;
mod completions;
mod config;
mod eject;
mod init;
pub(crate) mod list;
mod new;
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
use crate::library::Library;
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
        Command::Init(args) => init::run(&args, settings, printer),
        Command::Config(args) => config::run(&args, settings, printer),
        Command::New(command) => new::run(&command, settings, printer),
        Command::Eject(args) => eject::run(&args, settings, printer),
        Command::Completions(args) => completions::run(&args, printer),
        Command::Man => completions::man(printer),
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
