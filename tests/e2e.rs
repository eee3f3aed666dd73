//! End-to-end tests: the built app (`dist/`) in headless Chromium, driven over WebDriver.
//!
//! Run them with `./scripts/test.sh` (it builds `dist/` first), or by hand after
//! `trunk build --release`: `cargo test --features e2e --test e2e`.
//! The helpers are in `tests/e2e/support.rs`; tests can also go in `tests/e2e/*.rs`, declared
//! in the `e2e` module below.

mod e2e {
    pub mod breakdown;
    pub mod changelog;
    pub mod compare;
    pub mod execution;
    pub mod sharing;
    pub mod support;
    pub mod territory;
    pub mod workshop;
}

use e2e::support::{Browser, artifacts_dir};
use serde_json::Value;

/// The app tells the tests it is on screen: `body[data-ready="1"]`, and `window.__rp_ready_ms`
/// holds `performance.now()` at that moment (ms since navigation start).
const READY: &str = r#"body[data-ready="1"]"#;

/// Navigation to the sample plan on screen, cold: a fresh profile each time, so nothing is cached.
#[tokio::test]
async fn app_start_is_fast() {
    const RUNS: usize = 3;
    const BUDGET_MS: f64 = 500.0;

    let mut runs = Vec::new();
    for _ in 0..RUNS {
        // Exclusive: no other browser of this test run competes for the two cores meanwhile.
        let b = Browser::options().exclusive().launch().await;
        b.open("/").await;
        b.wait_for(READY).await;
        // The paint that puts it on screen.
        b.wait_until("performance.getEntriesByName('first-contentful-paint').length > 0")
            .await;
        let timing = b
            .exec_js(
                "const nav = performance.getEntriesByType('navigation')[0];
                 const wasm = performance.getEntriesByType('resource').find(r => r.name.endsWith('.wasm'));
                 const paint = performance.getEntriesByName('first-contentful-paint')[0];
                 return {
                   ready_ms: typeof window.__rp_ready_ms === 'number' ? window.__rp_ready_ms : null,
                   html_received_ms: nav.responseEnd,
                   dom_content_loaded_ms: nav.domContentLoadedEventEnd,
                   load_event_ms: nav.loadEventEnd,
                   wasm_received_ms: wasm ? wasm.responseEnd : null,
                   first_contentful_paint_ms: paint ? paint.startTime : null,
                 };",
            )
            .await;
        assert!(
            timing["ready_ms"].is_number(),
            "body[data-ready=\"1\"] is set but window.__rp_ready_ms is not a number: {timing}"
        );
        runs.push(timing);
    }

    let ms = |run: &Value, key: &str| run[key].as_f64().unwrap_or(f64::NAN);
    // Median over the runs, and the runs' values in order.
    let median_of = |key: &str| {
        let mut values: Vec<f64> = runs.iter().map(|r| ms(r, key)).collect();
        values.sort_by(f64::total_cmp);
        let list = values
            .iter()
            .map(|v| format!("{v:.0}"))
            .collect::<Vec<_>>()
            .join(", ");
        (values[RUNS / 2], list)
    };
    let (ready, ready_list) = median_of("ready_ms");
    let (painted, painted_list) = median_of("first_contentful_paint_ms");
    let typical = runs
        .iter()
        .find(|r| ms(r, "ready_ms") == ready)
        .unwrap_or(&runs[0]);
    println!(
        "app start: sample plan ready {ready:.0} ms, first paint {painted:.0} ms after navigation \
         (median of {RUNS} cold starts; ready {ready_list} ms; painted {painted_list} ms; in the median run: \
         HTML {:.0} ms, wasm received {:.0} ms, DOMContentLoaded {:.0} ms, load {:.0} ms)",
        ms(typical, "html_received_ms"),
        ms(typical, "wasm_received_ms"),
        ms(typical, "dom_content_loaded_ms"),
        ms(typical, "load_event_ms"),
    );
    let record = artifacts_dir().join("app_start.json");
    let json = serde_json::json!({ "median_ready_ms": ready, "median_first_paint_ms": painted, "runs": runs });
    std::fs::write(&record, format!("{json:#}\n"))
        .unwrap_or_else(|err| panic!("writing {}: {err}", record.display()));

    assert!(
        ready < BUDGET_MS,
        "the sample plan was ready {ready:.0} ms after navigation (median of {ready_list} ms); the budget is {BUDGET_MS} ms"
    );
    // Ready is when the app has built the page; the screen shows it at the next paint.
    assert!(
        painted < BUDGET_MS,
        "the first paint came {painted:.0} ms after navigation (median of {painted_list} ms); the budget is {BUDGET_MS} ms"
    );
}
