//! OCDS export: the tender, its lots and award criteria, every bid with its evaluation, and the
//! awards, as an OCDS 1.1 release. A release package declares every extension whose fields the
//! release uses (see [`extensions_used`]), so a data review tool finds no undeclared field.
//!
//! # Mapping
//!
//! | Model | OCDS |
//! |---|---|
//! | options `ocid_prefix` (with or without its trailing hyphen), `-`, tender `id` | `ocid` |
//! | tender `id` and the release date | release `id`: `{tender id}-evaluation-{date's digits}`, new for every export |
//! | tender `id`, `title`, `description` (main language) | `tender.id`, `tender.title`, `tender.description`; `language` |
//! | `estimated_value`, `currency` | `tender.value` |
//! | `submission_deadline` with `notice.deadline_time` | `tender.tenderPeriod.endDate` (without a time: the end of the day, UTC) |
//! | `contract.start`, `duration_months`, extension options | `tender.contractPeriod`: `startDate`, `endDate` (start + duration − 1 day), `maxExtentDate` (with every extension option) |
//! | `procedure` | `tender.procurementMethod`: open → `open`, the others `selective`; `procurementMethodDetails` the procedure in words in the main language ("Offentligt udbud", "Open procedure") |
//! | criteria of all lots | `tender.awardCriteria`: `priceOnly`, `costOnly`, `qualityOnly` or `ratedCriteria` |
//! | `buyer` with its `identifier` | `parties[]` (role `buyer`, `identifier`, `address.country`) and `buyer`; the party id is `DK-CVR-{number}` for a Danish CVR number, the number itself otherwise, `buyer` (with a warning) without one |
//! | bidder `id`, `name`, `country`, `sme` | `parties[]` (roles `tenderer`, `supplier`), id and `identifier` as the buyer's; `details.scale` `sme` or `large` |
//! | lots | `tender.lots[]` (lots extension) with `awardCriteria` (award criteria breakdown extension); a lot's CPV code as an item with `relatedLot` |
//! | lot groups, `max_lots_per_bidder`, `max_lots_awarded_per_bidder`, `lot_split_reason` | `tender.lotGroups[]`, `tender.lotDetails` (`splitRationale` from this crate's lot split rationale extension) |
//! | bids | `bids.details[]` (bids extension): `tenderers`, `value` (the bid's total), `relatedLots`, `status` (`valid` when ranked, else `disqualified`), `hasRank`, `rank`; `bids.statistics[]` per lot (`bids`, `validBids`) |
//! | the evaluation of each bid | `bids.details[].evaluation` (this crate's bid evaluation extension, see below) |
//! | awarded bids | `awards[]` with the bid's id, status `pending` (a proposed award), `suppliers`, `value`, `relatedLots`, `relatedBids` |
//!
//! Extensions, declared only when their fields are used: lots, award criteria breakdown, bids,
//! country code (`address.country`), party scale (`details.scale`), and this crate's own two,
//! kept in the repository under `crates/interop/extensions/` (`extension.json`, the
//! `release-schema.json` patch, codelists and a README, after the OCDS extension template) and
//! declared by their URL under [`OcdsOptions::extensions_base`].
//!
//! The award criteria use the same plan as the eForms export (see the crate documentation):
//! `percentageExact`, `pointsExact`, `order`, `minimumScore`, `maximumBids`, `weightingDescription`
//! (eForms BT-543) and `orderRationale` (BT-733).
//!
//! # The per-bid evaluation
//!
//! OCDS has no field for the scores of each bid (open-contracting/standard issue #1546 is still
//! open), so each entry of `bids.details` carries an `evaluation` object, defined by the bid
//! evaluation extension (`crates/interop/extensions/ocds_bidEvaluation_extension/`): `status`,
//! `awarded`, `passedOver`, `comparison`, `total` (the figure bids are compared on, as
//! published), `qualityPoints`, `qualityPercent`, `evaluatedPrice`, `pricePoints`, `criteria[]`
//! (`id`, `name`, `score` on the criterion's scale, `points`) and `exclusion` (why a bid was not
//! ranked). Figures are rounded by the lot's rounding policy, as published.

use std::collections::BTreeMap;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde_json::{Map, Number, Value, json};
use tender_core::award::{AwardModel, RoundingStrategy};
use tender_core::tender::Procedure;
use tender_core::{Bid, CriterionKind, Id, Language, Money, Tender, Text};
use tender_score::Exact;
use tender_score::result::{BidResult, BidStatus, Comparison, Evaluation, Exclusion, LotEvaluation};

use crate::criteria::{self, LotCriteria, NumberRole, Target};
use crate::error::{ExportError, ExportProblem, Exported};

/// The OCDS extensions the export can use, by the fields that need them. A package declares
/// those its release uses (see [`extensions_used`]).
pub const LOTS_EXTENSION: &str =
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_lots_extension/master/extension.json";
/// `tender.lots[].awardCriteria`.
pub const AWARD_CRITERIA_EXTENSION: &str = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_awardCriteriaBreakdown_extension/master/extension.json";
/// `bids`, `awards[].relatedBids`.
pub const BID_EXTENSION: &str =
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_bid_extension/master/extension.json";
/// `parties[].address.country` (ISO 3166-1 alpha-2).
pub const COUNTRY_CODE_EXTENSION: &str =
    "https://raw.githubusercontent.com/open-contracting-extensions/ocds_countryCode_extension/master/extension.json";
/// `parties[].details.scale` (`sme`, `large`).
pub const PARTY_SCALE_EXTENSION: &str = "https://raw.githubusercontent.com/open-contracting-extensions/ocds_partyDetails_scale_extension/master/extension.json";

/// Where this crate's own extensions are published by default: their folders in the repository
/// (`crates/interop/extensions/`), under the package's repository URL. A publisher that hosts
/// them elsewhere sets [`OcdsOptions::extensions_base`].
pub const OWN_EXTENSIONS_BASE: &str = concat!(env!("CARGO_PKG_REPOSITORY"), "/raw/main/crates/interop/extensions/");
/// The folder of the bid evaluation extension (`bids.details[].evaluation`).
pub const BID_EVALUATION_EXTENSION: &str = "ocds_bidEvaluation_extension";
/// The folder of the lot split rationale extension (`tender.lotDetails.splitRationale`).
pub const LOT_SPLIT_RATIONALE_EXTENSION: &str = "ocds_lotSplitRationale_extension";

/// What the OCDS export needs beyond the tender: the publisher's identifiers and the date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OcdsOptions {
    /// The publisher's ocid prefix, registered with the Open Contracting Partnership, e.g.
    /// `ocds-a1b2c3`; the `ocid` is the prefix, a hyphen and the tender's id. A trailing hyphen
    /// on the prefix is accepted (`ocds-a1b2c3-` gives the same ocid).
    pub ocid_prefix: String,
    /// The release date (and a package's published date) in RFC 3339, e.g.
    /// `2026-11-02T12:00:00Z`. The export reads no clock: the caller says when.
    pub date: String,
    /// The release id; defaults to `{tender id}-evaluation-{date}` (the date's digits, e.g.
    /// `20261102T120000Z`), so each export has its own.
    pub release_id: Option<String>,
    /// A release package's publisher name; defaults to the buyer's name.
    pub publisher: Option<String>,
    /// A release package's URI; defaults to `urn:ocds:{ocid}`.
    pub package_uri: Option<String>,
    /// Where this crate's own extensions are published, ending in `/`; defaults to
    /// [`OWN_EXTENSIONS_BASE`]. Each extension's URL is this plus its folder and
    /// `/extension.json`.
    pub extensions_base: Option<String>,
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
            extensions_base: None,
        }
    }

    fn check(&self) -> Result<(), ExportError> {
        if self.ocid_prefix.trim().trim_end_matches('-').is_empty() {
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

    /// The ocid: the prefix (without a trailing hyphen), `-`, the tender id.
    fn ocid(&self, tender: &Tender) -> String {
        format!("{}-{}", self.ocid_prefix.trim().trim_end_matches('-'), tender.id)
    }

    /// The release id: given, or the tender id and the release date's digits.
    fn release_id(&self, tender: &Tender) -> String {
        self.release_id.clone().unwrap_or_else(|| {
            let stamp: String = self.date.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
            format!("{}-evaluation-{stamp}", tender.id)
        })
    }

    fn own_extension(&self, folder: &str) -> String {
        let base = self.extensions_base.as_deref().unwrap_or(OWN_EXTENSIONS_BASE);
        let slash = if base.ends_with('/') { "" } else { "/" };
        format!("{base}{slash}{folder}/extension.json")
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

/// `procurementMethod`, and `procurementMethodDetails` in words in the release language (the
/// words of the tender texts, `crates/text/locales`; English for a language without them).
fn procurement_method(procedure: Procedure, lang: &Language) -> (&'static str, &'static str) {
    let danish = lang.as_str() == "da";
    let words = match (procedure, danish) {
        (Procedure::Open, true) => "Offentligt udbud",
        (Procedure::Open, false) => "Open procedure",
        (Procedure::Restricted, true) => "Begrænset udbud",
        (Procedure::Restricted, false) => "Restricted procedure",
        (Procedure::CompetitiveWithNegotiation, true) => "Udbud med forhandling",
        (Procedure::CompetitiveWithNegotiation, false) => "Competitive procedure with negotiation",
        (Procedure::DynamicPurchasingSystem, true) => "Konkurrence inden for et dynamisk indkøbssystem",
        (Procedure::DynamicPurchasingSystem, false) => "Competition within a dynamic purchasing system",
        (Procedure::FrameworkCallOff, true) => "Miniudbud under en rammeaftale",
        (Procedure::FrameworkCallOff, false) => "Call-off by mini-competition under a framework agreement",
    };
    let method = if procedure == Procedure::Open { "open" } else { "selective" };
    (method, words)
}

/// An organisation identifier in an org-id.guide scheme, read from a registration number as
/// the model writes it: `DK` and eight digits is a Danish CVR number (scheme `DK-CVR`; a Danish
/// VAT number is `DK` and the CVR number). Other numbers have no scheme the export can name.
pub fn org_identifier(number: &str, country: &str) -> Option<(&'static str, String)> {
    let digits = number.strip_prefix("DK").unwrap_or(number);
    let danish = number.starts_with("DK") || country == "DK";
    (danish && digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| ("DK-CVR", digits.to_owned()))
}

/// A party: its id (`scheme-number` when the scheme is known, else the number) and its
/// `identifier` object, with the registered name where the model has it (a bidder's).
fn party_identity(number: &str, country: &str, legal_name: Option<&str>) -> (String, Option<Value>) {
    match org_identifier(number, country) {
        Some((scheme, id)) => {
            let mut identifier = json!({ "scheme": scheme, "id": id });
            if let Some(name) = legal_name {
                identifier["legalName"] = json!(name);
            }
            (format!("{scheme}-{id}"), Some(identifier))
        }
        None => (number.to_owned(), None),
    }
}

/// A civil date as an OCDS date-time. The model has dates without a time of day; OCDS wants a
/// full date-time, and asks the publisher to choose the time: the start of the day (UTC) for a
/// start, the end of the day for an end.
fn date_time(date: jiff::civil::Date, end: bool) -> String {
    let time = if end { "23:59:59Z" } else { "00:00:00Z" };
    format!("{date}T{time}")
}

fn civil(date: tender_core::common::Date) -> Option<jiff::civil::Date> {
    jiff::civil::Date::new(date.year(), date.month(), date.day()).ok()
}

/// `contractPeriod`: from the contract start for the duration (options excluded), and the
/// furthest end with every extension option.
fn contract_period(tender: &Tender) -> Option<Value> {
    let start = civil(tender.contract.start?)?;
    let months = |n: u32| -> Option<jiff::civil::Date> {
        let span = jiff::Span::new().try_months(i64::from(n)).ok()?;
        start.checked_add(span).ok()?.checked_sub(jiff::Span::new().days(1)).ok()
    };
    let end = months(tender.contract.duration_months)?;
    let mut period = json!({ "startDate": date_time(start, false), "endDate": date_time(end, true) });
    let extensions: u32 = tender.contract.options.iter().filter_map(|o| o.extension_months).sum();
    if extensions > 0
        && let Some(max) = tender.contract.duration_months.checked_add(extensions).and_then(months)
    {
        period["maxExtentDate"] = json!(date_time(max, true));
    }
    Some(period)
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
            if c.described {
                o.insert("description".into(), json!(first_text(&c.description)));
            }
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
) -> Result<Exported<Value>, ExportError> {
    options.check()?;
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let plans = match criteria::plan(tender, Target::Ocds, &[tender.main_language()]) {
        Ok(plan) => {
            warnings.extend(plan.warnings);
            plan.lots
        }
        Err(found) => {
            problems.extend(found);
            Vec::new()
        }
    };
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

    let ocid = options.ocid(tender);
    let lot_evaluation = |id: &Id| evaluation.lots.iter().find(|l| &l.lot == id);

    // Parties: the buyer, then each bidder once, in bid id order. A party's id is its
    // registration number in an org-id.guide scheme where the export knows the scheme.
    let awarded_bidders: Vec<&Id> =
        evaluation.lots.iter().flat_map(|l| l.bids.iter().filter(|b| b.awarded).map(|b| &b.bidder)).collect();
    let buyer_name = text(&tender.buyer.name, tender);
    let buyer_country = tender.buyer.country.as_str();
    let (buyer_id, buyer_identifier) = match &tender.buyer.identifier {
        Some(number) => party_identity(number.as_str(), buyer_country, None),
        None => {
            warnings.push(ExportProblem::new(
                "buyer.identifier",
                "the buyer has no registration number, so its OCDS party id is `buyer`, which identifies no organisation",
                "give the buyer's registration number, e.g. identifier = \"DK64942212\" for a Danish CVR number",
            ));
            ("buyer".to_owned(), None)
        }
    };
    let mut buyer = json!({
        "id": buyer_id,
        "name": buyer_name,
        "roles": ["buyer"],
        "address": { "country": buyer_country },
    });
    if let Some(identifier) = buyer_identifier {
        buyer["identifier"] = identifier;
    }
    let mut parties = vec![buyer];
    let mut sorted_bids: Vec<&Bid> = bids.iter().collect();
    sorted_bids.sort_by(|a, b| a.id.cmp(&b.id));
    let party_id =
        |bid: &Bid| party_identity(bid.bidder.id.as_str(), bid.bidder.country.as_str(), Some(&bid.bidder.name));
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
        let (id, identifier) = party_id(bid);
        let mut party = json!({
            "id": id,
            "name": bid.bidder.name,
            "roles": roles,
            "address": { "country": bid.bidder.country.as_str() },
        });
        if let Some(identifier) = identifier {
            party["identifier"] = identifier;
        }
        if let Some(sme) = bid.bidder.sme {
            party["details"] = json!({ "scale": if sme { "sme" } else { "large" } });
        }
        parties.push(party);
    }
    let reference = |bid: &Bid| json!({ "id": party_id(bid).0, "name": bid.bidder.name });

    // Tender and lots.
    let (method, method_details) = procurement_method(tender.procedure, &tender.main_language());
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
    if let Some(deadline) = tender.submission_deadline.and_then(civil) {
        // The time of day from the notice details when given, else the end of the day.
        let time =
            tender.notice.as_ref().and_then(|n| n.deadline_time.as_deref()).and_then(crate::notice::time_with_offset);
        let end = time.map_or_else(|| date_time(deadline, true), |(time, _)| format!("{deadline}T{time}"));
        t.insert("tenderPeriod".into(), json!({ "endDate": end }));
    }
    if let Some(period) = contract_period(tender) {
        t.insert("contractPeriod".into(), period);
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
    if let Some(reason) = &tender.lot_split_reason {
        details.insert("splitRationale".into(), json!(text(reason, tender)));
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
            // A bid is for one lot and its id is unique in the tender.
            a.insert("id".into(), json!(bid_id.as_str()));
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
    release.insert("id".into(), json!(options.release_id(tender)));
    release.insert("date".into(), json!(options.date));
    release.insert("tag".into(), json!(if awards.is_empty() { vec!["tender"] } else { vec!["tender", "award"] }));
    release.insert("initiationType".into(), json!("tender"));
    release.insert("language".into(), json!(tender.main_language().as_str()));
    release.insert("parties".into(), Value::Array(parties));
    release.insert("buyer".into(), json!({ "id": buyer_id, "name": text(&tender.buyer.name, tender) }));
    release.insert("tender".into(), Value::Object(t));
    release.insert("bids".into(), json!({ "statistics": statistics, "details": details }));
    if !awards.is_empty() {
        release.insert("awards".into(), Value::Array(awards));
    }
    Ok(Exported { output: Value::Object(release), warnings })
}

/// The extensions a release uses: each one whose fields it has, in the order they apply (an
/// extension after those it depends on).
pub fn extensions_used(release: &Value, options: &OcdsOptions) -> Vec<String> {
    let tender = &release["tender"];
    let parties = release["parties"].as_array().map(Vec::as_slice).unwrap_or_default();
    let lots = tender["lots"].as_array().map(Vec::as_slice).unwrap_or_default();
    let details = release["bids"]["details"].as_array().map(Vec::as_slice).unwrap_or_default();
    let uses = [
        (tender.get("lots").is_some() || tender.get("lotGroups").is_some(), LOTS_EXTENSION.to_owned()),
        (lots.iter().any(|l| l.get("awardCriteria").is_some()), AWARD_CRITERIA_EXTENSION.to_owned()),
        (release.get("bids").is_some(), BID_EXTENSION.to_owned()),
        (parties.iter().any(|p| p["address"].get("country").is_some()), COUNTRY_CODE_EXTENSION.to_owned()),
        (parties.iter().any(|p| p["details"].get("scale").is_some()), PARTY_SCALE_EXTENSION.to_owned()),
        (details.iter().any(|d| d.get("evaluation").is_some()), options.own_extension(BID_EVALUATION_EXTENSION)),
        (tender["lotDetails"].get("splitRationale").is_some(), options.own_extension(LOT_SPLIT_RATIONALE_EXTENSION)),
    ];
    uses.into_iter().filter_map(|(used, url)| used.then_some(url)).collect()
}

/// A release package holding the release, declaring every extension whose fields it uses.
///
/// # Errors
/// As [`ocds_release`].
pub fn ocds_release_package(
    tender: &Tender,
    bids: &[Bid],
    evaluation: &Evaluation,
    options: &OcdsOptions,
) -> Result<Exported<Value>, ExportError> {
    let Exported { output: release, warnings } = ocds_release(tender, bids, evaluation, options)?;
    let ocid = release["ocid"].as_str().unwrap_or_default().to_owned();
    let package = json!({
        "uri": options.package_uri.clone().unwrap_or_else(|| format!("urn:ocds:{ocid}")),
        "version": "1.1",
        "extensions": extensions_used(&release, options),
        "publishedDate": options.date,
        "publisher": { "name": options.publisher.clone().unwrap_or_else(|| text(&tender.buyer.name, tender)) },
        "releases": [release],
    });
    Ok(Exported { output: package, warnings })
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
