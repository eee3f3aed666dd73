//! The editor beside the tree: the fields of whatever node is selected.

use leptos::prelude::*;

use super::html_form::html_form;
use super::state::use_app;
use crate::view::detail_forms::detail_html;

#[component]
pub fn Detail() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    view! {
        <section class="detail-panel" aria-live="polite">
            {move || {
                // A fresh form (and fresh errors) for each selected node.
                let selected = app.selected.get();
                html_form("detail-form", move |errors| {
                    let sid = app.scenario.get();
                    app.plan.with(|p| {
                        let mut html = detail_html(t, p, &sid, selected.as_deref(), errors);
                        // A sub-district's target customers have records on the execution pages.
                        let is_subdistrict = selected.as_deref().is_some_and(|id| p.subdistrict(id).is_some());
                        if is_subdistrict {
                            html.push_str(&format!(
                                "<p><a class=\"btn link\" id=\"open-archive\" href=\"{}#/customers\">{}</a></p>",
                                super::app::execution_href(),
                                t.open_archive
                            ));
                        }
                        html
                    })
                })
            }}
        </section>
    }
}
