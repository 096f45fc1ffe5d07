//! Regression tests for issue 17: hostile or careless input (minified JSON over 64 KB, numbers that
//! overflow, control characters in bidder text, devices and FIFOs as inputs and outputs, hidden and
//! dangling bid files, thousands of problems). Each test is named after what broke.
//!
//! The binary runs with `NO_COLOR=1` and `COLUMNS=100`, as in `cli.rs`; what a person sees is
//! snapshotted (`tests/snapshots/`).

use std::path::Path;

use assert_cmd::Command;

/// The small case of `tests/data/small`, copied into a fresh directory the test may change.
fn small_case() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/small");
    std::fs::copy(from.join("tender.toml"), dir.path().join("tender.toml")).expect("copy tender");
    std::fs::create_dir(dir.path().join("bids")).expect("bids/");
    for entry in std::fs::read_dir(from.join("bids")).expect("list bids") {
        let entry = entry.expect("entry");
        std::fs::copy(entry.path(), dir.path().join("bids").join(entry.file_name())).expect("copy bid");
    }
    dir
}

/// The binary, run in `dir` with plain, fixed-width output.
fn tender(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tender"));
    cmd.current_dir(dir)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .env_remove("CLICOLOR_FORCE")
        .env_remove("RUST_BACKTRACE");
    cmd
}

/// What a run printed and how it ended.
struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = tender(dir).args(args).output().expect("the binary runs");
    let run = Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    };
    no_panic(&run);
    run
}

/// No output ever carries a panic or a backtrace.
fn no_panic(r: &Run) {
    for text in [&r.stdout, &r.stderr] {
        assert!(!text.contains("panicked"), "a panic:\n{text}");
        assert!(!text.contains("internal error"), "a panic:\n{text}");
        assert!(!text.contains("stack backtrace"), "a backtrace:\n{text}");
    }
    assert_ne!(r.code, Some(101), "exit code 101 is a panic");
}

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

/// A minified JSON bid of about 70 KB whose last values sit past column 65,535: a long
/// justification comes first. Bidder `DK11111111` (who bids for SUITE in the small case) bids
/// for SUPPORT under another name, which is a warning; `price` is the total.
fn minified_bid(price: &str) -> String {
    let long = "x".repeat(70_000);
    format!(
        r#"{{"scores":[{{"evaluator":"E1","criterion":"Q-SUPPORT","score":8,"justification":"{long}"}},{{"evaluator":"E2","criterion":"Q-SUPPORT","score":6,"justification":"Fine."}}],"answers":[{{"requirement":"R-EXIT","met":true,"evidence":"Annex E"}}],"id":"S-9","tender":"CLI-TEST-1","lot":"SUPPORT","bidder":{{"id":"DK11111111","name":"Nordlys Software A/S","country":"DK"}},"price":{{"total":{price}}}}}"#
    )
}

/// Replaces the run's temporary directory in its output, so snapshots are stable.
fn stable(text: &str, dir: &Path) -> String {
    text.replace(&dir.display().to_string(), "[case]")
}

#[test]
fn a_diagnostic_past_column_65535_does_not_panic_the_renderer() {
    let case = small_case();
    std::fs::write(case.path().join("bids/z9-minified.json"), minified_bid("-5")).expect("write bid");
    let r = run_in(case.path(), &["check", "."]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("bids/z9-minified.json:1:"), "{}", r.stderr);
    assert!(r.stderr.lines().all(|l| l.chars().count() < 400), "long lines are cut: {}", r.stderr);
    snapshot!("minified-json-error-past-column-65535", stable(&r.stderr, case.path()));
    let r = run_in(case.path(), &["evaluate", "."]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
}

#[test]
fn a_warning_past_column_65535_does_not_panic_the_renderer() {
    let case = small_case();
    std::fs::write(case.path().join("bids/z9-minified.json"), minified_bid("900000")).expect("write bid");
    let r = run_in(case.path(), &["check", "."]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stderr.contains("named `Nordlys Software A/S` here"), "{}", r.stderr);
    snapshot!("minified-json-warning-past-column-65535", stable(&r.stderr, case.path()));
    let r = run_in(case.path(), &["evaluate", "."]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
}

/// Every file of the malformed corpus, checked alone (`tender-*`) or as a bid of the base tender
/// (`bid-*`): refused with exit 1, never a panic. Issue 17 added the overflow cases.
#[test]
fn every_malformed_file_is_refused_without_a_panic() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/malformed");
    let base = corpus.join("base/tender.toml");
    let mut seen = 0;
    for entry in std::fs::read_dir(&corpus).expect("the corpus exists") {
        let path = entry.expect("entry").path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let (tender, bid) = if name.starts_with("tender-") {
            (path.clone(), None)
        } else if name.starts_with("bid-") {
            (base.clone(), Some(path.clone()))
        } else {
            continue;
        };
        let mut args = vec!["check".to_owned(), tender.display().to_string()];
        args.extend(bid.map(|b| b.display().to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let r = run_in(&corpus, &args);
        assert_eq!(r.code, Some(1), "{name}: {}", r.stderr);
        seen += 1;
    }
    assert!(seen >= 40, "only {seen} cases");
}

/// A bidder name with `\n`, `\r` and `ESC [31m` passed validation and was printed raw by
/// `evaluate` and `--explain`. Now `check` refuses it, `evaluate` stops, and nothing printed holds
/// a control character but line breaks.
#[test]
fn control_characters_in_a_bidder_name_are_refused_and_never_printed_raw() {
    let case = small_case();
    let bid = case.path().join("bids/a1-nordlys.toml");
    let text = std::fs::read_to_string(&bid).expect("read bid");
    let text = text.replace("Nordlys Software ApS", "Nordlys\\nSoftware\\r\\u001b[31mApS");
    std::fs::write(&bid, text).expect("write bid");
    for args in [&["check", "."][..], &["evaluate", "."], &["evaluate", ".", "--explain"]] {
        let r = run_in(case.path(), args);
        assert_eq!(r.code, Some(1), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("bidder.name: contains the control character U+000A"), "{}", r.stderr);
        for text in [&r.stdout, &r.stderr] {
            assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{args:?}: a raw control character: {text:?}");
        }
    }
    let r = run_in(case.path(), &["check", "."]);
    snapshot!("bidder-name-control-characters", stable(&r.stderr, case.path()));
}
