//! The board: each region's budget (typed here), its split, spend, variance and ratio, and the
//! company's total.

use leptos::prelude::*;

use crate::core::edit::{Edit, ExecutionEdit};
use crate::core::field::parse_non_negative;
use crate::ui::fields::{Control, Field};
use crate::ui::state::use_app;
use crate::view::exec::expenses::{ExpenseLine, ExpensesView};

/// The figures of a line after its name, tier and budget.
#[component]
fn LineFigures(
    /// The line shown (re-read when the plan changes).
    #[prop(into)]
    line: Signal<Option<ExpenseLine>>,
) -> impl IntoView {
    let cell = move |f: fn(&ExpenseLine) -> String| {
        move || line.with(|l| l.as_ref().map(f).unwrap_or_default())
    };
    let over = move || line.with(|l| l.as_ref().is_some_and(|l| l.over));
    view! {
        <td class="num">{cell(|l| l.distributor_budget.clone())}</td>
        <td class="num">{cell(|l| l.terminal_budget.clone())}</td>
        <td class="num">{cell(|l| l.spent.clone())}</td>
        <td class="num" class:over=over>{cell(|l| l.variance.clone())}</td>
        <td class="num">{cell(|l| l.expense_ratio.clone())}</td>
    }
}

/// A region's line; its budget is typed in place.
#[component]
fn RegionLine(
    /// The region's id.
    #[prop(into)]
    region: String,
    /// The board it reads its line from.
    view_model: Memo<Option<ExpensesView>>,
) -> impl IntoView {
    let app = use_app();
    let id = StoredValue::new(region.clone());
    let line = Memo::new(move |_| {
        view_model.with(|v| {
            v.as_ref()
                .and_then(|v| v.lines.iter().find(|l| l.region == id.get_value()).cloned())
        })
    });
    let text = move |f: fn(&ExpenseLine) -> String| {
        move || line.with(|l| l.as_ref().map(f).unwrap_or_default())
    };
    let budget = Signal::derive(text(|l| l.budget_value.clone()));
    let to_edit = move |text: String| {
        parse_non_negative(&text).map(|amount| {
            Edit::Execution(ExecutionEdit::Budget {
                region: id.get_value(),
                amount,
            })
        })
    };
    view! {
        <tr class="expense-row" data-region=region>
            <td class="name">{text(|l| l.name.clone())}</td>
            <td>{text(|l| l.tier.to_string())}</td>
            <td class="input-cell">
                {move || view! {
                    <Field label=app.x().budget value=budget to_edit=to_edit
                        control=Control::Number />
                }}
            </td>
            <LineFigures line=line />
        </tr>
    }
}

/// Budgets and spend per region with the total.
#[component]
pub fn ExpenseBoard(
    /// The route's view model (`None` without an adopted scenario).
    view_model: Memo<Option<ExpensesView>>,
) -> impl IntoView {
    let app = use_app();
    let regions = Memo::new(move |_| {
        view_model.with(|v| {
            v.as_ref()
                .map(|v| v.lines.iter().map(|l| l.region.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let total = Memo::new(move |_| view_model.with(|v| v.as_ref().map(|v| v.total.clone())));
    view! {
        <table class="grid expenses">
            <thead>
                <tr>
                    {move || {
                        let x = app.x();
                        [
                            x.region,
                            x.tier,
                            x.budget,
                            x.distributor_budget,
                            x.terminal_budget,
                            x.spent,
                            x.variance,
                            x.expense_ratio,
                        ]
                        .map(|h| view! { <th>{h}</th> })
                        .collect_view()
                    }}
                </tr>
            </thead>
            <tbody>
                <For each=move || regions.get() key=|id| id.clone() let:region>
                    <RegionLine region=region view_model=view_model />
                </For>
                <tr class="total">
                    <td class="name">{move || total.with(|t| t.as_ref().map(|t| t.name.clone()))}</td>
                    <td></td>
                    <td class="num">{move || total.with(|t| t.as_ref().map(|t| t.budget.clone()))}</td>
                    <LineFigures line=total />
                </tr>
            </tbody>
        </table>
    }
}
