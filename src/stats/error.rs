//! The single error type of the stats module. Messages are lowercase, name the
//! offending command-line flag in backticks and, for input files, the line
//! number, because they are shown to the user verbatim by the CLI.

use thiserror::Error;

/// Every failure the stats module can report.
#[derive(Debug, Error)]
pub enum StatsError {
    /// A single parameter is out of its allowed range; `flag` is the CLI flag
    /// (e.g. `--baseline`) so the message points at what the user typed.
    #[error("`{flag}` {message}")]
    InvalidParameter { flag: &'static str, message: String },
    /// A combination of parameters is invalid or the design is not achievable.
    #[error("{0}")]
    Invalid(String),
    /// A problem with the input file located at a (1-based, physical) line.
    #[error("line {line}: {message}")]
    Line { line: u64, message: String },
    /// A problem with the input file as a whole (empty, bad header, ...).
    #[error("{0}")]
    Input(String),
    /// Writing the output failed.
    #[error("could not write the output: {0}")]
    Io(#[from] std::io::Error),
}

impl StatsError {
    pub(crate) fn param(flag: &'static str, message: impl Into<String>) -> Self {
        StatsError::InvalidParameter {
            flag,
            message: message.into(),
        }
    }
}
