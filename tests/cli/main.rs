//! The one integration-test binary: drives the real `labkit` binary in a scrubbed environment
//! inside a temporary folder, plus fixture tests that call the library directly.

mod support;

mod bad_input;
mod fixtures;
mod list;
mod schema;
mod show;
mod validate;
