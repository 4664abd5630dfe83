//! A language a lab adds as a file, beyond the pseudo-language's full session and report
//! (pseudo.rs): a regional tag that falls back to its base language, `--help` in it, its own
//! number separators, Word's proofing language, and the room serving each phone the language
//! its browser asks for.

use std::io::Read;

use crate::http_client::Device;
use crate::pty::labkit;
use crate::support::{Lab, fixture, only_session};

/// A lab with `qps` (a few messages) and its regional `qps-MX` (one message of its own), and a
/// method named in both.
fn lab() -> Lab {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: LabX\n");
    lab.write(
        "i18n/qps.ftl",
        "col-id = QID\ncol-name = QNAME\nhelp-about = Qps about labkit\nhelp-builtin-usage = Qusage\n\
         number-decimal = ,\nnumber-group = .\nroom-waiting_title = Qwaiting\nstats-summary-power = Qpower\n",
    );
    lab.write("i18n/qps-MX.ftl", "col-name = MXNAME\n");
    lab.write(
        "methods/mine.yaml",
        "schema: 1\nid: mine\nname: { en: Mine, qps: QMine, qps-MX: MXMine }\n\
         summary: { en: Mine to test., qps: Qsummary }\nstage: ideation\nduration: 20m\n\
         steps:\n  - id: one\n    title: One\n    questions:\n      - id: ideas\n        type: list\n        prompt: Ideas\n",
    );
    lab
}

/// Runs `method` in `lang` from its English answers fixture; the session file.
fn run_from_answers(lab: &Lab, lang: &str, method: &str) -> std::path::PathBuf {
    let answers = std::fs::read_to_string(fixture(&format!("answers/{method}.yaml"))).unwrap();
    lab.write("answers.yaml", answers);
    lab.run(&[
        "--lang",
        lang,
        "run",
        method,
        "--answers",
        "answers.yaml",
        "--no-input",
        "--facilitator",
        "Ana",
    ])
    .ok();
    only_session(lab)
}

#[test]
fn a_regional_language_falls_back_to_its_base_language_then_english() {
    let lab = lab();
    let mx = lab.run(&["--lang", "qps-MX", "list"]).ok().stdout;
    // Its own word, its base language's, then English for the rest.
    assert!(mx.contains("MXNAME") && mx.contains("QID"), "{mx}");
    assert!(mx.contains("MXMine"), "{mx}");
    let card = lab.run(&["--lang", "qps-MX", "show", "mine"]).ok().stdout;
    assert!(
        card.contains("MXMine") && card.contains("Qsummary"),
        "{card}"
    );
    assert!(mx.contains("Stage"), "{mx}");
    // Any case and the locale form name the same language.
    let locale = lab.run(&["--lang", "QPS_mx", "list"]).ok().stdout;
    assert_eq!(locale, mx);
    // The base language alone, and a region with no file of its own.
    for code in ["qps", "qps-BR"] {
        let base = lab.run(&["--lang", code, "list"]).ok().stdout;
        assert!(
            base.contains("QNAME") && base.contains("QMine"),
            "{code}: {base}"
        );
        assert!(!base.contains("MX"), "{code}: {base}");
    }
    // `validate` counts the base language's words as the regional one's.
    let err = lab.run(&["validate", "--lang", "qps-MX"]).code(1).stderr;
    assert!(
        !err.contains(".ftl: col-id:") && !err.contains(".ftl: col-name:"),
        "{err}"
    );
    assert!(err.contains("qps-MX.ftl: col-stage:"), "{err}");
    assert!(!err.contains("mine.yaml"), "{err}");
    // The system's locale names it too.
    let from_locale = lab.env("LANG", "qps_MX.UTF-8").run(&["list"]).ok().stdout;
    assert!(from_locale.contains("MXNAME"), "{from_locale}");
}

#[test]
fn help_speaks_an_added_language() {
    let lab = lab();
    let help = lab.run(&["--lang", "qps", "--help"]).ok().stdout;
    assert!(help.starts_with("Qps about labkit"), "{help}");
    assert!(help.contains("Qusage:"), "{help}");
    // Untranslated help texts fall back to English.
    assert!(help.contains("Commands:"), "{help}");
    let lab = lab.env("LABKIT_LANG", "qps-MX");
    let help = lab.run(&["run", "--help"]).ok().stdout;
    assert!(help.contains("Qusage:"), "{help}");
    // A language with no file gives English help (the command itself would refuse it).
    let help = lab.run(&["--lang", "zz", "--help"]).ok().stdout;
    assert!(help.contains("Usage:"), "{help}");
}

#[test]
fn numbers_follow_the_added_languages_separators() {
    let lab = lab();
    let calc = [
        "calc",
        "sample-size",
        "--baseline",
        "0.10",
        "--target",
        "0.11",
    ];
    let out = lab
        .run(&[&["--lang", "qps"][..], &calc].concat())
        .ok()
        .stdout;
    assert!(out.contains("14.750,79") && out.contains("14.751"), "{out}");
    // Its words too, where it has them.
    assert!(out.contains("  Qpower: 0,8"), "{out}");
    // The regional language inherits them.
    let mx = lab
        .run(&[&["--lang", "qps-MX"][..], &calc].concat())
        .ok()
        .stdout;
    assert!(mx.contains("14.751"), "{mx}");
    let en = lab.run(&calc).ok().stdout;
    assert!(en.contains("14,750.79"), "{en}");

    // In a report: figures in tables and inside a sentence's message (`{{t … amount=…}}`).
    let session = run_from_answers(&lab, "qps", "cost-value");
    let report = lab
        .run(&["report", session.to_str().unwrap(), "--format", "md"])
        .ok()
        .stdout;
    assert!(
        report.contains("€339.000 for 172.800 extra outcomes"),
        "{report}"
    );
    assert!(report.contains("**€1,96**"), "{report}");
}

#[test]
fn word_proofs_an_added_language_with_its_own_tag() {
    let lab = lab();
    let session = run_from_answers(&lab, "qps-MX", "test-card");
    let saved = std::fs::read_to_string(&session).unwrap();
    assert!(saved.contains("language: qps-MX"), "{saved}");
    lab.run(&[
        "report",
        session.to_str().unwrap(),
        "--format",
        "docx",
        "-o",
        "card.docx",
    ])
    .ok();
    let file = std::fs::File::open(lab.path().join("card.docx")).unwrap();
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut part = |name: &str| {
        let mut text = String::new();
        zip.by_name(name)
            .unwrap()
            .read_to_string(&mut text)
            .unwrap();
        text
    };
    let styles = part("word/styles.xml");
    assert!(styles.contains(r#"<w:lang w:val="qps-MX""#), "{styles}");
    assert!(part("docProps/core.xml").contains("<dc:language>qps-MX</dc:language>"));
}

/// A brainstorm run in English with the room on loopback: a phone whose browser asks for the
/// lab's added language (not the session's) gets its page in it.
#[test]
fn the_room_serves_each_phone_the_added_language_it_asks_for() {
    let lab = lab();
    let args = [
        "run",
        "brainstorm",
        "--no-timer",
        "--facilitator",
        "Ana",
        "--room",
        "--room-bind",
        "127.0.0.1",
        "--room-port",
        "0",
    ];
    let mut p = labkit(&lab, 100, &args);
    let (addr, code) = crate::room_crowd::address(&mut p);
    for (asks, lang, title) in [
        ("qps-MX,qps;q=0.8", "qps-MX", "Qwaiting"),
        ("qps", "qps", "Qwaiting"),
        ("en-GB", "en", "Waiting for the next question"),
    ] {
        let mut phone = Device {
            lang: Some(asks),
            ..Device::new()
        };
        let page = phone.get(addr, &format!("/r/{code}"));
        assert_eq!(page.status, 200, "{page:?}");
        assert!(
            page.body.contains(&format!("<html lang=\"{lang}\">")),
            "{asks}: {}",
            page.body
        );
        assert!(page.body.contains(title), "{asks}: {}", page.body);
    }
    p.send_control('c').unwrap();
    p.exp_eof().unwrap();
}

/// `labkit new language` starts a translation from the embedded messages, where labkit looks
/// for it; it never overwrites and refuses a built-in or malformed tag.
#[test]
fn new_language_writes_the_messages_to_translate() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: LabX\n");
    let run = lab.run(&["new", "language", "qps_mx"]).ok();
    assert!(
        run.stderr.contains("validate --lang qps-MX"),
        "{}",
        run.stderr
    );
    let file = std::fs::read_to_string(lab.path().join("i18n/qps-MX.ftl")).unwrap();
    assert!(
        file.starts_with("# labkit's own words in `qps-MX`"),
        "{file}"
    );
    assert!(file.contains("\ncol-name = Name\n"), "{file}");
    // As it is, the language speaks English, and nothing is left untranslated-in-form.
    let list = lab.run(&["--lang", "qps-MX", "list"]).ok().stdout;
    assert!(list.contains("Name"), "{list}");
    // A Portuguese variant starts from the Portuguese messages.
    lab.run(&["new", "language", "pt-BR"]).ok();
    let file = std::fs::read_to_string(lab.path().join("i18n/pt-BR.ftl")).unwrap();
    assert!(file.contains("\ncol-name = Nome\n"), "{file}");
    for (args, says) in [
        (&["new", "language", "qps-MX"][..], "already exists"),
        (&["new", "language", "pt"], "built into labkit"),
        (&["new", "language", "e1"], "not a language tag"),
        (&["new", "language", "qpz", "--from", "fr"], "`en` or `pt`"),
    ] {
        let err = lab.run(args).code(2).stderr;
        assert!(err.contains(says), "{args:?}: {err}");
    }
}

/// A variant of a built-in language (`pt-BR` beside labkit's European `pt`): the locale names
/// it once its file is there, its own words win, the rest is labkit's Portuguese, and a
/// session keeps it for the report.
#[test]
fn a_variant_of_a_built_in_language_is_its_own_once_its_file_is_there() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: LabBR\n");
    let locale = lab.env("LANG", "pt_BR.UTF-8");
    // Without the file, pt_BR is labkit's Portuguese.
    let list = locale.run(&["list"]).ok().stdout;
    assert!(list.contains("Nome") && list.contains("Fase"), "{list}");
    locale.write("i18n/pt-BR.ftl", "col-name = Nome (BR)\n");
    let list = locale.run(&["list"]).ok().stdout;
    assert!(
        list.contains("Nome (BR)") && list.contains("Fase"),
        "{list}"
    );
    let help = locale.run(&["--help"]).ok().stdout;
    assert!(help.contains("Utilização:"), "{help}");
    let answers = std::fs::read_to_string(fixture("answers-pt/test-card.yaml")).unwrap();
    locale.write("answers.yaml", answers);
    locale
        .run(&[
            "run",
            "test-card",
            "--answers",
            "answers.yaml",
            "--no-input",
        ])
        .ok();
    let session = only_session(&locale);
    let saved = std::fs::read_to_string(&session).unwrap();
    assert!(saved.contains("language: pt-BR"), "{saved}");
    // The session's language holds for its report.
    let report = locale
        .run(&["report", session.to_str().unwrap(), "--format", "html"])
        .ok()
        .stdout;
    assert!(report.contains("<html lang=\"pt-BR\">"), "{report}");
    assert!(report.contains("Cartão de Teste"), "{report}");
}

/// A key hint must keep the keys labkit reads: `validate --lang` names a translated hint that
/// lost one (or names another), and passes one that kept them among words of its own.
#[test]
fn validate_holds_a_translated_hint_to_the_keys_labkit_reads() {
    let lab = Lab::new();
    lab.write("labkit.yaml", "lab: LabX\n");
    lab.write(
        "i18n/qps.ftl",
        "hint-back = ⟦back⟧\nhint-edit = ⟦/e N edita · /d N apaga · /m N M move⟧\n\
         hint-stop = Ctrl-X ⟦stops⟧\n",
    );
    let err = lab.run(&["validate", "--lang", "qps"]).code(1).stderr;
    assert!(
        err.contains("hint-back: names other keys than English: English has <, this file ;"),
        "{err}"
    );
    assert!(
        err.contains("hint-stop: names other keys than English: English has Ctrl-C"),
        "{err}"
    );
    assert!(!err.contains("hint-edit: names"), "{err}");
}
