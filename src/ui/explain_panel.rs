//! "Why this number" for the selected row, with its lock (and manual number, under the manual
//! method) for the measure on screen.

use leptos::html::Div;
use leptos::prelude::*;

use super::breakdown_page::use_breakdown;
use super::field::Field;
use super::state::use_app;
use crate::core::breakdown::explain_in;
use crate::core::field::parse_non_negative;
use crate::core::scenario::{Level, Method};
use crate::i18n::fill;
use crate::view::explain_html::explanation_html;

#[component]
pub fn ExplainPanel() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let bv = use_breakdown();
    let body = NodeRef::<Div>::new();

    Effect::new(move |_| {
        let Some(el) = body.get() else { return };
        let measure = app.measure.get();
        let selected = app.selected.get();
        let html = bv.shown.with(|s| {
            let s = s.as_ref()?;
            let id = selected.clone().unwrap_or_else(|| s.plan.id.clone());
            let x = explain_in(&s.bd, &s.plan, &s.scenario, &id).ok()?;
            Some(explanation_html(t, &x, measure))
        });
        el.set_inner_html(
            &html.unwrap_or_else(|| format!("<p class=\"note\">{}</p>", t.select_to_explain)),
        );
    });

    // The selected node's level and the method that splits its parent (for the manual field).
    let node = Memo::new(move |_| {
        let id = app.selected.get()?;
        let sid = app.scenario.get();
        app.plan.with(|p| {
            let level = match p.locate(&id)? {
                crate::core::tree::NodePos::Region(..) => Level::Region,
                crate::core::tree::NodePos::Subdistrict(..) => Level::Subdistrict,
                crate::core::tree::NodePos::Salesperson(..) => Level::Salesperson,
            };
            let method = p.scenario(&sid)?.methods.get(level);
            Some((id, method))
        })
    });
    let lock_value = move || {
        let (id, _) = node.get()?;
        let sid = app.scenario.get();
        let measure = app.measure.get();
        app.plan
            .with(|p| p.scenario(&sid)?.locks.get(&id)?.get(measure))
    };
    let current_value = move || {
        let (id, _) = node.get()?;
        let measure = app.measure.get();
        bv.shown.with(|s| {
            s.as_ref()
                .and_then(|s| s.bd.find(&id).map(|i| s.bd.annual(i, measure)))
        })
    };
    let set_value = move |manual: bool, text: String| -> Result<(), String> {
        let Some((id, _)) = node.get_untracked() else {
            return Ok(());
        };
        let value = if manual && text.trim().is_empty() {
            None
        } else {
            Some(parse_non_negative(&text).map_err(|e| t.field_error(&e))?)
        };
        let sid = app.scenario.get_untracked();
        let measure = app.measure.get_untracked();
        app.edit(|p| {
            if let Some(s) = p.scenario_mut(&sid) {
                let map = if manual { &mut s.manual } else { &mut s.locks };
                let entry = map.entry(id.clone()).or_default();
                entry.set(measure, value);
                if entry.is_empty() {
                    map.remove(&id);
                }
            }
        });
        Ok(())
    };
    let unlock = move |_| {
        let _ = set_value_none(&node.get_untracked().map(|n| n.0));
    };
    let manual_value = move || {
        let (id, _) = node.get()?;
        let sid = app.scenario.get();
        let measure = app.measure.get();
        app.plan
            .with(|p| p.scenario(&sid)?.manual.get(&id)?.get(measure))
            .map(|v| v.to_string())
    };
    let measure_name = move || t.measure(app.measure.get());
    view! {
        <aside class="card explain-panel" aria-labelledby="why-title">
            <h2 id="why-title">{t.why_title}</h2>
            <Show when=move || node.with(Option::is_some)>
                <div class="lock-box">
                    {move || match lock_value() {
                        Some(v) => view! {
                            <p class="locked-at" id="locked-at">"🔒 " {fill(t.x_basis_locked, &[&crate::view::numbers::grouped(v)])}
                                <button class="btn" id="unlock" on:click=unlock>{t.unlock}</button>
                            </p>
                        }.into_any(),
                        None => view! {
                            <Field id="lock-value" numeric=true label=fill(t.lock_at, &[measure_name()])
                                value=Signal::derive(move || current_value().map(|v| v.to_string()).unwrap_or_default())
                                commit=Callback::new(move |text: String| set_value(false, text)) />
                        }.into_any(),
                    }}
                    <Show when=move || node.with(|n| n.as_ref().is_some_and(|(_, m)| *m == Method::Manual))>
                        <Field id="manual-value" numeric=true label=Signal::derive(move || fill(t.manual_value, &[measure_name()]))
                            value=Signal::derive(move || manual_value().unwrap_or_default())
                            commit=Callback::new(move |text: String| set_value(true, text)) />
                    </Show>
                </div>
            </Show>
            <div class="explain-body" node_ref=body id="explain-body"></div>
        </aside>
    }
}

/// Removes the lock of the measure on screen from a node.
fn set_value_none(id: &Option<String>) -> Option<()> {
    let app = use_app();
    let id = id.clone()?;
    let sid = app.scenario.get_untracked();
    let measure = app.measure.get_untracked();
    app.edit(|p| {
        if let Some(s) = p.scenario_mut(&sid)
            && let Some(entry) = s.locks.get_mut(&id)
        {
            entry.set(measure, None);
            if entry.is_empty() {
                s.locks.remove(&id);
            }
        }
    });
    Some(())
}
