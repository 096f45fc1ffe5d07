//! Rank stability: Monte Carlo over the weights. How often does each bid win, and how often is it
//! awarded, when the weights are drawn around the published ones?
//!
//! **Floating point is acceptable here, and only here.** This module samples; it does not score.
//! Every figure a bidder is ranked on is computed exactly by `tender_score`; the probabilities
//! below estimate how the ranking would move if the weights were a little different, and an
//! `f64` error of 1e-16 in a total moves nothing a buyer could read. This is the one module of the
//! workspace that uses `f64`.
//!
//! * Weights: Dirichlet around the published weights (`αᵢ = concentration × wᵢ / W`, drawn as
//!   normalised Gamma variates by Marsaglia and Tsang's method, with normal variates by Marsaglia's
//!   polar method), or each weight times a factor uniform in `1 ± k %`, rescaled to the published
//!   sum. Criteria with weight 0 stay at 0.
//! * Figures: `constant + Σ weight × coefficient` (the lot's linear form: points models, price per
//!   quality point without a corridor, value added, percent adjustment), the bids that were ranked
//!   held fixed. Ties go to the bid the evaluation ranked higher.
//! * Reproducible: ChaCha12 seeded from the `u64` seed, and only IEEE-754 operations that are
//!   exactly rounded on every machine: `+ − × ÷` and `sqrt`. The logarithm and the exponential are
//!   computed here from those (a series on the mantissa) rather than by the platform's maths
//!   library, whose last bit differs between systems. A fixed seed gives the same counts
//!   everywhere.
//! * Layout: one contiguous criteria × bids matrix of `f64` (each criterion's column of bids
//!   contiguous, so the inner loop is a vectorisable `total += w × column`), one weights buffer and
//!   one totals buffer reused for every sample: no allocation per sample.
//! * Each probability comes with its standard error `√(p(1 − p)/n)`.

use rand_chacha::ChaCha12Rng;
use rand_chacha::rand_core::{Rng, SeedableRng};
use rust_decimal::{Decimal, MathematicalOps};
use serde::Serialize;
use tender_core::{Id, Lot};
use tender_score::Exact;
use tender_score::result::LotEvaluation;

use crate::form::linear_form;
use crate::{Options, Perturbation, Reason};

/// The rank stability of a lot.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RankStability {
    /// Samples drawn.
    pub samples: u32,
    /// The seed.
    pub seed: u64,
    /// How the weights were drawn.
    pub perturbation: Perturbation,
    /// The bid the evaluation ranked first.
    pub winner: Id,
    /// How often the evaluation's winner stays first.
    pub winner_kept: Probability,
    /// How often the awarded set stays the evaluation's (lots awarding several suppliers).
    pub awarded_kept: Probability,
    /// Per ranked bid, in the evaluation's rank order.
    pub bids: Vec<BidStability>,
}

/// A probability estimated from samples.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Probability {
    /// Samples in which the event happened.
    pub count: u32,
    /// `count / samples`, to four decimals.
    pub estimate: Decimal,
    /// The standard error `√(p(1 − p) / samples)`, to four decimals.
    pub standard_error: Decimal,
}

impl Probability {
    fn new(count: u32, samples: u32) -> Self {
        let n = Decimal::from(samples.max(1));
        let p = Decimal::from(count) / n;
        let se = (p * (Decimal::ONE - p) / n).sqrt().unwrap_or_default();
        Self { count, estimate: p.round_dp(4), standard_error: se.round_dp(4) }
    }
}

/// One bid's chances.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BidStability {
    /// The bid.
    pub bid: Id,
    /// How often it is first.
    pub wins: Probability,
    /// How often it is among the awarded.
    pub awarded: Probability,
}

/// `ln 2`, correctly rounded.
const LN_2: f64 = std::f64::consts::LN_2;

/// The natural logarithm of a positive normal `x`, from `+ − × ÷` only: `x = m·2^e` with
/// `m ∈ [√½, √2)`, `ln m = 2·atanh(s)` with `s = (m − 1)/(m + 1)`, `|s| < 0.172`, by its series to
/// `s²⁵` (error below 1e-19).
fn ln(x: f64) -> f64 {
    if x <= 0.0 || x.is_nan() {
        return f64::NEG_INFINITY;
    }
    let bits = x.to_bits();
    let raw_exp = (bits >> 52) & 0x7ff;
    if raw_exp == 0 {
        // Subnormal: scale into the normal range first.
        return ln(x * 2f64.powi(54)) - 54.0 * LN_2;
    }
    let mut e = f64::from(u32::try_from(raw_exp).unwrap_or(1023)) - 1023.0;
    let mut m = f64::from_bits((bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000);
    if m > std::f64::consts::SQRT_2 {
        m *= 0.5;
        e += 1.0;
    }
    let s = (m - 1.0) / (m + 1.0);
    let s2 = s * s;
    let mut series = 1.0 / 25.0;
    for k in (0..12).rev() {
        series = series * s2 + 1.0 / f64::from(2 * k + 1);
    }
    e * LN_2 + 2.0 * s * series
}

/// `eˣ` from `+ − × ÷` only: `x = k·ln 2 + r`, `|r| ≤ ln 2 / 2`, Taylor series of `eʳ` to `r¹⁶`,
/// times `2ᵏ`. Only called with `x ≤ 0`.
fn exp(x: f64) -> f64 {
    if x < -708.0 {
        return 0.0;
    }
    if x > 709.0 {
        return f64::INFINITY;
    }
    // Cody and Waite: ln 2 split so that k × LN_2_HI is exact (fdlibm's constants).
    const LN_2_HI: f64 = f64::from_bits(0x3fe6_2e42_fee0_0000);
    const LN_2_LO: f64 = f64::from_bits(0x3dea_39ef_3579_3c76);
    let k = (x / LN_2).round();
    let r = (x - k * LN_2_HI) - k * LN_2_LO;
    let mut sum = 1.0;
    for n in (1..=16).rev() {
        sum = 1.0 + sum * r / f64::from(n);
    }
    // 2^k through the exponent bits; k is within ±1023 here.
    let biased = u64::try_from(1023 + k_to_i64(k)).unwrap_or(0);
    sum * f64::from_bits(biased << 52)
}

/// A whole `f64` in ±1100 as an integer, without an `as` cast.
fn k_to_i64(k: f64) -> i64 {
    let mut lo: i64 = -1100;
    let mut hi: i64 = 1100;
    // Bisection on exactly representable integers: 12 steps.
    while lo < hi {
        let mid = (lo + hi).div_euclid(2);
        if (mid as f64) < k { lo = mid + 1 } else { hi = mid }
    }
    lo
}

/// A uniform draw in the open interval (0, 1): 53 random bits, offset by half a step.
fn uniform(rng: &mut ChaCha12Rng) -> f64 {
    ((rng.next_u64() >> 11) as f64 + 0.5) * (1.0 / 9_007_199_254_740_992.0)
}

/// Standard normal variates by Marsaglia's polar method, one kept for the next call.
struct Normal {
    spare: Option<f64>,
}

impl Normal {
    fn draw(&mut self, rng: &mut ChaCha12Rng) -> f64 {
        if let Some(z) = self.spare.take() {
            return z;
        }
        loop {
            let u = 2.0 * uniform(rng) - 1.0;
            let v = 2.0 * uniform(rng) - 1.0;
            let s = u * u + v * v;
            if s > 0.0 && s < 1.0 {
                let f = (-2.0 * ln(s) / s).sqrt();
                self.spare = Some(v * f);
                return u * f;
            }
        }
    }
}

/// A Gamma(α, 1) sampler: Marsaglia and Tsang (2000) for α ≥ 1; for α < 1 a Gamma(α + 1) draw
/// times `U^(1/α)`.
#[derive(Clone, Copy)]
struct Gamma {
    alpha: f64,
    d: f64,
    c: f64,
}

impl Gamma {
    fn new(alpha: f64) -> Self {
        let a = if alpha < 1.0 { alpha + 1.0 } else { alpha };
        let d = a - 1.0 / 3.0;
        Self { alpha, d, c: 1.0 / (9.0 * d).sqrt() }
    }

    fn draw(&self, rng: &mut ChaCha12Rng, normal: &mut Normal) -> f64 {
        let g = loop {
            let x = normal.draw(rng);
            let v = 1.0 + self.c * x;
            if v <= 0.0 {
                continue;
            }
            let v = v * v * v;
            let u = uniform(rng);
            let x2 = x * x;
            if u < 1.0 - 0.0331 * x2 * x2 || ln(u) < 0.5 * x2 + self.d * (1.0 - v + ln(v)) {
                break self.d * v;
            }
        };
        if self.alpha < 1.0 { g * exp(ln(uniform(rng)) / self.alpha) } else { g }
    }
}

fn to_f64(x: Exact) -> f64 {
    x.numer() as f64 / x.denom() as f64
}

/// The sampling problem: a contiguous criteria × bids matrix and the published weights.
pub(crate) struct Problem {
    bids: usize,
    /// Column-major: `coef[c × bids + b]`.
    coef: Vec<f64>,
    constant: Vec<f64>,
    weights: Vec<f64>,
    total: f64,
}

/// The counts of a run, per bid in the form's order (the evaluation's rank order).
pub(crate) struct Counts {
    pub(crate) wins: Vec<u32>,
    pub(crate) awarded: Vec<u32>,
    pub(crate) winner_kept: u32,
    pub(crate) awarded_kept: u32,
}

impl Problem {
    pub(crate) fn new(constant: &[Exact], coef_row_major: &[Exact], weights: &[Exact], total: Exact) -> Self {
        let bids = constant.len();
        let criteria = weights.len();
        let mut coef = vec![0.0; bids * criteria];
        for b in 0..bids {
            for c in 0..criteria {
                coef[c * bids + b] = to_f64(coef_row_major[b * criteria + c]);
            }
        }
        Self {
            bids,
            coef,
            constant: constant.iter().copied().map(to_f64).collect(),
            weights: weights.iter().copied().map(to_f64).collect(),
            total: to_f64(total),
        }
    }

    /// Draws `samples` weight vectors and counts who wins and who is awarded (the best `k`).
    /// `progress` is told every [`PROGRESS_STEP`] samples, and of the rest at the end, how many
    /// more are done.
    pub(crate) fn run(
        &self,
        samples: u32,
        seed: u64,
        perturbation: Perturbation,
        k: usize,
        progress: &dyn Fn(u64),
    ) -> Counts {
        let n = self.bids;
        let nc = self.weights.len();
        let k = k.clamp(1, n.max(1));
        let mut rng = ChaCha12Rng::seed_from_u64(seed);
        let mut normal = Normal { spare: None };
        let (gammas, spread) = match perturbation {
            Perturbation::Dirichlet { concentration } => {
                let kappa = decimal_to_f64(concentration);
                let g: Vec<Option<Gamma>> =
                    self.weights.iter().map(|&w| (w > 0.0).then(|| Gamma::new(kappa * w / self.total))).collect();
                (g, 0.0)
            }
            Perturbation::Uniform { percent } => (Vec::new(), decimal_to_f64(percent) / 100.0),
        };
        let mut weights = vec![0.0; nc];
        let mut totals = vec![0.0; n];
        let mut top: Vec<usize> = Vec::with_capacity(k + 1);
        let mut counts = Counts { wins: vec![0; n], awarded: vec![0; n], winner_kept: 0, awarded_kept: 0 };
        for i in 0..samples {
            if i % PROGRESS_STEP == 0 && i > 0 {
                progress(u64::from(PROGRESS_STEP));
            }
            // 1. The weights.
            let mut sum = 0.0;
            if gammas.is_empty() {
                for (w, &w0) in weights.iter_mut().zip(&self.weights) {
                    *w = w0 * (1.0 + spread * (2.0 * uniform(&mut rng) - 1.0));
                    sum += *w;
                }
            } else {
                for (w, g) in weights.iter_mut().zip(&gammas) {
                    *w = g.map_or(0.0, |g| g.draw(&mut rng, &mut normal));
                    sum += *w;
                }
            }
            let scale = if sum > 0.0 { self.total / sum } else { 0.0 };
            // 2. The totals: one pass per criterion over a contiguous column.
            totals.copy_from_slice(&self.constant);
            for (c, &w) in weights.iter().enumerate() {
                let w = w * scale;
                if w == 0.0 {
                    continue;
                }
                let column = &self.coef[c * n..(c + 1) * n];
                for (t, &x) in totals.iter_mut().zip(column) {
                    *t += w * x;
                }
            }
            // 3. The winner and the best k; ties go to the earlier (better ranked) bid.
            let mut best = 0;
            for b in 1..n {
                if totals[b] > totals[best] {
                    best = b;
                }
            }
            counts.wins[best] += 1;
            if best == 0 {
                counts.winner_kept += 1;
            }
            if k == 1 {
                counts.awarded[best] += 1;
                if best == 0 {
                    counts.awarded_kept += 1;
                }
            } else {
                top.clear();
                for b in 0..n {
                    let pos = top.partition_point(|&o| totals[o] >= totals[b]);
                    if pos < k {
                        top.insert(pos, b);
                        top.truncate(k);
                    }
                }
                let mut kept = true;
                for &b in &top {
                    counts.awarded[b] += 1;
                    kept &= b < k;
                }
                if kept {
                    counts.awarded_kept += 1;
                }
            }
        }
        // The rest since the last step (all of them when fewer than one step).
        let step = u64::from(PROGRESS_STEP);
        let done = u64::from(samples).saturating_sub(u64::from(samples).saturating_sub(1) / step * step);
        progress(if samples == 0 { 0 } else { done });
        counts
    }
}

fn decimal_to_f64(d: Decimal) -> f64 {
    // Through the exact rational: mantissa / 10^scale.
    let mut power = 1.0;
    for _ in 0..d.scale() {
        power *= 10.0; // Exact up to 10^22; a weight or concentration has few decimals.
    }
    d.mantissa() as f64 / power
}

/// The rank stability of a lot, or why it does not apply.
///
/// # Errors
/// The [`Reason`] when the lot has no linear form (the extended price-per-quality-point method),
/// fewer than two ranked bids or no weighted criteria.
pub fn rank_stability(lot: &Lot, eval: &LotEvaluation, options: &Options) -> Result<RankStability, Reason> {
    rank_stability_with_progress(lot, eval, options, &|_| {})
}

/// How many samples pass between two calls of the progress callback.
pub const PROGRESS_STEP: u32 = 1 << 16;

/// [`rank_stability`], telling `progress` how many more samples are done as they are (every
/// [`PROGRESS_STEP`] samples and at the end; the calls sum to the samples drawn). The callback
/// only observes: the result is the same with any callback.
///
/// # Errors
/// As [`rank_stability`]; then no sample is drawn and `progress` is not called.
pub fn rank_stability_with_progress(
    lot: &Lot,
    eval: &LotEvaluation,
    options: &Options,
    progress: &dyn Fn(u64),
) -> Result<RankStability, Reason> {
    let form = linear_form(lot, eval)?;
    if form.bids.len() < 2 {
        return Err(Reason::FewerThanTwoRanked);
    }
    let problem = Problem::new(&form.constant, &form.coef, &form.weights, form.total);
    let k = usize::try_from(lot.suppliers_to_award).unwrap_or(usize::MAX);
    let counts = problem.run(options.samples, options.seed, options.perturbation, k, progress);
    let n = options.samples;
    Ok(RankStability {
        samples: n,
        seed: options.seed,
        perturbation: options.perturbation,
        winner: form.bids[0].clone(),
        winner_kept: Probability::new(counts.winner_kept, n),
        awarded_kept: Probability::new(counts.awarded_kept, n),
        bids: form
            .bids
            .iter()
            .enumerate()
            .map(|(b, id)| BidStability {
                bid: id.clone(),
                wins: Probability::new(counts.wins[b], n),
                awarded: Probability::new(counts.awarded[b], n),
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_logarithm_and_exponential_match_the_library_closely() {
        for &x in &[1e-300, 1e-10, 0.001, 0.3, 0.5, 0.7, 1.0, 1.5, 2.0, 10.0, 12345.678, 1e200] {
            let ours = ln(x);
            let std = x.ln();
            assert!((ours - std).abs() <= 4.0 * f64::EPSILON * std.abs().max(1.0), "ln {x}: {ours} vs {std}");
        }
        for &x in &[-700.0, -30.0, -1.0, -0.5, -1e-9, 0.0, 0.3, 1.0] {
            let ours = exp(x);
            let std = x.exp();
            assert!((ours - std).abs() <= 8.0 * f64::EPSILON * std, "exp {x}: {ours} vs {std}");
        }
    }

    #[test]
    fn gamma_mean_is_alpha() {
        let mut rng = ChaCha12Rng::seed_from_u64(3);
        let mut normal = Normal { spare: None };
        for &alpha in &[0.3, 1.0, 4.0, 40.0] {
            let g = Gamma::new(alpha);
            let n = 40_000;
            let mean = (0..n).map(|_| g.draw(&mut rng, &mut normal)).sum::<f64>() / f64::from(n);
            // The standard error of the mean is √(α/n); allow five of them.
            assert!((mean - alpha).abs() < 5.0 * (alpha / f64::from(n)).sqrt(), "α {alpha}: mean {mean}");
        }
    }

    #[test]
    fn progress_is_told_of_every_sample_and_changes_nothing() {
        let e = |n: i128| Exact::from_int(n).expect("small");
        // Two bids, two criteria (row-major coefficients), weights 60/40.
        let problem = Problem::new(&[e(0), e(0)], &[e(1), e(0), e(0), e(1)], &[e(60), e(40)], e(100));
        let perturbation = Perturbation::default();
        for samples in [0, 1, PROGRESS_STEP - 1, PROGRESS_STEP, PROGRESS_STEP + 1, 3 * PROGRESS_STEP + 5] {
            let told = std::cell::Cell::new(0_u64);
            let calls = std::cell::Cell::new(0_u32);
            let with = problem.run(samples, 7, perturbation, 1, &|n| {
                told.set(told.get() + n);
                calls.set(calls.get() + 1);
            });
            let without = problem.run(samples, 7, perturbation, 1, &|_| {});
            assert_eq!(told.get(), u64::from(samples), "{samples} samples");
            assert_eq!(with.wins, without.wins);
            assert_eq!(with.awarded_kept, without.awarded_kept);
            assert!(calls.get() <= samples / PROGRESS_STEP + 1, "{samples}: {} calls", calls.get());
        }
    }
}
