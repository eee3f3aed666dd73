//! Market share during the year: each region's share for the as-of month, against its target,
//! and the regions whose share has crossed a tier threshold.

use std::collections::HashMap;

use leptos::prelude::*;

use super::TrackingState;
use super::share_files::ShareFiles;
use super::share_row::ShareRowView;
use crate::core::edit::Part;
use crate::core::period::YearMonth;
use crate::ui::state::use_app;
use crate::view::exec::shares::share_view;

/// The regions' shares, typed for the as-of month (the period's first month until one is
/// chosen or recorded); a drift to another tier is shown with a field to adopt it.
#[component]
pub fn ShareTable(
    /// The page's state.
    state: TrackingState,
) -> impl IntoView {
    let app = use_app();
    let month = Memo::new(move |_| {
        let as_of = state
            .tracking
            .with(|tr| tr.as_ref().and_then(|tr| tr.as_of()));
        as_of.unwrap_or_else(|| app.with_plan(Part::Planning, |p| p.period.start))
    });
    let view_model = Memo::new(move |_| {
        let month: YearMonth = month.get();
        app.with_plan(Part::Execution, |_| ());
        app.with_plan(Part::Planning, |p| {
            p.adopted().map(|s| share_view(app.x(), p, s, month))
        })
    });
    let index = Memo::new(move |_| {
        view_model.with(|v| {
            v.iter()
                .flat_map(|v| v.lines.iter())
                .enumerate()
                .map(|(i, l)| (l.id.clone(), i))
                .collect::<HashMap<_, _>>()
        })
    });
    let ids = Memo::new(move |_| {
        view_model.with(|v| {
            v.iter()
                .flat_map(|v| v.lines.iter().map(|l| l.id.clone()))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || view_model.with(Option::is_some)>
            <h3 id="shares-title">{move || app.x().shares_title}</h3>
            <p class="hint">{move || app.x().shares_hint}</p>
            <ShareFiles />
            <table class="grid shares">
                <thead>
                    <tr>
                        {move || view_model.with(|v| {
                            v.iter()
                                .flat_map(|v| v.columns.clone())
                                .map(|h| view! { <th>{h}</th> })
                                .collect_view()
                        })}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        {
                            let id = StoredValue::new(id);
                            let line = Signal::derive(move || {
                                let at = index.with(|i| id.with_value(|id| i.get(id).copied()));
                                at.and_then(|at| {
                                    view_model.with(|v| v.as_ref().and_then(|v| v.lines.get(at).cloned()))
                                })
                            });
                            view! { <ShareRowView line=line month=month /> }
                        }
                    </For>
                </tbody>
            </table>
        </Show>
    }
}
