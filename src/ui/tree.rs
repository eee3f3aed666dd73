//! The territory tree: company → region → sub-district → salesperson, by mouse and keyboard.
//! Rows are drawn as HTML (see `view::tree_rows`) and updated in place.

use leptos::html::Ul;
use leptos::prelude::*;
use web_sys::KeyboardEvent;
use web_sys::wasm_bindgen::JsCast;

use super::actions;
use super::morph::morph_inner;
use super::state::use_app;
use crate::view::tree_rows::{RowKind, RowLabels, TreeRow, dom_id, tree_html, visible_rows};

#[component]
pub fn Tree() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let list = NodeRef::<Ul>::new();
    let rows = Memo::new(move |_| {
        app.plan.with(|plan| {
            app.scenario.with(|sid| {
                app.expanded
                    .with(|open| visible_rows(plan, plan.scenario(sid), open))
            })
        })
    });
    let labels = RowLabels {
        add: [t.add_region, t.add_subdistrict, t.add_salesperson],
        up: t.move_up,
        down: t.move_down,
        delete: t.delete_node,
        expand: t.expand,
        collapse: t.collapse,
    };
    super::effect(move || {
        let selected = app.selected.get();
        let html = rows.with(|r| tree_html(r, selected.as_deref(), |tier| t.tier(tier), &labels));
        let Some(el) = list.get() else { return };
        let had_focus = document()
            .active_element()
            .is_some_and(|a| el.contains(Some(&a)));
        morph_inner(&el, &html);
        // Rows are reused by position: keep the keyboard on the selected node.
        if had_focus {
            focus_element(&dom_id(selected.as_deref()));
        }
    });

    let on_keydown = move |ev: KeyboardEvent| {
        if rows.with_untracked(|rows| handle_key(&ev, rows)) {
            ev.prevent_default();
            ev.stop_propagation();
        }
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some(target) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Ok(Some(row)) = target.closest("li[data-node]") else {
            return;
        };
        let id = row.get_attribute("data-node").filter(|s| !s.is_empty());
        let action = target
            .closest("button[data-action]")
            .ok()
            .flatten()
            .and_then(|b| b.get_attribute("data-action"));
        match (action.as_deref(), &id) {
            (Some("toggle"), _) => {
                let open = row.get_attribute("aria-expanded").as_deref() == Some("true");
                actions::set_expanded(id.as_deref(), !open);
            }
            (Some("add"), _) => actions::add_child(id),
            (Some("up"), Some(node)) => actions::move_among_siblings(node, -1),
            (Some("down"), Some(node)) => actions::move_among_siblings(node, 1),
            (Some("delete"), Some(node)) => actions::delete_node(node),
            _ => actions::select(id),
        }
    };

    view! {
        <section class="tree-panel" aria-labelledby="tree-title">
            <div class="panel-head">
                <h2 id="tree-title">{t.territory}</h2>
                <span class="head-actions">
                    <button class="btn" id="territory-csv" on:click=move |_| actions::export_territory_csv()>{t.export_csv}</button>
                    <button class="btn" id="add-region" on:click=move |_| actions::add_child(None)>
                        "+ " {t.add_region}
                    </button>
                </span>
            </div>
            <ul class="tree" role="tree" aria-labelledby="tree-title" node_ref=list on:keydown=on_keydown on:click=on_click></ul>
            <p class="hint">{t.tree_help}</p>
        </section>
    }
}

/// Keyboard navigation of the tree, in the way of the WAI-ARIA tree pattern.
fn handle_key(ev: &KeyboardEvent, rows: &[TreeRow]) -> bool {
    let app = use_app();
    let selected = app.selected.get_untracked();
    let Some(i) = rows.iter().position(|r| r.id == selected) else {
        return false;
    };
    let row = &rows[i];
    let select = |target: Option<&TreeRow>| {
        if let Some(t) = target {
            actions::select(t.id.clone());
            focus_row(t.id.clone());
        }
    };
    match (ev.key().as_str(), ev.alt_key()) {
        ("ArrowUp", true) | ("ArrowDown", true) => {
            if let Some(id) = &row.id {
                actions::move_among_siblings(id, if ev.key() == "ArrowUp" { -1 } else { 1 });
                focus_row(row.id.clone());
            }
        }
        ("ArrowDown", false) => select(rows.get(i + 1)),
        ("ArrowUp", false) => select(i.checked_sub(1).and_then(|j| rows.get(j))),
        ("Home", _) => select(rows.first()),
        ("End", _) => select(rows.last()),
        ("ArrowRight", _) => {
            if row.children > 0 && !row.expanded {
                actions::set_expanded(row.id.as_deref(), true);
                focus_row(row.id.clone());
            } else if row.children > 0 {
                select(rows.get(i + 1));
            }
        }
        ("ArrowLeft", _) => {
            if row.expanded && row.kind != RowKind::Company {
                actions::set_expanded(row.id.as_deref(), false);
                focus_row(row.id.clone());
            } else if row.kind != RowKind::Company {
                let parent = row.parent.clone();
                actions::select(parent.clone());
                focus_row(parent);
            }
        }
        ("Enter", _) | ("F2", _) => focus_element("detail-name"),
        ("Insert", _) | ("+", _) => actions::add_child(row.id.clone()),
        ("Delete", _) => {
            if let Some(id) = &row.id {
                let next = rows
                    .get(i + 1)
                    .filter(|r| r.depth() >= row.depth() && r.kind == row.kind);
                let fallback = next
                    .map(|r| r.id.clone())
                    .unwrap_or_else(|| rows[i - 1].id.clone());
                actions::delete_node(id);
                actions::select(fallback.clone());
                focus_row(fallback);
            }
        }
        _ => return false,
    }
    true
}

/// Moves keyboard focus to a tree row once it is drawn.
pub fn focus_row(id: Option<String>) {
    let dom = dom_id(id.as_deref());
    request_animation_frame(move || focus_element(&dom));
}

pub fn focus_element(dom_id: &str) {
    if let Some(el) = document()
        .get_element_by_id(dom_id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
