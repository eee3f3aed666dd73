//! The move from local storage, where older builds kept the plans, to IndexedDB. Every plan
//! entry (readable or not, byte for byte), the index and the versions are copied in one
//! transaction, read back and compared; only then are the old keys removed, and only those
//! still holding what was copied. A start that finds old keys again (an older build's window
//! wrote meanwhile) moves them again; what the database held under the same plan is kept as a
//! version, never overwritten silently.

use super::browser::local;
use super::idb::{self, SaveError};
use super::library::{INDEX_KEY, PLAN_PREFIX};
use super::versions::{HEAD_PREFIX, TEXT_PREFIX};

/// The old entries found in local storage.
#[derive(Default)]
struct Old {
    plans: Vec<(String, String)>,
    heads: Vec<(String, String)>,
    texts: Vec<(String, String)>,
    index: Option<String>,
}

fn read_old(s: &web_sys::Storage) -> Old {
    let mut old = Old::default();
    for i in 0..s.length().unwrap_or(0) {
        let Ok(Some(key)) = s.key(i) else { continue };
        let Ok(Some(text)) = s.get_item(&key) else {
            continue;
        };
        if let Some(id) = key.strip_prefix(PLAN_PREFIX) {
            old.plans.push((id.to_string(), text));
        } else if let Some(k) = key.strip_prefix(HEAD_PREFIX) {
            old.heads.push((k.to_string(), text));
        } else if let Some(k) = key.strip_prefix(TEXT_PREFIX) {
            old.texts.push((k.to_string(), text));
        } else if key == INDEX_KEY {
            old.index = Some(text);
        }
    }
    old
}

/// Moves every old entry; `Ok` when there was nothing to move or all of it is in the database
/// and the old keys are gone.
pub async fn move_from_local_storage(at: &str) -> Result<(), SaveError> {
    let Some(s) = local() else { return Ok(()) };
    let old = read_old(&s);
    if old.plans.is_empty() && old.heads.is_empty() && old.texts.is_empty() && old.index.is_none() {
        return Ok(());
    }
    let stamp = js_sys::Date::now() as u64;
    idb::take_in(
        &old.plans,
        &old.heads,
        &old.texts,
        old.index.as_deref(),
        at,
        stamp,
    )
    .await?;

    // Read back and compare before anything is removed.
    let library = idb::read_library().await?;
    for (id, text) in &old.plans {
        let same = library
            .plans
            .iter()
            .any(|(k, e)| k == id && &e.text == text);
        if !same {
            return Err(SaveError::Other(format!("{id} was not copied")));
        }
    }
    for (key, text) in &old.texts {
        if idb::version_text(key).await?.as_deref() != Some(text.as_str()) {
            return Err(SaveError::Other(format!("version {key} was not copied")));
        }
    }
    let heads = idb::list_versions().await?;
    for (key, text) in &old.heads {
        let readable = serde_json::from_str::<super::versions::VersionHead>(text).is_ok();
        if readable && !heads.iter().any(|h| &h.key == key) {
            return Err(SaveError::Other(format!("version {key} was not copied")));
        }
    }
    if old.index.is_some() && library.index.is_none() {
        return Err(SaveError::Other("the index was not copied".into()));
    }

    // Only keys that still hold what was copied go: one written since stays for the next move.
    let remove = |key: String, text: &str| {
        if s.get_item(&key).ok().flatten().as_deref() == Some(text) {
            let _ = s.remove_item(&key);
        }
    };
    for (id, text) in &old.plans {
        remove(format!("{PLAN_PREFIX}{id}"), text);
    }
    for (key, text) in &old.heads {
        remove(format!("{HEAD_PREFIX}{key}"), text);
    }
    for (key, text) in &old.texts {
        remove(format!("{TEXT_PREFIX}{key}"), text);
    }
    if let Some(text) = &old.index {
        remove(INDEX_KEY.to_string(), text);
    }
    Ok(())
}
