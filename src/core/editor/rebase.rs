//! Taking in a newer version of the open plan that another window stored: the changes made
//! here since this window's copy was stored are made again on it (typed edits as edits; an
//! undo, redo or reason field by field), unless both windows changed the same field, which is
//! the one case that asks. The undo history goes on: its steps become field changes that take
//! back only what they changed.

use serde_json::Value;

use super::{Back, Editor, Record, Step, Unsaved};
use crate::core::changelog;
use crate::core::json_merge::{self, Change};
use crate::core::model::Plan;
use crate::core::validate::validate_plan;

/// How far back the undo history is carried over another window's change, in bytes of plan
/// JSON compared: all of a workshop plan's steps, the last few of a ten-thousand-salesperson
/// plan's.
const HISTORY_BYTES: usize = 24 * 1024 * 1024;

/// What to do where both windows changed the same field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    /// Nothing yet: say what collides.
    Ask,
    /// This window's changes win.
    KeepMine,
    /// The other window's changes win; this window's others are kept.
    KeepTheirs,
}

/// Both windows changed the same field: the log lines of each side since the common version.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Collision {
    pub mine: Vec<String>,
    pub theirs: Vec<String>,
}

/// What [`Editor::rebase`] did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Rebased {
    /// The newer version, with this window's changes made again on it, is the plan now.
    Merged,
    /// Nothing changed: both windows changed the same field ([`Choice::Ask`]).
    Collision(Collision),
}

/// The plan's JSON without its change log, as field values.
fn fields(plan: &Plan) -> Value {
    let mut value = serde_json::to_value(plan).unwrap_or(Value::Null);
    if let Some(object) = value.as_object_mut() {
        object.remove("change_log");
        object.remove("id");
    }
    value
}

/// The plan these field values describe, if they make a valid plan.
fn plan_of(value: Value, template: &Plan) -> Option<Plan> {
    let mut value = value;
    if let Some(object) = value.as_object_mut() {
        object.insert("id".into(), Value::String(template.id.clone()));
    }
    let plan: Plan = serde_json::from_value(value).ok()?;
    validate_plan(&plan).is_empty().then_some(plan)
}

/// The log lines recorded after the first `common` entries.
fn lines_after(plan: &Plan, common: usize) -> Vec<String> {
    plan.change_log
        .iter()
        .skip(common)
        .map(|c| c.what.clone())
        .collect()
}

impl Editor {
    /// Takes `newer` (another window's stored version of this plan, made from `base`, the
    /// version this window's copy was stored as) and makes this window's unsaved changes again
    /// on it. The changes stay unsaved (now relative to `newer`).
    pub fn rebase(&mut self, base: &Plan, newer: Plan, choice: Choice) -> Rebased {
        self.settle();
        let common = base.change_log.len().min(newer.change_log.len());
        let base_fields = fields(base);
        let theirs = json_merge::diff(&base_fields, &fields(&newer));
        let mine = json_merge::diff(&base_fields, &fields(&self.plan));
        if choice == Choice::Ask && json_merge::collide(&mine, &theirs) {
            return Rebased::Collision(Collision {
                mine: lines_after(&self.plan, common),
                theirs: lines_after(&newer, common),
            });
        }
        let history = self.history_as_patches();
        let unsaved = std::mem::take(&mut self.unsaved);
        let typed = unsaved.iter().all(|u| matches!(u, Unsaved::Edit { .. }));
        let mine_lines: Vec<changelog::Change> =
            self.plan.change_log.iter().skip(common).cloned().collect();
        let (undo_bytes, now) = (self.undo_bytes, std::mem::take(&mut self.now));
        *self = Editor::with_undo_bytes(newer, undo_bytes);
        self.now = now;
        self.undo = history;
        if typed {
            for u in unsaved {
                if let Unsaved::Edit {
                    edit,
                    what,
                    at,
                    gesture,
                } = u
                {
                    if choice == Choice::KeepTheirs && self.edit_collides(&edit, &theirs) {
                        continue;
                    }
                    // An edit that no longer applies (what it changes is gone) is dropped.
                    let _ = self.apply(&edit, Record { at: &at, gesture }, |_| what);
                }
            }
            self.settle();
        } else {
            self.carry_fields(&mine, &theirs, choice, mine_lines);
        }
        Rebased::Merged
    }

    /// Whether `edit`, applied to the plan as it is, changes a field `theirs` changed.
    fn edit_collides(&self, edit: &crate::core::edit::Edit, theirs: &[Change]) -> bool {
        let mut trial = self.plan.clone();
        if edit.apply(&mut trial).is_err() {
            return true;
        }
        let changes = json_merge::diff(&fields(&self.plan), &fields(&trial));
        json_merge::collide(&changes, theirs)
    }

    /// Makes this window's field changes on the plan (after an undo, a redo or a reason, which
    /// are not typed edits): every change that still applies, and where both windows changed
    /// the same field, this window's or the other's as chosen. This window's log lines follow
    /// the other's; the states before them cannot be restored from the log.
    fn carry_fields(
        &mut self,
        mine: &[Change],
        theirs: &[Change],
        choice: Choice,
        mine_lines: Vec<changelog::Change>,
    ) {
        let mut value = fields(&self.plan);
        for change in mine {
            let collides = theirs
                .iter()
                .any(|t| json_merge::overlap(&change.path, &t.path));
            if collides && choice == Choice::KeepTheirs {
                continue;
            }
            // Where chosen, this window's value is written whatever the other window wrote.
            if json_merge::apply(&mut value, std::slice::from_ref(change)).is_err() && collides {
                let _ = json_merge::force(&mut value, change);
            }
        }
        if let Some(mut plan) = plan_of(value, &self.plan) {
            let mut log = std::mem::take(&mut self.plan.change_log);
            for mut line in mine_lines {
                line.undo = None;
                log.push(line);
            }
            plan.change_log = log;
            self.plan = plan;
            self.json = None;
            self.unsaved.push(Unsaved::Other);
        }
    }

    /// The undo steps as field changes from the current state back, newest last, as far back
    /// as [`HISTORY_BYTES`] allows.
    fn history_as_patches(&mut self) -> Vec<Step> {
        let mut after_plan = self.plan.clone();
        let mut after = fields(&after_plan);
        let mut spent = 0;
        let mut steps = Vec::new();
        for step in std::mem::take(&mut self.undo).into_iter().rev() {
            let (before_plan, what) = match step.back {
                Back::State(plan) => {
                    let what = after_plan
                        .change_log
                        .get(plan.change_log.len())
                        .map(|c| c.what.clone())
                        .unwrap_or_default();
                    (*plan, what)
                }
                Back::Edit { edit, log } => {
                    let mut plan = after_plan.clone();
                    let what = after_plan
                        .change_log
                        .get(log.len())
                        .map(|c| c.what.clone())
                        .unwrap_or_default();
                    if edit.apply(&mut plan).is_err() {
                        break;
                    }
                    plan.change_log = log;
                    (plan, what)
                }
                Back::Patch { changes, what } => {
                    let mut value = after.clone();
                    if json_merge::apply(&mut value, &changes).is_err() {
                        break;
                    }
                    steps.push(Step {
                        back: Back::Patch { changes, what },
                        part: step.part,
                    });
                    match plan_of(value.clone(), &after_plan) {
                        Some(plan) => {
                            after_plan = plan;
                            after = value;
                        }
                        None => break,
                    }
                    continue;
                }
            };
            let before = fields(&before_plan);
            spent += serde_json::to_string(&before).map(|s| s.len()).unwrap_or(0);
            if spent > HISTORY_BYTES {
                break;
            }
            steps.push(Step {
                back: Back::Patch {
                    changes: json_merge::diff(&after, &before),
                    what,
                },
                part: step.part,
            });
            after_plan = before_plan;
            after = before;
        }
        steps.reverse();
        steps
    }

    /// Takes back (or makes again) a step made before another window's change: its field
    /// changes, where they still apply, logged as `{mark} what` (↶ for an undo, ↷ for a redo).
    /// `None` if another window changed those fields since.
    pub(super) fn take_patch(&mut self, changes: &[Change], what: &str, mark: &str) -> Option<()> {
        let mut value = fields(&self.plan);
        json_merge::apply(&mut value, changes).ok()?;
        let mut plan = plan_of(value, &self.plan)?;
        let before = changelog::json_without_log(&mut self.plan);
        let after = changelog::json_without_log(&mut plan);
        let mut log = std::mem::take(&mut self.plan.change_log);
        changelog::record(
            &mut log,
            self.now.clone(),
            format!("{mark} {what}"),
            &before,
            &after,
        );
        plan.change_log = log;
        self.plan = plan;
        self.json = Some(after);
        Some(())
    }
}
