//! The HTML edition: every document of every fixture in both languages parses as HTML5 without
//! errors and passes the checks of `common/html.rs` (inert, self-contained, accessible tables
//! and charts); it is byte-identical run to run; it says what the Markdown says; the report has
//! a chart per lot with a bar per ranked bid; bidder text planted with markup stays text; and
//! the checks themselves catch a broken or hostile page. Snapshots of one fixture's
//! specification and report in Danish and English (`snapshots/html@…`).

mod common;

#[path = "common/html.rs"]
mod html;

use pulldown_cmark::{Event, Options, Parser};
use tender_core::{Bid, Language};

/// The text of a Markdown document as a reader sees it, without any whitespace.
fn markdown_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        if let Event::Text(t) | Event::Code(t) | Event::Html(t) | Event::InlineHtml(t) = event {
            out.push_str(&t);
        }
    }
    out.split_whitespace().collect()
}

/// Where the page says something else than the Markdown, if it does: the same text in the same
/// order is expected, apart from the charts and captions the HTML adds (whitespace aside: table
/// cells have none between them in HTML).
fn text_differs(page: &html::Page, markdown: &str) -> Option<String> {
    let content: String = page.content.split_whitespace().collect();
    let expected = markdown_text(markdown);
    if content == expected {
        return None;
    }
    let at = content.chars().zip(expected.chars()).take_while(|(a, b)| a == b).count();
    let near = |s: &str| s.chars().skip(at.saturating_sub(40)).take(120).collect::<String>();
    Some(format!(
        "the HTML says something else than the Markdown\n html: …{}\n   md: …{}",
        near(&content),
        near(&expected)
    ))
}

/// Hostile bidder text: a script, an image with an event handler, a `javascript:` link in
/// Markdown and in HTML, a closing cell, a comment and table pipes.
const EVIL: &str = "Evil <script>alert(1)</script> <img src=x onerror=alert(2)> [click](javascript:alert(3)) \
                    <a href=\"javascript:alert(4)\">a</a> </td> <!-- | pipes |";

fn analysis_of(tender: &tender_core::Tender, bids: &[Bid]) -> tender_analysis::Analysis {
    let options = tender_analysis::Options { samples: 500, seed: 2026, ..Default::default() };
    tender_analysis::analyze(tender, bids, &options).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn every_fixture_in_both_languages() {
    for fixture in common::fixtures() {
        let name = fixture.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_owned();
        let (tender, bids) = common::load(&fixture);
        let evaluation = tender_score::evaluate(&tender, &bids).unwrap_or_else(|e| panic!("{name}: {e}"));
        let analysis = analysis_of(&tender, &bids);
        for lang in [Language::da(), Language::en()] {
            let what = |doc: &str| format!("{name}-{doc}-{lang}");
            let spec = tender_text::specification_html(&tender, &lang).unwrap_or_else(|e| panic!("{e}"));
            let report = tender_text::report_html(&tender, &bids, &evaluation, &lang).unwrap_or_else(|e| panic!("{e}"));
            let decision =
                tender_text::award_decision_html(&tender, &evaluation, &lang).unwrap_or_else(|e| panic!("{e}"));
            let appendix = tender_text::analysis_html(&tender, &analysis, &lang).unwrap_or_else(|e| panic!("{e}"));
            let both = tender_text::report_with_analysis_html(&tender, &bids, &evaluation, &analysis, &lang)
                .unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(
                report,
                tender_text::report_html(&tender, &bids, &evaluation, &lang).unwrap_or_else(|e| panic!("{e}")),
                "{}: not byte-identical run to run",
                what("report")
            );
            for (doc, html) in [
                ("spec", &spec),
                ("report", &report),
                ("decision", &decision),
                ("analysis", &appendix),
                ("both", &both),
            ] {
                let page = html::assert_valid(&what(doc), html);
                assert_eq!(page.lang, lang.as_str(), "{}", what(doc));
                assert_eq!(page.scripts, 0, "{}", what(doc));
                assert!(!page.captions.is_empty(), "{}: no table", what(doc));
            }
            // One source: each page says what its Markdown says, no more and no less.
            let markdowns = [
                ("spec", &spec, tender_text::specification(&tender, &lang)),
                ("report", &report, tender_text::report(&tender, &bids, &evaluation, &lang)),
                ("decision", &decision, tender_text::award_decision(&tender, &evaluation, &lang)),
                ("analysis", &appendix, tender_text::analysis_appendix(&tender, &analysis, &lang)),
                ("both", &both, tender_text::report_with_analysis(&tender, &bids, &evaluation, &analysis, &lang)),
            ];
            for (doc, html, markdown) in markdowns {
                let markdown = markdown.unwrap_or_else(|e| panic!("{e}"));
                if let Some(d) = text_differs(&html::check(html), &markdown) {
                    panic!("{}: {d}", what(doc));
                }
            }
            let page = html::check(&report);
            // A chart per lot with ranked bids, a bar segment per ranked bid and criterion.
            for e in &evaluation.lots {
                let ranked = e.bids.iter().filter(|b| b.rank.is_some()).count();
                if ranked == 0 {
                    continue;
                }
                let chart = page.charts.iter().find(|(title, _)| title.ends_with(e.lot.as_str()));
                let Some((_, bars)) = chart else { panic!("{}: no chart for lot {}", what("report"), e.lot) };
                assert!(*bars >= ranked, "{}: lot {} has {bars} bars for {ranked} bids", what("report"), e.lot);
            }
            // The decision shows what its Markdown shows: no chart, the same headings.
            assert!(html::check(&decision).charts.is_empty(), "{}", what("decision"));
            // The analysis draws its charts.
            let stability = analysis.lots.iter().filter(|a| a.stability.done().is_some()).count();
            assert!(html::check(&appendix).charts.len() >= stability, "{}", what("analysis"));
        }
    }
}

#[test]
fn the_committee_report_is_marked_internal() {
    let fixture = common::fixtures().into_iter().find(|f| f.ends_with("aalborg-consultancy")).expect("fixture");
    let (tender, bids) = common::load(&fixture);
    let evaluation = tender_score::evaluate(&tender, &bids).unwrap_or_else(|e| panic!("{e}"));
    let report =
        tender_text::report_html(&tender, &bids, &evaluation, &Language::da()).unwrap_or_else(|e| panic!("{e}"));
    let notice = report.find("<div class=\"notice\" role=\"note\">").expect("the internal mark is framed");
    assert!(report[notice..].starts_with("<div class=\"notice\" role=\"note\">\n<p><strong>Internt arbejdsdokument"));
    let decision =
        tender_text::award_decision_html(&tender, &evaluation, &Language::da()).unwrap_or_else(|e| panic!("{e}"));
    assert!(!decision.contains("class=\"notice\""));
}

#[test]
fn bidder_text_with_markup_stays_text() {
    let fixture = common::fixtures().into_iter().find(|f| f.ends_with("aalborg-consultancy")).expect("fixture");
    let (tender, mut bids) = common::load(&fixture);
    for (i, bid) in bids.iter_mut().enumerate() {
        bid.bidder.name = format!("{EVIL} {i}");
        for s in &mut bid.scores {
            s.justification = EVIL.to_owned();
        }
    }
    let evaluation = tender_score::evaluate(&tender, &bids).unwrap_or_else(|e| panic!("{e}"));
    let analysis = analysis_of(&tender, &bids);
    for lang in [Language::da(), Language::en()] {
        let pages = [
            tender_text::report_html(&tender, &bids, &evaluation, &lang),
            tender_text::award_decision_html(&tender, &evaluation, &lang),
            tender_text::report_with_analysis_html(&tender, &bids, &evaluation, &analysis, &lang),
        ];
        for html in pages {
            let html = html.unwrap_or_else(|e| panic!("{e}"));
            let page = html::assert_valid(&format!("hostile-{lang}"), &html);
            assert_eq!(page.scripts, 0);
            for raw in ["<script", "<img", "<a ", "<!--"] {
                assert!(!html.contains(raw), "{lang}: `{raw}` reached the HTML");
            }
            // Shown literally, as the bidder wrote it.
            assert!(page.text.contains("Evil <script>alert(1)</script> <img src=x onerror=alert(2)>"), "{lang}");
            assert!(page.text.contains("[click](javascript:alert(3))"), "{lang}");
            assert!(page.text.contains("</td> <!-- | pipes |"), "{lang}");
        }
    }
}

#[test]
fn the_checks_catch_a_broken_or_hostile_page() {
    let good = tender_text::specification_html(
        &common::load(&common::fixtures().into_iter().next().expect("a fixture")).0,
        &Language::en(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert!(html::check(&good).problems.is_empty());
    let bad = |from: &str, to: &str, expect: &str| {
        assert!(good.contains(from), "`{from}` is not in the page");
        let page = html::check(&good.replacen(from, to, 1));
        assert!(
            page.problems.iter().any(|p| p.contains(expect)),
            "`{to}` was not caught as `{expect}`: {:?}",
            page.problems
        );
    };
    bad("<main>", "<main><script>alert(1)</script>", "<script> is not allowed");
    bad("<main>", "<main><img src=x onerror=alert(1)>", "event handler");
    bad("<main>", "<main><p><a href=\"javascript:alert(1)\">x</a></p>", "javascript:");
    bad("<main>", "<main><p><b>unclosed</p>", "parse error");
    bad("<main>", "<main></td>", "parse error");
    bad("<th scope=\"col\">", "<th>", "without scope");
    bad("<html lang=\"en\">", "<html>", "no lang");
    bad("<!DOCTYPE html>\n", "", "DOCTYPE");
    let first_caption = good.find("<caption>").expect("a caption");
    let end = good[first_caption..].find("</caption>").expect("its end") + first_caption + "</caption>".len();
    let without = format!("{}{}", &good[..first_caption], &good[end..]);
    assert!(html::check(&without).problems.iter().any(|p| p.contains("without a caption")));
    // A page that says more, or less, than its Markdown.
    let markdown = tender_text::specification(
        &common::load(&common::fixtures().into_iter().next().expect("a fixture")).0,
        &Language::en(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(text_differs(&html::check(&good), &markdown), None);
    let more = good.replacen("<main>", "<main><p>One more sentence.</p>", 1);
    assert!(text_differs(&html::check(&more), &markdown).is_some());
    let first_p = good.find("<p>").expect("a paragraph");
    let end = good[first_p..].find("</p>").expect("its end") + first_p + "</p>".len();
    let less = format!("{}{}", &good[..first_p], &good[end..]);
    assert!(text_differs(&html::check(&less), &markdown).is_some());
    let chart = "<svg role=\"img\"><rect class=\"segment\"/></svg>";
    let page = html::check(&good.replacen("<main>", &format!("<main>{chart}"), 1));
    assert!(page.problems.iter().any(|p| p.contains("without a title")), "{:?}", page.problems);
}

#[test]
fn snapshots() {
    let fixture = common::fixtures().into_iter().find(|f| f.ends_with("aalborg-consultancy")).expect("fixture");
    let (tender, bids) = common::load(&fixture);
    let evaluation = tender_score::evaluate(&tender, &bids).unwrap_or_else(|e| panic!("{e}"));
    for lang in [Language::da(), Language::en()] {
        for (doc, html) in [
            ("specification", tender_text::specification_html(&tender, &lang)),
            ("report", tender_text::report_html(&tender, &bids, &evaluation, &lang)),
        ] {
            let html = html.unwrap_or_else(|e| panic!("{e}"));
            insta::with_settings!({
                snapshot_suffix => format!("aalborg-consultancy-{doc}-{lang}"),
                prepend_module_to_snapshot => false,
                omit_expression => true,
            }, {
                insta::assert_snapshot!("html", html);
            });
        }
    }
}
