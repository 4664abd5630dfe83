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
    // Everything made here is undone if any part fails (a full disk, `ulimit -f`): a workspace
    // is either whole or not there.
    let mut made: Vec<std::path::PathBuf> = Vec::new();
    let result = make_workspace(&dir, &file, &config, &mut made);
    if result.is_err() {
        for path in made.iter().rev() {
            let _ = std::fs::remove_file(path).or_else(|_| std::fs::remove_dir(path));
        }
    }
    result?;
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

/// Creates the workspace's folders and files, recording each new one in `made`.
fn make_workspace(
    dir: &std::path::Path,
    file: &std::path::Path,
    config: &str,
    made: &mut Vec<std::path::PathBuf>,
) -> Result<(), Error> {
    let create_dir = |path: std::path::PathBuf, made: &mut Vec<std::path::PathBuf>| {
        // Each missing folder on the way, outermost first, so undoing removes them all.
        let mut missing: Vec<std::path::PathBuf> = path
            .ancestors()
            .take_while(|p| !p.as_os_str().is_empty() && !p.exists())
            .map(std::path::Path::to_path_buf)
            .collect();
        missing.reverse();
        std::fs::create_dir_all(&path).map_err(|e| Error::io(path.display().to_string(), e))?;
        made.extend(missing);
        Ok::<(), Error>(())
    };
    for folder in ["methods", "templates", "sessions"] {
        create_dir(dir.join(folder), made)?;
    }
    let write = |path: std::path::PathBuf, bytes: &[u8], made: &mut Vec<std::path::PathBuf>| {
        let new = !path.exists();
        write_atomic(&path, bytes)?;
        if new {
            made.push(path);
        }
        Ok::<(), Error>(())
    };
    write(dir.join("methods/.gitkeep"), b"", made)?;
    write(dir.join("templates/.gitkeep"), b"", made)?;
    write(dir.join("sessions/.gitkeep"), b"", made)?;
    let readme = dir.join("README.md");
    if !readme.exists() {
        write(readme, README.as_bytes(), made)?;
    }
    write(file.to_path_buf(), config.as_bytes(), made)?;
    Ok(())
}
