//! The award decision with its letters is what the bidders receive (issue 14, item 5): it holds
//! none of a rejected or excluded bid's marks or the evaluators' justifications, none of the
//! committee's notes, and in each letter no other bidder's figures than the winning bid's.

mod common;

use std::collections::BTreeSet;
use std::path::Path;

use tender_core::Language;
use tender_score::result::BidResult;

/// A figure as the catalogue of `lang` writes it with `decimals` places.
fn figure(value: rust_decimal::Decimal, decimals: u32, lang: &Language) -> String {
    let mut v = value;
    v.rescale(decimals);
    let text = v.to_string();
    if lang == &Language::da() { text.replace('.', ",") } else { text }
}

/// Every points figure of a bid: total, price points, quality points, each criterion's points.
fn figures(b: &BidResult, decimals: u32, lang: &Language) -> Vec<String> {
    let mut out = Vec::new();
    out.extend(b.total.map(|t| figure(t.value, decimals, lang)));
    out.extend(b.quality.map(|q| figure(q.value, decimals, lang)));
    out.extend(b.price.as_ref().and_then(|p| p.points).map(|p| figure(p.value, decimals, lang)));
    out.extend(b.criteria.iter().map(|c| figure(c.points.value, decimals, lang)));
    out
}

/// The committee's material, by its headings and markers, in both languages.
const COMMITTEE: &[&str] = &[
    "Bemærkninger til bedømmelsesudvalget",
    "Findings for the committee",
    "Tæt afgørelse",
    "Close call",
    "Kontrol af ændringer i den indbyrdes rangorden",
    "Rank reversal",
    "Evaluatorernes begrundelser",
    "The evaluators' justifications",
    "Internt arbejdsdokument",
    "Internal working document",
    "Tilbuddene i detaljer",
    "The bids in detail",
];

#[test]
fn the_bidders_document_holds_nothing_of_rejected_bids_or_the_committee() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/odense-collaboration");
    let (tender, bids) = common::load(&dir);
    let evaluation = tender_score::evaluate(&tender, &bids).expect("the fixture evaluates");
    let unranked: Vec<&BidResult> = evaluation.lots.iter().flat_map(|l| &l.bids).filter(|b| b.rank.is_none()).collect();
    assert!(
        unranked.iter().any(|b| b.status == tender_score::result::BidStatus::Rejected && b.quality.is_some()),
        "the fixture has a rejected bid with marks"
    );
    for lang in [Language::da(), Language::en()] {
        let doc = tender_text::award_decision(&tender, &evaluation, &lang).expect("the decision is written");
        common::check_markdown(&format!("odense-collaboration-decision-{lang}"), &doc);
        let plain = doc.replace('\\', "");
        for note in COMMITTEE {
            assert!(!plain.contains(note), "{lang}: the committee's {note:?} is in the bidders' document");
        }
        for bid in &bids {
            for j in bid.scores.iter().map(|s| &s.justification).chain(bid.consensus.iter().map(|c| &c.justification)) {
                let j: String = j.split_whitespace().collect::<Vec<_>>().join(" ");
                let head: String = j.chars().take(40).collect();
                if head.chars().count() >= 20 {
                    assert!(!plain.contains(&head), "{lang}: a justification is in the bidders' document: {head}");
                }
            }
            for s in &bid.scores {
                assert!(!doc.contains(&format!("| {} |", s.evaluator)), "{lang}: an evaluator's marks are shown");
            }
        }
        for l in &evaluation.lots {
            let allowed: BTreeSet<String> =
                l.bids.iter().filter(|b| b.rank.is_some()).flat_map(|b| figures(b, l.decimals, &lang)).collect();
            for b in l.bids.iter().filter(|b| b.rank.is_none()) {
                for f in figures(b, l.decimals, &lang) {
                    if !allowed.contains(&f) {
                        assert!(!doc.contains(&f), "{lang}: the unranked bid {}'s figure {f} is shown", b.bid);
                    }
                }
            }
            // Each letter: its own figures and the winners', nobody else's.
            let winners: BTreeSet<String> =
                l.bids.iter().filter(|b| b.awarded).flat_map(|b| figures(b, l.decimals, &lang)).collect();
            for b in l.bids.iter().filter(|b| b.rank.is_some() && !b.awarded) {
                let own: BTreeSet<String> = figures(b, l.decimals, &lang).into_iter().collect();
                for other in l.bids.iter().filter(|o| o.rank.is_some() && !o.awarded && o.bid != b.bid) {
                    let letter = doc
                        .split("\n### ")
                        .find(|s| s.lines().next().is_some_and(|h| h.ends_with(&format!("({})", b.bid))))
                        .expect("a letter per bid");
                    for f in figures(other, l.decimals, &lang) {
                        if !own.contains(&f) && !winners.contains(&f) {
                            assert!(
                                !letter.contains(&f),
                                "{lang}: {}'s letter shows {}'s figure {f}",
                                b.bid,
                                other.bid
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn a_letter_gives_the_bidders_own_figure_first() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/odense-collaboration");
    let (tender, bids) = common::load(&dir);
    let evaluation = tender_score::evaluate(&tender, &bids).expect("the fixture evaluates");
    let doc = tender_text::award_decision(&tender, &evaluation, &Language::da()).expect("written");
    let letter = doc.split("\n### ").find(|s| s.starts_with("2.2 ")).expect("the second letter");
    let own = letter.find("Jeres tilbud er placeret").expect("own placing");
    let winner = letter.find("hvis tilbud opnåede").expect("the winner's scores");
    assert!(own < winner, "{letter}");
    assert!(letter.contains(": jeres tilbud "), "{letter}");
    assert!(letter.contains("standstill-perioden") && letter.contains("Klagenævnet for Udbud"), "{letter}");
}
