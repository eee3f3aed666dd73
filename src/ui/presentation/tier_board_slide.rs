//! The first view: the four tiers.

use leptos::prelude::*;

use crate::ui::charts::BarChartView;
use crate::view::charts::BarChart;
use crate::view::slides::TierColumn;

/// The four tiers side by side, each with its regions and their market share (⚠ when it is
/// zero) and its strategy, then each tier's share of the company's target.
#[component]
pub fn TierBoardSlide(
    /// The tiers in order, with their regions.
    columns: Vec<TierColumn>,
    /// The target by tier, when the breakdown can be computed.
    distribution: Option<BarChart>,
) -> impl IntoView {
    view! {
        <div class="slide-tiers">
            {columns
                .into_iter()
                .map(|c| view! {
                    <div class="slide-tier">
                        <h2 class=c.head_class()>{c.name}</h2>
                        <ul>
                            {c.regions
                                .into_iter()
                                .map(|r| {
                                    view! {
                                        <li class=r.warn.then_some("warn")>
                                            {r.name} " " <b>{r.share}</b>
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ul>
                        <p class="tier-text">{c.strategy}</p>
                    </div>
                })
                .collect_view()}
        </div>
        {distribution.map(|chart| view! { <BarChartView chart=chart /> })}
    }
}
