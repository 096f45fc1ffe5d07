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
    merge_patch(&mut schema, &read(&root.join("schema/evaluation-extension/release-schema.json")));
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
        let package = ocds_release_package(&tender, &bids, &evaluation, &options()).expect("exports");
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
    let release = ocds_release(&tender, &bids, &evaluation, &options()).expect("exports");
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
    let good = ocds_release(&tender, &bids, &evaluation, &options()).expect("exports");
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
