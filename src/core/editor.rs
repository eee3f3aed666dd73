//! The open plan and its history: every [`Edit`] goes through [`Editor::apply`], which changes
//! the plan, records the change in the plan's change log and keeps the state before for undo.
//! The web app holds one `Editor` for all its routes, so planning and execution share one undo
//! history and one change log.

use super::changelog::{self, Change};
use super::edit::{Applied, Edit, EditError, Part};
use super::format::read_plan;
use super::model::Plan;

/// The most steps kept for undo.
pub const UNDO_DEPTH: usize = 100;

/// The most bytes of plan JSON the undo history holds, counted as (steps × size of the plan's
/// JSON): a plan of ten thousand salespeople with a year of actuals (about 5 MB) keeps about
/// twelve steps, a workshop plan the full [`UNDO_DEPTH`].
pub const UNDO_BYTES: usize = 64 * 1024 * 1024;

/// A state of the plan to go back (or forward) to, and the part of the plan that differs.
#[derive(Clone, Debug)]
struct Step {
    plan: Plan,
    part: Part,
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
    /// The gesture the last edit belonged to (a dragged slider); the next edit of the same
    /// gesture joins its step and its log entry.
    gesture: Option<u64>,
    /// Bytes of plan JSON the undo history may hold (see [`UNDO_BYTES`]).
    undo_bytes: usize,
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
            gesture: None,
            undo_bytes,
        }
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Applies `edit`. If it changed the plan, the change is logged as `describe(before, after)`
    /// and can be undone. A refused edit changes nothing.
    pub fn apply(
        &mut self,
        edit: &Edit,
        record: Record,
        describe: impl FnOnce(&Plan, &Plan) -> String,
    ) -> Result<Applied, EditError> {
        let continues = record.gesture.is_some() && record.gesture == self.gesture;
        let mut next = self.plan.clone();
        let applied = edit.apply(&mut next)?;
        self.gesture = record.gesture;
        if !applied.changed {
            return Ok(applied);
        }
        // Continuing a gesture: the step before it stays the one to go back to, and the log
        // entry describes the whole gesture.
        let amend = continues && self.can_undo();
        let mut before = std::mem::replace(&mut self.plan, next);
        let what = match (amend, self.undo.last()) {
            (true, Some(start)) => describe(&start.plan, &self.plan),
            _ => describe(&before, &self.plan),
        };
        let before_json = match self.json.take() {
            Some(json) => json,
            None => changelog::json_without_log(&mut before),
        };
        self.record_change(what, record.at, &before_json, amend);
        if !amend {
            self.push_undo(Step {
                plan: before,
                part: edit.part(),
            });
        }
        self.redo.clear();
        Ok(applied)
    }

    /// Records the change just made in the plan's log; `before` is the plan's JSON before it.
    fn record_change(&mut self, what: String, at: &str, before: &str, amend: bool) {
        let mut log = std::mem::take(&mut self.plan.change_log);
        let after = changelog::json_without_log(&mut self.plan);
        if amend {
            changelog::amend_last(&mut log, what, before, &after);
        } else {
            changelog::record(&mut log, at.to_string(), what, before, &after);
        }
        self.plan.change_log = log;
        self.json = Some(after);
    }

    fn push_undo(&mut self, step: Step) {
        self.undo.push(step);
        let size = self.json.as_ref().map_or(0, String::len).max(1);
        let keep = (self.undo_bytes / size).clamp(1, UNDO_DEPTH);
        if self.undo.len() > keep {
            let excess = self.undo.len() - keep;
            self.undo.drain(..excess);
        }
    }

    /// Goes back one step; the part of the plan that changed, if there was a step.
    pub fn undo(&mut self) -> Option<Part> {
        let step = self.undo.pop()?;
        let part = step.part;
        let now = self.swap_in(step.plan);
        self.redo.push(Step { plan: now, part });
        Some(part)
    }

    /// Goes forward one undone step; the part of the plan that changed, if there was one.
    pub fn redo(&mut self) -> Option<Part> {
        let step = self.redo.pop()?;
        let part = step.part;
        let now = self.swap_in(step.plan);
        self.undo.push(Step { plan: now, part });
        Some(part)
    }

    /// Makes `plan` the current state, keeping the reasons written since; returns the state
    /// it replaces.
    fn swap_in(&mut self, mut plan: Plan) -> Plan {
        changelog::carry_reasons(&self.plan.change_log, &mut plan.change_log);
        self.json = None;
        self.gesture = None;
        std::mem::replace(&mut self.plan, plan)
    }

    /// Writes the reason of change-log entry `index` (not a change to undo); whether it changed.
    pub fn set_reason(&mut self, index: usize, text: &str) -> bool {
        changelog::set_reason(&mut self.plan.change_log, index, text)
    }

    /// The plan as it was when its change log had `keep` entries, if the log can still restore
    /// it. Apply it with [`Edit::Restore`].
    pub fn state_at(&mut self, keep: usize) -> Option<Plan> {
        let current = match self.json.take() {
            Some(json) => json,
            None => changelog::json_without_log(&mut self.plan),
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

    /// The log entries, oldest first.
    pub fn log(&self) -> &[Change] {
        &self.plan.change_log
    }
}

#[cfg(test)]
mod tests;
