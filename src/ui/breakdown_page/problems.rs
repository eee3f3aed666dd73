//! Errors that stop the breakdown (the table then shows the last good numbers) and warnings
//! about the one shown.

use leptos::prelude::*;

use super::{good, use_shown};
use crate::ui::state::use_app;

/// The errors of the scenario on screen, and the warnings of the breakdown shown.
#[component]
pub fn Problems() -> impl IntoView {
    let app = use_app();
    let shown = use_shown();
    let errors = Memo::new(move |_| {
        let t = app.t();
        app.breakdown
            .with(|c| match c.as_ref().map(|c| c.0.as_ref()) {
                Some(Err(e)) => e.0.iter().map(|e| t.breakdown_error(e)).collect(),
                _ => Vec::new(),
            })
    });
    let warnings = Memo::new(move |_| {
        let t = app.t();
        shown.last_good.with(|c| {
            c.as_ref()
                .and_then(good)
                .map(|bd| {
                    bd.warnings()
                        .iter()
                        .map(|w| t.breakdown_warning(w))
                        .collect()
                })
                .unwrap_or_else(Vec::new)
        })
    });
    view! {
        <Show when=move || errors.with(|e| !e.is_empty())>
            <div class="banner error" role="alert" id="breakdown-errors">
                <div>
                    <strong>{move || app.t().errors_title}</strong>
                    <ul>
                        {move || {
                            errors.get().into_iter().map(|e| view! { <li>{e}</li> }).collect_view()
                        }}
                    </ul>
                    <p class="note">{move || app.t().showing_last_good}</p>
                </div>
            </div>
        </Show>
        <Show when=move || warnings.with(|w| !w.is_empty())>
            <div class="banner warning" role="status" id="breakdown-warnings">
                <div>
                    <strong>{move || app.t().warnings_title}</strong>
                    <ul>
                        {move || {
                            warnings.get().into_iter().map(|w| view! { <li>{w}</li> }).collect_view()
                        }}
                    </ul>
                </div>
            </div>
        </Show>
    }
}
