//! Places in a JSON text: byte offsets, lines and columns people can find in an editor, and the
//! JSON path (`$.regions[2].market_share`) of the value at an offset.

use std::fmt::Write;

/// The byte offset of serde_json's (line, column): lines count from 1, the column is the
/// number of bytes of the line read when the error was found.
pub fn offset_of(text: &str, line: usize, byte_column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    let mut end = (start + byte_column).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    end
}

/// Line and column (both from 1, the column in characters) of the character at `offset`.
pub fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &text[..offset];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = 1 + before.bytes().filter(|&b| b == b'\n').count();
    (line, before[line_start..].chars().count() + 1)
}

/// Like [`line_column`] for serde_json's position of an error, which lies just after the
/// character that showed it: the column of that character.
pub fn error_line_column(text: &str, line: usize, byte_column: usize) -> (usize, usize) {
    if line == 0 {
        return (0, 0);
    }
    let offset = offset_of(text, line, byte_column);
    let (line, column) = line_column(text, offset);
    (line, column.saturating_sub(1).max(1))
}

enum Frame {
    /// An object; the key of the member being read, if one has been.
    Object { key: Option<String> },
    /// An array; the index of the element being read, and whether it has begun.
    Array { index: usize, begun: bool },
}

/// The JSON path of the value being read at byte `offset` of `text`: `$` for the top level,
/// `.name` for a member (`["odd name"]` when it is not a plain word), `[i]` for an element.
/// Text before `offset` that is not JSON is read as far as it makes sense; never fails.
pub fn path_at(text: &str, offset: usize) -> String {
    let bytes = &text.as_bytes()[..offset.min(text.len())];
    let mut stack: Vec<Frame> = Vec::new();
    // Whether the next string in the innermost object is a key.
    let mut expect_key = false;
    let mut i = 0;
    let begin_value = |stack: &mut Vec<Frame>| {
        if let Some(Frame::Array { begun, .. }) = stack.last_mut() {
            *begun = true;
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i + 1;
                i = super::prescan::string_end(bytes, start);
                if i >= bytes.len() {
                    // A string cut by the offset: the value being read is the one it begins.
                    if !expect_key {
                        begin_value(&mut stack);
                    }
                    break;
                }
                let end = i;
                if expect_key {
                    if let Some(Frame::Object { key }) = stack.last_mut() {
                        *key = Some(unescape(&text[start..end]));
                    }
                    expect_key = false;
                } else {
                    begin_value(&mut stack);
                }
            }
            b'{' => {
                begin_value(&mut stack);
                stack.push(Frame::Object { key: None });
                expect_key = true;
            }
            b'[' => {
                begin_value(&mut stack);
                stack.push(Frame::Array {
                    index: 0,
                    begun: false,
                });
            }
            b'}' | b']' => {
                stack.pop();
                expect_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key }) => {
                    *key = None;
                    expect_key = true;
                }
                Some(Frame::Array { index, begun }) => {
                    *index += 1;
                    *begun = false;
                }
                None => {}
            },
            b' ' | b'\t' | b'\n' | b'\r' | b':' => {}
            _ => begin_value(&mut stack),
        }
        i += 1;
    }
    let mut path = String::from("$");
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key) } => push_key(&mut path, key),
            Frame::Object { key: None } => {}
            Frame::Array { index, begun } => {
                if *begun {
                    let _ = write!(path, "[{index}]");
                }
            }
        }
    }
    path
}

/// `.key` for plain words (as validation paths are written), `["key"]` otherwise.
pub fn push_key(path: &mut String, key: &str) {
    let plain = !key.is_empty()
        && key
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
    if plain {
        path.push('.');
        path.push_str(key);
    } else {
        path.push('[');
        path.push_str(&serde_json::to_string(key).unwrap_or_default());
        path.push(']');
    }
}

/// A JSON string's content with its escapes read (bad escapes are kept as written).
fn unescape(raw: &str) -> String {
    if !raw.contains('\\') {
        return raw.to_string();
    }
    serde_json::from_str::<String>(&format!("\"{raw}\"")).unwrap_or_else(|_| raw.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_name_the_member_or_element_being_read() {
        let text = r#"{"regions": [{"id": "r1"}, {"id": "r2", "market_share": "x"#;
        let cases = [
            (0, "$"),
            (12, "$.regions"),
            (14, "$.regions[0]"),
            (21, "$.regions[0].id"),
            (25, "$.regions[0]"),
            (26, "$.regions"),
            (29, "$.regions[1]"),
            (text.len(), "$.regions[1].market_share"),
        ];
        for (offset, want) in cases {
            assert_eq!(
                path_at(text, offset),
                want,
                "at {offset}: {:?}",
                &text[..offset]
            );
        }
        assert_eq!(
            path_at(r#"{"locks": {"odd key": [1, 2"#, 27),
            r#"$.locks["odd key"][1]"#
        );
        assert_eq!(path_at(r#"{"a\"b": 1"#, 9), r#"$["a\"b"]"#);
        assert_eq!(path_at("]]]}}", 5), "$", "nonsense before the offset");
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        let text = "{\n  \"name\": \"长沙\", x";
        let x = text.find('x').unwrap();
        assert_eq!(line_column(text, x), (2, 17));
        assert_eq!(offset_of(text, 2, x - 2 + 1), x + 1);
        assert_eq!(error_line_column(text, 2, x - 2 + 1), (2, 17));
        assert_eq!(offset_of(text, 9, 9), text.len(), "past the end");
    }
}
