//! Labelled input fields that check what is typed. A refused value shows its reason beside the
//! field and is not saved; the plan keeps its last good value.

use leptos::prelude::*;

/// Turns typed text into an edit, or a message saying why not.
pub type Commit = Callback<String, Result<(), String>>;

/// A labelled text or number input.
#[component]
pub fn Field(
    /// The label shown above the input.
    #[prop(into)]
    label: Signal<String>,
    /// The current value from the plan.
    #[prop(into)]
    value: Signal<String>,
    /// Applies a typed value (on change: Enter or leaving the field).
    commit: Commit,
    /// The input type (`text`, `date`, `month`).
    #[prop(optional, into)]
    kind: Option<&'static str>,
    /// Id of the input, for keyboard shortcuts and tests.
    #[prop(optional, into)]
    id: Option<String>,
    /// Right-align and use the numeric keyboard.
    #[prop(optional)]
    numeric: bool,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| match commit.run(event_target_value(&ev)) {
        Ok(()) => error.set(None),
        Err(message) => error.set(Some(message)),
    };
    view! {
        <label class="field" class:invalid=move || error.with(Option::is_some)>
            <span class="field-label">{label}</span>
            <input
                id=id
                type=kind.unwrap_or("text")
                class:numeric=numeric
                inputmode=if numeric { "decimal" } else { "text" }
                prop:value=value
                aria-invalid=move || if error.with(Option::is_some) { "true" } else { "false" }
                on:change=on_change
            />
            <span class="field-error" role="alert">{move || error.get()}</span>
        </label>
    }
}

/// A labelled select; `options` are (value, label) pairs.
#[component]
pub fn SelectField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] options: Signal<Vec<(String, String)>>,
    commit: Commit,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    view! {
        <label class="field">
            <span class="field-label">{label}</span>
            <select
                id=id
                on:change=move |ev| match commit.run(event_target_value(&ev)) {
                    Ok(()) => error.set(None),
                    Err(m) => error.set(Some(m)),
                }
            >
                {move || {
                    let current = value.get();
                    options
                        .get()
                        .into_iter()
                        .map(|(v, l)| {
                            let selected = v == current;
                            view! { <option value=v selected=selected>{l}</option> }
                        })
                        .collect_view()
                }}
            </select>
            <span class="field-error" role="alert">{move || error.get()}</span>
        </label>
    }
}
