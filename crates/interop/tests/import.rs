//! Import of bid prices: every fixture's prices round-trip exactly through CSV and XLSX, and
//! every sheet in `tests/sheets/` (good and bad, CSV written by hand, XLSX written by
//! `generate_xlsx_sheets` below) is imported and its result snapshotted.

mod common;

use std::path::{Path, PathBuf};

use rust_decimal::Decimal;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook};
use tender_core::bid::BidPrice;
use tender_core::{Bid, Money, Tender};
use tender_interop::import::{TemplateCell, write_template_rows};
use tender_interop::{ImportError, Mapping, apply_prices, import_prices};

fn sheets_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sheets")
}

fn aarhus() -> (Tender, Vec<Bid>) {
    let (_, tender, bids) =
        common::fixtures().into_iter().find(|(n, _, _)| n == "aarhus-office-suite").expect("fixture");
    (tender, bids)
}

/// A cell for the XLSX writer.
#[derive(Clone, Debug)]
enum X {
    Text(&'static str),
    Owned(String),
    Number(f64),
    Bool(bool),
    Date(u16, u8, u8),
    Empty,
}

/// Writes a workbook with one sheet; `merges` are (first row, first col, last row, last col),
/// 0-based. The document properties are fixed so the file does not change with the clock.
fn write_xlsx(path: &Path, sheet: &str, rows: &[Vec<X>], merges: &[(u32, u16, u32, u16)]) {
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2026, 1, 1).expect("date");
    workbook.set_properties(&DocProperties::new().set_creation_datetime(&created));
    let ws = workbook.add_worksheet();
    ws.set_name(sheet).expect("sheet name");
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (r, row) in rows.iter().enumerate() {
        let r = u32::try_from(r).expect("row");
        for (c, cell) in row.iter().enumerate() {
            let c = u16::try_from(c).expect("col");
            let in_merge = merges.iter().any(|m| r >= m.0 && r <= m.2 && c >= m.1 && c <= m.3);
            if in_merge {
                continue;
            }
            match cell {
                X::Text(s) => ws.write_string(r, c, *s).map(|_| ()),
                X::Owned(s) => ws.write_string(r, c, s).map(|_| ()),
                X::Number(n) => ws.write_number(r, c, *n).map(|_| ()),
                X::Bool(b) => ws.write_boolean(r, c, *b).map(|_| ()),
                X::Date(y, m, d) => ws
                    .write_datetime_with_format(r, c, ExcelDateTime::from_ymd(*y, *m, *d).expect("date"), &date)
                    .map(|_| ()),
                X::Empty => Ok(()),
            }
            .expect("writes");
        }
    }
    for &(r1, c1, r2, c2) in merges {
        let text = match &rows[r1 as usize][c1 as usize] {
            X::Text(s) => (*s).to_owned(),
            X::Owned(s) => s.clone(),
            _ => String::new(),
        };
        ws.merge_range(r1, c1, r2, c2, &text, &Format::new()).expect("merges");
    }
    workbook.save(path).expect("saves");
}

/// A decimal as a spreadsheet stores it: the nearest binary float.
fn float(value: Decimal) -> f64 {
    value.to_string().parse().expect("a float")
}

fn template_csv(rows: &[Vec<Option<TemplateCell>>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                Some(TemplateCell::Text(s)) => s.clone(),
                Some(TemplateCell::Amount(d)) => d.to_string(),
                None => String::new(),
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

fn template_xlsx(path: &Path, rows: &[Vec<Option<TemplateCell>>]) {
    let cells: Vec<Vec<X>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| match c {
                    Some(TemplateCell::Text(s)) => X::Owned(s.clone()),
                    Some(TemplateCell::Amount(d)) => X::Number(float(*d)),
                    None => X::Empty,
                })
                .collect()
        })
        .collect();
    write_xlsx(path, "Prices", &cells, &[]);
}

fn blank(bids: &[Bid]) -> Vec<Bid> {
    bids.iter()
        .cloned()
        .map(|mut b| {
            b.price = BidPrice { total: Some(Money::ZERO), ..BidPrice::default() };
            b
        })
        .collect()
}

/// Writes the bids' prices to a CSV file and an XLSX workbook, imports both, and checks every
/// price comes back exactly.
fn round_trip(name: &str, tender: &Tender, bids: &[Bid]) {
    // A bid without a price (rejected as non-compliant) has nothing to round-trip.
    let priced: Vec<Bid> = bids
        .iter()
        .filter(|b| b.price.total.is_some() || !b.price.unit_prices.is_empty() || !b.price.components.is_empty())
        .cloned()
        .collect();
    let bids = priced.as_slice();
    // Every fixture has priced bids, the price basket and price component lots of
    // aalborg-consultancy included.
    assert!(!bids.is_empty(), "{name}");
    let dir = tempfile::tempdir().expect("temp dir");
    let rows = write_template_rows(tender, bids);
    let csv = dir.path().join("prices.csv");
    std::fs::write(&csv, template_csv(&rows)).expect("writes csv");
    let xlsx = dir.path().join("prices.xlsx");
    template_xlsx(&xlsx, &rows);
    let mapping = Mapping::for_tender(tender);
    for path in [csv, xlsx] {
        let prices = import_prices(&path, &mapping, tender).unwrap_or_else(|e| panic!("{name}: {e}"));
        let mut imported = blank(bids);
        let updated = apply_prices(tender, &mut imported, &prices).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(updated, bids.len(), "{name}");
        for (got, want) in imported.iter().zip(bids) {
            assert_eq!(got.price, want.price, "{name}: {} from {}", want.id, path.display());
        }
    }
}

#[test]
fn fixture_prices_round_trip_exactly() {
    for (name, tender, bids) in common::fixtures() {
        round_trip(&name, &tender, &bids);
    }
}

#[test]
fn amounts_with_cents_round_trip_exactly() {
    let (tender, bids) = aarhus();
    // Every amount with at most 15 significant digits has its own float: these come back exact.
    let amounts = [
        "0.01",
        "0.1",
        "0.3",
        "1234.56",
        "1000000.01",
        "7300000.99",
        "99999999999.99",
        "1234567890123.45",
        "4503599627370.49",
        "0",
    ];
    let mut priced = Vec::new();
    for (i, text) in amounts.iter().enumerate() {
        let mut bid = bids[i % bids.len()].clone();
        bid.id = format!("CENTS-{i}").as_str().into();
        let amount = Money::new(text.parse().expect("decimal"));
        bid.price.total = Some(amount);
        if let Some(s) = &mut bid.price.schedule {
            s.one_off = amount;
        }
        priced.push(bid);
    }
    round_trip("cents", &tender, &priced);
}

/// The result of importing one sheet, as the snapshot shows it.
fn report(path: &Path) -> String {
    let (tender, _) = aarhus();
    let stem = path.file_stem().expect("stem").to_string_lossy().into_owned();
    let own = path.with_file_name(format!("{stem}.mapping.toml"));
    let mapping_path = if own.is_file() { own } else { sheets_dir().join("mapping.toml") };
    let mapping =
        Mapping::from_toml(&std::fs::read_to_string(&mapping_path).expect("mapping reads")).expect("mapping parses");
    match import_prices(path, &mapping, &tender) {
        Ok(prices) => prices
            .iter()
            .map(|p| {
                let schedule = p.price.schedule.as_ref().map_or("no schedule".to_owned(), |s| {
                    format!("one-off {}, recurring per year {}", s.one_off, s.recurring_per_year)
                });
                let options: Vec<String> =
                    p.price.options.iter().map(|o| format!("{} {}", o.option, o.price)).collect();
                format!(
                    "row {}: {} total {}; {}; options [{}]\n",
                    p.row,
                    p.key,
                    p.price.total.map(|t| t.to_string()).unwrap_or_default(),
                    schedule,
                    options.join(", ")
                )
            })
            .collect(),
        Err(e) => {
            let e = e.to_string();
            // Paths differ between machines; keep the file name.
            let full = path.display().to_string();
            format!("error: {}\n", e.replace(&full, &path.file_name().expect("name").to_string_lossy()))
        }
    }
}

#[test]
fn sheets_corpus() {
    let mut paths = common::files_with(&sheets_dir(), "csv");
    paths.extend(common::files_with(&sheets_dir(), "xlsx"));
    assert!(paths.len() > 20, "the corpus is there");
    for path in paths {
        let name = path.file_name().expect("name").to_string_lossy().into_owned();
        let report = report(&path);
        if name.starts_with("ok-") {
            assert!(!report.starts_with("error"), "{name} should import:\n{report}");
        } else {
            assert!(report.starts_with("error"), "{name} should be refused:\n{report}");
        }
        insta::with_settings!({
            input_file => &path,
            snapshot_suffix => name.as_str(),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!("sheet", report);
        });
    }
}

#[test]
fn mapping_must_fit_the_tender() {
    let (tender, _) = aarhus();
    let mapping = Mapping::from_toml(
        "[columns]\ntotal = \"Total\"\none_off = \"One-off\"\n[columns.options]\nOPT-NONE = \"x\"\n",
    )
    .expect("parses");
    let err = import_prices(&sheets_dir().join("ok-basic.csv"), &mapping, &tender).expect_err("unusable");
    let text = err.to_string();
    assert!(matches!(err, ImportError::Mapping { .. }), "{text}");
    assert!(text.contains("`bid`, or `bidder`"), "{text}");
    assert!(text.contains("`one_off` and `recurring_per_year` together"), "{text}");
    assert!(text.contains("no option `OPT-NONE`; its options are: OPT-USERS"), "{text}");
    let typo = Mapping::from_toml("[columns]\ntotal = \"Total\"\nbidd = \"Bid\"\n").expect_err("unknown field");
    assert!(typo.to_string().contains("bidd"), "{typo}");
}

#[test]
fn prices_for_unknown_or_ambiguous_bids_are_refused() {
    let (tender, bids) = aarhus();
    let mapping = Mapping::from_toml(&std::fs::read_to_string(sheets_dir().join("mapping.toml")).expect("reads"))
        .expect("parses");
    let mut prices = import_prices(&sheets_dir().join("ok-basic.csv"), &mapping, &tender).expect("imports");
    prices[0].key = tender_interop::BidKey::Bid("AA-99".into());
    let mut copy = bids.clone();
    let err = apply_prices(&tender, &mut copy, &prices).expect_err("AA-99 is not a bid");
    assert!(err.to_string().contains("row 2: there is no bid `AA-99` among the bids"), "{err}");
    assert_eq!(copy, bids, "no bid changed");

    // A bidder with bids in two lots, and no lot column: which bid is meant is not known.
    let (_, lots_tender, lots_bids) =
        common::fixtures().into_iter().find(|(n, _, _)| n == "copenhagen-lots").expect("fixture");
    let twice = lots_bids
        .iter()
        .find(|b| lots_bids.iter().filter(|o| o.bidder.id == b.bidder.id).count() > 1)
        .expect("a bidder in two lots");
    prices[0].key = tender_interop::BidKey::Bidder { bidder: twice.bidder.id.clone(), lot: None };
    let mut copy = lots_bids.clone();
    let err = apply_prices(&lots_tender, &mut copy[..], &prices[..1]).expect_err("ambiguous");
    assert!(err.to_string().contains("has bids in several lots; add a lot column"), "{err}");
    prices[0].key = tender_interop::BidKey::Bidder { bidder: twice.bidder.id.clone(), lot: Some(twice.lot.clone()) };
    assert_eq!(apply_prices(&lots_tender, &mut copy[..], &prices[..1]).expect("with the lot"), 1);
}

#[test]
fn unknown_file_types_are_refused() {
    let (tender, _) = aarhus();
    let err = import_prices(Path::new("prices.ods"), &Mapping::for_tender(&tender), &tender).expect_err("ods");
    assert!(matches!(err, ImportError::UnknownFormat { .. }), "{err}");
}

const HEADER: [&str; 5] = ["Bid", "Total price", "One-off costs", "Recurring costs per year", "Option: more users"];

fn header() -> Vec<X> {
    HEADER.iter().map(|h| X::Text(h)).collect()
}

fn row(id: &'static str, total: X, one_off: X, recurring: X, option: X) -> Vec<X> {
    vec![X::Text(id), total, one_off, recurring, option]
}

/// Writes the XLSX sheets of the corpus. Run after changing a case, and commit the files:
/// `cargo test -p tender-interop --test import -- --ignored generate_xlsx_sheets`.
#[test]
#[ignore = "writes the committed XLSX corpus; run by hand"]
fn generate_xlsx_sheets() {
    use X::{Bool, Date, Empty, Number as N, Text as T};
    let dir = sheets_dir();
    // A title merged across the top, a blank row, then the table: the merged title is above the
    // header row, so it is not in the table.
    let mut rows = vec![vec![T("Prices, Open-source office suite"), Empty, Empty, Empty, Empty], vec![], header()];
    rows.push(row("AA-01", N(7_300_000.5), N(1_900_000.0), N(1_350_000.25), N(3_300_000.0)));
    rows.push(row("AA-02", N(8_400_000.0), Empty, Empty, N(3_600_000.0)));
    rows.push(row("AA-03", N(1234.56), N(0.1), N(0.3), Empty));
    write_xlsx(&dir.join("ok-title-above-header.xlsx"), "Prices", &rows, &[(0, 0, 0, 4)]);

    let mut rows = vec![header()];
    rows.push(row("AA-01", N(7_300_000.0), N(1_900_000.0), N(1_350_000.0), N(3_300_000.0)));
    rows.push(row("AA-02", N(8_400_000.0), N(2_400_000.0), N(1_500_000.0), N(3_600_000.0)));
    rows.push(row("AA-03", N(6_600_000.0), N(1_600_000.0), N(1_250_000.0), N(3_000_000.0)));
    // The one-off costs of AA-02 and AA-03 merged into one cell.
    write_xlsx(&dir.join("merged-cells.xlsx"), "Prices", &rows, &[(2, 2, 3, 2)]);

    let mut rows = vec![header()];
    // 0.1 + 0.2 and a division's result: floats that are not the amounts anyone typed.
    rows.push(row("AA-01", N(7_300_000.0), N(0.1 + 0.2), N(1_000_000.0 / 3.0), N(3_300_000.0)));
    rows.push(row("AA-02", N(1234.567), N(2_400_000.0), N(1_500_000.0), N(1e300)));
    write_xlsx(&dir.join("float-noise.xlsx"), "Prices", &rows, &[]);

    let mut rows = vec![header()];
    rows.push(row("AA-01", N(7_300_000.0), Date(2026, 1, 15), Bool(true), N(3_300_000.0)));
    rows.push(row("AA-02", T("7.300.000 kr"), N(2_400_000.0), N(1_500_000.0), T("n/a")));
    write_xlsx(&dir.join("date-bool-text.xlsx"), "Prices", &rows, &[]);

    let mut rows = vec![header()];
    rows.push(row("AA-01", N(7_300_000.0), N(1_900_000.0), N(1_350_000.0), N(3_300_000.0)));
    rows.push(vec![]);
    rows.push(row("AA-02", N(8_400_000.0), N(2_400_000.0), N(1_500_000.0), N(3_600_000.0)));
    write_xlsx(&dir.join("empty-row.xlsx"), "Prices", &rows, &[]);

    let rows = vec![header(), row("AA-01", N(7_300_000.0), N(1_900_000.0), N(1_350_000.0), N(3_300_000.0))];
    write_xlsx(&dir.join("wrong-sheet.xlsx"), "Priser", &rows, &[]);

    let rows = vec![vec![T("Bid"), T("Price"), T("One-off costs")], vec![T("AA-01"), N(7_300_000.0), N(1_900_000.0)]];
    write_xlsx(&dir.join("missing-columns.xlsx"), "Prices", &rows, &[]);
}

/// The number rule's premise: every amount of at most 15 significant digits has its own binary
/// float, so a typed amount comes back exact. Checked over a deterministic spread of amounts in
/// cents up to 10^13 (15 digits).
#[test]
fn every_amount_of_15_digits_reads_back_from_its_float() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..200_000 {
        // xorshift64*: a fixed, portable sequence.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        let cents = state.wrapping_mul(0x2545_F491_4F6C_DD1D) % 1_000_000_000_000_000;
        let amount = Decimal::new(i64::try_from(cents).expect("fits"), 2);
        let read = tender_core::num::decimal_from_f64(float(amount)).expect("exact");
        assert_eq!(read, amount, "{amount}");
    }
}

fn aalborg() -> (Tender, Vec<Bid>) {
    let (_, tender, bids) =
        common::fixtures().into_iter().find(|(n, _, _)| n == "aalborg-consultancy").expect("fixture");
    (tender, bids)
}

/// Price basket unit prices and price component prices come from columns named by the line's or
/// the component's id; a row with neither a total nor any of them gives no price; a line or
/// component of another lot than the row's bid is refused when the prices are applied.
#[test]
fn basket_and_component_prices_import_by_line() {
    let (tender, bids) = aalborg();
    let dir = tempfile::tempdir().expect("temp dir");
    let sheet = dir.path().join("rates.csv");
    // AC-02's row gives no price at all: a form not filled in, skipped.
    std::fs::write(&sheet, "Bid,ARCH,DEV-SENIOR,DEV,PM,LIC\nAC-01,1150,1025,875,1050,\nAC-02,,,,,\n").expect("writes");
    let mut mapping = Mapping::for_tender(&tender);
    mapping.columns.total = None;
    mapping.columns.one_off = None;
    mapping.columns.recurring_per_year = None;
    mapping.columns.components.retain(|id, _| id == "LIC");
    mapping.columns.options.clear();
    let prices = import_prices(&sheet, &mapping, &tender).expect("imports");
    assert_eq!(prices.len(), 1, "{prices:?}");
    let mut copy = bids.clone();
    assert_eq!(apply_prices(&tender, &mut copy, &prices).expect("applies"), 1);
    let ac01 = bids.iter().find(|b| b.id.as_str() == "AC-01").expect("AC-01");
    let got = copy.iter().find(|b| b.id.as_str() == "AC-01").expect("AC-01");
    assert_eq!(got.price.unit_prices, ac01.price.unit_prices, "in the basket's order");

    // A licence price on a row for a bid of the basket lot (L1), which has no component LIC.
    std::fs::write(&sheet, "Bid,ARCH,DEV-SENIOR,DEV,PM,LIC\nAC-01,1150,1025,875,1050,5\n").expect("writes");
    let prices = import_prices(&sheet, &mapping, &tender).expect("imports");
    let mut copy = bids.clone();
    let err = apply_prices(&tender, &mut copy, &prices).expect_err("L1 has no LIC");
    assert!(err.to_string().contains("bid `AC-01` is for lot `L1`, which has no price component `LIC`"), "{err}");
    assert_eq!(copy, bids, "no bid changed");

    // A mapping that names a line no lot has.
    mapping.columns.unit_prices.insert("TESTER".to_owned(), "Tester".to_owned());
    let err = import_prices(&sheet, &mapping, &tender).expect_err("no line TESTER");
    assert!(
        err.to_string().contains("no price basket line `TESTER`; its lines are: ARCH, DEV-SENIOR, DEV, PM"),
        "{err}"
    );
}

/// A formula cell is read through the value the workbook stores, and the import says so.
#[test]
fn a_formula_cells_stored_value_is_used_and_noted() {
    let (tender, _) = aarhus();
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("formula.xlsx");
    let mut workbook = Workbook::new();
    let ws = workbook.add_worksheet();
    ws.write_string(0, 0, "Bid").expect("writes");
    ws.write_string(0, 1, "Total").expect("writes");
    ws.write_string(1, 0, "AA-01").expect("writes");
    ws.write_formula(1, 1, rust_xlsxwriter::Formula::new("=7000000+300000").set_result("7300000")).expect("writes");
    ws.write_string(2, 0, "AA-02").expect("writes");
    ws.write_number(2, 1, 8_400_000.0).expect("writes");
    workbook.save(&path).expect("saves");
    let mut mapping = Mapping::for_tender(&tender);
    mapping.columns.one_off = None;
    mapping.columns.recurring_per_year = None;
    mapping.columns.options.clear();
    let prices = import_prices(&path, &mapping, &tender).expect("imports");
    assert_eq!(prices[0].price.total, Some(Money::new(Decimal::from(7_300_000))));
    assert_eq!(prices[0].notes, vec!["B2 (Total): the formula =7000000+300000; its stored value is used".to_owned()]);
    assert!(prices[1].notes.is_empty(), "a typed number is no formula");
}
