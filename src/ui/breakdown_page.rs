//! The breakdown view: the scenario's settings, the live table, and "why this number".
//!
//! The breakdown is recomputed whenever the plan or the scenario changes. When the inputs have
//! errors, they are listed and the table keeps showing the last valid breakdown.

use std::sync::Arc;

use leptos::prelude::*;

use super::breakdown_settings::BreakdownSettings;
use super::breakdown_table::BreakdownTable;
use super::explain_panel::ExplainPanel;
use super::scenario_bar::ScenarioBar;
use super::state::use_app;
use crate::core::breakdown::{Breakdown, BreakdownError, compute};
use crate::core::model::Plan;
use crate::core::scenario::{Measure, Scenario};
use crate::view::numbers::{amount, grouped};

/// A computed breakdown with the plan and scenario it came from (names and locks are read from
/// these, so a later broken edit cannot mislabel the rows).
#[derive(Clone)]
pub struct Shown {
    pub plan: Arc<Plan>,
    pub scenario: Arc<Scenario>,
    pub bd: Arc<Breakdown>,
}

/// What the page's parts share.
#[derive(Clone, Copy)]
pub struct BreakdownView {
    pub shown: RwSignal<Option<Shown>>,
    pub errors: RwSignal<Vec<BreakdownError>>,
    /// Milliseconds the last recomputation took (shown small, for the curious).
    pub compute_ms: RwSignal<f64>,
}

pub fn use_breakdown() -> BreakdownView {
    expect_context::<BreakdownView>()
}

fn now_ms() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or_default()
}

#[component]
pub fn BreakdownPage() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let view_state = BreakdownView {
        shown: RwSignal::new(None),
        errors: RwSignal::new(Vec::new()),
        compute_ms: RwSignal::new(0.0),
    };
    provide_context(view_state);

    Effect::new(move |_| {
        let sid = app.scenario.get();
        let started = now_ms();
        let outcome = app.plan.with(|p| p.scenario(&sid).map(|s| compute(p, s)));
        let elapsed = now_ms() - started;
        match outcome {
            Some(Ok(bd)) => {
                let plan = app.plan.get_untracked();
                let scenario = plan.scenario(&sid).cloned();
                if let Some(scenario) = scenario {
                    view_state.shown.set(Some(Shown {
                        plan: Arc::new(plan),
                        scenario: Arc::new(scenario),
                        bd: Arc::new(bd),
                    }));
                }
                view_state.errors.set(Vec::new());
            }
            Some(Err(e)) => view_state.errors.set(e.0),
            None => {}
        }
        view_state.compute_ms.set(elapsed);
        if let Some(body) = document().body() {
            let _ = body.set_attribute("data-bd-ms", &format!("{}", elapsed.round() as i64));
        }
    });

    let headline = move |measure: Measure| {
        view_state.shown.with(|s| {
            s.as_ref().map(|s| {
                let total = s.bd.total(measure);
                match measure {
                    Measure::Amount => format!(
                        "{} {}",
                        amount(total, app.lang.get_untracked()),
                        s.plan.currency
                    ),
                    Measure::Quantity => grouped(total),
                }
            })
        })
    };
    let tab = move |m: Measure, label: &'static str| {
        view! {
            <button class="measure-tab" role="tab" id=format!("measure-{}", m.key())
                aria-selected=move || if app.measure.get() == m { "true" } else { "false" }
                on:click=move |_| app.measure.set(m)>
                <span class="measure-label">{label}</span>
                <span class="measure-total" id=format!("total-{}", m.key())>{move || headline(m)}</span>
            </button>
        }
    };
    view! {
        <div class="breakdown-page">
            <ScenarioBar />
            <BreakdownSettings />
            <Problems />
            <div class="bd-main">
                <section class="bd-table-card card">
                    <div class="measure-tabs" role="tablist">
                        {tab(Measure::Amount, t.amount_target)}
                        {tab(Measure::Quantity, t.quantity_target)}
                    </div>
                    <BreakdownTable />
                </section>
                <ExplainPanel />
            </div>
        </div>
    }
}

/// Errors that stop the breakdown and warnings about the one shown.
#[component]
fn Problems() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let bv = use_breakdown();
    view! {
        <Show when=move || bv.errors.with(|e| !e.is_empty())>
            <div class="banner error" role="alert" id="breakdown-errors">
                <div>
                    <strong>{t.errors_title}</strong>
                    <ul>
                        {move || bv.errors.get().iter().map(|e| view! { <li>{t.breakdown_error(e)}</li> }).collect_view()}
                    </ul>
                    <p class="note">{t.showing_last_good}</p>
                </div>
            </div>
        </Show>
        <Show when=move || bv.shown.with(|s| s.as_ref().is_some_and(|s| !s.bd.warnings().is_empty()))>
            <div class="banner warning" role="status" id="breakdown-warnings">
                <div>
                    <strong>{t.warnings_title}</strong>
                    <ul>
                        {move || bv.shown.with(|s| s.as_ref().map(|s| s.bd.warnings().iter().map(|w| view! { <li>{t.breakdown_warning(w)}</li> }).collect_view()))}
                    </ul>
                </div>
            </div>
        </Show>
    }
}
