//! Expenses: budgets per region split by tier, recorded spend, variance and expense-to-sales
//! ratio, and discounts above the threshold flagged for review.

use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::input_value;
use super::state::{today, use_exec};
use crate::core::execution::{
    Channel, Expense, add_expense, expense_report, remove_expense, set_budget, set_expense_reviewed,
};
use crate::core::field::{parse_date, parse_non_negative, parse_percent, parse_text};
use crate::ui::html_view::{Gesture, html_view, value_of};
use crate::view::exec::expenses::{report_html, settings_html, spend_form_html, spend_list_html};

type Errors = Vec<(String, String, String)>;

#[component]
pub fn ExpensesPage() -> impl IntoView {
    let exec = use_exec();
    let t = exec.t();
    let lang = exec.lang.get_untracked();
    let errors = RwSignal::new(Errors::new());
    let render = move || {
        exec.plan.with(|plan| {
            let Some(scenario) = plan.adopted() else {
                return format!("<p class=\"banner error\">{}</p>", t.no_adopted);
            };
            let report = expense_report(plan, scenario);
            errors.with(|e| {
                let mut html = settings_html(t, plan, e);
                html.push_str(&report_html(t, lang, &report, e));
                html.push_str(&spend_form_html(t, plan, today(), e));
                html.push_str(&spend_list_html(t, lang, plan, &report));
                html
            })
        })
    };
    let refuse =
        move |action: &str, text: String, label: &str, e: crate::core::field::FieldError| {
            let message = format!("{label}: {}", t.field_error(&e));
            errors.update(|errors| {
                errors.retain(|(a, _, _)| a != action);
                errors.push((action.to_string(), text, message));
            });
        };
    let accept = move |action: &str| errors.update(|errors| errors.retain(|(a, _, _)| a != action));
    let on_action = move |action: &str, gesture: Gesture, el: &web_sys::Element| {
        let (kind, arg) = action.split_once('|').unwrap_or((action, ""));
        match (kind, gesture) {
            ("budget", Gesture::Change | Gesture::Enter) => {
                let text = value_of(el);
                match parse_non_negative(&text) {
                    Ok(v) => {
                        match exec.edit(budget_what(arg, &text), &mut |p| set_budget(p, arg, v)) {
                            Ok(()) => accept(action),
                            Err(m) => errors.update(|e| e.push((action.to_string(), text, m))),
                        }
                    }
                    Err(e) => refuse(action, text, t.budget, e),
                }
            }
            ("discount-threshold", Gesture::Change | Gesture::Enter) => {
                let text = value_of(el);
                match parse_percent(&text) {
                    Ok(v) => {
                        accept(action);
                        exec.change(format!("{}: {text}", t.discount_threshold), &mut |p| {
                            p.execution.settings.discount_threshold = v;
                            true
                        });
                    }
                    Err(e) => refuse(action, text, t.discount_threshold, e),
                }
            }
            ("add", Gesture::Click) => add_spend(errors),
            ("reviewed", Gesture::Change) => {
                let on = el
                    .dyn_ref::<web_sys::HtmlInputElement>()
                    .is_some_and(|i| i.checked());
                if let Ok(i) = arg.parse() {
                    let what = format!(
                        "{} · {}",
                        t.spend_list,
                        if on { t.reviewed } else { t.flagged }
                    );
                    let _ = exec.edit(what, &mut |p| set_expense_reviewed(p, i, on));
                }
            }
            ("remove", Gesture::Click) => {
                if let Ok(i) = arg.parse() {
                    let what = t.spend_removed.to_string();
                    if exec
                        .edit(what, &mut |p| remove_expense(p, i).map(|_| ()))
                        .is_ok()
                    {
                        exec.notify(t.spend_removed.to_string(), true);
                    }
                }
            }
            _ => {}
        }
    };
    super::page_frame(
        t.page_expenses,
        t.expenses_intro,
        html_view("card", "expenses", render, on_action),
    )
}

/// Records the spend typed in the form, or marks each refused field and records nothing.
fn add_spend(errors: RwSignal<Errors>) {
    let exec = use_exec();
    let t = exec.t();
    let mut refused = Errors::new();
    let mut check = |id: &str,
                     label: &str,
                     result: Result<(), crate::core::field::FieldError>,
                     text: String| {
        if let Err(e) = result {
            refused.push((
                id.to_string(),
                text,
                format!("{label}: {}", t.field_error(&e)),
            ));
        }
    };
    let date_text = input_value("#spend-date");
    let date = parse_date(&date_text);
    check("date", t.date, date.clone().map(|_| ()), date_text);
    let amount_text = input_value("#spend-amount");
    let amount = parse_non_negative(&amount_text);
    check(
        "amount",
        t.amount,
        amount.clone().map(|_| ()),
        amount_text.clone(),
    );
    let discount_text = input_value("#spend-discount");
    let discount = if discount_text.trim().is_empty() {
        Ok(None)
    } else {
        parse_percent(&discount_text).map(Some)
    };
    check(
        "discount",
        t.discount,
        discount.clone().map(|_| ()),
        discount_text,
    );
    let note_text = input_value("#spend-note");
    let note = parse_text(&note_text, 2000);
    check("note", t.note, note.clone().map(|_| ()), note_text);
    if let (Ok(date), Ok(amount), Ok(discount_percent), Ok(note), true) =
        (date, amount, discount, note, refused.is_empty())
    {
        let expense = Expense {
            date,
            region: input_value("#spend-region"),
            channel: Channel::from_key(&input_value("#spend-channel")).unwrap_or(Channel::Terminal),
            amount,
            discount_percent,
            note,
            reviewed: false,
        };
        let region = region_name(&expense.region);
        let what = format!(
            "{} · {region} · {} · {amount_text}",
            t.record_spend, expense.date
        );
        if let Err(message) = exec.edit(what, &mut |p| add_expense(p, expense.clone()).map(|_| ()))
        {
            refused.push(("amount".into(), String::new(), message));
        }
    }
    errors.set(refused);
}

/// A log entry for a region's budget: "Budget · Changsha: 100000".
fn budget_what(region: &str, text: &str) -> String {
    let exec = use_exec();
    format!("{} · {}: {text}", exec.t().budget, region_name(region))
}

/// The name of region `id` (empty when there is none).
fn region_name(id: &str) -> String {
    use_exec()
        .plan
        .with_untracked(|p| p.region(id).map(|r| r.name.clone()).unwrap_or_default())
}
