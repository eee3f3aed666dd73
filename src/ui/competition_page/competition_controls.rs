//! The competition's controls: window, scope, measure, and presenting.

use leptos::prelude::*;

use super::CompetitionState;
use crate::core::edit::Part;
use crate::ui::exec::{ChoiceSelect, MeasureToggle, with_adopted};
use crate::ui::state::use_app;
use crate::view::exec::competition::{
    scope_choices, scope_from_key, scope_key, window_choices, window_from_key, window_key,
};

/// Month, quarter or year; company-wide or a region; the measure; and the button that shows
/// the leaderboard full screen.
#[component]
pub fn CompetitionControls(
    /// The page's state.
    state: CompetitionState,
) -> impl IntoView {
    let app = use_app();
    let windows = Memo::new(move |_| {
        let x = app.x();
        with_adopted(app, |b| window_choices(x, b.months())).unwrap_or_default()
    });
    let scopes = Memo::new(move |_| {
        let x = app.x();
        app.with_plan(Part::Planning, |p| scope_choices(x, p))
    });
    let present = move |_| {
        state.presenting.set(true);
        if let Some(root) = document().document_element() {
            let _ = root.request_fullscreen();
        }
    };
    view! {
        <div class="toolbar">
            <ChoiceSelect id="competition-window" label=move || app.x().window_label.to_string()
                choices=windows value=move || window_key(state.window.get())
                on_change=move |key: String| {
                    if let Some(w) = window_from_key(&key) {
                        state.window.set(w);
                    }
                } />
            <ChoiceSelect id="competition-scope" label=move || app.x().region.to_string()
                choices=scopes value=move || state.scope.with(scope_key)
                on_change=move |key: String| state.scope.set(scope_from_key(&key)) />
            <MeasureToggle />
            <button type="button" class="btn present-button" id="present-leaderboard" on:click=present>
                "▶ " {move || app.x().present}
            </button>
        </div>
    }
}
