//! A short message at the bottom of the screen, with an undo button when there is something to
//! undo. It stays until dismissed or replaced, so a manager never misses the chance to undo.

use leptos::prelude::*;

use super::actions;
use super::html_view::{Gesture, html_view};
use super::state::use_app;
use crate::view::html::toast_html;

#[component]
pub fn ToastView() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let render = move || {
        app.toast.with(|toast| {
            let Some(toast) = toast else {
                return String::new();
            };
            toast_html(&toast.text, toast.undo.is_some().then_some(t.undo), t.close)
        })
    };
    let on_action = move |action: &str, _: Gesture, _: &web_sys::Element| match action {
        "undo" => {
            if let Some(toast) = app.toast.get_untracked()
                && let Some(undo) = toast.undo
            {
                actions::run_undo(undo, &toast.text);
            }
        }
        _ => app.toast.set(None),
    };
    html_view("toast-host", "toast-host", render, on_action)
}
