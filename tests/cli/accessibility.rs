//! Accessibility in a real browser (issue 18): every built-in method's HTML report in English
//! and in Portuguese (both from the English answers, as a lab that ran the session in English
//! would print it for a Portuguese reader), the portfolio dashboard, and the room's pages
//! (waiting, a list, a vote, the results) are loaded one after another in one headless
//! Chromium (`browser.rs`) at 320 × 800 CSS px, as a phone, and each must pass:
//!
//! - axe-core (pinned in tests/a11y/package-lock.json, installed by `.ci/run` with `npm ci` into
//!   a cache folder; `LABKIT_AXE` names its `axe.min.js` elsewhere) for WCAG 2.0/2.1 A and AA and
//!   axe's best practices, with no violation at all;
//! - what axe cannot judge: no sideways scrolling at 320 px, measured in the browser; every
//!   `svg[role=img]` has a name and is described by a table on the page (`aria-describedby`);
//!   every piece of chart text is drawn at 12 px or more at that width; in forced colours
//!   (emulated), chart text and bars do not take the page's background colour.
//!
//! `.ci/run` sets `LABKIT_A11Y=required`: there a missing browser or axe fails the test with
//! what to install. Elsewhere (a developer's machine without them) the test prints a notice and
//! passes without running; `LABKIT_SKIP_BROWSER=1` skips it as it does the room's browser test.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use serde_json::{Value, json};

use labkit::lang::Lang;
use labkit::library::Library;
use labkit::method::{Document, Method};
use labkit::report;
use labkit::session::{MethodRef, Session, Status};

use crate::browser::{self, Browser};
use crate::pty::{ENTER, at, expect, send, type_at};
use crate::support::{Lab, fixture};

/// The rules axe runs: WCAG 2.0 and 2.1, levels A and AA, and its best practices.
const AXE_TAGS: &str = r#"["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]"#;

/// A phone held upright, the narrowest width WCAG's reflow criterion (1.4.10) names.
const NARROW: (u32, u32) = (320, 800);

/// Whether this run must check (CI), so that a missing tool is a failure, not a skip.
fn required() -> bool {
    std::env::var("LABKIT_A11Y").is_ok_and(|v| v == "required")
}

/// The axe-core script: `LABKIT_AXE`, else where `.ci/run` installs it.
fn axe_path() -> PathBuf {
    if let Some(path) = std::env::var_os("LABKIT_AXE") {
        return PathBuf::from(path);
    }
    let cache = std::env::var_os("XDG_CACHE_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cache")))
        .unwrap_or_else(|| PathBuf::from(".cache"));
    cache.join("labkit/a11y/node_modules/axe-core/axe.min.js")
}

/// The version pinned in tests/a11y/package.json.
fn pinned_axe() -> String {
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/a11y/package.json"),
    )
    .unwrap();
    let json: Value = serde_json::from_str(&text).unwrap();
    json["dependencies"]["axe-core"]
        .as_str()
        .unwrap()
        .to_owned()
}

fn chromium_runs() -> bool {
    let names = match std::env::var("LABKIT_CHROMIUM") {
        Ok(name) => vec![name],
        Err(_) => vec![
            "chromium".into(),
            "chromium-browser".into(),
            "google-chrome".into(),
        ],
    };
    names.iter().any(|name| {
        Command::new(name)
            .arg("--version")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success())
    })
}

/// The axe script, or `None` when the tools are missing on a machine that may skip.
fn tools() -> Option<String> {
    if browser::skipped() && !required() {
        eprintln!("LABKIT_SKIP_BROWSER=1: the accessibility test did not run");
        return None;
    }
    let axe = axe_path();
    let missing = match (chromium_runs(), axe.exists()) {
        (true, true) => None,
        (false, _) => {
            Some("Chromium (`apt-get install -y chromium`, or LABKIT_CHROMIUM=path)".to_owned())
        }
        (true, false) => Some(format!(
            "axe-core at {} (`bash .ci/run` installs it: npm ci in tests/a11y's lock, or set \
             LABKIT_AXE=path/to/axe.min.js)",
            axe.display()
        )),
    };
    if let Some(what) = missing {
        assert!(
            !required(),
            "LABKIT_A11Y=required and the accessibility test lacks {what}"
        );
        eprintln!("notice: the accessibility test did not run: it needs {what}");
        return None;
    }
    Some(std::fs::read_to_string(axe).unwrap())
}

fn session_for(method: &Method, answers: &Path) -> Session {
    let method_ref = MethodRef {
        id: method.id.clone(),
        version: method.version,
        hash: method.content_hash.clone(),
        playbook: false,
        source: None,
    };
    let mut session = Session::new(method_ref, "en", "2026-11-26T09:30:00Z");
    session.labkit_version = "test".into();
    session.lab = Some("LabX — Centro para a Inovação no Setor Público".into());
    session.facilitator = Some("Ana Sousa".into());
    session.participants = vec!["Rui Costa".into(), "Eva Martins".into()];
    session.updated = "2026-11-26T11:00:00Z".into();
    session.finished = Some("2026-11-26T11:00:00Z".into());
    session.status = Status::Finished;
    let supplied = labkit::session::load_answers(answers).unwrap();
    let issues = labkit::engine::fill(
        method,
        &mut session,
        &supplied,
        false,
        Lang::En,
        "2026-11-26",
    );
    assert!(issues.is_empty(), "{}: {issues:?}", method.id);
    session
}

/// Every built-in method's HTML report, in both languages, written to `dir`: their paths.
fn reports(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in Library::load_layers(&[]).entries() {
        let Document::Method(method) = &entry.doc else {
            continue;
        };
        let session = session_for(method, &fixture(&format!("answers/{}.yaml", method.id)));
        let template = report::find_template(None, &method.id, &[], Path::new(".")).unwrap();
        for lang in Lang::ALL {
            let html = report::render(method, &session, &template, lang)
                .unwrap()
                .to_html();
            let path = dir.join(format!("{}.{lang}.html", method.id));
            std::fs::write(&path, html).unwrap();
            out.push(path);
        }
    }
    assert!(out.len() >= 48, "only {} reports", out.len());
    out
}

/// Every built-in playbook's HTML report, run from its example answers in each language (the
/// Portuguese ones from the Portuguese answers): their paths.
fn playbook_reports(lab: &Lab) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in Library::load_layers(&[]).entries() {
        let Document::Playbook(playbook) = &entry.doc else {
            continue;
        };
        for lang in Lang::ALL {
            let dir = if lang == Lang::Pt {
                "answers-pt"
            } else {
                "answers"
            };
            let answers = fixture(&format!("{dir}/playbooks/{}.yaml", playbook.id));
            let session = format!("playbook-{}.{lang}.yaml", playbook.id);
            let report = format!("playbook-{}.{lang}.html", playbook.id);
            lab.run(&[
                "--lang",
                lang.code(),
                "run",
                &playbook.id,
                "--answers",
                answers.to_str().unwrap(),
                "--session",
                &session,
                "--report",
                &report,
            ])
            .ok();
            out.push(lab.path().join(report));
        }
    }
    assert!(out.len() >= 12, "only {} playbook reports", out.len());
    out
}

/// The portfolio dashboard of a few sessions, in both languages.
fn portfolio(lab: &Lab) -> Vec<PathBuf> {
    for id in ["brainstorm", "test-card", "assumptions-map"] {
        let answers = fixture(&format!("answers/{id}.yaml"));
        let session = format!("sessions/{id}.yaml");
        lab.run(&[
            "run",
            id,
            "--answers",
            answers.to_str().unwrap(),
            "--session",
            &session,
        ])
        .ok();
    }
    Lang::ALL
        .iter()
        .map(|lang| {
            let html = lab
                .run(&[
                    "--lang",
                    lang.code(),
                    "portfolio",
                    "sessions",
                    "--format",
                    "html",
                ])
                .ok()
                .stdout;
            lab.write(&format!("portfolio.{lang}.html"), html)
        })
        .collect()
}

/// What is wrong with the page now shown, beyond axe: sideways scrolling, a chart without a
/// name or a linked table, chart text under 12 px as drawn.
const CHECKS: &str = r#"(() => {
  const problems = [];
  const over = document.documentElement.scrollWidth - window.innerWidth;
  if (over > 0) problems.push(`the page scrolls sideways by ${over} px at ${window.innerWidth} px`);
  for (const svg of document.querySelectorAll('svg[role=img]')) {
    const name = (svg.getAttribute('aria-label') || '').trim();
    const what = `chart "${name.slice(0, 50)}"`;
    if (!name) problems.push('a chart without an accessible name');
    const described = (svg.getAttribute('aria-describedby') || '').split(/\s+/)
      .filter(Boolean).map(id => document.getElementById(id)).filter(Boolean);
    if (!described.some(e => e.matches('table') || e.querySelector('table')))
      problems.push(`${what} is described by no table on the page`);
    const scale = svg.getScreenCTM().a;
    const small = [...svg.querySelectorAll('text')]
      .map(t => parseFloat(getComputedStyle(t).fontSize) * scale)
      .filter(px => px < 11.95);
    if (small.length) problems.push(`${what}: ${small.length} texts under 12 px (smallest ${Math.min(...small).toFixed(1)} px)`);
  }
  return problems;
})()"#;

/// Runs axe and the checks on the page now open: one line per problem.
fn audit(b: &mut Browser, axe: &str) -> Vec<String> {
    if b.eval("typeof window.axe") != json!("object") {
        b.eval(axe);
    }
    let violations = b.eval(&format!(
        "axe.run(document, {{ runOnly: {{ type: 'tag', values: {AXE_TAGS} }}, resultTypes: ['violations'] }})
           .then(r => r.violations.map(v => `axe ${{v.id}} (${{v.impact}}): ${{v.help}} — ` +
             v.nodes.slice(0, 3).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 100)).join(' | ')))"
    ));
    let mut out: Vec<String> = violations
        .as_array()
        .unwrap()
        .iter()
        .chain(b.eval(CHECKS).as_array().unwrap())
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect();
    out.dedup();
    out
}

/// In forced colours (as Windows' contrast themes), chart text and bars must not vanish into
/// the page's background.
fn forced_colours_keep_charts_visible(b: &mut Browser) -> Vec<String> {
    b.call(
        "Emulation.setEmulatedMedia",
        json!({ "features": [{ "name": "forced-colors", "value": "active" }] }),
    );
    let problems = b.eval(
        r#"(() => {
      const bg = getComputedStyle(document.body).backgroundColor;
      const out = [];
      for (const e of document.querySelectorAll('.chart svg text:not(.ptn), .chart svg rect.bar, .chart svg circle.pt')) {
        const fill = getComputedStyle(e).fill;
        if (fill === bg) out.push(`forced colours: ${e.tagName} drawn in the background colour ${bg}`);
      }
      // A point's number is drawn on its disc.
      const disc = document.querySelector('.chart svg circle.pt');
      for (const e of document.querySelectorAll('.chart svg text.ptn')) {
        if (getComputedStyle(e).fill === getComputedStyle(disc).fill) out.push('forced colours: a number drawn in its disc colour');
      }
      if (!matchMedia('(forced-colors: active)').matches) out.push('forced colours not emulated');
      return [...new Set(out)];
    })()"#,
    );
    b.call("Emulation.setEmulatedMedia", json!({ "features": [] }));
    problems
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap_or_default().to_owned())
        .collect()
}

/// A room with a list and a vote open to it, like `room_browser.rs`'s.

#[test]
fn every_report_the_portfolio_and_the_room_pass_axe_and_reflow_at_320_px() {
    let Some(axe) = tools() else { return };
    let started = Instant::now();
    let lab = Lab::new();
    let dir = lab.path().join("pages");
    std::fs::create_dir_all(&dir).unwrap();
    let mut pages = reports(&dir);
    pages.extend(playbook_reports(&lab));
    pages.extend(portfolio(&lab));

    let mut b = Browser::launch();
    b.size(NARROW.0, NARROW.1, true);
    let version = b.eval(&format!("{axe}; axe.version"));
    assert_eq!(
        version,
        json!(pinned_axe()),
        "axe-core is not the pinned version"
    );
    let mut failures = Vec::new();
    let mut audited = 0;
    for page in &pages {
        let url = format!("file://{}", page.display());
        b.open(&url);
        let name = page.file_name().unwrap().to_string_lossy().into_owned();
        for problem in audit(&mut b, &axe) {
            failures.push(format!("{name}: {problem}"));
        }
        if b.eval("document.querySelector('.chart svg') !== null") == json!(true) {
            for problem in forced_colours_keep_charts_visible(&mut b) {
                failures.push(format!("{name}: {problem}"));
            }
        }
        audited += 1;
    }

    for failure in &failures {
        eprintln!("{failure}");
    }

    // The room's pages, served by a running room.
    let (mut p, url) = crate::room_browser::open_room(&lab);
    let mut room_page = |b: &mut Browser, name: &str, failures: &mut Vec<String>| {
        for problem in audit(b, &axe) {
            failures.push(format!("room {name}: {problem}"));
        }
        audited += 1;
    };
    b.open(&url);
    b.wait_for(
        "document.getElementById('main').dataset.state === 'waiting'",
        10,
    );
    room_page(&mut b, "waiting", &mut failures);
    type_at(
        &mut p,
        "The challenge",
        "How might we help citizens renew on time?",
    );
    at(&mut p, "nothing yet");
    b.open(&url);
    b.wait_for("document.getElementById('add-text')", 10);
    b.type_into("#add-text", "SMS reminder");
    b.click("form.add button[type=submit]");
    b.wait_for("document.querySelectorAll('ol.mine li').length === 1", 10);
    expect(&mut p, "SMS reminder");
    room_page(&mut b, "list", &mut failures);
    send(&mut p, ENTER);
    at(&mut p, "press Enter again");
    send(&mut p, ENTER);
    b.wait_for("document.getElementById('d0')", 10);
    room_page(&mut b, "vote", &mut failures);
    b.open(&format!("{url}/results"));
    send(&mut p, "/r");
    send(&mut p, ENTER);
    expect(&mut p, "results are now shown");
    b.wait_for("document.querySelector('main table')", 10);
    room_page(&mut b, "results", &mut failures);
    drop(p);

    eprintln!(
        "accessibility: {audited} pages through axe-core {} and the reflow checks in {:.1} s",
        version.as_str().unwrap_or_default(),
        started.elapsed().as_secs_f64()
    );
    assert!(
        failures.is_empty(),
        "{} accessibility problems:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Language of parts (WCAG 3.1.2): a Portuguese report of a session run in English keeps its
/// answers marked `lang="en"`, while the method's own text is in Portuguese.
#[test]
fn a_portuguese_report_of_an_english_session_marks_its_answers_english() {
    let Some(_) = tools() else { return };
    let lab = Lab::new();
    let library = Library::load_layers(&[]);
    let Some(Document::Method(method)) = library
        .entries()
        .map(|e| &e.doc)
        .find(|d| matches!(d, Document::Method(m) if m.id == "brainstorm"))
    else {
        panic!("no brainstorm method");
    };
    let session = session_for(method, &fixture("answers/brainstorm.yaml"));
    let template = report::find_template(None, "brainstorm", &[], Path::new(".")).unwrap();
    let html = report::render(method, &session, &template, Lang::Pt)
        .unwrap()
        .to_html();
    let page = lab.write("brainstorm.pt.html", html);
    let mut b = Browser::launch();
    b.open(&format!("file://{}", page.display()));
    let langs = b.eval(
        r#"(() => {
      const of = text => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode())
          if (n.data.includes(text)) return n.parentElement.closest('[lang]').lang;
        return 'missing';
      };
      return [of('How might we make it easy'), of('O desafio')];
    })()"#,
    );
    assert_eq!(langs, json!(["en", "pt"]));
}
