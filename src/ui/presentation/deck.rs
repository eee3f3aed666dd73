//! The presentation overlay and its keys.

use leptos::html::Div;
use leptos::prelude::*;

use super::on_key;
use super::slide_view::SlideView;
use crate::ui::state::use_app;

/// The slide on screen with the way to step and to leave. While it is shown, the window's keys
/// step through the views (the listener goes with the overlay); leaving full screen with the
/// browser's own Esc leaves presentation mode too.
#[component]
pub fn Deck() -> impl IntoView {
    let app = use_app();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.is_composing() || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        if on_key(app, &ev.key()) {
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
            on_key(app, key);
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
                <button type="button" class="btn" id="present-exit"
                    on:click=press("Escape")>{move || app.t().close}</button>
            </footer>
        </div>
    }
}
