//! "Why this number" for the selected row, with its lock (and manual number, under the manual
//! method) for the measure on screen.

use leptos::prelude::*;

use super::breakdown_page::use_breakdown;
use super::html_form::html_form;
use super::state::use_app;
use crate::core::breakdown::explain_in;
use crate::core::scenario::Level;
use crate::core::tree::NodePos;
use crate::view::explain_html::explanation_html;
use crate::view::html::push_element;
use crate::view::lock_form::lock_html;

#[component]
pub fn ExplainPanel() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let bv = use_breakdown();
    // One form: the lock fields, then the explanation (plain text, redrawn in place).
    let panel = html_form("card explain-panel", move |errors| {
        let measure = app.measure.get();
        let selected = app.selected.get();
        let sid = app.scenario.get();
        let mut out = String::new();
        push_element(&mut out, "h2", "id=\"why-title\"", t.why_title);
        if let Some(id) = &selected {
            let current = bv.shown.with(|s| {
                s.as_ref()
                    .and_then(|s| s.bd.find(id).map(|i| s.bd.annual(i, measure)))
            });
            app.plan.with(|p| {
                let level = match p.locate(id) {
                    Some(NodePos::Region(..)) => Level::Region,
                    Some(NodePos::Subdistrict(..)) => Level::Subdistrict,
                    Some(NodePos::Salesperson(..)) => Level::Salesperson,
                    None => return,
                };
                if let Some(s) = p.scenario(&sid) {
                    out.push_str(&lock_html(
                        t,
                        s,
                        id,
                        measure,
                        current,
                        s.methods.get(level),
                        errors,
                    ));
                }
            });
        }
        let why = bv.shown.with(|s| {
            let s = s.as_ref()?;
            let id = selected.clone().unwrap_or_else(|| s.plan.id.clone());
            let x = explain_in(&s.bd, &s.plan, &s.scenario, &id).ok()?;
            Some(explanation_html(t, &x, measure))
        });
        out.push_str("<div class=\"explain-body\" id=\"explain-body\">");
        match why {
            Some(html) => out.push_str(&html),
            None => push_element(&mut out, "p", "class=\"note\"", t.select_to_explain),
        }
        out.push_str("</div>");
        out
    });
    view! { <aside class="explain-host" aria-labelledby="why-title">{panel}</aside> }
}
