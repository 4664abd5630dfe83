//! The single error type of the stats module. Messages are lowercase, name the
//! offending command-line flag in backticks and, for input files, the line
//! number, because they are shown to the user verbatim by the CLI. They are
//! rendered in the message language (`crate::i18n::msg`), English by default.

use std::fmt;

use crate::i18n::msg;

/// Every failure the stats module can report.
#[derive(Debug)]
pub enum StatsError {
    /// A single parameter is out of its allowed range; `flag` is the CLI flag
    /// (e.g. `--baseline`) so the message points at what the user typed.
    InvalidParameter { flag: &'static str, message: String },
    /// A combination of parameters is invalid or the design is not achievable.
    Invalid(String),
    /// A problem with the input file located at a (1-based, physical) line.
    Line { line: u64, message: String },
    /// A problem with the input file as a whole (empty, bad header, ...).
    Input(String),
    /// Writing the output failed.
    Io(std::io::Error),
}

impl fmt::Display for StatsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StatsError::InvalidParameter { flag, message } => f.write_str(&msg(
                "stats.invalid_parameter",
                &[("flag", flag), ("message", message)],
            )),
            StatsError::Invalid(message) | StatsError::Input(message) => f.write_str(message),
            StatsError::Line { line, message } => {
                f.write_str(&msg("stats.line", &[("line", line), ("message", message)]))
            }
            StatsError::Io(err) => f.write_str(&msg("stats.io", &[("reason", err)])),
        }
    }
}

impl std::error::Error for StatsError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StatsError::Io(err) => Some(err),
            _ => None,
        }
    }
}

impl From<std::io::Error> for StatsError {
    fn from(err: std::io::Error) -> Self {
        StatsError::Io(err)
    }
}

impl StatsError {
    pub(crate) fn param(flag: &'static str, message: impl Into<String>) -> Self {
        StatsError::InvalidParameter {
            flag,
            message: message.into(),
        }
    }
}
