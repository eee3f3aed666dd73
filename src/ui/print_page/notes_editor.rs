//! The editor of the sections the manager writes.

use leptos::html::Details;
use leptos::prelude::*;

use super::WritingAt;
use crate::core::edit::{Edit, Part};
use crate::ui::fields::{Control, Field};
use crate::ui::state::use_app;
use crate::view::print_doc::{WRITTEN_SECTIONS, written_label};

/// A fold (closed at first) with a box per written section: goals, market analysis, strategy,
/// risks. A click on a section of the document opens it at that section's box.
#[component]
pub fn NotesEditor() -> impl IntoView {
    let app = use_app();
    let WritingAt(writing) = expect_context::<WritingAt>();
    let fold = NodeRef::<Details>::new();
    Effect::new(move |_| {
        let Some(key) = writing.get() else { return };
        if let Some(details) = fold.get() {
            details.set_open(true);
        }
        // The box is in the page once the fold is open.
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&format!("note-{key}"))
                && let Ok(el) = web_sys::wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el)
            {
                let _ = el.focus();
            }
        });
    });
    let summary = move || {
        let t = app.t();
        WRITTEN_SECTIONS.map(|k| written_label(t, k)).join(" · ")
    };
    view! {
        <details class="card no-print" id="notes-editor" node_ref=fold>
            <summary>{summary}</summary>
            <div class="notes-form">
                {WRITTEN_SECTIONS
                    .map(|key| {
                        let text = Signal::derive(move || {
                            app.with_plan(Part::Document, |p| p.notes.get(key).cloned().unwrap_or_default())
                        });
                        let label = move || written_label(app.t(), key);
                        view! {
                            {move || view! {
                                <Field label=label() value=text control=Control::TextArea
                                    id=format!("note-{key}")
                                    to_edit=move |text: String| Ok(Edit::Note { section: key.to_string(), text }) />
                            }}
                        }
                    })
                    .collect_view()}
            </div>
        </details>
    }
}
