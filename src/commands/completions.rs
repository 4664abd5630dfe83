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
const TAKES_ID: [&str; 4] = ["show", "run", "agenda", "eject"];

/// Of those, the ones where that argument may also be a file (`run ./my-method.yaml`).
const TAKES_PATH: [&str; 1] = ["run"];

/// The script clap_complete writes, plus method ids where a command takes one.
///
/// Ids change with the workspace, so the script asks `labkit ids` for them while completing.
/// It offers them for the first argument after `show`, `run`, `agenda` or `eject` wherever the
/// options are (`labkit --lang pt show te<Tab>`): the words before the cursor are read the way
/// labkit reads them, skipping each option's value, with the options that take a value listed
/// from the command tree (so `--format json` is skipped and `--all` is not). Flags with known
/// values (`--lang`, `--stage`, `--status`, `--format`) are completed by clap's own script.
pub fn run(args: &CompletionsArgs, printer: &mut Printer) -> Outcome {
    let mut cmd = Cli::command();
    let mut out = Vec::new();
    clap_complete::generate(args.shell, &mut cmd, "labkit", &mut out);
    let script = String::from_utf8_lossy(&out).into_owned();
    cmd.build();
    let options = value_options(&cmd);
    let script = match args.shell {
        Shell::Bash => format!("{script}{}", bash_ids(&options)),
        Shell::Zsh => zsh_with_ids(&script, &options),
        Shell::Fish => format!("{script}{}", fish_ids(&cmd)),
        _ => script,
    };
    printer.data(&script)?;
    Ok(0)
}

/// Each option that takes a value, as `(command, spelling)`: the global ones with an empty
/// command (before the subcommand), then those of each command that takes an id. Both the long
/// and the short spelling are listed (`-o`, `--output`).
fn value_options(cmd: &clap::Command) -> Vec<(String, String)> {
    let spellings = |cmd: &clap::Command| -> Vec<String> {
        cmd.get_arguments()
            .filter(|a| !a.is_positional() && a.get_action().takes_values())
            .flat_map(|a| {
                let long = a.get_long().map(|l| format!("--{l}"));
                let short = a.get_short().map(|s| format!("-{s}"));
                long.into_iter().chain(short)
            })
            .collect()
    };
    let mut options: Vec<(String, String)> = spellings(cmd)
        .into_iter()
        .map(|o| (String::new(), o))
        .collect();
    for sub in cmd
        .get_subcommands()
        .filter(|s| TAKES_ID.contains(&s.get_name()))
    {
        // A built tree: the global options are among each command's own.
        for o in spellings(sub) {
            options.push((sub.get_name().to_owned(), o));
        }
    }
    options
}

/// A shell `case` pattern list matching `"COMMAND OPTION"` for every option taking a value.
fn case_patterns(options: &[(String, String)]) -> String {
    options
        .iter()
        .map(|(sub, o)| format!("\"{sub} {o}\""))
        .collect::<Vec<_>>()
        .join("|")
}

fn bash_ids(options: &[(String, String)]) -> String {
    r#"
# Method and playbook ids for `labkit show|run|agenda|eject`, wherever the options are: the
# words before the cursor are read as labkit reads them, skipping each option's value.
_labkit_takes_value() {
    case "$1 $2" in
        @PATTERNS@) return 0 ;;
    esac
    return 1
}
_labkit_with_ids() {
    local i word sub="" positionals=0 value=0
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        if ((value)); then
            # bash splits `--lang=pt` into `--lang` `=` `pt`.
            [[ $word == "=" ]] || value=0
            continue
        fi
        case "$word" in
            -*) _labkit_takes_value "$sub" "$word" && value=1 ;;
            *) if [[ -z $sub ]]; then sub=$word; else ((positionals += 1)); fi ;;
        esac
    done
    local cur="${COMP_WORDS[COMP_CWORD]}"
    if ((!value && positionals == 0)) && [[ " @TAKES_ID@ " == *" $sub "* && $cur != -* ]]; then
        COMPREPLY=($(compgen -W "$(labkit ids 2>/dev/null)" -- "$cur"))
        return 0
    fi
    _labkit "$@"
}
complete -F _labkit_with_ids -o bashdefault -o default labkit
"#
    .replace("@PATTERNS@", &case_patterns(options))
    .replace("@TAKES_ID@", &TAKES_ID.join(" "))
}

/// The zsh script with the id-aware entry point. clap's script ends by calling `_labkit` (when
/// autoloaded from `$fpath`) or by binding it (when sourced); both must go through the wrapper,
/// and the autoloaded case must rebind, or only the first <Tab> would see the ids.
fn zsh_with_ids(script: &str, options: &[(String, String)]) -> String {
    let functions = r#"
# Method and playbook ids for `labkit show|run|agenda|eject`, wherever the options are: the
# words before the cursor are read as labkit reads them, skipping each option's value.
_labkit_takes_value() {
    case "$1 $2" in
        @PATTERNS@) return 0 ;;
    esac
    return 1
}
_labkit_ids() {
    compadd -- ${(f)"$(labkit ids 2>/dev/null)"}
}
_labkit_with_ids() {
    local i word sub="" positionals=0 value=0
    for (( i = 2; i < CURRENT; i++ )); do
        word=${words[i]}
        if (( value )); then
            value=0
            continue
        fi
        case $word in
            --*=*) ;;
            -*) _labkit_takes_value "$sub" "$word" && value=1 ;;
            *) if [[ -z $sub ]]; then sub=$word; else (( positionals += 1 )); fi ;;
        esac
    done
    if (( !value && positionals == 0 )) && [[ " @TAKES_ID@ " == *" $sub "* && ${words[CURRENT]} != -* ]]; then
        _labkit_ids
        if [[ " @TAKES_PATH@ " == *" $sub "* ]]; then
            _files
        fi
    else
        _labkit "$@"
    fi
}
"#
    .replace("@PATTERNS@", &case_patterns(options))
    .replace("@TAKES_ID@", &TAKES_ID.join(" "))
    .replace("@TAKES_PATH@", &TAKES_PATH.join(" "));
    let ending = "if [ \"$funcstack[1]\" = \"_labkit\" ]; then\n    _labkit \"$@\"\nelse\n    compdef _labkit labkit\nfi\n";
    let wrapped = "if [ \"$funcstack[1]\" = \"_labkit\" ]; then\n    compdef _labkit_with_ids labkit\n    _labkit_with_ids \"$@\"\nelse\n    compdef _labkit_with_ids labkit\nfi\n";
    match script.rfind(ending) {
        Some(at) => format!("{}{functions}\n{wrapped}", &script[..at]),
        // A clap_complete that ends differently: bind the wrapper after it.
        None => format!("{script}{functions}\ncompdef _labkit_with_ids labkit\n"),
    }
}

/// fish: a condition that reads the command line with `argparse`, as clap's own script does,
/// given each command's options; ids are offered when nothing but options follows the command.
fn fish_ids(cmd: &clap::Command) -> String {
    let specs = |cmd: &clap::Command| -> String {
        cmd.get_arguments()
            .filter(|a| !a.is_positional())
            .filter_map(|a| {
                let name = match (a.get_short(), a.get_long()) {
                    (Some(s), Some(l)) => format!("{s}/{l}"),
                    (Some(s), None) => s.to_string(),
                    (None, Some(l)) => l.to_owned(),
                    (None, None) => return None,
                };
                Some(if a.get_action().takes_values() {
                    format!("'{name}=+'")
                } else {
                    format!("'{name}'")
                })
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut cases = String::new();
    for sub in cmd
        .get_subcommands()
        .filter(|s| TAKES_ID.contains(&s.get_name()))
    {
        cases.push_str(&format!(
            "        case {}\n            set specs {}\n",
            sub.get_name(),
            specs(sub)
        ));
    }
    // clap's script finds the command with an `argparse` that fails while a global option
    // still waits for its value, so `labkit --lang <Tab>` would offer nothing: these rules
    // offer the values of the global options until a command is typed.
    let commands: Vec<&str> = cmd.get_subcommands().map(|c| c.get_name()).collect();
    let mut globals = String::new();
    for arg in cmd.get_arguments().filter(|a| !a.is_positional()) {
        let values: Vec<String> = arg
            .get_possible_values()
            .iter()
            .map(|v| v.get_name().to_owned())
            .collect();
        if let (Some(long), false) = (arg.get_long(), values.is_empty()) {
            globals.push_str(&format!(
                "complete -c labkit -n 'not __fish_seen_subcommand_from {}' -l {long} -r -f -a '{}'\n",
                commands.join(" "),
                values.join(" ")
            ));
        }
    }
    let with_files: Vec<&str> = TAKES_ID
        .iter()
        .copied()
        .filter(|c| !TAKES_PATH.contains(c))
        .collect();
    r#"
# Method and playbook ids for `labkit show|run|agenda|eject`, wherever the options are: the
# command line is read with argparse, given each command's options, as labkit reads it.
function __fish_labkit_needs_id
    set -l wanted $argv
    set -l words (commandline -opc)
    set -e words[1]
    argparse -s @GLOBAL_SPECS@ -- $words 2>/dev/null
    or return 1
    if not set -q argv[1]; or not contains -- $argv[1] $wanted
        return 1
    end
    set -l specs
    switch $argv[1]
@CASES@        case '*'
            return 1
    end
    set -e argv[1]
    argparse $specs -- $argv 2>/dev/null
    or return 1
    not set -q argv[1]
end
complete -c labkit -n '__fish_labkit_needs_id @ONLY_IDS@' -f -a '(labkit ids 2>/dev/null)'
complete -c labkit -n '__fish_labkit_needs_id @WITH_FILES@' -a '(labkit ids 2>/dev/null)'
@GLOBAL_VALUES@"#
        .replace("@GLOBAL_SPECS@", &specs(cmd))
        .replace("@CASES@", &cases)
        .replace("@ONLY_IDS@", &with_files.join(" "))
        .replace("@WITH_FILES@", &TAKES_PATH.join(" "))
        .replace("@GLOBAL_VALUES@", &globals)
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
fn man_pages(lang: Lang) -> Result<Vec<(String, String)>, Error> {
    // clap's `help` command has no page of its own, so the main page must not list it.
    let cmd = Cli::command().disable_help_subcommand(true);
    let mut cmd = crate::cli_help::translate(cmd, lang, Some("labkit"));
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
