//! The territory tree: company → region → sub-district → salesperson, by mouse and keyboard.
//! Only the rows in view are in the page (rows have one height, so the scroll position says
//! which), each keyed by its node: an edit changes the rows it concerns in place, a selection
//! only the marks of the two rows concerned.

use leptos::prelude::*;

use super::tree_row::TreeRowItem;
use super::tree_state::TreeState;
use crate::ui::state::use_app;
use crate::view::tree_keys::command_for;
use crate::view::tree_rows::{ROW_HEIGHT, TreeRow};

/// The tree panel: its title, actions, the windowed list of rows and the keys' help.
#[component]
pub fn TreePanel() -> impl IntoView {
    let app = use_app();
    let tree = expect_context::<TreeState>();

    let drawn = Memo::new(move |_| tree.drawn());
    let shown = Memo::new(move |_| {
        let (range, _) = drawn.get();
        tree.rows
            .with(|rows| rows.get(range).map(<[_]>::to_vec).unwrap_or_default())
    });
    // A drawn row follows its node's row in the window (kept while it leaves it).
    let in_view = move |first: TreeRow| {
        Memo::new(move |last: Option<&TreeRow>| {
            shown
                .with(|rows| rows.iter().find(|r| r.id == first.id).cloned())
                .or_else(|| last.cloned())
                .unwrap_or_else(|| first.clone())
        })
    };
    let above = move || format!("{}px", drawn.with(|(r, _)| r.start) as u32 * ROW_HEIGHT);
    let below = move || {
        format!(
            "{}px",
            drawn.with(|(r, len)| len - r.end) as u32 * ROW_HEIGHT
        )
    };

    // The list's height follows the window's.
    Effect::new(move |_| {
        if tree.list.get().is_some() {
            tree.measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| tree.measure());
    on_cleanup(move || resize.remove());

    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.is_composing() || ev.ctrl_key() || ev.meta_key() {
            return;
        }
        let selected = app.selected.get_untracked();
        let command = tree
            .rows
            .with_untracked(|rows| command_for(&ev.key(), ev.alt_key(), rows, selected.as_deref()));
        if let Some(command) = command {
            ev.prevent_default();
            ev.stop_propagation();
            tree.run(command);
        }
    };

    move || {
        let t = app.t();
        view! {
            <section class="tree-panel" aria-labelledby="tree-title">
                <div class="panel-head">
                    <h2 id="tree-title">{t.territory}</h2>
                    <span class="head-actions">
                        <button type="button" class="btn" id="territory-csv"
                            on:click=move |_| tree.export_csv()>{t.export_csv}</button>
                        <button type="button" class="btn primary" id="add-region"
                            on:click=move |_| tree.add_child(None)>"+ " {t.add_region}</button>
                    </span>
                </div>
                <div class="tree-tools">
                    <button type="button" class="btn subtle" id="tree-expand-all"
                        on:click=move |_| tree.expand_all()>"⊞ " {t.expand_all}</button>
                    <button type="button" class="btn subtle" id="tree-collapse-all"
                        on:click=move |_| tree.collapse_all()>"⊟ " {t.collapse_all}</button>
                </div>
                <ul class="tree" role="tree" aria-labelledby="tree-title" node_ref=tree.list
                    on:keydown=on_keydown on:scroll=move |_| tree.measure()>
                    <li class="tree-spacer" role="none" style:height=above></li>
                    <For each=move || shown.get() key=|row| row.id.clone() let:row>
                        <TreeRowItem id=row.id.clone() kind=row.kind row=in_view(row) />
                    </For>
                    <li class="tree-spacer" role="none" style:height=below></li>
                </ul>
                <p class="hint" id="tree-add-hint">{t.tree_add_hint}</p>
                <p class="hint">{t.tree_help}</p>
            </section>
        }
    }
}
