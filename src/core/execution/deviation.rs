//! The deviation list (偏差): every node behind pace by more than the threshold as of the
//! tracking's as-of month, worst first, each with the manager's corrective-action note.
//!
//! Notes are keyed by node id **and month**: a region behind in March and again in June is two
//! deviations with two actions, and ticking March's off does not hide June's. A note stays
//! stored when its node catches up (it is the record of what was done).

use rust_decimal::Decimal;

use crate::core::breakdown::{Breakdown, node_name};
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::scenario::{Level, Measure};

use super::edit_error::EditError;
use super::tracking::{Goal, Status, Tracking};

/// A corrective-action note on a node's deviation in a month.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeviationNote {
    /// Node id (the plan's id for the company).
    pub node: String,
    /// The as-of month the deviation was seen in.
    pub month: YearMonth,
    pub note: String,
    /// The action is done.
    pub done: bool,
}

/// A node behind pace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Deviation {
    /// Index into [`Breakdown::nodes`].
    pub node: usize,
    pub level: Level,
    pub id: String,
    pub name: String,
    /// The month it is seen in (the tracking's as-of month).
    pub month: YearMonth,
    /// Year to date.
    pub status: Status,
    /// Target to date − actual to date: what it takes to be back on plan.
    pub shortfall: Decimal,
    /// The note written for this node and month, if any.
    pub note: Option<DeviationNote>,
}

/// Nodes behind pace as of the tracking's as-of month on `measure`, lowest pace first (then
/// in tree order). Empty when nothing has been recorded.
pub fn deviations(plan: &Plan, b: &Breakdown, t: &Tracking, measure: Measure) -> Vec<Deviation> {
    deviations_of(plan, b, t, Goal::Measure(measure))
}

/// Nodes behind pace against a goal (a measure, or the collections targets), as
/// [`deviations`].
pub fn deviations_of(plan: &Plan, b: &Breakdown, t: &Tracking, goal: Goal) -> Vec<Deviation> {
    let Some(month) = t.as_of() else {
        return Vec::new();
    };
    let mut list: Vec<Deviation> = b
        .nodes()
        .iter()
        .enumerate()
        .filter_map(|(i, node)| {
            let status = t.total_of(b, i, goal);
            status.behind.then(|| Deviation {
                node: i,
                level: node.level,
                id: node.id.clone(),
                name: node_name(plan, node.pos).to_string(),
                month,
                status,
                shortfall: status.target_to_date.saturating_sub(status.actual),
                note: plan
                    .execution
                    .deviation_notes
                    .iter()
                    .find(|n| n.node == node.id && n.month == month)
                    .cloned(),
            })
        })
        .collect();
    list.sort_by(|a, b| a.status.pace.cmp(&b.status.pace).then(a.node.cmp(&b.node)));
    list
}

/// Writes (or replaces) the note on a node's deviation in a month; an empty note not done
/// removes it.
pub fn set_deviation_note(
    plan: &mut Plan,
    node: &str,
    month: YearMonth,
    note: &str,
    done: bool,
) -> Result<(), EditError> {
    if node != plan.id && plan.locate(node).is_none() {
        return Err(EditError::UnknownNode(node.into()));
    }
    if !plan.period.months().contains(&month) {
        return Err(EditError::MonthOutsidePeriod(month));
    }
    let note =
        crate::core::field::parse_text(note, 2000).map_err(|e| EditError::field("note", e))?;
    let notes = &mut plan.execution.deviation_notes;
    let at = notes
        .iter()
        .position(|n| n.node == node && n.month == month);
    match (at, note.is_empty() && !done) {
        (Some(i), true) => {
            notes.remove(i);
        }
        (Some(i), false) => {
            notes[i].note = note;
            notes[i].done = done;
        }
        (None, true) => {}
        (None, false) => notes.push(DeviationNote {
            node: node.into(),
            month,
            note,
            done,
        }),
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::breakdown::compute;
    use crate::core::execution::{Actual, set_actual};
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    #[test]
    fn people_behind_pace_are_listed_worst_first_with_their_notes() {
        let mut plan = sample_plan(Lang::En);
        let b = compute(&plan, plan.adopted().unwrap()).unwrap();
        let jan = YearMonth::new(2027, 1).unwrap();
        // Everyone exactly on plan in January, except two people at 50% and 80%.
        let people: Vec<String> = b
            .at_level(Level::Salesperson)
            .map(|i| b.nodes()[i].id.clone())
            .collect();
        for id in &people {
            let i = b.find(id).unwrap();
            let target = b.month_value(i, Measure::Amount, 0);
            let share = match id.as_str() {
                _ if id == &people[3] => Decimal::new(5, 1),
                _ if id == &people[7] => Decimal::new(8, 1),
                _ => Decimal::ONE,
            };
            let a = Actual {
                amount: target * share,
                ..Actual::default()
            };
            set_actual(&mut plan, id, jan, a).unwrap();
        }
        set_deviation_note(
            &mut plan,
            &people[7],
            jan,
            "Joint visit with the lead",
            false,
        )
        .unwrap();
        let t = Tracking::new(&plan, &b, None);
        let list = deviations(&plan, &b, &t, Measure::Amount);
        let ids: Vec<&str> = list.iter().map(|d| d.id.as_str()).collect();
        // The two people, and the first one's sub-district: with one member at half its target
        // the team is below 90% of its own; the second one's team stays within 10%.
        let team = plan.parent_id(&people[3]).unwrap();
        assert_eq!(ids, [people[3].as_str(), people[7].as_str(), team.as_str()]);
        assert_eq!(list[0].status.pace, Some(Decimal::new(5, 1)));
        assert_eq!(
            list[0].shortfall,
            list[0].status.target_to_date / Decimal::TWO
        );
        assert_eq!(list[0].note, None);
        let note = list[1]
            .note
            .as_ref()
            .expect("the note written for person 7 in January");
        assert_eq!(
            (note.note.as_str(), note.done),
            ("Joint visit with the lead", false)
        );
        assert_eq!(list[2].level, Level::Subdistrict);

        set_deviation_note(
            &mut plan,
            &people[7],
            jan,
            "Joint visit with the lead",
            true,
        )
        .unwrap();
        assert!(plan.execution.deviation_notes[0].done);
        set_deviation_note(&mut plan, &people[7], jan, "  ", false).unwrap();
        assert!(
            plan.execution.deviation_notes.is_empty(),
            "an empty open note is removed"
        );
        assert_eq!(
            set_deviation_note(&mut plan, "ghost", jan, "x", false),
            Err(EditError::UnknownNode("ghost".into()))
        );
        let company = plan.id.clone();
        set_deviation_note(&mut plan, &company, jan, "Company-wide push", false).unwrap();
    }
}
