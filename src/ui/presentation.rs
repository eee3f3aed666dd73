//! Presentation mode: full screen, type and charts sized to the screen, high contrast, no
//! editing chrome. The slides walk through the workshop (title, tiers, targets by region, each
//! region's people, the monthly plan, the scenarios compared, and once there are actuals,
//! completion and the leaderboard); the manager picks which to show and can go straight to
//! any of them. ← → (PageUp, PageDown, Space, Home, End) step, Esc leaves. It shows the live
//! plan: an edit made outside shows in it.

mod compare_slide;
mod completion_slide;
mod deck;
mod leaderboard_slide;
mod region_slide;
mod slide_menu;
mod slide_view;
mod subdistrict_card;
mod tier_board_slide;
mod title_slide;

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::state::{App, use_app};
use crate::view::slides::{DeckEntry, SlideKey, step};
use deck::Deck;

/// The slides the manager has hidden (kept while the app is open, across presentations).
#[derive(Clone, Copy)]
pub struct HiddenSlides(pub RwSignal<BTreeSet<SlideKey>>);

/// The deck while presenting: every slide of the plan and the ones shown, in order.
#[derive(Clone, Copy)]
pub struct DeckState {
    pub entries: Memo<Vec<DeckEntry>>,
    pub shown: Memo<Vec<SlideKey>>,
    pub hidden: RwSignal<BTreeSet<SlideKey>>,
    /// Whether the list of slides is open.
    pub menu: RwSignal<bool>,
}

impl DeckState {
    /// Goes to slide `key`, showing it first if it was hidden.
    pub fn go_to(self, app: App, key: &SlideKey) {
        if self.hidden.with_untracked(|h| h.contains(key)) {
            self.hidden.update(|h| {
                h.remove(key);
            });
        }
        if let Some(at) = self
            .shown
            .with_untracked(|s| s.iter().position(|k| k == key))
        {
            app.presenting.set(Some(at));
        }
    }

    /// Shows or hides slide `key`, staying on the slide on screen (or the nearest one when it
    /// is the one hidden). The last slide shown cannot be hidden.
    pub fn set_shown(self, app: App, key: &SlideKey, show: bool) {
        let at = app.presenting.get_untracked().unwrap_or(0);
        let current = self.shown.with_untracked(|s| s.get(at).cloned());
        if !show && self.shown.with_untracked(|s| s.len() <= 1) {
            return;
        }
        self.hidden.update(|h| {
            if show {
                h.remove(key);
            } else {
                h.insert(key.clone());
            }
        });
        let next = self.shown.with_untracked(|s| {
            current
                .and_then(|c| s.iter().position(|k| *k == c))
                .unwrap_or_else(|| at.min(s.len().saturating_sub(1)))
        });
        app.presenting.set(Some(next));
    }
}

/// Handles a key while presenting a deck of `len` slides; whether it was used.
fn on_key(app: App, key: &str, len: usize) -> bool {
    let Some(at) = app.presenting.get_untracked() else {
        return false;
    };
    if key == "Escape" {
        app.presenting.set(None);
        return true;
    }
    match step(at, key, len) {
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
    provide_context(HiddenSlides(RwSignal::new(BTreeSet::new())));
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
