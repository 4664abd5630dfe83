//! Resolved settings: flags, `LABKIT_*` environment and the workspace's `labkit.yaml`, merged
//! once at start-up so commands never look at the process environment themselves.
//!
//! `Env` is the seam: `main` fills it from the real process, tests fill it by hand.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::cli::{ColorChoice, GlobalArgs};
use crate::error::Error;
use crate::lang::Lang;
use crate::method::{Issue, place};

/// What labkit knows about the process it runs in.
#[derive(Debug, Clone, Default)]
pub struct Env {
    pub vars: HashMap<String, String>,
    pub cwd: PathBuf,
    pub stdin_is_terminal: bool,
    pub stdout_is_terminal: bool,
    pub stderr_is_terminal: bool,
    /// Terminal width in columns, when stdout is a terminal.
    pub width: Option<u16>,
}

impl Env {
    pub fn var(&self, name: &str) -> Option<&str> {
        self.vars
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// The workspace file, `labkit.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkspaceConfig {
    /// The lab's name, shown on reports.
    #[serde(default)]
    pub lab: Option<String>,
    /// Default language (`en` or `pt`).
    #[serde(default)]
    pub language: Option<String>,
    /// Default facilitator for new sessions.
    #[serde(default)]
    pub facilitator: Option<String>,
    /// Folder of the lab's own methods (default `methods`).
    #[serde(default)]
    pub methods: Option<PathBuf>,
    /// Folder of the lab's own report templates (default `templates`).
    #[serde(default)]
    pub templates: Option<PathBuf>,
    /// Folder where sessions are saved (default `sessions`).
    #[serde(default)]
    pub sessions: Option<PathBuf>,
}

/// A workspace: the folder holding the nearest `labkit.yaml`.
#[derive(Debug, Clone)]
pub struct Workspace {
    pub root: PathBuf,
    pub config: WorkspaceConfig,
}

impl Workspace {
    pub const FILE: &'static str = "labkit.yaml";

    /// Walks up from `start` to the nearest folder with a `labkit.yaml`, as git does.
    pub fn discover(start: &Path) -> Result<Option<Workspace>, Error> {
        for dir in start.ancestors() {
            let file = dir.join(Self::FILE);
            if file.is_file() {
                return Workspace::load(dir, &file).map(Some);
            }
        }
        Ok(None)
    }

    fn load(root: &Path, file: &Path) -> Result<Workspace, Error> {
        let name = file.display().to_string();
        let text = std::fs::read_to_string(file).map_err(|e| Error::io(&name, e))?;
        let config = if text.trim().is_empty() {
            WorkspaceConfig::default()
        } else {
            serde_path_to_error::deserialize(serde_yaml::Deserializer::from_str(&text)).map_err(
                |err| {
                    let path = err.path().to_string();
                    let message = err.into_inner().to_string();
                    let message = message
                        .split(" at line ")
                        .next()
                        .unwrap_or(&message)
                        .to_owned();
                    let path = if path == "." { String::new() } else { path };
                    let (path, message) = match message.strip_prefix("unknown field `") {
                        Some(rest) => {
                            let key = rest.split('`').next().unwrap_or_default();
                            (key.to_owned(), format!("unknown key `{key}`"))
                        }
                        None => (path, message),
                    };
                    Error::Diagnostics(place(&name, vec![Issue::new(path, message)], Some(&text)))
                },
            )?
        };
        Ok(Workspace {
            root: root.to_owned(),
            config,
        })
    }

    pub fn methods_dir(&self) -> PathBuf {
        self.root.join(
            self.config
                .methods
                .as_deref()
                .unwrap_or(Path::new("methods")),
        )
    }

    pub fn templates_dir(&self) -> PathBuf {
        self.root.join(
            self.config
                .templates
                .as_deref()
                .unwrap_or(Path::new("templates")),
        )
    }

    pub fn sessions_dir(&self) -> PathBuf {
        self.root.join(
            self.config
                .sessions
                .as_deref()
                .unwrap_or(Path::new("sessions")),
        )
    }
}

/// Everything a command needs to know about how it was asked to behave.
#[derive(Debug, Clone)]
pub struct Settings {
    pub lang: Lang,
    /// Whether `--lang` was given (a report then ignores the session's own language).
    pub lang_from_flag: bool,
    pub color: bool,
    pub quiet: bool,
    pub no_input: bool,
    pub interactive: bool,
    pub width: Option<u16>,
    pub cwd: PathBuf,
    pub workspace: Option<Workspace>,
    /// Extra method folders from `LABKIT_PATH`, lowest precedence after built-ins.
    pub env_method_dirs: Vec<PathBuf>,
    /// Method folders or files from `--methods`, highest precedence.
    pub flag_method_dirs: Vec<PathBuf>,
    /// Where labkit may keep caches (`LABKIT_CACHE_DIR`, else `$XDG_CACHE_HOME/labkit`, else
    /// `~/.cache/labkit`); `None` turns caching off.
    pub cache_dir: Option<PathBuf>,
}

impl Settings {
    pub fn resolve(global: &GlobalArgs, env: &Env) -> Result<Settings, Error> {
        let workspace = Workspace::discover(&env.cwd)?;
        let lang = resolve_lang(global, env, workspace.as_ref())?;
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                env.stderr_is_terminal
                    && env.var("NO_COLOR").is_none()
                    && env.var("TERM") != Some("dumb")
            }
        };
        let env_method_dirs = env
            .var("LABKIT_PATH")
            .map(|p| std::env::split_paths(p).map(|d| env.cwd.join(d)).collect())
            .unwrap_or_default();
        let flag_method_dirs = global.methods.iter().map(|d| env.cwd.join(d)).collect();
        let no_input = global.no_input || env.var("LABKIT_NO_INPUT").is_some_and(|v| v != "0");
        let cache_dir = env
            .var("LABKIT_CACHE_DIR")
            .map(PathBuf::from)
            .or_else(|| {
                env.var("XDG_CACHE_HOME")
                    .map(|d| Path::new(d).join("labkit"))
            })
            .or_else(|| env.var("HOME").map(|h| Path::new(h).join(".cache/labkit")));
        Ok(Settings {
            cache_dir,
            lang,
            lang_from_flag: global.lang.is_some(),
            color,
            quiet: global.quiet,
            no_input,
            interactive: !no_input && env.stdin_is_terminal && env.stderr_is_terminal,
            width: env.width,
            cwd: env.cwd.clone(),
            workspace,
            env_method_dirs,
            flag_method_dirs,
        })
    }
}

/// `--lang` > `LABKIT_LANG` > `labkit.yaml` > `LC_ALL` > `LC_MESSAGES` > `LANG` > English.
fn resolve_lang(
    global: &GlobalArgs,
    env: &Env,
    workspace: Option<&Workspace>,
) -> Result<Lang, Error> {
    if let Some(code) = &global.lang {
        return Lang::parse(code).ok_or_else(|| {
            Error::Usage(format!(
                "unknown language `{code}`; labkit speaks `en` and `pt`"
            ))
        });
    }
    if let Some(code) = env.var("LABKIT_LANG") {
        return Lang::parse(code).ok_or_else(|| {
            Error::Usage(format!(
                "LABKIT_LANG=`{code}` is not a language labkit speaks; use `en` or `pt`"
            ))
        });
    }
    if let Some(code) = workspace.and_then(|w| w.config.language.as_deref()) {
        return Lang::parse(code).ok_or_else(|| Error::Usage(format!("`language: {code}` in labkit.yaml is not a language labkit speaks; use `en` or `pt`")));
    }
    for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
        if let Some(value) = env.var(var) {
            return Ok(Lang::from_locale(value).unwrap_or_default());
        }
    }
    Ok(Lang::En)
}
