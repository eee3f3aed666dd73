use rust_decimal::Decimal;
use serde_json::Value;

use super::*;
use crate::core::edit::{Edit, RegionField, ScenarioField, SubdistrictField};
use crate::core::execution::sample_execution;
use crate::core::lang::Lang;
use crate::core::sample::{sample_plan, scaled_plan};
use crate::core::scenario::Measure;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn apply(plan: &mut crate::core::model::Plan, edit: Edit) {
    edit.apply(plan).unwrap_or_else(|e| panic!("{edit:?}: {e}"));
}

fn field(path: &[&str]) -> Path {
    path.iter().map(|m| Seg::Member(m.to_string())).collect()
}

fn sample_with_execution() -> crate::core::model::Plan {
    let mut plan = sample_plan(Lang::En);
    plan.execution = sample_execution(&plan, 3);
    plan
}

#[test]
fn a_plan_cut_into_items_is_put_back_together_unchanged() {
    for plan in [
        sample_plan(Lang::Zh),
        sample_with_execution(),
        scaled_plan(300),
    ] {
        let items = Items::of(&plan);
        assert_eq!(items.to_plan(&Head::of(&plan)).unwrap(), plan);
    }
}

#[test]
fn a_plan_has_no_difference_from_itself() {
    let plan = sample_with_execution();
    let d = diff(&plan, &plan.clone());
    assert!(d.is_empty(), "{:?}", d.changes);
    assert!(d.targets.moves.is_empty());
}

#[test]
fn identity_and_history_are_not_differences() {
    let a = sample_plan(Lang::En);
    let mut b = a.clone();
    b.id = "other".into();
    b.id_seq += 10;
    b.recipient_part = Some("r1".into());
    crate::core::changelog::record_unpatched(&mut b.change_log, "now".into(), "x".into());
    assert!(diff(&a, &b).is_empty());
}

#[test]
fn a_field_change_names_the_node_the_field_and_both_values() {
    let a = sample_plan(Lang::En);
    let mut b = a.clone();
    apply(
        &mut b,
        Edit::Region {
            region: "r1".into(),
            field: RegionField::MarketShare(d("66")),
        },
    );
    let diff = diff(&a, &b);
    assert_eq!(
        diff.changes,
        vec![Change {
            item: ItemKey::Region("r1".into()),
            what: What::Field {
                path: field(&["market_share"]),
                old: Some(Value::String("64.5".into())),
                new: Some(Value::String("66".into())),
            },
        }]
    );
    assert_eq!(diff.changes[0].kind(), ChangeKind::Changed);
    assert_eq!(diff.region(&diff.changes[0]).as_deref(), Some("r1"));
}

#[test]
fn nodes_added_removed_moved_and_renamed_are_told_apart() {
    let a = sample_plan(Lang::En);
    let mut b = a.clone();
    apply(
        &mut b,
        Edit::AddSalesperson {
            subdistrict: "d2".into(),
            name: "Zhou Min".into(),
        },
    );
    apply(&mut b, Edit::DeleteNode { node: "p4".into() });
    apply(
        &mut b,
        Edit::MoveToParent {
            node: "p5".into(),
            parent: "d6".into(),
        },
    );
    apply(
        &mut b,
        Edit::Subdistrict {
            subdistrict: "d6".into(),
            field: SubdistrictField::Name("Yuelu".into()),
        },
    );
    let diff = diff(&a, &b);
    let kinds: Vec<(ItemKey, ChangeKind)> = diff
        .changes
        .iter()
        .map(|c| (c.item.clone(), c.kind()))
        .collect();
    let new_id = format!("p{}", b.id_seq);
    for want in [
        (ItemKey::Salesperson(new_id), ChangeKind::Added),
        (ItemKey::Salesperson("p4".into()), ChangeKind::Removed),
        (ItemKey::Salesperson("p5".into()), ChangeKind::Moved),
        (ItemKey::Subdistrict("d6".into()), ChangeKind::Renamed),
    ] {
        assert!(kinds.contains(&want), "{want:?} in {kinds:?}");
    }
    assert_eq!(kinds.len(), 4, "{kinds:?}");
    let moved = diff
        .changes
        .iter()
        .find(|c| c.kind() == ChangeKind::Moved)
        .unwrap();
    assert_eq!(
        moved.what,
        What::Field {
            path: shape::parent_path(),
            old: Some(Value::String("d2".into())),
            new: Some(Value::String("d6".into())),
        }
    );
}

#[test]
fn a_node_put_in_another_place_among_its_siblings_is_a_reorder() {
    let a = sample_plan(Lang::En);
    let mut b = a.clone();
    apply(
        &mut b,
        Edit::MoveAmongSiblings {
            node: "d6".into(),
            delta: -1,
        },
    );
    let diff = diff(&a, &b);
    assert_eq!(
        diff.changes,
        vec![Change {
            item: ItemKey::Region("r1".into()),
            what: What::Reordered {
                collection: "subdistricts".into()
            },
        }]
    );
}

#[test]
fn locks_overrides_and_execution_records_are_changes_of_their_own() {
    let a = sample_with_execution();
    let mut b = a.clone();
    apply(
        &mut b,
        Edit::Scenario {
            scenario: "s67".into(),
            field: ScenarioField::Lock(Measure::Amount, "p3".into(), Some(d("4000000"))),
        },
    );
    apply(
        &mut b,
        Edit::Scenario {
            scenario: "s67".into(),
            field: ScenarioField::Season(2, Some(d("9"))),
        },
    );
    let month = *b.execution.actuals["p3"].keys().next().unwrap();
    let actual = crate::core::execution::Actual {
        amount: d("123456"),
        ..b.execution.actuals["p3"][&month]
    };
    crate::core::execution::set_actual(&mut b, "p3", month, actual).unwrap();
    let diff = diff(&a, &b);
    let paths: Vec<(ItemKey, String)> = diff
        .changes
        .iter()
        .map(|c| (c.item.clone(), shape::path_text(c.path().unwrap())))
        .collect();
    assert_eq!(
        paths,
        vec![
            (
                ItemKey::Scenario("s67".into()),
                "locks.p3.amount".to_string()
            ),
            (ItemKey::Scenario("s67".into()), "seasonality[2]".into()),
            (
                ItemKey::Record("actuals".into(), "p3".into()),
                format!("months.{month}")
            ),
        ]
    );
    // A lock and a salesperson's actuals concern that salesperson, in its region.
    assert_eq!(diff.region(&diff.changes[0]).as_deref(), Some("r1"));
    assert_eq!(
        diff.concerned(&diff.changes[2]),
        Some(ItemKey::Salesperson("p3".into()))
    );
}

#[test]
fn the_targets_that_move_are_listed_with_both_values() {
    let a = sample_plan(Lang::En);
    let mut b = a.clone();
    let adopted = a.adopted_scenario.clone();
    let target = a.adopted().unwrap().amount_target;
    apply(
        &mut b,
        Edit::Scenario {
            scenario: adopted,
            field: ScenarioField::AmountTarget(target + d("1000000")),
        },
    );
    let t = diff(&a, &b).targets;
    let company = &t.moves[0];
    assert_eq!(company.amount, [Some(target), Some(target + d("1000000"))]);
    assert_eq!(company.delta(Measure::Amount), d("1000000"));
    assert_eq!(company.delta(Measure::Quantity), Decimal::ZERO);
    assert!(
        t.moves
            .iter()
            .any(|m| m.id == "p3" && m.region.as_deref() == Some("r1")),
        "every level moves"
    );
    // The moves add up: each level's deltas sum to the company's.
    for level in [
        crate::core::scenario::Level::Region,
        crate::core::scenario::Level::Salesperson,
    ] {
        let sum: Decimal = t
            .moves
            .iter()
            .filter(|m| m.level == level)
            .map(|m| m.delta(Measure::Amount))
            .sum();
        assert_eq!(sum, d("1000000"), "{level:?}");
    }
}
