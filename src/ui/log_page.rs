//! PLACEHOLDER: the Log route, to be built.

use leptos::prelude::*;

#[component]
pub fn LogPage() -> impl IntoView {
    view! { <section class="placeholder">"Log"</section> }
}
