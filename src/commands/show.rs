//! `labkit show ID`: a method's card as readable text, JSON or YAML.

use std::fmt::Write as _;

use serde::Serialize;

use super::{Outcome, browse_library, library_for_id};
use crate::cli::{CardFormat, ShowArgs};
use crate::error::Error;
use crate::i18n::{t, tf};
use crate::lang::Lang;
use crate::library::{Entry, Library};
use crate::method::{Block, Document, Method, Playbook, Question, QuestionKind, Source, Text};
use crate::output::{Printer, Styled};
use crate::settings::Settings;

pub fn run(args: &ShowArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let Some(id) = &args.id else {
        let library = browse_library(settings, printer);
        printer.data(&catalogue(&library, settings.lang, args.format)?)?;
        return Ok(0);
    };
    let library = library_for_id(settings, printer, id)?;
    let entry = find(&library, id, settings.lang)?;
    match args.format {
        CardFormat::Md => printer.data(&card_markdown(entry, &library, settings.lang))?,
        CardFormat::Json => printer.data(&to_json(entry)?)?,
        CardFormat::Yaml => printer.data(
            &serde_yaml::to_string(&Card::of(entry)).map_err(|e| Error::Input(e.to_string()))?,
        )?,
        CardFormat::Text => {
            let text = match &entry.doc {
                Document::Method(m) => method_card(m, entry, settings.lang),
                Document::Playbook(p) => playbook_card(p, entry, &library, settings.lang),
            };
            printer.styled(&text)?;
        }
    }
    Ok(0)
}

/// Every entry, in stage order then by id: Markdown cards (or JSON/YAML lists).
pub fn catalogue(library: &Library, lang: Lang, format: CardFormat) -> Result<String, Error> {
    let mut entries: Vec<&Entry> = library.entries().collect();
    entries.sort_by_key(|e| (e.doc.is_playbook(), e.doc.stage(), e.doc.id().to_owned()));
    match format {
        CardFormat::Json => {
            let cards: Vec<Card> = entries.iter().map(|e| Card::of(e)).collect();
            serde_json::to_string_pretty(&cards).map_err(|e| Error::Input(e.to_string()))
        }
        CardFormat::Yaml => {
            let cards: Vec<Card> = entries.iter().map(|e| Card::of(e)).collect();
            serde_yaml::to_string(&cards).map_err(|e| Error::Input(e.to_string()))
        }
        CardFormat::Md | CardFormat::Text => {
            let mut out = format!("# {}\n\n", t(lang, "catalogue.title"));
            for e in &entries {
                let _ = writeln!(
                    out,
                    "- [{}](#{}) — {}",
                    e.doc.name().get(lang),
                    e.doc.id(),
                    e.doc.summary().get(lang)
                );
            }
            for e in entries {
                out.push_str("\n---\n\n");
                out.push_str(&card_markdown(e, library, lang));
            }
            Ok(out)
        }
    }
}

/// A method's card in Markdown: what a lab prints and pins to the wall.
pub fn card_markdown(entry: &Entry, library: &Library, lang: Lang) -> String {
    use crate::report::markdown::escape;
    let mut out = String::new();
    let doc = &entry.doc;
    let _ = writeln!(
        out,
        "<a id=\"{}\"></a>\n\n## {}\n\n*{}*\n",
        doc.id(),
        escape(doc.name().get(lang)),
        escape(doc.summary().get(lang))
    );
    match doc {
        Document::Method(m) => {
            let mut facts = vec![
                format!(
                    "**{}:** {}",
                    t(lang, "show.stage"),
                    t(lang, stage_key(m.stage))
                ),
                format!("**{}:** {}", t(lang, "show.duration"), m.duration),
            ];
            if let Some(g) = m.group {
                facts.push(format!(
                    "**{}:** {g} {}",
                    t(lang, "show.group"),
                    t(lang, "show.people")
                ));
            }
            let _ = writeln!(out, "{}\n", facts.join(" · "));
            for (label, items) in [("show.roles", &m.roles), ("show.materials", &m.materials)] {
                if !items.is_empty() {
                    let items: Vec<String> = items.iter().map(|i| escape(i.get(lang))).collect();
                    let _ = writeln!(out, "**{}:** {}\n", t(lang, label), items.join(", "));
                }
            }
            if let Some(when) = &m.when_to_use {
                let _ = writeln!(
                    out,
                    "**{}.** {}\n",
                    t(lang, "show.when_to_use"),
                    when.get(lang).trim()
                );
            }
            if let Some(c) = &m.considerations {
                let _ = writeln!(
                    out,
                    "> **{}.** {}\n",
                    t(lang, "show.considerations"),
                    c.get(lang).trim().replace('\n', "\n> ")
                );
            }
            for (label, ids) in [("show.before", &m.before), ("show.after", &m.after)] {
                if !ids.is_empty() {
                    let links: Vec<String> =
                        ids.iter().map(|id| format!("[{id}](#{id})")).collect();
                    let _ = writeln!(out, "**{}:** {}\n", t(lang, label), links.join(", "));
                }
            }
            let _ = writeln!(out, "### {}\n", t(lang, "show.steps"));
            for (i, step) in m.steps.iter().enumerate() {
                let timebox = step.timebox.map(|d| format!(" ({d})")).unwrap_or_default();
                let _ = writeln!(
                    out,
                    "**{}. {}**{timebox}\n",
                    i + 1,
                    escape(step.title.get(lang))
                );
                if let Some(guide) = &step.guide {
                    let _ = writeln!(out, "{}\n", guide.get(lang).trim());
                }
                for q in &step.questions {
                    let _ = writeln!(out, "- {}", escape(q.prompt.get(lang)));
                }
                if !step.questions.is_empty() {
                    out.push('\n');
                }
            }
            markdown_sources(&mut out, &m.sources, lang);
        }
        Document::Playbook(p) => {
            let _ = writeln!(out, "### {}\n", t(lang, "show.blocks"));
            for (i, block) in p.blocks.iter().enumerate() {
                match block {
                    Block::Method { method, .. } => {
                        let name = library
                            .method(method)
                            .map_or(method.as_str(), |m| m.name.get(lang));
                        let _ = writeln!(out, "{}. [{}](#{method})", i + 1, escape(name));
                    }
                    Block::Break { duration, .. } => {
                        let _ = writeln!(out, "{}. {} ({duration})", i + 1, t(lang, "show.break"));
                    }
                }
            }
            out.push('\n');
            markdown_sources(&mut out, &p.sources, lang);
        }
    }
    out
}

fn markdown_sources(out: &mut String, sources: &[Source], lang: Lang) {
    if sources.is_empty() {
        return;
    }
    let _ = writeln!(out, "**{}:**\n", t(lang, "show.sources"));
    for s in sources {
        let title = crate::report::markdown::escape(&s.title);
        let linked = s
            .url
            .as_ref()
            .map_or(title.clone(), |u| format!("[{title}]({u})"));
        let license = s
            .license
            .as_ref()
            .map(|l| format!(" — {}", crate::report::markdown::escape(l)))
            .unwrap_or_default();
        let _ = writeln!(out, "- {linked}{license}");
    }
    out.push('\n');
}

/// Looks up an id, suggesting the closest ones when it is unknown.
pub fn find<'a>(library: &'a Library, id: &str, lang: Lang) -> Result<&'a Entry, Error> {
    library.get(id).ok_or_else(|| {
        let mut close: Vec<(usize, &str)> = library
            .ids()
            .map(|c| {
                (
                    strsim::damerau_levenshtein(id, c).min(if c.contains(id) {
                        1
                    } else {
                        usize::MAX
                    }),
                    c,
                )
            })
            .filter(|(d, c)| *d <= (id.len().max(c.len()) / 3).max(2))
            .collect();
        close.sort();
        let mut message = tf(lang, "error.unknown_method", &[("id", &id)]);
        if !close.is_empty() {
            let names: Vec<String> = close
                .iter()
                .take(3)
                .map(|(_, c)| format!("`{c}`"))
                .collect();
            let names = names.join(t(lang, "show.or"));
            let hint = tf(lang, "show.did_you_mean", &[("names", &names)]);
            let _ = write!(message, "\n  hint: {hint}");
        } else {
            let _ = write!(message, "\n  hint: {}", t(lang, "show.list_hint"));
        }
        Error::Usage(message)
    })
}

#[derive(Serialize)]
struct Card<'a> {
    #[serde(flatten)]
    doc: &'a Document,
    kind: &'static str,
    origin: String,
    file: &'a str,
}

impl<'a> Card<'a> {
    fn of(entry: &'a Entry) -> Card<'a> {
        Card {
            doc: &entry.doc,
            kind: if entry.doc.is_playbook() {
                "playbook"
            } else {
                "method"
            },
            origin: entry.origin.to_string(),
            file: &entry.file,
        }
    }
}

fn to_json(entry: &Entry) -> Result<String, Error> {
    serde_json::to_string_pretty(&Card::of(entry)).map_err(|e| Error::Input(e.to_string()))
}

/// A method's card for people: its parts styled by the printer, which makes every piece safe
/// for the terminal first.
fn method_card(m: &Method, entry: &Entry, lang: Lang) -> Styled {
    let mut out = Styled::new();
    out.bold(m.name.get(lang))
        .plain("  ")
        .dim(&format!("({})", m.id))
        .plain("\n");
    let _ = writeln!(out, "{}\n", m.summary.get(lang));
    let mut facts = vec![
        format!("{}: {}", t(lang, "show.stage"), t(lang, stage_key(m.stage))),
        format!("{}: {}", t(lang, "show.duration"), m.duration),
    ];
    if let Some(g) = m.group {
        facts.push(format!(
            "{}: {g} {}",
            t(lang, "show.group"),
            t(lang, "show.people")
        ));
    }
    let _ = writeln!(out, "{}", facts.join(" · "));
    list_line(&mut out, t(lang, "show.roles"), &m.roles, lang);
    list_line(&mut out, t(lang, "show.materials"), &m.materials, lang);
    if !m.before.is_empty() {
        let _ = writeln!(out, "{}: {}", t(lang, "show.before"), m.before.join(", "));
    }
    if !m.after.is_empty() {
        let _ = writeln!(out, "{}: {}", t(lang, "show.after"), m.after.join(", "));
    }
    if let Some(when) = &m.when_to_use {
        section(&mut out, t(lang, "show.when_to_use"), when.get(lang));
    }
    if let Some(c) = &m.considerations {
        section(&mut out, t(lang, "show.considerations"), c.get(lang));
    }
    out.plain("\n").bold(t(lang, "show.steps")).plain("\n");
    for (i, step) in m.steps.iter().enumerate() {
        let timebox = step.timebox.map(|d| format!("  [{d}]")).unwrap_or_default();
        let _ = write!(out, "\n{}. ", i + 1);
        out.bold(step.title.get(lang)).dim(&timebox).plain("\n");
        if let Some(guide) = &step.guide {
            guide_lines(&mut out, guide.get(lang));
        }
        for q in &step.questions {
            question_line(&mut out, q, m, lang, "   ");
        }
    }
    sources(&mut out, &m.sources, lang);
    origin_line(&mut out, entry, lang);
    out
}

fn origin_line(out: &mut Styled, entry: &Entry, lang: Lang) {
    out.plain("\n")
        .dim(&format!(
            "{}: {} ({})",
            t(lang, "show.origin"),
            entry.source_text(lang),
            entry.file
        ))
        .plain("\n");
}

fn question_line(out: &mut Styled, q: &Question, m: &Method, lang: Lang, indent: &str) {
    let mut notes = vec![t(lang, type_key(&q.kind)).to_owned()];
    if !q.required {
        notes.push(t(lang, "show.optional").to_owned());
    }
    if let Some(from) = q.kind.items_from() {
        notes.push(format!("{} `{from}`", t(lang, "show.items_from")));
    }
    if let Some(when) = &q.when {
        let cond =
            condition::words(when, &|id| is_confirm(m, id), lang).unwrap_or_else(|| when.clone());
        notes.push(tf(lang, "show.only_when", &[("cond", &cond)]));
    }
    if q.room {
        notes.push(t(lang, "show.room").to_owned());
    }
    let _ = write!(out, "{indent}• {} ", q.prompt.get(lang));
    out.dim(&format!("[{}] ({})", notes.join(", "), q.id))
        .plain("\n");
    match &q.kind {
        QuestionKind::Select { choices } | QuestionKind::Multiselect { choices, .. } => {
            let labels: Vec<&str> = choices.iter().map(|c| c.label.get(lang)).collect();
            let _ = write!(out, "{indent}    ");
            out.dim(&labels.join(" | ")).plain("\n");
        }
        QuestionKind::Records { fields, .. } => {
            for f in fields {
                question_line(out, f, m, lang, &format!("{indent}    "));
            }
        }
        QuestionKind::Score { criteria, .. } => {
            let labels: Vec<String> = criteria
                .iter()
                .map(|c| format!("{} ({}–{})", c.label.get(lang), c.min, c.max))
                .collect();
            let _ = write!(out, "{indent}    ");
            out.dim(&labels.join(" × ")).plain("\n");
        }
        _ => {}
    }
}

fn playbook_card(pb: &Playbook, entry: &Entry, library: &Library, lang: Lang) -> Styled {
    let mut out = Styled::new();
    out.bold(pb.name.get(lang))
        .plain("  ")
        .dim(&format!(
            "({}, {})",
            pb.id,
            t(lang, "show.playbook").to_lowercase()
        ))
        .plain("\n");
    let _ = writeln!(out, "{}", pb.summary.get(lang));
    if let Some(when) = &pb.when_to_use {
        section(&mut out, t(lang, "show.when_to_use"), when.get(lang));
    }
    out.plain("\n").bold(t(lang, "show.blocks")).plain("\n");
    for (i, block) in pb.blocks.iter().enumerate() {
        match block {
            Block::Method {
                method,
                title,
                guide,
                tables,
                table_size,
                ..
            } => {
                let m = library.method(method);
                let name = title
                    .as_ref()
                    .map(|t| t.get(lang))
                    .or(m.map(|m| m.name.get(lang)))
                    .unwrap_or(method);
                let duration = m.map(|m| format!("  [{}]", m.duration)).unwrap_or_default();
                let _ = write!(out, "{}. {name} ", i + 1);
                out.dim(&format!("({method}){duration}")).plain("\n");
                // How the block runs inside the playbook: in tables, and its guide, indented.
                if *tables {
                    let line = match table_size {
                        Some(size) => tf(lang, "show.in_tables_of", &[("size", size)]),
                        None => t(lang, "show.in_tables").to_owned(),
                    };
                    out.dim(&format!("   {line}")).plain("\n");
                }
                if let Some(guide) = guide {
                    guide_lines(&mut out, guide.get(lang));
                }
            }
            Block::Break { duration, title } => {
                let name = title
                    .as_ref()
                    .map_or(t(lang, "show.break"), |t| t.get(lang));
                let _ = write!(out, "{}. {name}  ", i + 1);
                out.dim(&format!("[{duration}]")).plain("\n");
            }
        }
    }
    sources(&mut out, &pb.sources, lang);
    origin_line(&mut out, entry, lang);
    out
}

fn list_line(out: &mut Styled, label: &str, items: &[Text], lang: Lang) {
    if !items.is_empty() {
        let items: Vec<&str> = items.iter().map(|i| i.get(lang)).collect();
        let _ = writeln!(out, "{label}: {}", items.join(", "));
    }
}

/// A step's or block's guide, written in Markdown, as terminal text: wrapped to the terminal
/// (100 columns when the output is not one), indented three spaces, no Markdown marks left.
/// Styling stays with `Styled`, so the rendering itself adds none.
fn guide_lines(out: &mut Styled, markdown: &str) {
    let width = console::Term::stdout()
        .size_checked()
        .map_or(100, |(_, cols)| usize::from(cols).clamp(40, 120));
    let style = crate::terminal::markdown::Style {
        width,
        indent: 3,
        color: false,
    };
    let text = crate::terminal::markdown::render(markdown, &style);
    let _ = writeln!(out, "{text}");
}

fn section(out: &mut Styled, title: &str, body: &str) {
    out.plain("\n").bold(title).plain("\n");
    let _ = writeln!(out, "{}", body.trim_end());
}

fn sources(out: &mut Styled, sources: &[Source], lang: Lang) {
    if sources.is_empty() {
        return;
    }
    out.plain("\n").bold(t(lang, "show.sources")).plain("\n");
    for s in sources {
        let mut line = format!("- {}", s.title);
        if let Some(url) = &s.url {
            let _ = write!(line, " <{url}>");
        }
        if let Some(license) = &s.license {
            let _ = write!(line, " ({license})");
        }
        let _ = writeln!(out, "{line}");
    }
}

pub fn stage_key(stage: crate::method::Stage) -> &'static str {
    use crate::method::Stage;
    match stage {
        Stage::Setup => "stage.setup",
        Stage::Framing => "stage.framing",
        Stage::Research => "stage.research",
        Stage::Ideation => "stage.ideation",
        Stage::Experiment => "stage.experiment",
        Stage::Learning => "stage.learning",
    }
}

/// The catalogue key of a question type's name.
fn type_key(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Text { .. } => "qtype.text",
        QuestionKind::Longtext { .. } => "qtype.longtext",
        QuestionKind::Number { .. } => "qtype.number",
        QuestionKind::Confirm => "qtype.confirm",
        QuestionKind::Select { .. } => "qtype.select",
        QuestionKind::Multiselect { .. } => "qtype.multiselect",
        QuestionKind::Scale { .. } => "qtype.scale",
        QuestionKind::Date => "qtype.date",
        QuestionKind::List { .. } => "qtype.list",
        QuestionKind::Records { .. } => "qtype.records",
        QuestionKind::Vote { .. } => "qtype.vote",
        QuestionKind::Score { .. } => "qtype.score",
        QuestionKind::Rank { .. } => "qtype.rank",
        QuestionKind::Computed { .. } => "qtype.computed",
    }
}

/// Whether the method's question `id` is a yes/no question.
fn is_confirm(m: &Method, id: &str) -> bool {
    m.steps
        .iter()
        .flat_map(|s| &s.questions)
        .any(|q| q.id == id && matches!(q.kind, QuestionKind::Confirm))
}

/// A question's `when` condition in words: `{{eq decision 'persevere'}}` → only when
/// «decision» is «persevere». Reads the handlebars subexpressions conditions are written in
/// (`eq`, `ne`, `gt`, `lt`, `gte`, `lte`, `and`, `or`, `not`, a question's id alone), pushing
/// each `not` down to the comparisons so the words carry no double negatives. Anything else
/// is left as written (the caller shows the raw condition).
mod condition {
    use crate::i18n::{t, tf};
    use crate::lang::Lang;

    #[derive(Debug, Clone, PartialEq)]
    enum Expr {
        Path(String),
        Literal(String),
        Number(String),
        Call(String, Vec<Expr>),
    }

    pub fn words(when: &str, is_confirm: &dyn Fn(&str) -> bool, lang: Lang) -> Option<String> {
        let inner = when.trim().strip_prefix("{{")?.strip_suffix("}}")?;
        let tokens = tokens(inner)?;
        let mut at = 0;
        let expr = sequence(&tokens, &mut at)?;
        if at != tokens.len() {
            return None;
        }
        render(&expr, false, is_confirm, lang)
    }

    fn tokens(text: &str) -> Option<Vec<String>> {
        let mut out = Vec::new();
        let mut chars = text.chars().peekable();
        while let Some(&c) = chars.peek() {
            match c {
                c if c.is_whitespace() => {
                    chars.next();
                }
                '(' | ')' => {
                    out.push(c.to_string());
                    chars.next();
                }
                '\'' | '"' => {
                    chars.next();
                    let mut s = String::from(c);
                    loop {
                        match chars.next()? {
                            q if q == c => break,
                            other => s.push(other),
                        }
                    }
                    out.push(s);
                }
                _ => {
                    let mut word = String::new();
                    while let Some(&c) = chars.peek() {
                        if c.is_whitespace() || c == '(' || c == ')' {
                            break;
                        }
                        word.push(c);
                        chars.next();
                    }
                    out.push(word);
                }
            }
        }
        Some(out)
    }

    /// `helper arg…` or a single argument, up to a `)` or the end.
    fn sequence(tokens: &[String], at: &mut usize) -> Option<Expr> {
        let mut items = Vec::new();
        while let Some(token) = tokens.get(*at) {
            if token == ")" {
                break;
            }
            items.push(argument(tokens, at)?);
        }
        let mut items = items.into_iter();
        let first = items.next()?;
        let rest: Vec<Expr> = items.collect();
        match first {
            Expr::Path(helper) if !rest.is_empty() => Some(Expr::Call(helper, rest)),
            single if rest.is_empty() => Some(single),
            _ => None,
        }
    }

    fn argument(tokens: &[String], at: &mut usize) -> Option<Expr> {
        let token = tokens.get(*at)?;
        *at += 1;
        if token == "(" {
            let inner = sequence(tokens, at)?;
            (tokens.get(*at)? == ")").then_some(())?;
            *at += 1;
            return Some(match inner {
                Expr::Path(helper) => Expr::Call(helper, Vec::new()),
                other => other,
            });
        }
        Some(if let Some(s) = token.strip_prefix(['\'', '"']) {
            Expr::Literal(s.to_owned())
        } else if token.parse::<f64>().is_ok() {
            Expr::Number(token.clone())
        } else {
            Expr::Path(token.clone())
        })
    }

    fn value(e: &Expr) -> Option<String> {
        match e {
            Expr::Path(p) | Expr::Literal(p) => Some(format!("«{p}»")),
            Expr::Number(n) => Some(n.clone()),
            Expr::Call(..) => None,
        }
    }

    /// `a, b and c` / `a, b e c`.
    fn list(items: &[String], joiner: &str) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [rest @ .., last] => format!("{} {joiner} {last}", rest.join(", ")),
        }
    }

    fn render(
        e: &Expr,
        negated: bool,
        is_confirm: &dyn Fn(&str) -> bool,
        lang: Lang,
    ) -> Option<String> {
        match e {
            Expr::Path(id) => {
                let key = match (is_confirm(id), negated) {
                    (true, false) => "cond.yes",
                    (true, true) => "cond.no",
                    (false, false) => "cond.answered",
                    (false, true) => "cond.unanswered",
                };
                Some(tf(lang, key, &[("q", &format!("«{id}»"))]))
            }
            Expr::Call(helper, args) => match (helper.as_str(), &args[..]) {
                ("not", [x]) => render(x, !negated, is_confirm, lang),
                ("and" | "or", [_, _, ..]) => {
                    // not (a and b) = not a or not b, and the other way round.
                    let and = (helper == "and") != negated;
                    let joiner = t(lang, if and { "cond.and" } else { "cond.or" });
                    // «unit» is «site» or «area».
                    if !and && !negated
                        && let Some(Expr::Call(_, first)) = args.first()
                        && args.iter().all(|a| {
                            matches!(a, Expr::Call(h, xs) if h == "eq" && xs.len() == 2 && xs[0] == first[0] && matches!(xs[0], Expr::Path(_)))
                        })
                    {
                        let values: Option<Vec<String>> = args
                            .iter()
                            .map(|a| match a {
                                Expr::Call(_, xs) => value(&xs[1]),
                                _ => None,
                            })
                            .collect();
                        return Some(tf(
                            lang,
                            "cond.eq",
                            &[("q", &value(&first[0])?), ("v", &list(&values?, joiner))],
                        ));
                    }
                    let parts: Option<Vec<String>> = args
                        .iter()
                        .map(|a| {
                            let words = render(a, negated, is_confirm, lang)?;
                            let compound = matches!(a, Expr::Call(h, _) if h == "and" || h == "or");
                            Some(if compound {
                                format!("({words})")
                            } else {
                                words
                            })
                        })
                        .collect();
                    Some(list(&parts?, joiner))
                }
                (cmp @ ("eq" | "ne" | "gt" | "lt" | "gte" | "lte"), [a, b]) => {
                    let key = match (cmp, negated) {
                        ("eq", false) | ("ne", true) => "cond.eq",
                        ("ne", false) | ("eq", true) => "cond.ne",
                        ("gt", false) | ("lte", true) => "cond.gt",
                        ("lt", false) | ("gte", true) => "cond.lt",
                        ("gte", false) | ("lt", true) => "cond.gte",
                        _ => "cond.lte",
                    };
                    Some(tf(lang, key, &[("q", &value(a)?), ("v", &value(b)?)]))
                }
                _ => None,
            },
            Expr::Literal(_) | Expr::Number(_) => None,
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        fn en(when: &str) -> Option<String> {
            words(
                when,
                &|id| id.starts_with("check") || id == "vulnerable",
                Lang::En,
            )
        }
        fn pt(when: &str) -> Option<String> {
            words(
                when,
                &|id| id.starts_with("check") || id == "vulnerable",
                Lang::Pt,
            )
        }

        #[test]
        fn conditions_in_words() {
            assert_eq!(
                en("{{eq decision 'persevere'}}").unwrap(),
                "«decision» is «persevere»"
            );
            assert_eq!(
                pt("{{eq decision 'persevere'}}").unwrap(),
                "«decision» é «persevere»"
            );
            assert_eq!(
                en("{{ne outcome_type \"mean\"}}").unwrap(),
                "«outcome_type» is not «mean»"
            );
            assert_eq!(
                en("{{gt control_harm 1}}").unwrap(),
                "«control_harm» is more than 1"
            );
            assert_eq!(
                pt("{{gt control_harm 1}}").unwrap(),
                "«control_harm» é maior do que 1"
            );
            assert_eq!(
                en("{{units_per_week}}").unwrap(),
                "«units_per_week» has an answer"
            );
            assert_eq!(en("{{vulnerable}}").unwrap(), "«vulnerable» is yes");
            assert_eq!(pt("{{not vulnerable}}").unwrap(), "«vulnerable» é não");
            assert_eq!(
                en("{{or (eq unit 'site') (eq unit 'area')}}").unwrap(),
                "«unit» is «site» or «area»"
            );
            assert_eq!(
                pt("{{or (eq unit 'site') (eq unit 'area') (eq unit 'x')}}").unwrap(),
                "«unit» é «site», «area» ou «x»"
            );
            assert_eq!(
                en("{{not (and check_a check_b check_c)}}").unwrap(),
                "«check_a» is no, «check_b» is no or «check_c» is no"
            );
            assert_eq!(
                en("{{and (or (eq a 'x') (gt b 2)) (not (lt c 3))}}").unwrap(),
                "(«a» is «x» or «b» is more than 2) and «c» is at least 3"
            );
            assert_eq!(
                en("{{not (or (eq a 'x') (eq a 'y'))}}").unwrap(),
                "«a» is not «x» and «a» is not «y»"
            );
        }

        #[test]
        fn what_it_cannot_read_is_left_to_the_caller() {
            for raw in [
                "eq a 'b'",
                "{{lookup a 'b'}}",
                "{{eq a}}",
                "{{eq a 'b}}",
                "{{(eq a 'b'}}",
                "{{}}",
                "{{eq (and a b) 1}}",
                "{{'x'}}",
            ] {
                assert_eq!(en(raw), None, "{raw}");
            }
        }
    }
}
