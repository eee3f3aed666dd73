//! Which regions the printed plan holds: all of them, or one.

use leptos::prelude::*;

use super::PrintRegion;
use crate::core::edit::Part;
use crate::ui::exec::ChoiceSelect;
use crate::ui::state::use_app;
use crate::view::exec::Choice;
use crate::view::print_doc::one_region_at_a_time;

/// The choice of "all regions" or one region, beside the print button; for a plan printed one
/// region at a time, the line saying why.
#[component]
pub fn RegionChoice() -> impl IntoView {
    let app = use_app();
    let PrintRegion(region) = expect_context::<PrintRegion>();
    let choices = Memo::new(move |_| {
        let t = app.t();
        app.with_plan(Part::Planning, |p| {
            std::iter::once(Choice::new("", t.doc_all_regions))
                .chain(
                    p.regions
                        .iter()
                        .map(|r| Choice::new(r.id.clone(), r.name.clone())),
                )
                .collect::<Vec<_>>()
        })
    });
    // A region no longer in the plan shows as "all regions", as the document prints.
    let value = Signal::derive(move || {
        region.with(|r| {
            r.as_ref()
                .filter(|id| choices.with(|c| c.iter().any(|c| &c.value == *id)))
                .cloned()
                .unwrap_or_default()
        })
    });
    let why = Memo::new(move |_| {
        let t = app.t();
        app.with_plan(Part::Planning, |p| one_region_at_a_time(t, p))
    });
    view! {
        <ChoiceSelect
            id="print-region"
            label=Signal::derive(move || app.t().doc_scope_label.to_string())
            choices=choices
            value=value
            on_change=Callback::new(move |id: String| region.set((!id.is_empty()).then_some(id)))
        />
        {move || why.get().map(|text| view! { <span class="print-scope-note note">{text}</span> })}
    }
}
