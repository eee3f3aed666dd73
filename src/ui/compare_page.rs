//! The Compare route: two or three scenarios side by side, per region, sub-district and
//! salesperson — amount, quantity or collections targets — with the differences, the biggest
//! movers, tier changes and a chart of each region's difference.

mod compare_row;
mod compare_table;
mod diff_chart;
mod scenario_picker;

pub use compare_table::CompareTableView;
pub use diff_chart::DiffChartView;

use std::collections::HashSet;
use std::sync::Arc;

use leptos::prelude::*;

use super::state::use_app;
use crate::core::edit::Part;
use crate::core::execution::Figure;
use crate::view::compare::{
    Comparison, Span, compare, compare_picker, compare_table, region_charts,
};
use scenario_picker::ScenarioPicker;

/// At most this many scenarios side by side (more would not fit a projector).
const MAX_SCENARIOS: usize = 3;

/// The Compare route.
#[component]
pub fn ComparePage() -> impl IntoView {
    let app = use_app();
    // The adopted scenario and the one on screen (a scenario just made, say a re-spread), or
    // else the next one, to start with.
    let on_screen = app.scenario.get_untracked();
    let chosen = RwSignal::new(app.with_plan_untracked(|p| {
        let mut ids = vec![p.adopted_scenario.clone()];
        let others = || p.scenarios.iter().map(|s| s.id.clone());
        let shown = others().find(|id| *id == on_screen && *id != p.adopted_scenario);
        ids.extend(shown.or_else(|| others().find(|id| *id != p.adopted_scenario)));
        ids
    }));
    // The figure chosen; `figure` is the one shown (collections only while a compared
    // scenario has them).
    let measure = RwSignal::new(Figure::Amount);
    let span = RwSignal::new(Span::Year);
    let expanded = RwSignal::new(HashSet::<String>::new());
    // Recomputed when the plan or the choice changes, not for a measure or a row opened; each
    // result is new (comparing two of them would cost as much as drawing).
    let comparison: Memo<Arc<Comparison>> = Memo::new_with_compare(
        move |_| {
            let ids = chosen.get();
            Arc::new(app.with_plan(Part::Planning, |p| compare(p, &ids)))
        },
        |_, _| true,
    );
    let figure = Memo::new(move |_| comparison.with(|c| c.shown(measure.get())));
    let picker = Memo::new(move |_| {
        let t = app.t();
        let ids = chosen.get();
        let with_collections = comparison.with(|c| c.collections_targeted);
        app.with_plan(Part::Planning, |p| {
            compare_picker(t, p, &ids, (figure.get(), with_collections), span.get())
        })
    });
    let table = Memo::new(move |_| {
        let t = app.t();
        let c = comparison.get();
        app.with_plan(Part::Planning, |p| {
            expanded.with(|e| compare_table(t, p, &c, figure.get(), span.get(), e))
        })
    });
    let charts = Memo::new(move |_| {
        let (t, lang) = (app.t(), app.lang.get());
        let c = comparison.get();
        app.with_plan(Part::Planning, |p| {
            region_charts(t, lang, p, &c, figure.get(), span.get())
        })
    });
    let pick = Callback::new(move |(id, on): (String, bool)| {
        chosen.update(|ids| {
            ids.retain(|x| *x != id);
            if on {
                ids.push(id);
                if ids.len() > MAX_SCENARIOS {
                    ids.remove(0);
                }
            }
        });
    });
    let toggle = Callback::new(move |id: String| {
        expanded.update(|e| {
            if !e.remove(&id) {
                e.insert(id);
            }
        });
    });
    view! {
        <div class="compare-page">
            <h2>{move || app.t().view_compare}</h2>
            <div class="card compare-card" id="compare">
                <ScenarioPicker picker=picker on_pick=pick on_measure=Callback::new(move |m| measure.set(m))
                    on_span=Callback::new(move |s| span.set(s)) />
                {move || {
                    table.with(|t| t.errors.clone())
                        .into_iter()
                        .map(|e| view! { <p class="banner error" role="alert">{e}</p> })
                        .collect_view()
                }}
                {move || table.with(|t| t.need_two.clone()).map(|n| view! { <p class="note">{n}</p> })}
                {move || {
                    table
                        .with(|t| t.months_hint.clone())
                        .map(|h| view! { <p class="banner months-hint" role="status">{h}</p> })
                }}
                {move || {
                    table
                        .with(|t| t.collections_hint.clone())
                        .map(|h| view! { <p class="banner collections-hint" role="status">{h}</p> })
                }}
                <p class="note">{move || table.with(|t| t.movers_note.clone())}</p>
                <CompareTableView table=table on_toggle=toggle id="compare-table" />
                <For each=move || charts.get() key=|c| c.clone() let:chart>
                    <figure class="compare-chart">
                        <figcaption>{chart.title.clone()}</figcaption>
                        <DiffChartView chart=chart />
                    </figure>
                </For>
            </div>
        </div>
    }
}
