//! Problems a person can act on: each with its file, line and column, the offending text, and what
//! would fix it, rendered by miette.
//!
//! Every problem the program reports, whatever its origin (a file that cannot be read, a syntax
//! error, a validation problem, an issue of the evaluation), becomes one [`Diagnostic`]. They are
//! collected and printed together, errors and warnings alike, followed by a one-line summary.
//!
//! Rendering is deterministic: colours only when standard error is a terminal and `NO_COLOR` is
//! not set, and a fixed width (`COLUMNS`, else 100), so the same input gives the same bytes.

use std::fmt;
use std::io::IsTerminal;
use std::ops::Range;
use std::sync::Arc;

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, NamedSource, SourceCode};

use crate::input::SourceFile;

/// How serious a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Level {
    /// Makes the input unusable: exit code 1.
    Error,
    /// Worth reading, but the input can be used.
    Warning,
    /// A bid that will be rejected as non-compliant: shown as a warning, since the evaluation of
    /// the other bids goes on.
    Rejection,
}

/// Where in a file a diagnostic points.
#[derive(Debug)]
struct Snippet {
    source: NamedSource<Arc<String>>,
    span: Range<usize>,
    label: String,
}

/// One problem, ready to show.
#[derive(Debug)]
pub(crate) struct Diagnostic {
    /// Where it is listed: diagnostics are printed in the order of the files they are about.
    order: usize,
    level: Level,
    message: String,
    help: Option<String>,
    snippet: Option<Box<Snippet>>,
}

impl Diagnostic {
    /// An error without a place in a file.
    pub(crate) fn error(message: impl Into<String>) -> Self {
        Self { order: 0, level: Level::Error, message: message.into(), help: None, snippet: None }
    }

    /// A warning without a place in a file.
    pub(crate) fn warning(message: impl Into<String>) -> Self {
        Self { order: 0, level: Level::Warning, message: message.into(), help: None, snippet: None }
    }

    /// The same diagnostic, listed in place `order` (the tender is 0, its bids follow).
    pub(crate) fn in_order(mut self, order: usize) -> Self {
        self.order = order;
        self
    }

    /// The same diagnostic with a level.
    pub(crate) fn with_level(mut self, level: Level) -> Self {
        self.level = level;
        self
    }

    /// The same diagnostic with what would fix it.
    pub(crate) fn with_help(mut self, help: impl Into<String>) -> Self {
        let help = help.into();
        if !help.trim().is_empty() {
            self.help = Some(help);
        }
        self
    }

    /// The same diagnostic pointing at `span` of `file`, with a label under the text.
    ///
    /// A span over several lines is cut to its first line, so a whole table is shown by its
    /// header rather than as a long bar down the margin.
    pub(crate) fn at(mut self, file: &SourceFile, span: Range<usize>, label: impl Into<String>) -> Self {
        let text = file.text.as_str();
        if text.trim().is_empty() {
            // Nothing to show: name the file instead.
            self.message = format!("{}: {}", file.name, self.message);
            return self;
        }
        let start = span.start.min(text.len());
        let mut end = span.end.clamp(start, text.len());
        if let Some(newline) = text[start..end].find('\n') {
            let first_line_end = start + newline;
            // A span that starts at the end of a line (a table's body) keeps one character.
            end = if first_line_end > start { first_line_end } else { (start + 1).min(text.len()) };
        }
        self.snippet = Some(Box::new(Snippet {
            source: NamedSource::new(&file.name, Arc::clone(&file.text)).with_language(file.format.name()),
            span: start..end,
            label: label.into(),
        }));
        self
    }

    /// Whether it is an error.
    pub(crate) fn is_error(&self) -> bool {
        self.level == Level::Error
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Diagnostic {}

impl miette::Diagnostic for Diagnostic {
    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.level {
            Level::Error => miette::Severity::Error,
            Level::Warning | Level::Rejection => miette::Severity::Warning,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        self.snippet.as_ref().map(|s| &s.source as &dyn SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let s = self.snippet.as_ref()?;
        let label = LabeledSpan::new_primary_with_span(Some(s.label.clone()), s.span.clone());
        Some(Box::new(std::iter::once(label)))
    }
}

/// Every diagnostic of a run, in the order found.
#[derive(Debug, Default)]
pub(crate) struct Diagnostics {
    list: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Adds one.
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.list.push(d);
    }

    /// Whether any is an error.
    pub(crate) fn has_errors(&self) -> bool {
        self.list.iter().any(Diagnostic::is_error)
    }

    /// How many bids will be rejected (their diagnostics, counted per file).
    pub(crate) fn rejected_files(&self) -> usize {
        let files: std::collections::BTreeSet<usize> =
            self.list.iter().filter(|d| d.level == Level::Rejection).map(|d| d.order).collect();
        files.len()
    }

    /// The files (by order) that have errors.
    pub(crate) fn error_orders(&self) -> std::collections::BTreeSet<usize> {
        self.list.iter().filter(|d| d.is_error()).map(|d| d.order).collect()
    }

    /// Turns the errors of file `order` into warnings that say the file is skipped, and returns
    /// their messages.
    pub(crate) fn skip_file(&mut self, order: usize) -> Vec<String> {
        let mut reasons = Vec::new();
        for d in self.list.iter_mut().filter(|d| d.order == order && d.is_error()) {
            reasons.push(d.message.clone());
            d.level = Level::Warning;
            d.message = format!("skipped (--skip-unreadable): {}", d.message);
        }
        reasons
    }

    /// How many diagnostics are coming rejections.
    pub(crate) fn rejections(&self) -> usize {
        self.list.iter().filter(|d| d.level == Level::Rejection).count()
    }

    /// How many errors and warnings (coming rejections count as warnings).
    pub(crate) fn counts(&self) -> (usize, usize) {
        let errors = self.list.iter().filter(|d| d.is_error()).count();
        (errors, self.list.len() - errors)
    }

    /// Prints every diagnostic on standard error.
    pub(crate) fn print(&self) {
        if self.list.is_empty() {
            return;
        }
        let renderer = renderer();
        let mut out = String::new();
        let mut list: Vec<&Diagnostic> = self.list.iter().collect();
        // Stable: within a file, problems keep the order they were found in.
        list.sort_by_key(|d| d.order);
        for d in list {
            // Rendering into a String cannot fail; a failure would only lose formatting.
            if renderer.render_report(&mut out, d as &dyn miette::Diagnostic).is_err() {
                out.push_str(&d.message);
                out.push('\n');
            }
        }
        crate::output::to_stderr(&out);
    }
}

/// "1 error", "2 warnings".
pub(crate) fn count(n: usize, what: &str) -> String {
    if n == 1 { format!("1 {what}") } else { format!("{n} {what}s") }
}

/// Whether diagnostics may use colour: standard error is a terminal and `NO_COLOR` is unset.
fn colour() -> bool {
    std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}

/// The width text is wrapped at: `COLUMNS`, else 100.
fn width() -> usize {
    std::env::var("COLUMNS").ok().and_then(|c| c.trim().parse().ok()).filter(|w| *w >= 40).unwrap_or(100)
}

fn renderer() -> GraphicalReportHandler {
    let theme = if colour() { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    GraphicalReportHandler::new_themed(theme).with_width(width()).with_links(false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tender_core::files::Format;

    fn file(text: &str) -> SourceFile {
        SourceFile { name: "t.toml".to_owned(), text: Arc::new(text.to_owned()), format: Format::Toml, order: 0 }
    }

    #[test]
    fn multi_line_spans_are_cut_to_their_first_line() {
        let f = file("[a]\nx = 1\ny = 2\n");
        let d = Diagnostic::error("m").at(&f, 4..15, "here");
        assert_eq!(d.snippet.map(|s| s.span), Some(4..9));
        let d = Diagnostic::error("m").at(&f, 3..15, "here");
        assert_eq!(d.snippet.map(|s| s.span), Some(3..4));
    }

    #[test]
    fn an_empty_file_is_named_not_shown() {
        let d = Diagnostic::error("the file is empty").at(&file(" \n"), 0..0, "here");
        assert!(d.snippet.is_none());
        assert_eq!(d.message, "t.toml: the file is empty");
    }

    #[test]
    fn spans_beyond_the_text_are_clamped() {
        let f = file("a = 1");
        let d = Diagnostic::error("m").at(&f, 10..20, "here");
        assert_eq!(d.snippet.map(|s| s.span), Some(5..5));
    }
}
