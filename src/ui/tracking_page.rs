//! Completion and deviations (完成率与偏差): completion and pace at every level as of a month,
//! and everyone behind pace with a corrective action to write and tick off.

mod deviation_list;
mod deviation_row;
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
use crate::core::edit::Part;
use crate::core::execution::{
    Deviation, OverdueMilestone, Tracking, deviations, overdue_milestones,
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
    /// The actuals of the measure on screen added up the adopted breakdown through the as-of
    /// month; `None` without a breakdown. Recomputed when actuals, the as-of month, the
    /// measure or the breakdown change.
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
        // Only the measure on screen is added up.
        let tracking = Memo::new(move |_| {
            let (as_of, figure) = (app.as_of.get(), app.measure.get().into());
            with_adopted(app, |b| {
                app.with_plan(Part::Execution, |p| {
                    Tracking::of_figures(p, b, as_of, &[figure])
                })
            })
        });
        let deviations = Memo::new(move |_| {
            let measure = app.measure.get();
            tracking.with(|tr| {
                tr.as_ref()
                    .and_then(|tr| {
                        with_adopted(app, |b| {
                            app.with_plan(Part::Execution, |p| deviations(p, b, tr, measure))
                        })
                    })
                    .unwrap_or_default()
            })
        });
        let day = today();
        let milestones =
            Memo::new(move |_| app.with_plan(Part::Planning, |p| overdue_milestones(p, day)));
        TrackingState {
            tracking,
            deviations,
            milestones,
            today: day,
            expanded: RwSignal::new(HashSet::new()),
            respreading: RwSignal::new(None),
            respread_made: RwSignal::new(None),
        }
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
