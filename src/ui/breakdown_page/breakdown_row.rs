//! One row of the breakdown table.

use leptos::prelude::*;

use crate::core::scenario::Level;
use crate::ui::state::use_app;
use crate::view::breakdown_table::BreakdownRow;

/// A node's row: its name (with an open/close button when it has children, and a lock mark),
/// its year and its months. A click selects it; selection is the only thing drawn from state.
#[component]
pub fn BreakdownRowView(
    /// The row as the view model gives it.
    row: BreakdownRow,
) -> impl IntoView {
    let app = use_app();
    let company = row.level == Level::Company;
    let id = StoredValue::new(row.id.clone());
    let selected = move || {
        app.selected.with(|s| match s {
            Some(s) => id.with_value(|id| s == id),
            None => company,
        })
    };
    let select = move |_| {
        app.selected.set((!company).then(|| id.get_value()));
    };
    let twisty = match row.expanded {
        Some(open) => {
            let toggle = move |ev: leptos::ev::MouseEvent| {
                // Opening a row is not choosing it.
                ev.stop_propagation();
                app.bd_expanded.update(|e| {
                    let id = id.get_value();
                    if !e.remove(&id) {
                        e.insert(id);
                    }
                });
            };
            view! {
                <button type="button" class="twisty" tabindex="-1" on:click=toggle
                    aria-expanded=open.to_string()
                    aria-label=move || if open { app.t().collapse } else { app.t().expand }>
                    {if open { "▾" } else { "▸" }}
                </button>
            }
            .into_any()
        }
        None => view! { <span class="twisty"></span> }.into_any(),
    };
    let lock = row.locked.then(|| {
        view! { <span class="lock" title=move || app.t().locked>"🔒"</span> }
    });
    let class = row.class();
    view! {
        <tr data-node=row.id class=class class:selected=selected on:click=select>
            <th scope="row" class=format!("name d{}", row.depth)>
                {twisty}
                <span class="row-name">{row.name}</span>
                {lock}
            </th>
            <td class="year">{row.year}</td>
            {row.months.into_iter().map(|m| view! { <td>{m}</td> }).collect_view()}
        </tr>
    }
}
