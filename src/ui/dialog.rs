//! A confirmation dialog drawn by the page (not the browser's blocking `confirm`).

use leptos::prelude::*;

use super::state::use_app;

#[component]
pub fn Confirm(
    #[prop(into)] message: Signal<String>,
    #[prop(into)] confirm_label: Signal<String>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let app = use_app();
    request_animation_frame(|| super::tree::focus_element("confirm-cancel"));
    view! {
        <div class="overlay" on:keydown=move |ev| if ev.key() == "Escape" { on_cancel.run(()) }>
            <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-message">
                <p id="confirm-message">{message}</p>
                <div class="dialog-buttons">
                    <button class="btn" id="confirm-cancel" on:click=move |_| on_cancel.run(())>{app.t_now().cancel}</button>
                    <button class="btn danger" id="confirm-ok" on:click=move |_| on_confirm.run(())>{confirm_label}</button>
                </div>
            </div>
        </div>
    }
}
