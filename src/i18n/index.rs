// Where each message sits in a Fluent file, found with a line scan and no parsing.
//
// Shared, word for word, by build.rs (which indexes the built-in `i18n/en.ftl` and `i18n/pt.ftl`
// when labkit is built, so a run never scans them) and by src/i18n.rs (which indexes a lab's
// added file when it is first used), so both read a file the same way. Plain `//` comments:
// build.rs takes this file in with `include!`.

/// The entries of a Fluent file as (id, start, end) byte spans, in file order: an entry starts
/// on a line that starts with a letter (`id = …`) and runs until the next line that starts with
/// anything but whitespace (the next entry or a comment). Each entry's text, parsed alone, is
/// the message the whole file's parse gives (a test checks this for every message).
pub fn entry_spans(source: &str) -> Vec<(&str, usize, usize)> {
    let mut spans = Vec::with_capacity(source.len() / 64);
    let mut current: Option<(&str, usize)> = None;
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let first = line.as_bytes().first().copied().unwrap_or(b' ');
        if !first.is_ascii_whitespace() {
            if let Some((id, start)) = current.take() {
                spans.push((id, start, offset));
            }
            if first.is_ascii_alphabetic() {
                let id = line.split([' ', '=']).next().unwrap_or_default();
                current = Some((id, offset));
            }
        }
        offset += line.len();
    }
    if let Some((id, start)) = current {
        spans.push((id, start, source.len()));
    }
    spans
}

/// The spans sorted by id for a binary search; of an id given twice, the first in the file.
/// (build.rs writes the built-in files' tables with it; the tests check them against it.)
#[allow(dead_code)]
pub fn sorted_spans(source: &str) -> Vec<(&str, usize, usize)> {
    let mut spans = entry_spans(source);
    // Stable: equal ids keep file order, and `dedup_by` keeps the first of each run.
    spans.sort_by(|a, b| a.0.cmp(b.0));
    spans.dedup_by(|later, first| later.0 == first.0);
    spans
}
