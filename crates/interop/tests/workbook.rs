//! The evaluation workbook of every fixture, read back with calamine: every formula cell's cached
//! value is the engine's figure (a published figure exactly, an unrounded one to 1e-9), and
//! every figure is a formula. Where LibreOffice is installed, the workbook is recalculated
//! headless and the recalculated values are compared the same way; without it the test says it
//! was skipped.

// A test that cannot run here (no LibreOffice) says so where `cargo test` shows it.
#![allow(clippy::print_stderr)]

use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::{Path, PathBuf};

use calamine::{Data, Reader, Xlsx};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use tender_core::{Language, Tender};
use tender_score::{Evaluation, Exact};

fn fixtures() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .expect("fixtures/")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.join("tender.toml").is_file() && p.join("bids").is_dir())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    dirs
}

fn evaluation(dir: &Path) -> (Tender, Evaluation) {
    let (tender, bids) = tender_core::files::load_case(dir).expect("the case loads");
    let evaluation = tender_score::evaluate(&tender, &bids).expect("the case evaluates");
    (tender, evaluation)
}

/// What a cell must hold: a published figure (exactly) or an unrounded one (to 1e-9).
#[derive(Clone, Copy, Debug)]
enum Expected {
    Published(Decimal),
    Unrounded(Exact),
}

impl Expected {
    fn matches(self, value: f64) -> bool {
        match self {
            Self::Published(d) => {
                Decimal::from_str_exact(&format!("{value}")).is_ok_and(|v| v.normalize() == d.normalize())
            }
            Self::Unrounded(e) => {
                let expected = e.approx(15).to_f64().unwrap_or(f64::NAN);
                (value - expected).abs() <= 1e-9 * expected.abs().max(1.0)
            }
        }
    }
}

/// The engine's figures of a lot by (bid, column heading), as the English workbook heads them.
fn expected_calculation(lot: &tender_score::LotEvaluation) -> BTreeMap<(String, String), Expected> {
    let mut map = BTreeMap::new();
    for b in &lot.bids {
        let bid = b.bid.to_string();
        let mut put = |heading: String, e: Expected| {
            map.insert((bid.clone(), heading), e);
        };
        for r in &b.criteria {
            put(format!("{} score", r.criterion), Expected::Unrounded(r.score));
            put(format!("{} ratio", r.criterion), Expected::Unrounded(r.ratio));
            put(format!("{} points", r.criterion), Expected::Unrounded(r.points.exact));
            put(format!("{} points (published)", r.criterion), Expected::Published(r.points.value));
        }
        if let Some(q) = b.quality {
            put("Quality points".into(), Expected::Unrounded(q.exact));
            put("Quality points (published)".into(), Expected::Published(q.value));
        }
        if let Some(p) = &b.price {
            put("Evaluated price".into(), Expected::Unrounded(p.evaluated.exact));
            if let Some(r) = p.ratio {
                put("Evaluated price ratio".into(), Expected::Unrounded(r));
            }
            if let Some(points) = p.points {
                put("Price points".into(), Expected::Unrounded(points.exact));
                put("Price points (published)".into(), Expected::Published(points.value));
            }
        }
        if let Some(t) = b.total {
            put("Comparison figure".into(), Expected::Unrounded(t.exact));
            put("Comparison figure (published)".into(), Expected::Published(t.value));
        }
    }
    // The reference prices are on the sheet where a price model uses them (points models).
    let points = lot.bids.iter().any(|b| b.price.as_ref().is_some_and(|p| p.points.is_some()));
    if let (Some(lowest), true) = (lot.lowest_price, points) {
        map.insert(("Lowest price".into(), "Evaluated price".into()), Expected::Unrounded(lowest));
    }
    if let (Some(highest), true) = (lot.highest_price, points) {
        map.insert(("Highest price".into(), "Evaluated price".into()), Expected::Unrounded(highest));
    }
    map
}

/// Checks every figure of the workbook against the engine; `formulas` says whether to require
/// that each checked cell is a formula (the written workbook; a recalculated one may drop them).
/// Returns how many cells were compared.
fn check(bytes: &[u8], evaluation: &Evaluation, formulas: bool, what: &str) -> usize {
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).expect("an XLSX workbook");
    let mut compared = 0;
    for lot in &evaluation.lots {
        let name = format!("Calculation {}", lot.lot);
        let range = book.worksheet_range(&name).unwrap_or_else(|e| panic!("{what}: sheet {name}: {e}"));
        let formula_cells = book.worksheet_formula(&name).expect("formulas");
        let expected = expected_calculation(lot);
        let headings: Vec<String> =
            (0..range.width()).map(|c| range.get((0, c)).map(|d| d.to_string()).unwrap_or_default()).collect();
        let mut seen = std::collections::BTreeSet::new();
        for (row, cells) in range.rows().enumerate().skip(1) {
            let Some(key) = cells.first().map(|d| d.to_string()) else { continue };
            for (col, value) in cells.iter().enumerate() {
                let number = match value {
                    Data::Float(f) => *f,
                    Data::Int(i) => i32::try_from(*i).map(f64::from).unwrap_or(f64::NAN),
                    _ => continue,
                };
                let heading = &headings[col];
                let e = expected
                    .get(&(key.clone(), heading.clone()))
                    .unwrap_or_else(|| panic!("{what} {name}: {key} / {heading} = {number} is no engine figure"));
                assert!(e.matches(number), "{what} {name}: {key} / {heading} = {number}, the engine has {e:?}");
                // A figure that is not a formula is allowed only where the row's note says why.
                let abs = (u32::try_from(row).expect("row"), u32::try_from(col).expect("column"));
                let is_formula = formula_cells.get_value(abs).is_some_and(|f| !f.is_empty());
                let noted = headings
                    .iter()
                    .position(|h| h == "Note")
                    .and_then(|n| cells.get(n))
                    .is_some_and(|d| !d.to_string().is_empty());
                if formulas {
                    assert!(is_formula || noted, "{what} {name}: {key} / {heading} is a value without a note");
                }
                compared += 1;
                seen.insert((key.clone(), heading.clone()));
            }
        }
        // Every figure the engine has is in the sheet.
        let missing: Vec<_> = expected.keys().filter(|k| !seen.contains(*k)).collect();
        assert!(missing.is_empty(), "{what} {name}: figures not in the sheet: {missing:?}");

        // The ranking sheet's figures are the published ones.
        let rank_name = format!("Ranking {}", lot.lot);
        let ranking = book.worksheet_range(&rank_name).unwrap_or_else(|e| panic!("{what}: sheet {rank_name}: {e}"));
        for b in &lot.bids {
            let row = (1..ranking.height())
                .find(|&r| ranking.get((r, 2)).is_some_and(|d| *d == Data::String(b.bid.to_string())))
                .unwrap_or_else(|| panic!("{what} {rank_name}: no row for {}", b.bid));
            let at = |col: usize| match ranking.get((row, col)) {
                Some(Data::Float(f)) => Some(*f),
                _ => None,
            };
            let total = b.total.map(|t| t.value);
            assert_eq!(at(13).is_some(), total.is_some(), "{what} {rank_name} {} total", b.bid);
            if let (Some(v), Some(t)) = (at(13), total) {
                assert!(Expected::Published(t).matches(v), "{what} {rank_name} {}: {v} ≠ {t}", b.bid);
                compared += 1;
            }
            if let (Some(v), Some(p)) = (at(8), &b.price) {
                let published = Expected::Published(p.evaluated.value);
                assert!(published.matches(v), "{what} {rank_name} {}: {v} ≠ {}", b.bid, p.evaluated.value);
                compared += 1;
            }
            if let (Some(v), Some(q)) = (at(9), b.quality) {
                assert!(Expected::Published(q.value).matches(v), "{what} {rank_name} {}: {v} ≠ {}", b.bid, q.value);
                compared += 1;
            }
        }
    }
    compared
}

/// The eu-sovereign-cloud fixture under every price model and rounding policy the fixtures do not
/// use, with the median: (label, tender).
fn variants() -> Vec<(String, Tender, Evaluation)> {
    let dir = fixtures().into_iter().find(|d| d.ends_with("eu-sovereign-cloud")).expect("the fixture");
    let source = std::fs::read_to_string(dir.join("tender.toml")).expect("tender.toml");
    let (_, bids) = tender_core::files::load_case(&dir).expect("the case loads");
    let model = r#"price_model = { kind = "proportional" }"#;
    let rounding = r#"rounding = { decimals = 2, at = "total", strategy = "half-up" }"#;
    assert!(source.contains(model) && source.contains(rounding), "the fixture's model changed");
    let mut list = Vec::new();
    for m in [
        r#"{ kind = "linear-slope", slope = 40 }"#,
        r#"{ kind = "linear-from-lowest", floor_at_zero = true }"#,
        r#"{ kind = "linear-from-lowest" }"#,
        r#"{ kind = "min-max" }"#,
        r#"{ kind = "fixed-span", low = 10000000, high = 40000000 }"#,
        r#"{ kind = "logarithmic", zero_at = 30 }"#,
        r#"{ kind = "price-per-quality-point" }"#,
        r#"{ kind = "percent-adjustment", mode = "deduction", max_percent = 30 }"#,
        r#"{ kind = "percent-adjustment", mode = "markup", max_percent = 30 }"#,
    ] {
        list.push((m.to_owned(), source.replace(model, &format!("price_model = {m}"))));
    }
    for at in ["ratio", "criterion", "total"] {
        for strategy in ["half-up", "half-even", "half-down", "up", "down"] {
            for decimals in [0, 1, 3] {
                let r = format!(r#"rounding = {{ decimals = {decimals}, at = "{at}", strategy = "{strategy}" }}"#);
                list.push((r.clone(), source.replace(rounding, &r)));
            }
        }
    }
    list.push(("median".into(), source.replace(r#"aggregation = "mean""#, r#"aggregation = "median""#)));
    // Totals relative to the best total: written as values, with the note (issue 12, rule 3).
    list.push(("relative-total".into(), source.replace(model, &format!("{model}\nrelative_total = true"))));
    list.into_iter()
        .map(|(label, text)| {
            let tender: Tender =
                tender_core::files::parse(&text, tender_core::files::Format::Toml, Path::new("tender.toml"))
                    .unwrap_or_else(|e| panic!("{label}: {e}"));
            let evaluation = tender_score::evaluate(&tender, &bids).unwrap_or_else(|e| panic!("{label}: {e:?}"));
            (label, tender, evaluation)
        })
        .collect()
}

#[test]
fn every_price_model_and_rounding_policy_reads_back_with_the_engines_figures() {
    for (label, tender, evaluation) in variants() {
        let bytes = tender_interop::evaluation_workbook(&tender, &evaluation, &Language::en()).expect("a workbook");
        let compared = check(&bytes, &evaluation, true, &label);
        assert!(compared > 10, "{label}: only {compared} cells compared");
    }
}

#[test]
fn every_fixtures_workbook_reads_back_with_the_engines_figures() {
    for dir in fixtures() {
        let (tender, evaluation) = evaluation(&dir);
        let bytes = tender_interop::evaluation_workbook(&tender, &evaluation, &Language::en()).expect("a workbook");
        let compared = check(&bytes, &evaluation, true, &dir.display().to_string());
        assert!(compared > 10, "{}: only {compared} cells compared", dir.display());
    }
}

#[test]
fn the_sheets_are_named_in_the_reports_language() {
    let dir = &fixtures()[0];
    let (tender, evaluation) = evaluation(dir);
    let bytes = tender_interop::evaluation_workbook(&tender, &evaluation, &Language::new("da")).expect("a workbook");
    let book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("an XLSX workbook");
    let names = book.sheet_names();
    let lot = &evaluation.lots[0].lot;
    for expected in [format!("Rangfølge {lot}"), format!("Beregning {lot}"), "Priser".into(), "Karakterer".into()] {
        assert!(names.contains(&expected), "{expected} in {names:?}");
    }
}

#[test]
fn bidder_text_is_never_a_formula() {
    let dir = fixtures().into_iter().find(|d| d.ends_with("eu-sovereign-cloud")).expect("the fixture");
    let (tender, mut evaluation) = evaluation(&dir);
    let hostile = "=HYPERLINK(\"http://evil.example\",\"click\")";
    evaluation.lots[0].bids[0].bidder_name = hostile.to_owned();
    let bytes = tender_interop::evaluation_workbook(&tender, &evaluation, &Language::en()).expect("a workbook");
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).expect("an XLSX workbook");
    let mut found = 0;
    for name in book.sheet_names() {
        let values = book.worksheet_range(&name).expect("a sheet");
        let formulas = book.worksheet_formula(&name).expect("formulas");
        for (row, col, value) in values.used_cells() {
            if *value == Data::String(hostile.to_owned()) {
                found += 1;
                let (r, c) = (u32::try_from(row).expect("row"), u32::try_from(col).expect("column"));
                let (r0, c0) = values.start().unwrap_or((0, 0));
                let formula = formulas.get_value((r + r0, c + c0)).cloned().unwrap_or_default();
                assert!(formula.is_empty(), "{name}: the bidder's name became the formula {formula}");
            }
        }
    }
    assert!(found >= 3, "the name is on the ranking, calculation and input sheets ({found})");
}

/// LibreOffice's command, if installed.
fn libreoffice() -> Option<&'static str> {
    ["libreoffice", "soffice"]
        .into_iter()
        .find(|p| std::process::Command::new(p).arg("--version").output().is_ok_and(|o| o.status.success()))
}

#[test]
fn libreoffice_recalculates_every_workbook_to_the_engines_figures() {
    let Some(office) = libreoffice() else {
        eprintln!("skipped: LibreOffice is not installed (Debian: apt-get install libreoffice-calc)");
        return;
    };
    let work = tempfile::tempdir().expect("temp dir");
    // A profile of its own that recalculates every formula on loading an XLSX file, whatever
    // program the file says wrote it (OOXMLRecalcMode 0: always).
    let profile = work.path().join("profile");
    std::fs::create_dir_all(profile.join("user")).expect("profile");
    std::fs::write(
        profile.join("user/registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .expect("profile written");
    let profile_url = format!("-env:UserInstallation=file://{}", profile.display());
    let out = work.path().join("recalculated");
    // Converts the workbooks in one run of LibreOffice; returns the recalculated ones in order.
    let convert = |books: &[(String, Vec<u8>)]| -> Vec<Vec<u8>> {
        let mut cmd = std::process::Command::new(office);
        cmd.arg(&profile_url).args(["--headless", "--norestore", "--convert-to", "xlsx", "--outdir"]).arg(&out);
        for (i, (_, bytes)) in books.iter().enumerate() {
            let input = work.path().join(format!("book-{i}.xlsx"));
            std::fs::write(&input, bytes).expect("written");
            cmd.arg(input);
        }
        let status = cmd.output().expect("LibreOffice runs");
        assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
        (0..books.len())
            .map(|i| std::fs::read(out.join(format!("book-{i}.xlsx"))).expect("the converted workbook"))
            .collect()
    };
    // First make sure LibreOffice recalculates rather than keeping the cached values: a formula
    // whose cached value is wrong comes back right.
    let mut probe = rust_xlsxwriter::Workbook::new();
    probe
        .add_worksheet()
        .write_formula(0, 0, rust_xlsxwriter::Formula::new("=1+1").set_result("5"))
        .expect("a formula");
    let probe = convert(&[("probe".into(), probe.save_to_buffer().expect("a workbook"))]);
    let mut book: Xlsx<_> = Xlsx::new(Cursor::new(probe[0].clone())).expect("an XLSX workbook");
    let first = book.sheet_names()[0].clone();
    let value = book.worksheet_range(&first).expect("a sheet").get_value((0, 0)).cloned();
    assert_eq!(value, Some(Data::Float(2.0)), "LibreOffice kept the cached value instead of recalculating");
    let mut cases: Vec<(String, Evaluation)> = Vec::new();
    let mut books = Vec::new();
    for dir in fixtures() {
        let (tender, evaluation) = evaluation(&dir);
        let name = dir.file_name().expect("a name").to_string_lossy().into_owned();
        books.push((
            name.clone(),
            tender_interop::evaluation_workbook(&tender, &evaluation, &Language::en()).expect("a workbook"),
        ));
        cases.push((name, evaluation));
    }
    for (label, tender, evaluation) in variants() {
        books.push((
            label.clone(),
            tender_interop::evaluation_workbook(&tender, &evaluation, &Language::en()).expect("a workbook"),
        ));
        cases.push((label, evaluation));
    }
    let recalculated = convert(&books);
    for ((name, evaluation), bytes) in cases.iter().zip(&recalculated) {
        let compared = check(bytes, evaluation, false, &format!("{name} (LibreOffice)"));
        assert!(compared > 10, "{name}: only {compared} cells compared");
    }
}
