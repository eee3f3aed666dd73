//! The confirmation dialog, drawn by the page (not the browser's blocking `confirm`), for the
//! one action waiting in `App::confirm`.

use leptos::prelude::*;

use super::actions;
use super::html_view::{Gesture, html_view};
use super::state::{Pending, use_app};
use crate::i18n::fill;
use crate::view::html::push_element;

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
    let render = move || {
        app.confirm.with(|p| {
            let Some(p) = p else { return String::new() };
            let mut out = String::from(
                "<div class=\"overlay\"><div class=\"dialog\" role=\"alertdialog\" aria-modal=\"true\" aria-labelledby=\"confirm-message\">",
            );
            push_element(&mut out, "p", "id=\"confirm-message\"", &message(p));
            out.push_str("<div class=\"dialog-buttons\">");
            push_element(&mut out, "button", "class=\"btn\" id=\"confirm-cancel\" data-action=\"cancel\"", t.cancel);
            push_element(&mut out, "button", "class=\"btn danger\" id=\"confirm-ok\" data-action=\"ok\"", t.delete);
            out.push_str("</div></div></div>");
            out
        })
    };
    // The safe choice has the keyboard when the question appears.
    Effect::new(move |_| {
        if app.confirm.with(Option::is_some) {
            request_animation_frame(|| super::tree::focus_element("confirm-cancel"));
        }
    });
    let on_action = move |action: &str, _: Gesture, _: &web_sys::Element| {
        let Some(pending) = app.confirm.get_untracked() else {
            return;
        };
        app.confirm.set(None);
        if action == "ok" {
            match pending {
                Pending::Plan => actions::delete_current_plan(),
                Pending::Scenario(id) => actions::delete_scenario(&id),
                Pending::BrokenEntry(key) => actions::delete_broken(&key),
            }
        }
    };
    html_view("dialog-host", "dialog-host", render, on_action)
}
