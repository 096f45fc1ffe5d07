//! The committee report's audit appendix: the exact value of every figure that the report shows
//! rounded (a mean of marks, a criterion's points, the price points, the total), so that an
//! auditor can redo the arithmetic exactly. The one place in a text where a figure is a fraction;
//! everywhere else a figure is a decimal (`tender_score::explain::show`).

use tender_core::{Lot, Tender};
use tender_score::Exact;
use tender_score::explain;
use tender_score::result::{BidResult, Comparison, Figure, LotEvaluation, ScoreBasis};

use crate::catalogue::{Catalogue, Notation};
use crate::error::TextError;
use crate::markdown::{Doc, code, id};
use crate::words;

/// The most decimals an exact value is written with as a decimal rather than a fraction.
const EXACT_PLACES: u32 = 20;

/// Writes the appendix as chapter `n`, if any figure is shown rounded; returns whether it did.
pub(crate) fn write(
    cat: &Catalogue,
    notation: &Notation,
    tender: &Tender,
    lots: &[(&Lot, &LotEvaluation)],
    doc: &mut Doc,
    n: usize,
) -> Result<bool, TextError> {
    let mut rows = Vec::new();
    for (lot, e) in lots {
        for b in &e.bids {
            for (what, value, published) in figures(cat, lot, b)? {
                if value.is_decimal_with(explain::shown_places(e.decimals)) {
                    continue;
                }
                let shown = match published {
                    // A published figure: with the tender's decimals, or money for a ratio model's total.
                    Some((v, true)) if e.comparison != Comparison::HighestTotal => cat.money(v, &tender.currency)?,
                    Some((v, _)) => cat.fixed(v, e.decimals),
                    None => explain::show(value, e.decimals, notation),
                };
                // A terminating decimal is exact as it is; anything else as its fraction.
                let exact = if value.is_decimal_with(EXACT_PLACES) {
                    code(&explain::Notation::number(notation, value.approx(EXACT_PLACES).normalize()))
                } else {
                    code(&value.to_string())
                };
                rows.push(vec![id(&lot.id), words::result_label(b), what, shown, exact]);
            }
        }
    }
    if rows.is_empty() {
        return Ok(false);
    }
    doc.heading(2, &format!("{n}. {}", cat.text("audit-h", &[])?));
    doc.para(&cat.text("audit-intro", &[])?);
    let header = ["th-lot", "th-bid", "audit-th-figure", "audit-th-shown", "audit-th-exact"]
        .iter()
        .map(|k| cat.text(k, &[]))
        .collect::<Result<Vec<_>, _>>()?;
    doc.table(&header, &rows);
    Ok(true)
}

/// A figure of the appendix: what it is, its exact value, and for a published figure its value
/// as published and whether it is the comparison figure.
type Row = (String, Exact, Option<(rust_decimal::Decimal, bool)>);

/// A bid's figures that the report shows, with what they are: each leaf's score (an intermediate
/// figure), each criterion's points, the price points and the comparison figure (published).
fn figures(cat: &Catalogue, lot: &Lot, b: &BidResult) -> Result<Vec<Row>, TextError> {
    let label = |c| words::criterion_label(cat, lot, c);
    let published = |f: Figure, total: bool| Some((f.value, total));
    let mut out = Vec::new();
    for c in &b.criteria {
        match &c.basis {
            ScoreBasis::Marks(m) => {
                out.push((t!(cat, "audit-score", "criterion" => label(&c.criterion))?, m.score, None));
            }
            ScoreBasis::SubCriteria { subs } => {
                for s in subs {
                    out.push((t!(cat, "audit-score", "criterion" => label(&s.criterion))?, s.marks.score, None));
                }
            }
            ScoreBasis::Sovereignty { .. } | ScoreBasis::Measured(_) => {
                out.push((t!(cat, "audit-score", "criterion" => label(&c.criterion))?, c.score, None));
            }
        }
        out.push((
            t!(cat, "audit-points", "criterion" => label(&c.criterion))?,
            c.points.exact,
            published(c.points, false),
        ));
    }
    if let Some(points) = b.price.as_ref().and_then(|p| p.points) {
        out.push((cat.text("audit-price-points", &[])?, points.exact, published(points, false)));
    }
    if let Some(total) = b.total {
        out.push((cat.text("audit-total", &[])?, total.exact, published(total, true)));
    }
    Ok(out)
}
