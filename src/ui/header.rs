//! The header: the product's name, the plan switcher with its actions, undo/redo, import and
//! export, share and the language switch.

use leptos::prelude::*;

use super::fields::RenameBox;
use super::library;
use super::state::{Pending, What, use_app};
use crate::core::edit::Part;
use crate::core::edit::{Edit, PlanField};
use crate::core::lang::Lang;
use crate::storage::browser;

#[component]
pub fn Header() -> impl IntoView {
    let app = use_app();
    let renaming = RwSignal::new(false);
    let name = Memo::new(move |_| app.with_plan(Part::Planning, |p| p.name.clone()));

    let commit_rename = move |new: String| {
        let t = app.t_now();
        let old = name.get_untracked();
        let edit = Edit::Plan(PlanField::Name(new.clone()));
        app.apply(edit, What::field(t.plan, old, new.trim()))
            .map(|_| renaming.set(false))
            .map_err(|e| t.edit_error(&e))
    };
    let switch_language = move |_| {
        let next = match app.lang.get_untracked() {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        app.lang.set(next);
        browser::save_lang(next);
    };
    let on_import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            input.set_value("");
            library::import_file(app, file);
        }
    };

    let switcher = move || {
        let t = app.t();
        if renaming.get() {
            view! {
                <RenameBox id="plan-rename" label=t.plan_name value=name
                    on_commit=commit_rename on_cancel=move |()| renaming.set(false) />
            }
            .into_any()
        } else {
            let current = app.plan_id.get();
            view! {
                <select id="plan-select" aria-label=t.plans
                    on:change=move |ev| library::switch_plan(app, &event_target_value(&ev))>
                    <For
                        each=move || app.metas.get()
                        key=|m| (m.id.clone(), m.name.clone())
                        let:meta
                    >
                        <option value=meta.id.clone() selected=meta.id == current>{meta.name}</option>
                    </For>
                </select>
            }
            .into_any()
        }
    };

    move || {
        let t = app.t();
        view! {
            <header class="topbar">
                <div class="plan-bar">
                <div class="brand">
                    <span class="brand-name">{t.app_title}</span>
                </div>
                <div class="plan-switch">
                    {switcher}
                    <button type="button" class="btn" id="plan-new"
                        on:click=move |_| app.confirm.set(Some(Pending::NewPlan))>{t.new_plan}</button>
                    <button type="button" class="btn" id="plan-duplicate"
                        on:click=move |_| library::duplicate_plan(app)>{t.duplicate_plan}</button>
                    <button type="button" class="btn" id="plan-rename-button"
                        on:click=move |_| renaming.set(true)>{t.rename_plan}</button>
                    <button type="button" class="btn" id="plan-versions"
                        on:click=move |_| app.versions_open.set(true)>{t.versions_button}</button>
                    <button type="button" class="btn danger" id="plan-delete"
                        on:click=move |_| app.confirm.set(Some(Pending::DeletePlan))>{t.delete_plan}</button>
                </div>
                <div class="top-actions">
                    <button type="button" class="btn" id="undo" title="Ctrl+Z"
                        disabled=move || !app.can_undo() on:click=move |_| app.undo()>{t.undo}</button>
                    <button type="button" class="btn" id="redo" title="Ctrl+Shift+Z"
                        disabled=move || !app.can_redo() on:click=move |_| app.redo()>{t.redo}</button>
                    <label class="btn file-button">
                        {t.import_json}
                        <input type="file" id="import-file" accept=".json,application/json"
                            on:change=on_import />
                    </label>
                    <button type="button" class="btn" id="export-json"
                        on:click=move |_| library::export_plan(app)>{t.export_json}</button>
                    <button type="button" class="btn" id="share-link"
                        on:click=move |_| library::share_plan(app)>{t.share_link}</button>
                    <button type="button" class="btn lang" id="switch-language"
                        on:click=switch_language>{t.switch_language}</button>
                </div>
                </div>
            </header>
        }
    }
}
