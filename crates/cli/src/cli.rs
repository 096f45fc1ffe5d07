//! The command line's grammar (clap): commands, arguments, help texts with examples.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use rust_decimal::Decimal;
use tender_core::Language;

const ABOUT: &str = "Write, check and score public tenders: lots, requirements, SEAL sovereignty levels, \
open standards, exit plans, award criteria and price models.";

const AFTER_HELP: &str = "\
Examples:
  tender check fixtures/eu-sovereign-cloud
  tender evaluate fixtures/eu-sovereign-cloud
  tender evaluate fixtures/eu-sovereign-cloud --format markdown --lang da -o report.md
  tender analyze fixtures/eu-sovereign-cloud --samples 20000 --seed 7
  tender analyze fixtures/eu-sovereign-cloud --format markdown --lang en -o robustness.md
  tender render fixtures/eu-sovereign-cloud/tender.toml --lang en -o specification.md
  tender export fixtures/eu-sovereign-cloud --eforms -o award-criteria.xml
  tender export fixtures/eu-sovereign-cloud --ocds --ocid-prefix ocds-a1b2c3- -o release.json
  tender schema bid
  tender standards --format json
  tender import prices fixtures/aarhus-office-suite/sheets/AA-01.xlsx --tender fixtures/aarhus-office-suite
  tender completions bash > ~/.local/share/bash-completion/completions/tender
  tender man -o tender.1

Files are TOML or JSON, by extension (.toml, .json).
Exit codes: 0 success, 1 invalid input, 2 usage error.";

/// `tender`: the command line.
#[derive(Debug, Parser)]
#[command(name = "tender", version, about = ABOUT, after_help = AFTER_HELP, max_term_width = 100)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub(crate) command: Command,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Validate a tender and its bids, listing every problem.
    #[command(after_help = "\
Examples:
  tender check tender.toml                  check a tender file
  tender check tender.toml bids/            ... and every bid in a directory
  tender check tender.toml bids/a.toml b.json
  tender check fixtures/eu-sovereign-cloud  a directory with tender.toml and bids/

Exit codes: 0 valid (warnings allowed), 1 at least one error, 2 usage error.")]
    Check(CheckArgs),
    /// Evaluate the bids of a tender and show the ranking per lot.
    #[command(after_help = "\
Examples:
  tender evaluate fixtures/eu-sovereign-cloud
  tender evaluate fixtures/eu-sovereign-cloud --explain
  tender evaluate fixtures/eu-sovereign-cloud --format markdown --lang da -o report.md
  tender evaluate tender.toml --bids received/ --format json -o evaluation.json
  tender evaluate fixtures/eu-sovereign-cloud --format markdown --analysis -o report.md
  tender evaluate fixtures/eu-sovereign-cloud --format markdown --audience bidders -o decision.md
  tender evaluate fixtures/eu-sovereign-cloud --format html --lang da -o rapport.html
  tender evaluate fixtures/eu-sovereign-cloud --format csv -o ranking.csv
  tender evaluate fixtures/eu-sovereign-cloud --format xlsx --lang da -o evaluering.xlsx

A directory holds tender.toml (or tender.json) and bids/ with one file per bid.
The files are validated first; an error in any of them stops the evaluation.
--format markdown writes the committee's evaluation report (internal: every bid, mark and
justification); --audience bidders writes instead the award decision with one letter per bidder,
which is what the bidders receive. --analysis appends the robustness analysis of `tender analyze`
(default options) to the committee's report. --format html writes the same documents as one
self-contained HTML page (no scripts, no external resources, a print stylesheet for A4), with a
chart per lot of every ranked bid's points by criterion in the committee's report.
--format csv writes the ranking table (lot, rank, bid, bidder, status, awarded, price, quality,
price points, the comparison figure), one row per bid and lot; a bidder's text that a spreadsheet
would read as a formula (=, +, -, @) is written with a leading '.
--format xlsx writes a workbook: per lot the ranking and a calculation sheet with every figure as
a live formula over the sheets of prices and marks, rounded as the tender's policy says; the
sheet names and headings are in the language of --lang.
Exit codes: 0 evaluated, 1 invalid input, 2 usage error.")]
    Evaluate(EvaluateArgs),
    /// Analyse how robust the evaluation is to other weights, prices and price models.
    #[command(after_help = "\
Examples:
  tender analyze fixtures/eu-sovereign-cloud
  tender analyze fixtures/eu-sovereign-cloud --samples 20000 --seed 7
  tender analyze fixtures/eu-sovereign-cloud --uniform 20 --no-price-models
  tender analyze fixtures/eu-sovereign-cloud --format markdown --lang da -o robusthed.md
  tender analyze fixtures/eu-sovereign-cloud --format html --lang da -o robusthed.html
  tender analyze tender.toml --bids received/ --format json -o analysis.json

Per lot: for each criterion the interval of its weight within which the winner (and the awarded
set) stays the same; for each bid that does not win, the price at which it would draw level;
how often each bid wins when the weights are drawn at random around the published ones (a
Dirichlet distribution, or --uniform ±PERCENT); the ranking under the other price models and
rounding policies; and which bids, if removed, reorder the others.
The same --seed gives the same output on every machine. The files are validated first.
With many samples a progress bar is shown on standard error when it is a terminal (--quiet hides it).
Exit codes: 0 analysed, 1 invalid input, 2 usage error (including option values out of range).")]
    Analyze(AnalyzeArgs),
    /// Write the requirement specification of a tender as Markdown or HTML.
    #[command(after_help = "\
Examples:
  tender render tender.toml --lang da -o kravspecifikation.md
  tender render fixtures/eu-sovereign-cloud --lang en
  tender render fixtures/eu-sovereign-cloud --format html --lang da -o kravspecifikation.html

The tender is validated first; an error stops the rendering.
Exit codes: 0 written, 1 invalid input, 2 usage error.")]
    Render(RenderArgs),
    /// Export the award criteria as eForms XML, the tender, bids and scores as OCDS JSON, or the
    /// price and marks sheets to fill in.
    #[command(after_help = "\
Examples:
  tender export tender.toml --eforms -o award-criteria.xml
  tender export fixtures/copenhagen-lots --eforms --languages ENG
  tender export fixtures/copenhagen-lots --eforms-notice --date 2026-09-01T12:00:00+02:00 -o notice.xml
  tender export fixtures/eu-sovereign-cloud --ocds --ocid-prefix ocds-a1b2c3- -o release.json
  tender export fixtures/eu-sovereign-cloud --ocds --ocid-prefix ocds-a1b2c3- --date 2026-11-23T12:00:00Z
  tender export fixtures/aarhus-office-suite --price-sheet -o prices.xlsx
  tender export fixtures/aarhus-office-suite --marks-sheet --evaluators E4 -o marks.xlsx

--eforms writes each lot's award criteria (BT-539, BT-540, BT-541/5421/5423, BT-543, BT-733,
BT-734) as the UBL fragment an eForms notice carries, after checking the SDK's rules; its texts
are in the notice's languages (--languages, default the tender's). Merge each lot's
cac:AwardingTerms into the notice's lot with the same cbc:ID (LOT-0001 is the tender's first lot).
--eforms-notice writes a whole contract notice (subtype 16, open procedure, 2014/24/EU) with the
buyer, the review body, the procedure and each lot, valid against the SDK's XSD and rules; when
the tender lacks a mandatory business term it lists each with the field that supplies it.
--ocds evaluates the bids and writes an OCDS 1.1 release package with the lots, award criteria,
bids and awards; --date is the release date (default: now), --ocid-prefix your registered prefix.
--price-sheet and --marks-sheet write the sheets `tender import prices` and `tender import marks`
read back, holding what the bid files hold: a form for the bidders or the committee to fill in.
Exit codes: 0 written, 1 invalid input, 2 usage error.")]
    Export(ExportArgs),
    /// Print the JSON Schema of tender or bid files.
    #[command(after_help = "\
Examples:
  tender schema tender > tender.schema.json
  tender schema bid -o bid.schema.json")]
    Schema(SchemaArgs),
    /// List the price models and the other scoring rules a tender can use, with their formulas.
    #[command(after_help = "\
Examples:
  tender models
  tender models --format json

P is the bid's evaluated price, Pmin and Pmax the lowest and highest price among the bids in
play, M the price criterion's weight, Q the quality points and Qmax their maximum. The guide
(docs/guide.md, sections 4 to 6) explains when to choose which.
Exit codes: 0 listed, 2 usage error.")]
    Models(ModelsArgs),
    /// List the built-in catalogue of open standards a tender can name by id.
    #[command(after_help = "\
Examples:
  tender standards                   id, name, version and area of every entry
  tender standards --lang da         the names in Danish
  tender standards --format json     every entry, with its standards body, as JSON

A tender names a standard by its id (`odf-1.3`) and may add entries of its own ([[standards]]).
Exit codes: 0 listed, 1 the output could not be written, 2 usage error.")]
    Standards(StandardsArgs),
    /// Import bid prices or evaluators' marks from a spreadsheet into the bid files.
    #[command(subcommand)]
    Import(ImportCommand),
    /// Print a shell completion script for tender.
    #[command(after_help = "\
Examples:
  tender completions bash > ~/.local/share/bash-completion/completions/tender
  tender completions zsh > ~/.zfunc/_tender         (with fpath+=~/.zfunc before compinit)
  tender completions fish > ~/.config/fish/completions/tender.fish
  tender completions powershell >> $PROFILE
  source <(tender completions bash)                 this shell only

Exit codes: 0 written, 1 the output could not be written, 2 usage error.")]
    Completions(CompletionsArgs),
    /// Write the manual page of tender (roff, section 1).
    #[command(after_help = "\
Examples:
  tender man -o tender.1 && man ./tender.1
  tender man | man -l -
  tender man -o ~/.local/share/man/man1/tender.1

Exit codes: 0 written, 1 the output could not be written, 2 usage error.")]
    Man(ManArgs),
}

/// `tender check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// The tender file (.toml or .json), or a directory with tender.toml and bids/.
    #[arg(value_name = "TENDER")]
    pub(crate) tender: PathBuf,
    /// Bid files, or directories of bid files, checked against the tender.
    #[arg(value_name = "BIDS")]
    pub(crate) bids: Vec<PathBuf>,
}

/// `tender evaluate`.
#[derive(Debug, Args)]
pub(crate) struct EvaluateArgs {
    /// A directory with tender.toml (or tender.json) and bids/, or a tender file.
    #[arg(value_name = "DIR|TENDER")]
    pub(crate) input: PathBuf,
    /// The directory of bid files [default: bids/ beside the tender].
    #[arg(long, value_name = "DIR")]
    pub(crate) bids: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
    pub(crate) format: OutputFormat,
    /// Show how every figure was computed (text format).
    #[arg(long)]
    pub(crate) explain: bool,
    /// Keep each figure's derivation in the JSON or CSV result: every criterion's marks, score,
    /// ratio and points, and each total's terms. Without it the JSON holds the figures (exact
    /// and as published), statuses, ranks, ties, warnings and close calls.
    #[arg(long)]
    pub(crate) derivations: bool,
    /// Print on standard error the seconds spent loading, validating, preparing, evaluating and
    /// writing.
    #[arg(long)]
    pub(crate) timings: bool,
    /// The language of the Markdown or HTML report or the XLSX workbook, e.g. da or en
    /// [default: the tender's main language].
    #[arg(long, value_name = "LANG", value_parser = parse_language)]
    pub(crate) lang: Option<Language>,
    /// Append the robustness analysis to the Markdown or HTML report as its last chapter (default
    /// options, as `tender analyze`).
    #[arg(long)]
    pub(crate) analysis: bool,
    /// Whom the Markdown or HTML is for: the evaluation committee (the full evaluation report, marked
    /// internal) or the bidders (the award decision with one letter per bidder) [default:
    /// committee].
    #[arg(long, value_enum, value_name = "AUDIENCE")]
    pub(crate) audience: Option<Audience>,
    /// Evaluate the other bids when a bid file cannot be read as a bid of this tender (syntax, an
    /// unknown field, another tender's id, a missing mark): the skipped files are listed in the
    /// output. Without it such a file stops the evaluation, since it is a data-entry mistake.
    #[arg(long)]
    pub(crate) skip_unreadable: bool,
    /// Write the output to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// `tender analyze`.
#[derive(Debug, Args)]
pub(crate) struct AnalyzeArgs {
    /// A directory with tender.toml (or tender.json) and bids/, or a tender file.
    #[arg(value_name = "DIR|TENDER")]
    pub(crate) input: PathBuf,
    /// The directory of bid files [default: bids/ beside the tender].
    #[arg(long, value_name = "DIR")]
    pub(crate) bids: Option<PathBuf>,
    /// Analyse the other bids when a bid file cannot be read as a bid of this tender (as
    /// `evaluate --skip-unreadable`).
    #[arg(long)]
    pub(crate) skip_unreadable: bool,
    /// Random sets of weights for the rank stability (at most 1000000); 0 skips it.
    #[arg(long, value_name = "N", default_value_t = tender_analysis::Options::default().samples)]
    pub(crate) samples: u32,
    /// Run more than 1000000 samples anyway; the time grows with them.
    #[arg(long)]
    pub(crate) allow_many_samples: bool,
    /// The seed of the random weights: the same seed gives the same result everywhere.
    #[arg(long, value_name = "S", default_value_t = tender_analysis::Options::default().seed)]
    pub(crate) seed: u64,
    /// Draw the weights from a Dirichlet distribution around the published ones with this
    /// concentration; larger keeps them closer [default: 100].
    #[arg(long, value_name = "C", value_parser = parse_decimal, conflicts_with = "uniform")]
    pub(crate) concentration: Option<Decimal>,
    /// Instead, move each weight independently by up to ±PERCENT and rescale them to their sum.
    #[arg(long, value_name = "PERCENT", value_parser = parse_decimal)]
    pub(crate) uniform: Option<Decimal>,
    /// Leave out the comparison with the other price models and rounding policies.
    #[arg(long)]
    pub(crate) no_price_models: bool,
    /// Show no progress bar (it is shown on a terminal's standard error for many samples).
    #[arg(short = 'q', long)]
    pub(crate) quiet: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = AnalysisFormat::Text)]
    pub(crate) format: AnalysisFormat,
    /// The language of the Markdown or HTML, e.g. da or en [default: the tender's main language].
    #[arg(long, value_name = "LANG", value_parser = parse_language)]
    pub(crate) lang: Option<Language>,
    /// Write the output to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// How `analyze` writes its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum AnalysisFormat {
    /// Every analysis per lot, in plain English.
    Text,
    /// The whole analysis, exact figures included, as JSON.
    Json,
    /// The analysis as Markdown, in the language of `--lang`.
    Markdown,
    /// The analysis as one self-contained HTML page with charts, in the language of `--lang`.
    Html,
}

/// A number as written, exactly (`100`, `12.5`): no float in between.
fn parse_decimal(text: &str) -> Result<Decimal, String> {
    Decimal::from_str_exact(text.trim()).map_err(|_| format!("`{text}` is not a number; write it like 100 or 12.5"))
}

/// How `evaluate` writes its result.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum OutputFormat {
    /// An aligned ranking table per lot, with gate failures and warnings.
    Text,
    /// The whole evaluation, every figure with its derivation, as JSON.
    Json,
    /// The evaluation report as Markdown, in the language of `--lang`.
    Markdown,
    /// The evaluation report as one self-contained HTML page with charts, in the language of
    /// `--lang`.
    Html,
    /// The ranking table, one row per bid and lot, as CSV.
    Csv,
    /// A workbook: the ranking, the inputs, and every figure as a live formula (needs -o FILE or
    /// a redirection).
    Xlsx,
}

/// Whom `evaluate --format markdown` (or `html`) writes for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum Audience {
    /// The evaluation committee: the evaluation report with every bid, mark, justification and
    /// note to the committee, marked internal.
    #[default]
    Committee,
    /// The bidders: the award decision with one letter per bidder (udbudsloven § 171), with no
    /// other bidder's marks beyond the winning bid's scores.
    Bidders,
}

/// How `render` writes the specification.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum RenderFormat {
    /// Markdown.
    Markdown,
    /// One self-contained HTML page (no scripts, no external resources, a print stylesheet).
    Html,
}

/// `tender render`.
#[derive(Debug, Args)]
pub(crate) struct RenderArgs {
    /// The tender file (.toml or .json), or a directory with tender.toml.
    #[arg(value_name = "TENDER")]
    pub(crate) tender: PathBuf,
    /// The language of the text, e.g. da or en [default: the tender's main language].
    #[arg(long, value_name = "LANG", value_parser = parse_language)]
    pub(crate) lang: Option<Language>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = RenderFormat::Markdown)]
    pub(crate) format: RenderFormat,
    /// Write the text to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// A language the tender texts are written in (`tender_text::languages`).
fn parse_language(code: &str) -> Result<Language, String> {
    let available = tender_text::languages();
    let lang = Language::new(code);
    if available.contains(&lang) {
        Ok(lang)
    } else {
        let list: Vec<&str> = available.iter().map(Language::as_str).collect();
        Err(format!("there are no tender texts in `{code}`; available: {}", list.join(", ")))
    }
}

/// A notice language: `en` or `ENG`.
fn parse_notice_language(code: &str) -> Result<Language, String> {
    tender_interop::lang::iso_language(code)
        .map(Language::new)
        .ok_or_else(|| format!("`{code}` is not a language eForms knows; write e.g. en or ENG, da or DAN"))
}

/// `tender export`.
#[derive(Debug, Args)]
#[command(group(
    clap::ArgGroup::new("target").required(true).args(["eforms", "eforms_notice", "ocds", "price_sheet", "marks_sheet"])
))]
#[command(override_usage = "\
tender export --eforms [OPTIONS] <DIR|TENDER>
       tender export --eforms-notice [OPTIONS] <DIR|TENDER>
       tender export --ocds --ocid-prefix <PREFIX> [OPTIONS] <DIR|TENDER>
       tender export --price-sheet|--marks-sheet [OPTIONS] <DIR|TENDER>")]
pub(crate) struct ExportArgs {
    /// A directory with tender.toml and bids/, or a tender file.
    #[arg(value_name = "DIR|TENDER")]
    pub(crate) input: PathBuf,
    /// Export the award criteria of each lot as eForms XML.
    #[arg(long)]
    pub(crate) eforms: bool,
    /// Export a complete eForms contract notice (subtype 16: open procedure, Directive
    /// 2014/24/EU), or list every business term the tender lacks for one.
    #[arg(long)]
    pub(crate) eforms_notice: bool,
    /// The notice's languages for --eforms and --eforms-notice, comma-separated, as ISO 639-1
    /// (en) or eForms (ENG) codes; texts are written in these only [default: the tender's].
    #[arg(long, value_name = "LANGS", value_delimiter = ',', value_parser = parse_notice_language, conflicts_with = "ocds")]
    pub(crate) languages: Vec<Language>,
    /// The notice id (BT-701) for --eforms-notice, a UUID v4 [default: derived from the
    /// procedure id and --date].
    #[arg(long, value_name = "UUID", requires = "eforms_notice")]
    pub(crate) notice_id: Option<String>,
    /// Export the tender, the bids and their evaluation as an OCDS release package (JSON); needs
    /// --ocid-prefix.
    #[arg(long)]
    pub(crate) ocds: bool,
    /// The directory of bid files for --ocds [default: bids/ beside the tender].
    #[arg(long, value_name = "DIR")]
    pub(crate) bids: Option<PathBuf>,
    /// Your ocid prefix for --ocds, registered with the Open Contracting Partnership (e.g.
    /// ocds-a1b2c3-).
    #[arg(long, value_name = "PREFIX")]
    pub(crate) ocid_prefix: Option<String>,
    /// The release date (--ocds) or the notice's dispatch date (--eforms-notice) in RFC 3339,
    /// e.g. 2026-11-23T12:00:00Z [default: now].
    #[arg(long, value_name = "DATE")]
    pub(crate) date: Option<String>,
    /// The publisher's name in the package [default: the buyer].
    #[arg(long, value_name = "NAME")]
    pub(crate) publisher: Option<String>,
    /// Export the bids' price sheet (a row per bid: total, price schedule, options, basket unit
    /// prices, component prices), which `tender import prices` reads back: CSV when -o ends in
    /// .csv, else XLSX.
    #[arg(long, conflicts_with_all = ["eforms", "eforms_notice", "ocds", "marks_sheet"])]
    pub(crate) price_sheet: bool,
    /// Export the marks workbook (a sheet per evaluator, a row per bid, per criterion the mark
    /// and its justification), which `tender import marks` reads back.
    #[arg(long, conflicts_with_all = ["eforms", "eforms_notice", "ocds"])]
    pub(crate) marks_sheet: bool,
    /// With --marks-sheet: evaluators to add a sheet for, comma-separated, besides those who
    /// have marked a bid.
    #[arg(long, value_name = "IDS", value_delimiter = ',', requires = "marks_sheet")]
    pub(crate) evaluators: Vec<String>,
    /// Write the output to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// `tender schema`.
#[derive(Debug, Args)]
pub(crate) struct SchemaArgs {
    /// Which file's schema.
    #[arg(value_enum)]
    pub(crate) kind: SchemaKind,
    /// Write the schema to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// `tender models`.
#[derive(Debug, Args)]
pub(crate) struct ModelsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub(crate) format: ListFormat,
}

/// `tender standards`.
#[derive(Debug, Args)]
pub(crate) struct StandardsArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Text)]
    pub(crate) format: ListFormat,
    /// The language of the names in the table (da or en) [default: en]; the JSON has every language.
    #[arg(long, value_name = "LANG", value_parser = parse_language)]
    pub(crate) lang: Option<Language>,
    /// Write the list to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// How a catalogue is listed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum ListFormat {
    /// An aligned table.
    Text,
    /// Every entry with every field, as JSON.
    Json,
}

/// `tender import`: what to import.
#[derive(Debug, Subcommand)]
pub(crate) enum ImportCommand {
    /// Read each bid's prices (total, price schedule, options) from a CSV or XLSX sheet, one row
    /// per bid, and write them into the bid files.
    #[command(after_help = "\
Examples:
  tender import prices fixtures/aarhus-office-suite/sheets/AA-01.xlsx \\
      --tender fixtures/aarhus-office-suite --dry-run
  tender import prices priser.csv --tender my-tender --decimal-comma --delimiter ';' \\
      --map 'Bud=bid' --map 'Samlet pris=total'
  tender import prices prices.xlsx --tender my-tender --sheet Prices --mapping columns.toml
  tender import prices prices.csv --tender my-tender -o imported-bids/

The sheet has a header row and one row per bid. By default the columns are Bid, Total, One-off,
Recurring per year, and one per option headed by its id (the schedule and options may be left
out: what the sheet has no column for stays as the bid file has it);
--map HEADER=FIELD names another header for a field (bid, bidder, lot, total, one_off,
recurring_per_year, or an option id), --mapping FILE gives the whole mapping as TOML.
Amounts are read exactly (a cell 1234.5 is 1234.50, never a float artefact); --decimal-comma reads
Danish numbers typed as text (1.234,50). Each bid file of the tender is updated in place (or
written to -o DIR) with its price table only; every problem is reported with FILE:SHEET!CELL and
the column's header, and nothing is written unless every row converts and matches a bid.
Exit codes: 0 imported (or, with --dry-run, shown), 1 a problem in the sheet or the files, 2 usage error.")]
    Prices(ImportPricesArgs),
    /// Read the evaluators' marks and justifications from a committee's sheet into the bid files.
    #[command(after_help = "\
Examples:
  tender import marks fixtures/aarhus-office-suite/sheets/marks.xlsx \\
      --tender fixtures/aarhus-office-suite --dry-run
  tender import marks marks.csv --tender my-tender --delimiter ';' --decimal-comma

Two shapes are read. A long table (CSV, or the first sheet of a workbook) with the columns
Evaluator, Bid, Criterion, Mark and Justification, one row per mark. Or a workbook with a sheet
per evaluator, named by the evaluator's id: a Bid column, then a column per criterion headed by
its id, each optionally followed by a column headed \"ID justification\". The evaluator (or sheet)
\"consensus\" records the committee's consensus marks.
A bid's marks in the sheet replace its marks in its file (its consensus marks likewise); a bid
the sheet has no marks for is left as it is. Every problem is reported with FILE:SHEET!CELL, and
nothing is written unless every mark converts.
Exit codes: 0 imported (or, with --dry-run, shown), 1 a problem in the sheet or the files, 2 usage error.")]
    Marks(ImportMarksArgs),
}

/// `tender import marks`.
#[derive(Debug, Args)]
pub(crate) struct ImportMarksArgs {
    /// The marks: a .csv file or an .xlsx workbook.
    #[arg(value_name = "SHEET")]
    pub(crate) sheet_file: PathBuf,
    /// The tender: a directory with tender.toml and bids/, or a tender file.
    #[arg(long, value_name = "DIR|TENDER")]
    pub(crate) tender: PathBuf,
    /// The directory of the bid files to update [default: bids/ beside the tender].
    #[arg(long, value_name = "DIR")]
    pub(crate) bids: Option<PathBuf>,
    /// Marks typed as text use a decimal comma (3,5).
    #[arg(long)]
    pub(crate) decimal_comma: bool,
    /// The field delimiter of a CSV file [default: ,].
    #[arg(long, value_name = "CHAR")]
    pub(crate) delimiter: Option<char>,
    /// Show what would be written, and write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Write the updated bid files to DIR instead of over the bid files.
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub(crate) output: Option<PathBuf>,
}

/// `tender import prices`.
#[derive(Debug, Args)]
pub(crate) struct ImportPricesArgs {
    /// The price sheet: a .csv file or an .xlsx workbook.
    #[arg(value_name = "SHEET")]
    pub(crate) sheet_file: PathBuf,
    /// The tender: a directory with tender.toml and bids/, or a tender file.
    #[arg(long, value_name = "DIR|TENDER")]
    pub(crate) tender: PathBuf,
    /// The directory of the bid files to update [default: bids/ beside the tender].
    #[arg(long, value_name = "DIR")]
    pub(crate) bids: Option<PathBuf>,
    /// The worksheet of an XLSX workbook [default: the first].
    #[arg(long, value_name = "NAME")]
    pub(crate) sheet: Option<String>,
    /// The column mapping as TOML (see the guide) instead of the default headers.
    #[arg(long, value_name = "FILE")]
    pub(crate) mapping: Option<PathBuf>,
    /// A column's header for a field: HEADER=FIELD, FIELD one of bid, bidder, lot, total,
    /// one_off, recurring_per_year or an option id; repeatable.
    #[arg(long = "map", value_name = "HEADER=FIELD")]
    pub(crate) map: Vec<String>,
    /// Numbers typed as text use a decimal comma and a full stop between thousands (1.234,50).
    #[arg(long)]
    pub(crate) decimal_comma: bool,
    /// The field delimiter of a CSV file [default: ,].
    #[arg(long, value_name = "CHAR")]
    pub(crate) delimiter: Option<char>,
    /// Show what would be written, and write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Write the updated bid files to DIR instead of over the bid files.
    #[arg(short = 'o', long = "output", value_name = "DIR")]
    pub(crate) output: Option<PathBuf>,
}

/// `tender completions`.
#[derive(Debug, Args)]
pub(crate) struct CompletionsArgs {
    /// The shell to complete in.
    #[arg(value_enum, value_name = "SHELL")]
    pub(crate) shell: clap_complete::Shell,
    /// Write the script to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// `tender man`.
#[derive(Debug, Args)]
pub(crate) struct ManArgs {
    /// Write the page to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// The files a schema describes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum SchemaKind {
    /// A tender file.
    Tender,
    /// A bid file.
    Bid,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn the_grammar_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
