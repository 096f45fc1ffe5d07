//! The wording of the model's values in one language: severities, procedures, hosting models,
//! SEAL levels and objectives, clause texts, gate reasons, exclusions and warnings.
//!
//! Every function returns Markdown-safe text: words from the catalogue, with text from the
//! buyer or a bidder escaped.

use tender_core::award::{
    Aggregation, CriterionKind, PriceModel, RoundingStep, RoundingStrategy, TieBreakRule, Weighting,
};
use tender_core::compliance::Defect;
use tender_core::requirement::{CodeRights, ExitAssistance, HostingModel, Severity};
use tender_core::tender::OverLimitRule;
use tender_core::tender::{BuyerKind, Procedure};
use tender_core::{Country, Id, Location, Lot, Objective, Seal, Tender};
use tender_score::Evaluation;
use tender_score::result::{BidResult, BidStatus, CloseCall, Exclusion, GateReason, LotEvaluation, Warning};

use crate::catalogue::Catalogue;
use crate::error::TextError;
use crate::markdown::{id, inline};

type R = Result<String, TextError>;

/// A severity (`Minimum requirement`).
pub(crate) fn severity(cat: &Catalogue, s: Severity) -> R {
    cat.text(
        match s {
            Severity::Premise => "severity-premise",
            Severity::Minimum => "severity-minimum",
            Severity::Award => "severity-award",
            Severity::Information => "severity-information",
        },
        &[],
    )
}

/// A procedure.
pub(crate) fn procedure(cat: &Catalogue, p: Procedure) -> R {
    cat.text(
        match p {
            Procedure::Open => "procedure-open",
            Procedure::Restricted => "procedure-restricted",
            Procedure::CompetitiveWithNegotiation => "procedure-competitive-with-negotiation",
            Procedure::DynamicPurchasingSystem => "procedure-dynamic-purchasing-system",
            Procedure::FrameworkCallOff => "procedure-framework-call-off",
        },
        &[],
    )
}

/// A kind of contracting authority.
pub(crate) fn buyer_kind(cat: &Catalogue, k: BuyerKind) -> R {
    cat.text(
        match k {
            BuyerKind::Municipality => "buyer-kind-municipality",
            BuyerKind::Region => "buyer-kind-region",
            BuyerKind::State => "buyer-kind-state",
            BuyerKind::EuInstitution => "buyer-kind-eu-institution",
            BuyerKind::CentralPurchasingBody => "buyer-kind-central-purchasing-body",
            BuyerKind::Other => "buyer-kind-other",
        },
        &[],
    )
}

/// Price, cost or quality.
pub(crate) fn criterion_kind(cat: &Catalogue, k: CriterionKind) -> R {
    cat.text(
        match k {
            CriterionKind::Price => "criterion-kind-price",
            CriterionKind::Cost => "criterion-kind-cost",
            CriterionKind::Quality => "criterion-kind-quality",
        },
        &[],
    )
}

/// How weights are expressed.
pub(crate) fn weighting(cat: &Catalogue, w: Weighting) -> R {
    cat.text(
        match w {
            Weighting::Percent => "weighting-percent",
            Weighting::Points => "weighting-points",
            Weighting::Order => "weighting-order",
            Weighting::Normalised => "weighting-normalised",
        },
        &[],
    )
}

/// The statutory basis of a lot's award (udbudsloven § 162, stk. 1), derived from its award
/// model: `(name, number)`, e.g. ("bedste forhold mellem pris og kvalitet", 3).
pub(crate) fn award_basis(cat: &Catalogue, award: &tender_core::AwardModel) -> Result<(String, u8), TextError> {
    let basis = award.basis();
    Ok((cat.text("award-basis", &[("basis", basis.key().into())])?, basis.number()))
}

/// The sentence naming a lot's statutory award basis, with the provision.
pub(crate) fn award_basis_sentence(cat: &Catalogue, key: &str, award: &tender_core::AwardModel) -> R {
    let (basis, number) = award_basis(cat, award)?;
    cat.text(key, &[("basis", basis.into()), ("number", number.into())])
}

/// A hosting model.
pub(crate) fn hosting_model(cat: &Catalogue, m: HostingModel) -> R {
    cat.text(
        match m {
            HostingModel::BuyerPremises => "hosting-buyer-premises",
            HostingModel::BuyerDataCentre => "hosting-buyer-data-centre",
            HostingModel::SupplierDataCentreDk => "hosting-supplier-data-centre-dk",
            HostingModel::SupplierDataCentreEu => "hosting-supplier-data-centre-eu",
            HostingModel::GovernmentCloud => "hosting-government-cloud",
            HostingModel::EuCloud => "hosting-eu-cloud",
            HostingModel::PublicCloud => "hosting-public-cloud",
            HostingModel::Hybrid => "hosting-hybrid",
        },
        &[],
    )
}

/// Rights to customer-specific code.
pub(crate) fn code_rights(cat: &Catalogue, r: CodeRights) -> R {
    cat.text(
        match r {
            CodeRights::Licence => "code-rights-licence",
            CodeRights::ExtendedRightOfUse => "code-rights-extended-right-of-use",
            CodeRights::Ownership => "code-rights-ownership",
        },
        &[],
    )
}

/// Terms of exit assistance.
pub(crate) fn exit_assistance(cat: &Catalogue, a: ExitAssistance) -> R {
    cat.text(
        match a {
            ExitAssistance::Included => "exit-assistance-included",
            ExitAssistance::Paid => "exit-assistance-paid",
        },
        &[],
    )
}

/// How evaluators' marks become one score.
pub(crate) fn aggregation(cat: &Catalogue, a: Aggregation) -> R {
    cat.text(
        match a {
            Aggregation::Mean => "aggregation-mean",
            Aggregation::Median => "aggregation-median",
            Aggregation::Consensus => "aggregation-consensus",
        },
        &[],
    )
}

/// A rounding rule, in words with an example.
pub(crate) fn rounding_strategy(cat: &Catalogue, s: RoundingStrategy) -> R {
    cat.text(
        match s {
            RoundingStrategy::HalfUp => "rounding-half-up",
            RoundingStrategy::HalfEven => "rounding-half-even",
            RoundingStrategy::HalfDown => "rounding-half-down",
            RoundingStrategy::Down => "rounding-down",
            RoundingStrategy::Up => "rounding-up",
        },
        &[],
    )
}

/// At which step figures are rounded.
pub(crate) fn rounding_step(cat: &Catalogue, s: RoundingStep) -> R {
    cat.text(
        match s {
            RoundingStep::Aggregate => "rounding-at-aggregate",
            RoundingStep::Grade => "rounding-at-grade",
            RoundingStep::Ratio => "rounding-at-ratio",
            RoundingStep::Criterion => "rounding-at-criterion",
            RoundingStep::PricePoints => "rounding-at-price-points",
            RoundingStep::Quality => "rounding-at-quality",
            RoundingStep::Total => "rounding-at-total",
        },
        &[],
    )
}

/// A rounding step as a noun phrase ("each criterion's weighted points").
pub(crate) fn rounding_step_name(cat: &Catalogue, s: RoundingStep) -> R {
    cat.text(&format!("rounding-step-{}", s.key()), &[])
}

/// The name of a price model from its key (`proportional`).
pub(crate) fn price_model_name(cat: &Catalogue, key: &str) -> R {
    cat.text(&format!("price-model-{key}"), &[])
}

/// The name of a price model.
pub(crate) fn price_model(cat: &Catalogue, m: &PriceModel) -> R {
    price_model_name(cat, m.key())
}

/// A criterion or sub-criterion of a lot by id: `Q1 (Quality)`, escaped; the id alone when the
/// lot has no such criterion.
pub(crate) fn criterion_label(cat: &Catalogue, lot: &Lot, criterion: &Id) -> String {
    match criterion_name(cat, lot, criterion) {
        Some(name) => format!("{} ({name})", id(criterion)),
        None => id(criterion),
    }
}

/// The escaped name of a criterion or sub-criterion of a lot.
pub(crate) fn criterion_name(cat: &Catalogue, lot: &Lot, criterion: &Id) -> Option<String> {
    let lang = cat.lang();
    for c in &lot.award.criteria {
        if &c.id == criterion {
            return Some(inline(c.name.get(lang)));
        }
        for s in &c.sub_criteria {
            if &s.id == criterion {
                return Some(inline(s.name.get(lang)));
            }
        }
    }
    None
}

/// A tie-break rule.
pub(crate) fn tie_break(cat: &Catalogue, lot: &Lot, rule: &TieBreakRule) -> R {
    match rule {
        TieBreakRule::HigherQuality => cat.text("tie-break-higher-quality", &[]),
        TieBreakRule::LowerPrice => cat.text("tie-break-lower-price", &[]),
        TieBreakRule::HigherScoreOn(c) => {
            t!(cat, "tie-break-higher-score-on", "criterion" => criterion_label(cat, lot, c))
        }
        TieBreakRule::EarlierSubmission => cat.text("tie-break-earlier-submission", &[]),
        TieBreakRule::DrawingLots => cat.text("tie-break-drawing-lots", &[]),
    }
}

/// A country by code (`Danmark`); the code when the catalogue has no name for it.
pub(crate) fn country(cat: &Catalogue, c: &Country) -> R {
    t!(cat, "country", "code" => inline(c.as_str()))
}

/// A location: a country, the EU or the EEA.
pub(crate) fn location(cat: &Catalogue, l: &Location) -> R {
    match l.as_str() {
        "EU" => cat.text("location-eu", &[]),
        "EEA" => cat.text("location-eea", &[]),
        code => country(cat, &Country::new(code)),
    }
}

/// A language by code (`dansk`).
pub(crate) fn language(cat: &Catalogue, code: &str) -> R {
    t!(cat, "language-name", "code" => inline(code))
}

/// An objective's name (`Data & AI Sovereignty`).
pub(crate) fn objective_name(cat: &Catalogue, o: Objective) -> R {
    cat.text(&format!("objective-{}", o.number()), &[])
}

/// An objective with its number: `SOV-3 (Data & AI Sovereignty)`.
pub(crate) fn objective(cat: &Catalogue, o: Objective) -> R {
    Ok(format!("{o} ({})", objective_name(cat, o)?))
}

/// A SEAL level's official name.
pub(crate) fn seal_name(cat: &Catalogue, s: Seal) -> R {
    cat.text(&format!("seal-name-{}", s.level()), &[])
}

/// A SEAL level's official definition.
pub(crate) fn seal_definition(cat: &Catalogue, s: Seal) -> R {
    cat.text(&format!("seal-definition-{}", s.level()), &[])
}

/// A SEAL level with its name: `SEAL-2 (Data Sovereignty)`.
pub(crate) fn seal(cat: &Catalogue, s: Seal) -> R {
    Ok(format!("{s} ({})", seal_name(cat, s)?))
}

/// A standard by id with its full name and version: `OpenAPI Specification 3.1.0 (openapi-3.1)`.
pub(crate) fn standard(cat: &Catalogue, tender: &Tender, s: &Id) -> R {
    match tender.standard(s) {
        Some(st) if st.name.get(cat.lang()).contains(st.version.as_str()) => {
            Ok(format!("{} ({})", inline(st.name.get(cat.lang())), id(s)))
        }
        Some(st) => Ok(format!("{} {} ({})", inline(st.name.get(cat.lang())), inline(&st.version), id(s))),
        None => t!(cat, "standard-unknown", "id" => id(s)),
    }
}

/// A bid's result as [`bid_label`] names it, without looking it up among the lot's bids.
pub(crate) fn result_label(b: &tender_score::result::BidResult) -> String {
    format!("{} ({})", inline(&b.bidder_name), id(&b.bid))
}

/// A bid in a lot's evaluation: `Bidder name (bid id)`.
pub(crate) fn bid_label(lot: &LotEvaluation, bid: &Id) -> String {
    match lot.bid(bid) {
        Some(b) => format!("{} ({})", inline(&b.bidder_name), id(bid)),
        None => id(bid),
    }
}

/// Bids joined as prose.
fn bid_list(cat: &Catalogue, lot: &LotEvaluation, bids: &[Id]) -> R {
    cat.list(&bids.iter().map(|b| bid_label(lot, b)).collect::<Vec<_>>())
}

/// Where a bid ended.
pub(crate) fn status(cat: &Catalogue, s: BidStatus) -> R {
    cat.text(
        match s {
            BidStatus::Ranked => "status-ranked",
            BidStatus::FailedGate => "status-failed-gate",
            BidStatus::BelowQualityThreshold => "status-below-quality-threshold",
            BidStatus::NotAmongBestQuality => "status-not-among-best-quality",
            BidStatus::Rejected => "status-rejected",
        },
        &[],
    )
}

/// A number of months or days for plural selection.
fn n(v: u32) -> fluent_bundle::FluentValue<'static> {
    fluent_bundle::FluentValue::from(v)
}

/// Why a gate failed.
pub(crate) fn gate_reason(cat: &Catalogue, tender: &Tender, reason: &GateReason) -> R {
    use GateReason as G;
    match reason {
        G::NotAnswered => cat.text("gate-not-answered", &[]),
        G::DeclaredNotMet => cat.text("gate-declared-not-met", &[]),
        G::NoSovereigntyAssessment => cat.text("gate-no-sovereignty-assessment", &[]),
        G::ObjectiveSealBelowMinimum { objective: o, seal: Some(s), minimum } => t!(cat,
            "gate-objective-seal-below-minimum",
            "objective" => objective(cat, *o)?, "seal" => seal(cat, *s)?, "minimum" => seal(cat, *minimum)?),
        G::ObjectiveSealBelowMinimum { objective: o, seal: None, minimum } => t!(cat,
            "gate-objective-seal-not-assessed", "objective" => objective(cat, *o)?, "minimum" => seal(cat, *minimum)?),
        G::OverallSealBelowMinimum { seal: Some(s), minimum } => {
            t!(cat, "gate-overall-seal-below-minimum", "seal" => seal(cat, *s)?, "minimum" => seal(cat, *minimum)?)
        }
        G::OverallSealBelowMinimum { seal: None, minimum } => {
            t!(cat, "gate-overall-seal-undetermined", "minimum" => seal(cat, *minimum)?)
        }
        G::StandardNotSupported { standard: s } => {
            t!(cat, "gate-standard-not-supported", "standard" => standard(cat, tender, s)?)
        }
        G::NoExitPlan => cat.text("gate-no-exit-plan", &[]),
        G::ExitHorizonTooLong { offered: Some(o), maximum } => {
            cat.text("gate-exit-horizon-too-long", &[("offered", n(*o)), ("maximum", n(*maximum))])
        }
        G::ExitHorizonTooLong { offered: None, maximum } => {
            cat.text("gate-exit-horizon-not-stated", &[("maximum", n(*maximum))])
        }
        G::ExportFormatMissing { standard: s } => {
            t!(cat, "gate-export-format-missing", "standard" => standard(cat, tender, s)?)
        }
        G::ExitAssistance { offered: Some(o), required } => t!(cat, "gate-exit-assistance-wrong-terms",
            "offered" => exit_assistance(cat, *o)?, "required" => exit_assistance(cat, *required)?),
        G::ExitAssistance { offered: None, required } => {
            t!(cat, "gate-exit-assistance-missing", "required" => exit_assistance(cat, *required)?)
        }
        G::NoticeTooLong { offered: Some(o), maximum } => {
            cat.text("gate-notice-too-long", &[("offered", n(*o)), ("maximum", n(*maximum))])
        }
        G::NoticeTooLong { offered: None, maximum } => cat.text("gate-notice-not-stated", &[("maximum", n(*maximum))]),
        G::TransitionTooLong { offered: Some(o), maximum } => {
            cat.text("gate-transition-too-long", &[("offered", n(*o)), ("maximum", n(*maximum))])
        }
        G::TransitionTooLong { offered: None, maximum } => {
            cat.text("gate-transition-not-stated", &[("maximum", n(*maximum))])
        }
        G::RetrievalTooShort { offered: Some(o), minimum } => {
            cat.text("gate-retrieval-too-short", &[("offered", n(*o)), ("minimum", n(*minimum))])
        }
        G::RetrievalTooShort { offered: None, minimum } => {
            cat.text("gate-retrieval-not-stated", &[("minimum", n(*minimum))])
        }
        G::SwitchingCharges => cat.text("gate-switching-charges", &[]),
        G::EgressCharges => cat.text("gate-egress-charges", &[]),
        G::NoDocumentationHandover => cat.text("gate-no-documentation-handover", &[]),
        G::NoCodeHandover => cat.text("gate-no-code-handover", &[]),
        G::NoExitOffer => cat.text("gate-no-exit-offer", &[]),
        G::NoHostingOffer => cat.text("gate-no-hosting-offer", &[]),
        G::HostingModelNotAllowed { offered, allowed } => {
            let allowed = allowed.iter().map(|m| hosting_model(cat, *m)).collect::<Result<Vec<_>, _>>()?;
            t!(cat, "gate-hosting-model-not-allowed",
                "offered" => hosting_model(cat, *offered)?, "allowed" => cat.list(&allowed)?)
        }
        G::DataLocationNotAllowed { location: Some(l) } => {
            t!(cat, "gate-data-location-not-allowed", "location" => location(cat, l)?)
        }
        G::DataLocationNotAllowed { location: None } => cat.text("gate-data-location-not-stated", &[]),
        G::SupportAccessNotAllowed { location: Some(l) } => {
            t!(cat, "gate-support-access-not-allowed", "location" => location(cat, l)?)
        }
        G::SupportAccessNotAllowed { location: None } => cat.text("gate-support-access-not-stated", &[]),
        G::JurisdictionNotAllowed { location: Some(l) } => {
            t!(cat, "gate-jurisdiction-not-allowed", "location" => location(cat, l)?)
        }
        G::JurisdictionNotAllowed { location: None } => cat.text("gate-jurisdiction-not-stated", &[]),
        G::NoOpenSourceOffer => cat.text("gate-no-open-source-offer", &[]),
        G::LicenceNotAllowed { licence } => t!(cat, "gate-licence-not-allowed", "licence" => inline(licence)),
        G::OpenSourceShareTooLow { offered: Some(o), minimum } => t!(cat, "gate-open-source-share-too-low",
            "offered" => cat.percent(*o)?, "minimum" => cat.percent(*minimum)?),
        G::OpenSourceShareTooLow { offered: None, minimum } => {
            t!(cat, "gate-open-source-share-not-stated", "minimum" => cat.percent(*minimum)?)
        }
        G::CodeRightsTooWeak { offered: Some(o), required } => t!(cat, "gate-code-rights-too-weak",
            "offered" => code_rights(cat, *o)?, "required" => code_rights(cat, *required)?),
        G::CodeRightsTooWeak { offered: None, required } => {
            t!(cat, "gate-code-rights-not-stated", "required" => code_rights(cat, *required)?)
        }
        G::NoCodeReview => cat.text("gate-no-code-review", &[]),
        G::NoSourceDelivery => cat.text("gate-no-source-delivery", &[]),
    }
}

/// Why a bid was not ranked.
pub(crate) fn exclusion(cat: &Catalogue, lot: &Lot, decimals: u32, e: &Exclusion) -> R {
    match e {
        Exclusion::Gates { requirements } => {
            let list = requirements.iter().map(id).collect::<Vec<_>>();
            t!(cat, "exclusion-gates", "requirements" => cat.list(&list)?, "count" => list.len())
        }
        Exclusion::CriterionMinimum { criterion, score, minimum } => t!(cat, "exclusion-criterion-minimum",
            "criterion" => criterion_label(cat, lot, criterion),
            "score" => cat.fixed(*score, decimals),
            "minimum" => cat.number(*minimum)),
        Exclusion::QualityMinimum { percent, minimum } => t!(cat, "exclusion-quality-minimum",
            "percent" => cat.percent(*percent)?, "minimum" => cat.percent(*minimum)?),
        Exclusion::MaxPass { max_pass, place } => {
            cat.text("exclusion-max-pass", &[("place", n(*place)), ("max_pass", n(*max_pass))])
        }
    }
}

/// Why a bid is rejected as non-compliant, one reason.
pub(crate) fn defect(cat: &Catalogue, d: &Defect) -> R {
    let ids = |list: &[Id]| cat.list(&list.iter().map(id).collect::<Vec<_>>());
    match d {
        Defect::NoPrice => cat.text("defect-no-price", &[]),
        Defect::NoPriceSchedule => cat.text("defect-no-price-schedule", &[]),
        Defect::OptionNotPriced { option } => t!(cat, "defect-option-not-priced", "option" => id(option)),
        Defect::UnitPriceMissing { line } => t!(cat, "defect-unit-price-missing", "line" => id(line)),
        Defect::ComponentNotPriced { component } => {
            t!(cat, "defect-component-not-priced", "component" => id(component))
        }
        Defect::NoSovereigntyAssessment => cat.text("defect-no-sovereignty", &[]),
        Defect::ObjectiveNotAssessed { objective: o } => {
            t!(cat, "defect-objective-not-assessed", "objective" => objective(cat, *o)?)
        }
        Defect::ObjectivePointsNotStated { objective: o } => {
            t!(cat, "defect-objective-points-missing", "objective" => objective(cat, *o)?)
        }
        Defect::TooManyLots { lots, maximum, rule, kept } => {
            let key = match rule {
                OverLimitRule::RejectAll => "defect-too-many-lots",
                OverLimitRule::KeepByPriority if kept.is_empty() => "defect-too-many-lots-no-priority",
                OverLimitRule::KeepByPriority => "defect-too-many-lots-kept",
            };
            t!(cat, key, "count" => lots.len(), "lots" => ids(lots)?, "maximum" => *maximum, "kept" => ids(kept)?)
        }
        Defect::SecondBidForLot { others } => {
            t!(cat, "defect-second-bid", "others" => ids(others)?, "count" => others.len())
        }
        Defect::Late { submitted, deadline } => {
            t!(cat, "defect-late", "submitted" => cat.date(*submitted)?, "deadline" => cat.date(*deadline)?)
        }
        Defect::MeasureMissing { criterion } => t!(cat, "defect-measure-missing", "criterion" => id(criterion)),
        Defect::MeasureNotAcceptable { criterion, value, reason } => {
            use tender_core::measure::Rejection;
            let key = match reason {
                Rejection::BelowMinimum(_) => "defect-measure-below-minimum",
                Rejection::AboveMaximum(_) => "defect-measure-above-maximum",
                Rejection::BeyondZero(_) => "defect-measure-beyond-zero",
                Rejection::NoBand(_) => "defect-measure-no-band",
            };
            t!(cat, key, "criterion" => id(criterion), "value" => cat.number(value.normalize()),
                "limit" => cat.number(reason.limit().normalize()))
        }
    }
}

/// Every reason a bid is out: its defects, then each failed gate with its reasons.
pub(crate) fn rejection_reasons(cat: &Catalogue, tender: &Tender, b: &BidResult) -> Result<Vec<String>, TextError> {
    let mut out = b.rejection.iter().map(|d| defect(cat, d)).collect::<Result<Vec<_>, _>>()?;
    for g in b.gates.iter().filter(|g| !g.passed) {
        let reasons = g.reasons.iter().map(|r| gate_reason(cat, tender, r)).collect::<Result<Vec<_>, _>>()?;
        out.push(t!(cat, "letter-gate", "requirement" => id(&g.requirement), "reasons" => reasons.join(" "))?);
    }
    Ok(out)
}

/// A bid's SEAL, or "not stated".
pub(crate) fn seal_or_none(cat: &Catalogue, s: Option<Seal>) -> R {
    match s {
        Some(s) => Ok(s.to_string()),
        None => cat.text("seal-not-stated", &[]),
    }
}

/// Why the award of a lot is a close call.
pub(crate) fn close_call(cat: &Catalogue, lot: &Lot, e: &LotEvaluation, c: &CloseCall) -> R {
    let bids = |list: &[Id]| cat.list(&list.iter().map(|b| bid_label(e, b)).collect::<Vec<_>>());
    match c {
        CloseCall::Margin { last_awarded, first_not_awarded, margin, threshold } => t!(cat,
            if e.comparison == tender_score::result::Comparison::HighestTotal { "close-call-margin" } else { "close-call-margin-figure" },
            "last" => bid_label(e, last_awarded), "first" => bid_label(e, first_not_awarded),
            "margin" => cat.fixed(*margin, e.decimals), "threshold" => cat.number(*threshold)),
        CloseCall::MarkFlip { bid, evaluator, criterion, from, to, awarded } => {
            let who = match evaluator {
                Some(ev) => t!(cat, "close-call-evaluator", "evaluator" => id(ev))?,
                None => cat.text("close-call-consensus", &[])?,
            };
            t!(cat, "close-call-mark", "who" => who, "bid" => bid_label(e, bid),
                "criterion" => criterion_label(cat, lot, criterion),
                "from" => cat.number(*from), "to" => cat.number(*to), "awarded" => bids(awarded)?)
        }
        CloseCall::Rounding { decimals, strategy, awarded } => t!(cat, "close-call-rounding",
            "decimals" => *decimals, "strategy" => rounding_strategy(cat, *strategy)?, "awarded" => bids(awarded)?),
    }
}

/// A warning of a lot's evaluation (or of the whole evaluation, with `lot` any lot's
/// evaluation for naming bids).
pub(crate) fn warning(cat: &Catalogue, evaluation: &Evaluation, lot: Option<(&Lot, &LotEvaluation)>, w: &Warning) -> R {
    let bid = |b: &Id| lot.map_or_else(|| id(b), |(_, l)| bid_label(l, b));
    let bids = |bs: &[Id]| match lot {
        Some((_, l)) => bid_list(cat, l, bs),
        None => cat.list(&bs.iter().map(id).collect::<Vec<_>>()),
    };
    let criterion = |c: &Id| lot.map_or_else(|| id(c), |(l, _)| criterion_label(cat, l, c));
    match w {
        Warning::RelativePriceModel { model } if *model == "price-per-quality-point" => {
            t!(cat, "warning-relative-corridor", "model" => price_model_name(cat, model)?)
        }
        Warning::RelativePriceModel { model } => {
            t!(cat, "warning-relative-price-model", "model" => price_model_name(cat, model)?)
        }
        Warning::Disagreement { bid: b, criterion: c, lowest, highest, allowed } => t!(cat, "warning-disagreement",
            "bid" => bid(b), "criterion" => criterion(c),
            "lowest" => cat.number(*lowest), "highest" => cat.number(*highest), "allowed" => cat.number(*allowed)),
        Warning::UnresolvedTie { bids: bs } => t!(cat, "warning-unresolved-tie", "bids" => bids(bs)?),
        Warning::TieAtAwardCutOff { bids: bs } => t!(cat, "warning-tie-at-award-cut-off", "bids" => bids(bs)?),
        Warning::PointsAboveMaximum { bid: b, objective: o } => {
            t!(cat, "warning-points-above-maximum", "bid" => bid(b), "objective" => objective(cat, *o)?)
        }
        Warning::FewerBidsThanAwards { ranked, to_award } => {
            cat.text("warning-fewer-bids-than-awards", &[("ranked", n(*ranked)), ("to_award", n(*to_award))])
        }
        Warning::TooManyLotsAwarded { bidder, lots, maximum } => {
            let name = bidder_name(evaluation, bidder);
            let lots = lots.iter().map(id).collect::<Vec<_>>();
            t!(cat, "warning-too-many-lots-awarded",
                "bidder" => name, "lots" => cat.list(&lots)?, "maximum" => *maximum)
        }
        Warning::PassedOver { bid: b, bidder, won } => {
            let won = won.iter().map(id).collect::<Vec<_>>();
            t!(cat, "warning-passed-over", "bid" => bid(b), "bidder" => bidder_name(evaluation, bidder),
                "won" => cat.list(&won)?, "count" => won.len())
        }
        Warning::MaxPassTie { bids: bs } => t!(cat, "warning-max-pass-tie", "bids" => bids(bs)?),
        Warning::RankReversal { removed } => t!(cat, "warning-rank-reversal", "removed" => bid(removed)),
        Warning::NoQualityPoints { bid: b } => t!(cat, "warning-no-quality-points", "bid" => bid(b)),
    }
}

/// A bidder by id: its name as in its bids, and the id; escaped.
fn bidder_name(evaluation: &Evaluation, bidder: &Id) -> String {
    let name = evaluation.lots.iter().flat_map(|l| &l.bids).find(|b| &b.bidder == bidder).map(|b| &b.bidder_name);
    match name {
        Some(name) => format!("{} ({})", inline(name), id(bidder)),
        None => id(bidder),
    }
}

#[cfg(test)]
mod tests {
    use tender_core::requirement::{CodeRights, ExitAssistance, HostingModel};
    use tender_core::{Id, Language, Location, Objective, Seal};
    use tender_score::result::{Exclusion, GateReason, Warning};

    use super::*;

    fn tender() -> Tender {
        tender_core::files::parse(
            r#"
id = "T"
title = "T"
buyer = { name = "B", country = "DK" }
procedure = "open"
currency = "DKK"
languages = ["da"]
contract = { duration_months = 12 }
[[lots]]
id = "L"
title = "L"
[lots.award]
price_model = { kind = "proportional" }
[[lots.award.criteria]]
id = "Q"
name = "Q"
kind = "quality"
weight = 100
"#,
            tender_core::files::Format::Toml,
            "t.toml".as_ref(),
        )
        .unwrap_or_else(|e| panic!("{e}"))
    }

    fn every_gate_reason() -> Vec<GateReason> {
        let id = || Id::new("x");
        let loc = || Some(Location::new("US"));
        vec![
            GateReason::NotAnswered,
            GateReason::DeclaredNotMet,
            GateReason::NoSovereigntyAssessment,
            GateReason::ObjectiveSealBelowMinimum {
                objective: Objective::Legal,
                seal: Some(Seal::Seal1),
                minimum: Seal::Seal2,
            },
            GateReason::ObjectiveSealBelowMinimum { objective: Objective::Legal, seal: None, minimum: Seal::Seal2 },
            GateReason::OverallSealBelowMinimum { seal: Some(Seal::Seal0), minimum: Seal::Seal2 },
            GateReason::OverallSealBelowMinimum { seal: None, minimum: Seal::Seal2 },
            GateReason::StandardNotSupported { standard: Id::new("odf-1.3") },
            GateReason::NoExitPlan,
            GateReason::ExitHorizonTooLong { offered: Some(1), maximum: 1 },
            GateReason::ExitHorizonTooLong { offered: None, maximum: 9 },
            GateReason::ExportFormatMissing { standard: id() },
            GateReason::ExitAssistance { offered: Some(ExitAssistance::Paid), required: ExitAssistance::Included },
            GateReason::ExitAssistance { offered: None, required: ExitAssistance::Paid },
            GateReason::NoticeTooLong { offered: Some(3), maximum: 2 },
            GateReason::NoticeTooLong { offered: None, maximum: 1 },
            GateReason::TransitionTooLong { offered: Some(90), maximum: 30 },
            GateReason::TransitionTooLong { offered: None, maximum: 30 },
            GateReason::RetrievalTooShort { offered: Some(1), minimum: 30 },
            GateReason::RetrievalTooShort { offered: None, minimum: 30 },
            GateReason::SwitchingCharges,
            GateReason::EgressCharges,
            GateReason::NoDocumentationHandover,
            GateReason::NoCodeHandover,
            GateReason::NoExitOffer,
            GateReason::NoHostingOffer,
            GateReason::HostingModelNotAllowed {
                offered: HostingModel::PublicCloud,
                allowed: vec![HostingModel::BuyerPremises, HostingModel::GovernmentCloud, HostingModel::Hybrid],
            },
            GateReason::DataLocationNotAllowed { location: loc() },
            GateReason::DataLocationNotAllowed { location: None },
            GateReason::SupportAccessNotAllowed { location: Some(Location::new("EEA")) },
            GateReason::SupportAccessNotAllowed { location: None },
            GateReason::JurisdictionNotAllowed { location: Some(Location::new("EU")) },
            GateReason::JurisdictionNotAllowed { location: None },
            GateReason::NoOpenSourceOffer,
            GateReason::LicenceNotAllowed { licence: "LicenseRef-X".to_owned() },
            GateReason::OpenSourceShareTooLow { offered: Some(rust_decimal::Decimal::TEN), minimum: 50.into() },
            GateReason::OpenSourceShareTooLow { offered: None, minimum: 50.into() },
            GateReason::CodeRightsTooWeak { offered: Some(CodeRights::Licence), required: CodeRights::Ownership },
            GateReason::CodeRightsTooWeak { offered: None, required: CodeRights::ExtendedRightOfUse },
            GateReason::NoCodeReview,
            GateReason::NoSourceDelivery,
        ]
    }

    fn every_warning() -> Vec<Warning> {
        let ids = || vec![Id::new("a"), Id::new("b")];
        vec![
            Warning::RelativePriceModel { model: "proportional" },
            Warning::RelativePriceModel { model: "price-per-quality-point" },
            Warning::Disagreement {
                bid: Id::new("a"),
                criterion: Id::new("Q"),
                lowest: 2.into(),
                highest: 9.into(),
                allowed: 3.into(),
            },
            Warning::UnresolvedTie { bids: ids() },
            Warning::TieAtAwardCutOff { bids: ids() },
            Warning::PointsAboveMaximum { bid: Id::new("a"), objective: Objective::Environmental },
            Warning::FewerBidsThanAwards { ranked: 1, to_award: 4 },
            Warning::TooManyLotsAwarded { bidder: Id::new("x"), lots: ids(), maximum: 1 },
            Warning::PassedOver { bid: Id::new("a"), bidder: Id::new("x"), won: vec![Id::new("L")] },
            Warning::MaxPassTie { bids: ids() },
            Warning::RankReversal { removed: Id::new("a") },
            Warning::NoQualityPoints { bid: Id::new("a") },
        ]
    }

    /// Every gate reason, exclusion, warning, status and value of the model has words in every
    /// language, and none is empty.
    #[test]
    fn every_variant_is_worded_in_every_language() {
        let tender = tender();
        let lot = &tender.lots[0];
        let evaluation =
            Evaluation { tender: tender.id.clone(), lots: Vec::new(), warnings: Vec::new(), skipped: Vec::new() };
        for lang in crate::catalogue::available() {
            let cat = Catalogue::load(&lang).unwrap_or_else(|e| panic!("{e}"));
            let mut words = Vec::new();
            for r in every_gate_reason() {
                words.push(gate_reason(&cat, &tender, &r));
            }
            for w in every_warning() {
                words.push(warning(&cat, &evaluation, None, &w));
            }
            for x in [
                Exclusion::Gates { requirements: vec![Id::new("R1")] },
                Exclusion::Gates { requirements: vec![Id::new("R1"), Id::new("R2")] },
                Exclusion::CriterionMinimum { criterion: Id::new("Q"), score: 3.into(), minimum: 5.into() },
                Exclusion::QualityMinimum { percent: 55.into(), minimum: 60.into() },
                Exclusion::MaxPass { max_pass: 3, place: 4 },
            ] {
                words.push(exclusion(&cat, lot, 2, &x));
            }
            for s in [
                BidStatus::Ranked,
                BidStatus::FailedGate,
                BidStatus::BelowQualityThreshold,
                BidStatus::NotAmongBestQuality,
            ] {
                words.push(status(&cat, s));
            }
            for rule in [
                TieBreakRule::HigherQuality,
                TieBreakRule::LowerPrice,
                TieBreakRule::HigherScoreOn(Id::new("Q")),
                TieBreakRule::EarlierSubmission,
                TieBreakRule::DrawingLots,
            ] {
                words.push(tie_break(&cat, lot, &rule));
            }
            for s in [Severity::Premise, Severity::Minimum, Severity::Award, Severity::Information] {
                words.push(severity(&cat, s));
            }
            for k in [
                BuyerKind::Municipality,
                BuyerKind::Region,
                BuyerKind::State,
                BuyerKind::EuInstitution,
                BuyerKind::CentralPurchasingBody,
                BuyerKind::Other,
            ] {
                words.push(buyer_kind(&cat, k));
            }
            for p in [
                Procedure::Open,
                Procedure::Restricted,
                Procedure::CompetitiveWithNegotiation,
                Procedure::DynamicPurchasingSystem,
                Procedure::FrameworkCallOff,
            ] {
                words.push(procedure(&cat, p));
            }
            for a in [Aggregation::Mean, Aggregation::Median, Aggregation::Consensus] {
                words.push(aggregation(&cat, a));
            }
            for s in [
                RoundingStrategy::HalfUp,
                RoundingStrategy::HalfEven,
                RoundingStrategy::HalfDown,
                RoundingStrategy::Down,
                RoundingStrategy::Up,
            ] {
                words.push(rounding_strategy(&cat, s));
            }
            for s in RoundingStep::ALL {
                words.push(rounding_step(&cat, s));
                words.push(rounding_step_name(&cat, s));
            }
            for w in [Weighting::Percent, Weighting::Points, Weighting::Order, Weighting::Normalised] {
                words.push(weighting(&cat, w));
            }
            for k in [CriterionKind::Price, CriterionKind::Cost, CriterionKind::Quality] {
                words.push(criterion_kind(&cat, k));
            }
            for s in Seal::ALL {
                words.push(seal(&cat, s));
                words.push(seal_definition(&cat, s));
            }
            for o in Objective::ALL {
                words.push(objective(&cat, o));
            }
            for m in HostingModel::ALL {
                words.push(hosting_model(&cat, m));
            }
            for code in ["DK", "ZZ"] {
                words.push(country(&cat, &tender_core::Country::new(code)));
            }
            for code in ["da", "en", "xx"] {
                words.push(language(&cat, code));
            }
            for (i, w) in words.into_iter().enumerate() {
                let w = w.unwrap_or_else(|e| panic!("{lang} #{i}: {e}"));
                assert!(!w.trim().is_empty(), "{lang} #{i}: empty");
                assert!(!w.contains('\u{2068}') && !w.contains('\u{2069}'), "{lang} #{i}: isolation marks in {w:?}");
            }
        }
    }

    /// Each hosting model reads differently in every language: the buyer's own premises and data
    /// centre, the supplier's data centre in Denmark or the EU, and the clouds are told apart.
    #[test]
    fn hosting_models_are_told_apart() {
        for lang in crate::catalogue::available() {
            let cat = Catalogue::load(&lang).unwrap_or_else(|e| panic!("{e}"));
            let texts: Vec<String> =
                HostingModel::ALL.iter().map(|m| hosting_model(&cat, *m).unwrap_or_else(|e| panic!("{e}"))).collect();
            let distinct: std::collections::BTreeSet<&String> = texts.iter().collect();
            assert_eq!(distinct.len(), texts.len(), "{lang}: {texts:#?}");
        }
        let da = Catalogue::load(&Language::da()).unwrap_or_else(|e| panic!("{e}"));
        let en = Catalogue::load(&Language::en()).unwrap_or_else(|e| panic!("{e}"));
        let both = |m| (hosting_model(&da, m).unwrap_or_default(), hosting_model(&en, m).unwrap_or_default());
        assert_eq!(
            both(HostingModel::BuyerDataCentre),
            ("i ordregivers eget datacenter".to_owned(), "in the buyer's own data centre".to_owned())
        );
        assert_eq!(
            both(HostingModel::SupplierDataCentreDk),
            ("i leverandørens datacenter i Danmark".to_owned(), "in the supplier's data centre in Denmark".to_owned())
        );
        // docs/guide.md's table of hosting models shows these texts.
        let guide = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/guide.md"))
            .unwrap_or_else(|e| panic!("docs/guide.md: {e}"));
        for m in HostingModel::ALL {
            let json = tender_core::files::to_string(&m, tender_core::files::Format::Json).unwrap_or_default();
            let name = json.trim().trim_matches('"');
            let (d, e) = both(m);
            let row = guide
                .lines()
                .find(|l| l.starts_with(&format!("| `{name}` |")))
                .unwrap_or_else(|| panic!("docs/guide.md has no row for the hosting model `{name}`"));
            assert!(
                row.ends_with(&format!("| {d} / {e} |")),
                "docs/guide.md's row for `{name}` should end in `| {d} / {e} |`: {row}"
            );
        }
        assert_eq!(
            both(HostingModel::SupplierDataCentreEu),
            (
                "i leverandørens datacenter i et EU-land".to_owned(),
                "in the supplier's data centre in an EU country".to_owned()
            )
        );
    }

    /// The English catalogue's SEAL and objective names and definitions are the framework's
    /// official ones, as tender-core has them.
    #[test]
    fn english_names_are_the_official_ones() {
        let cat = Catalogue::load(&Language::en()).unwrap_or_else(|e| panic!("{e}"));
        for s in Seal::ALL {
            assert_eq!(seal_name(&cat, s).ok().as_deref(), Some(s.name()), "{s}");
            assert_eq!(seal_definition(&cat, s).ok().as_deref(), Some(s.definition()), "{s}");
        }
        for o in Objective::ALL {
            assert_eq!(objective_name(&cat, o).ok().as_deref(), Some(o.name()), "{o}");
        }
    }

    /// Numbers, money and dates as each language writes them.
    #[test]
    fn numbers_money_and_dates() {
        let da = Catalogue::load(&Language::da()).unwrap_or_else(|e| panic!("{e}"));
        let en = Catalogue::load(&Language::en()).unwrap_or_else(|e| panic!("{e}"));
        let amount = rust_decimal::Decimal::new(123_456_789, 2);
        let dkk = tender_core::Currency::new("DKK");
        let eur = tender_core::Currency::new("EUR");
        assert_eq!(da.money(amount, &dkk).ok().as_deref(), Some("1.234.567,89 kr."));
        assert_eq!(en.money(amount, &dkk).ok().as_deref(), Some("DKK 1,234,567.89"));
        assert_eq!(da.money(amount, &eur).ok().as_deref(), Some("1.234.567,89 euro"));
        assert_eq!(en.money(180_000_000.into(), &eur).ok().as_deref(), Some("EUR 180,000,000.00"));
        assert_eq!(da.money(5.into(), &tender_core::Currency::new("SEK")).ok().as_deref(), Some("5,00 SEK"));
        assert_eq!(da.percent(30.into()).ok().as_deref(), Some("30 %"));
        assert_eq!(en.percent(30.into()).ok().as_deref(), Some("30%"));
        let date = tender_core::common::Date::new(2025, 12, 15).unwrap_or_else(|| panic!("a date"));
        assert_eq!(da.date(date).ok().as_deref(), Some("15. december 2025"));
        assert_eq!(en.date(date).ok().as_deref(), Some("15 December 2025"));
        assert_eq!(da.fixed(rust_decimal::Decimal::new(30, 0), 2), "30,00");
        assert_eq!(da.list(&["a".into(), "b".into(), "c".into()]).ok().as_deref(), Some("a, b og c"));
    }
}
