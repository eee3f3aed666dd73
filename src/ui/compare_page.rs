//! Scenarios side by side (two or three), per region, sub-district and salesperson.

use std::collections::HashSet;

use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::html_view::{Gesture, html_view};
use super::state::use_app;
use crate::core::scenario::Measure;
use crate::view::compare::{compare, compare_html, picker_html};

/// At most this many scenarios side by side (more would not fit a projector).
const MAX_SCENARIOS: usize = 3;

#[component]
pub fn ComparePage() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let chosen = RwSignal::new(app.plan.with_untracked(|p| {
        let mut ids = vec![p.adopted_scenario.clone()];
        ids.extend(
            p.scenarios
                .iter()
                .map(|s| s.id.clone())
                .filter(|id| *id != p.adopted_scenario)
                .take(1),
        );
        ids
    }));
    let measure = RwSignal::new(Measure::Amount);
    let expanded = RwSignal::new(HashSet::<String>::new());
    let render = move || {
        let ids = chosen.get();
        let m = measure.get();
        app.plan.with(|p| {
            let c = compare(t, p, &ids, m);
            let mut html = picker_html(t, p, &ids, m);
            expanded.with(|e| html.push_str(&compare_html(t, p, &c, m, e)));
            html
        })
    };
    let on_action = move |action: &str, gesture: Gesture, el: &web_sys::Element| {
        let Some((kind, arg)) = action.split_once('|') else {
            return;
        };
        match (kind, gesture) {
            ("pick", Gesture::Change) => {
                let on = el
                    .dyn_ref::<web_sys::HtmlInputElement>()
                    .is_some_and(|i| i.checked());
                chosen.update(|ids| {
                    ids.retain(|x| x != arg);
                    if on {
                        ids.push(arg.to_string());
                        if ids.len() > MAX_SCENARIOS {
                            ids.remove(0);
                        }
                    }
                });
            }
            ("measure", _) => measure.set(if arg == "quantity" {
                Measure::Quantity
            } else {
                Measure::Amount
            }),
            ("toggle", _) => expanded.update(|e| {
                if !e.remove(arg) {
                    e.insert(arg.to_string());
                }
            }),
            _ => {}
        }
    };
    view! {
        <div class="compare-page">
            <h2>{t.view_compare}</h2>
            {html_view("card compare-card", "compare", render, on_action)}
        </div>
    }
}
