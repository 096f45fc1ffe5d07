//! The robustness analysis in words, on cases the fixtures do not reach: a rank reversal, a bid
//! that cannot win at any price, a price-model variant that cannot be evaluated, a lot awarding
//! two suppliers, the uniform perturbation, and every reason an analysis can be skipped for. Each
//! text must pass the Markdown structure checks, and a Danish text must not fall back on the
//! English sentences of `tender-analysis`.

mod common;

use tender_analysis::{Analysis, Options, Perturbation, Reason, Section, analyze};
use tender_core::{Bid, Id, Language, Tender, files};

/// Proportional, price 40 and quality 60, two suppliers awarded, no estimated value (so the
/// fixed-span variant cannot be placed).
const TENDER: &str = r#"
id = "T-HAND"
title = { da = "Håndregnet", en = "Hand-checked" }
buyer = { name = "Køberen", country = "DK", kind = "municipality" }
procedure = "open"
currency = "DKK"
languages = ["da", "en"]
contract = { duration_months = 48 }

[[lots]]
id = "L1"
title = { da = "Delkontrakten", en = "The lot" }
suppliers_to_award = 2

[lots.award]
price_model = { kind = "proportional" }
scale = "0-10"
tie_break = ["higher-quality", "lower-price", "drawing-lots"]

[[lots.award.criteria]]
id = "P"
name = { da = "Pris", en = "Price" }
kind = "price"
weight = 40

[[lots.award.criteria]]
id = "Q"
name = { da = "Kvalitet", en = "Quality" }
kind = "quality"
weight = 60
"#;

fn bid(id: &str, price: &str, quality: &str) -> Bid {
    let source = format!(
        r#"
id = "{id}"
tender = "T-HAND"
lot = "L1"
bidder = {{ id = "{id}-co", name = "Tilbudsgiver {id}", country = "DK" }}
price = {{ total = {price} }}
[[consensus]]
criterion = "Q"
score = {quality}
justification = "–"
"#
    );
    files::parse(&source, files::Format::Toml, "bid.toml".as_ref()).unwrap_or_else(|e| panic!("bid {id}: {e}"))
}

/// A wins on price and B on quality; removing C (the lowest price) lets A overtake B; D's quality
/// gap is larger than any price can make up to win, but not to be awarded.
fn case() -> (Tender, Vec<Bid>) {
    let tender = files::parse(TENDER, files::Format::Toml, "tender.toml".as_ref()).unwrap_or_else(|e| panic!("{e}"));
    let bids = vec![bid("A", "100", "7"), bid("B", "130", "8.5"), bid("C", "60", "2"), bid("D", "200", "1")];
    (tender, bids)
}

fn appendix(tender: &Tender, analysis: &Analysis, lang: &Language) -> String {
    let text = tender_text::analysis_appendix(tender, analysis, lang).unwrap_or_else(|e| panic!("{lang}: {e}"));
    common::check_markdown(&format!("analysis {lang}"), &text);
    text
}

#[test]
fn the_hand_case_in_both_languages() {
    let (tender, bids) = case();
    let options = Options { samples: 1_000, seed: 11, ..Options::default() };
    let analysis = analyze(&tender, &bids, &options).unwrap_or_else(|e| panic!("{e}"));
    let da = appendix(&tender, &analysis, &Language::da());
    let en = appendix(&tender, &analysis, &Language::en());
    for (text, expected) in [
        (&en, "without C, A moves ahead of B."),
        (&en, "cannot win at any positive price (not even at DKK 0.01)"),
        (&en, "not evaluated: the price span needs the lot's estimated value"),
        (&en, "The lot goes to the same bids (B and A)"),
        (&en, "Price to be awarded"),
        (&da, "uden C kommer A foran B."),
        (&da, "kan ikke vinde til nogen positiv pris (heller ikke til 0,01 kr.)"),
        (&da, "ikke evalueret: prisspændet kræver delkontraktens anslåede værdi"),
        (&da, "Delkontrakten går til de samme tilbud (B og A)"),
        (&da, "Pris for at blive tildelt"),
    ] {
        assert!(text.contains(expected), "`{expected}` is missing:\n{text}");
    }
    for (lang, text) in [("da", &da), ("en", &en)] {
        insta::with_settings!({ snapshot_suffix => format!("hand-{lang}"), prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!("analysis", text);
        });
    }
    no_english(&da);
}

#[test]
fn the_options_are_worded() {
    let (tender, bids) = case();
    let uniform = Options {
        samples: 300,
        seed: 3,
        perturbation: Perturbation::Uniform { percent: 20.into() },
        compare_price_models: false,
        ..Options::default()
    };
    let analysis = analyze(&tender, &bids, &uniform).unwrap_or_else(|e| panic!("{e}"));
    let da = appendix(&tender, &analysis, &Language::da());
    let en = appendix(&tender, &analysis, &Language::en());
    assert!(
        en.contains("300 sets of weights were drawn at random, each weight moved independently by up to ±20%"),
        "{en}"
    );
    assert!(en.contains("The seed is 3"), "{en}");
    assert!(en.contains("Not computed: it was not asked for."), "{en}");
    assert!(
        da.contains("300 sæt vægte er trukket tilfældigt, idet hver vægt er flyttet uafhængigt med op til ±20 %"),
        "{da}"
    );
    assert!(da.contains("Ikke beregnet: der er ikke bedt om den."), "{da}");
    let none = analyze(&tender, &bids, &Options { samples: 0, ..Options::default() }).unwrap_or_else(|e| panic!("{e}"));
    assert!(appendix(&tender, &none, &Language::en()).contains("Not computed: no samples were asked for."));
    assert!(appendix(&tender, &none, &Language::da()).contains("Ikke beregnet: der er ikke bedt om stikprøver."));
    no_english(&da);
}

/// Every reason, in every section, in both languages; the Danish text never carries the English
/// sentence.
#[test]
fn every_reason_is_worded_in_every_language() {
    let (tender, bids) = case();
    let options = Options { samples: 100, ..Options::default() };
    let base = analyze(&tender, &bids, &options).unwrap_or_else(|e| panic!("{e}"));
    let a = Id::new("A");
    let reasons = [
        Reason::NoRankedBid,
        Reason::FewerThanTwoRanked,
        Reason::Corridor,
        Reason::RelativeQualityTotal,
        Reason::RelativeTotal,
        Reason::SeveralPriceCriteria,
        Reason::NoWeightedCriteria,
        Reason::NoQualityWeights,
        Reason::MissingFigure { bid: a.clone(), criterion: Some(Id::new("Q")) },
        Reason::MissingFigure { bid: a.clone(), criterion: None },
        Reason::PriceNotPositive { bid: Some(a.clone()) },
        Reason::PriceNotPositive { bid: None },
        Reason::Logarithm,
        Reason::TooLarge,
        Reason::CarriesAllWeight,
        Reason::NoSamples,
        Reason::NotAskedFor,
        Reason::TooManyRanked { ranked: 250, limit: 200 },
        Reason::NoEstimateForSpan,
        Reason::NoEstimateForMoneyValues,
        Reason::NoPriceCriterion,
        Reason::NoWeightsToShare,
        Reason::ParametersTooLarge,
        Reason::EvaluationFailed { bid: Some(a.clone()), message: "the bid has no price".to_owned() },
        Reason::EvaluationFailed { bid: None, message: "the evaluation failed".to_owned() },
    ];
    for reason in reasons {
        let mut analysis = base.clone();
        let lot = &mut analysis.lots[0];
        lot.sensitivity = Section::Skipped { reason: reason.clone() };
        lot.break_even = Section::Skipped { reason: reason.clone() };
        lot.stability = Section::Skipped { reason: reason.clone() };
        lot.price_models = Section::Skipped { reason: reason.clone() };
        lot.rank_reversal = Section::Skipped { reason: reason.clone() };
        let en = appendix(&tender, &analysis, &Language::en());
        let da = appendix(&tender, &analysis, &Language::da());
        assert_eq!(en.matches("Not computed: ").count(), 5, "{reason:?}:\n{en}");
        assert_eq!(da.matches("Ikke beregnet: ").count(), 5, "{reason:?}:\n{da}");
        assert!(!da.contains(&reason.to_string()), "{reason:?}: the Danish text has the English reason:\n{da}");
        no_english(&da);
    }
}

/// Words that only an English sentence would have (the case's names and ids are Danish or
/// single letters).
fn no_english(da: &str) {
    for word in [" the ", " is ", " not ", " and ", " price ", " bid "] {
        assert!(!da.contains(word), "English (`{word}`) in the Danish text:\n{da}");
    }
}

#[test]
fn the_report_with_the_analysis_keeps_one_title_and_numbered_chapters() {
    let (tender, bids) = case();
    let evaluation = tender_score::evaluate(&tender, &bids).unwrap_or_else(|e| panic!("{e}"));
    let analysis =
        analyze(&tender, &bids, &Options { samples: 200, ..Options::default() }).unwrap_or_else(|e| panic!("{e}"));
    for lang in [Language::da(), Language::en()] {
        let report = tender_text::report(&tender, &bids, &evaluation, &lang).unwrap_or_else(|e| panic!("{e}"));
        let both = tender_text::report_with_analysis(&tender, &bids, &evaluation, &analysis, &lang)
            .unwrap_or_else(|e| panic!("{e}"));
        common::check_markdown(&format!("report with analysis {lang}"), &both);
        let rest = both.strip_prefix(&report).unwrap_or_else(|| panic!("{lang}: the report comes first"));
        // One lot: chapter 1 is the summary, 2 the lot, 3 the audit appendix of exact values, 4 the
        // analysis.
        assert!(
            report.contains("\n## 3. Bilag: eksakte værdier\n") || report.contains("\n## 3. Appendix: exact values\n")
        );
        let chapter = if lang == Language::da() {
            "\n## 4. Bilag: robusthedsanalyse\n"
        } else {
            "\n## 4. Appendix: robustness analysis\n"
        };
        assert!(rest.starts_with(chapter), "{lang}:\n{rest}");
        assert!(rest.contains("\n### 4.1 ") && rest.contains("\n#### 4.1.1 "), "{lang}:\n{rest}");
        assert!(!rest.contains("\n# "), "{lang}: a second title");
    }
}

#[test]
fn an_analysis_of_other_bids_or_another_tender_is_refused() {
    let (tender, bids) = case();
    let evaluation = tender_score::evaluate(&tender, &bids).unwrap_or_else(|e| panic!("{e}"));
    let options = Options { samples: 100, ..Options::default() };
    let fewer = analyze(&tender, &bids[..3], &options).unwrap_or_else(|e| panic!("{e}"));
    let err = tender_text::report_with_analysis(&tender, &bids, &evaluation, &fewer, &Language::en())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("lot `L1` ranks other bids"), "{err}");
    let mut other = analyze(&tender, &bids, &options).unwrap_or_else(|e| panic!("{e}"));
    other.tender = Id::new("T-OTHER");
    let err = tender_text::analysis_appendix(&tender, &other, &Language::da())
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("`T-OTHER`") && err.contains("`T-HAND`"), "{err}");
}
