//! The territory as a manager uses it: the sample plan, editing the tree, reloading, several
//! plans, bad input and damaged storage.

use super::support::{Browser, Key};

const READY: &str = r#"body[data-ready="1"]"#;
const TREE: &str = ".tree";

async fn english() -> Browser {
    Browser::options().lang("en-US").open("/").await
}

#[tokio::test]
async fn the_sample_plan_shows_on_first_visit() {
    let b = english().await;
    let tree = b
        .wait_for_text(TREE, "Changsha")
        .await
        .text()
        .await
        .unwrap();
    for name in [
        "Zhuzhou",
        "Hengyang",
        "Huaihua",
        "Furong District",
        "Wang Wei",
    ] {
        assert!(
            tree.contains(name),
            "the sample tree should show {name}: {tree}"
        );
    }
    for tier in ["Base camp", "Stronghold", "Contested", "Guerrilla"] {
        assert!(
            tree.contains(tier),
            "the sample has a region in the tier {tier}: {tree}"
        );
    }
    let zh = Browser::options().lang("zh-CN").launch().await;
    zh.open("/").await;
    zh.wait_for_text(TREE, "长沙").await;
    zh.wait_for_text(TREE, "大本营").await;
}

#[tokio::test]
async fn added_region_subdistrict_and_salesperson_survive_a_reload() {
    let b = english().await;
    b.click("#add-region").await;
    b.set_field("#detail-name", "Xiangxi").await;
    b.wait_for_text(".tree-row.selected", "Xiangxi").await;
    b.click(".tree-row.selected .icon.add").await;
    b.set_field("#detail-name", "Jishou City").await;
    b.wait_for_text(".tree-row.selected", "Jishou City").await;
    b.click(".tree-row.selected .icon.add").await;
    b.set_field("#detail-name", "Peng Li").await;
    b.wait_for_text(".tree-row.selected", "Peng Li").await;
    b.set_field("#person-role", "Sales representative").await;

    b.reload().await;
    b.wait_for(READY).await;
    let tree = b.wait_for_text(TREE, "Xiangxi").await.text().await.unwrap();
    assert!(tree.contains("Jishou City"), "{tree}");
    assert!(tree.contains("Peng Li"), "{tree}");
    b.click_text(".tree-row", "Peng Li").await;
    assert_eq!(b.value_of("#person-role").await, "Sales representative");
}

#[tokio::test]
async fn region_fields_are_kept_and_bad_values_are_refused_beside_the_field() {
    let b = english().await;
    b.click_text(".tree-row", "Zhuzhou").await;
    b.set_field("#region-manager", "Li Ming").await;
    b.set_field("#region-share", "120").await;
    let error = b
        .wait_for_text(".field.invalid .field-error", "between 0 and 100")
        .await;
    assert!(error.text().await.unwrap().contains("between 0 and 100"));
    b.set_field("#region-customers", "-4").await;
    b.wait_for_text(".field-error", "negative").await;

    b.reload().await;
    b.wait_for(READY).await;
    b.click_text(".tree-row", "Zhuzhou").await;
    assert_eq!(b.value_of("#region-manager").await, "Li Ming");
    assert_eq!(
        b.value_of("#region-share").await,
        "47.2",
        "the last good share stays"
    );
    assert_eq!(
        b.value_of("#region-customers").await,
        "94",
        "the last good count stays"
    );
}

#[tokio::test]
async fn subdistrict_factors_milestones_and_named_targets_are_edited_and_kept() {
    let b = english().await;
    b.click_text(".tree-row", "Yuelu District").await;
    b.set_field("#factor-population", "101").await;
    b.set_field("#factor-population", "many").await;
    b.wait_for_text(".field-error", "not a number").await;
    b.click("#add-milestone").await;
    let dates = ".milestone input[type=date]";
    b.wait_for(dates).await;
    let count = b.count(dates).await;
    b.exec_js_with(
        "const inputs = document.querySelectorAll(arguments[0]); const last = inputs[inputs.length - 1];
         last.value = '2027-09-15'; last.dispatchEvent(new Event('change', { bubbles: true }));",
        vec![dates.into()],
    )
    .await;
    b.type_into(".distributors .add-name input", "Changsha Hexin Trading")
        .await;
    b.press(&Key::Enter).await;
    b.wait_for_text(".distributors", "Changsha Hexin Trading")
        .await;

    b.reload().await;
    b.wait_for(READY).await;
    b.click_text(".tree-row", "Yuelu District").await;
    assert_eq!(b.value_of("#factor-population").await, "101");
    assert_eq!(b.count(dates).await, count);
    let last_date = b
        .exec_js_with(
            "const inputs = document.querySelectorAll(arguments[0]); return inputs[inputs.length - 1].value;",
            vec![dates.into()],
        )
        .await;
    assert_eq!(last_date, "2027-09-15");
    b.wait_for_text(".distributors", "Changsha Hexin Trading")
        .await;
}

#[tokio::test]
async fn a_corrupt_storage_entry_is_reported_and_left_untouched() {
    let b = english().await;
    let corrupt = "{\"format_version\": 1, \"id\": \"lost\", \"name\": ";
    b.set_local_storage("region-planner/plan/lost", corrupt)
        .await;
    b.reload().await;
    b.wait_for(READY).await;
    let banner = b
        .wait_for_text(".broken-entry", "lost")
        .await
        .text()
        .await
        .unwrap();
    assert!(banner.contains("could not be opened"), "{banner}");
    assert!(
        banner.contains("not valid JSON"),
        "the reason is given: {banner}"
    );
    b.wait_for_text(TREE, "Changsha").await;
    // Editing the open plan does not touch the broken entry.
    b.click("#add-region").await;
    b.reload().await;
    b.wait_for(READY).await;
    assert_eq!(
        b.get_local_storage("region-planner/plan/lost")
            .await
            .as_deref(),
        Some(corrupt)
    );
}

#[tokio::test]
async fn a_name_with_markup_is_shown_as_text() {
    let b = english().await;
    let name = "<img src=x onerror=\"window.__xss=1\">";
    b.click_text(".tree-row", "Changsha").await;
    b.set_field("#detail-name", name).await;
    let row = b
        .wait_for_text(".tree-row.selected", "<img")
        .await
        .text()
        .await
        .unwrap();
    assert!(row.contains(name), "{row}");
    assert_eq!(
        b.count(".tree img, .detail-panel img").await,
        0,
        "no element was made from the name"
    );
    b.reload().await;
    b.wait_for(READY).await;
    b.wait_for_text(TREE, "<img").await;
    assert!(
        b.exec_js("return window.__xss === undefined;")
            .await
            .as_bool()
            .unwrap()
    );
}

#[tokio::test]
async fn two_plans_can_be_created_and_switched() {
    let b = english().await;
    b.click("#plan-new").await;
    b.click("#plan-rename-button").await;
    b.type_into("#plan-rename", "Spring push").await;
    b.press(&Key::Enter).await;
    b.wait_for_text("#plan-select", "Spring push").await;
    b.click("#add-region").await;
    b.set_field("#detail-name", "Only region").await;
    assert_eq!(b.count("#plan-select option").await, 2);

    b.exec_js(
        "const s = document.querySelector('#plan-select'); s.selectedIndex = 0; s.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    b.wait_for_text(TREE, "Changsha").await;
    assert!(!b.text_of(TREE).await.contains("Only region"));

    b.reload().await;
    b.wait_for(READY).await;
    b.wait_for_text(TREE, "Changsha").await;
    b.exec_js(
        "const s = document.querySelector('#plan-select'); s.selectedIndex = 1; s.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    b.wait_for_text(TREE, "Only region").await;
}

#[tokio::test]
async fn a_deleted_plan_asks_first_and_can_be_brought_back() {
    let b = english().await;
    b.click("#plan-duplicate").await;
    b.wait_for_text("#plan-select", "(copy)").await;
    b.click("#plan-delete").await;
    b.wait_for_text(".dialog", "Delete the plan").await;
    b.click("#confirm-cancel").await;
    assert_eq!(
        b.count("#plan-select option").await,
        2,
        "cancel keeps the plan"
    );
    b.click("#plan-delete").await;
    b.click("#confirm-ok").await;
    b.wait_for_text(".toast", "deleted").await;
    assert_eq!(b.count("#plan-select option").await, 1);
    b.click("#toast-undo").await;
    b.wait_for_text("#plan-select", "(copy)").await;
    b.reload().await;
    b.wait_for(READY).await;
    assert_eq!(
        b.count("#plan-select option").await,
        2,
        "the restored plan was saved again"
    );
}

#[tokio::test]
async fn the_tree_works_from_the_keyboard() {
    let b = english().await;
    b.click_text(".tree-row", "Changsha").await;
    b.press(&Key::Down).await;
    b.wait_for_text(".tree-row.selected", "Furong District")
        .await;
    // Left closes an open node, then moves to its parent.
    b.press(&Key::Left).await;
    assert!(
        !b.text_of(TREE).await.contains("Wang Wei"),
        "Left collapses the sub-district"
    );
    b.press(&Key::Left).await;
    b.wait_for_text(".tree-row.selected", "Changsha").await;
    b.press(&Key::Left).await;
    assert!(
        !b.text_of(TREE).await.contains("Furong District"),
        "Left collapses the region"
    );
    b.press(&Key::Right).await;
    b.wait_for_text(TREE, "Furong District").await;
    // Alt+Down moves the region below its next sibling.
    b.press(&(Key::Alt + &*Key::Down)).await;
    let regions = b.texts_of(".tree-row.region .row-name").await;
    assert_eq!(&regions[..2], ["Zhuzhou", "Changsha"], "{regions:?}");
    // Insert adds a sub-district and puts the cursor in its name.
    b.press(&Key::Insert).await;
    b.press("Kaifu District").await;
    b.press(&Key::Enter).await;
    b.wait_for_text(".tree-row.selected", "Kaifu District")
        .await;
    // Delete removes the selected node; the toast offers to undo.
    b.click_text(".tree-row", "Kaifu District").await;
    b.press(&Key::Delete).await;
    b.wait_for_text(".toast", "Kaifu District").await;
    assert!(!b.text_of(TREE).await.contains("Kaifu District"));
    b.click("#toast-undo").await;
    b.wait_for_text(TREE, "Kaifu District").await;
}

#[tokio::test]
async fn a_full_storage_is_reported_and_the_edit_stays_on_screen() {
    let b = english().await;
    // Fill the origin's quota with another key, as other pages of the same site might.
    b.exec_js(
        "let chunk = 'x'.repeat(1 << 20); let i = 0;
         try { for (;;) { localStorage.setItem('filler-' + i, chunk); i++; } } catch (e) {}
         chunk = 'x'.repeat(1 << 12);
         try { for (;;) { localStorage.setItem('filler-small-' + i, chunk); i++; } } catch (e) {}
         chunk = 'x'.repeat(64);
         try { for (;;) { localStorage.setItem('filler-tiny-' + i, chunk); i++; } } catch (e) {}",
    )
    .await;
    b.click_text(".tree-row", "Changsha").await;
    b.set_field("#region-notes", &"Workshop note. ".repeat(100))
        .await;
    b.wait_for_text("#save-error", "storage is full").await;
    assert!(
        b.exists("#save-error button").await,
        "exporting the plan is offered"
    );
    assert!(
        b.value_of("#region-notes")
            .await
            .starts_with("Workshop note."),
        "the edit stays in memory"
    );
}
