//! The one place that prints: data to stdout, messages for people to stderr, styled only when
//! colour is on. Knows `--quiet` and `--color`; a closed stdout (`labkit list | head`) surfaces
//! as `Error::BrokenPipe`, which ends the program quietly.

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

    /// Data for stdout: tables, JSON, documents.
    pub fn data(&mut self, text: &str) -> Result<(), Error> {
        self.out.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            self.out.write_all(b"\n")?;
        }
        self.out.flush()?;
        Ok(())
    }

    /// Data for stdout written as it is produced, for output too large to hold (a CSV); bytes
    /// go out as they are, with no line break added.
    pub fn data_stream(&mut self) -> &mut dyn Write {
        &mut *self.out
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

    /// A message for people on stderr, silenced by `--quiet`.
    pub fn note(&mut self, text: &str) {
        if !self.quiet {
            let _ = writeln!(self.err, "{text}");
        }
    }

    /// A warning on stderr (shown even with `--quiet`).
    pub fn warn(&mut self, text: &str) {
        let label = self.paint(
            &Style::new().yellow().bold(),
            crate::i18n::t(crate::i18n::message_language(), "label.warning"),
        );
        let _ = writeln!(self.err, "{label}: {text}");
    }

    /// An error on stderr.
    pub fn error(&mut self, text: &str) {
        let label = self.paint(
            &Style::new().red().bold(),
            crate::i18n::t(crate::i18n::message_language(), "label.error"),
        );
        let _ = writeln!(self.err, "{label}: {text}");
    }

    pub fn diagnostic(&mut self, d: &Diagnostic) {
        let text = d.to_string();
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
/// terminal (guidance, prompts, answers, summaries). Replaces every control character except newline (C0 controls including
/// ESC and CR, DEL, C1 `\u{80}`–`\u{9f}`) with U+FFFD and each tab with four
/// spaces, so the text cannot drive the terminal. Borrows when nothing changes.
pub fn terminal_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' => out.push_str("    "),
            c if c.is_control() && c != '\n' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
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
