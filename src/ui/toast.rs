//! A short message in the header strip, with an undo button when there is a way back.
//! Messages time out after six seconds; an error stays until closed.

use leptos::prelude::*;

use super::isolated::Isolated;
use super::library;
use super::state::{App, use_app};
use crate::view::bidi::sentence;

/// How long a message stays, in milliseconds.
const SHOWN_MS: u64 = 6_000;

/// Closes message `number` after [`SHOWN_MS`], or later if a dialog covers the page then: a
/// message is not gone before the person could read it and use its undo.
fn close_later(app: App, shown: StoredValue<u64>, number: u64) {
    set_timeout(
        move || {
            if shown.get_value() != number {
                return;
            }
            let covered = app.versions_open.get_untracked()
                || app.confirm.with_untracked(Option::is_some)
                || app.share.with_untracked(Option::is_some);
            if covered {
                close_later(app, shown, number);
            } else {
                app.toast.set(None);
            }
        },
        std::time::Duration::from_millis(SHOWN_MS),
    );
}

#[component]
pub fn ToastView() -> impl IntoView {
    let app = use_app();
    // Each message starts its own timer; one replaced meanwhile is not closed by the old timer.
    let shown = StoredValue::new(0u64);
    Effect::new(move |_| {
        let Some(error) = app.toast.with(|t| t.as_ref().map(|t| t.error)) else {
            return;
        };
        let number = shown.get_value() + 1;
        shown.set_value(number);
        if !error {
            close_later(app, shown, number);
        }
    });
    move || {
        let t = app.t();
        app.toast.get().map(|toast| {
            let undo = toast.undo.clone();
            view! {
                <div class="toast-host" id="toast-host">
                    <div class="toast" class:error=toast.error role="status">
                        <span class="toast-text" title=toast.text.clone()><Isolated segments=sentence(&toast.text) /></span>
                        {undo.map(|action| view! {
                            <button type="button" class="btn primary" id="toast-undo"
                                on:click=move |_| library::run_undo(app, action.clone())>{t.undo}</button>
                        })}
                        <button type="button" class="icon" aria-label=t.close title=t.close
                            on:click=move |_| app.toast.set(None)>"✕"</button>
                    </div>
                </div>
            }
        })
    }
}
