//! The presentation overlay, its keys and the list of slides.

use leptos::html::Div;
use leptos::prelude::*;

use super::slide_menu::SlideMenu;
use super::slide_view::SlideView;
use super::{DeckState, HiddenSlides, on_key};
use crate::core::edit::Part;
use crate::ui::state::use_app;
use crate::view::slides::{deck, has_actuals};

/// The slide on screen with the way to step, to pick slides and to leave. While it is shown,
/// the window's keys step through the slides shown (the listener goes with the overlay);
/// leaving full screen with the browser's own Esc leaves presentation mode too. The deck is
/// the plan's regions and whether it has actuals: typing an actual recomputes it only when the
/// first one arrives or the last one goes.
#[component]
pub fn Deck() -> impl IntoView {
    let app = use_app();
    let HiddenSlides(hidden) = expect_context::<HiddenSlides>();
    let actuals = Memo::new(move |_| app.with_plan(Part::Execution, has_actuals));
    let entries = Memo::new(move |_| {
        let t = app.t();
        actuals.track();
        let computed = app.adopted_breakdown.get();
        let bd = computed.as_ref().and_then(|c| c.0.as_ref().as_ref().ok());
        app.with_plan(Part::Planning, |p| deck(t, p, bd))
    });
    let shown = Memo::new(move |_| {
        hidden.with(|h| {
            entries.with(|e| {
                e.iter()
                    .filter(|x| !h.contains(&x.key))
                    .map(|x| x.key.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let menu = RwSignal::new(false);
    let state = DeckState {
        entries,
        shown,
        hidden,
        menu,
    };
    provide_context(state);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.is_composing() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let key = ev.key();
        if menu.get_untracked() {
            // The list of slides takes the keys it needs (Space ticks a box); Esc closes it.
            if key == "Escape" {
                menu.set(false);
                ev.prevent_default();
            }
            return;
        }
        if on_key(app, &key, shown.with_untracked(Vec::len)) {
            ev.prevent_default();
        }
    });
    let fullscreen = window_event_listener_untyped("fullscreenchange", move |_| {
        if document().fullscreen_element().is_none() {
            app.presenting.set(None);
        }
    });
    on_cleanup(move || {
        keys.remove();
        fullscreen.remove();
    });
    // Keys go to the presentation, not to whatever was focused behind it.
    let overlay = NodeRef::<Div>::new();
    Effect::new(move |_| {
        if let Some(el) = overlay.get() {
            let _ = el.focus();
        }
    });
    let press = move |key: &'static str| {
        move |_| {
            on_key(app, key, shown.with_untracked(Vec::len));
        }
    };
    view! {
        <div class="presentation" id="presentation" tabindex="-1" role="dialog" aria-modal="true"
            aria-label=move || app.t().present node_ref=overlay>
            <div class="slide-wrap">
                <SlideView />
            </div>
            <footer class="slide-foot">
                <button type="button" class="btn" id="slide-prev"
                    aria-label=move || app.t().slide_prev title=move || app.t().slide_prev
                    on:click=press("ArrowLeft")>"←"</button>
                <span>{move || app.t().present_hint}</span>
                <button type="button" class="btn" id="slide-next"
                    aria-label=move || app.t().slide_next title=move || app.t().slide_next
                    on:click=press("ArrowRight")>"→"</button>
                <button type="button" class="btn" id="slide-menu" aria-controls="slide-list"
                    aria-expanded=move || menu.get().to_string()
                    on:click=move |_| menu.update(|m| *m = !*m)>
                    "☰ " {move || app.t().slide_menu}
                </button>
                <button type="button" class="btn" id="present-exit"
                    on:click=press("Escape")>{move || app.t().close}</button>
            </footer>
            <Show when=move || menu.get()>
                <SlideMenu />
            </Show>
        </div>
    }
}
