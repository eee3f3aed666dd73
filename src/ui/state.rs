//! The app's reactive state: the open plan, the library of plans, the language, selection.
//! Components reach it with [`use_app`]; every change to the plan goes through [`App::edit`],
//! which keeps the undo history and lets the save effect write it to local storage.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::core::changelog::{self, Change};
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::scenario::Measure;
use crate::i18n::{Catalogue, catalogue};
use crate::storage::browser::SaveError;
use crate::storage::library::{BrokenEntry, PlanMeta};

/// The top-level views.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Territory,
    Tiers,
    Breakdown,
    Compare,
    Print,
    Log,
}

impl View {
    pub const ALL: [View; 6] = [
        View::Territory,
        View::Tiers,
        View::Breakdown,
        View::Compare,
        View::Print,
        View::Log,
    ];

    /// The view's name in the page address (`#/tiers`), so a view can be bookmarked.
    pub fn slug(self) -> &'static str {
        match self {
            View::Territory => "territory",
            View::Tiers => "tiers",
            View::Breakdown => "breakdown",
            View::Compare => "compare",
            View::Print => "print",
            View::Log => "log",
        }
    }

    pub fn from_hash(hash: &str) -> Option<View> {
        let slug = hash.trim_start_matches('#').trim_start_matches('/');
        Self::ALL.into_iter().find(|v| v.slug() == slug)
    }
}

/// A short message with an optional undo (a plan snapshot to restore).
#[derive(Clone, Debug)]
pub struct Toast {
    pub text: String,
    pub undo: Option<UndoAction>,
}

/// What a toast's undo button restores.
#[derive(Clone, Debug)]
pub enum UndoAction {
    /// Put the plan back as it was before the edit.
    Plan(Box<Plan>),
    /// Bring a deleted plan back into the library.
    DeletedPlan(Box<Plan>),
    /// Put back the version of a plan an import replaced (kept as a backup, by plan id).
    RestoreBackup(String),
}

/// What is waiting for the manager's answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Pending {
    /// An imported plan whose id is already in the library: copy or replace?
    ImportConflict(Box<Plan>),
    /// A plan carried by the link the page was opened with: import it?
    SharedPlan(Box<Plan>),
    /// The open plan.
    Plan,
    /// A scenario, by id.
    Scenario(String),
    /// An unreadable stored entry, by key.
    BrokenEntry(String),
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

/// Undo and redo stacks of plan snapshots (kept until the page closes).
#[derive(Default)]
pub struct History {
    pub undo: Vec<Plan>,
    pub redo: Vec<Plan>,
}

/// How many earlier states are kept for undo.
const HISTORY_DEPTH: usize = 100;

#[derive(Clone, Copy)]
pub struct App {
    pub lang: RwSignal<Lang>,
    /// The plan being edited.
    pub plan: RwSignal<Plan>,
    /// Every readable plan in the library (ids and names), in order.
    pub metas: RwSignal<Vec<PlanMeta>>,
    /// Stored entries that could not be read.
    pub broken: RwSignal<Vec<BrokenEntry>>,
    /// The last save failure, shown until a save succeeds.
    pub save_error: RwSignal<Option<SaveError>>,
    pub view: RwSignal<View>,
    /// Selected tree node; `None` is the company (the plan itself).
    pub selected: RwSignal<Option<String>>,
    pub expanded: RwSignal<HashSet<String>>,
    /// Expanded rows of the breakdown table (regions start closed).
    pub bd_expanded: RwSignal<HashSet<String>>,
    /// The measure the breakdown table shows.
    pub measure: RwSignal<Measure>,
    /// The scenario shown and edited (the adopted one when the plan opens).
    pub scenario: RwSignal<String>,
    pub toast: RwSignal<Option<Toast>>,
    /// Presentation mode's current view, when presenting.
    pub presenting: RwSignal<Option<usize>>,
    /// The share-link dialog, when open.
    pub share: RwSignal<Option<ShareLink>>,
    /// The confirmation dialog's question, when one is open.
    pub confirm: RwSignal<Option<Pending>>,
    pub history: StoredValue<History>,
    /// What the last edit was, when it may merge with the next (dragging a slider is one step).
    pub last_edit: StoredValue<Option<String>>,
    /// The plan's JSON without its change log, while known to match the plan: the text the
    /// log's restore patches are computed against (kept so an edit serialises the plan once).
    json: StoredValue<Option<String>>,
}

impl App {
    pub fn new(lang: Lang, plan: Plan, metas: Vec<PlanMeta>, broken: Vec<BrokenEntry>) -> Self {
        let scenario = plan.adopted_scenario.clone();
        let expanded = initial_expansion(&plan);
        Self {
            lang: RwSignal::new(lang),
            plan: RwSignal::new(plan),
            metas: RwSignal::new(metas),
            broken: RwSignal::new(broken),
            save_error: RwSignal::new(None),
            view: RwSignal::new(View::Territory),
            selected: RwSignal::new(None),
            expanded: RwSignal::new(expanded),
            bd_expanded: RwSignal::new(HashSet::new()),
            measure: RwSignal::new(Measure::Amount),
            scenario: RwSignal::new(scenario),
            toast: RwSignal::new(None),
            confirm: RwSignal::new(None),
            share: RwSignal::new(None),
            presenting: RwSignal::new(None),
            history: StoredValue::new(History::default()),
            last_edit: StoredValue::new(None),
            json: StoredValue::new(None),
        }
    }

    /// The catalogue of the current language. Not reactive: the page is redrawn as a whole when
    /// the language changes, so labels are plain text (a reactive closure per label costs wasm
    /// size and work).
    pub fn t_now(&self) -> &'static Catalogue {
        catalogue(self.lang.get_untracked())
    }

    /// Changes the plan, keeping the state before for undo; `what` says what changed, for the
    /// change log.
    pub fn edit(&self, what: String, f: impl FnOnce(&mut Plan)) {
        let mut f = Some(f);
        self.change(what, None, &mut |p| f.take().map(|f| f(p)).is_some());
    }

    /// Changes the plan if `f` says it changed something; only then is there a step to undo
    /// and an entry in the change log.
    pub fn edit_if(&self, what: String, f: impl FnOnce(&mut Plan) -> bool) {
        let mut f = Some(f);
        self.change(what, None, &mut |p| f.take().is_some_and(|f| f(p)));
    }

    /// Like [`App::edit_if`], as part of a gesture (e.g. dragging a slider): consecutive
    /// changes with the same key make one undo step and one entry of the change log.
    pub fn edit_merging(&self, key: &str, what: String, f: impl FnOnce(&mut Plan) -> bool) {
        let mut f = Some(f);
        self.change(what, Some(key), &mut |p| f.take().is_some_and(|f| f(p)));
    }

    /// Every edit: `f` changes the plan (and says whether it did); the change is logged as
    /// `what` and kept for undo, or, continuing the gesture `merge`, folded into the last step.
    /// (One function behind all the typed `edit` methods, so each caller adds only its closure.)
    fn change(&self, what: String, merge: Option<&str>, f: &mut dyn FnMut(&mut Plan) -> bool) {
        // The same key as the last edit continues its gesture.
        let amend = merge
            .is_some_and(|key| self.last_edit.with_value(|k| k.as_deref() == Some(key)))
            && self.can_undo();
        self.last_edit.set_value(merge.map(str::to_string));
        let before = (!amend).then(|| self.plan.get_untracked());
        let mut changed = false;
        self.plan.maybe_update(|p| {
            let json = self.log_start(p);
            changed = f(p);
            self.log_end(p, json, changed.then_some(what), amend);
            changed
        });
        if !changed {
            return;
        }
        self.history.update_value(|h| {
            if let Some(before) = before {
                h.undo.push(before);
                if h.undo.len() > HISTORY_DEPTH {
                    h.undo.remove(0);
                }
            }
            h.redo.clear();
        });
        self.sync_meta();
    }

    /// Before an edit: takes the change log out of the plan (an edit never changes it; only
    /// the log's own code does) and returns the log with the plan's JSON.
    fn log_start(&self, p: &mut Plan) -> (Vec<Change>, String) {
        let log = std::mem::take(&mut p.change_log);
        let json = self
            .json
            .try_update_value(Option::take)
            .flatten()
            .unwrap_or_else(|| changelog::json_without_log(p));
        (log, json)
    }

    /// After an edit: records it (`what`, if the plan changed) and puts the log back.
    fn log_end(
        &self,
        p: &mut Plan,
        (mut log, before): (Vec<Change>, String),
        what: Option<String>,
        amend: bool,
    ) {
        let json = match what {
            Some(what) => {
                let after = changelog::json_without_log(p);
                if amend {
                    changelog::amend_last(&mut log, what, &before, &after);
                } else {
                    changelog::record(&mut log, now(), what, &before, &after);
                }
                after
            }
            None => before,
        };
        self.json.set_value(Some(json));
        p.change_log = log;
    }

    /// Writes the reason of change log entry `index`; not a change of the plan to undo.
    pub fn set_reason(&self, index: usize, text: &str) {
        self.plan
            .maybe_update(|p| changelog::set_reason(&mut p.change_log, index, text));
    }

    pub fn undo(&self) {
        let Some(mut prev) = self.history.try_update_value(|h| h.undo.pop()).flatten() else {
            return;
        };
        let now = self.plan.get_untracked();
        changelog::carry_reasons(&now.change_log, &mut prev.change_log);
        self.history.update_value(|h| h.redo.push(now));
        self.replace_plan(prev);
    }

    pub fn redo(&self) {
        let Some(mut next) = self.history.try_update_value(|h| h.redo.pop()).flatten() else {
            return;
        };
        let now = self.plan.get_untracked();
        changelog::carry_reasons(&now.change_log, &mut next.change_log);
        self.history.update_value(|h| h.undo.push(now));
        self.replace_plan(next);
    }

    fn replace_plan(&self, plan: Plan) {
        // A gesture does not continue across undo or redo.
        self.last_edit.set_value(None);
        self.json.set_value(None);
        self.plan.set(plan);
        self.sync_meta();
        self.fix_dangling_selection();
    }

    /// Restores a snapshot through the normal edit path (so it can itself be undone, and is
    /// logged as `what`; the change log itself is kept, not restored).
    pub fn restore(&self, what: String, plan: Plan) {
        self.edit(what, |p| *p = plan);
        self.fix_dangling_selection();
    }

    /// Keeps the plan switcher's name in step with the plan.
    fn sync_meta(&self) {
        let (id, name) = self.plan.with_untracked(|p| (p.id.clone(), p.name.clone()));
        let stale = self
            .metas
            .with_untracked(|m| m.iter().any(|x| x.id == id && x.name != name));
        if stale {
            self.metas.update(|m| {
                if let Some(x) = m.iter_mut().find(|x| x.id == id) {
                    x.name = name;
                }
            });
        }
    }

    fn fix_dangling_selection(&self) {
        let gone = self.selected.with_untracked(|s| {
            s.as_ref()
                .is_some_and(|id| self.plan.with_untracked(|p| p.locate(id).is_none()))
        });
        if gone {
            self.selected.set(None);
        }
        let scenario_gone = self
            .scenario
            .with_untracked(|s| self.plan.with_untracked(|p| p.scenario(s).is_none()));
        if scenario_gone {
            self.scenario
                .set(self.plan.with_untracked(|p| p.adopted_scenario.clone()));
        }
    }

    /// Opens another plan: fresh selection, scenario and history.
    pub fn open_plan(&self, plan: Plan) {
        self.expanded.set(initial_expansion(&plan));
        self.bd_expanded.set(HashSet::new());
        self.scenario.set(plan.adopted_scenario.clone());
        self.selected.set(None);
        self.history.set_value(History::default());
        self.last_edit.set_value(None);
        self.json.set_value(None);
        self.plan.set(plan);
    }

    /// Shows the version of the open plan another tab saved (the execution pages): the undo
    /// history would bring back states without that tab's changes, so it starts afresh, and the
    /// next change is logged against this version.
    pub fn take_external(&self, plan: Plan) {
        self.history.set_value(History::default());
        self.last_edit.set_value(None);
        self.json.set_value(None);
        self.plan.set(plan);
    }

    pub fn can_undo(&self) -> bool {
        self.history.with_value(|h| !h.undo.is_empty())
    }

    pub fn notify(&self, text: String, undo: Option<UndoAction>) {
        self.toast.set(Some(Toast { text, undo }));
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

pub fn provide_app(app: App) {
    provide_context(app);
}

pub fn use_app() -> App {
    expect_context::<App>()
}
