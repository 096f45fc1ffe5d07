//! `tender import prices` (issue 15): the sheets a tender gets (`fixtures/aarhus-office-suite/sheets/`:
//! a price sheet per bid as XLSX, and one CSV of every bid in Danish number format) turn into bid
//! files identical to the fixture's own; a bad sheet gives located errors and writes nothing;
//! `--dry-run` writes nothing.
//!
//! The sheets are made from the fixture's bids by [`sheets`]; `TENDER_WRITE_SHEETS=1 cargo test -p
//! tender-cli --test import` writes them, and the test fails when the committed ones differ.

use std::path::{Path, PathBuf};
use std::process::Command;

use rust_decimal::Decimal;
use tender_interop::import::TemplateCell;

macro_rules! snapshot {
    ($name:expr, $value:expr) => {
        insta::with_settings!({ prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!($name, $value);
        })
    };
}

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/aarhus-office-suite")
}

fn run(args: &[&std::ffi::OsStr]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_tender"))
        .args(args)
        .env("NO_COLOR", "1")
        // Wide, so no message wraps at a place that depends on the temporary directory's name.
        .env("COLUMNS", "1000")
        .output()
        .expect("the binary runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// An amount as a Danish spreadsheet types it: `1.350.000,25`.
fn danish(amount: Decimal) -> String {
    let text = amount.to_string();
    let (int, frac) = text.split_once('.').map_or((text.as_str(), None), |(i, f)| (i, Some(f)));
    let digits: Vec<char> = int.chars().collect();
    let mut grouped = String::new();
    for (i, c) in digits.iter().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(*c);
    }
    match frac {
        Some(f) => format!("{grouped},{f}"),
        None => grouped,
    }
}

/// The fixture's sheets: (file name, bytes). A workbook per bid with the template's columns, and
/// one CSV of every bid with Danish headers and numbers.
fn sheets() -> Vec<(String, Vec<u8>)> {
    let (tender, bids) = tender_core::files::load_case(&fixture()).expect("the fixture loads");
    let mut out = Vec::new();
    for bid in &bids {
        let rows = tender_interop::import::write_template_rows(&tender, std::slice::from_ref(bid));
        let mut book = rust_xlsxwriter::Workbook::new();
        let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 5, 15).expect("a date");
        book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&date));
        let sheet = book.add_worksheet();
        sheet.set_name("Prices").expect("a name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (u32::try_from(r).expect("row"), u16::try_from(c).expect("column"));
                match cell {
                    Some(TemplateCell::Text(t)) => {
                        sheet.write_string(r, c, t).expect("written");
                    }
                    Some(TemplateCell::Amount(a)) => {
                        let f: f64 = a.to_string().parse().expect("a number");
                        sheet.write_number(r, c, f).expect("written");
                    }
                    None => {}
                }
            }
        }
        out.push((format!("{}.xlsx", bid.id), book.save_to_buffer().expect("a workbook")));
    }
    let rows = tender_interop::import::write_template_rows(&tender, &bids);
    let mut csv = String::from("Bud;Samlet pris;Engangsomkostninger;Løbende pr. år;Option: flere brugere\n");
    for row in rows.iter().skip(1) {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Some(TemplateCell::Text(t)) => t.clone(),
                Some(TemplateCell::Amount(a)) => danish(*a),
                None => String::new(),
            })
            .collect();
        csv.push_str(&cells.join(";"));
        csv.push('\n');
    }
    out.push(("priser.csv".to_owned(), csv.into_bytes()));
    out.push(("marks.xlsx".to_owned(), marks_workbook(&tender, &bids)));
    out
}

/// The committee's marks as a workbook with a sheet per evaluator (and one of consensus marks):
/// a Bid column, then per criterion its mark and its justification.
fn marks_workbook(tender: &tender_core::Tender, bids: &[tender_core::Bid]) -> Vec<u8> {
    let lot = &tender.lots[0];
    let leaves: Vec<String> = lot
        .award
        .quality_criteria()
        .filter(|c| c.sovereignty.is_none())
        .flat_map(|c| {
            if c.sub_criteria.is_empty() {
                vec![c.id.to_string()]
            } else {
                c.sub_criteria.iter().map(|s| s.id.to_string()).collect()
            }
        })
        .collect();
    let mut book = rust_xlsxwriter::Workbook::new();
    let date = rust_xlsxwriter::ExcelDateTime::from_ymd(2026, 5, 20).expect("a date");
    book.set_properties(&rust_xlsxwriter::DocProperties::new().set_creation_datetime(&date));
    let mut evaluators: Vec<String> = Vec::new();
    for b in bids {
        for s in &b.scores {
            if !evaluators.contains(&s.evaluator.to_string()) {
                evaluators.push(s.evaluator.to_string());
            }
        }
    }
    evaluators.push("consensus".to_owned());
    for evaluator in &evaluators {
        let sheet = book.add_worksheet();
        sheet.set_name(evaluator).expect("a name");
        sheet.write_string(0, 0, "Bid").expect("written");
        for (i, leaf) in leaves.iter().enumerate() {
            let col = u16::try_from(1 + 2 * i).expect("column");
            sheet.write_string(0, col, leaf).expect("written");
            sheet.write_string(0, col + 1, format!("{leaf} justification")).expect("written");
        }
        for (r, b) in bids.iter().enumerate() {
            let row = u32::try_from(r + 1).expect("row");
            sheet.write_string(row, 0, b.id.as_str()).expect("written");
            for (i, leaf) in leaves.iter().enumerate() {
                let col = u16::try_from(1 + 2 * i).expect("column");
                let mark = if evaluator == "consensus" {
                    b.consensus
                        .iter()
                        .find(|c| c.criterion.as_str() == leaf)
                        .map(|c| (c.score.get(), c.justification.clone()))
                } else {
                    b.scores
                        .iter()
                        .find(|s| s.criterion.as_str() == leaf && s.evaluator.as_str() == evaluator)
                        .map(|s| (s.score.get(), s.justification.clone()))
                };
                if let Some((score, justification)) = mark {
                    let f: f64 = score.to_string().parse().expect("a number");
                    sheet.write_number(row, col, f).expect("written");
                    sheet.write_string(row, col + 1, justification).expect("written");
                }
            }
        }
    }
    book.save_to_buffer().expect("a workbook")
}

#[test]
fn the_committees_marks_workbook_imports_into_the_fixtures_own_bid_files() {
    let copy = altered_copy();
    // Other marks first: a long table giving each bid one mark, which replaces all of its marks.
    let other = copy.path().join("other-marks.csv");
    std::fs::write(
        &other,
        "Evaluator;Bid;Criterion;Mark;Justification\nE9;AA-01;Q-MIGR;2,5;Other.\nE9;AA-02;Q-MIGR;3;Other.\nE9;AA-03;Q-MIGR;3;Other.\nE9;AA-04;Q-MIGR;3;Other.\nE9;AA-05;Q-MIGR;3;Other.\n",
    )
    .expect("written");
    let (code, out, err) = run(&[
        "import".as_ref(),
        "marks".as_ref(),
        other.as_os_str(),
        "--tender".as_ref(),
        copy.path().as_os_str(),
        "--delimiter".as_ref(),
        ";".as_ref(),
        "--decimal-comma".as_ref(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("5 bid files written"), "{out}");
    let altered = std::fs::read_to_string(copy.path().join("bids/aa-01-kontorvaerket.toml")).expect("read");
    assert!(altered.contains("evaluator = \"E9\"") && altered.contains("score = 2.5"), "{altered}");
    // The committee's workbook: every bid file as the fixture has it.
    let sheet = fixture().join("sheets/marks.xlsx");
    let (code, out, err) =
        run(&["import".as_ref(), "marks".as_ref(), sheet.as_os_str(), "--tender".as_ref(), copy.path().as_os_str()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("5 bid files written"), "{out}");
    let differ: Vec<String> = same_as_fixture(copy.path())
        .into_iter()
        .filter(|name| {
            // The prices of the altered copy differ still; compare the rest of the file.
            let mine = std::fs::read_to_string(copy.path().join("bids").join(name)).expect("read");
            let theirs = std::fs::read_to_string(fixture().join("bids").join(name)).expect("read");
            without_price(&mine) != without_price(&theirs)
        })
        .collect();
    assert_eq!(differ, Vec::<String>::new());
}

/// A bid file's text without its `[price]` table (up to the next table).
fn without_price(text: &str) -> String {
    let mut out = String::new();
    let mut skipping = false;
    for line in text.lines() {
        if line.starts_with('[') {
            skipping = line.trim_start_matches('[').starts_with("price");
        }
        if !skipping {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn bad_marks_are_located_and_nothing_is_written() {
    let copy = altered_copy();
    let before = files(copy.path());
    let bad = copy.path().join("bad-marks.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("E1").expect("a name");
    for (c, h) in ["Bid", "Q-MIGR", "Q-NOPE"].iter().enumerate() {
        sheet.write_string(0, u16::try_from(c).expect("column"), *h).expect("written");
    }
    sheet.write_string(1, 0, "AA-01").expect("written");
    sheet.write_string(1, 1, "four").expect("written");
    sheet.write_number(1, 2, 3.0).expect("written");
    sheet.write_string(2, 0, "AA-02").expect("written");
    sheet.write_string(2, 1, "").expect("written");
    // Not a form left empty (a row with only its bid is skipped): one mark given, one missing.
    sheet.write_number(2, 2, 2.0).expect("written");
    sheet.write_string(3, 0, "AA-77").expect("written");
    sheet.write_string(4, 0, "AA-03").expect("written");
    sheet.write_formula(4, 1, rust_xlsxwriter::Formula::new("=A1*0")).expect("written");
    std::fs::write(&bad, without_stored_values(&book.save_to_buffer().expect("a workbook"))).expect("saved");
    let (code, _, err) =
        run(&["import".as_ref(), "marks".as_ref(), bad.as_os_str(), "--tender".as_ref(), copy.path().as_os_str()]);
    assert_eq!(code, Some(1), "{err}");
    let file = bad.display().to_string();
    snapshot!("import-marks-bad-sheet", err.replace(&copy.path().display().to_string(), "<dir>"));
    for expected in [
        format!("{file}:E1!B2 (Q-MIGR): the text \"four\" is not a mark"),
        format!("{file}:E1!C2 (Q-NOPE): lot `L1` scores no criterion `Q-NOPE` by marks"),
        format!("{file}:E1!B3 (Q-MIGR): no mark"),
        format!("{file}:E1!B5 (Q-MIGR): the cell holds a formula"),
        format!("{file}:E1!A4 (Bid): there is no bid `AA-77` among the tender's bids"),
    ] {
        assert!(err.contains(&expected), "{expected}\nin\n{err}");
    }
    assert_eq!(files(copy.path()), before, "nothing written");
}

#[test]
fn the_committed_sheets_are_made_from_the_fixtures_bids() {
    let dir = fixture().join("sheets");
    let write = std::env::var_os("TENDER_WRITE_SHEETS").is_some();
    for (name, bytes) in sheets() {
        let path = dir.join(&name);
        if write {
            std::fs::create_dir_all(&dir).expect("sheets/");
            std::fs::write(&path, &bytes).expect("written");
        }
        let committed = std::fs::read(&path).unwrap_or_default();
        assert!(committed == bytes, "{name} differs; run TENDER_WRITE_SHEETS=1 cargo test -p tender-cli --test import");
    }
}

/// Copies the fixture into a temporary directory, with every bid's prices replaced by a sheet of
/// other amounts (imported by the command itself, so the files change as an import changes them).
/// A copy of a fixture directory (its tender and bid files) in a temporary directory.
fn copy_of(fixture: &Path) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir_all(dir.path().join("bids")).expect("bids/");
    std::fs::copy(fixture.join("tender.toml"), dir.path().join("tender.toml")).expect("tender copied");
    for entry in std::fs::read_dir(fixture.join("bids")).expect("bids") {
        let path = entry.expect("an entry").path();
        std::fs::copy(&path, dir.path().join("bids").join(path.file_name().expect("a name"))).expect("copied");
    }
    dir
}

fn altered_copy() -> tempfile::TempDir {
    let dir = copy_of(&fixture());
    let other = dir.path().join("other.csv");
    std::fs::write(&other, "Bid;Total;One-off;Recurring per year;OPT-USERS\nAA-01;1;1;1;1\nAA-02;2;1;1;1\nAA-03;3;1;1;1\nAA-04;4;1;1;1\nAA-05;5;1;1;1\n")
        .expect("written");
    let (code, _, err) = run(&[
        "import".as_ref(),
        "prices".as_ref(),
        other.as_os_str(),
        "--tender".as_ref(),
        dir.path().as_os_str(),
        "--delimiter".as_ref(),
        ";".as_ref(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    dir
}

/// Whether every bid file of `dir` is byte for byte the fixture's own.
fn same_as_fixture(dir: &Path) -> Vec<String> {
    let mut differ = Vec::new();
    for entry in std::fs::read_dir(fixture().join("bids")).expect("bids") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().expect("a name");
        if std::fs::read(&path).ok() != std::fs::read(dir.join("bids").join(name)).ok() {
            differ.push(name.to_string_lossy().into_owned());
        }
    }
    differ
}

#[test]
fn the_fixtures_sheets_import_into_the_fixtures_own_bid_files() {
    // One workbook per bid.
    let copy = altered_copy();
    assert_eq!(same_as_fixture(copy.path()).len(), 5, "the altered copy differs in every bid");
    for (name, _) in sheets().iter().filter(|(n, _)| n.starts_with("AA-")) {
        let sheet = fixture().join("sheets").join(name);
        let (code, out, err) = run(&[
            "import".as_ref(),
            "prices".as_ref(),
            sheet.as_os_str(),
            "--tender".as_ref(),
            copy.path().as_os_str(),
        ]);
        assert_eq!(code, Some(0), "{name}: {err}");
        assert!(out.contains("1 bid file written"), "{name}: {out}");
    }
    assert_eq!(same_as_fixture(copy.path()), Vec::<String>::new(), "after the XLSX sheets");
    // One CSV of every bid, Danish headers and number format.
    let copy = altered_copy();
    let csv = fixture().join("sheets/priser.csv");
    let mut args: Vec<&std::ffi::OsStr> =
        vec!["import".as_ref(), "prices".as_ref(), csv.as_os_str(), "--tender".as_ref(), copy.path().as_os_str()];
    for a in [
        "--decimal-comma",
        "--delimiter",
        ";",
        "--map",
        "Bud=bid",
        "--map",
        "Samlet pris=total",
        "--map",
        "Engangsomkostninger=one_off",
        "--map",
        "Løbende pr. år=recurring_per_year",
        "--map",
        "Option: flere brugere=OPT-USERS",
    ] {
        args.push(a.as_ref());
    }
    let (code, out, err) = run(&args);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("5 bid files written"), "{out}");
    assert_eq!(same_as_fixture(copy.path()), Vec::<String>::new(), "after the Danish CSV");
}

/// The bid files of `dir`, as bytes.
fn files(dir: &Path) -> Vec<Vec<u8>> {
    let mut paths: Vec<PathBuf> =
        std::fs::read_dir(dir.join("bids")).expect("bids").map(|e| e.expect("an entry").path()).collect();
    paths.sort();
    paths.iter().map(|p| std::fs::read(p).expect("read")).collect()
}

#[test]
fn a_bad_sheet_is_located_cell_by_cell_and_nothing_is_written() {
    let copy = altered_copy();
    let before = files(copy.path());
    let bad = copy.path().join("bad.csv");
    std::fs::write(
        &bad,
        "Bid;Total;One-off;Recurring per year;OPT-USERS\nAA-01;7.300.000,5x;1;1;1\nAA-02;8400000;abc;1;1\nAA-03;6600000;1;1;1\n",
    )
    .expect("written");
    let (code, _, err) = run(&[
        "import".as_ref(),
        "prices".as_ref(),
        bad.as_os_str(),
        "--tender".as_ref(),
        copy.path().as_os_str(),
        "--delimiter".as_ref(),
        ";".as_ref(),
        "--decimal-comma".as_ref(),
    ]);
    assert_eq!(code, Some(1), "{err}");
    let file = bad.display().to_string();
    assert!(err.contains(&format!("{file}:bad.csv!B2 (Total)")), "{err}");
    assert!(err.contains(&format!("{file}:bad.csv!C3 (One-off)")), "{err}");
    assert!(err.contains("not imported: 2 errors"), "{err}");
    snapshot!("import-prices-bad-sheet", err.replace(&copy.path().display().to_string(), "<dir>"));
    assert_eq!(files(copy.path()), before, "nothing written");
    // A row for no bid of the tender.
    std::fs::write(&bad, "Bid;Total\nAA-01;1\nAA-99;2\n").expect("written");
    let (code, _, err) = run(&[
        "import".as_ref(),
        "prices".as_ref(),
        bad.as_os_str(),
        "--tender".as_ref(),
        copy.path().as_os_str(),
        "--delimiter".as_ref(),
        ";".as_ref(),
    ]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains("there is no bid `AA-99` among the bids"), "{err}");
    assert_eq!(files(copy.path()), before, "nothing written");
    // A formula whose value the workbook does not store.
    let formula = copy.path().join("formula.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Bid").expect("written");
    sheet.write_string(0, 1, "Total").expect("written");
    sheet.write_string(1, 0, "AA-01").expect("written");
    sheet.write_formula(1, 1, rust_xlsxwriter::Formula::new("=7300000*0")).expect("written");
    std::fs::write(&formula, without_stored_values(&book.save_to_buffer().expect("a workbook"))).expect("saved");
    let (code, _, err) =
        run(&["import".as_ref(), "prices".as_ref(), formula.as_os_str(), "--tender".as_ref(), copy.path().as_os_str()]);
    assert_eq!(code, Some(1), "{err}");
    assert!(err.contains(&format!("{}:Sheet1!B2 (Total): the cell holds a formula", formula.display())), "{err}");
    assert_eq!(files(copy.path()), before, "nothing written");
    // A field the mapping does not know is a usage error.
    let (code, _, err) = run(&[
        "import".as_ref(),
        "prices".as_ref(),
        bad.as_os_str(),
        "--tender".as_ref(),
        copy.path().as_os_str(),
        "--map".as_ref(),
        "Pris=price".as_ref(),
    ]);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("`price` is no field"), "{err}");
}

#[test]
fn dry_run_shows_what_would_change_and_writes_nothing() {
    let copy = altered_copy();
    let before = files(copy.path());
    let sheet = fixture().join("sheets/AA-01.xlsx");
    let (code, out, err) = run(&[
        "import".as_ref(),
        "prices".as_ref(),
        sheet.as_os_str(),
        "--tender".as_ref(),
        copy.path().as_os_str(),
        "--dry-run".as_ref(),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("would write") && out.contains("aa-01-kontorvaerket.toml: total 7300000"), "{out}");
    assert!(out.contains("nothing written"), "{out}");
    assert_eq!(files(copy.path()), before, "nothing written");
}

/// The workbook with the stored value of every formula whose value is 0 removed, as a program that
/// does not calculate saves a formula (rust_xlsxwriter stores 0 unless told the result).
fn without_stored_values(xlsx: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).expect("a zip");
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).expect("an entry");
        let name = file.name().expect("an entry name").into_owned();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).expect("read");
        if name.starts_with("xl/worksheets/") {
            bytes = String::from_utf8(bytes).expect("XML").replace("</f><v>0</v>", "</f>").into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default()).expect("an entry");
        out.write_all(&bytes).expect("written");
    }
    out.finish().expect("a zip").into_inner()
}

/// The bad sheets of the malformed corpus (`tests/malformed/sheets/`): each is imported into a
/// copy of the Aarhus fixture (`prices-*` with `tender import prices`, `marks-*` with `tender import
/// marks`), must be refused with exit code 1, located errors and nothing written; the messages
/// are snapshots `malformed-sheet@<file>.snap`.
#[test]
fn the_malformed_sheets_are_refused_located_and_nothing_is_written() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/malformed/sheets");
    let mut names: Vec<PathBuf> =
        std::fs::read_dir(&corpus).expect("the corpus").map(|e| e.expect("an entry").path()).collect();
    names.sort();
    assert!(names.len() >= 5, "{names:?}");
    for sheet in names {
        let name = sheet.file_name().expect("a name").to_string_lossy().into_owned();
        let copy = copy_of(&fixture());
        let before = files(copy.path());
        let what = if name.starts_with("marks-") { "marks" } else { "prices" };
        let (code, out, err) =
            run(&["import".as_ref(), what.as_ref(), sheet.as_os_str(), "--tender".as_ref(), copy.path().as_os_str()]);
        assert_eq!(code, Some(1), "{name}: {out}{err}");
        let file = sheet.display().to_string();
        assert!(err.contains(&format!("{file}:")), "{name}: the errors name the file: {err}");
        assert_eq!(files(copy.path()), before, "{name}: nothing written");
        let shown = err.replace(&file, &format!("tests/malformed/sheets/{name}"));
        snapshot!(format!("malformed-sheet@{name}"), shown);
    }
}

/// Unit prices of a price basket import by line into the bid files (aalborg-consultancy, lot L1),
/// the other lines and bids as they were; an amount a formula computed is imported through the
/// value the workbook stores, and the import says so.
#[test]
fn basket_unit_prices_import_by_line_and_formulas_are_noted() {
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/aalborg-consultancy");
    let copy = copy_of(&fixture);
    let sheet = copy.path().join("rates.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let ws = book.add_worksheet();
    for (c, h) in ["Bid", "Arkitekt", "DEV"].iter().enumerate() {
        ws.write_string(0, u16::try_from(c).expect("col"), *h).expect("written");
    }
    ws.write_string(1, 0, "AC-01").expect("written");
    ws.write_formula(1, 1, rust_xlsxwriter::Formula::new("=1000+200").set_result("1200")).expect("written");
    ws.write_number(1, 2, 900.0).expect("written");
    std::fs::write(&sheet, book.save_to_buffer().expect("a workbook")).expect("saved");
    let (code, out, err) = run(&[
        "import".as_ref(),
        "prices".as_ref(),
        sheet.as_os_str(),
        "--tender".as_ref(),
        copy.path().as_os_str(),
        "--map".as_ref(),
        "Arkitekt=ARCH".as_ref(),
    ]);
    assert_eq!(code, Some(0), "{out}{err}");
    assert!(
        out.contains(&format!(
            "note: {}:Sheet1!B2 (Arkitekt): the formula =1000+200; its stored value is used",
            sheet.display()
        )),
        "{out}"
    );
    assert!(out.contains("1 bid file written"), "{out}");
    let text = std::fs::read_to_string(copy.path().join("bids/ac-01-nordjysk.toml")).expect("read");
    let bid: tender_core::Bid =
        tender_core::files::parse(&text, tender_core::files::Format::Toml, "ac-01.toml".as_ref()).expect("a bid");
    let prices: Vec<(String, String)> =
        bid.price.unit_prices.iter().map(|u| (u.line.to_string(), u.price.to_string())).collect();
    let want = [("ARCH", "1200"), ("DEV-SENIOR", "1025"), ("DEV", "900"), ("PM", "1050")];
    assert_eq!(prices, want.map(|(l, p)| (l.to_owned(), p.to_owned())), "the other lines kept, in the basket's order");
    assert!(text.starts_with("# Bid AC-01"), "the file's comments are kept");
    // The other bids are as they were.
    for entry in std::fs::read_dir(fixture.join("bids")).expect("bids") {
        let path = entry.expect("an entry").path();
        let name = path.file_name().expect("a name");
        if name != "ac-01-nordjysk.toml" {
            assert_eq!(std::fs::read(&path).ok(), std::fs::read(copy.path().join("bids").join(name)).ok(), "{name:?}");
        }
    }
}

/// Export → import gives the same bids: for every fixture, the price sheet (XLSX and CSV) and the
/// marks workbook that `tender export` writes import back without changing a byte of any bid
/// file. A marks workbook with a sheet for an evaluator who has not marked yet imports too (its
/// rows are forms not filled in).
#[test]
fn exported_sheets_import_back_to_the_same_bid_files() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut names: Vec<PathBuf> =
        std::fs::read_dir(&fixtures).expect("fixtures").map(|e| e.expect("an entry").path()).collect();
    names.sort();
    for fixture in names {
        let name = fixture.file_name().expect("a name").to_string_lossy().into_owned();
        let copy = copy_of(&fixture);
        let before = files(copy.path());
        for (flag, file, what) in [
            ("--price-sheet", "prices.xlsx", "prices"),
            ("--price-sheet", "prices.csv", "prices"),
            ("--marks-sheet", "marks.xlsx", "marks"),
        ] {
            let sheet = copy.path().join(file);
            let mut args: Vec<&std::ffi::OsStr> =
                vec!["export".as_ref(), copy.path().as_os_str(), flag.as_ref(), "-o".as_ref(), sheet.as_os_str()];
            if what == "marks" {
                args.push(std::ffi::OsStr::new("--evaluators"));
                args.push(std::ffi::OsStr::new("E-NEW"));
            }
            let (code, out, err) = run(&args);
            assert_eq!(code, Some(0), "{name} {file}: {out}{err}");
            let (code, out, err) = run(&[
                "import".as_ref(),
                what.as_ref(),
                sheet.as_os_str(),
                "--tender".as_ref(),
                copy.path().as_os_str(),
            ]);
            // A fixture without marks (or without a marked bid) has nothing to import.
            if code == Some(1) && err.contains("no marks") {
                continue;
            }
            assert_eq!(code, Some(0), "{name} {file}: {out}{err}");
            assert!(out.contains(" 0 bid files written"), "{name} {file}: {out}");
            std::fs::remove_file(&sheet).expect("removed");
            assert_eq!(files(copy.path()), before, "{name} {file}: the bid files are as they were");
        }
    }
}
