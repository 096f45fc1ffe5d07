//! The integer kernel (`Detail::Figures`) against the general path (`Detail::Derivations`): the
//! same figures, ranks, ties, warnings and close calls, on every fixture and on generated lots
//! with random weights, scales, evaluator counts, minimums, roundings and prices up to 10^12 with
//! cents, including lots whose figures do not fit the kernel and must take the fallback.
#![allow(clippy::unwrap_used)]

mod common;

use std::fmt::Write as _;
use std::path::Path;

use proptest::prelude::*;
use tender_core::{Bid, Tender};
use tender_score::{Detail, Evaluation, evaluate_with};

/// The evaluation as JSON with what only the derivations hold taken out: each criterion's record,
/// each total's terms, and the kernel's count.
fn figures_of(mut e: Evaluation) -> String {
    for lot in &mut e.lots {
        lot.kernel_scored = 0;
        for b in &mut lot.bids {
            b.criteria.clear();
            b.total_derivation = None;
        }
    }
    serde_json::to_string_pretty(&e).unwrap()
}

/// Evaluates both ways; returns the bids the kernel scored.
fn same_both_ways(t: &Tender, bids: &[Bid]) -> Result<u32, TestCaseError> {
    let full = evaluate_with(t, bids, Detail::Derivations);
    let fast = evaluate_with(t, bids, Detail::Figures);
    match (full, fast) {
        (Ok(full), Ok(fast)) => {
            prop_assert!(full.lots.iter().all(|l| l.kernel_scored == 0));
            let scored = fast.lots.iter().map(|l| l.kernel_scored).sum();
            for (l, f) in full.lots.iter().zip(&fast.lots) {
                for b in &f.bids {
                    prop_assert!(b.criteria.is_empty() && b.total_derivation.is_none());
                }
                prop_assert_eq!(l.bids.len(), f.bids.len());
            }
            prop_assert_eq!(figures_of(full), figures_of(fast));
            Ok(scored)
        }
        (Err(a), Err(b)) => {
            prop_assert_eq!(format!("{a:?}"), format!("{b:?}"));
            Ok(0)
        }
        (a, b) => Err(TestCaseError::fail(format!("one path failed: {:?} / {:?}", a.err(), b.err()))),
    }
}

#[test]
fn every_fixture_gives_the_same_figures_both_ways() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut dirs: Vec<_> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("tender.toml").exists())
        .collect();
    dirs.sort();
    let mut scored = 0;
    for dir in dirs {
        let (t, b) = tender_core::files::load_case(&dir).unwrap();
        scored += same_both_ways(&t, &b).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        // The same fixture with its totals relative to the best total, where the highest total wins.
        let mut relative = t.clone();
        let mut any = false;
        for lot in &mut relative.lots {
            if lot.award.price_model.is_points_model() {
                lot.award.relative_total = true;
                any = true;
            }
        }
        if any {
            same_both_ways(&relative, &b).unwrap_or_else(|e| panic!("{} (relative total): {e}", dir.display()));
        }
    }
    // The fixtures use the kernel's rules in most lots: a kernel never taken would pass vacuously.
    assert!(scored > 0, "no fixture bid was scored by the kernel");
}

/// A generated lot: criteria `(weight, scale, minimum)`, bids `(price in cents, evaluators, marks)`.
#[derive(Clone, Debug)]
struct Lot {
    criteria: Vec<(String, &'static str, Option<u8>)>,
    price_weight: String,
    model: &'static str,
    rounding: &'static str,
    bids: Vec<(u64, Vec<Vec<u16>>)>,
    /// How the bids list their marks, one of [`LISTINGS`].
    listing: usize,
}

/// How a bid lists its marks: criterion after criterion in the model's order (the kernel's
/// reading in one pass), evaluator after evaluator, criteria in reverse order, and in order but
/// each mark written with one more decimal than its scale has (`7.0`, which the warnings show
/// as written).
const LISTINGS: [&str; 4] = ["in order", "by evaluator", "reversed", "padded"];

const SCALES: [(&str, u16, u16, &str); 4] =
    [("0-10", 0, 10, "1"), ("0-5", 0, 5, "1"), ("1-7", 1, 7, "1"), ("0-4 by 0.5", 0, 8, "0.5")];
const MODELS: [&str; 4] = [
    "{ kind = \"proportional\" }",
    "{ kind = \"linear-slope\", slope = 50 }",
    "{ kind = \"min-max\" }",
    "{ kind = \"price-per-quality-point\" }",
];
const ROUNDINGS: [&str; 5] = [
    "",
    "rounding = { decimals = 0, strategy = \"half-even\" }",
    "rounding = { decimals = 4, strategy = \"down\" }",
    "rounding = { decimals = 2, at = \"quality\" }",
    "rounding = { decimals = 2, at = \"criterion\" }",
];

fn scale_toml(k: usize) -> String {
    let (_, min, max, step) = SCALES[k];
    if step == "0.5" {
        "{ min = 0, max = 4, step = 0.5 }".to_string()
    } else {
        format!("{{ min = {min}, max = {max}, step = {step} }}")
    }
}

fn mark_text(scale: usize, m: u16) -> String {
    let (_, min, max, step) = SCALES[scale];
    let m = min + m % (max - min + 1);
    if step == "0.5" { format!("{}.{}", m / 2, if m % 2 == 1 { 5 } else { 0 }) } else { m.to_string() }
}

fn weight() -> impl Strategy<Value = String> {
    prop_oneof![
        (1u32..60).prop_map(|w| w.to_string()),
        (1u32..6000).prop_map(|w| format!("{}.{:02}", w / 100, w % 100)),
        // Weights with many digits: the common denominator overflows and the lot falls back.
        (1u64..u64::MAX / 4).prop_map(|w| format!("{}.{:06}", w % 1_000_000_000_000, w % 999_983)),
    ]
}

fn lot() -> impl Strategy<Value = Lot> {
    (
        prop::collection::vec((weight(), 0usize..SCALES.len(), prop::option::weighted(0.2, 0u8..4)), 1..6),
        weight(),
        0usize..MODELS.len(),
        0usize..ROUNDINGS.len(),
        0usize..LISTINGS.len(),
        prop::collection::vec(
            (
                prop_oneof![1u64..100_000_000, 1u64..100_000_000_000_000],
                1usize..8,
                prop::collection::vec(0u16..64, 40),
                prop::bool::weighted(0.1),
            ),
            1..9,
        ),
    )
        .prop_map(|(criteria, price_weight, model, rounding, listing, bids)| {
            let n = criteria.len();
            Lot {
                criteria: criteria
                    .into_iter()
                    .map(|(w, s, m)| (w, SCALES[s].0, m.map(|m| m + u8::try_from(s).unwrap())))
                    .collect(),
                price_weight,
                model: MODELS[model],
                rounding: ROUNDINGS[rounding],
                listing,
                bids: bids
                    .into_iter()
                    .map(|(price, evaluators, marks, uneven)| {
                        // Uneven: the last criterion has one evaluator fewer (the kernel's fallback).
                        let per: Vec<Vec<u16>> = (0..n)
                            .map(|c| {
                                let e =
                                    if uneven && c == n - 1 && evaluators > 1 { evaluators - 1 } else { evaluators };
                                (0..e).map(|k| marks[(c * 8 + k) % marks.len()]).collect()
                            })
                            .collect();
                        (price, per)
                    })
                    .collect(),
            }
        })
}

fn build(l: &Lot) -> (Tender, Vec<Bid>) {
    let scale_index = |name: &str| SCALES.iter().position(|s| s.0 == name).unwrap();
    let mut award = format!(
        "[lots.award]\nprice_model = {}\nweighting = \"points\"\nscale = \"0-10\"\n{}\ntie_break = [\"higher-quality\", \"lower-price\", \"drawing-lots\"]\n",
        l.model, l.rounding
    );
    let per_quality = l.model.contains("quality-point");
    if !per_quality {
        write!(
            award,
            "[[lots.award.criteria]]\nid = \"P\"\nname = \"Price\"\nkind = \"price\"\nweight = \"{}\"\n",
            l.price_weight
        )
        .unwrap();
    } else {
        award.push_str("[[lots.award.criteria]]\nid = \"P\"\nname = \"Price\"\nkind = \"price\"\n");
    }
    for (k, (w, scale, minimum)) in l.criteria.iter().enumerate() {
        write!(
            award,
            "[[lots.award.criteria]]\nid = \"Q{k}\"\nname = \"Quality {k}\"\nkind = \"quality\"\nweight = \"{w}\"\nscale = {}\n",
            scale_toml(scale_index(scale))
        )
        .unwrap();
        if let Some(m) = minimum {
            writeln!(award, "minimum_score = {}", mark_text(scale_index(scale), u16::from(*m))).unwrap();
        }
    }
    let tender = common::one_lot(&award);
    let bids = l
        .bids
        .iter()
        .enumerate()
        .map(|(i, (price, marks))| {
            let mut s = format!(
                "id = \"B{i}\"\ntender = \"T\"\nlot = \"L1\"\nbidder = {{ id = \"C{i}\", name = \"Bidder {i}\", country = \"DK\" }}\nprice = {{ total = \"{}.{:02}\" }}\n",
                price / 100,
                price % 100
            );
            let mut listed: Vec<(usize, usize, u16)> = marks
                .iter()
                .enumerate()
                .flat_map(|(k, list)| list.iter().enumerate().map(move |(e, m)| (k, e, *m)))
                .collect();
            match LISTINGS[l.listing] {
                "by evaluator" => listed.sort_by_key(|&(k, e, _)| (e, k)),
                "reversed" => listed.sort_by_key(|&(k, e, _)| (std::cmp::Reverse(k), e)),
                _ => {}
            }
            for (k, e, m) in listed {
                let scale = scale_index(l.criteria[k].1);
                let mut mark = mark_text(scale, m);
                if LISTINGS[l.listing] == "padded" {
                    mark.push_str(if mark.contains('.') { "0" } else { ".0" });
                }
                write!(
                    s,
                    "[[scores]]\nevaluator = \"E{e}\"\ncriterion = \"Q{k}\"\nscore = \"{mark}\"\njustification = \"j\"\n"
                )
                .unwrap();
            }
            common::bid(&s)
        })
        .collect();
    (tender, bids)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, .. ProptestConfig::default() })]

    #[test]
    fn the_kernel_gives_the_general_paths_figures(l in lot()) {
        let (t, b) = build(&l);
        same_both_ways(&t, &b)?;
    }
}

/// The generator reaches both paths: the kernel, and the fallback on overflowing weights.
#[test]
fn generated_lots_take_both_paths() {
    let plain = Lot {
        criteria: vec![("30".into(), "0-10", None), ("12.5".into(), "0-4 by 0.5", Some(2))],
        price_weight: "57.5".into(),
        model: MODELS[0],
        rounding: ROUNDINGS[0],
        listing: 0,
        bids: vec![(123_456, vec![vec![3, 7, 9], vec![1, 4, 6]]), (99_999, vec![vec![10, 10, 2], vec![8, 8, 7]])],
    };
    let (t, b) = build(&plain);
    assert_eq!(same_both_ways(&t, &b).unwrap(), 2);
    // The kernel reads the marks in any listing, and shows a disagreement's marks as written.
    for (listing, name) in LISTINGS.iter().enumerate().skip(1) {
        let (t, b) = build(&Lot { listing, ..plain.clone() });
        assert_eq!(same_both_ways(&t, &b).unwrap(), 2, "{name}");
        if *name == "padded" {
            let e = evaluate_with(&t, &b, Detail::Figures).unwrap();
            let json = serde_json::to_string(&e.lots[0].warnings).unwrap();
            assert!(json.contains("\"lowest\":\"3.0\""), "{json}");
        }
    }
    // Large weights with many decimals still fit the kernel's 128 bits.
    let mut large = plain.clone();
    large.criteria[0].0 = "987654321012.345679".into();
    large.criteria[1].0 = "123456789098.765431".into();
    large.criteria.push(("1.000007".into(), "1-7", None));
    large.bids.iter_mut().for_each(|b| b.1.push(vec![1, 2, 3]));
    let (t, b) = build(&large);
    assert_eq!(same_both_ways(&t, &b).unwrap(), 2);
    // A weight of 10^28 beside one of 10^-28: a factor over the common denominator does not fit
    // in 128 bits, so the kernel declines the lot and the general path answers alone.
    let mut huge = large;
    huge.criteria[0].0 = "9999999999999999999999999999".into();
    huge.criteria[1].0 = "0.0000000000000000000000000001".into();
    let (t, b) = build(&huge);
    assert_eq!(same_both_ways(&t, &b).unwrap(), 0);
    // One bid whose last criterion has fewer marks: that bid alone takes the general path.
    let mut uneven = plain;
    uneven.bids[1].1[1].pop();
    let (t, b) = build(&uneven);
    assert_eq!(same_both_ways(&t, &b).unwrap(), 1);
}
