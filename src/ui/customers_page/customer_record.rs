//! An open record: every field editable, a visit recorded today, its history, delete and close.

use leptos::prelude::*;

use super::record_history::RecordHistory;
use crate::core::edit::{Edit, ExecutionEdit, Part};
use crate::core::execution::CustomerField;
use crate::i18n::fill;
use crate::ui::exec::ChoiceSelect;
use crate::ui::fields::{Control, Field};
use crate::ui::state::{UndoAction, What, today, use_app};
use crate::view::exec::Choice;
use crate::view::exec::customers::{
    RecordField, RecordInput, owner_choices, record_fields, region_of, subdistricts_of,
};
use crate::view::exec::expenses::region_choices;

/// Choices as a field's select takes them.
fn options(choices: Vec<Choice>) -> Vec<(String, String)> {
    choices.into_iter().map(|c| (c.value, c.label)).collect()
}

/// The record's sub-district, picked within a region: the region follows the record until
/// another is chosen to look in.
#[component]
fn RecordSubdistrict(
    /// The record's id.
    #[prop(into)]
    customer: String,
    /// The field's label.
    label: &'static str,
) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(customer);
    let stored = Memo::new(move |_| {
        app.with_plan(Part::Execution, |p| {
            p.execution
                .customer(&id.get_value())
                .map(|c| c.subdistrict.clone())
                .unwrap_or_default()
        })
    });
    let looking_in = RwSignal::new(None::<String>);
    let region = Memo::new(move |_| {
        looking_in.get().unwrap_or_else(|| {
            stored.with(|sub| app.with_plan(Part::Planning, |p| region_of(p, sub)))
        })
    });
    let to_edit = move |text: String| {
        looking_in.set(None);
        Ok(Edit::Execution(ExecutionEdit::UpdateCustomer {
            customer: id.get_value(),
            field: CustomerField::Subdistrict,
            text,
            today: today(),
        }))
    };
    view! {
        <ChoiceSelect id="customer-region" label=Signal::derive(move || app.x().region.to_string())
            choices=Signal::derive(move || app.with_plan(Part::Planning, region_choices))
            value=region on_change=move |r: String| looking_in.set(Some(r)) />
        {move || {
            let x = app.x();
            let choices = region.with(|r| {
                app.with_plan(Part::Planning, |p| subdistricts_of(x, p, r))
            });
            view! {
                <Field label=label value=stored to_edit=to_edit control=Control::Select(options(choices))
                    id="customer-subdistrict" />
            }
        }}
    }
}

/// The record's owner, among the people of its sub-district.
#[component]
fn RecordOwner(
    /// The record's id.
    #[prop(into)]
    customer: String,
    /// The field's label.
    label: &'static str,
) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(customer);
    let stored = Memo::new(move |_| {
        app.with_plan(Part::Execution, |p| {
            p.execution
                .customer(&id.get_value())
                .map(|c| c.owner.clone())
                .unwrap_or_default()
        })
    });
    let choices = Memo::new(move |_| {
        app.with_plan(Part::Planning, |_| ());
        app.with_plan(Part::Execution, |p| {
            p.execution
                .customer(&id.get_value())
                .map(|c| owner_choices(app.x(), p, c))
                .unwrap_or_default()
        })
    });
    let to_edit = move |text: String| {
        Ok(Edit::Execution(ExecutionEdit::UpdateCustomer {
            customer: id.get_value(),
            field: CustomerField::Owner,
            text,
            today: today(),
        }))
    };
    view! {
        {move || view! {
            <Field label=label value=stored to_edit=to_edit
                control=Control::Select(options(choices.get())) id="customer-owner" />
        }}
    }
}

/// One field of the record, edited in place.
#[component]
fn RecordFieldInput(
    /// The record's id.
    #[prop(into)]
    customer: String,
    /// Which field, its label and how it is typed.
    field: RecordField,
) -> impl IntoView {
    let app = use_app();
    let key = field.field;
    let id = StoredValue::new(customer);
    let value = Signal::derive(move || {
        app.with_plan(Part::Execution, |p| {
            p.execution
                .customer(&id.get_value())
                .map(|c| c.get(key))
                .unwrap_or_default()
        })
    });
    let control = match field.input {
        RecordInput::Text => Control::Text,
        RecordInput::Date => Control::Date,
        RecordInput::Choice(choices) => Control::Select(options(choices)),
        RecordInput::Subdistrict => {
            return view! { <RecordSubdistrict customer=id.get_value() label=field.label /> }
                .into_any();
        }
        RecordInput::Owner => {
            return view! { <RecordOwner customer=id.get_value() label=field.label /> }.into_any();
        }
    };
    let to_edit = move |text: String| {
        Ok(Edit::Execution(ExecutionEdit::UpdateCustomer {
            customer: id.get_value(),
            field: key,
            text,
            today: today(),
        }))
    };
    view! {
        <Field label=field.label value=value to_edit=to_edit control=control
            id=format!("customer-{}", key.key()) />
    }
    .into_any()
}

/// The open record `id`.
#[component]
pub fn CustomerRecord(
    /// The record's id.
    #[prop(into)]
    id: String,
) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(id);
    let name = Memo::new(move |_| {
        app.with_plan(Part::Execution, |p| {
            p.execution
                .customer(&id.get_value())
                .map(|c| c.name.clone())
                .unwrap_or_default()
        })
    });
    // The fields' labels and the sub-districts to choose from.
    let fields = Memo::new(move |_| record_fields(app.x()));

    let visit = move |_| {
        let day = today();
        let old = app.with_plan_untracked(|p| {
            p.execution
                .customer(&id.get_value())
                .map(|c| c.get(CustomerField::LastVisit))
                .unwrap_or_default()
        });
        let edit = Edit::Execution(ExecutionEdit::Visit {
            customer: id.get_value(),
            date: day,
        });
        let what = What::field(app.x_now().last_visit, old, day.to_string());
        if let Err(e) = app.apply(edit, what) {
            app.notify_error(app.t_now().edit_error(&e));
        }
    };
    let remove = move |_| {
        let x = app.x_now();
        let removed = name.get_untracked();
        let edit = Edit::Execution(ExecutionEdit::RemoveCustomer {
            customer: id.get_value(),
        });
        match app.apply(edit, What::Text(x.remove_customer.to_string())) {
            Ok(_) => {
                app.customer.set(None);
                app.notify(
                    fill(x.customer_removed, &[&removed]),
                    Some(UndoAction::LastStep),
                );
            }
            Err(e) => app.notify_error(app.t_now().edit_error(&e)),
        }
    };

    view! {
        <section class="card record" id="customer-record">
            <h3>{move || name.get()}</h3>
            <div class="record-fields">
                {move || {
                    fields
                        .get()
                        .into_iter()
                        .map(|field| view! { <RecordFieldInput customer=id.get_value() field=field /> })
                        .collect_view()
                }}
            </div>
            <div class="actions">
                <button type="button" class="btn primary" id="visit-today" on:click=visit>
                    {move || app.x().visited_today}
                </button>
                <button type="button" class="btn danger" id="remove-customer" on:click=remove>
                    {move || app.x().remove_customer}
                </button>
                <button type="button" class="btn" id="close-record"
                    on:click=move |_| app.customer.set(None)>
                    {move || app.x().close}
                </button>
            </div>
            <RecordHistory customer=id.get_value() />
        </section>
    }
}
