//! PLACEHOLDER: the Tracking route, to be built.

use leptos::prelude::*;

#[component]
pub fn TrackingPage() -> impl IntoView {
    view! { <section class="placeholder">"Tracking"</section> }
}
