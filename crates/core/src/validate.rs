//! Validation of tenders and bids: every problem at once, each with its path and what would fix it.
//!
//! Parsing (see [`crate::files`]) checks the shape of a file; validation checks what a well-formed
//! tender or bid means: weights that sum to exactly 100, references that resolve, unique ids, prices
//! that are positive and within range, bids that answer every minimum requirement of their lot.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::award::{AwardModel, Criterion, CriterionKind, PriceBasisKind, PriceModel, Scale, Weighting};
use crate::bid::Bid;
use crate::common::{Country, Id, Location, Text};
use crate::compliance::Defect;
use crate::num::{Money, Percent, Score, Weight};
use crate::requirement::{Requirement, Severity};
use crate::sovereignty::{OBJECTIVE_MAX_POINTS, ObjectiveWeights};
use crate::tender::{Lot, Tender};

/// The largest amount accepted anywhere: 10^15 (a thousand billion) in the tender's currency.
pub const MAX_AMOUNT: Decimal = Decimal::from_parts(2_764_472_320, 232_830, 0, false, 0);

/// The most decimals accepted in an amount.
pub const MAX_AMOUNT_DECIMALS: u32 = 6;

/// The longest text accepted in one field, in bytes.
pub const MAX_TEXT_LEN: usize = 100_000;

/// The longest contract period accepted, in months (50 years).
pub const MAX_MONTHS: u32 = 600;

/// How serious a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    /// The tender or bid cannot be used until it is fixed.
    Error,
    /// Allowed, but probably not what was meant, or legally risky.
    Warning,
    /// The bid is readable but does not comply with the tender: it will be rejected as
    /// non-compliant (*ukonditionsmæssigt*) with this reason, and the other bids are evaluated.
    /// See [`crate::compliance`].
    Rejection,
}

/// One problem found by validation.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// Error or warning.
    pub level: Level,
    /// The file it is in, when known (set by the loader).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub file: Option<String>,
    /// Where in the file: `lots[1].award.criteria[2].weight`.
    pub path: String,
    /// What is wrong.
    pub message: String,
    /// What would fix it.
    pub fix: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Rejection => "will be rejected",
        };
        if let Some(file) = &self.file {
            write!(f, "{level}: {file}: ")?;
        } else {
            write!(f, "{level}: ")?;
        }
        write!(f, "{}: {}. Fix: {}", self.path, self.message, self.fix)
    }
}

/// Whether the text at `path` is free text, where a line break means something (a description, a
/// justification, evidence); names, titles and labels are one line.
/// Where a score stands on its scale: the one rule for marks, used both by the quick pass over
/// fine marks and by the messages.
enum OnScale {
    Fits,
    Outside,
    /// Within the scale, but not on its steps of this size.
    OffStep(Score),
}

fn on_scale(scale: &Scale, score: Score) -> OnScale {
    if score < scale.min || score > scale.max {
        return OnScale::Outside;
    }
    match scale.step {
        Some(step)
            if step.get() > Decimal::ZERO
                && !score.get().checked_sub(scale.min.get()).is_some_and(|d| is_multiple(d, step.get())) =>
        {
            OnScale::OffStep(step)
        }
        _ => OnScale::Fits,
    }
}

/// Whether [`Checker::plain`] with `required` would find nothing to say about `s` as free text.
fn plain_is_clean(s: &str, required: bool) -> bool {
    !(required && s.trim().is_empty()) && s.len() <= MAX_TEXT_LEN && crate::inert::first_refused(s, true).is_none()
}

fn is_free_text(path: &str) -> bool {
    let field = path.rsplit('.').find(|f| !f.is_empty() && !f.starts_with('[')).unwrap_or(path);
    let field = field.split('[').next().unwrap_or(field);
    // A text per language ends in its language code: the field is the one before it.
    let field = if field.len() == 2 && field.bytes().all(|b| b.is_ascii_lowercase()) {
        path.rsplit('.').nth(1).unwrap_or(field)
    } else {
        field
    };
    matches!(
        field,
        "description"
            | "evidence"
            | "comment"
            | "justification"
            | "lot_split_reason"
            | "framework"
            | "order_justification"
    ) || path.starts_with("not_required[")
}

/// Whether any problem is an error.
pub fn has_errors(problems: &[Problem]) -> bool {
    problems.iter().any(|p| p.level == Level::Error)
}

/// Collects problems under a path prefix.
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn new() -> Self {
        Self { problems: Vec::new() }
    }

    fn error(&mut self, path: impl Into<String>, message: impl Into<String>, fix: impl Into<String>) {
        self.push(Level::Error, path, message, fix);
    }

    fn warn(&mut self, path: impl Into<String>, message: impl Into<String>, fix: impl Into<String>) {
        self.push(Level::Warning, path, message, fix);
    }

    fn reject(&mut self, path: impl Into<String>, message: impl Into<String>, fix: impl Into<String>) {
        self.push(Level::Rejection, path, message, fix);
    }

    fn push(&mut self, level: Level, path: impl Into<String>, message: impl Into<String>, fix: impl Into<String>) {
        self.problems.push(Problem { level, file: None, path: path.into(), message: message.into(), fix: fix.into() });
    }

    fn id(&mut self, path: &str, id: &Id) {
        if let Some(why) = id.problem() {
            self.error(
                path,
                format!("the id `{}` {why}", truncate(id.as_str())),
                "use a short id such as `LOT-1` or `Q2.1`",
            );
        }
    }

    fn text(&mut self, path: &str, text: &Text, required: bool) {
        if required && text.is_blank() {
            self.error(path, "is empty", "write the text");
        }
        if let Text::PerLanguage(map) = text {
            for lang in map.keys().filter(|l| !l.is_valid()) {
                self.error(
                    format!("{path}.{lang}"),
                    format!("`{}` is not an ISO 639-1 language code", truncate(lang.as_str())),
                    "key each text by a two-letter lower-case code such as da or en",
                );
            }
        }
        for s in text.strings() {
            self.string(path, s);
        }
    }

    /// One string of a text: no refused control character, not too long.
    fn string(&mut self, path: &str, s: &str) {
        self.control_characters(path, s);
        if s.len() > MAX_TEXT_LEN {
            self.error(
                path,
                format!("is {} bytes long", s.len()),
                format!("keep it under {MAX_TEXT_LEN} bytes; put long material in an annex"),
            );
        }
    }

    /// Issue 17: control characters from buyers and bidders, refused (see [`crate::inert`]).
    fn control_characters(&mut self, path: &str, s: &str) {
        let free_text = is_free_text(path);
        if let Some((at, c)) = crate::inert::first_refused(s, free_text) {
            let fix = if free_text {
                "remove it; free text may hold line breaks, but no other control characters"
            } else {
                "remove it; names and titles are one line of printable text"
            };
            self.error(
                path,
                format!(
                    "contains the control character {} at character {}",
                    crate::inert::describe(c),
                    at.saturating_add(1)
                ),
                fix,
            );
        }
    }

    fn opt_text(&mut self, path: &str, text: Option<&Text>) {
        if let Some(t) = text {
            self.text(path, t, false);
        }
    }

    /// A plain string, checked as [`Self::text`] checks a text, without copying it.
    fn plain(&mut self, path: &str, s: &str, required: bool) {
        if required && s.trim().is_empty() {
            self.error(path, "is empty", "write the text");
        }
        self.string(path, s);
    }

    fn country(&mut self, path: &str, c: &Country) {
        if !c.is_valid() {
            self.error(
                path,
                format!("`{}` is not an ISO 3166-1 alpha-2 country code", truncate(c.as_str())),
                "write a two-letter upper-case code such as DK, DE or FR",
            );
        }
    }

    fn location(&mut self, path: &str, l: &Location) {
        if !l.is_valid() {
            self.error(
                path,
                format!("`{}` is not a location", truncate(l.as_str())),
                "write a country code such as DK, or EU, or EEA",
            );
        }
    }

    fn amount(&mut self, path: &str, m: Money, positive: bool, currency_decimals: u32) {
        let v = m.get();
        if positive && v <= Decimal::ZERO {
            self.error(
                path,
                format!("{v} is not a positive amount"),
                "give the amount in the tender's currency, above zero",
            );
        } else if v < Decimal::ZERO {
            self.error(path, format!("{v} is negative"), "give an amount of zero or more");
        }
        if v.abs() > MAX_AMOUNT {
            self.error(
                path,
                format!("{v} is larger than {MAX_AMOUNT}"),
                "check the amount: it is beyond any public contract; amounts are in whole currency units, not cents",
            );
        }
        let scale = v.normalize().scale();
        let allowed = currency_decimals.saturating_add(2).min(MAX_AMOUNT_DECIMALS);
        if scale > allowed {
            self.error(
                path,
                format!("{v} has {scale} decimals"),
                format!("round the amount to at most {allowed} decimals"),
            );
        }
    }

    fn percent(&mut self, path: &str, p: Percent, allow_zero: bool) {
        let v = p.get();
        if v < Decimal::ZERO || v > Decimal::ONE_HUNDRED || (!allow_zero && v.is_zero()) {
            let range = if allow_zero { "0 to 100" } else { "above 0 and at most 100" };
            self.error(path, format!("{v} is not a percentage {range}"), format!("give a percentage from {range}"));
        }
    }

    fn months(&mut self, path: &str, months: u32) {
        if months == 0 || months > MAX_MONTHS {
            self.error(
                path,
                format!("{months} months is not a usable period"),
                format!("give 1 to {MAX_MONTHS} months"),
            );
        }
    }

    fn standard_ref(&mut self, path: &str, tender: &Tender, id: &Id) {
        if tender.standard(id).is_none() {
            let known: Vec<Id> = crate::standards::builtin_all()
                .into_iter()
                .map(|s| s.id)
                .chain(tender.standards.iter().map(|s| s.id.clone()))
                .collect();
            let names: Vec<&str> = known.iter().map(Id::as_str).collect();
            let fix = match crate::files::closest(id.as_str(), &names) {
                Some(near) => format!("did you mean `{near}`? Otherwise define the standard in the tender's `standards`"),
                None => "use a catalogue id such as `odf-1.3` or `pdf-a-2`, or define the standard in the tender's `standards`".to_owned(),
            };
            self.error(
                path,
                format!(
                    "the standard `{}` is neither in the built-in catalogue nor in the tender's `standards`",
                    truncate(id.as_str())
                ),
                fix,
            );
        }
    }

    fn spdx(&mut self, path: &str, licence: &str) {
        if spdx::Expression::parse(licence).is_err() {
            let hint = spdx::imprecise_license_id(licence)
                .map(|(id, _)| format!("did you mean `{}`?", id.name))
                .unwrap_or_else(|| "use an SPDX id such as `EUPL-1.2`, `MPL-2.0` or `Apache-2.0`".to_owned());
            self.error(path, format!("`{}` is not an SPDX licence id or expression", truncate(licence)), hint);
        }
    }
}

/// Shortens text quoted back in a message.
fn truncate(s: &str) -> String {
    const MAX: usize = 60;
    if s.chars().count() <= MAX {
        s.to_owned()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

/// Tracks ids that must be unique, with the path where each was first seen.
struct Unique<'a> {
    what: &'a str,
    /// The lot the ids must be unique within; `None` for the whole tender.
    lot: Option<&'a Id>,
    seen: BTreeMap<String, String>,
}

impl<'a> Unique<'a> {
    fn new(what: &'a str) -> Self {
        Self { what, lot: None, seen: BTreeMap::new() }
    }

    fn within(what: &'a str, lot: &'a Id) -> Self {
        Self { what, lot: Some(lot), seen: BTreeMap::new() }
    }

    fn check(&mut self, c: &mut Checker, path: &str, id: &Id) {
        if id.as_str().is_empty() {
            return;
        }
        if let Some(first) = self.seen.get(id.as_str()) {
            let scope = self.lot.map(|l| format!(" in lot `{}`", truncate(l.as_str()))).unwrap_or_default();
            c.error(
                path,
                format!("the {} id `{}` is used twice{scope} (first at {first})", self.what, truncate(id.as_str())),
                "give each one its own id",
            );
        } else {
            self.seen.insert(id.as_str().to_owned(), path.to_owned());
        }
    }
}

/// Validates a tender. Returns every problem found; empty means valid.
pub fn validate_tender(tender: &Tender) -> Vec<Problem> {
    let mut c = Checker::new();
    c.id("id", &tender.id);
    c.text("title", &tender.title, true);
    c.opt_text("description", tender.description.as_ref());
    c.text("buyer.name", &tender.buyer.name, true);
    c.country("buyer.country", &tender.buyer.country);
    if let Some(identifier) = &tender.buyer.identifier {
        c.id("buyer.identifier", identifier);
    }
    c.opt_text("framework", tender.framework.as_ref());
    if !tender.currency.is_valid() {
        c.error(
            "currency",
            format!("`{}` is not an ISO 4217 currency code", truncate(tender.currency.as_str())),
            "write a three-letter code such as DKK or EUR",
        );
    }
    let decimals = tender.currency.minor_units();
    if tender.languages.is_empty() {
        c.error(
            "languages",
            "no language is given",
            "list the languages of the tender texts, main language first, e.g. [\"da\", \"en\"]",
        );
    }
    let mut langs = BTreeSet::new();
    for (i, l) in tender.languages.iter().enumerate() {
        if !l.is_valid() {
            c.error(
                format!("languages[{i}]"),
                format!("`{}` is not an ISO 639-1 language code", truncate(l.as_str())),
                "write a two-letter lower-case code such as da or en",
            );
        } else if !langs.insert(l) {
            c.error(format!("languages[{i}]"), format!("`{l}` is listed twice"), "list each language once");
        }
    }
    if let Some(v) = tender.estimated_value {
        c.amount("estimated_value", v, true, decimals);
    }
    c.months("contract.duration_months", tender.contract.duration_months);
    let mut option_ids = Unique::new("option");
    for (i, o) in tender.contract.options.iter().enumerate() {
        let p = format!("contract.options[{i}]");
        c.id(&format!("{p}.id"), &o.id);
        option_ids.check(&mut c, &format!("{p}.id"), &o.id);
        c.text(&format!("{p}.description"), &o.description, true);
        if let Some(m) = o.extension_months {
            c.months(&format!("{p}.extension_months"), m);
        }
    }
    c.opt_text("lot_split_reason", tender.lot_split_reason.as_ref());

    // Standards the tender defines itself.
    let mut standard_ids = Unique::new("standard");
    for (i, s) in tender.standards.iter().enumerate() {
        let p = format!("standards[{i}]");
        c.id(&format!("{p}.id"), &s.id);
        standard_ids.check(&mut c, &format!("{p}.id"), &s.id);
        c.text(&format!("{p}.name"), &s.name, true);
        c.plain(&format!("{p}.version"), &s.version, true);
        c.plain(&format!("{p}.body"), &s.body, true);
        if let Some(b) = crate::standards::builtin(s.id.as_str()) {
            let en = crate::common::Language::en();
            let same =
                b.name.get(&en) == s.name.get(&en) && b.version == s.version && b.body == s.body && b.area == s.area;
            let fix = if same {
                format!("remove this entry: it repeats the built-in `{}`", b.id)
            } else {
                format!(
                    "give this entry its own id (e.g. `{}-local`) and name that id where it is meant, or remove the entry to use the built-in standard",
                    truncate(s.id.as_str())
                )
            };
            c.warn(
                format!("{p}.id"),
                format!(
                    "the id `{}` is that of the built-in standard {}, {} ({}); this entry replaces it wherever the tender and its bids name `{}`",
                    b.id, b.name.get(&en), b.version, b.body, b.id
                ),
                fix,
            );
        }
    }

    // Lots and lot-level settings.
    if tender.lots.is_empty() {
        c.error(
            "lots",
            "the tender has no lots",
            "add at least one `[[lots]]`; a tender not split into lots has a single lot",
        );
    }
    let lot_count = u32::try_from(tender.lots.len()).unwrap_or(u32::MAX);
    if let Some(max) = tender.max_lots_per_bidder {
        if max == 0 || max > lot_count {
            c.error(
                "max_lots_per_bidder",
                format!("{max} is not between 1 and the number of lots ({lot_count})"),
                "give a number from 1 to the number of lots, or leave it out",
            );
        }
        if lot_count < 2 {
            c.warn("max_lots_per_bidder", "a limit on lots per bidder has no effect with one lot", "leave it out");
        }
    }
    if let Some(max) = tender.max_lots_awarded_per_bidder {
        if max == 0 || max > lot_count {
            c.error(
                "max_lots_awarded_per_bidder",
                format!("{max} is not between 1 and the number of lots ({lot_count})"),
                "give a number from 1 to the number of lots, or leave it out",
            );
        }
        if let Some(bid_max) = tender.max_lots_per_bidder
            && max > bid_max
        {
            c.error(
                "max_lots_awarded_per_bidder",
                format!("{max} is more than the {bid_max} lots a bidder may bid for"),
                "lower it to at most `max_lots_per_bidder`",
            );
        }
    }
    if tender.lot_award_order.is_some() && tender.max_lots_awarded_per_bidder.is_none() {
        c.warn(
            "lot_award_order",
            "an award order is given but no limit on lots awarded per bidder",
            "set `max_lots_awarded_per_bidder`, or remove `lot_award_order`",
        );
    }
    if lot_count > 1 && tender.lot_split_reason.is_none() {
        c.warn(
            "lot_split_reason",
            "the tender is split into lots but does not say why",
            "state the reason for the split, e.g. so that smaller suppliers can bid",
        );
    }

    let mut lot_ids = Unique::new("lot");
    for (i, lot) in tender.lots.iter().enumerate() {
        lot_ids.check(&mut c, &format!("lots[{i}].id"), &lot.id);
    }
    let mut group_ids = Unique::new("lot group");
    for (i, g) in tender.lot_groups.iter().enumerate() {
        let p = format!("lot_groups[{i}]");
        c.id(&format!("{p}.id"), &g.id);
        group_ids.check(&mut c, &format!("{p}.id"), &g.id);
        c.text(&format!("{p}.title"), &g.title, true);
        if g.lots.len() < 2 {
            c.error(format!("{p}.lots"), "a group needs at least two lots", "list the ids of the lots in the group");
        }
        let mut in_group = BTreeSet::new();
        for (j, id) in g.lots.iter().enumerate() {
            if tender.lot(id).is_none() {
                c.error(
                    format!("{p}.lots[{j}]"),
                    format!("there is no lot `{}`", truncate(id.as_str())),
                    "use the id of one of the tender's lots",
                );
            } else if !in_group.insert(id) {
                c.error(format!("{p}.lots[{j}]"), format!("the lot `{id}` is listed twice"), "list each lot once");
            }
        }
    }

    // Requirement ids are unique across the tender: a requirement may apply to several lots, and
    // bids answer it by id. Criterion and sub-criterion ids need only be unique within their lot
    // (every lot may have its own `PRICE`): bids, tie-break rules and award requirements name them
    // within one lot. Within a lot they share one namespace with the requirements that apply to
    // it, since a bid's answers and scores name both by bare id.
    let mut requirement_ids = Unique::new("requirement");
    for (i, r) in tender.requirements.iter().enumerate() {
        requirement_ids.check(&mut c, &format!("requirements[{i}].id"), &r.id);
    }
    for (i, lot) in tender.lots.iter().enumerate() {
        for (j, r) in lot.requirements.iter().enumerate() {
            requirement_ids.check(&mut c, &format!("lots[{i}].requirements[{j}].id"), &r.id);
        }
    }
    for (i, lot) in tender.lots.iter().enumerate() {
        check_criterion_ids(&mut c, tender, i, lot);
    }

    for (i, r) in tender.requirements.iter().enumerate() {
        check_requirement(&mut c, tender, None, &format!("requirements[{i}]"), r);
    }
    for (i, lot) in tender.lots.iter().enumerate() {
        check_lot(&mut c, tender, &format!("lots[{i}]"), lot);
    }
    for (i, t) in tender.not_required.iter().enumerate() {
        c.text(&format!("not_required[{i}]"), t, true);
    }
    c.problems
}

/// Criterion and sub-criterion ids of one lot: unique within the lot, and distinct from the ids of
/// the requirements that apply to the lot (the tender's shared ones and the lot's own).
fn check_criterion_ids(c: &mut Checker, tender: &Tender, i: usize, lot: &Lot) {
    let shared = tender
        .requirements
        .iter()
        .enumerate()
        .filter(|(_, r)| r.lots.is_empty() || r.lots.contains(&lot.id))
        .map(|(k, r)| (&r.id, format!("requirements[{k}].id")));
    let own = lot.requirements.iter().enumerate().map(|(k, r)| (&r.id, format!("lots[{i}].requirements[{k}].id")));
    let requirements: BTreeMap<&Id, String> = shared.chain(own).rev().collect();
    let mut ids = Unique::within("criterion", &lot.id);
    let mut one = |c: &mut Checker, path: String, id: &Id| {
        ids.check(c, &path, id);
        if let Some(at) = requirements.get(id) {
            c.error(
                path,
                format!(
                    "the criterion id `{}` of lot `{}` is also the id of the requirement at {at}, which applies to this lot",
                    truncate(id.as_str()),
                    truncate(lot.id.as_str())
                ),
                "give the criterion or the requirement another id: bids name both by id",
            );
        }
    };
    for (j, cr) in lot.award.criteria.iter().enumerate() {
        one(c, format!("lots[{i}].award.criteria[{j}].id"), &cr.id);
        for (k, s) in cr.sub_criteria.iter().enumerate() {
            one(c, format!("lots[{i}].award.criteria[{j}].sub_criteria[{k}].id"), &s.id);
        }
    }
}

fn check_lot(c: &mut Checker, tender: &Tender, p: &str, lot: &Lot) {
    c.id(&format!("{p}.id"), &lot.id);
    c.text(&format!("{p}.title"), &lot.title, true);
    c.opt_text(&format!("{p}.description"), lot.description.as_ref());
    if let Some(v) = lot.estimated_value {
        c.amount(&format!("{p}.estimated_value"), v, true, tender.currency.minor_units());
    }
    if let Some(cpv) = &lot.cpv {
        let digits: String = cpv.chars().take_while(char::is_ascii_digit).collect();
        let rest = &cpv[digits.len()..];
        let check_digit_ok = rest.is_empty()
            || (rest.len() == 2 && rest.starts_with('-') && rest[1..].bytes().all(|b| b.is_ascii_digit()));
        if digits.len() != 8 || !check_digit_ok {
            c.error(
                format!("{p}.cpv"),
                format!("`{}` is not a CPV code", truncate(cpv)),
                "write the 8-digit code with its check digit, e.g. 72000000-5",
            );
        }
    }
    if lot.suppliers_to_award == 0 {
        c.error(
            format!("{p}.suppliers_to_award"),
            "a lot must award at least one supplier",
            "give 1, or the number of framework suppliers (e.g. 4)",
        );
    }
    for (j, r) in lot.requirements.iter().enumerate() {
        check_requirement(c, tender, Some(lot), &format!("{p}.requirements[{j}]"), r);
    }
    check_award(c, &format!("{p}.award"), &lot.award, tender.currency.minor_units());
}

fn check_requirement(c: &mut Checker, tender: &Tender, lot: Option<&Lot>, p: &str, r: &Requirement) {
    c.id(&format!("{p}.id"), &r.id);
    c.text(&format!("{p}.title"), &r.title, true);
    c.opt_text(&format!("{p}.description"), r.description.as_ref());
    c.opt_text(&format!("{p}.evidence"), r.evidence.as_ref());
    if r.severity.is_gate() && r.evidence.is_none() {
        c.warn(
            format!("{p}.evidence"),
            "a pass/fail requirement does not say what evidence the bidder must supply",
            "describe the evidence, e.g. a completed self-assessment or a named document",
        );
    }
    let contents = r.contents();
    if contents.len() > 1 {
        c.error(p.to_owned(), format!("the requirement has {} typed sections; a requirement has one category", contents.len()), "split it into one requirement per section (sovereignty, open_standards, exit, hosting, open_source, regulatory)");
    }
    match (&r.criterion, r.severity) {
        (Some(crit), Severity::Award) => {
            let lots: Vec<&Lot> = match lot {
                Some(l) => vec![l],
                None => tender.lots.iter().filter(|l| r.lots.is_empty() || r.lots.contains(&l.id)).collect(),
            };
            for l in lots {
                if !l.award.criteria.iter().any(|cr| &cr.id == crit) {
                    c.error(format!("{p}.criterion"), format!("lot `{}` has no award criterion `{}`", l.id, truncate(crit.as_str())), "name one of the lot's award criteria, or move the requirement into the lots whose criterion scores it");
                }
            }
        }
        (None, Severity::Award) => {
            c.error(
                format!("{p}.criterion"),
                "an award requirement does not say which criterion scores it",
                "add `criterion = \"<criterion id>\"`",
            );
        }
        (Some(_), _) => {
            c.error(
                format!("{p}.criterion"),
                "only award requirements are scored under a criterion",
                "remove `criterion`, or make the severity `award`",
            );
        }
        (None, _) => {}
    }

    if !r.lots.is_empty() && lot.is_some() {
        c.error(
            format!("{p}.lots"),
            "a lot's own requirement cannot name lots",
            "remove `lots`, or move the requirement to the tender's requirements",
        );
    }
    for (k, id) in r.lots.iter().enumerate() {
        if tender.lot(id).is_none() {
            c.error(
                format!("{p}.lots[{k}]"),
                format!("there is no lot `{}`", truncate(id.as_str())),
                "name lots of the tender by their ids",
            );
        }
    }
    if let Some(s) = &r.sovereignty {
        let q = format!("{p}.sovereignty");
        if s.minimum_overall.is_none() && s.minimum_each.is_none() && s.minimum_per_objective.is_empty() {
            c.error(
                q,
                "no SEAL minimum is set",
                "set `minimum_each`, `minimum_overall` or `minimum_per_objective`, e.g. minimum_each = \"SEAL-2\"",
            );
        }
    }
    if let Some(s) = &r.open_standards {
        let q = format!("{p}.open_standards.standards");
        if s.standards.is_empty() {
            c.error(&q, "no standard is listed", "list the standards by id, e.g. [\"odf-1.3\", \"pdf-a-2\"]");
        }
        let mut seen = BTreeSet::new();
        for (k, id) in s.standards.iter().enumerate() {
            c.standard_ref(&format!("{q}[{k}]"), tender, id);
            if !seen.insert(id) {
                c.error(format!("{q}[{k}]"), format!("`{id}` is listed twice"), "list each standard once");
            }
        }
    }
    if let Some(e) = &r.exit {
        let q = format!("{p}.exit");
        if let Some(m) = e.max_horizon_months {
            c.months(&format!("{q}.max_horizon_months"), m);
            if !e.exit_plan {
                c.error(
                    format!("{q}.max_horizon_months"),
                    "an exit horizon is set but no exit plan is required",
                    "set `exit_plan = true`",
                );
            }
        }
        for (k, id) in e.data_formats.iter().enumerate() {
            c.standard_ref(&format!("{q}.data_formats[{k}]"), tender, id);
        }
        if let Some(n) = e.max_notice_months
            && n > 2
        {
            c.warn(format!("{q}.max_notice_months"), format!("{n} months is longer than the Data Act allows a cloud provider to require (art. 25(2)(d): at most two months)"), "for cloud services, use 2 or less");
        }
        if let Some(d) = e.max_transition_days
            && d > 30
        {
            c.warn(format!("{q}.max_transition_days"), format!("{d} days is longer than the Data Act's maximum transition (art. 25(2)(a): 30 days, up to seven months only if technically unfeasible)"), "for cloud services, use 30 or less");
        }
        if let Some(d) = e.min_retrieval_days
            && d < 30
        {
            c.warn(
                format!("{q}.min_retrieval_days"),
                format!(
                    "{d} days is shorter than the Data Act's minimum retrieval period (art. 25(2)(g): at least 30 days)"
                ),
                "for cloud services, use 30 or more",
            );
        }
    }
    if let Some(h) = &r.hosting {
        let q = format!("{p}.hosting");
        for (k, l) in h.data_locations.iter().enumerate() {
            c.location(&format!("{q}.data_locations[{k}]"), l);
        }
        for (k, l) in h.support_access_from.iter().enumerate() {
            c.location(&format!("{q}.support_access_from[{k}]"), l);
        }
        for (k, l) in h.operator_jurisdiction.iter().enumerate() {
            c.location(&format!("{q}.operator_jurisdiction[{k}]"), l);
        }
    }
    if let Some(o) = &r.open_source {
        let q = format!("{p}.open_source");
        for (k, l) in o.licences.iter().enumerate() {
            c.spdx(&format!("{q}.licences[{k}]"), l);
        }
        if let Some(s) = o.min_share {
            c.percent(&format!("{q}.min_share"), s, false);
        }
    }
    if let Some(g) = &r.regulatory
        && g.dora.is_empty()
        && g.nis2.is_empty()
        && g.gdpr.is_empty()
    {
        c.error(
            format!("{p}.regulatory"),
            "no clause is selected",
            "select clauses, e.g. dora = \"all\" or gdpr = [\"deletion-or-return\"]",
        );
    }
}

fn check_scale(c: &mut Checker, p: &str, scale: &Scale) {
    if scale.max <= scale.min {
        c.error(
            format!("{p}.max"),
            format!("the scale's max {} is not above its min {}", scale.max, scale.min),
            "make max greater than min, e.g. min = 0, max = 10",
        );
    }
    if scale.min.is_negative() {
        c.error(format!("{p}.min"), "a scale below zero would give negative points", "start the scale at 0 or above");
    }
    if let Some(step) = scale.step {
        if step.get() <= Decimal::ZERO {
            c.error(format!("{p}.step"), "the step must be above zero", "use e.g. step = 1 for whole points");
        } else if let Some(problem) = range_too_large(scale) {
            c.error(format!("{p}.max"), problem, "use a scale such as min = 0, max = 10");
        } else if !scale.max.get().checked_sub(scale.min.get()).is_some_and(|range| is_multiple(range, step.get())) {
            c.error(
                format!("{p}.step"),
                format!("the range {}..{} is not a whole number of steps of {step}", scale.min, scale.max),
                "choose a step that divides the range",
            );
        }
    }
    let mut seen = BTreeSet::new();
    for (i, d) in scale.descriptors.iter().enumerate() {
        if d.score < scale.min || d.score > scale.max {
            c.error(
                format!("{p}.descriptors[{i}].score"),
                format!("{} is outside the scale {}..{}", d.score, scale.min, scale.max),
                "describe scores within the scale",
            );
        }
        if !seen.insert(d.score) {
            c.error(
                format!("{p}.descriptors[{i}].score"),
                format!("the score {} is described twice", d.score),
                "describe each score once",
            );
        }
        c.text(&format!("{p}.descriptors[{i}].label"), &d.label, true);
    }
}

/// How far a weight sum is from 100, in words: "1 short", "10 over"; for a shortfall below one,
/// the usual cause (weights rounded to thirds) and its cure.
fn off_by_hundred(sum: Option<Decimal>) -> String {
    let Some(diff) = sum.and_then(|s| s.checked_sub(Decimal::ONE_HUNDRED)) else {
        return "one of them is far too large; look for a mistyped weight".to_owned();
    };
    if diff.is_sign_negative() {
        let short = diff.abs();
        if short < Decimal::ONE {
            format!(
                "{short} short; rounded shares such as 3 × 33.33 do not add up, so give the remainder to one of them, e.g. 33.34"
            )
        } else {
            format!("{short} short")
        }
    } else {
        format!("{diff} over")
    }
}

/// Why a scale's range `max − min` cannot be computed, if it cannot: it is beyond what an exact
/// decimal holds (issue 17: `max − min` overflowed and panicked).
fn range_too_large(scale: &Scale) -> Option<String> {
    match scale.max.get().checked_sub(scale.min.get()) {
        Some(_) => None,
        None => Some(format!(
            "the range {}..{} is larger than an exact decimal holds ({})",
            scale.min,
            scale.max,
            Decimal::MAX
        )),
    }
}

/// A sum of weights as shown in a message: the number, or words when it overflowed (issue 17: an
/// overflowing sum was shown as the largest decimal, as if that were the sum).
fn shown_sum(sum: Option<Decimal>) -> String {
    sum.map_or_else(|| format!("more than {} (the most an exact decimal holds)", Decimal::MAX), |s| s.to_string())
}

fn is_multiple(value: Decimal, step: Decimal) -> bool {
    value.checked_rem(step).is_some_and(|r| r.is_zero())
}

/// Price components: unique ids; under components every price criterion names the components it
/// scores, which exist, and has a points model; the price basis is the total; quality criteria
/// name no components or price model; a component no criterion scores is warned.
fn check_components(c: &mut Checker, p: &str, award: &AwardModel) {
    let mut ids = BTreeSet::new();
    for (k, pc) in award.price_components.iter().enumerate() {
        let cp = format!("{p}.price_components[{k}]");
        c.id(&format!("{cp}.id"), &pc.id);
        if !ids.insert(&pc.id) {
            c.error(
                format!("{cp}.id"),
                format!("the price component `{}` is listed twice", truncate(pc.id.as_str())),
                "give each price component its own id",
            );
        }
        c.text(&format!("{cp}.name"), &pc.name, true);
        c.opt_text(&format!("{cp}.description"), pc.description.as_ref());
    }
    let has = award.has_components();
    if has && award.price_basis.kind != PriceBasisKind::Total {
        c.error(
            format!("{p}.price_basis.kind"),
            "the price criteria score price components, which are parts of the total price",
            "remove `price_basis.kind` (the total), or score one life-cycle cost or basket without components",
        );
    }
    if has && !award.price_model.is_points_model() {
        c.error(
            format!("{p}.price_model"),
            format!(
                "the `{}` model ranks on one figure of price and quality, which price components cannot be added to",
                award.price_model.key()
            ),
            "use a points model such as `proportional` for the price criteria, or score the total price",
        );
    }
    let mut used = BTreeSet::new();
    for (i, cr) in award.criteria.iter().enumerate() {
        let cp = format!("{p}.criteria[{i}]");
        if cr.kind == CriterionKind::Quality {
            if !cr.components.is_empty() {
                c.error(
                    format!("{cp}.components"),
                    "a quality criterion scores no price components",
                    "remove `components`, or make the criterion a price or cost criterion",
                );
            }
            if cr.price_model.is_some() {
                c.error(
                    format!("{cp}.price_model"),
                    "a quality criterion has no price model",
                    "remove `price_model`, or make the criterion a price or cost criterion",
                );
            }
            continue;
        }
        if !has {
            if !cr.components.is_empty() {
                c.error(
                    format!("{cp}.components"),
                    "the criterion names price components, but the lot lists none",
                    "list them in `price_components` (id and name), or remove `components`",
                );
            }
        } else if cr.components.is_empty() {
            c.error(
                format!("{cp}.components"),
                "the lot's price criteria score price components, but this one names none",
                "name the components it scores, e.g. `components = [\"LICENCES\"]`",
            );
        }
        let mut own = BTreeSet::new();
        for (k, id) in cr.components.iter().enumerate() {
            if has && !award.price_components.iter().any(|pc| &pc.id == id) {
                c.error(
                    format!("{cp}.components[{k}]"),
                    format!("the lot has no price component `{}`", truncate(id.as_str())),
                    "name one of the lot's `price_components`",
                );
            }
            if !own.insert(id) {
                c.error(
                    format!("{cp}.components[{k}]"),
                    format!("the component `{}` is named twice", truncate(id.as_str())),
                    "name each component once",
                );
            }
            used.insert(id);
        }
        if let Some(PriceModel::Formula { formula, constants }) = &cr.price_model {
            check_price_formula(c, &format!("{cp}.price_model"), formula, constants);
        }
        if matches!(award.model_of(cr), PriceModel::Formula { .. })
            && cr.weight.is_none_or(|w| w.is_negative() || w.is_zero())
        {
            c.error(
                format!("{cp}.weight"),
                "a price formula gives points out of the price criterion's weight (`max`), which is not above zero",
                "give the price criterion a positive weight",
            );
        }
        if let Some(model) = &cr.price_model {
            if !has {
                c.error(
                    format!("{cp}.price_model"),
                    "a price criterion has a price model of its own only where price criteria score price components",
                    "set the lot's `price_model` instead, or list `price_components` for the criteria to score",
                );
            } else if !model.is_points_model() {
                c.error(
                    format!("{cp}.price_model"),
                    format!("the `{}` model gives no price points to add up with another price criterion", model.key()),
                    "give each price criterion a points model such as `proportional` or `linear-slope`",
                );
            }
        }
    }
    for (k, pc) in award.price_components.iter().enumerate() {
        if !used.contains(&pc.id) {
            c.error(
                format!("{p}.price_components[{k}]"),
                format!("no price criterion scores the component `{}`, so no bid can get points on it", pc.id),
                "name it in a price criterion's `components`, or remove it (ask for prices the evaluation does not \
                 use in the price schedule, not here)",
            );
        }
    }
}

/// The price basket: lines only under `price_basis.kind = "basket"`, and then at least one; unique
/// ids; quantities above zero; weights on all lines or none, summing to 100.
fn check_basket(c: &mut Checker, p: &str, award: &AwardModel) {
    let basket = &award.basket;
    let is_basket = award.price_basis.kind == PriceBasisKind::Basket;
    if is_basket && basket.is_empty() {
        c.error(
            format!("{p}.basket"),
            "the lot is evaluated on a price basket but lists no basket lines",
            "add the lines as `[[lots.award.basket]]` with `id`, `item`, `unit` and `quantity`",
        );
    }
    if !is_basket && !basket.is_empty() {
        c.error(
            format!("{p}.basket"),
            "the lot lists price basket lines but is not evaluated on them",
            "set `price_basis.kind = \"basket\"`, or remove the basket lines",
        );
    }
    let mut ids = BTreeSet::new();
    let mut weighted = 0_usize;
    let mut sum = Some(Decimal::ZERO);
    for (i, line) in basket.iter().enumerate() {
        let lp = format!("{p}.basket[{i}]");
        c.id(&format!("{lp}.id"), &line.id);
        if !ids.insert(&line.id) {
            c.error(
                format!("{lp}.id"),
                format!("the basket line `{}` is listed twice", truncate(line.id.as_str())),
                "give each basket line its own id",
            );
        }
        c.text(&format!("{lp}.item"), &line.item, true);
        c.text(&format!("{lp}.unit"), &line.unit, true);
        let q = line.quantity.get();
        if q <= Decimal::ZERO {
            c.error(
                format!("{lp}.quantity"),
                format!("the quantity {q} is not above zero, so the line's unit price could not count"),
                "give the quantity the buyer expects to buy, above zero, or remove the line",
            );
        } else if q > MAX_AMOUNT {
            c.error(
                format!("{lp}.quantity"),
                format!("the quantity {q} is larger than {MAX_AMOUNT}"),
                "check the quantity",
            );
        }
        if let Some(w) = line.weight {
            weighted = weighted.saturating_add(1);
            c.percent(&format!("{lp}.weight"), w, false);
            sum = sum.and_then(|s| s.checked_add(w.get()));
        }
    }
    if weighted > 0 && weighted < basket.len() {
        c.error(
            format!("{p}.basket"),
            format!("only some basket lines have a weight ({weighted} of {})", basket.len()),
            "give every line a weight in percent (summing to 100), or none",
        );
    } else if weighted > 0 && sum != Some(Decimal::ONE_HUNDRED) {
        c.error(
            format!("{p}.basket"),
            format!("the basket lines' weights sum to {}, not 100", shown_sum(sum)),
            "make the weights of the basket lines sum to 100",
        );
    }
}

fn check_award(c: &mut Checker, p: &str, award: &AwardModel, currency_decimals: u32) {
    let criteria = &award.criteria;
    if criteria.is_empty() {
        c.error(
            format!("{p}.criteria"),
            "the lot has no award criteria",
            "add at least one `[[lots.award.criteria]]`, e.g. price",
        );
        return;
    }
    check_scale(c, &format!("{p}.scale"), &award.scale.resolve());
    let price_criteria: Vec<usize> =
        criteria.iter().enumerate().filter(|(_, cr)| cr.kind != CriterionKind::Quality).map(|(i, _)| i).collect();
    if price_criteria.len() > 1 && !award.has_components() {
        c.error(
            format!("{p}.criteria[{}].kind", price_criteria[1]),
            "the lot has more than one price or cost criterion but no price components for them to score",
            "list the parts of the price in `price_components` and name in each price criterion the `components` it \
             scores, or use one price or cost criterion",
        );
    }
    check_components(c, p, award);
    check_basket(c, p, award);
    let points_model = award.price_model.is_points_model();
    let quality_count = criteria.iter().filter(|cr| cr.kind == CriterionKind::Quality).count();
    if !points_model {
        if price_criteria.is_empty() {
            c.error(
                format!("{p}.criteria"),
                format!("the `{}` price model needs a price criterion", award.price_model.key()),
                "add a criterion with kind = \"price\" (without a weight)",
            );
        }
        if quality_count == 0 {
            c.error(
                format!("{p}.criteria"),
                format!("the `{}` price model needs quality criteria", award.price_model.key()),
                "add the quality criteria, or use a points model such as `proportional`",
            );
        }
    }

    // Weights.
    let valued = matches!(award.price_model, PriceModel::ValueAdded { .. });
    match award.weighting {
        Weighting::Percent | Weighting::Points | Weighting::Normalised => {
            let mut weights = Vec::new();
            let mut all_present = true;
            let mut sum_of = "criteria";
            for (i, cr) in criteria.iter().enumerate() {
                let wp = format!("{p}.criteria[{i}].weight");
                let weighed = points_model || cr.kind == CriterionKind::Quality;
                match (cr.weight, weighed) {
                    (Some(w), true) => {
                        // A quality criterion with a minimum may weigh 0: it is a threshold only,
                        // scored to gate the bids, and counts for nothing in the total.
                        let threshold_only = w.is_zero()
                            && cr.kind == CriterionKind::Quality
                            && cr.minimum_score.is_some()
                            && cr.sovereignty.is_none();
                        if w.is_negative() || (w.is_zero() && !threshold_only) {
                            c.error(
                                &wp,
                                format!("the weight {w} is not above zero"),
                                if cr.kind == CriterionKind::Quality && w.is_zero() {
                                    "give every criterion a positive weight, remove the criterion, or give it a \
                                     `minimum_score` to make it a threshold that counts for nothing in the total"
                                } else {
                                    "give every criterion a positive weight, or remove the criterion"
                                },
                            );
                        }
                        weights.push(w);
                    }
                    (None, true) if valued => all_present = false,
                    (None, true) => {
                        all_present = false;
                        c.error(
                            &wp,
                            "the criterion has no weight",
                            if award.weighting == Weighting::Percent {
                                "give it a weight; the weights must sum to 100"
                            } else {
                                "give it a weight"
                            },
                        );
                    }
                    (Some(_), false) => {
                        c.error(
                            &wp,
                            format!(
                                "the price criterion has no weight under the `{}` price model",
                                award.price_model.key()
                            ),
                            "remove the weight; the model combines price and quality itself",
                        );
                    }
                    (None, false) => {}
                }
            }
            if !points_model {
                sum_of = "quality criteria";
            }
            let exact = Weight::exact_sum(weights.iter().copied());
            if exact.is_none() {
                c.error(
                    format!("{p}.criteria"),
                    format!("the weights of the {sum_of} are too large to add up exactly"),
                    "use smaller weights, or fractions with smaller numerators and denominators",
                );
            }
            let fractions = weights.iter().any(|w| w.as_fraction().is_some());
            if award.weighting == Weighting::Percent && all_present && exact.is_some() && exact != Some((100, 1)) {
                let (message, fix) = if fractions {
                    let (n, d) = exact.unwrap_or((0, 1));
                    (
                        format!(
                            "the weights of the {sum_of} sum to {}{}, not 100",
                            Weight::fraction_sum_shown(n, d),
                            if d == 1 { String::new() } else { format!(" ({n}/{d})") }
                        ),
                        "adjust the weights so they sum to exactly 100, or use weighting = \"normalised\" to have \
                         weights in any unit (such as fractions of the total) normalised to 100 exactly"
                            .to_owned(),
                    )
                } else {
                    let sum = weights.iter().try_fold(Decimal::ZERO, |s, w| s.checked_add(w.decimal()?));
                    (
                        format!("the weights of the {sum_of} sum to {}, not 100", shown_sum(sum)),
                        format!("adjust the weights so they sum to exactly 100 ({})", off_by_hundred(sum)),
                    )
                };
                c.error(format!("{p}.criteria"), message, fix);
            }
        }
        Weighting::Order => {
            let n = criteria.len();
            let mut ranks = BTreeSet::new();
            for (i, cr) in criteria.iter().enumerate() {
                let wp = format!("{p}.criteria[{i}].weight");
                match cr.weight {
                    None => c.error(
                        &wp,
                        "under order of importance every criterion needs its rank",
                        format!("give each criterion a rank from 1 to {n}"),
                    ),
                    Some(w) => {
                        let ok =
                            w.decimal().is_some_and(|w| w.is_integer() && w >= Decimal::ONE && w <= Decimal::from(n));
                        if !ok {
                            c.error(
                                &wp,
                                format!("{w} is not a rank from 1 to {n}"),
                                format!("give a whole rank from 1 (most important) to {n}"),
                            );
                        } else if !ranks.insert(w.decimal().unwrap_or_default().normalize()) {
                            c.warn(
                                &wp,
                                format!("the rank {w} is shared with another criterion"),
                                "give each criterion its own rank unless they are truly equally important",
                            );
                        }
                    }
                }
            }
            if award.order_justification.is_none() {
                c.error(
                    format!("{p}.order_justification"),
                    "order of importance is used without saying why weights cannot be given",
                    "state the justification (eForms BT-733; Directive 2014/24/EU art. 67(5))",
                );
            }
            c.warn(
                format!("{p}.weighting"),
                "an order of importance cannot be scored automatically",
                "give percentage or point weights if the evaluation should be computed",
            );
        }
    }
    if award.weighting != Weighting::Order && award.order_justification.is_some() {
        c.error(
            format!("{p}.order_justification"),
            "a justification for order of importance is given, but the criteria are weighted",
            "remove it, or use weighting = \"order\"",
        );
    }

    for (i, cr) in criteria.iter().enumerate() {
        check_criterion(c, award, &format!("{p}.criteria[{i}]"), cr, currency_decimals);
    }
    // What earns each mark (udbudsloven § 160): the lot's scale, where a marked criterion uses it.
    let marked_on_lot_scale = award
        .quality_criteria()
        .filter(|cr| cr.sovereignty.is_none())
        .any(|cr| cr.scale.is_none() || cr.sub_criteria.iter().any(|s| s.scale.is_none()));
    if award.weighting != Weighting::Order && marked_on_lot_scale && award.scale.resolve().descriptors.is_empty() {
        c.warn(format!("{p}.scale"), NO_DESCRIPTORS, DESCRIPTORS_FIX);
    }

    // Price model parameters.
    let mp = format!("{p}.price_model");
    match &award.price_model {
        PriceModel::LinearSlope { slope } => {
            if slope.get() <= Decimal::ZERO {
                c.error(
                    format!("{mp}.slope"),
                    format!("the slope {slope} is not above zero"),
                    "give the percentage above the lowest price at which a bid gets zero points, e.g. 50",
                );
            } else if slope.get() < Decimal::ONE {
                let (message, fix) = slope_under_one(award, slope.get());
                c.warn(format!("{mp}.slope"), message, fix);
            }
        }
        PriceModel::Logarithmic { zero_at } => {
            if zero_at.get() <= Decimal::ZERO {
                c.error(
                    format!("{mp}.zero_at"),
                    format!("{zero_at} is not above zero"),
                    "give the percentage above the lowest price at which a bid gets zero points, e.g. 100",
                );
            }
        }
        PriceModel::FixedSpan { low, high } => {
            c.amount(&format!("{mp}.low"), *low, false, currency_decimals);
            c.amount(&format!("{mp}.high"), *high, true, currency_decimals);
            if high <= low {
                c.error(
                    format!("{mp}.high"),
                    format!("the span's high end {high} is not above its low end {low}"),
                    "make `high` greater than `low`",
                );
            }
            if low.get() > Decimal::ZERO {
                c.warn(format!("{mp}.low"), "price cuts below the span's low end earn no points; Swedish case law holds a lower bound above 0 unlawful (HFD 2022 ref. 41)", "set `low = 0` unless you have checked the national rule");
            }
        }
        PriceModel::PricePerQualityPoint { corridor, .. } => {
            if let Some(x) = corridor {
                c.percent(&format!("{mp}.corridor"), *x, false);
            }
        }
        PriceModel::PercentAdjustment { mode, max_percent } => {
            if max_percent.get() <= Decimal::ZERO {
                c.error(
                    format!("{mp}.max_percent"),
                    format!("{max_percent} is not above zero"),
                    "give the adjustment for full (deduction) or zero (markup) quality in percent; with quality weighted 40 and price 60 the usual markup is 66.67",
                );
            }
            // Nothing divides by the evaluation price (the lowest wins), so a deduction of up to
            // and including 100 % is sound: a bid with full quality is then evaluated at 0. Above
            // 100 % a full-quality bid's evaluation price is negative and falls as its price rises,
            // so a dearer bid would win.
            if *mode == crate::award::AdjustMode::Deduction && max_percent.get() > Decimal::ONE_HUNDRED {
                c.error(
                    format!("{mp}.max_percent"),
                    format!(
                        "a deduction of {max_percent} % makes a full-quality bid's evaluation price negative, and lower the higher its price"
                    ),
                    "use a deduction of at most 100",
                );
            }
        }
        PriceModel::Formula { formula, constants } => check_price_formula(c, &mp, formula, constants),
        PriceModel::Proportional
        | PriceModel::LinearFromLowest { .. }
        | PriceModel::MinMax
        | PriceModel::ValueAdded { .. } => {}
    }

    if award.rounding.decimals > 10 {
        c.error(
            format!("{p}.rounding.decimals"),
            format!("{} decimals is more than any published evaluation uses", award.rounding.decimals),
            "use 0 to 10 decimals; 2 is usual",
        );
    }
    for (k, rule) in award.rounding.steps.iter().enumerate() {
        let sp = format!("{p}.rounding.steps[{k}]");
        if rule.step == award.rounding.at {
            c.error(
                format!("{sp}.step"),
                format!("the step `{}` is already the policy's `at`, rounded to `rounding.decimals`", rule.step.key()),
                "give the step one rule: remove it from `steps`, or move `at` to another step",
            );
        }
        if rule.decimals > 10 {
            c.error(
                format!("{sp}.decimals"),
                format!("{} decimals is more than any published evaluation uses", rule.decimals),
                "use 0 to 10 decimals",
            );
        }
    }
    c.percent(&format!("{p}.quality.disagreement_spread"), award.quality.disagreement_spread, false);
    if let Some(m) = award.quality.minimum_total {
        c.percent(&format!("{p}.quality.minimum_total"), m, false);
    }
    if award.quality.max_pass == Some(0) {
        c.error(
            format!("{p}.quality.max_pass"),
            "0 would let no bid through",
            "give the number of best-scoring bids that go on to price, or leave it out",
        );
    }
    if award.relative_total {
        // Where the lowest figure wins the bids are not compared on total points, so a total
        // relative to the best one means nothing.
        let lowest_wins = match &award.price_model {
            PriceModel::PricePerQualityPoint { .. } => Some("the lowest price per quality point"),
            PriceModel::ValueAdded { .. } | PriceModel::PercentAdjustment { .. } => Some("the lowest evaluation price"),
            _ => None,
        };
        if let Some(wins) = lowest_wins {
            c.error(
                format!("{p}.relative_total"),
                format!(
                    "the price model `{}` compares the bids on {wins}, not on total points, so there is no total to make relative to the best",
                    award.price_model.key()
                ),
                "remove `relative_total`, or score price with a points model (e.g. `proportional`) so that the highest total wins",
            );
        }
    }
    let mut rules = BTreeSet::new();
    for (i, rule) in award.tie_break.iter().enumerate() {
        if !rules.insert(rule) {
            c.error(format!("{p}.tie_break[{i}]"), "the rule is listed twice", "list each rule once");
        }
        if let crate::award::TieBreakRule::HigherScoreOn(id) = rule
            && !criteria.iter().any(|cr| &cr.id == id)
        {
            c.error(
                format!("{p}.tie_break[{i}]"),
                format!("there is no criterion `{}` in this lot", truncate(id.as_str())),
                "name one of the lot's criteria",
            );
        }
    }
    if award.tie_break.is_empty() {
        c.warn(
            format!("{p}.tie_break"),
            "no tie-break rule is stated",
            "state how equal totals are decided, e.g. [\"higher-quality\", \"lower-price\", \"drawing-lots\"]",
        );
    }
}

/// What a linear slope under 1 means, in words, and what would fix it: the slope is a percentage,
/// so `0.5` is 0.5 %, probably meant as 50. Each says where a bid gets zero points and what a price
/// a fifth of the slope above the lowest loses (a fifth of the price points, `0.2 × M`, counted in
/// points when the price criterion has its weight).
fn slope_under_one(award: &AwardModel, slope: Decimal) -> (String, String) {
    // Dividing by 5 cannot overflow; a slope under 1 times 100 cannot either (checked all the same).
    let fifth_of = |d: Decimal| d.checked_div(Decimal::from(5)).unwrap_or(d).normalize();
    // The price points M as written (a percentage or points); a normalised weight is not M itself.
    let written = award.price_criterion().and_then(|cr| cr.weight).and_then(|w| w.decimal());
    let loses = match written.filter(|_| award.weighting != Weighting::Normalised) {
        Some(m) => format!("0.2 × M = {} of the {} price points", fifth_of(m), m.normalize()),
        None => "a fifth of the price points (0.2 × M)".to_owned(),
    };
    let slope = slope.normalize();
    let meant = slope.checked_mul(Decimal::ONE_HUNDRED).unwrap_or(slope).normalize();
    let message = format!(
        "the slope is a percentage, so {slope} means {slope} %: a bid gets zero price points at {slope} % above the lowest price, and a price {} % above the lowest already loses {loses}",
        fifth_of(slope)
    );
    let fix = format!(
        "did you mean {meant}? With slope = {meant} a bid gets zero price points at {meant} % above the lowest price, and a price {} % above the lowest loses {loses}; if {slope} % is meant, keep it",
        fifth_of(meant)
    );
    (message, fix)
}

/// A quality scale without descriptors: the warning and its fix.
const NO_DESCRIPTORS: &str = "the scale has no descriptors of what earns each mark, so bidders cannot tell how to win the criterion (udbudsloven § 160)";
const DESCRIPTORS_FIX: &str = "add `descriptors = [{ score = 0, label = \"…\" }, …]` saying what earns each mark";

/// A measured criterion: a quality criterion without marks, sub-criteria or sovereignty score, and
/// a rule that can be computed (see [`crate::measure`]).
fn check_measure(c: &mut Checker, award: &AwardModel, p: &str, cr: &Criterion) {
    let Some(measure) = &cr.measure else { return };
    if cr.kind != CriterionKind::Quality {
        c.error(
            format!("{p}.measure"),
            "only a quality criterion is scored from a stated value",
            "set `kind = \"quality\"` (eForms maps a measured criterion to quality), or remove `measure`",
        );
        return;
    }
    for (field, present) in [("sub_criteria", !cr.sub_criteria.is_empty()), ("sovereignty", cr.sovereignty.is_some())] {
        if present {
            c.error(
                format!("{p}.{field}"),
                format!("a measured criterion has no `{field}`: it is scored from the value the bid states"),
                "remove it, or make it a criterion of its own",
            );
        }
    }
    c.text(&format!("{p}.measure.unit"), &measure.unit, true);
    let scale_max = award.scale_of(cr).max.get();
    for (path, message, fix) in crate::measure::check(measure, cr.weight.map(|w| w.rounded(12)), scale_max) {
        c.error(format!("{p}.{path}"), message, fix);
    }
}

/// A price model's formula: it reads, and names only the price variables and its constants. That
/// it never divides by zero and keeps its points in `0..max` is computed by the scoring crate
/// (`tender_score::measured::check_formulas`).
fn check_price_formula(
    c: &mut Checker,
    mp: &str,
    formula: &str,
    constants: &BTreeMap<String, crate::num::Measurement>,
) {
    for (constant, message, fix) in
        crate::formula::check_names(formula, constants.keys(), &crate::formula::PRICE_VARIABLES)
    {
        let path = constant.map_or_else(|| format!("{mp}.formula"), |name| format!("{mp}.constants.{name}"));
        c.error(path, message, fix);
    }
}

fn check_criterion(c: &mut Checker, award: &AwardModel, p: &str, cr: &Criterion, currency_decimals: u32) {
    c.id(&format!("{p}.id"), &cr.id);
    c.text(&format!("{p}.name"), &cr.name, true);
    c.opt_text(&format!("{p}.description"), cr.description.as_ref());
    let is_quality = cr.kind == CriterionKind::Quality;
    if let Some(s) = &cr.scale {
        check_scale(c, &format!("{p}.scale"), &s.resolve());
    }
    check_measure(c, award, p, cr);
    if !is_quality {
        for (field, present) in [
            ("scale", cr.scale.is_some()),
            ("sub_criteria", !cr.sub_criteria.is_empty()),
            ("minimum_score", cr.minimum_score.is_some()),
            ("sovereignty", cr.sovereignty.is_some()),
            ("value", cr.value.is_some()),
        ] {
            if present {
                c.error(
                    format!("{p}.{field}"),
                    format!(
                        "a {} criterion has no `{field}`",
                        if cr.kind == CriterionKind::Price { "price" } else { "cost" }
                    ),
                    "remove it; the price model scores the price",
                );
            }
        }
        return;
    }
    let scale = award.scale_of(cr);
    // Bidders must be able to tell how to win the criterion (udbudsloven § 160; Directive
    // 2014/24/EU art. 67(5)): a description, on the criterion or on each of its sub-criteria.
    // A criterion scored from the sovereignty assessment is described by the SEAL framework.
    let described = cr.description.is_some()
        || (!cr.sub_criteria.is_empty() && cr.sub_criteria.iter().all(|s| s.description.is_some()));
    if cr.sovereignty.is_none() && !described {
        c.warn(
            format!("{p}.description"),
            "the quality criterion has no description, so bidders cannot tell what will be emphasised (udbudsloven § 160)",
            "add `description` saying what the evaluation looks for and what earns a high mark",
        );
    }
    if cr.sovereignty.is_none() && award.weighting != Weighting::Order {
        if let Some(own) = &cr.scale
            && own.resolve().descriptors.is_empty()
        {
            c.warn(format!("{p}.scale"), NO_DESCRIPTORS, DESCRIPTORS_FIX);
        }
        for (k, sub) in cr.sub_criteria.iter().enumerate() {
            if let Some(own) = &sub.scale
                && own.resolve().descriptors.is_empty()
            {
                c.warn(format!("{p}.sub_criteria[{k}].scale"), NO_DESCRIPTORS, DESCRIPTORS_FIX);
            }
        }
    }
    if cr.sovereignty.is_some() && !cr.sub_criteria.is_empty() {
        c.error(
            format!("{p}.sub_criteria"),
            "a criterion scored from the sovereignty assessment has no sub-criteria",
            "remove the sub-criteria, or make the sovereignty score a sub-criterion of its own criterion",
        );
    }
    if let Some(d) = cr.sovereignty.as_ref().and_then(|s| s.answer_decimals)
        && d > 10
    {
        c.error(
            format!("{p}.sovereignty.answer_decimals"),
            format!("{d} decimals is more than any answer's points have"),
            "use 0 (whole points, as the calculator workbook) to 10 decimals, or leave it out to sum exactly",
        );
    }
    if let Some(s) = &cr.sovereignty
        && let ObjectiveWeights::Custom(map) = &s.weights
    {
        let sum = map.values().try_fold(Decimal::ZERO, |s, w| s.checked_add(w.get()));
        if sum != Some(Decimal::ONE_HUNDRED) {
            c.error(
                format!("{p}.sovereignty.weights"),
                format!("the objective weights sum to {}, not 100", shown_sum(sum)),
                "adjust them to sum to exactly 100, or use a preset: \"csf-v1.2.1\" or \"calculator-2026\"",
            );
        }
        for (o, w) in map {
            c.percent(&format!("{p}.sovereignty.weights.{o}"), *w, true);
        }
    }
    if !cr.sub_criteria.is_empty() {
        let mut sum = Some(Decimal::ZERO);
        for (k, s) in cr.sub_criteria.iter().enumerate() {
            let q = format!("{p}.sub_criteria[{k}]");
            c.id(&format!("{q}.id"), &s.id);
            c.text(&format!("{q}.name"), &s.name, true);
            c.opt_text(&format!("{q}.description"), s.description.as_ref());
            if s.weight.get() <= Decimal::ZERO {
                c.error(
                    format!("{q}.weight"),
                    format!("the weight {} is not above zero", s.weight),
                    "give every sub-criterion a positive weight",
                );
            }
            sum = sum.and_then(|sum| sum.checked_add(s.weight.get()));
            if let Some(sc) = &s.scale {
                check_scale(c, &format!("{q}.scale"), &sc.resolve());
            }
        }
        if sum != Some(Decimal::ONE_HUNDRED) {
            c.error(
                format!("{p}.sub_criteria"),
                format!("the sub-criteria weights sum to {}, not 100", shown_sum(sum)),
                format!("adjust them to sum to exactly 100 percent of the criterion ({})", off_by_hundred(sum)),
            );
        }
    }
    if let Some(m) = cr.minimum_score {
        let bounds = if cr.sovereignty.is_some() { (Score::ZERO, Score::from(100)) } else { (scale.min, scale.max) };
        if m < bounds.0 || m > bounds.1 {
            c.error(
                format!("{p}.minimum_score"),
                format!("{m} is outside the scale {}..{}", bounds.0, bounds.1),
                "give a minimum within the criterion's scale (a sovereignty score is in percent)",
            );
        }
    }
    let valued = matches!(award.price_model, PriceModel::ValueAdded { .. });
    match (cr.value, valued) {
        (Some(v), true) => c.amount(&format!("{p}.value"), v, true, currency_decimals),
        (None, true) => c.error(
            format!("{p}.value"),
            "the value-added price model needs what full marks on this criterion are worth",
            "add `value = <amount>` in the tender's currency",
        ),
        (Some(_), false) => c.error(
            format!("{p}.value"),
            "a money value is only used by the value-added price model",
            "remove `value`, or use price_model = { kind = \"value-added\", mode = \"deduction\" }",
        ),
        (None, false) => {}
    }
}

/// Validates one bid against its tender. Returns every problem found; empty means valid. To
/// validate many bids of one tender, [`BidValidator`] prepares the lots once.
pub fn validate_bid(tender: &Tender, bid: &Bid) -> Vec<Problem> {
    BidValidator::new(tender).validate(bid)
}

fn check_bid(validator: &BidValidator<'_>, bid: &Bid) -> Vec<Problem> {
    let tender = validator.tender;
    let mut c = Checker::new();
    let decimals = tender.currency.minor_units();
    c.id("id", &bid.id);
    if bid.tender != tender.id {
        c.error(
            "tender",
            format!("the bid is for tender `{}`, not `{}`", truncate(bid.tender.as_str()), tender.id),
            format!("set `tender` to `{}`, or check that the bid belongs to this tender", tender.id),
        );
    }
    let lot = tender.lot(&bid.lot);
    if lot.is_none() {
        let ids: Vec<&str> = tender.lots.iter().map(|l| l.id.as_str()).collect();
        c.error(
            "lot",
            format!("the tender has no lot `{}`", truncate(bid.lot.as_str())),
            format!("use one of the tender's lots: {}", ids.join(", ")),
        );
    }
    let b = &bid.bidder;
    c.id("bidder.id", &b.id);
    c.plain("bidder.name", &b.name, true);
    c.country("bidder.country", &b.country);
    if let Some(o) = &b.ownership {
        c.plain("bidder.ownership.ultimate_owner", &o.ultimate_owner, true);
        c.country("bidder.ownership.owner_country", &o.owner_country);
        if o.owner_country.is_valid() && !o.owner_country.is_eu() && !o.non_eu_control {
            c.warn(
                "bidder.ownership.non_eu_control",
                format!(
                    "the ultimate owner is in {} (outside the EU) but non-EU control is declared false",
                    o.owner_country
                ),
                "check the declaration",
            );
        }
    }
    for (i, m) in b.consortium.iter().enumerate() {
        c.plain(&format!("bidder.consortium[{i}].name"), &m.name, true);
        c.country(&format!("bidder.consortium[{i}].country"), &m.country);
    }
    for (i, s) in b.subcontractors.iter().enumerate() {
        c.plain(&format!("bidder.subcontractors[{i}].name"), &s.name, true);
        c.country(&format!("bidder.subcontractors[{i}].country"), &s.country);
        if let Some(share) = s.share {
            c.percent(&format!("bidder.subcontractors[{i}].share"), share, false);
        }
    }

    if let Some(total) = bid.price.total {
        c.amount("price.total", total, true, decimals);
    }
    if let Some(s) = &bid.price.schedule {
        c.amount("price.schedule.one_off", s.one_off, false, decimals);
        c.amount("price.schedule.recurring_per_year", s.recurring_per_year, false, decimals);
    }
    let basket = lot.map_or(&[][..], |l| &l.award.basket[..]);
    let mut unit_priced = BTreeSet::new();
    for (i, u) in bid.price.unit_prices.iter().enumerate() {
        let p = format!("price.unit_prices[{i}]");
        if let Some(l) = lot
            && !basket.iter().any(|b| b.id == u.line)
        {
            let fix = if basket.is_empty() {
                "remove the unit prices: the lot is not evaluated on a price basket"
            } else {
                "use the id of one of the lot's basket lines"
            };
            c.error(
                format!("{p}.line"),
                format!("lot `{}` has no price basket line `{}`", l.id, truncate(u.line.as_str())),
                fix,
            );
        }
        if !unit_priced.insert(&u.line) {
            c.error(
                format!("{p}.line"),
                format!("the basket line `{}` is priced twice", truncate(u.line.as_str())),
                "give one unit price per basket line",
            );
        }
        c.amount(&format!("{p}.price"), u.price, false, decimals);
    }
    let components = lot.map_or(&[][..], |l| &l.award.price_components[..]);
    let mut component_priced = BTreeSet::new();
    for (i, cp) in bid.price.components.iter().enumerate() {
        let p = format!("price.components[{i}]");
        if let Some(l) = lot
            && !components.iter().any(|x| x.id == cp.component)
        {
            let fix = if components.is_empty() {
                "remove the component prices: the lot's price criteria score the total price"
            } else {
                "use the id of one of the lot's price components"
            };
            c.error(
                format!("{p}.component"),
                format!("lot `{}` has no price component `{}`", l.id, truncate(cp.component.as_str())),
                fix,
            );
        }
        if !component_priced.insert(&cp.component) {
            c.error(
                format!("{p}.component"),
                format!("the price component `{}` is priced twice", truncate(cp.component.as_str())),
                "give one price per component",
            );
        }
        c.amount(&format!("{p}.price"), cp.price, false, decimals);
    }
    let mut priced = BTreeSet::new();
    for (i, o) in bid.price.options.iter().enumerate() {
        let p = format!("price.options[{i}]");
        if !tender.contract.options.iter().any(|t| t.id == o.option) {
            c.error(
                format!("{p}.option"),
                format!("the tender has no option `{}`", truncate(o.option.as_str())),
                "use the id of one of the tender's contract options",
            );
        }
        if !priced.insert(&o.option) {
            c.error(
                format!("{p}.option"),
                format!("the option `{}` is priced twice", o.option),
                "give one price per option",
            );
        }
        c.amount(&format!("{p}.price"), o.price, false, decimals);
    }
    if let Some((lot, marks)) = tender.lots.iter().zip(&validator.lots).find(|(l, _)| l.id == bid.lot) {
        check_bid_against_lot(&mut c, lot, marks, bid);
    }
    for d in crate::compliance::bid_defects(tender, bid) {
        // A stated value is located at its own entry in the bid's `measures`.
        let path = match &d {
            Defect::MeasureNotAcceptable { criterion, .. } => bid
                .measures
                .iter()
                .position(|m| &m.criterion == criterion)
                .map_or_else(|| d.path(), |i| format!("measures[{i}].value")),
            _ => d.path(),
        };
        c.reject(path, d.message(), rejection_fix(&d));
    }
    if let (Some(deadline), Some(submitted)) = (tender.submission_deadline, bid.submitted)
        && submitted.is_after(deadline).is_none()
    {
        c.warn(
            "submitted",
            format!("the bid was received on the deadline's day ({submitted}), and the deadline is {deadline}"),
            "give both times of day (e.g. 2026-03-01T12:00) so the evaluation can tell whether the bid was in time",
        );
    }

    for (i, id) in bid.standards.iter().enumerate() {
        c.standard_ref(&format!("standards[{i}]"), tender, id);
    }
    if let Some(e) = &bid.exit {
        for (i, id) in e.data_formats.iter().enumerate() {
            c.standard_ref(&format!("exit.data_formats[{i}]"), tender, id);
        }
        if let Some(m) = e.horizon_months {
            c.months("exit.horizon_months", m);
        }
    }
    if let Some(h) = &bid.hosting {
        for (i, l) in h.data_locations.iter().enumerate() {
            c.location(&format!("hosting.data_locations[{i}]"), l);
        }
        for (i, l) in h.support_access_from.iter().enumerate() {
            c.location(&format!("hosting.support_access_from[{i}]"), l);
        }
        for (i, l) in h.operator_jurisdiction.iter().enumerate() {
            c.location(&format!("hosting.operator_jurisdiction[{i}]"), l);
        }
    }
    if let Some(o) = &bid.open_source {
        for (i, l) in o.licences.iter().enumerate() {
            c.spdx(&format!("open_source.licences[{i}]"), l);
        }
        if let Some(s) = o.share {
            c.percent("open_source.share", s, true);
        }
    }
    if let Some(s) = &bid.sovereignty {
        if let Some(out_of) = s.points_out_of
            && out_of.get() <= Decimal::ZERO
        {
            c.error(
                "sovereignty.points_out_of",
                format!("{out_of} is not above zero"),
                "give the nominal maximum of each objective's points on the assessment's scale, e.g. 4, 10 or 100",
            );
        }
        let out_of = s.points_out_of.map_or(OBJECTIVE_MAX_POINTS, Score::get);
        for (o, a) in &s.objectives {
            let p = format!("sovereignty.objectives.{o}");
            if !a.answers.is_empty() && (a.seal.is_some() || a.points.is_some()) {
                c.error(
                    &p,
                    "both individual answers and a summary SEAL or points are given",
                    "give either `answers`, or `seal` and `points`, not both",
                );
            }
            if a.answers.is_empty() && a.seal.is_none() && a.points.is_none() {
                c.error(
                    format!("{p}.seal"),
                    "the objective has neither answers, nor a SEAL, nor points",
                    "give the objective's `answers`, or its `seal` and `points`",
                );
            }
            if let Some(pts) = a.points {
                if pts.is_negative() {
                    c.error(
                        format!("{p}.points"),
                        format!("{pts} is below zero"),
                        "give the objective's points as assessed",
                    );
                } else if pts.get() > out_of {
                    // The calculator's answer values are rounded, so an objective can sum to a
                    // little over its nominal maximum (1002 of 1000); the score is not capped.
                    c.warn(
                        format!("{p}.points"),
                        format!("{pts} is above the nominal maximum of {out_of}; it is scored as stated, not capped"),
                        "check the points; the calculator's rounding explains at most a few points over",
                    );
                }
            }
            let mut seen = BTreeSet::new();
            for (i, ans) in a.answers.iter().enumerate() {
                c.plain(&format!("{p}.answers[{i}].criterion"), &ans.criterion, true);
                if !seen.insert(ans.criterion.as_str()) {
                    c.error(
                        format!("{p}.answers[{i}].criterion"),
                        format!("`{}` is answered twice", truncate(&ans.criterion)),
                        "answer each assessment criterion once",
                    );
                }
                if ans.points.is_negative() || ans.points.get() > OBJECTIVE_MAX_POINTS {
                    // One answer is one calculator row: its own range is 0..1000.
                    c.error(
                        format!("{p}.answers[{i}].points"),
                        format!("{} is outside 0..1000", ans.points),
                        "give the answer's points as in the assessment calculator",
                    );
                }
            }
        }
    }
    c.problems
}

/// What validating the bids of a lot needs of the lot, worked out once for all its bids: its
/// requirements, the leaves evaluators mark with their scales (in id order), and the criteria that
/// are not marked by evaluators.
struct LotMarks<'t> {
    requirements: Vec<&'t Requirement>,
    parents: BTreeSet<&'t Id>,
    automatic: BTreeSet<&'t Id>,
    measured: BTreeSet<&'t Id>,
    /// The leaves' ids and scales, in id order.
    slots: Vec<&'t Id>,
    scales: Vec<Scale>,
}

impl<'t> LotMarks<'t> {
    fn new(tender: &'t Tender, lot: &'t Lot) -> Self {
        let award = &lot.award;
        let mut leaves: BTreeMap<&Id, Scale> = BTreeMap::new();
        let mut parents = BTreeSet::new();
        let mut automatic = BTreeSet::new();
        let mut measured = BTreeSet::new();
        for cr in award.quality_criteria() {
            if cr.measure.is_some() {
                measured.insert(&cr.id);
            } else if cr.sovereignty.is_some() {
                automatic.insert(&cr.id);
            } else if cr.sub_criteria.is_empty() {
                leaves.insert(&cr.id, award.scale_of(cr));
            } else {
                parents.insert(&cr.id);
                for s in &cr.sub_criteria {
                    let scale = s.scale.as_ref().map_or_else(|| award.scale_of(cr), |sc| sc.resolve());
                    leaves.insert(&s.id, scale);
                }
            }
        }
        let (slots, scales) = leaves.into_iter().unzip();
        Self { requirements: tender.requirements_for(lot).collect(), parents, automatic, measured, slots, scales }
    }
}

/// Validates the bids of one tender, each against the tender and its lot. What a lot's bids are
/// checked against is worked out once per lot, not once per bid.
pub struct BidValidator<'t> {
    tender: &'t Tender,
    lots: Vec<LotMarks<'t>>,
}

impl<'t> BidValidator<'t> {
    /// Prepares the tender's lots.
    pub fn new(tender: &'t Tender) -> Self {
        Self { tender, lots: tender.lots.iter().map(|lot| LotMarks::new(tender, lot)).collect() }
    }

    /// Every problem of one bid; empty means valid. The same as [`validate_bid`].
    pub fn validate(&self, bid: &Bid) -> Vec<Problem> {
        check_bid(self, bid)
    }
}

fn check_bid_against_lot(c: &mut Checker, lot: &Lot, marks: &LotMarks<'_>, bid: &Bid) {
    let requirements = &marks.requirements;
    let mut answered = BTreeSet::new();
    for (i, a) in bid.answers.iter().enumerate() {
        let p = format!("answers[{i}]");
        if !requirements.iter().any(|r| r.id == a.requirement) {
            c.error(
                format!("{p}.requirement"),
                format!("lot `{}` has no requirement `{}`", lot.id, truncate(a.requirement.as_str())),
                "answer the requirements of the bid's lot by their ids",
            );
        }
        if !answered.insert(&a.requirement) {
            c.error(
                format!("{p}.requirement"),
                format!("the requirement `{}` is answered twice", a.requirement),
                "give one answer per requirement",
            );
        }
        if let Some(e) = &a.evidence {
            c.plain(&format!("{p}.evidence"), e, false);
        }
        if let Some(e) = &a.comment {
            c.plain(&format!("{p}.comment"), e, false);
        }
    }
    for r in requirements {
        if r.severity.is_gate() && !answered.contains(&r.id) {
            let sev = if r.severity == Severity::Premise { "premise" } else { "minimum requirement" };
            c.reject(
                "answers",
                format!("the {sev} `{}` is not answered, so it is not met", r.id),
                format!(
                    "if the bid as submitted says nothing on `{}`, the rejection is right; if the answer was left out \
                     when the bid was entered, add it with `met` and the evidence",
                    r.id
                ),
            );
        }
    }

    // Quality scores.
    let award = &lot.award;
    let LotMarks { parents, automatic, measured, slots, scales, .. } = marks;
    let check_score = |c: &mut Checker, p: &str, criterion: &Id, score: Score, justification: &str| {
        c.plain(&format!("{p}.justification"), justification, true);
        match slots.binary_search(&criterion).ok().and_then(|k| scales.get(k)) {
            Some(scale) => match on_scale(scale, score) {
                OnScale::Fits => {}
                OnScale::Outside => c.error(
                    format!("{p}.score"),
                    format!("{score} is outside the scale {}..{}", scale.min, scale.max),
                    "give a score within the criterion's scale",
                ),
                OnScale::OffStep(step) => c.error(
                    format!("{p}.score"),
                    format!("{score} is not on the scale's steps of {step}"),
                    "give a score the scale allows",
                ),
            },
            None if parents.contains(criterion) => c.error(
                format!("{p}.criterion"),
                format!("`{criterion}` has sub-criteria; scores are given per sub-criterion"),
                "score each sub-criterion instead",
            ),
            None if measured.contains(criterion) => c.error(
                format!("{p}.criterion"),
                format!("`{criterion}` is scored from the value the bid states, not by evaluators"),
                "remove the score; the bid states the value under [[measures]]",
            ),
            None if automatic.contains(criterion) => c.error(
                format!("{p}.criterion"),
                format!("`{criterion}` is scored from the sovereignty assessment, not by evaluators"),
                "remove the score",
            ),
            None => c.error(
                format!("{p}.criterion"),
                format!("lot `{}` has no quality criterion `{}`", lot.id, truncate(criterion.as_str())),
                "score the lot's quality criteria and sub-criteria by their ids",
            ),
        }
    };
    // Whether a mark is fine, checked without building its paths: a bid holds thousands of marks,
    // and a path is written only for a mark with a problem (issue 13).
    let fits = |scale: &Scale, score: Score, justification: &str| {
        matches!(on_scale(scale, score), OnScale::Fits) && plain_is_clean(justification, true)
    };
    // Whether an evaluator marks a criterion twice: per leaf, the evaluators seen so far (marks come
    // grouped by criterion, so the previous mark's leaf is tried before a search); other criteria
    // in a set.
    // The first evaluators of each leaf in place (one allocation for the bid), more in a set.
    const IN_PLACE: usize = 4;
    let mut seen: Vec<[Option<&Id>; IN_PLACE]> = vec![[None; IN_PLACE]; slots.len()];
    let mut seen_more: BTreeSet<(usize, &Id)> = BTreeSet::new();
    let mut others = BTreeSet::new();
    let mut cursor: Option<usize> = None;
    let mut good_evaluators: Vec<&Id> = Vec::new();
    for (i, s) in bid.scores.iter().enumerate() {
        // Marks come grouped by criterion in the lot's order (the slots are in id order, which
        // is often the same): the previous mark's leaf and the next are tried before a search.
        let slot = match cursor {
            Some(k) if slots.get(k).is_some_and(|id: &&Id| id.is_same(&s.criterion)) => Some(k),
            Some(k) if slots.get(k.saturating_add(1)).is_some_and(|id: &&Id| id.is_same(&s.criterion)) => {
                Some(k.saturating_add(1))
            }
            _ => slots.binary_search(&&s.criterion).ok(),
        };
        let fresh = match slot {
            Some(k) => {
                cursor = Some(k);
                let list = &mut seen[k];
                // Ids compare by address first (ids read with one pool share an allocation).
                if list.iter().flatten().any(|e| **e == s.evaluator) {
                    false
                } else if let Some(free) = list.iter_mut().find(|e| e.is_none()) {
                    *free = Some(&s.evaluator);
                    true
                } else {
                    seen_more.insert((k, &s.evaluator))
                }
            }
            None => others.insert((&s.evaluator, &s.criterion)),
        };
        let fine = slot.is_some_and(|k| fits(&scales[k], s.score, &s.justification));
        // An evaluator's id is checked once per allocation (ids read with a pool share one).
        let usable = good_evaluators.iter().any(|e| e.is_same(&s.evaluator)) || {
            let usable = s.evaluator.problem().is_none();
            if usable && good_evaluators.len() < 64 {
                good_evaluators.push(&s.evaluator);
            }
            usable
        };
        if fresh && fine && usable {
            continue;
        }
        let p = format!("scores[{i}]");
        c.id(&format!("{p}.evaluator"), &s.evaluator);
        check_score(c, &p, &s.criterion, s.score, &s.justification);
        if !fresh {
            c.error(
                &p,
                format!("evaluator `{}` scores `{}` twice", s.evaluator, s.criterion),
                "keep one score per evaluator and criterion",
            );
        }
    }
    check_stated_values(c, award, bid);
    let mut agreed = BTreeSet::new();
    for (i, s) in bid.consensus.iter().enumerate() {
        let p = format!("consensus[{i}]");
        check_score(c, &p, &s.criterion, s.score, &s.justification);
        if !agreed.insert(&s.criterion) {
            c.error(
                &p,
                format!("`{}` has two consensus scores", s.criterion),
                "keep one consensus score per criterion",
            );
        }
    }
}

/// The values a bid states for measured criteria: each names a measured criterion of the lot, once.
fn check_stated_values(c: &mut Checker, award: &AwardModel, bid: &Bid) {
    let mut seen = BTreeSet::new();
    for (i, m) in bid.measures.iter().enumerate() {
        let p = format!("measures[{i}]");
        if let Some(e) = &m.evidence {
            c.plain(&format!("{p}.evidence"), e, false);
        }
        if !award.criteria.iter().any(|cr| cr.id == m.criterion && cr.measure.is_some()) {
            let ids: Vec<&str> =
                award.criteria.iter().filter(|cr| cr.measure.is_some()).map(|cr| cr.id.as_str()).collect();
            c.error(
                format!("{p}.criterion"),
                format!("the lot has no measured criterion `{}`", truncate(m.criterion.as_str())),
                if ids.is_empty() {
                    "remove the value; the lot scores no stated values".to_owned()
                } else {
                    format!("use one of the lot's measured criteria: {}", ids.join(", "))
                },
            );
        } else if !seen.insert(&m.criterion) {
            c.error(
                format!("{p}.criterion"),
                format!("`{}` has two stated values", m.criterion),
                "keep one value per measured criterion",
            );
        }
    }
}

/// Validates a tender's bids together: unique bid ids, one bid per bidder and lot, and the limit on
/// lots per bidder. Per-bid problems come from [`validate_bid`]; the paths here are prefixed with
/// the bid's id.
pub fn validate_bid_set<B: std::borrow::Borrow<Bid>>(tender: &Tender, bids: &[B]) -> Vec<Problem> {
    let bids: Vec<&Bid> = bids.iter().map(std::borrow::Borrow::borrow).collect();
    let bids = bids.as_slice();
    let mut c = Checker::new();
    let mut ids: BTreeMap<&Id, usize> = BTreeMap::new();
    let mut names: BTreeMap<&Id, &str> = BTreeMap::new();
    for (i, bid) in bids.iter().enumerate() {
        if let Some(first) = ids.insert(&bid.id, i) {
            c.error(
                format!("bids[{i}].id"),
                format!("the bid id `{}` is also used by bids[{first}]", bid.id),
                "give every bid its own id",
            );
        }
        match names.get(&bid.bidder.id) {
            Some(name) if *name != bid.bidder.name => c.warn(
                format!("bids[{i}].bidder.name"),
                format!(
                    "bidder `{}` is named `{}` here and `{}` in another bid",
                    bid.bidder.id,
                    truncate(&bid.bidder.name),
                    truncate(name)
                ),
                "use the same registered name on every bid of a bidder",
            ),
            Some(_) => {}
            None => {
                names.insert(&bid.bidder.id, &bid.bidder.name);
            }
        }
    }
    for (i, list) in crate::compliance::defects(tender, bids).into_iter().enumerate() {
        for d in list {
            if matches!(d, Defect::TooManyLots { .. } | Defect::SecondBidForLot { .. }) {
                c.reject(format!("bids[{i}].{}", d.path()), d.message(), rejection_fix(&d));
            }
        }
    }
    c.problems
}

/// What would make a rejection go away, when the defect is in what was entered rather than in
/// what the bidder submitted.
fn rejection_fix(d: &Defect) -> String {
    let entered = "if the bid as submitted has it and it was left out when the bid was entered, add it; otherwise \
                   the rejection stands";
    match d {
        Defect::NoPrice => format!("{entered} (`price.total`)"),
        Defect::NoPriceSchedule => format!("{entered} (`price.schedule` with `one_off` and `recurring_per_year`)"),
        Defect::OptionNotPriced { option } => format!("{entered} (an entry in `price.options` for `{option}`)"),
        Defect::ComponentNotPriced { component } => {
            format!("{entered} (an entry in `price.components` with component = \"{component}\")")
        }
        Defect::UnitPriceMissing { line } => {
            format!("{entered} (an entry in `price.unit_prices` with line = \"{line}\")")
        }
        Defect::NoSovereigntyAssessment => {
            format!("{entered} (`sovereignty.objectives` with SOV-1 to SOV-8)")
        }
        Defect::ObjectiveNotAssessed { objective } => format!("{entered} ({objective} under `sovereignty.objectives`)"),
        Defect::ObjectivePointsNotStated { objective } => {
            format!("{entered} (the points of {objective}, or its answers)")
        }
        Defect::TooManyLots { .. } => {
            "the tender's `over_lot_limit` rule decides; with `keep-by-priority` each bid states its `priority`".into()
        }
        Defect::SecondBidForLot { .. } => {
            "if the bids are alternative offers the tender allows, set `alternative_offers = true` in the tender; if \
             they are versions of one bid, keep only the one that counts"
                .into()
        }
        Defect::Late { .. } => "check `submitted` against the receipt in the e-procurement system".into(),
        Defect::MeasureMissing { criterion } => {
            format!("{entered} (an entry in `measures` with criterion = \"{criterion}\")")
        }
        Defect::MeasureNotAcceptable { .. } => {
            "check the value against the bid as submitted; if it was entered wrongly, correct it, otherwise the \
             rejection stands"
                .into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn max_amount_is_ten_to_the_fifteenth() {
        assert_eq!(MAX_AMOUNT, Decimal::from(1_000_000_000_000_000_i64));
    }
}
