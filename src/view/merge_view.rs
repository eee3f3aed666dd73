//! A merge as the manager sees it before confirming: per returned copy, what it changed and what
//! becomes of each change (applied, already here, in a collision, outside its part), and the
//! collisions side by side with their choices.

use crate::core::diff::{ItemKey, Items};
use crate::core::merge::{Collision, CollisionKind, Merge, Side, Status};
use crate::i18n::fill;

use super::plan_diff::{DiffRow, Words, change_row, field_label, item_name, named, value_text};

/// What a merge does with one of the copy's changes.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MergeRow {
    pub row: DiffRow,
    /// `applied`, `already here`, `collision 2`.
    pub status: String,
    pub collides: bool,
    /// Outside the part the copy was sent for.
    pub outside: bool,
}

/// One returned copy in a merge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CopyView {
    pub file: String,
    /// `north.json: 12 changes since 2027-01-05T09:00; 10 applied, 1 already here, 1 collide`.
    pub summary: String,
    /// The reasons written in the copy for its changes.
    pub reasons: Vec<String>,
    /// A warning about changes outside the copy's part.
    pub outside: Option<String>,
    /// The copy's new items given other ids.
    pub renumbered: Option<String>,
    pub rows: Vec<MergeRow>,
}

/// One collision with what each side holds and the choices' labels.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct CollisionRow {
    /// Position among all collisions of the merge (numbered from 1 on screen).
    pub index: usize,
    /// Stays the same while the collision does: choices are kept by it.
    pub key: String,
    /// The returned copy it comes from.
    pub file: String,
    pub item: String,
    /// The field, or what happened (`Deleted in this plan; the copy changed it: …`).
    pub what: String,
    pub base: String,
    pub mine: String,
    pub theirs: String,
    pub mine_label: &'static str,
    pub theirs_label: &'static str,
    /// The label of the typed choice; `None` where nothing can be typed (a list, a deletion).
    pub value_label: Option<&'static str>,
}

impl CollisionRow {
    /// The collision as one line (`planner merge` on standard error).
    pub fn line(&self) -> String {
        format!(
            "{} · {}: base {}, mine {}, theirs {}",
            self.item, self.what, self.base, self.mine, self.theirs
        )
    }
}

/// The copy `file` of a merge: its changes and their fate. `since` is when the version it
/// started from was made; `reasons` the reasons written in it.
pub fn copy_view(
    w: Words,
    file: &str,
    merge: &Merge,
    since: Option<&str>,
    reasons: Vec<String>,
    first_collision: usize,
) -> CopyView {
    let sides = [&merge.base, &merge.theirs];
    let (mut applied, mut here, mut collide, mut outside) = (0, 0, 0, 0);
    let rows: Vec<MergeRow> = merge
        .theirs_changes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let region = region_of(merge, c);
            let row = change_row(w, sides, c, i, region);
            let status = merge.status(c);
            let text = match status {
                Status::Applied => {
                    applied += 1;
                    w.m.status_applied.to_string()
                }
                Status::AlreadyHere => {
                    here += 1;
                    w.m.status_here.to_string()
                }
                Status::Collides(k) => {
                    collide += 1;
                    fill(
                        w.m.status_collides,
                        &[&(first_collision + k + 1).to_string()],
                    )
                }
            };
            let out = merge.outside_part(c);
            outside += usize::from(out);
            MergeRow {
                row,
                status: text,
                collides: matches!(status, Status::Collides(_)),
                outside: out,
            }
        })
        .collect();
    let summary = fill(
        w.m.copy_summary,
        &[
            file,
            &rows.len().to_string(),
            since.unwrap_or(w.m.copy_summary_start),
            &applied.to_string(),
            &here.to_string(),
            &collide.to_string(),
        ],
    );
    let part_name = merge
        .part
        .as_ref()
        .map(|id| named(&[&merge.base, &merge.theirs], &ItemKey::Region(id.clone())));
    let outside = (outside > 0).then(|| {
        fill(
            w.m.outside_part,
            &[&outside.to_string(), &part_name.unwrap_or_default()],
        )
    });
    let renumbered = (!merge.renumbered.is_empty()).then(|| {
        let list: Vec<String> = merge
            .renumbered
            .iter()
            .map(|r| format!("{} → {}", r.old, r.new))
            .collect();
        fill(w.m.renumbered, &[&list.join(", ")])
    });
    CopyView {
        file: file.to_string(),
        summary,
        reasons,
        outside,
        renumbered,
        rows,
    }
}

fn region_of(merge: &Merge, change: &crate::core::diff::Change) -> Option<String> {
    let sides = [&merge.theirs, &merge.base];
    let key = crate::core::diff::concerned(&sides, &change.item, change.path().map(Vec::as_slice))?;
    merge
        .theirs
        .region_of(&key)
        .or_else(|| merge.base.region_of(&key))
}

/// The collisions of one copy's merge, numbered from `first`.
pub fn collision_rows(w: Words, file: &str, merge: &Merge, first: usize) -> Vec<CollisionRow> {
    merge
        .collisions
        .iter()
        .enumerate()
        .map(|(i, c)| collision_row(w, file, merge, c, first + i))
        .collect()
}

fn collision_row(w: Words, file: &str, merge: &Merge, c: &Collision, index: usize) -> CollisionRow {
    let m = w.m;
    let (base, mine, theirs) = (&merge.base, &merge.mine, &merge.theirs);
    let two = [base, theirs];
    let mut row = CollisionRow {
        index,
        key: format!("{file}\u{1f}{}", c.key()),
        file: file.to_string(),
        item: item_name(w, [base, mine], &c.item),
        what: String::new(),
        base: String::new(),
        mine: String::new(),
        theirs: String::new(),
        mine_label: m.choice_mine,
        theirs_label: m.choice_theirs,
        value_label: c.typable().then_some(m.choice_value),
    };
    match &c.kind {
        CollisionKind::Field {
            path,
            base: b,
            mine: x,
            theirs: y,
        } => {
            row.what = field_label(w, two, &c.item, path);
            row.base = value_text(w, base, &c.item, path, b.as_ref());
            row.mine = value_text(w, mine, &c.item, path, x.as_ref());
            row.theirs = value_text(w, theirs, &c.item, path, y.as_ref());
        }
        CollisionKind::Deleted { by, changes } => {
            let (sides, template): ([&Items; 2], _) = match by {
                Side::Mine => ([base, theirs], m.deleted_by_mine),
                Side::Theirs => ([base, mine], m.deleted_by_theirs),
            };
            let mut lines: Vec<String> = changes
                .iter()
                .take(3)
                .enumerate()
                .map(|(i, ch)| change_row(w, sides, ch, i, None).line())
                .collect();
            if changes.len() > 3 {
                lines.push("…".into());
            }
            row.what = fill(template, &[&lines.join("; ")]);
            row.base = named(&[base], &c.item);
            let (deleted, changed) = (m.removed.to_string(), m.kind_changed.to_string());
            (row.mine, row.theirs) = match by {
                Side::Mine => (deleted, changed),
                Side::Theirs => (changed, deleted),
            };
            (row.mine_label, row.theirs_label) = match by {
                Side::Mine => (m.keep_deleted, m.keep_changed),
                Side::Theirs => (m.keep_changed, m.keep_deleted),
            };
        }
        CollisionKind::SameName {
            name,
            mine: a,
            theirs: b,
        } => {
            let parent = mine
                .get(a)
                .and_then(|i| i.parent())
                .and_then(|p| mine.node(p))
                .map_or_else(|| w.t.company.to_string(), |p| named(&[mine], &p));
            row.what = fill(m.same_name, &[name, &parent]);
            row.mine = named(&[mine], a);
            row.theirs = named(&[theirs], b);
            row.value_label = Some(m.keep_both);
        }
        CollisionKind::Order { collection } => {
            let label = match collection.as_str() {
                "regions" => w.t.regions,
                "subdistricts" => w.t.subdistricts,
                "salespeople" => w.t.salespeople,
                _ => m.kind_scenarios,
            };
            row.what = fill(m.order_collision, &[label]);
            let order = |items: &Items| {
                let list: Vec<&str> = items
                    .children(&c.item, collection)
                    .iter()
                    .filter_map(|k| items.name(k))
                    .take(4)
                    .collect();
                format!("{}…", list.join(", "))
            };
            (row.base, row.mine, row.theirs) = (order(base), order(mine), order(theirs));
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::edit::{Edit, RegionField, SalespersonField};
    use crate::core::lang::Lang;
    use crate::core::merge::merge3;
    use crate::core::model::Plan;
    use crate::core::sample::sample_plan;

    fn edited(plan: &Plan, edits: Vec<Edit>) -> Plan {
        let mut p = plan.clone();
        for e in edits {
            e.apply(&mut p).unwrap();
        }
        p
    }

    fn share(region: &str, v: i64) -> Edit {
        Edit::Region {
            region: region.into(),
            field: RegionField::MarketShare(v.into()),
        }
    }

    #[test]
    fn a_copy_lists_its_changes_with_what_the_merge_does_with_each() {
        let base = sample_plan(Lang::En);
        let mine = edited(&base, vec![share("r1", 66), share("r16", 50)]);
        let mut theirs = edited(
            &base,
            vec![share("r1", 70), share("r16", 50), share("r27", 30)],
        );
        theirs.recipient_part = Some("r27".into());
        let m = merge3(&base, &mine, &theirs);
        let w = Words::new(Lang::En);
        let view = copy_view(w, "north.json", &m, None, vec!["dealer lost".into()], 0);
        assert_eq!(
            view.summary,
            "north.json: 3 changes since the start of its log; 1 applied, 1 already here, 1 collide"
        );
        let status: Vec<(&str, bool)> = view
            .rows
            .iter()
            .map(|r| (r.status.as_str(), r.outside))
            .collect();
        assert_eq!(
            status,
            vec![
                ("collision 1", true),
                ("already here", true),
                ("applied", false)
            ]
        );
        assert_eq!(
            view.outside.as_deref(),
            Some(
                "2 changes lie outside the part the copy was sent for (Xiangtan (r27)). They are merged too; check them."
            )
        );
        let rows = collision_rows(w, "north.json", &m, 0);
        assert_eq!(
            rows[0].line(),
            "Changsha (r1) · Market share (%): base 64.5%, mine 66%, theirs 70%"
        );
        assert_eq!(rows[0].value_label, Some("Type a value"));
    }

    #[test]
    fn a_deletion_collision_says_what_the_other_plan_changed() {
        let base = sample_plan(Lang::En);
        let mine = edited(&base, vec![Edit::DeleteNode { node: "p3".into() }]);
        let theirs = edited(
            &base,
            vec![Edit::Salesperson {
                salesperson: "p3".into(),
                field: SalespersonField::Role("Lead".into()),
            }],
        );
        let m = merge3(&base, &mine, &theirs);
        let rows = collision_rows(Words::new(Lang::En), "north.json", &m, 0);
        let row = &rows[0];
        assert_eq!(row.item, "Wang Wei (p3)");
        assert_eq!(
            row.what,
            "Deleted in this plan; the copy changed it: Wang Wei (p3) · Role: Team lead → Lead"
        );
        assert_eq!(
            (row.mine_label, row.theirs_label),
            ("Delete", "Keep with the changes")
        );
        assert_eq!(row.value_label, None);
    }
}
