//! What the evaluation reads of the bids before the competition.
//!
//! [`Prepared`] holds what depends on the bids alone and not on how they compare: each bid's
//! defects (compliance, `tender_core::compliance`) and, for the integer kernel, its marks as
//! small integers (`marks.rs`). [`Prepared::evaluate`] then runs the competition: gates, quality,
//! thresholds, prices, ranking, award and its checks. [`crate::evaluate_with`] does both; a
//! caller that evaluates the same bids more than once (or times the competition alone, as
//! `benches/peers.sh` does against numpy's scoring of arrays it prepared) prepares them once.

use std::borrow::Borrow;

use tender_core::compliance::Defect;
use tender_core::{Bid, Tender};

use crate::error::EvaluationError;
use crate::evaluate::{Detail, Entry};
use crate::marks::MarkTable;
use crate::result::Evaluation;

/// A tender's bids read for evaluation: their defects and, for [`Detail::Figures`], their marks
/// as integers.
pub struct Prepared<'a> {
    tender: &'a Tender,
    bids: Vec<&'a Bid>,
    defects: Vec<Vec<Defect>>,
    marks: MarkTable,
    detail: Detail,
    /// The bids' indices in the order of their ids: the competition does not depend on the order
    /// the bids were given in.
    by_id: Vec<usize>,
    /// Each bid's lot: its index in the tender's lots (`None`: the tender has no such lot).
    lot: Vec<Option<usize>>,
}

impl<'a> Prepared<'a> {
    /// Reads the bids for [`Self::evaluate`] with `detail`: their defects, and with
    /// [`Detail::Figures`] their marks as integers where a lot's rules let the integer kernel
    /// score them. The bids may be given by value or by reference (`&[Bid]` or `&[&Bid]`).
    pub fn new<B: Borrow<Bid> + Sync>(tender: &'a Tender, bids: &'a [B], detail: Detail) -> Self {
        let marks = if detail == Detail::Figures { MarkTable::read(tender, bids) } else { MarkTable::default() };
        let bids: Vec<&Bid> = bids.iter().map(Borrow::borrow).collect();
        let mut by_id: Vec<usize> = (0..bids.len()).collect();
        by_id.sort_by(|&a, &b| bids[a].id.cmp(&bids[b].id));
        let lot = bids.iter().map(|b| tender.lots.iter().position(|l| l.id == b.lot)).collect();
        Self { tender, defects: tender_core::compliance::defects(tender, &bids), bids, marks, detail, by_id, lot }
    }

    /// Evaluates the bids: the result of [`crate::evaluate_with`] with the same tender, bids and
    /// detail.
    ///
    /// # Errors
    /// As [`crate::evaluate`].
    pub fn evaluate(&self) -> Result<Evaluation, EvaluationError> {
        let by_id: Vec<(Entry<'_>, Option<usize>)> = self
            .by_id
            .iter()
            .map(|&i| (Entry { bid: self.bids[i], defects: &self.defects[i], marks: self.marks.get(i) }, self.lot[i]))
            .collect();
        crate::evaluate::evaluate_entries(self.tender, &by_id, self.detail)
    }
}
