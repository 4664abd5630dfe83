//! Checks on the Fluent files: they parse, both languages have the same messages with the same
//! variables, every key the code names exists, and every message is used.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::*;

/// Keys the code builds at run time, so no string literal names them. Each prefix says where.
const DYNAMIC: &[(&str, &str)] = &[
    // cli_help.rs walks clap's command tree and looks up `help.<path>.about`, `.arg.<id>`…; its
    // tests check every such key against cli.rs, both ways.
    ("help.", "cli_help::translate, checked by cli_help's tests"),
    // `{{t "report.…"}}` is the report labels' helper (src/helpers.rs): a lab's own or ejected
    // template may use any of them, not only the ones the built-in templates use.
    ("report.", "templates' `t` helper, open to labs' templates"),
];

/// A file's search table, as build.rs writes it for the built-in files.
fn table(source: &str) -> Vec<(u32, u16, u32)> {
    index::sorted_spans(source)
        .into_iter()
        .map(|(id, start, end)| (start as u32, id.len() as u16, end as u32))
        .collect()
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn resource(lang: Lang) -> FluentResource {
    match FluentResource::try_new(source(lang).to_owned()) {
        Ok(resource) => resource,
        Err((_, errors)) => panic!("i18n/{lang}.ftl does not parse: {errors:#?}"),
    }
}

/// Rust key → sorted variable names, for every message of a language.
fn messages(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
    let resource = resource(lang);
    let mut out = BTreeMap::new();
    for entry in resource.entries() {
        match entry {
            ast::Entry::Message(m) => {
                let mut names = Vec::new();
                match &m.value {
                    Some(pattern) => variables(pattern, &mut names),
                    None => panic!("i18n/{lang}.ftl: `{}` has no value", m.id.name),
                }
                assert!(
                    m.attributes.is_empty(),
                    "i18n/{lang}.ftl: `{}` has attributes, which labkit does not read",
                    m.id.name
                );
                let key = rust_key(m.id.name);
                assert_eq!(
                    fluent_id(&key),
                    m.id.name,
                    "`{}` is not a labkit id",
                    m.id.name
                );
                let names = names.into_iter().map(str::to_owned).collect();
                assert!(
                    out.insert(key, names).is_none(),
                    "i18n/{lang}.ftl: `{}` is there twice",
                    m.id.name
                );
            }
            ast::Entry::Term(term) => {
                panic!(
                    "i18n/{lang}.ftl: term `-{}`: labkit uses messages only",
                    term.id.name
                )
            }
            ast::Entry::Junk { content } => panic!("i18n/{lang}.ftl: cannot parse {content:?}"),
            _ => {}
        }
    }
    out
}

#[test]
fn files_parse_and_load_without_errors() {
    for lang in Lang::ALL {
        let mut bundle = FluentBundle::new_concurrent(vec![locale(lang)]);
        if let Err(errors) = bundle.add_resource(resource(lang)) {
            panic!("i18n/{lang}.ftl: {errors:#?}");
        }
        assert!(!messages(lang).is_empty());
    }
}

/// `index` splits each file into the same messages the full parse finds, and each entry parsed
/// alone gives the same message; no message refers to another (each is parsed alone at run time).
#[test]
fn each_entry_parses_alone_to_the_same_message() {
    for lang in Lang::ALL {
        let full = resource(lang);
        let cat = catalogue(lang);
        let order = cat.order();
        let mut count = 0;
        for entry in full.entries() {
            let ast::Entry::Message(m) = entry else {
                continue;
            };
            count += 1;
            let (_, text) = cat
                .entry(m.id.name)
                .unwrap_or_else(|| panic!("i18n/{lang}.ftl: the line scan misses `{}`", m.id.name));
            let alone = match FluentResource::try_new(text.to_string()) {
                Ok(alone) => alone,
                Err((_, errors)) => panic!("i18n/{lang}.ftl: `{}` alone: {errors:?}", m.id.name),
            };
            // A `# note` above a message belongs to it in the full parse, not alone: compare
            // what is formatted.
            let parsed: Vec<_> = alone
                .entries()
                .filter_map(|e| match e {
                    ast::Entry::Message(alone) => Some((&alone.value, &alone.attributes)),
                    _ => None,
                })
                .collect();
            assert_eq!(
                parsed,
                [(&m.value, &m.attributes)],
                "i18n/{lang}.ftl: `{}` alone differs",
                m.id.name
            );
            let debug = format!("{:?}", m.value);
            assert!(
                !debug.contains("MessageReference") && !debug.contains("TermReference"),
                "i18n/{lang}.ftl: `{}` refers to another message or term",
                m.id.name
            );
        }
        assert_eq!(
            order.len(),
            count,
            "i18n/{lang}.ftl: the line scan finds other entries"
        );
        // The table build.rs made is the one a run-time scan makes, sorted for a search.
        let Spans::Built(built) = cat.spans else {
            panic!("i18n/{lang}.ftl is not indexed at build time");
        };
        assert_eq!(built, table(source(lang)).as_slice(), "i18n/{lang}.ftl");
        assert_eq!(built.len(), count);
    }
}

#[test]
fn both_languages_have_the_same_messages_and_variables() {
    let en = messages(Lang::En);
    for lang in Lang::ALL {
        let other = messages(lang);
        let missing: Vec<_> = en.keys().filter(|k| !other.contains_key(*k)).collect();
        let extra: Vec<_> = other.keys().filter(|k| !en.contains_key(*k)).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "i18n/{lang}.ftl: missing {missing:?}, not in English {extra:?}"
        );
        for (key, vars) in &en {
            assert_eq!(
                &other[key], vars,
                "i18n/{lang}.ftl: `{key}` uses other variables"
            );
        }
    }
}

fn files(dir: &Path, ext: &[&str], out: &mut Vec<PathBuf>) {
    let Ok(read) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in read.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if ext.iter().any(|e| path.to_string_lossy().ends_with(e)) {
            out.push(path);
        }
    }
}

/// Source files that may name keys: the Rust code (not this module), templates, the room's page.
fn sources() -> Vec<(PathBuf, String)> {
    let mut paths = Vec::new();
    files(&root().join("src"), &[".rs", ".js", ".html"], &mut paths);
    files(&root().join("templates"), &[".hbs"], &mut paths);
    paths
        .into_iter()
        .filter(|p| !p.starts_with(root().join("src/i18n")) && !p.ends_with("src/i18n.rs"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).unwrap_or_default();
            (p, text)
        })
        .collect()
}

#[test]
fn every_key_the_code_names_exists() {
    // `t(lang, "k")`, `tf(lang, "k", …)`, `tn(lang, "k", n)`, `msg("k", …)`, `lookup(lang, "k")`,
    // also through a path (`i18n::t`); `{{t "k"}}` in templates.
    let call = regex_lite::Regex::new(
        r#"\b(?:t|tf|tn|msg|lookup)\(\s*(?:[A-Za-z_][A-Za-z0-9_.:()]*\s*,\s*)?"([a-z][a-z0-9_-]*(?:\.[a-z0-9_-]+)+)""#,
    )
    .unwrap();
    let helper = regex_lite::Regex::new(r#"\{\{~?\s*t\s+"([^"]+)""#).unwrap();
    let en = messages(Lang::En);
    let mut unknown = Vec::new();
    let mut seen = 0;
    for (path, text) in sources() {
        for cap in call.captures_iter(&text).chain(helper.captures_iter(&text)) {
            let key = &cap[1];
            seen += 1;
            if !en.contains_key(key) {
                unknown.push(format!("{}: `{key}`", path.display()));
            }
        }
    }
    assert!(
        seen > 500,
        "the scan found only {seen} uses: is the pattern still right?"
    );
    assert!(
        unknown.is_empty(),
        "keys missing from i18n/*.ftl:\n{}",
        unknown.join("\n")
    );
}

#[test]
fn every_message_is_used() {
    let texts: Vec<String> = sources().into_iter().map(|(_, text)| text).collect();
    let mut unused = Vec::new();
    for key in messages(Lang::En).keys() {
        if DYNAMIC.iter().any(|(prefix, _)| key.starts_with(prefix)) {
            continue;
        }
        let quoted = format!("\"{key}\"");
        if !texts.iter().any(|text| text.contains(&quoted)) {
            unused.push(key.clone());
        }
    }
    assert!(
        unused.is_empty(),
        "messages no code names (remove them from i18n/*.ftl, or add a prefix to DYNAMIC \
         with the reason):\n{}",
        unused.join("\n")
    );
}

#[test]
fn keys_lists_the_english_messages_as_rust_keys() {
    let en = messages(Lang::En);
    let listed: Vec<&str> = keys().collect();
    assert_eq!(listed.len(), en.len());
    assert!(listed.contains(&"help.calc.sample-size.about"));
    assert!(listed.iter().all(|k| en.contains_key(*k)));
}

#[test]
fn ids_map_both_ways() {
    for key in [
        "report.footer",
        "help.calc.sample-size.arg.cluster_cv",
        "col.id",
    ] {
        assert_eq!(rust_key(&fluent_id(key)), key);
    }
    assert_eq!(
        fluent_id("help.calc.sample-size.about"),
        "help-calc-sample--size-about"
    );
}

#[test]
fn fills_placeholders() {
    assert_eq!(
        tf(Lang::Pt, "error.unknown_method", &[("id", &"x")]),
        "método desconhecido `x`"
    );
}

#[test]
fn fills_placeholders_once_and_keeps_other_braces() {
    assert_eq!(
        tf(Lang::En, "error.unknown_method", &[("id", &"{id}")]),
        "unknown method `{id}`"
    );
    assert_eq!(
        tf(Lang::En, "run.session", &[("path", &"{{#if x}}{path}")]),
        "session: {{#if x}}{path}"
    );
    // A variable not given stays as `{name}`, as `t` gives it.
    assert_eq!(
        tf(Lang::En, "error.unknown_method", &[]),
        "unknown method `{id}`"
    );
    assert_eq!(t(Lang::En, "error.unknown_method"), "unknown method `{id}`");
}

#[test]
fn no_bidi_isolation_marks() {
    let text = tf(Lang::En, "error.unknown_method", &[("id", &"x")]);
    assert!(!text.contains(['\u{2068}', '\u{2069}']), "{text:?}");
}

#[test]
fn plurals_follow_cldr_in_each_language() {
    let count = |lang, n| tn(lang, "portfolio.count", n);
    assert_eq!(count(Lang::En, 0), "0 sessions");
    assert_eq!(count(Lang::En, 1), "1 session");
    assert_eq!(count(Lang::En, 2), "2 sessions");
    // European Portuguese (pt-PT): only 1 is singular; Brazilian rules would say "0 sessão".
    assert_eq!(count(Lang::Pt, 0), "0 sessões");
    assert_eq!(count(Lang::Pt, 1), "1 sessão");
    assert_eq!(count(Lang::Pt, 2), "2 sessões");
    assert_eq!(count(Lang::Pt, 1_000_000), "1000000 sessões");
}

#[test]
fn numbers_given_as_text_print_unchanged() {
    for n in ["007", "1.50", "-0", "1 000", "12345678901234567890"] {
        assert_eq!(
            tf(Lang::En, "error.unknown_method", &[("id", &n)]),
            format!("unknown method `{n}`")
        );
    }
}

#[test]
fn t_is_the_same_str_each_time() {
    let a = t(Lang::Pt, "report.footer");
    let b = t(Lang::Pt, "report.footer");
    assert!(std::ptr::eq(a, b));
    assert_eq!(t(Lang::En, "no.such.key"), "no.such.key");
    assert_eq!(lookup(Lang::En, "no.such.key"), None);
}

#[test]
fn counts_agree_in_every_message_that_prints_one() {
    // Messages that printed "1 dots", "1 rows added", "1 fields" before they became plural
    // selects; each case is the count variable, the other arguments, and the expected text.
    type Args<'a> = &'a [(&'a str, &'a dyn std::fmt::Display)];
    let cases: &[(&str, Args, &str, &str)] = &[
        (
            "vote.in_turn",
            &[("dots", &1)],
            "Participants vote in turn here, 1 dot each",
            "Os participantes votam aqui à vez, 1 ponto cada",
        ),
        (
            "vote.in_turn",
            &[("dots", &3)],
            "Participants vote in turn here, 3 dots each",
            "Os participantes votam aqui à vez, 3 pontos cada",
        ),
        (
            "room.err.budget",
            &[("n", &1)],
            "That is more than your 1 dot.",
            "São mais do que o seu 1 ponto.",
        ),
        (
            "room.refuse.budget",
            &[("dots", &1), ("placed", &2)],
            "You have 1 dot and placed 2.",
            "Tem 1 ponto e colocou 2.",
        ),
        (
            "validate.too_many_selections",
            &[("m", &2), ("n", &1)],
            "asks for 2 selections but there is only 1 choice",
            "pede 2 seleções, mas só há 1 opção",
        ),
        (
            "stats.ratio_count",
            &[("parts", &1), ("arms", &2)],
            "has 1 part but there are 2 arms; give one part per arm",
            "tem 1 parte, mas há 2 braços; indique uma parte por braço",
        ),
        (
            "stats.field_count",
            &[("count", &1), ("expected", &3)],
            "has 1 field, expected 3 (as in the header)",
            "tem 1 campo; esperavam-se 3 (como no cabeçalho)",
        ),
        (
            "analyse.ragged",
            &[("found", &1), ("expected", &2)],
            "this row has 1 field, the header 2",
            "esta linha tem 1 campo, o cabeçalho 2",
        ),
    ];
    for (key, args, en, pt) in cases {
        assert_eq!(tf(Lang::En, key, args), *en);
        assert_eq!(tf(Lang::Pt, key, args), *pt);
    }
    let appended = |lang| {
        tf(
            lang,
            "assign.appended",
            &[
                ("file", &"u.csv"),
                ("rows", &1),
                ("batch", &2),
                ("earlier", &1),
                ("totals", &"a 1"),
            ],
        )
    };
    assert_eq!(
        appended(Lang::En),
        "u.csv: 1 row added (batch 2) after the 1 assigned before, which is unchanged; rows per arm in all: a 1"
    );
    assert_eq!(
        appended(Lang::Pt),
        "u.csv: 1 linha acrescentada (lote 2) depois da 1 já atribuída, que fica igual; linhas por braço no total: a 1"
    );
}

/// The search table: sorted by id, an id given twice keeps its first entry, a comment ends an
/// entry and indented lines continue it.
#[test]
fn the_index_keeps_the_first_of_an_id_given_twice() {
    let source = "b = 2\na = 1\nb = 3\n# c\nc =\n    x\n";
    assert_eq!(
        index::sorted_spans(source),
        [("a", 6, 12), ("b", 0, 6), ("c", 22, 32)]
    );
    assert_eq!(index::entry_spans(source).len(), 4);
}
