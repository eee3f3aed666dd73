//! Collections re-spreads (纠偏 on 回款): hand-checked numbers on a small territory, and the
//! rules that hold for any plan, collections target and node.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::respread::{Outcome, achieved_units};
use super::testing::{d, person, plan, region, scenario, sub};
use super::*;
use crate::core::execution::Figure;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::respread::{Respread, RespreadError, Spread};
use crate::core::scenario::{Measure, Scenario};

/// Two regions of one sub-district of two people, equal months: 1,200,000 of sales at a unit
/// of 1,000, and 960,000 to collect — 80 units a month for the company, 40 for each region
/// and sub-district, 20 for each person.
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
    plan(
        vec![
            region("r0", "50", 10, 0, vec![team("0")]),
            region("r1", "50", 10, 0, vec![team("1")]),
        ],
        s,
    )
}

fn collections_respread(node: &str, as_of: u32, how: Spread, achieved: &[&str]) -> Respread {
    Respread {
        node: node.into(),
        measure: Figure::Collections,
        as_of: YearMonth::new(2027, as_of).unwrap(),
        how,
        reason: "collections overdue".into(),
        achieved: achieved.iter().map(|a| d(a)).collect(),
    }
}

fn with(plan: &Plan, r: Respread) -> Scenario {
    let mut s = plan.scenarios[0].clone();
    s.respreads.push(r);
    s
}

/// The breakdown and its collections targets of `s`.
fn computed(plan: &Plan, s: &Scenario) -> (Breakdown, Collections) {
    let b = compute(plan, s).unwrap();
    let c = collections(s, &b).unwrap().unwrap();
    (b, c)
}

fn months(b: &Breakdown, c: &Collections, id: &str) -> Vec<i64> {
    c.monthly_units(b.find(id).unwrap()).to_vec()
}

#[test]
fn an_even_collections_respread_carries_the_uncollected_balance() {
    // Region r0 collected 30,000, 35,400 and 20,000 through March: 30, 35, 20 units (rounded on
    // the running total: 30 → 30, 65.4 → 65, 85.4 → 85), 35 short of the 120 due. The 35 go
    // evenly over the nine months left: 4 in April–November, 3 in December.
    let plan = territory();
    let (before, c0) = computed(&plan, &plan.scenarios[0]);
    assert_eq!(months(&before, &c0, "r0"), vec![40; 12]);
    let r = collections_respread("r0", 3, Spread::Even, &["30000", "35400", "20000"]);
    let (b, c) = computed(&plan, &with(&plan, r));
    let mut r0 = vec![30, 35, 20];
    r0.extend([44; 8]);
    r0.push(43);
    assert_eq!(months(&b, &c, "r0"), r0);
    assert_eq!(months(&b, &c, "d0"), r0, "its only sub-district");
    let company: Vec<i64> = r0.iter().map(|v| v + 40).collect();
    assert_eq!(months(&b, &c, "plan"), company);
    assert_eq!(months(&b, &c, "r1"), vec![40; 12], "r1 untouched");
    assert_eq!(months(&b, &c, "p1a"), vec![20; 12]);
    // The two people of r0 (240 a year each) split its new months; 35 and 43 are the odd
    // months: the first person takes the first odd unit, the second the other.
    let mut pa = vec![15, 18, 10];
    pa.extend([22; 8]);
    pa.push(21);
    let mut pb = vec![15, 17, 10];
    pb.extend([22; 8]);
    pb.push(22);
    assert_eq!(months(&b, &c, "p0a"), pa);
    assert_eq!(months(&b, &c, "p0b"), pb);
    // Years unchanged; the sales targets untouched.
    for i in 0..b.nodes().len() {
        assert_eq!(c.annual(i), c0.annual(i));
        for m in Measure::ALL {
            assert_eq!(b.monthly_units(i, m), before.monthly_units(i, m));
        }
    }
    assert!(b.respreads().is_empty(), "not an amount re-spread");
    let applied = &c.respreads()[0];
    assert_eq!((applied.gap, applied.outcome), (35, Outcome::Spread));
    assert_eq!(applied.measure, Figure::Collections);
}

#[test]
fn collections_ahead_of_pace_lower_the_months_after() {
    // Person p0a collected 30,000 and 30,000 (60 units) against 40 due: 20 ahead, cut evenly
    // from the ten months left: 2 each, 18 a month.
    let plan = territory();
    let r = collections_respread("p0a", 2, Spread::Even, &["30000", "30000"]);
    let (b, c) = computed(&plan, &with(&plan, r));
    let mut p0a = vec![30, 30];
    p0a.extend([18; 10]);
    assert_eq!(months(&b, &c, "p0a"), p0a);
    let mut r0 = vec![50, 50];
    r0.extend([38; 10]);
    assert_eq!(
        months(&b, &c, "r0"),
        r0,
        "its region moves by the same amounts"
    );
    assert_eq!(months(&b, &c, "p0b"), vec![20; 12]);
}

#[test]
fn a_collections_respread_needs_a_collections_target() {
    let mut plan = territory();
    let r = collections_respread("r0", 3, Spread::Even, &["1", "2", "3"]);
    assert_eq!(r.check_in(&plan, &plan.scenarios[0]), Ok(()));
    plan.scenarios[0].collections_target = None;
    assert_eq!(
        r.check_in(&plan, &plan.scenarios[0]),
        Err(RespreadError::NoCollectionsTarget)
    );
}

/// Every node's collections sum over its months to its year and over its children to the
/// parent's month; no month is negative.
fn check_collections(b: &Breakdown, c: &Collections) -> Result<(), TestCaseError> {
    for i in 0..b.nodes().len() {
        let row = c.monthly_units(i);
        prop_assert!(
            row.iter().all(|&v| v >= 0),
            "{}: {:?}",
            b.nodes()[i].id,
            row
        );
        prop_assert_eq!(c.to_decimal(row.iter().sum::<i64>()), c.annual(i));
        if b.children(i).len() == 0 {
            continue;
        }
        for (k, &month) in row.iter().enumerate() {
            let below: i64 = b.children(i).map(|ch| c.monthly_units(ch)[k]).sum();
            prop_assert_eq!(below, month, "{} month {}", b.nodes()[i].id, k);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn any_collections_respread_keeps_every_level_summing_and_every_year(
        plan in properties::valid_plan(),
        pick in any::<prop::sample::Index>(),
        how in prop::sample::select(&Spread::ALL[..]),
        as_of in any::<prop::sample::Index>(),
        share in 0u64..=100,
        achieved in prop::collection::vec(
            prop_oneof![Just(0u64), 0u64..100, 0u64..10_000_000, Just(u64::MAX / 2)], 12),
    ) {
        let mut plan = plan;
        let Ok(before) = compute(&plan, &plan.scenarios[0]) else {
            return Ok(());
        };
        // Collect `share` percent of the sales, in whole amount units.
        let unit = before.unit(Measure::Amount);
        let units = before.annual_units(0, Measure::Amount) * share as i64 / 100;
        plan.scenarios[0].collections_target = Some(Decimal::from(units) * unit);
        let Some(Ok(c0)) = collections(&plan.scenarios[0], &before) else {
            return Ok(());
        };
        let months = plan.period.months();
        prop_assume!(months.len() > 1);
        let upto = as_of.index(months.len() - 1) + 1;
        let node = pick.get(before.nodes()).id.clone();
        let figures: Vec<Decimal> = achieved[..upto].iter().map(|&a| Decimal::from(a)).collect();
        let r = Respread {
            node: node.clone(),
            measure: Figure::Collections,
            as_of: months[upto - 1],
            how,
            reason: "x".into(),
            achieved: figures.clone(),
        };
        let s = with(&plan, r);
        let b = compute(&plan, &s).expect("a collections re-spread never makes a breakdown fail");
        let c = collections(&s, &b).expect("a target").expect("a valid target");
        check_collections(&b, &c)?;
        let i = b.find(&node).unwrap();
        for j in 0..b.nodes().len() {
            prop_assert_eq!(c.annual(j), c0.annual(j), "years unchanged");
            for m in Measure::ALL {
                prop_assert_eq!(b.monthly_units(j, m), before.monthly_units(j, m));
            }
            if !b.contains(j, i) && !b.contains(i, j) {
                prop_assert_eq!(c.monthly_units(j), c0.monthly_units(j));
            }
        }
        let applied = &c.respreads()[0];
        if applied.outcome != Outcome::AheadOfYear {
            let want = achieved_units(&figures, unit);
            prop_assert_eq!(&c.monthly_units(i)[..upto], &want[..]);
        }
    }
}
