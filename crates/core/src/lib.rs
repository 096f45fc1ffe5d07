//! # tender-core: the tender model
//!
//! The model of a public tender and its bids, as a procurement system, a consultant or an analyst
//! needs it: lots, requirements with a severity (premise, minimum, award, information) and typed
//! content (SEAL minimums, open standards, exit terms, hosting, open source, regulatory clauses),
//! award criteria with exact weights, the price model and rounding policy, and bids with their
//! answers and the evaluators' scores.
//!
//! * [`Tender`], [`Lot`], [`Requirement`], [`AwardModel`], [`Bid`]: the model, serialisable to TOML
//!   and JSON with [`files`], with a JSON Schema from [`schema`].
//! * [`validate`]: every problem at once, each with its path and a fix.
//! * [`num`]: exact decimal domain types; no binary floating point anywhere in the model.
//!
//! ```
//! use tender_core::{files, validate, Tender};
//! let source = r#"
//! id = "T-1"
//! title = "Office suite"
//! buyer = { name = "Aarhus Kommune", country = "DK", kind = "municipality" }
//! procedure = "open"
//! currency = "DKK"
//! languages = ["da", "en"]
//! contract = { duration_months = 48 }
//!
//! [[lots]]
//! id = "L1"
//! title = "Office suite"
//! [lots.award]
//! price_model = { kind = "proportional" }
//! tie_break = ["higher-quality", "drawing-lots"]
//! scale = { min = 0, max = 10, step = 1, descriptors = [
//!   { score = 0, label = "Not answered" }, { score = 10, label = "Excellent" },
//! ] }
//! [[lots.award.criteria]]
//! id = "PRICE"
//! name = "Price"
//! kind = "price"
//! weight = 30
//! [[lots.award.criteria]]
//! id = "Q1"
//! name = "Quality"
//! description = "How well the suite covers the daily work."
//! kind = "quality"
//! weight = 70
//! "#;
//! let tender: Tender = files::parse(source, files::Format::Toml, "tender.toml".as_ref())?;
//! assert!(validate::validate_tender(&tender).is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]
// Input numbers never panic (issue 17): arithmetic on them is checked, and the lint catches an
// unchecked operator; each `allow` says why its operands cannot overflow.
#![deny(clippy::arithmetic_side_effects)]

pub mod award;
pub mod bid;
pub mod common;
pub mod compliance;
pub mod files;
pub mod formula;
pub mod inert;
pub mod measure;
pub mod notice;
pub mod num;
pub mod regulatory;
pub mod requirement;
pub mod schema;
pub mod shares;
pub mod sovereignty;
pub mod standards;
pub mod tender;
pub mod validate;

pub use award::{AwardModel, Criterion, CriterionKind, PriceModel, RoundingPolicy, SubCriterion};
pub use bid::Bid;
pub use common::{Country, Currency, Id, Language, Location, Text};
pub use num::{Money, Percent, Score, Weight};
pub use requirement::{Requirement, Severity};
pub use sovereignty::{Objective, Seal};
pub use tender::{Lot, Tender};
pub use validate::{Level, Problem};
