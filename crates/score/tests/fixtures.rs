//! The bundled fixtures evaluated end to end; each result is snapshotted as a readable report with
//! every derivation line, and evaluated twice to prove the output is byte-identical.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use tender_core::{Bid, Tender, files};
use tender_score::explain::{self, Plain};
use tender_score::{Evaluation, evaluate};

fn fixture_dirs() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.join("tender.toml").exists())
        .collect();
    dirs.sort();
    dirs
}

fn load(dir: &Path) -> (Tender, Vec<Bid>) {
    files::load_case(dir).unwrap()
}

/// A plain report: per lot the ranking, then each bid with its gates, criteria and derivations.
fn report(e: &Evaluation) -> String {
    let mut out = String::new();
    for lot in &e.lots {
        let d = lot.decimals;
        writeln!(out, "LOT {} ({}, {:?})", lot.lot, lot.price_model, lot.comparison).unwrap();
        writeln!(out, "  awarded: {}", lot.awarded.iter().map(|i| i.as_str()).collect::<Vec<_>>().join(", ")).unwrap();
        for w in &lot.warnings {
            writeln!(out, "  warning: {}", serde_json::to_string(w).unwrap()).unwrap();
        }
        for t in &lot.ties {
            writeln!(out, "  tie: {}", serde_json::to_string(t).unwrap()).unwrap();
        }
        if let Some(rr) = &lot.rank_reversal {
            writeln!(out, "  rank reversal: {}", serde_json::to_string(rr).unwrap()).unwrap();
        }
        for b in &lot.bids {
            let total = b.total.map(|t| t.value.to_string()).unwrap_or_else(|| "-".into());
            let rank = b.rank.map(|r| r.to_string()).unwrap_or_else(|| "-".into());
            writeln!(
                out,
                "  [{rank}] {} ({}) {:?} total {total}{}",
                b.bid,
                b.bidder_name,
                b.status,
                if b.awarded { " AWARDED" } else { "" }
            )
            .unwrap();
            if let Some(x) = &b.exclusion {
                writeln!(out, "      excluded: {}", serde_json::to_string(x).unwrap()).unwrap();
            }
            for g in b.gates.iter().filter(|g| !g.passed) {
                writeln!(out, "      gate {} failed: {}", g.requirement, serde_json::to_string(&g.reasons).unwrap())
                    .unwrap();
            }
            for c in &b.criteria {
                writeln!(out, "      {}: {}", c.criterion, explain::explain_criterion(c, d, &Plain)).unwrap();
                for line in explain::explain_sovereignty(c, d, &Plain) {
                    writeln!(out, "        {line}").unwrap();
                }
            }
            if let Some(p) = &b.price {
                writeln!(out, "      price: {}", explain::explain_price_basis(p, d, &Plain)).unwrap();
                if let Some(line) = explain::explain_price_points(p, d, &Plain) {
                    writeln!(out, "      price points: {line}").unwrap();
                }
            }
            if let Some(line) = explain::explain_total(b, d, &Plain) {
                writeln!(out, "      total: {line}").unwrap();
            }
        }
    }
    for w in &e.warnings {
        writeln!(out, "warning: {}", serde_json::to_string(w).unwrap()).unwrap();
    }
    out
}

#[test]
fn fixtures_evaluate_and_match_their_snapshots() {
    let dirs = fixture_dirs();
    assert!(dirs.len() >= 4, "expected the four bundled fixtures");
    for dir in dirs {
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        let (tender, bids) = load(&dir);
        let first = evaluate(&tender, &bids).unwrap();
        let mut reversed = bids.clone();
        reversed.reverse();
        let second = evaluate(&tender, &reversed).unwrap();
        assert_eq!(serde_json::to_string(&first).unwrap(), serde_json::to_string(&second).unwrap(), "{name}");
        // Every lot awards someone, and at least one bid of the fixture fails a gate.
        assert!(first.lots.iter().all(|l| !l.awarded.is_empty()), "{name}: a lot awards nobody");
        assert!(
            first.lots.iter().flat_map(|l| &l.bids).any(|b| b.status == tender_score::result::BidStatus::FailedGate),
            "{name}: no bid fails a gate"
        );
        insta::with_settings!({ snapshot_suffix => name.clone(), prepend_module_to_snapshot => false, omit_expression => true }, {
            insta::assert_snapshot!("evaluation", report(&first));
        });
    }
}
