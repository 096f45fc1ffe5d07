//! Published worked examples of scoring rules (issue "Every published scoring rule can be written
//! down"): each test cites its source and asserts every published figure to the published digit.
#![allow(clippy::unwrap_used)]

mod common;

use common::{one_lot, simple_bid};
use rust_decimal::Decimal;
use tender_score::evaluate;
use tender_score::result::TotalDerivation;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn percent_model(mode: &str, percent: u32) -> tender_core::Tender {
    one_lot(&format!(
        r#"
[lots.award]
price_model = {{ kind = "percent-adjustment", mode = "{mode}", max_percent = {percent} }}
scale = "0-10"
rounding = {{ decimals = 2 }}
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Pris"
kind = "price"
[[lots.award.criteria]]
id = "Q"
name = "Kvalitet"
kind = "quality"
weight = 100
"#
    ))
}

/// e-Avrop, "Förklaring procentuellt påslag och avdrag" (help.e-avrop.com): "Avdrag 100% vid full
/// poäng: Anbud A 500 kr och halva poängen ger 500 - 500*0,5 = 250, Anbud B 1000 kr och halva
/// poängen ger 1000 - 1000*0,5 = 500, Anbud C 750 kr och full poäng ger 750 - 750*1 = 0", and
/// "Påslag 100 % vid noll poäng: … A … 750, B … 1500, C … 750 + 750*0 = 750". A deduction of
/// 100 % is allowed: nothing divides by the evaluation price, and a bid with full points is
/// evaluated at 0 whatever its price, as the source says.
#[test]
fn e_avrop_percentage_deduction_and_markup_of_100_percent() {
    let bids = [
        simple_bid("A", "500", &[("Q", "5")]),
        simple_bid("B", "1000", &[("Q", "5")]),
        simple_bid("C", "750", &[("Q", "10")]),
    ];
    let deduction = percent_model("deduction", 100);
    // Valid; a warning (no description, a scale without descriptors) does not matter here.
    assert!(!tender_core::validate::has_errors(&tender_core::validate::validate_tender(&deduction)));
    let e = evaluate(&deduction, &bids).unwrap();
    let total = |e: &tender_score::Evaluation, id: &str| e.lots[0].bid(&id.into()).unwrap().total.unwrap().value;
    assert_eq!(total(&e, "A"), d("250"));
    assert_eq!(total(&e, "B"), d("500"));
    assert_eq!(total(&e, "C"), d("0"));
    assert_eq!(e.lots[0].awarded, vec!["C".into()]);
    // Each criterion's deduction is in the derivation: A's quality deducts 500 × 100 % × 50/100.
    let a = e.lots[0].bid(&"A".into()).unwrap();
    let Some(TotalDerivation::PercentAdjustment { per_criterion, .. }) = &a.total_derivation else {
        panic!("a percent adjustment")
    };
    assert_eq!(per_criterion[0].1.to_string(), "250");

    let e = evaluate(&percent_model("markup", 100), &bids).unwrap();
    assert_eq!(total(&e, "A"), d("750"));
    assert_eq!(total(&e, "B"), d("1500"));
    assert_eq!(total(&e, "C"), d("750"));
    // A and C tie at 750 and the tender can only draw lots.
    assert!(e.lots[0].awarded.is_empty());

    // Above 100 % a dearer bid with full points would win: refused, with the reason.
    let problems = tender_core::validate::validate_tender(&percent_model("deduction", 120));
    assert!(problems.iter().any(|p| p.path.ends_with("max_percent") && p.message.contains("negative")), "{problems:?}");
}
