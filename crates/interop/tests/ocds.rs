//! OCDS export: every fixture is evaluated and exported as a release package, validated against
//! the committed OCDS 1.1 release schema patched with the lots, award criteria breakdown, bids
//! and submission terms extensions and this crate's evaluation extension (JSON Merge Patch, RFC
//! 7386, as OCDS applies extensions), and snapshotted.

mod common;

use std::path::Path;

use serde_json::{Value, json};
use tender_interop::{ExportError, OcdsOptions, ocds_release, ocds_release_package};

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// JSON Merge Patch (RFC 7386): objects merge member by member, `null` removes a member, any
/// other value replaces the target.
fn merge_patch(target: &mut Value, patch: &Value) {
    let Value::Object(patch) = patch else {
        *target = patch.clone();
        return;
    };
    if !target.is_object() {
        *target = json!({});
    }
    if let Value::Object(target) = target {
        for (key, value) in patch {
            if value.is_null() {
                target.remove(key);
            } else {
                merge_patch(target.entry(key.clone()).or_insert(Value::Null), value);
            }
        }
    }
}

/// The release schema with every extension applied, in the order a package lists them.
fn release_schema() -> Value {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let schemas = root.join("tests/schema");
    let mut schema = read(&schemas.join("core/release-schema.json"));
    for extension in ["lots", "awardCriteria", "bids", "submissionTerms"] {
        merge_patch(&mut schema, &read(&schemas.join("extensions").join(extension).join("release-schema.json")));
    }
    for own in ["ocds_bidEvaluation_extension", "ocds_lotSplitRationale_extension"] {
        merge_patch(&mut schema, &read(&root.join("extensions").join(own).join("release-schema.json")));
    }
    schema
}

fn validate(schema: &Value, instance: &Value, what: &str) {
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(schema)
        .expect("the schema compiles");
    let errors: Vec<String> =
        validator.iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).collect();
    assert!(errors.is_empty(), "{what} is not valid:\n{}", errors.join("\n"));
}

fn options() -> OcdsOptions {
    OcdsOptions::new("ocds-a1b2c3-", "2026-11-02T12:00:00Z")
}

#[test]
fn merge_patch_follows_rfc_7386() {
    // RFC 7386 appendix A, a selection.
    let cases = [
        (json!({"a": "b"}), json!({"a": "c"}), json!({"a": "c"})),
        (json!({"a": "b"}), json!({"b": "c"}), json!({"a": "b", "b": "c"})),
        (json!({"a": "b"}), json!({"a": null}), json!({})),
        (json!({"a": ["b"]}), json!({"a": "c"}), json!({"a": "c"})),
        (json!({"a": {"b": "c"}}), json!({"a": {"b": "d", "c": null}}), json!({"a": {"b": "d"}})),
        (json!({"a": [{"b": "c"}]}), json!({"a": [1]}), json!({"a": [1]})),
        (json!({"e": null}), json!({"a": 1}), json!({"e": null, "a": 1})),
        (json!([1, 2]), json!({"a": "b", "c": null}), json!({"a": "b"})),
        (json!({}), json!({"a": {"bb": {"ccc": null}}}), json!({"a": {"bb": {}}})),
    ];
    for (mut target, patch, expected) in cases {
        merge_patch(&mut target, &patch);
        assert_eq!(target, expected);
    }
}

#[test]
fn extensions_are_applied() {
    let schema = release_schema();
    let defs = &schema["definitions"];
    assert!(defs["Tender"]["properties"]["lots"].is_object(), "lots extension");
    assert!(defs["Lot"]["properties"]["awardCriteria"].is_object(), "award criteria breakdown extension");
    assert!(schema["properties"]["bids"].is_object(), "bids extension");
    assert!(defs["Bid"]["properties"]["evaluation"].is_object(), "evaluation extension");
    // Core fields survive the patches.
    assert!(defs["Tender"]["properties"]["awardCriteria"].is_object());
}

#[test]
fn fixtures_validate_and_match_snapshots() {
    let schema = release_schema();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut package_schema = read(&root.join("tests/schema/core/release-package-schema.json"));
    // Releases are validated one by one against the patched release schema; the package's own
    // reference to the published core schema is not followed (no network).
    package_schema["properties"]["releases"]["items"] = json!({});
    for (name, tender, bids) in common::fixtures() {
        let evaluation = tender_score::evaluate(&tender, &bids).expect("fixture evaluates");
        let package = ocds_release_package(&tender, &bids, &evaluation, &options()).expect("exports").output;
        validate(&package_schema, &package, &format!("{name}: the package"));
        for release in package["releases"].as_array().expect("releases") {
            validate(&schema, release, &format!("{name}: the release"));
        }
        let release = &package["releases"][0];
        // Every bid is in bids.details with its evaluation; awards match the evaluation.
        assert_eq!(release["bids"]["details"].as_array().map(Vec::len), Some(bids.len()), "{name}");
        let awarded: usize = evaluation.lots.iter().map(|l| l.awarded.len()).sum();
        assert_eq!(release["awards"].as_array().map_or(0, Vec::len), awarded, "{name}");
        let input = common::fixtures_dir().join(&name).join("tender.toml");
        insta::with_settings!({
            input_file => &input,
            snapshot_suffix => name.as_str(),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!("ocds", serde_json::to_string_pretty(&package).expect("serialises"));
        });
    }
}

#[test]
fn amounts_keep_every_digit() {
    let (_, mut tender, bids) = common::fixtures().into_iter().next().expect("a fixture");
    tender.estimated_value = Some("12345678901234.57".parse().expect("decimal"));
    let evaluation = tender_score::evaluate(&tender, &bids).expect("evaluates");
    let release = ocds_release(&tender, &bids, &evaluation, &options()).expect("exports").output;
    assert_eq!(release["tender"]["value"]["amount"].to_string(), "12345678901234.57");
}

#[test]
fn options_are_checked() {
    let (_, tender, bids) = common::fixtures().into_iter().next().expect("a fixture");
    let evaluation = tender_score::evaluate(&tender, &bids).expect("evaluates");
    let bad_date = OcdsOptions::new("ocds-a1b2c3-", "2 November 2026");
    let err = ocds_release(&tender, &bids, &evaluation, &bad_date).expect_err("bad date");
    assert!(matches!(err, ExportError::Options { option: "date", .. }), "{err}");
    let no_prefix = OcdsOptions::new(" ", "2026-11-02T12:00:00Z");
    let err = ocds_release(&tender, &bids, &evaluation, &no_prefix).expect_err("no prefix");
    assert!(matches!(err, ExportError::Options { option: "ocid_prefix", .. }), "{err}");
}

#[test]
fn bids_not_evaluated_are_refused() {
    let fixtures = common::fixtures();
    let (_, tender, bids) = &fixtures[0];
    let evaluation = tender_score::evaluate(tender, bids).expect("evaluates");
    let err = ocds_release(tender, &bids[1..], &evaluation, &options()).expect_err("a bid is missing");
    assert!(err.to_string().contains("not among the bids given"), "{err}");
}

#[test]
fn the_schema_catches_mistakes() {
    let schema = release_schema();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .should_validate_formats(true)
        .build(&schema)
        .expect("compiles");
    let (_, tender, bids) = common::fixtures().into_iter().next().expect("a fixture");
    let evaluation = tender_score::evaluate(&tender, &bids).expect("evaluates");
    let good = ocds_release(&tender, &bids, &evaluation, &options()).expect("exports").output;
    assert!(validator.is_valid(&good));
    let mistakes: [(&str, Value); 5] = [
        ("/tender/status", json!("finished")),
        ("/date", json!("yesterday")),
        ("/tender/lots/0/awardCriteria/criteria/0/numbers", json!([{ "number": 1, "weight": "per-exa" }])),
        ("/bids/details/0/evaluation/status", json!("won")),
        ("/bids/details/0/evaluation/score", json!(1)),
    ];
    for (pointer, value) in mistakes {
        let mut bad = good.clone();
        let (parent, key) = pointer.rsplit_once('/').expect("pointer");
        bad.pointer_mut(parent).expect("parent exists")[key] = value;
        assert!(!validator.is_valid(&bad), "{pointer} should be invalid");
    }
}

#[test]
fn ocid_takes_the_prefix_with_or_without_its_hyphen() {
    let (_, tender, bids) = common::fixtures().into_iter().next().expect("a fixture");
    let evaluation = tender_score::evaluate(&tender, &bids).expect("evaluates");
    for prefix in ["ocds-a1b2c3", "ocds-a1b2c3-"] {
        let options = OcdsOptions::new(prefix, "2026-11-02T12:00:00Z");
        let release = ocds_release(&tender, &bids, &evaluation, &options).expect("exports").output;
        assert_eq!(release["ocid"], format!("ocds-a1b2c3-{}", tender.id), "prefix {prefix}");
    }
    let only_hyphens = OcdsOptions::new("--", "2026-11-02T12:00:00Z");
    let err = ocds_release(&tender, &bids, &evaluation, &only_hyphens).expect_err("no prefix");
    assert!(matches!(err, ExportError::Options { option: "ocid_prefix", .. }), "{err}");
}

#[test]
fn each_export_has_its_own_release_id() {
    let (_, tender, bids) = common::fixtures().into_iter().next().expect("a fixture");
    let evaluation = tender_score::evaluate(&tender, &bids).expect("evaluates");
    let id = |date: &str| {
        let options = OcdsOptions::new("ocds-a1b2c3", date);
        ocds_release(&tender, &bids, &evaluation, &options).expect("exports").output["id"].clone()
    };
    assert_eq!(id("2026-11-02T12:00:00Z"), format!("{}-evaluation-20261102T120000Z", tender.id));
    assert_ne!(id("2026-11-02T12:00:00Z"), id("2026-11-03T12:00:00Z"));
}

#[test]
fn parties_carry_their_registration_numbers() {
    let fixtures = common::fixtures();
    let (_, tender, bids) = fixtures.iter().find(|(n, ..)| n == "copenhagen-lots").expect("fixture");
    let evaluation = tender_score::evaluate(tender, bids).expect("evaluates");
    let exported = ocds_release(tender, bids, &evaluation, &options()).expect("exports");
    assert!(exported.warnings.is_empty(), "{:?}", exported.warnings);
    let release = exported.output;
    assert_eq!(release["buyer"]["id"], "DK-CVR-64942212");
    assert_eq!(release["parties"][0]["identifier"], json!({ "scheme": "DK-CVR", "id": "64942212" }));
    let party_ids: Vec<&str> =
        release["parties"].as_array().expect("parties").iter().filter_map(|p| p["id"].as_str()).collect();
    // Every organisation reference names a party.
    for pointer in ["/bids/details", "/awards"] {
        for entry in release.pointer(pointer).and_then(Value::as_array).expect("entries") {
            for org in entry["tenderers"].as_array().or(entry["suppliers"].as_array()).expect("organisations") {
                assert!(party_ids.contains(&org["id"].as_str().expect("id")), "{org}");
            }
        }
    }
    // Award ids are the awarded bids' ids, without a lot prefix added.
    for award in release["awards"].as_array().expect("awards") {
        assert_eq!(award["id"], award["relatedBids"][0]);
    }
}

#[test]
fn a_buyer_without_identifier_is_a_warning() {
    let (_, mut tender, bids) = common::fixtures().into_iter().next().expect("a fixture");
    tender.buyer.identifier = None;
    let evaluation = tender_score::evaluate(&tender, &bids).expect("evaluates");
    let exported = ocds_release(&tender, &bids, &evaluation, &options()).expect("exports");
    assert_eq!(exported.output["buyer"]["id"], "buyer");
    assert_eq!(exported.warnings.len(), 1, "{:?}", exported.warnings);
    assert_eq!(exported.warnings[0].path, "buyer.identifier");
}

#[test]
fn the_registration_number_names_its_scheme_only_when_known() {
    use tender_interop::ocds::org_identifier;
    assert_eq!(org_identifier("DK64942212", "DK"), Some(("DK-CVR", "64942212".to_owned())));
    assert_eq!(org_identifier("64942212", "DK"), Some(("DK-CVR", "64942212".to_owned())));
    assert_eq!(org_identifier("DK6494221", "DK"), None, "seven digits");
    assert_eq!(org_identifier("DK64942212X", "DK"), None);
    assert_eq!(org_identifier("64942212", "SE"), None, "eight digits outside Denmark");
    assert_eq!(org_identifier("FR58912345678", "FR"), None);
}

#[test]
fn periods_and_method_in_words() {
    let fixtures = common::fixtures();
    let (_, tender, bids) = fixtures.iter().find(|(n, ..)| n == "copenhagen-lots").expect("fixture");
    let evaluation = tender_score::evaluate(tender, bids).expect("evaluates");
    let release = ocds_release(tender, bids, &evaluation, &options()).expect("exports").output;
    let t = &release["tender"];
    assert_eq!(t["tenderPeriod"]["endDate"], "2026-10-01T12:00:00+02:00", "with the notice's deadline time");
    let mut no_time = tender.clone();
    no_time.notice = None;
    let release = ocds_release(&no_time, bids, &evaluation, &options()).expect("exports").output;
    assert_eq!(release["tender"]["tenderPeriod"]["endDate"], "2026-10-01T23:59:59Z", "the end of the day");
    assert_eq!(t["contractPeriod"], json!({ "startDate": "2027-01-01T00:00:00Z", "endDate": "2030-12-31T23:59:59Z" }));
    assert_eq!(t["procurementMethodDetails"], "Offentligt udbud");
    assert!(t["lotDetails"]["splitRationale"].as_str().is_some_and(|s| s.starts_with("Indkøbet er delt")));
    let mut english = tender.clone();
    english.languages.reverse();
    let release = ocds_release(&english, bids, &evaluation, &options()).expect("exports").output;
    assert_eq!(release["tender"]["procurementMethodDetails"], "Open procedure");
}

#[test]
fn extensions_are_declared_only_when_used() {
    let (_, tender, bids) = common::fixtures().into_iter().next().expect("a fixture");
    let evaluation = tender_score::evaluate(&tender, &bids).expect("evaluates");
    let package = ocds_release_package(&tender, &bids, &evaluation, &options()).expect("exports").output;
    let declared = |package: &Value, name: &str| {
        package["extensions"]
            .as_array()
            .expect("extensions")
            .iter()
            .any(|u| u.as_str().is_some_and(|u| u.contains(name)))
    };
    for name in ["lots", "awardCriteriaBreakdown", "bid_extension", "countryCode", "bidEvaluation"] {
        assert!(declared(&package, name), "{name}");
    }
    let mut without = tender.clone();
    without.lot_split_reason = None;
    let mut plain_bids = bids.clone();
    for bid in &mut plain_bids {
        bid.bidder.sme = None;
    }
    let package = ocds_release_package(&without, &plain_bids, &evaluation, &options()).expect("exports").output;
    assert!(!declared(&package, "lotSplitRationale"));
    assert!(!declared(&package, "partyDetails_scale"));
    let mut hosted = options();
    hosted.extensions_base = Some("https://example.org/ext".to_owned());
    let package = ocds_release_package(&tender, &bids, &evaluation, &hosted).expect("exports").output;
    assert!(declared(&package, "https://example.org/ext/ocds_bidEvaluation_extension/extension.json"));
}
