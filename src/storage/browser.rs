//! The browser's local storage. Every failure is returned, never thrown: a full or missing
//! storage must not stop a manager from working.

use gloo_storage::{LocalStorage, Storage};
use web_sys::wasm_bindgen::JsValue;

pub use super::library::Stored;
use super::library::{INDEX_KEY, Index, LANG_KEY, Opened, PREFIX, compare, open, plan_key};
use super::versions::{self, VersionHead};
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

/// Reads one plan by id, and remembers its text as the version this window's copy starts from.
pub fn load_plan(id: &str) -> Result<Plan, Option<crate::core::format::ReadError>> {
    let text = raw_text(&plan_key(id)).ok_or(None)?;
    let mut plan = crate::core::format::read_plan(&text).map_err(Some)?;
    plan.id = id.to_string();
    remember(id, text);
    Ok(plan)
}

/// A stored entry's text exactly as stored.
pub fn raw_text(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

thread_local! {
    /// The open plan's id and its text as this window last read or wrote it: a save first
    /// checks that the stored text is still this one (else another window wrote meanwhile).
    static BASE: std::cell::RefCell<Option<(String, String)>> = const { std::cell::RefCell::new(None) };
}

/// Remembers `text` as plan `id`'s stored text, as this window knows it.
pub fn remember(id: &str, text: String) {
    BASE.with(|b| *b.borrow_mut() = Some((id.to_string(), text)));
}

/// Remembers plan `id`'s text as stored now (when it is opened without [`load_plan`]).
pub fn remember_stored(id: &str) {
    match raw_text(&plan_key(id)) {
        Some(text) => remember(id, text),
        None => forget(),
    }
}

/// This window knows no stored text (its plan is not stored yet).
pub fn forget() {
    BASE.with(|b| *b.borrow_mut() = None);
}

/// Whether a key is present (readable or not).
pub fn has_key(key: &str) -> bool {
    raw_text(key).is_some()
}

/// Compares plan `id`'s stored entry with the text this window knows.
pub fn check(id: &str) -> Stored {
    let now = raw_text(&plan_key(id));
    BASE.with(|b| {
        let b = b.borrow();
        let known = b.as_ref().filter(|(k, _)| k == id).map(|(_, t)| t.as_str());
        compare(known, now)
    })
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

/// Writes a plan and remembers the text as this window's.
pub fn save_plan(plan: &Plan) -> Result<(), SaveError> {
    let text = write_plan(plan);
    write(&plan_key(&plan.id), &text)?;
    remember(&plan.id, text);
    Ok(())
}

/// Writes a stored entry's text exactly as given.
pub fn write_raw(key: &str, text: &str) -> Result<(), SaveError> {
    write(key, text)
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

/// Keeps plan `id`'s stored text (readable or not) as a version, byte for byte, before it is
/// replaced or deleted; drops the oldest versions past the limits. Nothing stored: `Ok(None)`.
/// An error means nothing was kept, and the caller must not go on.
pub fn keep_version(
    id: &str,
    why: versions::Why,
    at: &str,
) -> Result<Option<VersionHead>, SaveError> {
    let Some(text) = raw_text(&plan_key(id)) else {
        return Ok(None);
    };
    let plan = crate::core::format::read_plan(&text).ok();
    let stamp = js_sys::Date::now() as u64;
    let key = versions::new_key(stamp, id, |k| raw_text(&versions::head_key(k)).is_some());
    let head = VersionHead {
        key: key.clone(),
        plan: id.to_string(),
        name: plan
            .as_ref()
            .map_or_else(|| id.to_string(), |p| p.name.clone()),
        at: at.to_string(),
        stamp,
        why,
        size: text.chars().count() as u64,
        readable: plan.is_some(),
    };
    let head_text = serde_json::to_string(&head).map_err(|e| SaveError::Other(e.to_string()))?;
    // Older versions make room for this one when the storage is full.
    let mut heads = list_versions();
    versions::newest_first(&mut heads);
    loop {
        let result = write(&versions::text_key(&key), &text).and_then(|()| {
            write(&versions::head_key(&key), &head_text).inspect_err(|_| {
                remove_key(&versions::text_key(&key));
            })
        });
        match result {
            Ok(()) => break,
            Err(SaveError::Full) if !heads.is_empty() => {
                if let Some(oldest) = heads.pop() {
                    drop_version(&oldest.key);
                }
            }
            Err(e) => return Err(e),
        }
    }
    let mut all = list_versions();
    all.retain(|h| h.key != key);
    all.push(head.clone());
    for old in versions::to_drop(&all, &key) {
        drop_version(&old);
    }
    Ok(Some(head))
}

/// Removes a kept version.
pub fn drop_version(key: &str) {
    remove_key(&versions::head_key(key));
    remove_key(&versions::text_key(key));
}

/// Every kept version's head, newest first.
pub fn list_versions() -> Vec<VersionHead> {
    let Some(s) = storage() else {
        return Vec::new();
    };
    let mut heads = Vec::new();
    for i in 0..s.length().unwrap_or(0) {
        if let Ok(Some(key)) = s.key(i)
            && versions::key_of_head(&key).is_some()
            && let Ok(Some(text)) = s.get_item(&key)
            && let Ok(head) = serde_json::from_str::<VersionHead>(&text)
        {
            heads.push(head);
        }
    }
    versions::newest_first(&mut heads);
    heads
}

/// A kept version's text, byte for byte.
pub fn version_text(key: &str) -> Option<String> {
    raw_text(&versions::text_key(key))
}

/// Characters this site's local storage holds (keys and values, every key: the limit is the
/// site's, not the app's).
pub fn local_use() -> u64 {
    let Some(s) = storage() else {
        return 0;
    };
    let mut chars = 0u64;
    for i in 0..s.length().unwrap_or(0) {
        if let Ok(Some(key)) = s.key(i) {
            let value = s.get_item(&key).ok().flatten().unwrap_or_default();
            chars += (key.encode_utf16().count() + value.encode_utf16().count()) as u64;
        }
    }
    chars
}

/// Asks the browser to keep this site's storage under disk pressure
/// (`navigator.storage.persist()`); whether it will.
pub async fn ask_persistence() -> bool {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else {
        return false;
    };
    let Ok(promise) = storage.persist() else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .is_some_and(|v| v.is_truthy())
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
