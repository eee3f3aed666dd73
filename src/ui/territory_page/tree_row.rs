//! One row of the territory tree: twisty, name, tier, a short note and the row's tools.

use leptos::prelude::*;

use super::tree_state::TreeState;
use crate::ui::state::use_app;
use crate::view::tree_rows::{RowKind, TreeRow, dom_id};

/// A tree row, kept for its node while it is in view: a rename, a fold or a selection changes
/// the row in place (it keeps the keyboard focus), and selecting another node redraws only the
/// rows whose selection mark changes.
#[component]
pub fn TreeRowItem(
    /// The node's id (`None`: the company).
    id: Option<String>,
    /// The node's kind, which never changes for an id.
    kind: RowKind,
    /// What the row shows, as it changes.
    #[prop(into)]
    row: Signal<TreeRow>,
) -> impl IntoView {
    let app = use_app();
    let tree = expect_context::<TreeState>();
    let t = app.t_now();
    let selected = {
        let id = id.clone();
        Memo::new(move |_| app.selected.with(|s| *s == id))
    };
    let node = StoredValue::new(id.clone());
    let expandable = Memo::new(move |_| row.with(TreeRow::expandable));
    let expanded = Memo::new(move |_| row.with(|r| r.expanded));

    let twisty = move || {
        if expandable.get() {
            let (glyph, label) = if expanded.get() {
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
        }
    };
    let tier = move || {
        row.with(|r| r.tier).map(|tier| {
            view! { <span class=format!("tier-badge tier-{}", tier.key())>{t.tier(tier)}</span> }
        })
    };
    let add = match kind {
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

    view! {
        <li role="treeitem" id=dom_id(id.as_deref())
            class=format!("tree-row depth-{} {}", kind.depth(), kind.class())
            class:selected=move || selected.get()
            class:adding-into={
                let id = id.clone();
                move || tree.is_adding_into(id.as_deref())
            }
            attr:aria-level=kind.depth() + 1
            aria-selected=move || if selected.get() { "true" } else { "false" }
            aria-expanded=move || {
                expandable.get().then_some(if expanded.get() { "true" } else { "false" })
            }
            tabindex=move || if selected.get() { "0" } else { "-1" }
            on:click=move |_| tree.select(node.get_value())>
            {twisty}
            <span class="row-name">{move || row.with(|r| r.name.clone())}</span>
            {tier}
            <span class="row-detail">{move || row.with(|r| r.detail.clone())}</span>
            <span class="row-tools">{add} {tools}</span>
        </li>
    }
}
