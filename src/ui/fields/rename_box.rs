//! A name being renamed in place (the plan, the scenario on screen): it has the keyboard when it
//! appears, Enter or leaving it commits, Escape gives up.

use leptos::html::Input;
use leptos::prelude::*;

use super::is_commit_enter;

/// A text box holding a name to rename.
#[component]
pub fn RenameBox(
    /// The box's DOM id.
    id: &'static str,
    /// What is renamed, for screen readers.
    label: &'static str,
    /// The name as stored.
    #[prop(into)]
    value: Signal<String>,
    /// Applies the typed name; the reason if it was refused (the box then stays).
    #[prop(into)]
    on_commit: Callback<String, Result<(), String>>,
    /// Leaves renaming without a change.
    #[prop(into)]
    on_cancel: Callback<()>,
) -> impl IntoView {
    let input = NodeRef::<Input>::new();
    let error = RwSignal::new(None::<String>);
    // Enter commits, and so does the blur that follows when the box goes away: once is enough.
    let done = StoredValue::new(false);
    let commit = move || {
        let Some(el) = input.get_untracked() else {
            return;
        };
        if done.get_value() {
            return;
        }
        match on_commit.run(el.value()) {
            Ok(()) => done.set_value(true),
            Err(message) => error.set(Some(message)),
        }
    };
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
            el.select();
        }
    });
    view! {
        <input type="text" id=id node_ref=input aria-label=label prop:value=move || value.get()
            on:keydown=move |ev| {
                if is_commit_enter(&ev) {
                    ev.prevent_default();
                    commit();
                } else if ev.key() == "Escape" {
                    done.set_value(true);
                    on_cancel.run(());
                }
            }
            on:blur=move |_| commit() />
        <span class="field-error" role="alert">{move || error.get()}</span>
    }
}
