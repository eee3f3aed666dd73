//! Merging one or several returned copies into the open plan, as the merge screen runs it: each
//! copy is read against the version it started from (found from the change logs, or the base
//! file the manager chose), then merged in turn — the second into the result of the first — with
//! the manager's choices for the collisions. Nothing here changes the open plan: the result is
//! a plan the screen applies as one step once the manager confirms.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::core::merge::{Choice, check_base, common_ancestor, merge3};
use crate::core::model::Plan;
use crate::i18n::fill;

use super::merge_view::{CollisionRow, CopyView, collision_rows, copy_view};
use super::plan_diff::{DiffRow, Words, region_choices};

/// A returned copy, read and placed against the version it started from.
#[derive(Clone, Debug, PartialEq)]
pub struct Returned {
    pub file: String,
    pub copy: Plan,
    /// The version the copy started from.
    pub base: Plan,
    /// Where the copy's own changes start in its change log.
    pub since: usize,
}

/// Places each copy against the version it started from: `base` when the manager chose a base
/// file, else the version both change logs share with the open plan. The first copy that
/// cannot be placed stops it all, with the reason naming the file.
pub fn place_copies(
    w: Words,
    open: &Plan,
    copies: Vec<(String, Plan)>,
    base: Option<&Plan>,
) -> Result<Vec<Returned>, String> {
    copies
        .into_iter()
        .map(|(file, copy)| {
            let placed = match base {
                Some(base) => check_base(base, &copy).map(|since| (base.clone(), since)),
                None => common_ancestor(open, &copy).map(|a| (a.base, a.since)),
            };
            match placed {
                Ok((base, since)) => Ok(Returned {
                    file,
                    copy,
                    base,
                    since,
                }),
                Err(e) => Err(w.m.ancestor_error(&file, &e)),
            }
        })
        .collect()
}

/// The reasons written in a copy for its own changes (its log entries from `since` on).
pub fn copy_reasons(copy: &Plan, since: usize) -> Vec<String> {
    copy.change_log
        .iter()
        .skip(since)
        .filter(|c| !c.reason.trim().is_empty())
        .map(|c| c.reason.clone())
        .collect()
}

/// A merge of returned copies with the choices made so far.
#[derive(Clone, Debug, PartialEq)]
pub struct MergeFlow {
    /// Per copy, its changes and what becomes of each.
    pub copies: Vec<CopyView>,
    /// Per copy, the regions its changes concern, `(id, name)`, for the region filter.
    pub regions: Vec<Vec<(String, String)>>,
    /// Every collision of every copy, numbered across copies.
    pub collisions: Vec<CollisionRow>,
    /// The collisions without a choice yet.
    pub to_choose: usize,
    /// The merged plan, or why it cannot be made with these choices.
    pub result: Result<Plan, String>,
    /// The change-log line of the merge (`Merged north.json, south.json: 14 changes, …`).
    pub log_line: String,
    /// Each copy's reasons, as the merge's reason (`north.json: dealer lost; south.json: …`).
    pub reason: String,
    /// Whether the copies change anything in the open plan.
    pub changes_anything: bool,
}

/// Merges `copies` in turn into `open`, settling collisions by `choices` (by collision key; a
/// collision without a choice keeps the open plan's for the result shown, and counts in
/// [`MergeFlow::to_choose`]).
pub fn merge_copies(
    w: Words,
    open: &Plan,
    copies: &[Returned],
    choices: &HashMap<String, Choice>,
) -> MergeFlow {
    // The open plan is borrowed until a copy is merged into it.
    let mut current = Cow::Borrowed(open);
    let mut views = Vec::new();
    let mut regions = Vec::new();
    let mut collisions: Vec<CollisionRow> = Vec::new();
    let mut result = Ok(());
    let (mut changes, mut reasons) = (0, Vec::new());
    for r in copies {
        let merge = merge3(&r.base, &current, &r.copy);
        let rows = collision_rows(w, &r.file, &merge, collisions.len());
        let picked: Vec<Choice> = rows
            .iter()
            .map(|row| choices.get(&row.key).cloned().unwrap_or(Choice::Mine))
            .collect();
        let since = r
            .since
            .checked_sub(1)
            .and_then(|i| r.copy.change_log.get(i))
            .map(|c| c.at.as_str());
        let copy_reasons = copy_reasons(&r.copy, r.since);
        if !copy_reasons.is_empty() {
            reasons.push(format!("{}: {}", r.file, copy_reasons.join("; ")));
        }
        let view = copy_view(w, &r.file, &merge, since, copy_reasons, collisions.len());
        let changed: Vec<DiffRow> = view.rows.iter().map(|x| x.row.clone()).collect();
        regions.push(region_choices([&merge.base, &merge.theirs], &changed));
        views.push(view);
        changes += merge.theirs_changes.len();
        if result.is_ok() {
            match merge.resolve(&picked) {
                Ok(plan) => current = Cow::Owned(plan),
                Err(e) => result = Err(w.m.merge_error(w.t, &e)),
            }
        }
        collisions.extend(rows);
    }
    let to_choose = collisions
        .iter()
        .filter(|c| !choices.contains_key(&c.key))
        .count();
    let files: Vec<&str> = copies.iter().map(|r| r.file.as_str()).collect();
    let log_line = fill(
        w.m.merged_log,
        &[
            &files.join(", "),
            &changes.to_string(),
            &collisions.len().to_string(),
        ],
    );
    let changes_anything = result.is_ok() && !same_content(open, &current);
    MergeFlow {
        copies: views,
        regions,
        collisions,
        to_choose,
        result: result.map(|()| current.into_owned()),
        log_line,
        reason: reasons.join("; "),
        changes_anything,
    }
}

/// Whether two plans hold the same, their change logs aside. Every field is named, so a field
/// added to the plan is a decision here.
fn same_content(a: &Plan, b: &Plan) -> bool {
    let Plan {
        format_version,
        id,
        name,
        company,
        currency,
        period,
        regions,
        scenarios,
        adopted_scenario,
        id_seq,
        notes,
        execution,
        recipient_part,
        change_log: _,
    } = a;
    *format_version == b.format_version
        && *id == b.id
        && *name == b.name
        && *company == b.company
        && *currency == b.currency
        && *period == b.period
        && *regions == b.regions
        && *scenarios == b.scenarios
        && *adopted_scenario == b.adopted_scenario
        && *id_seq == b.id_seq
        && *notes == b.notes
        && *execution == b.execution
        && *recipient_part == b.recipient_part
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::changelog::{record_unpatched, set_reason};
    use crate::core::edit::{Edit, RegionField};
    use crate::core::lang::Lang;
    use crate::core::sample::sample_plan;

    fn share(region: &str, v: i64) -> Edit {
        Edit::Region {
            region: region.into(),
            field: RegionField::MarketShare(v.into()),
        }
    }

    /// A copy of `plan` with `edits` applied, each logged with a reason.
    fn copy(plan: &Plan, edits: Vec<(Edit, &str)>) -> Plan {
        let mut p = plan.clone();
        for (i, (e, reason)) in edits.into_iter().enumerate() {
            e.apply(&mut p).unwrap();
            record_unpatched(
                &mut p.change_log,
                format!("2027-01-0{}T09:00:00+08:00", i + 2),
                format!("edit {i}"),
            );
            let n = p.change_log.len() - 1;
            set_reason(&mut p.change_log, n, reason);
        }
        p
    }

    fn sent() -> Plan {
        let mut base = sample_plan(Lang::En);
        record_unpatched(
            &mut base.change_log,
            "2027-01-01T09:00:00+08:00".into(),
            "sent".into(),
        );
        base
    }

    #[test]
    fn two_copies_merge_in_turn_and_a_collision_waits_for_its_choice() {
        let w = Words::new(Lang::En);
        let base = sent();
        let north = copy(&base, vec![(share("r1", 70), "new dealer")]);
        let south = copy(
            &base,
            vec![(share("r1", 60), "price war"), (share("r27", 30), "")],
        );
        let placed = place_copies(
            w,
            &base,
            vec![("north.json".into(), north), ("south.json".into(), south)],
            None,
        )
        .unwrap();
        assert_eq!(placed.iter().map(|r| r.since).collect::<Vec<_>>(), [1, 1]);

        let flow = merge_copies(w, &base, &placed, &HashMap::new());
        assert_eq!(flow.collisions.len(), 1, "r1 changed to 70 and to 60");
        assert_eq!(flow.to_choose, 1);
        assert_eq!(flow.collisions[0].file, "south.json");
        assert_eq!(
            flow.collisions[0].mine, "70%",
            "the first copy is merged already"
        );
        assert_eq!(flow.collisions[0].theirs, "60%");
        assert_eq!(flow.reason, "north.json: new dealer; south.json: price war");
        assert_eq!(
            flow.log_line,
            "Merged north.json, south.json: 3 changes, 1 collisions settled"
        );

        let key = flow.collisions[0].key.clone();
        let chosen = HashMap::from([(key, Choice::Value("65".into()))]);
        let flow = merge_copies(w, &base, &placed, &chosen);
        assert_eq!(flow.to_choose, 0);
        let merged = flow.result.unwrap();
        assert_eq!(merged.regions[0].market_share, 65.into());
        let r27 = merged.regions.iter().find(|r| r.id == "r27").unwrap();
        assert_eq!(r27.market_share, 30.into(), "the change without collision");
        assert!(flow.changes_anything);
    }

    #[test]
    fn a_copy_of_another_plan_is_refused_with_its_file_named() {
        let w = Words::new(Lang::En);
        let base = sent();
        let mut other = sample_plan(Lang::En);
        other.id = "another".into();
        record_unpatched(
            &mut other.change_log,
            "2027-02-01T09:00:00+08:00".into(),
            "x".into(),
        );
        let err = place_copies(w, &base, vec![("x.json".into(), other)], None).unwrap_err();
        assert!(
            err.starts_with("x.json is another plan (id another)"),
            "{err}"
        );
    }

    #[test]
    fn a_part_sent_before_any_change_is_placed_by_the_restore_patches_of_its_log() {
        use crate::core::editor::{Editor, Record};
        let w = Words::new(Lang::En);
        // The open plan has no log yet; the copy carries the mark of its part from the start.
        let open = sample_plan(Lang::En);
        let mut sent = open.clone();
        sent.recipient_part = Some("r1".into());
        let mut editor = Editor::new(sent);
        let at = "2027-01-02T09:00:00+08:00";
        let record = Record { at, gesture: None };
        editor
            .apply(&share("r1", 70), record, |_| "share".into())
            .unwrap();
        editor.settle();
        let copy = editor.plan().clone();
        let placed = place_copies(w, &open, vec![("part.json".into(), copy)], None)
            .expect("the copy's log brings back the version it was sent as");
        let flow = merge_copies(w, &open, &placed, &HashMap::new());
        assert_eq!(flow.result.unwrap().regions[0].market_share, 70.into());
        assert!(
            flow.copies[0].outside.is_none(),
            "the change is inside the part"
        );
    }

    #[test]
    fn a_copy_holding_nothing_new_changes_nothing() {
        let w = Words::new(Lang::En);
        let base = sent();
        let placed =
            place_copies(w, &base, vec![("same.json".into(), base.clone())], None).unwrap();
        let flow = merge_copies(w, &base, &placed, &HashMap::new());
        assert!(!flow.changes_anything);
        assert!(flow.collisions.is_empty());
    }
}
