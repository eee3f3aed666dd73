//! Completion by level: the company, its regions, and whatever the manager opens.

use std::collections::HashMap;

use leptos::prelude::*;

use super::TrackingState;
use super::level_row::LevelRowView;
use crate::core::edit::Part;
use crate::ui::exec::with_adopted;
use crate::ui::state::use_app;
use crate::view::exec::tracking::{level_columns, level_rows};

/// The completion table; rows are keyed by node, so opening a region adds its rows without
/// redrawing the others.
#[component]
pub fn LevelTable(
    /// The page's state.
    state: TrackingState,
) -> impl IntoView {
    let app = use_app();
    let rows = Memo::new(move |_| {
        let (x, lang) = (app.x(), app.lang.get());
        state.expanded.with(|expanded| {
            state.tracking.with(|tr| {
                tr.as_ref()
                    .and_then(|tr| {
                        with_adopted(app, |b| {
                            state.with_goal(app, |goal| {
                                app.with_plan(Part::Planning, |p| {
                                    level_rows(x, lang, p, b, tr, goal, expanded)
                                })
                            })
                        })
                    })
                    .unwrap_or_default()
            })
        })
    });
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
    view! {
        <h3>{move || app.x().tracking_title}</h3>
        <table class="grid tracking">
            <thead>
                <tr>
                    {move || level_columns(app.x()).map(|h| view! { <th>{h}</th> }).collect_view()}
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
                        view! { <LevelRowView row=row expanded=state.expanded /> }
                    }
                </For>
            </tbody>
        </table>
    }
}
