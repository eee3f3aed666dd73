//! The choice of scenarios and measure above the comparison.

use leptos::prelude::*;

use crate::core::execution::Figure;
use crate::view::compare::{ComparePicker, Span};

/// Check boxes for the scenarios to compare and buttons for the figure (amount, quantity, and
/// collections when a compared scenario sets them).
#[component]
pub fn ScenarioPicker(
    /// What is offered and what is chosen.
    #[prop(into)]
    picker: Signal<ComparePicker>,
    /// A scenario (by id) was checked (`true`) or unchecked.
    on_pick: Callback<(String, bool)>,
    /// A figure was chosen.
    on_measure: Callback<Figure>,
    /// The year or a month was chosen.
    on_span: Callback<Span>,
) -> impl IntoView {
    let spans = move || picker.with(|p| p.spans.clone());
    let on_change = move |ev: leptos::ev::Event| {
        let k = event_target_value(&ev).parse::<usize>().ok();
        let chosen = spans()
            .get(k.unwrap_or(0))
            .map_or(Span::Year, |(s, _, _)| *s);
        on_span.run(chosen);
    };
    view! {
        <div class="compare-picker">
            <span class="compare-label">{move || picker.with(|p| p.label.clone())}</span>
            <For each=move || picker.with(|p| p.scenarios.clone()) key=|o| o.clone() let:option>
                {
                    let id = StoredValue::new(option.id.clone());
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=option.checked
                                on:change=move |ev| on_pick.run((id.get_value(), event_target_checked(&ev))) />
                            {option.name}
                        </label>
                    }
                }
            </For>
            {move || {
                picker
                    .with(|p| p.measures.clone())
                    .into_iter()
                    .map(|(m, label, on)| {
                        view! {
                            <button type="button" class="btn" class:primary=on
                                id=format!("compare-{}", m.key()) aria-pressed=on.to_string()
                                on:click=move |_| on_measure.run(m)>{label}</button>
                        }
                    })
                    .collect_view()
            }}
            <label class="compare-span">
                <span>{move || picker.with(|p| p.span_label.clone())}</span>
                <select id="compare-span" class="btn" on:change=on_change>
                    {move || {
                        spans()
                            .into_iter()
                            .enumerate()
                            .map(|(k, (_, label, on))| {
                                view! { <option value=k.to_string() selected=on>{label}</option> }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
        </div>
    }
}
