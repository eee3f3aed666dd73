//! The toolbar above the archive: a new record's kind, name and sub-district, and the search box.

use leptos::html::Input;
use leptos::prelude::*;

use super::region_select::RegionSelect;
use crate::core::edit::{Edit, ExecutionEdit, Part};
use crate::core::execution::CustomerKind;
use crate::ui::fields::is_commit_enter;
use crate::ui::state::{What, use_app};
use crate::view::exec::customers::{kind_choices, region_of, subdistricts_of};

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
            <label class="field-inline">
                <span>{move || app.x().kind}</span>
                <select id="new-kind"
                    on:change=move |ev| {
                        if let Some(k) = CustomerKind::from_key(&event_target_value(&ev)) {
                            kind.set(k);
                        }
                    }>
                    {move || kind_choices(app.x()).into_iter().map(|(value, label)| {
                        let selected = value == kind.get_untracked().key();
                        view! { <option value=value selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
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
            <RegionSelect id="new-region" value=region
                on_change=move |r| {
                    region.set(r);
                    subdistrict.set(String::new());
                } />
            <label class="field-inline">
                <span>{move || app.x().subdistrict}</span>
                <select id="new-sub" prop:value=move || subdistrict.get()
                    on:change=move |ev| subdistrict.set(event_target_value(&ev))>
                    {move || subdistricts.get().into_iter().map(|(value, label)| {
                        let selected = value == subdistrict.get_untracked();
                        view! { <option value=value selected=selected>{label}</option> }
                    }).collect_view()}
                </select>
            </label>
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
