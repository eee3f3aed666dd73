//! The tabs: the planning routes, then the execution routes (计划执行), and presentation mode.

use leptos::prelude::*;

use super::route::Route;
use super::state::{App, use_app};

/// A route's tab label in the current language (the page's own heading may be longer).
pub fn route_label(app: App, route: Route) -> &'static str {
    let (t, x) = (app.t(), app.x());
    match route {
        Route::Territory => t.view_territory,
        Route::Tiers => t.view_tiers,
        Route::Breakdown => t.view_breakdown,
        Route::Compare => t.view_compare,
        Route::Print => t.view_print,
        Route::Log => t.view_log,
        Route::Merge => crate::i18n::merge::merge_text(app.lang.get()).open_page,
        Route::Actuals => x.page_actuals,
        Route::Tracking => x.tab_tracking,
        Route::Competition => x.tab_competition,
        Route::Customers => x.tab_customers,
        Route::Scorecard => x.tab_scorecard,
        Route::Expenses => x.page_expenses,
    }
}

/// One tab.
#[component]
fn Tab(route: Route) -> impl IntoView {
    let app = use_app();
    view! {
        <button type="button" role="tab" class="tab" id=format!("tab-{}", route.slug())
            aria-selected=move || (app.route.get() == route).to_string()
            on:click=move |_| app.route.set(route)>
            {move || route_label(app, route)}
        </button>
    }
}

#[component]
pub fn Nav() -> impl IntoView {
    let app = use_app();
    view! {
        <nav class="tabs" role="tablist">
            {Route::PLANNING.map(|route| view! { <Tab route=route /> }).collect_view()}
            <span class="tab-group" id="execution-tabs">{move || app.x().title}</span>
            {Route::EXECUTION.map(|route| view! { <Tab route=route /> }).collect_view()}
            <button type="button" class="btn present-button" id="present" title="P"
                on:click=move |_| app.presenting.set(Some(0))>
                "▶ " {move || app.t().present}
            </button>
        </nav>
    }
}
