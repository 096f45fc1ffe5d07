//! Properties of the evaluation, checked on generated lots: a lower price never gives fewer price
//! points; bid order never changes a result; points stay within their bounds; for models
//! independent of the other bids, adding a bid never reorders the others; output is byte-identical
//! run to run; the close-call check of another rounding agrees with evaluating under it.
#![allow(clippy::unwrap_used)]

mod common;

use proptest::prelude::*;
use rust_decimal::Decimal;
use tender_core::{Bid, Tender};
use tender_score::{Exact, evaluate};

const POINTS_MODELS: [&str; 9] = [
    "{ kind = \"proportional\" }",
    "{ kind = \"linear-slope\", slope = 60 }",
    "{ kind = \"linear-from-lowest\", floor_at_zero = true }",
    "{ kind = \"min-max\" }",
    "{ kind = \"fixed-span\", low = 0, high = 120000 }",
    "{ kind = \"logarithmic\", zero_at = 100 }",
    "{ kind = \"formula\", formula = \"max * lowest / price\" }",
    "{ kind = \"formula\", formula = \"round_half_up(max * clamp(1 - (price - lowest) / (0.6 * lowest), 0, 1), 2)\" }",
    "{ kind = \"linear-from-lowest\" }",
];

const INDEPENDENT_MODELS: [&str; 4] = [
    "{ kind = \"fixed-span\", low = 0, high = 120000 }",
    "{ kind = \"price-per-quality-point\" }",
    "{ kind = \"value-added\", mode = \"deduction\" }",
    "{ kind = \"percent-adjustment\", mode = \"markup\", max_percent = 50 }",
];

fn tender(model: &str) -> Tender {
    let points = !model.contains("quality-point") && !model.contains("value-added") && !model.contains("percent-");
    let (p_weight, q1, q2) = if points {
        ("weight = 40", "weight = 35", "weight = 25")
    } else if model.contains("value-added") {
        ("", "value = 20000", "value = 10000")
    } else {
        ("", "weight = 60", "weight = 40")
    };
    common::one_lot(&format!(
        r#"
[lots.award]
price_model = {model}
scale = "0-10"
tie_break = ["higher-quality", "lower-price", "drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
{p_weight}
[[lots.award.criteria]]
id = "Q1"
name = "Quality 1"
kind = "quality"
{q1}
[[lots.award.criteria]]
id = "Q2"
name = "Quality 2"
kind = "quality"
{q2}
"#
    ))
}

/// A bid: price in øre-exact DKK, two quality scores in half points.
fn bids(spec: &[(u32, u8, u8)]) -> Vec<Bid> {
    spec.iter()
        .enumerate()
        .map(|(i, (price, a, b))| {
            let qa = Decimal::new(i64::from(*a) * 5, 1).to_string();
            let qb = Decimal::new(i64::from(*b) * 5, 1).to_string();
            let price = Decimal::new(i64::from(*price), 2).to_string();
            common::simple_bid(&format!("B{i:02}"), &price, &[("Q1", qa.as_str()), ("Q2", qb.as_str())])
        })
        .collect()
}

fn spec() -> impl Strategy<Value = Vec<(u32, u8, u8)>> {
    prop::collection::vec((100_000u32..10_000_000, 0u8..=20, 0u8..=20), 2..8)
}

fn json(t: &Tender, b: &[Bid]) -> String {
    serde_json::to_string(&evaluate(t, b).unwrap()).unwrap()
}

fn price_points(t: &Tender, b: &[Bid], id: &str) -> Exact {
    let e = evaluate(t, b).unwrap();
    e.lots[0].bid(&id.into()).unwrap().price.as_ref().unwrap().points.unwrap().exact
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, .. ProptestConfig::default() })]

    #[test]
    fn a_lower_price_never_gives_fewer_price_points(s in spec(), model in 0usize..POINTS_MODELS.len(), k in 0usize..8, cut in 1u32..100_000) {
        let t = tender(POINTS_MODELS[model]);
        let k = k % s.len();
        let mut cheaper = s.clone();
        cheaper[k].0 = cheaper[k].0.saturating_sub(cut).max(1);
        let id = format!("B{k:02}");
        let before = price_points(&t, &bids(&s), &id);
        let after = price_points(&t, &bids(&cheaper), &id);
        prop_assert!(after >= before, "{}: {} → {} points", POINTS_MODELS[model], before, after);
    }

    #[test]
    fn bid_order_never_changes_the_result(s in spec(), model in 0usize..POINTS_MODELS.len(), rot in 0usize..8) {
        let t = tender(POINTS_MODELS[model]);
        let b = bids(&s);
        let mut shuffled = b.clone();
        shuffled.reverse();
        let len = shuffled.len();
        shuffled.rotate_left(rot % len);
        prop_assert_eq!(json(&t, &b), json(&t, &shuffled));
    }

    #[test]
    fn points_stay_within_their_bounds(s in spec(), model in 0usize..(POINTS_MODELS.len() - 1)) {
        // Every model but the unfloored linear one, whose negative points are lawful (KOFA 2015/60).
        let t = tender(POINTS_MODELS[model]);
        let e = evaluate(&t, &bids(&s)).unwrap();
        let hundred = Exact::from_int(100).unwrap();
        for b in &e.lots[0].bids {
            let p = b.price.as_ref().unwrap().points.unwrap().exact;
            prop_assert!(p >= Exact::ZERO && p <= Exact::from_int(40).unwrap(), "price points {p}");
            let q = b.quality.unwrap().exact;
            prop_assert!(q >= Exact::ZERO && q <= Exact::from_int(60).unwrap(), "quality points {q}");
            let total = b.total.unwrap().exact;
            prop_assert!(total >= Exact::ZERO && total <= hundred, "total {total}");
        }
    }

    #[test]
    fn independent_models_never_reorder_the_others(s in spec(), extra in (100_000u32..10_000_000, 0u8..=20, 0u8..=20), model in 0usize..INDEPENDENT_MODELS.len()) {
        let t = tender(INDEPENDENT_MODELS[model]);
        let base = bids(&s);
        let mut more = s.clone();
        more.push(extra);
        let with = bids(&more);
        let order = |b: &[Bid]| -> Vec<String> {
            let e = evaluate(&t, b).unwrap();
            e.lots[0].bids.iter().map(|r| r.bid.to_string()).filter(|id| base.iter().any(|x| x.id.as_str() == id)).collect()
        };
        prop_assert_eq!(order(&base), order(&with));
    }

    #[test]
    fn output_is_byte_identical_run_to_run(s in spec(), model in 0usize..POINTS_MODELS.len()) {
        let t = tender(POINTS_MODELS[model]);
        let b = bids(&s);
        prop_assert_eq!(json(&t, &b), json(&t, &b));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    /// A rounding close call is reported exactly for the roundings under which an evaluation of
    /// the same bids awards differently (the check ranks only a window around the cut-off).
    #[test]
    fn rounding_close_calls_agree_with_evaluating_under_each_rounding(
        s in prop::collection::vec((100_000u32..200_000, 0u8..=20, 0u8..=20), 2..9),
        model in 0usize..(INDEPENDENT_MODELS.len() + 1),
        awards in 1u32..3,
    ) {
        use tender_core::award::RoundingStrategy as S;
        let mut t = if model == 0 { tender(POINTS_MODELS[0]) } else { tender(INDEPENDENT_MODELS[model - 1]) };
        t.lots[0].suppliers_to_award = awards;
        let b = bids(&s);
        let e = evaluate(&t, &b).unwrap();
        let lot = &e.lots[0];
        // The checks only run when every place is awarded and someone is left out.
        let ranked = lot.bids.iter().filter(|x| x.rank.is_some()).count();
        prop_assume!(lot.awarded.len() == usize::try_from(awards).unwrap() && ranked > lot.awarded.len());
        let policy = t.lots[0].award.rounding;
        let mut variants: Vec<(u32, S)> = [S::HalfUp, S::HalfEven, S::HalfDown, S::Down, S::Up]
            .into_iter()
            .filter(|&x| x != policy.strategy)
            .map(|x| (policy.decimals, x))
            .collect();
        variants.extend((0..policy.decimals).map(|d| (d, policy.strategy)));
        for (decimals, strategy) in variants {
            let mut other = t.clone();
            other.lots[0].award.rounding.decimals = decimals;
            other.lots[0].award.rounding.strategy = strategy;
            let mut now = evaluate(&other, &b).unwrap().lots[0].awarded.clone();
            now.sort();
            let mut before = lot.awarded.clone();
            before.sort();
            let reported = lot.close_calls.iter().find_map(|c| match c {
                tender_score::result::CloseCall::Rounding { decimals: d, strategy: st, awarded }
                    if *d == decimals && *st == strategy => Some(awarded.clone()),
                _ => None,
            });
            match reported {
                Some(mut ids) => {
                    ids.sort();
                    prop_assert_ne!(&ids, &before, "{} {:?} reported without a change", decimals, strategy);
                    prop_assert_eq!(ids, now, "{} {:?}", decimals, strategy);
                }
                None => prop_assert_eq!(before, now, "{} {:?} not reported", decimals, strategy),
            }
        }
    }
}
