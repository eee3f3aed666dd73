//! PLACEHOLDER: the Tiers route, to be built.

use leptos::prelude::*;

#[component]
pub fn TiersPage() -> impl IntoView {
    view! { <section class="placeholder">"Tiers"</section> }
}
