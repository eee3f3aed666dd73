//! Export then import gives an identical plan, for any plan: generated plans of every shape
//! (empty and full levels, every period kind, locks, manual numbers, overrides, milestones,
//! names in any script with quotes and line breaks, decimals of every scale) go through
//! `write_plan` / `write_plan_pretty` and `read_plan` unchanged.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use proptest::prelude::*;
use region_planner::core::format::{read_plan, write_plan, write_plan_pretty};
use region_planner::core::model::{
    Factors, Milestone, Plan, Region, Sales, Salesperson, SubDistrict,
};
use region_planner::core::period::{Period, PeriodKind, YearMonth};
use region_planner::core::scenario::{LevelMethods, Method, NodeValues, Scenario};
use region_planner::core::tier::{Tier, TierOverride};
use region_planner::core::validate::validate_plan;
use rust_decimal::Decimal;

/// Every member the generator does not set is taken from here.
const BASE: &str = r#"{"format_version": 1, "id": "x", "name": "x", "company": "x",
    "currency": "CNY", "period": {"kind": "year", "start": "2027-01"}, "regions": [],
    "scenarios": [], "adopted_scenario": ""}"#;

/// A name: printable characters of any script, not blank, at most 40 characters.
fn name() -> impl Strategy<Value = String> {
    "[^\\p{C}]{1,40}".prop_filter("not blank", |s| !s.trim().is_empty())
}

/// Free text: anything, line breaks and quotes included.
fn text() -> impl Strategy<Value = String> {
    "(\\PC|\n|\t|\"|\\\\){0,60}"
}

/// A decimal from 0 to 10^15 with 0 to 6 decimal places.
fn amount() -> impl Strategy<Value = Decimal> {
    (0i64..=1_000_000_000_000_000, 0u32..=6).prop_map(|(m, scale)| Decimal::new(m, scale))
}

/// A percentage from 0 to 100 with up to 3 decimal places.
fn percent() -> impl Strategy<Value = Decimal> {
    (0u32..=3).prop_flat_map(|scale| {
        let max = 100 * 10i64.pow(scale);
        (0..=max).prop_map(move |m| Decimal::new(m, scale))
    })
}

fn sales() -> impl Strategy<Value = Sales> {
    (amount(), amount()).prop_map(|(amount, quantity)| Sales { amount, quantity })
}

fn factors() -> impl Strategy<Value = Factors> {
    prop::array::uniform6(amount()).prop_map(|f| Factors {
        admin_division: f[0],
        population: f[1],
        consumption: f[2],
        transport: f[3],
        customer_distribution: f[4],
        policy_investment: f[5],
    })
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (1000i32..=9999, 1u32..=366).prop_map(|(y, d)| {
        NaiveDate::from_yo_opt(y, d).unwrap_or_else(|| NaiveDate::from_yo_opt(y, 1).unwrap())
    })
}

fn salesperson() -> impl Strategy<Value = Salesperson> {
    (name(), text(), sales()).prop_map(|(name, role, last_sales)| Salesperson {
        id: String::new(),
        name,
        role,
        last_sales,
    })
}

fn subdistrict() -> impl Strategy<Value = SubDistrict> {
    (
        (name(), factors(), percent(), sales()),
        prop::collection::vec((date(), name(), any::<bool>()), 0..3),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(text(), 0..3),
        prop::collection::vec(salesperson(), 0..4),
    )
        .prop_map(
            |((name, factors, target_share, last_sales), milestones, dist, term, people)| {
                SubDistrict {
                    id: String::new(),
                    name,
                    factors,
                    target_share,
                    last_sales,
                    milestones: milestones
                        .into_iter()
                        .map(|(date, title, done)| Milestone {
                            date,
                            note: if done { String::new() } else { title.clone() },
                            title,
                            done,
                            done_on: done.then_some(date),
                        })
                        .collect(),
                    target_distributors: dist,
                    target_terminals: term,
                    salespeople: people,
                }
            },
        )
}

fn region() -> impl Strategy<Value = Region> {
    (
        (name(), text(), percent(), any::<u32>(), sales(), text()),
        prop::collection::vec(subdistrict(), 0..4),
    )
        .prop_map(
            |((name, manager, market_share, active_customers, last_sales, notes), subdistricts)| {
                Region {
                    id: String::new(),
                    name,
                    manager,
                    market_share,
                    active_customers,
                    last_sales,
                    notes,
                    subdistricts,
                }
            },
        )
}

fn method() -> impl Strategy<Value = Method> {
    prop::sample::select(Method::ALL.to_vec())
}

fn node_values() -> impl Strategy<Value = NodeValues> {
    (prop::option::of(amount()), prop::option::of(amount()))
        .prop_map(|(amount, quantity)| NodeValues { amount, quantity })
}

/// Everything of a scenario that does not depend on the plan's ids and months.
#[derive(Clone, Debug)]
struct ScenarioParts {
    name: String,
    targets: (Decimal, Decimal, Option<Decimal>),
    units: (Decimal, Decimal),
    thresholds: [Decimal; 3],
    methods: (Method, bool, Method, Method),
    weights: Factors,
    policy: (Decimal, Decimal, Option<Decimal>),
    seasonality: Vec<Option<Decimal>>,
    /// (index into the plan's node ids, values) for locks, manual numbers and overrides.
    locks: Vec<(usize, NodeValues)>,
    manual: Vec<(usize, NodeValues)>,
    overrides: Vec<(usize, Tier, String)>,
}

fn scenario_parts() -> impl Strategy<Value = ScenarioParts> {
    (
        (name(), amount(), amount(), prop::option::of(amount())),
        (1i64..=1_000_000, 1i64..=1000),
        // Tier thresholds in the order the format requires: base camp > stronghold > floor.
        (percent(), percent(), percent()).prop_filter_map("three distinct shares", |(a, b, c)| {
            let mut v = [a, b, c];
            v.sort();
            (v[0] < v[1] && v[1] < v[2]).then_some((v[2], v[1], v[0]))
        }),
        (method(), any::<bool>(), method(), method(), factors()),
        (amount(), percent(), prop::option::of(percent())),
        prop::collection::vec(prop::option::of(percent()), 12),
        prop::collection::vec((any::<usize>(), node_values()), 0..4),
        prop::collection::vec((any::<usize>(), node_values()), 0..4),
        prop::collection::vec(
            (
                any::<usize>(),
                prop::sample::select(Tier::ALL.to_vec()),
                name(),
            ),
            0..3,
        ),
    )
        .prop_map(
            |(
                (name, amount_target, quantity_target, collections),
                (amount_unit, quantity_unit),
                (t0, t1, t2),
                (region, multiplier, subdistrict, salesperson, weights),
                policy,
                seasonality,
                locks,
                manual,
                overrides,
            )| ScenarioParts {
                name,
                targets: (amount_target, quantity_target, collections),
                units: (Decimal::from(amount_unit), Decimal::from(quantity_unit)),
                thresholds: [t0, t1, t2],
                methods: (region, multiplier, subdistrict, salesperson),
                weights,
                policy,
                seasonality,
                locks,
                manual,
                overrides,
            },
        )
}

/// A valid plan: the generated parts with unique ids and references that resolve.
fn plan() -> impl Strategy<Value = Plan> {
    (
        (name(), name(), name(), "[A-Z]{3}"),
        (
            prop::sample::select(PeriodKind::ALL.to_vec()),
            1000i32..=9990,
            1u32..=12,
        ),
        prop::collection::vec(region(), 0..5),
        prop::collection::vec(scenario_parts(), 1..4),
        any::<prop::sample::Index>(),
        0u64..1_000_000,
        prop::collection::btree_map("[a-z_]{1,12}", text(), 0..4),
    )
        .prop_map(
            |(
                (id, name, company, currency),
                (kind, year, month),
                regions,
                parts,
                adopted,
                seq,
                notes,
            )| {
                // From JSON rather than a struct literal: members added later with defaults
                // keep their defaults.
                let mut plan: Plan = serde_json::from_str(BASE).expect("the base plan reads");
                plan.id = id;
                plan.name = name;
                plan.company = company;
                plan.currency = currency;
                plan.period = Period {
                    kind,
                    start: YearMonth::new(year, month).unwrap(),
                };
                plan.regions = regions;
                plan.id_seq = seq;
                plan.notes = notes;
                let mut ids = Vec::new();
                let mut next = 0;
                let mut fresh = |prefix: &str, ids: &mut Vec<String>| {
                    next += 1;
                    let id = format!("{prefix}{next}");
                    ids.push(id.clone());
                    id
                };
                let mut region_ids = Vec::new();
                for r in &mut plan.regions {
                    r.id = fresh("r", &mut ids);
                    region_ids.push(r.id.clone());
                    for d in &mut r.subdistricts {
                        d.id = fresh("d", &mut ids);
                        for p in &mut d.salespeople {
                            p.id = fresh("p", &mut ids);
                        }
                    }
                }
                let months = plan.period.month_count();
                plan.scenarios = parts
                    .into_iter()
                    .map(|p| {
                        let id = fresh("s", &mut ids);
                        let mut s = Scenario::with_defaults(id, p.name, months);
                        (s.amount_target, s.quantity_target, s.collections_target) = p.targets;
                        (s.amount_unit, s.quantity_unit) = p.units;
                        s.thresholds.base_camp = p.thresholds[0];
                        s.thresholds.stronghold = p.thresholds[1];
                        s.thresholds.guerrilla_floor = p.thresholds[2];
                        s.methods = LevelMethods {
                            region: p.methods.0,
                            region_tier_multiplier: p.methods.1,
                            subdistrict: p.methods.2,
                            salesperson: p.methods.3,
                        };
                        s.factor_weights = p.weights;
                        let policy = s.tier_policies.get_mut(Tier::Contested);
                        (
                            policy.multiplier,
                            policy.distributor_spend,
                            policy.share_goal,
                        ) = p.policy;
                        s.seasonality = p.seasonality[..months].to_vec();
                        let nodes: Vec<&String> =
                            ids.iter().filter(|i| !i.starts_with('s')).collect();
                        if !nodes.is_empty() {
                            let pick = |i: usize| nodes[i % nodes.len()].clone();
                            s.locks = p.locks.iter().map(|(i, v)| (pick(*i), *v)).collect();
                            s.manual = p.manual.iter().map(|(i, v)| (pick(*i), *v)).collect();
                        }
                        if !region_ids.is_empty() {
                            s.tier_overrides = p
                                .overrides
                                .iter()
                                .map(|(i, tier, reason)| {
                                    let id = region_ids[i % region_ids.len()].clone();
                                    (
                                        id,
                                        TierOverride {
                                            tier: *tier,
                                            reason: reason.clone(),
                                        },
                                    )
                                })
                                .collect::<BTreeMap<_, _>>();
                        }
                        s
                    })
                    .collect();
                plan.adopted_scenario = plan.scenarios[adopted.index(plan.scenarios.len())]
                    .id
                    .clone();
                plan
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn a_written_plan_reads_back_identical(plan in plan()) {
        prop_assert_eq!(validate_plan(&plan), vec![], "the generator makes valid plans");
        let compact = write_plan(&plan);
        prop_assert_eq!(read_plan(&compact), Ok(plan.clone()));
        let pretty = write_plan_pretty(&plan);
        prop_assert_eq!(read_plan(&pretty), Ok(plan.clone()));
        prop_assert_eq!(write_plan(&read_plan(&compact).unwrap()), compact, "and writes back byte for byte");
    }
}
