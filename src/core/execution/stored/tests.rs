use rust_decimal::Decimal;

use crate::core::execution::{
    Actual, CustomerField, CustomerKind, DeviationNote, Execution, ScoreMeasure, add_customer,
    sample_execution, update_customer, visit,
};
use crate::core::field::parse_date;
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::sample::sample_plan;

#[test]
fn every_part_of_the_execution_round_trips() {
    let mut plan = sample_plan(Lang::Zh);
    plan.execution = sample_execution(&plan, 3);
    let today = parse_date("2027-03-02").unwrap();
    let id = add_customer(&mut plan, CustomerKind::Terminal, "新店, \"旗舰\"", "").unwrap();
    update_customer(&mut plan, &id, CustomerField::Credit, "A", today).unwrap();
    visit(&mut plan, &id, today).unwrap();
    let s = &mut plan.execution.settings;
    s.stale_days = 14;
    s.score_weights.set(ScoreMeasure::Share, Decimal::TWO);
    s.score_weights.set(ScoreMeasure::Price, Decimal::ZERO);
    plan.execution.deviation_notes.push(DeviationNote {
        node: plan.id.clone(),
        month: plan.period.start,
        note: "Weekly review".into(),
        done: true,
    });
    assert!(!plan.execution.shares.is_empty(), "market shares too");
    let json = serde_json::to_string(&plan).unwrap();
    let back: Plan = serde_json::from_str(&json).unwrap();
    assert_eq!(back.execution, plan.execution);
}

#[test]
fn records_are_objects_of_strings() {
    let mut e = Execution::default();
    let jan = YearMonth::new(2027, 1).unwrap();
    let feb = YearMonth::new(2027, 2).unwrap();
    let a = |x: i64| Actual {
        amount: Decimal::new(x, 1),
        quantity: Decimal::from(x),
        collections: Decimal::ZERO,
    };
    let months = e.actuals.entry("p3".into()).or_default();
    months.insert(jan, a(12005));
    months.insert(feb, a(7));
    e.settings.deviation_threshold = Decimal::from(15);
    e.budgets.insert(
        "r1".into(),
        super::super::Budget {
            promotion: Decimal::from(100_000),
            salaries: Decimal::ZERO,
        },
    );
    let json = serde_json::to_string(&e).unwrap();
    assert_eq!(
        json,
        r#"{"actuals":[{"months":"2027-01 1200.5 12005 0; 2027-02 0.7 7 0","salesperson":"p3"}],"budgets":[{"amount":"100000","region":"r1"}],"settings":[{"deviation_threshold":"15"}]}"#
    );
    // Salaries (人员薪酬) are written beside the promotion budget, which keeps its old name.
    e.budgets.get_mut("r1").unwrap().salaries = Decimal::from(240_000);
    e.settings.expense_ratio_target = Decimal::from(6);
    let json = serde_json::to_string(&e).unwrap();
    assert!(
        json.contains(r#""budgets":[{"amount":"100000","region":"r1","salaries":"240000"}]"#)
            && json.contains(r#""expense_ratio_target":"6""#),
        "{json}"
    );
    assert_eq!(serde_json::from_str::<Execution>(&json).unwrap(), e);
    assert_eq!(serde_json::from_str::<Execution>(&json).unwrap(), e);
}

#[test]
fn a_salesperson_without_months_is_not_written() {
    let mut e = Execution::default();
    e.actuals.insert("p1".into(), Default::default());
    assert_eq!(serde_json::to_string(&e).unwrap(), "{}");
}

#[test]
fn a_bad_stored_value_is_refused_saying_what_is_wrong() {
    let cases = [
        (
            r#"{"actuals":[{"salesperson":"p1","months":"2027-01 1 2"}]}"#,
            "months '2027-01 1 2' is not valid: each month is written 'YYYY-MM amount quantity \
             collections'",
        ),
        (
            r#"{"actuals":[{"salesperson":"p1","months":"2027-01 1 2 3; 2027-02 1 2 x"}]}"#,
            "months '2027-02 1 2 x' is not valid",
        ),
        (
            r#"{"actuals":[{"salesperson":"p1","months":" ; "}]}"#,
            "months must not be empty",
        ),
        (
            r#"{"actuals":[{"salesperson":"","months":"2027-01 1 2 3"}]}"#,
            "must not be empty",
        ),
        (
            r#"{"customers":[{"id":"c1","kind":"shop","name":"A"}]}"#,
            "unknown variant `shop`, expected `distributor` or `terminal`",
        ),
        (
            r#"{"customers":[{"id":"c1","kind":"terminal"}]}"#,
            "missing field `name`",
        ),
        (
            r#"{"expenses":[{"date":"2027-02-30","region":"r1","channel":"terminal"}]}"#,
            "'2027-02-30' is not a date (YYYY-MM-DD)",
        ),
        (
            r#"{"deviation_notes":[{"node":"r1","month":"2027-13"}]}"#,
            "'2027-13' is not a month written YYYY-MM",
        ),
        (
            r#"{"deviation_notes":[{"node":"r1","month":"2027-01","done":"yes"}]}"#,
            r#"'yes' is not "true" or "false""#,
        ),
        (
            r#"{"scorecard":[{"customer":"c1","month":"2027-01","colour":"red"}]}"#,
            "unknown field `colour`, expected one of `category_sales`",
        ),
        (
            r#"{"scorecard":[{"customer":"c1","month":"2027-01","our_sales":"lots"}]}"#,
            r#"invalid value: string "lots", expected a Decimal"#,
        ),
        (
            r#"{"settings":[{"stale_days":"-1"}]}"#,
            r#"'-1' is not a count: a whole number from 0 written in digits, such as "3""#,
        ),
        (r#"{"settings":[{},{}]}"#, "holds one record, not 2"),
        (
            r#"{"customer_history":[{"customer":"c9","date":"2027-01-01","field":"credit"}]}"#,
            "execution.customer_history[0]: no customer with id 'c9'",
        ),
        (
            r#"{"actual":[]}"#,
            "unknown field `actual`, expected one of `actuals`",
        ),
        (
            r#"{"budgets":{"r1":"5"}}"#,
            "invalid type: map, expected a sequence",
        ),
        (
            r#"{"budgets":[{"region":"r1","amount":5}]}"#,
            "invalid type: integer `5`, expected a Decimal",
        ),
        (
            r#"{"shares":[{"region":"r1","month":"2027-02","share":"140"}]}"#,
            "execution.shares[0]: a market share is a percent from 0 to 100, not 140",
        ),
    ];
    for (json, want) in cases {
        let err = serde_json::from_str::<Execution>(json)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with(want), "{json}: {err}");
    }
}

/// Records are written field by field in the order their types declare; that order is the
/// name order the format has always written.
#[test]
fn record_fields_are_declared_in_name_order() {
    let schema: serde_json::Value =
        serde_json::from_str(&crate::core::format::plan_schema()).unwrap();
    let defs = schema["$defs"].as_object().unwrap();
    let mut checked = 0;
    for (name, def) in defs {
        let Some(props) = def["properties"].as_object() else {
            continue;
        };
        if name.ends_with("Record") || name == "Execution" {
            let keys: Vec<&String> = props.keys().collect();
            let mut sorted = keys.clone();
            sorted.sort();
            assert_eq!(keys, sorted, "{name}");
            checked += 1;
        }
    }
    assert_eq!(checked, 10, "the execution and its nine record types");
}
