//! Shell integration: `labkit completions SHELL`, `labkit man`, and the hidden `labkit ids`
//! that completion scripts call to offer method ids.

use clap::CommandFactory;
use clap_complete::Shell;

use super::Outcome;
use crate::cli::{Cli, CompletionsArgs};
use crate::error::Error;
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

pub fn man(printer: &mut Printer) -> Outcome {
    let mut out = Vec::new();
    clap_mangen::Man::new(Cli::command())
        .render(&mut out)
        .map_err(|e| Error::Input(e.to_string()))?;
    printer.data(&String::from_utf8_lossy(&out))?;
    Ok(0)
}

pub fn ids(settings: &Settings, printer: &mut Printer) -> Outcome {
    let catalogue = crate::catalogue::Catalogue::load(settings);
    let ids: Vec<&str> = catalogue.entries.keys().map(String::as_str).collect();
    printer.data(&ids.join("\n"))?;
    Ok(0)
}
