//! # `tender`: the command line
//!
//! Checks tender and bid files, evaluates bids, analyses how robust the evaluation is, writes the
//! texts, exports eForms and OCDS, and prints the JSON Schema of the files:
//!
//! ```text
//! tender check fixtures/eu-sovereign-cloud/tender.toml fixtures/eu-sovereign-cloud/bids
//! tender evaluate fixtures/eu-sovereign-cloud
//! tender evaluate fixtures/eu-sovereign-cloud --format json -o evaluation.json
//! tender analyze fixtures/eu-sovereign-cloud --samples 20000 --seed 7
//! tender schema tender
//! ```
//!
//! Exit codes: 0 success; 1 the input is invalid (or a file could not be read or written); 2 the
//! command line itself is wrong. Problems are listed together, each with the file, line, column and
//! the offending text, and what would fix it. No input makes the program panic.
//!
//! The program is a thin layer over `tender-core` (files, validation, schema), `tender-score`
//! (evaluation), `tender-analysis` (robustness), `tender-text` (Markdown texts) and
//! `tender-interop` (eForms, OCDS); everything it shows comes from their values.

// A command line prints: its results on stdout, its diagnostics on stderr. The workspace warns
// on printing elsewhere.
#![allow(clippy::print_stdout, clippy::print_stderr)]

mod cli;
mod commands;
mod diagnostics;
mod import;
mod input;
mod listing;
mod output;
mod progress;
mod report;
mod shell;
mod spreadsheet;
mod standards;
mod words;

use std::process::ExitCode;

use clap::Parser;

/// How a command ended, as the exit code says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Outcome {
    /// Exit 0.
    Success,
    /// Exit 1: the input is invalid, or a file could not be read or written.
    Invalid,
    /// Exit 2: the command line is wrong.
    Usage,
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> Self {
        match o {
            Outcome::Success => Self::SUCCESS,
            Outcome::Invalid => Self::from(1),
            Outcome::Usage => Self::from(2),
        }
    }
}

fn main() -> ExitCode {
    // No input should ever panic the program; if a bug does, say so in one line, without a
    // backtrace, and exit with the code Rust uses for panics (101).
    std::panic::set_hook(Box::new(|info| {
        eprintln!("tender: internal error: {info}");
        eprintln!("This is a bug in tender, not in your files. Please report it with the command and the input files.");
    }));
    output::clean_up_when_interrupted();
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // `--help` and `--version` are "errors" that print to stdout and exit 0; real usage
            // errors exit 2.
            let _ = e.print();
            return if e.use_stderr() { Outcome::Usage.into() } else { Outcome::Success.into() };
        }
    };
    commands::run(cli).into()
}
