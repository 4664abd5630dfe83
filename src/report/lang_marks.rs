//! Language of parts (WCAG 3.1.2): answers typed in a language other than the report's are
//! marked so the HTML can say `<span lang="en">` and Word `w:lang` around them.
//!
//! The context wraps each line of such an answer in two private-use characters, [`START`] and
//! [`END`], which survive handlebars, the Markdown escape and pulldown-cmark as plain text. The
//! Markdown output strips them; the HTML and Word writers turn them into marked runs. Each line
//! is wrapped on its own, so a mark never spans a paragraph or a table cell. The same two
//! characters typed in an answer are removed first, so an answer cannot open or close a mark.

use std::borrow::Cow;

/// Opens a part in the session's language.
pub const START: char = '\u{F8F0}';
/// Closes it.
pub const END: char = '\u{F8F1}';

fn is_mark(c: char) -> bool {
    c == START || c == END
}

/// `text` without any mark.
pub fn strip(text: &str) -> Cow<'_, str> {
    if text.contains(is_mark) {
        Cow::Owned(text.chars().filter(|c| !is_mark(*c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// `text` with each non-empty line marked as a part in the session's language.
pub fn mark(text: &str) -> String {
    let clean = strip(text);
    let mut out = String::with_capacity(clean.len() + 8);
    for (i, line) in clean.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.trim().is_empty() {
            out.push_str(line);
        } else {
            out.push(START);
            out.push_str(line);
            out.push(END);
        }
    }
    out
}

/// Splits `text` into pieces, each with whether it lies inside a mark. `inside` carries the
/// state across the pieces of one paragraph.
pub fn pieces<'a>(text: &'a str, inside: &mut bool) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(is_mark) {
        if at > 0 {
            out.push((&rest[..at], *inside));
        }
        let mark = rest[at..].chars().next().unwrap_or(END);
        *inside = mark == START;
        rest = &rest[at + mark.len_utf8()..];
    }
    if !rest.is_empty() {
        out.push((rest, *inside));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_marked_on_its_own_and_typed_marks_are_dropped() {
        let marked = mark("one\n\ntwo\u{F8F1} three");
        assert_eq!(marked, "\u{F8F0}one\u{F8F1}\n\n\u{F8F0}two three\u{F8F1}");
        assert_eq!(strip(&marked), "one\n\ntwo three");
        let mut inside = false;
        assert_eq!(
            pieces("a \u{F8F0}b\u{F8F1} c", &mut inside),
            vec![("a ", false), ("b", true), (" c", false)]
        );
        assert!(!inside);
    }
}
