//! Support for the end-to-end tests: serves the built app (`dist/`), runs chromedriver, and
//! drives one headless Chromium per test through [`Browser`].
//!
//! ```ignore
//! let b = Browser::options().lang("en-US").launch().await;
//! b.open("/").await;
//! b.click_text("button", "Add region").await;
//! b.type_into("input[name=region-name]", "Hangzhou").await;
//! b.press(&Key::Enter).await;
//! b.reload().await;
//! b.wait_for_text(".tree", "Hangzhou").await;
//! ```
//!
//! Per test process: one static file server and one chromedriver (killed at exit). Per
//! [`Browser`]: a fresh Chromium profile, closed and deleted on drop; a failing test leaves a
//! screenshot and the page's text in `target/tmp/e2e/failures/`.

// A toolbox: not every test file uses every helper.
#![allow(dead_code)]

mod browser;
pub mod budget;
pub mod dist;
mod driver;
mod files;
mod gate;
mod server;
mod stored;

use std::path::PathBuf;
use std::sync::OnceLock;

#[allow(unused_imports)] // for the test files that need them
pub use browser::{Browser, Options, STORED_JS};
#[allow(unused_imports)]
pub use fantoccini::key::Key;
#[allow(unused_imports)]
pub use files::{pick_import_file, temp_file};
#[allow(unused_imports)]
pub use stored::{open_large, open_stored};

/// The origin serving `dist/` for this test process, e.g. `http://127.0.0.1:40123`.
pub fn server_url() -> &'static str {
    static URL: OnceLock<String> = OnceLock::new();
    URL.get_or_init(|| {
        let dist = dist::dist_dir();
        let addr = server::serve(dist.clone())
            .unwrap_or_else(|err| panic!("cannot serve {}: {err}", dist.display()));
        format!("http://{addr}")
    })
}

/// Where the tests leave files (failure screenshots, timings, the chromedriver log):
/// `target/tmp/e2e/`.
pub fn artifacts_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("e2e");
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// Runs `act` (a script over `el`, the element matching `target`, and `value`) and measures, in
/// the page, how long until `probe` (a CSS selector) shows `expected`.
pub async fn time_until(
    b: &Browser,
    act: &str,
    target: &str,
    value: &str,
    probe: &str,
    expected: &str,
) -> f64 {
    let script = format!(
        "const [target, value, probe, expected] = arguments;
         const el = document.querySelector(target);
         const start = performance.now();
         {act}
         return new Promise(resolve => {{
           const check = () => {{
             const p = document.querySelector(probe);
             if (p && p.textContent.includes(expected)) resolve(performance.now() - start);
             else requestAnimationFrame(check);
           }};
           check();
         }});"
    );
    let v: serde_json::Value = b
        .exec_js_with(
            &script,
            vec![target.into(), value.into(), probe.into(), expected.into()],
        )
        .await;
    v.as_f64().expect("the change showed on screen")
}
