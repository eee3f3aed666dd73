//! One region's (or the company's) budget and spend month by month: whether the split is kept
//! each month, the variance, the expense ratio against the target, and the trend as a chart.

use leptos::prelude::*;

use super::expense_board::ChannelFigures;
use super::expense_trend_chart::ExpenseTrendChart;
use crate::core::edit::Part;
use crate::ui::exec::ChoiceSelect;
use crate::ui::state::use_app;
use crate::view::exec::expenses::{ExpensesView, MonthLine, month_by_month_choices};

/// A month's line.
#[component]
fn MonthRow(
    /// The month as the table shows it.
    line: MonthLine,
) -> impl IntoView {
    let cells = Signal::derive({
        let c = line.channels.clone();
        move || Some(c.clone())
    });
    view! {
        <tr class="expense-month" data-month=line.month.clone()>
            <td class="name">{line.month.clone()}</td>
            <td class="num">{line.budget.clone()}</td>
            <ChannelFigures cells=cells />
            <td class="num">{line.sales.clone()}</td>
            <td class="num ratio" class:over=line.over_target>{line.expense_ratio.clone()}</td>
        </tr>
    }
}

/// The month-by-month view, with the choice of region.
#[component]
pub fn MonthlyExpenses(
    /// The route's view model (`None` without an adopted scenario).
    view_model: Memo<Option<ExpensesView>>,
    /// The region shown (its id; empty for the company).
    month_of: RwSignal<String>,
) -> impl IntoView {
    let app = use_app();
    let choices =
        Memo::new(move |_| app.with_plan(Part::Planning, |p| month_by_month_choices(app.x(), p)));
    let monthly = Memo::new(move |_| view_model.with(|v| v.as_ref().map(|v| v.monthly.clone())));
    let title = move || monthly.with(|m| m.as_ref().map(|m| m.title.clone()));
    let lines = move || monthly.with(|m| m.as_ref().map(|m| m.months.clone()).unwrap_or_default());
    let trend = move || monthly.with(|m| m.as_ref().map(|m| m.trend.clone()));
    view! {
        <section class="monthly-expenses" id="monthly-expenses">
            <div class="toolbar">
                <h3>{title}</h3>
                <ChoiceSelect label=Signal::derive(move || app.x().month_by_month.to_string())
                    id="expenses-month-of" choices=choices value=month_of
                    on_change=move |v: String| month_of.set(v) />
            </div>
            {move || trend().map(|chart| view! { <ExpenseTrendChart chart=chart /> })}
            <div class="table-scroll">
                <table class="grid expenses monthly">
                    <thead>
                        {move || {
                            let x = app.x();
                            view! {
                                <tr>
                                    <th rowspan="2">{x.month}</th>
                                    <th rowspan="2">{x.budget}</th>
                                    <th colspan="3" class="group">{x.distributors_head}</th>
                                    <th colspan="3" class="group">{x.terminals_head}</th>
                                    <th rowspan="2">{x.split_kept}</th>
                                    <th rowspan="2">{x.spent}</th>
                                    <th rowspan="2">{x.variance}</th>
                                    <th rowspan="2">{x.sales_actual}</th>
                                    <th rowspan="2">{x.expense_ratio}</th>
                                </tr>
                                <tr>
                                    {[x.budget, x.spent, x.variance, x.budget, x.spent, x.variance]
                                        .map(|h| view! { <th>{h}</th> })
                                        .collect_view()}
                                </tr>
                            }
                        }}
                    </thead>
                    <tbody>
                        <For each=lines key=|l| l.clone() let:line>
                            <MonthRow line=line />
                        </For>
                    </tbody>
                </table>
            </div>
        </section>
    }
}
