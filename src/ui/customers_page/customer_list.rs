//! Every record matching the search, with its last visit and a button to open it.

use leptos::prelude::*;

use crate::core::edit::Part;
use crate::ui::exec::MoreRowsLine;
use crate::ui::state::use_app;
use crate::view::exec::FIRST_ROWS;
use crate::view::exec::customers::{ArchiveFilter, CustomerRow, customer_rows};

/// A record on the list; the open one is marked.
#[component]
fn CustomerListRow(
    /// The record as the list shows it.
    row: CustomerRow,
) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(row.id);
    let selected = move || {
        app.customer
            .with(|c| c.as_deref() == Some(id.get_value().as_str()))
    };
    view! {
        <tr class="customer" class:selected=selected>
            <td class="name">{row.name}</td>
            <td>{row.kind}</td>
            <td>{row.subdistrict}</td>
            <td class="owner">{row.owner}</td>
            <td class="status">{row.status}</td>
            <td>{row.contact}</td>
            <td>{row.phone}</td>
            <td>{row.last_visit}</td>
            <td>
                <button type="button" class="btn"
                    on:click=move |_| super::open_record(app, id.get_value())>
                    {move || app.x().open_record}
                </button>
            </td>
        </tr>
    }
}

/// The archive's records (the first hundred until all are asked for), or a word on how to
/// start one.
#[component]
pub fn CustomerList(
    /// What the list is filtered by, as typed.
    #[prop(into)]
    search: Signal<String>,
    /// The salesperson and status the list is narrowed to.
    #[prop(into)]
    filter: Signal<ArchiveFilter>,
) -> impl IntoView {
    let app = use_app();
    let rows = Memo::new(move |_| {
        // Sub-district names come from the territory.
        app.with_plan(Part::Planning, |_| ());
        let x = app.x();
        filter.with(|f| {
            search.with(|s| app.with_plan(Part::Execution, |p| customer_rows(x, p, s, f)))
        })
    });
    let show_all = RwSignal::new(false);
    let shown = Memo::new(move |_| {
        let limit = if show_all.get() {
            usize::MAX
        } else {
            FIRST_ROWS
        };
        rows.with(|r| r.iter().take(limit).cloned().collect::<Vec<_>>())
    });
    let any =
        Memo::new(move |_| app.with_plan(Part::Execution, |p| !p.execution.customers.is_empty()));
    view! {
        <Show when=move || any.get()
            fallback=move || view! { <p class="empty">{move || app.x().customers_none}</p> }>
            <table class="grid customers">
                <thead>
                    <tr>
                        {move || {
                            let x = app.x();
                            [x.name, x.kind, x.subdistrict, x.f_owner, x.f_status, x.f_contact, x.f_phone, x.last_visit, ""]
                                .map(|h| view! { <th>{h}</th> })
                                .collect_view()
                        }}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || shown.get() key=|row| row.clone() let:row>
                        <CustomerListRow row=row />
                    </For>
                </tbody>
            </table>
            <MoreRowsLine shown=Signal::derive(move || shown.with(Vec::len))
                total=Signal::derive(move || rows.with(Vec::len))
                on_show_all=move |()| show_all.set(true) />
        </Show>
    }
}
