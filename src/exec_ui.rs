//! The execution pages (计划执行): actuals, completion and deviations, sales competitions, the
//! customer archive, distributor scorecards and expenses. A second web app over the same core
//! and the same local storage as the planner, so each of the two downloads stays small.

use leptos::prelude::*;

pub fn start() {
    mount_to_body(|| view! { <p>"execution"</p> });
}
