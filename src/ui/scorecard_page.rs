//! The distributor scorecard (客户考评): a month's figures per distributor, typed or imported
//! from CSV, scored on seven measures and ranked by the weighted composite, each score with
//! its reason.

mod figures_form;
mod score_files;
mod score_ranking;
mod score_scales;
mod score_weights;

use leptos::prelude::*;

use super::exec::ExecPage;
use super::state::use_app;
use crate::view::exec::scorecard::start_month;
use figures_form::FiguresEntry;
use score_files::{ScoreImport, ScoreToolbar};
use score_ranking::ScoreRanking;
use score_scales::ScoreScales;
use score_weights::ScoreWeights;

/// The scorecard route.
#[component]
pub fn ScorecardPage() -> impl IntoView {
    let app = use_app();
    let month = RwSignal::new(app.with_plan_untracked(start_month));
    let customer = RwSignal::new(None::<String>);
    let pending = RwSignal::new(None);
    // Another plan opened: its own month, and nothing chosen or picked for the other plan.
    Effect::new(move |previous: Option<String>| {
        let id = app.plan_id.get();
        if previous.is_some_and(|p| p != id) {
            month.set(app.with_plan_untracked(start_month));
            customer.set(None);
            pending.set(None);
        }
        id
    });
    view! {
        <ExecPage title=|x| x.page_scorecard intro=|x| x.scorecard_intro>
            <div class="card scorecard-page" id="scorecard">
                <ScoreToolbar month=month pending=pending />
                <ScoreImport month=month pending=pending />
                <ScoreWeights />
                <ScoreScales />
                {move || {
                    let m = month.get();
                    view! { <FiguresEntry month=m customer=customer /> }
                }}
                <ScoreRanking month=month />
            </div>
        </ExecPage>
    }
}
