//! Completion and deviations (完成率与偏差): completion and pace at every level as of a month,
//! and everyone behind pace with a corrective action to write and tick off.

mod deviation_list;
mod deviation_row;
mod goal_toggle;
mod level_row;
mod level_table;
mod milestone_list;
mod milestone_row;
mod respread_dialog;
mod share_files;
mod share_row;
mod share_table;
mod tracking_controls;

use std::collections::HashSet;

use leptos::prelude::*;

use super::exec::{ExecPage, Tracked, with_adopted};
use super::state::{App, today, use_app};
use crate::core::breakdown::{Collections, collections};
use crate::core::edit::Part;
use crate::core::execution::{
    Deviation, Figure, Goal, OverdueMilestone, Tracking, deviations_of, overdue_milestones,
};
use deviation_list::DeviationList;
use level_table::LevelTable;
use milestone_list::MilestoneList;
use respread_dialog::RespreadDialog;
use share_table::ShareTable;
use tracking_controls::TrackingControls;

/// What the page's parts share.
#[derive(Clone, Copy)]
struct TrackingState {
    /// Collections (回款) on screen instead of the measure.
    collections_on: RwSignal<bool>,
    /// The adopted scenario's collections targets; `None` when it sets none.
    collections: Memo<Option<Collections>>,
    /// The figure on screen: the measure, or collections when chosen and targeted.
    figure: Memo<Figure>,
    /// The actuals of the figure on screen added up the adopted breakdown through the as-of
    /// month; `None` without a breakdown. Recomputed when actuals, the as-of month, the
    /// figure or the breakdown change.
    tracking: Memo<Option<Tracking>>,
    /// Everyone behind pace, worst first.
    deviations: Memo<Vec<Deviation>>,
    /// Milestones of the development schedule not done by today, longest overdue first.
    milestones: Memo<Vec<OverdueMilestone>>,
    /// The day milestones are judged on (and a tick records).
    today: chrono::NaiveDate,
    /// Open rows of the completion table.
    expanded: RwSignal<HashSet<String>>,
    /// The node whose gap is being re-spread (纠偏), while its dialog is open.
    respreading: RwSignal<Option<String>>,
    /// The scenario a re-spread made, offered for comparison: (id, name).
    respread_made: RwSignal<Option<(String, String)>>,
}

impl TrackingState {
    fn new(app: App) -> Self {
        let collections_on = RwSignal::new(false);
        let collections = Memo::new(move |_| {
            with_adopted(app, |b| {
                app.with_plan(Part::Planning, |p| {
                    p.adopted()
                        .and_then(|s| collections(s, b))
                        .and_then(Result::ok)
                })
            })
            .flatten()
        });
        let figure = Memo::new(move |_| {
            if collections_on.get() && collections.with(Option::is_some) {
                Figure::Collections
            } else {
                app.measure.get().into()
            }
        });
        // Only the figure on screen is added up.
        let tracking = Memo::new(move |_| {
            let (as_of, figure) = (app.as_of.get(), figure.get());
            with_adopted(app, |b| {
                app.with_plan(Part::Execution, |p| {
                    Tracking::of_figures(p, b, as_of, &[figure])
                })
            })
        });
        let deviations = Memo::new(move |_| {
            tracking.with(|tr| {
                tr.as_ref()
                    .and_then(|tr| {
                        with_adopted(app, |b| {
                            with_goal(app, figure, collections, |goal| {
                                app.with_plan(Part::Execution, |p| deviations_of(p, b, tr, goal))
                            })
                        })
                    })
                    .unwrap_or_default()
            })
        });
        let day = today();
        let milestones =
            Memo::new(move |_| app.with_plan(Part::Planning, |p| overdue_milestones(p, day)));
        TrackingState {
            collections_on,
            collections,
            figure,
            tracking,
            deviations,
            milestones,
            today: day,
            expanded: RwSignal::new(HashSet::new()),
            respreading: RwSignal::new(None),
            respread_made: RwSignal::new(None),
        }
    }

    /// Runs `f` with what the figure on screen is measured against.
    fn with_goal<T>(&self, app: App, f: impl FnOnce(Goal) -> T) -> T {
        with_goal(app, self.figure, self.collections, f)
    }
}

/// Runs `f` with the goal of `figure`: the collections targets for collections, else the
/// measure on screen.
fn with_goal<T>(
    app: App,
    figure: Memo<Figure>,
    collections: Memo<Option<Collections>>,
    f: impl FnOnce(Goal) -> T,
) -> T {
    if figure.get() == Figure::Collections {
        collections.with(|c| match c {
            Some(c) => f(Goal::Collections(c)),
            None => f(Goal::Measure(app.measure.get())),
        })
    } else {
        f(Goal::Measure(app.measure.get()))
    }
}

#[component]
pub fn TrackingPage() -> impl IntoView {
    let app = use_app();
    let state = TrackingState::new(app);
    let nothing_recorded = Memo::new(move |_| {
        state
            .tracking
            .with(|tr| tr.as_ref().is_some_and(|tr| tr.as_of().is_none()))
    });
    view! {
        <ExecPage title=|x| x.page_tracking>
            <Tracked>
                <TrackingControls state=state />
                <Show when=move || nothing_recorded.get()>
                    <p class="banner warning">{move || app.x().nothing_recorded}</p>
                </Show>
                <DeviationList state=state />
                <RespreadDialog state=state />
                <MilestoneList state=state />
                <ShareTable state=state />
                <LevelTable state=state />
            </Tracked>
        </ExecPage>
    }
}
