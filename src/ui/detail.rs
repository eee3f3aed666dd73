//! The editor beside the tree: the fields of whatever node is selected.

pub mod commit;
mod milestones;
mod name_list;
mod plan_form;
mod region_form;
mod salesperson_form;
mod subdistrict_form;

use leptos::prelude::*;

use super::state::use_app;
use crate::core::tree::NodePos;

#[component]
pub fn Detail() -> impl IntoView {
    let app = use_app();
    // Redraw the form only when another node is selected (or after undo), not on every edit.
    let target = Memo::new(move |_| {
        let selected = app.selected.get();
        let revision = app.revision.get();
        let kind = selected
            .as_deref()
            .and_then(|id| app.plan.with_untracked(|p| p.locate(id)))
            .map(|pos| match pos {
                NodePos::Region(..) => 1,
                NodePos::Subdistrict(..) => 2,
                NodePos::Salesperson(..) => 3,
            })
            .unwrap_or(0);
        (selected, kind, revision)
    });
    view! {
        <section class="detail-panel" aria-live="polite">
            {move || {
                let (selected, kind, _) = target.get();
                match (selected, kind) {
                    (Some(id), 1) => view! { <region_form::RegionForm id /> }.into_any(),
                    (Some(id), 2) => view! { <subdistrict_form::SubdistrictForm id /> }.into_any(),
                    (Some(id), 3) => view! { <salesperson_form::SalespersonForm id /> }.into_any(),
                    _ => view! { <plan_form::PlanForm /> }.into_any(),
                }
            }}
        </section>
    }
}
