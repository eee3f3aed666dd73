//! The number parser, by example and by property.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn numbers_are_read_the_way_a_chinese_manager_types_them() {
    let cases = [
        ("5000万", "50000000"),
        ("1.18亿", "118000000"),
        ("5千万", "50000000"),
        ("50,000,000", "50000000"),
        ("５０００００００", "50000000"),
        ("５，０００万", "50000000"),
        ("5000万元", "50000000"),
        ("50,000,000 元", "50000000"),
        ("¥1,200", "1200"),
        ("1亿2000万", "120000000"),
        ("1万5千", "15000"),
        ("3百万", "3000000"),
        ("2万亿", "2000000000000"),
        ("356.5万", "3565000"),
        ("12.98M", "12980000"),
        ("45.6K", "45600"),
        ("0.5", "0.5"),
        ("１２．５", "12.5"),
        ("1 234 567", "1234567"),
        ("+7", "7"),
        ("-3", "-3"),
    ];
    for (input, want) in cases {
        assert_eq!(parse_decimal(input), Ok(d(want)), "input {input:?}");
    }
}

#[test]
fn shares_are_read_with_half_and_full_width_percent_signs() {
    for (input, want) in [
        ("45.5%", "45.5"),
        ("４５％", "45"),
        ("45", "45"),
        (" 66 % ", "66"),
    ] {
        assert_eq!(parse_percent(input), Ok(d(want)), "input {input:?}");
    }
    // Multiplier words and 元 make no sense in a share.
    for bad in ["45万", "45元", "5千%"] {
        assert_eq!(
            parse_percent(bad),
            Err(FieldError::NotANumber(bad.into())),
            "input {bad:?}"
        );
    }
    assert_eq!(parse_percent("１２０％"), Err(FieldError::PercentRange));
}

#[test]
fn what_could_be_read_two_ways_is_refused_with_the_reason() {
    for bad in ["1,5", "12,34", "1,2345", "1234,567", "1 23"] {
        assert_eq!(
            parse_decimal(bad),
            Err(FieldError::Grouping(bad.into())),
            "input {bad:?}"
        );
    }
    for bad in [
        "1万5",
        "1亿2000",
        "2万3亿",
        "1万2万",
        "1.5亿3000万",
        "1亿20000万",
    ] {
        assert_eq!(
            parse_decimal(bad),
            Err(FieldError::Ambiguous(bad.into())),
            "input {bad:?}"
        );
    }
    for bad in [
        "abc",
        "万",
        "元",
        "1e30",
        "NaN",
        "5千K",
        "1..2",
        "1.",
        ".5.",
        "5 万 元 元",
        "--5",
        "5%",
    ] {
        assert_eq!(
            parse_decimal(bad),
            Err(FieldError::NotANumber(bad.into())),
            "input {bad:?}"
        );
    }
    assert_eq!(parse_decimal("  "), Err(FieldError::Empty));
    assert_eq!(
        parse_decimal("99999999999999999999999999999999"),
        Err(FieldError::TooLarge)
    );
    assert_eq!(
        parse_decimal("1000万亿亿"),
        Err(FieldError::NotANumber("1000万亿亿".into()))
    );
    assert_eq!(parse_decimal("2000万亿"), Err(FieldError::TooLarge));
}

#[test]
fn what_is_shown_back_is_the_amount_or_the_share() {
    assert_eq!(read_back("5000万"), Some(d("50000000")));
    assert_eq!(read_back("４５％"), Some(d("45")));
    assert_eq!(read_back("1万5"), None);
}

/// A decimal's digits written with full-width characters.
fn full_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32('０' as u32 + (c as u32 - '0' as u32)).unwrap(),
            ',' => '，',
            '.' => '．',
            c => c,
        })
        .collect()
}

proptest! {
    #[test]
    fn any_text_is_read_or_refused_never_panicked_on(text in "\\PC{0,24}") {
        let _ = parse_decimal(&text);
        let _ = parse_percent(&text);
        let _ = read_back(&text);
    }

    #[test]
    fn units_of_wan_and_yi_multiply_exactly(whole in 0u64..100_000, cents in 0u32..100) {
        let v = Decimal::new(whole as i64 * 100 + i64::from(cents), 2);
        let text = v.normalize().to_string();
        prop_assert_eq!(parse_decimal(&format!("{text}万")), Ok((v * Decimal::from(10_000)).normalize()));
        prop_assert_eq!(parse_decimal(&format!("{text}亿元")), Ok((v * Decimal::from(100_000_000)).normalize()));
        prop_assert_eq!(parse_decimal(&full_width(&format!("{text}万"))), Ok((v * Decimal::from(10_000)).normalize()));
    }

    #[test]
    fn yi_and_wan_together_add_up(yi in 1u64..1000, wan in 0u64..10_000) {
        let want = Decimal::from(yi * 100_000_000 + wan * 10_000);
        prop_assert_eq!(parse_decimal(&format!("{yi}亿{wan}万")), Ok(want));
    }
}
