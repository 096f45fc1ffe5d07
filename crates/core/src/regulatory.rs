//! Regulatory clause packs a tender can select: DORA art. 30 contract provisions, NIS2 supplier
//! duties and GDPR art. 28 data-processing terms.
//!
//! The model only names the clauses; their wording in each language is in the tender-text crate.
//! Sources: `shared/domain/reference.md` §5.1 (DORA, Regulation (EU) 2022/2554), NIS2 Directive
//! (EU) 2022/2555 art. 21 and 23, GDPR (Regulation (EU) 2016/679) art. 28(3).

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A DORA art. 30 contract provision.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub enum DoraClause {
    /// 30(2)(a): description of functions and services, conditions for subcontracting.
    #[serde(rename = "30-2-a")]
    ServiceDescription,
    /// 30(2)(b): locations of service provision and data, advance notice of changes.
    #[serde(rename = "30-2-b")]
    Locations,
    /// 30(2)(c): availability, authenticity, integrity and confidentiality of data.
    #[serde(rename = "30-2-c")]
    DataProtection,
    /// 30(2)(d): access, recovery and return of data in an easily accessible format.
    #[serde(rename = "30-2-d")]
    DataReturn,
    /// 30(2)(e): service level descriptions.
    #[serde(rename = "30-2-e")]
    ServiceLevels,
    /// 30(2)(f): incident assistance at no extra cost or a cost fixed in advance.
    #[serde(rename = "30-2-f")]
    IncidentAssistance,
    /// 30(2)(g): cooperation with competent and resolution authorities.
    #[serde(rename = "30-2-g")]
    AuthorityCooperation,
    /// 30(2)(h): termination rights and minimum notice periods.
    #[serde(rename = "30-2-h")]
    TerminationRights,
    /// 30(2)(i): participation in security awareness and resilience training.
    #[serde(rename = "30-2-i")]
    Training,
    /// 30(3)(a): full service levels with precise quantitative and qualitative targets.
    #[serde(rename = "30-3-a")]
    PerformanceTargets,
    /// 30(3)(b): notice periods and reporting obligations.
    #[serde(rename = "30-3-b")]
    Reporting,
    /// 30(3)(c): business contingency plans and ICT security measures.
    #[serde(rename = "30-3-c")]
    Contingency,
    /// 30(3)(d): participation in threat-led penetration testing.
    #[serde(rename = "30-3-d")]
    PenetrationTesting,
    /// 30(3)(e): monitoring with unrestricted rights of access, inspection and audit.
    #[serde(rename = "30-3-e")]
    AuditRights,
    /// 30(3)(f): exit strategies with a mandatory adequate transition period.
    #[serde(rename = "30-3-f")]
    ExitStrategy,
}

impl DoraClause {
    /// Every clause in article order.
    pub const ALL: [Self; 15] = [
        Self::ServiceDescription,
        Self::Locations,
        Self::DataProtection,
        Self::DataReturn,
        Self::ServiceLevels,
        Self::IncidentAssistance,
        Self::AuthorityCooperation,
        Self::TerminationRights,
        Self::Training,
        Self::PerformanceTargets,
        Self::Reporting,
        Self::Contingency,
        Self::PenetrationTesting,
        Self::AuditRights,
        Self::ExitStrategy,
    ];

    /// The article reference, e.g. `Art. 30(2)(a)`.
    pub fn article(self) -> &'static str {
        match self {
            Self::ServiceDescription => "Art. 30(2)(a)",
            Self::Locations => "Art. 30(2)(b)",
            Self::DataProtection => "Art. 30(2)(c)",
            Self::DataReturn => "Art. 30(2)(d)",
            Self::ServiceLevels => "Art. 30(2)(e)",
            Self::IncidentAssistance => "Art. 30(2)(f)",
            Self::AuthorityCooperation => "Art. 30(2)(g)",
            Self::TerminationRights => "Art. 30(2)(h)",
            Self::Training => "Art. 30(2)(i)",
            Self::PerformanceTargets => "Art. 30(3)(a)",
            Self::Reporting => "Art. 30(3)(b)",
            Self::Contingency => "Art. 30(3)(c)",
            Self::PenetrationTesting => "Art. 30(3)(d)",
            Self::AuditRights => "Art. 30(3)(e)",
            Self::ExitStrategy => "Art. 30(3)(f)",
        }
    }

    /// The stable key used in files and in the text catalogues, e.g. `30-2-a`.
    pub fn key(self) -> &'static str {
        match self {
            Self::ServiceDescription => "30-2-a",
            Self::Locations => "30-2-b",
            Self::DataProtection => "30-2-c",
            Self::DataReturn => "30-2-d",
            Self::ServiceLevels => "30-2-e",
            Self::IncidentAssistance => "30-2-f",
            Self::AuthorityCooperation => "30-2-g",
            Self::TerminationRights => "30-2-h",
            Self::Training => "30-2-i",
            Self::PerformanceTargets => "30-3-a",
            Self::Reporting => "30-3-b",
            Self::Contingency => "30-3-c",
            Self::PenetrationTesting => "30-3-d",
            Self::AuditRights => "30-3-e",
            Self::ExitStrategy => "30-3-f",
        }
    }
}

/// A NIS2 supplier duty the contract passes on to the supplier.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Nis2Duty {
    /// Art. 21(2)(d): supply-chain security, including the supplier's own suppliers.
    SupplyChainSecurity,
    /// Art. 23: notify significant incidents without undue delay (early warning within 24 hours).
    IncidentNotification,
    /// Art. 21(2)(a) and (f): risk analysis and assessment of the effectiveness of measures.
    RiskManagement,
    /// Art. 21(2)(c): business continuity, backup management and disaster recovery.
    BusinessContinuity,
    /// Art. 21(2)(j): multi-factor authentication and secured communications.
    Authentication,
    /// Art. 20 and 21: named persons responsible for cybersecurity towards the buyer.
    ResponsiblePersons,
}

impl Nis2Duty {
    /// Every duty.
    pub const ALL: [Self; 6] = [
        Self::SupplyChainSecurity,
        Self::IncidentNotification,
        Self::RiskManagement,
        Self::BusinessContinuity,
        Self::Authentication,
        Self::ResponsiblePersons,
    ];

    /// The article reference.
    pub fn article(self) -> &'static str {
        match self {
            Self::SupplyChainSecurity => "Art. 21(2)(d)",
            Self::IncidentNotification => "Art. 23",
            Self::RiskManagement => "Art. 21(2)(a), (f)",
            Self::BusinessContinuity => "Art. 21(2)(c)",
            Self::Authentication => "Art. 21(2)(j)",
            Self::ResponsiblePersons => "Art. 20-21",
        }
    }

    /// The stable key used in files and in the text catalogues.
    pub fn key(self) -> &'static str {
        match self {
            Self::SupplyChainSecurity => "supply-chain-security",
            Self::IncidentNotification => "incident-notification",
            Self::RiskManagement => "risk-management",
            Self::BusinessContinuity => "business-continuity",
            Self::Authentication => "authentication",
            Self::ResponsiblePersons => "responsible-persons",
        }
    }
}

/// A GDPR art. 28(3) term of the data-processing agreement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum GdprTerm {
    /// 28(3)(a): process only on documented instructions, including on third-country transfers.
    DocumentedInstructions,
    /// 28(3)(b): confidentiality of persons authorised to process.
    Confidentiality,
    /// 28(3)(c): security of processing (art. 32).
    Security,
    /// 28(2) and 28(3)(d): sub-processors only with prior authorisation and the same obligations.
    SubProcessors,
    /// 28(3)(e): assist with data subjects' rights.
    DataSubjectRights,
    /// 28(3)(f): assist with security, breach notification and impact assessments (art. 32-36).
    Assistance,
    /// 28(3)(g): delete or return all personal data at the end of the services.
    DeletionOrReturn,
    /// 28(3)(h): make information available and allow audits and inspections.
    Audits,
    /// Chapter V: no transfer to a third country without a transfer basis the buyer has approved.
    ThirdCountryTransfers,
}

impl GdprTerm {
    /// Every term.
    pub const ALL: [Self; 9] = [
        Self::DocumentedInstructions,
        Self::Confidentiality,
        Self::Security,
        Self::SubProcessors,
        Self::DataSubjectRights,
        Self::Assistance,
        Self::DeletionOrReturn,
        Self::Audits,
        Self::ThirdCountryTransfers,
    ];

    /// The article reference.
    pub fn article(self) -> &'static str {
        match self {
            Self::DocumentedInstructions => "Art. 28(3)(a)",
            Self::Confidentiality => "Art. 28(3)(b)",
            Self::Security => "Art. 28(3)(c)",
            Self::SubProcessors => "Art. 28(2), 28(3)(d)",
            Self::DataSubjectRights => "Art. 28(3)(e)",
            Self::Assistance => "Art. 28(3)(f)",
            Self::DeletionOrReturn => "Art. 28(3)(g)",
            Self::Audits => "Art. 28(3)(h)",
            Self::ThirdCountryTransfers => "Art. 44-49",
        }
    }

    /// The stable key used in files and in the text catalogues.
    pub fn key(self) -> &'static str {
        match self {
            Self::DocumentedInstructions => "documented-instructions",
            Self::Confidentiality => "confidentiality",
            Self::Security => "security",
            Self::SubProcessors => "sub-processors",
            Self::DataSubjectRights => "data-subject-rights",
            Self::Assistance => "assistance",
            Self::DeletionOrReturn => "deletion-or-return",
            Self::Audits => "audits",
            Self::ThirdCountryTransfers => "third-country-transfers",
        }
    }
}

/// A selection from a clause pack: every clause, or a list.
///
/// ```toml
/// dora = "all"
/// dora = ["30-2-d", "30-3-f"]
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Selection<T> {
    /// Every clause of the pack: `"all"`.
    All(AllMarker),
    /// The listed clauses.
    Some(Vec<T>),
}

impl<T> Default for Selection<T> {
    fn default() -> Self {
        Self::Some(Vec::new())
    }
}

/// The word `all`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AllMarker {
    /// Every clause.
    All,
}

impl<T: Copy> Selection<T> {
    /// The selected clauses, given the pack's full list.
    pub fn resolve(&self, all: &[T]) -> Vec<T> {
        match self {
            Self::All(_) => all.to_vec(),
            Self::Some(list) => list.clone(),
        }
    }

    /// Whether nothing is selected.
    pub fn is_empty(&self) -> bool {
        matches!(self, Self::Some(list) if list.is_empty())
    }
}
