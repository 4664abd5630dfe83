//! Time comes in through the `Clock` trait so the engine and tests never read the real clock
//! (and never sleep). Also formats timestamps (RFC 3339, UTC) and dates without a date crate.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub trait Clock {
    /// Seconds since the Unix epoch.
    fn now(&self) -> SystemTime;
}

/// The real clock.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }
}

/// A clock that stands still (or is moved by hand), for tests.
pub struct FixedClock(pub std::cell::Cell<SystemTime>);

impl FixedClock {
    pub fn at(secs: u64) -> FixedClock {
        FixedClock(std::cell::Cell::new(UNIX_EPOCH + Duration::from_secs(secs)))
    }

    pub fn advance(&self, by: Duration) {
        self.0.set(self.0.get() + by);
    }
}

impl Clock for FixedClock {
    fn now(&self) -> SystemTime {
        self.0.get()
    }
}

/// `2026-11-26T14:27:52Z`
pub fn rfc3339(time: SystemTime) -> String {
    let secs = time.duration_since(UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days((secs / 86_400) as i64);
    let rem = secs % 86_400;
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// `2026-11-26`
pub fn date(time: SystemTime) -> String {
    rfc3339(time)[..10].to_owned()
}

/// Days since 1970-01-01 to (year, month, day), Howard Hinnant's algorithm.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// (year, month, day) to days since 1970-01-01; `None` for an impossible date.
pub fn days_from_civil(y: i64, m: u32, d: u32) -> Option<i64> {
    let days_in_month = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        _ => return None,
    };
    if d == 0 || d > days_in_month {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = i64::from(if m > 2 { m - 3 } else { m + 9 });
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Parses `YYYY-MM-DD`, checking the date exists.
pub fn parse_date(text: &str) -> Option<(i64, u32, u32)> {
    let mut parts = text.trim().splitn(3, '-');
    let y: i64 = parts.next()?.parse().ok()?;
    let m: u32 = parts.next()?.parse().ok()?;
    let d: u32 = parts.next()?.parse().ok()?;
    if text.trim().len() != 10 {
        return None;
    }
    days_from_civil(y, m, d).map(|_| (y, m, d))
}

/// Whether `text` is a date and time as sessions keep them: RFC 3339 (`2026-11-26T14:27:52Z`,
/// with seconds' fractions or an offset like `+01:00`), or a date alone, which people write
/// when they edit a session by hand. Checked here with the other date code rather than with a
/// date crate: labkit only writes and reads this one form.
pub fn is_timestamp(text: &str) -> bool {
    let text = text.trim();
    let (Some(day), rest) = (text.get(..10), text.get(10..).unwrap_or("")) else {
        return false;
    };
    if parse_date(day).is_none() {
        return false;
    }
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix(['T', 't', ' ']) else {
        return false;
    };
    // The zone: `Z`, or `+HH:MM` / `-HH:MM` after the time.
    let (time, zone) = match rest.find(['Z', 'z', '+', '-']) {
        Some(at) => rest.split_at(at),
        None => (rest, ""),
    };
    let two = |t: &str, max: u32| t.len() == 2 && t.parse::<u32>().is_ok_and(|n| n <= max);
    let zone_ok = match zone {
        "Z" | "z" => true,
        _ => zone
            .get(1..)
            .and_then(|z| z.split_once(':'))
            .is_some_and(|(h, m)| two(h, 23) && two(m, 59)),
    };
    let (clock, fraction) = time.split_once('.').unwrap_or((time, "0"));
    let parts: Vec<&str> = clock.split(':').collect();
    let clock_ok = match parts[..] {
        [h, m] => two(h, 23) && two(m, 59),
        [h, m, s] => two(h, 23) && two(m, 59) && two(s, 60),
        _ => false,
    };
    clock_ok && zone_ok && !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// Parses a date as people write it: `2026-12-15` always, `15/12/2026` (day first, as in
/// Portugal and the UK), and the day, month name and year (`15 Dec 2026`, `15 December 2026`,
/// `15 dez 2026`, `15 de dezembro de 2026`) in the session's language. Written here rather
/// than with a date crate: the forms are few, and none of the small crates knows Portuguese
/// month names.
pub fn parse_date_in(text: &str, lang: crate::lang::Lang) -> Option<(i64, u32, u32)> {
    let text = text.trim();
    if let Some(ymd) = parse_date(text) {
        return Some(ymd);
    }
    let exists = |y: i64, m: u32, d: u32| days_from_civil(y, m, d).map(|_| (y, m, d));
    if let [d, m, y] = text.split('/').collect::<Vec<_>>()[..] {
        let (d, m, y) = (d.parse().ok()?, m.parse().ok()?, y.parse::<i64>().ok()?);
        return (y >= 1000).then(|| exists(y, m, d)).flatten();
    }
    let words: Vec<String> = text
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .filter(|w| !w.is_empty() && !w.eq_ignore_ascii_case("de"))
        .map(str::to_lowercase)
        .collect();
    if let [d, month, y] = &words[..] {
        let m = month_number(month, lang)?;
        let (d, y) = (d.parse().ok()?, y.parse::<i64>().ok()?);
        return (y >= 1000).then(|| exists(y, m, d)).flatten();
    }
    None
}

/// The forms `parse_date_in` accepts, for prompts.
pub fn date_forms(lang: crate::lang::Lang) -> &'static str {
    crate::i18n::t(lang, "date.forms")
}

/// Month names, as dates are written out (`helpers::long_date`) and read (`parse_date_in`).
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
pub const MONTHS_PT: [&str; 12] = [
    "janeiro",
    "fevereiro",
    "março",
    "abril",
    "maio",
    "junho",
    "julho",
    "agosto",
    "setembro",
    "outubro",
    "novembro",
    "dezembro",
];

/// Twelve names from a message of an extra language (`date.months`, `date.weekdays`: names
/// separated by commas), or `None` when the message does not hold `n` names.
fn names_of(lang: crate::lang::Lang, key: &'static str, n: usize) -> Option<Vec<&'static str>> {
    let names: Vec<&'static str> = crate::i18n::t(lang, key)
        .split(',')
        .map(str::trim)
        .collect();
    (names.len() == n && names.iter().all(|n| !n.is_empty())).then_some(names)
}

/// The month names in `lang`: built in for English and Portuguese; an extra language's
/// `date.months` message (English when it has none or it does not hold twelve names).
pub fn months(lang: crate::lang::Lang) -> Vec<&'static str> {
    match lang {
        crate::lang::Lang::Pt => MONTHS_PT.to_vec(),
        crate::lang::Lang::En => MONTHS_EN.to_vec(),
        crate::lang::Lang::Other(_) => {
            names_of(lang, "date.months", 12).unwrap_or_else(|| MONTHS_EN.to_vec())
        }
    }
}

/// The weekday names (Monday first) of an extra language (`date.weekdays`), if it has seven.
pub fn weekdays_of(lang: crate::lang::Lang) -> Option<Vec<&'static str>> {
    names_of(lang, "date.weekdays", 7)
}

/// The decimal separator of an extra language (`number.decimal`), `.` by default.
pub fn decimal_of(lang: crate::lang::Lang) -> &'static str {
    match lang {
        crate::lang::Lang::Pt => ",",
        crate::lang::Lang::En => ".",
        crate::lang::Lang::Other(_) => match crate::i18n::t(lang, "number.decimal").trim() {
            "," => ",",
            _ => ".",
        },
    }
}

/// The thousands separator: `,` in English, a no-break space in Portuguese, an extra language's
/// `number.group` (a space there becomes a no-break space, so a number never wraps). One that
/// is not a single character, or is the decimal separator, gives the usual partner of the
/// decimal separator instead (a no-break space beside `,`, `,` beside `.`).
pub fn group_of(lang: crate::lang::Lang) -> char {
    let decimal = decimal_of(lang);
    let usual = if decimal == "," { '\u{a0}' } else { ',' };
    match lang {
        crate::lang::Lang::Pt => '\u{a0}',
        crate::lang::Lang::En => ',',
        crate::lang::Lang::Other(_) => {
            let text = crate::i18n::t(lang, "number.group");
            let mut chars = text.chars();
            match (chars.next(), chars.next()) {
                (Some(' '), None) => '\u{a0}',
                (Some(c), None) if !decimal.starts_with(c) => c,
                _ => usual,
            }
        }
    }
}

fn month_number(word: &str, lang: crate::lang::Lang) -> Option<u32> {
    let names = months(lang);
    // The full name, or its first three letters (`sept` too).
    names
        .iter()
        .map(|n| n.to_lowercase())
        .position(|n| n == word || (word.chars().count() >= 3 && n.starts_with(word)))
        .map(|i| i as u32 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_and_round_trips_dates() {
        assert_eq!(
            rfc3339(UNIX_EPOCH + Duration::from_secs(1_795_703_272)),
            "2026-11-26T14:27:52Z"
        );
        for days in [-1000, 0, 59, 60, 10_957, 20_000, 100_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), Some(days));
        }
        assert_eq!(parse_date("2024-02-29"), Some((2024, 2, 29)));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2024-2-9"), None);
    }

    #[test]
    fn timestamps_as_sessions_keep_them() {
        for ok in [
            "2026-11-26T14:27:52Z",
            "2026-11-26T14:27:52.123Z",
            "2026-11-26T14:27:52+01:00",
            "2026-11-26T14:27-03:30",
            "2026-11-26 14:27:52Z",
            "2026-11-26",
        ] {
            assert!(is_timestamp(ok), "{ok}");
        }
        for bad in [
            "",
            "yesterday",
            "2026-13-01T10:00:00Z",
            "2026-02-30",
            "2026-11-26T25:00:00Z",
            "2026-11-26T10:00:00+1",
            "2026-11-26T10:00:00.Z",
            "2026-11-26X10:00:00Z",
            "2026-11-26T10",
        ] {
            assert!(!is_timestamp(bad), "{bad}");
        }
    }

    #[test]
    fn dates_as_people_write_them() {
        use crate::lang::Lang;
        for (text, lang) in [
            ("2026-12-15", Lang::En),
            ("15/12/2026", Lang::En),
            ("15/12/2026", Lang::Pt),
            ("15 Dec 2026", Lang::En),
            ("15 December 2026", Lang::En),
            ("15 dez 2026", Lang::Pt),
            ("15 de dezembro de 2026", Lang::Pt),
            (" 15 Dez. 2026 ", Lang::Pt),
        ] {
            assert_eq!(parse_date_in(text, lang), Some((2026, 12, 15)), "{text}");
        }
        assert_eq!(parse_date_in("31/02/2026", Lang::En), None);
        assert_eq!(parse_date_in("12/15/2026", Lang::En), None, "day first");
        assert_eq!(parse_date_in("15 dez 2026", Lang::En), None);
        assert_eq!(
            parse_date_in("15/12/26", Lang::En),
            None,
            "four-digit years"
        );
        assert_eq!(parse_date_in("março", Lang::Pt), None);
        assert_eq!(parse_date_in("1 mar 2027", Lang::Pt), Some((2027, 3, 1)));
    }
}
