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
    pub mod merge;
    pub mod method;
    pub mod plan_document;
    pub mod presentation;
    pub mod respread;
    pub mod respread_collections;
    pub mod room;
    pub mod sharing;
    pub mod storage;
    pub mod support;
    pub mod territory;
    pub mod workshop;
}

use e2e::support::{Browser, artifacts_dir, budget};
use serde_json::Value;

/// The app tells the tests it is on screen: `body[data-ready="1"]`, and `window.__rp_ready_ms`
/// holds `performance.now()` at that moment (ms since navigation start).
const READY: &str = r#"body[data-ready="1"]"#;

/// How a start is measured: the network as it is, or slowed.
#[derive(Clone, Copy)]
enum Network {
    Localhost,
    /// 10 Mbit/s down and up, 40 ms round trips.
    Throttled,
}

/// Navigation to the sample plan on screen, cold (a fresh profile each time, so nothing is
/// cached), three times; prints the figures and returns the median ready and painted times.
async fn cold_starts(network: Network) -> (f64, f64, String) {
    const RUNS: usize = 3;
    let mut runs = Vec::new();
    for _ in 0..RUNS {
        // Exclusive: no other browser of this test run competes for the two cores meanwhile.
        let b = Browser::options().exclusive().launch().await;
        if let Network::Throttled = network {
            b.throttle(40, 1_250_000).await;
        }
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
                   wasm_bytes: wasm ? wasm.transferSize : null,
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
    let label = match network {
        Network::Localhost => "localhost",
        Network::Throttled => "10 Mbit/s, 40 ms",
    };
    println!(
        "app start ({label}): sample plan ready {ready:.0} ms, first paint {painted:.0} ms after navigation \
         (median of {RUNS} cold starts; ready {ready_list} ms; painted {painted_list} ms; in the median run: \
         HTML {:.0} ms, wasm received {:.0} ms, DOMContentLoaded {:.0} ms, load {:.0} ms)",
        ms(typical, "html_received_ms"),
        ms(typical, "wasm_received_ms"),
        ms(typical, "dom_content_loaded_ms"),
        ms(typical, "load_event_ms"),
    );
    let file = match network {
        Network::Localhost => "app_start.json",
        Network::Throttled => "app_start_throttled.json",
    };
    let record = artifacts_dir().join(file);
    let json = serde_json::json!({ "median_ready_ms": ready, "median_first_paint_ms": painted, "runs": runs });
    std::fs::write(&record, format!("{json:#}\n"))
        .unwrap_or_else(|err| panic!("writing {}: {err}", record.display()));
    (
        ready,
        painted,
        format!("ready {ready_list} ms; painted {painted_list} ms"),
    )
}

/// From localhost the sample plan is on screen soon after navigation (500 ms in the issues;
/// see `support::budget` for the figure asserted on the test machines).
#[tokio::test]
async fn app_start_is_fast() {
    let budget = budget::APP_START;
    budget::within_attempts("app start (localhost)", || async {
        let (ready, painted, runs) = cold_starts(Network::Localhost).await;
        println!("app start (localhost): {}", budget.describe());
        // Ready is when the frame that draws the plan has been painted.
        budget.check(
            &format!("the sample plan on screen (medians; {runs})"),
            ready.max(painted),
        )
    })
    .await;
}

/// Over a 10 Mbit/s link with 40 ms round trips the sample plan is on screen soon (1.5 s in
/// the issues; see `support::budget`).
#[tokio::test]
async fn app_start_over_a_slow_link_is_fast() {
    let budget = budget::APP_START_SLOW_LINK;
    budget::within_attempts("app start (10 Mbit/s, 40 ms)", || async {
        let (ready, painted, runs) = cold_starts(Network::Throttled).await;
        println!("app start (10 Mbit/s, 40 ms): {}", budget.describe());
        budget.check(
            &format!(
                "over 10 Mbit/s with 40 ms round trips, the sample plan on screen (medians; {runs})"
            ),
            ready.max(painted),
        )
    })
    .await;
}

/// A tab builds its route once: the page first drawn stays. (The address the app writes for the
/// route comes back to it as a `hashchange`; taking that for a new visit built every page twice,
/// doubling the time a route takes to open.)
#[tokio::test]
async fn a_tab_builds_its_route_once() {
    let b = Browser::options().lang("en-US").open("/").await;
    b.wait_for(READY).await;
    for (tab, probe) in [
        ("#tab-tracking", ".exec-page"),
        ("#tab-competition", ".leaderboard"),
        ("#tab-compare", "#compare-table"),
        ("#tab-territory", ".tree"),
    ] {
        let kept = b
            .exec_js_with(
                "const [tab, probe] = arguments;
                 document.querySelector(tab).click();
                 return new Promise(done => {
                   const check = () => {
                     const drawn = document.querySelector(probe);
                     if (!drawn) return requestAnimationFrame(check);
                     setTimeout(() => done(drawn.isConnected), 300);
                   };
                   check();
                 });",
                vec![tab.into(), probe.into()],
            )
            .await;
        assert_eq!(kept, serde_json::json!(true), "{tab} built its page again");
    }
}

/// The app reopens on the route used last, planning or execution, when its address names none.
#[tokio::test]
async fn the_app_reopens_on_the_route_used_last() {
    let b = Browser::options().lang("en-US").open("/").await;
    b.wait_for(r#"#tab-territory[aria-selected="true"]"#).await;
    for route in ["competition", "compare"] {
        b.click(&format!("#tab-{route}")).await;
        b.wait_for(&format!("#tab-{route}[aria-selected=\"true\"]"))
            .await;
        b.open("/").await;
        b.wait_for(READY).await;
        b.wait_for(&format!("#tab-{route}[aria-selected=\"true\"]"))
            .await;
        assert!(
            b.url().await.ends_with(&format!("#/{route}")),
            "the address names the route again"
        );
    }
}
