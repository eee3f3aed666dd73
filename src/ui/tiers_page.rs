//! The tier board: the four tiers side by side with their regions, shares and strategy, the
//! thresholds that decide them, each tier's policy, and overrides with their reasons.

use leptos::prelude::*;

use super::html_form::html_form;
use super::scenario_bar::ScenarioBar;
use super::state::use_app;
use crate::view::tier_board::tier_board_html;

#[component]
pub fn TiersPage() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    view! {
        <div class="tiers-page">
            <ScenarioBar />
            {html_form("tier-form", move |errors| {
                let sid = app.scenario.get();
                app.plan.with(|p| p.scenario(&sid).map(|s| tier_board_html(t, p, s, errors)).unwrap_or_default())
            })}
        </div>
    }
}
