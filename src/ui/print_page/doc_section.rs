//! One numbered section of the document.

use leptos::prelude::*;

use super::doc_table::DocTableView;
use super::written_section::WrittenSection;
use crate::ui::charts::BarChartView;
use crate::view::print_doc::{DocBlock, DocSection};

/// A section: its heading, then its paragraphs, charts, tables and written text in order.
#[component]
pub fn DocSectionView(
    /// The section's title, classes and content.
    section: DocSection,
) -> impl IntoView {
    view! {
        <section class=section.class>
            <h2>{section.title}</h2>
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
        </section>
    }
}
