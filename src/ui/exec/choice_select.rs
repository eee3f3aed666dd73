//! A labelled choice among options that are not part of the plan (a month to show, a
//! leaderboard's window or scope).

use leptos::prelude::*;

use crate::view::exec::Choice;

/// A labelled select. Picking an option calls `on_change` with its value; the select always
/// shows `value`.
#[component]
pub fn ChoiceSelect(
    /// The label above the select.
    #[prop(into)]
    label: Signal<String>,
    /// The options, in order.
    #[prop(into)]
    choices: Signal<Vec<Choice>>,
    /// The value of the option shown.
    #[prop(into)]
    value: Signal<String>,
    /// Called with the picked option's value.
    #[prop(into)]
    on_change: Callback<String>,
    /// The select's DOM id.
    #[prop(optional, into)]
    id: Option<String>,
) -> impl IntoView {
    view! {
        <label class="field-inline">
            <span>{label}</span>
            <select id=id prop:value=move || value.get()
                on:change=move |ev| on_change.run(event_target_value(&ev))>
                <For each=move || choices.get() key=|c| c.clone() let:c>
                    <option value=c.value.clone() selected=move || value.with(|v| *v == c.value)>
                        {c.label.clone()}
                    </option>
                </For>
            </select>
        </label>
    }
}
