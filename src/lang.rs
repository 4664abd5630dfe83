//! The languages labkit speaks and how one is chosen.
//!
//! English and European Portuguese are built in. A lab can add any other language without Rust
//! by dropping a Fluent file in an `i18n/` folder (docs/translating.md): such a language is a
//! [`Lang::Other`], named by its code. Codes are interned (leaked once per distinct code, so a
//! handful of bytes per language a process sees) to keep `Lang` `Copy`.
//!
//! A code is a BCP 47 language tag without variants: a language of 2 or 3 letters, then an
//! optional script and region (`es`, `es-MX`, `pt-BR`, `zh-Hant`), read and put in canonical case
//! by `unic-langid`. A regional language falls back to its base language, then to English
//! ([`Lang::fallbacks`]): `es-MX` uses `es` for what it lacks, `pt-BR` uses labkit's `pt`. labkit's
//! `pt` is European Portuguese, so `pt-PT` is `pt`; `en` stays one English.
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
    /// A language added by a file drop: its tag in canonical case (`es`, `fr`, `qps`, `es-MX`).
    /// Anything it lacks falls back to its base language (for a regional tag), then English.
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

    /// Any language by its code, whether or not labkit has its messages: `en`, `pt` (and `pt-PT`),
    /// or a tag of 2 or 3 letters with an optional script and region (`es`, `es-MX`, `pt_BR`),
    /// in any case. Used for the keys of a method's maps of languages, which may hold languages
    /// this run does not speak.
    pub fn from_code(code: &str) -> Option<Lang> {
        let tag = Lang::canonical(code)?;
        Some(match tag.as_str() {
            "en" => Lang::En,
            "pt" | "pt-PT" => Lang::Pt,
            _ => Lang::Other(intern(&tag)),
        })
    }

    /// `code` as a canonical tag (`ES_mx` → `es-MX`), or `None` when it is not a language of 2 or
    /// 3 letters with an optional script and region (no variants, no extensions).
    pub fn canonical(code: &str) -> Option<String> {
        let code = code.replace('_', "-");
        let id = unic_langid::LanguageIdentifier::from_bytes(code.as_bytes()).ok()?;
        let language = id.language.as_str();
        let letters = (2..=3).contains(&language.len());
        (letters && id.variants().len() == 0).then(|| id.to_string())
    }

    /// The language a regional tag falls back to first (`es-MX` → `es`, `pt-BR` → `pt`); `None`
    /// for a language without script or region.
    pub fn parent(self) -> Option<Lang> {
        match self {
            Lang::Other(tag) if tag.contains('-') => Lang::from_code(&Lang::base(tag)),
            _ => None,
        }
    }

    /// Where to look for a text or message, in order: this language, its
    /// [parent](Lang::parent), English (each once).
    pub fn fallbacks(self) -> impl Iterator<Item = Lang> {
        let parent = self.parent().filter(|p| *p != Lang::En);
        let english = (self != Lang::En).then_some(Lang::En);
        std::iter::once(self).chain(parent).chain(english)
    }

    /// The base language of a code or locale (`pt_PT.UTF-8` → `pt`), without checking it.
    pub fn base(value: &str) -> String {
        value
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase()
    }

    /// A locale value as a tag: `pt_BR.UTF-8@euro` → `pt-BR`; `None` when it is not one.
    pub fn locale_tag(value: &str) -> Option<String> {
        let value = value.split(['.', '@']).next().unwrap_or_default();
        Lang::canonical(value)
    }

    /// Parses `en`, `pt`, locale forms such as `pt_PT.UTF-8` or `en-GB`, and the tag of an
    /// extra language once it is [registered](Lang::register). A regional tag names its own
    /// language when that is registered (`pt-BR` with an `i18n/pt-BR.ftl`), else its base
    /// language (`en-GB` is English, `es-MX` is `es` when only `es` is registered).
    pub fn parse(value: &str) -> Option<Lang> {
        if let Some(lang) = Lang::exact(value) {
            return Some(lang);
        }
        let tag = Lang::locale_tag(value)?;
        Lang::exact(&tag).or_else(|| Lang::exact(&Lang::base(&tag)))
    }

    /// The language whose code is exactly `code` (`en`, `pt`, or a registered tag in its
    /// canonical case), without reading it as a tag: the cheap path for codes labkit wrote
    /// itself (a session's `language`, a report's `lang`).
    pub fn exact(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "pt" => Some(Lang::Pt),
            _ => REGISTERED
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .iter()
                .find(|c| **c == code)
                .map(|c| Lang::Other(c)),
        }
    }

    /// Records that labkit has messages for the extra language `code` (its `.ftl` was found), so
    /// that [`Lang::parse`] accepts it from now on. `None` for a code that is not a language tag
    /// ([`Lang::canonical`]).
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
        assert_eq!(Lang::from_code("es_mx"), Some(Lang::Other("es-MX")));
        assert_eq!(Lang::from_code("zh-hant"), Some(Lang::Other("zh-Hant")));
        assert_eq!(Lang::from_code("pt-PT"), Some(Lang::Pt));
        assert_eq!(Lang::from_code("pt-BR"), Some(Lang::Other("pt-BR")));
        assert_eq!(Lang::from_code("de-CH-1901"), None);
        assert_eq!(Lang::parse("qpz"), None);
        assert_eq!(Lang::register("qpz"), Some(Lang::Other("qpz")));
        assert_eq!(Lang::parse("qpz_QP.UTF-8"), Some(Lang::Other("qpz")));
        assert!(!Lang::Other("qpz").is_built_in());
    }

    #[test]
    fn a_regional_language_falls_back_to_its_base_then_english() {
        let chain = |l: Lang| l.fallbacks().collect::<Vec<_>>();
        assert_eq!(
            chain(Lang::Other("es-MX")),
            [Lang::Other("es-MX"), Lang::Other("es"), Lang::En]
        );
        assert_eq!(
            chain(Lang::Other("pt-BR")),
            [Lang::Other("pt-BR"), Lang::Pt, Lang::En]
        );
        assert_eq!(
            chain(Lang::Other("en-US")),
            [Lang::Other("en-US"), Lang::En]
        );
        assert_eq!(chain(Lang::Pt), [Lang::Pt, Lang::En]);
        assert_eq!(chain(Lang::En), [Lang::En]);
        // A regional tag is its own language only once its file is registered.
        assert_eq!(Lang::parse("pt_BR.UTF-8"), Some(Lang::Pt));
        assert_eq!(Lang::parse("qpr_MX"), None);
        Lang::register("qpr");
        assert_eq!(Lang::parse("qpr_MX"), Some(Lang::Other("qpr")));
        Lang::register("qpr-MX");
        assert_eq!(Lang::parse("qpr_MX.UTF-8"), Some(Lang::Other("qpr-MX")));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
    }
}
