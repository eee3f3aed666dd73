//! The browser's local storage. Every failure is returned, never thrown: a full or missing
//! storage must not stop a manager from working.

use gloo_storage::{LocalStorage, Storage};
use web_sys::wasm_bindgen::JsValue;

use super::library::{INDEX_KEY, Index, LANG_KEY, Opened, PREFIX, open, plan_key};
use crate::core::format::write_plan;
use crate::core::lang::Lang;
use crate::core::model::Plan;

/// Why a write did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The storage quota is used up.
    Full,
    /// Local storage is switched off or missing in this browser.
    Unavailable,
    /// Anything else the browser reported.
    Other(String),
}

/// The storage if this browser allows it. (gloo's own accessor panics when it does not.)
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn available() -> bool {
    storage().is_some()
}

/// Reads every product entry and sorts them into plans and broken entries.
pub fn open_library() -> Opened {
    let Some(s) = storage() else {
        return open(Vec::new(), None);
    };
    let count = s.length().unwrap_or(0);
    let mut entries = Vec::new();
    for i in 0..count {
        if let Ok(Some(key)) = s.key(i)
            && key.starts_with(PREFIX)
            && key != INDEX_KEY
            && let Ok(Some(text)) = s.get_item(&key)
        {
            entries.push((key, text));
        }
    }
    let index = s.get_item(INDEX_KEY).ok().flatten();
    open(entries, index.as_deref())
}

/// Reads one plan by id.
pub fn load_plan(id: &str) -> Result<Plan, Option<crate::core::format::ReadError>> {
    let text = storage()
        .and_then(|s| s.get_item(&plan_key(id)).ok().flatten())
        .ok_or(None)?;
    let mut plan = crate::core::format::read_plan(&text).map_err(Some)?;
    plan.id = id.to_string();
    Ok(plan)
}

/// Whether a key is present (readable or not).
pub fn has_key(key: &str) -> bool {
    storage()
        .and_then(|s| s.get_item(key).ok().flatten())
        .is_some()
}

fn classify(err: JsValue) -> SaveError {
    let name = js_sys::Reflect::get(&err, &JsValue::from_str("name"))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
        SaveError::Full
    } else {
        SaveError::Other(
            js_sys::Reflect::get(&err, &JsValue::from_str("message"))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or(name),
        )
    }
}

fn write(key: &str, text: &str) -> Result<(), SaveError> {
    if storage().is_none() {
        return Err(SaveError::Unavailable);
    }
    LocalStorage::raw().set_item(key, text).map_err(classify)
}

pub fn save_plan(plan: &Plan) -> Result<(), SaveError> {
    write(&plan_key(&plan.id), &write_plan(plan))
}

/// Keeps a plan's previous version before an import replaces it.
pub fn save_backup(plan: &Plan) -> Result<(), SaveError> {
    write(&super::library::backup_key(&plan.id), &write_plan(plan))
}

/// The previous version of a plan, if a backup was kept.
pub fn load_backup(id: &str) -> Option<Plan> {
    let text = storage()?
        .get_item(&super::library::backup_key(id))
        .ok()??;
    crate::core::format::read_plan(&text).ok()
}

pub fn save_index(index: &Index) -> Result<(), SaveError> {
    let text = serde_json::to_string(index).map_err(|e| SaveError::Other(e.to_string()))?;
    write(INDEX_KEY, &text)
}

/// Removes a plan's entry (also an unreadable one, when the manager asks).
pub fn remove_key(key: &str) {
    if storage().is_some() {
        LocalStorage::delete(key);
    }
}

pub fn saved_lang() -> Option<Lang> {
    let text = storage()?.get_item(LANG_KEY).ok()??;
    serde_json::from_str(&text).ok()
}

pub fn save_lang(lang: Lang) {
    if let Ok(text) = serde_json::to_string(&lang) {
        let _ = write(LANG_KEY, &text);
    }
}

/// The route shown last (its slug), to reopen on.
pub fn saved_route() -> Option<String> {
    storage()?.get_item(super::library::ROUTE_KEY).ok()?
}

pub fn save_route(slug: &str) {
    let _ = write(super::library::ROUTE_KEY, slug);
}
