//! The document itself.

use leptos::prelude::*;

use super::doc_section::DocSectionView;
use super::{DrawAll, PrintAnyway, PrintRegion};
use crate::core::edit::Part;
use crate::ui::state::use_app;
use crate::view::print_doc::{numbering, plan_document};

/// The plan document of the adopted scenario, from the plan's data; redrawn when the planning
/// part changes (a written section redraws on its own, and only the section numbers follow
/// the writing). The long tables hold their first rows on screen and every row while printing;
/// the tables of sub-districts and people hold the chosen region's ([`PrintRegion`]), or all.
#[component]
pub fn PlanDocumentView() -> impl IntoView {
    let app = use_app();
    let DrawAll(all) = expect_context::<DrawAll>();
    let PrintAnyway(anyway) = expect_context::<PrintAnyway>();
    let PrintRegion(region) = expect_context::<PrintRegion>();
    let doc = Memo::new(move |_| {
        let (t, lang, all) = (app.t(), app.lang.get(), all.get());
        let computed = app.adopted_breakdown.get();
        let bd = computed.as_ref().and_then(|c| c.0.as_ref().as_ref().ok());
        app.with_plan(Part::Planning, |p| {
            region.with(|only| {
                p.adopted()
                    .map(|s| plan_document(t, lang, p, s, bd, all, only.as_deref()))
            })
        })
    });
    let numbers = Memo::new(move |_| {
        let lang = app.lang.get();
        anyway.with(|anyway| {
            doc.with(|d| {
                d.as_ref().map_or_else(Vec::new, |d| {
                    app.with_plan(Part::Document, |p| numbering(lang, &d.sections, p, anyway))
                })
            })
        })
    });
    move || {
        doc.get().map(|doc| {
            view! {
                <article class="plan-doc" id="plan-doc">
                    <header class="doc-head">
                        <h1>{doc.title}</h1>
                        <p class="doc-plan-name">{doc.plan_name}</p>
                        <p>{doc.headline}</p>
                        {doc.scope.map(|scope| view! { <p class="doc-scope-line">{scope}</p> })}
                    </header>
                    {doc
                        .sections
                        .into_iter()
                        .enumerate()
                        .map(|(i, section)| {
                            let number = Signal::derive(move || numbers.with(|n| n.get(i).cloned().flatten()));
                            view! { <DocSectionView section=section number=number /> }
                        })
                        .collect_view()}
                </article>
            }
        })
    }
}
