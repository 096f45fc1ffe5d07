//! The fixture corpus: every directory in `fixtures/` (at the workspace root) is a realistic tender
//! built from a case in the seeds, with its bids in `bids/*.toml`.
//!
//! For each fixture the tender and every bid must load, validate without errors (one by one and as a
//! set) and survive the round trips model → TOML → model and model → JSON → model unchanged, with
//! byte-identical output when written twice. Each fixture has at least one lot and four bids.
//!
//! Warnings are allowed; run with `FIXTURES_STRICT=1` to fail on them too while editing a fixture.

use std::fmt::{Debug, Write as _};
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;
use tender_core::files::{self, Format};
use tender_core::validate::{self, Level, Problem};
use tender_core::{Bid, Tender};

/// The fixtures directory at the workspace root, as an absolute path without `..`.
fn fixtures_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    dir.canonicalize().unwrap_or_else(|e| panic!("cannot find {}: {e}", dir.display()))
}

/// The entries of a directory that pass `keep`, sorted by name so the test is deterministic.
fn sorted_entries(dir: &Path, keep: impl Fn(&Path) -> bool) -> Vec<PathBuf> {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()));
    let mut paths: Vec<PathBuf> = entries
        .map(|entry| entry.unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display())).path())
        .filter(|p| keep(p))
        .collect();
    paths.sort();
    paths
}

/// The fixture directories.
fn fixture_dirs() -> Vec<PathBuf> {
    sorted_entries(&fixtures_dir(), |p| p.is_dir())
}

/// The bid files of a fixture.
fn bid_files(fixture: &Path) -> Vec<PathBuf> {
    let dir = fixture.join("bids");
    if !dir.is_dir() {
        return Vec::new();
    }
    sorted_entries(&dir, |p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
}

fn load<T: DeserializeOwned>(path: &Path) -> T {
    match files::load::<T>(path) {
        Ok((value, _)) => value,
        Err(e) => panic!("{e}"),
    }
}

fn strict() -> bool {
    std::env::var_os("FIXTURES_STRICT").is_some_and(|v| !v.is_empty() && v != "0")
}

/// Appends the problems that fail the test (errors; warnings too under `FIXTURES_STRICT`).
fn collect(report: &mut String, file: &Path, problems: &[Problem]) {
    let strict = strict();
    for p in problems.iter().filter(|p| p.level == Level::Error || strict) {
        let _ = writeln!(report, "{}: {p}", file.display());
    }
}

/// Writes a value in a format, panicking with the file's name on failure.
fn write<T: Serialize>(value: &T, format: Format, file: &Path) -> String {
    files::to_string(value, format)
        .unwrap_or_else(|e| panic!("{}: cannot write as {}: {e}", file.display(), format.name()))
}

/// model → text → model is the identity, and writing twice gives the same bytes, in TOML and JSON.
fn assert_round_trips<T: Serialize + DeserializeOwned + PartialEq + Debug>(value: &T, file: &Path) {
    for format in [Format::Toml, Format::Json] {
        let text = write(value, format, file);
        let again = write(value, format, file);
        assert_eq!(text, again, "{}: writing {} twice gave different bytes", file.display(), format.name());
        let back: T = files::parse(&text, format, file).unwrap_or_else(|e| {
            panic!("{}: the written {} does not read back: {e}\n{text}", file.display(), format.name())
        });
        assert_eq!(&back, value, "{}: the {} round trip changed the model", file.display(), format.name());
        let rewritten = write(&back, format, file);
        assert_eq!(rewritten, text, "{}: writing the re-read {} gave different bytes", file.display(), format.name());
    }
}

#[test]
fn there_are_fixtures() {
    let dirs = fixture_dirs();
    assert!(!dirs.is_empty(), "no fixture directories in {}", fixtures_dir().display());
    for dir in &dirs {
        assert!(dir.join("tender.toml").is_file(), "{} has no tender.toml", dir.display());
    }
}

#[test]
fn fixtures_load_validate_and_round_trip() {
    let mut report = String::new();
    for dir in fixture_dirs() {
        let tender_file = dir.join("tender.toml");
        let tender: Tender = load(&tender_file);
        collect(&mut report, &tender_file, &validate::validate_tender(&tender));
        assert!(!tender.lots.is_empty(), "{}: the tender has no lot", tender_file.display());
        assert_round_trips(&tender, &tender_file);

        let files = bid_files(&dir);
        assert!(files.len() >= 4, "{}: {} bids; a fixture needs at least 4", dir.display(), files.len());
        let mut bids = Vec::new();
        for file in &files {
            let bid: Bid = load(file);
            collect(&mut report, file, &validate::validate_bid(&tender, &bid));
            assert_round_trips(&bid, file);
            bids.push(bid);
        }
        collect(&mut report, &dir.join("bids"), &validate::validate_bid_set(&tender, &bids));
    }
    assert!(report.is_empty(), "the fixtures have problems:\n{report}");
}

/// Each fixture exists to exercise the gates: at least one of its bids declares a premise or a
/// minimum requirement of its lot not met (the scoring crate checks the typed content as well).
#[test]
fn every_fixture_has_a_bid_failing_a_gate() {
    for dir in fixture_dirs() {
        let tender: Tender = load(&dir.join("tender.toml"));
        let fails_a_gate = |bid: &Bid| {
            tender.lot(&bid.lot).is_some_and(|lot| {
                tender
                    .requirements_for(lot)
                    .filter(|r| r.severity.is_gate())
                    .any(|r| bid.answer(&r.id).is_some_and(|a| !a.met))
            })
        };
        let any_fails = bid_files(&dir).iter().any(|f| fails_a_gate(&load::<Bid>(f)));
        assert!(any_fails, "{}: no bid declares a premise or minimum requirement unmet", dir.display());
    }
}
