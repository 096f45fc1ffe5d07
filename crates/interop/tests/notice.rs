//! The complete eForms contract notice: every open-procedure fixture is exported and
//! snapshotted; a tender lacking business terms gets every one listed with the field that
//! supplies it. (The official XSD and Schematron runs are in `official.rs`.)

mod common;

use tender_core::{Language, Tender};
use tender_interop::{ExportError, ExportProblem, NoticeOptions, eforms_notice};

const DATE: &str = "2024-12-01T12:00:00+01:00";

fn fixture(name: &str) -> Tender {
    common::fixtures().into_iter().find(|(n, ..)| n == name).expect("fixture").1
}

fn problems(tender: &Tender, options: &NoticeOptions) -> Vec<ExportProblem> {
    match eforms_notice(tender, options) {
        Err(ExportError::Invalid { problems, .. }) => problems,
        Ok(_) => panic!("the notice should not be written"),
        Err(e) => panic!("unexpected error: {e}"),
    }
}

#[test]
fn open_procedure_fixtures_export_and_match_snapshots() {
    for (name, tender, _) in common::fixtures() {
        if tender.procedure != tender_core::tender::Procedure::Open {
            continue;
        }
        let exported = eforms_notice(&tender, &NoticeOptions::new(DATE))
            .unwrap_or_else(|e| panic!("{name}: the notice is not written: {e}"));
        let xml = exported.output;
        assert!(xml.contains("<cbc:SubTypeCode listName=\"notice-subtype\">16</cbc:SubTypeCode>"), "{name}");
        assert_eq!(xml.matches("<cac:ProcurementProjectLot>").count(), tender.lots.len(), "{name}");
        assert_eq!(
            eforms_notice(&tender, &NoticeOptions::new(DATE)).expect("again").output,
            xml,
            "{name}: byte-identical"
        );
        let input = common::fixtures_dir().join(&name).join("tender.toml");
        insta::with_settings!({
            input_file => &input,
            snapshot_suffix => name.as_str(),
            prepend_module_to_snapshot => false,
            omit_expression => true,
        }, {
            insta::assert_snapshot!("notice", xml);
        });
    }
}

#[test]
fn every_missing_term_is_listed_with_its_field() {
    let mut tender = fixture("copenhagen-lots");
    tender.notice = None;
    tender.buyer.address = None;
    tender.buyer.email = None;
    tender.buyer.phone = None;
    tender.lots[1].cpv = None;
    let paths: Vec<String> = problems(&tender, &NoticeOptions::new(DATE)).into_iter().map(|p| p.path).collect();
    let expected = [
        "buyer.address",
        "buyer.email",
        "buyer.phone",
        "notice.procedure_id",
        "notice.deadline_time",
        "notice.documents_url",
        "notice.submission_url",
        "notice.eu_funds",
        "notice.gpa",
        "notice.e_ordering",
        "notice.e_payment",
        "notice.e_invoicing",
        "notice.e_catalogue",
        "notice.tender_validity_months",
        "notice.review_body",
        "lots[1].cpv",
    ];
    assert_eq!(paths, expected);
}

#[test]
fn each_problem_says_which_business_term_and_how_to_fix_it() {
    let mut tender = fixture("copenhagen-lots");
    tender.buyer.identifier = None;
    let found = problems(&tender, &NoticeOptions::new(DATE));
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].path, "buyer.identifier");
    assert!(found[0].message.contains("BT-501"), "{}", found[0]);
    assert!(found[0].fix.contains("identifier ="), "{}", found[0]);
}

#[test]
fn malformed_details_are_refused() {
    let mut tender = fixture("copenhagen-lots");
    let notice = tender.notice.as_mut().expect("notice details");
    notice.deadline_time = Some("12:00".to_owned());
    notice.procedure_id = Some("KK-2026-1".to_owned());
    tender.lots[0].cpv = Some("4851".to_owned());
    let paths: Vec<String> = problems(&tender, &NoticeOptions::new(DATE)).into_iter().map(|p| p.path).collect();
    assert_eq!(paths, ["notice.procedure_id", "notice.deadline_time", "lots[0].cpv"]);
    let tender = fixture("copenhagen-lots");
    let bad_date = problems(&tender, &NoticeOptions::new("1 December 2024"));
    assert_eq!(bad_date[0].path, "date");
    let mut bad_id = NoticeOptions::new(DATE);
    bad_id.notice_id = Some("not-a-uuid".to_owned());
    assert_eq!(problems(&tender, &bad_id)[0].path, "notice_id");
}

/// A notice sent on or after the deadline for bids breaks the eForms rule BR-BT-00131-0151 (the
/// official Schematron refuses it): the export refuses it first, located at the deadline.
#[test]
fn a_notice_sent_after_its_deadline_is_refused() {
    let tender = fixture("esbjerg-managed-service");
    let deadline = tender.submission_deadline.expect("a deadline").date().to_string();
    let late = problems(&tender, &NoticeOptions::new(format!("{deadline}T08:00:00+02:00")));
    assert_eq!(late.len(), 1, "{late:?}");
    assert_eq!(late[0].path, "submission_deadline");
    assert!(late[0].message.contains("BR-BT-00131-0151"), "{}", late[0].message);
    assert!(eforms_notice(&tender, &NoticeOptions::new(DATE)).is_ok(), "a date before the deadline is fine");
}

#[test]
fn only_the_open_procedure_of_a_member_state_buyer() {
    let tender = fixture("eu-sovereign-cloud");
    let found = problems(&tender, &NoticeOptions::new(DATE));
    assert!(found.iter().any(|p| p.path == "procedure"), "a dynamic purchasing system: {found:?}");
    assert!(found.iter().any(|p| p.path == "buyer.kind"), "an EU institution: {found:?}");
}

#[test]
fn notice_languages_are_the_options() {
    let tender = fixture("copenhagen-lots");
    let mut options = NoticeOptions::new(DATE);
    options.languages = Some(vec![Language::en()]);
    let xml = eforms_notice(&tender, &options).expect("exports").output;
    assert!(xml.contains("<cbc:NoticeLanguageCode>ENG</cbc:NoticeLanguageCode>"));
    assert!(!xml.contains("AdditionalNoticeLanguage") && !xml.contains(r#"languageID="DAN""#));
    options.languages = Some(vec![Language::new("fr")]);
    assert!(problems(&tender, &options).iter().any(|p| p.message.contains("`fr`")));
}
