//! The values of execution records that are not plain text, decimals or months, each a type
//! that reads and writes itself as a JSON string. A value that cannot be read names itself and
//! the form expected; the JSON path of the field is added by whoever reports the error.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::str::FromStr;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize, Serializer};

use crate::core::decimal_text::push_decimal;
use crate::core::execution::Actual;
use crate::core::field::parse_date;
use crate::core::period::YearMonth;

/// Text that must not be empty: an id or a name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(schemars::JsonSchema),
    schemars(extend("minLength" = 1))
)]
#[serde(try_from = "String", into = "String")]
pub struct NonEmpty(pub String);

impl TryFrom<String> for NonEmpty {
    type Error = &'static str;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        if text.is_empty() {
            Err("must not be empty")
        } else {
            Ok(NonEmpty(text))
        }
    }
}

impl From<NonEmpty> for String {
    fn from(text: NonEmpty) -> Self {
        text.0
    }
}

/// A yes-or-no: `"true"` or `"false"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(schemars::JsonSchema),
    schemars(extend("enum" = ["true", "false"]))
)]
#[serde(try_from = "String", into = "String")]
pub struct Flag(pub bool);

impl Flag {
    /// Left out of a record when false.
    pub fn is_false(&self) -> bool {
        !self.0
    }
}

impl TryFrom<String> for Flag {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
            .map(Flag)
            .map_err(|_| format!("'{text}' is not \"true\" or \"false\""))
    }
}

impl From<Flag> for String {
    fn from(flag: Flag) -> Self {
        flag.0.to_string()
    }
}

/// A count, in digits: `"3"`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(schemars::JsonSchema),
    schemars(extend("pattern" = "^[0-9]+$"))
)]
#[serde(try_from = "String", into = "String")]
pub struct Count(pub u32);

impl TryFrom<String> for Count {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse().map(Count).map_err(|_| {
            format!(
                "'{text}' is not a count: a whole number from 0 written in digits, such as \"3\""
            )
        })
    }
}

impl From<Count> for String {
    fn from(count: Count) -> Self {
        count.0.to_string()
    }
}

/// A date, written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(schemars::JsonSchema),
    schemars(extend("format" = "date"))
)]
#[serde(try_from = "String", into = "String")]
pub struct Day(pub NaiveDate);

impl TryFrom<String> for Day {
    type Error = crate::core::field::FieldError;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        parse_date(&text).map(Day)
    }
}

impl From<Day> for String {
    fn from(day: Day) -> Self {
        day.0.to_string()
    }
}

/// A salesperson's actuals, all months in one text: `YYYY-MM amount quantity collections` for
/// each month, separated by `; ` — compact for a year of 10,000 people (120,000 months).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(schemars::JsonSchema),
    schemars(with = "String", extend("pattern" = MONTHS_PATTERN))
)]
#[serde(try_from = "String")]
// Written from the plan's own months, borrowed: a save copies none of them.
pub struct Months<'a>(pub Cow<'a, BTreeMap<YearMonth, Actual>>);

/// The months as written (reading also takes other spacing and empty entries).
#[cfg(not(target_arch = "wasm32"))]
const MONTHS_PATTERN: &str = concat!(
    "^[0-9]{4}-(0[1-9]|1[0-2])( -?[0-9]+(\\.[0-9]+)?){3}",
    "(; [0-9]{4}-(0[1-9]|1[0-2])( -?[0-9]+(\\.[0-9]+)?){3})*$"
);

impl Serialize for Months<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut text = String::with_capacity(self.0.len() * 32);
        for (k, (month, a)) in self.0.iter().enumerate() {
            if k > 0 {
                text.push_str("; ");
            }
            month.push_to(&mut text);
            for figure in [a.amount, a.quantity, a.collections] {
                text.push(' ');
                push_decimal(&mut text, figure);
            }
        }
        s.serialize_str(&text)
    }
}

impl TryFrom<String> for Months<'_> {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        let mut months = BTreeMap::new();
        for entry in text.split(';').filter(|e| !e.trim().is_empty()) {
            let (month, actual) = month_of(entry).ok_or_else(|| {
                format!(
                    "months '{}' is not valid: each month is written \
                     'YYYY-MM amount quantity collections'",
                    entry.trim()
                )
            })?;
            months.insert(month, actual);
        }
        if months.is_empty() {
            return Err("months must not be empty".into());
        }
        Ok(Months(Cow::Owned(months)))
    }
}

/// `YYYY-MM amount quantity collections`.
fn month_of(entry: &str) -> Option<(YearMonth, Actual)> {
    let mut words = entry.split_ascii_whitespace();
    let month = words.next()?.parse().ok()?;
    let mut figure = || words.next().and_then(|w| Decimal::from_str(w).ok());
    let actual = Actual {
        amount: figure()?,
        quantity: figure()?,
        collections: figure()?,
    };
    words.next().is_none().then_some((month, actual))
}

/// A section of at most one record (the settings), read and written as a list.
pub mod one_record {
    use serde::de::Error;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    pub fn serialize<S: Serializer, T: Serialize>(
        record: &Option<T>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        s.collect_seq(record)
    }

    pub fn deserialize<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        let mut records = Vec::<T>::deserialize(d)?;
        if records.len() > 1 {
            return Err(D::Error::custom(format!(
                "holds one record, not {}",
                records.len()
            )));
        }
        Ok(records.pop())
    }
}

/// A scorecard measure's scale: the value for 0 points and the value for 100 points, written
/// `"-20 20"` (ratios in percent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(
    not(target_arch = "wasm32"),
    derive(schemars::JsonSchema),
    schemars(extend("pattern" = "^-?[0-9.]+ -?[0-9.]+$"))
)]
#[serde(try_from = "String", into = "String")]
pub struct ScaleText(pub crate::core::execution::ScoreScale);

impl TryFrom<String> for ScaleText {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        let bad = || {
            format!(
                "'{text}' is not a scale: the value for 0 points and the value for 100 points, \
                 such as \"-20 20\""
            )
        };
        let mut parts = text.split(' ');
        let (Some(zero), Some(full), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(bad());
        };
        let read = |t: &str| t.parse::<Decimal>().map_err(|_| bad());
        Ok(ScaleText(crate::core::execution::ScoreScale {
            zero: read(zero)?,
            full: read(full)?,
        }))
    }
}

impl From<ScaleText> for String {
    fn from(s: ScaleText) -> Self {
        format!("{} {}", s.0.zero, s.0.full)
    }
}
