//! The plan document (区域销售计划书) as it prints: the manager writes the goals, market
//! analysis, strategy and risks here; everything else comes from the plan. The browser's print
//! (or "save as PDF") gives the document alone, with page breaks between the big tables.

mod doc_section;
mod doc_table;
mod notes_editor;
mod plan_document;
mod written_section;

use leptos::prelude::*;

use super::state::use_app;
use notes_editor::NotesEditor;
use plan_document::PlanDocumentView;

/// Where the manager writes a section: the notes editor is open, at that section's box.
#[derive(Clone, Copy)]
pub struct WritingAt(pub RwSignal<Option<&'static str>>);

/// The print route: the print button, the editor of the written sections and the document.
#[component]
pub fn PrintPage() -> impl IntoView {
    let app = use_app();
    let writing = WritingAt(RwSignal::new(None));
    provide_context(writing);
    view! {
        <div class="print-page">
            <div class="print-tools no-print">
                <button type="button" class="btn primary" id="print"
                    on:click=move |_| { let _ = window().print(); }>
                    {move || app.t().doc_print}
                </button>
                <span class="note">{move || app.t().doc_edit_hint}</span>
            </div>
            <NotesEditor />
            <div class="doc-wrap">
                <PlanDocumentView />
            </div>
        </div>
    }
}
