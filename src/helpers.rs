//! The handlebars helpers labkit offers to method conditions, defaults, computed values and
//! report templates, registered in one place.
//!
//! `NAMES` is the single list the method validator consults, so a method that calls a helper
//! labkit does not have is caught by `labkit validate`, not in front of a room.

use handlebars::Handlebars;

/// Helpers that handlebars itself provides.
pub const BUILTIN: &[&str] = &[
    "if", "unless", "each", "with", "lookup", "raw", "log", "eq", "ne", "gt", "gte", "lt", "lte",
    "and", "or", "not", "len",
];

/// Helpers labkit adds.
pub const LABKIT: &[&str] = &[];

pub fn is_known(name: &str) -> bool {
    BUILTIN.contains(&name) || LABKIT.contains(&name)
}

/// A strict registry with every helper, for conditions, defaults and computed values.
pub fn registry() -> Handlebars<'static> {
    let mut registry = Handlebars::new();
    registry.set_strict_mode(true);
    registry
}
