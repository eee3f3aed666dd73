//! Property tests over many generated plans: the rules of the domain page hold for every plan,
//! every method, every lock, and nothing panics on any input.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::testing::*;
use super::*;
use crate::core::model::{Factor, Plan, Region, SubDistrict};
use crate::core::period::{Period, PeriodKind, YearMonth};
use crate::core::scenario::{Measure, Method, NodeValues};
use crate::core::tier::TierOverride;

const UNITS: [&str; 7] = ["1", "10", "100", "1000", "0.01", "0.5", "3"];
const MULTIPLIERS: [&str; 5] = ["0", "0.5", "1", "1.2", "2"];

/// A territory of up to 5 regions × 4 sub-districts × 4 people with figures that are often zero.
fn territory() -> impl Strategy<Value = Vec<Region>> {
    let figure = || prop_oneof![Just(0i64), 0i64..50, 0i64..1_000_000];
    let person_figures = (figure(), figure());
    let sub_figures = (
        prop::array::uniform6(0i64..20),
        figure(),
        prop::collection::vec(person_figures, 0..5),
    );
    let region_figures = (
        0u32..1000,
        0u32..4,
        figure(),
        prop::collection::vec(sub_figures, 0..5),
    );
    prop::collection::vec(region_figures, 0..6).prop_map(|regions| {
        regions
            .into_iter()
            .enumerate()
            .map(|(ri, (share, customers, last, subs))| {
                let subs = subs
                    .into_iter()
                    .enumerate()
                    .map(|(di, (factors, last, people))| {
                        let people = people
                            .into_iter()
                            .enumerate()
                            .map(|(pi, (amount, quantity))| {
                                person(&format!("p{ri}.{di}.{pi}"), amount, quantity)
                            })
                            .collect();
                        sub(&format!("d{ri}.{di}"), factors, last, people)
                    })
                    .collect();
                region(
                    &format!("r{ri}"),
                    &Decimal::new(share as i64, 1).to_string(),
                    customers,
                    last,
                    subs,
                )
            })
            .collect()
    })
}

/// Twelve month shares in hundredths of a percent that total exactly 100%.
fn seasonality() -> impl Strategy<Value = Vec<Option<Decimal>>> {
    prop::collection::vec(0u32..=10_000, 11).prop_map(|mut cuts| {
        cuts.push(0);
        cuts.push(10_000);
        cuts.sort_unstable();
        cuts.windows(2)
            .map(|w| Some(Decimal::new(i64::from(w[1] - w[0]), 2)))
            .collect()
    })
}

fn method(weighted_allowed: bool) -> impl Strategy<Value = Method> {
    let methods: Vec<Method> = Method::ALL
        .into_iter()
        .filter(|&m| weighted_allowed || m != Method::Weighted)
        .collect();
    prop::sample::select(methods)
}

/// Values for some of the nodes: (node pick, amount units, quantity units, which measures).
type Picks = Vec<(prop::sample::Index, u32, u32, u8)>;

fn picks(max: usize) -> impl Strategy<Value = Picks> {
    prop::collection::vec(
        (any::<prop::sample::Index>(), 0u32..500, 0u32..50, 1u8..4),
        0..max,
    )
}

fn all_ids(regions: &[Region]) -> Vec<String> {
    let mut ids = Vec::new();
    for r in regions {
        ids.push(r.id.clone());
        for d in &r.subdistricts {
            ids.push(d.id.clone());
            ids.extend(d.salespeople.iter().map(|p| p.id.clone()));
        }
    }
    ids
}

fn node_values(
    picks: &Picks,
    ids: &[String],
    amount_unit: Decimal,
    quantity_unit: Decimal,
) -> Vec<(String, NodeValues)> {
    if ids.is_empty() {
        return Vec::new();
    }
    picks
        .iter()
        .map(|(at, a, q, which)| {
            let values = NodeValues {
                amount: (which & 1 != 0).then(|| Decimal::from(*a) * amount_unit),
                quantity: (which & 2 != 0).then(|| Decimal::from(*q) * quantity_unit),
            };
            (at.get(ids).clone(), values)
        })
        .collect()
}

/// A valid plan: any period kind, whole-unit targets and locks, methods allowed at their
/// levels, seasonality totalling 100%. Locks may still exceed their parents (an error the tests expect then).
pub(super) fn valid_plan() -> impl Strategy<Value = Plan> {
    let units = (
        prop::sample::select(&UNITS[..]),
        prop::sample::select(&UNITS[..4]),
    );
    let targets = (
        prop_oneof![1 => Just(0u64), 1 => 0u64..100, 4 => 0u64..100_000_000],
        0u64..1_000_000,
    );
    let methods = (method(false), any::<bool>(), method(true), method(false));
    let weights = (
        prop::array::uniform6(prop_oneof![Just(0u32), 0u32..40]),
        prop::array::uniform4(prop::sample::select(&MULTIPLIERS[..])),
    );
    (
        territory(),
        units,
        targets,
        methods,
        weights,
        seasonality(),
        picks(3),
        picks(12),
        any::<Option<(prop::sample::Index, u8)>>(),
        (prop::sample::select(&PeriodKind::ALL[..]), 1u32..=12),
    )
        .prop_map(
            |(
                regions,
                (au, qu),
                (at, qt),
                (rm, tiered, dm, pm),
                (factor_weights, multipliers),
                season,
                locks,
                manual,
                over,
                (kind, start),
            )| {
                let (au, qu) = (d(au), d(qu));
                let mut s = scenario("0", "1", "0", "1");
                s.amount_unit = au;
                s.quantity_unit = qu;
                s.amount_target = Decimal::from(at) * au;
                s.quantity_target = Decimal::from(qt) * qu;
                s.methods.region = rm;
                s.methods.region_tier_multiplier = tiered;
                s.methods.subdistrict = dm;
                s.methods.salesperson = pm;
                for (f, w) in Factor::ALL.into_iter().zip(factor_weights) {
                    *s.factor_weights.get_mut(f) = Decimal::from(w);
                }
                for (t, m) in crate::core::tier::Tier::ALL.into_iter().zip(multipliers) {
                    s.tier_policies.get_mut(t).multiplier = d(m);
                }
                // A half-year or quarter takes the twelve shares in groups, still totalling 100%.
                let group = 12 / kind.months();
                s.seasonality = season
                    .chunks(group)
                    .map(|c| c.iter().map(|v| v.unwrap_or_default()).sum::<Decimal>())
                    .map(Some)
                    .collect();
                let ids = all_ids(&regions);
                // Locks are few and small against targets of up to 10^8 units.
                s.locks = node_values(&locks, &ids, au, qu).into_iter().collect();
                s.manual = node_values(&manual, &ids, d("0.5"), d("1"))
                    .into_iter()
                    .collect();
                if let (Some((at, tier)), false) = (over, regions.is_empty()) {
                    let tier = crate::core::tier::Tier::ALL[usize::from(tier % 4)];
                    s.tier_overrides.insert(
                        at.get(&regions).id.clone(),
                        TierOverride {
                            tier,
                            reason: "test".into(),
                        },
                    );
                }
                let mut p = plan(regions, s);
                p.period = Period {
                    kind,
                    start: YearMonth::new(2027, start).expect("a month"),
                };
                p
            },
        )
}

fn lock_errors_only(errors: &BreakdownErrors) -> bool {
    errors.0.iter().all(|e| {
        matches!(
            e,
            BreakdownError::LocksExceedParent { .. } | BreakdownError::LocksDoNotAddUp { .. }
        )
    })
}

/// The plan's breakdown, or `None` when its generated locks do not fit (checked to be so).
fn breakdown_of(p: &Plan) -> Result<Option<Breakdown>, TestCaseError> {
    match compute(p, &p.scenarios[0]) {
        Ok(b) => Ok(Some(b)),
        Err(e) => {
            prop_assert!(lock_errors_only(&e), "a valid plan failed:\n{}", e);
            Ok(None)
        }
    }
}

fn rules(p: &Plan) -> Result<(), TestCaseError> {
    if let Some(b) = breakdown_of(p)? {
        check_rules(p, &p.scenarios[0], &b).map_err(TestCaseError::fail)?;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn parts_sum_exactly_to_their_parent_and_months_to_their_year(p in valid_plan()) {
        // check_rules: children's years add up to the parent's year, and every (child × month)
        // grid adds up to the children's years and the parent's months.
        rules(&p)?;
    }

    #[test]
    fn every_part_is_within_one_unit_of_its_exact_share_and_more_weight_never_gets_less(p in valid_plan()) {
        rules(&p)?;
    }

    #[test]
    fn locks_are_honoured_exactly(mut p in valid_plan(), lock_at in any::<prop::sample::Index>()) {
        // Lock any node at the value it got unlocked: it must keep it exactly, with every rule
        // still holding around it.
        let Some(b) = breakdown_of(&p)? else { return Ok(()) };
        if b.nodes().len() < 2 {
            return Ok(());
        }
        let node = 1 + lock_at.index(b.nodes().len() - 1);
        let id = b.nodes()[node].id.clone();
        let (amount, quantity) = (b.annual(node, Measure::Amount), b.annual(node, Measure::Quantity));
        p.scenarios[0].locks.insert(id.clone(), NodeValues { amount: Some(amount), quantity: Some(quantity) });
        // Siblings may shift by a unit around the new lock, which can push a sibling under its
        // own locked children: that must then be reported as such.
        let Some(locked) = breakdown_of(&p)? else { return Ok(()) };
        check_rules(&p, &p.scenarios[0], &locked).map_err(TestCaseError::fail)?;
        let i = locked.find(&id).unwrap();
        prop_assert_eq!((locked.annual(i, Measure::Amount), locked.annual(i, Measure::Quantity)), (amount, quantity));
    }

    #[test]
    fn the_same_inputs_always_give_the_same_numbers(p in valid_plan()) {
        let again = p.clone();
        let (a, b) = (compute(&p, &p.scenarios[0]), compute(&again, &again.scenarios[0]));
        prop_assert_eq!(a, b);
    }

    #[test]
    fn typed_manual_numbers_that_add_up_come_out_as_typed(p in valid_plan()) {
        // Type every salesperson's computed amount as a manual number: the manual method must
        // give back exactly those numbers.
        let Some(b) = breakdown_of(&p)? else { return Ok(()) };
        let mut typed = p.clone();
        let s = &mut typed.scenarios[0];
        s.methods.salesperson = Method::Manual;
        for i in b.at_level(crate::core::scenario::Level::Salesperson) {
            let values = NodeValues { amount: Some(b.annual(i, Measure::Amount)), quantity: Some(b.annual(i, Measure::Quantity)) };
            s.manual.insert(b.nodes()[i].id.clone(), values);
        }
        let again = compute(&typed, &typed.scenarios[0]).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for i in b.at_level(crate::core::scenario::Level::Salesperson) {
            prop_assert_eq!(again.annual(i, Measure::Amount), b.annual(i, Measure::Amount), "{}", b.nodes()[i].id);
            prop_assert_eq!(again.annual(i, Measure::Quantity), b.annual(i, Measure::Quantity), "{}", b.nodes()[i].id);
        }
        let differs = again.warnings().iter().any(|w| {
            matches!(w, BreakdownWarning::ManualSumDiffers { parent, .. } if parent.level == crate::core::scenario::Level::Subdistrict)
        });
        prop_assert!(!differs, "{:?}", again.warnings());
    }

    #[test]
    fn locks_beyond_their_parent_are_an_error_naming_parent_and_nodes(p in valid_plan(), at in any::<prop::sample::Index>()) {
        // Lock every child of one parent at its value, one of them a unit more.
        let Some(b) = breakdown_of(&p)? else { return Ok(()) };
        let parents: Vec<usize> = (0..b.nodes().len()).filter(|&i| b.children(i).len() > 0).collect();
        if parents.is_empty() {
            return Ok(());
        }
        let parent = parents[at.index(parents.len())];
        let mut over = p.clone();
        let s = &mut over.scenarios[0];
        let children: Vec<usize> = b.children(parent).collect();
        for (k, &c) in children.iter().enumerate() {
            let extra = if k == 0 { b.unit(Measure::Amount) } else { Decimal::ZERO };
            s.locks.insert(b.nodes()[c].id.clone(), NodeValues { amount: Some(b.annual(c, Measure::Amount) + extra), quantity: None });
        }
        let errors = compute(&over, &over.scenarios[0]).expect_err("locks beyond the parent").0;
        let named = errors.iter().any(|e| match e {
            BreakdownError::LocksExceedParent { parent: named, locked, .. } => {
                named.id == b.nodes()[parent].id && locked.len() == children.len()
            }
            _ => false,
        });
        prop_assert!(named, "errors {:?}", errors);
    }

    #[test]
    fn zero_months_and_zero_years_stay_zero(p in valid_plan()) {
        let Some(b) = breakdown_of(&p)? else { return Ok(()) };
        let s = &p.scenarios[0];
        for (j, share) in s.seasonality.iter().enumerate() {
            if share.is_some_and(|v| v.is_zero()) {
                for i in 0..b.nodes().len() {
                    prop_assert_eq!(b.monthly_units(i, Measure::Amount)[j], 0, "{} month {}", b.nodes()[i].id, j);
                }
            }
        }
        for i in 0..b.nodes().len() {
            for m in Measure::ALL {
                if b.annual_units(i, m) == 0 {
                    prop_assert!(b.monthly_units(i, m).iter().all(|&v| v == 0), "{} has months but no year", b.nodes()[i].id);
                }
            }
        }
    }
}

/// Any decimal at all: huge, tiny, negative, zero.
fn any_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just(Decimal::ZERO),
        Just(Decimal::MAX),
        Just(Decimal::MIN),
        (-1000i64..1000).prop_map(Decimal::from),
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        (any::<[u32; 3]>(), any::<bool>(), 0u32..=28)
            .prop_map(|(m, neg, s)| Decimal::from_parts(m[0], m[1], m[2], neg, s)),
    ]
}

/// Sometimes a decimal at all, else the value as it was.
fn maybe() -> impl Strategy<Value = Option<Decimal>> {
    prop::option::weighted(0.25, any_decimal())
}

fn set(field: &mut Decimal, value: Option<Decimal>) {
    if let Some(v) = value {
        *field = v;
    }
}

/// A valid plan with a few of its numbers replaced by anything at all.
fn garbage(p: Plan) -> impl Strategy<Value = Plan> {
    let fields = (
        maybe(),
        maybe(),
        maybe(),
        maybe(),
        maybe(),
        maybe(),
        maybe(),
    );
    let lists = (
        prop::option::weighted(
            0.2,
            prop::collection::vec(prop::option::weighted(0.9, any_decimal()), 0..14),
        ),
        prop::collection::vec(
            (any::<prop::sample::Index>(), any_decimal(), any_decimal()),
            0..3,
        ),
        prop::collection::vec(
            (any::<prop::sample::Index>(), any_decimal(), any_decimal()),
            0..3,
        ),
        prop::collection::vec(
            (any::<prop::sample::Index>(), 0usize..6, any_decimal()),
            0..3,
        ),
        (
            prop::bool::weighted(0.1),
            prop::option::weighted(0.1, prop::sample::select(&Method::ALL[..])),
            prop::bool::weighted(0.1),
        ),
    );
    (Just(p), fields, lists).prop_map(
        |(
            mut p,
            (at, au, qt, qu, weight, mult, share),
            (season, locks, manual, factors, (dup, rm, empty)),
        )| {
            let ids = all_ids(&p.regions);
            let s = &mut p.scenarios[0];
            set(&mut s.amount_target, at);
            set(&mut s.amount_unit, au);
            set(&mut s.quantity_target, qt);
            set(&mut s.quantity_unit, qu);
            set(&mut s.factor_weights.population, weight);
            set(&mut s.tier_policies.stronghold.multiplier, mult);
            if let Some(rm) = rm {
                s.methods.region = rm;
            }
            if let Some(season) = season {
                s.seasonality = season;
            }
            if !ids.is_empty() {
                for (at, a, q) in locks {
                    s.locks.insert(
                        at.get(&ids).clone(),
                        NodeValues {
                            amount: Some(a),
                            quantity: Some(q),
                        },
                    );
                }
                for (at, a, q) in manual {
                    s.manual.insert(
                        at.get(&ids).clone(),
                        NodeValues {
                            amount: Some(a),
                            quantity: Some(q),
                        },
                    );
                }
            }
            let mut subs: Vec<&mut SubDistrict> = p
                .regions
                .iter_mut()
                .flat_map(|r| &mut r.subdistricts)
                .collect();
            let n = subs.len();
            if n > 0 {
                for (at, f, v) in factors {
                    *subs[at.index(n)].factors.get_mut(Factor::ALL[f]) = v;
                }
            }
            if let Some(r) = p.regions.first_mut() {
                set(&mut r.market_share, share);
                set(&mut r.last_sales.amount, weight);
                if empty {
                    r.subdistricts.clear();
                }
            }
            if dup && p.regions.len() > 1 {
                p.regions[1].id = p.regions[0].id.clone();
            }
            p
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn nothing_panics_on_garbage_and_whatever_is_computed_obeys_the_rules(p in valid_plan().prop_flat_map(garbage), id in any::<prop::sample::Index>()) {
        let s = &p.scenarios[0];
        match compute(&p, s) {
            Ok(b) => {
                check_rules(&p, s, &b).map_err(TestCaseError::fail)?;
                let node = &b.nodes()[id.index(b.nodes().len())];
                explain_in(&b, &p, s, &node.id).map_err(|e| TestCaseError::fail(e.to_string()))?;
            }
            Err(errors) => {
                prop_assert!(!errors.0.is_empty());
                prop_assert!(!errors.to_string().is_empty());
            }
        }
        let _ = tier_rows(&p, s);
    }
}
