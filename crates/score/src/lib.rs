//! # tender-score: evaluating bids
//!
//! [`evaluate`] is a pure function of a tender and its bids: no IO, no clock, no randomness, and
//! the order of the bids does not matter. Per lot it
//!
//! 1. checks the **gates**: premises and minimum requirements, each passed or failed with its
//!    reasons (an objective's SEAL is the lowest of its answers; the overall SEAL the lowest
//!    objective, never an average);
//! 2. scores **quality**: evaluators' marks aggregated by mean, median or consensus, sub-criteria,
//!    the **sovereignty score** (`Σ points / 1000 × weight` per objective), disagreement flags;
//! 3. applies the **quality thresholds** before price (per criterion, total, `max_pass`);
//! 4. converts **prices** to points or an evaluation price by the tender's price model, on the total
//!    price or the life-cycle cost (see [`price`]);
//! 5. computes the **comparison figure**, ranks, breaks ties by the tender's rules, awards up to
//!    the lot's number of suppliers, and checks whether **rank reversal** actually occurs.
//!
//! [`evaluate_with`] with [`Detail::Figures`] keeps the figures without their derivations and scores
//! quality with an integer kernel; [`Prepared`] splits it in two, reading the bids once (their
//! defects and their marks as small integers) and then evaluating them, for a caller that
//! evaluates the same bids more than once.
//!
//! Every figure is an [`Exact`] rational until the tender's rounding policy rounds it, and every
//! figure keeps what it was derived from; [`explain`] renders a derivation on demand:
//! `30 × 1 000 000 / 1 300 000 = 23.08`.
//!
//! ```
//! let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/eu-sovereign-cloud");
//! let (tender, bids) = tender_core::files::load_case(&dir)?;
//! let evaluation = tender_score::evaluate(&tender, &bids)?;
//! for lot in &evaluation.lots {
//!     for bid in lot.bids.iter().filter(|b| b.awarded) {
//!         let how = tender_score::explain::explain_total(bid, lot.decimals, &tender_score::explain::Plain);
//!         assert!(how.is_some());
//!     }
//! }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod close;
pub mod error;
mod evaluate;
pub mod exact;
pub mod explain;
mod gates;
mod kernel;
mod marks;
pub mod measured;
mod prepare;
pub mod price;
mod quality;
pub mod result;
pub mod weights;

pub use error::{EvaluationError, Issue};
pub use evaluate::{Detail, evaluate, evaluate_with};
pub use exact::Exact;
pub use prepare::Prepared;
pub use result::{BidResult, Evaluation, LotEvaluation};
