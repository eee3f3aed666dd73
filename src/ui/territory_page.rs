//! PLACEHOLDER: the Territory route, to be built.

use leptos::prelude::*;

#[component]
pub fn TerritoryPage() -> impl IntoView {
    view! { <section class="placeholder">"Territory"</section> }
}
