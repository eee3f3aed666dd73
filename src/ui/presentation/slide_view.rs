//! The slide on screen.

use leptos::prelude::*;

use super::compare_slide::CompareSlide;
use super::tier_board_slide::TierBoardSlide;
use crate::core::edit::Part;
use crate::ui::charts::{BarChartView, MonthlyChartView};
use crate::ui::state::use_app;
use crate::view::slides::{SlideBody, slide};

/// The current view of the adopted scenario: its heading, the plan it shows and where it is
/// in the deck, then its board, chart or comparison. Recomputed when the plan's planning part,
/// the language or the view changes.
#[component]
pub fn SlideView() -> impl IntoView {
    let app = use_app();
    let current = Memo::new(move |_| {
        let index = app.presenting.get()?;
        let (t, lang) = (app.t(), app.lang.get());
        let computed = app.adopted_breakdown.get();
        let bd = computed.as_ref().and_then(|c| c.0.as_ref().as_ref().ok());
        app.with_plan(Part::Planning, |p| {
            p.adopted().map(|s| slide(t, lang, p, s, bd, index))
        })
    });
    move || {
        current.get().map(|s| {
            let body = match s.body {
                SlideBody::Tiers {
                    columns,
                    distribution,
                } => view! { <TierBoardSlide columns=columns distribution=distribution /> }
                    .into_any(),
                SlideBody::Regions(chart) => view! { <BarChartView chart=chart /> }.into_any(),
                SlideBody::Monthly(chart) => view! { <MonthlyChartView chart=chart /> }.into_any(),
                SlideBody::Compare(ids) => view! { <CompareSlide scenarios=ids /> }.into_any(),
                SlideBody::NoBreakdown(text) => {
                    view! { <p class="doc-empty">{text}</p> }.into_any()
                }
            };
            view! {
                <section class=format!("slide slide-{}", s.index) aria-roledescription="slide">
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
