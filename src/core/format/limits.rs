//! The limits checked before a text is parsed: its size, and how deeply its arrays and objects
//! nest. Both are checked without building anything, so a huge or maliciously deep text is
//! refused at once and never reaches the parser's recursion.

/// Largest plan text read, in bytes (50 MiB). A plan of ten thousand salespeople is about 3 MB.
pub const MAX_PLAN_BYTES: usize = 50 * 1024 * 1024;

/// Deepest nesting of arrays and objects read. A plan nests about eight levels (plan → regions
/// → region → sub-districts → sub-district → salespeople → salesperson → last sales); the rest
/// is headroom for later versions.
pub const MAX_DEPTH: usize = 64;

/// The byte offset of the first `[` or `{` (outside strings) that opens a level deeper than
/// `max`, if any. One pass over the bytes, no allocation.
pub fn too_deep_at(text: &str, max: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                // Skip the string: to the next quote not escaped by a backslash.
                i += 1;
                while i < bytes.len() {
                    match bytes[i] {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
            }
            b'[' | b'{' => {
                depth += 1;
                if depth > max {
                    return Some(i);
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

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
            assert_eq!(too_deep_at(text, max), want, "{text:?} with max {max}");
        }
    }

    #[test]
    fn a_hundred_thousand_levels_are_found_at_the_limit() {
        let text = "[".repeat(100_000) + &"]".repeat(100_000);
        assert_eq!(too_deep_at(&text, MAX_DEPTH), Some(MAX_DEPTH));
    }
}
