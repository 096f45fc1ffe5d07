//! Why an export failed: the problems found in the tender, each with its place and a fix.

use std::fmt;

/// One reason the tender cannot be exported as it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportProblem {
    /// Where in the tender, as a path such as `lots[1].award.criteria[2].weight`.
    pub path: String,
    /// What is wrong, naming the eForms or OCDS rule where there is one.
    pub message: String,
    /// What would fix it.
    pub fix: String,
}

impl ExportProblem {
    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>, fix: impl Into<String>) -> Self {
        Self { path: path.into(), message: message.into(), fix: fix.into() }
    }
}

impl fmt::Display for ExportProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}. Fix: {}", self.path, self.message, self.fix)
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The tender breaks rules of the target format. Every problem is listed, not only the first.
    #[error("the tender cannot be exported as {format}:{}", list(problems))]
    Invalid {
        /// `eForms` or `OCDS`.
        format: &'static str,
        /// Every problem found.
        problems: Vec<ExportProblem>,
    },
    /// The export options are not usable (e.g. an empty ocid prefix).
    #[error("invalid export option `{option}`: {message}")]
    Options {
        /// The option.
        option: &'static str,
        /// What is wrong with it and what to give instead.
        message: String,
    },
    /// Writing the XML failed (an internal error; the writer writes to memory).
    #[error("writing the XML failed: {0}")]
    Xml(#[from] std::io::Error),
    /// Writing a CSV table or an XLSX workbook failed (an internal error; the writers write to
    /// memory).
    #[error("writing the {format} failed: {message}")]
    Table {
        /// `CSV` or `XLSX`.
        format: &'static str,
        /// What the writer said.
        message: String,
    },
}

fn list(problems: &[ExportProblem]) -> String {
    problems.iter().map(|p| format!("\n  - {p}")).collect()
}

/// An export with the warnings found while making it: things the output says less well than
/// the tender could, each with its place in the tender and what would fix it.
#[derive(Clone, Debug, PartialEq)]
pub struct Exported<T> {
    /// The XML or JSON.
    pub output: T,
    /// What the export had to leave out or fall back on; empty when nothing.
    pub warnings: Vec<ExportProblem>,
}
