//! The first pass over a text: is it JSON at all (every byte of it), is its top level an object,
//! and which `format_version` does it declare. Values are skipped, not built.

use std::fmt;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// What the top level of a JSON text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopLevel {
    Object,
    Array,
    String,
    Number,
    Boolean,
    Null,
}

impl TopLevel {
    pub fn describe(self) -> &'static str {
        match self {
            TopLevel::Object => "an object",
            TopLevel::Array => "an array",
            TopLevel::String => "a string",
            TopLevel::Number => "a number",
            TopLevel::Boolean => "true or false",
            TopLevel::Null => "null",
        }
    }
}

/// The declared version, as far as it can be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Declared {
    /// No `format_version` member.
    Missing,
    /// A whole number of zero or more.
    Version(u64),
    /// Something else (a string, a negative or fractional number…); the shape check names it.
    Unreadable,
}

/// The result of the first pass.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Probe {
    pub top: TopLevel,
    pub version: Declared,
}

/// Reads the whole text as JSON, skipping values. A syntax error is serde_json's.
pub fn probe(text: &str) -> Result<Probe, serde_json::Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let probe = de.deserialize_any(ProbeVisitor)?;
    de.end()?;
    Ok(probe)
}

struct ProbeVisitor;

impl<'de> Visitor<'de> for ProbeVisitor {
    type Value = Probe;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Probe, A::Error> {
        let mut version = Declared::Missing;
        while let Some(key) = map.next_key::<KeyIs>()? {
            if key.0 && version == Declared::Missing {
                version = map.next_value::<VersionValue>()?.0;
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(Probe {
            top: TopLevel::Object,
            version,
        })
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Probe, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(other(TopLevel::Array))
    }

    fn visit_str<E>(self, _: &str) -> Result<Probe, E> {
        Ok(other(TopLevel::String))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Probe, E> {
        Ok(other(TopLevel::Number))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Probe, E> {
        Ok(other(TopLevel::Number))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Probe, E> {
        Ok(other(TopLevel::Number))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Probe, E> {
        Ok(other(TopLevel::Boolean))
    }

    fn visit_unit<E>(self) -> Result<Probe, E> {
        Ok(other(TopLevel::Null))
    }
}

fn other(top: TopLevel) -> Probe {
    Probe {
        top,
        version: Declared::Missing,
    }
}

/// Whether a key is `format_version` (without keeping the key).
struct KeyIs(bool);

impl<'de> de::Deserialize<'de> for KeyIs {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = KeyIs;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_str<E>(self, key: &str) -> Result<KeyIs, E> {
                Ok(KeyIs(key == "format_version"))
            }
        }
        d.deserialize_str(V)
    }
}

/// The value of `format_version`, whatever it is.
struct VersionValue(Declared);

impl<'de> de::Deserialize<'de> for VersionValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = VersionValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_u64<E>(self, v: u64) -> Result<VersionValue, E> {
                Ok(VersionValue(Declared::Version(v)))
            }
            fn visit_i64<E>(self, _: i64) -> Result<VersionValue, E> {
                Ok(VersionValue(Declared::Unreadable))
            }
            fn visit_f64<E>(self, _: f64) -> Result<VersionValue, E> {
                Ok(VersionValue(Declared::Unreadable))
            }
            fn visit_str<E>(self, _: &str) -> Result<VersionValue, E> {
                Ok(VersionValue(Declared::Unreadable))
            }
            fn visit_bool<E>(self, _: bool) -> Result<VersionValue, E> {
                Ok(VersionValue(Declared::Unreadable))
            }
            fn visit_unit<E>(self) -> Result<VersionValue, E> {
                Ok(VersionValue(Declared::Unreadable))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<VersionValue, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(VersionValue(Declared::Unreadable))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<VersionValue, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(VersionValue(Declared::Unreadable))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_top_level_and_version_are_read_without_building_values() {
        let object = |version| Probe {
            top: TopLevel::Object,
            version,
        };
        let cases = [
            (
                r#"{"format_version": 1, "x": [1, {"y": 2}]}"#,
                object(Declared::Version(1)),
            ),
            (r#"{"a": {"format_version": 7}}"#, object(Declared::Missing)),
            (r#"{"format_version": "1"}"#, object(Declared::Unreadable)),
            (r#"{"format_version": -1}"#, object(Declared::Unreadable)),
            (r#"{"format_version": 2.5}"#, object(Declared::Unreadable)),
            (
                r#"{"format_version": 99999999999}"#,
                object(Declared::Version(99_999_999_999)),
            ),
            ("[1, 2]", other(TopLevel::Array)),
            ("\"plan\"", other(TopLevel::String)),
            (" 3 ", other(TopLevel::Number)),
            ("null", other(TopLevel::Null)),
        ];
        for (text, want) in cases {
            assert_eq!(probe(text).unwrap(), want, "{text}");
        }
    }

    #[test]
    fn every_byte_is_checked_as_json() {
        for text in [
            r#"{"format_version": 1, "x": [1,}"#,
            "[1, 2",
            "{} {}",
            "",
            "{\"a\": tru}",
        ] {
            let e = probe(text).unwrap_err();
            assert!(e.is_syntax() || e.is_eof(), "{text}: {e}");
        }
    }
}
