//! Small shared value types: identifiers, texts in several languages, languages, countries,
//! currencies, locations and dates.

use std::cell::RefCell;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A stable identifier written by the buyer: `LOT-1`, `R-EXIT-01`, `Q2.1`.
///
/// Any string deserializes; [`Id::problem`] (called by validation) says when it is not a usable id.
///
/// Cloning is cheap (a shared `Arc<str>`): evaluation results refer to ids without allocating.
/// While an [`with_id_pool`] is in use, an id read from a file that is in the pool shares the
/// pool's allocation, so equal ids compare by address.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, JsonSchema)]
#[serde(transparent)]
#[schemars(description = "A stable identifier: 1-64 characters from A-Z a-z 0-9 . _ -")]
pub struct Id(std::sync::Arc<str>);

impl Default for Id {
    fn default() -> Self {
        Self(std::sync::Arc::from(""))
    }
}

impl Id {
    /// The longest identifier accepted.
    pub const MAX_LEN: usize = 64;

    /// Wraps a string as an identifier (checked by validation, not here).
    pub fn new(id: impl Into<String>) -> Self {
        Self(std::sync::Arc::from(id.into()))
    }

    /// The identifier as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether both are the same allocation: true for two copies of one id, as ids read with one
    /// id pool ([`with_id_pool`]) are. A quick test before comparing the text; `false` says
    /// nothing about whether the texts differ.
    pub fn is_same(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }

    /// Why this identifier is not usable, if it is not.
    pub fn problem(&self) -> Option<String> {
        if self.0.is_empty() {
            return Some("is empty; give a short stable id such as `LOT-1`".to_owned());
        }
        if self.0.len() > Self::MAX_LEN {
            return Some(format!("is {} characters long; use at most {}", self.0.len(), Self::MAX_LEN));
        }
        if !self.0.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-')) {
            return Some("may only contain letters A-Z, digits, `.`, `_` and `-`".to_owned());
        }
        None
    }
}

impl std::borrow::Borrow<str> for Id {
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// The ids a pool learns beyond those it was given (see [`with_id_pool`]).
const LEARNED_IDS: usize = 1024;

/// An id pool: the ids given, and those learned while reading, up to [`LEARNED_IDS`].
struct Pool {
    /// Looked up once per id read (every mark has two): a fast hasher, randomly seeded; the set
    /// holds at most the ids given and [`LEARNED_IDS`] more, so it cannot be flooded.
    ids: HashSet<Id, foldhash::fast::RandomState>,
    learned: usize,
}

thread_local! {
    /// The ids that ids read on this thread share (see [`with_id_pool`]); `None`: no pool.
    static POOL: RefCell<Option<Pool>> = const { RefCell::new(None) };
}

/// Runs `f` with `ids` as this thread's pool: an id deserialized during `f` that equals one of
/// `ids` is a clone of it (one allocation for every mark's criterion id of thousands of bids,
/// and comparisons by address). An id not given is learned, up to 1,024 of them, so the ids that
/// recur without being the tender's (evaluators, usually) are shared too; past that, any other id
/// is allocated as usual, so reading hostile input grows the pool by 1,024 ids at most. The
/// previous pool is back afterwards, also when `f` panics.
pub fn with_id_pool<R>(ids: impl IntoIterator<Item = Id>, f: impl FnOnce() -> R) -> R {
    struct Restore(Option<Option<Pool>>);
    impl Drop for Restore {
        fn drop(&mut self) {
            if let Some(previous) = self.0.take() {
                // The thread-local is gone only while the thread exits; nothing to restore then.
                let _ = POOL.try_with(|p| *p.borrow_mut() = previous);
            }
        }
    }
    let mut set = HashSet::with_hasher(foldhash::fast::RandomState::default());
    set.extend(ids);
    let pool = Pool { ids: set, learned: 0 };
    let _restore = Restore(Some(POOL.with(|p| p.borrow_mut().replace(pool))));
    f()
}

impl Id {
    /// The pooled id equal to `s` (learned now if the pool has room), or a new one.
    fn pooled(s: &str) -> Self {
        let shared = POOL.try_with(|p| {
            let mut p = p.try_borrow_mut().ok()?;
            let pool = p.as_mut()?;
            if let Some(id) = pool.ids.get(s) {
                return Some(id.clone());
            }
            if pool.learned >= LEARNED_IDS {
                return None;
            }
            pool.learned = pool.learned.saturating_add(1);
            let id = Self::from(s);
            pool.ids.insert(id.clone());
            Some(id)
        });
        shared.ok().flatten().unwrap_or_else(|| Self::from(s))
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Id, E> {
                Ok(Id::pooled(s))
            }
        }
        deserializer.deserialize_str(Visitor)
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<&str> for Id {
    fn from(s: &str) -> Self {
        Self(std::sync::Arc::from(s))
    }
}

/// A language of the tender texts, as an ISO 639-1 code (`da`, `en`, `fr`, `de`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(description = "ISO 639-1 language code, lower case: da, en, de, fr, ...")]
pub struct Language(String);

impl Language {
    /// Danish.
    pub fn da() -> Self {
        Self("da".to_owned())
    }
    /// English.
    pub fn en() -> Self {
        Self("en".to_owned())
    }
    /// Wraps a language code.
    pub fn new(code: impl Into<String>) -> Self {
        Self(code.into())
    }
    /// The code as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Whether it looks like an ISO 639-1 code.
    pub fn is_valid(&self) -> bool {
        self.0.len() == 2 && self.0.bytes().all(|b| b.is_ascii_lowercase())
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Text written by the buyer or a bidder: one string, or one string per language.
///
/// ```toml
/// title = "Kontorpakke"
/// title = { da = "Kontorpakke", en = "Office suite" }
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(untagged)]
pub enum Text {
    /// The same text in every language.
    Plain(String),
    /// Text per language code.
    PerLanguage(BTreeMap<Language, String>),
}

impl Default for Text {
    fn default() -> Self {
        Self::Plain(String::new())
    }
}

impl Text {
    /// The text in `lang`, else in English, else the first language given.
    pub fn get(&self, lang: &Language) -> &str {
        match self {
            Self::Plain(s) => s,
            Self::PerLanguage(map) => map
                .get(lang)
                .or_else(|| map.get(&Language::en()))
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }

    /// Whether the text is empty in every language.
    pub fn is_blank(&self) -> bool {
        match self {
            Self::Plain(s) => s.trim().is_empty(),
            Self::PerLanguage(map) => map.values().all(|s| s.trim().is_empty()),
        }
    }

    /// Every string in the text, for checks such as length limits.
    pub fn strings(&self) -> Vec<&str> {
        match self {
            Self::Plain(s) => vec![s.as_str()],
            Self::PerLanguage(map) => map.values().map(String::as_str).collect(),
        }
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Self::Plain(s.to_owned())
    }
}

/// The member states of the European Union (ISO 3166-1 alpha-2; Greece as `GR`).
pub const EU_MEMBER_STATES: [&str; 27] = [
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV",
    "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
];

/// The EEA states outside the EU.
pub const EEA_NON_EU: [&str; 3] = ["IS", "LI", "NO"];

/// A country as an ISO 3166-1 alpha-2 code (`DK`, `DE`, `US`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(description = "ISO 3166-1 alpha-2 country code, upper case: DK, DE, FR, US, ...")]
pub struct Country(String);

impl Country {
    /// Wraps a country code.
    pub fn new(code: impl Into<String>) -> Self {
        Self(code.into())
    }
    /// The code as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Whether it looks like an ISO 3166-1 alpha-2 code.
    pub fn is_valid(&self) -> bool {
        self.0.len() == 2 && self.0.bytes().all(|b| b.is_ascii_uppercase())
    }
    /// Whether the country is an EU member state.
    pub fn is_eu(&self) -> bool {
        EU_MEMBER_STATES.contains(&self.0.as_str())
    }
    /// Whether the country is in the European Economic Area.
    pub fn is_eea(&self) -> bool {
        self.is_eu() || EEA_NON_EU.contains(&self.0.as_str())
    }
}

impl fmt::Display for Country {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A place that data, staff or operators may be in: a country, the EU or the EEA.
///
/// Written as `"DK"`, `"EU"` or `"EEA"`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(description = "A country code (DK), or EU, or EEA")]
pub struct Location(String);

impl Location {
    /// Wraps a location code.
    pub fn new(code: impl Into<String>) -> Self {
        Self(code.into())
    }
    /// The code as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Whether it is a country code, `EU` or `EEA`.
    pub fn is_valid(&self) -> bool {
        self.0 == "EU" || self.0 == "EEA" || Country::new(self.0.clone()).is_valid()
    }
    /// Whether `other` lies within this location (`EU` contains `DK`, `EU` and `DK` itself).
    pub fn contains(&self, other: &Self) -> bool {
        if self == other {
            return true;
        }
        let other_country = Country::new(other.0.clone());
        match self.0.as_str() {
            "EEA" => other.0 == "EU" || other_country.is_eea(),
            "EU" => other_country.is_eu(),
            _ => false,
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A currency as an ISO 4217 code (`DKK`, `EUR`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(transparent)]
#[schemars(description = "ISO 4217 currency code: DKK, EUR, SEK, NOK, ...")]
pub struct Currency(String);

impl Currency {
    /// Wraps a currency code.
    pub fn new(code: impl Into<String>) -> Self {
        Self(code.into())
    }
    /// The code as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
    /// Whether it looks like an ISO 4217 code.
    pub fn is_valid(&self) -> bool {
        self.0.len() == 3 && self.0.bytes().all(|b| b.is_ascii_uppercase())
    }
    /// The number of decimals of the currency's minor unit (2 for DKK and EUR, 0 for ISK and JPY).
    pub fn minor_units(&self) -> u32 {
        match self.0.as_str() {
            "ISK" | "JPY" | "KRW" | "CLP" => 0,
            "BHD" | "KWD" | "OMR" | "TND" | "JOD" => 3,
            _ => 2,
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A calendar date, written `2026-03-01` (TOML date or string), optionally with a time of day,
/// `2026-03-01T12:00` or `2026-03-01 12:00:00` (local time at the buyer; TOML local date-time or
/// string), for a submission deadline or the moment a bid was received.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(jiff::civil::Date, Option<jiff::civil::Time>);

impl Date {
    /// The date from year, month and day, if it exists.
    pub fn new(year: i16, month: i8, day: i8) -> Option<Self> {
        jiff::civil::Date::new(year, month, day).ok().map(|d| Self(d, None))
    }
    /// The same date at a time of day, if the time exists.
    pub fn at(self, hour: i8, minute: i8, second: i8) -> Option<Self> {
        jiff::civil::Time::new(hour, minute, second, 0).ok().map(|t| Self(self.0, Some(t)))
    }
    /// The year.
    pub fn year(self) -> i16 {
        self.0.year()
    }
    /// The month, 1-12.
    pub fn month(self) -> i8 {
        self.0.month()
    }
    /// The day of the month.
    pub fn day(self) -> i8 {
        self.0.day()
    }
    /// The date without its time of day.
    pub fn date(self) -> Self {
        Self(self.0, None)
    }
    /// The time of day as (hour, minute, second), when one is given.
    pub fn time(self) -> Option<(i8, i8, i8)> {
        self.1.map(|t| (t.hour(), t.minute(), t.second()))
    }
    /// Whether this moment is after `deadline`: `Some(true)` when it is, `Some(false)` when it is
    /// not, `None` when it cannot be told (the same day, and one of the two has no time of day).
    pub fn is_after(self, deadline: Self) -> Option<bool> {
        match self.0.cmp(&deadline.0) {
            std::cmp::Ordering::Less => Some(false),
            std::cmp::Ordering::Greater => Some(true),
            std::cmp::Ordering::Equal => match (self.1, deadline.1) {
                (Some(a), Some(b)) => Some(a > b),
                _ => None,
            },
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year(), self.month(), self.day())?;
        if let Some(t) = self.1 {
            write!(f, "T{:02}:{:02}", t.hour(), t.minute())?;
            if t.second() != 0 {
                write!(f, ":{:02}", t.second())?;
            }
        }
        Ok(())
    }
}

impl std::str::FromStr for Date {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || {
            format!("`{s}` is not a date; write it as YYYY-MM-DD (e.g. 2026-03-01), or with a time as 2026-03-01T12:00")
        };
        let bytes = s.as_bytes();
        if bytes.len() < 10 || bytes[4] != b'-' || bytes[7] != b'-' || !s.is_char_boundary(10) {
            return Err(bad());
        }
        let year: i16 = s[0..4].parse().map_err(|_| bad())?;
        let month: i8 = s[5..7].parse().map_err(|_| bad())?;
        let day: i8 = s[8..10].parse().map_err(|_| bad())?;
        let date = Self::new(year, month, day).ok_or_else(|| format!("`{s}` is not a date in the calendar"))?;
        let rest = &s[10..];
        if rest.is_empty() {
            return Ok(date);
        }
        // A time of day: `T` or a space, then HH:MM or HH:MM:SS (no fraction, no offset: the
        // buyer's local time, as the tender documents state it).
        let time = rest.strip_prefix('T').or_else(|| rest.strip_prefix(' ')).ok_or_else(bad)?;
        let t = time.as_bytes();
        if !(t.len() == 5 || t.len() == 8) || t[2] != b':' || (t.len() == 8 && t[5] != b':') {
            return Err(bad());
        }
        let hour: i8 = time[0..2].parse().map_err(|_| bad())?;
        let minute: i8 = time[3..5].parse().map_err(|_| bad())?;
        let second: i8 = if t.len() == 8 { time[6..8].parse().map_err(|_| bad())? } else { 0 };
        date.at(hour, minute, second).ok_or_else(|| format!("`{s}` has no such time of day"))
    }
}

impl Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// toml's private marker for a date value.
const TOML_DATETIME_TOKEN: &str = "$__toml_private_datetime";

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct DateVisitor;
        impl<'de> serde::de::Visitor<'de> for DateVisitor {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as YYYY-MM-DD, optionally with a time as YYYY-MM-DDTHH:MM")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Date, E> {
                v.parse().map_err(E::custom)
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Date, A::Error> {
                match map.next_key::<String>()? {
                    Some(key) if key == TOML_DATETIME_TOKEN => {
                        let text: String = map.next_value()?;
                        text.parse().map_err(serde::de::Error::custom)
                    }
                    _ => Err(serde::de::Error::invalid_type(serde::de::Unexpected::Map, &self)),
                }
            }
        }
        deserializer.deserialize_any(DateVisitor)
    }
}

impl JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}([T ][0-9]{2}:[0-9]{2}(:[0-9]{2})?)?$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids() {
        assert!(Id::new("LOT-1.a_b").problem().is_none());
        assert!(Id::new("").problem().is_some());
        assert!(Id::new("lot 1").problem().is_some());
        assert!(Id::new("x".repeat(65)).problem().is_some());
    }

    #[test]
    fn locations_nest() {
        let eu = Location::new("EU");
        assert!(eu.contains(&Location::new("DK")));
        assert!(!eu.contains(&Location::new("NO")));
        assert!(Location::new("EEA").contains(&Location::new("NO")));
        assert!(Location::new("EEA").contains(&eu));
        assert!(!Location::new("DK").contains(&eu));
    }

    #[test]
    fn dates_from_toml_and_json() {
        #[derive(Deserialize)]
        struct D {
            d: Date,
        }
        let t: D = toml::from_str("d = 2026-02-28").expect("toml date");
        assert_eq!(t.d.to_string(), "2026-02-28");
        let j: D = serde_json::from_str(r#"{"d":"2024-02-29"}"#).expect("json date");
        assert_eq!(j.d.day(), 29);
        assert!(serde_json::from_str::<D>(r#"{"d":"2025-02-29"}"#).is_err());
        let t: D = toml::from_str("d = 2026-03-01T12:00:00").expect("toml local date-time");
        assert_eq!(t.d.to_string(), "2026-03-01T12:00");
        let j: D = serde_json::from_str(r#"{"d":"2026-03-01 12:00:30"}"#).expect("json date-time");
        assert_eq!(j.d.time(), Some((12, 0, 30)));
        assert!(serde_json::from_str::<D>(r#"{"d":"2026-03-01T25:00"}"#).is_err());
        assert!(serde_json::from_str::<D>(r#"{"d":"2026-03-01Tnoon"}"#).is_err());
    }

    #[test]
    fn lateness_needs_times_on_the_same_day() {
        let day = |d: i8| Date::new(2026, 3, d).expect("date");
        let deadline = day(1).at(12, 0, 0).expect("time");
        assert_eq!(day(2).is_after(deadline), Some(true));
        assert_eq!(day(1).at(12, 0, 1).expect("time").is_after(deadline), Some(true));
        assert_eq!(day(1).at(12, 0, 0).expect("time").is_after(deadline), Some(false));
        assert_eq!(day(1).is_after(deadline), None);
        assert_eq!(day(1).is_after(day(1)), None);
        assert_eq!(Date::new(2026, 2, 28).expect("date").is_after(deadline), Some(false));
    }

    #[test]
    fn ids_read_with_a_pool_share_its_allocations() {
        let same = |a: &Id, b: &Id| std::ptr::eq(a.as_str().as_ptr(), b.as_str().as_ptr());
        let q1 = Id::from("Q1");
        let read = |json: &str| serde_json::from_str::<Vec<Id>>(json).expect("ids");
        let pooled = with_id_pool([q1.clone()], || read(r#"["Q1", "Q1", "E1", "E1"]"#));
        assert!(same(&pooled[0], &q1) && same(&pooled[1], &q1));
        // An id not given is learned: the second E1 shares the first's allocation.
        assert!(same(&pooled[2], &pooled[3]) && pooled[2].as_str() == "E1");
        // A pool learns for as long as it is in place, and no more than 1,024 ids: hostile input
        // grows it that much at most.
        let again = with_id_pool([q1.clone()], || read(r#"["E1"]"#));
        assert!(!same(&pooled[2], &again[0]));
        let many: String = (0..LEARNED_IDS + 2).map(|i| format!("\"X{i}\",")).collect();
        let flood = with_id_pool([], || read(&format!("[{many}\"X0\", \"X{LEARNED_IDS}\", \"X{LEARNED_IDS}\"]")));
        let n = flood.len();
        assert!(same(&flood[0], &flood[n - 3]), "learned before the limit");
        assert!(!same(&flood[n - 2], &flood[n - 1]), "not learned past the limit");
        assert_eq!(flood[n - 2], flood[n - 1]);
        // Outside the pool (and after it), ids are allocated as before, and equal all the same.
        let plain = read(r#"["Q1"]"#);
        assert!(!same(&plain[0], &q1));
        assert_eq!(plain[0], q1);
        // A nested pool gives the outer one back.
        with_id_pool([q1.clone()], || {
            with_id_pool([Id::from("Q2")], || {});
            assert!(same(&read(r#"["Q1"]"#)[0], &q1));
        });
        // A non-string is refused as before.
        assert!(serde_json::from_str::<Id>("5").expect_err("a number").to_string().contains("expected a string"));
    }
}
