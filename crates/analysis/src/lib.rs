//! # tender-analysis: how robust is an evaluation model?
//!
//! Before publication a buyer wants to know whether the weighting and the price model will decide
//! the tender on noise; after evaluation an evaluator wants to know how robust the winner is. This
//! crate answers both from the evaluation that [`tender_score::evaluate`] computes, lot by lot:
//!
//! * [`sensitivity`]: for each criterion, the interval of its weight (the other weights rescaled
//!   proportionally, so the sum stays the same) within which the winner, and the set of awarded
//!   suppliers, stays the same. Exact rationals: every comparison figure is a linear function of
//!   the re-weighted weight, so the end points are intersections of lines.
//! * [`break_even`]: for each bid that does not win, the price at which it would draw level with
//!   the best other bid, all else unchanged. For price models that depend on the other bids the
//!   bid's own price moves the lowest (and highest) price, and so every other bid's points; the
//!   search accounts for it, in exact decimals on the currency's minor unit.
//! * [`stability`]: Monte Carlo over the weights (Dirichlet around the published weights, or
//!   uniform ±k %): the probability that each bid wins and is awarded, with a standard error.
//!   Seeded and reproducible on every machine. Floating point is used here, and only here.
//! * [`models`]: the ranking under each alternative price model and rounding policy, so a buyer
//!   can choose before publishing; alternatives that change the winner are flagged.
//! * [`reversal`]: which bids, if removed, reorder the others (rank reversal).
//!
//! [`analyze`] runs them all; [`render::render_text`] writes the result in plain English for a
//! terminal, `tender_text::analysis_appendix` writes it as Markdown in Danish or English, and the
//! [`Analysis`] value serialises to JSON for other tools. Everything a text needs is data, not
//! English sentences: why an analysis was skipped is a [`Reason`], what a price-model variant
//! assumed is a [`models::Assumption`]. Each analysis can also be run on its own from a lot and
//! its evaluation: [`sensitivity::weight_sensitivity`], [`break_even::break_even_prices`],
//! [`stability::rank_stability`], [`models::compare_price_models`] and
//! [`reversal::rank_reversal`]. One that does not apply returns the [`Reason`] as an `Err`, which
//! [`analyze`] reports as [`Section::Skipped`].
//!
//! ```
//! use tender_analysis::{Options, analyze, render::render_text};
//!
//! let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/region-syd-warehouse");
//! let (tender, bids) = tender_core::files::load_case(&dir)?;
//!
//! let options = Options { samples: 2_000, seed: 7, ..Options::default() };
//! let analysis = analyze(&tender, &bids, &options)?;
//! let lot = &analysis.lots[0];
//! // The winner's interval for every weighted criterion contains the published weight.
//! if let tender_analysis::Section::Done(s) = &lot.sensitivity {
//!     for c in &s.criteria {
//!         if let Some(i) = &c.winner {
//!             assert!(i.low.weight <= c.weight && c.weight <= i.high.weight);
//!         }
//!     }
//! }
//! let text = render_text(&analysis);
//! assert!(text.contains("Weight sensitivity"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # What the analyses assume
//!
//! * **Exact, unrounded totals.** Sensitivity and the Monte Carlo work on `Σ weight × ratio`, the
//!   ratios as the evaluation computed them (rounded when the policy rounds at the ratio step).
//!   Rounding at the criterion or total step is ignored there: two bids whose published totals are
//!   equal may differ in their exact totals, and the tie-break that the evaluation applies to the
//!   published figures can award a bid the exact totals rank second. Each sensitivity result says
//!   whether its exact ranking agrees with the evaluation. Break-even prices and the price-model
//!   comparison use the published figures, with the tender's rounding.
//! * **The field is fixed by the evaluation.** Bids that failed a gate stay out. A re-weighting
//!   that would move a bid across a minimum total quality or the `max_pass` cut-off ends the
//!   sensitivity interval there (the field changes); the Monte Carlo keeps the field fixed.
//! * **One lot at a time.** A limit on lots per bidder (`lot_award_order`) is not modelled.
//!
//! # Limits
//!
//! * Weight sensitivity and the Monte Carlo need the comparison figure to be a weighted sum: points
//!   models, price per quality point without a corridor (`Q / P` is a weighted sum over `P`), value
//!   added (the money values are re-weighted, their sum kept) and percent adjustment. The extended
//!   price-per-quality-point method decides inside a corridor and is skipped with the reason.
//! * Break-even prices are evaluated prices (total plus included options, or life-cycle cost), not
//!   the bid's total: under a life-cycle cost the buyer reads how far the evaluated cost must fall.
//!   The logarithmic model cannot score a price some 10⁸ times below the others (its 24-decimal
//!   ratio overflows) and the evaluation refuses it; the search, which probes down to one minor
//!   unit, scores it 0 as the formula floors it. The extended price-per-quality-point method
//!   recomputes every bid at each step, fine for small lots only.
//! * The price-model comparison chooses parameters the tender does not give (a slope of 50 %, a
//!   span of twice the estimate, money values from the estimate shared by the weights, a 50/50
//!   price weight for a tender without one) and says so in each variant's `assumptions`.
//! * Rank reversal re-evaluates the lot once per ranked bid, and is skipped above
//!   [`Options::reversal_limit`] ranked bids.
#![deny(missing_docs)]

pub mod break_even;
mod form;
pub mod models;
mod pricing;
mod reason;
pub mod render;
pub mod reversal;
pub mod sensitivity;
pub mod stability;

use rust_decimal::Decimal;
use serde::Serialize;
use tender_core::{Bid, Id, Tender};
use tender_score::EvaluationError;
use tender_score::result::Comparison;

pub use break_even::BreakEvenAnalysis;
pub use models::PriceModelComparison;
pub use reason::Reason;
pub use reversal::RankReversalAnalysis;
pub use sensitivity::WeightSensitivity;
pub use stability::RankStability;

/// How the Monte Carlo perturbs the published weights.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Perturbation {
    /// Weights drawn from a Dirichlet distribution whose mean is the published weights: each
    /// criterion's share `p` has a standard deviation of `√(p(1 − p) / (concentration + 1))`. With
    /// 100 a 40 % weight varies by about ±4.9 percentage points (one standard deviation).
    Dirichlet {
        /// The concentration (sum of the Dirichlet parameters); larger is tighter. Above 0.
        concentration: Decimal,
    },
    /// Each weight multiplied independently by a factor uniform in `1 ± percent / 100`, then all
    /// rescaled to the published sum.
    Uniform {
        /// The largest relative change, in percent (0-100).
        percent: Decimal,
    },
}

impl Default for Perturbation {
    fn default() -> Self {
        Self::Dirichlet { concentration: Decimal::ONE_HUNDRED }
    }
}

/// What to run and how.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Options {
    /// Monte Carlo samples; 0 skips the rank-stability analysis.
    pub samples: u32,
    /// The Monte Carlo seed: the same seed gives the same result on every machine.
    pub seed: u64,
    /// How the weights are perturbed.
    pub perturbation: Perturbation,
    /// Skip the exhaustive rank-reversal check in lots with more ranked bids than this (each
    /// removal re-evaluates the lot).
    pub reversal_limit: usize,
    /// Whether to compare the alternative price models and rounding policies.
    pub compare_price_models: bool,
    /// Allow more than [`MAX_SAMPLES`] samples (the time grows with them: about an hour for
    /// 4,294,967,295). Not part of the result.
    #[serde(skip)]
    pub allow_many_samples: bool,
}

/// The most Monte Carlo samples [`check_options`] accepts without
/// [`Options::allow_many_samples`]: a million takes seconds, and 10,000 already pins the win rates
/// to about a percentage point (issue 17: 4,294,967,295 was accepted and ran for about an hour).
pub const MAX_SAMPLES: u32 = 1_000_000;

impl Default for Options {
    fn default() -> Self {
        Self {
            samples: 10_000,
            seed: 1,
            perturbation: Perturbation::default(),
            reversal_limit: 200,
            compare_price_models: true,
            allow_many_samples: false,
        }
    }
}

/// Why the analysis could not run.
#[derive(Debug, thiserror::Error)]
pub enum AnalysisError {
    /// The evaluation itself failed; fix the tender or the bids first.
    #[error(transparent)]
    Evaluation(#[from] EvaluationError),
    /// An option is out of range.
    #[error("the option `{option}` is {problem}. Fix: {fix}")]
    Option {
        /// The option.
        option: &'static str,
        /// What is wrong.
        problem: String,
        /// What would fix it.
        fix: &'static str,
    },
}

/// The outcome of one analysis on one lot: done, or skipped with the reason.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Section<T> {
    /// The analysis ran.
    Done(T),
    /// The analysis does not apply or could not run.
    Skipped {
        /// Why.
        reason: Reason,
    },
}

impl<T> Section<T> {
    /// The result, when the analysis ran.
    pub fn done(&self) -> Option<&T> {
        match self {
            Self::Done(t) => Some(t),
            Self::Skipped { .. } => None,
        }
    }

    pub(crate) fn from_result(result: Result<T, Reason>) -> Self {
        match result {
            Ok(t) => Self::Done(t),
            Err(reason) => Self::Skipped { reason },
        }
    }
}

/// The robustness analysis of a tender, lot by lot.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    /// The tender's id.
    pub tender: Id,
    /// The currency.
    pub currency: String,
    /// The options the analysis ran with.
    pub options: Options,
    /// One analysis per lot, in the tender's lot order.
    pub lots: Vec<LotAnalysis>,
}

/// The robustness analysis of one lot.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LotAnalysis {
    /// The lot's id.
    pub lot: Id,
    /// The price model's name.
    pub price_model: &'static str,
    /// How bids are compared.
    pub comparison: Comparison,
    /// The published decimals.
    pub decimals: u32,
    /// How many suppliers the lot awards.
    pub suppliers_to_award: u32,
    /// Ranked bids in rank order (the evaluation's).
    pub ranked: Vec<Id>,
    /// The bids the evaluation awards.
    pub awarded: Vec<Id>,
    /// Weight sensitivity.
    pub sensitivity: Section<WeightSensitivity>,
    /// Break-even prices.
    pub break_even: Section<BreakEvenAnalysis>,
    /// Rank stability under random re-weighting.
    pub stability: Section<RankStability>,
    /// Alternative price models and rounding policies.
    pub price_models: Section<PriceModelComparison>,
    /// Rank reversal by removing bids.
    pub rank_reversal: Section<RankReversalAnalysis>,
}

/// Checks the options.
///
/// # Errors
/// [`AnalysisError::Option`] for a concentration that is not above 0 or a uniform perturbation
/// outside 0-100 %.
pub fn check_options(options: &Options) -> Result<(), AnalysisError> {
    if options.samples > MAX_SAMPLES && !options.allow_many_samples {
        return Err(AnalysisError::Option {
            option: "samples",
            problem: format!("{}, more than {MAX_SAMPLES}", options.samples),
            fix: "10,000 samples pin the win rates to about a percentage point; give at most 1000000, or add --allow-many-samples to run it anyway (the time grows with the samples)",
        });
    }
    match options.perturbation {
        Perturbation::Dirichlet { concentration } if concentration <= Decimal::ZERO => Err(AnalysisError::Option {
            option: "concentration",
            problem: format!("{concentration}, not above 0"),
            fix: "give a concentration above 0, e.g. 100 (larger keeps the weights closer to the published ones)",
        }),
        Perturbation::Uniform { percent } if percent <= Decimal::ZERO || percent >= Decimal::ONE_HUNDRED => {
            Err(AnalysisError::Option {
                option: "uniform",
                problem: format!("{percent} %, not between 0 and 100 (exclusive)"),
                fix: "give the largest relative change of a weight in percent, e.g. 20 for ±20 %",
            })
        }
        _ => Ok(()),
    }
}

/// Runs every analysis on every lot of a tender.
///
/// # Errors
/// [`AnalysisError::Evaluation`] when the bids cannot be evaluated, [`AnalysisError::Option`] for
/// an option out of range. An analysis that does not apply to a lot (e.g. weight sensitivity under
/// the extended price-per-quality-point method) is [`Section::Skipped`] with the reason, not an
/// error.
pub fn analyze(tender: &Tender, bids: &[Bid], options: &Options) -> Result<Analysis, AnalysisError> {
    analyze_with_progress(tender, bids, options, &|_| {})
}

/// [`analyze`], telling `progress` how many more Monte Carlo samples are done as they are (the
/// calls sum to at most `options.samples` per lot: a lot whose rank stability does not apply
/// draws none). For a progress bar; the result is the same with any callback.
///
/// # Errors
/// As [`analyze`].
pub fn analyze_with_progress(
    tender: &Tender,
    bids: &[Bid],
    options: &Options,
    progress: &dyn Fn(u64),
) -> Result<Analysis, AnalysisError> {
    check_options(options)?;
    let evaluation = tender_score::evaluate(tender, bids)?;
    let mut lots = Vec::with_capacity(tender.lots.len());
    for (lot, eval) in tender.lots.iter().zip(&evaluation.lots) {
        let lot_bids: Vec<Bid> = bids.iter().filter(|b| b.lot == lot.id).cloned().collect();
        let ranked: Vec<Id> = eval.bids.iter().filter(|b| b.rank.is_some()).map(|b| b.bid.clone()).collect();
        let stability = if options.samples == 0 {
            Section::Skipped { reason: Reason::NoSamples }
        } else {
            Section::from_result(stability::rank_stability_with_progress(lot, eval, options, progress))
        };
        let price_models = if options.compare_price_models {
            Section::from_result(models::compare_price_models(tender, lot, &lot_bids))
        } else {
            Section::Skipped { reason: Reason::NotAskedFor }
        };
        lots.push(LotAnalysis {
            lot: lot.id.clone(),
            price_model: eval.price_model,
            comparison: eval.comparison,
            decimals: eval.decimals,
            suppliers_to_award: lot.suppliers_to_award,
            ranked,
            awarded: eval.awarded.clone(),
            sensitivity: Section::from_result(sensitivity::weight_sensitivity(lot, eval)),
            break_even: Section::from_result(break_even::break_even_prices(tender, lot, eval).map(|mut b| {
                b.values = break_even::break_even_values(tender, lot, &lot_bids, eval);
                b
            })),
            stability,
            price_models,
            rank_reversal: Section::from_result(reversal::rank_reversal(
                tender,
                lot,
                &lot_bids,
                options.reversal_limit,
            )),
        });
    }
    Ok(Analysis { tender: tender.id.clone(), currency: tender.currency.to_string(), options: options.clone(), lots })
}
