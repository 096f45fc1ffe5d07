//! Exact rational arithmetic for the evaluation, and rounding by a named strategy.
//!
//! A 28-digit decimal is not exact under division (1/3, lowest/price, the mean of three evaluators).
//! Every figure the evaluation compares or rounds is therefore an [`Exact`]: a fraction of two
//! `i128`s in lowest terms. Every operation is checked: a result that does not fit is an
//! [`Overflow`], never a panic and never a silently rounded value. Rounding to a [`Decimal`] happens
//! only through [`Exact::round`] with a [`RoundingStrategy`].

use std::cmp::Ordering;
use std::fmt;
use std::num::NonZeroI128;

use rust_decimal::Decimal;
use tender_core::award::RoundingStrategy;

/// An arithmetic result too large to represent exactly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("a number in the evaluation is too large to compute exactly")]
pub struct Overflow;

/// An exact rational number: `numer / denom` in lowest terms, `denom > 0`.
///
/// Magnitudes are kept below `2^127` in absolute value so that negation never overflows. The
/// denominator is a `NonZero`, so an `Option<Exact>` (and every optional figure) takes no more
/// room than an `Exact`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Exact {
    numer: i128,
    denom: NonZeroI128,
}

/// The denominator 1.
const UNIT: NonZeroI128 = match NonZeroI128::new(1) {
    Some(one) => one,
    None => panic!("1 is not zero"),
};

/// A denominator computed as a product of non-zero denominators, `None` where it overflowed.
fn denominator(d: Option<i128>) -> Result<NonZeroI128, Overflow> {
    d.and_then(NonZeroI128::new).ok_or(Overflow)
}

/// The greatest common divisor (0 only for two zeros).
pub(crate) fn gcd(a: u128, b: u128) -> u128 {
    // Most figures in an evaluation are small: use 64-bit arithmetic when both fit.
    if let (Ok(x), Ok(y)) = (u64::try_from(a), u64::try_from(b)) {
        return u128::from(gcd64(x, y));
    }
    // When one operand fits 64 bits, one step of Euclid's brings the other below it.
    let (large, small) = if a >= b { (a, b) } else { (b, a) };
    if let Ok(s) = u64::try_from(small) {
        if s == 0 {
            return large;
        }
        return u128::from(gcd64(u64::try_from(large % small).unwrap_or(s), s));
    }
    gcd128(a, b)
}

/// The greatest common divisor of two non-zero values, as an `i128` (at least 1).
fn common(a: i128, b: i128) -> Result<i128, Overflow> {
    let (x, y) = (a.unsigned_abs(), b.unsigned_abs());
    if x == 1 || y == 1 {
        return Ok(1);
    }
    i128::try_from(gcd(x, y)).map_err(|_| Overflow).map(|g| g.max(1))
}

/// `x / g` for a divisor `g ≥ 1` of `x`: nothing to do for 1, a 64-bit division where both fit
/// (several times faster than a 128-bit one).
fn quot(x: i128, g: i128) -> i128 {
    if g == 1 {
        x
    } else if let (Ok(a), Ok(b)) = (i64::try_from(x), i64::try_from(g)) {
        i128::from(a / b)
    } else {
        x / g
    }
}

/// `x × y`, `None` on overflow. Where both fit 64 bits the product is one widening
/// multiplication, which cannot overflow (`|x × y| ≤ 2^126`); a checked 128-bit product costs
/// several multiplications and the overflow tests.
///
/// Like every result here, the product is kept off `i128::MIN`, so that negation fits.
fn mul(x: i128, y: i128) -> Option<i128> {
    match (i64::try_from(x), i64::try_from(y)) {
        (Ok(a), Ok(b)) => Some(i128::from(a) * i128::from(b)),
        _ => x.checked_mul(y).filter(|&p| p != i128::MIN),
    }
}

/// `x + y`, `None` on overflow or at `i128::MIN` (see [`mul`]).
fn add(x: i128, y: i128) -> Option<i128> {
    x.checked_add(y).filter(|&s| s != i128::MIN)
}

/// Binary GCD (Stein) on one unsigned width, in the form where each step's shift comes from the
/// difference computed in the step before, so the steps do not wait on one another; never
/// divides, never panics.
macro_rules! binary_gcd {
    ($name:ident, $t:ty) => {
        fn $name(mut a: $t, mut b: $t) -> $t {
            if a == 0 {
                return b;
            }
            if b == 0 {
                return a;
            }
            let mut shift_a = a.trailing_zeros();
            let shift = shift_a.min(b.trailing_zeros());
            b >>= b.trailing_zeros();
            // b is odd; a != 0, so shift_a is below the width.
            while a != 0 {
                a >>= shift_a;
                // a and b are odd: their difference is even, or zero when they are equal.
                let difference = a.abs_diff(b);
                shift_a = a.wrapping_sub(b).trailing_zeros();
                b = b.min(a);
                a = difference;
            }
            b << shift
        }
    };
}

binary_gcd!(gcd64, u64);
binary_gcd!(gcd128, u128);

impl Exact {
    /// Zero.
    pub const ZERO: Self = Self { numer: 0, denom: UNIT };
    /// One.
    pub const ONE: Self = Self { numer: 1, denom: UNIT };

    /// `numer / denom` in lowest terms.
    ///
    /// # Errors
    /// [`Overflow`] when `denom` is zero or a magnitude is `i128::MIN`.
    pub fn new(numer: i128, denom: i128) -> Result<Self, Overflow> {
        if denom == 0 || numer == i128::MIN || denom == i128::MIN {
            return Err(Overflow);
        }
        let g = gcd(numer.unsigned_abs(), denom.unsigned_abs());
        // g >= 1 because denom != 0, and g divides both, so the casts are exact.
        let g = i128::try_from(g).map_err(|_| Overflow)?;
        let (mut n, mut d) = (quot(numer, g), quot(denom, g));
        if d < 0 {
            n = -n;
            d = -d;
        }
        Ok(Self { numer: n, denom: denominator(Some(d))? })
    }

    /// An integer.
    pub fn from_int(value: i128) -> Result<Self, Overflow> {
        Self::new(value, 1)
    }

    /// A decimal, exactly.
    pub fn from_decimal(value: Decimal) -> Self {
        // A Decimal's mantissa is at most 96 bits and its scale at most 28, so both fit an i128
        // and the denominator is non-zero.
        let denom = 10_i128.pow(value.scale());
        Self::new(value.mantissa(), denom).unwrap_or(Self::ZERO)
    }

    /// The numerator (lowest terms).
    pub fn numer(self) -> i128 {
        self.numer
    }

    /// The denominator (lowest terms, positive).
    pub fn denom(self) -> i128 {
        self.denom.get()
    }

    /// Whether the value is zero.
    pub fn is_zero(self) -> bool {
        self.numer == 0
    }

    /// Whether the value is below zero.
    pub fn is_negative(self) -> bool {
        self.numer < 0
    }

    /// `self + rhs`.
    ///
    /// # Errors
    /// [`Overflow`].
    pub fn checked_add(self, rhs: Self) -> Result<Self, Overflow> {
        // Both operands are in lowest terms, so the greatest common divisor to take out of the sum
        // divides that of the denominators (Knuth, TAOCP 4.5.1): the GCDs are taken of the
        // denominators and of a divisor of them, never of the (larger) cross products.
        let (a, b, c, d) = (self.numer, self.denom.get(), rhs.numer, rhs.denom.get());
        if b == d {
            return Self::new(add(a, c).ok_or(Overflow)?, b);
        }
        let g = common(b, d)?;
        if g == 1 {
            let n = mul(a, d).and_then(|x| mul(c, b).and_then(|y| add(x, y)));
            return Ok(Self { numer: n.ok_or(Overflow)?, denom: denominator(mul(b, d))? });
        }
        let (b_g, d_g) = (quot(b, g), quot(d, g));
        let t = mul(a, d_g).and_then(|x| mul(c, b_g).and_then(|y| add(x, y))).ok_or(Overflow)?;
        if t == 0 {
            return Ok(Self::ZERO);
        }
        let g2 = common(t, g)?;
        Ok(Self { numer: quot(t, g2), denom: denominator(mul(b_g, quot(d, g2)))? })
    }

    /// `-self`.
    pub fn negate(self) -> Self {
        // |numer| < 2^127, so the negation fits.
        Self { numer: -self.numer, denom: self.denom }
    }

    /// `self - rhs`.
    ///
    /// # Errors
    /// [`Overflow`].
    pub fn checked_sub(self, rhs: Self) -> Result<Self, Overflow> {
        self.checked_add(rhs.negate())
    }

    /// `self × rhs`.
    ///
    /// # Errors
    /// [`Overflow`].
    pub fn checked_mul(self, rhs: Self) -> Result<Self, Overflow> {
        let (a, b, c, d) = (self.numer, self.denom.get(), rhs.numer, rhs.denom.get());
        if a == 0 || c == 0 {
            return Ok(Self::ZERO);
        }
        // Both operands are in lowest terms: cancelling each numerator against the other's
        // denominator leaves the product in lowest terms, with no GCD of the products.
        let (g1, g2) = (common(a, d)?, common(c, b)?);
        let n = mul(quot(a, g1), quot(c, g2)).ok_or(Overflow)?;
        let d = mul(quot(b, g2), quot(d, g1)).ok_or(Overflow)?;
        Ok(Self { numer: n, denom: denominator(Some(d))? })
    }

    /// `self / rhs`.
    ///
    /// # Errors
    /// [`Overflow`], also for a division by zero (callers check for zero first and report it in
    /// domain terms).
    pub fn checked_div(self, rhs: Self) -> Result<Self, Overflow> {
        // The reciprocal, its sign on the numerator: |rhs.numer| < 2^127, so the negations fit.
        let (numer, denom) = if rhs.numer < 0 { (-rhs.denom.get(), -rhs.numer) } else { (rhs.denom.get(), rhs.numer) };
        self.checked_mul(Self { numer, denom: denominator(Some(denom))? })
    }

    /// The smaller of two values.
    pub fn min(self, other: Self) -> Self {
        if other < self { other } else { self }
    }

    /// The larger of two values.
    pub fn max(self, other: Self) -> Self {
        if other > self { other } else { self }
    }

    /// Rounded by a step's rule (`decimals`, `strategy`) where the tender's rounding policy names
    /// the step ([`tender_core::award::RoundingPolicy::rule`]), unchanged where it does not.
    ///
    /// # Errors
    /// [`Overflow`] when the result does not fit a [`Decimal`].
    pub fn round_by(self, rule: Option<(u32, RoundingStrategy)>) -> Result<Self, Overflow> {
        match rule {
            Some((decimals, strategy)) => Ok(Self::from_decimal(self.round(decimals, strategy)?)),
            None => Ok(self),
        }
    }

    /// Rounds to `decimals` places by `strategy`. Exact: the remainder is compared with one half
    /// in integers, so a value exactly on a half rounds as the strategy says.
    ///
    /// # Errors
    /// [`Overflow`] when the result does not fit a [`Decimal`].
    pub fn round(self, decimals: u32, strategy: RoundingStrategy) -> Result<Decimal, Overflow> {
        let scale = 10_i128.checked_pow(decimals).ok_or(Overflow)?;
        let scaled = mul(self.numer, scale).ok_or(Overflow)?;
        let denom = self.denom.get();
        let (q, r) = match (i64::try_from(scaled), i64::try_from(denom)) {
            // 64-bit division is several times faster than 128-bit; same result.
            (Ok(a), Ok(b)) => (i128::from(a / b), i128::from(a % b)),
            _ => (scaled / denom, scaled % denom),
        };
        // q is truncated towards zero; r has the sign of scaled.
        let rounded = if r == 0 {
            q
        } else {
            let away = if scaled < 0 { q - 1 } else { q + 1 };
            let twice = r.unsigned_abs().checked_mul(2).ok_or(Overflow)?;
            let half = twice.cmp(&denom.unsigned_abs());
            let go_away = match strategy {
                RoundingStrategy::Down => false,
                RoundingStrategy::Up => true,
                RoundingStrategy::HalfUp => half != Ordering::Less,
                RoundingStrategy::HalfDown => half == Ordering::Greater,
                RoundingStrategy::HalfEven => match half {
                    Ordering::Greater => true,
                    Ordering::Less => false,
                    Ordering::Equal => q % 2 != 0,
                },
            };
            if go_away { away } else { q }
        };
        Decimal::try_from_i128_with_scale(rounded, decimals).map_err(|_| Overflow)
    }

    /// The value rounded half-up to `decimals`, for display where no policy applies (e.g. an
    /// exact intermediate shown in a derivation). Saturates at the largest decimal on overflow.
    pub fn approx(self, decimals: u32) -> Decimal {
        self.round(decimals, RoundingStrategy::HalfUp).unwrap_or(if self.numer < 0 {
            Decimal::MIN
        } else {
            Decimal::MAX
        })
    }

    /// Whether the value is an exact decimal with at most `decimals` places.
    pub fn is_decimal_with(self, decimals: u32) -> bool {
        self.round(decimals, RoundingStrategy::Down).is_ok_and(|d| Self::from_decimal(d) == self)
    }
}

impl Ord for Exact {
    fn cmp(&self, other: &Self) -> Ordering {
        let (b, d) = (self.denom.get(), other.denom.get());
        if b == d {
            return self.numer.cmp(&other.numer);
        }
        if let (Some(x), Some(y)) = (mul(self.numer, d), mul(other.numer, b)) {
            return x.cmp(&y);
        }
        compare_fractions(self.numer, b, other.numer, d)
    }
}

impl PartialOrd for Exact {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Compares `a/b` with `c/d` (`b, d > 0`) without multiplying: integer parts first, then the
/// reciprocals of the remainders (a continued-fraction expansion). Terminates because the
/// denominators strictly decrease.
fn compare_fractions(mut a: i128, mut b: i128, mut c: i128, mut d: i128) -> Ordering {
    let mut flipped = false;
    loop {
        let (qa, ra) = (a.div_euclid(b), a.rem_euclid(b));
        let (qc, rc) = (c.div_euclid(d), c.rem_euclid(d));
        let ord = match qa.cmp(&qc) {
            Ordering::Equal => match (ra == 0, rc == 0) {
                (true, true) => Ordering::Equal,
                (true, false) => Ordering::Less,
                (false, true) => Ordering::Greater,
                (false, false) => {
                    // a/b = q + ra/b, compare ra/b with rc/d via b/ra vs d/rc, reversed.
                    (a, b, c, d) = (b, ra, d, rc);
                    flipped = !flipped;
                    continue;
                }
            },
            o => o,
        };
        return if flipped { ord.reverse() } else { ord };
    }
}

impl fmt::Display for Exact {
    /// `numer/denom`, or the integer when the denominator is 1.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.denom == UNIT { write!(f, "{}", self.numer) } else { write!(f, "{}/{}", self.numer, self.denom) }
    }
}

/// Writes an exact value as decimal text when it is a decimal (`40`, `12.5`), as a decimal
/// written before would be, and as `numer/denom` otherwise (`100/7`).
pub(crate) fn serialize_as_decimal<S: serde::Serializer>(value: &Exact, serializer: S) -> Result<S::Ok, S::Error> {
    if value.is_decimal_with(28) {
        serializer.collect_str(&value.approx(28).normalize())
    } else {
        serializer.collect_str(value)
    }
}

impl serde::Serialize for Exact {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Euclid's algorithm, the reference for the binary GCDs.
    fn euclid(mut a: u128, mut b: u128) -> u128 {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    }

    proptest::proptest! {
        #[test]
        fn binary_gcd_is_euclids(a: u128, b: u128, small_a: u64, small_b: u64, k in 0u32..64) {
            proptest::prop_assert_eq!(gcd128(a, b), euclid(a, b));
            proptest::prop_assert_eq!(u128::from(gcd64(small_a, small_b)), euclid(small_a.into(), small_b.into()));
            // One operand on 64 bits, the other wider: one step of Euclid's first.
            proptest::prop_assert_eq!(gcd(a, small_b.into()), euclid(a, small_b.into()));
            proptest::prop_assert_eq!(gcd(small_a.into(), b), euclid(small_a.into(), b));
            proptest::prop_assert_eq!(gcd(a, 0), a);
            // Shared powers of two, equal operands, zeros and the largest values.
            let (x, y) = (u128::from(small_a) << k, u128::from(small_b) << k);
            proptest::prop_assert_eq!(gcd128(x, y), euclid(x, y));
            for (p, q) in [(a, a), (a, 0), (0, b), (u128::MAX, b), (u128::MAX, u128::MAX)] {
                proptest::prop_assert_eq!(gcd128(p, q), euclid(p, q));
            }
            for (p, q) in [(small_a, small_a), (u64::MAX, small_b), (u64::MAX, u64::MAX - 1), (1 << 63, 1 << 62)] {
                proptest::prop_assert_eq!(u128::from(gcd64(p, q)), euclid(p.into(), q.into()));
            }
        }

        /// Sums and products cancel by the denominators' GCDs only; they are the definition's
        /// `(a·d + c·b) / (b·d)` and `(a·c) / (b·d)` in lowest terms: on small parts, on parts with
        /// many common factors, on 64-bit parts and on parts shifted beyond 64 bits.
        #[test]
        fn sums_and_products_are_the_definitions_in_lowest_terms(
            a in -10_000i64..10_000, b in 1i64..10_000, c in -10_000i64..10_000, d in 1i64..10_000,
            big_a: i64, big_b in 1i64..i64::MAX, big_c: i64, big_d in 1i64..i64::MAX, k in 0u32..40,
        ) {
            let shared = 2i128.pow(k % 12) * 3i128.pow(k % 5) * 7;
            let cases = [
                (i128::from(a), i128::from(b), i128::from(c), i128::from(d)),
                (i128::from(a) * shared, i128::from(b) * shared, i128::from(c), i128::from(d) * shared),
                (i128::from(big_a), i128::from(big_b), i128::from(big_c), i128::from(big_d)),
                (i128::from(big_a) << k, i128::from(big_b), i128::from(c), i128::from(big_d) >> k.min(62)),
            ];
            for (a, b, c, d) in cases {
                let (x, y) = (e(a, b.max(1)), e(c, d.max(1)));
                let (a, b, c, d) = (x.numer, x.denom(), y.numer, y.denom());
                let definition = |n: Option<i128>, m: Option<i128>| match (n, m) {
                    (Some(n), Some(m)) => Exact::new(n, m).ok(),
                    _ => None,
                };
                let sum = definition(a.checked_mul(d).zip(c.checked_mul(b)).and_then(|(p, q)| p.checked_add(q)), b.checked_mul(d));
                let product = definition(a.checked_mul(c), b.checked_mul(d));
                if let Some(sum) = sum {
                    proptest::prop_assert_eq!(x.checked_add(y), Ok(sum));
                    proptest::prop_assert_eq!(y.checked_add(x), Ok(sum));
                }
                if let Some(product) = product {
                    proptest::prop_assert_eq!(x.checked_mul(y), Ok(product));
                    proptest::prop_assert_eq!(y.checked_mul(x), Ok(product));
                }
                for r in [x.checked_add(y), x.checked_mul(y), x.checked_sub(y)].into_iter().flatten() {
                    proptest::prop_assert_eq!(euclid(r.numer.unsigned_abs(), r.denom().unsigned_abs()).max(1), 1);
                    proptest::prop_assert!(r.denom() > 0);
                }
            }
        }
    }

    fn e(n: i128, d: i128) -> Exact {
        Exact::new(n, d).expect("fits")
    }

    #[test]
    fn lowest_terms_and_sign() {
        assert_eq!(e(6, -4), e(-3, 2));
        assert_eq!(e(0, 7), Exact::ZERO);
        assert!(Exact::new(1, 0).is_err());
        assert!(Exact::new(i128::MIN, 1).is_err());
    }

    #[test]
    fn an_optional_figure_takes_no_more_room_than_the_figure() {
        // The non-zero denominator is the niche that holds `None`.
        assert_eq!(std::mem::size_of::<Option<Exact>>(), std::mem::size_of::<Exact>());
        assert_eq!(std::mem::size_of::<Option<crate::result::Figure>>(), std::mem::size_of::<crate::result::Figure>());
    }

    #[test]
    fn no_result_lands_on_the_one_magnitude_negation_cannot_take() {
        // -2^127 fits an i128 but its negation does not: a sum or product there is an overflow.
        let half = e(-(1_i128 << 126), 1);
        assert_eq!(half.checked_add(half), Err(Overflow));
        assert_eq!(e(-(1_i128 << 64), 1).checked_mul(e(1_i128 << 63, 1)), Err(Overflow));
        // Just inside, the results are exact.
        assert_eq!(half.checked_add(e(1, 1)).and_then(|x| x.checked_add(half)), Ok(e(i128::MIN + 1, 1)));
    }

    #[test]
    fn thirds_are_exact() {
        let third = e(1, 3);
        let sum = third.checked_add(third).and_then(|s| s.checked_add(third)).expect("fits");
        assert_eq!(sum, Exact::ONE);
        assert_eq!(e(10, 3).round(2, RoundingStrategy::HalfUp), Ok(Decimal::new(333, 2)));
    }

    #[test]
    fn halves_round_by_strategy() {
        let x = e(2345, 1000); // 2.345 exactly
        assert_eq!(x.round(2, RoundingStrategy::HalfUp), Ok(Decimal::new(235, 2)));
        assert_eq!(x.round(2, RoundingStrategy::HalfDown), Ok(Decimal::new(234, 2)));
        assert_eq!(x.round(2, RoundingStrategy::HalfEven), Ok(Decimal::new(234, 2)));
        assert_eq!(e(2355, 1000).round(2, RoundingStrategy::HalfEven), Ok(Decimal::new(236, 2)));
        assert_eq!(e(2341, 1000).round(2, RoundingStrategy::Up), Ok(Decimal::new(235, 2)));
        assert_eq!(e(2349, 1000).round(2, RoundingStrategy::Down), Ok(Decimal::new(234, 2)));
        assert_eq!(x.negate().round(2, RoundingStrategy::HalfUp), Ok(Decimal::new(-235, 2)));
        assert_eq!(e(-2341, 1000).round(2, RoundingStrategy::Down), Ok(Decimal::new(-234, 2)));
    }

    #[test]
    fn comparison_never_overflows() {
        let big = i128::MAX / 3;
        let a = e(big, big - 1);
        let b = e(big - 1, big - 2);
        assert_eq!(a.cmp(&b), Ordering::Less); // 1 + 1/(big-1) < 1 + 1/(big-2)
        assert_eq!(compare_fractions(7, 3, 5, 2), Ordering::Less);
        assert_eq!(compare_fractions(-7, 3, -5, 2), Ordering::Greater);
        assert_eq!(compare_fractions(4, 6, 2, 3), Ordering::Equal);
    }

    #[test]
    fn overflow_is_an_error() {
        let big = e(i128::MAX / 2, 1);
        assert_eq!(big.checked_mul(e(3, 1)), Err(Overflow));
        assert_eq!(big.checked_add(big).and_then(|x| x.checked_add(big)), Err(Overflow));
        assert!(Exact::ONE.checked_div(Exact::ZERO).is_err());
    }
}
