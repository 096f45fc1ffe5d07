//! The award decision with one letter per bidder: what the bidders receive (udbudsloven § 171,
//! Directive 2014/24/EU art. 55), kept apart from the committee's evaluation report.
//!
//! Per lot: who is awarded the contract, on which statutory basis, and for every bidder a letter
//! with its own placing and scores first, the winning bid's scores and its relative advantages,
//! the standstill period and how to complain. A bidder's letter names no other bidder's marks
//! beyond the winning bid's scores; a rejected or excluded bid's letter gives the rejection and its
//! reasons, never its marks. Nothing of the committee's material is here: no evaluator's marks or
//! justifications, no notes to the committee, no close calls, no rank-reversal check.

use tender_core::Tender;
use tender_score::Evaluation;

use crate::catalogue::Catalogue;
use crate::error::TextError;
use crate::markdown::{Doc, cell, id, inline};
use crate::report::{Outcome, letter};
use crate::words;

/// Writes the award decision and the letters.
pub(crate) fn render(cat: &Catalogue, tender: &Tender, evaluation: &Evaluation) -> Result<Doc, TextError> {
    if evaluation.tender != tender.id {
        return Err(TextError::OtherTender { evaluation: evaluation.tender.clone(), tender: tender.id.clone() });
    }
    let mut lots = Vec::with_capacity(evaluation.lots.len());
    for e in &evaluation.lots {
        let lot = tender.lot(&e.lot).ok_or_else(|| TextError::UnknownLot { lot: e.lot.clone() })?;
        lots.push((lot, e));
    }
    let lang = cat.lang();
    let mut doc = Doc::default();
    doc.heading(1, &t!(cat, "decision-title", "title" => inline(tender.title.get(lang)))?);
    doc.para(&t!(cat, "spec-subtitle", "buyer" => inline(tender.buyer.name.get(lang)), "id" => id(&tender.id))?);
    doc.para(&cat.text("decision-intro", &[])?);

    // 1. The decision.
    doc.heading(2, &format!("1. {}", cat.text("decision-h-decision", &[])?));
    let header = ["th-lot", "th-title", "th-bids-received", "th-awarded-to"]
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
            if awarded.is_empty() { "–".to_owned() } else { cat.list(&awarded)? },
        ]);
    }
    doc.table(&header, &rows);
    for (lot, _) in &lots {
        doc.para(&format!(
            "{} {}",
            t!(cat, "decision-lot", "lot" => id(&lot.id))?,
            words::award_basis_sentence(cat, "report-award-basis", &lot.award)?
        ));
    }
    let standstill = cat.text("letter-standstill", &[])?;
    let complaint = t!(cat, "letter-complaint", "body" => review_body(cat, tender)?)?;
    doc.para(&standstill);

    // A chapter of letters per lot.
    for (i, (lot, e)) in lots.iter().enumerate() {
        let n = i.saturating_add(2);
        doc.heading(
            2,
            &format!(
                "{n}. {}",
                t!(cat, "decision-h-letters", "lot" => id(&lot.id), "title" => inline(lot.title.get(lang)))?
            ),
        );
        if e.bids.is_empty() {
            doc.para(&cat.text("decision-no-bids", &[])?);
            continue;
        }
        let outcome = Outcome::of(e);
        for (k, b) in e.bids.iter().enumerate() {
            doc.heading(3, &format!("{n}.{} {}", k.saturating_add(1), words::result_label(b)));
            doc.para(&letter(cat, tender, lot, e, &outcome, b)?);
            doc.para(&standstill);
            doc.para(&complaint);
        }
    }
    Ok(doc)
}

/// The body complaints go to: the tender's review body with its address, or the catalogue's.
fn review_body(cat: &Catalogue, tender: &Tender) -> Result<String, TextError> {
    match tender.notice.as_ref().and_then(|n| n.review_body.as_ref()) {
        Some(o) => {
            let street = o.address.street.as_deref().map(|s| format!("{}, ", inline(s))).unwrap_or_default();
            Ok(format!(
                "{}, {street}{} {} ({})",
                inline(&o.name),
                inline(&o.address.postal_code),
                inline(&o.address.city),
                inline(&o.email)
            ))
        }
        None => cat.text("review-body-default", &[]),
    }
}
