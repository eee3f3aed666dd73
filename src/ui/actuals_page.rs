//! PLACEHOLDER: the Actuals route, to be built.

use leptos::prelude::*;

#[component]
pub fn ActualsPage() -> impl IntoView {
    view! { <section class="placeholder">"Actuals"</section> }
}
