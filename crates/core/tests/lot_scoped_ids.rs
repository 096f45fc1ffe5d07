//! Criterion ids are unique within a lot, not across the tender: the case in
//! `tests/lot-scoped-ids/` (workspace root) has `PRICE` and `Q1` in both of its lots and is valid.
//! A criterion id used twice in one lot, or shared with a requirement that applies to the lot, is
//! an error whose message names the lot. (The evaluation of the case is tested in tender-score and
//! the command line.)

use std::path::{Path, PathBuf};

use tender_core::validate::{self, Level, Problem};
use tender_core::{Bid, Id, Tender, files};

fn case() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/lot-scoped-ids")
}

fn load() -> (Tender, Vec<Bid>) {
    match files::load_case(&case()) {
        Ok(loaded) => loaded,
        Err(e) => panic!("tests/lot-scoped-ids must load: {e}"),
    }
}

fn errors(problems: &[Problem]) -> Vec<String> {
    problems.iter().filter(|p| p.level == Level::Error).map(ToString::to_string).collect()
}

#[test]
fn two_lots_may_each_have_price_and_q1() {
    let (tender, bids) = load();
    for lot in &tender.lots {
        let ids: Vec<&str> = lot.award.criteria.iter().map(|c| c.id.as_str()).collect();
        assert!(ids.contains(&"PRICE") && ids.contains(&"Q1"), "lot {} has {ids:?}", lot.id);
    }
    let problems = validate::validate_tender(&tender);
    assert!(problems.is_empty(), "{problems:#?}");
    for bid in &bids {
        let problems = validate::validate_bid(&tender, bid);
        assert!(problems.is_empty(), "{}: {problems:#?}", bid.id);
    }
    assert!(validate::validate_bid_set(&tender, &bids).is_empty());
}

#[test]
fn a_criterion_id_twice_in_one_lot_is_an_error_naming_the_lot() {
    let (mut tender, _) = load();
    // FILES: the second sub-criterion of Q1 takes the id of the lot's price criterion.
    tender.lots[1].award.criteria[1].sub_criteria[1].id = Id::new("PRICE");
    assert_eq!(
        errors(&validate::validate_tender(&tender)),
        ["error: lots[1].award.criteria[1].sub_criteria[1].id: the criterion id `PRICE` is used twice in lot `FILES` \
          (first at lots[1].award.criteria[0].id). Fix: give each one its own id"]
    );
}

#[test]
fn a_criterion_id_may_not_be_the_id_of_a_requirement_of_its_lot() {
    let (mut tender, _) = load();
    // A requirement of MAIL with the id Q1: a bid for MAIL would name both `Q1`. FILES's Q1 does not
    // clash, since the requirement does not apply to FILES.
    let mut r = tender.lots[1].requirements[0].clone();
    r.id = Id::new("Q1");
    tender.lots[0].requirements.push(r);
    assert_eq!(
        errors(&validate::validate_tender(&tender)),
        [
            "error: lots[0].award.criteria[1].id: the criterion id `Q1` of lot `MAIL` is also the id of the requirement at \
          lots[0].requirements[0].id, which applies to this lot. Fix: give the criterion or the requirement another id: \
          bids name both by id"
        ]
    );

    // A requirement of the whole tender applies to every lot.
    let (mut tender, _) = load();
    tender.requirements[0].id = Id::new("PRICE");
    let found = errors(&validate::validate_tender(&tender));
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("error: lots[0].award.criteria[0].id: the criterion id `PRICE` of lot `MAIL`"));
    assert!(found[1].starts_with("error: lots[1].award.criteria[0].id: the criterion id `PRICE` of lot `FILES`"));

    // Restricted to FILES, it clashes only there.
    tender.requirements[0].lots = vec![Id::new("FILES")];
    let found = errors(&validate::validate_tender(&tender));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`PRICE` of lot `FILES`"), "{found:#?}");
}

#[test]
fn requirement_ids_stay_unique_across_the_tender() {
    let (mut tender, _) = load();
    tender.lots[1].requirements[0].id = Id::new("R-EXIT");
    assert_eq!(
        errors(&validate::validate_tender(&tender)),
        [
            "error: lots[1].requirements[0].id: the requirement id `R-EXIT` is used twice (first at requirements[0].id). \
          Fix: give each one its own id"
        ]
    );
}

#[test]
fn bids_and_rules_name_the_criteria_of_their_own_lot() {
    let (mut tender, bids) = load();
    // In FILES, Q1 has sub-criteria; in MAIL it is scored directly. The same mark on `Q1` is right
    // in a MAIL bid and wrong in a FILES bid.
    let mut files_bid = bids.iter().find(|b| b.lot.as_str() == "FILES").cloned().expect("a FILES bid");
    let mail_bid = bids.iter().find(|b| b.lot.as_str() == "MAIL").expect("a MAIL bid");
    files_bid.scores.push(mail_bid.scores[0].clone());
    let found = errors(&validate::validate_bid(&tender, &files_bid));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("`Q1` has sub-criteria"), "{found:#?}");

    // A sub-criterion of FILES is unknown in MAIL.
    let mut mail_bid = mail_bid.clone();
    mail_bid.scores[0].criterion = Id::new("Q1.1");
    let found = errors(&validate::validate_bid(&tender, &mail_bid));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].contains("lot `MAIL` has no quality criterion `Q1.1`"), "{found:#?}");

    // A tie-break rule names a criterion of its own lot.
    tender.lots[0].award.tie_break[0] = tender_core::award::TieBreakRule::HigherScoreOn(Id::new("Q1.2"));
    let found = errors(&validate::validate_tender(&tender));
    assert_eq!(
        found,
        [
            "error: lots[0].award.tie_break[0]: there is no criterion `Q1.2` in this lot. Fix: name one of the lot's criteria"
        ]
    );
}
