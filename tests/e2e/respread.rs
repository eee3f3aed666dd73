//! Correction that re-plans (纠偏): from the deviation list, a region's gap re-spread over its
//! remaining months as a new scenario; its months in "why this number", compared with the
//! adopted scenario, adopted, and both steps undone — in both languages. Collections (回款)
//! behind pace are re-spread the same way and compared side by side (in English in
//! `respread_collections`).

use region_planner::core::breakdown::compute;
use region_planner::core::format::read_plan;
use region_planner::core::scenario::Measure;

use super::support::{Browser, STORED_JS, artifacts_dir};

/// The words each language shows along the way.
struct Words {
    lang: &'static str,
    sample_done: &'static str,
    region: &'static str,
    name_prefix: &'static str,
    seasonal: bool,
    created: &'static str,
    correction: &'static str,
    planned: &'static str,
}

const ZH: Words = Words {
    lang: "zh-CN",
    sample_done: "已填入示例执行数据",
    region: "区域",
    name_prefix: "纠偏：",
    seasonal: false,
    created: "已生成方案",
    correction: "纠偏",
    planned: "原计划",
};

const EN: Words = Words {
    lang: "en-US",
    sample_done: "Sample",
    region: "Region",
    name_prefix: "Correction: ",
    seasonal: true,
    created: "created",
    correction: "Correction (re-spread)",
    planned: "planned",
};

async fn re_spread_a_region(w: &Words, size: (u32, u32)) {
    let b = Browser::options()
        .lang(w.lang)
        .window_size(size.0, size.1)
        .open("/#/actuals")
        .await;
    b.click("#fill-sample").await;
    b.wait_for(".toast-text").await;
    assert!(
        b.text_of(".toast-text").await.contains(w.sample_done),
        "sample actuals filled"
    );
    b.click("#tab-tracking").await;
    b.wait_for(".deviations").await;
    // The first region behind pace on the amount.
    let script = format!(
        "const r = [...document.querySelectorAll('.deviations tr.deviation')].find(r => r.children[1].textContent === {}); return r ? r.dataset.node : null;",
        serde_json::to_string(w.region).unwrap()
    );
    let region = b.exec_js(&script).await;
    let region = region
        .as_str()
        .expect("a region behind pace in the sample")
        .to_string();
    b.click(&format!(
        ".deviation[data-node=\"{region}\"] button.respread-open"
    ))
    .await;
    b.wait_for("#respread-host").await;
    let name = b.value_of("#respread-name").await;
    assert!(name.starts_with(w.name_prefix), "scenario name {name:?}");
    assert!(
        name.ends_with("2027-03"),
        "named with its as-of month: {name:?}"
    );
    let tag = format!("{}-{}x{}", &w.lang[..2], size.0, size.1);
    b.screenshot(artifacts_dir().join(format!("screens/respread-dialog-{tag}.png")))
        .await;
    if w.seasonal {
        b.click("#respread-seasonal").await;
    }
    // Typing the reason and pressing Enter creates the scenario, as the button does.
    b.set_field("#respread-reason", "workshop 2027-04").await;
    b.wait_gone("#respread-host").await;
    b.wait_for_text("#respread-made", w.created).await;

    // The new scenario is stored: the region's months to date are what it achieved, its year
    // and the company's are those of the adopted scenario.
    let index: serde_json::Value =
        serde_json::from_str(&b.stored_index().await.expect("the index is stored")).unwrap();
    let plan_id = index["current"].as_str().unwrap().to_string();
    let stored = async || read_plan(&b.stored_plan(&plan_id).await.unwrap()).unwrap();
    b.wait_stored(&plan_id, "\"respreads\"").await;
    let plan = stored().await;
    let made = plan
        .scenarios
        .iter()
        .find(|s| s.name == name)
        .expect("the new scenario");
    assert_eq!(made.respreads.len(), 1);
    assert_eq!(made.respreads[0].reason, "workshop 2027-04");
    let adopted = plan.adopted().unwrap();
    let (before, after) = (
        compute(&plan, adopted).unwrap(),
        compute(&plan, made).unwrap(),
    );
    let i = after.find(&region).unwrap();
    assert_eq!(
        after.annual(i, Measure::Amount),
        before.annual(i, Measure::Amount)
    );
    assert_ne!(
        after.monthly_units(i, Measure::Amount),
        before.monthly_units(i, Measure::Amount)
    );
    let entry = plan.change_log.last().unwrap();
    assert!(entry.what.contains(&name), "logged: {}", entry.what);
    assert_eq!(entry.reason, "workshop 2027-04");

    // Compare opens on the adopted scenario and the new one.
    b.click("#respread-compare").await;
    b.wait_for_text("#compare-table", &name).await;
    // The region's year is kept, so the year view says only the months differ; its last month
    // carries part of the gap.
    b.wait_for(".months-hint").await;
    let region_delta = format!("#compare-table tr[data-node=\"{region}\"] td.delta");
    b.wait_for(&format!("{region_delta}.same")).await;
    b.exec_js(
        "const s = document.querySelector('#compare-span');
         s.value = String(s.options.length - 1);
         s.dispatchEvent(new Event('change', { bubbles: true }));",
    )
    .await;
    b.wait_for(&format!("{region_delta}.up")).await;
    b.wait_gone(".months-hint").await;
    b.screenshot(artifacts_dir().join(format!("screens/respread-compare-{tag}.png")))
        .await;

    // The breakdown shows the new scenario; why this number explains the region's months.
    b.click("#tab-breakdown").await;
    b.wait_for(&format!("#breakdown-table tr[data-node=\"{region}\"]"))
        .await;
    b.click(&format!("#breakdown-table tr[data-node=\"{region}\"]"))
        .await;
    let why = b
        .wait_for_text("#explain-body", w.correction)
        .await
        .text()
        .await
        .unwrap();
    assert!(why.contains("workshop 2027-04"), "the reason: {why}");
    assert!(why.contains(w.planned), "a re-spread month: {why}");
    b.screenshot(artifacts_dir().join(format!("screens/respread-why-{tag}.png")))
        .await;

    // Adopted, then both steps undone: the adopted scenario is back, the new one gone.
    b.click("#scenario-adopt").await;
    b.wait_for("#scenario-adopted").await;
    b.wait_until_async_true(&format!(
        "{STORED_JS}({plan_id:?}).then(t => !!t && JSON.parse(t).adopted_scenario === {})",
        serde_json::to_string(&made.id).unwrap()
    ))
    .await;
    b.click("#undo").await;
    b.wait_for("#scenario-adopt").await;
    b.click("#undo").await;
    b.wait_until(&format!(
        "![...document.querySelectorAll('#scenario-select option')].some(o => o.value === {})",
        serde_json::to_string(&made.id).unwrap()
    ))
    .await;
    b.wait_until_async_true(&format!(
        "{STORED_JS}({plan_id:?}).then(t => !!t && !t.includes('\"respreads\"'))"
    ))
    .await;
    assert!(b.js_errors().await.is_empty());
}

#[tokio::test]
async fn a_region_s_gap_is_re_spread_compared_adopted_and_undone_in_chinese() {
    re_spread_a_region(&ZH, (1280, 720)).await;
}

#[tokio::test]
async fn a_region_s_gap_is_re_spread_compared_adopted_and_undone_in_english() {
    re_spread_a_region(&EN, (1920, 1080)).await;
}

/// Collections (回款) behind pace are re-spread the same way: the tracking page shows collections
/// against their targets, a region behind on collections is re-spread into a new scenario that
/// carries the uncollected balance over its remaining months (sales targets untouched), and
/// once adopted the region is no longer behind on collections. In Chinese; undone after.
#[tokio::test]
async fn a_region_s_uncollected_balance_is_re_spread_in_chinese() {
    use region_planner::core::breakdown::collections;
    use region_planner::core::execution::Figure;

    let b = Browser::options()
        .lang("zh-CN")
        .window_size(1280, 720)
        .open("/#/actuals")
        .await;
    b.click("#fill-sample").await;
    b.wait_for(".toast-text").await;
    b.click("#tab-tracking").await;
    b.wait_for(".deviations").await;
    b.click("#track-collections").await;
    b.wait_for("#track-collections[aria-pressed=\"true\"]")
        .await;
    let region_row = "const r = [...document.querySelectorAll('.deviations tr.deviation')].find(r => r.children[1].textContent === '区域'); return r ? r.dataset.node : null;";
    b.wait_until(&format!("(() => {{ {region_row} }})() !== null"))
        .await;
    let region = b.exec_js(region_row).await.as_str().unwrap().to_string();
    b.click(&format!(
        ".deviation[data-node=\"{region}\"] button.respread-open"
    ))
    .await;
    b.wait_for("#respread-host").await;
    let explain = b.text_of("#respread-explain").await;
    assert!(explain.contains("回款月度指标"), "{explain}");
    let name = b.value_of("#respread-name").await;
    assert!(name.starts_with("回款纠偏："), "scenario name {name:?}");
    assert!(b.text_of("#respread-title").await.ends_with("的回款缺口"));
    b.screenshot(artifacts_dir().join("screens/respread-collections-dialog-zh-1280x720.png"))
        .await;
    b.set_field("#respread-reason", "回款滞后，后续月份追回")
        .await;
    b.wait_gone("#respread-host").await;
    b.wait_for_text("#respread-made", "已生成方案").await;

    // Stored: a collections re-spread; the region's collections months to date are what it
    // collected, its collections year and every sales target as in the adopted scenario.
    let index: serde_json::Value =
        serde_json::from_str(&b.stored_index().await.expect("the index is stored")).unwrap();
    let plan_id = index["current"].as_str().unwrap().to_string();
    b.wait_stored(&plan_id, "\"measure\":\"collections\"").await;
    let plan = read_plan(&b.stored_plan(&plan_id).await.unwrap()).unwrap();
    let made = plan.scenarios.iter().find(|s| s.name == name).unwrap();
    assert_eq!(made.respreads[0].measure, Figure::Collections);
    let adopted = plan.adopted().unwrap();
    let (before, after) = (
        compute(&plan, adopted).unwrap(),
        compute(&plan, made).unwrap(),
    );
    let (c0, c1) = (
        collections(adopted, &before).unwrap().unwrap(),
        collections(made, &after).unwrap().unwrap(),
    );
    let i = after.find(&region).unwrap();
    assert_eq!(c1.annual(i), c0.annual(i));
    assert_ne!(c1.monthly_units(i), c0.monthly_units(i));
    for m in [Measure::Amount, Measure::Quantity] {
        assert_eq!(after.monthly_units(i, m), before.monthly_units(i, m));
    }
    let entry = plan.change_log.last().unwrap();
    assert!(entry.what.contains("回款"), "logged: {}", entry.what);
    assert_eq!(entry.reason, "回款滞后，后续月份追回");

    // Compare: amount and quantity are unchanged, the page says the collections differ, and
    // its collections button shows them side by side.
    b.click("#respread-compare").await;
    b.wait_for_text("#compare-table", &name).await;
    b.wait_for(&format!(
        "#compare-table tr[data-node=\"{region}\"] td.delta.same"
    ))
    .await;
    let row = super::respread_collections::collections_side_by_side(
        &b,
        &plan,
        made,
        &region,
        "各方案的回款指标不同（回款纠偏）：点“回款目标”可并排比较。",
    )
    .await;
    assert!(row[2].starts_with('+'), "{row:?}");
    assert_eq!(b.text_of("#compare-collections").await, "回款目标");
    b.screenshot(artifacts_dir().join("screens/compare-collections-zh-1280x720.png"))
        .await;
    super::respread_collections::presented_comparison(
        &b,
        &region,
        "方案对比",
        ("回款目标 · ", "各方案的全年指标相同"),
        "screens/slide-compare-collections-zh-1280x720.png",
    )
    .await;

    // Why this number, on the new scenario's breakdown: the region's collections correction,
    // with what was collected, the balance carried and the reason.
    b.click("#tab-breakdown").await;
    b.wait_for(&format!("#breakdown-table tr[data-node=\"{region}\"]"))
        .await;
    b.click(&format!("#breakdown-table tr[data-node=\"{region}\"]"))
        .await;
    let why = b
        .wait_for_text("#explain-body", "回款纠偏")
        .await
        .text()
        .await
        .unwrap();
    assert!(why.contains("未回款"), "{why}");
    assert!(why.contains("原因：回款滞后，后续月份追回"), "{why}");
    b.screenshot(artifacts_dir().join("screens/respread-collections-why-zh-1280x720.png"))
        .await;

    // Adopted: on collections the region is on plan to date (its months to date are what it
    // collected), so it leaves the deviation list.
    b.click("#scenario-adopt").await;
    b.wait_for("#scenario-adopted").await;
    b.click("#tab-tracking").await;
    b.click("#track-collections").await;
    b.wait_for("#track-collections[aria-pressed=\"true\"]")
        .await;
    b.wait_for(".deviations").await;
    b.wait_gone(&format!(".deviation[data-node=\"{region}\"]"))
        .await;
    b.screenshot(artifacts_dir().join("screens/respread-collections-adopted-zh-1280x720.png"))
        .await;
    b.click("#undo").await;
    b.click("#undo").await;
    b.wait_until_async_true(&format!(
        "{STORED_JS}({plan_id:?}).then(t => !!t && !t.includes('\"respreads\"'))"
    ))
    .await;
    assert!(b.js_errors().await.is_empty());
}
