//! Expenses (销售费用): each region's budget in money (promotion and salaries) split by its
//! tier, spend by channel against the split, variance, the expense ratio against the company's
//! target, month by month with the trend; discounts above the threshold are flagged for review.

mod expense_board;
mod expense_trend_chart;
mod monthly_expenses;
mod spend_form;
mod spend_list;

use leptos::prelude::*;

use super::exec::ExecPage;
use super::fields::{Control, Field};
use super::state::use_app;
use crate::core::edit::{Edit, ExecutionEdit, Part};
use crate::core::field::parse_percent;
use crate::view::exec::expenses::expenses_view;
use expense_board::ExpenseBoard;
use monthly_expenses::MonthlyExpenses;
use spend_form::SpendForm;
use spend_list::SpendList;

/// The expenses route.
#[component]
pub fn ExpensesPage() -> impl IntoView {
    let app = use_app();
    // The region shown month by month; empty for the company.
    let month_of = RwSignal::new(String::new());
    // Tiers and seasonality come from the adopted scenario; spend from the execution data.
    let view_model = Memo::new(move |_| {
        let lang = app.lang.get();
        let x = app.x();
        let of = month_of.get();
        app.with_plan(Part::Planning, |_| ());
        app.with_plan(Part::Execution, |p| {
            p.adopted()
                .map(|s| expenses_view(x, lang, p, s, Some(of.as_str())))
        })
    });
    let setting = move |f: fn(&crate::core::execution::Settings) -> rust_decimal::Decimal| {
        Signal::derive(move || {
            app.with_plan(Part::Execution, |p| {
                f(&p.execution.settings).normalize().to_string()
            })
        })
    };
    let threshold = setting(|s| s.discount_threshold);
    let target = setting(|s| s.expense_ratio_target);
    let threshold_edit = |text: String| {
        parse_percent(&text).map(|v| Edit::Execution(ExecutionEdit::DiscountThreshold(v)))
    };
    let target_edit = |text: String| {
        parse_percent(&text).map(|v| Edit::Execution(ExecutionEdit::ExpenseRatioTarget(v)))
    };
    let target_line = move || view_model.with(|v| v.as_ref().map(|v| v.target_line.clone()));
    let target_over = move || view_model.with(|v| v.as_ref().is_some_and(|v| v.target_over));
    // No region has a budget: say so rather than show a board of zeros.
    let no_budget = Memo::new(move |_| {
        app.with_plan(Part::Execution, |p| {
            p.execution.budgets.values().all(|b| b.total().is_zero())
        })
    });
    view! {
        <ExecPage title=|x| x.page_expenses intro=|x| x.expenses_intro>
            <div class="card expenses-page" id="expenses">
                <Show when=move || view_model.with(Option::is_some)
                    fallback=move || view! {
                        <p class="banner error">{move || app.x().no_adopted}</p>
                    }>
                    <div class="toolbar">
                        {move || view! {
                            <Field label=app.x().expense_target value=target
                                to_edit=target_edit control=Control::Number id="expense-target" />
                            <Field label=app.x().discount_threshold value=threshold
                                to_edit=threshold_edit control=Control::Number
                                id="discount-threshold" />
                        }}
                    </div>
                    <p class="expense-target-line" class:over=target_over>{target_line}</p>
                    <Show when=move || no_budget.get()>
                        <p class="banner warning" id="no-budget">{move || app.x().no_budget}</p>
                    </Show>
                    <ExpenseBoard view_model=view_model />
                    <MonthlyExpenses view_model=view_model month_of=month_of />
                    <SpendForm />
                    <SpendList view_model=view_model />
                </Show>
            </div>
        </ExecPage>
    }
}
