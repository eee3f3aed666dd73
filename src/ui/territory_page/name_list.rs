//! A sub-district's named targets of one kind (distributors or retail terminals): the names,
//! each with a remove button, and a box to add the next one.

use leptos::prelude::*;

use super::node_edits::ToEdit;
use crate::core::edit::Edit;
use crate::ui::fields::AddBox;
use crate::ui::state::{What, use_app};

/// A list of named targets.
#[component]
pub fn NameList(
    /// The list's CSS class, which says what it holds (`distributors`, `terminals`).
    class: &'static str,
    /// The list's heading.
    title: &'static str,
    /// The names, in order.
    #[prop(into)]
    names: Signal<Vec<String>>,
    /// The add button's label (also names the addition in the change log).
    add_label: &'static str,
    /// The text shown in the empty box.
    placeholder: &'static str,
    /// The edit that adds a name.
    add: ToEdit,
    /// The edit that removes the name at a position.
    remove: Callback<usize, Edit>,
) -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let on_remove = move |index: usize, name: String| {
        let t = app.t_now();
        let what = What::Text(format!("{} “{}”", t.remove, name));
        if let Err(e) = app.apply(remove.run(index), what) {
            app.notify_error(t.edit_error(&e));
        }
    };
    view! {
        <div class=format!("name-list {class}")>
            <h3>{title}</h3>
            <ul>
                <For
                    each=move || names.get().into_iter().enumerate()
                    key=|entry| entry.clone()
                    let:entry
                >
                    <li>
                        <span>{entry.1.clone()}</span>
                        <button type="button" class="icon danger" title=t.remove
                            aria-label=format!("{} “{}”", t.remove, entry.1)
                            on:click=move |_| on_remove(entry.0, entry.1.clone())>"✕"</button>
                    </li>
                </For>
            </ul>
            <AddBox label=format!("+ {add_label}") placeholder=placeholder to_edit=add />
        </div>
    }
}
