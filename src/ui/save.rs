//! Keeping the open plan in the browser's storage: every change is written once the screen has
//! shown it (a failure is shown, never thrown). A save writes only over the revision this
//! window last read or wrote: if another window saved meanwhile, this window's changes are made
//! again on that version (only the same field changed in both asks); a plan another window
//! deleted or made unreadable is never written. A plan file dropped on the page is imported.

use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::library;
use super::state::{App, Pending, Stale};
use crate::core::editor::{Choice, Rebased};
use crate::core::format::read_plan;
use crate::storage::browser::{self, Saved};
use crate::storage::library::{BrokenEntry, CHANGED_KEY, Index, plan_key};

thread_local! {
    /// Saves of this window under way (started, not yet written).
    static SAVING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

fn saving() -> bool {
    SAVING.with(|n| n.get() > 0)
}

/// Whether nothing may write the open plan now: its stored entry is unreadable or deleted, or a
/// collision waits for an answer.
fn held(app: App) -> bool {
    app.stale.with_untracked(Option::is_some)
        || app
            .confirm
            .with_untracked(|c| matches!(c, Some(Pending::Collision(_))))
}

/// Takes in what another window stored of the open plan (`rev`, `now`; `base` is the text
/// this window had), with this window's unsaved changes made again on it; whether the open
/// plan may be written now.
fn take_in(app: App, rev: u64, now: String, base: &str, choice: Choice) -> bool {
    let id = app.plan_id.get_untracked();
    match read_plan(&now) {
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
            let base = read_plan(base)
                .map(|mut p| {
                    p.id.clone_from(&id);
                    p
                })
                .unwrap_or_else(|_| newer.clone());
            match app.rebase(&base, newer, choice) {
                Rebased::Merged => {
                    browser::remember(&id, rev, now);
                    true
                }
                Rebased::Collision(collision) => {
                    app.confirm.set(Some(Pending::Collision(collision)));
                    false
                }
            }
        }
    }
}

fn index_now(app: App) -> Index {
    Index {
        order: app
            .metas
            .with_untracked(|m| m.iter().map(|x| x.id.clone()).collect()),
        current: Some(app.plan_id.get_untracked()),
    }
}

/// Writes the open plan (when it has changes and may be written) and the library's index.
/// A save that finds another window's newer version takes it in and writes again.
async fn save_now(app: App, choice: Choice) {
    app.settle();
    if held(app) {
        return;
    }
    if !app.has_unsaved() {
        let _ = browser::save_index(index_now(app)).await;
        return;
    }
    let mut choice = choice;
    // Each round either writes or takes in a newer version; two windows typing at once settle
    // within a few rounds.
    for _ in 0..5 {
        let id = app.plan_id.get_untracked();
        let pending = app.unsaved_count();
        let started = super::state::now_ms();
        let Some(text) = app.stored_text() else {
            return;
        };
        let name = app.with_plan_untracked(|p| p.name.clone());
        // Edits made while this save is under way mark the plan unsaved again.
        app.mark_saved();
        SAVING.with(|n| n.set(n.get() + 1));
        let result = browser::save_plan(&id, &name, text, index_now(app)).await;
        SAVING.with(|n| n.set(n.get() - 1));
        if app.plan_id.get_untracked() != id {
            return;
        }
        match result {
            Ok(Saved::Done) => {
                super::state::record_save_ms(super::state::now_ms() - started);
                browser::clear_unsaved();
                app.mark_stored(pending);
                app.save_error.set(None);
                return;
            }
            Ok(Saved::Gone) => {
                app.mark_unsaved();
                app.stale.set(Some(Stale::Gone));
                return;
            }
            Ok(Saved::Changed { rev, now, base }) => {
                app.mark_unsaved();
                if !take_in(app, rev, now, &base, choice) {
                    return;
                }
                choice = Choice::Ask;
            }
            Err(e) => {
                app.mark_unsaved();
                app.save_error.set(Some(e));
                return;
            }
        }
    }
}

/// Queues a save of the open plan and the index.
pub fn save_soon(app: App) {
    leptos::task::spawn_local(browser::in_turn(save_now(app, Choice::Ask)));
}

/// Writes the open plan if it has changes a save is still waiting for: called (in turn) before
/// another plan is opened, which would otherwise be the one the waiting save writes.
pub async fn write_unsaved(app: App) {
    if app.has_unsaved() {
        save_now(app, Choice::Ask).await;
    }
}

/// The answer to a collision: make this window's changes again with `choice`, then save.
pub fn resolve(app: App, choice: Choice) {
    app.confirm.set(None);
    leptos::task::spawn_local(browser::in_turn(save_now(app, choice)));
}

/// Another window changed plan `id`: when it is the open one, take that version in (with this
/// window's unsaved changes made again on it), or show that it is gone.
async fn heard(app: App, id: String) {
    if app.plan_id.get_untracked() != id || held(app) {
        return;
    }
    let base_rev = browser::known_rev(&id);
    let Ok(entry) = browser::read_entry(&id).await else {
        return;
    };
    if app.plan_id.get_untracked() != id || held(app) {
        return;
    }
    match entry {
        None if base_rev > 0 => app.stale.set(Some(Stale::Gone)),
        None => {}
        Some(entry) if entry.rev == base_rev => {}
        Some(entry) => {
            let had_changes = app.has_unsaved();
            let base = browser::known_text(&id).unwrap_or_default();
            if take_in(app, entry.rev, entry.text, &base, Choice::Ask) {
                if had_changes {
                    save_now(app, Choice::Ask).await;
                    app.notify(app.t_now().taken_in.to_string(), None);
                } else {
                    app.notify(app.t_now().plan_reloaded.to_string(), None);
                }
            }
        }
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
                    save_soon(app);
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
            save_soon(app);
        }
    };
    // The page is left (closed, reloaded): a save not yet written is left in local storage,
    // which is written at once, for the next start to write; IndexedDB is not.
    let _ = window_event_listener(leptos::ev::pagehide, move |_| {
        if !held(app) && (pending.get_value() || app.has_unsaved() || saving()) {
            let id = app.plan_id.get_untracked();
            if let Some(text) = app.stored_text() {
                browser::leave_unsaved(&id, text);
            }
        }
        flush();
    });
    // Back from the browser's page cache: this window writes its own saves again.
    let _ = window_event_listener(leptos::ev::pageshow, |ev| {
        if ev.persisted() {
            browser::clear_unsaved();
        }
    });
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        if document().hidden() {
            flush();
        }
    });

    // Another window of this site saved or deleted a plan: it says so under CHANGED_KEY.
    let _ = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() != Some(CHANGED_KEY) {
            return;
        }
        let id = ev
            .new_value()
            .and_then(|v| serde_json::from_str::<serde_json::Value>(&v).ok())
            .and_then(|v| v.get("id").and_then(|i| i.as_str()).map(str::to_string));
        if let Some(id) = id {
            leptos::task::spawn_local(browser::in_turn(heard(app, id)));
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
