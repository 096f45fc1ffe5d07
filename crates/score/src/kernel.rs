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
//! * **Compute** ([`QualityKernel::score`]), per bid: its marks were read before the competition
//!   as one block of small integers (`marks.rs`); one pass over the block gives each criterion's
//!   integer sum and spread (no allocation after the first bid, no GCD; the numerator in 64 bits
//!   where the lot's factors bound it, see [`QualityKernel::numerator`]); then
//!   `quality = Σ_c sum_c × M_c / (D × n)`, one exact fraction per bid. Every operation is checked:
//!   a bid whose figures would not fit, or that has no block (marks with more decimals than `K`,
//!   criteria marked by different numbers of evaluators, a consensus score), is handed to the
//!   general path (`None`), never given a wrong figure.
//! * **Derive**: the per-criterion records (marks, score, ratio, points) are not built here; the
//!   general path builds them when a derivation is asked for ([`crate::Detail::Derivations`]).

use rust_decimal::Decimal;
use tender_core::award::{Aggregation, AwardModel, PriceModel, RoundingStep};
use tender_core::{Bid, Id};

use crate::exact::Exact;
use crate::marks::{Marks, scaled};
use crate::quality::QualityPlan;
use crate::result::Warning;

/// One leaf criterion as the kernel scores it.
struct Leaf {
    /// The criterion's id, a copy of the kernel's own: each thread scoring a share of a lot
    /// clones its own copy into the warnings, so the threads do not contend for one reference
    /// count.
    id: Id,
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

/// Per bid and criterion: the marks' integer sum, lowest and highest.
#[derive(Clone, Copy)]
struct Acc {
    sum: i64,
    low: i32,
    high: i32,
}

impl Acc {
    const EMPTY: Self = Self { sum: 0, low: i32::MAX, high: i32::MIN };

    /// The sum, lowest and highest of one criterion's marks.
    fn of(values: &[i32]) -> Self {
        values.iter().fold(Self::EMPTY, |a, &v| Self {
            sum: a.sum + i64::from(v),
            low: a.low.min(v),
            high: a.high.max(v),
        })
    }

    /// Each criterion's [`Acc::of`] where every criterion has `N` marks, the `N` known when
    /// compiling: the marks are summed without a loop per criterion.
    fn each<const N: usize>(acc: &mut [Self], values: &[i32]) {
        for (a, v) in acc.iter_mut().zip(values.chunks_exact(N)) {
            *a = Self::of(v);
        }
    }
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
    leaves: Vec<Leaf>,
    /// `K`: marks are integers in units of `10^-K`.
    decimals: u32,
    /// `D`, the common denominator of the factors.
    denominator: i128,
    /// `Σ_c |M_c|`, where it fits: a bid's numerator is summed in 64 bits when
    /// `n × Σ_c |M_c| ≤ 2^31` (see [`Self::numerator`]).
    multipliers: Option<i128>,
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
        {
            return None;
        }
        // K: every mark on a scale is an integer in units of 10^-K (see `marks.rs`).
        let decimals = crate::marks::decimals(award)?;
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
            leaves.push(Leaf {
                id: Id::new(c.id.as_str()),
                multiplier,
                minimum,
                allowed,
                allowed_decimal: leaf.allowed_spread,
            });
        }
        let acc = vec![Acc::EMPTY; leaves.len()];
        let multipliers = leaves.iter().try_fold(0_i128, |total, l| total.checked_add(l.multiplier.checked_abs()?));
        Some(Self { award, plan, leaves, decimals, denominator, multipliers, acc })
    }

    /// Scores a bid's quality, appending disagreement warnings to `warnings` as the general path
    /// does; `None` hands the bid to the general path (see the module documentation).
    pub(crate) fn score(&mut self, bid: &Bid, marks: Marks<'_>, warnings: &mut Vec<Warning>) -> Option<KernelScore> {
        let n = self.accumulate(marks)?;
        let numerator = self.numerator(n)?;
        let mut below = None;
        let marks_per_leaf = marks.n;
        for (l, (leaf, a)) in self.leaves.iter().zip(&self.acc).enumerate() {
            let sum = i128::from(a.sum);
            if below.is_none()
                && let Some(m) = leaf.minimum
                && sum < m.checked_mul(i128::from(n))?
            {
                let mean = Exact::new(sum, 10_i128.pow(self.decimals).checked_mul(i128::from(n))?).ok()?;
                below = Some((leaf.id.clone(), mean));
            }
            if n >= 2 && i128::from(a.high) - i128::from(a.low) > leaf.allowed {
                // The first lowest and the last highest mark, as the general path reports them.
                let base = l * marks_per_leaf;
                let block = marks.values.get(base..base + marks_per_leaf)?;
                let low_at = base + block.iter().position(|&v| v == a.low)?;
                let high_at = base + block.iter().rposition(|&v| v == a.high)?;
                // The marks as written: from the block where it holds them so, else from the bid.
                let mark = |at: usize| {
                    if marks.as_written {
                        return Decimal::try_new(i64::from(*marks.values.get(at)?), self.decimals).ok();
                    }
                    let position = if marks.positions.is_empty() {
                        at
                    } else {
                        usize::try_from(*marks.positions.get(at)?).ok()?
                    };
                    bid.scores.get(position).map(|s| s.score.get())
                };
                warnings.push(Warning::Disagreement {
                    bid: bid.id.clone(),
                    criterion: leaf.id.clone(),
                    lowest: mark(low_at)?,
                    highest: mark(high_at)?,
                    allowed: leaf.allowed_decimal,
                });
            }
        }
        let quality = self.quality(numerator, n)?;
        Some(KernelScore { quality, below })
    }

    /// A bid's marks summed per criterion, to score moves of one mark ([`Self::moved`]) without
    /// reading the marks again; `None` where [`Self::score`] would hand the bid on.
    pub(crate) fn sums(&mut self, marks: Marks<'_>) -> Option<Sums> {
        let n = self.accumulate(marks)?;
        let numerator = self.numerator(n)?;
        Some(Sums { numerator, n, sums: self.acc.iter().map(|a| i128::from(a.sum)).collect() })
    }

    /// `Σ_c sum_c × M_c` over the accumulated sums. Each `|sum_c| ≤ n × 2^31` (n marks of an
    /// `i32`), so where `n × Σ_c |M_c| ≤ 2^31` every term and partial sum is below `2^62` and the
    /// sum is made in 64 bits without checks; otherwise every step is checked in 128 bits.
    fn numerator(&self, n: u32) -> Option<i128> {
        if let Some(total) = self.multipliers
            && total.checked_mul(i128::from(n)).is_some_and(|b| b <= 1 << 31)
        {
            let mut numerator: i64 = 0;
            for (leaf, a) in self.leaves.iter().zip(&self.acc) {
                // |M_c| ≤ Σ_c |M_c| ≤ 2^31: the cast is exact.
                numerator += a.sum * i64::try_from(leaf.multiplier).ok()?;
            }
            return Some(i128::from(numerator));
        }
        let mut numerator: i128 = 0;
        for (leaf, a) in self.leaves.iter().zip(&self.acc) {
            numerator = numerator.checked_add(i128::from(a.sum).checked_mul(leaf.multiplier)?)?;
        }
        Some(numerator)
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

    /// Each leaf's sum and spread from the bid's block; the number of marks per leaf, or `None`
    /// where the block is not laid out for this lot's leaves.
    fn accumulate(&mut self, marks: Marks<'_>) -> Option<u32> {
        let n = marks.n;
        if n == 0 || marks.decimals != self.decimals || marks.values.len() != n.checked_mul(self.leaves.len())? {
            return None;
        }
        // The usual numbers of evaluators, known when compiling; any other, one loop per criterion.
        match n {
            1 => Acc::each::<1>(&mut self.acc, marks.values),
            2 => Acc::each::<2>(&mut self.acc, marks.values),
            3 => Acc::each::<3>(&mut self.acc, marks.values),
            4 => Acc::each::<4>(&mut self.acc, marks.values),
            5 => Acc::each::<5>(&mut self.acc, marks.values),
            _ => {
                for (a, values) in self.acc.iter_mut().zip(marks.values.chunks_exact(n)) {
                    *a = Acc::of(values);
                }
            }
        }
        u32::try_from(n).ok()
    }
}

/// `floor(value × 10^decimals)`, saturating.
fn floor_scaled(value: Decimal, decimals: u32) -> i128 {
    use rust_decimal::prelude::ToPrimitive;
    let factor = Decimal::from_i128_with_scale(10_i128.pow(decimals), 0);
    value.checked_mul(factor).and_then(|x| x.floor().to_i128()).unwrap_or(i128::MAX)
}

/// The least common multiple of two denominators (positive), `None` when it does not fit.
fn lcm(a: i128, b: i128) -> Option<i128> {
    let g = i128::try_from(crate::exact::gcd(a.unsigned_abs(), b.unsigned_abs())).ok()?.max(1);
    (a / g).checked_mul(b)
}
