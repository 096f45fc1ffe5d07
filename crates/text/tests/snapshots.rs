//! Snapshots of every document for every fixture in both languages.
//!
//! For each directory in `fixtures/` (sorted) the tender and its bids are loaded, evaluated and
//! analysed (4,000 samples, seed 2026), and the specification, the committee's report, the award
//! decision with its letters and the robustness analysis are written in Danish and English. Each text is written twice and must be
//! byte-identical, must pass the Markdown structure checks of `tests/markdown.rs`, and is compared
//! with its committed snapshot (`snapshots/<fixture>-<document>-<language>.snap`). The report with
//! the analysis as its last chapter must pass the structure checks too, and be the report followed
//! by the analysis.

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
        let options = tender_analysis::Options { samples: 4_000, seed: 2026, ..Default::default() };
        let analysis = tender_analysis::analyze(&tender, &bids, &options)
            .unwrap_or_else(|e| panic!("{}: the fixture cannot be analysed: {e}", fixture.display()));
        for lang in [Language::da(), Language::en()] {
            let spec = || tender_text::specification(&tender, &lang).unwrap_or_else(|e| panic!("{name} {lang}: {e}"));
            let report = || {
                tender_text::report(&tender, &bids, &evaluation, &lang).unwrap_or_else(|e| panic!("{name} {lang}: {e}"))
            };
            let decision = || {
                tender_text::award_decision(&tender, &evaluation, &lang)
                    .unwrap_or_else(|e| panic!("{name} {lang}: {e}"))
            };
            let appendix = || {
                tender_text::analysis_appendix(&tender, &analysis, &lang)
                    .unwrap_or_else(|e| panic!("{name} {lang}: {e}"))
            };
            let with_analysis = tender_text::report_with_analysis(&tender, &bids, &evaluation, &analysis, &lang)
                .unwrap_or_else(|e| panic!("{name} {lang}: {e}"));
            common::check_markdown(&format!("{name}-report-with-analysis-{lang}"), &with_analysis);
            assert!(with_analysis.starts_with(&report()), "{name} {lang}: the report comes first, unchanged");
            for (doc, text, again) in [
                ("specification", spec(), spec()),
                ("report", report(), report()),
                ("decision", decision(), decision()),
                ("analysis", appendix(), appendix()),
            ] {
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
