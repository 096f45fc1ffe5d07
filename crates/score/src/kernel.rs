//! The fast quality path: a lot's marks scored as integers over one common denominator.
//!
//! Plan → compute → derive:
//!
//! * **Plan** ([`QualityKernel::plan`]), once per lot: every quality criterion is a leaf scored by
//!   the mean of its marks, and only the quality subtotal or the total is rounded. Then a bid's
//!   quality is `Σ_c w_c × mean_c / max_c = Σ_c w_c × sum_c / (n × 10^K × max_c)`, where `sum_c` is
//!   the sum of the criterion's marks as integers in units of `10^-K`. Each criterion's factor
//!   `w_c / (10^K × max_c)` is brought to the common denominator `D` once: `M_c / D`. Anything
//!   else (sub-criteria, measured or sovereignty criteria, median or consensus aggregation,
//!   rounding before the quality subtotal, a quality relative to the best) is planned as `None`,
//!   and the lot takes the general path of [`crate::quality::QualityPlan`].
//! * **Compute** ([`QualityKernel::score`]), per bid: one pass over its marks adds each mark to
//!   its criterion's integer sum (no allocation after the first bid, no GCD); then
//!   `quality = Σ_c sum_c × M_c / (D × n)`, one exact fraction per bid. Every operation is checked:
//!   a bid whose figures would not fit, whose marks have more decimals than `K`, whose criteria
//!   were marked by different numbers of evaluators, or that has a consensus score is handed to
//!   the general path (`None`), never given a wrong figure.
//! * **Derive**: the per-criterion records (marks, score, ratio, points) are not built here; the
//!   general path builds them when a derivation is asked for ([`crate::Detail::Derivations`]).

use rust_decimal::Decimal;
use tender_core::award::{Aggregation, AwardModel, PriceModel, RoundingStep};
use tender_core::{Bid, Id};

use crate::exact::Exact;
use crate::quality::QualityPlan;
use crate::result::Warning;

/// The largest number of decimals a mark may have on the fast path.
const MAX_DECIMALS: u32 = 6;

/// One leaf criterion as the kernel scores it.
struct Leaf<'a> {
    id: &'a Id,
    /// `M_c`: the criterion's factor over the common denominator.
    multiplier: i128,
    /// The criterion's minimum score in units of `10^-K` (`None`: no minimum). A mean is below
    /// it when `sum_c < minimum × n`.
    minimum: Option<i128>,
    /// `floor(allowed spread × 10^K)`: the marks disagree when `highest − lowest` exceeds it.
    allowed: i128,
    /// The allowed spread as published in the warning.
    allowed_decimal: Decimal,
}

/// Per bid and criterion: the marks' integer sum, count and spread, with where the lowest and the
/// highest mark are among the bid's marks (the first lowest and the last highest, as the general
/// path reports them; the warning shows them as written).
#[derive(Clone, Copy)]
struct Acc {
    sum: i128,
    low: i128,
    high: i128,
    count: u32,
    low_at: u32,
    high_at: u32,
}

impl Acc {
    const EMPTY: Self = Self { sum: 0, low: i128::MAX, high: i128::MIN, count: 0, low_at: 0, high_at: 0 };
}

/// A bid's quality as the kernel computed it.
pub(crate) struct KernelScore {
    /// The quality points, exact (rounded only where the policy rounds the quality subtotal).
    pub(crate) quality: Exact,
    /// The first criterion (in the award model's order) whose mean is below its minimum, with
    /// that mean.
    pub(crate) below: Option<(Id, Exact)>,
}

/// A bid's marks as the kernel sums them: per criterion (in the plan's order) the sum in units of
/// `10^-K`, the number of evaluators, and the quality's numerator over `D × n`.
pub(crate) struct Sums {
    numerator: i128,
    n: u32,
    sums: Vec<i128>,
}

/// A lot's quality criteria planned for integer scoring: its leaves are the general plan's, in
/// the same order, so the plan's index finds them.
pub(crate) struct QualityKernel<'a, 'p> {
    award: &'a AwardModel,
    plan: &'p QualityPlan<'a>,
    leaves: Vec<Leaf<'a>>,
    /// `K`: marks are integers in units of `10^-K`.
    decimals: u32,
    /// `D`, the common denominator of the factors.
    denominator: i128,
    /// Per-bid scratch: one accumulator per leaf, reused.
    acc: Vec<Acc>,
}

impl<'a, 'p> QualityKernel<'a, 'p> {
    /// Plans the lot's quality for the fast path, or `None` where only the general path applies.
    pub(crate) fn plan(award: &'a AwardModel, plan: &'p QualityPlan<'a>) -> Option<Self> {
        let policy = award.rounding;
        let exact_before_subtotal =
            [RoundingStep::Aggregate, RoundingStep::Grade, RoundingStep::Ratio, RoundingStep::Criterion]
                .into_iter()
                .all(|s| policy.rule(s).is_none());
        // The price models that read each criterion's points need the criteria's records.
        let reads_criteria =
            matches!(award.price_model, PriceModel::ValueAdded { .. } | PriceModel::PercentAdjustment { .. });
        if !exact_before_subtotal
            || reads_criteria
            || award.quality.aggregation != Aggregation::Mean
            || award.quality.relative.is_some()
            || award
                .quality_criteria()
                .any(|c| c.measure.is_some() || c.sovereignty.is_some() || !c.sub_criteria.is_empty())
        {
            return None;
        }
        // K: the most decimals of any scale bound or step, so every mark on a scale is an
        // integer in units of 10^-K (a mark with more decimals sends its bid to the general path).
        let mut decimals = 0;
        for c in award.quality_criteria() {
            let scale = award.scale_of(c);
            decimals = decimals.max(scale.min.get().scale()).max(scale.max.get().scale());
            if let Some(step) = scale.step {
                decimals = decimals.max(step.get().scale());
            }
        }
        if decimals > MAX_DECIMALS {
            return None;
        }
        let unit = 10_i128.pow(decimals);
        let unit_exact = Exact::from_int(unit).ok()?;
        // Each criterion's factor w / (10^K × max), in lowest terms.
        let mut factors = Vec::new();
        for c in award.quality_criteria() {
            let leaf = plan.leaf(c.id.as_str())?;
            if leaf.max.is_zero() {
                return None;
            }
            let weight = crate::quality::quality_weight(award, c).ok()?;
            factors.push(weight.checked_div(leaf.max.checked_mul(unit_exact).ok()?).ok()?);
        }
        let mut denominator: i128 = 1;
        for f in &factors {
            denominator = lcm(denominator, f.denom())?;
        }
        let mut leaves = Vec::with_capacity(factors.len());
        for (c, f) in award.quality_criteria().zip(&factors) {
            // Every quality criterion is a leaf here, so the plan's leaves are these, in order.
            if plan.leaf_position(c.id.as_str()) != Some(leaves.len()) {
                return None;
            }
            let leaf = plan.leaf(c.id.as_str())?;
            let multiplier = f.numer().checked_mul(denominator / f.denom())?;
            let minimum = match c.minimum_score {
                Some(m) => Some(scaled(m.get(), decimals)?),
                None => None,
            };
            let allowed = floor_scaled(leaf.allowed_spread, decimals);
            leaves.push(Leaf { id: &c.id, multiplier, minimum, allowed, allowed_decimal: leaf.allowed_spread });
        }
        let acc = vec![Acc::EMPTY; leaves.len()];
        Some(Self { award, plan, leaves, decimals, denominator, acc })
    }

    /// Scores a bid's quality, appending disagreement warnings to `warnings` as the general path
    /// does; `None` hands the bid to the general path (see the module documentation).
    pub(crate) fn score(&mut self, bid: &Bid, warnings: &mut Vec<Warning>) -> Option<KernelScore> {
        let n = self.accumulate(bid)?;
        let mut numerator: i128 = 0;
        let mut below = None;
        for (leaf, a) in self.leaves.iter().zip(&self.acc) {
            numerator = numerator.checked_add(a.sum.checked_mul(leaf.multiplier)?)?;
            if below.is_none()
                && let Some(m) = leaf.minimum
                && a.sum < m.checked_mul(i128::from(n))?
            {
                let mean = Exact::new(a.sum, 10_i128.pow(self.decimals).checked_mul(i128::from(n))?).ok()?;
                below = Some((leaf.id.clone(), mean));
            }
            if n >= 2 && a.high - a.low > leaf.allowed {
                let mark = |at: u32| bid.scores.get(usize::try_from(at).ok()?).map(|s| s.score.get());
                warnings.push(Warning::Disagreement {
                    bid: bid.id.clone(),
                    criterion: leaf.id.clone(),
                    lowest: mark(a.low_at)?,
                    highest: mark(a.high_at)?,
                    allowed: leaf.allowed_decimal,
                });
            }
        }
        let quality = self.quality(numerator, n)?;
        Some(KernelScore { quality, below })
    }

    /// A bid's marks summed per criterion, to score moves of one mark ([`Self::moved`]) without
    /// reading the marks again; `None` where [`Self::score`] would hand the bid on.
    pub(crate) fn sums(&mut self, bid: &Bid) -> Option<Sums> {
        let n = self.accumulate(bid)?;
        let mut numerator: i128 = 0;
        for (leaf, a) in self.leaves.iter().zip(&self.acc) {
            numerator = numerator.checked_add(a.sum.checked_mul(leaf.multiplier)?)?;
        }
        Some(Sums { numerator, n, sums: self.acc.iter().map(|a| a.sum).collect() })
    }

    /// The quality of a bid (`sums`) after one mark on `criterion` moves by `delta`, exactly as
    /// [`Self::score`] would compute it from the moved marks, and whether a criterion's mean is
    /// then below its minimum. `None` where the move cannot be scored here.
    pub(crate) fn moved(&self, sums: &Sums, criterion: &Id, delta: Decimal) -> Option<(Exact, bool)> {
        let i = self.plan.leaf_position(criterion.as_str())?;
        let leaf = self.leaves.get(i)?;
        let d = scaled(delta, self.decimals)?;
        let numerator = sums.numerator.checked_add(d.checked_mul(leaf.multiplier)?)?;
        let n = i128::from(sums.n);
        let mut below = false;
        for (j, (l, &sum)) in self.leaves.iter().zip(&sums.sums).enumerate() {
            let sum = if j == i { sum.checked_add(d)? } else { sum };
            if let Some(m) = l.minimum {
                below |= sum < m.checked_mul(n)?;
            }
        }
        Some((self.quality(numerator, sums.n)?, below))
    }

    /// `numerator / (D × n)`, rounded where the policy rounds the quality subtotal.
    fn quality(&self, numerator: i128, n: u32) -> Option<Exact> {
        let quality = Exact::new(numerator, self.denominator.checked_mul(i128::from(n))?).ok()?;
        quality.round_by(self.award.rounding.rule(RoundingStep::Quality)).ok()
    }

    /// Adds each of the bid's marks to its criterion's accumulator; the number of evaluators, or
    /// `None` where the bid is the general path's (see the module documentation).
    fn accumulate(&mut self, bid: &Bid) -> Option<u32> {
        if !bid.consensus.is_empty() {
            return None;
        }
        self.acc.fill(Acc::EMPTY);
        let mut cursor = 0usize;
        for (at, s) in bid.scores.iter().enumerate() {
            // Marks usually come grouped and in the award model's order: try the current leaf
            // and the next before the map, by address: ids read with the tender's id pool are
            // the tender's own allocations (any other id is found through the map).
            let id = &s.criterion;
            let found = if self.leaves.get(cursor).is_some_and(|l| l.id.is_same(id)) {
                Some(cursor)
            } else if self.leaves.get(cursor + 1).is_some_and(|l| l.id.is_same(id)) {
                Some(cursor + 1)
            } else {
                self.plan.leaf_position(id.as_str())
            };
            let Some(i) = found else { continue };
            cursor = i;
            let mark = s.score.get();
            let v = scaled(mark, self.decimals)?;
            let at = u32::try_from(at).ok()?;
            let a = &mut self.acc[i];
            a.sum = a.sum.checked_add(v)?;
            a.count += 1;
            // Selects, not branches: marks are as unpredictable as the evaluators.
            a.low_at = std::hint::select_unpredictable(v < a.low, at, a.low_at);
            a.low = a.low.min(v);
            a.high_at = std::hint::select_unpredictable(v >= a.high, at, a.high_at);
            a.high = a.high.max(v);
        }
        // One number of evaluators for every criterion, and at least one mark each (a missing
        // mark is the general path's error to report).
        let n = self.acc.first().map_or(1, |a| a.count);
        if n == 0 || self.acc.iter().any(|a| a.count != n) {
            return None;
        }
        Some(n)
    }
}

/// Powers of ten up to `10^MAX_DECIMALS`.
const POW10: [i128; MAX_DECIMALS as usize + 1] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/// `value × 10^decimals` as an integer, `None` when `value` has more decimals or does not fit.
#[inline(always)]
fn scaled(value: Decimal, decimals: u32) -> Option<i128> {
    let scale = value.scale();
    if scale == decimals {
        return Some(value.mantissa());
    }
    if scale > decimals {
        // Trailing zeros (2.50 on a scale of one decimal) still fit.
        let normal = value.normalize();
        if normal.scale() > decimals {
            return None;
        }
        return scaled(normal, decimals);
    }
    value.mantissa().checked_mul(*POW10.get(usize::try_from(decimals - scale).ok()?)?)
}

/// `floor(value × 10^decimals)`, saturating.
fn floor_scaled(value: Decimal, decimals: u32) -> i128 {
    use rust_decimal::prelude::ToPrimitive;
    let factor = Decimal::from_i128_with_scale(10_i128.pow(decimals), 0);
    value.checked_mul(factor).and_then(|x| x.floor().to_i128()).unwrap_or(i128::MAX)
}

fn lcm(a: i128, b: i128) -> Option<i128> {
    let g = gcd(a, b);
    (a / g).checked_mul(b)
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a.abs().max(1)
}
