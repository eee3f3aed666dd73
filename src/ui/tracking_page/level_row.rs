//! One node of the completion table.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::view::exec::tracking::LevelRow;

/// A node's completion and pace, indented by its depth, with a button opening its children.
#[component]
pub fn LevelRowView(
    /// The row's figures (`None` for the moment the row leaves the table).
    #[prop(into)]
    row: Signal<Option<LevelRow>>,
    /// Open rows; the row's button opens and closes it.
    expanded: RwSignal<HashSet<String>>,
) -> impl IntoView {
    let id = row.with_untracked(|r| r.as_ref().map(|r| r.id.clone()).unwrap_or_default());
    let id = StoredValue::new(id);
    let cell = move |f: fn(&LevelRow) -> String| move || row.with(|r| r.as_ref().map(f));
    let class = move || {
        row.with(|r| {
            r.as_ref().map_or(String::new(), |r| {
                let behind = r.cells.standing == crate::view::exec::tracking::Standing::Behind;
                format!(
                    "depth-{}{}",
                    r.depth,
                    if behind { " is-behind" } else { "" }
                )
            })
        })
    };
    let toggle = move |_| {
        expanded.update(|e| {
            let id = id.get_value();
            if !e.remove(&id) {
                e.insert(id);
            }
        })
    };
    let button = move || {
        row.with(|r| {
            r.as_ref().filter(|r| r.expandable).map(|r| {
                let open = r.open;
                view! {
                    <button type="button" class="icon" aria-expanded=open.to_string() on:click=toggle>
                        {if open { "▾" } else { "▸" }}
                    </button>
                }
            })
        })
    };
    view! {
        <tr class=class data-node=id.get_value()>
            <td class="name">{button} {cell(|r| r.name.clone())}</td>
            <td class="num">{cell(|r| r.cells.target.clone())}</td>
            <td class="num">{cell(|r| r.cells.target_to_date.clone())}</td>
            <td class="num">{cell(|r| r.cells.actual.clone())}</td>
            <td class="num">{cell(|r| r.cells.completion.clone())}</td>
            <td class="num">{cell(|r| r.cells.pace.clone())}</td>
            <td class=move || row.with(|r| r.as_ref().map_or("status", |r| r.cells.standing.class()))>
                {cell(|r| r.cells.status.to_string())}
            </td>
        </tr>
    }
}
