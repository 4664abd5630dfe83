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
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/method.schema.json");
    let kept = std::fs::read_to_string(&path).unwrap_or_default();
    if kept != text {
        if std::env::var_os("LABKIT_BLESS").is_some() {
            std::fs::write(&path, &text).unwrap();
        } else {
            panic!(
                "docs/method.schema.json is out of date; run `cargo run -- schema > docs/method.schema.json` (or LABKIT_BLESS=1 cargo test)"
            );
        }
    }
}
