//! The web app (Leptos, client-side rendered): one component per file.

mod actions;
mod app;
mod banners;
mod breakdown_page;
mod breakdown_settings;
mod breakdown_table;
mod compare_page;
mod detail;
mod dialog;
mod explain_panel;
mod html_form;
pub(crate) mod html_view;
mod log_page;
pub(crate) mod morph;
mod plan_bar;
mod presentation;
mod print_page;
mod scenario_bar;
pub(crate) mod state;
mod territory_page;
mod tiers_page;
mod toast;
mod tree;

use leptos::prelude::*;

use crate::core::lang::Lang;
use crate::storage::browser;

/// Runs `f` now and again whenever a signal it reads changes. Every effect of the app goes
/// through this one function: each distinct closure given to `Effect::new` would bring its own
/// copy of the effect machinery into the wasm (about 600 bytes each).
fn effect(f: impl Fn() + 'static) {
    let f: Box<dyn Fn()> = Box::new(f);
    Effect::new(move |_| f());
}

/// Calls `f` with every `name` event of the window, for the page's life. Every window listener
/// goes through this one function (a typed listener per event brings its own copy of the glue).
pub(crate) fn listen(name: &'static str, f: impl Fn(web_sys::Event) + 'static) {
    let f: Box<dyn Fn(web_sys::Event)> = Box::new(f);
    // The handle is dropped, not removed: the app lives as long as the page.
    let _ = window_event_listener_untyped(name, f);
}

/// Calls `then` with the open plan (id from `open_id`) each time another tab of this site saves
/// it: the planner and the execution pages may be open side by side on the same plan.
pub(crate) fn on_saved_elsewhere(
    open_id: impl Fn() -> String + 'static,
    then: impl Fn(crate::core::model::Plan) + 'static,
) {
    listen("storage", move |ev| {
        let id = open_id();
        let key = js_sys::Reflect::get(&ev, &"key".into())
            .ok()
            .and_then(|k| k.as_string());
        if key.as_deref() != Some(crate::storage::library::plan_key(&id).as_str()) {
            return;
        }
        if let Ok(plan) = browser::load_plan(&id) {
            then(plan);
        }
    });
}

/// Whether a key was pressed while typing in a field (where Ctrl+Z undoes the typing).
pub(crate) fn in_field(ev: &web_sys::KeyboardEvent) -> bool {
    use web_sys::wasm_bindgen::JsCast;
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// The undo keys of both apps: `Some(false)` for undo (Ctrl+Z), `Some(true)` for redo
/// (Ctrl+Shift+Z, Ctrl+Y); Cmd instead of Ctrl on a Mac.
pub(crate) fn history_key(ev: &web_sys::KeyboardEvent) -> Option<bool> {
    if !(ev.ctrl_key() || ev.meta_key()) {
        return None;
    }
    match ev.key().to_ascii_lowercase().as_str() {
        "z" => Some(ev.shift_key()),
        "y" => Some(true),
        _ => None,
    }
}

/// Mounts the app on the page's body. (No panic hook: the code does not panic on any input —
/// property and fuzz tests see to that — and the hook's message formatting costs wasm size.)
pub fn start() {
    mount_to_body(app::App);
}

/// The language to start in: the one chosen before, else the browser's.
fn start_language() -> Lang {
    browser::saved_lang().unwrap_or_else(|| {
        let tag = window().navigator().language().unwrap_or_default();
        Lang::from_tag(&tag)
    })
}
