//! What the page tracks: amount, quantity, or collections (回款) when the adopted scenario sets
//! a collections target.

use leptos::prelude::*;

use super::TrackingState;
use crate::core::execution::Figure;
use crate::ui::state::use_app;
use crate::view::exec::measure_choices;

/// The measure buttons of the other pages, and a collections button beside them.
#[component]
pub fn GoalToggle(
    /// The page's state.
    state: TrackingState,
) -> impl IntoView {
    let app = use_app();
    let on_collections = move || state.figure.get() == Figure::Collections;
    let choices = Memo::new(move |_| measure_choices(app.x(), app.measure.get()));
    view! {
        <div class="measure-toggle" role="group">
            {move || {
                choices
                    .get()
                    .map(|c| {
                        let pressed = c.pressed && !on_collections();
                        view! {
                            <button type="button" class="btn" class:primary=pressed
                                aria-pressed=pressed.to_string()
                                on:click=move |_| {
                                    app.measure.set(c.measure);
                                    state.collections_on.set(false);
                                }>
                                {c.label}
                            </button>
                        }
                    })
                    .collect_view()
            }}
            <Show when=move || state.collections.with(Option::is_some)>
                <button type="button" class="btn" id="track-collections"
                    class:primary=on_collections
                    aria-pressed=move || on_collections().to_string()
                    on:click=move |_| state.collections_on.set(true)>
                    {move || app.x().collections}
                </button>
            </Show>
        </div>
    }
}
