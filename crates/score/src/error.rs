//! Why an evaluation could not be completed.

use std::fmt;

use serde::Serialize;
use tender_core::Id;

/// One reason the evaluation cannot be completed, with what would fix it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Issue {
    /// The lot, when the issue is in one.
    pub lot: Option<Id>,
    /// The bid, when the issue is in one.
    pub bid: Option<Id>,
    /// What is wrong.
    pub message: String,
    /// What would fix it.
    pub fix: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(lot) = &self.lot {
            write!(f, "lot {lot}: ")?;
        }
        if let Some(bid) = &self.bid {
            write!(f, "bid {bid}: ")?;
        }
        write!(f, "{}. Fix: {}", self.message, self.fix)
    }
}

/// The evaluation could not be completed; every issue found is listed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
pub struct EvaluationError {
    /// The issues, in lot and bid order.
    pub issues: Vec<Issue>,
}

impl fmt::Display for EvaluationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the evaluation cannot be completed ({} issue{})",
            self.issues.len(),
            if self.issues.len() == 1 { "" } else { "s" }
        )?;
        for issue in &self.issues {
            write!(f, "\n  - {issue}")?;
        }
        Ok(())
    }
}

/// Collects issues while the evaluation goes on, so all are reported at once.
#[derive(Default)]
pub(crate) struct Issues {
    pub(crate) list: Vec<Issue>,
}

impl Issues {
    pub(crate) fn push(
        &mut self,
        lot: Option<&Id>,
        bid: Option<&Id>,
        message: impl Into<String>,
        fix: impl Into<String>,
    ) {
        self.list.push(Issue { lot: lot.cloned(), bid: bid.cloned(), message: message.into(), fix: fix.into() });
    }

    pub(crate) fn overflow(&mut self, lot: Option<&Id>, bid: Option<&Id>, what: &str) {
        self.push(
            lot,
            bid,
            format!("{what}: the numbers are too large to compute exactly"),
            "check the amounts and weights for misplaced digits (amounts are in whole currency units)",
        );
    }
}
