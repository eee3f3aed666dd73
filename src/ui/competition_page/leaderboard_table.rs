//! The leaderboard: rank, salesperson, region, sub-district, target, actual, completion.

use leptos::prelude::*;

use super::CompetitionState;
use crate::ui::exec::MoreRowsLine;
use crate::ui::state::use_app;
use crate::view::exec::competition::columns;

/// The leaderboard's title and table, the podium marked, and the rest on request.
#[component]
pub fn LeaderboardTable(
    /// The page's state.
    state: CompetitionState,
) -> impl IntoView {
    let app = use_app();
    view! {
        <h3 class="leaderboard-title">{move || state.title.get()}</h3>
        <table class="grid leaderboard">
            <thead>
                <tr>
                    {move || columns(app.x()).map(|h| view! { <th>{h}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                <For each=move || state.rows.get() key=|row| row.clone() let:row>
                    <tr class=match row.podium {
                        Some(place) => format!("standing podium-{place}"),
                        None => "standing".to_string(),
                    }>
                        <td class="rank">{row.rank}</td>
                        <td class="name">{row.name}</td>
                        <td>{row.region}</td>
                        <td>{row.subdistrict}</td>
                        <td class="num">{row.target}</td>
                        <td class="num">{row.actual}</td>
                        <td class="num completion">{row.completion}</td>
                    </tr>
                </For>
            </tbody>
        </table>
        <MoreRowsLine shown=Signal::derive(move || state.rows.with(Vec::len)) total=state.total
            on_show_all=move |_| state.all.set(true) />
    }
}
