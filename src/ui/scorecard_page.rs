//! The distributor scorecard (客户考评): a month's figures per distributor, typed or imported
//! from CSV, scored on seven measures and ranked by the weighted composite, each score with
//! its reason.

mod figures_form;
mod score_ranking;
mod score_weights;

use leptos::prelude::*;

use super::state::use_app;
use crate::core::period::YearMonth;
use crate::view::exec::scorecard::{month_choices, start_month};
use figures_form::FiguresEntry;
use score_ranking::ScoreRanking;
use score_weights::ScoreWeights;

/// The scorecard route.
#[component]
pub fn ScorecardPage() -> impl IntoView {
    let app = use_app();
    let month = RwSignal::new(app.with_plan_untracked(start_month));
    let customer = RwSignal::new(None::<String>);
    let months =
        Memo::new(move |_| app.with_plan(crate::core::edit::Part::Planning, month_choices));
    view! {
        <div class="exec-page scorecard-page">
            <h2>{move || app.x().page_scorecard}</h2>
            <p class="intro">{move || app.x().scorecard_intro}</p>
            <div class="card" id="scorecard">
                <div class="toolbar">
                    <label class="field-inline">
                        <span>{move || app.x().month}</span>
                        <select id="score-month" prop:value=move || month.get().to_string()
                            on:change=move |ev| {
                                if let Ok(m) = event_target_value(&ev).parse::<YearMonth>() {
                                    month.set(m);
                                }
                            }>
                            {move || months.get().into_iter().map(|(v, l)| {
                                let selected = v == month.get_untracked().to_string();
                                view! { <option value=v selected=selected>{l}</option> }
                            }).collect_view()}
                        </select>
                    </label>
                </div>
                <ScoreWeights />
                {move || {
                    let m = month.get();
                    view! { <FiguresEntry month=m customer=customer /> }
                }}
                <ScoreRanking month=month />
            </div>
        </div>
    }
}
