//! Arithmetic on numbers from the tender that never panics: each operation is checked, and an
//! overflow becomes [`TextError::Overflow`] naming what was being computed.
//!
//! The texts are usually written for validated tenders, whose numbers are small; but the public
//! functions take any tender, and issue 17 found the text crate panicking on an unvalidated one
//! (an overflowing total weight). The crate denies `clippy::arithmetic_side_effects`, so every
//! operation on an input number goes through here (or another checked operation).

use rust_decimal::Decimal;

use crate::TextError;

/// `a + b`.
pub(crate) fn add(a: Decimal, b: Decimal, what: &'static str) -> Result<Decimal, TextError> {
    a.checked_add(b).ok_or(TextError::Overflow { what })
}

/// `a − b`.
pub(crate) fn sub(a: Decimal, b: Decimal, what: &'static str) -> Result<Decimal, TextError> {
    a.checked_sub(b).ok_or(TextError::Overflow { what })
}

/// `a × b`.
pub(crate) fn mul(a: Decimal, b: Decimal, what: &'static str) -> Result<Decimal, TextError> {
    a.checked_mul(b).ok_or(TextError::Overflow { what })
}

/// `a ÷ b` (a zero `b` is an overflow too: there is no such figure).
pub(crate) fn div(a: Decimal, b: Decimal, what: &'static str) -> Result<Decimal, TextError> {
    a.checked_div(b).ok_or(TextError::Overflow { what })
}

/// The sum of `values`.
pub(crate) fn sum(values: impl IntoIterator<Item = Decimal>, what: &'static str) -> Result<Decimal, TextError> {
    values.into_iter().try_fold(Decimal::ZERO, |s, v| add(s, v, what))
}

/// The sum of whole numbers (months).
pub(crate) fn sum_u32(values: impl IntoIterator<Item = u32>, what: &'static str) -> Result<u32, TextError> {
    values.into_iter().try_fold(0_u32, |s, v| s.checked_add(v).ok_or(TextError::Overflow { what }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn overflow_is_an_error_not_a_panic() {
        assert!(matches!(add(Decimal::MAX, Decimal::ONE, "x"), Err(TextError::Overflow { what: "x" })));
        assert!(sub(Decimal::MIN, Decimal::ONE, "x").is_err());
        assert!(mul(Decimal::MAX, Decimal::TWO, "x").is_err());
        assert!(div(Decimal::ONE, Decimal::ZERO, "x").is_err());
        assert!(sum([Decimal::MAX, Decimal::MAX], "x").is_err());
        assert!(sum_u32([u32::MAX, 1], "x").is_err());
        assert_eq!(sum([Decimal::ONE, Decimal::TWO], "x").ok(), Some(Decimal::from(3)));
    }
}
