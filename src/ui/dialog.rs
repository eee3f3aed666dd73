//! The dialogs, drawn by the page (not the browser's blocking `confirm`): the one question
//! waiting in `App::confirm`, and the share link.

use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::actions;
use super::html_view::{Gesture, html_view};
use super::state::{Pending, ShareLink, use_app};
use crate::i18n::{Catalogue, fill};
use crate::view::html::{push_element, push_escaped};

/// The question and its buttons (action, label, class); the first button has the keyboard.
fn question(
    t: &Catalogue,
    p: &Pending,
    plan_name: &str,
    scenario_name: &str,
) -> (String, Vec<(&'static str, &'static str, &'static str)>) {
    let cancel = ("cancel", t.cancel, "btn");
    match p {
        Pending::Plan => (
            fill(t.confirm_delete_plan, &[plan_name]),
            vec![cancel, ("ok", t.delete, "btn danger")],
        ),
        Pending::Scenario(_) => (
            fill(t.confirm_delete_scenario, &[scenario_name]),
            vec![cancel, ("ok", t.delete, "btn danger")],
        ),
        Pending::BrokenEntry(key) => (
            fill(t.confirm_delete_broken, &[key]),
            vec![cancel, ("ok", t.delete, "btn danger")],
        ),
        Pending::ImportConflict(plan) => (
            fill(t.import_conflict, &[&plan.name]),
            vec![
                ("copy", t.import_as_copy, "btn primary"),
                ("replace", t.import_replace, "btn danger"),
                cancel,
            ],
        ),
        Pending::SharedPlan(plan) => (
            fill(t.share_offer, &[&plan.name]),
            vec![("import", t.share_import, "btn primary"), cancel],
        ),
    }
}

#[component]
pub fn ConfirmDialog() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let render = move || {
        app.confirm.with(|p| {
            let Some(p) = p else { return String::new() };
            let plan_name = app.plan.with_untracked(|x| x.name.clone());
            let scenario_name = match p {
                Pending::Scenario(id) => app.plan.with_untracked(|x| x.scenario(id).map(|s| s.name.clone()).unwrap_or_default()),
                _ => String::new(),
            };
            let (message, buttons) = question(t, p, &plan_name, &scenario_name);
            let mut out = String::from(
                "<div class=\"overlay\"><div class=\"dialog\" role=\"alertdialog\" aria-modal=\"true\" aria-labelledby=\"confirm-message\">",
            );
            push_element(&mut out, "p", "id=\"confirm-message\"", &message);
            out.push_str("<div class=\"dialog-buttons\">");
            for (i, (action, label, class)) in buttons.iter().enumerate() {
                let id = match *action {
                    "cancel" => "confirm-cancel".to_string(),
                    "ok" => "confirm-ok".to_string(),
                    other => format!("confirm-{other}"),
                };
                let first = if i == 0 { " data-first=\"1\"" } else { "" };
                push_element(&mut out, "button", &format!("class=\"{class}\" id=\"{id}\" data-action=\"{action}\"{first}"), label);
            }
            out.push_str("</div></div></div>");
            out
        })
    };
    // The first (safest) choice has the keyboard when the question appears.
    super::effect(move || {
        if app.confirm.with(Option::is_some) {
            request_animation_frame(|| {
                if let Ok(Some(b)) = document().query_selector("#dialog-host [data-first]")
                    && let Ok(b) = b.dyn_into::<web_sys::HtmlElement>()
                {
                    let _ = b.focus();
                }
            });
        }
    });
    let on_action = move |action: &str, _: Gesture, _: &web_sys::Element| {
        let Some(pending) = app.confirm.get_untracked() else {
            return;
        };
        app.confirm.set(None);
        match (action, pending) {
            ("ok", Pending::Plan) => actions::delete_current_plan(),
            ("ok", Pending::Scenario(id)) => actions::delete_scenario(&id),
            ("ok", Pending::BrokenEntry(key)) => actions::delete_broken(&key),
            ("copy", Pending::ImportConflict(plan)) => actions::import_as_copy(*plan),
            ("replace", Pending::ImportConflict(plan)) => actions::replace_with(*plan),
            ("import", Pending::SharedPlan(plan)) => actions::offer_import(*plan),
            _ => {}
        }
    };
    html_view("dialog-host", "dialog-host", render, on_action)
}

/// The share link, ready to copy, or why there is none.
#[component]
pub fn ShareDialog() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let render = move || {
        app.share.with(|s| {
            let Some(s) = s else { return String::new() };
            let mut out = String::from(
                "<div class=\"overlay\"><div class=\"dialog share-dialog\" role=\"dialog\" aria-modal=\"true\" aria-labelledby=\"share-title\">",
            );
            push_element(&mut out, "h2", "id=\"share-title\"", t.share_title);
            match s {
                ShareLink::Link(url) => {
                    push_element(&mut out, "p", "class=\"note\"", t.share_explain);
                    out.push_str("<input type=\"text\" readonly id=\"share-url\" aria-label=\"");
                    push_escaped(&mut out, t.share_title);
                    out.push_str("\" value=\"");
                    push_escaped(&mut out, url);
                    out.push_str("\">");
                }
                ShareLink::TooLarge(chars, limit) => {
                    push_element(&mut out, "p", "id=\"share-too-large\"", &fill(t.share_too_large, &[&chars.to_string(), &limit.to_string()]))
                }
                ShareLink::Unsupported => push_element(&mut out, "p", "", t.share_unsupported),
            }
            out.push_str("<div class=\"dialog-buttons\">");
            if matches!(s, ShareLink::Link(_)) {
                push_element(&mut out, "button", "class=\"btn primary\" id=\"share-copy\" data-action=\"copy\"", t.share_copy);
            }
            push_element(&mut out, "button", "class=\"btn\" id=\"share-close\" data-action=\"close\"", t.close);
            out.push_str("</div></div></div>");
            out
        })
    };
    let on_action = move |action: &str, _: Gesture, _: &web_sys::Element| {
        if action != "copy" {
            app.share.set(None);
            return;
        }
        if let Some(ShareLink::Link(url)) = app.share.get_untracked() {
            let _ = window().navigator().clipboard().write_text(&url);
            // Also select it, for browsers that refuse the clipboard.
            if let Some(input) = document()
                .get_element_by_id("share-url")
                .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            {
                input.select();
            }
            app.notify(t.share_copied.to_string(), None);
        }
    };
    html_view("share-host", "share-host", render, on_action)
}
