//! Measured criteria: a quality criterion scored from a value the bid states (guaranteed
//! availability, incident response time, energy or CO2 per user), by a published rule.
//!
//! A measured criterion is a quality criterion (`kind = "quality"`) with a `measure` table: eForms
//! knows only price, cost and quality criteria (BT-539), and a measured criterion is a non-price
//! criterion with its rule described (BT-540), so it stays `quality` and everything that weighs,
//! publishes or analyses quality criteria includes it. The bid states the value
//! (`[[measures]] criterion = "AVAIL" value = "99.95"`) instead of the evaluators giving marks.
//!
//! The rules, with `v` the bid's value and the criterion's weight `M`:
//!
//! * `proportional`: `M × v / best` (higher is better) or `M × best / v` (lower is better), where
//!   `best` is the best value among the bids that passed the gates and have no defect;
//! * `linear`: `M × (v − zero) / (full − zero)`, limited to `0..M`; beyond `zero` the bid earns 0
//!   points or is rejected, as `beyond` says;
//! * `bands`: the score of the first band the value reaches (`≥ from` when higher is better,
//!   `≤ from` when lower is better) on the criterion's scale, `M × score / scale maximum`; a value
//!   that reaches no band earns 0 or is rejected, as `below` says;
//! * `formula`: the tender's own formula (see [`crate::formula`]) gives the points.
//!
//! A value outside the acceptable range (`min`, `max`) makes the bid non-compliant; a bid that
//! states no value for a measured criterion is non-compliant too (see [`crate::compliance`]).

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::common::Text;
use crate::num::{Measurement, Score};

/// Which way a measured value is better.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    /// A lower value is better (response time, energy, CO2).
    LowerIsBetter,
    /// A higher value is better (availability).
    HigherIsBetter,
}

/// What happens to a value beyond the rule's last point (linear: beyond the zero value; bands:
/// reaching no band).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Beyond {
    /// The bid earns 0 points on the criterion.
    #[default]
    Zero,
    /// The bid is rejected as non-compliant.
    Reject,
}

/// One band of a stepwise table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    /// The value the band starts at: at least this when higher is better, at most this when lower
    /// is better.
    pub from: Measurement,
    /// The score earned, on the criterion's scale.
    pub score: Score,
}

/// How a stated value becomes points.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "kebab-case", deny_unknown_fields)]
pub enum MeasureRule {
    /// Proportional to the best value among the bids in play: `v / best` or `best / v`.
    Proportional,
    /// Linear between a value that earns full points and one that earns none.
    Linear {
        /// The value (or better) that earns full points.
        full: Measurement,
        /// The value that earns no points.
        zero: Measurement,
        /// Beyond `zero`: 0 points or rejection.
        #[serde(default)]
        beyond: Beyond,
    },
    /// A stepwise table, best band first.
    Bands {
        /// The bands, best first.
        bands: Vec<Band>,
        /// A value that reaches no band: 0 points or rejection.
        #[serde(default)]
        below: Beyond,
    },
    /// The tender's own formula for the points, over `value`, `best`, `worst`, `lowest`,
    /// `highest`, `mean` (of the bids in play), `max` (the criterion's weight) and the constants
    /// it names.
    Formula {
        /// The formula as published, e.g. `max * (1 - (value - best) / best)`.
        formula: String,
        /// Named constants the formula uses, e.g. `target = "99.9"`.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        constants: BTreeMap<String, Measurement>,
    },
}

impl MeasureRule {
    /// The rule's name as written in files.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Proportional => "proportional",
            Self::Linear { .. } => "linear",
            Self::Bands { .. } => "bands",
            Self::Formula { .. } => "formula",
        }
    }

    /// Whether a bid's points depend on the other bids' values.
    pub fn depends_on_other_bids(&self) -> bool {
        match self {
            Self::Proportional => true,
            Self::Linear { .. } | Self::Bands { .. } => false,
            Self::Formula { formula, .. } => crate::formula::parse(formula)
                .map(|e| crate::formula::names(&e).iter().any(|(n, _)| !matches!(*n, "value" | "max")))
                .unwrap_or(true),
        }
    }
}

/// A measured criterion's value, rule and acceptable range.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measure {
    /// The unit the value is stated in, e.g. "%" or "minutes".
    pub unit: Text,
    /// Lower or higher is better.
    pub direction: Direction,
    /// How the value becomes points.
    pub rule: MeasureRule,
    /// The lowest acceptable value; below it the bid is rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Measurement>,
    /// The highest acceptable value; above it the bid is rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Measurement>,
}

impl Measure {
    /// Whether `a` is better than `b` in the measure's direction.
    pub fn better(&self, a: Decimal, b: Decimal) -> bool {
        match self.direction {
            Direction::HigherIsBetter => a > b,
            Direction::LowerIsBetter => a < b,
        }
    }

    /// Why a value makes the bid non-compliant, if it does: outside the acceptable range, beyond a
    /// linear rule's zero value or reaching no band, where the tender rejects those.
    pub fn rejects(&self, value: Decimal) -> Option<Rejection> {
        if let Some(min) = self.min
            && value < min.get()
        {
            return Some(Rejection::BelowMinimum(min.get()));
        }
        if let Some(max) = self.max
            && value > max.get()
        {
            return Some(Rejection::AboveMaximum(max.get()));
        }
        match &self.rule {
            MeasureRule::Linear { zero, beyond: Beyond::Reject, .. } if self.better(zero.get(), value) => {
                Some(Rejection::BeyondZero(zero.get()))
            }
            MeasureRule::Bands { bands, below: Beyond::Reject } => {
                let last = bands.last()?.from.get();
                self.better(last, value).then_some(Rejection::NoBand(last))
            }
            _ => None,
        }
    }
}

/// Why a stated value is not acceptable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "limit", rename_all = "kebab-case")]
pub enum Rejection {
    /// Below the acceptable range's minimum.
    BelowMinimum(Decimal),
    /// Above the acceptable range's maximum.
    AboveMaximum(Decimal),
    /// Beyond a linear rule's zero value, which the tender rejects.
    BeyondZero(Decimal),
    /// Short of the last band, which the tender rejects.
    NoBand(Decimal),
}

impl Rejection {
    /// The limit the value crossed.
    pub fn limit(self) -> Decimal {
        match self {
            Self::BelowMinimum(d) | Self::AboveMaximum(d) | Self::BeyondZero(d) | Self::NoBand(d) => d,
        }
    }
}

/// A value the bid states for a measured criterion.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StatedValue {
    /// The measured criterion's id.
    pub criterion: crate::common::Id,
    /// The value, in the criterion's unit.
    pub value: Measurement,
    /// Where the bid documents it (e.g. "SLA appendix 3"); bidder text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
}

/// A problem with a measure, for validation: (path under the criterion, message, fix).
pub(crate) type Finding = (String, String, String);

/// The tender author's mistakes in a measure, each with the path under `…criteria[i]`.
pub(crate) fn check(measure: &Measure, weight: Option<Decimal>, scale_max: Decimal) -> Vec<Finding> {
    let mut out: Vec<Finding> = Vec::new();
    let mut push = |path: &str, message: String, fix: &str| out.push((path.to_owned(), message, fix.to_owned()));
    let higher = measure.direction == Direction::HigherIsBetter;
    if let (Some(min), Some(max)) = (measure.min, measure.max)
        && min.get() >= max.get()
    {
        push(
            "measure.max",
            format!("the acceptable range's maximum {max} is not above its minimum {min}"),
            "give a maximum above the minimum",
        );
    }
    match &measure.rule {
        MeasureRule::Proportional => {
            if measure.min.is_none_or(|m| m.get() <= Decimal::ZERO) {
                push(
                    "measure.min",
                    "a proportional measure divides by the values, so a value of 0 or below would divide by zero or reverse the scale"
                        .into(),
                    "set the acceptable range's `min` above 0",
                );
            }
        }
        MeasureRule::Linear { full, zero, .. } => {
            if full == zero {
                push(
                    "measure.rule.zero",
                    format!(
                        "the value for full points and the value for no points are both {full}, so the line has no slope"
                    ),
                    "give a zero-points value worse than the full-points value",
                );
            } else if measure.better(zero.get(), full.get()) {
                let word = if higher { "below" } else { "above" };
                push(
                    "measure.rule.zero",
                    format!(
                        "the value for no points ({zero}) is better than the value for full points ({full}) although {} is better",
                        if higher { "higher" } else { "lower" }
                    ),
                    &format!("give a zero-points value {word} the full-points value, or change `direction`"),
                );
            }
        }
        MeasureRule::Bands { bands, .. } => {
            if bands.is_empty() {
                push("measure.rule.bands", "the band table is empty".into(), "list the bands, best first");
            }
            for (k, pair) in bands.windows(2).enumerate() {
                let next = k.saturating_add(1);
                if !measure.better(pair[0].from.get(), pair[1].from.get()) {
                    push(
                        &format!("measure.rule.bands[{next}].from"),
                        format!(
                            "the band starting at {} does not come after the band starting at {}: bands overlap or are out of order",
                            pair[1].from, pair[0].from
                        ),
                        &format!(
                            "list the bands best first, each starting at a {} value than the one before",
                            if higher { "lower" } else { "higher" }
                        ),
                    );
                }
                if pair[1].score.get() >= pair[0].score.get() {
                    push(
                        &format!("measure.rule.bands[{next}].score"),
                        format!(
                            "the band scores {} although the better band before it scores {}",
                            pair[1].score, pair[0].score
                        ),
                        "give each band a lower score than the band before it",
                    );
                }
            }
            for (k, b) in bands.iter().enumerate() {
                if b.score.get() > scale_max || b.score.is_negative() {
                    push(
                        &format!("measure.rule.bands[{k}].score"),
                        format!("the score {} is outside the criterion's scale 0-{scale_max}", b.score),
                        "give band scores on the criterion's scale",
                    );
                }
            }
        }
        MeasureRule::Formula { formula, constants } => {
            if weight.is_none_or(|w| w <= Decimal::ZERO) {
                push(
                    "weight",
                    "a formula gives points out of the weight (`max`), which is not above zero".into(),
                    "give the criterion a positive weight",
                );
            }
            for (constant, message, fix) in
                crate::formula::check_names(formula, constants.keys(), &crate::formula::VARIABLES)
            {
                let path = constant
                    .map_or_else(|| "measure.rule.formula".to_owned(), |name| format!("measure.rule.constants.{name}"));
                push(&path, message, &fix);
            }
        }
    }
    out
}
