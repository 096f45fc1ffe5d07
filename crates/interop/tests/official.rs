//! Every fixture's exports checked with the official validators (see `validators/mod.rs`): the
//! OCDS release package against OCDS 1.1.5 merge-patched with the extensions it declares, with 0
//! errors and 0 fields the merged schema does not define; each lot of the eForms fragment
//! against the SDK XSD as a `cac:ProcurementProjectLot`. The validators are calibrated on the
//! SDK's own maximal contract notice first, and each has a negative test: a broken export is
//! caught by the same validator.

mod common;
mod validators;

use std::path::Path;

use serde_json::{Value, json};
use tender_core::Language;
use tender_interop::{EformsOptions, OcdsOptions, eforms_award_criteria, ocds_release_package};
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
