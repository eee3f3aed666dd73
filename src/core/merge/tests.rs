use rust_decimal::Decimal;
use serde_json::Value;

use super::*;
use crate::core::diff::shape::parent_path;
use crate::core::diff::{ChangeKind, diff};
use crate::core::edit::{Edit, RegionField, SalespersonField, ScenarioField, SubdistrictField};
use crate::core::editor::{Editor, Record};
use crate::core::lang::Lang;
use crate::core::sample::sample_plan;
use crate::core::scenario::Measure;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn edited(plan: &Plan, edits: &[Edit]) -> Plan {
    let mut p = plan.clone();
    for e in edits {
        e.apply(&mut p).unwrap_or_else(|err| panic!("{e:?}: {err}"));
    }
    p
}

fn share(region: &str, v: &str) -> Edit {
    Edit::Region {
        region: region.into(),
        field: RegionField::MarketShare(d(v)),
    }
}

fn role(person: &str, v: &str) -> Edit {
    Edit::Salesperson {
        salesperson: person.into(),
        field: SalespersonField::Role(v.into()),
    }
}

fn add_person(sub: &str, name: &str) -> Edit {
    Edit::AddSalesperson {
        subdistrict: sub.into(),
        name: name.into(),
    }
}

fn base() -> Plan {
    sample_plan(Lang::En)
}

#[test]
fn a_copy_nobody_changed_merges_to_the_open_plan() {
    let b = base();
    let mine = edited(&b, &[share("r1", "66")]);
    let m = merge3(&b, &mine, &b);
    assert!(m.collisions.is_empty());
    assert!(m.theirs_changes.is_empty());
    assert_eq!(m.resolve(&[]).unwrap(), mine);
}

#[test]
fn changes_to_different_things_are_all_kept() {
    let b = base();
    let mine = edited(&b, &[share("r1", "66"), role("p3", "Lead")]);
    let theirs = edited(
        &b,
        &[
            share("r16", "50"),
            Edit::DeleteNode { node: "p9".into() },
            Edit::MoveToParent {
                node: "p5".into(),
                parent: "d6".into(),
            },
        ],
    );
    let m = merge3(&b, &mine, &theirs);
    assert!(m.collisions.is_empty(), "{:?}", m.collisions);
    let got = m.resolve(&[]).unwrap();
    let want = edited(&theirs, &[share("r1", "66"), role("p3", "Lead")]);
    assert_eq!(got.regions, want.regions);
    assert_eq!(got.id, mine.id);
    assert!(
        m.theirs_changes
            .iter()
            .all(|c| m.status(c) == Status::Applied)
    );
}

#[test]
fn one_field_changed_differently_is_a_collision_settled_by_choice() {
    let b = base();
    let mine = edited(&b, &[share("r1", "66")]);
    let theirs = edited(&b, &[share("r1", "70"), share("r16", "50")]);
    let m = merge3(&b, &mine, &theirs);
    assert_eq!(m.collisions.len(), 1);
    let c = &m.collisions[0];
    assert_eq!(c.item, ItemKey::Region("r1".into()));
    assert_eq!(
        c.kind,
        CollisionKind::Field {
            path: vec![Seg::Member("market_share".into())],
            base: Some(Value::String("64.5".into())),
            mine: Some(Value::String("66".into())),
            theirs: Some(Value::String("70".into())),
        }
    );
    assert!(c.typable());
    let share_of = |p: &Plan| p.region("r1").unwrap().market_share;
    assert_eq!(share_of(&m.resolve(&[Choice::Mine]).unwrap()), d("66"));
    assert_eq!(share_of(&m.resolve(&[Choice::Theirs]).unwrap()), d("70"));
    let typed = m.resolve(&[Choice::Value("68.5".into())]).unwrap();
    assert_eq!(share_of(&typed), d("68.5"));
    assert_eq!(
        typed.region("r16").unwrap().market_share,
        d("50"),
        "the rest applies"
    );
    assert!(matches!(
        m.resolve(&[Choice::Value("lots".into())]),
        Err(MergeError::Typed { collision: 0, .. })
    ));
    assert!(
        matches!(m.resolve(&[Choice::Value("170".into())]), Err(MergeError::Invalid(p)) if p[0].to_string().contains("market_share")),
        "a typed value breaking a rule is refused with its reason"
    );
    let status: Vec<Status> = m.theirs_changes.iter().map(|c| m.status(c)).collect();
    assert_eq!(status, vec![Status::Collides(0), Status::Applied]);
}

#[test]
fn a_node_deleted_in_one_and_changed_in_the_other_collides() {
    let b = base();
    // Mine deletes the sub-district; theirs changes a person in it and locks another.
    let mine = edited(&b, &[Edit::DeleteNode { node: "d2".into() }]);
    let theirs = edited(
        &b,
        &[
            role("p3", "Lead"),
            Edit::Scenario {
                scenario: "s67".into(),
                field: ScenarioField::Lock(Measure::Amount, "p4".into(), Some(d("1000000"))),
            },
            share("r16", "50"),
        ],
    );
    let m = merge3(&b, &mine, &theirs);
    assert_eq!(m.collisions.len(), 1, "{:?}", m.collisions);
    let c = &m.collisions[0];
    assert_eq!(c.item, ItemKey::Subdistrict("d2".into()));
    let CollisionKind::Deleted { by, changes } = &c.kind else {
        panic!("{c:?}")
    };
    assert_eq!(*by, Side::Mine);
    assert_eq!(changes.len(), 2, "the role and the lock: {changes:?}");
    let deleted = m.resolve(&[Choice::Mine]).unwrap();
    assert!(deleted.locate("d2").is_none() && deleted.locate("p3").is_none());
    assert!(deleted.scenario("s67").unwrap().locks.is_empty());
    assert_eq!(deleted.region("r16").unwrap().market_share, d("50"));
    let kept = m.resolve(&[Choice::Theirs]).unwrap();
    assert_eq!(kept.salesperson("p3").unwrap().role, "Lead");
    assert_eq!(
        kept.scenario("s67").unwrap().locks["p4"].amount,
        Some(d("1000000"))
    );
    assert_eq!(
        kept.regions[0].subdistricts[0].id, "d2",
        "back in its place"
    );
}

#[test]
fn a_deletion_the_other_plan_did_not_touch_just_applies() {
    let b = base();
    let mine = edited(&b, &[role("p7", "Lead")]);
    let theirs = edited(&b, &[Edit::DeleteNode { node: "d2".into() }]);
    let m = merge3(&b, &mine, &theirs);
    assert!(m.collisions.is_empty());
    let got = m.resolve(&[]).unwrap();
    assert!(got.locate("d2").is_none());
    assert_eq!(got.salesperson("p7").unwrap().role, "Lead");
}

#[test]
fn a_person_moved_out_of_a_region_the_other_deleted_is_not_lost() {
    let b = base();
    let mine = edited(&b, &[Edit::DeleteNode { node: "r1".into() }]);
    let theirs = edited(
        &b,
        &[Edit::MoveToParent {
            node: "p3".into(),
            parent: "d17".into(),
        }],
    );
    let m = merge3(&b, &mine, &theirs);
    assert_eq!(m.collisions.len(), 1, "{:?}", m.collisions);
    let kept = m.resolve(&[Choice::Theirs]).unwrap();
    assert_eq!(kept.parent_id("p3").as_deref(), Some("d17"));
    assert!(kept.locate("r1").is_some());
    let deleted = m.resolve(&[Choice::Mine]).unwrap();
    assert!(deleted.locate("r1").is_none() && deleted.locate("p3").is_none());
}

#[test]
fn two_people_of_one_name_added_under_one_parent_collide() {
    let b = base();
    // Both copies count from the same id: both new people are p69.
    let mine = edited(&b, &[add_person("d2", "Zhou Min"), role("p69", "Rep")]);
    let theirs = edited(&b, &[add_person("d2", "Zhou Min"), role("p69", "Lead")]);
    let m = merge3(&b, &mine, &theirs);
    assert_eq!(
        m.renumbered,
        vec![Renumbered {
            old: "p69".into(),
            new: "p70".into()
        }]
    );
    assert_eq!(m.collisions.len(), 1, "{:?}", m.collisions);
    let CollisionKind::SameName {
        name,
        mine: a,
        theirs: t,
    } = &m.collisions[0].kind
    else {
        panic!()
    };
    assert_eq!(
        (name.as_str(), a, t),
        (
            "Zhou Min",
            &ItemKey::Salesperson("p69".into()),
            &ItemKey::Salesperson("p70".into())
        )
    );
    let people = |p: &Plan| {
        p.subdistrict("d2")
            .unwrap()
            .salespeople
            .iter()
            .map(|x| (x.id.clone(), x.name.clone(), x.role.clone()))
            .collect::<Vec<_>>()
    };
    let mine_only = m.resolve(&[Choice::Mine]).unwrap();
    assert_eq!(people(&mine_only).last().unwrap().2, "Rep");
    assert_eq!(people(&mine_only).len(), people(&b).len() + 1);
    let theirs_only = m.resolve(&[Choice::Theirs]).unwrap();
    assert_eq!(
        people(&theirs_only).last().unwrap(),
        &("p70".into(), "Zhou Min".into(), "Lead".into())
    );
    let both = m.resolve(&[Choice::Value("Zhou Min (2)".into())]).unwrap();
    let got = people(&both);
    assert_eq!(got.len(), people(&b).len() + 2);
    assert_eq!(both.node_name("p70"), Some("Zhou Min (2)"));
    assert_eq!(both.node_name("p69"), Some("Zhou Min"));
    assert!(both.id_seq >= 70, "new ids stay unused");
}

#[test]
fn new_items_of_different_names_under_one_id_are_both_kept() {
    let b = base();
    let mine = edited(&b, &[add_person("d2", "Zhou Min")]);
    let theirs = edited(
        &b,
        &[
            add_person("d6", "Qian Li"),
            Edit::Scenario {
                scenario: "s67".into(),
                field: ScenarioField::Lock(Measure::Amount, "p69".into(), Some(d("500000"))),
            },
        ],
    );
    let m = merge3(&b, &mine, &theirs);
    assert!(m.collisions.is_empty(), "{:?}", m.collisions);
    let got = m.resolve(&[]).unwrap();
    assert_eq!(got.node_name("p69"), Some("Zhou Min"));
    assert_eq!(got.node_name("p70"), Some("Qian Li"));
    assert_eq!(
        got.scenario("s67").unwrap().locks["p70"].amount,
        Some(d("500000")),
        "the copy's lock follows its person to the new id"
    );
    assert!(!got.scenario("s67").unwrap().locks.contains_key("p69"));
}

#[test]
fn lists_merge_entry_by_entry_and_collide_only_where_both_changed_one() {
    let b = base();
    let add = |name: &str| Edit::Subdistrict {
        subdistrict: "d2".into(),
        field: SubdistrictField::AddDistributor(name.into()),
    };
    let mine = edited(&b, &[add("Xiangtong Trading")]);
    let theirs = edited(&b, &[add("Furong Foods")]);
    let m = merge3(&b, &mine, &theirs);
    // Both appended at the end of the same list: the same stretch, changed differently.
    assert_eq!(m.collisions.len(), 1);
    let base2 = edited(&b, &[add("A"), add("B")]);
    let mine2 = edited(
        &base2,
        &[Edit::Subdistrict {
            subdistrict: "d2".into(),
            field: SubdistrictField::RemoveDistributor(
                base2.subdistrict("d2").unwrap().target_distributors.len() - 2,
            ),
        }],
    );
    let theirs2 = edited(&base2, &[add("C")]);
    let m = merge3(&base2, &mine2, &theirs2);
    assert!(m.collisions.is_empty(), "{:?}", m.collisions);
    let got = m.resolve(&[]).unwrap();
    let list = &got.subdistrict("d2").unwrap().target_distributors;
    assert!(
        list.ends_with(&["B".to_string(), "C".to_string()]),
        "{list:?}"
    );
    assert!(!list.contains(&"A".to_string()));
}

#[test]
fn both_reordering_one_collection_differently_collides() {
    let b = base();
    let up = |n: &str| Edit::MoveAmongSiblings {
        node: n.into(),
        delta: -1,
    };
    let mine = edited(&b, &[up("r16")]);
    let theirs = edited(&b, &[up("r27")]);
    let m = merge3(&b, &mine, &theirs);
    assert_eq!(m.collisions.len(), 1);
    assert!(matches!(m.collisions[0].kind, CollisionKind::Order { .. }));
    let ids = |p: &Plan| {
        p.regions
            .iter()
            .take(3)
            .map(|r| r.id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&m.resolve(&[Choice::Mine]).unwrap()), ids(&mine));
    assert_eq!(ids(&m.resolve(&[Choice::Theirs]).unwrap()), ids(&theirs));
    // One plan reorders, the other adds: both hold.
    let theirs = edited(
        &b,
        &[Edit::AddRegion {
            name: "Hengyang".into(),
        }],
    );
    let got = merge3(&b, &mine, &theirs).resolve(&[]).unwrap();
    assert_eq!(ids(&got), ids(&mine));
    assert_eq!(got.regions.last().unwrap().name, "Hengyang");
}

#[test]
fn a_move_in_one_copy_and_a_rename_in_the_other_both_hold() {
    let b = base();
    let mine = edited(
        &b,
        &[Edit::MoveToParent {
            node: "p3".into(),
            parent: "d6".into(),
        }],
    );
    let theirs = edited(
        &b,
        &[Edit::Salesperson {
            salesperson: "p3".into(),
            field: SalespersonField::Name("Wang Wei Jr".into()),
        }],
    );
    let m = merge3(&b, &mine, &theirs);
    assert!(m.collisions.is_empty());
    let got = m.resolve(&[]).unwrap();
    assert_eq!(got.parent_id("p3").as_deref(), Some("d6"));
    assert_eq!(got.node_name("p3"), Some("Wang Wei Jr"));
    let kinds: Vec<ChangeKind> = diff(&b, &got).changes.iter().map(|c| c.kind()).collect();
    assert!(kinds.contains(&ChangeKind::Moved) && kinds.contains(&ChangeKind::Renamed));
    let _ = parent_path();
}

#[test]
fn a_copy_sent_as_a_part_flags_its_changes_outside_the_part() {
    let b = base();
    let mut theirs = edited(
        &b,
        &[
            role("p3", "Lead"),
            share("r16", "50"),
            Edit::Scenario {
                scenario: "s67".into(),
                field: ScenarioField::AmountTarget(d("1")),
            },
        ],
    );
    theirs.recipient_part = Some("r1".into());
    let m = merge3(&b, &b, &theirs);
    let outside: Vec<bool> = m.theirs_changes.iter().map(|c| m.outside_part(c)).collect();
    assert_eq!(outside, vec![false, true, true], "{:?}", m.theirs_changes);
    let got = m.resolve(&[]).unwrap();
    assert_eq!(got.recipient_part, None, "the open plan keeps its own mark");
}

// ---- finding the version a copy started from ----------------------------------------------

const AT: [&str; 4] = [
    "2027-01-05T09:00:00+08:00",
    "2027-01-05T09:01:00+08:00",
    "2027-01-06T10:00:00+08:00",
    "2027-01-06T10:05:00+08:00",
];

fn log_edit(e: &mut Editor, at: &str, edit: Edit) {
    e.apply(&edit, Record { at, gesture: None }, |_| format!("{edit:?}"))
        .unwrap();
    e.settle();
}

#[test]
fn the_version_a_copy_left_as_is_found_from_the_change_logs() {
    let mut office = Editor::new(base());
    log_edit(&mut office, AT[0], share("r1", "60"));
    let sent = office.plan().clone();
    log_edit(&mut office, AT[1], share("r16", "50"));
    let mut region = Editor::new(sent.clone());
    log_edit(&mut region, AT[2], role("p3", "Lead"));
    region.set_reason(1, "Wang Wei leads the team now");
    let found = common_ancestor(office.plan(), region.plan()).unwrap();
    assert_eq!(found.since, 1);
    assert_eq!(found.base, sent);
    // From the copy's log alone, when the open plan's log cannot restore it.
    let mut cut = office.plan().clone();
    cut.change_log[1].undo = None;
    let found = common_ancestor(&cut, region.plan()).unwrap();
    assert_eq!(found.base.regions, sent.regions);
    // A copy made before any change: the open plan's state at its start.
    let fresh = Editor::new(base());
    let mut copy = Editor::new(base());
    log_edit(&mut copy, AT[3], role("p3", "Lead"));
    let found = common_ancestor(fresh.plan(), copy.plan()).unwrap();
    assert_eq!((found.base, found.since), (base(), 0));
}

#[test]
fn a_copy_whose_log_cannot_reach_back_or_of_another_plan_is_refused() {
    let mut office = Editor::new(base());
    log_edit(&mut office, AT[0], share("r1", "60"));
    let sent = office.plan().clone();
    log_edit(&mut office, AT[1], share("r16", "50"));
    let mut region = Editor::new(sent);
    log_edit(&mut region, AT[2], role("p3", "Lead"));
    let mut mine = office.plan().clone();
    let mut theirs = region.plan().clone();
    mine.change_log[1].undo = None;
    theirs.change_log[1].undo = None;
    assert_eq!(common_ancestor(&mine, &theirs), Err(AncestorError::CutLog));
    // Its whole log cut away: nothing in common, the first versions differ.
    theirs.change_log.clear();
    assert_eq!(
        common_ancestor(office.plan(), &theirs),
        Err(AncestorError::CutLog)
    );
    let mut other = base();
    other.id = "another".into();
    assert!(matches!(
        common_ancestor(office.plan(), &other),
        Err(AncestorError::DifferentPlans { .. })
    ));
    // A base file the manager picks: the copy must still hold the base's newest change.
    assert_eq!(
        check_base(office.plan(), region.plan()),
        Err(AncestorError::NotFromBase)
    );
    let sent = {
        let mut p = office.plan().clone();
        p.change_log.truncate(1);
        p
    };
    assert_eq!(check_base(&sent, region.plan()), Ok(1));
    assert!(matches!(
        check_base(&sent, &other),
        Err(AncestorError::DifferentPlans { .. })
    ));
}
