//! Re-spreads (纠偏) through the whole breakdown: hand-checked numbers on a small territory,
//! and the rules that hold for any plan, actuals and node.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::respread::{Outcome, achieved_units};
use super::testing::{d, person, plan, region, scenario, sub};
use super::*;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::respread::{Respread, Spread};
use crate::core::scenario::{Measure, Scenario};

/// Two regions of one sub-district of two people; 1,200,000 at a unit of 1,000 and 120 units.
fn territory(even_months: bool) -> Plan {
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
    if even_months {
        s.seasonality.clear();
    }
    plan(
        vec![
            region("r0", "50", 10, 0, vec![team("0")]),
            region("r1", "50", 10, 0, vec![team("1")]),
        ],
        s,
    )
}

fn respread(node: &str, measure: Measure, as_of: u32, how: Spread, achieved: &[&str]) -> Respread {
    Respread {
        node: node.into(),
        measure: measure.into(),
        as_of: YearMonth::new(2027, as_of).unwrap(),
        how,
        reason: "behind pace".into(),
        achieved: achieved.iter().map(|a| d(a)).collect(),
    }
}

fn with(plan: &Plan, r: Respread) -> Scenario {
    let mut s = plan.scenarios[0].clone();
    s.respreads.push(r);
    s
}

fn months(b: &Breakdown, id: &str, m: Measure) -> Vec<i64> {
    b.monthly_units(b.find(id).unwrap(), m).to_vec()
}

/// Every level sums on both margins, no month is negative, and every year is as in `before`.
fn check_sums(before: &Breakdown, b: &Breakdown) -> Result<(), TestCaseError> {
    for m in Measure::ALL {
        for i in 0..b.nodes().len() {
            let row = b.monthly_units(i, m);
            let id = &b.nodes()[i].id;
            prop_assert!(row.iter().all(|&v| v >= 0), "{} {:?}: {:?}", id, m, row);
            prop_assert_eq!(
                row.iter().sum::<i64>(),
                b.annual_units(i, m),
                "{} {:?}",
                id,
                m
            );
            prop_assert_eq!(
                b.annual_units(i, m),
                before.annual_units(i, m),
                "{} {:?} year",
                id,
                m
            );
            if b.children(i).len() == 0 {
                continue;
            }
            for (k, &month) in row.iter().enumerate() {
                let below: i64 = b.children(i).map(|c| b.monthly_units(c, m)[k]).sum();
                prop_assert_eq!(below, month, "{} {:?} month {}", id, m, k);
            }
        }
    }
    Ok(())
}

#[test]
fn an_even_respread_of_a_region_moves_the_company_and_resplits_its_people() {
    // Equal months: the company 100 units a month, each region and sub-district 50, each
    // person 25. Region r0 achieved 40.4, 44.6 and 30 thousand through March: 40, 45, 30
    // units (rounded on the running total: 40.4 → 40, 85 → 85, 115 → 115), 35 short of 150.
    // The 35 go evenly over the nine months left: 4 in April–November, 3 in December.
    let plan = territory(true);
    let before = compute(&plan, &plan.scenarios[0]).unwrap();
    let r = respread(
        "r0",
        Measure::Amount,
        3,
        Spread::Even,
        &["40400", "44600", "30000"],
    );
    let b = compute(&plan, &with(&plan, r)).unwrap();
    let mut r0 = vec![40, 45, 30];
    r0.extend([54; 8]);
    r0.push(53);
    assert_eq!(months(&b, "r0", Measure::Amount), r0);
    assert_eq!(
        months(&b, "d0", Measure::Amount),
        r0,
        "its only sub-district"
    );
    let company: Vec<i64> = r0.iter().map(|v| v + 50).collect();
    assert_eq!(months(&b, "plan", Measure::Amount), company);
    assert_eq!(
        months(&b, "r1", Measure::Amount),
        vec![50; 12],
        "r1 untouched"
    );
    assert_eq!(months(&b, "p1a", Measure::Amount), vec![25; 12]);
    // The two people of r0 (300 a year each) split its new months: 45 and 53 are the odd
    // months; the first person takes the first odd unit, the second the other.
    let mut pa = vec![20, 23, 15];
    pa.extend([27; 8]);
    pa.push(26);
    let mut pb = vec![20, 22, 15];
    pb.extend([27; 8]);
    pb.push(27);
    assert_eq!(months(&b, "p0a", Measure::Amount), pa);
    assert_eq!(months(&b, "p0b", Measure::Amount), pb);
    assert_eq!(
        months(&b, "r0", Measure::Quantity),
        months(&before, "r0", Measure::Quantity),
        "the other measure is not re-spread"
    );
    check_sums(&before, &b).unwrap();
    let applied = &b.respreads()[0];
    assert_eq!(
        (applied.gap, applied.outcome, applied.upto),
        (35, Outcome::Spread, 3)
    );
}

#[test]
fn a_seasonal_respread_follows_the_profile_of_the_remaining_months() {
    // Seasonality 8% × 8 months, 9% × 4: region r0 has 48 a month, then 54. Achieved 115
    // through March against 144: 29 over April–December weighing 8, 8, 8, 8, 8, 9, 9, 9, 9
    // (76): 3.05 × 5 and 3.43 × 4 → 3 each, and the two units left to the largest remainders
    // (the 9% months, the earlier first: September, October).
    let plan = territory(false);
    let before = compute(&plan, &plan.scenarios[0]).unwrap();
    let r = respread(
        "r0",
        Measure::Amount,
        3,
        Spread::Seasonal,
        &["40000", "45000", "30000"],
    );
    let b = compute(&plan, &with(&plan, r)).unwrap();
    assert_eq!(
        months(&b, "r0", Measure::Amount),
        [40, 45, 30, 51, 51, 51, 51, 51, 58, 58, 57, 57]
    );
    assert_eq!(b.annual_units(b.find("r0").unwrap(), Measure::Amount), 600);
    check_sums(&before, &b).unwrap();
}

#[test]
fn a_person_ahead_of_the_year_keeps_it_in_the_months_to_date_and_nothing_goes_negative() {
    // Person p0a (300 thousand a year, 25 a month) sold 200 and 150 thousand in January and
    // February: 350, more than the year. The year's 300 is split 200 : 150 (171.4, 128.6 →
    // 171, 129) and every month after is zero; the sub-district and region move by the same
    // amounts, never below zero.
    let plan = territory(true);
    let before = compute(&plan, &plan.scenarios[0]).unwrap();
    let r = respread(
        "p0a",
        Measure::Amount,
        2,
        Spread::Even,
        &["200000", "150000"],
    );
    let b = compute(&plan, &with(&plan, r)).unwrap();
    let mut pa = vec![171, 129];
    pa.extend([0; 10]);
    assert_eq!(months(&b, "p0a", Measure::Amount), pa);
    let mut d0 = vec![196, 154];
    d0.extend([25; 10]);
    assert_eq!(months(&b, "d0", Measure::Amount), d0);
    assert_eq!(months(&b, "p0b", Measure::Amount), vec![25; 12]);
    assert_eq!(b.respreads()[0].outcome, Outcome::AheadOfYear);
    check_sums(&before, &b).unwrap();
}

#[test]
fn a_quantity_respread_rounds_to_the_quantity_unit_and_explains_its_months() {
    // 120 units a year: r0 has 5 a month. Achieved 2.4, 2.4, 2.4 (7.2 → 7 units: 2, 3, 2);
    // gap 8 over nine months, evenly: 1 each, minus one in December.
    let plan = territory(true);
    let r = respread(
        "r0",
        Measure::Quantity,
        3,
        Spread::Even,
        &["2.4", "2.4", "2.4"],
    );
    let s = with(&plan, r);
    let b = compute(&plan, &s).unwrap();
    assert_eq!(
        months(&b, "r0", Measure::Quantity),
        [2, 3, 2, 6, 6, 6, 6, 6, 6, 6, 6, 5]
    );
    let x = explain_in(&b, &plan, &s, "r0").unwrap();
    let march = &x.measures[Measure::Quantity.index()].months[2];
    let r0 = &march.respreads[0];
    assert!(r0.own && r0.to_date);
    assert_eq!(
        (r0.planned, r0.change, r0.achieved, r0.gap),
        (d("5"), d("-3"), d("7"), d("8"))
    );
    assert_eq!((march.exact, march.rounding), (d("2"), Decimal::ZERO));
    let company_april = &explain_in(&b, &plan, &s, "plan").unwrap().measures[1].months[3];
    assert_eq!(
        company_april.respreads.len(),
        1,
        "the company's months move with r0"
    );
    assert!(!company_april.respreads[0].own);
    assert_eq!(company_april.respreads[0].change, d("1"));
    let other = &explain_in(&b, &plan, &s, "r1").unwrap().measures[1].months[3];
    assert!(other.respreads.is_empty());
}

#[test]
fn a_respread_that_no_longer_fits_is_ignored_with_a_warning() {
    let plan = territory(true);
    let mut r = respread("gone", Measure::Amount, 3, Spread::Even, &["1", "1", "1"]);
    let b = compute(&plan, &with(&plan, r.clone())).unwrap();
    assert!(b.respreads().is_empty());
    assert!(b.warnings().contains(&BreakdownWarning::RespreadIgnored {
        node: "gone".into(),
        as_of: r.as_of
    }));
    r.node = "r0".into();
    r.as_of = YearMonth::new(2027, 12).unwrap();
    let b = compute(&plan, &with(&plan, r)).unwrap();
    assert!(b.respreads().is_empty(), "no month left after December");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]
    #[test]
    fn any_respread_keeps_every_level_summing_every_year_and_no_month_negative(
        plan in properties::valid_plan(),
        pick in any::<prop::sample::Index>(),
        measure in prop::sample::select(&Measure::ALL[..]),
        how in prop::sample::select(&Spread::ALL[..]),
        as_of in any::<prop::sample::Index>(),
        achieved in prop::collection::vec(
            prop_oneof![Just(0u64), 0u64..100, 0u64..10_000_000, Just(u64::MAX / 2)], 12),
        cents in any::<bool>(),
    ) {
        let Ok(before) = compute(&plan, &plan.scenarios[0]) else {
            return Ok(());
        };
        let months = plan.period.months();
        prop_assume!(months.len() > 1);
        let upto = as_of.index(months.len() - 1) + 1;
        let node = pick.get(before.nodes()).id.clone();
        let figures: Vec<Decimal> = achieved[..upto]
            .iter()
            .map(|&a| Decimal::new(a as i64, if cents { 2 } else { 0 }))
            .collect();
        let r = Respread {
            node: node.clone(),
            measure: measure.into(),
            as_of: months[upto - 1],
            how,
            reason: "x".into(),
            achieved: figures.clone(),
        };
        let mut s = plan.scenarios[0].clone();
        s.respreads.push(r);
        let b = compute(&plan, &s).expect("a re-spread never makes a breakdown fail");
        check_sums(&before, &b)?;
        let i = b.find(&node).unwrap();
        let applied = &b.respreads()[0];
        prop_assert_eq!(applied.node, i);
        if applied.outcome != Outcome::AheadOfYear {
            let want = achieved_units(&figures, b.unit(measure));
            prop_assert_eq!(&b.monthly_units(i, measure)[..upto], &want[..]);
        }
        // Nodes beside the re-spread node's line keep their months.
        for j in 0..b.nodes().len() {
            if !b.contains(j, i) && !b.contains(i, j) {
                prop_assert_eq!(b.monthly_units(j, measure), before.monthly_units(j, measure));
            }
        }
    }
}
