//! PLACEHOLDER: the Scorecard route, to be built.

use leptos::prelude::*;

#[component]
pub fn ScorecardPage() -> impl IntoView {
    view! { <section class="placeholder">"Scorecard"</section> }
}
