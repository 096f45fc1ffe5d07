//! Price-model comparison: the lot evaluated again under each alternative price model and
//! rounding policy, so a buyer can see before publishing which choices would change the winner.
//!
//! Each variant is a copy of the tender with only that lot (and its bids) and the lot's award model
//! changed, evaluated by `tender_score::evaluate`: nothing is approximated. The alternatives are
//! the nine kinds with typical parameters, taken from the tender where it has them:
//!
//! | Kind | Parameters |
//! |---|---|
//! | proportional, min-max | none |
//! | linear-slope | the tender's slope, else 50 % |
//! | linear-from-lowest | floored at zero |
//! | logarithmic | the tender's `zero_at`, else 100 % |
//! | fixed-span | the tender's span, else 0 to twice the lot's estimated value (skipped without one) |
//! | price per quality point | the simple method (no corridor); the tender's, if it uses the extended method |
//! | value added (deduction) | the criteria's money values, else the lot's estimated value shared out by the weights: a criterion weighted `w` of `W` (price included) is worth `w / W × estimate` at full marks |
//! | percent adjustment (markup) | the tender's, else `100 × quality weight / price weight` (the published Norwegian rule) |
//!
//! A points model needs a price weight: when the tender has none (price per quality point, money
//! models), price gets the sum of the quality weights, a 50/50 split, and the variant says so.
//! The tender's own model is also evaluated under other rounding policies: each rounding step at
//! the tender's decimals, and 0 decimals at the tender's step.

use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;
use tender_core::award::{AdjustMode, CorridorDecision, CriterionKind, PriceModel, RoundingPolicy, RoundingStep};
use tender_core::{Bid, Id, Lot, Money, Percent, Tender, Weight};
use tender_score::explain::{Notation, Plain};
use tender_score::result::LotEvaluation;

use crate::Reason;

/// The comparison of a lot's price models and rounding policies.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PriceModelComparison {
    /// The tender's own model and policy, first, then the alternatives.
    pub variants: Vec<Variant>,
}

/// One price model and rounding policy.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Variant {
    /// A short description in plain English, e.g. `linear-slope 50 %`.
    pub label: String,
    /// Whether it is the tender's own model and policy.
    pub own: bool,
    /// The kind of price model ([`PriceModel::key`]), also when its parameters could not be
    /// derived.
    pub kind: &'static str,
    /// The price model with its parameters; `None` when they could not be derived (the outcome
    /// says why).
    pub model: Option<PriceModel>,
    /// The rounding policy.
    pub rounding: RoundingPolicy,
    /// Parameters the analysis had to choose.
    pub assumptions: Vec<Assumption>,
    /// The outcome.
    pub outcome: Outcome,
}

/// A parameter the analysis chose because the tender does not give it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Assumption {
    /// A points model needs a price weight and the tender gives price none: price gets the sum of
    /// the quality weights (a 50/50 split).
    PriceWeight {
        /// The price weight given, the sum of the quality weights.
        weight: Decimal,
    },
    /// Value added needs the quality criteria's money values and the tender gives none: the lot's
    /// estimated value is shared out by the weights, price's share included.
    MoneyValues {
        /// The lot's estimated value.
        estimate: Decimal,
        /// Price's share of the weights (its weight, or the quality weights' sum when it has
        /// none).
        price_share: Decimal,
        /// The sum of the weights, price's share included.
        total: Decimal,
        /// The money value of each quality criterion at full marks.
        values: Vec<MoneyValue>,
    },
}

/// A quality criterion's derived money value.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MoneyValue {
    /// The criterion.
    pub criterion: Id,
    /// What full marks are worth.
    pub value: Decimal,
}

impl fmt::Display for Assumption {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::PriceWeight { weight } => write!(
                f,
                "price weighted {} (the sum of the quality weights: 50/50), as the tender gives price no weight",
                weight.normalize()
            ),
            Self::MoneyValues { estimate, price_share, total, values } => {
                let parts: Vec<String> =
                    values.iter().map(|v| format!("{} {}", v.criterion, Plain.number(v.value.normalize()))).collect();
                write!(
                    f,
                    "money values derived from the estimated value {} shared by the weights (price's share {} of {}): {}",
                    Plain.number(estimate.normalize()),
                    Plain.number(price_share.normalize()),
                    Plain.number(total.normalize()),
                    parts.join(", ")
                )
            }
        }
    }
}

/// What a variant gives.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Outcome {
    /// The ranking.
    Ranked {
        /// Ranked bids in rank order, with rank and published figure.
        ranking: Vec<Ranked>,
        /// The awarded bids.
        awarded: Vec<Id>,
        /// Whether the winner differs from the tender's own model's.
        changes_winner: bool,
        /// Whether the awarded set differs from the tender's own model's.
        changes_awarded: bool,
        /// Ties the tie-break had to decide.
        ties: usize,
    },
    /// The variant could not be evaluated.
    Failed {
        /// Why.
        reason: Reason,
    },
}

/// A ranked bid under a variant.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Ranked {
    /// The bid.
    pub bid: Id,
    /// Its rank.
    pub rank: u32,
    /// Its published comparison figure.
    pub figure: Decimal,
}

/// The label of a model with its parameters.
pub fn label(model: &PriceModel) -> String {
    match model {
        PriceModel::LinearSlope { slope } => format!("linear-slope {slope} %"),
        PriceModel::LinearFromLowest { floor_at_zero: true } => "linear-from-lowest, floored at 0".to_owned(),
        PriceModel::LinearFromLowest { floor_at_zero: false } => "linear-from-lowest".to_owned(),
        PriceModel::FixedSpan { low, high } => {
            format!("fixed-span {}-{}", Plain.number(low.get().normalize()), Plain.number(high.get().normalize()))
        }
        PriceModel::Logarithmic { zero_at } => format!("logarithmic, 0 at +{zero_at} %"),
        PriceModel::PricePerQualityPoint { corridor: Some(c), decision } => format!(
            "price-per-quality-point, corridor {c} %, {}",
            match decision {
                CorridorDecision::HigherQuality => "higher quality",
                CorridorDecision::LowerPrice => "lower price",
            }
        ),
        PriceModel::ValueAdded { mode } | PriceModel::PercentAdjustment { mode, .. } => {
            let m = match mode {
                AdjustMode::Deduction => "deduction",
                AdjustMode::Markup => "markup",
            };
            match model {
                PriceModel::PercentAdjustment { max_percent, .. } => format!("percent-adjustment {m} {max_percent} %"),
                _ => format!("value-added {m}"),
            }
        }
        PriceModel::Formula { formula, .. } => format!("formula {formula}"),
        other => other.key().to_owned(),
    }
}

fn rounding_label(p: RoundingPolicy) -> String {
    let at = p.at.key();
    let strategy = serde_plain_strategy(p.strategy);
    let plural = if p.decimals == 1 { "" } else { "s" };
    format!("{} decimal{plural} at the {at} step, {strategy}", p.decimals)
}

fn serde_plain_strategy(s: tender_core::award::RoundingStrategy) -> &'static str {
    use tender_core::award::RoundingStrategy as R;
    match s {
        R::HalfUp => "half-up",
        R::HalfEven => "half-even",
        R::HalfDown => "half-down",
        R::Down => "down",
        R::Up => "up",
    }
}

/// A weight as a decimal for an alternative model's assumed parameters (a price weight, a split of
/// the estimate into money values, a percent-adjustment maximum): the decimal as written, or a
/// fraction to 20 places. Only ratios of weights in one unit are used, so a `normalised` tender's
/// weights serve as written; the assumed figures are rounded far coarser than 20 places.
fn weight_value(w: Weight) -> Decimal {
    w.decimal().unwrap_or_else(|| w.rounded(20))
}

fn checked_sum(values: impl Iterator<Item = Decimal>) -> Option<Decimal> {
    values.into_iter().try_fold(Decimal::ZERO, |acc, x| acc.checked_add(x))
}

/// The lot's award model rewritten for `model`, with the parameters it needs, and what was assumed.
fn adapt(lot: &Lot, model: &PriceModel) -> Result<(Lot, Vec<Assumption>), Reason> {
    let mut lot = lot.clone();
    let mut assumptions = Vec::new();
    let award = &mut lot.award;
    let quality_weight = checked_sum(
        award
            .criteria
            .iter()
            .filter(|c| c.kind == CriterionKind::Quality)
            .map(|c| c.weight.map(weight_value).or_else(|| c.value.map(|v| v.get())).unwrap_or_default()),
    )
    .ok_or(Reason::ParametersTooLarge)?;
    let price_index = award.criteria.iter().position(|c| c.kind != CriterionKind::Quality);
    let price_weight = price_index.and_then(|i| award.criteria[i].weight).map(weight_value);
    if model.is_points_model() {
        let i = price_index.ok_or(Reason::NoPriceCriterion)?;
        if price_weight.is_none() {
            award.criteria[i].weight = Some(Weight::new(quality_weight));
            assumptions.push(Assumption::PriceWeight { weight: quality_weight });
        }
    }
    if let PriceModel::ValueAdded { .. } = model {
        let missing = award.quality_criteria().any(|c| c.value.is_none());
        if missing {
            let estimate = lot.estimated_value.ok_or(Reason::NoEstimateForMoneyValues)?.get();
            let price = price_weight.unwrap_or(quality_weight);
            let sum = price.checked_add(quality_weight).ok_or(Reason::ParametersTooLarge)?;
            if sum.is_zero() {
                return Err(Reason::NoWeightsToShare);
            }
            let mut values = Vec::new();
            for c in lot.award.criteria.iter_mut().filter(|c| c.kind == CriterionKind::Quality) {
                let w = c.weight.map(weight_value).unwrap_or_default();
                let v = estimate
                    .checked_mul(w)
                    .and_then(|x| x.checked_div(sum))
                    .ok_or(Reason::ParametersTooLarge)?
                    .round_dp(0);
                c.value = Some(Money::new(v));
                values.push(MoneyValue { criterion: c.id.clone(), value: v });
            }
            assumptions.push(Assumption::MoneyValues { estimate, price_share: price, total: sum, values });
        }
    }
    lot.award.price_model = model.clone();
    // Totals relative to the best one apply where the highest total wins; the models where the
    // lowest figure wins compare no totals.
    lot.award.relative_total &= model.is_points_model();
    Ok((lot, assumptions))
}

/// The alternative models for a lot, with the tender's parameters where it has them.
fn alternatives(lot: &Lot) -> Vec<Result<PriceModel, (&'static str, Reason)>> {
    let own = &lot.award.price_model;
    let slope = match own {
        PriceModel::LinearSlope { slope } => *slope,
        _ => Percent::from(50),
    };
    let zero_at = match own {
        PriceModel::Logarithmic { zero_at } => *zero_at,
        _ => Percent::from(100),
    };
    let fixed_span = match own {
        PriceModel::FixedSpan { .. } => Ok(own.clone()),
        _ => match lot.estimated_value {
            Some(v) => match v.get().checked_mul(Decimal::TWO) {
                Some(high) => Ok(PriceModel::FixedSpan { low: Money::ZERO, high: Money::new(high) }),
                None => Err(("fixed-span", Reason::ParametersTooLarge)),
            },
            None => Err(("fixed-span", Reason::NoEstimateForSpan)),
        },
    };
    let ppqp = match own {
        PriceModel::PricePerQualityPoint { .. } => own.clone(),
        _ => PriceModel::PricePerQualityPoint { corridor: None, decision: CorridorDecision::HigherQuality },
    };
    let value_added = match own {
        PriceModel::ValueAdded { .. } => own.clone(),
        _ => PriceModel::ValueAdded { mode: AdjustMode::Deduction },
    };
    let percent = match own {
        PriceModel::PercentAdjustment { .. } => Ok(own.clone()),
        _ => {
            let award = &lot.award;
            let q = checked_sum(award.quality_criteria().map(|c| c.weight.map(weight_value).unwrap_or_default()));
            let p = award.price_criterion().and_then(|c| c.weight).map(weight_value).filter(|p| !p.is_zero());
            // The published Norwegian rule: 100 × quality weight / price weight; 100 % (50/50)
            // without a price weight.
            let max = match (q, p) {
                (Some(q), Some(p)) => Decimal::ONE_HUNDRED.checked_mul(q).and_then(|x| x.checked_div(p)),
                _ => Some(Decimal::ONE_HUNDRED),
            };
            match max {
                Some(m) => Ok(PriceModel::PercentAdjustment {
                    mode: AdjustMode::Markup,
                    max_percent: Percent::new(m.round_dp(2)),
                }),
                None => Err(("percent-adjustment", Reason::ParametersTooLarge)),
            }
        }
    };
    vec![
        Ok(PriceModel::Proportional),
        Ok(PriceModel::LinearSlope { slope }),
        Ok(PriceModel::LinearFromLowest { floor_at_zero: true }),
        Ok(PriceModel::MinMax),
        fixed_span,
        Ok(PriceModel::Logarithmic { zero_at }),
        Ok(ppqp),
        Ok(value_added),
        percent,
    ]
}

fn single_lot(tender: &Tender, lot: Lot) -> Tender {
    let mut t = tender.clone();
    t.lots = vec![lot];
    t.lot_groups.clear();
    t.lot_award_order = None;
    t.max_lots_awarded_per_bidder = None;
    t
}

fn outcome_of(eval: &LotEvaluation) -> (Vec<Ranked>, Vec<Id>, usize) {
    let ranking = eval
        .bids
        .iter()
        .filter_map(|b| Some(Ranked { bid: b.bid.clone(), rank: b.rank?, figure: b.total?.value }))
        .collect();
    (ranking, eval.awarded.clone(), eval.ties.len())
}

fn evaluate_variant(tender: &Tender, lot: Lot, bids: &[Bid]) -> Result<(Vec<Ranked>, Vec<Id>, usize), Reason> {
    let t = single_lot(tender, lot);
    let e = tender_score::evaluate_with(&t, bids, tender_score::Detail::Figures).map_err(|e| Reason::evaluation(&e))?;
    e.lots
        .first()
        .map(outcome_of)
        .ok_or_else(|| Reason::EvaluationFailed { bid: None, message: "the evaluation has no lot".to_owned() })
}

/// The ranking of a lot under the alternative price models and rounding policies.
///
/// # Errors
/// The [`Reason`] when the tender's own model cannot be evaluated.
pub fn compare_price_models(tender: &Tender, lot: &Lot, bids: &[Bid]) -> Result<PriceModelComparison, Reason> {
    if lot.award.has_components() {
        return Err(Reason::SeveralPriceCriteria);
    }
    let own_model = lot.award.price_model.clone();
    let own_policy = lot.award.rounding;
    let (own_ranking, own_awarded, own_ties) = evaluate_variant(tender, lot.clone(), bids)?;
    let own_winner = own_ranking.first().filter(|r| r.rank == 1).map(|r| r.bid.clone());
    let mut variants = vec![Variant {
        label: format!("{} (the tender's), {}", label(&own_model), rounding_label(own_policy)),
        own: true,
        kind: own_model.key(),
        model: Some(own_model.clone()),
        rounding: own_policy,
        assumptions: Vec::new(),
        outcome: Outcome::Ranked {
            ranking: own_ranking,
            awarded: own_awarded.clone(),
            changes_winner: false,
            changes_awarded: false,
            ties: own_ties,
        },
    }];
    let judge = |r: Result<(Vec<Ranked>, Vec<Id>, usize), Reason>| match r {
        Ok((ranking, awarded, ties)) => {
            let winner = ranking.first().filter(|r| r.rank == 1).map(|r| r.bid.clone());
            let mut a = awarded.clone();
            let mut b = own_awarded.clone();
            a.sort();
            b.sort();
            Outcome::Ranked { changes_winner: winner != own_winner, changes_awarded: a != b, ranking, awarded, ties }
        }
        Err(reason) => Outcome::Failed { reason },
    };
    // The tender's model under other rounding policies.
    let mut policies = Vec::new();
    for at in [RoundingStep::Ratio, RoundingStep::Criterion, RoundingStep::Total] {
        policies.push(RoundingPolicy { at, ..own_policy });
    }
    policies.push(RoundingPolicy { decimals: 0, ..own_policy });
    policies.dedup();
    for policy in policies.into_iter().filter(|p| *p != own_policy) {
        let mut l = lot.clone();
        l.award.rounding = policy;
        variants.push(Variant {
            label: format!("{}, {}", label(&own_model), rounding_label(policy)),
            own: false,
            kind: own_model.key(),
            model: Some(own_model.clone()),
            rounding: policy,
            assumptions: Vec::new(),
            outcome: judge(evaluate_variant(tender, l, bids)),
        });
    }
    // The other models at the tender's rounding.
    for alt in alternatives(lot) {
        let model = match alt {
            Ok(m) => m,
            Err((kind, reason)) => {
                variants.push(Variant {
                    label: kind.to_owned(),
                    own: false,
                    kind,
                    model: None,
                    rounding: own_policy,
                    assumptions: Vec::new(),
                    outcome: Outcome::Failed { reason },
                });
                continue;
            }
        };
        if model == own_model {
            continue;
        }
        let (outcome, assumptions) = match adapt(lot, &model) {
            Ok((l, assumptions)) => (judge(evaluate_variant(tender, l, bids)), assumptions),
            Err(reason) => (Outcome::Failed { reason }, Vec::new()),
        };
        variants.push(Variant {
            label: label(&model),
            own: false,
            kind: model.key(),
            model: Some(model),
            rounding: own_policy,
            assumptions,
            outcome,
        });
    }
    Ok(PriceModelComparison { variants })
}
