//! `labkit eject ID [--template]`: copy a built-in method, playbook or report template into
//! the workspace so the lab can change it. The copy then shadows the built-in.

use super::Outcome;
use crate::cli::EjectArgs;
use crate::error::Error;
use crate::fsutil::{check_overwrite, write_atomic};
use crate::i18n::{t, tf};
use crate::library::{self, Library};
use crate::output::Printer;
use crate::settings::Settings;

pub fn run(args: &EjectArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let lang = settings.lang;
    let Some(ws) = &settings.workspace else {
        return Err(Error::Usage(t(lang, "eject.no_workspace").into()));
    };
    let id = &args.id;
    let (bytes, target) = if args.template {
        let bytes = crate::report::built_in_template(id).ok_or_else(|| {
            let names = crate::report::built_in_names();
            let hint = crate::method::suggest(id, names.iter().map(String::as_str))
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            Error::Usage(tf(
                lang,
                "eject.no_template",
                &[("id", id), ("hint", &hint)],
            ))
        })?;
        (bytes, ws.templates_dir().join(format!("{id}.md.hbs")))
    } else {
        let bytes = library::built_in_source(id).ok_or_else(|| {
            let all = Library::load_layers(&[]);
            let hint = crate::method::suggest(id, all.ids())
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            Error::Usage(tf(lang, "eject.no_method", &[("id", id), ("hint", &hint)]))
        })?;
        let playbook =
            library::built_in_source_path(id).is_some_and(|p| p.starts_with("playbooks"));
        let dir = if playbook {
            ws.methods_dir().join("playbooks")
        } else {
            ws.methods_dir()
        };
        (bytes, dir.join(format!("{id}.yaml")))
    };
    check_overwrite(&target, args.force)?;
    write_atomic(&target, bytes)?;
    let copied = if args.template {
        "eject.copied_template"
    } else {
        "eject.copied_method"
    };
    printer.note(&tf(lang, copied, &[("path", &target.display())]));
    printer.note(&tf(lang, "eject.shadows", &[("id", id)]));
    Ok(0)
}
