//! Sales competition (销售竞赛): salespeople ranked by completion over a month, a quarter or
//! the year, within a region or company-wide; shown full screen for a meeting.

mod competition_controls;
mod leaderboard_presentation;
mod leaderboard_table;

use leptos::prelude::*;

use super::exec::{ExecPage, Tracked, with_adopted};
use super::state::{App, use_app};
use crate::core::edit::Part;
use crate::core::execution::{Scope, Tracking, Window, latest_actual_month, leaderboard};
use crate::view::exec::FIRST_ROWS;
use crate::view::exec::competition::{StandingRow, standing_rows, title};
use competition_controls::CompetitionControls;
use leaderboard_presentation::LeaderboardPresentation;
use leaderboard_table::LeaderboardTable;

/// What the page's parts share.
#[derive(Clone, Copy)]
struct CompetitionState {
    window: RwSignal<Window>,
    scope: RwSignal<Scope>,
    /// Every standing is shown, not only the first.
    all: RwSignal<bool>,
    /// The leaderboard is shown full screen.
    presenting: RwSignal<bool>,
    /// The leaderboard's title.
    title: Memo<String>,
    /// The standings shown.
    rows: Memo<Vec<StandingRow>>,
    /// How many compete.
    total: Memo<usize>,
}

impl CompetitionState {
    fn new(app: App) -> Self {
        let latest = move || {
            app.with_plan_untracked(latest_actual_month)
                .map_or(Window::Period, Window::Month)
        };
        let window = RwSignal::new(latest());
        let scope = RwSignal::new(Scope::Company);
        // Another plan opened: its own latest month, company-wide.
        Effect::new(move |previous: Option<String>| {
            let id = app.plan_id.get();
            if previous.is_some_and(|p| p != id) {
                window.set(latest());
                scope.set(Scope::Company);
            }
            id
        });
        let all = RwSignal::new(false);
        let standings = Memo::new(move |_| {
            let (measure, w) = (app.measure.get(), window.get());
            scope.with(|s| {
                with_adopted(app, |b| {
                    app.with_plan(Part::Execution, |p| {
                        let tr = Tracking::new(p, b, None);
                        leaderboard(p, b, &tr, measure, w, s)
                    })
                })
                .unwrap_or_default()
            })
        });
        let rows = Memo::new(move |_| {
            let limit = if all.get() { usize::MAX } else { FIRST_ROWS };
            standings.with(|list| standing_rows(app.x(), app.lang.get(), list, limit))
        });
        let title = Memo::new(move |_| {
            let w = window.get();
            scope.with(|s| app.with_plan(Part::Planning, |p| title(app.x(), p, w, s)))
        });
        CompetitionState {
            window,
            scope,
            all,
            presenting: RwSignal::new(false),
            title,
            rows,
            total: Memo::new(move |_| standings.with(Vec::len)),
        }
    }
}

#[component]
pub fn CompetitionPage() -> impl IntoView {
    let app = use_app();
    let state = CompetitionState::new(app);
    view! {
        <ExecPage title=|x| x.page_competition>
            <Tracked>
                <CompetitionControls state=state />
                <LeaderboardTable state=state />
                <Show when=move || state.presenting.get()>
                    <LeaderboardPresentation state=state />
                </Show>
            </Tracked>
        </ExecPage>
    }
}
