//! Issue 17: [`SpanIndex`] locates validation paths as [`files::locate`] does (which parses the
//! source again for every path), for every value of every TOML and JSON file in the repository,
//! and for paths that go past what exists (a missing field points at its parent).

use std::path::{Path, PathBuf};

use tender_core::files::{self, Format, SpanIndex};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files_under(&path, out);
        } else if Format::from_path(&path).is_some() {
            out.push(path);
        }
    }
}

/// The paths of every value in `source`, as validation writes them, found by walking the parsed
/// value.
fn every_path(value: &serde_json::Value, prefix: &str, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            for (k, v) in map {
                if k.contains(['.', '[', ']']) {
                    continue;
                }
                let p = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                out.push(p.clone());
                every_path(v, &p, out);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let p = format!("{prefix}[{i}]");
                out.push(p.clone());
                every_path(v, &p, out);
            }
        }
        _ => {}
    }
}

#[test]
fn the_index_locates_every_path_as_locate_does() {
    let mut paths = Vec::new();
    for dir in ["fixtures", "tests/malformed", "crates/cli/tests/data"] {
        files_under(&root().join(dir), &mut paths);
    }
    paths.sort();
    let mut compared = 0;
    for file in &paths {
        let Ok(source) = std::fs::read_to_string(file) else { continue };
        let Some(format) = Format::from_path(file) else { continue };
        let value: serde_json::Value = match format {
            Format::Toml => match toml::from_str(&source) {
                Ok(v) => v,
                Err(_) => continue,
            },
            Format::Json => match serde_json::from_str(&source) {
                Ok(v) => v,
                Err(_) => continue,
            },
        };
        let index = SpanIndex::new(&source, format);
        let mut all = Vec::new();
        every_path(&value, "", &mut all);
        // `locate` parses the file again for every path: a sample of a large file is enough.
        let step = all.len().div_ceil(2_000).max(1);
        let all: Vec<String> = all.into_iter().step_by(step).collect();
        let missing: Vec<String> = all.iter().flat_map(|p| [format!("{p}.nope"), format!("{p}[99]")]).collect();
        for path in all.iter().chain(&missing).chain([&"nope".to_owned(), &"(top level)".to_owned()]) {
            assert_eq!(index.locate(&source, path), files::locate(&source, format, path), "{}: {path}", file.display());
            compared += 1;
        }
    }
    assert!(compared > 10_000, "only {compared} paths compared");
}

#[test]
fn a_json_file_with_a_byte_order_mark_is_indexed() {
    let source = "\u{feff}{\"id\": \"B-1\", \"price\": {\"total\": 5}}";
    let found = SpanIndex::new(source, Format::Json).locate(source, "price.total").expect("found");
    assert_eq!(&source[found.location.span], "5");
    assert!(found.exact);
}

/// A hostile file nested 100,000 deep: each path's key is as long as its depth, so indexing every
/// level took minutes (found by the CLI's garbage test). Only the first levels are indexed; a
/// path below them is located at its deepest indexed ancestor.
#[test]
fn deep_nesting_is_indexed_only_as_deep_as_validation_paths_go() {
    let depth = 100_000;
    let json = format!("{}1{}", "{\"a\": ".repeat(depth), "}".repeat(depth));
    let index = SpanIndex::new(&json, Format::Json);
    let found = index.locate(&json, "a.a.a").expect("found");
    assert!(found.exact);
    assert_eq!(found.location.span.start, "{\"a\": ".len() * 3);
    let deep = vec!["a"; 1_000].join(".");
    let found = index.locate(&json, &deep).expect("an ancestor is found");
    assert!(!found.exact);
}
