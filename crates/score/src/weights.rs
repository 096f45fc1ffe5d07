//! The weight each criterion carries in the totals, as an exact fraction.
//!
//! Under `percent` and `points` weighting a criterion carries its weight as written (a decimal, or
//! an exact fraction such as `"3/21"`). Under `normalised` weighting it carries
//! `weight / Σ weights × 100`: the weights may be in any unit (points 3, 5 and 13, or fractions of
//! the total) and the totals are out of 100. Nothing is rounded here; a normalised weight such as
//! 3/21 × 100 = 100/7 stays a fraction, and only the tender's rounding policy rounds the points.

use tender_core::award::{AwardModel, Criterion, Weighting};

use crate::exact::{Exact, Overflow};

/// A weight as written, exactly.
pub fn written(weight: tender_core::Weight) -> Result<Exact, Overflow> {
    let (n, d) = weight.exact_parts();
    Exact::new(n, d)
}

/// The weight a criterion carries in the totals, exactly: its weight as written, or, under
/// `normalised` weighting, `weight / Σ weights × 100`. A quality criterion without a weight under
/// the value-added model carries its money value, so its points are the value earned; any other
/// criterion without a weight carries nothing.
///
/// # Errors
/// [`Overflow`] when the weights are too large to divide exactly.
pub fn effective(award: &AwardModel, c: &Criterion) -> Result<Exact, Overflow> {
    let Some(w) = c.weight else {
        return Ok(c.value.map_or(Exact::ZERO, |v| Exact::from_decimal(v.get())));
    };
    let w = written(w)?;
    if award.weighting != Weighting::Normalised {
        return Ok(w);
    }
    let (n, d) = award.weight_sum().ok_or(Overflow)?;
    let sum = Exact::new(n, d)?;
    if sum.is_zero() || sum.is_negative() {
        return Ok(Exact::ZERO);
    }
    w.checked_div(sum)?.checked_mul(Exact::from_int(100)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_fractions_stay_exact() {
        let mut award: AwardModel = serde_json::from_value(serde_json::json!({
            "weighting": "normalised",
            "price_model": { "kind": "proportional" },
            "criteria": [
                { "id": "P", "name": "Price", "kind": "price", "weight": "3/21" },
                { "id": "Q1", "name": "Q1", "kind": "quality", "weight": "5/21" },
                { "id": "Q2", "name": "Q2", "kind": "quality", "weight": "13/21" }
            ]
        }))
        .expect("reads");
        let e = |a: &AwardModel, i: usize| effective(a, &a.criteria[i]).expect("fits");
        // 3/21 of 100 = 100/7, not a decimal.
        assert_eq!(e(&award, 0), Exact::new(100, 7).expect("fits"));
        assert_eq!(e(&award, 1), Exact::new(500, 21).expect("fits"));
        assert_eq!(e(&award, 2), Exact::new(1300, 21).expect("fits"));
        // The same shares written as points in another unit give the same weights.
        for (c, w) in award.criteria.iter_mut().zip([3_u32, 5, 13]) {
            c.weight = Some(w.into());
        }
        assert_eq!(e(&award, 0), Exact::new(100, 7).expect("fits"));
        award.weighting = Weighting::Points;
        assert_eq!(e(&award, 2), Exact::from_int(13).expect("fits"));
    }
}
