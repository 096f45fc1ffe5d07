//! Requirements: what a tender asks of every bid, with a severity, a category and typed content.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::common::{Id, Location, Text};
use crate::num::Percent;
use crate::regulatory::{DoraClause, GdprTerm, Nis2Duty, Selection};
use crate::sovereignty::{Objective, Seal};

/// How much a requirement weighs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// A condition for running the tender at all, stated as a premise (Region Syddanmark treats open
    /// standards and on-premise operation this way). A bid that does not meet it is rejected.
    Premise,
    /// A minimum requirement: pass or fail. A bid that fails it is rejected.
    Minimum,
    /// Scored under an award criterion.
    Award,
    /// Information the bidder must give; neither a gate nor scored.
    Information,
}

impl Severity {
    /// Whether failing it rejects the bid.
    pub fn is_gate(self) -> bool {
        matches!(self, Self::Premise | Self::Minimum)
    }
}

/// The category of a requirement, given by which typed section it carries.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// SEAL minimums.
    Sovereignty,
    /// Open standards.
    OpenStandards,
    /// Exit plan and exit terms.
    Exit,
    /// Hosting and data location.
    Hosting,
    /// Open source and rights to code.
    OpenSource,
    /// DORA, NIS2 and GDPR clauses.
    Regulatory,
    /// A requirement in words only, checked by the bidder's answer and the evaluators.
    General,
}

/// One requirement of the tender or of a lot.
///
/// A requirement carries at most one typed section (`sovereignty`, `open_standards`, `exit`,
/// `hosting`, `open_source`, `regulatory`); that section is its category. Without one it is a
/// general requirement, met or not by the bidder's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    /// Stable id, unique in the tender, e.g. `R-EXIT-01`.
    pub id: Id,
    /// Short title.
    pub title: Text,
    /// Premise, minimum, award or information.
    pub severity: Severity,
    /// The requirement in full.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// The evidence the bidder must supply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Text>,
    /// For an award requirement: the award criterion that scores it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criterion: Option<Id>,
    /// For a tender-wide requirement: the lots it applies to; empty means every lot.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lots: Vec<Id>,
    /// SEAL minimums.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sovereignty: Option<SovereigntyRequirement>,
    /// Required open standards.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_standards: Option<OpenStandardsRequirement>,
    /// Exit plan and exit terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub exit: Option<ExitRequirement>,
    /// Hosting and data location.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hosting: Option<HostingRequirement>,
    /// Open source and rights to code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_source: Option<OpenSourceRequirement>,
    /// Regulatory clause packs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub regulatory: Option<RegulatoryRequirement>,
}

/// A borrowed view of a requirement's typed content.
#[derive(Clone, Copy, Debug)]
pub enum Content<'a> {
    /// SEAL minimums.
    Sovereignty(&'a SovereigntyRequirement),
    /// Open standards.
    OpenStandards(&'a OpenStandardsRequirement),
    /// Exit terms.
    Exit(&'a ExitRequirement),
    /// Hosting.
    Hosting(&'a HostingRequirement),
    /// Open source.
    OpenSource(&'a OpenSourceRequirement),
    /// Regulatory packs.
    Regulatory(&'a RegulatoryRequirement),
    /// No typed content.
    General,
}

impl Requirement {
    /// Every typed section present, in a fixed order (validation allows at most one).
    pub fn contents(&self) -> Vec<Content<'_>> {
        let mut out = Vec::new();
        if let Some(c) = &self.sovereignty {
            out.push(Content::Sovereignty(c));
        }
        if let Some(c) = &self.open_standards {
            out.push(Content::OpenStandards(c));
        }
        if let Some(c) = &self.exit {
            out.push(Content::Exit(c));
        }
        if let Some(c) = &self.hosting {
            out.push(Content::Hosting(c));
        }
        if let Some(c) = &self.open_source {
            out.push(Content::OpenSource(c));
        }
        if let Some(c) = &self.regulatory {
            out.push(Content::Regulatory(c));
        }
        out
    }

    /// The typed content; the first section if (invalidly) several are present.
    pub fn content(&self) -> Content<'_> {
        self.contents().first().copied().unwrap_or(Content::General)
    }

    /// The requirement's category.
    pub fn category(&self) -> Category {
        match self.content() {
            Content::Sovereignty(_) => Category::Sovereignty,
            Content::OpenStandards(_) => Category::OpenStandards,
            Content::Exit(_) => Category::Exit,
            Content::Hosting(_) => Category::Hosting,
            Content::OpenSource(_) => Category::OpenSource,
            Content::Regulatory(_) => Category::Regulatory,
            Content::General => Category::General,
        }
    }
}

/// Minimum SEAL levels.
///
/// The effective minimum for an objective is the highest of `minimum_each` and its entry in
/// `minimum_per_objective`; `minimum_overall` applies to the overall SEAL (the lowest objective).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SovereigntyRequirement {
    /// Minimum for the overall SEAL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_overall: Option<Seal>,
    /// Minimum for every objective.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_each: Option<Seal>,
    /// Minimum per objective.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[schemars(extend("propertyNames" = crate::sovereignty::objective_names()))]
    pub minimum_per_objective: BTreeMap<Objective, Seal>,
}

impl SovereigntyRequirement {
    /// The effective minimum SEAL for an objective, if any.
    pub fn minimum_for(&self, objective: Objective) -> Option<Seal> {
        let specific = self.minimum_per_objective.get(&objective).copied();
        match (self.minimum_each, specific) {
            (Some(a), Some(b)) => Some(a.max(b)),
            (a, b) => a.or(b),
        }
    }
}

/// Open standards the solution must support (or, for an award requirement, that are scored).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenStandardsRequirement {
    /// Standard ids from the catalogue or the tender's own `standards`.
    pub standards: Vec<Id>,
}

/// Terms of exit assistance.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ExitAssistance {
    /// Included in the contract price.
    Included,
    /// Paid at the rates stated in the bid.
    Paid,
}

/// The exit clause: exit plan, horizon, data export, assistance, notice and transition, charges and
/// hand-over.
///
/// Defaults for cloud services come from the Data Act (Regulation (EU) 2023/2854) art. 25 and 29:
/// notice at most 2 months, transition at most 30 days, data retrieval at least 30 days, no
/// switching charges (including egress) from 12 January 2027.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExitRequirement {
    /// An exit plan must be delivered with the bid.
    #[serde(default)]
    pub exit_plan: bool,
    /// The plan must achieve exit within this many months (the seeds' preset is 9).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_horizon_months: Option<u32>,
    /// Data must be exportable in these open formats (standard ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_formats: Vec<Id>,
    /// Exit assistance required, and on which terms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assistance: Option<ExitAssistance>,
    /// Longest notice period the supplier may require, in months (Data Act art. 25(2)(d): 2).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_notice_months: Option<u32>,
    /// Longest transition period, in days (Data Act art. 25(2)(a): 30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_transition_days: Option<u32>,
    /// Shortest data-retrieval period after transition, in days (Data Act art. 25(2)(g): 30).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_retrieval_days: Option<u32>,
    /// No switching charges (Data Act art. 29).
    #[serde(default)]
    pub no_switching_charges: bool,
    /// No data egress charges.
    #[serde(default)]
    pub no_egress_charges: bool,
    /// All documentation handed over free of charge (Digitaliseringsstyrelsen exit clause).
    #[serde(default)]
    pub handover_documentation: bool,
    /// Customer-specific code and configuration handed over.
    #[serde(default)]
    pub handover_code: bool,
}

/// Where and how the service is operated, and by whom: the buyer's own premises and data centre
/// are one thing, a supplier's data centre in Denmark or the EU another, a cloud service a third.
///
/// Two earlier names are still read: `on-premise` as `buyer-premises` and
/// `own-data-centre` as `buyer-data-centre` (they always meant the buyer's own).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum HostingModel {
    /// On the buyer's own premises, at the site or in its server rooms (on-premise).
    #[serde(alias = "on-premise")]
    BuyerPremises,
    /// In a data centre the buyer itself owns or runs; the supplier may operate the service there.
    #[serde(alias = "own-data-centre")]
    BuyerDataCentre,
    /// In the supplier's (or its subcontractor's) data centre in Denmark: hosting operated by the
    /// supplier, not a public cloud service.
    SupplierDataCentreDk,
    /// In the supplier's (or its subcontractor's) data centre in an EU country, Denmark included.
    /// Allowing it admits `supplier-data-centre-dk`.
    SupplierDataCentreEu,
    /// In a public-sector cloud run by or for the state (e.g. Statens It).
    GovernmentCloud,
    /// In a cloud service operated by an EU-controlled provider.
    EuCloud,
    /// In any public cloud, including non-EU hyperscalers.
    PublicCloud,
    /// A combination of the above.
    Hybrid,
}

impl HostingModel {
    /// Every model, in the order of the schema.
    pub const ALL: [Self; 8] = [
        Self::BuyerPremises,
        Self::BuyerDataCentre,
        Self::SupplierDataCentreDk,
        Self::SupplierDataCentreEu,
        Self::GovernmentCloud,
        Self::EuCloud,
        Self::PublicCloud,
        Self::Hybrid,
    ];

    /// Whether a requirement allowing this model is met by a bid offering `offered`: the same
    /// model, or a supplier's data centre in Denmark where one in the EU is allowed (Denmark is in
    /// the EU).
    pub fn admits(self, offered: Self) -> bool {
        self == offered || (self == Self::SupplierDataCentreEu && offered == Self::SupplierDataCentreDk)
    }
}

/// Hosting, data location, support access and operator jurisdiction.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct HostingRequirement {
    /// Hosting models allowed; empty means any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed_models: Vec<HostingModel>,
    /// Where data may be stored and processed; empty means anywhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub data_locations: Vec<Location>,
    /// Where support staff may access data from; empty means anywhere.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub support_access_from: Vec<Location>,
    /// Jurisdictions the operator may be subject to; empty means any.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub operator_jurisdiction: Vec<Location>,
}

/// Rights to customer-specific code, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CodeRights {
    /// A licence to use.
    Licence,
    /// An extended right of use: the buyer may reuse and have others develop the customer-specific
    /// code, the supplier keeps the IP (KOMBIT).
    ExtendedRightOfUse,
    /// The buyer owns the customer-specific code.
    Ownership,
}

/// Open source and rights to code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OpenSourceRequirement {
    /// Licences allowed, as SPDX ids (`EUPL-1.2`, `MPL-2.0`); empty means any OSI-approved licence.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub licences: Vec<String>,
    /// Minimum share of the solution under an open-source licence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min_share: Option<Percent>,
    /// Minimum rights to customer-specific code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_code_rights: Option<CodeRights>,
    /// The buyer may have the code reviewed.
    #[serde(default)]
    pub code_review: bool,
    /// Source code is delivered to the buyer (source obligation).
    #[serde(default)]
    pub source_delivered: bool,
}

/// Regulatory clause packs the contract will contain.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RegulatoryRequirement {
    /// DORA art. 30 provisions.
    #[serde(default, skip_serializing_if = "Selection::is_empty")]
    pub dora: Selection<DoraClause>,
    /// NIS2 supplier duties.
    #[serde(default, skip_serializing_if = "Selection::is_empty")]
    pub nis2: Selection<Nis2Duty>,
    /// GDPR data-processing terms.
    #[serde(default, skip_serializing_if = "Selection::is_empty")]
    pub gdpr: Selection<GdprTerm>,
}
