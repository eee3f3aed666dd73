//! The month's ranking: each distributor's composite score, its seven scores, and why.

use leptos::prelude::*;

use crate::core::edit::Part;
use crate::core::execution::scorecard;
use crate::core::period::YearMonth;
use crate::ui::state::use_app;
use crate::view::exec::scorecard::{RankingRow, amount_fallback_note, ranking, ranking_headings};

/// A distributor on the ranking.
#[component]
fn RankingLine(
    /// The distributor's rank, scores and reasons.
    row: RankingRow,
) -> impl IntoView {
    view! {
        <tr class="score-row">
            <td class="rank">{row.rank}</td>
            <td class="name">{row.name}</td>
            <td class="num composite">{row.composite}</td>
            {row.scores.into_iter().map(|s| view! { <td class="num">{s}</td> }).collect_view()}
            <td class="why">
                {row
                    .reasons
                    .into_iter()
                    .map(|reason| view! { <span class="reason">{reason}</span> })
                    .collect_view()}
            </td>
        </tr>
    }
}

/// The ranking of `month`.
#[component]
pub fn ScoreRanking(
    /// The month ranked.
    #[prop(into)]
    month: Signal<YearMonth>,
) -> impl IntoView {
    let app = use_app();
    // The month's scores, and who was scored on amount for want of volumes.
    let scored = Memo::new(move |_| {
        let (x, m) = (app.x(), month.get());
        app.with_plan(Part::Execution, |p| {
            let rows = scorecard(p, m);
            let chosen = p.execution.settings.score_basis;
            (
                ranking(x, &rows, chosen),
                amount_fallback_note(x, &rows, chosen),
            )
        })
    });
    let rows = Memo::new(move |_| scored.with(|(rows, _)| rows.clone()));
    let note = Memo::new(move |_| scored.with(|(_, note)| note.clone()));
    view! {
        <h3>{move || app.x().ranking}</h3>
        {move || note.get().map(|n| view! { <p class="banner warning" id="score-no-volume">{n}</p> })}
        <Show when=move || rows.with(|r| !r.is_empty())
            fallback=move || view! { <p class="empty">{move || app.x().no_figures}</p> }>
            <table class="grid scorecard">
                <thead>
                    <tr>
                        {move || {
                            let x = app.x();
                            [x.rank, x.distributor, x.score]
                                .into_iter()
                                .chain(ranking_headings(x))
                                .map(|h| view! { <th>{h}</th> })
                                .collect_view()
                        }}
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|row| row.clone() let:row>
                        <RankingLine row=row />
                    </For>
                </tbody>
            </table>
        </Show>
    }
}
