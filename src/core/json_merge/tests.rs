use serde_json::json;

use super::*;
use crate::core::lang::Lang;
use crate::core::sample::sample_plan;

fn plan_value() -> Value {
    serde_json::to_value(sample_plan(Lang::En)).unwrap()
}

#[test]
fn records_are_compared_by_key_not_position() {
    let a = json!({"regions": [{"id": "r1", "name": "A"}, {"id": "r2", "name": "B"}]});
    let b = json!({"regions": [{"id": "r0", "name": "New"}, {"id": "r1", "name": "A"}, {"id": "r2", "name": "B2"}]});
    let changes = diff(&a, &b);
    let paths: Vec<&Path> = changes.iter().map(|c| &c.path).collect();
    let regions = Step::Field("regions".into());
    assert_eq!(
        paths,
        vec![
            &vec![
                regions.clone(),
                Step::Record("r2".into()),
                Step::Field("name".into())
            ],
            &vec![regions.clone(), Step::Record("r0".into())],
            &vec![regions.clone(), Step::Order],
        ]
    );
}

#[test]
fn changes_to_different_fields_merge_and_to_the_same_field_collide() {
    let base = plan_value();
    let mut theirs = base.clone();
    theirs["regions"][0]["notes"] = json!("Theirs");
    let mut mine = base.clone();
    mine["regions"][1]["notes"] = json!("Mine");
    let (d_theirs, d_mine) = (diff(&base, &theirs), diff(&base, &mine));
    assert!(!collide(&d_mine, &d_theirs));
    let mut merged = theirs.clone();
    apply(&mut merged, &d_mine).unwrap();
    assert_eq!(merged["regions"][0]["notes"], json!("Theirs"));
    assert_eq!(merged["regions"][1]["notes"], json!("Mine"));

    let mut same_field = base.clone();
    same_field["regions"][0]["notes"] = json!("Mine");
    assert!(collide(&diff(&base, &same_field), &d_theirs));
    // The same value typed in both windows is no collision.
    assert!(!collide(&d_theirs, &d_theirs));
}

#[test]
fn an_edit_inside_a_record_deleted_elsewhere_collides() {
    let base = plan_value();
    let mut theirs = base.clone();
    theirs["regions"].as_array_mut().unwrap().remove(0);
    let mut mine = base.clone();
    mine["regions"][0]["notes"] = json!("Mine");
    assert!(collide(&diff(&base, &mine), &diff(&base, &theirs)));
}

#[test]
fn a_change_applies_only_where_the_value_is_as_it_was() {
    let base = json!({"a": 1, "b": [{"id": "x", "v": 1}, {"id": "y", "v": 2}]});
    let after = json!({"a": 2, "b": [{"id": "y", "v": 2}, {"id": "x", "v": 3}]});
    let changes = diff(&base, &after);
    let mut v = base.clone();
    apply(&mut v, &changes).unwrap();
    assert_eq!(v, after);
    apply(&mut v, &invert(&changes)).unwrap();
    assert_eq!(v, base);
    let mut moved_on = json!({"a": 5, "b": [{"id": "x", "v": 1}, {"id": "y", "v": 2}]});
    let before = moved_on.clone();
    assert_eq!(apply(&mut moved_on, &changes), Err(Stale));
    assert_eq!(moved_on, before, "nothing applied");
}

#[test]
fn the_actuals_of_different_salespeople_do_not_collide() {
    let base = json!({"execution": {"actuals": [
        {"salesperson": "p1", "months": "2027-01 1 1"},
        {"salesperson": "p2", "months": "2027-01 2 2"}
    ]}});
    let mut theirs = base.clone();
    theirs["execution"]["actuals"][0]["months"] = json!("2027-01 9 9");
    let mut mine = base.clone();
    mine["execution"]["actuals"][1]["months"] = json!("2027-01 8 8");
    assert!(!collide(&diff(&base, &mine), &diff(&base, &theirs)));
}

#[test]
fn records_added_and_removed_apply_and_invert() {
    let base = json!({"b": [{"id": "x"}, {"id": "y"}, {"id": "z"}]});
    let after = json!({"b": [{"id": "z"}, {"id": "w"}, {"id": "x"}]});
    let changes = diff(&base, &after);
    let mut v = base.clone();
    apply(&mut v, &changes).unwrap();
    assert_eq!(v, after);
    apply(&mut v, &invert(&changes)).unwrap();
    assert_eq!(v, base);
}
