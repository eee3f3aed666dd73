//! A table of the document.

use leptos::prelude::*;

use crate::view::print_doc::DocTable;

/// A table with its header row; each row opens with its name as a row header.
#[component]
pub fn DocTableView(
    /// The headers and rows.
    table: DocTable,
) -> impl IntoView {
    view! {
        <table class="doc-table">
            <thead>
                <tr>{table.headers.into_iter().map(|h| view! { <th>{h}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {table
                    .rows
                    .into_iter()
                    .map(|row| view! {
                        <tr>
                            <th>{row.name}</th>
                            {row
                                .cells
                                .into_iter()
                                .map(|c| view! { <td class=c.class>{c.text}</td> })
                                .collect_view()}
                        </tr>
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
