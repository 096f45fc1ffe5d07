//! The text output of `tender evaluate`: per lot a heading, an aligned ranking table, then gate
//! failures with their reasons, exclusions, ties, the rank-reversal check and warnings; with
//! `--explain`, the derivation of every figure.
//!
//! Numbers are shown with the lot's decimals, grouped in thousands as `tender_score::explain`
//! groups them, so the table and the derivations agree digit for digit.

use rust_decimal::Decimal;
use tender_core::award::PriceBasisKind;
use tender_core::{Language, Tender};
use tender_score::explain::{self, Plain};
use tender_score::result::{BidResult, BidStatus, Comparison, ScoreBasis, SkipKind};
use tender_score::{Evaluation, LotEvaluation};

use crate::words;

/// The longest bidder name shown in the table; longer names are cut with `…`.
const BIDDER_WIDTH: usize = 28;

/// Renders the evaluation as text.
pub(crate) fn text(tender: &Tender, evaluation: &Evaluation, explain: bool) -> String {
    let en = Language::en();
    let mut out = String::new();
    let bids: usize = evaluation.lots.iter().map(|l| l.bids.len()).sum();
    out.push_str(&format!("Tender {}: {}\n", tender.id, tender.title.get(&en)));
    out.push_str(&format!("{} in {}\n", count(bids, "bid", "bids"), count(evaluation.lots.len(), "lot", "lots")));
    for (kind, heading) in [
        (
            SkipKind::Unreadable,
            "Not evaluated: these files could not be read as bids of this tender (--skip-unreadable):",
        ),
        (SkipKind::NotRead, "Not read: these files in the bids' directory are not read as bids:"),
    ] {
        let files: Vec<_> = evaluation.skipped.iter().filter(|f| f.kind == kind).collect();
        if files.is_empty() {
            continue;
        }
        out.push_str(&format!("\n{heading}\n"));
        for f in files {
            out.push_str(&format!("  - {}\n", f.file));
            for r in &f.reasons {
                out.push_str(&format!("      {r}\n"));
            }
        }
    }
    for lot in &evaluation.lots {
        out.push('\n');
        lot_text(&mut out, tender, lot, explain);
    }
    if !evaluation.warnings.is_empty() {
        out.push_str("\nAcross lots:\n");
        for w in &evaluation.warnings {
            out.push_str(&format!("  - {}\n", words::warning(w)));
        }
    }
    out
}

fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A figure with exactly `decimals` places, grouped in thousands.
fn num(value: Decimal, decimals: u32) -> String {
    let mut v = value;
    v.rescale(decimals);
    explain::group(v, " ", ".", 5)
}

fn cut(name: &str, width: usize) -> String {
    if name.chars().count() <= width {
        name.to_owned()
    } else {
        let head: String = name.chars().take(width.saturating_sub(1)).collect();
        format!("{head}…")
    }
}

fn lot_text(out: &mut String, tender: &Tender, lot: &LotEvaluation, explain: bool) {
    let en = Language::en();
    let model = tender.lot(&lot.lot);
    let title = model.map(|l| l.title.get(&en).to_owned()).unwrap_or_default();
    out.push_str(&format!("Lot {}: {title}\n", lot.lot));
    if let Some(l) = model {
        let award = &l.award;
        let statutory = match award.basis() {
            tender_core::award::AwardBasis::Price => "price",
            tender_core::award::AwardBasis::Cost => "cost",
            tender_core::award::AwardBasis::BestPriceQualityRatio => "the best price-quality ratio",
        };
        out.push_str(&format!(
            "  Award basis: {statutory} (Directive 2014/24/EU art. 67(2); udbudsloven § 162, stk. 1, nr. {}).\n",
            award.basis().number()
        ));
        let basis = match award.price_basis.kind {
            PriceBasisKind::Total => "the total price",
            PriceBasisKind::LifeCycleCost => "life-cycle cost",
            PriceBasisKind::Basket => "the price schedule (unit prices × expected quantities)",
        };
        let options = if tender.contract.options.is_empty() {
            ""
        } else if award.price_basis.include_options {
            ", options included"
        } else {
            ", options not included"
        };
        if award.has_components() {
            let parts: Vec<String> = award
                .price_criteria()
                .map(|c| {
                    let components: Vec<&str> = c.components.iter().map(tender_core::Id::as_str).collect();
                    format!("{} on {} by {}", c.id, components.join(" + "), words::price_model(award.model_of(c)))
                })
                .collect();
            out.push_str(&format!("  Price criteria: {}; {}.\n", parts.join("; "), words::comparison(lot.comparison)));
        } else {
            out.push_str(&format!(
                "  Price model: {} on {basis}{options}; {}.\n",
                words::price_model(&award.price_model),
                words::comparison(lot.comparison)
            ));
        }
        out.push_str(&format!(
            "  Rounding: {}. Suppliers to award: {}.\n",
            words::rounding(&award.rounding),
            l.suppliers_to_award
        ));
    }
    out.push('\n');
    if lot.bids.is_empty() {
        out.push_str("  No bids.\n");
    } else {
        table(out, tender, lot);
    }
    rejections(out, lot);
    gate_failures(out, lot);
    exclusions(out, lot);
    seal_lines(out, lot);
    if !lot.ties.is_empty() {
        out.push_str("\n  Ties:\n");
        for t in &lot.ties {
            out.push_str(&format!("    - {}\n", words::tie(t, lot.decimals)));
        }
    }
    if let Some(rr) = &lot.rank_reversal {
        out.push('\n');
        if rr.reversals.is_empty() && rr.tried.is_empty() {
            out.push_str(
                "  Rank reversal: cannot occur; no bid that is not awarded sets a reference value of the price model (such as the lowest price), so removing one changes nothing.\n",
            );
        } else if rr.reversals.is_empty() {
            let which = if rr.tried.len() == 1 { "" } else { "any one of " };
            out.push_str(&format!(
                "  Rank reversal: none; removing {which}{} (not awarded) changes no other bid's place.\n",
                words::list(&rr.tried)
            ));
        } else {
            out.push_str("  Rank reversal: removing a bid that is not awarded changes the order of others:\n");
            for r in &rr.reversals {
                out.push_str(&format!("    - without {}, {} moves ahead of {}\n", r.removed, r.now_ahead, r.was_ahead));
            }
        }
    }
    if !lot.close_calls.is_empty() {
        out.push_str("\n  Close call: the award hangs on a hair (run `tender analyze` for the full picture):\n");
        for c in &lot.close_calls {
            out.push_str(&format!("    - {}\n", words::close_call(c, lot.decimals)));
        }
    }
    if !lot.warnings.is_empty() {
        out.push_str("\n  Warnings:\n");
        for w in &lot.warnings {
            out.push_str(&format!("    - {}\n", words::warning(w)));
        }
    }
    if explain {
        explanations(out, lot);
    }
}

fn awarded(b: &BidResult) -> String {
    match b.status {
        BidStatus::Ranked if b.awarded => "yes".to_owned(),
        BidStatus::Ranked if b.passed_over => "no (passed over)".to_owned(),
        BidStatus::Ranked => "no".to_owned(),
        BidStatus::FailedGate => "no (gate)".to_owned(),
        BidStatus::BelowQualityThreshold => "no (quality)".to_owned(),
        BidStatus::NotAmongBestQuality => "no (max pass)".to_owned(),
        BidStatus::Rejected => "no (rejected)".to_owned(),
    }
}

fn table(out: &mut String, tender: &Tender, lot: &LotEvaluation) {
    let d = lot.decimals;
    let points = lot.comparison == Comparison::HighestTotal;
    let dash = || "-".to_owned();
    let mut header: Vec<String> =
        vec!["Rank".into(), "Bid".into(), "Bidder".into(), format!("Price ({})", tender.currency), "Quality".into()];
    if points {
        header.push("Price pts".into());
    }
    header.push(words::comparison_heading(lot.comparison).into());
    // Every bid's overall SEAL, whether or not a gate uses it.
    let seals = lot.bids.iter().any(|b| b.sovereignty.is_some());
    if seals {
        header.push("SEAL".into());
    }
    header.push("Awarded".into());
    // Which columns are numbers (right-aligned).
    let mut right = vec![true, false, false, true, true];
    if points {
        right.push(true);
    }
    right.push(true);
    if seals {
        right.push(false);
    }
    right.push(false);

    let mut rows: Vec<Vec<String>> = vec![header];
    for b in &lot.bids {
        let mut row = vec![
            b.rank.map_or_else(dash, |r| r.to_string()),
            b.bid.to_string(),
            cut(&b.bidder_name, BIDDER_WIDTH),
            b.price.as_ref().map_or_else(dash, |p| num(p.evaluated.value, tender.currency.minor_units())),
            b.quality.map_or_else(dash, |q| num(q.value, d)),
        ];
        if points {
            row.push(b.price.as_ref().and_then(|p| p.points).map_or_else(dash, |p| num(p.value, d)));
        }
        row.push(b.total.map_or_else(dash, |t| num(t.value, d)));
        if seals {
            row.push(match &b.sovereignty {
                Some(r) => r.overall.map_or_else(|| "not stated".to_owned(), |s| s.to_string()),
                None => dash(),
            });
        }
        row.push(awarded(b));
        rows.push(row);
    }
    let widths: Vec<usize> = (0..right.len())
        .map(|c| rows.iter().map(|r| r.get(c).map_or(0, |s| s.chars().count())).max().unwrap_or(0))
        .collect();
    for (i, row) in rows.iter().enumerate() {
        let mut line = String::from(" ");
        for (c, cell) in row.iter().enumerate() {
            let w = widths[c];
            let pad = " ".repeat(w.saturating_sub(cell.chars().count()));
            line.push(' ');
            if right[c] {
                line.push_str(&pad);
                line.push_str(cell);
            } else {
                line.push_str(cell);
                line.push_str(&pad);
            }
            line.push(' ');
        }
        out.push_str(line.trim_end());
        out.push('\n');
        if i == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "-".repeat(*w)).collect();
            out.push_str(&format!("  {}\n", rule.join("  ")));
        }
    }
}

fn rejections(out: &mut String, lot: &LotEvaluation) {
    let rejected: Vec<&BidResult> = lot.bids.iter().filter(|b| !b.rejection.is_empty()).collect();
    if rejected.is_empty() {
        return;
    }
    out.push_str("\n  Rejected as non-compliant:\n");
    for b in rejected {
        out.push_str(&format!("    {} ({})\n", b.bid, b.bidder_name));
        for d in &b.rejection {
            out.push_str(&format!("      - {}\n", d.message()));
        }
    }
}

/// Each objective's SEAL of every bid with a self-assessment, one line a bid.
fn seal_lines(out: &mut String, lot: &LotEvaluation) {
    let with: Vec<&BidResult> = lot.bids.iter().filter(|b| b.sovereignty.is_some()).collect();
    if with.is_empty() {
        return;
    }
    out.push_str("\n  SEAL per objective (overall = lowest):\n");
    let width = with.iter().map(|b| b.bid.as_str().chars().count()).max().unwrap_or(0);
    for b in with {
        let Some(r) = &b.sovereignty else { continue };
        let levels: Vec<String> = r
            .objectives
            .iter()
            .map(|(o, s)| format!("{o} {}", s.map_or_else(|| "not stated".to_owned(), |s| s.to_string())))
            .collect();
        let overall = r.overall.map_or_else(|| "not stated".to_owned(), |s| s.to_string());
        let pad = " ".repeat(width.saturating_sub(b.bid.as_str().chars().count()));
        out.push_str(&format!("    {}{pad}  overall {overall}: {}\n", b.bid, levels.join(", ")));
    }
}

fn gate_failures(out: &mut String, lot: &LotEvaluation) {
    let failed: Vec<&BidResult> = lot.bids.iter().filter(|b| b.gates.iter().any(|g| !g.passed)).collect();
    if failed.is_empty() {
        return;
    }
    out.push_str("\n  Failed premises and minimum requirements:\n");
    for b in failed {
        out.push_str(&format!("    {} ({})\n", b.bid, b.bidder_name));
        for g in b.gates.iter().filter(|g| !g.passed) {
            let reasons: Vec<String> = g.reasons.iter().map(words::gate_reason).collect();
            match reasons.as_slice() {
                [] => out.push_str(&format!("      - {}: not met\n", g.requirement)),
                [one] => out.push_str(&format!("      - {}: {one}\n", g.requirement)),
                many => {
                    out.push_str(&format!("      - {}:\n", g.requirement));
                    for r in many {
                        out.push_str(&format!("          {r}\n"));
                    }
                }
            }
        }
    }
}

fn exclusions(out: &mut String, lot: &LotEvaluation) {
    let excluded: Vec<&BidResult> = lot
        .bids
        .iter()
        .filter(|b| !matches!(b.status, BidStatus::Ranked | BidStatus::FailedGate | BidStatus::Rejected))
        .collect();
    if excluded.is_empty() {
        return;
    }
    out.push_str("\n  Excluded before price:\n");
    for b in excluded {
        let why = b.exclusion.as_ref().map_or_else(|| "excluded".to_owned(), words::exclusion);
        out.push_str(&format!("    - {} ({}): {why}\n", b.bid, b.bidder_name));
    }
}

fn explanations(out: &mut String, lot: &LotEvaluation) {
    let d = lot.decimals;
    let n = &Plain;
    out.push_str("\n  How each figure was computed:\n");
    let mut rounded = false;
    for b in &lot.bids {
        let mut lines: Vec<(usize, String, String)> = Vec::new();
        if let Some(p) = &b.price {
            lines.push((0, "price".into(), explain::explain_price_basis(p, d, n)));
            if let Some(points) = explain::explain_price_points(p, d, n).filter(|_| b.prices.is_empty()) {
                lines.push((0, "price points".into(), points));
            }
        }
        for cp in &b.prices {
            lines.push((0, cp.criterion.to_string(), explain::explain_price_basis(&cp.price, d, n)));
            if let Some(points) = explain::explain_price_points(&cp.price, d, n) {
                lines.push((1, "points".into(), points));
            }
        }
        for c in &b.criteria {
            lines.push((0, c.criterion.to_string(), explain::explain_criterion(c, d, n)));
            match &c.basis {
                ScoreBasis::Marks(m) => lines.push((1, "score".into(), explain::explain_marks(m, d, n))),
                ScoreBasis::SubCriteria { subs } => {
                    for s in subs {
                        lines.push((1, s.criterion.to_string(), explain::explain_marks(&s.marks, d, n)));
                    }
                }
                ScoreBasis::Measured(m) => {
                    let mut stated = tender_score::explain::Notation::number(n, m.value.normalize());
                    if let Some(e) = &m.evidence {
                        stated = format!("{stated} ({})", tender_core::inert::inert(e));
                    }
                    lines.push((1, "stated value".into(), stated));
                }
                ScoreBasis::Sovereignty { .. } => {
                    for line in explain::explain_sovereignty(c, d, n) {
                        let (label, rest) = line.split_once(": ").unwrap_or(("", line.as_str()));
                        lines.push((1, label.to_owned(), rest.to_owned()));
                    }
                }
            }
        }
        for line in explain::explain_adjustments(b, d, n) {
            let (label, rest) = line.split_once(": ").unwrap_or(("", line.as_str()));
            lines.push((0, format!("{label} adjustment"), rest.to_owned()));
        }
        if let Some(total) = explain::explain_total(b, d, n) {
            lines.push((0, words::comparison_heading(lot.comparison).to_lowercase(), total));
        }
        if let Some(relative) = explain::explain_total_relative(b, d, n) {
            lines.push((0, "relative to the best total".into(), relative));
        }
        out.push_str(&format!("    {} ({})\n", b.bid, b.bidder_name));
        if b.status == BidStatus::Rejected {
            out.push_str("      rejected as non-compliant: takes no rank and sets no reference value; as submitted:\n");
        }
        if lines.is_empty() {
            let why = if b.status == BidStatus::Rejected {
                "not scored: the bid is rejected as non-compliant"
            } else {
                "not scored: the bid failed a premise or minimum requirement"
            };
            out.push_str(&format!("      {why}\n"));
            continue;
        }
        let width = lines.iter().map(|(indent, label, _)| indent * 2 + label.chars().count()).max().unwrap_or(0);
        rounded |= lines.iter().any(|(_, _, text)| text.contains('≈'));
        for (indent, label, text) in lines {
            let lead = " ".repeat(indent * 2);
            let pad = " ".repeat(width.saturating_sub(indent * 2 + label.chars().count()));
            out.push_str(&format!("      {lead}{label}{pad}  {text}\n"));
        }
    }
    if rounded {
        out.push_str(&format!(
            "    (≈: shown rounded to {} decimals; the calculation uses the exact value, which --format json gives)\n",
            explain::shown_places(d)
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_the_lots_decimals() {
        assert_eq!(num(Decimal::new(1_648_000, 0), 2), "1 648 000.00");
        assert_eq!(num(Decimal::new(2308, 2), 2), "23.08");
        assert_eq!(num(Decimal::new(15, 0), 0), "15");
        assert_eq!(num(Decimal::new(-5, 1), 2), "-0.50");
    }

    #[test]
    fn long_names_are_cut() {
        assert_eq!(cut("Ardennia Cloud Consortium SA/NV", 10), "Ardennia …");
        assert_eq!(cut("Kastell", 10), "Kastell");
    }
}
