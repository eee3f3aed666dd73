//! The leaderboard.

use leptos::prelude::*;

use crate::view::slides::LeaderboardSlide;

/// The first salespeople by completion over the period, company-wide, the podium marked.
#[component]
pub fn LeaderboardSlideView(
    /// The rows and headings.
    slide: LeaderboardSlide,
) -> impl IntoView {
    view! {
        <p class="slide-summary">{slide.note}</p>
        <table class="slide-table leaderboard">
            <thead>
                <tr>{slide.columns.map(|c| view! { <th>{c}</th> }).collect_view()}</tr>
            </thead>
            <tbody>
                {slide
                    .rows
                    .into_iter()
                    .map(|r| {
                        let podium = r.podium.map(|p| format!("podium-{p}"));
                        view! {
                            <tr class=podium>
                                <td class="rank">{r.rank}</td>
                                <th>{r.name}</th>
                                <td class="words">{r.region}</td>
                                <td class="words">{r.subdistrict}</td>
                                <td>{r.target}</td>
                                <td>{r.actual}</td>
                                <td class="completion">{r.completion}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
