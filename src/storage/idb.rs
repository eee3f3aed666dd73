//! The plan library in IndexedDB: plans, their heads (name, size, revision), the index and the
//! kept versions. Each change is one transaction: the index and a plan, a version and the plan
//! it keeps, are written together or not at all (a transaction dropped before its commit is
//! rolled back). Layout in docs/FORMAT.md, "Storage in the browser".

use std::rc::Rc;

use indexed_db_futures::database::Database;
use indexed_db_futures::internals::SystemRepr;
use indexed_db_futures::object_store::ObjectStore;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::{Transaction, TransactionMode};
use web_sys::wasm_bindgen::{JsCast, JsValue};

use super::library::Index;
use super::versions::{self, VersionHead, Why};

pub const DB_NAME: &str = "region-planner";
/// Plan id → `{rev, utf8}`: the text as UTF-8 bytes, which IndexedDB copies without
/// converting (a plan stored as `{rev, text}`, a string, reads too).
pub const PLANS: &str = "plans";
/// Plan id → `{rev, name, size, readable}`: listed without reading any plan.
pub const HEADS: &str = "heads";
/// Version key → its [`VersionHead`].
pub const VERSIONS: &str = "versions";
/// Version key → its text, byte for byte.
pub const VERSION_TEXTS: &str = "version-texts";
/// `"index"` → the [`Index`] as JSON text.
pub const LIBRARY: &str = "library";
const INDEX: &str = "index";
const ALL: [&str; 5] = [PLANS, HEADS, VERSIONS, VERSION_TEXTS, LIBRARY];

/// Why a write did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// The storage quota is used up.
    Full,
    /// IndexedDB is switched off or missing in this browser.
    Unavailable,
    /// Anything else the browser reported.
    Other(String),
}

/// A stored plan: its revision (one more at each write) and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    pub rev: u64,
    pub text: String,
}

thread_local! {
    static DB: std::cell::RefCell<Option<Rc<Database>>> = const { std::cell::RefCell::new(None) };
}

/// The database, opened (and laid out) on first use.
pub async fn db() -> Result<Rc<Database>, SaveError> {
    if let Some(db) = DB.with(|d| d.borrow().clone()) {
        return Ok(db);
    }
    let db = Database::open(DB_NAME)
        .with_version(1u32)
        .with_on_upgrade_needed(|_event, db| {
            for store in ALL {
                db.create_object_store(store).build()?;
            }
            Ok(())
        })
        .await
        .map_err(|e| SaveError::Other(e.to_string()))?;
    let db = Rc::new(db);
    DB.with(|d| *d.borrow_mut() = Some(db.clone()));
    Ok(db)
}

fn other(e: impl std::fmt::Display) -> SaveError {
    SaveError::Other(e.to_string())
}

/// A transaction that may write every store (a change to the library is all or nothing).
fn write_everything(db: &Database) -> Result<Transaction<'_>, SaveError> {
    db.transaction(ALL)
        .with_mode(TransactionMode::Readwrite)
        .build()
        .map_err(other)
}

/// Every key of a store (all are strings here).
async fn all_keys(store: &ObjectStore<'_>) -> Result<Vec<String>, SaveError> {
    Ok(store
        .get_all_keys::<String>()
        .await
        .map_err(other)?
        .filter_map(Result::ok)
        .collect())
}

/// Every value of a store, in the order of [`all_keys`].
async fn all_values(store: &ObjectStore<'_>) -> Result<Vec<JsValue>, SaveError> {
    Ok(store
        .get_all::<JsValue>()
        .await
        .map_err(other)?
        .filter_map(Result::ok)
        .collect())
}

/// What a failed transaction reported: a used-up quota shows as `QuotaExceededError` on the
/// transaction.
fn classify(tx: &web_sys::IdbTransaction, e: impl std::fmt::Display) -> SaveError {
    let name = tx.error().map(|d| d.name()).unwrap_or_default();
    if name == "QuotaExceededError" || e.to_string().contains("QuotaExceeded") {
        SaveError::Full
    } else if name.is_empty() {
        other(e)
    } else {
        SaveError::Other(name)
    }
}

fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

fn field(v: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(v, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
}

fn entry_of(v: &JsValue) -> Option<Entry> {
    let utf8 = field(v, "utf8");
    let text = match utf8.dyn_ref::<js_sys::Uint8Array>() {
        // Bytes that are not UTF-8 were not written here; what can be read of them is shown
        // (as a plan that cannot be opened, when it is one).
        Some(bytes) => match String::from_utf8(bytes.to_vec()) {
            Ok(text) => text,
            Err(e) => String::from_utf8_lossy(e.as_bytes()).into_owned(),
        },
        None => field(v, "text").as_string()?,
    };
    Some(Entry {
        rev: field(v, "rev").as_f64().unwrap_or(0.0) as u64,
        text,
    })
}

/// A plan's stored entry. A JavaScript string would be made from the text (and made back on
/// reading) character by character, and stored as one; bytes are copied as they are.
fn entry_value(rev: u64, text: &str) -> JsValue {
    obj(&[
        ("rev", JsValue::from_f64(rev as f64)),
        ("utf8", js_sys::Uint8Array::from(text.as_bytes()).into()),
    ])
}

fn head_value(rev: u64, name: &str, size: u64, readable: bool) -> JsValue {
    obj(&[
        ("rev", JsValue::from_f64(rev as f64)),
        ("name", JsValue::from_str(name)),
        ("size", JsValue::from_f64(size as f64)),
        ("readable", JsValue::from_bool(readable)),
    ])
}

fn json_value<T: serde::Serialize>(value: &T) -> Result<JsValue, SaveError> {
    let text = serde_json::to_string(value).map_err(other)?;
    js_sys::JSON::parse(&text).map_err(|_| SaveError::Other("JSON".into()))
}

fn from_json_value<T: serde::de::DeserializeOwned>(value: &JsValue) -> Option<T> {
    let text = js_sys::JSON::stringify(value).ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}

/// Everything stored: each plan's id and entry, and the index's text.
pub struct Library {
    pub plans: Vec<(String, Entry)>,
    pub index: Option<String>,
}

pub async fn read_library() -> Result<Library, SaveError> {
    let db = db().await?;
    let tx = db.transaction([PLANS, LIBRARY]).build().map_err(other)?;
    let plans = tx.object_store(PLANS).map_err(other)?;
    let keys = all_keys(&plans).await?;
    let values = all_values(&plans).await?;
    let index: Option<String> = tx
        .object_store(LIBRARY)
        .map_err(other)?
        .get::<String, _, _>(INDEX)
        .await
        .map_err(other)?;
    let plans = keys
        .into_iter()
        .zip(values.iter())
        .filter_map(|(k, v)| Some((k, entry_of(v)?)))
        .collect();
    Ok(Library { plans, index })
}

/// What the plan list needs of a stored plan, without reading it.
#[derive(Clone, Debug)]
pub struct Head {
    pub name: String,
    pub readable: bool,
}

/// The stored plans' ids and heads (a plan stored without a head has `None`), and the index.
pub struct Listing {
    pub plans: Vec<(String, Option<Head>)>,
    pub index: Option<String>,
}

pub async fn read_listing() -> Result<Listing, SaveError> {
    let db = db().await?;
    let tx = db
        .transaction([PLANS, HEADS, LIBRARY])
        .build()
        .map_err(other)?;
    let ids = all_keys(&tx.object_store(PLANS).map_err(other)?).await?;
    let heads = tx.object_store(HEADS).map_err(other)?;
    let head_ids = all_keys(&heads).await?;
    let head_values = all_values(&heads).await?;
    let mut by_id: std::collections::HashMap<String, Head> = head_ids
        .into_iter()
        .zip(head_values.iter())
        .filter_map(|(id, v)| {
            Some((
                id,
                Head {
                    name: field(v, "name").as_string()?,
                    readable: field(v, "readable").as_bool().unwrap_or(false),
                },
            ))
        })
        .collect();
    let index: Option<String> = tx
        .object_store(LIBRARY)
        .map_err(other)?
        .get::<String, _, _>(INDEX)
        .await
        .map_err(other)?;
    let plans = ids
        .into_iter()
        .map(|id| {
            let head = by_id.remove(&id);
            (id, head)
        })
        .collect();
    Ok(Listing { plans, index })
}

/// One plan's stored entry, if any.
pub async fn read_plan(id: &str) -> Result<Option<Entry>, SaveError> {
    let db = db().await?;
    let tx = db.transaction(PLANS).build().map_err(other)?;
    let v: Option<JsValue> = tx
        .object_store(PLANS)
        .map_err(other)?
        .get(id)
        .await
        .map_err(other)?;
    Ok(v.as_ref().and_then(entry_of))
}

/// What a write expects of the plan's stored entry before it writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// Whatever is stored (a replace keeps it as a version first).
    Any,
    /// The revision this window last read or wrote (0: not stored).
    Rev(u64),
}

/// One change of the library, written in one transaction.
#[derive(Clone, Default)]
pub struct Change {
    /// Keep plan `.0`'s stored text as a version first (why, when: local ISO time).
    pub keep: Option<(String, Why, String)>,
    /// Write a plan's text (id, text, name as listed, readable), expecting its entry as said.
    pub put: Option<(String, String, String, bool, Expect)>,
    /// Remove a plan's entry.
    pub delete: Option<String>,
    pub index: Option<Index>,
    /// Versions to remove first (making room).
    pub drop_versions: Vec<String>,
}

/// What a change did.
#[derive(Debug)]
pub enum Outcome {
    /// Written: the plan's new revision (0 when no plan was written), the version kept.
    Done { rev: u64, kept: Option<VersionHead> },
    /// Nothing written: the plan's stored entry is not the expected one (what it is now).
    Stale(Option<Entry>),
}

/// Carries out `change` in one transaction; nothing of it is written when any part fails.
pub async fn apply(change: Change, stamp: u64) -> Result<Outcome, SaveError> {
    let db = db().await?;
    let tx = write_everything(&db)?;
    let plans = tx.object_store(PLANS).map_err(other)?;
    let heads = tx.object_store(HEADS).map_err(other)?;
    let vheads = tx.object_store(VERSIONS).map_err(other)?;
    let vtexts = tx.object_store(VERSION_TEXTS).map_err(other)?;
    let raw_tx: web_sys::IdbTransaction = plans.as_sys().transaction();

    for key in &change.drop_versions {
        vheads.delete(key.as_str()).await.map_err(other)?;
        vtexts.delete(key.as_str()).await.map_err(other)?;
    }
    let mut rev = 0;
    if let Some((id, _, _, _, expect)) = &change.put {
        // The head carries the plan's revision: a save of a big plan reads a few bytes, not
        // the plan. A plan stored without a head (by hand, say) is read instead.
        let head: Option<JsValue> = heads.get(id.as_str()).await.map_err(other)?;
        let stored_rev = match head.as_ref().map(|h| field(h, "rev").as_f64()) {
            Some(Some(r)) => Some(r as u64),
            _ => {
                let now: Option<JsValue> = plans.get(id.as_str()).await.map_err(other)?;
                now.as_ref().and_then(entry_of).map(|e| e.rev)
            }
        };
        if let Expect::Rev(known) = expect
            && stored_rev.unwrap_or(0) != *known
        {
            let now: Option<JsValue> = plans.get(id.as_str()).await.map_err(other)?;
            return Ok(Outcome::Stale(now.as_ref().and_then(entry_of)));
        }
        rev = stored_rev.unwrap_or(0) + 1;
    }
    let mut kept = None;
    if let Some((id, why, at)) = &change.keep {
        let now: Option<JsValue> = plans.get(id.as_str()).await.map_err(other)?;
        if let Some(entry) = now.as_ref().and_then(entry_of) {
            let existing = all_values(&vheads).await?;
            let mut all: Vec<VersionHead> = existing.iter().filter_map(from_json_value).collect();
            let taken: std::collections::HashSet<String> =
                all.iter().map(|h| h.key.clone()).collect();
            let key = versions::new_key(stamp, id, |k| taken.contains(k));
            let head = versions::head_of(&key, id, &entry.text, at, stamp, *why);
            put_version(&vtexts, &vheads, &entry.text, &head).await?;
            all.push(head.clone());
            for old in versions::to_drop(&all, &key) {
                vheads.delete(old.as_str()).await.map_err(other)?;
                vtexts.delete(old.as_str()).await.map_err(other)?;
            }
            kept = Some(head);
        }
    }
    if let Some((id, text, name, readable, _)) = &change.put {
        plans
            .put(entry_value(rev, text))
            .with_key(id.as_str())
            .await
            .map_err(other)?;
        heads
            .put(head_value(
                rev,
                name,
                text.chars().count() as u64,
                *readable,
            ))
            .with_key(id.as_str())
            .await
            .map_err(other)?;
    }
    if let Some(id) = &change.delete {
        plans.delete(id.as_str()).await.map_err(other)?;
        heads.delete(id.as_str()).await.map_err(other)?;
    }
    if let Some(index) = &change.index {
        let text = serde_json::to_string(index).map_err(other)?;
        tx.object_store(LIBRARY)
            .map_err(other)?
            .put(text)
            .with_key(INDEX)
            .await
            .map_err(other)?;
    }
    tx.commit().await.map_err(|e| classify(&raw_tx, e))?;
    Ok(Outcome::Done { rev, kept })
}

/// Writes a kept version: its text and its head, under the head's key.
async fn put_version(
    texts: &ObjectStore<'_>,
    heads: &ObjectStore<'_>,
    text: &str,
    head: &VersionHead,
) -> Result<(), SaveError> {
    let key = head.key.as_str();
    texts.put(text).with_key(key).await.map_err(other)?;
    heads
        .put(json_value(head)?)
        .with_key(key)
        .await
        .map_err(other)?;
    Ok(())
}

/// Every kept version's head.
pub async fn list_versions() -> Result<Vec<VersionHead>, SaveError> {
    let db = db().await?;
    let tx = db.transaction(VERSIONS).build().map_err(other)?;
    let all = all_values(&tx.object_store(VERSIONS).map_err(other)?).await?;
    Ok(all.iter().filter_map(from_json_value).collect())
}

/// A kept version's text, exactly as kept.
pub async fn version_text(key: &str) -> Result<Option<String>, SaveError> {
    let db = db().await?;
    let tx = db.transaction(VERSION_TEXTS).build().map_err(other)?;
    tx.object_store(VERSION_TEXTS)
        .map_err(other)?
        .get::<String, _, _>(key)
        .await
        .map_err(other)
}

/// Writes entries moved from local storage in one transaction: plans (a plan stored here with
/// other text is kept as a version first), versions (heads and texts) not stored yet, and the
/// index when none is stored.
pub async fn take_in(
    plans: &[(String, String)],
    heads: &[(String, String)],
    texts: &[(String, String)],
    index: Option<&str>,
    at: &str,
    stamp: u64,
) -> Result<(), SaveError> {
    let db = db().await?;
    let tx = write_everything(&db)?;
    let pstore = tx.object_store(PLANS).map_err(other)?;
    let hstore = tx.object_store(HEADS).map_err(other)?;
    let vheads = tx.object_store(VERSIONS).map_err(other)?;
    let vtexts = tx.object_store(VERSION_TEXTS).map_err(other)?;
    let lib = tx.object_store(LIBRARY).map_err(other)?;
    let raw_tx: web_sys::IdbTransaction = pstore.as_sys().transaction();
    for (key, text) in texts {
        let have: Option<String> = vtexts.get(key.as_str()).await.map_err(other)?;
        if have.is_none() {
            vtexts
                .put(text.as_str())
                .with_key(key.as_str())
                .await
                .map_err(other)?;
        }
    }
    for (key, text) in heads {
        let have: Option<JsValue> = vheads.get(key.as_str()).await.map_err(other)?;
        if have.is_none()
            && let Ok(head) = serde_json::from_str::<VersionHead>(text)
        {
            vheads
                .put(json_value(&head)?)
                .with_key(key.as_str())
                .await
                .map_err(other)?;
        }
    }
    let mut n = 0;
    for (id, text) in plans {
        let now: Option<JsValue> = pstore.get(id.as_str()).await.map_err(other)?;
        let now = now.as_ref().and_then(entry_of);
        if now.as_ref().is_some_and(|e| &e.text == text) {
            continue;
        }
        if let Some(old) = &now {
            // What this database held is newer or older: it is kept, never overwritten silently.
            n += 1;
            let key = format!("{stamp:015}/{id}/moved-{n}");
            let head = versions::head_of(&key, id, &old.text, at, stamp, Why::Replace);
            put_version(&vtexts, &vheads, &old.text, &head).await?;
        }
        let rev = now.map_or(0, |e| e.rev) + 1;
        let (name, readable) = versions::name_of(id, text);
        pstore
            .put(entry_value(rev, text))
            .with_key(id.as_str())
            .await
            .map_err(other)?;
        hstore
            .put(head_value(
                rev,
                &name,
                text.chars().count() as u64,
                readable,
            ))
            .with_key(id.as_str())
            .await
            .map_err(other)?;
    }
    if let Some(index) = index {
        let have: Option<String> = lib.get(INDEX).await.map_err(other)?;
        if have.is_none() {
            lib.put(index).with_key(INDEX).await.map_err(other)?;
        }
    }
    tx.commit().await.map_err(|e| classify(&raw_tx, e))
}
