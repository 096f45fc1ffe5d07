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

#[test]
fn many_bid_files_read_in_parallel_keep_their_order() {
    let dir = many_bids(150, &[]);
    let (code, out, err) = run(&["evaluate".as_ref(), dir.path().as_os_str(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(code, Some(0), "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let ids: Vec<&str> =
        json["lots"][0]["bids"].as_array().expect("bids").iter().filter_map(|b| b["bid"].as_str()).collect();
    assert_eq!(ids.len(), 150);
    // Equal bids: ranked by the tie-break, the order the same on every run.
    let (_, again, _) = run(&["evaluate".as_ref(), dir.path().as_os_str(), "--format".as_ref(), "json".as_ref()]);
    assert_eq!(out, again, "the same output on every run");
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
