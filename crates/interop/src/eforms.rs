//! eForms export: the award criteria of each lot (BG-707) as the UBL XML eForms notices carry.
//!
//! The output is a **fragment** for a notice: its root element is a `ContractNotice` that only
//! declares the namespaces and holds one `cac:ProcurementProjectLot` per lot, so the SDK's XPaths
//! (`/*/cac:ProcurementProjectLot[cbc:ID/@schemeName='Lot']/cac:TenderingTerms/cac:AwardingTerms/
//! cac:AwardingCriterion`) resolve on it. Copy each lot's `cac:AwardingTerms` into the notice.
//! Namespaces and element order follow the SDK example `examples/notices/cn_24_FRA_comments.xml`.
//!
//! | Model | eForms |
//! |---|---|
//! | lot, by position | `cbc:ID schemeName="Lot"`: `LOT-0001`, `LOT-0002`, … (the SDK's pattern `LOT-\d{4}`) |
//! | lot `id` | BT-22 `cac:ProcurementProject/cbc:ID schemeName="InternalID"` |
//! | lot `title` | BT-21 `cac:ProcurementProject/cbc:Name` |
//! | criterion `kind` | BT-539 `cbc:AwardingCriterionTypeCode listName="award-criterion-type"` |
//! | criterion `name` | BT-734 `cbc:Name` |
//! | criterion `description` (+ sub-criteria) | BT-540 `cbc:Description` |
//! | weight, `minimum_score`, `max_pass` | BT-541 `efbc:ParameterNumeric` with BT-5421/BT-5423 `efbc:ParameterCode` |
//! | formula models | BT-543 `cbc:CalculationExpression` on `cac:AwardingCriterion` |
//! | `order_justification` | BT-733 `cbc:Description` on `cac:AwardingCriterion` |
//!
//! Texts are written once per notice language with `languageID` (see [`crate::lang`]): the
//! languages of [`EformsOptions`], by default the tender's. How the numbers are chosen, and what
//! cannot be expressed, is in the private `criteria` module; its rules are repeated in the
//! [crate documentation](crate).
//!
//! **Merging.** Copy each lot's `cac:AwardingTerms` into the notice's `cac:ProcurementProjectLot`
//! with the same `cbc:ID`: lots are numbered by position, `LOT-0001` being the tender's first lot
//! (the tender's own lot id is BT-22). A complete notice is [`crate::eforms_notice`].

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use tender_core::{Language, Tender};

use crate::criteria::{self, CriterionNumber, LotCriteria, NumberRole, Texts};
use crate::error::{ExportError, ExportProblem, Exported};
use crate::lang::eforms_language;

/// The UBL and eForms namespaces, with the prefixes the SDK examples use.
pub const NAMESPACES: [(&str, &str); 7] = [
    ("xmlns", "urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2"),
    ("xmlns:cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"),
    ("xmlns:cbc", "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"),
    ("xmlns:ext", "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"),
    ("xmlns:efac", "http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1"),
    ("xmlns:efbc", "http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1"),
    ("xmlns:efext", "http://data.europa.eu/p27/eforms-ubl-extensions/1"),
];

/// What the eForms export needs beyond the tender.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EformsOptions {
    /// The notice's languages, in order (ISO 639-1, e.g. `en`): every text is written in each
    /// and in no other. Each must be a language the tender has its texts in. Defaults to the
    /// tender's languages.
    pub languages: Option<Vec<Language>>,
}

impl EformsOptions {
    /// The languages to write: the options', else the tender's.
    pub fn languages(&self, tender: &Tender) -> Vec<Language> {
        self.languages.clone().unwrap_or_else(|| tender.languages.clone())
    }
}

/// Checks the notice languages: each has an eForms code, is a tender language, and appears once.
pub(crate) fn check_languages(tender: &Tender, languages: &[Language], problems: &mut Vec<ExportProblem>) {
    let path = |i: usize| {
        if languages == tender.languages.as_slice() { format!("languages[{i}]") } else { "languages".to_owned() }
    };
    for (i, lang) in languages.iter().enumerate() {
        if eforms_language(lang.as_str()).is_none() {
            problems.push(ExportProblem::new(
                path(i),
                format!("eForms has no language code for `{lang}`"),
                "use the ISO 639-1 code of an official EU language, e.g. `da` or `en`",
            ));
        } else if !tender.languages.contains(lang) {
            let list: Vec<&str> = tender.languages.iter().map(Language::as_str).collect();
            problems.push(ExportProblem::new(
                "languages",
                format!("the notice is to be in `{lang}`, but the tender's texts are in {}", list.join(", ")),
                format!("export in the tender's languages, or add `{lang}` to `languages` with every text in it"),
            ));
        }
        if languages[..i].contains(lang) {
            problems.push(ExportProblem::new(path(i), format!("`{lang}` is given twice"), "name each language once"));
        }
    }
    if languages.is_empty() {
        problems.push(ExportProblem::new(
            "languages",
            "no notice language is given",
            "give at least one language, e.g. `en`",
        ));
    }
}

/// The award criteria of every lot as an eForms UBL fragment (see the [module](self) docs), in
/// the notice's languages, with the warnings found (a criterion without a description, a
/// threshold eForms cannot say).
///
/// # Errors
/// [`ExportError::Invalid`] with every problem found: a rule of the eForms SDK the tender breaks
/// (percentage weights not summing to 100, order of importance on only some criteria or without
/// a justification, a text missing in a notice language or longer than the field allows, a
/// formula model whose method is not described), or a notice language eForms has no code for or
/// the tender has no texts in.
pub fn eforms_award_criteria(tender: &Tender, options: &EformsOptions) -> Result<Exported<String>, ExportError> {
    let languages = options.languages(tender);
    let (lots, warnings) = plan(tender, &languages)?;
    Ok(Exported { output: write(tender, &languages, &lots)?, warnings })
}

/// The checked plan of every lot's criteria in the notice languages.
pub(crate) fn plan<'t>(
    tender: &'t Tender,
    languages: &[Language],
) -> Result<(Vec<LotCriteria<'t>>, Vec<ExportProblem>), ExportError> {
    let mut problems = Vec::new();
    check_languages(tender, languages, &mut problems);
    if languages.iter().any(|l| !tender.languages.contains(l)) {
        // Every text would be missing in a language the tender does not have: say it once.
        return Err(ExportError::Invalid { format: "eForms", problems });
    }
    match criteria::plan(tender, criteria::Target::EForms, languages) {
        Ok(plan) if problems.is_empty() => return Ok((plan.lots, plan.warnings)),
        Ok(_) => {}
        Err(found) => problems.extend(found),
    }
    Err(ExportError::Invalid { format: "eForms", problems })
}

fn write(tender: &Tender, languages: &[Language], lots: &[LotCriteria<'_>]) -> io::Result<String> {
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let codes: Vec<&str> = languages.iter().filter_map(|l| eforms_language(l.as_str())).collect();
    let comment = format!(
        " eForms award criteria (BG-707) of tender {}, texts in {}: a fragment to merge into a notice in these languages ",
        tender.id.as_str().replace("--", "- -"),
        codes.join(", ")
    );
    w.write_event(Event::Comment(BytesText::new(&comment)))?;
    w.write_event(Event::Start(BytesStart::new("ContractNotice").with_attributes(NAMESPACES)))?;
    for (index, lot) in lots.iter().enumerate() {
        write_lot(&mut w, index, lot)?;
    }
    w.write_event(Event::End(BytesEnd::new("ContractNotice")))?;
    let mut bytes = w.into_inner();
    bytes.push(b'\n');
    String::from_utf8(bytes).map_err(io::Error::other)
}

pub(crate) fn start(w: &mut Writer<Vec<u8>>, name: &str) -> io::Result<()> {
    w.write_event(Event::Start(BytesStart::new(name)))
}

pub(crate) fn end(w: &mut Writer<Vec<u8>>, name: &str) -> io::Result<()> {
    w.write_event(Event::End(BytesEnd::new(name)))
}

pub(crate) fn leaf(w: &mut Writer<Vec<u8>>, name: &str, attributes: &[(&str, &str)], text: &str) -> io::Result<()> {
    w.write_event(Event::Start(BytesStart::new(name).with_attributes(attributes.iter().copied())))?;
    w.write_event(Event::Text(BytesText::new(text)))?;
    end(w, name)
}

/// One element per language, with the eForms `languageID`.
pub(crate) fn texts(w: &mut Writer<Vec<u8>>, name: &str, texts: &Texts) -> io::Result<()> {
    for (lang, text) in texts {
        // Checked in `plan`.
        let code = eforms_language(lang.as_str()).unwrap_or("ENG");
        leaf(w, name, &[("languageID", code)], text)?;
    }
    Ok(())
}

fn write_lot(w: &mut Writer<Vec<u8>>, index: usize, lot: &LotCriteria<'_>) -> io::Result<()> {
    start(w, "cac:ProcurementProjectLot")?;
    leaf(w, "cbc:ID", &[("schemeName", "Lot")], &format!("LOT-{:04}", index.saturating_add(1)))?;
    start(w, "cac:TenderingTerms")?;
    awarding_terms(w, lot)?;
    end(w, "cac:TenderingTerms")?;
    start(w, "cac:ProcurementProject")?;
    leaf(w, "cbc:ID", &[("schemeName", "InternalID")], lot.lot.id.as_str())?;
    texts(w, "cbc:Name", &lot.title)?;
    end(w, "cac:ProcurementProject")?;
    end(w, "cac:ProcurementProjectLot")
}

/// A lot's `cac:AwardingTerms`: the award criteria (BG-707).
pub(crate) fn awarding_terms(w: &mut Writer<Vec<u8>>, lot: &LotCriteria<'_>) -> io::Result<()> {
    start(w, "cac:AwardingTerms")?;
    start(w, "cac:AwardingCriterion")?;
    if let Some(justification) = &lot.order_justification {
        texts(w, "cbc:Description", justification)?;
    }
    if let Some(calculation) = &lot.weighting_description {
        texts(w, "cbc:CalculationExpression", calculation)?;
    }
    for criterion in &lot.criteria {
        start(w, "cac:SubordinateAwardingCriterion")?;
        if !criterion.numbers.is_empty() {
            start(w, "ext:UBLExtensions")?;
            start(w, "ext:UBLExtension")?;
            start(w, "ext:ExtensionContent")?;
            start(w, "efext:EformsExtension")?;
            for number in &criterion.numbers {
                parameter(w, number)?;
            }
            end(w, "efext:EformsExtension")?;
            end(w, "ext:ExtensionContent")?;
            end(w, "ext:UBLExtension")?;
            end(w, "ext:UBLExtensions")?;
        }
        leaf(
            w,
            "cbc:AwardingCriterionTypeCode",
            &[("listName", "award-criterion-type")],
            criteria::kind_code(criterion.criterion.kind),
        )?;
        texts(w, "cbc:Name", &criterion.name)?;
        texts(w, "cbc:Description", &criterion.description)?;
        end(w, "cac:SubordinateAwardingCriterion")?;
    }
    end(w, "cac:AwardingCriterion")?;
    end(w, "cac:AwardingTerms")
}

fn parameter(w: &mut Writer<Vec<u8>>, number: &CriterionNumber) -> io::Result<()> {
    let (list, code) = match number.role {
        NumberRole::Weight(code) => ("number-weight", code.eforms()),
        NumberRole::Threshold(code) => ("number-threshold", code.eforms()),
    };
    start(w, "efac:AwardCriterionParameter")?;
    leaf(w, "efbc:ParameterCode", &[("listName", list)], code)?;
    leaf(w, "efbc:ParameterNumeric", &[], &criteria::number_text(number.value))?;
    end(w, "efac:AwardCriterionParameter")
}
