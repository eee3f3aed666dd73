//! Text with names in it, each name in its own `<bdi>`: a direction mark inside a name cannot
//! reorder the words around it.

use leptos::prelude::*;

use crate::view::bidi::Segment;

/// The segments in order; isolated ones each in a `<bdi>`.
#[component]
pub fn Isolated(
    /// The text in pieces ([`crate::view::bidi::sentence`] or [`crate::view::bidi::log_entry`]).
    segments: Vec<Segment>,
) -> impl IntoView {
    segments
        .into_iter()
        .map(|s| {
            if s.isolate {
                view! { <bdi>{s.text}</bdi> }.into_any()
            } else {
                s.text.into_any()
            }
        })
        .collect_view()
}
