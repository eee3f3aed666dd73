//! "New plan" asks what the plan is called and for which company (never inherited from the plan
//! open before), then opens the new plan's territory.

use leptos::html::Input;
use leptos::prelude::*;

use super::fields::is_commit_enter;
use super::library;
use super::state::{Pending, use_app};
use crate::core::field::parse_name;

/// The dialog of a new plan: its name and its company, both required.
#[component]
pub fn NewPlanDialog() -> impl IntoView {
    let app = use_app();
    let open = Memo::new(move |_| app.confirm.with(|p| matches!(p, Some(Pending::NewPlan))));
    let name = RwSignal::new(String::new());
    let company = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let company_input = NodeRef::<Input>::new();
    // Fresh fields each time it opens; the company has the keyboard.
    Effect::new(move |_| {
        if open.get() {
            name.set(app.t_now().new_plan_name.to_string());
            company.set(String::new());
            error.set(None);
        }
        if let Some(input) = company_input.get() {
            let _ = input.focus();
        }
    });
    let create = move || {
        let t = app.t_now();
        let checked = parse_name(&name.get_untracked())
            .and_then(|n| parse_name(&company.get_untracked()).map(|c| (n, c)));
        match checked {
            Ok((n, c)) => {
                app.confirm.set(None);
                library::new_plan(app, n, c);
            }
            Err(e) => error.set(Some(t.field_error(&e))),
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if is_commit_enter(&ev) {
            ev.prevent_default();
            create();
        } else if ev.key() == "Escape" {
            app.confirm.set(None);
        }
    };
    view! {
        <Show when=move || open.get()>
            <div class="overlay" id="new-plan-host">
                <div class="dialog new-plan-dialog" role="dialog" aria-modal="true"
                    aria-labelledby="new-plan-title" on:keydown=on_key>
                    <h2 id="new-plan-title">{move || app.t().new_plan_title}</h2>
                    <label class="field">
                        <span class="field-label">{move || app.t().plan}</span>
                        <input type="text" id="new-plan-name" prop:value=move || name.get()
                            on:input=move |ev| name.set(event_target_value(&ev)) />
                    </label>
                    <label class="field">
                        <span class="field-label">{move || app.t().new_plan_company}</span>
                        <input type="text" id="new-plan-company" node_ref=company_input
                            prop:value=move || company.get()
                            on:input=move |ev| company.set(event_target_value(&ev)) />
                    </label>
                    <span class="field-error" role="alert">{move || error.get()}</span>
                    <div class="dialog-buttons">
                        <button type="button" class="btn" id="new-plan-cancel"
                            on:click=move |_| app.confirm.set(None)>{move || app.t().cancel}</button>
                        <button type="button" class="btn primary" id="new-plan-create"
                            on:click=move |_| create()>{move || app.t().new_plan_create}</button>
                    </div>
                </div>
            </div>
        </Show>
    }
}
