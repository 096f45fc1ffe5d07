//! Hand-checked cases for each analysis: every expected number is computed by hand in the comment
//! beside it, and the end points are checked against full re-evaluations by `tender_score`.
#![allow(clippy::unwrap_used)]

mod common;

use common::{d, one_lot, one_lot_with, q, simple_bid};
use rust_decimal::Decimal;
use tender_analysis::break_even::{Target, break_even_prices};
use tender_analysis::models::{Outcome, compare_price_models};
use tender_analysis::reversal::rank_reversal;
use tender_analysis::sensitivity::{End, weight_sensitivity};
use tender_analysis::stability::rank_stability;
use tender_analysis::{Options, Perturbation, Reason, Section, analyze};
use tender_core::{Bid, Id, Tender};
use tender_score::evaluate;

fn id(s: &str) -> Id {
    s.into()
}

/// Price 40 / quality 60 (as in reference.md §2.4 (a), on a 100-point scale), proportional.
fn price_quality(decimals: u32) -> Tender {
    one_lot(&format!(
        r#"
[lots.award]
price_model = {{ kind = "proportional" }}
scale = "0-10"
rounding = {{ decimals = {decimals} }}
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

/// The winner by `evaluate` with the lot's weights replaced.
fn winner_with(tender: &Tender, bids: &[Bid], weights: &[(&str, &str)]) -> Id {
    let mut t = tender.clone();
    for (c, w) in weights {
        let crit = t.lots[0].award.criteria.iter_mut().find(|x| x.id.as_str() == *c).unwrap();
        crit.weight = Some(w.parse().unwrap());
    }
    let e = evaluate(&t, bids).unwrap();
    e.lots[0].bids.iter().find(|b| b.rank == Some(1)).unwrap().bid.clone()
}

/// A (100, 7.0) against B (130, 8.5), price weighted t and quality 100 − t. Ratios: A price 1,
/// quality 0.7; B price 100/130 = 10/13, quality 0.85.
///   f_A(t) = t + 0.7 (100 − t) = 70 + 0.3 t
///   f_B(t) = 10/13 t + 0.85 (100 − t) = 85 − 21/260 t
/// They meet where 99/260 t = 15: t = 1300/33 ≈ 39.39. At the published 40, A = 82 and
/// B = 81.77: A wins above 1300/33, B below. Quality's interval is the mirror: [0, 2000/33].
#[test]
fn sensitivity_two_criteria_end_points() {
    let tender = price_quality(4);
    let bids = [simple_bid("A", "100", &[("Q", "7.0")]), simple_bid("B", "130", &[("Q", "8.5")])];
    let e = evaluate(&tender, &bids).unwrap();
    let s = weight_sensitivity(&tender.lots[0], &e.lots[0]).unwrap();
    assert_eq!(s.winner, id("A"));
    assert!(s.agrees_with_evaluation);
    let price = s.criteria[0].winner.as_ref().unwrap();
    assert_eq!(price.low.weight, q(1300, 33));
    assert_eq!(price.low.end, End::Overtaken { by: id("B") });
    assert_eq!(price.high.weight, q(100, 1));
    assert_eq!(price.high.end, End::Limit);
    let quality = s.criteria[1].winner.as_ref().unwrap();
    assert_eq!(quality.low.weight, q(0, 1));
    assert_eq!(quality.high.weight, q(2000, 33));
    assert_eq!(quality.high.end, End::Overtaken { by: id("B") });
    // Just inside (39.40 / 60.60): A = 39.4 + 42.42 = 81.82, B = 30.3077 + 51.51 = 81.8177.
    assert_eq!(winner_with(&tender, &bids, &[("P", "39.40"), ("Q", "60.60")]), id("A"));
    // Just outside (39.38 / 60.62): A = 81.814, B = 30.2923 + 51.527 = 81.8193.
    assert_eq!(winner_with(&tender, &bids, &[("P", "39.38"), ("Q", "60.62")]), id("B"));
}

/// Three criteria, price 40, Q1 30, Q2 30, proportional with Pmin 100.
/// A: price 100 (ratio 1), Q1 5 (0.5), Q2 9 (0.9): 40 + 15 + 27 = 82.
/// B: price 125 (ratio 0.8), Q1 10 (1.0), Q2 6 (0.6): 32 + 30 + 18 = 80.
/// Q1 to t, the others × (100 − t)/70: f_A − f_B = −0.5 t + 17 (100 − t)/70 = 0 at
///   52 t = 1700, t = 425/13 ≈ 32.69 (B overtakes above).
/// Q2 to t, the others × (100 − t)/70: f_A − f_B = 0.3 t − 7 (100 − t)/70 = 0.4 t − 10 = 0 at
///   t = 25 (B overtakes below).
/// Price to t, the others × (100 − t)/60: f_A − f_B = 0.2 t − 6 (100 − t)/60 = 0.3 t − 10 = 0
///   at t = 100/3 (B overtakes below).
#[test]
fn sensitivity_rescales_the_other_weights_proportionally() {
    let tender = one_lot(
        r#"
[lots.award]
price_model = { kind = "proportional" }
scale = "0-10"
rounding = { decimals = 4 }
tie_break = ["higher-quality", "drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 40
[[lots.award.criteria]]
id = "Q1"
name = "Quality 1"
kind = "quality"
weight = 30
[[lots.award.criteria]]
id = "Q2"
name = "Quality 2"
kind = "quality"
weight = 30
"#,
    );
    let bids =
        [simple_bid("A", "100", &[("Q1", "5"), ("Q2", "9")]), simple_bid("B", "125", &[("Q1", "10"), ("Q2", "6")])];
    let e = evaluate(&tender, &bids).unwrap();
    let s = weight_sensitivity(&tender.lots[0], &e.lots[0]).unwrap();
    let [p, q1, q2] = [0, 1, 2].map(|i| s.criteria[i].winner.clone().unwrap());
    assert_eq!((p.low.weight, p.high.weight), (q(100, 3), q(100, 1)));
    assert_eq!((q1.low.weight, q1.high.weight), (q(0, 1), q(425, 13)));
    assert_eq!((q2.low.weight, q2.high.weight), (q(25, 1), q(100, 1)));
    // Q2 at 25.5 (inside): P = 40 × 74.5/70, Q1 = 30 × 74.5/70; as weights in the same
    // proportion: Q2 25.5 × 70 = 1785, P 40 × 74.5 = 2980, Q1 30 × 74.5 = 2235.
    assert_eq!(winner_with(&tender, &bids, &[("P", "2980"), ("Q1", "2235"), ("Q2", "1785")]), id("A"));
    // Q2 at 24.5 (outside): 1715, 3020, 2265.
    assert_eq!(winner_with(&tender, &bids, &[("P", "3020"), ("Q1", "2265"), ("Q2", "1715")]), id("B"));
}

/// Two suppliers awarded, fixed span 0-200, price 50 / quality 50, price to t, quality 100 − t:
/// A: price 100 (ratio 0.5), Q 10 (1.0): f_A = 0.5 t + (100 − t) = 100 − 0.5 t (75 at t = 50)
/// B: price 40 (0.8), Q 5 (0.5): f_B = 0.8 t + 0.5 (100 − t) = 50 + 0.3 t (65)
/// C: price 20 (0.9), Q 2 (0.2): f_C = 0.9 t + 0.2 (100 − t) = 20 + 0.7 t (55)
/// Winner A until B meets it: 100 − 0.5 t = 50 + 0.3 t at t = 62.5.
/// Awarded {A, B} until C meets A (100 − 0.5 t = 20 + 0.7 t at t = 200/3) before it meets B
/// (50 + 0.3 t = 20 + 0.7 t at t = 75). Nothing changes below 50 down to 0.
#[test]
fn sensitivity_of_the_awarded_set() {
    let tender = one_lot_with(
        "suppliers_to_award = 2",
        r#"
[lots.award]
price_model = { kind = "fixed-span", low = 0, high = 200 }
scale = "0-10"
tie_break = ["higher-quality", "drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 50
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
weight = 50
"#,
    );
    let bids = [
        simple_bid("A", "100", &[("Q", "10")]),
        simple_bid("B", "40", &[("Q", "5")]),
        simple_bid("C", "20", &[("Q", "2")]),
    ];
    let e = evaluate(&tender, &bids).unwrap();
    let s = weight_sensitivity(&tender.lots[0], &e.lots[0]).unwrap();
    assert_eq!(s.awarded, vec![id("A"), id("B")]);
    let p = &s.criteria[0];
    let win = p.winner.as_ref().unwrap();
    assert_eq!((win.low.weight, win.high.weight), (q(0, 1), q(125, 2)));
    let awarded = p.awarded.as_ref().unwrap();
    assert_eq!((awarded.low.weight, awarded.high.weight), (q(0, 1), q(200, 3)));
    assert_eq!(awarded.high.end, End::AwardChanges { leaves: id("A"), enters: id("C") });
}

/// A minimum total quality ends an interval where a bid would cross it. Price 40, Q1 30, Q2 30,
/// minimum 50 % of the quality points. D: Q1 10, Q2 1 → 30 + 3 = 33 of 60 = 55 %. Q1 to t
/// (the others × (100 − t)/70): D's quality share is (t + 0.1 × 30 (100 − t)/70) over
/// (t + 30 (100 − t)/70); it is 50 % where t + 3(100 − t)/70 = 0.5 t + 15(100 − t)/70, i.e.
/// 0.5 t = 12 (100 − t)/70, 35 t = 1200 − 12 t, t = 1200/47 ≈ 25.53.
#[test]
fn sensitivity_ends_where_a_bid_crosses_the_quality_minimum() {
    let tender = one_lot(
        r#"
[lots.award]
price_model = { kind = "proportional" }
scale = "0-10"
quality = { minimum_total = 50 }
tie_break = ["higher-quality", "drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 40
[[lots.award.criteria]]
id = "Q1"
name = "Quality 1"
kind = "quality"
weight = 30
[[lots.award.criteria]]
id = "Q2"
name = "Quality 2"
kind = "quality"
weight = 30
"#,
    );
    let bids = [
        // A: 40 + 24 + 24 = 88, far ahead.
        simple_bid("A", "100", &[("Q1", "8"), ("Q2", "8")]),
        simple_bid("D", "150", &[("Q1", "10"), ("Q2", "1")]),
    ];
    let e = evaluate(&tender, &bids).unwrap();
    let s = weight_sensitivity(&tender.lots[0], &e.lots[0]).unwrap();
    let q1 = s.criteria[1].winner.as_ref().unwrap();
    assert_eq!(q1.low.weight, q(1200, 47));
    assert_eq!(q1.low.end, End::QualityMinimum { bid: id("D") });
}

fn target(tender: &Tender, bids: &[Bid], bid: &str) -> Target {
    let e = evaluate(tender, bids).unwrap();
    let b = break_even_prices(tender, &tender.lots[0], &e.lots[0]).unwrap();
    b.bids.into_iter().find(|x| x.bid.as_str() == bid).unwrap().to_win
}

fn price_of(t: &Target) -> Decimal {
    match t {
        Target::Price { price, .. } => *price,
        other => panic!("expected a price, got {other:?}"),
    }
}

/// Fixed span 0-200, price 50 / quality 50. A: 100 → 25 + 50 = 75. B: 60 → 50 × 140/200 = 35,
/// Q 7 → 35: 70. B needs 40 price points: 50 × (200 − P)/200 = 40 at P = 40.00. At 4 decimals
/// 40.01 gives 74.9975 < 75. At 2 decimals 40.02 gives 74.995, published 75.00 (half-up), a tie,
/// and 40.03 gives 74.9925 → 74.99: so 40.02. C: 20 → 45, Q 2 → 10: 55; even full price points
/// give it only 50 + 10 = 60 < 75: C cannot win at any positive price (its quality gap to A, 40
/// points, is more than the 5 price points it can still gain).
#[test]
fn break_even_independent_model() {
    let award = |decimals: u32| {
        format!(
            r#"
[lots.award]
price_model = {{ kind = "fixed-span", low = 0, high = 200 }}
scale = "0-10"
rounding = {{ decimals = {decimals} }}
tie_break = ["higher-quality", "drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 50
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
weight = 50
"#
        )
    };
    let bids = [
        simple_bid("A", "100", &[("Q", "10")]),
        simple_bid("B", "60", &[("Q", "7")]),
        simple_bid("C", "20", &[("Q", "2")]),
    ];
    let four = one_lot(&award(4));
    assert_eq!(price_of(&target(&four, &bids, "B")), d("40.00"));
    assert_eq!(target(&four, &bids, "C"), Target::CannotWin);
    let two = one_lot(&award(2));
    assert_eq!(
        target(&two, &bids, "B"),
        Target::Price { price: d("40.02"), reduction: d("19.98"), percent: d("33.30"), level_with: id("A") }
    );
}

/// The fixed span above written as the tender's own price formula (issue 18),
/// `max * clamp((high - price) / (high - low), 0, 1)` with `low = 0`, `high = 200`: the formula
/// does not use the other bids' prices and its points provably never rise with the price, so the
/// break-even search runs on it and finds the preset model's figures: B 40.02 at 2 decimals, C
/// cannot win. A formula over the lowest price, or one whose direction the rules cannot prove, is
/// not searched: the analysis says why instead of giving a figure.
#[test]
fn break_even_under_a_price_formula_only_where_it_is_sound() {
    let award = |model: &str| {
        format!(
            r#"
[lots.award]
price_model = {model}
scale = "0-10"
rounding = {{ decimals = 2 }}
tie_break = ["higher-quality", "drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 50
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
weight = 50
"#
        )
    };
    let bids = [
        simple_bid("A", "100", &[("Q", "10")]),
        simple_bid("B", "60", &[("Q", "7")]),
        simple_bid("C", "20", &[("Q", "2")]),
    ];
    let span = one_lot(&award(
        r#"{ kind = "formula", formula = "max * clamp((high - price) / (high - low), 0, 1)", constants = { low = 0, high = 200 } }"#,
    ));
    assert_eq!(
        target(&span, &bids, "B"),
        Target::Price { price: d("40.02"), reduction: d("19.98"), percent: d("33.30"), level_with: id("A") }
    );
    assert_eq!(target(&span, &bids, "C"), Target::CannotWin);
    let not_computed = |model: &str| {
        let t = one_lot(&award(model));
        let e = evaluate(&t, &bids).unwrap();
        break_even_prices(&t, &t.lots[0], &e.lots[0]).unwrap_err()
    };
    assert_eq!(not_computed(r#"{ kind = "formula", formula = "max * lowest / price" }"#), Reason::FormulaUsesOtherBids);
    // |price − 100| falls, then rises: the points rise again past 100, so no bisection.
    assert_eq!(
        not_computed(r#"{ kind = "formula", formula = "max * clamp(1 - abs(price - 100) / 200, 0, 1)" }"#),
        Reason::FormulaNotMonotone
    );
}

/// Weight sensitivity and the Monte Carlo re-weight the price as weight × share. A price formula
/// proportional to `max` scales so, and `max * lowest / price` gives the proportional model's
/// intervals; `min(max, 30 * lowest / price)` does not scale with its weight, and both analyses
/// say why instead of giving figures.
#[test]
fn weight_analyses_under_a_price_formula_only_where_it_scales_with_its_weight() {
    let bids = [
        simple_bid("A", "100", &[("Q", "7.0")]),
        simple_bid("B", "130", &[("Q", "8.5")]),
        simple_bid("C", "60", &[("Q", "2.0")]),
    ];
    let with = |model: &str| {
        let mut t = price_quality(4);
        t.lots[0].award.price_model = tender_core::files::parse::<toml_holder::Holder>(
            &format!("price_model = {model}"),
            tender_core::files::Format::Toml,
            "m.toml".as_ref(),
        )
        .unwrap()
        .price_model;
        let e = evaluate(&t, &bids).unwrap();
        (t, e)
    };
    let preset = price_quality(4);
    let e = evaluate(&preset, &bids).unwrap();
    let expected = weight_sensitivity(&preset.lots[0], &e.lots[0]).unwrap();
    let (t, e) = with(r#"{ kind = "formula", formula = "max * lowest / price" }"#);
    assert_eq!(weight_sensitivity(&t.lots[0], &e.lots[0]).unwrap(), expected);
    let (t, e) = with(r#"{ kind = "formula", formula = "min(max, 30 * lowest / price)" }"#);
    let not = Reason::FormulaNotProportional { criterion: id("P") };
    assert_eq!(weight_sensitivity(&t.lots[0], &e.lots[0]).unwrap_err(), not);
    assert_eq!(rank_stability(&t.lots[0], &e.lots[0], &Options::default()).unwrap_err(), not);
}

mod toml_holder {
    #[derive(serde::Deserialize)]
    pub(super) struct Holder {
        pub(super) price_model: tender_core::PriceModel,
    }
}

/// reference.md §2.4 (a) with C: A (100, 7.0), B (130, 8.5), C (60, 2.0), proportional 40/60.
/// Pmin = 60: A = 40 × 60/100 + 42 = 66, B = 40 × 60/130 + 51 = 903/13 ≈ 69.4615, C = 52.
/// A (Pmin stays C's 60): 2400/P + 42 ≥ 903/13 ⇔ P ≤ 31200/357 ≈ 87.3949: 87.39 at 4 decimals
///   (87.39 → 69.4631; 87.40 → 69.4600 < 69.4615).
/// C is already the lowest: its price points stay 40 (total 52) while lowering its price lowers
/// Pmin and so everyone else's points: B = 40 P/130 + 51 ≤ 52 ⇔ P ≤ 3.25, A = 40 P/100 + 42 ≤ 52
/// ⇔ P ≤ 25. So 3.25, level with B (exactly 52 = 52); at 3.26 B has 52.0031.
#[test]
fn break_even_moves_the_lowest_price() {
    let tender = price_quality(4);
    let bids = [
        simple_bid("A", "100", &[("Q", "7.0")]),
        simple_bid("B", "130", &[("Q", "8.5")]),
        simple_bid("C", "60", &[("Q", "2.0")]),
    ];
    assert_eq!(price_of(&target(&tender, &bids, "A")), d("87.39"));
    let c = target(&tender, &bids, "C");
    assert_eq!(c, Target::Price { price: d("3.25"), reduction: d("56.75"), percent: d("94.58"), level_with: id("B") });
    // Full re-evaluation at 3.25: C 52.0000 ties B 52.0000, and the tie-break (higher quality)
    // ranks B first; at 3.24, C wins outright.
    let with = |p: &str| {
        let mut bids = bids.clone();
        bids[2].price.total = Some(p.parse().unwrap());
        let e = evaluate(&tender, &bids).unwrap();
        let lot = &e.lots[0];
        (
            lot.bid(&id("C")).unwrap().total.unwrap().value,
            lot.bid(&id("B")).unwrap().total.unwrap().value,
            lot.awarded.clone(),
        )
    };
    assert_eq!(with("3.25"), (d("52.0000"), d("52.0000"), vec![id("B")]));
    assert_eq!(with("3.24").2, vec![id("C")]);
    assert!(with("3.26").1 > d("52.0000"));
}

/// Value added (deduction), values Q 1000: E = P − 1000 × ratio. A: 900, Q 10 → −100. B: 500,
/// Q 2 → 300. A wins (lowest). B needs E ≤ −100: P − 200 ≤ −100, P ≤ 100.00.
#[test]
fn break_even_value_added() {
    let tender = one_lot(
        r#"
[lots.award]
price_model = { kind = "value-added", mode = "deduction" }
scale = "0-10"
tie_break = ["higher-quality", "drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
weight = 100
value = 1000
"#,
    );
    let bids = [simple_bid("A", "900", &[("Q", "10")]), simple_bid("B", "500", &[("Q", "2")])];
    assert_eq!(price_of(&target(&tender, &bids, "B")), d("100.00"));
}

/// Two bids mirrored on two criteria weighted 50/50: A (1, 0), B (0, 1). By symmetry each wins
/// half the samples; the estimate is within four standard errors of 1/2.
#[test]
fn monte_carlo_symmetric_case() {
    let tender = one_lot(
        r#"
[lots.award]
price_model = { kind = "fixed-span", low = 0, high = 100 }
scale = "0-10"
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 50
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
weight = 50
"#,
    );
    // A: price 0 → ratio 1, Q 0. B: price 100 → ratio 0, Q 10. Both 50: a tie the evaluation
    // cannot break, so both rank first.
    let bids = [simple_bid("A", "0", &[("Q", "0")]), simple_bid("B", "100", &[("Q", "10")])];
    let e = evaluate(&tender, &bids).unwrap();
    let options = Options { samples: 20_000, seed: 11, ..Options::default() };
    let s = rank_stability(&tender.lots[0], &e.lots[0], &options).unwrap();
    let half = d("0.5");
    for b in &s.bids {
        assert!((b.wins.estimate - half).abs() < b.wins.standard_error * Decimal::from(4), "{b:?}");
    }
    assert_eq!(s.bids[0].wins.count + s.bids[1].wins.count, 20_000);
}

/// The three-criteria case above: A − B = 0.2 w_P − 0.5 w_Q1 + 0.3 w_Q2 (2 at 40/30/30). Each
/// weight moved by at most ±3 %, the worst case for A is 38.8 × 0.2 − 30.9 × 0.5 + 29.1 × 0.3 =
/// 7.76 − 15.45 + 8.73 = 1.04 > 0 (rescaling does not change the sign): A wins every sample. At
/// ±10 % the worst case is 7.2 − 16.5 + 8.1 = −1.2, so B wins some.
#[test]
fn monte_carlo_uniform_bounds() {
    let tender = one_lot(
        r#"
[lots.award]
price_model = { kind = "proportional" }
scale = "0-10"
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 40
[[lots.award.criteria]]
id = "Q1"
name = "Quality 1"
kind = "quality"
weight = 30
[[lots.award.criteria]]
id = "Q2"
name = "Quality 2"
kind = "quality"
weight = 30
"#,
    );
    let bids =
        [simple_bid("A", "100", &[("Q1", "5"), ("Q2", "9")]), simple_bid("B", "125", &[("Q1", "10"), ("Q2", "6")])];
    let e = evaluate(&tender, &bids).unwrap();
    let run = |percent: i64| {
        let options = Options {
            samples: 5_000,
            seed: 5,
            perturbation: Perturbation::Uniform { percent: Decimal::from(percent) },
            ..Options::default()
        };
        rank_stability(&tender.lots[0], &e.lots[0], &options).unwrap()
    };
    let tight = run(3);
    assert_eq!(tight.winner_kept.count, 5_000);
    assert_eq!(tight.winner_kept.standard_error, Decimal::ZERO);
    let loose = run(10);
    assert!(loose.bids[1].wins.count > 0);
    assert!(loose.winner_kept.count < 5_000);
}

/// A fixed seed gives the same result, a different seed a different sample.
#[test]
fn monte_carlo_is_reproducible() {
    let tender = price_quality(2);
    let bids = [
        simple_bid("A", "100", &[("Q", "7.0")]),
        simple_bid("B", "130", &[("Q", "8.5")]),
        simple_bid("C", "60", &[("Q", "2.0")]),
    ];
    let e = evaluate(&tender, &bids).unwrap();
    let run = |seed: u64| {
        let options = Options { samples: 3_000, seed, ..Options::default() };
        serde_json::to_string(&rank_stability(&tender.lots[0], &e.lots[0], &options).unwrap()).unwrap()
    };
    assert_eq!(run(9), run(9));
    assert_ne!(run(9), run(10));
    // Pinned counts: the same on every machine (ChaCha12 and exactly rounded operations only).
    let options = Options { samples: 3_000, seed: 9, ..Options::default() };
    let s = rank_stability(&tender.lots[0], &e.lots[0], &options).unwrap();
    let counts: Vec<u32> = s.bids.iter().map(|b| b.wins.count).collect();
    insta::assert_snapshot!("monte_carlo_counts_seed_9", format!("{counts:?}"));
}

/// reference.md §2.4 (a) with C under the alternatives. The tender's model (proportional): B
/// wins. Linear from the lowest, floored (§2.4 (b)): A = 40 × (2 − 100/60) + 42 = 55.33,
/// B = 40 × max(0, 2 − 130/60) + 51 = 51, C = 52: A wins. Price per quality point (§2.4 (c)):
/// A 100/42 = 2.38, B 130/51 = 2.55, C 60/12 = 5: A wins. Fixed span and value added need the
/// lot's estimated value, which the tender does not give.
#[test]
fn price_model_comparison() {
    let tender = price_quality(2);
    let bids = [
        simple_bid("A", "100", &[("Q", "7.0")]),
        simple_bid("B", "130", &[("Q", "8.5")]),
        simple_bid("C", "60", &[("Q", "2.0")]),
    ];
    let c = compare_price_models(&tender, &tender.lots[0], &bids).unwrap();
    let find = |label: &str| c.variants.iter().find(|v| v.label.starts_with(label)).unwrap();
    let own = &c.variants[0];
    assert!(own.own);
    let Outcome::Ranked { awarded, .. } = &own.outcome else { panic!("own model evaluates") };
    assert_eq!(awarded, &vec![id("B")]);
    let Outcome::Ranked { ranking, changes_winner, .. } = &find("linear-from-lowest").outcome else { panic!() };
    assert!(changes_winner);
    assert_eq!(ranking[0].bid, id("A"));
    assert_eq!(ranking[0].figure, d("55.33"));
    let Outcome::Ranked { ranking, changes_winner, .. } = &find("price-per-quality-point").outcome else { panic!() };
    assert!(changes_winner);
    assert_eq!((ranking[0].bid.clone(), ranking[0].figure), (id("A"), d("2.38")));
    assert!(matches!(&find("fixed-span").outcome, Outcome::Failed { reason: Reason::NoEstimateForSpan }));
    assert!(matches!(&find("value-added").outcome, Outcome::Failed { reason: Reason::NoEstimateForMoneyValues }));
    assert!(find("fixed-span").model.is_none(), "no span could be derived");
    let Outcome::Failed { reason } = &find("fixed-span").outcome else { panic!("fixed-span fails") };
    assert!(reason.to_string().contains("estimated value"), "{reason}");
}

/// reference.md §2.4 (a): removing C (Pmin back to 100) lets A overtake B; removing A or B
/// leaves the other two in order (A 66 vs C 52, B 69.46 vs C 52).
#[test]
fn rank_reversal_finds_the_irrelevant_alternative() {
    let tender = price_quality(2);
    let bids = [
        simple_bid("A", "100", &[("Q", "7.0")]),
        simple_bid("B", "130", &[("Q", "8.5")]),
        simple_bid("C", "60", &[("Q", "2.0")]),
    ];
    let r = rank_reversal(&tender, &tender.lots[0], &bids, 10).unwrap();
    assert_eq!(r.removals_tried, 3);
    assert_eq!(r.removals.len(), 1);
    let rm = &r.removals[0];
    assert_eq!(rm.removed, id("C"));
    assert_eq!(rm.flips.len(), 1);
    assert_eq!((rm.flips[0].was_ahead.clone(), rm.flips[0].now_ahead.clone()), (id("B"), id("A")));
    assert_eq!(rm.new_winner, Some(id("A")));
    // A limit below the number of ranked bids skips the check with a reason.
    assert!(rank_reversal(&tender, &tender.lots[0], &bids, 2).is_err());
}

/// The whole analysis runs, and a bad option is refused with a fix.
#[test]
fn analyze_checks_its_options() {
    let tender = price_quality(2);
    let bids = [simple_bid("A", "100", &[("Q", "7.0")]), simple_bid("B", "130", &[("Q", "8.5")])];
    let bad = Options { perturbation: Perturbation::Dirichlet { concentration: Decimal::ZERO }, ..Options::default() };
    let err = analyze(&tender, &bids, &bad).unwrap_err().to_string();
    assert!(err.contains("concentration") && err.contains("Fix:"), "{err}");
    let a = analyze(&tender, &bids, &Options { samples: 0, ..Options::default() }).unwrap();
    assert!(matches!(a.lots[0].stability, Section::Skipped { .. }));
    assert!(a.lots[0].sensitivity.done().is_some());
}

/// Rounding decides: proportional 50/50 at 2 decimals. A: 100, Q 6 → 50 + 30 = 80.
/// B: 111.12, Q 7 → 50 × 100/111.12 + 35 = 44.9964 + 35 = 79.9964, published 80.00: a tie the
/// tie-break (higher quality) gives to B. On exact totals A is first, so the sensitivity says it
/// does not agree with the evaluation; and A's break-even is "tied now".
#[test]
fn rounding_decides_and_the_analysis_says_so() {
    let tender = one_lot(
        r#"
[lots.award]
price_model = { kind = "proportional" }
scale = "0-10"
tie_break = ["higher-quality", "drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 50
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
weight = 50
"#,
    );
    let bids = [simple_bid("A", "100", &[("Q", "6")]), simple_bid("B", "111.12", &[("Q", "7")])];
    let e = evaluate(&tender, &bids).unwrap();
    assert_eq!(e.lots[0].awarded, vec![id("B")]);
    let s = weight_sensitivity(&tender.lots[0], &e.lots[0]).unwrap();
    assert_eq!(s.winner, id("A"));
    assert!(!s.agrees_with_evaluation);
    assert_eq!(target(&tender, &bids, "A"), Target::TiedNow { with: id("B") });
}

/// Value added (deduction), two quality criteria worth 1000 each (sum 2000, kept).
/// A: 900, Q1 10 (ratio 1), Q2 0 → E = 900 − 1000 = −100. B: 800, Q1 0, Q2 10 → −200: B wins.
/// Q1's value to t, Q2's 2000 − t: E_A = 900 − t, E_B = 800 − (2000 − t) = t − 1200; B stays
/// lowest while t − 1200 ≤ 900 − t, t ≤ 1050. Q2's value to s: E_A = s − 1100, E_B = 800 − s;
/// B stays lowest while s ≥ 950.
#[test]
fn sensitivity_of_money_values() {
    let tender = one_lot(
        r#"
[lots.award]
price_model = { kind = "value-added", mode = "deduction" }
scale = "0-10"
tie_break = ["higher-quality", "drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
[[lots.award.criteria]]
id = "Q1"
name = "Quality 1"
kind = "quality"
value = 1000
[[lots.award.criteria]]
id = "Q2"
name = "Quality 2"
kind = "quality"
value = 1000
"#,
    );
    let bids =
        [simple_bid("A", "900", &[("Q1", "10"), ("Q2", "0")]), simple_bid("B", "800", &[("Q1", "0"), ("Q2", "10")])];
    let e = evaluate(&tender, &bids).unwrap();
    let s = weight_sensitivity(&tender.lots[0], &e.lots[0]).unwrap();
    assert_eq!(s.winner, id("B"));
    assert_eq!(s.total, q(2000, 1));
    let q1 = s.criteria[0].winner.as_ref().unwrap();
    assert_eq!((q1.low.weight, q1.high.weight), (q(0, 1), q(1050, 1)));
    assert_eq!(q1.high.end, End::Overtaken { by: id("A") });
    let q2 = s.criteria[1].winner.as_ref().unwrap();
    assert_eq!((q2.low.weight, q2.high.weight), (q(950, 1), q(2000, 1)));
}

/// The serialised analysis of reference.md §2.4 (a) with C: the JSON other tools read.
#[test]
fn analysis_serialises() {
    let tender = price_quality(2);
    let bids = [
        simple_bid("A", "100", &[("Q", "7.0")]),
        simple_bid("B", "130", &[("Q", "8.5")]),
        simple_bid("C", "60", &[("Q", "2.0")]),
    ];
    let options = Options { samples: 1_000, seed: 3, ..Options::default() };
    let a = analyze(&tender, &bids, &options).unwrap();
    insta::assert_json_snapshot!("reference_example_a_json", a);
}

/// Totals relative to the best total (issue 12, rule 3) are not a weighted sum, and a bid's price
/// moves the best total: weight sensitivity, rank stability and break-even prices refuse, with the
/// reason. The price-model comparison evaluates each model, dropping the rule where the lowest
/// figure wins. A (100, 7.0) 66, B (130, 8.5) 903/13, C (60, 2.0) 52 become 100 × total / (903/13):
/// B 100, A 85800/903 ≈ 95.02, C 67600/903 ≈ 74.86.
#[test]
fn relative_total_refuses_the_analyses_that_recompute_totals() {
    let mut tender = price_quality(2);
    tender.lots[0].award.relative_total = true;
    let bids = [
        simple_bid("A", "100", &[("Q", "7.0")]),
        simple_bid("B", "130", &[("Q", "8.5")]),
        simple_bid("C", "60", &[("Q", "2.0")]),
    ];
    let e = evaluate(&tender, &bids).unwrap();
    let lot = &e.lots[0];
    let total = |b: &str| lot.bid(&id(b)).unwrap().total.unwrap().value;
    assert_eq!((total("B"), total("A"), total("C")), (d("100"), d("95.02"), d("74.86")));
    assert_eq!(weight_sensitivity(&tender.lots[0], lot).unwrap_err(), Reason::RelativeTotal);
    assert_eq!(rank_stability(&tender.lots[0], lot, &Options::default()).unwrap_err(), Reason::RelativeTotal);
    assert_eq!(break_even_prices(&tender, &tender.lots[0], lot).unwrap_err(), Reason::RelativeTotal);
    let options = Options { samples: 10, compare_price_models: true, ..Options::default() };
    let analysis = analyze(&tender, &bids, &options).unwrap();
    let Section::Done(models) = &analysis.lots[0].price_models else {
        panic!("the price-model comparison is computed: {:?}", analysis.lots[0].price_models)
    };
    // The tender's own model keeps its relative totals; price per quality point compares prices
    // per quality point, not relative totals.
    let own = models.variants.iter().find(|v| v.own).unwrap();
    let Outcome::Ranked { ranking, .. } = &own.outcome else { panic!("{:?}", own.outcome) };
    assert_eq!(ranking[0].figure, d("100"));
    let ppqp = models.variants.iter().find(|v| v.kind == "price-per-quality-point").unwrap();
    assert!(matches!(ppqp.outcome, Outcome::Ranked { .. }), "{:?}", ppqp.outcome);
}
