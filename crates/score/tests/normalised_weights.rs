//! Weights that are not whole percentages (issue 12, rule 7): weights in any unit or as exact
//! fractions, normalised exactly (`weighting = "normalised"`). A published worked example, cited,
//! with every published figure asserted to the published digit, and a hand-checked evaluation.
#![allow(clippy::unwrap_used)]

mod common;

use common::{d, one_lot, simple_bid};
use tender_core::award::RoundingStrategy;
use tender_score::{Exact, evaluate, weights};

fn q(n: i128, den: i128) -> Exact {
    Exact::new(n, den).unwrap()
}

/// Two quality criteria A (scale 0-10) and B (scale 0-5) weighed `a` and `b`, normalised.
fn two_criteria(a: &str, b: &str) -> tender_core::Tender {
    one_lot(&format!(
        r#"
[lots.award]
weighting = "normalised"
price_model = {{ kind = "proportional" }}
rounding = {{ decimals = 0 }}
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "A"
name = "Kriterium A"
kind = "quality"
weight = {a}
scale = "0-10"
[[lots.award.criteria]]
id = "B"
name = "Kriterium B"
kind = "quality"
weight = {b}
scale = "0-5"
"#
    ))
}

fn effective(t: &tender_core::Tender) -> Vec<Exact> {
    let award = &t.lots[0].award;
    award.criteria.iter().map(|c| weights::effective(award, c).unwrap()).collect()
}

/// praxisratgeber-vergaberecht.eu (Thomas Ferber), "Wahre und scheinbare Gewichtung in
/// Bewertungsmatrizen – Teil I: Unterschiedliche Punkteskalen", Beispiel 1
/// (https://praxisratgeber-vergaberecht.eu/wahre-und-scheinbare-gewichtung-in-bewertungsmatrizen-teil-i-unterschiedliche-punkteskalen/):
/// criteria A (at most 10 points) and B (at most 5) are both weighted 50 %. The balance is even
/// only with the weights "50g + 100g"; "Normiert man die Summe der beiden Gewichte auf 100g" they
/// are "33g + 67g (um genau zu sein: 33 1/3g + 66 2/3g)", so A would be weighted "33%" and B
/// "67%". The other way round, the apparent 50 % / 50 % is a true weighting of "67% / 33% (um
/// genau zu sein: 66 2/3% / 33 1/3%)": A's 50 % on 10 points weighs 500 against B's 50 % on 5
/// points, 250.
#[test]
fn praxisratgeber_weights_50_and_100_normalise_to_33_1_3_and_66_2_3_percent() {
    // "50g + 100g", normalised to 100: exactly 33 1/3 and 66 2/3, not a decimal.
    let t = two_criteria("50", "100");
    let w = effective(&t);
    assert_eq!(w, vec![q(100, 3), q(200, 3)]);
    assert_eq!(w[0], q(33, 1).checked_add(q(1, 3)).unwrap()); // 33 1/3
    assert_eq!(w[1], q(66, 1).checked_add(q(2, 3)).unwrap()); // 66 2/3
    // "33g + 67g", "33%" and "67%": to whole percent.
    assert_eq!(w[0].round(0, RoundingStrategy::HalfUp).unwrap(), d("33"));
    assert_eq!(w[1].round(0, RoundingStrategy::HalfUp).unwrap(), d("67"));
    // The same shares written as exact fractions of the total give the same weights.
    assert_eq!(effective(&two_criteria("\"1/3\"", "\"2/3\"")), vec![q(100, 3), q(200, 3)]);

    // The true weighting of 50 % / 50 % on 10 and 5 points: 500 and 250, normalised to
    // "66 2/3% / 33 1/3%", "67% / 33%".
    let t = two_criteria("500", "250");
    let w = effective(&t);
    assert_eq!(w, vec![q(200, 3), q(100, 3)]);
    assert_eq!(w[0].round(0, RoundingStrategy::HalfUp).unwrap(), d("67"));
    assert_eq!(w[1].round(0, RoundingStrategy::HalfUp).unwrap(), d("33"));

    // Scored: full marks on A alone earn exactly 33 1/3 points of 100 under the "50g + 100g"
    // weights, full marks on B alone 66 2/3; published to whole points (the tender's decimals).
    let t = two_criteria("50", "100");
    let bids = [simple_bid("X", "100", &[("A", "10"), ("B", "0")]), simple_bid("Y", "100", &[("A", "0"), ("B", "5")])];
    let e = evaluate(&t, &bids).unwrap();
    let total = |id: &str| e.lots[0].bid(&id.into()).unwrap().total.unwrap();
    assert_eq!(total("X").exact, q(100, 3));
    assert_eq!(total("X").value, d("33"));
    assert_eq!(total("Y").exact, q(200, 3));
    assert_eq!(total("Y").value, d("67"));
    assert_eq!(e.lots[0].awarded, vec!["Y".into()]);
}

/// Hand-checked (no published figures): the fixture `vejle-print-services` lot L1's weights,
/// price 9/21, exit 9/21 and support 3/21, proportional price, 0-10 scale, totals to 2 decimals.
///
/// Effective weights: 9/21 × 100 = 300/7 (42.857142…), 3/21 × 100 = 100/7 (14.285714…).
/// Bid A: price 1 000 000, exit 8, support 6. Bid B: price 1 250 000, exit 28/3 (mean of 10, 9,
/// 9), support 9. Lowest price 1 000 000.
///   A: 300/7 × 1 + 300/7 × 8/10 + 100/7 × 6/10 = 300/7 + 240/7 + 60/7 = 600/7 = 85.714285… → 85.71
///   B: 300/7 × 4/5 + 300/7 × 28/30 + 100/7 × 9/10 = 240/7 + 40 + 90/7 = 610/7 = 87.142857… → 87.14
/// B wins. Had the weights been rounded to 42.86 / 42.86 / 14.29 first (summing to 100.01), A's
/// total would be 42.86 + 34.288 + 8.574 = 85.722 and B's 34.288 + 40.0027 + 12.861 = 87.1517: the
/// exact fractions are what the published method says, so the engine never rounds a weight.
#[test]
fn fraction_weights_score_with_exact_sevenths() {
    let t = one_lot(
        r#"
[lots.award]
weighting = "normalised"
price_model = { kind = "proportional" }
scale = "0-10"
rounding = { decimals = 2 }
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = "9/21"
[[lots.award.criteria]]
id = "EXIT"
name = "Exit"
kind = "quality"
weight = "9/21"
[[lots.award.criteria]]
id = "SUP"
name = "Support"
kind = "quality"
weight = "3/21"
"#,
    );
    assert_eq!(effective(&t), vec![q(300, 7), q(300, 7), q(100, 7)]);
    let mut b = simple_bid("B", "1250000", &[("EXIT", "9"), ("SUP", "9")]);
    // B's exit mark is the mean of three evaluators' 10, 9 and 9: 28/3 as a consensus is not a
    // decimal, so give the three marks.
    b.consensus.retain(|c| c.criterion.as_str() != "EXIT");
    let marks: tender_core::Bid = common::bid(
        r#"
id = "B"
tender = "T"
lot = "L1"
bidder = { id = "B-co", name = "Bidder B", country = "DK" }
price = { total = "1250000" }
[[scores]]
evaluator = "E1"
criterion = "EXIT"
score = 10
justification = "test"
[[scores]]
evaluator = "E2"
criterion = "EXIT"
score = 9
justification = "test"
[[scores]]
evaluator = "E3"
criterion = "EXIT"
score = 9
justification = "test"
"#,
    );
    b.scores = marks.scores;
    let bids = [simple_bid("A", "1000000", &[("EXIT", "8"), ("SUP", "6")]), b];
    let e = evaluate(&t, &bids).unwrap();
    let total = |id: &str| e.lots[0].bid(&id.into()).unwrap().total.unwrap();
    assert_eq!(total("A").exact, q(600, 7));
    assert_eq!(total("A").value, d("85.71"));
    assert_eq!(total("B").exact, q(610, 7));
    assert_eq!(total("B").value, d("87.14"));
    assert_eq!(e.lots[0].awarded, vec!["B".into()]);
    // Each criterion carries its exact weight in the result.
    let b = e.lots[0].bid(&"B".into()).unwrap();
    assert_eq!(b.criteria.iter().map(|c| c.weight).collect::<Vec<_>>(), vec![q(300, 7), q(100, 7)]);
}
