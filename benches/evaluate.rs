//! Benchmark of `tender_score::evaluate` on a generated tender: 5 lots × 1,000 bids × 50 quality
//! criteria × 3 evaluators, plus price, with every derivation kept (`evaluate_…`) and with the
//! figures alone (`figures_…`, the integer kernel). Run with
//! `cargo bench -p tender-score --bench evaluate`; `TENDER_BENCH_CASE=DIR` times a case directory
//! instead (`benches/peers.sh` does, with the peers' tender). Results are reported in
//! `docs/performance.md`.
#![allow(clippy::unwrap_used, missing_docs)]

use std::fmt::Write as _;

use tender_core::files::{Format, parse};
use tender_core::{Bid, Tender};

#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

const LOTS: usize = 5;
const BIDS_PER_LOT: usize = 1_000;
const CRITERIA: usize = 50;
const EVALUATORS: usize = 3;

/// A deterministic pseudo-random sequence (xorshift), so every run evaluates the same data.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// The tender to time: the case directory named by `TENDER_BENCH_CASE` (as `benches/peers.sh`
/// sets it, to time the peers' tender), else the generated one.
fn case() -> (Tender, Vec<Bid>) {
    match std::env::var_os("TENDER_BENCH_CASE") {
        Some(dir) => tender_core::files::load_case(std::path::Path::new(&dir)).unwrap(),
        None => generate(),
    }
}

pub fn generate() -> (Tender, Vec<Bid>) {
    let mut t = String::from(
        "id = \"BENCH\"\ntitle = \"Benchmark\"\nbuyer = { name = \"B\", country = \"DK\" }\nprocedure = \"open\"\ncurrency = \"DKK\"\nlanguages = [\"da\"]\ncontract = { duration_months = 48 }\n",
    );
    for l in 0..LOTS {
        write!(t, "[[lots]]\nid = \"L{l}\"\ntitle = \"Lot {l}\"\n[lots.award]\nprice_model = {{ kind = \"proportional\" }}\nscale = \"0-10\"\ntie_break = [\"higher-quality\", \"lower-price\", \"drawing-lots\"]\n").unwrap();
        write!(t, "[[lots.award.criteria]]\nid = \"L{l}-P\"\nname = \"Price\"\nkind = \"price\"\nweight = 50\n")
            .unwrap();
        for c in 0..CRITERIA {
            write!(t, "[[lots.award.criteria]]\nid = \"L{l}-Q{c}\"\nname = \"Q{c}\"\nkind = \"quality\"\nweight = 1\n")
                .unwrap();
        }
    }
    let tender: Tender = parse(&t, Format::Toml, "bench.toml".as_ref()).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut bids = Vec::with_capacity(LOTS * BIDS_PER_LOT);
    for l in 0..LOTS {
        for b in 0..BIDS_PER_LOT {
            let price = 1_000_000 + rng.next() % 9_000_000;
            let mut s = format!(
                "{{\"id\":\"L{l}-B{b}\",\"tender\":\"BENCH\",\"lot\":\"L{l}\",\"bidder\":{{\"id\":\"C{b}\",\"name\":\"Company {b}\",\"country\":\"DK\"}},\"price\":{{\"total\":{price}.{:02}}},\"scores\":[",
                rng.next() % 100
            );
            for c in 0..CRITERIA {
                for e in 0..EVALUATORS {
                    let score = rng.next() % 11;
                    if c + e > 0 {
                        s.push(',');
                    }
                    write!(s, "{{\"evaluator\":\"E{e}\",\"criterion\":\"L{l}-Q{c}\",\"score\":{score},\"justification\":\"j\"}}").unwrap();
                }
            }
            s.push_str("]}");
            bids.push(parse(&s, Format::Json, "bid.json".as_ref()).unwrap());
        }
    }
    (tender, bids)
}

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 20)]
fn evaluate_5_lots_x_1000_bids_x_50_criteria_x_3_evaluators(bencher: divan::Bencher) {
    let (tender, bids) = case();
    bencher.bench(|| tender_score::evaluate(divan::black_box(&tender), divan::black_box(&bids)).unwrap());
}

/// The same tender with the figures only (`Detail::Figures`): quality by the integer kernel, no
/// per-criterion records.
#[divan::bench(sample_count = 20)]
fn figures_5_lots_x_1000_bids_x_50_criteria_x_3_evaluators(bencher: divan::Bencher) {
    let (tender, bids) = case();
    bencher.bench(|| {
        tender_score::evaluate_with(divan::black_box(&tender), divan::black_box(&bids), tender_score::Detail::Figures)
            .unwrap()
    });
}

/// The competition alone on bids read once (`Prepared`: defects and marks as integers), as numpy's
/// runner scores arrays it prepared once (`benches/peers.sh` compares the two).
#[divan::bench(sample_count = 20)]
fn prepared_5_lots_x_1000_bids_x_50_criteria_x_3_evaluators(bencher: divan::Bencher) {
    let (tender, bids) = case();
    let prepared = tender_score::Prepared::new(&tender, &bids, tender_score::Detail::Figures);
    bencher.bench(|| divan::black_box(&prepared).evaluate().unwrap());
}
