//! eForms export: every fixture and every case in `tests/eforms/` is exported, parsed back to
//! check it is well-formed XML, and snapshotted (the XML, or the problems found).

mod common;

use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::Event;
use tender_core::Language;
use tender_core::{Tender, files};
use tender_interop::{EformsOptions, ExportError, eforms_award_criteria};

/// Parses the XML with quick-xml, checking that every start tag is closed by its end tag; returns
/// the number of `cac:SubordinateAwardingCriterion` elements.
fn well_formed(xml: &str) -> usize {
    let mut reader = Reader::from_str(xml);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<String> = Vec::new();
    let mut criteria = 0;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) => {
                let name = e.name().as_ref().to_owned();
                if name == "cac:SubordinateAwardingCriterion" {
                    criteria += 1;
                }
                stack.push(name);
            }
            Ok(Event::End(e)) => {
                let name = e.name().as_ref().to_owned();
                assert_eq!(stack.pop().as_deref(), Some(name.as_str()), "unbalanced </{name}>");
            }
            Ok(Event::Eof) => break,
            Ok(_) => {}
            Err(e) => panic!("not well-formed at {}: {e}\n{xml}", reader.error_position()),
        }
    }
    assert!(stack.is_empty(), "unclosed: {stack:?}");
    criteria
}

fn check(name: &str, input: &Path, tender: &Tender) {
    let report = match eforms_award_criteria(tender, &EformsOptions::default()) {
        Ok(exported) => {
            let criteria = well_formed(&exported.output);
            let expected: usize = tender.lots.iter().map(|l| l.award.criteria.len()).sum();
            assert_eq!(criteria, expected, "{name}: one SubordinateAwardingCriterion per criterion");
            let warnings: String = exported.warnings.iter().map(|w| format!("warning: {w}\n")).collect();
            format!("{warnings}{}", exported.output)
        }
        Err(e) => format!("error: {e}\n"),
    };
    insta::with_settings!({
        input_file => input,
        snapshot_suffix => name,
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("eforms", report);
    });
}

#[test]
fn fixtures() {
    for (name, tender, _) in common::fixtures() {
        let input = common::fixtures_dir().join(&name).join("tender.toml");
        check(&name, &input, &tender);
    }
}

#[test]
fn cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eforms");
    for path in common::files_with(&dir, "toml") {
        let name = path.file_stem().expect("stem").to_string_lossy().into_owned();
        let source = std::fs::read_to_string(&path).expect("reads");
        let tender: Tender = files::parse(&source, files::Format::Toml, &path).expect("case parses");
        check(&name, &path, &tender);
    }
}

#[test]
fn output_is_byte_identical_run_to_run() {
    for (_, tender, _) in common::fixtures() {
        let options = EformsOptions::default();
        assert_eq!(eforms_award_criteria(&tender, &options).ok(), eforms_award_criteria(&tender, &options).ok());
    }
}

fn copenhagen() -> Tender {
    common::fixtures().into_iter().find(|(n, ..)| n == "copenhagen-lots").expect("fixture").1
}

fn in_languages(codes: &[&str]) -> EformsOptions {
    EformsOptions { languages: Some(codes.iter().map(|c| Language::new(*c)).collect()) }
}

#[test]
fn only_the_notice_languages_are_written() {
    let tender = copenhagen();
    let xml = eforms_award_criteria(&tender, &in_languages(&["en"])).expect("exports").output;
    assert!(xml.contains(r#"languageID="ENG""#));
    assert!(!xml.contains(r#"languageID="DAN""#), "only English was asked for");
    assert!(xml.contains("texts in ENG:"), "the output says which languages it has");
    let both = eforms_award_criteria(&tender, &EformsOptions::default()).expect("exports").output;
    assert!(both.contains(r#"languageID="DAN""#) && both.contains("texts in DAN, ENG:"));
}

#[test]
fn a_language_the_tender_lacks_is_refused_once() {
    let tender = copenhagen();
    let Err(ExportError::Invalid { problems, .. }) = eforms_award_criteria(&tender, &in_languages(&["en", "fr"]))
    else {
        panic!("French is not a tender language");
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].message.contains("`fr`"), "{}", problems[0]);
    for (codes, why) in [(&["xx"][..], "no eForms code"), (&["en", "en"][..], "twice"), (&[][..], "none")] {
        assert!(eforms_award_criteria(&tender, &in_languages(codes)).is_err(), "{why}");
    }
}

#[test]
fn a_criterion_without_description_is_a_warning() {
    let tender = copenhagen();
    let exported = eforms_award_criteria(&tender, &EformsOptions::default()).expect("exports");
    let undescribed: usize = tender
        .lots
        .iter()
        .flat_map(|l| &l.award.criteria)
        .filter(|c| c.description.is_none() && c.sub_criteria.is_empty())
        .count();
    let warned = exported.warnings.iter().filter(|w| w.path.ends_with(".description")).count();
    assert_eq!(warned, undescribed);
    // A described criterion has its own description as BT-540, not its name.
    assert!(exported.output.contains(r#"<cbc:Description languageID="ENG">The lowest price gets full points"#));
}

fn case(name: &str) -> Tender {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/eforms").join(format!("{name}.toml"));
    let source = std::fs::read_to_string(&path).expect("reads");
    files::parse(&source, files::Format::Toml, &path).expect("case parses")
}

#[test]
fn max_pass_goes_on_the_quality_criterion_or_is_a_warning() {
    // One quality criterion: the N best on it go on to price.
    let tender = case("points-max-pass");
    let xml = eforms_award_criteria(&tender, &EformsOptions::default()).expect("exports").output;
    let quality = xml.split("<cac:SubordinateAwardingCriterion>").nth(2).expect("the quality criterion");
    assert!(quality.contains(">max-pass<") && quality.contains(">quality<"), "{quality}");
    let price = xml.split("<cac:SubordinateAwardingCriterion>").nth(1).expect("the price criterion");
    assert!(!price.contains("max-pass"), "{price}");
    // Two quality criteria: no criterion can carry it.
    let mut two = tender.clone();
    let mut second = two.lots[0].award.criteria[1].clone();
    second.id = tender_core::Id::new("Q2");
    two.lots[0].award.criteria[1].weight = Some("300".parse().expect("weight"));
    second.weight = Some("300".parse().expect("weight"));
    two.lots[0].award.criteria.push(second);
    let exported = eforms_award_criteria(&two, &EformsOptions::default()).expect("exports");
    assert!(!exported.output.contains("max-pass"));
    assert!(exported.warnings.iter().any(|w| w.path == "lots[0].award.quality.max_pass"), "{:?}", exported.warnings);
}

#[test]
fn minimum_total_is_said_or_warned_about() {
    let mut tender = case("points-max-pass");
    tender.lots[0].award.quality.minimum_total = Some("60".parse().expect("percent"));
    let exported = eforms_award_criteria(&tender, &EformsOptions::default()).expect("exports");
    assert!(
        exported.warnings.iter().any(|w| w.path == "lots[0].award.quality.minimum_total"),
        "{:?}",
        exported.warnings
    );
    // Under a formula model the method text (BT-543) says it.
    let tender = copenhagen();
    let exported = eforms_award_criteria(&tender, &in_languages(&["da"])).expect("exports");
    assert!(exported.output.contains("minimum af kvalitetspointene: 50 %"), "{}", exported.output);
    assert!(!exported.warnings.iter().any(|w| w.path.ends_with("minimum_total")));
}

/// Totals relative to the best total have no eForms field: the rule is stated once, in BT-540 of
/// the lot's first criterion, in each language (issue 12, rule 3).
#[test]
fn relative_total_is_stated_in_the_first_criterions_description() {
    let mut tender = copenhagen();
    for lot in &mut tender.lots {
        lot.award.relative_total = true;
    }
    let xml = eforms_award_criteria(&tender, &EformsOptions::default()).expect("exports").output;
    let en = "The total points are made relative to the best bid";
    let da = "Den samlede pointsum gøres relativ til det bedste tilbud";
    assert_eq!(xml.matches(en).count(), tender.lots.len(), "{xml}");
    assert_eq!(xml.matches(da).count(), tender.lots.len(), "{xml}");
    let plain = eforms_award_criteria(&copenhagen(), &EformsOptions::default()).expect("exports").output;
    assert!(!plain.contains(en));
}
