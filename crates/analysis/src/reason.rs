//! Why an analysis, a price-model variant or a sensitivity interval was not computed, as data.
//!
//! Each reason is a value rather than a sentence, so a text can word it in its own language
//! (`tender-text` has Danish and English); [`Reason`]'s `Display` is the plain-English sentence the
//! command line prints.

use std::fmt;

use serde::Serialize;
use tender_core::Id;

/// Why something was not computed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Reason {
    /// No bid was ranked.
    NoRankedBid,
    /// Fewer than two bids were ranked: there is nobody to catch up with and nothing to reorder.
    FewerThanTwoRanked,
    /// The extended price-per-quality-point method decides inside a corridor, which is not a
    /// weighted sum: weight sensitivity and the Monte Carlo do not apply.
    Corridor,
    /// Quality points are relative to the best bid's quality total, which depends on the weights
    /// through the best bid: not a weighted sum, so weight sensitivity and the Monte Carlo do not
    /// apply.
    RelativeQualityTotal,
    /// The total points are relative to the best bid's total (`relative_total`), so every bid's
    /// published figure moves with the best bid's: not a weighted sum, and a price moved alone
    /// does not give the published figures. Re-weighting and break-even prices do not apply.
    RelativeTotal,
    /// Several price criteria score parts of the price: no single price to move or model to swap.
    SeveralPriceCriteria,
    /// The lot has no weighted criteria.
    NoWeightedCriteria,
    /// The quality criteria have no weights (percent adjustment needs them).
    NoQualityWeights,
    /// A ranked bid lacks a figure the evaluation should have given it (a price, or a criterion's
    /// result).
    MissingFigure {
        /// The bid.
        bid: Id,
        /// The criterion, or none for the price.
        criterion: Option<Id>,
    },
    /// A price model divides by a price that is not above zero.
    PriceNotPositive {
        /// The bid, when known.
        bid: Option<Id>,
    },
    /// The logarithmic price model could not be computed.
    Logarithm,
    /// Break-even prices under a price formula that uses the other bids' prices: the search's
    /// reasoning about how one bid's price moves the others' points is the built-in models'.
    FormulaUsesOtherBids,
    /// Break-even prices under a price formula whose points are not shown to fall as the price
    /// rises: a bisection on the price would not be sound.
    FormulaNotMonotone,
    /// The price formula could not be computed at a price the analysis tried.
    FormulaFailed,
    /// A criterion's custom formula gives points that are not proportional to its weight
    /// (`max`): re-weighting it does not scale them, so weight sensitivity and the Monte Carlo do
    /// not apply.
    FormulaNotProportional {
        /// The criterion.
        criterion: Id,
    },
    /// The numbers are too large to compute exactly.
    TooLarge,
    /// A sensitivity interval: the criterion carries all the weight, so it cannot be re-weighted.
    CarriesAllWeight,
    /// The Monte Carlo was asked for no samples.
    NoSamples,
    /// The price-model comparison was not asked for.
    NotAskedFor,
    /// Rank reversal: more ranked bids than the limit for the exhaustive check.
    TooManyRanked {
        /// The bids ranked.
        ranked: usize,
        /// [`crate::Options::reversal_limit`].
        limit: usize,
    },
    /// The fixed-span variant needs the lot's estimated value to place the span.
    NoEstimateForSpan,
    /// The value-added variant needs each criterion's money value or the lot's estimated value to
    /// derive them.
    NoEstimateForMoneyValues,
    /// A points-model variant needs a price criterion.
    NoPriceCriterion,
    /// The criteria have no weights to share the estimated value by.
    NoWeightsToShare,
    /// The tender's amounts or weights are too large to derive a variant's parameters from.
    ParametersTooLarge,
    /// `tender_score::evaluate` refused the variant or the reduced field.
    EvaluationFailed {
        /// The bid of the first issue, when it is about one.
        bid: Option<Id>,
        /// The first issue's message, in plain English.
        message: String,
    },
}

impl Reason {
    /// The reason of a failed evaluation: its first issue.
    pub(crate) fn evaluation(e: &tender_score::EvaluationError) -> Self {
        match e.issues.first() {
            Some(i) => Self::EvaluationFailed { bid: i.bid.clone(), message: i.message.clone() },
            None => Self::EvaluationFailed { bid: None, message: "the evaluation failed".to_owned() },
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NoRankedBid => f.write_str("no bid was ranked"),
            Self::FewerThanTwoRanked => f.write_str("fewer than two bids were ranked"),
            Self::SeveralPriceCriteria => f.write_str(
                "several price criteria score parts of the price, so there is no single price to move or price model to swap",
            ),
            Self::RelativeQualityTotal => f.write_str(
                "quality points are relative to the best bid's quality total, which is not a weighted sum, so re-weighting does not apply",
            ),
            Self::RelativeTotal => f.write_str(
                "the total points are relative to the best bid's total, which is not a weighted sum and moves with the best bid, so re-weighting and break-even prices do not apply",
            ),
            Self::Corridor => f.write_str(
                "the extended price-per-quality-point method decides inside a corridor around the best ratio, \
                 which is not a weighted sum; weight sensitivity and the Monte Carlo do not apply",
            ),
            Self::NoWeightedCriteria => f.write_str("the lot has no weighted criteria"),
            Self::NoQualityWeights => f.write_str("the quality criteria have no weights"),
            Self::MissingFigure { bid, criterion: Some(c) } => write!(f, "bid {bid} has no result for criterion {c}"),
            Self::MissingFigure { bid, criterion: None } => write!(f, "bid {bid} has no price"),
            Self::PriceNotPositive { bid: Some(bid) } => write!(f, "bid {bid} has a price that is not above zero"),
            Self::PriceNotPositive { bid: None } => {
                f.write_str("a price model divides by a price that is not above zero")
            }
            Self::Logarithm => f.write_str("the logarithmic price model could not be computed"),
            Self::FormulaUsesOtherBids => f.write_str(
                "the price formula uses the other bids' prices (lowest, highest or mean), so a bid's price moves the other bids' points in ways the break-even search cannot bound; not computed",
            ),
            Self::FormulaNotMonotone => f.write_str(
                "the price formula's points are not shown to fall as the price rises, so a search on the price would not be sound; not computed",
            ),
            Self::FormulaNotProportional { criterion } => write!(
                f,
                "the formula of criterion {criterion} gives points that are not proportional to its weight (max), so re-weighting it does not scale them; weight sensitivity and the Monte Carlo do not apply"
            ),
            Self::FormulaFailed => f.write_str(
                "the price formula cannot be computed at a price the analysis tried (a division by zero, or points outside 0 to the maximum)",
            ),
            Self::TooLarge => f.write_str("the numbers are too large to compute exactly"),
            Self::CarriesAllWeight => f.write_str("the criterion carries all the weight, so it cannot be re-weighted"),
            Self::NoSamples => f.write_str("no samples were asked for"),
            Self::NotAskedFor => f.write_str("not asked for"),
            Self::TooManyRanked { ranked, limit } => write!(
                f,
                "{ranked} bids were ranked, more than the limit of {limit} for the exhaustive check (raise the limit to run it)"
            ),
            Self::NoEstimateForSpan => f.write_str("needs the lot's estimated value to place the span"),
            Self::NoEstimateForMoneyValues => f.write_str(
                "value added needs each criterion's money value or the lot's estimated value to derive them",
            ),
            Self::NoPriceCriterion => f.write_str("the lot has no price criterion"),
            Self::NoWeightsToShare => f.write_str("the criteria have no weights to share the estimated value by"),
            Self::ParametersTooLarge => {
                f.write_str("the tender's amounts or weights are too large to derive the parameters from")
            }
            Self::EvaluationFailed { message, .. } => f.write_str(message),
        }
    }
}
