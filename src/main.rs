//! The binary: read the process environment once, run, and turn the outcome into an exit code.

use std::io::IsTerminal;
use std::process::ExitCode;

use labkit::settings::Env;

fn main() -> ExitCode {
    let stdout_is_terminal = std::io::stdout().is_terminal();
    // Only a terminal has a width; piped tables keep their natural width.
    let width = if stdout_is_terminal {
        console::Term::stdout().size_checked().map(|(_, cols)| cols)
    } else {
        None
    };
    let env = Env {
        vars: std::env::vars_os()
            .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
            .collect(),
        cwd: std::env::current_dir().unwrap_or_default(),
        stdin_is_terminal: std::io::stdin().is_terminal(),
        stdout_is_terminal,
        stderr_is_terminal: std::io::stderr().is_terminal(),
        width,
        program: std::env::args().next(),
    };
    ExitCode::from(labkit::run(std::env::args_os(), &env))
}
