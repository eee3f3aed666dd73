//! The plan library in the browser's IndexedDB (database `region-planner`, see
//! docs/FORMAT.md): each plan's stored text with its revision, a small head per plan (name,
//! revision, size) so the library lists without reading plans, the versions kept of each plan,
//! and the index (order, current plan). Every change is one transaction over all of them: it
//! happens whole or not at all. Writers across windows take the Web Lock [`LOCK`] first.

use std::cell::RefCell;
use std::rc::Rc;

use indexed_db_futures::database::Database;
use indexed_db_futures::prelude::*;
use indexed_db_futures::transaction::TransactionMode;
use wasm_bindgen_futures::JsFuture;
use web_sys::wasm_bindgen::closure::Closure;
use web_sys::wasm_bindgen::{JsCast, JsValue};

use super::library::Index;

/// The database's name and schema version.
const NAME: &str = "region-planner";
const VERSION: u8 = 1;
/// Object stores: plan texts, plan heads, version heads, version texts, settings.
const PLANS: &str = "plans";
const HEADS: &str = "heads";
const VERSIONS: &str = "versions";
const VERSION_TEXTS: &str = "version_texts";
const SETTINGS: &str = "settings";
const ALL: [&str; 5] = [PLANS, HEADS, VERSIONS, VERSION_TEXTS, SETTINGS];
/// The Web Lock every writer of the library holds while it checks and writes.
pub const LOCK: &str = "region-planner/library";
/// The local-storage key a writer sets after each change, so other windows hear of it (the
/// `storage` event).
pub const CHANGED_KEY: &str = "region-planner/changed";

thread_local! {
    static DB: RefCell<Option<Rc<Database>>> = const { RefCell::new(None) };
}

/// Why the library could not be read or written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The browser's storage for this site is full.
    Full,
    /// IndexedDB is switched off or missing.
    Unavailable,
    /// Another window changed what this write expected: the plan's stored revision is
    /// `stored` (`None`: the plan is not stored, it was deleted).
    Conflict { id: String, stored: Option<u64> },
    /// Anything else the browser reported.
    Other(String),
}

impl From<indexed_db_futures::error::Error> for StoreError {
    fn from(e: indexed_db_futures::error::Error) -> Self {
        let text = format!("{e:?}");
        if text.contains("QuotaExceeded") {
            StoreError::Full
        } else {
            StoreError::Other(text)
        }
    }
}

impl From<indexed_db_futures::error::OpenDbError> for StoreError {
    fn from(e: indexed_db_futures::error::OpenDbError) -> Self {
        StoreError::Other(format!("{e:?}"))
    }
}

/// Opens (and on first use creates) the database; the other functions use it.
pub async fn open() -> Result<(), StoreError> {
    let db = Database::open(NAME)
        .with_version(VERSION)
        .with_on_upgrade_needed(|_event, db| {
            let names = db.object_store_names().collect::<Vec<_>>();
            for store in ALL {
                if !names.iter().any(|n| n == store) {
                    db.create_object_store(store).build()?;
                }
            }
            Ok(())
        })
        .await?;
    DB.with(|d| *d.borrow_mut() = Some(Rc::new(db)));
    Ok(())
}

fn db() -> Result<Rc<Database>, StoreError> {
    DB.with(|d| d.borrow().clone())
        .ok_or(StoreError::Unavailable)
}

// ---- records -------------------------------------------------------------------------------

fn object(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o.into()
}

fn text_of(v: &JsValue, key: &str) -> Option<String> {
    js_sys::Reflect::get(v, &JsValue::from_str(key))
        .ok()?
        .as_string()
}

fn number_of(v: &JsValue, key: &str) -> Option<f64> {
    js_sys::Reflect::get(v, &JsValue::from_str(key))
        .ok()?
        .as_f64()
}

fn flag_of(v: &JsValue, key: &str) -> bool {
    js_sys::Reflect::get(v, &JsValue::from_str(key))
        .ok()
        .is_some_and(|v| v.is_truthy())
}

/// What the library lists of a plan without reading it.
#[derive(Clone, Debug, PartialEq)]
pub struct Head {
    pub id: String,
    pub name: String,
    pub rev: u64,
    /// Characters of its stored text.
    pub size: u64,
    /// Whether this app could read the text when it stored it (an entry moved across from
    /// local storage may not be).
    pub readable: bool,
}

impl Head {
    fn to_js(&self) -> JsValue {
        object(&[
            ("id", JsValue::from_str(&self.id)),
            ("name", JsValue::from_str(&self.name)),
            ("rev", JsValue::from_f64(self.rev as f64)),
            ("size", JsValue::from_f64(self.size as f64)),
            ("readable", JsValue::from_bool(self.readable)),
        ])
    }

    fn from_js(v: &JsValue) -> Option<Head> {
        Some(Head {
            id: text_of(v, "id")?,
            name: text_of(v, "name").unwrap_or_default(),
            rev: number_of(v, "rev")? as u64,
            size: number_of(v, "size").unwrap_or_default() as u64,
            readable: flag_of(v, "readable"),
        })
    }
}

/// A plan's stored text and revision.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub rev: u64,
    pub text: String,
}

/// A kept version of a plan (its text is read separately, [`version_text`]).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct VersionHead {
    /// Its key: plan id, time and a counter.
    pub key: String,
    /// The plan it is a version of.
    pub plan: String,
    /// The plan's name then (its id when the text could not be read).
    pub name: String,
    /// When it was kept (ISO 8601 with offset).
    pub at: String,
    /// Why: `replace`, `import`, `delete` or `restore`.
    pub why: String,
    /// Characters of its text.
    pub size: u64,
}

impl VersionHead {
    fn to_js(&self) -> JsValue {
        object(&[
            ("key", JsValue::from_str(&self.key)),
            ("plan", JsValue::from_str(&self.plan)),
            ("name", JsValue::from_str(&self.name)),
            ("at", JsValue::from_str(&self.at)),
            ("why", JsValue::from_str(&self.why)),
            ("size", JsValue::from_f64(self.size as f64)),
        ])
    }

    fn from_js(v: &JsValue) -> Option<VersionHead> {
        Some(VersionHead {
            key: text_of(v, "key")?,
            plan: text_of(v, "plan")?,
            name: text_of(v, "name").unwrap_or_default(),
            at: text_of(v, "at").unwrap_or_default(),
            why: text_of(v, "why").unwrap_or_default(),
            size: number_of(v, "size").unwrap_or_default() as u64,
        })
    }
}

// ---- reading -------------------------------------------------------------------------------

/// Every plan's head.
pub async fn heads() -> Result<Vec<Head>, StoreError> {
    let db = db()?;
    let tx = db.transaction(HEADS).build()?;
    let store = tx.object_store(HEADS)?;
    let all: Vec<JsValue> = store.get_all().primitive()?.await?.collect::<Result<_, _>>()?;
    Ok(all.iter().filter_map(Head::from_js).collect())
}

/// A plan's stored text and revision.
pub async fn plan(id: &str) -> Result<Option<Stored>, StoreError> {
    let db = db()?;
    let tx = db.transaction(PLANS).build()?;
    let store = tx.object_store(PLANS)?;
    let value: Option<JsValue> = store.get(id).primitive()?.await?;
    Ok(value.and_then(|v| {
        Some(Stored {
            rev: number_of(&v, "rev")? as u64,
            text: text_of(&v, "text")?,
        })
    }))
}

/// The stored index (order of the plans, the one open last).
pub async fn index() -> Result<Option<Index>, StoreError> {
    let db = db()?;
    let tx = db.transaction(SETTINGS).build()?;
    let store = tx.object_store(SETTINGS)?;
    let value: Option<JsValue> = store.get("index").primitive()?.await?;
    Ok(value
        .and_then(|v| v.as_string())
        .and_then(|t| serde_json::from_str(&t).ok()))
}

/// Every kept version's head.
pub async fn versions() -> Result<Vec<VersionHead>, StoreError> {
    let db = db()?;
    let tx = db.transaction(VERSIONS).build()?;
    let store = tx.object_store(VERSIONS)?;
    let all: Vec<JsValue> = store.get_all().primitive()?.await?.collect::<Result<_, _>>()?;
    Ok(all.iter().filter_map(VersionHead::from_js).collect())
}

/// A kept version's text.
pub async fn version_text(key: &str) -> Result<Option<String>, StoreError> {
    let db = db()?;
    let tx = db.transaction(VERSION_TEXTS).build()?;
    let store = tx.object_store(VERSION_TEXTS)?;
    let value: Option<JsValue> = store.get(key).primitive()?.await?;
    Ok(value.and_then(|v| v.as_string()))
}

// ---- writing -------------------------------------------------------------------------------

/// What a plan's stored revision must be for a write to go ahead.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// Not stored (a new plan, or an id taken back from deleted ones).
    Absent,
    /// Stored at this revision.
    Rev(u64),
    /// Whatever is stored (a replace the person chose, after keeping what was there).
    Any,
}

/// One step of a [`Batch`].
#[derive(Clone, Debug)]
pub enum Op {
    /// Store a plan's text (its next revision) and its head.
    Put {
        id: String,
        name: String,
        text: String,
        readable: bool,
        expect: Expect,
    },
    /// Remove a plan.
    Delete { id: String, expect: Expect },
    /// Keep a version.
    Keep { head: VersionHead, text: String },
    /// Drop a kept version (the oldest, past the limit).
    Drop { key: String },
}

/// Changes written in one transaction: all of them, or (on any failure) none.
#[derive(Clone, Debug, Default)]
pub struct Batch {
    pub ops: Vec<Op>,
    pub index: Option<Index>,
}

/// The revisions the batch's puts stored, by plan id.
pub type Written = Vec<(String, u64)>;

/// Writes the batch in one transaction, checking each expected revision first.
pub async fn write(batch: &Batch) -> Result<Written, StoreError> {
    let db = db()?;
    let tx = db
        .transaction(ALL)
        .with_mode(TransactionMode::Readwrite)
        .build()?;
    let (plans, heads) = (tx.object_store(PLANS)?, tx.object_store(HEADS)?);
    let (versions, texts) = (tx.object_store(VERSIONS)?, tx.object_store(VERSION_TEXTS)?);
    let mut written = Vec::new();
    for op in &batch.ops {
        match op {
            Op::Put {
                id,
                name,
                text,
                readable,
                expect,
            } => {
                let stored = stored_rev(&heads, id).await?;
                check(id, *expect, stored)?;
                let rev = stored.unwrap_or(0) + 1;
                let record = object(&[
                    ("rev", JsValue::from_f64(rev as f64)),
                    ("text", JsValue::from_str(text)),
                ]);
                plans.put(record).with_key(id.as_str()).primitive()?;
                let head = Head {
                    id: id.clone(),
                    name: name.clone(),
                    rev,
                    size: text.len() as u64,
                    readable: *readable,
                };
                heads.put(head.to_js()).with_key(id.as_str()).primitive()?;
                written.push((id.clone(), rev));
            }
            Op::Delete { id, expect } => {
                let stored = stored_rev(&heads, id).await?;
                check(id, *expect, stored)?;
                plans.delete(id.as_str()).primitive()?;
                heads.delete(id.as_str()).primitive()?;
            }
            Op::Keep { head, text } => {
                versions
                    .put(head.to_js())
                    .with_key(head.key.as_str())
                    .primitive()?;
                texts
                    .put(JsValue::from_str(text))
                    .with_key(head.key.as_str())
                    .primitive()?;
            }
            Op::Drop { key } => {
                versions.delete(key.as_str()).primitive()?;
                texts.delete(key.as_str()).primitive()?;
            }
        }
    }
    if let Some(index) = &batch.index {
        let text = serde_json::to_string(index).unwrap_or_default();
        tx.object_store(SETTINGS)?
            .put(JsValue::from_str(&text))
            .with_key("index")
            .primitive()?;
    }
    tx.commit().await?;
    Ok(written)
}

async fn stored_rev(
    heads: &indexed_db_futures::object_store::ObjectStore<'_>,
    id: &str,
) -> Result<Option<u64>, StoreError> {
    let head: Option<JsValue> = heads.get(id).primitive()?.await?;
    Ok(head.and_then(|h| number_of(&h, "rev")).map(|r| r as u64))
}

fn check(id: &str, expect: Expect, stored: Option<u64>) -> Result<(), StoreError> {
    let ok = match expect {
        Expect::Any => true,
        Expect::Absent => stored.is_none(),
        Expect::Rev(rev) => stored == Some(rev),
    };
    if ok {
        Ok(())
    } else {
        Err(StoreError::Conflict {
            id: id.to_string(),
            stored,
        })
    }
}

// ---- across windows ------------------------------------------------------------------------

/// Runs `work` holding the library's Web Lock, so no other window writes meanwhile (browsers
/// without Web Locks run it at once).
pub async fn locked<T: 'static>(work: impl std::future::Future<Output = T> + 'static) -> T {
    let locks = js_sys::Reflect::get(&web_sys::window().map(|w| w.navigator()).into(), &"locks".into())
        .ok()
        .filter(|l| !l.is_undefined() && !l.is_null());
    let Some(locks) = locks else {
        return work.await;
    };
    let out: Rc<RefCell<Option<T>>> = Rc::new(RefCell::new(None));
    let slot = Rc::clone(&out);
    let work = RefCell::new(Some(work));
    let callback = Closure::once(move |_lock: JsValue| -> js_sys::Promise {
        let work = work.borrow_mut().take();
        wasm_bindgen_futures::future_to_promise(async move {
            if let Some(work) = work {
                *slot.borrow_mut() = Some(work.await);
            }
            Ok(JsValue::UNDEFINED)
        })
    });
    let request = js_sys::Reflect::get(&locks, &"request".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(request) = request
        && let Ok(promise) = request.call2(&locks, &JsValue::from_str(LOCK), callback.as_ref())
    {
        let _ = JsFuture::from(js_sys::Promise::from(promise)).await;
    }
    drop(callback);
    let result = out.borrow_mut().take();
    match result {
        Some(value) => value,
        None => unreachable_work(),
    }
}

/// The lock callback always runs the work before the request's promise settles; were a browser
/// to refuse the lock outright, there is no value to return.
fn unreachable_work<T>() -> T {
    panic!("the library lock was refused")
}

/// Tells the other windows that plan `id` changed (stored at `rev`, or deleted: `None`).
pub fn announce(id: &str, rev: Option<u64>) {
    let note = serde_json::json!({ "id": id, "rev": rev, "at": js_sys::Date::now() });
    if let Some(storage) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = storage.set_item(CHANGED_KEY, &note.to_string());
    }
}

/// A change another window announced: plan id and its revision (`None`: deleted).
pub fn heard(new_value: &str) -> Option<(String, Option<u64>)> {
    let v: serde_json::Value = serde_json::from_str(new_value).ok()?;
    Some((v["id"].as_str()?.to_string(), v["rev"].as_u64()))
}

/// How much storage the site uses and may use, in bytes (`navigator.storage.estimate()`).
pub async fn estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let estimate = JsFuture::from(storage.estimate().ok()?).await.ok()?;
    Some((number_of(&estimate, "usage")?, number_of(&estimate, "quota")?))
}

/// Asks the browser to keep this site's storage under disk pressure; whether it will.
pub async fn ask_persistence() -> bool {
    let Some(storage) = web_sys::window().map(|w| w.navigator().storage()) else {
        return false;
    };
    let Ok(promise) = storage.persist() else {
        return false;
    };
    JsFuture::from(promise)
        .await
        .ok()
        .is_some_and(|v| v.is_truthy())
}
