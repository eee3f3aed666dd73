//! The change log: changes with their reasons, searched, kept across a reload, exported with
//! the plan, and earlier states restored. Also the time to export and import a plan of 10,000
//! salespeople.

use serde_json::Value;

use super::support::{Browser, Key, artifacts_dir};

const READY: &str = r#"body[data-ready="1"]"#;
const REASON: &str = "north gets +5% after the dealer meeting";

async fn english(path: &str) -> Browser {
    Browser::options().lang("en-US").open(path).await
}

/// Selects Changsha in the tree and sets its market share.
async fn set_changsha_share(b: &Browser, share: &str) {
    b.click("#tab-territory").await;
    b.click_text(".tree-row", "Changsha").await;
    b.set_field("#region-share", share).await;
    b.wait_for(&format!("#region-share[value=\"{share}\"]"))
        .await;
}

/// The texts of the log's rows, newest first.
async fn rows(b: &Browser) -> Vec<String> {
    b.texts_of("#log-table tbody tr").await
}

#[tokio::test]
async fn a_change_with_its_reason_is_logged_searched_kept_exported_and_restored() {
    let b = english("/#/territory").await;
    set_changsha_share(&b, "66").await;
    b.click("#tab-log").await;
    b.wait_for_text("#log-table", "Changsha · Market share (%): 64.5 → 66")
        .await;

    // The reason, typed in the entry's row; Enter saves it.
    b.set_field("tr[data-entry=\"0\"] .log-reason", REASON)
        .await;
    b.wait_for(&format!(
        "tr[data-entry=\"0\"] .log-reason[value=\"{REASON}\"]"
    ))
    .await;

    set_changsha_share(&b, "70").await;
    b.click("#tab-log").await;
    b.wait_for_text("#log-table", "66 → 70").await;
    let shown = rows(&b).await;
    assert_eq!(shown.len(), 2, "{shown:?}");
    assert!(
        shown[0].contains("66 → 70") && shown[1].contains("64.5 → 66"),
        "newest first: {shown:?}"
    );

    // Search: by the reason, in any case; and a search that finds nothing says so.
    b.set_field("#log-search", "DEALER").await;
    b.wait_until("document.querySelectorAll('#log-table tbody tr').length === 1")
        .await;
    assert!(rows(&b).await[0].contains("64.5 → 66"));
    b.set_field("#log-search", "Hengyang").await;
    b.wait_for_text("#change-log", "No change matches “Hengyang”.")
        .await;

    // A reload keeps the log and the reason.
    b.reload().await;
    b.wait_for(READY).await;
    b.wait_for_text("#log-table", "66 → 70").await;
    assert_eq!(b.value_of("tr[data-entry=\"0\"] .log-reason").await, REASON);

    // The exported file carries the log.
    b.capture_downloads().await;
    b.click("#export-json").await;
    let exported = b.downloaded(0).await;
    assert!(
        exported.contains("\"change_log\": ["),
        "{}",
        &exported[..200]
    );
    assert!(exported.contains(REASON));
    assert!(exported.contains("Changsha · Market share (%): 66 → 70"));

    // Restore the state before the second change: the share is 66 again, and that is a change
    // of its own, logged and undoable (from the toast, like a deletion, or with Undo).
    b.click("tr[data-entry=\"1\"] button.log-restore").await;
    b.wait_for_text("#log-table", "Restored the state before the change of")
        .await;
    b.wait_for_text(".toast", "Restored the state before the change of")
        .await;
    assert!(b.exists("#toast-undo").await);
    b.click("#tab-territory").await;
    b.click_text(".tree-row", "Changsha").await;
    assert_eq!(b.value_of("#region-share").await, "66");
    b.click("#undo").await;
    b.wait_for("#region-share[value=\"70\"]").await;

    // The state before the first change.
    b.click("#tab-log").await;
    b.click("tr[data-entry=\"0\"] button.log-restore").await;
    b.wait_for_text("tr[data-entry=\"2\"]", "Restored the state before")
        .await;
    b.click("#tab-territory").await;
    b.click_text(".tree-row", "Changsha").await;
    assert_eq!(b.value_of("#region-share").await, "64.5");
    b.click("#toast-undo").await;
    b.wait_for("#region-share[value=\"70\"]").await;
    // The message's undo is a step of the one history: the restore leaves the log, which holds
    // the two changes again, with the reason, and Redo brings the restore back.
    b.click("#tab-log").await;
    b.wait_until("document.querySelectorAll('#log-table tbody tr').length === 2")
        .await;
    let shown = rows(&b).await;
    assert!(
        shown[0].contains("66 → 70") && shown[1].contains("64.5 → 66"),
        "{shown:?}"
    );
    assert_eq!(b.value_of("tr[data-entry=\"0\"] .log-reason").await, REASON);
    b.click("#redo").await;
    b.wait_for_text("tr[data-entry=\"2\"]", "Restored the state before")
        .await;
    assert!(b.js_errors().await.is_empty());
}

#[tokio::test]
async fn the_log_view_at_projector_size_in_both_languages() {
    for (lang, region, tab) in [
        ("en-US", "Changsha", "Change log"),
        ("zh-CN", "长沙", "变更记录"),
    ] {
        let b = Browser::options()
            .lang(lang)
            .window_size(1280, 720)
            .launch()
            .await;
        b.open("/#/territory").await;
        b.wait_for(READY).await;
        b.click_text(".tree-row", region).await;
        b.set_field("#region-share", "66").await;
        b.click("#add-region").await;
        b.wait_for("#detail-name").await;
        b.click("#tab-log").await;
        b.wait_for_text("#tab-log", tab).await;
        b.wait_for("#log-table").await;
        b.set_field(
            "tr[data-entry=\"0\"] .log-reason",
            "dealer meeting 经销商会议",
        )
        .await;
        b.wait_for(".log-reason[value=\"dealer meeting 经销商会议\"]")
            .await;
        b.screenshot(
            artifacts_dir()
                .join("screens")
                .join(format!("log-{lang}.png")),
        )
        .await;
        assert_eq!(b.count("#log-table tbody tr").await, 2);
    }
}

/// Milliseconds in the page from clicking Export to the file being offered (its text made,
/// the download started).
async fn time_export(b: &Browser) -> (f64, f64) {
    let v: Value = b
        .exec_js(
            "let size = 0;
             const make = URL.createObjectURL;
             URL.createObjectURL = blob => { size = blob.size; return make(blob); };
             const start = performance.now();
             document.querySelector('#export-json').click();
             const ms = performance.now() - start;
             URL.createObjectURL = make;
             return [ms, size];",
        )
        .await;
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[tokio::test]
async fn export_and_import_of_ten_thousand_salespeople_are_timed_against_their_budgets() {
    // Export, from the plan open in the page.
    let b = super::breakdown::large_plan("/#/territory").await;
    b.wait_for_text(".tree", "Region 1").await;
    let mut exports = Vec::new();
    let mut bytes = 0.0;
    for _ in 0..3 {
        let (ms, size) = time_export(&b).await;
        exports.push(ms);
        bytes = size;
    }
    assert!(bytes > 3_000_000.0, "the exported file has {bytes} bytes");
    drop(b);

    // Import, of the file export writes, into a fresh profile: from the file chosen to the plan
    // on screen.
    let plan = region_planner::core::sample::scaled_plan(10_000);
    let text = region_planner::core::format::write_plan_pretty(&plan);
    let dir = artifacts_dir().join("files");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("plan-10000.json");
    std::fs::write(&path, &text).unwrap();
    let export = median(exports.clone());
    // Export meets the issue's 200 ms on the test machines too; import is held to their budget.
    assert!(export <= 200.0, "export took {export:.0} ms: {exports:?}");
    let budget = super::support::budget::IMPORT_10K;
    let (path, exports) = (&path, &exports);
    super::support::budget::within_attempts("import of 10,000 salespeople", || async move {
        let mut imports = Vec::new();
        for _ in 0..3 {
            let b = Browser::options()
                .lang("en-US")
                .exclusive()
                .timeout(std::time::Duration::from_secs(30))
                .launch()
                .await;
            b.open("/#/territory").await;
            b.wait_for(READY).await;
            b.exec_js(
                "window.__import_ms = null;
                 document.addEventListener('change', e => {
                   if (e.target.id !== 'import-file') return;
                   const start = performance.now();
                   const check = () => {
                     const toast = document.querySelector('.toast');
                     const tree = document.querySelector('.tree');
                     if (toast && toast.textContent.includes('Imported') && tree && tree.textContent.includes('Region 1'))
                       window.__import_ms = performance.now() - start;
                     else requestAnimationFrame(check);
                   };
                   requestAnimationFrame(check);
                 }, true);",
            )
            .await;
            b.wait_for("#import-file")
                .await
                .send_keys(&path.display().to_string())
                .await
                .expect("the file input takes the path");
            b.wait_until("window.__import_ms !== null").await;
            imports.push(
                b.exec_js("return window.__import_ms;")
                    .await
                    .as_f64()
                    .unwrap(),
            );
        }
        let import = median(imports.clone());
        println!(
            "plan of 10,000 salespeople ({:.1} MB of JSON), headless Chromium: export {export:.0} ms (median of {exports:.0?}), import {import:.0} ms (median of {imports:.0?})",
            bytes / 1e6
        );
        budget.check(&format!("import (median of {imports:.0?})"), import)
    })
    .await;
}

#[tokio::test]
async fn a_duplicated_plan_logs_its_new_name_and_restores_its_earlier_states() {
    let b = english("/#/territory").await;
    set_changsha_share(&b, "66").await;
    b.click("#plan-duplicate").await;
    b.wait_until("document.querySelectorAll('#plan-select option').length === 2")
        .await;
    b.click("#tab-log").await;
    b.wait_for_text("tr[data-entry=\"1\"]", "(copy)").await;
    // The copy has a new id; its log still brings back the share before the first change.
    b.click("tr[data-entry=\"0\"] button.log-restore").await;
    b.wait_for_text(".toast", "Restored the state before").await;
    b.click("#tab-territory").await;
    b.click_text(".tree-row", "Changsha").await;
    assert_eq!(b.value_of("#region-share").await, "64.5");
    // Exactly that state: also the name it had then (the rename came after).
    assert_eq!(
        b.text_of("#plan-select option:checked").await,
        "Hunan 2027 annual sales plan"
    );
    assert_eq!(
        b.count("#plan-select option").await,
        2,
        "still a plan of its own"
    );
}

/// Fires `input` events then `change` on a slider, as dragging it does.
async fn drag(b: &Browser, css: &str, values: &[&str]) {
    b.exec_js_with(
        "const s = document.querySelector(arguments[0]);
         for (const v of arguments[1]) { s.value = v; s.dispatchEvent(new Event('input', { bubbles: true })); }
         s.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![css.into(), serde_json::json!(values)],
    )
    .await;
}

#[tokio::test]
async fn every_kind_of_edit_says_what_it_changed() {
    let b = english("/#/breakdown").await;
    b.exec_js("document.querySelector('#bd-settings').open = true;")
        .await;
    b.set_field("#bd-amount-target", "125,000,000").await;
    b.wait_for_text("#total-amount", "125,000,000").await;
    b.exec_js(
        "const s = document.querySelector('#method-region'); s.value = 'even'; s.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    drag(&b, "#weight-transport", &["11", "14", "23"]).await;
    b.click("#season-flat").await;
    b.click("#tab-territory").await;
    b.click_text(".tree-row", "Yuelu District").await;
    b.type_into(".distributors .add-name input", "Changsha Hexin Trading")
        .await;
    b.press(&Key::Enter).await;
    b.wait_for_text(".distributors", "Changsha Hexin Trading")
        .await;
    b.click("#tab-log").await;
    b.wait_for("#log-table").await;
    let shown = rows(&b).await;
    let expect = [
        "Yuelu District · + Add distributor: Changsha Hexin Trading",
        "Equal months",
        "23",
        "Even",
        "118,000,000 → 125,000,000",
    ];
    assert_eq!(
        shown.len(),
        expect.len(),
        "one entry per edit, the drag one: {shown:#?}"
    );
    for (row, part) in shown.iter().zip(expect) {
        assert!(row.contains(part), "{part} in {row}");
    }
    // The name was added once: leaving its box after Enter does not add it again.
    b.click("#tab-territory").await;
    b.click_text(".tree-row", "Yuelu District").await;
    let names = b.texts_of(".distributors li").await;
    let added = names
        .iter()
        .filter(|n| n.contains("Changsha Hexin Trading"))
        .count();
    assert_eq!(added, 1, "{names:?}");
}
