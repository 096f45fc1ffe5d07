//! The worked example of a lot's evaluation model, computed by the scoring crate.
//!
//! The example is an illustrative copy of the lot: the requirements are left out (so no gate
//! applies), the award model is kept exactly as published, and three illustrative bids are
//! evaluated by [`tender_score::evaluate`]: the lowest price with modest quality, 15 % dearer
//! with better quality, and 40 % dearer with the best quality. Every number the text prints is
//! the evaluation's, so the text cannot drift from the computation.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use tender_core::award::{PriceBasisKind, PriceModel, Scale, Weighting};
use tender_core::bid::{BidPrice, Bidder, ComponentPrice, ConsensusScore, OptionPrice, PriceSchedule, UnitPrice};
use tender_core::measure::{Direction, Measure, MeasureRule, StatedValue};
use tender_core::num::Measurement;
use tender_core::sovereignty::{ObjectiveAssessment, SovereigntyAssessment};
use tender_core::{Bid, Id, Lot, Money, Objective, Score, Seal, Tender};
use tender_score::result::LotEvaluation;

use crate::catalogue::Catalogue;
use crate::checked::{add, div, mul, sub, sum, sum_u32};
use crate::error::TextError;
use crate::markdown::{Doc, id};
use crate::report;

/// The illustrative bids: letter, price in percent of the base price, share of full quality
/// marks in percent, and the SEAL of the sovereignty summary. The first three show the
/// trade-off (cheapest with modest quality, +15 % with good quality, +40 % with the best); a lot
/// awarded to several suppliers gets one bid more than it awards, up to six, so the example
/// shows the cut-off.
const BIDS: [(&str, i64, i64, Seal); 6] = [
    ("A", 100, 60, Seal::Seal2),
    ("B", 115, 80, Seal::Seal3),
    ("C", 140, 90, Seal::Seal3),
    ("D", 108, 70, Seal::Seal2),
    ("E", 125, 85, Seal::Seal3),
    ("F", 160, 95, Seal::Seal3),
];

/// How many illustrative bids a lot gets.
fn bid_count(lot: &Lot) -> usize {
    usize::try_from(lot.suppliers_to_award).unwrap_or(usize::MAX).saturating_add(1).clamp(3, BIDS.len())
}

/// The lowest illustrative price: the lot's estimated value (the tender's for a single lot),
/// else one million; for a fixed price span, a quarter into the span.
fn base_price(tender: &Tender, lot: &Lot) -> Result<Decimal, TextError> {
    if let PriceModel::FixedSpan { low, high } = &lot.award.price_model
        && high.get() > low.get()
    {
        const WHAT: &str = "illustrative price a quarter into the price span";
        let quarter = div(sub(high.get(), low.get(), WHAT)?, Decimal::from(4), WHAT)?;
        return Ok(add(low.get(), quarter, WHAT)?.round_dp(0).max(Decimal::ONE));
    }
    let estimate = lot.estimated_value.or(if tender.lots.len() == 1 { tender.estimated_value } else { None });
    Ok(match estimate {
        Some(v) if v.get() > Decimal::ZERO => v.get().round_dp(0).max(Decimal::ONE),
        _ => Decimal::from(1_000_000),
    })
}

/// `value × percent / 100`, to whole currency units (at least 1).
/// Unit prices that make each basket line an equal part of `price`: the line's unit price is
/// `price / lines / (quantity × weight / 100)`, to the cent.
fn basket_unit_prices(award: &tender_core::AwardModel, price: Decimal) -> Result<Vec<UnitPrice>, TextError> {
    const WHAT: &str = "illustrative unit price";
    let lines = Decimal::from(award.basket.len().max(1));
    let part = div(price, lines, WHAT)?;
    award
        .basket
        .iter()
        .map(|l| {
            let weight = match l.weight {
                Some(w) => div(w.get(), Decimal::ONE_HUNDRED, WHAT)?,
                None => Decimal::ONE,
            };
            let units = mul(l.quantity.get(), weight, WHAT)?;
            let unit = if units > Decimal::ZERO { div(part, units, WHAT)? } else { part };
            Ok(UnitPrice { line: l.id.clone(), price: Money::new(unit.round_dp(2).max(Decimal::new(1, 2))) })
        })
        .collect()
}

fn share(value: Decimal, percent: i64) -> Result<Decimal, TextError> {
    const WHAT: &str = "illustrative price";
    Ok(div(mul(value, Decimal::from(percent), WHAT)?, Decimal::ONE_HUNDRED, WHAT)?.round_dp(0).max(Decimal::ONE))
}

/// The mark at `percent` of a scale, rounded up to the scale's step, within the scale.
fn mark(scale: &Scale, percent: Decimal) -> Result<Decimal, TextError> {
    const WHAT: &str = "illustrative mark on the scale";
    let (min, max) = (scale.min.get(), scale.max.get());
    let range = sub(max, min, WHAT)?;
    let raw = add(min, div(mul(range, percent, WHAT)?, Decimal::ONE_HUNDRED, WHAT)?, WHAT)?;
    let snapped = match scale.step {
        Some(step) if step.get() > Decimal::ZERO => {
            let steps = div(sub(raw, min, WHAT)?, step.get(), WHAT)?.ceil();
            add(min, mul(steps, step.get(), WHAT)?, WHAT)?
        }
        _ => raw.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::AwayFromZero),
    };
    Ok(snapped.min(max).max(min))
}

/// An illustrative value for a measured criterion, `percent` of the way from the worst value the
/// rule scores to the best, within the acceptable range, rounded towards the better value so it
/// never falls short of a band or beyond a zero value.
fn illustrative_value(m: &Measure, percent: Decimal) -> Result<Decimal, TextError> {
    const WHAT: &str = "illustrative measured value";
    let (min, max) = (m.min.map(|x| x.get()), m.max.map(|x| x.get()));
    let (worst, best) = match &m.rule {
        MeasureRule::Linear { full, zero, .. } => (zero.get(), full.get()),
        MeasureRule::Bands { bands, .. } => (
            bands.last().map_or(Decimal::ZERO, |b| b.from.get()),
            bands.first().map_or(Decimal::ZERO, |b| b.from.get()),
        ),
        MeasureRule::Proportional | MeasureRule::Formula { .. } => {
            let lo = min.unwrap_or(Decimal::ONE);
            let hi = match max {
                Some(h) => h,
                None => mul(lo, Decimal::TWO, WHAT)?,
            };
            if m.direction == Direction::HigherIsBetter { (lo, hi) } else { (hi, lo) }
        }
    };
    let step = div(mul(sub(best, worst, WHAT)?, percent, WHAT)?, Decimal::ONE_HUNDRED, WHAT)?;
    let value = add(worst, step, WHAT)?;
    let towards_best = if m.direction == Direction::HigherIsBetter {
        rust_decimal::RoundingStrategy::ToPositiveInfinity
    } else {
        rust_decimal::RoundingStrategy::ToNegativeInfinity
    };
    let mut value = value.round_dp_with_strategy(2, towards_best).normalize();
    if let Some(lo) = min {
        value = value.max(lo);
    }
    if let Some(hi) = max {
        value = value.min(hi);
    }
    Ok(value)
}

/// Builds the illustrative tender and bids for a lot.
fn illustrate(cat: &Catalogue, tender: &Tender, lot: &Lot) -> Result<(Tender, Vec<Bid>), TextError> {
    let mut t = tender.clone();
    t.requirements.clear();
    t.max_lots_awarded_per_bidder = None;
    t.lot_award_order = None;
    let mut l = lot.clone();
    l.requirements.clear();
    t.lots = vec![l];
    let award = &lot.award;
    let base = base_price(tender, lot)?;
    let months = {
        let ext: u32 = if award.price_basis.include_options {
            sum_u32(tender.contract.options.iter().filter_map(|o| o.extension_months), "contract period with options")?
        } else {
            0
        };
        tender.contract.duration_months.saturating_add(ext).max(1)
    };
    let floor_total = award.quality.minimum_total.map_or(Decimal::ZERO, |m| m.get());
    let mut bids = Vec::new();
    for &(letter, factor, quality, seal) in BIDS.iter().take(bid_count(lot)) {
        let price = share(base, factor)?;
        let schedule = if award.price_basis.kind == PriceBasisKind::LifeCycleCost {
            const WHAT: &str = "illustrative recurring price";
            let one_off = share(price, 10)?;
            let recurring =
                div(mul(sub(price, one_off, WHAT)?, Decimal::from(12), WHAT)?, Decimal::from(months), WHAT)?;
            Some(PriceSchedule { one_off: Money::new(one_off), recurring_per_year: Money::new(recurring.round_dp(0)) })
        } else {
            None
        };
        let unit_prices = if award.price_basis.kind == PriceBasisKind::Basket {
            basket_unit_prices(award, price)?
        } else {
            Vec::new()
        };
        // Where price criteria score price components, the price is split evenly between them.
        let components = if award.has_components() {
            const WHAT: &str = "illustrative component price";
            let n = Decimal::from(award.price_components.len().max(1));
            let part = div(price, n, WHAT)?.round_dp(0);
            award
                .price_components
                .iter()
                .map(|c| ComponentPrice { component: c.id.clone(), price: Money::new(part) })
                .collect()
        } else {
            Vec::new()
        };
        let option_price = share(price, 2)?;
        let options = tender
            .contract
            .options
            .iter()
            .map(|o| OptionPrice { option: o.id.clone(), price: Money::new(option_price) })
            .collect();
        let mut consensus = Vec::new();
        let mut sovereignty = None;
        let mut measures = Vec::new();
        for c in award.quality_criteria() {
            if let Some(m) = &c.measure {
                measures.push(StatedValue {
                    criterion: c.id.clone(),
                    value: Measurement::new(illustrative_value(m, Decimal::from(quality))?),
                    evidence: None,
                });
                continue;
            }
            let scale = award.scale_of(c);
            let floor_criterion = match c.minimum_score {
                Some(m) if scale.max.get() > Decimal::ZERO => {
                    const WHAT: &str = "minimum score in percent of the scale";
                    div(mul(m.get(), Decimal::ONE_HUNDRED, WHAT)?, scale.max.get(), WHAT)?
                }
                _ => Decimal::ZERO,
            };
            let percent = Decimal::from(quality).max(floor_total).max(floor_criterion).min(Decimal::ONE_HUNDRED);
            if c.sovereignty.is_some() {
                let points = mul(Decimal::TEN, percent, "illustrative sovereignty points")?.ceil();
                let objectives: BTreeMap<Objective, ObjectiveAssessment> = Objective::ALL
                    .iter()
                    .map(|o| {
                        (
                            *o,
                            ObjectiveAssessment {
                                answers: Vec::new(),
                                seal: Some(seal),
                                points: Some(Score::new(points)),
                            },
                        )
                    })
                    .collect();
                sovereignty = Some(SovereigntyAssessment { objectives, points_out_of: None });
            } else if c.sub_criteria.is_empty() {
                consensus.push(ConsensusScore {
                    criterion: c.id.clone(),
                    score: Score::new(mark(&scale, percent)?),
                    justification: String::new(),
                });
            } else {
                for s in &c.sub_criteria {
                    let sub_scale = s.scale.as_ref().map_or_else(|| scale.clone(), |x| x.resolve());
                    consensus.push(ConsensusScore {
                        criterion: s.id.clone(),
                        score: Score::new(mark(&sub_scale, percent)?),
                        justification: String::new(),
                    });
                }
            }
        }
        bids.push(Bid {
            id: Id::new(letter),
            tender: tender.id.clone(),
            lot: lot.id.clone(),
            bidder: Bidder {
                id: Id::new(letter),
                name: t!(cat, "example-bid", "letter" => letter)?,
                country: tender.buyer.country.clone(),
                sme: None,
                ownership: None,
                consortium: Vec::new(),
                subcontractors: Vec::new(),
            },
            submitted: None,
            price: BidPrice { total: Some(Money::new(price)), schedule, options, unit_prices, components },
            priority: None,
            answers: Vec::new(),
            sovereignty,
            standards: Vec::new(),
            exit: None,
            hosting: None,
            open_source: None,
            measures,
            scores: Vec::new(),
            consensus,
        });
    }
    Ok((t, bids))
}

/// Writes the worked example of a lot.
pub(crate) fn render(cat: &Catalogue, tender: &Tender, lot: &Lot, doc: &mut Doc) -> Result<(), TextError> {
    if lot.award.weighting == Weighting::Order {
        doc.para(&cat.text("example-order-only", &[])?);
        return Ok(());
    }
    let (example_tender, bids) = illustrate(cat, tender, lot)?;
    let evaluation = tender_score::evaluate(&example_tender, &bids)?;
    let Some(result) = evaluation.lots.first() else { return Ok(()) };
    let example_lot = &example_tender.lots[0];
    doc.para(&cat.text("example-intro", &[("count", bids.len().into())])?);
    inputs(cat, &example_tender, example_lot, &bids, doc)?;
    doc.para(&cat.text("example-results", &[])?);
    report::ranking_table(cat, &example_tender, example_lot, result, false, doc)?;
    report::not_ranked_table(cat, &example_tender, example_lot, result, false, doc)?;
    doc.bullets(&report::ties(cat, &example_tender, example_lot, result, false)?);
    let notation = cat.notation()?;
    let mut rounded = false;
    for b in result.bids.iter().filter(|b| b.total.is_some()) {
        doc.para(&t!(cat, "example-derivation", "bid" => crate::markdown::inline(&b.bidder_name))?);
        let lines = report::derivations(cat, &notation, example_lot, result, b)?;
        rounded |= lines.iter().any(|l| l.contains('≈'));
        doc.bullets(&lines);
    }
    if rounded {
        report::shown_rounded_note(cat, result.decimals, doc)?;
    }
    outcome(cat, result, doc)
}

fn inputs(cat: &Catalogue, tender: &Tender, lot: &Lot, bids: &[Bid], doc: &mut Doc) -> Result<(), TextError> {
    let award = &lot.award;
    let lcc = award.price_basis.kind == PriceBasisKind::LifeCycleCost;
    let with_options = award.price_basis.include_options && !tender.contract.options.is_empty();
    let mut header = vec![cat.text("th-bid", &[])?];
    if lcc {
        header.push(cat.text("th-one-off", &[])?);
        header.push(cat.text("th-recurring", &[])?);
    } else {
        header.push(cat.text("th-price", &[])?);
    }
    if with_options {
        header.push(cat.text("th-options", &[])?);
    }
    // One column per scored leaf, and one for a sovereignty summary.
    let mut leaves: Vec<(Id, bool)> = Vec::new();
    for c in award.quality_criteria() {
        if c.sovereignty.is_some() {
            leaves.push((c.id.clone(), true));
        } else if c.sub_criteria.is_empty() {
            leaves.push((c.id.clone(), false));
        } else {
            leaves.extend(c.sub_criteria.iter().map(|s| (s.id.clone(), false)));
        }
    }
    let measured: Vec<&Id> = award.quality_criteria().filter(|c| c.measure.is_some()).map(|c| &c.id).collect();
    leaves.retain(|(leaf, _)| !measured.contains(&leaf));
    for leaf in &measured {
        header.push(t!(cat, "th-stated-value", "criterion" => id(leaf))?);
    }
    for (leaf, sovereignty) in &leaves {
        header.push(if *sovereignty {
            t!(cat, "th-sovereignty-points", "criterion" => id(leaf))?
        } else {
            t!(cat, "th-mark", "criterion" => id(leaf))?
        });
    }
    let mut rows = Vec::new();
    for b in bids {
        let mut row = vec![crate::markdown::cell(&b.bidder.name)];
        match &b.price.schedule {
            Some(s) if lcc => {
                row.push(cat.money(s.one_off.get(), &tender.currency)?);
                row.push(cat.money(s.recurring_per_year.get(), &tender.currency)?);
            }
            _ => row.push(match b.price.total {
                Some(t) => cat.money(t.get(), &tender.currency)?,
                None => "–".to_owned(),
            }),
        }
        if with_options {
            let options = sum(b.price.options.iter().map(|o| o.price.get()), "sum of option prices")?;
            row.push(cat.money(options, &tender.currency)?);
        }
        for leaf in &measured {
            row.push(b.measure(leaf).map_or_else(|| "–".to_owned(), |m| cat.number(m.value.get())));
        }
        for (leaf, sovereignty) in &leaves {
            if *sovereignty {
                let points = b
                    .sovereignty
                    .as_ref()
                    .and_then(|s| s.objectives.get(&Objective::Strategic))
                    .and_then(ObjectiveAssessment::points)
                    .map_or(Decimal::ZERO, |p| p.get());
                row.push(t!(cat, "example-sovereignty-points", "points" => cat.number(points))?);
            } else {
                let score = b.consensus.iter().find(|c| &c.criterion == leaf).map_or(Decimal::ZERO, |c| c.score.get());
                row.push(cat.number(score));
            }
        }
        rows.push(row);
    }
    doc.table(&header, &rows);
    Ok(())
}

fn outcome(cat: &Catalogue, result: &LotEvaluation, doc: &mut Doc) -> Result<(), TextError> {
    let awarded: Vec<String> =
        result.awarded.iter().filter_map(|a| result.bid(a)).map(|b| crate::markdown::inline(&b.bidder_name)).collect();
    if awarded.is_empty() {
        doc.para(&cat.text("example-no-award", &[])?);
    } else {
        doc.para(&t!(cat, "example-outcome", "bids" => cat.list(&awarded)?, "count" => awarded.len())?);
    }
    Ok(())
}
