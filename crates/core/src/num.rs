//! Exact decimal domain types: [`Money`], [`Percent`], [`Weight`] and [`Score`].
//!
//! A [`Weight`] may also be an exact fraction (`"3/21"`), kept as the buyer wrote it.
//!
//! Every number in a tender or a bid is a [`rust_decimal::Decimal`] behind one of these newtypes. They
//! parse with [`Decimal::from_str_exact`], refuse binary floats that cannot be read back exactly, and
//! expose only checked arithmetic.
//!
//! # Numbers in files
//!
//! TOML and JSON both have numbers, but TOML keeps floats as binary `f64`. Reading is exact by one rule:
//!
//! * integers and strings (`"1234.56"`) are read as written;
//! * JSON numbers are read from their text (serde_json's `arbitrary_precision`), so `0.1` stays `0.1`;
//! * a TOML float is read through its shortest round-trip text, which equals what the author wrote
//!   whenever the author wrote at most 15 significant digits (every such decimal has its own `f64`).
//!   A float with more digits is refused with a message saying to write it as a string; the TOML
//!   loader checks the raw text too (see [`crate::files`]), so nothing is silently rounded.
//!
//! Writing is the inverse: integers as integers, numbers with at most 15 significant digits as plain
//! numbers, anything longer as a string.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The most significant digits a binary `f64` carries for every decimal (`DBL_DIG`).
pub const F64_EXACT_DIGITS: u32 = 15;

/// Why a decimal could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecimalError {
    /// The text is not a plain decimal number.
    #[error("`{0}` is not a decimal number. Fix: write digits with an optional sign and decimal point, e.g. 1234.56")]
    Syntax(String),
    /// The number has more digits than a 96-bit decimal can hold exactly.
    #[error(
        "`{0}` has more digits than can be kept exactly. Fix: use at most 28 significant digits (amounts are in whole currency units)"
    )]
    TooPrecise(String),
    /// A binary float with more than 15 significant digits cannot be read back exactly.
    #[error(
        "the number {0} has more than 15 significant digits and cannot be read exactly from a binary float. Fix: write it as a string: \"{0}\""
    )]
    InexactFloat(String),
    /// Not a finite number.
    #[error("{0} is not a finite number. Fix: write a decimal number such as 1234.56")]
    NotFinite(String),
    /// A weight written as a fraction that is not two whole numbers above zero.
    #[error(
        "`{0}` is not a fraction of two whole numbers above zero. Fix: write the numerator and the denominator as whole numbers from 1 to 999999999 with a slash, e.g. \"3/21\", or write a decimal number"
    )]
    Fraction(String),
}

/// Parses plain decimal text exactly (`-12`, `0.1`, `1234.500`); no exponent, no separators.
///
/// # Errors
/// [`DecimalError::Syntax`] for anything that is not a plain decimal and [`DecimalError::TooPrecise`]
/// when it has more digits than a [`Decimal`] holds.
pub fn parse_decimal(text: &str) -> Result<Decimal, DecimalError> {
    let body = text.strip_prefix('-').unwrap_or(text);
    let mut parts = body.splitn(2, '.');
    let int = parts.next().unwrap_or("");
    let frac = parts.next();
    let digits_ok = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits_ok(int) || frac.is_some_and(|f| !digits_ok(f)) {
        return Err(DecimalError::Syntax(text.to_owned()));
    }
    Decimal::from_str_exact(text).map_err(|_| DecimalError::TooPrecise(text.to_owned()))
}

/// Counts the significant digits of plain decimal text (`0.0120` has 3, `1200` has 2).
pub fn significant_digits(text: &str) -> u32 {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    let trimmed = digits.trim_start_matches('0');
    // Trailing zeros of the integer part or of the fraction do not add precision.
    let trimmed = trimmed.trim_end_matches('0');
    u32::try_from(trimmed.len()).unwrap_or(u32::MAX)
}

/// Reads a binary float exactly, or explains why it cannot be. This and the writer below are the
/// only places the model meets `f64`: TOML stores fractional numbers as binary floats, so they are
/// converted here, once, by the documented rule; nothing is ever computed in floating point.
///
/// # Errors
/// [`DecimalError::NotFinite`] for NaN and infinities, [`DecimalError::InexactFloat`] when the float's
/// shortest round-trip text has more than 15 significant digits, and [`DecimalError::TooPrecise`] when
/// it is beyond what a [`Decimal`] holds.
pub fn decimal_from_f64(value: f64) -> Result<Decimal, DecimalError> {
    if !value.is_finite() {
        return Err(DecimalError::NotFinite(value.to_string()));
    }
    // `Display` for f64 prints the shortest text that reads back to the same float, never in
    // exponent form.
    let text = value.to_string();
    if significant_digits(&text) > F64_EXACT_DIGITS {
        return Err(DecimalError::InexactFloat(text));
    }
    let text = text.strip_suffix(".0").unwrap_or(&text);
    parse_decimal(text)
}

/// Writes a decimal the way [`DecimalVisitor`] reads it back to the same value.
fn serialize_decimal<S: Serializer>(value: Decimal, serializer: S) -> Result<S::Ok, S::Error> {
    let normal = value.normalize();
    if normal.scale() == 0
        && let Ok(int) = i64::try_from(normal)
    {
        return serializer.serialize_i64(int);
    }
    let text = normal.to_string();
    // Written as a float only when the float's shortest text is this decimal's text (at most 15
    // significant digits), so reading it back gives the same decimal; nothing is computed on it.
    if significant_digits(&text) <= F64_EXACT_DIGITS
        && let Ok(float) = text.parse::<f64>()
    {
        return serializer.serialize_f64(float);
    }
    serializer.serialize_str(&text)
}

/// serde_json's private marker for a number kept as text (`arbitrary_precision`). rust_decimal uses
/// the same token for the same purpose.
const JSON_NUMBER_TOKEN: &str = "$serde_json::private::Number";

struct DecimalVisitor;

impl<'de> Visitor<'de> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number (e.g. 1234.56) or a decimal in a string (\"1234.56\")")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Decimal, E> {
        Ok(Decimal::from(v))
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Decimal, E> {
        Decimal::try_from_i128_with_scale(v, 0).map_err(|_| E::custom(DecimalError::TooPrecise(v.to_string())))
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Decimal, E> {
        i128::try_from(v)
            .ok()
            .and_then(|v| Decimal::try_from_i128_with_scale(v, 0).ok())
            .ok_or_else(|| E::custom(DecimalError::TooPrecise(v.to_string())))
    }

    // TOML fractional numbers arrive as binary floats: converted once, by the documented rule.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Decimal, E> {
        decimal_from_f64(v).map_err(E::custom)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Decimal, E> {
        parse_decimal(v.trim()).map_err(E::custom)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, mut map: A) -> Result<Decimal, A::Error> {
        match map.next_key::<String>()? {
            Some(key) if key == JSON_NUMBER_TOKEN => {
                let text: String = map.next_value()?;
                if text.contains(['e', 'E']) {
                    let value = Decimal::from_scientific(&text)
                        .map_err(|_| de::Error::custom(DecimalError::TooPrecise(text.clone())))?;
                    return Ok(value);
                }
                parse_decimal(&text).map_err(de::Error::custom)
            }
            _ => Err(de::Error::invalid_type(de::Unexpected::Map, &self)),
        }
    }
}

fn deserialize_decimal<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
    deserializer.deserialize_any(DecimalVisitor)
}

fn decimal_schema(description: &str) -> schemars::Schema {
    schemars::json_schema!({
        "description": description,
        "anyOf": [
            { "type": "number" },
            { "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$" }
        ]
    })
}

macro_rules! decimal_newtype {
    ($(#[$meta:meta])* $name:ident, $schema_doc:literal) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(Decimal);

        impl $name {
            /// Zero.
            pub const ZERO: Self = Self(Decimal::ZERO);

            /// Wraps an exact decimal.
            pub const fn new(value: Decimal) -> Self {
                Self(value)
            }

            /// The exact decimal value.
            pub const fn get(self) -> Decimal {
                self.0
            }

            /// Checked addition: `None` on overflow.
            pub fn checked_add(self, other: Self) -> Option<Self> {
                self.0.checked_add(other.0).map(Self)
            }

            /// Checked subtraction: `None` on overflow.
            pub fn checked_sub(self, other: Self) -> Option<Self> {
                self.0.checked_sub(other.0).map(Self)
            }

            /// Whether the value is below zero.
            pub fn is_negative(self) -> bool {
                self.0.is_sign_negative() && !self.0.is_zero()
            }

            /// Whether the value is zero.
            pub fn is_zero(self) -> bool {
                self.0.is_zero()
            }
        }

        impl From<Decimal> for $name {
            fn from(value: Decimal) -> Self {
                Self(value)
            }
        }

        impl From<u32> for $name {
            fn from(value: u32) -> Self {
                Self(Decimal::from(value))
            }
        }

        impl FromStr for $name {
            type Err = DecimalError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                parse_decimal(s).map(Self)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(&self.0, f)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serialize_decimal(self.0, serializer)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserialize_decimal(deserializer).map(Self)
            }
        }

        impl schemars::JsonSchema for $name {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                decimal_schema($schema_doc)
            }
        }
    };
}

decimal_newtype!(
    /// An amount of money in the tender's currency, exact to the last digit written.
    Money,
    "An amount in the tender's currency, as a number or a decimal string (\"1234.56\")."
);
decimal_newtype!(
    /// A percentage: `30` means 30 %.
    Percent,
    "A percentage: 30 means 30 %."
);
decimal_newtype!(
    /// A measured value a bid states, or a limit the tender sets for it, in the criterion's unit
    /// (99.95 for 99.95 % availability, 30 for 30 minutes).
    Measurement,
    "A measured value in the criterion's unit, as a number or a decimal string (\"99.95\")."
);
decimal_newtype!(
    /// A quantity: how many units of a price basket's line the buyer expects to buy.
    Quantity,
    "A quantity, as a number or a decimal string (\"1500\")."
);
decimal_newtype!(
    /// A score on a scale: an evaluator's quality score, a sovereignty answer's points.
    Score,
    "A score on the criterion's scale (e.g. 0-10) or sovereignty points (0-1000)."
);

/// The largest numerator or denominator a fraction weight may have (nine digits), so that sums and
/// products of weights stay exact in 128-bit arithmetic.
pub const FRACTION_MAX: u64 = 999_999_999;

/// A weight written as an exact fraction, `"3/21"`: the numerator and the denominator as the buyer
/// wrote them (not reduced), both whole numbers from 1 to [`FRACTION_MAX`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Fraction {
    numerator: u64,
    denominator: u64,
}

impl Fraction {
    /// A fraction `numerator/denominator`.
    ///
    /// # Errors
    /// [`DecimalError::Fraction`] when either part is zero or above [`FRACTION_MAX`].
    pub fn new(numerator: u64, denominator: u64) -> Result<Self, DecimalError> {
        let ok = |x: u64| (1..=FRACTION_MAX).contains(&x);
        if ok(numerator) && ok(denominator) {
            Ok(Self { numerator, denominator })
        } else {
            Err(DecimalError::Fraction(format!("{numerator}/{denominator}")))
        }
    }

    /// The numerator, as written.
    pub const fn numerator(self) -> u64 {
        self.numerator
    }

    /// The denominator, as written.
    pub const fn denominator(self) -> u64 {
        self.denominator
    }
}

impl fmt::Display for Fraction {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.numerator, self.denominator)
    }
}

impl FromStr for Fraction {
    type Err = DecimalError;

    /// Reads `3/21` (spaces around the parts allowed); the parts are plain digits.
    fn from_str(text: &str) -> Result<Self, DecimalError> {
        let bad = || DecimalError::Fraction(text.trim().to_owned());
        let (n, d) = text.split_once('/').ok_or_else(bad)?;
        let part = |s: &str| {
            let s = s.trim();
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            // More than the largest allowed is refused below; saturate rather than overflow.
            Ok(s.parse::<u64>().unwrap_or(u64::MAX))
        };
        Self::new(part(n)?, part(d)?).map_err(|_| bad())
    }
}

/// How a weight is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum WeightForm {
    Decimal(Decimal),
    Fraction(Fraction),
}

/// The weight of an award criterion: a percentage, a number of points or a rank, as the award
/// model's weighting says; a decimal number (`30`, `12.5`) or an exact fraction (`"3/21"`).
///
/// The weight keeps the form the buyer wrote, so a tender reads back and publishes as written. Its
/// value is exact: [`Weight::exact_parts`] gives it as a numerator and a denominator, and
/// [`Weight::rounded`] is the one way to a rounded decimal for display.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Weight(WeightForm);

impl Default for Weight {
    fn default() -> Self {
        Self::ZERO
    }
}

impl Weight {
    /// Zero.
    pub const ZERO: Self = Self(WeightForm::Decimal(Decimal::ZERO));

    /// A weight written as a decimal.
    pub const fn new(value: Decimal) -> Self {
        Self(WeightForm::Decimal(value))
    }

    /// A weight written as a fraction.
    pub const fn fraction(value: Fraction) -> Self {
        Self(WeightForm::Fraction(value))
    }

    /// The decimal as written, or `None` for a weight written as a fraction.
    pub const fn decimal(self) -> Option<Decimal> {
        match self.0 {
            WeightForm::Decimal(d) => Some(d),
            WeightForm::Fraction(_) => None,
        }
    }

    /// The fraction as written, or `None` for a weight written as a decimal.
    pub const fn as_fraction(self) -> Option<Fraction> {
        match self.0 {
            WeightForm::Decimal(_) => None,
            WeightForm::Fraction(f) => Some(f),
        }
    }

    /// The exact value as `(numerator, denominator)`, denominator above zero, not reduced:
    /// `12.5` is `(125, 10)`, `"3/21"` is `(3, 21)`.
    pub fn exact_parts(self) -> (i128, i128) {
        match self.0 {
            // A decimal's scale is at most 28, so 10^scale fits in an i128.
            WeightForm::Decimal(d) => (d.mantissa(), 10_i128.pow(d.scale())),
            WeightForm::Fraction(f) => (i128::from(f.numerator), i128::from(f.denominator)),
        }
    }

    /// The value rounded to `decimals` places, half away from zero: for display only. A decimal
    /// with no more places is returned as written.
    pub fn rounded(self, decimals: u32) -> Decimal {
        let (n, d) = self.exact_parts();
        round_ratio(n, d, decimals)
    }

    /// Whether the value is below zero.
    pub fn is_negative(self) -> bool {
        self.exact_parts().0 < 0
    }

    /// Whether the value is zero.
    pub fn is_zero(self) -> bool {
        self.exact_parts().0 == 0
    }

    /// The exact sum of weights as a reduced `(numerator, denominator)`, or `None` if it does not
    /// fit in 128-bit arithmetic.
    pub fn exact_sum(weights: impl IntoIterator<Item = Self>) -> Option<(i128, i128)> {
        let mut sum = (0_i128, 1_i128);
        for w in weights {
            let (n, d) = w.exact_parts();
            let numer = sum.0.checked_mul(d)?.checked_add(n.checked_mul(sum.1)?)?;
            let denom = sum.1.checked_mul(d)?;
            sum = reduce(numer, denom);
        }
        Some(sum)
    }
}

impl Weight {
    /// An exact sum `n/d` for a message: the decimal when it is one with at most 10 places, else
    /// `≈` and the value to 2 places (`≈33.33`).
    pub fn fraction_sum_shown(n: i128, d: i128) -> String {
        let ten = round_ratio(n, d, 10);
        let back = Decimal::try_from_i128_with_scale(n, 0)
            .ok()
            .and_then(|n| n.checked_div(Decimal::try_from_i128_with_scale(d, 0).ok()?));
        if back == Some(ten) { ten.normalize().to_string() } else { format!("≈{}", round_ratio(n, d, 2)) }
    }
}

fn gcd(a: i128, b: i128) -> i128 {
    let (mut a, mut b) = (a.unsigned_abs(), b.unsigned_abs());
    while let Some(r) = a.checked_rem(b) {
        (a, b) = (b, r);
    }
    i128::try_from(a).unwrap_or(1)
}

fn reduce(n: i128, d: i128) -> (i128, i128) {
    let g = gcd(n, d);
    match (n.checked_div(g), d.checked_div(g)) {
        (Some(n), Some(d)) if g > 1 => (n, d),
        _ => (n, d),
    }
}

/// `n / d` (`d > 0`) rounded to `decimals` places, half away from zero.
fn round_ratio(n: i128, d: i128, decimals: u32) -> Decimal {
    let (n, d) = reduce(n, d);
    let exact = || {
        let scaled = n.checked_mul(10_i128.checked_pow(decimals)?)?;
        let (q, r) = (scaled.checked_div(d)?, scaled.checked_rem(d)?);
        let twice = r.checked_abs()?.checked_mul(2)?;
        let q = if twice >= d { if scaled < 0 { q.checked_sub(1)? } else { q.checked_add(1)? } } else { q };
        Decimal::try_from_i128_with_scale(q, decimals).ok()
    };
    exact().unwrap_or_else(|| {
        // Beyond 128 bits: a 28-digit decimal quotient, then rounded (display only).
        let q = Decimal::try_from_i128_with_scale(n, 0)
            .ok()
            .and_then(|n| n.checked_div(Decimal::try_from_i128_with_scale(d, 0).ok()?))
            .unwrap_or(Decimal::MAX);
        q.round_dp_with_strategy(decimals, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
    })
}

impl From<Decimal> for Weight {
    fn from(value: Decimal) -> Self {
        Self::new(value)
    }
}

impl From<u32> for Weight {
    fn from(value: u32) -> Self {
        Self::new(Decimal::from(value))
    }
}

impl From<Fraction> for Weight {
    fn from(value: Fraction) -> Self {
        Self::fraction(value)
    }
}

impl FromStr for Weight {
    type Err = DecimalError;
    /// A decimal (`12.5`) or a fraction (`3/21`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if s.contains('/') { s.parse().map(Self::fraction) } else { parse_decimal(s).map(Self::new) }
    }
}

impl fmt::Display for Weight {
    /// As written: `12.5` or `3/21`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            WeightForm::Decimal(d) => fmt::Display::fmt(&d, f),
            WeightForm::Fraction(x) => fmt::Display::fmt(&x, f),
        }
    }
}

impl Serialize for Weight {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            WeightForm::Decimal(d) => serialize_decimal(d, serializer),
            WeightForm::Fraction(x) => serializer.collect_str(&x),
        }
    }
}

struct WeightVisitor;

impl<'de> Visitor<'de> for WeightVisitor {
    type Value = Weight;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number (e.g. 30), a decimal in a string (\"12.5\") or a fraction in a string (\"3/21\")")
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Weight, E> {
        DecimalVisitor.visit_i64(v).map(Weight::new)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Weight, E> {
        DecimalVisitor.visit_u64(v).map(Weight::new)
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Weight, E> {
        DecimalVisitor.visit_i128(v).map(Weight::new)
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Weight, E> {
        DecimalVisitor.visit_u128(v).map(Weight::new)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Weight, E> {
        // A TOML `12.5` arrives as a binary float: read exactly by the one rule
        // (`decimal_from_f64`), or refused; nothing is computed on the float.
        DecimalVisitor.visit_f64(v).map(Weight::new)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Weight, E> {
        v.trim().parse().map_err(E::custom)
    }

    fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Weight, A::Error> {
        DecimalVisitor.visit_map(map).map(Weight::new)
    }
}

impl<'de> Deserialize<'de> for Weight {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(WeightVisitor)
    }
}

impl schemars::JsonSchema for Weight {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Weight".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "A weight: percent, points or rank, as the award model's `weighting` says; a number, a decimal string (\"12.5\") or an exact fraction (\"3/21\", both parts whole numbers from 1 to 999999999).",
            "anyOf": [
                { "type": "number" },
                { "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$" },
                { "type": "string", "pattern": "^ *[1-9][0-9]{0,8} */ *[1-9][0-9]{0,8} *$" }
            ]
        })
    }
}

impl Percent {
    /// One hundred percent.
    pub const HUNDRED: Self = Self(Decimal::ONE_HUNDRED);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_with_few_digits_read_exactly() {
        assert_eq!(decimal_from_f64(0.1), Ok(Decimal::new(1, 1)));
        assert_eq!(decimal_from_f64(1234.56), Ok(Decimal::new(123_456, 2)));
        assert_eq!(decimal_from_f64(30.0), Ok(Decimal::from(30)));
        assert_eq!(decimal_from_f64(-0.5), Ok(Decimal::new(-5, 1)));
    }

    #[test]
    fn floats_that_would_round_are_refused() {
        assert!(matches!(decimal_from_f64(0.1 + 0.2), Err(DecimalError::InexactFloat(_))));
        assert!(matches!(decimal_from_f64(f64::NAN), Err(DecimalError::NotFinite(_))));
        assert!(matches!(decimal_from_f64(1e300), Err(DecimalError::TooPrecise(_))));
    }

    #[test]
    fn significant_digits_ignore_leading_and_trailing_zeros() {
        assert_eq!(significant_digits("0.0120"), 2);
        assert_eq!(significant_digits("1200"), 2);
        assert_eq!(significant_digits("-1234.5600"), 6);
        assert_eq!(significant_digits("0"), 0);
    }

    #[test]
    fn plain_decimal_syntax_only() {
        assert!(parse_decimal("12.5").is_ok());
        assert!(parse_decimal("-3").is_ok());
        for bad in ["", "-", "1.", ".5", "1e3", "1_000", "12,5", "+1", "0x10"] {
            assert!(parse_decimal(bad).is_err(), "{bad} should be refused");
        }
        assert!(matches!(parse_decimal("1.00000000000000000000000000001"), Err(DecimalError::TooPrecise(_))));
    }

    #[test]
    fn json_round_trip_keeps_every_digit() {
        for text in ["0.1", "1234567.891234567891", "30", "-0.005"] {
            let money: Money = serde_json::from_str(text).expect("reads");
            assert_eq!(money.get(), parse_decimal(text).expect("parses"));
            let back = serde_json::to_string(&money).expect("writes");
            let again: Money = serde_json::from_str(&back).expect("reads back");
            assert_eq!(again, money, "{text} -> {back}");
        }
    }

    #[test]
    fn a_fraction_weight_reads_and_writes_as_written() {
        #[derive(Serialize, Deserialize)]
        struct Doc {
            w: Weight,
        }
        let doc: Doc = toml::from_str("w = \"3/21\"").expect("reads");
        assert_eq!(doc.w.as_fraction().map(|f| (f.numerator(), f.denominator())), Some((3, 21)));
        assert_eq!(doc.w.exact_parts(), (3, 21));
        assert_eq!(doc.w.rounded(2), Decimal::new(14, 2));
        assert_eq!(toml::to_string(&doc).expect("writes"), "w = \"3/21\"\n");
        let json: Doc = serde_json::from_str(r#"{"w": "3/21"}"#).expect("reads");
        assert_eq!(serde_json::to_string(&json).expect("writes"), r#"{"w":"3/21"}"#);
        // Numbers are written as before.
        for (text, written) in [("w = 30", "w = 30\n"), ("w = 12.5", "w = 12.5\n")] {
            let doc: Doc = toml::from_str(text).expect("reads");
            assert_eq!(doc.w.as_fraction(), None);
            assert_eq!(toml::to_string(&doc).expect("writes"), written);
        }
        for bad in ["3/0", "0/21", "-3/21", "3/-21", "3//21", "13/21/2", "3.5/21", "/21", "3/", "1000000000/3"] {
            assert!(matches!(bad.parse::<Weight>(), Err(DecimalError::Fraction(_))), "{bad} should be refused");
        }
        assert_eq!(
            Weight::exact_sum(["3/21", "5/21", "13/21"].map(|w| w.parse::<Weight>().expect("parses"))),
            Some((1, 1))
        );
        assert_eq!(Weight::fraction_sum_shown(100, 3), "≈33.33");
        assert_eq!(Weight::fraction_sum_shown(1, 4), "0.25");
    }

    #[test]
    fn toml_round_trip_keeps_every_digit() {
        #[derive(Serialize, Deserialize)]
        struct Doc {
            v: Money,
        }
        for text in ["0.1", "1234567.891234567891", "30", "-0.005", "99999999999999.99"] {
            let value = parse_decimal(text).expect("parses");
            let doc = Doc { v: Money::new(value) };
            let written = toml::to_string(&doc).expect("writes");
            let back: Doc = toml::from_str(&written).expect("reads back");
            assert_eq!(back.v.get(), value, "{text} -> {written}");
        }
    }
}
