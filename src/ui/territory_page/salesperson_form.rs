//! A salesperson's fields: name, role and last period's sales (the sub-district they belong
//! to is [`super::person_move_field`]).

use leptos::prelude::*;

use super::node_edits::salesperson;
use super::tree_state::TreeState;
use crate::core::edit::{MAX_SHORT_TEXT, Part, SalespersonField};
use crate::core::field::{parse_non_negative, parse_text};
use crate::ui::fields::{Control, Field};
use crate::ui::state::use_app;
use crate::view::detail_forms::{SalespersonDetail, salesperson_detail};

/// The form of one salesperson.
#[component]
pub fn SalespersonForm(
    /// The salesperson's id.
    id: String,
) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let tree = expect_context::<TreeState>();
    let detail = {
        let id = id.clone();
        Memo::new(move |_| app.with_plan(Part::Planning, |p| salesperson_detail(t, p, &id)))
    };
    let value = move |f: fn(&SalespersonDetail) -> &String| {
        move || detail.with(|d| d.as_ref().map(|d| f(d).clone()).unwrap_or_default())
    };
    tree.follow_moves(id.clone(), move || {
        detail.with(|d| d.as_ref().map(|d| d.subdistrict.clone()))
    });
    view! {
        <h2>{move || detail.with(|d| d.as_ref().map(|d| d.heading.clone()))}</h2>
        <div class="form-grid">
            <Field label=t.name id="detail-name" value=value(|d| &d.name)
                completes=tree.completes_adding(&id)
                to_edit=salesperson(&id, |v| Ok(SalespersonField::Name(v.to_string()))) />
            <Field label=t.role id="person-role" value=value(|d| &d.role)
                to_edit=salesperson(&id, |v| {
                    Ok(SalespersonField::Role(parse_text(v, MAX_SHORT_TEXT)?))
                }) />
            <Field label=t.last_amount id="person-last-amount" control=Control::Number
                value=value(|d| &d.last_amount)
                to_edit=salesperson(&id, |v| {
                    Ok(SalespersonField::LastAmount(parse_non_negative(v)?))
                }) />
            <Field label=t.last_quantity id="person-last-quantity" control=Control::Number
                value=value(|d| &d.last_quantity)
                to_edit=salesperson(&id, |v| {
                    Ok(SalespersonField::LastQuantity(parse_non_negative(v)?))
                }) />
        </div>
    }
}
