use rust_decimal::Decimal;

use super::*;
use crate::core::edit::{ExecutionEdit, RegionField};
use crate::core::lang::Lang;
use crate::core::sample::sample_plan;

const AT: &str = "2027-01-05T09:00:00+08:00";

fn editor() -> Editor {
    Editor::new(sample_plan(Lang::En))
}

fn share(e: &Editor, value: i64) -> Edit {
    Edit::Region {
        region: e.plan().regions[0].id.clone(),
        field: RegionField::MarketShare(Decimal::from(value)),
    }
}

fn record(gesture: Option<u64>) -> Record<'static> {
    Record { at: AT, gesture }
}

/// The change log's description of an edit of the first region's share to `value`: old → new.
fn describe(value: i64) -> impl FnOnce(&Plan) -> String {
    move |before| format!("{} → {value}", before.regions[0].market_share)
}

#[test]
fn an_edit_is_logged_and_undone_and_redone() {
    let mut e = editor();
    let original = e.plan().clone();
    let edit = share(&e, 70);
    e.apply(&edit, record(None), describe(70)).unwrap();
    assert_eq!(e.plan().regions[0].market_share, Decimal::from(70));
    let entry = e.log().last().unwrap();
    assert_eq!(entry.what, "64.5 → 70");
    assert_eq!(entry.at, AT);
    assert_eq!(e.undo(), Some(Part::Planning));
    assert_eq!(e.plan(), &original, "undo brings back the plan and its log");
    assert_eq!(e.redo(), Some(Part::Planning));
    assert_eq!(e.plan().regions[0].market_share, Decimal::from(70));
    assert_eq!(e.log().len(), 1);
    assert_eq!(e.undo(), Some(Part::Planning));
    assert_eq!(e.undo(), None, "nothing more to undo");
}

#[test]
fn a_refused_or_empty_edit_leaves_no_step_and_no_entry() {
    let mut e = editor();
    let same = share(&e, 0);
    let unchanged = Edit::Region {
        region: e.plan().regions[0].id.clone(),
        field: RegionField::MarketShare(e.plan().regions[0].market_share),
    };
    assert!(
        !e.apply(&unchanged, record(None), describe(0))
            .unwrap()
            .changed
    );
    let bad = Edit::Region {
        region: e.plan().regions[0].id.clone(),
        field: RegionField::Name(String::new()),
    };
    assert!(e.apply(&bad, record(None), describe(0)).is_err());
    assert!(!e.can_undo());
    assert!(e.log().is_empty());
    e.apply(&same, record(None), describe(0)).unwrap();
    assert!(e.can_undo());
}

#[test]
fn a_gesture_is_one_step_and_one_entry() {
    let mut e = editor();
    let original = e.plan().clone();
    for value in [65, 66, 68, 71] {
        let edit = share(&e, value);
        e.apply(&edit, record(Some(7)), describe(value)).unwrap();
    }
    assert_eq!(e.log().len(), 1);
    assert_eq!(
        e.log()[0].what,
        "64.5 → 71",
        "from before the gesture to its end"
    );
    // A new gesture starts a new step.
    let edit = share(&e, 20);
    e.apply(&edit, record(Some(8)), describe(20)).unwrap();
    assert_eq!(e.log().len(), 2);
    e.undo();
    assert_eq!(e.plan().regions[0].market_share, Decimal::from(71));
    e.undo();
    assert_eq!(e.plan(), &original);
}

#[test]
fn adding_a_salesperson_and_naming_them_is_one_step_and_one_line() {
    let mut e = editor();
    let original = e.plan().clone();
    let subdistrict = e.plan().regions[0].subdistricts[0].id.clone();
    let add = Edit::AddSalesperson {
        subdistrict,
        name: "New salesperson".into(),
    };
    let applied = e
        .apply(&add, record(Some(9)), |_| "Added “New salesperson”".into())
        .unwrap();
    let id = applied.created.unwrap();
    // Leaving the name field unchanged changes nothing and does not end the adding.
    let same = Edit::Salesperson {
        salesperson: id.clone(),
        field: crate::core::edit::SalespersonField::Name("New salesperson".into()),
    };
    e.apply(&same, record(None), |_| unreachable!()).unwrap();
    let named = Edit::Salesperson {
        salesperson: id.clone(),
        field: crate::core::edit::SalespersonField::Name("Peng Li".into()),
    };
    e.apply(&named, record(Some(9)), |_| "Added “Peng Li”".into())
        .unwrap();
    assert_eq!(e.plan().node_name(&id), Some("Peng Li"));
    assert_eq!(e.log().len(), 1, "one line per added person");
    assert_eq!(e.log()[0].what, "Added “Peng Li”");
    e.undo();
    assert_eq!(
        e.plan(),
        &original,
        "one undo takes back the adding and the naming"
    );
}

#[test]
fn the_log_restores_any_earlier_state() {
    let mut e = editor();
    let original = e.plan().clone();
    for value in [10, 20, 30] {
        let edit = share(&e, value);
        e.apply(&edit, record(None), describe(value)).unwrap();
    }
    let first = e.state_at(1).expect("restorable");
    assert_eq!(first.regions[0].market_share, Decimal::from(10));
    let start = e.state_at(0).expect("restorable");
    assert_eq!(start.regions, original.regions);
    e.apply(&Edit::Restore(Box::new(start)), record(None), |_| {
        "restored".into()
    })
    .unwrap();
    assert_eq!(e.plan().regions, original.regions);
    assert_eq!(e.log().len(), 4, "the restore is a change of its own");
    assert_eq!(e.plan().id, original.id);
}

#[test]
fn reasons_survive_undo_and_redo() {
    let mut e = editor();
    let edit = share(&e, 70);
    e.apply(&edit, record(None), describe(70)).unwrap();
    let edit = share(&e, 71);
    e.apply(&edit, record(None), describe(71)).unwrap();
    assert!(e.set_reason(0, "dealer meeting"));
    e.undo();
    assert_eq!(e.log()[0].reason, "dealer meeting");
    e.redo();
    assert_eq!(e.log()[0].reason, "dealer meeting");
}

#[test]
fn planning_and_execution_share_one_history() {
    let mut e = editor();
    let edit = share(&e, 70);
    e.apply(&edit, record(None), describe(70)).unwrap();
    let stale = Edit::Execution(ExecutionEdit::StaleDays(7));
    e.apply(&stale, record(None), |_| "stale days 7".into())
        .unwrap();
    assert_eq!(e.undo(), Some(Part::Execution));
    assert_eq!(e.plan().execution.settings.stale_days, 30);
    assert_eq!(e.undo(), Some(Part::Planning));
}

#[test]
fn the_history_of_a_large_plan_is_bounded_by_its_size() {
    let plan = crate::core::sample::scaled_plan(2_000);
    let size = changelog::json_without_log(&mut plan.clone()).len();
    let mut e = Editor::with_undo_bytes(plan, size * 5 + size / 2);
    for value in 0..12 {
        let edit = share(&e, value);
        e.apply(&edit, record(None), describe(value)).unwrap();
    }
    let undone = std::iter::from_fn(|| e.undo()).count();
    assert_eq!(undone, 5, "five states of this size fit the budget");
    assert_eq!(e.plan().regions[0].market_share, Decimal::from(6));
}

fn typed(e: &Editor, amount: i64) -> Edit {
    Edit::Execution(ExecutionEdit::Actual {
        salesperson: e.plan().regions[0].subdistricts[0].salespeople[0]
            .id
            .clone(),
        month: crate::core::period::YearMonth::new(2027, 2).unwrap(),
        actual: Some(crate::core::execution::Actual {
            amount: Decimal::from(amount),
            ..Default::default()
        }),
    })
}

fn typed_amount(e: &Editor) -> Option<Decimal> {
    let who = &e.plan().regions[0].subdistricts[0].salespeople[0].id;
    e.plan()
        .execution
        .actuals
        .get(who)
        .and_then(|m| m.values().next())
        .map(|a| a.amount)
}

#[test]
fn typed_actuals_are_undone_and_redone_exactly_in_one_history_with_planning() {
    let mut e = editor();
    let original = e.plan().clone();
    e.apply(&share(&e, 70), record(None), describe(70)).unwrap();
    e.settle();
    let renamed = e.plan().clone();
    for amount in [5000, 6000] {
        let edit = typed(&e, amount);
        e.apply(&edit, record(None), |_| format!("Amount: {amount}"))
            .unwrap();
    }
    assert_eq!(typed_amount(&e), Some(Decimal::from(6000)));
    assert_eq!(e.log().len(), 3);
    assert_eq!(e.undo(), Some(Part::Execution));
    assert_eq!(typed_amount(&e), Some(Decimal::from(5000)));
    assert_eq!(e.undo(), Some(Part::Execution));
    assert!(
        e.plan() == &renamed,
        "the plan and its log as before the figures"
    );
    assert_eq!(e.undo(), Some(Part::Planning));
    assert!(e.plan() == &original);
    assert_eq!(e.redo(), Some(Part::Planning));
    assert_eq!(e.redo(), Some(Part::Execution));
    assert_eq!(e.redo(), Some(Part::Execution));
    assert_eq!(typed_amount(&e), Some(Decimal::from(6000)));
    assert_eq!(e.log().len(), 3);
    assert_eq!(e.log()[2].what, "Amount: 6000");
    assert!(!e.can_redo());
}

#[test]
fn a_log_entry_restores_its_state_once_settled() {
    let mut e = editor();
    let original = e.plan().clone();
    let edit = typed(&e, 5000);
    e.apply(&edit, record(None), |_| "typed".into()).unwrap();
    assert_eq!(e.log()[0].undo, None, "the patch follows the screen");
    assert!(e.settle());
    assert!(!e.settle(), "nothing left to compute");
    assert!(e.log()[0].undo.is_some());
    // Each way of knowing the state before: an inverse edit (above), the JSON of the state
    // before, and the newest undo step's copy.
    e.apply(&typed(&e, 6000), record(None), |_| "again".into())
        .unwrap();
    e.apply(&share(&e, 70), record(None), describe(70)).unwrap();
    e.undo();
    e.apply(&share(&e, 71), record(None), describe(71)).unwrap();
    let start = e.state_at(0).expect("every entry restores");
    assert_eq!(start.execution, original.execution);
    assert_eq!(start.regions, original.regions);
    let second = e.state_at(2).expect("restorable");
    assert_eq!(second.regions, original.regions);
    assert_eq!(
        second
            .execution
            .actuals
            .values()
            .next()
            .unwrap()
            .values()
            .next()
            .unwrap()
            .amount,
        Decimal::from(6000)
    );
}

#[test]
fn typed_actuals_hold_no_copy_of_the_plan() {
    let plan = sample_plan(Lang::En);
    let size = changelog::json_without_log(&mut plan.clone()).len();
    // Room for one copy of the plan only.
    let mut e = Editor::with_undo_bytes(plan, size + size / 2);
    e.apply(&share(&e, 70), record(None), describe(70)).unwrap();
    for amount in 1..=20 {
        let edit = typed(&e, amount);
        e.apply(&edit, record(None), |_| String::new()).unwrap();
    }
    let undone = std::iter::from_fn(|| e.undo()).count();
    assert_eq!(undone, 21, "twenty figures and the share");
    assert_eq!(typed_amount(&e), None);
}

#[test]
fn a_refused_figure_changes_nothing() {
    let mut e = editor();
    let original = e.plan().clone();
    let outside = Edit::Execution(ExecutionEdit::Actual {
        salesperson: "nobody".into(),
        month: crate::core::period::YearMonth::new(2027, 2).unwrap(),
        actual: Some(Default::default()),
    });
    assert!(e.apply(&outside, record(None), |_| String::new()).is_err());
    let negative = Edit::Execution(ExecutionEdit::Actual {
        salesperson: original.regions[0].subdistricts[0].salespeople[0]
            .id
            .clone(),
        month: crate::core::period::YearMonth::new(2027, 2).unwrap(),
        actual: Some(crate::core::execution::Actual {
            amount: Decimal::from(-1),
            ..Default::default()
        }),
    });
    assert!(e.apply(&negative, record(None), |_| String::new()).is_err());
    assert_eq!(e.plan(), &original);
    assert!(!e.can_undo());
}

fn notes(e: &Editor, region: usize, text: &str) -> Edit {
    Edit::Region {
        region: e.plan().regions[region].id.clone(),
        field: RegionField::Notes(text.into()),
    }
}

fn write(e: &mut Editor, region: usize, text: &str) {
    let edit = notes(e, region, text);
    let what = format!("notes {region}: {text}");
    e.apply(&edit, record(None), |_| what).unwrap();
    e.settle();
}

/// Another window's editor on the same stored version, after one edit of its own.
fn other_window(base: &Plan, region: usize, text: &str) -> Plan {
    let mut other = Editor::new(base.clone());
    write(&mut other, region, text);
    other.plan().clone()
}

#[test]
fn edits_of_different_fields_in_two_windows_are_both_kept_in_order() {
    let base = sample_plan(Lang::En);
    let mut e = Editor::new(base.clone());
    write(&mut e, 1, "Mine");
    assert_eq!(e.unsaved_count(), 1);
    let newer = other_window(&base, 0, "Theirs");
    assert_eq!(e.rebase(&base, newer, Choice::Ask), Rebased::Merged);
    assert_eq!(e.plan().regions[0].notes, "Theirs");
    assert_eq!(e.plan().regions[1].notes, "Mine");
    let log: Vec<&str> = e.log().iter().map(|c| c.what.as_str()).collect();
    assert_eq!(log, ["notes 0: Theirs", "notes 1: Mine"]);
    assert_eq!(
        e.unsaved_count(),
        1,
        "still to be stored, on the newer version"
    );
    // Undo takes back this window's edit only.
    e.undo();
    assert_eq!(e.plan().regions[0].notes, "Theirs");
    assert_eq!(e.plan().regions[1].notes, "");
}

#[test]
fn the_same_field_changed_in_two_windows_asks_and_either_side_can_win() {
    let base = sample_plan(Lang::En);
    let newer = other_window(&base, 0, "Theirs");
    let mut e = Editor::new(base.clone());
    write(&mut e, 0, "Mine");
    write(&mut e, 2, "Also mine");
    let before = e.plan().clone();
    match e.rebase(&base, newer.clone(), Choice::Ask) {
        Rebased::Collision(c) => {
            assert_eq!(c.theirs, ["notes 0: Theirs"]);
            assert_eq!(c.mine, ["notes 0: Mine", "notes 2: Also mine"]);
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(e.plan(), &before, "nothing changes before the answer");

    let mut mine = e.clone();
    mine.rebase(&base, newer.clone(), Choice::KeepMine);
    assert_eq!(mine.plan().regions[0].notes, "Mine");
    assert_eq!(mine.plan().regions[2].notes, "Also mine");
    assert_eq!(mine.log().len(), 3, "both windows' edits are logged");

    e.rebase(&base, newer, Choice::KeepTheirs);
    assert_eq!(e.plan().regions[0].notes, "Theirs");
    assert_eq!(
        e.plan().regions[2].notes,
        "Also mine",
        "the other edit is kept"
    );
}

#[test]
fn the_undo_history_goes_on_after_another_windows_change() {
    let base = sample_plan(Lang::En);
    let mut e = Editor::new(base.clone());
    write(&mut e, 1, "Stored earlier");
    e.mark_stored(e.unsaved_count());
    let stored = e.plan().clone();
    let newer = other_window(&stored, 0, "Theirs");
    assert_eq!(e.rebase(&stored, newer, Choice::Ask), Rebased::Merged);
    assert_eq!(e.plan().regions[0].notes, "Theirs");
    assert!(e.can_undo(), "the history survived");
    e.set_now(AT);
    e.undo();
    assert_eq!(
        e.plan().regions[1].notes,
        "",
        "this window's edit is taken back"
    );
    assert_eq!(
        e.plan().regions[0].notes,
        "Theirs",
        "the other window's stays"
    );
    let last = e.log().last().unwrap();
    assert_eq!(last.what, "↶ notes 1: Stored earlier");
    e.redo();
    assert_eq!(e.plan().regions[1].notes, "Stored earlier");
    assert_eq!(e.log().last().unwrap().what, "↷ notes 1: Stored earlier");
}

#[test]
fn a_step_whose_field_another_window_changed_is_not_undone() {
    let base = sample_plan(Lang::En);
    let mut e = Editor::new(base.clone());
    write(&mut e, 0, "Mine, stored");
    e.mark_stored(e.unsaved_count());
    let stored = e.plan().clone();
    let newer = other_window(&stored, 0, "Theirs over it");
    e.rebase(&stored, newer, Choice::Ask);
    let now = e.plan().clone();
    e.undo();
    assert_eq!(e.plan(), &now, "the other window's value is not undone");
}

mod stored_text {
    use proptest::prelude::*;

    use super::*;
    use crate::core::format::write_plan;

    #[derive(Clone, Debug)]
    enum Step {
        Share(i64, Option<u64>),
        Actual(i64),
        Undo,
        Redo,
        Reason(String),
    }

    fn step() -> impl Strategy<Value = Step> {
        prop_oneof![
            (0i64..100, proptest::option::of(1u64..3)).prop_map(|(v, g)| Step::Share(v, g)),
            (0i64..1_000_000).prop_map(Step::Actual),
            Just(Step::Undo),
            Just(Step::Redo),
            "[a-z\"\\\\ 中]{0,8}".prop_map(Step::Reason),
        ]
    }

    #[test]
    fn a_plan_without_a_log_is_stored_as_written() {
        let mut e = editor();
        assert_eq!(e.stored_text(), write_plan(e.plan()));
        e.apply(&share(&e, 70), record(None), describe(70)).unwrap();
        assert_eq!(e.stored_text(), write_plan(e.plan()));
        let mut logless = e.plan().clone();
        logless.change_log.clear();
        let json = changelog::json_without_log(&mut logless.clone());
        assert_eq!(
            changelog::with_log(&json, &logless),
            Some(write_plan(&logless))
        );
        assert_eq!(
            changelog::with_log("{}", &logless),
            None,
            "not a plan's layout"
        );
        e.undo();
        assert_eq!(e.stored_text(), write_plan(e.plan()));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// The text a save writes is the plan's text after any run of edits, gestures,
        /// undos, redos and reasons, whatever its id holds.
        #[test]
        fn the_stored_text_is_the_plans_text(
            id in "[a-z0-9\"\\\\/ 区]{1,6}",
            steps in proptest::collection::vec(step(), 1..12),
        ) {
            let mut plan = sample_plan(Lang::En);
            plan.id = id;
            let mut e = Editor::new(plan);
            for step in steps {
                match step {
                    Step::Share(v, gesture) => {
                        let _ = e.apply(&share(&e, v), record(gesture), describe(v));
                    }
                    Step::Actual(amount) => {
                        let _ = e.apply(&typed(&e, amount), record(None), |_| amount.to_string());
                    }
                    Step::Undo => {
                        e.undo();
                    }
                    Step::Redo => {
                        e.redo();
                    }
                    Step::Reason(text) => {
                        let last = e.log().len().checked_sub(1);
                        if let Some(last) = last {
                            e.set_reason(last, &text);
                        }
                    }
                }
                prop_assert_eq!(e.stored_text(), write_plan(e.plan()));
                // Made from the settled JSON, not written afresh.
                if let Some(json) = &e.json {
                    prop_assert_eq!(changelog::with_log(json, e.plan()), Some(write_plan(e.plan())));
                }
            }
        }
    }
}
