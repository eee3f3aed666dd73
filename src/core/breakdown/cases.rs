//! Table-driven cases with numbers checked by hand.

use rust_decimal::Decimal;

use super::testing::*;
use super::*;
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::sample::{sample_plan, scaled_plan};
use crate::core::scenario::{Level, Measure, Method, Scenario};
use crate::core::tier::Tier;

/// Three regions (ids a, b, c) of one sub-district and one person each, with the given last
/// amounts (quantities a tenth of them).
fn three_regions(last: [i64; 3], s: Scenario) -> Plan {
    let regions = ["a", "b", "c"]
        .iter()
        .zip(last)
        .map(|(id, l)| {
            region(
                id,
                "50",
                10,
                l,
                vec![sub(
                    &format!("{id}1"),
                    [1; 6],
                    l,
                    vec![person(&format!("{id}11"), l, l / 10)],
                )],
            )
        })
        .collect();
    plan(regions, s)
}

fn amounts(b: &Breakdown, ids: &[&str]) -> Vec<Decimal> {
    annual_of(b, ids, Measure::Amount)
}

fn decimals(v: &[&str]) -> Vec<Decimal> {
    v.iter().map(|s| d(s)).collect()
}

fn compute_ok(p: &Plan) -> Breakdown {
    let s = &p.scenarios[0];
    let b = compute(p, s).unwrap_or_else(|e| panic!("breakdown failed:\n{e}"));
    check_rules(p, s, &b).unwrap_or_else(|e| panic!("rule broken: {e}"));
    b
}

/// A split of a company target over three regions and the amounts expected.
struct RegionCase {
    method: Method,
    last: [i64; 3],
    target: &'static str,
    unit: &'static str,
    want: [&'static str; 3],
}

#[test]
fn regions_split_by_method_as_checked_by_hand() {
    let case = |method, last, target, unit, want| RegionCase {
        method,
        last,
        target,
        unit,
        want,
    };
    let cases = [
        // 100 units of 10 over three: 33.3 each, the leftover unit to the first.
        case(Method::Even, [0, 0, 0], "1000", "10", ["340", "330", "330"]),
        // History 5:3:2 of 1000 is exact.
        case(
            Method::History,
            [500, 300, 200],
            "1000",
            "1",
            ["500", "300", "200"],
        ),
        // 1001 × .5/.3/.2 = 500.5, 300.3, 200.2: the largest remainder (.5) takes the unit.
        case(
            Method::History,
            [500, 300, 200],
            "1001",
            "1",
            ["501", "300", "200"],
        ),
        // 1000 × 1/3 each in units of 0.01 (100000 units): the extra 0.01 to the first.
        case(
            Method::History,
            [7, 7, 7],
            "1000",
            "0.01",
            ["333.34", "333.33", "333.33"],
        ),
        // 900 in units of 100 = 9 units by 1:1:2 → 2.25, 2.25, 4.5: the .5 takes the unit.
        case(
            Method::History,
            [1, 1, 2],
            "900",
            "100",
            ["200", "200", "500"],
        ),
    ];
    for RegionCase {
        method,
        last,
        target,
        unit,
        want,
    } in cases
    {
        let mut s = scenario(target, unit, "0", "1");
        s.methods.region = method;
        let p = three_regions(last, s);
        let b = compute_ok(&p);
        assert_eq!(
            amounts(&b, &["a", "b", "c"]),
            decimals(&want),
            "{method:?} over {last:?}, target {target}, unit {unit}"
        );
    }
}

#[test]
fn weighted_index_normalises_each_factor_and_breaks_ties_by_weight() {
    // Factor weights: administrative division 10, population 30, the rest 0.
    // d1: admin 1 of 1 → 10; population 1 of 4 → 7.5; score 17.5.
    // d2: admin 0 of 1 → 0;  population 3 of 4 → 22.5; score 22.5. Consumption is zero for both:
    // it contributes nothing. 1000 × 17.5/40 = 437.5, × 22.5/40 = 562.5: the remainders tie, the
    // heavier d2 gets the unit.
    let mut s = scenario("1000", "1", "40", "1");
    s.methods.subdistrict = Method::Weighted;
    s.factor_weights = crate::core::model::Factors::default();
    s.factor_weights.admin_division = d("10");
    s.factor_weights.population = d("30");
    s.factor_weights.consumption = d("50");
    let subs = vec![
        sub("d1", [1, 1, 0, 5, 5, 5], 0, vec![person("p1", 0, 0)]),
        sub("d2", [0, 3, 0, 9, 9, 9], 0, vec![person("p2", 0, 0)]),
    ];
    let p = plan(vec![region("r", "50", 10, 0, subs)], s);
    let b = compute_ok(&p);
    assert_eq!(
        amounts(&b, &["d1", "d2"]),
        decimals(&["437", "563"]),
        "scores 17.5 : 22.5 of 1000"
    );
    assert_eq!(
        annual_of(&b, &["d1", "d2"], Measure::Quantity),
        decimals(&["17", "23"]),
        "scores 17.5 : 22.5 of 40"
    );

    let e = explain(&p, &p.scenarios[0], "d2").unwrap();
    let parts: Vec<(&str, Decimal, Decimal, Decimal, Decimal)> = e
        .factors
        .iter()
        .map(|f| {
            (
                f.factor.key(),
                f.value,
                f.sibling_total,
                f.weight,
                f.contribution,
            )
        })
        .collect();
    assert_eq!(
        parts[0],
        ("admin_division", d("0"), d("1"), d("10"), d("0"))
    );
    assert_eq!(parts[1], ("population", d("3"), d("4"), d("30"), d("22.5")));
    assert_eq!(parts[2], ("consumption", d("0"), d("0"), d("50"), d("0")));
    let amount = &e.measures[0];
    let Basis::Share(share) = &amount.basis else {
        panic!("d2 is not locked: {:?}", amount.basis)
    };
    assert_eq!(
        (share.weight, share.sibling_weight_total, share.share),
        (d("22.5"), d("40"), d("0.5625"))
    );
    assert_eq!(
        (amount.exact, amount.rounded, amount.rounding),
        (d("562.5"), d("563"), d("0.5"))
    );
}

#[test]
fn manual_numbers_that_add_up_are_kept_and_others_are_proportions_with_a_warning() {
    let people = || vec![person("p1", 0, 0), person("p2", 0, 0), person("p3", 0, 0)];
    // (typed amounts, expected amounts, warned)
    let cases: &[([&str; 3], [&str; 3], bool)] = &[
        (["300", "200", "500"], ["300", "200", "500"], false),
        (["1", "1", "2"], ["250", "250", "500"], true),
        // A missing manual number weighs zero.
        (["3", "1", ""], ["750", "250", "0"], true),
    ];
    for (typed, want, warned) in cases {
        let mut s = scenario("1000", "1", "10", "1");
        s.methods.salesperson = Method::Manual;
        for (id, v) in ["p1", "p2", "p3"].iter().zip(typed) {
            if !v.is_empty() {
                manual(&mut s, id, v, "1");
            }
        }
        let p = plan(
            vec![region(
                "r",
                "50",
                10,
                0,
                vec![sub("d", [1; 6], 0, people())],
            )],
            s,
        );
        let b = compute_ok(&p);
        assert_eq!(
            amounts(&b, &["p1", "p2", "p3"]),
            decimals(want),
            "typed {typed:?}"
        );
        let warning = b.warnings().iter().any(|w| {
            matches!(w, BreakdownWarning::ManualSumDiffers { parent, measure: Measure::Amount, .. } if parent.id == "d")
        });
        assert_eq!(
            warning,
            *warned,
            "typed {typed:?}: warnings {:?}",
            b.warnings()
        );
    }
}

#[test]
fn locks_are_kept_and_the_rest_flows_to_the_unlocked_by_weight() {
    // 1000 with b locked at 600: 400 left over a (1) and c (2) → 133.33, 266.67.
    let mut s = scenario("1000", "1", "100", "1");
    s.methods.region = Method::History;
    lock(&mut s, "b", Some("600"), None);
    let p = three_regions([1, 1, 2], s);
    let b = compute_ok(&p);
    assert_eq!(
        amounts(&b, &["a", "b", "c"]),
        decimals(&["133", "600", "267"]),
        "b locked at 600 of 1000, a:c = 1:2"
    );
    let e = explain(&p, &p.scenarios[0], "c").unwrap();
    let Basis::Share(share) = &e.measures[0].basis else {
        panic!("c is not locked")
    };
    assert_eq!(
        (share.locked_siblings, share.remaining),
        (d("600"), d("400"))
    );
    assert_eq!(e.measures[0].exact.round_dp(4), d("266.6667"));
    assert_eq!(
        explain(&p, &p.scenarios[0], "b").unwrap().measures[0].basis,
        Basis::Locked { lock: d("600") }
    );
}

#[test]
fn all_zero_weights_split_evenly_with_a_warning_naming_the_parent() {
    let mut s = scenario("900", "1", "9", "1");
    s.methods.salesperson = Method::History;
    let people = vec![person("p1", 0, 0), person("p2", 0, 0), person("p3", 0, 0)];
    let p = plan(
        vec![region("r", "50", 10, 0, vec![sub("d", [1; 6], 0, people)])],
        s,
    );
    let b = compute_ok(&p);
    assert_eq!(
        amounts(&b, &["p1", "p2", "p3"]),
        decimals(&["300", "300", "300"])
    );
    let named: Vec<(&str, Measure)> = b
        .warnings()
        .iter()
        .filter_map(|w| match w {
            BreakdownWarning::ZeroWeights {
                parent, measure, ..
            } => Some((parent.id.as_str(), *measure)),
            _ => None,
        })
        .collect();
    assert_eq!(named, [("d", Measure::Amount), ("d", Measure::Quantity)]);
}

#[test]
fn tier_multipliers_scale_region_weights() {
    // Even weights × multipliers 2 (base camp), 1.5 (stronghold), 1 (contested), 0.5 (guerrilla)
    // = 2 : 1.5 : 1 : 0.5 of 1000.
    let mut s = scenario("1000", "1", "10", "1");
    s.methods.region_tier_multiplier = true;
    s.tier_policies.base_camp.multiplier = d("2");
    s.tier_policies.stronghold.multiplier = d("1.5");
    s.tier_policies.guerrilla.multiplier = d("0.5");
    let one = |id: &str| {
        vec![sub(
            &format!("{id}1"),
            [1; 6],
            0,
            vec![person(&format!("{id}11"), 0, 0)],
        )]
    };
    let regions = vec![
        region("base", "70", 10, 0, one("base")),
        region("strong", "45", 10, 0, one("strong")),
        region("contest", "20", 10, 0, one("contest")),
        region("guerrilla", "20", 0, 0, one("guerrilla")),
    ];
    let p = plan(regions, s);
    let b = compute_ok(&p);
    assert_eq!(
        amounts(&b, &["base", "strong", "contest", "guerrilla"]),
        decimals(&["400", "300", "200", "100"])
    );
    let e = explain(&p, &p.scenarios[0], "strong").unwrap();
    let tier = e.tier.unwrap();
    assert_eq!(
        (tier.tier, tier.multiplier, tier.applied, tier.overridden),
        (Tier::Stronghold, d("1.5"), true, false)
    );
    let Basis::Share(share) = &e.measures[0].basis else {
        panic!("not locked")
    };
    assert_eq!((share.base_weight, share.weight), (d("1"), d("1.5")));
}

#[test]
fn months_meet_the_years_and_the_parent_months_as_checked_by_hand() {
    // 100 over months 8% ×8 and 9% ×4: the company's months are exact. Regions 33 and 67
    // (history 1:2). Exact cells: 33 × 8/100 = 2.64, 33 × 9/100 = 2.97, 67 × 8/100 = 5.36,
    // 67 × 9/100 = 6.03. Floors leave a 33 short by 9 and b 67 by 3, every month by 1: the .97s
    // (4 months) and five .64s go to the 33, three .36s to the 67.
    let mut s = scenario("100", "1", "0", "1");
    s.methods.region = Method::History;
    let one = |id: &str| {
        vec![sub(
            &format!("{id}1"),
            [1; 6],
            0,
            vec![person(&format!("{id}11"), 0, 0)],
        )]
    };
    let p = plan(
        vec![
            region("a", "50", 1, 1, one("a")),
            region("b", "50", 1, 2, one("b")),
        ],
        s,
    );
    let b = compute_ok(&p);
    let months = |id: &str| {
        b.monthly_units(b.find(id).unwrap(), Measure::Amount)
            .to_vec()
    };
    assert_eq!(months("plan"), [8, 8, 8, 8, 8, 8, 8, 8, 9, 9, 9, 9]);
    assert_eq!(
        months("a"),
        [3, 3, 3, 3, 3, 2, 2, 2, 3, 3, 3, 3],
        "33 over the months"
    );
    assert_eq!(
        months("b"),
        [5, 5, 5, 5, 5, 6, 6, 6, 6, 6, 6, 6],
        "67 over the months"
    );
    let e = explain(&p, &p.scenarios[0], "a").unwrap();
    let june = &e.measures[0].months[5];
    assert_eq!(
        (june.month, june.parent_value, june.exact, june.rounded),
        (
            YearMonth::new(2027, 6).unwrap(),
            Some(d("8")),
            d("2.64"),
            d("2")
        )
    );
    assert_eq!(june.rounding, d("-0.64"));
}

#[test]
fn every_problem_is_reported_at_once_and_no_numbers_are_given() {
    let mut s = scenario("1000", "0", "-5", "1");
    s.methods.region = Method::Weighted;
    s.seasonality[2] = None;
    let p = three_regions([1, 1, 1], s);
    let errors = compute(&p, &p.scenarios[0])
        .expect_err("a zero unit and more must fail")
        .0;
    let march = YearMonth::new(2027, 3).unwrap();
    assert_eq!(
        errors,
        vec![
            BreakdownError::UnitNotPositive {
                measure: Measure::Amount,
                field: "amount_unit",
                value: d("0")
            },
            BreakdownError::NegativeTarget {
                measure: Measure::Quantity,
                field: "quantity_target",
                value: d("-5")
            },
            BreakdownError::SeasonalityMissing {
                index: 2,
                month: march
            },
            BreakdownError::MethodNotAllowed {
                level: Level::Region,
                method: Method::Weighted,
                allowed: Level::Region.methods()
            },
        ]
    );
    let text: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        text,
        [
            "amount_unit must be greater than zero (it is 0)",
            "quantity_target must not be negative (it is -5)",
            "the seasonality share of 2027-03 is missing",
            "the weighted method cannot split targets over regions; use one of: even, history, manual",
        ]
    );
}

#[test]
fn seasonality_must_have_every_month_and_total_exactly_100() {
    let cases: &[(&[&str], &str)] = &[
        (
            &["8", "8", "8", "8", "8", "8", "8", "8", "9", "9", "9", "8.5"],
            "the seasonality shares total 99.5%, not 100%",
        ),
        (
            &["50", "50"],
            "the seasonality profile has 2 months; the period has 12",
        ),
        (
            &["-8", "16", "8", "8", "8", "8", "8", "8", "9", "9", "9", "9"],
            "the seasonality share of 2027-01 must not be negative (it is -8%)",
        ),
    ];
    for (shares, want) in cases {
        let mut s = scenario("1000", "1", "10", "1");
        s.seasonality = shares.iter().map(|v| Some(d(v))).collect();
        let p = three_regions([1, 1, 1], s);
        let errors = compute(&p, &p.scenarios[0])
            .expect_err("bad seasonality")
            .to_string();
        assert_eq!(errors, *want, "shares {shares:?}");
    }
}

#[test]
fn lock_problems_name_the_parent_the_nodes_and_the_values() {
    // (locks on a, b, c as amounts, expected message)
    let cases: &[([Option<&str>; 3], &str)] = &[
        (
            [Some("600"), Some("500"), None],
            "the locked amounts under company 'Test Co.' (plan) total 1100, more than its 1000: \
             region 'Region a' (a) 600, region 'Region b' (b) 500",
        ),
        (
            [Some("300"), Some("300"), Some("300")],
            "every child of company 'Test Co.' (plan) is locked and their amounts total 900, not its 1000: \
             region 'Region a' (a) 300, region 'Region b' (b) 300, region 'Region c' (c) 300",
        ),
        (
            [Some("305"), None, None],
            "region 'Region a' (a): the locked amount 305 is not a whole multiple of the unit 10",
        ),
        (
            [None, Some("-10"), None],
            "region 'Region b' (b): the locked amount must not be negative (it is -10)",
        ),
    ];
    for (locks, want) in cases {
        let mut s = scenario("1000", "10", "10", "1");
        for (id, l) in ["a", "b", "c"].iter().zip(locks) {
            if l.is_some() {
                lock(&mut s, id, *l, None);
            }
        }
        let p = three_regions([1, 1, 1], s);
        let errors = compute(&p, &p.scenarios[0])
            .expect_err("bad locks")
            .to_string();
        assert_eq!(errors, *want, "locks {locks:?}");
    }
}

#[test]
fn problems_deep_in_the_tree_are_found_beside_problems_above_them() {
    // The regions' locks exceed the company, and under locked region a its sub-district's
    // people are locked beyond it: both are reported, a's value being known from its lock.
    let mut s = scenario("1000", "1", "10", "1");
    lock(&mut s, "a", Some("700"), None);
    lock(&mut s, "b", Some("700"), None);
    lock(&mut s, "a11", Some("800"), None);
    let p = three_regions([1, 1, 1], s);
    let errors = compute(&p, &p.scenarios[0]).expect_err("locks exceed").0;
    let parents: Vec<&str> = errors
        .iter()
        .map(|e| match e {
            BreakdownError::LocksExceedParent { parent, .. }
            | BreakdownError::LocksDoNotAddUp { parent, .. } => parent.id.as_str(),
            other => panic!("unexpected {other}"),
        })
        .collect();
    assert_eq!(parents, ["plan", "a1"]);
}

#[test]
fn empty_levels_and_unknown_ids_are_warnings_not_errors() {
    let mut s = scenario("1000", "1", "10", "1");
    lock(&mut s, "ghost", Some("5"), None);
    let p = plan(
        vec![
            region("a", "50", 1, 1, vec![]),
            region("b", "50", 1, 1, vec![sub("b1", [1; 6], 0, vec![])]),
        ],
        s,
    );
    let b = compute_ok(&p);
    let text: Vec<String> = b.warnings().iter().map(|w| w.to_string()).collect();
    assert_eq!(
        text,
        [
            "the lock for 'ghost' is ignored: no region, sub-district or salesperson has that id",
            "region 'Region a' (a) has no sub-districts; its target is not broken down further",
            "sub-district 'District b1' (b1) has no salespeople; its target is not broken down further",
        ]
    );
}

#[test]
fn the_sample_and_the_synthetic_plans_break_down_cleanly() {
    for p in [
        sample_plan(Lang::Zh),
        sample_plan(Lang::En),
        scaled_plan(300),
    ] {
        for s in &p.scenarios {
            let b = compute(&p, s).unwrap_or_else(|e| panic!("{} / {}: {e}", p.name, s.name));
            check_rules(&p, s, &b).unwrap_or_else(|e| panic!("{} / {}: {e}", p.name, s.name));
            assert!(b.warnings().is_empty(), "{}: {:?}", s.name, b.warnings());
        }
    }
}

#[test]
fn the_company_explains_its_months_by_seasonality() {
    let p = sample_plan(Lang::En);
    let s = p.adopted().unwrap();
    let e = explain(&p, s, &p.id).unwrap();
    assert_eq!((e.method, e.parent.is_none()), (None, true));
    let jan = &e.measures[0].months[0];
    // 118,000,000 × 11% = 12,980,000 exactly.
    assert_eq!(
        (jan.seasonality, jan.exact, jan.rounded),
        (d("11"), d("12980000"), d("12980000"))
    );
    assert_eq!(
        explain(&p, s, "nobody"),
        Err(ExplainError::UnknownNode("nobody".into()))
    );
}

#[test]
fn an_even_year_splits_into_equal_months_by_largest_remainder() {
    // A new scenario's months weigh the same: 50,000,000 at a unit of 1,000 is 50,000 units
    // over twelve months, 4,166 each and 8 left over, one each to the first eight months.
    let mut s = scenario("50000000", "1000", "1200", "1");
    s.seasonality = Scenario::with_defaults("x".into(), "x".into(), 12).seasonality;
    assert!(s.even_months());
    let p = three_regions([1, 1, 1], s.clone());
    let b = compute(&p, &s).expect("breakdown");
    let months: Vec<Decimal> = b.monthly(0, Measure::Amount).collect();
    let want: Vec<Decimal> = (0..12)
        .map(|j| Decimal::from(if j < 8 { 4_167_000 } else { 4_166_000 }))
        .collect();
    assert_eq!(months, want);
    assert_eq!(
        b.monthly(0, Measure::Quantity).collect::<Vec<_>>(),
        vec![Decimal::from(100); 12]
    );
    check_rules(&p, &s, &b).unwrap();
    let x = explain(&p, &s, "plan").unwrap();
    assert!(x.even_months);
    assert_eq!(x.measures[0].months[0].rounded, Decimal::from(4_167_000));
}

#[test]
fn a_new_scenario_splits_evenly_at_every_level_so_empty_data_gets_numbers() {
    let s = Scenario::with_defaults("s".into(), "s".into(), 12);
    for level in [Level::Region, Level::Subdistrict, Level::Salesperson] {
        assert_eq!(s.methods.get(level), Method::Even, "{level:?}");
    }
    // A territory with no history and no factors: everybody still gets a share.
    let mut s = s;
    s.amount_target = Decimal::from(50_000_000);
    s.quantity_target = Decimal::from(1200);
    let p = three_regions([0, 0, 0], s.clone());
    let b = compute(&p, &s).expect("breakdown");
    assert!(b.warnings().is_empty(), "{:?}", b.warnings());
    assert_eq!(zero_targets(&p, &s, &b), vec![]);
}
