//! The award model of a lot: criteria and weights, the quality scale, the price model, the
//! rounding policy, quality thresholds and the tie-break rule.
//!
//! This one value is what the scoring crate computes with and what the tender text publishes, so
//! what is published is what is computed.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::common::{Id, Text};
use crate::num::{Measurement, Money, Percent, Quantity, Score, Weight};
use crate::sovereignty::ObjectiveWeights;

/// What a criterion assesses (eForms BT-539).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CriterionKind {
    /// The acquisition price (`price`).
    Price,
    /// Any other monetary criterion, such as life-cycle cost (`cost`).
    Cost,
    /// A non-price, non-cost criterion (`quality`).
    Quality,
}

/// How criterion weights are expressed (eForms BT-5421).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Weighting {
    /// Exact percentages summing to 100 (`per-exa`).
    #[default]
    Percent,
    /// Exact points; each criterion's weight is its maximum points (`poi-exa`).
    Points,
    /// Order of importance only, 1 = most important (`ord-imp`); the tender must say why (BT-733).
    Order,
    /// Weights in any unit (points such as 3, 5 and 13, or exact fractions such as `"3/21"`),
    /// normalised exactly: each criterion weighs `weight / Σ weights × 100` percent, as an exact
    /// fraction, and the totals are out of 100. eForms has no code for this; the notice gives the
    /// normalised percentages (`per-exa`).
    Normalised,
}

impl Weighting {
    /// Whether a criterion's weight is a percentage of the total after this weighting: written as
    /// one (`percent`) or normalised to one (`normalised`).
    pub fn is_percentage(self) -> bool {
        matches!(self, Self::Percent | Self::Normalised)
    }
}

/// A point scale for quality scores.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    /// The lowest score.
    pub min: Score,
    /// The highest score.
    pub max: Score,
    /// Scores must be multiples of this step above `min` (e.g. 1 for whole points).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub step: Option<Score>,
    /// What each score means.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub descriptors: Vec<ScaleLevel>,
}

/// A descriptor of one point on a scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScaleLevel {
    /// The score.
    pub score: Score,
    /// What earns it.
    pub label: Text,
}

/// A named scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub enum ScalePreset {
    /// Whole points 0 to 5.
    #[serde(rename = "0-5")]
    ZeroToFive,
    /// Whole points 0 to 10.
    #[serde(rename = "0-10")]
    ZeroToTen,
    /// Whole points 0 to 100.
    #[serde(rename = "0-100")]
    ZeroToHundred,
}

/// A scale: a preset name (`"0-10"`) or a table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum ScaleSpec {
    /// A named scale.
    Preset(ScalePreset),
    /// A custom scale.
    Custom(Scale),
}

impl Default for ScaleSpec {
    fn default() -> Self {
        Self::Preset(ScalePreset::ZeroToTen)
    }
}

impl ScaleSpec {
    /// The scale itself.
    pub fn resolve(&self) -> Scale {
        let whole = |max: u32| Scale {
            min: Score::ZERO,
            max: Score::from(max),
            step: Some(Score::from(1)),
            descriptors: Vec::new(),
        };
        match self {
            Self::Preset(ScalePreset::ZeroToFive) => whole(5),
            Self::Preset(ScalePreset::ZeroToTen) => whole(10),
            Self::Preset(ScalePreset::ZeroToHundred) => whole(100),
            Self::Custom(scale) => scale.clone(),
        }
    }
}

/// How a criterion is scored automatically from the sovereignty self-assessment.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SovereigntyScoring {
    /// The objective weights: `"csf-v1.2.1"`, `"calculator-2026"` or a table.
    #[serde(default)]
    pub weights: ObjectiveWeights,
    /// Round each answer's points to this many decimals (half away from zero, as a spreadsheet's
    /// ROUND does) before an objective's answers are summed, as the Commission's calculator
    /// workbook does with whole points (0). Absent: the answers' points are summed exactly. Only
    /// assessments that give their individual answers are affected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_decimals: Option<u32>,
}

/// An award criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Stable id, unique in the tender.
    pub id: Id,
    /// Name (eForms BT-734).
    pub name: Text,
    /// Price, cost or quality (BT-539).
    pub kind: CriterionKind,
    /// Description (BT-540).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Weight in the award model's `weighting` (percent, points or rank). Omitted for the price
    /// criterion of a price-per-quality-point or monetised-quality model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Weight>,
    /// The scale for this criterion's scores, if not the award model's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<ScaleSpec>,
    /// Sub-criteria; their weights (percent of this criterion) must sum to 100.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sub_criteria: Vec<SubCriterion>,
    /// A bid scoring below this on the criterion's scale is excluded before price (BT-5423
    /// `min-score`; lawful per C-546/16 Montte).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_score: Option<Score>,
    /// Score this criterion from the bids' sovereignty self-assessment instead of evaluators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sovereignty: Option<SovereigntyScoring>,
    /// For the value-added price model: what full marks on this criterion are worth in money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Money>,
    /// For a price or cost criterion in a lot with `price_components`: the components it scores;
    /// its evaluated price is their sum.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Id>,
    /// For a price or cost criterion in a lot with several: its own price model (a points model),
    /// instead of the award model's `price_model`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub price_model: Option<PriceModel>,
    /// A measured criterion (a quality criterion): the bids state a value, scored by this rule
    /// instead of evaluators' marks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measure: Option<crate::measure::Measure>,
}

/// A named part of the bids' price, such as licences or services, that a price or cost criterion
/// scores on its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PriceComponent {
    /// Stable id, unique in the lot; the bids price it by this id.
    pub id: Id,
    /// Name, e.g. "Licences for the contract period".
    pub name: Text,
    /// What the component covers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// A sub-criterion, scored by the evaluators on its scale.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubCriterion {
    /// Stable id, unique in the tender.
    pub id: Id,
    /// Name.
    pub name: Text,
    /// Description.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Weight in percent of the parent criterion.
    pub weight: Percent,
    /// The scale, if not the parent's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<ScaleSpec>,
}

/// Which way a monetised-quality model adjusts the price.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum AdjustMode {
    /// Quality is deducted from the price: better quality, lower evaluation price.
    Deduction,
    /// Missing quality is added to the price: worse quality, higher evaluation price.
    Markup,
}

/// How the extended price-per-quality-point method chooses inside its corridor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum CorridorDecision {
    /// The bid with the most quality points in the corridor wins.
    #[default]
    HigherQuality,
    /// The cheapest bid in the corridor wins.
    LowerPrice,
}

/// How prices become points (or an evaluation price). Formulas, parameters and pitfalls:
/// `shared/domain/reference.md` §2.3; the scoring crate documents each with its formula.
///
/// Notation: `P` the bid's price, `Pmin`/`Pmax` the lowest/highest price among the bids that passed
/// the gates, `M` the price criterion's weight.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum PriceModel {
    /// `M × Pmin / P`. Depends on the other bids.
    Proportional,
    /// Linear from the lowest with a slope (Danish practice): `M × max(0, 1 − (P − Pmin) / (slope × Pmin))`;
    /// zero points at `Pmin × (1 + slope)`. Depends on the other bids.
    LinearSlope {
        /// The percentage above the lowest price at which a bid gets zero points, e.g. 50 for 50 %
        /// (a slope under 1 is warned: 0.5 means 0.5 %, not a half).
        slope: Percent,
    },
    /// `M × (2 − P / Pmin)` (Norwegian practice); negative below zero unless floored. Depends on
    /// the other bids.
    LinearFromLowest {
        /// Floor the points at zero.
        #[serde(default)]
        floor_at_zero: bool,
    },
    /// `M × (Pmax − P) / (Pmax − Pmin)`: interpolation between the lowest and the highest bid.
    /// Depends on the other bids.
    MinMax,
    /// `M × clamp((high − P) / (high − low), 0, 1)` with a price span announced in advance.
    /// Independent of the other bids. A `low` above 0 is unlawful in Sweden (HFD 2022 ref. 41).
    FixedSpan {
        /// At or below this price, full points.
        low: Money,
        /// At or above this price, zero points.
        high: Money,
    },
    /// `M × max(0, 1 − ln(P / Pmin) / ln(1 + zero_at))`; zero points at `Pmin × (1 + zero_at)`.
    /// Depends on the other bids.
    Logarithmic {
        /// The percentage above the lowest price at which a bid gets zero points.
        zero_at: Percent,
    },
    /// German UfAB simple value-for-money method: rank by quality points per unit of price,
    /// `Q / P`, highest first; with a `corridor`, the extended method: every bid within
    /// `corridor` percent of the best ratio is in the corridor, and `decision` picks among them.
    PricePerQualityPoint {
        /// The extended method's corridor (Schwankungsbereich), e.g. 10.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        corridor: Option<Percent>,
        /// How the extended method decides inside the corridor.
        #[serde(default)]
        decision: CorridorDecision,
    },
    /// Quality converted to money (Dutch "fictieve korting", Swedish "mervärde"): each quality
    /// criterion's `value` is what full marks are worth. Deduction: `P − Σ value × score/max`;
    /// markup: `P + Σ value × (1 − score/max)`. Lowest evaluation price wins. Independent of the
    /// other bids.
    ValueAdded {
        /// Deduction or markup.
        mode: AdjustMode,
    },
    /// Percentage adjustment (Norwegian variant): with quality share `q = Q / Qmax`, deduction:
    /// `P × (1 − q × max_percent)`; markup: `P × (1 + (1 − q) × max_percent)`. Lowest evaluation
    /// price wins. Independent of the other bids. The published Norwegian markup (abakus.as) sets
    /// `max_percent` to 100 × the quality weight / the price weight, which can exceed 100.
    PercentAdjustment {
        /// Deduction or markup.
        mode: AdjustMode,
        /// The adjustment for full (deduction) or zero (markup) quality.
        max_percent: Percent,
    },
    /// The tender's own formula for the price points (see [`crate::formula`]), over `price` (the
    /// bid's evaluated price), `lowest`, `highest` and `mean` (of the prices in play), `max` (the
    /// price criterion's weight) and the constants it names, e.g.
    /// `max * (1 - (price - lowest) / lowest)`. Evaluated exactly; points outside `0..max` are
    /// refused, as a measured criterion's formula. Depends on the other bids when it uses
    /// `lowest`, `highest` or `mean`.
    Formula {
        /// The formula as published.
        formula: String,
        /// Named constants the formula uses, e.g. `budget = "5000000"`.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        constants: BTreeMap<String, Measurement>,
    },
}

impl PriceModel {
    /// The model's stable name as written in files.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Proportional => "proportional",
            Self::LinearSlope { .. } => "linear-slope",
            Self::LinearFromLowest { .. } => "linear-from-lowest",
            Self::MinMax => "min-max",
            Self::FixedSpan { .. } => "fixed-span",
            Self::Logarithmic { .. } => "logarithmic",
            Self::PricePerQualityPoint { .. } => "price-per-quality-point",
            Self::ValueAdded { .. } => "value-added",
            Self::PercentAdjustment { .. } => "percent-adjustment",
            Self::Formula { .. } => "formula",
        }
    }

    /// Whether a bid's result depends on the other bids' prices (so adding or removing a bid can
    /// reorder the others: rank reversal).
    pub fn depends_on_other_bids(&self) -> bool {
        match self {
            Self::Proportional
            | Self::LinearSlope { .. }
            | Self::LinearFromLowest { .. }
            | Self::MinMax
            | Self::Logarithmic { .. } => true,
            // The extended method's corridor is relative to the best ratio.
            Self::PricePerQualityPoint { corridor, .. } => corridor.is_some(),
            Self::FixedSpan { .. } | Self::ValueAdded { .. } | Self::PercentAdjustment { .. } => false,
            // A formula that cannot be read is refused by validation; until then assume it does.
            Self::Formula { formula, .. } => crate::formula::parse(formula)
                .map(|e| crate::formula::names(&e).iter().any(|(n, _)| crate::formula::PRICE_RELATIVE.contains(n)))
                .unwrap_or(true),
        }
    }

    /// Whether the model gives price points that are weighted and added to quality points, as
    /// opposed to ranking by a ratio or an evaluation price.
    pub fn is_points_model(&self) -> bool {
        !matches!(self, Self::PricePerQualityPoint { .. } | Self::ValueAdded { .. } | Self::PercentAdjustment { .. })
    }
}

/// Which price a bid is evaluated on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum PriceBasisKind {
    /// The bid's total price (plus option prices, if included).
    #[default]
    Total,
    /// Life-cycle cost (Directive 2014/24/EU art. 68): one-off costs plus recurring costs per year
    /// over the contract period (and option periods, if included).
    LifeCycleCost,
    /// A price basket (a fictitious order): the bid's unit price for each line of the award
    /// model's `basket`, times the quantity the buyer expects (and the line's weight, if given),
    /// summed (plus option prices, if included).
    Basket,
}

/// Which price a bid is evaluated on, and whether options count.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PriceBasis {
    /// Total price or life-cycle cost.
    #[serde(default)]
    pub kind: PriceBasisKind,
    /// Include the contract's options in the evaluated price.
    #[serde(default = "yes")]
    pub include_options: bool,
}

fn yes() -> bool {
    true
}

impl Default for PriceBasis {
    fn default() -> Self {
        Self { kind: PriceBasisKind::Total, include_options: true }
    }
}

/// One line of a price basket: an item the bids price per unit, and the quantity the buyer
/// expects to buy. The evaluated price is the sum over the lines of quantity × unit price (× the
/// line's weight in percent, where the lines are weighted).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BasketLine {
    /// Stable id, unique in the basket; the bids give their unit prices by it.
    pub id: Id,
    /// What is priced, e.g. "Senior consultant".
    pub item: Text,
    /// The unit of the unit price, e.g. "hour" or "licence per year".
    pub unit: Text,
    /// The quantity the buyer expects (an estimate for the evaluation, not a commitment).
    pub quantity: Quantity,
    /// The line's weight in percent of the basket, where the lines are weighted (all lines or
    /// none, summing to 100).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<Percent>,
}

/// At which step figures are rounded, in the order the evaluation computes them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RoundingStep {
    /// Each leaf criterion's aggregate of the evaluators' marks (mean or median), on its scale.
    Aggregate,
    /// Each criterion's grade on its own scale (a criterion with sub-criteria: the weighted sum of
    /// their shares times the scale's maximum; a sovereignty score: the percentage; a price or cost
    /// criterion under a points model: its share times the maximum of the award model's scale, as
    /// a Swedish cost grade on 0–5), before it becomes a share of full marks.
    Grade,
    /// Round each criterion's score ratio (price ratio, quality score over the scale) before it is
    /// weighted; totals are exact sums of the weighted rounded ratios, rounded again for display.
    Ratio,
    /// Round each criterion's weighted points, price points included; the total is the exact sum
    /// of rounded points.
    Criterion,
    /// The price points (where given, instead of `criterion` for the price).
    PricePoints,
    /// The quality subtotal: the sum of the quality criteria's points.
    Quality,
    /// Keep everything exact and round only the total.
    #[default]
    Total,
}

impl RoundingStep {
    /// Every step, in the order the evaluation computes them.
    pub const ALL: [Self; 7] =
        [Self::Aggregate, Self::Grade, Self::Ratio, Self::Criterion, Self::PricePoints, Self::Quality, Self::Total];

    /// The step's name as written in files.
    pub fn key(self) -> &'static str {
        match self {
            Self::Aggregate => "aggregate",
            Self::Grade => "grade",
            Self::Ratio => "ratio",
            Self::Criterion => "criterion",
            Self::PricePoints => "price-points",
            Self::Quality => "quality",
            Self::Total => "total",
        }
    }

    fn index(self) -> usize {
        match self {
            Self::Aggregate => 0,
            Self::Grade => 1,
            Self::Ratio => 2,
            Self::Criterion => 3,
            Self::PricePoints => 4,
            Self::Quality => 5,
            Self::Total => 6,
        }
    }
}

/// One more step at which figures are rounded, with its own decimals and rule.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StepRounding {
    /// The step.
    pub step: RoundingStep,
    /// Decimals kept at this step (0-10).
    pub decimals: u32,
    /// The rounding rule at this step; the policy's `strategy` when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub strategy: Option<RoundingStrategy>,
}

/// The steps a rounding policy rounds at besides its `at`, at most one rule per step (a list in
/// files; a step listed twice is refused when the file is read).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct RoundingSteps([Option<StepRounding>; 7]);

impl RoundingSteps {
    /// No further steps.
    pub const NONE: Self = Self([None; 7]);

    /// Whether no step is listed.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// The rule for a step, if listed.
    pub fn get(&self, step: RoundingStep) -> Option<StepRounding> {
        self.0[step.index()]
    }

    /// The rules listed, in the order the evaluation computes them.
    pub fn iter(&self) -> impl Iterator<Item = StepRounding> + '_ {
        self.0.iter().flatten().copied()
    }
}

impl TryFrom<Vec<StepRounding>> for RoundingSteps {
    type Error = String;
    fn try_from(list: Vec<StepRounding>) -> Result<Self, Self::Error> {
        let mut out = Self::NONE;
        let mut previous: Option<RoundingStep> = None;
        for rule in list {
            let slot = &mut out.0[rule.step.index()];
            if slot.is_some() {
                return Err(format!(
                    "the rounding step `{}` is listed twice; give each step one rule",
                    rule.step.key()
                ));
            }
            // In the order they are computed, so the list reads as the calculation and a problem
            // found with a step (`steps[k]`) is at the k-th entry as written.
            if let Some(before) = previous
                && before.index() > rule.step.index()
            {
                return Err(format!(
                    "the rounding step `{}` is listed after `{}`; list the steps in the order they are computed: \
                     aggregate, grade, ratio, criterion, price-points, quality, total",
                    rule.step.key(),
                    before.key()
                ));
            }
            previous = Some(rule.step);
            *slot = Some(rule);
        }
        Ok(out)
    }
}

impl From<RoundingSteps> for Vec<StepRounding> {
    fn from(steps: RoundingSteps) -> Self {
        steps.iter().collect()
    }
}

impl Serialize for RoundingSteps {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<'de> Deserialize<'de> for RoundingSteps {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let list = Vec::<StepRounding>::deserialize(deserializer)?;
        Self::try_from(list).map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for RoundingSteps {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "RoundingSteps".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let mut schema = Vec::<StepRounding>::json_schema(generator);
        schema.insert(
            "description".into(),
            "Further steps to round at, each with its decimals and rule; each step at most once.".into(),
        );
        schema
    }
}

/// How a figure is rounded to the policy's decimals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RoundingStrategy {
    /// Half away from zero: 2.345 → 2.35 (commercial rounding, the usual rule in tenders).
    #[default]
    HalfUp,
    /// Half to even (banker's rounding): 2.345 → 2.34, 2.355 → 2.36.
    HalfEven,
    /// Half towards zero: 2.345 → 2.34.
    HalfDown,
    /// Truncate towards zero: 2.349 → 2.34.
    Down,
    /// Away from zero: 2.341 → 2.35.
    Up,
}

/// The rounding policy of an evaluation model.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RoundingPolicy {
    /// Decimals kept (0-10).
    #[serde(default = "two")]
    pub decimals: u32,
    /// At which step rounding happens.
    #[serde(default)]
    pub at: RoundingStep,
    /// The rounding rule.
    #[serde(default)]
    pub strategy: RoundingStrategy,
    /// Further steps to round at, each with its own decimals and rule (e.g. each evaluator
    /// aggregate to 2 decimals, then each criterion's points to 2 decimals). Nothing is rounded at
    /// a step that neither `at` nor this list names.
    #[serde(default, skip_serializing_if = "RoundingSteps::is_empty")]
    pub steps: RoundingSteps,
}

impl RoundingPolicy {
    /// The decimals and rule a step rounds to, if the policy rounds there: `at` with the policy's
    /// decimals and strategy, or the step's entry in `steps`.
    pub fn rule(&self, step: RoundingStep) -> Option<(u32, RoundingStrategy)> {
        if self.at == step {
            return Some((self.decimals, self.strategy));
        }
        self.steps.get(step).map(|r| (r.decimals, r.strategy.unwrap_or(self.strategy)))
    }

    /// The rule for the price points: `price-points` where given, else `criterion`.
    pub fn price_points_rule(&self) -> Option<(u32, RoundingStrategy)> {
        self.rule(RoundingStep::PricePoints).or_else(|| self.rule(RoundingStep::Criterion))
    }

    /// Whether only the total is rounded (every other figure exact).
    pub fn only_total(&self) -> bool {
        self.at == RoundingStep::Total && self.steps.is_empty()
    }
}

fn two() -> u32 {
    2
}

impl Default for RoundingPolicy {
    fn default() -> Self {
        Self { decimals: 2, at: RoundingStep::Total, strategy: RoundingStrategy::HalfUp, steps: RoundingSteps::NONE }
    }
}

/// How several evaluators' scores become one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Aggregation {
    /// The arithmetic mean (exact).
    #[default]
    Mean,
    /// The median.
    Median,
    /// The consensus score recorded by the committee; required for every criterion.
    Consensus,
}

/// Quality scored relative to the best bid instead of on the absolute scale: the best compliant
/// bid (one that passed the gates and the quality thresholds) earns the full weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RelativeQuality {
    /// Per criterion: points = weight × score / the best score on that criterion (Norwegian
    /// "normalisering", a relative points model).
    PerCriterion,
    /// On the quality total: quality points = the maximum quality points × the bid's quality
    /// points / the best bid's.
    QualityTotal,
}

/// Rules for quality scores.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QualityRules {
    /// Mean, median or consensus. Under mean and median a recorded consensus score for a criterion
    /// overrides the aggregate, and the derivation says so.
    #[serde(default)]
    pub aggregation: Aggregation,
    /// Flag a criterion when evaluators' scores differ by more than this percentage of the scale.
    #[serde(default = "thirty")]
    pub disagreement_spread: Percent,
    /// A bid whose quality points are below this percentage of the maximum is excluded before
    /// price (e.g. 70, the Commission model).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minimum_total: Option<Percent>,
    /// Only the N bids with the most quality points go on to price (BT-5423 `max-pass`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_pass: Option<u32>,
    /// Score quality relative to the best compliant bid, per criterion or on the total. Absent:
    /// the absolute scale (a score's share of the scale's maximum). Thresholds (`minimum_score`,
    /// `minimum_total`) are applied to the absolute scores first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub relative: Option<RelativeQuality>,
}

fn thirty() -> Percent {
    Percent::from(30)
}

impl Default for QualityRules {
    fn default() -> Self {
        Self {
            aggregation: Aggregation::Mean,
            disagreement_spread: thirty(),
            minimum_total: None,
            max_pass: None,
            relative: None,
        }
    }
}

/// One rule for breaking a tie, applied in order.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum TieBreakRule {
    /// More quality points wins.
    HigherQuality,
    /// The lower evaluated price wins.
    LowerPrice,
    /// More points on the named criterion wins.
    HigherScoreOn(Id),
    /// The earlier submission wins (needs `submitted` on the bids).
    EarlierSubmission,
    /// Lots are drawn. The evaluation cannot draw; it reports the tie as unresolved.
    DrawingLots,
}

/// The statutory basis on which the most economically advantageous tender is identified
/// (Directive 2014/24/EU art. 67(2); udbudsloven § 162, stk. 1): one of three, derived from the
/// award model ([`AwardModel::basis`]) and never stated beside it, so it cannot drift from the
/// criteria.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AwardBasis {
    /// Price alone (*pris*): a price criterion on the bid's total price and no quality criterion.
    Price,
    /// Cost alone (*omkostninger*), such as life-cycle cost (art. 68): no quality criterion.
    Cost,
    /// The best price-quality ratio (*bedste forhold mellem pris og kvalitet*): price or cost
    /// and at least one quality criterion.
    BestPriceQualityRatio,
}

impl AwardBasis {
    /// The basis's number in udbudsloven § 162, stk. 1 (1 price, 2 cost, 3 best price-quality
    /// ratio), which follows the order of the directive's art. 67(2).
    pub fn number(self) -> u8 {
        match self {
            Self::Price => 1,
            Self::Cost => 2,
            Self::BestPriceQualityRatio => 3,
        }
    }

    /// The kebab-case key, as in JSON (`price`, `cost`, `best-price-quality-ratio`).
    pub fn key(self) -> &'static str {
        match self {
            Self::Price => "price",
            Self::Cost => "cost",
            Self::BestPriceQualityRatio => "best-price-quality-ratio",
        }
    }
}

/// The award model of a lot.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AwardModel {
    /// How weights are expressed.
    #[serde(default)]
    pub weighting: Weighting,
    /// The award criteria.
    pub criteria: Vec<Criterion>,
    /// How prices are scored.
    pub price_model: PriceModel,
    /// Which price is scored.
    #[serde(default)]
    pub price_basis: PriceBasis,
    /// The price basket's lines, when `price_basis.kind` is `basket`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub basket: Vec<BasketLine>,
    /// The named parts of the price the bids give, when price or cost criteria score parts of the
    /// price separately (each criterion names its `components`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub price_components: Vec<PriceComponent>,
    /// The default scale for quality scores.
    #[serde(default)]
    pub scale: ScaleSpec,
    /// Rounding.
    #[serde(default)]
    pub rounding: RoundingPolicy,
    /// Quality aggregation and thresholds.
    #[serde(default)]
    pub quality: QualityRules,
    /// The total points relative to the best bid: the best ranked bid's total becomes the maximum
    /// points (the sum of the effective weights, 100 under percent weighting) and every other
    /// ranked bid's total is `maximum × total / best total` (a best total of zero or less gives
    /// every bid 0). Only where the highest total wins. TOML: `relative_total = true`.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub relative_total: bool,
    /// Tie-break rules, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tie_break: Vec<TieBreakRule>,
    /// The award is flagged as a close call when the last awarded and the first bid not awarded
    /// are closer than this share, in percent, of the maximum points (or, where the lowest figure
    /// wins, of the last awarded bid's figure). Default 1 %: one point on a 100-point scale.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub close_call_percent: Option<Percent>,
    /// Why only an order of importance is given (eForms BT-733).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_justification: Option<Text>,
}

impl AwardModel {
    /// The close-call threshold in percent (`close_call_percent`, default 1).
    pub fn close_call_percent(&self) -> rust_decimal::Decimal {
        self.close_call_percent.map_or(rust_decimal::Decimal::ONE, |p| p.get())
    }

    /// The price or cost criterion, if any (the first, where price components give several).
    pub fn price_criterion(&self) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.kind != CriterionKind::Quality)
    }

    /// The price and cost criteria in order.
    pub fn price_criteria(&self) -> impl Iterator<Item = &Criterion> {
        self.criteria.iter().filter(|c| c.kind != CriterionKind::Quality)
    }

    /// Whether price or cost criteria score named parts of the price (`price_components`).
    pub fn has_components(&self) -> bool {
        !self.price_components.is_empty()
    }

    /// The price model of a price or cost criterion: its own, or the award model's.
    pub fn model_of<'a>(&'a self, criterion: &'a Criterion) -> &'a PriceModel {
        criterion.price_model.as_ref().unwrap_or(&self.price_model)
    }

    /// The statutory basis of the award: the best price-quality ratio when any criterion is a
    /// quality criterion; otherwise cost when the price is evaluated as a life-cycle cost or the
    /// monetary criterion is a cost criterion; otherwise price.
    ///
    /// ```
    /// use tender_core::award::AwardBasis;
    /// # let tender: tender_core::Tender = tender_core::files::parse(r#"
    /// # id = "T-1"
    /// # title = "Office suite"
    /// # buyer = { name = "Aarhus Kommune", country = "DK", kind = "municipality" }
    /// # procedure = "open"
    /// # currency = "DKK"
    /// # languages = ["en"]
    /// # contract = { duration_months = 48 }
    /// # [[lots]]
    /// # id = "L1"
    /// # title = "Office suite"
    /// # [lots.award]
    /// # price_model = { kind = "proportional" }
    /// # [[lots.award.criteria]]
    /// # id = "PRICE"
    /// # name = "Price"
    /// # kind = "price"
    /// # weight = 100
    /// # "#, tender_core::files::Format::Toml, "tender.toml".as_ref())?;
    /// assert_eq!(tender.lots[0].award.basis(), AwardBasis::Price);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn basis(&self) -> AwardBasis {
        if self.quality_criteria().next().is_some() {
            AwardBasis::BestPriceQualityRatio
        } else if self.price_basis.kind == PriceBasisKind::LifeCycleCost
            || self.criteria.iter().any(|c| c.kind == CriterionKind::Cost)
        {
            AwardBasis::Cost
        } else {
            AwardBasis::Price
        }
    }

    /// The quality criteria in order.
    pub fn quality_criteria(&self) -> impl Iterator<Item = &Criterion> {
        self.criteria.iter().filter(|c| c.kind == CriterionKind::Quality)
    }

    /// The exact sum of the criteria's weights as a reduced `(numerator, denominator)`: what a
    /// `normalised` weighting divides by. `None` if it does not fit in 128-bit arithmetic.
    pub fn weight_sum(&self) -> Option<(i128, i128)> {
        Weight::exact_sum(self.criteria.iter().filter_map(|c| c.weight))
    }

    /// The scale a criterion is scored on.
    pub fn scale_of(&self, criterion: &Criterion) -> Scale {
        criterion.scale.as_ref().unwrap_or(&self.scale).resolve()
    }
}
