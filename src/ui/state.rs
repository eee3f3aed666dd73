//! The app's reactive state. The open plan lives in one [`Editor`] (not reactive itself);
//! readers say which part of the plan they depend on ([`App::with_plan`]) and are re-run only
//! when an edit touches that part, so typing an actual does not recompute the breakdown.
//! Every change goes through [`App::apply`]; everything else here is what the screens show.

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

use super::route::Route;
use crate::core::breakdown::{Breakdown, BreakdownErrors, compute};
use crate::core::changelog;
use crate::core::edit::{Applied, Edit, EditError, Part};
use crate::core::editor::{Choice, Editor, Rebased, Record};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::scenario::Measure;
use crate::i18n::exec::{ExecText, exec_text};
use crate::i18n::{Catalogue, catalogue};
use crate::storage::browser::SaveError;
use crate::storage::library::{BrokenEntry, PlanMeta};

/// A short message at the foot of the screen, with an optional way back.
#[derive(Clone, Debug)]
pub struct Toast {
    pub text: String,
    pub undo: Option<UndoAction>,
    /// An error stays until closed; other messages time out.
    pub error: bool,
}

/// What a message's undo button does.
#[derive(Clone, Debug)]
pub enum UndoAction {
    /// Undo the last step of the history (the change the message reports).
    LastStep,
    /// Bring a deleted plan back into the library.
    DeletedPlan(Box<Plan>),
    /// Put back a kept version (by its key): the one an import replaced.
    RestoreVersion(String),
}

/// What is waiting for the manager's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// An imported plan whose id is already in the library: copy or replace?
    ImportConflict(Box<Plan>),
    /// A plan carried by the link the page was opened with: import it?
    SharedPlan(Box<Plan>),
    /// Delete the open plan?
    DeletePlan,
    /// Delete this scenario (by id)?
    DeleteScenario(String),
    /// Delete this unreadable stored entry (by key)?
    DeleteBrokenEntry(String),
    /// A new plan: what is it called, and for which company?
    NewPlan,
    /// Another window changed the same field of the open plan: keep which?
    Collision(crate::core::editor::Collision),
}

/// The open plan's stored entry is no longer the one this window edits.
#[derive(Clone, Debug, PartialEq)]
pub enum Stale {
    /// Another window stored it in a form this version cannot read: it is shown as such, and
    /// nothing here writes to it.
    Unreadable(BrokenEntry),
    /// Another window deleted it.
    Gone,
}

/// What the share dialog shows.
#[derive(Clone, Debug, PartialEq)]
pub enum ShareLink {
    /// The address to send.
    Link(String),
    /// The plan is too large for a link: the characters it would need, and the limit.
    TooLarge(usize, usize),
    /// The browser cannot compress.
    Unsupported,
}

/// How a change is named in the change log: the field's label and its value before and after,
/// as the screen shows them (`Market share (%): 64.5 → 66`), or a sentence of its own.
#[derive(Clone, Debug, PartialEq)]
pub enum What {
    Field {
        label: String,
        old: String,
        new: String,
    },
    Text(String),
}

impl What {
    pub fn field(label: &str, old: impl Into<String>, new: impl Into<String>) -> Self {
        What::Field {
            label: label.to_string(),
            old: old.into(),
            new: new.into(),
        }
    }
}

/// A breakdown shared by every screen that shows it: computed once per change of the planning
/// part, compared by identity (a recomputation is a new value).
#[derive(Clone, Debug)]
pub struct Computed(pub Arc<Result<Breakdown, BreakdownErrors>>);

impl PartialEq for Computed {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// Triggers of the plan's parts; a reader tracks the ones it depends on.
#[derive(Clone, Copy)]
struct Parts {
    planning: Trigger,
    document: Trigger,
    execution: Trigger,
    /// The change log and the undo/redo history: every applied edit notifies it.
    history: Trigger,
}

impl Parts {
    fn new() -> Self {
        Parts {
            planning: Trigger::new(),
            document: Trigger::new(),
            execution: Trigger::new(),
            history: Trigger::new(),
        }
    }

    fn track(&self, part: Part) {
        match part {
            Part::Planning => self.planning.track(),
            Part::Document => self.document.track(),
            Part::Execution => self.execution.track(),
            Part::All => {
                self.planning.track();
                self.document.track();
                self.execution.track();
                self.history.track();
            }
        }
    }

    fn notify(&self, part: Part) {
        match part {
            Part::Planning => self.planning.notify(),
            Part::Document => self.document.notify(),
            Part::Execution => self.execution.notify(),
            Part::All => {
                self.planning.notify();
                self.document.notify();
                self.execution.notify();
            }
        }
        self.history.notify();
    }
}

#[derive(Clone, Copy)]
pub struct App {
    pub lang: RwSignal<Lang>,
    editor: StoredValue<Editor>,
    parts: Parts,
    /// Whether the open plan has changes not yet written to storage.
    unsaved: StoredValue<bool>,
    /// Which plan is open (its id); changes when another plan is opened.
    pub plan_id: RwSignal<String>,
    /// Every readable plan in the library (ids and names), in order.
    pub metas: RwSignal<Vec<PlanMeta>>,
    /// Stored entries that could not be read.
    pub broken: RwSignal<Vec<BrokenEntry>>,
    /// The last save failure, shown until a save succeeds.
    pub save_error: RwSignal<Option<SaveError>>,
    pub route: RwSignal<Route>,
    /// Selected tree node; `None` is the company (the plan itself).
    pub selected: RwSignal<Option<String>>,
    /// Expanded nodes of the territory tree.
    pub expanded: RwSignal<HashSet<String>>,
    /// Expanded rows of the breakdown table (regions start closed).
    pub bd_expanded: RwSignal<HashSet<String>>,
    /// The measure the breakdown and the execution routes show.
    pub measure: RwSignal<Measure>,
    /// The scenario shown and edited on the planning routes (the adopted one when the plan
    /// opens; the execution routes always track the adopted one).
    pub scenario: RwSignal<String>,
    /// The month the execution routes measure up to; `None` follows the latest actuals.
    pub as_of: RwSignal<Option<YearMonth>>,
    /// The customer-archive record open on the archive route (by id); a link elsewhere can
    /// open one by setting it and going to [`Route::Customers`].
    pub customer: RwSignal<Option<String>>,
    pub toast: RwSignal<Option<Toast>>,
    /// Presentation mode's current slide, when presenting.
    pub presenting: RwSignal<Option<usize>>,
    /// The share-link dialog, when open.
    pub share: RwSignal<Option<ShareLink>>,
    /// The question waiting for an answer, when one is open.
    pub confirm: RwSignal<Option<Pending>>,
    /// Whether the versions panel is open.
    pub versions_open: RwSignal<bool>,
    /// Whether the browser keeps this site's storage under disk pressure, once it answered.
    pub persisted: RwSignal<Option<bool>>,
    /// Set when another window made the open plan's stored entry unreadable or deleted it.
    pub stale: RwSignal<Option<Stale>>,
    /// The breakdown of the scenario on screen (`None` if it no longer exists).
    pub breakdown: Memo<Option<Computed>>,
    /// The breakdown of the adopted scenario, which the execution routes track.
    pub adopted_breakdown: Memo<Option<Computed>>,
}

impl App {
    pub fn new(lang: Lang, plan: Plan, metas: Vec<PlanMeta>, broken: Vec<BrokenEntry>) -> Self {
        let plan_id = RwSignal::new(plan.id.clone());
        let scenario = RwSignal::new(plan.adopted_scenario.clone());
        let editor = StoredValue::new(Editor::new(plan));
        let parts = Parts::new();
        let of = move |sid: Option<String>| {
            plan_id.track();
            parts.track(Part::Planning);
            editor.with_value(|e| {
                let plan = e.plan();
                let s = plan.scenario(&sid.unwrap_or_else(|| plan.adopted_scenario.clone()))?;
                let started = now_ms();
                let result = compute(plan, s);
                record_compute_ms(now_ms() - started);
                Some(Computed(Arc::new(result)))
            })
        };
        let breakdown = Memo::new(move |_| of(Some(scenario.get())));
        // When the adopted scenario is the one on screen, its breakdown is shared, not
        // computed a second time (at ten thousand salespeople that is a noticeable wait).
        let adopted_breakdown = Memo::new(move |_| {
            let adopted = editor.with_value(|e| e.plan().adopted_scenario.clone());
            parts.track(Part::Planning);
            plan_id.track();
            if scenario.get() == adopted {
                breakdown.get()
            } else {
                of(None)
            }
        });
        let app = App {
            lang: RwSignal::new(lang),
            plan_id,
            scenario,
            expanded: RwSignal::new(editor.with_value(|e| initial_expansion(e.plan()))),
            editor,
            parts,
            unsaved: StoredValue::new(false),
            breakdown,
            adopted_breakdown,
            metas: RwSignal::new(metas),
            broken: RwSignal::new(broken),
            save_error: RwSignal::new(None),
            route: RwSignal::new(Route::default()),
            selected: RwSignal::new(None),
            bd_expanded: RwSignal::new(HashSet::new()),
            measure: RwSignal::new(Measure::Amount),
            as_of: RwSignal::new(None),
            customer: RwSignal::new(None),
            toast: RwSignal::new(None),
            presenting: RwSignal::new(None),
            share: RwSignal::new(None),
            confirm: RwSignal::new(None),
            versions_open: RwSignal::new(false),
            persisted: RwSignal::new(None),
            stale: RwSignal::new(None),
        };
        provide_context(app);
        app
    }

    /// The words of the current language (tracked: a language switch redraws what reads them).
    pub fn t(&self) -> &'static Catalogue {
        catalogue(self.lang.get())
    }

    /// The words of the current language, without tracking (for event handlers).
    pub fn t_now(&self) -> &'static Catalogue {
        catalogue(self.lang.get_untracked())
    }

    /// The execution routes' words (tracked).
    pub fn x(&self) -> &'static ExecText {
        exec_text(self.lang.get())
    }

    /// The execution routes' words, without tracking.
    pub fn x_now(&self) -> &'static ExecText {
        exec_text(self.lang.get_untracked())
    }

    /// Reads the open plan, re-running the caller when `part` changes (or another plan opens).
    pub fn with_plan<T>(&self, part: Part, f: impl FnOnce(&Plan) -> T) -> T {
        self.plan_id.track();
        self.parts.track(part);
        self.editor.with_value(|e| f(e.plan()))
    }

    /// Reads the open plan without tracking anything (for event handlers).
    pub fn with_plan_untracked<T>(&self, f: impl FnOnce(&Plan) -> T) -> T {
        self.editor.with_value(|e| f(e.plan()))
    }

    /// Tracks every change of the plan and its history (saving, the change log, undo buttons).
    pub fn track_all(&self) {
        self.plan_id.track();
        self.parts.track(Part::All);
    }

    /// Applies an edit as one step of the history, logged as `what`; the error, if refused.
    pub fn apply(&self, edit: Edit, what: What) -> Result<Applied, EditError> {
        self.apply_in_gesture(edit, what, None)
    }

    /// Like [`App::apply`], as part of a gesture (dragging a slider): the edits of one gesture
    /// are one step and one log entry.
    pub fn apply_in_gesture(
        &self,
        edit: Edit,
        what: What,
        gesture: Option<u64>,
    ) -> Result<Applied, EditError> {
        let at = now();
        let result = self
            .editor
            .try_update_value(|e| {
                e.apply(&edit, Record { at: &at, gesture }, |before| {
                    describe(&edit, before, what)
                })
            })
            .unwrap_or(Ok(Applied::default()));
        if let Ok(applied) = &result
            && applied.changed
        {
            self.unsaved.set_value(true);
            self.parts.notify(edit.part());
            self.after_change();
            self.settle_after_paint();
            // A message's undo stands for the step it reported; after another step it would
            // undo something else.
            if self.toast_undoes_last_step() {
                self.toast.update(|t| {
                    if let Some(t) = t {
                        t.undo = None;
                    }
                });
            }
        }
        result
    }

    /// Completes the newest change-log entry (its restore patch, which takes writing the whole
    /// plan) once the screen shows the change, so a large plan's edit is on screen first.
    fn settle_after_paint(&self) {
        let app = *self;
        request_animation_frame(move || {
            set_timeout(move || app.settle(), std::time::Duration::ZERO);
        });
    }

    /// Completes the newest change-log entry now, if it is waiting (before the plan is saved).
    pub fn settle(&self) {
        if self
            .editor
            .try_update_value(Editor::settle)
            .unwrap_or(false)
        {
            // Its state can be restored now.
            self.parts.history.notify();
        }
    }

    /// The open plan's text as stored, settled first (see [`Editor::stored_text`]); `None`
    /// once the app is gone.
    pub fn stored_text(&self) -> Option<String> {
        self.settle();
        self.editor.try_update_value(Editor::stored_text)
    }

    /// Writes the reason of change-log entry `index` (not a step to undo).
    pub fn set_reason(&self, index: usize, text: &str) {
        if self
            .editor
            .try_update_value(|e| e.set_reason(index, text))
            .unwrap_or(false)
        {
            self.unsaved.set_value(true);
            self.parts.history.notify();
        }
    }

    fn toast_undoes_last_step(&self) -> bool {
        self.toast.with_untracked(|t| {
            t.as_ref()
                .is_some_and(|t| matches!(t.undo, Some(UndoAction::LastStep)))
        })
    }

    pub fn undo(&self) {
        if let Some(part) = self.editor.try_update_value(Editor::undo).flatten() {
            // The message about the step just undone is over.
            if self.toast_undoes_last_step() {
                self.toast.set(None);
            }
            self.unsaved.set_value(true);
            self.parts.notify(part);
            self.after_change();
        }
    }

    pub fn redo(&self) {
        if let Some(part) = self.editor.try_update_value(Editor::redo).flatten() {
            self.unsaved.set_value(true);
            self.parts.notify(part);
            self.after_change();
        }
    }

    /// Whether the open plan has changes not yet written to storage.
    pub fn has_unsaved(&self) -> bool {
        self.unsaved.get_value()
    }

    /// Marks the open plan's changes as written (or, for a deleted plan, as never to be).
    pub fn mark_saved(&self) {
        self.unsaved.set_value(false);
    }

    /// Marks the open plan as to be written (after another window's version was taken in).
    pub fn mark_unsaved(&self) {
        self.unsaved.set_value(true);
    }

    /// How many changes the editor holds that are not yet stored.
    pub fn unsaved_count(&self) -> usize {
        self.editor.with_value(Editor::unsaved_count)
    }

    /// The first `n` changes not yet stored are stored now.
    pub fn mark_stored(&self, n: usize) {
        self.editor.update_value(|e| e.mark_stored(n));
    }

    /// Takes in `newer`, the version another window stored (made from `base`), with this
    /// window's unsaved changes made again on it; the history goes on where it can.
    pub fn rebase(&self, base: &Plan, newer: Plan, choice: Choice) -> Rebased {
        let at = now();
        let result = self
            .editor
            .try_update_value(|e| {
                e.set_now(&at);
                e.rebase(base, newer, choice)
            })
            .unwrap_or(Rebased::Merged);
        if result == Rebased::Merged {
            if self.unsaved_count() == 0 {
                self.unsaved.set_value(false);
            }
            self.parts.notify(Part::All);
            self.after_change();
        }
        result
    }

    /// Whether there is a step to undo / redo (tracked).
    pub fn can_undo(&self) -> bool {
        self.parts.history.track();
        self.editor.with_value(Editor::can_undo)
    }

    pub fn can_redo(&self) -> bool {
        self.parts.history.track();
        self.editor.with_value(Editor::can_redo)
    }

    /// The plan as it was when its log had `keep` entries, if the log can restore it.
    pub fn state_at(&self, keep: usize) -> Option<Plan> {
        self.editor.try_update_value(|e| e.state_at(keep)).flatten()
    }

    /// Opens another plan: fresh selection, scenario and history.
    pub fn open_plan(&self, plan: Plan) {
        self.expanded.set(initial_expansion(&plan));
        self.bd_expanded.set(HashSet::new());
        self.scenario.set(plan.adopted_scenario.clone());
        self.selected.set(None);
        self.as_of.set(None);
        self.customer.set(None);
        let id = plan.id.clone();
        self.stale.set(None);
        self.editor.set_value(Editor::new(plan));
        self.parts.notify(Part::All);
        self.plan_id.set(id);
    }

    /// The plan switcher's name, the selection and the scenario, in step with the plan.
    fn after_change(&self) {
        let (id, name) = self.with_plan_untracked(|p| (p.id.clone(), p.name.clone()));
        if self
            .metas
            .with_untracked(|m| m.iter().any(|x| x.id == id && x.name != name))
        {
            self.metas.update(|m| {
                if let Some(x) = m.iter_mut().find(|x| x.id == id) {
                    x.name = name;
                }
            });
        }
        let gone = self.selected.with_untracked(|s| {
            s.as_ref()
                .is_some_and(|node| self.with_plan_untracked(|p| p.locate(node).is_none()))
        });
        if gone {
            self.selected.set(None);
        }
        let scenario = self.scenario.get_untracked();
        if let Some(adopted) = self.with_plan_untracked(|p| {
            p.scenario(&scenario)
                .is_none()
                .then(|| p.adopted_scenario.clone())
        }) {
            self.scenario.set(adopted);
        }
    }

    /// Shows a message; `undo` offers a way back.
    pub fn notify(&self, text: String, undo: Option<UndoAction>) {
        self.toast.set(Some(Toast {
            text,
            undo,
            error: false,
        }));
    }

    /// Shows an error message, which stays until closed.
    pub fn notify_error(&self, text: String) {
        self.toast.set(Some(Toast {
            text,
            undo: None,
            error: true,
        }));
    }
}

/// The change-log text of an edit: the names it concerns, then what changed.
fn describe(edit: &Edit, before: &Plan, what: What) -> String {
    let subject = edit.subject(before);
    match what {
        What::Field { label, old, new } => changelog::describe(&subject, &label, &old, &new),
        What::Text(text) if subject.is_empty() => text,
        What::Text(text) => format!("{subject} · {text}"),
    }
}

/// The local time now, ISO 8601 with its UTC offset: `2026-11-27T14:03:05+08:00`.
pub fn now() -> String {
    let date = js_sys::Date::new_0();
    let east = -date.get_timezone_offset();
    // The UTC text of the local wall-clock time, then the offset in place of its `.123Z`.
    let local = js_sys::Date::new(&(date.get_time() + east * 60_000.0).into());
    let text: String = local.to_iso_string().into();
    let minutes = east.abs() as u32;
    let sign = if east < 0.0 { '-' } else { '+' };
    format!(
        "{}{sign}{:02}:{:02}",
        text.get(..19).unwrap_or_default(),
        minutes / 60,
        minutes % 60
    )
}

pub fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_default()
}

/// Tells timing probes how long the last breakdown took to compute: `body[data-bd-ms]`.
fn record_compute_ms(ms: f64) {
    if let Some(body) = document().body() {
        let _ = body.set_attribute("data-bd-ms", &format!("{}", ms.round() as i64));
    }
}

/// Tells timing probes how long the last save took (the plan's text written, then stored in
/// one transaction): `body[data-save-ms]`, and how many saves were made: `body[data-saves]`.
pub fn record_save_ms(ms: f64) {
    if let Some(body) = document().body() {
        let saves = body
            .get_attribute("data-saves")
            .and_then(|n| n.parse::<u64>().ok())
            .unwrap_or(0);
        let _ = body.set_attribute("data-save-ms", &format!("{}", ms.round() as i64));
        let _ = body.set_attribute("data-saves", &format!("{}", saves + 1));
    }
}

/// Today's local date.
pub fn today() -> chrono::NaiveDate {
    now()
        .get(..10)
        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        .unwrap_or_default()
}

/// Small plans open fully expanded; large ones show only their regions.
fn initial_expansion(plan: &Plan) -> HashSet<String> {
    let (_, subs, people) = plan.size();
    if subs + people > 400 {
        return HashSet::new();
    }
    plan.regions
        .iter()
        .flat_map(|r| {
            std::iter::once(r.id.clone()).chain(r.subdistricts.iter().map(|d| d.id.clone()))
        })
        .collect()
}

pub fn use_app() -> App {
    expect_context::<App>()
}
