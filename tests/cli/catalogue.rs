//! The printable catalogues in docs/ are what `labkit show --all --format md` prints today.

use crate::support::Lab;

#[test]
fn the_printed_catalogues_are_up_to_date() {
    for (lang, file) in [("en", "docs/catalogue.md"), ("pt", "docs/catalogo.md")] {
        let run = Lab::new()
            .run(&["--lang", lang, "show", "--all", "--format", "md"])
            .ok();
        assert!(
            run.stdout.contains("## ") && run.stdout.matches("\n---\n").count() >= 24,
            "{}",
            run.stdout
        );
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
        let kept = std::fs::read_to_string(&path).unwrap_or_default();
        if kept != run.stdout {
            if std::env::var_os("LABKIT_BLESS").is_some() {
                std::fs::write(&path, &run.stdout).unwrap();
            } else {
                panic!(
                    "{file} is out of date; run `LABKIT_BLESS=1 cargo test` (or `labkit --lang {lang} show --all --format md > {file}`)"
                );
            }
        }
    }
}
