//! The requirement specification: the document a buyer publishes.
//!
//! Chapters, numbered: introduction and procedure; lots; requirements for all lots; one chapter
//! per lot (its requirements by severity, award criteria and weights, evaluation model, worked
//! example); SEAL levels; sovereignty objectives and weights; open standards; what is not
//! required. A chapter with nothing to say is left out and the others are numbered on.

use std::collections::BTreeSet;

use rust_decimal::Decimal;
use tender_core::award::{
    AdjustMode, AwardModel, CorridorDecision, Criterion, PriceBasisKind, PriceModel, Scale, Weighting,
};
use tender_core::regulatory::{DoraClause, GdprTerm, Nis2Duty};
use tender_core::requirement::{
    Content, ExitAssistance, ExitRequirement, HostingRequirement, OpenSourceRequirement, OpenStandardsRequirement,
    RegulatoryRequirement, SovereigntyRequirement,
};
use tender_core::sovereignty::{ObjectiveWeights, WeightPreset};
use tender_core::{Id, Lot, Objective, Requirement, Seal, Severity, Tender, Weight};
use tender_score::Exact;

use crate::catalogue::Catalogue;
use crate::error::TextError;
use crate::example;
use crate::markdown::{Doc, cell, id, inline};
use crate::words;

type Res = Result<(), TextError>;

/// The chapter numbers, fixed before writing so requirements can refer forward.
struct Chapters {
    common: Option<u32>,
    lots: Vec<u32>,
    seal: Option<u32>,
    objectives: Option<u32>,
    standards: Option<u32>,
    not_required: Option<u32>,
}

impl Chapters {
    fn plan(tender: &Tender) -> Self {
        let mut n = 2_u32; // 1 introduction, 2 lots
        let mut next = || {
            n = n.saturating_add(1);
            n
        };
        let common = (!tender.requirements.is_empty()).then(&mut next);
        let lots = tender.lots.iter().map(|_| next()).collect();
        let sovereignty = has_sovereignty(tender);
        let seal = sovereignty.then(&mut next);
        let objectives = sovereignty.then(&mut next);
        let standards = (!standards_used(tender).is_empty()).then(&mut next);
        let not_required = (!tender.not_required.is_empty()).then(&mut next);
        Self { common, lots, seal, objectives, standards, not_required }
    }
}

/// Every requirement of the tender, tender-wide first, with the lot it belongs to.
fn all_requirements(tender: &Tender) -> impl Iterator<Item = (Option<&Lot>, &Requirement)> {
    tender
        .requirements
        .iter()
        .map(|r| (None, r))
        .chain(tender.lots.iter().flat_map(|l| l.requirements.iter().map(move |r| (Some(l), r))))
}

fn has_sovereignty(tender: &Tender) -> bool {
    all_requirements(tender).any(|(_, r)| r.sovereignty.is_some())
        || tender.lots.iter().flat_map(|l| &l.award.criteria).any(|c| c.sovereignty.is_some())
}

/// The standards the tender names, in order of first mention, with the requirements naming them.
fn standards_used(tender: &Tender) -> Vec<(Id, Vec<Id>)> {
    let mut out: Vec<(Id, Vec<Id>)> = Vec::new();
    for (_, r) in all_requirements(tender) {
        let mut named: Vec<&Id> = Vec::new();
        if let Some(s) = &r.open_standards {
            named.extend(&s.standards);
        }
        if let Some(e) = &r.exit {
            named.extend(&e.data_formats);
        }
        for s in named {
            match out.iter_mut().find(|(id, _)| id == s) {
                Some((_, by)) if !by.contains(&r.id) => by.push(r.id.clone()),
                Some(_) => {}
                None => out.push((s.clone(), vec![r.id.clone()])),
            }
        }
    }
    out
}

/// Writes the specification.
pub(crate) fn render(cat: &Catalogue, tender: &Tender) -> Result<Doc, TextError> {
    let lang = cat.lang();
    let ch = Chapters::plan(tender);
    let mut doc = Doc::default();
    doc.heading(1, &inline(tender.title.get(lang)));
    doc.para(&t!(cat, "spec-subtitle", "buyer" => inline(tender.buyer.name.get(lang)), "id" => id(&tender.id))?);
    introduction(cat, tender, &mut doc)?;
    lots_chapter(cat, tender, &mut doc)?;
    if let Some(n) = ch.common {
        let single = tender.lots.len() == 1;
        let (heading, intro) = if single {
            ("spec-h-common-requirements-single", "spec-common-intro-single")
        } else {
            ("spec-h-common-requirements", "spec-common-intro")
        };
        doc.heading(2, &format!("{n}. {}", cat.text(heading, &[])?));
        doc.para(&cat.text(intro, &[])?);
        let reqs: Vec<&Requirement> = tender.requirements.iter().collect();
        requirements(cat, tender, &ch, &mut doc, &n.to_string(), 3, &reqs, &mut 0)?;
    }
    for (lot, n) in tender.lots.iter().zip(&ch.lots) {
        lot_chapter(cat, tender, &ch, &mut doc, lot, *n)?;
    }
    if let Some(n) = ch.seal {
        seal_chapter(cat, tender, &mut doc, n)?;
    }
    if let Some(n) = ch.objectives {
        objectives_chapter(cat, tender, &ch, &mut doc, n)?;
    }
    if let Some(n) = ch.standards {
        standards_chapter(cat, tender, &mut doc, n)?;
    }
    if let Some(n) = ch.not_required {
        doc.heading(2, &format!("{n}. {}", cat.text("spec-h-not-required", &[])?));
        doc.para(&cat.text("spec-not-required-intro", &[])?);
        let items: Vec<String> = tender.not_required.iter().map(|t| inline(t.get(lang))).collect();
        doc.bullets(&items);
    }
    Ok(doc)
}

fn introduction(cat: &Catalogue, tender: &Tender, doc: &mut Doc) -> Res {
    let lang = cat.lang();
    doc.heading(2, &format!("1. {}", cat.text("spec-h-introduction", &[])?));
    if let Some(d) = &tender.description {
        doc.para(&inline(d.get(lang)));
    }
    let mut facts = Vec::new();
    facts.push(t!(cat, "spec-fact-buyer",
        "name" => inline(tender.buyer.name.get(lang)),
        "kind" => words::buyer_kind(cat, tender.buyer.kind)?,
        "country" => words::country(cat, &tender.buyer.country)?)?);
    facts.push(t!(cat, "spec-fact-id", "id" => id(&tender.id))?);
    facts.push(t!(cat, "spec-fact-procedure", "procedure" => words::procedure(cat, tender.procedure)?)?);
    if let Some(f) = &tender.framework {
        facts.push(t!(cat, "spec-fact-framework", "framework" => inline(f.get(lang)))?);
    }
    if let Some(v) = tender.estimated_value {
        facts.push(t!(cat, "spec-fact-estimated-value", "amount" => cat.money(v.get(), &tender.currency)?)?);
    }
    if let Some(d) = tender.submission_deadline {
        facts.push(t!(cat, "spec-fact-deadline", "date" => cat.date(d)?)?);
    }
    if let Some(d) = tender.contract.start {
        facts.push(t!(cat, "spec-fact-start", "date" => cat.date(d)?)?);
    }
    facts.push(cat.text("spec-fact-duration", &[("months", tender.contract.duration_months.into())])?);
    let languages = tender.languages.iter().map(|l| words::language(cat, l.as_str())).collect::<Result<Vec<_>, _>>()?;
    if !languages.is_empty() {
        facts.push(t!(cat, "spec-fact-languages", "languages" => cat.list(&languages)?)?);
    }
    facts.push(t!(cat, "spec-fact-currency", "currency" => inline(tender.currency.as_str()))?);
    doc.bullets(&facts);
    if !tender.contract.options.is_empty() {
        doc.para(&cat.text("spec-options-intro", &[])?);
        let mut items = Vec::new();
        for o in &tender.contract.options {
            let text = inline(o.description.get(lang));
            items.push(match o.extension_months {
                Some(m) => cat.text(
                    "spec-option-extension",
                    &[("id", id(&o.id).into()), ("description", text.into()), ("months", m.into())],
                )?,
                None => t!(cat, "spec-option", "id" => id(&o.id), "description" => text)?,
            });
        }
        doc.bullets(&items);
    }
    Ok(())
}

fn lots_chapter(cat: &Catalogue, tender: &Tender, doc: &mut Doc) -> Res {
    let lang = cat.lang();
    doc.heading(2, &format!("2. {}", cat.text("spec-h-lots", &[])?));
    if tender.lots.len() == 1 {
        doc.para(&cat.text("spec-lots-single", &[])?);
        if let Some(r) = &tender.lot_split_reason {
            doc.para(&t!(cat, "spec-lots-single-reason", "reason" => inline(r.get(lang)))?);
        }
    } else {
        doc.para(&cat.text("spec-lots-split", &[("count", tender.lots.len().into())])?);
        if let Some(r) = &tender.lot_split_reason {
            doc.para(&t!(cat, "spec-lots-reason", "reason" => inline(r.get(lang)))?);
        }
    }
    if let Some(m) = tender.max_lots_per_bidder {
        doc.para(&cat.text("spec-lots-max-bid", &[("count", m.into())])?);
    }
    if let Some(m) = tender.max_lots_awarded_per_bidder {
        doc.para(&cat.text("spec-lots-max-awarded", &[("count", m.into())])?);
        doc.para(&cat.text(
            match tender.lot_award_order {
                Some(tender_core::tender::LotAwardOrder::LotOrder) => "spec-lot-award-order-listed",
                Some(tender_core::tender::LotAwardOrder::HighestEstimatedValue) => "spec-lot-award-order-value",
                None => "spec-lot-award-order-none",
            },
            &[],
        )?);
    }
    let header = ["th-lot", "th-title", "th-estimated-value", "th-cpv", "th-suppliers-to-award"]
        .iter()
        .map(|k| cat.text(k, &[]))
        .collect::<Result<Vec<_>, _>>()?;
    let mut rows = Vec::new();
    for lot in &tender.lots {
        rows.push(vec![
            id(&lot.id),
            cell(lot.title.get(lang)),
            match lot.estimated_value {
                Some(v) => cat.money(v.get(), &tender.currency)?,
                None => "–".to_owned(),
            },
            lot.cpv.as_deref().map_or_else(|| "–".to_owned(), cell),
            lot.suppliers_to_award.to_string(),
        ]);
    }
    doc.table(&header, &rows);
    if !tender.lot_groups.is_empty() {
        doc.para(&cat.text("spec-lot-groups-intro", &[])?);
        let mut items = Vec::new();
        for g in &tender.lot_groups {
            let lots: Vec<String> = g.lots.iter().map(id).collect();
            let mut text = t!(cat, "spec-lot-group",
                "id" => id(&g.id), "title" => inline(g.title.get(lang)), "lots" => cat.list(&lots)?)?;
            if let Some(d) = &g.description {
                text.push(' ');
                text.push_str(&inline(d.get(lang)));
            }
            items.push(text);
        }
        doc.bullets(&items);
    }
    Ok(())
}

/// Writes requirements grouped by severity under `chapter`, groups at `level`, requirements one
/// level below. `sub` counts the chapter's sub-sections.
#[allow(clippy::too_many_arguments, reason = "one call site per chapter kind; a struct would only rename them")]
fn requirements(
    cat: &Catalogue,
    tender: &Tender,
    ch: &Chapters,
    doc: &mut Doc,
    chapter: &str,
    level: usize,
    reqs: &[&Requirement],
    sub: &mut u32,
) -> Res {
    for (severity, heading, intro) in [
        (Severity::Premise, "spec-h-premises", "spec-premises-intro"),
        (Severity::Minimum, "spec-h-minimum", "spec-minimum-intro"),
        (Severity::Award, "spec-h-award-requirements", "spec-award-requirements-intro"),
        (Severity::Information, "spec-h-information", "spec-information-intro"),
    ] {
        let group: Vec<&&Requirement> = reqs.iter().filter(|r| r.severity == severity).collect();
        if group.is_empty() {
            continue;
        }
        *sub = sub.saturating_add(1);
        let number = format!("{chapter}.{sub}");
        doc.heading(level, &format!("{number} {}", cat.text(heading, &[])?));
        doc.para(&cat.text(intro, &[])?);
        for (j, r) in group.iter().enumerate() {
            requirement(
                cat,
                tender,
                ch,
                doc,
                &format!("{number}.{}", j.saturating_add(1)),
                level.saturating_add(1),
                r,
            )?;
        }
    }
    Ok(())
}

fn requirement(
    cat: &Catalogue,
    tender: &Tender,
    ch: &Chapters,
    doc: &mut Doc,
    number: &str,
    level: usize,
    r: &Requirement,
) -> Res {
    let lang = cat.lang();
    doc.heading(level, &format!("{number} {}: {}", id(&r.id), inline(r.title.get(lang))));
    doc.para(&t!(cat, "req-severity", "severity" => words::severity(cat, r.severity)?)?);
    if !r.lots.is_empty() {
        let lots: Vec<String> = r.lots.iter().map(id).collect();
        doc.para(&t!(cat, "req-lots", "lots" => cat.list(&lots)?, "count" => lots.len())?);
    }
    if let Some(d) = &r.description {
        doc.para(&inline(d.get(lang)));
    }
    let lead = match r.severity {
        Severity::Premise | Severity::Minimum => "req-lead-gate",
        Severity::Award => "req-lead-award",
        Severity::Information => "req-lead-information",
    };
    for content in r.contents() {
        let items = match content {
            Content::Sovereignty(s) => sovereignty_items(cat, ch, s)?,
            Content::OpenStandards(s) => standards_items(cat, tender, s)?,
            Content::Exit(e) => exit_items(cat, tender, e)?,
            Content::Hosting(h) => hosting_items(cat, h)?,
            Content::OpenSource(o) => open_source_items(cat, o)?,
            Content::Regulatory(reg) => {
                regulatory(cat, doc, reg)?;
                Vec::new()
            }
            Content::General => Vec::new(),
        };
        if !items.is_empty() {
            doc.para(&cat.text(lead, &[])?);
            doc.bullets(&items);
        }
    }
    if let Some(e) = &r.evidence {
        doc.para(&t!(cat, "req-evidence", "evidence" => inline(e.get(lang)))?);
    }
    if let Some(c) = &r.criterion {
        doc.para(&t!(cat, "req-criterion", "criterion" => requirement_criterion(cat, tender, r, c)?)?);
    }
    Ok(())
}

/// The criterion an award requirement is scored under, resolved in each lot the requirement
/// applies to (criterion ids are unique only within a lot): one label when every lot names it
/// alike, otherwise `LOT: label` per lot.
fn requirement_criterion(cat: &Catalogue, tender: &Tender, r: &Requirement, c: &Id) -> Result<String, TextError> {
    let own = tender.lots.iter().find(|l| l.requirements.iter().any(|x| std::ptr::eq(x, r)));
    let lots: Vec<&Lot> = match own {
        Some(l) => vec![l],
        None => tender.lots.iter().filter(|l| r.lots.is_empty() || r.lots.contains(&l.id)).collect(),
    };
    let labels: Vec<(&Lot, String)> = lots.into_iter().map(|l| (l, words::criterion_label(cat, l, c))).collect();
    match labels.first() {
        None => Ok(id(c)),
        Some((_, first)) if labels.iter().all(|(_, x)| x == first) => Ok(first.clone()),
        Some(_) => {
            let each: Vec<String> = labels.iter().map(|(l, x)| format!("{}: {x}", id(&l.id))).collect();
            cat.list(&each)
        }
    }
}

fn sovereignty_items(cat: &Catalogue, ch: &Chapters, s: &SovereigntyRequirement) -> Result<Vec<String>, TextError> {
    let mut items = Vec::new();
    if let Some(each) = s.minimum_each {
        items.push(t!(cat, "req-seal-each", "seal" => words::seal(cat, each)?)?);
    }
    for o in Objective::ALL {
        let Some(&specific) = s.minimum_per_objective.get(&o) else { continue };
        if s.minimum_each.is_some_and(|e| e >= specific) {
            continue;
        }
        items.push(t!(cat, "req-seal-objective", "objective" => words::objective(cat, o)?, "seal" => words::seal(cat, specific)?)?);
    }
    if let Some(overall) = s.minimum_overall {
        items.push(t!(cat, "req-seal-overall", "seal" => words::seal(cat, overall)?)?);
    }
    if let Some(n) = ch.seal {
        items.push(t!(cat, "req-seal-see", "chapter" => n.to_string())?);
    }
    Ok(items)
}

fn standards_items(cat: &Catalogue, tender: &Tender, s: &OpenStandardsRequirement) -> Result<Vec<String>, TextError> {
    s.standards.iter().map(|x| t!(cat, "req-standard", "standard" => words::standard(cat, tender, x)?)).collect()
}

fn exit_items(cat: &Catalogue, tender: &Tender, e: &ExitRequirement) -> Result<Vec<String>, TextError> {
    let mut items = Vec::new();
    if e.exit_plan {
        items.push(cat.text("req-exit-plan", &[])?);
    }
    if let Some(m) = e.max_horizon_months {
        items.push(cat.text("req-exit-horizon", &[("months", m.into())])?);
    }
    if !e.data_formats.is_empty() {
        let formats = e.data_formats.iter().map(|f| words::standard(cat, tender, f)).collect::<Result<Vec<_>, _>>()?;
        items.push(t!(cat, "req-exit-formats", "formats" => cat.list(&formats)?)?);
    }
    match e.assistance {
        Some(ExitAssistance::Included) => items.push(cat.text("req-exit-assistance-included", &[])?),
        Some(ExitAssistance::Paid) => items.push(cat.text("req-exit-assistance-paid", &[])?),
        None => {}
    }
    if let Some(m) = e.max_notice_months {
        items.push(cat.text("req-exit-notice", &[("months", m.into())])?);
    }
    if let Some(d) = e.max_transition_days {
        items.push(cat.text("req-exit-transition", &[("days", d.into())])?);
    }
    if let Some(d) = e.min_retrieval_days {
        items.push(cat.text("req-exit-retrieval", &[("days", d.into())])?);
    }
    if e.no_switching_charges {
        items.push(cat.text("req-exit-no-switching-charges", &[])?);
    }
    if e.no_egress_charges {
        items.push(cat.text("req-exit-no-egress-charges", &[])?);
    }
    if e.handover_documentation {
        items.push(cat.text("req-exit-handover-documentation", &[])?);
    }
    if e.handover_code {
        items.push(cat.text("req-exit-handover-code", &[])?);
    }
    Ok(items)
}

fn hosting_items(cat: &Catalogue, h: &HostingRequirement) -> Result<Vec<String>, TextError> {
    let mut items = Vec::new();
    if !h.allowed_models.is_empty() {
        let models = h.allowed_models.iter().map(|m| words::hosting_model(cat, *m)).collect::<Result<Vec<_>, _>>()?;
        items.push(t!(cat, "req-hosting-models", "models" => or_list(cat, &models)?)?);
    }
    if !h.data_locations.is_empty() {
        items.push(t!(cat, "req-hosting-data", "locations" => locations_or(cat, &h.data_locations)?)?);
    }
    if !h.support_access_from.is_empty() {
        items.push(t!(cat, "req-hosting-support", "locations" => locations_or(cat, &h.support_access_from)?)?);
    }
    if !h.operator_jurisdiction.is_empty() {
        items.push(t!(cat, "req-hosting-jurisdiction", "locations" => locations_or(cat, &h.operator_jurisdiction)?)?);
    }
    Ok(items)
}

fn or_list(cat: &Catalogue, items: &[String]) -> Result<String, TextError> {
    Ok(match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => t!(cat, "fmt-list-or", "init" => init.join(", "), "last" => last.clone())?,
    })
}

fn locations_or(cat: &Catalogue, ls: &[tender_core::Location]) -> Result<String, TextError> {
    let names = ls.iter().map(|l| words::location(cat, l)).collect::<Result<Vec<_>, _>>()?;
    or_list(cat, &names)
}

fn open_source_items(cat: &Catalogue, o: &OpenSourceRequirement) -> Result<Vec<String>, TextError> {
    let mut items = Vec::new();
    if !o.licences.is_empty() {
        let licences: Vec<String> = o.licences.iter().map(|l| inline(l)).collect();
        items.push(t!(cat, "req-oss-licences", "licences" => or_list(cat, &licences)?)?);
    }
    if let Some(share) = o.min_share {
        items.push(t!(cat, "req-oss-share", "share" => cat.percent(share.get())?)?);
    }
    if let Some(r) = o.customer_code_rights {
        items.push(cat.text(
            match r {
                tender_core::requirement::CodeRights::Licence => "req-oss-rights-licence",
                tender_core::requirement::CodeRights::ExtendedRightOfUse => "req-oss-rights-extended-right-of-use",
                tender_core::requirement::CodeRights::Ownership => "req-oss-rights-ownership",
            },
            &[],
        )?);
    }
    if o.code_review {
        items.push(cat.text("req-oss-code-review", &[])?);
    }
    if o.source_delivered {
        items.push(cat.text("req-oss-source-delivered", &[])?);
    }
    Ok(items)
}

fn regulatory(cat: &Catalogue, doc: &mut Doc, reg: &RegulatoryRequirement) -> Res {
    let dora = reg.dora.resolve(&DoraClause::ALL);
    if !dora.is_empty() {
        doc.para(&cat.text("reg-dora-lead", &[])?);
        let items = dora
            .iter()
            .map(|c| t!(cat, "reg-clause", "article" => c.article(), "text" => cat.text(&format!("dora-{}", c.key()), &[])?))
            .collect::<Result<Vec<_>, _>>()?;
        doc.bullets(&items);
    }
    let nis2 = reg.nis2.resolve(&Nis2Duty::ALL);
    if !nis2.is_empty() {
        doc.para(&cat.text("reg-nis2-lead", &[])?);
        let items = nis2
            .iter()
            .map(|c| t!(cat, "reg-clause", "article" => c.article(), "text" => cat.text(&format!("nis2-{}", c.key()), &[])?))
            .collect::<Result<Vec<_>, _>>()?;
        doc.bullets(&items);
    }
    let gdpr = reg.gdpr.resolve(&GdprTerm::ALL);
    if !gdpr.is_empty() {
        doc.para(&cat.text("reg-gdpr-lead", &[])?);
        let items = gdpr
            .iter()
            .map(|c| t!(cat, "reg-clause", "article" => c.article(), "text" => cat.text(&format!("gdpr-{}", c.key()), &[])?))
            .collect::<Result<Vec<_>, _>>()?;
        doc.bullets(&items);
    }
    Ok(())
}

fn lot_chapter(cat: &Catalogue, tender: &Tender, ch: &Chapters, doc: &mut Doc, lot: &Lot, n: u32) -> Res {
    let lang = cat.lang();
    doc.heading(
        2,
        &format!("{n}. {}", t!(cat, "spec-h-lot", "id" => id(&lot.id), "title" => inline(lot.title.get(lang)))?),
    );
    if let Some(d) = &lot.description {
        doc.para(&inline(d.get(lang)));
    }
    let mut facts = Vec::new();
    if let Some(v) = lot.estimated_value {
        facts.push(t!(cat, "spec-fact-estimated-value", "amount" => cat.money(v.get(), &tender.currency)?)?);
    }
    if let Some(cpv) = &lot.cpv {
        facts.push(t!(cat, "spec-fact-cpv", "cpv" => inline(cpv))?);
    }
    facts.push(cat.text("spec-fact-suppliers", &[("count", lot.suppliers_to_award.into())])?);
    doc.bullets(&facts);
    if let Some(c) = ch.common {
        let applying: Vec<String> = tender
            .requirements
            .iter()
            .filter(|r| r.lots.is_empty() || r.lots.contains(&lot.id))
            .map(|r| id(&r.id))
            .collect();
        if tender.lots.len() == 1 {
            doc.para(&t!(cat, "spec-lot-common-applies-single", "chapter" => c.to_string())?);
        } else if applying.len() == tender.requirements.len() {
            doc.para(&t!(cat, "spec-lot-common-applies", "chapter" => c.to_string())?);
        } else if !applying.is_empty() {
            doc.para(&t!(cat, "spec-lot-common-applies-some",
                "chapter" => c.to_string(), "requirements" => cat.list(&applying)?, "count" => applying.len())?);
        }
    }
    let mut sub = 0;
    let reqs: Vec<&Requirement> = lot.requirements.iter().collect();
    requirements(cat, tender, ch, doc, &n.to_string(), 3, &reqs, &mut sub)?;

    sub = sub.saturating_add(1);
    doc.heading(3, &format!("{n}.{sub} {}", cat.text("spec-h-criteria", &[])?));
    criteria(cat, tender, doc, lot)?;

    sub = sub.saturating_add(1);
    doc.heading(3, &format!("{n}.{sub} {}", cat.text("spec-h-model", &[])?));
    model(cat, tender, ch, doc, lot)?;

    sub = sub.saturating_add(1);
    doc.heading(3, &format!("{n}.{sub} {}", cat.text("spec-h-example", &[])?));
    example::render(cat, tender, lot, doc)
}

/// A weight as the award model expresses it.
/// A criterion's weight as the buyer wrote it; points also as their share of all the points, in
/// percent with the lot's decimals (rounded half up; exact whenever the share has as many decimals).
pub(crate) fn weight_text(
    cat: &Catalogue,
    award: &tender_core::AwardModel,
    w: Option<Weight>,
) -> Result<String, TextError> {
    let weighting = award.weighting;
    match (weighting, w) {
        (_, None) => Ok("–".to_owned()),
        (Weighting::Percent, Some(w)) if w.as_fraction().is_none() => cat.percent(w.decimal().unwrap_or_default()),
        (Weighting::Percent | Weighting::Normalised, Some(w)) if w.as_fraction().is_some() => {
            let decimals = award.rounding.decimals;
            let percent =
                share_percent(award, w).map_or_else(|| Ok("–".to_owned()), |p| cat.percent_fixed(p, decimals))?;
            t!(cat, "weight-fraction-share", "weight" => w.to_string(), "percent" => percent)
        }
        (Weighting::Order, Some(w)) => t!(cat, "weight-rank", "rank" => written_weight(cat, w)),
        (Weighting::Normalised, Some(w)) => {
            let decimals = award.rounding.decimals;
            let percent =
                share_percent(award, w).map_or_else(|| Ok("–".to_owned()), |p| cat.percent_fixed(p, decimals))?;
            t!(cat, "weight-points-share", "points" => written_weight(cat, w), "percent" => percent)
        }
        (_, Some(w)) => match share_percent(award, w) {
            Some(p) => {
                t!(cat, "weight-points-share", "points" => written_weight(cat, w), "percent" => cat.percent(p.normalize())?)
            }
            None => t!(cat, "weight-points", "points" => written_weight(cat, w)),
        },
    }
}

/// A weight as the buyer wrote it: a decimal in the language's notation (`12,5`), or a fraction
/// (`3/21`).
pub(crate) fn written_weight(cat: &Catalogue, w: Weight) -> String {
    match w.decimal() {
        Some(d) => cat.number(d),
        None => w.to_string(),
    }
}

/// A criterion's share of all the weights in percent, `w / Σ weights × 100`, computed exactly
/// and rounded half up to the lot's decimals (for display); `None` without a positive sum.
pub(crate) fn share_percent(award: &AwardModel, w: Weight) -> Option<Decimal> {
    let (sn, sd) = award.weight_sum()?;
    if sn <= 0 {
        return None;
    }
    let (wn, wd) = w.exact_parts();
    let share = Exact::new(wn, wd)
        .and_then(|w| w.checked_div(Exact::new(sn, sd)?))
        .and_then(|x| x.checked_mul(Exact::from_int(100)?))
        .ok()?;
    share.round(award.rounding.decimals, tender_core::award::RoundingStrategy::HalfUp).ok()
}

/// The weight a criterion carries in a formula (its maximum points): the weight as written where
/// it is a decimal that is not normalised (`40`); otherwise the exact weight it carries, shown
/// with the lot's decimals and marked `≈` where that rounds it (`≈14,29` for 100/7). A quality
/// criterion without a weight under the value-added model carries its money value.
pub(crate) fn carried_weight(cat: &Catalogue, award: &AwardModel, c: &Criterion) -> String {
    match c.weight {
        None => c.value.map_or_else(|| "0".to_owned(), |v| cat.number(v.get())),
        Some(w) => match w.decimal().filter(|_| award.weighting != Weighting::Normalised) {
            Some(d) => cat.number(d),
            None => shown_exact(cat, award, tender_score::weights::effective(award, c).unwrap_or(Exact::ZERO)),
        },
    }
}

/// An exact figure for the text: itself where it has at most the lot's decimals, else rounded
/// half up to them and marked `≈`.
fn shown_exact(cat: &Catalogue, award: &AwardModel, x: Exact) -> String {
    let decimals = award.rounding.decimals;
    if x.is_decimal_with(decimals) {
        cat.number(x.approx(decimals))
    } else {
        let rounded =
            x.round(decimals, tender_core::award::RoundingStrategy::HalfUp).unwrap_or_else(|_| x.approx(decimals));
        format!("≈{}", cat.fixed(rounded, decimals))
    }
}

fn scale_text(cat: &Catalogue, s: &Scale) -> Result<String, TextError> {
    match s.step {
        Some(step) if step.get() != Decimal::ONE => t!(cat, "scale-range-step",
            "min" => cat.number(s.min.get()), "max" => cat.number(s.max.get()), "step" => cat.number(step.get())),
        _ => t!(cat, "scale-range", "min" => cat.number(s.min.get()), "max" => cat.number(s.max.get())),
    }
}

fn criteria(cat: &Catalogue, tender: &Tender, doc: &mut Doc, lot: &Lot) -> Res {
    let lang = cat.lang();
    let award = &lot.award;
    let (basis, number) = words::award_basis(cat, award)?;
    doc.para(&t!(cat, "spec-criteria-intro",
        "basis" => basis, "number" => number, "weighting" => words::weighting(cat, award.weighting)?)?);
    let with_value = award.criteria.iter().any(|c| c.value.is_some());
    let mut header = ["th-number", "th-id", "th-criterion", "th-kind", "th-weight", "th-scale", "th-minimum-score"]
        .iter()
        .map(|k| cat.text(k, &[]))
        .collect::<Result<Vec<_>, _>>()?;
    if with_value {
        header.push(cat.text("th-value", &[])?);
    }
    let mut rows = Vec::new();
    for (i, c) in award.criteria.iter().enumerate() {
        let scale = if let Some(m) = &c.measure {
            t!(cat, "scale-measured", "unit" => cell(m.unit.get(lang)))?
        } else if c.sovereignty.is_some() {
            cat.text("scale-sovereignty", &[])?
        } else if c.kind == tender_core::CriterionKind::Quality {
            scale_text(cat, &award.scale_of(c))?
        } else {
            "–".to_owned()
        };
        let mut row = vec![
            i.saturating_add(1).to_string(),
            id(&c.id),
            cell(c.name.get(lang)),
            words::criterion_kind(cat, c.kind)?,
            weight_text(cat, award, c.weight)?,
            scale,
            c.minimum_score.map_or_else(|| "–".to_owned(), |m| cat.number(m.get())),
        ];
        if with_value {
            row.push(match c.value {
                Some(v) => cat.money(v.get(), &tender.currency)?,
                None => "–".to_owned(),
            });
        }
        rows.push(row);
        for (j, s) in c.sub_criteria.iter().enumerate() {
            let sub_scale = s.scale.as_ref().map_or_else(|| award.scale_of(c), |x| x.resolve());
            rows.push(vec![
                format!("{}.{}", i.saturating_add(1), j.saturating_add(1)),
                id(&s.id),
                cell(s.name.get(lang)),
                cat.text("criterion-kind-sub", &[])?,
                t!(cat, "weight-of-parent", "weight" => cat.percent(s.weight.get())?, "parent" => i.saturating_add(1).to_string())?,
                scale_text(cat, &sub_scale)?,
                "–".to_owned(),
            ]);
        }
    }
    doc.table(&header, &rows);
    let mut descriptions = Vec::new();
    for c in &award.criteria {
        if let Some(d) = &c.description {
            descriptions.push(t!(cat, "spec-criterion-description", "id" => id(&c.id), "text" => inline(d.get(lang)))?);
        } else if c.kind == tender_core::CriterionKind::Quality
            && c.sovereignty.is_none()
            && (c.sub_criteria.is_empty() || c.sub_criteria.iter().any(|s| s.description.is_none()))
        {
            // Never the name alone: say that the description is missing (`tender check` warns).
            descriptions.push(t!(cat, "spec-criterion-no-description",
                "id" => id(&c.id), "name" => inline(c.name.get(lang)))?);
        }
        for s in &c.sub_criteria {
            if let Some(d) = &s.description {
                descriptions
                    .push(t!(cat, "spec-criterion-description", "id" => id(&s.id), "text" => inline(d.get(lang)))?);
            }
        }
    }
    doc.bullets(&descriptions);
    if award.weighting == Weighting::Order {
        match &award.order_justification {
            Some(j) => doc.para(&t!(cat, "spec-order-justification", "text" => inline(j.get(lang)))?),
            None => doc.para(&cat.text("spec-order-no-justification", &[])?),
        }
    }
    Ok(())
}

/// The sum of the weights of the criteria that have one.
/// Normalised weights total 100; a sum of fractions that is no decimal is rounded half up to the
/// lot's decimals (for display).
pub(crate) fn total_weight(award: &AwardModel) -> Result<Decimal, TextError> {
    if award.weighting == Weighting::Normalised {
        return Ok(Decimal::ONE_HUNDRED);
    }
    let weights: Vec<Weight> = award.criteria.iter().filter_map(|c| c.weight).collect();
    if let Some(ds) = weights.iter().map(|w| w.decimal()).collect::<Option<Vec<Decimal>>>() {
        return crate::checked::sum(ds, "total weight of the criteria");
    }
    let what = "total weight of the criteria";
    let (n, d) = Weight::exact_sum(weights).ok_or(TextError::Overflow { what })?;
    Exact::new(n, d)
        .and_then(|x| x.round(award.rounding.decimals, tender_core::award::RoundingStrategy::HalfUp))
        .map_err(|_| TextError::Overflow { what })
}

fn model(cat: &Catalogue, tender: &Tender, ch: &Chapters, doc: &mut Doc, lot: &Lot) -> Res {
    let award = &lot.award;
    if award.weighting == Weighting::Order {
        doc.para(&cat.text("model-order-only", &[])?);
        return Ok(());
    }
    // How bids are compared, and how many are awarded.
    let compare = match &award.price_model {
        PriceModel::PricePerQualityPoint { .. } => "model-compare-ppqp",
        PriceModel::ValueAdded { .. } | PriceModel::PercentAdjustment { .. } => "model-compare-evaluation-price",
        _ => "model-compare-total",
    };
    doc.para(&cat.text(compare, &[])?);
    doc.para(&cat.text("model-suppliers", &[("count", lot.suppliers_to_award.into())])?);
    if award.price_model.is_points_model() {
        let max = total_weight(award)?;
        let key = match award.weighting {
            Weighting::Points => "model-max-points",
            _ => "model-max-percent",
        };
        if award.weighting != Weighting::Normalised {
            doc.para(&t!(cat, key, "max" => cat.number(max))?);
        } else if let Some((n, d)) = award.weight_sum() {
            let sum = match Decimal::try_from_i128_with_scale(n, 0) {
                Ok(whole) if d == 1 => cat.number(whole),
                _ => format!("{n}/{d}"),
            };
            doc.para(&t!(cat, "model-normalised", "sum" => sum, "decimals" => award.rounding.decimals)?);
        }
    }

    // The price.
    doc.para(&price_basis(cat, tender, award)?);
    if award.price_basis.kind == PriceBasisKind::Basket {
        basket_table(cat, award, doc)?;
    }
    if award.has_components() {
        components_text(cat, tender, award, doc)?;
    } else {
        doc.para(&price_model_text(cat, tender, award)?);
    }
    price_formulas(cat, tender, lot, doc)?;
    if award.price_model.depends_on_other_bids() {
        let key = if award.price_model.is_points_model() {
            "model-relative-warning"
        } else {
            "model-relative-warning-corridor"
        };
        doc.para(&cat.text(key, &[])?);
    }
    if let PriceModel::FixedSpan { low, .. } = &award.price_model
        && !low.is_zero()
    {
        doc.para(&t!(cat, "model-fixed-span-floor", "low" => cat.money(low.get(), &tender.currency)?)?);
    }

    // The formula.
    doc.para(&cat.text("model-formula-intro", &[])?);
    let (lines, legend) = formula(cat, award)?;
    doc.code_block(&lines);
    doc.bullets(&legend);
    if award.relative_total {
        doc.para(&t!(cat, "model-relative-total", "max" => maximum_points(cat, award)?)?);
    }

    // Quality.
    quality_text(cat, ch, doc, lot)?;

    // Rounding.
    let r = award.rounding;
    doc.para(&t!(cat, "model-rounding",
        "step" => words::rounding_step(cat, r.at)?,
        "strategy" => words::rounding_strategy(cat, r.strategy)?,
        "decimals" => r.decimals)?);
    if !r.steps.is_empty() {
        doc.para(&cat.text("model-rounding-steps", &[])?);
        let mut items = Vec::new();
        for rule in r.steps.iter() {
            items.push(t!(cat, "model-rounding-step",
                "step" => words::rounding_step_name(cat, rule.step)?,
                "decimals" => rule.decimals,
                "strategy" => words::rounding_strategy(cat, rule.strategy.unwrap_or(r.strategy))?)?);
        }
        doc.bullets(&items);
    }

    // Ties.
    if award.tie_break.is_empty() {
        doc.para(&cat.text("model-tie-none", &[])?);
    } else {
        doc.para(&cat.text("model-tie-intro", &[])?);
        let rules = award.tie_break.iter().map(|r| words::tie_break(cat, lot, r)).collect::<Result<Vec<_>, _>>()?;
        doc.numbered(&rules);
    }
    Ok(())
}

/// The price basket's lines: item, unit, the quantity the buyer expects and, where the lines are
/// weighted, each line's weight.
fn basket_table(cat: &Catalogue, award: &AwardModel, doc: &mut Doc) -> Result<(), TextError> {
    let weighted = award.basket.iter().any(|l| l.weight.is_some());
    let mut header = vec![
        cat.text("basket-col-line", &[])?,
        cat.text("basket-col-item", &[])?,
        cat.text("basket-col-unit", &[])?,
        cat.text("basket-col-quantity", &[])?,
    ];
    if weighted {
        header.push(cat.text("basket-col-weight", &[])?);
    }
    let mut rows = Vec::with_capacity(award.basket.len());
    for l in &award.basket {
        let lang = cat.lang();
        let mut row = vec![id(&l.id), cell(l.item.get(lang)), cell(l.unit.get(lang)), cat.number(l.quantity.get())];
        if weighted {
            row.push(match l.weight {
                Some(w) => cat.percent(w.get())?,
                None => String::new(),
            });
        }
        rows.push(row);
    }
    doc.table(&header, &rows);
    Ok(())
}

fn price_basis(cat: &Catalogue, tender: &Tender, award: &AwardModel) -> Result<String, TextError> {
    let basis = award.price_basis;
    let options: Vec<String> = tender.contract.options.iter().map(|o| id(&o.id)).collect();
    let options_text = if options.is_empty() {
        String::new()
    } else if basis.include_options {
        t!(cat, "model-options-included", "options" => cat.list(&options)?)?
    } else {
        t!(cat, "model-options-excluded", "options" => cat.list(&options)?)?
    };
    let main = match basis.kind {
        PriceBasisKind::Total => cat.text("model-basis-total", &[])?,
        PriceBasisKind::Basket => {
            let key = if award.basket.iter().any(|l| l.weight.is_some()) {
                "model-basis-basket-weighted"
            } else {
                "model-basis-basket"
            };
            cat.text(key, &[("lines", award.basket.len().into())])?
        }
        PriceBasisKind::LifeCycleCost => {
            const WHAT: &str = "contract period with options";
            let extension: u32 = if basis.include_options {
                crate::checked::sum_u32(tender.contract.options.iter().filter_map(|o| o.extension_months), WHAT)?
            } else {
                0
            };
            let months = crate::checked::sum_u32([tender.contract.duration_months, extension], WHAT)?;
            cat.text(
                "model-basis-lcc",
                &[
                    ("months", months.into()),
                    ("contract", tender.contract.duration_months.into()),
                    ("extension", extension.into()),
                ],
            )?
        }
    };
    Ok(if options_text.is_empty() { main } else { format!("{main} {options_text}") })
}

fn price_model_text(cat: &Catalogue, tender: &Tender, award: &AwardModel) -> Result<String, TextError> {
    let max = award.price_criterion().map_or_else(|| "0".to_owned(), |c| carried_weight(cat, award, c));
    model_text(cat, tender, &award.price_model, max)
}

/// The price components and, for each price criterion, the components it scores and its model.
fn components_text(cat: &Catalogue, tender: &Tender, award: &AwardModel, doc: &mut Doc) -> Res {
    let lang = cat.lang();
    doc.para(&cat.text("model-components-intro", &[])?);
    let header = vec![cat.text("components-col-id", &[])?, cat.text("components-col-name", &[])?];
    let rows: Vec<Vec<String>> = award
        .price_components
        .iter()
        .map(|c| {
            let name = match &c.description {
                Some(d) => format!("{}: {}", c.name.get(lang), d.get(lang)),
                None => c.name.get(lang).to_owned(),
            };
            vec![id(&c.id), cell(&name)]
        })
        .collect();
    doc.table(&header, &rows);
    for c in award.price_criteria() {
        let max = carried_weight(cat, award, c);
        let components: Vec<String> = c.components.iter().map(id).collect();
        let intro = t!(cat, "model-components-criterion",
            "criterion" => format!("{} ({})", id(&c.id), inline(c.name.get(lang))),
            "components" => cat.list(&components)?, "count" => components.len())?;
        doc.para(&format!("{intro} {}", model_text(cat, tender, award.model_of(c), max)?));
    }
    Ok(())
}

/// A price model in words, for a price criterion of `max` points.
fn model_text(cat: &Catalogue, tender: &Tender, model: &PriceModel, max: String) -> Result<String, TextError> {
    let name = words::price_model(cat, model)?;
    match model {
        PriceModel::Proportional => t!(cat, "model-price-proportional", "name" => name, "max" => max),
        PriceModel::LinearSlope { slope } => {
            t!(cat, "model-price-linear-slope", "name" => name, "max" => max, "slope" => cat.percent(slope.get())?)
        }
        PriceModel::LinearFromLowest { floor_at_zero } => t!(cat,
            if *floor_at_zero { "model-price-linear-from-lowest-floored" } else { "model-price-linear-from-lowest" },
            "name" => name, "max" => max),
        PriceModel::MinMax => t!(cat, "model-price-min-max", "name" => name, "max" => max),
        PriceModel::FixedSpan { low, high } => t!(cat, "model-price-fixed-span", "name" => name, "max" => max,
            "low" => cat.money(low.get(), &tender.currency)?, "high" => cat.money(high.get(), &tender.currency)?),
        PriceModel::Logarithmic { zero_at } => {
            t!(cat, "model-price-logarithmic", "name" => name, "max" => max, "zero_at" => cat.percent(zero_at.get())?)
        }
        PriceModel::PricePerQualityPoint { corridor: None, .. } => t!(cat, "model-price-ppqp", "name" => name),
        PriceModel::PricePerQualityPoint { corridor: Some(c), decision } => t!(cat, "model-price-ppqp-corridor",
            "name" => name, "corridor" => cat.percent(c.get())?,
            "decision" => cat.text(match decision {
                CorridorDecision::HigherQuality => "corridor-higher-quality",
                CorridorDecision::LowerPrice => "corridor-lower-price",
            }, &[])?),
        PriceModel::ValueAdded { mode } => t!(cat, match mode {
            AdjustMode::Deduction => "model-price-value-added-deduction",
            AdjustMode::Markup => "model-price-value-added-markup",
        }, "name" => name),
        PriceModel::PercentAdjustment { mode, max_percent } => t!(cat, match mode {
            AdjustMode::Deduction => "model-price-percent-deduction",
            AdjustMode::Markup => "model-price-percent-markup",
        }, "name" => name, "percent" => cat.percent(max_percent.get())?),
        PriceModel::Formula { .. } => t!(cat, "model-price-formula", "name" => name, "max" => max),
    }
}

/// A price formula's text, legend and worked example, for each price criterion scored by one.
fn price_formulas(cat: &Catalogue, tender: &Tender, lot: &Lot, doc: &mut Doc) -> Res {
    for c in lot.award.price_criteria() {
        if let PriceModel::Formula { formula, constants } = lot.award.model_of(c) {
            crate::measured::price_formula(cat, tender, lot, c, formula, constants, doc)?;
        }
    }
    Ok(())
}

/// The formula lines (literal, for a code block) and their legend.
fn formula(cat: &Catalogue, award: &AwardModel) -> Result<(Vec<String>, Vec<String>), TextError> {
    let mut lines = Vec::new();
    let mut legend: Vec<&'static str> = Vec::new();
    // A price formula names the price in words, explained with the formula as written.
    let custom = |m: &PriceModel| matches!(m, PriceModel::Formula { .. });
    let all_custom = award.price_criteria().all(|c| custom(award.model_of(c)));
    if !award.price_model.is_points_model() || (award.price_criterion().is_some() && !all_custom) {
        legend.push("legend-p");
    }
    // A formula reads in words: each criterion by its name; its id is a reference elsewhere.
    let plain = |i: &Id| formula_name(cat, award, i);
    // Price: one line per price criterion (several where they score price components).
    let price_vars: Vec<String> = award.price_criteria().map(|c| plain(&c.id)).collect();
    if award.price_model.is_points_model() {
        for c in award.price_criteria() {
            let max = carried_weight(cat, award, c);
            let model = award.model_of(c);
            if let Some(l) = price_line(cat, model, plain(&c.id), max)? {
                lines.push(l);
            }
            if !custom(model) {
                legend.push("legend-p");
            }
            match model {
                PriceModel::FixedSpan { .. } => {}
                // The formula's names are explained with the formula as written.
                PriceModel::Formula { .. } => {}
                PriceModel::MinMax => {
                    legend.push("legend-pmin");
                    legend.push("legend-pmax");
                }
                _ => legend.push("legend-pmin"),
            }
        }
    }
    formula_rest(cat, award, lines, legend, price_vars)
}

/// A criterion's or sub-criterion's name as a formula's variable (its id where it has none).
fn formula_name(cat: &Catalogue, award: &AwardModel, i: &Id) -> String {
    let lang = cat.lang();
    award
        .criteria
        .iter()
        .find_map(|c| {
            if &c.id == i {
                Some(c.name.get(lang))
            } else {
                c.sub_criteria.iter().find(|s| &s.id == i).map(|s| s.name.get(lang))
            }
        })
        .map_or_else(|| i.as_str().to_owned(), str::to_owned)
}

/// The price line of a points model, `PRICE = 40 × Pmin / P`.
fn price_line(
    cat: &Catalogue,
    model: &PriceModel,
    price_var: String,
    max: String,
) -> Result<Option<String>, TextError> {
    Ok(match model {
        PriceModel::Proportional => {
            Some(t!(cat, "formula-proportional", "id" => price_var.clone(), "max" => max.clone())?)
        }
        PriceModel::LinearSlope { slope } => Some(t!(cat, "formula-linear-slope", "id" => price_var.clone(),
            "max" => max.clone(), "slope" => cat.percent(slope.get())?)?),
        PriceModel::LinearFromLowest { floor_at_zero } => Some(t!(cat,
            if *floor_at_zero { "formula-linear-from-lowest-floored" } else { "formula-linear-from-lowest" },
            "id" => price_var.clone(), "max" => max.clone())?),
        PriceModel::MinMax => Some(t!(cat, "formula-min-max", "id" => price_var.clone(), "max" => max.clone())?),
        PriceModel::FixedSpan { low, high } => Some(t!(cat, "formula-fixed-span", "id" => price_var.clone(),
            "max" => max.clone(), "low" => cat.number(low.get()), "high" => cat.number(high.get()))?),
        PriceModel::Logarithmic { zero_at } => {
            const WHAT: &str = "base of the logarithmic price model";
            let base = crate::checked::add(
                Decimal::ONE,
                crate::checked::div(zero_at.get(), Decimal::ONE_HUNDRED, WHAT)?,
                WHAT,
            )?;
            Some(
                t!(cat, "formula-logarithmic", "id" => price_var.clone(), "max" => max.clone(), "base" => cat.number(base))?,
            )
        }
        PriceModel::Formula { formula, .. } => {
            let text = crate::measured::written(cat, formula).unwrap_or_else(|| formula.clone());
            Some(t!(cat, "formula-price-custom", "id" => price_var.clone(), "formula" => text)?)
        }
        _ => None,
    })
}

/// The quality lines and the comparison figure's line of [`formula`].
fn formula_rest(
    cat: &Catalogue,
    award: &AwardModel,
    mut lines: Vec<String>,
    mut legend: Vec<&'static str>,
    price_vars: Vec<String>,
) -> Result<(Vec<String>, Vec<String>), TextError> {
    let plain = |i: &Id| formula_name(cat, award, i);
    // Quality.
    let mut quality_terms = Vec::new();
    for c in award.quality_criteria() {
        let w = carried_weight(cat, award, c);
        quality_terms.push(plain(&c.id));
        if let Some(m) = &c.measure {
            lines.push(crate::measured::formula_line(cat, award, c, m, &plain(&c.id), &w)?);
            legend.push("legend-measured");
        } else if c.sovereignty.is_some() {
            lines.push(t!(cat, "formula-sovereignty", "id" => plain(&c.id), "weight" => w)?);
            legend.push("legend-sovereignty");
        } else if c.sub_criteria.is_empty() {
            let scale = award.scale_of(c);
            lines.push(
                t!(cat, "formula-marks", "id" => plain(&c.id), "weight" => w, "max" => cat.number(scale.max.get()))?,
            );
            legend.push("legend-score");
        } else {
            let parent = award.scale_of(c);
            let terms = c
                .sub_criteria
                .iter()
                .map(|s| {
                    let scale = s.scale.as_ref().map_or_else(|| parent.clone(), |x| x.resolve());
                    t!(cat, "formula-sub-term", "id" => plain(&s.id), "weight" => cat.percent(s.weight.get())?,
                        "max" => cat.number(scale.max.get()))
                })
                .collect::<Result<Vec<_>, _>>()?;
            lines.push(t!(cat, "formula-sub", "id" => plain(&c.id), "weight" => w, "terms" => terms.join(" + "))?);
            legend.push("legend-score-named");
        }
    }
    // The comparison figure.
    let q_sum = if quality_terms.is_empty() { "0".to_owned() } else { quality_terms.join(" + ") };
    match &award.price_model {
        PriceModel::PricePerQualityPoint { .. } => {
            lines.push(t!(cat, "formula-quality-sum", "terms" => q_sum)?);
            lines.push(cat.text("formula-ppqp", &[])?);
            legend.push("legend-p");
            legend.push("legend-q");
        }
        PriceModel::ValueAdded { mode } => {
            let parts = award
                .quality_criteria()
                .map(|c| {
                    let value = c.value.map_or_else(|| "0".to_owned(), |v| cat.number(v.get()));
                    let scale = award.scale_of(c);
                    t!(cat, match mode {
                        AdjustMode::Deduction => "formula-value-term-deduction",
                        AdjustMode::Markup => "formula-value-term-markup",
                    }, "id" => plain(&c.id), "value" => value, "max" => cat.number(scale.max.get()))
                })
                .collect::<Result<Vec<_>, _>>()?;
            let sign = match mode {
                AdjustMode::Deduction => " − ",
                AdjustMode::Markup => " + ",
            };
            let terms = if parts.is_empty() { String::new() } else { format!("{sign}{}", parts.join(sign)) };
            lines.push(t!(cat, "formula-value-added", "terms" => terms)?);
            legend.push("legend-p");
            legend.push("legend-score-named");
        }
        PriceModel::PercentAdjustment { mode, max_percent } => {
            lines.push(t!(cat, "formula-quality-sum", "terms" => q_sum)?);
            lines.push(t!(cat, match mode {
                AdjustMode::Deduction => "formula-percent-deduction",
                AdjustMode::Markup => "formula-percent-markup",
            }, "percent" => cat.percent(max_percent.get())?, "qmax" => total_quality_weight(cat, award)?)?);
            legend.push("legend-p");
            legend.push("legend-q");
        }
        _ => {
            let mut terms = price_vars;
            terms.extend(quality_terms);
            lines.push(
                t!(cat, "formula-total", "terms" => if terms.is_empty() { "0".to_owned() } else { terms.join(" + ") })?,
            );
        }
    }
    let mut seen = BTreeSet::new();
    legend.retain(|k| seen.insert(*k));
    let legend = legend.into_iter().map(|k| cat.text(k, &[])).collect::<Result<Vec<_>, _>>()?;
    Ok((lines, legend))
}

/// The maximum points: the sum of the weighted criteria's effective weights (100 under percent
/// weighting), as the scoring makes the best total under `relative_total`.
fn maximum_points(cat: &Catalogue, award: &AwardModel) -> Result<String, TextError> {
    let mut sum = Exact::ZERO;
    for c in award.criteria.iter().filter(|c| c.weight.is_some()) {
        sum = tender_score::weights::effective(award, c)
            .and_then(|w| sum.checked_add(w))
            .map_err(|_| TextError::Overflow { what: "maximum points" })?;
    }
    Ok(shown_exact(cat, award, sum))
}

/// The maximum quality points: the sum of the quality criteria's weights (or values).
fn total_quality_weight(cat: &Catalogue, award: &AwardModel) -> Result<String, TextError> {
    let mut sum = Exact::ZERO;
    for c in award.quality_criteria() {
        sum = tender_score::weights::effective(award, c)
            .and_then(|w| sum.checked_add(w))
            .map_err(|_| TextError::Overflow { what: "maximum quality points" })?;
    }
    Ok(shown_exact(cat, award, sum))
}

fn quality_text(cat: &Catalogue, ch: &Chapters, doc: &mut Doc, lot: &Lot) -> Res {
    let lang = cat.lang();
    let award = &lot.award;
    let scored: Vec<&Criterion> =
        award.quality_criteria().filter(|c| c.sovereignty.is_none() && c.measure.is_none()).collect();
    if !scored.is_empty() {
        let scale = award.scale.resolve();
        doc.para(&t!(cat, "model-scale", "scale" => scale_text(cat, &scale)?)?);
        scale_descriptors(cat, doc, &scale)?;
        for c in &scored {
            if let Some(s) = &c.scale {
                let s = s.resolve();
                if !s.descriptors.is_empty() {
                    doc.para(&t!(cat, "model-scale-own", "criterion" => id(&c.id), "scale" => scale_text(cat, &s)?)?);
                    scale_descriptors(cat, doc, &s)?;
                }
            }
        }
        let q = award.quality;
        doc.para(&t!(cat, "model-aggregation", "aggregation" => words::aggregation(cat, q.aggregation)?)?);
        match q.relative {
            Some(tender_core::award::RelativeQuality::PerCriterion) => {
                doc.para(&cat.text("model-quality-relative-criterion", &[])?);
            }
            Some(tender_core::award::RelativeQuality::QualityTotal) => {
                doc.para(&cat.text("model-quality-relative-total", &[])?);
            }
            None => {}
        }
        doc.para(&t!(cat, "model-disagreement", "spread" => cat.percent(q.disagreement_spread.get())?)?);
    }
    for c in award.quality_criteria() {
        if let Some(m) = &c.measure {
            crate::measured::describe(cat, award, c, m, doc)?;
        }
    }
    for c in award.quality_criteria().filter(|c| c.sovereignty.is_some()) {
        let chapter = ch.objectives.map(|n| n.to_string()).unwrap_or_default();
        doc.para(&t!(cat, "model-sovereignty", "criterion" => id(&c.id), "chapter" => chapter)?);
        if let Some(decimals) = c.sovereignty.as_ref().and_then(|s| s.answer_decimals) {
            doc.para(&t!(cat, "model-sovereignty-answer-rounding", "decimals" => decimals)?);
        }
    }
    // Thresholds before price (C-546/16 Montte).
    let mut thresholds = Vec::new();
    for c in award.quality_criteria() {
        if let Some(m) = c.minimum_score {
            // A criterion weighing 0 is a threshold only: it gates, and gives no points.
            let key = if c.weight.is_some_and(Weight::is_zero) {
                "model-threshold-only"
            } else {
                "model-threshold-criterion"
            };
            thresholds.push(t!(cat, key,
                "criterion" => format!("{} ({})", id(&c.id), inline(c.name.get(lang))), "minimum" => cat.number(m.get()))?);
        }
    }
    if let Some(m) = award.quality.minimum_total {
        thresholds.push(t!(cat, "model-threshold-total", "minimum" => cat.percent(m.get())?)?);
    }
    if let Some(n) = award.quality.max_pass {
        thresholds.push(cat.text("model-threshold-max-pass", &[("count", n.into())])?);
    }
    if !thresholds.is_empty() {
        doc.para(&cat.text("model-thresholds-intro", &[])?);
        doc.bullets(&thresholds);
    }
    Ok(())
}

fn scale_descriptors(cat: &Catalogue, doc: &mut Doc, scale: &Scale) -> Res {
    if scale.descriptors.is_empty() {
        return Ok(());
    }
    let header = vec![cat.text("th-score", &[])?, cat.text("th-descriptor", &[])?];
    let rows: Vec<Vec<String>> =
        scale.descriptors.iter().map(|d| vec![cat.number(d.score.get()), cell(d.label.get(cat.lang()))]).collect();
    doc.table(&header, &rows);
    Ok(())
}

fn seal_chapter(cat: &Catalogue, tender: &Tender, doc: &mut Doc, n: u32) -> Res {
    doc.heading(2, &format!("{n}. {}", cat.text("spec-h-seal", &[])?));
    doc.para(&cat.text("seal-intro", &[])?);
    doc.para(&cat.text("seal-aggregation", &[])?);
    let header = vec![cat.text("th-level", &[])?, cat.text("th-name", &[])?, cat.text("th-definition", &[])?];
    let mut rows = Vec::new();
    for s in Seal::ALL.iter().rev() {
        rows.push(vec![s.to_string(), words::seal_name(cat, *s)?, words::seal_definition(cat, *s)?]);
    }
    doc.table(&header, &rows);
    // The minimums the tender sets.
    let mut rows = Vec::new();
    for (lot, r) in all_requirements(tender) {
        let Some(s) = &r.sovereignty else { continue };
        let scope = match lot {
            Some(l) => t!(cat, "seal-scope-lot", "lot" => id(&l.id))?,
            None if !r.lots.is_empty() => {
                let lots: Vec<String> = r.lots.iter().map(id).collect();
                t!(cat, "seal-scope-lots", "lots" => cat.list(&lots)?, "count" => lots.len())?
            }
            None => cat.text("seal-scope-all", &[])?,
        };
        let mut push = |what: String, seal: Seal| -> Res {
            rows.push(vec![id(&r.id), words::severity(cat, r.severity)?, scope.clone(), what, words::seal(cat, seal)?]);
            Ok(())
        };
        if let Some(each) = s.minimum_each {
            push(cat.text("seal-each-objective", &[])?, each)?;
        }
        for o in Objective::ALL {
            if let Some(&specific) = s.minimum_per_objective.get(&o)
                && s.minimum_each.is_none_or(|e| e < specific)
            {
                push(words::objective(cat, o)?, specific)?;
            }
        }
        if let Some(overall) = s.minimum_overall {
            push(cat.text("seal-overall", &[])?, overall)?;
        }
    }
    if rows.is_empty() {
        doc.para(&cat.text("seal-no-minimum", &[])?);
    } else {
        doc.para(&cat.text("seal-minimums-intro", &[])?);
        let header = ["th-requirement", "th-severity", "th-applies-to", "th-objective", "th-minimum-seal"]
            .iter()
            .map(|k| cat.text(k, &[]))
            .collect::<Result<Vec<_>, _>>()?;
        doc.table(&header, &rows);
    }
    Ok(())
}

fn objectives_chapter(cat: &Catalogue, tender: &Tender, ch: &Chapters, doc: &mut Doc, n: u32) -> Res {
    doc.heading(2, &format!("{n}. {}", cat.text("spec-h-objectives", &[])?));
    doc.para(&cat.text("objectives-intro", &[])?);
    // Distinct weight sets, each with the criteria using it.
    let mut sets: Vec<(&ObjectiveWeights, Vec<String>)> = Vec::new();
    for lot in &tender.lots {
        for c in &lot.award.criteria {
            let Some(s) = &c.sovereignty else { continue };
            match sets.iter_mut().find(|(w, _)| *w == &s.weights) {
                Some((_, cs)) => cs.push(id(&c.id)),
                None => sets.push((&s.weights, vec![id(&c.id)])),
            }
        }
    }
    let mut header = vec![cat.text("th-objective", &[])?, cat.text("th-name", &[])?];
    for (_, criteria) in &sets {
        header.push(t!(cat, "th-weight-in", "criteria" => cat.list(criteria)?)?);
    }
    let mut rows = Vec::new();
    for o in Objective::ALL {
        let mut row = vec![o.to_string(), words::objective_name(cat, o)?];
        for (w, _) in &sets {
            row.push(cat.percent(w.weight(o).get())?);
        }
        rows.push(row);
    }
    doc.table(&header, &rows);
    if sets.is_empty() {
        doc.para(&cat.text("objectives-not-scored", &[])?);
    }
    for (w, criteria) in &sets {
        let source = match w {
            ObjectiveWeights::Preset(WeightPreset::CsfV121) => cat.text("weights-source-csf-v1-2-1", &[])?,
            ObjectiveWeights::Preset(WeightPreset::Calculator2026) => {
                cat.text("weights-source-calculator-2026", &[])?
            }
            ObjectiveWeights::Custom(map) => {
                let sum = crate::checked::sum(map.values().map(|p| p.get()), "sum of the objective weights")?;
                t!(cat, "weights-source-custom", "sum" => cat.percent(sum)?)?
            }
        };
        doc.para(&t!(cat, "objectives-weights-source", "criteria" => cat.list(criteria)?, "source" => source)?);
    }
    if !sets.is_empty() {
        doc.para(&cat.text("objectives-score", &[])?);
    }
    if let Some(seal) = ch.seal {
        doc.para(&t!(cat, "objectives-seal-independent", "chapter" => seal.to_string())?);
    }
    Ok(())
}

fn standards_chapter(cat: &Catalogue, tender: &Tender, doc: &mut Doc, n: u32) -> Res {
    doc.heading(2, &format!("{n}. {}", cat.text("spec-h-standards", &[])?));
    doc.para(&cat.text("standards-intro", &[])?);
    let header = ["th-id", "th-standard", "th-version", "th-body", "th-required-by"]
        .iter()
        .map(|k| cat.text(k, &[]))
        .collect::<Result<Vec<_>, _>>()?;
    let mut rows = Vec::new();
    for (s, by) in standards_used(tender) {
        let by = cat.list(&by.iter().map(id).collect::<Vec<_>>())?;
        rows.push(match tender.standard(&s) {
            Some(st) => vec![id(&s), cell(st.name.get(cat.lang())), cell(&st.version), cell(&st.body), by],
            None => vec![id(&s), cat.text("standard-not-in-catalogue", &[])?, "–".to_owned(), "–".to_owned(), by],
        });
    }
    doc.table(&header, &rows);
    Ok(())
}
