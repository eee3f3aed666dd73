//! PLACEHOLDER: the Breakdown route, to be built.

use leptos::prelude::*;

#[component]
pub fn BreakdownPage() -> impl IntoView {
    view! { <section class="placeholder">"Breakdown"</section> }
}
