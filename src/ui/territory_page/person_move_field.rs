//! Where the selected salesperson belongs: a choice of every sub-district, choosing another
//! moves them there. In a large plan that is a thousand choices, so the select is built once
//! for all salespeople (and again only when a sub-district's name changes); selecting another
//! salesperson only changes its value.

use leptos::prelude::*;

use crate::core::edit::{Edit, Part};
use crate::ui::fields::{Control, Field};
use crate::ui::state::use_app;
use crate::view::detail_forms::subdistrict_choices;

/// The move-to choice of the selected salesperson.
#[component]
pub fn PersonMoveField(
    /// The selected salesperson's id.
    #[prop(into)]
    person: Signal<String>,
) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let choices = Memo::new(move |_| app.with_plan(Part::Planning, subdistrict_choices));
    let current = move || {
        let id = person.get();
        app.with_plan(Part::Planning, |p| p.parent_id(&id).unwrap_or_default())
    };
    let to_edit = Callback::new(move |parent: String| {
        Ok(Edit::MoveToParent {
            node: person.get_untracked(),
            parent,
        })
    });
    move || {
        view! {
            <div class="form-grid">
                <Field label=t.move_to id="person-move" control=Control::Select(choices.get())
                    value=current to_edit=to_edit />
            </div>
        }
    }
}
