//! Reading many bid files (issue 13): they are parsed on all cores, and the result does not
//! depend on it: the bids come out in file order, and the problems of broken files are reported
//! in file order, the same on every run.

use std::path::Path;
use std::process::Command;

fn run(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tender"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "1000")
        .output()
        .expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A copy of the Aarhus fixture with `n` bids: AA-05's file under new ids and bidders, and the
/// files at `broken` (0-based) cut off mid-way.
fn many_bids(n: usize, broken: &[usize]) -> tempfile::TempDir {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/aarhus-office-suite");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("bids")).expect("bids/");
    std::fs::copy(fixture.join("tender.toml"), dir.path().join("tender.toml")).expect("copied");
    let bid = std::fs::read_to_string(fixture.join("bids/aa-05-skandi-dokument.toml")).expect("read");
    for i in 0..n {
        let text = bid
            .replace("id = \"AA-05\"", &format!("id = \"B-{i:04}\""))
            .replace("id = \"SE556123456701\"", &format!("id = \"SE{i:012}\""))
            .replace("name = \"Skandi Dokument AB\"", &format!("name = \"Bidder {i:04}\""));
        let text = if broken.contains(&i) { text[..text.len() / 2].to_owned() } else { text };
        std::fs::write(dir.path().join(format!("bids/b-{i:04}.toml")), text).expect("written");
    }
    dir
}

/// 150 bid files, read on all cores, evaluate exactly as the same 150 bids read in order from one
/// bundle file (no threads), and the same on every run.
#[test]
fn many_bid_files_read_in_parallel_evaluate_as_read_in_order() {
    let dir = many_bids(150, &[]);
    let (code, out, err) = run(&["evaluate".as_ref(), dir.path().as_os_str(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(code, Some(0), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let ids: Vec<&str> =
        json["lots"][0]["bids"].as_array().expect("bids").iter().filter_map(|b| b["bid"].as_str()).collect();
    assert_eq!(ids.len(), 150);
    let (_, again, _) = run(&["evaluate".as_ref(), dir.path().as_os_str(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(out, again, "the same output on every run");
    // The same bids as one bundle, read in one thread in file order.
    let mut names: Vec<_> =
        std::fs::read_dir(dir.path().join("bids")).expect("bids").map(|e| e.expect("an entry").path()).collect();
    names.sort();
    let bids: Vec<serde_json::Value> = names
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("read");
            let bid: tender_core::Bid =
                tender_core::files::parse(&text, tender_core::files::Format::Toml, p).expect("a bid");
            serde_json::to_value(&bid).expect("JSON")
        })
        .collect();
    let bundle = case_with(&[("all.json", serde_json::to_string(&bids).expect("JSON"))]);
    let (code, one_file, err) =
        run(&["evaluate".as_ref(), bundle.path().as_os_str(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(out, one_file, "files read in parallel evaluate as the bundle read in order");
}

#[test]
fn problems_of_broken_files_are_reported_in_file_order() {
    let broken = [3, 70, 71, 140];
    let dir = many_bids(150, &broken);
    let (code, _, err) = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(code, Some(1), "{err}");
    let places: Vec<usize> = broken
        .iter()
        .map(|i| err.find(&format!("b-{i:04}.toml")).unwrap_or_else(|| panic!("b-{i:04}.toml named in {err}")))
        .collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "in file order: {places:?}\n{err}");
    for _ in 0..3 {
        let (_, _, again) = run(&["check".as_ref(), dir.path().as_os_str()]);
        assert_eq!(err, again, "the same report on every run");
    }
}

/// The Aarhus fixture's bids, in file order.
fn aarhus_bids() -> Vec<tender_core::Bid> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/aarhus-office-suite/bids");
    let mut paths: Vec<_> = std::fs::read_dir(&dir).expect("bids").map(|e| e.expect("an entry").path()).collect();
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).expect("read");
            tender_core::files::parse(&text, tender_core::files::Format::Toml, p).expect("a bid")
        })
        .collect()
}

/// The Aarhus fixture's bids as JSON values, in file order.
fn aarhus_bids_json() -> Vec<serde_json::Value> {
    aarhus_bids().iter().map(|b| serde_json::to_value(b).expect("JSON")).collect()
}

/// A case directory with the Aarhus tender and `files` (name, text) in bids/.
fn case_with(files: &[(&str, String)]) -> tempfile::TempDir {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/aarhus-office-suite");
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("bids")).expect("bids/");
    std::fs::copy(fixture.join("tender.toml"), dir.path().join("tender.toml")).expect("copied");
    for (name, text) in files {
        std::fs::write(dir.path().join("bids").join(name), text).expect("written");
    }
    dir
}

/// A bundle file of bids, a JSON array or JSON Lines, evaluates as the same bids in files of their
/// own do.
#[test]
fn a_bundle_of_bids_evaluates_as_the_bid_files() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/aarhus-office-suite");
    let (code, want, err) = run(&["evaluate".as_ref(), fixture.as_os_str(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(code, Some(0), "{err}");
    let bids = aarhus_bids_json();
    let array = serde_json::to_string_pretty(&bids).expect("JSON");
    let lines: String = bids.iter().map(|b| format!("{}\n", serde_json::to_string(b).expect("JSON"))).collect();
    let mut table = toml::Table::new();
    let values: Vec<toml::Value> = aarhus_bids().iter().map(|b| toml::Value::try_from(b).expect("TOML")).collect();
    table.insert("bids".to_owned(), toml::Value::Array(values));
    let tables = toml::to_string(&table).expect("TOML");
    assert!(tables.contains("[[bids]]"), "{tables}");
    for (name, text) in [("received.json", array), ("received.jsonl", lines), ("received.toml", tables)] {
        let dir = case_with(&[(name, text)]);
        let (code, got, err) =
            run(&["evaluate".as_ref(), dir.path().as_os_str(), "--format".as_ref(), "json".as_ref()]);
        assert_eq!(code, Some(0), "{name}: {err}");
        assert_eq!(got, want, "{name}: the same evaluation as the fixture's bid files");
    }
}

/// A bad bid in a bundle is located in the bundle (`[1].price.total` at its line; a broken line
/// of JSON Lines at that line) and spoils only itself: with --skip-unreadable the others are
/// evaluated and the bad one is listed as skipped by its place in the bundle. An import refuses to
/// rewrite a bundle, and an empty bundle is said to hold no bids.
#[test]
fn a_bad_bid_in_a_bundle_is_located_and_skipped_alone() {
    let mut bids = aarhus_bids_json();
    bids[1]["price"]["total"] = serde_json::Value::String("seven million".to_owned());
    let array = serde_json::to_string_pretty(&bids).expect("JSON");
    let line = array.lines().position(|l| l.contains("seven million")).expect("the bad line") + 1;
    let dir = case_with(&[("received.json", array)]);
    let (code, _, err) = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("[1].price.total"), "{err}");
    assert!(err.contains(&format!("received.json:{line}:")), "at line {line}: {err}");
    let (code, out, err) = run(&[
        "evaluate".as_ref(),
        dir.path().as_os_str(),
        "--skip-unreadable".as_ref(),
        "--format".as_ref(),
        "json".as_ref(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(json["lots"][0]["bids"].as_array().expect("bids").len(), 4, "the other four evaluated");
    assert!(out.contains("received.json [1]"), "the skipped bid named by its place: {out}");

    // JSON Lines: line 3 broken off.
    let bids = aarhus_bids_json();
    let mut lines: Vec<String> = bids.iter().map(|b| serde_json::to_string(b).expect("JSON")).collect();
    lines[2].truncate(40);
    let dir = case_with(&[("received.jsonl", lines.join("\n"))]);
    let (code, _, err) = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("received.jsonl:3:"), "{err}");
    let (code, _, err) = run(&["evaluate".as_ref(), dir.path().as_os_str(), "--skip-unreadable".as_ref()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("skipped (--skip-unreadable)"), "{err}");

    // TOML: a bid's bad value is located at its line, its path after `bids[i].`.
    let mut table = toml::Table::new();
    let mut values: Vec<toml::Value> = aarhus_bids().iter().map(|b| toml::Value::try_from(b).expect("TOML")).collect();
    values[3]["price"]["total"] = toml::Value::String("seven million".to_owned());
    table.insert("bids".to_owned(), toml::Value::Array(values));
    let tables = toml::to_string(&table).expect("TOML");
    let line = tables.lines().position(|l| l.contains("seven million")).expect("the bad line") + 1;
    let toml_dir = case_with(&[("received.toml", tables)]);
    let (code, _, err) = run(&["check".as_ref(), toml_dir.path().as_os_str()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("bids[3].price.total"), "{err}");
    assert!(err.contains(&format!("received.toml:{line}:")), "at line {line}: {err}");

    // An import rewrites each bid's own file: a bundle is refused, and nothing is written.
    let sheet = dir.path().join("prices.csv");
    std::fs::write(&sheet, "Bid,Total\nAA-01,1\n").expect("written");
    let (code, _, err) =
        run(&["import".as_ref(), "prices".as_ref(), sheet.as_os_str(), "--tender".as_ref(), dir.path().as_os_str()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("the file holds several bids"), "{err}");

    // An empty bundle.
    let dir = case_with(&[("received.json", "[]".to_owned())]);
    let (_, _, err) = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert!(err.contains("received.json: the file holds no bids"), "{err}");
}

/// A bundle may be larger than the limit of one file (32 MiB) up to 1 GiB, each of its bids held
/// to the limit of one file; a file of one bid over 32 MiB is refused as before.
#[test]
fn a_bundle_may_exceed_the_limit_of_one_file_but_not_a_bid() {
    const MIB: usize = 1024 * 1024;
    let bids = aarhus_bids_json();
    // Each bid padded with 7 MiB of spaces (valid JSON): 35 MiB in all.
    let lines: String = bids
        .iter()
        .map(|b| {
            let text = serde_json::to_string(b).expect("JSON");
            format!("{{{}{}\n", " ".repeat(7 * MIB), &text[1..])
        })
        .collect();
    assert!(lines.len() > 32 * MIB);
    let dir = case_with(&[("received.jsonl", lines)]);
    let (code, _, err) = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(code, Some(0), "{err}");

    // One bid of 33 MiB, alone in its file or in a bundle.
    let big = {
        let text = serde_json::to_string(&bids[0]).expect("JSON");
        format!("{{{}{}", " ".repeat(33 * MIB), &text[1..])
    };
    let dir = case_with(&[("AA-01.json", big.clone())]);
    let (code, _, err) = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("more than the 33554432 bytes accepted"), "{err}");
    let dir = case_with(&[("received.jsonl", format!("{big}\n"))]);
    let (code, _, err) = run(&["check".as_ref(), dir.path().as_os_str()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("more than the 33554432 bytes accepted for one bid"), "{err}");
}
