//! Rank reversal: which bids, if removed, reorder the others.
//!
//! Every ranked bid is removed in turn and the lot evaluated again by `tender_score::evaluate`;
//! every pair of remaining bids whose order flips is reported, and whether the winner changes.
//! This is exhaustive: it also removes the winner and bids whose removal leaves the lowest and
//! highest price unchanged, which the scoring crate's own targeted check skips because they cannot
//! change a figure. Under a model independent of the other bids it should find nothing, and a
//! finding there would be a defect. A pair the evaluation tied (same rank) is not counted as
//! ordered.

use serde::Serialize;
use tender_core::{Bid, Id, Lot, Tender};

use crate::Reason;

/// The rank-reversal analysis of a lot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RankReversalAnalysis {
    /// How many bids were removed in turn (every ranked bid).
    pub removals_tried: usize,
    /// The removals that reorder others, in the evaluation's rank order of the removed bid.
    pub removals: Vec<Removal>,
}

/// The effect of removing one bid.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Removal {
    /// The bid removed.
    pub removed: Id,
    /// Pairs of other bids whose order flips.
    pub flips: Vec<Flip>,
    /// The winner without the removed bid, when it is not the one it would be by simply moving
    /// everyone up (the first remaining bid of the original ranking).
    pub new_winner: Option<Id>,
}

/// One pair whose order flips.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Flip {
    /// The bid that was ahead with every bid present.
    pub was_ahead: Id,
    /// The bid that is ahead without the removed one.
    pub now_ahead: Id,
}

fn ranks(tender: &Tender, bids: &[Bid]) -> Result<Vec<(Id, u32)>, Reason> {
    let e =
        tender_score::evaluate_with(tender, bids, tender_score::Detail::Figures).map_err(|e| Reason::evaluation(&e))?;
    let lot = e
        .lots
        .first()
        .ok_or_else(|| Reason::EvaluationFailed { bid: None, message: "the evaluation has no lot".to_owned() })?;
    Ok(lot.bids.iter().filter_map(|b| Some((b.bid.clone(), b.rank?))).collect())
}

/// Removes each ranked bid of a lot in turn and reports the pairs of others whose order flips.
///
/// # Errors
/// The [`Reason`] when the lot has more ranked bids than `limit` (each removal evaluates the lot
/// again) or cannot be evaluated.
pub fn rank_reversal(tender: &Tender, lot: &Lot, bids: &[Bid], limit: usize) -> Result<RankReversalAnalysis, Reason> {
    let mut t = tender.clone();
    t.lots = vec![lot.clone()];
    t.lot_groups.clear();
    t.lot_award_order = None;
    t.max_lots_awarded_per_bidder = None;
    let before = ranks(&t, bids)?;
    if before.len() > limit {
        return Err(Reason::TooManyRanked { ranked: before.len(), limit });
    }
    let rank_before = |id: &Id| before.iter().find(|(b, _)| b == id).map(|(_, r)| *r);
    let mut removals = Vec::new();
    for (removed, _) in &before {
        let rest: Vec<Bid> = bids.iter().filter(|b| &b.id != removed).cloned().collect();
        let after = ranks(&t, &rest)?;
        let mut flips = Vec::new();
        for (a, ra) in &after {
            for (b, rb) in &after {
                // a is now strictly ahead of b but was strictly behind.
                if ra < rb
                    && let (Some(pa), Some(pb)) = (rank_before(a), rank_before(b))
                    && pa > pb
                {
                    flips.push(Flip { was_ahead: b.clone(), now_ahead: a.clone() });
                }
            }
        }
        flips.sort_by(|x, y| {
            rank_before(&x.was_ahead).cmp(&rank_before(&y.was_ahead)).then(x.now_ahead.cmp(&y.now_ahead))
        });
        let expected = before.iter().find(|(b, _)| b != removed).map(|(b, _)| b);
        let winner = after.iter().find(|(_, r)| *r == 1).map(|(b, _)| b);
        let new_winner = (winner != expected).then(|| winner.cloned()).flatten();
        if !flips.is_empty() || new_winner.is_some() {
            removals.push(Removal { removed: removed.clone(), flips, new_winner });
        }
    }
    Ok(RankReversalAnalysis { removals_tried: before.len(), removals })
}
