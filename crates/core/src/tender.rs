//! The tender and its lots.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::award::AwardModel;
use crate::common::{Country, Currency, Date, Id, Language, Text};
use crate::notice::{Address, NoticeDetails};
use crate::num::Money;
use crate::requirement::Requirement;
use crate::standards::Standard;

/// A whole tender: who buys what, how, in which lots, against which requirements and criteria.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Tender {
    /// Stable id, e.g. the buyer's case number.
    pub id: Id,
    /// Title.
    pub title: Text,
    /// What is bought and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The contracting authority.
    pub buyer: Buyer,
    /// The procedure.
    pub procedure: Procedure,
    /// For a call-off: the framework agreement or dynamic purchasing system it runs under.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub framework: Option<Text>,
    /// The currency of every amount in the tender and its bids.
    pub currency: Currency,
    /// Languages the tender texts are published in, first the main one.
    pub languages: Vec<Language>,
    /// Estimated total value, excluding VAT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_value: Option<Money>,
    /// Deadline for bids.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submission_deadline: Option<Date>,
    /// Contract period and options.
    pub contract: Contract,
    /// Why the purchase is split into lots (e.g. so smaller suppliers can bid).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lot_split_reason: Option<Text>,
    /// The most lots one bidder may bid for (udbudsloven § 49, stk. 2; directive 2014/24/EU
    /// art. 46(2)).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_lots_per_bidder: Option<u32>,
    /// What happens to a bidder's bids when it bids for more lots than `max_lots_per_bidder`
    /// allows: all of them are rejected (the default), or they are kept in the bidder's stated
    /// order of priority up to the limit and the rest rejected.
    #[serde(default, skip_serializing_if = "OverLimitRule::is_default")]
    pub over_lot_limit: OverLimitRule,
    /// Whether a bidder may submit more than one bid (alternative offers) for a lot (udbudsloven
    /// § 53; directive 2014/24/EU art. 45). Without it, two bids from one bidder for one lot are
    /// both rejected.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub alternative_offers: bool,
    /// The most lots one bidder may be awarded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_lots_awarded_per_bidder: Option<u32>,
    /// When a bidder would win more lots than `max_lots_awarded_per_bidder`: the order in which
    /// lots are awarded, so the bidder keeps the first ones and the later lots go to the next
    /// ranked bids. Without it the evaluation reports the conflict and awards nothing differently.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lot_award_order: Option<LotAwardOrder>,
    /// Groups of lots.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lot_groups: Vec<LotGroup>,
    /// Open standards the tender names beyond the built-in catalogue.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<Standard>,
    /// Requirements that apply to every lot.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<Requirement>,
    /// The lots; a tender not split into lots has one.
    pub lots: Vec<Lot>,
    /// What the tender deliberately does not require (e.g. no exclusion by nationality).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub not_required: Vec<Text>,
    /// What the eForms contract notice needs beyond the above (`tender export --eforms-notice`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice: Option<NoticeDetails>,
}

impl Tender {
    /// The ids bids refer to: the tender's, its lots', their award criteria and sub-criteria, their
    /// requirements and basket lines. For [`crate::common::with_id_pool`] while bids are read.
    pub fn referenced_ids(&self) -> Vec<Id> {
        let mut ids = vec![self.id.clone()];
        ids.extend(self.requirements.iter().map(|r| r.id.clone()));
        for lot in &self.lots {
            ids.push(lot.id.clone());
            ids.extend(lot.requirements.iter().map(|r| r.id.clone()));
            ids.extend(lot.award.basket.iter().map(|l| l.id.clone()));
            for c in &lot.award.criteria {
                ids.push(c.id.clone());
                ids.extend(c.sub_criteria.iter().map(|s| s.id.clone()));
            }
        }
        ids
    }

    /// The lot with this id.
    pub fn lot(&self, id: &Id) -> Option<&Lot> {
        self.lots.iter().find(|l| &l.id == id)
    }

    /// Every requirement that applies to a lot: the tender's (those for every lot or naming this
    /// one), then the lot's own.
    pub fn requirements_for<'a>(&'a self, lot: &'a Lot) -> impl Iterator<Item = &'a Requirement> {
        self.requirements
            .iter()
            .filter(move |r| r.lots.is_empty() || r.lots.contains(&lot.id))
            .chain(lot.requirements.iter())
    }

    /// The standard with this id: the tender's own entry, else the built-in catalogue's.
    pub fn standard(&self, id: &Id) -> Option<Standard> {
        self.standards.iter().find(|s| &s.id == id).cloned().or_else(|| crate::standards::builtin(id.as_str()))
    }

    /// The main language of the texts.
    pub fn main_language(&self) -> Language {
        self.languages.first().cloned().unwrap_or_else(Language::en)
    }
}

/// The contracting authority.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Buyer {
    /// Name.
    pub name: Text,
    /// Country.
    pub country: Country,
    /// The organisation's registration number, as a bidder's id is written: a Danish CVR number
    /// as `DK` and its eight digits (`DK64942212`), otherwise the national number or VAT number.
    /// The OCDS export makes it the buyer's party id (scheme `DK-CVR` for a CVR number); the
    /// eForms notice publishes it as BT-501.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub identifier: Option<Id>,
    /// The postal address (the notice's BT-510, BT-513, BT-512, BT-507).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// The contact e-mail address (BT-506).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The contact telephone number (BT-503).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The website (BT-505).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// What kind of authority.
    #[serde(default)]
    pub kind: BuyerKind,
}

/// The order in which lots are awarded when a bidder may not win them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum LotAwardOrder {
    /// In the order the lots are listed.
    LotOrder,
    /// Highest estimated value first (lots without one last, in listed order).
    HighestEstimatedValue,
}

/// What happens to the bids of a bidder that bids for more lots than the tender allows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum OverLimitRule {
    /// Every bid of the bidder is rejected as non-compliant: the buyer may not choose for the
    /// bidder which of its bids to keep.
    #[default]
    RejectAll,
    /// The bids are kept in the order of priority the bidder states in each bid (`priority`, 1
    /// first) up to the limit; the others are rejected. A bidder that states no complete,
    /// unambiguous order loses all its bids, as under `reject-all`.
    KeepByPriority,
}

impl OverLimitRule {
    /// Whether this is the default rule (left out when written).
    pub fn is_default(&self) -> bool {
        *self == Self::default()
    }
}

/// The kind of contracting authority.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum BuyerKind {
    /// A municipality.
    Municipality,
    /// A region.
    Region,
    /// A state authority.
    State,
    /// An EU institution, body or agency.
    EuInstitution,
    /// A central purchasing body (e.g. SKI).
    CentralPurchasingBody,
    /// Another body governed by public law.
    #[default]
    Other,
}

/// The procurement procedure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Procedure {
    /// Open procedure.
    Open,
    /// Restricted procedure.
    Restricted,
    /// Competitive procedure with negotiation.
    CompetitiveWithNegotiation,
    /// A competition within a dynamic purchasing system.
    DynamicPurchasingSystem,
    /// A call-off (mini-competition) under a framework agreement.
    FrameworkCallOff,
}

/// The contract period and its options.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contract {
    /// Expected start.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    /// The fixed period in months, options excluded.
    pub duration_months: u32,
    /// Options the buyer may exercise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<ContractOption>,
}

/// An option the buyer may exercise: an extension, extra quantities or services.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContractOption {
    /// Stable id, referred to by the bids' option prices.
    pub id: Id,
    /// What the option is.
    pub description: Text,
    /// For an extension: how many months it adds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub extension_months: Option<u32>,
}

/// A lot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Lot {
    /// Stable id, unique in the tender.
    pub id: Id,
    /// Title.
    pub title: Text,
    /// What the lot covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Estimated value, excluding VAT.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub estimated_value: Option<Money>,
    /// CPV code of the main object.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cpv: Option<String>,
    /// How many suppliers are awarded the lot (the Commission's sovereign-cloud competition: up
    /// to 4).
    #[serde(default = "one")]
    pub suppliers_to_award: u32,
    /// The lot's own requirements (the tender's apply as well).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<Requirement>,
    /// The award model.
    pub award: AwardModel,
}

fn one() -> u32 {
    1
}

/// A group of lots, e.g. lots that may be combined.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LotGroup {
    /// Stable id.
    pub id: Id,
    /// Title.
    pub title: Text,
    /// The lots in the group.
    pub lots: Vec<Id>,
    /// What the group means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}
