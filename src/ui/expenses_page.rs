//! Expenses (销售费用): each region's budget split by its tier, recorded spend, variance and
//! expense-to-sales ratio against the adopted scenario; discounts above the threshold are
//! flagged for review.

mod expense_board;
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
use spend_form::SpendForm;
use spend_list::SpendList;

/// The expenses route.
#[component]
pub fn ExpensesPage() -> impl IntoView {
    let app = use_app();
    // Tiers come from the territory and the adopted scenario; spend from the execution data.
    let view_model = Memo::new(move |_| {
        let lang = app.lang.get();
        let x = app.x();
        app.with_plan(Part::Planning, |_| ());
        app.with_plan(Part::Execution, |p| {
            p.adopted().map(|s| expenses_view(x, lang, p, s))
        })
    });
    let threshold = Signal::derive(move || {
        app.with_plan(Part::Execution, |p| {
            p.execution
                .settings
                .discount_threshold
                .normalize()
                .to_string()
        })
    });
    let to_edit = |text: String| {
        parse_percent(&text).map(|v| Edit::Execution(ExecutionEdit::DiscountThreshold(v)))
    };
    view! {
        <ExecPage title=|x| x.page_expenses intro=|x| x.expenses_intro>
            <div class="card expenses-page" id="expenses">
                <Show when=move || view_model.with(Option::is_some)
                    fallback=move || view! {
                        <p class="banner error">{move || app.x().no_adopted}</p>
                    }>
                    <div class="toolbar">
                        {move || view! {
                            <Field label=app.x().discount_threshold value=threshold
                                to_edit=to_edit control=Control::Number id="discount-threshold" />
                        }}
                    </div>
                    <ExpenseBoard view_model=view_model />
                    <SpendForm />
                    <SpendList view_model=view_model />
                </Show>
            </div>
        </ExecPage>
    }
}
