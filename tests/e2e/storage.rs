//! Nothing is lost: unreadable entries, replaced plans and their versions, two windows on one
//! plan, a full storage, big plans, and hostile links and text.

use region_planner::core::format::write_plan;
use region_planner::core::lang::Lang;
use region_planner::core::sample::sample_plan;
use serde_json::json;

use super::support::{Browser, Key, artifacts_dir, pick_import_file, temp_file};

const READY: &str = r#"body[data-ready="1"]"#;

async fn open(path: &str) -> Browser {
    Browser::options().lang("en-US").open(path).await
}

// ---- the stored library, as the app keeps it ------------------------------------------------

/// The stored text of plan `id`, exactly as stored; `None` when there is no such plan.
async fn stored(b: &Browser, id: &str) -> Option<String> {
    let value = b
        .exec_js_async(
            "const [id, done] = arguments;
             window.__rpStore.plan(id).then(r => done(r ? r.text : null), e => done('ERROR ' + e));",
            vec![json!(id)],
        )
        .await;
    value.as_str().map(str::to_owned)
}

/// Writes `text` as plan `id` the way another window of the app saves it (a newer revision,
/// and the other windows are told).
async fn store_as_another_window(b: &Browser, id: &str, text: &str) {
    b.exec_js_async(
        "const [id, text, done] = arguments;
         window.__rpStore.write(id, text).then(() => done(true), e => done('ERROR ' + e));",
        vec![json!(id), json!(text)],
    )
    .await;
}

/// The app on the territory, once the sample is stored, with `window.__rpStore` installed.
async fn open_stored_sample() -> Browser {
    let b = open("/#/territory").await;
    install_store_access(&b).await;
    b.wait_until_async_true("window.__rpStore.plan('sample').then(r => !!r)")
        .await;
    b
}

/// Opens a page of another writer that takes the library's lock and keeps it until
/// `window.__rpStore.release()`; the app's window and the writer's.
async fn hold_the_lock_elsewhere(
    b: &Browser,
) -> (fantoccini::wd::WindowHandle, fantoccini::wd::WindowHandle) {
    let main = other_writer(b).await;
    let writer = b.client().window().await.unwrap();
    b.exec_js_async(
        "const done = arguments[0]; window.__rpStore.hold().then(() => done(true));",
        vec![],
    )
    .await;
    b.client().switch_to_window(main.clone()).await.unwrap();
    (main, writer)
}

/// Installs `window.__rpStore` in the page: reads and writes the app's IndexedDB library as
/// the app does (see docs/FORMAT.md, "Storage in the browser").
async fn install_store_access(b: &Browser) {
    b.exec_js(STORE_JS).await;
}

const STORE_JS: &str = r#"
window.__rpStore = (() => {
  // Builds that kept plans in local storage have no database: read and write those keys.
  const legacy = async () => !(await indexedDB.databases()).some(d => d.name === 'region-planner');
  const open = () => new Promise((ok, fail) => {
    const r = indexedDB.open('region-planner');
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });
  const req = r => new Promise((ok, fail) => { r.onsuccess = () => ok(r.result); r.onerror = () => fail(r.error); });
  const done = tx => new Promise((ok, fail) => { tx.oncomplete = ok; tx.onerror = () => fail(tx.error); tx.onabort = () => fail(tx.error); });
  return {
    async plan(id) {
      if (await legacy()) {
        const text = localStorage.getItem('region-planner/plan/' + id);
        return text === null ? null : { text };
      }
      const db = await open();
      try {
        const v = await req(db.transaction('plans').objectStore('plans').get(id));
        if (!v) return null;
        return v.utf8 ? { rev: v.rev, text: new TextDecoder().decode(v.utf8), utf8: true } : v;
      }
      finally { db.close(); }
    },
    async versions() {
      const db = await open();
      try { return await req(db.transaction('versions').objectStore('versions').getAll()); }
      finally { db.close(); }
    },
    async write(id, text) {
      if (await legacy()) { localStorage.setItem('region-planner/plan/' + id, text); return; }
      await navigator.locks.request('region-planner/library', () => this.put(id, text));
    },
    // Writes as `write` does, by a writer that holds the library's lock already.
    async put(id, text) {
      const db = await open();
      try {
        const tx = db.transaction(['plans', 'heads'], 'readwrite');
        const plans = tx.objectStore('plans'), heads = tx.objectStore('heads');
        const head = await req(heads.get(id));
        const rev = (head ? head.rev : 0) + 1;
        plans.put({ rev, text }, id);
        heads.put({ rev, name: head ? head.name : id, size: text.length, readable: true }, id);
        await done(tx);
        localStorage.setItem('region-planner/changed', JSON.stringify({ id, rev }));
      } finally { db.close(); }
    },
    // Takes the library's lock and keeps it until `release()`.
    hold() {
      return new Promise(granted => navigator.locks.request('region-planner/library',
        () => { granted(); return new Promise(r => { this.release = r; }); }));
    },
  };
})();
"#;

/// A page of the app's origin that runs no app: another writer of the same storage.
async fn other_writer(b: &Browser) -> fantoccini::wd::WindowHandle {
    let main = b.client().window().await.unwrap();
    let other = b.client().new_window(false).await.unwrap().handle;
    b.client().switch_to_window(other.clone()).await.unwrap();
    b.open("/no-app-here.txt").await;
    install_store_access(b).await;
    main
}

// ---- 1. an unreadable plan is never replaced under its id ----------------------------------

/// Another window (a newer version of the app, say) stores the open plan in a form this one
/// cannot read. The next edit here must not write over it: the plan shows as one that cannot
/// be opened, with the reason, a download of the stored text and a way to delete it.
#[tokio::test]
async fn an_unreadable_plan_is_never_replaced_by_another_under_its_id() {
    let b = open_stored_sample().await;
    let mut newer: serde_json::Value =
        serde_json::from_str(&write_plan(&sample_plan(Lang::En))).unwrap();
    newer["format_version"] = json!(9);
    let newer = newer.to_string();

    // This window has not heard of the other window's save (a window that hears of it shows
    // the panel at once, before any edit).
    go_deaf(&b).await;
    let main = other_writer(&b).await;
    store_as_another_window(&b, "sample", &newer).await;
    b.client().switch_to_window(main).await.unwrap();

    // An edit made after the other window's save.
    write_notes(&b, "Changsha", "Written after the other window").await;
    let panel = b
        .wait_for_text("#cannot-open", "cannot be opened")
        .await
        .text()
        .await
        .unwrap();
    assert!(panel.contains("newer version"), "the reason: {panel}");
    assert!(b.exists("#cannot-open-download").await);
    assert!(b.exists("#cannot-open-delete").await);
    b.capture_downloads().await;
    b.click("#cannot-open-download").await;
    assert_eq!(b.downloaded(0).await, newer, "the stored text, as stored");

    // No route can edit it: the execution routes neither.
    b.click("#tab-actuals").await;
    b.wait_for("#cannot-open").await;
    assert!(!b.exists(".actuals input").await);
    b.reload().await;
    b.wait_for(READY).await;
    install_store_access(&b).await;
    assert_eq!(
        stored(&b, "sample").await.as_deref(),
        Some(newer.as_str()),
        "the stored text is never replaced"
    );
}

// ---- 2. replacing an unreadable entry keeps its text ---------------------------------------

/// "Replace (keep a backup)" over an entry that cannot be read keeps that entry's text byte
/// for byte: listed among the versions, downloadable, and brought back by the message's undo.
#[tokio::test]
async fn replacing_an_unreadable_entry_keeps_its_text_byte_for_byte() {
    let b = open("/#/territory").await;
    let raw = "{\"format_version\": 1, \"id\": \"lost\", \"name\": \"长沙 ✓ \\u0000";
    b.set_local_storage("region-planner/plan/lost", raw).await;
    b.reload().await;
    b.wait_for(READY).await;
    b.wait_for_text(".broken-entry", "lost").await;

    let mut plan = sample_plan(Lang::En);
    plan.id = "lost".into();
    plan.name = "Found again".into();
    pick_import_file(&b, &temp_file("found-again.json", write_plan(&plan))).await;
    b.click("#confirm-replace").await;
    b.wait_for_text(".toast", "Found again").await;
    b.wait_gone(".broken-entry").await;

    b.click("#plan-versions").await;
    let row = b.wait_for_text("#versions .version", "lost").await;
    let text = row.text().await.unwrap();
    assert!(text.contains("Replaced"), "why: {text}");
    b.capture_downloads().await;
    b.click("#versions .version .version-download").await;
    assert_eq!(b.downloaded(0).await, raw, "byte for byte");
    b.click("#versions-close").await;

    // The message's undo puts the entry back as it was.
    b.click("#toast-undo").await;
    b.wait_for_text(".broken-entry", "lost").await;
    install_store_access(&b).await;
    assert_eq!(stored(&b, "lost").await.as_deref(), Some(raw));
}

// ---- 3. versions ---------------------------------------------------------------------------

/// Every replace, import over, delete and restore keeps the version it replaces: at least
/// five per plan, listed after a reload with when, why and size; each restores and downloads.
#[tokio::test]
async fn versions_of_a_plan_are_kept_listed_restored_and_downloaded() {
    let b = open("/#/territory").await;
    b.capture_downloads().await;
    b.click("#export-json").await;
    let original = b.downloaded(0).await;
    for n in 1..=6 {
        let text = original.replace("Changsha", &format!("Changsha {n}"));
        pick_import_file(&b, &temp_file(&format!("changsha-{n}.json"), &text)).await;
        b.click("#confirm-replace").await;
        b.wait_for_text(".tree", &format!("Changsha {n}")).await;
    }
    b.reload().await;
    b.wait_for(READY).await;
    b.click("#plan-versions").await;
    b.wait_for("#versions .version").await;
    let rows = b.texts_of("#versions .version").await;
    assert!(rows.len() >= 5, "at least five versions: {rows:?}");
    assert!(rows.iter().all(|r| r.contains("Replaced")), "{rows:?}");
    assert!(rows.iter().all(|r| r.contains("KB")), "sizes: {rows:?}");
    // Newest first: the version the last import replaced is "Changsha 5".
    b.capture_downloads().await;
    b.click("#versions .version:nth-child(1) .version-download")
        .await;
    assert!(b.downloaded(0).await.contains("\"Changsha 5\""));
    b.click("#versions .version:nth-child(2) .version-restore")
        .await;
    b.wait_for_text(".tree", "Changsha 4").await;
    b.wait_for_text(".toast", "restored").await;
    // The restore kept the version it replaced.
    b.click("#plan-versions").await;
    b.wait_for_text("#versions .version:nth-child(1)", "Restore")
        .await;
    b.click("#versions-close").await;

    // A deleted plan is kept too, and comes back from its version.
    b.click("#plan-delete").await;
    b.click("#confirm-ok").await;
    b.wait_for_text(".toast", "deleted").await;
    b.reload().await;
    b.wait_for(READY).await;
    b.click("#plan-versions").await;
    b.wait_for_text("#versions .version", "Deleted").await;
    b.click_text_in("#versions .version", "Deleted", ".version-restore")
        .await;
    b.wait_for_text(".tree", "Changsha 4").await;
    let names = b.texts_of("#plan-select option").await;
    assert!(
        names.iter().any(|n| n.contains("Hunan")),
        "the deleted plan is back: {names:?}"
    );
}

// ---- 4. two windows ------------------------------------------------------------------------

/// Stops the app in this window from hearing about other windows' saves (as when it has not
/// yet taken them in): its copy goes stale. Listeners on the window run in the order they were
/// added, so the one that stops the event is added before the app starts: the window reloads
/// once with it.
async fn go_deaf(b: &Browser) {
    let early = b.exec_js("return window.__deafEarly === true;").await;
    if early.as_bool() != Some(true) {
        b.cdp(
            "Page.addScriptToEvaluateOnNewDocument",
            json!({ "source": "window.__deafEarly = true;
                addEventListener('storage', e => { if (window.__deaf) e.stopImmediatePropagation(); }, true);" }),
        )
        .await;
        b.reload().await;
        b.wait_for(READY).await;
        install_store_access(b).await;
    }
    b.exec_js("window.__deaf = true;").await;
}

async fn hear_again(b: &Browser) {
    b.exec_js("window.__deaf = false;").await;
}

/// Sets the notes of region `name` on the territory route.
async fn write_notes(b: &Browser, region: &str, text: &str) {
    b.click_text(".tree-row", region).await;
    b.wait_until(&format!(
        "(document.querySelector('#detail-name') || {{}}).value === {region:?}"
    ))
    .await;
    b.type_into("#region-notes", text).await;
    b.press(&Key::Enter).await;
}

/// Two windows on one plan, each saving while its copy is stale (in both orders): neither
/// window's edit is lost, both are in the change log, and the stale window's undo still takes
/// back its own edit only.
#[tokio::test]
async fn two_windows_keep_each_others_edits_in_both_orders() {
    let b = open_stored_sample().await;
    let first = b.client().window().await.unwrap();
    let second = b.client().new_window(false).await.unwrap().handle;
    b.client().switch_to_window(second.clone()).await.unwrap();
    b.open("/#/territory").await;
    b.wait_for(READY).await;
    install_store_access(&b).await;

    for (round, (early, late)) in [
        (first.clone(), second.clone()),
        (second.clone(), first.clone()),
    ]
    .into_iter()
    .enumerate()
    {
        let early_note = format!("Early note {round}");
        let late_note = format!("Late note {round}");
        // The late window stops hearing; the early one saves; then the late one edits another
        // region on its stale copy.
        b.client().switch_to_window(late.clone()).await.unwrap();
        go_deaf(&b).await;
        b.client().switch_to_window(early.clone()).await.unwrap();
        write_notes(&b, "Changsha", &early_note).await;
        b.wait_until_async_true(&format!(
            "window.__rpStore.plan('sample').then(r => r.text.includes({early_note:?}))"
        ))
        .await;
        b.client().switch_to_window(late.clone()).await.unwrap();
        write_notes(&b, "Zhuzhou", &late_note).await;
        b.wait_until_async_true(&format!(
            "window.__rpStore.plan('sample').then(r => r.text.includes({late_note:?}))"
        ))
        .await;
        let text = stored(&b, "sample").await.unwrap();
        assert!(
            text.contains(&early_note) && text.contains(&late_note),
            "round {round}: both windows' notes are stored"
        );
        let plan = region_planner::core::format::read_plan(&text).unwrap();
        let log: Vec<&str> = plan.change_log.iter().map(|c| c.what.as_str()).collect();
        assert!(
            log.iter().any(|w| w.contains(&early_note))
                && log.iter().any(|w| w.contains(&late_note)),
            "round {round}: both edits are in the log: {log:?}"
        );
        // The late window shows the early window's edit too.
        b.click_text(".tree-row", "Changsha").await;
        b.wait_until(&format!(
            "(document.querySelector('#region-notes') || {{}}).value === {early_note:?}"
        ))
        .await;
        hear_again(&b).await;
        // Its undo takes back its own edit, not the other window's.
        b.click("#undo").await;
        b.wait_until_async_true(&format!(
            "window.__rpStore.plan('sample').then(r => !r.text.includes({late_note:?}))"
        ))
        .await;
        let text = stored(&b, "sample").await.unwrap();
        assert!(
            text.contains(&early_note),
            "round {round}: undo kept the other window's edit"
        );
        // Both windows agree before the next round.
        b.client().switch_to_window(early.clone()).await.unwrap();
        b.click_text(".tree-row", "Zhuzhou").await;
        b.wait_until("(document.querySelector('#region-notes') || {}).value === ''")
            .await;
    }
}

/// Saves of two windows never interleave: a save waits while another window holds the
/// library's lock (the Web Locks API), then finds what that window wrote and keeps both edits.
#[tokio::test]
async fn a_save_waits_for_the_lock_another_window_holds() {
    let b = open_stored_sample().await;
    let (main, writer) = hold_the_lock_elsewhere(&b).await;

    let saves = b
        .exec_js("return Number(document.body.dataset.saves || 0);")
        .await;
    write_notes(&b, "Changsha", "Mine").await;
    b.wait_for_text(".tree-row.selected", "Changsha").await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(
        b.exec_js("return Number(document.body.dataset.saves || 0);")
            .await,
        saves,
        "no save is written while another window holds the lock"
    );
    assert!(!stored(&b, "sample").await.unwrap().contains("Mine"));

    // The other window writes while it holds the lock, then lets go.
    b.client().switch_to_window(writer).await.unwrap();
    let mut theirs =
        region_planner::core::format::read_plan(&stored(&b, "sample").await.unwrap()).unwrap();
    theirs.company = "Theirs & Co".into();
    b.exec_js_async(
        "const [text, done] = arguments;
         window.__rpStore.put('sample', text).then(() => { window.__rpStore.release(); done(true); });",
        vec![json!(write_plan(&theirs))],
    )
    .await;

    b.client().switch_to_window(main).await.unwrap();
    b.wait_until_async_true(
        "window.__rpStore.plan('sample').then(r => r.text.includes('Mine') && r.text.includes('Theirs & Co'))",
    )
    .await;
    let plan =
        region_planner::core::format::read_plan(&stored(&b, "sample").await.unwrap()).unwrap();
    assert_eq!(plan.company, "Theirs & Co");
    assert!(
        plan.regions.iter().any(|r| r.notes == "Mine"),
        "this window's edit is kept"
    );
}

/// A window reloaded before its save is written leaves the save for the next start, also when
/// local storage has no room left for the plan's text: what changed is left instead.
#[tokio::test]
async fn an_edit_reloaded_away_before_its_save_is_kept_when_local_storage_is_nearly_full() {
    let b = open_stored_sample().await;
    let plan_chars = stored(&b, "sample").await.unwrap().chars().count();
    // Another window holds the library's lock, so no save of this window is written before
    // the reload.
    let (main, writer) = hold_the_lock_elsewhere(&b).await;
    b.click_text(".tree-row", "Changsha").await;
    b.wait_until("(document.querySelector('#detail-name') || {}).value === 'Changsha'")
        .await;
    // Local storage filled up to a few thousand characters, far fewer than the plan's text.
    let free = b
        .exec_js(
            "let lo = 0, hi = 12000000;
             while (hi - lo > 256) {
               const mid = Math.floor((lo + hi) / 2);
               try { localStorage.setItem('filler', 'x'.repeat(mid)); lo = mid; }
               catch (e) { hi = mid; }
             }
             localStorage.setItem('filler', 'x'.repeat(lo - 2000));
             return 2000;",
        )
        .await
        .as_u64()
        .unwrap();
    assert!(
        free * 5 < plan_chars as u64,
        "the plan ({plan_chars} characters) does not fit"
    );

    // The edit and the reload in one go.
    b.exec_js(
        "window.__before = true;
         const n = document.querySelector('#region-notes');
         n.value = 'Kept across the reload';
         n.dispatchEvent(new Event('input', { bubbles: true }));
         n.dispatchEvent(new Event('change', { bubbles: true }));
         location.reload();",
    )
    .await;
    b.client().switch_to_window(writer).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    b.exec_js("window.__rpStore.release();").await;
    b.client().switch_to_window(main).await.unwrap();
    b.wait_until("!window.__before && document.body.dataset.ready === '1'")
        .await;
    b.exec_js("localStorage.removeItem('filler');").await;
    install_store_access(&b).await;
    b.wait_until_async_true(
        "window.__rpStore.plan('sample').then(r => r.text.includes('Kept across the reload'))",
    )
    .await;
    b.click_text(".tree-row", "Changsha").await;
    b.wait_until(
        "(document.querySelector('#region-notes') || {}).value === 'Kept across the reload'",
    )
    .await;
}

/// The same field changed in two windows is the one case that asks: the stale window says
/// what the other window wrote and lets the person keep either.
#[tokio::test]
async fn the_same_field_changed_in_two_windows_asks_which_to_keep() {
    let b = open_stored_sample().await;
    let first = b.client().window().await.unwrap();
    let second = b.client().new_window(false).await.unwrap().handle;
    b.client().switch_to_window(second.clone()).await.unwrap();
    b.open("/#/territory").await;
    b.wait_for(READY).await;
    install_store_access(&b).await;
    go_deaf(&b).await;

    b.client().switch_to_window(first.clone()).await.unwrap();
    write_notes(&b, "Changsha", "Theirs").await;
    b.wait_until_async_true("window.__rpStore.plan('sample').then(r => r.text.includes('Theirs'))")
        .await;
    b.client().switch_to_window(second.clone()).await.unwrap();
    write_notes(&b, "Changsha", "Mine").await;
    let question = b
        .wait_for_text("#dialog-host", "another window")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        question.contains("Theirs") && question.contains("Mine"),
        "both values are shown: {question}"
    );
    assert!(
        stored(&b, "sample").await.unwrap().contains("Theirs"),
        "nothing is written before the answer"
    );
    b.click("#confirm-keep-mine").await;
    b.wait_until_async_true(
        "window.__rpStore.plan('sample').then(r => r.text.includes('\"Mine\"'))",
    )
    .await;
    let plan =
        region_planner::core::format::read_plan(&stored(&b, "sample").await.unwrap()).unwrap();
    let log: Vec<&str> = plan.change_log.iter().map(|c| c.what.as_str()).collect();
    assert!(
        log.iter().any(|w| w.contains("Theirs")) && log.iter().any(|w| w.contains("Mine")),
        "both edits are in the log: {log:?}"
    );
}

/// A plan deleted in one window is not brought back by an edit in another: that window says
/// so and offers to keep its copy as a new plan.
#[tokio::test]
async fn a_plan_deleted_in_another_window_is_not_resurrected() {
    let b = open_stored_sample().await;
    let first = b.client().window().await.unwrap();
    let second = b.client().new_window(false).await.unwrap().handle;
    b.client().switch_to_window(second.clone()).await.unwrap();
    b.open("/#/territory").await;
    b.wait_for(READY).await;
    install_store_access(&b).await;
    go_deaf(&b).await;

    b.client().switch_to_window(first.clone()).await.unwrap();
    b.click("#plan-delete").await;
    b.click("#confirm-ok").await;
    b.wait_for_text(".toast", "deleted").await;
    b.wait_until_async_true("window.__rpStore.plan('sample').then(r => !r)")
        .await;

    b.client().switch_to_window(second.clone()).await.unwrap();
    write_notes(&b, "Changsha", "Edited after the delete").await;
    b.wait_for_text("#plan-gone", "deleted in another window")
        .await;
    assert_eq!(
        stored(&b, "sample").await,
        None,
        "the edit did not bring the plan back"
    );
    b.click("#plan-gone-keep").await;
    b.wait_gone("#plan-gone").await;
    let id = b.value_of("#plan-select").await;
    assert_ne!(id, "sample", "kept under a new id");
    b.wait_until_async_true(&format!(
        "window.__rpStore.plan({id:?}).then(r => !!r && r.text.includes('Edited after the delete'))"
    ))
    .await;
}

// ---- 5. index and plan are written together ------------------------------------------------

/// Duplicating a plan into a full storage changes nothing: the message says the copy was not
/// made, and after a reload the same plan is open with no entry pointing at a missing plan.
#[tokio::test]
async fn duplicating_into_a_full_storage_changes_nothing() {
    let b = open("/#/territory").await;
    b.click("#plan-new").await;
    b.type_into("#new-plan-company", "Spring Co.").await;
    b.click("#new-plan-create").await;
    b.wait_until("document.querySelectorAll('#plan-select option').length === 2")
        .await;
    let open_before = b.value_of("#plan-select").await;
    b.fill_storage().await;
    b.click("#plan-duplicate").await;
    let message = b
        .wait_for_text(".banner.error, .toast", "full")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        message.contains("not made") || message.contains("was not copied"),
        "the message says the copy was not made: {message}"
    );
    assert!(
        !message.contains("kept in this window"),
        "no claim of a change kept: {message}"
    );
    b.reload().await;
    b.wait_for(READY).await;
    assert_eq!(b.value_of("#plan-select").await, open_before);
    assert_eq!(b.count("#plan-select option").await, 2);
}

// ---- the move from local storage ------------------------------------------------------------

/// Plans an older build kept in local storage move to IndexedDB on the first start: every
/// entry, readable or not, byte for byte, with the index; the old keys go only once the copy
/// is there. A start that finds an old key again (an older build's window wrote) moves it
/// again, and what it displaces is kept as a version.
#[tokio::test]
async fn plans_kept_in_local_storage_move_on_first_start_without_losing_any() {
    let b = Browser::options().lang("en-US").launch().await;
    // A page of the app's origin that runs no app: the old keys are written before any start.
    b.open("/no-app-here.txt").await;
    let plan = |id: &str, name: &str| {
        let mut p = sample_plan(Lang::En);
        p.id = id.into();
        p.name = name.into();
        write_plan(&p)
    };
    let alpha = plan("alpha", "Alpha plan");
    let beta = plan("beta", "Beta plan");
    let corrupt = "{\"format_version\": 1, \"id\": \"gamma\", \"name\": \"长沙 ✓";
    b.set_local_storage("region-planner/plan/alpha", &alpha)
        .await;
    b.set_local_storage("region-planner/plan/beta", &beta).await;
    b.set_local_storage("region-planner/plan/gamma", corrupt)
        .await;
    b.set_local_storage(
        "region-planner/index",
        r#"{"order":["beta","alpha"],"current":"beta"}"#,
    )
    .await;

    b.open("/#/territory").await;
    b.wait_for(READY).await;
    let check = async |b: &Browser| {
        assert_eq!(
            b.value_of("#plan-select").await,
            "beta",
            "the index came along"
        );
        let names = b.texts_of("#plan-select option").await;
        assert_eq!(names, ["Beta plan", "Alpha plan"], "both plans, in order");
        b.wait_for_text(".broken-entry", "gamma").await;
        assert_eq!(
            b.stored_plan("alpha").await.as_deref(),
            Some(alpha.as_str())
        );
        assert_eq!(b.stored_plan("beta").await.as_deref(), Some(beta.as_str()));
        assert_eq!(
            b.stored_plan("gamma").await.as_deref(),
            Some(corrupt),
            "the unreadable entry, byte for byte"
        );
    };
    check(&b).await;
    let old: Vec<String> = b
        .local_storage_keys()
        .await
        .into_iter()
        .filter(|k| k.starts_with("region-planner/plan/") || k == "region-planner/index")
        .collect();
    assert!(old.is_empty(), "the old keys are gone once copied: {old:?}");
    b.reload().await;
    b.wait_for(READY).await;
    check(&b).await;

    // An older build's window writes the plan again: the next start takes it in, and the text
    // it displaces is kept among the versions.
    let newer = plan("alpha", "Alpha plan, edited in an old window");
    b.set_local_storage("region-planner/plan/alpha", &newer)
        .await;
    b.reload().await;
    b.wait_for(READY).await;
    b.wait_until_async_true(&format!(
        "{}('alpha').then(t => !!t && t.includes('edited in an old window'))",
        super::support::STORED_JS
    ))
    .await;
    assert!(
        b.get_local_storage("region-planner/plan/alpha")
            .await
            .is_none()
    );
    b.click("#plan-versions").await;
    b.wait_for_text("#versions .version", "Alpha plan").await;
    b.capture_downloads().await;
    b.click_text_in("#versions .version", "Alpha plan", ".version-download")
        .await;
    assert_eq!(
        b.downloaded(0).await,
        alpha,
        "the displaced text, byte for byte"
    );
}

// ---- use, quota and persistence ------------------------------------------------------------

/// The plan menu shows how much of the browser's storage the app uses, and asks the browser
/// to keep it (persistent storage).
#[tokio::test]
async fn the_plan_menu_shows_storage_use_and_quota() {
    let b = open("/#/territory").await;
    b.click("#plan-versions").await;
    let usage = b
        .wait_for_text("#storage-use", "of")
        .await
        .text()
        .await
        .unwrap();
    assert!(
        usage.contains("MB") || usage.contains("KB") || usage.contains("GB"),
        "{usage}"
    );
    b.wait_until("window.__rp_persist_asked === true").await;
}

// ---- hostile links and text ----------------------------------------------------------------

/// A link of 1.4 million characters that would inflate to a gigabyte is refused within a
/// second, before anything is unpacked.
#[tokio::test]
async fn a_share_link_bomb_is_refused_within_a_second() {
    use std::io::Write;
    let mut deflate = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..1400 {
        deflate.write_all(&zeros).unwrap();
    }
    let packed = deflate.finish().unwrap();
    use base64::Engine;
    let payload = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&packed);
    assert!(payload.len() > 1_300_000, "{}", payload.len());
    let b = Browser::options().lang("en-US").launch().await;
    // Timed in the page (the test's polling is not part of it): when the message appears.
    b.cdp(
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "new MutationObserver((_, o) => {
            if (document.querySelector('.toast')) { window.__toastAt = performance.now(); o.disconnect(); }
          }).observe(document, { childList: true, subtree: true });" }),
    )
    .await;
    b.open(&format!("/#plan={payload}")).await;
    b.wait_for(READY).await;
    b.wait_for_text(".toast", "cannot be opened").await;
    let ms = b
        .exec_js("return window.__toastAt - window.__rp_ready_ms;")
        .await
        .as_f64()
        .unwrap();
    assert!(ms < 1000.0, "refused {ms:.0} ms after the app was ready");
    let toast = b.text_of(".toast").await;
    assert!(
        toast.contains("32000") || toast.contains("32,000"),
        "{toast}"
    );
    let memory = b
        .exec_js("return performance.memory ? performance.memory.usedJSHeapSize : 0;")
        .await
        .as_f64()
        .unwrap();
    assert!(memory < 200.0 * 1024.0 * 1024.0, "JS heap {memory}");
}

/// A share link pasted into the address bar of a window already showing the app opens the
/// import question; the address is cleared of it once handled.
#[tokio::test]
async fn a_share_link_pasted_into_an_open_app_offers_the_import() {
    let b = open("/#/territory").await;
    b.click("#share-link").await;
    let link = b
        .wait_for("#share-url")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap();
    b.click("#share-close").await;
    let fragment = &link[link.find("#plan=").unwrap()..];
    b.exec_js_with("location.hash = arguments[0];", vec![json!(fragment)])
        .await;
    b.wait_for_text("#dialog-host", "shared the plan").await;
    b.wait_until("!location.hash.startsWith('#plan=')").await;
}

/// A name holding a right-to-left override cannot reorder the text around it: in the change
/// log and in messages the name sits in its own isolate.
#[tokio::test]
async fn names_are_isolated_inside_other_text() {
    let b = open("/#/territory").await;
    let name = "Changsha\u{202E}";
    b.click_text(".tree-row", "Changsha").await;
    b.set_field("#detail-name", name).await;
    b.wait_for_text(".tree", "Changsha").await;
    b.type_into("#region-share", "66").await;
    b.press(&Key::Enter).await;
    b.click("#tab-log").await;
    b.wait_for("#log-table").await;
    let isolated = b
        .exec_js_with(
            "const cells = [...document.querySelectorAll('.log-what')];
             const name = arguments[0];
             const holders = [];
             for (const cell of cells) {
               const walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
               for (let n = walk.nextNode(); n; n = walk.nextNode()) {
                 if (n.data.includes('\\u202E')) holders.push(n.parentElement.closest('bdi') !== null && n.parentElement.closest('bdi') !== cell);
               }
             }
             return holders;",
            vec![json!(name)],
        )
        .await;
    let holders: Vec<bool> = serde_json::from_value(isolated).unwrap();
    assert!(!holders.is_empty(), "the name is in the log");
    assert!(
        holders.iter().all(|h| *h),
        "every occurrence isolated: {holders:?}"
    );

    // A message naming it too.
    b.click("#tab-territory").await;
    b.click_text(".tree-row", "Changsha").await;
    b.press(&Key::Delete).await;
    b.wait_for(".toast").await;
    let in_toast = b
        .exec_js(
            "const t = document.querySelector('.toast');
             const walk = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
             for (let n = walk.nextNode(); n; n = walk.nextNode()) {
               if (n.data.includes('\\u202E')) return n.parentElement.closest('bdi') !== null;
             }
             return null;",
        )
        .await;
    assert_eq!(in_toast, json!(true), "the message isolates the name");
}

/// Control characters are refused in names and ids: typed into a name field (the field says
/// why) and in an imported file (the message names the field).
#[tokio::test]
async fn control_characters_are_refused_in_names_and_ids() {
    let b = open("/#/territory").await;
    b.click_text(".tree-row", "Changsha").await;
    b.exec_js(
        "const input = document.querySelector('#detail-name');
         input.value = 'Chang\\u0007sha';
         input.dispatchEvent(new Event('input', { bubbles: true }));
         input.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    b.wait_for_text(".field-error", "control character").await;
    assert!(!b.text_of(".tree").await.contains("Chang\u{7}sha"));

    let mut plan = sample_plan(Lang::En);
    plan.id = "bell".into();
    plan.regions[0].name = "Chang\u{7}sha".into();
    plan.regions[1].id = "r\u{0}2".into();
    pick_import_file(&b, &temp_file("control.json", write_plan(&plan))).await;
    let toast = b
        .wait_for_text(".toast", "control.json")
        .await
        .text()
        .await
        .unwrap();
    assert!(toast.contains("$.regions[0].name"), "{toast}");
    assert!(toast.contains("control character"), "{toast}");
    assert_eq!(b.count("#plan-select option").await, 1);
}

/// The versions panel and the "cannot be opened" panel fit the projector and a laptop in both
/// languages (screenshots in the artifacts, `screens/storage-*`).
#[tokio::test]
async fn the_versions_and_cannot_open_panels_fit_the_projector_and_a_laptop_in_both_languages() {
    for tag in ["en-US", "zh-CN"] {
        for (width, height) in [(1280, 720), (1920, 1080)] {
            let b = Browser::options()
                .lang(tag)
                .window_size(width, height)
                .open("/#/territory")
                .await;
            b.wait_for(READY).await;
            b.capture_downloads().await;
            b.click("#export-json").await;
            let original = b.downloaded(0).await;
            for n in 1..=3 {
                let text = original.replacen("\"name\":\"", &format!("\"name\":\"{n} · "), 1);
                pick_import_file(&b, &temp_file(&format!("fit-{tag}-{n}.json"), &text)).await;
                b.click("#confirm-replace").await;
                b.wait_gone("#dialog-host").await;
            }
            b.click("#plan-versions").await;
            b.wait_for_text("#storage-use", "B").await;
            b.wait_until("document.querySelectorAll('#versions .version').length === 3")
                .await;
            b.screenshot(artifacts_dir().join(format!(
                "screens/storage-versions-{tag}-{width}x{height}.png"
            )))
            .await;
            let overflow = b
                .exec_js(
                    "const d = document.querySelector('.versions-dialog');
                     const r = d.getBoundingClientRect();
                     return d.scrollWidth > d.clientWidth + 1 || r.right > innerWidth || r.left < 0;",
                )
                .await;
            assert_eq!(
                overflow,
                json!(false),
                "the versions panel fits at {width}×{height} in {tag}"
            );
            b.click("#versions-close").await;

            // The open plan made unreadable by another window.
            go_deaf(&b).await;
            let id = b.value_of("#plan-select").await;
            let mut newer: serde_json::Value = serde_json::from_str(&original).unwrap();
            newer["format_version"] = json!(9);
            install_store_access(&b).await;
            store_as_another_window(&b, &id, &newer.to_string()).await;
            b.click_text(".tree-row", "").await;
            b.type_into("#detail-name", "x").await;
            b.press(&Key::Enter).await;
            b.wait_for("#cannot-open").await;
            b.screenshot(artifacts_dir().join(format!(
                "screens/storage-cannot-open-{tag}-{width}x{height}.png"
            )))
            .await;
        }
    }
}

// ---- big plans -------------------------------------------------------------------------------

/// Stores plan text `text` as plan `id` (named `name`) with one kept version of the same text,
/// as the app stores them.
async fn store_big(b: &Browser, id: &str, name: &str, text: &str) {
    let result = b
        .exec_js_async(
            "const [id, name, text, done] = arguments;
             const r = indexedDB.open('region-planner');
             r.onerror = () => done('ERROR ' + r.error);
             r.onsuccess = () => {
               const db = r.result;
               const tx = db.transaction(['plans', 'heads', 'versions', 'version-texts'], 'readwrite');
               const key = String(Date.now()).padStart(15, '0') + '/' + id;
               tx.objectStore('plans').put({ rev: 1, text }, id);
               tx.objectStore('heads').put({ rev: 1, name, size: text.length, readable: true }, id);
               tx.objectStore('version-texts').put(text, key);
               tx.objectStore('versions').put({ key, plan: id, name, at: new Date().toISOString(),
                 stamp: Date.now(), why: 'replace', size: text.length, readable: true }, key);
               tx.oncomplete = () => { db.close(); done(true); };
               tx.onabort = () => { db.close(); done('ERROR ' + tx.error); };
             };",
            vec![json!(id), json!(name), json!(text)],
        )
        .await;
    assert_eq!(result, json!(true), "storing {id}");
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// Ten plans of 10,000 salespeople with a year of actuals, each with a kept version, fit in the
/// browser and reopen after a reload; the open plan is on screen within a second of the page
/// load; a save of such a plan (timed by `body[data-save-ms]`) takes at most 150 ms.
#[tokio::test]
async fn ten_plans_of_ten_thousand_with_their_versions_fit_and_reopen_after_a_reload() {
    const OPEN_MS: f64 = 1000.0;
    const SAVE_MS: f64 = 150.0;
    // Timed, so with no other browser of the test process open meanwhile.
    let b = Browser::options()
        .lang("en-US")
        .exclusive()
        .timeout(std::time::Duration::from_secs(60))
        .open("/#/territory")
        .await;
    b.wait_for(READY).await;
    let mut plan = region_planner::core::sample::scaled_plan(10_000);
    plan.execution = region_planner::core::execution::sample_execution(&plan, 12);
    for n in 0..10 {
        plan.id = format!("big-{n}");
        plan.name = format!("Big plan {n}");
        store_big(&b, &plan.id, &plan.name, &write_plan(&plan)).await;
    }
    b.exec_js("localStorage.removeItem('region-planner/route');")
        .await;
    // The index opens the last one.
    let order: Vec<String> = (0..10).map(|n| format!("big-{n}")).collect();
    b.exec_js_async(
        "const [order, done] = arguments;
         const r = indexedDB.open('region-planner');
         r.onsuccess = () => {
           const tx = r.result.transaction('library', 'readwrite');
           tx.objectStore('library').put(JSON.stringify({ order, current: 'big-9' }), 'index');
           tx.oncomplete = () => { r.result.close(); done(true); };
         };",
        vec![json!(order)],
    )
    .await;

    let mut opens = Vec::new();
    for _ in 0..3 {
        b.reload().await;
        b.wait_for(READY).await;
        opens.push(
            b.exec_js("return window.__rp_ready_ms;")
                .await
                .as_f64()
                .unwrap(),
        );
        assert_eq!(b.value_of("#plan-select").await, "big-9");
        let names = b.texts_of("#plan-select option").await;
        for n in 0..10 {
            assert!(
                names.iter().any(|x| x == &format!("Big plan {n}")),
                "plan {n} is listed: {names:?}"
            );
        }
    }
    let open_ms = median(opens.clone());

    // Saves of the open plan: a rename of its first region, three times.
    let mut saves = Vec::new();
    for n in 1..=3 {
        let before = b
            .exec_js("return Number(document.body.dataset.saves || 0);")
            .await
            .as_f64()
            .unwrap();
        let region = format!("Region {n}");
        b.click_text(".tree-row", &region).await;
        b.wait_for_text(".tree-row.selected", &region).await;
        b.type_into("#detail-name", &format!("Renamed {n}")).await;
        b.press(&Key::Enter).await;
        b.wait_until(&format!(
            "Number(document.body.dataset.saves || 0) > {before}"
        ))
        .await;
        saves.push(
            b.exec_js("return Number(document.body.dataset.saveMs);")
                .await
                .as_f64()
                .unwrap(),
        );
    }
    let save_ms = median(saves.clone());
    assert!(
        save_ms <= SAVE_MS,
        "a save takes {save_ms:.0} ms {saves:?}, budget {SAVE_MS} ms"
    );
    b.wait_stored("big-9", "Renamed 3").await;
    let usage = b
        .exec_js_async(
            "const done = arguments[0]; navigator.storage.estimate().then(e => done([e.usage, e.quota]));",
            vec![],
        )
        .await;
    println!(
        "ten plans of 10,000 with a year of actuals and a version each: open {open_ms:.0} ms {opens:?}, \
         save {save_ms:.0} ms {saves:?}, storage [usage, quota] {usage}"
    );

    // After a reload every plan is there, the saved one with its change; another opens.
    b.reload().await;
    b.wait_for(READY).await;
    assert_eq!(
        b.count("#plan-select option").await,
        11,
        "ten plans and the sample"
    );
    b.wait_for_text(".tree", "Renamed 3").await;
    b.exec_js(
        "const s = document.querySelector('#plan-select'); s.value = 'big-3';
         s.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    b.wait_until("document.querySelector('#plan-select').value === 'big-3'")
        .await;
    b.click("#plan-versions").await;
    b.wait_until("document.querySelectorAll('#versions .version').length >= 10")
        .await;
    assert!(
        open_ms <= OPEN_MS,
        "opening took {open_ms:.0} ms (budget {OPEN_MS} ms)"
    );
}
