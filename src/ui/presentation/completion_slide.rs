//! Completion by region.

use leptos::prelude::*;

use crate::view::slides::CompletionSlide;

/// The company and each region: period target, target and actual to date, completion, pace and
/// status (behind in red). A region without a target is marked as a warning.
#[component]
pub fn CompletionSlideView(
    /// The rows and headings.
    slide: CompletionSlide,
) -> impl IntoView {
    view! {
        <p class="slide-summary">{slide.as_of}</p>
        <table class="slide-table completion-table">
            <thead>
                <tr>{slide.columns.map(|c| view! { <th>{c}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {slide
                    .rows
                    .into_iter()
                    .map(|r| {
                        let c = r.row.cells;
                        view! {
                            <tr class:company=r.row.depth == 0 class:warn=r.warn>
                                <th>{r.warn.then_some("⚠ ")}{r.row.name}</th>
                                <td>{c.target}</td>
                                <td>{c.target_to_date}</td>
                                <td>{c.actual}</td>
                                <td class="completion">{c.completion}</td>
                                <td>{c.pace}</td>
                                <td class=c.standing.class()>{c.status}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
