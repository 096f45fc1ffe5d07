//! Gates: premises and minimum requirements, each passed or failed with its reasons.
//!
//! A bid that fails any gate is out. The bidder's declaration (`met = false`) fails a gate by
//! itself; a declaration of `met = true` does not pass a typed requirement whose facts contradict
//! it, because the facts are what the committee checks.

use tender_core::Bid;
use tender_core::bid::{ExitOffer, HostingOffer, OpenSourceOffer};
use tender_core::common::Location;
use tender_core::requirement::{
    ExitRequirement, HostingRequirement, OpenSourceRequirement, OpenStandardsRequirement, Requirement,
    SovereigntyRequirement,
};
use tender_core::{Objective, Tender};

use crate::result::{GateReason, GateResult};

/// Checks one premise or minimum requirement against a bid.
pub(crate) fn check(requirement: &Requirement, bid: &Bid) -> GateResult {
    let mut reasons = Vec::new();
    match bid.answer(&requirement.id) {
        None => reasons.push(GateReason::NotAnswered),
        Some(a) if !a.met => reasons.push(GateReason::DeclaredNotMet),
        Some(_) => {}
    }
    if let Some(s) = &requirement.sovereignty {
        sovereignty(s, bid, &mut reasons);
    }
    if let Some(s) = &requirement.open_standards {
        standards(s, bid, &mut reasons);
    }
    if let Some(e) = &requirement.exit {
        match &bid.exit {
            Some(offer) => exit(e, offer, &mut reasons),
            None => reasons.push(GateReason::NoExitOffer),
        }
    }
    if let Some(h) = &requirement.hosting {
        match &bid.hosting {
            Some(offer) => hosting(h, offer, &mut reasons),
            None => reasons.push(GateReason::NoHostingOffer),
        }
    }
    if let Some(o) = &requirement.open_source {
        match &bid.open_source {
            Some(offer) => open_source(o, offer, &mut reasons),
            None => reasons.push(GateReason::NoOpenSourceOffer),
        }
    }
    GateResult {
        requirement: requirement.id.clone(),
        severity: requirement.severity,
        passed: reasons.is_empty(),
        reasons,
    }
}

/// Checks every premise and minimum requirement of a lot, tender-wide ones first.
pub(crate) fn check_all(tender: &Tender, lot: &tender_core::Lot, bid: &Bid) -> Vec<GateResult> {
    tender.requirements_for(lot).filter(|r| r.severity.is_gate()).map(|r| check(r, bid)).collect()
}

fn sovereignty(req: &SovereigntyRequirement, bid: &Bid, reasons: &mut Vec<GateReason>) {
    let Some(assessment) = &bid.sovereignty else {
        reasons.push(GateReason::NoSovereigntyAssessment);
        return;
    };
    for objective in Objective::ALL {
        if let Some(minimum) = req.minimum_for(objective) {
            let seal = assessment.objectives.get(&objective).and_then(|a| a.seal());
            if seal.is_none_or(|s| s < minimum) {
                reasons.push(GateReason::ObjectiveSealBelowMinimum { objective, seal, minimum });
            }
        }
    }
    if let Some(minimum) = req.minimum_overall {
        let seal = assessment.overall_seal();
        if seal.is_none_or(|s| s < minimum) {
            reasons.push(GateReason::OverallSealBelowMinimum { seal, minimum });
        }
    }
}

fn standards(req: &OpenStandardsRequirement, bid: &Bid, reasons: &mut Vec<GateReason>) {
    for s in &req.standards {
        if !bid.standards.contains(s) {
            reasons.push(GateReason::StandardNotSupported { standard: s.clone() });
        }
    }
}

fn exit(req: &ExitRequirement, offer: &ExitOffer, reasons: &mut Vec<GateReason>) {
    if req.exit_plan && !offer.plan {
        reasons.push(GateReason::NoExitPlan);
    }
    if let Some(maximum) = req.max_horizon_months
        && offer.horizon_months.is_none_or(|m| m > maximum)
    {
        reasons.push(GateReason::ExitHorizonTooLong { offered: offer.horizon_months, maximum });
    }
    for f in &req.data_formats {
        if !offer.data_formats.contains(f) {
            reasons.push(GateReason::ExportFormatMissing { standard: f.clone() });
        }
    }
    if let Some(required) = req.assistance {
        let ok = match required {
            tender_core::requirement::ExitAssistance::Included => {
                offer.assistance == Some(tender_core::requirement::ExitAssistance::Included)
            }
            tender_core::requirement::ExitAssistance::Paid => offer.assistance.is_some(),
        };
        if !ok {
            reasons.push(GateReason::ExitAssistance { offered: offer.assistance, required });
        }
    }
    if let Some(maximum) = req.max_notice_months
        && offer.notice_months.is_none_or(|m| m > maximum)
    {
        reasons.push(GateReason::NoticeTooLong { offered: offer.notice_months, maximum });
    }
    if let Some(maximum) = req.max_transition_days
        && offer.transition_days.is_none_or(|d| d > maximum)
    {
        reasons.push(GateReason::TransitionTooLong { offered: offer.transition_days, maximum });
    }
    if let Some(minimum) = req.min_retrieval_days
        && offer.retrieval_days.is_none_or(|d| d < minimum)
    {
        reasons.push(GateReason::RetrievalTooShort { offered: offer.retrieval_days, minimum });
    }
    if req.no_switching_charges && offer.switching_charges {
        reasons.push(GateReason::SwitchingCharges);
    }
    if req.no_egress_charges && offer.egress_charges {
        reasons.push(GateReason::EgressCharges);
    }
    if req.handover_documentation && !offer.handover_documentation {
        reasons.push(GateReason::NoDocumentationHandover);
    }
    if req.handover_code && !offer.handover_code {
        reasons.push(GateReason::NoCodeHandover);
    }
}

/// Whether every offered location lies inside one of the allowed ones. An empty allowed list
/// allows anything; an empty offered list is a failure (the bid must say where).
fn locations(allowed: &[Location], offered: &[Location]) -> Result<(), Option<Location>> {
    if allowed.is_empty() {
        return Ok(());
    }
    if offered.is_empty() {
        return Err(None);
    }
    match offered.iter().find(|o| !allowed.iter().any(|a| a.contains(o))) {
        Some(bad) => Err(Some(bad.clone())),
        None => Ok(()),
    }
}

fn hosting(req: &HostingRequirement, offer: &HostingOffer, reasons: &mut Vec<GateReason>) {
    if !req.allowed_models.is_empty() && !req.allowed_models.iter().any(|a| a.admits(offer.model)) {
        reasons.push(GateReason::HostingModelNotAllowed { offered: offer.model, allowed: req.allowed_models.clone() });
    }
    if let Err(location) = locations(&req.data_locations, &offer.data_locations) {
        reasons.push(GateReason::DataLocationNotAllowed { location });
    }
    if let Err(location) = locations(&req.support_access_from, &offer.support_access_from) {
        reasons.push(GateReason::SupportAccessNotAllowed { location });
    }
    if let Err(location) = locations(&req.operator_jurisdiction, &offer.operator_jurisdiction) {
        reasons.push(GateReason::JurisdictionNotAllowed { location });
    }
}

fn open_source(req: &OpenSourceRequirement, offer: &OpenSourceOffer, reasons: &mut Vec<GateReason>) {
    if !req.licences.is_empty() {
        for l in &offer.licences {
            if !licence_allowed(&req.licences, l) {
                reasons.push(GateReason::LicenceNotAllowed { licence: l.clone() });
            }
        }
    }
    if let Some(minimum) = req.min_share
        && offer.share.is_none_or(|s| s < minimum)
    {
        reasons
            .push(GateReason::OpenSourceShareTooLow { offered: offer.share.map(|s| s.get()), minimum: minimum.get() });
    }
    if let Some(required) = req.customer_code_rights
        && offer.customer_code_rights.is_none_or(|r| r < required)
    {
        reasons.push(GateReason::CodeRightsTooWeak { offered: offer.customer_code_rights, required });
    }
    if req.code_review && !offer.code_review {
        reasons.push(GateReason::NoCodeReview);
    }
    if req.source_delivered && !offer.source_delivered {
        reasons.push(GateReason::NoSourceDelivery);
    }
}

/// Whether an offered licence (an SPDX id or expression) is allowed: every licence it names is
/// in the allowed list (compared case-insensitively, as SPDX ids are).
fn licence_allowed(allowed: &[String], offered: &str) -> bool {
    let ids: Vec<&str> = offered
        .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
        .filter(|t| !t.is_empty() && !matches!(*t, "AND" | "OR" | "WITH"))
        .collect();
    !ids.is_empty() && ids.iter().all(|id| allowed.iter().any(|a| a.eq_ignore_ascii_case(id)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn licences() {
        let allowed = vec!["MPL-2.0".to_owned(), "LGPL-3.0-or-later".to_owned()];
        assert!(licence_allowed(&allowed, "MPL-2.0"));
        assert!(licence_allowed(&allowed, "MPL-2.0 OR LGPL-3.0-or-later"));
        assert!(!licence_allowed(&allowed, "MPL-2.0 AND LicenseRef-Proprietary"));
        assert!(!licence_allowed(&allowed, ""));
    }

    #[test]
    fn location_nesting() {
        let eu = vec![Location::new("EU")];
        assert_eq!(locations(&eu, &[Location::new("DE"), Location::new("FI")]), Ok(()));
        assert_eq!(locations(&eu, &[Location::new("DE"), Location::new("US")]), Err(Some(Location::new("US"))));
        assert_eq!(locations(&eu, &[]), Err(None));
        assert_eq!(locations(&[], &[]), Ok(()));
    }
}
