//! Keys that work anywhere on the page: undo (Ctrl+Z), redo (Ctrl+Shift+Z, Ctrl+Y) and
//! presentation mode (P, or F5 from a projector remote). Cmd works for Ctrl on a Mac.

use leptos::prelude::*;
use web_sys::KeyboardEvent;
use web_sys::wasm_bindgen::JsCast;

use super::state::App;

/// Whether a key was pressed while typing in a field (where Ctrl+Z undoes the typing).
fn in_field(ev: &KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// `Some(false)` for undo, `Some(true)` for redo.
fn history_key(ev: &KeyboardEvent) -> Option<bool> {
    if !(ev.ctrl_key() || ev.meta_key()) {
        return None;
    }
    match ev.key().to_ascii_lowercase().as_str() {
        "z" => Some(ev.shift_key()),
        "y" => Some(true),
        _ => None,
    }
}

pub fn start(app: App) {
    let _ = window_event_listener(leptos::ev::keydown, move |ev| {
        if in_field(&ev) || ev.is_composing() {
            return;
        }
        if let Some(redo) = history_key(&ev) {
            if redo {
                app.redo();
            } else {
                app.undo();
            }
            ev.prevent_default();
            return;
        }
        let plain = !(ev.ctrl_key() || ev.meta_key() || ev.alt_key());
        if plain && matches!(ev.key().as_str(), "p" | "P" | "F5") {
            let presenting = app.presenting.get_untracked().is_some();
            app.presenting.set((!presenting).then_some(0));
            ev.prevent_default();
        }
    });
}
