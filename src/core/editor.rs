//! The open plan and its history: every [`Edit`] goes through [`Editor::apply`], which changes
//! the plan, records the change in the plan's change log and keeps the way back for undo (the
//! state before, or for a change of one small value, the edit that takes it back).
//! The web app holds one `Editor` for all its routes, so planning and execution share one undo
//! history and one change log.

use super::changelog::{self, Change};
use super::edit::{Applied, Edit, EditError, Part};
use super::format::read_plan;
use super::model::Plan;

/// The most steps kept for undo.
pub const UNDO_DEPTH: usize = 100;

/// The most bytes of plan JSON the undo history holds, counted as (copies of the plan × size of
/// its JSON): a plan of ten thousand salespeople with a year of actuals (about 5 MB) keeps about
/// twelve copies, a workshop plan the full [`UNDO_DEPTH`]. Steps undone by an inverse edit (a
/// typed actual) hold no copy.
pub const UNDO_BYTES: usize = 64 * 1024 * 1024;

/// How a step is taken back.
#[derive(Clone, Debug)]
enum Back {
    /// The plan as it was.
    State(Box<Plan>),
    /// Field changes that take the step back, for a step made before another window's change
    /// was taken in: they apply where that window left the fields alone. Undone, the step is
    /// logged as a change of its own (`↶ what`), so the log's restore chain stays whole.
    Patch {
        changes: Vec<crate::core::json_merge::Change>,
        what: String,
    },
    /// An edit that takes the change back, and the change log as it was: for edits of one
    /// small value ([`Edit::inverse`]), which a ten-thousand-salesperson plan must not copy.
    Edit { edit: Box<Edit>, log: Vec<Change> },
}

/// A step to go back (or forward) to, and the part of the plan that differs.
#[derive(Clone, Debug)]
struct Step {
    back: Back,
    part: Part,
}

/// What the newest log entry's restore patch is computed from, once the screen shows the
/// change ([`Editor::settle`]): writing a large plan's JSON takes longer than the edit.
#[derive(Clone, Debug)]
enum Pending {
    /// The plan's JSON before the change.
    Json(String),
    /// The state before the change is the newest undo step's.
    StepState,
    /// The change is taken back by `back` and made again by `again`.
    Inverse { back: Box<Edit>, again: Box<Edit> },
}

/// The open plan with its undo and redo history.
#[derive(Clone, Debug)]
pub struct Editor {
    plan: Plan,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The plan's JSON without its change log ([`changelog::json_without_log`]) while it
    /// matches the plan: the text the next log entry's restore patch is computed from.
    json: Option<String>,
    /// The newest log entry's restore patch, while it is still to be computed.
    pending: Option<Pending>,
    /// Bytes of the plan's JSON when it was last written (what a copy of the plan weighs).
    size: usize,
    /// The gesture the last edit belonged to (a dragged slider); the next edit of the same
    /// gesture joins its step and its log entry.
    gesture: Option<u64>,
    /// Bytes of plan JSON the undo history may hold (see [`UNDO_BYTES`]).
    undo_bytes: usize,
    /// What changed since the plan was last stored, in order: made again on a newer version
    /// another window stored meanwhile ([`Editor::rebase`]).
    unsaved: Vec<Unsaved>,
    /// When the next undo or redo of a [`Back::Patch`] step is logged.
    now: String,
}

/// A change made since the plan was last stored.
#[derive(Clone, Debug)]
pub enum Unsaved {
    /// A typed edit, with its log text, time and gesture: applied again as it was.
    Edit {
        edit: Box<Edit>,
        what: String,
        at: String,
        gesture: Option<u64>,
    },
    /// An undo, a redo or a reason written: carried over field by field.
    Other,
}

/// When and how an edit is recorded.
pub struct Record<'a> {
    /// Local date and time, ISO 8601 with offset: `2026-11-27T14:03:05+08:00`.
    pub at: &'a str,
    /// A gesture this edit continues; `None` for an edit of its own.
    pub gesture: Option<u64>,
}

impl Editor {
    pub fn new(plan: Plan) -> Self {
        Self::with_undo_bytes(plan, UNDO_BYTES)
    }

    /// An editor whose undo history holds at most `undo_bytes` of plan JSON.
    pub fn with_undo_bytes(plan: Plan, undo_bytes: usize) -> Self {
        Editor {
            plan,
            undo: Vec::new(),
            redo: Vec::new(),
            json: None,
            pending: None,
            size: 0,
            gesture: None,
            undo_bytes,
            unsaved: Vec::new(),
            now: String::new(),
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    /// The plan's text as stored ([`crate::core::format::write_plan`]), settled first; made
    /// from the JSON the settle wrote, which still matches the plan.
    pub fn stored_text(&mut self) -> String {
        self.settle();
        self.json
            .as_deref()
            .and_then(|json| changelog::with_log(json, &self.plan))
            .unwrap_or_else(|| crate::core::format::write_plan(&self.plan))
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies `edit`. If it changed the plan, the change is logged as `describe(before)` (the
    /// plan before the change, or before the gesture it continues) and can be undone. A refused
    /// edit changes nothing. The log entry's restore patch follows with [`Editor::settle`].
    pub fn apply(
        &mut self,
        edit: &Edit,
        record: Record,
        describe: impl FnOnce(&Plan) -> String,
    ) -> Result<Applied, EditError> {
        self.settle();
        let continues = record.gesture.is_some() && record.gesture == self.gesture;
        if record.gesture.is_none()
            && let Some(back) = edit.inverse(&self.plan)
        {
            return self.apply_in_place(edit, back, record.at, describe);
        }
        let mut next = self.plan.clone();
        let applied = edit.apply(&mut next)?;
        if !applied.changed {
            // Nothing happened: a gesture under way goes on (a field left with its value as
            // it was, while a new node is being named).
            return Ok(applied);
        }
        self.gesture = record.gesture;
        // Continuing a gesture: the step before it stays the one to go back to, and the log
        // entry describes the whole gesture.
        let amend = continues && self.can_undo();
        let what = match self.undo.last() {
            Some(Step {
                back: Back::State(start),
                ..
            }) if amend => describe(start),
            _ => describe(&self.plan),
        };
        let mut before = std::mem::replace(&mut self.plan, next);
        if amend {
            let before_json = match self.json.take() {
                Some(json) => json,
                None => changelog::json_without_log(&mut before),
            };
            let mut log = std::mem::take(&mut self.plan.change_log);
            let after = self.write_json();
            changelog::amend_last(&mut log, what, &before_json, &after);
            self.plan.change_log = log;
            self.json = Some(after);
        } else {
            self.pending = Some(match self.json.take() {
                Some(json) => Pending::Json(json),
                None => Pending::StepState,
            });
            changelog::record_unpatched(&mut self.plan.change_log, record.at.to_string(), what);
            self.push_undo(Step {
                back: Back::State(Box::new(before)),
                part: edit.part(),
            });
        }
        self.redo.clear();
        self.note_unsaved(edit, record.at, record.gesture);
        Ok(applied)
    }

    /// Applies an edit that has an inverse to the plan itself; its step keeps the inverse.
    fn apply_in_place(
        &mut self,
        edit: &Edit,
        back: Edit,
        at: &str,
        describe: impl FnOnce(&Plan) -> String,
    ) -> Result<Applied, EditError> {
        let what = describe(&self.plan);
        let applied = edit.apply(&mut self.plan)?;
        self.gesture = None;
        if !applied.changed {
            return Ok(applied);
        }
        let log = self.plan.change_log.clone();
        self.pending = Some(match self.json.take() {
            Some(json) => Pending::Json(json),
            None => Pending::Inverse {
                back: Box::new(back.clone()),
                again: Box::new(edit.clone()),
            },
        });
        changelog::record_unpatched(&mut self.plan.change_log, at.to_string(), what);
        self.push_undo(Step {
            back: Back::Edit {
                edit: Box::new(back),
                log,
            },
            part: edit.part(),
        });
        self.redo.clear();
        self.note_unsaved(edit, at, None);
        Ok(applied)
    }

    /// Keeps an applied edit among the changes not yet stored, with the text it was logged as.
    fn note_unsaved(&mut self, edit: &Edit, at: &str, gesture: Option<u64>) {
        let what = self
            .plan
            .change_log
            .last()
            .map(|c| c.what.clone())
            .unwrap_or_default();
        self.unsaved.push(Unsaved::Edit {
            edit: Box::new(edit.clone()),
            what,
            at: at.to_string(),
            gesture,
        });
    }

    /// Computes the newest log entry's restore patch, if it is still to be computed (the app
    /// does so once the screen shows the change); whether there was one.
    pub fn settle(&mut self) -> bool {
        let Some(pending) = self.pending.take() else {
            return false;
        };
        let after = self.write_json();
        let before = match pending {
            Pending::Json(json) => Some(json),
            Pending::StepState => match self.undo.last_mut() {
                Some(Step {
                    back: Back::State(plan),
                    ..
                }) => Some(changelog::json_without_log(plan)),
                _ => None,
            },
            Pending::Inverse { back, again } => {
                let taken_back = back.apply(&mut self.plan).is_ok();
                let json = changelog::json_without_log(&mut self.plan);
                let _ = again.apply(&mut self.plan);
                taken_back.then_some(json)
            }
        };
        // Without the state before (never expected), the entry stays one that cannot restore.
        if let Some(before) = before {
            changelog::set_newest_patch(&mut self.plan.change_log, &before, &after);
        }
        self.json = Some(after);
        true
    }

    /// The plan's JSON without its log, remembering its size.
    fn write_json(&mut self) -> String {
        let json = changelog::json_without_log(&mut self.plan);
        self.size = json.len();
        json
    }

    /// Keeps a step; the oldest go once the copies of the plan the history holds would weigh
    /// more than its budget, or there are more than [`UNDO_DEPTH`] steps.
    fn push_undo(&mut self, step: Step) {
        self.undo.push(step);
        let keep = (self.undo_bytes / self.size.max(1)).max(1);
        self.trim_undo(keep);
    }

    /// Drops the oldest steps until at most `keep` of them hold a copy of the plan and at most
    /// [`UNDO_DEPTH`] are kept.
    fn trim_undo(&mut self, keep: usize) {
        let copies = |steps: &[Step]| {
            steps
                .iter()
                .filter(|s| matches!(s.back, Back::State(_)))
                .count()
        };
        let mut first = 0;
        while first < self.undo.len()
            && (self.undo.len() - first > UNDO_DEPTH || copies(&self.undo[first..]) > keep)
        {
            first += 1;
        }
        self.undo.drain(..first);
    }

    /// Goes back one step; the part of the plan that changed, if there was a step.
    pub fn undo(&mut self) -> Option<Part> {
        self.settle();
        let step = self.undo.pop()?;
        let part = step.part;
        // A step whose fields another window changed since is gone: nothing changes.
        let forward = self.take_back(step, "↶")?;
        self.redo.push(forward);
        self.unsaved.push(Unsaved::Other);
        Some(part)
    }

    /// Goes forward one undone step; the part of the plan that changed, if there was one.
    pub fn redo(&mut self) -> Option<Part> {
        self.settle();
        let step = self.redo.pop()?;
        let part = step.part;
        let back = self.take_back(step, "↷")?;
        self.undo.push(back);
        self.unsaved.push(Unsaved::Other);
        Some(part)
    }

    /// Goes to the state a step leads to, keeping the reasons written since; returns the step
    /// that leads back to the state it leaves.
    /// A [`Back::Patch`] step whose fields another window changed since cannot be taken:
    /// `None`, and the step is gone.
    fn take_back(&mut self, step: Step, mark: &str) -> Option<Step> {
        self.json = None;
        self.gesture = None;
        let back = match step.back {
            Back::Patch { changes, what } => {
                return self.take_patch(&changes, &what, mark).map(|()| Step {
                    back: Back::Patch {
                        changes: crate::core::json_merge::invert(&changes),
                        what,
                    },
                    part: step.part,
                });
            }
            Back::State(plan) => Back::State(Box::new(self.swap_in(*plan))),
            Back::Edit { edit, mut log } => {
                // The inverse was made for this very state: it applies.
                let forward = edit.inverse(&self.plan).ok_or_else(|| self.plan.clone());
                let _ = edit.apply(&mut self.plan);
                changelog::carry_reasons(&self.plan.change_log, &mut log);
                let log = std::mem::replace(&mut self.plan.change_log, log);
                match forward {
                    Ok(again) => Back::Edit {
                        edit: Box::new(again),
                        log,
                    },
                    Err(state) => Back::State(Box::new(state)),
                }
            }
        };
        Some(Step {
            back,
            part: step.part,
        })
    }

    /// Makes `plan` the current state, keeping the reasons written since; returns the state
    /// it replaces.
    fn swap_in(&mut self, mut plan: Plan) -> Plan {
        changelog::carry_reasons(&self.plan.change_log, &mut plan.change_log);
        std::mem::replace(&mut self.plan, plan)
    }

    /// Writes the reason of change-log entry `index` (not a change to undo); whether it changed.
    pub fn set_reason(&mut self, index: usize, text: &str) -> bool {
        let changed = changelog::set_reason(&mut self.plan.change_log, index, text);
        if changed {
            self.unsaved.push(Unsaved::Other);
        }
        changed
    }

    /// The plan as it was when its change log had `keep` entries, if the log can still restore
    /// it. Apply it with [`Edit::Restore`].
    pub fn state_at(&mut self, keep: usize) -> Option<Plan> {
        self.settle();
        let current = match self.json.take() {
            Some(json) => json,
            None => self.write_json(),
        };
        let state = changelog::state_at(&self.plan.change_log, keep, &current)
            .and_then(|json| read_plan(&json).ok());
        self.json = Some(current);
        let mut state = state?;
        state.id.clone_from(&self.plan.id);
        Some(state)
    }

    /// Shows another version of the same plan (saved by another tab). The history would bring
    /// back states without that version's changes, so it starts afresh.
    pub fn take_version(&mut self, plan: Plan) {
        *self = Editor::with_undo_bytes(plan, self.undo_bytes);
    }

    /// The time the next undo or redo of a step made before another window's change is logged
    /// at (ISO 8601, as [`Record::at`]).
    pub fn set_now(&mut self, at: &str) {
        self.now = at.to_string();
    }

    /// How many changes are not yet stored.
    pub fn unsaved_count(&self) -> usize {
        self.unsaved.len()
    }

    /// The first `n` changes not yet stored are stored now.
    pub fn mark_stored(&mut self, n: usize) {
        self.unsaved.drain(..n.min(self.unsaved.len()));
    }

    /// The log entries, oldest first.
    pub fn log(&self) -> &[Change] {
        &self.plan.change_log
    }
}

mod rebase;
#[cfg(test)]
mod tests;

pub use rebase::{Choice, Collision, Rebased};
