//! Measured criteria: the value a bid states, scored by the criterion's rule (see
//! [`tender_core::measure`]), and the tender's custom formulas evaluated in exact rationals.
//!
//! `best`, `worst`, `lowest`, `highest` and `mean` are taken over the bids **in play after the
//! gates**: bids without a defect that met every premise and minimum requirement. Quality
//! thresholds are not applied first, since a measured criterion's own points count towards them;
//! this is the same field a relative price model's lowest price is taken from before the
//! thresholds would be circular. The statistics depend only on the set of values, never on the
//! order of the bids.

use rust_decimal::Decimal;
use tender_core::award::{AwardModel, Criterion, RoundingStep};
use tender_core::formula::{Expr, Function, Op};
use tender_core::measure::{Direction, Measure, MeasureRule};
use tender_core::{Bid, Problem, Tender};

use crate::exact::{Exact, Overflow};
use crate::result::{Measured, MeasuredRule};

/// The values of the bids in play for one measured criterion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Field {
    /// The best value.
    pub best: Exact,
    /// The worst value.
    pub worst: Exact,
    /// The lowest value.
    pub lowest: Exact,
    /// The highest value.
    pub highest: Exact,
    /// The mean of the values.
    pub mean: Exact,
}

impl Field {
    /// The field of the given values (`None` when there are none).
    pub fn of(measure: &Measure, values: &[Decimal]) -> Result<Option<Self>, Overflow> {
        let (Some(lo), Some(hi)) = (values.iter().min(), values.iter().max()) else { return Ok(None) };
        let mut sum = Exact::ZERO;
        for v in values {
            sum = sum.checked_add(Exact::from_decimal(*v))?;
        }
        let n = i128::try_from(values.len()).map_err(|_| Overflow)?;
        let mean = sum.checked_div(Exact::from_int(n)?)?;
        let (lowest, highest) = (Exact::from_decimal(*lo), Exact::from_decimal(*hi));
        let (best, worst) = match measure.direction {
            Direction::HigherIsBetter => (highest, lowest),
            Direction::LowerIsBetter => (lowest, highest),
        };
        Ok(Some(Self { best, worst, lowest, highest, mean }))
    }
}

/// Why a measured criterion could not be scored for a bid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum MeasureError {
    /// The bid states no value (a defect: the bid is rejected).
    Missing,
    /// No bid is in play to take the best value from.
    NoField,
    /// The formula cannot be computed for this bid: a division by zero, or points outside
    /// `0..max` (the tender author's error), in English.
    Formula(String),
    /// Arithmetic overflow.
    Overflow,
}

impl From<Overflow> for MeasureError {
    fn from(_: Overflow) -> Self {
        Self::Overflow
    }
}

/// Why a formula could not be evaluated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fault {
    /// A division by zero.
    DivisionByZero,
    /// A name with no value.
    Unknown(String),
    /// Arithmetic overflow.
    Overflow,
}

impl From<Overflow> for Fault {
    fn from(_: Overflow) -> Self {
        Self::Overflow
    }
}

/// Evaluates a formula exactly, with each name's value from `env`.
///
/// # Errors
/// [`Fault`] on a division by zero, a name `env` does not know, or an overflow.
pub fn eval(expr: &Expr, env: &dyn Fn(&str) -> Option<Exact>) -> Result<Exact, Fault> {
    Ok(match expr {
        Expr::Number(d) => Exact::from_decimal(*d),
        Expr::Name(n, _) => env(n).ok_or_else(|| Fault::Unknown(n.clone()))?,
        Expr::Neg(x) => eval(x, env)?.negate(),
        Expr::Binary(op, a, b) => {
            let (a, b) = (eval(a, env)?, eval(b, env)?);
            match op {
                Op::Add => a.checked_add(b)?,
                Op::Sub => a.checked_sub(b)?,
                Op::Mul => a.checked_mul(b)?,
                Op::Div if b.is_zero() => return Err(Fault::DivisionByZero),
                Op::Div => a.checked_div(b)?,
            }
        }
        Expr::Call(f, args, _) => {
            let mut values = Vec::with_capacity(args.len());
            for a in args {
                values.push(eval(a, env)?);
            }
            let first = values.first().copied().unwrap_or(Exact::ZERO);
            match f {
                Function::Min => values.iter().copied().fold(first, Exact::min),
                Function::Max => values.iter().copied().fold(first, Exact::max),
                Function::Abs => {
                    if first.is_negative() {
                        first.negate()
                    } else {
                        first
                    }
                }
                Function::Clamp => {
                    let lo = values.get(1).copied().unwrap_or(first);
                    let hi = values.get(2).copied().unwrap_or(first);
                    first.max(lo).min(hi)
                }
                Function::Round(strategy) => {
                    let decimals = match args.get(1) {
                        Some(Expr::Number(d)) => u32::try_from(d.normalize().mantissa()).unwrap_or(0),
                        _ => 0,
                    };
                    Exact::from_decimal(first.round(decimals, *strategy)?)
                }
            }
        }
    })
}

/// The value of a formula's variable or constant.
fn variable(name: &str, value: Exact, max: Exact, field: &Field, rule: &MeasureRule) -> Option<Exact> {
    Some(match name {
        "value" => value,
        "best" => field.best,
        "worst" => field.worst,
        "lowest" => field.lowest,
        "highest" => field.highest,
        "mean" => field.mean,
        "max" => max,
        other => match rule {
            MeasureRule::Formula { constants, .. } => Exact::from_decimal(constants.get(other)?.get()),
            _ => return None,
        },
    })
}

/// One measured criterion's result for one bid: (basis, score on the scale, ratio, points).
pub(crate) fn score(
    award: &AwardModel,
    criterion: &Criterion,
    measure: &Measure,
    weight: Exact,
    field: Option<&Field>,
    bid: &Bid,
) -> Result<(Measured, Exact, Exact, Exact), MeasureError> {
    let policy = award.rounding;
    let stated = bid.measure(&criterion.id).ok_or(MeasureError::Missing)?;
    let v = stated.value.get();
    let value = Exact::from_decimal(v);
    let scale_max = Exact::from_decimal(award.scale_of(criterion).max.get());
    let ratio_of = |ratio: Exact| -> Result<(Exact, Exact, Exact), Overflow> {
        let ratio = ratio.round_by(policy.rule(RoundingStep::Ratio))?;
        let score = ratio.checked_mul(scale_max)?;
        let points = weight.checked_mul(ratio)?.round_by(policy.rule(RoundingStep::Criterion))?;
        Ok((score, ratio, points))
    };
    let (rule, (score, ratio, points)) = match &measure.rule {
        MeasureRule::Proportional => {
            let field = field.ok_or(MeasureError::NoField)?;
            let higher = measure.direction == Direction::HigherIsBetter;
            let ratio = match (higher, value.is_zero(), field.best.is_zero()) {
                (true, _, false) => value.checked_div(field.best)?,
                (false, false, _) => field.best.checked_div(value)?,
                // Validation requires values above zero; a zero best or value earns nothing.
                _ => Exact::ZERO,
            };
            // At most full points: only a bid out of play (rejected, kept for the record) can
            // state a value better than the best of the bids in play.
            let ratio = ratio.min(Exact::ONE);
            let best = field.best.approx(28);
            (MeasuredRule::Proportional { best, higher_is_better: higher }, ratio_of(ratio)?)
        }
        MeasureRule::Linear { full, zero, .. } => {
            let (f, z) = (Exact::from_decimal(full.get()), Exact::from_decimal(zero.get()));
            let span = f.checked_sub(z)?;
            let ratio = if span.is_zero() {
                Exact::ZERO
            } else {
                value.checked_sub(z)?.checked_div(span)?.max(Exact::ZERO).min(Exact::ONE)
            };
            (MeasuredRule::Linear { full: full.get(), zero: zero.get() }, ratio_of(ratio)?)
        }
        MeasureRule::Bands { bands, .. } => {
            // A value that reaches no band earns 0; where the tender rejects it instead, the bid
            // is rejected by its defect and this is only the record.
            let hit = bands.iter().position(|b| !measure.better(b.from.get(), v));
            let band_score = hit.and_then(|k| bands.get(k)).map_or(Decimal::ZERO, |b| b.score.get());
            let score = Exact::from_decimal(band_score);
            let ratio = if scale_max.is_zero() { Exact::ZERO } else { score.checked_div(scale_max)? };
            let ratio = ratio.round_by(policy.rule(RoundingStep::Ratio))?;
            let points = weight.checked_mul(ratio)?.round_by(policy.rule(RoundingStep::Criterion))?;
            let from = hit.and_then(|k| bands.get(k)).map(|b| b.from.get());
            let out_of = award.scale_of(criterion).max.get();
            (MeasuredRule::Band { band: hit, from, score: band_score, out_of }, (score, ratio, points))
        }
        MeasureRule::Formula { formula, .. } => {
            let field = field.ok_or(MeasureError::NoField)?;
            let expr = tender_core::formula::parse(formula).map_err(|e| MeasureError::Formula(e.to_string()))?;
            let env = |n: &str| variable(n, value, weight, field, &measure.rule);
            let result = match eval(&expr, &env) {
                Ok(r) => r,
                Err(Fault::Overflow) => return Err(MeasureError::Overflow),
                Err(Fault::DivisionByZero) => {
                    return Err(MeasureError::Formula(format!("the formula divides by zero for the value {v}")));
                }
                Err(Fault::Unknown(n)) => return Err(MeasureError::Formula(format!("`{n}` has no value"))),
            };
            if result.is_negative() || result > weight {
                return Err(MeasureError::Formula(format!(
                    "the formula gives {} points for the value {v}, outside 0 to {}",
                    result.approx(4),
                    weight.approx(4)
                )));
            }
            let mut variables: Vec<(String, Exact)> = Vec::new();
            for (n, _) in tender_core::formula::names(&expr) {
                if !variables.iter().any(|(k, _)| k == n)
                    && let Some(x) = env(n)
                {
                    variables.push((n.to_owned(), x));
                }
            }
            let points = result.round_by(policy.rule(RoundingStep::Criterion))?;
            let ratio = if weight.is_zero() { Exact::ZERO } else { points.checked_div(weight)? };
            let score = ratio.checked_mul(scale_max)?;
            (MeasuredRule::Formula { formula: formula.clone(), variables, result }, (score, ratio, points))
        }
    };
    Ok((Measured { value: v, evidence: stated.evidence.clone(), rule }, score, ratio, points))
}

/// Checks every custom formula of a tender over the corners of its acceptable range: the value,
/// the best, worst, lowest, highest and mean value each at the range's minimum, middle or maximum
/// (in every order the bids' values allow). A formula that divides by zero, or gives points
/// outside `0..max`, at any of these is an error of the tender. This is a check at the corners and
/// the middle, not a proof over every value: the evaluation checks each bid's points again.
pub fn check_formulas(tender: &Tender) -> Vec<Problem> {
    let mut out = Vec::new();
    for (i, lot) in tender.lots.iter().enumerate() {
        for (j, c) in lot.award.criteria.iter().enumerate() {
            let Some(m) = &c.measure else { continue };
            let MeasureRule::Formula { formula, .. } = &m.rule else { continue };
            let path = format!("lots[{i}].award.criteria[{j}].measure");
            let Ok(expr) = tender_core::formula::parse(formula) else { continue };
            let (Some(min), Some(max)) = (m.min, m.max) else {
                out.push(problem(
                    format!("{path}.min"),
                    "a formula is checked over the acceptable range, and the measure gives no `min` and `max`".into(),
                    "give the acceptable range's `min` and `max`",
                ));
                continue;
            };
            let weight = crate::weights::effective(&lot.award, c).unwrap_or(Exact::ZERO);
            if let Some(p) = corners(&expr, m, min.get(), max.get(), weight, &path) {
                out.push(p);
            }
        }
        out.extend(check_price_formulas(i, tender, lot));
    }
    out
}

/// The price levels a price formula is checked at, as multiples of a base price: from a tenth of
/// it to a hundred times it.
const PRICE_GRID: [(i128, i128); 8] = [(1, 10), (1, 2), (1, 1), (3, 2), (2, 1), (3, 1), (10, 1), (100, 1)];

/// Checks a lot's price formulas (the lot's `price_model`, and a price criterion's own) over a
/// grid of possible fields of bids: the lowest and highest price each at one of the levels of
/// [`PRICE_GRID`] times the lot's estimated value (the tender's, or 1 000 000 where neither gives
/// one) and times each positive constant of the formula, the bid's price and the mean price each
/// at the lowest, the middle or the highest. A formula that divides by zero, or gives points
/// outside `0..max`, at any of these is an error of the tender, at
/// `lots[i].award.price_model.formula` (or the criterion's). This is a check on a grid, not a proof
/// over every price: the evaluation checks each bid's points again.
fn check_price_formulas(i: usize, tender: &Tender, lot: &tender_core::Lot) -> Vec<Problem> {
    use tender_core::award::{CriterionKind, PriceModel};
    let award = &lot.award;
    let mut out = Vec::new();
    let mut lot_model_done = false;
    for (j, c) in award.criteria.iter().enumerate().filter(|(_, c)| c.kind != CriterionKind::Quality) {
        let PriceModel::Formula { formula, constants } = award.model_of(c) else { continue };
        let path = if c.price_model.is_some() {
            format!("lots[{i}].award.criteria[{j}].price_model.formula")
        } else if lot_model_done {
            continue;
        } else {
            lot_model_done = true;
            format!("lots[{i}].award.price_model.formula")
        };
        let Ok(expr) = tender_core::formula::parse(formula) else { continue };
        let Some(max) = crate::weights::effective(&lot.award, c).ok().filter(|w| w.numer().is_positive()) else {
            continue;
        };
        let base = lot.estimated_value.or(tender.estimated_value).map_or(Decimal::from(1_000_000), |v| v.get());
        let mut bases = vec![base];
        bases.extend(constants.values().map(|c| c.get()).filter(|c| *c > Decimal::ZERO));
        let mut grid: Vec<Exact> = Vec::new();
        for b in bases {
            for (num, den) in PRICE_GRID {
                let Ok(level) = Exact::new(num, den).and_then(|r| r.checked_mul(Exact::from_decimal(b))) else {
                    continue;
                };
                grid.push(level);
            }
        }
        grid.sort();
        grid.dedup();
        if let Some(p) = price_grid(&expr, constants, max, &grid, &path) {
            out.push(p);
        }
    }
    out
}

fn price_grid(
    expr: &Expr,
    constants: &std::collections::BTreeMap<String, tender_core::num::Measurement>,
    max: Exact,
    grid: &[Exact],
    path: &str,
) -> Option<Problem> {
    let m = max;
    // Names the formula does not use need not vary.
    let used: Vec<&str> = tender_core::formula::names(expr).into_iter().map(|(n, _)| n).collect();
    let relative = used.iter().any(|n| tender_core::formula::PRICE_RELATIVE.contains(n));
    let show = |x: Exact| x.approx(2).normalize();
    for (a, &lowest) in grid.iter().enumerate() {
        for &highest in grid.iter().skip(a).take(if relative { usize::MAX } else { 1 }) {
            let mid = lowest.checked_add(highest).and_then(|s| s.checked_div(Exact::from_int(2)?)).ok()?;
            let inside = [lowest, mid, highest];
            let means: &[Exact] = if used.contains(&"mean") { &inside } else { &inside[..1] };
            for &price in &inside {
                for &mean in means {
                    let at = || {
                        let mut parts = vec![format!("price = {}", show(price))];
                        for (n, x) in [("lowest", lowest), ("highest", highest), ("mean", mean)] {
                            if used.contains(&n) {
                                parts.push(format!("{n} = {}", show(x)));
                            }
                        }
                        parts.join(", ")
                    };
                    let env = |n: &str| match n {
                        "price" => Some(price),
                        "lowest" => Some(lowest),
                        "highest" => Some(highest),
                        "mean" => Some(mean),
                        "max" => Some(m),
                        other => constants.get(other).map(|c| Exact::from_decimal(c.get())),
                    };
                    let (message, fix) = match eval(expr, &env) {
                        Ok(p) if p.is_negative() || p > m => (
                            format!(
                                "the price formula gives {} points at {}, outside 0 to {} (the price criterion's weight)",
                                p.approx(4).normalize(),
                                at(),
                                max.approx(4).normalize()
                            ),
                            "limit the points, e.g. with max(0, …) or clamp(…, 0, max)",
                        ),
                        Ok(_) | Err(Fault::Unknown(_)) => continue,
                        Err(Fault::DivisionByZero) => (
                            format!("the price formula divides by zero at {}", at()),
                            "divide only by values that cannot be zero for a possible bid: prices are above zero, but highest − lowest is zero when every bid has the same price",
                        ),
                        Err(Fault::Overflow) => (
                            format!("the price formula's numbers grow too large to compute exactly at {}", at()),
                            "simplify the formula",
                        ),
                    };
                    return Some(problem(path.to_owned(), message, fix));
                }
            }
        }
    }
    None
}

fn problem(path: String, message: String, fix: &str) -> Problem {
    Problem { level: tender_core::Level::Error, file: None, path, message, fix: fix.to_owned() }
}

fn corners(expr: &Expr, m: &Measure, min: Decimal, max: Decimal, weight: Exact, path: &str) -> Option<Problem> {
    let lo = Exact::from_decimal(min);
    let hi = Exact::from_decimal(max);
    let mid = lo.checked_add(hi).and_then(|s| s.checked_div(Exact::from_int(2)?)).ok()?;
    let points = [lo, mid, hi];
    let higher = m.direction == Direction::HigherIsBetter;
    for &lowest in &points {
        for &highest in points.iter().filter(|h| **h >= lowest) {
            let inside: Vec<Exact> = points.iter().copied().filter(|x| *x >= lowest && *x <= highest).collect();
            for &value in &inside {
                for &mean in &inside {
                    let (best, worst) = if higher { (highest, lowest) } else { (lowest, highest) };
                    let field = Field { best, worst, lowest, highest, mean };
                    let env = |n: &str| variable(n, value, weight, &field, &m.rule);
                    let at = || {
                        format!(
                            "value = {}, best = {}, worst = {}, mean = {}",
                            value.approx(6).normalize(),
                            best.approx(6).normalize(),
                            worst.approx(6).normalize(),
                            mean.approx(6).normalize()
                        )
                    };
                    match eval(expr, &env) {
                        Ok(p) if p.is_negative() || p > weight => {
                            return Some(problem(
                                format!("{path}.rule.formula"),
                                format!(
                                    "the formula gives {} points at {}, outside 0 to {} (the criterion's weight)",
                                    p.approx(4).normalize(),
                                    at(),
                                    weight.approx(4).normalize()
                                ),
                                "limit the points, e.g. with clamp(…, 0, max), or narrow the acceptable range",
                            ));
                        }
                        Ok(_) | Err(Fault::Unknown(_)) => {}
                        Err(Fault::DivisionByZero) => {
                            return Some(problem(
                                format!("{path}.rule.formula"),
                                format!("the formula divides by zero at {}", at()),
                                "divide only by values that cannot be zero in the acceptable range",
                            ));
                        }
                        Err(Fault::Overflow) => {
                            return Some(problem(
                                format!("{path}.rule.formula"),
                                format!("the formula's numbers grow too large to compute exactly at {}", at()),
                                "simplify the formula",
                            ));
                        }
                    }
                }
            }
        }
    }
    None
}
