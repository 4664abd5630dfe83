//! The two first-class languages and how one is chosen.
//!
//! Only knows language codes; it never reads the environment itself (the caller passes the
//! values of `LABKIT_LANG`, `LC_ALL` and `LANG`), so choosing a language is a pure function.

use std::fmt;

/// A language labkit speaks, for method text and for its own messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Hash, PartialOrd, Ord)]
pub enum Lang {
    #[default]
    En,
    Pt,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Pt];

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Pt => "pt",
        }
    }

    /// Parses `en`, `pt`, and locale forms such as `pt_PT.UTF-8` or `en-GB`.
    pub fn parse(value: &str) -> Option<Lang> {
        let base = value
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match base.as_str() {
            "en" => Some(Lang::En),
            "pt" => Some(Lang::Pt),
            _ => None,
        }
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
}
