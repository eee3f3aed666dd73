//! The editor beside the tree: the fields of whatever node is selected (the plan's own when
//! the company is).

use leptos::prelude::*;

use super::person_move_field::PersonMoveField;
use super::plan_form::PlanForm;
use super::region_form::RegionForm;
use super::salesperson_form::SalespersonForm;
use super::subdistrict_form::SubdistrictForm;
use crate::core::edit::Part;
use crate::ui::state::use_app;
use crate::view::tree_rows::{RowKind, node_kind};

/// The selected node's form. A form is built afresh (with no errors left over) when another
/// node is selected or the language changes; edits update its fields in place.
#[component]
pub fn DetailPanel() -> impl IntoView {
    let app = use_app();
    let target = Memo::new(move |_| {
        let id = app.selected.get()?;
        let kind = app.with_plan(Part::Planning, |p| node_kind(p, &id))?;
        Some((kind, id))
    });
    // The selected salesperson, for the move-to choice that stays while salespeople are
    // selected one after another.
    let person = Memo::new(move |_| match target.get() {
        Some((RowKind::Salesperson, id)) => Some(id),
        _ => None,
    });
    let selecting_people = Memo::new(move |_| person.with(Option::is_some));
    view! {
        <section class="detail-panel" aria-live="polite">
            {move || {
                app.lang.track();
                match target.get() {
                    None | Some((RowKind::Company, _)) => view! { <PlanForm /> }.into_any(),
                    Some((RowKind::Region, id)) => view! { <RegionForm id=id /> }.into_any(),
                    Some((RowKind::Subdistrict, id)) => {
                        view! { <SubdistrictForm id=id /> }.into_any()
                    }
                    Some((RowKind::Salesperson, id)) => {
                        view! { <SalespersonForm id=id /> }.into_any()
                    }
                }
            }}
            {move || {
                app.lang.track();
                selecting_people.get().then(|| {
                    let person = Signal::derive(move || person.get().unwrap_or_default());
                    view! { <PersonMoveField person=person /> }
                })
            }}
        </section>
    }
}
