//! Golden tables of the price models: one CSV per model under `tests/golden/`, each row traceable
//! to a published worked example or a hand calculation written out in its `source` column.
//!
//! Columns: `case,model,max,decimals,bid,price,quality,expected,source`. The rows of one case are
//! the bids of one lot. For points models `max` is the price criterion's weight and `expected` the
//! price points; for the other models `expected` is the comparison figure (price per quality point
//! or evaluation price), and for value added `max` is what full marks are worth. Quality is one
//! criterion on a 0-10 scale with weight 10 (so quality points equal the score).
#![allow(clippy::unwrap_used)]

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use rust_decimal::Decimal;
use tender_core::award::PriceModel;
use tender_score::evaluate;

struct Row {
    line: usize,
    model: String,
    max: String,
    decimals: u32,
    bid: String,
    price: String,
    quality: String,
    expected: Decimal,
    source: String,
}

fn read(path: &Path) -> BTreeMap<String, Vec<Row>> {
    let mut reader = csv::ReaderBuilder::new().comment(Some(b'#')).from_path(path).unwrap();
    let mut cases: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for (i, rec) in reader.records().enumerate() {
        let r = rec.unwrap();
        let field = |n: usize| r.get(n).unwrap().trim().to_owned();
        cases.entry(field(0)).or_default().push(Row {
            line: i + 2,
            model: field(1),
            max: field(2),
            decimals: field(3).parse().unwrap(),
            bid: field(4),
            price: field(5),
            quality: field(6),
            expected: field(7).parse().unwrap(),
            source: field(8),
        });
    }
    cases
}

fn award(model: &str, max: &str, decimals: u32) -> String {
    let parsed: PriceModel = {
        #[derive(serde::Deserialize)]
        struct W {
            m: PriceModel,
        }
        tender_core::files::parse::<W>(&format!("m = {model}"), tender_core::files::Format::Toml, "golden".as_ref())
            .unwrap()
            .m
    };
    let (price_weight, quality) = match parsed {
        PriceModel::ValueAdded { .. } => (String::new(), format!("value = {max}")),
        m if m.is_points_model() => (format!("weight = {max}"), "weight = 10".to_owned()),
        _ => (String::new(), "weight = 10".to_owned()),
    };
    format!(
        r#"
[lots.award]
weighting = "points"
price_model = {model}
scale = "0-10"
rounding = {{ decimals = {decimals}, strategy = "half-up" }}
tie_break = ["drawing-lots"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
{price_weight}
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
{quality}
"#
    )
}

#[test]
fn golden_tables() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut files: Vec<_> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let mut failures = Vec::new();
    let mut checked = 0;
    for file in files.iter().filter(|p| p.extension().is_some_and(|e| e == "csv")) {
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        for (case, rows) in read(file) {
            let first = &rows[0];
            let tender = common::one_lot(&award(&first.model, &first.max, first.decimals));
            let bids: Vec<_> =
                rows.iter().map(|r| common::simple_bid(&r.bid, &r.price, &[("Q", r.quality.as_str())])).collect();
            let evaluation = evaluate(&tender, &bids).unwrap();
            let lot = &evaluation.lots[0];
            let points_model = tender.lots[0].award.price_model.is_points_model();
            for r in &rows {
                let b = lot.bid(&r.bid.as_str().into()).unwrap();
                let got = if points_model {
                    b.price.as_ref().and_then(|p| p.points).map(|f| f.value)
                } else {
                    b.total.map(|f| f.value)
                };
                checked += 1;
                if got != Some(r.expected) {
                    failures.push(format!(
                        "{name}:{} case {case} bid {}: expected {}, got {got:?} ({})",
                        r.line, r.bid, r.expected, r.source
                    ));
                }
            }
        }
    }
    assert!(checked >= 80, "only {checked} golden rows");
    assert!(failures.is_empty(), "{} golden rows differ:\n{}", failures.len(), failures.join("\n"));
}
