//! Completion and pace at every level, and the deviation list (偏差) with corrective actions.

use std::collections::HashSet;

use super::rate;
use crate::core::breakdown::{Breakdown, node_name};
use crate::core::execution::{Deviation, Goal, OverdueMilestone, Status, Tracking};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::scenario::Level;
use crate::i18n::exec::ExecText;
use crate::i18n::fill;
use crate::view::numbers::amount;

/// How a node stands against its pace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Standing {
    /// Behind pace by more than the threshold.
    Behind,
    OnTrack,
    /// No target to date to measure against.
    Unmeasured,
}

impl Standing {
    /// The CSS class of the status cell.
    pub fn class(self) -> &'static str {
        match self {
            Standing::Behind => "status behind",
            Standing::OnTrack => "status ok",
            Standing::Unmeasured => "status",
        }
    }
}

/// A node's figures over the period, formatted.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct StatusCells {
    pub target: String,
    pub target_to_date: String,
    pub actual: String,
    pub completion: String,
    pub pace: String,
    pub standing: Standing,
    /// The word for the standing.
    pub status: &'static str,
}

fn status_cells(t: &ExecText, lang: Lang, s: &Status) -> StatusCells {
    let standing = if s.behind {
        Standing::Behind
    } else if s.pace.is_some() {
        Standing::OnTrack
    } else {
        Standing::Unmeasured
    };
    StatusCells {
        target: amount(s.target, lang),
        target_to_date: amount(s.target_to_date, lang),
        actual: amount(s.actual, lang),
        completion: rate(t, s.completion),
        pace: rate(t, s.pace),
        standing,
        status: match standing {
            Standing::Behind => t.behind,
            Standing::OnTrack => t.on_track,
            Standing::Unmeasured => t.none_dash,
        },
    }
}

/// A row of the completion table: a node at its depth (company 0 … salesperson 3).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LevelRow {
    pub id: String,
    pub depth: u8,
    pub name: String,
    /// Whether the row can be opened to show its children (the company is always open).
    pub expandable: bool,
    pub open: bool,
    pub cells: StatusCells,
}

/// The completion table's column headings.
pub fn level_columns(t: &ExecText) -> [&'static str; 7] {
    [
        t.name,
        t.target,
        t.target_to_date,
        t.actual,
        t.completion,
        t.pace,
        t.status,
    ]
}

/// The company, its regions, and the children of every open row, in tree order, each with
/// its period target, target and actual to date, completion, pace and status against `goal`
/// (a measure, or the collections targets).
pub fn level_rows(
    t: &ExecText,
    lang: Lang,
    plan: &Plan,
    b: &Breakdown,
    tr: &Tracking,
    goal: Goal,
    expanded: &HashSet<String>,
) -> Vec<LevelRow> {
    let mut rows = Vec::new();
    let mut stack = vec![0usize];
    while let Some(i) = stack.pop() {
        let node = &b.nodes()[i];
        let open = i == 0 || expanded.contains(&node.id);
        rows.push(LevelRow {
            id: node.id.clone(),
            depth: match node.level {
                Level::Company => 0,
                Level::Region => 1,
                Level::Subdistrict => 2,
                Level::Salesperson => 3,
            },
            name: node_name(plan, node.pos).to_string(),
            expandable: i != 0 && b.children(i).len() > 0,
            open,
            cells: status_cells(t, lang, &tr.total_of(b, i, goal)),
        });
        if open {
            let children: Vec<usize> = b.children(i).collect();
            stack.extend(children.into_iter().rev());
        }
    }
    rows
}

/// A row of the deviation list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct DeviationRow {
    pub id: String,
    pub name: String,
    pub level: &'static str,
    pub target_to_date: String,
    pub actual: String,
    pub pace: String,
    pub shortfall: String,
    /// The corrective action written for this month.
    pub note: String,
    /// Whether that action is done.
    pub done: bool,
}

/// The deviation list's column headings.
pub fn deviation_columns(t: &ExecText) -> [&'static str; 9] {
    [
        t.name,
        t.level,
        t.target_to_date,
        t.actual,
        t.pace,
        t.shortfall,
        t.action_note,
        t.action_done,
        t.respread_column,
    ]
}

/// The first `limit` deviations, lowest pace first, with their notes.
pub fn deviation_rows(
    t: &ExecText,
    lang: Lang,
    list: &[Deviation],
    limit: usize,
) -> Vec<DeviationRow> {
    list.iter()
        .take(limit)
        .map(|d| {
            let (note, done) = d
                .note
                .as_ref()
                .map_or((String::new(), false), |n| (n.note.clone(), n.done));
            DeviationRow {
                id: d.id.clone(),
                name: d.name.clone(),
                level: level_name(t, d.level),
                target_to_date: amount(d.status.target_to_date, lang),
                actual: amount(d.status.actual, lang),
                pace: rate(t, d.status.pace),
                shortfall: amount(d.shortfall, lang),
                note,
                done,
            }
        })
        .collect()
}

/// An overdue milestone on the deviation list.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MilestoneDeviationRow {
    /// Sub-district id and position: `sub|index`, the row's key.
    pub key: String,
    pub subdistrict: String,
    pub index: usize,
    /// `Furong District · Changsha`.
    pub place: String,
    pub title: String,
    /// `2027-03-31`.
    pub due: String,
    /// `15 days`.
    pub overdue: String,
    pub note: String,
}

/// The overdue milestones' column headings.
pub fn milestone_columns(t: &ExecText) -> [&'static str; 6] {
    [
        t.subdistrict,
        t.milestone,
        t.milestone_due,
        t.milestone_overdue,
        t.action_note,
        t.action_done,
    ]
}

/// The overdue milestones as rows, longest overdue first.
pub fn milestone_rows(t: &ExecText, list: &[OverdueMilestone]) -> Vec<MilestoneDeviationRow> {
    list.iter()
        .map(|m| MilestoneDeviationRow {
            key: format!("{}|{}", m.subdistrict, m.index),
            subdistrict: m.subdistrict.clone(),
            index: m.index,
            place: format!("{} · {}", m.subdistrict_name, m.region_name),
            title: m.title.clone(),
            due: m.date.to_string(),
            overdue: fill(t.days_overdue, &[&m.days.to_string()]),
            note: m.note.clone(),
        })
        .collect()
}

pub fn level_name(t: &ExecText, level: Level) -> &'static str {
    match level {
        Level::Company => t.total,
        Level::Region => t.region,
        Level::Subdistrict => t.subdistrict,
        Level::Salesperson => t.salesperson,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::execution::{Actual, deviations, set_actual, set_deviation_note};
    use crate::core::period::YearMonth;
    use crate::core::sample::sample_plan;
    use crate::core::scenario::Measure;
    use crate::i18n::exec::EXEC_EN;
    use rust_decimal::Decimal;

    #[test]
    fn a_person_far_behind_is_listed_with_the_note_written_for_the_month() {
        let mut plan = sample_plan(Lang::En);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let person = b.at_level(Level::Salesperson).next().unwrap();
        let id = b.nodes()[person].id.clone();
        let jan = YearMonth::new(2027, 1).unwrap();
        let target = b.month_value(person, Measure::Amount, 0);
        // Half the month's target: 50% pace, far behind a 10% threshold.
        let half = Actual {
            amount: target / Decimal::TWO,
            ..Actual::default()
        };
        set_actual(&mut plan, &id, jan, half).unwrap();
        set_deviation_note(&mut plan, &id, jan, "Joint visits", true).unwrap();
        let tr = Tracking::new(&plan, &b, None);
        let list = deviations(&plan, &b, &tr, Measure::Amount);
        let rows = deviation_rows(&EXEC_EN, Lang::En, &list, 100);
        let row = rows.iter().find(|r| r.id == id).expect("listed");
        assert_eq!(row.pace, "50%");
        assert_eq!(row.level, "Salesperson");
        assert_eq!((row.note.as_str(), row.done), ("Joint visits", true));
        assert_eq!(row.shortfall, amount(target - half.amount, Lang::En));
        assert_eq!(deviation_rows(&EXEC_EN, Lang::En, &list, 1).len(), 1);

        let levels = level_rows(
            &EXEC_EN,
            Lang::En,
            &plan,
            &b,
            &tr,
            Goal::Measure(Measure::Amount),
            &HashSet::new(),
        );
        assert_eq!(levels[0].depth, 0);
        assert_eq!(levels[0].cells.standing, Standing::Behind);
        assert_eq!(levels[0].cells.status, "Behind");
        let regions: Vec<&LevelRow> = levels.iter().filter(|r| r.depth == 1).collect();
        assert_eq!(regions.len(), plan.regions.len());
        assert_eq!(levels.len(), 1 + plan.regions.len(), "regions start closed");
        assert!(regions.iter().all(|r| r.expandable && !r.open));
    }

    #[test]
    fn an_open_region_shows_its_sub_districts_under_it() {
        let plan = sample_plan(Lang::En);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let tr = Tracking::new(&plan, &b, None);
        let region = &plan.regions[0];
        let open = HashSet::from([region.id.clone()]);
        let rows = level_rows(
            &EXEC_EN,
            Lang::En,
            &plan,
            &b,
            &tr,
            Goal::Measure(Measure::Amount),
            &open,
        );
        assert_eq!(rows[1].id, region.id);
        assert!(rows[1].open);
        let subs: Vec<&str> = rows[2..2 + region.subdistricts.len()]
            .iter()
            .map(|r| r.name.as_str())
            .collect();
        let expected: Vec<&str> = region
            .subdistricts
            .iter()
            .map(|d| d.name.as_str())
            .collect();
        assert_eq!(subs, expected);
        assert!(rows[2..].iter().all(|r| r.depth <= 2));
        // Nothing recorded: no pace to be behind.
        assert_eq!(rows[1].cells.standing, Standing::Unmeasured);
        assert_eq!(rows[1].cells.pace, "—");
    }

    #[test]
    fn no_actuals_means_no_deviations() {
        let plan = sample_plan(Lang::Zh);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let tr = Tracking::new(&plan, &b, None);
        assert!(deviations(&plan, &b, &tr, Measure::Amount).is_empty());
        assert_eq!(tr.as_of(), None);
    }

    #[test]
    fn overdue_milestones_read_with_their_place_due_date_and_days() {
        use crate::core::execution::overdue_milestones;
        use crate::i18n::exec::{EXEC_EN, EXEC_ZH};
        let mut plan = crate::core::sample::sample_plan(Lang::En);
        let d = &mut plan.regions[0].subdistricts[0];
        d.milestones[0].note = "Visit with the director".into();
        let (sub, sub_name, due) = (d.id.clone(), d.name.clone(), d.milestones[0].date);
        let today = due + chrono::Duration::days(15);
        let rows = milestone_rows(&EXEC_EN, &overdue_milestones(&plan, today));
        let row = rows.iter().find(|r| r.key == format!("{sub}|0")).unwrap();
        assert_eq!(row.place, format!("{sub_name} · {}", plan.regions[0].name));
        assert_eq!(row.due, due.to_string());
        assert_eq!(row.overdue, "15 days");
        assert_eq!(row.note, "Visit with the director");
        assert_eq!((row.subdistrict.as_str(), row.index), (sub.as_str(), 0));
        let zh = milestone_rows(&EXEC_ZH, &overdue_milestones(&plan, today));
        assert!(zh.iter().any(|r| r.overdue == "15 天"));
        assert_eq!(milestone_columns(&EXEC_ZH)[1], "进度节点");
        assert!(
            milestone_rows(&EXEC_EN, &overdue_milestones(&plan, due))
                .iter()
                .all(|r| r.key != row.key),
            "not overdue on its own day"
        );
    }
}
