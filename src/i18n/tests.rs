use super::*;

/// Entries that read the same in both languages (symbols, names of the languages themselves).
const SAME_IN_BOTH: &[&str] = &["x_rounding_short", "slide_of"];

#[test]
fn every_key_has_text_in_both_languages() {
    let en = EN.entries();
    let zh = ZH.entries();
    assert_eq!(en.len(), zh.len());
    for ((key, e), (_, z)) in en.iter().zip(&zh) {
        assert!(!e.trim().is_empty(), "English text for `{key}` is empty");
        assert!(!z.trim().is_empty(), "Chinese text for `{key}` is empty");
        if !SAME_IN_BOTH.contains(key) {
            assert_ne!(e, z, "`{key}` is not translated");
        }
    }
}

#[test]
fn chinese_entries_are_chinese() {
    let cjk = |s: &str| s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
    for (key, z) in ZH.entries() {
        // The switch names the other language; a label template is only punctuation.
        if ![
            "switch_language",
            "node_label",
            "x_rounding_short",
            "slide_of",
            "override_note",
            "in_parens",
        ]
        .contains(&key)
        {
            assert!(cjk(z), "Chinese text for `{key}` has no Chinese: {z:?}");
        }
    }
}

#[test]
fn templates_take_the_same_number_of_arguments_in_both_languages() {
    for ((key, e), (_, z)) in EN.entries().iter().zip(&ZH.entries()) {
        assert_eq!(
            e.matches("{}").count(),
            z.matches("{}").count(),
            "placeholders of `{key}`"
        );
    }
}

#[test]
fn fill_replaces_placeholders_in_order() {
    assert_eq!(fill("“{}” is not {}", &["x", "y"]), "“x” is not y");
    assert_eq!(fill("no args", &[]), "no args");
}

#[test]
fn field_errors_read_in_both_languages() {
    let e = crate::core::field::FieldError::NotANumber("abc".into());
    assert_eq!(EN.field_error(&e), "“abc” is not a number.");
    assert_eq!(ZH.field_error(&e), "“abc”不是数字。");
}

#[test]
fn an_ignored_lock_or_manual_number_is_named_in_the_catalogues_language() {
    use crate::core::breakdown::{BreakdownWarning, Pinned};
    let lock = BreakdownWarning::UnknownNode {
        id: "r9".into(),
        what: Pinned::Lock,
    };
    let manual = BreakdownWarning::UnknownNode {
        id: "r9".into(),
        what: Pinned::Manual,
    };
    assert_eq!(
        ZH.breakdown_warning(&lock),
        "已忽略锁定值“r9”：没有这个区域、分区或业务人员。"
    );
    assert_eq!(
        ZH.breakdown_warning(&manual),
        "已忽略手工数值“r9”：没有这个区域、分区或业务人员。"
    );
    assert_eq!(
        EN.breakdown_warning(&lock),
        "A lock for “r9” is ignored: no such region, sub-district or salesperson."
    );
}
