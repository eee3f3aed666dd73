//! The board: each region's budget by item (typed here), its tier's split, budget, spend and
//! variance on each side of the split, the split actually kept, and the expense ratio; then the
//! company's total.

use leptos::prelude::*;

use crate::core::edit::{Edit, ExecutionEdit};
use crate::core::execution::BudgetItem;
use crate::core::field::parse_non_negative;
use crate::ui::fields::{Control, Field};
use crate::ui::state::use_app;
use crate::view::exec::expenses::{ChannelCells, ExpenseLine, ExpensesView, item_name};

/// Budget, spend and variance on each side of the split, the split kept, and the total's spend.
#[component]
pub fn ChannelFigures(
    /// The cells shown (re-read when the plan changes).
    #[prop(into)]
    cells: Signal<Option<ChannelCells>>,
) -> impl IntoView {
    let cell = move |f: fn(&ChannelCells) -> String| {
        move || cells.with(|c| c.as_ref().map(f).unwrap_or_default())
    };
    let flag =
        move |f: fn(&ChannelCells) -> bool| move || cells.with(|c| c.as_ref().is_some_and(f));
    view! {
        <td class="num">{cell(|c| c.distributor_budget.clone())}</td>
        <td class="num">{cell(|c| c.distributor_spent.clone())}</td>
        <td class="num variance" class:over=flag(|c| c.distributor_over)>
            {cell(|c| c.distributor_variance.clone())}
        </td>
        <td class="num">{cell(|c| c.terminal_budget.clone())}</td>
        <td class="num">{cell(|c| c.terminal_spent.clone())}</td>
        <td class="num variance" class:over=flag(|c| c.terminal_over)>
            {cell(|c| c.terminal_variance.clone())}
        </td>
        <td class="num split-kept" class:off=flag(|c| c.off_split)>{cell(|c| c.kept.clone())}</td>
        <td class="num">{cell(|c| c.spent.clone())}</td>
        <td class="num variance" class:over=flag(|c| c.over)>{cell(|c| c.variance.clone())}</td>
    }
}

/// A region's line; its promotion and salaries budgets are typed in place.
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
    let budget_field = move |item: BudgetItem| {
        let value = Signal::derive(move || {
            line.with(|l| {
                l.as_ref()
                    .map(|l| l.item_values[item.index()].clone())
                    .unwrap_or_default()
            })
        });
        let to_edit = move |text: String| {
            parse_non_negative(&text).map(|amount| {
                Edit::Execution(ExecutionEdit::Budget {
                    region: id.get_value(),
                    item,
                    amount,
                })
            })
        };
        view! {
            <td class=format!("input-cell budget-{}", item.key())>
                {move || view! {
                    <Field label=item_name(app.x(), item) value=value to_edit=to_edit
                        control=Control::Number />
                }}
            </td>
        }
    };
    let cells = Signal::derive(move || line.with(|l| l.as_ref().map(|l| l.channels.clone())));
    let over_target = move || line.with(|l| l.as_ref().is_some_and(|l| l.over_target));
    view! {
        <tr class="expense-row" data-region=region>
            <td class="name">{text(|l| l.name.clone())}</td>
            <td class="tier-cell">
                {text(|l| l.tier.to_string())}
                <span class="split">{text(|l| l.split.clone())}</span>
            </td>
            {budget_field(BudgetItem::Promotion)}
            {budget_field(BudgetItem::Salaries)}
            <td class="num">{text(|l| l.budget.clone())}</td>
            <ChannelFigures cells=cells />
            <td class="num ratio" class:over=over_target>{text(|l| l.expense_ratio.clone())}</td>
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
    let total_text = move |f: fn(&ExpenseLine) -> String| {
        move || total.with(|t| t.as_ref().map(f).unwrap_or_default())
    };
    let total_cells =
        Signal::derive(move || total.with(|t| t.as_ref().map(|t| t.channels.clone())));
    let total_over = move || total.with(|t| t.as_ref().is_some_and(|t| t.over_target));
    view! {
        <div class="table-scroll">
            <table class="grid expenses">
                <thead>
                    {move || {
                        let x = app.x();
                        view! {
                            <tr>
                                <th rowspan="2">{x.region}</th>
                                <th rowspan="2" title=x.split>{x.tier}</th>
                                <th rowspan="2">{x.budget_promotion}</th>
                                <th rowspan="2">{x.budget_salaries}</th>
                                <th rowspan="2">{x.budget_total}</th>
                                <th colspan="3" class="group">{x.distributors_head}</th>
                                <th colspan="3" class="group">{x.terminals_head}</th>
                                <th rowspan="2">{x.split_kept}</th>
                                <th rowspan="2">{x.spent}</th>
                                <th rowspan="2">{x.variance}</th>
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
                    <For each=move || regions.get() key=|id| id.clone() let:region>
                        <RegionLine region=region view_model=view_model />
                    </For>
                    <tr class="total">
                        <td class="name">{total_text(|t| t.name.clone())}</td>
                        <td></td>
                        <td class="num">{total_text(|t| t.items[0].clone())}</td>
                        <td class="num">{total_text(|t| t.items[1].clone())}</td>
                        <td class="num">{total_text(|t| t.budget.clone())}</td>
                        <ChannelFigures cells=total_cells />
                        <td class="num ratio" class:over=total_over>
                            {total_text(|t| t.expense_ratio.clone())}
                        </td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
