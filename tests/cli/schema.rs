//! `labkit schema` prints the JSON Schema, and the repository's copy is up to date.

use crate::support::Lab;

#[test]
fn schema_is_printed_and_the_docs_copy_is_current() {
    let run = Lab::new().run(&["schema"]).ok();
    let schema: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let text = run.stdout;
    assert!(
        text.contains("multiselect") && text.contains("quadrants"),
        "schema lacks question types"
    );
    assert!(schema["$schema"].is_string());
    crate::support::snapshot_file("docs/method.schema.json", &text);
}
