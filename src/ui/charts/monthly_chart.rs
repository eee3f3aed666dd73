//! The monthly curve over the seasonality profile.

use leptos::prelude::*;

use crate::view::charts::MonthlyChart;

/// The seasonality profile as labelled columns, each month named under the axis, and the plan's
/// monthly values as a line through labelled points.
#[component]
pub fn MonthlyChartView(
    /// The chart's geometry and texts.
    chart: MonthlyChart,
) -> impl IntoView {
    let line = chart.line_points();
    let MonthlyChart {
        title,
        width,
        height,
        months,
    } = chart;
    let label = title.clone();
    view! {
        <svg class="chart monthly" viewBox=format!("0 0 {width} {height}") role="img"
            aria-label=label>
            <title>{title}</title>
            {months
                .into_iter()
                .map(|m| {
                    let center = m.center_x;
                    view! {
                        <rect class="season-col" x=m.column_x y=m.column_y width=m.column_width
                            height=m.column_height></rect>
                        <text class="season-label" x=center y=m.share_y text-anchor="middle">
                            {m.share}
                        </text>
                        <text class="month-label" x=center y=m.month_y text-anchor="middle">
                            {m.month}
                        </text>
                        {m.point.map(|p| view! {
                            <circle class="plan-point" cx=p.x cy=p.y r="4"></circle>
                            <text class="plan-label" x=p.x y=p.text_y text-anchor="middle">
                                {p.text}
                            </text>
                        })}
                    }
                })
                .collect_view()}
            <polyline class="plan-line" points=line></polyline>
        </svg>
    }
}
