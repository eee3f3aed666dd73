//! The deviation list (偏差清单): everyone behind pace, worst first.

use std::collections::HashMap;

use leptos::prelude::*;

use super::TrackingState;
use super::deviation_row::DeviationRowView;
use crate::ui::exec::MoreRowsLine;
use crate::ui::state::use_app;
use crate::view::exec::FIRST_ROWS;
use crate::view::exec::tracking::{deviation_columns, deviation_rows};

/// The first deviations (all once asked for), each with its corrective action.
#[component]
pub fn DeviationList(
    /// The page's state.
    state: TrackingState,
) -> impl IntoView {
    let app = use_app();
    let all = RwSignal::new(false);
    let rows = Memo::new(move |_| {
        let limit = if all.get() { usize::MAX } else { FIRST_ROWS };
        state
            .deviations
            .with(|list| deviation_rows(app.x(), app.lang.get(), list, limit))
    });
    // Rows are keyed by node; each finds its figures here when they change.
    let index = Memo::new(move |_| {
        rows.with(|rows| {
            rows.iter()
                .enumerate()
                .map(|(i, r)| (r.id.clone(), i))
                .collect::<HashMap<_, _>>()
        })
    });
    let ids =
        Memo::new(move |_| rows.with(|rows| rows.iter().map(|r| r.id.clone()).collect::<Vec<_>>()));
    let total = Memo::new(move |_| state.deviations.with(Vec::len));
    let milestones_overdue = Memo::new(move |_| state.milestones.with(|m| !m.is_empty()));
    view! {
        <h3 id="deviations-title">{move || app.x().deviations_title}</h3>
        <Show when=move || { total.get() > 0 }
            fallback=move || view! {
                <Show when=move || !milestones_overdue.get()>
                    <p class="empty deviations-none">{move || app.x().deviations_none}</p>
                </Show>
            }>
            <table class="grid deviations">
                <thead>
                    <tr>
                        {move || deviation_columns(app.x()).map(|h| view! { <th>{h}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        {
                            let id = StoredValue::new(id);
                            let row = Signal::derive(move || {
                                let at = index.with(|i| id.with_value(|id| i.get(id).copied()));
                                at.and_then(|at| rows.with(|r| r.get(at).cloned()))
                            });
                            view! { <DeviationRowView row=row state=state /> }
                        }
                    </For>
                </tbody>
            </table>
            <MoreRowsLine shown=Signal::derive(move || ids.with(Vec::len)) total=total
                on_show_all=move |_| all.set(true) />
        </Show>
    }
}
