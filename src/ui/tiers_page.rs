//! The tier board: the four tiers side by side with their regions, shares and strategy, the
//! thresholds that decide them, and each tier's policy.

use leptos::prelude::*;

use super::detail::commit::scenario_commit;
use super::field::Field;
use super::scenario_bar::ScenarioBar;
use super::state::use_app;
use super::tier_column::TierColumn;
use crate::core::field::parse_percent;
use crate::core::tier::Tier;

#[component]
pub fn TiersPage() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let threshold = move |f: fn(&crate::core::tier::TierThresholds) -> rust_decimal::Decimal| {
        Signal::derive(move || {
            let sid = app.scenario.get();
            app.plan.with(|p| {
                p.scenario(&sid)
                    .map(|s| f(&s.thresholds).to_string())
                    .unwrap_or_default()
            })
        })
    };
    view! {
        <div class="tiers-page">
            <ScenarioBar />
            <section class="card thresholds">
                <h2>{t.thresholds}</h2>
                <div class="form-grid">
                    <Field id="threshold-base-camp" numeric=true label=t.threshold_base_camp
                        value=threshold(|x| x.base_camp)
                        commit=scenario_commit(parse_percent, |s, v| s.thresholds.base_camp = v) />
                    <Field id="threshold-stronghold" numeric=true label=t.threshold_stronghold
                        value=threshold(|x| x.stronghold)
                        commit=scenario_commit(parse_percent, |s, v| s.thresholds.stronghold = v) />
                    <Field id="threshold-floor" numeric=true label=t.threshold_floor
                        value=threshold(|x| x.guerrilla_floor)
                        commit=scenario_commit(parse_percent, |s, v| s.thresholds.guerrilla_floor = v) />
                </div>
            </section>
            <div class="tier-board" id="tier-board">
                {Tier::ALL.into_iter().map(|tier| view! { <TierColumn tier /> }).collect_view()}
            </div>
        </div>
    }
}
