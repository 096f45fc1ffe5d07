//! # tender-text: tender texts in Markdown and HTML
//!
//! Four documents, written from the tender model in any language that has a message catalogue
//! (Danish and English are complete):
//!
//! * [`specification`]: the requirement specification a buyer publishes. Introduction and
//!   procedure; the lots and why they are split; for every lot its premises, minimum
//!   requirements and award requirements, numbered with their ids and severity, each with its
//!   standard clause text (SEAL minimums, open standards, exit, hosting and data location, open
//!   source and rights, DORA, NIS2 and GDPR clauses); the award criteria and weights; the
//!   evaluation model in words and as a formula; a **worked example** whose numbers are computed
//!   by [`tender_score::evaluate`] on illustrative bids, so the text can never drift from the
//!   computation; the SEAL levels with their official definitions; the sovereignty objectives
//!   and weights; the open standards with full names and versions; and what is deliberately not
//!   required.
//! * [`report`]: the evaluation report. Per lot the ranking, every bid's gates, points per
//!   criterion with their derivations (rendered through this crate's [`Notation`], so
//!   `30 × 1.000.000 / 1.300.000 = 23,08` in Danish), the evaluators' justifications, exclusions,
//!   ties and how they were broken, warnings, the rank-reversal check, and for each bidder a
//!   paragraph fit for the award letter.
//! * [`award_decision`]: what the bidders receive: the award decision and one letter per bidder
//!   (udbudsloven § 171), with the bidder's own scores first, the winning bid's scores and
//!   relative advantages, the standstill period and how to complain; none of the committee's
//!   material. The report above is the committee's, marked internal.
//! * [`analysis_appendix`]: the robustness analysis of `tender-analysis` (weight sensitivity,
//!   break-even prices, rank stability, price-model comparison, rank reversal) as a document, or
//!   with [`report_with_analysis`] as the report's last chapter.
//!
//! ```
//! use tender_core::{files, Bid, Language, Tender};
//! let tender: Tender = files::parse(r#"
//! id = "T-1"
//! title = { da = "Kontorpakke", en = "Office suite" }
//! buyer = { name = "Aarhus Kommune", country = "DK", kind = "municipality" }
//! procedure = "open"
//! currency = "DKK"
//! languages = ["da", "en"]
//! contract = { duration_months = 48 }
//! [[lots]]
//! id = "L1"
//! title = "Office suite"
//! [lots.award]
//! price_model = { kind = "proportional" }
//! tie_break = ["higher-quality", "drawing-lots"]
//! [[lots.award.criteria]]
//! id = "PRICE"
//! name = { da = "Pris", en = "Price" }
//! kind = "price"
//! weight = 30
//! [[lots.award.criteria]]
//! id = "Q1"
//! name = { da = "Kvalitet", en = "Quality" }
//! kind = "quality"
//! weight = 70
//! "#, files::Format::Toml, "tender.toml".as_ref())?;
//!
//! let text = tender_text::specification(&tender, &Language::da())?;
//! assert!(text.starts_with("# Kontorpakke"));
//! assert!(text.contains("Pris = 30 × Pmin / P")); // the formula as published, in words
//!
//! let bids: Vec<Bid> = Vec::new(); // the bids as received, with the evaluators' scores
//! let evaluation = tender_score::evaluate(&tender, &bids)?;
//! let report = tender_text::report(&tender, &bids, &evaluation, &Language::en())?;
//! assert!(report.starts_with("# Evaluation report: Office suite"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Languages
//!
//! Every word lives in a Fluent catalogue, `locales/<language>.ftl`, and so do the conventions
//! for numbers, money and dates (`fmt-*` messages: `1.234.567,89 kr.` in Danish,
//! `DKK 1,234,567.89` in English). The catalogues are found when the crate is built: a third
//! language is a new file, not new code. [`languages`] lists the languages built in.
//!
//! To add French:
//!
//! 1. copy `locales/en.ftl` to `locales/fr.ftl` (the file name is the ISO 639-1 code);
//! 2. set the conventions at the top (`fmt-decimal-mark`, `fmt-group-separator`,
//!    `fmt-group-from-digits`, `fmt-money` per currency, `fmt-percent`, `fmt-date`, `fmt-list`,
//!    `fmt-list-or`) and translate every message, keeping the `{ $arguments }` and the plural
//!    and number variants (`[one]`, `*[other]`);
//! 3. `cargo test -p tender-text`: the test `catalogues` fails with the list of messages one
//!    catalogue has and another lacks, and the wording tests render every value of the model in
//!    every language. `specification(.., &Language::new("fr"))` then works.
//!
//! The official SEAL names and definitions, and the names of the sovereignty objectives, are in
//! the catalogues too; the English ones are checked against [`tender_core::Seal::definition`].
//!
//! # The HTML edition
//!
//! Each document has an HTML edition ([`specification_html`], [`report_html`],
//! [`award_decision_html`], [`analysis_html`], [`report_with_analysis_html`]): one self-contained
//! page (inline CSS, no scripts, no external resources, a print stylesheet for A4 with page
//! numbers) rendered from the very same Markdown, plus charts drawn as inline SVG, each with a
//! data table carrying its numbers: per lot of the report, every ranked bid's points stacked by
//! criterion, with the bids not ranked and their reasons apart; in the analysis, the weight
//! ranges within which the winner keeps winning, the break-even prices and the win
//! probabilities. The award decision gets no chart: it shows what its Markdown shows.
//!
//! # Markdown that cannot be broken
//!
//! Text from buyers and bidders (titles, names, descriptions, justifications, ids) is escaped:
//! whatever it contains, it cannot open a heading, a list, a table cell, a link, emphasis or
//! HTML. Arithmetic is set in code spans. No raw HTML is ever written. Output is
//! byte-identical run to run.
#![deny(missing_docs)]
// Input numbers never panic the text (issue 17): arithmetic is checked (`checked.rs`), and the
// lint catches an unchecked operator; each `allow` says why its operands cannot overflow.
#![deny(clippy::arithmetic_side_effects)]

/// A message with named arguments: `t!(cat, "id", "name" => value, ...)`.
macro_rules! t {
    ($cat:expr, $id:expr) => { $cat.text($id, &[]) };
    ($cat:expr, $id:expr, $($key:literal => $value:expr),+ $(,)?) => {
        $cat.text($id, &[$(($key, ::fluent_bundle::FluentValue::from($value))),+])
    };
}

mod analysis;
mod audit;
mod catalogue;
mod chart;
mod checked;
mod decision;
mod error;
mod example;
mod html;
mod markdown;
mod measured;
mod report;
mod spec;
mod words;

pub use catalogue::Notation;
pub use error::TextError;

use tender_analysis::Analysis;
use tender_core::{Bid, Language, Tender};
use tender_score::Evaluation;

/// The requirement specification of a tender, as Markdown in `lang`.
///
/// # Errors
/// [`TextError::UnknownLanguage`] when there is no catalogue for `lang`;
/// [`TextError::Evaluation`] when a lot's worked example cannot be computed (the tender's award
/// model cannot be evaluated, e.g. a zero price span); the catalogue errors when a message is
/// missing or broken.
pub fn specification(tender: &Tender, lang: &Language) -> Result<String, TextError> {
    let cat = catalogue::Catalogue::load(lang)?;
    Ok(spec::render(&cat, tender)?.finish())
}

/// The requirement specification ([`specification`]) as one self-contained HTML page.
///
/// # Errors
/// As [`specification`].
pub fn specification_html(tender: &Tender, lang: &Language) -> Result<String, TextError> {
    let cat = catalogue::Catalogue::load(lang)?;
    html_page(&cat, html::Kind::Specification, spec::render(&cat, tender)?)
}

/// The evaluation committee's report of a tender, as Markdown in `lang`, marked internal: every
/// bid, mark and justification and the notes to the committee (the bidders receive
/// [`award_decision`]). `bids` are the bids evaluated
/// (their evaluators' justifications are quoted); `evaluation` is
/// [`tender_score::evaluate`]'s result for them.
///
/// # Errors
/// [`TextError::UnknownLanguage`] when there is no catalogue for `lang`;
/// [`TextError::OtherTender`] or [`TextError::UnknownLot`] when the evaluation is not of this
/// tender; the catalogue errors when a message is missing or broken.
pub fn report(tender: &Tender, bids: &[Bid], evaluation: &Evaluation, lang: &Language) -> Result<String, TextError> {
    let cat = catalogue::Catalogue::load(lang)?;
    Ok(report::render(&cat, tender, bids, evaluation)?.finish())
}

/// The committee's evaluation report ([`report`]) as one self-contained HTML page, with a chart
/// per lot of every ranked bid's points by criterion.
///
/// ```
/// # use tender_core::Language;
/// # let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/aalborg-consultancy");
/// # let (tender, bids) = tender_core::files::load_case(&dir)?;
/// let evaluation = tender_score::evaluate(&tender, &bids)?;
/// let page = tender_text::report_html(&tender, &bids, &evaluation, &Language::da())?;
/// assert!(page.starts_with("<!DOCTYPE html>\n<html lang=\"da\">"));
/// assert!(page.contains("<svg") && !page.contains("<script"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// As [`report`].
pub fn report_html(
    tender: &Tender,
    bids: &[Bid],
    evaluation: &Evaluation,
    lang: &Language,
) -> Result<String, TextError> {
    let cat = catalogue::Catalogue::load(lang)?;
    html_page(&cat, html::Kind::Report, report::render(&cat, tender, bids, evaluation)?)
}

/// The award decision with one letter per bidder, as Markdown in `lang`: the document the
/// bidders receive (udbudsloven § 171). Per lot the winner and the statutory basis of the award,
/// then one letter per bid: its own placing and scores first, then the winning bid's scores and
/// relative advantages, the standstill period and how to complain. It holds nothing of the
/// committee's material: no evaluator's marks or justifications, no notes to the committee, and
/// of a rejected or excluded bid only the rejection and its reasons.
///
/// The committee's evaluation report, with everything, is [`report`].
///
/// # Errors
/// As [`report`].
pub fn award_decision(tender: &Tender, evaluation: &Evaluation, lang: &Language) -> Result<String, TextError> {
    let cat = catalogue::Catalogue::load(lang)?;
    Ok(decision::render(&cat, tender, evaluation)?.finish())
}

/// The award decision with its letters ([`award_decision`]) as one self-contained HTML page:
/// the same content, nothing more.
///
/// # Errors
/// As [`award_decision`].
pub fn award_decision_html(tender: &Tender, evaluation: &Evaluation, lang: &Language) -> Result<String, TextError> {
    let cat = catalogue::Catalogue::load(lang)?;
    html_page(&cat, html::Kind::Decision, decision::render(&cat, tender, evaluation)?)
}

/// The robustness analysis of a tender ([`tender_analysis::analyze`]) as a Markdown document in
/// `lang`: per lot the weight sensitivity, the break-even prices, the rank stability under random
/// re-weighting, the price-model comparison and rank reversal; a section that was skipped says
/// why.
///
/// ```
/// # use tender_core::Language;
/// # let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/aarhus-office-suite");
/// # let (tender, bids) = tender_core::files::load_case(&dir)?;
/// let options = tender_analysis::Options { samples: 1_000, ..Default::default() };
/// let analysis = tender_analysis::analyze(&tender, &bids, &options)?;
/// let text = tender_text::analysis_appendix(&tender, &analysis, &Language::da())?;
/// assert!(text.starts_with("# Robusthedsanalyse"));
/// assert!(text.contains("Vægtfølsomhed"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// # Errors
/// [`TextError::UnknownLanguage`] when there is no catalogue for `lang`;
/// [`TextError::AnalysisOfOtherTender`] when the analysis is not of this tender; the catalogue
/// errors when a message is missing or broken.
pub fn analysis_appendix(tender: &Tender, analysis: &Analysis, lang: &Language) -> Result<String, TextError> {
    let cat = catalogue::Catalogue::load(lang)?;
    Ok(analysis::render(&cat, tender, analysis)?.finish())
}

/// The robustness analysis ([`analysis_appendix`]) as one self-contained HTML page, with charts
/// of the weight-sensitivity ranges, the break-even prices and the win probabilities.
///
/// # Errors
/// As [`analysis_appendix`].
pub fn analysis_html(tender: &Tender, analysis: &Analysis, lang: &Language) -> Result<String, TextError> {
    let cat = catalogue::Catalogue::load(lang)?;
    html_page(&cat, html::Kind::Analysis, analysis::render(&cat, tender, analysis)?)
}

/// The evaluation report ([`report`]) with the robustness analysis ([`analysis_appendix`]) as its
/// last chapter, one heading level deeper so the document keeps one title.
///
/// The report is the committee's (the bidders receive [`award_decision`]); the analysis is for
/// the buyer too.
///
/// # Errors
/// As [`report`] and [`analysis_appendix`], and [`TextError::AnalysisOfOtherBids`] when the
/// analysis ranks other bids than the evaluation (it was run on other bids).
pub fn report_with_analysis(
    tender: &Tender,
    bids: &[Bid],
    evaluation: &Evaluation,
    analysis: &Analysis,
    lang: &Language,
) -> Result<String, TextError> {
    let cat = catalogue::Catalogue::load(lang)?;
    Ok(with_analysis(&cat, tender, bids, evaluation, analysis)?.finish())
}

/// The report with the analysis as its last chapter ([`report_with_analysis`]) as one
/// self-contained HTML page, with the charts of both.
///
/// # Errors
/// As [`report_with_analysis`].
pub fn report_with_analysis_html(
    tender: &Tender,
    bids: &[Bid],
    evaluation: &Evaluation,
    analysis: &Analysis,
    lang: &Language,
) -> Result<String, TextError> {
    let cat = catalogue::Catalogue::load(lang)?;
    html_page(&cat, html::Kind::Report, with_analysis(&cat, tender, bids, evaluation, analysis)?)
}

fn html_page(cat: &catalogue::Catalogue, kind: html::Kind, doc: markdown::Doc) -> Result<String, TextError> {
    let (markdown, extras) = doc.into_parts();
    html::page(cat.lang(), kind, &markdown, extras)
}

fn with_analysis(
    cat: &catalogue::Catalogue,
    tender: &Tender,
    bids: &[Bid],
    evaluation: &Evaluation,
    analysis: &Analysis,
) -> Result<markdown::Doc, TextError> {
    for (lot, a) in analysis::lots(tender, analysis)? {
        let ranked = evaluation
            .lots
            .iter()
            .find(|e| e.lot == lot.id)
            .map(|e| e.bids.iter().filter(|b| b.rank.is_some()).map(|b| &b.bid).collect::<Vec<_>>());
        if ranked != Some(a.ranked.iter().collect()) {
            return Err(TextError::AnalysisOfOtherBids { lot: lot.id.clone() });
        }
    }
    let mut doc = markdown::Doc::default();
    let next = report::write(cat, tender, bids, evaluation, &mut doc)?;
    analysis::write(cat, tender, analysis, &mut doc, analysis::Place::Chapter(next))?;
    Ok(doc)
}

/// The languages with a catalogue, sorted by code.
pub fn languages() -> Vec<Language> {
    catalogue::available()
}
