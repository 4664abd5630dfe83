//! Session and answers files, as `Session::load` and `session::load_answers` read them from
//! disk: any bytes give a session (or answers) or a list of problems. A session that loads is
//! rendered like `labkit report` renders it (its method from the built-ins, else the copy it
//! carries), and every format passes the report checks. Answers that load are filled into
//! their method as `run --answers … --no-input` fills them, and rendered when accepted.

use std::path::Path;

use labkit::lang::Lang;
use labkit::library::Library;
use labkit::method::{Document, Method};
use labkit::session::Session;

use super::{files, fuzz, guarded, hostile, mutated, repo};

fn session_seeds() -> Vec<(String, Vec<u8>)> {
    hostile("sessions")
}

/// Answers seeds: the fixtures of the built-in methods and the hostile answers (for
/// every-type), each named `<method>/<file>`.
fn answers_seeds() -> Vec<(String, Vec<u8>)> {
    let mut seeds: Vec<(String, Vec<u8>)> = files(&repo("tests/fixtures/answers"))
        .into_iter()
        .map(|(name, bytes)| (format!("{}/{name}", name.trim_end_matches(".yaml")), bytes))
        .collect();
    seeds.extend(
        hostile("answers")
            .into_iter()
            .map(|(name, bytes)| (format!("every-type/{name}"), bytes)),
    );
    seeds
}

/// The method a seed's answers are for.
fn method_for(name: &str) -> Option<Method> {
    let id = name.split('/').next()?;
    if id == "every-type" {
        return Some(super::report::every_type());
    }
    Library::load_layers(&[]).method(id).cloned()
}

/// Renders a loaded session as `labkit report` does, in every format, and checks each.
pub fn render_session(session: &Session) {
    let built_in = Library::load_layers(&[]);
    let library = match (&session.method_copy, built_in.get(&session.method.id)) {
        (_, Some(_)) => built_in,
        (Some(copy), None) => Library::from_copy(copy, "session"),
        (None, None) => return,
    };
    let lang = Lang::parse(&session.language).unwrap_or_default();
    let rendered = match library.get(&session.method.id).map(|e| e.doc.clone()) {
        Some(Document::Playbook(playbook)) => labkit::report::render_playbook(
            &playbook,
            &library,
            session,
            None,
            &[],
            Path::new("."),
            lang,
        ),
        Some(Document::Method(method)) => {
            labkit::report::find_template(None, &method.id, &[], Path::new("."))
                .and_then(|t| labkit::report::render(&method, session, &t, lang))
        }
        None => return,
    };
    // A template that cannot render this session is a clear error, not a crash; the built-in
    // templates rendering every session `run` accepts is tested in report_variations.
    let Ok(rendered) = rendered else { return };
    super::report::check_html(&rendered.to_html());
    let _ = rendered.to_markdown();
    if let Ok(docx) = rendered.to_docx() {
        super::report::check_docx(&docx);
    }
}

/// Loads `bytes` as a session file from disk; renders it when it loads.
fn check_session(dir: &Path, name: &str, bytes: Vec<u8>) -> bool {
    let file = dir.join("session.yaml");
    guarded(&format!("load session {name}"), move || {
        std::fs::write(&file, &bytes).expect("write the case");
        match Session::load(&file) {
            Ok(session) => {
                render_session(&session);
                true
            }
            Err(_) => false,
        }
    })
}

/// Loads `bytes` as an answers file from disk; fills and renders them when they load.
fn check_answers(dir: &Path, name: &str, bytes: Vec<u8>) -> bool {
    let file = dir.join(if bytes.first() == Some(&b'{') {
        "answers.json"
    } else {
        "answers.yaml"
    });
    let name = name.to_owned();
    guarded(&format!("load answers {name}"), move || {
        std::fs::write(&file, &bytes).expect("write the case");
        let Ok(answers) = labkit::session::load_answers(&file) else {
            return false;
        };
        if let Some(method) = method_for(&name)
            && let Some(session) = crate::report_variations::accept(&method, &answers)
        {
            super::report::render_checked(&method, &session);
        }
        true
    })
}

#[test]
fn corpus_every_session_loads_and_renders_or_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut loaded = Vec::new();
    for (name, bytes) in session_seeds() {
        if check_session(dir.path(), &name, bytes) {
            loaded.push(name);
        }
    }
    for name in [
        "every-type.yaml",
        "hostile-people.yaml",
        "null-answers.yaml",
    ] {
        assert!(
            loaded.iter().any(|l| l == name),
            "{name} does not load: {loaded:?}"
        );
    }
    for name in [
        "schema-99.yaml",
        "bad-language-and-times.yaml",
        "not-a-session.yaml",
    ] {
        assert!(
            !loaded.iter().any(|l| l == name),
            "{name} should be refused"
        );
    }
}

#[test]
fn corpus_every_answers_file_loads_or_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in answers_seeds() {
        check_answers(dir.path(), &name, bytes);
    }
}

#[test]
fn fuzz_session_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_owned();
    let accepted = &std::cell::Cell::new(0u32);
    fuzz("session_load", 24, mutated(session_seeds()), move |case| {
        let (name, bytes) = (case.name, case.bytes);
        accepted.set(accepted.get() + u32::from(check_session(&path, &name, bytes)));
        Ok(())
    });
    eprintln!(
        "fuzz session_load: {} inputs loaded as sessions",
        accepted.get()
    );
}

#[test]
fn fuzz_answers_load() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_owned();
    let accepted = &std::cell::Cell::new(0u32);
    fuzz("answers_load", 24, mutated(answers_seeds()), move |case| {
        let (name, bytes) = (case.name, case.bytes);
        accepted.set(accepted.get() + u32::from(check_answers(&path, &name, bytes)));
        Ok(())
    });
    eprintln!(
        "fuzz answers_load: {} inputs loaded as answers",
        accepted.get()
    );
}
