//! `labkit init [DIR]`: a workspace for a lab team — `labkit.yaml`, `methods/`, `templates/`,
//! `sessions/` and a short README — ready to put under version control. Never overwrites.

use super::Outcome;
use crate::cli::InitArgs;
use crate::error::Error;
use crate::fsutil::write_atomic;
use crate::i18n::{t, tf};
use crate::lang::Lang;
use crate::output::Printer;
use crate::settings::{Settings, Workspace};

pub fn run(args: &InitArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let dir = args
        .dir
        .as_ref()
        .map_or_else(|| settings.cwd.clone(), |d| settings.cwd.join(d));
    let file = dir.join(Workspace::FILE);
    if file.exists() {
        return Err(Error::Usage(tf(
            settings.lang,
            "init.exists",
            &[("path", &file.display())],
        )));
    }
    if let Some(code) = &args.default_lang {
        Lang::parse(code)
            .ok_or_else(|| Error::Usage(tf(settings.lang, "init.bad_lang", &[("code", code)])))?;
    }
    let quote = |v: &str| serde_json::to_string(v).unwrap_or_default();
    let lab = args.lab.as_deref().map_or_else(
        || "# lab: \"Our Lab\"".to_owned(),
        |l| format!("lab: {}", quote(l)),
    );
    let language = args
        .default_lang
        .as_deref()
        .map_or_else(|| "# language: pt".to_owned(), |l| format!("language: {l}"));
    let facilitator = args.facilitator.as_deref().map_or_else(
        || "# facilitator: \"Ana Sousa\"".to_owned(),
        |f| format!("facilitator: {}", quote(f)),
    );
    let config = format!(
        "# labkit workspace: every labkit command run in this folder or below uses these settings.\n\
         # Flags and LABKIT_* environment variables take precedence; see `labkit config`.\n\n\
         # The lab's name, shown on reports.\n{lab}\n\n\
         # Default language for method text, messages and reports: en or pt.\n{language}\n\n\
         # Default facilitator for new sessions.\n{facilitator}\n\n\
         # Time zone of agendas' calendar files: Europe/Lisbon (the default), Atlantic/Madeira,\n\
         # Atlantic/Azores, Europe/London, Europe/Brussels, Europe/Madrid, Europe/Paris,\n\
         # Europe/Berlin or UTC.\n# timezone: Europe/Lisbon\n\n\
         # Folders, relative to this file.\nmethods: methods\ntemplates: templates\nsessions: sessions\n"
    );
    for folder in ["methods", "templates", "sessions"] {
        std::fs::create_dir_all(dir.join(folder))
            .map_err(|e| Error::io(dir.join(folder).display().to_string(), e))?;
    }
    write_atomic(&dir.join("methods/.gitkeep"), b"")?;
    write_atomic(&dir.join("templates/.gitkeep"), b"")?;
    write_atomic(&dir.join("sessions/.gitkeep"), b"")?;
    let readme = dir.join("README.md");
    if !readme.exists() {
        write_atomic(&readme, README.as_bytes())?;
    }
    write_atomic(&file, config.as_bytes())?;
    printer.note(&tf(
        settings.lang,
        "init.created",
        &[("path", &dir.display())],
    ));
    printer.note(t(settings.lang, "init.next"));
    Ok(0)
}

const README: &str = "# Our lab's labkit workspace

This folder holds the lab's own innovation methods, report templates and session records, for
labkit, the command-line toolkit of innovation methods (`labkit --help`). Keep it under version
control.

- `labkit.yaml` — the lab's name, default language and facilitator, and where things live.
- `methods/` — our own methods (`labkit new method ID`), or built-ins we changed
  (`labkit eject ID`). A file here with the same id as a built-in replaces it.
- `templates/` — our own report templates (`labkit eject ID --template`).
- `sessions/` — one YAML file per workshop, saved after every answer.

Everyday commands:

```sh
labkit list                          # every method we can run
labkit run experiment-plan           # a guided workshop; Ctrl-C saves, `labkit resume FILE` continues
labkit report sessions/FILE.yaml -o report.html
labkit portfolio                     # every session of the lab
labkit validate                      # check our methods
```
";
