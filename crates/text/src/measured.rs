//! Measured criteria in the requirement specification: the unit, the direction, the rule with
//! its numbers (a band table, a line, the best value, the tender's own formula as written), the
//! acceptable range and what happens outside it, and a worked example of a formula computed from
//! it.

use rust_decimal::Decimal;
use tender_core::award::{AwardModel, Criterion};
use tender_core::measure::{Beyond, Direction, Measure, MeasureRule};
use tender_score::Exact;
use tender_score::explain::Notation as _;
use tender_score::measured::Field;

use crate::catalogue::Catalogue;
use crate::error::TextError;
use crate::markdown::{Doc, id, inline};

/// How a formula's variable is named in the text's language.
fn variable(cat: &Catalogue, name: &str) -> String {
    let key = match name {
        "value" => "formula-var-value",
        "best" => "formula-var-best",
        "worst" => "formula-var-worst",
        "lowest" => "formula-var-lowest",
        "highest" => "formula-var-highest",
        "mean" => "formula-var-mean",
        "max" => "formula-var-max",
        "price" => "formula-var-price",
        other => return other.to_owned(),
    };
    cat.text(key, &[]).unwrap_or_else(|_| name.to_owned())
}

/// What separates a function's arguments: `; ` where the decimal mark is a comma.
/// A formula's legend: each name it uses once, in the order written; a constant with its value,
/// a variable as `describe` says.
fn legend(
    cat: &Catalogue,
    expr: &tender_core::formula::Expr,
    constants: &std::collections::BTreeMap<String, tender_core::num::Measurement>,
    describe: impl Fn(&str) -> Result<String, TextError>,
) -> Result<Vec<String>, TextError> {
    let mut legend = Vec::new();
    let mut seen = Vec::new();
    for (name, _) in tender_core::formula::names(expr) {
        if seen.contains(&name) {
            continue;
        }
        seen.push(name);
        legend.push(match constants.get(name) {
            Some(v) => t!(cat, "legend-measured-constant", "name" => name, "value" => cat.number(v.get().normalize()))?,
            None => describe(name)?,
        });
    }
    Ok(legend)
}

fn separator(cat: &Catalogue) -> &'static str {
    if cat.number(Decimal::new(15, 1)).contains(',') { "; " } else { ", " }
}

/// The tender's formula as published: normalised spacing, × and ÷, names in the text's language.
pub(crate) fn written(cat: &Catalogue, formula: &str) -> Option<String> {
    let expr = tender_core::formula::parse(formula).ok()?;
    let name = |n: &str| variable(cat, n);
    let number = |d: Decimal| cat.number(d.normalize());
    Some(tender_core::formula::render_with(&expr, &name, &number, separator(cat), "×", "÷"))
}

/// The criterion's line in the evaluation model's formulas.
pub(crate) fn formula_line(
    cat: &Catalogue,
    award: &AwardModel,
    c: &Criterion,
    m: &Measure,
    name: &str,
    weight: &str,
) -> Result<String, TextError> {
    let n = |d: Decimal| cat.number(d.normalize());
    match &m.rule {
        MeasureRule::Proportional => t!(cat, match m.direction {
            Direction::HigherIsBetter => "formula-measured-proportional-higher",
            Direction::LowerIsBetter => "formula-measured-proportional-lower",
        }, "id" => name, "weight" => weight),
        MeasureRule::Linear { full, zero, .. } => {
            t!(cat, "formula-measured-linear", "id" => name, "weight" => weight, "full" => n(full.get()), "zero" => n(zero.get()))
        }
        MeasureRule::Bands { .. } => {
            t!(cat, "formula-measured-bands", "id" => name, "weight" => weight, "max" => n(award.scale_of(c).max.get()))
        }
        MeasureRule::Formula { formula, .. } => {
            let text = written(cat, formula).unwrap_or_else(|| formula.clone());
            t!(cat, "formula-measured-custom", "id" => name, "formula" => text)
        }
    }
}

/// The paragraphs that describe a measured criterion in the evaluation model.
pub(crate) fn describe(
    cat: &Catalogue,
    award: &AwardModel,
    c: &Criterion,
    m: &Measure,
    doc: &mut Doc,
) -> Result<(), TextError> {
    let lang = cat.lang();
    let n = |d: Decimal| cat.number(d.normalize());
    let weight = crate::spec::carried_weight(cat, award, c);
    let higher = m.direction == Direction::HigherIsBetter;
    doc.para(&t!(cat, "model-measured", "criterion" => id(&c.id), "unit" => inline(m.unit.get(lang)),
        "direction" => if higher { "higher" } else { "lower" })?);
    match &m.rule {
        MeasureRule::Proportional => {
            doc.para(&t!(cat, "model-measured-proportional", "weight" => weight.clone(),
                "direction" => if higher { "higher" } else { "lower" })?);
        }
        MeasureRule::Linear { full, zero, beyond } => {
            doc.para(&t!(cat, "model-measured-linear", "weight" => weight.clone(), "full" => n(full.get()), "zero" => n(zero.get()))?);
            doc.para(&t!(cat, match beyond {
                Beyond::Zero => "model-measured-beyond-zero",
                Beyond::Reject => "model-measured-beyond-reject",
            }, "zero" => n(zero.get()))?);
        }
        MeasureRule::Bands { bands, below } => {
            let max = award.scale_of(c).max.get();
            doc.para(&t!(cat, "model-measured-bands", "max" => n(max))?);
            let header = vec![
                t!(cat, "th-measured-from", "direction" => if higher { "higher" } else { "lower" }, "unit" => inline(m.unit.get(lang)))?,
                cat.text("th-score", &[])?,
                cat.text("th-points", &[])?,
            ];
            let mut rows = Vec::new();
            for b in bands {
                let points = c
                    .weight
                    .and_then(|_| tender_score::weights::effective(award, c).ok())
                    .and_then(|w| w.checked_mul(Exact::from_decimal(b.score.get())).ok())
                    .and_then(|x| x.checked_div(Exact::from_decimal(max)).ok())
                    .and_then(|p| {
                        p.round(award.rounding.decimals.max(2), tender_core::award::RoundingStrategy::HalfEven).ok()
                    })
                    .map_or_else(|| "–".to_owned(), n);
                rows.push(vec![n(b.from.get()), n(b.score.get()), points]);
            }
            doc.table(&header, &rows);
            let last = bands.last().map_or_else(String::new, |b| n(b.from.get()));
            doc.para(&t!(cat, match below {
                Beyond::Zero => "model-measured-below-zero",
                Beyond::Reject => "model-measured-below-reject",
            }, "limit" => last, "direction" => if higher { "higher" } else { "lower" })?);
        }
        MeasureRule::Formula { formula, constants } => {
            let text = written(cat, formula).unwrap_or_else(|| formula.clone());
            doc.para(&cat.text("model-measured-formula", &[])?);
            doc.code_block(&[text]);
            if let Ok(expr) = tender_core::formula::parse(formula) {
                doc.bullets(&legend(cat, &expr, constants, |name| {
                    t!(cat, "legend-measured-variable", "name" => variable(cat, name), "key" => name, "weight" => weight.clone())
                })?);
            } else {
                doc.bullets(&[]);
            }
            example(cat, award, c, m, formula, doc)?;
        }
    }
    match (m.min, m.max) {
        (Some(lo), Some(hi)) => doc.para(&t!(cat, "model-measured-range", "min" => n(lo.get()), "max" => n(hi.get()))?),
        (Some(lo), None) => doc.para(&t!(cat, "model-measured-min", "min" => n(lo.get()))?),
        (None, Some(hi)) => doc.para(&t!(cat, "model-measured-max", "max" => n(hi.get()))?),
        (None, None) => {}
    }
    doc.para(&cat.text("model-measured-missing", &[])?);
    Ok(())
}

/// A worked example of a formula: values a quarter and a tenth of the range from its best end,
/// computed exactly from the formula as written.
fn example(
    cat: &Catalogue,
    award: &AwardModel,
    c: &Criterion,
    m: &Measure,
    formula: &str,
    doc: &mut Doc,
) -> Result<(), TextError> {
    let (Some(lo), Some(hi)) = (m.min, m.max) else { return Ok(()) };
    let Ok(expr) = tender_core::formula::parse(formula) else { return Ok(()) };
    let (lo, hi) = (lo.get(), hi.get());
    let higher = m.direction == Direction::HigherIsBetter;
    let at = |percent: i64| -> Option<Decimal> {
        let span = hi.checked_sub(lo)?;
        let step = span.checked_mul(Decimal::new(percent, 2))?;
        let x = if higher { hi.checked_sub(step)? } else { lo.checked_add(step)? };
        Some(x.round_dp(2).normalize())
    };
    let (Some(best), Some(value), Some(worst)) = (at(10), at(25), at(50)) else { return Ok(()) };
    let Ok(Some(mut field)) = Field::of(m, &[best, value, worst]) else { return Ok(()) };
    field.mean = Exact::from_decimal(value);
    let weight = if c.weight.is_some() {
        tender_score::weights::effective(award, c).unwrap_or(Exact::ZERO)
    } else {
        Exact::ZERO
    };
    let constant = |k: &str| match &m.rule {
        MeasureRule::Formula { constants, .. } => constants.get(k).map(|v| Exact::from_decimal(v.get())),
        _ => None,
    };
    let env = |k: &str| -> Option<Exact> {
        Some(match k {
            "value" => Exact::from_decimal(value),
            "best" => field.best,
            "worst" => field.worst,
            "lowest" => field.lowest,
            "highest" => field.highest,
            "mean" => field.mean,
            "max" => weight,
            other => constant(other)?,
        })
    };
    let Ok(result) = tender_score::measured::eval(&expr, &env) else { return Ok(()) };
    let notation = cat.notation()?;
    let decimals = award.rounding.decimals;
    let shown = |x: Exact| tender_score::explain::show(x, decimals, &notation);
    let name = |k: &str| env(k).map_or_else(|| k.to_owned(), &shown);
    let number = |d: Decimal| notation.number(d.normalize());
    let body = tender_core::formula::render_with(&expr, &name, &number, separator(cat), "×", "÷");
    doc.para(&t!(cat, "model-measured-formula-example",
        "value" => notation.number(value), "best" => notation.number(best), "worst" => notation.number(worst),
        "computation" => format!("`{body} = {}`", shown(result)))?);
    Ok(())
}

/// A price formula in the evaluation model: the formula as written, what each name stands for,
/// and a worked example computed from it by the evaluation's own evaluator: three bids at the
/// lot's estimated value (the tender's, or 1 000 000 where neither gives one), 125 % and 150 % of
/// it, and the points of the bid at 125 %.
pub(crate) fn price_formula(
    cat: &Catalogue,
    tender: &tender_core::Tender,
    lot: &tender_core::Lot,
    c: &Criterion,
    formula: &str,
    constants: &std::collections::BTreeMap<String, tender_core::num::Measurement>,
    doc: &mut Doc,
) -> Result<(), TextError> {
    // The maximum as scoring takes it: the criterion's weight, normalised where the weighting says.
    let max = tender_score::weights::effective(&lot.award, c).unwrap_or(Exact::ZERO);
    let notation = cat.notation()?;
    let decimals = lot.award.rounding.decimals;
    let shown = |x: Exact| tender_score::explain::show(x, decimals, &notation);
    let text = written(cat, formula).unwrap_or_else(|| formula.to_owned());
    doc.para(&t!(cat, "model-price-formula-written", "max" => shown(max))?);
    doc.code_block(&[text]);
    let Ok(expr) = tender_core::formula::parse(formula) else { return Ok(()) };
    doc.bullets(&legend(
        cat,
        &expr,
        constants,
        |name| t!(cat, "legend-price-variable", "name" => variable(cat, name), "key" => name, "max" => shown(max)),
    )?);
    // The worked example.
    let base = lot.estimated_value.or(tender.estimated_value).map_or(Decimal::from(1_000_000), |v| v.get());
    let at = |percent: i64| base.checked_mul(Decimal::new(percent, 2)).map(|x| x.round_dp(2));
    let (Some(lowest), Some(price), Some(highest)) = (at(100), at(125), at(150)) else { return Ok(()) };
    let prices = [lowest, price, highest].map(Exact::from_decimal);
    let Ok(Some(reference)) = tender_score::price::Reference::of(&prices) else { return Ok(()) };
    let Ok((result, variables)) =
        tender_score::price::formula_points(formula, constants, max, Exact::from_decimal(price), reference)
    else {
        return Ok(());
    };
    let name = |k: &str| variables.iter().find(|(v, _)| v == k).map_or_else(|| k.to_owned(), |(_, x)| shown(*x));
    let number = |d: Decimal| notation.number(d.normalize());
    let body = tender_core::formula::render_with(&expr, &name, &number, separator(cat), "×", "÷");
    let money = |d: Decimal| cat.money(d, &tender.currency);
    doc.para(&t!(cat, "model-price-formula-example",
        "lowest" => money(lowest)?, "price" => money(price)?, "highest" => money(highest)?,
        "computation" => format!("`{body} = {}`", shown(result)))?);
    Ok(())
}
