//! "Why this number" for the selected row, with its lock (and manual number, under the manual
//! method) for the measure on screen.

use leptos::html::Div;
use leptos::prelude::*;

use super::breakdown_page::use_breakdown;
use super::html_form::html_form;
use super::state::use_app;
use crate::core::breakdown::explain_in;
use crate::core::scenario::Level;
use crate::core::tree::NodePos;
use crate::view::explain_html::explanation_html;
use crate::view::lock_form::lock_html;

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

    let lock_box = html_form("lock-form", move |errors| {
        let Some(id) = app.selected.get() else {
            return String::new();
        };
        let sid = app.scenario.get();
        let measure = app.measure.get();
        let current = bv.shown.with(|s| {
            s.as_ref()
                .and_then(|s| s.bd.find(&id).map(|i| s.bd.annual(i, measure)))
        });
        app.plan.with(|p| {
            let level = match p.locate(&id) {
                Some(NodePos::Region(..)) => Level::Region,
                Some(NodePos::Subdistrict(..)) => Level::Subdistrict,
                Some(NodePos::Salesperson(..)) => Level::Salesperson,
                None => return String::new(),
            };
            p.scenario(&sid)
                .map(|s| lock_html(t, s, &id, measure, current, s.methods.get(level), errors))
                .unwrap_or_default()
        })
    });
    view! {
        <aside class="card explain-panel" aria-labelledby="why-title">
            <h2 id="why-title">{t.why_title}</h2>
            {lock_box}
            <div class="explain-body" node_ref=body id="explain-body"></div>
        </aside>
    }
}
