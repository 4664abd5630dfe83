//! The languages labkit speaks and how one is chosen.
//!
//! English and European Portuguese are built in. A lab can add any other language without Rust
//! by dropping a Fluent file in an `i18n/` folder (docs/translating.md): such a language is a
//! [`Lang::Other`], named by its code. Codes are interned (leaked once per distinct code, so a
//! handful of bytes per language a process sees) to keep `Lang` `Copy`.
//!
//! Only knows language codes; it never reads the environment or files itself (the caller passes
//! the values of `LABKIT_LANG`, `LC_ALL` and `LANG`, and registers the extra languages whose
//! files it found), so choosing a language is a pure function of those.

use std::fmt;
use std::sync::Mutex;

/// A language labkit speaks, for method text and for its own messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    Pt,
    /// A language added by a file drop: its code (`es`, `fr`, `qps`), lower case, 2 or 3
    /// letters. Anything it lacks falls back to English.
    Other(&'static str),
}

/// Every code seen as [`Lang::Other`], interned.
static INTERNED: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
/// The extra languages whose messages were found (an `i18n/<code>.ftl`), in registration order.
static REGISTERED: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());

fn intern(code: &str) -> &'static str {
    let mut interned = INTERNED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(found) = interned.iter().find(|c| **c == code) {
        return found;
    }
    let leaked: &'static str = Box::leak(code.to_owned().into_boxed_str());
    interned.push(leaked);
    leaked
}

impl Lang {
    /// The built-in languages.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Pt];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Pt => "pt",
            Lang::Other(code) => code,
        }
    }

    /// Whether this is one of the built-in languages.
    pub fn is_built_in(self) -> bool {
        !matches!(self, Lang::Other(_))
    }

    /// Any language by its code, whether or not labkit has its messages: `en`, `pt` (any case),
    /// or 2 or 3 ASCII letters (taken in lower case). Used for the keys of a method's maps of
    /// languages, which may hold languages this run does not speak.
    pub fn from_code(code: &str) -> Option<Lang> {
        let code = code.to_ascii_lowercase();
        match code.as_str() {
            "en" => Some(Lang::En),
            "pt" => Some(Lang::Pt),
            c if (2..=3).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_lowercase()) => {
                Some(Lang::Other(intern(c)))
            }
            _ => None,
        }
    }

    /// The base language of a code or locale (`pt_PT.UTF-8` → `pt`), without checking it.
    pub fn base(value: &str) -> String {
        value
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    }

    /// Parses `en`, `pt`, locale forms such as `pt_PT.UTF-8` or `en-GB`, and the code of an
    /// extra language once it is [registered](Lang::register).
    pub fn parse(value: &str) -> Option<Lang> {
        let base = Lang::base(value);
        match base.as_str() {
            "en" => Some(Lang::En),
            "pt" => Some(Lang::Pt),
            other => REGISTERED
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .iter()
                .find(|c| **c == other)
                .map(|c| Lang::Other(c)),
        }
    }

    /// Records that labkit has messages for the extra language `code` (its `.ftl` was found), so
    /// that [`Lang::parse`] accepts it from now on. `None` for a code that is not 2 or 3 letters.
    pub fn register(code: &str) -> Option<Lang> {
        let lang = Lang::from_code(code)?;
        if let Lang::Other(code) = lang {
            let mut registered = REGISTERED.lock().unwrap_or_else(|e| e.into_inner());
            if !registered.contains(&code) {
                registered.push(code);
            }
        }
        Some(lang)
    }

    /// The language of a POSIX locale value; `C` and `POSIX` mean English.
    pub fn from_locale(value: &str) -> Option<Lang> {
        if value.is_empty() {
            return None;
        }
        if value == "C" || value == "POSIX" || value.starts_with("C.") {
            return Some(Lang::En);
        }
        Lang::parse(value)
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_and_locales() {
        assert_eq!(Lang::parse("pt"), Some(Lang::Pt));
        assert_eq!(Lang::parse("pt_PT.UTF-8"), Some(Lang::Pt));
        assert_eq!(Lang::parse("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::from_locale("C.UTF-8"), Some(Lang::En));
        assert_eq!(Lang::from_locale(""), None);
    }

    #[test]
    fn extra_languages_are_interned_and_registered() {
        assert_eq!(Lang::from_code("ES"), Some(Lang::Other("es")));
        assert_eq!(Lang::from_code("e1"), None);
        assert_eq!(Lang::from_code("engl"), None);
        assert_eq!(Lang::parse("qpz"), None);
        assert_eq!(Lang::register("qpz"), Some(Lang::Other("qpz")));
        assert_eq!(Lang::parse("qpz_QP.UTF-8"), Some(Lang::Other("qpz")));
        assert!(!Lang::Other("qpz").is_built_in());
    }
}
