//! Fuzz target for the whole pipeline, as the `tender` command line runs it (issue 17): parse a
//! tender and its bids (TOML or JSON), validate them, locate every problem in its file, write the
//! requirement specification (for any tender that parses, valid or not), and for a valid case
//! evaluate the bids, write the evaluation report, run a small robustness analysis and its
//! appendix, and export eForms and OCDS. Any panic, timeout or out-of-memory is a bug.
//!
//! Input: one byte of flags (bit 0: the tender is JSON; bit 1: the bids are JSON), then the
//! tender's text and up to eight bids' texts, separated by NUL bytes. `seed.sh` writes the
//! fixtures and the malformed corpus in this form.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tender_core::files::{self, Format, SpanIndex};
use tender_core::validate;
use tender_core::{Bid, Tender};

fn format(json: bool) -> Format {
    if json { Format::Json } else { Format::Toml }
}

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else { return };
    let mut parts = rest.split(|b| *b == 0);
    let Some(tender_bytes) = parts.next() else { return };
    let Ok(tender_text) = std::str::from_utf8(tender_bytes) else { return };
    let tender_format = format(flags & 1 == 1);
    let bid_format = format(flags & 2 == 2);
    let Ok(tender) = files::parse::<Tender>(tender_text, tender_format, Path::new("tender")) else { return };
    let mut problems = validate::validate_tender(&tender);
    let tender_index = SpanIndex::new(tender_text, tender_format);
    for p in &problems {
        let _ = tender_index.locate(tender_text, &p.path);
    }
    // The text crate takes any tender: numbers that overflow are errors, not panics.
    for lang in tender_text::languages() {
        let _ = tender_text::specification(&tender, &lang);
        let _ = tender_text::specification_html(&tender, &lang);
    }
    let mut bids = Vec::new();
    for part in parts.take(8) {
        let Ok(text) = std::str::from_utf8(part) else { continue };
        let Ok(bid) = files::parse::<Bid>(text, bid_format, Path::new("bid")) else { continue };
        let bid_problems = validate::validate_bid(&tender, &bid);
        let index = SpanIndex::new(text, bid_format);
        for p in &bid_problems {
            let _ = index.locate(text, &p.path);
        }
        problems.extend(bid_problems);
        bids.push(bid);
    }
    problems.extend(validate::validate_bid_set(&tender, &bids));
    let _ = tender_interop::eforms_award_criteria(&tender);
    // As the command line: an error in any file stops the evaluation.
    if validate::has_errors(&problems) {
        return;
    }
    let Ok(evaluation) = tender_score::evaluate(&tender, &bids) else { return };
    for lang in tender_text::languages() {
        let _ = tender_text::report(&tender, &bids, &evaluation, &lang);
        let _ = tender_text::award_decision(&tender, &evaluation, &lang);
        let _ = tender_text::report_html(&tender, &bids, &evaluation, &lang);
        let _ = tender_text::award_decision_html(&tender, &evaluation, &lang);
    }
    let options = tender_interop::OcdsOptions::new("ocds-fuzz00-", "2026-01-01T00:00:00Z");
    let _ = tender_interop::ocds_release_package(&tender, &bids, &evaluation, &options);
    let analysis_options = tender_analysis::Options { samples: 16, ..Default::default() };
    if let Ok(analysis) = tender_analysis::analyze(&tender, &bids, &analysis_options) {
        for lang in tender_text::languages() {
            let _ = tender_text::analysis_appendix(&tender, &analysis, &lang);
            let _ = tender_text::analysis_html(&tender, &analysis, &lang);
        }
    }
    // Written back and read again: the files the program writes are files it reads.
    if let Ok(text) = files::to_string(&tender, Format::Json) {
        let _ = files::parse::<Tender>(&text, Format::Json, Path::new("tender.json"));
    }
});
