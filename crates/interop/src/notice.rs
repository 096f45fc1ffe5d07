//! A complete eForms contract notice: subtype 16 (contract notice, open procedure, Directive
//! 2014/24/EU), valid against the SDK's `UBL-ContractNotice-2.3.xsd` and its static Schematron,
//! for a buyer without an e-procurement suite to file.
//!
//! Where the tender lacks a business term the notice must have, [`eforms_notice`] lists every
//! one with the tender field that supplies it, and writes nothing.
//!
//! | eForms | From |
//! |---|---|
//! | BT-701 notice id | [`NoticeOptions::notice_id`], else derived from BT-04 and BT-05 (the same procedure and dispatch time give the same id) |
//! | BT-04 procedure id | `notice.procedure_id` (a UUID v4 kept for all the procedure's notices) |
//! | BT-05 dispatch date and time | [`NoticeOptions::date`] |
//! | BT-757 version, BT-01 legal basis, BT-02/03 notice and form type, subtype | `01`, `32014L0024`, `cn-standard`, `16` |
//! | BT-702 notice languages | [`NoticeOptions::languages`], by default the tender's |
//! | buyer (ORG-0001): BT-500 name, BT-501 identifier, BT-510/513/512/507 address, BT-514 country, BT-503 phone, BT-506 e-mail, BT-505 website | `buyer.name`, `buyer.identifier` (a `DK` CVR number without `DK`), `buyer.address`, `buyer.country`, `buyer.phone`, `buyer.email`, `buyer.website` |
//! | BT-11 buyer legal type, BT-10 activity | `notice.buyer_legal_type`, `notice.buyer_activity`; by default from `buyer.kind` (municipality `la` and `gen-pub`, region `ra` and `gen-pub`, state `cga`, other `body-pl`) |
//! | review body (ORG-0002), review information | `notice.review_body` |
//! | BT-105 procedure type, BT-106 accelerated | `open` (only the open procedure is written), `false` |
//! | BT-806 exclusion grounds, BT-821 selection criteria | in the procurement documents |
//! | BT-21, BT-24, BT-22 of the procedure | `title`, `description`, `id` |
//! | BT-23 main nature, BT-262 main CPV | from the lots' CPV codes (`45…` works; `49…`, `5…`–`9…` services; others supplies); the procedure's from the first lot |
//! | BT-5071/BT-5141 place of performance | the buyer's NUTS region and country |
//! | BT-31, BT-33 lot limits | `max_lots_per_bidder` (with several lots; the number of lots when absent), `max_lots_awarded_per_bidder` |
//! | per lot: BT-137 `LOT-0001`…, BT-22, BT-21, BT-24 | the lot's position, `id`, `title`, `description` (with one lot, the tender's if the lot has none) |
//! | BT-27 estimated value, BT-262 CPV, BT-36 duration, BT-54 options | `estimated_value`, `cpv`, `contract.duration_months`, `contract.options` |
//! | BT-131 deadline | `submission_deadline` with `notice.deadline_time` |
//! | BT-539…BT-734 award criteria | as the fragment ([`crate::eforms`]) |
//! | BT-15 documents, BT-18 submission, BT-97 languages of bids | `notice.documents_url`, `notice.submission_url`, the tender's languages |
//! | BT-17 electronic submission | `required` (Directive 2014/24/EU art. 22) |
//! | BT-98 validity, BT-60 EU funds, BT-115 GPA, BT-743 e-invoicing, BT-764 e-catalogue, BT-92 e-ordering, BT-93 e-payment | `notice.tender_validity_months`, `eu_funds`, `gpa`, `e_invoicing`, `e_catalogue`, `e_ordering`, `e_payment` |
//! | BT-71/BT-736 reserved, BT-765 framework, BT-766 DPS, BT-767 e-auction | `none`/`no`/`false`: the model has no reserved contracts, framework agreements, purchasing systems or auctions |

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};
use tender_core::notice::{Address, NoticeDetails, Organisation};
use tender_core::tender::{BuyerKind, Procedure};
use tender_core::{Language, Tender, Text};

use crate::criteria::{LotCriteria, number_text};
use crate::eforms::{NAMESPACES, awarding_terms, check_languages, end, leaf, plan, start, texts};
use crate::error::{ExportError, ExportProblem, Exported};
use crate::lang::eforms_language;
use crate::ocds::org_identifier;

/// What a notice needs beyond the tender.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NoticeOptions {
    /// The dispatch date and time (BT-05) in RFC 3339 with its UTC offset, e.g.
    /// `2026-09-01T12:00:00+02:00`. The export reads no clock.
    pub date: String,
    /// The notice's languages; by default the tender's. See [`crate::EformsOptions`].
    pub languages: Option<Vec<Language>>,
    /// The notice id (BT-701), a UUID v4; by default derived from the procedure id and the date.
    pub notice_id: Option<String>,
}

impl NoticeOptions {
    /// Options with the dispatch date; the rest default.
    pub fn new(date: impl Into<String>) -> Self {
        Self { date: date.into(), languages: None, notice_id: None }
    }
}

/// Everything the notice is written from, checked.
struct Facts<'t> {
    tender: &'t Tender,
    languages: Vec<Language>,
    codes: Vec<&'static str>,
    address: &'t Address,
    email: &'t str,
    phone: &'t str,
    review: &'t Organisation,
    legal_type: String,
    activity: String,
    procedure_id: &'t str,
    notice_id: String,
    issue: (String, String),
    deadline: (String, String),
    documents_url: &'t str,
    submission_url: &'t str,
    validity: u32,
    eu_funds: bool,
    gpa: bool,
    e_invoicing: &'static str,
    e_catalogue: &'static str,
    e_ordering: bool,
    e_payment: bool,
    country: &'static str,
    review_country: &'static str,
    cpvs: Vec<String>,
}

/// A tender without a `[notice]` section: every term in it missing.
static NO_NOTICE_DETAILS: std::sync::LazyLock<NoticeDetails> = std::sync::LazyLock::new(NoticeDetails::default);

fn missing(problems: &mut Vec<ExportProblem>, term: &str, field: &str, fix: &str) {
    problems.push(ExportProblem::new(
        field,
        format!("{term} is mandatory in a contract notice (subtype 16), and the tender has no `{field}`"),
        fix,
    ));
}

/// `HH:MM[:SS]` followed by `Z` or `±HH:MM`, as eForms writes a time: `12:00:00+02:00`.
pub(crate) fn time_with_offset(text: &str) -> Option<(String, String)> {
    let text = text.trim();
    if !text.is_ascii() {
        return None;
    }
    let (time, offset) = if let Some(t) = text.strip_suffix('Z') {
        (t, "Z".to_owned())
    } else {
        let at = text.rfind(['+', '-'])?;
        (&text[..at], text[at..].to_owned())
    };
    let digits = |s: &str, max: u32| s.len() == 2 && s.parse::<u32>().is_ok_and(|n| n <= max);
    let parts: Vec<&str> = time.split(':').collect();
    let ok_time = match parts.as_slice() {
        [h, m] | [h, m, _] if !digits(h, 23) || !digits(m, 59) => false,
        [_, _] => true,
        [_, _, s] => digits(s, 59),
        _ => false,
    };
    let ok_offset = offset == "Z"
        || (offset.len() == 6 && digits(&offset[1..3], 14) && &offset[3..4] == ":" && digits(&offset[4..6], 59));
    let seconds = if parts.len() == 2 { ":00" } else { "" };
    (ok_time && ok_offset).then(|| (format!("{time}{seconds}{offset}"), offset))
}

/// A UUID version 4 as eForms wants it (lower case, version 4, variant 8–b).
fn is_uuid_v4(text: &str) -> bool {
    let b = text.as_bytes();
    let hex = |c: &u8| c.is_ascii_digit() || (b'a'..=b'f').contains(c);
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| if [8, 13, 18, 23].contains(&i) { *c == b'-' } else { hex(c) })
        && b[14] == b'4'
        && matches!(b[19], b'8' | b'9' | b'a' | b'b')
}

/// A UUID v4-shaped id from text, by a 128-bit FNV-1a hash: the same text gives the same id.
fn derived_uuid(text: &str) -> String {
    let mut h: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    for byte in text.bytes() {
        h ^= u128::from(byte);
        h = h.wrapping_mul(0x0000_0000_0100_0000_0000_0000_0000_013B);
    }
    // Version 4, variant 10.
    h = (h & !(0xF << 76)) | (0x4 << 76);
    h = (h & !(0x3 << 62)) | (0x2 << 62);
    let hex = format!("{h:032x}");
    format!("{}-{}-{}-{}-{}", &hex[0..8], &hex[8..12], &hex[12..16], &hex[16..20], &hex[20..32])
}

/// The ISO 3166-1 alpha-3 code eForms writes for an alpha-2 country (EU, EEA, and neighbours).
pub fn country_alpha3(alpha2: &str) -> Option<&'static str> {
    const CODES: [(&str, &str); 36] = [
        ("AT", "AUT"),
        ("BE", "BEL"),
        ("BG", "BGR"),
        ("CY", "CYP"),
        ("CZ", "CZE"),
        ("DE", "DEU"),
        ("DK", "DNK"),
        ("EE", "EST"),
        ("ES", "ESP"),
        ("FI", "FIN"),
        ("FR", "FRA"),
        ("GR", "GRC"),
        ("HR", "HRV"),
        ("HU", "HUN"),
        ("IE", "IRL"),
        ("IT", "ITA"),
        ("LT", "LTU"),
        ("LU", "LUX"),
        ("LV", "LVA"),
        ("MT", "MLT"),
        ("NL", "NLD"),
        ("PL", "POL"),
        ("PT", "PRT"),
        ("RO", "ROU"),
        ("SE", "SWE"),
        ("SI", "SVN"),
        ("SK", "SVK"),
        ("IS", "ISL"),
        ("LI", "LIE"),
        ("NO", "NOR"),
        ("CH", "CHE"),
        ("GB", "GBR"),
        ("US", "USA"),
        ("UA", "UKR"),
        ("RS", "SRB"),
        ("TR", "TUR"),
    ];
    CODES.iter().find(|(a2, _)| *a2 == alpha2).map(|(_, a3)| *a3)
}

/// A lot's CPV code as eForms writes it: the eight digits without the check digit.
fn cpv_digits(cpv: &str) -> Option<String> {
    let digits = cpv.split('-').next().unwrap_or_default().trim();
    (digits.len() == 8 && digits.bytes().all(|b| b.is_ascii_digit())).then(|| digits.to_owned())
}

/// BT-23 from the CPV code, as the SDK's rules BR-BT-00262-0208/-0209 tie them.
fn nature(cpv: &str) -> &'static str {
    if cpv.starts_with("45") {
        "works"
    } else if cpv.starts_with("49") || matches!(cpv.as_bytes().first(), Some(b'5'..=b'9')) {
        "services"
    } else {
        "supplies"
    }
}

/// The registration number as BT-501: a CVR number's eight digits, else as written.
fn company_id(number: &str, country: &str) -> String {
    org_identifier(number, country).map_or_else(|| number.to_owned(), |(_, id)| id)
}

fn checked<'t>(tender: &'t Tender, options: &NoticeOptions, problems: &mut Vec<ExportProblem>) -> Option<Facts<'t>> {
    let languages = options.languages.clone().unwrap_or_else(|| tender.languages.clone());
    check_languages(tender, &languages, problems);
    if tender.procedure != Procedure::Open {
        problems.push(ExportProblem::new(
            "procedure",
            "only the open procedure's contract notice (subtype 16) is written; this tender's procedure needs another notice subtype",
            "export the award criteria with --eforms and merge them into the notice your e-procurement system makes",
        ));
    }
    if tender.buyer.kind == BuyerKind::EuInstitution {
        problems.push(ExportProblem::new(
            "buyer.kind",
            "an EU institution buys under the Financial Regulation, not Directive 2014/24/EU, and its notices have another legal basis",
            "publish through the institution's own notice system",
        ));
    }
    let notice = tender.notice.as_ref().unwrap_or(&NO_NOTICE_DETAILS);
    let buyer = &tender.buyer;
    if buyer.identifier.is_none() {
        missing(
            problems,
            "BT-501 (the buyer's registration number)",
            "buyer.identifier",
            "add e.g. identifier = \"DK64942212\" under [buyer]",
        );
    }
    if buyer.address.is_none() {
        missing(
            problems,
            "BT-513, BT-512, BT-507 (the buyer's address)",
            "buyer.address",
            "add address = { city = \"København\", postal_code = \"1599\", nuts = \"DK011\" } under [buyer]",
        );
    }
    if buyer.email.is_none() {
        missing(problems, "BT-506 (the buyer's e-mail address)", "buyer.email", "add email = \"…\" under [buyer]");
    }
    if buyer.phone.is_none() {
        missing(
            problems,
            "BT-503 (the buyer's telephone number)",
            "buyer.phone",
            "add phone = \"+45 …\" under [buyer]",
        );
    }
    let country = country_alpha3(buyer.country.as_str());
    if country.is_none() {
        problems.push(ExportProblem::new(
            "buyer.country",
            format!("the notice has no country code for `{}`", buyer.country),
            "use an EU or EEA country",
        ));
    }
    if tender.description.is_none() {
        missing(
            problems,
            "BT-24 (the description of the procurement)",
            "description",
            "describe what is bought and why",
        );
    }
    let legal_type = notice.buyer_legal_type.clone().or_else(|| match buyer.kind {
        BuyerKind::Municipality => Some("la".to_owned()),
        BuyerKind::Region => Some("ra".to_owned()),
        BuyerKind::State => Some("cga".to_owned()),
        BuyerKind::Other => Some("body-pl".to_owned()),
        BuyerKind::CentralPurchasingBody | BuyerKind::EuInstitution => None,
    });
    if legal_type.is_none() {
        missing(
            problems,
            "BT-11 (the buyer's legal type)",
            "notice.buyer_legal_type",
            "add buyer_legal_type = \"…\" (eForms code list buyer-legal-type) under [notice]",
        );
    }
    let activity = notice
        .buyer_activity
        .clone()
        .or_else(|| matches!(buyer.kind, BuyerKind::Municipality | BuyerKind::Region).then(|| "gen-pub".to_owned()));
    if activity.is_none() {
        missing(
            problems,
            "BT-10 (the buyer's main activity)",
            "notice.buyer_activity",
            "add buyer_activity = \"gen-pub\" (eForms code list authority-activity) under [notice]",
        );
    }
    match &notice.procedure_id {
        None => missing(
            problems,
            "BT-04 (the procedure identifier)",
            "notice.procedure_id",
            "make a UUID v4 once (e.g. `uuidgen -r`) and add procedure_id = \"…\" under [notice]; keep it for every notice of the procedure",
        ),
        Some(id) if !is_uuid_v4(id) => problems.push(ExportProblem::new(
            "notice.procedure_id",
            format!("`{id}` is not a UUID version 4 in lower case, which eForms BT-04 must be"),
            "make one with `uuidgen -r`",
        )),
        Some(_) => {}
    }
    let issue = match options.date.parse::<jiff::Timestamp>().ok().and_then(|_| options.date.split_once('T')) {
        Some((date, time)) => time_with_offset(time).map(|(time, offset)| (format!("{date}{offset}"), time)),
        None => None,
    };
    if issue.is_none() {
        problems.push(ExportProblem::new(
            "date",
            format!("`{}` is not an RFC 3339 date and time with its offset", options.date),
            "give e.g. 2026-09-01T12:00:00+02:00",
        ));
    }
    if let Some(id) = &options.notice_id
        && !is_uuid_v4(id)
    {
        problems.push(ExportProblem::new(
            "notice_id",
            format!("`{id}` is not a UUID version 4 in lower case (BT-701)"),
            "leave it out to derive one, or make one with `uuidgen -r`",
        ));
    }
    let deadline = match (tender.submission_deadline, &notice.deadline_time) {
        (None, _) => {
            missing(
                problems,
                "BT-131 (the deadline for bids)",
                "submission_deadline",
                "add submission_deadline = 2026-10-01",
            );
            None
        }
        (Some(_), None) => {
            missing(
                problems,
                "BT-131 (the time of the deadline for bids)",
                "notice.deadline_time",
                "add deadline_time = \"12:00+02:00\" (with the UTC offset) under [notice]",
            );
            None
        }
        (Some(date), Some(time)) => match time_with_offset(time) {
            Some((time, offset)) => Some((format!("{}{offset}", date.date()), time)),
            None => {
                problems.push(ExportProblem::new(
                    "notice.deadline_time",
                    format!("`{time}` is not a time with its UTC offset"),
                    "write e.g. \"12:00+02:00\" or \"11:00Z\"",
                ));
                None
            }
        },
    };
    // BR-BT-00131-0151: the deadline for bids falls on a later day than the notice is sent.
    if let (Some((deadline_date, _)), Some((issue_date, _))) = (&deadline, &issue)
        && deadline_date.get(..10) <= issue_date.get(..10)
    {
        problems.push(ExportProblem::new(
            "submission_deadline",
            format!(
                "the deadline for bids ({}) is not after the day the notice is sent ({}); eForms requires a later day (BR-BT-00131-0151)",
                deadline_date.get(..10).unwrap_or_default(),
                issue_date.get(..10).unwrap_or_default()
            ),
            "give the dispatch date (--date) of the notice, before the deadline, or move submission_deadline",
        ));
    }
    let required_text =
        |problems: &mut Vec<ExportProblem>, value: &'t Option<String>, term: &str, field: &str, fix: &str| {
            if value.as_deref().is_none_or(|v| v.trim().is_empty()) {
                missing(problems, term, field, fix);
            }
            value.as_deref()
        };
    let documents_url = required_text(
        problems,
        &notice.documents_url,
        "BT-15 (where the procurement documents are)",
        "notice.documents_url",
        "add documents_url = \"https://…\" under [notice]",
    );
    let submission_url = required_text(
        problems,
        &notice.submission_url,
        "BT-18 (where bids are submitted)",
        "notice.submission_url",
        "add submission_url = \"https://…\" under [notice]",
    );
    let flag = |problems: &mut Vec<ExportProblem>, value: Option<bool>, term: &str, field: &str| {
        if value.is_none() {
            missing(
                problems,
                term,
                field,
                &format!("add {} = true or false under [notice]", field.trim_start_matches("notice.")),
            );
        }
        value.unwrap_or_default()
    };
    let eu_funds = flag(problems, notice.eu_funds, "BT-60 (EU funds)", "notice.eu_funds");
    let gpa = flag(problems, notice.gpa, "BT-115 (covered by the GPA)", "notice.gpa");
    let e_ordering = flag(problems, notice.e_ordering, "BT-92 (electronic ordering)", "notice.e_ordering");
    let e_payment = flag(problems, notice.e_payment, "BT-93 (electronic payment)", "notice.e_payment");
    let permission =
        |problems: &mut Vec<ExportProblem>, value: Option<tender_core::notice::Permission>, term: &str, field: &str| {
            if value.is_none() {
                missing(
                    problems,
                    term,
                    field,
                    &format!(
                        "add {} = \"required\", \"allowed\" or \"not-allowed\" under [notice]",
                        field.trim_start_matches("notice.")
                    ),
                );
            }
            value.map_or("", |p| p.code())
        };
    let e_invoicing = permission(problems, notice.e_invoicing, "BT-743 (electronic invoicing)", "notice.e_invoicing");
    let e_catalogue = permission(problems, notice.e_catalogue, "BT-764 (electronic catalogues)", "notice.e_catalogue");
    if notice.tender_validity_months.is_none() {
        missing(
            problems,
            "BT-98 (how long bids remain valid)",
            "notice.tender_validity_months",
            "add tender_validity_months = 6 under [notice]",
        );
    }
    let review_country = notice.review_body.as_ref().and_then(|r| country_alpha3(r.country.as_str()));
    match &notice.review_body {
        None => missing(
            problems,
            "the review body (OPT-301, BT-500 and address)",
            "notice.review_body",
            "add [notice.review_body] with name, identifier, country, address and email (in Denmark Klagenævnet for Udbud)",
        ),
        Some(r) if review_country.is_none() => problems.push(ExportProblem::new(
            "notice.review_body.country",
            format!("the notice has no country code for `{}`", r.country),
            "use an EU or EEA country",
        )),
        Some(_) => {}
    }
    let mut cpvs = Vec::new();
    for (i, lot) in tender.lots.iter().enumerate() {
        match lot.cpv.as_deref().map(|c| (c, cpv_digits(c))) {
            None => missing(
                problems,
                "BT-262 (the lot's main CPV code)",
                &format!("lots[{i}].cpv"),
                "add the lot's CPV code, e.g. cpv = \"48510000-6\"",
            ),
            Some((c, None)) => problems.push(ExportProblem::new(
                format!("lots[{i}].cpv"),
                format!("`{c}` is not a CPV code"),
                "write eight digits and the check digit, e.g. 48510000-6",
            )),
            Some((_, Some(digits))) => cpvs.push(digits),
        }
        if lot.description.is_none() && (tender.lots.len() > 1 || tender.description.is_none()) {
            missing(
                problems,
                "BT-24 (the lot's description)",
                &format!("lots[{i}].description"),
                "describe what the lot covers",
            );
        }
    }
    if !problems.is_empty() {
        return None;
    }
    let procedure_id = notice.procedure_id.as_deref()?;
    let issue = issue?;
    let notice_id =
        options.notice_id.clone().unwrap_or_else(|| derived_uuid(&format!("{procedure_id} {}", options.date)));
    Some(Facts {
        tender,
        codes: languages.iter().filter_map(|l| eforms_language(l.as_str())).collect(),
        languages,
        address: buyer.address.as_ref()?,
        email: buyer.email.as_deref()?,
        phone: buyer.phone.as_deref()?,
        review: notice.review_body.as_ref()?,
        legal_type: legal_type?,
        activity: activity?,
        procedure_id,
        notice_id,
        issue,
        deadline: deadline?,
        documents_url: documents_url?,
        submission_url: submission_url?,
        validity: notice.tender_validity_months?,
        eu_funds,
        gpa,
        e_invoicing,
        e_catalogue,
        e_ordering,
        e_payment,
        country: country?,
        review_country: review_country?,
        cpvs,
    })
}

/// A complete eForms contract notice (subtype 16) for the tender (see the [module](self) docs),
/// with the award criteria's warnings.
///
/// # Errors
/// [`ExportError::Invalid`] listing every problem at once: each mandatory business term the
/// tender lacks, with the tender field that supplies it; a procedure or buyer this notice is not
/// for; and every problem of the award criteria, as [`crate::eforms_award_criteria`].
pub fn eforms_notice(tender: &Tender, options: &NoticeOptions) -> Result<Exported<String>, ExportError> {
    let mut problems = Vec::new();
    let facts = checked(tender, options, &mut problems);
    let languages = options.languages.clone().unwrap_or_else(|| tender.languages.clone());
    let planned = if languages.iter().all(|l| tender.languages.contains(l)) {
        match plan(tender, &languages) {
            Ok(planned) => Some(planned),
            Err(ExportError::Invalid { problems: found, .. }) => {
                // The language problems are already listed.
                let new: Vec<ExportProblem> = found.into_iter().filter(|p| !problems.contains(p)).collect();
                problems.extend(new);
                None
            }
            Err(e) => return Err(e),
        }
    } else {
        None
    };
    match (facts, planned) {
        (Some(facts), Some((lots, warnings))) if problems.is_empty() => {
            Ok(Exported { output: write(&facts, &lots)?, warnings })
        }
        _ => Err(ExportError::Invalid { format: "eForms notice", problems }),
    }
}

/// One element per notice language from a model text (each language checked to be there).
fn model_texts(w: &mut Writer<Vec<u8>>, f: &Facts<'_>, name: &str, text: &Text) -> io::Result<()> {
    for (lang, code) in f.languages.iter().zip(&f.codes) {
        leaf(w, name, &[("languageID", code)], text.get(lang).trim())?;
    }
    Ok(())
}

fn id_ref(w: &mut Writer<Vec<u8>>, wrapper: &str, scheme: &str, id: &str) -> io::Result<()> {
    start(w, wrapper)?;
    start(w, "cac:PartyIdentification")?;
    leaf(w, "cbc:ID", &[("schemeName", scheme)], id)?;
    end(w, "cac:PartyIdentification")?;
    end(w, wrapper)
}

fn country(w: &mut Writer<Vec<u8>>, code: &str) -> io::Result<()> {
    start(w, "cac:Country")?;
    leaf(w, "cbc:IdentificationCode", &[("listName", "country")], code)?;
    end(w, "cac:Country")
}

struct Org<'a> {
    id: &'a str,
    names: Vec<String>,
    website: Option<&'a str>,
    address: &'a Address,
    country: &'a str,
    company_id: String,
    phone: Option<&'a str>,
    email: &'a str,
}

fn organisation(w: &mut Writer<Vec<u8>>, f: &Facts<'_>, org: &Org<'_>) -> io::Result<()> {
    start(w, "efac:Organization")?;
    start(w, "efac:Company")?;
    if let Some(url) = org.website {
        leaf(w, "cbc:WebsiteURI", &[], url)?;
    }
    start(w, "cac:PartyIdentification")?;
    leaf(w, "cbc:ID", &[("schemeName", "organization")], org.id)?;
    end(w, "cac:PartyIdentification")?;
    // BT-500 in every notice language, one cac:PartyName each.
    for (name, code) in org.names.iter().zip(&f.codes) {
        start(w, "cac:PartyName")?;
        leaf(w, "cbc:Name", &[("languageID", code)], name)?;
        end(w, "cac:PartyName")?;
    }
    start(w, "cac:PostalAddress")?;
    if let Some(street) = &org.address.street {
        leaf(w, "cbc:StreetName", &[], street)?;
    }
    leaf(w, "cbc:CityName", &[], &org.address.city)?;
    leaf(w, "cbc:PostalZone", &[], &org.address.postal_code)?;
    leaf(w, "cbc:CountrySubentityCode", &[("listName", "nuts")], &org.address.nuts)?;
    country(w, org.country)?;
    end(w, "cac:PostalAddress")?;
    start(w, "cac:PartyLegalEntity")?;
    leaf(w, "cbc:CompanyID", &[], &org.company_id)?;
    end(w, "cac:PartyLegalEntity")?;
    start(w, "cac:Contact")?;
    if let Some(phone) = org.phone {
        leaf(w, "cbc:Telephone", &[], phone)?;
    }
    leaf(w, "cbc:ElectronicMail", &[], org.email)?;
    end(w, "cac:Contact")?;
    end(w, "efac:Company")?;
    end(w, "efac:Organization")
}

fn place_of_performance(w: &mut Writer<Vec<u8>>, f: &Facts<'_>) -> io::Result<()> {
    start(w, "cac:RealizedLocation")?;
    start(w, "cac:Address")?;
    leaf(w, "cbc:CountrySubentityCode", &[("listName", "nuts")], &f.address.nuts)?;
    country(w, f.country)?;
    end(w, "cac:Address")?;
    end(w, "cac:RealizedLocation")
}

fn code(w: &mut Writer<Vec<u8>>, wrapper: &str, element: &str, list: &str, value: &str) -> io::Result<()> {
    start(w, wrapper)?;
    leaf(w, element, &[("listName", list)], value)?;
    end(w, wrapper)
}

fn requirement(w: &mut Writer<Vec<u8>>, list: &str, value: &str) -> io::Result<()> {
    start(w, "cac:TendererQualificationRequest")?;
    code(w, "cac:SpecificTendererRequirement", "cbc:TendererRequirementTypeCode", list, value)?;
    end(w, "cac:TendererQualificationRequest")
}

fn write(f: &Facts<'_>, lots: &[LotCriteria<'_>]) -> io::Result<String> {
    let tender = f.tender;
    let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let comment = format!(
        " eForms contract notice (subtype 16) of tender {}, in {} ",
        tender.id.as_str().replace("--", "- -"),
        f.codes.join(", ")
    );
    w.write_event(Event::Comment(BytesText::new(&comment)))?;
    w.write_event(Event::Start(BytesStart::new("ContractNotice").with_attributes(NAMESPACES)))?;
    let w = &mut w;

    start(w, "ext:UBLExtensions")?;
    start(w, "ext:UBLExtension")?;
    start(w, "ext:ExtensionContent")?;
    start(w, "efext:EformsExtension")?;
    code(w, "efac:NoticeSubType", "cbc:SubTypeCode", "notice-subtype", "16")?;
    start(w, "efac:Organizations")?;
    let buyer = &tender.buyer;
    let buyer_id =
        buyer.identifier.as_ref().map(|i| company_id(i.as_str(), buyer.country.as_str())).unwrap_or_default();
    organisation(
        w,
        f,
        &Org {
            id: "ORG-0001",
            names: f.languages.iter().map(|l| buyer.name.get(l).trim().to_owned()).collect(),
            website: buyer.website.as_deref(),
            address: f.address,
            country: f.country,
            company_id: buyer_id,
            phone: Some(f.phone),
            email: f.email,
        },
    )?;
    let review = f.review;
    organisation(
        w,
        f,
        &Org {
            id: "ORG-0002",
            names: f.languages.iter().map(|_| review.name.trim().to_owned()).collect(),
            website: review.website.as_deref(),
            address: &review.address,
            country: f.review_country,
            company_id: company_id(review.identifier.as_str(), review.country.as_str()),
            phone: review.phone.as_deref(),
            email: &review.email,
        },
    )?;
    end(w, "efac:Organizations")?;
    end(w, "efext:EformsExtension")?;
    end(w, "ext:ExtensionContent")?;
    end(w, "ext:UBLExtension")?;
    end(w, "ext:UBLExtensions")?;

    leaf(w, "cbc:UBLVersionID", &[], "2.3")?;
    leaf(w, "cbc:CustomizationID", &[], "eforms-sdk-1.15")?;
    leaf(w, "cbc:ID", &[("schemeName", "notice-id")], &f.notice_id)?;
    leaf(w, "cbc:ContractFolderID", &[], f.procedure_id)?;
    leaf(w, "cbc:IssueDate", &[], &f.issue.0)?;
    leaf(w, "cbc:IssueTime", &[], &f.issue.1)?;
    leaf(w, "cbc:VersionID", &[], "01")?;
    leaf(w, "cbc:RegulatoryDomain", &[], "32014L0024")?;
    leaf(w, "cbc:NoticeTypeCode", &[("listName", "competition")], "cn-standard")?;
    let (first, others) = f.codes.split_first().map_or(("ENG", &[][..]), |(a, b)| (*a, b));
    leaf(w, "cbc:NoticeLanguageCode", &[], first)?;
    for other in others {
        start(w, "cac:AdditionalNoticeLanguage")?;
        leaf(w, "cbc:ID", &[], other)?;
        end(w, "cac:AdditionalNoticeLanguage")?;
    }

    start(w, "cac:ContractingParty")?;
    code(w, "cac:ContractingPartyType", "cbc:PartyTypeCode", "buyer-legal-type", &f.legal_type)?;
    code(w, "cac:ContractingActivity", "cbc:ActivityTypeCode", "authority-activity", &f.activity)?;
    id_ref(w, "cac:Party", "organization", "ORG-0001")?;
    end(w, "cac:ContractingParty")?;

    start(w, "cac:TenderingTerms")?;
    requirement(w, "exclusion-grounds-source", "epo-procurement-document")?;
    if tender.lots.len() > 1 {
        // BT-31 is required with several lots (rule BR-BT-00031-0073): without a limit in the
        // tender, a tenderer may bid for every lot, and the notice says so.
        start(w, "cac:LotDistribution")?;
        if let Some(n) = tender.max_lots_awarded_per_bidder {
            leaf(w, "cbc:MaximumLotsAwardedNumeric", &[], &n.to_string())?;
        }
        let submitted = tender.max_lots_per_bidder.map_or_else(|| tender.lots.len().to_string(), |n| n.to_string());
        leaf(w, "cbc:MaximumLotsSubmittedNumeric", &[], &submitted)?;
        end(w, "cac:LotDistribution")?;
    }
    end(w, "cac:TenderingTerms")?;

    start(w, "cac:TenderingProcess")?;
    leaf(w, "cbc:ProcedureCode", &[("listName", "procurement-procedure-type")], "open")?;
    code(w, "cac:ProcessJustification", "cbc:ProcessReasonCode", "accelerated-procedure", "false")?;
    end(w, "cac:TenderingProcess")?;

    start(w, "cac:ProcurementProject")?;
    leaf(w, "cbc:ID", &[("schemeName", "InternalID")], tender.id.as_str())?;
    model_texts(w, f, "cbc:Name", &tender.title)?;
    if let Some(d) = &tender.description {
        model_texts(w, f, "cbc:Description", d)?;
    }
    let main_cpv = f.cpvs.first().map(String::as_str).unwrap_or_default();
    leaf(w, "cbc:ProcurementTypeCode", &[("listName", "contract-nature")], nature(main_cpv))?;
    code(w, "cac:MainCommodityClassification", "cbc:ItemClassificationCode", "cpv", main_cpv)?;
    place_of_performance(w, f)?;
    end(w, "cac:ProcurementProject")?;

    for (i, (plan, cpv)) in lots.iter().zip(&f.cpvs).enumerate() {
        lot(w, f, i, plan, cpv)?;
    }
    w.write_event(Event::End(BytesEnd::new("ContractNotice")))?;
    let mut bytes = std::mem::take(w.get_mut());
    bytes.push(b'\n');
    String::from_utf8(bytes).map_err(io::Error::other)
}

fn lot(w: &mut Writer<Vec<u8>>, f: &Facts<'_>, index: usize, plan: &LotCriteria<'_>, cpv: &str) -> io::Result<()> {
    let tender = f.tender;
    let lot = plan.lot;
    start(w, "cac:ProcurementProjectLot")?;
    leaf(w, "cbc:ID", &[("schemeName", "Lot")], &format!("LOT-{:04}", index.saturating_add(1)))?;

    start(w, "cac:TenderingTerms")?;
    let funds = if f.eu_funds { "eu-funds" } else { "no-eu-funds" };
    leaf(w, "cbc:FundingProgramCode", &[("listName", "eu-funded")], funds)?;
    start(w, "cac:CallForTendersDocumentReference")?;
    leaf(w, "cbc:ID", &[], "PROCUREMENT-DOCUMENTS")?;
    leaf(w, "cbc:DocumentType", &[], "non-restricted-document")?;
    start(w, "cac:Attachment")?;
    start(w, "cac:ExternalReference")?;
    leaf(w, "cbc:URI", &[], f.documents_url)?;
    end(w, "cac:ExternalReference")?;
    end(w, "cac:Attachment")?;
    end(w, "cac:CallForTendersDocumentReference")?;
    requirement(w, "reserved-procurement", "none")?;
    requirement(w, "selection-criteria-source", "epo-procurement-document")?;
    for (list, value) in
        [("reserved-execution", "no"), ("einvoicing", f.e_invoicing), ("ecatalog-submission", f.e_catalogue)]
    {
        code(w, "cac:ContractExecutionRequirement", "cbc:ExecutionRequirementCode", list, value)?;
    }
    awarding_terms(w, plan)?;
    start(w, "cac:TenderRecipientParty")?;
    leaf(w, "cbc:EndpointID", &[], f.submission_url)?;
    end(w, "cac:TenderRecipientParty")?;
    start(w, "cac:TenderValidityPeriod")?;
    leaf(w, "cbc:DurationMeasure", &[("unitCode", "MONTH")], &f.validity.to_string())?;
    end(w, "cac:TenderValidityPeriod")?;
    start(w, "cac:AppealTerms")?;
    id_ref(w, "cac:AppealInformationParty", "organization", "ORG-0002")?;
    id_ref(w, "cac:AppealReceiverParty", "organization", "ORG-0002")?;
    end(w, "cac:AppealTerms")?;
    for lang in &tender.languages {
        if let Some(code) = eforms_language(lang.as_str()) {
            start(w, "cac:Language")?;
            leaf(w, "cbc:ID", &[], code)?;
            end(w, "cac:Language")?;
        }
    }
    start(w, "cac:PostAwardProcess")?;
    leaf(w, "cbc:ElectronicOrderUsageIndicator", &[], if f.e_ordering { "true" } else { "false" })?;
    leaf(w, "cbc:ElectronicPaymentUsageIndicator", &[], if f.e_payment { "true" } else { "false" })?;
    end(w, "cac:PostAwardProcess")?;
    end(w, "cac:TenderingTerms")?;

    start(w, "cac:TenderingProcess")?;
    leaf(w, "cbc:SubmissionMethodCode", &[("listName", "esubmission")], "required")?;
    leaf(w, "cbc:GovernmentAgreementConstraintIndicator", &[], if f.gpa { "true" } else { "false" })?;
    start(w, "cac:TenderSubmissionDeadlinePeriod")?;
    leaf(w, "cbc:EndDate", &[], &f.deadline.0)?;
    leaf(w, "cbc:EndTime", &[], &f.deadline.1)?;
    end(w, "cac:TenderSubmissionDeadlinePeriod")?;
    start(w, "cac:AuctionTerms")?;
    leaf(w, "cbc:AuctionConstraintIndicator", &[], "false")?;
    end(w, "cac:AuctionTerms")?;
    code(w, "cac:ContractingSystem", "cbc:ContractingSystemTypeCode", "framework-agreement", "none")?;
    code(w, "cac:ContractingSystem", "cbc:ContractingSystemTypeCode", "dps-usage", "none")?;
    end(w, "cac:TenderingProcess")?;

    start(w, "cac:ProcurementProject")?;
    leaf(w, "cbc:ID", &[("schemeName", "InternalID")], lot.id.as_str())?;
    texts(w, "cbc:Name", &plan.title)?;
    // A tender with one lot describes it in its own description.
    if let Some(d) = lot.description.as_ref().or(tender.description.as_ref()) {
        model_texts(w, f, "cbc:Description", d)?;
    }
    leaf(w, "cbc:ProcurementTypeCode", &[("listName", "contract-nature")], nature(cpv))?;
    if let Some(value) = lot.estimated_value {
        start(w, "cac:RequestedTenderTotal")?;
        leaf(
            w,
            "cbc:EstimatedOverallContractAmount",
            &[("currencyID", tender.currency.as_str())],
            &number_text(value.get()),
        )?;
        end(w, "cac:RequestedTenderTotal")?;
    }
    code(w, "cac:MainCommodityClassification", "cbc:ItemClassificationCode", "cpv", cpv)?;
    place_of_performance(w, f)?;
    start(w, "cac:PlannedPeriod")?;
    leaf(w, "cbc:DurationMeasure", &[("unitCode", "MONTH")], &tender.contract.duration_months.to_string())?;
    end(w, "cac:PlannedPeriod")?;
    if !tender.contract.options.is_empty() {
        start(w, "cac:ContractExtension")?;
        for (lang, code) in f.languages.iter().zip(&f.codes) {
            let text: Vec<&str> = tender.contract.options.iter().map(|o| o.description.get(lang).trim()).collect();
            leaf(w, "cbc:OptionsDescription", &[("languageID", code)], &text.join("\n"))?;
        }
        end(w, "cac:ContractExtension")?;
    }
    end(w, "cac:ProcurementProject")?;
    end(w, "cac:ProcurementProjectLot")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_need_their_offset() {
        assert_eq!(time_with_offset("12:00+02:00"), Some(("12:00:00+02:00".to_owned(), "+02:00".to_owned())));
        assert_eq!(time_with_offset("11:30:15Z"), Some(("11:30:15Z".to_owned(), "Z".to_owned())));
        assert_eq!(time_with_offset("12:00"), None, "no offset");
        assert_eq!(time_with_offset("24:00+01:00"), None);
        assert_eq!(time_with_offset("12:00+2:00"), None);
        assert_eq!(time_with_offset("noon+01:00"), None);
        assert_eq!(time_with_offset("12:00+0é:0"), None, "not ASCII, and no panic");
        assert_eq!(time_with_offset("12:00+ø:00"), None);
    }

    #[test]
    fn uuids_are_version_4() {
        assert!(is_uuid_v4("aff2863e-b4cc-4e91-baba-b3b85f709117"));
        assert!(!is_uuid_v4("aff2863e-b4cc-1e91-baba-b3b85f709117"), "version 1");
        assert!(!is_uuid_v4("AFF2863E-B4CC-4E91-BABA-B3B85F709117"), "upper case");
        assert!(!is_uuid_v4("aff2863e-b4cc-4e91-baba"));
        let derived = derived_uuid("a procedure 2026-09-01T12:00:00+02:00");
        assert!(is_uuid_v4(&derived), "{derived}");
        assert_eq!(derived, derived_uuid("a procedure 2026-09-01T12:00:00+02:00"));
        assert_ne!(derived, derived_uuid("a procedure 2026-09-02T12:00:00+02:00"));
    }

    #[test]
    fn nature_follows_the_cpv_division() {
        assert_eq!(nature("45000000"), "works");
        assert_eq!(nature("72317000"), "services");
        assert_eq!(nature("49000000"), "services");
        assert_eq!(nature("48510000"), "supplies");
        assert_eq!(nature("30200000"), "supplies");
        assert_eq!(cpv_digits("48510000-6").as_deref(), Some("48510000"));
        assert_eq!(cpv_digits("4851000-6"), None);
    }
}
