//! The evaluation report: per lot the ranking, every bid's gates, points and derivations, the
//! evaluators' justifications, exclusions, ties, warnings, the rank-reversal check, and a
//! paragraph per bidder fit for the award letter.

use rust_decimal::Decimal;
use tender_core::award::PriceBasisKind;
use tender_core::{Bid, Id, Lot, Tender};
use tender_score::explain;
use tender_score::result::{BidResult, BidStatus, Comparison, LotEvaluation, ScoreBasis, SkipKind};
use tender_score::{Evaluation, Exact};

use crate::catalogue::{Catalogue, Notation};
use crate::error::TextError;
use crate::markdown::{Doc, cell, code, id, inline};
use crate::words;

type Res = Result<(), TextError>;

/// Writes the report.
pub(crate) fn render(
    cat: &Catalogue,
    tender: &Tender,
    bids: &[Bid],
    evaluation: &Evaluation,
) -> Result<Doc, TextError> {
    let mut doc = Doc::default();
    write(cat, tender, bids, evaluation, &mut doc)?;
    Ok(doc)
}

/// Writes the report into `doc`: chapter 1 the summary, then a chapter per lot, then the audit
/// appendix of exact values if a figure is shown rounded. Returns the next chapter's number.
pub(crate) fn write(
    cat: &Catalogue,
    tender: &Tender,
    bids: &[Bid],
    evaluation: &Evaluation,
    doc: &mut Doc,
) -> Result<usize, TextError> {
    if evaluation.tender != tender.id {
        return Err(TextError::OtherTender { evaluation: evaluation.tender.clone(), tender: tender.id.clone() });
    }
    let mut lots = Vec::with_capacity(evaluation.lots.len());
    for e in &evaluation.lots {
        let lot = tender.lot(&e.lot).ok_or_else(|| TextError::UnknownLot { lot: e.lot.clone() })?;
        lots.push((lot, e));
    }
    let lang = cat.lang();
    let notation = cat.notation()?;
    doc.heading(1, &t!(cat, "report-title", "title" => inline(tender.title.get(lang)))?);
    doc.para(&t!(cat, "spec-subtitle", "buyer" => inline(tender.buyer.name.get(lang)), "id" => id(&tender.id))?);
    doc.notice(&cat.text("report-internal", &[])?);
    doc.para(&cat.text("report-intro", &[])?);

    // 1. Summary.
    doc.heading(2, &format!("1. {}", cat.text("report-h-summary", &[])?));
    let header = ["th-lot", "th-title", "th-bids-received", "th-bids-ranked", "th-awarded-to"]
        .iter()
        .map(|k| cat.text(k, &[]))
        .collect::<Result<Vec<_>, _>>()?;
    let mut rows = Vec::new();
    for (lot, e) in &lots {
        let awarded: Vec<String> = e.awarded.iter().map(|a| words::bid_label(e, a)).collect();
        rows.push(vec![
            id(&lot.id),
            cell(lot.title.get(lang)),
            e.bids.len().to_string(),
            e.bids.iter().filter(|b| b.rank.is_some()).count().to_string(),
            if awarded.is_empty() { "–".to_owned() } else { cat.list(&awarded)? },
        ]);
    }
    doc.table(&header, &rows);
    for (kind, key) in [(SkipKind::Unreadable, "report-skipped-intro"), (SkipKind::NotRead, "report-not-read-intro")] {
        let files: Vec<String> = evaluation.skipped.iter().filter(|f| f.kind == kind).map(|f| code(&f.file)).collect();
        if !files.is_empty() {
            doc.para(&cat.text(key, &[("count", files.len().into())])?);
            doc.bullets(&files);
        }
    }
    if !evaluation.warnings.is_empty() {
        doc.para(&cat.text("report-cross-lot-warnings", &[])?);
        let items = evaluation
            .warnings
            .iter()
            .map(|w| words::warning(cat, evaluation, None, w))
            .collect::<Result<Vec<_>, _>>()?;
        doc.bullets(&items);
    }

    for (i, (lot, e)) in lots.iter().enumerate() {
        let n = i.saturating_add(2);
        lot_chapter(cat, &notation, tender, bids, evaluation, doc, lot, e, n)?;
    }
    let next = lots.len().saturating_add(2);
    if crate::audit::write(cat, &notation, tender, &lots, doc, next)? { Ok(next.saturating_add(1)) } else { Ok(next) }
}

#[allow(clippy::too_many_arguments, reason = "the chapter needs the whole context; a struct would only rename it")]
fn lot_chapter(
    cat: &Catalogue,
    notation: &Notation,
    tender: &Tender,
    bids: &[Bid],
    evaluation: &Evaluation,
    doc: &mut Doc,
    lot: &Lot,
    e: &LotEvaluation,
    n: usize,
) -> Res {
    let lang = cat.lang();
    doc.heading(
        2,
        &format!("{n}. {}", t!(cat, "spec-h-lot", "id" => id(&lot.id), "title" => inline(lot.title.get(lang)))?),
    );
    let mut sub = 0_usize;
    let mut next = || {
        sub = sub.saturating_add(1);
        format!("{n}.{sub}")
    };

    // Ranking.
    doc.heading(3, &format!("{} {}", next(), cat.text("report-h-ranking", &[])?));
    let compare = match e.comparison {
        Comparison::HighestTotal => "report-compare-total",
        Comparison::LowestPricePerQualityPoint => "report-compare-ppqp",
        Comparison::LowestEvaluationPrice => "report-compare-evaluation-price",
    };
    doc.para(&words::award_basis_sentence(cat, "report-award-basis", &lot.award)?);
    doc.para(&t!(cat, compare, "model" => words::price_model_name(cat, e.price_model)?)?);
    if let Some((corridor, decision)) = corridor(cat, lot)? {
        doc.para(&t!(cat, "report-corridor", "corridor" => corridor, "decision" => decision)?);
    }
    // A price formula as written; each bid's derivation below computes it with its figures.
    for c in lot.award.price_criteria() {
        if let tender_core::PriceModel::Formula { formula, .. } = lot.award.model_of(c) {
            let written = crate::measured::written(cat, formula).unwrap_or_else(|| formula.clone());
            doc.para(&t!(cat, "report-price-formula", "criterion" => id(&c.id), "formula" => format!("`{written}`"))?);
        }
    }
    doc.para(&match lot.award.price_basis.kind {
        PriceBasisKind::Total => cat.text("report-basis-total", &[])?,
        PriceBasisKind::LifeCycleCost => cat.text("report-basis-lcc", &[])?,
        PriceBasisKind::Basket => cat.text("report-basis-basket", &[])?,
    });
    if let (Some(lo), Some(hi)) = (e.lowest_price, e.highest_price) {
        doc.para(&t!(cat, "report-price-range",
            "lowest" => money_exact(cat, tender, lot, lo)?, "highest" => money_exact(cat, tender, lot, hi)?)?);
    }
    ranking_table(cat, tender, lot, e, true, doc)?;
    not_ranked_table(cat, tender, lot, e, true, doc)?;
    points_chart(cat, tender, lot, e, doc)?;

    // Every bid's SEALs.
    if e.bids.iter().any(|b| b.sovereignty.is_some()) {
        doc.heading(3, &format!("{} {}", next(), cat.text("report-h-seals", &[])?));
        seal_table(cat, e, doc)?;
    }

    // Close calls.
    if !e.close_calls.is_empty() {
        doc.heading(3, &format!("{} {}", next(), cat.text("report-h-close-calls", &[])?));
        doc.para(&cat.text("report-close-calls-intro", &[])?);
        let items = e.close_calls.iter().map(|c| words::close_call(cat, lot, e, c)).collect::<Result<Vec<_>, _>>()?;
        doc.bullets(&items);
    }

    // Ties.
    if !e.ties.is_empty() {
        doc.heading(3, &format!("{} {}", next(), cat.text("report-h-ties", &[])?));
        doc.bullets(&ties(cat, tender, lot, e, true)?);
    }

    // Warnings.
    if !e.warnings.is_empty() {
        doc.heading(3, &format!("{} {}", next(), cat.text("report-h-warnings", &[])?));
        let items = e
            .warnings
            .iter()
            .map(|w| words::warning(cat, evaluation, Some((lot, e)), w))
            .collect::<Result<Vec<_>, _>>()?;
        doc.bullets(&items);
    }

    // Rank reversal.
    if let Some(rr) = &e.rank_reversal {
        doc.heading(3, &format!("{} {}", next(), cat.text("report-h-rank-reversal", &[])?));
        doc.para(&cat.text("report-rank-reversal-intro", &[])?);
        if rr.tried.is_empty() {
            doc.para(&cat.text("report-rank-reversal-none-tried", &[])?);
        } else {
            let tried_count = rr.tried.len();
            let tried = cat.list(&rr.tried.iter().map(|b| words::bid_label(e, b)).collect::<Vec<_>>())?;
            if rr.reversals.is_empty() {
                doc.para(&t!(cat, "report-rank-reversal-none", "tried" => tried, "count" => tried_count)?);
            } else {
                doc.para(&t!(cat, "report-rank-reversal-found", "tried" => tried, "count" => tried_count)?);
                let items = rr
                    .reversals
                    .iter()
                    .map(|r| {
                        t!(cat, "report-rank-reversal-item",
                        "removed" => words::bid_label(e, &r.removed),
                        "now_ahead" => words::bid_label(e, &r.now_ahead),
                        "was_ahead" => words::bid_label(e, &r.was_ahead))
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                doc.bullets(&items);
            }
        }
    }

    // The bids in detail.
    if !e.bids.is_empty() {
        let section = next();
        doc.heading(3, &format!("{section} {}", cat.text("report-h-bids", &[])?));
        // Each bid is found by id once, not by a search per bid (issue 17: rendering grew with the
        // square of the bids).
        let mut by_id: std::collections::HashMap<&Id, &Bid> = std::collections::HashMap::new();
        for bid in bids {
            by_id.entry(&bid.id).or_insert(bid);
        }
        for (k, b) in e.bids.iter().enumerate() {
            let bid = by_id.get(&b.bid).copied();
            bid_section(cat, notation, tender, lot, e, b, bid, doc, &format!("{section}.{}", k.saturating_add(1)))?;
        }
    }

    // Award letters.
    if !e.bids.is_empty() {
        let section = next();
        doc.heading(3, &format!("{section} {}", cat.text("report-h-letters", &[])?));
        doc.para(&cat.text("report-letters-intro", &[])?);
        let outcome = Outcome::of(e);
        for (k, b) in e.bids.iter().enumerate() {
            doc.heading(4, &format!("{section}.{} {}", k.saturating_add(1), words::result_label(b)));
            doc.para(&letter(cat, tender, lot, e, &outcome, b)?);
        }
    }
    Ok(())
}

/// The extended price-per-quality-point method's corridor and decision rule, worded.
fn corridor(cat: &Catalogue, lot: &Lot) -> Result<Option<(String, String)>, TextError> {
    match &lot.award.price_model {
        tender_core::PriceModel::PricePerQualityPoint { corridor: Some(c), decision } => Ok(Some((
            cat.percent(c.get())?,
            cat.text(
                match decision {
                    tender_core::award::CorridorDecision::HigherQuality => "corridor-higher-quality",
                    tender_core::award::CorridorDecision::LowerPrice => "corridor-lower-price",
                },
                &[],
            )?,
        ))),
        _ => Ok(None),
    }
}

/// Whether a bid is in the extended method's corridor (`None` outside that method).
fn in_corridor(b: &BidResult) -> Option<bool> {
    match b.total_derivation.as_deref() {
        Some(tender_score::result::TotalDerivation::PricePerQualityPoint { in_corridor, .. }) => *in_corridor,
        _ => None,
    }
}

/// The ties of a lot and how each was broken.
pub(crate) fn ties(
    cat: &Catalogue,
    tender: &Tender,
    lot: &Lot,
    e: &LotEvaluation,
    with_bid_id: bool,
) -> Result<Vec<String>, TextError> {
    let label = |b: &Id| {
        if with_bid_id { words::bid_label(e, b) } else { e.bid(b).map_or_else(|| id(b), |x| inline(&x.bidder_name)) }
    };
    let mut items = Vec::new();
    for tie in &e.ties {
        let bids_text = cat.list(&tie.bids.iter().map(label).collect::<Vec<_>>())?;
        let value = figure_value(cat, tender, e, tie.value)?;
        items.push(match (&tie.broken_by, tie.resolved) {
            (Some(rule), true) => t!(cat, "report-tie-broken",
                "bids" => bids_text, "value" => value, "rule" => words::tie_break(cat, lot, rule)?)?,
            (Some(rule), false) => t!(cat, "report-tie-partly",
                "bids" => bids_text, "value" => value, "rule" => words::tie_break(cat, lot, rule)?)?,
            (None, _) => t!(cat, "report-tie-unresolved", "bids" => bids_text, "value" => value)?,
        });
    }
    Ok(items)
}

/// An exact amount of money, to the currency's minor units (or the policy's decimals if more).
fn money_exact(cat: &Catalogue, tender: &Tender, lot: &Lot, x: Exact) -> Result<String, TextError> {
    let r = lot.award.rounding;
    let places = tender.currency.minor_units().max(r.decimals);
    let v = x.round(places, r.strategy).unwrap_or_else(|_| x.approx(places));
    cat.money(v, &tender.currency)
}

/// A published comparison figure: points, or money for the ratio models.
fn figure_value(cat: &Catalogue, tender: &Tender, e: &LotEvaluation, value: Decimal) -> Result<String, TextError> {
    match e.comparison {
        Comparison::HighestTotal => Ok(cat.fixed(value, e.decimals)),
        _ => cat.money(value, &tender.currency),
    }
}

/// The ranking table of a lot's ranked bids.
pub(crate) fn ranking_table(
    cat: &Catalogue,
    tender: &Tender,
    lot: &Lot,
    e: &LotEvaluation,
    with_bid_id: bool,
    doc: &mut Doc,
) -> Res {
    let ranked: Vec<&BidResult> = e.bids.iter().filter(|b| b.rank.is_some()).collect();
    if ranked.is_empty() {
        doc.para(&cat.text("report-no-ranked", &[])?);
        return Ok(());
    }
    // The worked example's bids have no bidder apart from the bid: one column, "Bid".
    let mut keys = vec!["th-rank", if with_bid_id { "th-bidder" } else { "th-bid" }];
    if with_bid_id {
        keys.push("th-bid-id");
    }
    keys.push("th-evaluated-price");
    match e.comparison {
        Comparison::HighestTotal => keys.extend(["th-price-points", "th-quality-points", "th-total"]),
        Comparison::LowestPricePerQualityPoint => keys.extend(["th-quality-points", "th-ppqp"]),
        Comparison::LowestEvaluationPrice => keys.extend(["th-quality-points", "th-evaluation-price"]),
    }
    keys.push("th-awarded");
    let header = keys.iter().map(|k| cat.text(k, &[])).collect::<Result<Vec<_>, _>>()?;
    let dash = || "–".to_owned();
    let mut rows = Vec::new();
    for b in ranked {
        let mut row = vec![b.rank.map(|r| r.to_string()).unwrap_or_default(), cell(&b.bidder_name)];
        if with_bid_id {
            row.push(id(&b.bid));
        }
        row.push(match &b.price {
            Some(p) => money_exact(cat, tender, lot, p.evaluated.exact)?,
            None => dash(),
        });
        let quality = b.quality.map_or_else(dash, |q| cat.fixed(q.value, e.decimals));
        let total = match b.total {
            Some(t) => figure_value(cat, tender, e, t.value)?,
            None => dash(),
        };
        match e.comparison {
            Comparison::HighestTotal => {
                let pp = b.price.as_ref().and_then(|p| p.points).map_or_else(dash, |f| cat.fixed(f.value, e.decimals));
                row.extend([pp, quality, total]);
            }
            _ => row.extend([quality, total]),
        }
        row.push(cat.text(
            match (b.awarded, b.passed_over) {
                (true, _) => "yes",
                (false, true) => "no-passed-over",
                (false, false) => "no",
            },
            &[],
        )?);
        rows.push(row);
    }
    doc.table(&header, &rows);
    Ok(())
}

/// The table of a lot's bids that were not ranked, with the reason.
/// Every bid's overall SEAL and each objective's, whether or not a gate uses them.
pub(crate) fn seal_table(cat: &Catalogue, e: &LotEvaluation, doc: &mut Doc) -> Res {
    doc.para(&cat.text("report-seals-intro", &[])?);
    let mut header = vec![cat.text("th-bidder", &[])?, cat.text("th-bid-id", &[])?, cat.text("th-overall-seal", &[])?];
    header.extend(tender_core::Objective::ALL.iter().map(ToString::to_string));
    let mut rows = Vec::new();
    for b in &e.bids {
        let mut row = vec![cell(&b.bidder_name), id(&b.bid)];
        match &b.sovereignty {
            Some(r) => {
                row.push(words::seal_or_none(cat, r.overall)?);
                for (_, s) in &r.objectives {
                    row.push(words::seal_or_none(cat, *s)?);
                }
            }
            None => {
                let none = cat.text("seal-no-assessment", &[])?;
                row.push(none);
                row.extend(std::iter::repeat_n("–".to_owned(), tender_core::Objective::ALL.len()));
            }
        }
        rows.push(row);
    }
    doc.table(&header, &rows);
    Ok(())
}

pub(crate) fn not_ranked_table(
    cat: &Catalogue,
    tender: &Tender,
    lot: &Lot,
    e: &LotEvaluation,
    with_bid_id: bool,
    doc: &mut Doc,
) -> Res {
    let out: Vec<&BidResult> = e.bids.iter().filter(|b| b.rank.is_none()).collect();
    if out.is_empty() {
        return Ok(());
    }
    doc.para(&cat.text("report-not-ranked-intro", &[])?);
    let mut keys = vec![if with_bid_id { "th-bidder" } else { "th-bid" }];
    if with_bid_id {
        keys.push("th-bid-id");
    }
    keys.extend(["th-status", "th-reason"]);
    let header = keys.iter().map(|k| cat.text(k, &[])).collect::<Result<Vec<_>, _>>()?;
    let mut rows = Vec::new();
    for b in out {
        let mut row = vec![cell(&b.bidder_name)];
        if with_bid_id {
            row.push(id(&b.bid));
        }
        row.push(words::status(cat, b.status)?);
        row.push(not_ranked_reason(cat, tender, lot, e, b)?);
        rows.push(row);
    }
    doc.table(&header, &rows);
    Ok(())
}

/// Why a bid was not ranked: its exclusion or the reasons it was rejected.
fn not_ranked_reason(
    cat: &Catalogue,
    tender: &Tender,
    lot: &Lot,
    e: &LotEvaluation,
    b: &BidResult,
) -> Result<String, TextError> {
    Ok(match &b.exclusion {
        Some(x) => words::exclusion(cat, lot, e.decimals, x)?,
        None if b.status == BidStatus::Rejected => words::rejection_reasons(cat, tender, b)?.join(" "),
        None => "–".to_owned(),
    })
}

/// The lot's chart for the HTML edition: every ranked bid's points stacked by criterion, price
/// first, with its total after the bar, and the bids not ranked apart with their reason. Where a
/// ratio model ranks on money, the bars are the quality points (the table above has the money).
fn points_chart(cat: &Catalogue, tender: &Tender, lot: &Lot, e: &LotEvaluation, doc: &mut Doc) -> Res {
    let ranked: Vec<&BidResult> = e.bids.iter().filter(|b| b.rank.is_some()).collect();
    if ranked.is_empty() {
        return Ok(());
    }
    let on_total = e.comparison == Comparison::HighestTotal;
    // Points only: a ratio model's entry for the price is money.
    let points: Vec<Vec<(String, Decimal, bool)>> = ranked
        .iter()
        .map(|b| points_by_criterion(cat, lot, e, b).into_iter().filter(|(_, _, points)| *points).collect())
        .collect();
    // The series: every criterion some bid has points on, in the order they come.
    let mut series: Vec<String> = Vec::new();
    for (label, _, _) in points.iter().flatten() {
        if !series.contains(label) {
            series.push(label.clone());
        }
    }
    let mut bars = Vec::with_capacity(ranked.len());
    let mut rows = Vec::with_capacity(ranked.len());
    let mut max = if on_total { crate::spec::total_weight(&lot.award).unwrap_or(Decimal::ZERO) } else { Decimal::ZERO };
    for (b, pts) in ranked.iter().zip(&points) {
        let label = words::result_label(b);
        let mut segments = Vec::with_capacity(series.len());
        let mut row = vec![label.clone()];
        for s in &series {
            let value = pts.iter().find(|(l, _, _)| l == s).map_or(Decimal::ZERO, |(_, v, _)| *v);
            let shown = cat.fixed(value, e.decimals);
            row.push(shown.clone());
            segments.push((value, shown));
        }
        let shown = if on_total { b.total } else { b.quality };
        let total = match shown {
            Some(t) => {
                max = max.max(t.value);
                cat.fixed(t.value, e.decimals)
            }
            None => "–".to_owned(),
        };
        let sum = segments.iter().try_fold(Decimal::ZERO, |acc, (v, _)| acc.checked_add(*v)).unwrap_or(Decimal::ZERO);
        max = max.max(sum);
        row.push(total.clone());
        rows.push(row);
        bars.push(crate::chart::Bar { label, segments, shown: total });
    }
    let mut header = vec![cat.text("th-bidder", &[])?];
    header.extend(series.iter().cloned());
    header.push(cat.text(if on_total { "th-total" } else { "th-quality-points" }, &[])?);
    let mut apart = Vec::new();
    for b in e.bids.iter().filter(|b| b.rank.is_none()) {
        apart.push(format!(
            "{}: {}. {}",
            words::result_label(b),
            words::status(cat, b.status)?,
            not_ranked_reason(cat, tender, lot, e, b)?
        ));
    }
    doc.chart(crate::chart::Chart {
        title: t!(cat, if on_total { "chart-points-title" } else { "chart-quality-title" }, "lot" => id(&lot.id))?,
        desc: cat.text(if on_total { "chart-points-desc" } else { "chart-quality-desc" }, &[])?,
        kind: crate::chart::Kind::Stacked { series, bars, max },
        header,
        rows,
        apart,
    });
    Ok(())
}

/// One derivation per bullet: each criterion's marks and points, the price and the total.
pub(crate) fn derivations(
    cat: &Catalogue,
    notation: &Notation,
    lot: &Lot,
    e: &LotEvaluation,
    b: &BidResult,
) -> Result<Vec<String>, TextError> {
    let d = e.decimals;
    let mut items = Vec::new();
    let label = |c: &Id| words::criterion_label(cat, lot, c);
    for c in &b.criteria {
        match &c.basis {
            ScoreBasis::Marks(m) => items.push(format!(
                "{}: {}; {}",
                label(&c.criterion),
                code(&explain::explain_marks(m, d, notation)),
                code(&explain::explain_criterion(c, d, notation))
            )),
            ScoreBasis::SubCriteria { subs } => {
                for s in subs {
                    items.push(format!(
                        "{}: {}",
                        label(&s.criterion),
                        code(&explain::explain_marks(&s.marks, d, notation))
                    ));
                }
                items.push(format!("{}: {}", label(&c.criterion), code(&explain::explain_criterion(c, d, notation))));
            }
            ScoreBasis::Measured(m) => {
                let unit = lot
                    .award
                    .criteria
                    .iter()
                    .find(|x| x.id == c.criterion)
                    .and_then(|x| x.measure.as_ref())
                    .map(|x| x.unit.get(cat.lang()).to_owned())
                    .unwrap_or_default();
                let mut stated = t!(cat, "derivation-measured",
                    "criterion" => label(&c.criterion), "value" => cat.number(m.value.normalize()), "unit" => unit)?;
                if let Some(e) = &m.evidence {
                    stated = format!("{stated} ({})", crate::markdown::inline(e));
                }
                items.push(format!("{stated}; {}", code(&explain::explain_criterion(c, d, notation))));
            }
            ScoreBasis::Sovereignty { .. } => {
                let objectives: Vec<String> =
                    explain::explain_sovereignty(c, d, notation).iter().map(|l| code(l)).collect();
                items.push(t!(cat, "derivation-sovereignty",
                    "criterion" => label(&c.criterion), "objectives" => objectives.join("; "))?);
                items.push(format!("{}: {}", label(&c.criterion), code(&explain::explain_criterion(c, d, notation))));
            }
        }
    }
    if let Some(relative) = explain::explain_quality_relative(b, d, notation) {
        items.push(t!(cat, "derivation-quality-relative", "derivation" => code(&relative))?);
    }
    if let Some(p) = &b.price {
        let show_basis = match &p.basis {
            tender_score::result::PriceBasisDetail::Total { options, .. } => !options.is_empty(),
            tender_score::result::PriceBasisDetail::LifeCycleCost { .. }
            | tender_score::result::PriceBasisDetail::Basket { .. } => true,
            // Each price criterion's own price is shown below with its points.
            tender_score::result::PriceBasisDetail::Components { .. } => false,
        };
        if show_basis {
            items.push(
                t!(cat, "derivation-price-basis", "derivation" => code(&explain::explain_price_basis(p, d, notation)))?,
            );
        }
        if b.prices.is_empty()
            && let Some(points) = explain::explain_price_points(p, d, notation)
        {
            let criterion = lot.award.price_criterion().map_or_else(String::new, |c| label(&c.id));
            items.push(t!(cat, "derivation-price-points", "criterion" => criterion, "derivation" => code(&points))?);
        }
    }
    for cp in &b.prices {
        items.push(t!(cat, "derivation-component-price", "criterion" => label(&cp.criterion),
            "derivation" => code(&explain::explain_price_basis(&cp.price, d, notation)))?);
        if let Some(points) = explain::explain_price_points(&cp.price, d, notation) {
            items.push(t!(cat, "derivation-price-points", "criterion" => label(&cp.criterion),
                "derivation" => code(&points))?);
        }
    }
    for line in explain::explain_adjustments(b, d, notation) {
        let (criterion, amount) = line.split_once(": ").unwrap_or(("", line.as_str()));
        items.push(
            t!(cat, "derivation-adjustment", "criterion" => label(&criterion.into()), "derivation" => code(amount))?,
        );
    }
    if let Some(total) = explain::explain_total(b, d, notation) {
        let key = match e.comparison {
            Comparison::HighestTotal => "derivation-total",
            Comparison::LowestPricePerQualityPoint => "derivation-ppqp",
            Comparison::LowestEvaluationPrice => "derivation-evaluation-price",
        };
        items.push(t!(cat, key, "derivation" => code(&total))?);
    }
    if let Some(relative) = explain::explain_total_relative(b, d, notation) {
        items.push(t!(cat, "derivation-total-relative", "derivation" => code(&relative))?);
    }
    Ok(items)
}

#[allow(clippy::too_many_arguments, reason = "the section needs the whole context; a struct would only rename it")]
fn bid_section(
    cat: &Catalogue,
    notation: &Notation,
    tender: &Tender,
    lot: &Lot,
    e: &LotEvaluation,
    b: &BidResult,
    bid: Option<&Bid>,
    doc: &mut Doc,
    number: &str,
) -> Res {
    doc.heading(4, &format!("{number} {}", words::result_label(b)));
    let mut facts = Vec::new();
    if let Some(bid) = bid {
        facts.push(t!(cat, "report-fact-bidder",
            "name" => inline(&bid.bidder.name), "id" => id(&bid.bidder.id),
            "country" => words::country(cat, &bid.bidder.country)?)?);
        if let Some(d) = bid.submitted {
            facts.push(t!(cat, "report-fact-submitted", "date" => cat.date(d)?)?);
        }
    }
    facts.push(match (b.rank, b.awarded, b.passed_over) {
        (Some(r), true, _) => cat.text("report-fact-rank-awarded", &[("rank", r.into())])?,
        (Some(r), false, true) => cat.text("report-fact-rank-passed-over", &[("rank", r.into())])?,
        (Some(r), false, false) => cat.text("report-fact-rank", &[("rank", r.into())])?,
        (None, _, _) => t!(cat, "report-fact-status", "status" => words::status(cat, b.status)?)?,
    });
    if let Some(r) = &b.sovereignty {
        let objectives = r
            .objectives
            .iter()
            .map(|(o, s)| Ok(format!("{o} {}", words::seal_or_none(cat, *s)?)))
            .collect::<Result<Vec<_>, TextError>>()?;
        facts.push(t!(cat, "report-fact-seal",
            "overall" => words::seal_or_none(cat, r.overall)?, "objectives" => objectives.join(", "))?);
    }
    doc.bullets(&facts);

    // Why a bid is rejected as non-compliant.
    if !b.rejection.is_empty() {
        doc.para(&cat.text("report-rejected-intro", &[])?);
        let reasons = b.rejection.iter().map(|d| words::defect(cat, d)).collect::<Result<Vec<_>, _>>()?;
        doc.bullets(&reasons);
    }

    // Gates.
    if !b.gates.is_empty() {
        doc.para(&cat.text("report-gates-intro", &[])?);
        let header = ["th-requirement", "th-severity", "th-result", "th-reason"]
            .iter()
            .map(|k| cat.text(k, &[]))
            .collect::<Result<Vec<_>, _>>()?;
        let mut rows = Vec::new();
        for g in &b.gates {
            let reasons =
                g.reasons.iter().map(|r| words::gate_reason(cat, tender, r)).collect::<Result<Vec<_>, _>>()?;
            rows.push(vec![
                id(&g.requirement),
                words::severity(cat, g.severity)?,
                cat.text(if g.passed { "gate-passed" } else { "gate-failed" }, &[])?,
                if reasons.is_empty() { "–".to_owned() } else { reasons.join(" ") },
            ]);
        }
        doc.table(&header, &rows);
    }

    if let Some(x) = &b.exclusion {
        doc.para(&t!(cat, "report-excluded", "reason" => words::exclusion(cat, lot, e.decimals, x)?)?);
    }

    // Quality points.
    if !b.criteria.is_empty() {
        doc.para(&cat.text("report-criteria-intro", &[])?);
        let header = ["th-criterion", "th-score", "th-weight", "th-points"]
            .iter()
            .map(|k| cat.text(k, &[]))
            .collect::<Result<Vec<_>, _>>()?;
        let mut rows = Vec::new();
        for c in &b.criteria {
            let score = match &c.basis {
                ScoreBasis::Sovereignty { .. } => {
                    cat.percent(c.score.approx(e.decimals.saturating_add(2)).normalize())?
                }
                _ => explain::show(c.score, e.decimals, notation),
            };
            rows.push(vec![
                words::criterion_label(cat, lot, &c.criterion),
                score,
                // As written where it is a fraction or normalised (`3/21 (14,29 %)`); else the
                // figure the points are computed with.
                match lot.award.criteria.iter().find(|x| x.id == c.criterion).filter(|x| {
                    lot.award.weighting == tender_core::award::Weighting::Normalised
                        || x.weight.is_some_and(|w| w.as_fraction().is_some())
                }) {
                    Some(x) => crate::spec::weight_text(cat, &lot.award, x.weight)?,
                    None => explain::show(c.weight, e.decimals, notation),
                },
                cat.fixed(c.points.value, e.decimals),
            ]);
        }
        if let Some(q) = b.quality {
            let mut share = String::new();
            if let Some(p) = b.quality_percent {
                share = t!(cat, "report-quality-share", "percent" => cat.percent(p.value)?)?;
            }
            rows.push(vec![
                cat.text("report-quality-total", &[])?,
                share,
                String::new(),
                cat.fixed(q.value, e.decimals),
            ]);
        }
        doc.table(&header, &rows);
    }
    let lines = derivations(cat, notation, lot, e, b)?;
    if !lines.is_empty() {
        doc.para(&cat.text("report-derivations-intro", &[])?);
        doc.bullets(&lines);
    }
    let scores_rounded = b.criteria.iter().any(|c| !c.score.is_decimal_with(explain::shown_places(e.decimals)));
    if scores_rounded || lines.iter().any(|l| l.contains('≈')) {
        shown_rounded_note(cat, e.decimals, doc)?;
    }

    // The committee's justifications.
    if let Some(bid) = bid {
        justifications(cat, lot, bid, doc)?;
    }
    Ok(())
}

/// The note that figures marked `≈` are shown rounded, with how many decimals.
pub(crate) fn shown_rounded_note(cat: &Catalogue, decimals: u32, doc: &mut Doc) -> Res {
    doc.para(&cat.text("note-shown-rounded", &[("places", explain::shown_places(decimals).into())])?);
    Ok(())
}

/// Whether an id is a scored leaf of the lot (a criterion without sub-criteria, or a
/// sub-criterion).
fn is_leaf(lot: &Lot, leaf: &Id) -> bool {
    lot.award.criteria.iter().any(|c| {
        (&c.id == leaf && c.sub_criteria.is_empty() && c.sovereignty.is_none())
            || c.sub_criteria.iter().any(|s| &s.id == leaf)
    })
}

fn justifications(cat: &Catalogue, lot: &Lot, bid: &Bid, doc: &mut Doc) -> Res {
    let mut rows = Vec::new();
    let consensus = cat.text("term-consensus", &[])?;
    for c in bid.consensus.iter().filter(|c| is_leaf(lot, &c.criterion)) {
        if c.justification.trim().is_empty() {
            continue;
        }
        rows.push(vec![
            words::criterion_label(cat, lot, &c.criterion),
            consensus.clone(),
            cat.number(c.score.get()),
            cell(&c.justification),
        ]);
    }
    for s in bid.scores.iter().filter(|s| is_leaf(lot, &s.criterion)) {
        if s.justification.trim().is_empty() {
            continue;
        }
        rows.push(vec![
            words::criterion_label(cat, lot, &s.criterion),
            id(&s.evaluator),
            cat.number(s.score.get()),
            cell(&s.justification),
        ]);
    }
    if rows.is_empty() {
        return Ok(());
    }
    doc.para(&cat.text("report-justifications-intro", &[])?);
    let header = ["th-criterion", "th-evaluator", "th-score", "th-justification"]
        .iter()
        .map(|k| cat.text(k, &[]))
        .collect::<Result<Vec<_>, _>>()?;
    doc.table(&header, &rows);
    Ok(())
}

/// The points of a bid per criterion, price first, for comparing two bids: `(label, points)`.
fn points_by_criterion(cat: &Catalogue, lot: &Lot, e: &LotEvaluation, b: &BidResult) -> Vec<(String, Decimal, bool)> {
    let mut out = Vec::new();
    match e.comparison {
        Comparison::HighestTotal => {
            if b.prices.is_empty() {
                if let (Some(pc), Some(points)) = (lot.award.price_criterion(), b.price.as_ref().and_then(|p| p.points))
                {
                    out.push((words::criterion_label(cat, lot, &pc.id), points.value, true));
                }
            } else {
                for cp in &b.prices {
                    if let Some(points) = cp.price.points {
                        out.push((words::criterion_label(cat, lot, &cp.criterion), points.value, true));
                    }
                }
            }
        }
        // The ratio models compare on price: lower is better.
        _ => {
            if let Some(p) = &b.price {
                out.push((String::new(), p.evaluated.value, false));
            }
        }
    }
    for c in &b.criteria {
        out.push((words::criterion_label(cat, lot, &c.criterion), c.points.value, true));
    }
    out
}

/// What every award letter of a lot says alike, counted once per lot rather than once per letter.
pub(crate) struct Outcome<'a> {
    ranked: usize,
    winners: Vec<&'a BidResult>,
    winner_names: Vec<String>,
}

impl<'a> Outcome<'a> {
    pub(crate) fn of(e: &'a LotEvaluation) -> Self {
        let ranked = e.bids.iter().filter(|x| x.rank.is_some()).count();
        let winners: Vec<&BidResult> = e.awarded.iter().filter_map(|a| e.bid(a)).collect();
        let winner_names = winners.iter().map(|w| words::result_label(w)).collect();
        Self { ranked, winners, winner_names }
    }
}

/// The paragraph for a bidder's award letter.
pub(crate) fn letter(
    cat: &Catalogue,
    tender: &Tender,
    lot: &Lot,
    e: &LotEvaluation,
    outcome: &Outcome<'_>,
    b: &BidResult,
) -> Result<String, TextError> {
    let lang = cat.lang();
    let ranked = outcome.ranked;
    let winners = &outcome.winners;
    let winner_names = &outcome.winner_names;
    let mut parts = Vec::new();
    parts.push(t!(cat, "letter-to", "bidder" => inline(&b.bidder_name), "lot" => id(&lot.id),
        "title" => inline(lot.title.get(lang)))?);
    parts.push(words::award_basis_sentence(cat, "letter-award-basis", &lot.award)?);
    let figure = |x: &BidResult| -> Result<String, TextError> {
        match x.total {
            Some(t) => figure_value(cat, tender, e, t.value),
            None => Ok("–".to_owned()),
        }
    };
    let own_scores = |x: &BidResult| -> Result<String, TextError> {
        let price = x.price.as_ref().map(|p| money_exact(cat, tender, lot, p.evaluated.exact)).transpose()?;
        let quality = x.quality.map(|q| cat.fixed(q.value, e.decimals));
        let price_points = x.price.as_ref().and_then(|p| p.points).map(|f| cat.fixed(f.value, e.decimals));
        match e.comparison {
            Comparison::HighestTotal => t!(cat, "letter-scores-total",
                "total" => figure(x)?,
                "price_points" => price_points.unwrap_or_else(|| "0".to_owned()),
                "quality" => quality.unwrap_or_else(|| "0".to_owned())),
            Comparison::LowestPricePerQualityPoint => t!(cat, "letter-scores-ppqp",
                "figure" => figure(x)?, "price" => price.unwrap_or_default(), "quality" => quality.unwrap_or_default()),
            Comparison::LowestEvaluationPrice => t!(cat, "letter-scores-evaluation-price",
                "figure" => figure(x)?, "price" => price.unwrap_or_default(), "quality" => quality.unwrap_or_default()),
        }
    };
    match b.rank {
        Some(rank) if b.awarded && winners.len() > 1 => parts.push(cat.text(
            "letter-awarded-shared",
            &[
                ("rank", rank.into()),
                ("ranked", ranked.into()),
                ("scores", own_scores(b)?.into()),
                ("count", winners.len().into()),
                ("bids", cat.list(winner_names)?.into()),
            ],
        )?),
        Some(rank) if b.awarded => parts.push(cat.text(
            "letter-awarded",
            &[("rank", rank.into()), ("ranked", ranked.into()), ("scores", own_scores(b)?.into())],
        )?),
        Some(rank) if b.passed_over => {
            let won: Vec<String> = e
                .warnings
                .iter()
                .find_map(|w| match w {
                    tender_score::result::Warning::PassedOver { bid, won, .. } if bid == &b.bid => {
                        Some(won.iter().map(id).collect())
                    }
                    _ => None,
                })
                .unwrap_or_default();
            parts.push(cat.text(
                "letter-passed-over",
                &[
                    ("rank", rank.into()),
                    ("ranked", ranked.into()),
                    ("scores", own_scores(b)?.into()),
                    ("won", cat.list(&won)?.into()),
                    ("count", won.len().into()),
                ],
            )?);
            if winners.is_empty() {
                parts.push(cat.text("letter-no-award", &[])?);
            } else {
                parts.push(t!(cat, "letter-award-to", "bids" => cat.list(winner_names)?)?);
            }
        }
        Some(rank) => {
            parts.push(cat.text(
                "letter-ranked",
                &[("rank", rank.into()), ("ranked", ranked.into()), ("scores", own_scores(b)?.into())],
            )?);
            // Compare with the lowest-ranked awarded bid: the one this bid would have had to beat.
            match winners.last() {
                Some(w) if winners.len() > 1 => {
                    parts.push(t!(cat, "letter-award-to", "bids" => cat.list(winner_names)?)?);
                    parts.push(t!(cat, "letter-reference-last",
                        "bid" => words::result_label(w), "scores" => own_scores(w)?)?);
                    parts.push(advantages(cat, tender, lot, e, b, w, winners.len())?);
                }
                Some(w) => {
                    parts.push(t!(cat, "letter-reference-winner",
                        "bid" => words::result_label(w), "scores" => own_scores(w)?)?);
                    if let Some((_, decision)) = corridor(cat, lot)? {
                        match (in_corridor(w), in_corridor(b)) {
                            (Some(true), Some(true)) => {
                                parts.push(t!(cat, "letter-corridor-both", "decision" => decision)?)
                            }
                            (Some(true), Some(false)) => parts.push(cat.text("letter-corridor-outside", &[])?),
                            _ => {}
                        }
                    }
                    parts.push(advantages(cat, tender, lot, e, b, w, 1)?);
                }
                None => parts.push(cat.text("letter-no-award", &[])?),
            }
        }
        None if b.status == BidStatus::Rejected => {
            parts.push(cat.text("letter-rejected", &[])?);
            parts.extend(words::rejection_reasons(cat, tender, b)?);
            if winners.is_empty() {
                parts.push(cat.text("letter-no-award", &[])?);
            } else {
                parts.push(t!(cat, "letter-award-to", "bids" => cat.list(winner_names)?)?);
            }
        }
        None => {
            let reason = match &b.exclusion {
                Some(x) => words::exclusion(cat, lot, e.decimals, x)?,
                None => words::status(cat, b.status)?,
            };
            parts.push(t!(cat, "letter-excluded", "reason" => reason)?);
            for g in b.gates.iter().filter(|g| !g.passed) {
                let reasons =
                    g.reasons.iter().map(|r| words::gate_reason(cat, tender, r)).collect::<Result<Vec<_>, _>>()?;
                parts
                    .push(t!(cat, "letter-gate", "requirement" => id(&g.requirement), "reasons" => reasons.join(" "))?);
            }
            if winners.is_empty() {
                parts.push(cat.text("letter-no-award", &[])?);
            } else {
                parts.push(t!(cat, "letter-award-to", "bids" => cat.list(winner_names)?)?);
            }
        }
    }
    Ok(parts.join(" "))
}

/// The winning bid's relative advantages over `b`, and where `b` did better.
#[allow(clippy::too_many_arguments, reason = "the comparison needs both bids and the lot's context")]
fn advantages(
    cat: &Catalogue,
    tender: &Tender,
    lot: &Lot,
    e: &LotEvaluation,
    b: &BidResult,
    w: &BidResult,
    winners: usize,
) -> Result<String, TextError> {
    let ours = points_by_criterion(cat, lot, e, b);
    let theirs = points_by_criterion(cat, lot, e, w);
    let mut better = Vec::new();
    let mut worse = Vec::new();
    for ((label, mine, higher_is_better), (_, other, _)) in ours.iter().zip(&theirs) {
        if mine == other {
            continue;
        }
        let winner_better = if *higher_is_better { other > mine } else { other < mine };
        let item = if *higher_is_better {
            t!(cat, "letter-criterion-points", "criterion" => label.clone(),
                "winner" => cat.fixed(*other, e.decimals), "yours" => cat.fixed(*mine, e.decimals))?
        } else {
            t!(cat, "letter-criterion-price",
                "winner" => cat.money(*other, &tender.currency)?, "yours" => cat.money(*mine, &tender.currency)?)?
        };
        if winner_better {
            better.push(item);
        } else {
            worse.push(item);
        }
    }
    let mut out = if better.is_empty() {
        cat.text("letter-no-advantages", &[])?
    } else {
        t!(cat, "letter-advantages", "list" => better.join("; "), "count" => winners)?
    };
    if !worse.is_empty() {
        out.push(' ');
        out.push_str(&t!(cat, "letter-your-advantages", "list" => worse.join("; "))?);
    }
    Ok(out)
}
