//! Close calls: when the award of a lot hangs on a hair, the committee is told before it signs.
//!
//! Three exact checks, none of them sampling (the Monte Carlo belongs to `tender-analysis`):
//!
//! 1. **Margin**: the last awarded and the first bid not awarded are closer than the lot's
//!    `close_call_percent` (default 1 %) of the maximum points, or, where the lowest figure wins,
//!    of the last awarded bid's figure.
//! 2. **One mark**: moving one evaluator's mark (or a consensus score) on one criterion by one
//!    step of its scale changes who is awarded. A mark moves only its own bid, so a bid can only
//!    change the award by crossing the cut-off: an awarded bid must fall behind the first bid not
//!    awarded, or a bid not awarded must catch up with the last awarded one. Each such move is
//!    scored exactly and ranked against that one bid with the field's reference prices and the
//!    tender's tie-breaks. Under points models only bids whose total is within reach of the
//!    cut-off (the largest effect one step can have, plus rounding) are tried.
//! 3. **Rounding**: the award is recomputed under each other rounding strategy at the tender's
//!    decimals, and under the tender's strategy with fewer decimals.
//!
//! The checks are skipped where they have no meaning: when every ranked bid is awarded, or when
//! a tie across the cut-off already leaves a place unawarded (that is reported as a tie).

use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use tender_core::award::{PriceModel, RoundingPolicy, RoundingStrategy};
use tender_core::{Id, Lot};

use crate::evaluate::{Candidate, Scored, award_set, comparison_of, rank_with};
use crate::exact::Exact;
use crate::kernel::QualityKernel;
use crate::quality::{MarkRef, QualityPlan};
use crate::result::{CloseCall, Comparison};

/// The lot's field as evaluated: what the checks re-rank.
pub(crate) struct Field<'a, 'b> {
    pub(crate) lot: &'a Lot,
    pub(crate) money_decimals: u32,
    pub(crate) plan: &'b QualityPlan<'a>,
    pub(crate) candidates: &'b [Candidate<'a>],
    pub(crate) reference: crate::evaluate::References,
}

/// The close calls of a lot, given its ranking (`order`, `ranks`) and the awarded candidates.
pub(crate) fn close_calls(
    f: &Field<'_, '_>,
    kernel: Option<&mut QualityKernel<'_, '_>>,
    order: &[Scored],
    ranks: &[u32],
    awarded: &BTreeSet<usize>,
) -> Vec<CloseCall> {
    let mut out = Vec::new();
    let to_award = usize::try_from(f.lot.suppliers_to_award).unwrap_or(usize::MAX);
    let last_in = order.iter().rposition(|s| awarded.contains(&s.index));
    let first_out = order.iter().position(|s| !awarded.contains(&s.index));
    let (Some(a), Some(b)) = (last_in, first_out) else { return out };
    if awarded.len() < to_award || ranks.get(a) == ranks.get(b) {
        // A tie across the cut-off: already reported, and no single change is "the" flip.
        return out;
    }
    let comparison = comparison_of(&f.lot.award.price_model);
    if let Some(m) = margin(f, comparison, &order[a], &order[b]) {
        out.push(m);
    }
    mark_flips(f, kernel, comparison, order, awarded, (a, b), &mut out);
    rounding(f, order, awarded, &mut out);
    out
}

fn id_of(f: &Field<'_, '_>, s: &Scored) -> Id {
    f.candidates[s.index].bid.id.clone()
}

fn margin(f: &Field<'_, '_>, comparison: Comparison, last: &Scored, first_out: &Scored) -> Option<CloseCall> {
    let award = &f.lot.award;
    let diff = last.total.value.checked_sub(first_out.total.value)?.abs();
    let base = match comparison {
        Comparison::HighestTotal => {
            // The most points a bid can have: Σ weights (100 when normalised), exactly; a sum of
            // fractions that is no short decimal is taken to 10 places for the threshold.
            let sum = award
                .criteria
                .iter()
                .filter(|c| c.weight.is_some())
                .try_fold(Exact::ZERO, |acc, c| acc.checked_add(crate::weights::effective(award, c)?))
                .ok()?;
            sum.approx(10)
        }
        _ => last.total.value.abs(),
    };
    let threshold = base.checked_mul(award.close_call_percent())?.checked_div(Decimal::ONE_HUNDRED)?.normalize();
    (diff < threshold).then(|| CloseCall::Margin {
        last_awarded: id_of(f, last),
        first_not_awarded: id_of(f, first_out),
        margin: diff,
        threshold,
    })
}

/// Whether `changed` (candidate 0) ends on the other side of the cut-off from where `was_awarded`
/// puts it, ranked against `rival` (candidate 1) with the field's reference prices.
fn crosses(f: &Field<'_, '_>, pair: &[Candidate<'_>], was_awarded: bool) -> bool {
    let mut scratch = Vec::new();
    let Ok(r) = rank_with(f.lot, f.money_decimals, pair, &[0, 1], Some(&f.reference), &mut scratch) else {
        return false;
    };
    let rank_of = |i: usize| r.order.iter().position(|s| s.index == i).map(|p| r.ranks[p]);
    let (Some(x), Some(y)) = (rank_of(0), rank_of(1)) else { return false };
    if was_awarded { x >= y } else { x <= y }
}

/// The one-mark check. `cut` is the positions in `order` of the last awarded bid and the first
/// not awarded. Where the integer kernel scores the lot, a move is scored from the bid's sums per
/// criterion ([`QualityKernel::moved`]), and moves that give the same quality are ranked once.
fn mark_flips(
    f: &Field<'_, '_>,
    mut kernel: Option<&mut QualityKernel<'_, '_>>,
    comparison: Comparison,
    order: &[Scored],
    awarded: &BTreeSet<usize>,
    (a, b): (usize, usize),
    out: &mut Vec<CloseCall>,
) {
    let policy = f.lot.award.rounding;
    // The corridor of the extended price-per-quality-point method depends on the whole field, so
    // a pair cannot be ranked alone; that model is left to `tender analyze`.
    if matches!(f.lot.award.price_model, PriceModel::PricePerQualityPoint { corridor: Some(_), .. }) {
        return;
    }
    // Quality relative to the best bid: one bid's mark can move every bid (when it is or becomes
    // the best), so each move is scored in the whole field and the field is ranked again.
    // The same under total points relative to the best total: a move of the best bid changes
    // every total.
    let relative = whole_field_moves(&f.lot.award);
    let in_play: Vec<usize> = order.iter().map(|s| s.index).collect();
    // Under points models a bid further from the cut-off than one step can move it is skipped.
    let reach = if relative {
        None
    } else if comparison == Comparison::HighestTotal {
        let unit = Exact::new(1, 10_i128.checked_pow(policy.decimals).unwrap_or(i128::MAX)).ok();
        let weights = f.lot.award.criteria.len();
        let slack =
            unit.and_then(|u| Exact::from_int(i128::try_from(weights).unwrap_or(0) + 2).ok()?.checked_mul(u).ok());
        slack.and_then(|s| f.plan.max_step_effect().checked_add(s).ok())
    } else {
        None
    };
    let awarded_ids: BTreeSet<Id> = awarded.iter().map(|&i| f.candidates[i].bid.id.clone()).collect();
    for s in order {
        let was_awarded = awarded.contains(&s.index);
        let rival = if was_awarded { &order[b] } else { &order[a] };
        if let Some(reach) = reach {
            // The published totals' difference, exact in decimals (where it does not fit, the bid
            // is tried).
            let gap = s.total.value.checked_sub(rival.total.value);
            let within = gap.is_none_or(|g| Exact::from_decimal(g.abs()) <= reach);
            if !within {
                continue;
            }
        }
        let c = &f.candidates[s.index];
        let sums = kernel.as_deref_mut().zip(c.marks).and_then(|(k, m)| k.sums(m));
        // The award after a move, by the moved quality and whether it falls below a minimum
        // (kernel moves only: their candidates carry no per-criterion records).
        let mut seen: BTreeMap<(Exact, bool), Option<BTreeSet<Id>>> = BTreeMap::new();
        let marks = c
            .bid
            .scores
            .iter()
            .enumerate()
            .map(|(k, m)| (MarkRef::Evaluator(k), Some(&m.evaluator), &m.criterion, m.score.get()))
            .chain(
                c.bid
                    .consensus
                    .iter()
                    .enumerate()
                    .map(|(k, m)| (MarkRef::Consensus(k), None, &m.criterion, m.score.get())),
            );
        for (mark, evaluator, criterion, score) in marks {
            let Some(leaf) = f.plan.leaf(criterion.as_str()) else { continue };
            // A better mark never costs a bid its award, nor a worse one wins it one: try the step
            // towards the cut-off only.
            let to = if was_awarded { score.checked_sub(leaf.step) } else { score.checked_add(leaf.step) };
            let Some(to) = to.filter(|t| *t >= leaf.scale_min && *t <= leaf.scale_max) else { continue };
            let fast = match (kernel.as_deref(), &sums) {
                (Some(k), Some(sums)) => to.checked_sub(score).and_then(|delta| k.moved(sums, criterion, delta)),
                _ => None,
            };
            let (criteria, q, below) = if let Some((q, below)) = fast {
                (Vec::new(), q, below)
            } else {
                let mut scratch = Vec::new();
                let Ok((criteria, q)) = f.plan.score_with(c.bid, Some((mark, to)), &mut scratch) else { continue };
                let below = criteria.iter().any(|r| r.below_minimum);
                (criteria, q, below)
            };
            if Some(q) == c.quality {
                continue;
            }
            let now = match seen.get(&(q, below)) {
                Some(now) if fast.is_some() => now.clone(),
                _ => {
                    let mut moved = c.clone();
                    moved.criteria = criteria;
                    moved.quality = Some(q);
                    let rival = &f.candidates[rival.index];
                    let now = awarded_after(f, &in_play, &awarded_ids, (s.index, moved), rival, was_awarded, below);
                    if fast.is_some() {
                        seen.insert((q, below), now.clone());
                    }
                    now
                }
            };
            if let Some(now) = now {
                out.push(CloseCall::MarkFlip {
                    bid: c.bid.id.clone(),
                    evaluator: evaluator.cloned(),
                    criterion: criterion.clone(),
                    from: score,
                    to,
                    awarded: now.into_iter().collect(),
                });
            }
        }
    }
}

/// The awarded bids after candidate `index` is replaced by `moved`, where that changes them: the
/// whole field ranked again under relative quality; else the moved bid against its `rival` at the
/// cut-off (`below`: the move takes it below a criterion's minimum).
fn awarded_after(
    f: &Field<'_, '_>,
    in_play: &[usize],
    awarded_ids: &BTreeSet<Id>,
    (index, moved): (usize, Candidate<'_>),
    rival: &Candidate<'_>,
    was_awarded: bool,
    below: bool,
) -> Option<BTreeSet<Id>> {
    if whole_field_moves(&f.lot.award) {
        return whole_field(f, in_play, index, moved, below).filter(|now| now != awarded_ids);
    }
    let id = moved.bid.id.clone();
    let pair = [moved, rival.clone()];
    let flips = if was_awarded { below || crosses(f, &pair, true) } else { !below && crosses(f, &pair, false) };
    flips.then(|| {
        let mut now = awarded_ids.clone();
        let (out, into) = if was_awarded { (&id, &rival.bid.id) } else { (&rival.bid.id, &id) };
        now.remove(out);
        now.insert(into.clone());
        now
    })
}

/// Whether one bid's move can change every bid's figure, so that a move is ranked in the whole
/// field: quality relative to the best bid, or total points relative to the best total.
fn whole_field_moves(award: &tender_core::AwardModel) -> bool {
    award.quality.relative.is_some() || award.relative_total
}

/// The bids awarded when candidate `index` is replaced by `moved` (its absolute quality scored
/// again) and the relative quality of the whole field is computed again, as is the best total
/// under `relative_total`; `below` drops it from the field (it fails a threshold). `None` when the
/// field cannot be ranked.
fn whole_field(
    f: &Field<'_, '_>,
    in_play: &[usize],
    index: usize,
    moved: Candidate<'_>,
    below: bool,
) -> Option<BTreeSet<Id>> {
    let mut field: Vec<Candidate<'_>> = f.candidates.to_vec();
    // Back to the absolute quality totals before the field is made relative again.
    for c in &mut field {
        if let Some(r) = c.quality_relative.take() {
            c.quality = Some(r.absolute);
        }
    }
    field[index] = moved;
    let kept: Vec<usize> = in_play.iter().copied().filter(|&i| !(below && i == index)).collect();
    crate::evaluate::relative_quality(&f.lot.award, f.plan.max_points, &mut field, &kept).ok()?;
    let mut scratch = Vec::new();
    // The best total is the moved field's, computed again.
    let reference = crate::evaluate::References { best_total: None, ..f.reference.clone() };
    let r = rank_with(f.lot, f.money_decimals, &field, &kept, Some(&reference), &mut scratch).ok()?;
    Some(award_set(&r, f.lot.suppliers_to_award).into_iter().map(|i| field[i].bid.id.clone()).collect())
}

fn rounding(f: &Field<'_, '_>, order: &[Scored], awarded: &BTreeSet<usize>, out: &mut Vec<CloseCall>) {
    let policy = f.lot.award.rounding;
    let mut variants: Vec<RoundingPolicy> = [
        RoundingStrategy::HalfUp,
        RoundingStrategy::HalfEven,
        RoundingStrategy::HalfDown,
        RoundingStrategy::Down,
        RoundingStrategy::Up,
    ]
    .into_iter()
    .filter(|&s| s != policy.strategy)
    .map(|strategy| RoundingPolicy { strategy, ..policy })
    .collect();
    variants.extend((0..policy.decimals).rev().map(|decimals| RoundingPolicy { decimals, ..policy }));
    let in_play: Vec<usize> = order.iter().map(|s| s.index).collect();
    let comparison = comparison_of(&f.lot.award.price_model);
    // With rounding only at the total, a figure moves by less than one unit of the decimals kept,
    // so only bids within two units of the cut-off can change sides: the others keep theirs, and
    // the window is ranked alone with the field's reference prices. (Price per quality point is
    // ranked whole: its groups and corridor depend on the field.)
    let windowed = policy.only_total() && comparison != Comparison::LowestPricePerQualityPoint;
    let better = |x: Exact, y: Exact| if comparison == Comparison::HighestTotal { x > y } else { x < y };
    let worst_in = order
        .iter()
        .filter(|s| awarded.contains(&s.index))
        .map(|s| s.total.exact)
        .reduce(|w, x| if better(w, x) { x } else { w });
    let best_out = order
        .iter()
        .filter(|s| !awarded.contains(&s.index))
        .map(|s| s.total.exact)
        .reduce(|w, x| if better(x, w) { x } else { w });
    // The bounds two units of a variant's decimals beyond the cut-off: (above which a bid keeps
    // its place, below which it stays out).
    let bounds = |decimals: u32| -> Option<(Exact, Exact)> {
        let (worst_in, best_out) = (worst_in?, best_out?);
        let two_units = Exact::new(2, 10_i128.checked_pow(decimals)?).ok()?;
        let (high, low) = if comparison == Comparison::HighestTotal {
            (worst_in.checked_add(two_units), best_out.checked_sub(two_units))
        } else {
            (worst_in.checked_sub(two_units), best_out.checked_add(two_units))
        };
        Some((high.ok()?, low.ok()?))
    };
    // The widest window is the fewest decimals': every variant's window lies inside it, and what
    // is above it is above every variant's (the awarded figures are at least the others' less
    // one unit of the tender's decimals, and no variant keeps more decimals). So the field is
    // gone through once, and for each variant only the band of positions in `order` inside the
    // widest window.
    let widest = variants.iter().map(|v| v.decimals).min().and_then(bounds);
    let (above_all, band): (Vec<usize>, Vec<usize>) = match widest {
        Some((high, low)) if windowed => {
            let mut above_all = Vec::new();
            let mut band = Vec::new();
            for (pos, s) in order.iter().enumerate() {
                if better(s.total.exact, high) {
                    above_all.push(pos);
                } else if !better(low, s.total.exact) {
                    band.push(pos);
                }
            }
            (above_all, band)
        }
        _ => (Vec::new(), Vec::new()),
    };
    let mut lot = f.lot.clone();
    for variant in variants {
        lot.award.rounding = variant;
        if windowed {
            let Some((high, low)) = widest.and(bounds(variant.decimals)) else { continue };
            let mut above: Vec<usize> = above_all.clone();
            above.extend(band.iter().copied().filter(|&pos| better(order[pos].total.exact, high)));
            above.sort_unstable();
            let window: Vec<usize> = band
                .iter()
                .filter(|&&pos| !better(order[pos].total.exact, high) && !better(low, order[pos].total.exact))
                .map(|&pos| order[pos].index)
                .collect();
            let slots = u32::try_from(above.len()).ok().and_then(|n| lot.suppliers_to_award.checked_sub(n));
            let Some(slots) = slots else { continue };
            let mut scratch = Vec::new();
            let Ok(r) = rank_with(&lot, f.money_decimals, f.candidates, &window, Some(&f.reference), &mut scratch)
            else {
                continue;
            };
            let mut now = award_set(&r, slots);
            now.extend(above.iter().map(|&pos| order[pos].index));
            if &now != awarded {
                let ids: Vec<Id> = above
                    .iter()
                    .map(|&pos| &order[pos])
                    .chain(r.order.iter().filter(|s| now.contains(&s.index)))
                    .map(|s| id_of(f, s))
                    .collect();
                out.push(CloseCall::Rounding { decimals: variant.decimals, strategy: variant.strategy, awarded: ids });
            }
            continue;
        }
        let rescored: Option<Vec<Candidate<'_>>> = if policy.only_total() {
            None
        } else {
            // Rounding at a criterion or ratio changes the quality points: score again.
            let Ok(mut plan) = QualityPlan::new(&lot.award) else { continue };
            plan.fields.clone_from(&f.plan.fields);
            let mut again = f.candidates.to_vec();
            let mut ok = true;
            for &i in &in_play {
                let mut scratch = Vec::new();
                match plan.score(again[i].bid, &mut scratch) {
                    Ok((criteria, q)) => {
                        again[i].criteria = criteria;
                        again[i].quality = Some(q);
                    }
                    Err(_) => ok = false,
                }
            }
            if !ok || crate::evaluate::relative_quality(&lot.award, plan.max_points, &mut again, &in_play).is_err() {
                continue;
            }
            Some(again)
        };
        let field = rescored.as_deref().unwrap_or(f.candidates);
        let mut scratch = Vec::new();
        let Ok(r) = rank_with(&lot, f.money_decimals, field, &in_play, None, &mut scratch) else { continue };
        let now = award_set(&r, lot.suppliers_to_award);
        if &now != awarded {
            let ids: Vec<Id> = r.order.iter().filter(|s| now.contains(&s.index)).map(|s| id_of(f, s)).collect();
            out.push(CloseCall::Rounding { decimals: variant.decimals, strategy: variant.strategy, awarded: ids });
        }
    }
}
