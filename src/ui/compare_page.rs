//! PLACEHOLDER: the Compare route, to be built.

use leptos::prelude::*;

#[component]
pub fn ComparePage() -> impl IntoView {
    view! { <section class="placeholder">"Compare"</section> }
}
