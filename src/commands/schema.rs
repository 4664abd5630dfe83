//! `labkit schema`: prints the JSON Schema of method and playbook files (built in
//! `method::schema`, from the same serde types the loader uses).

use super::Outcome;
use crate::output::Printer;

pub fn run(printer: &mut Printer) -> Outcome {
    printer.data(&crate::method::schema::json())?;
    Ok(0)
}
