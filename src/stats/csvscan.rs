//! Reading a CSV file one record at a time, for `assign`: the parsed fields of each record and
//! the exact bytes it was made of, so the file can be copied byte for byte with a column added,
//! in memory bounded by the longest row rather than the file; and detecting which delimiter a
//! file uses. It reads from any `Read` and opens nothing itself.
//!
//! Records are parsed by `csv-core` (the parser under the `csv` crate, with the same defaults:
//! `"` quotes, doubled quotes inside them, `\r`, `\n` and `\r\n` all end a record, blank lines
//! are skipped). A UTF-8 byte order mark is taken off the front and reported, so it is never
//! part of the first column's name. Line numbers are not tracked while reading (that would cost
//! a pass over every byte); an error works its line out from a byte offset with [`line_at`].

use std::io::{self, Read};

use csv_core::{ReadRecordResult, Reader, ReaderBuilder};
use sha2::{Digest, Sha256};

/// The delimiters detection tries, in order of preference when several fit a file.
pub const DELIMITERS: [u8; 4] = [b',', b';', b'\t', b'|'];

/// The longest row read (its bytes in the file, quotes included). A unit's row is a few hundred
/// bytes; the limit keeps one malformed row (an unclosed quote) from filling memory.
pub const MAX_ROW_BYTES: u64 = 16 << 20;

/// The most fields in one row: a spreadsheet has at most 16,384 columns.
pub const MAX_FIELDS: usize = 65_536;

/// How much of the file detection looks at: the header and the first rows.
const SAMPLE_BYTES: u64 = 256 << 10;
const SAMPLE_ROWS: usize = 100;

const UTF8_BOM: &[u8] = b"\xef\xbb\xbf";
const CHUNK: usize = 64 << 10;

/// Why reading stopped; offsets are bytes from the start of the file.
#[derive(Debug)]
pub enum ScanError {
    Read(io::Error),
    NotUtf8 { offset: u64 },
    RowTooLong { offset: u64 },
    TooManyFields { offset: u64 },
}

impl From<io::Error> for ScanError {
    fn from(e: io::Error) -> Self {
        ScanError::Read(e)
    }
}

/// A CSV reader that hands out one record at a time, with where it started and how it ended.
pub struct Scanner<R> {
    src: R,
    buf: Vec<u8>,
    /// `buf[lo..avail]` is read but not yet parsed; `buf[avail..hi]` is read but waits for the
    /// rest of a UTF-8 sequence split by a read (only when checking UTF-8).
    lo: usize,
    avail: usize,
    hi: usize,
    /// Offset in the file of `buf[0]`.
    base: u64,
    eof: bool,
    started: bool,
    check_utf8: bool,
    hash: Option<Sha256>,
    core: Reader,
    fields: Vec<u8>,
    ends: Vec<usize>,
    n_fields: usize,
    keep_raw: bool,
    raw: Vec<u8>,
    /// The file starts with a UTF-8 byte order mark (not part of any record).
    pub bom: bool,
    /// Offset of the current record's first byte.
    pub start: u64,
    /// The byte that ended the current record (`\r` or `\n`), `None` at the end of the file.
    pub terminator: Option<u8>,
    /// The first of the line breaks skipped before the current record (or, once the last
    /// record is read, after it): a `\n` here after a `\r` terminator makes it `\r\n`.
    pub leading: Option<u8>,
}

impl<R: Read> Scanner<R> {
    /// A reader splitting fields at `delimiter`. `check_utf8` stops at the first byte that is
    /// not UTF-8; `keep_raw` keeps each record's bytes for [`Scanner::raw`]; `hash` computes the
    /// SHA-256 of every byte read, for [`Scanner::sha256`].
    pub fn new(src: R, delimiter: u8, check_utf8: bool, keep_raw: bool, hash: bool) -> Self {
        Scanner {
            src,
            buf: vec![0; CHUNK],
            lo: 0,
            avail: 0,
            hi: 0,
            base: 0,
            eof: false,
            started: false,
            check_utf8,
            hash: hash.then(Sha256::new),
            core: ReaderBuilder::new().delimiter(delimiter).build(),
            fields: vec![0; 1024],
            ends: vec![0; 64],
            n_fields: 0,
            keep_raw,
            raw: Vec::new(),
            bom: false,
            start: 0,
            terminator: None,
            leading: None,
        }
    }

    /// Reads more of the file into the buffer. Returns false at the end of the file, when
    /// nothing more will come.
    fn fill(&mut self) -> Result<bool, ScanError> {
        loop {
            if self.lo > 0 {
                self.buf.copy_within(self.lo..self.hi, 0);
                self.base += self.lo as u64;
                self.avail -= self.lo;
                self.hi -= self.lo;
                self.lo = 0;
            }
            let before = self.avail;
            if !self.eof {
                let n = loop {
                    match self.src.read(&mut self.buf[self.hi..]) {
                        Ok(n) => break n,
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                        Err(e) => return Err(e.into()),
                    }
                };
                if let Some(h) = &mut self.hash {
                    h.update(&self.buf[self.hi..self.hi + n]);
                }
                self.hi += n;
                self.eof = n == 0;
            }
            if self.check_utf8 {
                match std::str::from_utf8(&self.buf[self.avail..self.hi]) {
                    Ok(_) => self.avail = self.hi,
                    // A sequence cut by the read: wait for the rest of it.
                    Err(e) if e.error_len().is_none() && !self.eof => self.avail += e.valid_up_to(),
                    Err(e) => {
                        return Err(ScanError::NotUtf8 {
                            offset: self.base + (self.avail + e.valid_up_to()) as u64,
                        });
                    }
                }
            } else {
                self.avail = self.hi;
            }
            if !self.started && (self.hi >= UTF8_BOM.len() || self.eof) {
                self.started = true;
                if self.buf[..self.avail].starts_with(UTF8_BOM) {
                    self.bom = true;
                    self.lo = UTF8_BOM.len();
                }
            }
            if self.started && self.avail > self.lo {
                return Ok(true);
            }
            if self.eof && self.avail == before {
                return Ok(false);
            }
        }
    }

    /// Reads the next record; false when there are no more.
    pub fn next_record(&mut self) -> Result<bool, ScanError> {
        self.leading = None;
        loop {
            if self.lo == self.avail || !self.started {
                if !self.fill()? {
                    return Ok(false);
                }
                continue;
            }
            match self.buf[self.lo] {
                b @ (b'\r' | b'\n') => {
                    self.leading.get_or_insert(b);
                    self.lo += 1;
                }
                _ => break,
            }
        }
        self.start = self.base + self.lo as u64;
        self.raw.clear();
        let (mut n_out, mut n_ends) = (0, 0);
        loop {
            let input = &self.buf[self.lo..self.avail];
            let (result, n_in, o, e) =
                self.core
                    .read_record(input, &mut self.fields[n_out..], &mut self.ends[n_ends..]);
            if self.keep_raw {
                self.raw.extend_from_slice(&input[..n_in]);
            }
            let last = input[..n_in].last().copied();
            self.lo += n_in;
            n_out += o;
            n_ends += e;
            match result {
                ReadRecordResult::InputEmpty => {
                    if self.base + self.lo as u64 - self.start > MAX_ROW_BYTES {
                        return Err(ScanError::RowTooLong { offset: self.start });
                    }
                    // At the end of the file the parser is given no input, which ends the record.
                    self.fill()?;
                }
                ReadRecordResult::OutputFull => {
                    let len = self.fields.len() * 2;
                    self.fields.resize(len, 0);
                }
                ReadRecordResult::OutputEndsFull => {
                    if self.ends.len() >= MAX_FIELDS {
                        return Err(ScanError::TooManyFields { offset: self.start });
                    }
                    let len = self.ends.len() * 2;
                    self.ends.resize(len, 0);
                }
                ReadRecordResult::Record => {
                    // The parser ends a record on the line break it has just consumed, or on
                    // being given no input (the end of the file).
                    self.terminator = last;
                    self.n_fields = n_ends;
                    return Ok(true);
                }
                ReadRecordResult::End => return Ok(false),
            }
        }
    }

    /// The number of fields of the current record.
    pub fn field_count(&self) -> usize {
        self.n_fields
    }

    /// Field `i` of the current record, unquoted.
    pub fn field(&self, i: usize) -> &[u8] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] };
        &self.fields[start..self.ends[i]]
    }

    /// The current record's bytes as they are in the file, without its line break (only with
    /// `keep_raw`).
    pub fn raw(&self) -> &[u8] {
        let n = self.raw.len() - usize::from(self.terminator.is_some());
        &self.raw[..n]
    }

    /// The SHA-256 of every byte read so far (only with `hash`).
    pub fn sha256(&mut self) -> Option<[u8; 32]> {
        self.hash.take().map(|h| h.finalize().into())
    }
}

/// The physical line (1-based) at byte `offset` of a file: a line ends at `\n`, `\r\n`, or a
/// `\r` not followed by `\n`, as in a text editor.
pub fn line_at<R: Read>(mut src: R, offset: u64) -> io::Result<u64> {
    let mut line = 1;
    let mut pos = 0u64;
    let mut prev_cr = false;
    let mut buf = vec![0; CHUNK];
    loop {
        let n = match src.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        for &b in &buf[..n] {
            if pos > offset {
                return Ok(line);
            }
            if prev_cr && b != b'\n' {
                line += 1;
            }
            if b == b'\n' && pos < offset {
                line += 1;
            }
            prev_cr = b == b'\r' && pos < offset;
            pos += 1;
        }
    }
    if prev_cr {
        line += 1;
    }
    Ok(line)
}

/// How the delimiter was chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Detected {
    /// The only delimiter that splits the header and the first rows into the same number of
    /// columns, more than one.
    Sole,
    /// Several fit; the first of [`DELIMITERS`] was taken, these others would also fit.
    Preferred { others: Vec<u8> },
    /// The delimiter that fitted first lacks a column named by `flag`; this one has it.
    Column {
        flag: &'static str,
        name: String,
        instead_of: u8,
    },
    /// No delimiter splits the header and nothing suggests one: a file of one column.
    OneColumn,
    /// There is no header to look at.
    Empty,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Detection {
    pub delimiter: u8,
    pub how: Detected,
}

/// Why no delimiter could be chosen: the header read as one column with `,` contains `found`,
/// which splits it but not the rows consistently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undetected {
    pub header: String,
    pub found: u8,
}

/// The header and the field count of each complete row of a sample, split at `delimiter`.
struct Split {
    delimiter: u8,
    header: Vec<String>,
    rows: Vec<usize>,
}

impl Split {
    fn fits(&self) -> bool {
        self.header.len() > 1 && self.rows.iter().all(|&n| n == self.header.len())
    }

    fn has(&self, name: &str) -> bool {
        self.header.iter().any(|h| h == name)
    }
}

fn split(sample: &[u8], complete: bool, delimiter: u8) -> Split {
    let mut sc = Scanner::new(sample, delimiter, false, false, false);
    let mut header = Vec::new();
    let mut rows = Vec::new();
    // A sample cut short can end inside a record; only records whose line break was read count.
    let whole = |sc: &Scanner<&[u8]>| complete || sc.terminator.is_some();
    if let Ok(true) = sc.next_record() {
        header = (0..sc.field_count())
            .map(|i| String::from_utf8_lossy(sc.field(i)).into_owned())
            .collect();
        while rows.len() < SAMPLE_ROWS {
            match sc.next_record() {
                Ok(true) if whole(&sc) => rows.push(sc.field_count()),
                _ => break,
            }
        }
    }
    Split {
        delimiter,
        header,
        rows,
    }
}

/// Works out the delimiter from the header and the first rows of `src` (quotes respected, so a
/// `;` inside a quoted field does not count). `named` are the columns the flags name, as
/// `(flag, column)`: when the preferred delimiter lacks one and another has it, that one wins.
pub fn detect<R: Read>(
    src: R,
    named: &[(&'static str, &str)],
) -> Result<Result<Detection, Undetected>, io::Error> {
    let mut sample = Vec::new();
    src.take(SAMPLE_BYTES + 1).read_to_end(&mut sample)?;
    let complete = sample.len() as u64 <= SAMPLE_BYTES;
    let splits: Vec<Split> = DELIMITERS
        .iter()
        .map(|&d| split(&sample, complete, d))
        .collect();
    let has_all = |s: &Split| named.iter().all(|(_, name)| s.has(name));
    let missing = |s: &Split| named.iter().find(|(_, name)| !s.has(name)).copied();
    let fitting: Vec<&Split> = splits.iter().filter(|s| s.fits()).collect();
    let found = |d: u8, how| Ok(Ok(Detection { delimiter: d, how }));
    if splits[0].header.is_empty() {
        return found(b',', Detected::Empty);
    }
    if let Some(first) = fitting.first() {
        if let Some((flag, name)) = missing(first) {
            let other = fitting
                .iter()
                .copied()
                .find(|s| has_all(s))
                .or_else(|| splits.iter().find(|s| s.header.len() > 1 && has_all(s)));
            if let Some(other) = other {
                return found(
                    other.delimiter,
                    Detected::Column {
                        flag,
                        name: name.to_owned(),
                        instead_of: first.delimiter,
                    },
                );
            }
        }
        let how = if fitting.len() == 1 {
            Detected::Sole
        } else {
            Detected::Preferred {
                others: fitting[1..].iter().map(|s| s.delimiter).collect(),
            }
        };
        return found(first.delimiter, how);
    }
    // Nothing splits the rows consistently (a ragged file, or one column).
    let comma = &splits[0];
    if let Some((flag, name)) = missing(comma)
        && let Some(other) = splits[1..]
            .iter()
            .find(|s| s.header.len() > 1 && has_all(s))
    {
        return found(
            other.delimiter,
            Detected::Column {
                flag,
                name: name.to_owned(),
                instead_of: b',',
            },
        );
    }
    if comma.header.len() > 1 {
        // A comma-separated file with a ragged row: reading it says which line.
        return found(b',', Detected::Sole);
    }
    match splits[1..].iter().find(|s| s.header.len() > 1) {
        Some(other) => Ok(Err(Undetected {
            header: comma.header.first().cloned().unwrap_or_default(),
            found: other.delimiter,
        })),
        None => found(b',', Detected::OneColumn),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
mod tests {
    use super::*;

    fn records(input: &[u8], delimiter: u8) -> Vec<(Vec<String>, String, Option<u8>)> {
        let mut sc = Scanner::new(input, delimiter, true, true, false);
        let mut out = Vec::new();
        while sc.next_record().unwrap() {
            let fields = (0..sc.field_count())
                .map(|i| String::from_utf8(sc.field(i).to_vec()).unwrap())
                .collect();
            out.push((
                fields,
                String::from_utf8(sc.raw().to_vec()).unwrap(),
                sc.terminator,
            ));
        }
        out
    }

    #[test]
    fn records_with_their_raw_bytes() {
        let input = "\u{feff}a;b\r\n\r\n\"x;\ny\";\"q\"\"\"\r3;4";
        let got = records(input.as_bytes(), b';');
        assert_eq!(got[0].0, ["a", "b"], "the BOM is not part of the name");
        assert_eq!(got[0].1, "a;b");
        assert_eq!(got[1].0, ["x;\ny", "q\""]);
        assert_eq!(got[1].1, "\"x;\ny\";\"q\"\"\"");
        assert_eq!(got[1].2, Some(b'\r'));
        assert_eq!(got[2], (vec!["3".into(), "4".into()], "3;4".into(), None));
        let mut sc = Scanner::new(input.as_bytes(), b';', false, false, false);
        assert!(sc.next_record().unwrap());
        assert!(sc.bom);
        assert!(sc.next_record().unwrap());
        assert_eq!(sc.leading, Some(b'\n'), "the \\n of the header's \\r\\n");
        assert_eq!(sc.start, 10);
    }

    /// A reader that hands out one byte at a time, as a slow pipe might.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            match (self.0.split_first(), buf.first_mut()) {
                (Some((&b, rest)), Some(slot)) => {
                    *slot = b;
                    self.0 = rest;
                    Ok(1)
                }
                _ => Ok(0),
            }
        }
    }

    #[test]
    fn byte_by_byte_reads_give_the_same_records() {
        let input = "\u{feff}nome;região\r\n\"Sé; Lisboa\";Sé\r\nZé;Ó\r\n";
        let mut sc = Scanner::new(Trickle(input.as_bytes()), b';', true, true, true);
        let mut got = Vec::new();
        while sc.next_record().unwrap() {
            got.push(String::from_utf8(sc.raw().to_vec()).unwrap());
            assert_eq!(sc.field_count(), 2);
        }
        assert!(sc.bom);
        assert_eq!(got, ["nome;região", "\"Sé; Lisboa\";Sé", "Zé;Ó"]);
        let expected: [u8; 32] = Sha256::digest(input.as_bytes()).into();
        assert_eq!(sc.sha256(), Some(expected));
    }

    #[test]
    fn bad_utf8_and_oversized_rows_are_placed() {
        let mut sc = Scanner::new(&b"a,b\n1,\xff\n"[..], b',', true, false, false);
        match sc.next_record() {
            Err(ScanError::NotUtf8 { offset }) => assert_eq!(offset, 6),
            other => panic!("{other:?}"),
        }
        let mut long = b"a\n\"".to_vec();
        long.resize(MAX_ROW_BYTES as usize + 2 * CHUNK, b'x');
        let mut sc = Scanner::new(&long[..], b',', false, false, false);
        assert!(sc.next_record().unwrap());
        match sc.next_record() {
            Err(ScanError::RowTooLong { offset }) => assert_eq!(offset, 2),
            other => panic!("{other:?}"),
        }
        let wide = ",".repeat(MAX_FIELDS + 1);
        let mut sc = Scanner::new(wide.as_bytes(), b',', false, false, false);
        assert!(matches!(
            sc.next_record(),
            Err(ScanError::TooManyFields { offset: 0 })
        ));
    }

    #[test]
    fn lines_count_lf_crlf_and_lone_cr() {
        let input = b"a\r\nb\rc\nd";
        let lines: Vec<u64> = (0..input.len() as u64)
            .map(|o| line_at(&input[..], o).unwrap())
            .collect();
        assert_eq!(lines, [1, 1, 1, 2, 2, 3, 3, 4]);
    }

    fn detect_str(input: &str, named: &[(&'static str, &str)]) -> Result<Detection, Undetected> {
        detect(input.as_bytes(), named).unwrap()
    }

    #[test]
    fn detects_the_delimiter_that_fits() {
        let d = |input: &str| detect_str(input, &[]).map(|d| (d.delimiter, d.how));
        assert_eq!(d("a,b\n1,2\n"), Ok((b',', Detected::Sole)));
        assert_eq!(
            d("\u{feff}nome;morada\r\nAna;\"Rua A; 3\"\r\nRui;\"Rua B, 4\"\r\n"),
            Ok((b';', Detected::Sole)),
            "quoted delimiters do not count"
        );
        assert_eq!(d("a\tb\n1\t2\n"), Ok((b'\t', Detected::Sole)));
        assert_eq!(d("a|b\n1|2\n"), Ok((b'|', Detected::Sole)));
        assert_eq!(d("name\nAna\n"), Ok((b',', Detected::OneColumn)));
        assert_eq!(d("\u{feff}\r\n"), Ok((b',', Detected::Empty)));
        assert_eq!(
            d("a,b;c\n1,2;3\n"),
            Ok((b',', Detected::Preferred { others: vec![b';'] }))
        );
        assert_eq!(d("a,b\n1,2\n3\n"), Ok((b',', Detected::Sole)), "ragged");
        assert_eq!(
            d("nome;idade\nAna;30\nRui\n"),
            Err(Undetected {
                header: "nome;idade".into(),
                found: b';'
            })
        );
    }

    #[test]
    fn a_named_column_settles_an_ambiguity() {
        let got = detect_str("a,b;c\n1,2;3\n", &[("--stratify", "c")]).unwrap();
        assert_eq!(got.delimiter, b';');
        assert_eq!(
            got.how,
            Detected::Column {
                flag: "--stratify",
                name: "c".into(),
                instead_of: b','
            }
        );
        let got = detect_str("a,b;c\n1,2;3\n", &[("--id", "a")]).unwrap();
        assert_eq!(got.delimiter, b',');
        // Ragged under every delimiter: the named column still decides.
        let got = detect_str("id;região\n1;n\n2\n", &[("--stratify", "região")]).unwrap();
        assert_eq!(got.delimiter, b';');
    }

    #[test]
    fn a_long_sample_is_cut_at_a_record() {
        let mut input = String::from("a;b\n");
        while input.len() as u64 <= SAMPLE_BYTES {
            input.push_str("\"1,2,3\";4\n");
        }
        assert_eq!(detect_str(&input, &[]).unwrap().delimiter, b';');
    }
}
