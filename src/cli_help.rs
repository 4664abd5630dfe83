//! `--help` and usage texts in labkit's languages.
//!
//! clap builds the English help from the doc comments in `cli.rs`. For another language,
//! [`translate`] walks the command tree and replaces each `about`, `long_about`, `after_help`
//! and argument help with its `help.*` message, where the language has one (an added language
//! that lacks one falls back as every message does). Keys follow the command path: `help.about`
//! (the root), `help.run.about`, `help.run.after_help`, `help.run.arg.answers`,
//! `help.calc.sample-size.arg.alpha`. The English catalogue repeats the doc comments so every
//! catalogue has the same keys; a test checks that it matches them.
//!
//! The arguments are parsed first with the English tree (`lib.rs`); only when clap has
//! something to print (`--help`, a usage error) is the help language worked out by
//! [`help_language`], the tree translated and the arguments parsed again. The language comes from
//! `--lang`, then `LABKIT_LANG`, then `LC_ALL`/`LC_MESSAGES`/`LANG`. It does not read
//! `labkit.yaml` or the user configuration (their settings are read after parsing), so a
//! workspace whose language is Portuguese still gets English `--help` unless one of those says
//! `pt`. A language that is not built in is looked for as a file drop (`i18n/<tag>.ftl` in the
//! workspace, found by walking up to `labkit.yaml` without reading it, or beside the user
//! config).

use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser};
use clap::{Arg, Command, ValueEnum};

use crate::i18n;
use crate::lang::Lang;
use crate::settings::Env;

/// The language for `--help` and usage texts, from the raw arguments and the environment.
pub fn help_language(args: &[std::ffi::OsString], env: &Env) -> Lang {
    let named = |value: &str| language_named(value, env).unwrap_or_default();
    let mut rest = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = rest.next() {
        match arg {
            Some("--") => break,
            Some("--lang") => return rest.next().flatten().map(named).unwrap_or_default(),
            Some(a) => {
                if let Some(value) = a.strip_prefix("--lang=") {
                    return named(value);
                }
            }
            None => {}
        }
    }
    if let Some(value) = env.var("LABKIT_LANG") {
        return named(value);
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|var| env.var(var))
        .and_then(|value| match Lang::from_locale(value) {
            // `C`, `POSIX`: English, no file to look for.
            Some(Lang::En) if !value.starts_with("en") => Some(Lang::En),
            _ => language_named(value, env),
        })
        .unwrap_or_default()
}

/// A built-in language, or one a lab dropped in as a file (read here; a file that cannot be
/// read gives English, and the command itself then reports it). `en`, `pt` and `pt-PT` touch no
/// file; anything else looks for the workspace (walking up to `labkit.yaml`) and its `i18n/`.
fn language_named(value: &str, env: &Env) -> Option<Lang> {
    let tag = Lang::locale_tag(value)?;
    if let Some(lang) = Lang::from_code(&tag).filter(|l| l.is_built_in()) {
        return Some(lang);
    }
    let root = crate::settings::Workspace::find_root(&env.cwd);
    let user = crate::settings::user_config_path(env);
    crate::settings::language_named(&tag, root.as_deref(), user.as_deref())
        .ok()
        .flatten()
}

/// The command tree with its help texts in `lang`; English is returned as it is.
///
/// Besides labkit's own texts, this replaces clap's words in help screens: the `Usage:`,
/// `Commands:`, `Arguments:` and `Options:` headings, `--help`, `--version` and the `help`
/// command. For that the tree is built (`Command::build`, which adds those built-ins and copies
/// the global options into every subcommand) before it is parsed, so `bin_name` (the program's
/// file name, which clap otherwise takes from the first argument while parsing) is set first.
pub fn translate(cmd: Command, lang: Lang, bin_name: Option<&str>) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    let mut cmd = translate_command(cmd, "help", lang);
    if let Some(name) = bin_name {
        cmd = cmd.bin_name(name.to_owned());
    }
    cmd.build();
    translate_builtins(cmd, lang)
}

fn translate_command(mut cmd: Command, path: &str, lang: Lang) -> Command {
    let text = |suffix: &str| i18n::lookup(lang, &format!("{path}.{suffix}"));
    if let Some(t) = text("about") {
        cmd = cmd.about(t);
    }
    if let Some(t) = text("long_about") {
        cmd = cmd.long_about(t);
    }
    if let Some(t) = text("after_help") {
        cmd = cmd.after_help(t);
    }
    cmd = cmd.mut_args(|arg| translate_arg(arg, path, lang));
    cmd.mut_subcommands(|sub| {
        let sub_path = format!("{path}.{}", sub.get_name());
        translate_command(sub, &sub_path, lang)
    })
}

fn translate_arg(mut arg: Arg, path: &str, lang: Lang) -> Arg {
    let key = format!("{path}.arg.{}", arg.get_id());
    if let Some(t) = i18n::lookup(lang, &key) {
        arg = arg.help(t);
    }
    if let Some(t) = i18n::lookup(lang, &format!("{key}.long")) {
        arg = arg.long_help(t);
    }
    // Possible values with help text (listed by `--help`) live in the typed value parser, so the
    // parser is swapped for one that parses the same but lists translated values. One line per
    // enum whose variants have doc comments; a test catches a missing one.
    match key.as_str() {
        "help.show.arg.format" => translate_values::<crate::cli::CardFormat>(arg, &key, lang),
        _ => arg,
    }
}

fn translate_values<E: ValueEnum + Clone + Send + Sync + 'static>(
    arg: Arg,
    key: &str,
    lang: Lang,
) -> Arg {
    let values = E::value_variants()
        .iter()
        .filter_map(E::to_possible_value)
        .map(
            |value| match i18n::lookup(lang, &format!("{key}.value.{}", value.get_name())) {
                Some(t) => value.help(t),
                None => value,
            },
        )
        .collect();
    arg.value_parser(TranslatedValues {
        inner: EnumValueParser::<E>::new(),
        values,
    })
}

/// A value parser that parses like `inner` but lists `values` (with translated help).
#[derive(Clone)]
struct TranslatedValues<P> {
    inner: P,
    values: Vec<PossibleValue>,
}

impl<P: TypedValueParser> TypedValueParser for TranslatedValues<P> {
    type Value = P::Value;

    fn parse_ref(
        &self,
        cmd: &Command,
        arg: Option<&Arg>,
        value: &std::ffi::OsStr,
    ) -> Result<Self::Value, clap::Error> {
        self.inner.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(self.values.iter().cloned()))
    }
}

/// clap's own words; runs on a built tree, where the built-in `--help`, `--version` and `help`
/// command exist. The headings become custom headings (clap has no setting for the default ones),
/// which clap lists after any default section, so every argument gets one.
fn translate_builtins(mut cmd: Command, lang: Lang) -> Command {
    let t = |key: &'static str| i18n::t(lang, key);
    let usage = *cmd.get_styles().get_usage();
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{usage}{}:{usage:#} {{usage}}\n\n{{all-args}}{{after-help}}",
        t("help.builtin.usage")
    );
    cmd = cmd
        .help_template(template)
        .subcommand_help_heading(t("help.builtin.commands"))
        .mut_args(|mut arg| {
            match arg.get_id().as_str() {
                "help" if arg.get_long_help().is_some() => {
                    arg = arg
                        .help(t("help.builtin.help_more"))
                        .long_help(t("help.builtin.help_summary"));
                }
                "help" => arg = arg.help(t("help.builtin.help")),
                "version" => arg = arg.help(t("help.builtin.version")),
                _ => {}
            }
            match (arg.get_help_heading().is_some(), arg.is_positional()) {
                (true, _) => arg,
                (false, true) => arg.help_heading(t("help.builtin.arguments")),
                (false, false) => arg.help_heading(t("help.builtin.options")),
            }
        });
    cmd.mut_subcommands(|sub| {
        if sub.get_name() == "help" {
            let about = t("help.builtin.help_command");
            sub.about(about).mut_subcommands(|inner| {
                if inner.get_name() == "help" {
                    inner.about(about)
                } else {
                    inner
                }
            })
        } else {
            translate_builtins(sub, lang)
        }
    })
}

/// Every English help text of the command tree with its catalogue key, in tree order.
pub fn english_texts(cmd: &Command) -> Vec<(String, String)> {
    let mut out = Vec::new();
    collect(cmd, "help", &mut out);
    out
}

fn collect(cmd: &Command, path: &str, out: &mut Vec<(String, String)>) {
    let mut push = |key: String, text: Option<&clap::builder::StyledStr>| {
        if let Some(text) = text {
            out.push((key, text.to_string()));
        }
    };
    push(format!("{path}.about"), cmd.get_about());
    push(format!("{path}.long_about"), cmd.get_long_about());
    push(format!("{path}.after_help"), cmd.get_after_help());
    for arg in cmd.get_arguments() {
        let key = format!("{path}.arg.{}", arg.get_id());
        push(format!("{key}.long"), arg.get_long_help());
        for value in arg.get_possible_values() {
            push(
                format!("{key}.value.{}", value.get_name()),
                value.get_help(),
            );
        }
        push(key, arg.get_help());
    }
    for sub in cmd.get_subcommands() {
        collect(sub, &format!("{path}.{}", sub.get_name()), out);
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn the_english_catalogue_repeats_the_doc_comments() {
        let texts = english_texts(&crate::cli::Cli::command());
        for (key, text) in &texts {
            assert_eq!(
                i18n::lookup(Lang::En, key),
                Some(text.as_str()),
                "`{key}` in the catalogues differs from cli.rs (update i18n/en.ftl and i18n/pt.ftl); run \
                 `LABKIT_PRINT_HELP_KEYS=1 cargo test --lib every_help_text_has_a_key -- --nocapture` for the list"
            );
        }
        for key in
            i18n::keys().filter(|k| k.starts_with("help.") && !k.starts_with("help.builtin."))
        {
            assert!(
                texts.iter().any(|(k, _)| k == key),
                "`{key}` is in the catalogues but no longer in cli.rs"
            );
        }
    }

    #[test]
    fn every_help_text_changes_in_portuguese() {
        let mut en = crate::cli::Cli::command();
        en.build();
        let pt = translate(crate::cli::Cli::command(), Lang::Pt, None);
        let en = english_texts(&en);
        let pt = english_texts(&pt);
        assert_eq!(en.len(), pt.len());
        for ((key, en), (_, pt)) in en.iter().zip(&pt) {
            assert_ne!(en, pt, "`{key}` is still in English");
        }
    }

    #[test]
    fn help_language_from_flag_then_env_then_locale() {
        let env = |vars: &[(&str, &str)]| Env {
            vars: vars
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
            ..Env::default()
        };
        let args = |a: &[&str]| -> Vec<std::ffi::OsString> {
            std::iter::once("labkit")
                .chain(a.iter().copied())
                .map(Into::into)
                .collect()
        };
        let none = env(&[]);
        assert_eq!(help_language(&args(&["--help"]), &none), Lang::En);
        assert_eq!(
            help_language(&args(&["--lang", "pt", "--help"]), &none),
            Lang::Pt
        );
        assert_eq!(
            help_language(&args(&["run", "--lang=pt_PT"]), &none),
            Lang::Pt
        );
        assert_eq!(
            help_language(&args(&["--", "--lang", "pt"]), &none),
            Lang::En
        );
        let pt_env = env(&[("LABKIT_LANG", "pt"), ("LANG", "en_GB.UTF-8")]);
        assert_eq!(help_language(&args(&["--help"]), &pt_env), Lang::Pt);
        assert_eq!(help_language(&args(&["--lang", "en"]), &pt_env), Lang::En);
        let locale = env(&[("LC_ALL", ""), ("LANG", "pt_PT.UTF-8")]);
        assert_eq!(help_language(&args(&["run", "--help"]), &locale), Lang::Pt);
        let c = env(&[("LC_ALL", "C"), ("LANG", "pt_PT.UTF-8")]);
        assert_eq!(help_language(&args(&[]), &c), Lang::En);
    }

    /// With `LABKIT_PRINT_HELP_KEYS=1 cargo test cli_help -- --nocapture`, prints every help key
    /// and its English text, to update the catalogue after changing `cli.rs`.
    #[test]
    fn every_help_text_has_a_key() {
        let texts = english_texts(&crate::cli::Cli::command());
        assert!(!texts.is_empty());
        if std::env::var_os("LABKIT_PRINT_HELP_KEYS").is_some() {
            for (key, text) in &texts {
                println!("{key}\t{text:?}");
            }
        }
    }
}
