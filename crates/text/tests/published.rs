//! What a buyer publishes is fit to publish as it is (issue 14): every text of every fixture, in
//! both languages, is searched for a figure written as a fraction (`800/23`) and for sentences
//! about the software rather than the tender.
//!
//! The report's audit appendix, its last chapter, is the one place where the exact values are
//! fractions by design; the search stops at its heading.
//!
//! A fraction is digits, `/`, digits, standing alone. Three things of that form are not figures
//! and are told apart by their form or their source:
//! * the numbers of EU acts: a number, `/`, a number, followed by the series (`/EU`, `/EF`,
//!   `/EEC`: "direktiv 2014/24/EU", "89/665/EEC"), or a year, `/`, a number preceded by "(EU) " or
//!   "(EU) nr. " ("forordning (EU) 2022/2554");
//! * the numbers of cases of the EU courts: preceded by `C-` or `T-` ("C-546/16");
//! * text quoted from the tender's or the bids' files ("a 24/7 service desk" in a justification):
//!   the fraction with up to eight characters either side (within its table cell) is found
//!   verbatim in the fixture's files.

mod common;

use tender_core::Language;

/// The sentences about the software that a tender text must not contain, in any language.
const SOFTWARE_SENTENCES: &[&str] = &[
    "skrevet ud fra udbuddets datamodel",
    "written from the tender's data model",
    "beregnet af den samme evaluering",
    "computed by the same evaluation",
    "samme evaluering, som evaluerer",
    "same evaluation that evaluates",
];

/// The headings of the audit appendix, where the exact values are fractions by design.
const AUDIT_HEADINGS: &[&str] = &["Bilag: eksakte værdier", "Appendix: exact values"];

/// Every fraction-like figure in `text`, with some context, but for those in text `quoted` from
/// the input files.
fn fractions(text: &str, quoted: &str) -> Vec<String> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for (i, &c) in b.iter().enumerate() {
        if c != b'/' || i == 0 || i + 1 >= b.len() || !b[i - 1].is_ascii_digit() || !b[i + 1].is_ascii_digit() {
            continue;
        }
        let start = (0..i).rev().take_while(|&k| b[k].is_ascii_digit()).last().unwrap_or(i);
        let end = (i + 1..b.len()).take_while(|&k| b[k].is_ascii_digit()).last().map_or(i + 1, |k| k + 1);
        // Part of a longer run of digits and slashes (a date, 2014/24/EU): look at the whole.
        let before = &text[..start];
        let after = &text[end..];
        let numerator = &text[start..i];
        let year = numerator.len() == 4 && (numerator.starts_with("19") || numerator.starts_with("20"));
        // "/EU", "/EF", "/EEC", "/EØF": the act's series.
        let series = after.strip_prefix('/').is_some_and(|s| s.chars().next().is_some_and(char::is_uppercase));
        let act = series
            || year
                && (before.ends_with("(EU) ")
                    || before.ends_with("(EU) nr. ")
                    || before.ends_with("(EU) No ")
                    || before.ends_with("(EF) nr. "));
        let case = before.ends_with("C-") || before.ends_with("T-");
        // Up to eight characters either side, within the cell or line.
        let stop = |c: &char| matches!(c, '|' | '\n' | '`');
        let left: usize = before.chars().rev().take(8).take_while(|c| !stop(c)).map(char::len_utf8).sum();
        let right: usize = after.chars().take(8).take_while(|c| !stop(c)).map(char::len_utf8).sum();
        let near = text[start - left..end + right].trim();
        // A weight as the buyer wrote it (`weight = "3/21"`), published with its percentage:
        // `3/21 (14,29 %)` (issue 12, rule 7).
        let written_weight = quoted.contains(&format!("weight = \"{}\"", &text[start..end])) && after.starts_with(" (");
        if act
            || case
            || written_weight
            || (start > 0 && b[start - 1] == b'/')
            || (near.len() > end - start && quoted.contains(near))
        {
            continue;
        }
        let from = text.floor_char_boundary(start.saturating_sub(40));
        let to = text.ceil_char_boundary((end + 40).min(text.len()));
        out.push(text[from..to].replace('\n', " "));
    }
    out
}

/// The text of a fixture's files: the tender and every bid.
fn inputs(fixture: &std::path::Path) -> String {
    let mut out = std::fs::read_to_string(fixture.join("tender.toml")).unwrap_or_default();
    let mut bids: Vec<_> = std::fs::read_dir(fixture.join("bids"))
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    bids.sort();
    for bid in bids {
        out.push_str(&std::fs::read_to_string(bid).unwrap_or_default());
    }
    out
}

#[test]
fn the_scanner_finds_fractions_and_passes_act_numbers() {
    let quoted = "justification = \"A reliable 24/7 desk\"";
    assert_eq!(fractions("Samlet: `800/23 + 16 = 82,78`", quoted).len(), 1);
    assert_eq!(fractions("| Q1 | 101/15 | 35 |", quoted).len(), 1);
    assert_eq!(fractions("| Q1 | 24/7 | 35 |", quoted).len(), 1, "not quoted from the files");
    assert!(fractions("direktiv 2014/24/EU art. 67 og forordning (EU) 2022/2554, § 162, stk. 1", quoted).is_empty());
    assert!(fractions("dom i sag C-546/16, Montte", quoted).is_empty());
    assert!(fractions("Directive 89/665/EEC Art. 2a(2)", quoted).is_empty());
    assert!(fractions("| E1 | 7 | A reliable 24/7 desk |", quoted).is_empty());
    assert!(fractions("≈34,7826 + 16 = 50,78; 2026-03-02", quoted).is_empty());
    // A weight the buyer wrote as a fraction is published as written, with its percentage.
    let weights = "weight = \"3/21\"";
    assert!(fractions("| 3 | Q2 | Support | Kvalitet | 3/21 (14,29 %) | 0–10 |", weights).is_empty());
    assert_eq!(fractions("| Q2 | 3/21 | 35 |", weights).len(), 1, "without its percentage");
    assert_eq!(fractions("| Q2 | 5/21 (23,81 %) |", weights).len(), 1, "not a weight the buyer wrote");
}

#[test]
fn no_fractions_and_no_software_sentences_in_any_text() {
    let mut found = Vec::new();
    let mut appendices = 0;
    for fixture in common::fixtures() {
        let (tender, bids) = common::load(&fixture);
        let name = fixture.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let quoted = inputs(&fixture);
        let evaluation = tender_score::evaluate(&tender, &bids).unwrap_or_else(|e| panic!("{name}: {e}"));
        let options = tender_analysis::Options { samples: 500, seed: 2026, ..Default::default() };
        let analysis = tender_analysis::analyze(&tender, &bids, &options).unwrap_or_else(|e| panic!("{name}: {e}"));
        for lang in [Language::da(), Language::en()] {
            let texts = [
                ("specification", tender_text::specification(&tender, &lang)),
                ("report", tender_text::report(&tender, &bids, &evaluation, &lang)),
                ("decision", tender_text::award_decision(&tender, &evaluation, &lang)),
                ("analysis", tender_text::analysis_appendix(&tender, &analysis, &lang)),
            ];
            for (doc, text) in texts {
                let text = text.unwrap_or_else(|e| panic!("{name} {doc} {lang}: {e}"));
                // The audit appendix, the report's last chapter, gives the exact values as fractions.
                let published = AUDIT_HEADINGS.iter().fold(text.as_str(), |t, h| t.split(h).next().unwrap_or(t));
                if published.len() < text.len() {
                    assert_eq!(doc, "report", "{name} {lang}: only the committee's report has the audit appendix");
                    let appendix = &text[published.len()..];
                    assert!(!fractions(appendix, &quoted).is_empty(), "{name} {lang}: the appendix has no fraction");
                    appendices += 1;
                }
                for f in fractions(published, &quoted) {
                    found.push(format!("{name} {doc} {lang}: fraction in …{f}…"));
                }
                let lower = text.to_lowercase();
                for s in SOFTWARE_SENTENCES {
                    if lower.contains(s) {
                        found.push(format!("{name} {doc} {lang}: speaks of the software: {s:?}"));
                    }
                }
            }
        }
    }
    assert!(found.is_empty(), "{} problems:\n{}", found.len(), found.join("\n"));
    assert!(appendices > 0, "no fixture's report has an audit appendix: the test would pass on fractions there");
}

/// The tender of the malformed corpus's base case.
fn base() -> tender_core::Tender {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/malformed/base/tender.toml");
    match tender_core::files::load::<tender_core::Tender>(&path) {
        Ok((tender, _)) => tender,
        Err(e) => panic!("the base tender loads: {e}"),
    }
}

#[test]
fn the_award_basis_is_named_from_the_criteria() {
    use tender_core::award::{CriterionKind, PriceBasisKind};
    let quality = base();
    let mut price = base();
    price.lots[0].award.criteria.retain(|c| c.kind != CriterionKind::Quality);
    price.lots[0].award.criteria[0].weight = Some(tender_core::Weight::from(100));
    let mut cost = price.clone();
    cost.lots[0].award.price_basis.kind = PriceBasisKind::LifeCycleCost;
    for (tender, da, en) in [
        (
            &quality,
            "på grundlag af bedste forhold mellem pris og kvalitet (udbudslovens § 162, stk. 1, nr. 3)",
            "on the basis of the best price-quality ratio",
        ),
        (&price, "på grundlag af pris (udbudslovens § 162, stk. 1, nr. 1)", "on the basis of price (Directive"),
        (&cost, "på grundlag af omkostninger (udbudslovens § 162, stk. 1, nr. 2)", "on the basis of cost (Directive"),
    ] {
        let text = tender_text::specification(tender, &Language::da()).unwrap_or_else(|e| panic!("{e}"));
        assert!(text.contains(da), "{da}");
        let text = tender_text::specification(tender, &Language::en()).unwrap_or_else(|e| panic!("{e}"));
        assert!(text.contains(en), "{en}");
    }
}

#[test]
fn a_criterion_without_a_description_is_never_shown_by_its_name_alone() {
    let mut tender = base();
    tender.lots[0].award.criteria[2].description = None;
    let da = tender_text::specification(&tender, &Language::da()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        da.contains("**Q2:** Udbudsmaterialet beskriver ikke, hvad der lægges vægt på ved vurderingen af Support"),
        "{da}"
    );
    let en = tender_text::specification(&tender, &Language::en()).unwrap_or_else(|e| panic!("{e}"));
    assert!(en.contains("**Q2:** The tender documents do not describe what will be emphasised in evaluating Support"));
    let described = tender_text::specification(&base(), &Language::en()).unwrap_or_else(|e| panic!("{e}"));
    assert!(described.contains("**Q2:** Hours, languages and response times of the service desk."));
    assert!(!described.contains("do not describe what will be emphasised"));
}

/// The base case's bid and a second bidder's, priced at 1,000,000 with the same marks.
/// The lines of the specification and the report, in Danish then English, that `keep` keeps.
fn lines_shown(
    tender: &tender_core::Tender,
    bids: &[tender_core::Bid],
    evaluation: &tender_score::Evaluation,
    keep: impl Fn(&str) -> bool,
) -> String {
    let mut shown = String::new();
    for lang in [Language::da(), Language::en()] {
        let spec = tender_text::specification(tender, &lang).unwrap_or_else(|e| panic!("{e}"));
        let report = tender_text::report(tender, bids, evaluation, &lang).unwrap_or_else(|e| panic!("{e}"));
        for line in spec.lines().chain(report.lines()).filter(|l| keep(l)) {
            shown.push_str(line);
            shown.push('\n');
        }
    }
    shown
}

fn base_bids() -> [tender_core::Bid; 2] {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/malformed/base/bid.toml");
    let first = match tender_core::files::load::<tender_core::Bid>(&path) {
        Ok((bid, _)) => bid,
        Err(e) => panic!("the base bid loads: {e}"),
    };
    let mut second = first.clone();
    second.id = "B-2".into();
    second.bidder.id = "DK87654321".into();
    second.bidder.name = "Vestjysk Kontor ApS".to_owned();
    second.price.total = Some(tender_core::num::Money::new(rust_decimal::Decimal::from(1_000_000)));
    [first, second]
}

/// Totals relative to the best total (issue 12, rule 3): the specification states the rule with
/// its formula and maximum, and the report shows each bid's relative total with its derivation,
/// in both languages (decimals with a comma in Danish).
#[test]
fn relative_total_is_stated_in_the_model_and_derived_in_the_report() {
    let mut tender = base();
    tender.lots[0].award.relative_total = true;
    let bids = base_bids();
    let evaluation = tender_score::evaluate(&tender, &bids).unwrap_or_else(|e| panic!("{e}"));
    // The rule, each bid's total and its relative total (the specification's worked example, then
    // the report's derivations), and the letter's figures.
    let shown = lines_shown(&tender, &bids, &evaluation, |line| {
        line.contains("relativ")
            || line.contains("i forhold til det bedste")
            || line.contains("Samlet:")
            || line.contains("Total:")
    });
    assert!(shown.contains(
        "Den samlede pointsum gøres relativ til det bedste tilbud: tilbuddet med den højeste samlede pointsum får 100 point"
    ), "{shown}");
    assert!(shown.contains("Samlet pointsum i forhold til det bedste tilbud: `100 × "), "{shown}");
    insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("relative-total", shown);
    });
}

/// A threshold-only criterion (issue 12, rule 5): Support weighs 0 with a minimum of 5, so it gates
/// the bids before price and gives no points. The specification states the gate in the evaluation
/// model and the report names the bid it stops, in both languages.
#[test]
fn a_threshold_only_criterion_is_stated_as_a_gate_and_reported() {
    let mut tender = base();
    let award = &mut tender.lots[0].award;
    award.criteria[0].weight = Some(tender_core::Weight::from(65));
    award.criteria[2].weight = Some(tender_core::Weight::from(0));
    award.criteria[2].minimum_score = Some(tender_core::num::Score::new(rust_decimal::Decimal::from(5)));
    let problems = tender_core::validate::validate_tender(&tender);
    assert!(!tender_core::validate::has_errors(&problems), "{problems:?}");
    let [first, mut second] = base_bids();
    for mark in second.scores.iter_mut().filter(|m| m.criterion.as_str() == "Q2") {
        mark.score = tender_core::num::Score::new(rust_decimal::Decimal::from(4));
    }
    let bids = [first, second];
    let evaluation = tender_score::evaluate(&tender, &bids).unwrap_or_else(|e| panic!("{e}"));
    let shown = lines_shown(&tender, &bids, &evaluation, |line| {
        line.contains("Support") || line.contains("B-2") || line.contains("Vestjysk")
    });
    assert!(shown.contains("som alene er et mindstekrav: kriteriet vejer 0 og giver ingen point"), "{shown}");
    assert!(shown.contains("which is a threshold only: the criterion weighs 0 and gives no points"), "{shown}");
    insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
        insta::assert_snapshot!("threshold-only", shown);
    });
}
