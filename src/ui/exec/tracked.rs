//! The breakdown the execution routes measure against: the adopted scenario's, shared with
//! the planning routes and recomputed only when the planning part changes.

use leptos::prelude::*;

use crate::core::breakdown::Breakdown;
use crate::core::edit::Part;
use crate::ui::state::{App, use_app};
use crate::view::exec::untracked_reason;

/// Runs `f` on the adopted scenario's breakdown, if it can be computed (tracked: re-run when
/// the breakdown changes, never when only actuals do).
pub fn with_adopted<T>(app: App, f: impl FnOnce(&Breakdown) -> T) -> Option<T> {
    app.adopted_breakdown
        .with(|c| c.as_ref().and_then(|c| c.0.as_ref().as_ref().ok()).map(f))
}

/// Shows `children` while the adopted scenario can be broken down; otherwise says why there
/// is nothing to measure against.
#[component]
pub fn Tracked(children: ChildrenFn) -> impl IntoView {
    let app = use_app();
    let ok = Memo::new(move |_| with_adopted(app, |_| ()).is_some());
    let reason = move || {
        let problems = app.adopted_breakdown.with(|c| {
            c.as_ref()
                .and_then(|c| c.0.as_ref().as_ref().err().map(|e| e.0.len()))
        });
        let name = app.with_plan(Part::Planning, |p| p.adopted().map(|s| s.name.clone()));
        untracked_reason(app.x(), name.as_deref(), problems.unwrap_or_default())
    };
    view! {
        <Show when=move || ok.get()
            fallback=move || view! { <p class="banner error untracked" role="alert">{reason}</p> }>
            {children()}
        </Show>
    }
}
