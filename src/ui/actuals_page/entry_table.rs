//! The entry table: one page of the salespeople who match the search, their figures for the
//! month as inputs, the reasons of refused figures under it, and the pager.

use leptos::prelude::*;

use super::ActualsState;
use super::entry_row::EntryRow;
use crate::core::edit::Part;
use crate::ui::exec::PagerBar;
use crate::ui::state::use_app;
use crate::view::exec::actuals::{PAGE_SIZE, columns, matching_people};
use crate::view::exec::{page_count, page_rows};

/// The table of one page of salespeople. Rows are keyed by salesperson, so typing a figure
/// redraws only the row it changed.
#[component]
pub fn EntryTable(
    /// The page's state.
    state: ActualsState,
) -> impl IntoView {
    let app = use_app();
    // Only the planning part and the search decide who is listed, not the figures.
    let people = Memo::new(move |_| {
        let search = state.search.get();
        app.with_plan(Part::Planning, |p| matching_people(p, &search))
    });
    let pages = Memo::new(move |_| people.with(|p| page_count(p.len(), PAGE_SIZE)));
    let shown = Memo::new(move |_| {
        let page = state.page.get();
        people.with(|p| page_rows(p, page, PAGE_SIZE).to_vec())
    });
    view! {
        <table class="grid actuals">
            <thead>
                <tr>
                    {move || columns(app.x()).map(|h| view! { <th>{h}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                <For each=move || shown.get() key=|person| person.clone() let:person>
                    <EntryRow person=person state=state />
                </For>
            </tbody>
        </table>
        <Show when=move || people.with(Vec::is_empty)>
            <p class="empty">{move || app.x().no_people}</p>
        </Show>
        <For each=move || state.refused.get() key=|r| (r.salesperson.clone(), r.figure, r.message.clone())
            let:refused>
            <p class="field-error" role="alert">{refused.message}</p>
        </For>
        <PagerBar page=state.page pages=pages />
    }
}
