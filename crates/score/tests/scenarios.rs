//! Hand-checked scenarios: each expected number is computed by hand in the comment beside it.
#![allow(clippy::unwrap_used)]

mod common;

use common::{PRICE_QUALITY_40_60, bid, d, one_lot, simple_bid};
use tender_core::award::TieBreakRule;
use tender_score::result::{BidStatus, Exclusion, GateReason, Warning};
use tender_score::{evaluate, explain};

/// reference.md §2.4 (a): rank reversal under the proportional model. 60/40 quality/price on a
/// 0-10 scale, here as percentages: A (100, 7.0), B (130, 8.5), C (60, 2.0).
#[test]
fn rank_reversal_is_found_and_reported() {
    let tender = one_lot(PRICE_QUALITY_40_60);
    let a = simple_bid("A", "100", &[("Q", "7.0")]);
    let b = simple_bid("B", "130", &[("Q", "8.5")]);
    let c = simple_bid("C", "60", &[("Q", "2.0")]);

    // Without C: A = 40 × 100/100 + 60 × 7/10 = 82.00; B = 40 × 100/130 + 51 = 81.77 (30.769…+51).
    let without = evaluate(&tender, &[a.clone(), b.clone()]).unwrap();
    let lot = &without.lots[0];
    assert_eq!(lot.awarded, vec!["A".into()]);
    assert_eq!(lot.bid(&"A".into()).unwrap().total.unwrap().value, d("82.00"));
    assert_eq!(lot.bid(&"B".into()).unwrap().total.unwrap().value, d("81.77"));

    // With C: Pmin = 60. A = 40 × 60/100 + 42 = 66.00; B = 40 × 60/130 + 51 = 69.46 (18.4615…+51);
    // C = 40 + 12 = 52.00. B wins: C changed A against B without winning itself.
    let with = evaluate(&tender, &[c, b, a]).unwrap();
    let lot = &with.lots[0];
    assert_eq!(lot.awarded, vec!["B".into()]);
    assert_eq!(lot.bid(&"A".into()).unwrap().total.unwrap().value, d("66.00"));
    assert_eq!(lot.bid(&"B".into()).unwrap().total.unwrap().value, d("69.46"));
    assert_eq!(lot.bid(&"C".into()).unwrap().total.unwrap().value, d("52.00"));
    let rr = lot.rank_reversal.as_ref().unwrap();
    assert_eq!(rr.tried, vec!["C".into()]);
    assert_eq!(rr.reversals.len(), 1);
    assert_eq!(rr.reversals[0].removed, "C".into());
    assert_eq!(rr.reversals[0].was_ahead, "B".into());
    assert_eq!(rr.reversals[0].now_ahead, "A".into());
    assert!(lot.warnings.contains(&Warning::RankReversal { removed: "C".into() }));
    assert!(lot.warnings.contains(&Warning::RelativePriceModel { model: "proportional" }));

    // The derivation of B's price points: 40 × 60 / 130 = 18.46.
    let bres = lot.bid(&"B".into()).unwrap();
    let line = explain::explain_price_points(bres.price.as_ref().unwrap(), 2, &explain::Plain).unwrap();
    assert_eq!(line, "40 × 60 / 130 = 18.46");
}

/// A total exactly on a half rounds as the strategy says: 55 + 45 × (2+2+3)/3 / 10 = 55 + 10.5 =
/// 65.5. A 28-digit decimal computes 7/3 = 2.3333333333333333333333333333 and the total as
/// 65.499999999999999999999999999, which rounds half-up to 65; exact arithmetic gives 66.
#[test]
fn half_rounds_up_exactly() {
    let award = |strategy: &str| {
        format!(
            r#"
[lots.award]
price_model = {{ kind = "proportional" }}
scale = "0-10"
rounding = {{ decimals = 0, strategy = "{strategy}" }}
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 55
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
weight = 45
"#
        )
    };
    let b = bid(r#"
id = "A"
tender = "T"
lot = "L1"
bidder = { id = "a", name = "A", country = "DK" }
price = { total = 1000 }
[[scores]]
evaluator = "E1"
criterion = "Q"
score = 2
justification = "x"
[[scores]]
evaluator = "E2"
criterion = "Q"
score = 2
justification = "x"
[[scores]]
evaluator = "E3"
criterion = "Q"
score = 3
justification = "x"
"#);
    let total = |strategy: &str| {
        let e = evaluate(&one_lot(&award(strategy)), std::slice::from_ref(&b)).unwrap();
        e.lots[0].bids[0].total.unwrap()
    };
    assert_eq!(total("half-up").value, d("66"));
    assert_eq!(total("half-even").value, d("66")); // 65.5 → 66 (even)
    assert_eq!(total("half-down").value, d("65"));
    assert_eq!(total("down").value, d("65"));
    assert_eq!(total("half-up").exact.to_string(), "131/2");
}

/// Two bids whose exact totals are equal are a true tie, broken by the stated rule:
/// A = 50 × 100/100 + 50 × 6/10 = 80; B = 50 × 100/125 + 50 × 8/10 = 40 + 40 = 80.
#[test]
fn equal_totals_are_a_tie_broken_by_quality() {
    let award = r#"
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
"#;
    let e = evaluate(&one_lot(award), &[simple_bid("A", "100", &[("Q", "6")]), simple_bid("B", "125", &[("Q", "8")])])
        .unwrap();
    let lot = &e.lots[0];
    assert_eq!(lot.ties.len(), 1);
    assert_eq!(lot.ties[0].value, d("80.00"));
    assert_eq!(lot.ties[0].broken_by, Some(TieBreakRule::HigherQuality));
    assert!(lot.ties[0].resolved);
    assert_eq!(lot.awarded, vec!["B".into()]);
    assert_eq!(lot.bid(&"B".into()).unwrap().rank, Some(1));
    assert_eq!(lot.bid(&"A".into()).unwrap().rank, Some(2));
}

/// A tie the rules cannot break (drawing lots) is reported, both share the rank, and the single
/// award is not made by noise.
#[test]
fn unresolved_tie_at_the_cut_off_is_not_awarded() {
    let award = r#"
[lots.award]
price_model = { kind = "proportional" }
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
"#;
    let e = evaluate(&one_lot(award), &[simple_bid("A", "100", &[("Q", "6")]), simple_bid("B", "125", &[("Q", "8")])])
        .unwrap();
    let lot = &e.lots[0];
    assert!(lot.awarded.is_empty());
    assert_eq!(lot.bid(&"A".into()).unwrap().rank, Some(1));
    assert_eq!(lot.bid(&"B".into()).unwrap().rank, Some(1));
    assert!(!lot.ties[0].resolved);
    assert!(lot.warnings.contains(&Warning::UnresolvedTie { bids: vec!["A".into(), "B".into()] }));
    assert!(lot.warnings.contains(&Warning::TieAtAwardCutOff { bids: vec!["A".into(), "B".into()] }));
}

/// A criterion minimum excludes a bid before price, so its low price does not move Pmin.
#[test]
fn quality_threshold_applies_before_price() {
    let award = r#"
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
id = "Q"
name = "Quality"
kind = "quality"
weight = 60
minimum_score = 5
"#;
    let e = evaluate(
        &one_lot(award),
        &[
            simple_bid("CHEAP", "50", &[("Q", "4.5")]),
            simple_bid("A", "100", &[("Q", "7")]),
            simple_bid("B", "120", &[("Q", "9")]),
        ],
    )
    .unwrap();
    let lot = &e.lots[0];
    let cheap = lot.bid(&"CHEAP".into()).unwrap();
    assert_eq!(cheap.status, BidStatus::BelowQualityThreshold);
    assert!(
        matches!(&cheap.exclusion, Some(Exclusion::CriterionMinimum { criterion, .. }) if criterion.as_str() == "Q")
    );
    // Pmin = 100: A = 40 + 42 = 82.00; B = 40 × 100/120 + 54 = 33.33 + 54 = 87.33.
    assert_eq!(lot.lowest_price.unwrap().to_string(), "100");
    assert_eq!(lot.bid(&"B".into()).unwrap().total.unwrap().value, d("87.33"));
    assert_eq!(lot.awarded, vec!["B".into()]);
}

/// reference.md §2.4 (c): the IIA-safe models on A (100, 7.0), B (130, 8.5), C (60, 2.0).
#[test]
fn price_per_quality_point_and_value_added() {
    let ppqp = r#"
[lots.award]
price_model = { kind = "price-per-quality-point" }
scale = "0-10"
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
weight = 10
"#;
    let bids = [
        simple_bid("A", "100", &[("Q", "7.0")]),
        simple_bid("B", "130", &[("Q", "8.5")]),
        simple_bid("C", "60", &[("Q", "2.0")]),
    ];
    // Quality points = 10 × score/10 = the score. A 100/7 = 14.29, B 130/8.5 = 15.29, C 60/2 = 30.
    let e = evaluate(&one_lot(ppqp), &bids).unwrap();
    let lot = &e.lots[0];
    let fig = |id: &str| lot.bid(&id.into()).unwrap().total.unwrap().value;
    assert_eq!((fig("A"), fig("B"), fig("C")), (d("14.29"), d("15.29"), d("30.00")));
    assert_eq!(lot.awarded, vec!["A".into()]);
    assert!(lot.rank_reversal.is_none(), "independent of the other bids");

    // Value added, V = 50 for full marks: A 100 − 35 = 65, B 130 − 42.5 = 87.5, C 60 − 10 = 50.
    let va = r#"
[lots.award]
price_model = { kind = "value-added", mode = "deduction" }
scale = "0-10"
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
value = 50
"#;
    let e = evaluate(&one_lot(va), &bids).unwrap();
    let lot = &e.lots[0];
    let fig = |id: &str| lot.bid(&id.into()).unwrap().total.unwrap().value;
    assert_eq!((fig("A"), fig("B"), fig("C")), (d("65.00"), d("87.50"), d("50.00")));
    assert_eq!(lot.awarded, vec!["C".into()]);
    let c = lot.bid(&"C".into()).unwrap();
    assert_eq!(explain::explain_total(c, 2, &explain::Plain).unwrap(), "60 − 50 × 0.2 = 50.00");
}

/// The extended UfAB method: a 10 % corridor around the best Q/P, decided by higher quality.
/// A: Q/P = 7/100 = 0.07 (best); B: 8.5/130 = 0.0654, within 10 % (≥ 0.063); C: 2/60 = 0.0333, out.
/// In the corridor B has more quality, so B wins.
#[test]
fn extended_price_per_quality_point_corridor() {
    let award = r#"
[lots.award]
price_model = { kind = "price-per-quality-point", corridor = 10, decision = "higher-quality" }
scale = "0-10"
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
weight = 10
"#;
    let e = evaluate(
        &one_lot(award),
        &[
            simple_bid("A", "100", &[("Q", "7.0")]),
            simple_bid("B", "130", &[("Q", "8.5")]),
            simple_bid("C", "60", &[("Q", "2.0")]),
        ],
    )
    .unwrap();
    let lot = &e.lots[0];
    let order: Vec<&str> = lot.bids.iter().map(|b| b.bid.as_str()).collect();
    assert_eq!(order, vec!["B", "A", "C"]);
    assert_eq!(lot.awarded, vec!["B".into()]);
}

/// Life-cycle cost: one-off 200 000 + 233 000 per year × 72/12 + option 50 000 = 1 648 000.
#[test]
fn life_cycle_cost_with_options() {
    let tender = common::tender(
        r#"
id = "T"
title = "Test"
buyer = { name = "Buyer", country = "DK" }
procedure = "open"
currency = "DKK"
languages = ["en"]
contract = { duration_months = 72, options = [{ id = "O1", description = "More" }] }
[[lots]]
id = "L1"
title = "Lot"
[lots.award]
price_model = { kind = "proportional" }
price_basis = { kind = "life-cycle-cost" }
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 100
"#,
    );
    let b = bid(r#"
id = "A"
tender = "T"
lot = "L1"
bidder = { id = "a", name = "A", country = "DK" }
price = { total = 1600000, schedule = { one_off = 200000, recurring_per_year = 233000 }, options = [{ option = "O1", price = 50000 }] }
"#);
    let e = evaluate(&tender, &[b]).unwrap();
    let p = e.lots[0].bids[0].price.as_ref().unwrap();
    assert_eq!(p.evaluated.value, d("1648000.00"));
    assert_eq!(
        explain::explain_price_basis(p, 2, &explain::Plain),
        "200 000 (one-off) + 233 000 (per year) × 72 / 12 + 50 000 (O1) = 1 648 000"
    );
}

/// Gates: the objective SEAL is the lowest answer and the overall SEAL the lowest objective; every
/// failure is reported with its reason, and a failed bid is out before quality and price.
#[test]
fn gates_report_every_reason() {
    let tender = common::tender(
        r#"
id = "T"
title = "Test"
buyer = { name = "Buyer", country = "DK" }
procedure = "open"
currency = "EUR"
languages = ["en"]
contract = { duration_months = 48 }
[[requirements]]
id = "R-SEAL"
title = "SEAL"
severity = "minimum"
sovereignty = { minimum_each = "SEAL-2", minimum_overall = "SEAL-2" }
[[requirements]]
id = "R-HOST"
title = "Hosting"
severity = "premise"
hosting = { data_locations = ["EU"], allowed_models = ["eu-cloud"] }
[[requirements]]
id = "R-EXIT"
title = "Exit"
severity = "minimum"
exit = { exit_plan = true, max_horizon_months = 9 }
[[lots]]
id = "L1"
title = "Lot"
[lots.award]
price_model = { kind = "proportional" }
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 100
"#,
    );
    let answers = r#"
[[answers]]
requirement = "R-SEAL"
met = true
[[answers]]
requirement = "R-HOST"
met = true
[[answers]]
requirement = "R-EXIT"
met = true
"#;
    let sov = |supply_chain: &str| {
        let mut s = String::from("[sovereignty.objectives]\n");
        for n in 1..=8 {
            if n == 5 {
                s.push_str(&format!(
                    "SOV-5 = {{ answers = [{{ criterion = \"SOV-5.1\", seal = \"SEAL-3\", points = 143 }}, {{ criterion = \"SOV-5.2\", seal = \"{supply_chain}\", points = 20 }}] }}\n"
                ));
            } else {
                s.push_str(&format!("SOV-{n} = {{ seal = \"SEAL-3\", points = 600 }}\n"));
            }
        }
        s
    };
    let good = bid(&format!(
        r#"
id = "GOOD"
tender = "T"
lot = "L1"
bidder = {{ id = "g", name = "Good", country = "DE" }}
price = {{ total = 100 }}
hosting = {{ model = "eu-cloud", data_locations = ["DE", "FI"] }}
exit = {{ plan = true, horizon_months = 9 }}
{answers}
{}
"#,
        sov("SEAL-2")
    ));
    let bad = bid(&format!(
        r#"
id = "BAD"
tender = "T"
lot = "L1"
bidder = {{ id = "b", name = "Bad", country = "IE" }}
price = {{ total = 50 }}
hosting = {{ model = "public-cloud", data_locations = ["IE", "US"] }}
exit = {{ plan = true, horizon_months = 18 }}
{answers}
{}
"#,
        sov("SEAL-1")
    ));
    let e = evaluate(&tender, &[good, bad]).unwrap();
    let lot = &e.lots[0];
    let bad = lot.bid(&"BAD".into()).unwrap();
    assert_eq!(bad.status, BidStatus::FailedGate);
    let reasons: Vec<&GateReason> = bad.gates.iter().flat_map(|g| &g.reasons).collect();
    assert!(reasons.contains(&&GateReason::ObjectiveSealBelowMinimum {
        objective: tender_core::Objective::SupplyChain,
        seal: Some(tender_core::Seal::Seal1),
        minimum: tender_core::Seal::Seal2,
    }));
    assert!(reasons.contains(&&GateReason::OverallSealBelowMinimum {
        seal: Some(tender_core::Seal::Seal1),
        minimum: tender_core::Seal::Seal2
    }));
    assert!(
        reasons.contains(&&GateReason::DataLocationNotAllowed { location: Some(tender_core::Location::new("US")) })
    );
    assert!(reasons.iter().any(|r| matches!(r, GateReason::HostingModelNotAllowed { .. })));
    assert!(reasons.contains(&&GateReason::ExitHorizonTooLong { offered: Some(18), maximum: 9 }));
    // The failed bid's low price does not count: GOOD alone gets full price points.
    let good = lot.bid(&"GOOD".into()).unwrap();
    assert_eq!(good.total.unwrap().value, d("100.00"));
    assert_eq!(lot.awarded, vec!["GOOD".into()]);
}

/// A zero price under a relative model, a missing score and an order-of-importance lot are clear
/// errors, all reported at once.
#[test]
fn bad_inputs_are_errors_not_panics() {
    let tender = one_lot(PRICE_QUALITY_40_60);
    let err = evaluate(&tender, &[simple_bid("Z", "0", &[("Q", "5")]), simple_bid("N", "100", &[])]).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("bid N: the criterion `Q` has no evaluator score"), "{text}");
    assert_eq!(err.issues.len(), 1, "price is only checked once quality is complete: {text}");
    let err =
        evaluate(&tender, &[simple_bid("Z", "0", &[("Q", "5")]), simple_bid("N", "100", &[("Q", "5")])]).unwrap_err();
    assert!(err.to_string().contains("bid Z: the evaluated price 0.00 is not above zero"), "{err}");
}

/// The sovereignty score with the v1.2.1 weights, reference.md §1.4 worked example: 66.50 %.
#[test]
fn sovereignty_score_worked_example() {
    let award = r#"
[lots.award]
price_model = { kind = "proportional" }
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 65
[[lots.award.criteria]]
id = "S"
name = "Sovereignty"
kind = "quality"
weight = 35
sovereignty = { weights = "csf-v1.2.1" }
"#;
    let points = [700, 800, 900, 650, 300, 850, 750, 600];
    let mut s = String::from(
        "id = \"A\"\ntender = \"T\"\nlot = \"L1\"\nbidder = { id = \"a\", name = \"A\", country = \"DK\" }\nprice = { total = 10 }\n[sovereignty.objectives]\n",
    );
    for (n, p) in points.iter().enumerate() {
        s.push_str(&format!("SOV-{} = {{ seal = \"SEAL-3\", points = {p} }}\n", n + 1));
    }
    let e = evaluate(&one_lot(award), &[bid(&s)]).unwrap();
    let c = &e.lots[0].bids[0].criteria[0];
    assert_eq!(c.score.to_string(), "133/2"); // 66.5 %
    // 35 × 66.5 % = 23.275 → 23.28 (half-up); total 65 + 23.275 = 88.275 → 88.28.
    assert_eq!(c.points.value, d("23.28"));
    assert_eq!(e.lots[0].bids[0].total.unwrap().value, d("88.28"));
    assert_eq!(explain::explain_criterion(c, 2, &explain::Plain), "35 × 66.5 % = 23.28");
    let lines = explain::explain_sovereignty(c, 2, &explain::Plain);
    assert_eq!(lines[0], "SOV-1: 700 / 1000 × 15 = 10.5");
}

/// Rounding at the ratio step: the price ratio 100/130 = 0.769… is rounded to 0.77 before it is
/// weighted, as some published models do: 40 × 0.77 = 30.80 (not 30.77).
#[test]
fn rounding_at_the_ratio_step() {
    let award = r#"
[lots.award]
price_model = { kind = "proportional" }
rounding = { decimals = 2, at = "ratio" }
tie_break = ["drawing-lots"]
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
"#;
    let e = evaluate(&one_lot(award), &[simple_bid("A", "100", &[("Q", "5")]), simple_bid("B", "130", &[("Q", "5")])])
        .unwrap();
    let b = e.lots[0].bid(&"B".into()).unwrap();
    assert_eq!(b.price.as_ref().unwrap().points.unwrap().value, d("30.80"));
}

/// A bidder that wins two lots when it may be awarded one keeps the more valuable lot; the other
/// goes to the next ranked bid, and the report says so.
#[test]
fn lot_limit_passes_the_bidder_over_in_later_lots() {
    let lot = |id: &str, value: u32| {
        format!(
            r#"
[[lots]]
id = "{id}"
title = "Lot {id}"
estimated_value = {value}
[lots.award]
price_model = {{ kind = "proportional" }}
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "{id}-P"
name = "Price"
kind = "price"
weight = 100
"#
        )
    };
    let tender = common::tender(&format!(
        r#"
id = "T"
title = "Test"
buyer = {{ name = "Buyer", country = "DK" }}
procedure = "open"
currency = "DKK"
languages = ["en"]
contract = {{ duration_months = 12 }}
max_lots_awarded_per_bidder = 1
lot_award_order = "highest-estimated-value"
{}{}"#,
        lot("SMALL", 100),
        lot("BIG", 900)
    ));
    let b = |id: &str, lot: &str, bidder: &str, price: u32| {
        bid(&format!(
            "id = \"{id}\"\ntender = \"T\"\nlot = \"{lot}\"\nbidder = {{ id = \"{bidder}\", name = \"{bidder}\", country = \"DK\" }}\nprice = {{ total = {price} }}\n"
        ))
    };
    let e = evaluate(
        &tender,
        &[
            b("S1", "SMALL", "ACME", 10),
            b("S2", "SMALL", "OTHER", 12),
            b("B1", "BIG", "ACME", 90),
            b("B2", "BIG", "THIRD", 95),
        ],
    )
    .unwrap();
    // BIG is awarded first (higher estimated value): ACME wins it, so in SMALL it is passed over.
    assert_eq!(e.lots[1].awarded, vec!["B1".into()]);
    assert_eq!(e.lots[0].awarded, vec!["S2".into()]);
    let s1 = e.lots[0].bid(&"S1".into()).unwrap();
    assert!(s1.passed_over && !s1.awarded);
    assert_eq!(s1.rank, Some(1));
    assert!(e.lots[0].warnings.contains(&Warning::PassedOver {
        bid: "S1".into(),
        bidder: "ACME".into(),
        won: vec!["BIG".into()]
    }));
    assert!(e.warnings.is_empty());
}

/// The rank-reversal check removes each bid whose removal changes a reference price the model
/// reads: the lowest under the proportional model, the lowest and the highest under min-max, and
/// every bid under a formula that reads the mean (each bid moves it). Removing a bid that sets no
/// reference the model reads cannot reorder the others, so it is not tried. A (100, 9) wins; B
/// (80, 3) has the lowest price, D (150, 6) the highest, C (120, 5) neither.
#[test]
fn rank_reversal_tries_the_bids_that_set_a_reference_the_model_reads() {
    let bids = [
        simple_bid("A", "100", &[("Q", "9")]),
        simple_bid("B", "80", &[("Q", "3")]),
        simple_bid("C", "120", &[("Q", "5")]),
        simple_bid("D", "150", &[("Q", "6")]),
    ];
    let tried = |model: &str| {
        let award = PRICE_QUALITY_40_60.replace(r#"price_model = { kind = "proportional" }"#, model);
        let e = evaluate(&one_lot(&award), &bids).unwrap();
        let lot = &e.lots[0];
        assert_eq!(lot.awarded, vec!["A".into()], "{model}");
        let mut tried: Vec<String> =
            lot.rank_reversal.as_ref().unwrap().tried.iter().map(ToString::to_string).collect();
        tried.sort();
        tried
    };
    assert_eq!(tried(r#"price_model = { kind = "proportional" }"#), ["B"]);
    assert_eq!(tried(r#"price_model = { kind = "min-max" }"#), ["B", "D"]);
    assert_eq!(
        tried(r#"price_model = { kind = "formula", formula = "max * clamp(1 - (price - mean) / mean, 0, 1)" }"#),
        ["B", "C", "D"]
    );
}
