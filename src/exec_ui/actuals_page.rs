//! Actuals: a month's figures per salesperson, typed or imported from CSV with a preview of
//! every problem before anything is stored.

use leptos::prelude::*;

use super::app::breakdown_of;
use super::file_import::{download_csv, download_problems, read_picked, store_import};
use super::state::use_exec;
use crate::core::execution::{
    Actual, ActualsPreview, Figure, actuals_csv, actuals_template, apply_actuals,
    latest_actual_month, parse_actuals, remove_actual, sample_execution, set_actual,
};
use crate::core::field::parse_non_negative;
use crate::core::period::YearMonth;
use crate::ui::html_view::{Gesture, html_view, value_of};
use crate::view::exec::actuals::{EntryView, entry_html, preview_html, toolbar_html};

type Errors = Vec<(String, String, String, String)>;

#[component]
pub fn ActualsPage() -> impl IntoView {
    let exec = use_exec();
    let t = exec.t();
    let lang = exec.lang.get_untracked();
    let first_month = exec.plan.with_untracked(|p| {
        latest_actual_month(p)
            .or_else(|| p.period.months().first().copied())
            .unwrap_or(YearMonth {
                year: 2000,
                month: 1,
            })
    });
    let month = RwSignal::new(first_month);
    let search = RwSignal::new(String::new());
    let page = RwSignal::new(0usize);
    let errors = RwSignal::new(Errors::new());
    let preview = RwSignal::new(None::<(String, ActualsPreview)>);
    let render = move || {
        let (m, s, pg) = (month.get(), search.get(), page.get());
        exec.plan.with(|plan| {
            let mut html = toolbar_html(t, plan, m, &s);
            preview.with(|p| {
                if let Some((name, p)) = p {
                    html.push_str(&preview_html(t, plan, name, p));
                }
            });
            let b = breakdown_of(plan, lang).ok();
            errors.with(|errors| {
                let view = EntryView {
                    month: m,
                    search: &s,
                    page: pg,
                    errors,
                };
                html.push_str(&entry_html(t, lang, plan, b.as_ref(), &view));
            });
            html
        })
    };
    let on_action = move |action: &str, gesture: Gesture, el: &web_sys::Element| {
        let mut parts = action.split('|');
        match (parts.next().unwrap_or(""), gesture) {
            ("month", Gesture::Change) => {
                if let Ok(m) = value_of(el).parse() {
                    month.set(m);
                    page.set(0);
                    errors.set(Vec::new());
                }
            }
            ("search", Gesture::Change | Gesture::Enter) => {
                search.set(value_of(el));
                page.set(0);
            }
            ("page", Gesture::Click) => {
                if let Some(n) = parts.next().and_then(|n| n.parse().ok()) {
                    page.set(n);
                }
            }
            ("set", Gesture::Change | Gesture::Enter) => {
                let (Some(id), Some(key)) = (parts.next(), parts.next()) else {
                    return;
                };
                set_figure(id, key, &value_of(el), month.get_untracked(), errors);
            }
            ("import", Gesture::Change) => read_picked(
                el,
                Box::new(move |name, bytes| {
                    let p = exec.plan.with_untracked(|plan| parse_actuals(plan, &bytes));
                    preview.set(Some((name, p)));
                }),
            ),
            (kind @ ("apply" | "apply-skip"), Gesture::Click) => {
                let Some((file, p)) = preview.get_untracked() else {
                    return;
                };
                let stored = store_import(&file, p.rows.len(), &mut |plan| {
                    apply_actuals(plan, &p, kind == "apply-skip")
                        .map(|s| (s.rows, s.months, s.replaced))
                });
                if let Some(months) = stored {
                    preview.set(None);
                    if let Some(m) = months.last() {
                        month.set(*m);
                    }
                    exec.as_of.set(None);
                }
            }
            ("cancel", _) => preview.set(None),
            ("problems", _) => preview.with_untracked(|p| {
                if let Some((file, p)) = p {
                    download_problems(file, p.problems.iter().map(|x| t.problem(x)).collect());
                }
            }),
            ("template", _) => download_csv(
                "actuals template",
                &exec.plan.with_untracked(actuals_template),
            ),
            ("export", _) => download_csv("actuals", &exec.plan.with_untracked(actuals_csv)),
            ("demo", _) => {
                exec.change(t.demo_done.to_string(), &mut |p| {
                    let empty = p.execution.is_empty();
                    if empty {
                        p.execution = sample_execution(p, 3);
                    }
                    empty
                });
                if let Some(m) = exec.plan.with_untracked(latest_actual_month) {
                    month.set(m);
                }
                exec.notify(t.demo_done.to_string(), true);
            }
            _ => {}
        }
    };
    super::page_frame(
        t.page_actuals,
        t.actuals_intro,
        html_view("card", "actuals", render, on_action),
    )
}

/// Sets one figure of a salesperson's month; empty means zero, and a month left with nothing
/// is removed. A refused value stays in its input with the reason.
fn set_figure(id: &str, key: &str, text: &str, month: YearMonth, errors: RwSignal<Errors>) {
    let exec = use_exec();
    let t = exec.t();
    let Some(figure) = Figure::ALL.into_iter().find(|f| f.key() == key) else {
        return;
    };
    let forget = |errors: &mut Errors| errors.retain(|(p, k, _, _)| !(p == id && k == key));
    let value = if text.trim().is_empty() {
        Ok(rust_decimal::Decimal::ZERO)
    } else {
        parse_non_negative(text)
    };
    let value = match value {
        Ok(v) => v,
        Err(e) => {
            let message = format!("{}: {}", t.field_label(key), t.field_error(&e));
            errors.update(|errors| {
                forget(errors);
                errors.push((id.into(), key.into(), text.into(), message));
            });
            return;
        }
    };
    let name = exec.plan.with_untracked(|p| {
        p.salesperson(id)
            .map(|x| x.name.clone())
            .unwrap_or_default()
    });
    let what = format!(
        "{} · {name} · {month} · {}: {text}",
        t.page_actuals,
        t.field_label(key)
    );
    let result = exec.edit(what, &mut |p| {
        let current = p
            .execution
            .actuals
            .get(id)
            .and_then(|m| m.get(&month))
            .copied()
            .unwrap_or_default();
        let mut figures: [rust_decimal::Decimal; 3] = current.into();
        figures[figure.index()] = value;
        let next = Actual::from(figures);
        if next == Actual::default() {
            remove_actual(p, id, month);
            Ok(())
        } else {
            set_actual(p, id, month, next)
        }
    });
    errors.update(|errors| {
        forget(errors);
        if let Err(message) = result {
            errors.push((id.into(), key.into(), text.into(), message));
        }
    });
}
