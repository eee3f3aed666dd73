//! A table of the document.

use leptos::prelude::*;

use super::DrawAll;
use crate::ui::state::use_app;
use crate::view::print_doc::{DocTable, rows_left_out};

/// A table with its header row; each row opens with its name as a row header, marked ⚠ when its
/// target is zero. Headers align as their columns do (words left, numbers right). A long table
/// on screen says how many rows the printed plan holds and offers to show them all.
#[component]
pub fn DocTableView(
    /// The headers and the rows drawn.
    table: DocTable,
) -> impl IntoView {
    let app = use_app();
    let DrawAll(all) = expect_context::<DrawAll>();
    let DocTable {
        headers,
        rows,
        total,
    } = table;
    let drawn = rows.len();
    let left_out = move || rows_left_out(app.t(), drawn, total);
    view! {
        <table class="doc-table">
            <thead>
                <tr>
                    {headers
                        .into_iter()
                        .map(|h| view! { <th class=(!h.class.is_empty()).then_some(h.class)>{h.text}</th> })
                        .collect_view()}
                </tr>
            </thead>
            <tbody>
                {rows
                    .into_iter()
                    .map(|row| view! {
                        <tr class:doc-zero=row.zero>
                            <th>{row.zero.then_some("⚠ ")}{row.name}</th>
                            {row
                                .cells
                                .into_iter()
                                .map(|c| view! { <td class=(!c.class.is_empty()).then_some(c.class)>{c.text}</td> })
                                .collect_view()}
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
        {move || left_out().map(|text| view! {
            <p class="doc-more no-print">
                {text} " "
                <button type="button" class="btn" on:click=move |_| all.set(true)>
                    {move || app.t().doc_show_all}
                </button>
            </p>
        })}
    }
}
