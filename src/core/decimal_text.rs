//! Decimals written as text exactly as their `Display` writes them (the sign, every digit of
//! the scale), several times faster: a year of actuals for 10,000 salespeople is 360,000
//! decimals, written on every save.

use rust_decimal::Decimal;

/// Appends `value` as `value.to_string()` would be.
pub fn push_decimal(out: &mut String, value: Decimal) {
    if value.is_sign_negative() {
        out.push('-');
    }
    let scale = value.scale() as usize;
    let mantissa = value.mantissa().unsigned_abs();
    let mut buffer = itoa::Buffer::new();
    let digits = match (mantissa, u64::try_from(mantissa)) {
        (0, _) => "",
        (_, Ok(small)) => buffer.format(small),
        (large, Err(_)) => buffer.format(large),
    };
    if scale == 0 {
        out.push_str(if digits.is_empty() { "0" } else { digits });
    } else if digits.len() > scale {
        let (whole, fraction) = digits.split_at(digits.len() - scale);
        out.push_str(whole);
        out.push('.');
        out.push_str(fraction);
    } else {
        out.push_str("0.");
        out.extend(std::iter::repeat_n('0', scale - digits.len()));
        out.push_str(digits);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn written(value: Decimal) -> String {
        let mut out = String::new();
        push_decimal(&mut out, value);
        out
    }

    #[test]
    fn the_corners_are_written_as_display_writes_them() {
        for (lo, mid, hi, negative, scale, text) in [
            (0, 0, 0, false, 0, "0"),
            (0, 0, 0, true, 0, "0"),
            (0, 0, 0, false, 3, "0.000"),
            (5, 0, 0, true, 2, "-0.05"),
            (150, 0, 0, false, 2, "1.50"),
            (120_000, 0, 0, false, 0, "120000"),
            (
                u32::MAX,
                u32::MAX,
                u32::MAX,
                false,
                0,
                "79228162514264337593543950335",
            ),
            (
                u32::MAX,
                u32::MAX,
                u32::MAX,
                true,
                28,
                "-7.9228162514264337593543950335",
            ),
            (1, 0, 0, false, 28, "0.0000000000000000000000000001"),
        ] {
            let value = Decimal::from_parts(lo, mid, hi, negative, scale);
            assert_eq!(written(value), value.to_string());
            assert_eq!(written(value), text);
        }
        let negative_zero = Decimal::NEGATIVE_ONE * Decimal::ZERO;
        assert_eq!(written(negative_zero), negative_zero.to_string());
    }

    proptest! {
        #[test]
        fn any_decimal_is_written_as_display_writes_it(
            lo: u32, mid: u32, hi: u32, negative: bool, scale in 0u32..=28,
        ) {
            let value = Decimal::from_parts(lo, mid, hi, negative, scale);
            prop_assert_eq!(written(value), value.to_string());
        }

        #[test]
        fn small_decimals_are_written_as_display_writes_them(
            mantissa in -10_000_000_000i64..10_000_000_000, scale in 0u32..=6,
        ) {
            let value = Decimal::new(mantissa, scale);
            prop_assert_eq!(written(value), value.to_string());
        }
    }
}
