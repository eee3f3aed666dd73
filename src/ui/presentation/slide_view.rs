//! The slide on screen.

use leptos::prelude::*;

use super::DeckState;
use super::compare_slide::CompareSlide;
use super::completion_slide::CompletionSlideView;
use super::leaderboard_slide::LeaderboardSlideView;
use super::region_slide::RegionSlideView;
use super::tier_board_slide::TierBoardSlide;
use super::title_slide::TitleSlideView;
use crate::core::edit::Part;
use crate::ui::charts::{BarChartView, MonthlyChartView};
use crate::ui::state::use_app;
use crate::view::slides::{SlideBody, SlideInput, SlideKey, slide};

/// The slide shown at the current place of the deck, from the adopted scenario: its heading,
/// the plan it shows and where it is among the slides shown, then its content. Only this
/// slide is computed; it is recomputed when the plan's planning part, the language or the
/// place changes (and, for completion and the leaderboard, the actuals).
#[component]
pub fn SlideView() -> impl IntoView {
    let app = use_app();
    let deck = expect_context::<DeckState>();
    let current = Memo::new(move |_| {
        let at = app.presenting.get()?;
        let (key, len) = deck.shown.with(|s| {
            let at = at.min(s.len().checked_sub(1)?);
            Some((s[at].clone(), s.len()))
        })?;
        let place = at.min(len - 1);
        let as_of = match key {
            SlideKey::Completion | SlideKey::Leaderboard => {
                app.with_plan(Part::Execution, |_| ());
                app.as_of.get()
            }
            _ => None,
        };
        let (t, x, lang) = (app.t(), app.x(), app.lang.get());
        let on_screen = app.scenario.get();
        let computed = app.adopted_breakdown.get();
        let bd = computed.as_ref().and_then(|c| c.0.as_ref().as_ref().ok());
        app.with_plan(Part::Planning, |p| {
            p.adopted().map(|s| {
                let input = SlideInput {
                    t,
                    x,
                    lang,
                    scenario: s,
                    breakdown: bd,
                    as_of,
                    on_screen: Some(&on_screen),
                };
                slide(&input, p, &key, place, len)
            })
        })
    });
    move || {
        current.get().map(|s| {
            let body = match s.body {
                SlideBody::Title(title) => view! { <TitleSlideView slide=title /> }.into_any(),
                SlideBody::Tiers {
                    columns,
                    distribution,
                } => view! { <TierBoardSlide columns=columns distribution=distribution /> }
                    .into_any(),
                SlideBody::Regions(chart) => view! { <BarChartView chart=chart /> }.into_any(),
                SlideBody::Region(region) => view! { <RegionSlideView slide=region /> }.into_any(),
                SlideBody::Monthly { chart, summary } => view! {
                    <p class="slide-summary">{summary}</p>
                    <MonthlyChartView chart=chart />
                }
                .into_any(),
                SlideBody::Compare(ids) => view! { <CompareSlide scenarios=ids /> }.into_any(),
                SlideBody::Completion(done) => {
                    view! { <CompletionSlideView slide=done /> }.into_any()
                }
                SlideBody::Leaderboard(board) => {
                    view! { <LeaderboardSlideView slide=board /> }.into_any()
                }
                SlideBody::Unavailable(text) => {
                    view! { <p class="slide-warn">"⚠ " {text}</p> }.into_any()
                }
            };
            view! {
                <section class=format!("slide {}", s.key.class()) aria-roledescription="slide">
                    <header class="slide-head">
                        <h1>{s.title}</h1>
                        <span class="slide-plan">{s.plan_line}</span>
                        <span class="slide-count">{s.count}</span>
                    </header>
                    <div class="slide-body">{body}</div>
                </section>
            }
        })
    }
}
