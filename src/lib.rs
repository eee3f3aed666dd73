//! Region Planner (区域销售计划): regional sales planning that runs in the browser.
//!
//! [`core`] is the pure domain (native and wasm). [`storage`] and [`ui`] exist only in the
//! WebAssembly build.

pub mod core;
pub mod i18n;
pub mod storage;
pub mod view;

/// The `planner` command line (native only).
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
