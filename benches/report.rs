//! Benchmark: the phases of rendering a brainstorm session with many ideas (session parse,
//! render to Markdown, Markdown to HTML, Markdown to DOCX); benches/big_session.py writes one. Run with `cargo bench --bench report -- FILE`;
//! benches/cli.sh times the whole process.

#![allow(clippy::expect_used)] // a benchmark with a broken input should stop loudly

use std::time::Instant;

use labkit::lang::Lang;
use labkit::library::Library;
use labkit::report;
use labkit::session::Session;

fn main() {
    let Some(file) = std::env::args().skip(1).find(|a| !a.starts_with('-')) else {
        println!("usage: cargo bench --bench report -- SESSION.yaml");
        return;
    };
    let t = Instant::now();
    let session = Session::load(std::path::Path::new(&file)).expect("session");
    let parsed = t.elapsed();
    let library = Library::load_layers(&[]);
    let method = library.method(&session.method.id).expect("method");
    let template =
        report::find_template(None, &method.id, None, std::path::Path::new(".")).expect("template");
    let t = Instant::now();
    let context = report::context::build(method, &session, Lang::En, &report::uses::Parts::ALL);
    let built = t.elapsed();
    drop(context);
    let t = Instant::now();
    let rendered = report::render(method, &session, &template, Lang::En).expect("render");
    let markdown = t.elapsed();
    let t = Instant::now();
    let html = rendered.to_html();
    let to_html = t.elapsed();
    let t = Instant::now();
    let docx = rendered.to_docx().expect("docx");
    let to_docx = t.elapsed();
    println!(
        "session parse {parsed:?} · template context {built:?} · context + template → Markdown {markdown:?} · Markdown → HTML {to_html:?} ({} bytes) · Markdown → DOCX {to_docx:?} ({} bytes)",
        html.len(),
        docx.len()
    );
}
