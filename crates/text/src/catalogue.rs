//! The message catalogues: one Fluent file per language in `locales/`, found at build time.
//!
//! Every word the documents print comes from here, and so do the conventions for numbers, money,
//! percentages and dates (`fmt-*` messages), so a new language is a new `.ftl` file and nothing
//! else. Bundles are strict: a missing message, a missing argument or any other Fluent error is a
//! [`TextError`], never a silently incomplete text.

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use rust_decimal::{Decimal, RoundingStrategy};
use tender_core::common::Date;
use tender_core::{Currency, Language};
use tender_score::explain::{self, Term};

use crate::error::TextError;

include!(concat!(env!("OUT_DIR"), "/catalogues.rs"));

/// The languages that have a catalogue, sorted by code.
pub(crate) fn available() -> Vec<Language> {
    CATALOGUES.iter().map(|(code, _)| Language::new(*code)).collect()
}

/// The Fluent source of a language's catalogue.
pub(crate) fn source(lang: &Language) -> Result<&'static str, TextError> {
    CATALOGUES
        .iter()
        .find(|(code, _)| *code == lang.as_str())
        .map(|(_, source)| *source)
        .ok_or_else(|| TextError::UnknownLanguage { requested: lang.clone(), available: available() })
}

/// A loaded catalogue with its number conventions.
pub(crate) struct Catalogue {
    lang: Language,
    bundle: FluentBundle<FluentResource>,
    numbers: Numbers,
}

/// How a language writes numbers, read from the catalogue's `fmt-*` messages.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Numbers {
    decimal_mark: String,
    group_separator: String,
    /// Integers with at least this many digits are grouped in threes.
    group_from_digits: usize,
}

impl Numbers {
    /// `value` with its own decimals, grouped.
    fn write(&self, value: Decimal) -> String {
        explain::group(value, &self.group_separator, &self.decimal_mark, self.group_from_digits)
    }
}

/// One argument of a message.
pub(crate) type Arg<'a> = (&'a str, FluentValue<'a>);

impl Catalogue {
    /// Loads the catalogue of `lang`.
    pub(crate) fn load(lang: &Language) -> Result<Self, TextError> {
        let text = source(lang)?;
        let broken = |detail: String| TextError::Catalogue { lang: lang.clone(), detail };
        let resource = FluentResource::try_new(text.to_owned())
            .map_err(|(_, errors)| broken(errors.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join("; ")))?;
        let id: unic_langid::LanguageIdentifier =
            lang.as_str().parse().map_err(|e| broken(format!("`{lang}` is not a language identifier: {e}")))?;
        let mut bundle = FluentBundle::new(vec![id]);
        // Markdown needs no bidirectional isolation marks around placeables.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|errors| broken(errors.iter().map(|e| format!("{e:?}")).collect::<Vec<_>>().join("; ")))?;
        let mut catalogue = Self {
            lang: lang.clone(),
            bundle,
            numbers: Numbers { decimal_mark: ".".into(), group_separator: ",".into(), group_from_digits: 5 },
        };
        let group_from = catalogue.text("fmt-group-from-digits", &[])?;
        catalogue.numbers = Numbers {
            decimal_mark: catalogue.text("fmt-decimal-mark", &[])?,
            group_separator: catalogue.text("fmt-group-separator", &[])?,
            group_from_digits: group_from
                .trim()
                .parse()
                .map_err(|_| broken(format!("`fmt-group-from-digits` must be a whole number, not `{group_from}`")))?,
        };
        Ok(catalogue)
    }

    /// The language.
    pub(crate) fn lang(&self) -> &Language {
        &self.lang
    }

    /// A message with its arguments.
    pub(crate) fn text(&self, id: &str, args: &[Arg<'_>]) -> Result<String, TextError> {
        let missing = || TextError::MissingMessage { lang: self.lang.clone(), id: id.to_owned() };
        let message = self.bundle.get_message(id).ok_or_else(missing)?;
        let pattern = message.value().ok_or_else(missing)?;
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (key, value) in args {
            fluent_args.set(*key, value.clone());
        }
        let mut errors = Vec::new();
        let out = self.bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
        if !errors.is_empty() {
            return Err(TextError::Format {
                lang: self.lang.clone(),
                id: id.to_owned(),
                detail: errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; "),
            });
        }
        // A placeable ending in an abbreviation (`kr.`) before the sentence's full stop.
        let mut out = out.into_owned();
        while out.contains("..") {
            out = out.replace("..", ".");
        }
        Ok(out)
    }

    /// A number as written, grouped (`1.234.567,5`).
    pub(crate) fn number(&self, value: Decimal) -> String {
        self.numbers.write(value.normalize())
    }

    /// A number with exactly `decimals` decimals, rounded half away from zero if it has more
    /// (points as published: `30,00`).
    pub(crate) fn fixed(&self, value: Decimal, decimals: u32) -> String {
        let mut v = value.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
        v.rescale(decimals);
        self.numbers.write(v)
    }

    /// An amount of money: at least the currency's minor units, every digit it has beyond them,
    /// in the language's pattern (`1.234.567,89 kr.`, `DKK 1,234,567.89`).
    pub(crate) fn money(&self, amount: Decimal, currency: &Currency) -> Result<String, TextError> {
        let normal = amount.normalize();
        let mut v = normal;
        v.rescale(normal.scale().max(currency.minor_units()));
        let number = self.numbers.write(v);
        self.text(
            "fmt-money",
            &[("amount", FluentValue::from(number)), ("currency", FluentValue::from(currency.as_str().to_owned()))],
        )
    }

    /// A percentage (`30 %`, `30%`).
    pub(crate) fn percent(&self, value: Decimal) -> Result<String, TextError> {
        self.text("fmt-percent", &[("value", FluentValue::from(self.number(value)))])
    }

    /// A percentage with exactly `decimals` decimals, rounded half away from zero if it has more
    /// (`14,29 %`, `61,90 %`).
    pub(crate) fn percent_fixed(&self, value: Decimal, decimals: u32) -> Result<String, TextError> {
        self.text("fmt-percent", &[("value", FluentValue::from(self.fixed(value, decimals)))])
    }

    /// A date (`15. december 2025`, `15 December 2025`).
    pub(crate) fn date(&self, date: Date) -> Result<String, TextError> {
        let day = self.day(date)?;
        match date.time() {
            None => Ok(day),
            Some((h, m, _)) => self.text(
                "fmt-date-time",
                &[("date", FluentValue::from(day)), ("time", FluentValue::from(format!("{h:02}.{m:02}")))],
            ),
        }
    }

    fn day(&self, date: Date) -> Result<String, TextError> {
        self.text(
            "fmt-date",
            &[
                ("day", FluentValue::from(date.day().to_string())),
                ("month", FluentValue::from(i64::from(date.month()))),
                ("year", FluentValue::from(date.year().to_string())),
            ],
        )
    }

    /// Items joined as a list in prose (`a, b og c`).
    pub(crate) fn list(&self, items: &[String]) -> Result<String, TextError> {
        Ok(match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => self.text(
                "fmt-list",
                &[("init", FluentValue::from(init.join(", "))), ("last", FluentValue::from(last.clone()))],
            )?,
        })
    }

    /// The derivation notation of this language.
    pub(crate) fn notation(&self) -> Result<Notation, TextError> {
        let term = |id: &str| self.text(id, &[]);
        // The percent pattern around a marker the catalogue cannot contain.
        const MARK: &str = "\u{1}";
        let pattern = self.text("fmt-percent", &[("value", FluentValue::from(MARK))])?;
        let percent = match pattern.split_once(MARK) {
            Some((before, after)) => (before.to_owned(), after.to_owned()),
            None => (String::new(), " %".to_owned()),
        };
        Ok(Notation {
            numbers: self.numbers.clone(),
            percent,
            terms: Terms {
                mean: term("term-mean")?,
                median: term("term-median")?,
                consensus: term("term-consensus")?,
                evaluators: term("term-evaluators")?,
                one_off: term("term-one-off")?,
                per_year: term("term-per-year")?,
                months: term("term-months")?,
                in_corridor: term("term-in-corridor")?,
                outside_corridor: term("term-outside-corridor")?,
            },
        })
    }
}

/// The words a derivation uses, in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Terms {
    mean: String,
    median: String,
    consensus: String,
    evaluators: String,
    one_off: String,
    per_year: String,
    months: String,
    in_corridor: String,
    outside_corridor: String,
}

/// How derivations are written in one language: its numbers (`1.300.000`, `23,08`) and its
/// words (`gennemsnit`, `engangs`), both from the language's catalogue.
///
/// Pass it to the functions of [`tender_score::explain`]:
///
/// ```
/// use tender_core::Language;
/// use tender_score::explain::Notation as _;
/// let da = tender_text::Notation::new(&Language::da())?;
/// assert_eq!(da.number(rust_decimal::Decimal::new(123_456_789, 2)), "1.234.567,89");
/// let en = tender_text::Notation::new(&Language::en())?;
/// assert_eq!(en.number(rust_decimal::Decimal::new(123_456_789, 2)), "1,234,567.89");
/// # Ok::<(), tender_text::TextError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notation {
    numbers: Numbers,
    terms: Terms,
    /// `fmt-percent` with the number left open: (before, after).
    percent: (String, String),
}

impl Notation {
    /// The notation of a language with a catalogue.
    ///
    /// # Errors
    /// [`TextError::UnknownLanguage`] when there is no catalogue for `lang`, and the catalogue
    /// errors when it lacks a `fmt-*` or `term-*` message.
    pub fn new(lang: &Language) -> Result<Self, TextError> {
        Catalogue::load(lang)?.notation()
    }
}

impl explain::Notation for Notation {
    fn number(&self, value: Decimal) -> String {
        self.numbers.write(value)
    }

    fn percent(&self, value: Decimal) -> String {
        format!("{}{}{}", self.percent.0, self.numbers.write(value), self.percent.1)
    }

    fn list_separator(&self) -> &str {
        // A decimal comma makes `7,5, 8` ambiguous.
        if self.numbers.decimal_mark == "," { "; " } else { ", " }
    }

    fn term(&self, term: Term) -> String {
        let t = &self.terms;
        match term {
            Term::Mean => &t.mean,
            Term::Median => &t.median,
            Term::Consensus => &t.consensus,
            Term::Evaluators => &t.evaluators,
            Term::OneOff => &t.one_off,
            Term::PerYear => &t.per_year,
            Term::Months => &t.months,
            Term::InCorridor => &t.in_corridor,
            Term::OutsideCorridor => &t.outside_corridor,
        }
        .clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn numbers(mark: &str, sep: &str) -> Numbers {
        Numbers { decimal_mark: mark.into(), group_separator: sep.into(), group_from_digits: 5 }
    }

    #[test]
    fn grouping() {
        let da = numbers(",", ".");
        assert_eq!(da.write(Decimal::new(123_456_789, 2)), "1.234.567,89");
        assert_eq!(da.write(Decimal::new(-123_456_789, 2)), "-1.234.567,89");
        assert_eq!(da.write(Decimal::from(1000)), "1000");
        assert_eq!(da.write(Decimal::from(10000)), "10.000");
        assert_eq!(da.write(Decimal::new(5, 1)), "0,5");
        let en = numbers(".", ",");
        assert_eq!(en.write(Decimal::new(123_456_789, 2)), "1,234,567.89");
    }
}
