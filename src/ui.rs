//! The web app (Leptos, client-side rendered): one app for planning and execution, one
//! component per file. Components render view models from [`crate::view`] and change the plan
//! only through typed edits ([`state::App::apply`]).

mod actuals_page;
mod app;
mod banners;
mod breakdown_page;
mod cannot_open;
mod charts;
mod compare_page;
mod competition_page;
mod confirm_dialog;
mod customers_page;
mod exec;
mod expenses_page;
mod fields;
mod header;
mod isolated;
mod keys;
mod library;
mod log_page;
mod merge_page;
mod nav;
mod new_plan_dialog;
mod pages;
mod plan_gone;
mod presentation;
mod print_page;
mod route;
mod save;
mod scenario_bar;
mod scorecard_page;
mod setting_field;
mod share_dialog;
mod state;
mod territory_page;
mod tiers_page;
mod toast;
mod tracking_page;
mod versions_panel;

/// Mounts the app on the page's body.
pub fn start() {
    leptos::mount::mount_to_body(app::App);
}
