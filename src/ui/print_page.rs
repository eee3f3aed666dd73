//! The plan document (区域销售计划书) as it prints: the manager writes the goals, market
//! analysis, strategy and risks here; everything else comes from the plan. The browser's print
//! (or "save as PDF") gives the document alone, with page breaks before the big tables and
//! every heading kept with what follows it. A section that is only the manager's text and is
//! not written yet shows an invitation on screen and is left out of the print, unless the
//! manager asks for it with space to write by hand.

mod doc_section;
mod doc_table;
mod notes_editor;
mod plan_document;
mod region_choice;
mod written_section;

use std::collections::BTreeSet;

use leptos::prelude::*;

use super::state::use_app;
use crate::view::print_doc::one_region_at_a_time;
use notes_editor::NotesEditor;
use plan_document::PlanDocumentView;
use region_choice::RegionChoice;

/// Where the manager writes a section: the notes editor is open, at that section's box.
#[derive(Clone, Copy)]
pub struct WritingAt(pub RwSignal<Option<&'static str>>);

/// Whether the long tables are drawn whole: while printing, or once asked for on screen.
#[derive(Clone, Copy)]
pub struct DrawAll(pub RwSignal<bool>);

/// The unwritten sections (by note key) the manager chose to print blank, to fill by hand.
#[derive(Clone, Copy)]
pub struct PrintAnyway(pub RwSignal<BTreeSet<&'static str>>);

/// The region whose sub-districts and people the document holds (its id), or `None` for all.
#[derive(Clone, Copy)]
pub struct PrintRegion(pub RwSignal<Option<String>>);

/// The print route: the print button, the editor of the written sections and the document.
/// Printing (the button, or the browser's own print) draws every row of the long tables first.
#[component]
pub fn PrintPage() -> impl IntoView {
    let app = use_app();
    provide_context(WritingAt(RwSignal::new(None)));
    provide_context(PrintAnyway(RwSignal::new(BTreeSet::new())));
    let all = RwSignal::new(false);
    provide_context(DrawAll(all));
    // A big plan opens on its first region: drawn whole it is seconds of layout and a stack of
    // paper. Chosen before the first drawing, and again when another plan is opened.
    let first_if_big = move || {
        app.with_plan_untracked(|p| {
            one_region_at_a_time(app.t_now(), p)
                .and_then(|_| p.regions.first().map(|r| r.id.clone()))
        })
    };
    let region = RwSignal::new(first_if_big());
    provide_context(PrintRegion(region));
    Effect::watch(
        move || app.plan_id.track(),
        move |_, _, _| region.set(first_if_big()),
        false,
    );
    // The browser's print: the rows are drawn (in this event's microtasks) before it lays out
    // the pages, and left out again afterwards.
    let before = window_event_listener_untyped("beforeprint", move |_| {
        if !all.get_untracked() {
            all.set(true);
        }
    });
    let after = window_event_listener_untyped("afterprint", move |_| all.set(false));
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    let print = move |_| {
        all.set(true);
        // Once the rows are drawn.
        request_animation_frame(|| {
            let _ = window().print();
        });
    };
    view! {
        <div class="print-page">
            <div class="print-tools no-print">
                <button type="button" class="btn primary" id="print" on:click=print>
                    {move || app.t().doc_print}
                </button>
                <RegionChoice />
                <span class="note">{move || app.t().doc_edit_hint}</span>
            </div>
            <NotesEditor />
            <div class="doc-wrap">
                <PlanDocumentView />
            </div>
        </div>
    }
}
