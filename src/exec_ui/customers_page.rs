//! The customer archive: records with every field, their history, visits, the list of records
//! not visited for N days, and the sub-districts' target customers linked to their records.

use leptos::prelude::*;

use super::input_value;
use super::state::{today, use_exec};
use crate::core::execution::{
    CustomerField, CustomerKind, add_customer, remove_customer, update_customer, visit,
};
use crate::core::field::parse_count;
use crate::i18n::fill;
use crate::ui::html_view::{Gesture, html_view, value_of};
use crate::view::exec::customers::{
    add_form_html, field_name, list_html, record_html, stale_html, targets_html,
};

#[component]
pub fn CustomersPage() -> impl IntoView {
    let exec = use_exec();
    let t = exec.t();
    let search = RwSignal::new(String::new());
    let selected = RwSignal::new(None::<String>);
    let add_error = RwSignal::new(None::<String>);
    let field_errors = RwSignal::new(Vec::<(String, String, String)>::new());
    let stale_error = RwSignal::new(None::<String>);
    let render = move || {
        let s = search.get();
        let chosen = selected.get();
        exec.plan.with(|plan| {
            let mut html = add_form_html(t, plan, &s, add_error.get().as_deref());
            if let Some(c) = chosen.as_ref().and_then(|id| plan.execution.customer(id)) {
                field_errors.with(|e| html.push_str(&record_html(t, plan, c, e)));
            }
            html.push_str(&list_html(t, plan, &s, chosen.as_deref()));
            let days = plan.execution.settings.stale_days;
            html.push_str(&stale_html(
                t,
                plan,
                today(),
                days,
                stale_error.get().as_deref(),
            ));
            html.push_str(&targets_html(t, plan));
            html
        })
    };
    let on_action = move |action: &str, gesture: Gesture, el: &web_sys::Element| {
        let mut parts = action.splitn(4, '|');
        match (parts.next().unwrap_or(""), gesture) {
            ("add", Gesture::Click) | ("add-name", Gesture::Enter) => {
                let kind = CustomerKind::from_key(&input_value("#new-kind"))
                    .unwrap_or(CustomerKind::Distributor);
                let name = input_value("input[data-action=\"add-name\"]");
                let sub = input_value("#new-sub");
                let mut id = None;
                let what = format!("{} · {}: {name}", t.page_customers, t.add_customer);
                match exec.edit(what, &mut |p| {
                    id = Some(add_customer(p, kind, &name, &sub)?);
                    Ok(())
                }) {
                    Ok(()) => {
                        add_error.set(None);
                        field_errors.set(Vec::new());
                        selected.set(id);
                    }
                    Err(message) => add_error.set(Some(message)),
                }
            }
            ("search", Gesture::Change | Gesture::Enter) => search.set(value_of(el)),
            ("open", _) => {
                field_errors.set(Vec::new());
                selected.set(parts.next().map(str::to_string));
                scroll_to_record();
            }
            ("close", _) => selected.set(None),
            ("field", Gesture::Change | Gesture::Enter) => {
                let (Some(id), Some(field)) = (
                    selected.get_untracked(),
                    parts.next().and_then(CustomerField::from_key),
                ) else {
                    return;
                };
                let text = value_of(el);
                let result = exec.edit(describe(&id, field_name(t, field), &text), &mut |p| {
                    update_customer(p, &id, field, &text, today()).map(|_| ())
                });
                field_errors.update(|errors| {
                    errors.retain(|(k, _, _)| k != field.key());
                    if let Err(message) = result {
                        errors.push((field.key().to_string(), text, message));
                    }
                });
            }
            ("visit", Gesture::Click) => {
                let id = parts
                    .next()
                    .map(str::to_string)
                    .or(selected.get_untracked());
                if let Some(id) = id {
                    let what = describe(&id, t.last_visit, &today().to_string());
                    let _ = exec.edit(what, &mut |p| visit(p, &id, today()).map(|_| ()));
                }
            }
            ("remove", Gesture::Click) => {
                let Some(id) = selected.get_untracked() else {
                    return;
                };
                let name = customer_name(&id);
                exec.change(fill(t.customer_removed, &[&name]), &mut |p| {
                    remove_customer(p, &id)
                });
                selected.set(None);
                exec.notify(fill(t.customer_removed, &[&name]), true);
            }
            ("create", Gesture::Click) => {
                let (Some(kind), Some(sub), Some(name)) = (
                    parts.next().and_then(CustomerKind::from_key),
                    parts.next(),
                    parts.next(),
                ) else {
                    return;
                };
                let mut id = None;
                let what = format!("{} · {}: {name}", t.page_customers, t.add_customer);
                let added = exec.edit(what, &mut |p| {
                    id = Some(add_customer(p, kind, name, sub)?);
                    Ok(())
                });
                if added.is_ok() {
                    selected.set(id);
                    scroll_to_record();
                }
            }
            ("stale-days", Gesture::Change | Gesture::Enter) => match parse_count(&value_of(el)) {
                Ok(days) => {
                    stale_error.set(None);
                    exec.change(format!("{}: {days}", t.stale_days), &mut |p| {
                        p.execution.settings.stale_days = days;
                        true
                    });
                }
                Err(e) => stale_error.set(Some(format!("{}: {}", t.stale_days, t.field_error(&e)))),
            },
            _ => {}
        }
    };
    super::page_frame(
        t.page_customers,
        t.customers_intro,
        html_view("card", "customers", render, on_action),
    )
}

/// Brings the open record into view once it is drawn.
fn scroll_to_record() {
    request_animation_frame(|| {
        if let Some(el) = document().get_element_by_id("customer-record") {
            el.scroll_into_view();
        }
    });
}

/// A log entry for a change of record `id`: "Customer archive · name · field: value".
fn describe(id: &str, field: &str, value: &str) -> String {
    let name = customer_name(id);
    format!(
        "{} · {name} · {field}: {value}",
        use_exec().t().page_customers
    )
}

/// The name of the archive record `id` (empty when there is none).
pub(super) fn customer_name(id: &str) -> String {
    use_exec().plan.with_untracked(|p| {
        p.execution
            .customer(id)
            .map(|c| c.name.clone())
            .unwrap_or_default()
    })
}
