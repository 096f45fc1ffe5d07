//! Compliance: what a bidder did, or failed to do, that the tender forbids or requires.
//!
//! Problems fall into three kinds, and only the third is the bidder's:
//!
//! 1. **The tender is wrong** (weights that do not sum, a reference to nothing): validation of
//!    the tender reports it and nothing is evaluated.
//! 2. **A file cannot be read as a bid of this tender, or the committee's data is incomplete**
//!    (syntax, an unknown field, another tender's id, a lot that does not exist, a missing mark):
//!    a data-entry mistake, reported as an error by validation.
//! 3. **The bid does not comply with the tender** (a [`Defect`]): the bid is rejected as
//!    non-compliant (Danish: *ukonditionsmæssigt tilbud*) with each reason, and the other bids
//!    are evaluated. Validation reports these at [`crate::validate::Level::Rejection`].
//!
//! A premise or minimum requirement that a bid does not answer, or declares not met, is also a
//! rejection; it is found by the evaluation's gates, which check the answers and the facts
//! together. This module finds the rest, from the bid alone ([`bid_defects`]) or from the bids
//! together ([`defects`]). Nothing here depends on the order of the bids.

use std::borrow::Borrow;
use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::award::PriceBasisKind;
use crate::bid::Bid;
use crate::common::{Date, Id};
use crate::sovereignty::Objective;
use crate::tender::{Lot, OverLimitRule, Tender};

/// One reason a bid is rejected as non-compliant, as data so that each language can word it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Defect {
    /// The bid states no total price.
    NoPrice,
    /// The lot is evaluated on life-cycle cost and the bid has no price schedule.
    NoPriceSchedule,
    /// The lot is evaluated on a price basket and the bid gives no unit price for a line.
    UnitPriceMissing {
        /// The basket line.
        line: Id,
    },
    /// A price component that a price criterion scores is not priced.
    ComponentNotPriced {
        /// The component.
        component: Id,
    },
    /// An option the evaluation includes is not priced.
    OptionNotPriced {
        /// The option.
        option: Id,
    },
    /// The lot sets SEAL minimums or scores sovereignty, and the bid has no self-assessment.
    NoSovereigntyAssessment,
    /// The self-assessment leaves out an objective.
    ObjectiveNotAssessed {
        /// The objective.
        objective: Objective,
    },
    /// The lot scores sovereignty and an objective has a SEAL but no points.
    ObjectivePointsNotStated {
        /// The objective.
        objective: Objective,
    },
    /// The bidder bids for more lots than the tender allows.
    TooManyLots {
        /// The lots the bidder bids for.
        lots: Vec<Id>,
        /// The most the tender allows.
        maximum: u32,
        /// The tender's rule.
        rule: OverLimitRule,
        /// The lots kept by the bidder's order of priority (empty under `reject-all`, or when
        /// the bidder states no usable order).
        kept: Vec<Id>,
    },
    /// The bidder submitted more than one bid for the lot and the tender allows no alternative
    /// offers.
    SecondBidForLot {
        /// The bidder's other bids for the lot.
        others: Vec<Id>,
    },
    /// The bid states no value for a measured criterion.
    MeasureMissing {
        /// The measured criterion.
        criterion: Id,
    },
    /// The value the bid states for a measured criterion is not acceptable: outside the range,
    /// beyond the zero value or short of the last band, where the tender rejects those.
    MeasureNotAcceptable {
        /// The measured criterion.
        criterion: Id,
        /// The value stated.
        value: rust_decimal::Decimal,
        /// Which limit it crosses.
        reason: crate::measure::Rejection,
    },
    /// The bid was received after the submission deadline.
    Late {
        /// When it was received.
        submitted: Date,
        /// The deadline.
        deadline: Date,
    },
}

impl Defect {
    /// Where in the bid file the defect is.
    pub fn path(&self) -> String {
        match self {
            Self::NoPrice => "price.total".into(),
            Self::NoPriceSchedule => "price.schedule".into(),
            Self::OptionNotPriced { .. } => "price.options".into(),
            Self::UnitPriceMissing { .. } => "price.unit_prices".into(),
            Self::ComponentNotPriced { .. } => "price.components".into(),
            Self::NoSovereigntyAssessment => "sovereignty".into(),
            Self::ObjectiveNotAssessed { objective } => format!("sovereignty.objectives.{objective}"),
            Self::ObjectivePointsNotStated { objective } => format!("sovereignty.objectives.{objective}.points"),
            Self::TooManyLots { .. } => "lot".into(),
            Self::SecondBidForLot { .. } => "bidder.id".into(),
            Self::Late { .. } => "submitted".into(),
            Self::MeasureMissing { .. } => "measures".into(),
            Self::MeasureNotAcceptable { criterion, .. } => format!("measures.{criterion}"),
        }
    }

    /// What is wrong, in English (the texts word it in each language from the data).
    pub fn message(&self) -> String {
        match self {
            Self::NoPrice => "the bid states no total price".into(),
            Self::NoPriceSchedule => "the lot is evaluated on life-cycle cost but the bid has no price schedule".into(),
            Self::OptionNotPriced { option } => format!("the option `{option}` is evaluated but not priced"),
            Self::ComponentNotPriced { component } => {
                format!("the bid gives no price for the price component `{component}`")
            }
            Self::UnitPriceMissing { line } => {
                format!("the bid gives no unit price for the price basket's line `{line}`")
            }
            Self::NoSovereigntyAssessment => {
                "the lot sets SEAL minimums or scores sovereignty, but the bid has no sovereignty self-assessment"
                    .into()
            }
            Self::ObjectiveNotAssessed { objective } => {
                format!("the sovereignty self-assessment leaves out {objective} ({})", objective.name())
            }
            Self::ObjectivePointsNotStated { objective } => {
                format!("the lot scores sovereignty, but {objective} ({}) has no points", objective.name())
            }
            Self::TooManyLots { lots, maximum, rule, kept } => {
                let list = join(lots);
                match rule {
                    OverLimitRule::RejectAll => {
                        format!("the bidder bids for {} lots ({list}); the tender allows at most {maximum}", lots.len())
                    }
                    OverLimitRule::KeepByPriority if kept.is_empty() => format!(
                        "the bidder bids for {} lots ({list}); the tender allows at most {maximum}, and the bids state no \
                         complete order of priority",
                        lots.len()
                    ),
                    OverLimitRule::KeepByPriority => format!(
                        "the bidder bids for {} lots ({list}); the tender allows at most {maximum}, and by the bidder's \
                         order of priority only {} are kept",
                        lots.len(),
                        join(kept)
                    ),
                }
            }
            Self::SecondBidForLot { others } => format!(
                "the bidder also submitted {} for this lot, and the tender allows no alternative offers",
                join(others)
            ),
            Self::Late { submitted, deadline } => {
                format!("the bid was received {submitted}, after the submission deadline {deadline}")
            }
            Self::MeasureMissing { criterion } => {
                format!("the bid states no value for the measured criterion `{criterion}`")
            }
            Self::MeasureNotAcceptable { criterion, value, reason } => {
                use crate::measure::Rejection;
                let why = match reason {
                    Rejection::BelowMinimum(l) => format!("below the acceptable minimum {l}"),
                    Rejection::AboveMaximum(l) => format!("above the acceptable maximum {l}"),
                    Rejection::BeyondZero(l) => format!("beyond {l}, where the tender rejects the bid"),
                    Rejection::NoBand(l) => format!("short of the last band ({l}), where the tender rejects the bid"),
                };
                format!("the value {value} stated for `{criterion}` is {why}")
            }
        }
    }
}

fn join(ids: &[Id]) -> String {
    ids.iter().map(Id::as_str).collect::<Vec<_>>().join(", ")
}

/// Whether a lot needs each bid's sovereignty self-assessment: it sets a SEAL minimum as a gate,
/// or scores sovereignty.
pub fn needs_sovereignty(tender: &Tender, lot: &Lot) -> bool {
    tender.requirements_for(lot).any(|r| r.sovereignty.is_some() && r.severity.is_gate())
        || lot.award.criteria.iter().any(|c| c.sovereignty.is_some())
}

/// The defects found in one bid alone, for its lot (none when the lot does not exist: that is a
/// data-entry error, not the bidder's).
pub fn bid_defects(tender: &Tender, bid: &Bid) -> Vec<Defect> {
    let mut out = Vec::new();
    let Some(lot) = tender.lot(&bid.lot) else { return out };
    let basis = lot.award.price_basis;
    // Under a price basket the evaluated price is made of the unit prices, so a missing total
    // takes nothing away from the evaluation; each missing unit price does.
    if basis.kind == PriceBasisKind::Basket {
        for line in &lot.award.basket {
            if !bid.price.unit_prices.iter().any(|u| u.line == line.id) {
                out.push(Defect::UnitPriceMissing { line: line.id.clone() });
            }
        }
    } else if lot.award.has_components() {
        // The price criteria score the components they name; the total is not evaluated.
        let mut named: Vec<&Id> = lot.award.price_criteria().flat_map(|c| &c.components).collect();
        named.sort();
        named.dedup();
        for component in named {
            if !bid.price.components.iter().any(|p| &p.component == component) {
                out.push(Defect::ComponentNotPriced { component: component.clone() });
            }
        }
    } else if bid.price.total.is_none() {
        out.push(Defect::NoPrice);
    }
    if basis.kind == PriceBasisKind::LifeCycleCost && bid.price.schedule.is_none() {
        out.push(Defect::NoPriceSchedule);
    }
    if basis.include_options {
        for o in &tender.contract.options {
            if !bid.price.options.iter().any(|p| p.option == o.id) {
                out.push(Defect::OptionNotPriced { option: o.id.clone() });
            }
        }
    }
    if needs_sovereignty(tender, lot) {
        match &bid.sovereignty {
            None => out.push(Defect::NoSovereigntyAssessment),
            Some(s) => {
                let scored = lot.award.criteria.iter().any(|c| c.sovereignty.is_some());
                for objective in Objective::ALL {
                    match s.objectives.get(&objective) {
                        None => out.push(Defect::ObjectiveNotAssessed { objective }),
                        Some(a) if scored && a.points().is_none() => {
                            out.push(Defect::ObjectivePointsNotStated { objective });
                        }
                        Some(_) => {}
                    }
                }
            }
        }
    }
    for c in &lot.award.criteria {
        let Some(measure) = &c.measure else { continue };
        match bid.measure(&c.id) {
            None => out.push(Defect::MeasureMissing { criterion: c.id.clone() }),
            Some(stated) => {
                if let Some(reason) = measure.rejects(stated.value.get()) {
                    out.push(Defect::MeasureNotAcceptable {
                        criterion: c.id.clone(),
                        value: stated.value.get(),
                        reason,
                    });
                }
            }
        }
    }
    if let (Some(deadline), Some(submitted)) = (tender.submission_deadline, bid.submitted)
        && submitted.is_after(deadline) == Some(true)
    {
        out.push(Defect::Late { submitted, deadline });
    }
    out
}

/// Every bid's defects, in the order of `bids`: each bid's own ([`bid_defects`]) and those that
/// come from the bids together (more lots than allowed, a second bid for a lot).
pub fn defects<B: Borrow<Bid>>(tender: &Tender, bids: &[B]) -> Vec<Vec<Defect>> {
    let bids: Vec<&Bid> = bids.iter().map(Borrow::borrow).collect();
    let bids = bids.as_slice();
    let mut out: Vec<Vec<Defect>> = bids.iter().map(|b| bid_defects(tender, b)).collect();
    // Each bidder's bids, by index, for lots that exist. The groups' order does not matter: each
    // bid's defects come from its own group, in bid order.
    let mut by_bidder: std::collections::HashMap<&str, Vec<usize>> = std::collections::HashMap::new();
    for (i, b) in bids.iter().enumerate() {
        if tender.lot(&b.lot).is_some() {
            by_bidder.entry(b.bidder.id.as_str()).or_default().push(i);
        }
    }
    for indices in by_bidder.values() {
        if !tender.alternative_offers {
            let mut per_lot: BTreeMap<&Id, Vec<usize>> = BTreeMap::new();
            for &i in indices {
                per_lot.entry(&bids[i].lot).or_default().push(i);
            }
            for same in per_lot.values().filter(|v| v.len() > 1) {
                for &i in same {
                    let mut others: Vec<Id> = same.iter().filter(|&&j| j != i).map(|&j| bids[j].id.clone()).collect();
                    others.sort();
                    out[i].push(Defect::SecondBidForLot { others });
                }
            }
        }
        if let Some(maximum) = tender.max_lots_per_bidder {
            let lots: BTreeSet<&Id> = indices.iter().map(|&i| &bids[i].lot).collect();
            let limit = usize::try_from(maximum).unwrap_or(usize::MAX);
            if lots.len() > limit {
                let kept = match tender.over_lot_limit {
                    OverLimitRule::RejectAll => Vec::new(),
                    OverLimitRule::KeepByPriority => kept_by_priority(bids, indices, limit),
                };
                let mut listed: Vec<Id> = lots.into_iter().cloned().collect();
                listed.sort();
                for &i in indices {
                    if !kept.contains(&bids[i].lot) {
                        out[i].push(Defect::TooManyLots {
                            lots: listed.clone(),
                            maximum,
                            rule: tender.over_lot_limit,
                            kept: kept.clone(),
                        });
                    }
                }
            }
        }
    }
    out
}

/// The lots kept by the bidder's order of priority: each lot's priority is the best (lowest)
/// `priority` among the bidder's bids for it. Empty when a bid states none, or two lots share
/// one, since the buyer may not choose for the bidder.
fn kept_by_priority(bids: &[&Bid], indices: &[usize], limit: usize) -> Vec<Id> {
    let mut per_lot: BTreeMap<&Id, u32> = BTreeMap::new();
    for &i in indices {
        let Some(p) = bids[i].priority else { return Vec::new() };
        let e = per_lot.entry(&bids[i].lot).or_insert(p);
        *e = (*e).min(p);
    }
    let mut order: Vec<(u32, &Id)> = per_lot.into_iter().map(|(lot, p)| (p, lot)).collect();
    order.sort();
    if order.windows(2).any(|w| w[0].0 == w[1].0) {
        return Vec::new();
    }
    let mut kept: Vec<Id> = order.into_iter().take(limit).map(|(_, lot)| lot.clone()).collect();
    kept.sort();
    kept
}
