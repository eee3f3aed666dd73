//! One row of the territory tree: twisty, name, tier, a short note and the row's tools.

use leptos::prelude::*;

use super::tree_state::TreeState;
use crate::ui::state::use_app;
use crate::view::tree_rows::{RowKind, TreeRow};

/// A tree row. Its selection mark is a signal of its own, so selecting another node redraws
/// only the rows whose mark changes.
#[component]
pub fn TreeRowItem(
    /// What the row shows; a row showing something else is another row.
    row: TreeRow,
) -> impl IntoView {
    let app = use_app();
    let tree = expect_context::<TreeState>();
    let t = app.t_now();
    let id = row.id.clone();
    let selected = {
        let id = id.clone();
        Memo::new(move |_| app.selected.with(|s| *s == id))
    };
    let class = format!("tree-row depth-{} {}", row.depth(), row.kind.class());
    let node = StoredValue::new(id.clone());
    let on_click = move |_| {
        let id = node.get_value();
        tree.select(id);
    };

    let twisty = if row.expandable() {
        let (glyph, label) = if row.expanded {
            ("▾", t.collapse)
        } else {
            ("▸", t.expand)
        };
        view! {
            <button type="button" class="twisty" tabindex="-1" aria-label=label title=label
                on:click=move |ev| {
                    ev.stop_propagation();
                    if let Some(id) = node.get_value() {
                        tree.toggle(&id);
                    }
                }>{glyph}</button>
        }
        .into_any()
    } else {
        view! { <span class="twisty"></span> }.into_any()
    };
    let tier = row.tier.map(|tier| {
        view! { <span class=format!("tier-badge tier-{}", tier.key())>{t.tier(tier)}</span> }
    });
    let add = match row.kind {
        RowKind::Company => Some(t.add_region),
        RowKind::Region => Some(t.add_subdistrict),
        RowKind::Subdistrict => Some(t.add_salesperson),
        RowKind::Salesperson => None,
    }
    .map(|label| {
        view! {
            <button type="button" class="icon add" tabindex="-1" title=label aria-label=label
                on:click=move |ev| {
                    ev.stop_propagation();
                    tree.add_child(node.get_value());
                }>"+"</button>
        }
    });
    let tools = id.is_some().then(|| {
        let act = move |delta: isize| {
            move |ev: leptos::ev::MouseEvent| {
                ev.stop_propagation();
                if let Some(id) = node.get_value() {
                    tree.move_node(&id, delta);
                }
            }
        };
        view! {
            <button type="button" class="icon" tabindex="-1" title=t.move_up aria-label=t.move_up
                on:click=act(-1)>"↑"</button>
            <button type="button" class="icon" tabindex="-1" title=t.move_down
                aria-label=t.move_down on:click=act(1)>"↓"</button>
            <button type="button" class="icon danger" tabindex="-1" title=t.delete_node
                aria-label=t.delete_node
                on:click=move |ev| {
                    ev.stop_propagation();
                    if let Some(id) = node.get_value() {
                        tree.delete(&id);
                    }
                }>"✕"</button>
        }
    });

    let dom_id = row.dom_id();
    let level = row.depth() + 1;
    let expanded = row
        .expandable()
        .then_some(if row.expanded { "true" } else { "false" });
    view! {
        <li role="treeitem" id=dom_id class=class class:selected=move || selected.get()
            attr:aria-level=level
            aria-selected=move || if selected.get() { "true" } else { "false" }
            aria-expanded=expanded
            tabindex=move || if selected.get() { "0" } else { "-1" }
            on:click=on_click>
            {twisty}
            <span class="row-name">{row.name}</span>
            {tier}
            <span class="row-detail">{row.detail}</span>
            <span class="row-tools">{add} {tools}</span>
        </li>
    }
}
