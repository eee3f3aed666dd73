//! What the manager should know before anything else: that the plan on screen is the sample
//! (and where to start), unreadable stored plans and failed saves.

use leptos::prelude::*;

use super::isolated::Isolated;
use super::library;
use super::plan_gone::PlanGone;
use super::route::Route;
use super::state::{Pending, use_app};
use crate::core::edit::Part;
use crate::core::sample::is_sample;
use crate::i18n::fill;
use crate::storage::browser::SaveError;
use crate::storage::library::BrokenEntry;
use crate::view::bidi::sentence;

/// A stored entry that could not be read: why, and what can be done with it.
#[component]
fn BrokenBanner(entry: BrokenEntry) -> impl IntoView {
    let app = use_app();
    let key = StoredValue::new(entry.key.clone());
    view! {
        <div class="banner error broken-entry" role="alert">
            <span>{move || {
                let t = app.t();
                let text = fill(t.broken_entry, &[&entry.id, &t.read_error(&entry.error)]);
                view! { <Isolated segments=sentence(&text) /> }
            }}</span>
            <button type="button" class="btn"
                on:click=move |_| library::download_broken(app, &key.get_value())>
                {move || app.t().download_raw}
            </button>
            <button type="button" class="btn danger"
                on:click=move |_| app.confirm.set(Some(Pending::DeleteBrokenEntry(key.get_value())))>
                {move || app.t().delete_broken}
            </button>
        </div>
    }
}

#[component]
pub fn Banners() -> impl IntoView {
    let app = use_app();
    let save_error = move || {
        let t = app.t();
        app.save_error.get().map(|e| {
            let message = match e {
                SaveError::Full => t.storage_full.to_string(),
                SaveError::Unavailable => t.storage_unavailable.to_string(),
                SaveError::Other(m) => format!("{} ({m})", t.storage_full),
            };
            view! {
                <div class="banner error" role="alert" id="save-error">
                    <span>{message}</span>
                    <button type="button" class="btn"
                        on:click=move |_| library::export_plan(app)>{t.export_json}</button>
                </div>
            }
        })
    };
    // On the territory, where a plan starts: other routes keep their height for the tables.
    let sample = Memo::new(move |_| {
        app.route.get() == Route::Territory && app.with_plan(Part::Planning, is_sample)
    });
    // Closed for this visit; it is back on the next (the plan is still the sample).
    let closed = RwSignal::new(false);
    let sample_note = move || {
        (sample.get() && !closed.get()).then(|| {
            let t = app.t();
            view! {
                <div class="banner sample-note" id="sample-note">
                    <span><strong>{t.sample_note}</strong> " " {t.sample_start}</span>
                    <button type="button" class="btn primary" id="sample-new-plan"
                        on:click=move |_| app.confirm.set(Some(Pending::NewPlan))>{t.new_plan}</button>
                    <button type="button" class="icon" id="sample-note-close" title=t.close
                        aria-label=t.close on:click=move |_| closed.set(true)>"✕"</button>
                </div>
            }
        })
    };
    view! {
        <div class="banners" id="banners">
            {sample_note}
            <For each=move || app.broken.get() key=|b| b.key.clone() let:entry>
                <BrokenBanner entry=entry />
            </For>
            <PlanGone />
            {save_error}
        </div>
    }
}
