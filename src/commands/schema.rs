//! `labkit schema`: the JSON Schema of method and playbook files, generated from the same
//! serde types the loader uses, so it cannot drift from what labkit accepts.

use super::Outcome;
use crate::output::Printer;

pub fn run(printer: &mut Printer) -> Outcome {
    printer.data(&json())?;
    Ok(0)
}

/// The schema as pretty JSON (also kept in `docs/method.schema.json`; a test checks it).
pub fn json() -> String {
    let schema = schemars::schema_for!(crate::method::raw::RawDocument);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
