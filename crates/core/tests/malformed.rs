//! The malformed corpus: every file in `tests/malformed/` (at the workspace root) is a tender or a
//! bid that is broken in one way, named for it. Each must be refused, with a message that names the
//! file, the path inside it and what would fix it; the messages are snapshots in `snapshots/`.
//!
//! Files named `tender-*` are loaded and validated as tenders, `bid-*` as bids for the valid tender
//! `tests/malformed/base/tender.toml`. Cases too large to commit (several megabytes, deep nesting)
//! are generated at run time by the tests at the end of this file.
//!
//! Review changed snapshots with `cargo insta review`, or run with `INSTA_UPDATE=always` and read
//! the `.snap` files.

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use tender_core::files::{self, Format, LoadError};
use tender_core::validate::{self, Level, Problem};
use tender_core::{Bid, Tender};

/// The workspace root, as an absolute path without `..`.
fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the workspace root exists")
}

fn corpus() -> PathBuf {
    root().join("tests/malformed")
}

/// The path relative to the workspace root, with `/` separators, as the snapshots show it.
fn relative(path: &Path) -> String {
    match path.strip_prefix(root()) {
        Ok(rel) => rel.components().map(|c| c.as_os_str().to_string_lossy().into_owned()).collect::<Vec<_>>().join("/"),
        Err(_) => path.display().to_string(),
    }
}

fn base_tender() -> Tender {
    let path = corpus().join("base/tender.toml");
    match files::load::<Tender>(&path) {
        Ok((tender, _)) => tender,
        Err(e) => panic!("the base tender must load: {e}"),
    }
}

/// What loading and validating a file gave.
struct Outcome {
    report: String,
    refused: bool,
}

/// Shows validation problems as a user would see them: the file (with line and column when the
/// path can be found in the source), then the problem's own text.
fn render_problems(rel: &str, source: &str, format: Format, mut problems: Vec<Problem>) -> Outcome {
    let errors = problems.iter().filter(|p| p.level == Level::Error).count();
    // A bidder's defect does not stop the evaluation, but the bid is refused: rejected as
    // non-compliant with its reason.
    let rejections = problems.iter().filter(|p| p.level == Level::Rejection).count();
    let warnings = problems.len() - errors - rejections;
    let mut report = if rejections == 0 {
        format!("{rel}: {errors} error(s), {warnings} warning(s)\n")
    } else {
        format!("{rel}: {errors} error(s), {rejections} rejection(s), {warnings} warning(s)\n")
    };
    for p in &mut problems {
        let place = match format {
            Format::Toml => files::locate_toml(source, &p.path).map(|l| format!("{rel}:{}:{}", l.line, l.column)),
            Format::Json => files::locate_json(source, &p.path).map(|l| format!("{rel}:{}:{}", l.line, l.column)),
        };
        p.file = Some(place.unwrap_or_else(|| rel.to_owned()));
        writeln!(report, "{p}").expect("writing to a String");
    }
    Outcome { report, refused: errors > 0 || rejections > 0 }
}

/// Shows a load error, with the absolute path of the corpus replaced by the workspace-relative one.
fn render_load_error(e: &LoadError) -> String {
    let prefix = format!("{}/", root().display());
    format!("{e}\n").replace(&prefix, "")
}

fn check(path: &Path, tender: &Tender) -> Outcome {
    let rel = relative(path);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
    let format = Format::from_path(path);
    if name.starts_with("tender-") {
        match files::load::<Tender>(path) {
            Ok((t, source)) => {
                render_problems(&rel, &source, format.unwrap_or(Format::Toml), validate::validate_tender(&t))
            }
            Err(e) => Outcome { report: render_load_error(&e), refused: true },
        }
    } else {
        match files::load::<Bid>(path) {
            Ok((b, source)) => {
                render_problems(&rel, &source, format.unwrap_or(Format::Toml), validate::validate_bid(tender, &b))
            }
            Err(e) => Outcome { report: render_load_error(&e), refused: true },
        }
    }
}

/// The corpus files, sorted; `README.md` and the `base/` directory are not cases.
fn cases() -> Vec<PathBuf> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(corpus())
        .expect("tests/malformed exists")
        .map(|e| e.expect("a readable directory entry").path())
        .filter(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    paths.sort();
    paths
}

#[test]
fn the_base_tender_and_bid_are_valid() {
    let tender = base_tender();
    let problems = validate::validate_tender(&tender);
    assert!(problems.is_empty(), "base/tender.toml must be valid: {problems:#?}");
    let path = corpus().join("base/bid.toml");
    let bid = match files::load::<Bid>(&path) {
        Ok((bid, _)) => bid,
        Err(e) => panic!("base/bid.toml must load: {e}"),
    };
    let problems = validate::validate_bid(&tender, &bid);
    assert!(problems.is_empty(), "base/bid.toml must be valid: {problems:#?}");
}

#[test]
fn every_malformed_case_is_refused_with_a_readable_message() {
    let tender = base_tender();
    let cases = cases();
    assert!(cases.len() >= 30, "the corpus has only {} cases", cases.len());

    let mut stems = BTreeSet::new();
    let mut outcomes = Vec::new();
    for path in &cases {
        let rel = relative(path);
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        assert!(
            name.starts_with("tender-") || name.starts_with("bid-"),
            "{rel}: corpus files are named `tender-<what>.<ext>` or `bid-<what>.<ext>`"
        );
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default().to_owned();
        assert!(stems.insert(stem.clone()), "{rel}: another case has the stem `{stem}`; snapshots are named by stem");
        let outcome = check(path, &tender);
        assert!(
            outcome.report.len() < 20_000,
            "{rel}: the report is {} bytes; messages must quote input briefly",
            outcome.report.len()
        );
        outcomes.push((path, stem, outcome));
    }

    let passed: Vec<String> = outcomes
        .iter()
        .filter(|(_, _, o)| !o.refused)
        .map(|(path, _, o)| format!("{}\n{}", relative(path), o.report))
        .collect();
    assert!(
        passed.is_empty(),
        "these malformed cases were accepted (no load error, no validation error, no rejection); each must be refused:\n{}",
        passed.join("\n")
    );

    for (path, stem, outcome) in outcomes {
        let report = outcome.report;
        insta::with_settings!({
            input_file => path,
            snapshot_suffix => stem,
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!("malformed", report);
        });
    }
}

// Cases generated at run time: too large to commit, or nested deeper than any file should be.

/// A scratch directory under the target directory, emptied first.
fn scratch(test: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("malformed").join(test);
    // Left over from an earlier run, or absent.
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("the scratch directory can be created");
    dir
}

/// Loads a generated file and renders its report, with the scratch directory shown as `<tmp>`.
fn check_generated(dir: &Path, name: &str, contents: &[u8]) -> Outcome {
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("the generated file can be written");
    let outcome = check(&path, &base_tender());
    Outcome { report: hide_scratch(&outcome.report, dir), refused: outcome.refused }
}

/// Shows the scratch directory as `<tmp>`, whether the report names it in full or relative to the
/// workspace (it is inside the workspace when the target directory is).
fn hide_scratch(report: &str, dir: &Path) -> String {
    report.replace(&format!("{}/", dir.display()), "<tmp>/").replace(&format!("{}/", relative(dir)), "<tmp>/")
}

fn snapshot_generated(name: &str, outcome: Outcome) {
    assert!(outcome.refused, "{name} must be refused:\n{}", outcome.report);
    assert!(
        outcome.report.len() < 2_000,
        "{name}: the report is {} bytes long:\n{}",
        outcome.report.len(),
        outcome.report
    );
    let report = outcome.report;
    insta::with_settings!({
        snapshot_suffix => name,
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("generated", report);
    });
}

/// A valid one-lot tender, with room for more top-level fields after `extra`.
fn small_tender(extra: &str) -> String {
    format!(
        r#"id = "T-1"
title = "Office suite"
buyer = {{ name = "Aarhus Kommune", country = "DK", kind = "municipality" }}
procedure = "open"
currency = "DKK"
languages = ["da", "en"]
contract = {{ duration_months = 48 }}
{extra}
[[lots]]
id = "L1"
title = "Office suite"

[lots.award]
price_model = {{ kind = "proportional" }}
tie_break = ["higher-quality", "drawing-lots"]

[[lots.award.criteria]]
id = "PRICE"
name = "Price"
kind = "price"
weight = 30

[[lots.award.criteria]]
id = "Q1"
name = "Quality"
kind = "quality"
weight = 70
"#
    )
}

#[test]
fn a_six_megabyte_description_loads_and_is_refused_by_validation() {
    let dir = scratch("large-description");
    let sentence = "The supplier delivers and operates the office suite for all staff. ";
    let description = sentence.repeat(6_000_000 / sentence.len());
    let source = small_tender(&format!("description = \"{description}\"\n"));
    assert!(source.len() > 6_000_000);
    snapshot_generated(
        "tender-description-6mb",
        check_generated(&dir, "tender-description-6mb.toml", source.as_bytes()),
    );
    // Best effort: the files are only needed while the test runs.
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_five_megabyte_broken_file_gives_one_short_syntax_error() {
    let dir = scratch("large-broken");
    // Thousands of valid requirements, then one whose string is never closed.
    let mut toml = small_tender("");
    let mut i = 0;
    while toml.len() < 5_000_000 {
        i += 1;
        writeln!(
            toml,
            "\n[[requirements]]\nid = \"R-{i}\"\ntitle = \"Requirement number {i} of the tender\"\nseverity = \"information\""
        )
        .expect("writing to a String");
    }
    toml.push_str("\n[[requirements]]\nid = \"R-LAST\"\ntitle = \"Never closed\nseverity = \"information\"\n");
    snapshot_generated("tender-broken-5mb-toml", check_generated(&dir, "tender-broken-5mb.toml", toml.as_bytes()));

    // The same in JSON: a long list of languages, cut off by a missing bracket.
    let mut json = String::from("{\n  \"id\": \"T-1\",\n  \"languages\": [\n");
    while json.len() < 5_000_000 {
        json.push_str("    \"da\",\n");
    }
    json.push_str("    \"en\"\n  \"lots\": []\n}\n");
    snapshot_generated("tender-broken-5mb-json", check_generated(&dir, "tender-broken-5mb.json", json.as_bytes()));
    // Best effort: the files are only needed while the test runs.
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_file_over_the_size_limit_is_refused_before_it_is_read() {
    let dir = scratch("too-large");
    let path = dir.join("tender-33mb.json");
    let file = std::fs::File::create(&path).expect("the file can be created");
    // Sparse: the size is checked before anything is read.
    file.set_len(files::MAX_FILE_BYTES + 1024 * 1024).expect("the file can be extended");
    let outcome = check(&path, &base_tender());
    let report = hide_scratch(&outcome.report, &dir);
    snapshot_generated("tender-33mb", Outcome { report, refused: outcome.refused });
    // Best effort: the files are only needed while the test runs.
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn megabytes_of_text_where_a_short_value_belongs_give_a_short_message() {
    let dir = scratch("long-values");
    let long = "x".repeat(6_000_000);
    // An unknown key of 6 MB: the message quotes only its start.
    let key = small_tender(&format!("{long} = 1\n"));
    snapshot_generated("tender-6mb-unknown-key", check_generated(&dir, "tender-6mb-key.toml", key.as_bytes()));
    // 6 MB of text where a number belongs.
    let number = small_tender("").replace("weight = 70", &format!("weight = \"{long}\""));
    snapshot_generated("tender-6mb-weight", check_generated(&dir, "tender-6mb-weight.toml", number.as_bytes()));
    let months = small_tender("").replace("duration_months = 48", &format!("duration_months = \"{long}\""));
    snapshot_generated("tender-6mb-duration", check_generated(&dir, "tender-6mb-duration.toml", months.as_bytes()));
    // Best effort: the files are only needed while the test runs.
    let _ = std::fs::remove_dir_all(&dir);
}

const DEEP: usize = 100_000;

#[test]
fn json_nested_100000_deep_is_refused_without_overflowing_the_stack() {
    let dir = scratch("deep-json");
    let arrays = format!("{}{}", "[".repeat(DEEP), "]".repeat(DEEP));
    snapshot_generated(
        "tender-deep-json-top-level",
        check_generated(&dir, "tender-deep-top-level.json", arrays.as_bytes()),
    );
    // Untagged values (a text) are buffered before they are matched, so they recurse.
    let title = format!("{{\"id\": \"T-1\", \"title\": {arrays}}}");
    snapshot_generated("tender-deep-json-arrays", check_generated(&dir, "tender-deep-arrays.json", title.as_bytes()));
    let objects = format!("{{\"id\": \"T-1\", \"title\": {}1{}}}", "{\"da\": ".repeat(DEEP), "}".repeat(DEEP));
    snapshot_generated(
        "tender-deep-json-objects",
        check_generated(&dir, "tender-deep-objects.json", objects.as_bytes()),
    );
    let bid =
        format!("{{\"id\": \"B-1\", \"sovereignty\": {{\"objectives\": {{\"SOV-1\": {{\"answers\": {arrays}}}}}}}}}");
    snapshot_generated("bid-deep-json-answers", check_generated(&dir, "bid-deep-answers.json", bid.as_bytes()));
    // Best effort: the files are only needed while the test runs.
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn toml_nested_100000_deep_is_refused_without_overflowing_the_stack() {
    let dir = scratch("deep-toml");
    let arrays = small_tender("").replace(
        "title = \"Office suite\"\nbuyer",
        &format!("title = {}{}\nbuyer", "[".repeat(DEEP), "]".repeat(DEEP)),
    );
    snapshot_generated("tender-deep-toml-arrays", check_generated(&dir, "tender-deep-arrays.toml", arrays.as_bytes()));
    let tables = small_tender("").replace(
        "title = \"Office suite\"\nbuyer",
        &format!("title = {}1{}\nbuyer", "{ da = ".repeat(DEEP), " }".repeat(DEEP)),
    );
    snapshot_generated(
        "tender-deep-toml-inline-tables",
        check_generated(&dir, "tender-deep-tables.toml", tables.as_bytes()),
    );
    let dotted = small_tender(&format!("title.{} = 1\n", vec!["da"; DEEP].join(".")));
    snapshot_generated(
        "tender-deep-toml-dotted-keys",
        check_generated(&dir, "tender-deep-dotted.toml", dotted.as_bytes()),
    );
    let header = small_tender(&format!("\n[standards.{}]\n", vec!["x"; DEEP].join(".")));
    snapshot_generated(
        "tender-deep-toml-table-header",
        check_generated(&dir, "tender-deep-header.toml", header.as_bytes()),
    );
    // Best effort: the files are only needed while the test runs.
    let _ = std::fs::remove_dir_all(&dir);
}
