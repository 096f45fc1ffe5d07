//! A real competition: defective bids are rejected with their reasons and the rest evaluated; the
//! sovereignty record of every bid; close calls. Each expected number is worked out by hand in the
//! comment beside it.
#![allow(clippy::unwrap_used)]

mod common;

use common::{PRICE_QUALITY_40_60, bid, d, one_lot, one_lot_with, simple_bid, tender};
use tender_core::Seal;
use tender_core::award::RoundingStrategy;
use tender_core::compliance::Defect;
use tender_core::tender::OverLimitRule;
use tender_score::evaluate;
use tender_score::result::{BidStatus, CloseCall, Warning};

/// A rejected bid's low price is not the lowest price the others are measured against.
#[test]
fn a_rejected_bid_sets_no_reference_and_takes_no_rank() {
    let tender = one_lot(PRICE_QUALITY_40_60);
    let mut late = simple_bid("C", "50", &[("Q", "9")]);
    late.price.total = None;
    let bids = [simple_bid("A", "100", &[("Q", "8")]), simple_bid("B", "80", &[("Q", "6")]), late];
    let e = evaluate(&tender, &bids).unwrap();
    let lot = &e.lots[0];
    // Without C, the lowest price is B's 80: A = 40 × 80/100 + 60 × 0.8 = 32 + 48 = 80; B = 40 + 36 = 76.
    assert_eq!(lot.lowest_price.unwrap().to_string(), "80");
    assert_eq!(lot.bid(&"A".into()).unwrap().total.unwrap().value, d("80"));
    assert_eq!(lot.awarded, vec!["A".into()]);
    let c = lot.bid(&"C".into()).unwrap();
    assert_eq!(c.status, BidStatus::Rejected);
    assert_eq!(c.rank, None);
    assert_eq!(c.rejection, vec![Defect::NoPrice]);
    // Its marks stay in the result: nothing it sent is lost.
    assert_eq!(c.quality.unwrap().value, d("54"));
}

/// The order of the bids never changes who is rejected or the result.
#[test]
fn rejections_do_not_depend_on_bid_order() {
    let t = tender(
        r#"
id = "T"
title = "Test"
buyer = { name = "Buyer", country = "DK" }
procedure = "open"
currency = "DKK"
languages = ["en"]
contract = { duration_months = 12 }
max_lots_per_bidder = 1
[[lots]]
id = "L1"
title = "One"
[lots.award]
price_model = { kind = "proportional" }
tie_break = ["lower-price"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 100
[[lots]]
id = "L2"
title = "Two"
[lots.award]
price_model = { kind = "proportional" }
tie_break = ["lower-price"]
[[lots.award.criteria]]
id = "P2"
name = "Price"
kind = "price"
weight = 100
"#,
    );
    let b = |id: &str, lot: &str, bidder: &str, priority: Option<u32>| {
        let p = priority.map(|p| format!("priority = {p}\n")).unwrap_or_default();
        bid(&format!(
            "id = \"{id}\"\ntender = \"T\"\nlot = \"{lot}\"\n{p}bidder = {{ id = \"{bidder}\", name = \"{bidder}\", country = \"DK\" }}\nprice = {{ total = 100 }}\n"
        ))
    };
    let mut bids = vec![
        b("X1", "L1", "x", Some(2)),
        b("X2", "L2", "x", Some(1)),
        b("Y1", "L1", "y", None),
        b("Y1b", "L1", "y", None),
        b("Z2", "L2", "z", None),
    ];
    let first = serde_json::to_string(&evaluate(&t, &bids).unwrap()).unwrap();
    bids.reverse();
    let again = evaluate(&t, &bids).unwrap();
    assert_eq!(first, serde_json::to_string(&again).unwrap());
    // Reject-all (the default): both of x's bids; y's two bids for L1 are both rejected (no
    // alternative offers), so Z2 alone is ranked in L2 and nobody in L1.
    let status = |lot: usize, id: &str| again.lots[lot].bid(&id.into()).unwrap().status;
    assert_eq!(status(0, "X1"), BidStatus::Rejected);
    assert_eq!(status(1, "X2"), BidStatus::Rejected);
    assert_eq!(status(0, "Y1"), BidStatus::Rejected);
    assert!(
        matches!(&again.lots[0].bid(&"Y1".into()).unwrap().rejection[..], [Defect::SecondBidForLot { others }] if others == &vec!["Y1b".into()])
    );
    assert_eq!(again.lots[1].awarded, vec!["Z2".into()]);

    // Keep by priority: x put L2 first, so X2 is kept and X1 rejected.
    let mut t2 = t.clone();
    t2.over_lot_limit = OverLimitRule::KeepByPriority;
    let e = evaluate(&t2, &bids).unwrap();
    assert_eq!(e.lots[0].bid(&"X1".into()).unwrap().status, BidStatus::Rejected);
    assert!(
        matches!(&e.lots[0].bid(&"X1".into()).unwrap().rejection[..], [Defect::TooManyLots { kept, .. }] if kept == &vec!["L2".into()])
    );
    assert_eq!(e.lots[1].bid(&"X2".into()).unwrap().status, BidStatus::Ranked);
}

/// A bid received after the deadline is rejected; one received the same day without a time
/// cannot be told late and is evaluated (validation warns about it).
#[test]
fn late_bids_are_rejected_when_the_times_say_so() {
    let mut t = one_lot(PRICE_QUALITY_40_60);
    t.submission_deadline = Some("2026-03-02T12:00".parse().unwrap());
    let mut late = simple_bid("L", "90", &[("Q", "7")]);
    late.submitted = Some("2026-03-02T12:01".parse().unwrap());
    let mut same_day = simple_bid("S", "95", &[("Q", "7")]);
    same_day.submitted = Some("2026-03-02".parse().unwrap());
    let mut early = simple_bid("E", "100", &[("Q", "7")]);
    early.submitted = Some("2026-03-01T16:00".parse().unwrap());
    let e = evaluate(&t, &[late, same_day, early]).unwrap();
    let lot = &e.lots[0];
    assert!(matches!(lot.bid(&"L".into()).unwrap().rejection[..], [Defect::Late { .. }]));
    assert_eq!(lot.bid(&"S".into()).unwrap().status, BidStatus::Ranked);
    assert_eq!(lot.bid(&"E".into()).unwrap().status, BidStatus::Ranked);
    let warnings = tender_core::validate::validate_bid(&t, &simple_bid_at("S", "2026-03-02"));
    assert!(warnings.iter().any(|p| p.path == "submitted" && p.level == tender_core::Level::Warning), "{warnings:?}");
}

fn simple_bid_at(id: &str, when: &str) -> tender_core::Bid {
    let mut b = simple_bid(id, "95", &[("Q", "7")]);
    b.submitted = Some(when.parse().unwrap());
    b
}

const SOVEREIGNTY: &str = r#"
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

fn sovereignty_bid(id: &str, objectives: &str) -> tender_core::Bid {
    bid(&format!(
        "id = \"{id}\"\ntender = \"T\"\nlot = \"L1\"\nbidder = {{ id = \"{id}\", name = \"{id}\", country = \"DK\" }}\nprice = {{ total = 10 }}\n{objectives}"
    ))
}

/// Regression: objective points above 1000 were capped. The calculator's rounded answer values sum
/// to 1002 for SOV-2 (6 × 167), and the calculator does not clamp (reference.md §1.4): the score
/// counts 1002 / 1000.
#[test]
fn objective_points_above_1000_are_not_capped() {
    let mut s = String::from("[sovereignty.objectives]\n");
    for n in 1..=8 {
        let points = if n == 2 { 1002 } else { 1000 };
        s.push_str(&format!("SOV-{n} = {{ seal = \"SEAL-4\", points = {points} }}\n"));
    }
    let e = evaluate(&one_lot(SOVEREIGNTY), &[sovereignty_bid("A", &s)]).unwrap();
    let b = &e.lots[0].bids[0];
    // 100 % less SOV-2's 10 %, plus 1002 / 1000 × 10 = 10.02: 100.02 %.
    assert_eq!(b.criteria[0].score.to_string(), "5001/50");
    assert!(e.lots[0].warnings.iter().any(|w| matches!(w, Warning::PointsAboveMaximum { .. })));
    // 35 × 100.02 % = 35.007 → 35.01.
    assert_eq!(b.criteria[0].points.value, d("35.01"));
}

/// A self-assessment on a 0-3 scale is converted exactly: 1 of 3 in every objective is a third.
#[test]
fn another_scale_is_converted_exactly() {
    let mut s = String::from("[sovereignty]\npoints_out_of = 3\n[sovereignty.objectives]\n");
    for n in 1..=8 {
        s.push_str(&format!("SOV-{n} = {{ seal = \"SEAL-2\", points = 1 }}\n"));
    }
    let e = evaluate(&one_lot(SOVEREIGNTY), &[sovereignty_bid("A", &s)]).unwrap();
    let c = &e.lots[0].bids[0].criteria[0];
    assert_eq!(c.score.to_string(), "100/3");
    assert_eq!(
        tender_score::explain::explain_sovereignty(c, 2, &tender_score::explain::Plain)[0],
        "SOV-1: 1 / 3 × 15 = 5"
    );
}

/// Every bid's SEALs are in the result; a points-only assessment has none, and a SEAL minimum
/// then fails as "not stated", never with an invented level.
#[test]
fn every_bid_has_its_seal_record() {
    let t = one_lot_with(
        "",
        &format!(
            "{SOVEREIGNTY}\n[[lots.requirements]]\nid = \"R\"\ntitle = \"SEAL\"\nseverity = \"minimum\"\nsovereignty = {{ minimum_each = \"SEAL-2\" }}\n"
        ),
    );
    let answer = "[[answers]]\nrequirement = \"R\"\nmet = true\n";
    let mut with = format!("{answer}[sovereignty.objectives]\n");
    let mut points_only = with.clone();
    for n in 1..=8 {
        let seal = if n == 5 { "SEAL-2" } else { "SEAL-3" };
        with.push_str(&format!("SOV-{n} = {{ seal = \"{seal}\", points = 700 }}\n"));
        points_only.push_str(&format!("SOV-{n} = {{ points = 700 }}\n"));
    }
    let e = evaluate(&t, &[sovereignty_bid("A", &with), sovereignty_bid("B", &points_only)]).unwrap();
    let a = e.lots[0].bid(&"A".into()).unwrap().sovereignty.clone().unwrap();
    assert_eq!(a.overall, Some(Seal::Seal2));
    assert_eq!(a.objectives[4].1, Some(Seal::Seal2));
    assert_eq!(a.objectives[0].1, Some(Seal::Seal3));
    let b = e.lots[0].bid(&"B".into()).unwrap();
    assert_eq!(b.sovereignty.as_ref().unwrap().overall, None);
    assert_eq!(b.status, BidStatus::FailedGate);
    let json = serde_json::to_string(&e).unwrap();
    assert!(json.contains(r#""overall":"SEAL-2""#), "{json}");
}

/// A lot whose last awarded and first not awarded bids are 0.05 points apart, where one mark one
/// step lower would change the award, is a close call; the same lot with a clear winner is not.
#[test]
fn close_calls_are_flagged_and_only_then() {
    let award = r#"
[lots.award]
price_model = { kind = "proportional" }
scale = "0-10"
quality = { aggregation = "mean" }
tie_break = ["higher-quality", "lower-price"]
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
    let t = one_lot(award);
    let marked = |id: &str, price: &str, marks: [u8; 3]| {
        let mut s = format!(
            "id = \"{id}\"\ntender = \"T\"\nlot = \"L1\"\nbidder = {{ id = \"{id}\", name = \"{id}\", country = \"DK\" }}\nprice = {{ total = {price} }}\n"
        );
        for (e, m) in ["E1", "E2", "E3"].iter().zip(marks) {
            s.push_str(&format!(
                "[[scores]]\nevaluator = \"{e}\"\ncriterion = \"Q\"\nscore = {m}\njustification = \"x\"\n"
            ));
        }
        bid(&s)
    };
    // A: 50 × 1 000 / 1 000 + 50 × 7 / 10 = 85. B: 50 × 1 000 / 1 001 + 35 = 49.95004… + 35 =
    // 84.95004…, published 84.95: 0.05 behind A, under the default threshold of 1 % of 100 points.
    let a = marked("A", "1000", [7, 7, 7]);
    let b = marked("B", "1001", [7, 7, 7]);
    let e = evaluate(&t, &[a.clone(), b]).unwrap();
    let lot = &e.lots[0];
    assert_eq!(lot.awarded, vec!["A".into()]);
    let margin = lot.close_calls.iter().find_map(|c| match c {
        CloseCall::Margin { margin, threshold, .. } => Some((*margin, *threshold)),
        _ => None,
    });
    assert_eq!(margin, Some((d("0.05"), d("1"))));
    // One of A's marks one step lower: 50 + 50 × 20/30 = 83.33 < 84.95: B wins.
    let flip = lot.close_calls.iter().find_map(|c| match c {
        CloseCall::MarkFlip { bid, from, to, awarded, .. } if bid.as_str() == "A" => {
            Some((*from, *to, awarded.clone()))
        }
        _ => None,
    });
    assert_eq!(flip, Some((d("7"), d("6"), vec!["B".into()])));

    // A clear winner: B far dearer and weaker.
    let far = marked("B", "1500", [5, 5, 5]);
    let e = evaluate(&t, &[a, far]).unwrap();
    assert!(e.lots[0].close_calls.is_empty(), "{:?}", e.lots[0].close_calls);
}

/// Another rounding can change the award. A: 50 + 50 × 6.001 / 10 = 80.005, published 80.01
/// (half-up); B: 50 + 50 × 6 / 10 = 80.00. Rounded down, or half to even, or to fewer decimals, both
/// are 80.00 and the tie cannot be broken (drawing lots), so nobody is awarded.
#[test]
fn a_rounding_that_changes_the_award_is_a_close_call() {
    let award = r#"
[lots.award]
price_model = { kind = "proportional" }
scale = "0-10"
rounding = { decimals = 2, at = "total", strategy = "half-up" }
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
    let t = one_lot(award);
    let e =
        evaluate(&t, &[simple_bid("A", "1000", &[("Q", "6.001")]), simple_bid("B", "1000", &[("Q", "6")])]).unwrap();
    let lot = &e.lots[0];
    assert_eq!(lot.awarded, vec!["A".into()]);
    let rounding: Vec<(u32, RoundingStrategy, usize)> = lot
        .close_calls
        .iter()
        .filter_map(|c| match c {
            CloseCall::Rounding { decimals, strategy, awarded } => Some((*decimals, *strategy, awarded.len())),
            _ => None,
        })
        .collect();
    assert!(rounding.contains(&(2, RoundingStrategy::Down, 0)), "{rounding:?}");
    assert!(rounding.contains(&(2, RoundingStrategy::HalfEven, 0)), "{rounding:?}");
    assert!(rounding.contains(&(1, RoundingStrategy::HalfUp, 0)), "{rounding:?}");
    // Rounding up keeps A ahead (80.01 against 80.00).
    assert!(!rounding.iter().any(|(_, s, _)| *s == RoundingStrategy::Up), "{rounding:?}");
}

/// A quality criterion weighing 0 with a minimum is a threshold only (a first stage on quality,
/// then award on the other criteria): below its minimum a bid is excluded before price, above it
/// the criterion gives no points. A: 40 × 1 + 60 × 0.5 = 70; B: 40 × 100/120 + 60 × 0.8 = 81.33…;
/// C scores 3 on the gate, under its minimum of 5, and is out although it is the cheapest.
#[test]
fn a_threshold_only_criterion_gates_and_gives_no_points() {
    let award = r#"
[lots.award]
price_model = { kind = "proportional" }
scale = "0-10"
tie_break = ["lower-price"]
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
[[lots.award.criteria]]
id = "GATE"
name = "Security baseline"
kind = "quality"
weight = 0
minimum_score = 5
"#;
    let t = one_lot(award);
    // Valid; the warnings (no descriptions, a scale without descriptors) do not matter here.
    assert!(!tender_core::validate::has_errors(&tender_core::validate::validate_tender(&t)));
    let e = evaluate(
        &t,
        &[
            simple_bid("A", "100", &[("Q", "5"), ("GATE", "9")]),
            simple_bid("B", "120", &[("Q", "8"), ("GATE", "5")]),
            simple_bid("C", "80", &[("Q", "10"), ("GATE", "3")]),
        ],
    )
    .unwrap();
    let lot = &e.lots[0];
    assert_eq!(lot.bid(&"C".into()).unwrap().status, BidStatus::BelowQualityThreshold);
    // C is out before price, so A's 100 is the lowest price.
    assert_eq!(lot.bid(&"A".into()).unwrap().total.unwrap().value, d("70"));
    assert_eq!(lot.bid(&"B".into()).unwrap().total.unwrap().value, d("81.33"));
    assert_eq!(lot.awarded, vec!["B".into()]);
    // Without a minimum, a weight of 0 is still refused.
    let bad = one_lot(&award.replace("minimum_score = 5\n", ""));
    let problems = tender_core::validate::validate_tender(&bad);
    assert!(problems.iter().any(|p| p.path == "lots[0].award.criteria[2].weight"), "{problems:?}");
}

/// The result says how many of the calculator's criteria each objective's points come from
/// (issue 12, rule 8): SOV-1 from three answers (125 + 62.5 + 41.67 = 229.17), the others from
/// the summary the bidder gave.
#[test]
fn the_sovereignty_result_counts_the_answers() {
    let mut s = String::from(
        "[[sovereignty.objectives.SOV-1.answers]]\ncriterion = \"SOV-1.1\"\nseal = \"SEAL-4\"\npoints = 125\n\
         [[sovereignty.objectives.SOV-1.answers]]\ncriterion = \"SOV-1.2\"\nseal = \"SEAL-2\"\npoints = 62.5\n\
         [[sovereignty.objectives.SOV-1.answers]]\ncriterion = \"SOV-1.3\"\nseal = \"SEAL-2\"\npoints = 41.67\n",
    );
    for n in 2..=8 {
        s.push_str(&format!("[sovereignty.objectives.SOV-{n}]\nseal = \"SEAL-3\"\npoints = 700\n"));
    }
    let e = evaluate(&one_lot(SOVEREIGNTY), &[sovereignty_bid("A", &s)]).unwrap();
    let tender_score::result::ScoreBasis::Sovereignty { objectives } = &e.lots[0].bids[0].criteria[0].basis else {
        panic!("a sovereignty score")
    };
    assert_eq!(objectives[0].answered, Some(3));
    assert_eq!(objectives[0].points, d("229.17"));
    assert_eq!(objectives[1].answered, None);
    assert_eq!(e.lots[0].bids[0].sovereignty.as_ref().unwrap().overall, Some(Seal::Seal2));
}

/// What the bids' author got wrong in the field (an id given twice, a lot the tender does not
/// have) stops the evaluation with every such issue, named by bid, in the order of the bids' ids
/// whatever the order they were given in.
#[test]
fn repeated_ids_and_unknown_lots_are_each_reported_in_id_order() {
    let tender = one_lot(PRICE_QUALITY_40_60);
    let mut elsewhere = simple_bid("A", "90", &[("Q", "7")]);
    elsewhere.lot = "L9".into();
    let bids = [
        simple_bid("C", "100", &[("Q", "8")]),
        elsewhere,
        simple_bid("B", "80", &[("Q", "6")]),
        simple_bid("C", "70", &[("Q", "5")]),
    ];
    let issues = |bids: &[tender_core::Bid]| {
        let e = evaluate(&tender, bids).unwrap_err();
        e.issues.iter().map(|i| format!("{:?} {}", i.bid, i.message)).collect::<Vec<_>>()
    };
    let expected = [r#"Some(Id("C")) two bids have this id"#, r#"Some(Id("A")) the tender has no lot `L9`"#];
    assert_eq!(issues(&bids), expected);
    let mut reversed = bids.to_vec();
    reversed.reverse();
    assert_eq!(issues(&reversed), expected);
}
