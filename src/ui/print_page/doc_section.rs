//! One numbered section of the document.

use leptos::prelude::*;

use super::PrintAnyway;
use super::doc_table::DocTableView;
use super::written_section::WrittenSection;
use crate::core::edit::Part;
use crate::ui::charts::BarChartView;
use crate::ui::state::use_app;
use crate::view::print_doc::{DocBlock, DocSection};

/// A section: its numbered heading, then its paragraphs, charts, tables and written text in
/// order. A section that is only the manager's text and not written yet is not printed (no
/// number); on screen it says so and offers to print it blank, to be written by hand.
#[component]
pub fn DocSectionView(
    /// The section's title, classes and content.
    section: DocSection,
    /// Its number as it prints (`三、`); `None` while it is left out of the print.
    #[prop(into)]
    number: Signal<Option<String>>,
) -> impl IntoView {
    let app = use_app();
    let PrintAnyway(anyway) = expect_context::<PrintAnyway>();
    let keys = StoredValue::new(section.only_written());
    let unwritten = Memo::new(move |_| {
        keys.with_value(|keys| {
            !keys.is_empty()
                && app.with_plan(Part::Document, |p| {
                    keys.iter()
                        .all(|k| p.notes.get(*k).is_none_or(|t| t.trim().is_empty()))
                })
        })
    });
    let choose = move |ev| {
        let print = event_target_checked(&ev);
        keys.with_value(|keys| {
            anyway.update(|a| {
                for k in keys {
                    if print {
                        a.insert(k);
                    } else {
                        a.remove(k);
                    }
                }
            })
        });
    };
    let chosen =
        move || keys.with_value(|keys| anyway.with(|a| keys.iter().any(|k| a.contains(k))));
    view! {
        <section class=section.class class:no-print=move || number.with(Option::is_none)>
            <h2>{move || number.get()} {section.title}</h2>
            {section
                .blocks
                .into_iter()
                .map(|block| match block {
                    DocBlock::Line { class, text } => view! { <p class=class>{text}</p> }.into_any(),
                    DocBlock::Heading(text) => view! { <h3>{text}</h3> }.into_any(),
                    DocBlock::Written(key) => view! { <WrittenSection key=key /> }.into_any(),
                    DocBlock::Chart(chart) => view! { <BarChartView chart=chart /> }.into_any(),
                    DocBlock::Table(table) => view! { <DocTableView table=table /> }.into_any(),
                    DocBlock::Missing(text) => view! { <p class="doc-empty">{text}</p> }.into_any(),
                })
                .collect_view()}
            <Show when=move || unwritten.get()>
                <p class="doc-left-out no-print">
                    <span>{move || app.t().doc_left_out}</span> " "
                    <label>
                        <input type="checkbox" class="doc-print-anyway" prop:checked=chosen on:change=choose />
                        " " {move || app.t().doc_print_anyway}
                    </label>
                </p>
            </Show>
        </section>
    }
}
