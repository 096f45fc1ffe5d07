//! Benchmarks of the robustness analysis (`tender-analysis`) on generated lots:
//!
//! * the Monte Carlo: 100,000 weight samples over 50 bids × 20 criteria (1 price + 19 quality),
//!   Dirichlet around the published weights;
//! * weight-sensitivity intervals and break-even prices for every bid of a 1,000-bid lot with 20
//!   criteria, under the proportional model (which depends on the other bids) and a fixed price span
//!   (which does not).
//!
//! Run with `cargo bench -p tender-analysis --bench analysis`; results are reported in
//! `docs/performance.md`. The data are generated from a fixed xorshift seed, so every run measures
//! the same lots.
#![allow(clippy::unwrap_used, missing_docs)]

use std::fmt::Write as _;

use tender_analysis::{Options, Perturbation};
use tender_core::files::{Format, parse};
use tender_core::{Bid, Tender};
use tender_score::Evaluation;

/// Counts allocations, so the Monte Carlo's "no allocation per sample" shows in the output.
#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

const QUALITY: usize = 19;

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

/// One lot of `bids` bids, 1 price criterion weighted 40 and 19 quality criteria weighted 60 in
/// all, each bid with a consensus score per criterion in half points 0-10.
fn generate(bids: usize, model: &str) -> (Tender, Vec<Bid>, Evaluation) {
    let mut t = String::from(
        "id = \"BENCH\"\ntitle = \"Benchmark\"\nbuyer = { name = \"B\", country = \"DK\" }\nprocedure = \"open\"\ncurrency = \"DKK\"\nlanguages = [\"da\"]\ncontract = { duration_months = 48 }\n",
    );
    write!(t, "[[lots]]\nid = \"L\"\ntitle = \"Lot\"\nestimated_value = 5000000\n[lots.award]\nprice_model = {model}\nscale = \"0-10\"\ntie_break = [\"higher-quality\", \"lower-price\", \"drawing-lots\"]\n").unwrap();
    write!(t, "[[lots.award.criteria]]\nid = \"P\"\nname = \"Price\"\nkind = \"price\"\nweight = 40\n").unwrap();
    for c in 0..QUALITY {
        // Weights 3 or 4, summing to 60: 3 × 16 + 4 × 3.
        let w = if c < 3 { 4 } else { 3 };
        write!(t, "[[lots.award.criteria]]\nid = \"Q{c}\"\nname = \"Q{c}\"\nkind = \"quality\"\nweight = {w}\n")
            .unwrap();
    }
    let tender: Tender = parse(&t, Format::Toml, "bench.toml".as_ref()).unwrap();
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut out = Vec::with_capacity(bids);
    for b in 0..bids {
        let price = 1_000_000 + rng.next() % 9_000_000;
        let mut s = format!(
            "{{\"id\":\"B{b:04}\",\"tender\":\"BENCH\",\"lot\":\"L\",\"bidder\":{{\"id\":\"C{b}\",\"name\":\"Company {b}\",\"country\":\"DK\"}},\"price\":{{\"total\":{price}.{:02}}},\"consensus\":[",
            rng.next() % 100
        );
        for c in 0..QUALITY {
            let score = rng.next() % 21;
            if c > 0 {
                s.push(',');
            }
            write!(s, "{{\"criterion\":\"Q{c}\",\"score\":{}.{},\"justification\":\"j\"}}", score / 2, (score % 2) * 5)
                .unwrap();
        }
        s.push_str("]}");
        out.push(parse(&s, Format::Json, "bid.json".as_ref()).unwrap());
    }
    let evaluation = tender_score::evaluate(&tender, &out).unwrap();
    (tender, out, evaluation)
}

fn main() {
    divan::main();
}

#[divan::bench(sample_count = 10)]
fn monte_carlo_100k_samples_50_bids_x_20_criteria(bencher: divan::Bencher) {
    let (tender, _, evaluation) = generate(50, "{ kind = \"proportional\" }");
    let options = Options {
        samples: 100_000,
        seed: 42,
        perturbation: Perturbation::Dirichlet { concentration: rust_decimal::Decimal::ONE_HUNDRED },
        ..Options::default()
    };
    bencher.bench(|| {
        tender_analysis::stability::rank_stability(
            divan::black_box(&tender.lots[0]),
            divan::black_box(&evaluation.lots[0]),
            &options,
        )
        .unwrap()
    });
}

#[divan::bench(sample_count = 10)]
fn monte_carlo_100k_samples_50_bids_x_20_criteria_uniform(bencher: divan::Bencher) {
    let (tender, _, evaluation) = generate(50, "{ kind = \"proportional\" }");
    let options = Options {
        samples: 100_000,
        seed: 42,
        perturbation: Perturbation::Uniform { percent: rust_decimal::Decimal::from(20) },
        ..Options::default()
    };
    bencher.bench(|| {
        tender_analysis::stability::rank_stability(
            divan::black_box(&tender.lots[0]),
            divan::black_box(&evaluation.lots[0]),
            &options,
        )
        .unwrap()
    });
}

fn sensitivity_and_break_even(bencher: divan::Bencher, model: &str) {
    let (tender, _, evaluation) = generate(1_000, model);
    bencher.bench(|| {
        let lot = divan::black_box(&tender.lots[0]);
        let eval = divan::black_box(&evaluation.lots[0]);
        let s = tender_analysis::sensitivity::weight_sensitivity(lot, eval).unwrap();
        let b = tender_analysis::break_even::break_even_prices(&tender, lot, eval).unwrap();
        (s, b)
    });
}

#[divan::bench(sample_count = 10)]
fn sensitivity_and_break_even_1000_bids_proportional(bencher: divan::Bencher) {
    sensitivity_and_break_even(bencher, "{ kind = \"proportional\" }");
}

#[divan::bench(sample_count = 10)]
fn sensitivity_and_break_even_1000_bids_fixed_span(bencher: divan::Bencher) {
    sensitivity_and_break_even(bencher, "{ kind = \"fixed-span\", low = 0, high = 12000000 }");
}

#[divan::bench(sample_count = 10)]
fn sensitivity_1000_bids(bencher: divan::Bencher) {
    let (tender, _, evaluation) = generate(1_000, "{ kind = \"proportional\" }");
    bencher.bench(|| {
        tender_analysis::sensitivity::weight_sensitivity(
            divan::black_box(&tender.lots[0]),
            divan::black_box(&evaluation.lots[0]),
        )
        .unwrap()
    });
}

#[divan::bench(sample_count = 10)]
fn break_even_1000_bids_proportional(bencher: divan::Bencher) {
    let (tender, _, evaluation) = generate(1_000, "{ kind = \"proportional\" }");
    bencher.bench(|| {
        tender_analysis::break_even::break_even_prices(
            &tender,
            divan::black_box(&tender.lots[0]),
            divan::black_box(&evaluation.lots[0]),
        )
        .unwrap()
    });
}

#[divan::bench(sample_count = 10)]
fn sensitivity_and_break_even_1000_bids_min_max(bencher: divan::Bencher) {
    sensitivity_and_break_even(bencher, "{ kind = \"min-max\" }");
}

#[divan::bench(sample_count = 5)]
fn sensitivity_and_break_even_1000_bids_logarithmic(bencher: divan::Bencher) {
    sensitivity_and_break_even(bencher, "{ kind = \"logarithmic\", zero_at = 100 }");
}
