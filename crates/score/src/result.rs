//! The evaluation result: per lot, per bid, every figure with the data it was derived from.
//!
//! Derivations are structured data, not strings; [`crate::explain`] renders them on demand, in
//! plain English or through a [`crate::explain::Notation`] supplied by the text crate.

use rust_decimal::Decimal;
use serde::Serialize;
use tender_core::award::{AdjustMode, Aggregation, CorridorDecision};
use tender_core::requirement::{CodeRights, ExitAssistance, HostingModel, Severity};
use tender_core::{Id, Location, Objective, Seal};

use crate::exact::Exact;

/// A computed figure: exact, and as published (rounded by the tender's policy).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Figure {
    /// The exact value (after any rounding the policy applies at an earlier step).
    pub exact: Exact,
    /// The value as published: rounded to the policy's decimals by its strategy.
    pub value: Decimal,
}

/// The evaluation of a whole tender.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Evaluation {
    /// The tender's id.
    pub tender: Id,
    /// One evaluation per lot, in the tender's lot order.
    pub lots: Vec<LotEvaluation>,
    /// Findings across lots (e.g. a bidder awarded more lots than allowed).
    pub warnings: Vec<Warning>,
    /// Bid files left out because they could not be read as bids of this tender (a data-entry
    /// mistake, not the bidder's), when the caller chose to evaluate the rest (the command
    /// line's `--skip-unreadable`). Empty from [`crate::evaluate`] itself.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<SkippedFile>,
}

/// Why a file was left out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SkipKind {
    /// It could not be read as a bid of this tender (a data-entry mistake to fix).
    Unreadable,
    /// It is in the bids' directory but not read as a bid (hidden, a directory, another type).
    NotRead,
}

/// A bid file that was not evaluated, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SkippedFile {
    /// The file, as the caller names it.
    pub file: String,
    /// Whether it was read and refused, or not read at all.
    pub kind: SkipKind,
    /// The problems that kept it out, each in one line.
    pub reasons: Vec<String>,
}

/// How bids are compared in a lot.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Comparison {
    /// Highest total points wins.
    HighestTotal,
    /// Lowest price per quality point wins (extended method: corridor first).
    LowestPricePerQualityPoint,
    /// Lowest evaluation price (price adjusted for quality) wins.
    LowestEvaluationPrice,
}

/// The evaluation of one lot.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LotEvaluation {
    /// The lot's id.
    pub lot: Id,
    /// How bids are compared.
    pub comparison: Comparison,
    /// The price model's name.
    pub price_model: &'static str,
    /// Whether the price model makes a bid's result depend on the other bids.
    pub depends_on_other_bids: bool,
    /// The decimals figures are published with.
    pub decimals: u32,
    /// The lowest and highest evaluated price among the bids that reached price evaluation.
    pub lowest_price: Option<Exact>,
    /// See `lowest_price`.
    pub highest_price: Option<Exact>,
    /// Where the price criteria score price components: each criterion's lowest and highest.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub price_references: Vec<PriceReference>,
    /// Every bid: ranked bids in rank order first, then the others by id.
    pub bids: Vec<BidResult>,
    /// The bids awarded, in rank order.
    pub awarded: Vec<Id>,
    /// Ties found, and how they were broken.
    pub ties: Vec<Tie>,
    /// Findings the committee should read.
    pub warnings: Vec<Warning>,
    /// The rank-reversal check, for price models that depend on the other bids.
    pub rank_reversal: Option<RankReversal>,
    /// Why the award hangs on a hair, if it does: the committee should read these before it
    /// signs (and `tender analyze` gives the full picture).
    pub close_calls: Vec<CloseCall>,
    /// How many of the lot's bids had their quality scored by the integer kernel: 0 when the
    /// derivations were kept or the lot's rules need the general path (see `Detail::Figures`).
    #[serde(skip_serializing_if = "is_zero")]
    pub kernel_scored: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// A reason the award of a lot is a close call.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum CloseCall {
    /// The margin between the last awarded and the first bid not awarded is below the threshold.
    Margin {
        /// The last awarded bid.
        last_awarded: Id,
        /// The first bid not awarded.
        first_not_awarded: Id,
        /// The difference of their figures as published (points, or money for the lowest
        /// evaluation price or price per quality point).
        margin: Decimal,
        /// The threshold: the lot's `close_call_percent` of the maximum points, or of the last
        /// awarded bid's figure when the lowest figure wins.
        threshold: Decimal,
    },
    /// Moving one evaluator's mark on one criterion by one step of the scale changes who is
    /// awarded.
    MarkFlip {
        /// The bid whose mark moves.
        bid: Id,
        /// The evaluator (`None` for the committee's consensus score).
        evaluator: Option<Id>,
        /// The criterion or sub-criterion.
        criterion: Id,
        /// The mark given.
        from: Decimal,
        /// The mark one step away.
        to: Decimal,
        /// The bids awarded after the change, in rank order.
        awarded: Vec<Id>,
    },
    /// Another rounding (strategy or fewer decimals) changes who is awarded.
    Rounding {
        /// The decimals tried.
        decimals: u32,
        /// The strategy tried.
        strategy: tender_core::award::RoundingStrategy,
        /// The bids awarded under it, in rank order.
        awarded: Vec<Id>,
    },
}

impl LotEvaluation {
    /// The result of a bid.
    pub fn bid(&self, id: &Id) -> Option<&BidResult> {
        self.bids.iter().find(|b| &b.bid == id)
    }
}

/// Where a bid ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum BidStatus {
    /// Passed every gate and threshold and was ranked.
    Ranked,
    /// Failed a premise or minimum requirement.
    FailedGate,
    /// Scored below a minimum quality score (criterion or total).
    BelowQualityThreshold,
    /// Not among the N best in quality that go on to price (`max_pass`).
    NotAmongBestQuality,
    /// Rejected as non-compliant (*ukonditionsmæssigt tilbud*) for the reasons in `rejection`:
    /// it takes no rank and sets no reference value for the others.
    Rejected,
}

/// The result of one bid.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BidResult {
    /// The bid's id.
    pub bid: Id,
    /// The bidder's id.
    pub bidder: Id,
    /// The bidder's name.
    pub bidder_name: String,
    /// Where the bid ended.
    pub status: BidStatus,
    /// Why the bid is rejected as non-compliant, beyond any failed gate (empty otherwise).
    pub rejection: Vec<tender_core::compliance::Defect>,
    /// The bid's sovereignty record (the overall SEAL and each objective's), whether or not a
    /// gate uses it; `None` when the bid has no self-assessment.
    pub sovereignty: Option<SealRecord>,
    /// Every premise and minimum requirement, passed or failed.
    pub gates: Vec<GateResult>,
    /// Quality criteria, in the award model's order (empty for a bid that failed a gate).
    pub criteria: Vec<CriterionResult>,
    /// Quality points: the sum of the quality criteria's points.
    pub quality: Option<Figure>,
    /// The quality points in percent of the maximum.
    pub quality_percent: Option<Figure>,
    /// Under quality relative to the best bid's total: how `quality` was made from the absolute
    /// quality points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality_relative: Option<Box<RelativeTotal>>,
    /// The price evaluation (where the lot's price criteria score price components: the sum of
    /// the components, with the sum of the criteria's price points). Boxed: made once when the
    /// bid is ranked and moved into its result, while the ranking sorts small records.
    pub price: Option<Box<PriceResult>>,
    /// Where the lot's price criteria score price components: each price criterion's evaluation.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub prices: Vec<CriterionPrice>,
    /// The figure bids are compared on: total points, price per quality point or evaluation price.
    pub total: Option<Figure>,
    /// How `total` was made.
    pub total_derivation: Option<Box<TotalDerivation>>,
    /// Under total points relative to the best bid (`relative_total`): how `total` was made from
    /// the bid's own total points (`absolute`), the best ranked bid's and the maximum points.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub total_relative: Option<Box<RelativeTotal>>,
    /// Rank, from 1; tied bids share a rank only when the tie could not be broken.
    pub rank: Option<u32>,
    /// Whether the bid is awarded.
    pub awarded: bool,
    /// Whether the bid ranked within the lot's awards but was passed over because its bidder won
    /// the maximum number of lots in lots awarded earlier (`lot_award_order`).
    pub passed_over: bool,
    /// Why the bid stopped, when it is not ranked.
    pub exclusion: Option<Exclusion>,
}

/// A bid's SEALs: the overall level (the lowest objective) and each objective's, `None` where the
/// self-assessment states no level.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SealRecord {
    /// The overall SEAL, `None` when an objective's level is not stated.
    pub overall: Option<Seal>,
    /// Each objective's SEAL, in framework order.
    pub objectives: Vec<(Objective, Option<Seal>)>,
}

impl SealRecord {
    /// The record of a self-assessment.
    pub fn of(assessment: &tender_core::sovereignty::SovereigntyAssessment) -> Self {
        Self {
            overall: assessment.overall_seal(),
            objectives: Objective::ALL
                .iter()
                .map(|o| (*o, assessment.objectives.get(o).and_then(|a| a.seal())))
                .collect(),
        }
    }
}

/// Why a bid was not ranked.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Exclusion {
    /// Failed the listed requirements.
    Gates {
        /// The requirements failed.
        requirements: Vec<Id>,
    },
    /// A criterion's aggregated score is below its minimum.
    CriterionMinimum {
        /// The criterion.
        criterion: Id,
        /// The aggregated score (as published).
        score: Decimal,
        /// The minimum.
        minimum: Decimal,
    },
    /// The quality points are below the minimum share of the maximum.
    QualityMinimum {
        /// Quality in percent of the maximum (as published).
        percent: Decimal,
        /// The minimum percentage.
        minimum: Decimal,
    },
    /// Not among the `max_pass` best in quality.
    MaxPass {
        /// How many pass.
        max_pass: u32,
        /// The bid's place in quality.
        place: u32,
    },
}

/// The check of one premise or minimum requirement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GateResult {
    /// The requirement.
    pub requirement: Id,
    /// Premise or minimum.
    pub severity: Severity,
    /// Whether it passed.
    pub passed: bool,
    /// Why it failed (empty when passed).
    pub reasons: Vec<GateReason>,
}

/// One reason a gate failed, as data so each language can word it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum GateReason {
    /// The bid does not answer the requirement.
    NotAnswered,
    /// The bidder declares the requirement not met.
    DeclaredNotMet,
    /// The bid has no sovereignty assessment.
    NoSovereigntyAssessment,
    /// An objective's SEAL (the lowest of its answers) is below the minimum, or not assessed.
    ObjectiveSealBelowMinimum {
        /// The objective.
        objective: Objective,
        /// Its SEAL, `None` when not assessed.
        seal: Option<Seal>,
        /// The minimum.
        minimum: Seal,
    },
    /// The overall SEAL (the lowest objective) is below the minimum, or not determinable.
    OverallSealBelowMinimum {
        /// The overall SEAL, `None` when an objective is not assessed.
        seal: Option<Seal>,
        /// The minimum.
        minimum: Seal,
    },
    /// A required standard is not supported.
    StandardNotSupported {
        /// The standard.
        standard: Id,
    },
    /// No exit plan is delivered.
    NoExitPlan,
    /// The exit plan's horizon is longer than allowed, or not stated.
    ExitHorizonTooLong {
        /// Offered months.
        offered: Option<u32>,
        /// Maximum months.
        maximum: u32,
    },
    /// Data cannot be exported in a required format.
    ExportFormatMissing {
        /// The format.
        standard: Id,
    },
    /// Exit assistance is missing or on the wrong terms.
    ExitAssistance {
        /// Offered.
        offered: Option<ExitAssistance>,
        /// Required.
        required: ExitAssistance,
    },
    /// The notice period is longer than allowed, or not stated.
    NoticeTooLong {
        /// Offered months.
        offered: Option<u32>,
        /// Maximum months.
        maximum: u32,
    },
    /// The transition period is longer than allowed, or not stated.
    TransitionTooLong {
        /// Offered days.
        offered: Option<u32>,
        /// Maximum days.
        maximum: u32,
    },
    /// The data-retrieval period is shorter than required, or not stated.
    RetrievalTooShort {
        /// Offered days.
        offered: Option<u32>,
        /// Minimum days.
        minimum: u32,
    },
    /// Switching charges apply.
    SwitchingCharges,
    /// Egress charges apply.
    EgressCharges,
    /// Documentation is not handed over.
    NoDocumentationHandover,
    /// Customer-specific code is not handed over.
    NoCodeHandover,
    /// The bid states no exit terms at all.
    NoExitOffer,
    /// The bid states no hosting.
    NoHostingOffer,
    /// The hosting model is not allowed.
    HostingModelNotAllowed {
        /// Offered.
        offered: HostingModel,
        /// Allowed.
        allowed: Vec<HostingModel>,
    },
    /// Data is stored or processed outside the allowed locations (or no location is stated).
    DataLocationNotAllowed {
        /// The offending location; `None` when none is stated.
        location: Option<Location>,
    },
    /// Support accesses data from outside the allowed locations (or no location is stated).
    SupportAccessNotAllowed {
        /// The offending location; `None` when none is stated.
        location: Option<Location>,
    },
    /// The operator is subject to a jurisdiction not allowed (or none is stated).
    JurisdictionNotAllowed {
        /// The offending jurisdiction; `None` when none is stated.
        location: Option<Location>,
    },
    /// The bid states no open-source terms.
    NoOpenSourceOffer,
    /// A licence is not among those allowed.
    LicenceNotAllowed {
        /// The licence.
        licence: String,
    },
    /// The open-source share is below the minimum, or not stated.
    OpenSourceShareTooLow {
        /// Offered percent.
        offered: Option<Decimal>,
        /// Minimum percent.
        minimum: Decimal,
    },
    /// The rights to customer-specific code are weaker than required.
    CodeRightsTooWeak {
        /// Offered.
        offered: Option<CodeRights>,
        /// Required.
        required: CodeRights,
    },
    /// Code review is not allowed.
    NoCodeReview,
    /// Source code is not delivered.
    NoSourceDelivery,
}

/// One evaluator's mark as used in a derivation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// The evaluator.
    pub evaluator: Id,
    /// The score.
    pub score: Decimal,
}

/// A criterion's marks: inline up to four evaluators, so scoring allocates nothing per criterion.
pub type MarkList = smallvec::SmallVec<[Mark; 4]>;

/// How a leaf criterion's score was reached from the evaluators' marks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Marks {
    /// Mean, median or consensus.
    pub aggregation: Aggregation,
    /// The evaluators' marks, in the bid's order (stored inline for up to four evaluators).
    pub marks: MarkList,
    /// A recorded consensus score, which overrides mean or median.
    pub consensus: Option<Decimal>,
    /// The scale's maximum.
    pub scale_max: Decimal,
    /// The aggregated score.
    pub score: Exact,
    /// Whether the marks differ by more than the allowed spread.
    pub disagreement: bool,
}

/// A sub-criterion's result.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SubResult {
    /// The sub-criterion.
    pub criterion: Id,
    /// Its weight in percent of the parent.
    pub weight: Decimal,
    /// Its score.
    pub marks: Marks,
    /// Its share of full marks, `score / scale max`.
    pub ratio: Exact,
}

/// One objective's part of a sovereignty score.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ObjectiveResult {
    /// The objective.
    pub objective: Objective,
    /// The bid's points for it, as stated (not capped: the calculator's rounded answer values
    /// can sum to a little over the nominal maximum).
    pub points: Decimal,
    /// The exact sum of the answers' points, where the tender rounds each answer
    /// (`answer_decimals`) and that changed the sum.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unrounded: Option<Decimal>,
    /// The nominal maximum of the points: 1000, or the assessment's `points_out_of`.
    pub out_of: Decimal,
    /// How many of the calculator's criteria the bid answered for this objective; `None` when
    /// the assessment gives only the objective's result.
    pub answered: Option<usize>,
    /// The objective's weight in percent.
    pub weight: Decimal,
    /// `points / out_of × weight`, in percent.
    pub contribution: Exact,
}

/// Where a quality criterion's score came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ScoreBasis {
    /// The evaluators' marks.
    Marks(Marks),
    /// Weighted sub-criteria.
    SubCriteria {
        /// The sub-criteria.
        subs: Vec<SubResult>,
    },
    /// The sovereignty score: `Σ points / out_of × weight` per objective, in percent.
    Sovereignty {
        /// Per objective.
        objectives: Vec<ObjectiveResult>,
    },
    /// A value the bid states, scored by the measured criterion's rule.
    Measured(Measured),
}

/// A measured criterion's stated value and how its rule scored it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Measured {
    /// The value the bid states.
    pub value: Decimal,
    /// Where the bid documents it (bidder text: escape it wherever it is written).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The rule's figures.
    pub rule: MeasuredRule,
}

/// The figures of a measured criterion's rule for one bid.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum MeasuredRule {
    /// `ratio = value / best` (higher is better) or `best / value` (lower is better).
    Proportional {
        /// The best value among the bids in play.
        best: Decimal,
        /// Whether higher is better.
        higher_is_better: bool,
    },
    /// `ratio = (value − zero) / (full − zero)`, limited to 0..1.
    Linear {
        /// The value earning full points.
        full: Decimal,
        /// The value earning none.
        zero: Decimal,
    },
    /// The score of the band the value reaches.
    Band {
        /// The band's index (0 = best), or `None` when the value reaches no band.
        band: Option<usize>,
        /// Where the band starts.
        from: Option<Decimal>,
        /// The band's score (0 when the value reaches no band).
        score: Decimal,
        /// The criterion's scale maximum, which the score is a share of.
        out_of: Decimal,
    },
    /// The tender's formula, with the values its variables took.
    Formula {
        /// The formula as published.
        formula: String,
        /// Each variable and constant it uses, with its value.
        variables: Vec<(String, Exact)>,
        /// What the formula gives: the points before the policy's rounding.
        result: Exact,
    },
}

/// The result of one quality criterion.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CriterionResult {
    /// The criterion.
    pub criterion: Id,
    /// The weight it carries, exactly: percent or points as written, or normalised to percent
    /// (see [`crate::weights::effective`]).
    #[serde(serialize_with = "crate::exact::serialize_as_decimal")]
    pub weight: Exact,
    /// How the score was reached.
    pub basis: ScoreBasis,
    /// The score on the criterion's scale (a sovereignty score in percent).
    pub score: Exact,
    /// The share of full marks, 0-1 (rounded here when the policy rounds at the ratio).
    pub ratio: Exact,
    /// `weight × ratio` (rounded here when the policy rounds per criterion).
    pub points: Figure,
    /// Whether the score is below the criterion's minimum.
    pub below_minimum: bool,
    /// Under quality relative to the best bid per criterion: the best score among the compliant
    /// bids, by which `score` is divided to give `ratio`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best: Option<Exact>,
}

/// Points relative to the best bid's: the quality points relative to the best quality total
/// (`quality.relative = "quality-total"`), or the total points relative to the best total
/// (`relative_total`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RelativeTotal {
    /// The bid's points on the absolute scale.
    pub absolute: Exact,
    /// The best bid's points on the absolute scale (the best compliant bid's quality points, or
    /// the best ranked bid's total).
    pub best: Exact,
    /// The maximum points: the bid's points are `maximum × absolute / best`.
    pub maximum: Exact,
}

/// How the evaluated price was made.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PriceBasisDetail {
    /// The total price, plus options.
    Total {
        /// The bid's total.
        total: Decimal,
        /// Option prices included.
        options: Vec<(Id, Decimal)>,
    },
    /// Life-cycle cost: one-off plus recurring costs per year over the contract period (and
    /// option extensions), plus option prices.
    LifeCycleCost {
        /// One-off costs.
        one_off: Decimal,
        /// Recurring costs per year.
        recurring_per_year: Decimal,
        /// Months the recurring costs run (contract plus included extensions).
        months: u32,
        /// Option prices included.
        options: Vec<(Id, Decimal)>,
    },
    /// Price components: the sum of the components' prices.
    Components {
        /// Each component and its price.
        parts: Vec<(Id, Decimal)>,
    },
    /// A price basket: for each line, quantity × unit price (× the line's weight), summed, plus
    /// option prices.
    Basket {
        /// The lines, in the tender's order.
        lines: Vec<BasketLineDetail>,
        /// Option prices included.
        options: Vec<(Id, Decimal)>,
    },
}

/// One line of a price basket in a bid's evaluated price.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BasketLineDetail {
    /// The basket line.
    pub line: Id,
    /// The quantity the tender lists.
    pub quantity: Decimal,
    /// The bid's unit price.
    pub unit_price: Decimal,
    /// The line's weight in percent, where the basket is weighted.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub weight: Option<Decimal>,
    /// quantity × unit price (× weight / 100), exact.
    pub amount: Exact,
}

/// The price-to-points formula applied, with its inputs.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum PriceFormula {
    /// `M × Pmin / P`.
    Proportional {
        /// Maximum points: the price criterion's weight, exactly (normalised where the weighting
        /// says so).
        #[serde(serialize_with = "crate::exact::serialize_as_decimal")]
        max: Exact,
        /// The lowest price.
        lowest: Exact,
    },
    /// `M × max(0, 1 − (P − Pmin) / (slope × Pmin))`.
    LinearSlope {
        /// Maximum points: the price criterion's weight, exactly (normalised where the weighting
        /// says so).
        #[serde(serialize_with = "crate::exact::serialize_as_decimal")]
        max: Exact,
        /// The lowest price.
        lowest: Exact,
        /// The slope in percent.
        slope: Decimal,
        /// Whether the floor at zero applied.
        floored: bool,
    },
    /// `M × (2 − P / Pmin)`, optionally floored.
    LinearFromLowest {
        /// Maximum points: the price criterion's weight, exactly (normalised where the weighting
        /// says so).
        #[serde(serialize_with = "crate::exact::serialize_as_decimal")]
        max: Exact,
        /// The lowest price.
        lowest: Exact,
        /// Whether the floor at zero applied.
        floored: bool,
    },
    /// `M × (Pmax − P) / (Pmax − Pmin)`; all bids get `M` when every price is the same.
    MinMax {
        /// Maximum points: the price criterion's weight, exactly (normalised where the weighting
        /// says so).
        #[serde(serialize_with = "crate::exact::serialize_as_decimal")]
        max: Exact,
        /// The lowest price.
        lowest: Exact,
        /// The highest price.
        highest: Exact,
    },
    /// `M × clamp((high − P) / (high − low), 0, 1)`.
    FixedSpan {
        /// Maximum points: the price criterion's weight, exactly (normalised where the weighting
        /// says so).
        #[serde(serialize_with = "crate::exact::serialize_as_decimal")]
        max: Exact,
        /// Full points at or below.
        low: Decimal,
        /// Zero points at or above.
        high: Decimal,
        /// Whether the clamp applied.
        clamped: bool,
    },
    /// `M × max(0, 1 − ln(P / Pmin) / ln(1 + zero_at))`: the logarithm is computed to 28
    /// significant digits, the only figure in the evaluation that is not exact.
    Logarithmic {
        /// Maximum points: the price criterion's weight, exactly (normalised where the weighting
        /// says so).
        #[serde(serialize_with = "crate::exact::serialize_as_decimal")]
        max: Exact,
        /// The lowest price.
        lowest: Exact,
        /// Zero points at this percentage above the lowest.
        zero_at: Decimal,
        /// Whether the floor at zero applied.
        floored: bool,
    },
    /// The tender's formula, with the values its variables took; the share is `result / M`.
    Formula {
        /// Maximum points: the price criterion's weight, exactly (normalised where the weighting
        /// says so).
        #[serde(serialize_with = "crate::exact::serialize_as_decimal")]
        max: Exact,
        /// The formula as published.
        formula: String,
        /// Each variable and constant it uses, with its value.
        variables: Vec<(String, Exact)>,
        /// What the formula gives: the points before the policy's rounding.
        result: Exact,
    },
}

/// The price evaluation of a bid.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PriceResult {
    /// How the evaluated price was made.
    pub basis: PriceBasisDetail,
    /// The evaluated price.
    pub evaluated: Figure,
    /// For points models: the formula.
    pub formula: Option<PriceFormula>,
    /// For points models: the share of the maximum, before weighting (rounded here when the
    /// policy rounds at the ratio).
    pub ratio: Option<Exact>,
    /// For points models: the share as the formula gives it, before any rounding.
    pub unrounded_ratio: Option<Exact>,
    /// For points models under a policy that rounds grades: the price's grade on the lot's scale
    /// (`scale × share`, rounded there, as a Swedish "prisbetyg" on 0–5 with 2 decimals) and the
    /// scale's maximum. The share weighted is then `grade / maximum`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub grade: Option<PriceGrade>,
    /// For points models: the price points.
    pub points: Option<Figure>,
}

impl PriceResult {
    /// The evaluated price alone, before any points are given.
    pub fn unscored(basis: PriceBasisDetail, evaluated: Figure) -> Self {
        Self { basis, evaluated, formula: None, ratio: None, unrounded_ratio: None, grade: None, points: None }
    }
}

/// A price's grade on the lot's scale, rounded as the policy's `grade` step says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct PriceGrade {
    /// The grade, rounded: `scale maximum × share`.
    pub grade: Exact,
    /// The scale's maximum.
    pub scale_max: Decimal,
}

/// One price criterion's evaluation, where a lot has several.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CriterionPrice {
    /// The price criterion.
    pub criterion: Id,
    /// Its evaluation: the price of its components and its points.
    pub price: PriceResult,
}

/// The lowest and highest price of one price criterion among the bids in play.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PriceReference {
    /// The price criterion.
    pub criterion: Id,
    /// The lowest price.
    pub lowest: Exact,
    /// The highest price.
    pub highest: Exact,
}

/// How a bid's comparison figure was made.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum TotalDerivation {
    /// Price points plus quality points.
    Sum {
        /// Price points (absent without a price criterion).
        price: Option<Exact>,
        /// Points per quality criterion.
        quality: Vec<(Id, Exact)>,
    },
    /// `P / Q`: price per quality point.
    PricePerQualityPoint {
        /// The evaluated price.
        price: Exact,
        /// The quality points.
        quality: Exact,
        /// For the extended method: whether the bid is in the corridor.
        in_corridor: Option<bool>,
        /// The corridor in percent.
        corridor: Option<Decimal>,
        /// How the corridor decides.
        decision: CorridorDecision,
    },
    /// Price adjusted by money values of quality.
    ValueAdded {
        /// Deduction or markup.
        mode: AdjustMode,
        /// The evaluated price.
        price: Exact,
        /// Per quality criterion: its value, its ratio, and the adjustment.
        adjustments: Vec<ValueAdjustment>,
    },
    /// Price adjusted by a percentage of quality.
    PercentAdjustment {
        /// Deduction or markup.
        mode: AdjustMode,
        /// The evaluated price.
        price: Exact,
        /// Quality share `Q / Qmax`.
        quality_share: Exact,
        /// The maximum adjustment in percent.
        max_percent: Decimal,
        /// Each quality criterion's part of the adjustment, in money: `P × m × points / Qmax`
        /// deducted (deduction), or `P × m × (weight − points) / Qmax` added (markup); they sum
        /// to the whole adjustment.
        per_criterion: Vec<(Id, Exact)>,
    },
}

/// One criterion's money adjustment under the value-added model.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ValueAdjustment {
    /// The criterion.
    pub criterion: Id,
    /// What full marks are worth.
    pub value: Decimal,
    /// The share of full marks.
    pub ratio: Exact,
    /// The amount deducted or added.
    pub amount: Exact,
}

/// A tie between bids.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Tie {
    /// The tied bids.
    pub bids: Vec<Id>,
    /// The figure they share (as published).
    pub value: Decimal,
    /// The rule that broke it, if any.
    pub broken_by: Option<tender_core::award::TieBreakRule>,
    /// Whether it was resolved.
    pub resolved: bool,
}

/// Something the committee should know.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Warning {
    /// The price model depends on the other bids, so a bid's points change with the field.
    RelativePriceModel {
        /// The model.
        model: &'static str,
    },
    /// Evaluators' marks differ by more than the allowed spread.
    Disagreement {
        /// The bid.
        bid: Id,
        /// The criterion or sub-criterion.
        criterion: Id,
        /// Lowest mark.
        lowest: Decimal,
        /// Highest mark.
        highest: Decimal,
        /// The allowed spread in points.
        allowed: Decimal,
    },
    /// A tie could not be broken by the tender's rules.
    UnresolvedTie {
        /// The tied bids.
        bids: Vec<Id>,
    },
    /// A tie at the award cut-off could not be broken.
    TieAtAwardCutOff {
        /// The tied bids.
        bids: Vec<Id>,
    },
    /// A sovereignty objective's points are above its nominal maximum; they are scored as stated.
    PointsAboveMaximum {
        /// The bid.
        bid: Id,
        /// The objective.
        objective: Objective,
    },
    /// Fewer bids were ranked than the lot awards.
    FewerBidsThanAwards {
        /// Ranked bids.
        ranked: u32,
        /// Suppliers to award.
        to_award: u32,
    },
    /// A bidder is awarded more lots than the tender allows.
    TooManyLotsAwarded {
        /// The bidder.
        bidder: Id,
        /// The lots.
        lots: Vec<Id>,
        /// The maximum.
        maximum: u32,
    },
    /// A bid was passed over because its bidder already won the maximum number of lots; the lot
    /// went to the next ranked bid.
    PassedOver {
        /// The bid passed over.
        bid: Id,
        /// Its bidder.
        bidder: Id,
        /// The lots the bidder was awarded first.
        won: Vec<Id>,
    },
    /// Ties at the `max_pass` cut-off were all let through.
    MaxPassTie {
        /// The bids let through beyond the limit.
        bids: Vec<Id>,
    },
    /// Rank reversal occurs: removing a non-winning bid reorders others.
    RankReversal {
        /// The bid whose removal reorders others.
        removed: Id,
    },
    /// A bid has no quality points, so price per quality point is undefined: ranked last.
    NoQualityPoints {
        /// The bid.
        bid: Id,
    },
}

/// The rank-reversal check: for each non-winning ranked bid whose removal changes the reference
/// prices, the evaluation without it and the pairs of other bids whose order flips.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RankReversal {
    /// Bids whose removal was tried (the others cannot change any reference value).
    pub tried: Vec<Id>,
    /// The reversals found.
    pub reversals: Vec<Reversal>,
}

/// One reversal: removing `removed` makes `now_ahead` overtake `was_ahead`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reversal {
    /// The bid removed.
    pub removed: Id,
    /// The bid that was ranked ahead with all bids present.
    pub was_ahead: Id,
    /// The bid that is ahead without `removed`.
    pub now_ahead: Id,
}
