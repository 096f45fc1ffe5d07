//! Helpers for building small tenders and bids in tests; `tender-analysis`'s tests include this
//! file too (`#[path]`), so there is one copy.
#![allow(dead_code, clippy::unwrap_used)]

use tender_core::files::{Format, parse};
use tender_core::{Bid, Tender};

/// A tender from TOML text (panics in tests only).
pub(crate) fn tender(toml: &str) -> Tender {
    parse(toml, Format::Toml, "test-tender.toml".as_ref()).unwrap()
}

/// A bid from TOML text.
pub(crate) fn bid(toml: &str) -> Bid {
    parse(toml, Format::Toml, "test-bid.toml".as_ref()).unwrap()
}

/// A one-lot tender: `award` is the `[lots.award]` body plus its criteria tables; `lot` adds keys
/// to the lot (e.g. `suppliers_to_award = 2`).
pub(crate) fn one_lot_with(lot: &str, award: &str) -> Tender {
    tender(&format!(
        r#"
id = "T"
title = "Test"
buyer = {{ name = "Buyer", country = "DK" }}
procedure = "open"
currency = "DKK"
languages = ["en"]
contract = {{ duration_months = 48 }}

[[lots]]
id = "L1"
title = "Lot"
{lot}
{award}
"#
    ))
}

/// A decimal from its text.
pub(crate) fn d(s: &str) -> rust_decimal::Decimal {
    s.parse().unwrap()
}

/// The award model of many hand-checked cases: proportional price 40, one quality criterion 60 on
/// a 0-10 scale, ties broken by quality, then price.
pub(crate) const PRICE_QUALITY_40_60: &str = r#"
[lots.award]
price_model = { kind = "proportional" }
scale = "0-10"
tie_break = ["higher-quality", "lower-price"]
[[lots.award.criteria]]
id = "P"
name = "Price"
kind = "price"
weight = 40
[[lots.award.criteria]]
id = "Q"
name = "Quality"
kind = "quality"
weight = 60
"#;

/// A one-lot tender.
pub(crate) fn one_lot(award: &str) -> Tender {
    one_lot_with("", award)
}

/// A bid on lot L1 with a total price and consensus scores `(criterion, score)`.
pub(crate) fn simple_bid(id: &str, price: &str, consensus: &[(&str, &str)]) -> Bid {
    let mut s = format!(
        r#"
id = "{id}"
tender = "T"
lot = "L1"
bidder = {{ id = "{id}-co", name = "Bidder {id}", country = "DK" }}
price = {{ total = "{price}" }}
"#
    );
    for (c, v) in consensus {
        s.push_str(&format!("[[consensus]]\ncriterion = \"{c}\"\nscore = \"{v}\"\njustification = \"test\"\n"));
    }
    bid(&s)
}
