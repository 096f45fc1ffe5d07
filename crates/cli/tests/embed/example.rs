use std::path::Path;

use tender_core::{Bid, Tender, files, validate};
use tender_score::explain::{Plain, explain_total};

fn rank(dir: &Path) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let (tender, _source): (Tender, String) = files::load(&dir.join("tender.toml"))?;
    let mut paths: Vec<_> = std::fs::read_dir(dir.join("bids"))?.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    let mut bids: Vec<Bid> = Vec::new();
    for path in paths {
        bids.push(files::load::<Bid>(&path)?.0);
    }
    let mut problems = validate::validate_tender(&tender);
    for bid in &bids {
        problems.extend(validate::validate_bid(&tender, bid));
    }
    problems.extend(validate::validate_bid_set(&tender, &bids));
    if validate::has_errors(&problems) {
        return Err(problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n").into());
    }
    let evaluation = tender_score::evaluate(&tender, &bids)?;
    let mut lines = Vec::new();
    for lot in &evaluation.lots {
        for bid in lot.bids.iter().filter(|b| b.awarded) {
            let how = explain_total(bid, lot.decimals, &Plain).unwrap_or_default();
            lines.push(format!("{} {}: {how}", lot.lot, bid.bid));
        }
    }
    Ok(lines)
}
