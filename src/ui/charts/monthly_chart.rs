//! The monthly plan as columns.

use leptos::prelude::*;

use crate::view::charts::MonthlyChart;

/// A labelled column per month on one axis, each month named under it. A zero month is drawn
/// as an outlined warning, not an empty slot.
#[component]
pub fn MonthlyChartView(
    /// The chart's geometry and texts.
    chart: MonthlyChart,
) -> impl IntoView {
    let MonthlyChart {
        title,
        width,
        height,
        axis_y,
        months,
    } = chart;
    let label = title.clone();
    view! {
        <svg class="chart monthly" viewBox=format!("0 0 {width} {height}") role="img"
            aria-label=label>
            <title>{title}</title>
            <line class="axis" x1="0" x2=width y1=axis_y y2=axis_y></line>
            {months
                .into_iter()
                .map(|m| {
                    let center = m.center_x;
                    let class = if m.warn { "month-col warn" } else { "month-col" };
                    view! {
                        <rect class=class x=m.column_x y=m.column_y width=m.column_width
                            height=m.column_height rx="3"></rect>
                        <text class="month-value" class:warn=m.warn x=center y=m.text_y
                            text-anchor="middle">
                            {m.text}
                        </text>
                        <text class="month-label" x=center y=m.month_y text-anchor="middle">
                            {m.month}
                        </text>
                    }
                })
                .collect_view()}
        </svg>
    }
}
