//! Numbers as people read them: thousands separators, and 万 / 亿 for large amounts in Chinese.

use rust_decimal::Decimal;

use crate::core::lang::Lang;

/// A decimal with thousands separators, e.g. `1,234,567.5`.
pub fn grouped(value: Decimal) -> String {
    let s = value.normalize().to_string();
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", s.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A money amount for display: grouped in English; in Chinese, 万 from ten thousand and 亿 from a
/// hundred million, with up to two decimals (e.g. `1.18亿`, `356.5万`).
pub fn amount(value: Decimal, lang: Lang) -> String {
    match lang {
        Lang::En => grouped(value),
        Lang::Zh => {
            let abs = value.abs();
            let yi = Decimal::from(100_000_000);
            let wan = Decimal::from(10_000);
            if abs >= yi {
                format!("{}亿", (value / yi).round_dp(2).normalize())
            } else if abs >= wan {
                format!("{}万", (value / wan).round_dp(2).normalize())
            } else {
                grouped(value)
            }
        }
    }
}

/// An amount short enough to label a point of a chart: in English with M from a million and K
/// from ten thousand (`12.98M`, `45.6K`), in Chinese as [`amount`] (万 and 亿 are short already).
pub fn compact(value: Decimal, lang: Lang) -> String {
    if lang == Lang::Zh {
        return amount(value, lang);
    }
    let abs = value.abs();
    let million = Decimal::from(1_000_000);
    let thousand = Decimal::from(1_000);
    if abs >= million {
        format!("{}M", (value / million).round_dp(2).normalize())
    } else if abs >= Decimal::from(10_000) {
        format!("{}K", (value / thousand).round_dp(1).normalize())
    } else {
        grouped(value)
    }
}

/// A percentage with at most one decimal, e.g. `64.5%`.
pub fn percent(value: Decimal) -> String {
    format!("{}%", value.round_dp(1).normalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn thousands_are_grouped() {
        for (input, want) in [
            ("0", "0"),
            ("999", "999"),
            ("1000", "1,000"),
            ("1234567.50", "1,234,567.5"),
            ("-118000000", "-118,000,000"),
        ] {
            assert_eq!(grouped(d(input)), want, "input {input}");
        }
    }

    #[test]
    fn chinese_amounts_use_wan_and_yi() {
        assert_eq!(amount(d("118000000"), Lang::Zh), "1.18亿");
        assert_eq!(amount(d("3565000"), Lang::Zh), "356.5万");
        assert_eq!(amount(d("9800"), Lang::Zh), "9,800");
        assert_eq!(amount(d("118000000"), Lang::En), "118,000,000");
    }

    #[test]
    fn compact_amounts_fit_a_chart_label() {
        assert_eq!(compact(d("12980000"), Lang::En), "12.98M");
        assert_eq!(compact(d("-7080000"), Lang::En), "-7.08M");
        assert_eq!(compact(d("45640"), Lang::En), "45.6K");
        assert_eq!(compact(d("9800"), Lang::En), "9,800");
        assert_eq!(compact(d("12980000"), Lang::Zh), "1298万");
    }

    mod every_number_shown_parses_back {
        use super::*;
        use crate::core::field::{parse_decimal, parse_percent};
        use proptest::prelude::*;

        /// A non-negative amount with up to four decimals, up to a hundred billion.
        fn any_amount() -> impl Strategy<Value = Decimal> {
            (0i64..100_000_000_000_000, 0u32..=4).prop_map(|(n, scale)| Decimal::new(n, scale))
        }

        /// The value a display rounded to a multiple of `of` with two decimals shows.
        fn shown_as(v: Decimal, of: i64) -> Decimal {
            let of = Decimal::from(of);
            ((v / of).round_dp(2) * of).normalize()
        }

        proptest! {
            #[test]
            fn grouped_numbers_parse_back_to_themselves(v in any_amount()) {
                prop_assert_eq!(parse_decimal(&grouped(v)), Ok(v.normalize()));
                prop_assert_eq!(parse_decimal(&grouped(-v)), Ok((-v).normalize()));
            }

            #[test]
            fn chinese_amounts_parse_back_to_what_they_show(v in any_amount()) {
                let abs = v.abs();
                let want = if abs >= Decimal::from(100_000_000) {
                    shown_as(v, 100_000_000)
                } else if abs >= Decimal::from(10_000) {
                    shown_as(v, 10_000)
                } else {
                    v.normalize()
                };
                prop_assert_eq!(parse_decimal(&amount(v, Lang::Zh)), Ok(want));
                prop_assert_eq!(parse_decimal(&amount(v, Lang::En)), Ok(v.normalize()));
            }

            #[test]
            fn chart_labels_parse_back_to_what_they_show(v in any_amount()) {
                let want = if v >= Decimal::from(1_000_000) {
                    shown_as(v, 1_000_000)
                } else if v >= Decimal::from(10_000) {
                    let k = Decimal::from(1000);
                    ((v / k).round_dp(1) * k).normalize()
                } else {
                    v.normalize()
                };
                prop_assert_eq!(parse_decimal(&compact(v, Lang::En)), Ok(want));
            }

            #[test]
            fn percentages_parse_back_to_what_they_show(n in 0i64..1000, extra in 0i64..100) {
                let v = Decimal::new(n * 100 + extra, 3);
                prop_assert_eq!(parse_percent(&percent(v)), Ok(v.round_dp(1).normalize()));
            }
        }
    }
}
