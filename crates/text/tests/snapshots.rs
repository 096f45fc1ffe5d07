//! Snapshots of both documents for every fixture in both languages.
//!
//! For each directory in `fixtures/` (sorted) the tender and its bids are loaded, evaluated, and
//! the specification and the report are written in Danish and English. Each text is written
//! twice and must be byte-identical, must pass the Markdown structure checks of
//! `tests/markdown.rs`, and is compared with its committed snapshot
//! (`snapshots/<fixture>-<document>-<language>.snap`).

mod common;

use tender_core::Language;

#[test]
fn fixtures() {
    let fixtures = common::fixtures();
    assert!(!fixtures.is_empty(), "no fixtures found");
    for fixture in &fixtures {
        let (tender, bids) = common::load(fixture);
        let evaluation = tender_score::evaluate(&tender, &bids)
            .unwrap_or_else(|e| panic!("{}: the fixture cannot be evaluated: {e}", fixture.display()));
        let name = fixture.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        for lang in [Language::da(), Language::en()] {
            let spec = || tender_text::specification(&tender, &lang).unwrap_or_else(|e| panic!("{name} {lang}: {e}"));
            let report = || {
                tender_text::report(&tender, &bids, &evaluation, &lang).unwrap_or_else(|e| panic!("{name} {lang}: {e}"))
            };
            for (doc, text, again) in [("specification", spec(), spec()), ("report", report(), report())] {
                let what = format!("{name}-{doc}-{lang}");
                assert_eq!(text, again, "{what}: not byte-identical run to run");
                common::check_markdown(&what, &text);
                insta::with_settings!({
                    snapshot_suffix => what.clone(),
                    prepend_module_to_snapshot => false,
                    omit_expression => true,
                }, {
                    insta::assert_snapshot!("text", text);
                });
            }
        }
    }
}
