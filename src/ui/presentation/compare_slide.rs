//! The last view: the scenarios compared.

use std::collections::HashSet;

use leptos::prelude::*;

use crate::core::edit::Part;
use crate::core::scenario::Measure;
use crate::ui::compare_page::{CompareTableView, DiffChartView};
use crate::ui::state::use_app;
use crate::view::compare::{compare, compare_table, region_charts};

/// The plan's first scenarios side by side by region (amounts), with the biggest movers and
/// tier changes marked, and each region's difference from the first scenario charted. Rows do
/// not open here: a projector shows regions. Recomputed when the planning part or the language
/// changes.
#[component]
pub fn CompareSlide(
    /// The scenarios compared (ids, in order).
    scenarios: Vec<String>,
) -> impl IntoView {
    let app = use_app();
    let ids = StoredValue::new(scenarios);
    let shown = Memo::new(move |_| {
        let (t, lang) = (app.t(), app.lang.get());
        app.with_plan(Part::Planning, |p| {
            let c = ids.with_value(|ids| compare(p, ids));
            let table = compare_table(t, p, &c, Measure::Amount, &HashSet::new());
            // The first scenario against the second: one chart fits a slide.
            let chart = region_charts(t, lang, p, &c, Measure::Amount)
                .into_iter()
                .next();
            (table, chart)
        })
    });
    let table = Signal::derive(move || shown.with(|s| s.0.clone()));
    view! {
        {move || {
            shown.with(|(table, _)| {
                table
                    .errors
                    .iter()
                    .map(|e| view! { <p class="banner error" role="alert">{e.clone()}</p> })
                    .collect_view()
            })
        }}
        {move || shown.with(|(table, _)| table.need_two.clone()).map(|n| view! { <p class="note">{n}</p> })}
        {move || shown.with(|(_, chart)| chart.clone()).map(|chart| view! { <DiffChartView chart=chart /> })}
        <CompareTableView table=table />
    }
}
