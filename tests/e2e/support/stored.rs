//! Opening the app on a plan of the test's own (10,000 salespeople for the timing tests): the
//! plan put into a fresh profile's local storage as the only plan, and the page reloaded on it.

use std::time::Duration;

use region_planner::core::model::Plan;

use super::Browser;

const READY: &str = r#"body[data-ready="1"]"#;

/// Puts `plan` into the profile's storage as the open plan and opens `path` on it.
pub async fn open_stored(b: &Browser, plan: &Plan, path: &str) {
    let json = region_planner::core::format::write_plan(plan);
    b.open("/").await;
    b.wait_for(READY).await;
    b.set_local_storage(&format!("region-planner/plan/{}", plan.id), &json)
        .await;
    let index = serde_json::json!({ "order": [plan.id], "current": plan.id });
    b.set_local_storage("region-planner/index", &index.to_string())
        .await;
    b.open(path).await;
    b.reload().await;
    b.wait_for(READY).await;
}

/// A browser for timing a large plan (in English at 1280×720, no other browser of the test
/// process open meanwhile, a minute's patience for each wait) with `plan` open on `path`.
pub async fn open_large(plan: &Plan, path: &str) -> Browser {
    let b = Browser::options()
        .lang("en-US")
        .window_size(1280, 720)
        .exclusive()
        .timeout(Duration::from_secs(60))
        .launch()
        .await;
    open_stored(&b, plan, path).await;
    b
}
