//! A short message at the bottom of the screen, with an undo button when there is something to
//! undo. It stays until dismissed or replaced, so a manager never misses the chance to undo.

use leptos::prelude::*;

use super::actions;
use super::html_view::{Gesture, html_view};
use super::state::use_app;
use crate::view::html::push_element;

#[component]
pub fn ToastView() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let render = move || {
        app.toast.with(|toast| {
            let Some(toast) = toast else {
                return String::new();
            };
            let mut out = String::from("<div class=\"toast\" role=\"status\">");
            push_element(&mut out, "span", "class=\"toast-text\"", &toast.text);
            if toast.undo.is_some() {
                push_element(
                    &mut out,
                    "button",
                    "class=\"btn primary\" id=\"toast-undo\" data-action=\"undo\"",
                    t.undo,
                );
            }
            let close = format!(
                "class=\"icon\" data-action=\"close\" aria-label=\"{0}\" title=\"{0}\"",
                t.close
            );
            push_element(&mut out, "button", &close, "✕");
            out.push_str("</div>");
            out
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
