//! What the room notices in a workshop: no silent zeros, numbers typed the Chinese way, messages
//! that time out and stay out of the tables, no English words in the Chinese screens.

use fantoccini::key::Key;

use super::support::Browser;

const READY: &str = r#"body[data-ready="1"]"#;

async fn chinese(path: &str) -> Browser {
    Browser::options().lang("zh-CN").open(path).await
}

async fn english(path: &str) -> Browser {
    Browser::options().lang("en-US").open(path).await
}

/// The year column of the breakdown row named `name`.
async fn year_of(b: &Browser, name: &str) -> String {
    b.exec_js_with(
        "for (const tr of document.querySelectorAll('#breakdown-table tr[data-node]')) {
           if (tr.querySelector('.row-name').textContent === arguments[0]) return tr.querySelector('td.year').textContent;
         } return null;",
        vec![name.into()],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

#[tokio::test]
async fn a_region_left_at_zero_is_named_with_its_people_and_one_click_gives_it_a_share() {
    let b = chinese("/#/breakdown").await;
    let banner = b
        .wait_for_text(
            "#zero-targets",
            "怀化及其 2 名业务人员的销售额和销量指标为 0",
        )
        .await
        .text()
        .await
        .unwrap();
    assert!(banner.contains("上期没有销售"), "{banner}");
    assert_eq!(year_of(&b, "怀化").await, "0");
    // "Show" selects it: why this number says why it is 0.
    b.click("#zero-targets .zero-show").await;
    b.wait_for_text(".explain-panel", "为何为 0").await;
    b.wait_for_text(".explain-panel", "上期没有销售").await;
    // The fix: the regions split evenly, everybody gets a share.
    b.click_text("#zero-targets .zero-fix", "区域改为平均分配")
        .await;
    b.wait_gone("#zero-targets").await;
    assert_ne!(year_of(&b, "怀化").await, "0");
    // It is one step of the history, and the log says what changed.
    b.click("#undo").await;
    b.wait_for_text("#zero-targets", "怀化").await;
    b.click("#redo").await;
    b.wait_gone("#zero-targets").await;
    b.click("#tab-log").await;
    b.wait_for_text("#log-table", "历史比例 → 平均分配").await;
}

/// The text shown beside the input `css` while a number is being typed.
async fn reading_of(b: &Browser, css: &str) -> String {
    b.exec_js_with(
        "const i = document.querySelector(arguments[0]);
         const r = i && i.closest('label').querySelector('.field-reading');
         return r ? r.textContent : null;",
        vec![css.into()],
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

async fn value_becomes(b: &Browser, css: &str, value: &str) {
    b.wait_until(&format!(
        "document.querySelector({}).value === {}",
        serde_json::to_string(css).unwrap(),
        serde_json::to_string(value).unwrap()
    ))
    .await;
}

#[tokio::test]
async fn amounts_typed_in_wan_yi_and_full_width_are_read_shown_back_and_kept() {
    // The territory: last period's sales of a region.
    let b = chinese("/#/territory").await;
    b.click_text(".tree-row", "长沙").await;
    let last = "#region-last-amount";
    b.type_into(last, "1.18亿").await;
    assert_eq!(
        reading_of(&b, last).await,
        "= 118,000,000",
        "shown before it is committed"
    );
    b.press(&Key::Enter).await;
    value_becomes(&b, last, "118,000,000").await;
    assert_eq!(reading_of(&b, last).await, "", "gone once committed");
    // Full-width digits and a trailing 元.
    b.type_into(last, "５０００００００元").await;
    assert_eq!(reading_of(&b, last).await, "= 50,000,000");
    b.press(&Key::Enter).await;
    value_becomes(&b, last, "50,000,000").await;
    // A share with a full-width percent sign.
    b.set_field("#region-share", "４５％").await;
    value_becomes(&b, "#region-share", "45").await;
    // What reads two ways is refused beside the field, and nothing changes.
    b.type_into(last, "1万5").await;
    assert_eq!(reading_of(&b, last).await, "");
    b.press(&Key::Enter).await;
    b.wait_for_text(".field.invalid .field-error", "有多种读法")
        .await;
    b.click("#tab-log").await;
    // New values are logged formatted like the old ones, however they were typed.
    b.wait_for_text("#log-table", "118,000,000 → 50,000,000")
        .await;
}

#[tokio::test]
async fn a_company_target_typed_in_wan_splits_down_the_breakdown() {
    let b = chinese("/#/breakdown").await;
    b.exec_js("document.querySelector('#bd-settings').open = true;")
        .await;
    let target = "#bd-amount-target";
    b.type_into(target, "5千万").await;
    assert_eq!(reading_of(&b, target).await, "= 50,000,000");
    b.press(&Key::Enter).await;
    b.wait_until(
        "Array.from(document.querySelectorAll('#breakdown-table tr.lvl-company td.year')).some(td => td.textContent === '50,000,000')",
    )
    .await;
    b.set_field(target, "１.２亿").await;
    b.wait_until(
        "Array.from(document.querySelectorAll('#breakdown-table tr.lvl-company td.year')).some(td => td.textContent === '120,000,000')",
    )
    .await;
}

#[tokio::test]
async fn an_actual_typed_in_wan_is_stored_as_the_amount() {
    use region_planner::core::lang::Lang;
    use region_planner::core::sample::sample_plan;
    let b = chinese("/#/actuals").await;
    let plan = sample_plan(Lang::Zh);
    let id = &plan.salespeople().nth(1).unwrap().id;
    let amount = format!("tr[data-person=\"{id}\"] input.figure-amount");
    b.type_into(&amount, "３.８万").await;
    b.press(&Key::Enter).await;
    value_becomes(&b, &amount, "38000").await;
    b.reload().await;
    b.wait_for(READY).await;
    b.wait_for(&amount).await;
    assert_eq!(b.value_of(&amount).await, "38000");
}
