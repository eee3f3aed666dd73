//! End-to-end tests: the built app (`dist/`) in headless Chromium, driven over WebDriver.
//!
//! Run them with `./scripts/test.sh` (it builds `dist/` first), or by hand after
//! `trunk build --release`: `cargo test --features e2e --test e2e`.
//! The helpers are in `tests/e2e/support.rs`; tests can also go in `tests/e2e/*.rs`, declared
//! in the `e2e` module below.

mod e2e {
    pub mod support;
    pub mod territory;
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
        // The paint that puts it on screen (reported, not part of the budget check).
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
    let mut ready: Vec<f64> = runs.iter().map(|r| ms(r, "ready_ms")).collect();
    ready.sort_by(f64::total_cmp);
    let median = ready[RUNS / 2];
    let typical = runs
        .iter()
        .find(|r| ms(r, "ready_ms") == median)
        .unwrap_or(&runs[0]);
    let list = ready
        .iter()
        .map(|v| format!("{v:.0}"))
        .collect::<Vec<_>>()
        .join(", ");
    println!(
        "app start: sample plan on screen {median:.0} ms after navigation (median of {RUNS} cold starts: {list} ms; \
         HTML {:.0} ms, wasm received {:.0} ms, DOMContentLoaded {:.0} ms, load {:.0} ms, first contentful paint {:.0} ms)",
        ms(typical, "html_received_ms"),
        ms(typical, "wasm_received_ms"),
        ms(typical, "dom_content_loaded_ms"),
        ms(typical, "load_event_ms"),
        ms(typical, "first_contentful_paint_ms"),
    );
    let record = artifacts_dir().join("app_start.json");
    let json = serde_json::json!({ "median_ready_ms": median, "runs": runs });
    std::fs::write(&record, format!("{json:#}\n"))
        .unwrap_or_else(|err| panic!("writing {}: {err}", record.display()));

    assert!(
        median < BUDGET_MS,
        "navigation to the sample plan on screen took {median:.0} ms (median of {list} ms); the budget is {BUDGET_MS} ms"
    );
}
