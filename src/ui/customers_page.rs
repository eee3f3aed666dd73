//! PLACEHOLDER: the Customers route, to be built.

use leptos::prelude::*;

#[component]
pub fn CustomersPage() -> impl IntoView {
    view! { <section class="placeholder">"Customers"</section> }
}
