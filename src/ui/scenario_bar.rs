//! The scenario (方案) being viewed: switch, add, duplicate, rename, delete, adopt.

use leptos::prelude::*;

use super::dialog::Confirm;
use super::state::{UndoAction, use_app};
use crate::core::field::parse_name;
use crate::i18n::fill;

#[component]
pub fn ScenarioBar() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let renaming = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let confirm = RwSignal::new(false);
    let current_name = move || {
        let sid = app.scenario.get();
        app.plan
            .with(|p| p.scenario(&sid).map(|s| s.name.clone()).unwrap_or_default())
    };
    let is_adopted = move || app.plan.with(|p| p.adopted_scenario == app.scenario.get());

    let commit_rename = move |text: String| match parse_name(&text) {
        Ok(name) => {
            let sid = app.scenario.get_untracked();
            app.edit(|p| {
                let _ = p.rename_scenario(&sid, &name);
            });
            renaming.set(false);
            error.set(None);
        }
        Err(e) => error.set(Some(t.field_error(&e))),
    };
    let duplicate = move |_| {
        let sid = app.scenario.get_untracked();
        let name = format!("{}{}", current_name(), t.copy_suffix);
        let mut new_id = None;
        app.edit(|p| new_id = p.duplicate_scenario(&sid, &name).ok());
        if let Some(id) = new_id {
            app.scenario.set(id);
        }
    };
    let add = move |_| {
        let mut new_id = String::new();
        app.edit(|p| new_id = p.add_scenario(t.new_scenario_name));
        app.scenario.set(new_id);
    };
    let delete = move || {
        confirm.set(false);
        let sid = app.scenario.get_untracked();
        let name = current_name();
        let before = app.plan.get_untracked();
        let mut result = Ok(());
        app.edit_if(|p| {
            result = p.delete_scenario(&sid);
            result.is_ok()
        });
        match result {
            Ok(()) => {
                app.scenario
                    .set(app.plan.with_untracked(|p| p.adopted_scenario.clone()));
                app.notify(
                    fill(t.scenario_deleted, &[&name]),
                    Some(UndoAction::Plan(Box::new(before))),
                );
            }
            Err(_) => app.notify(t.last_scenario.to_string(), None),
        }
    };
    view! {
        <div class="scenario-bar">
            <span class="scenario-label">{t.scenario}</span>
            <Show
                when=move || renaming.get()
                fallback=move || view! {
                    <select id="scenario-select" aria-label=t.scenario
                        on:change=move |ev| app.scenario.set(event_target_value(&ev))>
                        {move || {
                            let current = app.scenario.get();
                            app.plan.with(|p| p.scenarios.iter().map(|s| {
                                let label = if s.id == p.adopted_scenario { format!("★ {}", s.name) } else { s.name.clone() };
                                let selected = s.id == current;
                                view! { <option value=s.id.clone() selected=selected>{label}</option> }
                            }).collect_view())
                        }}
                    </select>
                }
            >
                <input id="scenario-rename" type="text" aria-label=t.scenario_name prop:value=current_name
                    on:keydown=move |ev| match ev.key().as_str() {
                        "Enter" => commit_rename(event_target_value(&ev)),
                        "Escape" => { renaming.set(false); error.set(None); }
                        _ => {}
                    }
                    on:blur=move |ev| if renaming.get_untracked() { commit_rename(event_target_value(&ev)) } />
            </Show>
            {move || if is_adopted() {
                view! { <span class="adopted-badge" id="scenario-adopted">"★ " {t.adopted}</span> }.into_any()
            } else {
                view! {
                    <button class="btn primary" id="scenario-adopt" on:click=move |_| {
                        let sid = app.scenario.get_untracked();
                        app.edit(|p| { let _ = p.adopt(&sid); });
                    }>"★ " {t.adopt}</button>
                }.into_any()
            }}
            <button class="btn" id="scenario-new" on:click=add>{t.new_scenario}</button>
            <button class="btn" id="scenario-duplicate" on:click=duplicate>{t.duplicate_scenario}</button>
            <button class="btn" id="scenario-rename-button" on:click=move |_| {
                renaming.set(true);
                request_animation_frame(|| super::tree::focus_element("scenario-rename"));
            }>{t.rename_scenario}</button>
            <button class="btn danger" id="scenario-delete" on:click=move |_| confirm.set(true)>{t.delete_scenario}</button>
            <span class="field-error" role="alert">{move || error.get()}</span>
            <Show when=move || confirm.get()>
                <Confirm
                    message=Signal::derive(move || fill(t.confirm_delete_scenario, &[&current_name()]))
                    confirm_label=t.delete
                    on_confirm=Callback::new(move |_| delete())
                    on_cancel=Callback::new(move |_| confirm.set(false)) />
            </Show>
        </div>
    }
}
