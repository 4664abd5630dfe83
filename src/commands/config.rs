//! `labkit config`: every effective setting, its value and where it came from
//! (flag, environment, the workspace's labkit.yaml, the user's config.yaml, or the default).

use serde::Serialize;

use super::Outcome;
use crate::cli::{ConfigArgs, ConfigFormat};
use crate::error::Error;
use crate::output::Printer;
use crate::settings::{Settings, Source};

#[derive(Serialize)]
struct Row {
    setting: &'static str,
    value: String,
    source: String,
}

pub fn run(args: &ConfigArgs, settings: &Settings, printer: &mut Printer) -> Outcome {
    let ws = settings.workspace.as_ref().map_or_else(
        || Source::Default.to_string(),
        |w| Source::Workspace(w.root.join("labkit.yaml")).to_string(),
    );
    let folder = |path: Option<std::path::PathBuf>| {
        path.map(|p| p.display().to_string())
            .unwrap_or_else(|| "—".into())
    };
    let env_path = |var: &'static str, value: String, set: bool| Row {
        setting: var,
        value,
        source: if set {
            Source::Env(var).to_string()
        } else {
            Source::Default.to_string()
        },
    };
    let rows = vec![
        Row {
            setting: "language",
            value: settings.lang.code().into(),
            source: settings.lang_source.to_string(),
        },
        Row {
            setting: "lab",
            value: settings.lab.clone().unwrap_or_else(|| "—".into()),
            source: settings.lab_source.to_string(),
        },
        Row {
            setting: "facilitator",
            value: settings.facilitator.clone().unwrap_or_else(|| "—".into()),
            source: settings.facilitator_source.to_string(),
        },
        Row {
            setting: "color",
            value: if settings.color {
                "on".into()
            } else {
                "off".into()
            },
            source: settings.color_source.to_string(),
        },
        Row {
            setting: "timezone",
            value: settings.timezone.tzid.into(),
            source: settings.timezone_source.to_string(),
        },
        Row {
            setting: "workspace",
            value: folder(settings.workspace.as_ref().map(|w| w.root.clone())),
            source: if settings.workspace.is_some() {
                "nearest labkit.yaml".into()
            } else {
                "none found".into()
            },
        },
        Row {
            setting: "methods",
            value: folder(settings.workspace.as_ref().map(|w| w.methods_dir())),
            source: ws.clone(),
        },
        Row {
            setting: "templates",
            value: folder(settings.workspace.as_ref().map(|w| w.templates_dir())),
            source: ws.clone(),
        },
        Row {
            setting: "sessions",
            value: settings
                .workspace
                .as_ref()
                .map_or_else(|| settings.cwd.join("sessions"), |w| w.sessions_dir())
                .display()
                .to_string(),
            source: ws.clone(),
        },
        env_path(
            "LABKIT_PATH",
            settings
                .env_method_dirs
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(":"),
            !settings.env_method_dirs.is_empty(),
        ),
        Row {
            setting: "user config",
            value: settings
                .user_config
                .as_ref()
                .map_or_else(|| "—".into(), |p| p.display().to_string()),
            source: if settings.user_config.is_some() {
                "found".into()
            } else {
                "not found".into()
            },
        },
        Row {
            setting: "cache",
            value: folder(settings.cache_dir.clone()),
            source: "LABKIT_CACHE_DIR, XDG_CACHE_HOME or ~/.cache".into(),
        },
    ];
    let text = match args.format {
        ConfigFormat::Json => {
            serde_json::to_string_pretty(&rows).map_err(|e| Error::Input(e.to_string()))?
        }
        ConfigFormat::Table => {
            let mut table = crate::output::table(settings);
            table.set_header(
                ["config.setting", "config.value", "config.from"]
                    .map(|k| crate::i18n::t(settings.lang, k)),
            );
            for r in &rows {
                table.add_row([r.setting.to_owned(), r.value.clone(), r.source.clone()]);
            }
            crate::output::table_text(&table)
        }
    };
    printer.data(&text)?;
    Ok(0)
}
