//! The open plan was deleted in another window: this window says so and never writes it back;
//! the manager may keep this window's copy as a new plan.

use leptos::prelude::*;

use super::library;
use super::state::{Stale, use_app};

/// The banner, while the open plan is deleted elsewhere.
#[component]
pub fn PlanGone() -> impl IntoView {
    let app = use_app();
    move || {
        app.stale.with(|s| matches!(s, Some(Stale::Gone))).then(|| {
            let t = app.t();
            let name = app.with_plan_untracked(|p| p.name.clone());
            let (head, tail) = t.plan_gone.split_once("{}").unwrap_or((t.plan_gone, ""));
            view! {
                <div class="banner error" id="plan-gone" role="alert">
                    <span>{head}<bdi>{name}</bdi>{tail}</span>
                    <button type="button" class="btn primary" id="plan-gone-keep"
                        on:click=move |_| library::keep_copy_as_new(app)>{t.plan_gone_keep}</button>
                    <button type="button" class="btn" id="plan-gone-drop"
                        on:click=move |_| library::let_go(app)>{t.plan_gone_drop}</button>
                </div>
            }
        })
    }
}
