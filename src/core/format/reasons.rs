//! serde_json's messages, made plain where they are not: a value that is not a decimal says
//! what a decimal is; the position suffix is reported apart.

/// How rust_decimal names what it expected.
const DECIMAL_EXPECTED: &str = ", expected a Decimal type representing a fixed-point number";
/// What is said instead.
const DECIMAL_HINT: &str = " is not a decimal: decimals are written as strings of digits such as \"64.5\", with at most 28 significant digits";

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

/// `invalid value: string "NaN", expected a Decimal type…` becomes `string "NaN" is not a
/// decimal: …`; other messages stay as they are.
fn plain(s: &str) -> String {
    match s.strip_suffix(DECIMAL_EXPECTED) {
        Some(head) => {
            let what = head
                .strip_prefix("invalid value: ")
                .or_else(|| head.strip_prefix("invalid type: "))
                .unwrap_or(head);
            format!("{what}{DECIMAL_HINT}")
        }
        None => s.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_messages_say_what_a_decimal_is() {
        let cases = [
            (
                "invalid value: string \"NaN\"",
                "string \"NaN\" is not a decimal: ",
            ),
            (
                "invalid value: string \"1e30\"",
                "string \"1e30\" is not a decimal: ",
            ),
            (
                "invalid type: floating point `1e30`",
                "floating point `1e30` is not a decimal: ",
            ),
            (
                "invalid type: boolean `true`",
                "boolean `true` is not a decimal: ",
            ),
        ];
        for (serde, want) in cases {
            let got = plain(&format!("{serde}{DECIMAL_EXPECTED}"));
            assert!(got.starts_with(want), "{serde} became {got}");
            assert!(got.ends_with("with at most 28 significant digits"), "{got}");
        }
        assert_eq!(plain("missing field `name`"), "missing field `name`");
    }
}
