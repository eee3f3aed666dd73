//! The expense trend as an SVG chart from its view model's geometry.

use leptos::prelude::*;

use crate::view::exec::expense_trend::ExpenseTrend;

/// Budget beside spend (distributors under terminals and publicity) per month, the expense
/// ratio as a line, and the company's target as a dashed line.
#[component]
pub fn ExpenseTrendChart(
    /// The chart's geometry and texts.
    chart: ExpenseTrend,
) -> impl IntoView {
    let ExpenseTrend {
        title,
        width,
        height,
        months,
        ratio_points,
        target_y,
        target_label,
        legend,
        legend_y,
    } = chart;
    let label = title.clone();
    let legend_items = legend
        .into_iter()
        .enumerate()
        .map(|(i, (class, text))| {
            let x = 20 + i as i64 * 180;
            view! {
                <rect class=class x=x y=legend_y - 11 width="14" height="14"></rect>
                <text class="trend-legend" x=x + 20 y=legend_y>{text}</text>
            }
        })
        .collect_view();
    view! {
        <svg class="chart expense-trend" viewBox=format!("0 0 {width} {height}") role="img"
            aria-label=label>
            <title>{title}</title>
            {months
                .into_iter()
                .map(|m| {
                    let w = m.bar_width;
                    view! {
                        <rect class="trend-budget" x=m.budget.x y=m.budget.y width=w
                            height=m.budget.height></rect>
                        <rect class="trend-distributor" x=m.distributor.x y=m.distributor.y
                            width=w height=m.distributor.height></rect>
                        <rect class="trend-terminal" x=m.terminal.x y=m.terminal.y width=w
                            height=m.terminal.height></rect>
                        <text class="month-label" x=m.label_x y=m.label_y text-anchor="middle">
                            {m.label}
                        </text>
                        {m.ratio.map(|p| view! {
                            <circle class="trend-point" class:over=p.over cx=p.x cy=p.y r="4">
                            </circle>
                            <text class="trend-value" x=p.x y=p.y - 9 text-anchor="middle">
                                {p.text}
                            </text>
                        })}
                    }
                })
                .collect_view()}
            <line class="trend-target" x1="0" x2=width y1=target_y y2=target_y></line>
            <text class="trend-target-label" x=width - 4 y=target_y - 5 text-anchor="end">
                {target_label}
            </text>
            <polyline class="trend-ratio" points=ratio_points></polyline>
            {legend_items}
        </svg>
    }
}
