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
        crate::support::snapshot_file(file, &run.stdout);
    }
}
