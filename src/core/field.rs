//! Parsing what a person types into a field. Each parser names the reason a value is refused;
//! the caller shows it beside the field and keeps the last good value.

mod number;
#[cfg(test)]
mod number_tests;

use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Why a typed value was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    /// Nothing was typed where something is needed.
    #[error("must not be empty")]
    Empty,
    /// The text is not a number.
    #[error("'{0}' is not a number")]
    NotANumber(String),
    /// A number below zero where only zero or more makes sense.
    #[error("must not be negative")]
    Negative,
    /// A percentage outside 0–100.
    #[error("must be between 0 and 100")]
    PercentRange,
    /// A rating outside its scale (a sub-district factor scored 1–5).
    #[error("must be a score from {0} to {1}")]
    ScoreRange(u8, u8),
    /// The text is not a date written YYYY-MM-DD.
    #[error("'{0}' is not a date (YYYY-MM-DD)")]
    NotADate(String),
    /// A count that is not a whole number.
    #[error("'{0}' is not a whole number")]
    NotAWholeNumber(String),
    /// Thousands separators that do not group by three (`1,5` may be a decimal comma).
    #[error("'{0}': separators must group the digits by three")]
    Grouping(String),
    /// A number that reads two ways (`1万5`: 15,000 or 10,005?).
    #[error("'{0}' can be read more than one way; write it out in full")]
    Ambiguous(String),
    /// A number too large to be meant.
    #[error("is too large")]
    TooLarge,
    /// A rounding unit or other value that must be above zero.
    #[error("must be greater than zero")]
    NotPositive,
    /// A choice that needs a written reason (a tier override) was made without one.
    #[error("needs a written reason")]
    ReasonRequired,
    /// Text longer than the product accepts.
    #[error("is longer than {0} characters")]
    TooLong(usize),
    /// A control character (NUL, a carriage return, an escape…) in a name or an id: invisible,
    /// and it breaks files, exports and the lines it is shown on.
    #[error("contains a control character (U+{:04X})", *.0 as u32)]
    ControlCharacter(char),
}

/// Longest name the product accepts, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Largest amount or quantity accepted anywhere (a thousand trillion).
pub fn max_value() -> Decimal {
    Decimal::from(1_000_000_000_000_000i64)
}

/// A name: trimmed, not empty, not absurdly long.
pub fn parse_name(text: &str) -> Result<String, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldError::Empty);
    }
    check_no_control(t)?;
    if t.chars().count() > MAX_NAME_CHARS {
        return Err(FieldError::TooLong(MAX_NAME_CHARS));
    }
    Ok(t.to_string())
}

/// Refuses a name or an id holding a control character (Unicode category Cc: NUL, CR, LF, tab,
/// escape and the like). Direction marks are not control characters; screens isolate names.
pub fn check_no_control(text: &str) -> Result<(), FieldError> {
    match text.chars().find(|c| c.is_control()) {
        Some(c) => Err(FieldError::ControlCharacter(c)),
        None => Ok(()),
    }
}

/// Optional free text (a manager, a role, notes): trimmed, may be empty.
pub fn parse_text(text: &str, max_chars: usize) -> Result<String, FieldError> {
    let t = text.trim();
    if t.chars().count() > max_chars {
        return Err(FieldError::TooLong(max_chars));
    }
    Ok(t.to_string())
}

/// A number as people type it: thousands separators, full-width digits, `万` / `亿` / `千万`,
/// a trailing `元` (see [`number`]). Something that could be read two ways is refused.
pub fn parse_decimal(text: &str) -> Result<Decimal, FieldError> {
    number::read_number(text, true)
}

/// A decimal of zero or more.
pub fn parse_non_negative(text: &str) -> Result<Decimal, FieldError> {
    let v = parse_decimal(text)?;
    if v.is_sign_negative() && !v.is_zero() {
        return Err(FieldError::Negative);
    }
    Ok(v)
}

/// A decimal above zero.
pub fn parse_positive(text: &str) -> Result<Decimal, FieldError> {
    let v = parse_non_negative(text)?;
    if v.is_zero() {
        return Err(FieldError::NotPositive);
    }
    Ok(v)
}

/// A percentage 0–100 (a trailing `%` is allowed).
pub fn parse_percent(text: &str) -> Result<Decimal, FieldError> {
    let t = number::normalised(text);
    let t = t.strip_suffix('%').unwrap_or(&t);
    let as_typed = || text.trim().to_string();
    let v = number::read_number(t, false).map_err(|e| match e {
        FieldError::NotANumber(_) => FieldError::NotANumber(as_typed()),
        FieldError::Grouping(_) => FieldError::Grouping(as_typed()),
        FieldError::Ambiguous(_) => FieldError::Ambiguous(as_typed()),
        e => e,
    })?;
    check_percent(v)
}

/// What a typed number will be read as, to show back before it is committed: the amount or
/// quantity, or the percentage when the text ends in `%`. `None` when it cannot be read.
pub fn read_back(text: &str) -> Option<Decimal> {
    if number::normalised(text).ends_with('%') {
        parse_percent(text).ok()
    } else {
        parse_decimal(text).ok()
    }
}

/// Checks a percentage already parsed (e.g. from a file).
pub fn check_percent(v: Decimal) -> Result<Decimal, FieldError> {
    if v < Decimal::ZERO || v > Decimal::from(100) {
        return Err(FieldError::PercentRange);
    }
    Ok(v)
}

/// A whole count of zero or more.
pub fn parse_count(text: &str) -> Result<u32, FieldError> {
    let v = parse_decimal(text)?;
    if v.is_sign_negative() && !v.is_zero() {
        return Err(FieldError::Negative);
    }
    if !v.fract().is_zero() {
        return Err(FieldError::NotAWholeNumber(text.trim().to_string()));
    }
    u32::try_from(v.trunc().mantissa()).map_err(|_| FieldError::TooLarge)
}

/// A date written `YYYY-MM-DD` (the form an `<input type=date>` gives), read by chrono.
pub fn parse_date(text: &str) -> Result<NaiveDate, FieldError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(FieldError::Empty);
    }
    written_in_full(t, "YYYY-MM-DD".len())
        .then(|| NaiveDate::parse_from_str(t, "%Y-%m-%d").ok())
        .flatten()
        .ok_or_else(|| FieldError::NotADate(t.to_string()))
}

/// Whether `text` is `len` digits and dashes, beginning with a digit: a date or month written
/// in full. chrono reads its numbers more freely (`2027-3-1`, a sign before the year, spaces
/// before a number); the format writes every date and month in full and reads only that.
pub(crate) fn written_in_full(text: &str, len: usize) -> bool {
    text.len() == len
        && text.starts_with(|c: char| c.is_ascii_digit())
        && text.bytes().all(|b| b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_read_as_people_type_them() {
        let cases = [
            ("1,234,567", "1234567"),
            ("  42 ", "42"),
            ("12，000", "12000"),
            ("0.50", "0.5"),
            ("+7", "7"),
        ];
        for (input, want) in cases {
            assert_eq!(
                parse_decimal(input).unwrap().to_string(),
                want,
                "input {input:?}"
            );
        }
    }

    #[test]
    fn refused_values_name_their_reason() {
        assert_eq!(parse_percent("120"), Err(FieldError::PercentRange));
        assert_eq!(parse_percent("-1"), Err(FieldError::PercentRange));
        assert_eq!(parse_percent("45%").unwrap().to_string(), "45");
        assert_eq!(parse_non_negative("-3"), Err(FieldError::Negative));
        assert_eq!(
            parse_decimal("abc"),
            Err(FieldError::NotANumber("abc".into()))
        );
        assert_eq!(
            parse_decimal("1e30"),
            Err(FieldError::NotANumber("1e30".into()))
        );
        assert_eq!(
            parse_decimal("NaN"),
            Err(FieldError::NotANumber("NaN".into()))
        );
        assert_eq!(
            parse_decimal("99999999999999999999999999999999"),
            Err(FieldError::TooLarge)
        );
        assert_eq!(parse_name("   "), Err(FieldError::Empty));
        assert_eq!(
            parse_date("2027-02-30"),
            Err(FieldError::NotADate("2027-02-30".into()))
        );
        assert_eq!(
            parse_date("tomorrow"),
            Err(FieldError::NotADate("tomorrow".into()))
        );
        assert_eq!(
            parse_date(" 2027-02-28 "),
            Ok(NaiveDate::from_ymd_opt(2027, 2, 28).unwrap())
        );
        assert_eq!(parse_date(" "), Err(FieldError::Empty));
        for bad in [
            "2027-2-28",
            "2027-02-8",
            "+2027-02-28",
            "-027-02-28",
            "2027- 2-28",
            "2027-02-28x",
            "27-02-2028",
            "2027/02/28",
            "２０２７-02-28",
        ] {
            assert_eq!(parse_date(bad), Err(FieldError::NotADate(bad.into())));
        }
        assert_eq!(
            parse_count("2.5"),
            Err(FieldError::NotAWholeNumber("2.5".into()))
        );
        assert_eq!(parse_positive("0"), Err(FieldError::NotPositive));
    }

    #[test]
    fn names_are_trimmed_and_kept_as_typed() {
        assert_eq!(
            parse_name("  <img src=x onerror=alert(1)> ").unwrap(),
            "<img src=x onerror=alert(1)>"
        );
        assert_eq!(
            parse_name(&"长".repeat(MAX_NAME_CHARS + 1)),
            Err(FieldError::TooLong(MAX_NAME_CHARS))
        );
    }

    #[test]
    fn names_with_control_characters_are_refused_naming_the_character() {
        for (text, c) in [
            ("Chang\0sha", '\0'),
            ("Chang\rsha", '\r'),
            ("Chang\u{7}sha", '\u{7}'),
            ("Chang\u{1b}sha", '\u{1b}'),
        ] {
            assert_eq!(
                parse_name(text),
                Err(FieldError::ControlCharacter(c)),
                "{text:?}"
            );
        }
        assert_eq!(
            FieldError::ControlCharacter('\0').to_string(),
            "contains a control character (U+0000)"
        );
        // A direction mark is no control character: it is kept, and isolated where shown.
        assert_eq!(parse_name("Changsha\u{202E}").unwrap(), "Changsha\u{202E}");
    }
}
