//! The execution pages' state: the open plan (shared with the planner through local storage),
//! the language, the page shown, and the last message.

use leptos::prelude::*;

use crate::core::changelog;
use crate::core::execution::EditError;
use crate::core::lang::Lang;
use crate::core::model::Plan;
use crate::core::period::YearMonth;
use crate::core::scenario::Measure;
use crate::i18n::exec::{ExecText, exec_text};
use crate::storage::browser::SaveError;
use crate::storage::library::PlanMeta;
use crate::ui::state::now;

/// The pages, in tab order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Page {
    Actuals,
    Tracking,
    Competition,
    Customers,
    Scorecard,
    Expenses,
}

impl Page {
    pub const ALL: [Page; 6] = [
        Page::Actuals,
        Page::Tracking,
        Page::Competition,
        Page::Customers,
        Page::Scorecard,
        Page::Expenses,
    ];

    /// The page's name in the address (`execution.html#/tracking`).
    pub fn slug(self) -> &'static str {
        match self {
            Page::Actuals => "actuals",
            Page::Tracking => "tracking",
            Page::Competition => "competition",
            Page::Customers => "customers",
            Page::Scorecard => "scorecard",
            Page::Expenses => "expenses",
        }
    }

    pub fn from_hash(hash: &str) -> Option<Page> {
        let slug = hash.trim_start_matches('#').trim_start_matches('/');
        Self::ALL.into_iter().find(|p| p.slug() == slug)
    }

    pub fn label(self, t: &ExecText) -> &'static str {
        match self {
            Page::Actuals => t.page_actuals,
            Page::Tracking => t.page_tracking,
            Page::Competition => t.page_competition,
            Page::Customers => t.page_customers,
            Page::Scorecard => t.page_scorecard,
            Page::Expenses => t.page_expenses,
        }
    }
}

/// A message at the bottom of the page, offering to undo the change it reports.
#[derive(Clone, Debug)]
pub struct Toast {
    pub text: String,
    /// The message offers to undo the change it reports.
    pub undo: bool,
}

/// Undo and redo stacks of plan snapshots, kept until the page closes.
#[derive(Default)]
pub struct History {
    pub undo: Vec<Plan>,
    pub redo: Vec<Plan>,
}

/// How many earlier states are kept for undo (a plan with a year of actuals for ten thousand
/// salespeople is several megabytes).
const HISTORY_DEPTH: usize = 30;

#[derive(Clone, Copy)]
pub struct Exec {
    pub lang: RwSignal<Lang>,
    pub plan: RwSignal<Plan>,
    pub metas: RwSignal<Vec<PlanMeta>>,
    pub page: RwSignal<Page>,
    pub toast: RwSignal<Option<Toast>>,
    pub save_error: RwSignal<Option<SaveError>>,
    /// The measure tracking and competition use.
    pub measure: RwSignal<Measure>,
    /// The as-of month picked for tracking; `None` follows the latest month with actuals.
    pub as_of: RwSignal<Option<YearMonth>>,
    /// The leaderboard is shown full screen.
    pub presenting: RwSignal<bool>,
    /// Stored plans that could not be read: (id, why), shown until the page closes.
    pub unreadable: StoredValue<Vec<(String, String)>>,
    /// The plan's JSON (without its change log) as of the last change, for the next log entry.
    json: StoredValue<Option<String>>,
    pub history: StoredValue<History>,
}

impl Exec {
    pub fn new(
        lang: Lang,
        plan: Plan,
        metas: Vec<PlanMeta>,
        unreadable: Vec<(String, String)>,
    ) -> Self {
        Self {
            lang: RwSignal::new(lang),
            plan: RwSignal::new(plan),
            metas: RwSignal::new(metas),
            page: RwSignal::new(Page::Tracking),
            toast: RwSignal::new(None),
            save_error: RwSignal::new(None),
            measure: RwSignal::new(Measure::Amount),
            as_of: RwSignal::new(None),
            presenting: RwSignal::new(false),
            unreadable: StoredValue::new(unreadable),
            json: StoredValue::new(None),
            history: StoredValue::new(History::default()),
        }
    }

    /// The text of the current language (not reactive: a language switch redraws the page).
    pub fn t(&self) -> &'static ExecText {
        exec_text(self.lang.get_untracked())
    }

    /// Changes the plan if `f` says it changed something (then it is saved and redrawn), and
    /// records the change in the plan's change log as `what`, as the planner does. The one place
    /// the plan is edited: one copy of that code, not one per caller.
    #[inline(never)]
    pub fn change(&self, what: String, f: &mut dyn FnMut(&mut Plan) -> bool) {
        let cache = self.json;
        let mut snapshot = None;
        self.plan.maybe_update(|p| {
            let earlier = p.clone();
            let mut log = std::mem::take(&mut p.change_log);
            let before = cache
                .try_update_value(Option::take)
                .flatten()
                .unwrap_or_else(|| changelog::json_without_log(p));
            let mut changed = f(p);
            let json = if changed {
                let after = changelog::json_without_log(p);
                // Writing a value that is already there (a field left after Enter) is no change:
                // nothing to log, save or undo.
                changed = after != before;
                if changed {
                    changelog::record(&mut log, now(), what.clone(), &before, &after);
                }
                after
            } else {
                before
            };
            cache.set_value(Some(json));
            p.change_log = log;
            if changed {
                snapshot = Some(earlier);
            }
            changed
        });
        if let Some(earlier) = snapshot {
            self.history.update_value(|h| {
                h.undo.push(earlier);
                if h.undo.len() > HISTORY_DEPTH {
                    h.undo.remove(0);
                }
                h.redo.clear();
            });
        }
    }

    /// Puts the plan back as it was before the last change (its log entry goes with it).
    pub fn undo(&self) {
        if let Some(earlier) = self.history.try_update_value(|h| h.undo.pop()).flatten() {
            let now = self.plan.get_untracked();
            self.history.update_value(|h| h.redo.push(now));
            self.show(earlier);
        }
    }

    /// Makes the last undone change again.
    pub fn redo(&self) {
        if let Some(later) = self.history.try_update_value(|h| h.redo.pop()).flatten() {
            let now = self.plan.get_untracked();
            self.history.update_value(|h| h.undo.push(now));
            self.show(later);
        }
    }

    pub fn can_undo(&self) -> bool {
        self.history.with_value(|h| !h.undo.is_empty())
    }

    pub fn can_redo(&self) -> bool {
        self.history.with_value(|h| !h.redo.is_empty())
    }

    fn show(&self, plan: Plan) {
        self.json.set_value(None);
        self.plan.set(plan);
    }

    /// Shows another version of the plan (another tab's, or another plan): not an edit, so
    /// nothing is logged, the next edit compares with it, and the undo history starts afresh
    /// (it would bring back states without the other tab's changes).
    pub fn replace(&self, plan: Plan) {
        self.history.set_value(History::default());
        self.show(plan);
    }

    /// Applies an edit of the execution data; a refused edit changes nothing and returns the
    /// reason in the current language.
    #[inline(never)]
    pub fn edit(
        &self,
        what: String,
        f: &mut dyn FnMut(&mut Plan) -> Result<(), EditError>,
    ) -> Result<(), String> {
        let mut error = None;
        self.change(what, &mut |p| match f(p) {
            Ok(()) => true,
            Err(e) => {
                error = Some(e);
                false
            }
        });
        match error {
            None => Ok(()),
            Some(e) => Err(self.t().edit_error(&e)),
        }
    }

    pub fn notify(&self, text: String, undo: bool) {
        self.toast.set(Some(Toast { text, undo }));
    }
}

pub fn use_exec() -> Exec {
    expect_context::<Exec>()
}

/// Today's date by the browser's clock.
pub fn today() -> chrono::NaiveDate {
    let now = js_sys::Date::new_0();
    chrono::NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}
