//! The one place that prints: data to stdout, messages for people to stderr, styled only when
//! colour is on. Knows `--quiet` and `--color`; a closed stdout (`labkit list | head`) surfaces
//! as `Error::BrokenPipe`, which ends the program quietly.
//!
//! It is also where text from users and files is made harmless for a terminal: every message
//! for people passes [`terminal_safe`], and so does data when stdout is a terminal (a method
//! name or an answer could otherwise retitle the window or clear the screen). Data going to a
//! pipe or a file is written byte for byte: there it is a document, not a screen. Styles are
//! the printer's own, added after the text is made safe (see [`Styled`]); nothing else may put
//! an escape sequence on the way out.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Write};

use comfy_table::{ContentArrangement, LineStyle, Table, TableStyle};
use console::Style;

use crate::error::Error;
use crate::method::Diagnostic;
use crate::settings::Settings;

pub struct Printer {
    out: Box<dyn Write>,
    err: Box<dyn Write>,
    pub quiet: bool,
    pub color: bool,
    /// Progress may be drawn: stderr is a terminal and `--quiet` is off.
    pub progress: bool,
    /// stdout is a terminal, so data is shown rather than stored and passes [`terminal_safe`].
    out_terminal: bool,
}

/// How a piece of [`Styled`] text looks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Look {
    Plain,
    Bold,
    Dim,
}

/// Text for people with the printer's own styles (bold headings, dim notes), built piece by
/// piece. The pieces stay apart until [`Printer::styled`] writes them, so each is made safe
/// for the terminal before a style adds its escape sequences: a file's text can never bring
/// sequences of its own, and styled output can still be sanitised. `write!` adds plain text.
#[derive(Debug, Default)]
pub struct Styled {
    pieces: Vec<(Look, String)>,
}

impl Styled {
    pub fn new() -> Styled {
        Styled::default()
    }

    pub fn bold(&mut self, text: &str) -> &mut Styled {
        self.add(Look::Bold, text)
    }

    pub fn dim(&mut self, text: &str) -> &mut Styled {
        self.add(Look::Dim, text)
    }

    pub fn plain(&mut self, text: &str) -> &mut Styled {
        self.add(Look::Plain, text)
    }

    fn add(&mut self, look: Look, text: &str) -> &mut Styled {
        match self.pieces.last_mut() {
            Some((last, piece)) if *last == look => piece.push_str(text),
            _ => self.pieces.push((look, text.to_owned())),
        }
        self
    }
}

impl fmt::Write for Styled {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.plain(text);
        Ok(())
    }
}

/// A spinner on stderr for work that can take more than a second; cleared when dropped.
pub struct Spinner(Option<indicatif::ProgressBar>);

impl Drop for Spinner {
    fn drop(&mut self) {
        if let Some(bar) = self.0.take() {
            bar.finish_and_clear();
        }
    }
}

impl Printer {
    pub fn new(out: Box<dyn Write>, err: Box<dyn Write>, settings: &Settings) -> Printer {
        Printer {
            out,
            err,
            quiet: settings.quiet,
            color: settings.color,
            progress: settings.progress,
            out_terminal: settings.stdout_terminal,
        }
    }

    /// The real streams of the process.
    pub fn stdio(settings: &Settings) -> Printer {
        Printer::new(
            Box::new(io::stdout().lock()),
            Box::new(io::stderr()),
            settings,
        )
    }

    /// Data for stdout: tables, JSON, documents. Sanitised for a terminal, byte for byte in a
    /// pipe or a file.
    pub fn data(&mut self, text: &str) -> Result<(), Error> {
        let text = if self.out_terminal {
            terminal_safe(text)
        } else {
            Cow::Borrowed(text)
        };
        self.write_data(&text)
    }

    /// Styled text for stdout (a method's card): each piece is treated as [`Printer::data`]
    /// treats text, then painted when colour is on.
    pub fn styled(&mut self, text: &Styled) -> Result<(), Error> {
        let mut out = String::new();
        for (look, piece) in &text.pieces {
            let piece = if self.out_terminal {
                terminal_safe(piece)
            } else {
                Cow::Borrowed(piece.as_str())
            };
            out.push_str(&match look {
                Look::Plain => piece.into_owned(),
                Look::Bold => self.bold(&piece),
                Look::Dim => self.dim(&piece),
            });
        }
        self.write_data(&out)
    }

    fn write_data(&mut self, text: &str) -> Result<(), Error> {
        self.out.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            self.out.write_all(b"\n")?;
        }
        self.out.flush()?;
        Ok(())
    }

    /// Data for stdout written as it is produced, for output too large to hold (a CSV), with no
    /// line break added. Bytes go out as they are into a pipe; on a terminal they pass the
    /// terminal sanitiser byte by byte (`TerminalBytes`), like all data shown there.
    pub fn data_stream(&mut self) -> Box<dyn Write + '_> {
        if self.out_terminal {
            Box::new(TerminalBytes {
                inner: &mut *self.out,
                held: None,
            })
        } else {
            Box::new(&mut *self.out)
        }
    }

    /// Starts a spinner with `message` when `long` (the work is big enough to take a while)
    /// and progress can be shown; otherwise does nothing. Hidden in pipes and with `--quiet`.
    pub fn spinner(&self, long: bool, message: String) -> Spinner {
        if !(long && self.progress) {
            return Spinner(None);
        }
        let bar =
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        bar.set_message(message);
        bar.enable_steady_tick(std::time::Duration::from_millis(100));
        Spinner(Some(bar))
    }

    /// A message for people on stderr, silenced by `--quiet`. Messages name files, ids and
    /// answers, so every one passes [`terminal_safe`], wherever stderr goes.
    pub fn note(&mut self, text: &str) {
        if !self.quiet {
            let _ = writeln!(self.err, "{}", terminal_safe(text));
        }
    }

    /// Text for people on stderr that a run cannot do without, shown even with `--quiet` (the
    /// room's address: nobody can join without it). Sanitised like every message.
    pub fn say(&mut self, text: &str) {
        let _ = writeln!(self.err, "{}", terminal_safe(text));
    }

    /// [`Printer::say`] in bold (when colour is on).
    pub fn say_bold(&mut self, text: &str) {
        let text = self.bold(&terminal_safe(text));
        let _ = writeln!(self.err, "{text}");
    }

    /// A picture of labkit's own making, drawn with block characters (the room's QR code), on
    /// stderr, shown even with `--quiet`. With colour on, each row is painted black on white,
    /// so it reads the same on light and dark terminals. Anything but block characters and
    /// spaces is dropped: nothing else may reach the terminal this way.
    pub fn picture(&mut self, blocks: &str) {
        let style = Style::new().black().on_white();
        for row in blocks.lines() {
            let row: String = row.chars().filter(|c| " ▀▄█".contains(*c)).collect();
            let _ = writeln!(self.err, "{}", self.paint(&style, &row));
        }
    }

    /// A warning on stderr (shown even with `--quiet`).
    pub fn warn(&mut self, text: &str) {
        let label = self.paint(
            &Style::new().yellow().bold(),
            crate::i18n::t(crate::i18n::message_language(), "label.warning"),
        );
        let _ = writeln!(self.err, "{label}: {}", terminal_safe(text));
    }

    /// An error on stderr.
    pub fn error(&mut self, text: &str) {
        let label = self.paint(
            &Style::new().red().bold(),
            crate::i18n::t(crate::i18n::message_language(), "label.error"),
        );
        let _ = writeln!(self.err, "{label}: {}", terminal_safe(text));
    }

    pub fn diagnostic(&mut self, d: &Diagnostic) {
        let text = d.to_string();
        let text = terminal_safe(&text);
        let (first, rest) = text.split_once('\n').unwrap_or((&text, ""));
        let label = self.paint(
            &Style::new().red().bold(),
            crate::i18n::t(crate::i18n::message_language(), "label.error"),
        );
        let _ = writeln!(self.err, "{label}: {first}");
        if !rest.is_empty() {
            let _ = writeln!(self.err, "{}", self.paint(&Style::new().cyan(), rest));
        }
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint(&Style::new().bold(), text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint(&Style::new().dim(), text)
    }

    fn paint(&self, style: &Style, text: &str) -> String {
        if self.color {
            style.clone().force_styling(true).apply_to(text).to_string()
        } else {
            text.to_owned()
        }
    }
}

/// The terminal sanitiser, the one every text from a user or a file passes on its way to a
/// terminal (guidance, prompts, answers, summaries, messages, data shown on a terminal).
/// Replaces every control character except newline (C0 controls including ESC and a lone CR,
/// DEL, C1 `\u{80}`–`\u{9f}`) with U+FFFD and each tab with four spaces, so the text cannot
/// drive the terminal and what it tried is visible. A CR right before a newline is a Windows
/// line end (a CSV for a spreadsheet has them) and is dropped. Borrows when nothing changes.
pub fn terminal_safe(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => out.push_str("    "),
            '\r' if chars.peek() == Some(&'\n') => {}
            c if c.is_control() && c != '\n' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// `terminal_safe` for a stream of bytes: C0 controls (but tab, line feed and carriage
/// return), DEL and C1 controls (`C2 80`–`C2 9F` in UTF-8) become U+FFFD. A `C2` at the end of
/// one write is held until the next shows what follows it.
struct TerminalBytes<'a> {
    inner: &'a mut dyn Write,
    held: Option<u8>,
}

impl Write for TerminalBytes<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        const MARK: &[u8] = "\u{FFFD}".as_bytes();
        let mut out = Vec::with_capacity(buf.len() + 8);
        let mut bytes = self
            .held
            .take()
            .into_iter()
            .chain(buf.iter().copied())
            .peekable();
        while let Some(b) = bytes.next() {
            match b {
                b'\t' | b'\n' | b'\r' => out.push(b),
                0x00..=0x1f | 0x7f => out.extend_from_slice(MARK),
                0xc2 => match bytes.peek() {
                    Some(0x80..=0x9f) => {
                        bytes.next();
                        out.extend_from_slice(MARK);
                    }
                    Some(_) => out.push(b),
                    None => self.held = Some(b),
                },
                _ => out.push(b),
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if let Some(b) = self.held.take() {
            self.inner.write_all(&[b])?;
        }
        self.inner.flush()
    }
}

/// labkit's table look: a rule under the header, columns spaced, no boxes. It fits the
/// terminal's width, and keeps its natural width in a pipe.
pub fn table(settings: &Settings) -> Table {
    let mut table = Table::new();
    table.load_style(TableStyle::new().header_separator(LineStyle::none().fill('─').junction(' ')));
    match settings.width {
        Some(width) => {
            table.set_content_arrangement(ContentArrangement::Dynamic);
            table.set_width(width);
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    table
}

/// A table as text, without the padding comfy-table leaves at the end of each line.
pub fn table_text(table: &Table) -> String {
    table
        .lines()
        .map(|l| l.trim_end().to_owned())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    #[test]
    fn streamed_data_for_a_terminal_loses_its_controls_even_split_across_writes() {
        use std::io::Write;
        let mut sink = Vec::new();
        {
            let mut w = super::TerminalBytes {
                inner: &mut sink,
                held: None,
            };
            w.write_all(b"id;name\r\n1;\x1b]0;pwned\x07\xc2").unwrap();
            w.write_all(b"\x9b2J;S\xc3\xa9\n").unwrap();
            w.flush().unwrap();
        }
        assert_eq!(
            String::from_utf8(sink).unwrap(),
            "id;name\r\n1;\u{FFFD}]0;pwned\u{FFFD}\u{FFFD}2J;Sé\n"
        );
    }

    use std::cell::RefCell;
    use std::rc::Rc;

    use super::*;
    use crate::settings::Env;

    /// A stream the test can read back after the printer wrote to it.
    #[derive(Clone, Default)]
    struct Shared(Rc<RefCell<Vec<u8>>>);

    impl Write for Shared {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    impl Shared {
        fn text(&self) -> String {
            String::from_utf8_lossy(&self.0.borrow()).into_owned()
        }
    }

    fn printer(stdout_terminal: bool, color: bool) -> (Printer, Shared, Shared) {
        let env = Env {
            stdout_is_terminal: stdout_terminal,
            width: stdout_terminal.then_some(80),
            ..Env::default()
        };
        let mut settings = Settings::fallback(&env);
        settings.color = color;
        let (out, err) = (Shared::default(), Shared::default());
        let printer = Printer::new(Box::new(out.clone()), Box::new(err.clone()), &settings);
        (printer, out, err)
    }

    const HOSTILE: &str = "Evil\x1b]0;pwned\x07 name\x1b[2J\r\u{9b}31m\tend";

    #[test]
    fn data_for_a_terminal_is_sanitised_and_data_for_a_pipe_is_not() {
        let (mut p, out, _) = printer(true, false);
        p.data(HOSTILE).unwrap();
        let shown = out.text();
        assert!(
            !shown.contains(['\x1b', '\x07', '\r', '\u{9b}']),
            "{shown:?}"
        );
        assert!(shown.contains("\u{FFFD}]0;pwned\u{FFFD} name"), "{shown:?}");

        let (mut p, out, _) = printer(false, false);
        p.data(HOSTILE).unwrap();
        assert_eq!(out.text(), format!("{HOSTILE}\n"), "a pipe gets the bytes");
    }

    #[test]
    fn messages_for_people_are_sanitised_wherever_stderr_goes() {
        let (mut p, _, err) = printer(false, false);
        p.note(HOSTILE);
        p.warn(HOSTILE);
        p.error(HOSTILE);
        p.diagnostic(&Diagnostic {
            file: HOSTILE.into(),
            line: Some(1),
            column: Some(1),
            path: "steps[0]".into(),
            message: HOSTILE.into(),
            hint: Some(HOSTILE.into()),
        });
        let text = err.text();
        assert_eq!(text.matches("pwned").count(), 6, "{text}");
        assert!(!text.contains(['\x1b', '\x07', '\r', '\u{9b}']), "{text:?}");
    }

    #[test]
    fn styled_data_keeps_only_the_printers_own_styles() {
        let mut card = Styled::new();
        card.bold(HOSTILE).plain(" ").dim("(id)");
        fmt::Write::write_str(&mut card, "\n\x1b[2J").unwrap();

        let (mut p, out, _) = printer(true, true);
        p.styled(&card).unwrap();
        let shown = out.text();
        let escapes = shown.matches('\x1b').count();
        assert_eq!(escapes, 4, "bold and dim, each on and off: {shown:?}");
        assert!(shown.contains("\u{FFFD}]0;pwned"), "{shown:?}");
        assert!(
            !shown.contains("\x1b[2J") && !shown.contains("\x1b]"),
            "{shown:?}"
        );

        let (mut p, out, _) = printer(false, false);
        p.styled(&card).unwrap();
        assert_eq!(out.text(), format!("{HOSTILE} (id)\n\x1b[2J\n"));
    }

    #[test]
    fn a_windows_line_end_is_a_line_end_and_a_lone_cr_is_shown() {
        assert_eq!(terminal_safe("a;b\r\nc;d\r\n"), "a;b\nc;d\n");
        assert_eq!(terminal_safe("a\rb\r"), "a\u{FFFD}b\u{FFFD}");
    }
}
