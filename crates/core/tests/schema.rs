//! The JSON Schemas committed under `docs/schema/` are the ones the model generates, so they are
//! never stale; and they describe the files the fixtures are written in.
//!
//! After changing the model, regenerate them with
//! `UPDATE_SCHEMA=1 cargo test -p tender-core --test schema` and commit the result.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;
use tender_core::schema::{bid_schema, tender_schema};

fn schema_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/schema")
}

const REGENERATE: &str = "UPDATE_SCHEMA=1 cargo test -p tender-core --test schema";

/// Compares a committed schema with the generated one, or rewrites it under `UPDATE_SCHEMA=1`.
fn check_committed(name: &str, generated: &str) {
    let path = schema_dir().join(name);
    if std::env::var_os("UPDATE_SCHEMA").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(schema_dir()).expect("docs/schema can be created");
        std::fs::write(&path, generated).expect("the schema can be written");
        return;
    }
    let committed = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) => panic!("docs/schema/{name} cannot be read ({e}); generate it with `{REGENERATE}`"),
    };
    if committed != generated {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .map_or_else(|| committed.lines().count().min(generated.lines().count()) + 1, |i| i + 1);
        panic!(
            "docs/schema/{name} is stale: it differs from the schema the model generates from line {line} on.\n\
             Regenerate it with `{REGENERATE}` and commit it."
        );
    }
}

#[test]
fn committed_tender_schema_is_current() {
    check_committed("tender.schema.json", &tender_schema());
}

#[test]
fn committed_bid_schema_is_current() {
    check_committed("bid.schema.json", &bid_schema());
}

fn parse(text: &str) -> Value {
    serde_json::from_str(text).expect("a schema is JSON")
}

/// The property names of a schema object, following a `$ref` into `$defs`.
fn properties(schema: &Value, node: &Value) -> BTreeSet<String> {
    let node = resolve(schema, node);
    node.get("properties").and_then(Value::as_object).map(|props| props.keys().cloned().collect()).unwrap_or_default()
}

fn resolve<'a>(schema: &'a Value, node: &'a Value) -> &'a Value {
    match node.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/")) {
        Some(name) => &schema["$defs"][name],
        None => node,
    }
}

/// The schema of a property, looking through `anyOf` (optional values) and `items` (lists).
fn property<'a>(schema: &'a Value, node: &'a Value, name: &str) -> &'a Value {
    let node = resolve(schema, node);
    let mut p = &node["properties"][name];
    loop {
        if let Some(items) = p.get("items") {
            p = items;
        } else if let Some(first) =
            p.get("anyOf").and_then(Value::as_array).and_then(|a| a.iter().find(|v| v.get("$ref").is_some()))
        {
            p = first;
        } else {
            return resolve(schema, p);
        }
    }
}

fn toml_keys(value: &toml::Value) -> BTreeSet<String> {
    value.as_table().map(|t| t.keys().cloned().collect()).unwrap_or_default()
}

fn assert_subset(what: &str, found: &BTreeSet<String>, allowed: &BTreeSet<String>) {
    let unknown: Vec<&String> = found.difference(allowed).collect();
    assert!(
        unknown.is_empty(),
        "{what}: the fixture uses {unknown:?}, which the schema does not list (it lists {allowed:?})"
    );
}

#[test]
fn tender_schema_describes_the_fixture_tender() {
    let text = tender_schema();
    let schema = parse(&text);
    for word in ["\"lots\"", "\"award\"", "\"criteria\"", "\"price_model\"", "\"sub_criteria\"", "\"SEAL-2\""] {
        assert!(text.contains(word), "the tender schema does not mention {word}");
    }
    for kind in [
        "proportional",
        "linear-slope",
        "linear-from-lowest",
        "min-max",
        "fixed-span",
        "logarithmic",
        "price-per-quality-point",
        "value-added",
        "percent-adjustment",
    ] {
        assert!(text.contains(&format!("\"{kind}\"")), "the tender schema does not list the price model `{kind}`");
    }

    // Every key the fixture writes, at each level that matters, is a property in the schema.
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/eu-sovereign-cloud/tender.toml");
    let source = std::fs::read_to_string(&path).expect("the fixture exists");
    let fixture: toml::Value = toml::from_str(&source).expect("the fixture is TOML");
    let root = &schema;
    assert_subset("the tender", &toml_keys(&fixture), &properties(&schema, root));
    let requirement = property(&schema, root, "requirements");
    for r in fixture["requirements"].as_array().expect("requirements") {
        assert_subset("a requirement", &toml_keys(r), &properties(&schema, requirement));
    }
    let lot = property(&schema, root, "lots");
    let award = property(&schema, lot, "award");
    let criterion = property(&schema, award, "criteria");
    let sub = property(&schema, criterion, "sub_criteria");
    for l in fixture["lots"].as_array().expect("lots") {
        assert_subset("a lot", &toml_keys(l), &properties(&schema, lot));
        assert_subset("an award model", &toml_keys(&l["award"]), &properties(&schema, award));
        let kind = l["award"]["price_model"]["kind"].as_str().expect("a price model kind");
        assert!(text.contains(&format!("\"{kind}\"")), "the schema does not list the fixture's price model `{kind}`");
        for c in l["award"]["criteria"].as_array().expect("criteria") {
            assert_subset("a criterion", &toml_keys(c), &properties(&schema, criterion));
            for s in c.get("sub_criteria").and_then(toml::Value::as_array).into_iter().flatten() {
                assert_subset("a sub-criterion", &toml_keys(s), &properties(&schema, sub));
            }
        }
    }
}

#[test]
fn bid_schema_describes_a_bid() {
    let text = bid_schema();
    let schema = parse(&text);
    let root = &schema;
    let props = properties(&schema, root);
    for field in ["id", "tender", "lot", "bidder", "price", "answers", "sovereignty", "scores", "consensus"] {
        assert!(props.contains(field), "the bid schema has no property `{field}`");
    }
    let required: BTreeSet<&str> =
        schema["required"].as_array().expect("required fields").iter().filter_map(Value::as_str).collect();
    for field in ["id", "tender", "lot", "bidder"] {
        assert!(required.contains(field), "the bid schema does not require `{field}`");
    }
    // A bid without a price is read, and rejected as non-compliant with that reason.
    assert!(!required.contains("price"), "the bid schema must accept a bid without a price, to reject it");
    assert!(text.contains("\"SEAL-4\""), "the bid schema lists the SEAL levels");
}
