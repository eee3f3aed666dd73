//! A box to add a named item (a target distributor, a milestone): Enter or its button adds what
//! was typed and empties the box for the next one.

use leptos::html::Input;
use leptos::prelude::*;

use super::is_commit_enter;
use crate::core::edit::Edit;
use crate::core::field::FieldError;
use crate::ui::state::{What, use_app};

/// A text box with an add button.
#[component]
pub fn AddBox(
    /// The button's label (`+ Add distributor`); also names the change in the change log.
    #[prop(into)]
    label: String,
    /// Turns the typed name into the edit that adds it, or says why it cannot.
    #[prop(into)]
    to_edit: Callback<String, Result<Edit, FieldError>>,
    /// The text shown in the empty box.
    #[prop(optional, into)]
    placeholder: Option<String>,
) -> impl IntoView {
    let app = use_app();
    let input = NodeRef::<Input>::new();
    let error = RwSignal::new(None::<String>);
    let label = StoredValue::new(label);
    let add = move || {
        let Some(el) = input.get_untracked() else {
            return;
        };
        let t = app.t_now();
        let text = el.value();
        let result = to_edit
            .run(text.clone())
            .map_err(|e| t.field_error(&e))
            .and_then(|edit| {
                let what = What::field(&label.get_value(), "", text.trim());
                app.apply(edit, what).map_err(|e| t.edit_error(&e))
            });
        match result {
            Ok(_) => {
                el.set_value("");
                error.set(None);
            }
            Err(message) => error.set(Some(message)),
        }
    };
    view! {
        <div class="add-name">
            <input type="text" node_ref=input placeholder=placeholder
                aria-label=label.get_value()
                aria-invalid=move || error.with(Option::is_some).then_some("true")
                on:keydown=move |ev| {
                    if is_commit_enter(&ev) {
                        ev.prevent_default();
                        add();
                    }
                } />
            <button type="button" class="btn" on:click=move |_| add()>{label.get_value()}</button>
            <span class="field-error" role="alert">{move || error.get()}</span>
        </div>
    }
}
