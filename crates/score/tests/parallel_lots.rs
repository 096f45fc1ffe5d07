//! A large tender's lots are evaluated on several threads; each lot's result must be what the lot
//! gives evaluated alone (on one thread, below the size that starts threads), whatever order the
//! threads finish in, and an issue in one lot is reported in lot order with the others'.
#![allow(clippy::unwrap_used)]

use std::fmt::Write as _;

use tender_core::files::{Format, parse};
use tender_core::{Bid, Tender};
use tender_score::{Detail, evaluate_with};

/// A deterministic pseudo-random sequence (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// `lots` lots of different sizes (100, 60, 140, …), 4 quality criteria, 2 evaluators, a
/// relative price model (so rank reversal and close calls run), one award per lot.
fn tender(lots: usize) -> (Tender, Vec<Bid>) {
    let mut t = String::from(
        "id = \"PAR\"\ntitle = \"Parallel\"\nbuyer = { name = \"B\", country = \"DK\" }\nprocedure = \"open\"\ncurrency = \"DKK\"\nlanguages = [\"da\"]\ncontract = { duration_months = 12 }\n",
    );
    for l in 0..lots {
        let model = if l % 2 == 0 { "proportional" } else { "min-max" };
        write!(t, "[[lots]]\nid = \"L{l}\"\ntitle = \"Lot {l}\"\n[lots.award]\nprice_model = {{ kind = \"{model}\" }}\nscale = \"0-10\"\ntie_break = [\"higher-quality\", \"lower-price\", \"drawing-lots\"]\n").unwrap();
        write!(t, "[[lots.award.criteria]]\nid = \"L{l}-P\"\nname = \"Price\"\nkind = \"price\"\nweight = 40\n")
            .unwrap();
        for c in 0..4 {
            write!(
                t,
                "[[lots.award.criteria]]\nid = \"L{l}-Q{c}\"\nname = \"Q{c}\"\nkind = \"quality\"\nweight = 15\n"
            )
            .unwrap();
        }
    }
    let tender: Tender = parse(&t, Format::Toml, "tender.toml".as_ref()).unwrap();
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let mut bids = Vec::new();
    for l in 0..lots {
        for b in 0..(60 + 40 * (l % 3)) {
            let price = 100_000 + rng.next() % 900_000;
            let mut s = format!(
                "{{\"id\":\"L{l}-B{b}\",\"tender\":\"PAR\",\"lot\":\"L{l}\",\"bidder\":{{\"id\":\"C{l}-{b}\",\"name\":\"Co {b}\",\"country\":\"DK\"}},\"price\":{{\"total\":{price}}},\"scores\":["
            );
            for c in 0..4 {
                for e in 0..2 {
                    if c + e > 0 {
                        s.push(',');
                    }
                    let mark = rng.next() % 11;
                    write!(s, "{{\"evaluator\":\"E{e}\",\"criterion\":\"L{l}-Q{c}\",\"score\":{mark},\"justification\":\"j\"}}").unwrap();
                }
            }
            s.push_str("]}");
            bids.push(parse(&s, Format::Json, "bid.json".as_ref()).unwrap());
        }
    }
    (tender, bids)
}

/// The tender with only lot `k`, and that lot's bids.
fn alone(tender: &Tender, bids: &[Bid], k: usize) -> (Tender, Vec<Bid>) {
    let mut t = tender.clone();
    t.lots = vec![tender.lots[k].clone()];
    let b = bids.iter().filter(|b| b.lot == tender.lots[k].id).cloned().collect();
    (t, b)
}

#[test]
fn each_lot_is_what_it_gives_alone() {
    // Seven lots: on two or three cores the last lot taken (the smallest, proportional) has the
    // spare cores to itself, and runs its rank-reversal check beside its close calls.
    let (t, bids) = tender(7);
    assert!(bids.len() >= 256, "the tender must be large enough to be evaluated on several threads");
    for detail in [Detail::Figures, Detail::Derivations] {
        let whole = evaluate_with(&t, &bids, detail).unwrap();
        assert_eq!(
            whole.lots.iter().map(|l| l.lot.as_str()).collect::<Vec<_>>(),
            ["L0", "L1", "L2", "L3", "L4", "L5", "L6"]
        );
        for (k, lot) in whole.lots.iter().enumerate() {
            let (t1, b1) = alone(&t, &bids, k);
            assert!(b1.len() < 256);
            let one = evaluate_with(&t1, &b1, detail).unwrap();
            assert_eq!(serde_json::to_string(lot).unwrap(), serde_json::to_string(&one.lots[0]).unwrap(), "lot {k}");
        }
        // The same again: byte for byte, however the threads were scheduled.
        let again = evaluate_with(&t, &bids, detail).unwrap();
        assert_eq!(serde_json::to_string(&whole).unwrap(), serde_json::to_string(&again).unwrap());
    }
}

#[test]
fn issues_from_several_lots_come_in_lot_order() {
    let (t, mut bids) = tender(6);
    // A price of zero under the proportional model (lots 0, 2, 4), which divides by it, stops those
    // lots.
    for id in ["L4-B3", "L0-B7"] {
        let b = bids.iter_mut().find(|b| b.id.as_str() == id).unwrap();
        b.price.total = Some(tender_core::num::Money::new(rust_decimal::Decimal::ZERO));
    }
    let e = evaluate_with(&t, &bids, Detail::Figures).unwrap_err();
    let lots: Vec<&str> = e.issues.iter().filter_map(|i| i.lot.as_ref().map(|l| l.as_str())).collect();
    assert_eq!(lots, ["L0", "L4"], "{e:?}");
}
