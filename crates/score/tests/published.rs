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
    let Some(TotalDerivation::PercentAdjustment { per_criterion, .. }) = a.total_derivation.as_deref() else {
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

const DFO_BASKET: &str = r#"
[lots.award]
price_model = { kind = "proportional" }
price_basis = { kind = "basket" }
rounding = { decimals = 2 }
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Pris"
kind = "price"
weight = 100
[[lots.award.basket]]
id = "melk"
item = "I kartong lettmelk, 1 liter"
unit = "kartong"
quantity = 1500
[[lots.award.basket]]
id = "mel"
item = "1 pakke hvetemel, 1 kg"
unit = "pakke"
quantity = 50
[[lots.award.basket]]
id = "kaffe"
item = "1 pakke filtermalt kaffe, 250 g"
unit = "pakke"
quantity = 1200
[[lots.award.basket]]
id = "smor"
item = "1 pakke smør, 500 g"
unit = "pakke"
quantity = 540
"#;

fn basket_bid(id: &str, prices: &[(&str, &str)]) -> tender_core::Bid {
    let mut s = format!(
        "id = \"{id}\"\ntender = \"T\"\nlot = \"L1\"\nbidder = {{ id = \"{id}-co\", name = \"Bidder {id}\", country = \"NO\" }}\n"
    );
    for (line, price) in prices {
        s.push_str(&format!("[[price.unit_prices]]\nline = \"{line}\"\nprice = \"{price}\"\n"));
    }
    common::bid(&s)
}

/// DFØ (Direktoratet for forvaltning og økonomistyring), "Veileder i evaluering av tilbud",
/// chapter "Lavest pris eller lavest kostnad", example "kjøp av matvarer" (anskaffelser.no): a
/// shopping basket of four lines, "1500 × kr 18,00 = kr 27 000,00", "50 × kr 20,00 = kr 1 000,00",
/// "1200 × kr 25,00 = kr 30 000,00", "540 × kr 32,00 = kr 17 280,00", "Sum handlekurv kr 75 280,00",
/// the price compared with the other bids. Bids B and C are ours (the guide shows one bid): B is
/// cheaper on the basket although dearer on milk; C leaves out the butter and is rejected with
/// the line named, never priced at zero.
#[test]
fn dfo_shopping_basket_unit_prices_times_quantities() {
    let tender = one_lot(DFO_BASKET);
    assert!(!tender_core::validate::has_errors(&tender_core::validate::validate_tender(&tender)));
    let bids = [
        basket_bid("A", &[("melk", "18.00"), ("mel", "20.00"), ("kaffe", "25.00"), ("smor", "32.00")]),
        basket_bid("B", &[("melk", "19.00"), ("mel", "20.00"), ("kaffe", "23.00"), ("smor", "31.00")]),
        basket_bid("C", &[("melk", "10.00"), ("mel", "10.00"), ("kaffe", "10.00")]),
    ];
    let e = evaluate(&tender, &bids).unwrap();
    let lot = &e.lots[0];
    let a = lot.bid(&"A".into()).unwrap();
    let price = a.price.as_ref().unwrap();
    assert_eq!(price.evaluated.value, d("75280.00"));
    let tender_score::result::PriceBasisDetail::Basket { lines, .. } = &price.basis else { panic!("a basket") };
    let amounts: Vec<String> = lines.iter().map(|l| l.amount.to_string()).collect();
    assert_eq!(amounts, ["27000", "1000", "30000", "17280"]);
    // B: 28 500 + 1 000 + 27 600 + 16 740 = 73 840, the lowest: 100 points; A 100 × 73 840 / 75 280.
    assert_eq!(lot.bid(&"B".into()).unwrap().price.as_ref().unwrap().evaluated.value, d("73840.00"));
    assert_eq!(lot.awarded, vec!["B".into()]);
    assert_eq!(a.total.unwrap().value, d("98.09"));
    let c = lot.bid(&"C".into()).unwrap();
    assert_eq!(c.status, tender_score::result::BidStatus::Rejected);
    assert_eq!(c.rejection, vec![tender_core::compliance::Defect::UnitPriceMissing { line: "smor".into() }]);
    // The derivation names every line.
    let text = tender_score::explain::explain_price_basis(price, 2, &tender_score::explain::Plain);
    assert!(text.starts_with("1500 × 18 (melk) + 50 × 20 (mel)") && text.ends_with("= 75 280"), "{text}");
}

fn relative_model(relative: &str) -> tender_core::Tender {
    one_lot(&format!(
        r#"
[lots.award]
weighting = "points"
price_model = {{ kind = "proportional" }}
scale = "0-10"
rounding = {{ decimals = 2 }}
quality = {{ relative = "{relative}" }}
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Pris"
kind = "price"
weight = 10
[[lots.award.criteria]]
id = "Q"
name = "Kvalitet"
kind = "quality"
weight = 10
"#
    ))
}

/// Innkjøpskontoret, "Normalisert skivebom" (innkjopskontoret.no), on the Norwegian debate after
/// KOFA's grand-chamber case 2021/1000: "en av leverandørene oppnår 8 av 10 poeng, og den andre
/// oppnår 4 av 10 poeng … den med 8 poeng må få 10 poeng … En tilsvarende økning på 25% fra 4 bli
/// dermed til 5." Quality relative to the best bid per criterion gives 10 and 5; on the quality
/// total (one criterion) the same. Equal prices give both 10 price points (ours).
#[test]
fn innkjopskontoret_normalised_quality_8_and_4_become_10_and_5() {
    for relative in ["per-criterion", "quality-total"] {
        let tender = relative_model(relative);
        assert!(!tender_core::validate::has_errors(&tender_core::validate::validate_tender(&tender)));
        let bids = [simple_bid("A", "1000", &[("Q", "8")]), simple_bid("B", "1000", &[("Q", "4")])];
        let e = evaluate(&tender, &bids).unwrap();
        let lot = &e.lots[0];
        let quality = |id: &str| lot.bid(&id.into()).unwrap().quality.unwrap().value;
        assert_eq!((quality("A"), quality("B")), (d("10"), d("5")), "{relative}");
        assert_eq!(lot.bid(&"B".into()).unwrap().total.unwrap().value, d("15"), "{relative}");
        let b = lot.bid(&"B".into()).unwrap();
        if relative == "per-criterion" {
            assert_eq!(b.criteria[0].best.unwrap().to_string(), "8");
            let text = tender_score::explain::explain_criterion(&b.criteria[0], 2, &tender_score::explain::Plain);
            assert!(text.starts_with("10 × 4 / 8"), "{text}");
        } else {
            let r = *b.quality_relative.as_deref().unwrap();
            assert_eq!((r.absolute.to_string(), r.best.to_string()), ("4".to_owned(), "8".to_owned()));
            let text = tender_score::explain::explain_quality_relative(b, 2, &tender_score::explain::Plain).unwrap();
            assert_eq!(text, "10 × 4 / 8 = 5.00");
        }
    }
}

/// FE Leadership and Performance (felp.ac.uk), "An Assessment Method": non-financial to price
/// 80 : 20, "The highest score (Firm C) is allocated 100 points and the others given a relative
/// score using the formula [firm's score/highest score] x 100 eg Firm A is [123/129] x 100 =
/// 95.35", the lowest price gets 100 and the others lowest / price × 100. Its table: non-financial
/// totals 123, 126, 129, 117 become 95.35, 97.67, 100.00, 90.70; prices £10,500, £10,350, £11,750,
/// £9,900 give 94.29, 95.65, 84.26, 100.00; weighted 76.28, 78.14, 80.00, 72.56 and 18.86, 19.13,
/// 16.85, 20.00; final scores 95.14, 97.27, 96.85, 92.56. Quality relative to the best quality
/// total (`quality-total`) with the proportional price model gives every figure of the weighted
/// rows and the final scores, each exact and rounded once to 2 decimals. The non-financial totals
/// are one criterion on a scale of 0 to 150 here; any scale gives the same relative figures.
#[test]
fn felp_quality_total_relative_to_the_best_firm() {
    let tender = one_lot(
        r#"
[lots.award]
price_model = { kind = "proportional" }
scale = { min = 0, max = 150, step = 1 }
rounding = { decimals = 2 }
quality = { relative = "quality-total" }
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "NF"
name = "Non-financial"
kind = "quality"
weight = 80
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 20
"#,
    );
    let problems = tender_core::validate::validate_tender(&tender);
    assert!(!tender_core::validate::has_errors(&problems), "{problems:?}");
    let bids = [
        simple_bid("A", "10500", &[("NF", "123")]),
        simple_bid("B", "10350", &[("NF", "126")]),
        simple_bid("C", "11750", &[("NF", "129")]),
        simple_bid("D", "9900", &[("NF", "117")]),
    ];
    let e = evaluate(&tender, &bids).unwrap();
    let lot = &e.lots[0];
    let row = |id: &str| {
        let b = lot.bid(&id.into()).unwrap();
        let price = b.price.as_ref().unwrap().points.unwrap().value;
        (b.quality.unwrap().value, price, b.total.unwrap().value)
    };
    // Non-financial × 0.8, price × 0.2, final score: the source's rows.
    assert_eq!(row("A"), (d("76.28"), d("18.86"), d("95.14")));
    assert_eq!(row("B"), (d("78.14"), d("19.13"), d("97.27")));
    assert_eq!(row("C"), (d("80.00"), d("16.85"), d("96.85")));
    assert_eq!(row("D"), (d("72.56"), d("20.00"), d("92.56")));
    // The relative non-financial scores (out of 100) are the quality's percentage of its maximum.
    let percent = |id: &str| lot.bid(&id.into()).unwrap().quality_percent.unwrap().value;
    assert_eq!(["A", "B", "C", "D"].map(percent), [d("95.35"), d("97.67"), d("100.00"), d("90.70")]);
    let ranked: Vec<(&str, Option<u32>)> = lot.bids.iter().map(|b| (b.bid.as_str(), b.rank)).collect();
    assert_eq!(ranked, [("B", Some(1)), ("C", Some(2)), ("A", Some(3)), ("D", Some(4))]);
    assert_eq!(lot.awarded, vec!["B".into()]);
}

/// Relative quality: a bid's mark can move the others' points (the best bid sets the scale), so a
/// close-call check on one mark must re-score the whole field. A (8, dearer) against B (7,
/// cheaper): with relative quality, lowering A's mark to 7 makes B best on quality too.
#[test]
fn relative_quality_mark_flip_rescores_the_field() {
    let tender = relative_model("per-criterion");
    let bids = [simple_bid("A", "1100", &[("Q", "8")]), simple_bid("B", "1000", &[("Q", "7")])];
    let e = evaluate(&tender, &bids).unwrap();
    let lot = &e.lots[0];
    // A: 10 × 1000/1100 + 10 = 19.09; B: 10 + 10 × 7/8 = 18.75.
    assert_eq!(lot.awarded, vec!["A".into()]);
    assert_eq!(lot.bid(&"B".into()).unwrap().total.unwrap().value, d("18.75"));
    let flip = lot.close_calls.iter().any(|c| {
        matches!(c, tender_score::result::CloseCall::MarkFlip { bid, to, awarded, .. }
            if bid.as_str() == "A" && *to == d("7") && awarded == &vec![tender_core::Id::from("B")])
    });
    assert!(flip, "{:?}", lot.close_calls);

    // A (8) and B (6) at the same price: A 20, B 17.50. Lowering A's mark to 7 leaves A the best
    // on quality (10 points) and lifts B to 10 × 6/7: 18.57, so nothing flips. Scored alone on
    // the absolute scale, A would have fallen to 17 and seemed to lose: a false alarm.
    let bids = [simple_bid("A", "1000", &[("Q", "8")]), simple_bid("B", "1000", &[("Q", "6")])];
    let e = evaluate(&tender, &bids).unwrap();
    assert_eq!(e.lots[0].awarded, vec!["A".into()]);
    assert!(
        !e.lots[0].close_calls.iter().any(|c| matches!(c, tender_score::result::CloseCall::MarkFlip { .. })),
        "{:?}",
        e.lots[0].close_calls
    );
}

/// The Commission's Cloud Sovereignty Framework calculator workbook, its fictitious worked example
/// for SOV-1 (7 of 8 criteria answered), as recorded in `shared/domain/reference.md` §1.4 from
/// arc-kit's test of the workbook: "125.01 + 62.5 + 41.67 + 93.75 + 62.5 + 83 + 62.5 = 530.93. The
/// workbook's own example column shows 533 because of per-cell integer rounding". With
/// `answer_decimals = 0` the tender asks for the workbook's rounding and gets 533; without it the
/// exact 530.93. The number of answered criteria (7) is in the result.
#[test]
fn csf_calculator_rounds_each_answer_when_the_tender_asks() {
    let award = |rounding: &str| {
        one_lot(&format!(
            r#"
[lots.award]
price_model = {{ kind = "proportional" }}
rounding = {{ decimals = 2 }}
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 40
[[lots.award.criteria]]
id = "SOV"
name = "Sovereignty"
kind = "quality"
weight = 60
sovereignty = {{ weights = "calculator-2026" {rounding} }}
"#
        ))
    };
    let answers = ["125.01", "62.5", "41.67", "93.75", "62.5", "83", "62.5"];
    let mut toml = String::from(
        "id = \"A\"\ntender = \"T\"\nlot = \"L1\"\nbidder = { id = \"A-co\", name = \"A\", country = \"DK\" }\nprice = { total = 100 }\n",
    );
    for (k, p) in answers.iter().enumerate() {
        toml.push_str(&format!(
            "[[sovereignty.objectives.SOV-1.answers]]\ncriterion = \"SOV-1.{}\"\nseal = \"SEAL-2\"\npoints = {p}\n",
            k + 1
        ));
    }
    for o in 2..=8 {
        toml.push_str(&format!("[sovereignty.objectives.SOV-{o}]\nseal = \"SEAL-2\"\npoints = 500\n"));
    }
    let bid = common::bid(&toml);
    let sov1 = |e: &tender_score::Evaluation| {
        let b = e.lots[0].bid(&"A".into()).unwrap();
        let tender_score::result::ScoreBasis::Sovereignty { objectives } = &b.criteria[0].basis else {
            panic!("a sovereignty score")
        };
        objectives[0].clone()
    };
    let tender = award(", answer_decimals = 0");
    assert!(!tender_core::validate::has_errors(&tender_core::validate::validate_tender(&tender)));
    let rounded = sov1(&evaluate(&tender, std::slice::from_ref(&bid)).unwrap());
    assert_eq!(rounded.points, d("533"));
    assert_eq!(rounded.unrounded, Some(d("530.93")));
    assert_eq!(rounded.answered, Some(7));
    let exact = sov1(&evaluate(&award(""), std::slice::from_ref(&bid)).unwrap());
    assert_eq!(exact.points, d("530.93"));
    assert_eq!(exact.unrounded, None);
}

/// Rounding at several steps, each with its own decimals (issue 12, rule 4). No published
/// example combining steps was found; this one is checked by hand. Marks 4, 4 and 3 on 0-10:
/// the mean 11/3 is rounded to 1 decimal at the aggregate (3.7), so the quality criterion of
/// weight 60 gives 60 × 3.7 / 10 = 22.2 exactly; without the step it gives 22 (60 × 11/30).
/// Price: 40 × 900 / 1 300 = 27.692307…, rounded down to 1 decimal at the price points: 27.6.
#[test]
fn rounding_at_several_steps_each_with_its_decimals() {
    let award = |steps: &str| {
        one_lot(&format!(
            r#"
[lots.award]
price_model = {{ kind = "proportional" }}
scale = "0-10"
rounding = {{ decimals = 2 {steps} }}
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
"#
        ))
    };
    let marks = |id: &str, price: &str| {
        let mut s = format!(
            "id = \"{id}\"\ntender = \"T\"\nlot = \"L1\"\nbidder = {{ id = \"{id}-co\", name = \"{id}\", country = \"DK\" }}\nprice = {{ total = {price} }}\n"
        );
        for (e, m) in [("E1", 4), ("E2", 4), ("E3", 3)] {
            s.push_str(&format!(
                "[[scores]]\nevaluator = \"{e}\"\ncriterion = \"Q\"\nscore = {m}\njustification = \"x\"\n"
            ));
        }
        common::bid(&s)
    };
    let bids = [marks("A", "1300"), simple_bid("B", "900", &[("Q", "0")])];
    let stepped = award(
        r#", steps = [{ step = "aggregate", decimals = 1 }, { step = "price-points", decimals = 1, strategy = "down" }]"#,
    );
    assert!(!tender_core::validate::has_errors(&tender_core::validate::validate_tender(&stepped)));
    let e = evaluate(&stepped, &bids).unwrap();
    let a = e.lots[0].bid(&"A".into()).unwrap();
    assert_eq!(a.criteria[0].points.exact.to_string(), "111/5"); // 22.2
    assert_eq!(a.price.as_ref().unwrap().points.unwrap().value, d("27.6"));
    assert_eq!(a.total.unwrap().value, d("49.80"));
    let plain = evaluate(&award(""), &bids).unwrap();
    let a = plain.lots[0].bid(&"A".into()).unwrap();
    assert_eq!(a.criteria[0].points.value, d("22.00"));
    assert_eq!(a.total.unwrap().value, d("49.69"));

    // A step listed twice is refused when the file is read; a step that repeats `at` by validation.
    let source = r#"
id = "T"
title = "Test"
buyer = { name = "Buyer", country = "DK" }
procedure = "open"
currency = "DKK"
languages = ["en"]
contract = { duration_months = 48 }
[[lots]]
id = "L1"
title = "Lot"
[lots.award]
price_model = { kind = "proportional" }
rounding = { steps = [{ step = "ratio", decimals = 2 }, { step = "ratio", decimals = 3 }] }
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 100
"#;
    let parse = |source: &str| {
        tender_core::files::parse::<tender_core::Tender>(source, tender_core::files::Format::Toml, "t.toml".as_ref())
    };
    let twice = parse(source);
    let message = twice.unwrap_err().to_string();
    assert!(message.contains("`ratio` is listed twice"), "{message}");
    // Listed in the order they are computed, so `steps[k]` in a message is the k-th as written.
    let reversed = parse(&source.replace(
        r#"{ step = "ratio", decimals = 2 }, { step = "ratio", decimals = 3 }"#,
        r#"{ step = "total", decimals = 2 }, { step = "ratio", decimals = 2 }"#,
    ));
    let message = reversed.unwrap_err().to_string();
    assert!(message.contains("`ratio` is listed after `total`"), "{message}");
    let repeated = award(r#", at = "criterion", steps = [{ step = "criterion", decimals = 3 }]"#);
    let problems = tender_core::validate::validate_tender(&repeated);
    assert!(problems.iter().any(|p| p.path.ends_with("rounding.steps[0].step")), "{problems:?}");
}

/// Several price criteria in one lot, each scoring its own price components with its own model
/// (issue 12, rule 1): checked by hand (the published example, with one model for all three
/// criteria, is `niedersachsen_three_price_criteria_…` below). Licences 40 points, proportional;
/// services 20 points, linear with a slope of 50 %; quality 40. A: licences 1 000, services 500; B: 800 and 700.
/// A: 40 × 800 / 1 000 = 32 and 20 (the lowest services); B: 40 and 20 × (1 − 200 / 250) = 4.
/// With quality 5 of 10 each (20 points): A 72, B 64. C prices no services and is rejected.
#[test]
fn several_price_criteria_each_score_their_components() {
    let tender = one_lot(
        r#"
[lots.award]
price_model = { kind = "proportional" }
scale = "0-10"
rounding = { decimals = 2 }
tie_break = ["drawing-lots"]
[[lots.award.price_components]]
id = "LIC"
name = "Licences"
[[lots.award.price_components]]
id = "SERV"
name = "Services"
[[lots.award.criteria]]
id = "P-LIC"
name = "Licence price"
kind = "price"
weight = 40
components = ["LIC"]
[[lots.award.criteria]]
id = "P-SERV"
name = "Service price"
kind = "price"
weight = 20
components = ["SERV"]
price_model = { kind = "linear-slope", slope = 50 }
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
weight = 40
"#,
    );
    let problems = tender_core::validate::validate_tender(&tender);
    assert!(!tender_core::validate::has_errors(&problems), "{problems:?}");
    let bid = |id: &str, parts: &[(&str, &str)]| {
        let mut s = format!(
            "id = \"{id}\"\ntender = \"T\"\nlot = \"L1\"\nbidder = {{ id = \"{id}-co\", name = \"{id}\", country = \"DK\" }}\n"
        );
        for (c, p) in parts {
            s.push_str(&format!("[[price.components]]\ncomponent = \"{c}\"\nprice = {p}\n"));
        }
        s.push_str("[[consensus]]\ncriterion = \"Q\"\nscore = 5\njustification = \"x\"\n");
        common::bid(&s)
    };
    let bids = [
        bid("A", &[("LIC", "1000"), ("SERV", "500")]),
        bid("B", &[("LIC", "800"), ("SERV", "700")]),
        bid("C", &[("LIC", "100")]),
    ];
    let e = evaluate(&tender, &bids).unwrap();
    let lot = &e.lots[0];
    let a = lot.bid(&"A".into()).unwrap();
    let b = lot.bid(&"B".into()).unwrap();
    let points = |r: &tender_score::BidResult| -> Vec<Decimal> {
        r.prices.iter().map(|p| p.price.points.unwrap().value).collect()
    };
    assert_eq!(points(a), [d("32"), d("20")]);
    assert_eq!(points(b), [d("40"), d("4")]);
    assert_eq!(a.price.as_ref().unwrap().points.unwrap().value, d("52"));
    assert_eq!((a.total.unwrap().value, b.total.unwrap().value), (d("72"), d("64")));
    assert_eq!(a.price.as_ref().unwrap().evaluated.value, d("1500"));
    assert_eq!(lot.awarded, vec!["A".into()]);
    let lowest: Vec<String> = lot.price_references.iter().map(|r| r.lowest.to_string()).collect();
    assert_eq!(lowest, ["800", "500"]);
    let c = lot.bid(&"C".into()).unwrap();
    assert_eq!(c.rejection, vec![tender_core::compliance::Defect::ComponentNotPriced { component: "SERV".into() }]);

    // Two price criteria without components: refused, with what would fix it.
    let mut bad = tender.clone();
    bad.lots[0].award.price_components.clear();
    let problems = tender_core::validate::validate_tender(&bad);
    assert!(
        problems.iter().any(|p| p.path.ends_with("criteria[1].kind") && p.fix.contains("price_components")),
        "{problems:?}"
    );
}

/// Several price criteria in one lot, each with its own maximum points and the part of the price
/// it reads (issue 12, rule 1), from a contracting authority's published award rules on the
/// Lower Saxony procurement portal (vergabe.niedersachsen.de, project CXQ6YYHR62J, "processdata"):
/// "Die preislichen Faktoren fließen mit insgesamt 40,00 % (max. 400 Punkte) in die Wertung ein",
/// "A Pauschalpreis pro Jahr für die Vorhaltung, 40,00 % (max. 160 Punkte)", "B: Preis pro
/// Kilometer (Fahrtkosten) 5,00 % (max. 20 Punkte)", "C: Angebotssumme Block 1, 22,50 % (max. 90
/// Punkte)"; for each, the lowest gets the maximum and "Ausgehend hiervon erfolgt für die anderen
/// Angebote ein Punktabzug von einem Prozent vom maximalen Punktewert je einem Prozent höherem
/// Preis" (linear with a slope of 100 %), with the examples "Bei einem um 10 % höheren Preis … 144
/// Punkte von 160 möglichen Punkten", "… 18 Punkte von 20 möglichen Punkten" and "Bei einer um
/// 10 % höheren Angebotssumme … 81 Punkte von 90 möglichen Punkten". Only these three criteria
/// are written: the stored text breaks off at "D: An…", so criterion D and the non-price part are
/// not known here and are left out rather than guessed. The amounts are chosen; the source gives
/// only "10 % higher than the lowest", which bid Y is on every criterion.
#[test]
fn niedersachsen_three_price_criteria_each_deduct_one_percent_per_percent() {
    let tender = one_lot(
        r#"
[lots.award]
price_model = { kind = "linear-slope", slope = 100 }
weighting = "points"
scale = "0-10"
rounding = { decimals = 2 }
tie_break = ["drawing-lots"]
[[lots.award.price_components]]
id = "POS1"
name = "Pauschalpreis pro Jahr für die Vorhaltung"
[[lots.award.price_components]]
id = "POS2"
name = "Preis pro Kilometer (Fahrtkosten)"
[[lots.award.price_components]]
id = "BLOCK1"
name = "Angebotssumme Block 1"
[[lots.award.criteria]]
id = "A"
name = "Pauschalpreis pro Jahr"
kind = "price"
weight = 160
components = ["POS1"]
[[lots.award.criteria]]
id = "B"
name = "Preis pro Kilometer"
kind = "price"
weight = 20
components = ["POS2"]
[[lots.award.criteria]]
id = "C"
name = "Angebotssumme Block 1"
kind = "price"
weight = 90
components = ["BLOCK1"]
"#,
    );
    let problems = tender_core::validate::validate_tender(&tender);
    assert!(!tender_core::validate::has_errors(&problems), "{problems:?}");
    let bid = |id: &str, parts: [&str; 3]| {
        let mut s = format!(
            "id = \"{id}\"\ntender = \"T\"\nlot = \"L1\"\nbidder = {{ id = \"{id}-co\", name = \"{id}\", country = \"DE\" }}\n"
        );
        for (c, p) in ["POS1", "POS2", "BLOCK1"].iter().zip(parts) {
            s.push_str(&format!("[[price.components]]\ncomponent = \"{c}\"\nprice = {p}\n"));
        }
        common::bid(&s)
    };
    // X is the lowest on every criterion; Y is 10 % above it on each.
    let bids = [bid("X", ["100000", "2.00", "50000"]), bid("Y", ["110000", "2.20", "55000"])];
    let e = evaluate(&tender, &bids).unwrap();
    let lot = &e.lots[0];
    let points = |id: &str| -> Vec<Decimal> {
        lot.bid(&id.into()).unwrap().prices.iter().map(|p| p.price.points.unwrap().value).collect()
    };
    // Each criterion's lowest gets its maximum: 160, 20 and 90.
    assert_eq!(points("X"), [d("160"), d("20"), d("90")]);
    // 10 % higher loses 10 % of each maximum: 144 of 160, 18 of 20, 81 of 90 (the source's figures).
    assert_eq!(points("Y"), [d("144"), d("18"), d("81")]);
    // Each criterion compares its own component: the lowest of each is X's.
    let lowest: Vec<String> = lot.price_references.iter().map(|r| r.lowest.to_string()).collect();
    assert_eq!(lowest, ["100000", "2", "50000"]);
    // The sums are not in the source (it gives no total): 270 and 243 of these three criteria.
    let total = |id: &str| lot.bid(&id.into()).unwrap().total.unwrap().value;
    assert_eq!((total("X"), total("Y")), (d("270"), d("243")));
    assert_eq!(lot.awarded, vec!["X".into()]);
}

/// A "betygviktsumma" with the cost graded on 0–5 and rounded to 2 decimals before weighting
/// (issue 12, rule 4: a criterion's grade on its own scale), from Riksantikvarieämbetet's
/// "Bedömnings- och utvärderingsmetoder inom uppdragsarkeologin", the two worked tables of its
/// appendix (yumpu.com/sv/document/view/20398818, pages 93 and 95, "Ursprunglig viktning").
/// Result = Σ weight × grade on 0–5, the cost grade 5 × lowest price / price. The source's
/// weights 20 %, 10 %, 45 % and 25 % on a 0–5 result are the points 1, 0.5, 2.25 and 1.25
/// (weight × 5), since weight × grade = (weight × 5) × grade / 5.
///
/// Page 93, points to 3 decimals: Företag 1 (1 781 400 kr): 3,8 0,76 · 3,8 0,38 · 2,7 1,215 ·
/// cost 3,05 0,763 = 3,118; Företag 2 (2 367 850 kr): 4,8 0,96 · 4,5 0,45 · 4,7 2,115 · cost 2,3
/// 0,575 = 4,100; Företag 3 (1 087 400 kr): 4,1 0,82 · 4,3 0,43 · 3,5 1,575 · cost 5 1,250 =
/// 4,075. Page 95, points to 2 decimals, weights 20/10/35/35: Företag 1 (556 100 kr): 4 0,8 ·
/// 4,5 0,45 · 3 1,05 · cost 5 1,75 = 4,05; Företag 2 (899 500 kr): 4,5 0,9 · 4,5 0,45 · 4,5 1,58
/// · cost 3,09 1,08 = 4,01; Företag 3 (790 800 kr): 4,5 0,9 · 4,5 0,45 · 4,5 1,58 · cost 3,52
/// 1,23 = 4,16.
#[test]
fn riksantikvarieambetet_cost_grade_rounded_on_its_scale_before_weighting() {
    let award = |weights: [&str; 4], decimals: u32| {
        one_lot(&format!(
            r#"
[lots.award]
price_model = {{ kind = "proportional" }}
weighting = "points"
scale = {{ min = 0, max = 5, step = 0.1 }}
rounding = {{ decimals = {decimals}, steps = [{{ step = "grade", decimals = 2 }}, {{ step = "criterion", decimals = {decimals} }}] }}
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "PERS"
name = "Kompetens personal"
kind = "quality"
weight = {}
[[lots.award.criteria]]
id = "FTG"
name = "Kompetens företag"
kind = "quality"
weight = {}
[[lots.award.criteria]]
id = "GEN"
name = "Genomförande"
kind = "quality"
weight = {}
[[lots.award.criteria]]
id = "K"
name = "Kostnad"
kind = "price"
weight = {}
"#,
            weights[0], weights[1], weights[2], weights[3]
        ))
    };
    let bid = |id: &str, price: &str, grades: [&str; 3]| {
        simple_bid(id, price, &[("PERS", grades[0]), ("FTG", grades[1]), ("GEN", grades[2])])
    };
    let check = |e: &tender_score::Evaluation, id: &str, cost_grade: &str, points: [&str; 4], total: &str| {
        let b = e.lots[0].bid(&id.into()).unwrap();
        let p = b.price.as_ref().unwrap();
        assert_eq!(p.grade.unwrap().grade.approx(2), d(cost_grade), "{id} cost grade");
        assert_eq!(b.criteria[0].points.value, d(points[0]), "{id} PERS");
        assert_eq!(b.criteria[1].points.value, d(points[1]), "{id} FTG");
        assert_eq!(b.criteria[2].points.value, d(points[2]), "{id} GEN");
        assert_eq!(p.points.unwrap().value, d(points[3]), "{id} cost");
        assert_eq!(b.total.unwrap().value, d(total), "{id} total");
    };

    // Page 93: points and totals to 3 decimals.
    let tender = award(["1", "0.5", "2.25", "1.25"], 3);
    assert!(!tender_core::validate::has_errors(&tender_core::validate::validate_tender(&tender)));
    let bids = [
        bid("F1", "1781400", ["3.8", "3.8", "2.7"]),
        bid("F2", "2367850", ["4.8", "4.5", "4.7"]),
        bid("F3", "1087400", ["4.1", "4.3", "3.5"]),
    ];
    let e = evaluate(&tender, &bids).unwrap();
    check(&e, "F1", "3.05", ["0.760", "0.380", "1.215", "0.763"], "3.118");
    check(&e, "F2", "2.30", ["0.960", "0.450", "2.115", "0.575"], "4.100");
    check(&e, "F3", "5", ["0.820", "0.430", "1.575", "1.250"], "4.075");
    // "Resultat 3 1 2": Företag 2 first, Företag 3 second, Företag 1 third.
    let ranks: Vec<_> =
        ["F1", "F2", "F3"].iter().map(|id| e.lots[0].bid(&(*id).into()).unwrap().rank.unwrap()).collect();
    assert_eq!(ranks, vec![3, 1, 2]);
    // Without the grade step the cost is weighted unrounded: 1.25 × 1 087 400 / 1 781 400 =
    // 0.76302…, 0.763 all the same, but 1.25 × 1 087 400 / 2 367 850 = 0.574…, not 0.575.
    let plain = award(["1", "0.5", "2.25", "1.25"], 3);
    let mut plain = plain;
    plain.lots[0].award.rounding = tender_core::files::parse::<tender_core::award::RoundingPolicy>(
        r#"decimals = 3
steps = [{ step = "criterion", decimals = 3 }]"#,
        tender_core::files::Format::Toml,
        "r.toml".as_ref(),
    )
    .unwrap();
    let e = evaluate(&plain, &bids).unwrap();
    let f2 = e.lots[0].bid(&"F2".into()).unwrap();
    assert_eq!(f2.price.as_ref().unwrap().points.unwrap().value, d("0.574"));
    assert!(f2.price.as_ref().unwrap().grade.is_none());

    // Page 95: weights 20/10/35/35, points and totals to 2 decimals.
    let tender = award(["1", "0.5", "1.75", "1.75"], 2);
    let bids = [
        bid("F1", "556100", ["4", "4.5", "3"]),
        bid("F2", "899500", ["4.5", "4.5", "4.5"]),
        bid("F3", "790800", ["4.5", "4.5", "4.5"]),
    ];
    let e = evaluate(&tender, &bids).unwrap();
    check(&e, "F1", "5", ["0.80", "0.45", "1.05", "1.75"], "4.05");
    check(&e, "F2", "3.09", ["0.90", "0.45", "1.58", "1.08"], "4.01");
    check(&e, "F3", "3.52", ["0.90", "0.45", "1.58", "1.23"], "4.16");
    let explained = tender_score::explain::explain_price_points(
        e.lots[0].bid(&"F2".into()).unwrap().price.as_ref().unwrap(),
        2,
        &tender_score::explain::Plain,
    )
    .unwrap();
    assert_eq!(explained, "1.75 × round(5 × 556 100 / 899 500) / 5 = 1.75 × 3.09 / 5 = 1.08");
}

/// Negometrix support, "Low bid scoring formula" (support-us.negometrix.com/support/solutions/
/// articles/44001761046-low-bid-scoring-formula), section "Example": criteria Experience 60 points,
/// Extent of quality control / quality assurance 40, Time to completion 30, Price score 70 (200 in
/// all); "Bidder A scores 40 (of 60), 30 (of 40), 20 (of 30) and submits a price of $ 10,000.
/// Bidder B scores 32, 20, 22 and submits $ 8,000", "8,000 / 10,000 x 70 (max points) = 56
/// points", "8,000/8,000 x 70 = 70 points", totals 146 (73 %) and 144 (72 %): "Bidder A has more
/// points (146) than bidder B (144) and wins". No national guide or complaints-board decision with
/// a measured criterion's figures was found (issue 18); this is the closest published worked
/// example of a formula over the bids' stated figures. The price score is written here as the
/// tender's own formula over the stated price, `max * best / value`, on a measured criterion, and
/// as the preset proportional rule: both give the published figures.
#[test]
fn negometrix_low_bid_formula_as_a_custom_formula() {
    for rule in [r#"{ kind = "formula", formula = "max * best / value" }"#, r#"{ kind = "proportional" }"#] {
        let tender = one_lot(&format!(
            r#"
[lots.award]
weighting = "points"
price_model = {{ kind = "proportional" }}
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "EXP"
name = "Experience"
kind = "quality"
weight = 60
scale = {{ min = 0, max = 60 }}
[[lots.award.criteria]]
id = "QA"
name = "Extent of quality control / quality assurance"
kind = "quality"
weight = 40
scale = {{ min = 0, max = 40 }}
[[lots.award.criteria]]
id = "TIME"
name = "Time to completion"
kind = "quality"
weight = 30
scale = {{ min = 0, max = 30 }}
[[lots.award.criteria]]
id = "PRICE"
name = "Price score"
kind = "quality"
weight = 70
[lots.award.criteria.measure]
unit = "USD"
direction = "lower-is-better"
min = 1
max = 1000000
rule = {rule}
"#
        ));
        let errors: Vec<_> = tender_core::validate::validate_tender(&tender)
            .into_iter()
            .filter(|p| p.level == tender_core::Level::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:?}");
        assert!(tender_score::measured::check_formulas(&tender).is_empty());
        let with_price = |id: &str, marks: &[(&str, &str)], price: &str| {
            let mut b = simple_bid(id, price, marks);
            b.measures.push(tender_core::measure::StatedValue {
                criterion: "PRICE".into(),
                value: tender_core::num::Measurement::new(d(price)),
                evidence: None,
            });
            b
        };
        let bids = [
            with_price("A", &[("EXP", "40"), ("QA", "30"), ("TIME", "20")], "10000"),
            with_price("B", &[("EXP", "32"), ("QA", "20"), ("TIME", "22")], "8000"),
        ];
        let e = evaluate(&tender, &bids).unwrap();
        let lot = &e.lots[0];
        let bid = |id: &str| lot.bid(&id.into()).unwrap();
        let price_points =
            |id: &str| bid(id).criteria.iter().find(|c| c.criterion.as_str() == "PRICE").unwrap().points.value;
        assert_eq!(price_points("A"), d("56"));
        assert_eq!(price_points("B"), d("70"));
        assert_eq!(bid("A").total.unwrap().value, d("146"));
        assert_eq!(bid("B").total.unwrap().value, d("144"));
        // The shares of the 200 points: 73 % and 72 %.
        assert_eq!(bid("A").total.unwrap().value * d("100") / d("200"), d("73"));
        assert_eq!(bid("B").total.unwrap().value * d("100") / d("200"), d("72"));
        assert_eq!(lot.awarded, vec!["A".into()]);
    }
}

/// The two published examples above with the price scored by the price model `formula` (issue
/// 18): no national guidance or complaints-board decision giving figures for a custom price
/// formula was found; these are published formulas over the bids' prices with every figure given.
///
/// Negometrix, "Low bid scoring formula" (cited above): `8,000 / 10,000 x 70 = 56`,
/// `8,000 / 8,000 x 70 = 70`, totals 146 and 144, bidder A wins: the formula
/// `max * lowest / price`.
///
/// Riksantikvarieämbetet, "Bedömnings- och utvärderingsmetoder inom uppdragsarkeologin" page 93
/// (cited above): the cost grade `5 × lowest / price` rounded to 2 decimals on its 0–5 scale
/// (3,05; 2,3; 5), then weighted by 25 % and shown to 3 decimals (0,763; 0,575; 1,250), totals
/// 3,118, 4,100 and 4,075: the formula `round_half_up(5 * lowest / price, 2) * max / 5` with
/// `max` = 1.25 (25 % of the 5-point scale), the grade's rounding written into the formula
/// instead of the rounding policy's `grade` step.
#[test]
fn published_price_formulas_as_the_price_model_formula() {
    let tender = one_lot(
        r#"
[lots.award]
weighting = "points"
price_model = { kind = "formula", formula = "max * lowest / price" }
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "EXP"
name = "Experience"
kind = "quality"
weight = 60
scale = { min = 0, max = 60 }
[[lots.award.criteria]]
id = "QA"
name = "Extent of quality control / quality assurance"
kind = "quality"
weight = 40
scale = { min = 0, max = 40 }
[[lots.award.criteria]]
id = "TIME"
name = "Time to completion"
kind = "quality"
weight = 30
scale = { min = 0, max = 30 }
[[lots.award.criteria]]
id = "PRICE"
name = "Price score"
kind = "price"
weight = 70
"#,
    );
    assert!(!tender_core::validate::has_errors(&tender_core::validate::validate_tender(&tender)));
    assert!(tender_score::measured::check_formulas(&tender).is_empty());
    let bids = [
        simple_bid("A", "10000", &[("EXP", "40"), ("QA", "30"), ("TIME", "20")]),
        simple_bid("B", "8000", &[("EXP", "32"), ("QA", "20"), ("TIME", "22")]),
    ];
    let e = evaluate(&tender, &bids).unwrap();
    let lot = &e.lots[0];
    let bid = |id: &str| lot.bid(&id.into()).unwrap();
    assert_eq!(bid("A").price.as_ref().unwrap().points.unwrap().value, d("56"));
    assert_eq!(bid("B").price.as_ref().unwrap().points.unwrap().value, d("70"));
    assert_eq!(bid("A").total.unwrap().value, d("146"));
    assert_eq!(bid("B").total.unwrap().value, d("144"));
    assert_eq!(lot.awarded, vec!["A".into()]);
    let explained = tender_score::explain::explain_price_points(
        bid("A").price.as_ref().unwrap(),
        lot.decimals,
        &tender_score::explain::Plain,
    )
    .unwrap();
    assert_eq!(explained, "70 × 8000 ÷ 10 000 = 56.00");

    let tender = one_lot(
        r#"
[lots.award]
price_model = { kind = "formula", formula = "round_half_up(5 * lowest / price, 2) * max / 5" }
weighting = "points"
scale = { min = 0, max = 5, step = 0.1 }
rounding = { decimals = 3, steps = [{ step = "criterion", decimals = 3 }] }
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "PERS"
name = "Kompetens personal"
kind = "quality"
weight = 1
[[lots.award.criteria]]
id = "FTG"
name = "Kompetens företag"
kind = "quality"
weight = 0.5
[[lots.award.criteria]]
id = "GEN"
name = "Genomförande"
kind = "quality"
weight = 2.25
[[lots.award.criteria]]
id = "K"
name = "Kostnad"
kind = "price"
weight = 1.25
"#,
    );
    assert!(!tender_core::validate::has_errors(&tender_core::validate::validate_tender(&tender)));
    assert!(tender_score::measured::check_formulas(&tender).is_empty());
    let bids = [
        simple_bid("F1", "1781400", &[("PERS", "3.8"), ("FTG", "3.8"), ("GEN", "2.7")]),
        simple_bid("F2", "2367850", &[("PERS", "4.8"), ("FTG", "4.5"), ("GEN", "4.7")]),
        simple_bid("F3", "1087400", &[("PERS", "4.1"), ("FTG", "4.3"), ("GEN", "3.5")]),
    ];
    let e = evaluate(&tender, &bids).unwrap();
    let lot = &e.lots[0];
    let bid = |id: &str| lot.bid(&id.into()).unwrap();
    for (id, cost, total, rank) in
        [("F1", "0.763", "3.118", 3), ("F2", "0.575", "4.100", 1), ("F3", "1.250", "4.075", 2)]
    {
        assert_eq!(bid(id).price.as_ref().unwrap().points.unwrap().value, d(cost), "{id} cost");
        assert_eq!(bid(id).total.unwrap().value, d(total), "{id} total");
        assert_eq!(bid(id).rank, Some(rank), "{id} rank");
    }
    let explained = tender_score::explain::explain_price_points(
        bid("F2").price.as_ref().unwrap(),
        3,
        &tender_score::explain::Plain,
    )
    .unwrap();
    assert_eq!(explained, "round_half_up(5 × 1 087 400 ÷ 2 367 850, 2) × 1.25 ÷ 5 = 0.575");
}

/// The dtvp.de tender in five price sheets of 20 points each, with its totals relative to the best
/// bid's (issue 12, rule 3, second half).
fn dtvp_relative_total(decimals: u32) -> tender_core::Tender {
    let mut award = format!(
        r#"
[lots.award]
price_model = {{ kind = "proportional" }}
weighting = "points"
relative_total = true
rounding = {{ decimals = {decimals} }}
tie_break = ["lower-price", "drawing-lots"]
"#
    );
    for k in 1..=5 {
        award.push_str(&format!("[[lots.award.price_components]]\nid = \"K{k}\"\nname = \"Preisblatt {k}\"\n"));
    }
    for k in 1..=5 {
        award.push_str(&format!(
            "[[lots.award.criteria]]\nid = \"P{k}\"\nname = \"Preisblatt {k}\"\nkind = \"price\"\nweight = 20\ncomponents = [\"K{k}\"]\n"
        ));
    }
    one_lot(&award)
}

/// A bid pricing the five price sheets.
fn dtvp_bid(id: &str, sheets: [&str; 5]) -> tender_core::Bid {
    let mut s = format!(
        "id = \"{id}\"\ntender = \"T\"\nlot = \"L1\"\nbidder = {{ id = \"{id}-co\", name = \"{id}\", country = \"DE\" }}\n"
    );
    for (k, p) in sheets.iter().enumerate() {
        s.push_str(&format!("[[price.components]]\ncomponent = \"K{}\"\nprice = {p}\n", k + 1));
    }
    common::bid(&s)
}

/// dtvp.de, project CXP4YDAM4KJ (www.dtvp.de/Satellite/public/company/project/CXP4YDAM4KJ/de/
/// processdata/eforms): five price sheets of 20 points each, and "Der Bieter mit dem höchsten
/// Gesamtpunktwert erzielt die volle Punktzahl, die maximal zu erreichende Punktzahl = 100
/// Punkte" and "Die so ermittelte Gesamt-Punktzahl wird zu den mitbietenden Firmen in Relation
/// gesetzt"; the general formula "(evaluated score) / (highest evaluated score) × 100 %"
/// (commercedecisions.com/normalising-scores-all-things-are-relative). Neither gives bid figures:
/// the prices are ours and the figures hand-checked.
///
/// Each sheet scores 20 × lowest / price (the lowest of every sheet is 100):
/// - X: 100, 100, 200, 100, 160 → 20 + 20 + 10 + 20 + 12.5 = 82.5
/// - Y: 125, 100, 100, 160, 100 → 16 + 20 + 20 + 12.5 + 20 = 88.5 (the best)
/// - Z: 200, 125, 100, 125, 200 → 10 + 16 + 20 + 16 + 10 = 72
/// - W: 125, 100, 200, 100, 125 → 16 + 20 + 10 + 20 + 16 = 82
///
/// Relative to the best, 100 × total / 88.5: Y 100; X 8250 / 88.5 = 16500/177 = 93.2203… → 93.22;
/// W 8200 / 88.5 = 16400/177 = 92.6553… → 92.66; Z 7200 / 88.5 = 14400/177 = 81.3559… → 81.36.
/// Published to whole points X and W both have 93: the tie is broken by the lower price, W's 650
/// against X's 660, so W ranks before X although its own total is lower.
#[test]
fn dtvp_totals_relative_to_the_best_total_of_five_price_sheets() {
    let tender = dtvp_relative_total(2);
    let problems = tender_core::validate::validate_tender(&tender);
    assert!(!tender_core::validate::has_errors(&problems), "{problems:?}");
    let bids = [
        dtvp_bid("X", ["100", "100", "200", "100", "160"]),
        dtvp_bid("Y", ["125", "100", "100", "160", "100"]),
        dtvp_bid("Z", ["200", "125", "100", "125", "200"]),
        dtvp_bid("W", ["125", "100", "200", "100", "125"]),
    ];
    let e = evaluate(&tender, &bids).unwrap();
    let lot = &e.lots[0];
    let bid = |id: &str| lot.bid(&id.into()).unwrap();
    let relative = |id: &str| *bid(id).total_relative.as_deref().unwrap();
    // The raw totals, the best and the maximum.
    for (id, raw) in [("X", "82.5"), ("Y", "88.5"), ("Z", "72"), ("W", "82")] {
        let r = relative(id);
        let x = |s: &str| tender_score::Exact::from_decimal(d(s));
        assert_eq!((r.absolute, r.best, r.maximum), (x(raw), x("88.5"), x("100")), "{id}");
    }
    // The relative totals, exact and published.
    let total = |id: &str| bid(id).total.unwrap();
    assert_eq!(total("Y").value, d("100"));
    assert_eq!(total("X").exact, tender_score::Exact::new(16500, 177).unwrap());
    assert_eq!(total("X").value, d("93.22"));
    assert_eq!(total("W").exact, tender_score::Exact::new(16400, 177).unwrap());
    assert_eq!(total("W").value, d("92.66"));
    assert_eq!(total("Z").exact, tender_score::Exact::new(14400, 177).unwrap());
    assert_eq!(total("Z").value, d("81.36"));
    let order: Vec<(String, u32)> = lot.bids.iter().map(|b| (b.bid.to_string(), b.rank.unwrap())).collect();
    assert_eq!(order, [("Y".into(), 1), ("X".into(), 2), ("W".into(), 3), ("Z".into(), 4)]);
    assert_eq!(lot.awarded, vec!["Y".into()]);
    assert!(lot.ties.is_empty());
    // The derivation: each sheet's points, their sum (the bid's own total), then relative to the best.
    let plain = &tender_score::explain::Plain;
    let sheets: Vec<Decimal> = bid("X").prices.iter().map(|p| p.price.points.unwrap().value).collect();
    assert_eq!(sheets, [d("20"), d("20"), d("10"), d("20"), d("12.5")]);
    assert_eq!(tender_score::explain::explain_total(bid("X"), 2, plain).unwrap(), "82.5");
    assert_eq!(tender_score::explain::explain_total_relative(bid("X"), 2, plain).unwrap(), "100 × 82.5 / 88.5 = 93.22");

    // Published to whole points, X (93.22) and W (92.66) tie at 93; the lower price decides.
    let e = evaluate(&dtvp_relative_total(0), &bids).unwrap();
    let lot = &e.lots[0];
    let order: Vec<(String, u32, Decimal)> =
        lot.bids.iter().map(|b| (b.bid.to_string(), b.rank.unwrap(), b.total.unwrap().value)).collect();
    assert_eq!(
        order,
        [("Y".into(), 1, d("100")), ("W".into(), 2, d("93")), ("X".into(), 3, d("93")), ("Z".into(), 4, d("81"))]
    );
    assert_eq!(lot.ties.len(), 1);
    assert_eq!(lot.ties[0].value, d("93"));
    assert_eq!(lot.ties[0].bids, vec!["W".into(), "X".into()]);
    assert_eq!(lot.ties[0].broken_by, Some(tender_core::award::TieBreakRule::LowerPrice));
    assert_eq!(lot.awarded, vec!["Y".into()]);

    // Where the lowest figure wins there is no total to make relative: refused, located.
    let mut ppqp = tender.clone();
    ppqp.lots[0].award.price_model =
        tender_core::award::PriceModel::PricePerQualityPoint { corridor: None, decision: Default::default() };
    let problems = tender_core::validate::validate_tender(&ppqp);
    assert!(
        problems
            .iter()
            .any(|p| p.path == "lots[0].award.relative_total" && p.message.contains("price-per-quality-point")),
        "{problems:?}"
    );
}

/// Totals relative to the best total: a mark that moves the best bid moves every total, so the
/// close-call check ranks the whole field again with the best total computed again. A (dearer,
/// 8) 9.5 + 8 = 17.5 is the best and gets 20; B (cheaper, 7) 10 + 7 = 17 gets 20 × 17 / 17.5 =
/// 19.43. A's mark down to 7 (16.5) or B's up to 8 (18) makes B the best and the winner.
#[test]
fn relative_total_mark_flip_ranks_the_whole_field() {
    let tender = one_lot(
        r#"
[lots.award]
weighting = "points"
price_model = { kind = "proportional" }
scale = "0-10"
rounding = { decimals = 2 }
relative_total = true
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Pris"
kind = "price"
weight = 10
[[lots.award.criteria]]
id = "Q"
name = "Kvalitet"
kind = "quality"
weight = 10
"#,
    );
    let bids = [simple_bid("A", "1000", &[("Q", "8")]), simple_bid("B", "950", &[("Q", "7")])];
    let e = evaluate(&tender, &bids).unwrap();
    let lot = &e.lots[0];
    assert!(lot.depends_on_other_bids);
    assert_eq!(lot.awarded, vec!["A".into()]);
    let total = |id: &str| lot.bid(&id.into()).unwrap().total.unwrap();
    assert_eq!(total("A").value, d("20"));
    assert_eq!(total("B").exact, tender_score::Exact::new(680, 35).unwrap());
    assert_eq!(total("B").value, d("19.43"));
    for (who, to) in [("A", "7"), ("B", "8")] {
        let flip = lot.close_calls.iter().any(|c| {
            matches!(c, tender_score::result::CloseCall::MarkFlip { bid, to: t, awarded, .. }
                if bid.as_str() == who && *t == d(to) && awarded == &vec![tender_core::Id::from("B")])
        });
        assert!(flip, "{who} → {to}: {:?}", lot.close_calls);
    }
}

/// KL's Udbudsportalen, "Gode erfaringer med kommissionsmodellen" (Rikke Thorlund Haahr, 18 August
/// 2015): quality is a first stage, "tilbuddene skal opnå mindst 70 point for kvaliteten i tilbuddet
/// ud af 100 mulige"; the bids that reach it are compared on price per quality point. Its table:
/// A 65 points, 100.000 kr., "Tages ikke i betragtning"; B 72, 120.000, 1666,67; C 86, 125.000,
/// 1453,49; D 94, 145.000, 1542,55; "Kontrakten går til tilbudsgiver C". A is the cheapest and is
/// out before price is looked at.
#[test]
fn kl_commission_model_quality_minimum_then_price_per_quality_point() {
    use tender_score::result::{BidStatus, Exclusion};
    let tender = one_lot(
        r#"
[lots.award]
price_model = { kind = "price-per-quality-point" }
scale = "0-100"
rounding = { decimals = 2 }
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
minimum_score = 70
"#,
    );
    let bids = [
        simple_bid("A", "100000", &[("Q", "65")]),
        simple_bid("B", "120000", &[("Q", "72")]),
        simple_bid("C", "125000", &[("Q", "86")]),
        simple_bid("D", "145000", &[("Q", "94")]),
    ];
    let e = evaluate(&tender, &bids).unwrap();
    let lot = &e.lots[0];
    let a = lot.bid(&"A".into()).unwrap();
    assert_eq!(a.status, BidStatus::BelowQualityThreshold);
    assert!(matches!(&a.exclusion, Some(Exclusion::CriterionMinimum { minimum, .. }) if *minimum == d("70")));
    assert_eq!((a.rank, a.total), (None, None), "not considered");
    let figure = |id: &str| lot.bid(&id.into()).unwrap().total.unwrap().value;
    assert_eq!(figure("B"), d("1666.67"));
    assert_eq!(figure("C"), d("1453.49"));
    assert_eq!(figure("D"), d("1542.55"));
    assert_eq!(lot.awarded, vec!["C".into()]);
    let rank = |id: &str| lot.bid(&id.into()).unwrap().rank;
    assert_eq!((rank("C"), rank("D"), rank("B")), (Some(1), Some(2), Some(3)));
}
