//! # tender-interop: eForms, OCDS and spreadsheets out, spreadsheets of bid prices in
//!
//! Procurement systems speak eForms (EU notices) and OCDS (open contracting data), and bids
//! arrive as spreadsheets. This crate is the boundary between them and the tender model:
//!
//! * [`eforms_award_criteria`]: the award criteria of each lot (eForms BG-707: BT-539, BT-540,
//!   BT-541 with BT-5421/BT-5423, BT-543, BT-733, BT-734) as the UBL XML an eForms notice
//!   carries, checked against the SDK's rules first. See [`eforms`].
//! * [`eforms_notice`]: a complete eForms contract notice (subtype 16, open procedure,
//!   Directive 2014/24/EU), or every mandatory business term the tender lacks with the field
//!   that supplies it. See [`notice`].
//! * [`ocds_release`] and [`ocds_release_package`]: the tender, lots and award criteria, every
//!   bid with its evaluation, and the awards, as an OCDS 1.1 release declaring every extension
//!   it uses, this crate's own bid evaluation extension among them. See [`ocds`].
//! * [`ranking_csv`]: the ranking table, one row per bid and lot, as CSV, bidder text kept from
//!   becoming a formula. See [`ranking`].
//! * [`evaluation_workbook`]: the evaluation as an XLSX workbook with every figure a live Excel
//!   formula over the prices and marks, its stored value the engine's. See [`workbook`].
//! * [`import_prices`] and [`apply_prices`]: bid price schedules from CSV files and XLSX
//!   workbooks, by a declared column [`Mapping`], every amount converted exactly or refused.
//!   See [`import`].
//!
//! The exports are pure functions of their inputs (the OCDS release date is an option; no clock
//! is read); only the import reads files.
//!
//! ```
//! # let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/copenhagen-lots");
//! # let (tender, bids) = tender_core::files::load_case(&dir)?;
//! // The award criteria as eForms XML: one cac:ProcurementProjectLot per lot.
//! let options = tender_interop::EformsOptions::default(); // the tender's languages
//! let xml = tender_interop::eforms_award_criteria(&tender, &options)?.output;
//! assert!(xml.contains(r#"<efbc:ParameterCode listName="number-weight">per-exa</efbc:ParameterCode>"#));
//!
//! // The tender, the bids and their scores as an OCDS release.
//! let evaluation = tender_score::evaluate(&tender, &bids)?;
//! let options = tender_interop::OcdsOptions::new("ocds-a1b2c3-", "2026-11-02T12:00:00Z");
//! let release = tender_interop::ocds_release(&tender, &bids, &evaluation, &options)?.output;
//! assert_eq!(release["ocid"], "ocds-a1b2c3-KK-2026-SAMARBEJDSTJENESTER");
//! assert!(release["bids"]["details"][0]["evaluation"]["total"].is_number());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Award criteria in eForms and OCDS
//!
//! Both exports share one plan of each lot's criteria, checked against the eForms SDK rules
//! (percentage weights sum to 100 per lot; order of importance on every criterion or none, with
//! ranks 1 to n and a justification; BT-543 only when no criterion number is given; a
//! justification BT-733 only with order of importance). Every problem is reported at once, with
//! its place in the tender and a fix.
//!
//! | Model | Criterion number (BT-541) | eForms code | OCDS code |
//! |---|---|---|---|
//! | `weighting = "percent"`, criterion `weight` | the weight | BT-5421 `per-exa` | `percentageExact` |
//! | `weighting = "points"`, criterion `weight` | the weight | BT-5421 `poi-exa` | `pointsExact` |
//! | `weighting = "order"`, criterion `weight` (rank) | the rank | BT-5421 `ord-imp` | `order` |
//! | criterion `minimum_score` | the score | BT-5423 `min-score` | `minimumScore` |
//! | `quality.max_pass` | the number of bids, on the lot's one quality criterion | BT-5423 `max-pass` | `maximumBids` |
//! | `order_justification` | | BT-733 | `orderRationale` |
//!
//! Decisions where the model and the standards differ:
//!
//! * **Formula models.** Under the price-per-quality-point, value-added and percent-adjustment
//!   models the price criterion has no weight, so no per-criterion number can express the
//!   weighting. The SDK forbids BT-543 whenever any BT-541 number is present (BR-BT-00543), so
//!   these lots get no numbers at all, and BT-543 (`weightingDescription`) carries the method:
//!   the price criterion's description, which these models therefore require, followed by one
//!   line per quality criterion (`name: weight %`, the money value under value-added,
//!   `min-score`) and a `max-pass` line.
//! * **Sub-criteria.** eForms and OCDS have no sub-criterion level: a criterion's description
//!   (BT-540) lists its sub-criteria as `name: weight %` lines, the weight being a share of the
//!   criterion.
//! * **Descriptions.** BT-540 is the criterion's `description`. The SDK allows criterion numbers
//!   and the name (BT-734) only on a criterion with a description, so a criterion with neither a
//!   description nor sub-criteria gets its name as description, with a warning.
//! * **`max-pass`** ("only the N best in quality go on to price") is lot-wide in the model but
//!   per criterion in eForms, where it means "the N best on this criterion pass". It is written
//!   on the lot's quality criterion when there is one; with several, no criterion says it, and
//!   the export warns. (On the price criterion it would read "the N cheapest pass".)
//! * **`minimum_total`** (a minimum share of all quality points) has no field in either
//!   standard: under a formula model BT-543 states it; under a points model the export warns.
//!   The model has no fixed price, so BT-5422 is never written.
//! * **Money** in texts (BT-543 under value-added) is written as the language writes it:
//!   `2.400.000,00 kr.`, `DKK 2,400,000.00`.
//! * **Languages.** eForms writes every text once per notice language with the Publications
//!   Office's three-letter code (`DAN`, `ENG`, `FRA`, `DEU`; see [`lang`]). The notice languages
//!   are [`EformsOptions::languages`], by default the tender's; each must be a tender language,
//!   and a per-language text missing one is an error. OCDS carries the main language only.
//!
//! # Numbers from spreadsheets
//!
//! A spreadsheet's numbers are binary floats. [`import`] turns each one into an amount by one
//! rule: the float's shortest round-trip text (exact whenever it has at most 15 significant
//! digits), which must have at most the currency's decimals; anything else is reported with the
//! sheet, row, column and value, never rounded.
#![deny(missing_docs)]
// Input numbers never panic (issue 17): arithmetic on them is checked, and the lint catches an
// unchecked operator.
#![deny(clippy::arithmetic_side_effects)]

mod criteria;
pub mod eforms;
pub mod error;
pub mod import;
pub mod lang;
pub mod marks;
pub mod notice;
pub mod ocds;
pub mod ranking;
mod sheet;
pub mod template;
pub mod workbook;

pub use eforms::{EformsOptions, eforms_award_criteria};
pub use error::{ExportError, ExportProblem, Exported};
pub use import::{BidKey, ImportError, ImportedPrice, Mapping, apply_prices, import_prices};
pub use marks::{ImportedMark, import_marks};
pub use notice::{NoticeOptions, eforms_notice};
pub use ocds::{OcdsOptions, extensions_used, ocds_release, ocds_release_package};
pub use ranking::{RankingRow, ranking_csv, ranking_rows};
pub use template::{marks_workbook, price_sheet_csv, price_sheet_xlsx};
pub use workbook::evaluation_workbook;
