//! Presentation mode: full screen, large type, high contrast, no editing chrome; ← → (PageUp,
//! PageDown, Space, Home, End) step through the tier board, targets by region, the monthly curve
//! and the scenario comparison; Esc leaves. It shows the live plan: an edit made outside shows
//! in it.

mod compare_slide;
mod deck;
mod slide_view;
mod tier_board_slide;

use leptos::prelude::*;

use super::state::{App, use_app};
use crate::view::slides::SLIDES;
use deck::Deck;

/// The view a key leads to from view `at`; `None` for a key that does not move.
fn next_slide(at: usize, key: &str) -> Option<usize> {
    match key {
        "ArrowRight" | "ArrowDown" | "PageDown" | " " => Some((at + 1).min(SLIDES - 1)),
        "ArrowLeft" | "ArrowUp" | "PageUp" => Some(at.saturating_sub(1)),
        "Home" => Some(0),
        "End" => Some(SLIDES - 1),
        _ => None,
    }
}

/// Handles a key while presenting; whether it was used.
fn on_key(app: App, key: &str) -> bool {
    let Some(at) = app.presenting.get_untracked() else {
        return false;
    };
    if key == "Escape" {
        app.presenting.set(None);
        return true;
    }
    match next_slide(at, key) {
        Some(next) => {
            if next != at {
                app.presenting.set(Some(next));
            }
            true
        }
        None => false,
    }
}

/// The overlay while presenting. Entering asks the browser for full screen (it may refuse:
/// without a user gesture, or headless; the overlay covers the window either way); leaving
/// gives full screen back.
#[component]
pub fn Presentation() -> impl IntoView {
    let app = use_app();
    let presenting = Memo::new(move |_| app.presenting.with(Option::is_some));
    Effect::new(move |was: Option<bool>| {
        let now = presenting.get();
        if was.is_some_and(|was| was == now) {
            return now;
        }
        let doc = document();
        let Some(root) = doc.document_element() else {
            return now;
        };
        // The page behind keeps still: no scroll bars of its own over the slides.
        let _ = root.class_list().toggle_with_force("presenting", now);
        if now {
            let _ = root.request_fullscreen();
        } else if doc.fullscreen_element().is_some() {
            doc.exit_fullscreen();
        }
        now
    });
    view! {
        <Show when=move || presenting.get()>
            <Deck />
        </Show>
    }
}
