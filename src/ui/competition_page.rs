//! PLACEHOLDER: the Competition route, to be built.

use leptos::prelude::*;

#[component]
pub fn CompetitionPage() -> impl IntoView {
    view! { <section class="placeholder">"Competition"</section> }
}
