//! The evaluation of a lot: gates, quality, thresholds, price, comparison figure, ranking with
//! tie-breaks, award, warnings and the rank-reversal check.
//!
//! The comparison figure depends on the price model:
//!
//! * points models: `total = price points + Σ quality points`, highest wins;
//! * price per quality point (UfAB simple value-for-money method): `P / Q`, lowest wins; with a
//!   corridor (extended method) every bid whose `Q / P` is within the corridor of the best ratio
//!   comes first, ordered by the decision rule;
//! * value added: `P − Σ value × ratio` (deduction) or `P + Σ value × (1 − ratio)` (markup),
//!   lowest wins;
//! * percent adjustment: `P × (1 − q × m)` or `P × (1 + (1 − q) × m)` with `q = Q / Qmax`, lowest
//!   wins.
//!
//! Bids are ranked on the figure as published (rounded by the tender's policy), so two bids the
//! report shows with the same total are tied, and the tie is broken by the tender's rules.

use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

use rust_decimal::Decimal;
use tender_core::award::{
    AdjustMode, CorridorDecision, PriceModel, RelativeQuality, RoundingPolicy, RoundingStep, TieBreakRule, Weighting,
};
use tender_core::{Bid, Id, Lot, Tender};

use crate::error::{EvaluationError, Issues};
use crate::exact::{Exact, Overflow};
use crate::gates;
use crate::marks::Marks;
use crate::price::{self, PriceError, Reference};
use crate::quality::{QualityError, QualityPlan};
use crate::result::{
    BidResult, BidStatus, Comparison, CriterionPrice, CriterionResult, Evaluation, Exclusion, Figure, GateResult,
    LotEvaluation, PriceFormula, PriceGrade, PriceResult, RankReversal, Reversal, SealRecord, Tie, TotalDerivation,
    ValueAdjustment, Warning,
};
use tender_core::compliance::Defect;

/// Evaluates every lot of a tender with its bids. Pure: no IO, no clock, no randomness; the
/// order of `bids` does not matter.
///
/// # Errors
/// [`EvaluationError`] listing every issue that stops the evaluation: a bid for an unknown lot,
/// duplicate bid ids, a missing score, a price of zero under a relative model, an overflow.
pub fn evaluate(tender: &Tender, bids: &[Bid]) -> Result<Evaluation, EvaluationError> {
    evaluate_with(tender, bids, Detail::Derivations)
}

/// How much of each figure's derivation the evaluation keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Detail {
    /// Every figure with what it was derived from: each criterion's marks, score, ratio and
    /// points, and each total's terms. What the reports and `--explain` need.
    #[default]
    Derivations,
    /// The figures only: per bid its status, gates, quality, price, total, rank and award, per lot
    /// the ties, warnings and close calls; each criterion's record and the total's terms are left
    /// out (`criteria` is empty, `total_derivation` is `None`). Lots whose quality is a mean of
    /// marks with rounding only from the quality subtotal on are then scored by the integer kernel
    /// (see `kernel.rs`); the figures are the same as with [`Detail::Derivations`], which rebuilds
    /// every derivation from the same tender and bids.
    Figures,
}

/// [`evaluate`], keeping the derivations that `detail` asks for. The bids may be given by value or by reference (`&[Bid]` or `&[&Bid]`).
///
/// The same as [`Prepared::new`](crate::Prepared::new) followed by
/// [`Prepared::evaluate`](crate::Prepared::evaluate).
///
/// # Errors
/// As [`evaluate`].
pub fn evaluate_with<B: std::borrow::Borrow<Bid> + Sync>(
    tender: &Tender,
    bids: &[B],
    detail: Detail,
) -> Result<Evaluation, EvaluationError> {
    crate::Prepared::new(tender, bids, detail).evaluate()
}

/// One bid as the evaluation reads it: the bid, its defects and its marks as integers (where
/// read, see `marks.rs`).
#[derive(Clone, Copy)]
pub(crate) struct Entry<'a> {
    pub(crate) bid: &'a Bid,
    pub(crate) defects: &'a [Defect],
    pub(crate) marks: Option<Marks<'a>>,
}

/// The evaluation of the bids as [`crate::Prepared`] reads them: in the order of their ids, each
/// with its lot (its index in the tender's lots; `None` where the tender has no such lot).
pub(crate) fn evaluate_entries(
    tender: &Tender,
    by_id: &[(Entry<'_>, Option<usize>)],
    detail: Detail,
) -> Result<Evaluation, EvaluationError> {
    let mut issues = Issues::default();
    for pair in by_id.windows(2) {
        if pair[0].0.bid.id == pair[1].0.bid.id {
            issues.push(None, Some(&pair[0].0.bid.id), "two bids have this id", "give every bid its own id");
        }
    }
    let mut lot_bids: Vec<Vec<Entry<'_>>> = vec![Vec::new(); tender.lots.len()];
    for &(e, lot) in by_id {
        match lot.and_then(|k| lot_bids.get_mut(k)) {
            Some(bids) => bids.push(e),
            None => issues.push(
                None,
                Some(&e.bid.id),
                format!("the tender has no lot `{}`", e.bid.lot),
                "correct the bid's `lot`",
            ),
        }
    }
    let mut lots = Vec::with_capacity(tender.lots.len());
    for (lot, lot_issues) in evaluate_lots(tender, &lot_bids, detail) {
        issues.list.extend(lot_issues.list);
        lots.extend(lot);
    }
    if !issues.list.is_empty() {
        return Err(EvaluationError { issues: issues.list });
    }
    let warnings = match (tender.max_lots_awarded_per_bidder, tender.lot_award_order) {
        (Some(max), Some(order)) => {
            apply_lot_limit(tender, &mut lots, max, order);
            Vec::new()
        }
        _ => cross_lot_warnings(tender, &lots),
    };
    Ok(Evaluation { tender: tender.id.clone(), lots, warnings, skipped: Vec::new() })
}

/// Below this many bids in all, one thread evaluates every lot: starting another costs more
/// than it saves.
const PARALLEL_FROM_BIDS: usize = 256;

/// Each lot's evaluation and issues, in the tender's lot order. The lots are independent until
/// the limits across lots are applied, so a large tender's lots are evaluated on the machine's
/// cores, each thread taking the next lot (the largest first) until none is left; the results
/// are the same as on one thread.
fn evaluate_lots<'a>(
    tender: &Tender,
    lot_bids: &[Vec<Entry<'a>>],
    detail: Detail,
) -> Vec<(Option<LotEvaluation>, Issues)> {
    let all: usize = lot_bids.iter().map(Vec::len).sum();
    let one = |k: usize, cores: usize, spare: &mut Spare<'a>| {
        let mut issues = Issues::default();
        let lot = evaluate_lot(tender, &tender.lots[k], &lot_bids[k], detail, cores, spare, &mut issues);
        (lot, issues)
    };
    let busy = lot_bids.iter().filter(|b| !b.is_empty()).count();
    let cores = tender_core::shares::cores();
    let threads = cores.min(busy);
    if threads < 2 || all < PARALLEL_FROM_BIDS {
        // One lot with bids (or one core): a large lot has the cores to itself.
        let inside = if all < PARALLEL_FROM_BIDS { 1 } else { cores };
        let mut spare = Spare::default();
        return (0..tender.lots.len()).map(|k| one(k, inside, &mut spare)).collect();
    }
    let mut queue: Vec<usize> = (0..tender.lots.len()).collect();
    queue.sort_by_key(|&k| std::cmp::Reverse(lot_bids[k].len()));
    // The lots of the last round, fewer than the threads (5 lots on 2 cores: the fifth), leave
    // cores idle: each of them may use its share of the cores inside the lot.
    let last_round = busy - busy % threads;
    let cores_of = |q: usize| if q >= last_round { threads / (busy % threads).max(1) } else { 1 };
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        let (mut done, mut spare) = (Vec::new(), Spare::default());
        loop {
            let q = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let Some(&k) = queue.get(q) else { break };
            done.push((k, one(k, cores_of(q), &mut spare)));
        }
        done
    };
    let mut out: Vec<Option<(Option<LotEvaluation>, Issues)>> = (0..tender.lots.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let helpers: Vec<_> = (1..threads).map(|_| scope.spawn(work)).collect();
        let mut finished = work();
        for h in helpers {
            // A panic in a lot (a bug) is the caller's, as on one thread.
            finished.extend(h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)));
        }
        for (k, r) in finished {
            out[k] = Some(r);
        }
    });
    out.into_iter().flatten().collect()
}

/// Awards the lots again in the tender's lot order, each bidder at most `max` lots: a bidder that
/// has won `max` lots is passed over in later lots, which go to the next ranked bids. Ties at a
/// lot's award cut-off stay unawarded, as in a single lot.
fn apply_lot_limit(tender: &Tender, lots: &mut [LotEvaluation], max: u32, order: tender_core::tender::LotAwardOrder) {
    let mut sequence: Vec<usize> = (0..lots.len()).collect();
    if order == tender_core::tender::LotAwardOrder::HighestEstimatedValue {
        let value = |i: usize| tender.lot(&lots[i].lot).and_then(|l| l.estimated_value);
        // Stable: lots without a value, or with equal values, keep their listed order.
        sequence.sort_by(|&a, &b| match (value(a), value(b)) {
            (Some(x), Some(y)) => y.cmp(&x),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        });
    }
    let mut won: BTreeMap<Id, Vec<Id>> = BTreeMap::new();
    let limit = usize::try_from(max).unwrap_or(usize::MAX);
    for i in sequence {
        let lot = &mut lots[i];
        let to_award = tender.lot(&lot.lot).map_or(1, |l| l.suppliers_to_award);
        let slots = usize::try_from(to_award).unwrap_or(usize::MAX);
        for b in &mut lot.bids {
            b.awarded = false;
            b.passed_over = false;
        }
        let mut awarded = Vec::new();
        let mut passed = Vec::new();
        let ranked: Vec<usize> = (0..lot.bids.len()).filter(|&k| lot.bids[k].rank.is_some()).collect();
        let mut k = 0;
        while k < ranked.len() && awarded.len() < slots {
            let rank = lot.bids[ranked[k]].rank;
            let group: Vec<usize> = ranked[k..].iter().copied().take_while(|&j| lot.bids[j].rank == rank).collect();
            k += group.len();
            let (blocked, open): (Vec<usize>, Vec<usize>) =
                group.into_iter().partition(|&j| won.get(&lot.bids[j].bidder).is_some_and(|w| w.len() >= limit));
            passed.extend(blocked);
            if awarded.len() + open.len() <= slots {
                awarded.extend(open);
            } else {
                // A tie across the cut-off: nobody in it is awarded by noise.
                break;
            }
        }
        lot.awarded = awarded.iter().map(|&j| lot.bids[j].bid.clone()).collect();
        for &j in &awarded {
            lot.bids[j].awarded = true;
            won.entry(lot.bids[j].bidder.clone()).or_default().push(lot.lot.clone());
        }
        lot.warnings.retain(|w| !matches!(w, Warning::PassedOver { .. }));
        for j in passed {
            let b = &mut lot.bids[j];
            b.passed_over = true;
            lot.warnings.push(Warning::PassedOver {
                bid: b.bid.clone(),
                bidder: b.bidder.clone(),
                won: won.get(&b.bidder).cloned().unwrap_or_default(),
            });
        }
    }
}

fn cross_lot_warnings(tender: &Tender, lots: &[LotEvaluation]) -> Vec<Warning> {
    let mut out = Vec::new();
    if let Some(max) = tender.max_lots_awarded_per_bidder {
        let mut won: BTreeMap<&Id, Vec<Id>> = BTreeMap::new();
        for l in lots {
            for b in l.bids.iter().filter(|b| b.awarded) {
                won.entry(&b.bidder).or_default().push(l.lot.clone());
            }
        }
        for (bidder, lots) in won {
            if u32::try_from(lots.len()).unwrap_or(u32::MAX) > max {
                out.push(Warning::TooManyLotsAwarded { bidder: bidder.clone(), lots, maximum: max });
            }
        }
    }
    out
}

/// A measured criterion that could not be scored for a bid that is in play: the tender's formula
/// failed (the tender author's error, located at the criterion).
fn measure_issue(issues: &mut Issues, lot: Option<&Id>, bid: &Id, criterion: &Id, e: crate::measured::MeasureError) {
    use crate::measured::MeasureError;
    match e {
        MeasureError::Overflow => issues.overflow(lot, Some(bid), "the measured criterion's points"),
        MeasureError::Missing => issues.push(
            lot,
            Some(bid),
            format!("the bid states no value for `{criterion}`"),
            format!("add the bid's value under [[measures]] with criterion = \"{criterion}\""),
        ),
        MeasureError::NoField => issues.push(
            lot,
            Some(bid),
            format!("no bid in play states a value for `{criterion}` to compare with"),
            "check the bids' [[measures]]",
        ),
        MeasureError::Formula(message) => issues.push(
            lot,
            Some(bid),
            format!("criterion `{criterion}`: {message}"),
            "correct the criterion's formula in the tender (it must give points from 0 to the weight), e.g. with clamp(…, 0, max)",
        ),
    }
}

/// One bid's state between the steps.
#[derive(Clone)]
pub(crate) struct Candidate<'a> {
    pub(crate) bid: &'a Bid,
    /// The bid's marks as integers, where read.
    pub(crate) marks: Option<Marks<'a>>,
    rejection: Vec<Defect>,
    gates: Vec<GateResult>,
    pub(crate) criteria: Vec<CriterionResult>,
    pub(crate) quality: Option<Exact>,
    /// The first criterion whose score is below its minimum, with that score.
    pub(crate) below: Option<(Id, Exact)>,
    /// Under quality relative to the best total: the absolute points and the best bid's.
    pub(crate) quality_relative: Option<Box<crate::result::RelativeTotal>>,
    status: BidStatus,
    exclusion: Option<Exclusion>,
    pub(crate) price: Option<(Exact, crate::result::PriceBasisDetail)>,
    /// Each price criterion's evaluated price, where the lot scores price components.
    pub(crate) criterion_prices: Vec<(Exact, crate::result::PriceBasisDetail)>,
}

impl Candidate<'_> {
    /// The quality as the general path scored it, criterion by criterion.
    fn set_quality(&mut self, criteria: Vec<CriterionResult>, quality: Exact) {
        self.below = criteria.iter().find(|r| r.below_minimum).map(|r| (r.criterion.clone(), r.score));
        self.criteria = criteria;
        self.quality = Some(quality);
    }
}

/// The vectors of a lot's candidates and scored bids, emptied, kept for the next lot the same
/// thread evaluates: a lot of 1,000 bids needs about 1.1 MB of them, and memory used again costs
/// no fresh pages.
#[derive(Default)]
struct Spare<'a> {
    candidates: Vec<Candidate<'a>>,
    scored: Vec<Scored>,
}

/// What the ranking step computes for one bid.
#[derive(Clone)]
pub(crate) struct Scored {
    /// Index into the candidates.
    pub(crate) index: usize,
    price: Option<Box<PriceResult>>,
    /// Each price criterion's evaluation, where the lot scores price components.
    prices: Vec<CriterionPrice>,
    pub(crate) total: Figure,
    derivation: TotalDerivation,
    /// Under `relative_total`: the bid's own total, the best and the maximum `total` was made from.
    relative: Option<Box<crate::result::RelativeTotal>>,
    /// Sort key within the comparison: corridor group first (0 in, 1 out), then the figure.
    group: u8,
    /// Secondary key inside a corridor (quality or price), when the extended method applies.
    corridor_key: Option<Exact>,
}

fn figure(policy: RoundingPolicy, exact: Exact) -> Result<Figure, Overflow> {
    Ok(Figure { exact, value: exact.round(policy.decimals, policy.strategy)? })
}

fn round_at(policy: RoundingPolicy, step: RoundingStep, x: Exact) -> Result<Exact, Overflow> {
    x.round_by(policy.rule(step))
}

/// A price criterion's share graded on the lot's scale when the policy rounds grades: the grade
/// `scale maximum × share` is rounded there (a cost grade on 0–5 rounded to 2 decimals before
/// weighting), and the share weighted is `grade / maximum`. Without a `grade` step, the share as
/// it is.
fn price_grade(
    policy: RoundingPolicy,
    scale_max: Decimal,
    share: Exact,
) -> Result<(Exact, Option<PriceGrade>), Overflow> {
    let rule = policy.rule(RoundingStep::Grade);
    if rule.is_none() || scale_max <= Decimal::ZERO {
        return Ok((share, None));
    }
    let max = Exact::from_decimal(scale_max);
    let grade = share.checked_mul(max)?.round_by(rule)?;
    Ok((grade.checked_div(max)?, Some(PriceGrade { grade, scale_max })))
}

pub(crate) fn comparison_of(model: &PriceModel) -> Comparison {
    match model {
        PriceModel::PricePerQualityPoint { .. } => Comparison::LowestPricePerQualityPoint,
        PriceModel::ValueAdded { .. } | PriceModel::PercentAdjustment { .. } => Comparison::LowestEvaluationPrice,
        _ => Comparison::HighestTotal,
    }
}

/// One lot, as the plan → compute → derive stages: the quality plan (and the integer kernel where
/// it applies), each bid's gates and quality, the thresholds, the prices, the ranking and its
/// checks, then the results. `None` when an issue (in `issues`) stops the lot.
fn evaluate_lot<'a>(
    tender: &Tender,
    lot: &Lot,
    bids: &[Entry<'a>],
    detail: Detail,
    cores: usize,
    spare: &mut Spare<'a>,
    issues: &mut Issues,
) -> Option<LotEvaluation> {
    let award = &lot.award;
    let before = issues.list.len();
    let plan = lot_plan(tender, lot, bids, issues)?;
    // The integer kernel, where the figures alone are asked for and the lot's rules allow it.
    let mut kernel = (detail == Detail::Figures).then(|| crate::kernel::QualityKernel::plan(award, &plan)).flatten();
    let mut warnings = Vec::new();
    if award.price_model.depends_on_other_bids() {
        warnings.push(Warning::RelativePriceModel { model: award.price_model.key() });
    }

    // 1. Gates, 2. quality. Only a lot large enough is scored in shares: a lot of the last round
    // with a core to spare (`cores`) uses it for the checks below, since a thread started to score
    // a share of its 1,000 bids cost more than it saved (cold and warm).
    let threads = threads_for(bids.len()).max(1);
    let (mut candidates, kernel_scored) = score_candidates(
        threads,
        tender,
        lot,
        bids,
        &plan,
        kernel.as_mut(),
        &mut spare.candidates,
        &mut warnings,
        issues,
    );
    if issues.list.len() > before {
        return None;
    }
    // 3. Quality thresholds, before price (C-546/16 Montte); relative quality; the best N.
    apply_thresholds(lot, plan.max_points, &mut candidates, issues);
    // Quality relative to the best compliant bid, once the thresholds have been applied to the
    // absolute scores.
    if award.quality.relative.is_some() {
        let passing = ranked(&candidates);
        if relative_quality(award, plan.max_points, &mut candidates, &passing).is_err() {
            issues.overflow(Some(&lot.id), None, "the quality relative to the best bid");
            return None;
        }
    }
    limit_to_best_quality(award, &mut candidates, &mut warnings);
    // 4. Evaluated prices of the bids still in.
    for c in candidates.iter_mut().filter(|c| c.status == BidStatus::Ranked) {
        match price::bid_price(tender, lot, c.bid) {
            Ok(p) => {
                c.price = Some((p.price, p.basis));
                c.criterion_prices = p.criteria;
            }
            Err(e) => price_issue(issues, lot, c.bid, e),
        }
    }
    if issues.list.len() > before {
        return None;
    }

    // 5. Comparison figures and ranking.
    let money_decimals = tender.currency.minor_units();
    let scored = std::mem::take(&mut spare.scored);
    let ranking = match rank_in(lot, money_decimals, &candidates, &ranked(&candidates), None, scored, &mut warnings) {
        Ok(r) => r,
        Err((bid, e)) => {
            match bid {
                Some(b) => price_issue(issues, lot, candidates[b].bid, e),
                None => issues.overflow(Some(&lot.id), None, "the price reference"),
            }
            return None;
        }
    };
    // 6. Rank reversal, for models whose points depend on the other bids, and 7. the award and
    // how close it was. The two checks are independent: with a core to spare they run at once.
    let awarded_set = award_set(&ranking, lot.suppliers_to_award);
    let reversal = || {
        (depends_on_other_bids(award) && ranking.order.len() >= 3).then(|| {
            rank_reversal_check(lot, money_decimals, plan.max_points, &candidates, &ranking, lot.suppliers_to_award)
        })
    };
    let close = |kernel: Option<&mut crate::kernel::QualityKernel<'_, '_>>| {
        crate::close::close_calls(
            &crate::close::Field {
                lot,
                money_decimals,
                plan: &plan,
                candidates: &candidates,
                reference: ranking.reference.clone(),
            },
            kernel,
            &ranking.order,
            &ranking.ranks,
            &awarded_set,
        )
    };
    let (rank_reversal, close_calls) = if cores >= 2 {
        std::thread::scope(|scope| {
            let helper = scope.spawn(reversal);
            let close_calls = close(kernel.as_mut());
            // A panic (a bug) is the caller's, as on one thread.
            (helper.join().unwrap_or_else(|p| std::panic::resume_unwind(p)), close_calls)
        })
    } else {
        (reversal(), close(kernel.as_mut()))
    };
    if let Some(rr) = &rank_reversal {
        let mut seen = BTreeSet::new();
        for r in &rr.reversals {
            if seen.insert(r.removed.clone()) {
                warnings.push(Warning::RankReversal { removed: r.removed.clone() });
            }
        }
    }
    award_warnings(lot, &ranking, &awarded_set, &candidates, &mut warnings);

    let figures = Published::new(award.rounding, money_decimals, plan.max_points, detail);
    let mut lot_result = assemble(lot, candidates, ranking, &awarded_set, &figures, spare);
    lot_result.warnings = warnings;
    lot_result.rank_reversal = rank_reversal;
    lot_result.close_calls = close_calls;
    lot_result.kernel_scored = kernel_scored;
    Some(lot_result)
}

/// The indices of the candidates still ranked.
fn ranked(candidates: &[Candidate<'_>]) -> Vec<usize> {
    (0..candidates.len()).filter(|&i| candidates[i].status == BidStatus::Ranked).collect()
}

/// The lot's quality plan, with the field of measured values among the bids in play after the
/// gates; `None` (with the issue) where the lot cannot be computed.
fn lot_plan<'a>(tender: &Tender, lot: &'a Lot, bids: &[Entry<'_>], issues: &mut Issues) -> Option<QualityPlan<'a>> {
    let award = &lot.award;
    let lot_id = Some(&lot.id);
    if award.weighting == Weighting::Order {
        issues.push(
            lot_id,
            None,
            "the criteria have only an order of importance, which cannot be computed",
            "give percentage or point weights, or evaluate this lot by the committee's written assessment",
        );
        return None;
    }
    let Ok(mut plan) = QualityPlan::new(award) else {
        issues.overflow(lot_id, None, "the quality weights");
        return None;
    };
    let in_play_after_gates =
        bids.iter().filter(|e| e.defects.is_empty() && gates::check_all(tender, lot, e.bid).iter().all(|g| g.passed));
    if plan.observe(in_play_after_gates.map(|e| e.bid)).is_err() {
        issues.overflow(lot_id, None, "the measured values");
        return None;
    }
    Some(plan)
}

/// A lot with this many bids per core has them scored on several threads.
const PARALLEL_FROM_BIDS_PER_THREAD: usize = 2048;

/// The threads to score a lot of `bids` bids on: one per core, each with at least
/// [`PARALLEL_FROM_BIDS_PER_THREAD`] bids.
fn threads_for(bids: usize) -> usize {
    let cores = tender_core::shares::cores();
    cores.min(bids / PARALLEL_FROM_BIDS_PER_THREAD)
}

/// Steps 1 and 2 for a lot: [`score_share`] of the bids, on `threads` threads (see
/// [`threads_for`]), each a contiguous share with a kernel of its own (planned the same way); the
/// candidates, warnings and issues are put together in bid order, as on one thread.
#[allow(clippy::too_many_arguments)]
fn score_candidates<'a>(
    threads: usize,
    tender: &Tender,
    lot: &Lot,
    bids: &[Entry<'a>],
    plan: &QualityPlan<'_>,
    kernel: Option<&mut crate::kernel::QualityKernel<'_, '_>>,
    spare: &mut Vec<Candidate<'a>>,
    warnings: &mut Vec<Warning>,
    issues: &mut Issues,
) -> (Vec<Candidate<'a>>, u32) {
    let mut candidates = std::mem::take(spare);
    candidates.clear();
    candidates.reserve(bids.len());
    if threads < 2 || bids.len() < threads {
        let scored = score_share(tender, lot, bids, plan, kernel, &mut candidates, warnings, issues);
        return (candidates, scored);
    }
    // Each share with a kernel of its own (planned the same way). The first share, scored on this
    // thread, is scored into the lot's own vectors (the candidates' with room for every bid), so
    // only the other shares' candidates and warnings are copied after it.
    let with_kernel = kernel.is_some();
    let (_, shares) = tender_core::shares::in_shares_from(
        bids,
        threads,
        1,
        (candidates, std::mem::take(warnings)),
        |share| (Vec::with_capacity(share.len()), Vec::new()),
        |(mut candidates, mut warnings), share| {
            let mut kernel = with_kernel.then(|| crate::kernel::QualityKernel::plan(&lot.award, plan)).flatten();
            let mut issues = Issues::default();
            let scored =
                score_share(tender, lot, share, plan, kernel.as_mut(), &mut candidates, &mut warnings, &mut issues);
            (candidates, scored, warnings, issues)
        },
    );
    let (mut candidates, mut kernel_scored) = (Vec::new(), 0);
    for (k, share) in shares.into_iter().enumerate() {
        let (more, scored, more_warnings, more_issues) = tender_core::shares::resumed(share);
        if k == 0 {
            // The lot's own vectors, handed to the first share.
            candidates = more;
            *warnings = more_warnings;
        } else {
            candidates.extend(more);
            warnings.extend(more_warnings);
        }
        kernel_scored += scored;
        issues.list.extend(more_issues.list);
    }
    (candidates, kernel_scored)
}

/// The bids [`score_share`] scores before it grows the warnings vector for the rest.
const WARNING_RATE_FROM_BIDS: usize = 64;

/// Steps 1 and 2: each bid's gates and quality, by the kernel where it can and the plan where it
/// cannot; with the number of bids the kernel scored. A rejected bid keeps what can be computed
/// of it (its marks and evaluated price) but takes no rank. The candidates are appended to
/// `candidates`.
#[allow(clippy::too_many_arguments)]
fn score_share<'a>(
    tender: &Tender,
    lot: &Lot,
    bids: &[Entry<'a>],
    plan: &QualityPlan<'_>,
    mut kernel: Option<&mut crate::kernel::QualityKernel<'_, '_>>,
    candidates: &mut Vec<Candidate<'a>>,
    warnings: &mut Vec<Warning>,
    issues: &mut Issues,
) -> u32 {
    let mut kernel_scored = 0u32;
    let warned_before = warnings.len();
    for (i, &Entry { bid, defects, marks }) in bids.iter().enumerate() {
        if i == WARNING_RATE_FROM_BIDS {
            // Marks that disagree can give several warnings a bid (6 a bid in the peers' tender):
            // the vector is grown once for the rest of the bids at the rate seen so far, not
            // doubled (and copied) a dozen times.
            let rate = (warnings.len() - warned_before).div_ceil(i);
            warnings.reserve_exact(rate.saturating_mul(bids.len() - i));
        }
        // The id's text is read now, ahead of the warnings that clone the id: the memory it shares
        // with the id's reference count is then fetched while the gates and marks are worked
        // through, rather than when the first clone waits for it (a bid's id is not read before).
        std::hint::black_box(bid.id.as_str().as_bytes().first().copied());
        let gates = gates::check_all(tender, lot, bid);
        let failed: Vec<Id> = gates.iter().filter(|g| !g.passed).map(|g| g.requirement.clone()).collect();
        let mut c = Candidate {
            bid,
            marks,
            rejection: defects.to_vec(),
            gates,
            criteria: Vec::new(),
            quality: None,
            below: None,
            quality_relative: None,
            status: BidStatus::Ranked,
            exclusion: None,
            price: None,
            criterion_prices: Vec::new(),
        };
        if !defects.is_empty() {
            // Rejected as non-compliant: nothing it sent is lost (its marks and evaluated price
            // are kept where they can be computed), but it takes no rank and sets no reference.
            c.status = BidStatus::Rejected;
            let mut scratch = Vec::new();
            if let Some(k) = kernel.as_deref_mut().zip(marks).and_then(|(k, m)| k.score(bid, m, &mut scratch)) {
                c.quality = Some(k.quality);
                c.below = k.below;
                kernel_scored += 1;
            } else if let Ok((criteria, q)) = plan.score(bid, &mut scratch) {
                c.set_quality(criteria, q);
            }
            if let Ok(p) = price::bid_price(tender, lot, bid) {
                c.price = Some((p.price, p.basis));
                c.criterion_prices = p.criteria;
            }
        } else if !failed.is_empty() {
            c.status = BidStatus::FailedGate;
            c.exclusion = Some(Exclusion::Gates { requirements: failed });
        } else if let Some(k) = kernel.as_deref_mut().zip(marks).and_then(|(k, m)| k.score(bid, m, warnings)) {
            c.quality = Some(k.quality);
            c.below = k.below;
            kernel_scored += 1;
        } else {
            match plan.score(bid, warnings) {
                Ok((criteria, q)) => c.set_quality(criteria, q),
                Err(e) => quality_issue(issues, Some(&lot.id), &bid.id, e),
            }
        }
        candidates.push(c);
    }
    kernel_scored
}

fn quality_issue(issues: &mut Issues, lot_id: Option<&Id>, bid: &Id, e: QualityError) {
    match e {
        QualityError::Missing(id) => issues.push(
            lot_id,
            Some(bid),
            format!("the criterion `{id}` has no evaluator score"),
            format!("record the evaluators' scores for `{id}` in the bid's [[scores]] (or a [[consensus]] score)"),
        ),
        QualityError::NoConsensus(id) => issues.push(
            lot_id,
            Some(bid),
            format!("the lot aggregates by consensus but `{id}` has no consensus score"),
            format!("record the committee's consensus score for `{id}` in [[consensus]]"),
        ),
        QualityError::Measure(id, e) => measure_issue(issues, lot_id, bid, &id, e),
        QualityError::Overflow => issues.overflow(lot_id, Some(bid), "the quality scores"),
    }
}

/// Step 3: a ranked bid below a criterion's minimum score, or below the minimum share of the
/// quality points, is excluded before price is looked at (C-546/16 Montte).
fn apply_thresholds(lot: &Lot, max_quality: Exact, candidates: &mut [Candidate<'_>], issues: &mut Issues) {
    let award = &lot.award;
    let policy = award.rounding;
    for c in candidates.iter_mut().filter(|c| c.status == BidStatus::Ranked) {
        if let Some((criterion, score)) = c.below.clone() {
            let minimum = award.criteria.iter().find(|cr| cr.id == criterion).and_then(|cr| cr.minimum_score);
            c.status = BidStatus::BelowQualityThreshold;
            c.exclusion = Some(Exclusion::CriterionMinimum {
                criterion,
                score: score.approx(policy.decimals.max(2)),
                minimum: minimum.map(|m| m.get()).unwrap_or_default(),
            });
            continue;
        }
        if let (Some(minimum), Some(q)) = (award.quality.minimum_total, c.quality)
            && !max_quality.is_zero()
        {
            let percent =
                q.checked_mul(Exact::from_int(100).unwrap_or(Exact::ONE)).and_then(|x| x.checked_div(max_quality));
            match percent {
                Ok(p) if p < Exact::from_decimal(minimum.get()) => {
                    c.status = BidStatus::BelowQualityThreshold;
                    c.exclusion = Some(Exclusion::QualityMinimum {
                        percent: p.approx(policy.decimals.max(2)),
                        minimum: minimum.get(),
                    });
                }
                Ok(_) => {}
                Err(_) => issues.overflow(Some(&lot.id), Some(&c.bid.id), "the quality percentage"),
            }
        }
    }
}

/// Only the best `quality.max_pass` bids by quality go on to price; bids level with the last of
/// them go on too, with a warning.
fn limit_to_best_quality(
    award: &tender_core::AwardModel,
    candidates: &mut [Candidate<'_>],
    warnings: &mut Vec<Warning>,
) {
    let Some(n) = award.quality.max_pass else { return };
    let mut passing = ranked(candidates);
    passing.sort_by(|&a, &b| {
        candidates[b].quality.cmp(&candidates[a].quality).then_with(|| candidates[a].bid.id.cmp(&candidates[b].bid.id))
    });
    let limit = usize::try_from(n).unwrap_or(usize::MAX);
    if passing.len() <= limit || limit == 0 {
        return;
    }
    let cut = candidates[passing[limit - 1]].quality;
    let mut beyond = Vec::new();
    for (place, &i) in passing.iter().enumerate().skip(limit) {
        if candidates[i].quality == cut {
            beyond.push(candidates[i].bid.id.clone());
        } else {
            candidates[i].status = BidStatus::NotAmongBestQuality;
            candidates[i].exclusion =
                Some(Exclusion::MaxPass { max_pass: n, place: u32::try_from(place + 1).unwrap_or(u32::MAX) });
        }
    }
    if !beyond.is_empty() {
        warnings.push(Warning::MaxPassTie { bids: beyond });
    }
}

/// The award's warnings: a tie across the cut-off, and fewer ranked bids than places.
fn award_warnings(
    lot: &Lot,
    ranking: &Ranking,
    awarded: &BTreeSet<usize>,
    candidates: &[Candidate<'_>],
    warnings: &mut Vec<Warning>,
) {
    let to_award = lot.suppliers_to_award;
    let cutoff_ties = cutoff_ties(ranking, awarded, to_award, candidates);
    if !cutoff_ties.is_empty() {
        warnings.push(Warning::TieAtAwardCutOff { bids: cutoff_ties });
    }
    let ranked_count = u32::try_from(ranking.order.len()).unwrap_or(u32::MAX);
    if ranked_count < to_award {
        warnings.push(Warning::FewerBidsThanAwards { ranked: ranked_count, to_award });
    }
}

/// The lot's result: ranked bids in rank order, then the others in the order given (by id); the
/// warnings, rank reversal, close calls and kernel count are the caller's to fill in.
fn assemble<'a>(
    lot: &Lot,
    candidates: Vec<Candidate<'a>>,
    ranking: Ranking,
    awarded_set: &BTreeSet<usize>,
    figures: &Published,
    spare: &mut Spare<'a>,
) -> LotEvaluation {
    let award = &lot.award;
    let mut results = Vec::with_capacity(candidates.len());
    let mut awarded = Vec::new();
    // Each result takes its parts out of its candidate and its scored figures in place: the
    // (large) records are not moved whole.
    let mut candidates = candidates;
    let Ranking { mut order, ranks, ties, reference } = ranking;
    // What each result copies from its bid (ids, name, sovereignty record) is copied first, in
    // the candidates' order, which is the order the bids were read in and lie in memory. Copied
    // in rank order, each copy would wait on memory far from the last one's. A copy taken is a
    // result placed.
    let mut copies: Vec<Option<BidCopy>> = candidates.iter().map(|c| Some(BidCopy::of(c.bid))).collect();
    for (s, rank) in order.iter_mut().zip(ranks) {
        let Some(copy) = copies[s.index].take() else { continue };
        let is_awarded = awarded_set.contains(&s.index);
        let c = &mut candidates[s.index];
        if is_awarded {
            awarded.push(c.bid.id.clone());
        }
        results.push(bid_result(c, copy, Some(s), Some(rank), is_awarded, figures));
    }
    for (c, copy) in candidates.iter_mut().zip(&mut copies) {
        if let Some(copy) = copy.take() {
            results.push(bid_result(c, copy, None, None, false, figures));
        }
    }
    // What is left of the records is dropped; their vectors go to the thread's next lot.
    candidates.clear();
    order.clear();
    spare.candidates = candidates;
    spare.scored = order;
    let (lowest_price, highest_price) = reference.total.map_or((None, None), |r| (Some(r.lowest), Some(r.highest)));
    let price_references = if award.has_components() {
        award
            .price_criteria()
            .zip(&reference.criteria)
            .filter_map(|(c, r)| {
                r.map(|r| crate::result::PriceReference {
                    criterion: c.id.clone(),
                    lowest: r.lowest,
                    highest: r.highest,
                })
            })
            .collect()
    } else {
        Vec::new()
    };
    LotEvaluation {
        lot: lot.id.clone(),
        comparison: comparison_of(&award.price_model),
        price_model: award.price_model.key(),
        depends_on_other_bids: depends_on_other_bids(award),
        decimals: award.rounding.decimals,
        lowest_price,
        highest_price,
        price_references,
        bids: results,
        awarded,
        ties,
        warnings: Vec::new(),
        rank_reversal: None,
        close_calls: Vec::new(),
        kernel_scored: 0,
    }
}

/// Rescales the quality of the `in_play` candidates to the best of them, as the award model's
/// `quality.relative` says (nothing when it is absent): per criterion, points = weight × score /
/// the best score; on the total, points = the maximum × quality / the best quality. A best of zero
/// (every bid scored zero) gives zero points. Rounding at the ratio or the criterion applies to
/// the relative figures.
pub(crate) fn relative_quality(
    award: &tender_core::AwardModel,
    max_quality: Exact,
    candidates: &mut [Candidate<'_>],
    in_play: &[usize],
) -> Result<(), Overflow> {
    let policy = award.rounding;
    match award.quality.relative {
        None => {}
        Some(RelativeQuality::PerCriterion) => {
            let count = award.quality_criteria().count();
            for k in 0..count {
                // A measured criterion is scored by its own rule, relative to the best where it says so.
                if award.quality_criteria().nth(k).is_some_and(|c| c.measure.is_some()) {
                    continue;
                }
                let best = in_play.iter().filter_map(|&i| candidates[i].criteria.get(k).map(|r| r.score)).max();
                for &i in in_play {
                    let Some(r) = candidates[i].criteria.get_mut(k) else { continue };
                    let best = best.unwrap_or(Exact::ZERO);
                    let ratio =
                        if best.is_zero() || best.is_negative() { Exact::ZERO } else { r.score.checked_div(best)? };
                    let ratio = round_at(policy, RoundingStep::Ratio, ratio)?;
                    let points = r.weight.checked_mul(ratio)?;
                    let points = round_at(policy, RoundingStep::Criterion, points)?;
                    r.best = Some(best);
                    r.ratio = ratio;
                    r.points = figure(policy, points)?;
                }
            }
            for &i in in_play {
                let mut q = Exact::ZERO;
                for r in &candidates[i].criteria {
                    q = q.checked_add(r.points.exact)?;
                }
                candidates[i].quality = Some(round_at(policy, RoundingStep::Quality, q)?);
            }
        }
        Some(RelativeQuality::QualityTotal) => {
            let best = in_play.iter().filter_map(|&i| candidates[i].quality).max().unwrap_or(Exact::ZERO);
            for &i in in_play {
                let Some(q) = candidates[i].quality else { continue };
                let relative = if best.is_zero() || best.is_negative() {
                    Exact::ZERO
                } else {
                    max_quality.checked_mul(q)?.checked_div(best)?
                };
                candidates[i].quality_relative =
                    Some(Box::new(crate::result::RelativeTotal { absolute: q, best, maximum: max_quality }));
                candidates[i].quality = Some(round_at(policy, RoundingStep::Quality, relative)?);
            }
        }
    }
    Ok(())
}

/// The bids that share a rank with an awarded bid but were not awarded themselves (the tie at
/// the award cut-off), in rank order. One pass to count each rank, one to select.
fn cutoff_ties(ranking: &Ranking, awarded: &BTreeSet<usize>, to_award: u32, candidates: &[Candidate<'_>]) -> Vec<Id> {
    // Each rank's number of bids, and the number ranked before it, for the ranks that can reach
    // the places: a bid's rank is its position's (counted from 1) or a tied bid's ahead of it, so
    // fewer than `r` bids rank ahead of rank `r`, and a rank above the places has none of them
    // ahead of the cut-off. The map stays as small as the places.
    let places = usize::try_from(to_award).unwrap_or(usize::MAX);
    let mut per_rank: BTreeMap<u32, (usize, usize)> = BTreeMap::new();
    for &r in ranking.ranks.iter().filter(|&&r| usize::try_from(r).is_ok_and(|r| r <= places)) {
        per_rank.entry(r).or_default().0 += 1;
    }
    let mut before = 0;
    for (count, ahead) in per_rank.values_mut() {
        *ahead = before;
        before += *count;
    }
    ranking
        .order
        .iter()
        .zip(&ranking.ranks)
        .filter(|(s, r)| {
            per_rank.get(r).is_some_and(|&(count, ahead)| count > 1 && ahead < places) && !awarded.contains(&s.index)
        })
        .map(|(s, _)| candidates[s.index].bid.id.clone())
        .collect()
}

/// The candidates awarded in a ranking: those whose rank, counted with the bids ranked level with
/// or ahead of them, is within `to_award` (so a tie across the cut-off awards none of the tied).
pub(crate) fn award_set(ranking: &Ranking, to_award: u32) -> BTreeSet<usize> {
    let slots = usize::try_from(to_award).unwrap_or(usize::MAX);
    let mut out = BTreeSet::new();
    for (pos, s) in ranking.order.iter().enumerate() {
        let rank = ranking.ranks[pos];
        // Ranks are sorted, so the bids at or ahead of `rank` are a prefix.
        let within = ranking.ranks.partition_point(|&r| r <= rank);
        if within <= slots {
            out.insert(s.index);
        }
    }
    out
}

/// How a lot's figures are published.
struct Published {
    policy: RoundingPolicy,
    money_decimals: u32,
    /// `100 / the maximum quality points`: quality in percent is `quality × percent`, exactly
    /// (`None` when the maximum is zero).
    percent: Option<Exact>,
    detail: Detail,
}

impl Published {
    fn new(policy: RoundingPolicy, money_decimals: u32, max_quality: Exact, detail: Detail) -> Self {
        let percent = Exact::from_int(100).and_then(|h| h.checked_div(max_quality)).ok();
        Self { policy, money_decimals, percent, detail }
    }
}

/// A bid's ids, its bidder's name and its sovereignty record, as its result carries them.
struct BidCopy {
    bid: Id,
    bidder: Id,
    bidder_name: String,
    sovereignty: Option<SealRecord>,
}

impl BidCopy {
    fn of(bid: &Bid) -> Self {
        Self {
            bid: bid.id.clone(),
            bidder: bid.bidder.id.clone(),
            bidder_name: bid.bidder.name.clone(),
            sovereignty: bid.sovereignty.as_ref().map(SealRecord::of),
        }
    }
}

fn bid_result(
    c: &mut Candidate<'_>,
    copy: BidCopy,
    scored: Option<&mut Scored>,
    rank: Option<u32>,
    awarded: bool,
    p: &Published,
) -> BidResult {
    let Published { policy, money_decimals, percent, detail } = *p;
    let quality = c.quality.and_then(|q| figure(policy, q).ok());
    let quality_percent = c
        .quality
        .zip(percent)
        .and_then(|(q, percent)| q.checked_mul(percent).ok())
        .and_then(|p| figure(policy, p).ok());
    let (price, prices, total, total_derivation, total_relative) = match scored {
        Some(s) => {
            // The total's derivation is published with the derivations only. A sum's quality
            // terms are the criteria's points, taken from the candidate here rather than copied
            // for every bid in every ranking.
            let derivation = (detail == Detail::Derivations).then(|| {
                let mut d =
                    std::mem::replace(&mut s.derivation, TotalDerivation::Sum { price: None, quality: Vec::new() });
                if let TotalDerivation::Sum { quality, .. } = &mut d {
                    *quality = c.criteria.iter().map(|r| (r.criterion.clone(), r.points.exact)).collect();
                }
                Box::new(d)
            });
            (s.price.take(), std::mem::take(&mut s.prices), Some(s.total), derivation, s.relative.take())
        }
        None => {
            // A rejected bid keeps its evaluated price (without points), so nothing it sent is lost.
            let money = RoundingPolicy { decimals: money_decimals, ..policy };
            let price = c.price.take().filter(|_| c.status == BidStatus::Rejected).and_then(|(p, basis)| {
                figure(money, p).ok().map(|evaluated| Box::new(PriceResult::unscored(basis, evaluated)))
            });
            (price, Vec::new(), None, None, None)
        }
    };
    let criteria = match detail {
        Detail::Derivations => std::mem::take(&mut c.criteria),
        Detail::Figures => Vec::new(),
    };
    BidResult {
        bid: copy.bid,
        bidder: copy.bidder,
        bidder_name: copy.bidder_name,
        status: c.status,
        rejection: std::mem::take(&mut c.rejection),
        sovereignty: copy.sovereignty,
        gates: std::mem::take(&mut c.gates),
        criteria,
        quality,
        quality_percent,
        quality_relative: c.quality_relative.take(),
        price,
        prices,
        total,
        total_derivation,
        total_relative,
        rank,
        awarded,
        passed_over: false,
        exclusion: c.exclusion.take(),
    }
}

fn price_issue(issues: &mut Issues, lot: &Lot, bid: &Bid, e: PriceError) {
    let (lot_id, bid_id) = (Some(&lot.id), Some(&bid.id));
    match e {
        PriceError::NoPrice => issues.push(
            lot_id,
            bid_id,
            "the bid states no total price",
            "add `price.total`; a bid without a price is rejected before evaluation",
        ),
        PriceError::NoSchedule => issues.push(
            lot_id,
            bid_id,
            "the lot is evaluated on life-cycle cost but the bid has no price schedule",
            "add [price.schedule] with one_off and recurring_per_year",
        ),
        PriceError::OptionNotPriced(o) => issues.push(
            lot_id,
            bid_id,
            format!("the option `{o}` is evaluated but the bid does not price it"),
            format!("add [[price.options]] with option = \"{o}\""),
        ),
        PriceError::ComponentNotPriced(x) => issues.push(
            lot_id,
            bid_id,
            format!("the bid gives no price for the price component `{x}`"),
            format!(
                "add [[price.components]] with component = \"{x}\"; a bid without it is rejected before evaluation"
            ),
        ),
        PriceError::UnitPriceMissing(l) => issues.push(
            lot_id,
            bid_id,
            format!("the lot is evaluated on a price basket but the bid gives no unit price for the line `{l}`"),
            format!("add [[price.unit_prices]] with line = \"{l}\"; a bid without it is rejected before evaluation"),
        ),
        PriceError::NotPositive(p) => issues.push(
            lot_id,
            bid_id,
            format!(
                "the evaluated price {} is not above zero, and the `{}` price model divides by prices",
                p.approx(2),
                lot.award.price_model.key()
            ),
            "correct the price; a free offer cannot be scored by a relative price model",
        ),
        PriceError::Logarithm => issues.push(
            lot_id,
            bid_id,
            "the logarithmic price model could not be computed for this price",
            "check the price and the model's `zero_at`",
        ),
        PriceError::Formula(why) => issues.push(
            lot_id,
            bid_id,
            why,
            "correct the price formula in the tender (`tender check` computes it over a grid of prices), or the price",
        ),
        PriceError::Overflow => issues.overflow(lot_id, bid_id, "the price"),
    }
}

/// The outcome of ranking a set of bids.
pub(crate) struct Ranking {
    pub(crate) order: Vec<Scored>,
    pub(crate) ranks: Vec<u32>,
    ties: Vec<Tie>,
    pub(crate) reference: References,
}

/// The reference prices a ranking is made against: the lowest and highest evaluated price, and,
/// where the lot scores price components, each price criterion's.
#[derive(Clone, Debug, Default)]
pub(crate) struct References {
    pub(crate) total: Option<Reference>,
    pub(crate) criteria: Vec<Option<Reference>>,
    /// Under `relative_total`: the best total among the ranked bids (before it is made relative),
    /// filled when the ranking computes it; fixed references carry the field's best. `None` where
    /// the total is not relative, or to have it computed from the bids ranked.
    pub(crate) best_total: Option<Exact>,
}

type RankError = (Option<usize>, PriceError);

/// Computes the comparison figures of `in_play` candidates and ranks them. Evaluated prices are
/// published with the currency's decimals (`money_decimals`), points with the policy's.
fn rank(
    lot: &Lot,
    money_decimals: u32,
    candidates: &[Candidate<'_>],
    in_play: &[usize],
    warnings: &mut Vec<Warning>,
) -> Result<Ranking, RankError> {
    rank_with(lot, money_decimals, candidates, in_play, None, warnings)
}

/// [`rank`], with the reference prices fixed (`Some`) instead of taken from `in_play`: to rank
/// a few bids as they stand in the whole field.
pub(crate) fn rank_with(
    lot: &Lot,
    money_decimals: u32,
    candidates: &[Candidate<'_>],
    in_play: &[usize],
    fixed: Option<&References>,
    warnings: &mut Vec<Warning>,
) -> Result<Ranking, RankError> {
    rank_in(lot, money_decimals, candidates, in_play, fixed, Vec::new(), warnings)
}

/// [`rank_with`], with the scored bids made in `scored` (emptied first): a vector of an earlier
/// lot's, so a thread evaluating several lots reuses its memory.
fn rank_in(
    lot: &Lot,
    money_decimals: u32,
    candidates: &[Candidate<'_>],
    in_play: &[usize],
    fixed: Option<&References>,
    scored: Vec<Scored>,
    warnings: &mut Vec<Warning>,
) -> Result<Ranking, RankError> {
    let award = &lot.award;
    let references = match fixed {
        Some(r) => r.clone(),
        None => references_of(award, candidates, in_play),
    };
    check_divisors(award, candidates, in_play)?;
    let pricing = Pricing::new(award, money_decimals, &references);
    let mut scored = scored;
    scored.clear();
    scored.reserve(in_play.len());
    let threads = threads_for(in_play.len());
    let mut scored = price_field(threads, &pricing, candidates, in_play, scored, warnings)?;
    // The passes over the whole scored field (see `whole_field`).
    if let PriceModel::PricePerQualityPoint { corridor: Some(width), decision } = &award.price_model {
        apply_corridor(&mut scored, *width, *decision).map_err(|e| (None, e.into()))?;
    }
    let mut references = references;
    if relative_totals_apply(award) {
        let best = relative_totals(award, &mut scored, references.best_total).map_err(|e| (None, e.into()))?;
        references.best_total = Some(best);
    }
    let keys: Vec<RankKey> = scored.iter().map(RankKey::of).collect();
    let (order, ranks, ties) = order_with_ties(lot, candidates, &keys, warnings);
    permute(&mut scored, &order);
    Ok(Ranking { order: scored, ranks, ties, reference: references })
}

/// Each `in_play` candidate's figures ([`score_priced`]) appended to `scored`, in order. A large
/// lot's are made on `threads` threads (see [`threads_for`]) in contiguous shares, the first
/// share's into `scored`; the first error in the field's order is returned, as on one thread.
fn price_field(
    threads: usize,
    pricing: &Pricing<'_>,
    candidates: &[Candidate<'_>],
    in_play: &[usize],
    scored: Vec<Scored>,
    warnings: &mut Vec<Warning>,
) -> Result<Vec<Scored>, RankError> {
    let price = |mut into: Vec<Scored>, share: &[usize], warnings: &mut Vec<Warning>| {
        for &i in share {
            if let Some(s) = score_priced(pricing, candidates, i, warnings)? {
                into.push(s);
            }
        }
        Ok(into)
    };
    if threads < 2 {
        return price(scored, in_play, warnings);
    }
    let (_, shares) = tender_core::shares::in_shares_from(
        in_play,
        threads,
        1,
        (scored, std::mem::take(warnings)),
        |share| (Vec::with_capacity(share.len()), Vec::new()),
        |(into, mut warnings), share| (price(into, share, &mut warnings), warnings),
    );
    let mut all = Vec::new();
    for (k, share) in shares.into_iter().enumerate() {
        let (priced, more_warnings) = tender_core::shares::resumed(share);
        if k == 0 {
            // The vectors handed to the first share.
            *warnings = more_warnings;
            all = priced?;
        } else {
            warnings.extend(more_warnings);
            all.extend(priced?);
        }
    }
    Ok(all)
}

/// The order alone of the `in_play` candidates (their indices, best first), as [`rank`] gives
/// it, without keeping each bid's figures: a bid's figures are made, its sort key kept and the
/// rest dropped. A model whose figures depend on the whole scored field (the price-per-quality-
/// point corridor, total points relative to the best) is ranked by [`rank`].
fn rank_order(
    lot: &Lot,
    money_decimals: u32,
    candidates: &[Candidate<'_>],
    in_play: &[usize],
) -> Result<Vec<usize>, RankError> {
    let award = &lot.award;
    let mut scratch = Vec::new();
    if whole_field(award) {
        let r = rank(lot, money_decimals, candidates, in_play, &mut scratch)?;
        return Ok(r.order.iter().map(|s| s.index).collect());
    }
    let references = references_of(award, candidates, in_play);
    check_divisors(award, candidates, in_play)?;
    let pricing = Pricing::new(award, money_decimals, &references);
    let mut keys = Vec::with_capacity(in_play.len());
    for &i in in_play {
        if let Some(k) = rank_key(&pricing, candidates, i, &mut scratch)? {
            keys.push(k);
        }
    }
    let (order, _, _) = order_with_ties(lot, candidates, &keys, &mut scratch);
    Ok(order.iter().map(|&k| keys[k].index).collect())
}

/// Whether [`rank_with`] makes the figures again once the whole field is scored: the extended
/// price-per-quality-point method's corridor, or totals relative to the best.
fn whole_field(award: &tender_core::AwardModel) -> bool {
    matches!(award.price_model, PriceModel::PricePerQualityPoint { corridor: Some(_), .. })
        || relative_totals_apply(award)
}

/// Whether totals are made relative to the best total: only where the highest total wins
/// (validation refuses `relative_total` elsewhere).
fn relative_totals_apply(award: &tender_core::AwardModel) -> bool {
    award.relative_total && comparison_of(&award.price_model) == Comparison::HighestTotal
}

/// One candidate's comparison figure under the lot's model; `None` for a bid without a price.
fn score_priced(
    pricing: &Pricing<'_>,
    candidates: &[Candidate<'_>],
    i: usize,
    warnings: &mut Vec<Warning>,
) -> Result<Option<Scored>, RankError> {
    let award = pricing.award;
    let c = &candidates[i];
    let Some((p, basis)) = c.price.clone() else { return Ok(None) };
    let evaluated = figure(pricing.money, p).map_err(|e| (Some(i), e.into()))?;
    let bid = PricedBid { index: i, candidate: c, price: p, result: PriceResult::unscored(basis, evaluated) };
    if by_one_price_model(award) {
        return by_price(pricing, bid, &award.price_model).map(Some);
    }
    let s = match &award.price_model {
        PriceModel::PricePerQualityPoint { corridor, decision } => {
            per_quality_point(pricing, bid, *corridor, *decision, warnings)?
        }
        PriceModel::ValueAdded { mode } => value_added(pricing, bid, *mode)?,
        PriceModel::PercentAdjustment { mode, max_percent } => percent_adjustment(pricing, bid, *mode, *max_percent)?,
        _ => by_components(pricing, bid)?,
    };
    Ok(Some(s))
}

/// Whether the lot's price is scored by one criterion's price model ([`by_price`]): not by
/// components, price per quality point or an adjusted evaluation price.
fn by_one_price_model(award: &tender_core::AwardModel) -> bool {
    !award.has_components()
        && !matches!(
            award.price_model,
            PriceModel::PricePerQualityPoint { .. }
                | PriceModel::ValueAdded { .. }
                | PriceModel::PercentAdjustment { .. }
        )
}

/// Candidate `i`'s sort key, as [`RankKey::of`] reads it from [`score_priced`]'s figures: where
/// one price model scores the price, the figures the key reads are made alone, without the price
/// result the ranking publishes (an order without the figures, as the rank-reversal check asks
/// for, needs none). `None` for a bid without a price.
fn rank_key(
    pricing: &Pricing<'_>,
    candidates: &[Candidate<'_>],
    i: usize,
    warnings: &mut Vec<Warning>,
) -> Result<Option<RankKey>, RankError> {
    let award = pricing.award;
    if !by_one_price_model(award) {
        return Ok(score_priced(pricing, candidates, i, warnings)?.as_ref().map(RankKey::of));
    }
    let c = &candidates[i];
    let Some((p, _)) = c.price else { return Ok(None) };
    let wrap = |e: Overflow| (Some(i), PriceError::from(e));
    // The same figures, checked in the same order, as `score_priced` and `by_price` make them.
    let evaluated = figure(pricing.money, p).map_err(wrap)?;
    let points = match price_points(pricing, &award.price_model, i, p)? {
        Some(pp) => Some(figure(pricing.policy, pp.points).map_err(wrap)?),
        None => None,
    };
    let total = points.map_or(Exact::ZERO, |f| f.exact).checked_add(c.quality.unwrap_or(Exact::ZERO)).map_err(wrap)?;
    let total = figure(pricing.policy, total).map_err(wrap)?.value;
    Ok(Some(RankKey {
        index: i,
        group: 0,
        corridor_key: None,
        total,
        total_units: total.mantissa(),
        evaluated: Some(evaluated.exact),
        price_points: points.map(|f| f.value),
    }))
}

/// Total points relative to the best (`relative_total`): the best total (`fixed`, the field's,
/// or else the highest among `scored`) earns the maximum points, the sum of the effective
/// weights, and every total becomes `maximum × total / best`, exactly, then rounded as the policy
/// rounds totals. A best of zero or less gives every bid 0. Returns the best.
fn relative_totals(
    award: &tender_core::AwardModel,
    scored: &mut [Scored],
    fixed: Option<Exact>,
) -> Result<Exact, Overflow> {
    let policy = award.rounding;
    let maximum = award
        .criteria
        .iter()
        .filter(|c| c.weight.is_some())
        .try_fold(Exact::ZERO, |acc, c| acc.checked_add(crate::weights::effective(award, c)?))?;
    let best = match fixed {
        Some(best) => best,
        None => scored.iter().map(|s| s.total.exact).max().unwrap_or(Exact::ZERO),
    };
    for s in scored {
        let absolute = s.total.exact;
        let relative = if best.is_zero() || best.is_negative() {
            Exact::ZERO
        } else {
            maximum.checked_mul(absolute)?.checked_div(best)?
        };
        s.total = figure(policy, relative)?;
        s.relative = Some(Box::new(crate::result::RelativeTotal { absolute, best, maximum }));
    }
    Ok(best)
}

/// The reference prices of the `in_play` candidates: the lowest, highest and mean evaluated
/// price, and each price criterion's where the lot scores price components.
fn references_of(award: &tender_core::AwardModel, candidates: &[Candidate<'_>], in_play: &[usize]) -> References {
    // The mean is only a price formula's, and only computed where one reads it (a sum of every
    // price, reduced at each step); where it cannot be computed exactly a formula that uses it
    // says so.
    let mean = std::iter::once(&award.price_model)
        .chain(award.price_criteria().map(|c| award.model_of(c)))
        .any(|m| reads_references(m).1);
    let span = |prices: &[Exact]| match mean.then(|| Reference::of(prices)) {
        Some(Ok(r)) => r,
        None | Some(Err(Overflow)) => match (prices.iter().min(), prices.iter().max()) {
            (Some(&lowest), Some(&highest)) => Some(Reference { lowest, highest, mean: None }),
            _ => None,
        },
    };
    let prices: Vec<Exact> = in_play.iter().filter_map(|&i| candidates[i].price.as_ref().map(|p| p.0)).collect();
    let count = if award.has_components() { award.price_criteria().count() } else { 0 };
    let criteria = (0..count)
        .map(|k| {
            let of_k: Vec<Exact> =
                in_play.iter().filter_map(|&i| candidates[i].criterion_prices.get(k).map(|p| p.0)).collect();
            span(&of_k)
        })
        .collect();
    References { total: span(&prices), criteria, best_total: None }
}

/// Models that divide by prices need every price above zero: names the bid that is not. A price
/// formula checks its own divisions as it is evaluated.
fn check_divisors(
    award: &tender_core::AwardModel,
    candidates: &[Candidate<'_>],
    in_play: &[usize],
) -> Result<(), RankError> {
    let formula = |m: &PriceModel| matches!(m, PriceModel::Formula { .. });
    let divides = (award.price_model.depends_on_other_bids() && !formula(&award.price_model))
        || matches!(award.price_model, PriceModel::PricePerQualityPoint { .. });
    if divides {
        for &i in in_play {
            if let Some((p, _)) = &candidates[i].price
                && !p.numer().is_positive()
            {
                return Err((Some(i), PriceError::NotPositive(*p)));
            }
        }
    }
    // Each price criterion's own model, where it scores price components.
    for (k, pc) in award.price_criteria().enumerate().filter(|_| award.has_components()) {
        if award.model_of(pc).depends_on_other_bids() && !formula(award.model_of(pc)) {
            for &i in in_play {
                if let Some((p, _)) = candidates[i].criterion_prices.get(k)
                    && !p.numer().is_positive()
                {
                    return Err((Some(i), PriceError::NotPositive(*p)));
                }
            }
        }
    }
    Ok(())
}

/// What every price model reads: the award model, its rounding (and the currency's for money),
/// the scale a price grade is given on, and the field's reference prices.
struct Pricing<'a> {
    award: &'a tender_core::AwardModel,
    policy: RoundingPolicy,
    money: RoundingPolicy,
    price_scale: Decimal,
    references: &'a References,
    /// The single price criterion's maximum points (its effective weight), made once for the
    /// lot; `None` without a price criterion.
    price_max: Option<Result<Exact, Overflow>>,
}

impl<'a> Pricing<'a> {
    /// Evaluated prices published with the currency's decimals (`money_decimals`), points with
    /// the policy's.
    fn new(award: &'a tender_core::AwardModel, money_decimals: u32, references: &'a References) -> Self {
        Self {
            award,
            policy: award.rounding,
            money: RoundingPolicy { decimals: money_decimals, ..award.rounding },
            // The scale a price's grade is given on when the policy rounds grades.
            price_scale: award.scale.resolve().max.get(),
            references,
            price_max: award.price_criterion().map(|pc| crate::weights::effective(award, pc)),
        }
    }
}

/// One bid as the price models see it: its index among the candidates, the candidate, its
/// evaluated price (exact) and its price result so far (basis and evaluated figure).
struct PricedBid<'c, 'a> {
    index: usize,
    candidate: &'c Candidate<'a>,
    price: Exact,
    result: PriceResult,
}

/// Price per quality point: price ÷ quality points, lowest first; a bid without quality points is
/// ranked after every bid with them.
fn per_quality_point(
    pricing: &Pricing<'_>,
    bid: PricedBid<'_, '_>,
    corridor: Option<tender_core::num::Percent>,
    decision: CorridorDecision,
    warnings: &mut Vec<Warning>,
) -> Result<Scored, RankError> {
    let PricedBid { index: i, candidate: c, price: p, result: price_result } = bid;
    let (policy, q) = (pricing.policy, c.quality.unwrap_or(Exact::ZERO));
    let wrap = |e: Overflow| (Some(i), PriceError::from(e));
    let (ppqp, group) = if q.is_zero() || q.is_negative() {
        warnings.push(Warning::NoQualityPoints { bid: c.bid.id.clone() });
        // Undefined: ranked after every bid with quality points.
        (p, 2)
    } else {
        (p.checked_div(q).map_err(wrap)?, 1)
    };
    Ok(Scored {
        index: i,
        price: Some(Box::new(price_result)),
        prices: Vec::new(),
        total: figure(policy, ppqp).map_err(wrap)?,
        derivation: TotalDerivation::PricePerQualityPoint {
            price: p,
            quality: q,
            in_corridor: corridor.map(|_| false),
            corridor: corridor.map(|c| c.get()),
            decision,
        },
        group,
        corridor_key: None,
        relative: None,
    })
}

/// Value added: each quality criterion's value in money is deducted from (or added to) the price
/// in proportion to the points earned (or missed).
fn value_added(pricing: &Pricing<'_>, bid: PricedBid<'_, '_>, mode: AdjustMode) -> Result<Scored, RankError> {
    let PricedBid { index: i, candidate: c, price: p, result: price_result } = bid;
    let (award, policy) = (pricing.award, pricing.policy);
    let wrap = |e: Overflow| (Some(i), PriceError::from(e));
    let mut adjustments = Vec::new();
    let mut e = p;
    for (cr, r) in award.quality_criteria().zip(&c.criteria) {
        let value = cr.value.map(|v| v.get()).unwrap_or(Decimal::ZERO);
        let share = match mode {
            AdjustMode::Deduction => r.ratio,
            AdjustMode::Markup => Exact::ONE.checked_sub(r.ratio).map_err(wrap)?,
        };
        let amount = Exact::from_decimal(value).checked_mul(share).map_err(wrap)?;
        let amount = round_at(policy, RoundingStep::Criterion, amount).map_err(wrap)?;
        e = match mode {
            AdjustMode::Deduction => e.checked_sub(amount),
            AdjustMode::Markup => e.checked_add(amount),
        }
        .map_err(wrap)?;
        adjustments.push(ValueAdjustment { criterion: cr.id.clone(), value, ratio: r.ratio, amount });
    }
    Ok(Scored {
        index: i,
        price: Some(Box::new(price_result)),
        prices: Vec::new(),
        total: figure(policy, e).map_err(wrap)?,
        derivation: TotalDerivation::ValueAdded { mode, price: p, adjustments },
        group: 0,
        corridor_key: None,
        relative: None,
    })
}

/// Percentage adjustment: the price is reduced (or increased) by up to `max_percent` in
/// proportion to the quality share.
fn percent_adjustment(
    pricing: &Pricing<'_>,
    bid: PricedBid<'_, '_>,
    mode: AdjustMode,
    max_percent: tender_core::num::Percent,
) -> Result<Scored, RankError> {
    let PricedBid { index: i, candidate: c, price: p, result: price_result } = bid;
    let (award, policy, q) = (pricing.award, pricing.policy, c.quality.unwrap_or(Exact::ZERO));
    let wrap = |e: Overflow| (Some(i), PriceError::from(e));
    let m = Exact::from_decimal(max_percent.get()).checked_div(Exact::from_int(100).map_err(wrap)?).map_err(wrap)?;
    let share = if award_max_quality(award).is_zero() {
        Exact::ZERO
    } else {
        q.checked_div(award_max_quality(award)).map_err(wrap)?
    };
    let factor = match mode {
        AdjustMode::Deduction => Exact::ONE.checked_sub(share.checked_mul(m).map_err(wrap)?),
        AdjustMode::Markup => {
            Exact::ONE.checked_add(Exact::ONE.checked_sub(share).map_err(wrap)?.checked_mul(m).map_err(wrap)?)
        }
    }
    .map_err(wrap)?;
    let e = p.checked_mul(factor).map_err(wrap)?;
    // Each criterion's part of the adjustment, so the derivation shows what each
    // criterion deducted (or added) in money.
    let qmax = award_max_quality(award);
    let mut per_criterion = Vec::with_capacity(c.criteria.len());
    if !qmax.is_zero() {
        let unit = p.checked_mul(m).and_then(|x| x.checked_div(qmax)).map_err(wrap)?;
        for (cr, r) in award.quality_criteria().zip(&c.criteria) {
            let earned = r.points.exact;
            let part = match mode {
                AdjustMode::Deduction => earned,
                AdjustMode::Markup => {
                    crate::quality::quality_weight(award, cr).and_then(|w| w.checked_sub(earned)).map_err(wrap)?
                }
            };
            per_criterion.push((cr.id.clone(), unit.checked_mul(part).map_err(wrap)?));
        }
    }
    Ok(Scored {
        index: i,
        price: Some(Box::new(price_result)),
        prices: Vec::new(),
        total: figure(policy, e).map_err(wrap)?,
        derivation: TotalDerivation::PercentAdjustment {
            mode,
            price: p,
            quality_share: share,
            max_percent: max_percent.get(),
            per_criterion,
        },
        group: 0,
        corridor_key: None,
        relative: None,
    })
}

/// Several price criteria, each scoring its own price components with its own model against its
/// own reference; the price points are their sum.
fn by_components(pricing: &Pricing<'_>, bid: PricedBid<'_, '_>) -> Result<Scored, RankError> {
    let PricedBid { index: i, candidate: c, price: _, result: mut price_result } = bid;
    let Pricing { award, policy, money, price_scale, references, .. } = *pricing;
    let q = c.quality.unwrap_or(Exact::ZERO);
    let wrap = |e: Overflow| (Some(i), PriceError::from(e));
    let mut prices = Vec::new();
    let mut sum = Exact::ZERO;
    for (k, pc) in award.price_criteria().enumerate() {
        let (Some((pk, basis_k)), Some(Some(reference))) = (c.criterion_prices.get(k), references.criteria.get(k))
        else {
            continue;
        };
        let max = crate::weights::effective(award, pc).map_err(wrap)?;
        let (r, formula) = price::share(award.model_of(pc), max, *pk, *reference).map_err(|e| (Some(i), e))?;
        let unrounded = r;
        let (r, grade) = price_grade(policy, price_scale, r).map_err(wrap)?;
        let r = round_at(policy, RoundingStep::Ratio, r).map_err(wrap)?;
        let pts = max.checked_mul(r).map_err(wrap)?;
        let pts = pts.round_by(policy.price_points_rule()).map_err(wrap)?;
        sum = sum.checked_add(pts).map_err(wrap)?;
        prices.push(CriterionPrice {
            criterion: pc.id.clone(),
            price: PriceResult {
                basis: basis_k.clone(),
                evaluated: figure(money, *pk).map_err(wrap)?,
                formula: Some(formula),
                ratio: Some(r),
                unrounded_ratio: Some(unrounded),
                grade,
                points: Some(figure(policy, pts).map_err(wrap)?),
            },
        });
    }
    price_result.points = Some(figure(policy, sum).map_err(wrap)?);
    let total = sum.checked_add(q).map_err(wrap)?;
    Ok(Scored {
        index: i,
        price: Some(Box::new(price_result)),
        prices,
        total: figure(policy, total).map_err(wrap)?,
        // The quality terms are filled in when the derivation is published (`bid_result`).
        derivation: TotalDerivation::Sum { price: Some(sum), quality: Vec::new() },
        group: 0,
        corridor_key: None,
        relative: None,
    })
}

/// One price criterion scoring the evaluated price by the lot's model; total = price points +
/// quality points.
fn by_price(pricing: &Pricing<'_>, bid: PricedBid<'_, '_>, model: &PriceModel) -> Result<Scored, RankError> {
    let PricedBid { index: i, candidate: c, price: p, result: mut price_result } = bid;
    let policy = pricing.policy;
    let wrap = |e: Overflow| (Some(i), PriceError::from(e));
    let points = price_points(pricing, model, i, p)?;
    let price_points = match points {
        Some(PricePoints { unrounded, grade, ratio, formula, points }) => {
            price_result.unrounded_ratio = Some(unrounded);
            price_result.grade = grade;
            price_result.formula = Some(formula);
            price_result.ratio = Some(ratio);
            price_result.points = Some(figure(policy, points).map_err(wrap)?);
            Some(points)
        }
        None => None,
    };
    let total = price_points.unwrap_or(Exact::ZERO).checked_add(c.quality.unwrap_or(Exact::ZERO)).map_err(wrap)?;
    Ok(Scored {
        index: i,
        price: Some(Box::new(price_result)),
        prices: Vec::new(),
        total: figure(policy, total).map_err(wrap)?,
        // The quality terms are filled in when the derivation is published (`bid_result`).
        derivation: TotalDerivation::Sum { price: price_points, quality: Vec::new() },
        group: 0,
        corridor_key: None,
        relative: None,
    })
}

/// A price's points under a one-criterion model, as [`by_price`] publishes them.
struct PricePoints {
    /// The share as the formula gives it.
    unrounded: Exact,
    /// The price's grade, where the policy rounds grades.
    grade: Option<PriceGrade>,
    /// The share weighted (graded and rounded where the policy says).
    ratio: Exact,
    formula: PriceFormula,
    /// The price points, rounded where the policy rounds them.
    points: Exact,
}

/// The points of candidate `i`'s evaluated price `p`; `None` without a price criterion or a
/// reference price.
fn price_points(
    pricing: &Pricing<'_>,
    model: &PriceModel,
    i: usize,
    p: Exact,
) -> Result<Option<PricePoints>, RankError> {
    let Pricing { policy, price_scale, references, price_max, .. } = *pricing;
    let wrap = |e: Overflow| (Some(i), PriceError::from(e));
    let (Some(max), Some(reference)) = (price_max, references.total) else { return Ok(None) };
    let max = max.map_err(wrap)?;
    let (unrounded, formula) = price::share(model, max, p, reference).map_err(|e| (Some(i), e))?;
    let (r, grade) = price_grade(policy, price_scale, unrounded).map_err(wrap)?;
    let ratio = round_at(policy, RoundingStep::Ratio, r).map_err(wrap)?;
    let points = max.checked_mul(ratio).map_err(wrap)?.round_by(policy.price_points_rule()).map_err(wrap)?;
    Ok(Some(PricePoints { unrounded, grade, ratio, formula, points }))
}

/// The extended price-per-quality-point method: the bids whose quality per price is within
/// `width` percent of the best are ranked inside the corridor, by the decision's key.
fn apply_corridor(
    scored: &mut [Scored],
    width: tender_core::num::Percent,
    decision: CorridorDecision,
) -> Result<(), Overflow> {
    let ratios: Vec<(usize, Exact)> = scored
        .iter()
        .enumerate()
        .filter(|(_, s)| s.group == 1)
        .filter_map(|(k, s)| match &s.derivation {
            TotalDerivation::PricePerQualityPoint { price, quality, .. } => {
                quality.checked_div(*price).ok().map(|z| (k, z))
            }
            _ => None,
        })
        .collect();
    let Some(best) = ratios.iter().map(|(_, z)| *z).max() else { return Ok(()) };
    let keep = Exact::ONE.checked_sub(Exact::from_decimal(width.get()).checked_div(Exact::from_int(100)?)?)?;
    let threshold = best.checked_mul(keep)?;
    for (k, z) in ratios {
        let inside = z >= threshold;
        let s = &mut scored[k];
        if let TotalDerivation::PricePerQualityPoint { in_corridor, price, quality, .. } = &mut s.derivation {
            *in_corridor = Some(inside);
            if inside {
                s.group = 0;
                s.corridor_key = Some(match decision {
                    CorridorDecision::HigherQuality => quality.negate(),
                    CorridorDecision::LowerPrice => *price,
                });
            }
        }
    }
    Ok(())
}

/// What the ordering reads of a scored bid: its sort key and what the tie-break rules compare.
struct RankKey {
    /// Index into the candidates.
    index: usize,
    /// Corridor group (0 in, 1 out), then the key inside a corridor, else the published figure.
    group: u8,
    corridor_key: Option<Exact>,
    total: Decimal,
    /// `total` as an integer in units of its last decimal, to compare totals of the same scale
    /// (every published total of a lot has the policy's decimals) without rescaling.
    total_units: i128,
    /// The evaluated price, exactly, and the price points as published.
    evaluated: Option<Exact>,
    price_points: Option<Decimal>,
}

impl RankKey {
    fn of(s: &Scored) -> Self {
        Self {
            index: s.index,
            group: s.group,
            corridor_key: s.corridor_key,
            total: s.total.value,
            total_units: s.total.value.mantissa(),
            evaluated: s.price.as_ref().map(|p| p.evaluated.exact),
            price_points: s.price.as_ref().and_then(|p| p.points).map(|f| f.value),
        }
    }
}

/// How two keys compare on the figure ranked by: the group, then the corridor's key or the
/// published figure in the comparison's direction.
fn primary_order(comparison: Comparison, a: &RankKey, b: &RankKey) -> Ordering {
    a.group.cmp(&b.group).then_with(|| match (a.corridor_key, b.corridor_key) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => {
            let ascending = if a.total.scale() == b.total.scale() {
                a.total_units.cmp(&b.total_units)
            } else {
                a.total.cmp(&b.total)
            };
            match comparison {
                Comparison::HighestTotal => ascending.reverse(),
                _ => ascending,
            }
        }
    })
}

/// The positions in `keys`, best first: by [`primary_order`], then by the bids' ids (`id` of a
/// position), then by position.
fn sorted_keys<'i>(keys: &[RankKey], comparison: Comparison, id: impl Fn(usize) -> &'i Id) -> Vec<usize> {
    let mut order: Vec<usize> = (0..keys.len()).collect();
    match packed_keys(keys, comparison) {
        Some(mut packed) => {
            // The same order, sorted as integers side by side; equal figures are then put in the
            // order of their bids' ids.
            packed.sort_unstable();
            order.clear();
            order.extend(packed.iter().map(|&(_, _, k)| k));
            let mut start = 0;
            for run in packed.chunk_by(|a, b| (a.0, a.1) == (b.0, b.1)) {
                let end = start + run.len();
                if run.len() > 1 {
                    order[start..end].sort_by(|&a, &b| id(a).cmp(id(b)));
                }
                start = end;
            }
        }
        None => order.sort_by(|&a, &b| primary_order(comparison, &keys[a], &keys[b]).then_with(|| id(a).cmp(id(b)))),
    }
    order
}

/// Each key as `(group, figure, position)`, the figure in units of its last decimal and negated
/// where the highest wins, so that the integers sort as the comparison orders the keys; `None`
/// where a key is compared otherwise (inside a corridor, or totals of different scales).
fn packed_keys(keys: &[RankKey], comparison: Comparison) -> Option<Vec<(u8, i128, usize)>> {
    let scale = keys.first().map(|k| k.total.scale());
    keys.iter()
        .enumerate()
        .map(|(k, key)| {
            (key.corridor_key.is_none() && Some(key.total.scale()) == scale).then(|| {
                // A decimal's units are below 2^96: the negation fits.
                let units = if comparison == Comparison::HighestTotal { -key.total_units } else { key.total_units };
                (key.group, units, k)
            })
        })
        .collect()
}

/// Sorts the scored bids by the comparison (bid id last, for a stable order), then breaks the ties
/// on the published figure by the tender's rules in order: the positions in `keys` in order, each
/// one's rank and the ties.
fn order_with_ties(
    lot: &Lot,
    candidates: &[Candidate<'_>],
    keys: &[RankKey],
    warnings: &mut Vec<Warning>,
) -> (Vec<usize>, Vec<u32>, Vec<Tie>) {
    let award = &lot.award;
    let comparison = comparison_of(&award.price_model);
    let primary = |a: &RankKey, b: &RankKey| primary_order(comparison, a, b);
    let id = |k: usize| &candidates[keys[k].index].bid.id;
    let mut order = sorted_keys(keys, comparison, id);

    // Ties on the published figure, broken by the tender's rules in order, each group in place.
    let count = order.len();
    let mut ranks = Vec::with_capacity(count);
    let mut ties = Vec::new();
    let mut start = 0;
    while start < count {
        let first = &keys[order[start]];
        let end = (start + 1..count).find(|&k| primary(first, &keys[order[k]]) != Ordering::Equal).unwrap_or(count);
        let base = u32::try_from(start).unwrap_or(u32::MAX);
        if end == start + 1 {
            ranks.push(base.saturating_add(1));
        } else {
            let group: Vec<&RankKey> = order[start..end].iter().map(|&k| &keys[k]).collect();
            let value = first.total;
            let ids: Vec<Id> = group.iter().map(|k| candidates[k.index].bid.id.clone()).collect();
            let (within, sub_ranks, broken_by, resolved) = break_tie(lot, candidates, &group);
            permute(&mut order[start..end], &within);
            ranks.extend(sub_ranks.iter().map(|r| base.saturating_add(*r)));
            if !resolved {
                warnings.push(Warning::UnresolvedTie { bids: ids.clone() });
            }
            ties.push(Tie { bids: ids, value, broken_by, resolved });
        }
        start = end;
    }
    (order, ranks, ties)
}

/// Puts `items` in the order `order` gives: afterwards `items[k]` is what was at `order[k]`
/// (`order` is a permutation of the positions). Each item is moved along its cycle by swaps, so no
/// second vector of the (large) items is made.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut done = vec![false; items.len()];
    for start in 0..items.len() {
        if done[start] {
            continue;
        }
        let mut k = start;
        loop {
            done[k] = true;
            let from = order[k];
            if from == start {
                break;
            }
            items.swap(k, from);
            k = from;
        }
    }
}

fn award_max_quality(award: &tender_core::AwardModel) -> Exact {
    let mut sum = Exact::ZERO;
    for c in award.quality_criteria() {
        let w = crate::quality::quality_weight(award, c).unwrap_or(Exact::ZERO);
        sum = sum.checked_add(w).unwrap_or(sum);
    }
    sum
}

/// A key for one tie-break rule; `None` when the rule cannot decide (it separates nothing).
fn tie_key(lot: &Lot, candidates: &[Candidate<'_>], s: &RankKey, rule: &TieBreakRule) -> Option<TieKey> {
    let c = &candidates[s.index];
    let policy = lot.award.rounding;
    match rule {
        TieBreakRule::HigherQuality => {
            c.quality.and_then(|q| q.round(policy.decimals, policy.strategy).ok()).map(TieKey::Desc)
        }
        TieBreakRule::LowerPrice => s.evaluated.map(TieKey::AscExact),
        TieBreakRule::HigherScoreOn(id) => {
            if lot.award.price_criterion().is_some_and(|pc| &pc.id == id) {
                s.price_points.map(TieKey::Desc)
            } else {
                c.criteria.iter().find(|r| &r.criterion == id).map(|r| TieKey::Desc(r.points.value))
            }
        }
        TieBreakRule::EarlierSubmission => c.bid.submitted.map(TieKey::AscDate),
        TieBreakRule::DrawingLots => None,
    }
}

#[derive(Clone, PartialEq, Eq)]
enum TieKey {
    Desc(Decimal),
    AscExact(Exact),
    AscDate(tender_core::common::Date),
}

impl TieKey {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Self::Desc(a), Self::Desc(b)) => b.cmp(a),
            (Self::AscExact(a), Self::AscExact(b)) => a.cmp(b),
            (Self::AscDate(a), Self::AscDate(b)) => a.cmp(b),
            _ => Ordering::Equal,
        }
    }
}

/// Breaks a tie by the lot's rules in order. Returns the group's positions in their new order,
/// their ranks within the group (1-based, shared when unresolved), the last rule that separated
/// bids, and whether every bid got its own rank.
fn break_tie(
    lot: &Lot,
    candidates: &[Candidate<'_>],
    group: &[&RankKey],
) -> (Vec<usize>, Vec<u32>, Option<TieBreakRule>, bool) {
    // Partition the group's positions into sub-groups, refined rule by rule.
    let mut parts: Vec<Vec<usize>> = vec![(0..group.len()).collect()];
    let mut broken_by = None;
    for rule in &lot.award.tie_break {
        if matches!(rule, TieBreakRule::DrawingLots) {
            break;
        }
        let mut next = Vec::new();
        let mut separated = false;
        for part in parts {
            if part.len() == 1 {
                next.push(part);
                continue;
            }
            let mut keys: Vec<Option<TieKey>> =
                part.iter().map(|&k| tie_key(lot, candidates, group[k], rule)).collect();
            // Submission times separate bids only when every bid has one; otherwise the days do
            // (bids received the same day without a time stay tied).
            if keys.iter().any(|k| matches!(k, Some(TieKey::AscDate(d)) if d.time().is_none())) {
                for k in keys.iter_mut().flatten() {
                    if let TieKey::AscDate(d) = k {
                        *d = d.date();
                    }
                }
            }
            if keys.iter().any(Option::is_none) {
                next.push(part);
                continue;
            }
            let mut keyed: Vec<(TieKey, usize)> = keys.into_iter().flatten().zip(part).collect();
            let id = |k: usize| &candidates[group[k].index].bid.id;
            keyed.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| id(a.1).cmp(id(b.1))));
            let mut current: Vec<usize> = Vec::new();
            let mut current_key: Option<TieKey> = None;
            let before = next.len();
            for (key, k) in keyed {
                if current_key.as_ref().is_some_and(|ck| ck.cmp(&key) != Ordering::Equal) {
                    next.push(std::mem::take(&mut current));
                }
                current_key = Some(key);
                current.push(k);
            }
            if !current.is_empty() {
                next.push(current);
            }
            if next.len() - before > 1 {
                separated = true;
            }
        }
        parts = next;
        if separated {
            broken_by = Some(rule.clone());
        }
        if parts.iter().all(|p| p.len() == 1) {
            break;
        }
    }
    let resolved = parts.iter().all(|p| p.len() == 1);
    let mut order = Vec::new();
    let mut ranks = Vec::new();
    for part in parts {
        let rank = u32::try_from(order.len() + 1).unwrap_or(u32::MAX);
        for k in part {
            ranks.push(rank);
            order.push(k);
        }
    }
    (order, ranks, broken_by, resolved)
}

/// Removes, one at a time, each ranked bid that is not awarded and whose removal changes a
/// reference value (the lowest or highest price, or the best quality-price ratio), re-ranks the
/// others, and reports every pair whose order flips. Removing any other bid cannot change the
/// others' figures, because the models' only dependence on the field is through those values.
/// Whether a bid's comparison figure can depend on the other bids: through the price model (or a
/// price criterion's own), or through quality relative to the best bid.
fn depends_on_other_bids(award: &tender_core::AwardModel) -> bool {
    award.price_model.depends_on_other_bids()
        || award.quality.relative.is_some()
        || award.relative_total
        || (award.has_components() && award.price_criteria().any(|c| award.model_of(c).depends_on_other_bids()))
        || measured_relative(award)
}

/// Whether a measured criterion's rule reads the other bids' values (the best, the mean, …).
fn measured_relative(award: &tender_core::AwardModel) -> bool {
    award.criteria.iter().any(|c| c.measure.as_ref().is_some_and(|m| m.rule.depends_on_other_bids()))
}

fn rank_reversal_check(
    lot: &Lot,
    money_decimals: u32,
    max_quality: Exact,
    candidates: &[Candidate<'_>],
    ranking: &Ranking,
    to_award: u32,
) -> RankReversal {
    let awarded_positions = usize::try_from(to_award).unwrap_or(usize::MAX);
    let in_play: Vec<usize> = ranking.order.iter().map(|s| s.index).collect();
    let price_of = |i: usize| candidates[i].price.as_ref().map(|p| p.0);
    let prices: Vec<Exact> = in_play.iter().filter_map(|&i| price_of(i)).collect();
    let lowest = prices.iter().min().copied();
    let highest = prices.iter().max().copied();
    let count_at = |x: Option<Exact>| prices.iter().filter(|&&p| Some(p) == x).count();
    let (lowest_alone, highest_alone) = (count_at(lowest) == 1, count_at(highest) == 1);
    let (reads_highest, reads_mean) = reads_references(&lot.award.price_model);
    // Removing a bid that sets no reference price the model reads changes nothing, except where
    // the mean price, price components or relative quality have references of their own: then
    // every bid is tried.
    let every_bid = reads_mean
        || matches!(lot.award.price_model, PriceModel::PricePerQualityPoint { corridor: Some(_), .. })
        || lot.award.has_components()
        || lot.award.quality.relative.is_some()
        || measured_relative(&lot.award);
    let to_try: Vec<usize> = ranking
        .order
        .iter()
        .enumerate()
        .filter(|&(pos, s)| {
            let p = price_of(s.index);
            pos >= awarded_positions
                && (every_bid
                    || (p == lowest && lowest_alone)
                    || (reads_highest && p == highest && highest_alone)
                    // The best total, when a tie-break ranked it below an awarded place.
                    || s.relative.as_ref().is_some_and(|r| r.absolute == r.best))
        })
        .map(|(_, s)| s.index)
        .collect();
    // The field in the candidates' order: the order found does not depend on it, and the
    // candidates are then read one after the other, not in rank order across memory.
    let mut field = in_play.clone();
    field.sort_unstable();
    let again = |removed: usize| {
        let rest: Vec<usize> = field.iter().copied().filter(|&i| i != removed).collect();
        rerank_without(lot, money_decimals, max_quality, candidates, &rest)
    };
    // Each re-ranking is independent: a large lot's are made on the cores, each thread taking a
    // contiguous share of them, and come back in order.
    let threads = if in_play.len() >= PARALLEL_FROM_BIDS_PER_THREAD { tender_core::shares::cores() } else { 1 };
    let (_, shares) = tender_core::shares::in_shares(&to_try, threads, 1, |share| {
        share.iter().map(|&i| again(i)).collect::<Vec<_>>()
    });
    let rankings: Vec<Option<Vec<usize>>> = shares.into_iter().flat_map(tender_core::shares::resumed).collect();
    // Each candidate's position in the ranking (`None`: not in play).
    let mut old_pos: Vec<Option<usize>> = vec![None; candidates.len()];
    for (pos, &i) in in_play.iter().enumerate() {
        old_pos[i] = Some(pos);
    }
    let mut tried = Vec::new();
    let mut reversals = Vec::new();
    for (&index, again) in to_try.iter().zip(rankings) {
        let removed = candidates[index].bid.id.clone();
        tried.push(removed.clone());
        let Some(again) = again else { continue };
        for pair in again.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            if old_pos[a] > old_pos[b] {
                reversals.push(Reversal {
                    removed: removed.clone(),
                    was_ahead: candidates[b].bid.id.clone(),
                    now_ahead: candidates[a].bid.id.clone(),
                });
            }
        }
    }
    RankReversal { tried, reversals }
}

/// Whether a price model reads the field's highest price, and its mean price (every model that
/// depends on the other bids reads the lowest).
fn reads_references(model: &PriceModel) -> (bool, bool) {
    match model {
        PriceModel::MinMax => (true, false),
        // A formula that cannot be read was refused by validation; assume it reads both.
        PriceModel::Formula { formula, .. } => tender_core::formula::parse(formula).map_or((true, true), |e| {
            let names = tender_core::formula::names(&e);
            let uses = |name: &str| names.iter().any(|(n, _)| *n == name);
            (uses("highest"), uses("mean"))
        }),
        _ => (false, false),
    }
}

/// The order of the candidates `rest` (the field without one bid), with what depends on the
/// field made again: the measured criteria's best values and the quality relative to the best.
/// `None` where it cannot be made.
fn rerank_without(
    lot: &Lot,
    money_decimals: u32,
    max_quality: Exact,
    candidates: &[Candidate<'_>],
    rest: &[usize],
) -> Option<Vec<usize>> {
    let mut scratch = Vec::new();
    if measured_relative(&lot.award) {
        // The best value may be the removed bid's: score the rest's measured criteria again.
        let mut plan = QualityPlan::new(&lot.award).ok()?;
        plan.observe(rest.iter().map(|&i| candidates[i].bid)).ok()?;
        let mut field: Vec<Candidate<'_>> = candidates.to_vec();
        for &i in rest {
            let (criteria, q) = plan.score(field[i].bid, &mut scratch).ok()?;
            field[i].criteria = criteria;
            field[i].quality = Some(q);
            field[i].quality_relative = None;
        }
        relative_quality(&lot.award, max_quality, &mut field, rest).ok()?;
        rank_order(lot, money_decimals, &field, rest).ok()
    } else if lot.award.quality.relative.is_some() {
        // The best bid may be the one removed: make the rest relative again.
        let mut field: Vec<Candidate<'_>> = candidates.to_vec();
        for c in &mut field {
            if let Some(r) = c.quality_relative.take() {
                c.quality = Some(r.absolute);
            }
        }
        relative_quality(&lot.award, max_quality, &mut field, rest).ok()?;
        rank_order(lot, money_decimals, &field, rest).ok()
    } else {
        rank_order(lot, money_decimals, candidates, rest).ok()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    /// One lot of `n` bids with two criteria and two evaluators; every 97th bid lacks a mark and
    /// every 89th has a consensus score (both the general path's), marks disagree often.
    fn lot_of(n: usize) -> (Tender, Vec<Bid>) {
        let t = "id = \"T\"\ntitle = \"T\"\nbuyer = { name = \"B\", country = \"DK\" }\nprocedure = \"open\"\ncurrency = \"DKK\"\nlanguages = [\"da\"]\ncontract = { duration_months = 12 }\n[[lots]]\nid = \"L\"\ntitle = \"L\"\n[lots.award]\nprice_model = { kind = \"proportional\" }\nscale = \"0-10\"\n[[lots.award.criteria]]\nid = \"P\"\nname = \"P\"\nkind = \"price\"\nweight = 40\n[[lots.award.criteria]]\nid = \"Q1\"\nname = \"Q1\"\nkind = \"quality\"\nweight = 35\nminimum_score = 2\n[[lots.award.criteria]]\nid = \"Q2\"\nname = \"Q2\"\nkind = \"quality\"\nweight = 25\n";
        let tender: Tender = tender_core::files::parse(t, tender_core::files::Format::Toml, "t.toml".as_ref()).unwrap();
        let bids = (0..n)
            .map(|i| {
                let mark = |k: usize| (i * 7 + k * 3) % 11;
                let mut scores = format!(
                    "{{\"evaluator\":\"E1\",\"criterion\":\"Q1\",\"score\":{},\"justification\":\"j\"}},{{\"evaluator\":\"E2\",\"criterion\":\"Q1\",\"score\":{},\"justification\":\"j\"}},{{\"evaluator\":\"E1\",\"criterion\":\"Q2\",\"score\":{},\"justification\":\"j\"}}",
                    mark(0),
                    mark(1) / 2,
                    mark(2)
                );
                if i % 97 != 0 {
                    scores.push_str(&format!(",{{\"evaluator\":\"E2\",\"criterion\":\"Q2\",\"score\":{},\"justification\":\"j\"}}", mark(3)));
                }
                let consensus = if i % 89 == 0 {
                    ",\"consensus\":[{\"criterion\":\"Q2\",\"score\":5,\"justification\":\"j\"}]"
                } else {
                    ""
                };
                let b = format!(
                    "{{\"id\":\"B{i:05}\",\"tender\":\"T\",\"lot\":\"L\",\"bidder\":{{\"id\":\"C{i}\",\"name\":\"C\",\"country\":\"DK\"}},\"price\":{{\"total\":{}}},\"scores\":[{scores}]{consensus}}}",
                    1000 + i
                );
                tender_core::files::parse(&b, tender_core::files::Format::Json, "b.json".as_ref()).unwrap()
            })
            .collect();
        (tender, bids)
    }

    /// The lot's candidates scored on one thread, each with its evaluated price.
    fn priced<'a>(tender: &Tender, lot: &Lot, plan: &QualityPlan<'_>, entries: &[Entry<'a>]) -> Vec<Candidate<'a>> {
        let (mut warnings, mut issues, mut spare) = (Vec::new(), Issues::default(), Vec::new());
        let (mut candidates, _) =
            score_candidates(1, tender, lot, entries, plan, None, &mut spare, &mut warnings, &mut issues);
        for c in &mut candidates {
            let p = price::bid_price(tender, lot, c.bid).unwrap();
            c.price = Some((p.price, p.basis));
        }
        candidates
    }

    /// What one thread and several give: each candidate's id, status and quality, the warnings,
    /// the issues and the kernel's count.
    fn scored_on(threads: usize, tender: &Tender, bids: &[Bid]) -> String {
        let lot = &tender.lots[0];
        let plan = QualityPlan::new(&lot.award).unwrap();
        let mut kernel = crate::kernel::QualityKernel::plan(&lot.award, &plan);
        assert!(kernel.is_some());
        let table = crate::marks::MarkTable::read(tender, bids);
        let pairs: Vec<Entry<'_>> =
            bids.iter().enumerate().map(|(i, bid)| Entry { bid, defects: &[], marks: table.get(i) }).collect();
        let (mut warnings, mut issues) = (Vec::new(), Issues::default());
        let mut spare = Vec::new();
        let (candidates, kernel_scored) = score_candidates(
            threads,
            tender,
            lot,
            &pairs,
            &plan,
            kernel.as_mut(),
            &mut spare,
            &mut warnings,
            &mut issues,
        );
        let rows: Vec<String> =
            candidates.iter().map(|c| format!("{} {:?} {:?} {:?}", c.bid.id, c.status, c.quality, c.below)).collect();
        format!("{rows:?}\n{warnings:?}\n{:?}\n{kernel_scored}", issues.list)
    }

    #[test]
    fn permute_puts_each_item_where_the_order_says() {
        // Every permutation of five items, one cycle through a hundred, and nothing.
        let mut orders: Vec<Vec<usize>> = Vec::new();
        let mut current: Vec<usize> = (0..5).collect();
        loop {
            orders.push(current.clone());
            // The next permutation in lexicographic order.
            let Some(i) = (0..4).rev().find(|&i| current[i] < current[i + 1]) else { break };
            let j = (i + 1..5).rev().find(|&j| current[j] > current[i]).unwrap();
            current.swap(i, j);
            current[i + 1..].reverse();
        }
        assert_eq!(orders.len(), 120);
        orders.push((1..100).chain([0]).collect());
        orders.push(vec![]);
        for order in orders {
            let mut items: Vec<String> = (0..order.len()).map(|k| format!("item {k}")).collect();
            let expected: Vec<String> = order.iter().map(|&k| items[k].clone()).collect();
            permute(&mut items, &order);
            assert_eq!(items, expected, "{order:?}");
        }
    }

    /// The rank-reversal re-rankings keep each bid's sort key alone (`rank_order`): their order is
    /// the full ranking's, for the whole field and for the field without its first or its lowest
    /// price bid.
    #[test]
    fn the_order_alone_is_the_rankings_order() {
        let (tender, bids) = lot_of(400);
        let lot = &tender.lots[0];
        let plan = QualityPlan::new(&lot.award).unwrap();
        let table = crate::marks::MarkTable::read(&tender, &bids);
        let entries: Vec<Entry<'_>> =
            bids.iter().enumerate().map(|(i, bid)| Entry { bid, defects: &[], marks: table.get(i) }).collect();
        let candidates = priced(&tender, lot, &plan, &entries);
        let mut warnings = Vec::new();
        let in_play = ranked(&candidates);
        let cheapest = in_play.iter().copied().min_by_key(|&i| candidates[i].price.as_ref().map(|p| p.0)).unwrap();
        let without = |removed: usize| in_play.iter().copied().filter(|&i| i != removed).collect::<Vec<_>>();
        for field in [in_play.clone(), without(in_play[0]), without(cheapest)] {
            let full = rank(lot, 2, &candidates, &field, &mut warnings).unwrap();
            let alone = rank_order(lot, 2, &candidates, &field).unwrap();
            assert_eq!(alone, full.order.iter().map(|s| s.index).collect::<Vec<_>>());
            assert_eq!(alone.len(), field.len());
            // Whatever order the field is given in (the check gives it in the candidates' order).
            let reversed: Vec<usize> = field.iter().rev().copied().collect();
            assert_eq!(rank_order(lot, 2, &candidates, &reversed).unwrap(), alone);
        }
    }

    /// Keys sorted as integers side by side are in the order the comparison gives them: by
    /// group, figure (either direction), id and position, with many equal figures, repeated ids,
    /// and keys that take the comparison (a corridor's, figures of different scales).
    #[test]
    fn keys_sorted_as_integers_are_in_the_comparisons_order() {
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for round in 0..200 {
            let n = 1 + usize::try_from(next(60)).unwrap();
            let ids: Vec<Id> = (0..n).map(|_| Id::new(format!("B{}", next(40)))).collect();
            let keys: Vec<RankKey> = (0..n)
                .map(|k| {
                    let total = Decimal::new(i64::try_from(next(7)).unwrap() - 3, 2);
                    // Inside a corridor (group 0, ranked by the corridor's key) or outside it.
                    let corridor = round % 5 == 4 && k % 3 == 0;
                    let group = if round % 5 == 4 { u8::from(!corridor) } else { u8::try_from(next(2)).unwrap() };
                    let total =
                        if round % 7 == 6 && k == n - 1 { total.round_dp(1) + Decimal::new(1, 3) } else { total };
                    RankKey {
                        index: k,
                        group,
                        corridor_key: corridor.then(|| Exact::from_int(i128::from(next(3))).unwrap()),
                        total,
                        total_units: total.mantissa(),
                        evaluated: None,
                        price_points: None,
                    }
                })
                .collect();
            for comparison in [Comparison::HighestTotal, Comparison::LowestEvaluationPrice] {
                let id = |k: usize| &ids[k];
                let mut expected: Vec<usize> = (0..n).collect();
                expected.sort_by(|&a, &b| primary_order(comparison, &keys[a], &keys[b]).then_with(|| id(a).cmp(id(b))));
                assert_eq!(sorted_keys(&keys, comparison, id), expected, "round {round}, {comparison:?}");
            }
        }
    }

    /// Where one price model scores the price, the rank-reversal re-rankings make a bid's sort key
    /// without its price result (`rank_key`): the key is the one the full figures give, under each
    /// such model and each step a policy may round at.
    #[test]
    fn the_key_alone_is_the_full_figures_key() {
        use tender_core::num::{Money, Percent};
        let (mut tender, bids) = lot_of(300);
        let models = [
            PriceModel::Proportional,
            PriceModel::LinearSlope { slope: Percent::from(20) },
            PriceModel::LinearFromLowest { floor_at_zero: true },
            PriceModel::MinMax,
            PriceModel::FixedSpan { low: Money::from(1100), high: Money::from(1250) },
            PriceModel::Logarithmic { zero_at: Percent::from(25) },
        ];
        let steps = [RoundingStep::Total, RoundingStep::Grade, RoundingStep::Ratio, RoundingStep::Criterion];
        let table = crate::marks::MarkTable::read(&tender, &bids);
        let mut compared = 0;
        for model in models {
            for at in steps {
                let award = &mut tender.lots[0].award;
                award.price_model = model.clone();
                award.rounding.at = at;
                award.rounding.decimals = 1;
                let lot = &tender.lots[0];
                assert!(by_one_price_model(&lot.award));
                let plan = QualityPlan::new(&lot.award).unwrap();
                let entries: Vec<Entry<'_>> =
                    bids.iter().enumerate().map(|(i, bid)| Entry { bid, defects: &[], marks: table.get(i) }).collect();
                let candidates = priced(&tender, lot, &plan, &entries);
                let mut warnings = Vec::new();
                let in_play = ranked(&candidates);
                let references = references_of(&lot.award, &candidates, &in_play);
                let pricing = Pricing::new(&lot.award, 2, &references);
                let fields = |k: &RankKey| {
                    (k.index, k.group, k.corridor_key, k.total, k.total_units, k.evaluated, k.price_points)
                };
                for &i in &in_play {
                    let full = score_priced(&pricing, &candidates, i, &mut warnings).unwrap().unwrap();
                    let alone = rank_key(&pricing, &candidates, i, &mut warnings).unwrap().unwrap();
                    assert_eq!(fields(&alone), fields(&RankKey::of(&full)), "{model:?} at {at:?}, candidate {i}");
                    compared += 1;
                }
                let full = rank(lot, 2, &candidates, &in_play, &mut warnings).unwrap();
                let alone = rank_order(lot, 2, &candidates, &in_play).unwrap();
                assert_eq!(alone, full.order.iter().map(|s| s.index).collect::<Vec<_>>(), "{model:?} at {at:?}");
            }
        }
        assert!(compared > 6 * 4 * 250, "{compared}");
    }

    /// A lot evaluated with one core and with several (the rank-reversal check on a thread of its
    /// own beside the close calls) gives the same result, byte for byte. Scoring in shares, which
    /// only a larger lot gets, is compared in `a_large_lot_scores_the_same_on_several_threads`.
    #[test]
    fn a_lot_is_the_same_on_one_core_and_on_several() {
        let (tender, bids) = lot_of(600);
        let table = crate::marks::MarkTable::read(&tender, &bids);
        let entries: Vec<Entry<'_>> =
            bids.iter().enumerate().map(|(i, bid)| Entry { bid, defects: &[], marks: table.get(i) }).collect();
        let on = |cores: usize| {
            let mut issues = Issues::default();
            let mut spare = Spare::default();
            let lot = evaluate_lot(&tender, &tender.lots[0], &entries, Detail::Figures, cores, &mut spare, &mut issues)
                .unwrap();
            assert!(issues.list.is_empty());
            (lot.rank_reversal.is_some(), lot.close_calls.len(), serde_json::to_string(&lot).unwrap())
        };
        let one = on(1);
        // The checks ran (proportional price: the rank-reversal check applies).
        assert!(one.0, "no rank-reversal check");
        for cores in [2, 3] {
            assert_eq!(on(cores), one, "{cores} cores");
        }
    }

    /// A large lot's bids are priced in shares on several threads: the figures and the warnings
    /// (a bid without quality points under price per quality point) are those of one thread.
    #[test]
    fn a_large_lot_is_priced_the_same_on_several_threads() {
        let (mut tender, bids) = lot_of(1_000);
        let table = crate::marks::MarkTable::read(&tender, &bids);
        for model in [
            PriceModel::Proportional,
            PriceModel::PricePerQualityPoint { corridor: None, decision: CorridorDecision::HigherQuality },
        ] {
            tender.lots[0].award.price_model = model.clone();
            let lot = &tender.lots[0];
            let plan = QualityPlan::new(&lot.award).unwrap();
            let entries: Vec<Entry<'_>> =
                bids.iter().enumerate().map(|(i, bid)| Entry { bid, defects: &[], marks: table.get(i) }).collect();
            let mut candidates = priced(&tender, lot, &plan, &entries);
            for c in candidates.iter_mut().skip(5).step_by(97) {
                c.quality = Some(Exact::ZERO);
            }
            let in_play = ranked(&candidates);
            let references = references_of(&lot.award, &candidates, &in_play);
            let pricing = Pricing::new(&lot.award, 2, &references);
            let on = |threads: usize| {
                let mut warnings = vec![Warning::RelativePriceModel { model: "before" }];
                let scored = price_field(threads, &pricing, &candidates, &in_play, Vec::new(), &mut warnings).unwrap();
                let rows: Vec<String> =
                    scored.iter().map(|s| format!("{:?} {:?} {:?}", RankKey::of(s).index, s.total, s.price)).collect();
                (rows, warnings)
            };
            let one = on(1);
            assert_eq!(one.0.len(), in_play.len());
            if model != PriceModel::Proportional {
                assert!(one.1.iter().any(|w| matches!(w, Warning::NoQualityPoints { .. })), "{:?}", one.1);
            }
            for threads in [2, 3, 7] {
                assert_eq!(on(threads), one, "{model:?} on {threads} threads");
            }
        }
    }

    #[test]
    fn a_large_lot_scores_the_same_on_several_threads() {
        let (tender, bids) = lot_of(1_000);
        let one = scored_on(1, &tender, &bids);
        // Both paths are taken (uneven evaluators and consensus scores go to the general one),
        // and marks disagree.
        assert!(one.contains("Disagreement") && one.ends_with("\n978"));
        for threads in [2, 3, 7] {
            assert_eq!(scored_on(threads, &tender, &bids), one, "{threads} threads");
        }
    }
}
