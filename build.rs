//! Rebuild when a built-in method or template changes: they are embedded with include_dir,
//! which on stable Rust cannot tell cargo which files it read.
//!
//! Index labkit's own Fluent files (`i18n/en.ftl`, `i18n/pt.ftl`) here, so that a run finds a
//! message by a binary search of a static table instead of scanning about 130 KB and filling a
//! hash table first (src/i18n.rs).

use std::fmt::Write as _;

include!("src/i18n/index.rs");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo:rerun-if-changed=methods");
    println!("cargo:rerun-if-changed=templates");
    println!("cargo:rerun-if-changed=i18n");
    println!("cargo:rerun-if-changed=src/i18n/index.rs");
    // Offsets only, no `&str`: a table of pointers would need a relocation per entry, which the
    // loader applies at every start, `--help` included. An entry starts with its id.
    let mut out = String::new();
    for (name, file) in [("EN", "i18n/en.ftl"), ("PT", "i18n/pt.ftl")] {
        let source = std::fs::read_to_string(file)?;
        let spans = sorted_spans(&source);
        let _ = writeln!(
            out,
            "pub static {name}: [(u32, u16, u32); {}] = [",
            spans.len()
        );
        for (id, start, end) in spans {
            let _ = writeln!(out, "    ({start}, {}, {end}), // {id}", id.len());
        }
        out.push_str("];\n");
    }
    let dir = std::env::var("OUT_DIR")?;
    std::fs::write(std::path::Path::new(&dir).join("i18n_index.rs"), out)?;
    Ok(())
}
