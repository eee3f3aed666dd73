//! Overdue milestones (开发和推广进度): steps of a sub-district's development and promotion
//! schedule not done by their date. They are deviations too, with a corrective-action note kept
//! on the milestone and a done tick that records the day.

use chrono::NaiveDate;

use crate::core::model::Plan;

/// A milestone not done by its date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OverdueMilestone {
    pub region: String,
    pub region_name: String,
    pub subdistrict: String,
    pub subdistrict_name: String,
    /// Its position in the sub-district's schedule (the edits' index).
    pub index: usize,
    pub date: NaiveDate,
    pub title: String,
    /// Days since its date.
    pub days: i64,
    pub note: String,
}

/// Every milestone not done before `today`, the longest overdue first (then in tree order).
pub fn overdue_milestones(plan: &Plan, today: NaiveDate) -> Vec<OverdueMilestone> {
    let mut list: Vec<OverdueMilestone> = plan
        .regions
        .iter()
        .flat_map(|r| r.subdistricts.iter().map(move |d| (r, d)))
        .flat_map(|(r, d)| {
            d.milestones
                .iter()
                .enumerate()
                .filter(|(_, m)| m.is_overdue(today))
                .map(move |(index, m)| OverdueMilestone {
                    region: r.id.clone(),
                    region_name: r.name.clone(),
                    subdistrict: d.id.clone(),
                    subdistrict_name: d.name.clone(),
                    index,
                    date: m.date,
                    title: m.title.clone(),
                    days: (today - m.date).num_days(),
                    note: m.note.clone(),
                })
        })
        .collect();
    // Stable: equal dates keep the tree order.
    list.sort_by_key(|m| m.date);
    list
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::{Edit, SubdistrictField};
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    fn day(text: &str) -> NaiveDate {
        crate::core::field::parse_date(text).unwrap()
    }

    #[test]
    fn milestones_not_done_by_their_date_are_overdue_oldest_first_until_ticked() {
        let mut plan = sample_plan(Lang::En);
        for r in &mut plan.regions {
            for d in &mut r.subdistricts {
                d.milestones.clear();
            }
        }
        let add = |plan: &mut Plan, r: usize, d: usize, date: &str, title: &str| {
            plan.regions[r].subdistricts[d]
                .milestones
                .push(crate::core::model::Milestone {
                    date: day(date),
                    title: title.into(),
                    done: false,
                    done_on: None,
                    note: String::new(),
                });
        };
        add(&mut plan, 0, 0, "2027-03-31", "Sign the depot");
        add(&mut plan, 0, 0, "2027-06-30", "Open 20 shops");
        add(&mut plan, 1, 0, "2027-02-28", "Publicity campaign");
        add(&mut plan, 1, 0, "2027-04-15", "On the day: not yet overdue");
        let today = day("2027-04-15");
        let list = overdue_milestones(&plan, today);
        let titles: Vec<&str> = list.iter().map(|m| m.title.as_str()).collect();
        assert_eq!(titles, ["Publicity campaign", "Sign the depot"]);
        // 28 Feb → 15 Apr 2027: 31 + 15 days; 31 Mar → 15 Apr: 15 days.
        assert_eq!(list[0].days, 46);
        assert_eq!(list[1].days, 15);
        assert_eq!(list[1].subdistrict, plan.regions[0].subdistricts[0].id);
        assert_eq!(list[1].region_name, plan.regions[0].name);
        assert_eq!(list[1].index, 0);

        // A note, then the tick with the day it was done: it leaves the list.
        let sub = plan.regions[0].subdistricts[0].id.clone();
        let edit = |field| Edit::Subdistrict {
            subdistrict: sub.clone(),
            field,
        };
        edit(SubdistrictField::MilestoneNote(
            0,
            "Joint visit with the director".into(),
        ))
        .apply(&mut plan)
        .unwrap();
        assert_eq!(
            overdue_milestones(&plan, today)[1].note,
            "Joint visit with the director"
        );
        edit(SubdistrictField::MilestoneDoneOn(
            0,
            Some(day("2027-04-10")),
        ))
        .apply(&mut plan)
        .unwrap();
        let m = &plan.regions[0].subdistricts[0].milestones[0];
        assert!(m.done, "a done date ticks it");
        assert_eq!(m.done_on, Some(day("2027-04-10")));
        assert_eq!(overdue_milestones(&plan, today).len(), 1);
        // Unticking forgets the day and puts it back on the list.
        edit(SubdistrictField::MilestoneDone(0, false))
            .apply(&mut plan)
            .unwrap();
        let m = &plan.regions[0].subdistricts[0].milestones[0];
        assert_eq!((m.done, m.done_on), (false, None));
        assert_eq!(overdue_milestones(&plan, today).len(), 2);
    }
}
