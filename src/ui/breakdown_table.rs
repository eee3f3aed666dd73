//! The live breakdown table: tree rows × period and months. Rows are drawn as HTML text, and
//! only those in view, so ten thousand salespeople scroll smoothly; clicks are handled once for
//! the whole table.

use std::collections::HashMap;

use leptos::html::Div;
use leptos::prelude::*;
use web_sys::wasm_bindgen::JsCast;

use super::breakdown_page::use_breakdown;
use super::state::use_app;
use crate::view::breakdown_table::{
    ROW_HEIGHT, RowContext, annual_by_id, rows_html, visible_nodes,
};

/// Rows drawn above and below the visible ones, so a quick scroll shows no gap.
const OVERSCAN: usize = 8;

#[component]
pub fn BreakdownTable() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let bv = use_breakdown();
    let scroller = NodeRef::<Div>::new();
    let body = NodeRef::<leptos::html::Tbody>::new();
    let scroll_top = RwSignal::new(0u32);
    let viewport = RwSignal::new(600u32);

    let visible = Memo::new(move |_| {
        bv.shown.with(|s| {
            s.as_ref()
                .map(|s| app.bd_expanded.with(|e| visible_nodes(&s.bd, e)))
                .unwrap_or_default()
        })
    });
    // Annual values before the last recomputation, to highlight what moved.
    let previous = StoredValue::new(None::<HashMap<String, i64>>);
    let current = StoredValue::new(None::<HashMap<String, i64>>);
    super::effect(move || {
        let measure = app.measure.get();
        let now = bv
            .shown
            .with(|s| s.as_ref().map(|s| annual_by_id(&s.bd, measure)));
        let before = current.get_value();
        previous.set_value(before);
        current.set_value(now);
    });

    super::effect(move || {
        let Some(tbody) = body.get() else { return };
        let measure = app.measure.get();
        let selected = app.selected.get();
        let top = scroll_top.get();
        let height = viewport.get();
        let html = bv.shown.with(|s| {
            let Some(s) = s else { return String::new() };
            visible.with(|rows| {
                app.bd_expanded.with(|expanded| {
                    let first = (top / ROW_HEIGHT) as usize;
                    let start = first.saturating_sub(OVERSCAN).min(rows.len());
                    let end = (first + (height / ROW_HEIGHT) as usize + OVERSCAN).min(rows.len());
                    let previous = previous.get_value();
                    let cx = RowContext {
                        plan: &s.plan,
                        scenario: &s.scenario,
                        bd: &s.bd,
                        measure,
                        expanded,
                        selected: selected.as_deref(),
                        previous: previous.as_ref(),
                        labels: (t.expand, t.collapse, t.locked),
                    };
                    let cols = s.bd.months().len() + 2;
                    let spacer = |rows: usize| {
                        if rows == 0 {
                            String::new()
                        } else {
                            format!("<tr class=\"spacer\" style=\"height:{}px\"><td colspan=\"{cols}\"></td></tr>", rows as u32 * ROW_HEIGHT)
                        }
                    };
                    let mut html = spacer(start);
                    html.push_str(&rows_html(&cx, &rows[start..end]));
                    html.push_str(&spacer(rows.len() - end));
                    html
                })
            })
        });
        tbody.set_inner_html(&html);
    });

    let on_scroll = move |_| {
        if let Some(el) = scroller.get() {
            scroll_top.set(el.scroll_top().max(0) as u32);
            viewport.set(el.client_height().max(0) as u32);
        }
    };
    super::effect(move || {
        if let Some(el) = scroller.get() {
            viewport.set(el.client_height().max(0) as u32);
        }
    });

    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if let Ok(Some(toggle)) = target.closest("[data-toggle]") {
            if let Some(id) = toggle.get_attribute("data-toggle") {
                app.bd_expanded.update(|e| {
                    if !e.remove(&id) {
                        e.insert(id);
                    }
                });
            }
            return;
        }
        if let Ok(Some(row)) = target.closest("tr[data-node]")
            && let Some(id) = row.get_attribute("data-node")
        {
            select_row(&id);
        }
    };

    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        let Some(s) = bv.shown.get_untracked() else {
            return;
        };
        let rows = visible.get_untracked();
        let nodes = s.bd.nodes();
        let selected = app.selected.get_untracked();
        let current = rows
            .iter()
            .position(|&i| match &selected {
                Some(id) => nodes[i].id == *id,
                None => i == 0,
            })
            .unwrap_or(0);
        let target = match key.as_str() {
            "ArrowDown" => rows.get(current + 1).copied(),
            "ArrowUp" => current.checked_sub(1).and_then(|c| rows.get(c).copied()),
            "ArrowRight" | "ArrowLeft" => {
                let id = nodes[rows[current]].id.clone();
                app.bd_expanded.update(|e| {
                    if key == "ArrowRight" {
                        e.insert(id);
                    } else {
                        e.remove(&id);
                    }
                });
                None
            }
            _ => return,
        };
        ev.prevent_default();
        if let Some(i) = target {
            select_row(&nodes[i].id.clone());
            if let Some(el) = scroller.get() {
                let pos = rows.iter().position(|&r| r == i).unwrap_or(0) as i32 * ROW_HEIGHT as i32;
                let (top, height) = (el.scroll_top(), el.client_height());
                if pos < top + ROW_HEIGHT as i32 {
                    el.set_scroll_top((pos - ROW_HEIGHT as i32).max(0));
                } else if pos + 2 * ROW_HEIGHT as i32 > top + height {
                    el.set_scroll_top(pos + 2 * ROW_HEIGHT as i32 - height);
                }
            }
        }
    };

    // The header row follows the period's months.
    let head = NodeRef::<leptos::html::Tr>::new();
    super::effect(move || {
        let Some(tr) = head.get() else { return };
        let mut html = format!(
            "<th scope=\"col\" class=\"name\">{}</th><th scope=\"col\" class=\"year\">{}</th>",
            t.name, t.col_year
        );
        bv.shown.with(|s| {
            for m in s.iter().flat_map(|s| s.bd.months()) {
                html.push_str("<th scope=\"col\">");
                html.push_str(t.month_name(m.month));
                html.push_str("</th>");
            }
        });
        tr.set_inner_html(&html);
    });
    view! {
        <div class="bd-scroll" node_ref=scroller tabindex="0" on:scroll=on_scroll on:click=on_click on:keydown=on_key
            aria-label=t.view_breakdown id="breakdown-table">
            <table class="bd-table">
                <thead>
                    <tr node_ref=head></tr>
                </thead>
                <tbody node_ref=body></tbody>
            </table>
        </div>
    }
}

/// Selects a row of the table; the company row is the plan itself.
fn select_row(id: &str) {
    let app = use_app();
    let is_company = app.plan.with_untracked(|p| p.id == id);
    app.selected.set(if is_company {
        None
    } else {
        Some(id.to_string())
    });
}
