//! Recorded spend, newest first; a discount above the threshold is flagged with a box to mark
//! it reviewed.

use leptos::prelude::*;

use crate::core::edit::{Edit, ExecutionEdit};
use crate::ui::state::{UndoAction, What, use_app};
use crate::view::exec::expenses::{ExpensesView, SpendRow};

/// A recorded spend: review its discount, or remove it.
#[component]
fn SpendListRow(
    /// The spend as the list shows it.
    row: SpendRow,
) -> impl IntoView {
    let app = use_app();
    let index = row.index;
    let summary = StoredValue::new(format!("{} · {} · {}", row.region, row.date, row.amount));
    let review = move |ev: leptos::ev::Event| {
        let reviewed = event_target_checked(&ev);
        let x = app.x_now();
        let state = if reviewed { x.reviewed } else { x.flagged };
        let what = What::Text(format!(
            "{} · {}: {state}",
            x.spend_list,
            summary.get_value()
        ));
        let edit = Edit::Execution(ExecutionEdit::ExpenseReviewed(index, reviewed));
        if let Err(e) = app.apply(edit, what) {
            app.notify_error(app.t_now().edit_error(&e));
        }
    };
    let remove = move |_| {
        let x = app.x_now();
        let what = What::Text(format!("{} · {}", x.spend_removed, summary.get_value()));
        match app.apply(Edit::Execution(ExecutionEdit::RemoveExpense(index)), what) {
            Ok(_) => app.notify(x.spend_removed.to_string(), Some(UndoAction::LastStep)),
            Err(e) => app.notify_error(app.t_now().edit_error(&e)),
        }
    };
    let flag = row.review.map(|reviewed| {
        view! {
            <label class="check review">
                <input type="checkbox" prop:checked=reviewed on:change=review />
                {move || if reviewed { app.x().reviewed } else { app.x().flagged }}
            </label>
        }
    });
    view! {
        <tr class="spend-row" class:flagged=row.review.is_some()>
            <td>{row.date}</td>
            <td>{row.region}</td>
            <td>{row.channel}</td>
            <td>{row.item}</td>
            <td class="num">{row.amount}</td>
            <td class="num">{row.discount}</td>
            <td>{row.note}</td>
            <td>{flag}</td>
            <td>
                <button type="button" class="icon" on:click=remove
                    aria-label=move || app.x().delete title=move || app.x().delete>
                    "✕"
                </button>
            </td>
        </tr>
    }
}

/// The spend recorded so far.
#[component]
pub fn SpendList(
    /// The route's view model (`None` without an adopted scenario).
    view_model: Memo<Option<ExpensesView>>,
) -> impl IntoView {
    let app = use_app();
    let rows = Memo::new(move |_| {
        view_model.with(|v| v.as_ref().map(|v| v.spend.clone()).unwrap_or_default())
    });
    view! {
        <h3>{move || app.x().spend_list}</h3>
        <Show when=move || rows.with(|r| !r.is_empty())
            fallback=move || view! { <p class="empty">{move || app.x().no_spend}</p> }>
            <table class="grid spend">
                <thead>
                    <tr>
                        {move || {
                            let x = app.x();
                            [x.date, x.region, x.channel, x.item, x.amount, x.discount, x.note, x.status, ""]
                                .map(|h| view! { <th>{h}</th> })
                                .collect_view()
                        }}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <SpendListRow row=row />
                    </For>
                </tbody>
            </table>
        </Show>
    }
}
