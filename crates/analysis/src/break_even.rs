//! Break-even prices: for each bid that does not win, the highest price at which it would draw
//! level with the best other bid, everything else unchanged.
//!
//! The price is searched in exact decimals on the currency's minor unit (øre, cent), and the
//! figures are computed as the evaluation computes them, with the tender's rounding: at the
//! reported price the bid's published figure is at least as good as every other bid's (it wins,
//! or it ties and the tender's tie-break decides), and one minor unit above it the bid is behind.
//! The price is the evaluated price: the total plus included options, or the life-cycle cost.
//!
//! Lowering a bid's price never makes its figure worse and never makes another bid's better, so
//! whether the bid is level is monotone in its price and a bisection finds the break-even price.
//! Under a price model that depends on the other bids, a price below the lowest other price makes
//! the bid the new `Pmin` (and a price above the highest moves `Pmax` under min-max), which lowers
//! every other bid's price points; the search recomputes them there. Only the bids that could be
//! among the best others need recomputing: a bid with a higher price and no more quality than
//! `k + 1` others can never be among the `k` best (`k` = 1 to win, the number of suppliers to be
//! awarded). Models independent of the other bids compare with the others' fixed figures.
//!
//! A bid that is behind even at one minor unit "cannot win at any positive price": its quality
//! gap is larger than the price points it could gain.

use rust_decimal::{Decimal, MathematicalOps};
use serde::Serialize;
use tender_core::award::{CorridorDecision, PriceModel};
use tender_core::{Id, Lot, Tender};
use tender_score::Exact;
use tender_score::result::{BidResult, LotEvaluation};

use crate::Reason;
use crate::pricing::{Key, PriceError, Reference, Scorer};

/// The break-even prices of a lot.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BreakEvenAnalysis {
    /// The decimals of the currency's minor unit the prices are searched on.
    pub minor_units: u32,
    /// Whether the price model depends on the other bids (the bid's price moves the others).
    pub depends_on_other_bids: bool,
    /// Per ranked bid that does not win, in rank order.
    pub bids: Vec<BreakEven>,
    /// Per ranked bid that does not win and per measured criterion: the stated value at which it
    /// would win, all else unchanged (issue 18).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub values: Vec<ValueBreakEven>,
}

/// The stated value at which a bid would win: "the availability that would have won".
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ValueBreakEven {
    /// The bid.
    pub bid: Id,
    /// The measured criterion.
    pub criterion: Id,
    /// The value the bid states.
    pub value: Decimal,
    /// The least improved value at which the bid is ranked first, searched on `step`; `None`
    /// when not even the best acceptable value (`limit`) makes it first.
    pub to_win: Option<Decimal>,
    /// The best value the search went to: the acceptable range's end, or the value earning full
    /// points.
    pub limit: Decimal,
    /// The step searched on.
    pub step: Decimal,
}

/// The stated values at which the ranked bids that do not win would win, for each measured
/// criterion, everything else unchanged: a bisection between the stated value and the best
/// acceptable one, each step a full evaluation with the tender's rules (so the best value among
/// the bids, and with it the other bids' points, move as the evaluation moves them). It assumes a
/// better value never costs a bid points, which holds for the proportional, linear and band rules;
/// for a custom formula it is what the formula gives at the points tried.
pub fn break_even_values(
    tender: &Tender,
    lot: &Lot,
    bids: &[tender_core::Bid],
    eval: &LotEvaluation,
) -> Vec<ValueBreakEven> {
    use tender_core::measure::{Direction, MeasureRule};
    let mut t = tender.clone();
    t.lots.retain(|l| l.id == lot.id);
    t.max_lots_awarded_per_bidder = None;
    t.lot_award_order = None;
    let first = |bids: &[tender_core::Bid], id: &Id| -> bool {
        tender_score::evaluate_with(&t, bids, tender_score::Detail::Figures)
            .ok()
            .and_then(|e| e.lots.into_iter().next())
            .is_some_and(|l| l.bid(id).is_some_and(|b| b.rank == Some(1)))
    };
    let mut out = Vec::new();
    for r in eval.bids.iter().filter(|b| b.rank.is_some_and(|k| k > 1)) {
        let Some(index) = bids.iter().position(|b| b.id == r.bid) else { continue };
        for c in &lot.award.criteria {
            let Some(m) = &c.measure else { continue };
            let Some(stated) = bids[index].measure(&c.id).map(|s| s.value.get()) else { continue };
            let higher = m.direction == Direction::HigherIsBetter;
            let by_rule = match &m.rule {
                MeasureRule::Linear { full, .. } => Some(full.get()),
                MeasureRule::Bands { bands, .. } => bands.first().map(|b| b.from.get()),
                MeasureRule::Proportional | MeasureRule::Formula { .. } => None,
            };
            let range_end = if higher { m.max } else { m.min }.map(|x| x.get());
            let Some(limit) = by_rule.or(range_end) else { continue };
            let limit = match range_end {
                Some(e) if higher => limit.min(e),
                Some(e) => limit.max(e),
                None => limit,
            };
            if !m.better(limit, stated) {
                continue;
            }
            let decimals = stated.scale().max(limit.scale()).clamp(2, 6);
            let step = Decimal::new(1, decimals);
            let Some(span) = limit.checked_sub(stated).map(|d| d.abs()) else { continue };
            let Some(n) = span.checked_mul(Decimal::from(10_i64.pow(decimals))).map(|x| x.trunc()) else { continue };
            let Ok(n) = i64::try_from(n) else { continue };
            let value_at = |k: i64| -> Option<Decimal> {
                let d = Decimal::from(k).checked_mul(step)?;
                if higher { stated.checked_add(d) } else { stated.checked_sub(d) }
            };
            let wins = |k: i64| -> bool {
                let Some(v) = value_at(k) else { return false };
                let mut changed = bids.to_vec();
                if let Some(s) = changed[index].measures.iter_mut().find(|s| s.criterion == c.id) {
                    s.value = tender_core::num::Measurement::new(v);
                }
                first(&changed, &r.bid)
            };
            let to_win = if wins(n) {
                let (mut lo, mut hi) = (0_i64, n);
                while hi.saturating_sub(lo) > 1 {
                    let mid = lo.saturating_add(hi.saturating_sub(lo) / 2);
                    if wins(mid) { hi = mid } else { lo = mid }
                }
                value_at(hi).map(|v| v.normalize())
            } else {
                None
            };
            out.push(ValueBreakEven {
                bid: r.bid.clone(),
                criterion: c.id.clone(),
                value: stated,
                to_win,
                limit,
                step,
            });
        }
    }
    out
}

/// One bid's break-even prices.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BreakEven {
    /// The bid.
    pub bid: Id,
    /// Its rank.
    pub rank: u32,
    /// Its evaluated price, to the minor unit.
    pub price: Decimal,
    /// The price at which it would be first.
    pub to_win: Target,
    /// The price at which it would be awarded, for lots awarding more than one supplier when the
    /// bid is not among them.
    pub to_be_awarded: Option<Target>,
}

/// A break-even price, or why there is none.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Target {
    /// At this price, and any lower, the bid is level with or ahead of the bid it must pass.
    Price {
        /// The break-even price (evaluated price).
        price: Decimal,
        /// How much lower than the bid's price.
        reduction: Decimal,
        /// The reduction in percent of the bid's price, to two decimals.
        percent: Decimal,
        /// The bid it draws level with at that price.
        level_with: Id,
    },
    /// The bid's published figure already equals the other's; the tie-break put it behind.
    TiedNow {
        /// The bid it ties with.
        with: Id,
    },
    /// Behind even at one minor unit: the quality gap is larger than the price can make up.
    CannotWin,
}

struct Entry {
    id: Id,
    price: Exact,
    quality: Exact,
}

struct Search<'a> {
    scorer: Scorer<'a>,
    model: &'a PriceModel,
    entries: Vec<Entry>,
    scale: i128,
    reference: Reference,
    relative: bool,
    /// Fixed keys at the evaluation's reference, for models independent of the other bids.
    fixed: Vec<Key>,
    /// Indices sorted by price ascending, quality descending (for the candidate sets).
    by_price: Vec<usize>,
}

/// `Some(i)` for the `k`-th best of `keys` (lower is better) excluding `skip`, ties by index.
fn kth_best(keys: impl Iterator<Item = (usize, Key)>, skip: usize, k: usize) -> Option<(usize, Key)> {
    let mut best: Vec<(Key, usize)> = Vec::with_capacity(k + 1);
    for (i, key) in keys.filter(|(i, _)| *i != skip) {
        let pos = best.partition_point(|x| *x <= (key, i));
        if pos < k {
            best.insert(pos, (key, i));
            best.truncate(k);
        }
    }
    (best.len() == k).then(|| best[k - 1]).map(|(key, i)| (i, key))
}

impl Search<'_> {
    fn price(&self, units: i128) -> Result<Exact, PriceError> {
        Ok(Exact::new(units, self.scale)?)
    }

    /// The bids that can be among the `k` best others of any bid under a relative model: those
    /// with fewer than `k + 1` bids at least as cheap and at least as good in quality (ties by
    /// the price order). Every other bid has `k` such bids besides the one being searched, each
    /// at least as good at every reference price.
    fn candidates(&self, k: usize) -> Vec<usize> {
        let mut seen: Vec<Exact> = Vec::with_capacity(k + 2);
        let mut out = Vec::new();
        for &i in &self.by_price {
            let q = self.entries[i].quality;
            let dominators = seen.iter().filter(|&&s| s >= q).count();
            if dominators <= k {
                out.push(i);
            }
            let pos = seen.partition_point(|&s| s > q);
            seen.insert(pos, q);
            seen.truncate(k + 1);
        }
        out
    }

    /// The reference prices when bid `b` is at `price`.
    fn reference_for(&self, price: Exact, others: (Exact, Exact)) -> Reference {
        if !self.relative {
            return self.reference;
        }
        let highest =
            if matches!(self.model, PriceModel::MinMax) { others.1.max(price) } else { self.reference.highest };
        Reference { lowest: others.0.min(price), highest }
    }

    /// The lowest and highest price among the bids other than `b` (there are at least two bids).
    fn others_range(&self, b: usize) -> (Exact, Exact) {
        let n = self.by_price.len();
        let low = if self.by_price[0] == b { self.by_price[1] } else { self.by_price[0] };
        let high = if self.by_price[n - 1] == b { self.by_price[n - 2] } else { self.by_price[n - 1] };
        (self.entries[low].price, self.entries[high].price)
    }

    /// The `k`-th best other bid when `b` is at `price`.
    fn kth_other(
        &self,
        b: usize,
        price: Exact,
        k: usize,
        candidates: &[usize],
        others: (Exact, Exact),
    ) -> Result<Option<(usize, Key)>, PriceError> {
        if !self.relative {
            return Ok(kth_best(self.fixed.iter().copied().enumerate(), b, k));
        }
        let reference = self.reference_for(price, others);
        let mut keys = Vec::with_capacity(candidates.len());
        for &i in candidates.iter().filter(|&&i| i != b) {
            let e = &self.entries[i];
            keys.push((i, self.scorer.key(e.quality, e.price, reference)?));
        }
        Ok(kth_best(keys.into_iter(), b, k))
    }

    /// How many bids are strictly ahead of `b` at `price` under the extended price-per-quality-
    /// point method, and the `k`-th of them, recomputing the corridor (it moves with the best
    /// ratio).
    fn corridor_ahead(&self, b: usize, price: Exact, k: usize) -> Result<(usize, Option<usize>), PriceError> {
        let PriceModel::PricePerQualityPoint { corridor: Some(width), decision } = self.model else {
            return Ok((0, None));
        };
        let priced = |i: usize| if i == b { price } else { self.entries[i].price };
        let mut best: Option<Exact> = None;
        for (i, e) in self.entries.iter().enumerate() {
            if e.quality.numer().is_positive() {
                let z = e.quality.checked_div(priced(i))?;
                best = Some(best.map_or(z, |x: Exact| x.max(z)));
            }
        }
        let keep = Exact::ONE.checked_sub(Exact::from_decimal(width.get()).checked_div(Exact::from_int(100)?)?)?;
        let threshold = match best {
            Some(z) => Some(z.checked_mul(keep)?),
            None => None,
        };
        // (group, corridor key, published figure) as the evaluation sorts them.
        let mut rows = Vec::with_capacity(self.entries.len());
        for (i, e) in self.entries.iter().enumerate() {
            let p = priced(i);
            let key = self.scorer.key(e.quality, p, self.reference)?;
            let mut group = key.group;
            let mut ckey = None;
            if group == 1 {
                let z = e.quality.checked_div(p)?;
                if threshold.is_some_and(|t| z >= t) {
                    group = 0;
                    ckey = Some(match decision {
                        CorridorDecision::HigherQuality => e.quality.negate(),
                        CorridorDecision::LowerPrice => p,
                    });
                }
            }
            rows.push((group, ckey, key.value, i));
        }
        let primary = |x: &(u8, Option<Exact>, Decimal, usize), y: &(u8, Option<Exact>, Decimal, usize)| {
            x.0.cmp(&y.0).then_with(|| match (x.1, y.1) {
                (Some(a), Some(c)) => a.cmp(&c),
                _ => x.2.cmp(&y.2),
            })
        };
        let me = rows[b];
        let ahead = rows.iter().filter(|r| r.3 != b && primary(r, &me).is_lt()).count();
        let mut others: Vec<&(u8, Option<Exact>, Decimal, usize)> = rows.iter().filter(|r| r.3 != b).collect();
        others.sort_by(|x, y| primary(x, y).then(x.3.cmp(&y.3)));
        Ok((ahead, others.get(k.saturating_sub(1)).map(|r| r.3)))
    }

    /// Whether `b` at `units` minor units is level with or ahead of the `k`-th best other bid.
    fn level(
        &self,
        b: usize,
        units: i128,
        k: usize,
        candidates: &[usize],
        cache: &mut Cache,
    ) -> Result<bool, PriceError> {
        let price = self.price(units)?;
        if matches!(self.model, PriceModel::PricePerQualityPoint { corridor: Some(_), .. }) {
            return Ok(self.corridor_ahead(b, price, k)?.0 < k);
        }
        let others = cache.others;
        let reference = self.reference_for(price, others);
        let mine = self.scorer.key(self.entries[b].quality, price, reference)?;
        let kth = self.kth_at(b, price, k, candidates, cache)?.map(|(_, key)| key);
        Ok(kth.is_none_or(|kth| mine <= kth))
    }

    /// Whether the reference is the others' alone at `price` (their figures do not move).
    fn inside(&self, price: Exact, others: (Exact, Exact)) -> bool {
        !self.relative || (price >= others.0 && (price <= others.1 || !matches!(self.model, PriceModel::MinMax)))
    }

    /// The `k`-th best other bid at `price`, from the cache while the reference is the others'.
    /// When the others' range is the evaluation's (the bid is neither the only lowest nor, under
    /// min-max, the only highest price), their figures are the evaluation's: no recomputation.
    fn kth_at(
        &self,
        b: usize,
        price: Exact,
        k: usize,
        candidates: &[usize],
        cache: &mut Cache,
    ) -> Result<Option<(usize, Key)>, PriceError> {
        let others = cache.others;
        if !self.inside(price, others) {
            return self.kth_other(b, price, k, candidates, others);
        }
        if let Some(kth) = cache.fixed_kth {
            return Ok(kth);
        }
        let kth = if self.same_reference(others) {
            kth_best(candidates.iter().map(|&i| (i, self.fixed[i])), b, k)
        } else {
            self.kth_other(b, price, k, candidates, others)?
        };
        cache.fixed_kth = Some(kth);
        Ok(kth)
    }

    /// Whether the reference made by the others alone is the evaluation's.
    fn same_reference(&self, others: (Exact, Exact)) -> bool {
        !self.relative
            || (others.0 == self.reference.lowest
                && (others.1 == self.reference.highest || !matches!(self.model, PriceModel::MinMax)))
    }

    fn level_with(
        &self,
        b: usize,
        units: i128,
        k: usize,
        candidates: &[usize],
        cache: &mut Cache,
    ) -> Result<Id, PriceError> {
        let price = self.price(units)?;
        let other = if matches!(self.model, PriceModel::PricePerQualityPoint { corridor: Some(_), .. }) {
            self.corridor_ahead(b, price, k)?.1
        } else {
            self.kth_at(b, price, k, candidates, cache)?.map(|(i, _)| i)
        };
        Ok(other.map_or_else(|| self.entries[b].id.clone(), |i| self.entries[i].id.clone()))
    }

    fn target(&self, b: usize, k: usize, candidates: &[usize]) -> Result<Target, PriceError> {
        let e = &self.entries[b];
        // The bid's own price in minor units, rounded down onto the grid.
        let scaled = e.price.checked_mul(Exact::from_int(self.scale)?)?;
        let top = scaled.numer().div_euclid(scaled.denom());
        let others = self.others_range(b);
        let mut cache = Cache { others, fixed_kth: None };
        // A percent-adjustment factor at or below zero (a deduction above 100 %) makes a lower
        // price a higher evaluation price: lowering the price cannot help.
        let backwards = matches!(self.model, PriceModel::PercentAdjustment { .. }) && !e.quality.numer().is_positive();
        if top < 1 || backwards {
            return Ok(Target::CannotWin);
        }
        if self.level(b, top, k, candidates, &mut cache)? {
            let on_grid = scaled.denom() == 1;
            if on_grid {
                return Ok(Target::TiedNow { with: self.level_with(b, top, k, candidates, &mut cache)? });
            }
            return self.price_target(b, top, k, candidates, &mut cache, None);
        }
        let corridor = matches!(self.model, PriceModel::PricePerQualityPoint { corridor: Some(_), .. });
        let mut lo = 1_i128;
        if self.relative && !corridor {
            // At or above the others' lowest price the reference is theirs: if the bid is level
            // somewhere there, bisect there (the others' figures are fixed). Otherwise the answer
            // is below it, where the bid is the lowest.
            let low = others.0.checked_mul(Exact::from_int(self.scale)?)?;
            let low_units = low.numer().div_euclid(low.denom()) + i128::from(low.denom() != 1);
            if low_units < top && low_units >= 1 && self.level(b, low_units, k, candidates, &mut cache)? {
                lo = low_units;
            } else {
                let upper = low_units.min(top) - 1;
                return match self.below_the_others(b, upper, k, candidates, others)? {
                    Some((units, with)) => self.price_target(b, units, k, candidates, &mut cache, with),
                    None => Ok(Target::CannotWin),
                };
            }
        } else if !self.level(b, 1, k, candidates, &mut cache)? {
            return Ok(Target::CannotWin);
        }
        // Under the logarithmic model each step costs a 28-digit logarithm: start from the price
        // the formula gives without rounding and gallop from there.
        let guess = match cache.fixed_kth {
            Some(Some((_, kth))) if self.relative => {
                self.log_guess(e.quality, -kth.value - self.scorer.half_unit(), others.0)
            }
            _ => None,
        };
        let lo = largest_true(lo, top, guess, |units| self.level(b, units, k, candidates, &mut cache))?;
        self.price_target(b, lo, k, candidates, &mut cache, None)
    }

    /// For the logarithmic model, the price (in minor units) at which a bid with quality points
    /// `quality` reaches the total `total` when the lowest price is `lowest`: from
    /// `total = quality + M × (1 − ln(P / lowest) / ln(1 + z))`, `P = lowest × (1 + z)^(1 − r)` with
    /// `r = (total − quality) / M`. Only a starting point for the search, so rounding does not
    /// matter; `None` for other models or when it cannot be computed.
    fn log_guess(&self, quality: Exact, total: Decimal, lowest: Exact) -> Option<i128> {
        let PriceModel::Logarithmic { zero_at } = self.model else { return None };
        let max = self.scorer.max()?.approx(10);
        let quality = quality.approx(10);
        if max.is_zero() {
            return None;
        }
        let r = total.checked_sub(quality)?.checked_div(max)?;
        let base = Decimal::ONE.checked_add(zero_at.get().checked_div(Decimal::ONE_HUNDRED)?)?;
        let exponent = Decimal::ONE.checked_sub(r)?.checked_mul(base.checked_ln()?)?;
        let price = lowest.approx(4).checked_mul(exponent.checked_exp()?)?;
        let units = price.checked_mul(Decimal::from(self.scale))?.floor();
        i128::try_from(units).ok()
    }

    /// Under a relative points model, the highest price in `1..=upper` minor units, all below the
    /// others' lowest price, at which bid `b` is level; `None` when there is none. Below the
    /// others' lowest price the bid is the lowest and gets full price points, a fixed figure,
    /// while every other bid's figure falls with the price (it is the new `Pmin`). So each other
    /// bid `o` is not ahead of `b` up to a threshold `T_o`, and `b` is level up to the `k`-th
    /// smallest threshold. The thresholds are found one bid at a time, strongest first, and a bid
    /// that is not ahead at the current answer is skipped: about one bisection per bid searched
    /// instead of one per step and candidate.
    fn below_the_others(
        &self,
        b: usize,
        upper: i128,
        k: usize,
        candidates: &[usize],
        others: (Exact, Exact),
    ) -> Result<Option<(i128, Option<usize>)>, PriceError> {
        if upper < 1 {
            return Ok(None);
        }
        let at = |units: i128| -> Result<(Exact, Reference), PriceError> {
            let price = self.price(units)?;
            Ok((price, self.reference_for(price, others)))
        };
        let (price, reference) = at(upper)?;
        let mine = self.scorer.key(self.entries[b].quality, price, reference)?;
        let ahead = |o: usize, units: i128| -> Result<bool, PriceError> {
            let (_, reference) = at(units)?;
            let e = &self.entries[o];
            Ok(self.scorer.key(e.quality, e.price, reference)? < mine)
        };
        // Below the evaluation's lowest price every other bid scores no better than in the
        // evaluation (a lower Pmin lowers every other bid's points), so a bid that is not ahead of
        // `mine` there is never ahead here. Not so under min-max when this bid alone set Pmax.
        let prune = self.same_reference(others) || !matches!(self.model, PriceModel::MinMax);
        let mut order: Vec<usize> =
            candidates.iter().copied().filter(|&o| o != b && !(prune && self.fixed[o] >= mine)).collect();
        order.sort_by(|&x, &y| self.fixed[x].cmp(&self.fixed[y]).then(x.cmp(&y)));
        let mut answer = upper;
        let mut thresholds: Vec<(i128, usize)> = Vec::with_capacity(k + 1);
        for o in order {
            if answer < 1 {
                break;
            }
            if !ahead(o, answer)? {
                continue;
            }
            // The largest price in 0..answer at which o is not ahead (0: ahead everywhere). Under
            // the logarithmic model, o reaches b's total where
            // P' = P_o / (1 + z)^(1 − r), r = (total − q_o) / M: the search starts there.
            let e = &self.entries[o];
            let guess = self.log_guess(e.quality, -mine.value + self.scorer.half_unit(), e.price).and_then(|g| {
                // `log_guess` answers P_o × (1 + z)^(1 − r); the threshold is P_o² over it.
                let g = Decimal::from(i64::try_from(g).ok()?);
                let p = e.price.approx(4).checked_mul(Decimal::from(self.scale))?;
                i128::try_from(p.checked_mul(p)?.checked_div(g)?.floor()).ok()
            });
            // Without a usable starting point, first see whether o is ahead even at one minor
            // unit (its quality alone beats this bid's best), which ends the search at once.
            let guess = match guess {
                Some(g) if g >= 1 && g < answer => Some(g),
                _ if ahead(o, 1)? => Some(0),
                other => other,
            };
            let lo = if guess == Some(0) { 0 } else { largest_true(0, answer, guess, |units| Ok(!ahead(o, units)?))? };
            let pos = thresholds.partition_point(|&(t, _)| t <= lo);
            thresholds.insert(pos, (lo, o));
            thresholds.truncate(k);
            if thresholds.len() == k {
                answer = answer.min(thresholds[k - 1].0);
            }
        }
        // The bid it draws level with: the one whose threshold is the answer.
        let with = thresholds.get(k - 1).filter(|(t, _)| *t == answer).map(|&(_, o)| o);
        Ok((answer >= 1).then_some((answer, with)))
    }

    fn price_target(
        &self,
        b: usize,
        units: i128,
        k: usize,
        candidates: &[usize],
        cache: &mut Cache,
        with: Option<usize>,
    ) -> Result<Target, PriceError> {
        let e = &self.entries[b];
        let price = self.price(units)?;
        let digits = self.scale.ilog10();
        let reduction = e.price.checked_sub(price)?;
        let percent = reduction.checked_mul(Exact::from_int(100)?)?.checked_div(e.price)?;
        Ok(Target::Price {
            price: price.round(digits, tender_core::award::RoundingStrategy::HalfUp)?,
            reduction: reduction.approx(digits),
            percent: percent.approx(2),
            level_with: match with {
                Some(o) => self.entries[o].id.clone(),
                None => self.level_with(b, units, k, candidates, cache)?,
            },
        })
    }
}

/// The largest `n` in `lo..hi` for which `pred` holds, given that it holds at `lo` (or `lo` is a
/// sentinel below the range) and fails at `hi`, and that it is monotone (true, then false). From
/// a `guess` it gallops (steps 1, 2, 4, ...) to a bracket, then bisects.
fn largest_true(
    mut lo: i128,
    mut hi: i128,
    guess: Option<i128>,
    mut pred: impl FnMut(i128) -> Result<bool, PriceError>,
) -> Result<i128, PriceError> {
    if let Some(g) = guess
        && hi - lo > 1
    {
        let g = g.clamp(lo + 1, hi - 1);
        let mut step = 1;
        if pred(g)? {
            lo = g;
            while lo + step < hi {
                if pred(lo + step)? {
                    lo += step;
                    step *= 2;
                } else {
                    hi = lo + step;
                    break;
                }
            }
        } else {
            hi = g;
            while hi - step > lo {
                if pred(hi - step)? {
                    lo = hi - step;
                    break;
                }
                hi -= step;
                step *= 2;
            }
        }
    }
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if pred(mid)? {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Ok(lo)
}

/// Per searched bid: the others' price range and, once computed, the `k`-th best other's key
/// while the reference is theirs alone.
struct Cache {
    others: (Exact, Exact),
    fixed_kth: Option<Option<(usize, Key)>>,
}

/// Whether the break-even search is sound for a price formula: the bisection needs a bid's
/// points never to rise as its price rises, and the other bids' points not to move with it. So
/// the formula must not use the other bids' prices (`lowest`, `highest`, `mean`: the search's
/// reasoning about a moving lowest price is the built-in models', which a custom formula does not
/// promise), and [`tender_core::formula::trend`] must prove its points fall or stay level as the
/// price rises (with `max` above zero and each constant's sign as written).
fn formula_searchable(
    formula: &str,
    constants: &std::collections::BTreeMap<String, tender_core::num::Measurement>,
) -> Result<(), Reason> {
    use tender_core::formula::{PRICE_RELATIVE, Sign, Trend, names, parse, trend};
    let expr = parse(formula).map_err(|_| Reason::FormulaFailed)?;
    if names(&expr).iter().any(|(n, _)| PRICE_RELATIVE.contains(n)) {
        return Err(Reason::FormulaUsesOtherBids);
    }
    let sign_of = |n: &str| match n {
        "max" => Some(Sign::Positive),
        other => constants.get(other).map(|c| Sign::of(c.get())),
    };
    match trend(&expr, "price", &sign_of) {
        Trend::Falling | Trend::Constant => Ok(()),
        Trend::Rising | Trend::Unknown => Err(Reason::FormulaNotMonotone),
    }
}

/// The break-even prices of a lot's ranked bids that do not win.
///
/// # Errors
/// The [`Reason`] when fewer than two bids were ranked or a figure cannot be computed.
pub fn break_even_prices(tender: &Tender, lot: &Lot, eval: &LotEvaluation) -> Result<BreakEvenAnalysis, Reason> {
    if lot.award.has_components() {
        return Err(Reason::SeveralPriceCriteria);
    }
    // Every published total is relative to the best bid's, which a bid's price moves.
    if lot.award.relative_total {
        return Err(Reason::RelativeTotal);
    }
    let ranked: Vec<&BidResult> = eval.bids.iter().filter(|b| b.rank.is_some()).collect();
    if ranked.len() < 2 {
        return Err(Reason::FewerThanTwoRanked);
    }
    let reason = |e: PriceError| match e {
        PriceError::NotPositive => Reason::PriceNotPositive { bid: None },
        PriceError::Logarithm => Reason::Logarithm,
        PriceError::Formula => Reason::FormulaFailed,
        PriceError::Overflow => Reason::TooLarge,
    };
    let scorer = Scorer::new(lot);
    let model = &lot.award.price_model;
    if let PriceModel::Formula { formula, constants } = model {
        formula_searchable(formula, constants)?;
    }
    let mut entries = Vec::with_capacity(ranked.len());
    for b in &ranked {
        let price = b
            .price
            .as_ref()
            .map(|p| p.evaluated.exact)
            .ok_or_else(|| Reason::MissingFigure { bid: b.bid.clone(), criterion: None })?;
        entries.push(Entry { id: b.bid.clone(), price, quality: scorer.quality_of(b).map_err(reason)? });
    }
    let reference = Reference {
        lowest: eval.lowest_price.unwrap_or(Exact::ONE),
        highest: eval.highest_price.unwrap_or(Exact::ONE),
    };
    let minor_units = tender.currency.minor_units();
    let scale = 10_i128.checked_pow(minor_units).ok_or(Reason::TooLarge)?;
    let relative = model.depends_on_other_bids() && model.is_points_model();
    // The figures at the evaluation's own reference are the evaluation's published ones.
    let mut fixed = Vec::with_capacity(entries.len());
    for (e, r) in entries.iter().zip(&ranked) {
        fixed.push(match r.total {
            Some(total) => scorer.key_of_published(e.quality, total.value),
            None => scorer.key(e.quality, e.price, reference).map_err(reason)?,
        });
    }
    let mut by_price: Vec<usize> = (0..entries.len()).collect();
    by_price.sort_by(|&a, &b| {
        entries[a].price.cmp(&entries[b].price).then(entries[b].quality.cmp(&entries[a].quality)).then(a.cmp(&b))
    });
    let search = Search { scorer, model, entries, scale, reference, relative, fixed, by_price };
    let to_award = usize::try_from(lot.suppliers_to_award).unwrap_or(usize::MAX).max(1);
    let all: Vec<usize> = (0..search.entries.len()).collect();
    let win_candidates = if relative { search.candidates(1) } else { all.clone() };
    let award_candidates = if relative && to_award > 1 { search.candidates(to_award) } else { all };
    let mut out = Vec::new();
    for (b, r) in ranked.iter().enumerate() {
        let rank = r.rank.unwrap_or(u32::MAX);
        if rank <= 1 {
            continue;
        }
        let to_win = search.target(b, 1, &win_candidates).map_err(reason)?;
        let rank_usize = usize::try_from(rank).unwrap_or(usize::MAX);
        let to_be_awarded = if to_award > 1 && rank_usize > to_award {
            Some(search.target(b, to_award, &award_candidates).map_err(reason)?)
        } else {
            None
        };
        out.push(BreakEven {
            bid: r.bid.clone(),
            rank,
            price: search.entries[b].price.approx(minor_units),
            to_win,
            to_be_awarded,
        });
    }
    Ok(BreakEvenAnalysis {
        minor_units,
        depends_on_other_bids: model.depends_on_other_bids(),
        bids: out,
        values: Vec::new(),
    })
}
