//! Overdue milestones on the deviation list: steps of the development and promotion schedule
//! (开发和推广进度) not done by their date.

use std::collections::HashMap;

use leptos::prelude::*;

use super::TrackingState;
use super::milestone_row::MilestoneRowView;
use crate::ui::state::use_app;
use crate::view::exec::tracking::{milestone_columns, milestone_rows};

/// Every milestone not done by today, longest overdue first, with its corrective action and a
/// done tick; shown only when one is overdue.
#[component]
pub fn MilestoneList(
    /// The page's state.
    state: TrackingState,
) -> impl IntoView {
    let app = use_app();
    let rows = Memo::new(move |_| state.milestones.with(|list| milestone_rows(app.x(), list)));
    let index = Memo::new(move |_| {
        rows.with(|rows| {
            rows.iter()
                .enumerate()
                .map(|(i, r)| (r.key.clone(), i))
                .collect::<HashMap<_, _>>()
        })
    });
    let keys = Memo::new(move |_| {
        rows.with(|rows| rows.iter().map(|r| r.key.clone()).collect::<Vec<_>>())
    });
    view! {
        <Show when=move || keys.with(|k| !k.is_empty())>
            <h3 id="milestones-title">{move || app.x().milestones_title}</h3>
            <table class="grid deviations overdue-milestones">
                <thead>
                    <tr>
                        {move || milestone_columns(app.x()).map(|h| view! { <th>{h}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || keys.get() key=|k| k.clone() let:key>
                        {
                            let key = StoredValue::new(key);
                            let row = Signal::derive(move || {
                                let at = index.with(|i| key.with_value(|k| i.get(k).copied()));
                                at.and_then(|at| rows.with(|r| r.get(at).cloned()))
                            });
                            view! { <MilestoneRowView row=row done_on=state.today /> }
                        }
                    </For>
                </tbody>
            </table>
        </Show>
    }
}
