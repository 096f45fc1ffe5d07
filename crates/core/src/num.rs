//! Exact decimal domain types: [`Money`], [`Percent`], [`Weight`] and [`Score`].
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
    /// The weight of an award criterion or sub-criterion: a percentage, a number of points or a rank,
    /// as the award model's weighting says.
    Weight,
    "A weight: percent, points or rank, as the award model's `weighting` says."
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
