//! labkit's own words (table headers, labels, messages, `--help` in Portuguese) in English and
//! European Portuguese.
//!
//! The words live in Project Fluent files, one per language (`i18n/en.ftl`, `i18n/pt.ftl`),
//! embedded in the binary and read with `fluent-bundle`; plurals follow CLDR's rules for the
//! bundle's locale (`en`, `pt-PT`: in European Portuguese 0 is plural, unlike Brazilian `pt`).
//! Method text lives in the method files, not here. docs/translating.md explains the files.
//!
//! Rust code names a message by a dotted key (`report.footer`); its Fluent id writes each `.` as
//! `-` and doubles a `-` inside a part (`help.calc.sample-size.about` is
//! `help-calc-sample--size-about`). A message missing in a language falls back to its base
//! language (`es-MX` → `es`), then to English.
//!
//! Loading is lazy, per message: where each entry sits in a built-in file is a table build.rs
//! makes (a line scan, no parsing, `i18n/index.rs`; a lab's added file is scanned the same way
//! when first used), and each message is parsed alone the first time it is used, into a bundle
//! of its own. Parsing a whole file costs about a
//! millisecond, more than `labkit list` or a Portuguese `--help` can spare; they use a few dozen
//! messages (`labkit --help` in English uses none). `t` returns `&'static str`: each message is
//! formatted once per language and kept for the life of the process (a message without
//! placeables is borrowed straight from its parsed entry; the others are formatted once and
//! leaked, at most one string per message and language, so memory is bounded by the files). Fluent's bidi isolation marks
//! (U+2068/U+2069 around every placeable) are turned off: labkit writes to terminals, Markdown
//! and Word, where they would be invisible noise that breaks tests and copy-paste.
//!
//! A message's `{ $name }` variables keep the old `{name}` contract: `t` returns them as the
//! literal text `{name}` (the room's page fills some in JavaScript), and `tf` leaves a variable
//! it is not given as `{name}`. Numbers passed as `&dyn Display` that print as plain integers
//! reach Fluent as numbers, so every message can select a plural form on any count.
//!
//! Report templates format messages with values through [`format_args`] (the `t` helper's hash
//! arguments): there a missing variable is an error, and numbers print as the reports print
//! figures in the report's language (its separators, an added language's too), from a second
//! bundle per message built on first use (the lazy loading above is unchanged: nothing is parsed
//! before a template asks).

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use crate::lang::Lang;

/// The Fluent source of each language: embedded for the built-in ones, read from a lab's
/// `i18n/<code>.ftl` (by [`add_language`]) for the others; empty for an extra language with no
/// file, whose every message then falls back to English.
fn source(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../i18n/en.ftl"),
        Lang::Pt => include_str!("../i18n/pt.ftl"),
        Lang::Other(code) => EXTRA_SOURCES
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .find(|(c, _)| *c == code)
            .map(|(_, s)| *s)
            .unwrap_or_default(),
    }
}

/// The whole Fluent file of a built-in language, as embedded (for `labkit new language`).
pub fn source_of(lang: Lang) -> &'static str {
    source(lang)
}

/// The Fluent files of the extra languages, by code (leaked: one per language, read once).
static EXTRA_SOURCES: Mutex<Vec<(&'static str, &'static str)>> = Mutex::new(Vec::new());
/// The file each extra language was read from, as messages show it.
static EXTRA_FILES: Mutex<Vec<(&'static str, String)>> = Mutex::new(Vec::new());

/// The file an extra language's messages were read from.
pub fn file_of(lang: Lang) -> Option<String> {
    EXTRA_FILES
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .iter()
        .find(|(c, _)| Lang::Other(c) == lang)
        .map(|(_, f)| f.clone())
}

/// Adds an extra language whose messages are `source` (the text of a lab's `i18n/<code>.ftl`),
/// and registers its code so [`Lang::parse`] accepts it. The file is not checked here: a message
/// that does not parse falls back to English, and `labkit validate --lang` reports it. `None`
/// for a code that is not 2 or 3 letters. The first file given for a code wins.
pub fn add_language(code: &str, source: String, file: &str) -> Option<Lang> {
    let lang = Lang::register(code)?;
    if let Lang::Other(code) = lang {
        let mut sources = EXTRA_SOURCES.lock().unwrap_or_else(|e| e.into_inner());
        if !sources.iter().any(|(c, _)| *c == code) {
            sources.push((code, Box::leak(source.into_boxed_str())));
            let mut files = EXTRA_FILES.lock().unwrap_or_else(|e| e.into_inner());
            files.push((code, file.to_owned()));
        }
    }
    Some(lang)
}

/// Whether `lang` has its own wording for `key` (a message that parses), without falling back.
pub fn has(lang: Lang, key: &str) -> bool {
    message(lang, key).is_some()
}

/// The variables of message `key` in `lang`'s own file (no fallback), sorted; `None` when that
/// file lacks the message or it does not parse.
pub fn variables_of(lang: Lang, key: &str) -> Option<Vec<&'static str>> {
    let pattern = message(lang, key)?.pattern()?;
    let mut names = Vec::new();
    variables(pattern, &mut names);
    names.sort_unstable();
    Some(names)
}

/// The Rust keys of the messages `lang`'s file holds, in file order.
pub fn keys_of(lang: Lang) -> Vec<String> {
    catalogue(lang)
        .order()
        .iter()
        .map(|id| rust_key(id))
        .collect()
}

/// Messages of `lang`'s file that do not parse, as Rust keys with Fluent's error.
pub fn broken(lang: Lang) -> Vec<(String, String)> {
    let cat = catalogue(lang);
    let mut out = Vec::new();
    for id in cat.order() {
        let Some((_, entry)) = cat.entry(id) else {
            continue;
        };
        if let Err((_, errors)) = FluentResource::try_new(entry.to_owned()) {
            let why = errors.first().map(|e| e.to_string()).unwrap_or_default();
            out.push((rust_key(id), why));
        }
    }
    out
}

/// The locale whose CLDR plural rules a language's bundle uses.
fn locale(lang: Lang) -> unic_langid::LanguageIdentifier {
    let tag = match lang {
        Lang::En => "en",
        Lang::Pt => "pt-PT",
        Lang::Other(code) => code,
    };
    tag.parse().unwrap_or_default()
}

/// One language: where each message's entry sits in its file (a table sorted by id, made at
/// build time for the built-in files and on first use for an added one, see `index.rs`), and
/// the messages parsed so far.
struct Catalogue {
    lang: Lang,
    source: &'static str,
    spans: Spans,
    /// Fluent ids in file order (for `keys_of`), scanned only when asked for.
    order: OnceLock<Vec<&'static str>>,
    /// By the Rust key asked for (`report.footer`), so a message used again is found without
    /// building its Fluent id or searching the table; `None` for a key the file lacks.
    parsed: Mutex<HashMap<String, Option<&'static Message>>>,
}

impl Catalogue {
    /// The entry of Fluent id `id`: its id as the file has it, and its source text.
    fn entry(&self, id: &str) -> Option<(&'static str, &'static str)> {
        let source = self.source;
        match &self.spans {
            Spans::Built(table) => {
                let id_of = |&(start, len, _): &(u32, u16, u32)| {
                    source
                        .get(start as usize..start as usize + len as usize)
                        .unwrap_or_default()
                };
                let at = table.binary_search_by(|span| id_of(span).cmp(id)).ok()?;
                let span = table[at];
                Some((id_of(&span), source.get(span.0 as usize..span.2 as usize)?))
            }
            Spans::Scanned(map) => map.get_key_value(id).map(|(id, entry)| (*id, *entry)),
        }
    }

    fn order(&self) -> &[&'static str] {
        self.order.get_or_init(|| {
            index::entry_spans(self.source)
                .into_iter()
                .map(|(id, _, _)| id)
                .collect()
        })
    }
}

/// Where a file's entries are.
enum Spans {
    /// A built-in file: build.rs's table of (start, length of its id, end), sorted by id (an
    /// entry starts with its id), searched by halves.
    Built(&'static [(u32, u16, u32)]),
    /// An added file, scanned on first use: Fluent id → entry (the first of an id given twice).
    /// A hash table, as sorting two thousand ids that share long prefixes costs more than
    /// hashing them, and the scan happens at run time.
    Scanned(HashMap<&'static str, &'static str>),
}

/// The tables build.rs made of `i18n/en.ftl` and `i18n/pt.ftl`: `EN` and `PT`.
mod built_index {
    include!(concat!(env!("OUT_DIR"), "/i18n_index.rs"));
}

/// One message, parsed on first use into a bundle of its own. Kept for the life of the process
/// (leaked: at most one per message and language, so bounded by the files' size). A message
/// cannot refer to another message or term (a test checks), so a bundle of one is complete.
struct Message {
    id: &'static str,
    bundle: FluentBundle<FluentResource>,
    /// What `t` hands out, formatted once.
    text: OnceLock<&'static str>,
    /// The entry's source and the language of its file, to build `figures` from.
    entry: &'static str,
    lang: Lang,
    /// The same message in a bundle that prints numbers as labkit's reports print figures;
    /// built the first time a template passes it values.
    figures: OnceLock<Option<FluentBundle<FluentResource>>>,
}

impl Message {
    fn pattern(&'static self) -> Option<&'static ast::Pattern<&'static str>> {
        self.bundle.get_message(self.id)?.value()
    }
}

static CATALOGUES: [OnceLock<Catalogue>; Lang::ALL.len()] = [OnceLock::new(), OnceLock::new()];

/// The catalogues of the extra languages (leaked: one per language a process speaks).
static EXTRA_CATALOGUES: Mutex<Vec<(&'static str, &'static Catalogue)>> = Mutex::new(Vec::new());

fn new_catalogue(lang: Lang) -> Catalogue {
    let source = source(lang);
    let spans = match lang {
        Lang::En => Spans::Built(&built_index::EN),
        Lang::Pt => Spans::Built(&built_index::PT),
        Lang::Other(_) => {
            let spans = index::entry_spans(source);
            let mut map = HashMap::with_capacity(spans.len());
            for (id, start, end) in spans {
                map.entry(id).or_insert(&source[start..end]);
            }
            Spans::Scanned(map)
        }
    };
    Catalogue {
        lang,
        source,
        spans,
        order: OnceLock::new(),
        parsed: Mutex::new(HashMap::new()),
    }
}

fn catalogue(lang: Lang) -> &'static Catalogue {
    if let Lang::Other(code) = lang {
        let mut extra = EXTRA_CATALOGUES.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, cat)) = extra.iter().find(|(c, _)| *c == code) {
            return cat;
        }
        let cat: &'static Catalogue = Box::leak(Box::new(new_catalogue(lang)));
        extra.push((code, cat));
        return cat;
    }
    let slot = &CATALOGUES[Lang::ALL.iter().position(|l| *l == lang).unwrap_or(0)];
    slot.get_or_init(|| new_catalogue(lang))
}

/// Parses one entry. Parse errors cannot happen in a released binary (a test parses every
/// entry and fails on any error); were one to slip through, the message falls back to English.
fn parse(lang: Lang, id: &'static str, entry: &'static str) -> Option<&'static Message> {
    let bundle = bundle(lang, entry)?;
    let message: &'static Message = Box::leak(Box::new(Message {
        id,
        bundle,
        text: OnceLock::new(),
        entry,
        lang,
        figures: OnceLock::new(),
    }));
    message.pattern()?;
    Some(message)
}

/// A bundle of one entry, in `lang`'s plural rules, without bidi isolation marks.
fn bundle(lang: Lang, entry: &str) -> Option<FluentBundle<FluentResource>> {
    let resource = FluentResource::try_new(entry.to_owned()).ok()?;
    let mut bundle = FluentBundle::new_concurrent(vec![locale(lang)]);
    bundle.set_use_isolating(false);
    bundle.add_resource(resource).ok()?;
    Some(bundle)
}

/// `report.footer` → `report-footer`; `help.calc.sample-size.about` →
/// `help-calc-sample--size-about`.
pub fn fluent_id(key: &str) -> String {
    key.replace('-', "--").replace('.', "-")
}

/// The inverse of [`fluent_id`]: `--` is a hyphen, a single `-` a dot.
fn rust_key(id: &str) -> String {
    let mut key = String::with_capacity(id.len());
    let mut chars = id.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '-' {
            if chars.peek() == Some(&'-') {
                chars.next();
                key.push('-');
            } else {
                key.push('.');
            }
        } else {
            key.push(c);
        }
    }
    key
}

/// The message `key` in `lang`, if that language has it.
fn message(lang: Lang, key: &str) -> Option<&'static Message> {
    let cat = catalogue(lang);
    let mut parsed = cat.parsed.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(found) = parsed.get(key) {
        return *found;
    }
    let found = cat
        .entry(&fluent_id(key))
        .and_then(|(id, entry)| parse(cat.lang, id, entry));
    parsed.insert(key.to_owned(), found);
    found
}

/// The message `key` in `lang`, else in its base language (for a regional one), else in English.
fn find(lang: Lang, key: &str) -> Option<&'static Message> {
    lang.fallbacks().find_map(|l| message(l, key))
}

/// The names of the variables a pattern uses, in order of first use, each once.
fn variables<'s>(pattern: &ast::Pattern<&'s str>, out: &mut Vec<&'s str>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables<'s>(expression: &ast::Expression<&'s str>, out: &mut Vec<&'s str>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => inline_variables(inline, out),
    }
}

fn inline_variables<'s>(inline: &ast::InlineExpression<&'s str>, out: &mut Vec<&'s str>) {
    match inline {
        ast::InlineExpression::VariableReference { id } if !out.contains(&id.name) => {
            out.push(id.name);
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for arg in &arguments.positional {
                inline_variables(arg, out);
            }
            for arg in &arguments.named {
                inline_variables(&arg.value, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// A value for Fluent: text that is a plain integer becomes a number (so plural selectors see
/// it), printed back exactly as it was; anything else stays text.
fn value(text: String) -> FluentValue<'static> {
    let digits = text.strip_prefix('-').unwrap_or(&text);
    let plain = !digits.is_empty()
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'))
        && text != "-0";
    match text.parse::<i64>() {
        Ok(n) if plain => FluentValue::from(n),
        _ => FluentValue::from(text),
    }
}

/// Formats a message with `args`; a variable missing from `args` reads `{name}`.
fn format(message: &'static Message, args: &[(&str, &dyn std::fmt::Display)]) -> Cow<'static, str> {
    let Some(pattern) = message.pattern() else {
        return Cow::Borrowed(message.id);
    };
    let mut names = Vec::new();
    variables(pattern, &mut names);
    if names.is_empty() {
        return message
            .bundle
            .format_pattern(pattern, None, &mut Vec::new());
    }
    let mut fluent_args = FluentArgs::with_capacity(names.len());
    for name in names {
        let text = match args.iter().find(|(n, _)| *n == name) {
            Some((_, v)) => v.to_string(),
            None => format!("{{{name}}}"),
        };
        fluent_args.set(name, value(text));
    }
    message
        .bundle
        .format_pattern(pattern, Some(&fluent_args), &mut Vec::new())
}

/// The text of `key` in `lang` (else English), formatted once and kept.
fn text(lang: Lang, key: &str) -> Option<&'static str> {
    let message = find(lang, key)?;
    Some(message.text.get_or_init(|| match format(message, &[]) {
        Cow::Borrowed(text) => text,
        Cow::Owned(text) => Box::leak(text.into_boxed_str()),
    }))
}

/// The string for `key` in `lang`, falling back to English, then to the key itself. Variables
/// read `{name}`; a plural message gives its `other` form.
pub fn t(lang: Lang, key: &'static str) -> &'static str {
    text(lang, key).unwrap_or(key)
}

/// Like `t`, for keys that come from templates at run time; `None` when the key is unknown.
pub fn lookup(lang: Lang, key: &str) -> Option<&'static str> {
    text(lang, key)
}

/// Every key of the English catalogue (the Portuguese one has the same keys), as Rust keys.
pub fn keys() -> impl Iterator<Item = &'static str> {
    static KEYS: OnceLock<Vec<String>> = OnceLock::new();
    KEYS.get_or_init(|| {
        catalogue(Lang::En)
            .order()
            .iter()
            .map(|id| rust_key(id))
            .collect()
    })
    .iter()
    .map(String::as_str)
}

/// The language for messages built deep in the engine (validation diagnostics, errors), which
/// have no settings at hand. Set once by `run` from the resolved settings; English until then,
/// so library callers and tests get English.
static MESSAGE_LANG: OnceLock<Lang> = OnceLock::new();

pub fn set_message_language(lang: Lang) {
    let _ = MESSAGE_LANG.set(lang);
}

pub fn message_language() -> Lang {
    MESSAGE_LANG.get().copied().unwrap_or_default()
}

/// A message in the message language, with its variables filled in.
pub fn msg(key: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    tf(message_language(), key, args)
}

/// `t` with variables filled in from `args`: a value is inserted as is (braces in it stay), a
/// variable not in `args` reads `{name}`, and counts pick their plural form.
pub fn tf(lang: Lang, key: &'static str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
    match find(lang, key) {
        Some(message) => format(message, args).into_owned(),
        None => key.to_owned(),
    }
}

/// A count in words that agree with it (`{ $n -> [one] … *[other] … }`), by CLDR's plural rules
/// for the language.
pub fn tn(lang: Lang, key: &'static str, n: usize) -> String {
    tf(lang, key, &[("n", &n)])
}

/// A value a report template gives a message: `amount=…` in `{{t "report.money" amount=…}}`.
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    /// A count or a figure: a plural selector (`{ $n -> [one] … *[other] … }`) sees the
    /// number, and it prints as the report prints figures (`1,234` / `1 234`, `2.5` / `2,5`).
    Number(f64),
    /// Text, inserted as given: the caller escapes it for its output first.
    Text(String),
}

/// Why [`format_args`] gave no text.
#[derive(Debug, Clone, PartialEq)]
pub enum ArgsError {
    /// No message has this key, in the language or in English.
    Unknown,
    /// The message uses these variables and no value was given for them.
    Missing(Vec<String>),
}

std::thread_local! {
    /// The language [`format_args`] is formatting for, read by [`figure`]: Fluent's formatter is
    /// a plain `fn`, so it cannot carry the language itself, and one bundle serves them all.
    static FIGURES_LANG: std::cell::Cell<Lang> = const { std::cell::Cell::new(Lang::En) };
}

/// A number as the `number` helper prints it by default, in the language being formatted for:
/// no decimals when whole, else two (or the minimum a message's
/// `NUMBER(…, minimumFractionDigits: d)` asks for).
fn figure<M>(value: &FluentValue, _: &M) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let decimals = n
        .options
        .minimum_fraction_digits
        .unwrap_or(if n.value.fract() == 0.0 { 0 } else { 2 });
    let lang = FIGURES_LANG.with(std::cell::Cell::get);
    Some(crate::stats::power::format_number(
        n.value,
        decimals,
        lang.code(),
    ))
}

impl Message {
    /// This message in a bundle that prints numbers as the reports print figures.
    fn figures(&'static self) -> Option<&'static FluentBundle<FluentResource>> {
        self.figures
            .get_or_init(|| {
                let mut bundle = bundle(self.lang, self.entry)?;
                bundle.set_formatter(Some(figure));
                Some(bundle)
            })
            .as_ref()
    }
}

/// The variables message `key` uses in `lang` (else English), in order of first use; `None`
/// when no message has the key.
pub fn variables_used(lang: Lang, key: &str) -> Option<Vec<&'static str>> {
    let pattern = find(lang, key)?.pattern()?;
    let mut names = Vec::new();
    variables(pattern, &mut names);
    Some(names)
}

/// Message `key` in `lang` (else English) with the values a report template gives it. Unlike
/// [`tf`], a variable the message uses and `args` lacks is an error ([`ArgsError::Missing`]),
/// as an unknown key is, so a template's typo fails the render instead of printing `{name}`.
/// Values `args` has and the message does not use are ignored (a translation may leave one
/// out). Text values are inserted as given: the template helper escapes them first.
pub fn format_args(lang: Lang, key: &str, args: &[(&str, Arg)]) -> Result<String, ArgsError> {
    let message = find(lang, key).ok_or(ArgsError::Unknown)?;
    let bundle = message.figures().ok_or(ArgsError::Unknown)?;
    let pattern = bundle
        .get_message(message.id)
        .and_then(|m| m.value())
        .ok_or(ArgsError::Unknown)?;
    let mut names = Vec::new();
    variables(pattern, &mut names);
    let missing: Vec<String> = names
        .iter()
        .filter(|name| !args.iter().any(|(n, _)| n == *name))
        .map(|name| (*name).to_owned())
        .collect();
    if !missing.is_empty() {
        return Err(ArgsError::Missing(missing));
    }
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, arg) in args {
        let value = match arg {
            Arg::Number(n) => FluentValue::from(*n),
            Arg::Text(text) => FluentValue::from(text.clone()),
        };
        fluent_args.set(name.to_string(), value);
    }
    FIGURES_LANG.with(|current| current.set(lang));
    Ok(bundle
        .format_pattern(pattern, Some(&fluent_args), &mut Vec::new())
        .into_owned())
}

mod index;
#[cfg(test)]
mod tests;
