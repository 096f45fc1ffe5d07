//! Every ranked bid's comparison figure as a linear function of the criterion weights:
//! `figure = constant + Σ weight × coefficient`, highest first. Sensitivity and the Monte Carlo both
//! work from this form.
//!
//! | Price model | Weights | Coefficient of criterion `c` | Constant |
//! |---|---|---|---|
//! | points models | every weighted criterion, price included | its ratio `r_c` | 0 |
//! | price per quality point (no corridor) | quality weights | `r_c / P` (ranks `Q / P` highest first, the same order as `P / Q` lowest first) | 0 |
//! | value added, deduction | quality criteria's money values | `r_c` | `−P` |
//! | value added, markup | quality criteria's money values | `r_c − 1` | `−P` |
//! | percent adjustment | quality weights (sum `W` kept) | `P × m × r_c / W` | `−P` (deduction) or `−P × (1 + m)` (markup) |
//!
//! For the money models the figure is minus the evaluation price, so highest first is lowest
//! evaluation price first. The extended price-per-quality-point method (with a corridor) and
//! quality relative to the best bid's total are not linear and have no form. Quality relative
//! to the best bid per criterion is: its ratios `r_c` are already relative, and re-weighting does
//! not change which bid is best on a criterion.

use serde::Serialize;
use tender_core::award::{AdjustMode, CriterionKind, PriceModel};
use tender_core::{Id, Lot};
use tender_score::Exact;
use tender_score::exact::Overflow;
use tender_score::result::{BidResult, LotEvaluation};

use crate::Reason;

/// What the re-weighted numbers are.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WeightBasis {
    /// The criteria's weights (percent or points), price included for points models.
    Weights,
    /// The quality criteria's money values (value-added model): what full marks are worth.
    MoneyValues,
}

/// The linear form of a lot's ranked bids.
pub(crate) struct LinearForm {
    /// Ranked bids, in the evaluation's rank order.
    pub(crate) bids: Vec<Id>,
    /// The weighted criteria (the columns).
    pub(crate) criteria: Vec<Id>,
    /// Whether each column is a quality criterion.
    pub(crate) quality: Vec<bool>,
    /// The published weights (or money values).
    pub(crate) weights: Vec<Exact>,
    /// Their sum.
    pub(crate) total: Exact,
    /// Per bid.
    pub(crate) constant: Vec<Exact>,
    /// Row-major: `coef[b × criteria + c]`.
    pub(crate) coef: Vec<Exact>,
    /// What the weights are.
    pub(crate) basis: WeightBasis,
}

impl LinearForm {
    pub(crate) fn columns(&self) -> usize {
        self.criteria.len()
    }

    pub(crate) fn row(&self, b: usize) -> &[Exact] {
        let n = self.columns();
        &self.coef[b * n..(b + 1) * n]
    }

    /// `Σ weight × coefficient` of bid `b` at the published weights (without the constant).
    pub(crate) fn weighted(&self, b: usize) -> Result<Exact, Overflow> {
        let mut sum = Exact::ZERO;
        for (w, x) in self.weights.iter().zip(self.row(b)) {
            sum = sum.checked_add(w.checked_mul(*x)?)?;
        }
        Ok(sum)
    }
}

fn ratio_of(bid: &BidResult, id: &Id) -> Option<Exact> {
    bid.criteria.iter().find(|r| &r.criterion == id).map(|r| r.ratio)
}

/// The weight a quality criterion carries in the quality points (its weight, normalised where the
/// weighting says so, else its money value), as the scoring crate uses it.
pub(crate) fn quality_weight(award: &tender_core::AwardModel, c: &tender_core::Criterion) -> Result<Exact, Overflow> {
    tender_score::weights::effective(award, c)
}

/// Builds the form, or says why the lot has none.
pub(crate) fn linear_form(lot: &Lot, eval: &LotEvaluation) -> Result<LinearForm, Reason> {
    let award = &lot.award;
    let ranked: Vec<&BidResult> = eval.bids.iter().filter(|b| b.rank.is_some()).collect();
    if ranked.is_empty() {
        return Err(Reason::NoRankedBid);
    }
    let overflow = |_: Overflow| Reason::TooLarge;
    let mut criteria = Vec::new();
    let mut quality = Vec::new();
    let mut weights = Vec::new();
    let basis;
    let model = &award.price_model;
    if award.quality.relative == Some(tender_core::award::RelativeQuality::QualityTotal) {
        return Err(Reason::RelativeQualityTotal);
    }
    if award.relative_total {
        return Err(Reason::RelativeTotal);
    }
    // Re-weighting a criterion scored by a custom formula scales its points only where they are
    // proportional to its weight (`max`).
    for c in award.criteria.iter().filter(|c| c.weight.is_some()) {
        let formula = match (&c.measure, c.kind) {
            (Some(m), _) => match &m.rule {
                tender_core::measure::MeasureRule::Formula { formula, .. } => Some(formula),
                _ => None,
            },
            (None, kind) if kind != CriterionKind::Quality => match award.model_of(c) {
                PriceModel::Formula { formula, .. } => Some(formula),
                _ => None,
            },
            _ => None,
        };
        if let Some(f) = formula
            && !tender_core::formula::parse(f).is_ok_and(|e| tender_core::formula::proportional_to(&e, "max"))
        {
            return Err(Reason::FormulaNotProportional { criterion: c.id.clone() });
        }
    }
    match model {
        PriceModel::PricePerQualityPoint { corridor: Some(_), .. } => {
            return Err(Reason::Corridor);
        }
        PriceModel::ValueAdded { .. } => {
            basis = WeightBasis::MoneyValues;
            for c in award.quality_criteria() {
                criteria.push(c.id.clone());
                quality.push(true);
                weights.push(c.value.map_or(Exact::ZERO, |v| Exact::from_decimal(v.get())));
            }
        }
        PriceModel::PricePerQualityPoint { .. } | PriceModel::PercentAdjustment { .. } => {
            basis = WeightBasis::Weights;
            for c in award.quality_criteria() {
                criteria.push(c.id.clone());
                quality.push(true);
                weights.push(quality_weight(award, c).map_err(overflow)?);
            }
        }
        _ => {
            basis = WeightBasis::Weights;
            let price_id = award.price_criterion().map(|c| c.id.clone());
            for c in &award.criteria {
                // Every price criterion where they score price components; else the first.
                let is_price =
                    c.kind != CriterionKind::Quality && (award.has_components() || Some(&c.id) == price_id.as_ref());
                if c.kind != CriterionKind::Quality && !is_price {
                    continue; // A second price or cost criterion is not scored.
                }
                if c.weight.is_none() {
                    continue;
                }
                criteria.push(c.id.clone());
                quality.push(!is_price);
                // Normalised weights are compared as the percentages they carry.
                weights.push(tender_score::weights::effective(award, c).map_err(overflow)?);
            }
        }
    }
    let mut total = Exact::ZERO;
    for w in &weights {
        total = total.checked_add(*w).map_err(overflow)?;
    }
    if criteria.is_empty() || total.is_zero() || total.is_negative() {
        return Err(Reason::NoWeightedCriteria);
    }
    let n = criteria.len();
    let mut constant = Vec::with_capacity(ranked.len());
    let mut coef = Vec::with_capacity(ranked.len() * n);
    let quality_total = {
        let mut s = Exact::ZERO;
        for (w, q) in weights.iter().zip(&quality) {
            if *q {
                s = s.checked_add(*w).map_err(overflow)?;
            }
        }
        s
    };
    for b in &ranked {
        let price = b
            .price
            .as_ref()
            .map(|p| p.evaluated.exact)
            .ok_or_else(|| Reason::MissingFigure { bid: b.bid.clone(), criterion: None })?;
        let missing = |id: &Id| Reason::MissingFigure { bid: b.bid.clone(), criterion: Some(id.clone()) };
        match model {
            PriceModel::ValueAdded { mode } => {
                constant.push(price.negate());
                for id in &criteria {
                    let r = ratio_of(b, id).ok_or_else(|| missing(id))?;
                    coef.push(match mode {
                        AdjustMode::Deduction => r,
                        AdjustMode::Markup => r.checked_sub(Exact::ONE).map_err(overflow)?,
                    });
                }
            }
            PriceModel::PricePerQualityPoint { .. } => {
                if !price.numer().is_positive() {
                    return Err(Reason::PriceNotPositive { bid: Some(b.bid.clone()) });
                }
                constant.push(Exact::ZERO);
                for id in &criteria {
                    let r = ratio_of(b, id).ok_or_else(|| missing(id))?;
                    coef.push(r.checked_div(price).map_err(overflow)?);
                }
            }
            PriceModel::PercentAdjustment { mode, max_percent } => {
                if quality_total.is_zero() {
                    return Err(Reason::NoQualityWeights);
                }
                let m = Exact::from_decimal(max_percent.get())
                    .checked_div(Exact::from_int(100).map_err(overflow)?)
                    .map_err(overflow)?;
                let pm = price.checked_mul(m).map_err(overflow)?;
                constant.push(match mode {
                    AdjustMode::Deduction => price.negate(),
                    AdjustMode::Markup => price.checked_add(pm).map_err(overflow)?.negate(),
                });
                for id in &criteria {
                    let r = ratio_of(b, id).ok_or_else(|| missing(id))?;
                    coef.push(pm.checked_mul(r).and_then(|x| x.checked_div(quality_total)).map_err(overflow)?);
                }
            }
            _ => {
                constant.push(Exact::ZERO);
                for (id, q) in criteria.iter().zip(&quality) {
                    let r = if *q {
                        ratio_of(b, id).ok_or_else(|| missing(id))?
                    } else if b.prices.is_empty() {
                        b.price.as_ref().and_then(|p| p.ratio).ok_or_else(|| missing(id))?
                    } else {
                        b.prices
                            .iter()
                            .find(|cp| &cp.criterion == id)
                            .and_then(|cp| cp.price.ratio)
                            .ok_or_else(|| missing(id))?
                    };
                    coef.push(r);
                }
            }
        }
    }
    Ok(LinearForm {
        bids: ranked.iter().map(|b| b.bid.clone()).collect(),
        criteria,
        quality,
        weights,
        total,
        constant,
        coef,
        basis,
    })
}
