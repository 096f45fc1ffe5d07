//! Quality: evaluators' marks aggregated per criterion and sub-criterion, the sovereignty score,
//! and the weighted quality points.

use std::collections::HashMap;

use rust_decimal::Decimal;
use tender_core::award::{Aggregation, AwardModel, Criterion, RoundingStep, Scale};
use tender_core::sovereignty::OBJECTIVE_MAX_POINTS;
use tender_core::{Bid, Id, Objective, Score};

use crate::exact::{Exact, Overflow};
use crate::result::{CriterionResult, Figure, Mark, MarkList, Marks, ObjectiveResult, ScoreBasis, SubResult, Warning};

/// What is needed to score a leaf: where its marks are, and its scale.
pub(crate) struct Leaf {
    pub(crate) scale: Scale,
    /// The largest spread of marks allowed before a disagreement is flagged, in points.
    pub(crate) allowed_spread: Decimal,
}

/// The lot's quality criteria, prepared once for all bids.
pub(crate) struct QualityPlan<'a> {
    pub(crate) award: &'a AwardModel,
    /// Leaf id → leaf index; a leaf is a criterion without sub-criteria or a sub-criterion.
    pub(crate) leaf_index: HashMap<&'a str, usize>,
    /// Leaf ids in leaf order.
    pub(crate) leaf_ids: Vec<&'a str>,
    pub(crate) leaves: Vec<Leaf>,
    /// Per quality criterion (in order): its weight for quality points.
    pub(crate) weights: Vec<Exact>,
    /// Σ weights: the maximum quality points.
    pub(crate) max_points: Exact,
}

/// A problem scoring one bid's quality, in domain terms.
pub(crate) enum QualityError {
    /// A leaf criterion has no marks (and no consensus).
    Missing(Id),
    /// Under consensus aggregation a leaf has no consensus score.
    NoConsensus(Id),
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
        let mut leaf_index = HashMap::new();
        let mut leaf_ids = Vec::new();
        let mut leaves = Vec::new();
        let mut weights = Vec::new();
        let mut max_points = Exact::ZERO;
        for c in award.quality_criteria() {
            let w = quality_weight(c);
            max_points = max_points.checked_add(w)?;
            weights.push(w);
            if c.sovereignty.is_some() {
                continue;
            }
            let scale = award.scale_of(c);
            if c.sub_criteria.is_empty() {
                leaf_index.insert(c.id.as_str(), leaves.len());
                leaf_ids.push(c.id.as_str());
                let allowed_spread = allowed_spread(&scale, award.quality.disagreement_spread.get());
                leaves.push(Leaf { scale, allowed_spread });
            } else {
                for s in &c.sub_criteria {
                    leaf_index.insert(s.id.as_str(), leaves.len());
                    leaf_ids.push(s.id.as_str());
                    let scale = s.scale.as_ref().map_or_else(|| scale.clone(), |sc| sc.resolve());
                    let allowed_spread = allowed_spread(&scale, award.quality.disagreement_spread.get());
                    leaves.push(Leaf { scale, allowed_spread });
                }
            }
        }
        Ok(Self { award, leaf_index, leaf_ids, leaves, weights, max_points })
    }

    /// Scores every quality criterion of a bid. Warnings (disagreement, capped points) are
    /// appended to `warnings`.
    pub(crate) fn score(
        &self,
        bid: &Bid,
        warnings: &mut Vec<Warning>,
    ) -> Result<(Vec<CriterionResult>, Exact), QualityError> {
        let policy = self.award.rounding;
        // Bucket the bid's marks by leaf in one pass. Marks usually come grouped and in the award
        // model's order, so the leaf of the previous mark, or the next one, is tried before the map.
        let mut marks: Vec<MarkList> = vec![MarkList::new(); self.leaves.len()];
        let mut cursor = 0usize;
        for s in &bid.scores {
            let id = s.criterion.as_str();
            let found = [cursor, cursor + 1]
                .into_iter()
                .find(|&i| self.leaf_ids.get(i).is_some_and(|l| *l == id))
                .or_else(|| self.leaf_index.get(id).copied());
            if let Some(i) = found {
                cursor = i;
                marks[i].push(Mark { evaluator: s.evaluator.clone(), score: s.score.get() });
            }
        }
        let mut consensus: Vec<Option<Decimal>> = vec![None; self.leaves.len()];
        for s in &bid.consensus {
            if let Some(&i) = self.leaf_index.get(s.criterion.as_str()) {
                consensus[i] = Some(s.score.get());
            }
        }
        let mut results = Vec::with_capacity(self.weights.len());
        let mut total = Exact::ZERO;
        for (c, &weight) in self.award.quality_criteria().zip(&self.weights) {
            let (basis, score, ratio) = if let Some(s) = &c.sovereignty {
                let (objectives, percent) = sovereignty(bid, &s.weights, warnings)?;
                let ratio = percent.checked_div(Exact::from_int(100)?)?;
                (ScoreBasis::Sovereignty { objectives }, percent, ratio)
            } else if c.sub_criteria.is_empty() {
                let m = self.take(&mut marks, &consensus, &c.id, bid, warnings)?;
                let scale = self.award.scale_of(c);
                let ratio = m.score.checked_div(Exact::from_decimal(scale.max.get()))?;
                let score = m.score;
                (ScoreBasis::Marks(m), score, ratio)
            } else {
                let mut subs = Vec::with_capacity(c.sub_criteria.len());
                let mut ratio = Exact::ZERO;
                for s in &c.sub_criteria {
                    let m = self.take(&mut marks, &consensus, &s.id, bid, warnings)?;
                    let i = self.leaf_index.get(s.id.as_str()).copied().unwrap_or(0);
                    let max = self.leaves.get(i).map_or(Decimal::ONE, |l| l.scale.max.get());
                    let r = m.score.checked_div(Exact::from_decimal(max))?;
                    let w = Exact::from_decimal(s.weight.get());
                    ratio = ratio.checked_add(w.checked_mul(r)?.checked_div(Exact::from_int(100)?)?)?;
                    subs.push(SubResult { criterion: s.id.clone(), weight: s.weight.get(), marks: m, ratio: r });
                }
                let scale = self.award.scale_of(c);
                let score = ratio.checked_mul(Exact::from_decimal(scale.max.get()))?;
                (ScoreBasis::SubCriteria { subs }, score, ratio)
            };
            let ratio = if policy.at == RoundingStep::Ratio {
                Exact::from_decimal(ratio.round(policy.decimals, policy.strategy)?)
            } else {
                ratio
            };
            let mut points = weight.checked_mul(ratio)?;
            if policy.at == RoundingStep::Criterion {
                points = Exact::from_decimal(points.round(policy.decimals, policy.strategy)?);
            }
            total = total.checked_add(points)?;
            let below_minimum = c.minimum_score.is_some_and(|m| score < Exact::from_decimal(m.get()));
            results.push(CriterionResult {
                criterion: c.id.clone(),
                weight: weight_decimal(c),
                basis,
                score,
                ratio,
                points: Figure { exact: points, value: points.round(policy.decimals, policy.strategy)? },
                below_minimum,
            });
        }
        Ok((results, total))
    }

    /// Aggregates one leaf's marks (moving them out of `marks`).
    fn take(
        &self,
        marks: &mut [MarkList],
        consensus: &[Option<Decimal>],
        id: &Id,
        bid: &Bid,
        warnings: &mut Vec<Warning>,
    ) -> Result<Marks, QualityError> {
        let i = self.leaf_index.get(id.as_str()).copied().ok_or_else(|| QualityError::Missing(id.clone()))?;
        let leaf = &self.leaves[i];
        let list = std::mem::take(&mut marks[i]);
        let m = aggregate(self.award.quality.aggregation, list, consensus[i], &leaf.scale, leaf.allowed_spread, id)?;
        if m.disagreement {
            let (lo, hi) = spread(&m.marks);
            warnings.push(Warning::Disagreement {
                bid: bid.id.clone(),
                criterion: id.clone(),
                lowest: lo,
                highest: hi,
                allowed: leaf.allowed_spread,
            });
        }
        Ok(m)
    }
}

/// The weight a quality criterion carries in the quality points: its weight, or (value-added
/// model without weights) its money value, so quality points are the value earned.
pub(crate) fn quality_weight(c: &Criterion) -> Exact {
    Exact::from_decimal(weight_decimal(c))
}

fn weight_decimal(c: &Criterion) -> Decimal {
    c.weight.map(|w| w.get()).or_else(|| c.value.map(|v| v.get())).unwrap_or(Decimal::ZERO)
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
    scale: &Scale,
    allowed: Decimal,
    id: &Id,
) -> Result<Marks, QualityError> {
    let disagreement = marks.len() >= 2 && {
        let (lo, hi) = spread(&marks);
        hi - lo > allowed
    };
    let score = match (aggregation, consensus) {
        (_, Some(c)) => Exact::from_decimal(c),
        (Aggregation::Consensus, None) => return Err(QualityError::NoConsensus(id.clone())),
        (_, None) if marks.is_empty() => return Err(QualityError::Missing(id.clone())),
        (Aggregation::Mean, None) => {
            // Σ marks / n as one fraction: the marks' mantissas at their largest scale.
            let scale = marks.iter().map(|m| m.score.scale()).max().unwrap_or(0);
            let mut sum: i128 = 0;
            for m in &marks {
                let factor = 10_i128.checked_pow(scale - m.score.scale()).ok_or(Overflow)?;
                sum = sum.checked_add(m.score.mantissa().checked_mul(factor).ok_or(Overflow)?).ok_or(Overflow)?;
            }
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
    Ok(Marks { aggregation, marks, consensus, scale_max: scale.max.get(), score, disagreement })
}

/// The sovereignty score in percent: `Σ min(points, 1000) / 1000 × weight` over the objectives.
fn sovereignty(
    bid: &Bid,
    weights: &tender_core::sovereignty::ObjectiveWeights,
    warnings: &mut Vec<Warning>,
) -> Result<(Vec<ObjectiveResult>, Exact), Overflow> {
    let max = Exact::from_decimal(OBJECTIVE_MAX_POINTS);
    let mut total = Exact::ZERO;
    let mut out = Vec::with_capacity(Objective::ALL.len());
    for o in Objective::ALL {
        let weight = weights.weight(o).get();
        let stated = bid
            .sovereignty
            .as_ref()
            .and_then(|s| s.objectives.get(&o))
            .and_then(|a| a.points())
            .unwrap_or(Score::ZERO)
            .get();
        let (points, uncapped) = if stated > OBJECTIVE_MAX_POINTS {
            warnings.push(Warning::PointsCapped { bid: bid.id.clone(), objective: o });
            (OBJECTIVE_MAX_POINTS, Some(stated))
        } else {
            (stated.max(Decimal::ZERO), None)
        };
        let contribution = Exact::from_decimal(points).checked_div(max)?.checked_mul(Exact::from_decimal(weight))?;
        total = total.checked_add(contribution)?;
        out.push(ObjectiveResult { objective: o, points, uncapped, weight, contribution });
    }
    Ok((out, total))
}
