//! One pass over the bytes of a text before it is parsed: how deeply it nests, what its top
//! level is, and which `format_version` its top-level object declares. Nothing is built, and no
//! parser code is instantiated for it (the wasm build stays small).

/// What the top level of a JSON text is, by its first character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TopLevel {
    Object,
    Array,
    String,
    Other,
}

impl TopLevel {
    pub fn describe(self) -> &'static str {
        match self {
            TopLevel::Object => "an object",
            TopLevel::Array => "an array",
            TopLevel::String => "a string",
            TopLevel::Other => "a single value",
        }
    }
}

/// The declared version, as far as it can be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Declared {
    /// No `format_version` member in the top-level object.
    Missing,
    /// A whole number of zero or more.
    Version(u64),
    /// Something else (a string, a negative or fractional number…); the shape check names it.
    Unreadable,
}

/// What the pass found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prescan {
    /// The byte offset of the first `[` or `{` that opens a level deeper than the limit.
    pub too_deep_at: Option<usize>,
    pub top: TopLevel,
    pub version: Declared,
}

/// Scans `text`, counting nesting outside strings up to `max_depth`. The version is read from
/// the first `"format_version"` key of the top-level object (a key written with escapes is not
/// recognised, and is then reported as missing).
pub fn prescan(text: &str, max_depth: usize) -> Prescan {
    let bytes = text.as_bytes();
    let top = match bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') => TopLevel::Object,
        Some(b'[') => TopLevel::Array,
        Some(b'"') => TopLevel::String,
        _ => TopLevel::Other,
    };
    let mut version = Declared::Missing;
    let mut depth = 0usize;
    // Whether the next string at depth 1 is a key of the top-level object.
    let mut key_next = false;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i = string_end(bytes, start);
                if depth == 1 && key_next && top == TopLevel::Object {
                    key_next = false;
                    let is_version = bytes.get(start..i) == Some(b"format_version".as_slice());
                    if is_version && version == Declared::Missing {
                        version = read_version(&bytes[(i + 1).min(bytes.len())..]);
                    }
                }
            }
            b'[' | b'{' => {
                depth += 1;
                key_next = bytes[i] == b'{';
                if depth > max_depth {
                    return Prescan {
                        too_deep_at: Some(i),
                        top,
                        version,
                    };
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            b',' => key_next = depth == 1,
            _ => {}
        }
        i += 1;
    }
    Prescan {
        too_deep_at: None,
        top,
        version,
    }
}

/// The version after a key: `: 1` gives 1; anything but digits then a delimiter is unreadable.
/// Where the JSON string whose text begins at `start` ends: the index of its closing quote, or
/// `bytes.len()` when the text is cut first. Escapes are skipped, not decoded.
pub fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start;
    while i < bytes.len() && bytes[i] != b'"' {
        i += if bytes[i] == b'\\' { 2 } else { 1 };
    }
    i.min(bytes.len())
}

fn read_version(after_key: &[u8]) -> Declared {
    let mut i = 0;
    let skip_space = |i: &mut usize| {
        while after_key.get(*i).is_some_and(u8::is_ascii_whitespace) {
            *i += 1;
        }
    };
    skip_space(&mut i);
    if after_key.get(i) != Some(&b':') {
        return Declared::Unreadable;
    }
    i += 1;
    skip_space(&mut i);
    let mut value: u64 = 0;
    let mut digits = 0;
    while let Some(&b) = after_key.get(i) {
        if !b.is_ascii_digit() {
            break;
        }
        let Some(v) = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(u64::from(b - b'0')))
        else {
            return Declared::Unreadable;
        };
        value = v;
        digits += 1;
        i += 1;
    }
    let ends = matches!(after_key.get(i), None | Some(b',' | b'}' | b']'))
        || after_key[i].is_ascii_whitespace();
    if digits > 0 && ends {
        Declared::Version(value)
    } else {
        Declared::Unreadable
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deep_at(text: &str, max: usize) -> Option<usize> {
        prescan(text, max).too_deep_at
    }

    #[test]
    fn nesting_is_counted_outside_strings_only() {
        let cases = [
            ("{}", 1, None),
            ("[[]]", 1, Some(1)),
            ("[[]]", 2, None),
            (r#"{"a": "[[[[", "b": [1]}"#, 2, None),
            (r#"{"a": "\"[[[", "b": [[1]]}"#, 2, Some(21)),
            (r#"["\\", [[]]]"#, 2, Some(8)),
            ("]]]][[", 1, Some(5)),
            ("\"unterminated [[[", 0, None),
        ];
        for (text, max, want) in cases {
            assert_eq!(deep_at(text, max), want, "{text:?} with max {max}");
        }
    }

    #[test]
    fn a_hundred_thousand_levels_are_found_at_the_limit() {
        let text = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(deep_at(&text, 64), Some(64));
    }

    #[test]
    fn the_top_level_and_version_are_read_without_parsing() {
        let object = |version| (TopLevel::Object, version);
        let cases = [
            (
                r#"{"format_version": 1, "x": [1, {"y": 2}]}"#,
                object(Declared::Version(1)),
            ),
            (
                r#" {"id":"a","format_version":12}"#,
                object(Declared::Version(12)),
            ),
            (r#"{"a": {"format_version": 7}}"#, object(Declared::Missing)),
            (
                r#"{"a": "format_version", "b": 1}"#,
                object(Declared::Missing),
            ),
            (
                r#"{"a": ["x", {"format_version": 7}]}"#,
                object(Declared::Missing),
            ),
            (r#"{"format_version": "1"}"#, object(Declared::Unreadable)),
            (r#"{"format_version": -1}"#, object(Declared::Unreadable)),
            (r#"{"format_version": 2.5}"#, object(Declared::Unreadable)),
            (r#"{"format_version": 1e3}"#, object(Declared::Unreadable)),
            (r#"{"format_version"}"#, object(Declared::Unreadable)),
            (
                r#"{"format_version": 99999999999}"#,
                object(Declared::Version(99_999_999_999)),
            ),
            (
                r#"{"format_version": 99999999999999999999999}"#,
                object(Declared::Unreadable),
            ),
            ("[1, 2]", (TopLevel::Array, Declared::Missing)),
            ("\"plan\"", (TopLevel::String, Declared::Missing)),
            (" 3 ", (TopLevel::Other, Declared::Missing)),
            ("", (TopLevel::Other, Declared::Missing)),
        ];
        for (text, (top, version)) in cases {
            let got = prescan(text, 64);
            assert_eq!((got.top, got.version), (top, version), "{text}");
        }
    }
}
