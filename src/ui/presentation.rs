//! PLACEHOLDER: presentation mode, to be built.

use leptos::prelude::*;

#[component]
pub fn Presentation() -> impl IntoView {
    view! { <div class="placeholder"></div> }
}
