//! The route on screen. The execution routes say which scenario they track (the adopted one).

use leptos::prelude::*;

use super::actuals_page::ActualsPage;
use super::breakdown_page::BreakdownPage;
use super::cannot_open::CannotOpen;
use super::compare_page::ComparePage;
use super::competition_page::CompetitionPage;
use super::customers_page::CustomersPage;
use super::expenses_page::ExpensesPage;
use super::log_page::LogPage;
use super::merge_page::MergePage;
use super::print_page::PrintPage;
use super::route::Route;
use super::scorecard_page::ScorecardPage;
use super::state::{Stale, use_app};
use super::territory_page::TerritoryPage;
use super::tiers_page::TiersPage;
use super::tracking_page::TrackingPage;
use crate::core::edit::Part;
use crate::i18n::fill;

/// Which scenario the execution routes measure against.
#[component]
fn TrackedScenario() -> impl IntoView {
    let app = use_app();
    let name = Memo::new(move |_| {
        app.with_plan(Part::Planning, |p| {
            p.adopted().map(|s| s.name.clone()).unwrap_or_default()
        })
    });
    view! {
        <p class="tracked-scenario" id="tracked-scenario">
            {move || fill(app.x().tracks_scenario, &[&name.get()])}
        </p>
    }
}

#[component]
pub fn RouteView() -> impl IntoView {
    let app = use_app();
    let execution = Memo::new(move |_| app.route.get().is_execution());
    let unreadable =
        Memo::new(move |_| app.stale.with(|s| matches!(s, Some(Stale::Unreadable(_)))));
    view! {
        <Show when=move || execution.get() && !unreadable.get()>
            <TrackedScenario />
        </Show>
        <CannotOpen />
        {move || (!unreadable.get()).then(|| match app.route.get() {
            Route::Territory => view! { <TerritoryPage /> }.into_any(),
            Route::Tiers => view! { <TiersPage /> }.into_any(),
            Route::Breakdown => view! { <BreakdownPage /> }.into_any(),
            Route::Compare => view! { <ComparePage /> }.into_any(),
            Route::Print => view! { <PrintPage /> }.into_any(),
            Route::Log => view! { <LogPage /> }.into_any(),
            Route::Merge => view! { <MergePage /> }.into_any(),
            Route::Actuals => view! { <ActualsPage /> }.into_any(),
            Route::Tracking => view! { <TrackingPage /> }.into_any(),
            Route::Competition => view! { <CompetitionPage /> }.into_any(),
            Route::Customers => view! { <CustomersPage /> }.into_any(),
            Route::Scorecard => view! { <ScorecardPage /> }.into_any(),
            Route::Expenses => view! { <ExpensesPage /> }.into_any(),
        })}
    }
}
