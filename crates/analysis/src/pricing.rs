//! The price step of the evaluation, recomputed for one bid at another price: the same formulas
//! (`tender_score::price::share`),
//! the same exact arithmetic and the same rounding as `tender_score`, so a break-even price found
//! here is the one a full re-evaluation gives (the tests check it against `tender_score::evaluate`).
//!
//! Only the price step is recomputed: quality points, the quality share and the money adjustments do
//! not depend on the price and are taken from the evaluation.

use rust_decimal::Decimal;
use tender_core::award::{AdjustMode, PriceModel, RoundingPolicy, RoundingStep};
use tender_score::Exact;
use tender_score::exact::Overflow;
use tender_score::result::{BidResult, TotalDerivation};

/// Why a figure could not be computed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PriceError {
    /// A relative model divides by a price that is not above zero.
    NotPositive,
    /// The logarithm could not be computed.
    Logarithm,
    /// The tender's price formula cannot be computed at this price (a division by zero, or points
    /// outside `0..M`).
    Formula,
    /// Arithmetic overflow.
    Overflow,
}

impl From<Overflow> for PriceError {
    fn from(_: Overflow) -> Self {
        Self::Overflow
    }
}

/// The lowest and highest evaluated price among the ranked bids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reference {
    pub(crate) lowest: Exact,
    pub(crate) highest: Exact,
}

/// The share of the maximum price points for a points model: `tender_score::price::share`, the
/// one implementation of the formulas. `max` is the price criterion's weight (a price formula's
/// `max`; the other models' shares do not depend on it).
pub(crate) fn share(model: &PriceModel, max: Exact, price: Exact, reference: Reference) -> Result<Exact, PriceError> {
    // No mean: the analyses that move a price compute a price formula only where it does not use
    // the other bids' prices.
    let reference = tender_score::price::Reference { lowest: reference.lowest, highest: reference.highest, mean: None };
    match tender_score::price::share(model, max, price, reference) {
        Ok((r, _)) => Ok(r),
        Err(tender_score::price::PriceError::NotPositive(_)) => Err(PriceError::NotPositive),
        Err(tender_score::price::PriceError::Logarithm) => Err(PriceError::Logarithm),
        Err(tender_score::price::PriceError::Formula(_)) => Err(PriceError::Formula),
        Err(_) => Err(PriceError::Overflow),
    }
}

/// A bid's place in the ranking as the evaluation sorts it: lower is better. `group` separates
/// bids without quality points under price per quality point (ranked last); `value` is the
/// published figure, negated when the highest figure wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Key {
    pub(crate) group: u8,
    pub(crate) value: Decimal,
}

/// Computes a bid's published comparison figure at any price.
pub(crate) struct Scorer<'a> {
    model: &'a PriceModel,
    policy: RoundingPolicy,
    /// The price criterion's weight, for points models.
    max: Option<Exact>,
}

fn round_at(policy: RoundingPolicy, step: RoundingStep, x: Exact) -> Result<Exact, Overflow> {
    x.round_by(policy.rule(step))
}

impl<'a> Scorer<'a> {
    pub(crate) fn new(lot: &'a tender_core::Lot) -> Self {
        let award = &lot.award;
        let max = award
            .price_criterion()
            .filter(|c| c.weight.is_some())
            .and_then(|c| tender_score::weights::effective(award, c).ok());
        Self { model: &award.price_model, policy: award.rounding, max }
    }

    /// What of the bid the figure needs besides its price: quality points (points models and
    /// price per quality point), the signed money adjustment (value added: `E = P + adj`) or the
    /// factor (percent adjustment: `E = P × factor`).
    pub(crate) fn quality_of(&self, b: &BidResult) -> Result<Exact, PriceError> {
        let q = b.quality.map_or(Exact::ZERO, |f| f.exact);
        Ok(match (self.model, b.total_derivation.as_deref()) {
            (PriceModel::ValueAdded { .. }, Some(TotalDerivation::ValueAdded { mode, adjustments, .. })) => {
                let mut sum = Exact::ZERO;
                for a in adjustments {
                    sum = sum.checked_add(a.amount)?;
                }
                match mode {
                    AdjustMode::Deduction => sum.negate(),
                    AdjustMode::Markup => sum,
                }
            }
            (
                PriceModel::PercentAdjustment { .. },
                Some(TotalDerivation::PercentAdjustment { mode, quality_share, max_percent, .. }),
            ) => {
                let m = Exact::from_decimal(*max_percent).checked_div(Exact::from_int(100)?)?;
                match mode {
                    AdjustMode::Deduction => Exact::ONE.checked_sub(quality_share.checked_mul(m)?)?,
                    AdjustMode::Markup => {
                        Exact::ONE.checked_add(Exact::ONE.checked_sub(*quality_share)?.checked_mul(m)?)?
                    }
                }
            }
            _ => q,
        })
    }

    /// The price criterion's weight, for points models.
    pub(crate) fn max(&self) -> Option<Exact> {
        self.max
    }

    /// Half a unit of the published decimals (0.005 for two): how far past a figure the exact value
    /// may go and still be published as it.
    pub(crate) fn half_unit(&self) -> Decimal {
        Decimal::try_new(5, self.policy.decimals.saturating_add(1)).unwrap_or(Decimal::ZERO)
    }

    fn published(&self, x: Exact) -> Result<Decimal, Overflow> {
        x.round(self.policy.decimals, self.policy.strategy)
    }

    /// The key of a published comparison figure (the evaluation's `total`).
    pub(crate) fn key_of_published(&self, quality: Exact, value: Decimal) -> Key {
        match self.model {
            PriceModel::PricePerQualityPoint { .. } => {
                Key { group: if quality.is_zero() || quality.is_negative() { 2 } else { 1 }, value }
            }
            PriceModel::ValueAdded { .. } | PriceModel::PercentAdjustment { .. } => Key { group: 0, value },
            _ => Key { group: 0, value: -value },
        }
    }

    /// The bid's key at `price`, with quality `quality` (from [`Self::quality_of`]).
    pub(crate) fn key(&self, quality: Exact, price: Exact, reference: Reference) -> Result<Key, PriceError> {
        Ok(match self.model {
            PriceModel::PricePerQualityPoint { .. } => {
                if quality.is_zero() || quality.is_negative() {
                    Key { group: 2, value: self.published(price)? }
                } else {
                    Key { group: 1, value: self.published(price.checked_div(quality)?)? }
                }
            }
            PriceModel::ValueAdded { .. } => Key { group: 0, value: self.published(price.checked_add(quality)?)? },
            PriceModel::PercentAdjustment { .. } => {
                Key { group: 0, value: self.published(price.checked_mul(quality)?)? }
            }
            model => {
                let total = match self.max {
                    Some(max) => {
                        let r = round_at(self.policy, RoundingStep::Ratio, share(model, max, price, reference)?)?;
                        let points = max.checked_mul(r)?.round_by(self.policy.price_points_rule())?;
                        points.checked_add(quality)?
                    }
                    None => quality,
                };
                Key { group: 0, value: -self.published(total)? }
            }
        })
    }
}
