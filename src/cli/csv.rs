//! Writing CSV (RFC 4180). Four lines of quoting do not justify the `csv` crate as a dependency.

use std::borrow::Cow;
use std::io::{self, Write};

/// A field as written: quoted, with quotes doubled, when it holds a comma, a quote or a line
/// break; as it is otherwise.
pub fn field(text: &str) -> Cow<'_, str> {
    if text.contains([',', '"', '\n', '\r']) {
        Cow::Owned(format!("\"{}\"", text.replace('"', "\"\"")))
    } else {
        Cow::Borrowed(text)
    }
}

/// One record, ended by a line feed.
pub fn write_record(out: &mut dyn Write, fields: &[&str]) -> io::Result<()> {
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(field(f).as_bytes())?;
    }
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        let cases = [
            ("Changsha", "Changsha"),
            ("长沙", "长沙"),
            (
                "Huaxin Beverages Co., Ltd.",
                "\"Huaxin Beverages Co., Ltd.\"",
            ),
            ("The \"North\"", "\"The \"\"North\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            ("", ""),
        ];
        for (text, want) in cases {
            assert_eq!(field(text), want, "field {text:?}");
        }
        let mut out = Vec::new();
        write_record(&mut out, &["a", "b,c", ""]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "a,\"b,c\",\n");
    }
}
