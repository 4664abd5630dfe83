//! The one integration-test binary: drives the real `labkit` binary in a scrubbed environment
//! inside a temporary folder, plus fixture tests that call the library directly.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

mod assign;
mod bad_input;
mod calc;
mod catalogue;
mod fixtures;
mod kill;
mod limits;
mod list;
mod playbooks;
mod pty;
mod readme;
mod reports;
mod run;
mod schema;
mod show;
mod validate;
mod workspace;
