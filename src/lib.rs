//! labkit: innovation methods for public-sector labs, as a command-line toolkit.
//!
//! The library holds the whole engine; `main.rs` only builds an `Env` from the real process
//! and calls [`run`]. Tests and benchmarks call the same entry points.

pub mod agenda;
pub mod calendar;
pub mod catalogue;
pub mod cli;
pub mod cli_help;
pub mod clock;
pub mod commands;
pub mod engine;
pub mod error;
pub mod fsutil;
pub mod gitlib;
pub mod helpers;
pub mod i18n;
pub mod input;
pub mod lang;
pub mod library;
pub mod method;
pub mod output;
pub mod playbook;
pub mod report;
pub mod room;
pub mod session;
pub mod settings;
pub mod spreadsheet;
pub mod stats;
pub mod terminal;
pub mod timer;

use std::ffi::OsString;

use clap::{CommandFactory, FromArgMatches, Parser};

use crate::output::Printer;
use crate::settings::{Env, Settings};

/// Runs labkit with these arguments in this environment and returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>, env: &Env) -> u8 {
    let args: Vec<OsString> = args.into_iter().collect();
    // Parsed with the English command tree straight from the derive. Only when clap has
    // something to say (`--help`, a usage error) is the tree translated and the arguments parsed
    // again, so the words come in the user's language; see `cli_help` for how it is chosen. A
    // run that parses never pays for translating the tree or for looking for a language file.
    let parsed = cli::Cli::try_parse_from(args.iter()).or_else(|english| {
        let help_lang = cli_help::help_language(&args, env);
        if help_lang == lang::Lang::En {
            return Err(english);
        }
        let bin_name = args
            .first()
            .and_then(|a| std::path::Path::new(a).file_name())
            .and_then(|f| f.to_str())
            .map(str::to_owned);
        let mut cmd = cli_help::translate(cli::Cli::command(), help_lang, bin_name.as_deref());
        cmd.try_get_matches_from_mut(args.iter())
            .and_then(|mut matches| {
                cli::Cli::from_arg_matches_mut(&mut matches).map_err(|err| err.format(&mut cmd))
            })
    });
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() { 2 } else { 0 };
            let _ = err.print();
            return code;
        }
    };
    let settings = match Settings::resolve(&cli.global, env) {
        Ok(settings) => settings,
        Err(err) => return report(&err, &mut Printer::stdio(&Settings::fallback(env))),
    };
    i18n::set_message_language(settings.lang);
    let mut printer = Printer::stdio(&settings);
    // A method library that is listed but not fetched (or not pinned) is said once, by every
    // command that may need its methods.
    if !matches!(
        cli.command,
        cli::Command::Library(_) | cli::Command::Ids | cli::Command::Completions(_)
    ) {
        commands::library::warnings(&settings)
            .iter()
            .for_each(|w| printer.warn(w));
    }
    match commands::dispatch(cli.command, &settings, &mut printer) {
        Ok(code) => code,
        Err(err) => report(&err, &mut printer),
    }
}

fn report(err: &error::Error, printer: &mut Printer) -> u8 {
    match err {
        error::Error::BrokenPipe => {}
        error::Error::Diagnostics(diagnostics) => {
            diagnostics.iter().for_each(|d| printer.diagnostic(d))
        }
        other => printer.error(&other.to_string()),
    }
    err.exit_code()
}
