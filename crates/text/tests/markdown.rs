//! Markdown that cannot be broken, and every part of the model rendered.
//!
//! A scenario tender built here uses every kind of requirement, both documents' optional
//! chapters, ties, gate failures, a passed-over bid and evaluator disagreement. Its free text
//! and several ids are then filled with hostile text (a pipe, a newline followed by a heading,
//! raw HTML, a `javascript:` link and emphasis): the documents must have exactly the structure
//! they have with harmless text, so the hostile text creates no heading, table cell, link,
//! emphasis or HTML, and it must still be shown literally. The same scenario is then evaluated
//! and analysed under every price model, and every output must pass the structure checks.

mod common;

use tender_core::{Bid, Language, Tender, files};

const EVIL: &str = "Evil | Corp\n# pwned <script>alert(1)</script> [x](javascript:alert(1)) *em*";
/// Hostile text that opens with block markers: a list item, a numbered item, a quote, a setext
/// underline, a rule, a heading's closing hashes and heading attributes.
const EVIL_BLOCKS: &str = "1. - > first\n===\n- - -\n+ x ## {#id} ~~gone~~ &amp; <b>";

const TENDER: &str = r#"
id = "T-SCENARIO"
title = "TEXT"
description = "TEXT"
buyer = { name = "TEXT", country = "DK", kind = "municipality" }
procedure = "open"
framework = "TEXT"
currency = "DKK"
languages = ["da", "en"]
estimated_value = 2000000
submission_deadline = 2026-03-01
lot_split_reason = "TEXT"
max_lots_per_bidder = 2
max_lots_awarded_per_bidder = 1
lot_award_order = "lot-order"
not_required = ["TEXT", "TEXT"]

[contract]
start = 2026-06-01
duration_months = 36

[[contract.options]]
id = "OPTION"
description = "TEXT"
extension_months = 12

[[standards]]
id = "own-std"
name = "TEXT"
version = "TEXT"
body = "TEXT"
area = "other"

[[lot_groups]]
id = "G1"
title = "TEXT"
lots = ["L1", "L2"]
description = "TEXT"

[[requirements]]
id = "R-SEAL"
title = "TEXT"
severity = "minimum"
description = "TEXT"
evidence = "TEXT"
sovereignty = { minimum_each = "SEAL-2", minimum_overall = "SEAL-2", minimum_per_objective = { "SOV-3" = "SEAL-3" } }

[[requirements]]
id = "R-EXIT"
title = "TEXT"
severity = "premise"
lots = ["L1"]
evidence = "TEXT"

[requirements.exit]
exit_plan = true
max_horizon_months = 9
data_formats = ["json", "own-std"]
assistance = "included"
max_notice_months = 2
max_transition_days = 30
min_retrieval_days = 30
no_switching_charges = true
no_egress_charges = true
handover_documentation = true
handover_code = true

[[requirements]]
id = "R-HOST"
title = "TEXT"
severity = "minimum"
hosting = { allowed_models = ["buyer-data-centre", "supplier-data-centre-eu", "eu-cloud"], data_locations = ["DK", "EU"], support_access_from = ["EU"], operator_jurisdiction = ["EEA"] }

[[requirements]]
id = "R-OSS"
title = "TEXT"
severity = "award"
criterion = "Q1"
open_source = { licences = ["EUPL-1.2", "MPL-2.0"], min_share = 50, customer_code_rights = "extended-right-of-use", code_review = true, source_delivered = true }

[[requirements]]
id = "R-REG"
title = "TEXT"
severity = "minimum"
regulatory = { dora = "all", nis2 = ["incident-notification"], gdpr = ["deletion-or-return"] }

[[requirements]]
id = "R-INFO"
title = "TEXT"
severity = "information"
description = "TEXT"

[[lots]]
id = "L1"
title = "TEXT"
description = "TEXT"
estimated_value = 1000000
cpv = "48000000-8"

[[lots.requirements]]
id = "R-STD"
title = "TEXT"
severity = "minimum"
open_standards = { standards = ["odf-1.3", "own-std"] }

[lots.award]
price_model = { kind = "proportional" }
price_basis = { kind = "life-cycle-cost", include_options = true }
scale = { min = 0, max = 10, step = 1, descriptors = [{ score = 0, label = "TEXT" }, { score = 10, label = "TEXT" }] }
quality = { aggregation = "mean", disagreement_spread = 10, minimum_total = 20 }
tie_break = ["higher-quality", { higher-score-on = "Q2" }, "earlier-submission", "drawing-lots"]

[[lots.award.criteria]]
id = "PRICE"
name = "TEXT"
kind = "price"
weight = 40
description = "TEXT"

[[lots.award.criteria]]
id = "Q1"
name = "TEXT"
kind = "quality"
weight = 30
minimum_score = 2
description = "TEXT"
value = 300000

[[lots.award.criteria.sub_criteria]]
id = "Q1.1"
name = "TEXT"
weight = 60
description = "TEXT"

[[lots.award.criteria.sub_criteria]]
id = "Q1.2"
name = "TEXT"
weight = 40

[[lots.award.criteria]]
id = "Q2"
name = "TEXT"
kind = "quality"
weight = 20
value = 200000
scale = "0-5"

[[lots.award.criteria]]
id = "Q-SOV"
name = "TEXT"
kind = "quality"
weight = 10
value = 100000
sovereignty = { weights = "calculator-2026" }

[[lots]]
id = "L2"
title = "TEXT"
estimated_value = 1000000

[lots.award]
weighting = "points"
price_model = { kind = "linear-slope", slope = 50 }
rounding = { decimals = 1, at = "criterion", strategy = "half-even" }
tie_break = ["lower-price"]

[[lots.award.criteria]]
id = "PRICE-2"
name = "TEXT"
kind = "price"
weight = 60

[[lots.award.criteria]]
id = "Q3"
name = "TEXT"
kind = "quality"
weight = 40
"#;

/// A bid: `ID` is the bid's id, `LOT` its lot, `BIDDER` its bidder's id.
const BID: &str = r#"
id = "ID"
tender = "T-SCENARIO"
lot = "LOT"
submitted = 2026-02-20
standards = ["odf-1.3", "own-std", "json"]

[bidder]
id = "BIDDER"
name = "TEXT"
country = "DK"

[price]
total = PRICE
schedule = { one_off = 100000, recurring_per_year = RECURRING }

[[price.options]]
option = "OPTION"
price = 50000

[[answers]]
requirement = "R-SEAL"
met = true
[[answers]]
requirement = "R-EXIT"
met = MET
[[answers]]
requirement = "R-HOST"
met = true
[[answers]]
requirement = "R-REG"
met = true
[[answers]]
requirement = "R-STD"
met = true

[exit]
plan = true
horizon_months = 6
data_formats = ["json", "own-std"]
assistance = "included"
notice_months = 1
transition_days = 30
retrieval_days = 30
handover_documentation = true
handover_code = true

[hosting]
model = "eu-cloud"
data_locations = ["DK"]
support_access_from = ["DE"]
operator_jurisdiction = ["DK"]

[sovereignty.objectives]
SOV-1 = { seal = "SEAL-3", points = 800 }
SOV-2 = { seal = "SEAL-3", points = 800 }
SOV-3 = { seal = "SEAL-3", points = 1200 }
SOV-4 = { seal = "SEAL-2", points = 600 }
SOV-5 = { seal = "SEAL-2", points = 500 }
SOV-6 = { seal = "SEAL-3", points = 700 }
SOV-7 = { seal = "SEAL-3", points = 700 }
SOV-8 = { seal = "SEAL-2", points = 400 }

[[scores]]
evaluator = "EVALUATOR-1"
criterion = "Q1.1"
score = 7
justification = "TEXT"
[[scores]]
evaluator = "EVALUATOR-2"
criterion = "Q1.1"
score = MARK
justification = "TEXT"
[[scores]]
evaluator = "EVALUATOR-1"
criterion = "Q1.2"
score = 6
justification = "TEXT"
[[scores]]
evaluator = "EVALUATOR-1"
criterion = "Q2"
score = 4
justification = "TEXT"
[[scores]]
evaluator = "EVALUATOR-1"
criterion = "Q3"
score = 6
justification = "TEXT"

[[consensus]]
criterion = "Q1.2"
score = 6
justification = "TEXT"
"#;

/// A TOML basic string holding `s`.
fn toml_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// `source` with `text` as every free text, and in the option and evaluator ids.
fn fill(source: &str, text: &str) -> String {
    source
        .replace("\"TEXT\"", &toml_str(text))
        .replace("\"OPTION\"", &toml_str(&format!("{text} option")))
        .replace("\"EVALUATOR-1\"", &toml_str(&format!("{text} 1")))
        .replace("\"EVALUATOR-2\"", &toml_str(&format!("{text} 2")))
}

/// The scenario tender from `source`, with `text` filled in.
fn tender_from(source: &str, text: &str) -> Tender {
    files::parse(&fill(source, text), files::Format::Toml, "tender.toml".as_ref())
        .unwrap_or_else(|e| panic!("the scenario tender: {e}"))
}

/// The scenario with `text` as every free text, and in the option, bid and evaluator ids.
fn scenario(text: &str) -> (Tender, Vec<Bid>) {
    let tender = tender_from(TENDER, text);
    // (bid, lot, bidder, price, recurring per year, R-EXIT met, second mark on Q1.1, received)
    // Bids 1 and 2 tie, broken by the earlier submission; bid 3 fails the premise R-EXIT; the
    // evaluators disagree on bid 4; bidder A wins L1 and is passed over in L2.
    let bids = [
        ("1", "L1", "A", "1000000", "200000", "true", "7", "2026-02-19"),
        ("2", "L1", "B", "1000000", "200000", "true", "7", "2026-02-20"),
        ("3", "L1", "C", "900000", "150000", "false", "7", "2026-02-20"),
        ("4", "L1", "D", "1200000", "250000", "true", "2", "2026-02-20"),
        ("5", "L2", "A", "900000", "200000", "true", "7", "2026-02-20"),
        ("6", "L2", "E", "1000000", "200000", "true", "7", "2026-02-20"),
        ("7", "L2", "F", "1400000", "300000", "true", "7", "2026-02-20"),
    ];
    let bids = bids
        .iter()
        .map(|(bid, lot, bidder, price, recurring, met, mark, received)| {
            let source = fill(BID, text)
                .replace("2026-02-20", received)
                .replace("\"ID\"", &toml_str(&format!("{text} {bid}")))
                .replace("\"LOT\"", &toml_str(lot))
                .replace("\"BIDDER\"", &toml_str(bidder))
                .replace("PRICE", price)
                .replace("RECURRING", recurring)
                .replace("MET", met)
                .replace("MARK", mark);
            files::parse::<Bid>(&source, files::Format::Toml, "bid.toml".as_ref())
                .unwrap_or_else(|e| panic!("scenario bid {bid}: {e}"))
        })
        .collect();
    (tender, bids)
}

/// Every document in every language: the specification, the report, the award decision with its
/// letters, the robustness analysis on its own and the report with the analysis as its last chapter.
fn render(tender: &Tender, bids: &[Bid]) -> Vec<(String, String)> {
    let evaluation = tender_score::evaluate(tender, bids).unwrap_or_else(|e| panic!("the scenario: {e}"));
    let options = tender_analysis::Options { samples: 500, seed: 7, ..Default::default() };
    let analysis = tender_analysis::analyze(tender, bids, &options).unwrap_or_else(|e| panic!("the scenario: {e}"));
    let mut out = Vec::new();
    for lang in tender_text::languages() {
        let spec = tender_text::specification(tender, &lang).unwrap_or_else(|e| panic!("{lang}: {e}"));
        let report = tender_text::report(tender, bids, &evaluation, &lang).unwrap_or_else(|e| panic!("{lang}: {e}"));
        let appendix =
            tender_text::analysis_appendix(tender, &analysis, &lang).unwrap_or_else(|e| panic!("{lang}: {e}"));
        let with_analysis = tender_text::report_with_analysis(tender, bids, &evaluation, &analysis, &lang)
            .unwrap_or_else(|e| panic!("{lang}: {e}"));
        out.push((format!("specification-{lang}"), spec));
        out.push((format!("report-{lang}"), report));
        let decision =
            tender_text::award_decision(tender, &evaluation, &lang).unwrap_or_else(|e| panic!("{lang}: {e}"));
        out.push((format!("decision-{lang}"), decision));
        out.push((format!("analysis-{lang}"), appendix));
        out.push((format!("report-with-analysis-{lang}"), with_analysis));
    }
    out
}

/// The text a reader sees: every text and code event, joined.
fn visible(markdown: &str) -> String {
    pulldown_cmark::Parser::new_ext(markdown, common::options())
        .filter_map(|e| match e {
            pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => Some(t.into_string()),
            _ => None,
        })
        .collect()
}

#[test]
fn hostile_text_creates_no_structure() {
    let (tender, bids) = scenario("Harmless text");
    let harmless = render(&tender, &bids);
    for evil_text in [EVIL, EVIL_BLOCKS] {
        let (tender, bids) = scenario(evil_text);
        let hostile = render(&tender, &bids);
        let shown = evil_text.replace('\n', " ");
        for ((what, calm), (_, evil)) in harmless.iter().zip(&hostile) {
            common::check_markdown(what, calm);
            common::check_markdown(what, evil);
            assert_eq!(
                common::structure(calm),
                common::structure(evil),
                "{what}: hostile text `{evil_text}` changed the document's structure"
            );
            assert!(visible(evil).contains(&shown), "{what}: the hostile text `{evil_text}` is not shown literally");
        }
    }
}

#[test]
fn every_part_of_the_scenario_is_rendered() {
    let (tender, bids) = scenario("Plain text");
    let texts = render(&tender, &bids);
    // To read the scenario's documents: TENDER_TEXT_DUMP=/some/dir cargo test -p tender-text.
    if let Some(dir) = std::env::var_os("TENDER_TEXT_DUMP") {
        for (what, text) in &texts {
            let path = std::path::Path::new(&dir).join(format!("scenario-{what}.md"));
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    }
    let find = |what: &str| texts.iter().find(|(w, _)| w == what).map(|(_, t)| t.as_str()).unwrap_or_default();
    let report = find("report-en");
    for expected in [
        "are tied at",                      // a tie, broken by a rule
        "the evaluators' marks range from", // disagreement
        "passed over",                      // a bidder at the limit of lots
        "Not met",                          // a failed premise
        "No (passed over)",
    ] {
        assert!(report.contains(expected), "the English report lacks `{expected}`");
    }
    let spec = find("specification-da");
    for expected in ["Præmisser", "Oplysningskrav", "Konkurrenceparametre", "Art. 30(3)(f)", "EØS", "udvidet brugsret"]
    {
        assert!(spec.contains(expected), "the Danish specification lacks `{expected}`");
    }
}

#[test]
fn every_price_model_renders() {
    let models = [
        r#"{ kind = "proportional" }"#,
        r#"{ kind = "linear-slope", slope = 75 }"#,
        r#"{ kind = "linear-from-lowest" }"#,
        r#"{ kind = "linear-from-lowest", floor_at_zero = true }"#,
        r#"{ kind = "min-max" }"#,
        r#"{ kind = "fixed-span", low = 500000, high = 3000000 }"#,
        r#"{ kind = "logarithmic", zero_at = 100 }"#,
        r#"{ kind = "price-per-quality-point" }"#,
        r#"{ kind = "price-per-quality-point", corridor = 10 }"#,
        r#"{ kind = "price-per-quality-point", corridor = 10, decision = "lower-price" }"#,
        r#"{ kind = "value-added", mode = "deduction" }"#,
        r#"{ kind = "value-added", mode = "markup" }"#,
        r#"{ kind = "percent-adjustment", mode = "deduction", max_percent = 20 }"#,
        r#"{ kind = "percent-adjustment", mode = "markup", max_percent = 20 }"#,
    ];
    let (base, bids) = scenario("Plain text");
    for model in models {
        let source = TENDER.replace(r#"price_model = { kind = "proportional" }"#, &format!("price_model = {model}"));
        let tender = tender_from(&source, "Plain text");
        assert!(source.contains(model), "{model}: the model was not put in");
        assert_eq!(tender.lots[1], base.lots[1], "{model}: only lot L1 changes");
        let first = render(&tender, &bids);
        let again = render(&tender, &bids);
        for ((what, text), (_, twice)) in first.iter().zip(&again) {
            common::check_markdown(&format!("{model} {what}"), text);
            assert_eq!(text, twice, "{model} {what}: not byte-identical run to run");
        }
    }
}

#[test]
fn order_of_importance_is_described_without_a_computation() {
    let source = TENDER
        .replace("weighting = \"points\"", "weighting = \"order\"\norder_justification = \"TEXT\"")
        .replace("weight = 60", "weight = 1")
        .replace(
            "id = \"Q3\"\nname = \"TEXT\"\nkind = \"quality\"\nweight = 40",
            "id = \"Q3\"\nname = \"TEXT\"\nkind = \"quality\"\nweight = 2",
        );
    assert!(source.contains("weight = 2"), "the scenario's lot L2 changed; update this test");
    let tender = tender_from(&source, "Plain text");
    for lang in tender_text::languages() {
        let text = tender_text::specification(&tender, &lang).unwrap_or_else(|e| panic!("{lang}: {e}"));
        common::check_markdown(&format!("order {lang}"), &text);
    }
    let text = tender_text::specification(&tender, &Language::en()).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains("only an order of importance"), "the order of importance is not explained");
}

#[test]
fn errors_say_what_to_do() {
    let (tender, bids) = scenario("Plain text");
    let err =
        tender_text::specification(&tender, &Language::new("xx")).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("da, en") && err.contains("locales/xx.ftl"), "{err}");
    let mut evaluation = tender_score::evaluate(&tender, &bids).unwrap_or_else(|e| panic!("{e}"));
    evaluation.tender = tender_core::Id::new("OTHER");
    let err = tender_text::report(&tender, &bids, &evaluation, &Language::da()).err().map(|e| e.to_string());
    assert!(err.is_some_and(|e| e.contains("OTHER")), "a report of another tender's evaluation must fail");
}

/// Weights in points of any unit are shown as the buyer wrote them, with their share of all the
/// points in percent to the lot's decimals (issue 12, rule 7): 13 of 21 points is 61.904…%, shown
/// with the lot's one decimal as 61.9% (61,9 % in Danish); 8 of 21 is 38.095…%, shown as 38.1%.
#[test]
fn points_weights_show_their_share() {
    let (mut tender, _) = scenario("Plain text");
    let lot = &mut tender.lots[1];
    lot.award.criteria[0].weight = Some(tender_core::num::Weight::from(13));
    lot.award.criteria[1].weight = Some(tender_core::num::Weight::from(8));
    let en = tender_text::specification(&tender, &tender_core::Language::en()).expect("English");
    assert!(en.contains("13 points (61.9%)"), "{en}");
    assert!(en.contains("8 points (38.1%)"), "{en}");
    let da = tender_text::specification(&tender, &tender_core::Language::da()).expect("Danish");
    assert!(da.contains("13 point (61,9 %)"), "{da}");
}
