//! Property tests over copies edited at random: merging a copy with itself or with the base
//! changes nothing, merge(base, a, base) is a, changes to disjoint regions hold in either order,
//! no change of the copy is lost, and the breakdown of every merge result adds up.

use proptest::prelude::*;
use rust_decimal::Decimal;

use super::*;
use crate::core::breakdown::compute;
use crate::core::breakdown::testing::check_rules;
use crate::core::diff::What;
use crate::core::edit::{Edit, RegionField, SalespersonField, ScenarioField, SubdistrictField};
use crate::core::lang::Lang;
use crate::core::model::Factor;
use crate::core::sample::sample_plan;
use crate::core::scenario::Measure;

/// One random edit: (kind, pick of the node, pick of another node, a number).
type Op = (u8, usize, usize, u32);

fn ops(max: usize) -> impl Strategy<Value = Vec<Op>> {
    prop::collection::vec(
        (0u8..14, any::<usize>(), any::<usize>(), 0u32..1000),
        0..max,
    )
}

const NAMES: [&str; 4] = ["Zhou Min", "Qian Li", "Sun Hao", "Wu Yue"];

/// The ids of the plan's regions, sub-districts and salespeople inside `region` (all, if
/// `None`).
fn ids(plan: &Plan, region: Option<&str>) -> (Vec<String>, Vec<String>, Vec<String>) {
    let (mut rs, mut ds, mut ps) = (Vec::new(), Vec::new(), Vec::new());
    for r in &plan.regions {
        if region.is_some_and(|x| x != r.id) {
            continue;
        }
        rs.push(r.id.clone());
        for d in &r.subdistricts {
            ds.push(d.id.clone());
            ps.extend(d.salespeople.iter().map(|p| p.id.clone()));
        }
    }
    (rs, ds, ps)
}

fn pick(list: &[String], i: usize) -> Option<String> {
    (!list.is_empty()).then(|| list[i % list.len()].clone())
}

/// The edit an op makes on `plan`, touching only `region` when given (then without adding
/// nodes, whose new ids both copies would take from the same counter).
fn edit_of(plan: &Plan, (kind, a, b, n): Op, region: Option<&str>) -> Option<Edit> {
    let (rs, ds, ps) = ids(plan, region);
    let v = Decimal::from(n);
    let scenario = plan.scenarios[a % plan.scenarios.len()].id.clone();
    Some(match kind {
        0 => Edit::Region {
            region: pick(&rs, a)?,
            field: RegionField::MarketShare(Decimal::from(n % 101)),
        },
        1 => Edit::Region {
            region: pick(&rs, a)?,
            field: RegionField::Name(NAMES[b % 4].into()),
        },
        2 => Edit::Salesperson {
            salesperson: pick(&ps, a)?,
            field: SalespersonField::LastAmount(v * Decimal::from(1000)),
        },
        3 => Edit::Salesperson {
            salesperson: pick(&ps, a)?,
            field: SalespersonField::Role(NAMES[b % 4].into()),
        },
        4 => Edit::Subdistrict {
            subdistrict: pick(&ds, a)?,
            field: SubdistrictField::Factor(Factor::ALL[b % 6], v),
        },
        5 => Edit::Subdistrict {
            subdistrict: pick(&ds, a)?,
            field: SubdistrictField::AddDistributor(NAMES[b % 4].into()),
        },
        6 if region.is_none() => Edit::AddSalesperson {
            subdistrict: pick(&ds, a)?,
            name: NAMES[b % 4].into(),
        },
        7 => Edit::DeleteNode {
            node: pick(&ps, a)?,
        },
        8 => Edit::DeleteNode {
            node: pick(&ds, a)?,
        },
        9 => Edit::MoveToParent {
            node: pick(&ps, a)?,
            parent: pick(&ds, b)?,
        },
        10 => Edit::MoveAmongSiblings {
            node: pick(&ps, a)?,
            delta: if b % 2 == 0 { -1 } else { 1 },
        },
        11 => Edit::Scenario {
            scenario,
            field: ScenarioField::Lock(
                Measure::Amount,
                pick(&ps, b)?,
                (n % 3 != 0).then(|| v * Decimal::from(1000)),
            ),
        },
        12 if region.is_none() => Edit::Scenario {
            scenario,
            field: ScenarioField::AmountTarget(v * Decimal::from(1_000_000)),
        },
        13 if region.is_none() => Edit::AddRegion {
            name: NAMES[b % 4].into(),
        },
        _ => return None,
    })
}

fn edited(base: &Plan, ops: &[Op], region: Option<&str>) -> Plan {
    let mut plan = base.clone();
    for op in ops {
        if let Some(edit) = edit_of(&plan, *op, region) {
            let _ = edit.apply(&mut plan);
        }
    }
    plan
}

/// A plan without its identity and history, to compare contents.
fn contents(plan: &Plan) -> Plan {
    let mut p = plan.clone();
    p.change_log.clear();
    p.id_seq = 0;
    p
}

fn choices(n: usize, seed: u32) -> Vec<Choice> {
    (0..n)
        .map(|i| {
            if (seed >> (i % 16)) & 1 == 0 {
                Choice::Mine
            } else {
                Choice::Theirs
            }
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn merging_a_copy_with_itself_or_the_base_changes_nothing(ops in ops(12)) {
        let base = sample_plan(Lang::En);
        let a = edited(&base, &ops, None);
        let same = merge3(&base, &a, &a);
        prop_assert!(same.collisions.is_empty());
        prop_assert_eq!(contents(&same.resolve(&[]).unwrap()), contents(&a));
        let nothing = merge3(&base, &a, &base);
        prop_assert!(nothing.collisions.is_empty());
        prop_assert_eq!(contents(&nothing.resolve(&[]).unwrap()), contents(&a));
        // The base merged with a copy is that copy.
        let taken = merge3(&base, &base, &a);
        prop_assert!(taken.collisions.is_empty(), "{:?}", taken.collisions);
        prop_assert_eq!(contents(&taken.resolve(&[]).unwrap()), contents(&a));
    }

    #[test]
    fn changes_to_different_regions_hold_both_in_either_order(
        a_ops in ops(10), b_ops in ops(10), regions in (0usize..8, 1usize..8),
    ) {
        let base = sample_plan(Lang::En);
        let ra = base.regions[regions.0 % base.regions.len()].id.clone();
        let rb = base.regions[(regions.0 + regions.1) % base.regions.len()].id.clone();
        prop_assume!(ra != rb);
        let a = edited(&base, &a_ops, Some(&ra));
        let b = edited(&base, &b_ops, Some(&rb));
        for (mine, theirs) in [(&a, &b), (&b, &a)] {
            let m = merge3(&base, mine, theirs);
            prop_assert!(m.collisions.is_empty(), "{:?}", m.collisions);
            let got = m.resolve(&[]).unwrap();
            prop_assert_eq!(got.region(&ra), a.region(&ra));
            prop_assert_eq!(got.region(&rb), b.region(&rb));
            prop_assert_eq!(locks_in(&got, &base, &ra), locks_in(&a, &base, &ra));
            prop_assert_eq!(locks_in(&got, &base, &rb), locks_in(&b, &base, &rb));
        }
        let ab = merge3(&base, &a, &b).resolve(&[]).unwrap();
        let ba = merge3(&base, &b, &a).resolve(&[]).unwrap();
        prop_assert_eq!(contents(&ab), contents(&ba));
    }

    #[test]
    fn no_change_of_the_copy_is_lost_and_every_result_adds_up(
        a_ops in ops(12), b_ops in ops(12), seed in any::<u32>(),
    ) {
        let base = sample_plan(Lang::En);
        let mine = edited(&base, &a_ops, None);
        let theirs = edited(&base, &b_ops, None);
        let m = merge3(&base, &mine, &theirs);
        let picked = choices(m.collisions.len(), seed);
        let got = match m.resolve(&picked) {
            Ok(plan) => plan,
            // A combination the rules refuse (locks over a deleted parent's total never are;
            // names and ids are): said, never silently dropped.
            Err(MergeError::Invalid(problems)) => {
                prop_assert!(!problems.is_empty());
                return Ok(());
            }
            Err(e) => return Err(TestCaseError::fail(format!("{e}"))),
        };
        let result = crate::core::diff::Items::of(&got);
        for change in &m.theirs_changes {
            match m.status(change) {
                Status::Collides(i) => prop_assert!(i < m.collisions.len()),
                Status::Applied | Status::AlreadyHere => match &change.what {
                    What::Added => prop_assert!(result.map.contains_key(&change.item), "{change:?}"),
                    What::Removed => prop_assert!(!result.map.contains_key(&change.item), "{change:?}"),
                    What::Field { path, new, .. } => prop_assert_eq!(
                        result.get(&change.item).and_then(|i| i.get(path)),
                        new.as_ref(),
                        "{:?}", change
                    ),
                    What::Reordered { .. } => {}
                },
            }
        }
        // The open plan's changes too: each is in the result unless it is part of a collision.
        for change in crate::core::diff::diff_items(&m.base, &m.mine) {
            let path = change.path().cloned();
            let collides = m.item_collision.contains_key(&change.item)
                || path.is_some_and(|p| m.field_collision.contains_key(&(change.item.clone(), p)));
            if collides {
                continue;
            }
            match &change.what {
                What::Added => prop_assert!(result.map.contains_key(&change.item), "{change:?}"),
                What::Removed => prop_assert!(!result.map.contains_key(&change.item), "{change:?}"),
                What::Field { path, new, .. } => prop_assert_eq!(
                    result.get(&change.item).and_then(|i| i.get(path)),
                    new.as_ref(),
                    "{:?}", change
                ),
                What::Reordered { .. } => {}
            }
        }
        for s in &got.scenarios {
            if let Ok(b) = compute(&got, s) {
                prop_assert!(check_rules(&got, s, &b).is_ok(), "{:?}", check_rules(&got, s, &b));
            }
        }
    }
}

/// Each scenario's locks on the nodes of `region` (in `base` or in `plan`).
fn locks_in(
    plan: &Plan,
    base: &Plan,
    region: &str,
) -> Vec<Vec<(String, crate::core::scenario::NodeValues)>> {
    let (r, d, p) = ids(base, Some(region));
    let (r2, d2, p2) = ids(plan, Some(region));
    let mine: std::collections::HashSet<String> =
        [r, d, p, r2, d2, p2].concat().into_iter().collect();
    plan.scenarios
        .iter()
        .map(|s| {
            s.locks
                .iter()
                .filter(|(id, _)| mine.contains(*id))
                .map(|(id, v)| (id.clone(), *v))
                .collect()
        })
        .collect()
}
