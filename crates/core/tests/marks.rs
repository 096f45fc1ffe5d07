//! A bid's marks as read and validated: the vector each bid's marks are read into starts at the
//! size of the last bid's (issue 13), which must never lose, add or mix up a mark; and validation
//! prepared once per lot must still find each mark off its scale and each evaluator who marks a
//! criterion twice, however many evaluators there are.

use std::path::Path;

use tender_core::files::{self, Format};
use tender_core::validate::{self, Level, Problem};
use tender_core::{Bid, Tender};

fn fixture(rel: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures").join(rel))
        .expect("the fixture")
}

fn tender() -> Tender {
    files::parse(&fixture("aarhus-office-suite/tender.toml"), Format::Toml, Path::new("tender.toml"))
        .expect("the tender")
}

fn bid_with_marks(marks: &[(&str, &str, &str)]) -> String {
    let source = fixture("aarhus-office-suite/bids/aa-01-kontorvaerket.toml");
    let head = &source[..source.find("[[scores]]").expect("the bid has marks")];
    let mut out = head.to_owned();
    for (evaluator, criterion, score) in marks {
        out.push_str(&format!(
            "[[scores]]\nevaluator = \"{evaluator}\"\ncriterion = \"{criterion}\"\nscore = {score}\njustification = \"j\"\n\n"
        ));
    }
    out
}

fn read(source: &str, format: Format) -> Bid {
    files::parse(source, format, Path::new("bid")).expect("the bid")
}

/// The errors validation finds in a bid with `marks` that `keep` keeps, as `path: message`.
fn errors_of(t: &Tender, marks: &[(&str, &str, &str)], keep: impl Fn(&Problem) -> bool) -> Vec<String> {
    let bid = read(&bid_with_marks(marks), Format::Toml);
    validate::validate_bid(t, &bid)
        .into_iter()
        .filter(|p| p.level == Level::Error && keep(p))
        .map(|p| format!("{}: {}", p.path, p.message))
        .collect()
}

#[test]
fn a_bid_read_after_a_longer_or_shorter_one_has_exactly_its_own_marks() {
    let long: Vec<(String, &str, String)> =
        (0..40).map(|k| (format!("E{}", k % 3 + 1), "Q-FUNC.1", (k % 6).to_string())).collect();
    let long: Vec<(&str, &str, &str)> = long.iter().map(|(e, c, s)| (e.as_str(), *c, s.as_str())).collect();
    let short = [("E1", "Q-FUNC.1", "2"), ("E2", "Q-FUNC.1", "5")];
    for format in [Format::Toml, Format::Json] {
        let as_format = |marks: &[(&str, &str, &str)]| {
            let bid = read(&bid_with_marks(marks), Format::Toml);
            match format {
                Format::Json => serde_json::to_string(&bid).expect("json"),
                _ => bid_with_marks(marks),
            }
        };
        let (long_text, short_text, none_text) = (as_format(&long), as_format(&short), as_format(&[]));
        // Long, short, none, long again: each bid has its own marks, in order, and no room to spare.
        for (text, expected) in
            [(&long_text, &long[..]), (&short_text, &short[..]), (&none_text, &[][..]), (&long_text, &long[..])]
        {
            let bid = read(text, format);
            let got: Vec<(String, String, String)> = bid
                .scores
                .iter()
                .map(|s| (s.evaluator.to_string(), s.criterion.to_string(), s.score.get().to_string()))
                .collect();
            let want: Vec<(String, String, String)> =
                expected.iter().map(|(e, c, s)| ((*e).to_owned(), (*c).to_owned(), (*s).to_owned())).collect();
            assert_eq!(got, want, "{format:?}");
            assert_eq!(bid.scores.capacity(), bid.scores.len(), "{format:?}: the vector is trimmed");
        }
    }
}

#[test]
fn a_mark_off_its_scale_is_found_after_the_same_criterion_had_good_marks() {
    let t = tender();
    // On a 0..5 scale of whole steps: 4 and 4.0 are on it, 4.5 is between steps, 6 outside it.
    let marks = [
        ("E1", "Q-FUNC.1", "4"),
        ("E2", "Q-FUNC.1", "4.0"),
        ("E3", "Q-FUNC.1", "4.5"),
        ("E1", "Q-FUNC.2", "4"),
        ("E2", "Q-FUNC.2", "6"),
        ("E3", "Q-FUNC.2", "4"),
    ];
    let errors = errors_of(&t, &marks, |p| p.path.starts_with("scores"));
    assert_eq!(
        errors,
        ["scores[2].score: 4.5 is not on the scale's steps of 1", "scores[4].score: 6 is outside the scale 0..5"]
    );
}

#[test]
fn an_evaluator_marking_a_criterion_twice_is_found_among_many_evaluators() {
    let t = tender();
    // Six evaluators on one criterion, E1 again after the first four and E6 again after E5: the
    // first four are kept in place, the rest in a set; both repeats are found, at their marks.
    let marks = [
        ("E1", "Q-FUNC.1", "4"),
        ("E2", "Q-FUNC.1", "4"),
        ("E3", "Q-FUNC.1", "4"),
        ("E4", "Q-FUNC.1", "4"),
        ("E5", "Q-FUNC.1", "4"),
        ("E1", "Q-FUNC.1", "3"),
        ("E6", "Q-FUNC.1", "4"),
        ("E6", "Q-FUNC.1", "5"),
        ("E1", "Q-FUNC.2", "4"),
    ];
    let twice = errors_of(&t, &marks, |p| p.message.contains("twice"));
    assert_eq!(
        twice,
        ["scores[5]: evaluator `E1` scores `Q-FUNC.1` twice", "scores[7]: evaluator `E6` scores `Q-FUNC.1` twice"]
    );
    // One validator for many bids gives what validating each bid alone gives.
    let bid = read(&bid_with_marks(&marks), Format::Toml);
    let validator = validate::BidValidator::new(&t);
    assert_eq!(validator.validate(&bid), validate::validate_bid(&t, &bid));
}
