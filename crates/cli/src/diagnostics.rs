//! Problems a person can act on: each with its file, line and column, the offending text, and what
//! would fix it, rendered by miette.
//!
//! Every problem the program reports, whatever its origin (a file that cannot be read, a syntax
//! error, a validation problem, an issue of the evaluation), becomes one [`Diagnostic`]. They are
//! collected and printed together, errors and warnings alike, followed by a one-line summary.
//!
//! Rendering is deterministic: colours only when standard error is a terminal and `NO_COLOR` is
//! not set, and a fixed width (`COLUMNS`, else 100), so the same input gives the same bytes.
//!
//! A snippet is drawn from a window of at most [`WINDOW_BEFORE`] + [`WINDOW_AFTER`] bytes of its
//! line when the line is long (minified JSON is one line of any length): miette cannot draw a label
//! past column 65,535, and a 70 KB line helps nobody. When a snippet cannot be drawn at all, the
//! diagnostic falls back to the plain `file:line:col: message` form.

use std::fmt;
use std::io::IsTerminal;
use std::ops::Range;
use std::sync::Arc;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents, NamedSource, SourceCode,
    SourceSpan, SpanContents,
};

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
    /// The file's name and text again, for a window of a long line and for the plain form.
    name: String,
    text: Arc<String>,
    language: &'static str,
    span: Range<usize>,
    /// The line and column (in characters, from 1) where `span` starts, from the file's index.
    line: usize,
    column: usize,
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
        Self { order: 0, level: Level::Error, message: inert(message.into()), help: None, snippet: None }
    }

    /// A warning without a place in a file.
    pub(crate) fn warning(message: impl Into<String>) -> Self {
        Self { order: 0, level: Level::Warning, message: inert(message.into()), help: None, snippet: None }
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
        let help = inert(help.into());
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
        let (line, column) = file.line_and_column(start);
        self.snippet = Some(Box::new(Snippet {
            source: NamedSource::new(&file.name, Arc::clone(&file.shown)).with_language(file.format.name()),
            name: file.name.clone(),
            text: Arc::clone(&file.shown),
            language: file.format.name(),
            span: start..end,
            line,
            column,
            label: inert(label.into()),
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
    /// Files in a bids directory that are not read, and why: the evaluation lists them too.
    not_read: Vec<(String, String)>,
}

impl Diagnostics {
    /// Adds one.
    pub(crate) fn push(&mut self, d: Diagnostic) {
        self.list.push(d);
    }

    /// Records a file of a bids directory that is not read, and why (also pushed as a warning).
    pub(crate) fn not_read(&mut self, file: &std::path::Path, why: &str) {
        self.not_read.push((file.display().to_string(), why.to_owned()));
    }

    /// The files not read, and why.
    pub(crate) fn files_not_read(&self) -> &[(String, String)] {
        &self.not_read
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
        let limit = shown_limit();
        for d in list.iter().take(limit) {
            render(&renderer, d, &mut out);
        }
        if let Some(rest) = list.get(limit..).filter(|rest| !rest.is_empty()) {
            let errors = rest.iter().filter(|d| d.is_error()).count();
            let what = match (errors, rest.len().saturating_sub(errors)) {
                (e, 0) => count(e, "error"),
                (0, w) => count(w, "warning"),
                (e, w) => format!("{} and {}", count(e, "error"), count(w, "warning")),
            };
            out.push_str(&format!(
                "… and {what} more, not shown; set {LIMIT_VARIABLE}=0 to show every problem, or fix these first\n"
            ));
        }
        crate::output::to_stderr(&out);
    }
}

/// The environment variable that sets how many problems are printed.
const LIMIT_VARIABLE: &str = "TENDER_MAX_PROBLEMS";
/// How many problems are printed unless [`LIMIT_VARIABLE`] says otherwise.
const DEFAULT_LIMIT: usize = 100;

/// How many problems to print: `TENDER_MAX_PROBLEMS` (0 for all), else 100. Thousands of
/// problems help nobody read a terminal, and drawing each costs time (issue 17).
fn shown_limit() -> usize {
    match std::env::var(LIMIT_VARIABLE).ok().and_then(|v| v.trim().parse::<usize>().ok()) {
        Some(0) => usize::MAX,
        Some(n) => n,
        None => DEFAULT_LIMIT,
    }
}

/// Lines longer than this (in bytes) are shown through a window around the label.
const LONG_LINE: usize = 240;
/// Bytes of a long line shown before the label's start.
const WINDOW_BEFORE: usize = 60;
/// Bytes of a long line shown from the label's start.
const WINDOW_AFTER: usize = 100;

/// Renders one diagnostic into `out`: graphically, through a window when its line is long, or in
/// the plain form when the graphical handler fails.
fn render(renderer: &GraphicalReportHandler, d: &Diagnostic, out: &mut String) {
    let shown = Shown { d, window: d.snippet.as_deref().and_then(Window::of) };
    let mut graphical = String::new();
    if renderer.render_report(&mut graphical, &shown as &dyn miette::Diagnostic).is_ok() {
        out.push_str(&graphical);
    } else {
        out.push_str(&plain(d));
    }
}

/// The plain form: `file:line:col: error: message`, then the help on its own line.
pub(crate) fn plain(d: &Diagnostic) -> String {
    let level = match d.level {
        Level::Error => "error",
        Level::Warning | Level::Rejection => "warning",
    };
    let mut out = match &d.snippet {
        Some(s) => format!("{}:{}:{}: {level}: {}\n", s.name, s.line, s.column, d.message),
        None => format!("{level}: {}\n", d.message),
    };
    if let Some(help) = &d.help {
        out.push_str(&format!("  help: {help}\n"));
    }
    out
}

/// The largest char boundary of `text` at or before `i`.
fn floor_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i > 0 && !text.is_char_boundary(i) {
        i = i.saturating_sub(1);
    }
    i
}

/// The smallest char boundary of `text` at or after `i`.
fn ceil_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while i < text.len() && !text.is_char_boundary(i) {
        i = i.saturating_add(1);
    }
    i
}

/// A diagnostic as it is rendered: its snippet, or a window of the snippet's long line.
struct Shown<'a> {
    d: &'a Diagnostic,
    window: Option<Window>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.d, f)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn severity(&self) -> Option<miette::Severity> {
        miette::Diagnostic::severity(self.d)
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        miette::Diagnostic::help(self.d)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        match &self.window {
            Some(w) => Some(w as &dyn SourceCode),
            None => miette::Diagnostic::source_code(self.d),
        }
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        match &self.window {
            Some(w) => {
                let label = LabeledSpan::new_primary_with_span(Some(w.label.clone()), w.span.clone());
                Some(Box::new(std::iter::once(label)))
            }
            None => miette::Diagnostic::labels(self.d),
        }
    }
}

/// What a snippet shows of its file: its line and the lines around it, or a piece of a long
/// line cut around the label (`…` marks the cuts), rendered with the line (and column) numbers of
/// the whole file. miette reads a source from its start for every snippet; a window keeps drawing
/// a snippet to the size of the window (issue 17).
#[derive(Debug)]
struct Window {
    name: String,
    language: &'static str,
    /// The piece shown, with `…` at a cut end.
    text: String,
    /// The label's span within `text`.
    span: Range<usize>,
    label: String,
    /// The line of `text` in the file, from 0.
    line: usize,
    /// For a piece of a long line: how many characters of the line come before `text` (its `…`
    /// counted as one of them). `None` for whole lines, whose columns are miette's own.
    column: Option<usize>,
}

impl Window {
    /// The part of the file a snippet shows: its line with the lines before and after it (as
    /// miette would show them from the whole file, but without reading the file from its start
    /// for every snippet), or, when its line is long, a piece of that line around the label.
    fn of(s: &Snippet) -> Option<Self> {
        let text = s.text.as_str();
        let start = floor_boundary(text, s.span.start);
        let line_start = text.get(..start)?.rfind('\n').map_or(0, |i| i.saturating_add(1));
        let line_end = text.get(start..)?.find('\n').map_or(text.len(), |i| start.saturating_add(i));
        if line_end.saturating_sub(line_start) <= LONG_LINE {
            // From the start of the line before (if any) to a few line breaks past the label: all
            // that miette reads from the whole file to draw it (the line before, the label's lines
            // and the line after), so it draws the same.
            let from = match line_start.checked_sub(1) {
                Some(newline) => text.get(..newline)?.rfind('\n').map_or(0, |i| i.saturating_add(1)),
                None => line_start,
            };
            let mut to = s.span.end.clamp(start, text.len());
            for _ in 0..4 {
                match text.get(to..)?.find('\n') {
                    Some(i) => to = to.saturating_add(i).saturating_add(1),
                    None => {
                        to = text.len();
                        break;
                    }
                }
            }
            let end = s.span.end.clamp(start, to);
            let lines_before = usize::from(from < line_start);
            return Some(Self {
                name: s.name.clone(),
                language: s.language,
                text: text.get(from..to)?.to_owned(),
                span: start.saturating_sub(from)..end.saturating_sub(from),
                label: s.label.clone(),
                line: s.line.saturating_sub(1).saturating_sub(lines_before),
                column: None,
            });
        }
        let from = floor_boundary(text, start.saturating_sub(WINDOW_BEFORE).max(line_start));
        let to = ceil_boundary(text, start.saturating_add(WINDOW_AFTER).min(line_end));
        let end = ceil_boundary(text, s.span.end.clamp(start, to));
        let cut_before = from > line_start;
        let mut shown = String::new();
        if cut_before {
            shown.push('…');
        }
        let offset = shown.len();
        shown.push_str(text.get(from..to)?);
        if to < line_end {
            shown.push('…');
        }
        // Characters of the line before the window: those before the label, less the window's.
        let in_window = text.get(from..start).map_or(0, |t| t.chars().count());
        Some(Self {
            name: s.name.clone(),
            language: s.language,
            text: shown,
            span: offset.saturating_add(start.saturating_sub(from))..offset.saturating_add(end.saturating_sub(from)),
            label: s.label.clone(),
            line: s.line.saturating_sub(1),
            // The `…` stands for one of the characters cut.
            column: Some(s.column.saturating_sub(1).saturating_sub(in_window).saturating_sub(usize::from(cut_before))),
        })
    }
}

impl SourceCode for Window {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let inner =
            <str as SourceCode>::read_span(self.text.as_str(), span, context_lines_before, context_lines_after)?;
        // A piece of a long line continues the columns of the line it was cut from, counted in
        // characters (miette counts bytes, and the piece starts with a three-byte `…`).
        let column = match self.column {
            Some(cut) if inner.line() == 0 => {
                self.text.get(..span.offset()).map_or(0, |t| t.chars().count()).saturating_add(cut)
            }
            _ => inner.column(),
        };
        let contents = MietteSpanContents::new_named(
            self.name.clone(),
            inner.data(),
            *inner.span(),
            inner.line().saturating_add(self.line),
            column,
            inner.line_count(),
        )
        .with_language(self.language);
        Ok(Box::new(contents))
    }
}

/// Text from the input, with every control character but a line break and a tab shown as its
/// picture (issue 17: a bidder's `ESC [31m` reached the terminal through a message).
fn inert(text: String) -> String {
    match tender_core::inert::inert(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(shown) => shown,
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
        SourceFile::new("t.toml".to_owned(), text.to_owned(), Format::Toml, 0)
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
    fn labels_past_column_65535_are_drawn_from_a_window_of_their_line() {
        let text = format!("{{\"a\": \"{}\", \"é\": -5}}", "x".repeat(100_000));
        let at = text.find("-5").expect("present");
        let f = SourceFile::new("t.toml".to_owned(), text.clone(), Format::Json, 0);
        let d = Diagnostic::error("m").at(&f, at..at + 2, "here");
        let mut out = String::new();
        render(&renderer(), &d, &mut out);
        let column = text[..at].chars().count() + 1;
        assert!(out.contains(&format!("t.toml:1:{column}]")), "{out}");
        assert!(out.lines().all(|l| l.chars().count() < 300), "{out}");
        assert!(out.contains("…"), "{out}");
    }

    /// What miette draws from the whole file, without a window.
    fn unwindowed(d: &Diagnostic) -> String {
        let mut out = String::new();
        renderer().render_report(&mut out, d as &dyn miette::Diagnostic).expect("rendered");
        out
    }

    #[test]
    fn a_window_draws_what_the_whole_file_draws() {
        let texts = [
            "a = 1\n[price]\n\n[x]\ny = 2\n",
            "[price]\n\n",
            "first = 1",
            "a = 1\nb = \"é\"\nc = 3",
            "a = 1\r\nb = 2\r\nc = 3\r\n",
            "\n\n\nx = 1\n\n\n",
        ];
        for text in texts {
            let f = file(text);
            for start in 0..text.len() {
                if !text.is_char_boundary(start) {
                    continue;
                }
                for len in [0, 1, 3] {
                    let end = (start + len).min(text.len());
                    if !text.is_char_boundary(end) {
                        continue;
                    }
                    let d = Diagnostic::error("m").at(&f, start..end, "here");
                    let mut windowed = String::new();
                    render(&renderer(), &d, &mut windowed);
                    assert_eq!(windowed, unwindowed(&d), "{text:?} at {start}..{end}");
                }
            }
        }
    }

    #[test]
    fn the_plain_form_names_file_line_and_column() {
        let f = file("a = 1\nbé = 2\n");
        let d = Diagnostic::warning("m").with_help("fix it").at(&f, 12..13, "here");
        assert_eq!(plain(&d), "t.toml:2:6: warning: m\n  help: fix it\n");
        assert_eq!(plain(&Diagnostic::error("m")), "error: m\n");
    }

    #[test]
    fn spans_beyond_the_text_are_clamped() {
        let f = file("a = 1");
        let d = Diagnostic::error("m").at(&f, 10..20, "here");
        assert_eq!(d.snippet.map(|s| s.span), Some(5..5));
    }
}
