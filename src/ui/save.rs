//! Keeping the open plan in local storage: every change is written once the screen has shown
//! it (a failure is shown, never thrown); a change saved by another tab is taken in; a plan
//! file dropped on the page is imported.

use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::library;
use super::state::App;
use crate::storage::browser;
use crate::storage::library::{Index, plan_key};

/// Writes the open plan and the library's index now.
fn save_now(app: App) {
    app.settle();
    let result = app.with_plan_untracked(browser::save_plan);
    if result.is_ok() {
        app.mark_saved();
    }
    app.save_error.set(result.err());
    let index = Index {
        order: app
            .metas
            .with_untracked(|m| m.iter().map(|x| x.id.clone()).collect()),
        current: Some(app.plan_id.get_untracked()),
    };
    let _ = browser::save_index(&index);
}

/// Writes the open plan now if it has changes a save is still waiting for: called before
/// another plan is opened, which would otherwise be the one the waiting save writes.
pub fn write_unsaved(app: App) {
    if app.has_unsaved() {
        save_now(app);
    }
}

pub fn start(app: App) {
    // A save waits for the next frame, so an edit is on screen before its plan is written; a
    // burst of edits is written once.
    let pending = StoredValue::new(false);
    Effect::new(move |_| {
        app.track_all();
        app.metas.track();
        if pending.get_value() {
            return;
        }
        pending.set_value(true);
        request_animation_frame(move || {
            set_timeout(
                move || {
                    pending.set_value(false);
                    save_now(app);
                },
                std::time::Duration::ZERO,
            );
        });
    });
    // Leaving the page writes what is still waiting; so does hiding it (another tab comes to
    // the front): a hidden page draws no frames, and the other tab would open the plan without
    // this change.
    let flush = move || {
        if pending.get_value() {
            pending.set_value(false);
            save_now(app);
        }
    };
    let _ = window_event_listener(leptos::ev::pagehide, move |_| flush());
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() {
            flush();
        }
    });

    // Another tab of this site saved the open plan: show that version.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        let id = app.plan_id.get_untracked();
        if ev.key().as_deref() != Some(plan_key(&id).as_str()) {
            return;
        }
        if let Ok(plan) = browser::load_plan(&id) {
            app.take_version(plan);
            app.notify(app.t_now().plan_reloaded.to_string(), None);
        }
    });

    // A plan file dropped anywhere on the page is imported.
    let _ = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let _ = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        let file = ev
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|d| d.data_transfer())
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            library::import_file(app, file);
        }
    });
}
