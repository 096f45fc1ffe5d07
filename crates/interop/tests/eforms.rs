//! eForms export: every fixture and every case in `tests/eforms/` is exported, parsed back to
//! check it is well-formed XML, and snapshotted (the XML, or the problems found).

mod common;

use std::path::Path;

use quick_xml::Reader;
use quick_xml::events::Event;
use tender_core::{Tender, files};
use tender_interop::eforms_award_criteria;

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
    let report = match eforms_award_criteria(tender) {
        Ok(xml) => {
            let criteria = well_formed(&xml);
            let expected: usize = tender.lots.iter().map(|l| l.award.criteria.len()).sum();
            assert_eq!(criteria, expected, "{name}: one SubordinateAwardingCriterion per criterion");
            xml
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
        assert_eq!(eforms_award_criteria(&tender).ok(), eforms_award_criteria(&tender).ok());
    }
}
