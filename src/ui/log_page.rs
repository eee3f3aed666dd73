//! The change log (变更记录): the plan's changes with their reasons, searchable, and earlier
//! states brought back (with an undo in the toast, like a deletion).

use leptos::prelude::*;

use super::html_view::{Gesture, html_view, value_of};
use super::state::use_app;
use crate::view::change_log::change_log_html;

/// The page (a plain function: it is one HTML view, and needs no component of its own).
pub fn log_page() -> AnyView {
    let app = use_app();
    let t = app.t_now();
    let query = RwSignal::new(String::new());
    let render = move || {
        let q = query.get();
        app.plan.with(|p| change_log_html(t, &p.change_log, &q))
    };
    let on_action = move |action: &str, gesture: Gesture, el: &web_sys::Element| {
        let mut parts = action.split('|');
        match (parts.next(), gesture) {
            (Some("search"), _) => query.set(value_of(el)),
            (Some("reason"), Gesture::Enter | Gesture::Leave) => {
                if let Some(Ok(index)) = parts.next().map(str::parse) {
                    app.set_reason(index, &value_of(el));
                }
            }
            (Some("restore"), Gesture::Click) => {
                if let (Some(Ok(keep)), Some(when)) = (parts.next().map(str::parse), parts.next()) {
                    super::actions::restore_state(keep, when);
                }
            }
            _ => {}
        }
    };
    html_view("log-page", "change-log", render, on_action)
}
