//! The change log (变更记录): the plan's changes with their reasons, newest first, searched as
//! you type; each can bring back the plan as it was before it (a change of its own, which the
//! message offers to undo).

mod log_row;
mod restore;

use leptos::prelude::*;

use super::state::use_app;
use crate::core::edit::Part;
use crate::view::change_log::{LogEntry, log_view};
use log_row::LogRow;

/// The log route: the search box, then the entries matching it.
#[component]
pub fn LogPage() -> impl IntoView {
    let app = use_app();
    let query = RwSignal::new(String::new());
    let view = Memo::new(move |_| {
        let t = app.t();
        query.with(|q| app.with_plan(Part::All, |p| log_view(t, &p.change_log, q)))
    });
    let entries = move || view.with(|v| v.entries.clone());
    view! {
        <section class="log-page" id="change-log">
            <div class="log-head">
                <h2>{move || app.t().view_log}</h2>
                <input type="search" id="log-search" placeholder=move || app.t().log_search
                    aria-label=move || app.t().log_search prop:value=move || query.get()
                    on:input=move |ev| query.set(event_target_value(&ev)) />
            </div>
            <Show when=move || !view.with(|v| v.empty)
                fallback=move || view! {
                    <p class="empty" id="log-empty">{move || app.t().log_empty}</p>
                }>
                <table class="log-table" id="log-table">
                    <thead>
                        <tr>
                            <th>{move || app.t().log_when}</th>
                            <th>{move || app.t().log_what}</th>
                            <th>{move || app.t().log_reason}</th>
                            <th></th>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=entries key=LogEntry::clone let:entry>
                            <LogRow entry=entry />
                        </For>
                    </tbody>
                </table>
                {move || view.with(|v| v.no_match.clone()).map(|text| view! {
                    <p class="empty">{text}</p>
                })}
                <Show when=move || view.with(|v| v.some_unrestorable)>
                    <p class="note">{move || app.t().log_unrestorable}</p>
                </Show>
            </Show>
        </section>
    }
}
