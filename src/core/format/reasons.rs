//! serde_json's messages, made plain where they are not: numbers that are not decimals, and
//! the position suffix (reported apart).

/// How rust_decimal names what it expected.
const DECIMAL_EXPECTED: &str = ", expected a Decimal type representing a fixed-point number";
const DECIMAL_HINT: &str = "decimals are written as strings of digits such as \"64.5\", with at most 28 significant digits";

/// serde_json's message without its trailing " at line L column C" (reported apart), with
/// the decimal messages made plain.
pub fn reason(e: &serde_json::Error) -> String {
    let s = e.to_string();
    let s = match s.rfind(" at line ") {
        Some(i) => &s[..i],
        None => &s,
    };
    plain(s)
}

fn plain(s: &str) -> String {
    let Some(head) = s.strip_suffix(DECIMAL_EXPECTED) else {
        return s.to_string();
    };
    let what = if let Some(text) = head.strip_prefix("invalid value: string ") {
        let numeric = text
            .trim_matches('"')
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'));
        if numeric && text.len() > 2 {
            format!("{text} is out of range for a decimal")
        } else {
            format!("{text} is not a decimal number")
        }
    } else if let Some(number) = head.strip_prefix("invalid value: floating point ") {
        format!(
            "the number {} is out of range for a decimal",
            number.trim_matches('`')
        )
    } else if let Some(number) = head.strip_prefix("invalid value: integer ") {
        format!(
            "the number {} is out of range for a decimal",
            number.trim_matches('`')
        )
    } else if let Some(found) = head.strip_prefix("invalid type: ") {
        let number = ["floating point ", "integer "]
            .iter()
            .find_map(|kind| found.strip_prefix(kind));
        match number {
            Some(n) => format!("the number {} is not a decimal string", n.trim_matches('`')),
            None => format!("expected a decimal, found {found}"),
        }
    } else {
        head.to_string()
    };
    format!("{what}; {DECIMAL_HINT}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_messages_say_what_a_decimal_is() {
        let cases = [
            (
                "invalid value: string \"NaN\", expected a Decimal type representing a fixed-point number",
                "\"NaN\" is not a decimal number; ",
            ),
            (
                "invalid value: string \"1e30\", expected a Decimal type representing a fixed-point number",
                "\"1e30\" is out of range for a decimal; ",
            ),
            (
                "invalid value: floating point `1e30`, expected a Decimal type representing a fixed-point number",
                "the number 1e30 is out of range for a decimal; ",
            ),
            (
                "invalid type: boolean `true`, expected a Decimal type representing a fixed-point number",
                "expected a decimal, found boolean `true`; ",
            ),
            (
                "invalid type: floating point `64.5`, expected a Decimal type representing a fixed-point number",
                "the number 64.5 is not a decimal string; ",
            ),
        ];
        for (serde, want) in cases {
            let got = plain(serde);
            assert!(got.starts_with(want), "{serde} became {got}");
            assert!(got.ends_with(DECIMAL_HINT), "{got}");
        }
        assert_eq!(plain("missing field `name`"), "missing field `name`");
    }
}
