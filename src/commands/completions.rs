//! Shell integration: `labkit completions SHELL`, `labkit man`, and the hidden `labkit ids`
//! that completion scripts call to offer method ids.

use std::path::{Path, PathBuf};

use clap::CommandFactory;
use clap_complete::Shell;

use super::Outcome;
use crate::cli::{Cli, CompletionsArgs, ManArgs};
use crate::error::Error;
use crate::fsutil;
use crate::lang::Lang;
use crate::output::Printer;
use crate::settings::Settings;

/// Subcommands whose first argument is a method or playbook id.
const TAKES_ID: &str = "show run agenda eject";

pub fn run(args: &CompletionsArgs, printer: &mut Printer) -> Outcome {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "labkit", &mut out);
    let mut script = String::from_utf8_lossy(&out).into_owned();
    // Method ids change with the workspace, so they are asked for when completing.
    match args.shell {
        Shell::Bash => script.push_str(&format!(
            r#"
# Method and playbook ids after `labkit {TAKES_ID}`.
_labkit_with_ids() {{
    local cur="${{COMP_WORDS[COMP_CWORD]}}"
    if [[ $COMP_CWORD -eq 2 && " {TAKES_ID} " == *" ${{COMP_WORDS[1]}} "* && "$cur" != -* ]]; then
        COMPREPLY=( $(compgen -W "$(labkit ids 2>/dev/null)" -- "$cur") )
        return 0
    fi
    _labkit "$@"
}}
complete -F _labkit_with_ids -o bashdefault -o default labkit
"#
        )),
        Shell::Fish => script.push_str(&format!(
            "\n# Method and playbook ids after `labkit {TAKES_ID}`.\ncomplete -c labkit -n '__fish_seen_subcommand_from {TAKES_ID}' -f -a '(labkit ids 2>/dev/null)'\n"
        )),
        Shell::Zsh => script.push_str(&format!(
            "\n# Method and playbook ids after `labkit {TAKES_ID}`.\n_labkit_ids() {{ compadd -- ${{(f)\"$(labkit ids 2>/dev/null)\"}} }}\n_labkit_with_ids() {{\n  if (( CURRENT == 3 )) && [[ \" {TAKES_ID} \" == *\" ${{words[2]}} \"* ]]; then _labkit_ids; else _labkit \"$@\"; fi\n}}\ncompdef _labkit_with_ids labkit\n"
        )),
        _ => {}
    }
    printer.data(&script)?;
    Ok(0)
}

/// `labkit man`: the main page on stdout, or with a folder every page written into it.
///
/// Each page is clap_mangen's rendering of one command of the tree, so a page exists for every
/// `labkit-…(1)` the pages name and each lists its own options. The texts are those of
/// `--help`, in the language the settings chose.
pub fn man(args: &ManArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let pages = man_pages(settings.lang)?;
    let Some(dir) = &args.dir else {
        let main = pages
            .first()
            .map(|(_, page)| page.as_str())
            .unwrap_or_default();
        printer.data(main)?;
        return Ok(0);
    };
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Usage(crate::i18n::msg(
            "man.not_a_folder",
            &[("path", &dir.display())],
        )));
    }
    let files: Vec<PathBuf> = pages.iter().map(|(name, _)| dir.join(name)).collect();
    // The pages are generated: earlier ones are replaced, anything that is not a file is not.
    let outputs: Vec<&Path> = files.iter().map(PathBuf::as_path).collect();
    fsutil::check_outputs(&outputs, &[], true)?;
    for (file, (_, page)) in files.iter().zip(&pages) {
        fsutil::write_atomic(file, page.as_bytes())?;
    }
    printer.note(&crate::i18n::tf(
        settings.lang,
        "man.written",
        &[("count", &pages.len()), ("dir", &dir.display())],
    ));
    Ok(0)
}

/// Every manual page as (file name, roff): `labkit.1` first, then one per visible command,
/// nested ones included (`labkit-calc-mde.1`).
pub fn man_pages(lang: Lang) -> Result<Vec<(String, String)>, Error> {
    // clap's `help` command has no page of its own, so the main page must not list it.
    let cmd = Cli::command().disable_help_subcommand(true);
    let mut cmd = crate::cli_pt::translate(cmd, lang, Some("labkit"));
    cmd.build();
    let mut pages = Vec::new();
    let mut pending = vec![cmd];
    while let Some(cmd) = pending.pop() {
        let man = clap_mangen::Man::new(cmd.clone());
        let mut out = Vec::new();
        man.render(&mut out)
            .map_err(|e| Error::Input(e.to_string()))?;
        let page = title_line(&String::from_utf8_lossy(&out), &cmd);
        pages.push((man.get_filename(), roff_ascii(&page)));
        // Reversed, so pages come out in the order of `--help`.
        pending.extend(
            cmd.get_subcommands()
                .filter(|sub| !sub.is_hide_set())
                .cloned()
                .collect::<Vec<_>>()
                .into_iter()
                .rev(),
        );
    }
    Ok(pages)
}

/// The page with its `.TH` line written out in full. clap_mangen leaves out an empty date
/// unquoted, so the source (`labkit 0.1.0`, or for a command just its name) slides into the
/// date's place in the footer; labkit has no release date to give, so the date stays empty.
fn title_line(page: &str, cmd: &clap::Command) -> String {
    let title = cmd.get_display_name().unwrap_or(cmd.get_name());
    let line = format!(
        ".TH {title} 1 \"\" \"labkit {}\" \"labkit\"",
        env!("CARGO_PKG_VERSION")
    );
    page.lines()
        .map(|l| {
            if l.starts_with(".TH ") {
                line.as_str()
            } else {
                l
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// The page with every character outside ASCII written as a roff escape (`…` as `\[u2026]`),
/// as groff's `preconv` would: man, groff and mandoc then read it the same in any locale, and
/// `groff -man` on the bare file gives no "invalid input character" warnings.
fn roff_ascii(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for c in page.chars() {
        if c.is_ascii() {
            out.push(c);
        } else if c == '…' {
            // groff has no ASCII fallback for the ellipsis (a warning under `LC_ALL=C man`).
            out.push_str("...");
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

pub fn ids(settings: &Settings, printer: &mut Printer) -> Outcome {
    let catalogue = crate::catalogue::Catalogue::load(settings);
    let ids: Vec<&str> = catalogue.entries.keys().map(String::as_str).collect();
    printer.data(&ids.join("\n"))?;
    Ok(0)
}
