//! The bids' marks as small integers, read once before the competition.
//!
//! Where a lot's quality criteria are plain leaves marked on scales with at most
//! [`MAX_DECIMALS`] decimals ([`decimals`]), every mark is an integer in units of `10^-K` (`K` the
//! most decimals of any scale bound or step). A bid's marks are then one block of
//! `leaves × n` `i32` values, leaf after leaf in the award model's order, each leaf's `n` marks
//! in the order the bid lists them. Where the bid lists its marks in another order, each mark's
//! position among the bid's marks is kept beside it (to name the marks of a disagreement as
//! written); where it lists them leaf after leaf, a mark's position is its place in the block and
//! nothing more is kept. The integer kernel (`kernel.rs`) sums these
//! blocks instead of reading the bids' mark records (72 bytes each) during the evaluation.
//!
//! A bid gets no block (and is scored by the general path) where its marks do not have this
//! shape: a consensus score, criteria marked by different numbers of evaluators, a criterion
//! without a mark (the general path reports it), a mark with more than `K` decimals, or one that
//! does not fit in an `i32`.

use std::borrow::Borrow;
use std::collections::HashMap;

use rust_decimal::Decimal;
use tender_core::award::AwardModel;
use tender_core::shares;
use tender_core::{Bid, Id, Tender};

/// The largest number of decimals a mark may have on the fast path.
pub(crate) const MAX_DECIMALS: u32 = 6;

/// Below this many bids per share, a thread costs more than it saves.
const PARALLEL_FROM_BIDS_PER_THREAD: usize = 512;

/// `K`, the decimals of a lot's integer marks, where its quality criteria are plain leaves
/// marked on scales with at most [`MAX_DECIMALS`] decimals; `None` otherwise.
pub(crate) fn decimals(award: &AwardModel) -> Option<u32> {
    let mut decimals = 0;
    for c in award.quality_criteria() {
        if c.measure.is_some() || c.sovereignty.is_some() || !c.sub_criteria.is_empty() {
            return None;
        }
        let scale = award.scale_of(c);
        decimals = decimals.max(scale.min.get().scale()).max(scale.max.get().scale());
        if let Some(step) = scale.step {
            decimals = decimals.max(step.get().scale());
        }
    }
    (decimals <= MAX_DECIMALS).then_some(decimals)
}

/// A lot's leaves as its bids' blocks lay them out.
struct Layout<'t> {
    lot: &'t Id,
    decimals: u32,
    leaves: Vec<&'t Id>,
    position: HashMap<&'t str, usize>,
}

impl<'t> Layout<'t> {
    fn of(tender: &'t Tender) -> Vec<Self> {
        tender
            .lots
            .iter()
            .filter_map(|lot| {
                let decimals = decimals(&lot.award)?;
                let leaves: Vec<&Id> = lot.award.quality_criteria().map(|c| &c.id).collect();
                let position = leaves.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
                Some(Layout { lot: &lot.id, decimals, leaves, position })
            })
            .collect()
    }

    /// The leaf a mark is on: the current leaf or the next are tried first (marks usually come
    /// grouped and in the award model's order; ids read with the tender's id pool are the
    /// tender's own allocations, compared by address), then the map.
    fn leaf(&self, id: &Id, cursor: usize) -> Option<usize> {
        if self.leaves.get(cursor).is_some_and(|l| l.is_same(id)) {
            Some(cursor)
        } else if self.leaves.get(cursor + 1).is_some_and(|l| l.is_same(id)) {
            Some(cursor + 1)
        } else {
            self.position.get(id.as_str()).copied()
        }
    }
}

/// One bid's marks: `values[leaf × n + k]` is the `k`-th mark on the leaf in units of `10^-K`,
/// `positions[…]` where that mark is among the bid's marks (empty where that is `leaf × n + k`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Marks<'p> {
    pub(crate) values: &'p [i32],
    pub(crate) positions: &'p [u32],
    /// The number of marks on each leaf (at least one).
    pub(crate) n: usize,
    /// `K`.
    pub(crate) decimals: u32,
    /// Whether every mark was written with `K` decimals, so `values[k] × 10^-K` is the mark as
    /// written (`7` and `7.0` are the same mark, written differently).
    pub(crate) as_written: bool,
}

#[derive(Clone, Copy)]
struct Block {
    start: usize,
    end: usize,
    n: usize,
    decimals: u32,
    as_written: bool,
    /// Whether the block holds the marks in the bid's order (no positions kept).
    in_order: bool,
}

/// A contiguous share of the bids, read on one thread.
#[derive(Default)]
struct Share {
    values: Vec<i32>,
    positions: Vec<u32>,
    blocks: Vec<Option<Block>>,
}

/// Every bid's block (in the order of the bids given), or `None` where it has none.
#[derive(Default)]
pub(crate) struct MarkTable {
    /// Bids per share (the last may hold fewer).
    share: usize,
    shares: Vec<Share>,
}

impl MarkTable {
    /// Reads the marks of `bids` for `tender`'s lots, on the machine's cores for many bids.
    pub(crate) fn read<B: Borrow<Bid> + Sync>(tender: &Tender, bids: &[B]) -> Self {
        let layouts = Layout::of(tender);
        if layouts.is_empty() || bids.is_empty() {
            return Self::default();
        }
        let read_share = |chunk: &[B]| {
            let mut out = Share { blocks: Vec::with_capacity(chunk.len()), ..Share::default() };
            let mut scratch = Scratch::default();
            for b in chunk {
                let bid = b.borrow();
                let block = layouts
                    .iter()
                    .find(|l| *l.lot == bid.lot)
                    .and_then(|layout| read_bid(layout, bid, &mut scratch, &mut out));
                if let Some(b) = block
                    && out.blocks.is_empty()
                {
                    // The bids of a lot usually have blocks of one size: room for as many.
                    out.values.reserve((b.end - b.start).saturating_mul(chunk.len()));
                }
                out.blocks.push(block);
            }
            out
        };
        let (share, results) = shares::in_shares(bids, shares::cores(), PARALLEL_FROM_BIDS_PER_THREAD, read_share);
        Self { share, shares: results.into_iter().map(shares::resumed).collect() }
    }

    /// The marks of the `i`-th bid given to [`Self::read`].
    pub(crate) fn get(&self, i: usize) -> Option<Marks<'_>> {
        let s = self.shares.get(i.checked_div(self.share)?)?;
        let b = (*s.blocks.get(i % self.share)?)?;
        Some(Marks {
            values: s.values.get(b.start..b.end)?,
            positions: if b.in_order { &[] } else { s.positions.get(b.start..b.end)? },
            n: b.n,
            decimals: b.decimals,
            as_written: b.as_written,
        })
    }
}

/// Per-thread scratch: each mark's leaf and value in the bid's order, and each leaf's count.
#[derive(Default)]
struct Scratch {
    marks: Vec<(usize, i32, u32)>,
    counts: Vec<usize>,
    fill: Vec<usize>,
}

/// Appends the bid's block to `out`, or leaves `out` as it was and gives `None` (see the module
/// documentation).
fn read_bid(layout: &Layout<'_>, bid: &Bid, scratch: &mut Scratch, out: &mut Share) -> Option<Block> {
    if !bid.consensus.is_empty() || layout.leaves.is_empty() {
        return None;
    }
    let start = out.values.len();
    if let Some(block) = read_in_order(layout, bid, out) {
        return Some(block);
    }
    out.values.truncate(start);
    read_any_order(layout, bid, scratch, out)
}

/// The usual case, in one pass: the marks are listed leaf after leaf in the award model's order,
/// the same number on each, so the block is the marks in the bid's order and a mark's position in
/// the block is its position in the bid (no positions are kept). `None` otherwise, with the
/// values appended so far left for the caller to remove.
fn read_in_order(layout: &Layout<'_>, bid: &Bid, out: &mut Share) -> Option<Block> {
    let leaves = &layout.leaves;
    let start = out.values.len();
    let (mut leaf, mut run, mut n) = (0, 0, 0);
    let mut as_written = true;
    for s in &bid.scores {
        if leaves[leaf].is_same(&s.criterion) {
            run += 1;
        } else if leaves.get(leaf + 1).is_some_and(|l| l.is_same(&s.criterion)) && run > 0 && (n == 0 || run == n) {
            n = run;
            leaf += 1;
            run = 1;
        } else {
            return None;
        }
        let mark = s.score.get();
        // (A negative zero is written `-0`.)
        as_written &= mark.scale() == layout.decimals && !(mark.is_zero() && mark.is_sign_negative());
        out.values.push(i32::try_from(scaled(mark, layout.decimals)?).ok()?);
    }
    if leaf + 1 != leaves.len() || run == 0 || (n != 0 && run != n) {
        return None;
    }
    Some(Block { start, end: out.values.len(), n: run, decimals: layout.decimals, as_written, in_order: true })
}

/// Any other order: each mark's leaf found, then the marks put leaf after leaf, each with its
/// position in the bid.
fn read_any_order(layout: &Layout<'_>, bid: &Bid, scratch: &mut Scratch, out: &mut Share) -> Option<Block> {
    let leaves = layout.leaves.len();
    scratch.marks.clear();
    scratch.counts.clear();
    scratch.counts.resize(leaves, 0);
    let mut cursor = 0;
    let mut as_written = true;
    for (at, s) in bid.scores.iter().enumerate() {
        // A mark on no leaf of the lot is the validation's to report; the kernel ignores it,
        // as the general path does.
        let Some(leaf) = layout.leaf(&s.criterion, cursor) else { continue };
        cursor = leaf;
        let mark = s.score.get();
        as_written &= mark.scale() == layout.decimals && !(mark.is_zero() && mark.is_sign_negative());
        let value = i32::try_from(scaled(mark, layout.decimals)?).ok()?;
        scratch.marks.push((leaf, value, u32::try_from(at).ok()?));
        scratch.counts[leaf] += 1;
    }
    let n = scratch.counts.first().copied()?;
    if n == 0 || scratch.counts.iter().any(|&c| c != n) {
        return None;
    }
    let start = out.values.len();
    let len = leaves.checked_mul(n)?;
    out.values.resize(start + len, 0);
    // Positions are kept beside the values at the same index (none for blocks in order).
    out.positions.resize(start + len, 0);
    scratch.fill.clear();
    scratch.fill.extend((0..leaves).map(|l| start + l * n));
    for &(leaf, value, at) in &scratch.marks {
        let k = scratch.fill[leaf];
        out.values[k] = value;
        out.positions[k] = at;
        scratch.fill[leaf] = k + 1;
    }
    Some(Block { start, end: start + len, n, decimals: layout.decimals, as_written, in_order: false })
}

/// Powers of ten up to `10^MAX_DECIMALS`.
const POW10: [i128; MAX_DECIMALS as usize + 1] = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

/// `value × 10^decimals` as an integer, `None` when `value` has more decimals or does not fit.
#[inline(always)]
pub(crate) fn scaled(value: Decimal, decimals: u32) -> Option<i128> {
    let scale = value.scale();
    if scale == decimals {
        return Some(value.mantissa());
    }
    if scale > decimals {
        // Trailing zeros (2.50 on a scale of one decimal) still fit.
        let normal = value.normalize();
        if normal.scale() > decimals {
            return None;
        }
        return scaled(normal, decimals);
    }
    value.mantissa().checked_mul(*POW10.get(usize::try_from(decimals - scale).ok()?)?)
}
