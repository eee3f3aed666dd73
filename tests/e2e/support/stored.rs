//! Opening the app on a plan of the test's own (10,000 salespeople for the timing tests): the
//! plan put into a fresh profile's IndexedDB library as the only plan, and the page opened on it.

use std::time::Duration;

use region_planner::core::model::Plan;
use serde_json::json;

use super::Browser;

const READY: &str = r#"body[data-ready="1"]"#;

/// Replaces the library of the app's IndexedDB (laid out by a first start) with `plan` alone,
/// open, as the app stores it (docs/FORMAT.md, "Storage in the browser").
const PUT_ONLY_PLAN_JS: &str = "const [id, name, text, done] = arguments;
  const r = indexedDB.open('region-planner');
  r.onerror = () => done('ERROR ' + r.error);
  r.onsuccess = () => {
    const db = r.result;
    const tx = db.transaction(['plans', 'heads', 'library'], 'readwrite');
    tx.objectStore('plans').clear();
    tx.objectStore('heads').clear();
    tx.objectStore('plans').put({ rev: 1, text }, id);
    tx.objectStore('heads').put({ rev: 1, name, size: text.length, readable: true }, id);
    tx.objectStore('library').put(JSON.stringify({ order: [id], current: id }), 'index');
    tx.oncomplete = () => { db.close(); done(true); };
    tx.onabort = () => { db.close(); done('ERROR ' + tx.error); };
  };";

/// Puts `plan` into the profile's storage as the only, open plan and opens `path` on it.
pub async fn open_stored(b: &Browser, plan: &Plan, path: &str) {
    let json = region_planner::core::format::write_plan(plan);
    // A first start lays the database out; the plan is written while no app runs, so no
    // window of the app writes its own plan over it.
    b.open("/").await;
    b.wait_for(READY).await;
    b.open("/no-app-here.txt").await;
    let result = b
        .exec_js_async(
            PUT_ONLY_PLAN_JS,
            vec![json!(plan.id), json!(plan.name), json!(json)],
        )
        .await;
    assert_eq!(result, json!(true), "storing plan {}", plan.id);
    b.open(path).await;
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
