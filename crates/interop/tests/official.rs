//! Every fixture's exports checked with the official validators (see `validators/mod.rs`): the
//! OCDS release package against OCDS 1.1.5 merge-patched with the extensions it declares, with 0
//! errors and 0 fields the merged schema does not define; each lot of the eForms fragment
//! against the SDK XSD as a `cac:ProcurementProjectLot`; the complete contract notice of every
//! open-procedure fixture against `UBL-ContractNotice-2.3.xsd` and the SDK's static Schematron
//! with 0 failed asserts (one Schematron run per notice), in the tender's languages and, for a
//! Danish and English tender, in English only. The validators are calibrated on the SDK's own
//! maximal contract notice first, and each has a negative test: a broken export is caught by the
//! same validator.

mod common;
mod validators;

use std::path::Path;

use serde_json::{Value, json};
use tender_core::Language;
use tender_interop::{
    EformsOptions, NoticeOptions, OcdsOptions, eforms_award_criteria, eforms_notice, ocds_release_package,
};
use validators::{Verdict, lots_of_fragment, write};

fn ocds_package(name: &str) -> Value {
    let (_, tender, bids) = common::fixtures().into_iter().find(|(n, ..)| n == name).expect("fixture");
    let evaluation = tender_score::evaluate(&tender, &bids).expect("evaluates");
    let options = OcdsOptions::new("ocds-a1b2c3", "2026-11-02T12:00:00Z");
    ocds_release_package(&tender, &bids, &evaluation, &options).expect("exports").output
}

fn assert_clean(verdict: &Verdict, what: &str) {
    assert!(verdict.clean(), "{what}: the validator found problems:\n{}", verdict.output);
}

fn assert_caught(verdict: &Verdict, what: &str) {
    assert!(
        verdict.findings.is_some_and(|n| n > 0),
        "{what}: the validator should have found a problem (and not crashed):\n{}",
        verdict.output
    );
}

#[test]
fn xsd_validator_is_calibrated_on_the_sdk_example() {
    let Some(v) = validators::find() else { return };
    assert_clean(&v.xsd("maindoc/UBL-ContractNotice-2.3.xsd", &v.example("cn_24_maximal.xml")), "cn_24_maximal.xml");
}

#[test]
#[allow(clippy::print_stdout, reason = "the validator's counts, shown by `cargo test -- --nocapture`")]
fn ocds_packages_of_every_fixture_are_valid_with_no_additional_fields() {
    let Some(v) = validators::find() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, ..) in common::fixtures() {
        let package = ocds_package(&name);
        let path = write(dir.path(), &format!("{name}.json"), &package.to_string());
        let verdict = v.ocds(&path);
        println!("{name}: OCDS {}", verdict.output.lines().last().unwrap_or_default());
        assert_clean(&verdict, &format!("{name}: OCDS release package"));
    }
}

#[test]
fn ocds_validator_catches_a_broken_package() {
    let Some(v) = validators::find() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let good = ocds_package("copenhagen-lots");
    let mut unknown_field = good.clone();
    unknown_field["releases"][0]["tender"]["awardCriteriaRationale"] = json!("not an OCDS field");
    let mut wrong_code = good.clone();
    wrong_code["releases"][0]["bids"]["details"][0]["evaluation"]["status"] = json!("won");
    let mut undeclared = good.clone();
    let extensions = undeclared["extensions"].as_array_mut().expect("extensions");
    extensions.retain(|u| !u.as_str().is_some_and(|u| u.contains("countryCode")));
    for (what, package) in [
        ("an unknown field", unknown_field),
        ("a code not in the codelist", wrong_code),
        ("an undeclared extension", undeclared),
    ] {
        let path = write(dir.path(), "broken.json", &package.to_string());
        assert_caught(&v.ocds(&path), what);
    }
}

#[test]
fn eforms_lots_of_every_fixture_are_valid_against_the_xsd() {
    let Some(v) = validators::find() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, tender, _) in common::fixtures() {
        let xml = eforms_award_criteria(&tender, &EformsOptions::default()).expect("exports").output;
        let lots = lots_of_fragment(&xml);
        assert_eq!(lots.len(), tender.lots.len(), "{name}");
        for (i, lot) in lots.iter().enumerate() {
            let path = write(dir.path(), &format!("{name}-lot-{i}.xml"), lot);
            let verdict = v.xsd("common/UBL-CommonAggregateComponents-2.3.xsd", &path);
            assert_clean(&verdict, &format!("{name}: lot {i} as cac:ProcurementProjectLot"));
        }
    }
}

#[test]
fn xsd_validator_catches_a_broken_lot() {
    let Some(v) = validators::find() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let (_, tender, _) = common::fixtures().into_iter().next().expect("a fixture");
    let options = EformsOptions { languages: Some(vec![Language::en()]) };
    let xml = eforms_award_criteria(&tender, &options).expect("exports").output;
    let lot = lots_of_fragment(&xml).remove(0);
    // An element the schema does not have, before BT-539.
    let broken =
        lot.replacen("<cbc:AwardingCriterionTypeCode", "<cbc:Weight>30</cbc:Weight><cbc:AwardingCriterionTypeCode", 1);
    assert_ne!(broken, lot);
    assert_clean(&v.xsd("common/UBL-CommonAggregateComponents-2.3.xsd", &write(dir.path(), "good.xml", &lot)), "good");
    assert_caught(
        &v.xsd("common/UBL-CommonAggregateComponents-2.3.xsd", &write(dir.path(), "bad.xml", &broken)),
        "bad",
    );
}

#[test]
fn lot_extraction_keeps_every_lot() {
    let fragment = "<ContractNotice><cac:ProcurementProjectLot><a/></cac:ProcurementProjectLot>\
                    <cac:ProcurementProjectLot><b/></cac:ProcurementProjectLot></ContractNotice>";
    let lots = lots_of_fragment(fragment);
    assert_eq!(lots.len(), 2);
    assert!(lots[1].contains("<b/>") && lots[1].contains("xmlns:cac="), "{}", lots[1]);
    assert!(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("extensions/ocds_bidEvaluation_extension/extension.json").is_file()
    );
}

const NOTICE_DATE: &str = "2024-12-01T12:00:00+01:00";

fn notice(name: &str, languages: Option<Vec<Language>>) -> String {
    let (_, tender, _) = common::fixtures().into_iter().find(|(n, ..)| n == name).expect("fixture");
    let mut options = NoticeOptions::new(NOTICE_DATE);
    options.languages = languages;
    eforms_notice(&tender, &options).expect("the notice is written").output
}

#[test]
fn schematron_validator_is_calibrated_on_the_sdk_example() {
    let Some(v) = validators::find() else { return };
    assert_clean(&v.schematron(&v.example("cn_24_maximal.xml")), "cn_24_maximal.xml");
}

#[test]
#[allow(clippy::print_stdout, reason = "the validators' counts, shown by `cargo test -- --nocapture`")]
fn contract_notices_of_every_open_procedure_fixture_pass_the_xsd_and_schematron() {
    let Some(v) = validators::find() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, tender, _) in common::fixtures() {
        if tender.procedure != tender_core::tender::Procedure::Open {
            continue;
        }
        let path = write(dir.path(), &format!("{name}.xml"), &notice(&name, None));
        assert_clean(&v.xsd("maindoc/UBL-ContractNotice-2.3.xsd", &path), &format!("{name}: notice XSD"));
        let verdict = v.schematron(&path);
        println!("{name}: notice {}", verdict.output.lines().last().unwrap_or_default());
        assert_clean(&verdict, &format!("{name}: notice Schematron"));
    }
}

#[test]
fn an_english_only_notice_of_a_danish_and_english_tender_passes() {
    let Some(v) = validators::find() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let xml = notice("copenhagen-lots", Some(vec![Language::en()]));
    assert!(!xml.contains(r#"languageID="DAN""#));
    let path = write(dir.path(), "english.xml", &xml);
    assert_clean(&v.xsd("maindoc/UBL-ContractNotice-2.3.xsd", &path), "English-only notice XSD");
    assert_clean(&v.schematron(&path), "English-only notice Schematron");
}

/// The notice with LOT-0001's first weight raised from 40 to 50 (the weights then sum to 110;
/// the SDK tolerates a deviation of 1 per criterion, for rounding) and LOT-0002's first
/// criterion without its description (BT-540).
fn broken_notice(xml: &str) -> String {
    let lot = |n: &str| xml.find(&format!(r#"<cbc:ID schemeName="Lot">{n}</cbc:ID>"#)).expect("lot");
    let weight = "<efbc:ParameterNumeric>40</efbc:ParameterNumeric>";
    let at = lot("LOT-0001") + xml[lot("LOT-0001")..].find(weight).expect("the 40 % weight");
    let mut broken =
        format!("{}<efbc:ParameterNumeric>50</efbc:ParameterNumeric>{}", &xml[..at], &xml[at + weight.len()..]);
    let start =
        lot("LOT-0002") + broken[lot("LOT-0002")..].find("<cac:SubordinateAwardingCriterion>").expect("criterion");
    let end = start + broken[start..].find("</cac:SubordinateAwardingCriterion>").expect("its end");
    let criterion: String = broken[start..end]
        .lines()
        .filter(|l| !l.trim_start().starts_with("<cbc:Description languageID="))
        .collect::<Vec<_>>()
        .join("\n");
    broken.replace_range(start..end, &criterion);
    broken
}

/// The SDK rule on percentage weights: they sum to 100 (within 1 per criterion).
const WEIGHT_RULE: &str = "BR-BT-00539-0200";
/// The SDK rule that a criterion with a type has a description (BT-540), subtype 16.
const DESCRIPTION_RULE: &str = "BR-BT-00540-0074";

#[test]
fn schematron_catches_weights_not_summing_and_a_missing_bt_540() {
    let Some(v) = validators::find() else { return };
    let dir = tempfile::tempdir().expect("temp dir");
    let good = notice("copenhagen-lots", None);
    let broken = broken_notice(&good);
    assert_eq!(
        broken.matches("<cbc:Description languageID=").count() + 2,
        good.matches("<cbc:Description languageID=").count()
    );
    let path = write(dir.path(), "broken.xml", &broken);
    // Still valid XML Schema: only the business rules catch these.
    assert_clean(&v.xsd("maindoc/UBL-ContractNotice-2.3.xsd", &path), "broken notice XSD");
    let verdict = v.schematron(&path);
    assert_caught(&verdict, "weights summing to 110 and a criterion without BT-540");
    for rule in [WEIGHT_RULE, DESCRIPTION_RULE] {
        assert!(verdict.output.contains(rule), "{rule} not reported:\n{}", verdict.output);
    }
}
