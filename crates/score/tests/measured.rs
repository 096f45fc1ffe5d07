//! Measured criteria and custom formulas (issue 18): hand-checked figures, rejections, bid order,
//! and properties: formula evaluation is exact, and a formula written to equal a preset rule gives
//! the preset's figures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use common::{bid, d, one_lot};
use proptest::prelude::*;
use tender_core::Bid;
use tender_core::compliance::Defect;
use tender_score::Exact;
use tender_score::result::{BidStatus, LotEvaluation};

fn award(measure: &str) -> String {
    format!(
        r#"
[lots.award]
price_model = {{ kind = "proportional" }}
scale = "0-10"
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 60
[[lots.award.criteria]]
id = "M"
name = "Measured"
kind = "quality"
description = "A stated value."
weight = 40
[lots.award.criteria.measure]
unit = "minutes"
{measure}
"#
    )
}

fn measured_bid(id: &str, price: &str, value: Option<&str>) -> Bid {
    let mut s = format!(
        r#"
id = "{id}"
tender = "T"
lot = "L1"
bidder = {{ id = "{id}-co", name = "Bidder {id}", country = "DK" }}
price = {{ total = "{price}" }}
"#
    );
    if let Some(v) = value {
        s.push_str(&format!("[[measures]]\ncriterion = \"M\"\nvalue = \"{v}\"\n"));
    }
    bid(&s)
}

fn evaluate(measure: &str, bids: &[Bid]) -> LotEvaluation {
    let tender = one_lot(&award(measure));
    let problems: Vec<_> = tender_core::validate::validate_tender(&tender)
        .into_iter()
        .filter(|p| p.level == tender_core::Level::Error)
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    tender_score::evaluate(&tender, bids).expect("evaluates").lots.remove(0)
}

fn points(e: &LotEvaluation, bid: &str) -> Exact {
    e.bid(&tender_core::Id::new(bid)).expect("the bid").criteria[0].points.exact
}

#[test]
fn linear_between_full_and_zero_points() {
    let m = r#"direction = "lower-is-better"
rule = { kind = "linear", full = 15, zero = 120 }"#;
    let e = evaluate(
        m,
        &[
            measured_bid("A", "100", Some("15")),
            measured_bid("B", "100", Some("50")),
            measured_bid("C", "100", Some("150")),
        ],
    );
    // 40 × (50 − 120) / (15 − 120) = 40 × 2/3 = 26.666…
    assert_eq!(points(&e, "A"), Exact::from_int(40).unwrap());
    assert_eq!(points(&e, "B"), Exact::new(80, 3).unwrap());
    assert_eq!(points(&e, "C"), Exact::ZERO);
}

#[test]
fn proportional_takes_the_best_of_the_bids_in_play() {
    let m = r#"direction = "lower-is-better"
min = 1
max = 100
rule = { kind = "proportional" }"#;
    // C states 0.5, below the acceptable minimum: it is rejected and sets no best value.
    let e = evaluate(
        m,
        &[
            measured_bid("A", "100", Some("4")),
            measured_bid("B", "100", Some("5")),
            measured_bid("C", "100", Some("0.5")),
        ],
    );
    assert_eq!(points(&e, "A"), Exact::from_int(40).unwrap());
    assert_eq!(points(&e, "B"), Exact::from_int(32).unwrap());
    let c = e.bid(&tender_core::Id::new("C")).unwrap();
    assert_eq!(c.status, BidStatus::Rejected);
    assert!(matches!(c.rejection[0], Defect::MeasureNotAcceptable { .. }));
}

#[test]
fn bands_and_a_missing_value() {
    let m = r#"direction = "higher-is-better"
rule = { kind = "bands", below = "reject", bands = [{ from = 99.95, score = 10 }, { from = 99.9, score = 7 }, { from = 99.5, score = 3 }] }"#;
    let e = evaluate(
        m,
        &[
            measured_bid("A", "100", Some("99.95")),
            measured_bid("B", "100", Some("99.93")),
            measured_bid("C", "100", Some("99.5")),
            measured_bid("D", "100", Some("99.49")),
            measured_bid("E", "100", None),
        ],
    );
    assert_eq!(points(&e, "A"), Exact::from_int(40).unwrap());
    assert_eq!(points(&e, "B"), Exact::from_int(28).unwrap());
    assert_eq!(points(&e, "C"), Exact::from_int(12).unwrap());
    let reject = |id: &str| e.bid(&tender_core::Id::new(id)).unwrap().rejection.clone();
    assert!(matches!(reject("D")[0], Defect::MeasureNotAcceptable { .. }));
    assert!(matches!(&reject("E")[0], Defect::MeasureMissing { criterion } if criterion.as_str() == "M"));
}

#[test]
fn a_formula_that_leaves_0_to_max_stops_with_the_criterion_named() {
    let m = r#"direction = "lower-is-better"
min = 1
max = 100
rule = { kind = "formula", formula = "max * (1 - (value - best) / best)" }"#;
    let tender = one_lot(&award(m));
    // 40 × (1 − (30 − 10) / 10) = −40: outside 0..40.
    let err =
        tender_score::evaluate(&tender, &[measured_bid("A", "100", Some("10")), measured_bid("B", "100", Some("30"))])
            .expect_err("the formula gives negative points");
    let text = err.to_string();
    assert!(text.contains("criterion `M`") && text.contains("outside 0 to 40"), "{text}");
    // `tender check` finds it before any bid: at the corners of the range.
    let problems = tender_score::measured::check_formulas(&tender);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].path.ends_with("measure.rule.formula"), "{problems:?}");
}

#[test]
fn a_formula_that_can_divide_by_zero_is_refused_at_check() {
    let m = r#"direction = "lower-is-better"
min = 1
max = 100
rule = { kind = "formula", formula = "min(max, max * best / (value - best + 0) )" }"#;
    let problems = tender_score::measured::check_formulas(&one_lot(&award(m)));
    assert!(problems.iter().any(|p| p.message.contains("divides by zero")), "{problems:?}");
}

#[test]
fn bid_order_never_changes_a_result() {
    let m = r#"direction = "lower-is-better"
min = 1
max = 100
rule = { kind = "formula", formula = "round_half_even(max * clamp(1 - (value - best) / (worst - best + 10), 0, 1), 3)" }"#;
    let bids = vec![
        measured_bid("A", "100", Some("4")),
        measured_bid("B", "120", Some("7.5")),
        measured_bid("C", "90", Some("12")),
    ];
    let forward = serde_json::to_string(&evaluate(m, &bids)).unwrap();
    let mut reversed = bids.clone();
    reversed.reverse();
    assert_eq!(forward, serde_json::to_string(&evaluate(m, &reversed)).unwrap());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// A formula written to equal the linear rule gives the linear rule's exact points.
    #[test]
    fn a_formula_equal_to_the_linear_rule_gives_its_figures(values in prop::collection::vec(1u32..2000, 2..6)) {
        let linear = r#"direction = "lower-is-better"
min = 0
max = 200
rule = { kind = "linear", full = 15, zero = 120 }"#;
        let formula = r#"direction = "lower-is-better"
min = 0
max = 200
rule = { kind = "formula", formula = "max * clamp((value - zero) / (full - zero), 0, 1)", constants = { full = 15, zero = 120 } }"#;
        let bids: Vec<Bid> = values.iter().enumerate()
            .map(|(i, v)| measured_bid(&format!("B{i}"), "100", Some(&(Exact::new(i128::from(*v), 10).unwrap().approx(1).to_string()))))
            .collect();
        let a = evaluate(linear, &bids);
        let b = evaluate(formula, &bids);
        for (x, y) in a.bids.iter().zip(&b.bids) {
            prop_assert_eq!(x.criteria[0].points.exact, y.criteria[0].points.exact);
            prop_assert_eq!(x.total, y.total);
        }
    }

    /// A formula written to equal the proportional rule gives its exact points, and the evaluation
    /// is exact: `best / value × max` is the fraction itself, never a rounded float.
    #[test]
    fn a_formula_equal_to_the_proportional_rule_gives_its_figures(values in prop::collection::vec(1u32..5000, 2..6)) {
        let proportional = r#"direction = "lower-is-better"
min = 0.1
max = 500
rule = { kind = "proportional" }"#;
        let formula = r#"direction = "lower-is-better"
min = 0.1
max = 500
rule = { kind = "formula", formula = "max * best / value" }"#;
        let bids: Vec<Bid> = values.iter().enumerate()
            .map(|(i, v)| measured_bid(&format!("B{i}"), "100", Some(&(Exact::new(i128::from(*v), 10).unwrap().approx(1).to_string()))))
            .collect();
        let a = evaluate(proportional, &bids);
        let b = evaluate(formula, &bids);
        let best = values.iter().min().copied().unwrap();
        for (x, y) in a.bids.iter().zip(&b.bids) {
            prop_assert_eq!(x.criteria[0].points.exact, y.criteria[0].points.exact);
        }
        for (i, v) in values.iter().enumerate() {
            let expected = Exact::from_int(40).unwrap()
                .checked_mul(Exact::new(i128::from(best), i128::from(*v)).unwrap()).unwrap();
            prop_assert_eq!(points(&b, &format!("B{i}")), expected);
        }
        let _ = d("0");
    }
}
