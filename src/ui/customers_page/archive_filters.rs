//! The archive narrowed to one salesperson's records and one status of the pipeline
//! (潜在 → 开发中 → 合作 → 停止), with how many records stand at each step.

use leptos::prelude::*;

use crate::core::edit::Part;
use crate::core::execution::CustomerStatus;
use crate::ui::exec::ChoiceSelect;
use crate::ui::state::use_app;
use crate::view::exec::customers::{
    ArchiveFilter, owner_filter_choices, pipeline, status_filter_choices,
};

/// The person and status selects, and the pipeline's counts for the person chosen (a step
/// picks that status).
#[component]
pub fn ArchiveFilters(
    /// What the list and the stale records are narrowed to.
    filter: RwSignal<ArchiveFilter>,
) -> impl IntoView {
    let app = use_app();
    let owners = Memo::new(move |_| {
        app.with_plan(Part::Planning, |_| ());
        app.with_plan(Part::Execution, |p| owner_filter_choices(app.x(), p))
    });
    let steps = Memo::new(move |_| {
        let owner = filter.with(|f| f.owner.clone());
        app.with_plan(Part::Execution, |p| pipeline(app.x(), p, owner.as_deref()))
    });
    let pick_status = move |status: Option<CustomerStatus>| filter.update(|f| f.status = status);
    view! {
        <div class="toolbar archive-filters">
            <ChoiceSelect id="owner-filter" label=Signal::derive(move || app.x().owner_filter.to_string())
                choices=owners
                value=Signal::derive(move || filter.with(|f| f.owner.clone().unwrap_or_default()))
                on_change=move |v: String| filter.update(|f| f.owner = (!v.is_empty()).then_some(v)) />
            <ChoiceSelect id="status-filter" label=Signal::derive(move || app.x().status_filter.to_string())
                choices=Signal::derive(move || status_filter_choices(app.x()))
                value=Signal::derive(move || {
                    filter.with(|f| f.status.map(|s| s.key().to_string()).unwrap_or_default())
                })
                on_change=move |v: String| pick_status(CustomerStatus::from_key(&v)) />
            <ol class="pipeline" aria-label=move || app.x().pipeline>
                <For each=move || steps.get() key=|s| s.clone() let:step>
                    {
                        let status = step.status;
                        let pressed = move || filter.with(|f| f.status == Some(status));
                        view! {
                            <li>
                                <button type="button" class="btn pipeline-step" data-status=status.key()
                                    class:pressed=pressed aria-pressed=move || pressed().to_string()
                                    on:click=move |_| pick_status((!pressed()).then_some(status))>
                                    <span class="step-label">{step.label}</span>
                                    <span class="step-count">{step.count}</span>
                                </button>
                            </li>
                        }
                    }
                </For>
            </ol>
        </div>
    }
}
