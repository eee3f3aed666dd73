//! Horizontal bars with their labels and values.

use leptos::prelude::*;

use crate::view::charts::BarChart;

/// A bar chart: each row's label, its bar coloured by tier (a CSS class), and its value text
/// (with the tier's name) past the bar's end. A zero or missing value is drawn as a warning:
/// its empty track outlined, the text (⚠ …) inside it.
#[component]
pub fn BarChartView(
    /// The chart's geometry and texts.
    chart: BarChart,
) -> impl IntoView {
    let BarChart {
        title,
        width,
        height,
        rows,
    } = chart;
    let label = title.clone();
    view! {
        <svg class="chart bars" viewBox=format!("0 0 {width} {height}") role="img"
            aria-label=label>
            <title>{title}</title>
            {rows
                .into_iter()
                .map(|row| {
                    let class = row.fill_class();
                    let bar = if row.warn {
                        view! {
                            <rect class="bar-warn" x=row.bar_x y=row.bar_y width=row.track_width
                                height=row.bar_height rx="3"></rect>
                        }
                    } else {
                        view! {
                            <rect class=class x=row.bar_x y=row.bar_y width=row.bar_width
                                height=row.bar_height rx="3"></rect>
                        }
                    };
                    view! {
                        <text class="bar-label" class:warn=row.warn x=row.label_x y=row.text_y
                            text-anchor="end">
                            {row.label}
                        </text>
                        {bar}
                        <text class="bar-value" class:warn=row.warn x=row.value_x y=row.text_y>
                            {row.text}
                        </text>
                    }
                })
                .collect_view()}
        </svg>
    }
}
