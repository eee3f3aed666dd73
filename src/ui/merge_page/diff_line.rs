//! One row of the list of changes.

use leptos::prelude::*;

use super::m;
use crate::ui::state::use_app;
use crate::view::merge_view::MergeRow;

/// One change: the item, then the field with its value before and after side by side, or what
/// happened to the item.
#[component]
pub fn DiffLine(
    /// The change.
    row: MergeRow,
    /// Whether to show what the merge does with it.
    with_status: bool,
) -> impl IntoView {
    let app = use_app();
    let kind = format!("diff-row kind-{:?}", row.row.kind).to_lowercase();
    let MergeRow {
        row,
        status,
        collides,
        outside,
    } = row;
    let values = match row.phrase {
        Some(phrase) => view! { <td class="diff-phrase" colspan="3">{phrase}</td> }.into_any(),
        None => view! {
            <td class="diff-field">{row.field}</td>
            <td class="diff-old">{row.old}</td>
            <td class="diff-new">{row.new}</td>
        }
        .into_any(),
    };
    view! {
        <tr class=kind class:collides=collides class:outside=outside>
            <td class="diff-item">{row.item}</td>
            {values}
            {with_status.then(|| view! {
                <td class="diff-status">
                    {status}
                    {outside.then(|| view! { <span class="outside-flag">{move || m(app).outside_flag}</span> })}
                </td>
            })}
        </tr>
    }
}
