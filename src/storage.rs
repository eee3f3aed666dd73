//! Keeping plans in the browser: IndexedDB for the plans, their index and versions; local
//! storage for small preferences.
//!
//! [`library`] decides, from the raw entries, which plans open and which are reported as
//! unreadable (pure, tested natively); [`idb`] reads and writes the database, [`moving`] moves
//! what older builds kept in local storage, and [`browser`] is what the app calls.

pub mod library;
pub mod versions;

#[cfg(target_arch = "wasm32")]
pub mod browser;
#[cfg(target_arch = "wasm32")]
pub mod compress;
#[cfg(target_arch = "wasm32")]
pub mod files;
#[cfg(target_arch = "wasm32")]
pub mod idb;
#[cfg(target_arch = "wasm32")]
pub mod moving;
#[cfg(target_arch = "wasm32")]
pub mod web_locks;
