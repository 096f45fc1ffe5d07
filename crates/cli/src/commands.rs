//! The commands: what each does with its arguments, and the exit code it ends with.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use clap::CommandFactory;
use clap::error::ErrorKind;
use tender_core::{Id, Language, Tender};
use tender_score::Evaluation;
use tender_score::result::{SkipKind, SkippedFile};

use crate::Outcome;
use crate::cli::{
    AnalysisFormat, AnalyzeArgs, Audience, CheckArgs, Cli, Command, EvaluateArgs, ExportArgs, ListFormat, ModelsArgs,
    OutputFormat, RenderArgs, RenderFormat, SchemaArgs, SchemaKind,
};
use crate::diagnostics::{Diagnostic, Diagnostics, count};
use crate::input::{self, Case};
use crate::{output, report};

/// Runs a parsed command line.
pub(crate) fn run(cli: Cli) -> Outcome {
    match cli.command {
        Command::Check(args) => check(&args),
        Command::Evaluate(args) => evaluate(&args),
        Command::Analyze(args) => analyze(&args),
        Command::Render(args) => render(&args),
        Command::Export(args) => export(&args),
        Command::Schema(args) => schema(&args),
        Command::Models(args) => models(&args),
        Command::Standards(args) => crate::standards::list(&args),
        Command::Import(crate::cli::ImportCommand::Prices(args)) => crate::import::prices(&args),
        Command::Import(crate::cli::ImportCommand::Marks(args)) => crate::import::marks(&args),
        Command::Completions(args) => crate::shell::completions(&args),
        Command::Man(args) => crate::shell::man(&args),
    }
}

/// A usage error of subcommand `sub` that clap cannot see by itself: printed like clap's own,
/// with the subcommand's usage line; exit code 2.
pub(crate) fn usage(sub: &str, kind: ErrorKind, message: &str) -> Outcome {
    let mut cli = Cli::command();
    cli.build();
    let mut cmd = cli.find_subcommand(sub).cloned().unwrap_or(cli);
    let _ = cmd.error(kind, message).print();
    Outcome::Usage
}

/// The language a text is written in: `--lang`, else the tender's main language.
pub(crate) fn language(lang: Option<&Language>, tender: &Tender) -> Language {
    lang.cloned().unwrap_or_else(|| tender.main_language())
}

/// A diagnostic for a text that could not be written.
fn text_error(e: &tender_text::TextError) -> Diagnostic {
    let d = Diagnostic::error(format!("cannot write the text: {e}"));
    match e {
        tender_text::TextError::UnknownLanguage { available, .. } => {
            let list: Vec<&str> = available.iter().map(Language::as_str).collect();
            d.with_help(format!("choose a language with --lang {}", list.join("|")))
        }
        _ => d,
    }
}

/// Prints the diagnostics and a closing line on standard error; returns the outcome they imply.
pub(crate) fn finish(diags: &Diagnostics, verdict: &str) -> Outcome {
    diags.print();
    let (errors, warnings) = diags.counts();
    if errors > 0 {
        let warnings = if warnings > 0 { format!(", {}", count(warnings, "warning")) } else { String::new() };
        output::to_stderr(&format!("{verdict}: {}{warnings}\n", count(errors, "error")));
        Outcome::Invalid
    } else {
        Outcome::Success
    }
}

/// The tender file, and the bid files, named by a `check` or `evaluate` command line.
fn resolve(
    path: &std::path::Path,
    explicit_bids: Option<Vec<PathBuf>>,
    diags: &mut Diagnostics,
) -> Option<(PathBuf, Vec<PathBuf>)> {
    let (tender, default_bids) = match input::tender_file(path) {
        Ok(found) => found,
        Err(d) => {
            diags.push(d);
            return None;
        }
    };
    let dirs = match explicit_bids {
        Some(list) => list,
        None => vec![default_bids],
    };
    let bids = input::bid_files(&dirs, diags);
    Some((tender, bids))
}

fn read(path: &std::path::Path, bids: Option<Vec<PathBuf>>, diags: &mut Diagnostics) -> Option<Case> {
    let (tender, bid_files) = resolve(path, bids, diags)?;
    let case = input::read_case(&tender, &bid_files, diags);
    input::validate(&case, diags);
    Some(case)
}

fn check(args: &CheckArgs) -> Outcome {
    let mut diags = Diagnostics::default();
    // A directory brings its bids/; a tender file alone is checked alone unless bids are named.
    let bids = if !args.bids.is_empty() {
        Some(args.bids.clone())
    } else if args.tender.is_dir() && args.tender.join("bids").is_dir() {
        None
    } else {
        Some(Vec::new())
    };
    let case = read(&args.tender, bids, &mut diags);
    // A valid case is also run through the gates, so `check` tells every coming rejection and
    // every problem that would stop the evaluation.
    if let Some(case) = &case
        && !diags.has_errors()
        && !case.bids.is_empty()
    {
        input::gate_preview(case, &mut diags);
    }
    let outcome = finish(&diags, "invalid");
    if outcome == Outcome::Success
        && let Some(case) = case
    {
        let (_, warnings) = diags.counts();
        let warnings = warnings - diags.rejections();
        let what = match case.bids.len() {
            0 => "the tender is valid".to_owned(),
            n => format!("the tender and its {} are valid", count(n, "bid")),
        };
        let warnings = if warnings > 0 { format!(" ({})", count(warnings, "warning")) } else { String::new() };
        let rejected = match diags.rejected_files() {
            0 => String::new(),
            1 => "; 1 bid will be rejected as non-compliant, the others evaluated".to_owned(),
            n => format!("; {n} bids will be rejected as non-compliant, the others evaluated"),
        };
        output::to_stdout(&format!("ok: {what}{warnings}{rejected}\n"));
    }
    outcome
}

fn evaluate(args: &EvaluateArgs) -> Outcome {
    let document = matches!(args.format, OutputFormat::Markdown | OutputFormat::Html);
    if args.lang.is_some() && !document && args.format != OutputFormat::Xlsx {
        return usage(
            "evaluate",
            ErrorKind::ArgumentConflict,
            "--lang chooses the language of --format markdown, html or xlsx; add --format markdown",
        );
    }
    if args.explain && args.format != OutputFormat::Text {
        return usage(
            "evaluate",
            ErrorKind::ArgumentConflict,
            "--explain adds derivations to the text format; the markdown and html reports always include them, and --derivations adds them to json",
        );
    }
    if args.derivations && !matches!(args.format, OutputFormat::Json | OutputFormat::Csv) {
        return usage(
            "evaluate",
            ErrorKind::ArgumentConflict,
            "--derivations keeps the derivations in the json result; the text format shows them with --explain, and the markdown, html and xlsx reports always include them",
        );
    }
    if args.analysis && !document {
        return usage(
            "evaluate",
            ErrorKind::ArgumentConflict,
            "--analysis appends the robustness analysis to the Markdown or HTML report; add --format markdown, or run `tender analyze` for the analysis alone",
        );
    }
    if args.audience.is_some() && !document {
        return usage(
            "evaluate",
            ErrorKind::ArgumentConflict,
            "--audience chooses which Markdown or HTML document is written; add --format markdown",
        );
    }
    let audience = args.audience.unwrap_or_default();
    if args.analysis && audience == Audience::Bidders {
        return usage(
            "evaluate",
            ErrorKind::ArgumentConflict,
            "--analysis belongs in the committee's report, not in what the bidders receive; leave out --audience bidders",
        );
    }
    let mut diags = Diagnostics::default();
    let mut timings = Timings::default();
    let Some((mut case, mut skipped)) =
        read_bids_case(&args.input, args.bids.as_ref(), args.skip_unreadable, &mut timings, &mut diags)
    else {
        return finish(&diags, "not evaluated");
    };
    let Some((tender, _)) = case.tender.clone() else { return finish(&diags, "not evaluated") };
    // The JSON and CSV results hold the figures; the derivations are kept where they are shown.
    let detail = if matches!(args.format, OutputFormat::Json | OutputFormat::Csv) && !args.derivations {
        tender_score::Detail::Figures
    } else {
        tender_score::Detail::Derivations
    };
    let evaluation =
        evaluate_case(&tender, &mut case, &mut skipped, args.skip_unreadable, detail, &mut timings, &mut diags);
    let Some(evaluation) = evaluation else {
        return finish(&diags, "not evaluated");
    };
    let started = Instant::now();
    let tender = &tender;
    if args.format == OutputFormat::Xlsx {
        return crate::spreadsheet::evaluation_workbook(tender, &evaluation, args, diags);
    }
    let text = match args.format {
        // Written above, as bytes.
        OutputFormat::Xlsx => String::new(),
        OutputFormat::Text => report::text(tender, &evaluation, args.explain),
        // Written below, as it is made.
        OutputFormat::Json => String::new(),
        OutputFormat::Csv => match tender_interop::ranking_csv(tender, &evaluation) {
            Ok(s) => s,
            Err(e) => {
                diags.push(Diagnostic::error(format!("cannot write the ranking as CSV: {e}")));
                return finish(&diags, "not written");
            }
        },
        OutputFormat::Markdown | OutputFormat::Html => {
            let lang = language(args.lang.as_ref(), tender);
            let bids = case.bid_values();
            let html = args.format == OutputFormat::Html;
            let text = if audience == Audience::Bidders {
                if html {
                    tender_text::award_decision_html(tender, &evaluation, &lang)
                } else {
                    tender_text::award_decision(tender, &evaluation, &lang)
                }
            } else if args.analysis {
                // The analysis evaluates the same bids again; it cannot fail where the evaluation
                // did not, but say so if it does.
                match tender_analysis::analyze(tender, &bids, &tender_analysis::Options::default()) {
                    Ok(analysis) if html => {
                        tender_text::report_with_analysis_html(tender, &bids, &evaluation, &analysis, &lang)
                    }
                    Ok(analysis) => tender_text::report_with_analysis(tender, &bids, &evaluation, &analysis, &lang),
                    Err(e) => {
                        diags.push(Diagnostic::error(format!("cannot analyse the evaluation: {e}")));
                        return finish(&diags, "not written");
                    }
                }
            } else if html {
                tender_text::report_html(tender, &bids, &evaluation, &lang)
            } else {
                tender_text::report(tender, &bids, &evaluation, &lang)
            };
            match text {
                Ok(text) => text,
                Err(e) => {
                    diags.push(text_error(&e));
                    return finish(&diags, "not written");
                }
            }
        }
    };
    // Warnings about the input come first, on standard error; the result goes to stdout or -o.
    let outcome = finish(&diags, "not evaluated");
    let written = if args.format == OutputFormat::Json {
        output::write_with(args.output.as_deref(), |out| {
            serde_json::to_writer_pretty(&mut *out, &evaluation)?;
            out.write_all(b"\n")
        })
    } else {
        output::write(&text, args.output.as_deref())
    };
    if let Err(d) = written {
        let mut diags = Diagnostics::default();
        diags.push(d);
        return finish(&diags, "not written");
    }
    timings.write = started.elapsed();
    if args.timings {
        eprintln!("{}", timings.line());
    }
    // The process ends here: the operating system takes back the bids and the result at once,
    // where freeing them one by one would take a tenth of the run (750,000 marks for 5,000 bids).
    std::mem::forget((case, evaluation, text));
    outcome
}

/// Where `tender evaluate` spends its time (`--timings`), wall clock.
#[derive(Default)]
struct Timings {
    /// Reading and parsing the tender and the bids.
    load: Duration,
    /// Validating them.
    validate: Duration,
    /// Reading the bids for the evaluation: their defects and their marks as integers
    /// (`tender_score::Prepared`).
    prepare: Duration,
    /// The evaluation.
    evaluate: Duration,
    /// Writing the output: formatting it and writing it out.
    write: Duration,
}

impl Timings {
    fn line(&self) -> String {
        // Tenths of a millisecond: a lot of a thousand bids evaluates in a few milliseconds.
        let s = |d: Duration| format!("{:.4} s", d.as_secs_f64());
        format!(
            "timings: load {}, validate {}, prepare {}, evaluate {}, write {}",
            s(self.load),
            s(self.validate),
            s(self.prepare),
            s(self.evaluate),
            s(self.write)
        )
    }
}

/// Reads and validates a tender and the bids to evaluate: a `--bids` directory, or `bids/` beside
/// the tender, which must exist. `None` when anything stops the evaluation (the diagnostics say
/// what).
fn read_bids_case(
    input: &std::path::Path,
    bids: Option<&PathBuf>,
    skip_unreadable: bool,
    timings: &mut Timings,
    diags: &mut Diagnostics,
) -> Option<(Case, Vec<SkippedFile>)> {
    if let Some(dir) = bids
        && !dir.is_dir()
    {
        diags.push(
            Diagnostic::error(format!("{}: no such directory", dir.display()))
                .with_help("give the directory that holds the bid files"),
        );
        return None;
    }
    if bids.is_none()
        && let Ok((_, default_bids)) = input::tender_file(input)
        && !default_bids.is_dir()
    {
        diags.push(
            Diagnostic::error(format!("{}: no bids directory", default_bids.display()))
                .with_help("put the bids in bids/ beside the tender, or give their directory with --bids DIR"),
        );
        return None;
    }
    let (tender, bid_files) = resolve(input, bids.map(|b| vec![b.clone()]), diags)?;
    let started = Instant::now();
    let mut case = input::read_case(&tender, &bid_files, diags);
    timings.load = started.elapsed();
    let started = Instant::now();
    input::validate(&case, diags);
    timings.validate = started.elapsed();
    // Every file of the bids directory that is not read is listed in the output too.
    let mut skipped: Vec<SkippedFile> = diags
        .files_not_read()
        .iter()
        .map(|(file, why)| SkippedFile { file: file.clone(), kind: SkipKind::NotRead, reasons: vec![(*why).clone()] })
        .collect();
    if skip_unreadable {
        // The tender's own problems (order 0) and those of no one file still stop everything.
        for order in diags.error_orders() {
            let Some(source) = order.checked_sub(1).and_then(|i| case.sources.get(i)) else { continue };
            let file = source.clone();
            let reasons = diags.skip_file(order);
            case.bids.retain(|(_, f)| f.order != order);
            skipped.push(SkippedFile { file, kind: SkipKind::Unreadable, reasons });
        }
    }
    if diags.has_errors() || case.tender.is_none() {
        return None;
    }
    Some((case, skipped))
}

/// Evaluates the case; with `skip_unreadable`, a bid whose committee data stops the evaluation
/// (a missing mark) is skipped like an unreadable file, and the rest evaluated.
fn evaluate_case(
    tender: &Tender,
    case: &mut Case,
    skipped: &mut Vec<SkippedFile>,
    skip_unreadable: bool,
    detail: tender_score::Detail,
    timings: &mut Timings,
    diags: &mut Diagnostics,
) -> Option<Evaluation> {
    loop {
        let started = Instant::now();
        let bids = case.bid_refs();
        let prepared = tender_score::Prepared::new(tender, &bids, detail);
        timings.prepare += started.elapsed();
        let started = Instant::now();
        let evaluated = prepared.evaluate();
        timings.evaluate += started.elapsed();
        match evaluated {
            Ok(mut e) => {
                e.skipped = std::mem::take(skipped);
                return Some(e);
            }
            Err(e) => {
                let bids: BTreeSet<Id> = e.issues.iter().filter_map(|i| i.bid.clone()).collect();
                let all_on_bids = e.issues.iter().all(|i| i.bid.is_some());
                if !skip_unreadable || !all_on_bids || bids.is_empty() {
                    for d in input::evaluation_issues(&e, case) {
                        diags.push(d);
                    }
                    return None;
                }
                for d in input::evaluation_issues(&e, case) {
                    diags.push(d.with_level(crate::diagnostics::Level::Warning));
                }
                let before = case.bids.len();
                for id in bids {
                    let reasons: Vec<String> = e
                        .issues
                        .iter()
                        .filter(|i| i.bid.as_ref() == Some(&id))
                        .map(|i| format!("bid {id}: {}", i.message))
                        .collect();
                    if let Some(pos) = case.bids.iter().position(|(b, _)| b.id == id) {
                        let (_, file) = case.bids.remove(pos);
                        skipped.push(SkippedFile { file: file.name.clone(), kind: SkipKind::Unreadable, reasons });
                    }
                }
                // Every round leaves out at least one bid, so the loop ends; a bid the issues name
                // but the case does not hold would stop it here instead.
                if case.bids.len() == before {
                    diags.push(Diagnostic::error(
                        "the evaluation stopped on bids that are not among the files read; nothing was evaluated",
                    ));
                    return None;
                }
            }
        }
    }
}

/// The analysis options of the command line.
fn analysis_options(args: &AnalyzeArgs) -> tender_analysis::Options {
    let perturbation = match (args.uniform, args.concentration) {
        (Some(percent), _) => tender_analysis::Perturbation::Uniform { percent },
        (None, Some(concentration)) => tender_analysis::Perturbation::Dirichlet { concentration },
        (None, None) => tender_analysis::Perturbation::default(),
    };
    tender_analysis::Options {
        samples: args.samples,
        seed: args.seed,
        perturbation,
        compare_price_models: !args.no_price_models,
        allow_many_samples: args.allow_many_samples,
        ..tender_analysis::Options::default()
    }
}

/// A usage error for an analysis option out of range (exit 2), with what would fix it.
fn option_error(e: &tender_analysis::AnalysisError) -> Option<Outcome> {
    match e {
        tender_analysis::AnalysisError::Option { option, problem, fix } => {
            Some(usage("analyze", ErrorKind::ValueValidation, &format!("--{option} is {problem}; {fix}")))
        }
        tender_analysis::AnalysisError::Evaluation(_) => None,
    }
}

fn analyze(args: &AnalyzeArgs) -> Outcome {
    if args.lang.is_some() && !matches!(args.format, AnalysisFormat::Markdown | AnalysisFormat::Html) {
        return usage(
            "analyze",
            ErrorKind::ArgumentConflict,
            "--lang chooses the language of --format markdown or html; add --format markdown",
        );
    }
    // Option values are checked before any file is read: they are the command line's problem.
    let options = analysis_options(args);
    if let Err(e) = tender_analysis::check_options(&options)
        && let Some(outcome) = option_error(&e)
    {
        return outcome;
    }
    let mut diags = Diagnostics::default();
    let Some((mut case, mut skipped)) =
        read_bids_case(&args.input, args.bids.as_ref(), args.skip_unreadable, &mut Timings::default(), &mut diags)
    else {
        return finish(&diags, "not analysed");
    };
    let Some((tender, _)) = case.tender.clone() else { return finish(&diags, "not analysed") };
    // The bids whose committee data is incomplete are skipped as in `evaluate`.
    let figures = tender_score::Detail::Figures;
    if evaluate_case(
        &tender,
        &mut case,
        &mut skipped,
        args.skip_unreadable,
        figures,
        &mut Timings::default(),
        &mut diags,
    )
    .is_none()
    {
        return finish(&diags, "not analysed");
    }
    let tender = &tender;
    let bar = crate::progress::samples(&options, tender.lots.len(), args.quiet);
    let analysis = tender_analysis::analyze_with_progress(tender, &case.bid_values(), &options, &|n| bar.advance(n));
    drop(bar);
    let analysis = match analysis {
        Ok(a) => a,
        Err(tender_analysis::AnalysisError::Evaluation(e)) => {
            for d in input::evaluation_issues(&e, &case) {
                diags.push(d);
            }
            return finish(&diags, "not analysed");
        }
        Err(e) => return option_error(&e).unwrap_or(Outcome::Usage),
    };
    let text = match args.format {
        AnalysisFormat::Text => tender_analysis::render::render_text(&analysis),
        AnalysisFormat::Json => match serde_json::to_string_pretty(&analysis) {
            Ok(mut s) => {
                s.push('\n');
                s
            }
            Err(e) => {
                diags.push(Diagnostic::error(format!("cannot write the analysis as JSON: {e}")));
                return finish(&diags, "not written");
            }
        },
        AnalysisFormat::Markdown | AnalysisFormat::Html => {
            let lang = language(args.lang.as_ref(), tender);
            let text = if args.format == AnalysisFormat::Html {
                tender_text::analysis_html(tender, &analysis, &lang)
            } else {
                tender_text::analysis_appendix(tender, &analysis, &lang)
            };
            match text {
                Ok(text) => text,
                Err(e) => {
                    diags.push(text_error(&e));
                    return finish(&diags, "not written");
                }
            }
        }
    };
    // Warnings about the input come first, on standard error; the result goes to stdout or -o.
    let outcome = finish(&diags, "not analysed");
    if let Err(d) = output::write(&text, args.output.as_deref()) {
        let mut diags = Diagnostics::default();
        diags.push(d);
        return finish(&diags, "not written");
    }
    outcome
}

fn render(args: &RenderArgs) -> Outcome {
    let mut diags = Diagnostics::default();
    let Some(case) = read(&args.tender, Some(Vec::new()), &mut diags) else { return finish(&diags, "not written") };
    if diags.has_errors() {
        return finish(&diags, "not written");
    }
    let Some((tender, _)) = &case.tender else { return finish(&diags, "not written") };
    let lang = language(args.lang.as_ref(), tender);
    let text = match args.format {
        RenderFormat::Markdown => tender_text::specification(tender, &lang),
        RenderFormat::Html => tender_text::specification_html(tender, &lang),
    };
    let text = match text {
        Ok(text) => text,
        Err(e) => {
            diags.push(text_error(&e));
            return finish(&diags, "not written");
        }
    };
    let outcome = finish(&diags, "not written");
    if let Err(d) = output::write(&text, args.output.as_deref()) {
        let mut diags = Diagnostics::default();
        diags.push(d);
        return finish(&diags, "not written");
    }
    outcome
}

/// An export problem (an error or a warning) as a diagnostic at its place in the tender file.
fn export_problem(
    format: &str,
    p: tender_interop::ExportProblem,
    level: tender_core::Level,
    file: &input::SourceFile,
) -> Diagnostic {
    let problem = tender_core::Problem {
        level,
        file: None,
        path: p.path.clone(),
        message: format!("{format}: {}", p.message),
        fix: p.fix,
    };
    input::problem(&problem, &p.path, file)
}

fn export(args: &ExportArgs) -> Outcome {
    // Asked for here rather than by clap, so the usage line does not suggest eForms needs it.
    if args.ocds && args.ocid_prefix.is_none() {
        return usage(
            "export",
            ErrorKind::MissingRequiredArgument,
            "--ocds needs your ocid prefix: add --ocid-prefix PREFIX (e.g. ocds-a1b2c3-), the one registered with the Open Contracting Partnership",
        );
    }
    if !args.ocds && args.ocid_prefix.is_some() {
        return usage(
            "export",
            ErrorKind::ArgumentConflict,
            "--ocid-prefix names the OCDS release; eForms does not use it: drop it, or export with --ocds",
        );
    }
    let mut diags = Diagnostics::default();
    if args.price_sheet || args.marks_sheet {
        return export_sheet(args, diags);
    }
    // eForms needs the tender only; OCDS evaluates the bids too.
    let bids = if args.ocds { args.bids.clone().map(|b| vec![b]) } else { Some(Vec::new()) };
    let Some(case) = read(&args.input, bids, &mut diags) else { return finish(&diags, "not exported") };
    if diags.has_errors() {
        return finish(&diags, "not exported");
    }
    let Some((tender, tender_file)) = &case.tender else { return finish(&diags, "not exported") };
    let (format, result) = if args.eforms_notice {
        let mut options = tender_interop::NoticeOptions::new(args.date.clone().unwrap_or_else(now));
        options.languages = (!args.languages.is_empty()).then(|| args.languages.clone());
        options.notice_id.clone_from(&args.notice_id);
        ("eForms notice", tender_interop::eforms_notice(tender, &options))
    } else if args.eforms {
        let options =
            tender_interop::EformsOptions { languages: (!args.languages.is_empty()).then(|| args.languages.clone()) };
        ("eForms", tender_interop::eforms_award_criteria(tender, &options))
    } else {
        let evaluation = match tender_score::evaluate(tender, &case.bid_values()) {
            Ok(e) => e,
            Err(e) => {
                for d in input::evaluation_issues(&e, &case) {
                    diags.push(d);
                }
                return finish(&diags, "not exported");
            }
        };
        let date = args.date.clone().unwrap_or_else(now);
        let mut options = tender_interop::OcdsOptions::new(args.ocid_prefix.clone().unwrap_or_default(), date);
        options.publisher.clone_from(&args.publisher);
        let result = tender_interop::ocds_release_package(tender, &case.bid_values(), &evaluation, &options).and_then(
            |exported| {
                let mut text = serde_json::to_string_pretty(&exported.output)
                    .map_err(|e| tender_interop::ExportError::Options { option: "output", message: e.to_string() })?;
                text.push('\n');
                Ok(tender_interop::Exported { output: text, warnings: exported.warnings })
            },
        );
        ("OCDS", result)
    };
    let text = match result {
        Ok(exported) => {
            for p in exported.warnings {
                diags.push(export_problem(format, p, tender_core::Level::Warning, tender_file));
            }
            exported.output
        }
        Err(tender_interop::ExportError::Invalid { format, problems }) => {
            for p in problems {
                diags.push(export_problem(format, p, tender_core::Level::Error, tender_file));
            }
            return finish(&diags, "not exported");
        }
        Err(e) => {
            diags.push(Diagnostic::error(format!("cannot export: {e}")));
            return finish(&diags, "not exported");
        }
    };
    let outcome = finish(&diags, "not exported");
    if let Err(d) = output::write(&text, args.output.as_deref()) {
        let mut diags = Diagnostics::default();
        diags.push(d);
        return finish(&diags, "not written");
    }
    outcome
}

/// `tender export --price-sheet | --marks-sheet`: the sheets `tender import` reads back.
fn export_sheet(args: &ExportArgs, mut diags: Diagnostics) -> Outcome {
    let Some(case) = read(&args.input, args.bids.clone().map(|b| vec![b]), &mut diags) else {
        return finish(&diags, "not exported");
    };
    if diags.has_errors() {
        return finish(&diags, "not exported");
    }
    let Some((tender, _)) = &case.tender else { return finish(&diags, "not exported") };
    let bids = case.bid_values();
    let csv = args.output.as_deref().and_then(|p| p.extension()).is_some_and(|e| e.eq_ignore_ascii_case("csv"));
    let mut evaluators = Vec::new();
    for e in &args.evaluators {
        if e.trim().is_empty() {
            return usage("export", ErrorKind::ValueValidation, "--evaluators: an empty id; write ids such as E1,E2");
        }
        evaluators.push(tender_core::Id::from(e.trim()));
    }
    let result = if args.marks_sheet {
        if csv {
            return usage(
                "export",
                ErrorKind::ValueValidation,
                "--marks-sheet writes a workbook with a sheet per evaluator: give -o FILE.xlsx",
            );
        }
        tender_interop::marks_workbook(tender, &bids, &evaluators).map(|b| (b, "marks.xlsx"))
    } else if csv {
        tender_interop::price_sheet_csv(tender, &bids).map(|t| (t.into_bytes(), "prices.csv"))
    } else {
        tender_interop::price_sheet_xlsx(tender, &bids).map(|b| (b, "prices.xlsx"))
    };
    let (bytes, example) = match result {
        Ok(r) => r,
        Err(e) => {
            diags.push(Diagnostic::error(format!("cannot export: {e}")));
            return finish(&diags, "not exported");
        }
    };
    let outcome = finish(&diags, "not exported");
    if let Err(d) = output::write_binary(&bytes, args.output.as_deref(), example) {
        let mut diags = Diagnostics::default();
        diags.push(d);
        return finish(&diags, "not written");
    }
    outcome
}

/// The current time in RFC 3339, to the second, in UTC: the default release date.
fn now() -> String {
    jiff::Timestamp::now().strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

fn schema(args: &SchemaArgs) -> Outcome {
    let text = match args.kind {
        SchemaKind::Tender => tender_core::schema::tender_schema(),
        SchemaKind::Bid => tender_core::schema::bid_schema(),
    };
    match output::write(&text, args.output.as_deref()) {
        Ok(()) => Outcome::Success,
        Err(d) => {
            let mut diags = Diagnostics::default();
            diags.push(d);
            finish(&diags, "not written")
        }
    }
}

/// `tender models`: the price models and the other scoring rules, from the one list the scoring
/// crate keeps with its formulas (`tender_score::price::MODELS`, `RULES`).
fn models(args: &ModelsArgs) -> Outcome {
    use tender_score::price::{Compares, MODELS, RULES};
    let text = match args.format {
        ListFormat::Json => {
            let value = serde_json::json!({ "price_models": MODELS, "rules": RULES });
            let mut s = serde_json::to_string_pretty(&value).unwrap_or_default();
            s.push('\n');
            s
        }
        ListFormat::Text => {
            let mut s = String::from("Price models (price_model = { kind = \"…\", … }):\n\n");
            for m in MODELS {
                let parameters =
                    if m.parameters.is_empty() { String::new() } else { format!(" ({})", m.parameters.join(", ")) };
                let compares = match m.compares {
                    Compares::PointsAdded => "price points added to quality; highest total wins",
                    Compares::LowestFigure => "one figure of price and quality; lowest wins",
                };
                s.push_str(&format!(
                    "  {}{parameters}\n    {}\n    {compares}; depends on the other bids: {}\n",
                    m.key, m.formula, m.depends_on_other_bids
                ));
            }
            s.push_str("\nPrice bases, quality scoring and rounding:\n\n");
            for r in RULES {
                s.push_str(&format!("  {}\n    {}\n", r.setting, r.formula));
            }
            s
        }
    };
    match output::write(&text, None) {
        Ok(()) => Outcome::Success,
        Err(d) => {
            let mut diags = Diagnostics::default();
            diags.push(d);
            finish(&diags, "not written")
        }
    }
}
