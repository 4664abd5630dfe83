//! Errors a command can end with, and the exit code each one maps to.
//!
//! Error values carry plain text (no colour, no emoji); `output` styles them.

use std::io;

use crate::method::Diagnostic;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad flags or arguments (exit 2).
    #[error("{0}")]
    Usage(String),
    /// Bad input data: a file, an answer, a CSV (exit 2).
    #[error("{0}")]
    Input(String),
    /// Problems in a file, placed by line and column (exit 2).
    #[error("{}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))]
    Diagnostics(Vec<Diagnostic>),
    #[error("{path}: {source}")]
    Io { path: String, source: io::Error },
    /// The user stopped the command (Ctrl-C or Esc); whatever was saved stays saved (exit 130).
    #[error("cancelled")]
    Cancelled,
    /// Writing to stdout failed because the reader went away (`labkit list | head`): not an error.
    #[error("broken pipe")]
    BrokenPipe,
}

impl Error {
    pub fn io(path: impl Into<String>, source: io::Error) -> Error {
        Error::Io {
            path: path.into(),
            source,
        }
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Error::BrokenPipe => 0,
            Error::Cancelled => 130,
            _ => 2,
        }
    }
}

impl From<io::Error> for Error {
    fn from(err: io::Error) -> Error {
        if err.kind() == io::ErrorKind::BrokenPipe {
            Error::BrokenPipe
        } else {
            Error::Io {
                path: "<stdout>".into(),
                source: err,
            }
        }
    }
}
