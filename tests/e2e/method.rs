//! The source text's method on the execution routes: overdue milestones on the deviation list,
//! market share during the year with tier drift, the printed plan's budget in money.

use region_planner::core::lang::Lang;
use region_planner::core::model::Plan;
use region_planner::core::sample::sample_plan;

use super::support::{Browser, Key, artifacts_dir};

const READY: &str = r#"body[data-ready="1"]"#;

/// The app on `path` with `plan` as the only plan, at the projector's size.
async fn open_with(plan: &Plan, path: &str, lang: &str) -> Browser {
    let b = Browser::options()
        .lang(lang)
        .window_size(1280, 720)
        .open(path)
        .await;
    b.wait_for(READY).await;
    b.set_local_storage(
        &format!("region-planner/plan/{}", plan.id),
        &region_planner::core::format::write_plan(plan),
    )
    .await;
    b.set_local_storage(
        "region-planner/index",
        &format!("{{\"order\":[\"{0}\"],\"current\":\"{0}\"}}", plan.id),
    )
    .await;
    b.reload().await;
    b.wait_for(READY).await;
    b
}

/// Today in UTC, the machines' time zone (the app counts in the browser's local day).
fn today() -> chrono::NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs();
    chrono::DateTime::from_timestamp(secs as i64, 0)
        .unwrap()
        .date_naive()
}

/// The sample with its first sub-district's first milestone due `days` ago.
fn plan_with_overdue_milestone(lang: Lang, days: i64) -> Plan {
    let mut plan = sample_plan(lang);
    plan.regions[0].subdistricts[0].milestones[0].date = today() - chrono::Duration::days(days);
    plan
}

#[tokio::test]
async fn an_overdue_milestone_is_a_deviation_with_an_action_and_a_done_tick() {
    let plan = plan_with_overdue_milestone(Lang::En, 20);
    let d = &plan.regions[0].subdistricts[0];
    let row = format!("tr.milestone-overdue[data-milestone=\"{}|0\"]", d.id);
    let b = open_with(&plan, "/#/tracking", "en-US").await;
    b.wait_for_text("#milestones-title", "Overdue milestones")
        .await;
    b.wait_for_text(&format!("{row} td.name"), &format!("{} · Changsha", d.name))
        .await;
    b.wait_for_text(&format!("{row} td.behind"), "20 days")
        .await;
    assert_eq!(
        b.text_of(&format!("{row} td:nth-child(2)")).await,
        d.milestones[0].title
    );
    b.type_into(
        &format!("{row} td.note-cell input"),
        "Director visits the distributor",
    )
    .await;
    b.press(&Key::Enter).await;
    b.wait_until(&format!(
        "(localStorage.getItem('region-planner/plan/{}') || '').includes('Director visits')",
        plan.id
    ))
    .await;
    b.screenshot(artifacts_dir().join("screens/method-milestone-overdue.png"))
        .await;
    // Ticked done: it leaves the list, done today, the action kept.
    b.click(&format!("{row} td.done-cell input[type=checkbox]"))
        .await;
    b.wait_gone(&row).await;
    b.wait_until(&format!(
        "(localStorage.getItem('region-planner/plan/{}') || '').includes('\"done_on\"')",
        plan.id
    ))
    .await;
    let stored = b
        .get_local_storage(&format!("region-planner/plan/{}", plan.id))
        .await
        .unwrap();
    let stored = region_planner::core::format::read_plan(&stored).unwrap();
    let m = &stored.regions[0].subdistricts[0].milestones[0];
    assert!(m.done);
    assert_eq!(m.done_on, Some(today()));
    assert_eq!(m.note, "Director visits the distributor");
    // One step of the history: undo puts it back on the list.
    b.click("#undo").await;
    b.wait_for(&row).await;
}

#[tokio::test]
async fn overdue_milestones_read_in_chinese_on_the_deviation_list_and_the_subdistrict() {
    let plan = plan_with_overdue_milestone(Lang::Zh, 3);
    let d = &plan.regions[0].subdistricts[0];
    let row = format!("tr.milestone-overdue[data-milestone=\"{}|0\"]", d.id);
    let b = open_with(&plan, "/#/tracking", "zh-CN").await;
    b.wait_for_text("#milestones-title", "逾期的进度节点").await;
    b.wait_for_text(&format!("{row} td.behind"), "3 天").await;
    assert!(
        b.texts_of("table.overdue-milestones th")
            .await
            .contains(&"纠正措施".to_string()),
        "the same corrective action as a target deviation"
    );
    b.screenshot(artifacts_dir().join("screens/method-milestone-overdue-zh.png"))
        .await;
    // Its sub-district marks it, with the same action field.
    b.click("#tab-territory").await;
    b.click_text(".tree-row", &d.name).await;
    b.wait_for_text(".milestone.overdue .overdue-badge", "逾期 3 天")
        .await;
    assert_eq!(b.count(".milestone.overdue").await, 1);
    let inputs =
        |css: &str| format!("document.querySelector('{css}').querySelectorAll('input').length");
    let overdue = b
        .exec_js(&format!("return {}", inputs(".milestone.overdue")))
        .await;
    let other = b
        .exec_js(&format!("return {}", inputs(".milestone:not(.overdue)")))
        .await;
    assert_eq!(
        overdue.as_u64().unwrap(),
        other.as_u64().unwrap() + 1,
        "an overdue milestone has its corrective-action field"
    );
    b.exec_js("document.querySelector('.milestone.overdue').scrollIntoView({block: 'center'})")
        .await;
    b.screenshot(artifacts_dir().join("screens/method-milestone-subdistrict-zh.png"))
        .await;
}

/// The share typed for 株洲 falls below the stronghold threshold: flagged, then adopted as
/// 运动区域 with a reason (an override of the adopted scenario, in the change log).
#[tokio::test]
async fn a_share_below_its_tiers_threshold_is_flagged_and_the_new_tier_adopted_with_a_reason() {
    let plan = sample_plan(Lang::Zh);
    let zhuzhou = &plan.regions[1];
    let row = format!("tr.share-row[data-region=\"{}\"]", zhuzhou.id);
    let b = open_with(&plan, "/#/tracking", "zh-CN").await;
    b.wait_for_text("#shares-title", "市场占有率").await;
    b.type_into(&format!("{row} td.share-input input"), "38")
        .await;
    b.press(&Key::Enter).await;
    b.wait_for_text(
        &format!("{row} .drift-message"),
        "株洲目前为 38%：应属运动区域，请复核策略",
    )
    .await;
    assert_eq!(b.count("tr.share-row.drift").await, 1, "only 株洲");
    b.screenshot(artifacts_dir().join("screens/method-share-drift-zh.png"))
        .await;
    // A reason adopts the tier.
    b.type_into(&format!("{row} td.review-cell input"), "二季度竞品降价")
        .await;
    b.press(&Key::Enter).await;
    b.wait_gone(&format!("{row}.drift")).await;
    b.wait_for_text(&format!("{row} .tier-badge"), "运动区域")
        .await;
    let stored = b
        .get_local_storage(&format!("region-planner/plan/{}", plan.id))
        .await
        .unwrap();
    let stored = region_planner::core::format::read_plan(&stored).unwrap();
    let o = &stored.adopted().unwrap().tier_overrides[&zhuzhou.id];
    assert_eq!(o.reason, "二季度竞品降价");
    assert_eq!(
        stored.execution.shares[&zhuzhou.id]
            .values()
            .copied()
            .collect::<Vec<_>>(),
        [rust_decimal::Decimal::from(38)]
    );
    b.click("#tab-log").await;
    b.wait_for_text("main", "二季度竞品降价").await;
}

#[tokio::test]
async fn market_shares_read_in_english() {
    let plan = sample_plan(Lang::En);
    let row = format!("tr.share-row[data-region=\"{}\"]", plan.regions[1].id);
    let b = open_with(&plan, "/#/tracking", "en-US").await;
    b.wait_for_text("#shares-title", "Market share during the year")
        .await;
    b.type_into(&format!("{row} td.share-input input"), "38")
        .await;
    b.press(&Key::Enter).await;
    b.wait_for_text(
        &format!("{row} .drift-message"),
        "Zhuzhou now 38%: would be Contested — review the strategy",
    )
    .await;
    assert!(
        b.text_of(&format!("{row} td.review-cell"))
            .await
            .contains("Adopt Contested: reason")
    );
    b.type_into(&format!("{row} td.share-input input"), "140")
        .await;
    b.press(&Key::Enter).await;
    b.wait_for(&format!("{row} .field-error")).await;
    b.exec_js("document.querySelector('#shares-title').scrollIntoView()")
        .await;
    b.screenshot(artifacts_dir().join("screens/method-share-drift-en.png"))
        .await;
}
