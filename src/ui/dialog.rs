//! The confirmation dialog, drawn by the page (not the browser's blocking `confirm`), for the
//! one action waiting in `App::confirm`.

use leptos::prelude::*;

use super::actions;
use super::state::{Pending, use_app};
use crate::i18n::fill;

#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let message = move |p: &Pending| match p {
        Pending::Plan => fill(
            t.confirm_delete_plan,
            &[&app.plan.with_untracked(|p| p.name.clone())],
        ),
        Pending::Scenario(id) => {
            let name = app
                .plan
                .with_untracked(|p| p.scenario(id).map(|s| s.name.clone()).unwrap_or_default());
            fill(t.confirm_delete_scenario, &[&name])
        }
        Pending::BrokenEntry(key) => fill(t.confirm_delete_broken, &[key]),
    };
    let cancel = move || app.confirm.set(None);
    let confirm = move || {
        let Some(pending) = app.confirm.get_untracked() else {
            return;
        };
        app.confirm.set(None);
        match pending {
            Pending::Plan => actions::delete_current_plan(),
            Pending::Scenario(id) => actions::delete_scenario(&id),
            Pending::BrokenEntry(key) => actions::delete_broken(&key),
        }
    };
    move || {
        app.confirm.get().map(|p| {
            request_animation_frame(|| super::tree::focus_element("confirm-cancel"));
            view! {
                <div class="overlay" on:keydown=move |ev| if ev.key() == "Escape" { cancel() }>
                    <div class="dialog" role="alertdialog" aria-modal="true" aria-labelledby="confirm-message">
                        <p id="confirm-message">{message(&p)}</p>
                        <div class="dialog-buttons">
                            <button class="btn" id="confirm-cancel" on:click=move |_| cancel()>{t.cancel}</button>
                            <button class="btn danger" id="confirm-ok" on:click=move |_| confirm()>{t.delete}</button>
                        </div>
                    </div>
                </div>
            }
        })
    }
}
