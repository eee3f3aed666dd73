//! The breakdown view: the scenario's settings, the live table, and "why this number".
//!
//! The breakdown is recomputed whenever the plan or the scenario changes. When the inputs have
//! errors, they are listed and the table keeps showing the last valid breakdown.

use std::sync::Arc;

use std::fmt::Write;

use leptos::prelude::*;

use super::actions;
use super::breakdown_settings::BreakdownSettings;
use super::breakdown_table::BreakdownTable;
use super::explain_panel::ExplainPanel;
use super::html_view::html_view;
use super::scenario_bar::ScenarioBar;
use super::state::use_app;
use crate::core::breakdown::{Breakdown, BreakdownError, compute};
use crate::core::model::Plan;
use crate::core::scenario::{Measure, Scenario};
use crate::view::html::{push_element, push_escaped};
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

    super::effect(move || {
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
    let tabs = html_view(
        "measure-tabs",
        "measure-tabs",
        move || {
            let current = app.measure.get();
            let mut out = String::new();
            for (m, label) in [
                (Measure::Amount, t.amount_target),
                (Measure::Quantity, t.quantity_target),
            ] {
                let _ = write!(
                    out,
                    "<button class=\"measure-tab\" role=\"tab\" id=\"measure-{0}\" data-action=\"{0}\" aria-selected=\"{1}\"><span class=\"measure-label\">{label}</span><span class=\"measure-total\" id=\"total-{0}\">",
                    m.key(),
                    m == current
                );
                push_escaped(&mut out, &headline(m).unwrap_or_default());
                out.push_str("</span></button>");
            }
            let _ = write!(
                out,
                "<button class=\"btn csv-button\" id=\"breakdown-csv\" data-action=\"csv\">{}</button>",
                t.export_csv
            );
            out
        },
        move |action, _, _| match action {
            "amount" => app.measure.set(Measure::Amount),
            "quantity" => app.measure.set(Measure::Quantity),
            "csv" => view_state.shown.with_untracked(|s| {
                if let Some(s) = s {
                    actions::export_breakdown_csv(&s.bd);
                }
            }),
            _ => {}
        },
    );
    view! {
        <div class="breakdown-page">
            <ScenarioBar />
            <BreakdownSettings />
            <Problems />
            <div class="bd-main">
                <section class="bd-table-card card">
                    {tabs}
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
    let render = move || {
        let mut out = String::new();
        bv.errors.with(|errors| {
            if errors.is_empty() {
                return;
            }
            out.push_str(
                "<div class=\"banner error\" role=\"alert\" id=\"breakdown-errors\"><div>",
            );
            push_element(&mut out, "strong", "", t.errors_title);
            out.push_str("<ul>");
            for e in errors {
                push_element(&mut out, "li", "", &t.breakdown_error(e));
            }
            out.push_str("</ul>");
            push_element(&mut out, "p", "class=\"note\"", t.showing_last_good);
            out.push_str("</div></div>");
        });
        bv.shown.with(|s| {
            let Some(s) = s.as_ref().filter(|s| !s.bd.warnings().is_empty()) else {
                return;
            };
            out.push_str(
                "<div class=\"banner warning\" role=\"status\" id=\"breakdown-warnings\"><div>",
            );
            push_element(&mut out, "strong", "", t.warnings_title);
            out.push_str("<ul>");
            for w in s.bd.warnings() {
                push_element(&mut out, "li", "", &t.breakdown_warning(w));
            }
            out.push_str("</ul></div></div>");
        });
        out
    };
    html_view("problems", "problems", render, |_, _, _| {})
}
