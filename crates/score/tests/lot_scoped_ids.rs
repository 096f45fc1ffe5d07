//! Criterion ids are unique only within a lot. The case in `tests/lot-scoped-ids/` (workspace root)
//! has `PRICE` and `Q1` in both lots, with different weights, and in FILES `Q1` has sub-criteria;
//! each lot's bids are scored on that lot's criteria, and each lot's tie-break rule
//! `higher-score-on = "Q1"` reads the lot's own `Q1`.

use std::path::Path;
use std::str::FromStr;

use rust_decimal::Decimal;
use tender_core::award::TieBreakRule;
use tender_core::{Id, files};
use tender_score::result::{BidStatus, LotEvaluation};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).expect("a decimal")
}

fn lot<'a>(evaluation: &'a tender_score::Evaluation, id: &str) -> &'a LotEvaluation {
    evaluation.lots.iter().find(|l| l.lot.as_str() == id).expect("the lot is evaluated")
}

fn points(l: &LotEvaluation, bid: &str, criterion: &str) -> Decimal {
    let b = l.bid(&Id::new(bid)).expect("the bid is evaluated");
    b.criteria
        .iter()
        .find(|c| c.criterion.as_str() == criterion)
        .map(|c| c.points.value)
        .expect("the criterion is scored")
}

#[test]
fn each_lot_scores_its_own_price_and_q1() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/lot-scoped-ids");
    let (tender, bids) = files::load_case(&dir).expect("the case loads");
    let evaluation = tender_score::evaluate(&tender, &bids).expect("the case evaluates");

    // MAIL: PRICE 40, Q1 60 on 0-10, marked directly.
    let mail = lot(&evaluation, "MAIL");
    assert_eq!(points(mail, "M-1", "Q1"), d("48"), "60 × 8 / 10");
    assert_eq!(points(mail, "M-2", "Q1"), d("36"), "60 × 6 / 10");
    let total = |l: &LotEvaluation, bid: &str| l.bid(&Id::new(bid)).and_then(|b| b.total).map(|t| t.value);
    assert_eq!(total(mail, "M-1"), Some(d("80")), "32 + 48");
    assert_eq!(total(mail, "M-2"), Some(d("76")), "40 + 36");
    assert_eq!(mail.awarded, [Id::new("M-1")]);
    assert!(mail.ties.is_empty());

    // FILES: PRICE 50, Q1 50 from its sub-criteria Q1.1 and Q1.2 (50/50).
    let files = lot(&evaluation, "FILES");
    assert_eq!(points(files, "F-1", "Q1"), d("40"), "50 × (9 + 7) / 2 / 10");
    assert_eq!(points(files, "F-2", "Q1"), d("30"), "50 × 6 / 10");
    assert_eq!(total(files, "F-1"), Some(d("80")), "40 + 40");
    assert_eq!(total(files, "F-2"), Some(d("80")), "50 + 30");
    // The tie on 80 is broken on FILES's Q1 (40 against 30), not MAIL's.
    assert_eq!(files.ties.len(), 1);
    assert_eq!(files.ties[0].broken_by, Some(TieBreakRule::HigherScoreOn(Id::new("Q1"))));
    assert!(files.ties[0].resolved);
    assert_eq!(files.awarded, [Id::new("F-1")]);
    for b in &files.bids {
        assert_eq!(b.status, BidStatus::Ranked);
    }
}
