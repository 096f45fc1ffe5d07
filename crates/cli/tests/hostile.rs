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
        // A bidder's defect is refused by rejecting the bid (exit 0, "will be rejected"); anything
        // else by an error (exit 1).
        let rejected = r.code == Some(0) && r.stderr.contains("will be rejected");
        assert!(r.code == Some(1) || rejected, "{name}: {:?} {}", r.code, r.stderr);
        seen += 1;
    }
    assert!(seen >= 40, "only {seen} cases");
}

/// The formulas only the scoring crate can judge (`tests/malformed/scoring/`): `tender check`
/// refuses each with exit 1, the formula's path in the file, and what would fix it.
#[test]
fn every_scoring_case_is_refused_by_check_with_a_located_message() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/malformed/scoring");
    let mut names: Vec<String> = std::fs::read_dir(&corpus)
        .expect("the scoring corpus exists")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".toml"))
        .collect();
    names.sort();
    assert!(names.len() >= 3, "{names:?}");
    for name in names {
        let r = run_in(&corpus, &["check", &name]);
        assert_eq!(r.code, Some(1), "{name}: {}", r.stderr);
        assert!(r.stderr.contains(".formula: "), "{name}: no formula path: {}", r.stderr);
        assert!(r.stderr.contains(&format!("[{name}:")), "{name}: not located in the file: {}", r.stderr);
        assert!(r.stderr.contains("help:"), "{name}: no fix: {}", r.stderr);
        let stem = name.trim_end_matches(".toml");
        snapshot!(format!("malformed-scoring@{stem}"), r.stderr);
    }
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

/// `/dev/zero` (behind a `.json` name) was read without bound until memory ran out, and a FIFO
/// blocked for ever. Both are refused at once, by what they are.
#[cfg(unix)]
#[test]
fn dev_zero_and_a_fifo_are_refused_as_inputs() {
    let case = small_case();
    std::os::unix::fs::symlink("/dev/zero", case.path().join("zero.json")).expect("symlink");
    let fifo = case.path().join("fifo.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success(), "mkfifo made the FIFO");
    let r = run_in(case.path(), &["check", "tender.toml", "zero.json", "fifo.toml"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    snapshot!("dev-zero-and-fifo-as-inputs", stable(&r.stderr, case.path()));
    // As the tender, too.
    let r = run_in(case.path(), &["evaluate", "fifo.toml", "--bids", "bids"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("not a regular file but a FIFO"), "{}", r.stderr);
}

/// `-o` onto a symbolic link, a FIFO or a device node replaced it with a regular file (as root,
/// a system device). Now a link is written through, a FIFO and a character device are written to
/// as they are, and no temporary file is left.
#[cfg(unix)]
#[test]
fn dash_o_writes_through_a_symlink_and_into_a_fifo_without_replacing_them() {
    use std::os::unix::fs::FileTypeExt as _;
    let case = small_case();
    let dir = case.path();
    // A symbolic link to a file elsewhere: the file gets the output, the link stays a link.
    std::fs::create_dir(dir.join("elsewhere")).expect("dir");
    std::fs::write(dir.join("elsewhere/schema.json"), "old").expect("write");
    std::os::unix::fs::symlink("elsewhere/schema.json", dir.join("link.json")).expect("symlink");
    let r = run_in(dir, &["schema", "bid", "-o", "link.json"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(std::fs::symlink_metadata(dir.join("link.json")).expect("link").file_type().is_symlink());
    assert!(std::fs::read_to_string(dir.join("elsewhere/schema.json")).expect("read").contains("\"$schema\""));
    // A dangling link is refused, and nothing is created.
    std::os::unix::fs::symlink("nowhere/x.json", dir.join("dangling.json")).expect("symlink");
    let r = run_in(dir, &["schema", "bid", "-o", "dangling.json"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("cannot follow the symbolic link"), "{}", r.stderr);
    // A FIFO: a reader gets the output, and the FIFO stays a FIFO.
    let fifo = dir.join("out.fifo");
    assert!(std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo").success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the FIFO"))
    };
    let r = run_in(dir, &["schema", "bid", "-o", "out.fifo"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(reader.join().expect("reader").contains("\"$schema\""));
    assert!(std::fs::symlink_metadata(&fifo).expect("fifo").file_type().is_fifo());
    // A directory is refused.
    let r = run_in(dir, &["schema", "bid", "-o", "elsewhere"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains("is a directory"), "{}", r.stderr);
    let left: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .chain(std::fs::read_dir(dir.join("elsewhere")).expect("list"))
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(left.is_empty(), "temporary files left: {left:?}");
}

/// `-o` onto a character device node stays a device node. As root a node like `/dev/null` is made
/// in the temporary directory (`mknod`); otherwise `/dev/null` itself is the device.
#[cfg(unix)]
#[test]
fn dash_o_onto_a_device_node_writes_to_the_device() {
    use std::os::unix::fs::FileTypeExt as _;
    let case = small_case();
    let node = case.path().join("null");
    let made = std::process::Command::new("mknod")
        .args([node.as_os_str(), "c".as_ref(), "1".as_ref(), "3".as_ref()])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    let device = if made { node } else { Path::new("/dev/null").to_owned() };
    let r = run_in(case.path(), &["schema", "bid", "-o", &device.display().to_string()]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    let kind = std::fs::symlink_metadata(&device).expect("device").file_type();
    assert!(kind.is_char_device(), "{} is still a character device", device.display());
}

/// With the cheapest bid saved as `.b2.toml`, another bid won with exit 0 and no word; dangling
/// links and loops in `bids/` were skipped in silence too. Now a hidden bid is a warning, a broken
/// link an error, and other skipped entries are named.
#[cfg(unix)]
#[test]
fn hidden_and_dangling_bid_files_are_listed_not_skipped_in_silence() {
    let case = small_case();
    let bids = case.path().join("bids");
    std::fs::rename(bids.join("a2-bolge.toml"), bids.join(".a2-bolge.toml")).expect("hide a bid");
    std::fs::write(bids.join(".DS_Store"), "").expect("write");
    std::fs::create_dir(bids.join("old")).expect("subdirectory");
    let r = run_in(case.path(), &["check", "."]);
    assert_eq!(r.code, Some(0), "a hidden bid is a warning: {}", r.stderr);
    assert!(r.stderr.contains("bids/.a2-bolge.toml: skipped: a hidden file"), "{}", r.stderr);
    assert!(r.stderr.contains("skipped hidden files: .DS_Store"), "{}", r.stderr);
    assert!(r.stderr.contains("bids/old: skipped: a directory"), "{}", r.stderr);
    std::os::unix::fs::symlink("../received/b9.toml", bids.join("b9-dangling.toml")).expect("symlink");
    std::os::unix::fs::symlink("b8-loop.toml", bids.join("b8-loop.toml")).expect("symlink");
    let r = run_in(case.path(), &["check", "."]);
    assert_eq!(r.code, Some(1), "a broken link is an error: {}", r.stderr);
    snapshot!("hidden-dangling-and-looping-bid-files", stable(&r.stderr, case.path()));
    let r = run_in(case.path(), &["evaluate", "."]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stdout.is_empty(), "no ranking without every bid: {}", r.stdout);
}

/// A symbolic link in a loop, given as the tender, was reported as "no such file or directory".
#[cfg(unix)]
#[test]
fn a_symlink_loop_is_not_reported_as_a_missing_file() {
    let case = small_case();
    std::os::unix::fs::symlink("loop.toml", case.path().join("loop.toml")).expect("symlink");
    let r = run_in(case.path(), &["check", "loop.toml"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(!r.stderr.contains("no such file"), "{}", r.stderr);
    assert!(r.stderr.contains("cannot follow the symbolic link"), "{}", r.stderr);
}

/// A minified JSON bid of about 110 KB with 2,000 problems: each problem parsed the file again
/// (21 s). Now the file is indexed once, and 100 problems are printed, then how many more there are.
#[test]
fn thousands_of_problems_are_located_from_one_index_and_capped() {
    let case = small_case();
    let score = r#"{"evaluator":"E1","criterion":"Q-FUNC","score":99,"justification":"Fine."}"#;
    let scores = vec![score; 2_000].join(",");
    let bid = format!(
        r#"{{"id":"A-9","tender":"CLI-TEST-1","lot":"SUITE","bidder":{{"id":"DK99999999","name":"Mange ApS","country":"DK"}},"price":{{"total":900000}},"answers":[{{"requirement":"R-EXIT","met":true,"evidence":"Annex E"}}],"scores":[{scores}]}}"#
    );
    assert!(bid.len() > 100_000);
    std::fs::write(case.path().join("bids/z9-many.json"), bid).expect("write bid");
    let r = run_in(case.path(), &["check", "."]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    let shown = r.stderr.matches("  × ").count() + r.stderr.matches("  ⚠ ").count();
    assert_eq!(shown, 100, "{}", r.stderr);
    assert!(r.stderr.contains("more, not shown; set TENDER_MAX_PROBLEMS=0"), "{}", r.stderr);
    let last = r.stderr.lines().last().unwrap_or_default();
    let errors: usize =
        last.trim_start_matches("invalid: ").split(' ').next().and_then(|n| n.parse().ok()).unwrap_or(0);
    assert!(errors >= 2_000, "every problem is counted: {last}");
    let all = tender(case.path()).env("TENDER_MAX_PROBLEMS", "0").args(["check", "."]).output().expect("runs");
    let all = String::from_utf8_lossy(&all.stderr);
    assert!(all.matches("  × ").count() >= 2_000, "all are shown with TENDER_MAX_PROBLEMS=0");
    assert!(!all.contains("not shown"));
}

/// A JSON bid that starts with a UTF-8 byte order mark (as some Windows tools write it) was
/// refused without saying why; TOML files with one were accepted. Now both are.
#[test]
fn a_json_bid_with_a_byte_order_mark_is_accepted() {
    let case = small_case();
    let bid = r#"{"id":"S-9","tender":"CLI-TEST-1","lot":"SUPPORT","bidder":{"id":"DK77777777","name":"Bom ApS","country":"DK"},"price":{"total":900000},"answers":[{"requirement":"R-EXIT","met":true,"evidence":"Annex E"}],"scores":[{"evaluator":"E1","criterion":"Q-SUPPORT","score":7,"justification":"Fine."},{"evaluator":"E2","criterion":"Q-SUPPORT","score":7,"justification":"Fine."}]}"#;
    std::fs::write(case.path().join("bids/s9-bom.json"), format!("\u{feff}{bid}")).expect("write bid");
    let r = run_in(case.path(), &["check", "."]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert!(r.stdout.contains("its 6 bids are valid"), "{}", r.stdout);
}

/// `analyze --samples 4294967295` was accepted and ran for about an hour. Above a million samples
/// the command line is refused (exit 2) with what to do, unless `--allow-many-samples` is given.
#[test]
fn analyze_refuses_an_hour_of_samples_without_the_override() {
    let case = small_case();
    let r = run_in(case.path(), &["analyze", ".", "--samples", "4294967295"]);
    assert_eq!(r.code, Some(2), "{}", r.stderr);
    assert!(r.stderr.contains("--samples is 4294967295, more than 1000000"), "{}", r.stderr);
    assert!(r.stderr.contains("--allow-many-samples"), "{}", r.stderr);
    assert!(r.stdout.is_empty());
    // The override reaches the analysis: with it the same option check passes.
    let options = tender_analysis::Options { samples: u32::MAX, allow_many_samples: true, ..Default::default() };
    assert!(tender_analysis::check_options(&options).is_ok());
}
