//! Rendering derivations: `40 × 100 000 / 130 000 = 30.77`.
//!
//! The evaluation stores derivations as data; this module turns them into one line of arithmetic
//! each, on demand. Numbers and the few words involved come from a [`Notation`], so the text crate
//! renders the same derivations in Danish (`40 × 100.000 / 130.000 = 30,77`) with its own
//! catalogue, and [`Plain`] renders them in English for the command line and JSON.
//!
//! An intermediate value that is not a short decimal (a mean of three marks, 23/3) is shown
//! rounded to [`SHOWN_PLACES`] decimals and marked `≈` (`≈7.6667`): a published figure is a
//! decimal, never a fraction; the exact value stays in the evaluation's JSON.

use rust_decimal::Decimal;
use tender_core::award::{AdjustMode, Aggregation};

use crate::exact::Exact;
use crate::result::{
    BidResult, CriterionResult, Marks, Measured, MeasuredRule, PriceBasisDetail, PriceFormula, PriceResult, ScoreBasis,
    TotalDerivation,
};

/// The words a derivation uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Term {
    /// "mean".
    Mean,
    /// "median".
    Median,
    /// "consensus".
    Consensus,
    /// "evaluators" (the marks behind a consensus score).
    Evaluators,
    /// "one-off".
    OneOff,
    /// "per year".
    PerYear,
    /// "months".
    Months,
    /// "in corridor".
    InCorridor,
    /// "outside corridor".
    OutsideCorridor,
}

/// How numbers and words are written.
pub trait Notation {
    /// A number, e.g. `1 234.56` or `1.234,56`.
    fn number(&self, value: Decimal) -> String;
    /// A word.
    fn term(&self, term: Term) -> String;
    /// A percentage, e.g. `60 %` or `60%`.
    fn percent(&self, value: Decimal) -> String {
        format!("{} %", self.number(value))
    }
    /// What separates the items of a list of numbers: `, ` in English; a language whose decimal
    /// mark is a comma uses `; ` so `7,5; 8` cannot be misread.
    fn list_separator(&self) -> &str {
        ", "
    }
}

/// English words, numbers grouped in thousands by spaces with a decimal point (`1 300 000`,
/// `30.77`), as in published evaluation reports; four-digit numbers are not grouped (`1234`).
#[derive(Clone, Copy, Debug, Default)]
pub struct Plain;

impl Notation for Plain {
    fn number(&self, value: Decimal) -> String {
        group(value, " ", ".", 5)
    }

    fn term(&self, term: Term) -> String {
        match term {
            Term::Mean => "mean",
            Term::Median => "median",
            Term::Consensus => "consensus",
            Term::Evaluators => "evaluators",
            Term::OneOff => "one-off",
            Term::PerYear => "per year",
            Term::Months => "months",
            Term::InCorridor => "in corridor",
            Term::OutsideCorridor => "outside corridor",
        }
        .to_owned()
    }
}

/// Formats a decimal with its own decimals, a thousands separator and a decimal mark; integer
/// parts of at least `group_from_digits` digits are grouped in threes (5: `1234`, `12 345`).
pub fn group(value: Decimal, thousands: &str, decimal_mark: &str, group_from_digits: usize) -> String {
    let text = value.to_string();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(text.len() + int.len() / 3 * thousands.len() + 1);
    out.push_str(sign);
    let len = int.len();
    for (i, ch) in int.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 && len >= group_from_digits {
            out.push_str(thousands);
        }
        out.push(ch);
    }
    if let Some(f) = frac {
        out.push_str(decimal_mark);
        out.push_str(f);
    }
    out
}

/// The least number of decimals an intermediate figure that the tender does not round is shown
/// with (a mean of three marks, a price ratio); the tender's own decimals plus two when more.
pub const SHOWN_PLACES: u32 = 4;

/// The decimals an unrounded intermediate figure is shown with under a tender's `decimals`:
/// `max(SHOWN_PLACES, decimals + 2)`.
pub fn shown_places(decimals: u32) -> u32 {
    SHOWN_PLACES.max(decimals.saturating_add(2))
}

/// Shows an exact value as a decimal: exactly when it is a decimal with at most
/// `max(SHOWN_PLACES, decimals + 2)` places (`7.5`), else rounded to that many places and marked
/// `≈` (`≈7.6667` for 23/3). A published figure is never a fraction; the exact value is in the
/// evaluation's JSON.
pub fn show(value: Exact, decimals: u32, n: &dyn Notation) -> String {
    let places = shown_places(decimals);
    if value.is_decimal_with(places) {
        return n.number(value.approx(places).normalize());
    }
    format!("≈{}", n.number(value.approx(places)))
}

fn dec(d: Decimal, n: &dyn Notation) -> String {
    n.number(d.normalize())
}

/// How a leaf's aggregated score was reached, e.g. `mean(7, 8, 8) = ≈7.6667`.
pub fn explain_marks(m: &Marks, decimals: u32, n: &dyn Notation) -> String {
    let list = m.marks.iter().map(|x| dec(x.score, n)).collect::<Vec<_>>().join(n.list_separator());
    match (m.consensus, m.aggregation) {
        (Some(c), _) => {
            if list.is_empty() {
                format!("{} {}", n.term(Term::Consensus), dec(c, n))
            } else {
                format!("{} {} ({}: {list})", n.term(Term::Consensus), dec(c, n), n.term(Term::Evaluators))
            }
        }
        (None, Aggregation::Median) => format!("{}({list}) = {}", n.term(Term::Median), show(m.score, decimals, n)),
        (None, _) => format!("{}({list}) = {}", n.term(Term::Mean), show(m.score, decimals, n)),
    }
}

/// `weight × expression = result`, or, when the policy rounded the ratio before weighting,
/// `weight × round(expression) = weight × ratio = result`.
fn weighted(
    w: &str,
    expression: &str,
    unrounded: Exact,
    ratio: Exact,
    result: &str,
    decimals: u32,
    n: &dyn Notation,
) -> String {
    if unrounded == ratio {
        format!("{w} × {expression} = {result}")
    } else {
        format!("{w} × round({expression}) = {w} × {} = {result}", show(ratio, decimals, n))
    }
}

/// A quality criterion's points, e.g. `35 × ≈7.6667 / 10 = 26.83`; with rounding at the ratio,
/// `35 × round(≈7.3333 / 10) = 35 × 0.73 = 25.55`.
pub fn explain_criterion(c: &CriterionResult, decimals: u32, n: &dyn Notation) -> String {
    let w = show(c.weight, decimals, n);
    let result = n.number(c.points.value);
    let hundred = Exact::from_int(100).unwrap_or(Exact::ONE);
    if let Some(best) = c.best {
        // Relative to the best compliant bid's score on the criterion.
        let expression = format!("{} / {}", show(c.score, decimals, n), show(best, decimals, n));
        let unrounded = if best.is_zero() { Exact::ZERO } else { c.score.checked_div(best).unwrap_or(c.ratio) };
        return weighted(&w, &expression, unrounded, c.ratio, &result, decimals, n);
    }
    match &c.basis {
        ScoreBasis::Marks(m) => {
            let expression = format!("{} / {}", show(m.score, decimals, n), dec(m.scale_max, n));
            let unrounded = m.score.checked_div(Exact::from_decimal(m.scale_max)).unwrap_or(c.ratio);
            weighted(&w, &expression, unrounded, c.ratio, &result, decimals, n)
        }
        ScoreBasis::SubCriteria { subs } => {
            let terms = subs
                .iter()
                .map(|s| {
                    format!(
                        "{} % × {} / {}",
                        dec(s.weight, n),
                        show(s.marks.score, decimals, n),
                        dec(s.marks.scale_max, n)
                    )
                })
                .collect::<Vec<_>>()
                .join(" + ");
            let unrounded = subs.iter().try_fold(Exact::ZERO, |acc, s| {
                Exact::from_decimal(s.weight).checked_mul(s.ratio)?.checked_div(hundred)?.checked_add(acc)
            });
            weighted(&w, &format!("({terms})"), unrounded.unwrap_or(c.ratio), c.ratio, &result, decimals, n)
        }
        ScoreBasis::Measured(m) => explain_measured(c, m, &w, &result, decimals, n),
        ScoreBasis::Sovereignty { .. } => {
            let unrounded = c.score.checked_div(hundred).unwrap_or(c.ratio);
            let percent = if c.score.is_decimal_with(10) {
                n.percent(c.score.approx(10).normalize())
            } else {
                format!("{} %", show(c.score, decimals, n))
            };
            weighted(&w, &percent, unrounded, c.ratio, &result, decimals, n)
        }
    }
}

/// A measured criterion's points from the stated value: `20 × 0.8 / 1.1 = …` (proportional),
/// `15 × (45 − 120) / (15 − 120) = …` (linear), `25 × 7 / 10 = …` (bands), or the tender's formula
/// with the numbers in place of its variables.
fn explain_measured(
    c: &CriterionResult,
    m: &Measured,
    w: &str,
    result: &str,
    decimals: u32,
    n: &dyn Notation,
) -> String {
    let v = dec(m.value, n);
    match &m.rule {
        MeasuredRule::Proportional { best, higher_is_better } => {
            let b = dec(*best, n);
            let mut expression = if *higher_is_better { format!("{v} / {b}") } else { format!("{b} / {v}") };
            let (x, y) = if *higher_is_better { (m.value, *best) } else { (*best, m.value) };
            let raw = Exact::from_decimal(x).checked_div(Exact::from_decimal(y)).unwrap_or(c.ratio);
            // A bid out of play can state a value better than the best in play: full points at most.
            if raw > Exact::ONE {
                expression = format!("min(1{}{expression})", n.list_separator());
            }
            weighted(w, &expression, raw.min(Exact::ONE), c.ratio, result, decimals, n)
        }
        MeasuredRule::Linear { full, zero } => {
            let (f, z) = (dec(*full, n), dec(*zero, n));
            let raw = Exact::from_decimal(m.value)
                .checked_sub(Exact::from_decimal(*zero))
                .and_then(|d| d.checked_div(Exact::from_decimal(*full).checked_sub(Exact::from_decimal(*zero))?));
            let line = if z.starts_with('-') { format!("({v} − ({z}))") } else { format!("({v} − {z})") };
            let span = if z.starts_with('-') { format!("({f} − ({z}))") } else { format!("({f} − {z})") };
            let mut expression = format!("{line} / {span}");
            let clamped = raw.map_or(c.ratio, |r| r.max(Exact::ZERO).min(Exact::ONE));
            if raw.is_ok_and(|r| r != clamped) {
                expression = format!("clamp({expression}{sep}0{sep}1)", sep = n.list_separator());
            }
            weighted(w, &expression, clamped, c.ratio, result, decimals, n)
        }
        MeasuredRule::Band { score, out_of, .. } => {
            let expression = format!("{} / {}", dec(*score, n), dec(*out_of, n));
            let unrounded = Exact::from_decimal(*score).checked_div(Exact::from_decimal(*out_of)).unwrap_or(c.ratio);
            weighted(w, &expression, unrounded, c.ratio, result, decimals, n)
        }
        MeasuredRule::Formula { formula, variables, result: raw } => {
            let Ok(expr) = tender_core::formula::parse(formula) else { return format!("{formula} = {result}") };
            let name = |k: &str| {
                variables.iter().find(|(x, _)| x == k).map_or_else(|| k.to_owned(), |(_, x)| show(*x, decimals, n))
            };
            let number = |d: Decimal| dec(d, n);
            let body = tender_core::formula::render_with(&expr, &name, &number, n.list_separator(), "×", "÷");
            if c.points.exact == *raw {
                format!("{body} = {result}")
            } else {
                format!("{body} = {} → {result}", show(*raw, decimals, n))
            }
        }
    }
}

/// Quality points relative to the best bid's total, e.g. `60 × 42 / 48 = 52.50`; `None` unless the
/// lot scores quality relative to the best total.
pub fn explain_quality_relative(b: &BidResult, decimals: u32, n: &dyn Notation) -> Option<String> {
    let r = *b.quality_relative.as_deref()?;
    let result = b.quality.map(|q| n.number(q.value)).unwrap_or_default();
    Some(format!(
        "{} × {} / {} = {result}",
        show(r.maximum, decimals, n),
        show(r.absolute, decimals, n),
        show(r.best, decimals, n)
    ))
}

/// The sovereignty score's objectives, one line each: `SOV-1: 700 / 1000 × 15 = 10.5`.
pub fn explain_sovereignty(c: &CriterionResult, decimals: u32, n: &dyn Notation) -> Vec<String> {
    let ScoreBasis::Sovereignty { objectives } = &c.basis else { return Vec::new() };
    objectives
        .iter()
        .map(|o| {
            format!(
                "{}: {} / {} × {} = {}",
                o.objective,
                dec(o.points, n),
                dec(o.out_of, n),
                dec(o.weight, n),
                show(o.contribution, decimals, n)
            )
        })
        .collect()
}

/// The evaluated price, e.g. `200 000 + 233 000 × 72 / 12 + 50 000 = 1 648 000`.
pub fn explain_price_basis(p: &PriceResult, decimals: u32, n: &dyn Notation) -> String {
    let options = |opts: &[(tender_core::Id, Decimal)]| -> String {
        opts.iter().map(|(id, v)| format!(" + {} ({id})", dec(*v, n))).collect()
    };
    let result = show(p.evaluated.exact, decimals, n);
    match &p.basis {
        PriceBasisDetail::Total { total, options: opts } => {
            if opts.is_empty() {
                dec(*total, n)
            } else {
                format!("{}{} = {result}", dec(*total, n), options(opts))
            }
        }
        PriceBasisDetail::LifeCycleCost { one_off, recurring_per_year, months, options: opts } => format!(
            "{} ({}) + {} ({}) × {months} / 12{} = {result}",
            dec(*one_off, n),
            n.term(Term::OneOff),
            dec(*recurring_per_year, n),
            n.term(Term::PerYear),
            options(opts)
        ),
        PriceBasisDetail::Components { parts } => {
            let sum: Vec<String> = parts.iter().map(|(id, v)| format!("{} ({id})", dec(*v, n))).collect();
            if parts.len() == 1 { sum.join("") } else { format!("{} = {result}", sum.join(" + ")) }
        }
        PriceBasisDetail::Basket { lines, options: opts } => {
            let sum: Vec<String> = lines
                .iter()
                .map(|l| {
                    let weight = l.weight.map(|w| format!(" × {}", n.percent(w))).unwrap_or_default();
                    format!("{} × {}{weight} ({})", dec(l.quantity, n), dec(l.unit_price, n), l.line)
                })
                .collect();
            format!("{}{} = {result}", sum.join(" + "), options(opts))
        }
    }
}

/// The price points, e.g. `30 × 1 000 000 / 1 300 000 = 23.08`; with rounding at the ratio,
/// `40 × round(4 400 000 / 5 100 000) = 40 × 0.86 = 34.40`.
pub fn explain_price_points(p: &PriceResult, decimals: u32, n: &dyn Notation) -> Option<String> {
    let formula = p.formula.as_ref()?;
    let points = p.points.map(|f| n.number(f.value)).unwrap_or_default();
    let price = show(p.evaluated.exact, decimals, n);
    let floor = |floored: bool, body: String| if floored { format!("max(0, {body})") } else { body };
    let ratio = p.ratio.unwrap_or(Exact::ZERO);
    let unrounded = p.unrounded_ratio.unwrap_or(ratio);
    if let PriceFormula::Formula { max, formula, variables, result } = formula {
        // The tender's formula with the numbers in place of its variables: it gives the points.
        let body = match tender_core::formula::parse(formula) {
            Ok(expr) => {
                let name = |k: &str| {
                    variables.iter().find(|(x, _)| x == k).map_or_else(|| k.to_owned(), |(_, x)| show(*x, decimals, n))
                };
                let number = |d: Decimal| dec(d, n);
                tender_core::formula::render_with(&expr, &name, &number, n.list_separator(), "×", "÷")
            }
            Err(_) => formula.clone(),
        };
        let w = show(*max, decimals, n);
        let raw = show(*result, decimals, n);
        if p.grade.is_none() && unrounded == ratio {
            let exact = p.points.is_some_and(|f| f.exact == *result);
            return Some(if exact { format!("{body} = {points}") } else { format!("{body} = {raw} → {points}") });
        }
        let expression = format!("{raw} / {w}");
        if let Some(g) = p.grade {
            let s = dec(g.scale_max, n);
            return Some(format!(
                "{body} = {raw}; {w} × round({s} × {expression}) / {s} = {w} × {} / {s} = {points}",
                show(g.grade, decimals, n)
            ));
        }
        return Some(format!("{body} = {raw}; {}", weighted(&w, &expression, unrounded, ratio, &points, decimals, n)));
    }
    let (max, expression) = match formula {
        PriceFormula::Formula { .. } => return None,
        PriceFormula::Proportional { max, lowest } => (*max, format!("{} / {price}", show(*lowest, decimals, n))),
        PriceFormula::LinearSlope { max, lowest, slope, floored } => {
            let l = show(*lowest, decimals, n);
            (*max, floor(*floored, format!("(1 − ({price} − {l}) / ({} × {l}))", n.percent(slope.normalize()))))
        }
        PriceFormula::LinearFromLowest { max, lowest, floored } => {
            (*max, floor(*floored, format!("(2 − {price} / {})", show(*lowest, decimals, n))))
        }
        PriceFormula::MinMax { max, lowest, highest } => {
            if lowest == highest {
                (*max, "1".to_owned())
            } else {
                let (l, h) = (show(*lowest, decimals, n), show(*highest, decimals, n));
                (*max, format!("({h} − {price}) / ({h} − {l})"))
            }
        }
        PriceFormula::FixedSpan { max, low, high, clamped } => {
            let (l, h) = (dec(*low, n), dec(*high, n));
            let body = format!("({h} − {price}) / ({h} − {l})");
            (*max, if *clamped { format!("clamp({body}, 0, 1)") } else { body })
        }
        PriceFormula::Logarithmic { max, lowest, zero_at, floored } => {
            let base = Decimal::ONE + *zero_at / Decimal::ONE_HUNDRED;
            let body = format!("(1 − ln({price} / {}) / ln({}))", show(*lowest, decimals, n), dec(base, n));
            (*max, floor(*floored, body))
        }
    };
    let ratio = p.ratio.unwrap_or(Exact::ZERO);
    let unrounded = p.unrounded_ratio.unwrap_or(ratio);
    let w = show(max, decimals, n);
    if let Some(g) = p.grade {
        // The price graded on the lot's scale and rounded there before weighting.
        let s = dec(g.scale_max, n);
        let graded = format!("round({s} × {expression}) / {s}");
        let share = g.grade.checked_div(Exact::from_decimal(g.scale_max)).unwrap_or(ratio);
        let shown = format!("{} / {s}", show(g.grade, decimals, n));
        return Some(if share == ratio {
            format!("{w} × {graded} = {w} × {shown} = {points}")
        } else {
            format!("{w} × round({graded}) = {w} × round({shown}) = {w} × {} = {points}", show(ratio, decimals, n))
        });
    }
    Some(weighted(&w, &expression, unrounded, ratio, &points, decimals, n))
}

/// Under the percent-adjustment model, each quality criterion's part of the adjustment in money,
/// one line each: `Q1: 250` (deducted, or added under a markup). Empty under other models.
pub fn explain_adjustments(b: &BidResult, decimals: u32, n: &dyn Notation) -> Vec<String> {
    match b.total_derivation.as_deref() {
        Some(TotalDerivation::PercentAdjustment { mode, per_criterion, .. }) => {
            let sign = match mode {
                AdjustMode::Deduction => "−",
                AdjustMode::Markup => "+",
            };
            per_criterion.iter().map(|(id, amount)| format!("{id}: {sign} {}", show(*amount, decimals, n))).collect()
        }
        _ => Vec::new(),
    }
}

/// The total points relative to the best total, e.g. `100 × 78 / 86 = 90.70`; `None` unless the
/// lot makes totals relative to the best (`relative_total`).
pub fn explain_total_relative(b: &BidResult, decimals: u32, n: &dyn Notation) -> Option<String> {
    let r = *b.total_relative.as_deref()?;
    let result = b.total.map(|t| n.number(t.value)).unwrap_or_default();
    Some(format!(
        "{} × {} / {} = {result}",
        show(r.maximum, decimals, n),
        show(r.absolute, decimals, n),
        show(r.best, decimals, n)
    ))
}

/// The comparison figure, e.g. `23.08 + 26.83 + 15 = 64.91`. Under `relative_total` the sum is
/// the bid's own total before it is made relative ([`explain_total_relative`]).
pub fn explain_total(b: &BidResult, decimals: u32, n: &dyn Notation) -> Option<String> {
    let total = b.total?;
    let result = match b.total_relative.as_deref() {
        Some(r) => show(r.absolute, decimals, n),
        None => n.number(total.value),
    };
    Some(match b.total_derivation.as_deref()? {
        TotalDerivation::Sum { price, quality } => {
            let mut terms: Vec<String> = Vec::new();
            if let Some(p) = price {
                terms.push(show(*p, decimals, n));
            }
            terms.extend(quality.iter().map(|(_, q)| show(*q, decimals, n)));
            match terms.as_slice() {
                // The bid's own total, before it is made relative: nothing to add up.
                [only] if b.total_relative.is_some() => only.clone(),
                _ => format!("{} = {result}", terms.join(" + ")),
            }
        }
        TotalDerivation::PricePerQualityPoint { price, quality, in_corridor, .. } => {
            let corridor = match in_corridor {
                Some(true) => format!(" ({})", n.term(Term::InCorridor)),
                Some(false) => format!(" ({})", n.term(Term::OutsideCorridor)),
                None => String::new(),
            };
            format!("{} / {} = {result}{corridor}", show(*price, decimals, n), show(*quality, decimals, n))
        }
        TotalDerivation::ValueAdded { mode, price, adjustments } => {
            let sign = match mode {
                AdjustMode::Deduction => "−",
                AdjustMode::Markup => "+",
            };
            let terms: String = adjustments
                .iter()
                .map(|a| {
                    let share = match mode {
                        AdjustMode::Deduction => show(a.ratio, decimals, n),
                        AdjustMode::Markup => format!("(1 − {})", show(a.ratio, decimals, n)),
                    };
                    format!(" {sign} {} × {share}", dec(a.value, n))
                })
                .collect();
            format!("{}{terms} = {result}", show(*price, decimals, n))
        }
        TotalDerivation::PercentAdjustment { mode, price, quality_share, max_percent, .. } => {
            let q = show(*quality_share, decimals, n);
            let m = n.percent(max_percent.normalize());
            match mode {
                AdjustMode::Deduction => format!("{} × (1 − {q} × {m}) = {result}", show(*price, decimals, n)),
                AdjustMode::Markup => format!("{} × (1 + (1 − {q}) × {m}) = {result}", show(*price, decimals, n)),
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping() {
        assert_eq!(group(Decimal::new(130_000_000, 2), " ", ".", 5), "1 300 000.00");
        assert_eq!(group(Decimal::new(-123_456_789, 2), ".", ",", 5), "-1.234.567,89");
        assert_eq!(group(Decimal::from(1234), " ", ".", 5), "1234");
        assert_eq!(group(Decimal::from(1234), ".", ",", 4), "1.234");
        assert_eq!(group(Decimal::from(12345), " ", ".", 5), "12 345");
    }

    #[test]
    fn fractions_are_shown_rounded() {
        let third = Exact::new(23, 3).expect("fits");
        assert_eq!(show(third, 2, &Plain), "≈7.6667");
        assert_eq!(show(third, 4, &Plain), "≈7.666667");
        assert_eq!(show(Exact::new(800, 23).expect("fits"), 2, &Plain), "≈34.7826");
        assert_eq!(show(Exact::new(15, 2).expect("fits"), 2, &Plain), "7.5");
        assert_eq!(show(Exact::new(13, 16).expect("fits"), 2, &Plain), "0.8125");
    }
}
