//! The price model `formula` (issue 18): the tender's own formula for the price points, evaluated
//! exactly by the evaluator of the measured criteria. A formula written to equal a preset model
//! gives the preset's figures, to the last digit; a formula that divides by zero or gives points
//! outside `0..max` is refused by `tender check` at `lots[i].award.price_model.formula` and by the
//! evaluation; the mean price is taken over the bids in play.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{one_lot, simple_bid};
use proptest::prelude::*;
use rust_decimal::Decimal;
use tender_core::{Bid, Tender};
use tender_score::Exact;
use tender_score::result::{LotEvaluation, PriceFormula};

fn tender(model: &str) -> Tender {
    one_lot(&format!(
        r#"
[lots.award]
price_model = {model}
scale = "0-10"
tie_break = ["higher-quality", "lower-price", "drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 40
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
weight = 60
"#
    ))
}

fn formula(text: &str) -> String {
    format!("{{ kind = \"formula\", formula = \"{text}\" }}")
}

fn bids(prices: &[(i64, u8)]) -> Vec<Bid> {
    prices
        .iter()
        .enumerate()
        .map(|(i, (cents, q))| {
            let price = Decimal::new(*cents, 2).to_string();
            let q = Decimal::from(*q).to_string();
            simple_bid(&format!("B{i:02}"), &price, &[("Q", q.as_str())])
        })
        .collect()
}

fn evaluate(t: &Tender, b: &[Bid]) -> LotEvaluation {
    tender_score::evaluate(t, b).unwrap().lots.remove(0)
}

/// A bid's id, exact price points, total and rank.
type Figures = (String, Option<Exact>, Option<Exact>, Option<u32>);

/// Each bid's figures, in bid order.
fn figures(e: &LotEvaluation) -> Vec<Figures> {
    let mut out: Vec<_> = e
        .bids
        .iter()
        .map(|b| {
            (
                b.bid.to_string(),
                b.price.as_ref().and_then(|p| p.points).map(|f| f.exact),
                b.total.map(|f| f.exact),
                b.rank,
            )
        })
        .collect();
    out.sort();
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, .. ProptestConfig::default() })]

    /// `max * lowest / price` is the proportional model, to the last digit, on prices with øre.
    #[test]
    fn the_proportional_formula_gives_the_proportional_figures(
        prices in prop::collection::vec((10_000i64..2_000_000_000, 0u8..=10), 2..8),
    ) {
        let b = bids(&prices);
        let preset = evaluate(&tender("{ kind = \"proportional\" }"), &b);
        let custom = evaluate(&tender(&formula("max * lowest / price")), &b);
        prop_assert_eq!(figures(&preset), figures(&custom));
    }

    /// `max * max(0, 1 - (price - lowest) / (slope / 100 * lowest))` with the constant `slope` is
    /// the linear-slope model with that slope, to the last digit.
    #[test]
    fn the_linear_slope_formula_gives_the_linear_slope_figures(
        prices in prop::collection::vec((10_000i64..2_000_000_000, 0u8..=10), 2..8),
        slope in 1u32..=200,
    ) {
        let b = bids(&prices);
        let preset = evaluate(&tender(&format!("{{ kind = \"linear-slope\", slope = {slope} }}")), &b);
        let custom = evaluate(
            &tender(&format!(
                "{{ kind = \"formula\", formula = \"max * max(0, 1 - (price - lowest) / (slope / 100 * lowest))\", constants = {{ slope = {slope} }} }}"
            )),
            &b,
        );
        prop_assert_eq!(figures(&preset), figures(&custom));
    }

    /// A formula that does not use the other bids' prices never reorders the others when a bid
    /// is added.
    #[test]
    fn an_independent_formula_never_reorders_the_others(
        prices in prop::collection::vec((10_000i64..2_000_000_000, 0u8..=10), 2..7),
        extra in (10_000i64..2_000_000_000, 0u8..=10),
    ) {
        let t = tender(&formula("max * clamp((30000000 - price) / 30000000, 0, 1)"));
        let base = bids(&prices);
        let mut more = prices.clone();
        more.push(extra);
        let order = |b: &[Bid]| -> Vec<String> {
            let mut ranked: Vec<_> = evaluate(&t, b).bids.into_iter().filter(|r| r.rank.is_some()).collect();
            ranked.sort_by_key(|r| r.rank);
            ranked.into_iter().map(|r| r.bid.to_string()).filter(|id| base.iter().any(|x| x.id.as_str() == id)).collect()
        };
        prop_assert_eq!(order(&base), order(&bids(&more)));
    }
}

#[test]
fn the_mean_is_taken_over_the_bids_in_play_exactly() {
    // Prices 100, 200 and 300 (mean 200): max × clamp(1 − (price − mean) / mean, 0, 1).
    // 100: 40 × clamp(1.5) = 40; 200: 40; 300: 40 × 0.5 = 20.
    let t = tender(&formula("max * clamp(1 - (price - mean) / mean, 0, 1)"));
    let e = evaluate(&t, &bids(&[(10_000, 5), (20_000, 5), (30_000, 5)]));
    let points: Vec<Exact> = figures(&e).into_iter().map(|f| f.1.unwrap()).collect();
    let n = |x: i128| Exact::from_int(x).unwrap();
    assert_eq!(points, [n(40), n(40), n(20)]);
    // Prices 100, 100.01 and 100.03: the mean 300.04 / 3 is not a decimal; kept exact.
    let t = tender(&formula("max * min(1, mean / price)"));
    let e = evaluate(&t, &bids(&[(10_000, 5), (10_001, 5), (10_003, 5)]));
    let dearest = e.bid(&"B02".into()).unwrap().price.as_ref().unwrap();
    // 40 × (30004 / 300) / (10003 / 100) = 1200160 / 30009
    assert_eq!(dearest.points.unwrap().exact, Exact::new(1_200_160, 30_009).unwrap());
    match dearest.formula.as_ref().unwrap() {
        PriceFormula::Formula { variables, .. } => {
            assert!(variables.iter().any(|(k, v)| k == "mean" && *v == Exact::new(30_004, 300).unwrap()));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn depends_on_other_bids_only_through_lowest_highest_or_mean() {
    let model = |f: &str| tender_core::PriceModel::Formula { formula: f.into(), constants: Default::default() };
    assert!(model("max * lowest / price").depends_on_other_bids());
    assert!(model("max * (highest - price) / highest").depends_on_other_bids());
    assert!(model("max * min(1, mean / price)").depends_on_other_bids());
    assert!(!model("max * clamp((1000 - price) / 1000, 0, 1)").depends_on_other_bids());
}

#[test]
fn points_outside_zero_to_max_are_refused_by_check_and_by_the_evaluation() {
    // 40 × (1 − (300 − 100) / 100) = −40 for a bid at three times the lowest price.
    let t = tender(&formula("max * (1 - (price - lowest) / lowest)"));
    let problems = tender_score::measured::check_formulas(&t);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "lots[0].award.price_model.formula");
    assert!(problems[0].message.contains("outside 0 to 40"), "{problems:?}");
    assert!(problems[0].fix.contains("clamp"), "{problems:?}");
    let err = tender_score::evaluate(&t, &bids(&[(10_000, 5), (30_000, 5)])).expect_err("negative points");
    assert!(err.to_string().contains("gives -40 points for the price 300"), "{err}");
    // Clamped, it is sound.
    let t = tender(&formula("max * clamp(1 - (price - lowest) / lowest, 0, 1)"));
    assert!(tender_score::measured::check_formulas(&t).is_empty());
}

#[test]
fn a_division_that_can_be_zero_is_refused_by_check() {
    // The min-max interpolation divides by zero when every bid has the same price.
    let t = tender(&formula("max * (highest - price) / (highest - lowest)"));
    let problems = tender_score::measured::check_formulas(&t);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "lots[0].award.price_model.formula");
    assert!(problems[0].message.contains("divides by zero"), "{problems:?}");
    // A price criterion's own formula is located at the criterion.
    let t = one_lot(
        r#"
[lots.award]
price_model = { kind = "proportional" }
scale = "0-10"
[[lots.award.price_components]]
id = "RUN"
name = "Running"
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 40
components = ["RUN"]
price_model = { kind = "formula", formula = "max * lowest / (price - lowest)" }
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
weight = 60
"#,
    );
    let problems = tender_score::measured::check_formulas(&t);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].path, "lots[0].award.criteria[0].price_model.formula");
}

#[test]
fn a_free_offer_is_scored_where_the_formula_allows_it() {
    // Independent of the others and never dividing by the price: a price of 0 earns full points.
    let t = tender(&formula("max * clamp((1000 - price) / 1000, 0, 1)"));
    assert!(tender_score::measured::check_formulas(&t).is_empty());
    let e = evaluate(&t, &bids(&[(0, 5), (50_000, 5)]));
    let free = e.bid(&"B00".into()).unwrap().price.as_ref().unwrap().points.unwrap().exact;
    assert_eq!(free, Exact::from_int(40).unwrap());
}

/// Regression: the decimals of a rounding function written `2.0` are two, not the twenty its
/// unnormalised mantissa would give.
#[test]
fn rounding_decimals_written_with_a_decimal_point() {
    let b = bids(&[(30_000, 5), (70_000, 5)]);
    let points = |f: &str| {
        let e = evaluate(&tender(&formula(f)), &b);
        e.bid(&"B01".into()).unwrap().price.as_ref().unwrap().points.unwrap().exact
    };
    // 40 × 300 / 700 = 17.142857… → 17.14
    assert_eq!(points("round_half_up(max * lowest / price, 2.0)"), Exact::new(1714, 100).unwrap());
    assert_eq!(points("round_half_up(max * lowest / price, 2)"), Exact::new(1714, 100).unwrap());
}
