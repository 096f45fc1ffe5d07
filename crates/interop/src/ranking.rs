//! The ranking table out: one row per bid and lot, as CSV (`tender evaluate --format csv`) and as
//! the ranking sheets of the evaluation workbook ([`crate::workbook`]).
//!
//! Every figure is the engine's published value (`Figure::value`, already rounded by the tender's
//! policy), written with the lot's decimals (prices with the currency's minor units) and a full
//! stop as the decimal separator, so the file reads back exactly.
//!
//! **Bidder text is inert.** A spreadsheet program opening a CSV file treats a cell that starts
//! with `=`, `+`, `-` or `@` as a formula (CSV injection); OWASP's advice is followed: such a
//! cell, and one that starts with a tab or a carriage return, is written with a leading `'`.
//! Only text cells are so guarded; numbers are written by this module and start with a digit or
//! a minus sign.

use std::borrow::Cow;

use rust_decimal::Decimal;
use tender_core::Tender;
use tender_score::result::{BidResult, BidStatus, Comparison};
use tender_score::{Evaluation, LotEvaluation};

use crate::error::ExportError;

/// The columns of the ranking table, in order.
pub const COLUMNS: [&str; 14] = [
    "lot",
    "rank",
    "bid",
    "bidder",
    "bidder_name",
    "status",
    "awarded",
    "currency",
    "price",
    "quality_points",
    "quality_percent",
    "price_points",
    "comparison",
    "total",
];

/// One row of the ranking table: a bid in a lot, every figure as published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RankingRow {
    /// The lot's id.
    pub lot: String,
    /// The rank, from 1; `None` for a bid that is not ranked.
    pub rank: Option<u32>,
    /// The bid's id.
    pub bid: String,
    /// The bidder's id.
    pub bidder: String,
    /// The bidder's name, as the bid gives it (bidder text).
    pub bidder_name: String,
    /// Where the bid ended: `ranked`, `failed-gate`, `below-quality-threshold`,
    /// `not-among-best-quality`, `rejected`.
    pub status: &'static str,
    /// `yes`, `no`, or `passed-over` (ranked within the awards but its bidder won enough lots).
    pub awarded: &'static str,
    /// The tender's currency.
    pub currency: String,
    /// The evaluated price, with the currency's minor units.
    pub price: Option<Decimal>,
    /// The quality points, with the lot's decimals.
    pub quality_points: Option<Decimal>,
    /// The quality points in percent of the maximum.
    pub quality_percent: Option<Decimal>,
    /// The price points (points price models only).
    pub price_points: Option<Decimal>,
    /// What `total` is: `highest-total` (total points), `lowest-price-per-quality-point`,
    /// `lowest-evaluation-price`.
    pub comparison: &'static str,
    /// The figure the bids are compared on, with the lot's decimals.
    pub total: Option<Decimal>,
}

/// The status as the JSON evaluation writes it.
pub(crate) fn status(s: BidStatus) -> &'static str {
    match s {
        BidStatus::Ranked => "ranked",
        BidStatus::FailedGate => "failed-gate",
        BidStatus::BelowQualityThreshold => "below-quality-threshold",
        BidStatus::NotAmongBestQuality => "not-among-best-quality",
        BidStatus::Rejected => "rejected",
    }
}

/// The comparison as the JSON evaluation writes it.
pub(crate) fn comparison(c: Comparison) -> &'static str {
    match c {
        Comparison::HighestTotal => "highest-total",
        Comparison::LowestPricePerQualityPoint => "lowest-price-per-quality-point",
        Comparison::LowestEvaluationPrice => "lowest-evaluation-price",
    }
}

/// `value` with exactly `decimals` places (a published figure has at most the lot's decimals, so
/// this only adds zeros; more places are kept rather than cut).
pub(crate) fn places(value: Decimal, decimals: u32) -> Decimal {
    let mut v = value;
    if v.scale() < decimals {
        v.rescale(decimals);
    }
    v
}

fn row(tender: &Tender, lot: &LotEvaluation, b: &BidResult) -> RankingRow {
    let d = lot.decimals;
    let awarded = if b.awarded {
        "yes"
    } else if b.passed_over {
        "passed-over"
    } else {
        "no"
    };
    RankingRow {
        lot: lot.lot.to_string(),
        rank: b.rank,
        bid: b.bid.to_string(),
        bidder: b.bidder.to_string(),
        bidder_name: b.bidder_name.clone(),
        status: status(b.status),
        awarded,
        currency: tender.currency.to_string(),
        price: b.price.as_ref().map(|p| places(p.evaluated.value, tender.currency.minor_units())),
        quality_points: b.quality.map(|q| places(q.value, d)),
        quality_percent: b.quality_percent.map(|q| places(q.value, d)),
        price_points: b.price.as_ref().and_then(|p| p.points).map(|p| places(p.value, d)),
        comparison: comparison(lot.comparison),
        total: b.total.map(|t| places(t.value, d)),
    }
}

/// The ranking table: per lot in the tender's order, its bids in the evaluation's order (ranked
/// bids by rank, then the others).
pub fn ranking_rows(tender: &Tender, evaluation: &Evaluation) -> Vec<RankingRow> {
    evaluation.lots.iter().flat_map(|lot| lot.bids.iter().map(move |b| row(tender, lot, b))).collect()
}

/// A text cell a spreadsheet program will not read as a formula: one that starts with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading `'` (OWASP, "CSV Injection").
pub fn inert_cell(text: &str) -> Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{text}")),
        _ => Cow::Borrowed(text),
    }
}

/// The ranking table as CSV (RFC 4180: comma-separated, quoted where needed, `\n` line ends), with
/// a header row of [`COLUMNS`]. An absent figure is an empty cell.
///
/// # Errors
///
/// [`ExportError::Table`] if the CSV writer fails (it writes to memory, so only on a bug).
pub fn ranking_csv(tender: &Tender, evaluation: &Evaluation) -> Result<String, ExportError> {
    let fail = |e: &dyn std::fmt::Display| ExportError::Table { format: "CSV", message: e.to_string() };
    let mut w = csv::WriterBuilder::new().terminator(csv::Terminator::Any(b'\n')).from_writer(Vec::new());
    w.write_record(COLUMNS).map_err(|e| fail(&e))?;
    let num = |v: Option<Decimal>| v.map(|v| v.to_string()).unwrap_or_default();
    for r in ranking_rows(tender, evaluation) {
        let record = [
            inert_cell(&r.lot).into_owned(),
            r.rank.map(|n| n.to_string()).unwrap_or_default(),
            inert_cell(&r.bid).into_owned(),
            inert_cell(&r.bidder).into_owned(),
            inert_cell(&r.bidder_name).into_owned(),
            r.status.to_owned(),
            r.awarded.to_owned(),
            inert_cell(&r.currency).into_owned(),
            num(r.price),
            num(r.quality_points),
            num(r.quality_percent),
            num(r.price_points),
            r.comparison.to_owned(),
            num(r.total),
        ];
        w.write_record(&record).map_err(|e| fail(&e))?;
    }
    let bytes = w.into_inner().map_err(|e| fail(&e))?;
    String::from_utf8(bytes).map_err(|e| fail(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_would_be_a_formula_is_prefixed() {
        for text in ["=1+1", "+45 1234", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(inert_cell(text), format!("'{text}"), "{text:?}");
        }
        for text in ["Acme A/S", "", "1=1", "'quoted"] {
            assert_eq!(inert_cell(text), text, "{text:?}");
        }
    }

    #[test]
    fn places_pads_and_never_cuts() {
        assert_eq!(places(Decimal::new(125, 1), 2).to_string(), "12.50");
        assert_eq!(places(Decimal::new(12_345, 3), 2).to_string(), "12.345");
    }
}
