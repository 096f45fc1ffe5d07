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
