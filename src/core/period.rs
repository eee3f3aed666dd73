//! Planning periods: a fiscal year by default, a half-year or a quarter allowed.

use std::fmt;
use std::str::FromStr;

use chrono::format::{Item, Numeric, Pad, Parsed};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::field::written_in_full;

/// A calendar month, written `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> Option<Self> {
        ((1..=12).contains(&month) && (1000..=9999).contains(&year)).then_some(Self { year, month })
    }

    /// Appends `YYYY-MM`, as `Display` writes it.
    pub fn push_to(self, out: &mut String) {
        match (u16::try_from(self.year), self.month) {
            (Ok(year @ 1000..=9999), month @ 1..=12) => {
                let mut buffer = itoa::Buffer::new();
                out.push_str(buffer.format(year));
                out.push('-');
                out.push(if month < 10 { '0' } else { '1' });
                out.push(char::from(b'0' + (month % 10) as u8));
            }
            _ => {
                use std::fmt::Write;
                let _ = write!(out, "{self}");
            }
        }
    }

    /// The month `n` months after this one.
    pub fn plus(self, n: u32) -> Self {
        let index = self.year * 12 + (self.month as i32 - 1) + n as i32;
        Self {
            year: index.div_euclid(12),
            month: index.rem_euclid(12) as u32 + 1,
        }
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// `%Y-%m` as chrono's items, so that reading a month does not parse the format each time (a
/// year of actuals for 10,000 people is 120,000 months).
pub(crate) const YEAR_MONTH: [Item<'static>; 3] = [
    Item::Numeric(Numeric::Year, Pad::Zero),
    Item::Literal("-"),
    Item::Numeric(Numeric::Month, Pad::Zero),
];

impl YearMonth {
    /// A month as chrono reads `items` (a year and a month) in `text`.
    pub(crate) fn parse_with<'a>(text: &str, items: &[Item<'a>]) -> Option<Self> {
        let mut parsed = Parsed::new();
        chrono::format::parse(&mut parsed, text, items.iter()).ok()?;
        YearMonth::new(parsed.year()?, parsed.month()?)
    }
}

/// `YYYY-MM`, read by chrono.
impl FromStr for YearMonth {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        written_in_full(s, "YYYY-MM".len())
            .then(|| YearMonth::parse_with(s, &YEAR_MONTH))
            .flatten()
            .ok_or_else(|| format!("'{s}' is not a month written YYYY-MM"))
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut text = String::with_capacity(7);
        self.push_to(&mut text);
        s.serialize_str(&text)
    }
}

impl<'de> Deserialize<'de> for YearMonth {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// How long the plan runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum PeriodKind {
    Year,
    HalfYear,
    Quarter,
}

impl PeriodKind {
    pub const ALL: [PeriodKind; 3] = [PeriodKind::Year, PeriodKind::HalfYear, PeriodKind::Quarter];

    pub fn months(self) -> usize {
        match self {
            PeriodKind::Year => 12,
            PeriodKind::HalfYear => 6,
            PeriodKind::Quarter => 3,
        }
    }

    pub fn key(self) -> &'static str {
        match self {
            PeriodKind::Year => "year",
            PeriodKind::HalfYear => "half_year",
            PeriodKind::Quarter => "quarter",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The plan's period: its kind and first month.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub kind: PeriodKind,
    pub start: YearMonth,
}

impl Period {
    pub fn fiscal_year(year: i32) -> Self {
        Self {
            kind: PeriodKind::Year,
            start: YearMonth { year, month: 1 },
        }
    }

    pub fn month_count(&self) -> usize {
        self.kind.months()
    }

    pub fn months(&self) -> Vec<YearMonth> {
        (0..self.month_count() as u32)
            .map(|i| self.start.plus(i))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_month_is_pushed_as_display_writes_it() {
        for (year, month) in [
            (1000, 1),
            (2027, 9),
            (2027, 10),
            (9999, 12),
            (999, 3),
            (12345, 7),
            (-4, 1),
            (2027, 0),
            (2027, 25),
        ] {
            let ym = YearMonth { year, month };
            let mut out = String::from(">");
            ym.push_to(&mut out);
            assert_eq!(out, format!(">{ym}"));
        }
    }

    #[test]
    fn months_wrap_across_the_year_end() {
        let p = Period {
            kind: PeriodKind::HalfYear,
            start: YearMonth::new(2026, 10).unwrap(),
        };
        let names: Vec<String> = p.months().iter().map(|m| m.to_string()).collect();
        assert_eq!(
            names,
            [
                "2026-10", "2026-11", "2026-12", "2027-01", "2027-02", "2027-03"
            ]
        );
    }

    #[test]
    fn year_month_parsing_rejects_what_is_not_a_month() {
        for bad in [
            "2026-13", "2026-00", "26-01", "2026/01", "abcd-ef", "", "2026-1", "+2026-01",
            "2026- 1", " 2026-01", "0999-01", "-2026-01", "2026-011",
        ] {
            assert!(
                bad.parse::<YearMonth>().is_err(),
                "{bad:?} should not parse"
            );
        }
        assert_eq!(
            "2027-03".parse::<YearMonth>().unwrap(),
            YearMonth::new(2027, 3).unwrap()
        );
    }
}
