//! Prices: the evaluated price of a bid (total or life-cycle cost), and price points by the
//! tender's price model.
//!
//! | Model | Share of the maximum points `r` (points = `M × r`) | Depends on other bids |
//! |---|---|---|
//! | proportional | `Pmin / P` | yes |
//! | linear-slope | `max(0, 1 − (P − Pmin) / (slope × Pmin))` | yes |
//! | linear-from-lowest | `2 − P / Pmin`, optionally floored at 0 | yes |
//! | min-max | `(Pmax − P) / (Pmax − Pmin)`; 1 when all prices are equal | yes |
//! | fixed-span | `clamp((high − P) / (high − low), 0, 1)` | no |
//! | logarithmic | `max(0, 1 − ln(P / Pmin) / ln(1 + zero_at))` | yes |
//! | formula | the tender's formula over `price`, `lowest`, `highest`, `mean`, `max` and its constants, divided by `M` | when it uses `lowest`, `highest` or `mean` |
//!
//! A formula is evaluated exactly by the evaluator of the measured criteria
//! ([`crate::measured::eval`]); points outside `0..M` are refused, not clamped, as a measured
//! criterion's formula's are, and `tender check` computes the formula over a grid of prices
//! before any bid arrives ([`crate::measured::check_formulas`]).
//!
//! The other models (price per quality point, value added, percent adjustment) do not give price
//! points; see [`crate::evaluate`].

use rust_decimal::Decimal;
use rust_decimal::MathematicalOps;
use tender_core::award::{PriceBasisKind, PriceModel};
use tender_core::{Bid, Tender};

use crate::exact::{Exact, Overflow};
use crate::result::{BasketLineDetail, PriceBasisDetail, PriceFormula};

/// How a price model compares bids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Compares {
    /// Price points `M × r` are added to the quality points; the highest total wins.
    PointsAdded,
    /// One figure made of price and quality; the lowest wins.
    LowestFigure,
}

/// One price model as `tender models` lists it: its key, parameters and formula (the notation of
/// this module: `P` the bid's price, `Pmin`/`Pmax` the lowest/highest price among the bids in play,
/// `M` the price criterion's weight, `Q` the quality points, `Qmax` their maximum).
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct ModelInfo {
    /// The `kind` in files.
    pub key: &'static str,
    /// Its parameters, as written in files.
    pub parameters: &'static [&'static str],
    /// The formula.
    pub formula: &'static str,
    /// How it compares bids.
    pub compares: Compares,
    /// Whether a bid's result depends on the other bids (`"with a corridor"` for the extended
    /// price-per-quality-point method).
    pub depends_on_other_bids: &'static str,
}

/// Every price model, in the order of the guide. A test checks each [`PriceModel`] is here with the
/// right dependence on the other bids.
pub const MODELS: [ModelInfo; 10] = [
    ModelInfo {
        key: "proportional",
        parameters: &[],
        formula: "M × Pmin / P",
        compares: Compares::PointsAdded,
        depends_on_other_bids: "yes",
    },
    ModelInfo {
        key: "linear-slope",
        parameters: &["slope"],
        formula: "M × max(0, 1 − (P − Pmin) / (slope % × Pmin))",
        compares: Compares::PointsAdded,
        depends_on_other_bids: "yes",
    },
    ModelInfo {
        key: "linear-from-lowest",
        parameters: &["floor_at_zero"],
        formula: "M × (2 − P / Pmin), floored at 0 if asked",
        compares: Compares::PointsAdded,
        depends_on_other_bids: "yes",
    },
    ModelInfo {
        key: "min-max",
        parameters: &[],
        formula: "M × (Pmax − P) / (Pmax − Pmin); M when every price is equal",
        compares: Compares::PointsAdded,
        depends_on_other_bids: "yes",
    },
    ModelInfo {
        key: "fixed-span",
        parameters: &["low", "high"],
        formula: "M × clamp((high − P) / (high − low), 0, 1)",
        compares: Compares::PointsAdded,
        depends_on_other_bids: "no",
    },
    ModelInfo {
        key: "logarithmic",
        parameters: &["zero_at"],
        formula: "M × max(0, 1 − ln(P / Pmin) / ln(1 + zero_at %))",
        compares: Compares::PointsAdded,
        depends_on_other_bids: "yes",
    },
    ModelInfo {
        key: "price-per-quality-point",
        parameters: &["corridor", "decision"],
        formula: "P / Q; with a corridor, bids within corridor % of the best Q / P first, ordered by decision",
        compares: Compares::LowestFigure,
        depends_on_other_bids: "with a corridor",
    },
    ModelInfo {
        key: "value-added",
        parameters: &["mode"],
        formula: "deduction: P − Σ value × score / max; markup: P + Σ value × (1 − score / max)",
        compares: Compares::LowestFigure,
        depends_on_other_bids: "no",
    },
    ModelInfo {
        key: "percent-adjustment",
        parameters: &["mode", "max_percent"],
        formula: "deduction: P × (1 − Q / Qmax × max_percent %); markup: P × (1 + (1 − Q / Qmax) × max_percent %)",
        compares: Compares::LowestFigure,
        depends_on_other_bids: "no",
    },
    ModelInfo {
        key: "formula",
        parameters: &["formula", "constants"],
        formula: "the tender's formula over price, lowest, highest, mean, max (= M) and its constants, e.g. max × lowest / price; points outside 0..M are refused",
        compares: Compares::PointsAdded,
        depends_on_other_bids: "when it uses lowest, highest or mean",
    },
];

/// One rule of the award model besides the price model, as `tender models` lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
pub struct RuleInfo {
    /// Where it is written in the tender file.
    pub setting: &'static str,
    /// The formula or effect.
    pub formula: &'static str,
}

/// The price bases, the quality scoring rules and the rounding steps.
pub const RULES: [RuleInfo; 13] = [
    RuleInfo { setting: "price_basis.kind = \"total\"", formula: "P = total (+ option prices)" },
    RuleInfo {
        setting: "price_basis.kind = \"life-cycle-cost\"",
        formula: "P = one_off + recurring_per_year × months / 12 (+ option prices)",
    },
    RuleInfo {
        setting: "price_basis.kind = \"basket\"",
        formula: "P = Σ quantity × unit price (× line weight %) (+ option prices)",
    },
    RuleInfo { setting: "quality (absolute, the default)", formula: "points = weight × score / scale max" },
    RuleInfo {
        setting: "quality.relative = \"per-criterion\"",
        formula: "points = weight × score / best score among compliant bids",
    },
    RuleInfo {
        setting: "quality.relative = \"quality-total\"", formula: "Q = Qmax × Q / best Q among compliant bids"
    },
    RuleInfo { setting: "relative_total = true", formula: "total = max × total / best total among ranked bids" },
    RuleInfo {
        setting: "criterion weight 0 with minimum_score",
        formula: "a threshold only: below the minimum the bid is out; no points",
    },
    RuleInfo {
        setting: "measure.rule = { kind = \"proportional\" }",
        formula: "points = weight × v / best (higher is better) or weight × best / v (lower is better)",
    },
    RuleInfo {
        setting: "measure.rule = { kind = \"linear\", full, zero, beyond }",
        formula: "points = weight × clamp((v − zero) / (full − zero), 0, 1); beyond zero: 0 or rejected",
    },
    RuleInfo {
        setting: "measure.rule = { kind = \"bands\", bands, below }",
        formula: "points = weight × band score / scale max; short of the last band: 0 or rejected",
    },
    RuleInfo {
        setting: "measure.rule = { kind = \"formula\", formula, constants }",
        formula: "points = the formula over value, best, worst, lowest, highest, mean, max and constants",
    },
    RuleInfo {
        setting: "rounding.at, rounding.steps",
        formula: "round at: aggregate, grade, ratio, criterion, price-points, quality, total",
    },
];

/// Why a price could not be evaluated, in domain terms.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PriceError {
    /// The bid states no total price.
    NoPrice,
    /// Life-cycle cost needs a price schedule.
    NoSchedule,
    /// An evaluated option has no price.
    OptionNotPriced(tender_core::Id),
    /// A line of the price basket has no unit price.
    UnitPriceMissing(tender_core::Id),
    /// A price component a price criterion scores has no price.
    ComponentNotPriced(tender_core::Id),
    /// Zero or a negative price where the model divides by it.
    NotPositive(Exact),
    /// The logarithm could not be computed.
    Logarithm,
    /// The tender's price formula cannot be computed for this price: a division by zero, or
    /// points outside `0..M` (the tender author's error), in English.
    Formula(String),
    /// Arithmetic overflow.
    Overflow,
}

impl From<Overflow> for PriceError {
    fn from(_: Overflow) -> Self {
        Self::Overflow
    }
}

/// The price a bid is evaluated on, and how it was made.
///
/// # Errors
/// [`PriceError::NoSchedule`] for life-cycle cost without a schedule,
/// [`PriceError::OptionNotPriced`] for an evaluated option without a price,
/// [`PriceError::UnitPriceMissing`] for a basket line without a unit price, or an overflow.
pub fn evaluated_price(
    tender: &Tender,
    lot: &tender_core::Lot,
    bid: &Bid,
) -> Result<(Exact, PriceBasisDetail), PriceError> {
    let basis = lot.award.price_basis;
    let mut options = Vec::new();
    let mut option_sum = Exact::ZERO;
    let mut extension_months: u32 = 0;
    if basis.include_options {
        for o in &tender.contract.options {
            let price = bid
                .price
                .options
                .iter()
                .find(|p| p.option == o.id)
                .ok_or_else(|| PriceError::OptionNotPriced(o.id.clone()))?;
            option_sum = option_sum.checked_add(Exact::from_decimal(price.price.get()))?;
            options.push((o.id.clone(), price.price.get()));
            extension_months = extension_months.checked_add(o.extension_months.unwrap_or(0)).ok_or(Overflow)?;
        }
    }
    match basis.kind {
        PriceBasisKind::Total => {
            let total = bid.price.total.ok_or(PriceError::NoPrice)?.get();
            let price = Exact::from_decimal(total).checked_add(option_sum)?;
            Ok((price, PriceBasisDetail::Total { total, options }))
        }
        PriceBasisKind::LifeCycleCost => {
            let s = bid.price.schedule.as_ref().ok_or(PriceError::NoSchedule)?;
            let months = tender.contract.duration_months.checked_add(extension_months).ok_or(Overflow)?;
            let recurring = Exact::from_decimal(s.recurring_per_year.get())
                .checked_mul(Exact::from_int(i128::from(months))?)?
                .checked_div(Exact::from_int(12)?)?;
            let price = Exact::from_decimal(s.one_off.get()).checked_add(recurring)?.checked_add(option_sum)?;
            Ok((
                price,
                PriceBasisDetail::LifeCycleCost {
                    one_off: s.one_off.get(),
                    recurring_per_year: s.recurring_per_year.get(),
                    months,
                    options,
                },
            ))
        }
        PriceBasisKind::Basket => {
            let hundred = Exact::from_int(100)?;
            let mut lines = Vec::with_capacity(lot.award.basket.len());
            let mut price = Exact::ZERO;
            for line in &lot.award.basket {
                let unit_price = bid
                    .price
                    .unit_prices
                    .iter()
                    .find(|u| u.line == line.id)
                    .ok_or_else(|| PriceError::UnitPriceMissing(line.id.clone()))?
                    .price
                    .get();
                let mut amount =
                    Exact::from_decimal(line.quantity.get()).checked_mul(Exact::from_decimal(unit_price))?;
                if let Some(w) = line.weight {
                    amount = amount.checked_mul(Exact::from_decimal(w.get()))?.checked_div(hundred)?;
                }
                price = price.checked_add(amount)?;
                lines.push(BasketLineDetail {
                    line: line.id.clone(),
                    quantity: line.quantity.get(),
                    unit_price,
                    weight: line.weight.map(|w| w.get()),
                    amount,
                });
            }
            Ok((price.checked_add(option_sum)?, PriceBasisDetail::Basket { lines, options }))
        }
    }
}

/// A bid's evaluated price, and, where the lot's price criteria score price components, each
/// price criterion's own evaluated price (the sum of its components), in the order of the
/// criteria. The evaluated price of a lot with components is the sum of every component priced
/// once.
///
/// # Errors
/// As [`evaluated_price`], and [`PriceError::ComponentNotPriced`] for a component a criterion
/// scores that the bid does not price.
pub fn bid_price(tender: &Tender, lot: &tender_core::Lot, bid: &Bid) -> Result<BidPrice, PriceError> {
    let award = &lot.award;
    if !award.has_components() {
        let (price, basis) = evaluated_price(tender, lot, bid)?;
        return Ok(BidPrice { price, basis, criteria: Vec::new() });
    }
    let of = |id: &tender_core::Id| -> Result<rust_decimal::Decimal, PriceError> {
        bid.price
            .components
            .iter()
            .find(|c| &c.component == id)
            .map(|c| c.price.get())
            .ok_or_else(|| PriceError::ComponentNotPriced(id.clone()))
    };
    let mut criteria = Vec::new();
    for c in award.price_criteria() {
        let mut sum = Exact::ZERO;
        let mut parts = Vec::with_capacity(c.components.len());
        for id in &c.components {
            let v = of(id)?;
            sum = sum.checked_add(Exact::from_decimal(v))?;
            parts.push((id.clone(), v));
        }
        criteria.push((sum, PriceBasisDetail::Components { parts }));
    }
    let mut total = Exact::ZERO;
    let mut parts = Vec::new();
    for pc in &award.price_components {
        if let Ok(v) = of(&pc.id) {
            total = total.checked_add(Exact::from_decimal(v))?;
            parts.push((pc.id.clone(), v));
        }
    }
    Ok(BidPrice { price: total, basis: PriceBasisDetail::Components { parts }, criteria })
}

/// A bid's evaluated price with how it was made, and each price criterion's own where the lot
/// scores price components.
#[derive(Clone, Debug, PartialEq)]
pub struct BidPrice {
    /// The evaluated price.
    pub price: Exact,
    /// How it was made.
    pub basis: PriceBasisDetail,
    /// Per price criterion (in the award model's order), where the lot has price components.
    pub criteria: Vec<(Exact, PriceBasisDetail)>,
}

/// The lowest, highest and mean price among those evaluated.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reference {
    /// The lowest evaluated price.
    pub lowest: Exact,
    /// The highest evaluated price.
    pub highest: Exact,
    /// The mean evaluated price, exact; `None` where it was not computed (only a price formula
    /// uses it).
    pub mean: Option<Exact>,
}

impl Reference {
    /// The reference of a set of prices; `None` when there are none.
    ///
    /// # Errors
    /// [`Overflow`] when their mean cannot be computed exactly.
    pub fn of(prices: &[Exact]) -> Result<Option<Self>, Overflow> {
        let (Some(&lowest), Some(&highest)) = (prices.iter().min(), prices.iter().max()) else { return Ok(None) };
        let mut sum = Exact::ZERO;
        for p in prices {
            sum = sum.checked_add(*p)?;
        }
        let mean = sum.checked_div(Exact::from_int(i128::try_from(prices.len()).map_err(|_| Overflow)?)?)?;
        Ok(Some(Self { lowest, highest, mean: Some(mean) }))
    }
}

/// The share of the maximum price points, `r`, for a points model, with the formula used.
/// `max` is the price criterion's weight. This is the one implementation of the formulas: the
/// evaluation and every analysis call it.
///
/// # Errors
/// [`PriceError::NotPositive`] for a price (or lowest price) not above zero under a relative
/// model, [`PriceError::Logarithm`], or an overflow; [`PriceError::Overflow`] also for a model
/// that gives no price points (price per quality point, value added, percent adjustment).
pub fn share(
    model: &PriceModel,
    max: Exact,
    price: Exact,
    reference: Reference,
) -> Result<(Exact, PriceFormula), PriceError> {
    let lowest = reference.lowest;
    let one = Exact::ONE;
    let hundred = Exact::from_int(100)?;
    // A formula's own divisions are checked as it is evaluated.
    let relative = model.depends_on_other_bids() && !matches!(model, PriceModel::Formula { .. });
    if relative && (!price.numer().is_positive() || !lowest.numer().is_positive()) {
        return Err(PriceError::NotPositive(if price.numer() <= 0 { price } else { lowest }));
    }
    Ok(match model {
        PriceModel::Proportional => (lowest.checked_div(price)?, PriceFormula::Proportional { max, lowest }),
        PriceModel::LinearSlope { slope } => {
            let s = Exact::from_decimal(slope.get()).checked_div(hundred)?;
            let r = one.checked_sub(price.checked_sub(lowest)?.checked_div(s.checked_mul(lowest)?)?)?;
            let floored = r.is_negative();
            (r.max(Exact::ZERO), PriceFormula::LinearSlope { max, lowest, slope: slope.get(), floored })
        }
        PriceModel::LinearFromLowest { floor_at_zero } => {
            let r = Exact::from_int(2)?.checked_sub(price.checked_div(lowest)?)?;
            let floored = *floor_at_zero && r.is_negative();
            let r = if floored { Exact::ZERO } else { r };
            (r, PriceFormula::LinearFromLowest { max, lowest, floored })
        }
        PriceModel::MinMax => {
            let highest = reference.highest;
            let r = if highest == lowest {
                one
            } else {
                highest.checked_sub(price)?.checked_div(highest.checked_sub(lowest)?)?
            };
            (r, PriceFormula::MinMax { max, lowest, highest })
        }
        PriceModel::FixedSpan { low, high } => {
            let (lo, hi) = (Exact::from_decimal(low.get()), Exact::from_decimal(high.get()));
            if hi <= lo {
                return Err(PriceError::NotPositive(hi.checked_sub(lo)?));
            }
            let r = hi.checked_sub(price)?.checked_div(hi.checked_sub(lo)?)?;
            let clamped = r.is_negative() || r > one;
            let r = r.max(Exact::ZERO).min(one);
            (r, PriceFormula::FixedSpan { max, low: low.get(), high: high.get(), clamped })
        }
        PriceModel::Logarithmic { zero_at } => {
            let ratio = price.checked_div(lowest)?;
            // At or beyond the zero point the share is 0 exactly; no logarithm is needed (and none
            // could be taken of a ratio beyond the decimal range).
            let zero_point = one.checked_add(Exact::from_decimal(zero_at.get()).checked_div(hundred)?)?;
            let (r, floored) = if ratio >= zero_point {
                (Exact::ZERO, ratio > zero_point)
            } else {
                let r = log_share(ratio, zero_at.get())?;
                (r.max(Exact::ZERO), r.is_negative())
            };
            (r, PriceFormula::Logarithmic { max, lowest, zero_at: zero_at.get(), floored })
        }
        PriceModel::Formula { formula, constants } => {
            let (result, variables) = formula_points(formula, constants, max, price, reference)?;
            let r = if max.is_zero() { Exact::ZERO } else { result.checked_div(max)? };
            (r, PriceFormula::Formula { max, formula: formula.clone(), variables, result })
        }
        PriceModel::PricePerQualityPoint { .. }
        | PriceModel::ValueAdded { .. }
        | PriceModel::PercentAdjustment { .. } => {
            return Err(PriceError::Overflow);
        }
    })
}

/// A price formula's points for `price`, exact, with the value each variable and constant it uses
/// took (in the order written). Points outside `0..max` are refused.
///
/// # Errors
/// [`PriceError::Formula`] when it cannot be read, divides by zero, uses the mean where none was
/// computed or gives points outside `0..max`; [`PriceError::Overflow`].
pub fn formula_points(
    formula: &str,
    constants: &std::collections::BTreeMap<String, tender_core::num::Measurement>,
    max: Exact,
    price: Exact,
    reference: Reference,
) -> Result<(Exact, Vec<(String, Exact)>), PriceError> {
    let expr = tender_core::formula::parse(formula).map_err(|e| PriceError::Formula(e.to_string()))?;
    let m = max;
    let env = |n: &str| -> Option<Exact> {
        match n {
            "price" => Some(price),
            "lowest" => Some(reference.lowest),
            "highest" => Some(reference.highest),
            "mean" => reference.mean,
            "max" => Some(m),
            other => constants.get(other).map(|c| Exact::from_decimal(c.get())),
        }
    };
    let shown = || price.approx(4).normalize();
    let result = match crate::measured::eval(&expr, &env) {
        Ok(r) => r,
        Err(crate::measured::Fault::Overflow) => return Err(PriceError::Overflow),
        Err(crate::measured::Fault::DivisionByZero) => {
            return Err(PriceError::Formula(format!("the price formula divides by zero for the price {}", shown())));
        }
        Err(crate::measured::Fault::Unknown(n)) => {
            return Err(PriceError::Formula(format!("`{n}` has no value in the price formula")));
        }
    };
    if result.is_negative() || result > m {
        return Err(PriceError::Formula(format!(
            "the price formula gives {} points for the price {}, outside 0 to {}",
            result.approx(4).normalize(),
            shown(),
            max.approx(4).normalize()
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
    Ok((result, variables))
}

/// `1 − ln(ratio) / ln(1 + zero_at/100)`, computed in 28-digit decimals: the one place the
/// evaluation is not exact, because a logarithm of a rational is irrational. A price equal to the
/// lowest gives exactly 1 (ln 1 = 0).
fn log_share(ratio: Exact, zero_at_percent: Decimal) -> Result<Exact, PriceError> {
    if ratio == Exact::ONE {
        return Ok(Exact::ONE);
    }
    let x = ratio.round(24, tender_core::award::RoundingStrategy::HalfEven).map_err(|_| PriceError::Logarithm)?;
    let base = Decimal::ONE
        .checked_add(zero_at_percent.checked_div(Decimal::ONE_HUNDRED).ok_or(PriceError::Logarithm)?)
        .ok_or(PriceError::Logarithm)?;
    let ln_x = x.checked_ln().ok_or(PriceError::Logarithm)?;
    let ln_b = base.checked_ln().ok_or(PriceError::Logarithm)?;
    if ln_b.is_zero() {
        return Err(PriceError::Logarithm);
    }
    let q = ln_x.checked_div(ln_b).ok_or(PriceError::Logarithm)?;
    let r = Decimal::ONE.checked_sub(q).ok_or(PriceError::Logarithm)?;
    // Keep 20 decimals: beyond that the logarithm's own error dominates.
    Ok(Exact::from_decimal(r.round_dp(20)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn money(n: i64) -> Exact {
        Exact::from_int(i128::from(n)).expect("fits")
    }

    fn points(model: &PriceModel, max: i64, price: i64, lowest: i64, highest: i64) -> Decimal {
        let reference = Reference { lowest: money(lowest), highest: money(highest), mean: None };
        let (r, _) =
            share(model, Exact::from_int(i128::from(max)).expect("fits"), money(price), reference).expect("scores");
        Exact::from_int(i128::from(max))
            .and_then(|m| m.checked_mul(r))
            .and_then(|p| p.round(2, tender_core::award::RoundingStrategy::HalfUp))
            .expect("rounds")
    }

    #[test]
    fn reference_md_worked_example_g() {
        // reference.md §2.4 (g): 30 points, Pmin 100, Pmax 200; prices 100/120/150/200.
        let prop = PriceModel::Proportional;
        let one_sided = PriceModel::LinearFromLowest { floor_at_zero: false };
        let two_sided = PriceModel::MinMax;
        let expect = |m: &PriceModel, e: [i64; 4]| {
            for (p, want) in [100, 120, 150, 200].into_iter().zip(e) {
                assert_eq!(points(m, 30, p, 100, 200), Decimal::from(want), "{m:?} at {p}");
            }
        };
        expect(&prop, [30, 25, 20, 15]);
        expect(&one_sided, [30, 24, 15, 0]);
        expect(&two_sided, [30, 24, 15, 0]);
    }

    #[test]
    fn region_midtjylland_slope() {
        // reference.md §2.4 (f): 0-8 points, Pmin 4.0 m; X = 75 %: 5.0 m → 5.33, 6.0 m → 2.67, 7.0 m → 0.
        let m = PriceModel::LinearSlope { slope: tender_core::Percent::from(75) };
        assert_eq!(points(&m, 8, 5_000_000, 4_000_000, 7_000_000), Decimal::new(533, 2));
        assert_eq!(points(&m, 8, 6_000_000, 4_000_000, 7_000_000), Decimal::new(267, 2));
        assert_eq!(points(&m, 8, 7_000_000, 4_000_000, 7_000_000), Decimal::ZERO);
    }

    #[test]
    fn every_price_model_is_listed_with_its_dependence() {
        use tender_core::award::{AdjustMode, CorridorDecision};
        use tender_core::{Money, Percent};
        let models = [
            PriceModel::Proportional,
            PriceModel::LinearSlope { slope: Percent::from(50) },
            PriceModel::LinearFromLowest { floor_at_zero: true },
            PriceModel::MinMax,
            PriceModel::FixedSpan { low: Money::ZERO, high: Money::from(10) },
            PriceModel::Logarithmic { zero_at: Percent::from(100) },
            PriceModel::PricePerQualityPoint { corridor: None, decision: CorridorDecision::HigherQuality },
            PriceModel::ValueAdded { mode: AdjustMode::Deduction },
            PriceModel::PercentAdjustment { mode: AdjustMode::Deduction, max_percent: Percent::from(10) },
            PriceModel::Formula { formula: "max * lowest / price".into(), constants: Default::default() },
        ];
        assert_eq!(models.len(), MODELS.len());
        for m in &models {
            let info = MODELS.iter().find(|i| i.key == m.key()).unwrap_or_else(|| panic!("{} is not listed", m.key()));
            let depends = if info.key == "formula" {
                m.depends_on_other_bids()
            } else if info.depends_on_other_bids == "with a corridor" {
                m.depends_on_other_bids() == matches!(m, PriceModel::PricePerQualityPoint { corridor: Some(_), .. })
            } else {
                m.depends_on_other_bids() == (info.depends_on_other_bids == "yes")
            };
            assert!(depends, "{}", m.key());
            assert_eq!(info.compares == Compares::PointsAdded, m.is_points_model(), "{}", m.key());
        }
    }

    #[test]
    fn zero_price_is_an_error() {
        let r = share(
            &PriceModel::Proportional,
            Exact::from_int(10).expect("fits"),
            Exact::ZERO,
            Reference { lowest: Exact::ZERO, highest: money(5), mean: None },
        );
        assert!(matches!(r, Err(PriceError::NotPositive(_))));
    }

    #[test]
    fn log_at_lowest_is_full_and_zero_at_the_end() {
        let m = PriceModel::Logarithmic { zero_at: tender_core::Percent::from(100) };
        assert_eq!(points(&m, 40, 100, 100, 300), Decimal::from(40));
        assert_eq!(points(&m, 40, 200, 100, 300), Decimal::ZERO);
        assert_eq!(points(&m, 40, 300, 100, 300), Decimal::ZERO);
        // 40 × (1 − ln 1.5 / ln 2) = 40 × 0.41503749927884381… = 16.60
        assert_eq!(points(&m, 40, 150, 100, 300), Decimal::new(1660, 2));
    }
}
