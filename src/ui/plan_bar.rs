//! The header: the product's name, the plan switcher with its actions, undo/redo, language.

use leptos::prelude::*;

use super::actions;
use super::dialog::Confirm;
use super::state::use_app;
use crate::core::field::parse_name;
use crate::core::lang::Lang;
use crate::i18n::fill;
use crate::storage::browser;

#[component]
pub fn PlanBar() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let renaming = RwSignal::new(false);
    let rename_error = RwSignal::new(None::<String>);
    let confirm_delete = RwSignal::new(false);

    let commit_rename = move |text: String| match parse_name(&text) {
        Ok(name) => {
            app.edit(|p| p.name = name);
            renaming.set(false);
            rename_error.set(None);
        }
        Err(e) => rename_error.set(Some(t.field_error(&e))),
    };
    let switch_lang = move |_| {
        let next = match app.lang.get_untracked() {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        app.lang.set(next);
        browser::save_lang(next);
    };

    view! {
        <header class="topbar">
            <div class="brand">
                <span class="brand-name">{t.app_title}</span>
                <span class="brand-sub">{t.app_subtitle}</span>
            </div>
            <div class="plan-switch">
                <Show
                    when=move || renaming.get()
                    fallback=move || view! {
                        <select id="plan-select" aria-label=t.plans
                            on:change=move |ev| actions::switch_plan(&event_target_value(&ev))>
                            {move || {
                                let current = app.plan.with(|p| p.id.clone());
                                app.metas.get().into_iter().map(|m| {
                                    let selected = m.id == current;
                                    view! { <option value=m.id selected=selected>{m.name}</option> }
                                }).collect_view()
                            }}
                        </select>
                    }
                >
                    <input id="plan-rename" type="text" aria-label=t.plan_name
                        prop:value=move || app.plan.with(|p| p.name.clone())
                        on:keydown=move |ev| match ev.key().as_str() {
                            "Enter" => commit_rename(event_target_value(&ev)),
                            "Escape" => { renaming.set(false); rename_error.set(None); }
                            _ => {}
                        }
                        on:blur=move |ev| if renaming.get_untracked() { commit_rename(event_target_value(&ev)) } />
                    <span class="field-error" role="alert">{move || rename_error.get()}</span>
                </Show>
                <button class="btn" id="plan-new" on:click=move |_| actions::new_plan()>{t.new_plan}</button>
                <button class="btn" id="plan-duplicate" on:click=move |_| actions::duplicate_plan()>{t.duplicate_plan}</button>
                <button class="btn" id="plan-rename-button" on:click=move |_| {
                    renaming.set(true);
                    request_animation_frame(|| super::tree::focus_element("plan-rename"));
                }>{t.rename_plan}</button>
                <button class="btn danger" id="plan-delete" on:click=move |_| confirm_delete.set(true)>{t.delete_plan}</button>
            </div>
            <div class="top-actions">
                <button class="btn" id="undo" title="Ctrl+Z" disabled=move || { app.plan.track(); !app.can_undo() }
                    on:click=move |_| app.undo()>{t.undo}</button>
                <button class="btn" id="redo" title="Ctrl+Shift+Z" disabled=move || { app.plan.track(); app.history.with_value(|h| h.redo.is_empty()) }
                    on:click=move |_| app.redo()>{t.redo}</button>
                <label class="btn file-button">
                    {t.import_json}
                    <input type="file" id="import-file" accept=".json,application/json" on:change=actions::import_from_input />
                </label>
                <button class="btn" id="export-json" on:click=move |_| actions::export_plan()>{t.export_json}</button>
                <button class="btn lang" id="switch-language" on:click=switch_lang>{t.switch_language}</button>
            </div>
            <Show when=move || confirm_delete.get()>
                <Confirm
                    message=Signal::derive(move || fill(t.confirm_delete_plan, &[&app.plan.with(|p| p.name.clone())]))
                    confirm_label=t.delete
                    on_confirm=Callback::new(move |_| { confirm_delete.set(false); actions::delete_current_plan(); })
                    on_cancel=Callback::new(move |_| confirm_delete.set(false)) />
            </Show>
        </header>
    }
}
