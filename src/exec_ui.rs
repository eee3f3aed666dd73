//! The execution pages (计划执行): actuals, completion and deviations, sales competitions, the
//! customer archive, distributor scorecards and expenses. A second web app over the same core
//! and the same local storage as the planner, so each of the two downloads stays small.
//! Pages are drawn as HTML text from `view::exec` (see `ui::html_view`).

mod actuals_page;
mod app;
mod competition_page;
mod customers_page;
mod expenses_page;
mod file_import;
mod scorecard_page;
mod state;
mod tracking_page;

use leptos::prelude::*;

pub fn start() {
    mount_to_body(app::ExecApp);
}

/// A page: its title, a line saying what it is for (none when empty), and its content. One
/// copy of the page markup for all six pages.
fn page_frame(title: &'static str, intro: &'static str, body: AnyView) -> AnyView {
    view! {
        <div class="exec-page">
            <h2>{title}</h2>
            <p class="intro">{intro}</p>
            {body}
        </div>
    }
    .into_any()
}

/// The value of the page's input or select matching `selector` (empty when there is none).
fn input_value(selector: &str) -> String {
    document()
        .query_selector(selector)
        .ok()
        .flatten()
        .map(|el| crate::ui::html_view::value_of(&el))
        .unwrap_or_default()
}
