//! Quality: evaluators' marks aggregated per criterion and sub-criterion, the sovereignty score,
//! and the weighted quality points.

use std::collections::HashMap;

use rust_decimal::Decimal;
use tender_core::award::{Aggregation, AwardModel, Criterion, RoundingStep, Scale};
use tender_core::sovereignty::OBJECTIVE_MAX_POINTS;
use tender_core::{Bid, Id, Objective, Score};

use crate::exact::{Exact, Overflow};
use crate::result::{CriterionResult, Figure, Mark, MarkList, Marks, ObjectiveResult, ScoreBasis, SubResult, Warning};

/// What is needed to score a leaf (a criterion without sub-criteria, or a sub-criterion).
pub(crate) struct Leaf<'a> {
    pub(crate) id: &'a Id,
    pub(crate) scale_max: Decimal,
    /// `scale_max` as an exact number.
    pub(crate) max: Exact,
    /// The largest spread of marks allowed before a disagreement is flagged, in points.
    pub(crate) allowed_spread: Decimal,
    /// The scale's lowest mark.
    pub(crate) scale_min: Decimal,
    /// One step of the scale (1 when the scale sets none).
    pub(crate) step: Decimal,
    /// The most the leaf's points in the quality total can move when one mark moves one step:
    /// `weight × share × step / max` (the full step: a median or consensus can move by it).
    pub(crate) step_effect: Exact,
}

/// How one quality criterion is scored.
enum Plan<'a> {
    /// From the sovereignty assessment.
    Sovereignty(&'a tender_core::award::SovereigntyScoring),
    /// From one leaf's marks.
    Leaf(usize),
    /// From the value the bid states.
    Measured(&'a tender_core::measure::Measure),
    /// From sub-criteria: (leaf, weight in percent, weight / 100).
    Subs(Vec<(usize, Decimal, Exact)>),
}

/// A quality criterion with everything a bid's scoring needs computed once.
struct Planned<'a> {
    criterion: &'a Criterion,
    weight: Exact,
    /// The criterion's scale maximum.
    max: Exact,
    minimum: Option<Exact>,
    plan: Plan<'a>,
}

/// The lot's quality criteria, prepared once for all bids.
pub(crate) struct QualityPlan<'a> {
    pub(crate) award: &'a AwardModel,
    /// Leaf id → leaf index.
    leaf_index: HashMap<&'a str, usize>,
    leaves: Vec<Leaf<'a>>,
    criteria: Vec<Planned<'a>>,
    /// Σ weights: the maximum quality points.
    pub(crate) max_points: Exact,
    /// Per criterion (in `criteria`'s order): the values of the bids in play, for a measured
    /// criterion's rule (see [`Self::observe`]).
    pub(crate) fields: Vec<Option<crate::measured::Field>>,
}

/// One mark of a bid, by its place in the bid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum MarkRef {
    /// `bid.scores[i]`.
    Evaluator(usize),
    /// `bid.consensus[i]`.
    Consensus(usize),
}

/// A problem scoring one bid's quality, in domain terms.
pub(crate) enum QualityError {
    /// A leaf criterion has no marks (and no consensus).
    Missing(Id),
    /// Under consensus aggregation a leaf has no consensus score.
    NoConsensus(Id),
    /// A measured criterion could not be scored.
    Measure(Id, crate::measured::MeasureError),
    /// Arithmetic overflow.
    Overflow,
}

impl From<Overflow> for QualityError {
    fn from(_: Overflow) -> Self {
        Self::Overflow
    }
}

impl<'a> QualityPlan<'a> {
    pub(crate) fn new(award: &'a AwardModel) -> Result<Self, Overflow> {
        let spread = award.quality.disagreement_spread.get();
        let mut leaf_index = HashMap::new();
        let mut leaves = Vec::new();
        let mut criteria = Vec::new();
        let mut max_points = Exact::ZERO;
        let hundred = Exact::from_int(100)?;
        let mut add_leaf = |id: &'a Id, scale: &Scale, leaves: &mut Vec<Leaf<'a>>| {
            leaf_index.insert(id.as_str(), leaves.len());
            leaves.push(Leaf {
                id,
                scale_max: scale.max.get(),
                max: Exact::from_decimal(scale.max.get()),
                allowed_spread: allowed_spread(scale, spread),
                scale_min: scale.min.get(),
                step: scale.step.map_or(Decimal::ONE, |s| s.get()),
                step_effect: Exact::ZERO,
            });
            leaves.len() - 1
        };
        for c in award.quality_criteria() {
            let weight = quality_weight(award, c)?;
            max_points = max_points.checked_add(weight)?;
            let scale = award.scale_of(c);
            let plan = if let Some(m) = &c.measure {
                Plan::Measured(m)
            } else if let Some(s) = &c.sovereignty {
                Plan::Sovereignty(s)
            } else if c.sub_criteria.is_empty() {
                Plan::Leaf(add_leaf(&c.id, &scale, &mut leaves))
            } else {
                let mut subs = Vec::with_capacity(c.sub_criteria.len());
                for s in &c.sub_criteria {
                    let sub_scale = s.scale.as_ref().map_or_else(|| scale.clone(), |sc| sc.resolve());
                    let leaf = add_leaf(&s.id, &sub_scale, &mut leaves);
                    subs.push((leaf, s.weight.get(), Exact::from_decimal(s.weight.get()).checked_div(hundred)?));
                }
                Plan::Subs(subs)
            };
            criteria.push(Planned {
                criterion: c,
                weight,
                max: Exact::from_decimal(scale.max.get()),
                minimum: c.minimum_score.map(|m| Exact::from_decimal(m.get())),
                plan,
            });
        }
        // What one step of one mark can move: weight × share × step / max per leaf.
        for p in &criteria {
            let list: Vec<(usize, Exact)> = match &p.plan {
                Plan::Sovereignty(_) | Plan::Measured(_) => Vec::new(),
                Plan::Leaf(l) => vec![(*l, Exact::ONE)],
                Plan::Subs(subs) => subs.iter().map(|&(l, _, share)| (l, share)).collect(),
            };
            for (l, share) in list {
                let leaf = &mut leaves[l];
                if !leaf.max.is_zero() {
                    leaf.step_effect = p
                        .weight
                        .checked_mul(share)?
                        .checked_mul(Exact::from_decimal(leaf.step))?
                        .checked_div(leaf.max)?;
                }
            }
        }
        let fields = vec![None; criteria.len()];
        Ok(Self { award, leaf_index, leaves, criteria, max_points, fields })
    }

    /// Takes each measured criterion's field (best, worst, lowest, highest, mean) from the values
    /// of the bids in play. The order of `bids` does not matter.
    pub(crate) fn observe<'b>(&mut self, bids: impl Iterator<Item = &'b Bid> + Clone) -> Result<(), Overflow> {
        for (k, p) in self.criteria.iter().enumerate() {
            let Plan::Measured(m) = &p.plan else { continue };
            let values: Vec<Decimal> =
                bids.clone().filter_map(|b| b.measure(&p.criterion.id)).map(|s| s.value.get()).collect();
            if let Some(slot) = self.fields.get_mut(k) {
                *slot = crate::measured::Field::of(m, &values)?;
            }
        }
        Ok(())
    }

    /// The leaf (criterion or sub-criterion scored by marks) with this id.
    pub(crate) fn leaf(&self, id: &str) -> Option<&Leaf<'a>> {
        self.leaf_position(id).map(|i| &self.leaves[i])
    }

    /// The position of the leaf with this id among the lot's leaves (criteria and sub-criteria
    /// scored by marks, in the award model's order).
    pub(crate) fn leaf_position(&self, id: &str) -> Option<usize> {
        self.leaf_index.get(id).copied()
    }

    /// The most the quality points can move when one mark moves one step.
    pub(crate) fn max_step_effect(&self) -> Exact {
        self.leaves.iter().map(|l| l.step_effect).max().unwrap_or(Exact::ZERO)
    }

    /// Scores every quality criterion of a bid. Warnings (disagreement, capped points) are
    /// appended to `warnings`.
    pub(crate) fn score(
        &self,
        bid: &Bid,
        warnings: &mut Vec<Warning>,
    ) -> Result<(Vec<CriterionResult>, Exact), QualityError> {
        self.score_with(bid, None, warnings)
    }

    /// [`Self::score`] with one mark read as another value: `(mark, value)` where `mark` is the
    /// index of an evaluator's mark in `bid.scores`, or of a consensus score in `bid.consensus`.
    pub(crate) fn score_with(
        &self,
        bid: &Bid,
        replace: Option<(MarkRef, Decimal)>,
        warnings: &mut Vec<Warning>,
    ) -> Result<(Vec<CriterionResult>, Exact), QualityError> {
        let policy = self.award.rounding;
        // Bucket the bid's marks by leaf in one pass. Marks usually come grouped and in the award
        // model's order, so the leaf of the previous mark, or the next one, is tried before the map.
        let mut marks: Vec<MarkList> = vec![MarkList::new(); self.leaves.len()];
        let mut cursor = 0usize;
        for (k, s) in bid.scores.iter().enumerate() {
            let id = s.criterion.as_str();
            let value = match replace {
                Some((MarkRef::Evaluator(r), v)) if r == k => v,
                _ => s.score.get(),
            };
            let found = [cursor, cursor + 1]
                .into_iter()
                .find(|&i| self.leaves.get(i).is_some_and(|l| l.id.as_str() == id))
                .or_else(|| self.leaf_index.get(id).copied());
            if let Some(i) = found {
                cursor = i;
                marks[i].push(Mark { evaluator: s.evaluator.clone(), score: value });
            }
        }
        let mut consensus: Vec<Option<Decimal>> = vec![None; self.leaves.len()];
        for (k, s) in bid.consensus.iter().enumerate() {
            if let Some(&i) = self.leaf_index.get(s.criterion.as_str()) {
                consensus[i] = Some(match replace {
                    Some((MarkRef::Consensus(r), v)) if r == k => v,
                    _ => s.score.get(),
                });
            }
        }
        let mut results = Vec::with_capacity(self.criteria.len());
        let mut total = Exact::ZERO;
        let grade_rule = policy.rule(RoundingStep::Grade);
        for (k, p) in self.criteria.iter().enumerate() {
            if let Plan::Measured(m) = &p.plan {
                let field = self.fields.get(k).and_then(Option::as_ref);
                let (measured, score, ratio, points) =
                    crate::measured::score(self.award, p.criterion, m, p.weight, field, bid)
                        .map_err(|e| QualityError::Measure(p.criterion.id.clone(), e))?;
                total = total.checked_add(points)?;
                results.push(CriterionResult {
                    criterion: p.criterion.id.clone(),
                    weight: p.weight,
                    basis: ScoreBasis::Measured(measured),
                    score,
                    ratio,
                    points: Figure { exact: points, value: points.round(policy.decimals, policy.strategy)? },
                    below_minimum: p.minimum.is_some_and(|m| score < m),
                    best: None,
                });
                continue;
            }
            let (basis, score, ratio) = match &p.plan {
                Plan::Sovereignty(scoring) => {
                    let (objectives, percent) = sovereignty(bid, scoring, warnings)?;
                    let percent = percent.round_by(grade_rule)?;
                    let ratio = percent.checked_div(Exact::from_int(100)?)?;
                    (ScoreBasis::Sovereignty { objectives }, percent, ratio)
                }
                Plan::Leaf(leaf) => {
                    let m = self.take(&mut marks, &consensus, *leaf, bid, warnings)?;
                    let score = m.score.round_by(grade_rule)?;
                    let ratio = score.checked_div(p.max)?;
                    (ScoreBasis::Marks(m), score, ratio)
                }
                Plan::Subs(list) => {
                    let mut subs = Vec::with_capacity(list.len());
                    let mut ratio = Exact::ZERO;
                    for &(leaf, weight, share) in list {
                        let m = self.take(&mut marks, &consensus, leaf, bid, warnings)?;
                        let r = m.score.checked_div(self.leaves[leaf].max)?;
                        ratio = ratio.checked_add(share.checked_mul(r)?)?;
                        subs.push(SubResult { criterion: self.leaves[leaf].id.clone(), weight, marks: m, ratio: r });
                    }
                    let mut score = ratio.checked_mul(p.max)?;
                    if grade_rule.is_some() {
                        score = score.round_by(grade_rule)?;
                        ratio = score.checked_div(p.max)?;
                    }
                    (ScoreBasis::SubCriteria { subs }, score, ratio)
                }
                Plan::Measured(_) => continue,
            };
            let ratio = ratio.round_by(policy.rule(RoundingStep::Ratio))?;
            let points = p.weight.checked_mul(ratio)?.round_by(policy.rule(RoundingStep::Criterion))?;
            total = total.checked_add(points)?;
            results.push(CriterionResult {
                criterion: p.criterion.id.clone(),
                weight: p.weight,
                basis,
                score,
                ratio,
                points: Figure { exact: points, value: points.round(policy.decimals, policy.strategy)? },
                below_minimum: p.minimum.is_some_and(|m| score < m),
                best: None,
            });
        }
        let total = total.round_by(policy.rule(RoundingStep::Quality))?;
        Ok((results, total))
    }

    /// Aggregates one leaf's marks (moving them out of `marks`).
    fn take(
        &self,
        marks: &mut [MarkList],
        consensus: &[Option<Decimal>],
        leaf: usize,
        bid: &Bid,
        warnings: &mut Vec<Warning>,
    ) -> Result<Marks, QualityError> {
        let l = &self.leaves[leaf];
        let list = std::mem::take(&mut marks[leaf]);
        let mut m =
            aggregate(self.award.quality.aggregation, list, consensus[leaf], l.scale_max, l.allowed_spread, l.id)?;
        m.score = m.score.round_by(self.award.rounding.rule(RoundingStep::Aggregate))?;
        if m.disagreement {
            let (lo, hi) = spread(&m.marks);
            warnings.push(Warning::Disagreement {
                bid: bid.id.clone(),
                criterion: l.id.clone(),
                lowest: lo,
                highest: hi,
                allowed: l.allowed_spread,
            });
        }
        Ok(m)
    }
}

/// The weight a quality criterion carries in the quality points: its weight (normalised where the
/// weighting says so), or (value-added model without weights) its money value, so quality points
/// are the value earned. See [`crate::weights::effective`].
pub(crate) fn quality_weight(award: &AwardModel, c: &Criterion) -> Result<Exact, Overflow> {
    crate::weights::effective(award, c)
}

fn spread(marks: &[Mark]) -> (Decimal, Decimal) {
    let lo = marks.iter().map(|m| m.score).min().unwrap_or_default();
    let hi = marks.iter().map(|m| m.score).max().unwrap_or_default();
    (lo, hi)
}

fn allowed_spread(scale: &Scale, percent: Decimal) -> Decimal {
    let range = scale.max.get() - scale.min.get();
    // percent ≤ 100 and range ≤ a decimal, so the product fits; saturate otherwise.
    range.checked_mul(percent).and_then(|x| x.checked_div(Decimal::ONE_HUNDRED)).unwrap_or(Decimal::MAX)
}

/// Aggregates a leaf's marks.
fn aggregate(
    aggregation: Aggregation,
    marks: MarkList,
    consensus: Option<Decimal>,
    scale_max: Decimal,
    allowed: Decimal,
    id: &Id,
) -> Result<Marks, QualityError> {
    // The marks as integers at their largest scale: one pass gives the sum and the spread.
    let scale = marks.iter().map(|m| m.score.scale()).max().unwrap_or(0);
    let mut sum: i128 = 0;
    let (mut lo, mut hi) = (i128::MAX, i128::MIN);
    for m in &marks {
        let factor = 10_i128.checked_pow(scale - m.score.scale()).ok_or(Overflow)?;
        let v = m.score.mantissa().checked_mul(factor).ok_or(Overflow)?;
        sum = sum.checked_add(v).ok_or(Overflow)?;
        lo = lo.min(v);
        hi = hi.max(v);
    }
    let disagreement =
        marks.len() >= 2 && Decimal::try_from_i128_with_scale(hi - lo, scale).map_or(true, |spread| spread > allowed);
    let score = match (aggregation, consensus) {
        (_, Some(c)) => Exact::from_decimal(c),
        (Aggregation::Consensus, None) => return Err(QualityError::NoConsensus(id.clone())),
        (_, None) if marks.is_empty() => return Err(QualityError::Missing(id.clone())),
        (Aggregation::Mean, None) => {
            let n = i128::try_from(marks.len()).map_err(|_| Overflow)?;
            Exact::new(sum, 10_i128.checked_pow(scale).ok_or(Overflow)?.checked_mul(n).ok_or(Overflow)?)?
        }
        (Aggregation::Median, None) => {
            let mut sorted: smallvec::SmallVec<[Decimal; 8]> = marks.iter().map(|m| m.score).collect();
            sorted.sort();
            let n = sorted.len();
            if n % 2 == 1 {
                Exact::from_decimal(sorted[n / 2])
            } else {
                Exact::from_decimal(sorted[n / 2 - 1])
                    .checked_add(Exact::from_decimal(sorted[n / 2]))?
                    .checked_div(Exact::from_int(2)?)?
            }
        }
    };
    Ok(Marks { aggregation, marks, consensus, scale_max, score, disagreement })
}

/// The sovereignty score in percent: `Σ points / out_of × weight` over the objectives, where
/// `out_of` is 1000 (the calculator's nominal maximum) or the assessment's own scale. The points
/// are not capped: the calculator's rounded answer values can sum to 1002 of 1000, and its score
/// can exceed 100 % (a perfect response scores 100.0756 %), so the engine follows it.
fn sovereignty(
    bid: &Bid,
    scoring: &tender_core::award::SovereigntyScoring,
    warnings: &mut Vec<Warning>,
) -> Result<(Vec<ObjectiveResult>, Exact), Overflow> {
    let mut total = Exact::ZERO;
    let mut out = Vec::with_capacity(Objective::ALL.len());
    for o in Objective::ALL {
        let weight = scoring.weights.weight(o).get();
        let assessment = bid.sovereignty.as_ref();
        let objective = assessment.and_then(|s| s.objectives.get(&o));
        let exact = objective.and_then(|a| a.points()).unwrap_or(Score::ZERO).get();
        // The calculator workbook's per-answer rounding, where the tender asks for it.
        let stated = match (scoring.answer_decimals, objective) {
            (Some(decimals), Some(a)) if !a.answers.is_empty() => a
                .answers
                .iter()
                .try_fold(Decimal::ZERO, |acc, x| {
                    acc.checked_add(
                        x.points
                            .get()
                            .round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::MidpointAwayFromZero),
                    )
                })
                .ok_or(Overflow)?,
            _ => exact,
        };
        let unrounded = (stated != exact).then_some(exact);
        let out_of = assessment.map_or(OBJECTIVE_MAX_POINTS, |s| s.scale_of(o));
        if stated > out_of {
            warnings.push(Warning::PointsAboveMaximum { bid: bid.id.clone(), objective: o });
        }
        let points = stated.max(Decimal::ZERO);
        let contribution = if out_of > Decimal::ZERO {
            Exact::from_decimal(points)
                .checked_div(Exact::from_decimal(out_of))?
                .checked_mul(Exact::from_decimal(weight))?
        } else {
            Exact::ZERO
        };
        total = total.checked_add(contribution)?;
        let answered = assessment.and_then(|s| s.objectives.get(&o)).map(|a| a.answers.len()).filter(|n| *n > 0);
        out.push(ObjectiveResult { objective: o, points, unrounded, out_of, weight, contribution, answered });
    }
    Ok((out, total))
}
