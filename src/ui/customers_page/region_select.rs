//! The region a sub-district is picked in (a choice on screen, not part of the plan).

use leptos::prelude::*;

use crate::core::edit::Part;
use crate::ui::state::use_app;
use crate::view::exec::expenses::region_choices;

/// A labelled choice of region.
#[component]
pub fn RegionSelect(
    /// The select's DOM id.
    id: &'static str,
    /// The region shown (its id).
    #[prop(into)]
    value: Signal<String>,
    /// Called with the picked region's id.
    #[prop(into)]
    on_change: Callback<String>,
) -> impl IntoView {
    let app = use_app();
    let regions = Memo::new(move |_| app.with_plan(Part::Planning, region_choices));
    view! {
        <label class="field-inline">
            <span>{move || app.x().region}</span>
            <select id=id prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))>
                {move || {
                    let chosen = value.get_untracked();
                    regions
                        .get()
                        .into_iter()
                        .map(|(id, name)| {
                            let selected = id == chosen;
                            view! { <option value=id selected=selected>{name}</option> }
                        })
                        .collect_view()
                }}
            </select>
        </label>
    }
}
