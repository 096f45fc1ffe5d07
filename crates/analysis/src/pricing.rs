//! The price step of the evaluation, recomputed for one bid at another price: the same formulas,
//! the same exact arithmetic and the same rounding as `tender_score`, so a break-even price found
//! here is the one a full re-evaluation gives (the tests check it against `tender_score::evaluate`).
//!
//! Only the price step is recomputed: quality points, the quality share and the money adjustments do
//! not depend on the price and are taken from the evaluation.

use rust_decimal::{Decimal, MathematicalOps};
use tender_core::award::{AdjustMode, PriceModel, RoundingPolicy, RoundingStep, RoundingStrategy};
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

/// The share of the maximum price points for a points model; `tender_score::price` has the same
/// formulas.
pub(crate) fn share(model: &PriceModel, price: Exact, reference: Reference) -> Result<Exact, PriceError> {
    let lowest = reference.lowest;
    let one = Exact::ONE;
    let hundred = Exact::from_int(100)?;
    if model.depends_on_other_bids() && (!price.numer().is_positive() || !lowest.numer().is_positive()) {
        return Err(PriceError::NotPositive);
    }
    Ok(match model {
        PriceModel::Proportional => lowest.checked_div(price)?,
        PriceModel::LinearSlope { slope } => {
            let s = Exact::from_decimal(slope.get()).checked_div(hundred)?;
            let r = one.checked_sub(price.checked_sub(lowest)?.checked_div(s.checked_mul(lowest)?)?)?;
            r.max(Exact::ZERO)
        }
        PriceModel::LinearFromLowest { floor_at_zero } => {
            let r = Exact::from_int(2)?.checked_sub(price.checked_div(lowest)?)?;
            if *floor_at_zero && r.is_negative() { Exact::ZERO } else { r }
        }
        PriceModel::MinMax => {
            let highest = reference.highest;
            if highest == lowest {
                one
            } else {
                highest.checked_sub(price)?.checked_div(highest.checked_sub(lowest)?)?
            }
        }
        PriceModel::FixedSpan { low, high } => {
            let (lo, hi) = (Exact::from_decimal(low.get()), Exact::from_decimal(high.get()));
            if hi <= lo {
                return Err(PriceError::NotPositive);
            }
            let r = hi.checked_sub(price)?.checked_div(hi.checked_sub(lo)?)?;
            r.max(Exact::ZERO).min(one)
        }
        PriceModel::Logarithmic { zero_at } => {
            let ratio = price.checked_div(lowest)?;
            match log_share(ratio, zero_at.get()) {
                Ok(r) => r.max(Exact::ZERO),
                // A price so far above the lowest that its ratio does not fit 24 decimals (the
                // evaluation would refuse it) is far beyond the zero point: no points. The search
                // probes such prices when it lowers one bid's price to a few øre.
                Err(PriceError::Logarithm)
                    if ratio > Exact::ONE.checked_add(Exact::from_decimal(zero_at.get()).checked_div(hundred)?)? =>
                {
                    Exact::ZERO
                }
                Err(e) => return Err(e),
            }
        }
        PriceModel::PricePerQualityPoint { .. }
        | PriceModel::ValueAdded { .. }
        | PriceModel::PercentAdjustment { .. } => {
            return Err(PriceError::Overflow);
        }
    })
}

/// `1 − ln(ratio) / ln(1 + zero_at/100)` in 28-digit decimals, as `tender_score` computes it.
fn log_share(ratio: Exact, zero_at_percent: Decimal) -> Result<Exact, PriceError> {
    if ratio == Exact::ONE {
        return Ok(Exact::ONE);
    }
    let x = ratio.round(24, RoundingStrategy::HalfEven).map_err(|_| PriceError::Logarithm)?;
    let base = Decimal::ONE
        .checked_add(zero_at_percent.checked_div(Decimal::ONE_HUNDRED).ok_or(PriceError::Logarithm)?)
        .ok_or(PriceError::Logarithm)?;
    let ln_x = x.checked_ln().ok_or(PriceError::Logarithm)?;
    let ln_b = base.checked_ln().ok_or(PriceError::Logarithm)?;
    if ln_b.is_zero() {
        return Err(PriceError::Logarithm);
    }
    let q = ln_x.checked_div(ln_b).ok_or(PriceError::Logarithm)?;
    let r = Decimal::ONE.checked_sub(q).ok_or(PriceError::Logarithm)?;
    Ok(Exact::from_decimal(r.round_dp(20)))
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
    if policy.at == step { Ok(Exact::from_decimal(x.round(policy.decimals, policy.strategy)?)) } else { Ok(x) }
}

impl<'a> Scorer<'a> {
    pub(crate) fn new(lot: &'a tender_core::Lot) -> Self {
        let award = &lot.award;
        let max = award.price_criterion().and_then(|c| c.weight).map(|w| Exact::from_decimal(w.get()));
        Self { model: &award.price_model, policy: award.rounding, max }
    }

    /// What of the bid the figure needs besides its price: quality points (points models and
    /// price per quality point), the signed money adjustment (value added: `E = P + adj`) or the
    /// factor (percent adjustment: `E = P × factor`).
    pub(crate) fn quality_of(&self, b: &BidResult) -> Result<Exact, PriceError> {
        let q = b.quality.map_or(Exact::ZERO, |f| f.exact);
        Ok(match (self.model, b.total_derivation.as_ref()) {
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
                        let r = round_at(self.policy, RoundingStep::Ratio, share(model, price, reference)?)?;
                        let points = round_at(self.policy, RoundingStep::Criterion, max.checked_mul(r)?)?;
                        points.checked_add(quality)?
                    }
                    None => quality,
                };
                Key { group: 0, value: -self.published(total)? }
            }
        })
    }
}
