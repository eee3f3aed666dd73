//! Keeping plans in the browser's local storage.
//!
//! [`library`] decides, from the raw entries, which plans open and which are reported as
//! unreadable (pure, tested natively); [`browser`] reads and writes the real storage.

pub mod library;
pub mod versions;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod compress;
#[cfg(target_arch = "wasm32")]
pub mod files;
