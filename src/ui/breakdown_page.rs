//! The Breakdown route: the scenario's settings, the live table, its errors and warnings, and
//! "why this number" for the selected row.
//!
//! The breakdown is the app's shared memo of the scenario on screen. When the inputs have
//! errors they are listed and the table keeps showing the last breakdown that could be computed.

mod breakdown_row;
mod breakdown_table;
mod explain_panel;
mod lock_box;
mod measure_tabs;
mod problems;
mod settings_panel;
mod zero_banner;

use leptos::prelude::*;

use super::scenario_bar::ScenarioBar;
use super::state::{Computed, use_app};
use crate::core::breakdown::Breakdown;
use breakdown_table::BreakdownTable;
use explain_panel::ExplainPanel;
use measure_tabs::MeasureTabs;
use problems::Problems;
use settings_panel::SettingsPanel;
use zero_banner::ZeroBanner;

/// The breakdown a [`Computed`] holds, if it could be computed.
fn good(c: &Computed) -> Option<&Breakdown> {
    c.0.as_ref().as_ref().ok()
}

/// What the page's parts share.
#[derive(Clone, Copy)]
struct Shown {
    /// The last breakdown that could be computed (kept on screen while the inputs are in error).
    last_good: Memo<Option<Computed>>,
    /// The one shown before it, to mark what a change moved.
    before: Memo<Option<Computed>>,
}

impl Shown {
    fn new() -> Self {
        let app = use_app();
        // Tagged with the plan and scenario it is of: another scenario's numbers are never
        // shown as this one's.
        let tagged = Memo::new(move |prev: Option<&Option<(String, String, Computed)>>| {
            let (plan, scenario) = (app.plan_id.get(), app.scenario.get());
            match app.breakdown.get() {
                Some(c) if good(&c).is_some() => Some((plan, scenario, c)),
                Some(_) => prev
                    .cloned()
                    .flatten()
                    .filter(|(p, s, _)| *p == plan && *s == scenario),
                None => None,
            }
        });
        let last_good = Memo::new(move |_| tagged.with(|t| t.as_ref().map(|(_, _, c)| c.clone())));
        // (the one before, the current one): moves on when a new breakdown is shown.
        let pair = Memo::new(move |prev: Option<&(Option<Computed>, Option<Computed>)>| {
            let now = last_good.get();
            match prev {
                Some((before, current)) if *current == now => (before.clone(), now),
                Some((_, current)) => (current.clone(), now),
                None => (None, now),
            }
        });
        Shown {
            last_good,
            before: Memo::new(move |_| pair.with(|(before, _)| before.clone())),
        }
    }
}

fn use_shown() -> Shown {
    expect_context::<Shown>()
}

/// The Breakdown route.
#[component]
pub fn BreakdownPage() -> impl IntoView {
    provide_context(Shown::new());
    view! {
        <div class="breakdown-page">
            <ScenarioBar />
            <SettingsPanel />
            <Problems />
            <ZeroBanner />
            <div class="bd-main">
                <section class="bd-table-card card">
                    <MeasureTabs />
                    <BreakdownTable />
                </section>
                <ExplainPanel />
            </div>
        </div>
    }
}
