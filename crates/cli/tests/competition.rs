//! A real competition from the command line: `fixtures/odense-collaboration` has a bid for each
//! reason a bid is rejected as non-compliant. `check` announces the rejections and exits 0,
//! `evaluate` ranks the rest and lists every rejected bid with its reasons; a tender's own problem
//! or an unreadable bid file still stops with a located error, unless `--skip-unreadable` is given.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_tender"))
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("RUST_BACKTRACE")
        .args(args)
        .output()
        .expect("the binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

fn run(args: &[&str]) -> Run {
    run_in(&workspace(), args)
}

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

const FIXTURE: &str = "fixtures/odense-collaboration";

/// The bids of the fixture that are rejected, and one phrase of each one's reason.
const REJECTED: [(&str, &str); 8] = [
    ("L1-05", "leaves out SOV-8"),
    ("L1-06", "the bidder bids for 2 lots (L1, L2); the tender allows at most 1"),
    ("L1-07", "also submitted L1-08 for this lot"),
    ("L1-08", "also submitted L1-07 for this lot"),
    ("L1-09", "after the submission deadline 2026-03-02T12:00"),
    ("L2-04", "states no total price"),
    ("L2-06", "the bidder bids for 2 lots (L1, L2); the tender allows at most 1"),
    ("L1-04", "R-EXIT"),
];

#[test]
fn check_announces_every_rejection_and_exits_0() {
    let r = run(&["check", FIXTURE]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "ok: the tender and its 15 bids are valid; 10 bids will be rejected as non-compliant, the others evaluated\n"
    );
    // Messages wrap at the terminal's width: compare words, not lines.
    let words = r.stderr.replace('│', " ").split_whitespace().collect::<Vec<_>>().join(" ");
    for (_, reason) in REJECTED {
        assert!(words.contains(reason), "check does not announce `{reason}`:\n{}", r.stderr);
    }
    // A bid that declares a requirement not met, and one whose SEAL is not stated, are announced too.
    assert!(r.stderr.contains("l2-03-langeland.toml"), "{}", r.stderr);
    assert!(words.contains("SEAL not stated for SOV-1"), "{}", r.stderr);
    snapshot!("competition-check", r.stderr);
}

#[test]
fn evaluate_ranks_the_compliant_bids_and_lists_the_rejected() {
    let r = run(&["evaluate", FIXTURE]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    for (bid, reason) in REJECTED {
        assert!(r.stdout.contains(bid) && r.stdout.contains(reason), "{bid}: `{reason}` missing:\n{}", r.stdout);
    }
    assert!(r.stdout.contains("Rejected as non-compliant:"), "{}", r.stdout);
    snapshot!("competition-evaluate", r.stdout);

    let json = run(&["evaluate", FIXTURE, "--format", "json"]);
    assert_eq!(json.code, Some(0), "{}", json.stderr);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let mut rejected = Vec::new();
    for lot in v["lots"].as_array().expect("lots") {
        for b in lot["bids"].as_array().expect("bids") {
            // Every bid with a self-assessment has its overall and per-objective SEAL.
            assert!(b["sovereignty"]["objectives"].as_array().is_some_and(|o| o.len() == 8), "{b}");
            if b["status"] == "rejected" {
                assert!(b["rank"].is_null());
                assert!(!b["rejection"].as_array().expect("reasons").is_empty());
                rejected.push(b["bid"].as_str().expect("id").to_owned());
            }
        }
    }
    assert_eq!(rejected, ["L1-05", "L1-06", "L1-07", "L1-08", "L1-09", "L2-04", "L2-06"]);
    let explain = run(&["evaluate", FIXTURE, "--explain"]);
    assert!(explain.stdout.contains("rejected as non-compliant: takes no rank"), "{}", explain.stdout);
}

#[test]
fn the_report_lists_rejected_bids_in_both_languages() {
    for (lang, phrase) in [("da", "Afvist som ukonditionsmæssigt tilbud"), ("en", "Rejected as non-compliant")] {
        let r = run(&["evaluate", FIXTURE, "--format", "markdown", "--lang", lang]);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        assert!(r.stdout.contains(phrase), "{lang}");
        for (bid, _) in REJECTED {
            assert!(r.stdout.contains(bid), "{lang}: {bid}");
        }
    }
}

/// Copies the fixture to a temporary directory.
fn copy_fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = workspace().join(FIXTURE);
    std::fs::create_dir(dir.path().join("bids")).expect("bids/");
    std::fs::copy(from.join("tender.toml"), dir.path().join("tender.toml")).expect("tender");
    for entry in std::fs::read_dir(from.join("bids")).expect("bids") {
        let path = entry.expect("entry").path();
        std::fs::copy(&path, dir.path().join("bids").join(path.file_name().expect("name"))).expect("bid");
    }
    dir
}

#[test]
fn the_tender_and_unreadable_files_still_stop_with_a_located_error() {
    // Kind 1: the tender is wrong.
    let dir = copy_fixture();
    let tender = dir.path().join("tender.toml");
    let text = std::fs::read_to_string(&tender).expect("tender").replacen("weight = 40", "weight = 41", 1);
    std::fs::write(&tender, text).expect("write");
    let r = run_in(dir.path(), &["check", "."]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("tender.toml:"), "{}", r.stderr);
    assert_eq!(run_in(dir.path(), &["evaluate", ".", "--skip-unreadable"]).code, Some(1));

    // Kind 2: a bid file that is not a bid of this tender, and one with a missing mark.
    let dir = copy_fixture();
    let bids = dir.path().join("bids");
    let other = std::fs::read_to_string(bids.join("l1-02-nordlys.toml"))
        .expect("bid")
        .replace("id = \"L1-02\"", "id = \"L1-90\"")
        .replace("lot = \"L1\"", "lot = \"L7\"");
    std::fs::write(bids.join("l1-90-wrong-lot.toml"), other).expect("write");
    let missing = std::fs::read_to_string(bids.join("l1-03-baltisk.toml")).expect("bid");
    let cut = missing.find("[[scores]]").expect("scores");
    std::fs::write(bids.join("l1-03-baltisk.toml"), &missing[..cut]).expect("write");
    let r = run_in(dir.path(), &["evaluate", "."]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(
        r.stderr.contains("l1-90-wrong-lot.toml") && r.stderr.contains("the tender has no lot `L7`"),
        "{}",
        r.stderr
    );
    let r = run_in(dir.path(), &["check", "."]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);

    // --skip-unreadable evaluates the rest and says which files it left out, in every output.
    let r = run_in(dir.path(), &["evaluate", ".", "--skip-unreadable"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("Not evaluated: these files could not be read"), "{}", r.stdout);
    assert!(r.stdout.contains("l1-90-wrong-lot.toml"), "{}", r.stdout);
    assert!(r.stdout.contains("l1-03-baltisk.toml") && r.stdout.contains("has no evaluator score"), "{}", r.stdout);
    let json = run_in(dir.path(), &["evaluate", ".", "--skip-unreadable", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    assert_eq!(v["skipped"].as_array().map(Vec::len), Some(2), "{}", json.stdout);
    let md = run_in(dir.path(), &["evaluate", ".", "--skip-unreadable", "--format", "markdown", "--lang", "da"]);
    assert!(md.stdout.contains("kunne ikke læses som tilbud"), "{}", md.stdout);
}

/// A file in the bids' directory that is not read (a hidden bid file, another type of file) is
/// listed in every evaluation output, not only as a warning (issue 17: skipped in silence).
#[test]
fn files_not_read_are_listed_in_every_output() {
    let dir = copy_fixture();
    let bids = dir.path().join("bids");
    std::fs::copy(bids.join("l1-02-nordlys.toml"), bids.join(".l1-99-cheapest.toml")).expect("copy");
    std::fs::write(bids.join("notes.txt"), "x").expect("write");
    let r = run_in(dir.path(), &["evaluate", "."]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("Not read: these files") && r.stdout.contains(".l1-99-cheapest.toml"), "{}", r.stdout);
    let json = run_in(dir.path(), &["evaluate", ".", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).expect("JSON");
    let kinds: Vec<&str> =
        v["skipped"].as_array().expect("skipped").iter().filter_map(|f| f["kind"].as_str()).collect();
    assert_eq!(kinds, ["not-read", "not-read"]);
    for lang in ["da", "en"] {
        let md = run_in(dir.path(), &["evaluate", ".", "--format", "markdown", "--lang", lang]);
        assert!(md.stdout.contains(".l1-99-cheapest.toml"), "{lang}: {}", md.stdout);
    }
}
