//! The award criteria of a lot as eForms BG-707 and the OCDS award criteria breakdown see them:
//! one plan, built once and checked against the eForms SDK rules, that both exporters render.
//!
//! # How the model becomes criterion numbers
//!
//! | Model | Criterion number (BT-541) | Code (BT-5421/5423) | OCDS code |
//! |---|---|---|---|
//! | `weighting = "percent"`, criterion `weight` | the weight | `per-exa` | `percentageExact` |
//! | `weighting = "points"`, criterion `weight` | the weight | `poi-exa` | `pointsExact` |
//! | `weighting = "order"`, criterion `weight` (rank) | the rank | `ord-imp` | `order` |
//! | criterion `minimum_score` | the score | `min-score` | `minimumScore` |
//! | `quality.max_pass` | the number of bids | `max-pass` on the lot's one quality criterion | `maximumBids` |
//!
//! * **Weights that a number cannot carry.** Under the price-per-quality-point, value-added and
//!   percent-adjustment models the price criterion has no weight: price and quality are combined
//!   by a formula. eForms forbids BT-543 (the description of a weighting that cannot be expressed
//!   per criterion) as soon as any criterion number is present (BR-BT-00543), so for these models
//!   the plan has **no numbers at all**, and BT-543 carries the method: the price criterion's
//!   description (required for these models), then one line per quality criterion with its
//!   weight, money value, minimum score, and a `max-pass` line.
//! * **Sub-criteria.** eForms has no sub-criterion level. A criterion's BT-540 description is its
//!   description followed by one line per sub-criterion: `name: weight %` (of the criterion).
//! * **A description is always written.** The SDK forbids criterion numbers (BR-BT-00541) and the
//!   name BT-734 (BR-BT-00734) on a criterion without BT-540, so a criterion without a
//!   description gets its name (and its sub-criteria) as description; without sub-criteria the
//!   eForms export warns.
//! * **`max-pass`** ("only the N best in quality go on to price") belongs to the lot; eForms puts
//!   thresholds on criteria, where `max-pass` means "the N best on this criterion pass". It is
//!   written on the lot's quality criterion when there is exactly one; otherwise it is a warning
//!   (on the price criterion it would say "the N cheapest pass").
//! * **`quality.minimum_total`** (a minimum share of all quality points) has no eForms or OCDS
//!   field: under a formula model the BT-543 text states it, under a points model it is a
//!   warning. BT-5422 fixed values are never written: the model has no fixed price or cost.

use rust_decimal::Decimal;
use tender_core::award::{AwardModel, PriceModel, Weighting};
use tender_core::{Criterion, CriterionKind, Language, Lot, Tender, Text, Weight};

use crate::error::ExportProblem;

/// eForms field lengths (characters), from the SDK's `fields.json` `maxLength`.
pub(crate) const MAX_NAME: usize = 400;
/// BT-540 and BT-733.
pub(crate) const MAX_DESCRIPTION: usize = 6000;
/// BT-543.
pub(crate) const MAX_CALCULATION: usize = 1000;

/// How a criterion number is a weight (eForms BT-5421 `number-weight`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum WeightCode {
    /// `per-exa`.
    PercentExact,
    /// `poi-exa`.
    PointsExact,
    /// `ord-imp`.
    Order,
}

impl WeightCode {
    pub(crate) fn eforms(self) -> &'static str {
        match self {
            Self::PercentExact => "per-exa",
            Self::PointsExact => "poi-exa",
            Self::Order => "ord-imp",
        }
    }

    pub(crate) fn ocds(self) -> &'static str {
        match self {
            Self::PercentExact => "percentageExact",
            Self::PointsExact => "pointsExact",
            Self::Order => "order",
        }
    }
}

/// How a criterion number is a threshold (eForms BT-5423 `number-threshold`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ThresholdCode {
    /// `min-score`.
    MinScore,
    /// `max-pass`.
    MaxPass,
}

impl ThresholdCode {
    pub(crate) fn eforms(self) -> &'static str {
        match self {
            Self::MinScore => "min-score",
            Self::MaxPass => "max-pass",
        }
    }

    pub(crate) fn ocds(self) -> &'static str {
        match self {
            Self::MinScore => "minimumScore",
            Self::MaxPass => "maximumBids",
        }
    }
}

/// What a criterion number means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NumberRole {
    Weight(WeightCode),
    Threshold(ThresholdCode),
}

/// One BT-541 number with its code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CriterionNumber {
    pub(crate) value: Decimal,
    pub(crate) role: NumberRole,
}

/// A text in each of the tender's languages, in the tender's language order.
pub(crate) type Texts = Vec<(Language, String)>;

/// One criterion as exported.
#[derive(Clone, Debug)]
pub(crate) struct PlannedCriterion<'a> {
    pub(crate) criterion: &'a Criterion,
    pub(crate) name: Texts,
    /// BT-540: the description with the sub-criteria, or the name when there is no description.
    pub(crate) description: Texts,
    /// Whether the criterion has a description or sub-criteria (OCDS writes only such).
    pub(crate) described: bool,
    pub(crate) numbers: Vec<CriterionNumber>,
}

/// The award criteria of one lot as exported.
#[derive(Clone, Debug)]
pub(crate) struct LotCriteria<'a> {
    pub(crate) lot: &'a Lot,
    /// The lot's title in every tender language.
    pub(crate) title: Texts,
    pub(crate) criteria: Vec<PlannedCriterion<'a>>,
    /// BT-543.
    pub(crate) weighting_description: Option<Texts>,
    /// BT-733.
    pub(crate) order_justification: Option<Texts>,
}

/// The eForms criterion type (BT-539) and OCDS `awardCriterionType` code.
pub(crate) fn kind_code(kind: CriterionKind) -> &'static str {
    match kind {
        CriterionKind::Price => "price",
        CriterionKind::Cost => "cost",
        CriterionKind::Quality => "quality",
    }
}

/// An amount of money in a text, as the language writes it (the tender texts' notation: at
/// least the currency's minor units, groups of three from five digits): `1.500.000,00 kr.`,
/// `DKK 1,500,000.00`, `1 500 000,00 EUR`.
pub(crate) fn money_text(lang: &Language, currency: &str, amount: Decimal) -> String {
    let normal = amount.normalize();
    let mut value = normal;
    value.rescale(normal.scale().max(tender_core::Currency::new(currency).minor_units()));
    let (group, mark) = match lang.as_str() {
        "en" | "ga" | "mt" => (",", "."),
        "fr" | "sv" | "fi" | "cs" | "sk" | "pl" | "hu" | "bg" | "lt" | "lv" | "et" | "no" | "nb" => ("\u{a0}", ","),
        _ => (".", ","),
    };
    let number = tender_score::explain::group(value, group, mark, 5);
    match (lang.as_str(), currency) {
        ("en" | "ga" | "mt", _) => format!("{currency} {number}"),
        ("da", "DKK") => format!("{number} kr."),
        _ => format!("{number} {currency}"),
    }
}

/// A decimal as plain text without trailing zeros: `30`, `7.5`.
pub(crate) fn number_text(value: Decimal) -> String {
    value.normalize().to_string()
}

/// Which export the plan is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Target {
    /// eForms: every text in every tender language, within the SDK's field lengths.
    EForms,
    /// OCDS: texts in the tender's main language, no length limits.
    Ocds,
}

/// Collects problems while planning.
struct Planner<'t> {
    tender: &'t Tender,
    languages: Vec<Language>,
    limits: bool,
    problems: Vec<ExportProblem>,
    warnings: Vec<ExportProblem>,
}

impl<'t> Planner<'t> {
    /// A text in every tender language. A per-language text missing a tender language is a
    /// problem: eForms needs every text in every notice language.
    fn texts(&mut self, path: &str, text: &Text, max: usize) -> Texts {
        let max = if self.limits { max } else { usize::MAX };
        let mut out = Vec::new();
        for lang in &self.languages {
            let value = match text {
                Text::Plain(s) => Some(s.as_str()),
                Text::PerLanguage(map) => map.get(lang).map(String::as_str),
            };
            match value {
                Some(s) => {
                    let s = s.trim();
                    if s.chars().count() > max {
                        self.problems.push(ExportProblem::new(
                            path,
                            format!("the `{lang}` text has {} characters; eForms allows {max}", s.chars().count()),
                            "shorten the text, and put the detail in the procurement documents",
                        ));
                    }
                    out.push((lang.clone(), s.to_owned()));
                }
                None => self.problems.push(ExportProblem::new(
                    path,
                    format!("there is no `{lang}` text, but the export is in `{lang}`"),
                    format!("add the `{lang}` text, or export in the languages the tender has texts in"),
                )),
            }
        }
        out
    }

    fn lot(&mut self, li: usize, lot: &'t Lot) -> LotCriteria<'t> {
        let p = format!("lots[{li}].award");
        let award = &lot.award;
        let title = self.texts(&format!("lots[{li}].title"), &lot.title, usize::MAX);
        if award.criteria.is_empty() {
            self.problems.push(ExportProblem::new(
                format!("{p}.criteria"),
                "the lot has no award criteria",
                "add the lot's award criteria",
            ));
        }
        let formula = !award.price_model.is_points_model();
        let mut criteria = Vec::with_capacity(award.criteria.len());
        for (ci, criterion) in award.criteria.iter().enumerate() {
            let cp = format!("{p}.criteria[{ci}]");
            let name = self.texts(&format!("{cp}.name"), &criterion.name, MAX_NAME);
            let description = self.description(&cp, award, criterion);
            let numbers = if formula { Vec::new() } else { self.numbers(&cp, award, criterion) };
            let described = criterion.description.is_some() || !criterion.sub_criteria.is_empty();
            criteria.push(PlannedCriterion { criterion, name, description, described, numbers });
        }
        if !formula {
            self.check_weights(&p, award);
            self.thresholds(&p, award, &mut criteria);
        }
        let weighting_description = if formula { self.calculation(&p, award) } else { None };
        let order_justification = match (award.weighting, &award.order_justification) {
            (Weighting::Order, Some(text)) => {
                Some(self.texts(&format!("{p}.order_justification"), text, MAX_DESCRIPTION))
            }
            (Weighting::Order, None) => {
                self.problems.push(ExportProblem::new(
                    format!("{p}.order_justification"),
                    "the criteria are given in order of importance only, without the justification eForms BT-733 publishes",
                    "state why weights cannot be given (Directive 2014/24/EU art. 67(5))",
                ));
                None
            }
            // BT-733 is allowed only with ord-imp (BR-BT-00733).
            (_, Some(_)) => {
                self.problems.push(ExportProblem::new(
                    format!("{p}.order_justification"),
                    "a justification for order of importance (BT-733) is given, but the criteria are weighted; eForms allows BT-733 only with `ord-imp`",
                    "remove `order_justification`, or use weighting = \"order\"",
                ));
                None
            }
            (_, None) => None,
        };
        LotCriteria { lot, title, criteria, weighting_description, order_justification }
    }

    /// The lot's quality thresholds under a points model. `max_pass` ("only the N best in quality
    /// go on to price") is a BT-5423 `max-pass` on the quality criterion when there is one; with
    /// several, no criterion carries it (a `max-pass` on one criterion, or on price, says
    /// something else), and neither standard has a lot-level field. `minimum_total` (a minimum
    /// share of all quality points) has no field in either standard. Both are warnings then.
    fn thresholds(&mut self, p: &str, award: &AwardModel, criteria: &mut [PlannedCriterion<'_>]) {
        let quality: Vec<usize> = criteria
            .iter()
            .enumerate()
            .filter(|(_, c)| c.criterion.kind == CriterionKind::Quality)
            .map(|(i, _)| i)
            .collect();
        if let Some(n) = award.quality.max_pass {
            match quality.as_slice() {
                [only] => {
                    if let Some(c) = criteria.get_mut(*only) {
                        c.numbers.push(CriterionNumber {
                            value: Decimal::from(n),
                            role: NumberRole::Threshold(ThresholdCode::MaxPass),
                        });
                    }
                }
                _ => self.warnings.push(ExportProblem::new(
                    format!("{p}.quality.max_pass"),
                    format!(
                        "only the {n} best bids in total quality go on to price, which eForms cannot say: BT-5423 `max-pass` belongs to one criterion and the lot has {} quality criteria; the rule is not in the export",
                        quality.len()
                    ),
                    "state the rule in the procurement documents, or combine the quality criteria into one with sub-criteria",
                )),
            }
        }
        if let Some(min) = award.quality.minimum_total {
            self.warnings.push(ExportProblem::new(
                format!("{p}.quality.minimum_total"),
                format!(
                    "a bid needs {} % of the quality points to go on to price, which neither eForms nor OCDS can say (BT-5423 `min-score` is a minimum on one criterion's score); the rule is not in the export",
                    number_text(min.get())
                ),
                "state the rule in the procurement documents, or set `minimum_score` on the criteria instead",
            ));
        }
    }

    /// BT-540: the description (or, with a warning, the name), then the sub-criteria with their
    /// weights.
    fn description(&mut self, cp: &str, award: &AwardModel, criterion: &Criterion) -> Texts {
        // A price criterion scored by a formula is described by its formula.
        let formula =
            criterion.kind != CriterionKind::Quality && matches!(award.model_of(criterion), PriceModel::Formula { .. });
        if criterion.description.is_none() && criterion.sub_criteria.is_empty() && !formula && self.limits {
            self.warnings.push(ExportProblem::new(
                format!("{cp}.description"),
                "the criterion has no description, so eForms BT-540 repeats its name; bidders learn nothing about what is assessed",
                "describe what the criterion assesses and how it is scored",
            ));
        }
        let base = criterion.description.as_ref().unwrap_or(&criterion.name);
        let mut texts = self.texts(&format!("{cp}.description"), base, usize::MAX);
        for (lang, text) in &mut texts {
            for sub in &criterion.sub_criteria {
                let name = sub.name.get(lang).trim();
                text.push_str(&format!("\n{name}: {} %", number_text(sub.weight.get())));
            }
            if let Some(m) = &criterion.measure {
                text.push('\n');
                text.push_str(&measure_summary(lang, m));
            }
            if criterion.kind != CriterionKind::Quality
                && let PriceModel::Formula { formula, constants } = award.model_of(criterion)
            {
                text.push('\n');
                text.push_str(&price_formula_summary(lang, formula, constants));
            }
            if let Some(w) =
                criterion.weight.filter(|w| award.weighting == Weighting::Normalised || w.as_fraction().is_some())
            {
                // The weight as the buyer wrote it; the notice's number is the percentage.
                let da = lang.as_str() == "da";
                let label = if da { "Vægt som angivet" } else { "Weight as written" };
                text.push_str(&format!("\n{label}: {w}"));
                if award.weighting == Weighting::Normalised
                    && let Some((n, d)) = award.weight_sum()
                {
                    let sum = if d == 1 { n.to_string() } else { format!("{n}/{d}") };
                    text.push_str(&if da {
                        format!(" af i alt {sum} (normaliseret til procent)")
                    } else {
                        format!(" of {sum} in all (normalised to percent)")
                    });
                }
            }
            // Totals relative to the best total have no field in eForms or OCDS: the rule is stated
            // once, in the lot's first criterion, where a reader of the criteria starts.
            if award.relative_total && award.criteria.first().is_some_and(|first| std::ptr::eq(first, criterion)) {
                text.push('\n');
                text.push_str(if lang.as_str() == "da" {
                    "Den samlede pointsum gøres relativ til det bedste tilbud: tilbuddet med den højeste samlede pointsum får det højeste antal point, og de øvrige tilbud får deres samlede pointsum × det højeste antal point / den højeste samlede pointsum."
                } else {
                    "The total points are made relative to the best bid: the bid with the highest total points gets the maximum points, and every other bid gets its total points × the maximum points / the highest total points."
                });
            }
            if self.limits && text.chars().count() > MAX_DESCRIPTION {
                self.problems.push(ExportProblem::new(
                    format!("{cp}.description"),
                    format!(
                        "the `{lang}` description with its sub-criteria has {} characters; eForms BT-540 allows {MAX_DESCRIPTION}",
                        text.chars().count()
                    ),
                    "shorten the description, and put the detail in the procurement documents",
                ));
            }
        }
        texts
    }

    fn numbers(&mut self, cp: &str, award: &AwardModel, criterion: &Criterion) -> Vec<CriterionNumber> {
        let mut numbers = Vec::new();
        let code = match award.weighting {
            // eForms has no code for weights normalised from another unit: the notice gives the
            // normalised percentages, which sum to 100 (the weights as written are in BT-540).
            Weighting::Percent | Weighting::Normalised => WeightCode::PercentExact,
            Weighting::Points => WeightCode::PointsExact,
            Weighting::Order => WeightCode::Order,
        };
        match criterion.weight {
            Some(w) => numbers.push(CriterionNumber { value: weight_number(award, criterion, w), role: NumberRole::Weight(code) }),
            None if code == WeightCode::Order => self.problems.push(ExportProblem::new(
                format!("{cp}.weight"),
                "the criterion has no rank; order of importance (ord-imp) is all or nothing (eForms BR-BT-00539-0194)",
                "give every criterion its rank, 1 for the most important",
            )),
            None => self.problems.push(ExportProblem::new(
                format!("{cp}.weight"),
                format!(
                    "the criterion has no weight, but the lot's criteria are weighted `{}`; eForms wants a weight on every criterion or on none",
                    code.eforms()
                ),
                "give the criterion its weight",
            )),
        }
        if let Some(min) = criterion.minimum_score {
            numbers.push(CriterionNumber { value: min.get(), role: NumberRole::Threshold(ThresholdCode::MinScore) });
        }
        numbers
    }

    /// The SDK's weight rules: `per-exa` sums to 100 (BR-BT-00539-0200, checked exactly here as
    /// the model requires), `ord-imp` ranks are whole numbers from 1 to the number of criteria
    /// (BR-BT-00539-0197, -0209).
    fn check_weights(&mut self, p: &str, award: &AwardModel) {
        let weights: Vec<Weight> = award.criteria.iter().filter_map(|c| c.weight).collect();
        if weights.len() != award.criteria.len() {
            return; // reported per criterion
        }
        match award.weighting {
            Weighting::Percent => {
                // Exact: an unvalidated tender's weights may be too large to add (issue 17), and
                // fractions (100/3) are added as fractions.
                let decimals: Option<Vec<Decimal>> = weights.iter().map(|w| w.decimal()).collect();
                let shown = match decimals {
                    Some(ds) => {
                        let sum = ds.iter().try_fold(Decimal::ZERO, |s, w| s.checked_add(*w));
                        (sum != Some(Decimal::ONE_HUNDRED))
                            .then(|| sum.map_or_else(|| "more than an exact decimal holds".to_owned(), number_text))
                    }
                    None => match Weight::exact_sum(weights.iter().copied()) {
                        Some((100, 1)) => None,
                        Some((n, 1)) => Some(n.to_string()),
                        Some((n, d)) => Some(format!("{} ({n}/{d})", Weight::fraction_sum_shown(n, d))),
                        None => Some("more than can be added exactly".to_owned()),
                    },
                };
                if let Some(shown) = shown {
                    self.problems.push(ExportProblem::new(
                        format!("{p}.criteria"),
                        format!("the percentage weights (per-exa) sum to {shown}, not 100 (eForms BR-BT-00539-0200)"),
                        "adjust the weights so they sum to 100",
                    ));
                }
            }
            Weighting::Points | Weighting::Normalised => {
                for (ci, w) in weights.iter().enumerate() {
                    if w.is_negative() || w.is_zero() {
                        self.problems.push(ExportProblem::new(
                            format!("{p}.criteria[{ci}].weight"),
                            format!("the weight {w} is not above zero"),
                            "give every criterion a weight above zero",
                        ));
                    }
                }
                if award.weighting == Weighting::Normalised && Weight::exact_sum(weights.iter().copied()).is_none() {
                    self.problems.push(ExportProblem::new(
                        format!("{p}.criteria"),
                        "the weights are too large to normalise exactly",
                        "use smaller weights",
                    ));
                }
            }
            Weighting::Order => {
                let n = Decimal::from(weights.len());
                for (ci, w) in weights.iter().enumerate() {
                    if !w.decimal().is_some_and(|w| w.is_integer() && w >= Decimal::ONE && w <= n) {
                        self.problems.push(ExportProblem::new(
                            format!("{p}.criteria[{ci}].weight"),
                            format!("the rank {w} is not a whole number from 1 to {n} (eForms BR-BT-00539-0197)"),
                            format!("give a rank from 1 (most important) to {n}"),
                        ));
                    }
                }
            }
        }
    }

    /// BT-543 for the models that combine price and quality by a formula.
    fn calculation(&mut self, p: &str, award: &AwardModel) -> Option<Texts> {
        let price = award.criteria.iter().position(|c| c.kind != CriterionKind::Quality);
        let Some(description) = price.and_then(|i| award.criteria[i].description.as_ref()) else {
            let path = match price {
                Some(i) => format!("{p}.criteria[{i}].description"),
                None => format!("{p}.criteria"),
            };
            self.problems.push(ExportProblem::new(
                path,
                format!(
                    "the `{}` price model combines price and quality by a formula that no criterion weight can express, and the price criterion does not describe it; eForms publishes the method as BT-543",
                    award.price_model.key()
                ),
                "describe the method in the price criterion's `description` (how price and quality points are combined and who wins)",
            ));
            return None;
        };
        let currency = self.tender.currency.as_str();
        let valued = matches!(award.price_model, PriceModel::ValueAdded { .. });
        let mut texts = self.texts(&format!("{p}.price_model"), description, usize::MAX);
        for (lang, text) in &mut texts {
            for c in award.quality_criteria() {
                text.push_str(&format!("\n{}", c.name.get(lang).trim()));
                if let Some(w) = c.weight {
                    text.push_str(&format!(": {} %", number_text(weight_number(award, c, w))));
                }
                if valued && let Some(v) = c.value {
                    text.push_str(&format!(" = {}", money_text(lang, currency, v.get())));
                }
                if let Some(min) = c.minimum_score {
                    text.push_str(&format!(" (min-score {})", number_text(min.get())));
                }
            }
            if let Some(n) = award.quality.max_pass {
                text.push_str(&format!("\nmax-pass: {n}"));
            }
            if let Some(min) = award.quality.minimum_total {
                let words = if lang.as_str() == "da" {
                    "minimum af kvalitetspointene"
                } else {
                    "minimum of the quality points"
                };
                text.push_str(&format!("\n{words}: {} %", number_text(min.get())));
            }
            if self.limits && text.chars().count() > MAX_CALCULATION {
                self.problems.push(ExportProblem::new(
                    format!("{p}.price_model"),
                    format!(
                        "the `{lang}` description of the method (the price criterion's description and the quality weights) has {} characters; eForms BT-543 allows {MAX_CALCULATION}",
                        text.chars().count()
                    ),
                    "shorten the price criterion's description",
                ));
            }
        }
        Some(texts)
    }
}

/// A plan of every lot's award criteria, with the warnings found.
pub(crate) struct Plan<'t> {
    pub(crate) lots: Vec<LotCriteria<'t>>,
    pub(crate) warnings: Vec<ExportProblem>,
}

/// Plans the award criteria of every lot with texts in `languages`, or returns every problem
/// found.
pub(crate) fn plan<'t>(
    tender: &'t Tender,
    target: Target,
    languages: &[Language],
) -> Result<Plan<'t>, Vec<ExportProblem>> {
    let mut planner = Planner {
        tender,
        languages: languages.to_vec(),
        limits: target == Target::EForms,
        problems: Vec::new(),
        warnings: Vec::new(),
    };
    if tender.languages.is_empty() {
        planner.problems.push(ExportProblem::new(
            "languages",
            "the tender names no language",
            "list the languages the tender is published in, e.g. languages = [\"da\", \"en\"]",
        ));
    }
    let lots = tender.lots.iter().enumerate().map(|(li, lot)| planner.lot(li, lot)).collect();
    if planner.problems.is_empty() { Ok(Plan { lots, warnings: planner.warnings }) } else { Err(planner.problems) }
}

/// A price formula in one line of the price criterion's BT-540 (issue 18), as a measured
/// criterion's formula is published: the formula as written, its constants and what its
/// variables stand for, in Danish or English (English for any other language).
pub(crate) fn price_formula_summary(
    lang: &Language,
    formula: &str,
    constants: &std::collections::BTreeMap<String, tender_core::num::Measurement>,
) -> String {
    let da = lang.as_str() == "da";
    let n = |d: Decimal| {
        let t = number_text(d);
        if da { t.replace('.', ",") } else { t }
    };
    let written = tender_core::formula::parse(formula).map_or_else(
        |_| formula.to_owned(),
        |e| tender_core::formula::render_with(&e, &|x| x.to_owned(), &|d| n(d), if da { "; " } else { ", " }, "×", "÷"),
    );
    let consts: Vec<String> = constants.iter().map(|(k, v)| format!("{k} = {}", n(v.get()))).collect();
    let consts = if consts.is_empty() { String::new() } else { format!(" ({})", consts.join(", ")) };
    if da {
        format!(
            "Prispoint = {written}{consts}; price er tilbuddets evaluerede pris, lowest, highest og mean den laveste, højeste og gennemsnitlige evaluerede pris blandt de tilbud, der går videre til prisevaluering, max kriteriets maksimale point; point uden for 0 til max afvises."
        )
    } else {
        format!(
            "Price points = {written}{consts}; price is the bid's evaluated price, lowest, highest and mean the lowest, highest and mean evaluated price among the bids that go on to price evaluation, max the criterion's maximum points; points outside 0 to max are refused."
        )
    }
}

/// A measured criterion's rule in one line of BT-540 (issue 18): the unit, the direction, the rule
/// with its numbers (the formula as written), and the acceptable range, in Danish or English
/// (English for any other language).
pub(crate) fn measure_summary(lang: &Language, m: &tender_core::measure::Measure) -> String {
    use tender_core::measure::{Beyond, Direction, MeasureRule};
    let da = lang.as_str() == "da";
    let n = |d: Decimal| {
        let t = number_text(d);
        if da { t.replace('.', ",") } else { t }
    };
    let higher = m.direction == Direction::HigherIsBetter;
    let mut parts = vec![match (da, higher) {
        (true, true) => format!("Tilbudt værdi i {}; højere er bedre", m.unit.get(lang).trim()),
        (true, false) => format!("Tilbudt værdi i {}; lavere er bedre", m.unit.get(lang).trim()),
        (false, true) => format!("Value offered in {}; higher is better", m.unit.get(lang).trim()),
        (false, false) => format!("Value offered in {}; lower is better", m.unit.get(lang).trim()),
    }];
    let cmp = if higher { "≥" } else { "≤" };
    let reject = |b: Beyond| match (da, b) {
        (true, Beyond::Zero) => "0 point",
        (true, Beyond::Reject) => "afvises",
        (false, Beyond::Zero) => "0 points",
        (false, Beyond::Reject) => "rejected",
    };
    parts.push(match &m.rule {
        MeasureRule::Proportional => {
            let best = if da { "vbedst" } else { "vbest" };
            let f = if higher { format!("v / {best}") } else { format!("{best} / v") };
            if da { format!("point = maks × {f}") } else { format!("points = max × {f}") }
        }
        MeasureRule::Linear { full, zero, beyond } => {
            let line = format!("{} → 100 %, {} → 0 %", n(full.get()), n(zero.get()));
            if da {
                format!("lineært: {line}; ud over {}: {}", n(zero.get()), reject(*beyond))
            } else {
                format!("linear: {line}; beyond {}: {}", n(zero.get()), reject(*beyond))
            }
        }
        MeasureRule::Bands { bands, below } => {
            let list: Vec<String> =
                bands.iter().map(|b| format!("{cmp} {} → {}", n(b.from.get()), n(b.score.get()))).collect();
            if da {
                format!("intervaller: {}; ellers {}", list.join(", "), reject(*below))
            } else {
                format!("bands: {}; otherwise {}", list.join(", "), reject(*below))
            }
        }
        MeasureRule::Formula { formula, constants } => {
            let written = tender_core::formula::parse(formula).map_or_else(
                |_| formula.clone(),
                |e| {
                    tender_core::formula::render_with(
                        &e,
                        &|x| x.to_owned(),
                        &|d| n(d),
                        if da { "; " } else { ", " },
                        "×",
                        "÷",
                    )
                },
            );
            let consts: Vec<String> = constants.iter().map(|(k, v)| format!("{k} = {}", n(v.get()))).collect();
            let consts = if consts.is_empty() { String::new() } else { format!(" ({})", consts.join(", ")) };
            if da { format!("point = {written}{consts}") } else { format!("points = {written}{consts}") }
        }
    });
    match (m.min, m.max) {
        (Some(lo), Some(hi)) => parts.push(if da {
            format!("acceptabelt: {}–{}", n(lo.get()), n(hi.get()))
        } else {
            format!("acceptable: {}–{}", n(lo.get()), n(hi.get()))
        }),
        (Some(lo), None) => parts.push(format!("min. {}", n(lo.get()))),
        (None, Some(hi)) => parts.push(format!("max. {}", n(hi.get()))),
        (None, None) => {}
    }
    format!("{}.", parts.join("; "))
}

/// The places a weight that is no short decimal is published to.
const WEIGHT_PLACES: u32 = 10;

/// The number eForms and OCDS publish for a criterion's weight: the weight as written when it is a
/// decimal and not normalised; otherwise the exact weight (the normalised percentage under
/// `normalised`) as a decimal to 10 places (100/7 → 14.2857142857). Where the exact weights sum
/// to exactly 100 (`normalised`, or fractions under `percent`), the 10-place figures are rounded by
/// the largest remainder, so that they too sum to exactly 100 (`percentageExact` "must add up to
/// 100"; eForms BR-BT-00539-0200): each is its exact value rounded down or up at the tenth place.
pub(crate) fn weight_number(award: &AwardModel, c: &Criterion, w: Weight) -> Decimal {
    if award.weighting != Weighting::Normalised
        && let Some(d) = w.decimal()
    {
        return d;
    }
    let Ok(e) = tender_score::weights::effective(award, c) else { return w.rounded(WEIGHT_PLACES) };
    if e.is_decimal_with(WEIGHT_PLACES) {
        return e.approx(WEIGHT_PLACES).normalize();
    }
    let index = award.criteria.iter().position(|x| std::ptr::eq(x, c));
    match (index, largest_remainder(award)) {
        (Some(i), Some(units)) => units.get(i).copied().flatten().unwrap_or_else(|| e.approx(WEIGHT_PLACES)),
        _ => e
            .round(WEIGHT_PLACES, tender_core::award::RoundingStrategy::HalfUp)
            .unwrap_or_else(|_| e.approx(WEIGHT_PLACES)),
    }
}

/// Each weighted criterion's exact weight to [`WEIGHT_PLACES`] places by the largest remainder, when
/// the exact weights sum to exactly 100; `None` otherwise or on overflow.
fn largest_remainder(award: &AwardModel) -> Option<Vec<Option<Decimal>>> {
    if award.weighting != Weighting::Normalised && award.weight_sum() != Some((100, 1)) {
        return None;
    }
    let scale = 10_i128.checked_pow(WEIGHT_PLACES)?;
    let mut floors = Vec::with_capacity(award.criteria.len());
    for c in &award.criteria {
        if c.weight.is_none() {
            floors.push(None);
            continue;
        }
        let e = tender_score::weights::effective(award, c).ok()?;
        let scaled = e.numer().checked_mul(scale)?;
        let (q, r) = (scaled.checked_div(e.denom())?, scaled.checked_rem(e.denom())?);
        // The remainder as a fraction of one unit at the tenth place: r / denom.
        floors.push(Some((q, tender_score::Exact::new(r, e.denom()).ok()?)));
    }
    let total = floors.iter().flatten().try_fold(0_i128, |s, (q, _)| s.checked_add(*q))?;
    let hundred = scale.checked_mul(100)?;
    let short = usize::try_from(hundred.checked_sub(total)?).ok()?;
    let mut order: Vec<usize> = (0..floors.len()).filter(|&i| floors[i].is_some()).collect();
    if short > order.len() {
        return None; // the weights do not sum to 100
    }
    // Largest remainder first; ties in the criteria's order.
    order.sort_by(|&a, &b| {
        let ra = floors[a].as_ref().map(|(_, r)| *r);
        let rb = floors[b].as_ref().map(|(_, r)| *r);
        rb.cmp(&ra).then(a.cmp(&b))
    });
    let mut units: Vec<Option<i128>> = floors.iter().map(|f| f.as_ref().map(|(q, _)| *q)).collect();
    for &i in order.iter().take(short) {
        units[i] = units[i].and_then(|u| u.checked_add(1));
    }
    Some(
        units
            .into_iter()
            .map(|u| u.and_then(|u| Decimal::try_from_i128_with_scale(u, WEIGHT_PLACES).ok()).map(|d| d.normalize()))
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_as_each_language_writes_it() {
        let amount = Decimal::from(1_500_000);
        assert_eq!(money_text(&Language::da(), "DKK", amount), "1.500.000,00 kr.");
        assert_eq!(money_text(&Language::en(), "DKK", amount), "DKK 1,500,000.00");
        assert_eq!(money_text(&Language::new("de"), "EUR", amount), "1.500.000,00 EUR");
        assert_eq!(money_text(&Language::new("fr"), "EUR", amount), "1\u{a0}500\u{a0}000,00 EUR");
        // Four digits are not grouped (the tender texts' rule); decimals beyond the minor units stay.
        assert_eq!(money_text(&Language::da(), "DKK", Decimal::new(12_345, 1)), "1234,50 kr.");
        assert_eq!(money_text(&Language::en(), "EUR", Decimal::new(1_234_567_891, 3)), "EUR 1,234,567.891");
    }

    /// 3/21, 5/21 and 13/21 normalised are 100/7, 500/21 and 1300/21 percent: to ten places
    /// 14.2857142857 + 23.8095238095 + 61.9047619047 = 99.9999999999, so the largest remainder
    /// (1300/21: …47|619…) is rounded up and the published figures sum to exactly 100.
    #[test]
    fn normalised_weights_are_published_to_ten_places_summing_to_100() {
        let award: AwardModel = serde_json::from_value(serde_json::json!({
            "weighting": "normalised",
            "price_model": { "kind": "proportional" },
            "criteria": [
                { "id": "P", "name": "Price", "kind": "price", "weight": "3/21" },
                { "id": "Q1", "name": "Q1", "kind": "quality", "weight": "5/21" },
                { "id": "Q2", "name": "Q2", "kind": "quality", "weight": "13/21" }
            ]
        }))
        .expect("reads");
        let numbers: Vec<Decimal> =
            award.criteria.iter().filter_map(|c| Some(weight_number(&award, c, c.weight?))).collect();
        let expected: Vec<Decimal> =
            ["14.2857142857", "23.8095238095", "61.9047619048"].iter().map(|s| s.parse().expect("decimal")).collect();
        assert_eq!(numbers, expected);
        assert_eq!(numbers.iter().sum::<Decimal>(), Decimal::ONE_HUNDRED);
    }
}
