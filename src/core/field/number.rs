//! Numbers as people type them: `50,000,000`, `5000万`, `1.18亿`, `5千万`, `1亿2000万`,
//! full-width digits `５０００００００`, a trailing `元`, a leading `¥`, and the English `K` / `M`
//! the charts label with. Anything that could be read two ways is refused with the reason.

use rust_decimal::Decimal;
use std::str::FromStr;

use super::{FieldError, max_value};

/// Full-width digits and signs as their ASCII forms; other characters as they are.
fn half_width(c: char) -> char {
    match c {
        '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
        '．' | '。' => '.',
        '，' | '､' | '、' => ',',
        '－' | '−' => '-',
        '＋' => '+',
        '％' => '%',
        '\u{3000}' | '\u{a0}' | '\u{202f}' => ' ',
        '＿' => '_',
        'Ｋ' => 'K',
        'ｋ' => 'k',
        'Ｍ' => 'M',
        '￥' => '¥',
        c => c,
    }
}

/// The text with full-width forms made ASCII and the ends trimmed.
pub(super) fn normalised(text: &str) -> String {
    text.chars()
        .map(half_width)
        .collect::<String>()
        .trim()
        .to_string()
}

/// A multiplier word that ends a group: `万`, `亿`, `万亿` (and `K`, `M`), with an optional
/// `十` / `百` / `千` before it (`5千万`). Returns (the multiplier, the big word's rank, the
/// rest of the text). The rank orders groups: `1亿2000万` is 亿 (rank 2) then 万 (rank 1).
fn unit_word(s: &str) -> Option<(Decimal, u8, &str)> {
    let (small, rest) = match s.chars().next()? {
        '十' | '拾' => (10, &s['十'.len_utf8()..]),
        '百' | '佰' => (100, &s['百'.len_utf8()..]),
        '千' | '仟' => (1000, &s['千'.len_utf8()..]),
        _ => (1, s),
    };
    let bigs: [(&str, i64, u8); 5] = [
        ("万亿", 1_000_000_000_000, 3),
        ("亿", 100_000_000, 2),
        ("万", 10_000, 1),
        ("M", 1_000_000, 1),
        ("K", 1_000, 0),
    ];
    for (word, big, rank) in bigs {
        let found = rest
            .strip_prefix(word)
            .or_else(|| (word == "K").then(|| rest.strip_prefix('k')).flatten());
        if let Some(after) = found {
            // `5千K` is nobody's way of writing a number.
            if small > 1 && !word.chars().all(|c| matches!(c, '万' | '亿')) {
                return None;
            }
            return Some((Decimal::from(small * big), rank, after));
        }
    }
    // `5千` alone: the small word is the whole multiplier.
    (small > 1).then(|| (Decimal::from(small), 0, rest))
}

/// The digits of one group, with thousands separators checked: `,`, a space or `_` may only
/// group the whole part by three (`1,234,567`); `1,5` could be a decimal comma and is refused.
fn numeral(raw: &str, original: &str) -> Result<Decimal, FieldError> {
    let raw = raw.trim();
    let not_a_number = || FieldError::NotANumber(original.to_string());
    if raw.is_empty() {
        return Err(not_a_number());
    }
    let (whole, frac) = match raw.split_once('.') {
        Some((w, f)) => (w, Some(f)),
        None => (raw, None),
    };
    if let Some(f) = frac
        && (f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(not_a_number());
    }
    let parts: Vec<&str> = whole.split([',', ' ', '_']).collect();
    if parts.iter().any(|p| !p.bytes().all(|b| b.is_ascii_digit())) {
        return Err(not_a_number());
    }
    if parts.len() > 1 {
        let first_ok = (1..=3).contains(&parts[0].len());
        if !first_ok || parts[1..].iter().any(|p| p.len() != 3) {
            return Err(FieldError::Grouping(original.to_string()));
        }
    }
    let digits: String = parts.concat();
    if digits.is_empty() {
        return Err(not_a_number());
    }
    let plain = match frac {
        Some(f) => format!("{digits}.{f}"),
        None => digits,
    };
    if plain.len() > 40 {
        return Err(FieldError::TooLarge);
    }
    Decimal::from_str(&plain).map_err(|_| FieldError::TooLarge)
}

/// Reads a number; `words` allows the multiplier words, `元` and `¥` (amounts and quantities,
/// not percentages).
pub(super) fn read_number(text: &str, words: bool) -> Result<Decimal, FieldError> {
    let original = text.trim();
    let s = normalised(text);
    if s.is_empty() {
        return Err(FieldError::Empty);
    }
    let mut s = s.as_str();
    let mut negative = false;
    if let Some(rest) = s.strip_prefix('-') {
        negative = true;
        s = rest;
    } else if let Some(rest) = s.strip_prefix('+') {
        s = rest;
    }
    if words {
        s = s.trim_start().trim_start_matches('¥').trim_start();
        s = s.strip_suffix('元').unwrap_or(s).trim_end();
    }
    let not_a_number = || FieldError::NotANumber(original.to_string());
    let mut total = Decimal::ZERO;
    // The rank and multiplier of the previous group's word, if any.
    let mut previous: Option<(u8, Decimal)> = None;
    let mut rest = s;
    while !rest.is_empty() {
        let end = rest
            .find(|c: char| !(c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '_')))
            .unwrap_or(rest.len());
        let value = numeral(&rest[..end], original)?;
        rest = rest[end..].trim_start();
        let word = if rest.is_empty() {
            None
        } else if words {
            Some(unit_word(rest).ok_or_else(not_a_number)?)
        } else {
            return Err(not_a_number());
        };
        let (multiplier, rank, after) = word.unwrap_or((Decimal::ONE, 0, ""));
        if let Some((before_rank, before_multiplier)) = previous {
            // After 亿 only a smaller word may follow, and what follows must be less than one
            // of the word before: `1亿2000万`, never `1亿2000` (2000万? 2000?) or `2万3亿`.
            if word.is_none() || rank >= before_rank {
                return Err(FieldError::Ambiguous(original.to_string()));
            }
            let part = value.checked_mul(multiplier).ok_or(FieldError::TooLarge)?;
            if part >= before_multiplier {
                return Err(FieldError::Ambiguous(original.to_string()));
            }
        }
        if !rest.is_empty() && word.is_some() && !after.trim_start().is_empty() {
            // Another group follows: this one must be whole (`1.5亿3000万` reads two ways).
            if !value.fract().is_zero() {
                return Err(FieldError::Ambiguous(original.to_string()));
            }
        }
        let part = value.checked_mul(multiplier).ok_or(FieldError::TooLarge)?;
        total = total.checked_add(part).ok_or(FieldError::TooLarge)?;
        previous = Some((rank, multiplier));
        rest = after.trim_start();
    }
    if previous.is_none() {
        return Err(not_a_number());
    }
    if total > max_value() {
        return Err(FieldError::TooLarge);
    }
    Ok(if negative { -total } else { total }.normalize())
}
