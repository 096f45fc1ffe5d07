//! The evaluation's findings in plain English: why a gate failed, why a bid stopped, what a
//! warning means, how a tie was broken.
//!
//! The evaluation keeps these as data so each language can word them; this is the command line's
//! English wording. The tender texts in other languages come from `tender-text`.

use rust_decimal::Decimal;
use tender_core::award::{AdjustMode, CorridorDecision, PriceModel, RoundingStep, TieBreakRule};
use tender_core::requirement::{CodeRights, ExitAssistance, HostingModel};
use tender_core::{Location, Seal};
use tender_score::result::{Comparison, Exclusion, GateReason, Tie, Warning};

/// A list of ids: `A`, `A and B`, `A, B and C`.
pub(crate) fn list<T: std::fmt::Display>(items: &[T]) -> String {
    let words: Vec<String> = items.iter().map(ToString::to_string).collect();
    match words.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn number(d: Decimal) -> String {
    d.normalize().to_string()
}

fn hosting(m: HostingModel) -> &'static str {
    match m {
        HostingModel::BuyerPremises => "on the buyer's own premises",
        HostingModel::BuyerDataCentre => "in the buyer's own data centre",
        HostingModel::SupplierDataCentreDk => "in the supplier's data centre in Denmark",
        HostingModel::SupplierDataCentreEu => "in the supplier's data centre in an EU country",
        HostingModel::GovernmentCloud => "in a government cloud",
        HostingModel::EuCloud => "in an EU-controlled cloud",
        HostingModel::PublicCloud => "in a public cloud",
        HostingModel::Hybrid => "hybrid",
    }
}

fn assistance(a: ExitAssistance) -> &'static str {
    match a {
        ExitAssistance::Included => "included in the price",
        ExitAssistance::Paid => "paid at the bid's rates",
    }
}

fn rights(r: CodeRights) -> &'static str {
    match r {
        CodeRights::Licence => "a licence to use",
        CodeRights::ExtendedRightOfUse => "an extended right of use",
        CodeRights::Ownership => "ownership",
    }
}

fn seal(s: Option<Seal>) -> String {
    s.map_or_else(|| "not stated".to_owned(), |s| s.to_string())
}

fn offered<T: std::fmt::Display>(o: Option<T>, unit: &str) -> String {
    o.map_or_else(|| "none stated".to_owned(), |v| format!("{v} {unit}"))
}

fn place(l: Option<&Location>, what: &str) -> String {
    l.map_or_else(|| format!("no {what} is stated"), |l| format!("{l} is not allowed"))
}

/// Why a premise or minimum requirement failed.
pub(crate) fn gate_reason(r: &GateReason) -> String {
    match r {
        GateReason::NotAnswered => "not answered".to_owned(),
        GateReason::DeclaredNotMet => "the bidder declares it not met".to_owned(),
        GateReason::NoSovereigntyAssessment => "no sovereignty assessment".to_owned(),
        GateReason::ObjectiveSealBelowMinimum { objective, seal: None, minimum } => {
            format!("SEAL not stated for {objective} ({}); the minimum is {minimum}", objective.name())
        }
        GateReason::ObjectiveSealBelowMinimum { objective, seal: s, minimum } => {
            format!("{objective} ({}) is {}, below the minimum {minimum}", objective.name(), seal(*s))
        }
        GateReason::OverallSealBelowMinimum { seal: None, minimum } => {
            format!(
                "the overall SEAL cannot be determined (SEAL not stated for every objective); the minimum is {minimum}"
            )
        }
        GateReason::OverallSealBelowMinimum { seal: s, minimum } => {
            format!("the overall SEAL is {}, below the minimum {minimum}", seal(*s))
        }
        GateReason::StandardNotSupported { standard } => format!("the standard {standard} is not supported"),
        GateReason::NoExitPlan => "no exit plan".to_owned(),
        GateReason::ExitHorizonTooLong { offered: o, maximum } => {
            format!("exit horizon {}, more than the {maximum} months allowed", offered(*o, "months"))
        }
        GateReason::ExportFormatMissing { standard } => format!("data cannot be exported as {standard}"),
        GateReason::ExitAssistance { offered: o, required } => {
            format!("exit assistance {}, required {}", o.map_or("not offered", assistance), assistance(*required))
        }
        GateReason::NoticeTooLong { offered: o, maximum } => {
            format!("notice period {}, more than the {maximum} months allowed", offered(*o, "months"))
        }
        GateReason::TransitionTooLong { offered: o, maximum } => {
            format!("transition period {}, more than the {maximum} days allowed", offered(*o, "days"))
        }
        GateReason::RetrievalTooShort { offered: o, minimum } => {
            format!("data retrieval period {}, less than the {minimum} days required", offered(*o, "days"))
        }
        GateReason::SwitchingCharges => "switching charges apply".to_owned(),
        GateReason::EgressCharges => "egress charges apply".to_owned(),
        GateReason::NoDocumentationHandover => "documentation is not handed over".to_owned(),
        GateReason::NoCodeHandover => "customer-specific code is not handed over".to_owned(),
        GateReason::NoExitOffer => "no exit terms stated".to_owned(),
        GateReason::NoHostingOffer => "no hosting stated".to_owned(),
        GateReason::HostingModelNotAllowed { offered: o, allowed } => format!(
            "hosted {}; allowed: {}",
            hosting(*o),
            allowed.iter().map(|m| hosting(*m)).collect::<Vec<_>>().join(", ")
        ),
        GateReason::DataLocationNotAllowed { location } => {
            format!("data location: {}", place(location.as_ref(), "data location"))
        }
        GateReason::SupportAccessNotAllowed { location } => {
            format!("support access from: {}", place(location.as_ref(), "support location"))
        }
        GateReason::JurisdictionNotAllowed { location } => {
            format!("operator jurisdiction: {}", place(location.as_ref(), "jurisdiction"))
        }
        GateReason::NoOpenSourceOffer => "no open-source terms stated".to_owned(),
        GateReason::LicenceNotAllowed { licence } => format!("the licence {licence} is not allowed"),
        GateReason::OpenSourceShareTooLow { offered: o, minimum } => format!(
            "open-source share {}, below the minimum {} %",
            o.map_or_else(|| "not stated".to_owned(), |v| format!("{} %", number(v))),
            number(*minimum)
        ),
        GateReason::CodeRightsTooWeak { offered: o, required } => {
            format!("rights to customer code: {}, required {}", o.map_or("none stated", rights), rights(*required))
        }
        GateReason::NoCodeReview => "code review is not allowed".to_owned(),
        GateReason::NoSourceDelivery => "source code is not delivered".to_owned(),
    }
}

/// Why a bid was not ranked.
pub(crate) fn exclusion(e: &Exclusion) -> String {
    match e {
        Exclusion::Gates { requirements } => {
            let n = u32::try_from(requirements.len()).unwrap_or(u32::MAX);
            format!("failed {}: {}", plural(n, "requirement", "requirements"), list(requirements))
        }
        Exclusion::CriterionMinimum { criterion, score, minimum } => format!(
            "scored {} on {criterion}, below the criterion's minimum of {}; not evaluated on price",
            number(*score),
            number(*minimum)
        ),
        Exclusion::QualityMinimum { percent, minimum } => format!(
            "quality {} % of the maximum, below the minimum of {} %; not evaluated on price",
            number(*percent),
            number(*minimum)
        ),
        Exclusion::MaxPass { max_pass: 1, place } => {
            format!("number {place} in quality; only the best in quality goes on to price")
        }
        Exclusion::MaxPass { max_pass, place } => {
            format!("number {place} in quality; only the {max_pass} best in quality go on to price")
        }
    }
}

fn rule(r: &TieBreakRule) -> String {
    match r {
        TieBreakRule::HigherQuality => "higher quality".to_owned(),
        TieBreakRule::LowerPrice => "lower price".to_owned(),
        TieBreakRule::HigherScoreOn(id) => format!("higher score on {id}"),
        TieBreakRule::EarlierSubmission => "earlier submission".to_owned(),
        TieBreakRule::DrawingLots => "drawing lots".to_owned(),
    }
}

/// A tie and how it ended; the figure shown with `decimals`.
pub(crate) fn tie(t: &Tie, decimals: u32) -> String {
    let mut value = t.value;
    value.rescale(decimals);
    let at = tender_score::explain::group(value, " ", ".", 5);
    match (&t.broken_by, t.resolved) {
        (Some(r), true) => format!("{} tie at {at}; broken by {}", list(&t.bids), rule(r)),
        (Some(TieBreakRule::DrawingLots), false) | (None, false) => {
            format!("{} tie at {at}; not broken by the tender's rules: lots must be drawn", list(&t.bids))
        }
        (Some(r), false) => format!("{} tie at {at}; {} did not break it", list(&t.bids), rule(r)),
        (None, true) => format!("{} tie at {at}; resolved", list(&t.bids)),
    }
}

/// What a warning means.
pub(crate) fn warning(w: &Warning) -> String {
    match w {
        Warning::RelativePriceModel { model } => format!(
            "the price model ({model}) scores each price against the other bids, so adding or removing a bid can change the others' points"
        ),
        Warning::Disagreement { bid, criterion, lowest, highest, allowed } => format!(
            "{bid}: the evaluators' marks on {criterion} range from {} to {}, more than the {} points allowed; check the marks and record a consensus",
            number(*lowest),
            number(*highest),
            number(*allowed)
        ),
        Warning::UnresolvedTie { bids } => {
            format!("{} are tied and the tender's rules do not break the tie; lots must be drawn", list(bids))
        }
        Warning::TieAtAwardCutOff { bids } => {
            format!("{} are tied at the last place awarded and the tie is not broken; lots must be drawn", list(bids))
        }
        Warning::PointsAboveMaximum { bid, objective } => format!(
            "{bid}: the points for {objective} are above the objective's nominal maximum; they count as stated, as in the calculator"
        ),
        Warning::FewerBidsThanAwards { ranked, to_award } => format!(
            "only {} ranked, fewer than the {to_award} suppliers the lot awards",
            plural(*ranked, "bid is", "bids are")
        ),
        Warning::TooManyLotsAwarded { bidder, lots, maximum } => format!(
            "bidder {bidder} wins {} ({}), more than the {maximum} a bidder may be awarded; apply the tender's rule for choosing among its lots",
            plural(u32::try_from(lots.len()).unwrap_or(u32::MAX), "lot", "lots"),
            list(lots)
        ),
        Warning::PassedOver { bid, bidder, won } => format!(
            "{bid} is passed over: its bidder {bidder} already won {} ({}), the most a bidder may be awarded; the lot goes to the next ranked bid",
            plural(u32::try_from(won.len()).unwrap_or(u32::MAX), "lot", "lots"),
            list(won)
        ),
        Warning::MaxPassTie { bids } => {
            format!("{} are tied at the cut-off for going on to price and all were let through", list(bids))
        }
        Warning::RankReversal { removed } => {
            format!("rank reversal: without {removed}, which is not awarded, other bids change places (see below)")
        }
        Warning::NoQualityPoints { bid } => {
            format!("{bid} has no quality points, so its price per quality point is undefined; it is ranked last")
        }
    }
}

/// How bids are compared, in words.
pub(crate) fn comparison(c: Comparison) -> &'static str {
    match c {
        Comparison::HighestTotal => "highest total points wins",
        Comparison::LowestPricePerQualityPoint => "lowest price per quality point wins",
        Comparison::LowestEvaluationPrice => "lowest evaluation price wins",
    }
}

/// The column heading for the comparison figure.
pub(crate) fn comparison_heading(c: Comparison) -> &'static str {
    match c {
        Comparison::HighestTotal => "Total",
        Comparison::LowestPricePerQualityPoint => "Price/Q",
        Comparison::LowestEvaluationPrice => "Eval. price",
    }
}

/// The price model, with its parameters.
pub(crate) fn price_model(m: &PriceModel) -> String {
    let pct = |p: Decimal| format!("{} %", number(p));
    match m {
        PriceModel::Proportional => "proportional (M × Pmin / P)".to_owned(),
        PriceModel::LinearSlope { slope } => {
            format!("linear with slope {} (zero points at {} above the lowest)", pct(slope.get()), pct(slope.get()))
        }
        PriceModel::LinearFromLowest { floor_at_zero } => format!(
            "linear from the lowest (M × (2 − P / Pmin)){}",
            if *floor_at_zero { ", floored at zero" } else { "" }
        ),
        PriceModel::MinMax => "min-max interpolation (M × (Pmax − P) / (Pmax − Pmin))".to_owned(),
        PriceModel::FixedSpan { low, high } => format!(
            "fixed price span from {} to {}",
            tender_score::explain::group(low.get().normalize(), " ", ".", 5),
            tender_score::explain::group(high.get().normalize(), " ", ".", 5)
        ),
        PriceModel::Logarithmic { zero_at } => {
            format!("logarithmic (zero points at {} above the lowest)", pct(zero_at.get()))
        }
        PriceModel::PricePerQualityPoint { corridor, decision } => match corridor {
            None => "price per quality point (P / Q)".to_owned(),
            Some(c) => format!(
                "price per quality point with a {} corridor, then {}",
                pct(c.get()),
                match decision {
                    CorridorDecision::HigherQuality => "higher quality",
                    CorridorDecision::LowerPrice => "lower price",
                }
            ),
        },
        PriceModel::ValueAdded { mode } => format!("value added ({})", adjust(*mode)),
        PriceModel::PercentAdjustment { mode, max_percent } => {
            format!("percent adjustment ({}, up to {})", adjust(*mode), pct(max_percent.get()))
        }
        PriceModel::Formula { formula, constants } => {
            let written = tender_core::formula::parse(formula)
                .map_or_else(|_| formula.clone(), |e| tender_core::formula::render(&e, &|n| n.to_owned(), "×", "÷"));
            let constants: Vec<String> =
                constants.iter().map(|(k, v)| format!("{k} = {}", number(v.get().normalize()))).collect();
            if constants.is_empty() {
                format!("the tender's formula: points = {written}")
            } else {
                format!("the tender's formula: points = {written}, with {}", constants.join(", "))
            }
        }
    }
}

fn adjust(m: AdjustMode) -> &'static str {
    match m {
        AdjustMode::Deduction => "quality deducted from the price",
        AdjustMode::Markup => "missing quality added to the price",
    }
}

/// The rounding policy in words: "2 decimals rounded half up at the total", then any further
/// steps: "; also each aggregate of marks to 1 decimal (half up)".
pub(crate) fn rounding(policy: &tender_core::award::RoundingPolicy) -> String {
    let mut out = format!(
        "{} rounded {} at {}",
        plural(policy.decimals, "decimal", "decimals"),
        strategy_words(policy.strategy),
        step_words(policy.at)
    );
    for rule in policy.steps.iter() {
        out.push_str(&format!(
            "; also {} to {} ({})",
            step_words(rule.step),
            plural(rule.decimals, "decimal", "decimals"),
            strategy_words(rule.strategy.unwrap_or(policy.strategy))
        ));
    }
    out
}

fn step_words(at: RoundingStep) -> &'static str {
    match at {
        RoundingStep::Aggregate => "each aggregate of marks",
        RoundingStep::Grade => "each quality grade",
        RoundingStep::Ratio => "each ratio",
        RoundingStep::Criterion => "each criterion's points",
        RoundingStep::PricePoints => "the price points",
        RoundingStep::Quality => "the quality subtotal",
        RoundingStep::Total => "the total",
    }
}

/// Why the award of a lot is a close call, in one line.
pub(crate) fn close_call(c: &tender_score::result::CloseCall, decimals: u32) -> String {
    use tender_score::result::CloseCall;
    match c {
        CloseCall::Margin { last_awarded, first_not_awarded, margin, threshold } => {
            let mut m = *margin;
            m.rescale(decimals);
            format!(
                "{last_awarded} (last awarded) is only {m} ahead of {first_not_awarded} (first not awarded), below the threshold of {}",
                number(*threshold)
            )
        }
        CloseCall::MarkFlip { bid, evaluator, criterion, from, to, awarded } => {
            let who = evaluator.as_ref().map_or_else(|| "the consensus mark".to_owned(), |e| format!("{e}'s mark"));
            format!(
                "if {who} for {bid} on {criterion} were {} instead of {} (one step), the lot would go to {}",
                number(*to),
                number(*from),
                list(awarded)
            )
        }
        CloseCall::Rounding { decimals, strategy, awarded } => format!(
            "rounded to {decimals} decimals {}, the lot would go to {}",
            strategy_words(*strategy),
            list(awarded)
        ),
    }
}

fn strategy_words(s: tender_core::award::RoundingStrategy) -> &'static str {
    use tender_core::award::RoundingStrategy as S;
    match s {
        S::HalfUp => "half up",
        S::HalfEven => "half to even",
        S::HalfDown => "half down",
        S::Down => "down (truncated)",
        S::Up => "up",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_read_as_english() {
        assert_eq!(list::<&str>(&[]), "");
        assert_eq!(list(&["A"]), "A");
        assert_eq!(list(&["A", "B"]), "A and B");
        assert_eq!(list(&["A", "B", "C"]), "A, B and C");
    }

    #[test]
    fn max_pass_reads_well() {
        let e = Exclusion::MaxPass { max_pass: 3, place: 4 };
        assert_eq!(exclusion(&e), "number 4 in quality; only the 3 best in quality go on to price");
    }
}
