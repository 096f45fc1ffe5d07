//! JSON Schema for tender and bid files, generated from the model with schemars.
//!
//! The committed copies under `docs/schema/` are checked against these by a test, so they are never
//! stale.

use crate::{Bid, Tender};

/// The JSON Schema of a tender file, pretty-printed with a final newline.
pub fn tender_schema() -> String {
    render(schemars::schema_for!(Tender))
}

/// The JSON Schema of a bid file, pretty-printed with a final newline.
pub fn bid_schema() -> String {
    render(schemars::schema_for!(Bid))
}

fn render(schema: schemars::Schema) -> String {
    // A schema is a JSON value; serializing it cannot fail.
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
