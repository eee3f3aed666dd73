//! A chart of differences, drawn as SVG from the view model's geometry.

use leptos::prelude::*;

use crate::view::diff_chart::DiffChart;

/// Bars either side of an axis, each with its label and signed value as text. Also used by
/// presentation mode.
#[component]
pub fn DiffChartView(
    /// The chart's geometry and texts.
    chart: DiffChart,
) -> impl IntoView {
    let title = chart.title.clone();
    view! {
        <svg class="chart diffs" viewBox=format!("0 0 {} {}", chart.width, chart.height)
            role="img" aria-label=chart.title>
            <title>{title}</title>
            <line class="axis" x1=chart.axis_x x2=chart.axis_x y1="0" y2=chart.height></line>
            {chart
                .bars
                .into_iter()
                .map(|b| {
                    let (class, anchor) = (b.class(), b.value_anchor());
                    view! {
                        <text class="bar-label" x=b.label_x y=b.text_y text-anchor="end">{b.label}</text>
                        <rect class=class x=b.x y=b.y width=b.width height=b.height></rect>
                        <text class="bar-value" x=b.value_x y=b.text_y text-anchor=anchor>{b.text}</text>
                    }
                })
                .collect_view()}
        </svg>
    }
}
