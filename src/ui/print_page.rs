//! PLACEHOLDER: the Print route, to be built.

use leptos::prelude::*;

#[component]
pub fn PrintPage() -> impl IntoView {
    view! { <section class="placeholder">"Print"</section> }
}
