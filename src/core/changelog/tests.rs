use proptest::prelude::*;

use super::*;
use crate::core::edit::{
    Edit, PlanField, RegionField, SalespersonField, ScenarioField, SubdistrictField,
};
use crate::core::field::{parse_name, parse_non_negative, parse_percent, parse_text};
use crate::core::format::read_plan;
use crate::core::lang::Lang;
use crate::core::sample::{sample_plan, scaled_plan};
use crate::core::scenario::Measure;

/// One edit of a plan, as the screens make them.
#[derive(Clone, Debug)]
enum Step {
    /// An edit key on the n-th region, sub-district or salesperson, and the text typed.
    Field(usize, &'static str, String),
    AddRegion(String),
    AddSalesperson(usize, String),
    Delete(usize),
    Move(usize, isize),
    AddScenario,
    Adopt(usize),
}

/// The fields the steps edit, each on the n-th node (of the kind it needs) or the scenario.
const FIELDS: [&str; 12] = [
    "region.name",
    "region.share",
    "region.manager",
    "region.notes",
    "sub.target_share",
    "sub.name",
    "person.name",
    "person.role",
    "person.last_amount",
    "sc.amount_target",
    "sc.lock",
    "plan.name",
];

/// The edit a field step makes on node `id`, if the typed text is a value for it.
fn field_edit(field: &str, id: String, scenario: String, text: &str) -> Option<Edit> {
    let region = |field| Edit::Region {
        region: id.clone(),
        field,
    };
    let sub = |field| Edit::Subdistrict {
        subdistrict: id.clone(),
        field,
    };
    let person = |field| Edit::Salesperson {
        salesperson: id.clone(),
        field,
    };
    let sc = |field| Edit::Scenario {
        scenario: scenario.clone(),
        field,
    };
    Some(match field {
        "region.name" => region(RegionField::Name(parse_name(text).ok()?)),
        "region.share" => region(RegionField::MarketShare(parse_percent(text).ok()?)),
        "region.manager" => region(RegionField::Manager(parse_text(text, 100).ok()?)),
        "region.notes" => region(RegionField::Notes(parse_text(text, 2000).ok()?)),
        "sub.target_share" => sub(SubdistrictField::TargetShare(parse_percent(text).ok()?)),
        "sub.name" => sub(SubdistrictField::Name(parse_name(text).ok()?)),
        "person.name" => person(SalespersonField::Name(parse_name(text).ok()?)),
        "person.role" => person(SalespersonField::Role(parse_text(text, 100).ok()?)),
        "person.last_amount" => {
            person(SalespersonField::LastAmount(parse_non_negative(text).ok()?))
        }
        "sc.amount_target" => sc(ScenarioField::AmountTarget(parse_non_negative(text).ok()?)),
        "sc.lock" => sc(ScenarioField::Lock(
            Measure::Amount,
            id.clone(),
            parse_non_negative(text).ok(),
        )),
        _ => Edit::Plan(PlanField::Name(parse_name(text).ok()?)),
    })
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[0-9]{1,6}(\\.[0-9]{1,2})?",
        "[a-zA-Z ]{1,12}",
        "[长沙衡阳北区 é\"\\\\]{1,8}",
        Just(String::new()),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        6 => (0..40usize, prop::sample::select(&FIELDS[..]), text())
            .prop_map(|(n, k, t)| Step::Field(n, k, t)),
        1 => text().prop_map(Step::AddRegion),
        1 => (0..40usize, text()).prop_map(|(n, t)| Step::AddSalesperson(n, t)),
        1 => (0..40usize).prop_map(Step::Delete),
        1 => (0..40usize, -2..3isize).prop_map(|(n, d)| Step::Move(n, d)),
        1 => Just(Step::AddScenario),
        1 => (0..3usize).prop_map(Step::Adopt),
    ]
}

/// Every node id in tree order.
fn node_ids(plan: &Plan) -> Vec<String> {
    let mut ids = Vec::new();
    for r in &plan.regions {
        ids.push(r.id.clone());
        for d in &r.subdistricts {
            ids.push(d.id.clone());
            ids.extend(d.salespeople.iter().map(|p| p.id.clone()));
        }
    }
    ids
}

/// Applies a step; returns whether the plan changed.
fn run(plan: &mut Plan, step: &Step) -> bool {
    let ids = node_ids(plan);
    let pick = |n: usize| ids.get(n % ids.len().max(1)).cloned().unwrap_or_default();
    let scenario = plan.adopted_scenario.clone();
    match step {
        Step::Field(n, field, text) => field_edit(field, pick(*n), scenario, text)
            .and_then(|edit| edit.apply(plan).ok())
            .is_some_and(|applied| applied.changed),
        Step::AddRegion(name) => {
            plan.add_region(if name.trim().is_empty() { "R" } else { name });
            true
        }
        Step::AddSalesperson(n, name) => {
            let subs: Vec<String> = plan
                .regions
                .iter()
                .flat_map(|r| r.subdistricts.iter().map(|d| d.id.clone()))
                .collect();
            match subs.get(n % subs.len().max(1)) {
                Some(d) => plan
                    .add_salesperson(d, if name.trim().is_empty() { "P" } else { name })
                    .is_ok(),
                None => false,
            }
        }
        Step::Delete(n) => plan.delete_node(&pick(*n)).is_ok(),
        Step::Move(n, d) => plan.move_among_siblings(&pick(*n), *d).unwrap_or(false),
        Step::AddScenario => {
            plan.add_scenario("Option");
            true
        }
        Step::Adopt(n) => {
            let id = plan.scenarios[n % plan.scenarios.len()].id.clone();
            let changed = plan.adopted_scenario != id;
            plan.adopt(&id).is_ok() && changed
        }
    }
}

/// Runs the steps as the app does: each change is recorded with its patch. Returns the JSON
/// (without log) of every state, the first being the plan as it started.
fn edit_logged(plan: &mut Plan, steps: &[Step]) -> Vec<String> {
    let mut states = vec![json_without_log(plan)];
    for (i, step) in steps.iter().enumerate() {
        if run(plan, step) {
            let after = json_without_log(plan);
            let before = states.last().unwrap().clone();
            record(
                &mut plan.change_log,
                format!("2026-11-27T14:{:02}:00+08:00", i % 60),
                format!("step {i}"),
                &before,
                &after,
            );
            states.push(after);
        }
    }
    states
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn the_patches_bring_back_every_earlier_state_exactly(
        steps in prop::collection::vec(step(), 1..25),
        lang in prop::sample::select(vec![Lang::En, Lang::Zh]),
    ) {
        let mut plan = sample_plan(lang);
        let states = edit_logged(&mut plan, &steps);
        let current = json_without_log(&mut plan);
        prop_assert_eq!(plan.change_log.len(), states.len() - 1);
        for (keep, state) in states.iter().enumerate() {
            let back = state_at(&plan.change_log, keep, &current);
            prop_assert_eq!(back.as_ref(), Some(state), "state after {} changes", keep);
            // The text read back is that plan.
            let read = read_plan(state).unwrap();
            prop_assert_eq!(&write_plan(&read), state);
        }
        // The log survives the plan's JSON and still restores.
        let reread = read_plan(&write_plan(&plan)).unwrap();
        prop_assert_eq!(&reread.change_log, &plan.change_log);
        let first = state_at(&reread.change_log, 0, &current);
        prop_assert_eq!(first.as_ref(), Some(&states[0]));
    }

    #[test]
    fn a_diff_turns_one_text_into_the_other(
        a in "[ab长\\{\\}\"é]{0,40}",
        b in "[ab长\\{\\}\"é]{0,40}",
    ) {
        let hunks = diff(&a, &b);
        prop_assert_eq!(apply(&a, &hunks), Some(b.clone()));
    }

    #[test]
    fn any_stored_entry_is_read_or_refused_never_a_panic(entry in "[0-9,:\\nab长]{0,40}") {
        let mut plan = sample_plan(Lang::En);
        plan.change_log.push(Change {
            at: "t".into(),
            what: "w".into(),
            reason: String::new(),
            undo: None,
        });
        let json = write_plan(&plan).replacen(
            r#""t\nw\n""#,
            &serde_json::to_string(&entry).unwrap(),
            1,
        );
        prop_assert!(json.contains(&serde_json::to_string(&entry).unwrap()));
        if let Ok(read) = read_plan(&json) {
            let lines = entry.split('\n').count();
            prop_assert!(lines == 3 || lines == 4, "{:?} read as {:?}", entry, read.change_log);
        }
    }

    #[test]
    fn patches_that_do_not_fit_are_refused_not_panicking(
        text in "[a长é]{0,20}",
        at in 0..30usize,
        cut in 0..30usize,
    ) {
        let hunks = [Hunk(at, cut, "x".into())];
        if let Some(out) = apply(&text, &hunks) {
            prop_assert!(at + cut <= text.len());
            prop_assert_eq!(out.len(), text.len() - cut + 1);
        }
    }
}

#[test]
fn a_slider_gesture_is_one_entry_leading_from_before_the_gesture() {
    let mut plan = sample_plan(Lang::En);
    let s = plan.adopted_scenario.clone();
    let start = json_without_log(&mut plan);
    let mut before = start.clone();
    for (i, value) in ["11", "14", "19", "23"].iter().enumerate() {
        let edit = Edit::Scenario {
            scenario: s.clone(),
            field: ScenarioField::Weight(
                crate::core::model::Factor::Transport,
                value.parse().unwrap(),
            ),
        };
        edit.apply(&mut plan).unwrap();
        let after = json_without_log(&mut plan);
        let what = format!("Transport: 10 → {value}");
        if i == 0 {
            record(&mut plan.change_log, "t".into(), what, &before, &after);
        } else {
            amend_last(&mut plan.change_log, what, &before, &after);
        }
        before = after;
    }
    assert_eq!(plan.change_log.len(), 1);
    assert_eq!(plan.change_log[0].what, "Transport: 10 → 23");
    assert_eq!(state_at(&plan.change_log, 0, &before), Some(start));
}

#[test]
fn two_far_apart_changes_in_a_plan_of_ten_thousand_make_a_small_patch() {
    let mut plan = scaled_plan(10_000);
    let s = plan.adopted_scenario.clone();
    let who = plan.regions[10].subdistricts[3].salespeople[4].id.clone();
    Edit::Scenario {
        scenario: s.clone(),
        field: ScenarioField::Lock(Measure::Amount, who.clone(), Some(100_000.into())),
    }
    .apply(&mut plan)
    .unwrap();
    let before = json_without_log(&mut plan);
    // Deleting a locked salesperson removes the node (regions) and the lock (scenarios).
    plan.delete_node(&who).unwrap();
    let after = json_without_log(&mut plan);
    let hunks = diff(&after, &before);
    let bytes: usize = hunks.iter().map(|h| h.2.len()).sum();
    assert!(before.len() > 1_500_000, "{}", before.len());
    assert!(bytes < 1_000, "{bytes} bytes in {} hunks", hunks.len());
    assert_eq!(apply(&after, &hunks), Some(before.clone()));

    // A period change touches the period at the top and every scenario's seasonality.
    Edit::Plan(PlanField::PeriodKind(
        crate::core::period::PeriodKind::Quarter,
    ))
    .apply(&mut plan)
    .unwrap();
    let quarter = json_without_log(&mut plan);
    let hunks = diff(&quarter, &after);
    let bytes: usize = hunks.iter().map(|h| h.2.len()).sum();
    assert!(bytes < 2_000, "{bytes} bytes in {} hunks", hunks.len());
    assert_eq!(apply(&quarter, &hunks), Some(after));
}

fn entry(n: usize, patch_bytes: usize) -> Change {
    Change {
        at: format!("2026-11-27T10:{:02}:00+08:00", n % 60),
        what: format!("change {n}"),
        reason: String::new(),
        undo: Some(vec![Hunk(0, 0, "x".repeat(patch_bytes))]),
    }
}

#[test]
fn the_log_keeps_the_newest_entries_and_patches_within_its_bounds() {
    let mut log: Vec<Change> = (0..MAX_ENTRIES + 7).map(|n| entry(n, 10)).collect();
    bound(&mut log);
    assert_eq!(log.len(), MAX_ENTRIES);
    assert_eq!(log[0].what, "change 7", "the oldest are dropped");
    assert_eq!(oldest_restorable(&log), 0);

    // Patches of 300 kB: the newest three fit in 1 MB, the older lose theirs.
    let mut log: Vec<Change> = (0..6).map(|n| entry(n, 300_000)).collect();
    bound(&mut log);
    let kept: Vec<bool> = log.iter().map(|c| c.undo.is_some()).collect();
    assert_eq!(kept, [false, false, false, true, true, true]);
    assert_eq!(oldest_restorable(&log), 3);
    assert_eq!(state_at(&log, 2, "text"), None, "past a dropped patch");
    assert_eq!(log.len(), 6, "entries without patch stay listed");
}

#[test]
fn a_reason_is_trimmed_bounded_and_kept_across_an_older_copy_of_the_log() {
    let mut log = vec![entry(1, 1), entry(2, 1)];
    assert!(set_reason(
        &mut log,
        1,
        "  north gets +5%\nafter the dealer meeting "
    ));
    assert_eq!(log[1].reason, "north gets +5% · after the dealer meeting");
    assert!(!set_reason(
        &mut log,
        1,
        "north gets +5% · after the dealer meeting"
    ));
    assert!(set_reason(&mut log, 0, &"长".repeat(MAX_REASON + 1)));
    assert_eq!(log[0].reason, "长".repeat(MAX_REASON), "cut to the limit");
    assert!(!set_reason(&mut log, 9, "no such entry"));

    let mut older = vec![entry(1, 1), entry(2, 1), entry(3, 1)];
    carry_reasons(&log, &mut older);
    assert_eq!(older[1].reason, "north gets +5% · after the dealer meeting");
    let mut other = vec![entry(5, 1), entry(2, 1)];
    carry_reasons(&log, &mut other);
    assert_eq!(
        other[1].reason, "",
        "a different history keeps its own reasons"
    );
}

#[test]
fn a_field_edit_describes_itself() {
    let plan = sample_plan(Lang::En);
    let s = plan.adopted_scenario.clone();
    let r = &plan.regions[0];
    let who = &r.subdistricts[0].salespeople[0];
    let share = Edit::Region {
        region: r.id.clone(),
        field: RegionField::MarketShare(rust_decimal::Decimal::ONE),
    };
    assert_eq!(share.subject(&plan), r.name);
    let scenario = &plan.scenario(&s).unwrap().name;
    let lock = Edit::Scenario {
        scenario: s.clone(),
        field: ScenarioField::Lock(Measure::Amount, who.id.clone(), None),
    };
    assert_eq!(lock.subject(&plan), format!("{scenario} · {}", who.name));
    assert_eq!(Edit::Plan(PlanField::Name("x".into())).subject(&plan), "");
    let moved = Edit::MoveToParent {
        node: who.id.clone(),
        parent: r.subdistricts[1].id.clone(),
    };
    assert_eq!(moved.subject(&plan), who.name, "a move names what moved");
    assert_eq!(
        describe("Changsha", "Target share (%)", "12", "15"),
        "Changsha · Target share (%): 12 → 15"
    );
    assert_eq!(describe("", "Name", "", "North"), "Name: North");
    assert_eq!(describe("Furong", "Remove", "", ""), "Furong · Remove");
    assert_eq!(describe("", "Manager", "Zhou", " "), "Manager: Zhou → —");
    let long = describe("", "Notes", &"a".repeat(100), "line 1\nline 2");
    assert_eq!(
        long,
        format!("Notes: {}… → line 1 · line 2", "a".repeat(60))
    );
}

#[test]
fn search_finds_what_reason_and_time_in_any_case() {
    let mut c = entry(3, 1);
    c.what = "Changsha · Target share (%): 12 → 15".into();
    c.reason = "North gets +5% after the dealer meeting".into();
    for query in ["changsha", "DEALER", "10:03", "  target share ", ""] {
        assert!(matches(&c, query), "{query}");
    }
    c.what = "长沙 · 目标份额: 12 → 15".into();
    assert!(matches(&c, "长沙"));
    assert!(!matches(&c, "Hengyang"));
}

#[test]
fn a_plan_without_changes_writes_no_log_and_an_old_file_reads_with_an_empty_one() {
    let plan = sample_plan(Lang::En);
    assert!(!write_plan(&plan).contains("change_log"));
    let v1 = include_str!("../../../tests/fixtures/plan-v1.json");
    assert!(read_plan(v1).unwrap().change_log.is_empty());
}

#[test]
fn the_log_is_written_as_one_string_per_entry_and_damaged_entries_are_refused() {
    let mut plan = sample_plan(Lang::En);
    plan.change_log = vec![
        Change {
            at: "2026-11-27T14:03:05+08:00".into(),
            what: "Changsha · Market share (%): 64.5 → 66".into(),
            reason: "after the dealer meeting".into(),
            undo: Some(vec![
                Hunk(1207, 2, "64.5".into()),
                Hunk(2000, 3, String::new()),
            ]),
        },
        Change {
            at: "2026-11-27T14:05:00+08:00".into(),
            what: "Added “Region 6”".into(),
            reason: String::new(),
            undo: None,
        },
    ];
    let json = write_plan(&plan);
    let tail = r#","change_log":["2026-11-27T14:03:05+08:00\nChangsha · Market share (%): 64.5 → 66\nafter the dealer meeting\n1207,2,4:64.52000,3,0:","2026-11-27T14:05:00+08:00\nAdded “Region 6”\n"]}"#;
    assert!(json.ends_with(tail), "{}", &json[json.len() - 300..]);
    assert_eq!(read_plan(&json).unwrap(), plan);

    let entry = "2026-11-27T14:05:00+08:00\\nAdded “Region 6”\\n";
    for bad in [
        "only a time",
        "a time\\nno reason line",
        "t\\nw\\nr\\n12,3:xx",
        "t\\nw\\nr\\n1,2,9:short",
        "t\\nw\\nr\\n1,2,x:",
        "t\\nw\\nr\\n1,2,0:\\nfifth line",
    ] {
        let text = json.replacen(entry, bad, 1);
        let err = read_plan(&text).unwrap_err().to_string();
        assert!(err.contains("damaged change_log entry"), "{bad}: {err}");
    }
}

#[test]
fn a_plan_with_a_new_id_still_restores_its_earlier_states() {
    let mut plan = sample_plan(Lang::En);
    let start = json_without_log(&mut plan);
    let r = plan.regions[0].id.clone();
    Edit::Region {
        region: r.clone(),
        field: RegionField::MarketShare(66.into()),
    }
    .apply(&mut plan)
    .unwrap();
    let after = json_without_log(&mut plan);
    record(
        &mut plan.change_log,
        "t".into(),
        "share".into(),
        &start,
        &after,
    );
    // Imported as a copy: a longer id, which would shift every byte after it.
    plan.id = "plan-1764212345678".into();
    let current = json_without_log(&mut plan);
    assert_eq!(current, after, "the id is not part of the patched text");
    let back = read_plan(&state_at(&plan.change_log, 0, &current).unwrap()).unwrap();
    assert_eq!(back.id, ID_IN_PATCHES);
    assert_eq!(
        back.regions[0].market_share,
        sample_plan(Lang::En).regions[0].market_share
    );
}

#[test]
fn text_changes_are_made_again_on_their_own_text_only() {
    let before = r#"{"notes":"","name":"Changsha","log":[]}"#;
    let after = r#"{"notes":"Kept","name":"Changsha","log":["a"]}"#;
    let changes = TextChanges::between(before, after).unwrap();
    assert_eq!(changes.apply(before).as_deref(), Some(after));
    // Another text of the same length, or one changed where the changes are, takes none.
    assert_eq!(changes.apply(&before.replace("Changsha", "Zhuzhou!")), None);
    assert_eq!(changes.apply(&before.replace("name", "nome")), None);
    assert_eq!(changes.apply(""), None);
}

proptest! {
    #[test]
    fn any_text_changes_make_the_text_after(
        before in "[a-c中\"]{0,40}",
        after in "[a-c中\"]{0,40}",
    ) {
        let changes = TextChanges::between(&before, &after).unwrap();
        prop_assert_eq!(changes.apply(&before), Some(after));
    }
}
