//! `--help` and usage texts in Portuguese.
//!
//! clap builds the English help from the doc comments in `cli.rs`. When the help language is
//! Portuguese, [`translate`] walks the command tree and replaces each `about`, `long_about`,
//! `after_help` and argument help with its `help.*` entry in the i18n catalogue. Keys follow the
//! command path: `help.about` (the root), `help.run.about`, `help.run.after_help`,
//! `help.run.arg.answers`, `help.calc.sample-size.arg.alpha`. The English catalogue repeats the
//! doc comments so both catalogues have the same keys; a test checks that it matches them.
//!
//! The help language is worked out before parsing by [`help_language`], from `--lang`, then
//! `LABKIT_LANG`, then `LC_ALL`/`LC_MESSAGES`/`LANG`. It skips `labkit.yaml` and the user
//! configuration (reading them would mean finding the workspace before parsing), so a workspace
//! whose language is Portuguese still gets English `--help` unless one of those says `pt`.

use clap::{Arg, Command};

use crate::i18n;
use crate::lang::Lang;
use crate::settings::Env;

/// The language for `--help` and usage texts, from the raw arguments and the environment.
pub fn help_language(args: &[std::ffi::OsString], env: &Env) -> Lang {
    let mut rest = args.iter().skip(1).map(|a| a.to_str());
    while let Some(arg) = rest.next() {
        match arg {
            Some("--") => break,
            Some("--lang") => {
                return rest
                    .next()
                    .flatten()
                    .and_then(Lang::parse)
                    .unwrap_or_default();
            }
            Some(a) => {
                if let Some(value) = a.strip_prefix("--lang=") {
                    return Lang::parse(value).unwrap_or_default();
                }
            }
            None => {}
        }
    }
    if let Some(value) = env.var("LABKIT_LANG") {
        return Lang::parse(value).unwrap_or_default();
    }
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .find_map(|var| env.var(var))
        .and_then(Lang::from_locale)
        .unwrap_or_default()
}

/// The command tree with its help texts in `lang`; English is returned as it is.
pub fn translate(cmd: Command, lang: Lang) -> Command {
    if lang == Lang::En {
        return cmd;
    }
    translate_command(cmd, "help", lang)
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
    arg
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
                "`{key}` in the catalogues differs from cli.rs (update EN and PT); run \
                 `cargo test --lib print_english_texts -- --ignored --nocapture` for the list"
            );
        }
        for key in i18n::keys().filter(|k| k.starts_with("help.")) {
            assert!(
                texts.iter().any(|(k, _)| k == key),
                "`{key}` is in the catalogues but no longer in cli.rs"
            );
        }
    }

    #[test]
    fn every_help_text_changes_in_portuguese() {
        let pt = translate(crate::cli::Cli::command(), Lang::Pt);
        let en = english_texts(&crate::cli::Cli::command());
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

    #[test]
    #[ignore = "prints the help texts, to update the catalogue"]
    fn print_english_texts() {
        for (key, text) in english_texts(&crate::cli::Cli::command()) {
            println!("{key}\t{text:?}");
        }
    }
}
