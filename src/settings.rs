//! Resolved settings: flags > `LABKIT_*` environment > the workspace's `labkit.yaml` > the
//! user's `config.yaml` > defaults, merged once at start-up so commands never look at the
//! process environment themselves. Each value remembers where it came from (`labkit config`).
//!
//! `Env` is the seam: `main` fills it from the real process, tests fill it by hand.

use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::calendar::Zone;
use crate::cli::{ColorChoice, GlobalArgs};
use crate::error::Error;
use crate::lang::Lang;

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
    /// The program as it was invoked (`argv[0]`), for commands labkit tells people to type.
    pub program: Option<String>,
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
    /// Time zone of calendar files (`agenda --format ics`), an IANA name such as
    /// `Europe/Lisbon`.
    #[serde(default)]
    pub timezone: Option<String>,
    /// Method libraries fetched from git (see `labkit library` and docs/libraries.md).
    #[serde(default)]
    pub libraries: Vec<crate::gitlib::LibrarySpec>,
}

/// The user's own defaults, `$XDG_CONFIG_HOME/labkit/config.yaml`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserConfig {
    #[serde(default)]
    pub language: Option<String>,
    #[serde(default)]
    pub lab: Option<String>,
    #[serde(default)]
    pub facilitator: Option<String>,
    /// `auto`, `always` or `never`.
    #[serde(default)]
    pub color: Option<String>,
    #[serde(default)]
    pub timezone: Option<String>,
    /// Method libraries for every workspace (before the workspace's own).
    #[serde(default)]
    pub libraries: Vec<crate::gitlib::LibrarySpec>,
}

/// Reads a YAML config file strictly: an unknown key is an error naming its line.
fn load_config<T: DeserializeOwned + Default>(file: &Path) -> Result<T, Error> {
    let name = file.display().to_string();
    let text = crate::input::read_document(file)?;
    if text.trim().is_empty() {
        return Ok(T::default());
    }
    // Read before the message language is known: English unless a caller set it.
    crate::method::deserialize_placed(&text, &name).map_err(Error::Diagnostics)
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
        let Some(root) = Workspace::find_root(start) else {
            return Ok(None);
        };
        let config = load_config(&root.join(Self::FILE))?;
        Ok(Some(Workspace { root, config }))
    }

    /// The folder of the nearest `labkit.yaml` at or above `start`, without reading it.
    pub fn find_root(start: &Path) -> Option<PathBuf> {
        start
            .ancestors()
            .find(|dir| dir.join(Self::FILE).is_file())
            .map(Path::to_owned)
    }

    fn folder(&self, configured: &Option<PathBuf>, default: &str) -> PathBuf {
        self.root
            .join(configured.as_deref().unwrap_or(Path::new(default)))
    }

    pub fn methods_dir(&self) -> PathBuf {
        self.folder(&self.config.methods, "methods")
    }

    pub fn templates_dir(&self) -> PathBuf {
        self.folder(&self.config.templates, "templates")
    }

    pub fn sessions_dir(&self) -> PathBuf {
        self.folder(&self.config.sessions, "sessions")
    }
}

/// Where a setting's value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    Flag(&'static str),
    Env(&'static str),
    Workspace(PathBuf),
    User(PathBuf),
    Default,
}

impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::i18n::msg;
        match self {
            Source::Flag(flag) => f.write_str(&msg("source.flag", &[("flag", flag)])),
            Source::Env(var) => f.write_str(&msg("source.env", &[("var", var)])),
            Source::Workspace(file) | Source::User(file) => write!(f, "{}", file.display()),
            Source::Default => f.write_str(&msg("source.default", &[])),
        }
    }
}

/// Everything a command needs to know about how it was asked to behave.
#[derive(Debug, Clone)]
pub struct Settings {
    pub lang: Lang,
    pub lang_source: Source,
    /// Whether `--lang` was given (a report then ignores the session's own language).
    pub lang_from_flag: bool,
    pub lab: Option<String>,
    pub lab_source: Source,
    pub facilitator: Option<String>,
    pub facilitator_source: Source,
    pub color: bool,
    pub color_source: Source,
    /// The zone calendar files are written in (`agenda --tz` overrides it).
    pub timezone: &'static Zone,
    pub timezone_source: Source,
    pub quiet: bool,
    /// Spinners and bars may be drawn on stderr (a terminal, not `--quiet`).
    pub progress: bool,
    pub no_input: bool,
    pub interactive: bool,
    /// Columns of the terminal stdout is, when it is one (and its size is known).
    pub width: Option<u16>,
    /// stdout is a terminal: data printed there is shown, so it is sanitised (see `output`).
    pub stdout_terminal: bool,
    pub cwd: PathBuf,
    pub workspace: Option<Workspace>,
    /// The user's config file, when it exists.
    pub user_config: Option<PathBuf>,
    /// Extra method folders from `LABKIT_PATH`, lowest precedence after built-ins.
    pub env_method_dirs: Vec<PathBuf>,
    /// Method folders or files from `--methods`, highest precedence.
    pub flag_method_dirs: Vec<PathBuf>,
    /// The program as it was invoked (`argv[0]`).
    pub program: Option<String>,
    /// `PATH`, to tell whether `labkit` there is this program.
    pub path_var: Option<String>,
    /// Where labkit may keep caches (`LABKIT_CACHE_DIR`, else `$XDG_CACHE_HOME/labkit`, else
    /// `~/.cache/labkit`); `None` turns caching off.
    pub cache_dir: Option<PathBuf>,
    /// Method libraries from git: the user config's, then the workspace's, lowest precedence
    /// first, each with its pin from `labkit.lock`.
    pub libraries: Vec<crate::gitlib::Configured>,
    /// The git program (`LABKIT_GIT`, else `git`).
    pub git_program: Option<String>,
}

/// The zone of that name, or a usage error naming where the name came from and the zones
/// labkit can write (without a tz database it knows only those; see `calendar`).
pub fn time_zone(name: &str, source: &Source, lang: Lang) -> Result<&'static Zone, Error> {
    crate::calendar::zone(name).ok_or_else(|| {
        Error::Usage(crate::i18n::tf(
            lang,
            "agenda.bad_timezone",
            &[
                ("source", source),
                ("zone", &name),
                ("zones", &crate::calendar::ZONE_NAMES.join(", ")),
            ],
        ))
    })
}

/// Where the last resolved settings look for extra languages: the workspace root and the user
/// config file (set by [`Settings::resolve`]), for [`known_language`].
static LANGUAGE_PLACES: Mutex<(Option<PathBuf>, Option<PathBuf>)> = Mutex::new((None, None));

/// The language a session or file names by `code`: a built-in one, an extra one already
/// loaded, or an extra one whose `i18n/<code>.ftl` the workspace or user config holds.
pub fn known_language(code: &str) -> Option<Lang> {
    // The usual case, asked for by every report helper: a code labkit wrote, already known.
    if let Some(lang) = Lang::exact(code) {
        return Some(lang);
    }
    let places = LANGUAGE_PLACES.lock().unwrap_or_else(|e| e.into_inner());
    language_named(code, places.0.as_deref(), places.1.as_deref())
        .ok()
        .flatten()
}

/// The most bytes an extra language's `.ftl` may hold (labkit's own `en.ftl` is well under).
const MAX_FTL_BYTES: u64 = 4 * 1024 * 1024;

/// The language `value` names (a code, a tag or a locale such as `pt_BR.UTF-8`): a regional
/// language the lab dropped in as a file when there is one (`i18n/pt-BR.ftl`), else the language
/// itself or its base (`pt-BR` is labkit's `pt` without that file, `en-GB` its English).
/// Built-in tags (`en`, `pt`, `pt-PT`) touch no file. `Ok(None)` when nothing matches.
pub fn language_named(
    value: &str,
    workspace: Option<&Path>,
    user_config: Option<&Path>,
) -> Result<Option<Lang>, Error> {
    let Some(tag) = Lang::locale_tag(value) else {
        return Ok(None);
    };
    // Built in, or added and already loaded: no file to look for.
    if let Some(lang) =
        Lang::exact(&tag).or_else(|| Lang::from_code(&tag).filter(|l| l.is_built_in()))
    {
        return Ok(Some(lang));
    }
    match extra_language(&tag, workspace, user_config)? {
        Some(lang) => Ok(Some(lang)),
        None => Ok(Lang::parse(&tag)),
    }
}

/// An extra language, asked for by its canonical `tag` (not a built-in one): its messages are
/// read from `i18n/<tag>.ftl` in the workspace, else beside the user config
/// (`~/.config/labkit/i18n/`). A regional tag (`es-MX`) also loads its base language's file
/// (`es.ftl`), which fills in what the regional file lacks; with only the base file, the base
/// language is used. Only looked for when the language asked for is not built in, so start-up
/// stays cheap. `Ok(None)` when no file has it.
fn extra_language(
    tag: &str,
    workspace: Option<&Path>,
    user_config: Option<&Path>,
) -> Result<Option<Lang>, Error> {
    let dirs = [workspace, user_config.and_then(Path::parent)];
    let base = Lang::base(tag);
    let base_lang = match Lang::from_code(&base) {
        Some(Lang::Other(_)) => load_language_file(&base, &dirs)?,
        built_in => built_in,
    };
    if tag != base
        && let Some(lang) = load_language_file(tag, &dirs)?
    {
        return Ok(Some(lang));
    }
    Ok(base_lang.filter(|l| !l.is_built_in()))
}

/// Every extra language the workspace and the user config hold (`i18n/<tag>.ftl`), loaded and
/// registered, so that a participant's browser asking for one of them gets it (the room serves
/// each device in its own language). Files whose name is not a language tag are skipped.
pub fn load_every_language() -> Result<Vec<Lang>, Error> {
    let (workspace, user_config) = LANGUAGE_PLACES
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .clone();
    let dirs = [
        workspace.as_deref(),
        user_config.as_deref().and_then(Path::parent),
    ];
    let mut tags: Vec<String> = Vec::new();
    for dir in dirs.iter().flatten() {
        let Ok(entries) = std::fs::read_dir(dir.join("i18n")) else {
            continue;
        };
        for entry in entries.flatten() {
            let name = entry.file_name();
            let Some(stem) = name.to_str().and_then(|n| n.strip_suffix(".ftl")) else {
                continue;
            };
            match Lang::from_code(stem) {
                Some(Lang::Other(tag)) if tag == stem && !tags.iter().any(|t| t == tag) => {
                    tags.push(tag.to_owned())
                }
                _ => {}
            }
        }
    }
    // Base languages first, so a regional file finds its base registered.
    tags.sort_by_key(|t| (t.contains('-'), t.clone()));
    let mut langs = Vec::new();
    for tag in tags {
        if let Some(lang) = load_language_file(&tag, &dirs)? {
            langs.push(lang);
        }
    }
    Ok(langs)
}

/// Reads `i18n/<tag>.ftl` from the first of `dirs` that has it and adds it as a language.
fn load_language_file(tag: &str, dirs: &[Option<&Path>]) -> Result<Option<Lang>, Error> {
    if let Some(lang) = Lang::exact(tag) {
        return Ok(Some(lang));
    }
    for dir in dirs.iter().flatten() {
        let file = dir.join("i18n").join(format!("{tag}.ftl"));
        let Ok(meta) = std::fs::metadata(&file) else {
            continue;
        };
        if !meta.is_file() {
            continue;
        }
        if meta.len() > MAX_FTL_BYTES {
            return Err(Error::Usage(crate::i18n::msg(
                "settings.lang_file_too_big",
                &[("file", &file.display()), ("max", &MAX_FTL_BYTES)],
            )));
        }
        let text = std::fs::read_to_string(&file).map_err(|e| {
            Error::Usage(crate::i18n::msg(
                "settings.lang_file_unreadable",
                &[("file", &file.display()), ("error", &e)],
            ))
        })?;
        return Ok(crate::i18n::add_language(
            tag,
            text,
            &file.display().to_string(),
        ));
    }
    Ok(None)
}

/// The user config file's path: `$XDG_CONFIG_HOME/labkit/config.yaml`, else
/// `~/.config/labkit/config.yaml`.
pub fn user_config_path(env: &Env) -> Option<PathBuf> {
    env.var("XDG_CONFIG_HOME")
        .map(|d| Path::new(d).join("labkit/config.yaml"))
        .or_else(|| {
            env.var("HOME")
                .map(|h| Path::new(h).join(".config/labkit/config.yaml"))
        })
}

/// The libraries one config file lists, with their pins from the lock beside it. A name that
/// is not `[a-z0-9-]+`, or given twice, is an error naming the file.
fn configured_libraries(
    specs: &[crate::gitlib::LibrarySpec],
    listed_in: &Path,
    cache: Option<&Path>,
    out: &mut Vec<crate::gitlib::Configured>,
) -> Result<(), Error> {
    use crate::gitlib::{self, Configured, Lock};
    if specs.is_empty() {
        return Ok(());
    }
    let folder = listed_in.parent().unwrap_or(Path::new("."));
    let lock_file = folder.join(gitlib::LOCK_FILE);
    let lock = Lock::read(&lock_file)?;
    for spec in specs {
        let name = spec
            .name
            .clone()
            .unwrap_or_else(|| gitlib::default_name(&spec.git));
        let shown = listed_in.display();
        if !gitlib::valid_name(&name) {
            return Err(Error::Input(crate::i18n::msg(
                "library.bad_name",
                &[("file", &shown), ("name", &name)],
            )));
        }
        if out.iter().any(|c| c.name == name) {
            return Err(Error::Input(crate::i18n::msg(
                "library.duplicate_name",
                &[("file", &shown), ("name", &name)],
            )));
        }
        let url = gitlib::git_url(&spec.git, folder);
        out.push(Configured {
            locked: lock.get(&name).cloned(),
            home: cache.map(|c| gitlib::home(c, &name, &url)),
            name,
            spec: spec.clone(),
            listed_in: listed_in.to_owned(),
            lock_file: lock_file.clone(),
            url,
        });
    }
    Ok(())
}

impl Settings {
    pub fn resolve(global: &GlobalArgs, env: &Env) -> Result<Settings, Error> {
        let workspace = Workspace::discover(&env.cwd)?;
        let user_file = user_config_path(env).filter(|p| p.is_file());
        let user: UserConfig = match &user_file {
            Some(file) => load_config(file)?,
            None => UserConfig::default(),
        };
        let ws_file = workspace.as_ref().map(|w| w.root.join(Workspace::FILE));
        let ws = workspace.as_ref().map(|w| &w.config);
        *LANGUAGE_PLACES.lock().unwrap_or_else(|e| e.into_inner()) = (
            workspace.as_ref().map(|w| w.root.clone()),
            user_config_path(env),
        );

        // Language: --lang > LABKIT_LANG > labkit.yaml > config.yaml > LC_ALL/LC_MESSAGES/LANG > en.
        let mut lang_candidates: Vec<(Option<&str>, Source)> = vec![
            (global.lang.as_deref(), Source::Flag("--lang")),
            (env.var("LABKIT_LANG"), Source::Env("LABKIT_LANG")),
        ];
        if let (Some(file), Some(ws)) = (&ws_file, ws) {
            lang_candidates.push((ws.language.as_deref(), Source::Workspace(file.clone())));
        }
        if let Some(file) = &user_file {
            lang_candidates.push((user.language.as_deref(), Source::User(file.clone())));
        }
        let mut lang = None;
        for (value, source) in lang_candidates {
            if let Some(code) = value {
                let parsed = language_named(
                    code,
                    workspace.as_ref().map(|w| w.root.as_path()),
                    user_config_path(env).as_deref(),
                )?
                .ok_or_else(|| {
                    Error::Usage(crate::i18n::msg(
                        "settings.bad_lang",
                        &[("source", &source), ("code", &code)],
                    ))
                })?;
                lang = Some((parsed, source));
                break;
            }
        }
        let (lang, lang_source) = match lang {
            Some(found) => found,
            None => ["LC_ALL", "LC_MESSAGES", "LANG"]
                .into_iter()
                .find_map(|var| {
                    env.var(var).map(|v| {
                        // A locale may name a language the lab dropped in (`es_ES.UTF-8`,
                        // `pt_BR.UTF-8` with an `i18n/pt-BR.ftl`).
                        let lang = match Lang::from_locale(v) {
                            Some(Lang::En) if !v.starts_with("en") => Some(Lang::En),
                            _ => {
                                let root = workspace.as_ref().map(|w| w.root.as_path());
                                let user = user_config_path(env);
                                language_named(v, root, user.as_deref()).ok().flatten()
                            }
                        };
                        (lang.unwrap_or_default(), Source::Env(var))
                    })
                })
                .unwrap_or((Lang::En, Source::Default)),
        };

        let text_setting = |var: &'static str,
                            ws_value: Option<&String>,
                            user_value: &Option<String>|
         -> (Option<String>, Source) {
            if let Some(v) = env.var(var) {
                return (Some(v.to_owned()), Source::Env(var));
            }
            if let (Some(v), Some(file)) = (ws_value, &ws_file) {
                return (Some(v.clone()), Source::Workspace(file.clone()));
            }
            if let (Some(v), Some(file)) = (user_value, &user_file) {
                return (Some(v.clone()), Source::User(file.clone()));
            }
            (None, Source::Default)
        };
        let (lab, lab_source) =
            text_setting("LABKIT_LAB", ws.and_then(|c| c.lab.as_ref()), &user.lab);
        let (facilitator, facilitator_source) = text_setting(
            "LABKIT_FACILITATOR",
            ws.and_then(|c| c.facilitator.as_ref()),
            &user.facilitator,
        );

        // Time zone: LABKIT_TIMEZONE > labkit.yaml > config.yaml > Europe/Lisbon.
        let (timezone, timezone_source) = match text_setting(
            "LABKIT_TIMEZONE",
            ws.and_then(|c| c.timezone.as_ref()),
            &user.timezone,
        ) {
            (Some(name), source) => (time_zone(&name, &source, lang)?, source),
            (None, _) => (crate::calendar::DEFAULT_ZONE, Source::Default),
        };

        // Colour: --color always/never > NO_COLOR > LABKIT_COLOR > config.yaml > auto (a terminal).
        let choice = |text: &str, source: &Source| -> Result<ColorChoice, Error> {
            match text {
                "auto" => Ok(ColorChoice::Auto),
                "always" => Ok(ColorChoice::Always),
                "never" => Ok(ColorChoice::Never),
                other => Err(Error::Usage(crate::i18n::tf(
                    lang,
                    "settings.bad_color",
                    &[("source", source), ("value", &other)],
                ))),
            }
        };
        let (color_choice, color_source) = if global.color != ColorChoice::Auto {
            (global.color, Source::Flag("--color"))
        } else if env.var("NO_COLOR").is_some() {
            (ColorChoice::Never, Source::Env("NO_COLOR"))
        } else if let Some(v) = env.var("LABKIT_COLOR") {
            let source = Source::Env("LABKIT_COLOR");
            (choice(v, &source)?, source)
        } else if let (Some(v), Some(file)) = (&user.color, &user_file) {
            let source = Source::User(file.clone());
            (choice(v, &source)?, source)
        } else {
            (ColorChoice::Auto, Source::Default)
        };
        let color = match color_choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => env.stderr_is_terminal && env.var("TERM") != Some("dumb"),
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
        let mut libraries = Vec::new();
        if let Some(file) = &user_file {
            configured_libraries(&user.libraries, file, cache_dir.as_deref(), &mut libraries)?;
        }
        if let (Some(file), Some(ws)) = (&ws_file, ws) {
            configured_libraries(&ws.libraries, file, cache_dir.as_deref(), &mut libraries)?;
        }
        Ok(Settings {
            lang,
            lang_source,
            lang_from_flag: global.lang.is_some(),
            lab,
            lab_source,
            facilitator,
            facilitator_source,
            color,
            color_source,
            timezone,
            timezone_source,
            quiet: global.quiet,
            progress: env.stderr_is_terminal && !global.quiet,
            no_input,
            interactive: !no_input && env.stdin_is_terminal && env.stderr_is_terminal,
            width: env.width,
            stdout_terminal: env.stdout_is_terminal,
            program: env.program.clone(),
            path_var: env.var("PATH").map(str::to_owned),
            cwd: env.cwd.clone(),
            workspace,
            user_config: user_file,
            env_method_dirs,
            flag_method_dirs,
            cache_dir,
            libraries,
            git_program: env.var("LABKIT_GIT").map(str::to_owned),
        })
    }

    /// Settings for reporting an error that happened while resolving settings.
    pub fn fallback(env: &Env) -> Settings {
        Settings {
            lang: Lang::En,
            lang_source: Source::Default,
            lang_from_flag: false,
            lab: None,
            lab_source: Source::Default,
            facilitator: None,
            facilitator_source: Source::Default,
            color: false,
            color_source: Source::Default,
            timezone: crate::calendar::DEFAULT_ZONE,
            timezone_source: Source::Default,
            quiet: false,
            progress: false,
            no_input: true,
            interactive: false,
            width: None,
            stdout_terminal: env.stdout_is_terminal,
            program: env.program.clone(),
            path_var: None,
            cwd: env.cwd.clone(),
            workspace: None,
            user_config: None,
            env_method_dirs: Vec::new(),
            flag_method_dirs: Vec::new(),
            cache_dir: None,
            libraries: Vec::new(),
            git_program: None,
        }
    }
}
