//! The scenario's breakdown settings (folded to one line by default, so the table has the
//! screen): company targets, rounding units, methods, factor weights and seasonality.

use leptos::prelude::*;

use super::html_form::html_form;
use super::state::use_app;
use crate::view::settings_form::{settings_html, settings_summary};

#[component]
pub fn BreakdownSettings() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let summary = move || {
        let sid = app.scenario.get();
        app.plan.with(|p| {
            p.scenario(&sid)
                .map(|s| settings_summary(t, p, s))
                .unwrap_or_default()
        })
    };
    view! {
        <details class="card bd-settings" id="bd-settings">
            <summary>{summary}</summary>
            {html_form("settings-form", move |errors| {
                let sid = app.scenario.get();
                app.plan.with(|p| p.scenario(&sid).map(|s| settings_html(t, p, s, errors)).unwrap_or_default())
            })}
        </details>
    }
}
