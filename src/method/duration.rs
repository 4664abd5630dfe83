//! Humane durations: `90s`, `10m`, `1h30m`, `2d`, `1h 30m`.
//!
//! Stored as whole seconds. A day is a working day of 8 hours, because `2d` in a method means
//! two workshop days, not 48 hours of facilitation.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The durations `from_str` reads, as a JSON Schema pattern (a test checks that they agree).
pub const PATTERN: &str = r"^\s*([0-9]+[smhd]\s*)+$";

/// Seconds in a working day, the unit of `d`.
pub const WORKING_DAY_SECS: u64 = 8 * 3600;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Hash)]
pub struct Duration {
    secs: u64,
}

impl Duration {
    pub fn from_secs(secs: u64) -> Duration {
        Duration { secs }
    }

    pub fn from_minutes(minutes: u64) -> Duration {
        Duration { secs: minutes * 60 }
    }

    pub fn secs(self) -> u64 {
        self.secs
    }

    pub fn minutes(self) -> u64 {
        self.secs.div_ceil(60)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseDurationError {
    input: String,
}

impl fmt::Display for ParseDurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&crate::i18n::msg(
            "duration.invalid",
            &[("input", &self.input)],
        ))
    }
}

impl std::error::Error for ParseDurationError {}

impl FromStr for Duration {
    type Err = ParseDurationError;

    fn from_str(input: &str) -> Result<Duration, ParseDurationError> {
        let err = || ParseDurationError {
            input: input.to_owned(),
        };
        let mut secs: u64 = 0;
        let mut digits = String::new();
        let mut parts = 0;
        for c in input.trim().chars() {
            if c.is_ascii_digit() {
                digits.push(c);
                continue;
            }
            if c.is_whitespace() {
                if digits.is_empty() {
                    continue;
                }
                return Err(err());
            }
            let unit = match c {
                's' => 1,
                'm' => 60,
                'h' => 3600,
                'd' => WORKING_DAY_SECS,
                _ => return Err(err()),
            };
            let n: u64 = digits.parse().map_err(|_| err())?;
            digits.clear();
            secs = n
                .checked_mul(unit)
                .and_then(|s| secs.checked_add(s))
                .ok_or_else(err)?;
            parts += 1;
        }
        if !digits.is_empty() || parts == 0 {
            return Err(err());
        }
        Ok(Duration { secs })
    }
}

impl fmt::Display for Duration {
    /// The shortest humane form: `45m`, `1h30m`, `2d`, `90s` stays `1m30s`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.secs;
        if rest == 0 {
            return f.write_str("0m");
        }
        if rest >= WORKING_DAY_SECS && rest.is_multiple_of(WORKING_DAY_SECS) {
            return write!(f, "{}d", rest / WORKING_DAY_SECS);
        }
        let hours = rest / 3600;
        rest %= 3600;
        let minutes = rest / 60;
        let seconds = rest % 60;
        if hours > 0 {
            write!(f, "{hours}h")?;
        }
        if minutes > 0 {
            write!(f, "{minutes}m")?;
        }
        if seconds > 0 {
            write!(f, "{seconds}s")?;
        }
        Ok(())
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Duration, D::Error> {
        deserializer.deserialize_any(DurationVisitor)
    }
}

struct DurationVisitor;

impl serde::de::Visitor<'_> for DurationVisitor {
    type Value = Duration;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a duration such as `10m` or `1h30m`")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<Duration, E> {
        text.parse().map_err(E::custom)
    }

    // A bare number is the most common slip; say which unit to add rather than guess one.
    fn visit_u64<E: serde::de::Error>(self, n: u64) -> Result<Duration, E> {
        Err(E::custom(crate::i18n::msg(
            "duration.no_unit",
            &[("n", &n)],
        )))
    }

    fn visit_i64<E: serde::de::Error>(self, n: i64) -> Result<Duration, E> {
        Err(E::custom(crate::i18n::msg(
            "duration.negative",
            &[("n", &n)],
        )))
    }

    fn visit_f64<E: serde::de::Error>(self, n: f64) -> Result<Duration, E> {
        Err(E::custom(crate::i18n::msg(
            "duration.decimal",
            &[("n", &n)],
        )))
    }
}

impl JsonSchema for Duration {
    fn schema_name() -> Cow<'static, str> {
        "Duration".into()
    }

    // What `from_str` reads: numbers each followed at once by a unit, spaces only between
    // the parts (`10 m` is refused).
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "description": "A duration such as `90s`, `10m`, `1h30m` or `2d` (a day is 8 working hours).",
            "type": "string",
            "pattern": PATTERN
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_humane_forms() {
        let d = |s: &str| s.parse::<Duration>().unwrap().secs();
        assert_eq!(d("90s"), 90);
        assert_eq!(d("10m"), 600);
        assert_eq!(d("1h30m"), 5400);
        assert_eq!(d("1h 30m"), 5400);
        assert_eq!(d("2d"), 2 * WORKING_DAY_SECS);
    }

    #[test]
    fn rejects_nonsense() {
        for bad in ["", "10", "m", "10x", "1.5h", "-5m", "99999999999999999999h"] {
            assert!(bad.parse::<Duration>().is_err(), "{bad:?} should fail");
        }
    }

    #[test]
    fn displays_shortest_form() {
        assert_eq!(Duration::from_secs(5400).to_string(), "1h30m");
        assert_eq!(Duration::from_secs(90).to_string(), "1m30s");
        assert_eq!(Duration::from_secs(2 * WORKING_DAY_SECS).to_string(), "2d");
        assert_eq!(Duration::from_minutes(45).to_string(), "45m");
    }
}
