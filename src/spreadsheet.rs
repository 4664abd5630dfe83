//! CSV written for people to open in a spreadsheet: the sanitiser that makes a cell inert, and
//! the dialect a spreadsheet in the user's language reads correctly.
//!
//! A spreadsheet runs a cell that starts with `=`, `+`, `-` or `@` as a formula (and tab or CR
//! can hide such a start), so an answer like `=HYPERLINK(…)` or `+cmd|…` would become a link
//! or a command once the CSV is opened. OWASP's advice is followed: such a cell gets a leading
//! `'`, which spreadsheets read as "this is text". Every other cell is written as it is. This
//! module only shapes CSV; it never decides what the columns are.

use std::borrow::Cow;

use crate::lang::Lang;

/// The CSV sanitiser: a cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`
/// so a spreadsheet shows it as text instead of running it. Borrows when nothing changes.
pub fn inert(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// How the CSV is laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dialect {
    delimiter: u8,
    bom: bool,
    crlf: bool,
}

impl Dialect {
    /// Plain CSV (RFC 4180 with LF line ends): what scripts and pandas read.
    pub fn plain() -> Dialect {
        Dialect {
            delimiter: b',',
            bom: false,
            crlf: false,
        }
    }

    /// What a spreadsheet set to `lang` opens correctly by double-click: a UTF-8 BOM (without
    /// it Excel reads the file in the system's legacy code page and garbles `ã`), CRLF line
    /// ends, and the list separator of the language's locale: `;` where the decimal separator
    /// is a comma (Portuguese), `,` in English.
    pub fn excel(lang: Lang) -> Dialect {
        Dialect {
            delimiter: match lang {
                Lang::En => b',',
                Lang::Pt => b';',
                Lang::Other(_) if crate::clock::decimal_of(lang) == "," => b';',
                Lang::Other(_) => b',',
            },
            bom: true,
            crlf: true,
        }
    }
}

/// Writes `header` and `rows` as CSV in `dialect`, every cell passed through [`inert`].
pub fn write<'a>(
    dialect: Dialect,
    header: &[&str],
    rows: impl IntoIterator<Item = Vec<&'a str>>,
) -> Result<Vec<u8>, csv::Error> {
    let mut out = Vec::new();
    if dialect.bom {
        out.extend_from_slice("\u{FEFF}".as_bytes());
    }
    let mut writer = csv::WriterBuilder::new()
        .delimiter(dialect.delimiter)
        .terminator(if dialect.crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        })
        .from_writer(out);
    writer.write_record(header.iter().map(|h| inert(h)).map(|c| c.into_owned()))?;
    for row in rows {
        writer.write_record(row.iter().map(|c| inert(c).into_owned()))?;
    }
    writer.into_inner().map_err(|e| e.into_error().into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_a_spreadsheet_would_run_start_with_a_quote() {
        for (cell, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"),
            ("-2+3", "'-2+3"),
            ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
            ("\t=1+1", "'\t=1+1"),
            ("\r=1+1", "'\r=1+1"),
        ] {
            assert_eq!(inert(cell), written);
        }
        for cell in ["Renew on time", "2027-01-01", "a=b", "", "'quoted"] {
            assert!(matches!(inert(cell), Cow::Borrowed(_)), "{cell}");
        }
    }

    #[test]
    fn the_excel_dialect_follows_the_language() {
        let rows = || vec![vec!["Sé; Porto", "=1+1"]];
        let pt = write(Dialect::excel(Lang::Pt), &["a", "b"], rows()).unwrap();
        assert_eq!(
            String::from_utf8(pt).unwrap(),
            "\u{FEFF}a;b\r\n\"Sé; Porto\";'=1+1\r\n"
        );
        let en = write(Dialect::excel(Lang::En), &["a", "b"], rows()).unwrap();
        assert_eq!(
            String::from_utf8(en).unwrap(),
            "\u{FEFF}a,b\r\nSé; Porto,'=1+1\r\n"
        );
        let plain = write(Dialect::plain(), &["a", "b"], rows()).unwrap();
        assert_eq!(String::from_utf8(plain).unwrap(), "a,b\nSé; Porto,'=1+1\n");
    }
}
