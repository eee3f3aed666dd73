//! The territory tree: company → region → sub-district → salesperson, by mouse and keyboard.

use leptos::prelude::*;
use web_sys::KeyboardEvent;

use super::actions;
use super::state::use_app;
use super::tree_row::TreeRowView;
use crate::view::tree_rows::{RowKind, TreeRow, dom_id, visible_rows};

#[component]
pub fn Tree() -> impl IntoView {
    let app = use_app();
    let rows = Memo::new(move |_| {
        app.plan.with(|plan| {
            app.scenario.with(|sid| {
                app.expanded
                    .with(|open| visible_rows(plan, plan.scenario(sid), open))
            })
        })
    });

    let on_keydown = move |ev: KeyboardEvent| {
        let handled = rows.with_untracked(|rows| handle_key(&ev, rows));
        if handled {
            ev.prevent_default();
            ev.stop_propagation();
        }
    };

    view! {
        <section class="tree-panel" aria-labelledby="tree-title">
            <div class="panel-head">
                <h2 id="tree-title">{app.t_now().territory}</h2>
                <button class="btn" id="add-region" on:click=move |_| actions::add_child(None)>
                    "+ " {app.t_now().add_region}
                </button>
            </div>
            <ul class="tree" role="tree" aria-labelledby="tree-title" on:keydown=on_keydown>
                <For each=move || rows.get() key=|row: &TreeRow| row.clone() let:row>
                    <TreeRowView row=row />
                </For>
            </ul>
            <p class="hint">{app.t_now().tree_help}</p>
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
                // The row is redrawn with its new state; keep the keyboard on it.
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
    use web_sys::wasm_bindgen::JsCast;
    if let Some(el) = document()
        .get_element_by_id(dom_id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}
