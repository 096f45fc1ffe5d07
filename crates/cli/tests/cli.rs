//! End-to-end tests of the `tender` binary: every command, every exit code, and what a person sees
//! for bad files (syntax errors, unknown fields, validation errors, non-UTF-8, missing files).
//!
//! The binary runs in the crate's directory with `NO_COLOR=1` and `COLUMNS=100`, so its output is
//! stable; what it prints is snapshotted with insta (`tests/snapshots/`). The inputs are
//! `tests/data/` (small cases made for these tests) and the workspace's `fixtures/`.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;

/// The workspace root, where the README's commands are run.
fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The binary, run in the crate's directory with plain, fixed-width output.
fn tender() -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_tender"));
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"))
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

fn run(args: &[&str]) -> Run {
    let output = tender().args(args).output().expect("the binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!($name, $value);
        })
    };
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

// --- help and usage ---------------------------------------------------------------------------

#[test]
fn every_command_has_help_with_an_example() {
    for args in [
        vec!["--help"],
        vec!["check", "--help"],
        vec!["evaluate", "--help"],
        vec!["analyze", "--help"],
        vec!["render", "--help"],
        vec!["export", "--help"],
        vec!["schema", "--help"],
    ] {
        tender().args(&args).assert().success().stdout(predicate::str::contains("Examples:"));
    }
    let top = run(&["--help"]);
    snapshot!("help", top.stdout);
    let evaluate = run(&["evaluate", "--help"]);
    snapshot!("help-evaluate", evaluate.stdout);
    let analyze = run(&["analyze", "--help"]);
    snapshot!("help-analyze", analyze.stdout);
}

#[test]
fn version_exits_0() {
    tender().arg("--version").assert().success().stdout(predicate::str::starts_with("tender "));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        vec![],
        vec!["frobnicate"],
        vec!["check"],
        vec!["evaluate"],
        vec!["evaluate", "tests/data/small", "--format", "yaml"],
        vec!["schema", "invoice"],
        vec!["check", "--no-such-flag", "x.toml"],
        vec!["render"],
        vec!["render", "tests/data/small", "--lang", "xx"],
        vec!["evaluate", "tests/data/small", "--lang", "da"],
        vec!["evaluate", "tests/data/small", "--format", "json", "--explain"],
        vec!["export", "tests/data/small"],
        vec!["export", "tests/data/small", "--eforms", "--ocds", "--ocid-prefix", "ocds-a1b2c3-"],
        vec!["export", "tests/data/small", "--ocds"],
        vec!["evaluate", "tests/data/small", "--analysis"],
        vec!["evaluate", "tests/data/small", "--format", "json", "--analysis"],
        vec!["analyze"],
        vec!["analyze", "tests/data/small", "--format", "yaml"],
        vec!["analyze", "tests/data/small", "--lang", "da"],
        vec!["analyze", "tests/data/small", "--samples", "many"],
        vec!["analyze", "tests/data/small", "--samples", "-1"],
        vec!["analyze", "tests/data/small", "--seed", "1.5"],
        vec!["analyze", "tests/data/small", "--concentration", "0"],
        vec!["analyze", "tests/data/small", "--concentration", "-5"],
        vec!["analyze", "tests/data/small", "--concentration", "1e3"],
        vec!["analyze", "tests/data/small", "--uniform", "0"],
        vec!["analyze", "tests/data/small", "--uniform", "100"],
        vec!["analyze", "tests/data/small", "--uniform", "20", "--concentration", "50"],
        // An option out of range is refused before any file is read.
        vec!["analyze", "tests/data/no-such-case", "--concentration", "0"],
    ] {
        let r = run(&args);
        assert_eq!(r.code, Some(2), "{args:?}:\n{}", r.stderr);
        assert!(r.stdout.is_empty(), "{args:?} printed on stdout");
        assert!(r.stderr.starts_with("error:") || r.stderr.starts_with("Write, check"), "{args:?}:\n{}", r.stderr);
        no_panic(&r);
    }
    snapshot!("usage-unknown-format", run(&["evaluate", "tests/data/small", "--format", "yaml"]).stderr);
    snapshot!("usage-unknown-language", run(&["render", "tests/data/small", "--lang", "xx"]).stderr);
    snapshot!("usage-lang-without-markdown", run(&["evaluate", "tests/data/small", "--lang", "da"]).stderr);
    snapshot!("usage-analyze-concentration", run(&["analyze", "tests/data/small", "--concentration", "0"]).stderr);
    snapshot!("usage-analyze-uniform", run(&["analyze", "tests/data/small", "--uniform", "100"]).stderr);
}

// --- check ------------------------------------------------------------------------------------

#[test]
fn check_a_valid_case_exits_0_and_shows_its_warnings() {
    let r = run(&["check", "tests/data/small"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        r.stdout,
        "ok: the tender and its 5 bids are valid (1 warning); 1 bid will be rejected as non-compliant, the others evaluated\n"
    );
    snapshot!("check-small-warning", r.stderr);
}

#[test]
fn check_a_tender_alone_and_with_named_bids() {
    tender()
        .args(["check", "tests/data/small/tender.toml"])
        .assert()
        .success()
        .stdout("ok: the tender is valid (1 warning)\n");
    tender()
        .args([
            "check",
            "tests/data/small/tender.toml",
            "tests/data/small/bids/a1-nordlys.toml",
            "tests/data/small/bids/a2-bolge.toml",
        ])
        .assert()
        .success()
        .stdout("ok: the tender and its 2 bids are valid (1 warning)\n");
    // A bid named twice is two bids with one id.
    tender()
        .args([
            "check",
            "tests/data/small/tender.toml",
            "tests/data/small/bids/a1-nordlys.toml",
            "tests/data/small/bids",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("the bid id `A-1` is also used by bids[0]"));
}

#[test]
fn check_every_bundled_fixture() {
    let root = workspace().join("fixtures");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures/ exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.join("tender.toml").is_file() || p.join("tender.json").is_file())
        .collect();
    cases.sort();
    assert!(!cases.is_empty());
    for case in cases {
        let r = run(&["check", case.to_str().expect("UTF-8 path")]);
        assert_eq!(r.code, Some(0), "{}:\n{}", case.display(), r.stderr);
        no_panic(&r);
    }
}

#[test]
fn a_toml_syntax_error_shows_file_line_column_and_text() {
    let r = run(&["check", "tests/data/bad/syntax.toml"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("[tests/data/bad/syntax.toml:2:"), "{}", r.stderr);
    snapshot!("check-syntax-toml", r.stderr);
}

#[test]
fn a_json_syntax_error_shows_file_line_column_and_text() {
    let r = run(&["check", "tests/data/small/tender.toml", "tests/data/bad/bid-syntax.json"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("[tests/data/bad/bid-syntax.json:5:1]"), "{}", r.stderr);
}

#[test]
fn an_unknown_field_names_the_field_that_was_meant() {
    let r = run(&["check", "tests/data/bad/unknown-field.toml"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("[tests/data/bad/unknown-field.toml:5:1]"), "{}", r.stderr);
    snapshot!("check-unknown-field", r.stderr);
}

#[test]
fn validation_errors_are_all_listed_at_their_lines() {
    let r = run(&["check", "tests/data/bad/invalid.toml"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.ends_with("invalid: 3 errors, 1 warning\n"), "{}", r.stderr);
    snapshot!("check-invalid-toml", r.stderr);
}

#[test]
fn problems_in_several_files_are_listed_together_in_file_order() {
    let r = run(&[
        "check",
        "tests/data/small/tender.toml",
        "tests/data/bad/bid.json",
        "tests/data/bad/bid-syntax.json",
        "tests/data/small/bids/a1-nordlys.toml",
    ]);
    assert_eq!(r.code, Some(1));
    snapshot!("check-several-files", r.stderr);
}

#[test]
fn a_file_that_is_not_utf8_is_refused_with_its_line() {
    let r = run(&["check", "tests/data/bad/latin1.toml"]);
    assert_eq!(r.code, Some(1));
    snapshot!("check-not-utf8", r.stderr);
}

#[test]
fn missing_files_and_unknown_types_exit_1() {
    let r = run(&["check", "tests/data/no-such-tender.toml"]);
    assert_eq!(r.code, Some(1));
    snapshot!("check-missing-file", r.stderr);
    let r = run(&["check", "tests/data/bad/tender.yaml"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("name the file `.toml`"), "{}", r.stderr);
    let r = run(&["check", "tests/data/small/tender.toml", "tests/data/small/bids/none.toml"]);
    assert_eq!(r.code, Some(1));
    let r = run(&["check", "tests/data/bad"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("has no tender.toml or tender.json"), "{}", r.stderr);
}

#[test]
fn garbage_never_panics() {
    let dir = tempfile::tempdir().expect("temp dir");
    let inputs: [(&str, &[u8]); 8] = [
        ("empty.toml", b""),
        ("empty.json", b""),
        ("nul.toml", b"\0\0\0"),
        ("deep.json", &[b'['; 100_000]),
        ("deep.toml", b"a = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["),
        ("number.json", b"1e999999"),
        ("bom.toml", b"\xef\xbb\xbfid = 1"),
        ("binary.json", &[0xff, 0xfe, 0x00, 0x01]),
    ];
    for (name, bytes) in inputs {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("written");
        let p = path.to_str().expect("UTF-8 path");
        for args in [vec!["check", p], vec!["evaluate", p, "--bids", dir.path().to_str().expect("UTF-8")]] {
            let r = run(&args);
            assert_eq!(r.code, Some(1), "{name} {args:?}:\n{}", r.stderr);
            no_panic(&r);
        }
    }
}

// --- evaluate ---------------------------------------------------------------------------------

#[test]
fn evaluate_markdown_writes_the_committees_report_or_the_bidders_decision() {
    let committee = run(&["evaluate", "../../fixtures/odense-collaboration", "--format", "markdown", "--lang", "da"]);
    assert_eq!(committee.code, Some(0), "{}", committee.stderr);
    assert!(committee.stdout.starts_with("# Evalueringsrapport"), "{}", committee.stdout);
    assert!(committee.stdout.contains("Internt arbejdsdokument for bedømmelsesudvalget"));
    let explicit = run(&[
        "evaluate",
        "../../fixtures/odense-collaboration",
        "--format",
        "markdown",
        "--lang",
        "da",
        "--audience",
        "committee",
    ]);
    assert_eq!(explicit.stdout, committee.stdout, "committee is the default");
    let bidders = run(&[
        "evaluate",
        "../../fixtures/odense-collaboration",
        "--format",
        "markdown",
        "--lang",
        "da",
        "--audience",
        "bidders",
    ]);
    assert_eq!(bidders.code, Some(0), "{}", bidders.stderr);
    assert!(bidders.stdout.starts_with("# Tildelingsbeslutning"), "{}", bidders.stdout);
    assert!(!bidders.stdout.contains("Bemærkninger til bedømmelsesudvalget"));
    for args in [
        &["evaluate", "tests/data/small", "--audience", "bidders"][..],
        &["evaluate", "tests/data/small", "--format", "markdown", "--audience", "bidders", "--analysis"][..],
    ] {
        let r = run(args);
        no_panic(&r);
        assert_eq!(r.code, Some(2), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("--audience"), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn explain_shows_no_fractions() {
    for fixture in
        ["aarhus-office-suite", "copenhagen-lots", "eu-sovereign-cloud", "odense-collaboration", "region-syd-warehouse"]
    {
        let r = run(&["evaluate", &format!("../../fixtures/{fixture}"), "--explain"]);
        assert_eq!(r.code, Some(0), "{fixture}: {}", r.stderr);
        let explained = r.stdout.split("How each figure was computed:").skip(1).collect::<Vec<_>>().join("\n");
        assert!(!explained.is_empty(), "{fixture}: no derivations");
        // The derivations: the lines indented under each bid (a lot's header follows at two spaces).
        for line in explained.lines().filter(|l| l.starts_with("      ")) {
            let b = line.as_bytes();
            let fraction = (1..b.len().saturating_sub(1))
                .any(|i| b[i] == b'/' && b[i - 1].is_ascii_digit() && b[i + 1].is_ascii_digit());
            assert!(!fraction, "{fixture}: a fraction in {line:?}");
        }
    }
}

#[test]
fn evaluate_prints_an_aligned_table_per_lot() {
    let r = run(&["evaluate", "tests/data/small"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    snapshot!("evaluate-small-text", r.stdout);
    // Warnings about the input still go to stderr; they do not change the exit code.
    assert!(r.stderr.contains("⚠"), "{}", r.stderr);
}

#[test]
fn evaluate_explain_shows_every_derivation() {
    let r = run(&["evaluate", "tests/data/small", "--explain"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    snapshot!("evaluate-small-explain", r.stdout);
}

#[test]
fn evaluate_json_is_the_evaluation() {
    let r = run(&["evaluate", "tests/data/small/tender.toml", "--bids", "tests/data/small/bids", "--format", "json"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let value: serde_json::Value = serde_json::from_str(&r.stdout).expect("valid JSON");
    assert_eq!(value["tender"], "CLI-TEST-1");
    assert_eq!(value["lots"][0]["awarded"][0], "A-2");
    snapshot!("evaluate-small-json", r.stdout);
}

#[test]
fn evaluate_json_keeps_the_derivations_on_request() {
    let figures = run(&["evaluate", "tests/data/small", "--format", "json"]);
    let full = run(&["evaluate", "tests/data/small", "--format", "json", "--derivations"]);
    assert_eq!(full.code, Some(0), "{}", full.stderr);
    let figures: serde_json::Value = serde_json::from_str(&figures.stdout).expect("valid JSON");
    let mut full: serde_json::Value = serde_json::from_str(&full.stdout).expect("valid JSON");
    // The derivations: each criterion's record and each total's terms.
    let first = &full["lots"][0]["bids"][0];
    assert!(first["criteria"].as_array().is_some_and(|c| !c.is_empty()), "{first}");
    assert!(first["total_derivation"].is_object(), "{first}");
    assert_eq!(figures["lots"][0]["bids"][0]["criteria"], serde_json::json!([]));
    // Without them, every figure, rank and warning is the same.
    for lot in full["lots"].as_array_mut().expect("lots") {
        for bid in lot["bids"].as_array_mut().expect("bids") {
            bid["criteria"] = serde_json::json!([]);
            bid["total_derivation"] = serde_json::Value::Null;
        }
    }
    let mut figures = figures;
    for lot in figures["lots"].as_array_mut().expect("lots") {
        lot.as_object_mut().expect("lot").remove("kernel_scored");
    }
    assert_eq!(figures, full);
}

#[test]
fn evaluate_timings_name_each_phase_on_stderr() {
    let r = run(&["evaluate", "tests/data/small", "--format", "json", "--timings"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let line = r.stderr.lines().find(|l| l.starts_with("timings: ")).expect("a timings line");
    let phases: Vec<&str> =
        line["timings: ".len()..].split(", ").map(|p| p.split(' ').next().unwrap_or_default()).collect();
    assert_eq!(phases, ["load", "validate", "prepare", "evaluate", "write"], "{line}");
    for part in line["timings: ".len()..].split(", ") {
        let seconds = part.split(' ').nth(1).unwrap_or_default();
        assert!(seconds.parse::<f64>().is_ok_and(|s| s >= 0.0), "{line}");
        assert!(part.ends_with(" s"), "{line}");
    }
    // Not asked for, not printed.
    let quiet = run(&["evaluate", "tests/data/small", "--format", "json"]);
    assert!(!quiet.stderr.contains("timings:"), "{}", quiet.stderr);
}

#[test]
fn derivations_belong_to_the_json_result() {
    let r = run(&["evaluate", "tests/data/small", "--derivations"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("--explain"), "{}", r.stderr);
}

#[test]
fn evaluate_output_is_byte_identical_run_to_run() {
    let small = ["evaluate", "tests/data/small", "--format"];
    for extra in [&["text", "--explain"][..], &["json", "--derivations"], &["json"]] {
        let args: Vec<&str> = small.iter().chain(extra).copied().collect();
        let a = run(&args);
        let b = run(&args);
        assert_eq!(a.code, Some(0), "{}", a.stderr);
        assert_eq!(a.stdout, b.stdout);
        assert_eq!(a.stderr, b.stderr);
    }
}

#[test]
fn evaluate_writes_a_file_with_dash_o() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("evaluation.json");
    let out_str = out.to_str().expect("UTF-8 path");
    let r = run(&["evaluate", "tests/data/small", "--format", "json", "-o", out_str]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let written = std::fs::read_to_string(&out).expect("written");
    let stdout = run(&["evaluate", "tests/data/small", "--format", "json"]).stdout;
    assert_eq!(written, stdout);
    let r = run(&["evaluate", "tests/data/small", "-o", dir.path().join("no/such/dir/x.txt").to_str().expect("UTF-8")]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("cannot write the file"), "{}", r.stderr);
}

#[test]
fn evaluate_the_readme_fixture_from_the_workspace_root() {
    let output = tender()
        .current_dir(workspace())
        .args(["evaluate", "fixtures/eu-sovereign-cloud"])
        .output()
        .expect("the binary runs");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("Lot IAAS"), "{stdout}");
    assert!(stdout.contains("Rank  Bid"), "{stdout}");
}

#[test]
fn the_readme_output_is_real() {
    // README.md shows a shortened output of its first command; every line it shows (except the
    // `…` that mark cuts) must be a line of the real output, in the same order.
    let readme = std::fs::read_to_string(workspace().join("README.md")).expect("README.md");
    let command = "cargo run -p tender-cli -- evaluate fixtures/eu-sovereign-cloud";
    assert!(readme.contains(command), "README.md gives `{command}`");
    assert!(readme.contains("cargo test --workspace"), "README.md gives `cargo test --workspace`");
    let block = readme
        .split("```text\n")
        .nth(1)
        .and_then(|b| b.split("```").next())
        .expect("README.md has a ```text block with the output");
    let output = tender()
        .current_dir(workspace())
        .args(["evaluate", "fixtures/eu-sovereign-cloud"])
        .output()
        .expect("the binary runs");
    let real = String::from_utf8(output.stdout).expect("UTF-8");
    let mut lines = real.lines();
    for shown in block.lines().filter(|l| l.trim() != "…") {
        assert!(
            lines.any(|l| l == shown),
            "README.md shows a line that is not in the output (or not in this order):\n{shown}\n\nThe output:\n{real}"
        );
    }
}

#[test]
fn evaluate_stops_on_invalid_input_without_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy("tests/data/small/tender.toml", dir.path().join("tender.toml")).expect("copied");
    std::fs::create_dir(dir.path().join("bids")).expect("bids/");
    std::fs::copy("tests/data/bad/bid.json", dir.path().join("bids/bid.json")).expect("copied");
    let r = run(&["evaluate", dir.path().to_str().expect("UTF-8")]);
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.is_empty());
    assert!(r.stderr.ends_with("not evaluated: 2 errors, 1 warning\n"), "{}", r.stderr);
}

#[test]
fn evaluation_issues_are_shown_like_validation_errors() {
    let r = run(&["evaluate", "tests/data/order"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.is_empty());
    snapshot!("evaluate-issue", r.stderr);
}

#[test]
fn evaluate_a_missing_directory_exits_1_with_a_message() {
    let r = run(&["evaluate", "tests/data/no-such-case"]);
    assert_eq!(r.code, Some(1));
    snapshot!("evaluate-missing-dir", r.stderr);
    let r = run(&["evaluate", "tests/data/small/tender.toml", "--bids", "tests/data/no-such-bids"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("no such directory"), "{}", r.stderr);
    let r = run(&["evaluate", "tests/data/bad/invalid.toml"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("no bids directory"), "{}", r.stderr);
}

// --- markdown: the evaluation report and the requirement specification ---------------------------

/// The small case, read and evaluated in-process, to compare the binary's output with the library's.
fn small_case() -> (tender_core::Tender, Vec<tender_core::Bid>, tender_score::Evaluation) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/small");
    let (tender, _) = tender_core::files::load::<tender_core::Tender>(&dir.join("tender.toml")).expect("tender");
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir.join("bids")).expect("bids/").filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let bids: Vec<tender_core::Bid> = paths.iter().map(|p| tender_core::files::load(p).expect("bid").0).collect();
    let evaluation = tender_score::evaluate(&tender, &bids).expect("evaluates");
    (tender, bids, evaluation)
}

#[test]
fn evaluate_markdown_is_the_text_crates_report() {
    let (tender, bids, evaluation) = small_case();
    for lang in ["da", "en"] {
        let r = run(&["evaluate", "tests/data/small", "--format", "markdown", "--lang", lang]);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let expected =
            tender_text::report(&tender, &bids, &evaluation, &tender_core::Language::new(lang)).expect("the report");
        assert_eq!(r.stdout, expected);
    }
    // Without --lang, the tender's main language (da).
    let r = run(&["evaluate", "tests/data/small", "--format", "markdown"]);
    assert!(r.stdout.starts_with("# Evalueringsrapport"), "{}", r.stdout);
}

#[test]
fn render_writes_the_requirement_specification() {
    let (model, _, _) = small_case();
    for lang in ["da", "en"] {
        let r = run(&["render", "tests/data/small/tender.toml", "--lang", lang]);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let expected = tender_text::specification(&model, &tender_core::Language::new(lang)).expect("the text");
        assert_eq!(r.stdout, expected);
    }
    let r = run(&["render", "tests/data/small"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.starts_with("# Kontorpakke og support"), "{}", r.stdout);
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("spec.md");
    tender()
        .args(["render", "tests/data/small", "--lang", "en", "-o", out.to_str().expect("UTF-8")])
        .assert()
        .success()
        .stdout("");
    let written = std::fs::read_to_string(out).expect("written");
    assert!(written.starts_with("# Office suite and support"), "{written}");
}

#[test]
fn render_in_a_language_without_texts_says_which_there_are() {
    let dir = tempfile::tempdir().expect("temp dir");
    let source = std::fs::read_to_string("tests/data/small/tender.toml").expect("read");
    let german = source.replace(r#"languages = ["da", "en"]"#, r#"languages = ["de"]"#);
    assert_ne!(german, source);
    let path = dir.path().join("tender.toml");
    std::fs::write(&path, german).expect("written");
    let r = run(&["render", path.to_str().expect("UTF-8")]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("there are no tender texts in `de`"), "{}", r.stderr);
    assert!(r.stderr.contains("choose a language with --lang da|en"), "{}", r.stderr);
    // --lang overrides the tender's main language.
    tender().args(["render", path.to_str().expect("UTF-8"), "--lang", "en"]).assert().success();
}

#[test]
fn render_refuses_an_invalid_tender() {
    let r = run(&["render", "tests/data/bad/invalid.toml", "--lang", "en"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.is_empty());
    assert!(r.stderr.ends_with("not written: 3 errors, 1 warning\n"), "{}", r.stderr);
    let r = run(&["render", "tests/data/bad/syntax.toml"]);
    assert_eq!(r.code, Some(1));
    no_panic(&r);
}

// --- schema -----------------------------------------------------------------------------------

#[test]
fn schema_prints_the_json_schema() {
    tender().args(["schema", "tender"]).assert().success().stdout(tender_core::schema::tender_schema());
    tender().args(["schema", "bid"]).assert().success().stdout(tender_core::schema::bid_schema());
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("bid.schema.json");
    tender().args(["schema", "bid", "-o", out.to_str().expect("UTF-8")]).assert().success().stdout("");
    assert_eq!(std::fs::read_to_string(out).expect("written"), tender_core::schema::bid_schema());
}

// --- export -----------------------------------------------------------------------------------

#[test]
fn export_eforms_writes_the_award_criteria_of_every_lot() {
    let r = run(&["export", "../../fixtures/eu-sovereign-cloud", "--eforms"]);
    no_panic(&r);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.starts_with("<?xml"), "{}", r.stdout);
    assert_eq!(r.stdout.matches("<cac:ProcurementProjectLot>").count(), 2);
    assert!(r.stdout.contains(r#"<efbc:ParameterCode listName="number-weight">per-exa</efbc:ParameterCode>"#));
    assert_eq!(r.stdout, tender_interop_eforms("eu-sovereign-cloud"), "the CLI writes what the library gives");
}

fn tender_interop_eforms(case: &str) -> String {
    let path = workspace().join("fixtures").join(case).join("tender.toml");
    let (tender, _) = tender_core::files::load::<tender_core::Tender>(&path).expect("the fixture loads");
    tender_interop::eforms_award_criteria(&tender, &tender_interop::EformsOptions::default())
        .expect("the fixture exports")
        .output
}

#[test]
fn export_eforms_in_the_notice_languages_only() {
    let r = run(&["export", "../../fixtures/copenhagen-lots", "--eforms", "--languages", "ENG"]);
    no_panic(&r);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains(r#"languageID="ENG""#) && !r.stdout.contains(r#"languageID="DAN""#));
    // A criterion without a description is a warning; the export is written.
    assert!(r.stderr.contains("⚠") && r.stderr.contains("has no description"), "{}", r.stderr);
    let r = run(&["export", "../../fixtures/copenhagen-lots", "--eforms", "--languages", "fr"]);
    assert_eq!(r.code, Some(1), "French is not a tender language: {}", r.stderr);
    assert!(r.stdout.is_empty());
    let r = run(&["export", "../../fixtures/copenhagen-lots", "--eforms", "--languages", "klingon"]);
    assert_eq!(r.code, Some(2), "not a language: {}", r.stderr);
}

#[test]
fn export_eforms_notice_writes_a_contract_notice_or_lists_what_is_missing() {
    let args = ["export", "../../fixtures/copenhagen-lots", "--eforms-notice", "--date", "2024-12-01T12:00:00+01:00"];
    let r = run(&args);
    no_panic(&r);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains(r#"<cbc:SubTypeCode listName="notice-subtype">16</cbc:SubTypeCode>"#), "{}", r.stdout);
    assert_eq!(run(&args).stdout, r.stdout, "byte-identical for a given date");
    // The Commission's tender is a dynamic purchasing system by an EU institution, without the
    // notice details: every problem is listed, nothing is written.
    let r = run(&["export", "../../fixtures/eu-sovereign-cloud", "--eforms-notice", "--date", "2024-12-01T12:00:00Z"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stdout.is_empty());
    for field in ["procedure", "notice.documents_url", "buyer.address", "notice.review_body"] {
        assert!(r.stderr.contains(field), "{field} is not listed:\n{}", r.stderr);
    }
    let r = run(&[
        "export",
        "../../fixtures/copenhagen-lots",
        "--ocds",
        "--ocid-prefix",
        "ocds-a1b2c3",
        "--languages",
        "en",
    ]);
    assert_eq!(r.code, Some(2), "--languages is for eForms: {}", r.stderr);
}

#[test]
fn export_ocds_is_byte_identical_for_a_given_date() {
    let args = [
        "export",
        "../../fixtures/copenhagen-lots",
        "--ocds",
        "--ocid-prefix",
        "ocds-a1b2c3-",
        "--date",
        "2026-11-23T12:00:00Z",
    ];
    let first = run(&args);
    no_panic(&first);
    assert_eq!(first.code, Some(0), "{}", first.stderr);
    let json: serde_json::Value = serde_json::from_str(&first.stdout).expect("the output is JSON");
    assert_eq!(json["releases"][0]["ocid"], "ocds-a1b2c3-KK-2026-SAMARBEJDSTJENESTER");
    assert_eq!(json["releases"][0]["date"], "2026-11-23T12:00:00Z");
    assert_eq!(run(&args).stdout, first.stdout);
}

#[test]
fn export_problems_are_shown_like_validation_errors() {
    // An ocid prefix of blanks is refused with what to give instead.
    let r = run(&[
        "export",
        "../../fixtures/eu-sovereign-cloud",
        "--ocds",
        "--ocid-prefix",
        " ",
        "--date",
        "2026-11-23T12:00:00Z",
    ]);
    no_panic(&r);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("ocid_prefix"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
}

// --- analyze ----------------------------------------------------------------------------------

/// The options the analyze tests run with: few samples, a fixed seed.
const ANALYZE: [&str; 4] = ["--samples", "2000", "--seed", "7"];

fn analyze(args: &[&str]) -> Run {
    let mut all = vec!["analyze"];
    all.extend_from_slice(args);
    all.extend_from_slice(&ANALYZE);
    run(&all)
}

/// The small case analysed in-process with the options of [`ANALYZE`].
fn small_analysis() -> tender_analysis::Analysis {
    let (tender, bids, _) = small_case();
    let options = tender_analysis::Options { samples: 2000, seed: 7, ..tender_analysis::Options::default() };
    tender_analysis::analyze(&tender, &bids, &options).expect("the small case analyses")
}

#[test]
fn analyze_prints_every_analysis_per_lot() {
    let r = analyze(&["tests/data/small"]);
    no_panic(&r);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, tender_analysis::render::render_text(&small_analysis()), "the CLI prints the library's text");
    for section in
        ["Weight sensitivity", "Break-even prices", "Rank stability", "Price models and rounding", "Rank reversal"]
    {
        assert!(r.stdout.contains(section), "{section} is missing:\n{}", r.stdout);
    }
    // Warnings about the input go to stderr and do not change the exit code.
    assert!(r.stderr.contains("⚠"), "{}", r.stderr);
    snapshot!("analyze-small-text", r.stdout);
}

#[test]
fn analyze_json_is_the_analysis() {
    let r = analyze(&["tests/data/small/tender.toml", "--bids", "tests/data/small/bids", "--format", "json"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let value: serde_json::Value = serde_json::from_str(&r.stdout).expect("valid JSON");
    assert_eq!(value["tender"], "CLI-TEST-1");
    assert_eq!(value["options"]["samples"], 2000);
    assert_eq!(value["options"]["seed"], 7);
    assert_eq!(value["lots"][0]["stability"]["status"], "done");
    assert_eq!(value["lots"][0]["price_models"]["variants"][7]["outcome"]["reason"]["kind"], "no-estimate-for-span");
    let expected = serde_json::to_string_pretty(&small_analysis()).expect("JSON") + "\n";
    assert_eq!(r.stdout, expected, "the CLI writes the library's analysis");
}

#[test]
fn analyze_markdown_is_the_text_crates_appendix() {
    let (tender, _, _) = small_case();
    let analysis = small_analysis();
    for lang in ["da", "en"] {
        let r = analyze(&["tests/data/small", "--format", "markdown", "--lang", lang]);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let expected = tender_text::analysis_appendix(&tender, &analysis, &tender_core::Language::new(lang))
            .expect("the appendix");
        assert_eq!(r.stdout, expected);
    }
    // Without --lang, the tender's main language (da).
    let r = analyze(&["tests/data/small", "--format", "markdown"]);
    assert!(r.stdout.starts_with("# Robusthedsanalyse"), "{}", r.stdout);
    snapshot!("analyze-small-markdown-da", r.stdout);
}

#[test]
fn analyze_options_reach_the_analysis() {
    let r = run(&[
        "analyze",
        "tests/data/small",
        "--format",
        "json",
        "--samples",
        "0",
        "--uniform",
        "20",
        "--no-price-models",
    ]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let value: serde_json::Value = serde_json::from_str(&r.stdout).expect("valid JSON");
    assert_eq!(value["options"]["perturbation"]["kind"], "uniform");
    assert_eq!(value["options"]["perturbation"]["percent"], "20");
    assert_eq!(value["options"]["compare_price_models"], false);
    assert_eq!(value["lots"][0]["stability"]["reason"]["kind"], "no-samples");
    assert_eq!(value["lots"][0]["price_models"]["reason"]["kind"], "not-asked-for");
    let r = run(&["analyze", "tests/data/small", "--format", "json", "--samples", "10", "--concentration", "12.5"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let value: serde_json::Value = serde_json::from_str(&r.stdout).expect("valid JSON");
    assert_eq!(value["options"]["perturbation"], serde_json::json!({ "kind": "dirichlet", "concentration": "12.5" }));
    assert_eq!(value["options"]["samples"], 10);
    assert_eq!(value["options"]["seed"], 1, "the default seed");
}

#[test]
fn analyze_output_is_byte_identical_run_to_run() {
    for format in ["text", "json", "markdown"] {
        let a = analyze(&["tests/data/small", "--format", format]);
        let b = analyze(&["tests/data/small", "--format", format]);
        assert_eq!(a.code, Some(0), "{}", a.stderr);
        assert_eq!(a.stdout, b.stdout, "{format}");
        assert_eq!(a.stderr, b.stderr, "{format}");
    }
    // Another seed draws other weights.
    let seven = analyze(&["tests/data/small", "--format", "json"]).stdout;
    let eight = run(&["analyze", "tests/data/small", "--format", "json", "--samples", "2000", "--seed", "8"]).stdout;
    assert_ne!(seven, eight);
}

#[test]
fn analyze_writes_a_file_with_dash_o() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("robustness.md");
    let r = analyze(&["tests/data/small", "--format", "markdown", "-o", out.to_str().expect("UTF-8 path")]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.is_empty());
    let written = std::fs::read_to_string(&out).expect("written");
    assert_eq!(written, analyze(&["tests/data/small", "--format", "markdown"]).stdout);
}

#[test]
fn analyze_stops_on_invalid_input_like_evaluate() {
    // An evaluation issue is shown at its lot, as `evaluate` shows it.
    let r = run(&["analyze", "tests/data/order"]);
    no_panic(&r);
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.is_empty());
    assert!(r.stderr.ends_with("not analysed: 1 error, 2 warnings\n"), "{}", r.stderr);
    let evaluate = run(&["evaluate", "tests/data/order"]);
    assert_eq!(
        r.stderr.replace("not analysed", "not evaluated"),
        evaluate.stderr,
        "the same diagnostics as `evaluate`"
    );
    // Invalid files, missing directories.
    let r = run(&["analyze", "tests/data/bad/invalid.toml"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("no bids directory"), "{}", r.stderr);
    let r = run(&["analyze", "tests/data/small/tender.toml", "--bids", "tests/data/no-such-bids"]);
    assert_eq!(r.code, Some(1));
    assert!(r.stderr.contains("no such directory"), "{}", r.stderr);
    let r = run(&["analyze", "tests/data/no-such-case"]);
    assert_eq!(r.code, Some(1));
    no_panic(&r);
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::copy("tests/data/small/tender.toml", dir.path().join("tender.toml")).expect("copied");
    std::fs::create_dir(dir.path().join("bids")).expect("bids/");
    std::fs::copy("tests/data/bad/bid.json", dir.path().join("bids/bid.json")).expect("copied");
    let r = run(&["analyze", dir.path().to_str().expect("UTF-8")]);
    assert_eq!(r.code, Some(1));
    assert!(r.stdout.is_empty());
    assert!(r.stderr.ends_with("not analysed: 2 errors, 1 warning\n"), "{}", r.stderr);
}

#[test]
fn evaluate_markdown_with_the_analysis_appends_it() {
    let (tender, bids, evaluation) = small_case();
    let analysis = tender_analysis::analyze(&tender, &bids, &tender_analysis::Options::default()).expect("analyses");
    for lang in ["da", "en"] {
        let r = run(&["evaluate", "tests/data/small", "--format", "markdown", "--analysis", "--lang", lang]);
        assert_eq!(r.code, Some(0), "{}", r.stderr);
        let language = tender_core::Language::new(lang);
        let expected =
            tender_text::report_with_analysis(&tender, &bids, &evaluation, &analysis, &language).expect("the report");
        assert_eq!(r.stdout, expected);
        let report = tender_text::report(&tender, &bids, &evaluation, &language).expect("the report");
        assert!(r.stdout.starts_with(&report), "the report comes first, unchanged");
    }
    let r = run(&["evaluate", "tests/data/small", "--format", "markdown", "--analysis"]);
    assert!(r.stdout.contains("\n## 4. Bilag: robusthedsanalyse\n"), "{}", r.stdout);
    // Without --analysis the report has no appendix: it goes to the bidders.
    let r = run(&["evaluate", "tests/data/small", "--format", "markdown"]);
    assert!(!r.stdout.contains("robusthedsanalyse"), "{}", r.stdout);
}

/// `tender models` lists every price model a tender file accepts, with its formula, and the JSON
/// carries each model's key: a tender written with any listed key parses.
#[test]
fn models_lists_every_price_model_with_its_formula() {
    let out = tender().args(["models", "--format", "json"]).output().expect("runs");
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let models = json["price_models"].as_array().expect("a list");
    assert_eq!(models.len(), 10);
    for m in models {
        let key = m["key"].as_str().expect("a key");
        assert!(!m["formula"].as_str().expect("a formula").is_empty(), "{key}");
        // The key is what a tender file writes: serde accepts it as a price model kind (with the
        // parameters the listing names, given plausible values).
        let mut fields = vec![format!("kind = \"{key}\"")];
        for p in m["parameters"].as_array().expect("parameters") {
            let value = match p.as_str().expect("a name") {
                "floor_at_zero" => "true",
                "decision" => "\"higher-quality\"",
                "mode" => "\"deduction\"",
                "high" => "100",
                "formula" => "\"max * lowest / price\"",
                "constants" => "{ slope = 0.5 }",
                _ => "10",
            };
            fields.push(format!("{} = {value}", p.as_str().expect("a name")));
        }
        let toml = format!("price_model = {{ {} }}", fields.join(", "));
        #[derive(serde::Deserialize)]
        #[allow(dead_code)]
        struct Holder {
            price_model: tender_core::PriceModel,
        }
        toml::from_str::<Holder>(&toml).unwrap_or_else(|e| panic!("{toml}: {e}"));
    }
    let text = tender().arg("models").output().expect("runs");
    insta::assert_snapshot!("models", String::from_utf8(text.stdout).expect("UTF-8"));
}

/// `tender check` computes a price formula over a grid of prices before any bid arrives (issue
/// 18): one that gives points outside 0..max, or divides by zero, is an error located at the
/// price model's `formula`, with what would fix it; a sound one passes, and `evaluate --explain`
/// shows it with each bid's numbers in place of its names.
#[test]
fn check_refuses_a_price_formula_that_leaves_its_range_and_explain_shows_a_sound_one() {
    let dir = tempfile::tempdir().expect("temp dir");
    let small = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/small/tender.toml"))
        .expect("the small tender");
    let with = |formula: &str| {
        let path = dir.path().join("tender.toml");
        let text = small.replacen(
            r#"price_model = { kind = "proportional" }"#,
            &format!(r#"price_model = {{ kind = "formula", formula = "{formula}" }}"#),
            1,
        );
        assert_ne!(text, small);
        std::fs::write(&path, text).expect("written");
        run(&["check", path.to_str().expect("UTF-8")])
    };
    let r = with("max * (1 - (price - lowest) / lowest)");
    no_panic(&r);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("lots[0].award.price_model.formula"), "{}", r.stderr);
    assert!(r.stderr.contains("outside 0 to"), "{}", r.stderr);
    assert!(r.stderr.contains("clamp(…, 0, max)"), "{}", r.stderr);
    let r = with("max * (highest - price) / (highest - lowest)");
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("divides by zero"), "{}", r.stderr);
    let r = with("max * clamp(1 - (price - lowest) / lowest, 0, 1)");
    assert_eq!(r.code, Some(0), "{}", r.stderr);

    // The sound formula evaluates the small case's bids, the derivation with the numbers in it.
    let bids = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/small/bids");
    for entry in std::fs::read_dir(&bids).expect("bids") {
        let entry = entry.expect("entry");
        std::fs::create_dir_all(dir.path().join("bids")).expect("bids dir");
        std::fs::copy(entry.path(), dir.path().join("bids").join(entry.file_name())).expect("copied");
    }
    let r = run(&["evaluate", dir.path().to_str().expect("UTF-8"), "--explain"]);
    no_panic(&r);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(
        r.stdout.contains("price points  40 × clamp(1 − (1 250 000 − 1 000 000) ÷ 1 000 000, 0, 1) = 30.00"),
        "{}",
        r.stdout
    );
}
