//! The browser's storage. Plans, the index and the kept versions are in IndexedDB
//! ([`super::idb`]), moved there from local storage on first start ([`super::moving`]); the
//! language and the last route are small preferences in local storage. Every failure is
//! returned, never thrown: a full or missing storage must not stop a manager from working.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;

use gloo_storage::{LocalStorage, Storage};

use super::idb::{self, Change, Expect, Outcome};
pub use super::idb::{Entry, SaveError};
use super::library::{
    BrokenEntry, CHANGED_KEY, Index, LANG_KEY, PlanMeta, ROUTE_KEY, in_order, open, plan_key,
    read_index,
};
use super::versions::{self, VersionHead, Why};
use super::web_locks;
use crate::core::changelog::TextChanges;
use crate::core::format::{ReadError, read_plan};
use crate::core::lang::Lang;
use crate::core::model::Plan;

/// Local storage if this browser allows it. (gloo's own accessor panics when it does not.)
pub fn local() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

thread_local! {
    /// The open plan's id, revision and text as this window last read or wrote it: a save
    /// writes only over that revision (else another window wrote meanwhile).
    static BASE: RefCell<Option<(String, u64, String)>> = const { RefCell::new(None) };
    /// The ids of the stored plans (readable or not), as this window knows them.
    static KNOWN: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// Remembers `text` at revision `rev` as plan `id`'s stored text, as this window knows it.
pub fn remember(id: &str, rev: u64, text: String) {
    KNOWN.with(|k| k.borrow_mut().insert(id.to_string()));
    BASE.with(|b| *b.borrow_mut() = Some((id.to_string(), rev, text)));
}

/// This window knows no stored text (its plan is not stored yet).
pub fn forget() {
    BASE.with(|b| *b.borrow_mut() = None);
}

fn known(id: &str) -> Option<(u64, String)> {
    BASE.with(|b| {
        b.borrow()
            .as_ref()
            .filter(|(k, _, _)| k == id)
            .map(|(_, r, t)| (*r, t.clone()))
    })
}

/// The revision of plan `id` this window knows (0: it knows it as not stored).
pub fn known_rev(id: &str) -> u64 {
    BASE.with(|b| {
        b.borrow()
            .as_ref()
            .filter(|(k, _, _)| k == id)
            .map_or(0, |(_, r, _)| *r)
    })
}

/// Whether a plan id is stored (readable or not), as far as this window knows.
pub fn has_plan(id: &str) -> bool {
    KNOWN.with(|k| k.borrow().contains(id))
}

/// Tells the other windows of this site that plan `id` changed (`rev` 0: deleted), through
/// the `storage` event they hear.
fn tell_others(id: &str, rev: u64) {
    let note = serde_json::json!({ "id": id, "rev": rev, "at": js_sys::Date::now() });
    if let Some(s) = local() {
        let _ = s.set_item(CHANGED_KEY, &note.to_string());
    }
}

/// The library as opened: the plan to show (if any is readable), every readable plan's id and
/// name in order (the open one among them), and the entries that cannot be read.
pub struct Library {
    pub current: Option<Plan>,
    pub metas: Vec<PlanMeta>,
    pub broken: Vec<BrokenEntry>,
}

/// Opens the library: moves what older builds kept in local storage, then lists the plans from
/// their heads and reads only the one to show (and any entry whose head says it cannot be
/// read, for the reason). `at`: the local time now (for a version the move keeps).
pub async fn open_library(at: &str) -> Result<Library, SaveError> {
    // A move that fails leaves the old keys where they are; it is tried again next start.
    let _ = super::moving::move_from_local_storage(at).await;
    // A save a closed window could not finish is written before anything is read.
    let _ = finish_unsaved(at).await;
    let listing = idb::read_listing().await?;
    let index = read_index(listing.index.as_deref());
    KNOWN.with(|k| *k.borrow_mut() = listing.plans.iter().map(|(id, _)| id.clone()).collect());
    let mut heads: std::collections::HashMap<String, Option<idb::Head>> =
        listing.plans.into_iter().collect();
    let ids = in_order(heads.keys().cloned().collect(), &index);
    let mut metas = Vec::new();
    let mut broken = Vec::new();
    for id in ids {
        match heads.remove(&id).flatten() {
            Some(head) if head.readable => metas.push(PlanMeta {
                id,
                name: head.name,
            }),
            _ => {
                let Some(entry) = idb::read_plan(&id).await? else {
                    continue;
                };
                match read_plan(&entry.text) {
                    Ok(plan) => metas.push(PlanMeta {
                        id,
                        name: plan.name,
                    }),
                    Err(error) => broken.push(BrokenEntry {
                        key: plan_key(&id),
                        id,
                        error,
                        raw: entry.text,
                    }),
                }
            }
        }
    }
    // The plan open last, else the first that reads; a head can be wrong (another build wrote
    // the plan), so the text decides.
    forget();
    let mut current = None;
    let wanted = index.current.clone();
    let mut candidates: Vec<String> = metas.iter().map(|m| m.id.clone()).collect();
    if let Some(w) = wanted
        && let Some(pos) = candidates.iter().position(|c| *c == w)
    {
        let w = candidates.remove(pos);
        candidates.insert(0, w);
    }
    for id in candidates {
        match load_plan(&id).await {
            Ok(plan) => {
                current = Some(plan);
                break;
            }
            Err(Some(error)) => {
                let raw = idb::read_plan(&id)
                    .await?
                    .map(|e| e.text)
                    .unwrap_or_default();
                metas.retain(|m| m.id != id);
                broken.push(BrokenEntry {
                    key: plan_key(&id),
                    id,
                    error,
                    raw,
                });
            }
            Err(None) => metas.retain(|m| m.id != id),
        }
    }
    broken.sort_by(|a, b| a.key.cmp(&b.key));
    Ok(Library {
        current,
        metas,
        broken,
    })
}

/// The stored entries that cannot be opened now.
pub async fn broken_entries() -> Vec<super::library::BrokenEntry> {
    match idb::read_library().await {
        Ok(library) => {
            let entries = library
                .plans
                .into_iter()
                .map(|(id, e)| (plan_key(&id), e.text))
                .collect();
            open(entries, None).broken
        }
        Err(_) => Vec::new(),
    }
}

/// Reads one plan by id, and remembers its text as the version this window's copy starts from.
pub async fn load_plan(id: &str) -> Result<Plan, Option<ReadError>> {
    let entry = read_entry(id).await.ok().flatten().ok_or(None)?;
    let mut plan = read_plan(&entry.text).map_err(Some)?;
    plan.id = id.to_string();
    remember(id, entry.rev, entry.text);
    Ok(plan)
}

/// A plan's stored entry now.
pub async fn read_entry(id: &str) -> Result<Option<Entry>, SaveError> {
    idb::read_plan(id).await
}

/// How a save of the open plan went.
#[derive(Debug)]
pub enum Saved {
    Done,
    /// Another window wrote it meanwhile: its revision and text, and the text this window had
    /// (empty when this window never stored it). Nothing was written.
    Changed {
        rev: u64,
        now: String,
        base: String,
    },
    /// Another window deleted it. Nothing was written.
    Gone,
}

/// Writes the open plan's text (`id`, `name` as listed) over the revision this window knows,
/// with the index.
pub async fn save_plan(
    id: &str,
    name: &str,
    text: String,
    index: Index,
) -> Result<Saved, SaveError> {
    let known = known(id);
    let change = Change {
        put: Some((
            id.to_string(),
            text.clone(),
            name.to_string(),
            true,
            Expect::Rev(known.as_ref().map_or(0, |(r, _)| *r)),
        )),
        index: Some(index),
        ..Change::default()
    };
    match idb::apply(change, stamp()).await? {
        Outcome::Done { rev, .. } => {
            remember(id, rev, text);
            tell_others(id, rev);
            Ok(Saved::Done)
        }
        Outcome::Stale(Some(entry)) => Ok(Saved::Changed {
            rev: entry.rev,
            now: entry.text,
            base: known.map(|(_, t)| t).unwrap_or_default(),
        }),
        Outcome::Stale(None) => Ok(Saved::Gone),
    }
}

/// Writes the index alone.
pub async fn save_index(index: Index) -> Result<(), SaveError> {
    idb::apply(
        Change {
            index: Some(index),
            ..Change::default()
        },
        stamp(),
    )
    .await
    .map(|_| ())
}

/// Stores a new plan and the index that lists it, both or neither; the plan's id must not be
/// stored yet.
pub async fn add_plan(plan: &Plan, index: Index) -> Result<(), SaveError> {
    let text = crate::core::format::write_plan(plan);
    let change = Change {
        put: Some((
            plan.id.clone(),
            text.clone(),
            plan.name.clone(),
            true,
            Expect::Rev(0),
        )),
        index: Some(index),
        ..Change::default()
    };
    match idb::apply(change, stamp()).await? {
        Outcome::Done { rev, .. } => {
            remember(&plan.id, rev, text);
            tell_others(&plan.id, rev);
            Ok(())
        }
        Outcome::Stale(_) => Err(SaveError::Other(format!("{} is stored already", plan.id))),
    }
}

fn stamp() -> u64 {
    js_sys::Date::now() as u64
}

/// Carries out a change that keeps a version first; when the storage is full, the oldest
/// versions make room for the new one (never the one being kept).
async fn apply_keeping(change: Change) -> Result<Outcome, SaveError> {
    let mut heads = list_versions().await;
    let mut dropped = Vec::new();
    loop {
        let mut attempt = change.clone();
        attempt.drop_versions.clone_from(&dropped);
        match idb::apply(attempt, stamp()).await {
            Err(SaveError::Full) if !heads.is_empty() => {
                if let Some(oldest) = heads.pop() {
                    dropped.push(oldest.key);
                }
            }
            other => return other,
        }
    }
}

/// Writes `text` as plan `id`'s stored text, byte for byte, keeping the text it replaces (if
/// any, readable or not) as a version first: both or neither. The version kept, if any.
pub async fn replace_text(
    id: &str,
    text: String,
    why: Why,
    at: &str,
) -> Result<Option<VersionHead>, SaveError> {
    let (name, readable) = versions::name_of(id, &text);
    let change = Change {
        keep: Some((id.to_string(), why, at.to_string())),
        put: Some((id.to_string(), text.clone(), name, readable, Expect::Any)),
        ..Change::default()
    };
    match apply_keeping(change).await? {
        Outcome::Done { rev, kept } => {
            // A readable text is opened next; one that cannot be read never is.
            if readable {
                remember(id, rev, text);
            } else {
                KNOWN.with(|k| k.borrow_mut().insert(id.to_string()));
            }
            tell_others(id, rev);
            Ok(kept)
        }
        Outcome::Stale(_) => Err(SaveError::Other(id.to_string())),
    }
}

/// Deletes plan `id`'s entry (readable or not), keeping its text as a version first, with the
/// index that no longer lists it: all or nothing. The version kept, if any.
pub async fn delete_plan(
    id: &str,
    at: &str,
    index: Option<Index>,
) -> Result<Option<VersionHead>, SaveError> {
    let change = Change {
        keep: Some((id.to_string(), Why::Delete, at.to_string())),
        delete: Some(id.to_string()),
        index,
        ..Change::default()
    };
    match apply_keeping(change).await? {
        Outcome::Done { kept, .. } => {
            KNOWN.with(|k| k.borrow_mut().remove(id));
            if known(id).is_some() {
                forget();
            }
            tell_others(id, 0);
            Ok(kept)
        }
        Outcome::Stale(_) => Err(SaveError::Other(id.to_string())),
    }
}

/// Every kept version's head, newest first.
pub async fn list_versions() -> Vec<VersionHead> {
    let mut heads = idb::list_versions().await.unwrap_or_default();
    versions::newest_first(&mut heads);
    heads
}

/// A kept version's head, by its key.
pub async fn version_head(key: &str) -> Option<VersionHead> {
    list_versions().await.into_iter().find(|h| h.key == key)
}

/// A kept version's text, exactly as kept.
pub async fn version_text(key: &str) -> Option<String> {
    idb::version_text(key).await.ok().flatten()
}

/// What the site's storage holds and may hold, in bytes (`navigator.storage.estimate()`,
/// which counts IndexedDB).
pub async fn estimate() -> Option<(f64, f64)> {
    let storage = web_sys::window()?.navigator().storage();
    let promise = storage.estimate().ok()?;
    let value = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let get = |name: &str| {
        js_sys::Reflect::get(&value, &name.into())
            .ok()
            .and_then(|v| v.as_f64())
    };
    Some((get("usage")?, get("quota")?))
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
    let text = local()?.get_item(LANG_KEY).ok()??;
    serde_json::from_str(&text).ok()
}

pub fn save_lang(lang: Lang) {
    if local().is_some() {
        let _ = LocalStorage::set(LANG_KEY, lang);
    }
}

/// The route shown last (its slug), to reopen on.
pub fn saved_route() -> Option<String> {
    local()?.get_item(ROUTE_KEY).ok()?
}

pub fn save_route(slug: &str) {
    if let Some(s) = local() {
        let _ = s.set_item(ROUTE_KEY, slug);
    }
}

thread_local! {
    /// The last storage job queued in this window.
    static QUEUE: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
}

/// The Web Lock every window of this site holds while it works on the library: two windows'
/// saves never interleave, so a save's revision check finds a write another window finished.
pub const LIBRARY_LOCK: &str = "region-planner/library";

/// Runs `job` after every storage job queued before it in this window, so a save, a switch
/// and a delete never interleave; and while holding [`LIBRARY_LOCK`], so that no other
/// window's job runs meanwhile.
pub async fn in_turn(job: impl std::future::Future<Output = ()> + 'static) {
    // One copy of what follows for every kind of job, not one per job.
    queued(Box::pin(job)).await;
}

type Job = std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>;

async fn queued(job: Job) {
    let mut resolve = None;
    let mine = js_sys::Promise::new(&mut |ok, _| resolve = Some(ok));
    let before = QUEUE.with(|q| q.replace(Some(mine)));
    if let Some(before) = before {
        let _ = wasm_bindgen_futures::JsFuture::from(before).await;
    }
    locked(job).await;
    if let Some(resolve) = resolve {
        let _ = resolve.call0(&web_sys::wasm_bindgen::JsValue::NULL);
    }
}

/// Runs `job` holding [`LIBRARY_LOCK`]; without it where the browser has no Web Locks or
/// refuses the request.
async fn locked(job: Job) {
    use web_sys::wasm_bindgen::{JsValue, closure::Closure};
    let Some(locks) = web_locks::lock_manager() else {
        return job.await;
    };
    // The job moves into the lock's callback, which the browser calls once the lock is granted;
    // the lock is held until the promise the callback returns settles.
    let job = Rc::new(RefCell::new(Some(job)));
    let granted = {
        let job = job.clone();
        Closure::once_into_js(move |_lock: JsValue| -> js_sys::Promise {
            wasm_bindgen_futures::future_to_promise(async move {
                let job = job.borrow_mut().take();
                if let Some(job) = job {
                    job.await;
                }
                Ok(JsValue::UNDEFINED)
            })
        })
    };
    let request = locks.request(LIBRARY_LOCK, &granted);
    let _ = wasm_bindgen_futures::JsFuture::from(request).await;
    // A request refused before the job ran (an opaque origin, say) runs it without the lock.
    let job = job.borrow_mut().take();
    if let Some(job) = job {
        job.await;
    }
}

/// The text of plan `id` this window last read or wrote, if it knows one.
pub fn known_text(id: &str) -> Option<String> {
    known(id).map(|(_, t)| t)
}

/// Where a window that is closed or reloaded before its save is written leaves that save:
/// local storage is written at once, an IndexedDB transaction only after the page is gone.
pub const UNSAVED_KEY: &str = "region-planner/unsaved";

/// A save left by a window as it closed: the plan's id, the revision that window wrote over,
/// and the text; or, when the text did not fit in local storage, what changed in the text
/// stored at that revision.
#[derive(serde::Serialize, serde::Deserialize)]
struct Unsaved {
    id: String,
    rev: u64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    text: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    changes: Option<TextChanges>,
}

/// Leaves plan `id`'s `text` for the next start to write (the page is being left with a save
/// not yet written). When local storage has no room for the text, what changed since the text
/// this window last read or wrote is left instead; when it has no room for that either,
/// nothing is.
pub fn leave_unsaved(id: &str, text: String) {
    let Some(s) = local() else { return };
    let leave = |note: &Unsaved| {
        serde_json::to_string(note).is_ok_and(|raw| s.set_item(UNSAVED_KEY, &raw).is_ok())
    };
    let mut note = Unsaved {
        id: id.to_string(),
        rev: known_rev(id),
        text: Some(text),
        changes: None,
    };
    if leave(&note) {
        return;
    }
    // Worked out only when the text does not fit: the page is closing.
    let text = note.text.take().unwrap_or_default();
    note.changes = known_text(id).and_then(|before| TextChanges::between(&before, &text));
    if note.changes.is_some() {
        leave(&note);
    }
}

/// Forgets a save left for the next start (this window wrote it, or came back).
pub fn clear_unsaved() {
    if let Some(s) = local() {
        let _ = s.remove_item(UNSAVED_KEY);
    }
}

/// Writes the save a closed window left over the revision it knew; when another window wrote
/// the plan since, the left text is kept among the plan's versions instead. A plan deleted
/// since stays deleted.
async fn finish_unsaved(at: &str) -> Result<(), SaveError> {
    let Some(s) = local() else { return Ok(()) };
    let Ok(Some(raw)) = s.get_item(UNSAVED_KEY) else {
        return Ok(());
    };
    let Ok(note) = serde_json::from_str::<Unsaved>(&raw) else {
        let _ = s.remove_item(UNSAVED_KEY);
        return Ok(());
    };
    let now = idb::read_plan(&note.id).await?;
    let text = match (&note.text, &note.changes, &now) {
        (Some(text), _, _) => Some(text.clone()),
        (None, Some(changes), Some(entry)) if entry.rev == note.rev => changes.apply(&entry.text),
        _ => None,
    };
    let Some(text) = text else {
        // Changes left without their text, over a text that is stored no more: nothing to
        // make them on.
        let _ = s.remove_item(UNSAVED_KEY);
        return Ok(());
    };
    match now {
        Some(entry) if entry.text == text => {}
        None if note.rev > 0 => {}
        Some(entry) if entry.rev != note.rev => {
            // Another window wrote the plan since: its text stays, this one is kept beside it.
            let stamp = stamp();
            let key = format!("{stamp:015}/{}/unsaved", note.id);
            let head = versions::head_of(&key, &note.id, &text, at, stamp, Why::Replace);
            let head = serde_json::to_string(&head).map_err(|e| SaveError::Other(e.to_string()))?;
            idb::take_in(
                &[],
                &[(key.clone(), head)],
                &[(key, text.clone())],
                None,
                at,
                stamp,
            )
            .await?;
        }
        _ => {
            let (name, readable) = versions::name_of(&note.id, &text);
            let change = Change {
                put: Some((
                    note.id.clone(),
                    text.clone(),
                    name,
                    readable,
                    Expect::Rev(note.rev),
                )),
                ..Change::default()
            };
            idb::apply(change, stamp()).await?;
        }
    }
    // Only the note that was written goes: one left since waits for the next start.
    if s.get_item(UNSAVED_KEY).ok().flatten().as_deref() == Some(raw.as_str()) {
        let _ = s.remove_item(UNSAVED_KEY);
    }
    Ok(())
}
