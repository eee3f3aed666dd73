//! Reading CSV (RFC 4180) record by record: fields separated by commas, records by CRLF or LF,
//! quoted fields holding commas, doubled quotes and line breaks. By hand rather than the `csv`
//! crate: `csv` reads malformed quoting without an error (text after a closing quote is joined
//! to the field, an unclosed quote runs to the end of the file), while an import must name the
//! line of a broken quote and keep the lines after it. Unquoted fields are borrowed from the
//! text, so a 120,000-line file is read without a copy of each field.

use std::borrow::Cow;

/// A record that is not valid CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field is never closed.
    UnclosedQuote,
    /// Text follows a closing quote before the next comma or line end.
    TextAfterQuote,
}

/// Reads records from `text`, counting lines so every record knows where it starts.
#[derive(Clone)]
pub struct Reader<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
}

impl<'a> Reader<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            pos: 0,
            line: 1,
        }
    }

    /// The next record's fields into `fields` (cleared first) and the line it starts on;
    /// `None` at the end. After text following a closing quote the reader goes on at the next
    /// line; after a quote never closed there is nothing left to read.
    pub fn next_record(
        &mut self,
        fields: &mut Vec<Cow<'a, str>>,
    ) -> Option<(usize, Result<(), CsvError>)> {
        if self.pos >= self.text.len() {
            return None;
        }
        fields.clear();
        let start_line = self.line;
        let bytes = self.text.as_bytes();
        loop {
            let result = if bytes.get(self.pos) == Some(&b'"') {
                self.quoted(fields)
            } else {
                let start = self.pos;
                let end = bytes[start..]
                    .iter()
                    .position(|&b| matches!(b, b',' | b'\n' | b'\r'))
                    .map_or(bytes.len(), |n| start + n);
                fields.push(Cow::Borrowed(&self.text[start..end]));
                self.pos = end;
                Ok(())
            };
            if let Err(e) = result {
                self.pos = match e {
                    CsvError::UnclosedQuote => bytes.len(),
                    CsvError::TextAfterQuote => {
                        let rest = bytes[self.pos..].iter().position(|&b| b == b'\n');
                        self.line += usize::from(rest.is_some());
                        rest.map_or(bytes.len(), |n| self.pos + n + 1)
                    }
                };
                return Some((start_line, Err(e)));
            }
            match bytes.get(self.pos) {
                Some(b',') => self.pos += 1,
                Some(b'\r') if bytes.get(self.pos + 1) == Some(&b'\n') => {
                    self.pos += 2;
                    self.line += 1;
                    return Some((start_line, Ok(())));
                }
                Some(b'\n' | b'\r') => {
                    self.pos += 1;
                    self.line += 1;
                    return Some((start_line, Ok(())));
                }
                _ => return Some((start_line, Ok(()))),
            }
        }
    }

    /// A quoted field starting at `self.pos`; leaves `self.pos` after the closing quote.
    fn quoted(&mut self, fields: &mut Vec<Cow<'a, str>>) -> Result<(), CsvError> {
        let bytes = self.text.as_bytes();
        let mut value = String::new();
        let mut from = self.pos + 1;
        let mut i = from;
        loop {
            match bytes.get(i) {
                None => return Err(CsvError::UnclosedQuote),
                Some(b'"') if bytes.get(i + 1) == Some(&b'"') => {
                    value.push_str(&self.text[from..=i]);
                    i += 2;
                    from = i;
                }
                Some(b'"') => {
                    value.push_str(&self.text[from..i]);
                    self.pos = i + 1;
                    break;
                }
                Some(b'\n') => {
                    self.line += 1;
                    i += 1;
                }
                Some(_) => i += 1,
            }
        }
        if !matches!(bytes.get(self.pos), None | Some(b',' | b'\n' | b'\r')) {
            return Err(CsvError::TextAfterQuote);
        }
        fields.push(Cow::Owned(value));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(usize, Result<Vec<String>, CsvError>)> {
        let mut r = Reader::new(text);
        let mut fields = Vec::new();
        let mut out = Vec::new();
        while let Some((line, res)) = r.next_record(&mut fields) {
            let row = res.map(|()| fields.iter().map(|f| f.to_string()).collect());
            out.push((line, row));
        }
        out
    }

    fn ok(fields: &[&str]) -> Result<Vec<String>, CsvError> {
        Ok(fields.iter().map(|f| f.to_string()).collect())
    }

    #[test]
    fn records_follow_rfc_4180() {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\n\"two\nlines\",2,3\nlast,,";
        assert_eq!(
            read(text),
            vec![
                (1, ok(&["a", "b", "c"])),
                (2, ok(&["x, y", "say \"hi\"", ""])),
                (3, ok(&["two\nlines", "2", "3"])),
                (5, ok(&["last", "", ""])),
            ]
        );
    }

    #[test]
    fn blank_lines_are_records_of_one_empty_field() {
        assert_eq!(
            read("a\n\nb\n"),
            vec![(1, ok(&["a"])), (2, ok(&[""])), (3, ok(&["b"]))]
        );
    }

    #[test]
    fn broken_quotes_are_reported_where_the_record_starts() {
        assert_eq!(
            read("a,b\n\"open,1\n2,3\n"),
            vec![(1, ok(&["a", "b"])), (2, Err(CsvError::UnclosedQuote))]
        );
        assert_eq!(
            read("\"a\"b,c\nd"),
            vec![(1, Err(CsvError::TextAfterQuote)), (2, ok(&["d"]))]
        );
    }
}
