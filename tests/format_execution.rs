//! The stored form of a plan's execution data is pinned byte for byte.
//!
//! `tests/fixtures/plan-v1-execution.json` is the plan [`plan_with_every_record`] builds, as the
//! format wrote it when the execution records were introduced (format version 1). Like the
//! other fixtures it is never edited: a plan written today must come out as these same bytes,
//! and the file must keep opening to the same plan.

use std::path::PathBuf;

use chrono::NaiveDate;
use region_planner::core::execution::{
    Budget, BudgetItem, Change, Channel, Customer, CustomerField, CustomerKind, DeviationNote,
    Expense, ScoreEntry, ScoreFigures, ScoreMeasure, sample_execution,
};
use region_planner::core::format::{check_plan_text, read_plan, write_plan, write_plan_pretty};
use region_planner::core::model::Plan;
use region_planner::core::period::YearMonth;
use rust_decimal::Decimal;

fn fixture() -> String {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plan-v1-execution.json");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn dec(text: &str) -> Decimal {
    text.parse().expect("a decimal")
}

fn date(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a date")
}

fn month(m: u32) -> YearMonth {
    YearMonth::new(2027, m).expect("a month")
}

/// The sample plan as format version 1 wrote it (`plan-v1.json`, the built-in sample when these
/// records were introduced; the sample has grown since) with three months of demo execution
/// data, plus a record of every kind with every field the format had then: left out, empty,
/// zero, with a fraction, with quotes and non-ASCII text, and settings away from their defaults
/// (one written as `10.0`, equal to its default but written as typed).
fn plan_with_every_record() -> Plan {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/plan-v1.json");
    let v1 = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut plan = read_plan(&v1).expect("plan-v1.json opens");
    plan.execution = sample_execution(&plan, 3);
    let e = &mut plan.execution;
    // Market shares, and customers' owners and statuses, are later than this fixture; the
    // round trips cover them.
    e.shares.clear();
    for c in &mut e.customers {
        c.owner.clear();
        c.status = Default::default();
    }
    // So are the distributors' volumes.
    for entry in &mut e.scorecard {
        let f = &mut entry.figures;
        f.our_volume = Decimal::ZERO;
        f.category_volume = Decimal::ZERO;
        f.last_month_volume = Decimal::ZERO;
        f.last_year_volume = Decimal::ZERO;
    }

    let person = e.actuals.keys().next().expect("demo actuals").clone();
    let months = e.actuals.get_mut(&person).expect("the person's months");
    months.get_mut(&month(2)).expect("February").collections = Decimal::ZERO;
    months.get_mut(&month(3)).expect("March").amount = dec("1200.50");

    let mut shop = Customer::new(
        "c90".into(),
        CustomerKind::Terminal,
        "新店, \"旗舰\"".into(),
        String::new(),
    );
    shop.address = "五一大道 1 号\nBuilding 2".into();
    shop.contact = "Li \\ Lei".into();
    shop.credit = "A".into();
    shop.last_visit = Some(date("2027-03-02"));
    shop.history = vec![
        Change {
            date: date("2027-03-01"),
            field: CustomerField::Credit,
            old: String::new(),
            new: "A".into(),
        },
        Change {
            date: date("2027-03-02"),
            field: CustomerField::LastVisit,
            old: "2027-01-15".into(),
            new: "2027-03-02".into(),
        },
    ];
    e.customers.push(shop);

    let s = &mut e.settings;
    s.deviation_threshold = dec("10.0");
    s.discount_threshold = dec("12.5");
    s.stale_days = 14;
    s.score_weights.set(ScoreMeasure::Share, Decimal::TWO);
    s.score_weights.set(ScoreMeasure::Price, Decimal::ZERO);

    e.deviation_notes.push(DeviationNote {
        node: plan.regions[0].id.clone(),
        month: month(2),
        note: "Joint visits, \"weekly\"".into(),
        done: true,
    });
    e.deviation_notes.push(DeviationNote {
        node: plan.id.clone(),
        month: month(3),
        note: String::new(),
        done: false,
    });

    e.scorecard.push(ScoreEntry {
        customer: "c1".into(),
        month: month(2),
        figures: ScoreFigures {
            our_sales: dec("300000"),
            revenue: dec("-12.75"),
            price_violations: 1,
            collection_days: Some(dec("45.5")),
            ..ScoreFigures::default()
        },
    });

    e.budgets.insert(
        "r2".into(),
        Budget {
            promotion: dec("1234.50"),
            salaries: Decimal::ZERO,
        },
    );
    e.expenses.push(Expense {
        date: date("2027-02-10"),
        region: "r1".into(),
        channel: Channel::Publicity,
        item: BudgetItem::Promotion,
        amount: Decimal::ZERO,
        discount_percent: Some(Decimal::ZERO),
        note: "待审核 / to review".into(),
        reviewed: true,
    });
    plan
}

#[test]
fn a_plan_with_every_record_is_written_as_the_fixture() {
    let written = write_plan_pretty(&plan_with_every_record());
    assert!(
        written == fixture(),
        "the plan is no longer written as tests/fixtures/plan-v1-execution.json; first difference \
         at byte {}",
        written
            .bytes()
            .zip(fixture().bytes())
            .position(|(a, b)| a != b)
            .unwrap_or(written.len().min(fixture().len()))
    );
}

#[test]
fn the_fixture_opens_to_the_same_plan_and_writes_back_byte_for_byte() {
    let plan = read_plan(&fixture()).expect("the fixture opens");
    assert_eq!(plan, plan_with_every_record());
    assert_eq!(write_plan_pretty(&plan), fixture());
    let compact = write_plan(&plan);
    assert_eq!(read_plan(&compact).expect("the compact form opens"), plan);
}

/// The fixture with its `execution` replaced by `execution`.
fn with_execution(execution: &str) -> String {
    let mut plan: serde_json::Value = serde_json::from_str(&fixture()).unwrap();
    plan["execution"] = serde_json::from_str(execution).unwrap();
    serde_json::to_string_pretty(&plan).unwrap()
}

#[test]
fn damaged_execution_data_is_named_by_its_path_and_reason() {
    let cases = [
        (
            r#"{"actuals": [{"salesperson": "p1", "months": "2027-01 lots 1 1"}]}"#,
            "$.execution.actuals[0].months: months '2027-01 lots 1 1' is not valid: each month \
             is written 'YYYY-MM amount quantity collections'",
        ),
        (
            r#"{"settings": [{"stale_days": "-1"}]}"#,
            "$.execution.settings[0].stale_days: '-1' is not a count",
        ),
        (
            r#"{"settings": [{}, {}]}"#,
            "$.execution.settings: holds one record, not 2",
        ),
        (
            r#"{"deviation_notes": [{"node": "r1", "month": "2027-01", "done": "yes"}]}"#,
            r#"$.execution.deviation_notes[0].done: 'yes' is not "true" or "false""#,
        ),
        (
            r#"{"customers": [{"id": "c1", "kind": "shop", "name": "A"}]}"#,
            "$.execution.customers[0].kind: unknown variant `shop`, expected `distributor` or \
             `terminal`",
        ),
        (
            r#"{"budgets": [{"region": "", "amount": "5"}]}"#,
            "$.execution.budgets[0].region: must not be empty",
        ),
        (
            r#"{"scorecard": [{"customer": "c1", "month": "2027-01", "revenue": "x"}]}"#,
            "$.execution.scorecard[0].revenue: string \"x\" is not a decimal",
        ),
        (
            r#"{"settings": [{"weight.share": "x"}]}"#,
            "$.execution.settings[0][\"weight.share\"]: string \"x\" is not a decimal",
        ),
        (
            r#"{"expenses": [{"date": "2027-02-30", "region": "r1", "channel": "terminal"}]}"#,
            "$.execution.expenses[0].date: '2027-02-30' is not a date (YYYY-MM-DD)",
        ),
        (
            r#"{"customer_history": [{"customer": "c9", "date": "2027-01-01", "field": "credit"}]}"#,
            "$.execution: execution.customer_history[0]: no customer with id 'c9'",
        ),
    ];
    for (execution, want) in cases {
        let found = check_plan_text(&with_execution(execution)).unwrap_err();
        assert_eq!(found.len(), 1, "{execution}: {found:?}");
        let got = found[0].to_string();
        assert!(
            got.starts_with(want),
            "{execution}:\n  got  {got}\n  want {want}"
        );
    }
}

/// The app shows the reader's own message, which names the bad value and the line it is on.
#[test]
fn the_reader_says_which_value_is_damaged() {
    let text =
        with_execution(r#"{"actuals": [{"salesperson": "p1", "months": "2027-01 lots 1 1"}]}"#);
    let err = read_plan(&text).unwrap_err().to_string();
    assert!(
        err.starts_with("not a Region Planner plan (line ")
            && err.contains("months '2027-01 lots 1 1' is not valid"),
        "{err}"
    );
}
