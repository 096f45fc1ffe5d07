//! The EU Cloud Sovereignty Framework: SEAL levels, the sovereignty objectives SOV-1..SOV-8 and
//! their weight sets.
//!
//! Sources (see `shared/domain/reference.md` §1): Cloud Sovereignty Framework v1.2.1 (European
//! Commission, DG DIGIT, October 2025) as transcribed by the MISP `sov` taxonomy and others, and the
//! "Annex – Sovereignty assessment calculator" of 1 June 2026. The framework fixes no minimum SEAL;
//! the contracting authority sets one per objective, the Commission's own competition used SEAL-2.

use std::collections::BTreeMap;
use std::fmt;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::num::{Percent, Score};

/// A Sovereignty Effectiveness Assurance Level: how much of the service is under EU control.
///
/// Ordered: `Seal0 < Seal1 < … < Seal4`. Written `"SEAL-2"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Seal {
    /// SEAL-0, No Sovereignty.
    #[serde(rename = "SEAL-0")]
    Seal0,
    /// SEAL-1, Jurisdictional Sovereignty.
    #[serde(rename = "SEAL-1")]
    Seal1,
    /// SEAL-2, Data Sovereignty.
    #[serde(rename = "SEAL-2")]
    Seal2,
    /// SEAL-3, Digital Resilience.
    #[serde(rename = "SEAL-3")]
    Seal3,
    /// SEAL-4, Full Digital Sovereignty.
    #[serde(rename = "SEAL-4")]
    Seal4,
}

impl Seal {
    /// All levels, lowest first.
    pub const ALL: [Self; 5] = [Self::Seal0, Self::Seal1, Self::Seal2, Self::Seal3, Self::Seal4];

    /// The level number, 0-4.
    pub fn level(self) -> u8 {
        match self {
            Self::Seal0 => 0,
            Self::Seal1 => 1,
            Self::Seal2 => 2,
            Self::Seal3 => 3,
            Self::Seal4 => 4,
        }
    }

    /// The official English name (CSF v1.2.1).
    pub fn name(self) -> &'static str {
        match self {
            Self::Seal0 => "No Sovereignty",
            Self::Seal1 => "Jurisdictional Sovereignty",
            Self::Seal2 => "Data Sovereignty",
            Self::Seal3 => "Digital Resilience",
            Self::Seal4 => "Full Digital Sovereignty",
        }
    }

    /// The official English definition (CSF v1.2.1 §3 as transcribed in the MISP `sov` taxonomy).
    pub fn definition(self) -> &'static str {
        match self {
            Self::Seal0 => {
                "Service, technology or operations under exclusive control of non-EU third parties, governed entirely in non-EU jurisdictions."
            }
            Self::Seal1 => {
                "EU law formally applies with limited practical enforceability; service, technology or operations under exclusive control of non-EU third parties."
            }
            Self::Seal2 => {
                "EU law applicable and enforceable, with material non-EU dependencies remaining; service, technology or operations under indirect control of non-EU third parties."
            }
            Self::Seal3 => {
                "EU law applicable and enforceable, EU actors exercising meaningful but not full influence; service, technology or operations under marginal control of non-EU third parties."
            }
            Self::Seal4 => {
                "Technology and operations under complete EU control, subject only to EU law, with no critical non-EU dependencies."
            }
        }
    }
}

impl fmt::Display for Seal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SEAL-{}", self.level())
    }
}

/// A sovereignty objective of the framework, SOV-1 to SOV-8.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
pub enum Objective {
    /// SOV-1 Strategic Sovereignty.
    #[serde(rename = "SOV-1")]
    Strategic,
    /// SOV-2 Legal & Jurisdictional Sovereignty.
    #[serde(rename = "SOV-2")]
    Legal,
    /// SOV-3 Data & AI Sovereignty.
    #[serde(rename = "SOV-3")]
    DataAndAi,
    /// SOV-4 Operational Sovereignty.
    #[serde(rename = "SOV-4")]
    Operational,
    /// SOV-5 Supply Chain Sovereignty.
    #[serde(rename = "SOV-5")]
    SupplyChain,
    /// SOV-6 Technology Sovereignty.
    #[serde(rename = "SOV-6")]
    Technology,
    /// SOV-7 Security & Compliance Sovereignty.
    #[serde(rename = "SOV-7")]
    SecurityAndCompliance,
    /// SOV-8 Environmental Sustainability.
    #[serde(rename = "SOV-8")]
    Environmental,
}

impl Objective {
    /// All objectives in framework order.
    pub const ALL: [Self; 8] = [
        Self::Strategic,
        Self::Legal,
        Self::DataAndAi,
        Self::Operational,
        Self::SupplyChain,
        Self::Technology,
        Self::SecurityAndCompliance,
        Self::Environmental,
    ];

    /// The objective's number, 1-8.
    pub fn number(self) -> u8 {
        match self {
            Self::Strategic => 1,
            Self::Legal => 2,
            Self::DataAndAi => 3,
            Self::Operational => 4,
            Self::SupplyChain => 5,
            Self::Technology => 6,
            Self::SecurityAndCompliance => 7,
            Self::Environmental => 8,
        }
    }

    /// The official English name.
    pub fn name(self) -> &'static str {
        match self {
            Self::Strategic => "Strategic Sovereignty",
            Self::Legal => "Legal & Jurisdictional Sovereignty",
            Self::DataAndAi => "Data & AI Sovereignty",
            Self::Operational => "Operational Sovereignty",
            Self::SupplyChain => "Supply Chain Sovereignty",
            Self::Technology => "Technology Sovereignty",
            Self::SecurityAndCompliance => "Security & Compliance Sovereignty",
            Self::Environmental => "Environmental Sustainability",
        }
    }
}

impl fmt::Display for Objective {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "SOV-{}", self.number())
    }
}

/// The nominal maximum points of one objective in the calculator (its criteria sum to 1000).
pub const OBJECTIVE_MAX_POINTS: Decimal = Decimal::ONE_THOUSAND;

/// A published set of objective weights.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum WeightPreset {
    /// Cloud Sovereignty Framework v1.2.1 §5 (October 2025): 15/10/10/15/20/15/10/5.
    #[serde(rename = "csf-v1.2.1")]
    CsfV121,
    /// The example weights of the Annex sovereignty assessment calculator (1 June 2026):
    /// 20/10/10/15/10/15/15/5.
    #[serde(rename = "calculator-2026")]
    Calculator2026,
}

impl WeightPreset {
    /// The weight of an objective in percent.
    pub fn weight(self, objective: Objective) -> Percent {
        let table: [u32; 8] = match self {
            Self::CsfV121 => [15, 10, 10, 15, 20, 15, 10, 5],
            Self::Calculator2026 => [20, 10, 10, 15, 10, 15, 15, 5],
        };
        Percent::from(table[usize::from(objective.number().saturating_sub(1))])
    }

    /// Where the weights come from, for the tender text.
    pub fn source(self) -> &'static str {
        match self {
            Self::CsfV121 => "Cloud Sovereignty Framework v1.2.1 (European Commission, October 2025), section 5",
            Self::Calculator2026 => {
                "Annex – Sovereignty assessment calculator (European Commission, 1 June 2026), example weights"
            }
        }
    }
}

/// The weights of the sovereignty objectives: a published preset or the buyer's own.
///
/// ```toml
/// weights = "csf-v1.2.1"
/// weights = { "SOV-1" = 20, "SOV-2" = 10, "SOV-3" = 10, "SOV-4" = 15, "SOV-5" = 10, "SOV-6" = 15, "SOV-7" = 15, "SOV-8" = 5 }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum ObjectiveWeights {
    /// A published weight set.
    Preset(WeightPreset),
    /// The buyer's own weights in percent; they must sum to exactly 100.
    Custom(BTreeMap<Objective, Percent>),
}

impl Default for ObjectiveWeights {
    fn default() -> Self {
        Self::Preset(WeightPreset::CsfV121)
    }
}

impl ObjectiveWeights {
    /// The weight of an objective in percent (zero for an objective a custom set leaves out).
    pub fn weight(&self, objective: Objective) -> Percent {
        match self {
            Self::Preset(p) => p.weight(objective),
            Self::Custom(map) => map.get(&objective).copied().unwrap_or(Percent::ZERO),
        }
    }
}

/// One answered criterion of the sovereignty assessment: its SEAL level and its points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SovereigntyAnswer {
    /// The assessment criterion answered, e.g. `SOV-1.3`.
    pub criterion: String,
    /// The SEAL level the answer grants.
    pub seal: Seal,
    /// The answer's points (the calculator's value for the selected answer).
    pub points: Score,
}

/// A bid's assessment for one objective.
///
/// Either the individual `answers` (the objective's SEAL is the lowest of them and its points their
/// sum), or the summary `seal` and `points` when only the result of the assessment is available.
/// A points-only assessment (points without a SEAL) can be scored, but fails any SEAL minimum with
/// "SEAL not stated": a level is never invented.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ObjectiveAssessment {
    /// The answered criteria.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answers: Vec<SovereigntyAnswer>,
    /// The objective's SEAL when `answers` are not given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub seal: Option<Seal>,
    /// The objective's points when `answers` are not given, on the assessment's scale
    /// (`points_out_of`, 1000 unless the assessment says otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Score>,
}

impl ObjectiveAssessment {
    /// The objective's SEAL: the lowest of its answers, or the summary level. `None` if unanswered.
    pub fn seal(&self) -> Option<Seal> {
        if self.answers.is_empty() { self.seal } else { self.answers.iter().map(|a| a.seal).min() }
    }

    /// The objective's points: the sum of its answers, or the summary points; `None` if unanswered
    /// or if the sum overflows.
    pub fn points(&self) -> Option<Score> {
        if self.answers.is_empty() {
            self.points
        } else {
            self.answers.iter().try_fold(Score::ZERO, |acc, a| acc.checked_add(a.points))
        }
    }
}

/// A bid's sovereignty self-assessment, per objective.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SovereigntyAssessment {
    /// The assessment per objective.
    #[schemars(extend("propertyNames" = objective_names()))]
    pub objectives: BTreeMap<Objective, ObjectiveAssessment>,
    /// The nominal maximum of each objective's summary `points` when the assessment was made on
    /// another scale than the calculator's 1000 (e.g. 4, 10 or 100). The points are entered as
    /// they are and converted exactly: `points / points_out_of × 1000`. Answers (`answers`) are
    /// always the calculator's values, out of 1000.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points_out_of: Option<Score>,
}

/// The JSON Schema of a map key that must be an objective (`SOV-1` … `SOV-8`).
pub(crate) fn objective_names() -> serde_json::Value {
    let names: Vec<String> = Objective::ALL.iter().map(ToString::to_string).collect();
    serde_json::json!({ "enum": names })
}

impl SovereigntyAssessment {
    /// The nominal maximum of an objective's points: `points_out_of` for summary points, 1000 for
    /// points summed from the calculator's answers.
    pub fn scale_of(&self, objective: Objective) -> Decimal {
        match self.objectives.get(&objective) {
            Some(a) if a.answers.is_empty() => self.points_out_of.map_or(OBJECTIVE_MAX_POINTS, Score::get),
            _ => OBJECTIVE_MAX_POINTS,
        }
    }

    /// The overall SEAL: the lowest objective SEAL, never an average. `None` when an objective is
    /// missing, since an unanswered objective has no level.
    pub fn overall_seal(&self) -> Option<Seal> {
        Objective::ALL
            .iter()
            .map(|o| self.objectives.get(o).and_then(ObjectiveAssessment::seal))
            .try_fold(Seal::Seal4, |lowest, seal| seal.map(|s| lowest.min(s)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_sum_to_100() {
        for preset in [WeightPreset::CsfV121, WeightPreset::Calculator2026] {
            let sum: Decimal = Objective::ALL.iter().map(|o| preset.weight(*o).get()).sum();
            assert_eq!(sum, Decimal::ONE_HUNDRED, "{preset:?}");
        }
        assert_eq!(WeightPreset::CsfV121.weight(Objective::SupplyChain), Percent::from(20));
        assert_eq!(WeightPreset::Calculator2026.weight(Objective::Strategic), Percent::from(20));
    }

    #[test]
    fn seal_is_ordered_and_named() {
        assert!(Seal::Seal2 < Seal::Seal3);
        assert_eq!(Seal::Seal2.to_string(), "SEAL-2");
        assert_eq!(serde_json::to_string(&Seal::Seal4).expect("json"), "\"SEAL-4\"");
        assert!(serde_json::from_str::<Seal>("\"SEAL-7\"").is_err());
    }

    #[test]
    fn overall_seal_is_the_minimum() {
        let mut a = SovereigntyAssessment::default();
        for (o, level) in Objective::ALL.iter().zip([3, 3, 3, 2, 2, 3, 3, 2]) {
            let seal = Seal::ALL[level];
            a.objectives.insert(*o, ObjectiveAssessment { seal: Some(seal), points: None, answers: vec![] });
        }
        assert_eq!(a.overall_seal(), Some(Seal::Seal2));
        a.objectives.remove(&Objective::Environmental);
        assert_eq!(a.overall_seal(), None);
    }
}
