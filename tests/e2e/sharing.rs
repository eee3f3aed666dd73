//! Sharing plans: export and import, conflicts, broken files, CSV, share links, and the single
//! offline HTML file.

use serde_json::Value;

use super::support::{
    Browser, STORED_JS, artifacts_dir, dist::dist_dir, pick_import_file, temp_file,
};

const READY: &str = r#"body[data-ready="1"]"#;

async fn open(path: &str) -> Browser {
    Browser::options().lang("en-US").open(path).await
}

/// Makes the page keep the text of every file it offers for download in `window.__downloads`.
async fn capture_downloads(b: &Browser) {
    b.exec_js(
        "window.__downloads = [];
         const make = URL.createObjectURL;
         URL.createObjectURL = blob => {
           blob.arrayBuffer().then(b => {
             const bytes = new Uint8Array(b);
             window.__downloads.push({ type: blob.type, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes) });
           });
           return make(blob);
         };",
    )
    .await;
}

async fn downloads(b: &Browser, n: usize) -> Vec<Value> {
    b.wait_until(&format!(
        "window.__downloads && window.__downloads.length >= {n}"
    ))
    .await;
    serde_json::from_value(b.exec_js("return window.__downloads;").await).unwrap()
}

#[tokio::test]
async fn an_exported_plan_imports_into_a_fresh_profile_with_the_same_numbers() {
    let a = open("/#/breakdown").await;
    a.click_text("#breakdown-table tr[data-node]", "Hengyang")
        .await;
    a.type_into("#lock-value", "15,000,000").await;
    a.press(&super::support::Key::Enter).await;
    a.wait_for("#locked-at").await;
    let totals = a.text_of("#breakdown-table").await;
    capture_downloads(&a).await;
    a.click("#export-json").await;
    let files = downloads(&a, 1).await;
    let text = files[0]["text"].as_str().unwrap().to_string();
    assert!(
        text.contains("\n  \"format_version\": 1"),
        "exported JSON is indented for people"
    );
    let path = temp_file("exported.json", &text);

    let b = open("/#/breakdown").await;
    pick_import_file(&b, &path).await;
    // Same id as the sample already here: the manager chooses.
    b.wait_for_text("#dialog-host", "already in your plans")
        .await;
    b.click("#confirm-copy").await;
    b.wait_for_text(".toast", "Imported").await;
    b.wait_for_text("#breakdown-table", "🔒").await;
    assert_eq!(
        b.text_of("#breakdown-table").await,
        totals,
        "the same numbers show"
    );
    assert_eq!(
        b.count("#plan-select option").await,
        2,
        "imported beside the sample, not over it"
    );
}

#[tokio::test]
async fn replacing_on_import_keeps_a_backup_that_can_be_restored() {
    let b = open("/#/territory").await;
    capture_downloads(&b).await;
    b.click("#export-json").await;
    let text = downloads(&b, 1).await[0]["text"]
        .as_str()
        .unwrap()
        .replace("Changsha", "Changsha North");
    let path = temp_file("renamed.json", &text);
    pick_import_file(&b, &path).await;
    b.wait_for("#confirm-replace").await;
    b.click("#confirm-replace").await;
    b.wait_for_text(".tree", "Changsha North").await;
    assert_eq!(b.count("#plan-select option").await, 1);
    b.click("#toast-undo").await;
    b.wait_for_text(".toast", "is back").await;
    assert!(!b.text_of(".tree").await.contains("Changsha North"));
}

#[tokio::test]
async fn a_broken_file_is_refused_with_its_reason_and_nothing_changes() {
    let b = open("/#/territory").await;
    b.wait_until_async_true(&format!("{STORED_JS}('sample').then(t => !!t)"))
        .await;
    let before = b.stored_index().await;
    let plan_before = b.stored_plan("sample").await;
    for (name, text, reason) in [
        (
            "truncated.json",
            "{\"format_version\": 1, \"id\": \"x\", \"name\": ",
            "not valid JSON",
        ),
        (
            "other.json",
            "{\"name\": \"a shopping list\", \"items\": [1, 2]}",
            "format_version",
        ),
        ("future.json", "{\"format_version\": 9}", "newer version"),
    ] {
        let path = temp_file(name, text);
        pick_import_file(&b, &path).await;
        let toast = b.wait_for_text(".toast", name).await.text().await.unwrap();
        assert!(toast.contains(reason), "{name}: {toast}");
    }
    assert_eq!(b.stored_index().await, before);
    assert_eq!(b.stored_plan("sample").await, plan_before);
}

#[tokio::test]
async fn csv_exports_start_with_a_byte_order_mark() {
    let b = open("/#/territory").await;
    capture_downloads(&b).await;
    b.click("#territory-csv").await;
    b.click("#tab-breakdown").await;
    b.click("#breakdown-csv").await;
    let files = downloads(&b, 2).await;
    for f in &files {
        let text = f["text"].as_str().unwrap();
        assert!(text.starts_with('\u{feff}'), "BOM first: {:?}", &text[..20]);
        assert!(f["type"].as_str().unwrap().starts_with("text/csv"));
    }
    assert!(
        files[1]["text"]
            .as_str()
            .unwrap()
            .contains("level,id,name,parent_id,period,amount,quantity")
    );
}

#[tokio::test]
async fn a_share_link_opened_in_a_fresh_profile_offers_the_import() {
    let a = open("/#/territory").await;
    a.click("#share-link").await;
    let link = a
        .wait_for("#share-url")
        .await
        .prop("value")
        .await
        .unwrap()
        .unwrap();
    assert!(link.contains("#plan="), "{link}");

    let b = Browser::options().lang("en-US").launch().await;
    let path = &link[link.find("/#").unwrap()..];
    b.open(path).await;
    b.wait_for(READY).await;
    b.wait_for_text("#dialog-host", "shared the plan").await;
    b.click("#confirm-import").await;
    // The fresh profile already has the sample with this id: the conflict question follows.
    b.wait_for("#confirm-copy").await;
    b.click("#confirm-copy").await;
    b.wait_for_text(".toast", "Imported").await;

    let c = Browser::options().lang("en-US").launch().await;
    let damaged = format!(
        "{}!!{}",
        &path[..path.len() / 2],
        &path[path.len() / 2 + 2..]
    );
    c.open(&damaged).await;
    c.wait_for(READY).await;
    c.wait_for_text(".toast", "cannot be opened").await;
}

#[tokio::test]
async fn the_single_file_html_works_from_disk() {
    let out = artifacts_dir().join("region-planner.html");
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_planner"))
        .args(["bundle"])
        .arg(dist_dir())
        .arg(&out)
        .status()
        .expect("planner bundle runs");
    assert!(status.success(), "planner bundle failed");
    let b = Browser::options().lang("en-US").launch().await;
    b.client()
        .goto(&format!("file://{}", out.display()))
        .await
        .unwrap();
    b.wait_for(READY).await;
    b.wait_for_text(".tree", "Changsha").await;

    // The execution routes are in the same file: a record added there is in the same storage,
    // still there after a reload and a trip through the planning routes.
    b.click("#tab-customers").await;
    b.type_into("#new-customer-name", "Offline Trading").await;
    b.click("#add-customer").await;
    b.wait_for_text("#customer-record h3", "Offline Trading")
        .await;
    assert!(
        b.url().await.ends_with("region-planner.html#/customers"),
        "a route of the one file"
    );
    b.click("#tab-territory").await;
    b.wait_for(".tree").await;
    b.reload().await;
    b.wait_for(READY).await;
    b.click("#tab-customers").await;
    b.wait_for_text(".customers", "Offline Trading").await;
}
