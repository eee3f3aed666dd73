//! A salesperson's fields, and moving them to another sub-district.

use leptos::prelude::*;

use super::commit::{commit, on_salesperson};
use crate::core::field::{FieldError, parse_name, parse_non_negative, parse_text};
use crate::core::model::Salesperson;
use crate::ui::actions;
use crate::ui::field::{Field, SelectField};
use crate::ui::state::use_app;

fn parse_role(text: &str) -> Result<String, FieldError> {
    parse_text(text, 100)
}

#[component]
pub fn SalespersonForm(id: String) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let key = id.clone();
    let value = move |f: fn(&Salesperson) -> String| {
        let id = key.clone();
        Signal::derive(move || {
            app.plan
                .with(|p| p.salesperson(&id).map(f).unwrap_or_default())
        })
    };
    let parent_id = id.clone();
    let parent = Signal::derive(move || {
        app.plan
            .with(|p| p.parent_id(&parent_id).unwrap_or_default())
    });
    let subdistricts = Signal::derive(move || {
        app.plan.with(|p| {
            p.regions
                .iter()
                .flat_map(|r| {
                    r.subdistricts
                        .iter()
                        .map(move |d| (d.id.clone(), format!("{} / {}", r.name, d.name)))
                })
                .collect::<Vec<_>>()
        })
    });
    let moving = id.clone();
    view! {
        <h2>{t.salesperson} " · " {value(|p| p.name.clone())}</h2>
        <div class="form-grid">
            <Field id="detail-name" label=t.name value=value(|p| p.name.clone())
                commit=commit(parse_name, on_salesperson(id.clone(), |x, v| x.name = v)) />
            <Field id="person-role" label=t.role value=value(|p| p.role.clone())
                commit=commit(parse_role, on_salesperson(id.clone(), |x, v| x.role = v)) />
            <Field id="person-last-amount" numeric=true label=t.last_amount value=value(|p| p.last_sales.amount.to_string())
                commit=commit(parse_non_negative, on_salesperson(id.clone(), |x, v| x.last_sales.amount = v)) />
            <Field id="person-last-quantity" numeric=true label=t.last_quantity value=value(|p| p.last_sales.quantity.to_string())
                commit=commit(parse_non_negative, on_salesperson(id.clone(), |x, v| x.last_sales.quantity = v)) />
            <SelectField id="person-move" label=t.move_to value=parent options=subdistricts
                commit=Callback::new(move |to: String| actions::move_to_parent(&moving, &to)) />
        </div>
    }
}
