//! The method parser and validator: every file is a method, a playbook, or a list of
//! problems; never a panic or a hang. A method that passes is laid out as an agenda and
//! written as a calendar, which the iCalendar parser reads back event for event.

use super::{declared_id, files, fuzz, guarded, hostile, mutated, repo};
use labkit::method::Document;

/// The built-in methods and playbooks, the invalid fixtures and the hostile methods.
pub fn seeds() -> Vec<(String, Vec<u8>)> {
    let mut seeds = files(&repo("methods"));
    seeds.extend(files(&repo("methods/playbooks")));
    seeds.extend(files(&repo("tests/fixtures/methods/invalid")));
    seeds.extend(hostile("methods"));
    seeds
}

/// Parses as `validate` does (the file named after the id it declares) and, for a method,
/// goes on to its agenda and calendar. Returns whether the file was accepted.
pub fn check(name: &str, bytes: Vec<u8>) -> bool {
    let stem = declared_id(&bytes).unwrap_or_else(|| "fuzz".into());
    let what = format!("parse {name}");
    guarded(&what, move || {
        let file = format!("{stem}.yaml");
        match labkit::method::parse(&bytes, &file, Some(&stem)) {
            Ok(Document::Method(method)) => {
                let hours = labkit::agenda::Hours {
                    start: 9 * 60,
                    end: 17 * 60 + 30,
                };
                if let Ok(slots) =
                    labkit::agenda::for_method(&method, 9 * 60 + 30, hours, labkit::lang::Lang::En)
                {
                    super::calendar::round_trip(method.name.get(labkit::lang::Lang::En), &slots);
                }
                true
            }
            Ok(Document::Playbook(_)) => true,
            Err(diagnostics) => {
                assert!(!diagnostics.is_empty(), "{file}: refused without a reason");
                false
            }
        }
    })
}

#[test]
fn corpus_every_method_file_parses_or_is_refused_with_reasons() {
    let built_in = files(&repo("methods")).len() + files(&repo("methods/playbooks")).len();
    for (i, (name, bytes)) in seeds().into_iter().enumerate() {
        let accepted = check(&name, bytes);
        if i < built_in {
            assert!(accepted, "built-in {name} is refused");
        }
    }
}

#[test]
fn fuzz_method_parser() {
    let accepted = std::cell::Cell::new(0u32);
    fuzz("method_parser", 48, mutated(seeds()), |case| {
        let (name, bytes) = (case.name, case.bytes);
        accepted.set(accepted.get() + u32::from(check(&name, bytes)));
        Ok(())
    });
    eprintln!(
        "fuzz method_parser: {} inputs accepted as methods or playbooks",
        accepted.get()
    );
}

/// A hostile method's loops are refused before they run (they used to hang `run`).
#[test]
fn a_template_that_loops_over_the_whole_answers_is_refused() {
    let bomb = hostile("methods")
        .into_iter()
        .find(|(name, _)| name == "template-bomb.yaml")
        .expect("the corpus has template-bomb.yaml");
    let problems = match labkit::method::parse(&bomb.1, "template-bomb.yaml", Some("template-bomb"))
    {
        Err(problems) => problems,
        Ok(_) => panic!("the template bomb passed validation"),
    };
    let text = format!("{problems:?}");
    assert!(text.contains("reads outside the `{{#each}}`"), "{text}");
    assert_eq!(
        problems.len(),
        2,
        "one problem for the default, one for the computed value: {text}"
    );
}
