//! Rebuild when a built-in method or template changes: they are embedded with include_dir,
//! which on stable Rust cannot tell cargo which files it read.

fn main() {
    println!("cargo:rerun-if-changed=methods");
    println!("cargo:rerun-if-changed=templates");
}
