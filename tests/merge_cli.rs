//! `planner diff` and `planner merge`, run as a user would: on copies of the sample plan edited
//! through the editor (so their change logs are the app's), and on bad input.

use std::path::{Path, PathBuf};

use region_planner::core::edit::{Edit, RegionField, SalespersonField};
use region_planner::core::editor::{Editor, Record};
use region_planner::core::format::{read_plan, write_plan_pretty};
use region_planner::core::lang::Lang;
use region_planner::core::model::Plan;
use region_planner::core::sample::sample_plan;
use rust_decimal::Decimal;

#[path = "common/planner_cli.rs"]
mod planner_cli;

use planner_cli::{planner, stderr, stdout};

fn file(name: &str, plan: &Plan) -> PathBuf {
    planner_cli::temp_file("planner-merge", name, write_plan_pretty(plan))
}

fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn edit(e: &mut Editor, at: &str, edit: Edit) {
    e.apply(&edit, Record { at, gesture: None }, |_| format!("{edit:?}"))
        .unwrap();
    e.settle();
}

fn share(region: &str, v: i64) -> Edit {
    Edit::Region {
        region: region.into(),
        field: RegionField::MarketShare(Decimal::from(v)),
    }
}

fn role(person: &str, v: &str) -> Edit {
    Edit::Salesperson {
        salesperson: person.into(),
        field: SalespersonField::Role(v.into()),
    }
}

/// The plan as sent (one logged change), the office's plan since, and a region's copy.
fn three() -> (Plan, Plan, Plan) {
    let mut office = Editor::new(sample_plan(Lang::En));
    edit(&mut office, "2027-01-05T09:00:00+08:00", share("r1", 60));
    let sent = office.plan().clone();
    edit(&mut office, "2027-01-06T09:00:00+08:00", share("r16", 50));
    let mut region = Editor::new(sent.clone());
    edit(&mut region, "2027-01-06T10:00:00+08:00", role("p3", "Lead"));
    region.set_reason(1, "Wang Wei leads the team now");
    (sent, office.plan().clone(), region.plan().clone())
}

#[test]
fn diff_prints_one_line_per_change_and_exits_1() {
    let (sent, mine, _) = three();
    let mut after = Editor::new(mine);
    let last = Edit::Region {
        region: "r16".into(),
        field: RegionField::LastAmount(Decimal::from(30_000_000)),
    };
    edit(&mut after, "2027-01-07T09:00:00+08:00", last);
    let (a, b) = (
        file("diff-a.json", &sent),
        file("diff-b.json", after.plan()),
    );
    let out = planner(&["diff", arg(&a), arg(&b)]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0..2],
        [
            "Zhuzhou (r16) · Last period's amount: 14,800,000 → 30,000,000",
            "Zhuzhou (r16) · Market share (%): 47.2% → 50%"
        ]
    );
    assert_eq!(lines[2], "");
    assert_eq!(lines[3], "Targets of the adopted scenario that move:");
    assert!(
        lines[4..].iter().all(|l| l.starts_with("  ")),
        "target lines are indented: {text}"
    );
    assert!(
        text.contains("  Zhuzhou (r16) · amount: "),
        "higher sales last period move the region's target (history method): {text}"
    );
}

#[test]
fn diff_of_equal_plans_prints_nothing_and_exits_0() {
    let plan = sample_plan(Lang::Zh);
    let (a, b) = (file("same-a.json", &plan), file("same-b.json", &plan));
    let out = planner(&["diff", arg(&a), arg(&b)]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(stdout(&out), "");
}

#[test]
fn diff_of_an_unreadable_file_says_why_and_exits_2() {
    let good = file("good.json", &sample_plan(Lang::En));
    let damaged = planner_cli::temp_file(
        "planner-merge",
        "damaged.json",
        "{\"format_version\": 1, \"id\": ",
    );
    let future = planner_cli::temp_file(
        "planner-merge",
        "future.json",
        write_plan_pretty(&sample_plan(Lang::En)).replacen(
            "\"format_version\": 1",
            "\"format_version\": 7",
            1,
        ),
    );
    for (bad, reason) in [
        (damaged, "not valid JSON"),
        (
            future,
            "written in format version 7; this version reads up to 1",
        ),
        (PathBuf::from("/nonexistent/plan.json"), "cannot read"),
    ] {
        let out = planner(&["diff", arg(&good), arg(&bad)]);
        assert_eq!(out.status.code(), Some(2), "{}", bad.display());
        assert!(stderr(&out).contains(reason), "{}", stderr(&out));
        assert_eq!(stdout(&out), "");
    }
    let out = planner(&["diff", arg(&good)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("diff needs two plan files"));
}

#[test]
fn merge_without_collisions_prints_the_merged_plan() {
    let (sent, mine, theirs) = three();
    let (b, m, t) = (
        file("ok-base.json", &sent),
        file("ok-mine.json", &mine),
        file("ok-theirs.json", &theirs),
    );
    let out = planner(&["merge", arg(&b), arg(&m), arg(&t)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let merged = read_plan(&stdout(&out)).expect("the output is a plan file");
    assert_eq!(
        merged.region("r16").unwrap().market_share,
        Decimal::from(50)
    );
    assert_eq!(merged.salesperson("p3").unwrap().role, "Lead");
    let entry = merged.change_log.last().unwrap();
    assert!(
        entry.what.starts_with("Merged planner-merge-"),
        "{}",
        entry.what
    );
    assert!(
        entry.reason.ends_with(": Wang Wei leads the team now"),
        "{}",
        entry.reason
    );
    assert_eq!(merged.change_log.len(), mine.change_log.len() + 1);

    // -o writes the file instead.
    let target =
        std::env::temp_dir().join(format!("planner-merge-{}-out.json", std::process::id()));
    let _ = std::fs::remove_file(&target);
    let out = planner(&["merge", arg(&b), arg(&m), arg(&t), "-o", arg(&target)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let written = read_plan(&std::fs::read_to_string(&target).unwrap()).unwrap();
    assert_eq!(written.regions, merged.regions);
}

#[test]
fn merge_with_a_collision_lists_it_writes_nothing_and_exits_1() {
    let (sent, mine, theirs) = three();
    let mut theirs_editor = Editor::new(theirs);
    edit(
        &mut theirs_editor,
        "2027-01-06T11:00:00+08:00",
        share("r16", 44),
    );
    let theirs = theirs_editor.plan().clone();
    let (b, m, t) = (
        file("c-base.json", &sent),
        file("c-mine.json", &mine),
        file("c-theirs.json", &theirs),
    );
    let target =
        std::env::temp_dir().join(format!("planner-merge-{}-c-out.json", std::process::id()));
    let _ = std::fs::remove_file(&target);
    let out = planner(&["merge", arg(&b), arg(&m), arg(&t), "-o", arg(&target)]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(
        lines[0],
        "Zhuzhou (r16) · Market share (%): base 47.2%, mine 50%, theirs 44%"
    );
    assert!(lines[1].starts_with("planner: 1 collision(s); nothing written"));
    assert_eq!(stdout(&out), "");
    assert!(!target.exists(), "nothing is written");

    for (take, share) in [("theirs", 44), ("mine", 50)] {
        let out = planner(&["merge", arg(&b), arg(&m), arg(&t), "--take", take]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let merged = read_plan(&stdout(&out)).unwrap();
        assert_eq!(
            merged.region("r16").unwrap().market_share,
            Decimal::from(share)
        );
        assert_eq!(
            merged.salesperson("p3").unwrap().role,
            "Lead",
            "the rest merges"
        );
    }
    let out = planner(&["merge", arg(&b), arg(&m), arg(&t), "--take", "both"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--take takes mine or theirs, not 'both'"));
}

#[test]
fn merge_refuses_files_of_other_plans_and_cut_logs() {
    let (sent, mine, theirs) = three();
    let (b, m) = (file("r-base.json", &sent), file("r-mine.json", &mine));
    let mut other = sample_plan(Lang::En);
    other.id = "another-plan".into();
    let mut other_editor = Editor::new(other);
    edit(
        &mut other_editor,
        "2027-02-01T09:00:00+08:00",
        share("r1", 10),
    );
    let other = file("r-other.json", other_editor.plan());
    let out = planner(&["merge", arg(&b), arg(&m), arg(&other)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("it is another plan (id 'another-plan'"),
        "{}",
        stderr(&out)
    );
    let mut cut = theirs.clone();
    cut.change_log.clear();
    let cut = file("r-cut.json", &cut);
    let out = planner(&["merge", arg(&b), arg(&m), arg(&cut)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("does not hold the base's newest change"),
        "{}",
        stderr(&out)
    );
    let damaged = planner_cli::temp_file("planner-merge", "r-damaged.json", "[1, 2");
    let out = planner(&["merge", arg(&b), arg(&m), arg(&damaged)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("not valid JSON"), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
}
