//! A bid for one lot, with the committee's quality scores.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::common::{Country, Date, Id, Location};
use crate::num::{Money, Percent, Score};
use crate::requirement::{CodeRights, ExitAssistance, HostingModel};
use crate::sovereignty::SovereigntyAssessment;

/// A bid for one lot, as submitted, with the answers to the requirements, the bidder's facts and
/// the evaluators' quality scores.
///
/// A bidder bidding for several lots submits one bid per lot, with the same `bidder.id`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bid {
    /// Stable id, unique across the tender's bids.
    pub id: Id,
    /// The tender's id.
    pub tender: Id,
    /// The lot's id.
    pub lot: Id,
    /// Who bids.
    pub bidder: Bidder,
    /// When the bid was received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub submitted: Option<Date>,
    /// The price. A bid without one is rejected as non-compliant.
    #[serde(default)]
    pub price: BidPrice,
    /// The bidder's order of priority for this bid among its bids for several lots (1 first),
    /// used when the tender keeps over-limit bids by priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u32>,
    /// The answer to each requirement.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<Answer>,
    /// The sovereignty self-assessment (SEAL and points per objective).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sovereignty: Option<SovereigntyAssessment>,
    /// Open standards the solution supports (standard ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub standards: Vec<Id>,
    /// Exit terms offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit: Option<ExitOffer>,
    /// Hosting offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosting: Option<HostingOffer>,
    /// Open source and rights offered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_source: Option<OpenSourceOffer>,
    /// The values the bid states for the lot's measured criteria.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<crate::measure::StatedValue>,
    /// Each evaluator's score per quality criterion or sub-criterion.
    #[serde(default, skip_serializing_if = "Vec::is_empty", deserialize_with = "marks::deserialize")]
    pub scores: Vec<EvaluatorScore>,
    /// Consensus scores recorded by the committee.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consensus: Vec<ConsensusScore>,
}

impl Bid {
    /// The answer to a requirement, if given.
    pub fn answer(&self, requirement: &Id) -> Option<&Answer> {
        self.answers.iter().find(|a| &a.requirement == requirement)
    }

    /// The value the bid states for a measured criterion, if any.
    pub fn measure(&self, criterion: &Id) -> Option<&crate::measure::StatedValue> {
        self.measures.iter().find(|m| &m.criterion == criterion)
    }
}

/// The bidder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Bidder {
    /// Stable id of the bidder (the same on all its bids), e.g. a VAT or CVR number.
    pub id: Id,
    /// Name as registered.
    pub name: String,
    /// Country of establishment.
    pub country: Country,
    /// Whether the bidder is a small or medium-sized enterprise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sme: Option<bool>,
    /// Ownership and control.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ownership: Option<Ownership>,
    /// Other members of a consortium.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub consortium: Vec<ConsortiumMember>,
    /// Subcontractors.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subcontractors: Vec<Subcontractor>,
}

/// Who owns and controls the bidder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Ownership {
    /// The ultimate owner.
    pub ultimate_owner: String,
    /// The ultimate owner's country.
    pub owner_country: Country,
    /// Whether a non-EU party controls the bidder.
    pub non_eu_control: bool,
    /// Further detail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// A consortium member.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsortiumMember {
    /// Name.
    pub name: String,
    /// Country of establishment.
    pub country: Country,
    /// Role in the consortium.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
}

/// A subcontractor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Subcontractor {
    /// Name.
    pub name: String,
    /// Country of establishment.
    pub country: Country,
    /// What it delivers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// Share of the contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Percent>,
    /// Whether it delivers a critical part of the service.
    #[serde(default)]
    pub critical: bool,
}

/// The price of a bid.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BidPrice {
    /// The total price for the contract period, options excluded, excluding VAT. A bid that
    /// gives none is rejected as non-compliant (a missing price is never read as zero).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total: Option<Money>,
    /// The price schedule, needed for life-cycle cost evaluation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schedule: Option<PriceSchedule>,
    /// The price of each option.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<OptionPrice>,
    /// The unit price of each line of the lot's price basket.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub unit_prices: Vec<UnitPrice>,
    /// The price of each of the lot's price components (where its price criteria score parts of
    /// the price).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<ComponentPrice>,
}

/// The bid's price for one price component of the lot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ComponentPrice {
    /// The component's id in the lot.
    pub component: Id,
    /// Its price for the contract period, excluding VAT.
    pub price: Money,
}

/// The bid's unit price for one line of the price basket.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitPrice {
    /// The basket line's id in the tender.
    pub line: Id,
    /// The price per unit, excluding VAT.
    pub price: Money,
}

/// One-off and recurring costs.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PriceSchedule {
    /// One-off costs: implementation, migration, training.
    pub one_off: Money,
    /// Recurring costs per year: licences, operation, support.
    pub recurring_per_year: Money,
}

/// The price of one option.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OptionPrice {
    /// The option's id in the tender.
    pub option: Id,
    /// Its price (for an extension: one-off costs of the extension; its recurring costs follow the
    /// schedule).
    pub price: Money,
}

/// The bidder's answer to one requirement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The requirement's id.
    pub requirement: Id,
    /// Whether the bidder declares it met.
    pub met: bool,
    /// Where the evidence is (document, section).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The bidder's comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// Exit terms offered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExitOffer {
    /// An exit plan is delivered with the bid.
    #[serde(default)]
    pub plan: bool,
    /// Months from notice to completed exit under the plan.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub horizon_months: Option<u32>,
    /// Formats data can be exported in (standard ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_formats: Vec<Id>,
    /// Exit assistance offered, and on which terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assistance: Option<ExitAssistance>,
    /// Notice period required, in months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_months: Option<u32>,
    /// Transition period, in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub transition_days: Option<u32>,
    /// Data-retrieval period after transition, in days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retrieval_days: Option<u32>,
    /// Whether switching charges apply.
    #[serde(default)]
    pub switching_charges: bool,
    /// Whether data egress charges apply.
    #[serde(default)]
    pub egress_charges: bool,
    /// Documentation handed over free of charge.
    #[serde(default)]
    pub handover_documentation: bool,
    /// Customer-specific code and configuration handed over.
    #[serde(default)]
    pub handover_code: bool,
}

/// Hosting offered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HostingOffer {
    /// Hosting model.
    pub model: HostingModel,
    /// Where data is stored and processed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_locations: Vec<Location>,
    /// Where support staff access data from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support_access_from: Vec<Location>,
    /// Jurisdictions the operator is subject to.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operator_jurisdiction: Vec<Location>,
}

/// Open source and rights offered.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenSourceOffer {
    /// Licences of the solution's components, as SPDX ids.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub licences: Vec<String>,
    /// Share of the solution under an open-source licence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<Percent>,
    /// Rights to customer-specific code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_code_rights: Option<CodeRights>,
    /// The buyer may have the code reviewed.
    #[serde(default)]
    pub code_review: bool,
    /// Source code is delivered.
    #[serde(default)]
    pub source_delivered: bool,
}

/// One evaluator's score on one quality criterion or sub-criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EvaluatorScore {
    /// The evaluator's id.
    pub evaluator: Id,
    /// The criterion or sub-criterion scored.
    pub criterion: Id,
    /// The score on its scale.
    pub score: Score,
    /// Why.
    pub justification: String,
}

/// The committee's consensus score on one criterion or sub-criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConsensusScore {
    /// The criterion or sub-criterion.
    pub criterion: Id,
    /// The agreed score.
    pub score: Score,
    /// Why.
    pub justification: String,
}

/// Reading a bid's marks into a vector of the right size at once.
///
/// A JSON or TOML array does not say how long it is, so a vector read from one grows by doubling:
/// a bid of 150 marks is copied seven times and ends with room for 256. The bids of one tender
/// usually have the same number of marks, so each thread starts the next bid's vector at the size
/// of the last one it read, and trims what is left over.
mod marks {
    use std::cell::Cell;
    use std::fmt;

    use serde::de::{Deserializer, SeqAccess, Visitor};

    use super::EvaluatorScore;

    /// The largest size a vector is started at: larger ones grow as usual.
    const MAX_HINT: usize = 1 << 16;

    thread_local! {
        /// How many marks the last bid read on this thread had.
        static LAST: Cell<usize> = const { Cell::new(0) };
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<EvaluatorScore>, D::Error> {
        struct Marks;
        impl<'de> Visitor<'de> for Marks {
            type Value = Vec<EvaluatorScore>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of scores")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let hint = seq.size_hint().unwrap_or_else(|| LAST.with(Cell::get)).min(MAX_HINT);
                let mut marks = Vec::with_capacity(hint);
                while let Some(mark) = seq.next_element()? {
                    marks.push(mark);
                }
                LAST.with(|last| last.set(marks.len()));
                marks.shrink_to_fit();
                Ok(marks)
            }
        }
        deserializer.deserialize_seq(Marks)
    }
}
