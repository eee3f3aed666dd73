//! A section of the document the manager writes.

use leptos::prelude::*;

use super::{PrintAnyway, WritingAt};
use crate::core::edit::Part;
use crate::ui::state::use_app;
use crate::view::print_doc::written;

/// The manager's text of section `key`, a paragraph per line, or (on screen) an invitation to
/// write it, and in print the ruled space to write it by hand when the manager chose to print
/// it blank; a click opens its box in the notes editor. Redrawn only when the notes change.
#[component]
pub fn WrittenSection(
    /// The section's note key (`goals`, `market`, `strategy`, `risks`).
    key: &'static str,
) -> impl IntoView {
    let app = use_app();
    let WritingAt(writing) = expect_context::<WritingAt>();
    let PrintAnyway(anyway) = expect_context::<PrintAnyway>();
    let blank = move || anyway.with(|a| a.contains(key));
    let text = Memo::new(move |_| {
        let t = app.t();
        app.with_plan(Part::Document, |p| written(t, p, key))
    });
    view! {
        <div class="doc-written" on:click=move |_| writing.set(Some(key))>
            {move || {
                let w = text.get();
                if w.paragraphs.is_empty() {
                    view! {
                        <p class="doc-empty">{w.invitation}</p>
                        <Show when=blank>
                            <div class="doc-blank print-only"></div>
                        </Show>
                    }
                    .into_any()
                } else {
                    w.paragraphs.into_iter().map(|p| view! { <p>{p}</p> }).collect_view().into_any()
                }
            }}
        </div>
    }
}
