//! A short message at the bottom of the screen, with an undo button when there is something to
//! undo. It stays until dismissed or replaced, so a manager never misses the chance to undo.

use leptos::prelude::*;

use super::actions;
use super::state::use_app;

#[component]
pub fn ToastView() -> impl IntoView {
    let app = use_app();
    view! {
        {move || app.toast.get().map(|toast| {
            let undo = toast.undo.clone().map(|action| view! {
                <button class="btn primary" id="toast-undo" on:click=move |_| actions::run_undo(action.clone())>
                    {app.t_now().undo}
                </button>
            });
            view! {
                <div class="toast" role="status">
                    <span class="toast-text">{toast.text.clone()}</span>
                    {undo}
                    <button class="icon" aria-label=app.t_now().close title=app.t_now().close
                        on:click=move |_| app.toast.set(None)>"✕"</button>
                </div>
            }
        })}
    }
}
