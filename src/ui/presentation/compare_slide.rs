//! The scenarios compared.

use leptos::prelude::*;

use crate::core::edit::Part;
use crate::ui::compare_page::{CompareTableView, DiffChartView};
use crate::ui::state::use_app;
use crate::view::compare::compare;
use crate::view::slides::compare_slide;

/// The adopted scenario and the next ones side by side by region, with the biggest movers and
/// tier changes marked, and each region's difference from the adopted one charted, every
/// amount in one unit; a re-spread's first changed month, said in a caption, when the years
/// are the same. Rows do not open here: a projector shows regions. Recomputed when the
/// planning part or the language changes.
#[component]
pub fn CompareSlide(
    /// The scenarios compared (ids, the adopted one first).
    scenarios: Vec<String>,
) -> impl IntoView {
    let app = use_app();
    let ids = StoredValue::new(scenarios);
    let shown = Memo::new(move |_| {
        let (t, lang) = (app.t(), app.lang.get());
        app.with_plan(Part::Planning, |p| {
            let c = ids.with_value(|ids| compare(p, ids));
            compare_slide(t, lang, p, &c)
        })
    });
    let table = Signal::derive(move || shown.with(|s| s.table.clone()));
    view! {
        {move || {
            shown.with(|s| {
                s.table
                    .errors
                    .iter()
                    .map(|e| view! { <p class="banner error" role="alert">{e.clone()}</p> })
                    .collect_view()
            })
        }}
        {move || shown.with(|s| s.table.need_two.clone()).map(|n| view! { <p class="note">{n}</p> })}
        {move || {
            shown
                .with(|s| s.caption.clone())
                .map(|c| view! { <p class="note compare-caption">{c}</p> })
        }}
        <div class="compare-slide">
            <CompareTableView table=table />
            {move || shown.with(|s| s.chart.clone()).map(|chart| view! { <DiffChartView chart=chart /> })}
        </div>
    }
}
