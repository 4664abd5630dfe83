//! Benchmark: the phases of rendering a brainstorm session with many ideas (session parse,
//! render to Markdown, Markdown to HTML, Markdown to DOCX); benches/big_session.py writes one. Run with `cargo bench --bench report -- FILE`;
//! benches/cli.sh times the whole process. A playbook session (the experiment plan made from
//! tests/fixtures/answers/playbooks/experiment-plan.yaml, whose Word report draws three charts)
//! is timed the same way, the best of ten runs of each phase.

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
    if session.method.playbook {
        return playbook(&library, &session, parsed);
    }
    let method = library.method(&session.method.id).expect("method");
    let template =
        report::find_template(None, &method.id, &[], std::path::Path::new(".")).expect("template");
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

/// A playbook session: the best of ten runs of each phase, since these take milliseconds.
fn playbook(library: &Library, session: &Session, parsed: std::time::Duration) {
    use labkit::method::Document;
    let Some(Document::Playbook(playbook)) = library.get(&session.method.id).map(|e| &e.doc) else {
        eprintln!("no playbook `{}`", session.method.id);
        return;
    };
    let best = |f: &mut dyn FnMut() -> usize| {
        (0..10)
            .map(|_| {
                let t = Instant::now();
                let size = f();
                (t.elapsed(), size)
            })
            .min()
            .expect("ten runs")
    };
    let render = || {
        report::render_playbook(
            playbook,
            library,
            session,
            None,
            &[],
            std::path::Path::new("."),
            Lang::En,
        )
        .expect("render")
    };
    let (markdown, _) = best(&mut || render().markdown.len());
    let rendered = render();
    let (to_html, html) = best(&mut || rendered.to_html().len());
    let (to_docx, docx) = best(&mut || rendered.to_docx().expect("docx").len());
    println!(
        "session parse {parsed:?} · playbook → Markdown {markdown:?} · Markdown → HTML {to_html:?} ({html} bytes) · Markdown → DOCX {to_docx:?} ({docx} bytes)"
    );
}
