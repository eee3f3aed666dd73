//! A record's changes, newest first, each with its date.

use leptos::prelude::*;

use crate::core::edit::Part;
use crate::ui::state::use_app;
use crate::view::exec::customers::history_rows;

/// The history of record `customer`.
#[component]
pub fn RecordHistory(
    /// The record's id.
    #[prop(into)]
    customer: String,
) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(customer);
    let rows = Memo::new(move |_| {
        // Sub-district names come from the territory.
        app.with_plan(Part::Planning, |_| ());
        let x = app.x();
        app.with_plan(Part::Execution, |p| {
            p.execution
                .customer(&id.get_value())
                .map(|c| history_rows(x, p, c))
                .unwrap_or_default()
        })
    });
    view! {
        <h4>{move || app.x().history}</h4>
        <Show when=move || rows.with(|r| !r.is_empty())
            fallback=move || view! { <p class="empty">{move || app.x().history_empty}</p> }>
            <table class="grid history">
                <tbody>
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <tr>
                            <td>{row.date}</td>
                            <td>{row.field}</td>
                            <td>{row.change}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </Show>
    }
}
