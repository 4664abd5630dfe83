//! Human-readable text in a method file: a plain string, or a map of languages.
//!
//! A plain string serves every language. A map (`{ en: ..., pt: ... }`) picks the session's
//! language and falls back to English, then to whatever language is present, so a method with
//! a missing translation still reads.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::lang::Lang;

/// Text that may be translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Text {
    Plain(String),
    Translated(BTreeMap<Lang, String>),
}

impl Text {
    pub fn plain(value: impl Into<String>) -> Text {
        Text::Plain(value.into())
    }

    /// The text in `lang`, else its base language (`es` for `es-MX`), else English, else any
    /// language present.
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::Plain(value) => value,
            Text::Translated(map) => lang
                .fallbacks()
                .find_map(|l| map.get(&l))
                .or_else(|| map.values().next())
                .map(String::as_str)
                .unwrap_or_default(),
        }
    }

    /// Whether this text has its own wording in `lang` (a plain string counts as every language).
    pub fn has(&self, lang: Lang) -> bool {
        match self {
            Text::Plain(value) => !value.trim().is_empty(),
            Text::Translated(map) => map.get(&lang).is_some_and(|v| !v.trim().is_empty()),
        }
    }

    /// The languages this text is missing, for the "every field in both languages" check.
    pub fn missing_languages(&self) -> Vec<Lang> {
        Lang::ALL.into_iter().filter(|l| !self.has(*l)).collect()
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Text::Plain(value) => serializer.serialize_str(value),
            Text::Translated(map) => {
                let by_code: BTreeMap<&str, &String> =
                    map.iter().map(|(l, v)| (l.code(), v)).collect();
                by_code.serialize(serializer)
            }
        }
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Text, D::Error> {
        deserializer.deserialize_any(TextVisitor)
    }
}

struct TextVisitor;

impl<'de> Visitor<'de> for TextVisitor {
    type Value = Text;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string or a map of languages (`en`, `pt`, …)")
    }

    fn visit_str<E: de::Error>(self, value: &str) -> Result<Text, E> {
        Ok(Text::Plain(value.to_owned()))
    }

    fn visit_string<E: de::Error>(self, value: String) -> Result<Text, E> {
        Ok(Text::Plain(value))
    }

    // Numbers are accepted as text (a label such as `5` is a fine label).
    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Text, E> {
        Ok(Text::Plain(value.to_string()))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Text, E> {
        Ok(Text::Plain(value.to_string()))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Text, E> {
        Ok(Text::Plain(value.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Text, A::Error> {
        let mut map = BTreeMap::new();
        while let Some(key) = access.next_key::<String>()? {
            let Some(lang) = Lang::from_code(&key) else {
                // Read by `method::serde_issue`, which words it in the message language.
                return Err(de::Error::unknown_field(&key, &["en", "pt"]));
            };
            let value: String = access.next_value()?;
            if map.insert(lang, value).is_some() {
                return Err(de::Error::custom(format_args!(
                    "language `{key}` given twice"
                )));
            }
        }
        if map.is_empty() {
            return Err(de::Error::custom(
                "empty map of languages; give at least `en`",
            ));
        }
        Ok(Text::Translated(map))
    }
}

impl JsonSchema for Text {
    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    // What the deserializer above takes: a string, a number, or a map whose keys are the two
    // language codes (in any case, as `Lang::parse` reads them) and whose values are strings.
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text: a plain string, or a map of languages (`en`, `pt`, or any other language tag: two or three letters, with an optional script and region such as `es-MX`); a missing language falls back to its base language, then English.",
            "anyOf": [
                { "type": "string" },
                { "type": "number" },
                {
                    "type": "object",
                    "patternProperties": {
                        "^[a-zA-Z]{2,3}([-_][a-zA-Z]{4})?([-_]([a-zA-Z]{2}|[0-9]{3}))?$": { "type": "string" }
                    },
                    "additionalProperties": false,
                    "minProperties": 1
                }
            ]
        })
    }
}

/// The schema of a [`Text`] that must say something in at least one language (a method's
/// name and summary, a step's title, a question's prompt): `validate` rejects blank ones.
/// It exists only for `#[schemars(with = ...)]`; the field itself stays a [`Text`].
pub struct NonBlankText;

impl JsonSchema for NonBlankText {
    fn schema_name() -> Cow<'static, str> {
        "NonBlankText".into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "Text that is not blank: a plain string, or a map of languages (`en`, `pt`, …) with at least one that is not blank.",
            "allOf": [generator.subschema_for::<Text>()],
            // Blank means every language blank; a map where all values are blank matches
            // `additionalProperties` (no `properties` here, so every key is additional).
            "not": {
                "anyOf": [
                    { "type": "string", "pattern": "^\\s*$" },
                    { "type": "object", "additionalProperties": { "type": "string", "pattern": "^\\s*$" } }
                ]
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn falls_back_to_english() {
        let text: Text = serde_yaml::from_str("{ en: Hello }").unwrap();
        assert_eq!(text.get(Lang::Pt), "Hello");
        assert_eq!(text.missing_languages(), vec![Lang::Pt]);
        let text: Text = serde_yaml::from_str("{ en: Hello, pt: Olá }").unwrap();
        assert_eq!(text.get(Lang::Pt), "Olá");
        let text: Text = serde_yaml::from_str("Plain").unwrap();
        assert_eq!(text.get(Lang::Pt), "Plain");
        assert!(text.missing_languages().is_empty());
    }

    #[test]
    fn opens_to_any_language_code() {
        let text: Text = serde_yaml::from_str("{ en: Hi, fr: Salut }").unwrap();
        assert_eq!(text.get(Lang::Other("fr")), "Salut");
        assert_eq!(text.get(Lang::Other("de")), "Hi");
        assert!(text.has(Lang::Other("fr")));
        let err = serde_yaml::from_str::<Text>("{ en: Hi, english: Hello }").unwrap_err();
        assert!(err.to_string().contains("unknown field `english`"), "{err}");
    }
}
