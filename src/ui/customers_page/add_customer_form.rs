//! The toolbar above the archive: a new record's kind, name and sub-district, and the search box.

use leptos::html::Input;
use leptos::prelude::*;

use crate::core::edit::{Edit, ExecutionEdit, Part};
use crate::core::execution::CustomerKind;
use crate::ui::exec::ChoiceSelect;
use crate::ui::fields::is_commit_enter;
use crate::ui::state::{What, use_app};
use crate::view::exec::customers::{kind_choices, region_of, subdistricts_of};
use crate::view::exec::expenses::region_choices;

/// Adds a record (and opens it); the name box empties for the next one. Also holds the search.
#[component]
pub fn AddCustomerForm(
    /// What the list is filtered by, as typed.
    search: RwSignal<String>,
) -> impl IntoView {
    let app = use_app();
    let kind = RwSignal::new(CustomerKind::Distributor);
    let region = RwSignal::new(app.with_plan_untracked(|p| region_of(p, "")));
    let subdistrict = RwSignal::new(String::new());
    let name = NodeRef::<Input>::new();
    let error = RwSignal::new(None::<String>);
    let regions = Memo::new(move |_| app.with_plan(Part::Planning, region_choices));
    let subdistricts = Memo::new(move |_| {
        let x = app.x();
        region.with(|r| app.with_plan(Part::Planning, |p| subdistricts_of(x, p, r)))
    });

    let add = move || {
        let Some(input) = name.get_untracked() else {
            return;
        };
        let x = app.x_now();
        let typed = input.value();
        let edit = Edit::Execution(ExecutionEdit::AddCustomer {
            kind: kind.get_untracked(),
            name: typed.clone(),
            subdistrict: subdistrict.get_untracked(),
        });
        let what = What::Text(format!(
            "{} · {}: {}",
            x.page_customers,
            x.add_customer,
            typed.trim()
        ));
        match app.apply(edit, what) {
            Ok(applied) => {
                input.set_value("");
                error.set(None);
                if let Some(id) = applied.created {
                    super::open_record(app, id);
                }
            }
            Err(e) => error.set(Some(app.t_now().edit_error(&e))),
        }
    };

    view! {
        <div class="toolbar add-customer">
            <ChoiceSelect id="new-kind" label=Signal::derive(move || app.x().kind.to_string())
                choices=Signal::derive(move || kind_choices(app.x()))
                value=Signal::derive(move || kind.get().key().to_string())
                on_change=move |v: String| {
                    if let Some(k) = CustomerKind::from_key(&v) {
                        kind.set(k);
                    }
                } />
            <label class="field-inline" class:invalid=move || error.with(Option::is_some)>
                <span>{move || app.x().new_customer_name}</span>
                <input type="text" id="new-customer-name" node_ref=name
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    on:keydown=move |ev| {
                        if is_commit_enter(&ev) {
                            ev.prevent_default();
                            add();
                        }
                    } />
                <span class="field-error" role="alert">{move || error.get()}</span>
            </label>
            <ChoiceSelect id="new-region" label=Signal::derive(move || app.x().region.to_string())
                choices=regions value=region
                on_change=move |r: String| {
                    region.set(r);
                    subdistrict.set(String::new());
                } />
            <ChoiceSelect id="new-sub" label=Signal::derive(move || app.x().subdistrict.to_string())
                choices=subdistricts value=subdistrict
                on_change=move |v: String| subdistrict.set(v) />
            <button type="button" class="btn primary" id="add-customer" on:click=move |_| add()>
                {move || app.x().add_customer}
            </button>
            <label class="field-inline search">
                <span>{move || app.x().search}</span>
                <input type="search" id="customer-search" prop:value=move || search.get()
                    on:input=move |ev| search.set(event_target_value(&ev)) />
            </label>
        </div>
    }
}
