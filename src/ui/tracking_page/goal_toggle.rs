//! What the page tracks: amount, quantity, or collections (回款) when the adopted scenario sets
//! a collections target.

use leptos::prelude::*;

use super::TrackingState;
use crate::core::execution::Figure;
use crate::ui::exec::{MeasureToggle, OtherFigure};
use crate::ui::state::use_app;

/// The measure buttons of the other pages, and a collections button beside them.
#[component]
pub fn GoalToggle(
    /// The page's state.
    state: TrackingState,
) -> impl IntoView {
    let app = use_app();
    let on_collections = Signal::derive(move || state.figure.get() == Figure::Collections);
    let other = OtherFigure {
        shown: on_collections,
        chosen: state.collections_on,
    };
    view! {
        <MeasureToggle other=other>
            <Show when=move || state.collections.with(Option::is_some)>
                <button type="button" class="btn" id="track-collections"
                    class:primary=on_collections
                    aria-pressed=move || on_collections.get().to_string()
                    on:click=move |_| state.collections_on.set(true)>
                    {move || app.x().collections}
                </button>
            </Show>
        </MeasureToggle>
    }
}
