//! The one integration-test binary: drives the real `labkit` binary in a scrubbed environment
//! inside a temporary folder, plus fixture tests that call the library directly.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod support;

mod accessibility;
mod agenda;
mod analyse;
mod assign;
mod bad_input;
mod browser;
mod calc;
mod catalogue;
mod clear_errors;
mod design_sprint;
mod fixtures;
mod fuzz;
mod glossary;
mod http_client;
mod kill;
mod languages;
mod libraries;
mod limits;
mod list;
mod outputs;
mod playbooks;
mod pseudo;
mod pty;
mod readme;
mod report_variations;
mod reports;
mod room;
mod room_browser;
mod room_crowd;
mod room_http;
mod room_kinds;
mod room_load;
mod run;
mod schema;
mod show;
mod trial_design;
pub(crate) mod untrusted_text;
mod validate;
mod word;
mod workspace;
