//! Dates in the plan's JSON as `YYYY-MM-DD`, read by [`parse_date`] (chrono's own parser is
//! large in the wasm build).

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serializer};

use crate::core::field::parse_date;

pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(date)
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let text = String::deserialize(d)?;
    parse_date(&text).map_err(serde::de::Error::custom)
}

/// The same for an optional date (`null` or absent for none).
pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.collect_str(d),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|t| parse_date(&t).map_err(serde::de::Error::custom))
            .transpose()
    }
}
