//! Helpers for building small tenders and bids in tests: the scoring crate's builders (one copy,
//! included), and exact-number shorthands.
#![allow(dead_code, unused_imports, clippy::unwrap_used)]

#[path = "../../../score/tests/common/mod.rs"]
mod builders;

pub(crate) use builders::{one_lot, one_lot_with, simple_bid};
use rust_decimal::Decimal;
use tender_score::Exact;

/// An exact fraction.
pub(crate) fn q(n: i128, d: i128) -> Exact {
    Exact::new(n, d).unwrap()
}

/// A decimal from text.
pub(crate) fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}
