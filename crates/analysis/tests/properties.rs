//! Properties on generated lots, each checked against full re-evaluation by `tender_score`:
//!
//! * at a reported break-even price the bid is first or tied with the first on the published
//!   figure (the tie-break decides), and one minor unit above it it is not; a bid that "cannot win"
//!   is behind even at one minor unit; a bid "tied now" is level at its own price;
//! * inside a weight-sensitivity interval the winner on exact totals is unchanged, and just
//!   outside it (when the end is not the weight's limit) it changes;
//! * the Monte Carlo gives the same counts for the same seed, and every sample has one winner.
#![allow(clippy::unwrap_used)]

mod common;

use proptest::prelude::*;
use rust_decimal::Decimal;
use tender_analysis::break_even::{Target, break_even_prices};
use tender_analysis::sensitivity::weight_sensitivity;
use tender_analysis::stability::rank_stability;
use tender_analysis::{Options, Perturbation};
use tender_core::{Bid, Id, Tender, Weight};
use tender_score::{Exact, evaluate};

const MODELS: [&str; 13] = [
    "{ kind = \"proportional\" }",
    "{ kind = \"linear-slope\", slope = 60 }",
    "{ kind = \"linear-from-lowest\", floor_at_zero = true }",
    "{ kind = \"linear-from-lowest\" }",
    "{ kind = \"min-max\" }",
    "{ kind = \"fixed-span\", low = 0, high = 120000 }",
    "{ kind = \"logarithmic\", zero_at = 100 }",
    "{ kind = \"price-per-quality-point\" }",
    "{ kind = \"price-per-quality-point\", corridor = 10, decision = \"higher-quality\" }",
    "{ kind = \"value-added\", mode = \"deduction\" }",
    "{ kind = \"value-added\", mode = \"markup\" }",
    "{ kind = \"percent-adjustment\", mode = \"deduction\", max_percent = 40 }",
    "{ kind = \"percent-adjustment\", mode = \"markup\", max_percent = 50 }",
];

/// The first seven are points models.
const POINTS: usize = 7;

fn tender(model: &str, rounding: &str) -> Tender {
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
rounding = {rounding}
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

const ROUNDINGS: [&str; 4] = [
    "{ decimals = 2, at = \"total\" }",
    "{ decimals = 2, at = \"ratio\" }",
    "{ decimals = 1, at = \"criterion\", strategy = \"half-even\" }",
    "{ decimals = 4, at = \"total\", strategy = \"down\" }",
];

/// Bids: price in øre (DKK 1 000-100 000), two quality scores in half points.
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
    prop::collection::vec((100_000u32..10_000_000, 0u8..=20, 0u8..=20), 2..7)
}

/// Whether `bid` is among the first `k`, or tied on the published figure with a bid that is, at
/// `price`: fewer than `k` bids are strictly ahead of it. `None` when the evaluation refuses the
/// price (the logarithmic model cannot score a price some 10⁸ times below the others, which the
/// search still probes at one øre).
fn level_at_k(tender: &Tender, bids: &[Bid], bid: &Id, price: Decimal, k: u32) -> Option<bool> {
    let mut bids = bids.to_vec();
    let b = bids.iter_mut().find(|b| &b.id == bid).unwrap();
    b.price.total = Some(price.into());
    let e = evaluate(tender, &bids).ok()?;
    let lot = &e.lots[0];
    let me = lot.bid(bid).unwrap();
    let rank = me.rank?;
    let tied = |o: &Id| lot.ties.iter().any(|t| t.bids.contains(bid) && t.bids.contains(o));
    let ahead = lot.bids.iter().filter(|o| o.rank.is_some_and(|r| r < rank) && !tied(&o.bid)).count();
    Some(ahead < usize::try_from(k).unwrap())
}

fn level_at(tender: &Tender, bids: &[Bid], bid: &Id, price: Decimal) -> Option<bool> {
    level_at_k(tender, bids, bid, price, 1)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn break_even_prices_hold_under_full_re_evaluation(model in 0..MODELS.len(), rounding in 0..ROUNDINGS.len(), spec in spec()) {
        let tender = tender(MODELS[model], ROUNDINGS[rounding]);
        let bids = bids(&spec);
        let e = evaluate(&tender, &bids).unwrap();
        let analysis = break_even_prices(&tender, &tender.lots[0], &e.lots[0]);
        let Ok(analysis) = analysis else { return Ok(()) };
        let unit = Decimal::new(1, 2);
        for b in &analysis.bids {
            match &b.to_win {
                Target::Price { price, .. } => {
                    prop_assert_ne!(level_at(&tender, &bids, &b.bid, *price), Some(false), "{} not level at {}", b.bid, price);
                    prop_assert_ne!(level_at(&tender, &bids, &b.bid, *price + unit), Some(true), "{} level above {}", b.bid, price);
                }
                Target::CannotWin => {
                    prop_assert_ne!(level_at(&tender, &bids, &b.bid, unit), Some(true), "{} level at 0.01", b.bid);
                }
                Target::TiedNow { .. } => {
                    prop_assert_eq!(level_at(&tender, &bids, &b.bid, b.price), Some(true), "{} not tied now", b.bid);
                }
            }
        }
    }

    #[test]
    fn break_even_prices_to_be_awarded_hold_when_two_are_awarded(model in 0..MODELS.len(), spec in prop::collection::vec((100_000u32..10_000_000, 0u8..=20, 0u8..=20), 3..7)) {
        let mut tender = tender(MODELS[model], ROUNDINGS[0]);
        tender.lots[0].suppliers_to_award = 2;
        let bids = bids(&spec);
        let e = evaluate(&tender, &bids).unwrap();
        let Ok(analysis) = break_even_prices(&tender, &tender.lots[0], &e.lots[0]) else { return Ok(()) };
        let unit = Decimal::new(1, 2);
        for b in &analysis.bids {
            let Some(target) = &b.to_be_awarded else { continue };
            match target {
                Target::Price { price, .. } => {
                    prop_assert_ne!(level_at_k(&tender, &bids, &b.bid, *price, 2), Some(false), "{} not level at {}", b.bid, price);
                    prop_assert_ne!(level_at_k(&tender, &bids, &b.bid, *price + unit, 2), Some(true), "{} level above {}", b.bid, price);
                }
                Target::CannotWin => {
                    prop_assert_ne!(level_at_k(&tender, &bids, &b.bid, unit, 2), Some(true), "{} level at 0.01", b.bid);
                }
                Target::TiedNow { .. } => {
                    prop_assert_eq!(level_at_k(&tender, &bids, &b.bid, b.price, 2), Some(true), "{} not tied now", b.bid);
                }
            }
        }
    }

    #[test]
    fn inside_the_interval_the_winner_stays_and_just_outside_it_changes(model in 0..MODELS.len(), spec in spec()) {
        // The extended price-per-quality-point method has no intervals.
        prop_assume!(!MODELS[model].contains("corridor"));
        let points_model = model < POINTS;
        let tender = tender(MODELS[model], ROUNDINGS[0]);
        let bids = bids(&spec);
        let e = evaluate(&tender, &bids).unwrap();
        let s = weight_sensitivity(&tender.lots[0], &e.lots[0]).unwrap();
        let total = s.total;
        for (i, c) in s.criteria.iter().enumerate() {
            let Some(interval) = &c.winner else { continue };
            let mut points = Vec::new();
            let scale = Exact::from_int(1_000_000).unwrap();
            let grid = |x: Exact, up: bool| {
                // x on a grid of 1e-6, rounded away from the published weight.
                let scaled = x.checked_mul(scale).unwrap();
                let n = if up { scaled.numer().div_euclid(scaled.denom()) + 1 } else { scaled.numer().div_euclid(scaled.denom()) };
                Exact::new(n, 1_000_000).unwrap()
            };
            let half = Exact::new(1, 2).unwrap();
            let width = |a: Exact, b: Exact| b.checked_sub(a).unwrap();
            let wide = Exact::new(1, 10_000).unwrap();
            if width(interval.low.weight, c.weight) > wide {
                points.push((grid(interval.low.weight.checked_add(c.weight).unwrap().checked_mul(half).unwrap(), false), true));
            }
            if width(c.weight, interval.high.weight) > wide {
                points.push((grid(interval.high.weight.checked_add(c.weight).unwrap().checked_mul(half).unwrap(), false), true));
            }
            if interval.high.weight < total && width(interval.high.weight, total) > wide {
                points.push((grid(interval.high.weight, true), false));
            }
            if interval.low.weight > Exact::ZERO && interval.low.weight > wide {
                let below = grid(interval.low.weight, false);
                let below = if below == interval.low.weight { below.checked_sub(Exact::new(1, 1_000_000).unwrap()).unwrap() } else { below };
                points.push((below, false));
            }
            for (t, inside) in points {
                let mut t2 = tender.clone();
                let exact = |x: Exact| x.round(12, tender_core::award::RoundingStrategy::HalfEven).unwrap();
                if points_model {
                    // Criterion i at t, the others × (W − t)/(W − wᵢ); scaled by (W − wᵢ) so every
                    // weight is a decimal: i gets t·(W − wᵢ), j gets w_j·(W − t). Points models
                    // rank the same whatever the common scale.
                    let d = total.checked_sub(c.weight).unwrap();
                    let rest = total.checked_sub(t).unwrap();
                    for crit in t2.lots[0].award.criteria.iter_mut() {
                        let Some(w) = crit.weight else { continue };
                        let w = Exact::from_decimal(w.decimal().expect("a decimal weight"));
                        let x = if crit.id == c.criterion { t.checked_mul(d).unwrap() } else { w.checked_mul(rest).unwrap() };
                        crit.weight = Some(Weight::new(exact(x)));
                    }
                } else {
                    // Two quality criteria carry the weights (or money values): i gets t, the
                    // other W − t, both decimals. The sum W stays, as the money models need.
                    for crit in t2.lots[0].award.criteria.iter_mut().filter(|x| x.kind == tender_core::CriterionKind::Quality) {
                        let x = if crit.id == c.criterion { t } else { total.checked_sub(t).unwrap() };
                        if crit.value.is_some() {
                            crit.value = Some(tender_core::Money::new(exact(x)));
                        } else {
                            crit.weight = Some(Weight::new(exact(x)));
                        }
                    }
                }
                let e2 = evaluate(&t2, &bids).unwrap();
                let ranked: Vec<_> = e2.lots[0].bids.iter().filter(|b| b.rank.is_some()).collect();
                // The best exact figure: highest total for points models; lowest price per quality
                // point (bids with quality points) or evaluation price otherwise.
                let figure = |b: &&tender_score::BidResult| {
                    let x = b.total.unwrap().exact;
                    if points_model { x } else { x.negate() }
                };
                let eligible: Vec<_> = ranked.iter().filter(|b| points_model || !MODELS[model].contains("quality-point") || b.quality.is_some_and(|q| q.exact.numer() > 0)).collect();
                let Some(best) = eligible.iter().map(|b| figure(b)).max() else { continue };
                let leaders: Vec<&Id> = eligible.iter().filter(|b| figure(b) == best).map(|b| &b.bid).collect();
                if inside {
                    prop_assert!(leaders.contains(&&s.winner), "criterion {i} at {t}: {leaders:?}, expected {}", s.winner);
                } else {
                    prop_assert!(!leaders.contains(&&s.winner), "criterion {i} at {t}: {} still leads", s.winner);
                }
            }
        }
    }

    #[test]
    fn monte_carlo_is_reproducible_and_counts_every_sample(model in 0..MODELS.len(), spec in spec(), seed in any::<u64>(), uniform in any::<bool>()) {
        let tender = tender(MODELS[model], ROUNDINGS[0]);
        let bids = bids(&spec);
        let e = evaluate(&tender, &bids).unwrap();
        let perturbation = if uniform {
            Perturbation::Uniform { percent: Decimal::from(25) }
        } else {
            Perturbation::Dirichlet { concentration: Decimal::from(30) }
        };
        let options = Options { samples: 500, seed, perturbation, ..Options::default() };
        let Ok(a) = rank_stability(&tender.lots[0], &e.lots[0], &options) else { return Ok(()) };
        let b = rank_stability(&tender.lots[0], &e.lots[0], &options).unwrap();
        prop_assert_eq!(&a, &b);
        prop_assert_eq!(a.bids.iter().map(|b| b.wins.count).sum::<u32>(), 500);
    }
}
