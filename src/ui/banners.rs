//! Problems that need the manager's attention: unreadable stored plans and failed saves.

use leptos::prelude::*;

use super::actions;
use super::dialog::Confirm;
use super::state::use_app;
use crate::i18n::fill;
use crate::storage::browser::{self, SaveError};
use crate::storage::files;
use crate::storage::library::BrokenEntry;

#[component]
pub fn Banners() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    view! {
        <div class="banners">
            <For each=move || app.broken.get() key=|b: &BrokenEntry| b.key.clone() let:entry>
                <BrokenBanner entry />
            </For>
            {move || app.save_error.get().map(|e| {
                let text = match e {
                    SaveError::Full => t.storage_full.to_string(),
                    SaveError::Unavailable => t.storage_unavailable.to_string(),
                    SaveError::Other(m) => format!("{} ({m})", t.storage_full),
                };
                view! {
                    <div class="banner error" role="alert" id="save-error">
                        <span>{text}</span>
                        <button class="btn" on:click=move |_| actions::export_plan()>{t.export_json}</button>
                    </div>
                }
            })}
        </div>
    }
}

#[component]
fn BrokenBanner(entry: BrokenEntry) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let confirm = RwSignal::new(false);
    let message = {
        let entry = entry.clone();
        move || fill(t.broken_entry, &[&entry.id, &t.read_error(&entry.error)])
    };
    let raw = entry.raw.clone();
    let id = entry.id.clone();
    let key = entry.key.clone();
    let confirm_id = entry.id.clone();
    view! {
        <div class="banner error broken-entry" role="alert">
            <span>{message}</span>
            <button class="btn" on:click=move |_| {
                let _ = files::download(&files::safe_file_name(&id, "json"), "application/json", &raw);
            }>{t.download_raw}</button>
            <button class="btn danger" on:click=move |_| confirm.set(true)>{t.delete_broken}</button>
            <Show when=move || confirm.get()>
                <Confirm
                    message=Signal::derive({ let id = confirm_id.clone(); move || fill(t.confirm_delete_broken, &[&id]) })
                    confirm_label=t.delete
                    on_confirm=Callback::new({ let key = key.clone(); move |_| {
                        browser::remove_key(&key);
                        app.broken.update(|b| b.retain(|x| x.key != key));
                    }})
                    on_cancel=Callback::new(move |_| confirm.set(false)) />
            </Show>
        </div>
    }
}
