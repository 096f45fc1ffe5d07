//! OCDS export: the tender, its lots and award criteria, every bid with its evaluation, and the
//! awards, as an OCDS 1.1 release with the lots, award criteria breakdown and bids extensions.
//!
//! # Mapping
//!
//! | Model | OCDS |
//! |---|---|
//! | options `ocid_prefix` + tender `id` | `ocid` |
//! | tender `id`, `title`, `description` (main language) | `tender.id`, `tender.title`, `tender.description`; `language` |
//! | `estimated_value`, `currency` | `tender.value` |
//! | `procedure` | `tender.procurementMethod`: open → `open`; restricted, competitive with negotiation, dynamic purchasing system, framework call-off → `selective`; the procedure's key in `procurementMethodDetails` |
//! | criteria of all lots | `tender.awardCriteria`: `priceOnly`, `costOnly`, `qualityOnly` or `ratedCriteria` |
//! | `buyer` | `parties[]` (role `buyer`, `address.country`) and `buyer` |
//! | lots | `tender.lots[]` (lots extension) with `awardCriteria` (award criteria breakdown extension); a lot's CPV code as an item with `relatedLot` |
//! | lot groups, `max_lots_per_bidder`, `max_lots_awarded_per_bidder` | `tender.lotGroups[]`, `tender.lotDetails` |
//! | bids | `bids.details[]` (bids extension): `tenderers`, `value` (the bid's total), `relatedLots`, `status` (`valid` when ranked, else `disqualified`), `hasRank`, `rank`; `bids.statistics[]` per lot (`bids`, `validBids`) |
//! | the evaluation of each bid | `bids.details[].evaluation` (this crate's extension, see below) |
//! | awarded bids | `awards[]` with status `pending` (a proposed award), `suppliers`, `value`, `relatedLots`, `relatedBids` |
//!
//! The award criteria use the same plan as the eForms export (see the crate documentation):
//! `percentageExact`, `pointsExact`, `order`, `minimumScore`, `maximumBids`, `weightingDescription`
//! (eForms BT-543) and `orderRationale` (BT-733).
//!
//! # The per-bid evaluation
//!
//! OCDS has no field for the scores of each bid (open-contracting/standard issue #1546 is still
//! open), so each entry of `bids.details` carries an `evaluation` object, defined by this crate's
//! own extension schema (`crates/interop/schema/evaluation-extension/release-schema.json`):
//! `status`, `awarded`, `passedOver`, `comparison`, `total` (the figure bids are compared on, as
//! published), `qualityPoints`, `qualityPercent`, `evaluatedPrice`, `pricePoints`, `criteria[]`
//! (`id`, `name`, `score` on the criterion's scale, `points`) and `exclusion` (why a bid was not
//! ranked). Figures are rounded by the lot's rounding policy, as published.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Map, Number, Value, json};
use tender_core::award::{AwardModel, RoundingStrategy};
use tender_core::tender::Procedure;
use tender_core::{Bid, CriterionKind, Id, Money, Tender, Text};
use tender_score::Exact;
use tender_score::result::{BidResult, BidStatus, Comparison, Evaluation, Exclusion, LotEvaluation};

use crate::criteria::{self, LotCriteria, NumberRole, Target};
use crate::error::{ExportError, ExportProblem};

/// The URLs of the extensions a release uses, as a release package lists them.
pub const EXTENSIONS: [&str; 3] = [
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_awardCriteriaBreakdown_extension/master/extension.json",
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/master/extension.json",
];

/// What the OCDS export needs beyond the tender: the publisher's identifiers and the date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OcdsOptions {
    /// The publisher's ocid prefix, registered with the Open Contracting Partnership, e.g.
    /// `ocds-a1b2c3-`; the tender's id is appended to make the `ocid`.
    pub ocid_prefix: String,
    /// The release date (and a package's published date) in RFC 3339, e.g.
    /// `2026-11-02T12:00:00Z`. The export reads no clock: the caller says when.
    pub date: String,
    /// The release id; defaults to `{tender id}-evaluation`.
    pub release_id: Option<String>,
    /// A release package's publisher name; defaults to the buyer's name.
    pub publisher: Option<String>,
    /// A release package's URI; defaults to `urn:ocds:{ocid}`.
    pub package_uri: Option<String>,
}

impl OcdsOptions {
    /// Options with the ocid prefix and the date; the rest default.
    pub fn new(ocid_prefix: impl Into<String>, date: impl Into<String>) -> Self {
        Self {
            ocid_prefix: ocid_prefix.into(),
            date: date.into(),
            release_id: None,
            publisher: None,
            package_uri: None,
        }
    }

    fn check(&self) -> Result<(), ExportError> {
        if self.ocid_prefix.trim().is_empty() {
            return Err(ExportError::Options {
                option: "ocid_prefix",
                message: "it is empty; give the publisher's registered prefix, e.g. `ocds-a1b2c3-`".to_owned(),
            });
        }
        if self.date.parse::<jiff::Timestamp>().is_err() {
            return Err(ExportError::Options {
                option: "date",
                message: format!("`{}` is not an RFC 3339 date and time; write e.g. `2026-11-02T12:00:00Z`", self.date),
            });
        }
        Ok(())
    }
}

/// An exact decimal as a JSON number, every digit kept (serde_json's `arbitrary_precision`).
pub(crate) fn decimal(value: Decimal) -> Value {
    Number::from_str(&value.normalize().to_string()).map_or(Value::Null, Value::Number)
}

fn money(amount: Money, tender: &Tender) -> Value {
    json!({ "amount": decimal(amount.get()), "currency": tender.currency.as_str() })
}

fn text(value: &Text, tender: &Tender) -> String {
    value.get(&tender.main_language()).trim().to_owned()
}

fn procurement_method(procedure: Procedure) -> (&'static str, &'static str) {
    match procedure {
        Procedure::Open => ("open", "open"),
        Procedure::Restricted => ("selective", "restricted"),
        Procedure::CompetitiveWithNegotiation => ("selective", "competitive-with-negotiation"),
        Procedure::DynamicPurchasingSystem => ("selective", "dynamic-purchasing-system"),
        Procedure::FrameworkCallOff => ("selective", "framework-call-off"),
    }
}

/// `priceOnly`, `costOnly`, `qualityOnly` or `ratedCriteria` for all lots together.
fn award_criteria_code(tender: &Tender) -> &'static str {
    let kinds: Vec<CriterionKind> = tender.lots.iter().flat_map(|l| l.award.criteria.iter().map(|c| c.kind)).collect();
    let all = |k: CriterionKind| !kinds.is_empty() && kinds.iter().all(|x| *x == k);
    if all(CriterionKind::Price) {
        "priceOnly"
    } else if all(CriterionKind::Cost) {
        "costOnly"
    } else if all(CriterionKind::Quality) {
        "qualityOnly"
    } else {
        "ratedCriteria"
    }
}

fn first_text(texts: &criteria::Texts) -> String {
    texts.first().map(|(_, s)| s.clone()).unwrap_or_default()
}

fn lot_award_criteria(plan: &LotCriteria<'_>) -> Value {
    let criteria: Vec<Value> = plan
        .criteria
        .iter()
        .map(|c| {
            let mut o = Map::new();
            o.insert("type".into(), json!(criteria::kind_code(c.criterion.kind)));
            o.insert("name".into(), json!(first_text(&c.name)));
            o.insert("description".into(), json!(first_text(&c.description)));
            let numbers: Vec<Value> = c
                .numbers
                .iter()
                .map(|n| match n.role {
                    NumberRole::Weight(code) => json!({ "number": decimal(n.value), "weight": code.ocds() }),
                    NumberRole::Threshold(code) => json!({ "number": decimal(n.value), "threshold": code.ocds() }),
                })
                .collect();
            if !numbers.is_empty() {
                o.insert("numbers".into(), Value::Array(numbers));
            }
            Value::Object(o)
        })
        .collect();
    let mut o = Map::new();
    if let Some(t) = &plan.weighting_description {
        o.insert("weightingDescription".into(), json!(first_text(t)));
    }
    if let Some(t) = &plan.order_justification {
        o.insert("orderRationale".into(), json!(first_text(t)));
    }
    if !criteria.is_empty() {
        o.insert("criteria".into(), Value::Array(criteria));
    }
    Value::Object(o)
}

fn lot_status(evaluation: Option<&LotEvaluation>) -> &'static str {
    match evaluation {
        Some(e) if !e.awarded.is_empty() => "complete",
        Some(e) if e.bids.iter().all(|b| b.status != BidStatus::Ranked) => "unsuccessful",
        _ => "active",
    }
}

/// The OCDS release: tender, lots with award criteria, every bid with its evaluation, awards.
///
/// # Errors
/// [`ExportError::Options`] for an empty ocid prefix or a date that is not RFC 3339;
/// [`ExportError::Invalid`] when the award criteria break the rules both standards share
/// (percentage weights not summing to 100, order of importance on only some criteria, a formula
/// price model whose method is not described), or a bid or result refers to an unknown lot or bid.
pub fn ocds_release(
    tender: &Tender,
    bids: &[Bid],
    evaluation: &Evaluation,
    options: &OcdsOptions,
) -> Result<Value, ExportError> {
    options.check()?;
    let mut problems = Vec::new();
    let plans = criteria::plan(tender, Target::Ocds).unwrap_or_else(|found| {
        problems.extend(found);
        Vec::new()
    });
    let bid_by_id: BTreeMap<&Id, &Bid> = bids.iter().map(|b| (&b.id, b)).collect();
    for (i, lot) in evaluation.lots.iter().enumerate() {
        if tender.lot(&lot.lot).is_none() {
            problems.push(ExportProblem::new(
                format!("evaluation.lots[{i}]"),
                format!("the evaluation is of lot `{}`, which the tender does not have", lot.lot),
                "evaluate the bids against this tender",
            ));
        }
        for result in &lot.bids {
            if !bid_by_id.contains_key(&result.bid) {
                problems.push(ExportProblem::new(
                    format!("evaluation.lots[{i}]"),
                    format!("the evaluation has bid `{}`, which is not among the bids given", result.bid),
                    "pass the same bids that were evaluated",
                ));
            }
        }
    }
    if !problems.is_empty() {
        return Err(ExportError::Invalid { format: "OCDS", problems });
    }

    let ocid = format!("{}{}", options.ocid_prefix, tender.id);
    let lot_evaluation = |id: &Id| evaluation.lots.iter().find(|l| &l.lot == id);

    // Parties: the buyer, then each bidder once, in bid id order.
    let awarded_bidders: Vec<&Id> =
        evaluation.lots.iter().flat_map(|l| l.bids.iter().filter(|b| b.awarded).map(|b| &b.bidder)).collect();
    let mut parties = vec![json!({
        "id": "buyer",
        "name": text(&tender.buyer.name, tender),
        "roles": ["buyer"],
        "address": { "country": tender.buyer.country.as_str() },
    })];
    let mut sorted_bids: Vec<&Bid> = bids.iter().collect();
    sorted_bids.sort_by(|a, b| a.id.cmp(&b.id));
    let mut seen = Vec::new();
    for bid in &sorted_bids {
        if seen.contains(&&bid.bidder.id) {
            continue;
        }
        seen.push(&bid.bidder.id);
        let mut roles = vec!["tenderer"];
        if awarded_bidders.contains(&&bid.bidder.id) {
            roles.push("supplier");
        }
        let mut party = json!({
            "id": bid.bidder.id.as_str(),
            "name": bid.bidder.name,
            "roles": roles,
            "address": { "country": bid.bidder.country.as_str() },
        });
        if let Some(sme) = bid.bidder.sme {
            party["details"] = json!({ "scale": if sme { "sme" } else { "large" } });
        }
        parties.push(party);
    }
    let reference = |bid: &Bid| json!({ "id": bid.bidder.id.as_str(), "name": bid.bidder.name });

    // Tender and lots.
    let (method, method_details) = procurement_method(tender.procedure);
    let lots: Vec<Value> = plans
        .iter()
        .map(|plan| {
            let lot = plan.lot;
            let mut o = Map::new();
            o.insert("id".into(), json!(lot.id.as_str()));
            o.insert("title".into(), json!(first_text(&plan.title)));
            if let Some(d) = &lot.description {
                o.insert("description".into(), json!(text(d, tender)));
            }
            o.insert("status".into(), json!(lot_status(lot_evaluation(&lot.id))));
            if let Some(v) = lot.estimated_value {
                o.insert("value".into(), money(v, tender));
            }
            o.insert("awardCriteria".into(), lot_award_criteria(plan));
            Value::Object(o)
        })
        .collect();
    let items: Vec<Value> = tender
        .lots
        .iter()
        .filter_map(|lot| {
            lot.cpv.as_ref().map(|cpv| {
                json!({
                    "id": lot.id.as_str(),
                    "description": text(&lot.title, tender),
                    "classification": { "scheme": "CPV", "id": cpv },
                    "relatedLot": lot.id.as_str(),
                })
            })
        })
        .collect();
    let statuses: Vec<&str> = tender.lots.iter().map(|l| lot_status(lot_evaluation(&l.id))).collect();
    let tender_status = if statuses.iter().all(|s| *s == "complete") {
        "complete"
    } else if statuses.iter().all(|s| *s == "unsuccessful") {
        "unsuccessful"
    } else {
        "active"
    };
    let mut t = Map::new();
    t.insert("id".into(), json!(tender.id.as_str()));
    t.insert("title".into(), json!(text(&tender.title, tender)));
    if let Some(d) = &tender.description {
        t.insert("description".into(), json!(text(d, tender)));
    }
    t.insert("status".into(), json!(tender_status));
    if let Some(v) = tender.estimated_value {
        t.insert("value".into(), money(v, tender));
    }
    t.insert("procurementMethod".into(), json!(method));
    t.insert("procurementMethodDetails".into(), json!(method_details));
    t.insert("awardCriteria".into(), json!(award_criteria_code(tender)));
    if !items.is_empty() {
        t.insert("items".into(), Value::Array(items));
    }
    t.insert("numberOfTenderers".into(), json!(seen.len()));
    let mut tenderers: Vec<Value> = Vec::new();
    for bid in &sorted_bids {
        let r = reference(bid);
        if !tenderers.contains(&r) {
            tenderers.push(r);
        }
    }
    if !tenderers.is_empty() {
        t.insert("tenderers".into(), Value::Array(tenderers));
    }
    t.insert("lots".into(), Value::Array(lots));
    if !tender.lot_groups.is_empty() {
        let groups: Vec<Value> = tender
            .lot_groups
            .iter()
            .map(|g| {
                let mut o = Map::new();
                o.insert("id".into(), json!(g.id.as_str()));
                o.insert("title".into(), json!(text(&g.title, tender)));
                if let Some(d) = &g.description {
                    o.insert("description".into(), json!(text(d, tender)));
                }
                o.insert("relatedLots".into(), json!(g.lots.iter().map(Id::as_str).collect::<Vec<_>>()));
                Value::Object(o)
            })
            .collect();
        t.insert("lotGroups".into(), Value::Array(groups));
    }
    let mut details = Map::new();
    if let Some(n) = tender.max_lots_per_bidder {
        details.insert("maximumLotsBidPerSupplier".into(), json!(n));
    }
    if let Some(n) = tender.max_lots_awarded_per_bidder {
        details.insert("maximumLotsAwardedPerSupplier".into(), json!(n));
    }
    if !details.is_empty() {
        t.insert("lotDetails".into(), Value::Object(details));
    }

    // Bids, their evaluation, and awards.
    let mut statistics = Vec::new();
    let mut details = Vec::new();
    let mut awards = Vec::new();
    for lot_eval in &evaluation.lots {
        let Some(lot) = tender.lot(&lot_eval.lot) else { continue };
        let lot_id = lot.id.as_str();
        statistics.push(json!({
            "id": format!("{lot_id}-bids"), "measure": "bids",
            "value": lot_eval.bids.len(), "relatedLot": lot_id,
        }));
        let valid = lot_eval.bids.iter().filter(|b| b.status == BidStatus::Ranked).count();
        statistics.push(json!({
            "id": format!("{lot_id}-validBids"), "measure": "validBids",
            "value": valid, "relatedLot": lot_id,
        }));
        for result in &lot_eval.bids {
            let Some(bid) = bid_by_id.get(&result.bid) else { continue };
            let mut d = Map::new();
            d.insert("id".into(), json!(bid.id.as_str()));
            d.insert("status".into(), json!(if result.status == BidStatus::Ranked { "valid" } else { "disqualified" }));
            d.insert("tenderers".into(), json!([reference(bid)]));
            if let Some(total) = bid.price.total {
                d.insert("value".into(), money(total, tender));
            }
            d.insert("relatedLots".into(), json!([lot_id]));
            d.insert("hasRank".into(), json!(result.rank.is_some()));
            if let Some(rank) = result.rank {
                d.insert("rank".into(), json!(rank));
            }
            d.insert("evaluation".into(), bid_evaluation(tender, &lot.award, lot_eval, result));
            details.push(Value::Object(d));
        }
        for bid_id in &lot_eval.awarded {
            let Some(bid) = bid_by_id.get(bid_id) else { continue };
            let mut a = Map::new();
            a.insert("id".into(), json!(format!("{lot_id}-{bid_id}")));
            a.insert("status".into(), json!("pending"));
            if let Some(total) = bid.price.total {
                a.insert("value".into(), money(total, tender));
            }
            a.insert("suppliers".into(), json!([reference(bid)]));
            a.insert("relatedLots".into(), json!([lot_id]));
            a.insert("relatedBids".into(), json!([bid_id.as_str()]));
            awards.push(Value::Object(a));
        }
    }

    let mut release = Map::new();
    release.insert("ocid".into(), json!(ocid));
    release
        .insert("id".into(), json!(options.release_id.clone().unwrap_or_else(|| format!("{}-evaluation", tender.id))));
    release.insert("date".into(), json!(options.date));
    release.insert("tag".into(), json!(if awards.is_empty() { vec!["tender"] } else { vec!["tender", "award"] }));
    release.insert("initiationType".into(), json!("tender"));
    release.insert("language".into(), json!(tender.main_language().as_str()));
    release.insert("parties".into(), Value::Array(parties));
    release.insert("buyer".into(), json!({ "id": "buyer", "name": text(&tender.buyer.name, tender) }));
    release.insert("tender".into(), Value::Object(t));
    release.insert("bids".into(), json!({ "statistics": statistics, "details": details }));
    if !awards.is_empty() {
        release.insert("awards".into(), Value::Array(awards));
    }
    Ok(Value::Object(release))
}

/// A release package holding the release, listing the extensions it uses.
///
/// # Errors
/// As [`ocds_release`].
pub fn ocds_release_package(
    tender: &Tender,
    bids: &[Bid],
    evaluation: &Evaluation,
    options: &OcdsOptions,
) -> Result<Value, ExportError> {
    let release = ocds_release(tender, bids, evaluation, options)?;
    let ocid = release["ocid"].as_str().unwrap_or_default().to_owned();
    Ok(json!({
        "uri": options.package_uri.clone().unwrap_or_else(|| format!("urn:ocds:{ocid}")),
        "version": "1.1",
        "extensions": EXTENSIONS,
        "publishedDate": options.date,
        "publisher": { "name": options.publisher.clone().unwrap_or_else(|| text(&tender.buyer.name, tender)) },
        "releases": [release],
    }))
}

fn rounded(value: Exact, decimals: u32, strategy: RoundingStrategy) -> Value {
    value.round(decimals, strategy).map_or(Value::Null, decimal)
}

/// The `evaluation` extension object of one bid.
fn bid_evaluation(tender: &Tender, award: &AwardModel, lot: &LotEvaluation, result: &BidResult) -> Value {
    let decimals = lot.decimals;
    let strategy = award.rounding.strategy;
    let mut o = Map::new();
    o.insert(
        "status".into(),
        json!(match result.status {
            BidStatus::Ranked => "ranked",
            BidStatus::FailedGate => "failedGate",
            BidStatus::BelowQualityThreshold => "belowQualityThreshold",
            BidStatus::NotAmongBestQuality => "notAmongBestQuality",
            BidStatus::Rejected => "rejected",
        }),
    );
    o.insert("awarded".into(), json!(result.awarded));
    o.insert("passedOver".into(), json!(result.passed_over));
    o.insert(
        "comparison".into(),
        json!(match lot.comparison {
            Comparison::HighestTotal => "highestTotal",
            Comparison::LowestPricePerQualityPoint => "lowestPricePerQualityPoint",
            Comparison::LowestEvaluationPrice => "lowestEvaluationPrice",
        }),
    );
    if let Some(total) = result.total {
        o.insert("total".into(), decimal(total.value));
    }
    if let Some(q) = result.quality {
        o.insert("qualityPoints".into(), decimal(q.value));
    }
    if let Some(q) = result.quality_percent {
        o.insert("qualityPercent".into(), decimal(q.value));
    }
    if let Some(price) = &result.price {
        o.insert(
            "evaluatedPrice".into(),
            json!({ "amount": decimal(price.evaluated.value), "currency": tender.currency.as_str() }),
        );
        if let Some(points) = price.points {
            o.insert("pricePoints".into(), decimal(points.value));
        }
    }
    if !result.criteria.is_empty() {
        let criteria: Vec<Value> = result
            .criteria
            .iter()
            .map(|c| {
                let name = award
                    .criteria
                    .iter()
                    .find(|x| x.id == c.criterion)
                    .map(|x| text(&x.name, tender))
                    .unwrap_or_default();
                json!({
                    "id": c.criterion.as_str(),
                    "name": name,
                    "score": rounded(c.score, decimals, strategy),
                    "points": decimal(c.points.value),
                })
            })
            .collect();
        o.insert("criteria".into(), Value::Array(criteria));
    }
    if let Some(exclusion) = &result.exclusion {
        let e = match exclusion {
            Exclusion::Gates { requirements } => json!({
                "reason": "gates",
                "requirements": requirements.iter().map(Id::as_str).collect::<Vec<_>>(),
            }),
            Exclusion::CriterionMinimum { criterion, score, minimum } => json!({
                "reason": "criterionMinimum", "criterion": criterion.as_str(),
                "score": decimal(*score), "minimum": decimal(*minimum),
            }),
            Exclusion::QualityMinimum { percent, minimum } => json!({
                "reason": "qualityMinimum", "percent": decimal(*percent), "minimum": decimal(*minimum),
            }),
            Exclusion::MaxPass { max_pass, place } => json!({
                "reason": "maxPass", "maxPass": max_pass, "place": place,
            }),
        };
        o.insert("exclusion".into(), e);
    }
    Value::Object(o)
}
