//! The analysis in plain English, as text for the command line.
//!
//! Numbers are written with thin-space thousands and a decimal point (`1 300 000.00`), as
//! `tender_score::explain::Plain` writes them; weights to two decimals (the exact rationals are in
//! the serialised [`crate::Analysis`]). Markdown, in Danish or English, is `tender-text`'s
//! (`tender_text::analysis_appendix`), which escapes every id with the rest of its documents.

use rust_decimal::Decimal;
use tender_score::Exact;
use tender_score::explain::{Notation, Plain};
use tender_score::result::Comparison;

use crate::break_even::Target;
use crate::models::Outcome;
use crate::sensitivity::{Bound, End, Interval, WeightBasis};
use crate::{Analysis, LotAnalysis, Perturbation, Section};

fn num(d: Decimal) -> String {
    Plain.number(d)
}

fn weight(x: Exact) -> String {
    num(x.approx(2).normalize())
}

fn percent(d: Decimal) -> String {
    format!("{} %", (d * Decimal::ONE_HUNDRED).round_dp(2).normalize())
}

fn ids(list: &[tender_core::Id]) -> String {
    if list.is_empty() { "none".to_owned() } else { list.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(", ") }
}

/// Where the sentences go: headings as lines, items indented.
struct Out {
    text: String,
}

impl Out {
    fn push_line(&mut self, line: &str) {
        self.text.push_str(line);
        self.text.push('\n');
    }

    fn title(&mut self, s: &str) {
        self.push_line(s);
    }

    /// A blank line, unless the text already ends with one.
    fn blank(&mut self) {
        if !self.text.ends_with("\n\n") {
            self.text.push('\n');
        }
    }

    fn lot(&mut self, s: &str) {
        self.blank();
        self.push_line(&format!("== {s}"));
    }

    fn section(&mut self, s: &str) {
        self.blank();
        self.push_line(s);
    }

    /// A sentence at the top of a lot, before its sections.
    fn line(&mut self, s: &str) {
        self.push_line(s);
    }

    /// An explanation at the top of a section.
    fn note(&mut self, s: &str) {
        self.push_line(&format!("  {s}"));
    }

    fn item(&mut self, s: &str) {
        self.push_line(&format!("  {s}"));
    }

    fn sub(&mut self, s: &str) {
        self.push_line(&format!("    {s}"));
    }
}

fn skipped<T>(out: &mut Out, section: &Section<T>) -> Option<()> {
    if let Section::Skipped { reason } = section {
        out.note(&format!("Not computed: {reason}."));
        return Some(());
    }
    None
}

fn end_text(b: &Bound, upper: bool) -> String {
    match &b.end {
        End::Limit => {
            if upper {
                "no change up to the whole sum".to_owned()
            } else {
                "no change down to 0".to_owned()
            }
        }
        End::Overtaken { by } => format!("{by} overtakes"),
        End::AwardChanges { leaves, enters } => format!("{enters} replaces {leaves}"),
        End::QualityMinimum { bid } => format!("{bid} crosses the minimum total quality"),
        End::MaxPass { leaves, enters } => format!("{enters} passes the max-pass cut-off instead of {leaves}"),
    }
}

fn interval_text(i: &Interval) -> String {
    format!(
        "from {} ({}) to {} ({})",
        weight(i.low.weight),
        end_text(&i.low, false),
        weight(i.high.weight),
        end_text(&i.high, true)
    )
}

fn sensitivity(out: &mut Out, lot: &LotAnalysis) {
    out.section("Weight sensitivity");
    if skipped(out, &lot.sensitivity).is_some() {
        return;
    }
    let Some(s) = lot.sensitivity.done() else { return };
    let what = match s.basis {
        WeightBasis::Weights => "weight",
        WeightBasis::MoneyValues => "money value",
    };
    out.note(&format!(
        "Each criterion's {what} is moved while the others are rescaled in proportion, so the sum stays {}. Computed on exact, unrounded totals (weight × ratio); rounding at the criterion or total step is ignored.",
        weight(s.total)
    ));
    if !s.agrees_with_evaluation {
        out.note(&format!(
            "Note: on exact totals {} is first (awarded: {}), not as the evaluation ranks them: the evaluation ranks on the published, rounded figures and breaks their ties by the tender's rules. The intervals are for the exact ranking.",
            s.winner,
            ids(&s.awarded)
        ));
    }
    for c in &s.criteria {
        let head = format!("{} (published {}): ", c.criterion, weight(c.weight));
        match (&c.winner, &c.note) {
            (Some(w), _) => out.item(&format!("{head}{} stays first {}.", s.winner, interval_text(w))),
            (None, Some(note)) => out.item(&format!("{head}{note}.")),
            (None, None) => out.item(&format!("{head}no interval.")),
        }
        if let Some(a) = &c.awarded {
            out.sub(&format!("The awarded set ({}) stays {}.", ids(&s.awarded), interval_text(a)));
        }
    }
}

fn break_even(out: &mut Out, lot: &LotAnalysis, currency: &str) {
    out.section("Break-even prices");
    if skipped(out, &lot.break_even).is_some() {
        return;
    }
    let Some(b) = lot.break_even.done() else { return };
    let unit = Decimal::new(1, b.minor_units);
    out.note(&format!(
        "The evaluated price ({currency}) at which a bid would draw level with the bid it must pass, all else unchanged; searched on {} with the tender's rounding{}.",
        num(unit),
        if b.depends_on_other_bids { ", the bid's own price moving the prices the model compares with" } else { "" }
    ));
    if b.bids.is_empty() {
        out.item("Every ranked bid wins.");
    }
    let target = |t: &Target, goal: &str| match t {
        Target::Price { price, reduction, percent, level_with } => format!(
            "{goal} at {} or less ({} lower, {} %), level with {level_with}",
            num(*price),
            num(*reduction),
            percent.normalize()
        ),
        Target::TiedNow { with } => {
            format!("already ties {with} on the published figure; the tie-break ranks it behind")
        }
        Target::CannotWin => format!("cannot {goal} at any positive price (not even at {})", num(unit)),
    };
    for e in &b.bids {
        out.item(&format!("{} (rank {}, price {}): {}.", e.bid, e.rank, num(e.price), target(&e.to_win, "win")));
        if let Some(t) = &e.to_be_awarded {
            out.sub(&format!("To be awarded: {}.", target(t, "be awarded")));
        }
    }
    if !b.values.is_empty() {
        out.note(
            "The stated value on a measurable criterion at which a bid would be first, all else unchanged; searched with a full evaluation at each step.",
        );
        for v in &b.values {
            let what = match v.to_win {
                Some(to) => format!("first at {} (searched on {})", num(to), num(v.step)),
                None => format!("not first even at {}", num(v.limit)),
            };
            out.item(&format!("{} {} (stated {}): {what}.", v.bid, v.criterion, num(v.value)));
        }
    }
}

fn stability(out: &mut Out, lot: &LotAnalysis) {
    out.section("Rank stability");
    if skipped(out, &lot.stability).is_some() {
        return;
    }
    let Some(s) = lot.stability.done() else { return };
    let how = match s.perturbation {
        Perturbation::Dirichlet { concentration } => {
            format!(
                "weights drawn from a Dirichlet distribution around the published ones, concentration {concentration}"
            )
        }
        Perturbation::Uniform { percent } => {
            format!("each weight moved uniformly within ±{percent} % and the weights rescaled to their sum")
        }
    };
    out.note(&format!(
        "{} samples, seed {}, {how} (floating point; the field of ranked bids held fixed).",
        s.samples, s.seed
    ));
    let mut kept = format!(
        "{} stays first in {} of samples (standard error {}).",
        s.winner,
        percent(s.winner_kept.estimate),
        percent(s.winner_kept.standard_error)
    );
    if lot.suppliers_to_award > 1 {
        kept.push_str(&format!(
            " The awarded set stays the same in {} of samples (standard error {}).",
            percent(s.awarded_kept.estimate),
            percent(s.awarded_kept.standard_error)
        ));
    }
    out.note(&kept);
    for b in &s.bids {
        let mut line = format!("{}: wins {} (± {})", b.bid, percent(b.wins.estimate), percent(b.wins.standard_error));
        if lot.suppliers_to_award > 1 {
            line.push_str(&format!(
                ", awarded {} (± {})",
                percent(b.awarded.estimate),
                percent(b.awarded.standard_error)
            ));
        }
        out.item(&line);
    }
}

fn models(out: &mut Out, lot: &LotAnalysis) {
    out.section("Price models and rounding");
    if skipped(out, &lot.price_models).is_some() {
        return;
    }
    let Some(m) = lot.price_models.done() else { return };
    for v in &m.variants {
        match &v.outcome {
            Outcome::Ranked { ranking, awarded, changes_winner, changes_awarded, ties } => {
                let order: Vec<String> = ranking.iter().map(|r| format!("{} {}", r.bid, num(r.figure))).collect();
                let flag = if *changes_winner {
                    " (changes the winner)"
                } else if *changes_awarded {
                    " (changes the awarded set)"
                } else {
                    ""
                };
                let ties = if *ties > 0 {
                    format!(" ({ties} tie{} broken)", if *ties == 1 { "" } else { "s" })
                } else {
                    String::new()
                };
                out.item(&format!("{}: {}; awarded {}{ties}{flag}", v.label, order.join(", "), ids(awarded)));
            }
            Outcome::Failed { reason } => out.item(&format!("{}: not evaluated: {reason}", v.label)),
        }
        for a in &v.assumptions {
            out.sub(&format!("assumed: {a}"));
        }
    }
}

fn reversal(out: &mut Out, lot: &LotAnalysis) {
    out.section("Rank reversal");
    if skipped(out, &lot.rank_reversal).is_some() {
        return;
    }
    let Some(r) = lot.rank_reversal.done() else { return };
    if r.removals.is_empty() {
        out.note(&format!(
            "Removing any one of the {} ranked bids leaves the others in the same order.",
            r.removals_tried
        ));
        return;
    }
    for rm in &r.removals {
        let flips: Vec<String> =
            rm.flips.iter().map(|f| format!("{} overtakes {}", f.now_ahead, f.was_ahead)).collect();
        let mut line = format!(
            "Without {}: {}",
            rm.removed,
            if flips.is_empty() { "no pair flips".to_owned() } else { flips.join("; ") }
        );
        if let Some(w) = &rm.new_winner {
            line.push_str(&format!("; {w} wins"));
        }
        line.push('.');
        out.item(&line);
    }
}

/// The whole analysis as plain-English text, for the command line.
pub fn render_text(analysis: &Analysis) -> String {
    let mut out = Out { text: String::new() };
    out.title(&format!("Robustness analysis of tender {} (amounts in {})", analysis.tender, analysis.currency));
    for lot in &analysis.lots {
        let comparison = match lot.comparison {
            Comparison::HighestTotal => "highest total wins",
            Comparison::LowestPricePerQualityPoint => "lowest price per quality point wins",
            Comparison::LowestEvaluationPrice => "lowest evaluation price wins",
        };
        out.lot(&format!(
            "Lot {}: {} price model, {comparison}, {} supplier{} awarded",
            lot.lot,
            lot.price_model,
            lot.suppliers_to_award,
            if lot.suppliers_to_award == 1 { "" } else { "s" }
        ));
        let mut line = format!("Ranked: {}. Awarded: {}.", ids(&lot.ranked), ids(&lot.awarded));
        if lot.awarded.first().is_some_and(|a| lot.ranked.first() != Some(a)) {
            line.push_str(
                " The award follows the tender's limit on lots per bidder; the analyses below concern this lot's ranking alone.",
            );
        }
        out.line(&line);
        sensitivity(&mut out, lot);
        break_even(&mut out, lot, &analysis.currency);
        stability(&mut out, lot);
        models(&mut out, lot);
        reversal(&mut out, lot);
    }
    out.text
}
