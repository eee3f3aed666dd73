//! The comparison table.

use leptos::prelude::*;

use super::compare_row::CompareRowView;
use crate::view::compare::CompareTable;

/// Each row's values in every scenario and the differences from the first; the biggest movers
/// marked ◆, tier changes ⇄ and zero targets ⚠. Also used by presentation mode (without `on_toggle`, every
/// row as given).
#[component]
pub fn CompareTableView(
    /// The rows and headings.
    #[prop(into)]
    table: Signal<CompareTable>,
    /// A row (by id) is opened or closed; without it rows have no open/close button.
    #[prop(optional, into)]
    on_toggle: Option<Callback<String>>,
    /// The table's DOM id (one table per page may have it).
    #[prop(optional)]
    id: Option<&'static str>,
) -> impl IntoView {
    let labels = Memo::new(move |_| {
        table.with(|t| {
            (
                t.expand.clone(),
                t.collapse.clone(),
                t.tier_changed.clone(),
                t.zero_mark.to_string(),
            )
        })
    });
    view! {
        <table class="compare-table" id=id>
            <thead>
                <tr>
                    {move || {
                        table
                            .with(|t| t.head.clone())
                            .into_iter()
                            .enumerate()
                            .map(|(i, h)| {
                                view! { <th class=(i == 0).then_some("name")>{h}</th> }
                            })
                            .collect_view()
                    }}
                </tr>
            </thead>
            <tbody>
                <For each=move || table.with(|t| t.rows.clone()) key=|r| r.clone() let:row>
                    <CompareRowView row=row labels=labels on_toggle=on_toggle />
                </For>
            </tbody>
        </table>
    }
}
