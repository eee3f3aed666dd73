//! The plan document (区域销售计划书) as it prints: the manager writes the goals, market
//! analysis, strategy and risks here; everything else comes from the plan. The browser's print
//! (or "save as PDF") gives the document alone, with page breaks between the big tables.

use leptos::html::Div;
use leptos::prelude::*;

use super::html_form::html_form;
use super::state::use_app;
use crate::core::breakdown::compute;
use crate::view::form::{Control, FormField, fields_html};
use crate::view::print_doc::{WRITTEN_SECTIONS, plan_document_html};

/// A click on a written section opens the editor at that section.
fn write_section(ev: &leptos::ev::MouseEvent) {
    use web_sys::wasm_bindgen::JsCast;
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some(key) = el
        .closest("[data-note]")
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("data-note"))
    else {
        return;
    };
    if let Some(details) = document().get_element_by_id("notes-editor") {
        let _ = details.set_attribute("open", "");
    }
    super::tree::focus_element(&format!("note-{key}"));
}

#[component]
pub fn PrintPage() -> impl IntoView {
    let app = use_app();
    let t = app.t_now();
    let doc = NodeRef::<Div>::new();
    super::effect(move || {
        let html = app.plan.with(|p| {
            let s = p.adopted()?;
            let bd = compute(p, s).ok();
            Some(plan_document_html(
                t,
                app.lang.get_untracked(),
                p,
                s,
                bd.as_ref(),
            ))
        });
        if let Some(el) = doc.get() {
            el.set_inner_html(&html.unwrap_or_default());
        }
    });
    let labels = [t.note_goals, t.note_market, t.note_strategy, t.note_risks];
    let editor = html_form("notes-form", move |errors| {
        app.plan.with(|p| {
            let fields: Vec<FormField> = WRITTEN_SECTIONS
                .iter()
                .zip(labels)
                .map(|(key, label)| {
                    let value = p.notes.get(*key).cloned().unwrap_or_default();
                    FormField::new(format!("plan.note|{key}"), label, value, Control::TextArea)
                        .id(&format!("note-{key}"))
                })
                .collect();
            fields_html(&fields, errors)
        })
    });
    view! {
        <div class="print-page">
            <div class="print-tools no-print">
                <button class="btn primary" id="print" on:click=move |_| { let _ = window().print(); }>{t.doc_print}</button>
                <span class="note">{t.doc_edit_hint}</span>
            </div>
            <details class="card no-print" id="notes-editor">
                <summary>{t.note_goals} " · " {t.note_market} " · " {t.note_strategy} " · " {t.note_risks}</summary>
                {editor}
            </details>
            <div class="doc-wrap" node_ref=doc on:click=move |ev| write_section(&ev)></div>
        </div>
    }
}
