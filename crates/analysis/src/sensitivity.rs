//! Weight sensitivity: for each criterion, the interval of its weight within which the winner, and
//! the set of awarded suppliers, stays the same.
//!
//! Criterion `i` is re-weighted to `t` and every other weight is multiplied by
//! `(W − t) / (W − wᵢ)`, where `W` is the sum of the weights, so the sum stays `W` and the others keep
//! their proportions. Every bid's comparison figure (see the table in the crate's form module:
//! points, price per quality point without a corridor, value added, percent adjustment) is then a
//! line in `t`:
//!
//! ```text
//! f_b(t) = c_b + t·x_b + (W − t)/(W − wᵢ) · R_b,   R_b = Σ_{j≠i} w_j·x_bj
//! ```
//!
//! The winner `a` stays the winner while `f_a(t) ≥ f_b(t)` for every other `b`; each inequality
//! holds on one side of the lines' intersection, so the interval's end points are the nearest
//! intersections, exact rationals (`tender_score::Exact`). The awarded set stays the same while
//! every awarded bid's line is above every other bid's line. A lot with a minimum total quality or
//! a `max_pass` cut-off also ends an interval where a bid would cross the threshold or the cut-off,
//! because the field of ranked bids would change there.
//!
//! **Exact, unrounded totals.** The figures are `Σ weight × ratio` with the ratios as the
//! evaluation computed them (rounded when the policy rounds at the ratio step); rounding at the
//! criterion or total step is ignored. Near an end point two bids' published totals can therefore
//! be equal, and the tie-break decides, before the exact totals cross; and when the published
//! figures tie, the tie-break may already have awarded the bid that is second on exact totals
//! ([`WeightSensitivity::agrees_with_evaluation`] is then false).
//!
//! For the value-added model the re-weighted numbers are the quality criteria's money values
//! (their sum, the money at stake for quality, is kept); for percent adjustment and price per
//! quality point they are the quality weights. The extended price-per-quality-point method (a
//! corridor) is not a weighted sum and is skipped.

use rust_decimal::Decimal;
use serde::Serialize;
use tender_core::award::PriceModel;
use tender_core::{Id, Lot};
use tender_score::Exact;
use tender_score::exact::Overflow;
use tender_score::result::{BidStatus, Exclusion, LotEvaluation};

use crate::Reason;
pub use crate::form::WeightBasis;
use crate::form::linear_form;

/// The weight sensitivity of a lot.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct WeightSensitivity {
    /// What the re-weighted numbers are.
    pub basis: WeightBasis,
    /// The sum of the weights, kept under re-weighting.
    pub total: Exact,
    /// The winner on exact totals at the published weights.
    pub winner: Id,
    /// The awarded set on exact totals (the best `suppliers_to_award`).
    pub awarded: Vec<Id>,
    /// Whether the exact totals rank the same winner and awarded set as the evaluation (which
    /// ranks on published figures and breaks ties by the tender's rules).
    pub agrees_with_evaluation: bool,
    /// Per weighted criterion.
    pub criteria: Vec<CriterionSensitivity>,
}

/// The intervals of one criterion's weight.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CriterionSensitivity {
    /// The criterion.
    pub criterion: Id,
    /// Its published weight (or money value).
    pub weight: Exact,
    /// The interval within which the winner stays the same; `None` when the criterion cannot be
    /// re-weighted (it carries all the weight) or the numbers are too large.
    pub winner: Option<Interval>,
    /// The interval within which the awarded set stays the same, for lots awarding more than one
    /// supplier.
    pub awarded: Option<Interval>,
    /// Why an interval is missing.
    pub note: Option<Reason>,
}

/// A closed interval of a weight: at an end point the exact totals tie.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Interval {
    /// The lower end.
    pub low: Bound,
    /// The upper end.
    pub high: Bound,
}

/// One end of an interval.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Bound {
    /// The weight, exactly.
    pub weight: Exact,
    /// The weight to four decimals, for reading.
    pub approx: Decimal,
    /// What happens beyond it.
    pub end: End,
}

/// What happens beyond an end of an interval.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum End {
    /// Nothing: the weight reaches 0 or the whole sum.
    Limit,
    /// Another bid overtakes the winner.
    Overtaken {
        /// The new winner.
        by: Id,
    },
    /// An awarded bid drops out of the awarded set.
    AwardChanges {
        /// The bid that leaves.
        leaves: Id,
        /// The bid that enters.
        enters: Id,
    },
    /// A bid crosses the minimum total quality, so the field of ranked bids changes.
    QualityMinimum {
        /// The bid.
        bid: Id,
    },
    /// The bids passing the `max_pass` cut-off change, so the field of ranked bids changes.
    MaxPass {
        /// The bid that would drop below the cut-off.
        leaves: Id,
        /// The bid that would pass instead.
        enters: Id,
    },
}

/// `a + b·t`.
#[derive(Clone, Copy, Debug)]
struct Line {
    a: Exact,
    b: Exact,
}

const ZERO_LINE: Line = Line { a: Exact::ZERO, b: Exact::ZERO };

/// Where `inside` (at or above `outside` at `t0`) meets `outside`: `Some((t, true))` above `t0`,
/// `Some((t, false))` below, `None` when the lines are parallel.
fn crossing(inside: Line, outside: Line) -> Result<Option<(Exact, bool)>, Overflow> {
    let slope = inside.b.checked_sub(outside.b)?;
    if slope.is_zero() {
        return Ok(None);
    }
    let t = outside.a.checked_sub(inside.a)?.checked_div(slope)?;
    // The difference falls with t when the slope is negative: the crossing is an upper end.
    Ok(Some((t, slope.is_negative())))
}

struct Ends {
    t0: Exact,
    low: (Exact, End),
    high: (Exact, End),
}

impl Ends {
    fn new(t0: Exact, total: Exact) -> Self {
        Self { t0, low: (Exact::ZERO, End::Limit), high: (total, End::Limit) }
    }

    fn apply(&mut self, inside: Line, outside: Line, end: impl FnOnce() -> End) -> Result<(), Overflow> {
        if let Some((t, upper)) = crossing(inside, outside)? {
            // Guard against a pair that is already the wrong way round at t0 (the evaluation's
            // rounding put it there): the interval then ends at t0.
            if upper {
                let t = t.max(self.t0);
                if t < self.high.0 {
                    self.high = (t, end());
                }
            } else {
                let t = t.min(self.t0);
                if t > self.low.0 {
                    self.low = (t, end());
                }
            }
        }
        Ok(())
    }

    fn interval(self) -> Interval {
        let bound = |(weight, end): (Exact, End)| Bound { weight, approx: weight.approx(4), end };
        Interval { low: bound(self.low), high: bound(self.high) }
    }
}

/// A bid that reached the quality thresholds: its quality ratios on the form's columns.
struct Contender {
    id: Id,
    ratios: Vec<Option<Exact>>,
    passes_total: bool,
    passes_cut: bool,
}

/// The weight sensitivity of a lot, or why it does not apply.
///
/// # Errors
/// The [`Reason`] when the lot has no linear form (the extended price-per-quality-point method),
/// no ranked bid or no weighted criteria.
pub fn weight_sensitivity(lot: &Lot, eval: &LotEvaluation) -> Result<WeightSensitivity, Reason> {
    let form = linear_form(lot, eval)?;
    let overflow = |_: Overflow| Reason::TooLarge;
    let n = form.bids.len();
    let nc = form.columns();
    let total = form.total;
    let mut weighted = Vec::with_capacity(n);
    let mut value = Vec::with_capacity(n);
    for b in 0..n {
        let w = form.weighted(b).map_err(overflow)?;
        weighted.push(w);
        value.push(form.constant[b].checked_add(w).map_err(overflow)?);
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&x, &y| value[y].cmp(&value[x]).then(x.cmp(&y)));
    let k = usize::try_from(lot.suppliers_to_award).unwrap_or(usize::MAX).clamp(1, n);
    let winner = order[0];
    let top: Vec<usize> = order[..k].to_vec();
    let in_top = |b: usize| top.contains(&b);
    let agrees = winner == 0 && (0..k).all(in_top);

    // The threshold contenders, when re-weighting moves quality points.
    let award = &lot.award;
    let follows = form.basis == WeightBasis::Weights || award.quality_criteria().all(|c| c.weight.is_none());
    let minimum_total = award.quality.minimum_total.filter(|_| follows);
    let max_pass = award.quality.max_pass.filter(|_| follows);
    let mut contenders = Vec::new();
    if minimum_total.is_some() || max_pass.is_some() {
        for b in &eval.bids {
            let reached = match b.status {
                BidStatus::Ranked | BidStatus::NotAmongBestQuality => true,
                BidStatus::BelowQualityThreshold => matches!(b.exclusion, Some(Exclusion::QualityMinimum { .. })),
                BidStatus::FailedGate | BidStatus::Rejected => false,
            };
            if !reached {
                continue;
            }
            let ratios = form
                .criteria
                .iter()
                .zip(&form.quality)
                .map(|(id, q)| if *q { b.criteria.iter().find(|r| &r.criterion == id).map(|r| r.ratio) } else { None })
                .collect();
            contenders.push(Contender {
                id: b.bid.clone(),
                ratios,
                passes_total: b.status != BidStatus::BelowQualityThreshold,
                passes_cut: b.status == BidStatus::Ranked,
            });
        }
    }
    let minimum = match minimum_total {
        Some(m) => {
            Some(Exact::from_decimal(m.get()).checked_div(Exact::from_int(100).map_err(overflow)?).map_err(overflow)?)
        }
        None => None,
    };

    let mut criteria = Vec::with_capacity(nc);
    for i in 0..nc {
        let wi = form.weights[i];
        let mut out = CriterionSensitivity {
            criterion: form.criteria[i].clone(),
            weight: wi,
            winner: None,
            awarded: None,
            note: None,
        };
        match criterion_intervals(&form, i, &weighted, winner, &top, k, &contenders, minimum, max_pass.is_some()) {
            Ok(Some((w, a))) => {
                out.winner = Some(w);
                out.awarded = a;
            }
            Ok(None) => out.note = Some(Reason::CarriesAllWeight),
            Err(Overflow) => out.note = Some(Reason::TooLarge),
        }
        criteria.push(out);
    }
    Ok(WeightSensitivity {
        basis: form.basis,
        total,
        winner: form.bids[winner].clone(),
        awarded: top.iter().map(|&b| form.bids[b].clone()).collect(),
        agrees_with_evaluation: agrees,
        criteria,
    })
}

#[allow(clippy::too_many_arguments)] // One call site; the pieces are computed once per lot.
fn criterion_intervals(
    form: &crate::form::LinearForm,
    i: usize,
    weighted: &[Exact],
    winner: usize,
    top: &[usize],
    k: usize,
    contenders: &[Contender],
    minimum: Option<Exact>,
    max_pass: bool,
) -> Result<Option<(Interval, Option<Interval>)>, Overflow> {
    let total = form.total;
    let wi = form.weights[i];
    let d = total.checked_sub(wi)?;
    if !d.numer().is_positive() {
        return Ok(None);
    }
    let n = form.bids.len();
    // f_b(t) = c_b + W·R_b/D + t·(x_b − R_b/D).
    let line = |c: Exact, x: Exact, rest: Exact| -> Result<Line, Overflow> {
        let per = rest.checked_div(d)?;
        Ok(Line { a: c.checked_add(total.checked_mul(per)?)?, b: x.checked_sub(per)? })
    };
    let mut lines = Vec::with_capacity(n);
    for (b, w) in weighted.iter().enumerate() {
        let x = form.row(b)[i];
        let rest = w.checked_sub(wi.checked_mul(x)?)?;
        lines.push(line(form.constant[b], x, rest)?);
    }
    let mut win = Ends::new(wi, total);
    for b in (0..n).filter(|&b| b != winner) {
        win.apply(lines[winner], lines[b], || End::Overtaken { by: form.bids[b].clone() })?;
    }
    let mut award = (k > 1 && k < n).then(|| Ends::new(wi, total));
    if let Some(award) = award.as_mut() {
        for &a in top {
            for b in (0..n).filter(|b| !top.contains(b)) {
                award.apply(lines[a], lines[b], || End::AwardChanges {
                    leaves: form.bids[a].clone(),
                    enters: form.bids[b].clone(),
                })?;
            }
        }
    }
    // Thresholds move only with a quality criterion's weight: re-weighting price scales every
    // quality weight alike.
    if form.quality[i] && !contenders.is_empty() {
        // Σ_{j≠i, quality} w_j·(r_j − m) as a line in t, with m = 0 for the quality points.
        let quality_line = |c: &Contender, m: Exact| -> Result<Option<Line>, Overflow> {
            let Some(ri) = c.ratios[i] else { return Ok(None) };
            let mut rest = Exact::ZERO;
            for j in (0..form.columns()).filter(|&j| j != i && form.quality[j]) {
                let Some(rj) = c.ratios[j] else { return Ok(None) };
                rest = rest.checked_add(form.weights[j].checked_mul(rj.checked_sub(m)?)?)?;
            }
            Ok(Some(line(Exact::ZERO, ri.checked_sub(m)?, rest)?))
        };
        let mut field_ends: Vec<(Line, Line, End)> = Vec::new();
        if let Some(m) = minimum {
            for c in contenders {
                let Some(h) = quality_line(c, m)? else { continue };
                let end = End::QualityMinimum { bid: c.id.clone() };
                if c.passes_total {
                    field_ends.push((h, ZERO_LINE, end));
                } else {
                    field_ends.push((ZERO_LINE, h, end));
                }
            }
        }
        if max_pass {
            let mut passing = Vec::new();
            let mut failing = Vec::new();
            for c in contenders.iter().filter(|c| c.passes_total) {
                let Some(q) = quality_line(c, Exact::ZERO)? else { continue };
                if c.passes_cut { passing.push((q, &c.id)) } else { failing.push((q, &c.id)) }
            }
            for (p, pid) in &passing {
                for (f, fid) in &failing {
                    field_ends.push((*p, *f, End::MaxPass { leaves: (*pid).clone(), enters: (*fid).clone() }));
                }
            }
        }
        for (inside, outside, end) in field_ends {
            if let Some(award) = award.as_mut() {
                award.apply(inside, outside, || end.clone())?;
            }
            win.apply(inside, outside, || end)?;
        }
    }
    Ok(Some((win.interval(), award.map(Ends::interval))))
}

/// Whether the lot's price model gives a linear form (and so a sensitivity analysis).
pub fn applies(model: &PriceModel) -> bool {
    !matches!(model, PriceModel::PricePerQualityPoint { corridor: Some(_), .. })
}
