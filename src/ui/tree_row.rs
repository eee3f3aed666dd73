//! One row of the territory tree.

use leptos::prelude::*;

use super::actions;
use super::state::use_app;
use crate::view::tree_rows::{RowKind, TreeRow};

#[component]
pub fn TreeRowView(row: TreeRow) -> impl IntoView {
    let app = use_app();
    let id = row.id.clone();
    let is_selected = {
        let id = id.clone();
        Memo::new(move |_| app.selected.with(|s| *s == id))
    };
    let kind_class = match row.kind {
        RowKind::Company => "company",
        RowKind::Region => "region",
        RowKind::Subdistrict => "subdistrict",
        RowKind::Salesperson => "salesperson",
    };
    let toggle = {
        let id = id.clone();
        let expanded = row.expanded;
        (row.children > 0 && row.kind != RowKind::Company).then(|| {
            view! {
                <button
                    class="twisty"
                    tabindex="-1"
                    aria-label=move || if expanded { app.t_now().collapse } else { app.t_now().expand }
                    on:click=move |ev| {
                        ev.stop_propagation();
                        actions::set_expanded(id.as_deref(), !expanded);
                    }
                >
                    {if expanded { "▾" } else { "▸" }}
                </button>
            }
        })
    };
    let tier = row.tier.map(|t| {
        view! { <span class=format!("tier-badge tier-{}", t.key())>{move || app.t_now().tier(t)}</span> }
    });
    let add_label = move || match row.kind {
        RowKind::Company => app.t_now().add_region,
        RowKind::Region => app.t_now().add_subdistrict,
        _ => app.t_now().add_salesperson,
    };
    let select_id = id.clone();
    let add_id = id.clone();
    let actions_view = id.clone().map(|node| {
        let up = node.clone();
        let down = node.clone();
        let del = node.clone();
        view! {
            <span class="row-actions">
                <button class="icon" tabindex="-1" title=app.t_now().move_up aria-label=app.t_now().move_up
                    on:click=move |ev| { ev.stop_propagation(); actions::move_among_siblings(&up, -1); }>"↑"</button>
                <button class="icon" tabindex="-1" title=app.t_now().move_down aria-label=app.t_now().move_down
                    on:click=move |ev| { ev.stop_propagation(); actions::move_among_siblings(&down, 1); }>"↓"</button>
                <button class="icon danger" tabindex="-1" title=app.t_now().delete_node aria-label=app.t_now().delete_node
                    on:click=move |ev| { ev.stop_propagation(); actions::delete_node(&del); }>"✕"</button>
            </span>
        }
    });
    view! {
        <li
            id=row.dom_id()
            role="treeitem"
            class=format!("tree-row depth-{} {kind_class}", row.depth())
            class:selected=is_selected
            aria-selected=move || if is_selected.get() { "true" } else { "false" }
            aria-expanded=(row.children > 0).then_some(if row.expanded { "true" } else { "false" })
            attr:aria-level=(row.depth() + 1).to_string()
            tabindex=move || if is_selected.get() { "0" } else { "-1" }
            on:click=move |_| actions::select(select_id.clone())
        >
            {toggle}
            <span class="row-name">{row.name.clone()}</span>
            {tier}
            <span class="row-detail">{row.detail.clone()}</span>
            <span class="row-tools">
                {(row.kind != RowKind::Salesperson).then(|| view! {
                    <button class="icon add" tabindex="-1" title=add_label aria-label=add_label
                        on:click=move |ev| { ev.stop_propagation(); actions::add_child(add_id.clone()); }>"+"</button>
                })}
                {actions_view}
            </span>
        </li>
    }
}
