//! Keeping the open plan in local storage: every change is written once the screen has shown
//! it (a failure is shown, never thrown). Before writing, the stored entry is compared with the
//! text this window last read or wrote: if another window saved meanwhile, this window's
//! changes are made again on that version (only the same field changed in both asks); a plan
//! another window deleted or made unreadable is never written. A plan file dropped on the page
//! is imported.

use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::library;
use super::state::{App, Pending, Stale};
use crate::core::editor::{Choice, Rebased};
use crate::core::format::read_plan;
use crate::storage::browser::{self, Stored};
use crate::storage::library::{BrokenEntry, Index, plan_key};

/// Whether nothing may write the open plan now: its stored entry is unreadable or deleted, or a
/// collision waits for an answer.
fn held(app: App) -> bool {
    app.stale.with_untracked(Option::is_some)
        || app
            .confirm
            .with_untracked(|c| matches!(c, Some(Pending::Collision(_))))
}

/// Brings the open plan in step with its stored entry; whether it may be written now.
pub fn reconcile(app: App, choice: Choice) -> bool {
    let id = app.plan_id.get_untracked();
    match browser::check(&id) {
        Stored::Same => true,
        Stored::Gone => {
            app.stale.set(Some(Stale::Gone));
            false
        }
        Stored::Changed { now, base } => match read_plan(&now) {
            Err(error) => {
                app.stale.set(Some(Stale::Unreadable(BrokenEntry {
                    key: plan_key(&id),
                    id,
                    error,
                    raw: now,
                })));
                false
            }
            Ok(mut newer) => {
                newer.id.clone_from(&id);
                // Stored before this window knew it: the other version is the common one.
                let base = read_plan(&base)
                    .map(|mut p| {
                        p.id.clone_from(&id);
                        p
                    })
                    .unwrap_or_else(|_| newer.clone());
                match app.rebase(&base, newer, choice) {
                    Rebased::Merged => {
                        browser::remember(&id, now);
                        true
                    }
                    Rebased::Collision(collision) => {
                        app.confirm.set(Some(Pending::Collision(collision)));
                        false
                    }
                }
            }
        },
    }
}

/// Writes the open plan (when it has changes and may be written) and the library's index now.
fn save_now(app: App) {
    app.settle();
    if held(app) {
        return;
    }
    if app.has_unsaved() {
        if !reconcile(app, Choice::Ask) {
            return;
        }
        let pending = app.unsaved_count();
        let result = app.with_plan_untracked(browser::save_plan);
        if result.is_ok() {
            app.mark_saved();
            app.mark_stored(pending);
        }
        app.save_error.set(result.err());
    }
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

/// The answer to a collision: make this window's changes again with `choice`, then save.
pub fn resolve(app: App, choice: Choice) {
    app.confirm.set(None);
    if reconcile(app, choice) {
        app.mark_unsaved();
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

    // Another window of this site saved the open plan: take that version in, with this
    // window's unsaved changes made again on it.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        let id = app.plan_id.get_untracked();
        if ev.key().as_deref() != Some(plan_key(&id).as_str()) || held(app) {
            return;
        }
        let had_changes = app.has_unsaved();
        if reconcile(app, Choice::Ask) {
            if had_changes {
                save_now(app);
                app.notify(app.t_now().taken_in.to_string(), None);
            } else {
                app.notify(app.t_now().plan_reloaded.to_string(), None);
            }
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
