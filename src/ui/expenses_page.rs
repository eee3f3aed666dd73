//! PLACEHOLDER: the Expenses route, to be built.

use leptos::prelude::*;

#[component]
pub fn ExpensesPage() -> impl IntoView {
    view! { <section class="placeholder">"Expenses"</section> }
}
