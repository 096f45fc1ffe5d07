//! Spreadsheets out (issue 15): `tender evaluate --format csv` gives the engine's published
//! figures, one row per bid and lot, and keeps bidder text from becoming a formula.

use std::path::{Path, PathBuf};
use std::process::Command;

use rust_decimal::Decimal;

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Every fixture case directory.
fn fixtures() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(workspace().join("fixtures"))
        .expect("fixtures/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("tender.toml").is_file() && p.join("bids").is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    dirs
}

/// Runs the binary; returns exit code, stdout bytes and stderr.
fn run(args: &[&std::ffi::OsStr]) -> (Option<i32>, Vec<u8>, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tender"))
        .args(args)
        .env("NO_COLOR", "1")
        .env("COLUMNS", "100")
        .output()
        .expect("the binary runs");
    (out.status.code(), out.stdout, String::from_utf8_lossy(&out.stderr).into_owned())
}

/// The engine's evaluation of a case directory.
fn evaluation(dir: &Path) -> (tender_core::Tender, tender_score::Evaluation) {
    let (tender, bids) = tender_core::files::load_case(dir).expect("the case loads");
    let evaluation = tender_score::evaluate(&tender, &bids).expect("the case evaluates");
    (tender, evaluation)
}

/// A CSV cell as a number, or `None` when empty.
fn number(cell: &str) -> Option<Decimal> {
    (!cell.is_empty()).then(|| Decimal::from_str_exact(cell).expect("a number"))
}

#[test]
fn the_csv_ranking_of_every_fixture_has_the_engines_figures() {
    for dir in fixtures() {
        let (code, out, err) = run(&["evaluate".as_ref(), dir.as_os_str(), "--format".as_ref(), "csv".as_ref()]);
        assert_eq!(code, Some(0), "{}: {err}", dir.display());
        let (tender, evaluation) = evaluation(&dir);
        let mut reader = csv::Reader::from_reader(out.as_slice());
        let header: Vec<String> = reader.headers().expect("a header").iter().map(str::to_owned).collect();
        assert_eq!(header, tender_interop::ranking::COLUMNS);
        let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("CSV records");
        let expected: usize = evaluation.lots.iter().map(|l| l.bids.len()).sum();
        assert_eq!(rows.len(), expected, "{}: one row per bid and lot", dir.display());
        let mut rows = rows.iter();
        for lot in &evaluation.lots {
            for b in &lot.bids {
                let row = rows.next().expect("a row");
                let cell =
                    |name: &str| row.get(header.iter().position(|h| h == name).expect("a column")).expect("a cell");
                assert_eq!(cell("lot"), lot.lot.as_str());
                assert_eq!(cell("bid"), b.bid.as_str());
                assert_eq!(cell("bidder_name"), b.bidder_name);
                assert_eq!(cell("rank"), b.rank.map(|r| r.to_string()).unwrap_or_default());
                assert_eq!(cell("currency"), tender.currency.to_string());
                assert_eq!(number(cell("total")), b.total.map(|t| t.value), "{} total", b.bid);
                assert_eq!(number(cell("quality_points")), b.quality.map(|q| q.value), "{} quality", b.bid);
                assert_eq!(number(cell("price")), b.price.as_ref().map(|p| p.evaluated.value), "{} price", b.bid);
                assert_eq!(
                    number(cell("price_points")),
                    b.price.as_ref().and_then(|p| p.points).map(|p| p.value),
                    "{} price points",
                    b.bid
                );
                let awarded = if b.awarded {
                    "yes"
                } else if b.passed_over {
                    "passed-over"
                } else {
                    "no"
                };
                assert_eq!(cell("awarded"), awarded);
                // Published figures have the lot's decimals, trailing zeros included.
                if let Some(t) = b.total {
                    let places = cell("total").split('.').nth(1).map_or(0, str::len);
                    assert!(places >= lot.decimals as usize, "{}: {} has {places} places", b.bid, cell("total"));
                    assert!(t.value.scale() <= lot.decimals, "{}", b.bid);
                }
            }
        }
    }
}

/// Copies a case directory (tender.toml and bids/) into `to`.
fn copy_case(from: &Path, to: &Path) {
    std::fs::create_dir_all(to.join("bids")).expect("bids/");
    std::fs::copy(from.join("tender.toml"), to.join("tender.toml")).expect("tender copied");
    for entry in std::fs::read_dir(from.join("bids")).expect("bids") {
        let path = entry.expect("an entry").path();
        std::fs::copy(&path, to.join("bids").join(path.file_name().expect("a name"))).expect("bid copied");
    }
}

#[test]
fn a_bidder_name_that_looks_like_a_formula_stays_text_in_the_csv() {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_case(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/small"), dir.path());
    let names = [
        ("a1-nordlys.toml", "Nordlys Software ApS", r#"=HYPERLINK(\"http://evil.example\",\"click\")"#),
        ("a2-bolge.toml", "Bølge IT A/S", "+45 1234 5678"),
        ("s1-hjelp.toml", "Hjælp & Co", "@SUM(1+1)*cmd|' /C calc'!A0"),
        ("s2-servio.toml", "Servio ApS", "-2+3"),
    ];
    for (file, old, new) in names {
        let path = dir.path().join("bids").join(file);
        let text = std::fs::read_to_string(&path).expect("bid");
        assert!(text.contains(old), "{file}");
        std::fs::write(&path, text.replace(old, new)).expect("bid written");
    }
    let (code, out, err) = run(&["evaluate".as_ref(), dir.path().as_os_str(), "--format".as_ref(), "csv".as_ref()]);
    assert_eq!(code, Some(0), "{err}");
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let names: Vec<String> =
        reader.records().map(|r| r.expect("a record").get(4).expect("bidder_name").to_owned()).collect();
    for start in ["=HYPERLINK", "+45", "@SUM", "-2+3"] {
        let shown = names.iter().find(|n| n.contains(start)).expect("the name is in the table");
        assert!(shown.starts_with(&format!("'{start}")), "{shown} would be a formula");
    }
    assert!(names.contains(&"Stormfront Systems Europe Limited Liability Company".to_owned()), "others as they are");
}

#[test]
fn the_workbook_is_written_to_a_file_or_a_pipe_in_the_chosen_language() {
    let fixture = workspace().join("fixtures/copenhagen-lots");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("evaluering.xlsx");
    let (code, out, err) = run(&[
        "evaluate".as_ref(),
        fixture.as_os_str(),
        "--format".as_ref(),
        "xlsx".as_ref(),
        "--lang".as_ref(),
        "da".as_ref(),
        "-o".as_ref(),
        file.as_os_str(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.is_empty(), "nothing on stdout with -o");
    let written = std::fs::read(&file).expect("the workbook");
    assert!(written.starts_with(b"PK"), "an XLSX (zip) file");
    // Standard output that is not a terminal (here a pipe) gets the same bytes.
    let (code, piped, err) = run(&["evaluate".as_ref(), fixture.as_os_str(), "--format".as_ref(), "xlsx".as_ref()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(piped.starts_with(b"PK"));
    let (tender, evaluation) = evaluation(&fixture);
    let expected = tender_interop::evaluation_workbook(&tender, &evaluation, &tender_core::Language::new("da"))
        .expect("a workbook");
    assert_eq!(written, expected, "the CLI writes the library's workbook");
    // --lang means nothing to CSV.
    let (code, _, err) = run(&[
        "evaluate".as_ref(),
        fixture.as_os_str(),
        "--format".as_ref(),
        "csv".as_ref(),
        "--lang".as_ref(),
        "da".as_ref(),
    ]);
    assert_eq!(code, Some(2), "{err}");
}
