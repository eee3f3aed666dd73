//! Completion and pace at every level, and the deviation list with corrective actions.

use std::collections::HashSet;

use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::app::breakdown_of;
use super::state::use_exec;
use crate::core::execution::{Tracking, deviations, set_deviation_note};
use crate::core::field::parse_percent;
use crate::core::period::YearMonth;
use crate::core::scenario::Measure;
use crate::ui::html_view::{Gesture, html_view, value_of};
use crate::view::exec::FIRST_ROWS;
use crate::view::exec::tracking::{
    breakdown_failed_html, controls_html, deviations_html, tracking_html,
};
use crate::view::html::push_element;

#[component]
pub fn TrackingPage() -> impl IntoView {
    let exec = use_exec();
    let t = exec.t();
    let lang = exec.lang.get_untracked();
    let expanded = RwSignal::new(HashSet::<String>::new());
    let threshold_error = RwSignal::new(None::<String>);
    let note_errors = RwSignal::new(Vec::<(String, String)>::new());
    // The month the deviation list is for, as last drawn (notes are kept per month).
    let shown_month = StoredValue::new(None::<YearMonth>);
    let all_rows = RwSignal::new(false);
    let render = move || {
        let measure = exec.measure.get();
        let as_of = exec.as_of.get();
        exec.plan.with(|plan| match breakdown_of(plan, lang) {
            Err(message) => breakdown_failed_html(&message),
            Ok(b) => {
                let tr = Tracking::new(plan, &b, as_of);
                shown_month.set_value(tr.as_of());
                let mut html =
                    controls_html(t, plan, &b, &tr, measure, threshold_error.get().as_deref());
                if tr.as_of().is_none() {
                    push_element(
                        &mut html,
                        "p",
                        "class=\"banner warning\"",
                        t.nothing_recorded,
                    );
                }
                let list = deviations(plan, &b, &tr, measure);
                note_errors.with(|errors| {
                    let limit = if all_rows.get() {
                        usize::MAX
                    } else {
                        FIRST_ROWS
                    };
                    html.push_str(&deviations_html(t, lang, &list, limit, errors));
                });
                expanded
                    .with(|e| html.push_str(&tracking_html(t, lang, plan, &b, &tr, measure, e)));
                html
            }
        })
    };
    let on_action = move |action: &str, gesture: Gesture, el: &web_sys::Element| {
        let (kind, arg) = action.split_once('|').unwrap_or((action, ""));
        match (kind, gesture) {
            ("as-of", Gesture::Change) => {
                exec.as_of.set(value_of(el).parse().ok());
            }
            ("measure", _) => exec.measure.set(if arg == "quantity" {
                Measure::Quantity
            } else {
                Measure::Amount
            }),
            ("threshold", Gesture::Change | Gesture::Enter) => {
                let text = value_of(el);
                match parse_percent(&text) {
                    Ok(v) => {
                        threshold_error.set(None);
                        exec.change(format!("{}: {text}", t.threshold), &mut |p| {
                            p.execution.settings.deviation_threshold = v;
                            true
                        });
                    }
                    Err(e) => {
                        threshold_error.set(Some(format!("{}: {}", t.threshold, t.field_error(&e))))
                    }
                }
            }
            ("all-deviations", _) => all_rows.set(true),
            ("toggle", _) => expanded.update(|e| {
                if !e.remove(arg) {
                    e.insert(arg.to_string());
                }
            }),
            ("note", Gesture::Change | Gesture::Enter) | ("done", Gesture::Change) => {
                let Some(month) = shown_month.get_value() else {
                    return;
                };
                let row = el.closest("tr").ok().flatten();
                let field = |selector: &str| {
                    row.as_ref()
                        .and_then(|r| r.query_selector(selector).ok().flatten())
                };
                let note = field("input[type=text]")
                    .map(|i| value_of(&i))
                    .unwrap_or_default();
                let done = field("input[type=checkbox]")
                    .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
                    .is_some_and(|i| i.checked());
                let name = field("td.name")
                    .and_then(|c| c.text_content())
                    .unwrap_or_default();
                let what = format!(
                    "{} · {name} · {month}: {note}{}",
                    t.action_note,
                    if done { " ✓" } else { "" }
                );
                let result = exec.edit(what, &mut |p| {
                    set_deviation_note(p, arg, month, &note, done)
                });
                note_errors.update(|errors| {
                    errors.retain(|(id, _)| id != arg);
                    if let Err(message) = result {
                        errors.push((arg.to_string(), message));
                    }
                });
            }
            _ => {}
        }
    };
    super::page_frame(
        t.page_tracking,
        "",
        html_view("card", "tracking", render, on_action),
    )
}
