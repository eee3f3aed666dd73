//! Collections targets (回款) side by side: hand-checked numbers on a small territory whose
//! collections are re-spread in one scenario and not in the other.

use std::collections::HashSet;

use super::*;
use crate::core::breakdown::testing::{d, person, plan, region, scenario, sub};
use crate::core::period::YearMonth;
use crate::core::respread::{Respread, Spread};
use crate::i18n::{EN, ZH};

/// Two regions of one sub-district of two people, equal months: 1,200,000 of sales at a unit
/// of 1,000 and 960,000 to collect — 80,000 a month for the company, 40,000 for each region and
/// sub-district, 20,000 for each person. Scenario "Correction" re-spreads r0's collections as
/// of March: it collected 30,000, 35,400 and 20,000 (30, 65 and 85 thousand on the running
/// total), 35,000 short of the 120,000 due, carried evenly over the nine months left: 4,000
/// more in April–November, 3,000 more in December.
fn territory() -> Plan {
    let team = |r: &str| {
        sub(
            &format!("d{r}"),
            [1; 6],
            0,
            vec![
                person(&format!("p{r}a"), 0, 0),
                person(&format!("p{r}b"), 0, 0),
            ],
        )
    };
    let mut s = scenario("1200000", "1000", "120", "1");
    s.seasonality.clear();
    s.collections_target = Some(d("960000"));
    let mut correction = s.clone();
    correction.id = "s2".into();
    correction.name = "Correction".into();
    correction.respreads.push(Respread {
        node: "r0".into(),
        measure: Figure::Collections,
        as_of: YearMonth::new(2027, 3).unwrap(),
        how: Spread::Even,
        reason: "slow payers".into(),
        achieved: ["30000", "35400", "20000"].map(d).to_vec(),
    });
    let mut p = plan(
        vec![
            region("r0", "50", 10, 0, vec![team("0")]),
            region("r1", "50", 10, 0, vec![team("1")]),
        ],
        s,
    );
    p.scenarios.push(correction);
    p
}

fn both(plan: &Plan) -> Comparison {
    compare(plan, &["s1".to_string(), "s2".to_string()])
}

fn row<'a>(table: &'a CompareTable, id: &str) -> &'a CompareRow {
    table.rows.iter().find(|r| r.id == id).unwrap()
}

fn delta_of(text: &str, trend: Trend) -> Delta {
    Delta {
        text: text.into(),
        trend,
    }
}

#[test]
fn the_collections_targets_are_side_by_side_month_by_month() {
    let plan = territory();
    let c = both(&plan);
    assert!(c.collections_targeted && c.collections_differ);
    let none = HashSet::new();

    // The year: every collections year is kept, so the months hint is said.
    let year = compare_table(&EN, &plan, &c, Figure::Collections, Span::Year, &none);
    assert_eq!(
        year.head,
        ["Name", "Test", "Correction", "Correction · Δ vs Test"]
    );
    assert_eq!(year.rows[0].values, ["960,000", "960,000"]);
    assert_eq!(row(&year, "r0").values, ["480,000", "480,000"]);
    assert_eq!(row(&year, "r0").deltas, [delta_of("0", Trend::Same)]);
    assert!(year.months_hint.is_some());
    assert_eq!(year.collections_hint, None, "the collections are on screen");

    // January: r0 collected 30,000 of 40,000; the company moves with it.
    let jan = compare_table(&EN, &plan, &c, Figure::Collections, Span::Month(0), &none);
    assert_eq!(jan.months_hint, None);
    assert_eq!(jan.rows[0].values, ["80,000", "70,000"]);
    assert_eq!(jan.rows[0].deltas, [delta_of("-10,000", Trend::Down)]);
    assert_eq!(row(&jan, "r0").values, ["40,000", "30,000"]);
    assert_eq!(row(&jan, "r0").deltas, [delta_of("-10,000", Trend::Down)]);
    assert_eq!(row(&jan, "r1").values, ["40,000", "40,000"]);
    assert_eq!(row(&jan, "r1").deltas, [delta_of("0", Trend::Same)]);
    // Opened: r0's two people split its 30,000 (15,000 each, 20,000 before).
    let open: HashSet<String> = ["r0".to_string(), "d0".to_string()].into();
    let people = compare_table(&EN, &plan, &c, Figure::Collections, Span::Month(0), &open);
    assert_eq!(row(&people, "p0a").values, ["20,000", "15,000"]);
    assert_eq!(
        row(&people, "p0b").deltas,
        [delta_of("-5,000", Trend::Down)]
    );
    let movers: HashSet<String> = ["r0", "d0", "p0a", "p0b"].map(String::from).into();
    assert_eq!(c.movers(Figure::Collections, Span::Month(0)), movers);

    // April carries 4,000 more, December 3,000.
    let apr = compare_table(&EN, &plan, &c, Figure::Collections, Span::Month(3), &none);
    assert_eq!(row(&apr, "r0").values, ["40,000", "44,000"]);
    assert_eq!(row(&apr, "r0").deltas, [delta_of("+4,000", Trend::Up)]);
    let dec = compare_table(&EN, &plan, &c, Figure::Collections, Span::Month(11), &none);
    assert_eq!(row(&dec, "r0").values, ["40,000", "43,000"]);
    assert_eq!(dec.rows[0].values, ["80,000", "83,000"]);

    // In Chinese the chart reads money in 万, as the amount's.
    let charts = region_charts(
        &ZH,
        Lang::Zh,
        &plan,
        &c,
        Figure::Collections,
        Span::Month(0),
    );
    let texts: Vec<&str> = charts[0].bars.iter().map(|b| b.text.as_str()).collect();
    assert_eq!(texts, ["-1万", "0"]);
}

#[test]
fn amount_and_quantity_are_unchanged_and_the_hint_points_to_the_collections() {
    let plan = territory();
    let c = both(&plan);
    for figure in [Figure::Amount, Figure::Quantity] {
        let jan = compare_table(&EN, &plan, &c, figure, Span::Month(0), &HashSet::new());
        assert!(jan.rows.iter().all(|r| r.deltas[0].trend == Trend::Same));
        assert!(!c.only_months_differ(figure));
        let hint = jan.collections_hint.unwrap();
        assert!(hint.contains("“Collections target”"), "{hint}");
    }
    let zh = compare_table(&ZH, &plan, &c, Figure::Amount, Span::Year, &HashSet::new());
    assert!(zh.collections_hint.unwrap().contains("“回款目标”"));
    // The same scenario twice: nothing to say.
    let same = compare(&plan, &["s1".to_string(), "s1".to_string()]);
    assert!(!same.collections_differ);
}

#[test]
fn collections_are_offered_only_when_a_compared_scenario_sets_them() {
    let mut plan = territory();
    let ids = ["s1".to_string(), "s2".to_string()];
    let c = both(&plan);
    let picker = compare_picker(&EN, &plan, &ids, (Figure::Collections, true), Span::Year);
    let offered: Vec<(Figure, &str, bool)> = picker
        .measures
        .iter()
        .map(|(f, label, on)| (*f, label.as_str(), *on))
        .collect();
    assert_eq!(
        offered,
        [
            (Figure::Amount, "Amount target", false),
            (Figure::Quantity, "Quantity target", false),
            (Figure::Collections, "Collections target", true),
        ]
    );
    assert_eq!(c.shown(Figure::Collections), Figure::Collections);

    for s in &mut plan.scenarios {
        s.collections_target = None;
    }
    let c = both(&plan);
    assert!(!c.collections_targeted);
    assert_eq!(
        c.shown(Figure::Collections),
        Figure::Amount,
        "no collections to show: the amount"
    );
    let picker = compare_picker(&EN, &plan, &ids, (Figure::Amount, false), Span::Year);
    assert_eq!(picker.measures.len(), 2, "only amount and quantity");
}

#[test]
fn a_scenario_without_collections_targets_shows_a_dash_and_no_difference() {
    let mut plan = territory();
    plan.scenarios[1].collections_target = None;
    plan.scenarios[1].respreads.clear();
    let c = both(&plan);
    assert!(c.collections_targeted);
    let jan = compare_table(
        &EN,
        &plan,
        &c,
        Figure::Collections,
        Span::Month(0),
        &HashSet::new(),
    );
    assert_eq!(row(&jan, "r0").values, ["40,000", NO_VALUE]);
    assert_eq!(row(&jan, "r0").deltas, [delta_of("", Trend::Same)]);
    assert!(!row(&jan, "r0").zero, "no target is not a target of zero");
    assert!(c.movers(Figure::Collections, Span::Month(0)).is_empty());
    assert!(region_charts(&EN, Lang::En, &plan, &c, Figure::Collections, Span::Year).is_empty());
}

#[test]
fn a_collections_target_that_cannot_be_broken_down_is_named_with_the_collections() {
    let mut plan = territory();
    // Not a whole multiple of the amount unit (1,000).
    plan.scenarios[1].collections_target = Some(d("960500"));
    plan.scenarios[1].respreads.clear();
    let c = both(&plan);
    assert_eq!(c.collections_errors, ["Correction"]);
    let amount = compare_table(&EN, &plan, &c, Figure::Amount, Span::Year, &HashSet::new());
    assert!(amount.errors.is_empty(), "{:?}", amount.errors);
    let shown = compare_table(
        &EN,
        &plan,
        &c,
        Figure::Collections,
        Span::Year,
        &HashSet::new(),
    );
    assert_eq!(shown.errors.len(), 1);
    assert!(
        shown.errors[0].starts_with("“Correction”: the collections target cannot be broken down"),
        "{}",
        shown.errors[0]
    );
    assert_eq!(shown.rows[0].values, ["960,000", NO_VALUE]);
    let r0 = c.breakdowns[1].find("r0").unwrap();
    assert_eq!(
        c.value(0, 0, Figure::Collections, Span::Month(0)),
        Some(d("80000"))
    );
    assert_eq!(c.value(1, r0, Figure::Collections, Span::Month(0)), None);
    assert_eq!(
        c.value(1, r0, Figure::Amount, Span::Year),
        Some(d("600000"))
    );
}

#[test]
fn the_slide_shows_the_first_month_whose_collections_differ_and_says_so() {
    use crate::view::slides::compare_slide;
    let plan = territory();
    let c = both(&plan);
    // Amount and quantity are the same in every month: the slide shows the collections, in
    // January, where r0 collected 30,000 of 40,000.
    assert_eq!(c.first_month_differing(Figure::Amount), None);
    assert_eq!(c.first_month_differing(Figure::Collections), Some(0));
    let en = compare_slide(&EN, Lang::En, &plan, &c);
    assert_eq!(
        en.caption.as_deref(),
        Some(
            "Collections target · Jan 2027: every scenario has the same year; this is the \
             first month in which they differ."
        )
    );
    assert_eq!(en.table.rows[0].values, ["80,000", "70,000"]);
    assert_eq!(
        row(&en.table, "r0").deltas,
        [delta_of("-10,000", Trend::Down)]
    );
    let zh = compare_slide(&ZH, Lang::Zh, &plan, &c);
    assert_eq!(
        zh.caption.as_deref(),
        Some("回款目标 · 2027年1月：各方案的全年指标相同，这是最先出现差异的月份。")
    );
    assert_eq!(row(&zh.table, "r0").values, ["4万", "3万"]);
    let bars: Vec<&str> = zh
        .chart
        .iter()
        .flat_map(|c| &c.bars)
        .map(|b| b.text.as_str())
        .collect();
    assert_eq!(bars, ["-1万", "0万"]);

    // A re-spread of the sales: the amount, in its first month that differs.
    let mut sales = plan.clone();
    let respread = &mut sales.scenarios[1].respreads[0];
    respread.measure = Figure::Amount;
    respread.achieved = ["50000", "30000", "50000"].map(d).to_vec();
    let c = both(&sales);
    assert_eq!(c.first_month_differing(Figure::Amount), Some(1));
    let feb = compare_slide(&EN, Lang::En, &sales, &c);
    assert!(
        feb.caption
            .as_deref()
            .is_some_and(|c| c.starts_with("Amount target · Feb 2027: ")),
        "{:?}",
        feb.caption
    );
    assert_eq!(row(&feb.table, "r0").values, ["50,000", "30,000"]);

    // Scenarios whose years differ are compared over the year, on the amount, with no caption.
    let mut grown = plan.clone();
    grown.scenarios[1].respreads.clear();
    grown.scenarios[1].amount_target = d("1320000");
    let c = both(&grown);
    let year = compare_slide(&EN, Lang::En, &grown, &c);
    assert_eq!(year.caption, None);
    assert_eq!(year.table.rows[0].values, ["1,200,000", "1,320,000"]);
}
